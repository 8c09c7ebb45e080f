/* warta-tiktok-publisher.c: the outbox's steps for a TikTok account
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Steps: "creator" (creator_info: the user name and the privacy level
 * chosen from the creator's options), "init" (publish_id, upload URL and
 * the chunk plan), "chunks" (how many chunks TikTok confirmed, after each
 * one), "uploaded", then "post" once status/fetch says PUBLISH_COMPLETE.
 * TikTok has no idempotency key; the publish_id is the handle (§0.3): it
 * is kept, and its status fetched, never a second init after the upload.
 * An upload URL that expired (one hour) gets a new init.
 */
#define G_LOG_DOMAIN "warta-tiktok"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "warta-publish-error.h"
#include "warta-publish-util-private.h"
#include "warta-tiktok-publisher.h"

struct _WartaTikTokPublisher
{
  GObject      parent_instance;

  WartaTikTok *tiktok;
  char        *privacy;
};

static void publisher_iface_init (WartaPublisherInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (WartaTikTokPublisher, warta_tiktok_publisher, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (WARTA_TYPE_PUBLISHER, publisher_iface_init))

static void
warta_tiktok_publisher_finalize (GObject *object)
{
  WartaTikTokPublisher *self = WARTA_TIKTOK_PUBLISHER (object);

  g_clear_object (&self->tiktok);
  g_free (self->privacy);

  G_OBJECT_CLASS (warta_tiktok_publisher_parent_class)->finalize (object);
}

static void
warta_tiktok_publisher_class_init (WartaTikTokPublisherClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = warta_tiktok_publisher_finalize;
}

static void
warta_tiktok_publisher_init (WartaTikTokPublisher *self)
{
}

WartaPublisher *
warta_tiktok_publisher_new (WartaHttpClient  *client,
                            WartaAccount     *account,
                            const char       *secret,
                            GError          **error)
{
  WartaTikTokPublisher *self;
  g_autofree char *token = _warta_publish_access_token (secret);
  guint64 chunk, poll;

  g_return_val_if_fail (WARTA_IS_HTTP_CLIENT (client), NULL);
  g_return_val_if_fail (WARTA_IS_ACCOUNT (account), NULL);

  self = g_object_new (WARTA_TYPE_TIKTOK_PUBLISHER, NULL);
  self->tiktok = warta_tiktok_new (client, warta_account_get_base_url (account), token);
  self->privacy = warta_account_dup_setting (account, "privacy-level");
  chunk = _warta_publish_setting_uint (account, "chunk-size", 0);
  if (chunk > 0)
    warta_tiktok_set_chunk_size (self->tiktok, chunk);
  poll = _warta_publish_setting_uint (account, "poll-ms", 0);
  if (poll > 0)
    warta_tiktok_set_poll_interval (self->tiktok, (guint) poll, (guint) poll * 600);
  return WARTA_PUBLISHER (self);
}

typedef struct
{
  WartaTikTok     *tiktok;
  WartaPublishJob *job;
  WartaUpload     *upload;
  WartaTikTokInit  init;
  char            *text;
  char            *username;
  guint            first;
  guint            confirmed;
  GCancellable    *inner;
  GCancellable    *outer;
  gulong           outer_id;
  gulong           handler;
} Step;

static void
step_free (Step *s)
{
  g_clear_signal_handler (&s->handler, s->tiktok);
  if (s->outer_id)
    g_cancellable_disconnect (s->outer, s->outer_id);
  g_clear_object (&s->outer);
  g_clear_object (&s->inner);
  g_clear_object (&s->tiktok);
  g_clear_object (&s->job);
  g_clear_object (&s->upload);
  g_free (s->init.publish_id);
  g_free (s->init.upload_url);
  g_free (s->text);
  g_free (s->username);
  g_free (s);
}

static void
return_step (GTask      *task,
             const char *name,
             JsonNode   *value)
{
  g_task_return_pointer (task, warta_publish_step_new (name, value),
                         (GDestroyNotify) warta_publish_step_free);
}

static JsonNode *
init_value (const WartaTikTokInit *init)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "publish_id");
  json_builder_add_string_value (builder, init->publish_id);
  json_builder_set_member_name (builder, "upload_url");
  json_builder_add_string_value (builder, init->upload_url);
  json_builder_set_member_name (builder, "video_size");
  json_builder_add_int_value (builder, (gint64) init->video_size);
  json_builder_set_member_name (builder, "chunk_size");
  json_builder_add_int_value (builder, (gint64) init->chunk_size);
  json_builder_set_member_name (builder, "total_chunk_count");
  json_builder_add_int_value (builder, init->total_chunk_count);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static JsonNode *
