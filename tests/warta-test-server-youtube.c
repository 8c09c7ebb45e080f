/* warta-test-server-youtube.c: a loopback YouTube Data API (resumable uploads)
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * platform-apis.md §4: POST /upload/youtube/v3/videos?uploadType=resumable
 * answers a session URI in Location; PUTs on it carry Content-Range and are
 * answered 308 Resume Incomplete + Range until the last byte, then 201 with
 * the video resource; "bytes * /TOTAL" probes; 404 for expired sessions.
 * Bodies are hashed as they arrive, never kept. A dropped PUT keeps what
 * arrived, rounded down to 256 KiB, as Google's servers do.
 *
 * GET /youtube/v3/channels?part=snippet,status&mine=true (channels.list)
 * answers the token's channel, as a channelListResponse, with the parts
 * asked for (status.longUploadsStatus settable), or one without items for
 * a Google account that has no channel.
 *
 * Errors by name (warta_test_server_add_error): quotaExceeded,
 * uploadLimitExceeded, rateLimitExceeded, invalidTitle, forbidden,
 * insufficientPermissions, youtubeSignupRequired, authError, backendError;
 * "short-commit" makes a PUT confirm only what it got up to the last
 * 256 KiB boundary.
 */
#include "config.h"

#include <string.h>

#include "warta-test-server-private.h"

#define UNIT (256 * 1024)
#define UPLOAD_PATH "/upload/youtube/v3/videos"

typedef struct
{
  char *upload_id;
  guint64 total;
  char *title;
  guint64 committed;
  GChecksum *committed_sum;  /* of bytes [0, committed) */
  gboolean expired;
  char *video_id;            /* once complete */
  gboolean deleted;
} Session;

typedef struct
{
  Session *session;
  guint64 start;
  guint64 end;               /* last byte + 1 */
  guint64 pos;               /* next byte's offset */
  GChecksum *live;
  gboolean accepted;
} Put;

typedef struct
{
  WartaTestServer *server;
  GHashTable *sessions;      /* upload_id → Session */
  guint videos;
  guint deleted;
  char *channel_owner;       /* whose channel channels.list answers; NULL: none */
  char *long_uploads;        /* its status.longUploadsStatus; NULL: not in the answer */
} State;

static void
session_free (gpointer data)
{
  Session *s = data;

  g_free (s->upload_id);
  g_free (s->title);
  g_clear_pointer (&s->committed_sum, g_checksum_free);
  g_free (s->video_id);
  g_free (s);
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

/* {"error": {"code", "message", "errors": [{…, "reason"}], "status"}} */
static void
respond_google_error (SoupServerMessage *msg,
                      guint              status,
                      const char        *domain,
                      const char        *reason,
                      const char        *message,
                      const char        *status_text)
{
  JsonBuilder *b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "error");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "code");
  json_builder_add_int_value (b, status);
  json_builder_set_member_name (b, "message");
  json_builder_add_string_value (b, message);
  json_builder_set_member_name (b, "errors");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "message");
  json_builder_add_string_value (b, message);
  json_builder_set_member_name (b, "domain");
  json_builder_add_string_value (b, domain);
  json_builder_set_member_name (b, "reason");
  json_builder_add_string_value (b, reason);
  json_builder_end_object (b);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "status");
  json_builder_add_string_value (b, status_text);
  json_builder_end_object (b);
  json_builder_end_object (b);
  _warta_test_server_respond_json (msg, status, _warta_test_server_build (b));
}

