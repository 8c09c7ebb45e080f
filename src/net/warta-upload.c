/* warta-upload.c: one file on its way to a platform, as a model a view binds to
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "warta-upload-private.h"

struct _WartaUpload
{
  GObject parent_instance;

  WartaUploadOpenFunc open_func;
  gpointer open_data;
  GDestroyNotify open_destroy;

  char *filename;
  char *content_type;
  guint64 total_bytes;
  guint64 bytes_sent;
  double fraction;
  WartaUploadState state;
  GError *error;
  char *remote_id;
  char *remote_url;

  /* Notifications go out in the thread that made the upload; a request
   * sent from a worker thread reports its progress through these. */
  GThread *owner;
  GMainContext *context;
  GMutex pending_lock;
  GCond pending_cond;
  guint64 pending_bytes;     /* the sending thread's latest value */
  guint pending_generation;  /* ... valid while this is generation */
  gboolean pending_fresh;    /* ... not yet shown */
  gboolean pending_scheduled;
  guint64 scheduled_bytes;   /* the value shown, or on its way to be */
  guint generation;          /* bumped by every update in the owner thread */
};

G_DEFINE_FINAL_TYPE (WartaUpload, warta_upload, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FILENAME,
  PROP_CONTENT_TYPE,
  PROP_TOTAL_BYTES,
  PROP_BYTES_SENT,
  PROP_FRACTION,
  PROP_STATE,
  PROP_ERROR,
  PROP_REMOTE_ID,
  PROP_REMOTE_URL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GType
warta_upload_state_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    {
      static const GEnumValue values[] = {
        { WARTA_UPLOAD_STATE_PENDING, "WARTA_UPLOAD_STATE_PENDING", "pending" },
        { WARTA_UPLOAD_STATE_SENDING, "WARTA_UPLOAD_STATE_SENDING", "sending" },
        { WARTA_UPLOAD_STATE_WAITING, "WARTA_UPLOAD_STATE_WAITING", "waiting" },
        { WARTA_UPLOAD_STATE_PROCESSING, "WARTA_UPLOAD_STATE_PROCESSING", "processing" },
        { WARTA_UPLOAD_STATE_DONE, "WARTA_UPLOAD_STATE_DONE", "done" },
        { WARTA_UPLOAD_STATE_FAILED, "WARTA_UPLOAD_STATE_FAILED", "failed" },
        { WARTA_UPLOAD_STATE_CANCELLED, "WARTA_UPLOAD_STATE_CANCELLED", "cancelled" },
        { 0, NULL, NULL },
      };
      GType id = g_enum_register_static (g_intern_static_string ("WartaUploadState"), values);

      g_once_init_leave (&type_id, id);
    }
  return type_id;
}

static void
warta_upload_finalize (GObject *object)
{
  WartaUpload *self = (WartaUpload *)object;

  if (self->open_destroy)
    self->open_destroy (self->open_data);
  g_free (self->filename);
  g_free (self->content_type);
  g_clear_error (&self->error);
  g_free (self->remote_id);
  g_free (self->remote_url);
  g_main_context_unref (self->context);
  g_mutex_clear (&self->pending_lock);
  g_cond_clear (&self->pending_cond);

  G_OBJECT_CLASS (warta_upload_parent_class)->finalize (object);
}

