/* warta-tiktok-publisher.c: the outbox's steps for a TikTok account
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * TikTok's guidelines (§5.2) leave the privacy level and the interactions
 * to the user, with no default: the publish view records them as the
 * job's "creator" step before it runs. Without one the job stops and says
 * where to choose. The publisher then asks creator_info once more, checks
 * the choice against the creator's options and writes "creator" again,
 * "checked", with the user name.
 *
 * Video: "init" (publish_id, upload URL and the chunk plan), "chunks" (how
 * many chunks TikTok confirmed, after each one), "uploaded", then "post"
 * once status/fetch says PUBLISH_COMPLETE. TikTok has no idempotency key;
 * the publish_id is the handle (§0.3): it is kept, and its status fetched,
 * never a second init after the upload. An upload URL that expired (one
 * hour) gets a new init.
 *
 * Photos (no video; §5.6): TikTok fetches them from a public address, so
 * each photo's TikTok rendition goes to the office's WordPress media
 * library first, under a slug fixed per job and photo ("host-N": media id
 * and URL), as Instagram's do; then content/init ("uploaded": the
 * publish_id) and the same status polling.
 *
 * content/init is the post itself, and TikTok has no idempotency key nor
 * a way to look the post up (§0.3): "sending" is committed before it goes,
 * naming this publisher. A job found with another's "sending" and no
 * publish_id may have been posted: it stops (WARTA_PUBLISH_ERROR_UNCONFIRMED)
 * until the user looks and records it by hand, or chooses Post Again
 * (warta_outbox_post_again() empties "sending"). A refusal of TikTok's
 * empties "sending" too, and the refusal is the next step's answer.
 */
#define G_LOG_DOMAIN "warta-tiktok"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "warta-outbox.h"
#include "warta-publish-check.h"
#include "warta-publish-error.h"
#include "warta-publish-util-private.h"
#include "warta-tiktok-publisher.h"
#include "warta-wordpress.h"

struct _WartaTikTokPublisher
{
  GObject      parent_instance;

  WartaHttpClient *client;
  WartaTikTok     *tiktok;
  gint64           wordpress_id;
  char            *token;     /* names the "sending" steps of this publisher */
  GError          *refusal;   /* TikTok's answer to the last content/init */
};

static void publisher_iface_init (WartaPublisherInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (WartaTikTokPublisher, warta_tiktok_publisher, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (WARTA_TYPE_PUBLISHER, publisher_iface_init))

static void
warta_tiktok_publisher_finalize (GObject *object)
{
  WartaTikTokPublisher *self = WARTA_TIKTOK_PUBLISHER (object);

  g_clear_object (&self->client);
  g_clear_object (&self->tiktok);
  g_free (self->token);
  g_clear_error (&self->refusal);

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
  self->token = g_uuid_string_random ();
}

WartaPublisher *
warta_tiktok_publisher_new (WartaHttpClient  *client,
                            WartaAccount     *account,
                            const char       *secret,
                            GError          **error)
{
  WartaTikTokPublisher *self;
  guint64 chunk, poll;

  g_return_val_if_fail (WARTA_IS_HTTP_CLIENT (client), NULL);
  g_return_val_if_fail (WARTA_IS_ACCOUNT (account), NULL);

  self = g_object_new (WARTA_TYPE_TIKTOK_PUBLISHER, NULL);
  self->client = g_object_ref (client);
  self->tiktok = warta_tiktok_new_for_account (client, account, secret);
  self->wordpress_id = (gint64) _warta_publish_setting_uint (account, "wordpress-account", 0);
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
  char            *name;
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
  g_free (s->name);
  g_free (s);
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
  return info->privacy_level_options &&
         g_strv_contains ((const char * const *) info->privacy_level_options, level);
}

static gboolean
choice_flag (WartaPublishJob *job,
             const char      *member)
{
  JsonNode *node = warta_publish_job_get_step (job, "creator");

  return node && JSON_NODE_HOLDS_OBJECT (node) &&
         json_object_get_boolean_member_with_default (json_node_get_object (node), member, FALSE);
}

static void
creator_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Step *s = g_task_get_task_data (task);
  g_autoptr(WartaTikTokCreatorInfo) info = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const char *privacy = warta_publish_job_get_step_string (s->job, "creator", "privacy");
  GError *error = NULL;

  info = warta_tiktok_query_creator_info_finish (WARTA_TIKTOK (object), result, &error);
  if (info == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* The creator's options may have changed since the user chose. */
  if (!allowed (info, privacy))
    {
      error = g_error_new (WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_NOT_CONFIGURED,
                           _("TikTok no longer lets “%s” post with the privacy level chosen. Choose again below who can see the TikTok post, then choose “Try Again”."),
                           info->nickname ? info->nickname : "");
      warta_publish_error_set_platform (error, "privacy_level_option_mismatch", NULL);
      g_task_return_error (task, error);
      return;
    }
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "privacy");
  json_builder_add_string_value (builder, privacy);
  /* What the creator turned off stays off, whatever was chosen. */
  json_builder_set_member_name (builder, "disable_comment");
  json_builder_add_boolean_value (builder, info->comment_disabled ||
                                           choice_flag (s->job, "disable_comment"));
  json_builder_set_member_name (builder, "disable_duet");
  json_builder_add_boolean_value (builder, info->duet_disabled ||
                                           choice_flag (s->job, "disable_duet"));
  json_builder_set_member_name (builder, "disable_stitch");
  json_builder_add_boolean_value (builder, info->stitch_disabled ||
                                           choice_flag (s->job, "disable_stitch"));
  json_builder_set_member_name (builder, "username");
  json_builder_add_string_value (builder, info->username);
  json_builder_set_member_name (builder, "nickname");
  json_builder_add_string_value (builder, info->nickname);
  json_builder_set_member_name (builder, "checked");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_end_object (builder);
  warta_publisher_return_step (task, "creator", json_builder_get_root (builder));
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
    warta_publisher_return_step (task, "init", init_value (init));
}

