/* warta-youtube.c: publishing videos to one YouTube channel
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The resumable upload protocol of platform-apis.md §4.2: a session URI
 * from POST videos?uploadType=resumable, PUTs of 256 KiB-multiple chunks
 * answered by 308 Resume Incomplete and a Range header, and the status
 * probe "Content-Range: bytes * /TOTAL" after anything went wrong.
 */
#define G_LOG_DOMAIN "warta-youtube"

#include "config.h"

#include <errno.h>

#include <glib/gi18n-lib.h>

#include "warta-upload-private.h"
#include "warta-upload-range.h"
#include "warta-youtube.h"
#include "warta-json-private.h"
#include "warta-oauth.h"

#define SERVICE "YouTube"
#define WATCH_URL "https://www.youtube.com/watch?v="
/* Each chunk ends with a round trip in which nothing is sent: on a link of
 * 100 ms, a second every 10 chunks. Google's own clients send 100 MiB
 * chunks; the outbox records a confirmed offset after each. */
#define DEFAULT_CHUNK_SIZE (G_GUINT64_CONSTANT (64) * 1024 * 1024)
#define STATUS_RESUME_INCOMPLETE 308

struct _WartaYouTube
{
  GObject parent_instance;

  WartaHttpClient *client;
  char *upload_url;
  char *access_token;
  guint64 chunk_size;
};

G_DEFINE_FINAL_TYPE (WartaYouTube, warta_youtube, G_TYPE_OBJECT)

enum {
  SESSION_PROGRESS,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
warta_youtube_finalize (GObject *object)
{
  WartaYouTube *self = (WartaYouTube *)object;

  g_clear_object (&self->client);
  g_free (self->upload_url);
  warta_secret_clear (&self->access_token);

  G_OBJECT_CLASS (warta_youtube_parent_class)->finalize (object);
}

static void
warta_youtube_class_init (WartaYouTubeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = warta_youtube_finalize;

  /**
   * WartaYouTube::session-progress:
   * @session_uri: the upload session
   * @offset: bytes the server has confirmed
   * @total: the file's size
   *
   * Emitted when a session is created (offset 0) and whenever YouTube
   * confirms more bytes: what an outbox stores to resume after a crash.
   */
  signals[SESSION_PROGRESS] =
    g_signal_new ("session-progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_UINT64, G_TYPE_UINT64);
}

static void
warta_youtube_init (WartaYouTube *self)
{
  self->chunk_size = DEFAULT_CHUNK_SIZE;
}

WartaYouTube *
warta_youtube_new (WartaHttpClient *client,
                   const char      *upload_url,
                   const char      *access_token)
{
  WartaYouTube *self;

  g_return_val_if_fail (WARTA_IS_HTTP_CLIENT (client), NULL);

  self = g_object_new (WARTA_TYPE_YOUTUBE, NULL);
  self->client = g_object_ref (client);
  self->upload_url = g_strdup (upload_url ? upload_url : "https://www.googleapis.com");
  self->access_token = g_strdup (access_token);
  return self;
}

void
warta_youtube_set_access_token (WartaYouTube *self,
                                const char   *access_token)
{
  g_return_if_fail (WARTA_IS_YOUTUBE (self));

  warta_secret_clear (&self->access_token);
  self->access_token = g_strdup (access_token);
}

void
warta_youtube_set_chunk_size (WartaYouTube *self,
                              guint64       chunk_size)
{
  g_return_if_fail (WARTA_IS_YOUTUBE (self));

  self->chunk_size = MAX (chunk_size / WARTA_YOUTUBE_CHUNK_UNIT, 1) * WARTA_YOUTUBE_CHUNK_UNIT;
}

guint64
warta_youtube_get_chunk_size (WartaYouTube *self)
{
  g_return_val_if_fail (WARTA_IS_YOUTUBE (self), 0);
  return self->chunk_size;
}

gboolean
warta_youtube_error_is_session_expired (const GError *error)
{
  return error != NULL && error->domain == WARTA_PUBLISH_ERROR &&
         warta_publish_error_get_http_status (error) == SOUP_STATUS_NOT_FOUND;
}

static gboolean
check_configured (WartaYouTube  *self,
                  GError       **error)
{
  if (self->access_token == NULL || *self->access_token == '\0')
    {
      g_set_error_literal (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_NOT_CONFIGURED,
                           _("This YouTube channel is not signed in. Sign in to it in Accounts."));
      return FALSE;
    }
  return TRUE;
}

static SoupMessage *
new_message (WartaYouTube  *self,
             const char    *method,
             const char    *url,
             GError       **error)
{
  SoupMessage *msg = soup_message_new (method, url);

  if (msg == NULL)
    {
      g_set_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_NOT_CONFIGURED,
                   _("“%s” is not a valid YouTube address. Correct it in Accounts."), url);
      return NULL;
    }
  warta_http_set_bearer (msg, self->access_token);
  return msg;
}

/* {"error": {"code", "message", "errors": [{"reason", "domain"}], "status"}}
 * (§4.5): the reason decides. */
static void
parse_error (guint               status,
             JsonNode           *body,
             WartaPublishError  *code,
             char              **platform_code,
             char              **platform_message)
{
  JsonObject *error = NULL;
  JsonObject *first = NULL;
  const char *reason;

  if (_warta_json_as_object (body) && json_object_has_member (_warta_json_as_object (body), "error"))
    error = _warta_json_as_object (json_object_get_member (_warta_json_as_object (body), "error"));
  if (error && json_object_has_member (error, "errors"))
    {
      JsonNode *errors = json_object_get_member (error, "errors");

      if (JSON_NODE_HOLDS_ARRAY (errors) && json_array_get_length (json_node_get_array (errors)) > 0)
        first = _warta_json_as_object (json_array_get_element (json_node_get_array (errors), 0));
    }
  reason = _warta_json_get_string (first, "reason");
  *platform_code = g_strdup (reason);
  *platform_message = g_strdup (_warta_json_get_string (error, "message"));
  if (reason == NULL)
    return;

  /* Not retried in place: refine_error() makes them RATE_LIMITED with the
   * time the quota comes back, for the outbox to wait. */
  if (g_str_equal (reason, "quotaExceeded") || g_str_equal (reason, "uploadLimitExceeded"))
    *code = WARTA_PUBLISH_ERROR_REJECTED;
  else if (g_str_equal (reason, "rateLimitExceeded") || g_str_equal (reason, "userRateLimitExceeded"))
    *code = WARTA_PUBLISH_ERROR_RATE_LIMITED;
  else if (g_str_equal (reason, "authError") || g_str_equal (reason, "invalid_grant"))
    *code = WARTA_PUBLISH_ERROR_AUTH_EXPIRED;
  else if (g_str_equal (reason, "forbidden") || g_str_equal (reason, "insufficientPermissions") ||
           g_str_equal (reason, "youtubeSignupRequired"))
    *code = WARTA_PUBLISH_ERROR_PERMISSION_DENIED;
  else if (g_str_equal (reason, "mediaBodyRequired"))
    *code = WARTA_PUBLISH_ERROR_INVALID_MEDIA;
  else if (g_str_equal (reason, "backendError"))
    *code = WARTA_PUBLISH_ERROR_RETRYABLE;
  else if (g_str_has_prefix (reason, "invalid") || g_str_equal (reason, "defaultLanguageNotSet"))
    *code = WARTA_PUBLISH_ERROR_REJECTED;
}

static void
replace_message (GError     *error,
                 const char *message)
{
  g_free (error->message);
  error->message = g_strdup (message);
}

/* Midnight in California, when the daily quota starts again (§4.4). */
static gint64
next_quota_reset (void)
{
  g_autoptr(GTimeZone) pacific = g_time_zone_new_identifier ("America/Los_Angeles");
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) midnight = NULL;
  g_autoptr(GDateTime) next = NULL;

