/* warta-tiktok.c: publishing videos to one TikTok account
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * platform-apis.md §5: creator_info/query, video/init with FILE_UPLOAD and
 * the chunk rules of §5.4, sequential PUTs with Content-Range (206, 201,
 * 416), status/fetch until PUBLISH_COMPLETE; every answer's error.code
 * (§5.8), "ok" included, decides with the HTTP status.
 */
#define G_LOG_DOMAIN "warta-tiktok"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "warta-tiktok.h"
#include "warta-json-private.h"
#include "warta-publish-util-private.h"
#include "warta-upload-private.h"
#include "warta-upload-range.h"

#define SERVICE "TikTok"
#define MIB (G_GUINT64_CONSTANT (1024) * 1024)
#define MIN_CHUNK (5 * MIB)
#define MAX_CHUNK (64 * MIB)
#define DEFAULT_CHUNK (10 * MIB)
#define STATUS_RANGE_NOT_SATISFIABLE 416

struct _WartaTikTok
{
  GObject parent_instance;

  WartaHttpClient *client;
  char *api_url;
  char *access_token;
  guint64 chunk_size;
  guint poll_interval;
  guint poll_give_up;
};

G_DEFINE_FINAL_TYPE (WartaTikTok, warta_tiktok, G_TYPE_OBJECT)

enum {
  CHUNK_CONFIRMED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
warta_tiktok_creator_info_free (WartaTikTokCreatorInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->nickname);
  g_free (info->username);
  g_strfreev (info->privacy_level_options);
  g_free (info);
}

void
warta_tiktok_init_free (WartaTikTokInit *init)
{
  if (init == NULL)
    return;
  g_free (init->publish_id);
  g_free (init->upload_url);
  g_free (init);
}

void
warta_tiktok_plan_chunks (guint64  video_size,
                          guint64  preferred,
                          guint64 *chunk_size,
                          guint   *total_chunk_count)
{
  guint64 chunk = CLAMP (preferred, MIN_CHUNK, MAX_CHUNK);
  guint64 count;

  if (video_size < MIN_CHUNK)
    {
      *chunk_size = video_size;
      *total_chunk_count = 1;
      return;
    }
  chunk = MIN (chunk, video_size);
  /* Over 64 MiB a file must be chunked: two chunks at least. */
  if (video_size > MAX_CHUNK && video_size / chunk < 2)
    chunk = video_size / 2;
  /* At most 1,000 chunks: larger ones for a very large file. */
  while (video_size / chunk > 1000 && chunk < MAX_CHUNK)
    chunk = MIN (chunk * 2, MAX_CHUNK);
  count = MAX (video_size / chunk, 1);
  *chunk_size = chunk;
  *total_chunk_count = (guint) count;
}

static void
warta_tiktok_finalize (GObject *object)
{
  WartaTikTok *self = (WartaTikTok *)object;

  g_clear_object (&self->client);
  g_free (self->api_url);
  warta_secret_clear (&self->access_token);

  G_OBJECT_CLASS (warta_tiktok_parent_class)->finalize (object);
}

