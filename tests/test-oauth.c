/* test-oauth.c: sign-in with PKCE and a loopback redirect, against a
 * loopback authorization server; the test plays the browser
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "warta-account-store-private.h"
#include "warta-mastodon.h"
#include "warta-mastodon-publisher.h"
#include "warta-meta-sign-in.h"
#include "warta-oauth.h"
#include "warta-oauth-platforms.h"
#include "warta-outbox.h"
#include "warta-test-publish.h"
#include "warta-test-server.h"
#include "warta-test-server-oauth.h"

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

/* The six platforms against their loopback servers ------------------------- */

typedef struct
{
  WartaTestOAuthServer *server;
  WartaHttpClient      *client;
  WartaOAuthLogin      *login;
  GAsyncResult         *result;
  guint                 browser_status;
} Flow;

static void
flow_clear (Flow *f)
{
  g_clear_object (&f->login);
  g_clear_object (&f->result);
  g_clear_object (&f->client);
  g_clear_pointer (&f->server, warta_test_oauth_server_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Flow, flow_clear)

static void
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

/* Starts signing in to @platform and plays the browser up to Warta's
 * callback; the code is exchanged when the test waits (flow_finish). */
static void
flow_start (Flow       *f,
            const char *platform,
            const char *client_secret)
{
  const WartaOAuthPlatform *info = warta_oauth_platforms_lookup (platform);
  g_autofree char *authorize = NULL;
  g_autofree char *token = NULL;
  g_autoptr(GError) error = NULL;
  const char *scope = info ? info->scope : "read write:media write:statuses";

  f->server = warta_test_oauth_server_new (platform);
  f->client = warta_http_client_new ();
  authorize = warta_test_oauth_server_authorize_url (f->server);
  token = warta_test_oauth_server_token_url (f->server);
  f->login = warta_oauth_login_new (f->client, authorize, token, WARTA_TEST_OAUTH_CLIENT_ID,
                                    client_secret, scope);
  warta_oauth_login_set_platform (f->login, platform);
  g_assert_true (warta_oauth_login_start (f->login, &error));
  g_assert_no_error (error);
}

static void
flow_browse (Flow *f)
{
  g_autofree char *page = NULL;

  f->browser_status = warta_test_oauth_browse (warta_oauth_login_get_authorize_uri (f->login), &page);
}

static WartaOAuthTokens *
flow_finish (Flow    *f,
             GError **error)
{
  g_clear_object (&f->result);
  warta_oauth_login_wait_async (f->login, NULL, result_cb, &f->result);
  return warta_oauth_login_wait_finish (f->login, wait_for (&f->result), error);
}

static WartaOAuthTokens *
flow_sign_in (Flow       *f,
              const char *platform,
              const char *client_secret,
              GError    **error)
{
  flow_start (f, platform, client_secret);
  flow_browse (f);
  g_assert_cmpstr (warta_test_oauth_server_get_last_refusal (f->server), ==, NULL);
  g_assert_cmpuint (f->browser_status, ==, SOUP_STATUS_OK);
  return flow_finish (f, error);
}

static WartaOAuthTokens *
flow_refresh (Flow                   *f,
              const char             *platform,
              const char             *url,
              const char             *client_secret,
              const WartaOAuthTokens *tokens,
              GError                **error)
{
  g_clear_object (&f->result);
  warta_oauth_refresh_tokens_async (f->client, platform, url, WARTA_TEST_OAUTH_CLIENT_ID,
                                    client_secret, tokens, NULL, result_cb, &f->result);
  return warta_oauth_refresh_finish (wait_for (&f->result), error);
}

static const char * const create_content[] = { "ANALYZE", "ADVERTISE", "MODERATE", "CREATE_CONTENT", "MANAGE", NULL };
static const char * const moderate_only[] = { "ANALYZE", "MODERATE", NULL };

static GPtrArray *
list_pages (Flow                   *f,
            const WartaOAuthTokens *user,
            GError                **error)
{
  g_clear_object (&f->result);
  warta_meta_list_pages_async (f->client, warta_test_oauth_server_get_url (f->server),
                               user->access_token, NULL, result_cb, &f->result);
  return warta_meta_list_pages_finish (wait_for (&f->result), error);
}

/* §1.1: fb_exchange_token → the long-lived user token; with no
 * @short_lived, signs in for one first. */
static WartaOAuthTokens *
facebook_long_lived (Flow                   *f,
                     const WartaOAuthTokens *short_lived)
{
  g_autofree char *token_url = NULL;
  g_autoptr(WartaOAuthTokens) signed_in = NULL;
  g_autoptr(GError) error = NULL;
  WartaOAuthTokens *long_lived;

  if (short_lived == NULL)
    {
      signed_in = flow_sign_in (f, "facebook", WARTA_TEST_OAUTH_CLIENT_SECRET, &error);
      g_assert_no_error (error);
      short_lived = signed_in;
    }
  token_url = warta_test_oauth_server_token_url (f->server);
  g_clear_object (&f->result);
  warta_meta_exchange_async (f->client, "facebook", token_url, WARTA_TEST_OAUTH_CLIENT_ID,
                             WARTA_TEST_OAUTH_CLIENT_SECRET, short_lived, NULL, result_cb, &f->result);
  long_lived = warta_oauth_refresh_finish (wait_for (&f->result), &error);
  g_assert_no_error (error);
  return long_lived;
}

/* §1.1: code → short-lived token by GET, fb_exchange_token → long-lived,
 * /me/accounts → the Pages the user may create content on. */
static void
test_facebook (void)
{
  g_auto(Flow) f = { 0 };
  g_autoptr(WartaOAuthTokens) short_lived = NULL;
  g_autoptr(WartaOAuthTokens) long_lived = NULL;
  g_autoptr(GPtrArray) pages = NULL;
  g_autoptr(GError) error = NULL;
  WartaFacebookPage *page;

  short_lived = flow_sign_in (&f, "facebook", WARTA_TEST_OAUTH_CLIENT_SECRET, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (short_lived->access_token, "fb-short-"));
  g_assert_null (short_lived->refresh_token);

  /* The short-lived token gives no Page token that never expires. */
  pages = list_pages (&f, short_lived, &error);
  g_assert_null (pages);
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_AUTH_EXPIRED);
  g_clear_error (&error);

  long_lived = facebook_long_lived (&f, short_lived);
  g_assert_true (g_str_has_prefix (long_lived->access_token, "fb-long-"));
  g_assert_cmpint (long_lived->expires_at, >, g_get_real_time () + 59 * G_TIME_SPAN_DAY);

  pages = list_pages (&f, long_lived, &error);
  g_assert_null (pages);
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_PERMISSION_DENIED);
  g_assert_nonnull (strstr (error->message, "manages no Page"));
  g_clear_error (&error);

  warta_test_oauth_server_add_page (f.server, "1001", "Diskominfo Kota", "page-token-1001", moderate_only);
  pages = list_pages (&f, long_lived, &error);
  g_assert_null (pages);
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_PERMISSION_DENIED);
  g_assert_nonnull (strstr (error->message, "may not create content"));
  g_clear_error (&error);

  warta_test_oauth_server_add_page (f.server, "1002", "Inspektorat Kota", "page-token-1002", create_content);
  warta_test_oauth_server_add_page (f.server, "1003", "PPID Kota", "page-token-1003", create_content);
  pages = list_pages (&f, long_lived, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pages->len, ==, 2);
  page = pages->pdata[0];
  g_assert_cmpstr (page->id, ==, "1002");
  g_assert_cmpstr (page->name, ==, "Inspektorat Kota");
  g_assert_cmpstr (page->access_token, ==, "page-token-1002");
  page = pages->pdata[1];
  g_assert_cmpstr (page->id, ==, "1003");
}

