/* warta-facebook-publisher.c: the outbox's steps for a Facebook Page
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Photos and a video together are refused before any request: a Page
 * post cannot carry both (the Graph API attaches photos only).
 * A video: "video" with the video id, the upload session and the offset
 * Facebook confirmed, after the start and after every window; then the
 * finish, whose result is the post. Photos: "photo-N", each the Facebook
 * rendition uploaded as an unpublished photo; then "post-attempt",
 * committed before the feed post with attached_media, and "post". Facebook
 * has no idempotency key: after an attempt whose answer may have been
 * lost, the Page's feed is read for the message before posting again.
 * A take-down deletes the post (or its video); its photos go with it.
 */
#define G_LOG_DOMAIN "warta-facebook"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "warta-facebook-publisher.h"
#include "warta-publish-error.h"
#include "warta-publish-util-private.h"

struct _WartaFacebookPublisher
{
  GObject        parent_instance;

  WartaFacebook *facebook;
};

static void publisher_iface_init (WartaPublisherInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (WartaFacebookPublisher, warta_facebook_publisher, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (WARTA_TYPE_PUBLISHER, publisher_iface_init))

static void
warta_facebook_publisher_finalize (GObject *object)
{
  WartaFacebookPublisher *self = WARTA_FACEBOOK_PUBLISHER (object);

  g_clear_object (&self->facebook);

  G_OBJECT_CLASS (warta_facebook_publisher_parent_class)->finalize (object);
}

static void
warta_facebook_publisher_class_init (WartaFacebookPublisherClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = warta_facebook_publisher_finalize;
}

static void
warta_facebook_publisher_init (WartaFacebookPublisher *self)
{
}

WartaPublisher *
warta_facebook_publisher_new (WartaHttpClient  *client,
                              WartaAccount     *account,
                              const char       *secret,
                              GError          **error)
{
  WartaFacebookPublisher *self;
  g_autofree char *token = _warta_publish_access_token (secret);
  g_autofree char *page_id = warta_account_dup_setting (account, "page-id");
  g_autofree char *video_url = warta_account_dup_setting (account, "video-url");
  const char *base_url = warta_account_get_base_url (account);

  g_return_val_if_fail (WARTA_IS_HTTP_CLIENT (client), NULL);
  g_return_val_if_fail (WARTA_IS_ACCOUNT (account), NULL);

  if (page_id == NULL || *page_id == '\0')
    {
      g_set_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_NOT_CONFIGURED,
                   _("The Facebook account “%s” names no Page. Remove it in Accounts and add the Page again."),
                   warta_account_get_display_name (account));
      return NULL;
    }
  self = g_object_new (WARTA_TYPE_FACEBOOK_PUBLISHER, NULL);
  self->facebook = warta_facebook_new (client, base_url,
                                       video_url && *video_url ? video_url : base_url,
                                       page_id, token);
  return WARTA_PUBLISHER (self);
}

typedef struct
{
  WartaFacebook   *facebook;
  WartaPublishJob *job;
  char            *name;
  char            *text;
  GPtrArray       *ids;
  /* the video */
  char            *resume_session;
  guint64          start;
  char            *video_id;
  char            *session_id;
  guint64          offset;
  gboolean         progressed;
  GCancellable    *inner;
  GCancellable    *outer;
  gulong           outer_id;
  gulong           handler;
} Step;

static void
step_free (Step *s)
{
  g_clear_signal_handler (&s->handler, s->facebook);
  if (s->outer_id)
    g_cancellable_disconnect (s->outer, s->outer_id);
  g_clear_object (&s->outer);
  g_clear_object (&s->inner);
  g_clear_object (&s->facebook);
  g_clear_object (&s->job);
  g_free (s->name);
  g_free (s->text);
  g_clear_pointer (&s->ids, g_ptr_array_unref);
  g_free (s->resume_session);
  g_free (s->video_id);
  g_free (s->session_id);
  g_free (s);
}

static void
return_final (GTask             *task,
              WartaRemoteResult *res)
{
  warta_publisher_return_final (task, "post", res->id, res->url);
}

static JsonNode *
video_value (Step *s)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "video");
  json_builder_add_string_value (builder, s->video_id);
  json_builder_set_member_name (builder, "session");
  json_builder_add_string_value (builder, s->session_id);
  json_builder_set_member_name (builder, "offset");
  json_builder_add_int_value (builder, (gint64) s->offset);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* The start, or one more window: the step ends here. */