static void
warta_tiktok_class_init (WartaTikTokClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = warta_tiktok_finalize;

  /**
   * WartaTikTok::chunk-confirmed:
   * @publish_id: the publish
   * @chunks: how many chunks the server has
   *
   * What an outbox stores to go on after a crash (within the hour the
   * upload URL lives).
   */
  signals[CHUNK_CONFIRMED] =
    g_signal_new ("chunk-confirmed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_UINT);
}

static void
warta_tiktok_init (WartaTikTok *self)
{
  self->chunk_size = DEFAULT_CHUNK;
  self->poll_interval = 5000;
  self->poll_give_up = 30 * 60 * 1000;
}

WartaTikTok *
warta_tiktok_new (WartaHttpClient *client,
                  const char      *api_url,
                  const char      *access_token)
{
  WartaTikTok *self;

  g_return_val_if_fail (WARTA_IS_HTTP_CLIENT (client), NULL);

  self = g_object_new (WARTA_TYPE_TIKTOK, NULL);
  self->client = g_object_ref (client);
  self->api_url = g_strdup (api_url ? api_url : "https://open.tiktokapis.com");
  self->access_token = g_strdup (access_token);
  return self;
}

WartaTikTok *
warta_tiktok_new_for_account (WartaHttpClient *client,
                              WartaAccount    *account,
                              const char      *secret)
{
  g_autofree char *token = _warta_publish_access_token (secret);
  WartaTikTok *self;

  g_return_val_if_fail (WARTA_IS_ACCOUNT (account), NULL);

  self = warta_tiktok_new (client, warta_account_get_base_url (account), token);
  warta_secret_clear (&token);
  return self;
}

void
warta_tiktok_set_chunk_size (WartaTikTok *self,
                             guint64      chunk_size)
{
  g_return_if_fail (WARTA_IS_TIKTOK (self));
  self->chunk_size = CLAMP (chunk_size, MIN_CHUNK, MAX_CHUNK);
}

void
warta_tiktok_set_poll_interval (WartaTikTok *self,
                                guint        interval_ms,
                                guint        give_up_ms)
{
  g_return_if_fail (WARTA_IS_TIKTOK (self));
  self->poll_interval = MAX (interval_ms, 1);
  self->poll_give_up = give_up_ms;
}

static gboolean
check_configured (WartaTikTok  *self,
                  GError      **error)
{
  if (self->access_token == NULL || *self->access_token == '\0')
    {
      g_set_error_literal (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_NOT_CONFIGURED,
                           _("This TikTok account is not signed in. Sign in to it in Accounts."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
object_bool (JsonObject *object,
             const char *name)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  return node && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_BOOLEAN && json_node_get_boolean (node);
}

static WartaPublishError
classify_code (const char        *code,
               WartaPublishError  fallback)
{
  if (g_str_equal (code, "access_token_invalid"))
    return WARTA_PUBLISH_ERROR_AUTH_EXPIRED;
  if (g_str_equal (code, "scope_not_authorized") || g_str_equal (code, "scope_permission_missed") ||
      g_str_equal (code, "spam_risk_user_banned_from_posting") ||
      g_str_equal (code, "unaudited_client_can_only_post_to_private_accounts") ||
      g_str_equal (code, "url_ownership_unverified") || g_str_equal (code, "reached_active_user_cap"))
    return WARTA_PUBLISH_ERROR_PERMISSION_DENIED;
  if (g_str_equal (code, "rate_limit_exceeded") || g_str_equal (code, "spam_risk_too_many_posts") ||
      g_str_equal (code, "spam_risk_too_many_pending_share"))
    return WARTA_PUBLISH_ERROR_RATE_LIMITED;
  if (g_str_equal (code, "internal_error"))
    return WARTA_PUBLISH_ERROR_RETRYABLE;
  if (g_str_equal (code, "invalid_file_upload"))
    return WARTA_PUBLISH_ERROR_INVALID_MEDIA;
  if (g_str_equal (code, "invalid_param") || g_str_equal (code, "invalid_params") ||
      g_str_equal (code, "privacy_level_option_mismatch") || g_str_equal (code, "spam_risk_text") ||
      g_str_equal (code, "app_version_check_failed"))
    return WARTA_PUBLISH_ERROR_REJECTED;
  return fallback;
}

/* {"data": …, "error": {"code", "message", "log_id"}} (§5.8). */
static void
parse_error (guint               status,
             JsonNode           *body,
             WartaPublishError  *code,
             char              **platform_code,
             char              **platform_message)
{
  JsonObject *error = _warta_json_get_object (_warta_json_as_object (body), "error");
  const char *tiktok_code = _warta_json_get_string (error, "code");

  if (tiktok_code == NULL)
    return;
  *platform_code = g_strdup (tiktok_code);
  *platform_message = g_strdup (_warta_json_get_string (error, "message"));
  *code = classify_code (tiktok_code, *code);
}

/* A 200 can still carry an error code. */
static GError *
check_ok (JsonNode *node)
{
  JsonObject *error = _warta_json_get_object (_warta_json_as_object (node), "error");
  const char *code = _warta_json_get_string (error, "code");
  g_autofree char *message = NULL;
  WartaPublishError kind;
  GError *ret;

  if (code == NULL || g_str_equal (code, "ok"))
    return NULL;
  kind = classify_code (code, WARTA_PUBLISH_ERROR_REJECTED);
  message = g_strdup_printf (_("TikTok refused the request: “%s” (%s). Check the post and the account, then publish again."),
                             _warta_json_get_string (error, "message") ? _warta_json_get_string (error, "message") : "",
                             code);
  ret = warta_publish_error_new_literal_full (kind, 0, message);
  warta_publish_error_set_platform (ret, code, _warta_json_get_string (error, "message"));
  return ret;
}

static void
replace_message (GError     *error,
                 const char *message)
{
  g_free (error->message);
  error->message = g_strdup (message);
}

static GError *
refine_error (GError *error)
{
  const char *code = warta_publish_error_get_platform_code (error);

  if (g_strcmp0 (code, "access_token_invalid") == 0)
    {
      g_autofree char *reason = g_strdup_printf (_("TikTok no longer accepts Warta’s sign-in for this account (“%s”)."),
                                                 warta_publish_error_get_platform_message (error)
                                                 ? warta_publish_error_get_platform_message (error) : "");
      g_autofree char *message = warta_publish_error_format_sign_in (reason);

      replace_message (error, message);
    }
  else if (g_strcmp0 (code, "privacy_level_option_mismatch") == 0)
    replace_message (error, _("TikTok does not allow the chosen privacy level for this account. Choose one of the levels TikTok offers, then publish again."));
  else if (g_strcmp0 (code, "unaudited_client_can_only_post_to_private_accounts") == 0)
    replace_message (error, _("Warta’s TikTok app is not yet approved by TikTok, so it may only post to private accounts. Make the account private, or ask the office to get the app approved."));
  else if (g_strcmp0 (code, "url_ownership_unverified") == 0)
    replace_message (error, _("TikTok takes photos only from a website whose domain is verified for Warta’s TikTok app, and the office’s WordPress website is not. Ask the app’s administrator to verify the website’s domain with TikTok, or post the photos in the TikTok app and record the proof."));
  else if (g_strcmp0 (code, "spam_risk_too_many_posts") == 0)
    {
      g_autofree char *message = warta_publish_error_format_retry (_("TikTok says this account has posted too much today."),
                                                                   warta_publish_error_get_retry_at (error));

      replace_message (error, message);
    }
  return error;
}

static GError *
unexpected_answer (void)
{
  return g_error_new (WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_PROTOCOL,
                      _("%s sent an answer Warta does not understand. Try again later; if it keeps happening, upload the video manually."),
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

/* JSON calls: creator info, init, status ----------------------------------- */

typedef enum
{
  CALL_CREATOR_INFO,
  CALL_INIT,
  CALL_STATUS,
  CALL_PHOTO_INIT,  /* content_init_cb, not call_cb */
} Call;

typedef struct
{
  WartaTikTok *self;
  Call call;
  JsonNode *body;
  char *publish_id;
  char *username;
  WartaUpload *upload;
  guint64 chunk_size;
  guint chunks;
  gint64 started;
  gboolean sent;
} CallData;

static void
call_data_free (gpointer data)
{
  CallData *d = data;

  g_clear_object (&d->self);
  g_clear_pointer (&d->body, json_node_unref);
  g_free (d->publish_id);
  g_free (d->username);
  g_clear_object (&d->upload);
  g_free (d);
}

static SoupMessage *
call_message (guint     attempt,
              gpointer  user_data,
              GError  **error)
{
  CallData *d = user_data;
  static const char * const paths[] = {
    "/v2/post/publish/creator_info/query/",
    "/v2/post/publish/video/init/",
    "/v2/post/publish/status/fetch/",
    "/v2/post/publish/content/init/",
  };
  g_autofree char *url = warta_http_build_url (d->self->api_url, paths[d->call]);
  SoupMessage *msg = soup_message_new (SOUP_METHOD_POST, url);

  if (msg == NULL)
    {
      g_set_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_NOT_CONFIGURED,
                   _("“%s” is not a valid TikTok address. Correct it in Accounts."), d->self->api_url);
      return NULL;
    }
  warta_http_set_bearer (msg, d->self->access_token);
  if (d->body)
    warta_http_set_json_body (msg, d->body);
  else
    {
      g_autoptr(GBytes) empty = g_bytes_new_static ("{}", 2);

      soup_message_set_request_body_from_bytes (msg, "application/json; charset=UTF-8", empty);
    }
  return msg;
}

static void call_send (GTask *task);

static void
call_wait_cb (GObject      *object,
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
  call_send (g_steal_pointer (&task));
}

static void
call_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CallData *d = g_task_get_task_data (task);
  g_autoptr(JsonNode) node = NULL;
  GError *error = NULL;
  JsonObject *data;

  node = warta_http_client_request_json_finish (WARTA_HTTP_CLIENT (object), result, NULL, &error);
  if (node == NULL || (error = check_ok (node)) != NULL)
    {
      g_task_return_error (task, refine_error (error));
      return;
    }
  data = _warta_json_get_object (_warta_json_as_object (node), "data");

  switch (d->call)
    {
    case CALL_CREATOR_INFO:
      {
        WartaTikTokCreatorInfo *info = g_new0 (WartaTikTokCreatorInfo, 1);
        JsonNode *options = data ? json_object_get_member (data, "privacy_level_options") : NULL;
        g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

        info->nickname = g_strdup (_warta_json_get_string (data, "creator_nickname"));
        info->username = g_strdup (_warta_json_get_string (data, "creator_username"));
        for (guint i = 0; options && JSON_NODE_HOLDS_ARRAY (options) &&
                          i < json_array_get_length (json_node_get_array (options)); i++)
          g_strv_builder_add (builder, json_array_get_string_element (json_node_get_array (options), i));
        info->privacy_level_options = g_strv_builder_end (builder);
        info->comment_disabled = object_bool (data, "comment_disabled");
        info->duet_disabled = object_bool (data, "duet_disabled");
        info->stitch_disabled = object_bool (data, "stitch_disabled");
        info->max_video_post_duration_sec = (gint) _warta_json_get_int (data, "max_video_post_duration_sec", 0);
        g_task_return_pointer (task, info, (GDestroyNotify) warta_tiktok_creator_info_free);
      }
      return;

    case CALL_INIT:
      {
        WartaTikTokInit *init;

        if (_warta_json_get_string (data, "publish_id") == NULL || _warta_json_get_string (data, "upload_url") == NULL)
          {
            g_task_return_error (task, unexpected_answer ());
            return;
          }
        init = g_new0 (WartaTikTokInit, 1);
        init->publish_id = g_strdup (_warta_json_get_string (data, "publish_id"));
        init->upload_url = g_strdup (_warta_json_get_string (data, "upload_url"));
        init->video_size = warta_upload_get_total_bytes (d->upload);
        init->chunk_size = d->chunk_size;
        init->total_chunk_count = d->chunks;
        g_task_return_pointer (task, init, (GDestroyNotify) warta_tiktok_init_free);
      }
      return;

    case CALL_STATUS:
    default:
      {
        const char *status = _warta_json_get_string (data, "status");
        JsonNode *ids = data ? json_object_get_member (data, "publicaly_available_post_id") : NULL;

        if (g_strcmp0 (status, "PUBLISH_COMPLETE") == 0)
          {
            g_autofree char *post_id = NULL;
            g_autofree char *url = NULL;

            if (ids && JSON_NODE_HOLDS_ARRAY (ids) && json_array_get_length (json_node_get_array (ids)) > 0)
              {
                JsonNode *first = json_array_get_element (json_node_get_array (ids), 0);

                post_id = json_node_get_value_type (first) == G_TYPE_INT64
                          ? g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (first))
                          : g_strdup (json_node_get_string (first));
              }
            if (post_id && d->username)
              url = g_strdup_printf ("https://www.tiktok.com/@%s/video/%s", d->username, post_id);
            g_task_return_pointer (task, warta_remote_result_new (post_id ? post_id : d->publish_id, url),
                                   (GDestroyNotify) warta_remote_result_free);
            return;
          }
        if (g_strcmp0 (status, "FAILED") == 0)
          {
            const char *reason = _warta_json_get_string (data, "fail_reason");
            gboolean media = reason && g_str_has_suffix (reason, "_check_failed");
            GError *failed;

            if (g_strcmp0 (reason, "photo_pull_failed") == 0)
              failed = g_error_new_literal (WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_REJECTED,
                                            _("TikTok could not fetch the photos from the office’s website (photo_pull_failed). Check that the website is online and its photos are public, then try again, or post the photos in the TikTok app and record the proof."));
            else
              failed = g_error_new (WARTA_PUBLISH_ERROR,
                                    media ? WARTA_PUBLISH_ERROR_INVALID_MEDIA
                                          : WARTA_PUBLISH_ERROR_REJECTED,
                                    media ? _("TikTok did not accept the video (%s). Choose another rendition: MP4 with H.264, 23–60 frames per second, within the account’s length limit.")
                                          : _("TikTok did not publish the video (%s). Check the post and the account on TikTok, then publish again or upload manually."),
                                    reason ? reason : "");

            warta_publish_error_set_platform (failed, reason, NULL);
            g_task_return_error (task, failed);
            return;
          }
        /* Asked again as often as after a 5xx: still no status. */
        if (status == NULL)
          {
            g_task_return_error (task, unexpected_answer ());
            return;
          }
        if ((g_get_monotonic_time () - d->started) / 1000 > d->self->poll_give_up)
          {
            g_autofree char *message = warta_publish_error_format_retry (_("TikTok is still processing the video."), 0);

            g_task_return_error (task, warta_publish_error_new_literal_full (WARTA_PUBLISH_ERROR_RETRYABLE, 0,
                                                                            message));
            return;
          }
        {
          GCancellable *cancellable = g_task_get_cancellable (task);

          warta_http_client_wait_async (d->self->client, d->self->poll_interval, cancellable,
                                        call_wait_cb, g_steal_pointer (&task));
        }
      }
      return;
    }
}

GError *
warta_tiktok_new_unconfirmed_error (const char *reason)
{
  GError *error;

  error = g_error_new_literal (WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_UNCONFIRMED,
                               _("TikTok may have received this photo post, but its answer was lost. Look at the account’s TikTok profile: if the post is there, record it with “Switch to Manual” and its proof; if not, choose “Post Again”."));
  warta_publish_error_set_platform (error, NULL, reason);
  return error;
}

/* A refusal in TikTok's own words, not "internal_error", and no 5xx:
 * nothing was posted. */
static gboolean
is_refusal (const GError *error)
{
  return warta_publish_error_get_platform_code (error) != NULL &&
         warta_publish_error_get_http_status (error) < 500 &&
         !g_error_matches (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_RETRYABLE);
}

static void
content_init_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  g_autoptr(JsonNode) node = warta_http_client_send_json_finish (WARTA_HTTP_CLIENT (object), result,
                                                                 &error);
  CallData *d = g_task_get_task_data (task);

  if (node != NULL && (error = check_ok (node)) == NULL)
    {
      const char *publish_id = _warta_json_get_string (_warta_json_get_object (_warta_json_as_object (node), "data"),
                                           "publish_id");
      if (publish_id != NULL)
        {
          g_task_return_pointer (task, g_strdup (publish_id), g_free);
          return;
        }
      error = unexpected_answer ();
    }
  /* The request is the post (§5.6) and has no idempotency key (§0.3):
   * once its body went out, only a refusal says nothing was posted. */
  if (d->sent && !is_refusal (error))
    {
      GError *unconfirmed = warta_tiktok_new_unconfirmed_error (error->message);

      g_debug ("content/init sent, its outcome unknown: %s", error->message);
      g_error_free (error);
      g_task_return_error (task, unconfirmed);
      return;
    }
  g_task_return_error (task, refine_error (error));
}

static void
wrote_body_cb (SoupMessage *msg,
               CallData    *d)
{
  d->sent = TRUE;
}

/* What call_cb reads in the answer of a call that posts nothing: a
 * refusal, or init's publish id and where the chunks go, or the status. */
static gboolean
call_answer_check (SoupMessage *msg,
                   JsonNode    *answer,
                   gpointer     user_data)
{
  CallData *d = user_data;
  g_autoptr(GError) refusal = check_ok (answer);
  JsonObject *data = _warta_json_get_object (_warta_json_as_object (answer), "data");

  if (refusal != NULL)
    return TRUE;
  if (d->call == CALL_STATUS)
    return _warta_json_get_string (data, "status") != NULL;
  return _warta_json_get_string (data, "publish_id") != NULL &&
         _warta_json_get_string (data, "upload_url") != NULL;
}

static void
call_send (GTask *task)
{
  CallData *d = g_task_get_task_data (task);

  /* The photo post: one attempt, never repeated in place. */
  if (d->call == CALL_PHOTO_INIT)
    {
      g_autoptr(SoupMessage) msg = NULL;
      GError *error = NULL;

      msg = call_message (1, d, &error);
      if (msg == NULL)
        {
          g_task_return_error (task, error);
          g_object_unref (task);
          return;
        }
      g_signal_connect (msg, "wrote-body", G_CALLBACK (wrote_body_cb), d);
      warta_http_client_send_json_async (d->self->client, msg, SERVICE, parse_error,
                                         g_task_get_cancellable (task), content_init_cb, task);
      return;
    }

  /* Init posts nothing until every chunk is in, and the status only
   * reads: an answer they cannot read is asked again. */
  if (d->call == CALL_INIT || d->call == CALL_STATUS)
    {
      warta_http_client_request_step_async (d->self->client, SERVICE, call_message, d, NULL,
                                            parse_error, call_answer_check,
                                            g_task_get_cancellable (task), call_cb, task);
      return;
    }

  /* Reads. */
  warta_http_client_request_json_async (d->self->client, SERVICE, call_message, d, NULL,
                                        parse_error, g_task_get_cancellable (task), call_cb, task);
}

static GTask *
call_new (WartaTikTok         *self,
          Call                 call,
          gpointer             source_tag,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  CallData *d = g_new0 (CallData, 1);

  g_task_set_source_tag (task, source_tag);
  g_task_set_check_cancellable (task, FALSE);
  d->self = g_object_ref (self);
  d->call = call;
  d->started = g_get_monotonic_time ();
  g_task_set_task_data (task, d, call_data_free);
  return task;
}

static void
call_start (GTask *task)
{
  CallData *d = g_task_get_task_data (task);
  GError *error = NULL;

  if (!check_configured (d->self, &error))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  call_send (task);
}

void
warta_tiktok_query_creator_info_async (WartaTikTok         *self,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_return_if_fail (WARTA_IS_TIKTOK (self));
  call_start (call_new (self, CALL_CREATOR_INFO, warta_tiktok_query_creator_info_async,
                        cancellable, callback, user_data));
}

WartaTikTokCreatorInfo *
warta_tiktok_query_creator_info_finish (WartaTikTok   *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
warta_tiktok_init_video_async (WartaTikTok         *self,
                               WartaUpload         *upload,
                               const char          *title,
                               const char          *privacy_level,
                               gboolean             disable_comment,
                               gboolean             disable_duet,
                               gboolean             disable_stitch,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  GTask *task;
  CallData *d;
  guint64 size;

  g_return_if_fail (WARTA_IS_TIKTOK (self));
  g_return_if_fail (WARTA_IS_UPLOAD (upload));
  g_return_if_fail (privacy_level != NULL);

  task = call_new (self, CALL_INIT, warta_tiktok_init_video_async, cancellable, callback, user_data);
  d = g_task_get_task_data (task);
  d->upload = g_object_ref (upload);
  size = warta_upload_get_total_bytes (upload);
  if (size == 0)
    {
      g_task_return_new_error (task, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_INVALID_MEDIA,
                               _("“%s” is empty. Choose the video file again."),
                               warta_upload_get_filename (upload));
      g_object_unref (task);
      return;
    }
  warta_tiktok_plan_chunks (size, self->chunk_size, &d->chunk_size, &d->chunks);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "post_info");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "title");
  json_builder_add_string_value (b, title ? title : "");
  json_builder_set_member_name (b, "privacy_level");
  json_builder_add_string_value (b, privacy_level);
  json_builder_set_member_name (b, "disable_duet");
  json_builder_add_boolean_value (b, disable_duet);
  json_builder_set_member_name (b, "disable_comment");
  json_builder_add_boolean_value (b, disable_comment);
  json_builder_set_member_name (b, "disable_stitch");
  json_builder_add_boolean_value (b, disable_stitch);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "source_info");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "source");
  json_builder_add_string_value (b, "FILE_UPLOAD");
  json_builder_set_member_name (b, "video_size");
  json_builder_add_int_value (b, (gint64) size);
  json_builder_set_member_name (b, "chunk_size");
  json_builder_add_int_value (b, (gint64) d->chunk_size);
  json_builder_set_member_name (b, "total_chunk_count");
  json_builder_add_int_value (b, d->chunks);
  json_builder_end_object (b);
  json_builder_end_object (b);
  d->body = json_builder_get_root (b);
  call_start (task);
}

