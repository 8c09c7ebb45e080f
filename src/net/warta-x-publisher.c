/* warta-x-publisher.c: the outbox's steps for an X account
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Steps per file: "media-N" with the media id as soon as initialize has
 * answered (a restart sends the segments again under that id instead of
 * making a new one), then "media-N" again with "ready" once X has
 * processed it. Then "post-attempt", committed before the post is sent,
 * and "post": X has no idempotency key, so after an attempt whose answer
 * may have been lost the account's timeline is read for the text first.
 * Photos go as the X rendition (up to four), a video as the original (one).
 * More photos or videos, or photos with a video, are refused before any
 * request (warta-media-rules, as the editor checks them) rather than
 * posted with some left out.
 */
#define G_LOG_DOMAIN "warta-x"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "warta-media-rules.h"
#include "warta-publish-error.h"
#include "warta-publish-util-private.h"
#include "warta-x-publisher.h"

struct _WartaXPublisher
{
  GObject  parent_instance;

  WartaX  *x;
};

static void publisher_iface_init (WartaPublisherInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (WartaXPublisher, warta_x_publisher, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (WARTA_TYPE_PUBLISHER, publisher_iface_init))

static void
warta_x_publisher_finalize (GObject *object)
{
  WartaXPublisher *self = WARTA_X_PUBLISHER (object);

  g_clear_object (&self->x);

  G_OBJECT_CLASS (warta_x_publisher_parent_class)->finalize (object);
}

static void
warta_x_publisher_class_init (WartaXPublisherClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = warta_x_publisher_finalize;
}

static void
warta_x_publisher_init (WartaXPublisher *self)
{
}

WartaPublisher *
warta_x_publisher_new (WartaHttpClient  *client,
                       WartaAccount     *account,
                       const char       *secret,
                       GError          **error)
{
  WartaXPublisher *self;
  g_autofree char *token = _warta_publish_access_token (secret);
  guint64 segment, poll;

  g_return_val_if_fail (WARTA_IS_HTTP_CLIENT (client), NULL);
  g_return_val_if_fail (WARTA_IS_ACCOUNT (account), NULL);

  self = g_object_new (WARTA_TYPE_X_PUBLISHER, NULL);
  self->x = warta_x_new (client, warta_account_get_base_url (account), token);
  segment = _warta_publish_setting_uint (account, "segment-size", 0);
  if (segment > 0)
    warta_x_set_segment_size (self->x, (gsize) segment);
  poll = _warta_publish_setting_uint (account, "poll-ms", 0);
  if (poll > 0)
    warta_x_set_max_poll_wait (self->x, (guint) poll);
  return WARTA_PUBLISHER (self);
}

typedef struct
{
  WartaX          *x;
  WartaPublishJob *job;
  char            *name;        /* "media-N" */
  char            *resume_id;
  char            *initialized; /* the id ::media-initialized gave */
  WartaUpload     *upload;
  GCancellable    *inner;       /* cancelled once initialize has answered */
  GCancellable    *outer;
  gulong           outer_id;
  gulong           handler;
  char            *text;
  GPtrArray       *ids;
  guint            index;
  guint            n_steps;
} Step;

static void
step_free (Step *s)
{
  g_clear_signal_handler (&s->handler, s->x);
  if (s->outer_id)
    g_cancellable_disconnect (s->outer, s->outer_id);
  g_clear_object (&s->outer);
  g_clear_object (&s->inner);
  g_clear_object (&s->upload);
  g_clear_object (&s->x);
  g_clear_object (&s->job);
  g_free (s->name);
  g_free (s->resume_id);
  g_free (s->initialized);
  g_free (s->text);
  g_clear_pointer (&s->ids, g_ptr_array_unref);
  g_free (s);
}

static void
media_initialized_cb (WartaX     *x,
                      const char *media_id,
                      Step       *s)
{
  if (s->resume_id != NULL || s->initialized != NULL)
    return;
  /* Stored before any segment goes: a restart goes on with this id. */
  s->initialized = g_strdup (media_id);
  g_cancellable_cancel (s->inner);
}

static void send_upload (GTask       *task,
                         WartaUpload *upload);

static void
upload_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Step *s = g_task_get_task_data (task);
  g_autoptr(WartaRemoteResult) res = NULL;
  g_autoptr(GError) error = NULL;

  res = warta_x_upload_media_finish (WARTA_X (object), result, &error);
  if (res != NULL)
    {
      warta_publisher_return_step (task, s->name,
                                   _warta_publish_object ("id", res->id, "ready", "true", NULL));
      return;
    }
  if (s->initialized != NULL && !g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    {
      warta_publisher_return_step (task, s->name,
                                   _warta_publish_object ("id", s->initialized, NULL));
      return;
    }
  if (s->resume_id != NULL && s->upload != NULL &&
      g_error_matches (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_INVALID_MEDIA))
    {
      /* Finalized by the attempt that died, or gone: X keeps an unused
       * media id to itself; a new one is made. */
      g_debug ("Media %s cannot be resumed (%s); uploading it again", s->resume_id, error->message);
      g_clear_pointer (&s->resume_id, g_free);
      g_clear_signal_handler (&s->handler, s->x);
      if (s->outer_id)
        g_cancellable_disconnect (s->outer, s->outer_id);
      s->outer_id = 0;
      g_clear_object (&s->outer);
      g_clear_object (&s->inner);
      send_upload (g_steal_pointer (&task), s->upload);
      return;
    }
  g_task_return_error (task, g_steal_pointer (&error));
}

static void
outer_cancelled_cb (GCancellable *outer,
                    GCancellable *inner)
{
  g_cancellable_cancel (inner);
}

static void
send_upload (GTask       *task,
             WartaUpload *upload)
{
  Step *s = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);

  g_set_object (&s->upload, upload);
  s->inner = g_cancellable_new ();
  if (cancellable)
    {
      s->outer = g_object_ref (cancellable);
      s->outer_id = g_cancellable_connect (cancellable, G_CALLBACK (outer_cancelled_cb),
                                           g_object_ref (s->inner), g_object_unref);
    }
  s->handler = g_signal_connect (s->x, "media-initialized", G_CALLBACK (media_initialized_cb), s);
  warta_publish_job_track_upload (s->job, upload, s->index, s->n_steps);
  warta_x_upload_media_async (s->x, upload, NULL, s->resume_id, s->inner, upload_cb, task);
}

