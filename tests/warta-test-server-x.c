/* warta-test-server-x.c: a loopback X API v2 (media upload and posts)
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * platform-apis.md §3: /2/media/upload/initialize, /{id}/append (multipart
 * media + segment_index), /{id}/finalize with processing_info, the STATUS
 * poll (pending → in_progress → succeeded after the processing polls),
 * POST /2/tweets (201, 403 for duplicate text, 400 for media not ready),
 * /2/users/me and /2/users/{id}/tweets; problem+json errors; x-rate-limit-*
 * headers with an epoch reset on every answer.
 *
 * Errors by name: "88" (429, legacy body), "duplicate", "usage-capped",
 * "client-forbidden", "invalid-request", "InvalidMedia" (the status poll
 * says processing failed), "daily-cap" (429 with x-user-limit-24hour-*),
 * "timeline-lag" (on GET /2/users/{id}/tweets: the timeline without its
 * newest post, as a timeline read just after the post may be).
 */
#include "config.h"

#include <string.h>

#include "warta-test-server-private.h"

typedef struct
{
  char *id;
  char *media_type;
  char *category;
  guint64 total;
  GHashTable *segments;      /* index → GBytes */
  gboolean finalized;
  guint polls_left;
  gboolean failed;
  char *state;
} Media;

typedef struct
{
  char *id;
  char *text;
} Tweet;

typedef struct
{
  GHashTable *media;         /* id → Media */
  GPtrArray *tweets;         /* Tweet, oldest first */
  guint finalized;
  guint deleted;
} State;

static void
media_free (gpointer data)
{
  Media *m = data;

  g_free (m->id);
  g_free (m->media_type);
  g_free (m->category);
  g_hash_table_unref (m->segments);
  g_free (m->state);
  g_free (m);
}

static void
tweet_free (gpointer data)
{
  Tweet *t = data;

  g_free (t->id);
  g_free (t->text);
  g_free (t);
}

static State *
get_state (WartaTestServer *server)
{
  return _warta_test_server_get_state (server);
}

static void
add_rate_headers (SoupServerMessage *msg,
                  guint              remaining,
                  guint              reset_in)
{
  SoupMessageHeaders *h = soup_server_message_get_response_headers (msg);
  g_autofree char *left = g_strdup_printf ("%u", remaining);
  g_autofree char *reset = g_strdup_printf ("%" G_GINT64_FORMAT,
                                            g_get_real_time () / G_USEC_PER_SEC + reset_in);

  soup_message_headers_replace (h, "x-rate-limit-limit", "1875");
  soup_message_headers_replace (h, "x-rate-limit-remaining", left);
  soup_message_headers_replace (h, "x-rate-limit-reset", reset);
}

static void
respond_problem (SoupServerMessage *msg,
                 guint              status,
                 const char        *title,
                 const char        *type,
                 const char        *detail)
{
  JsonBuilder *b = json_builder_new ();
  g_autofree char *type_url = type ? g_strconcat ("https://api.x.com/2/problems/", type, NULL)
                                   : g_strdup ("about:blank");
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  JsonNode *node;
  char *text;
  gsize len;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "title");
  json_builder_add_string_value (b, title);
  json_builder_set_member_name (b, "detail");
  json_builder_add_string_value (b, detail);
  json_builder_set_member_name (b, "type");
  json_builder_add_string_value (b, type_url);
  json_builder_set_member_name (b, "status");
  json_builder_add_int_value (b, status);
  json_builder_end_object (b);
  node = _warta_test_server_build (b);
  json_generator_set_root (gen, node);
  text = json_generator_to_data (gen, &len);
  json_node_unref (node);
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/problem+json", SOUP_MEMORY_TAKE, text, len);
}

static void respond_timeline (WartaTestServer   *server,
                              SoupServerMessage *msg,
                              guint              hidden);