WartaTikTokInit *
warta_tiktok_init_video_finish (WartaTikTok   *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* At most @max UTF-16 code units of @text, cut between characters. */
static char *
truncate_utf16 (const char *text,
                guint       max)
{
  const char *p = text ? text : "";
  guint units = 0;

  for (; *p; p = g_utf8_next_char (p))
    {
      guint n = g_utf8_get_char (p) > 0xFFFF ? 2 : 1;

      if (units + n > max)
        break;
      units += n;
    }
  return g_strchomp (g_strndup (text ? text : "", (gsize) (p - (text ? text : ""))));
}

void
warta_tiktok_init_photo_async (WartaTikTok         *self,
                               const char          *title,
                               const char          *description,
                               const char * const  *photo_urls,
                               guint                cover_index,
                               const char          *privacy_level,
                               gboolean             disable_comment,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autofree char *short_title = truncate_utf16 (title, WARTA_TIKTOK_PHOTO_TITLE_MAX);
  g_autofree char *short_description = truncate_utf16 (description,
                                                       WARTA_TIKTOK_PHOTO_DESCRIPTION_MAX);
  guint n = photo_urls ? g_strv_length ((char **) photo_urls) : 0;
  GTask *task;
  CallData *d;

  g_return_if_fail (WARTA_IS_TIKTOK (self));
  g_return_if_fail (privacy_level != NULL);

  task = call_new (self, CALL_PHOTO_INIT, warta_tiktok_init_photo_async, cancellable, callback,
                   user_data);
  d = g_task_get_task_data (task);
  if (n == 0 || n > WARTA_TIKTOK_MAX_PHOTOS)
    {
      g_task_return_new_error (task, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_REJECTED,
                               _("A TikTok photo post has 1 to %u photos. Choose fewer photos, then publish again."),
                               WARTA_TIKTOK_MAX_PHOTOS);
      g_object_unref (task);
      return;
    }

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "media_type");
  json_builder_add_string_value (b, "PHOTO");
  json_builder_set_member_name (b, "post_mode");
  json_builder_add_string_value (b, "DIRECT_POST");
  json_builder_set_member_name (b, "post_info");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "title");
  json_builder_add_string_value (b, short_title);
  json_builder_set_member_name (b, "description");
  json_builder_add_string_value (b, short_description);
  json_builder_set_member_name (b, "privacy_level");
  json_builder_add_string_value (b, privacy_level);
  json_builder_set_member_name (b, "disable_comment");
  json_builder_add_boolean_value (b, disable_comment);
  json_builder_set_member_name (b, "auto_add_music");
  json_builder_add_boolean_value (b, FALSE);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "source_info");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "source");
  json_builder_add_string_value (b, "PULL_FROM_URL");
  json_builder_set_member_name (b, "photo_cover_index");
  json_builder_add_int_value (b, MIN (cover_index, n - 1));
  json_builder_set_member_name (b, "photo_images");
  json_builder_begin_array (b);
  for (guint i = 0; i < n; i++)
    json_builder_add_string_value (b, photo_urls[i]);
  json_builder_end_array (b);
  json_builder_end_object (b);
  json_builder_end_object (b);
  d->body = json_builder_get_root (b);
  call_start (task);
}