static void
add_pages (WartaTestOAuthServer *server,
           guint                 n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("%u", 5000 + i);
      g_autofree char *name = g_strdup_printf ("Kelurahan %u", i + 1);
      g_autofree char *token = g_strdup_printf ("page-token-%u", 5000 + i);

      /* Every tenth may only be moderated. */
      warta_test_oauth_server_add_page (server, id, name, token,
                                        i % 10 == 9 ? moderate_only : create_content);
    }
}

/* Graph's cursor pagination: /me/accounts answers 50 Pages at a time (less
 * than the 100 asked for), and the "next" links lead to all 130; past
 * 1,000 Pages Warta stops and says so. */
static void
test_facebook_many_pages (void)
{
  g_auto(Flow) f = { 0 };
  g_autoptr(WartaOAuthTokens) long_lived = NULL;
  g_autoptr(GPtrArray) pages = NULL;
  g_autoptr(GError) error = NULL;
  WartaFacebookPage *page;

  long_lived = facebook_long_lived (&f, NULL);
  add_pages (f.server, 130);
  warta_test_oauth_server_set_page_size (f.server, 50);

  pages = list_pages (&f, long_lived, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (warta_test_oauth_server_get_n_page_requests (f.server), ==, 3);
  /* 130 listed, 13 of them only to moderate. */
  g_assert_cmpuint (pages->len, ==, 117);
  page = pages->pdata[0];
  g_assert_cmpstr (page->id, ==, "5000");
  /* The 71st Page, on the second page of the list. */
  page = pages->pdata[63];
  g_assert_cmpstr (page->id, ==, "5070");
  g_assert_cmpstr (page->name, ==, "Kelurahan 71");
  g_assert_cmpstr (page->access_token, ==, "page-token-5070");
  page = pages->pdata[116];
  g_assert_cmpstr (page->id, ==, "5128");
  g_clear_pointer (&pages, g_ptr_array_unref);

  /* 1,001 Pages: ten answers of 100 read, then a clear no. */
  add_pages (f.server, 871);
  warta_test_oauth_server_set_page_size (f.server, 100);
  pages = list_pages (&f, long_lived, &error);
  g_assert_null (pages);
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_PERMISSION_DENIED);
  g_assert_nonnull (strstr (error->message, "more than 1000 Pages"));
  g_assert_cmpuint (warta_test_oauth_server_get_n_page_requests (f.server), ==, 3 + 10);
}