void
warta_test_youtube_respond_error (SoupServerMessage *msg,
                                  const char        *name)
{
  if (g_str_equal (name, "quotaExceeded"))
    respond_google_error (msg, 403, "youtube.quota", name,
                          "The request cannot be completed because you have exceeded your <a href=\"/youtube/v3/getting-started#quota\">quota</a>.",
                          "PERMISSION_DENIED");
  else if (g_str_equal (name, "uploadLimitExceeded"))
    respond_google_error (msg, 400, "youtube.video", name,
                          "The user has exceeded the number of videos they may upload.",
                          "INVALID_ARGUMENT");
  else if (g_str_equal (name, "rateLimitExceeded"))
    respond_google_error (msg, 403, "usageLimits", name, "Rate Limit Exceeded",
                          "PERMISSION_DENIED");
  else if (g_str_equal (name, "invalidTitle"))
    respond_google_error (msg, 400, "youtube.video", name,
                          "The request metadata specifies an invalid or empty video title.",
                          "INVALID_ARGUMENT");
  else if (g_str_equal (name, "forbidden"))
    respond_google_error (msg, 403, "youtube.video", name, "Forbidden", "PERMISSION_DENIED");
  else if (g_str_equal (name, "insufficientPermissions"))
    respond_google_error (msg, 403, "global", name,
                          "Request had insufficient authentication scopes.", "PERMISSION_DENIED");
  else if (g_str_equal (name, "youtubeSignupRequired"))
    respond_google_error (msg, 401, "youtube.header", name, "Unauthorized", "UNAUTHENTICATED");
  else if (g_str_equal (name, "authError"))
    respond_google_error (msg, 401, "global", name,
                          "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.",
                          "UNAUTHENTICATED");
  else if (g_str_equal (name, "backendError"))
    respond_google_error (msg, 503, "global", name, "Backend Error", "UNAVAILABLE");
  else if (g_str_equal (name, "short-commit"))
    {
      /* Only whole 256 KiB units of this PUT are kept (already committed
       * while it arrived): the Range says less than was sent. */
      Put *p = g_object_get_data (G_OBJECT (msg), "youtube-put");
      SoupMessageHeaders *h = soup_server_message_get_response_headers (msg);

      if (p && p->session->committed > 0)
        {
          g_autofree char *range = g_strdup_printf ("bytes=0-%" G_GUINT64_FORMAT,
                                                    p->session->committed - 1);
          soup_message_headers_replace (h, "Range", range);
        }
      soup_server_message_set_status (msg, 308, "Resume Incomplete");
    }
  else
    g_error ("unknown YouTube error %s", name);
}

static void
youtube_respond_error (WartaTestServer   *server,
                       SoupServerMessage *msg,
                       const char        *name)
{
  warta_test_youtube_respond_error (msg, name);
}

static void
youtube_respond_status (WartaTestServer   *server,
                        SoupServerMessage *msg,
                        guint              status)
{
  if (status >= 500)
    respond_google_error (msg, status, "global", "backendError", "Backend Error", "UNAVAILABLE");
  else
    respond_google_error (msg, status, "global", "badRequest", soup_status_get_phrase (status),
                          "INVALID_ARGUMENT");
}

/* YouTube sends no rate-limit headers (§4.5); a proxy may add Retry-After. */
static void
youtube_respond_rate_limited (WartaTestServer   *server,
                              SoupServerMessage *msg,
                              guint              seconds)
{
  g_autofree char *after = g_strdup_printf ("%u", seconds);

  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Retry-After", after);
  respond_google_error (msg, 429, "usageLimits", "rateLimitExceeded", "Too Many Requests",
                        "RESOURCE_EXHAUSTED");
}

static gboolean
authorized (WartaTestServer   *server,
            SoupServerMessage *msg)
{
  const char *auth = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                   "Authorization");

  if (!_warta_test_server_is_revoked (server) &&
      g_strcmp0 (auth, "Bearer " WARTA_TEST_YOUTUBE_TOKEN) == 0)
    return TRUE;
  youtube_respond_error (server, msg, "authError");
  return FALSE;
}

static JsonNode *
video_json (Session *s)
{
  JsonBuilder *b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "kind");
  json_builder_add_string_value (b, "youtube#video");
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, s->video_id);
  json_builder_set_member_name (b, "snippet");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "title");
  json_builder_add_string_value (b, s->title);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "status");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "uploadStatus");
  json_builder_add_string_value (b, "uploaded");
  json_builder_set_member_name (b, "privacyStatus");
  json_builder_add_string_value (b, "private");
  json_builder_end_object (b);
  json_builder_end_object (b);
  return _warta_test_server_build (b);
}

