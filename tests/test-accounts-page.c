/* test-accounts-page.c: adding and signing in again to accounts through
 * the Accounts page, against the loopback authorization servers, with the
 * secrets in a real keyring
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The test plays the browser: the page's URI opener hands it the
 * authorize URI, which it follows to Warta's 127.0.0.1 callback.
 */
#include "config.h"

#include <string.h>

#include "warta-accounts-page-private.h"
#include "warta-account-store.h"
#include "warta-oauth.h"
#include "warta-test-gui.h"
#include "warta-test-keyring.h"
#include "warta-test-publish.h"
#include "warta-test-server-oauth.h"

typedef struct
{
  WartaTestPublish     *t;
  WartaTestOAuthServer *server;
  GSettings            *settings;
  WartaContext         *context;
  GtkWidget            *window;
  WartaAccountsPage    *page;
} Fixture;

static char *opened_uri;

static void
open_uri (const char *uri)
{
  g_free (opened_uri);
  opened_uri = g_strdup (uri);
}

static void
iterate (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
late_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

typedef gboolean (*Condition) (Fixture *f, gconstpointer data);

/* Every condition here follows an event on this main context. */
static void
wait_until (Fixture       *f,
            Condition      condition,
            gconstpointer  data,
            const char    *what)
{
  gboolean late = FALSE;
  guint timeout = g_timeout_add_seconds (30, late_cb, &late);

  while (!condition (f, data) && !late)
    g_main_context_iteration (NULL, TRUE);
  if (late)
    g_error ("timed out waiting for %s", what);
  g_source_remove (timeout);
  iterate ();
}

static gboolean
dialog_titled (Fixture       *f,
               gconstpointer  heading)
{
  AdwMessageDialog *dialog = _warta_accounts_get_dialog ();

  return dialog && g_strcmp0 (adw_message_dialog_get_heading (dialog), heading) == 0;
}

static gboolean
browser_opened (Fixture       *f,
                gconstpointer  data)
{
  return opened_uri != NULL;
}

/* The office's developer app for @platform, and its loopback endpoints. */
static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  const char *platform = data;
  g_autofree char *authorize = NULL;
  g_autofree char *token = NULL;
  GVariantBuilder ids, secrets;

  f->t = warta_test_publish_new ();
  f->server = warta_test_oauth_server_new (platform);
  f->settings = g_settings_new (APPLICATION_ID);
  g_variant_builder_init (&ids, G_VARIANT_TYPE ("a{ss}"));
  g_variant_builder_add (&ids, "{ss}", platform, WARTA_TEST_OAUTH_CLIENT_ID);
  g_settings_set_value (f->settings, "oauth-client-ids", g_variant_builder_end (&ids));
  g_variant_builder_init (&secrets, G_VARIANT_TYPE ("a{ss}"));
  g_variant_builder_add (&secrets, "{ss}", platform, WARTA_TEST_OAUTH_CLIENT_SECRET);
  g_settings_set_value (f->settings, "oauth-client-secrets", g_variant_builder_end (&secrets));
  f->context = warta_context_new (f->t->db, f->settings);
  warta_context_set_current_user (f->context, f->t->admin);

  authorize = warta_test_oauth_server_authorize_url (f->server);
  token = warta_test_oauth_server_token_url (f->server);
  _warta_accounts_set_platform_urls (platform, authorize, token,
                                     warta_test_oauth_server_get_url (f->server));
  _warta_accounts_set_uri_opener (open_uri);
  g_clear_pointer (&opened_uri, g_free);

  f->window = gtk_window_new ();
  f->page = WARTA_ACCOUNTS_PAGE (warta_accounts_page_new ());
  gtk_window_set_default_size (GTK_WINDOW (f->window), 800, 900);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->page));
  warta_accounts_page_set_context (f->page, f->context);
  gtk_window_present (GTK_WINDOW (f->window));
  iterate ();
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  iterate ();
  g_clear_object (&f->context);
  g_clear_object (&f->settings);
  warta_test_oauth_server_free (f->server);
  warta_test_publish_free (f->t);
  g_clear_pointer (&opened_uri, g_free);
}

/* What the keyring holds for @account, read as any other program would:
 * by the schema's attributes, from the Secret Service. */
static char *
keyring_secret (Fixture      *f,
                WartaAccount *account)
{
  g_autofree char *uuid = warta_account_repository_dup_database_uuid (f->t->accounts, NULL);
  g_autoptr(GError) error = NULL;
  char *secret;

  secret = secret_password_lookup_sync (warta_account_store_get_schema (), NULL, &error,
                                        "database", uuid,
                                        "account", warta_account_get_keyring_id (account),
                                        NULL);
  g_assert_no_error (error);
  return secret;
}

