/* warta-test-server-tiktok.c: a loopback TikTok Content Posting API
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * platform-apis.md §5: creator_info/query, video/init (FILE_UPLOAD, the
 * chunk rules of §5.4 checked, an upload_url on this server), PUT
 * /video/?upload_id= with Content-Range, in order (206, 201, 416 with the
 * received range), hashed as it arrives; status/fetch PROCESSING_UPLOAD →
 * PUBLISH_COMPLETE after the processing polls (a public post id for
 * PUBLIC_TO_EVERYONE); every body carries {"error": {"code", "message",
 * "log_id"}}, "ok" included.
 *
 * Photo posts (§5.6): content/init with media_type PHOTO, DIRECT_POST,
 * PULL_FROM_URL, 1–35 photo_images, a title of at most 90 and a
 * description of at most 4,000 UTF-16 code units; the answer gives the
 * publish_id at once, then the server really fetches every URL (JPEG or
 * WebP) before the publish completes; a fetch that fails makes it FAILED
 * with photo_pull_failed.
 *
 * Errors by name: the error.code, e.g. "access_token_invalid",
 * "rate_limit_exceeded", "spam_risk_too_many_posts", "internal_error",
 * "unaudited_client_can_only_post_to_private_accounts",
 * "url_ownership_unverified"; and "file_format_check_failed": the publish
 * FAILED with that reason.
 */
#include "config.h"

#include <string.h>

#include <libsoup/soup.h>

#include "warta-test-server-private.h"

#define MIB (G_GUINT64_CONSTANT (1024) * 1024)

typedef struct
{
  char *publish_id;
  char *upload_id;
  char *privacy;
  guint64 size;
  guint64 chunk_size;
  guint chunks;
  guint64 received;
  GChecksum *sum;
  char *status;
  guint polls_left;
  char *fail_reason;
  gboolean expired;
  gboolean photo;
  GPtrArray *photo_urls;
  guint fetched;
} Publish;

typedef struct
{
  Publish *publish;
  guint64 start;
  guint64 end;
  guint64 pos;
  GChecksum *live;
  gboolean accepted;
} Put;

typedef struct
{
  GPtrArray *publishes;
  guint complete;
  char *fail_next;
  char *last_post_info;
  GStrv privacy_options;
  guint max_duration;
  SoupSession *session;
  GCancellable *cancellable;
} State;

static void
publish_free (gpointer data)
{
  Publish *p = data;

  g_free (p->publish_id);
  g_free (p->upload_id);
  g_free (p->privacy);
  g_checksum_free (p->sum);
  g_free (p->status);
  g_free (p->fail_reason);
  g_clear_pointer (&p->photo_urls, g_ptr_array_unref);
  g_free (p);
}

static void
put_free (gpointer data)
{
  Put *p = data;

  g_clear_pointer (&p->live, g_checksum_free);
  g_free (p);
}

static State *
get_state (WartaTestServer *server)
{
  return _warta_test_server_get_state (server);
}

static void
respond_tiktok (SoupServerMessage *msg,
                guint              status,
                JsonBuilder       *data,
                const char        *code,
                const char        *message)
{
  JsonBuilder *b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "data");
  if (data)
    json_builder_add_value (b, _warta_test_server_build (data));
  else
    {
      json_builder_begin_object (b);
      json_builder_end_object (b);
    }
  json_builder_set_member_name (b, "error");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "code");
  json_builder_add_string_value (b, code);
  json_builder_set_member_name (b, "message");
  json_builder_add_string_value (b, message);
  json_builder_set_member_name (b, "log_id");
  json_builder_add_string_value (b, "202611260700000000000000000000");
  json_builder_end_object (b);
  json_builder_end_object (b);
  _warta_test_server_respond_json (msg, status, _warta_test_server_build (b));
}