static void
x_respond_error (WartaTestServer   *server,
                 SoupServerMessage *msg,
                 const char        *name)
{
  SoupMessageHeaders *h = soup_server_message_get_response_headers (msg);

  if (g_str_equal (name, "88"))
    {
      JsonBuilder *b = json_builder_new ();

      add_rate_headers (msg, 0, 1);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "errors");
      json_builder_begin_array (b);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "code");
      json_builder_add_int_value (b, 88);
      json_builder_set_member_name (b, "message");
      json_builder_add_string_value (b, "Rate limit exceeded");
      json_builder_end_object (b);
      json_builder_end_array (b);
      json_builder_end_object (b);
      _warta_test_server_respond_json (msg, 429, _warta_test_server_build (b));
    }
  else if (g_str_equal (name, "daily-cap"))
    {
      g_autofree char *reset = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                g_get_real_time () / G_USEC_PER_SEC + 7200);

      add_rate_headers (msg, 50, 1);
      soup_message_headers_replace (h, "x-user-limit-24hour-limit", "100");
      soup_message_headers_replace (h, "x-user-limit-24hour-remaining", "0");
      soup_message_headers_replace (h, "x-user-limit-24hour-reset", reset);
      respond_problem (msg, 429, "Too Many Requests", "rate-limit-exceeded", "Too Many Requests");
    }
  else if (g_str_equal (name, "timeline-lag"))
    respond_timeline (server, msg, 1);
  else if (g_str_equal (name, "duplicate"))
    respond_problem (msg, 403, "Forbidden", NULL,
                     "You are not allowed to create a Tweet with duplicate content.");
  else if (g_str_equal (name, "usage-capped"))
    respond_problem (msg, 403, "Usage capped", "usage-capped",
                     "Your enrolled account has exceeded its usage cap.");
  else if (g_str_equal (name, "client-forbidden"))
    respond_problem (msg, 403, "Client Forbidden", "client-forbidden",
                     "When authenticating requests to the Twitter API v2 endpoints, you must use keys and tokens from a Twitter developer App that is attached to a Project.");
  else if (g_str_equal (name, "invalid-request"))
    respond_problem (msg, 400, "Invalid Request", "invalid-request",
                     "One or more parameters to your request was invalid.");
  else if (g_str_equal (name, "InvalidMedia"))
    {
      const char *q = g_uri_get_query (soup_server_message_get_uri (msg));
      g_autoptr(GHashTable) qp = q ? g_uri_parse_params (q, -1, "&", G_URI_PARAMS_NONE, NULL) : NULL;
      const char *id = qp ? g_hash_table_lookup (qp, "media_id") : NULL;
      Media *m = id ? g_hash_table_lookup (get_state (server)->media, id) : NULL;
      JsonBuilder *b = json_builder_new ();

      if (m)
        m->failed = TRUE;
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "data");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, m ? m->id : "0");
      json_builder_set_member_name (b, "processing_info");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "state");
      json_builder_add_string_value (b, "failed");
      json_builder_set_member_name (b, "error");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "code");
      json_builder_add_int_value (b, 1);
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, "InvalidMedia");
      json_builder_set_member_name (b, "message");
      json_builder_add_string_value (b, "Unsupported video format");
      json_builder_end_object (b);
      json_builder_end_object (b);
      json_builder_end_object (b);
      json_builder_end_object (b);
      add_rate_headers (msg, 999, 900);
      _warta_test_server_respond_json (msg, 200, _warta_test_server_build (b));
    }
  else
    g_error ("unknown X error %s", name);
}

static void
x_respond_status (WartaTestServer   *server,
                  SoupServerMessage *msg,
                  guint              status)
{
  respond_problem (msg, status, soup_status_get_phrase (status), NULL,
                   soup_status_get_phrase (status));
}

/* X sends no Retry-After: the reset header says when (§3.7). */
static void
x_respond_rate_limited (WartaTestServer   *server,
                        SoupServerMessage *msg,
                        guint              seconds)
{
  add_rate_headers (msg, 0, seconds);
  respond_problem (msg, 429, "Too Many Requests", "rate-limit-exceeded", "Too Many Requests");
}