chunks_value (const char *publish_id,
              guint       chunks)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "publish_id");
  json_builder_add_string_value (builder, publish_id);
  json_builder_set_member_name (builder, "confirmed");
  json_builder_add_int_value (builder, chunks);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static gboolean
allowed (WartaTikTokCreatorInfo *info,
         const char             *level)
{
  return info->privacy_level_options && g_strv_contains ((const char * const *) info->privacy_level_options, level);
}

static void
creator_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  WartaTikTokPublisher *self = g_task_get_source_object (task);
  g_autoptr(WartaTikTokCreatorInfo) info = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const char *privacy = self->privacy;
  GError *error = NULL;

  info = warta_tiktok_query_creator_info_finish (WARTA_TIKTOK (object), result, &error);
  if (info == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* TikTok wants the user's choice: the account's, or the most private. */
  if (privacy == NULL || *privacy == '\0')
    privacy = "SELF_ONLY";
  if (!allowed (info, privacy))
    {
      g_task_return_new_error (task, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_NOT_CONFIGURED,
                               _("TikTok does not let “%s” post with the privacy level %s. Choose another privacy level for this account in Accounts."),
                               info->nickname ? info->nickname : "", privacy);
      return;
    }
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "username");
  json_builder_add_string_value (builder, info->username);
  json_builder_set_member_name (builder, "privacy");
  json_builder_add_string_value (builder, privacy);
  json_builder_set_member_name (builder, "comment_disabled");
  json_builder_add_boolean_value (builder, info->comment_disabled);
  json_builder_set_member_name (builder, "duet_disabled");
  json_builder_add_boolean_value (builder, info->duet_disabled);
  json_builder_set_member_name (builder, "stitch_disabled");
  json_builder_add_boolean_value (builder, info->stitch_disabled);
  json_builder_end_object (builder);
  return_step (task, "creator", json_builder_get_root (builder));
}

static void
init_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(WartaTikTokInit) init = NULL;
  GError *error = NULL;

  init = warta_tiktok_init_video_finish (WARTA_TIKTOK (object), result, &error);
  if (init == NULL)
    g_task_return_error (task, error);
  else
    return_step (task, "init", init_value (init));
}

static void
send_init (GTask *task)
{
  Step *s = g_task_get_task_data (task);
  JsonObject *creator = json_node_get_object (warta_publish_job_get_step (s->job, "creator"));
  GCancellable *cancellable = g_task_get_cancellable (task);

  warta_tiktok_init_video_async (s->tiktok, s->upload, s->text,
                                 json_object_get_string_member (creator, "privacy"),
                                 json_object_get_boolean_member_with_default (creator, "comment_disabled", FALSE),
                                 json_object_get_boolean_member_with_default (creator, "duet_disabled", FALSE),
                                 json_object_get_boolean_member_with_default (creator, "stitch_disabled", FALSE),
                                 cancellable, init_cb, task);
}

static void
chunk_confirmed_cb (WartaTikTok *tiktok,
                    const char  *publish_id,
                    guint        chunks,
                    Step        *s)
{
  if (g_strcmp0 (publish_id, s->init.publish_id) != 0)
    return;
  s->confirmed = chunks;
  /* The last chunk: the upload's own answer says so. */
  if (chunks > s->first && chunks < s->init.total_chunk_count)
    g_cancellable_cancel (s->inner);
}