  if (pacific == NULL)
    pacific = g_time_zone_new_offset (-8 * 3600);
  now = g_date_time_new_now (pacific);
  midnight = g_date_time_new (pacific, g_date_time_get_year (now), g_date_time_get_month (now),
                              g_date_time_get_day_of_month (now), 0, 0, 0);
  next = g_date_time_add_days (midnight, 1);
  return g_date_time_to_unix (next) * G_USEC_PER_SEC;
}

/* The messages that say more than the generic ones. */
static GError *
refine_error (GError *error)
{
  const char *reason = warta_publish_error_get_platform_code (error);

  if (warta_youtube_error_is_session_expired (error))
    {
      g_autofree char *message = warta_publish_error_format_retry (_("YouTube no longer knows this upload (the session expired); the next try uploads the video from the beginning."),
                                                                   0);

      error->code = WARTA_PUBLISH_ERROR_RETRYABLE;
      replace_message (error, message);
    }
  else if (g_strcmp0 (reason, "quotaExceeded") == 0)
    {
      gint64 at = next_quota_reset ();
      /* The advice to raise the quota holds after Warta gave up too. */
      g_autofree char *message = warta_publish_error_format_retry (_("The YouTube upload quota of Warta’s Google project is used up until midnight Pacific time. To upload more each day, ask the office to raise the quota."),
                                                                   at);

      error->code = WARTA_PUBLISH_ERROR_RATE_LIMITED;
      warta_publish_error_set_retry_at (error, at);
      replace_message (error, message);
    }
  else if (g_strcmp0 (reason, "uploadLimitExceeded") == 0)
    {
      gint64 at = g_get_real_time () + (gint64) 24 * 3600 * G_USEC_PER_SEC;
      g_autofree char *message = warta_publish_error_format_retry (_("This YouTube channel has uploaded as many videos as YouTube allows for now."),
                                                                   at);

      error->code = WARTA_PUBLISH_ERROR_RATE_LIMITED;
      warta_publish_error_set_retry_at (error, at);
      replace_message (error, message);
    }
  else if (g_strcmp0 (reason, "youtubeSignupRequired") == 0)
    replace_message (error, _("This Google account has no YouTube channel. Create the channel on youtube.com, then publish again."));
  return error;
}