char *
warta_tiktok_init_photo_finish (WartaTikTok   *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
warta_tiktok_wait_publish_async (WartaTikTok         *self,
                                 const char          *publish_id,
                                 const char          *username,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  GTask *task;
  CallData *d;

  g_return_if_fail (WARTA_IS_TIKTOK (self));
  g_return_if_fail (publish_id != NULL);

  task = call_new (self, CALL_STATUS, warta_tiktok_wait_publish_async, cancellable, callback,
                   user_data);
  d = g_task_get_task_data (task);
  d->publish_id = g_strdup (publish_id);
  d->username = g_strdup (username);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "publish_id");
  json_builder_add_string_value (b, publish_id);
  json_builder_end_object (b);
  d->body = json_builder_get_root (b);
  call_start (task);
}

WartaRemoteResult *
warta_tiktok_wait_publish_finish (WartaTikTok   *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  GError *local = NULL;
  WartaRemoteResult *res;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  /* Asking how the publish goes makes nothing public. */
  res = g_task_propagate_pointer (G_TASK (result), &local);
  if (local != NULL)
    g_propagate_error (error, warta_publish_error_retry_unread (SERVICE, local));
  return res;
}

/* upload: the chunks ---------------------------------------------------- */

typedef struct
{
  WartaUpload *upload;
  WartaTikTokInit init;
  guint chunk;
  guint failures;
  SoupMessage *msg;
} UploadData;