static void
warta_upload_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  WartaUpload *self = WARTA_UPLOAD (object);

  switch (prop_id)
    {
    case PROP_FILENAME:
      g_value_set_string (value, self->filename);
      break;
    case PROP_CONTENT_TYPE:
      g_value_set_string (value, self->content_type);
      break;
    case PROP_TOTAL_BYTES:
      g_value_set_uint64 (value, self->total_bytes);
      break;
    case PROP_BYTES_SENT:
      g_value_set_uint64 (value, self->bytes_sent);
      break;
    case PROP_FRACTION:
      g_value_set_double (value, self->fraction);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;
    case PROP_REMOTE_ID:
      g_value_set_string (value, self->remote_id);
      break;
    case PROP_REMOTE_URL:
      g_value_set_string (value, self->remote_url);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
warta_upload_class_init (WartaUploadClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = warta_upload_finalize;
  object_class->get_property = warta_upload_get_property;

  properties[PROP_FILENAME] =
    g_param_spec_string ("filename", NULL, NULL, NULL, flags);
  properties[PROP_CONTENT_TYPE] =
    g_param_spec_string ("content-type", NULL, NULL, NULL, flags);
  properties[PROP_TOTAL_BYTES] =
    g_param_spec_uint64 ("total-bytes", NULL, NULL, 0, G_MAXUINT64, 0, flags);
  properties[PROP_BYTES_SENT] =
    g_param_spec_uint64 ("bytes-sent", NULL, NULL, 0, G_MAXUINT64, 0, flags);
  properties[PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL, 0.0, 1.0, 0.0, flags);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, WARTA_TYPE_UPLOAD_STATE,
                       WARTA_UPLOAD_STATE_PENDING, flags);
  properties[PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR, flags);
  properties[PROP_REMOTE_ID] =
    g_param_spec_string ("remote-id", NULL, NULL, NULL, flags);
  properties[PROP_REMOTE_URL] =
    g_param_spec_string ("remote-url", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
warta_upload_init (WartaUpload *self)
{
  self->owner = g_thread_self ();
  self->context = g_main_context_ref_thread_default ();
  g_mutex_init (&self->pending_lock);
  g_cond_init (&self->pending_cond);
}

static GInputStream *
open_file (gpointer       user_data,
           GCancellable  *cancellable,
           GError       **error)
{
  return G_INPUT_STREAM (g_file_read (G_FILE (user_data), cancellable, error));
}

/* Queries the size now (one stat); the file is opened, and read in
 * chunks, only while a request sends it. */
WartaUpload *
warta_upload_new_for_file (GFile       *file,
                           const char  *content_type,
                           GError     **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *basename = NULL;
  const char *type = content_type;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                            G_FILE_ATTRIBUTE_STANDARD_CONTENT_TYPE ","
                            G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    return NULL;

  if (type == NULL)
    type = g_file_info_get_content_type (info);

  basename = g_file_get_basename (file);
  return warta_upload_new_for_stream_func (open_file, g_object_ref (file), g_object_unref,
                                           (guint64) g_file_info_get_size (info),
                                           basename, type);
}

WartaUpload *
warta_upload_new_for_stream_func (WartaUploadOpenFunc  open_func,
                                  gpointer             user_data,
                                  GDestroyNotify       destroy,
                                  guint64              size,
                                  const char          *filename,
                                  const char          *content_type)
{
  WartaUpload *self;
  g_autofree char *mime = NULL;

  g_return_val_if_fail (open_func != NULL, NULL);
  g_return_val_if_fail (filename != NULL, NULL);

  self = g_object_new (WARTA_TYPE_UPLOAD, NULL);
  self->open_func = open_func;
  self->open_data = user_data;
  self->open_destroy = destroy;
  self->total_bytes = size;
  self->filename = g_strdup (filename);
  if (content_type)
    mime = g_content_type_get_mime_type (content_type);
  self->content_type = g_strdup (mime ? mime : "application/octet-stream");
  return self;
}

GInputStream *
warta_upload_open (WartaUpload   *self,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_return_val_if_fail (WARTA_IS_UPLOAD (self), NULL);

  return self->open_func (self->open_data, cancellable, error);
}

const char *
warta_upload_get_filename (WartaUpload *self)
{
  g_return_val_if_fail (WARTA_IS_UPLOAD (self), NULL);
  return self->filename;
}

const char *
warta_upload_get_content_type (WartaUpload *self)
{
  g_return_val_if_fail (WARTA_IS_UPLOAD (self), NULL);
  return self->content_type;
}

guint64
warta_upload_get_total_bytes (WartaUpload *self)
{
  g_return_val_if_fail (WARTA_IS_UPLOAD (self), 0);
  return self->total_bytes;
}

guint64
warta_upload_get_bytes_sent (WartaUpload *self)
{
  g_return_val_if_fail (WARTA_IS_UPLOAD (self), 0);
  return self->bytes_sent;
}

double
warta_upload_get_fraction (WartaUpload *self)
{
  g_return_val_if_fail (WARTA_IS_UPLOAD (self), 0.0);
  return self->fraction;
}

WartaUploadState
warta_upload_get_state (WartaUpload *self)
{
  g_return_val_if_fail (WARTA_IS_UPLOAD (self), WARTA_UPLOAD_STATE_PENDING);
  return self->state;
}

const GError *
warta_upload_get_error (WartaUpload *self)
{
  g_return_val_if_fail (WARTA_IS_UPLOAD (self), NULL);
  return self->error;
}

const char *
warta_upload_get_remote_id (WartaUpload *self)
{
  g_return_val_if_fail (WARTA_IS_UPLOAD (self), NULL);
  return self->remote_id;
}

const char *
warta_upload_get_remote_url (WartaUpload *self)
{
  g_return_val_if_fail (WARTA_IS_UPLOAD (self), NULL);
  return self->remote_url;
}

static gboolean
set_str (char       **dest,
         const char  *value)
{
  if (g_strcmp0 (*dest, value) == 0)
    return FALSE;
  g_free (*dest);
  *dest = g_strdup (value);
  return TRUE;
}

static void
set_fraction (WartaUpload *self,
              double       fraction)
{
  fraction = CLAMP (fraction, 0.0, 1.0);
  /* A progress bar shows no finer steps: fewer notifications. */
  if (fraction == self->fraction ||
      (fraction > 0.0 && fraction < 1.0 && ABS (fraction - self->fraction) < 0.001))
    return;
  self->fraction = fraction;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
}

void
_warta_upload_set_state (WartaUpload      *self,
                         WartaUploadState  state)
{
  g_return_if_fail (WARTA_IS_UPLOAD (self));

  if (self->state == state)
    return;
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
  /* A new attempt: the last attempt's error no longer applies. */
  if ((state == WARTA_UPLOAD_STATE_SENDING || state == WARTA_UPLOAD_STATE_PENDING) && self->error)
    _warta_upload_set_error (self, NULL);
  if (state == WARTA_UPLOAD_STATE_DONE)
    set_fraction (self, 1.0);
}

static void
apply_bytes_sent (WartaUpload *self,
                  guint64      bytes_sent)
{
  if (self->bytes_sent == bytes_sent)
    return;
  self->bytes_sent = bytes_sent;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BYTES_SENT]);
  if (self->total_bytes > 0)
    set_fraction (self, (double) bytes_sent / (double) self->total_bytes);
  else if (bytes_sent == 0)
    set_fraction (self, 0.0);
}