static GError *
unexpected_answer (void)
{
  return g_error_new (WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_PROTOCOL,
                      _("%s sent an answer Warta does not understand. Try again later; if it keeps happening, upload the video manually."),
                      SERVICE);
}

static WartaRemoteResult *
video_result (JsonNode *node)
{
  const char *id = _warta_json_get_string (_warta_json_as_object (node), "id");
  g_autofree char *url = NULL;

  if (id == NULL)
    return NULL;
  url = g_strconcat (WATCH_URL, id, NULL);
  return warta_remote_result_new (id, url);
}

static void
set_upload_failed (WartaUpload  *upload,
                   const GError *error)
{
  if (upload == NULL)
    return;
  _warta_upload_set_error (upload, error);
  _warta_upload_set_state (upload,
                           g_error_matches (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_CANCELLED)
                           ? WARTA_UPLOAD_STATE_CANCELLED : WARTA_UPLOAD_STATE_FAILED);
}

/* start_session --------------------------------------------------------- */

typedef struct
{
  WartaYouTube *self;
  JsonNode *body;
  guint64 total;
  char *content_type;
  SoupMessage *msg;   /* the last attempt's */
} SessionData;

static void
session_data_free (gpointer data)
{
  SessionData *d = data;

  g_clear_object (&d->self);
  g_clear_pointer (&d->body, json_node_unref);
  g_free (d->content_type);
  g_clear_object (&d->msg);
  g_free (d);
}

static SoupMessage *
session_message (guint     attempt,
                 gpointer  user_data,
                 GError  **error)
{
  SessionData *d = user_data;
  g_autofree char *url = warta_http_build_url (d->self->upload_url,
                                               "/upload/youtube/v3/videos?uploadType=resumable&part=snippet,status");
  g_autofree char *length = g_strdup_printf ("%" G_GUINT64_FORMAT, d->total);
  SoupMessage *msg = new_message (d->self, SOUP_METHOD_POST, url, error);

  if (msg == NULL)
    return NULL;
  soup_message_headers_replace (soup_message_get_request_headers (msg), "X-Upload-Content-Length",
                                length);
  soup_message_headers_replace (soup_message_get_request_headers (msg), "X-Upload-Content-Type",
                                d->content_type);
  warta_http_set_json_body (msg, d->body);
  g_set_object (&d->msg, msg);
  return msg;
}

/* The session's address, from the Location of @msg's answer; NULL when
 * it has none. */
static GUri *
session_uri (SoupMessage *msg)
{
  const char *location = soup_message_headers_get_one (soup_message_get_response_headers (msg),
                                                       "Location");

  return location ? g_uri_parse_relative (soup_message_get_uri (msg), location,
                                          SOUP_HTTP_URI_FLAGS, NULL) : NULL;
}

static gboolean
session_answer_check (SoupMessage *msg,
                      JsonNode    *answer,
                      gpointer     user_data)
{
  g_autoptr(GUri) uri = session_uri (msg);

  return uri != NULL;
}

static void
session_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  WartaYouTube *self = g_task_get_source_object (task);
  SessionData *d = g_task_get_task_data (task);
  g_autoptr(JsonNode) node = NULL;
  GError *error = NULL;
  g_autoptr(GUri) uri = NULL;

  node = warta_http_client_request_json_finish (WARTA_HTTP_CLIENT (object), result, NULL, &error);
  if (node == NULL)
    {
      g_task_return_error (task, refine_error (error));
      return;
    }

  uri = session_uri (d->msg);
  if (uri == NULL)
    {
      g_task_return_error (task, unexpected_answer ());
      return;
    }
  {
    char *session_uri = g_uri_to_string (uri);

    g_signal_emit (self, signals[SESSION_PROGRESS], 0, session_uri, (guint64) 0, d->total);
    g_task_return_pointer (task, session_uri, g_free);
  }
}