static void
upload_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Step *s = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (warta_tiktok_upload_finish (WARTA_TIKTOK (object), result, &error))
    {
      return_step (task, "uploaded", _warta_publish_object ("publish_id", s->init.publish_id, NULL));
      return;
    }
  if (s->confirmed > s->first && g_cancellable_is_cancelled (s->inner) &&
      !g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    {
      return_step (task, "chunks", chunks_value (s->init.publish_id, s->confirmed));
      return;
    }
  if (g_strcmp0 (warta_publish_error_get_platform_code (error), "upload_url_expired") == 0)
    {
      /* Nothing was published under the old publish_id: a new init. */
      g_debug ("The upload URL of %s expired; a new init", s->init.publish_id);
      send_init (g_steal_pointer (&task));
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
wait_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Step *s = g_task_get_task_data (task);
  g_autoptr(WartaRemoteResult) res = NULL;
  GError *error = NULL;

  res = warta_tiktok_wait_publish_finish (WARTA_TIKTOK (object), result, &error);
  if (res == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* A private post, or one still in moderation, has no address of its
   * own yet: the profile's. */
  if (res->url == NULL && s->username != NULL)
    res->url = g_strdup_printf ("https://www.tiktok.com/@%s", s->username);
  g_task_return_pointer (task, warta_publish_step_new_final ("post", res->id, res->url),
                         (GDestroyNotify) warta_publish_step_free);
}

static void
run_step_async (WartaPublisher      *publisher,
                WartaPublishJob     *job,
                GCancellable        *cancellable,
                GAsyncReadyCallback  callback,
                gpointer             user_data)
{
  WartaTikTokPublisher *self = WARTA_TIKTOK_PUBLISHER (publisher);
  g_autoptr(GTask) task = NULL;
  g_autoptr(GPtrArray) videos = warta_publish_job_list_media (job, "video");
  JsonNode *init_node;
  JsonObject *init;
  const char *publish_id;
  GError *error = NULL;
  Step *s;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, run_step_async);

  if (videos->len == 0)
    {
      g_task_return_new_error (task, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_REJECTED,
                               "%s", _("Warta sends TikTok videos, and this publication has none. TikTok takes photos only from a verified website: add a video and publish again, or post the photos in the TikTok app and record the proof."));
      return;
    }

  s = g_new0 (Step, 1);
  s->tiktok = g_object_ref (self->tiktok);
  s->job = g_object_ref (job);
  g_task_set_task_data (task, s, (GDestroyNotify) step_free);

  /* 1. Who posts, and with which privacy level (§5.2). */
  if (warta_publish_job_get_step (job, "creator") == NULL)
    {
      warta_publish_job_set_progress (job, 0, 1, 0.0);
      warta_tiktok_query_creator_info_async (self->tiktok, cancellable, creator_cb,
                                             g_steal_pointer (&task));
      return;
    }

  /* 4. Sent: TikTok processes it; its status, never a second upload. */
  publish_id = warta_publish_job_get_step_string (job, "uploaded", "publish_id");
  if (publish_id != NULL)
    {
      warta_publish_job_set_progress (job, 0, 1, 0.95);
      s->username = g_strdup (warta_publish_job_get_step_string (job, "creator", "username"));
      warta_tiktok_wait_publish_async (self->tiktok, publish_id,
                                       warta_publish_job_get_step_string (job, "creator", "username"),
                                       cancellable, wait_cb, g_steal_pointer (&task));
      return;
    }

  s->upload = warta_publish_job_open_upload (job, videos->pdata[0], &error);
  if (s->upload == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  s->text = warta_publish_job_dup_text (job, "tiktok-video");

  /* 2. The init: publish_id, upload URL and chunk plan. */
  init_node = warta_publish_job_get_step (job, "init");
  if (init_node == NULL)
    {
      send_init (g_steal_pointer (&task));
      return;
    }

  /* 3. The chunks, in order, each a step. */
  init = json_node_get_object (init_node);
  s->init.publish_id = g_strdup (json_object_get_string_member (init, "publish_id"));
  s->init.upload_url = g_strdup (json_object_get_string_member (init, "upload_url"));
  s->init.video_size = (guint64) json_object_get_int_member (init, "video_size");
  s->init.chunk_size = (guint64) json_object_get_int_member (init, "chunk_size");
  s->init.total_chunk_count = (guint) json_object_get_int_member (init, "total_chunk_count");
  if (g_strcmp0 (warta_publish_job_get_step_string (job, "chunks", "publish_id"), s->init.publish_id) == 0)
    s->first = (guint) json_object_get_int_member (json_node_get_object (warta_publish_job_get_step (job, "chunks")),
                                                   "confirmed");
  s->first = MIN (s->first, s->init.total_chunk_count - 1);
  s->inner = g_cancellable_new ();
  if (cancellable)
    {
      s->outer = g_object_ref (cancellable);
      s->outer_id = g_cancellable_connect (cancellable, G_CALLBACK (outer_cancelled_cb),
                                           g_object_ref (s->inner), g_object_unref);
    }
  s->handler = g_signal_connect (self->tiktok, "chunk-confirmed", G_CALLBACK (chunk_confirmed_cb), s);
  warta_publish_job_track_upload (job, s->upload, 0, 1);
  warta_tiktok_upload_async (self->tiktok, s->upload, &s->init, s->first, s->inner, upload_cb,
                             g_steal_pointer (&task));
}

static WartaPublishStep *
run_step_finish (WartaPublisher  *publisher,
                 GAsyncResult    *result,
                 GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, publisher), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
publisher_iface_init (WartaPublisherInterface *iface)
{
  iface->run_step_async = run_step_async;
  iface->run_step_finish = run_step_finish;
}
