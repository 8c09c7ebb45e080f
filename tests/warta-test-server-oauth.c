/* warta-test-server-oauth.c: loopback authorization servers for the six
 * OAuth platforms
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each server speaks one platform's documented protocol
 * (platform-apis.md): its authorize endpoint checks the client, the
 * redirect URI, the scope and the PKCE parameters and answers 302 to the
 * redirect URI with code and state (Instagram appends "#_"); its token
 * endpoints take the platform's parameter names and answer in its shapes,
 * errors included. Codes are single-use and short-lived (X: 30 s), PKCE
 * S256 is verified where the platform has it, and rotated refresh tokens
 * die when used.
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "warta-facebook.h"
#include "warta-test-server.h"
#include "warta-test-server-oauth.h"

typedef enum
{
  FB,
  IG,
  X,
  GOOGLE,
  TIKTOK,
  MASTODON,
} Platform;

typedef enum
{
  FAIL_GRANT,    /* a code or token that is unknown, used, expired */
  FAIL_CLIENT,   /* the client id or secret is wrong */
  FAIL_REQUEST,  /* a parameter is missing or wrong */
} Failure;

typedef struct
{
  char   *client_id;
  char   *redirect_uri;
  char   *challenge;    /* NULL without PKCE */
  gint64  issued_at;
  gboolean used;
} Code;

typedef struct
{
  char *id;
  char *name;
  char *token;
  char **tasks;
} Page;

struct _WartaTestOAuthServer
{
  Platform    platform;
  SoupServer *server;
  char       *url;
  gboolean    confidential;
  gboolean    deny;
  gboolean    forge_state;
  gboolean    flat_answer;
  guint       error_status;
  gint64      offset;          /* µs the clock runs ahead */
  guint       serial;
  GHashTable *codes;           /* code → Code */
  GHashTable *access;          /* access token → issue time (gint64 *) */
  GHashTable *refresh;         /* live refresh tokens */
  GHashTable *short_lived;     /* Meta: short-lived user tokens */
  GHashTable *apps;            /* Mastodon: client id → Code (client and redirect URI) */
  GHashTable *app_secrets;     /* Mastodon: client id → secret */
  GPtrArray  *pages;
  guint       page_size;       /* Facebook: the most Pages in one answer */
  guint       n_page_requests;
  char       *username;        /* Instagram, X, Mastodon, YouTube: who signs in in the browser */
  GHashTable *owners;          /* X, Mastodon, YouTube: access token → its user's username */
  guint       n_token_requests;
  char       *last_refusal;
  WartaTestInstance instance;  /* Mastodon: what /api/v2/instance, v1 say */
  char       *long_uploads;    /* YouTube: the channel's status.longUploadsStatus */
};

static const char *
scope_of (Platform p)
{
  static const char *const scopes[] = {
    [FB] = "pages_show_list,pages_read_engagement,pages_manage_posts",
    [IG] = "instagram_business_basic,instagram_business_content_publish",
    [X] = "tweet.read tweet.write users.read media.write offline.access",
    [GOOGLE] = "https://www.googleapis.com/auth/youtube.upload "
               "https://www.googleapis.com/auth/youtube.readonly",
    [TIKTOK] = "user.info.basic,video.publish,video.upload",
    [MASTODON] = "read write:media write:statuses",
  };
  return scopes[p];
}

static gint64
now (WartaTestOAuthServer *s)
{
  return g_get_real_time () + s->offset;
}

static void
code_free (Code *c)
{
  g_free (c->client_id);
  g_free (c->redirect_uri);
  g_free (c->challenge);
  g_free (c);
}

static void
page_free (Page *p)
{
  g_free (p->id);
  g_free (p->name);
  g_free (p->token);
  g_strfreev (p->tasks);
  g_free (p);
}

static void
respond (SoupServerMessage *msg,
         guint              status,
         const char        *json)
{
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, json, strlen (json));
}

static void
respond_node (SoupServerMessage *msg,
              JsonBuilder       *b)
{
  g_autoptr(JsonNode) root = json_builder_get_root (b);
  g_autofree char *json = json_to_string (root, FALSE);

  respond (msg, SOUP_STATUS_OK, json);
}

/* Each platform's error body (platform-apis.md §1.5, §2.7, §3.6, §4.1,
 * §5.1, Mastodon's Doorkeeper). */
static void
refuse (WartaTestOAuthServer *s,
        SoupServerMessage    *msg,
        Failure               failure,
        const char           *description)
{
  static const char *const rfc[] = { "invalid_grant", "invalid_client", "invalid_request" };
  g_autofree char *json = NULL;
  g_autofree char *escaped = g_strescape (description, NULL);

  g_free (s->last_refusal);
  s->last_refusal = g_strdup (description);
  switch (s->platform)
    {
    case FB:
      json = g_strdup_printf ("{\"error\":{\"message\":\"%s\",\"type\":\"OAuthException\","
                              "\"code\":%d,\"fbtrace_id\":\"AbCdEf\"}}",
                              escaped, failure == FAIL_CLIENT ? 1 : failure == FAIL_GRANT ? 100 : 190);
      respond (msg, SOUP_STATUS_BAD_REQUEST, json);
      return;
    case IG:
      json = g_strdup_printf ("{\"error_type\":\"OAuthException\",\"code\":400,\"error_message\":\"%s\"}",
                              failure == FAIL_CLIENT ? "Invalid platform app" : escaped);
      respond (msg, SOUP_STATUS_BAD_REQUEST, json);
      return;
    case TIKTOK:
      json = g_strdup_printf ("{\"error\":\"%s\",\"error_description\":\"%s\",\"log_id\":\"2026112600001\"}",
                              rfc[failure], escaped);
      respond (msg, s->error_status, json);
      return;
    case X:
      /* X calls a bad code or refresh token an invalid request (§3.6). */
      json = g_strdup_printf ("{\"error\":\"%s\",\"error_description\":\"%s\"}",
                              failure == FAIL_CLIENT ? "unauthorized_client" : "invalid_request", escaped);
      respond (msg, failure == FAIL_CLIENT ? SOUP_STATUS_UNAUTHORIZED : SOUP_STATUS_BAD_REQUEST, json);
      return;
    case GOOGLE:
    case MASTODON:
    default:
      json = g_strdup_printf ("{\"error\":\"%s\",\"error_description\":\"%s\"}", rfc[failure], escaped);
      respond (msg, failure == FAIL_CLIENT ? SOUP_STATUS_UNAUTHORIZED : SOUP_STATUS_BAD_REQUEST, json);
      return;
    }
}