static JsonNode *
metadata_json (const WartaYouTubeMetadata *metadata)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "snippet");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "title");
  json_builder_add_string_value (b, metadata->title ? metadata->title : "");
  json_builder_set_member_name (b, "description");
  json_builder_add_string_value (b, metadata->description ? metadata->description : "");
  if (metadata->tags && metadata->tags[0])
    {
      json_builder_set_member_name (b, "tags");
      json_builder_begin_array (b);
      for (guint i = 0; metadata->tags[i]; i++)
        json_builder_add_string_value (b, metadata->tags[i]);
      json_builder_end_array (b);
    }
  json_builder_set_member_name (b, "categoryId");
  json_builder_add_string_value (b, metadata->category_id ? metadata->category_id : "22");
  json_builder_end_object (b);

  json_builder_set_member_name (b, "status");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "privacyStatus");
  json_builder_add_string_value (b, metadata->publish_at ? "private"
                                    : metadata->privacy_status ? metadata->privacy_status
                                    : "private");
  if (metadata->publish_at)
    {
      g_autoptr(GDateTime) utc = g_date_time_to_utc (metadata->publish_at);
      g_autofree char *text = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");

      json_builder_set_member_name (b, "publishAt");
      json_builder_add_string_value (b, text);
    }
  json_builder_set_member_name (b, "selfDeclaredMadeForKids");
  json_builder_add_boolean_value (b, metadata->made_for_kids);
  json_builder_end_object (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

void
warta_youtube_start_session_async (WartaYouTube               *self,
                                   WartaUpload                *upload,
                                   const WartaYouTubeMetadata *metadata,
                                   GCancellable               *cancellable,
                                   GAsyncReadyCallback         callback,
                                   gpointer                    user_data)
{
  g_autoptr(GTask) task = NULL;
  SessionData *d;
  GError *error = NULL;

  g_return_if_fail (WARTA_IS_YOUTUBE (self));
  g_return_if_fail (WARTA_IS_UPLOAD (upload));
  g_return_if_fail (metadata != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, warta_youtube_start_session_async);
  g_task_set_check_cancellable (task, FALSE);
  if (!check_configured (self, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  if (warta_upload_get_total_bytes (upload) == 0)
    {
      g_task_return_new_error (task, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_INVALID_MEDIA,
                               _("“%s” is empty. Choose the video file again."),
                               warta_upload_get_filename (upload));
      return;
    }

  d = g_new0 (SessionData, 1);
  d->self = g_object_ref (self);
  d->body = metadata_json (metadata);
  d->total = warta_upload_get_total_bytes (upload);
  d->content_type = g_strdup (g_str_has_prefix (warta_upload_get_content_type (upload), "video/")
                              ? warta_upload_get_content_type (upload)
                              : "application/octet-stream");
  g_task_set_task_data (task, d, NULL);
  /* A repeated session request only leaves an unused session behind;
   * nothing is public before the upload ends. */
  warta_http_client_request_step_async (self->client, SERVICE, session_message, d,
                                        session_data_free, parse_error, session_answer_check,
                                        cancellable, session_cb, g_steal_pointer (&task));
}

char *
warta_youtube_start_session_finish (WartaYouTube  *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  GError *local = NULL;
  char *session_uri;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  /* Nothing is public before the upload ends. */
  session_uri = g_task_propagate_pointer (G_TASK (result), &local);
  if (local != NULL)
    g_propagate_error (error, warta_publish_error_retry_unread (SERVICE, local));
  return session_uri;
}

/* upload ---------------------------------------------------------------- */

typedef struct
{
  WartaUpload *upload;
  char *session_uri;
  guint64 total;
  guint64 offset;
  gboolean offset_known;
  guint failures;
  SoupMessage *msg;
} UploadData;

static void
upload_data_free (gpointer data)
{
  UploadData *d = data;

  g_clear_object (&d->upload);
  g_free (d->session_uri);
  g_clear_object (&d->msg);
  g_free (d);
}

static void
upload_fail (GTask  *task,
             GError *error)
{
  UploadData *d = g_task_get_task_data (task);

  /* The session's chunks: tried again later, the same session asked
   * where it stands (or for the video it made), never a second video. */
  error = warta_publish_error_retry_unread (SERVICE, error);
  set_upload_failed (d->upload, error);
  g_task_return_error (task, error);
}

static void upload_step (GTask *task);

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
  upload_step (g_steal_pointer (&task));
}

/* "bytes=0-N": the server has N + 1 bytes. No header: none. Anything
 * else (another first byte, no number, more after it, a number that does
 * not fit) is not read as some other offset. */
static gboolean
parse_range (SoupMessageHeaders *headers,
             guint64            *offset)
{
  const char *range = soup_message_headers_get_one (headers, "Range");
  char *end = NULL;
  guint64 last;

  if (range == NULL)
    {
      *offset = 0;
      return TRUE;
    }
  while (*range == ' ')
    range++;
  if (!g_str_has_prefix (range, "bytes=0-") || !g_ascii_isdigit (range[strlen ("bytes=0-")]))
    return FALSE;
  errno = 0;
  last = g_ascii_strtoull (range + strlen ("bytes=0-"), &end, 10);
  while (*end == ' ')
    end++;
  if (*end != '\0' || errno != 0 || last == G_MAXUINT64)
    return FALSE;
  *offset = last + 1;
  return TRUE;
}

/* After an answer that could not be read (a 2xx that is not the video, a
 * 308 without a Range Warta reads): the session's status probe, within
 * the client's attempts, as after a 5xx; it says where the upload stands
 * or gives the video already made. Never the file again from the start. */
static void
probe_later (GTask  *task_in,
             GError *error)
{
  g_autoptr(GTask) task = task_in;
  WartaYouTube *self = g_task_get_source_object (task);
  UploadData *d = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  gint64 delay;

  delay = warta_http_client_next_step_delay (self->client, ++d->failures, error, TRUE);
  if (delay < 0 || g_cancellable_is_cancelled (cancellable))
    {
      upload_fail (task, error);
      return;
    }
  g_debug ("PUT answered %u with what Warta cannot read; probing in %" G_GINT64_FORMAT " ms",
           soup_message_get_status (d->msg), delay);
  d->offset_known = FALSE;
  _warta_upload_set_error (d->upload, error);
  _warta_upload_set_state (d->upload, WARTA_UPLOAD_STATE_WAITING);
  g_error_free (error);
  warta_http_client_wait_async (self->client, (guint) delay, cancellable, upload_wait_cb,
                                g_steal_pointer (&task));
}

static void
put_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  WartaYouTube *self = g_task_get_source_object (task);
  UploadData *d = g_task_get_task_data (task);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  WartaRemoteResult *res;
  gint64 delay;

  node = warta_http_client_send_json_finish (WARTA_HTTP_CLIENT (object), result, &error);

  if (soup_message_get_status (d->msg) == STATUS_RESUME_INCOMPLETE)
    {
      guint64 offset;

      /* Not read as some other offset: the probe asks again. */
      if (!parse_range (soup_message_get_response_headers (d->msg), &offset) || offset > d->total)
        {
          probe_later (g_steal_pointer (&task), unexpected_answer ());
          return;
        }
      /* Only bytes the server did not have before count as progress: a
       * chunk answered with what Warta cannot read every time, the probe
       * saying the same offset, stops within the attempts. */
      if (offset > d->offset)
        d->failures = 0;
      d->offset = offset;
      d->offset_known = TRUE;
      _warta_upload_set_bytes_sent (d->upload, offset);
      g_signal_emit (self, signals[SESSION_PROGRESS], 0, d->session_uri, offset, d->total);
      /* Every byte in, yet no video: the probe again, within the attempts. */
      if (offset == d->total)
        {
          probe_later (g_steal_pointer (&task), unexpected_answer ());
          return;
        }
      if (g_cancellable_is_cancelled (g_task_get_cancellable (task)))
        {
          upload_fail (task, g_error_new_literal (WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_CANCELLED,
                                                  _("Publishing was cancelled.")));
          return;
        }
      upload_step (g_steal_pointer (&task));
      return;
    }

  /* 2xx: the last byte may be in. An answer that is not the video (a
   * proxy's page, no id) is asked again by the probe, which gives the
   * video the session made, or where the upload stands. */
  res = node ? video_result (node) : NULL;
  if (res == NULL && SOUP_STATUS_IS_SUCCESSFUL (soup_message_get_status (d->msg)) &&
      (node != NULL || g_error_matches (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_PROTOCOL)))
    {
      probe_later (g_steal_pointer (&task), error ? g_steal_pointer (&error) : unexpected_answer ());
      return;
    }

  if (node == NULL)
    {
      refine_error (error);
      if (warta_youtube_error_is_session_expired (error))
        {
          upload_fail (task, g_steal_pointer (&error));
          return;
        }
      delay = warta_retry_policy_next_delay (warta_http_client_get_retry_policy (self->client),
                                             ++d->failures, error, g_get_real_time ());
      if (delay < 0 || g_cancellable_is_cancelled (g_task_get_cancellable (task)))
        {
          upload_fail (task, g_steal_pointer (&error));
          return;
        }
      g_debug ("PUT failed (%s); asking for the offset in %" G_GINT64_FORMAT " ms",
               error->message, delay);
      /* Whatever happened to the body, the server's count is the truth. */
      d->offset_known = FALSE;
      _warta_upload_set_error (d->upload, error);
      _warta_upload_set_state (d->upload, WARTA_UPLOAD_STATE_WAITING);
      {
        GCancellable *cancellable = g_task_get_cancellable (task);

        warta_http_client_wait_async (self->client, (guint) delay, cancellable, upload_wait_cb,
                                      g_steal_pointer (&task));
      }
      return;
    }

  /* 200 or 201: the last byte is in; the answer is the video. */
  g_signal_emit (self, signals[SESSION_PROGRESS], 0, d->session_uri, d->total, d->total);
  _warta_upload_set_bytes_sent (d->upload, d->total);
  _warta_upload_set_remote (d->upload, res->id, res->url);
  _warta_upload_set_state (d->upload, WARTA_UPLOAD_STATE_DONE);
  g_task_return_pointer (task, res, (GDestroyNotify) warta_remote_result_free);
}

static void
upload_step (GTask *task_in)
{
  g_autoptr(GTask) task = task_in;
  WartaYouTube *self = g_task_get_source_object (task);
  UploadData *d = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  SoupMessageHeaders *headers;
  GError *error = NULL;

  g_clear_object (&d->msg);
  d->msg = new_message (self, SOUP_METHOD_PUT, d->session_uri, &error);
  if (d->msg == NULL)
    {
      upload_fail (task, error);
      return;
    }
  headers = soup_message_get_request_headers (d->msg);

  if (!d->offset_known || d->offset >= d->total)
    {
      g_autofree char *range = g_strdup_printf ("bytes */%" G_GUINT64_FORMAT, d->total);
      g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);

      /* The status probe: an empty PUT, so Content-Length: 0 is sent. */
      soup_message_set_request_body_from_bytes (d->msg, NULL, empty);
      soup_message_headers_replace (headers, "Content-Range", range);
    }
  else
    {
      guint64 length = MIN (self->chunk_size, d->total - d->offset);

      if (!_warta_http_set_upload_range_body (d->msg, d->upload, d->offset, length, &error))
        {
          upload_fail (task, error);
          return;
        }
      soup_message_headers_set_content_range (headers, (goffset) d->offset,
                                              (goffset) (d->offset + length - 1),
                                              (goffset) d->total);
      _warta_upload_set_state (d->upload, WARTA_UPLOAD_STATE_SENDING);
    }

  warta_http_client_send_json_async (self->client, d->msg, SERVICE, parse_error, cancellable,
                                     put_cb, g_steal_pointer (&task));
}