static void
upload_data_free (gpointer data)
{
  UploadData *d = data;

  g_clear_object (&d->upload);
  g_free (d->init.publish_id);
  g_free (d->init.upload_url);
  g_clear_object (&d->msg);
  g_free (d);
}

static void
upload_fail (GTask  *task,
             GError *error)
{
  UploadData *d = g_task_get_task_data (task);

  /* The chunks of a publish_id already made publish nothing by
   * themselves: tried again later, from the confirmed chunk. */
  error = warta_publish_error_retry_unread (SERVICE, error);
  set_upload_failed (d->upload, error);
  g_task_return_error (task, error);
}

static void upload_chunk (GTask *task);

static void
upload_wait_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!warta_http_client_wait_finish (WARTA_HTTP_CLIENT (object), result, &error))
    {
      upload_fail (task, error);
      return;
    }
  upload_chunk (g_steal_pointer (&task));
}

static guint64
chunk_start (UploadData *d,
             guint       chunk)
{
  return (guint64) chunk * d->init.chunk_size;
}

static guint64
chunk_end (UploadData *d,
           guint       chunk)
{
  return chunk + 1 >= d->init.total_chunk_count ? d->init.video_size
                                               : chunk_start (d, chunk + 1);
}

/* "bytes 0-N/TOTAL" (Content-Range) or "bytes=0-N" (Range): N + 1. */
static gboolean
received_bytes (SoupMessageHeaders *headers,
                guint64            *received)
{
  const char *value = soup_message_headers_get_one (headers, "Content-Range");
  const char *dash;

  if (value == NULL)
    value = soup_message_headers_get_one (headers, "Range");
  /* None: nothing received yet. */
  if (value == NULL)
    {
      *received = 0;
      return TRUE;
    }
  if ((dash = strchr (value, '-')) == NULL)
    return FALSE;
  *received = g_ascii_strtoull (dash + 1, NULL, 10) + 1;
  return TRUE;
}