/* Graph errors for a bad token on graph.instagram.com and Facebook. */
static void
refuse_token (WartaTestOAuthServer *s,
              SoupServerMessage    *msg)
{
  const char *json = "{\"error\":{\"message\":\"Error validating access token: Session has expired.\","
                     "\"type\":\"OAuthException\",\"code\":190,\"fbtrace_id\":\"AbCdEf\"}}";

  g_free (s->last_refusal);
  s->last_refusal = g_strdup ("bad access token");
  respond (msg, SOUP_STATUS_BAD_REQUEST, json);
}

static GHashTable *
request_form (SoupServerMessage *msg,
              GHashTable        *query)
{
  g_autoptr(GBytes) body = NULL;
  g_autofree char *text = NULL;

  if (g_str_equal (soup_server_message_get_method (msg), "GET"))
    return query ? g_hash_table_ref (query) : g_hash_table_new (g_str_hash, g_str_equal);
  body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  text = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
  return soup_form_decode (text);
}

static char *
issue (WartaTestOAuthServer *s,
       GHashTable           *table,
       const char           *prefix)
{
  gint64 *at = g_new (gint64, 1);
  char *token = g_strdup_printf ("%s-%u-%08x", prefix, ++s->serial, g_random_int ());

  *at = now (s);
  g_hash_table_insert (table, g_strdup (token), at);
  return token;
}

static char *
challenge_of (const char *verifier)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  guchar digest[32];
  gsize len = sizeof digest;
  char *text;

  g_checksum_update (sum, (const guchar *) verifier, strlen (verifier));
  g_checksum_get_digest (sum, digest, &len);
  text = g_base64_encode (digest, len);
  for (char *p = text; *p; p++)
    *p = *p == '+' ? '-' : *p == '/' ? '_' : *p;
  if (strchr (text, '='))
    *strchr (text, '=') = '\0';
  return text;
}

static gboolean
uses_pkce (Platform p)
{
  return p != FB && p != IG;
}

static const char *
client_param (Platform p)
{
  return p == TIKTOK ? "client_key" : "client_id";
}

static gboolean
client_known (WartaTestOAuthServer *s,
              const char           *client_id)
{
  if (s->platform == MASTODON)
    return client_id && g_hash_table_contains (s->apps, client_id);
  return g_strcmp0 (client_id, WARTA_TEST_OAUTH_CLIENT_ID) == 0;
}

static const char *
secret_of (WartaTestOAuthServer *s,
           const char           *client_id)
{
  if (s->platform == MASTODON)
    return client_id ? g_hash_table_lookup (s->app_secrets, client_id) : NULL;
  return WARTA_TEST_OAUTH_CLIENT_SECRET;
}

/* authorize ---------------------------------------------------------------- */

static gboolean
check_authorize (WartaTestOAuthServer *s,
                 GHashTable           *q,
                 const char          **why)
{
  const char *client_id = g_hash_table_lookup (q, client_param (s->platform));
  const char *redirect = g_hash_table_lookup (q, "redirect_uri");

  *why = NULL;
  if (g_strcmp0 (g_hash_table_lookup (q, "response_type"), "code") != 0)
    *why = "response_type must be code";
  else if (!client_known (s, client_id))
    *why = "unknown client";
  else if (redirect == NULL || !g_str_has_prefix (redirect, "http://127.0.0.1:"))
    *why = "redirect_uri is not a registered loopback address";
  else if (s->platform == MASTODON &&
           g_strcmp0 (((Code *) g_hash_table_lookup (s->apps, client_id))->redirect_uri, redirect) != 0)
    *why = "redirect_uri is not the one registered";
  else if (g_strcmp0 (g_hash_table_lookup (q, "scope"), scope_of (s->platform)) != 0)
    *why = "wrong scope";
  else if (g_hash_table_lookup (q, "state") == NULL)
    *why = "no state";
  else if (uses_pkce (s->platform) &&
           (g_hash_table_lookup (q, "code_challenge") == NULL ||
            g_strcmp0 (g_hash_table_lookup (q, "code_challenge_method"), "S256") != 0))
    *why = "PKCE with S256 is required";
  else if (s->platform == GOOGLE &&
           (g_strcmp0 (g_hash_table_lookup (q, "access_type"), "offline") != 0 ||
            g_strcmp0 (g_hash_table_lookup (q, "prompt"), "consent") != 0))
    *why = "no access_type=offline&prompt=consent: no refresh token";
  return *why == NULL;
}