static gboolean
authorized (WartaTestServer   *server,
            SoupServerMessage *msg)
{
  const char *auth = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                   "Authorization");

  if (!_warta_test_server_is_revoked (server) && g_strcmp0 (auth, "Bearer " WARTA_TEST_X_TOKEN) == 0)
    return TRUE;
  respond_problem (msg, 401, "Unauthorized", NULL, "Unauthorized");
  return FALSE;
}

static void
respond_data (SoupServerMessage *msg,
              guint              status,
              JsonBuilder       *b)
{
  add_rate_headers (msg, 1874, 900);
  _warta_test_server_respond_json (msg, status, _warta_test_server_build (b));
}

static void
media_json (JsonBuilder *b,
            Media       *m,
            gboolean     with_state)
{
  g_autofree char *key = g_strdup_printf ("%c_%s", g_str_has_prefix (m->category, "tweet_video")
                                                   ? '7' : '3', m->id);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "data");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, m->id);
  json_builder_set_member_name (b, "media_key");
  json_builder_add_string_value (b, key);
  json_builder_set_member_name (b, "size");
  json_builder_add_int_value (b, (gint64) m->total);
  json_builder_set_member_name (b, "expires_after_secs");
  json_builder_add_int_value (b, 86400);
  if (with_state && m->state)
    {
      json_builder_set_member_name (b, "processing_info");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "state");
      json_builder_add_string_value (b, m->state);
      if (!g_str_equal (m->state, "succeeded"))
        {
          json_builder_set_member_name (b, "check_after_secs");
          json_builder_add_int_value (b, 1);
          json_builder_set_member_name (b, "progress_percent");
          json_builder_add_int_value (b, g_str_equal (m->state, "pending") ? 0 : 50);
        }
      json_builder_end_object (b);
    }
  json_builder_end_object (b);
  json_builder_end_object (b);
}

static void
initialize (WartaTestServer   *server,
            SoupServerMessage *msg)
{
  g_autoptr(GHashTable) params = _warta_test_server_params (msg, NULL);
  const char *type = g_hash_table_lookup (params, "media_type");
  const char *total = g_hash_table_lookup (params, "total_bytes");
  const char *category = g_hash_table_lookup (params, "media_category");
  JsonBuilder *b;
  Media *m;

  if (type == NULL || total == NULL || g_ascii_strtoull (total, NULL, 10) == 0 ||
      (category && !g_strv_contains ((const char *[]) { "tweet_image", "tweet_gif", "tweet_video",
                                                        "amplify_video", "subtitles", NULL },
                                     category)))
    {
      x_respond_error (server, msg, "invalid-request");
      return;
    }
  m = g_new0 (Media, 1);
  m->id = g_strdup_printf ("18800281%011" G_GINT64_FORMAT, _warta_test_server_next_id (server));
  m->media_type = g_strdup (type);
  m->category = g_strdup (category ? category : "tweet_image");
  m->total = g_ascii_strtoull (total, NULL, 10);
  m->segments = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                       (GDestroyNotify) g_bytes_unref);
  g_hash_table_replace (get_state (server)->media, m->id, m);

  b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "data");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, m->id);
  json_builder_set_member_name (b, "expires_after_secs");
  json_builder_add_int_value (b, 86400);
  json_builder_end_object (b);
  json_builder_end_object (b);
  respond_data (msg, 200, b);
}

static void
append (WartaTestServer   *server,
        SoupServerMessage *msg,
        Media             *m)
{
  g_autoptr(GHashTable) params = _warta_test_server_params (msg, NULL);
  const char *index = g_hash_table_lookup (params, "segment_index");
  GBytes *media = g_object_get_data (G_OBJECT (msg), "media");
  guint64 n = index ? g_ascii_strtoull (index, NULL, 10) : G_MAXUINT64;
  JsonBuilder *b;

  if (media == NULL || n > 999)
    {
      respond_problem (msg, 400, "Invalid Request", "invalid-request", "Missing media field");
      return;
    }
  if (m->finalized)
    {
      respond_problem (msg, 400, "Invalid Request", "invalid-request",
                       "The media has been finalized already.");
      return;
    }
  /* A segment sent again replaces the earlier one. */
  g_hash_table_replace (m->segments, GUINT_TO_POINTER ((guint) n), g_bytes_ref (media));

  b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "data");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "expires_at");
  json_builder_add_int_value (b, g_get_real_time () / G_USEC_PER_SEC + 86400);
  json_builder_end_object (b);
  json_builder_end_object (b);
  respond_data (msg, 200, b);
}