static void
send_init (GTask *task)
{
  Step *s = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);

  warta_tiktok_init_video_async (s->tiktok, s->upload, s->text,
                                 warta_publish_job_get_step_string (s->job, "creator", "privacy"),
                                 choice_flag (s->job, "disable_comment"),
                                 choice_flag (s->job, "disable_duet"),
                                 choice_flag (s->job, "disable_stitch"),
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
      warta_publisher_return_step (task, "uploaded",
                                   _warta_publish_object ("publish_id", s->init.publish_id, NULL));
      return;
    }
  if (s->confirmed > s->first && g_cancellable_is_cancelled (s->inner) &&
      !g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    {
      warta_publisher_return_step (task, "chunks", chunks_value (s->init.publish_id, s->confirmed));
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
  warta_publisher_return_final (task, "post", res->id, res->url);
}

static void
hosted_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Step *s = g_task_get_task_data (task);

  _warta_publish_return_hosted (task, s->name, result);
}

static void
photo_init_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  WartaTikTokPublisher *self = g_task_get_source_object (task);
  g_autofree char *publish_id = NULL;
  GError *error = NULL;

  publish_id = warta_tiktok_init_photo_finish (WARTA_TIKTOK (object), result, &error);
  if (publish_id != NULL)
    warta_publisher_return_step (task, "uploaded",
                                 _warta_publish_object ("publish_id", publish_id, NULL));
  else if (g_error_matches (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_UNCONFIRMED))
    g_task_return_error (task, error);
  else
    {
      /* Nothing was posted: "sending" is emptied first, then the refusal
       * (or the cancel) is the answer of the next step. */
      g_clear_error (&self->refusal);
      self->refusal = error;
      warta_publisher_return_step (task, WARTA_OUTBOX_STEP_SENDING,
                                   _warta_publish_object (NULL, NULL));
    }
}