void
warta_youtube_upload_async (WartaYouTube        *self,
                            WartaUpload         *upload,
                            const char          *session_uri,
                            guint64              offset,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  GTask *task;
  UploadData *d;
  GError *error = NULL;

  g_return_if_fail (WARTA_IS_YOUTUBE (self));
  g_return_if_fail (WARTA_IS_UPLOAD (upload));
  g_return_if_fail (session_uri != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, warta_youtube_upload_async);
  g_task_set_check_cancellable (task, FALSE);
  d = g_new0 (UploadData, 1);
  d->upload = g_object_ref (upload);
  d->session_uri = g_strdup (session_uri);
  d->total = warta_upload_get_total_bytes (upload);
  d->offset_known = offset != WARTA_YOUTUBE_OFFSET_UNKNOWN && offset < d->total;
  d->offset = d->offset_known ? offset : 0;
  g_task_set_task_data (task, d, upload_data_free);

  _warta_upload_set_state (upload, WARTA_UPLOAD_STATE_PENDING);
  if (!check_configured (self, &error))
    {
      upload_fail (task, error);
      g_object_unref (task);
      return;
    }
  upload_step (task);
}

WartaRemoteResult *
warta_youtube_upload_finish (WartaYouTube  *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* delete ------------------------------------------------------------------ */

static SoupMessage *
path_message (gpointer     object,
              const char  *method,
              const char  *path,
              GError     **error)
{
  WartaYouTube *self = object;
  g_autofree char *url = warta_http_build_url (self->upload_url, path);

  return new_message (self, method, url, error);
}

/**
 * warta_youtube_delete_video_async:
 * @self: a #WartaYouTube
 * @video_id: the video to delete
 *
 * DELETE /youtube/v3/videos?id=… (YouTube Data API videos.delete, 204 No
 * Content). A video that is not there any more (404 videoNotFound)
 * counts as deleted.
 */
void
warta_youtube_delete_video_async (WartaYouTube        *self,
                                  const char          *video_id,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;
  GError *error = NULL;

  g_return_if_fail (WARTA_IS_YOUTUBE (self));
  g_return_if_fail (video_id != NULL);

  if (!check_configured (self, &error))
    {
      g_task_report_error (self, callback, user_data, warta_youtube_delete_video_async, error);
      return;
    }
  escaped = g_uri_escape_string (video_id, NULL, TRUE);
  path = g_strconcat ("/youtube/v3/videos?id=", escaped, NULL);
  warta_http_client_delete_async (self->client, SERVICE, path_message, self, path, parse_error,
                                  cancellable, callback, user_data);
}

gboolean
warta_youtube_delete_video_finish (WartaYouTube  *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* the channel signed in to -------------------------------------------------- */

typedef struct
{
  char *title;
  char *handle;
  char *long_uploads;   /* status.longUploadsStatus, NULL when not said */
} Channel;

static void
channel_free (gpointer data)
{
  Channel *c = data;

  g_free (c->title);
  g_free (c->handle);
  g_free (c->long_uploads);
  g_free (c);
}

static const char *
no_channel_message (void)
{
  return _("The Google account you signed in with has no YouTube channel, so nothing was saved. Create the channel on YouTube first, or sign in with the Google account that has the office’s channel.");
}

/* What stopped the question, said for a sign-in: nothing is saved then. */
static GError *
channel_error (GError *error)
{
  const char *reason = warta_publish_error_get_platform_code (error);

  if (g_strcmp0 (reason, "insufficientPermissions") == 0)
    {
      replace_message (error, _("Google did not let Warta see which YouTube channel you signed in to, so nothing was saved. Sign in again and, when Google asks, allow Warta to see your YouTube account as well as to upload videos."));
      return error;
    }
  if (g_strcmp0 (reason, "youtubeSignupRequired") == 0)
    {
      replace_message (error, no_channel_message ());
      return error;
    }
  return warta_oauth_translate_error (SERVICE, error);
}

/* {"kind": "youtube#channelListResponse", "items": [{"kind":
 * "youtube#channel", "id": "UC…", "snippet": {"title", "customUrl"},
 * "status": {"longUploadsStatus"}}]};
 * no items for a Google account without a channel. */
static void
channel_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonNode) node = NULL;
  GError *error = NULL;
  JsonObject *list;
  JsonNode *items;
  JsonArray *array;
  JsonObject *channel = NULL;
  JsonObject *snippet;
  const char *id;
  const char *title;
  const char *custom_url;
  const char *long_uploads;
  Channel *c;

  node = warta_http_client_request_json_finish (WARTA_HTTP_CLIENT (object), result, NULL, &error);
  if (node == NULL)
    {
      g_task_return_error (task, channel_error (error));
      return;
    }
  list = _warta_json_as_object (node);
  items = list && json_object_has_member (list, "items") ? json_object_get_member (list, "items")
                                                         : NULL;
  array = items && JSON_NODE_HOLDS_ARRAY (items) ? json_node_get_array (items) : NULL;
  if (array && json_array_get_length (array) > 0)
    channel = _warta_json_as_object (json_array_get_element (array, 0));
  else if (list && (items == NULL || array != NULL))
    {
      g_task_return_error (task, g_error_new_literal (WARTA_PUBLISH_ERROR,
                                                      WARTA_PUBLISH_ERROR_PERMISSION_DENIED,
                                                      no_channel_message ()));
      return;
    }
  id = _warta_json_get_string (channel, "id");
  snippet = _warta_json_get_object (channel, "snippet");
  title = _warta_json_get_string (snippet, "title");
  custom_url = _warta_json_get_string (snippet, "customUrl");
  long_uploads = _warta_json_get_string (_warta_json_get_object (channel, "status"),
                                         "longUploadsStatus");
  if (id == NULL || *id == '\0' || title == NULL || *title == '\0')
    {
      g_task_return_new_error (task, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_PROTOCOL,
                               _("YouTube did not say which channel you signed in to, so nothing was saved. Try again in a while; if it keeps happening, YouTube’s status page may say why."));
      return;
    }
  c = g_new0 (Channel, 1);
  c->title = g_strdup (title);
  /* A handle is "@…"; an older custom address without one is not. */
  if (custom_url && custom_url[0] == '@' && custom_url[1] != '\0')
    c->handle = g_strdup (custom_url);
  if (long_uploads && *long_uploads)
    c->long_uploads = g_strdup (long_uploads);
  g_task_set_task_data (task, c, channel_free);
  g_task_return_pointer (task, g_strdup (id), g_free);
}

