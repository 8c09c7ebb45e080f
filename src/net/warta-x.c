/* warta-x.c: publishing to one X (Twitter) account
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * platform-apis.md §3: media through /2/media/upload/initialize, {id}/append
 * and {id}/finalize, processing followed with check_after_secs, then
 * POST /2/tweets; errors as problem+json or {"errors": [{code, message}]};
 * rate limits in x-rate-limit-* (epoch seconds) and, for posting, the
 * x-user-limit-24hour-* headers. No idempotency (§3.8): the account's
 * timeline is read before a post is sent again.
 */
#define G_LOG_DOMAIN "warta-x"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "warta-upload-private.h"
#include "warta-upload-range.h"
#include "warta-x.h"
#include "warta-json-private.h"

#define SERVICE "X"
#define POST_URL "https://x.com/i/web/status/"
#define MAX_SEGMENT_SIZE (5 * 1024 * 1024)
#define DEFAULT_SEGMENT_SIZE (4 * 1024 * 1024)
#define MAX_SEGMENTS 1000
#define POLL_GIVE_UP_MS (15 * 60 * 1000)

struct _WartaX
{
  GObject parent_instance;

  WartaHttpClient *client;
  char *api_url;
  char *access_token;
  char *user_id;
  gsize segment_size;
  guint max_poll_wait;
};

G_DEFINE_FINAL_TYPE (WartaX, warta_x, G_TYPE_OBJECT)