static void
start_session (WartaTestServer   *server,
               SoupServerMessage *msg,
               GHashTable        *query)
{
  State *st = get_state (server);
  SoupMessageHeaders *h = soup_server_message_get_request_headers (msg);
  const char *length = soup_message_headers_get_one (h, "X-Upload-Content-Length");
  g_autoptr(JsonNode) root = _warta_test_server_parse_json (msg);
  JsonObject *snippet = NULL;
  JsonObject *status = NULL;
  const char *title = NULL;
  const char *description = NULL;
  const char *privacy = NULL;
  g_autofree char *location = NULL;
  Session *s;

  if (g_strcmp0 (query ? g_hash_table_lookup (query, "uploadType") : NULL, "resumable") != 0)
    {
      respond_google_error (msg, 400, "global", "badRequest", "Media type not supported.",
                            "INVALID_ARGUMENT");
      return;
    }
  if (root && JSON_NODE_HOLDS_OBJECT (root))
    {
      JsonObject *o = json_node_get_object (root);

      if (json_object_has_member (o, "snippet"))
        snippet = json_object_get_object_member (o, "snippet");
      if (json_object_has_member (o, "status"))
        status = json_object_get_object_member (o, "status");
    }
  if (snippet && json_object_has_member (snippet, "title"))
    title = json_object_get_string_member (snippet, "title");
  if (snippet && json_object_has_member (snippet, "description"))
    description = json_object_get_string_member (snippet, "description");
  if (status && json_object_has_member (status, "privacyStatus"))
    privacy = json_object_get_string_member (status, "privacyStatus");

  if (title == NULL || *title == '\0' || g_utf8_strlen (title, -1) > 100 ||
      strpbrk (title, "<>") != NULL)
    {
      youtube_respond_error (server, msg, "invalidTitle");
      return;
    }
  if (description && (strlen (description) > 5000 || strpbrk (description, "<>") != NULL))
    {
      respond_google_error (msg, 400, "youtube.video", "invalidDescription",
                            "The request metadata specifies an invalid video description.",
                            "INVALID_ARGUMENT");
      return;
    }
  if (privacy && !g_strv_contains ((const char *[]) { "public", "unlisted", "private", NULL },
                                   privacy))
    {
      respond_google_error (msg, 400, "youtube.video", "invalidVideoMetadata",
                            "The request metadata is invalid.", "INVALID_ARGUMENT");
      return;
    }
  if (length == NULL || g_ascii_strtoull (length, NULL, 10) == 0)
    {
      respond_google_error (msg, 400, "youtube.video", "mediaBodyRequired",
                            "The request does not include the video content.", "INVALID_ARGUMENT");
      return;
    }

  s = g_new0 (Session, 1);
  s->upload_id = g_strdup_printf ("xa%" G_GINT64_FORMAT "_f", _warta_test_server_next_id (server));
  s->total = g_ascii_strtoull (length, NULL, 10);
  s->title = g_strdup (title);
  s->committed_sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_hash_table_replace (st->sessions, s->upload_id, s);

  location = g_strdup_printf ("%s" UPLOAD_PATH "?uploadType=resumable&upload_id=%s&part=snippet,status",
                              warta_test_server_get_url (server), s->upload_id);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Location",
                                location);
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/json; charset=UTF-8", SOUP_MEMORY_STATIC,
                                    "", 0);
}

static Session *
find_session (WartaTestServer *server,
              GHashTable      *query)
{
  const char *id = query ? g_hash_table_lookup (query, "upload_id") : NULL;

  return id ? g_hash_table_lookup (get_state (server)->sessions, id) : NULL;
}

/* Commits what arrived at each 256 KiB boundary, or at @to. */
static void
commit (Put     *p,
        guint64  to)
{
  Session *s = p->session;

  if (to <= s->committed)
    return;
  s->committed = to;
  if (p->live)
    {
      g_checksum_free (s->committed_sum);
      s->committed_sum = g_checksum_copy (p->live);
    }
}

static void
put_chunk_cb (SoupServerMessage *msg,
              GBytes            *chunk,
              gpointer           user_data)
{
  Put *p = user_data;
  gsize len;
  const guchar *data = g_bytes_get_data (chunk, &len);

  while (len > 0)
    {
      gsize n;

      if (p->pos < p->session->committed)
        {
          /* Bytes the server has already: skipped. */
          n = (gsize) MIN ((guint64) len, p->session->committed - p->pos);
          p->pos += n;
          data += n;
          len -= n;
          continue;
        }
      n = (gsize) MIN ((guint64) len, UNIT - (p->pos % UNIT));
      if (p->live)
        g_checksum_update (p->live, data, n);
      p->pos += n;
      data += n;
      len -= n;
      if (p->pos % UNIT == 0)
        commit (p, p->pos);
    }
}

