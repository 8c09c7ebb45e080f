/* test-oauth.c: sign-in with PKCE and a loopback redirect, against a
 * loopback authorization server; the test plays the browser
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "warta-oauth.h"

typedef struct
{
  SoupServer *server;
  char       *url;
  char       *challenge;     /* from /authorize */
  char       *redirect_uri;
  gboolean    forge_state;
  guint       token_requests;
} AuthServer;

static void
respond_json (SoupServerMessage *msg,
              guint              status,
              const char        *json)
{
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, json, strlen (json));
}

static void
authorize_cb (SoupServer        *server,
              SoupServerMessage *msg,
              const char        *path,
              GHashTable        *query,
              gpointer           user_data)
{
  AuthServer *a = user_data;
  g_autofree char *location = NULL;
  g_autofree char *state = NULL;

  g_assert_nonnull (query);
  g_assert_cmpstr (g_hash_table_lookup (query, "response_type"), ==, "code");
  g_assert_cmpstr (g_hash_table_lookup (query, "client_id"), ==, "warta-client");
  g_assert_cmpstr (g_hash_table_lookup (query, "code_challenge_method"), ==, "S256");
  g_assert_cmpstr (g_hash_table_lookup (query, "scope"), ==, "write:statuses write:media");
  g_assert_true (g_str_has_prefix (g_hash_table_lookup (query, "redirect_uri"), "http://127.0.0.1:"));
  g_free (a->challenge);
  a->challenge = g_strdup (g_hash_table_lookup (query, "code_challenge"));
  g_free (a->redirect_uri);
  a->redirect_uri = g_strdup (g_hash_table_lookup (query, "redirect_uri"));
  state = g_uri_escape_string (a->forge_state ? "forged" : g_hash_table_lookup (query, "state"),
                               NULL, FALSE);
  location = g_strdup_printf ("%s?code=the-code&state=%s", a->redirect_uri, state);
  soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, location);
}

static void
token_cb (SoupServer        *server,
          SoupServerMessage *msg,
          const char        *path,
          GHashTable        *query,
          gpointer           user_data)
{
  AuthServer *a = user_data;
  g_autoptr(GBytes) body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  g_autofree char *text = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
  g_autoptr(GHashTable) form = soup_form_decode (text);
  const char *grant = g_hash_table_lookup (form, "grant_type");

  a->token_requests++;
  g_assert_cmpstr (soup_server_message_get_method (msg), ==, "POST");
  g_assert_cmpstr (g_hash_table_lookup (form, "client_id"), ==, "warta-client");
  if (g_strcmp0 (grant, "authorization_code") == 0)
    {
      g_autofree char *expected = NULL;
      const char *verifier = g_hash_table_lookup (form, "code_verifier");

      g_assert_cmpstr (g_hash_table_lookup (form, "code"), ==, "the-code");
      g_assert_cmpstr (g_hash_table_lookup (form, "redirect_uri"), ==, a->redirect_uri);
      g_assert_nonnull (verifier);
      g_assert_cmpuint (strlen (verifier), >=, 43);
      g_assert_cmpuint (strlen (verifier), <=, 128);
      expected = warta_oauth_code_challenge (verifier);
      if (g_strcmp0 (expected, a->challenge) != 0)
        {
          respond_json (msg, 400, "{\"error\":\"invalid_grant\"}");
          return;
        }
      respond_json (msg, 200, "{\"access_token\":\"at-1\",\"token_type\":\"Bearer\","
                              "\"refresh_token\":\"rt-1\",\"expires_in\":3600,"
                              "\"scope\":\"write:statuses write:media\"}");
    }
  else if (g_strcmp0 (grant, "refresh_token") == 0)
    {
      if (g_strcmp0 (g_hash_table_lookup (form, "refresh_token"), "rt-1") != 0)
        {
          respond_json (msg, 400, "{\"error\":\"invalid_grant\"}");
          return;
        }
      respond_json (msg, 200, "{\"access_token\":\"at-2\",\"expires_in\":7200}");
    }
  else
    respond_json (msg, 400, "{\"error\":\"unsupported_grant_type\"}");
}

static AuthServer *
auth_server_new (void)
{
  AuthServer *a = g_new0 (AuthServer, 1);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GError) error = NULL;
  GSList *uris;

  a->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (a->server, "/oauth/authorize", authorize_cb, a, NULL);
  soup_server_add_handler (a->server, "/oauth/token", token_cb, a, NULL);
  soup_server_listen (a->server, address, 0, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (a->server);
  a->url = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  return a;
}

static void
auth_server_free (AuthServer *a)
{
  soup_server_disconnect (a->server);
  g_object_unref (a->server);
  g_free (a->url);
  g_free (a->challenge);
  g_free (a->redirect_uri);
  g_free (a);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AuthServer, auth_server_free)

static void
browse_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GBytes) page = soup_session_send_and_read_finish (SOUP_SESSION (object), result, NULL);

  *(char **) user_data = page ? g_strndup (g_bytes_get_data (page, NULL), g_bytes_get_size (page))
                              : g_strdup ("");
}