static void
tiktok_respond_error (WartaTestServer   *server,
                      SoupServerMessage *msg,
                      const char        *name)
{
  if (g_str_equal (name, "access_token_invalid"))
    respond_tiktok (msg, 401, NULL, name, "The access token is invalid or not found in the request.");
  else if (g_str_equal (name, "rate_limit_exceeded"))
    respond_tiktok (msg, 429, NULL, name, "API rate limit was exceeded, please try again later.");
  else if (g_str_equal (name, "spam_risk_too_many_posts"))
    respond_tiktok (msg, 403, NULL, name, "The daily post cap from the API is reached for the current user.");
  else if (g_str_equal (name, "unaudited_client_can_only_post_to_private_accounts"))
    respond_tiktok (msg, 403, NULL, name, "Unaudited clients can only post to a private account.");
  else if (g_str_equal (name, "url_ownership_unverified"))
    respond_tiktok (msg, 403, NULL, name, "The URL's domain or URL prefix is not verified for this app.");
  else if (g_str_equal (name, "internal_error"))
    respond_tiktok (msg, 500, NULL, name, "Something is wrong with TikTok's server.");
  else if (g_str_equal (name, "file_format_check_failed"))
    {
      /* Not an answer: the next publish fails with this reason. */
      g_free (get_state (server)->fail_next);
      get_state (server)->fail_next = g_strdup (name);
      respond_tiktok (msg, 500, NULL, "internal_error", "Try again.");
    }
  else
    g_error ("unknown TikTok error %s", name);
}

static void
tiktok_respond_status (WartaTestServer   *server,
                       SoupServerMessage *msg,
                       guint              status)
{
  respond_tiktok (msg, status, NULL, "internal_error", "Something is wrong with TikTok's server.");
}

/* TikTok documents no rate-limit headers (§5.8); a gateway may add one. */
static void
tiktok_respond_rate_limited (WartaTestServer   *server,
                             SoupServerMessage *msg,
                             guint              seconds)
{
  g_autofree char *after = g_strdup_printf ("%u", seconds);

  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Retry-After", after);
  respond_tiktok (msg, 429, NULL, "rate_limit_exceeded", "API rate limit was exceeded, please try again later.");
}

static gboolean
authorized (WartaTestServer   *server,
            SoupServerMessage *msg)
{
  const char *auth = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                   "Authorization");

  if (!_warta_test_server_is_revoked (server) && g_strcmp0 (auth, "Bearer " WARTA_TEST_TIKTOK_TOKEN) == 0)
    return TRUE;
  tiktok_respond_error (server, msg, "access_token_invalid");
  return FALSE;
}

static const char * const default_privacy_options[] = {
  "PUBLIC_TO_EVERYONE", "MUTUAL_FOLLOW_FRIENDS", "SELF_ONLY", NULL,
};

static const char * const *
privacy_options (WartaTestServer *server)
{
  State *st = get_state (server);

  return st->privacy_options ? (const char * const *) st->privacy_options
                             : default_privacy_options;
}

/* The post_info of the last init, as JSON text. */
static void
record_post_info (WartaTestServer *server,
                  JsonObject      *post_info)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  json_node_set_object (node, post_info);
  g_free (get_state (server)->last_post_info);
  get_state (server)->last_post_info = json_to_string (node, FALSE);
}

static void
creator_info (WartaTestServer   *server,
              SoupServerMessage *msg)
{
  const char * const *options = privacy_options (server);

  JsonBuilder *b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "creator_avatar_url");
  json_builder_add_string_value (b, "https://p16.tiktokcdn.example/avatar.jpeg");
  json_builder_set_member_name (b, "creator_username");
  json_builder_add_string_value (b, "wartakab");
  json_builder_set_member_name (b, "creator_nickname");
  json_builder_add_string_value (b, "Warta Kabupaten");
  json_builder_set_member_name (b, "privacy_level_options");
  json_builder_begin_array (b);
  for (guint i = 0; options[i]; i++)
    json_builder_add_string_value (b, options[i]);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "comment_disabled");
  json_builder_add_boolean_value (b, FALSE);
  json_builder_set_member_name (b, "duet_disabled");
  json_builder_add_boolean_value (b, FALSE);
  json_builder_set_member_name (b, "stitch_disabled");
  json_builder_add_boolean_value (b, TRUE);
  json_builder_set_member_name (b, "max_video_post_duration_sec");
  json_builder_add_int_value (b, get_state (server)->max_duration);
  json_builder_end_object (b);
  respond_tiktok (msg, 200, b, "ok", "");
}