static gboolean
parse_content_range (const char *value,
                     guint64    *start,
                     guint64    *end,
                     guint64    *total,
                     gboolean   *probe)
{
  char *rest = NULL;

  if (value == NULL || !g_str_has_prefix (value, "bytes "))
    return FALSE;
  value += strlen ("bytes ");
  *probe = value[0] == '*';
  if (*probe)
    {
      *total = g_ascii_strtoull (value + 2, &rest, 10);
      return value[1] == '/' && rest != value + 2;
    }
  *start = g_ascii_strtoull (value, &rest, 10);
  if (*rest != '-')
    return FALSE;
  *end = g_ascii_strtoull (rest + 1, &rest, 10) + 1;
  if (*rest != '/')
    return FALSE;
  *total = g_ascii_strtoull (rest + 1, NULL, 10);
  return *end > *start;
}

/* Early: a PUT on a live session with a sensible Content-Range streams. */
static gboolean
youtube_stream (WartaTestServer   *server,
                SoupServerMessage *msg,
                const char        *path,
                GHashTable        *query)
{
  SoupMessageHeaders *h = soup_server_message_get_request_headers (msg);
  Session *s = find_session (server, query);
  guint64 start = 0, end = 0, total = 0;
  gboolean probe = FALSE;
  Put *p;

  if (!g_str_equal (soup_server_message_get_method (msg), "PUT"))
    return FALSE;
  p = g_new0 (Put, 1);
  g_object_set_data_full (G_OBJECT (msg), "youtube-put", p, put_free);
  if (s == NULL || s->expired || s->video_id)
    return TRUE;

  if (soup_message_headers_get_one (h, "Content-Range") == NULL)
    {
      /* One PUT of the whole file (curl -T): bytes 0-(total-1). */
      start = 0;
      end = (guint64) soup_message_headers_get_content_length (h);
      total = s->total;
    }
  else if (!parse_content_range (soup_message_headers_get_one (h, "Content-Range"), &start, &end,
                                 &total, &probe) || probe)
    return TRUE;

  if (total != s->total || end > total || start > s->committed ||
      (guint64) soup_message_headers_get_content_length (h) != end - start)
    return TRUE;

  p->session = s;
  p->start = p->pos = start;
  p->end = end;
  p->accepted = TRUE;
  if (_warta_test_server_is_hashing (server))
    p->live = g_checksum_copy (s->committed_sum);
  g_signal_connect (msg, "got-chunk", G_CALLBACK (put_chunk_cb), p);
  return TRUE;
}

static void
respond_progress (WartaTestServer   *server,
                  SoupServerMessage *msg,
                  Session           *s)
{
  State *st = get_state (server);

  if (s->committed == s->total && s->video_id == NULL)
    {
      g_autofree char *hash = NULL;

      s->video_id = g_strdup_printf ("vid%08" G_GINT64_FORMAT,
                                     _warta_test_server_next_id (server) % 100000000);
      st->videos++;
      if (_warta_test_server_is_hashing (server))
        hash = g_strdup (g_checksum_get_string (s->committed_sum));
      _warta_test_server_set_file (server, s->total, hash);
      _warta_test_server_respond_json (msg, SOUP_STATUS_CREATED, video_json (s));
      return;
    }
  if (s->video_id)
    {
      _warta_test_server_respond_json (msg, SOUP_STATUS_OK, video_json (s));
      return;
    }
  if (s->committed > 0)
    {
      g_autofree char *range = g_strdup_printf ("bytes=0-%" G_GUINT64_FORMAT, s->committed - 1);

      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Range", range);
    }
  soup_server_message_set_status (msg, 308, "Resume Incomplete");
}

static void
put_upload (WartaTestServer   *server,
            SoupServerMessage *msg,
            GHashTable        *query)
{
  SoupMessageHeaders *h = soup_server_message_get_request_headers (msg);
  Session *s = find_session (server, query);
  Put *p = g_object_get_data (G_OBJECT (msg), "youtube-put");
  const char *content_range = soup_message_headers_get_one (h, "Content-Range");
  guint64 start = 0, end = 0, total = 0;
  gboolean probe = FALSE;

  if (s == NULL || s->expired)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
      soup_server_message_set_response (msg, "text/plain", SOUP_MEMORY_STATIC, "Not Found", 9);
      return;
    }
  if (content_range && !parse_content_range (content_range, &start, &end, &total, &probe))
    {
      respond_google_error (msg, 400, "global", "badContent", "Failed to parse Content-Range header.",
                            "INVALID_ARGUMENT");
      return;
    }
  if (content_range && total != s->total)
    {
      respond_google_error (msg, 400, "global", "badContent",
                            "The Content-Range total does not match X-Upload-Content-Length.",
                            "INVALID_ARGUMENT");
      return;
    }
  if (p && p->accepted && p->pos == p->end)
    commit (p, p->end);
  respond_progress (server, msg, s);
}