static void
video_progress_cb (WartaFacebook *facebook,
                   const char    *video_id,
                   const char    *session_id,
                   guint64        offset,
                   Step          *s)
{
  if (g_strcmp0 (session_id, s->resume_session) == 0 && offset <= s->start)
    return;
  g_free (s->video_id);
  s->video_id = g_strdup (video_id);
  g_free (s->session_id);
  s->session_id = g_strdup (session_id);
  s->offset = offset;
  s->progressed = TRUE;
  g_cancellable_cancel (s->inner);
}

static void
video_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Step *s = g_task_get_task_data (task);
  g_autoptr(WartaRemoteResult) res = NULL;
  g_autoptr(GError) error = NULL;

  res = warta_facebook_upload_video_finish (WARTA_FACEBOOK (object), result, &error);
  if (res != NULL)
    return_final (task, res);
  else if (s->progressed && !g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    warta_publisher_return_step (task, "video", video_value (s));
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
outer_cancelled_cb (GCancellable *outer,
                    GCancellable *inner)
{
  g_cancellable_cancel (inner);
}

static void
send_video (GTask          *task,
            WartaMediaItem *item)
{
  Step *s = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  g_autoptr(WartaUpload) upload = NULL;
  g_autofree char *title = warta_publish_job_dup_text (s->job, "facebook-title");
  g_autofree char *description = warta_publish_job_dup_text (s->job, "facebook");
  const char *video_id = warta_publish_job_get_step_string (s->job, "video", "video");
  GError *error = NULL;

  upload = warta_publish_job_open_upload (s->job, item, &error);
  if (upload == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  s->resume_session = g_strdup (warta_publish_job_get_step_string (s->job, "video", "session"));
  if (s->resume_session)
    s->start = (guint64) json_object_get_int_member_with_default (json_node_get_object (warta_publish_job_get_step (s->job, "video")),
                                                                  "offset", 0);
  s->inner = g_cancellable_new ();
  if (cancellable)
    {
      s->outer = g_object_ref (cancellable);
      s->outer_id = g_cancellable_connect (cancellable, G_CALLBACK (outer_cancelled_cb),
                                           g_object_ref (s->inner), g_object_unref);
    }
  s->handler = g_signal_connect (s->facebook, "video-progress", G_CALLBACK (video_progress_cb), s);
  warta_publish_job_track_upload (s->job, upload, 0, 1);
  warta_facebook_upload_video_async (s->facebook, upload, title, description, video_id,
                                     s->resume_session, s->start, s->inner, video_cb, task);
}

static void
photo_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Step *s = g_task_get_task_data (task);
  g_autoptr(WartaRemoteResult) res = NULL;
  GError *error = NULL;

  res = warta_facebook_upload_photo_finish (WARTA_FACEBOOK (object), result, &error);
  if (res == NULL)
    g_task_return_error (task, error);
  else
    warta_publisher_return_step (task, s->name, _warta_publish_object ("id", res->id, NULL));
}

static void
rendition_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Step *s = g_task_get_task_data (task);
  g_autoptr(WartaUpload) upload = NULL;
  GCancellable *cancellable;
  GError *error = NULL;

  upload = _warta_publish_open_rendition_finish (result, &error);
  if (upload == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  cancellable = g_task_get_cancellable (task);
  warta_facebook_upload_photo_async (s->facebook, upload, NULL, FALSE, cancellable,
                                     photo_cb, g_steal_pointer (&task));
}

static void
post_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(WartaRemoteResult) res = NULL;
  GError *error = NULL;

  res = warta_facebook_post_finish (WARTA_FACEBOOK (object), result, &error);
  if (res == NULL)
    g_task_return_error (task, error);
  else
    return_final (task, res);
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

  res = warta_facebook_find_post_finish (WARTA_FACEBOOK (object), result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (res != NULL)
    {
      g_debug ("The post of an earlier attempt exists: %s", res->id);
      return_final (task, res);
      return;
    }
  cancellable = g_task_get_cancellable (task);
  warta_facebook_post_async (s->facebook, s->text, NULL,
                             s->ids->len > 1 ? (const char * const *) s->ids->pdata : NULL,
                             cancellable, post_cb, g_steal_pointer (&task));
}

static void
run_step_async (WartaPublisher      *publisher,
                WartaPublishJob     *job,
                GCancellable        *cancellable,
                GAsyncReadyCallback  callback,
                gpointer             user_data)
{
  WartaFacebookPublisher *self = WARTA_FACEBOOK_PUBLISHER (publisher);
  g_autoptr(GTask) task = NULL;
  g_autoptr(GPtrArray) videos = warta_publish_job_list_media (job, "video");
  g_autoptr(GPtrArray) photos = NULL;
  Step *s;

  task = warta_publisher_new_step_task (WARTA_PUBLISHER (self), cancellable, callback, user_data,
                                        run_step_async);
  s = g_new0 (Step, 1);
  s->facebook = g_object_ref (self->facebook);
  s->job = g_object_ref (job);
  s->ids = g_ptr_array_new_with_free_func (g_free);
  g_task_set_task_data (task, s, (GDestroyNotify) step_free);

  photos = warta_publish_job_list_media (job, "photo");

  /* A Page post carries photos or one video, never both; leaving any out
   * unsaid would publish less than was approved. A job that began the
   * video before this rule goes on with it. */
  if (warta_publish_job_get_step (job, "video") == NULL &&
      warta_publish_job_get_step (job, "photo-0") == NULL)
    {
      GError *error = NULL;

      if (!_warta_publish_check_media (job, "facebook", 0, &error))
        {
          g_task_return_error (task, error);
          return;
        }
    }

  /* A video is a post of its own: the Page's video with the text. */
  if (videos->len > 0)
    {
      send_video (g_steal_pointer (&task), videos->pdata[0]);
      return;
    }

  for (guint i = 0; i < photos->len; i++)
    {
      g_autofree char *name = g_strdup_printf ("photo-%u", i);
      const char *id = warta_publish_job_get_step_string (job, name, "id");

      if (id != NULL)
        {
          g_ptr_array_add (s->ids, g_strdup (id));
          continue;
        }
      s->name = g_steal_pointer (&name);
      warta_publish_job_set_progress (job, i, photos->len + 1, 0.0);
      _warta_publish_open_rendition_async (job, photos->pdata[i], WARTA_RENDITION_TARGET_FACEBOOK,
                                           cancellable, rendition_cb, g_steal_pointer (&task));
      return;
    }
  g_ptr_array_add (s->ids, NULL);

  s->text = warta_publish_job_dup_text (job, "facebook");
  warta_publish_job_set_progress (job, photos->len, photos->len + 1, 0.5);
  if (warta_publish_job_get_step (job, "post-attempt") == NULL)
    {
      /* Committed before the post goes: its answer may be lost. */
      warta_publisher_return_step (task, "post-attempt",
                                   _warta_publish_object ("text", s->text, NULL));
      return;
    }
  warta_facebook_find_post_async (self->facebook, s->text, cancellable, find_cb,
                                  g_steal_pointer (&task));
}

/* The post, or the video that is the post. The unpublished photos of a
 * multi-photo post go with it. */
static void
take_down_async (WartaPublisher      *publisher,
                 WartaPublishJob     *job,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data)
{
  WartaFacebookPublisher *self = WARTA_FACEBOOK_PUBLISHER (publisher);
  const char *id = NULL;
  GTask *task;

  task = _warta_publish_take_down_task (publisher, job, cancellable, callback, user_data,
                                        take_down_async,
                                        _("Warta has no address of this post on Facebook. Remove it on the Page yourself, then record the take-down."),
                                        &id);
  if (task != NULL)
    warta_facebook_delete_object_async (self->facebook, id, cancellable, _warta_publish_deleted_cb,
                                        task);
}

static void
updated_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!warta_facebook_update_object_finish (WARTA_FACEBOOK (object), result, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* A post's message (a photo post's caption too), or the description of
 * the video that is the post. */
static void
correct_async (WartaPublisher      *publisher,
               WartaPublishJob     *job,
               const char          *title,
               const char          *text,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  WartaFacebookPublisher *self = WARTA_FACEBOOK_PUBLISHER (publisher);
  const char *id = NULL;
  GTask *task;

  task = _warta_publish_take_down_task (publisher, job, cancellable, callback, user_data,
                                        correct_async,
                                        _("Warta has no address of this post on Facebook. Correct it on the Page yourself, then record the correction."),
                                        &id);
  if (task != NULL)
    warta_facebook_update_object_async (self->facebook, id,
                                        warta_publish_job_get_step (job, "video") != NULL
                                        ? "description" : "message",
                                        text, cancellable, updated_cb, task);
}

static void
publisher_iface_init (WartaPublisherInterface *iface)
{
  iface->run_step_async = run_step_async;
  iface->take_down_async = take_down_async;
  iface->correct_async = correct_async;
}
