/* warta-youtube-publisher.c: the outbox's steps for a YouTube channel
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Steps: "session" (the resumable session URI), then "upload" (the session
 * and the offset YouTube confirmed), one step per chunk so that a crash
 * loses one chunk at most; then "post", the video. A publisher that did not
 * see the session's last chunk itself (a restart) asks YouTube for its
 * offset with "bytes * /TOTAL" first; after the last chunk's answer was
 * lost, that probe returns the video, never a second one. Videos only.
 */
#define G_LOG_DOMAIN "warta-youtube"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "warta-publish-error.h"
#include "warta-publish-util-private.h"
#include "warta-youtube-publisher.h"

struct _WartaYouTubePublisher
{
  GObject       parent_instance;

  WartaYouTube *youtube;
  char         *privacy;
  GHashTable   *known;      /* session URIs whose offset this publisher saw */
};

static void publisher_iface_init (WartaPublisherInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (WartaYouTubePublisher, warta_youtube_publisher, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (WARTA_TYPE_PUBLISHER, publisher_iface_init))

static void
warta_youtube_publisher_finalize (GObject *object)
{
  WartaYouTubePublisher *self = WARTA_YOUTUBE_PUBLISHER (object);

  g_clear_object (&self->youtube);
  g_free (self->privacy);
  g_hash_table_unref (self->known);

  G_OBJECT_CLASS (warta_youtube_publisher_parent_class)->finalize (object);
}

static void
warta_youtube_publisher_class_init (WartaYouTubePublisherClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = warta_youtube_publisher_finalize;
}

static void
warta_youtube_publisher_init (WartaYouTubePublisher *self)
{
  self->known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

WartaPublisher *
warta_youtube_publisher_new (WartaHttpClient  *client,
                             WartaAccount     *account,
                             const char       *secret,
                             GError          **error)
{
  WartaYouTubePublisher *self;
  g_autofree char *token = _warta_publish_access_token (secret);
  guint64 chunk;

  g_return_val_if_fail (WARTA_IS_HTTP_CLIENT (client), NULL);
  g_return_val_if_fail (WARTA_IS_ACCOUNT (account), NULL);

  self = g_object_new (WARTA_TYPE_YOUTUBE_PUBLISHER, NULL);
  self->youtube = warta_youtube_new (client, warta_account_get_base_url (account), token);
  self->privacy = warta_account_dup_setting (account, "privacy");
  chunk = _warta_publish_setting_uint (account, "chunk-size", 0);
  if (chunk > 0)
    warta_youtube_set_chunk_size (self->youtube, chunk);
  return WARTA_PUBLISHER (self);
}

typedef struct
{
  WartaYouTubePublisher *self;
  WartaYouTube          *youtube;    /* outlives the publisher in the task */
  WartaPublishJob       *job;
  WartaUpload           *upload;
  GCancellable          *chunk;      /* cancelled once a chunk is confirmed */
  GCancellable          *outer;
  gulong                 outer_id;
  char                  *session_uri;
  guint64                start;
  guint64                confirmed;
  gboolean               have_confirmed;
  gulong                 handler;
} Step;

static void
step_free (Step *s)
{
  if (s->handler)
    g_signal_handler_disconnect (s->youtube, s->handler);
  g_clear_object (&s->youtube);
  if (s->outer_id)
    g_cancellable_disconnect (s->outer, s->outer_id);
  g_clear_object (&s->outer);
  g_clear_object (&s->job);
  g_clear_object (&s->upload);
  g_clear_object (&s->chunk);
  g_free (s->session_uri);
  g_free (s);
}

static JsonNode *
upload_value (const char *session_uri,
              guint64     offset,
              guint64     total)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "session");
  json_builder_add_string_value (builder, session_uri);
  json_builder_set_member_name (builder, "offset");
  json_builder_add_int_value (builder, (gint64) offset);
  json_builder_set_member_name (builder, "total");
  json_builder_add_int_value (builder, (gint64) total);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
session_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Step *s = g_task_get_task_data (task);
  g_autofree char *uri = NULL;
  GError *error = NULL;

  uri = warta_youtube_start_session_finish (WARTA_YOUTUBE (object), result, &error);
  if (uri == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_hash_table_add (s->self->known, g_strdup (uri));
  warta_publisher_return_step (task, "session",
                               upload_value (uri, 0, warta_upload_get_total_bytes (s->upload)));
}

/* One chunk is in: the step ends here, the rest is the next step's. */
static void
session_progress_cb (WartaYouTube *youtube,
                     const char   *session_uri,
                     guint64       offset,
                     guint64       total,
                     Step         *s)
{
  if (g_strcmp0 (session_uri, s->session_uri) != 0 || offset >= total)
    return;
  s->confirmed = offset;
  s->have_confirmed = TRUE;
  if (offset > s->start)
    g_cancellable_cancel (s->chunk);
}

static void start_session (GTask *task);

static void
upload_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Step *s = g_task_get_task_data (task);
  g_autoptr(WartaRemoteResult) res = NULL;
  g_autoptr(GError) error = NULL;
  GCancellable *outer = g_task_get_cancellable (task);

  res = warta_youtube_upload_finish (WARTA_YOUTUBE (object), result, &error);
  if (res != NULL)
    {
      warta_publisher_return_final (task, "post", res->id, res->url);
      return;
    }
  if (s->have_confirmed && g_cancellable_is_cancelled (s->chunk) &&
      !g_cancellable_is_cancelled (outer))
    {
      g_hash_table_add (s->self->known, g_strdup (s->session_uri));
      warta_publisher_return_step (task, "upload",
                                   upload_value (s->session_uri, s->confirmed,
                                                 warta_upload_get_total_bytes (s->upload)));
      return;
    }
  if (warta_youtube_error_is_session_expired (error))
    {
      /* A week-old session: nothing of it became a video; a new one. */
      g_debug ("Session %s expired; starting a new one", s->session_uri);
      g_clear_object (&s->chunk);
      g_clear_signal_handler (&s->handler, s->youtube);
      start_session (g_steal_pointer (&task));
      return;
    }
  g_task_return_error (task, g_steal_pointer (&error));
}