static void
test_facebook_errors (void)
{
  g_auto(Flow) f = { 0 };
  g_auto(Flow) g = { 0 };
  g_autoptr(WartaOAuthTokens) tokens = NULL;
  g_autoptr(GError) error = NULL;

  /* Denied in the browser: no code, nothing exchanged. */
  flow_start (&f, "facebook", WARTA_TEST_OAUTH_CLIENT_SECRET);
  warta_test_oauth_server_set_deny (f.server, TRUE);
  flow_browse (&f);
  tokens = flow_finish (&f, &error);
  g_assert_null (tokens);
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_PERMISSION_DENIED);
  g_assert_nonnull (strstr (error->message, "Sign in again"));
  g_assert_cmpuint (warta_test_oauth_server_get_n_token_requests (f.server), ==, 0);
  g_clear_error (&error);

  /* A wrong app secret: Graph's code 1, the developer app to check. */
  tokens = flow_sign_in (&g, "facebook", "not-the-secret", &error);
  g_assert_null (tokens);
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_NOT_CONFIGURED);
  g_assert_nonnull (strstr (error->message, "Developer Apps"));
  g_assert_cmpstr (warta_publish_error_get_platform_code (error), ==, "1");
}

/* §2.2 step 3: the 60-day token at the Graph host. */
static WartaOAuthTokens *
instagram_long_lived (Flow                   *f,
                      const WartaOAuthTokens *short_lived,
                      GError                **error)
{
  g_autofree char *url = g_strconcat (warta_test_oauth_server_get_url (f->server), "/access_token", NULL);

  g_clear_object (&f->result);
  warta_meta_exchange_async (f->client, "instagram", url, WARTA_TEST_OAUTH_CLIENT_ID,
                             WARTA_TEST_OAUTH_CLIENT_SECRET, short_lived, NULL, result_cb, &f->result);
  return warta_oauth_refresh_finish (wait_for (&f->result), error);
}

static void
check_instagram_user (Flow        *f,
                      const char  *token,
                      GError     **error)
{
  g_autofree char *user_id = NULL;
  g_autofree char *username = NULL;

  g_clear_object (&f->result);
  warta_meta_instagram_user_async (f->client, warta_test_oauth_server_get_url (f->server), token,
                                   NULL, result_cb, &f->result);
  user_id = warta_meta_instagram_user_finish (wait_for (&f->result), &username, error);
  if (error)
    {
      g_assert_null (user_id);
      g_assert_null (username);
      return;
    }
  g_assert_cmpstr (user_id, ==, WARTA_TEST_OAUTH_IG_USER_ID);
  g_assert_cmpstr (username, ==, WARTA_TEST_OAUTH_IG_USERNAME);
}

/* §2.2: the code comes back with "#_"; the token answer's two shapes; the
 * 60-day token; its renewal, no secret, once a day old. */