enum {
  MEDIA_INITIALIZED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
warta_x_finalize (GObject *object)
{
  WartaX *self = (WartaX *)object;

  g_clear_object (&self->client);
  g_free (self->api_url);
  warta_secret_clear (&self->access_token);
  g_free (self->user_id);

  G_OBJECT_CLASS (warta_x_parent_class)->finalize (object);
}

static void
warta_x_class_init (WartaXClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = warta_x_finalize;

  /**
   * WartaX::media-initialized:
   * @media_id: the media id X gave
   *
   * Emitted once initialize has answered: an outbox stores the id and
   * passes it as resume_media_id after a crash (valid for 24 hours).
   */
  signals[MEDIA_INITIALIZED] =
    g_signal_new ("media-initialized", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
warta_x_init (WartaX *self)
{
  self->segment_size = DEFAULT_SEGMENT_SIZE;
}

WartaX *
warta_x_new (WartaHttpClient *client,
             const char      *api_url,
             const char      *access_token)
{
  WartaX *self;

  g_return_val_if_fail (WARTA_IS_HTTP_CLIENT (client), NULL);

  self = g_object_new (WARTA_TYPE_X, NULL);
  self->client = g_object_ref (client);
  self->api_url = g_strdup (api_url ? api_url : "https://api.x.com");
  self->access_token = g_strdup (access_token);
  return self;
}

void
warta_x_set_access_token (WartaX     *self,
                          const char *access_token)
{
  g_return_if_fail (WARTA_IS_X (self));

  warta_secret_clear (&self->access_token);
  self->access_token = g_strdup (access_token);
}

void
warta_x_set_segment_size (WartaX *self,
                          gsize   segment_size)
{
  g_return_if_fail (WARTA_IS_X (self));

  self->segment_size = CLAMP (segment_size, 64 * 1024, MAX_SEGMENT_SIZE);
}

void
warta_x_set_max_poll_wait (WartaX *self,
                           guint   max_ms)
{
  g_return_if_fail (WARTA_IS_X (self));

  self->max_poll_wait = max_ms;
}

static gboolean
check_configured (WartaX  *self,
                  GError **error)
{
  if (self->access_token == NULL || *self->access_token == '\0')
    {
      g_set_error_literal (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_NOT_CONFIGURED,
                           _("This X account is not signed in. Sign in to it in Accounts."));
      return FALSE;
    }
  return TRUE;
}

static SoupMessage *
new_message (WartaX      *self,
             const char  *method,
             const char  *path,
             GError     **error)
{
  g_autofree char *url = warta_http_build_url (self->api_url, path);
  SoupMessage *msg = soup_message_new (method, url);

  if (msg == NULL)
    {
      g_set_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_NOT_CONFIGURED,
                   _("“%s” is not a valid X address. Correct it in Accounts."), self->api_url);
      return NULL;
    }
  warta_http_set_bearer (msg, self->access_token);
  return msg;
}

static JsonObject *
first_error (JsonObject *object)
{
  JsonNode *errors = object ? json_object_get_member (object, "errors") : NULL;

  if (errors && JSON_NODE_HOLDS_ARRAY (errors) &&
      json_array_get_length (json_node_get_array (errors)) > 0)
    return _warta_json_as_object (json_array_get_element (json_node_get_array (errors), 0));
  return NULL;
}

/* problem+json {"title", "detail", "type", "status", "errors"}, or the
 * older {"errors": [{"code": 88, "message"}]} (§3.6). The platform code is
 * the problem type's last part, the old numeric code, or "duplicate". */
static void
parse_error (guint               status,
             JsonNode           *body,
             WartaPublishError  *code,
             char              **platform_code,
             char              **platform_message)
{
  JsonObject *object = _warta_json_as_object (body);
  JsonObject *first = first_error (object);
  const char *type = _warta_json_get_string (object, "type");
  const char *detail = _warta_json_get_string (object, "detail");
  const char *message = detail ? detail : _warta_json_get_string (first, "message");

  if (message == NULL)
    message = _warta_json_get_string (object, "title");
  *platform_message = g_strdup (message);

  if (message && status == SOUP_STATUS_FORBIDDEN && strstr (message, "duplicate content"))
    {
      *platform_code = g_strdup ("duplicate");
      *code = WARTA_PUBLISH_ERROR_REJECTED;
      return;
    }
  if (type && strrchr (type, '/') && !g_str_equal (type, "about:blank"))
    *platform_code = g_strdup (strrchr (type, '/') + 1);
  else if (first && _warta_json_get_int (first, "code", 0) != 0)
    *platform_code = g_strdup_printf ("%" G_GINT64_FORMAT, _warta_json_get_int (first, "code", 0));

  if (g_strcmp0 (*platform_code, "usage-capped") == 0)
    *code = WARTA_PUBLISH_ERROR_PERMISSION_DENIED;
  else if (g_strcmp0 (*platform_code, "rate-limit-exceeded") == 0 ||
           g_strcmp0 (*platform_code, "88") == 0)
    *code = WARTA_PUBLISH_ERROR_RATE_LIMITED;
  else if (g_strcmp0 (*platform_code, "client-forbidden") == 0 ||
           g_strcmp0 (*platform_code, "not-authorized-for-resource") == 0)
    *code = WARTA_PUBLISH_ERROR_PERMISSION_DENIED;
}

static void
parse_media_error (guint               status,
                   JsonNode           *body,
                   WartaPublishError  *code,
                   char              **platform_code,
                   char              **platform_message)
{
  parse_error (status, body, code, platform_code, platform_message);
  if (status == SOUP_STATUS_BAD_REQUEST)
    *code = WARTA_PUBLISH_ERROR_INVALID_MEDIA;
}

static void
replace_message (GError     *error,
                 const char *message)
{
  g_free (error->message);
  error->message = g_strdup (message);
}

static GError *
refine_error (GError             *error,
              SoupMessageHeaders *headers)
{
  const char *code = warta_publish_error_get_platform_code (error);

  if (g_strcmp0 (code, "usage-capped") == 0)
    replace_message (error, _("X refuses more requests from Warta’s app: its usage credits or posting cap are used up. Ask the office to top up the X developer account, or publish this post manually."));

  /* The account's daily posting cap: its own reset time (§3.7). */
  if (headers && g_error_matches (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_RATE_LIMITED))
    {
      const char *remaining = soup_message_headers_get_one (headers, "x-user-limit-24hour-remaining");
      const char *reset = soup_message_headers_get_one (headers, "x-user-limit-24hour-reset");

      if (remaining && reset && g_ascii_strtoll (remaining, NULL, 10) <= 0)
        {
          gint64 at = g_ascii_strtoll (reset, NULL, 10) * G_USEC_PER_SEC;

          if (at > warta_publish_error_get_retry_at (error))
            {
              g_autofree char *message = warta_publish_error_format_retry (_("This X account has made as many posts as X allows in a day."),
                                                                           at);

              warta_publish_error_set_retry_at (error, at);
              replace_message (error, message);
            }
        }
    }
  return error;
}

static GError *
unexpected_answer (void)
{
  return g_error_new (WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_PROTOCOL,
                      _("%s sent an answer Warta does not understand. Try again later; if it keeps happening, publish the post manually."),
                      SERVICE);
}

static void
set_upload_failed (WartaUpload  *upload,
                   const GError *error)
{
  _warta_upload_set_error (upload, error);
  _warta_upload_set_state (upload,
                           g_error_matches (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_CANCELLED)
                           ? WARTA_UPLOAD_STATE_CANCELLED : WARTA_UPLOAD_STATE_FAILED);
}

/* upload_media ------------------------------------------------------------ */

typedef enum
{
  STEP_INITIALIZE,
  STEP_APPEND,
  STEP_FINALIZE,
  STEP_STATUS,
} MediaStep;

typedef struct
{
  WartaUpload *upload;
  char *category;
  char *media_id;
  guint64 total;
  gsize segment_size;
  guint n_segments;
  guint segment;
  GBytes *chunk;
  MediaStep step;
  gint64 started;
} MediaData;

static void
media_data_free (gpointer data)
{
  MediaData *d = data;

  g_clear_object (&d->upload);
  g_free (d->category);
  g_free (d->media_id);
  g_clear_pointer (&d->chunk, g_bytes_unref);
  g_free (d);
}

static void
media_fail (GTask  *task,
            GError *error)
{
  MediaData *d = g_task_get_task_data (task);

  /* No media step makes anything public: tried again later. */
  error = warta_publish_error_retry_unread (SERVICE, error);
  set_upload_failed (d->upload, error);
  g_task_return_error (task, error);
}

static void
media_done (GTask *task)
{
  MediaData *d = g_task_get_task_data (task);

  _warta_upload_set_bytes_sent (d->upload, d->total);
  _warta_upload_set_remote (d->upload, d->media_id, NULL);
  _warta_upload_set_state (d->upload, WARTA_UPLOAD_STATE_DONE);
  g_task_return_pointer (task, warta_remote_result_new (d->media_id, NULL),
                         (GDestroyNotify) warta_remote_result_free);
}

typedef struct
{
  WartaUpload *upload;
  guint64 offset;
  guint64 length;
  goffset body_length;
  guint64 written;
} SegmentProgress;

static void
segment_wrote_cb (SoupMessage *msg,
                  guint        chunk_size,
                  gpointer     user_data)
{
  SegmentProgress *p = user_data;
  guint64 sent;

  p->written += chunk_size;
  /* The body is the segment plus the multipart framing. */
  sent = p->body_length > 0 ? p->written * p->length / (guint64) p->body_length : p->written;
  _warta_upload_set_bytes_sent (p->upload, p->offset + MIN (sent, p->length));
}

static SoupMessage *
media_message (guint     attempt,
               gpointer  user_data,
               GError  **error)
{
  GTask *task = user_data;
  WartaX *self = g_task_get_source_object (task);
  MediaData *d = g_task_get_task_data (task);
  g_autofree char *escaped = d->media_id ? g_uri_escape_string (d->media_id, NULL, FALSE) : NULL;
  g_autofree char *path = NULL;
  SoupMessage *msg = NULL;

  switch (d->step)
    {
    case STEP_INITIALIZE:
      {
        g_autoptr(JsonBuilder) b = json_builder_new ();
        g_autoptr(JsonNode) body = NULL;

        msg = new_message (self, SOUP_METHOD_POST, "/2/media/upload/initialize", error);
        if (msg == NULL)
          return NULL;
        json_builder_begin_object (b);
        json_builder_set_member_name (b, "media_type");
        json_builder_add_string_value (b, warta_upload_get_content_type (d->upload));
        json_builder_set_member_name (b, "total_bytes");
        json_builder_add_int_value (b, (gint64) d->total);
        json_builder_set_member_name (b, "media_category");
        json_builder_add_string_value (b, d->category);
        json_builder_end_object (b);
        body = json_builder_get_root (b);
        warta_http_set_json_body (msg, body);
      }
      break;

    case STEP_APPEND:
      {
        g_autoptr(SoupMultipart) multipart = soup_multipart_new (SOUP_FORM_MIME_TYPE_MULTIPART);
        g_autofree char *index = g_strdup_printf ("%u", d->segment);
        SegmentProgress *p;

        path = g_strconcat ("/2/media/upload/", escaped, "/append", NULL);
        msg = new_message (self, SOUP_METHOD_POST, path, error);
        if (msg == NULL)
          return NULL;
        soup_multipart_append_form_string (multipart, "segment_index", index);
        soup_multipart_append_form_file (multipart, "media", warta_upload_get_filename (d->upload),
                                         "application/octet-stream", d->chunk);
        {
          GBytes *body = NULL;

          soup_multipart_to_message (multipart, soup_message_get_request_headers (msg), &body);
          soup_message_set_request_body_from_bytes (msg, NULL, body);
          p = g_new0 (SegmentProgress, 1);
          p->upload = d->upload;
          p->offset = (guint64) d->segment * d->segment_size;
          p->length = g_bytes_get_size (d->chunk);
          p->body_length = (goffset) g_bytes_get_size (body);
          g_bytes_unref (body);
        }
        g_object_set_data_full (G_OBJECT (msg), "warta-x-progress", p, g_free);
        g_signal_connect (msg, "wrote-body-data", G_CALLBACK (segment_wrote_cb), p);
        _warta_upload_set_bytes_sent (d->upload, p->offset);
      }
      break;

    case STEP_FINALIZE:
      path = g_strconcat ("/2/media/upload/", escaped, "/finalize", NULL);
      msg = new_message (self, SOUP_METHOD_POST, path, error);
      break;

    case STEP_STATUS:
    default:
      path = g_strconcat ("/2/media/upload?command=STATUS&media_id=", escaped, NULL);
      msg = new_message (self, SOUP_METHOD_GET, path, error);
      break;
    }
  return msg;
}

static void media_next (GTask *task);

static void
media_poll_wait_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!warta_http_client_wait_finish (WARTA_HTTP_CLIENT (object), result, &error))
    {
      media_fail (task, error);
      return;
    }
  media_next (g_steal_pointer (&task));
}