static void
finalize (WartaTestServer   *server,
          SoupServerMessage *msg,
          Media             *m)
{
  JsonBuilder *b;

  if (!m->finalized)
    {
      g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
      guint count = g_hash_table_size (m->segments);
      guint64 size = 0;

      for (guint i = 0; i < count; i++)
        {
          GBytes *segment = g_hash_table_lookup (m->segments, GUINT_TO_POINTER (i));

          if (segment == NULL)
            {
              respond_problem (msg, 400, "Invalid Request", "invalid-request",
                               "Segments are missing: indexes must be 0 to N-1 without gaps.");
              return;
            }
          g_checksum_update (sum, g_bytes_get_data (segment, NULL), g_bytes_get_size (segment));
          size += g_bytes_get_size (segment);
        }
      if (size != m->total)
        {
          respond_problem (msg, 400, "Invalid Request", "invalid-request",
                           "File size does not match total_bytes.");
          return;
        }
      m->finalized = TRUE;
      get_state (server)->finalized++;
      _warta_test_server_set_file (server, size, g_checksum_get_string (sum));
      g_hash_table_remove_all (m->segments);
      if (!g_str_equal (m->category, "tweet_image"))
        {
          m->polls_left = _warta_test_server_get_processing_polls (server);
          m->state = g_strdup (m->polls_left > 0 ? "pending" : "succeeded");
        }
    }
  b = json_builder_new ();
  media_json (b, m, TRUE);
  respond_data (msg, 200, b);
}

static void
status (WartaTestServer   *server,
        SoupServerMessage *msg,
        GHashTable        *query)
{
  const char *id = query ? g_hash_table_lookup (query, "media_id") : NULL;
  Media *m = id ? g_hash_table_lookup (get_state (server)->media, id) : NULL;
  JsonBuilder *b;

  if (g_strcmp0 (query ? g_hash_table_lookup (query, "command") : NULL, "STATUS") != 0 ||
      m == NULL || !m->finalized)
    {
      respond_problem (msg, 400, "Invalid Request", "invalid-request", "Invalid media_id.");
      return;
    }
  if (m->polls_left > 0 && --m->polls_left == 0)
    {
      g_free (m->state);
      m->state = g_strdup ("succeeded");
    }
  else if (m->polls_left > 0)
    {
      g_free (m->state);
      m->state = g_strdup ("in_progress");
    }
  b = json_builder_new ();
  media_json (b, m, TRUE);
  respond_data (msg, 200, b);
}

/* Links become t.co links, as X shows them; & < > come back escaped. */
static char *
x_text (const char *text)
{
  g_autoptr(GRegex) url = g_regex_new ("https?://\\S+", 0, 0, NULL);
  g_autofree char *linked = g_regex_replace_literal (url, text, -1, 0, "https://t.co/AbCdEf1234",
                                                     0, NULL);
  GString *s = g_string_new (linked);

  g_string_replace (s, "&", "&amp;", 0);
  g_string_replace (s, "<", "&lt;", 0);
  g_string_replace (s, ">", "&gt;", 0);
  return g_string_free (s, FALSE);
}

static void
tweet_json (JsonBuilder *b,
            Tweet       *t)
{
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, t->id);
  json_builder_set_member_name (b, "text");
  json_builder_add_string_value (b, t->text);
  json_builder_set_member_name (b, "edit_history_tweet_ids");
  json_builder_begin_array (b);
  json_builder_add_string_value (b, t->id);
  json_builder_end_array (b);
  json_builder_end_object (b);
}

/* DELETE /2/tweets/:id → {"data": {"deleted": true}} (§3.2); a post not
 * there answers the resource-not-found problem, as any unknown id. */