static void
check_instagram (gboolean flat)
{
  g_auto(Flow) f = { 0 };
  g_autoptr(WartaOAuthTokens) short_lived = NULL;
  g_autoptr(WartaOAuthTokens) long_lived = NULL;
  g_autoptr(WartaOAuthTokens) renewed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *refresh_url = NULL;
  gint64 now = g_get_real_time ();

  flow_start (&f, "instagram", WARTA_TEST_OAUTH_CLIENT_SECRET);
  warta_test_oauth_server_set_flat_answer (f.server, flat);
  flow_browse (&f);
  short_lived = flow_finish (&f, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (short_lived->access_token, "ig-short-"));
  g_assert_cmpstr (short_lived->user_id, ==, WARTA_TEST_OAUTH_IG_USER_ID);

  long_lived = instagram_long_lived (&f, short_lived, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (long_lived->access_token, "ig-long-"));
  g_assert_cmpstr (long_lived->user_id, ==, WARTA_TEST_OAUTH_IG_USER_ID);
  g_assert_cmpint (long_lived->expires_at, >, now + 59 * G_TIME_SPAN_DAY);
  g_assert_false (warta_oauth_tokens_need_refresh ("instagram", long_lived, now));
  g_assert_true (warta_oauth_tokens_need_refresh ("instagram", long_lived, now + 31 * G_TIME_SPAN_DAY));

  /* Where the outbox renews it: the account's Graph host. */
  refresh_url = warta_oauth_platform_refresh_url ("instagram", warta_test_oauth_server_get_url (f.server),
                                                  "http://unused.invalid/oauth/access_token");
  g_assert_true (g_str_has_prefix (refresh_url, warta_test_oauth_server_get_url (f.server)));
  g_assert_true (g_str_has_suffix (refresh_url, "/refresh_access_token"));

  /* Less than a day old: refused. */
  renewed = flow_refresh (&f, "instagram", refresh_url, NULL, long_lived, &error);
  g_assert_null (renewed);
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_AUTH_EXPIRED);
  g_clear_error (&error);

  warta_test_oauth_server_age (f.server, 31 * 24 * 3600);
  renewed = flow_refresh (&f, "instagram", refresh_url, NULL, long_lived, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (renewed->access_token, !=, long_lived->access_token);
  g_assert_true (warta_test_oauth_server_token_is_valid (f.server, renewed->access_token));
  g_assert_false (warta_test_oauth_server_token_is_valid (f.server, long_lived->access_token));
  g_assert_cmpstr (renewed->user_id, ==, WARTA_TEST_OAUTH_IG_USER_ID);
  g_assert_null (renewed->refresh_token);

  /* §2.1: who signed in, by the 60-day token; not by a withdrawn one. */
  check_instagram_user (&f, renewed->access_token, NULL);
  check_instagram_user (&f, long_lived->access_token, &error);
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_AUTH_EXPIRED);
}

static void
test_instagram (void)
{
  check_instagram (FALSE);
  check_instagram (TRUE);
}

/* §3.1: PKCE, public and confidential clients, 30-second codes, rotating
 * refresh tokens. */
static void
test_x (void)
{
  g_auto(Flow) f = { 0 };
  g_auto(Flow) g = { 0 };
  g_auto(Flow) h = { 0 };
  g_autoptr(WartaOAuthTokens) tokens = NULL;
  g_autoptr(WartaOAuthTokens) renewed = NULL;
  g_autoptr(WartaOAuthTokens) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token_url = NULL;

  tokens = flow_sign_in (&f, "x", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (tokens->refresh_token);
  g_assert_cmpint (tokens->expires_at, >, g_get_real_time () + (gint64) 7000 * G_USEC_PER_SEC);

  token_url = warta_test_oauth_server_token_url (f.server);
  renewed = flow_refresh (&f, "x", token_url, NULL, tokens, &error);
  g_assert_no_error (error);
  g_assert_nonnull (renewed->refresh_token);
  g_assert_cmpstr (renewed->refresh_token, !=, tokens->refresh_token);
  /* The old refresh token died with its use. */
  again = flow_refresh (&f, "x", token_url, NULL, tokens, &error);
  g_assert_null (again);
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_AUTH_EXPIRED);
  g_clear_error (&error);
  g_clear_pointer (&tokens, warta_oauth_tokens_free);

  /* A confidential client authenticates with Basic. */
  flow_start (&g, "x", WARTA_TEST_OAUTH_CLIENT_SECRET);
  warta_test_oauth_server_set_confidential (g.server, TRUE);
  flow_browse (&g);
  tokens = flow_finish (&g, &error);
  g_assert_no_error (error);
  g_clear_pointer (&tokens, warta_oauth_tokens_free);

  /* A code is good for 30 seconds. */
  flow_start (&h, "x", NULL);
  flow_browse (&h);
  warta_test_oauth_server_age (h.server, 31);
  tokens = flow_finish (&h, &error);
  g_assert_null (tokens);
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_AUTH_EXPIRED);
  g_assert_nonnull (strstr (error->message, "Sign in again"));
}

/* §4.1: offline access with consent; the refresh keeps the refresh token;
 * a revoked one is invalid_grant: sign in again. */