static void
authorize_cb (SoupServer        *server,
              SoupServerMessage *msg,
              const char        *path,
              GHashTable        *query,
              gpointer           user_data)
{
  WartaTestOAuthServer *s = user_data;
  g_autoptr(GString) location = NULL;
  const char *why;
  const char *state;
  Code *code;
  char *id;

  if (query == NULL || !check_authorize (s, query, &why))
    {
      const char *page = "<html><body>Invalid request</body></html>";

      g_free (s->last_refusal);
      s->last_refusal = g_strdup (query ? why : "no query");
      soup_server_message_set_status (msg, SOUP_STATUS_BAD_REQUEST, NULL);
      soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC, page, strlen (page));
      return;
    }
  state = s->forge_state ? "forged-state" : g_hash_table_lookup (query, "state");
  location = g_string_new (g_hash_table_lookup (query, "redirect_uri"));
  if (s->deny)
    {
      g_string_append (location, "?error=access_denied&error_description=The+user+denied+the+request");
      if (s->platform == FB)
        g_string_append (location, "&error_reason=user_denied");
    }
  else
    {
      code = g_new0 (Code, 1);
      code->client_id = g_strdup (g_hash_table_lookup (query, client_param (s->platform)));
      code->redirect_uri = g_strdup (g_hash_table_lookup (query, "redirect_uri"));
      code->challenge = g_strdup (g_hash_table_lookup (query, "code_challenge"));
      code->issued_at = now (s);
      id = g_strdup_printf ("code-%u-%08x", ++s->serial, g_random_int ());
      g_hash_table_insert (s->codes, id, code);
      g_string_append (location, "?code=");
      g_string_append (location, id);
    }
  g_string_append (location, "&state=");
  g_string_append_uri_escaped (location, state, NULL, FALSE);
  if (s->platform == IG && !s->deny)
    g_string_append (location, "#_");
  soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, location->str);
}

/* tokens ------------------------------------------------------------------ */

static gint64
code_lifetime (Platform p)
{
  /* X: 30 seconds (§3.1); the others 10 minutes. */
  return (gint64) (p == X ? 30 : 600) * G_USEC_PER_SEC;
}

/* The client of a token request: X's confidential clients in the Basic
 * header, everyone else in the form. */
static gboolean
check_client (WartaTestOAuthServer *s,
              SoupServerMessage    *msg,
              GHashTable           *form,
              gboolean              needs_secret,
              const char          **out_client_id)
{
  const char *client_id = g_hash_table_lookup (form, client_param (s->platform));
  const char *secret = g_hash_table_lookup (form, "client_secret");
  const char *auth = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                   "Authorization");

  if (s->platform == X && s->confidential)
    {
      g_autofree char *expected = NULL;
      g_autofree char *pair = g_strconcat (WARTA_TEST_OAUTH_CLIENT_ID, ":",
                                           WARTA_TEST_OAUTH_CLIENT_SECRET, NULL);

      expected = g_base64_encode ((const guchar *) pair, strlen (pair));
      if (auth == NULL || !g_str_has_prefix (auth, "Basic ") || g_strcmp0 (auth + 6, expected) != 0)
        return FALSE;
      *out_client_id = WARTA_TEST_OAUTH_CLIENT_ID;
      return client_id == NULL || client_known (s, client_id);
    }
  if (!client_known (s, client_id))
    return FALSE;
  if (needs_secret && g_strcmp0 (secret, secret_of (s, client_id)) != 0)
    return FALSE;
  *out_client_id = client_id;
  return TRUE;
}

static void
add_member (JsonBuilder *b,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_string_value (b, value);
}

static void
add_int_member (JsonBuilder *b,
                const char  *name,
                gint64       value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_int_value (b, value);
}

/* The answer to a good code or refresh token, in the platform's shape. */
static void
answer_tokens (WartaTestOAuthServer *s,
               SoupServerMessage    *msg,
               gboolean              refreshing)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autofree char *access = NULL;
  g_autofree char *refresh = NULL;

  access = issue (s, s->platform == FB || s->platform == IG ? s->short_lived : s->access,
                  s->platform == FB ? "fb-short" : s->platform == IG ? "ig-short" : "at");
  g_hash_table_insert (s->owners, g_strdup (access), g_strdup (s->username));
  json_builder_begin_object (b);
  if (s->platform == IG)
    {
      /* §2.2: {"data":[{access_token,user_id,permissions}]}, or flat. */
      if (!s->flat_answer)
        {
          json_builder_set_member_name (b, "data");
          json_builder_begin_array (b);
          json_builder_begin_object (b);
        }
      add_member (b, "access_token", access);
      add_int_member (b, "user_id", g_ascii_strtoll (WARTA_TEST_OAUTH_IG_USER_ID, NULL, 10));
      add_member (b, "permissions", scope_of (IG));
      if (!s->flat_answer)
        {
          json_builder_end_object (b);
          json_builder_end_array (b);
        }
      json_builder_end_object (b);
      respond_node (msg, b);
      return;
    }
  add_member (b, "access_token", access);
  add_member (b, "token_type", s->platform == X || s->platform == FB ? "bearer" : "Bearer");
  switch (s->platform)
    {
    case FB:
      add_int_member (b, "expires_in", 5183);
      break;
    case X:
      add_int_member (b, "expires_in", 7200);
      add_member (b, "scope", scope_of (X));
      refresh = issue (s, s->refresh, "x-rt");
      break;
    case GOOGLE:
      add_int_member (b, "expires_in", 3599);
      add_member (b, "scope", scope_of (GOOGLE));
      /* A refresh answer carries no new refresh token (§4.1). */
      if (!refreshing)
        refresh = issue (s, s->refresh, "g-rt");
      break;
    case TIKTOK:
      add_member (b, "open_id", WARTA_TEST_OAUTH_TIKTOK_OPEN_ID);
      add_member (b, "scope", scope_of (TIKTOK));
      add_int_member (b, "expires_in", 86400);
      add_int_member (b, "refresh_expires_in", 31536000);
      refresh = issue (s, s->refresh, "tt-rt");
      break;
    case MASTODON:
    default:
      add_member (b, "scope", scope_of (MASTODON));
      add_int_member (b, "created_at", now (s) / G_USEC_PER_SEC);
      break;
    }
  if (refresh)
    add_member (b, "refresh_token", refresh);
  json_builder_end_object (b);
  respond_node (msg, b);
}