/* Shows the sending thread's latest value, unless the owner thread has
 * set one since. */
static void
apply_pending (WartaUpload *self,
               gboolean     from_source)
{
  guint64 bytes;
  gboolean show;

  g_mutex_lock (&self->pending_lock);
  if (from_source)
    self->pending_scheduled = FALSE;
  bytes = self->pending_bytes;
  show = self->pending_fresh && self->pending_generation == self->generation;
  self->pending_fresh = FALSE;
  g_cond_broadcast (&self->pending_cond);
  g_mutex_unlock (&self->pending_lock);

  if (show)
    apply_bytes_sent (self, bytes);
}

static gboolean
apply_pending_cb (gpointer user_data)
{
  apply_pending (WARTA_UPLOAD (user_data), TRUE);
  return G_SOURCE_REMOVE;
}

/* A sending thread hands its progress on every step: a thousandth of the
 * file, at least MIN_PROGRESS_STEP bytes, which is finer than a progress
 * bar can show. It waits while the main context lags more than
 * MAX_LAG_STEPS steps behind (up to MAX_LAG_WAIT_US), so that what the
 * user sees stays close to what was sent, and a cancel made on seeing
 * progress lands near that point even when the main loop is busy (in the
 * tests, with a loopback server that reads for as long as there is
 * something to read). Each step wakes the main context: in steps of
 * 256 KiB, a gigabyte sent at loopback speed cost a fifth of its
 * throughput (bench/run upload). A file smaller than a hundred steps is
 * shown in hundredths: in steps of 256 KiB, a photo of 200 KiB showed
 * nothing until the platform answered, however long it took. */