/* After finalize or a status poll: done, failed, or wait check_after_secs. */
static void
media_processing (GTask      *task_in,
                  JsonObject *data)
{
  g_autoptr(GTask) task = task_in;
  WartaX *self = g_task_get_source_object (task);
  MediaData *d = g_task_get_task_data (task);
  JsonObject *info = _warta_json_get_object (data, "processing_info");
  const char *state = _warta_json_get_string (info, "state");
  guint wait_ms;

  if (info == NULL || g_strcmp0 (state, "succeeded") == 0)
    {
      media_done (task);
      return;
    }
  if (g_strcmp0 (state, "failed") == 0)
    {
      JsonObject *err = _warta_json_get_object (info, "error");
      const char *message = _warta_json_get_string (err, "message");
      g_autofree char *reason = g_strdup_printf (_("X could not process “%s”: %s."),
                                                 warta_upload_get_filename (d->upload),
                                                 message ? message : _warta_json_get_string (err, "name"));
      g_autofree char *refused = warta_publish_error_format_refused_file (reason);
      GError *error = g_error_new_literal (WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_INVALID_MEDIA,
                                           refused);

      warta_publish_error_set_platform (error, _warta_json_get_string (err, "name"), message);
      media_fail (task, error);
      return;
    }
  if ((g_get_monotonic_time () - d->started) / 1000 > POLL_GIVE_UP_MS)
    {
      g_autofree char *message = warta_publish_error_format_retry (_("X is still processing the file."), 0);

      media_fail (task, warta_publish_error_new_literal_full (WARTA_PUBLISH_ERROR_RETRYABLE, 0, message));
      return;
    }

  _warta_upload_set_state (d->upload, WARTA_UPLOAD_STATE_PROCESSING);
  wait_ms = (guint) CLAMP (_warta_json_get_int (info, "check_after_secs", 5), 1, 600) * 1000;
  if (self->max_poll_wait > 0)
    wait_ms = MIN (wait_ms, self->max_poll_wait);
  d->step = STEP_STATUS;
  {
    GCancellable *cancellable = g_task_get_cancellable (task);

    warta_http_client_wait_async (self->client, wait_ms, cancellable, media_poll_wait_cb,
                                  g_steal_pointer (&task));
  }
}