static void
exchange_code (WartaTestOAuthServer *s,
               SoupServerMessage    *msg,
               GHashTable           *form,
               const char           *client_id)
{
  const char *id = g_hash_table_lookup (form, "code");
  const char *verifier = g_hash_table_lookup (form, "code_verifier");
  Code *code = id ? g_hash_table_lookup (s->codes, id) : NULL;
  g_autofree char *challenge = NULL;

  if (code == NULL)
    {
      refuse (s, msg, FAIL_GRANT, s->platform == X ? "Value passed for the authorization code was invalid."
                                                   : "Invalid authorization code");
      return;
    }
  if (code->used || now (s) - code->issued_at > code_lifetime (s->platform))
    {
      code->used = TRUE;
      refuse (s, msg, FAIL_GRANT, "This authorization code has expired or has been used.");
      return;
    }
  code->used = TRUE;
  if (g_strcmp0 (code->client_id, client_id) != 0 ||
      g_strcmp0 (code->redirect_uri, g_hash_table_lookup (form, "redirect_uri")) != 0)
    {
      refuse (s, msg, FAIL_GRANT, "The redirect_uri or client does not match the authorization request.");
      return;
    }
  if (uses_pkce (s->platform))
    {
      challenge = verifier ? challenge_of (verifier) : NULL;
      if (verifier == NULL || strlen (verifier) < 43 || strlen (verifier) > 128 ||
          g_strcmp0 (challenge, code->challenge) != 0)
        {
          refuse (s, msg, FAIL_GRANT, "The code_verifier does not match the code_challenge.");
          return;
        }
    }
  answer_tokens (s, msg, FALSE);
}

static void
exchange_refresh (WartaTestOAuthServer *s,
                  SoupServerMessage    *msg,
                  GHashTable           *form)
{
  const char *refresh = g_hash_table_lookup (form, "refresh_token");

  if (refresh == NULL || !g_hash_table_contains (s->refresh, refresh))
    {
      refuse (s, msg, FAIL_GRANT, s->platform == GOOGLE ? "Token has been expired or revoked."
                                                        : "Value passed for the token was invalid.");
      return;
    }
  /* X and TikTok rotate: the used refresh token dies (§3.1, §5.1). */
  if (s->platform != GOOGLE)
    g_hash_table_remove (s->refresh, refresh);
  answer_tokens (s, msg, TRUE);
}

static void
token_cb (SoupServer        *server,
          SoupServerMessage *msg,
          const char        *path,
          GHashTable        *query,
          gpointer           user_data)
{
  WartaTestOAuthServer *s = user_data;
  g_autoptr(GHashTable) form = request_form (msg, query);
  const char *grant = g_hash_table_lookup (form, "grant_type");
  const char *method = soup_server_message_get_method (msg);
  const char *client_id = NULL;
  /* Facebook's code exchange is a GET (§1.1), the others POST forms. */
  gboolean want_get = s->platform == FB;
  gboolean needs_secret = s->platform != X;

  s->n_token_requests++;
  if (g_str_equal (method, want_get ? "GET" : "POST") == FALSE)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, NULL);
      return;
    }
  if (s->platform == FB && g_strcmp0 (grant, "fb_exchange_token") == 0)
    {
      const char *short_token = g_hash_table_lookup (form, "fb_exchange_token");
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autofree char *long_token = NULL;

      if (!check_client (s, msg, form, TRUE, &client_id))
        {
          refuse (s, msg, FAIL_CLIENT, "Error validating client secret.");
          return;
        }
      if (short_token == NULL || !g_hash_table_contains (s->short_lived, short_token))
        {
          refuse_token (s, msg);
          return;
        }
      long_token = issue (s, s->access, "fb-long");
      json_builder_begin_object (b);
      add_member (b, "access_token", long_token);
      add_member (b, "token_type", "bearer");
      add_int_member (b, "expires_in", 5183944);
      json_builder_end_object (b);
      respond_node (msg, b);
      return;
    }
  if (!check_client (s, msg, form, needs_secret, &client_id))
    {
      refuse (s, msg, FAIL_CLIENT, "Client authentication failed.");
      return;
    }
  if (s->platform == FB ? grant == NULL : g_strcmp0 (grant, "authorization_code") == 0)
    exchange_code (s, msg, form, client_id);
  else if (g_strcmp0 (grant, "refresh_token") == 0 &&
           (s->platform == X || s->platform == GOOGLE || s->platform == TIKTOK))
    exchange_refresh (s, msg, form);
  else
    refuse (s, msg, FAIL_REQUEST, "Unsupported grant_type.");
}