static void
rendition_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(WartaUpload) upload = NULL;
  GError *error = NULL;

  upload = _warta_publish_open_rendition_finish (result, &error);
  if (upload == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  send_upload (g_steal_pointer (&task), upload);
}

static void
post_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(WartaRemoteResult) res = NULL;
  GError *error = NULL;

  res = warta_x_post_finish (WARTA_X (object), result, &error);
  if (res == NULL)
    g_task_return_error (task, error);
  else
    warta_publisher_return_final (task, "post", res->id, res->url);
}

static void
find_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Step *s = g_task_get_task_data (task);
  g_autoptr(WartaRemoteResult) res = NULL;
  GCancellable *cancellable;
  GError *error = NULL;

  res = warta_x_find_post_finish (WARTA_X (object), result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (res != NULL)
    {
      g_debug ("The post of an earlier attempt exists: %s", res->id);
      warta_publisher_return_final (task, "post", res->id, res->url);
      return;
    }
  cancellable = g_task_get_cancellable (task);
  warta_x_post_async (s->x, s->text, (const char * const *) s->ids->pdata,
                      cancellable, post_cb, g_steal_pointer (&task));
}

static void
run_step_async (WartaPublisher      *publisher,
                WartaPublishJob     *job,
                GCancellable        *cancellable,
                GAsyncReadyCallback  callback,
                gpointer             user_data)
{
  WartaXPublisher *self = WARTA_X_PUBLISHER (publisher);
  g_autoptr(GTask) task = NULL;
  g_autoptr(GPtrArray) media = warta_publish_job_list_media (job, "video");
  gboolean video = media->len > 0;
  Step *s;

  task = warta_publisher_new_step_task (WARTA_PUBLISHER (self), cancellable, callback, user_data,
                                        run_step_async);
  s = g_new0 (Step, 1);
  s->x = g_object_ref (self->x);
  s->job = g_object_ref (job);
  s->ids = g_ptr_array_new_with_free_func (g_free);
  g_task_set_task_data (task, s, (GDestroyNotify) step_free);

  /* X takes one video, or up to four photos: more, or both, are refused
   * before any request rather than posted with some left out. A job that
   * began before this check goes on as it began. */
  if (warta_publish_job_get_step (job, "media-0") == NULL)
    {
      GError *error = NULL;

      if (!_warta_publish_check_media (job, "x", 0, &error))
        {
          g_task_return_error (task, error);
          return;
        }
    }
  if (video)
    g_ptr_array_set_size (media, 1);
  else
    {
      guint max_photos = warta_media_rules_get_limits ("x")->max_photos;

      g_ptr_array_unref (media);
      media = warta_publish_job_list_media (job, "photo");
      if (media->len > max_photos)
        g_ptr_array_set_size (media, max_photos);
    }
  s->n_steps = media->len + 1;

  for (guint i = 0; i < media->len; i++)
    {
      WartaMediaItem *item = media->pdata[i];
      g_autofree char *name = g_strdup_printf ("media-%u", i);
      const char *id = warta_publish_job_get_step_string (job, name, "id");

      if (id != NULL && warta_publish_job_get_step_string (job, name, "ready") != NULL)
        {
          g_ptr_array_add (s->ids, g_strdup (id));
          continue;
        }

      s->name = g_steal_pointer (&name);
      s->resume_id = g_strdup (id);
      s->index = i;
      if (video)
        {
          GError *error = NULL;
          g_autoptr(WartaUpload) upload = warta_publish_job_open_upload (job, item, &error);

          if (upload == NULL)
            {
              g_task_return_error (task, error);
              return;
            }
          send_upload (g_steal_pointer (&task), upload);
        }
      else
        _warta_publish_open_rendition_async (job, item, WARTA_RENDITION_TARGET_X, cancellable,
                                             rendition_cb, g_steal_pointer (&task));
      return;
    }
  g_ptr_array_add (s->ids, NULL);

  s->text = warta_publish_job_dup_text (job, "x");
  warta_publish_job_set_progress (job, media->len, s->n_steps, 0.5);
  if (warta_publish_job_get_step (job, "post-attempt") == NULL)
    {
      /* Committed before the post goes: its answer may be lost. */
      warta_publisher_return_step (task, "post-attempt",
                                   _warta_publish_object ("text", s->text, NULL));
      return;
    }
  warta_x_find_post_async (self->x, s->text, cancellable, find_cb, g_steal_pointer (&task));
}

/* The post; its media go with it. */
static void
take_down_async (WartaPublisher      *publisher,
                 WartaPublishJob     *job,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data)
{
  WartaXPublisher *self = WARTA_X_PUBLISHER (publisher);
  const char *id = NULL;
  GTask *task;

  task = _warta_publish_take_down_task (publisher, job, cancellable, callback, user_data,
                                        take_down_async,
                                        _("Warta has no id of this post on X. Delete it on X yourself, then record the take-down."),
                                        &id);
  if (task != NULL)
    warta_x_delete_post_async (self->x, id, cancellable, _warta_publish_deleted_cb, task);
}

static void
publisher_iface_init (WartaPublisherInterface *iface)
{
  iface->run_step_async = run_step_async;
  iface->take_down_async = take_down_async;
}