static void
media_step_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  WartaX *self = g_task_get_source_object (task);
  MediaData *d = g_task_get_task_data (task);
  g_autoptr(JsonNode) node = NULL;
  GError *error = NULL;
  JsonObject *data;

  node = warta_http_client_request_json_finish (WARTA_HTTP_CLIENT (object), result, NULL, &error);
  if (node == NULL)
    {
      media_fail (task, refine_error (error, NULL));
      return;
    }
  data = _warta_json_get_object (_warta_json_as_object (node), "data");

  switch (d->step)
    {
    case STEP_INITIALIZE:
      if (_warta_json_get_string (data, "id") == NULL)
        {
          media_fail (task, unexpected_answer ());
          return;
        }
      d->media_id = g_strdup (_warta_json_get_string (data, "id"));
      g_signal_emit (self, signals[MEDIA_INITIALIZED], 0, d->media_id);
      d->step = STEP_APPEND;
      d->segment = 0;
      break;

    case STEP_APPEND:
      g_clear_pointer (&d->chunk, g_bytes_unref);
      if (++d->segment >= d->n_segments)
        d->step = STEP_FINALIZE;
      break;

    case STEP_FINALIZE:
    case STEP_STATUS:
    default:
      if (data == NULL)
        {
          media_fail (task, unexpected_answer ());
          return;
        }
      media_processing (g_steal_pointer (&task), data);
      return;
    }
  media_next (g_steal_pointer (&task));
}

/* What media_step_cb reads in the answer of each step. */
static gboolean
media_answer_check (SoupMessage *msg,
                    JsonNode    *answer,
                    gpointer     user_data)
{
  MediaData *d = g_task_get_task_data (user_data);
  JsonObject *data = _warta_json_get_object (_warta_json_as_object (answer), "data");

  switch (d->step)
    {
    case STEP_INITIALIZE:
      return _warta_json_get_string (data, "id") != NULL;
    case STEP_APPEND:
      return TRUE;
    case STEP_FINALIZE:
    case STEP_STATUS:
    default:
      return data != NULL;
    }
}

static void
media_send (GTask *task)
{
  WartaX *self = g_task_get_source_object (task);

  /* Every step is safe to repeat: a second initialize only leaves an
   * unused id, a segment may be sent again, finalize and status are
   * answered the same. None makes anything public. */
  warta_http_client_request_step_async (self->client, SERVICE, media_message,
                                        g_object_ref (task), g_object_unref,
                                        parse_media_error, media_answer_check,
                                        g_task_get_cancellable (task), media_step_cb, task);
}