/* Instagram's Graph host: ig_exchange_token and ig_refresh_token (§2.2). */
static void
ig_graph_cb (SoupServer        *server,
             SoupServerMessage *msg,
             const char        *path,
             GHashTable        *query,
             gpointer           user_data)
{
  WartaTestOAuthServer *s = user_data;
  gboolean exchanging = g_str_equal (path, "/access_token");
  const char *grant = query ? g_hash_table_lookup (query, "grant_type") : NULL;
  const char *token = query ? g_hash_table_lookup (query, "access_token") : NULL;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autofree char *long_token = NULL;
  gint64 *issued;

  s->n_token_requests++;
  if (!g_str_equal (soup_server_message_get_method (msg), "GET") ||
      g_strcmp0 (grant, exchanging ? "ig_exchange_token" : "ig_refresh_token") != 0)
    {
      refuse_token (s, msg);
      return;
    }
  if (exchanging && g_strcmp0 (g_hash_table_lookup (query, "client_secret"),
                               WARTA_TEST_OAUTH_CLIENT_SECRET) != 0)
    {
      refuse (s, msg, FAIL_CLIENT, "Invalid client secret");
      return;
    }
  issued = token ? g_hash_table_lookup (exchanging ? s->short_lived : s->access, token) : NULL;
  /* A long-lived token is renewed once it is a day old, while valid. */
  if (issued == NULL ||
      (!exchanging && (now (s) - *issued < G_GINT64_CONSTANT (24) * 3600 * G_USEC_PER_SEC ||
                       now (s) - *issued > G_GINT64_CONSTANT (5183944) * G_USEC_PER_SEC)))
    {
      refuse_token (s, msg);
      return;
    }
  if (!exchanging)
    g_hash_table_remove (s->access, token);
  long_token = issue (s, s->access, "ig-long");
  json_builder_begin_object (b);
  add_member (b, "access_token", long_token);
  add_member (b, "token_type", "bearer");
  add_int_member (b, "expires_in", 5183944);
  json_builder_end_object (b);
  respond_node (msg, b);
}

/* Graph's cursors are opaque: here the index of a Page, encoded. */
static char *
cursor_of (guint index)
{
  g_autofree char *text = g_strdup_printf ("page:%u", index);

  return g_base64_encode ((const guchar *) text, strlen (text));
}

static gboolean
index_of_cursor (const char *cursor,
                 guint      *index)
{
  gsize len = 0;
  g_autofree guchar *raw = cursor ? g_base64_decode (cursor, &len) : NULL;
  g_autofree char *text = raw ? g_strndup ((const char *) raw, len) : NULL;
  guint64 value;

  if (text == NULL || !g_str_has_prefix (text, "page:") ||
      !g_ascii_string_to_unsigned (text + 5, 10, 0, G_MAXUINT, &value, NULL))
    return FALSE;
  *index = (guint) value;
  return TRUE;
}

static void
add_page (JsonBuilder *b,
          Page        *p)
{
  json_builder_begin_object (b);
  add_member (b, "access_token", p->token);
  add_member (b, "category", "Government Organization");
  add_member (b, "name", p->name);
  add_member (b, "id", p->id);
  json_builder_set_member_name (b, "tasks");
  json_builder_begin_array (b);
  for (guint t = 0; p->tasks[t]; t++)
    json_builder_add_string_value (b, p->tasks[t]);
  json_builder_end_array (b);
  json_builder_end_object (b);
}

/* Facebook's GET /{version}/me/accounts (§1.1), with Graph's cursor
 * pagination: at most "limit" Pages (25 when none; never more than the
 * server's page size), "after" a cursor, and an absolute "next" link
 * while more follow. */
static void
pages_cb (SoupServer        *server,
          SoupServerMessage *msg,
          const char        *path,
          GHashTable        *query,
          gpointer           user_data)
{
  WartaTestOAuthServer *s = user_data;
  const char *token = query ? g_hash_table_lookup (query, "access_token") : NULL;
  const char *limit_text = query ? g_hash_table_lookup (query, "limit") : NULL;
  const char *after = query ? g_hash_table_lookup (query, "after") : NULL;
  const char *fields = query ? g_hash_table_lookup (query, "fields") : NULL;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  guint64 limit = 25;
  guint start = 0;
  guint end;

  s->n_page_requests++;
  /* Only the long-lived user token gives Page tokens that never expire. */
  if (token == NULL || !g_hash_table_contains (s->access, token))
    {
      refuse_token (s, msg);
      return;
    }
  if ((limit_text && !g_ascii_string_to_unsigned (limit_text, 10, 1, G_MAXUINT, &limit, NULL)) ||
      (after && (!index_of_cursor (after, &start) || start >= s->pages->len)))
    {
      refuse (s, msg, FAIL_REQUEST, "(#100) Invalid limit or cursor.");
      return;
    }
  if (after)
    start++;
  end = MIN (s->pages->len, start + MIN ((guint) limit, s->page_size));

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "data");
  json_builder_begin_array (b);
  for (guint i = start; i < end; i++)
    add_page (b, s->pages->pdata[i]);
  json_builder_end_array (b);
  if (end > start)
    {
      first = cursor_of (start);
      last = cursor_of (end - 1);
      json_builder_set_member_name (b, "paging");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "cursors");
      json_builder_begin_object (b);
      add_member (b, "before", first);
      add_member (b, "after", last);
      json_builder_end_object (b);
      if (end < s->pages->len)
        {
          g_autofree char *form = soup_form_encode ("access_token", token,
                                                    "fields", fields ? fields : "id,name",
                                                    "limit", limit_text ? limit_text : "25",
                                                    "after", last, NULL);
          g_autofree char *next = g_strconcat (s->url, path, "?", form, NULL);

          add_member (b, "next", next);
        }
      json_builder_end_object (b);
    }
  json_builder_end_object (b);
  respond_node (msg, b);
}