static void
browse (Fixture *f)
{
  g_autofree char *page = NULL;

  wait_until (f, browser_opened, NULL, "the browser to be opened");
  g_assert_cmpuint (warta_test_oauth_browse (opened_uri, &page), ==, SOUP_STATUS_OK);
  g_assert_nonnull (strstr (page, "Signed in"));
  g_clear_pointer (&opened_uri, g_free);
}

static gboolean
has_accounts (Fixture       *f,
              gconstpointer  n)
{
  WartaAccountStore *store = warta_context_get_account_store (f->context);

  return g_list_model_get_n_items (warta_account_store_get_accounts (store)) == GPOINTER_TO_UINT (n);
}

static const char * const creator[] = { "ANALYZE", "ADVERTISE", "MODERATE", "CREATE_CONTENT", "MANAGE", NULL };
static const char * const moderator[] = { "ANALYZE", "MODERATE", NULL };

/* Adding a Facebook Page: sign in, choose the second of two Pages, and
 * the Page's token is what the keyring holds. */
static void
test_facebook (Fixture       *f,
               gconstpointer  data)
{
  WartaAccountStore *store = warta_context_get_account_store (f->context);
  g_autoptr(WartaAccount) added = NULL;
  g_autofree char *page_id = NULL;
  g_autofree char *secret = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *list;
  GtkListBoxRow *row;

  if (!warta_test_keyring_start ())
    return;
  warta_test_oauth_server_add_page (f->server, "2001", "Diskominfo Kota", "page-token-2001", moderator);
  warta_test_oauth_server_add_page (f->server, "2002", "Inspektorat Kota", "page-token-2002", creator);
  warta_test_oauth_server_add_page (f->server, "2003", "PPID Kota", "page-token-2003", creator);

  gtk_widget_activate_action (GTK_WIDGET (f->page), "accounts.add", "s", "facebook");
  wait_until (f, dialog_titled, "Add Facebook", "the add dialog");
  /* No Page ID to type any more. */
  g_assert_null (adw_message_dialog_get_extra_child (_warta_accounts_get_dialog ()));
  adw_message_dialog_response (_warta_accounts_get_dialog (), "ok");
  browse (f);

  wait_until (f, dialog_titled, "Choose the Page", "the Page chooser");
  dialog = _warta_accounts_get_dialog ();
  list = adw_message_dialog_get_extra_child (dialog);
  /* Only the Pages the user may create content on. */
  g_assert_nonnull (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1));
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 2));
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "PPID Kota");
  adw_action_row_activate (ADW_ACTION_ROW (row));
  /* Nothing is stored before the Page is chosen. */
  g_assert_cmpuint (g_list_model_get_n_items (warta_account_store_get_accounts (store)), ==, 0);
  adw_message_dialog_response (dialog, "ok");
  wait_until (f, has_accounts, GUINT_TO_POINTER (1), "the account");

  added = g_list_model_get_item (warta_account_store_get_accounts (store), 0);
  g_assert_cmpstr (warta_account_get_platform (added), ==, "facebook");
  g_assert_cmpstr (warta_account_get_display_name (added), ==, "PPID Kota");
  page_id = warta_account_dup_setting (added, "page-id");
  g_assert_cmpstr (page_id, ==, "2003");
  secret = keyring_secret (f, added);
  g_assert_cmpstr (secret, ==, "page-token-2003");
  /* Never in the database. */
  g_assert_null (strstr (warta_account_get_settings (added), "token-2003"));
  g_assert_nonnull (_warta_accounts_page_get_widget (f->page, warta_account_get_id (added), "row"));
}

static void
stored_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (warta_account_store_set_secret_finish (WARTA_ACCOUNT_STORE (object), result, &error));
  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

static void
signed_in_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (warta_accounts_page_sign_in_again_finish (result, &error));
  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

/* Signing in again to an Instagram account: a new 60-day token for the
 * same Instagram user replaces the expired one in the keyring. */