static JsonObject *
member_object (JsonObject *o,
               const char *name)
{
  JsonNode *node = o ? json_object_get_member (o, name) : NULL;

  return node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* The privacy level of @post_info when it is one of the creator's
 * options; else answers privacy_level_option_mismatch and gives NULL. */
static const char *
check_privacy (WartaTestServer   *server,
               SoupServerMessage *msg,
               JsonObject        *post_info)
{
  const char *privacy = json_object_get_string_member_with_default (post_info, "privacy_level", NULL);

  record_post_info (server, post_info);
  if (privacy == NULL || !g_strv_contains (privacy_options (server), privacy))
    {
      respond_tiktok (msg, 403, NULL, "privacy_level_option_mismatch",
                      "privacy_level is not one of the creator's privacy_level_options.");
      return NULL;
    }
  return privacy;
}

static Publish *
add_publish (WartaTestServer *server,
             const char      *prefix,
             const char      *privacy,
             const char      *status)
{
  Publish *p = g_new0 (Publish, 1);

  p->publish_id = g_strdup_printf ("%s%" G_GINT64_FORMAT, prefix, _warta_test_server_next_id (server));
  p->upload_id = g_strdup_printf ("%" G_GINT64_FORMAT, 7300000000 + _warta_test_server_next_id (server));
  p->privacy = g_strdup (privacy);
  p->sum = g_checksum_new (G_CHECKSUM_SHA256);
  p->status = g_strdup (status);
  g_ptr_array_add (get_state (server)->publishes, p);
  return p;
}

static void
video_init (WartaTestServer   *server,
            SoupServerMessage *msg)
{
  g_autoptr(JsonNode) root = _warta_test_server_parse_json (msg);
  JsonObject *o = root && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  JsonObject *post_info = member_object (o, "post_info");
  JsonObject *source = member_object (o, "source_info");
  const char *privacy;
  guint64 size, chunk, count;
  JsonBuilder *b;
  Publish *p;
  g_autofree char *upload_url = NULL;

  if (post_info == NULL || source == NULL ||
      g_strcmp0 (json_object_get_string_member_with_default (source, "source", ""), "FILE_UPLOAD") != 0)
    {
      respond_tiktok (msg, 400, NULL, "invalid_params", "The request params are invalid.");
      return;
    }
  if ((privacy = check_privacy (server, msg, post_info)) == NULL)
    return;
  size = (guint64) json_object_get_int_member_with_default (source, "video_size", 0);
  chunk = (guint64) json_object_get_int_member_with_default (source, "chunk_size", 0);
  count = (guint64) json_object_get_int_member_with_default (source, "total_chunk_count", 0);
  /* The media transfer guide's rules (§5.4). */
  if (size == 0 || chunk == 0 || count == 0 || count > 1000 ||
      (size < 5 * MIB ? (chunk != size || count != 1)
                      : (chunk < 5 * MIB || chunk > 64 * MIB || count != size / chunk ||
                         size - (count - 1) * chunk > 128 * MIB)) ||
      (size > 64 * MIB && count < 2))
    {
      respond_tiktok (msg, 400, NULL, "invalid_params",
                      "The chunk_size or total_chunk_count is invalid.");
      return;
    }

  p = add_publish (server, "v_pub_file~v2-1.", privacy, "PROCESSING_UPLOAD");
  p->size = size;
  p->chunk_size = chunk;
  p->chunks = (guint) count;

  upload_url = g_strdup_printf ("%s/video/?upload_id=%s&upload_token=tok-%s",
                                warta_test_server_get_url (server), p->upload_id, p->upload_id);
  b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "publish_id");
  json_builder_add_string_value (b, p->publish_id);
  json_builder_set_member_name (b, "upload_url");
  json_builder_add_string_value (b, upload_url);
  json_builder_end_object (b);
  respond_tiktok (msg, 200, b, "ok", "");
}