static void
delete_tweet (WartaTestServer   *server,
              SoupServerMessage *msg,
              const char        *id)
{
  State *st = get_state (server);
  JsonBuilder *b;

  for (guint i = 0; i < st->tweets->len; i++)
    {
      Tweet *t = st->tweets->pdata[i];

      if (!g_str_equal (t->id, id))
        continue;
      g_ptr_array_remove_index (st->tweets, i);
      st->deleted++;
      b = json_builder_new ();
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "data");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "deleted");
      json_builder_add_boolean_value (b, TRUE);
      json_builder_end_object (b);
      json_builder_end_object (b);
      respond_data (msg, 200, b);
      return;
    }
  {
    g_autofree char *detail = g_strdup_printf ("Could not find tweet with id: [%s].", id);

    respond_problem (msg, 404, "Not Found Error", "resource-not-found", detail);
  }
}

static void
create_tweet (WartaTestServer   *server,
              SoupServerMessage *msg)
{
  State *st = get_state (server);
  g_autoptr(JsonNode) root = _warta_test_server_parse_json (msg);
  JsonObject *o = root && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  const char *text = o && json_object_has_member (o, "text")
                     ? json_object_get_string_member (o, "text") : NULL;
  JsonObject *media = o && json_object_has_member (o, "media")
                      ? json_object_get_object_member (o, "media") : NULL;
  JsonArray *ids = media && json_object_has_member (media, "media_ids")
                   ? json_object_get_array_member (media, "media_ids") : NULL;
  g_autofree char *shown = NULL;
  JsonBuilder *b;
  Tweet *t;

  if ((text == NULL || *text == '\0') && (ids == NULL || json_array_get_length (ids) == 0))
    {
      respond_problem (msg, 400, "Invalid Request", "invalid-request",
                       "One or more parameters to your request was invalid.");
      return;
    }
  for (guint i = 0; ids && i < json_array_get_length (ids); i++)
    {
      Media *m = g_hash_table_lookup (st->media, json_array_get_string_element (ids, i));

      if (m == NULL || !m->finalized || m->failed ||
          (m->state && !g_str_equal (m->state, "succeeded")))
        {
          respond_problem (msg, 400, "Invalid Request", "invalid-request",
                           "Your media IDs are invalid.");
          return;
        }
    }
  shown = x_text (text ? text : "");
  for (guint i = 0; i < st->tweets->len; i++)
    if (g_str_equal (((Tweet *) st->tweets->pdata[i])->text, shown) && *shown)
      {
        x_respond_error (server, msg, "duplicate");
        return;
      }

  t = g_new0 (Tweet, 1);
  t->id = g_strdup_printf ("18800281100%08" G_GINT64_FORMAT, _warta_test_server_next_id (server));
  t->text = g_steal_pointer (&shown);
  g_ptr_array_add (st->tweets, t);

  b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "data");
  tweet_json (b, t);
  json_builder_end_object (b);
  respond_data (msg, 201, b);
}

/* The 20 newest posts, without the @hidden newest. */
static void
respond_timeline (WartaTestServer   *server,
                  SoupServerMessage *msg,
                  guint              hidden)
{
  State *st = get_state (server);
  JsonBuilder *b = json_builder_new ();
  guint n = st->tweets->len > hidden ? st->tweets->len - hidden : 0;

  json_builder_begin_object (b);
  if (n > 0)
    {
      json_builder_set_member_name (b, "data");
      json_builder_begin_array (b);
      for (guint i = n; i > 0 && i + 20 > n; i--)
        tweet_json (b, st->tweets->pdata[i - 1]);
      json_builder_end_array (b);
    }
  json_builder_set_member_name (b, "meta");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "result_count");
  json_builder_add_int_value (b, MIN (n, 20));
  json_builder_end_object (b);
  json_builder_end_object (b);
  respond_data (msg, 200, b);
}