#define MIN_PROGRESS_STEP (256 * 1024)
#define MIN_STEPS 100
#define MAX_LAG_STEPS 4
#define MAX_LAG_WAIT_US (200 * 1000)

static guint64
progress_step (WartaUpload *self)
{
  guint64 step = MAX ((guint64) MIN_PROGRESS_STEP, self->total_bytes / 1024);

  if (self->total_bytes > 0)
    step = MAX (1, MIN (step, self->total_bytes / MIN_STEPS));
  return step;
}

/* Callable from any thread. From another thread than the upload's, the
 * value goes to the upload's main context in steps (see above), and
 * _warta_upload_flush_bytes_sent() shows the last one when the request is
 * over; an update made meanwhile in the upload's own thread (a platform's
 * confirmed offset) wins over one still on its way. */
void
_warta_upload_set_bytes_sent (WartaUpload *self,
                              guint64      bytes_sent)
{
  guint64 step;

  g_return_if_fail (WARTA_IS_UPLOAD (self));

  if (g_thread_self () == self->owner)
    {
      g_mutex_lock (&self->pending_lock);
      self->generation++;
      self->pending_fresh = FALSE;
      self->scheduled_bytes = bytes_sent;
      g_mutex_unlock (&self->pending_lock);
      apply_bytes_sent (self, bytes_sent);
      return;
    }

  step = progress_step (self);
  g_mutex_lock (&self->pending_lock);
  self->pending_bytes = bytes_sent;
  self->pending_generation = self->generation;
  self->pending_fresh = TRUE;
  if (self->pending_scheduled && bytes_sent > self->scheduled_bytes + MAX_LAG_STEPS * step)
    {
      gint64 deadline = g_get_monotonic_time () + MAX_LAG_WAIT_US;

      while (self->pending_scheduled &&
             g_cond_wait_until (&self->pending_cond, &self->pending_lock, deadline))
        ;
    }
  if (!self->pending_scheduled &&
      (bytes_sent < self->scheduled_bytes || bytes_sent >= self->scheduled_bytes + step))
    {
      /* Not g_main_context_invoke(): it could run the callback here, in
       * this thread, if it acquires a context nobody iterates just now. */
      g_autoptr(GSource) source = g_idle_source_new ();

      self->pending_scheduled = TRUE;
      self->scheduled_bytes = bytes_sent;
      g_source_set_priority (source, G_PRIORITY_DEFAULT);
      g_source_set_callback (source, apply_pending_cb, g_object_ref (self), g_object_unref);
      g_source_set_static_name (source, "[warta] upload progress");
      g_source_attach (source, self->context);
    }
  g_mutex_unlock (&self->pending_lock);
}

/* In the upload's thread, once a sending thread is done with it. */
void
_warta_upload_flush_bytes_sent (WartaUpload *self)
{
  g_return_if_fail (WARTA_IS_UPLOAD (self));
  g_return_if_fail (g_thread_self () == self->owner);

  apply_pending (self, FALSE);
}

void
_warta_upload_set_error (WartaUpload  *self,
                         const GError *error)
{
  g_return_if_fail (WARTA_IS_UPLOAD (self));

  if (self->error == NULL && error == NULL)
    return;
  g_clear_error (&self->error);
  if (error)
    self->error = g_error_copy (error);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

void
_warta_upload_set_remote (WartaUpload *self,
                          const char  *id,
                          const char  *url)
{
  g_return_if_fail (WARTA_IS_UPLOAD (self));

  if (set_str (&self->remote_id, id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REMOTE_ID]);
  if (set_str (&self->remote_url, url))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REMOTE_URL]);
}