static Publish *
find_upload (WartaTestServer *server,
             GHashTable      *query)
{
  GPtrArray *publishes = get_state (server)->publishes;
  const char *id = query ? g_hash_table_lookup (query, "upload_id") : NULL;

  for (guint i = 0; id && i < publishes->len; i++)
    if (g_str_equal (((Publish *) publishes->pdata[i])->upload_id, id))
      return publishes->pdata[i];
  return NULL;
}

static void
put_chunk_cb (SoupServerMessage *msg,
              GBytes            *chunk,
              gpointer           user_data)
{
  Put *p = user_data;
  gsize len;
  const guchar *data = g_bytes_get_data (chunk, &len);

  if (p->live)
    g_checksum_update (p->live, data, len);
  p->pos += len;
}

static gboolean
parse_range (const char *value,
             guint64    *start,
             guint64    *end,
             guint64    *total)
{
  char *rest = NULL;

  if (value == NULL || !g_str_has_prefix (value, "bytes "))
    return FALSE;
  *start = g_ascii_strtoull (value + 6, &rest, 10);
  if (*rest != '-')
    return FALSE;
  *end = g_ascii_strtoull (rest + 1, &rest, 10) + 1;
  if (*rest != '/')
    return FALSE;
  *total = g_ascii_strtoull (rest + 1, NULL, 10);
  return *end > *start;
}

/* Early: a chunk that is the next one streams; anything else is refused
 * (416) by the handler. */
static gboolean
tiktok_stream (WartaTestServer   *server,
               SoupServerMessage *msg,
               const char        *path,
               GHashTable        *query)
{
  SoupMessageHeaders *h = soup_server_message_get_request_headers (msg);
  Publish *pub = find_upload (server, query);
  guint64 start = 0, end = 0, total = 0;
  guint index;
  Put *p;

  if (!g_str_equal (soup_server_message_get_method (msg), "PUT"))
    return FALSE;
  p = g_new0 (Put, 1);
  g_object_set_data_full (G_OBJECT (msg), "tiktok-put", p, put_free);
  if (pub == NULL || pub->expired ||
      !parse_range (soup_message_headers_get_one (h, "Content-Range"), &start, &end, &total))
    return TRUE;
  index = (guint) (start / pub->chunk_size);
  if (total != pub->size || start != pub->received || index >= pub->chunks ||
      end != (index + 1 == pub->chunks ? pub->size : start + pub->chunk_size) ||
      (guint64) soup_message_headers_get_content_length (h) != end - start)
    return TRUE;

  p->publish = pub;
  p->start = p->pos = start;
  p->end = end;
  p->accepted = TRUE;
  if (_warta_test_server_is_hashing (server))
    p->live = g_checksum_copy (pub->sum);
  g_signal_connect (msg, "got-chunk", G_CALLBACK (put_chunk_cb), p);
  return TRUE;
}

static void
set_received_range (SoupServerMessage *msg,
                    Publish           *pub)
{
  if (pub->received > 0)
    {
      g_autofree char *range = g_strdup_printf ("bytes 0-%" G_GUINT64_FORMAT "/%" G_GUINT64_FORMAT,
                                                pub->received - 1, pub->size);

      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Content-Range",
                                    range);
    }
}

static void
put_upload (WartaTestServer   *server,
            SoupServerMessage *msg,
            GHashTable        *query)
{
  Publish *pub = find_upload (server, query);
  Put *p = g_object_get_data (G_OBJECT (msg), "tiktok-put");

  if (pub == NULL)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
      return;
    }
  if (pub->expired)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_FORBIDDEN, NULL);
      return;
    }
  if (p == NULL || !p->accepted || p->pos != p->end)
    {
      set_received_range (msg, pub);
      soup_server_message_set_status (msg, 416, NULL);
      return;
    }
  /* A chunk counts only whole. */
  pub->received = p->end;
  if (p->live)
    {
      g_checksum_free (pub->sum);
      pub->sum = g_steal_pointer (&p->live);
    }
  set_received_range (msg, pub);
  if (pub->received == pub->size)
    {
      State *st = get_state (server);

      _warta_test_server_set_file (server, pub->size,
                                   _warta_test_server_is_hashing (server)
                                   ? g_checksum_get_string (pub->sum) : NULL);
      g_free (pub->status);
      pub->polls_left = _warta_test_server_get_processing_polls (server);
      if (st->fail_next)
        {
          pub->status = g_strdup ("FAILED");
          pub->fail_reason = g_steal_pointer (&st->fail_next);
        }
      else if (pub->polls_left == 0)
        {
          pub->status = g_strdup ("PUBLISH_COMPLETE");
          st->complete++;
        }
      else
        pub->status = g_strdup ("PROCESSING_DOWNLOAD");
      soup_server_message_set_status (msg, SOUP_STATUS_CREATED, NULL);
    }
  else
    soup_server_message_set_status (msg, SOUP_STATUS_PARTIAL_CONTENT, NULL);
}