static void
segment_read_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GTask *task = user_data;
  MediaData *d = g_task_get_task_data (task);
  GError *error = NULL;

  d->chunk = _warta_upload_read_range_finish (WARTA_UPLOAD (object), result, &error);
  if (d->chunk == NULL)
    {
      media_fail (task, error);
      g_object_unref (task);
      return;
    }
  media_send (task);
}

static void
media_next (GTask *task)
{
  MediaData *d = g_task_get_task_data (task);

  if (d->step == STEP_APPEND)
    {
      guint64 offset = (guint64) d->segment * d->segment_size;

      _warta_upload_set_state (d->upload, WARTA_UPLOAD_STATE_SENDING);
      _warta_upload_read_range_async (d->upload, offset,
                                      MIN ((guint64) d->segment_size, d->total - offset),
                                      g_task_get_cancellable (task), segment_read_cb, task);
      return;
    }
  media_send (task);
}

static const char *
default_category (WartaUpload *upload)
{
  const char *type = warta_upload_get_content_type (upload);

  if (g_str_equal (type, "image/gif"))
    return "tweet_gif";
  if (g_str_has_prefix (type, "video/"))
    return "tweet_video";
  return "tweet_image";
}

void
warta_x_upload_media_async (WartaX              *self,
                            WartaUpload         *upload,
                            const char          *media_category,
                            const char          *resume_media_id,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  GTask *task;
  MediaData *d;
  GError *error = NULL;

  g_return_if_fail (WARTA_IS_X (self));
  g_return_if_fail (WARTA_IS_UPLOAD (upload));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, warta_x_upload_media_async);
  g_task_set_check_cancellable (task, FALSE);
  d = g_new0 (MediaData, 1);
  d->upload = g_object_ref (upload);
  d->category = g_strdup (media_category ? media_category : default_category (upload));
  d->media_id = g_strdup (resume_media_id);
  d->total = warta_upload_get_total_bytes (upload);
  d->segment_size = self->segment_size;
  d->started = g_get_monotonic_time ();
  d->step = resume_media_id ? STEP_APPEND : STEP_INITIALIZE;
  g_task_set_task_data (task, d, media_data_free);

  _warta_upload_set_state (upload, WARTA_UPLOAD_STATE_PENDING);
  if (!check_configured (self, &error))
    {
      media_fail (task, error);
      g_object_unref (task);
      return;
    }
  if (d->total == 0)
    {
      media_fail (task, g_error_new (WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_INVALID_MEDIA,
                                     _("“%s” is empty. Choose the file again."),
                                     warta_upload_get_filename (upload)));
      g_object_unref (task);
      return;
    }
  /* At most 1,000 segments: larger segments for a very large file. */
  while ((d->total + d->segment_size - 1) / d->segment_size > MAX_SEGMENTS &&
         d->segment_size < MAX_SEGMENT_SIZE)
    d->segment_size = MIN (d->segment_size * 2, MAX_SEGMENT_SIZE);
  d->n_segments = (guint) ((d->total + d->segment_size - 1) / d->segment_size);
  if (d->n_segments > MAX_SEGMENTS)
    {
      g_autofree char *size = g_format_size ((guint64) MAX_SEGMENTS * MAX_SEGMENT_SIZE);

      media_fail (task, g_error_new (WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_INVALID_MEDIA,
                                     _("“%s” is larger than X accepts (%s). Choose a smaller rendition."),
                                     warta_upload_get_filename (upload), size));
      g_object_unref (task);
      return;
    }
  media_next (task);
}