/**
 * warta_youtube_get_channel_async:
 * @self: a #WartaYouTube
 *
 * channels.list with part=snippet,status and mine=true (the
 * youtube.readonly scope; youtube.upload alone does not allow it): the
 * channel the token signs in to, and whether it may upload videos longer
 * than 15 minutes.
 */
void
warta_youtube_get_channel_async (WartaYouTube        *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  GTask *task;
  GError *error = NULL;

  g_return_if_fail (WARTA_IS_YOUTUBE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, warta_youtube_get_channel_async);
  if (!check_configured (self, &error))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  warta_http_client_request_path_async (self->client, SERVICE, path_message, self, SOUP_METHOD_GET,
                                        "/youtube/v3/channels?part=snippet,status&mine=true", parse_error,
                                        cancellable, channel_cb, task);
}

char *
warta_youtube_get_channel_finish (WartaYouTube  *self,
                                  GAsyncResult  *result,
                                  char         **out_title,
                                  char         **out_handle,
                                  char         **out_long_uploads,
                                  GError       **error)
{
  Channel *c;
  char *id;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  id = g_task_propagate_pointer (G_TASK (result), error);
  c = id ? g_task_get_task_data (G_TASK (result)) : NULL;
  if (out_title)
    *out_title = c ? g_strdup (c->title) : NULL;
  if (out_handle)
    *out_handle = c ? g_strdup (c->handle) : NULL;
  if (out_long_uploads)
    *out_long_uploads = c ? g_strdup (c->long_uploads) : NULL;
  return id;
}