static void
start_session (GTask *task)
{
  Step *s = g_task_get_task_data (task);
  g_autofree char *title = warta_publish_job_dup_text (s->job, "youtube-title");
  g_autofree char *description = warta_publish_job_dup_text (s->job, "youtube-description");
  WartaYouTubeMetadata metadata = { 0 };

  metadata.title = title;
  metadata.description = description;
  metadata.privacy_status = s->self->privacy;
  warta_publish_job_set_progress (s->job, 0, 1, 0.0);
  warta_youtube_start_session_async (s->self->youtube, s->upload, &metadata,
                                     g_task_get_cancellable (task), session_cb, task);
}

static void
outer_cancelled_cb (GCancellable *outer,
                    GCancellable *chunk)
{
  g_cancellable_cancel (chunk);
}

static void
run_step_async (WartaPublisher      *publisher,
                WartaPublishJob     *job,
                GCancellable        *cancellable,
                GAsyncReadyCallback  callback,
                gpointer             user_data)
{
  WartaYouTubePublisher *self = WARTA_YOUTUBE_PUBLISHER (publisher);
  g_autoptr(GTask) task = NULL;
  g_autoptr(GPtrArray) videos = warta_publish_job_list_media (job, "video");
  JsonNode *upload_step;
  const char *session_uri;
  GError *error = NULL;
  Step *s;

  task = warta_publisher_new_step_task (WARTA_PUBLISHER (self), cancellable, callback, user_data,
                                        run_step_async);

  if (videos->len == 0)
    {
      g_task_return_new_error (task, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_REJECTED,
                               "%s", _("YouTube only takes videos, and this publication has none. This target is skipped: add a video and publish again, or leave YouTube out."));
      return;
    }

  /* One video a post: a second one is refused before any request rather
   * than left out. */
  if (warta_publish_job_get_step (job, "session") == NULL &&
      !_warta_publish_check_media (job, "youtube", 0, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  s = g_new0 (Step, 1);
  s->self = self;
  s->youtube = g_object_ref (self->youtube);
  s->job = g_object_ref (job);
  g_task_set_task_data (task, s, (GDestroyNotify) step_free);
  s->upload = warta_publish_job_open_upload (job, videos->pdata[0], &error);
  if (s->upload == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* The newest of the two: a chunk confirmed, or a new session. */
  upload_step = warta_publish_job_get_step (job, "upload");
  session_uri = warta_publish_job_get_step_string (job, "session", "session");
  if (session_uri == NULL)
    {
      start_session (g_steal_pointer (&task));
      return;
    }
  s->session_uri = g_strdup (session_uri);
  s->start = 0;
  if (upload_step != NULL &&
      g_strcmp0 (warta_publish_job_get_step_string (job, "upload", "session"), session_uri) == 0)
    s->start = (guint64) json_object_get_int_member_with_default (json_node_get_object (upload_step),
                                                                  "offset", 0);

  s->chunk = g_cancellable_new ();
  if (cancellable)
    {
      s->outer = g_object_ref (cancellable);
      s->outer_id = g_cancellable_connect (cancellable, G_CALLBACK (outer_cancelled_cb),
                                           g_object_ref (s->chunk), g_object_unref);
    }
  s->handler = g_signal_connect (self->youtube, "session-progress",
                                 G_CALLBACK (session_progress_cb), s);
  warta_publish_job_track_upload (job, s->upload, 0, 1);
  /* After a restart YouTube's count is the truth: "bytes * /TOTAL". */
  warta_youtube_upload_async (self->youtube, s->upload, s->session_uri,
                              g_hash_table_contains (self->known, s->session_uri)
                              ? s->start : WARTA_YOUTUBE_OFFSET_UNKNOWN,
                              s->chunk, upload_cb, g_steal_pointer (&task));
}

static void
take_down_async (WartaPublisher      *publisher,
                 WartaPublishJob     *job,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data)
{
  WartaYouTubePublisher *self = WARTA_YOUTUBE_PUBLISHER (publisher);
  const char *id = NULL;
  GTask *task;

  task = _warta_publish_take_down_task (publisher, job, cancellable, callback, user_data,
                                        take_down_async,
                                        _("Warta has no id of this video on YouTube. Delete it in YouTube Studio yourself, then record the take-down."),
                                        &id);
  if (task != NULL)
    warta_youtube_delete_video_async (self->youtube, id, cancellable, _warta_publish_deleted_cb,
                                      task);
}

static void
publisher_iface_init (WartaPublisherInterface *iface)
{
  iface->run_step_async = run_step_async;
  iface->take_down_async = take_down_async;
}