/* Instagram's GET /{version}/me?fields=user_id,username on its Graph
 * host (§2.1): "user_id" the IG user id, "id" the app-scoped one. */
static void
ig_me_cb (SoupServer        *server,
          SoupServerMessage *msg,
          const char        *path,
          GHashTable        *query,
          gpointer           user_data)
{
  WartaTestOAuthServer *s = user_data;
  const char *auth = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                   "Authorization");
  const char *token = query ? g_hash_table_lookup (query, "access_token") : NULL;
  const char *fields = query ? g_hash_table_lookup (query, "fields") : NULL;
  g_auto(GStrv) wanted = g_strsplit (fields ? fields : "id", ",", -1);
  g_autoptr(JsonBuilder) b = json_builder_new ();

  if (token == NULL && auth && g_str_has_prefix (auth, "Bearer "))
    token = auth + 7;
  if (!g_str_equal (soup_server_message_get_method (msg), "GET") || token == NULL ||
      !g_hash_table_contains (s->access, token))
    {
      refuse_token (s, msg);
      return;
    }
  json_builder_begin_object (b);
  for (guint i = 0; wanted[i]; i++)
    {
      if (g_str_equal (wanted[i], "user_id"))
        add_member (b, "user_id", WARTA_TEST_OAUTH_IG_USER_ID);
      else if (g_str_equal (wanted[i], "username"))
        add_member (b, "username", s->username);
    }
  add_member (b, "id", "27182818284590452");
  json_builder_end_object (b);
  respond_node (msg, b);
}

/* A user's id, the same for the same username (X's are numbers). */
static char *
user_id_of (const char *username)
{
  return g_strdup_printf ("1%09u", g_str_hash (username) % 1000000000u);
}

/* The access token @msg bears, when this server issued it; else NULL,
 * and the refusal is recorded. */
static const char *
known_token (WartaTestOAuthServer *s,
             SoupServerMessage    *msg)
{
  const char *auth = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                   "Authorization");

  if (auth && g_str_has_prefix (auth, "Bearer ") && g_hash_table_contains (s->access, auth + 7))
    return auth + 7;
  g_free (s->last_refusal);
  s->last_refusal = g_strdup ("bad access token");
  return NULL;
}

/* Who a bearer token signs in as: Mastodon's GET
 * /api/v1/accounts/verify_credentials (§6.1) and X's GET /2/users/me,
 * with each platform's 401 (§6.2, §3.6) for a token it does not know. */
static void
me_cb (SoupServer        *server,
       SoupServerMessage *msg,
       const char        *path,
       GHashTable        *query,
       gpointer           user_data)
{
  WartaTestOAuthServer *s = user_data;
  const char *token = known_token (s, msg);
  const char *owner = token ? g_hash_table_lookup (s->owners, token) : NULL;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autofree char *id = NULL;

  if (!g_str_equal (soup_server_message_get_method (msg), "GET") || owner == NULL)
    {
      const char *json = s->platform == X
                         ? "{\"title\":\"Unauthorized\",\"type\":\"about:blank\",\"status\":401,"
                           "\"detail\":\"Unauthorized\"}"
                         : "{\"error\":\"The access token is invalid\"}";

      soup_server_message_set_status (msg, SOUP_STATUS_UNAUTHORIZED, NULL);
      soup_server_message_set_response (msg, s->platform == X ? "application/problem+json"
                                                               : "application/json",
                                        SOUP_MEMORY_STATIC, json, strlen (json));
      return;
    }
  id = user_id_of (owner);
  json_builder_begin_object (b);
  if (s->platform == X)
    {
      json_builder_set_member_name (b, "data");
      json_builder_begin_object (b);
      add_member (b, "id", id);
      add_member (b, "name", owner);
      add_member (b, "username", owner);
      json_builder_end_object (b);
    }
  else
    {
      add_member (b, "id", id);
      add_member (b, "username", owner);
      add_member (b, "acct", owner);
      add_member (b, "display_name", owner);
    }
  json_builder_end_object (b);
  respond_node (msg, b);
}

/* YouTube's channels.list on Google's API host: the channel of the Google
 * account the token signs in as (none for a username of NULL), Google's
 * 401 authError for a token it does not know. */
static void
channels_cb (SoupServer        *server,
             SoupServerMessage *msg,
             const char        *path,
             GHashTable        *query,
             gpointer           user_data)
{
  WartaTestOAuthServer *s = user_data;
  const char *token = known_token (s, msg);

  if (token == NULL)
    warta_test_youtube_respond_error (msg, "authError");
  else
    warta_test_youtube_respond_channels (msg, query, g_hash_table_lookup (s->owners, token),
                                         s->long_uploads);
}

/* Mastodon's GET /api/v2/instance and /api/v1/instance, public as on a
 * real instance. */
static void
instance_cb (SoupServer        *server,
             SoupServerMessage *msg,
             const char        *path,
             GHashTable        *query,
             gpointer           user_data)
{
  WartaTestOAuthServer *s = user_data;

  warta_test_mastodon_respond_instance (msg, path, &s->instance);
}