static void
put_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  WartaTikTok *self = g_task_get_source_object (task);
  UploadData *d = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  guint status;
  gint64 delay;

  node = warta_http_client_send_json_finish (WARTA_HTTP_CLIENT (object), result, &error);
  status = soup_message_get_status (d->msg);

  if (status == SOUP_STATUS_CREATED || status == SOUP_STATUS_PARTIAL_CONTENT)
    {
      d->failures = 0;
      d->chunk++;
      _warta_upload_set_bytes_sent (d->upload, chunk_start (d, d->chunk));
      g_signal_emit (self, signals[CHUNK_CONFIRMED], 0, d->init.publish_id, d->chunk);
      if (status == SOUP_STATUS_CREATED || d->chunk >= d->init.total_chunk_count)
        {
          _warta_upload_set_bytes_sent (d->upload, d->init.video_size);
          _warta_upload_set_remote (d->upload, d->init.publish_id, NULL);
          /* Sent; TikTok still processes it (status/fetch). */
          _warta_upload_set_state (d->upload, WARTA_UPLOAD_STATE_PROCESSING);
          g_task_return_boolean (task, TRUE);
          return;
        }
      if (g_cancellable_is_cancelled (cancellable))
        {
          upload_fail (task, g_error_new_literal (WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_CANCELLED,
                                                  _("Publishing was cancelled.")));
          return;
        }
      upload_chunk (g_steal_pointer (&task));
      return;
    }

  if (status == STATUS_RANGE_NOT_SATISFIABLE)
    {
      guint64 received = 0;

      /* Every byte is there already: the answer to the last chunk was
       * lost (a crash, a dropped connection). */
      if (received_bytes (soup_message_get_response_headers (d->msg), &received) &&
          received >= d->init.video_size)
        {
          g_signal_emit (self, signals[CHUNK_CONFIRMED], 0, d->init.publish_id, d->init.total_chunk_count);
          _warta_upload_set_bytes_sent (d->upload, d->init.video_size);
          _warta_upload_set_remote (d->upload, d->init.publish_id, NULL);
          _warta_upload_set_state (d->upload, WARTA_UPLOAD_STATE_PROCESSING);
          g_task_return_boolean (task, TRUE);
          return;
        }
      /* Not the chunk TikTok expects: go on from the one it does. */
      if (received_bytes (soup_message_get_response_headers (d->msg), &received) &&
          d->init.chunk_size > 0 && ++d->failures <= 5)
        {
          d->chunk = (guint) MIN (received / d->init.chunk_size, d->init.total_chunk_count - 1);
          upload_chunk (g_steal_pointer (&task));
          return;
        }
    }

  /* A 2xx that is not TikTok's 206 or 201 (a proxy's page; the chunk's
   * answer has no body Warta reads): the chunk again, within the
   * attempts, as after a 5xx, and TikTok's 416 says what it has; never a
   * new publish. */
  if (SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      GError *unreadable = error ? g_steal_pointer (&error) : unexpected_answer ();

      delay = warta_http_client_next_step_delay (self->client, ++d->failures, unreadable, TRUE);
      if (delay < 0 || g_cancellable_is_cancelled (cancellable))
        {
          upload_fail (task, unreadable);
          return;
        }
      g_debug ("chunk %u answered %u; sending it again in %" G_GINT64_FORMAT " ms", d->chunk,
               status, delay);
      _warta_upload_set_error (d->upload, unreadable);
      _warta_upload_set_state (d->upload, WARTA_UPLOAD_STATE_WAITING);
      g_error_free (unreadable);
      warta_http_client_wait_async (self->client, (guint) delay, cancellable, upload_wait_cb,
                                    g_steal_pointer (&task));
      return;
    }
  if (error == NULL)
    {
      upload_fail (task, unexpected_answer ());
      return;
    }
  if (status == SOUP_STATUS_FORBIDDEN || status == SOUP_STATUS_NOT_FOUND)
    {
      g_autofree char *message = warta_publish_error_format_retry (_("TikTok’s upload address expired (it lives one hour); the next try uploads the video from the beginning."),
                                                                   0);
      GError *expired = g_error_new_literal (WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_RETRYABLE,
                                             message);
      warta_publish_error_set_platform (expired, "upload_url_expired", error->message);
      upload_fail (task, expired);
      return;
    }
  delay = warta_retry_policy_next_delay (warta_http_client_get_retry_policy (self->client),
                                         ++d->failures, error, g_get_real_time ());
  if (delay < 0 || g_cancellable_is_cancelled (cancellable))
    {
      upload_fail (task, refine_error (g_steal_pointer (&error)));
      return;
    }
  _warta_upload_set_error (d->upload, error);
  _warta_upload_set_state (d->upload, WARTA_UPLOAD_STATE_WAITING);
  warta_http_client_wait_async (self->client, (guint) delay, cancellable, upload_wait_cb,
                                g_steal_pointer (&task));
}