static void
test_instagram_again (Fixture       *f,
                      gconstpointer  data)
{
  WartaAccountStore *store = warta_context_get_account_store (f->context);
  g_autoptr(WartaAccount) account = NULL;
  g_autoptr(WartaOAuthTokens) old = g_new0 (WartaOAuthTokens, 1);
  g_autoptr(WartaOAuthTokens) tokens = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *settings = NULL;
  g_autofree char *authorize = warta_test_oauth_server_authorize_url (f->server);
  g_autofree char *token = warta_test_oauth_server_token_url (f->server);
  g_autofree char *json = NULL;
  g_autofree char *secret = NULL;
  gboolean stored = FALSE;
  gboolean done = FALSE;
  gint64 id;

  if (!warta_test_keyring_start ())
    return;
  settings = g_strdup_printf ("{\"user-id\": \"%s\", \"authorize-url\": \"%s\", \"token-url\": \"%s\"}",
                              WARTA_TEST_OAUTH_IG_USER_ID, authorize, token);
  id = warta_test_publish_add_account (f->t, "instagram", warta_test_oauth_server_get_url (f->server),
                                       settings, "key-instagram");
  account = warta_account_repository_get (f->t->accounts, id, &error);
  g_assert_no_error (error);
  old->access_token = g_strdup ("ig-expired");
  old->expires_at = g_get_real_time () - G_TIME_SPAN_DAY;
  old->user_id = g_strdup (WARTA_TEST_OAUTH_IG_USER_ID);
  json = warta_oauth_tokens_to_json (old);
  warta_account_store_set_secret_async (store, account, json, NULL, stored_cb, &stored);
  while (!stored)
    g_main_context_iteration (NULL, TRUE);
  warta_accounts_page_reload (f->page);
  g_assert_nonnull (_warta_accounts_page_get_widget (f->page, id, "sign-in"));

  warta_accounts_page_sign_in_again_async (GTK_WINDOW (f->window), f->context, id, NULL,
                                           signed_in_cb, &done);
  browse (f);
  while (!done)
    g_main_context_iteration (NULL, TRUE);

  secret = keyring_secret (f, account);
  tokens = warta_oauth_tokens_from_json (secret, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (tokens->access_token, "ig-long-"));
  g_assert_true (warta_test_oauth_server_token_is_valid (f->server, tokens->access_token));
  g_assert_cmpstr (tokens->user_id, ==, WARTA_TEST_OAUTH_IG_USER_ID);
  g_assert_cmpint (tokens->expires_at, >, g_get_real_time () + 59 * G_TIME_SPAN_DAY);
  /* Still one account: signing in again adds none. */
  g_assert_cmpuint (g_list_model_get_n_items (warta_account_store_get_accounts (store)), ==, 1);
}

/* Mastodon: the app registered on the instance when the account was added
 * serves when signing in again; no second registration. */
static void
test_mastodon_again (Fixture       *f,
                     gconstpointer  data)
{
  WartaAccountStore *store = warta_context_get_account_store (f->context);
  g_autoptr(WartaAccount) added = NULL;
  g_autofree char *client_id = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  GtkWidget *entry;
  gboolean done = FALSE;

  if (!warta_test_keyring_start ())
    return;
  gtk_widget_activate_action (GTK_WIDGET (f->page), "accounts.add", "s", "mastodon");
  wait_until (f, dialog_titled, "Add Mastodon", "the add dialog");
  entry = gtk_widget_get_first_child (adw_message_dialog_get_extra_child (_warta_accounts_get_dialog ()));
  gtk_editable_set_text (GTK_EDITABLE (entry), warta_test_oauth_server_get_url (f->server));
  adw_message_dialog_response (_warta_accounts_get_dialog (), "ok");
  browse (f);
  wait_until (f, has_accounts, GUINT_TO_POINTER (1), "the account");
  g_assert_cmpuint (warta_test_oauth_server_get_n_apps (f->server), ==, 1);

  added = g_list_model_get_item (warta_account_store_get_accounts (store), 0);
  client_id = warta_account_dup_setting (added, "client-id");
  g_assert_nonnull (client_id);
  /* The app's secret is not in the database. */
  g_assert_null (strstr (warta_account_get_settings (added), "mastodon-secret"));
  first = keyring_secret (f, added);
  g_assert_true (warta_test_oauth_server_token_is_valid (f->server, first));

  warta_accounts_page_sign_in_again_async (GTK_WINDOW (f->window), f->context,
                                           warta_account_get_id (added), NULL, signed_in_cb, &done);
  browse (f);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (warta_test_oauth_server_get_n_apps (f->server), ==, 1);
  second = keyring_secret (f, added);
  g_assert_cmpstr (second, !=, first);
  g_assert_true (warta_test_oauth_server_token_is_valid (f->server, second));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  warta_test_gui_init (&argc, &argv);
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_test_skip ("no display");
      return g_test_run ();
    }
  gtk_init ();
  adw_init ();

  g_test_add ("/warta/accounts-page/facebook", Fixture, "facebook",
              fixture_setup, test_facebook, fixture_teardown);
  g_test_add ("/warta/accounts-page/instagram-again", Fixture, "instagram",
              fixture_setup, test_instagram_again, fixture_teardown);
  g_test_add ("/warta/accounts-page/mastodon-again", Fixture, "mastodon",
              fixture_setup, test_mastodon_again, fixture_teardown);
  status = g_test_run ();
  warta_test_keyring_stop ();
  return status;
}