WartaRemoteResult *
warta_x_upload_media_finish (WartaX        *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* who signed in --------------------------------------------------------------- */

static SoupMessage *
me_message (guint     attempt,
            gpointer  user_data,
            GError  **error)
{
  return new_message (user_data, SOUP_METHOD_GET, "/2/users/me", error);
}

static void
me_cb (GObject      *object,
       GAsyncResult *result,
       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  WartaX *self = g_task_get_source_object (task);
  g_autoptr(JsonNode) node = NULL;
  GError *error = NULL;
  JsonObject *data;
  const char *id;
  const char *username;

  node = warta_http_client_request_json_finish (WARTA_HTTP_CLIENT (object), result, NULL, &error);
  if (node == NULL)
    {
      g_task_return_error (task, refine_error (error, NULL));
      return;
    }
  data = _warta_json_get_object (_warta_json_as_object (node), "data");
  id = _warta_json_get_string (data, "id");
  username = _warta_json_get_string (data, "username");
  if (id == NULL || username == NULL || *username == '\0')
    {
      g_task_return_error (task, unexpected_answer ());
      return;
    }
  g_free (self->user_id);
  self->user_id = g_strdup (id);
  g_task_set_task_data (task, g_strdup (username), g_free);
  g_task_return_pointer (task, g_strdup (id), g_free);
}

void
warta_x_get_me_async (WartaX              *self,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  GTask *task;
  GError *error = NULL;

  g_return_if_fail (WARTA_IS_X (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, warta_x_get_me_async);
  if (!check_configured (self, &error))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  warta_http_client_request_json_async (self->client, SERVICE, me_message, g_object_ref (self),
                                        g_object_unref, parse_error, cancellable, me_cb, task);
}

char *
warta_x_get_me_finish (WartaX        *self,
                       GAsyncResult  *result,
                       char         **out_username,
                       GError       **error)
{
  char *id;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  id = g_task_propagate_pointer (G_TASK (result), error);
  if (out_username)
    *out_username = id ? g_strdup (g_task_get_task_data (G_TASK (result))) : NULL;
  return id;
}

/* find_post ---------------------------------------------------------------- */

/* Text as X gives it back: NFC, links shortened to t.co, & < > escaped,
 * whitespace trimmed. Links are compared as one placeholder. */
static char *
normalize_text (const char *text,
                gboolean    unescape)
{
  static GRegex *url_regex;
  g_autofree char *nfc = g_utf8_normalize (text ? text : "", -1, G_NORMALIZE_NFC);
  g_autofree char *plain = NULL;
  g_autofree char *replaced = NULL;

  if (g_once_init_enter (&url_regex))
    g_once_init_leave (&url_regex,
                       g_regex_new ("(https?://\\S+|\\b([a-z0-9-]+\\.)+[a-z]{2,}(/\\S*)?)",
                                    G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL));
  if (nfc == NULL)
    return g_strdup ("");
  if (unescape)
    {
      g_autoptr(GString) s = g_string_new (nfc);

      g_string_replace (s, "&lt;", "<", 0);
      g_string_replace (s, "&gt;", ">", 0);
      g_string_replace (s, "&amp;", "&", 0);
      plain = g_string_free (g_steal_pointer (&s), FALSE);
    }
  else
    plain = g_strdup (nfc);
  replaced = g_regex_replace_literal (url_regex, plain, -1, 0, "\x01", 0, NULL);
  return g_strstrip (g_strdup (replaced ? replaced : plain));
}

typedef struct
{
  WartaX *self;
  char *text;
  gboolean timeline;
} FindData;

static void
find_data_free (gpointer data)
{
  FindData *d = data;

  g_clear_object (&d->self);
  g_free (d->text);
  g_free (d);
}

static SoupMessage *
find_message (guint     attempt,
              gpointer  user_data,
              GError  **error)
{
  FindData *d = user_data;
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;

  if (!d->timeline)
    return new_message (d->self, SOUP_METHOD_GET, "/2/users/me", error);
  escaped = g_uri_escape_string (d->self->user_id, NULL, FALSE);
  path = g_strconcat ("/2/users/", escaped, "/tweets?max_results=20&tweet.fields=created_at", NULL);
  return new_message (d->self, SOUP_METHOD_GET, path, error);
}

static void find_request (GTask *task);

static void
find_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FindData *d = g_task_get_task_data (task);
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *wanted = NULL;
  GError *error = NULL;
  JsonNode *data;

  node = warta_http_client_request_json_finish (WARTA_HTTP_CLIENT (object), result, NULL, &error);
  if (node == NULL)
    {
      g_task_return_error (task, refine_error (error, NULL));
      return;
    }
  data = _warta_json_as_object (node) ? json_object_get_member (_warta_json_as_object (node), "data") : NULL;

  if (!d->timeline)
    {
      const char *id = _warta_json_get_string (_warta_json_as_object (data), "id");

      if (id == NULL)
        {
          g_task_return_error (task, unexpected_answer ());
          return;
        }
      g_free (d->self->user_id);
      d->self->user_id = g_strdup (id);
      d->timeline = TRUE;
      find_request (g_steal_pointer (&task));
      return;
    }

  /* No posts at all: no "data" member. */
  wanted = normalize_text (d->text, FALSE);
  for (guint i = 0; data && JSON_NODE_HOLDS_ARRAY (data) &&
                    i < json_array_get_length (json_node_get_array (data)); i++)
    {
      JsonObject *post = _warta_json_as_object (json_array_get_element (json_node_get_array (data), i));
      g_autofree char *text = normalize_text (_warta_json_get_string (post, "text"), TRUE);

      if (_warta_json_get_string (post, "id") && g_str_equal (text, wanted))
        {
          g_autofree char *url = g_strconcat (POST_URL, _warta_json_get_string (post, "id"), NULL);
          WartaRemoteResult *res = warta_remote_result_new (_warta_json_get_string (post, "id"), url);

          res->reused = TRUE;
          g_task_return_pointer (task, res, (GDestroyNotify) warta_remote_result_free);
          return;
        }
    }
  g_task_return_pointer (task, NULL, NULL);
}

static void
find_request (GTask *task)
{
  FindData *d = g_task_get_task_data (task);

  /* The request keeps FindData alive through the GTask's reference. */
  warta_http_client_request_json_async (d->self->client, SERVICE, find_message, d, NULL,
                                        parse_error, g_task_get_cancellable (task),
                                        find_cb, task);
}

void
warta_x_find_post_async (WartaX              *self,
                         const char          *text,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  GTask *task;
  FindData *d;
  GError *error = NULL;

  g_return_if_fail (WARTA_IS_X (self));
  g_return_if_fail (text != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, warta_x_find_post_async);
  g_task_set_check_cancellable (task, FALSE);
  d = g_new0 (FindData, 1);
  d->self = g_object_ref (self);
  d->text = g_strdup (text);
  d->timeline = self->user_id != NULL;
  g_task_set_task_data (task, d, find_data_free);
  if (!check_configured (self, &error))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  find_request (task);
}

WartaRemoteResult *
warta_x_find_post_finish (WartaX        *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* delete ----------------------------------------------------------------- */

static SoupMessage *
path_message (gpointer     object,
              const char  *method,
              const char  *path,
              GError     **error)
{
  return new_message (object, method, path, error);
}

static void
delete_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonNode) node = NULL;
  GError *error = NULL;
  JsonObject *data;

  node = warta_http_client_request_json_finish (WARTA_HTTP_CLIENT (object), result, NULL, &error);
  if (node == NULL)
    {
      /* No such post (deleted on X by hand): what was asked. */
      if (warta_publish_error_get_http_status (error) == SOUP_STATUS_NOT_FOUND)
        {
          g_clear_error (&error);
          g_task_return_boolean (task, TRUE);
        }
      else
        g_task_return_error (task, refine_error (error, NULL));
      return;
    }
  data = _warta_json_get_object (_warta_json_as_object (node), "data");
  if (data == NULL || !json_object_has_member (data, "deleted") ||
      !json_object_get_boolean_member (data, "deleted"))
    {
      g_task_return_new_error (task, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_PROTOCOL,
                               _("X did not confirm that the post was deleted. Check the account on X, and delete the post there yourself if it is still shown."));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

/**
 * warta_x_delete_post_async:
 * @self: a #WartaX
 * @post_id: the post to delete
 *
 * DELETE /2/tweets/:id → {"data": {"deleted": true}} (§3.2). A post that
 * is not there any more (404) counts as deleted.
 */
void
warta_x_delete_post_async (WartaX              *self,
                           const char          *post_id,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;
  GTask *task;
  GError *error = NULL;

  g_return_if_fail (WARTA_IS_X (self));
  g_return_if_fail (post_id != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, warta_x_delete_post_async);
  if (!check_configured (self, &error))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  escaped = g_uri_escape_string (post_id, NULL, TRUE);
  path = g_strconcat ("/2/tweets/", escaped, NULL);
  warta_http_client_request_path_async (self->client, SERVICE, path_message, self,
                                        SOUP_METHOD_DELETE, path, parse_error, cancellable,
                                        delete_cb, task);
}

gboolean
warta_x_delete_post_finish (WartaX        *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* post ------------------------------------------------------------------- */

typedef struct
{
  char *text;
  char **media_ids;
  guint attempt;
  SoupMessage *msg;
  GError *pending;    /* why the timeline is being read */
} PostData;

static void
post_data_free (gpointer data)
{
  PostData *d = data;

  g_free (d->text);
  g_strfreev (d->media_ids);
  g_clear_object (&d->msg);
  g_clear_error (&d->pending);
  g_free (d);
}

static void post_attempt (GTask *task);

static void
post_wait_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!warta_http_client_wait_finish (WARTA_HTTP_CLIENT (object), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  post_attempt (g_steal_pointer (&task));
}

static void
post_retry_or_fail (GTask  *task_in,
                    GError *error)
{
  g_autoptr(GTask) task = task_in;
  WartaX *self = g_task_get_source_object (task);
  PostData *d = g_task_get_task_data (task);
  gint64 delay;

  delay = warta_retry_policy_next_delay (warta_http_client_get_retry_policy (self->client),
                                         d->attempt, error, g_get_real_time ());
  if (delay < 0 || g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    {
      g_task_return_error (task, error);
      return;
    }
  g_debug ("post attempt %u failed (%s); again in %" G_GINT64_FORMAT " ms", d->attempt,
           error->message, delay);
  g_error_free (error);
  {
    GCancellable *cancellable = g_task_get_cancellable (task);

    warta_http_client_wait_async (self->client, (guint) delay, cancellable, post_wait_cb,
                                  g_steal_pointer (&task));
  }
}

static void
post_find_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PostData *d = g_task_get_task_data (task);
  g_autoptr(GError) find_error = NULL;
  WartaRemoteResult *res;
  GError *error = g_steal_pointer (&d->pending);

  res = warta_x_find_post_finish (WARTA_X (object), result, &find_error);
  if (res != NULL)
    {
      g_debug ("the post exists already: %s", res->id);
      g_error_free (error);
      g_task_return_pointer (task, res, (GDestroyNotify) warta_remote_result_free);
      return;
    }
  if (find_error != NULL)
    {
      /* Not knowing whether it exists, never post again. */
      g_error_free (error);
      g_task_return_error (task, g_steal_pointer (&find_error));
      return;
    }

  if (g_strcmp0 (warta_publish_error_get_platform_code (error), "duplicate") == 0)
    {
      replace_message (error, _("X refused the post as a duplicate of an earlier post with the same text, and Warta cannot find that post among the account’s recent posts. Change the text, or check the account on x.com."));
      g_task_return_error (task, error);
      return;
    }
  post_retry_or_fail (g_steal_pointer (&task), error);
}

static void
post_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  WartaX *self = g_task_get_source_object (task);
  PostData *d = g_task_get_task_data (task);
  g_autoptr(JsonNode) node = NULL;
  GError *error = NULL;
  JsonObject *data;
  const char *id;

  node = warta_http_client_send_json_finish (WARTA_HTTP_CLIENT (object), result, &error);
  if (node == NULL)
    {
      refine_error (error, soup_message_get_response_headers (d->msg));
      /* The post may exist: after an unknown outcome (no answer, 5xx, a
       * 2xx that is not JSON), and when X calls it a duplicate. A 429 or
       * 4xx made nothing. */
      if (g_strcmp0 (warta_publish_error_get_platform_code (error), "duplicate") == 0 ||
          g_error_matches (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_RETRYABLE) ||
          g_error_matches (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_PROTOCOL))
        {
          GCancellable *cancellable = g_task_get_cancellable (task);

          d->pending = error;
          warta_x_find_post_async (self, d->text, cancellable, post_find_cb,
                                   g_steal_pointer (&task));
          return;
        }
      post_retry_or_fail (g_steal_pointer (&task), error);
      return;
    }

  data = _warta_json_get_object (_warta_json_as_object (node), "data");
  id = _warta_json_get_string (data, "id");
  if (id == NULL)
    {
      /* A 2xx without the post's id: the timeline says whether it exists;
       * not found, it is not sent again blindly. */
      GCancellable *cancellable = g_task_get_cancellable (task);

      d->pending = unexpected_answer ();
      warta_x_find_post_async (self, d->text, cancellable, post_find_cb, g_steal_pointer (&task));
      return;
    }
  {
    g_autofree char *url = g_strconcat (POST_URL, id, NULL);

    g_task_return_pointer (task, warta_remote_result_new (id, url),
                           (GDestroyNotify) warta_remote_result_free);
  }
}

static void
post_attempt (GTask *task_in)
{
  g_autoptr(GTask) task = task_in;
  WartaX *self = g_task_get_source_object (task);
  PostData *d = g_task_get_task_data (task);
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  GError *error = NULL;

  d->attempt++;
  g_clear_object (&d->msg);
  d->msg = new_message (self, SOUP_METHOD_POST, "/2/tweets", &error);
  if (d->msg == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  json_builder_begin_object (b);
  if (d->text && *d->text)
    {
      json_builder_set_member_name (b, "text");
      json_builder_add_string_value (b, d->text);
    }
  if (d->media_ids && d->media_ids[0])
    {
      json_builder_set_member_name (b, "media");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "media_ids");
      json_builder_begin_array (b);
      for (guint i = 0; d->media_ids[i]; i++)
        json_builder_add_string_value (b, d->media_ids[i]);
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_object (b);
  body = json_builder_get_root (b);
  warta_http_set_json_body (d->msg, body);

  {
    GCancellable *cancellable = g_task_get_cancellable (task);

    warta_http_client_send_json_async (self->client, d->msg, SERVICE, parse_error, cancellable,
                                       post_cb, g_steal_pointer (&task));
  }
}

void
warta_x_post_async (WartaX              *self,
                    const char          *text,
                    const char * const  *media_ids,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  PostData *d;
  GError *error = NULL;

  g_return_if_fail (WARTA_IS_X (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, warta_x_post_async);
  g_task_set_check_cancellable (task, FALSE);
  if (!check_configured (self, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  d = g_new0 (PostData, 1);
  d->text = g_strdup (text ? text : "");
  d->media_ids = g_strdupv ((char **) media_ids);
  g_task_set_task_data (task, d, post_data_free);
  post_attempt (g_steal_pointer (&task));
}

WartaRemoteResult *
warta_x_post_finish (WartaX        *self,
                     GAsyncResult  *result,
                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