static void
status_fetch (WartaTestServer   *server,
              SoupServerMessage *msg)
{
  State *st = get_state (server);
  g_autoptr(JsonNode) root = _warta_test_server_parse_json (msg);
  JsonObject *o = root && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  const char *id = o ? json_object_get_string_member_with_default (o, "publish_id", NULL) : NULL;
  Publish *pub = NULL;
  JsonBuilder *b;

  for (guint i = 0; id && i < st->publishes->len; i++)
    if (g_str_equal (((Publish *) st->publishes->pdata[i])->publish_id, id))
      pub = st->publishes->pdata[i];
  if (pub == NULL)
    {
      respond_tiktok (msg, 400, NULL, "invalid_publish_id", "The publish_id does not exist.");
      return;
    }
  if (pub->polls_left > 0 && --pub->polls_left == 0 && g_str_equal (pub->status, "PROCESSING_DOWNLOAD"))
    {
      g_free (pub->status);
      pub->status = g_strdup ("PUBLISH_COMPLETE");
      st->complete++;
    }

  b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "status");
  json_builder_add_string_value (b, pub->status);
  if (pub->fail_reason)
    {
      json_builder_set_member_name (b, "fail_reason");
      json_builder_add_string_value (b, pub->fail_reason);
    }
  json_builder_set_member_name (b, "uploaded_bytes");
  json_builder_add_int_value (b, (gint64) pub->received);
  json_builder_set_member_name (b, "downloaded_bytes");
  json_builder_add_int_value (b, 0);
  if (g_str_equal (pub->status, "PUBLISH_COMPLETE") && g_str_equal (pub->privacy, "PUBLIC_TO_EVERYONE"))
    {
      json_builder_set_member_name (b, "publicaly_available_post_id");
      json_builder_begin_array (b);
      json_builder_add_int_value (b, 7340000000000000000 + g_ascii_strtoll (pub->upload_id, NULL, 10));
      json_builder_end_array (b);
    }
  json_builder_end_object (b);
  respond_tiktok (msg, 200, b, "ok", "");
}

/* Photo posts (§5.6) ------------------------------------------------------ */

typedef struct
{
  WartaTestServer *server;
  Publish *publish;
  SoupMessage *fetch;
  GCancellable *cancellable;
} Fetch;

static void fetch_next (WartaTestServer *server,
                        Publish         *pub);

static void
finish_photo (WartaTestServer *server,
              Publish         *pub,
              const char      *fail_reason)
{
  State *st = get_state (server);

  g_free (pub->status);
  if (fail_reason)
    {
      pub->status = g_strdup ("FAILED");
      pub->fail_reason = g_strdup (fail_reason);
      return;
    }
  pub->polls_left = _warta_test_server_get_processing_polls (server);
  if (pub->polls_left == 0)
    {
      pub->status = g_strdup ("PUBLISH_COMPLETE");
      st->complete++;
    }
  else
    pub->status = g_strdup ("PROCESSING_DOWNLOAD");
}

static gboolean
is_photo (GBytes *body)
{
  gsize size = 0;
  const guchar *data = body ? g_bytes_get_data (body, &size) : NULL;

  return (size >= 3 && data[0] == 0xFF && data[1] == 0xD8) ||
         (size >= 12 && memcmp (data, "RIFF", 4) == 0 && memcmp (data + 8, "WEBP", 4) == 0);
}