/* Mastodon's POST /api/v1/apps (§6.1). */
static void
apps_cb (SoupServer        *server,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  WartaTestOAuthServer *s = user_data;
  g_autoptr(GHashTable) form = request_form (msg, query);
  const char *redirect = g_hash_table_lookup (form, "redirect_uris");
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autofree char *id = NULL;
  g_autofree char *secret = NULL;
  g_auto(GStrv) scopes = NULL;
  Code *app;

  if (!g_str_equal (soup_server_message_get_method (msg), "POST") ||
      g_hash_table_lookup (form, "client_name") == NULL || redirect == NULL)
    {
      respond (msg, 422, "{\"error\":\"Validation failed: Name can't be blank, Redirect URI can't be blank\"}");
      return;
    }
  id = g_strdup_printf ("mastodon-client-%u", ++s->serial);
  secret = g_strdup_printf ("mastodon-secret-%08x", g_random_int ());
  app = g_new0 (Code, 1);
  app->client_id = g_strdup (id);
  app->redirect_uri = g_strdup (redirect);
  g_hash_table_insert (s->apps, g_strdup (id), app);
  g_hash_table_insert (s->app_secrets, g_strdup (id), g_strdup (secret));

  json_builder_begin_object (b);
  add_member (b, "id", "563419");
  add_member (b, "name", g_hash_table_lookup (form, "client_name"));
  add_member (b, "website", g_hash_table_lookup (form, "website"));
  json_builder_set_member_name (b, "scopes");
  json_builder_begin_array (b);
  scopes = g_strsplit (g_hash_table_lookup (form, "scopes") ? g_hash_table_lookup (form, "scopes") : "read", " ", -1);
  for (guint i = 0; scopes[i]; i++)
    json_builder_add_string_value (b, scopes[i]);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "redirect_uris");
  json_builder_begin_array (b);
  json_builder_add_string_value (b, redirect);
  json_builder_end_array (b);
  add_member (b, "client_id", id);
  add_member (b, "client_secret", secret);
  add_int_member (b, "client_secret_expires_at", 0);
  add_member (b, "vapid_key", "BCk-QqERU0q-CfYZjcuB6lnyyOYfJ2AifKqfeGIm7Z-HiTU5T9eTG5GxVA0_OH5mMlI4UkkDTpaZwozy0TzdZ2M=");
  json_builder_end_object (b);
  respond_node (msg, b);
}

/* -------------------------------------------------------------------------- */

static const char *
authorize_path (Platform p)
{
  static const char *const paths[] = {
    [FB] = "/" WARTA_FACEBOOK_API_VERSION "/dialog/oauth",
    [IG] = "/oauth/authorize",
    [X] = "/i/oauth2/authorize",
    [GOOGLE] = "/o/oauth2/v2/auth",
    [TIKTOK] = "/v2/auth/authorize/",
    [MASTODON] = "/oauth/authorize",
  };
  return paths[p];
}

static const char *
token_path (Platform p)
{
  static const char *const paths[] = {
    [FB] = "/" WARTA_FACEBOOK_API_VERSION "/oauth/access_token",
    [IG] = "/oauth/access_token",
    [X] = "/2/oauth2/token",
    [GOOGLE] = "/token",
    [TIKTOK] = "/v2/oauth/token/",
    [MASTODON] = "/oauth/token",
  };
  return paths[p];
}

WartaTestOAuthServer *
warta_test_oauth_server_new (const char *platform)
{
  static const char *const names[] = { "facebook", "instagram", "x", "youtube", "tiktok", "mastodon" };
  WartaTestOAuthServer *s = g_new0 (WartaTestOAuthServer, 1);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GError) error = NULL;
  GSList *uris;
  guint i;

  for (i = 0; i < G_N_ELEMENTS (names) && !g_str_equal (names[i], platform); i++)
    ;
  g_assert_cmpuint (i, <, G_N_ELEMENTS (names));
  s->platform = (Platform) i;
  s->error_status = SOUP_STATUS_OK;
  s->codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) code_free);
  s->access = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  s->owners = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  s->refresh = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  s->short_lived = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  s->apps = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) code_free);
  s->app_secrets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  s->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) page_free);
  s->page_size = 100;
  s->username = g_strdup (WARTA_TEST_OAUTH_IG_USERNAME);
  s->instance = (WartaTestInstance) WARTA_TEST_INSTANCE_DEFAULT;
  s->long_uploads = g_strdup ("allowed");

  s->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (s->server, authorize_path (s->platform), authorize_cb, s, NULL);
  soup_server_add_handler (s->server, token_path (s->platform), token_cb, s, NULL);
  if (s->platform == FB)
    soup_server_add_handler (s->server, "/" WARTA_FACEBOOK_API_VERSION "/me/accounts", pages_cb, s, NULL);
  if (s->platform == IG)
    {
      soup_server_add_handler (s->server, "/access_token", ig_graph_cb, s, NULL);
      soup_server_add_handler (s->server, "/refresh_access_token", ig_graph_cb, s, NULL);
      soup_server_add_handler (s->server, "/" WARTA_FACEBOOK_API_VERSION "/me", ig_me_cb, s, NULL);
    }
  if (s->platform == MASTODON)
    {
      soup_server_add_handler (s->server, "/api/v1/apps", apps_cb, s, NULL);
      soup_server_add_handler (s->server, "/api/v1/accounts/verify_credentials", me_cb, s, NULL);
      soup_server_add_handler (s->server, "/api/v2/instance", instance_cb, s, NULL);
      soup_server_add_handler (s->server, "/api/v1/instance", instance_cb, s, NULL);
    }
  if (s->platform == X)
    soup_server_add_handler (s->server, "/2/users/me", me_cb, s, NULL);
  if (s->platform == GOOGLE)
    soup_server_add_handler (s->server, "/youtube/v3/channels", channels_cb, s, NULL);
  soup_server_listen (s->server, address, 0, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (s->server);
  s->url = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  return s;
}