char *
warta_test_youtube_channel_id (const char *username)
{
  g_autofree char *sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, username, -1);

  /* "UC" and 22 more, as YouTube's channel ids. */
  return g_strdup_printf ("UC%.22s", sum);
}

char *
warta_test_youtube_channel_title (const char *username)
{
  return g_strdup_printf ("Channel of %s", username);
}

void
warta_test_youtube_respond_channels (SoupServerMessage *msg,
                                     GHashTable        *query,
                                     const char        *username,
                                     const char        *long_uploads)
{
  const char *part = query ? g_hash_table_lookup (query, "part") : NULL;
  g_auto(GStrv) parts = part ? g_strsplit (part, ",", -1) : NULL;
  JsonBuilder *b;

  if (!g_str_equal (soup_server_message_get_method (msg), "GET"))
    {
      respond_google_error (msg, 405, "global", "httpMethodNotAllowed", "Method Not Allowed",
                            "INVALID_ARGUMENT");
      return;
    }
  if (part == NULL)
    {
      respond_google_error (msg, 400, "global", "required", "Required parameter: part",
                            "INVALID_ARGUMENT");
      return;
    }
  if (g_strcmp0 (g_hash_table_lookup (query, "mine"), "true") != 0)
    {
      respond_google_error (msg, 400, "youtube.parameter", "missingRequiredParameter",
                            "No filter selected. Expected one of: forUsername, managedByMe, forHandle, mine, id, mySubscribers, categoryId",
                            "INVALID_ARGUMENT");
      return;
    }

  b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "kind");
  json_builder_add_string_value (b, "youtube#channelListResponse");
  json_builder_set_member_name (b, "etag");
  json_builder_add_string_value (b, "pBjYbQjGCQw3pnBKwAAk9xHUeXE");
  json_builder_set_member_name (b, "pageInfo");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "totalResults");
  json_builder_add_int_value (b, username ? 1 : 0);
  json_builder_set_member_name (b, "resultsPerPage");
  json_builder_add_int_value (b, 5);
  json_builder_end_object (b);
  /* A Google account without a channel: no items at all. */
  if (username)
    {
      g_autofree char *id = warta_test_youtube_channel_id (username);
      g_autofree char *title = warta_test_youtube_channel_title (username);
      g_autofree char *handle = g_strconcat ("@", username, NULL);

      json_builder_set_member_name (b, "items");
      json_builder_begin_array (b);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "kind");
      json_builder_add_string_value (b, "youtube#channel");
      json_builder_set_member_name (b, "etag");
      json_builder_add_string_value (b, "x3b0Kq9Qq2dWmM1B3kE1l0Jc5aE");
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, id);
      /* Only the parts asked for. */
      if (parts && g_strv_contains ((const char * const *) parts, "snippet"))
        {
          json_builder_set_member_name (b, "snippet");
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "title");
          json_builder_add_string_value (b, title);
          json_builder_set_member_name (b, "description");
          json_builder_add_string_value (b, "");
          json_builder_set_member_name (b, "customUrl");
          json_builder_add_string_value (b, handle);
          json_builder_set_member_name (b, "publishedAt");
          json_builder_add_string_value (b, "2015-03-01T02:00:00Z");
          json_builder_set_member_name (b, "localized");
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "title");
          json_builder_add_string_value (b, title);
          json_builder_set_member_name (b, "description");
          json_builder_add_string_value (b, "");
          json_builder_end_object (b);
          json_builder_set_member_name (b, "country");
          json_builder_add_string_value (b, "ID");
          json_builder_end_object (b);
        }
      /* A channel resource's status part: longUploadsStatus is "allowed"
       * for a verified channel, "eligible" for one that may verify,
       * "disallowed" for one that may not. */
      if (parts && g_strv_contains ((const char * const *) parts, "status"))
        {
          json_builder_set_member_name (b, "status");
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "privacyStatus");
          json_builder_add_string_value (b, "public");
          json_builder_set_member_name (b, "isLinked");
          json_builder_add_boolean_value (b, TRUE);
          if (long_uploads)
            {
              json_builder_set_member_name (b, "longUploadsStatus");
              json_builder_add_string_value (b, long_uploads);
            }
          json_builder_set_member_name (b, "madeForKids");
          json_builder_add_boolean_value (b, FALSE);
          json_builder_end_object (b);
        }
      json_builder_end_object (b);
      json_builder_end_array (b);
    }
  json_builder_end_object (b);
  _warta_test_server_respond_json (msg, SOUP_STATUS_OK, _warta_test_server_build (b));
}