static void
test_youtube (void)
{
  g_auto(Flow) f = { 0 };
  g_autoptr(WartaOAuthTokens) tokens = NULL;
  g_autoptr(WartaOAuthTokens) renewed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token_url = NULL;

  tokens = flow_sign_in (&f, "youtube", WARTA_TEST_OAUTH_CLIENT_SECRET, &error);
  g_assert_no_error (error);
  g_assert_nonnull (tokens->refresh_token);
  g_assert_nonnull (strstr (warta_oauth_login_get_authorize_uri (f.login),
                            "access_type=offline&prompt=consent"));

  token_url = warta_test_oauth_server_token_url (f.server);
  renewed = flow_refresh (&f, "youtube", token_url, WARTA_TEST_OAUTH_CLIENT_SECRET, tokens, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (renewed->access_token, !=, tokens->access_token);
  g_assert_cmpstr (renewed->refresh_token, ==, tokens->refresh_token);
  g_clear_pointer (&renewed, warta_oauth_tokens_free);

  warta_test_oauth_server_revoke (f.server);
  renewed = flow_refresh (&f, "youtube", token_url, WARTA_TEST_OAUTH_CLIENT_SECRET, tokens, &error);
  g_assert_null (renewed);
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_AUTH_EXPIRED);
  g_assert_cmpstr (warta_publish_error_get_platform_code (error), ==, "invalid_grant");
  g_assert_nonnull (strstr (error->message, "Sign in again"));
}

/* §5.1: client_key, open_id, rotation; errors with HTTP 200 or 4xx. */
static void
test_tiktok (void)
{
  g_auto(Flow) f = { 0 };
  g_autoptr(WartaOAuthTokens) tokens = NULL;
  g_autoptr(WartaOAuthTokens) renewed = NULL;
  g_autoptr(WartaOAuthTokens) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token_url = NULL;

  tokens = flow_sign_in (&f, "tiktok", WARTA_TEST_OAUTH_CLIENT_SECRET, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (warta_oauth_login_get_authorize_uri (f.login), "client_key="));
  g_assert_cmpstr (tokens->user_id, ==, WARTA_TEST_OAUTH_TIKTOK_OPEN_ID);

  token_url = warta_test_oauth_server_token_url (f.server);
  renewed = flow_refresh (&f, "tiktok", token_url, WARTA_TEST_OAUTH_CLIENT_SECRET, tokens, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (renewed->refresh_token, !=, tokens->refresh_token);
  g_assert_cmpstr (renewed->user_id, ==, WARTA_TEST_OAUTH_TIKTOK_OPEN_ID);

  /* The rotated-out token: invalid_grant with HTTP 200, then with 400. */
  again = flow_refresh (&f, "tiktok", token_url, WARTA_TEST_OAUTH_CLIENT_SECRET, tokens, &error);
  g_assert_null (again);
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_AUTH_EXPIRED);
  g_assert_cmpstr (warta_publish_error_get_platform_code (error), ==, "invalid_grant");
  g_clear_error (&error);
  warta_test_oauth_server_set_error_status (f.server, SOUP_STATUS_BAD_REQUEST);
  again = flow_refresh (&f, "tiktok", token_url, WARTA_TEST_OAUTH_CLIENT_SECRET, tokens, &error);
  g_assert_null (again);
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_AUTH_EXPIRED);
  g_clear_error (&error);

  /* The newest one works. */
  again = flow_refresh (&f, "tiktok", token_url, WARTA_TEST_OAUTH_CLIENT_SECRET, renewed, &error);
  g_assert_no_error (error);
  g_assert_true (warta_test_oauth_server_token_is_valid (f.server, again->access_token));
}