void
warta_test_oauth_server_free (WartaTestOAuthServer *s)
{
  soup_server_disconnect (s->server);
  g_object_unref (s->server);
  g_free (s->url);
  g_hash_table_unref (s->codes);
  g_hash_table_unref (s->access);
  g_hash_table_unref (s->owners);
  g_hash_table_unref (s->refresh);
  g_hash_table_unref (s->short_lived);
  g_hash_table_unref (s->apps);
  g_hash_table_unref (s->app_secrets);
  g_ptr_array_unref (s->pages);
  g_free (s->username);
  g_free (s->long_uploads);
  g_free (s->last_refusal);
  g_free (s);
}

const char *
warta_test_oauth_server_get_url (WartaTestOAuthServer *s)
{
  return s->url;
}

char *
warta_test_oauth_server_authorize_url (WartaTestOAuthServer *s)
{
  return g_strconcat (s->url, authorize_path (s->platform), NULL);
}

char *
warta_test_oauth_server_token_url (WartaTestOAuthServer *s)
{
  return g_strconcat (s->url, token_path (s->platform), NULL);
}

void
warta_test_oauth_server_set_confidential (WartaTestOAuthServer *s,
                                          gboolean              confidential)
{
  s->confidential = confidential;
}

void
warta_test_oauth_server_set_deny (WartaTestOAuthServer *s,
                                  gboolean              deny)
{
  s->deny = deny;
}

void
warta_test_oauth_server_set_forge_state (WartaTestOAuthServer *s,
                                         gboolean              forge)
{
  s->forge_state = forge;
}

void
warta_test_oauth_server_set_flat_answer (WartaTestOAuthServer *s,
                                         gboolean              flat)
{
  s->flat_answer = flat;
}

void
warta_test_oauth_server_set_error_status (WartaTestOAuthServer *s,
                                          guint                 status)
{
  s->error_status = status;
}

void
warta_test_oauth_server_age (WartaTestOAuthServer *s,
                             guint                 seconds)
{
  s->offset += (gint64) seconds * G_USEC_PER_SEC;
}

void
warta_test_oauth_server_revoke (WartaTestOAuthServer *s)
{
  g_hash_table_remove_all (s->refresh);
}

void
warta_test_oauth_server_add_page (WartaTestOAuthServer *s,
                                  const char           *id,
                                  const char           *name,
                                  const char           *page_token,
                                  const char * const   *tasks)
{
  Page *p = g_new0 (Page, 1);

  p->id = g_strdup (id);
  p->name = g_strdup (name);
  p->token = g_strdup (page_token);
  p->tasks = g_strdupv ((char **) tasks);
  g_ptr_array_add (s->pages, p);
}

void
warta_test_oauth_server_set_page_size (WartaTestOAuthServer *s,
                                       guint                 page_size)
{
  s->page_size = page_size;
}

guint
warta_test_oauth_server_get_n_page_requests (WartaTestOAuthServer *s)
{
  return s->n_page_requests;
}

void
warta_test_oauth_server_set_username (WartaTestOAuthServer *s,
                                      const char           *username)
{
  g_free (s->username);
  s->username = g_strdup (username);
}

void
warta_test_oauth_server_set_instance (WartaTestOAuthServer    *s,
                                      const WartaTestInstance *instance)
{
  s->instance = *instance;
}

void
warta_test_oauth_server_set_long_uploads (WartaTestOAuthServer *s,
                                          const char           *status)
{
  g_free (s->long_uploads);
  s->long_uploads = g_strdup (status);
}

gboolean
warta_test_oauth_server_token_is_valid (WartaTestOAuthServer *s,
                                        const char           *token)
{
  return token != NULL && g_hash_table_contains (s->access, token);
}

guint
warta_test_oauth_server_get_n_apps (WartaTestOAuthServer *s)
{
  return g_hash_table_size (s->apps);
}

guint
warta_test_oauth_server_get_n_token_requests (WartaTestOAuthServer *s)
{
  return s->n_token_requests;
}

const char *
warta_test_oauth_server_get_last_refusal (WartaTestOAuthServer *s)
{
  return s->last_refusal;
}

/* the browser -------------------------------------------------------------- */

typedef struct
{
  gboolean done;
  guint    status;
  char    *page;
} Browse;

static void
browsed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Browse *b = user_data;
  g_autoptr(GBytes) page = soup_session_send_and_read_finish (SOUP_SESSION (object), result, NULL);

  b->page = page ? g_strndup (g_bytes_get_data (page, NULL), g_bytes_get_size (page)) : g_strdup ("");
  b->done = TRUE;
}

guint
warta_test_oauth_browse (const char  *uri,
                         char       **out_page)
{
  g_autoptr(SoupSession) browser = soup_session_new ();
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", uri);
  Browse b = { FALSE, 0, NULL };

  g_assert_nonnull (msg);
  /* libsoup follows the 302 to Warta's 127.0.0.1 callback, as a browser
   * does; the fragment ("#_") stays with the browser. */
  soup_session_send_and_read_async (browser, msg, G_PRIORITY_DEFAULT, NULL, browsed_cb, &b);
  while (!b.done)
    g_main_context_iteration (NULL, TRUE);
  b.status = soup_message_get_status (msg);
  if (out_page)
    *out_page = b.page;
  else
    g_free (b.page);
  return b.status;
}