/* publish: both steps ------------------------------------------------------ */

typedef struct
{
  WartaUpload *upload;
  WartaYouTubeMetadata meta;
  char *title;
  char *description;
  char **tags;
  char *category_id;
  char *privacy_status;
  GDateTime *publish_at;
  gboolean new_session;
} PublishData;

static void
publish_data_free (gpointer data)
{
  PublishData *d = data;

  g_clear_object (&d->upload);
  g_free (d->title);
  g_free (d->description);
  g_strfreev (d->tags);
  g_free (d->category_id);
  g_free (d->privacy_status);
  g_clear_pointer (&d->publish_at, g_date_time_unref);
  g_free (d);
}

static void publish_start_session (GTask *task);

static void
publish_upload_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PublishData *d = g_task_get_task_data (task);
  GError *error = NULL;
  WartaRemoteResult *res;

  res = warta_youtube_upload_finish (WARTA_YOUTUBE (object), result, &error);
  if (res == NULL)
    {
      /* A stored session that expired: once more, from the start. */
      if (warta_youtube_error_is_session_expired (error) && !d->new_session)
        {
          g_debug ("session expired: %s", error->message);
          g_error_free (error);
          publish_start_session (g_steal_pointer (&task));
          return;
        }
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, res, (GDestroyNotify) warta_remote_result_free);
}