/* §6.1: an app registered on the instance, then PKCE. */
static void
test_mastodon (void)
{
  g_auto(Flow) f = { 0 };
  g_autoptr(WartaOAuthTokens) tokens = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *client_id = NULL;
  g_autofree char *client_secret = NULL;

  flow_start (&f, "mastodon", NULL);
  warta_mastodon_register_app_async (f.client, warta_test_oauth_server_get_url (f.server),
                                     warta_oauth_login_get_redirect_uri (f.login),
                                     "read write:media write:statuses", NULL, result_cb, &f.result);
  client_id = warta_mastodon_register_app_finish (wait_for (&f.result), &client_secret, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (warta_test_oauth_server_get_n_apps (f.server), ==, 1);
  warta_oauth_login_set_client (f.login, client_id, client_secret);
  flow_browse (&f);
  g_assert_cmpuint (f.browser_status, ==, SOUP_STATUS_OK);
  tokens = flow_finish (&f, &error);
  g_assert_no_error (error);
  g_assert_true (warta_test_oauth_server_token_is_valid (f.server, tokens->access_token));
  g_assert_cmpint (tokens->expires_at, ==, 0);
}

/* A token endpoint that cannot be reached: try again later, said so. */
static void
test_network_error (void)
{
  g_auto(Flow) f = { 0 };
  g_autoptr(WartaOAuthTokens) tokens = NULL;
  g_autoptr(WartaOAuthTokens) old = g_new0 (WartaOAuthTokens, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  g_autofree char *dead = NULL;
  guint16 port;

  /* A port that was free a moment ago and is closed now. */
  port = g_socket_listener_add_any_inet_port (listener, NULL, &error);
  g_assert_no_error (error);
  g_socket_listener_close (listener);
  dead = g_strdup_printf ("http://127.0.0.1:%u/token", port);

  f.client = warta_http_client_new ();
  old->access_token = g_strdup ("at");
  old->refresh_token = g_strdup ("rt");
  tokens = flow_refresh (&f, "youtube", dead, "s", old, &error);
  g_assert_null (tokens);
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_RETRYABLE);
  g_assert_nonnull (strstr (error->message, "sign in again"));
}

/* The tokens round-trip through the keyring's JSON. */
static void
test_sign_in (void)
{
  g_auto(Flow) f = { 0 };
  g_autoptr(WartaOAuthTokens) tokens = NULL;
  g_autoptr(WartaOAuthTokens) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;

  tokens = flow_sign_in (&f, "tiktok", WARTA_TEST_OAUTH_CLIENT_SECRET, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tokens->expires_at, >, g_get_real_time ());
  json = warta_oauth_tokens_to_json (tokens);
  back = warta_oauth_tokens_from_json (json, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->access_token, ==, tokens->access_token);
  g_assert_cmpstr (back->refresh_token, ==, tokens->refresh_token);
  g_assert_cmpstr (back->user_id, ==, WARTA_TEST_OAUTH_TIKTOK_OPEN_ID);
  g_assert_cmpint (back->expires_at, ==, tokens->expires_at);
}

/* A redirect with another state: the code is never exchanged. */
static void
test_forged_state (void)
{
  g_auto(Flow) f = { 0 };
  g_autoptr(WartaOAuthTokens) tokens = NULL;
  g_autoptr(GError) error = NULL;

  flow_start (&f, "x", NULL);
  warta_test_oauth_server_set_forge_state (f.server, TRUE);
  flow_browse (&f);
  tokens = flow_finish (&f, &error);
  g_assert_null (tokens);
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_AUTH_EXPIRED);
  g_assert_nonnull (strstr (error->message, "Sign in again"));
  g_assert_cmpuint (warta_test_oauth_server_get_n_token_requests (f.server), ==, 0);
}

/* The plain RFC 6749 refresh (no platform rules). */
static void
test_refresh (void)
{
  g_auto(Flow) f = { 0 };
  g_autoptr(WartaOAuthTokens) tokens = NULL;
  g_autoptr(WartaOAuthTokens) renewed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token_url = NULL;

  tokens = flow_sign_in (&f, "youtube", WARTA_TEST_OAUTH_CLIENT_SECRET, &error);
  g_assert_no_error (error);
  token_url = warta_test_oauth_server_token_url (f.server);
  g_clear_object (&f.result);
  warta_oauth_refresh_async (f.client, token_url, WARTA_TEST_OAUTH_CLIENT_ID,
                             WARTA_TEST_OAUTH_CLIENT_SECRET, tokens->refresh_token, NULL,
                             result_cb, &f.result);
  renewed = warta_oauth_refresh_finish (wait_for (&f.result), &error);
  g_assert_no_error (error);
  g_assert_true (warta_test_oauth_server_token_is_valid (f.server, renewed->access_token));
  /* None came back: the one used is kept. */
  g_assert_cmpstr (renewed->refresh_token, ==, tokens->refresh_token);
}

/* The outbox renews an Instagram account's token itself -------------------- */

static char *published_with;          /* the token the publisher was given */
static const char *stand_in_url;      /* the Mastodon server that takes the posts */

/* Instagram's publisher is another helper's: a Mastodon publisher stands
 * in, so what is under test is only the refresh before it. */
static WartaPublisher *
stand_in_publisher_new (WartaHttpClient  *client,
                        WartaAccount     *account,
                        const char       *secret,
                        GError          **error)
{
  g_autoptr(WartaOAuthTokens) tokens = warta_oauth_tokens_from_json (secret, error);
  g_autoptr(WartaAccount) target = warta_account_new ();

  if (tokens == NULL)
    return NULL;
  g_free (published_with);
  published_with = g_strdup (tokens->access_token);
  warta_account_set_platform (target, "mastodon");
  warta_account_set_base_url (target, stand_in_url);
  warta_account_set_settings (target, "{\"media-poll-ms\": \"20\"}");
  return warta_mastodon_publisher_new (client, target, WARTA_TEST_MASTODON_TOKEN, error);
}