/* TikTok downloads each photo; the publish waits for all of them. */
static void
fetched_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Fetch *f = user_data;
  g_autoptr(GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, NULL);

  if (!g_cancellable_is_cancelled (f->cancellable))
    {
      if (body == NULL || soup_message_get_status (f->fetch) != SOUP_STATUS_OK || !is_photo (body) ||
          g_bytes_get_size (body) > 20 * MIB)
        finish_photo (f->server, f->publish, "photo_pull_failed");
      else
        {
          g_autofree char *sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, body);

          _warta_test_server_set_file (f->server, g_bytes_get_size (body), sha);
          f->publish->fetched++;
          fetch_next (f->server, f->publish);
        }
    }
  g_object_unref (f->fetch);
  g_object_unref (f->cancellable);
  g_free (f);
}

static void
fetch_next (WartaTestServer *server,
            Publish         *pub)
{
  State *st = get_state (server);
  Fetch *f;

  if (pub->fetched >= pub->photo_urls->len)
    {
      finish_photo (server, pub, NULL);
      return;
    }
  f = g_new0 (Fetch, 1);
  f->server = server;
  f->publish = pub;
  f->cancellable = g_object_ref (st->cancellable);
  /* No redirects: TikTok follows none (§5.3). */
  f->fetch = soup_message_new (SOUP_METHOD_GET, pub->photo_urls->pdata[pub->fetched]);
  if (f->fetch == NULL)
    {
      finish_photo (server, pub, "photo_pull_failed");
      g_object_unref (f->cancellable);
      g_free (f);
      return;
    }
  soup_message_add_flags (f->fetch, SOUP_MESSAGE_NO_REDIRECT);
  soup_session_send_and_read_async (st->session, f->fetch, G_PRIORITY_DEFAULT, st->cancellable,
                                    fetched_cb, f);
}

static guint
utf16_length (const char *text)
{
  guint units = 0;

  for (const char *p = text; p && *p; p = g_utf8_next_char (p))
    units += g_utf8_get_char (p) > 0xFFFF ? 2 : 1;
  return units;
}

static void
content_init (WartaTestServer   *server,
              SoupServerMessage *msg)
{
  g_autoptr(JsonNode) root = _warta_test_server_parse_json (msg);
  JsonObject *o = root && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  JsonObject *post_info = member_object (o, "post_info");
  JsonObject *source = member_object (o, "source_info");
  JsonArray *images = source && json_object_has_member (source, "photo_images")
                      ? json_object_get_array_member (source, "photo_images") : NULL;
  const char *privacy = NULL;
  guint n = images ? json_array_get_length (images) : 0;
  JsonBuilder *b;
  Publish *p;

  if (o == NULL || post_info == NULL || source == NULL ||
      g_strcmp0 (json_object_get_string_member_with_default (o, "media_type", ""), "PHOTO") != 0 ||
      g_strcmp0 (json_object_get_string_member_with_default (o, "post_mode", ""), "DIRECT_POST") != 0 ||
      g_strcmp0 (json_object_get_string_member_with_default (source, "source", ""), "PULL_FROM_URL") != 0 ||
      n == 0 || n > 35 ||
      json_object_get_int_member_with_default (source, "photo_cover_index", -1) < 0 ||
      json_object_get_int_member_with_default (source, "photo_cover_index", -1) >= (gint64) n ||
      utf16_length (json_object_get_string_member_with_default (post_info, "title", "")) > 90 ||
      utf16_length (json_object_get_string_member_with_default (post_info, "description", "")) > 4000)
    {
      respond_tiktok (msg, 400, NULL, "invalid_params", "The request params are invalid.");
      return;
    }
  if ((privacy = check_privacy (server, msg, post_info)) == NULL)
    return;

  p = add_publish (server, "p_pub_url~v2.", privacy, "PROCESSING_DOWNLOAD");
  p->photo = TRUE;
  p->photo_urls = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (p->photo_urls, g_strdup (json_array_get_string_element (images, i)));
  fetch_next (server, p);

  b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "publish_id");
  json_builder_add_string_value (b, p->publish_id);
  json_builder_end_object (b);
  respond_tiktok (msg, 200, b, "ok", "");
}