static void
upload_chunk (GTask *task_in)
{
  g_autoptr(GTask) task = task_in;
  WartaTikTok *self = g_task_get_source_object (task);
  UploadData *d = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  guint64 start = chunk_start (d, d->chunk);
  guint64 end = chunk_end (d, d->chunk);
  GError *error = NULL;

  g_clear_object (&d->msg);
  d->msg = soup_message_new (SOUP_METHOD_PUT, d->init.upload_url);
  if (d->msg == NULL)
    {
      upload_fail (task, unexpected_answer ());
      return;
    }
  if (!_warta_http_set_upload_range_body (d->msg, d->upload, start, end - start, &error))
    {
      upload_fail (task, error);
      return;
    }
  soup_message_headers_set_content_range (soup_message_get_request_headers (d->msg),
                                          (goffset) start, (goffset) end - 1,
                                          (goffset) d->init.video_size);
  _warta_upload_set_state (d->upload, WARTA_UPLOAD_STATE_SENDING);
  warta_http_client_send_json_async (self->client, d->msg, SERVICE, parse_error, cancellable,
                                     put_cb, g_steal_pointer (&task));
}

void
warta_tiktok_upload_async (WartaTikTok           *self,
                           WartaUpload           *upload,
                           const WartaTikTokInit *init,
                           guint                  first_chunk,
                           GCancellable          *cancellable,
                           GAsyncReadyCallback    callback,
                           gpointer               user_data)
{
  GTask *task;
  UploadData *d;

  g_return_if_fail (WARTA_IS_TIKTOK (self));
  g_return_if_fail (WARTA_IS_UPLOAD (upload));
  g_return_if_fail (init != NULL && init->upload_url != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, warta_tiktok_upload_async);
  g_task_set_check_cancellable (task, FALSE);
  d = g_new0 (UploadData, 1);
  d->upload = g_object_ref (upload);
  d->init = *init;
  d->init.publish_id = g_strdup (init->publish_id);
  d->init.upload_url = g_strdup (init->upload_url);
  d->chunk = MIN (first_chunk, MAX (init->total_chunk_count, 1) - 1);
  g_task_set_task_data (task, d, upload_data_free);

  _warta_upload_set_state (upload, WARTA_UPLOAD_STATE_PENDING);
  if (init->video_size != warta_upload_get_total_bytes (upload) || init->chunk_size == 0)
    {
      upload_fail (task, g_error_new (WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_FAILED,
                                      _("“%s” changed since the upload to TikTok began. Publish it again."),
                                      warta_upload_get_filename (upload)));
      g_object_unref (task);
      return;
    }
  upload_chunk (task);
}

gboolean
warta_tiktok_upload_finish (WartaTikTok   *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