static void
lookup_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  char **secret = user_data;

  *secret = warta_account_store_lookup_secret_finish (WARTA_ACCOUNT_STORE (object), result, NULL);
  if (*secret == NULL)
    *secret = g_strdup ("");
}

/* Publishes @p to account @id through @outbox, which must succeed. */
static void
publish_one (WartaTestPublish *t,
             WartaOutbox      *outbox,
             WartaPublication *p,
             gint64            id)
{
  g_autoptr(GListModel) jobs = NULL;
  g_autoptr(WartaOutboxJob) job = NULL;
  g_autoptr(GError) error = NULL;

  /* The office's website, which Instagram and TikTok fetch photos from:
   * without one, no job would be written (warta_publish_check_target()).
   * The stand-in publisher never asks it. */
  warta_test_publish_add_account (t, "wordpress", "http://127.0.0.1:9", "{}", "key-website");
  jobs = warta_outbox_publish (outbox, t->admin, warta_publication_get_id (p),
                               warta_publication_get_version (p), &id, 1, &error);
  g_assert_no_error (error);
  job = g_list_model_get_item (jobs, 0);
  warta_outbox_start (outbox);
  while (warta_outbox_job_get_state (job) != WARTA_OUTBOX_STATE_DONE &&
         warta_outbox_job_get_state (job) != WARTA_OUTBOX_STATE_FAILED)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (warta_outbox_job_get_error_message (job), ==, NULL);
  g_assert_cmpuint (warta_outbox_job_get_state (job), ==, WARTA_OUTBOX_STATE_DONE);
  warta_outbox_stop (outbox);
  while (warta_outbox_get_n_running (outbox) > 0)
    g_main_context_iteration (NULL, TRUE);
}