static void
tokens_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GTask **out = user_data;

  *out = g_object_ref (G_TASK (result));
}

/* Opens @uri as a browser would, following the redirect to the loopback. */
static char *
browse (const char *uri)
{
  g_autoptr(SoupSession) browser = soup_session_new ();
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", uri);
  char *page = NULL;

  soup_session_send_and_read_async (browser, msg, G_PRIORITY_DEFAULT, NULL, browse_cb, &page);
  while (page == NULL)
    g_main_context_iteration (NULL, TRUE);
  return page;
}

static WartaOAuthTokens *
sign_in (AuthServer  *a,
         char       **out_page,
         GError     **error)
{
  g_autoptr(WartaHttpClient) client = warta_http_client_new ();
  g_autoptr(WartaOAuthLogin) login = NULL;
  g_autofree char *authorize = g_strconcat (a->url, "/oauth/authorize", NULL);
  g_autofree char *token = g_strconcat (a->url, "/oauth/token", NULL);
  g_autoptr(GTask) done = NULL;
  WartaOAuthTokens *tokens;

  login = warta_oauth_login_new (client, authorize, token, "warta-client", NULL,
                                 "write:statuses write:media");
  g_assert_true (warta_oauth_login_start (login, error));
  g_assert_true (g_str_has_prefix (warta_oauth_login_get_redirect_uri (login), "http://127.0.0.1:"));
  warta_oauth_login_wait_async (login, NULL, tokens_cb, &done);
  *out_page = browse (warta_oauth_login_get_authorize_uri (login));
  while (done == NULL)
    g_main_context_iteration (NULL, TRUE);
  tokens = warta_oauth_login_wait_finish (login, G_ASYNC_RESULT (done), error);
  return tokens;
}

static void
test_pkce_vectors (void)
{
  g_autofree char *challenge = NULL;
  g_autofree char *a = warta_oauth_new_code_verifier ();
  g_autofree char *b = warta_oauth_new_code_verifier ();

  /* RFC 7636 appendix B. */
  challenge = warta_oauth_code_challenge ("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
  g_assert_cmpstr (challenge, ==, "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
  g_assert_cmpuint (strlen (a), ==, 64);
  g_assert_cmpstr (a, !=, b);
  for (const char *p = a; *p; p++)
    g_assert_true (g_ascii_isalnum (*p) || strchr ("-._~", *p));
}

static void
test_sign_in (void)
{
  g_autoptr(AuthServer) a = auth_server_new ();
  g_autoptr(WartaOAuthTokens) tokens = NULL;
  g_autoptr(WartaOAuthTokens) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *page = NULL;
  g_autofree char *json = NULL;

  tokens = sign_in (a, &page, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (page, "Signed in"));
  g_assert_cmpstr (tokens->access_token, ==, "at-1");
  g_assert_cmpstr (tokens->refresh_token, ==, "rt-1");
  g_assert_cmpint (tokens->expires_at, >, g_get_real_time ());

  json = warta_oauth_tokens_to_json (tokens);
  back = warta_oauth_tokens_from_json (json, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->access_token, ==, "at-1");
  g_assert_cmpstr (back->refresh_token, ==, "rt-1");
  g_assert_cmpint (back->expires_at, ==, tokens->expires_at);
}

static void
test_forged_state (void)
{
  g_autoptr(AuthServer) a = auth_server_new ();
  g_autoptr(WartaOAuthTokens) tokens = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *page = NULL;

  a->forge_state = TRUE;
  tokens = sign_in (a, &page, &error);
  g_assert_null (tokens);
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_AUTH_EXPIRED);
  /* The code was never exchanged. */
  g_assert_cmpuint (a->token_requests, ==, 0);
}

static void
refresh_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
test_refresh (void)
{
  g_autoptr(AuthServer) a = auth_server_new ();
  g_autoptr(WartaHttpClient) client = warta_http_client_new ();
  g_autoptr(WartaOAuthTokens) tokens = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token_url = g_strconcat (a->url, "/oauth/token", NULL);

  warta_oauth_refresh_async (client, token_url, "warta-client", NULL, "rt-1", NULL,
                             refresh_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  tokens = warta_oauth_refresh_finish (result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tokens->access_token, ==, "at-2");
  g_assert_null (tokens->refresh_token);
  g_clear_object (&result);

  /* A revoked refresh token: sign in again. */
  warta_oauth_refresh_async (client, token_url, "warta-client", NULL, "revoked", NULL,
                             refresh_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (warta_oauth_refresh_finish (result, &error));
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_REJECTED);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/warta/oauth/pkce-vectors", test_pkce_vectors);
  g_test_add_func ("/warta/oauth/sign-in", test_sign_in);
  g_test_add_func ("/warta/oauth/forged-state", test_forged_state);
  g_test_add_func ("/warta/oauth/refresh", test_refresh);
  return g_test_run ();
}