/* Each photo on the website, then content/init with their addresses. */
static void
run_photos (WartaTikTokPublisher *self,
            GTask                *task,
            GPtrArray            *photos)
{
  Step *s = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  g_autoptr(GPtrArray) urls = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  const char *sending;
  guint n_steps;

  if (photos->len > WARTA_TIKTOK_MAX_PHOTOS)
    g_ptr_array_set_size (photos, WARTA_TIKTOK_MAX_PHOTOS);
  n_steps = photos->len + 2;

  for (guint i = 0; i < photos->len; i++)
    {
      g_autofree char *name = g_strdup_printf ("host-%u", i);
      const char *url = warta_publish_job_get_step_string (s->job, name, "url");
      g_autoptr(WartaAccount) host = NULL;
      g_autofree char *post_slug = NULL;
      g_autofree char *slug = NULL;
      GError *error = NULL;

      if (url != NULL)
        {
          g_ptr_array_add (urls, g_strdup (url));
          continue;
        }
      host = _warta_publish_find_photo_host (s->job, self->wordpress_id, &error);
      if (error != NULL)
        {
          g_task_return_error (task, error);
          return;
        }
      if (host == NULL)
        {
          g_task_return_new_error (task, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_NOT_CONFIGURED,
                                   "%s", warta_publish_check_no_host_message ("tiktok", FALSE));
          return;
        }
      s->name = g_steal_pointer (&name);
      post_slug = warta_wordpress_slug_for_job (warta_outbox_job_get_publication_id (warta_publish_job_get_job (s->job)),
                                                warta_publish_job_get_key (s->job));
      slug = g_strdup_printf ("%s-tiktok-%u", post_slug, i + 1);
      warta_publish_job_set_progress (s->job, i, n_steps, 0.0);
      _warta_publish_host_photo_async (self->client, s->job, host, photos->pdata[i],
                                       WARTA_RENDITION_TARGET_TIKTOK_PHOTO, slug, cancellable,
                                       hosted_cb, g_object_ref (task));
      return;
    }
  g_ptr_array_add (urls, NULL);

  /* No idempotency key: committed before the post goes, the publish_id
   * at once after it, and from then on only its status is asked for. */
  sending = warta_publish_job_get_step_string (s->job, WARTA_OUTBOX_STEP_SENDING, "by");
  if (sending == NULL)
    {
      warta_publisher_return_step (task, WARTA_OUTBOX_STEP_SENDING,
                                   _warta_publish_object ("by", self->token, NULL));
      return;
    }
  if (!g_str_equal (sending, self->token))
    {
      g_task_return_error (task, warta_tiktok_new_unconfirmed_error (NULL));
      return;
    }
  title = warta_publish_job_dup_text (s->job, "website-title");
  description = warta_publish_job_dup_text (s->job, "tiktok-video");
  warta_publish_job_set_progress (s->job, photos->len, n_steps, 0.5);
  warta_tiktok_init_photo_async (self->tiktok, title, description,
                                 (const char * const *) urls->pdata, 0,
                                 warta_publish_job_get_step_string (s->job, "creator", "privacy"),
                                 choice_flag (s->job, "disable_comment"), cancellable,
                                 photo_init_cb, g_object_ref (task));
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
  g_autoptr(GPtrArray) photos = warta_publish_job_list_media (job, "photo");
  JsonNode *init_node;
  JsonObject *init;
  const char *publish_id;
  GError *error = NULL;
  Step *s;

  task = warta_publisher_new_step_task (WARTA_PUBLISHER (self), cancellable, callback, user_data,
                                        run_step_async);

  if (videos->len == 0 && photos->len == 0)
    {
      g_task_return_new_error (task, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_REJECTED,
                               "%s", _("A TikTok post needs a video or photos, and this publication has none. Add them and publish again."));
      return;
    }

  if (self->refusal != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&self->refusal));
      return;
    }

  /* One video, or up to 35 photos: more, or both, are refused before any
   * request rather than posted with some left out. */
  if (warta_publish_job_get_step (job, "init") == NULL &&
      warta_publish_job_get_step (job, "host-0") == NULL &&
      !_warta_publish_check_media (job, "tiktok", 0, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  s = g_new0 (Step, 1);
  s->tiktok = g_object_ref (self->tiktok);
  s->job = g_object_ref (job);
  g_task_set_task_data (task, s, (GDestroyNotify) step_free);

  /* 1. The user's choice (§5.2), never a default of Warta's; checked
   * against the creator's options once more. */
  if (warta_publish_job_get_step_string (job, "creator", "privacy") == NULL)
    {
      g_task_return_new_error (task, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_NOT_CONFIGURED,
                               "%s", _("Nobody chose who can see this TikTok post. Choose below who can see the TikTok post, then choose “Try Again”."));
      return;
    }
  if (!choice_flag (job, "checked"))
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

  if (videos->len == 0)
    {
      run_photos (self, task, photos);
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

static void
publisher_iface_init (WartaPublisherInterface *iface)
{
  iface->run_step_async = run_step_async;
}