static void
tiktok_dispatch (WartaTestServer   *server,
                 SoupServerMessage *msg,
                 const char        *path,
                 GHashTable        *query)
{
  const char *method = soup_server_message_get_method (msg);

  /* The upload URL carries its own token. */
  if (g_str_equal (path, "/video/") && g_str_equal (method, "PUT"))
    {
      put_upload (server, msg, query);
      return;
    }
  if (!authorized (server, msg))
    return;
  if (!g_str_equal (method, "POST"))
    respond_tiktok (msg, 404, NULL, "not_found", "Not found.");
  else if (g_str_equal (path, "/v2/post/publish/creator_info/query/"))
    creator_info (server, msg);
  else if (g_str_equal (path, "/v2/post/publish/video/init/"))
    video_init (server, msg);
  else if (g_str_equal (path, "/v2/post/publish/content/init/"))
    content_init (server, msg);
  else if (g_str_equal (path, "/v2/post/publish/status/fetch/"))
    status_fetch (server, msg);
  else
    respond_tiktok (msg, 404, NULL, "not_found", "Not found.");
}

static gpointer
tiktok_state_new (WartaTestServer *server)
{
  State *st = g_new0 (State, 1);

  st->publishes = g_ptr_array_new_with_free_func (publish_free);
  st->max_duration = 300;
  st->session = soup_session_new ();
  st->cancellable = g_cancellable_new ();
  _warta_test_server_add_streamed_path (server, "/video/", tiktok_stream);
  return st;
}

static void
tiktok_state_free (gpointer data)
{
  State *st = data;

  /* A fetch in flight finds its cancellable cancelled, and the state
   * gone. */
  g_cancellable_cancel (st->cancellable);
  g_object_unref (st->cancellable);
  soup_session_abort (st->session);
  g_object_unref (st->session);
  g_ptr_array_unref (st->publishes);
  g_free (st->fail_next);
  g_free (st->last_post_info);
  g_strfreev (st->privacy_options);
  g_free (st);
}

static void
tiktok_expire (WartaTestServer *server)
{
  GPtrArray *publishes = get_state (server)->publishes;

  for (guint i = 0; i < publishes->len; i++)
    ((Publish *) publishes->pdata[i])->expired = TRUE;
}

static guint
tiktok_post_count (WartaTestServer *server)
{
  return get_state (server)->complete;
}

static guint
tiktok_media_count (WartaTestServer *server)
{
  return get_state (server)->publishes->len;
}

static const WartaTestPlatformOps tiktok_ops = {
  .server_header = "Tengine",
  .state_new = tiktok_state_new,
  .state_free = tiktok_state_free,
  .dispatch = tiktok_dispatch,
  .respond_status = tiktok_respond_status,
  .respond_rate_limited = tiktok_respond_rate_limited,
  .respond_error = tiktok_respond_error,
  .expire = tiktok_expire,
  .post_count = tiktok_post_count,
  .media_count = tiktok_media_count,
};

WartaTestServer *
warta_test_tiktok_server_new (void)
{
  return _warta_test_server_new_with_ops (WARTA_TEST_TIKTOK, &tiktok_ops);
}

const char *
warta_test_tiktok_server_get_last_post_info (WartaTestServer *server)
{
  return get_state (server)->last_post_info;
}

void
warta_test_tiktok_server_set_privacy_options (WartaTestServer    *server,
                                              const char * const *options)
{
  State *st = get_state (server);

  g_strfreev (st->privacy_options);
  st->privacy_options = g_strdupv ((char **) options);
}

guint
warta_test_tiktok_server_count_photo_fetches (WartaTestServer *server)
{
  GPtrArray *publishes = get_state (server)->publishes;
  guint n = 0;

  for (guint i = 0; i < publishes->len; i++)
    n += ((Publish *) publishes->pdata[i])->fetched;
  return n;
}

void
warta_test_tiktok_server_set_max_duration (WartaTestServer *server,
                                           guint            seconds)
{
  get_state (server)->max_duration = seconds;
}