static void
timeline (WartaTestServer   *server,
          SoupServerMessage *msg,
          const char        *user)
{
  if (!g_str_equal (user, WARTA_TEST_X_USER_ID))
    {
      respond_problem (msg, 404, "Not Found Error", "resource-not-found", "Could not find user.");
      return;
    }
  respond_timeline (server, msg, 0);
}

static void
x_dispatch (WartaTestServer   *server,
            SoupServerMessage *msg,
            const char        *path,
            GHashTable        *query)
{
  State *st = get_state (server);
  const char *method = soup_server_message_get_method (msg);
  gboolean post = g_str_equal (method, "POST");

  if (!authorized (server, msg))
    return;

  if (post && g_str_equal (path, "/2/media/upload/initialize"))
    initialize (server, msg);
  else if (post && g_str_has_prefix (path, "/2/media/upload/") &&
           (g_str_has_suffix (path, "/append") || g_str_has_suffix (path, "/finalize")))
    {
      g_autofree char *id = g_strdup (path + strlen ("/2/media/upload/"));
      Media *m;

      *strchr (id, '/') = '\0';
      m = g_hash_table_lookup (st->media, id);
      if (m == NULL)
        respond_problem (msg, 400, "Invalid Request", "invalid-request", "Invalid media_id.");
      else if (g_str_has_suffix (path, "/append"))
        append (server, msg, m);
      else
        finalize (server, msg, m);
    }
  else if (g_str_equal (method, "GET") && g_str_equal (path, "/2/media/upload"))
    status (server, msg, query);
  else if (post && g_str_equal (path, "/2/tweets"))
    create_tweet (server, msg);
  else if (g_str_equal (method, "DELETE") && g_str_has_prefix (path, "/2/tweets/"))
    delete_tweet (server, msg, path + strlen ("/2/tweets/"));
  else if (g_str_equal (method, "GET") && g_str_equal (path, "/2/users/me"))
    {
      JsonBuilder *b = json_builder_new ();

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "data");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, WARTA_TEST_X_USER_ID);
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, "Warta Kabupaten");
      json_builder_set_member_name (b, "username");
      json_builder_add_string_value (b, "warta_kab");
      json_builder_end_object (b);
      json_builder_end_object (b);
      respond_data (msg, 200, b);
    }
  else if (g_str_equal (method, "GET") && g_str_has_prefix (path, "/2/users/") &&
           g_str_has_suffix (path, "/tweets"))
    {
      g_autofree char *user = g_strndup (path + strlen ("/2/users/"),
                                         strlen (path) - strlen ("/2/users/") - strlen ("/tweets"));
      timeline (server, msg, user);
    }
  else
    respond_problem (msg, 404, "Not Found Error", "resource-not-found", "Not Found");
}

static gpointer
x_state_new (WartaTestServer *server)
{
  State *st = g_new0 (State, 1);

  st->media = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, media_free);
  st->tweets = g_ptr_array_new_with_free_func (tweet_free);
  return st;
}

static void
x_state_free (gpointer data)
{
  State *st = data;

  g_hash_table_unref (st->media);
  g_ptr_array_unref (st->tweets);
  g_free (st);
}

static void
x_expire (WartaTestServer *server)
{
  g_hash_table_remove_all (get_state (server)->media);
}

static guint
x_post_count (WartaTestServer *server)
{
  return get_state (server)->tweets->len;
}

static guint
x_media_count (WartaTestServer *server)
{
  return get_state (server)->finalized;
}

static const WartaTestPlatformOps x_ops = {
  .server_header = "tsa_b",
  .state_new = x_state_new,
  .state_free = x_state_free,
  .dispatch = x_dispatch,
  .respond_status = x_respond_status,
  .respond_rate_limited = x_respond_rate_limited,
  .respond_error = x_respond_error,
  .expire = x_expire,
  .post_count = x_post_count,
  .media_count = x_media_count,
};

WartaTestServer *
warta_test_x_server_new (void)
{
  return _warta_test_server_new_with_ops (WARTA_TEST_X, &x_ops);
}

guint
warta_test_x_server_get_deleted_count (WartaTestServer *server)
{
  return get_state (server)->deleted;
}