/* The tokens the store keeps for account @id. */
static WartaOAuthTokens *
stored_tokens (WartaTestPublish  *t,
               WartaAccountStore *store,
               gint64             id)
{
  g_autoptr(WartaAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *secret = NULL;
  WartaOAuthTokens *tokens;

  account = warta_account_repository_get (t->accounts, id, &error);
  g_assert_no_error (error);
  warta_account_store_lookup_secret_async (store, account, NULL, lookup_cb, &secret);
  while (secret == NULL)
    g_main_context_iteration (NULL, TRUE);
  tokens = warta_oauth_tokens_from_json (secret, &error);
  g_assert_no_error (error);
  return tokens;
}

static void
test_outbox_instagram (void)
{
  g_auto(Flow) f = { 0 };
  g_autoptr(WartaTestPublish) t = warta_test_publish_new ();
  g_autoptr(WartaTestServer) mastodon = warta_test_server_new (WARTA_TEST_MASTODON);
  g_autoptr(WartaAccountStore) store = warta_account_store_new (t->accounts);
  g_autoptr(WartaOutbox) outbox = NULL;
  g_autoptr(WartaPublication) p = warta_test_publish_make_approved (t, "Rakor token Instagram", 1);
  g_autoptr(WartaOAuthTokens) short_lived = NULL;
  g_autoptr(WartaOAuthTokens) long_lived = NULL;
  g_autoptr(WartaOAuthTokens) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token_url = NULL;
  g_autofree char *json = NULL;
  gint64 id;

  short_lived = flow_sign_in (&f, "instagram", WARTA_TEST_OAUTH_CLIENT_SECRET, &error);
  g_assert_no_error (error);
  long_lived = instagram_long_lived (&f, short_lived, &error);
  g_assert_no_error (error);

  /* A month later: less than 30 days left, and over a day old. */
  warta_test_oauth_server_age (f.server, 31 * 24 * 3600);
  long_lived->expires_at = g_get_real_time () + 29 * G_TIME_SPAN_DAY;
  json = warta_oauth_tokens_to_json (long_lived);

  _warta_account_store_use_memory_secrets (store);
  id = warta_test_publish_add_account (t, "instagram", warta_test_oauth_server_get_url (f.server),
                                       "{}", "key-instagram");
  _warta_account_store_set_memory_secret (store, "key-instagram", json);
  stand_in_url = warta_test_server_get_url (mastodon);
  outbox = warta_outbox_new (t->outbox, store, f.client);
  warta_outbox_register_platform (outbox, "instagram", stand_in_publisher_new);
  token_url = warta_test_oauth_server_token_url (f.server);
  warta_outbox_set_oauth_client (outbox, "instagram", token_url, WARTA_TEST_OAUTH_CLIENT_ID,
                                 WARTA_TEST_OAUTH_CLIENT_SECRET);

  publish_one (t, outbox, p, id);

  /* Renewed at graph.instagram.com before publishing, and kept. */
  stored = stored_tokens (t, store, id);
  g_assert_cmpstr (stored->access_token, !=, long_lived->access_token);
  g_assert_true (warta_test_oauth_server_token_is_valid (f.server, stored->access_token));
  g_assert_cmpstr (stored->user_id, ==, WARTA_TEST_OAUTH_IG_USER_ID);
  g_assert_cmpint (stored->expires_at, >, g_get_real_time () + 59 * G_TIME_SPAN_DAY);
  g_assert_cmpstr (published_with, ==, stored->access_token);
  g_clear_pointer (&published_with, g_free);
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  *(gboolean *) user_data = TRUE;
  g_assert_true (warta_account_store_save_client_secret_finish (WARTA_ACCOUNT_STORE (object),
                                                                result, NULL));
}

/* TikTok's refresh wants the app's secret. The office keeps it with the
 * account store (the keyring; here its memory), not in the settings: the
 * outbox is given only the app's id and reads the secret when it renews a
 * token. Without it the loopback token endpoint refuses the client. */
static void
test_outbox_tiktok (void)
{
  g_auto(Flow) f = { 0 };
  g_autoptr(WartaTestPublish) t = warta_test_publish_new ();
  g_autoptr(WartaTestServer) mastodon = warta_test_server_new (WARTA_TEST_MASTODON);
  g_autoptr(WartaAccountStore) store = warta_account_store_new (t->accounts);
  g_autoptr(WartaOutbox) outbox = NULL;
  g_autoptr(WartaPublication) p = warta_test_publish_make_approved (t, "Rakor token TikTok", 1);
  g_autoptr(WartaOAuthTokens) tokens = NULL;
  g_autoptr(WartaOAuthTokens) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token_url = NULL;
  g_autofree char *json = NULL;
  gboolean saved = FALSE;
  gint64 id;

  tokens = flow_sign_in (&f, "tiktok", WARTA_TEST_OAUTH_CLIENT_SECRET, &error);
  g_assert_no_error (error);
  tokens->expires_at = g_get_real_time () + 60 * G_USEC_PER_SEC;
  json = warta_oauth_tokens_to_json (tokens);

  _warta_account_store_use_memory_secrets (store);
  warta_account_store_save_client_secret_async (store, "tiktok", WARTA_TEST_OAUTH_CLIENT_SECRET,
                                                NULL, saved_cb, &saved);
  while (!saved)
    g_main_context_iteration (NULL, TRUE);
  id = warta_test_publish_add_account (t, "tiktok", warta_test_oauth_server_get_url (f.server),
                                       "{}", "key-tiktok");
  _warta_account_store_set_memory_secret (store, "key-tiktok", json);
  stand_in_url = warta_test_server_get_url (mastodon);
  outbox = warta_outbox_new (t->outbox, store, f.client);
  warta_outbox_register_platform (outbox, "tiktok", stand_in_publisher_new);
  token_url = warta_test_oauth_server_token_url (f.server);
  warta_outbox_set_oauth_client (outbox, "tiktok", token_url, WARTA_TEST_OAUTH_CLIENT_ID, NULL);

  publish_one (t, outbox, p, id);

  /* Renewed with the app's secret before publishing, and kept. */
  g_assert_cmpstr (warta_test_oauth_server_get_last_refusal (f.server), ==, NULL);
  stored = stored_tokens (t, store, id);
  g_assert_cmpstr (stored->refresh_token, !=, tokens->refresh_token);
  g_assert_true (warta_test_oauth_server_token_is_valid (f.server, stored->access_token));
  g_assert_cmpstr (published_with, ==, stored->access_token);
  g_clear_pointer (&published_with, g_free);
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
  g_test_add_func ("/warta/oauth/facebook", test_facebook);
  g_test_add_func ("/warta/oauth/facebook-many-pages", test_facebook_many_pages);
  g_test_add_func ("/warta/oauth/facebook-errors", test_facebook_errors);
  g_test_add_func ("/warta/oauth/instagram", test_instagram);
  g_test_add_func ("/warta/oauth/x", test_x);
  g_test_add_func ("/warta/oauth/youtube", test_youtube);
  g_test_add_func ("/warta/oauth/tiktok", test_tiktok);
  g_test_add_func ("/warta/oauth/mastodon", test_mastodon);
  g_test_add_func ("/warta/oauth/network-error", test_network_error);
  g_test_add_func ("/warta/oauth/outbox-instagram", test_outbox_instagram);
  g_test_add_func ("/warta/oauth/outbox-tiktok", test_outbox_tiktok);
  return g_test_run ();
}