/* videos.delete: 204 No Content; a video not there, 404 videoNotFound. */
static void
delete_video (WartaTestServer   *server,
              SoupServerMessage *msg,
              const char        *id)
{
  State *st = get_state (server);
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, st->sessions);
  while (id != NULL && g_hash_table_iter_next (&iter, NULL, &value))
    {
      Session *s = value;

      if (s->video_id == NULL || s->deleted || !g_str_equal (s->video_id, id))
        continue;
      s->deleted = TRUE;
      st->deleted++;
      soup_server_message_set_status (msg, SOUP_STATUS_NO_CONTENT, NULL);
      return;
    }
  respond_google_error (msg, 404, "youtube.video", "videoNotFound",
                        "The video identified by the <code>id</code> parameter could not be found.",
                        "NOT_FOUND");
}

static void
youtube_dispatch (WartaTestServer   *server,
                  SoupServerMessage *msg,
                  const char        *path,
                  GHashTable        *query)
{
  const char *method = soup_server_message_get_method (msg);

  if (!authorized (server, msg))
    return;
  if (g_str_equal (path, UPLOAD_PATH) && g_str_equal (method, "POST"))
    start_session (server, msg, query);
  else if (g_str_equal (path, UPLOAD_PATH) && g_str_equal (method, "PUT"))
    put_upload (server, msg, query);
  else if (g_str_equal (path, "/youtube/v3/videos") && g_str_equal (method, "DELETE"))
    delete_video (server, msg, query ? g_hash_table_lookup (query, "id") : NULL);
  else if (g_str_equal (path, "/youtube/v3/channels"))
    warta_test_youtube_respond_channels (msg, query, get_state (server)->channel_owner,
                                         get_state (server)->long_uploads);
  else
    respond_google_error (msg, 404, "global", "notFound", "Not Found", "NOT_FOUND");
}

static gpointer
youtube_state_new (WartaTestServer *server)
{
  State *st = g_new0 (State, 1);

  st->server = server;
  st->sessions = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, session_free);
  st->channel_owner = g_strdup (WARTA_TEST_YOUTUBE_CHANNEL_OWNER);
  st->long_uploads = g_strdup ("allowed");
  _warta_test_server_add_streamed_path (server, UPLOAD_PATH, youtube_stream);
  return st;
}

static void
youtube_state_free (gpointer data)
{
  State *st = data;

  g_hash_table_unref (st->sessions);
  g_free (st->channel_owner);
  g_free (st->long_uploads);
  g_free (st);
}

static void
youtube_expire (WartaTestServer *server)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, get_state (server)->sessions);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    ((Session *) value)->expired = TRUE;
}

static guint
youtube_post_count (WartaTestServer *server)
{
  return get_state (server)->videos;
}

static const WartaTestPlatformOps youtube_ops = {
  .server_header = "UploadServer",
  .state_new = youtube_state_new,
  .state_free = youtube_state_free,
  .dispatch = youtube_dispatch,
  .respond_status = youtube_respond_status,
  .respond_rate_limited = youtube_respond_rate_limited,
  .respond_error = youtube_respond_error,
  .expire = youtube_expire,
  .post_count = youtube_post_count,
  .media_count = youtube_post_count,
};

WartaTestServer *
warta_test_youtube_server_new (void)
{
  return _warta_test_server_new_with_ops (WARTA_TEST_YOUTUBE, &youtube_ops);
}

guint
warta_test_youtube_server_get_deleted_count (WartaTestServer *server)
{
  return get_state (server)->deleted;
}

void
warta_test_youtube_server_set_channel_owner (WartaTestServer *server,
                                             const char      *username)
{
  State *st = get_state (server);

  g_free (st->channel_owner);
  st->channel_owner = g_strdup (username);
}

void
warta_test_youtube_server_set_long_uploads (WartaTestServer *server,
                                            const char      *status)
{
  State *st = get_state (server);

  g_free (st->long_uploads);
  st->long_uploads = g_strdup (status);
}