static void
publish_session_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PublishData *d = g_task_get_task_data (task);
  g_autofree char *session_uri = NULL;
  GError *error = NULL;

  session_uri = warta_youtube_start_session_finish (WARTA_YOUTUBE (object), result, &error);
  if (session_uri == NULL)
    {
      set_upload_failed (d->upload, error);
      g_task_return_error (task, error);
      return;
    }
  {
    GCancellable *cancellable = g_task_get_cancellable (task);

    warta_youtube_upload_async (WARTA_YOUTUBE (object), d->upload, session_uri, 0, cancellable,
                                publish_upload_cb, g_steal_pointer (&task));
  }
}

static void
publish_start_session (GTask *task)
{
  WartaYouTube *self = g_task_get_source_object (task);
  PublishData *d = g_task_get_task_data (task);

  d->new_session = TRUE;
  warta_youtube_start_session_async (self, d->upload, &d->meta, g_task_get_cancellable (task),
                                     publish_session_cb, task);
}

void
warta_youtube_publish_async (WartaYouTube               *self,
                             WartaUpload                *upload,
                             const WartaYouTubeMetadata *metadata,
                             const char                 *session_uri,
                             GCancellable               *cancellable,
                             GAsyncReadyCallback         callback,
                             gpointer                    user_data)
{
  GTask *task;
  PublishData *d;

  g_return_if_fail (WARTA_IS_YOUTUBE (self));
  g_return_if_fail (WARTA_IS_UPLOAD (upload));
  g_return_if_fail (metadata != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, warta_youtube_publish_async);
  g_task_set_check_cancellable (task, FALSE);
  d = g_new0 (PublishData, 1);
  d->upload = g_object_ref (upload);
  /* The caller's metadata, copied: the steps run after this returns. */
  d->title = g_strdup (metadata->title);
  d->description = g_strdup (metadata->description);
  d->tags = g_strdupv ((char **) metadata->tags);
  d->category_id = g_strdup (metadata->category_id);
  d->privacy_status = g_strdup (metadata->privacy_status);
  d->publish_at = metadata->publish_at ? g_date_time_ref (metadata->publish_at) : NULL;
  d->meta.title = d->title;
  d->meta.description = d->description;
  d->meta.tags = (const char * const *) d->tags;
  d->meta.category_id = d->category_id;
  d->meta.privacy_status = d->privacy_status;
  d->meta.publish_at = d->publish_at;
  d->meta.made_for_kids = metadata->made_for_kids;
  g_task_set_task_data (task, d, publish_data_free);

  if (session_uri == NULL)
    publish_start_session (task);
  else
    warta_youtube_upload_async (self, upload, session_uri, WARTA_YOUTUBE_OFFSET_UNKNOWN,
                                cancellable, publish_upload_cb, task);
}

WartaRemoteResult *
warta_youtube_publish_finish (WartaYouTube  *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
