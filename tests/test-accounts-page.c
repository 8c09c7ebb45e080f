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
#include "warta-account-store-private.h"
#include "warta-account-store.h"
#include "warta-database-private.h"
#include "warta-oauth.h"
#include "warta-test-gui.h"
#include "warta-test-keyring.h"
#include "warta-test-publish.h"
#include "warta-test-server.h"
#include "warta-test-server-oauth.h"
#include "warta-user-repository.h"

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

/* Lets the main context run for @ms, for what must not happen. */
static void
wait_ms (guint ms)
{
  gboolean late = FALSE;

  g_timeout_add (ms, late_cb, &late);
  while (!late)
    g_main_context_iteration (NULL, TRUE);
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

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* The office's developer app for @platform (its secret in the keyring),
 * and its loopback endpoints. */
static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  const char *platform = data;
  g_autofree char *authorize = NULL;
  g_autofree char *token = NULL;
  GVariantBuilder ids;

  f->t = warta_test_publish_new ();
  f->server = warta_test_oauth_server_new (platform);
  f->settings = g_settings_new (APPLICATION_ID);
  g_variant_builder_init (&ids, G_VARIANT_TYPE ("a{ss}"));
  g_variant_builder_add (&ids, "{ss}", platform, WARTA_TEST_OAUTH_CLIENT_ID);
  g_settings_set_value (f->settings, "oauth-client-ids", g_variant_builder_end (&ids));
  f->context = warta_context_new (f->t->db, f->settings);
  warta_context_set_current_user (f->context, f->t->admin);
  if (warta_test_keyring_start ())
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GError) error = NULL;

      warta_context_save_client_secret_async (f->context, platform, WARTA_TEST_OAUTH_CLIENT_SECRET,
                                              NULL, save_cb, &result);
      while (result == NULL)
        g_main_context_iteration (NULL, TRUE);
      g_assert_true (warta_context_save_client_secret_finish (f->context, result, &error));
      g_assert_no_error (error);
    }

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
  if (f->window)
    gtk_window_destroy (GTK_WINDOW (f->window));
  iterate ();
  g_clear_object (&f->context);
  g_clear_object (&f->settings);
  warta_test_oauth_server_free (f->server);
  warta_test_publish_free (f->t);
  g_clear_pointer (&opened_uri, g_free);
}

/* What the keyring holds for @account. */
static char *
keyring_secret (Fixture      *f,
                WartaAccount *account)
{
  return warta_test_keyring_lookup (f->t->accounts, warta_account_get_keyring_id (account));
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

/* The one account is the Page @id, its token in the keyring only. */
static void
check_page_added (Fixture    *f,
                  const char *name,
                  const char *id,
                  const char *token)
{
  WartaAccountStore *store = warta_context_get_account_store (f->context);
  g_autoptr(WartaAccount) added = NULL;
  g_autofree char *page_id = NULL;
  g_autofree char *secret = NULL;
  GtkWidget *row;

  wait_until (f, has_accounts, GUINT_TO_POINTER (1), "the account");
  added = g_list_model_get_item (warta_account_store_get_accounts (store), 0);
  g_assert_cmpstr (warta_account_get_platform (added), ==, "facebook");
  g_assert_cmpstr (warta_account_get_display_name (added), ==, name);
  page_id = warta_account_dup_setting (added, "page-id");
  g_assert_cmpstr (page_id, ==, id);
  secret = keyring_secret (f, added);
  g_assert_cmpstr (secret, ==, token);
  /* Never in the database. */
  g_assert_null (strstr (warta_account_get_settings (added), token));
  row = _warta_accounts_page_get_widget (f->page, warta_account_get_id (added), "row");
  g_assert_nonnull (row);
  /* Named as the Page is, its API host not shown. */
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, name);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Facebook");
}

/* Add → Facebook, sign in in the "browser": the Page chooser. */
static AdwMessageDialog *
open_page_chooser (Fixture *f)
{
  gtk_widget_activate_action (GTK_WIDGET (f->page), "accounts.add", "s", "facebook");
  wait_until (f, dialog_titled, "Add Facebook Page", "the add dialog");
  /* No Page ID to type any more. */
  g_assert_null (adw_message_dialog_get_extra_child (_warta_accounts_get_dialog ()));
  adw_message_dialog_response (_warta_accounts_get_dialog (), "ok");
  browse (f);
  wait_until (f, dialog_titled, "Choose the Page", "the Page chooser");
  return _warta_accounts_get_dialog ();
}

/* Adding a Facebook Page: sign in, choose the second of two Pages, and
 * the Page's token is what the keyring holds. */
static void
test_facebook (Fixture       *f,
               gconstpointer  data)
{
  AdwMessageDialog *dialog;
  GtkWidget *list;
  GtkListBoxRow *row;

  if (!warta_test_keyring_start ())
    return;
  warta_test_oauth_server_add_page (f->server, "2001", "Diskominfo Kota", "page-token-2001", moderator);
  warta_test_oauth_server_add_page (f->server, "2002", "Inspektorat Kota", "page-token-2002", creator);
  warta_test_oauth_server_add_page (f->server, "2003", "Humas & Protokol <Kota>", "page-token-2003", creator);

  dialog = open_page_chooser (f);
  list = _warta_accounts_get_dialog_widget ("list");
  /* Two Pages: the user chooses, nothing is chosen for them; no search. */
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "ok"));
  g_assert_null (_warta_accounts_get_dialog_widget ("search"));
  /* Only the Pages the user may create content on. */
  g_assert_nonnull (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1));
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 2));
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Humas & Protokol <Kota>");
  adw_action_row_activate (ADW_ACTION_ROW (row));
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "ok"));
  /* Nothing is stored before the Page is chosen. */
  g_assert_cmpuint (g_list_model_get_n_items (warta_account_store_get_accounts (warta_context_get_account_store (f->context))), ==, 0);
  adw_message_dialog_response (dialog, "ok");
  check_page_added (f, "Humas & Protokol <Kota>", "2003", "page-token-2003");
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

  gboolean ok = warta_accounts_page_sign_in_again_finish (result, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
  *(gboolean *) user_data = TRUE;
}

/* Signs in again to @id in the page, the test playing the browser. */
static void
sign_in_again (Fixture *f,
               gint64   id)
{
  gboolean done = FALSE;

  warta_accounts_page_sign_in_again_async (GTK_WINDOW (f->window), f->context, id, NULL,
                                           signed_in_cb, &done);
  browse (f);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
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

  g_assert_cmpstr (warta_account_get_display_name (account), !=, "@" WARTA_TEST_OAUTH_IG_USERNAME);
  sign_in_again (f, id);

  secret = keyring_secret (f, account);
  tokens = warta_oauth_tokens_from_json (secret, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (tokens->access_token, "ig-long-"));
  g_assert_true (warta_test_oauth_server_token_is_valid (f->server, tokens->access_token));
  g_assert_cmpstr (tokens->user_id, ==, WARTA_TEST_OAUTH_IG_USER_ID);
  g_assert_cmpint (tokens->expires_at, >, g_get_real_time () + 59 * G_TIME_SPAN_DAY);
  /* Still one account: signing in again adds none; it is named by its
   * username now. */
  g_assert_cmpuint (g_list_model_get_n_items (warta_account_store_get_accounts (store)), ==, 1);
  g_clear_object (&account);
  account = warta_account_repository_get (f->t->accounts, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (warta_account_get_display_name (account), ==, "@" WARTA_TEST_OAUTH_IG_USERNAME);
}

/* Adds a Mastodon account on the loopback instance through the page. */
static WartaAccount *
add_mastodon (Fixture *f,
              guint    n_before)
{
  WartaAccountStore *store = warta_context_get_account_store (f->context);
  GListModel *accounts = warta_account_store_get_accounts (store);
  GtkWidget *entry;

  gtk_widget_activate_action (GTK_WIDGET (f->page), "accounts.add", "s", "mastodon");
  wait_until (f, dialog_titled, "Add Mastodon Account", "the add dialog");
  entry = gtk_widget_get_first_child (adw_message_dialog_get_extra_child (_warta_accounts_get_dialog ()));
  gtk_editable_set_text (GTK_EDITABLE (entry), warta_test_oauth_server_get_url (f->server));
  adw_message_dialog_response (_warta_accounts_get_dialog (), "ok");
  browse (f);
  wait_until (f, has_accounts, GUINT_TO_POINTER (n_before + 1), "the account");
  /* The list is in the order the accounts were added. */
  return g_list_model_get_item (accounts, n_before);
}

static gboolean
dialog_says (Fixture       *f,
             gconstpointer  text)
{
  AdwMessageDialog *dialog = _warta_accounts_get_dialog ();

  return dialog && strstr (adw_message_dialog_get_body (dialog), text) != NULL;
}

/* The add form's button works only once an address is written, and an
 * address that is none is marked; an instance that cannot be reached
 * says so, without promising a retry that a sign-in never gets. */
static void
test_form_checked (Fixture       *f,
                   gconstpointer  data)
{
  WartaAccountStore *store = warta_context_get_account_store (f->context);
  AdwMessageDialog *dialog;
  GtkWidget *entry;
  g_autoptr(GSocket) closed = NULL;
  g_autoptr(GSocketAddress) address = NULL;
  g_autofree char *unreachable = NULL;
  g_autoptr(GError) error = NULL;
  static const char *const wrong[] = { "inspektorat", "https://", "ftp://mastodon.example" };

  if (!warta_test_keyring_start ())
    return;
  gtk_widget_activate_action (GTK_WIDGET (f->page), "accounts.add", "s", "mastodon");
  wait_until (f, dialog_titled, "Add Mastodon Account", "the add dialog");
  dialog = _warta_accounts_get_dialog ();
  entry = gtk_widget_get_first_child (adw_message_dialog_get_extra_child (dialog));
  g_assert_true (adw_entry_row_get_activates_default (ADW_ENTRY_ROW (entry)));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "ok"));
  g_assert_false (gtk_widget_has_css_class (entry, "error"));
  for (guint i = 0; i < G_N_ELEMENTS (wrong); i++)
    {
      gtk_editable_set_text (GTK_EDITABLE (entry), wrong[i]);
      g_assert_false (adw_message_dialog_get_response_enabled (dialog, "ok"));
      g_assert_true (gtk_widget_has_css_class (entry, "error"));
    }

  /* A loopback port nobody listens on: bound, never listened to. */
  closed = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
    g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);

    g_assert_true (g_socket_bind (closed, any, FALSE, &error));
    g_assert_no_error (error);
  }
  address = g_socket_get_local_address (closed, &error);
  g_assert_no_error (error);
  unreachable = g_strdup_printf ("http://127.0.0.1:%u/",
                                 g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (address)));
  gtk_editable_set_text (GTK_EDITABLE (entry), unreachable);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "ok"));
  g_assert_false (gtk_widget_has_css_class (entry, "error"));
  adw_message_dialog_response (dialog, "ok");
  /* Said while it lasts; then the form again, the address kept. */
  g_assert_cmpstr (adw_message_dialog_get_heading (_warta_accounts_get_dialog ()), ==,
                   "Connecting to the Instance");
  wait_until (f, dialog_says, "Nothing was saved", "the failure");
  dialog = _warta_accounts_get_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Add Mastodon Account");
  g_assert_null (strstr (adw_message_dialog_get_body (dialog), "will try again"));
  entry = gtk_widget_get_first_child (adw_message_dialog_get_extra_child (dialog));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, unreachable);
  g_assert_cmpuint (g_list_model_get_n_items (warta_account_store_get_accounts (store)), ==, 0);
  adw_message_dialog_response (dialog, "cancel");
  iterate ();
}

/* The rows of the add dialog's form. */
static GtkEditable *
form_row (guint n)
{
  GtkWidget *row = gtk_widget_get_first_child (adw_message_dialog_get_extra_child (_warta_accounts_get_dialog ()));

  for (; n > 0; n--)
    row = gtk_widget_get_next_sibling (row);
  return GTK_EDITABLE (row);
}

/* Adding the office's website: an address that is not one is explained
 * in the form; one typed without https:// is taken as the browser would;
 * a password the site refuses brings the form back with what was typed
 * and why; the same website and user a second time is refused in the
 * form. */
static void
test_wordpress_form (Fixture       *f,
                     gconstpointer  data)
{
  WartaTestServer *wordpress = warta_test_server_new (WARTA_TEST_WORDPRESS);
  const char *url = warta_test_server_get_url (wordpress);
  AdwMessageDialog *dialog;

  if (!warta_test_keyring_start ())
    {
      warta_test_server_free (wordpress);
      return;
    }
  gtk_widget_activate_action (GTK_WIDGET (f->page), "accounts.add", "s", "wordpress");
  wait_until (f, dialog_titled, "Add Website (WordPress)", "the add dialog");
  dialog = _warta_accounts_get_dialog ();
  gtk_editable_set_text (form_row (1), WARTA_TEST_WP_USER);
  gtk_editable_set_text (form_row (2), "wrong password");

  gtk_editable_set_text (form_row (0), "kantor kami");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "ok"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog),
                            "“kantor kami” is not a web address"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "https://"));
  warta_test_gui_screenshot (GTK_WIDGET (dialog), "accounts-wordpress-not-address.png");
  /* A password never crosses the network in clear. */
  gtk_editable_set_text (form_row (0), "http://inspektorat.example.go.id");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "ok"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (form_row (0)), "error"));
  g_assert_true (dialog_says (f, "Write the address with https://"));
  gtk_editable_set_text (form_row (0), "inspektorat.example.go.id");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "ok"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (form_row (0)), "error"));
  g_assert_null (strstr (adw_message_dialog_get_body (dialog), "not a web address"));

  /* Refused: the form again, as it was, saying why. */
  gtk_editable_set_text (form_row (0), url);
  adw_message_dialog_response (dialog, "ok");
  g_assert_cmpstr (adw_message_dialog_get_heading (_warta_accounts_get_dialog ()), ==,
                   "Checking the Website");
  wait_until (f, dialog_titled, "Add Website (WordPress)", "the form again");
  dialog = _warta_accounts_get_dialog ();
  g_assert_cmpstr (gtk_editable_get_text (form_row (0)), ==, url);
  g_assert_cmpstr (gtk_editable_get_text (form_row (1)), ==, WARTA_TEST_WP_USER);
  g_assert_cmpstr (gtk_editable_get_text (form_row (2)), ==, "wrong password");
  /* At the password, to type it again. */
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (dialog)),
                                         GTK_WIDGET (form_row (2))));
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), !=, "");
  g_assert_true (dialog_says (f, "<b>The website did not accept the user name or the application password."));
  warta_test_gui_screenshot (GTK_WIDGET (dialog), "accounts-wordpress-refused.png");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "ok"));
  g_assert_cmpuint (g_list_model_get_n_items (warta_account_store_get_accounts (warta_context_get_account_store (f->context))), ==, 0);

  gtk_editable_set_text (form_row (2), WARTA_TEST_WP_APP_PASSWORD);
  adw_message_dialog_response (dialog, "ok");
  wait_until (f, has_accounts, GUINT_TO_POINTER (1), "the account");

  /* The same website and user again. */
  gtk_widget_activate_action (GTK_WIDGET (f->page), "accounts.add", "s", "wordpress");
  wait_until (f, dialog_titled, "Add Website (WordPress)", "the add dialog");
  dialog = _warta_accounts_get_dialog ();
  gtk_editable_set_text (form_row (0), url);
  gtk_editable_set_text (form_row (1), WARTA_TEST_WP_USER);
  gtk_editable_set_text (form_row (2), WARTA_TEST_WP_APP_PASSWORD);
  g_assert_true (dialog_says (f, "is one of the accounts already"));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "ok"));
  /* Another user of the same site is another account. */
  gtk_editable_set_text (form_row (1), "redaksi");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "ok"));
  adw_message_dialog_response (dialog, "cancel");
  iterate ();
  warta_test_server_free (wordpress);
}

/* Cancelling the wait for the browser, with its button or with Escape,
 * stops that sign-in (the browser coming back finds nobody waiting) and
 * only it: the next one works. */
static void
test_cancel_then_add (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(WartaAccount) added = NULL;
  GtkWidget *entry;

  if (!warta_test_keyring_start ())
    return;
  for (guint i = 0; i < 2; i++)
    {
      AdwMessageDialog *wait;
      g_autofree char *uri = NULL;
      g_autofree char *page = NULL;

      gtk_widget_activate_action (GTK_WIDGET (f->page), "accounts.add", "s", "mastodon");
      wait_until (f, dialog_titled, "Add Mastodon Account", "the add dialog");
      entry = gtk_widget_get_first_child (adw_message_dialog_get_extra_child (_warta_accounts_get_dialog ()));
      gtk_editable_set_text (GTK_EDITABLE (entry), warta_test_oauth_server_get_url (f->server));
      adw_message_dialog_response (_warta_accounts_get_dialog (), "ok");
      wait_until (f, dialog_titled, "Continue in the Browser", "the wait for the browser");
      wait_until (f, browser_opened, NULL, "the browser to be opened");
      wait = _warta_accounts_get_dialog ();
      if (i == 0)
        adw_message_dialog_response (wait, "cancel");
      else
        gtk_window_close (GTK_WINDOW (wait));   /* what Escape does */
      uri = g_steal_pointer (&opened_uri);
      g_test_message ("closed the wait %s", i == 0 ? "with Cancel" : "with Escape");
      wait_ms (200);
      g_assert_cmpuint (warta_test_oauth_browse (uri, &page), !=, SOUP_STATUS_OK);
      wait_ms (200);
      g_assert_cmpuint (g_list_model_get_n_items (warta_account_store_get_accounts (warta_context_get_account_store (f->context))), ==, 0);
    }

  added = add_mastodon (f, 0);
  g_assert_nonnull (added);
}

/* The same Page added twice would post every publication twice: the
 * second time says so, and adds nothing. */
static void
test_facebook_twice (Fixture       *f,
                     gconstpointer  data)
{
  if (!warta_test_keyring_start ())
    return;
  warta_test_oauth_server_add_page (f->server, "2002", "Inspektorat Kota", "page-token-2002", creator);
  adw_message_dialog_response (open_page_chooser (f), "ok");
  wait_until (f, has_accounts, GUINT_TO_POINTER (1), "the account");
  adw_message_dialog_response (open_page_chooser (f), "ok");
  wait_until (f, dialog_titled, "Account Not Signed In", "the refusal");
  g_assert_true (dialog_says (f, "“Inspektorat Kota” is one of the accounts already"));
  g_assert_cmpuint (g_list_model_get_n_items (warta_account_store_get_accounts (warta_context_get_account_store (f->context))), ==, 1);
  gtk_window_destroy (GTK_WINDOW (_warta_accounts_get_dialog ()));
}

/* Add → @platform, the form sent (Mastodon: with the loopback instance's
 * address), and signed in in the "browser". */
static void
add_and_sign_in (Fixture    *f,
                 const char *platform,
                 const char *heading)
{
  gtk_widget_activate_action (GTK_WIDGET (f->page), "accounts.add", "s", platform);
  wait_until (f, dialog_titled, heading, "the add dialog");
  if (g_str_equal (platform, "mastodon"))
    gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_first_child (adw_message_dialog_get_extra_child (_warta_accounts_get_dialog ()))),
                           warta_test_oauth_server_get_url (f->server));
  adw_message_dialog_response (_warta_accounts_get_dialog (), "ok");
  browse (f);
}

static void
other_user_refused_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (warta_accounts_page_sign_in_again_finish (result, &error));
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_PERMISSION_DENIED);
  g_assert_nonnull (strstr (error->message, "as another account than"));
  *(gboolean *) user_data = TRUE;
}

/* The add dialog's heading for @platform, and the setting with who
 * signed in. */
static const char *
add_heading (const char *platform)
{
  return g_str_equal (platform, "mastodon") ? "Add Mastodon Account"
         : g_str_equal (platform, "youtube") ? "Add YouTube Channel" : "Add X Account";
}

static const char *
identity_key (const char *platform)
{
  return g_str_equal (platform, "mastodon") ? "account-id"
         : g_str_equal (platform, "youtube") ? "channel-id" : "user-id";
}

/* X and Mastodon accounts are who signed in, YouTube's the channel, as
 * the platform says: named by it (the handle), and the same one a second
 * time is refused before anything is kept; another user is another
 * account, with another name. */
static void
test_same_user_twice (Fixture       *f,
                      gconstpointer  data)
{
  const char *platform = data;
  gboolean mastodon = g_str_equal (platform, "mastodon");
  const char *heading = add_heading (platform);
  const char *key = identity_key (platform);
  GListModel *accounts = warta_account_store_get_accounts (warta_context_get_account_store (f->context));
  g_autoptr(WartaAccount) first = NULL;
  g_autoptr(WartaAccount) second = NULL;
  g_autofree char *first_name = NULL;
  g_autofree char *second_name = NULL;
  g_autofree char *refusal = NULL;
  g_autofree char *first_id = NULL;
  g_autofree char *second_id = NULL;
  g_autofree char *host = NULL;
  g_autoptr(GUri) uri = NULL;
  gboolean done = FALSE;
  guint kept;

  if (!warta_test_keyring_start ())
    return;
  uri = g_uri_parse (warta_test_oauth_server_get_url (f->server), G_URI_FLAGS_NONE, NULL);
  host = g_strdup (g_uri_get_host (uri));
  first_name = mastodon ? g_strconcat ("@humas@", host, NULL) : g_strdup ("@humas");
  second_name = mastodon ? g_strconcat ("@kominfo@", host, NULL) : g_strdup ("@kominfo");

  warta_test_oauth_server_set_username (f->server, "humas");
  add_and_sign_in (f, platform, heading);
  wait_until (f, has_accounts, GUINT_TO_POINTER (1), "the account");
  first = g_list_model_get_item (accounts, 0);
  g_assert_cmpstr (warta_account_get_display_name (first), ==, first_name);
  first_id = warta_account_dup_setting (first, key);
  g_assert_nonnull (first_id);
  /* A channel is known by its id, as channels.list says it. */
  if (g_str_equal (platform, "youtube"))
    {
      g_autofree char *channel = warta_test_youtube_channel_id ("humas");

      g_assert_cmpstr (first_id, ==, channel);
    }
  kept = warta_test_keyring_count (f->t->accounts);

  add_and_sign_in (f, platform, heading);
  wait_until (f, dialog_titled, "Account Not Signed In", "the refusal");
  refusal = g_strdup_printf ("“%s” is one of the accounts already", first_name);
  g_assert_true (dialog_says (f, refusal));
  g_assert_cmpuint (g_list_model_get_n_items (accounts), ==, 1);
  /* Nothing of the refused one in the keyring. */
  g_assert_cmpuint (warta_test_keyring_count (f->t->accounts), ==, kept);
  gtk_window_destroy (GTK_WINDOW (_warta_accounts_get_dialog ()));

  warta_test_oauth_server_set_username (f->server, "kominfo");
  add_and_sign_in (f, platform, heading);
  wait_until (f, has_accounts, GUINT_TO_POINTER (2), "the other account");
  second = g_list_model_get_item (accounts, 1);
  g_assert_cmpstr (warta_account_get_display_name (second), ==, second_name);
  second_id = warta_account_dup_setting (second, key);
  g_assert_cmpstr (second_id, !=, first_id);

  /* Signing in again to the first as the second user: refused. */
  warta_accounts_page_sign_in_again_async (GTK_WINDOW (f->window), f->context,
                                           warta_account_get_id (first), NULL, other_user_refused_cb, &done);
  browse (f);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (accounts), ==, 2);
}

/* YouTube asks to upload and to see the account (channels.list needs
 * youtube.readonly); a Google account without a channel is said so, and
 * nothing of it is kept. */
static void
test_youtube_no_channel (Fixture       *f,
                         gconstpointer  data)
{
  GListModel *accounts = warta_account_store_get_accounts (warta_context_get_account_store (f->context));
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GHashTable) query = NULL;
  g_auto(GStrv) scopes = NULL;
  guint kept;

  if (!warta_test_keyring_start ())
    return;
  /* One channel added, for something in the keyring to keep. */
  warta_test_oauth_server_set_username (f->server, "humas");
  add_and_sign_in (f, "youtube", "Add YouTube Channel");
  wait_until (f, has_accounts, GUINT_TO_POINTER (1), "the account");
  kept = warta_test_keyring_count (f->t->accounts);

  warta_test_oauth_server_set_username (f->server, NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->page), "accounts.add", "s", "youtube");
  wait_until (f, dialog_titled, "Add YouTube Channel", "the add dialog");
  adw_message_dialog_response (_warta_accounts_get_dialog (), "ok");
  wait_until (f, browser_opened, NULL, "the browser to be opened");
  uri = g_uri_parse (opened_uri, G_URI_FLAGS_ENCODED_QUERY, NULL);
  g_assert_nonnull (uri);
  query = g_uri_parse_params (g_uri_get_query (uri), -1, "&", G_URI_PARAMS_WWW_FORM, NULL);
  g_assert_nonnull (query);
  scopes = g_strsplit (g_hash_table_lookup (query, "scope"), " ", -1);
  g_assert_true (g_strv_contains ((const char * const *) scopes,
                                  "https://www.googleapis.com/auth/youtube.upload"));
  g_assert_true (g_strv_contains ((const char * const *) scopes,
                                  "https://www.googleapis.com/auth/youtube.readonly"));
  browse (f);

  wait_until (f, dialog_titled, "Account Not Signed In", "the refusal");
  g_assert_true (dialog_says (f, "has no YouTube channel"));
  g_assert_true (dialog_says (f, "Create the channel on YouTube first"));
  g_assert_cmpuint (g_list_model_get_n_items (accounts), ==, 1);
  g_assert_cmpuint (warta_test_keyring_count (f->t->accounts), ==, kept);
  gtk_window_destroy (GTK_WINDOW (_warta_accounts_get_dialog ()));
}

/* Mastodon: the app registered on the instance when the account was added
 * serves when signing in again; no second registration. */
static void
test_mastodon_again (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(WartaAccount) added = NULL;
  g_autofree char *client_id = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  if (!warta_test_keyring_start ())
    return;
  added = add_mastodon (f, 0);
  g_assert_cmpuint (warta_test_oauth_server_get_n_apps (f->server), ==, 1);
  client_id = warta_account_dup_setting (added, "client-id");
  g_assert_nonnull (client_id);
  /* The app's secret is not in the database. */
  g_assert_null (strstr (warta_account_get_settings (added), "mastodon-secret"));
  first = keyring_secret (f, added);
  g_assert_true (warta_test_oauth_server_token_is_valid (f->server, first));

  sign_in_again (f, warta_account_get_id (added));
  g_assert_cmpuint (warta_test_oauth_server_get_n_apps (f->server), ==, 1);
  second = keyring_secret (f, added);
  g_assert_cmpstr (second, !=, first);
  g_assert_true (warta_test_oauth_server_token_is_valid (f->server, second));
}

/* @publication sent to account @id, and every target stopped for a
 * sign-in. */
static void
stop_for_sign_in (Fixture          *f,
                  WartaPublication *publication,
                  gint64            id)
{
  g_autoptr(GListModel) jobs = NULL;
  g_autoptr(GError) error = NULL;

  jobs = warta_outbox_repository_enqueue (f->t->outbox, f->t->admin,
                                          warta_publication_get_id (publication),
                                          warta_publication_get_version (publication), &id, 1,
                                          &error);
  g_assert_no_error (error);
  g_assert_true (_warta_database_exec (f->t->db,
                                       "UPDATE outbox_jobs SET state = 'failed', "
                                       "error_code = '" WARTA_OUTBOX_ERROR_AUTH "', "
                                       "error_message = 'Masuk lagi ke akun ini.'", &error));
  g_assert_no_error (error);
}

/* Signing in again sends on the targets that stopped for it, but not an
 * older one whose content the platform cannot take (a photo and a video
 * together, for Mastodon): tried again, it would only stop again. It
 * keeps its message, and nothing is said. */
static void
test_sign_in_skips_refused (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(WartaAccount) added = NULL;
  g_autoptr(WartaPublication) photo = NULL;
  g_autoptr(WartaPublication) mixed = NULL;
  g_autoptr(GListModel) stopped = NULL;
  g_autoptr(GError) error = NULL;
  WartaOutboxJob *left;
  gint64 id;

  if (!warta_test_keyring_start ())
    return;
  added = add_mastodon (f, 0);
  id = warta_account_get_id (added);
  photo = warta_test_publish_make_approved (f->t, "Rakor foto", 1);
  mixed = warta_test_publish_make_approved_with_videos (f->t, "Rakor foto dan video", 1, 1, 4096);
  /* As a Warta before the check wrote them, both stopped for the
   * sign-in. */
  stop_for_sign_in (f, photo, id);
  stop_for_sign_in (f, mixed, id);
  stopped = warta_outbox_repository_list_needing_sign_in (f->t->outbox, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (stopped), ==, 2);
  g_clear_object (&stopped);

  sign_in_again (f, id);
  stopped = warta_outbox_repository_list_needing_sign_in (f->t->outbox, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (stopped), ==, 1);
  left = g_list_model_get_item (stopped, 0);
  g_assert_cmpint (warta_outbox_job_get_publication_id (left), ==, warta_publication_get_id (mixed));
  g_assert_cmpstr (warta_outbox_job_get_error_message (left), ==, "Masuk lagi ke akun ini.");
  g_assert_null (_warta_accounts_get_dialog ());
  g_object_unref (left);
}

/* An administrator without the social media admin's role signs an account
 * in again: the stopped post is not sent on (publishing is not theirs),
 * and they are told it waits for a social media admin to press Try Again. */
static void
test_sign_in_by_administrator (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(WartaAccount) added = NULL;
  g_autoptr(WartaPublication) photo = NULL;
  g_autoptr(WartaUser) administrator = NULL;
  g_autoptr(GListModel) stopped = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  /* The secrets in memory: the test is about who may publish. */
  _warta_account_store_use_memory_secrets (warta_context_get_account_store (f->context));
  administrator = warta_user_repository_create_user (f->t->users, f->t->admin, "pengelola", "Joko",
                                                     "rahasia-123", WARTA_ROLE_VERIFIER, TRUE,
                                                     &error);
  g_assert_no_error (error);
  warta_context_set_current_user (f->context, administrator);
  iterate ();
  added = add_mastodon (f, 0);
  id = warta_account_get_id (added);
  photo = warta_test_publish_make_approved (f->t, "Rakor foto", 1);
  stop_for_sign_in (f, photo, id);

  sign_in_again (f, id);
  wait_until (f, dialog_titled, "Stopped Posts Still Wait", "the message");
  g_assert_true (dialog_says (f, "The account is signed in again. The 1 post that stopped for it "
                                 "waits for a user with the role “Social media admin” to press "
                                 "Try Again in its publication."));
  stopped = warta_outbox_repository_list_needing_sign_in (f->t->outbox, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (stopped), ==, 1);
  gtk_window_destroy (GTK_WINDOW (_warta_accounts_get_dialog ()));
}

/* 130 Pages, listed 50 at a time: the chooser has them all, can be
 * searched, and a Page from the second answer is the one added. */
static void
test_facebook_many_pages (Fixture       *f,
                          gconstpointer  data)
{
  AdwMessageDialog *dialog;
  GtkWidget *list;
  GtkWidget *search;
  GtkListBoxRow *row;
  guint shown = 0;

  if (!warta_test_keyring_start ())
    return;
  for (guint i = 0; i < 130; i++)
    {
      g_autofree char *id = g_strdup_printf ("%u", 5000 + i);
      g_autofree char *name = g_strdup_printf ("Kelurahan %u", i + 1);
      g_autofree char *token = g_strdup_printf ("page-token-%u", 5000 + i);

      warta_test_oauth_server_add_page (f->server, id, name, token, creator);
    }
  warta_test_oauth_server_set_page_size (f->server, 50);

  dialog = open_page_chooser (f);
  g_assert_cmpuint (warta_test_oauth_server_get_n_page_requests (f->server), ==, 3);
  list = _warta_accounts_get_dialog_widget ("list");
  g_assert_nonnull (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 129));
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 130));
  /* The dialog fits on the screen: the list scrolls. */
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (dialog)), <, 900);

  search = _warta_accounts_get_dialog_widget ("search");
  g_assert_nonnull (search);
  gtk_editable_set_text (GTK_EDITABLE (search), "kelurahan 71");
  g_signal_emit_by_name (search, "search-changed");
  iterate ();
  for (guint i = 0; i < 130; i++)
    shown += gtk_widget_get_child_visible (GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), (int) i)));
  g_assert_cmpuint (shown, ==, 1);
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 70);
  g_assert_true (gtk_widget_get_child_visible (GTK_WIDGET (row)));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Kelurahan 71");
  adw_action_row_activate (ADW_ACTION_ROW (row));
  adw_message_dialog_response (dialog, "ok");
  check_page_added (f, "Kelurahan 71", "5070", "page-token-5070");
}

/* Adding an Instagram account: named by its username, which Instagram's
 * Graph host says after sign-in; its IG user id in the settings. */
static void
test_instagram (Fixture       *f,
                gconstpointer  data)
{
  WartaAccountStore *store = warta_context_get_account_store (f->context);
  g_autoptr(WartaAccount) added = NULL;
  g_autoptr(WartaOAuthTokens) tokens = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *user_id = NULL;
  g_autofree char *secret = NULL;

  if (!warta_test_keyring_start ())
    return;
  gtk_widget_activate_action (GTK_WIDGET (f->page), "accounts.add", "s", "instagram");
  wait_until (f, dialog_titled, "Add Instagram Business Account", "the add dialog");
  adw_message_dialog_response (_warta_accounts_get_dialog (), "ok");
  browse (f);
  wait_until (f, has_accounts, GUINT_TO_POINTER (1), "the account");

  added = g_list_model_get_item (warta_account_store_get_accounts (store), 0);
  g_assert_cmpstr (warta_account_get_display_name (added), ==, "@" WARTA_TEST_OAUTH_IG_USERNAME);
  user_id = warta_account_dup_setting (added, "user-id");
  g_assert_cmpstr (user_id, ==, WARTA_TEST_OAUTH_IG_USER_ID);
  secret = keyring_secret (f, added);
  tokens = warta_oauth_tokens_from_json (secret, &error);
  g_assert_no_error (error);
  g_assert_true (warta_test_oauth_server_token_is_valid (f->server, tokens->access_token));
  g_assert_cmpstr (tokens->user_id, ==, WARTA_TEST_OAUTH_IG_USER_ID);
  g_assert_nonnull (_warta_accounts_page_get_widget (f->page, warta_account_get_id (added), "row"));
}

static void
remove_account (Fixture      *f,
                WartaAccount *account,
                guint         n_after)
{
  GtkWidget *button = _warta_accounts_page_get_widget (f->page, warta_account_get_id (account), "remove");
  g_autofree char *heading = g_strdup_printf ("Remove “%s”?", warta_account_get_display_name (account));

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  wait_until (f, dialog_titled, heading, "the remove dialog");
  adw_message_dialog_response (_warta_accounts_get_dialog (), "remove");
  wait_until (f, has_accounts, GUINT_TO_POINTER (n_after), "the removal");
}


static char *
app_secret (Fixture    *f,
            const char *client_id)
{
  g_autofree char *keyring_id = g_strconcat ("mastodon-app:", client_id, NULL);

  return warta_test_keyring_lookup (f->t->accounts, keyring_id);
}

/* The keyring is cleared after the row is gone, in the background. */
static gboolean
item_gone (Fixture       *f,
           gconstpointer  keyring_id)
{
  g_autofree char *secret = warta_test_keyring_lookup (f->t->accounts, keyring_id);

  return secret == NULL;
}

/* Two accounts on one instance share the app Warta registered there; it
 * leaves the keyring with the last of them. */
static void
test_mastodon_two (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(WartaAccount) first = NULL;
  g_autoptr(WartaAccount) second = NULL;
  g_autofree char *first_id = NULL;
  g_autofree char *second_id = NULL;
  g_autofree char *secret = NULL;
  g_autofree char *token = NULL;
  g_autofree char *app_item = NULL;

  if (!warta_test_keyring_start ())
    return;
  first = add_mastodon (f, 0);
  /* Another account of the instance: another user signs in. */
  warta_test_oauth_server_set_username (f->server, "kominfo");
  second = add_mastodon (f, 1);
  g_assert_cmpuint (warta_test_oauth_server_get_n_apps (f->server), ==, 1);
  first_id = warta_account_dup_setting (first, "client-id");
  second_id = warta_account_dup_setting (second, "client-id");
  g_assert_nonnull (first_id);
  g_assert_cmpstr (second_id, ==, first_id);
  token = keyring_secret (f, second);
  g_assert_true (warta_test_oauth_server_token_is_valid (f->server, token));

  remove_account (f, first, 1);
  wait_until (f, item_gone, warta_account_get_keyring_id (first), "the first account's token to go");
  secret = app_secret (f, first_id);
  g_assert_nonnull (secret);
  g_clear_pointer (&secret, g_free);

  remove_account (f, second, 0);
  app_item = g_strconcat ("mastodon-app:", first_id, NULL);
  wait_until (f, item_gone, app_item, "the app's secret to go");
  g_assert_null (keyring_secret (f, second));
}

/* The app's redirect port is taken: the second account registers an app of
 * its own, and removing it takes only that app's secret. */
static void
test_mastodon_port_taken (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(WartaAccount) first = NULL;
  g_autoptr(WartaAccount) second = NULL;
  g_autoptr(GSocketListener) squatter = g_socket_listener_new ();
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = NULL;
  g_autoptr(GUri) redirect_uri = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first_id = NULL;
  g_autofree char *second_id = NULL;
  g_autofree char *redirect = NULL;
  g_autofree char *secret = NULL;
  g_autofree char *app_item = NULL;
  g_autoptr(WartaAccount) again = NULL;
  g_autofree char *again_id = NULL;

  if (!warta_test_keyring_start ())
    return;
  first = add_mastodon (f, 0);
  first_id = warta_account_dup_setting (first, "client-id");
  redirect = warta_account_dup_setting (first, "redirect-uri");
  redirect_uri = g_uri_parse (redirect, G_URI_FLAGS_NONE, &error);
  g_assert_no_error (error);
  address = g_inet_socket_address_new (loopback, (guint16) g_uri_get_port (redirect_uri));
  g_socket_listener_add_address (squatter, address, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                                 NULL, NULL, &error);
  g_assert_no_error (error);

  warta_test_oauth_server_set_username (f->server, "kominfo");
  second = add_mastodon (f, 1);
  g_assert_cmpuint (warta_test_oauth_server_get_n_apps (f->server), ==, 2);
  second_id = warta_account_dup_setting (second, "client-id");
  g_assert_cmpstr (second_id, !=, first_id);

  remove_account (f, second, 1);
  app_item = g_strconcat ("mastodon-app:", second_id, NULL);
  wait_until (f, item_gone, app_item, "the second app's secret to go");
  secret = app_secret (f, first_id);
  g_assert_nonnull (secret);

  /* Signing in again while the port is taken: a new app, and the old
   * one's secret, which no account uses any more, leaves the keyring.
   * The first account's user signs in. */
  warta_test_oauth_server_set_username (f->server, WARTA_TEST_OAUTH_IG_USERNAME);
  sign_in_again (f, warta_account_get_id (first));
  g_assert_cmpuint (warta_test_oauth_server_get_n_apps (f->server), ==, 3);
  again = warta_account_repository_get (f->t->accounts, warta_account_get_id (first), &error);
  g_assert_no_error (error);
  again_id = warta_account_dup_setting (again, "client-id");
  g_assert_cmpstr (again_id, !=, first_id);
  g_clear_pointer (&secret, g_free);
  secret = app_secret (f, again_id);
  g_assert_nonnull (secret);
  g_clear_pointer (&app_item, g_free);
  app_item = g_strconcat ("mastodon-app:", first_id, NULL);
  wait_until (f, item_gone, app_item, "the replaced app's secret to go");
  g_socket_listener_close (squatter);
}

/* No developer app entered for X: the add dialog says so before any
 * browser opens, and cannot go on. The empty list's words are no stop
 * for Tab. */
static void
test_no_app (Fixture       *f,
             gconstpointer  data)
{
  AdwMessageDialog *dialog;
  GtkWidget *placeholder = warta_test_gui_find_named (GTK_WIDGET (f->page), ADW_TYPE_ACTION_ROW, NULL);

  GtkWidget *add = warta_test_gui_find_named (GTK_WIDGET (f->page), GTK_TYPE_MENU_BUTTON, NULL);
  GtkWidget *add_label = warta_test_gui_find_named (add, GTK_TYPE_LABEL, NULL);

  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (placeholder)), ==,
                   "No accounts yet");
  g_assert_false (gtk_widget_get_focusable (placeholder));
  /* Alt+A opens the Add Account menu, and the button is still read as
   * "Add Account". */
  g_assert_cmpuint (gdk_keyval_to_lower (gtk_label_get_mnemonic_keyval (GTK_LABEL (add_label))), ==, GDK_KEY_a);
  g_assert_true (gtk_widget_mnemonic_activate (add_label, FALSE));
  /* A button shows itself pressed for a moment before it is clicked. */
  WARTA_TEST_GUI_WAIT_FOR (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (add)))));
  gtk_menu_button_popdown (GTK_MENU_BUTTON (add));
  warta_test_gui_assert_named_once (GTK_WIDGET (f->page));
  warta_test_gui_assert_mnemonics_unique (GTK_WIDGET (f->page));

  g_settings_reset (f->settings, "oauth-client-ids");
  gtk_widget_activate_action (GTK_WIDGET (f->page), "accounts.add", "s", "x");
  wait_until (f, dialog_titled, "Add X Account", "the add dialog");
  dialog = _warta_accounts_get_dialog ();
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Developer Apps"));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "ok"));
  adw_message_dialog_response (dialog, "cancel");
  iterate ();
  g_assert_null (opened_uri);
}

/* The office entered the app's id but not its secret: YouTube (Google)
 * refuses a desktop app's sign-in without it, so the add dialog says
 * where to enter it before any browser opens, rather than after the
 * user signed in there. */
static void
test_no_app_secret (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;

  if (!warta_test_keyring_start ())
    return;
  warta_context_save_client_secret_async (f->context, "youtube", "", NULL, save_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (warta_context_save_client_secret_finish (f->context, result, &error));
  g_assert_no_error (error);

  gtk_widget_activate_action (GTK_WIDGET (f->page), "accounts.add", "s", "youtube");
  wait_until (f, dialog_titled, "Add YouTube Channel", "the add dialog");
  adw_message_dialog_response (_warta_accounts_get_dialog (), "ok");
  wait_until (f, dialog_titled, "Account Not Signed In", "the refusal");
  dialog = _warta_accounts_get_dialog ();
  g_assert_null (opened_uri);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Google client secret (YouTube)"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Developer Apps"));
  g_assert_true (has_accounts (f, GUINT_TO_POINTER (0)));
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* With no app at all, the add dialog asks for both at once. */
  g_settings_reset (f->settings, "oauth-client-ids");
  gtk_widget_activate_action (GTK_WIDGET (f->page), "accounts.add", "s", "youtube");
  wait_until (f, dialog_titled, "Add YouTube Channel", "the add dialog");
  g_assert_true (dialog_says (f, "enter its id and secret under Developer Apps"));
  adw_message_dialog_response (_warta_accounts_get_dialog (), "cancel");
  iterate ();
}

/* The developer-app row of @page titled @title. */
static GtkEditable *
app_row (GtkWidget  *widget,
         const char *title)
{
  if (ADW_IS_ENTRY_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return GTK_EDITABLE (widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkEditable *found = app_row (c, title);

      if (found)
        return found;
    }
  return NULL;
}

static gboolean
row_shows (Fixture       *f,
           gconstpointer  text)
{
  GtkEditable *row = app_row (GTK_WIDGET (f->page), "X client secret");

  return g_strcmp0 (gtk_editable_get_text (row), text) == 0;
}

static gboolean
keyring_holds (Fixture       *f,
               gconstpointer  secret)
{
  g_autofree char *kept = warta_test_keyring_lookup_client ("x");

  return g_strcmp0 (kept, secret) == 0;
}

static gboolean
settings_hold_secret (GSettings  *settings,
                      const char *platform)
{
  g_autoptr(GVariant) secrets = g_settings_get_value (settings, "oauth-client-secrets");

  return g_variant_lookup (secrets, platform, "&s", NULL);
}

/* A developer app's secret is typed under Developer Apps: it goes to the
 * keyring once typing pauses, never to the settings, and the page shows
 * it from there next time. Emptying the row removes it. */
static void
test_app_secret (Fixture       *f,
                 gconstpointer  data)
{
  GtkEditable *row;

  if (!warta_test_keyring_start ())
    return;
  row = app_row (GTK_WIDGET (f->page), "X client secret");
  g_assert_nonnull (row);
  g_assert_true (ADW_IS_PASSWORD_ENTRY_ROW (row));
  wait_until (f, row_shows, WARTA_TEST_OAUTH_CLIENT_SECRET, "the secret read from the keyring");

  gtk_editable_set_text (row, "x-secret-typed");
  wait_until (f, keyring_holds, "x-secret-typed", "the typed secret in the keyring");
  g_assert_false (settings_hold_secret (f->settings, "x"));

  /* Another visit of the page: read back from the keyring. */
  warta_accounts_page_set_context (f->page, NULL);
  g_assert_cmpstr (gtk_editable_get_text (row), ==, "");
  warta_accounts_page_set_context (f->page, f->context);
  wait_until (f, row_shows, "x-secret-typed", "the secret read back");

  /* Typed, then the page goes at once: still kept. */
  gtk_editable_set_text (row, "x-secret-last");
  gtk_window_destroy (GTK_WINDOW (f->window));
  f->window = NULL;
  wait_until (f, keyring_holds, "x-secret-last", "the last secret typed");

  /* A page not shown yet reads no secret: a locked keyring would ask for
   * its password at start-up. */
  f->window = gtk_window_new ();
  f->page = WARTA_ACCOUNTS_PAGE (warta_accounts_page_new ());
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->page));
  warta_accounts_page_set_context (f->page, f->context);
  wait_ms (300);
  g_assert_cmpstr (gtk_editable_get_text (app_row (GTK_WIDGET (f->page), "X client secret")),
                   ==, "");
  gtk_window_present (GTK_WINDOW (f->window));
  wait_until (f, row_shows, "x-secret-last", "the secret on a new page");
  row = app_row (GTK_WIDGET (f->page), "X client secret");
  gtk_editable_set_text (row, "");
  wait_until (f, keyring_holds, NULL, "the secret removed");
}

/* An older Warta kept the secrets in the settings: they move to the
 * keyring when a database is opened, and leave the settings. */
static void
test_app_secret_moved (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(WartaContext) context = NULL;
  GVariantBuilder secrets;

  if (!warta_test_keyring_start ())
    return;
  g_variant_builder_init (&secrets, G_VARIANT_TYPE ("a{ss}"));
  g_variant_builder_add (&secrets, "{ss}", "x", "x-secret-of-old");
  g_settings_set_value (f->settings, "oauth-client-secrets", g_variant_builder_end (&secrets));

  context = warta_context_new (f->t->db, f->settings);
  wait_until (f, keyring_holds, "x-secret-of-old", "the secret moved to the keyring");
  while (settings_hold_secret (f->settings, "x"))
    g_main_context_iteration (NULL, TRUE);
}

#define READ_ONLY_LINE \
  "Only the social media admin or an administrator can add or remove accounts and change the developer apps."

static void
refused_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (warta_accounts_page_sign_in_again_finish (result, &error));
  g_assert_error (error, WARTA_USER_ERROR, WARTA_USER_ERROR_FORBIDDEN);
  g_assert_cmpstr (error->message, ==,
                   "Only the social media admin or an administrator can change the publishing accounts. Ask one of them.");
  *(gboolean *) user_data = TRUE;
}

/* Whether the page lets the signed-in user change the accounts, and says
 * so: the rows are there either way. */
static void
assert_editable (Fixture  *f,
                 gint64    id,
                 gboolean  editable)
{
  GtkWidget *group = _warta_accounts_page_get_widget (f->page, 0, "accounts-group");
  const char *description = adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group));
  GtkWidget *row = _warta_accounts_page_get_widget (f->page, id, "row");

  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Humas x");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "X");
  g_assert_cmpint (gtk_widget_get_sensitive (_warta_accounts_page_get_widget (f->page, id, "remove")),
                   ==, editable);
  g_assert_cmpint (gtk_widget_get_sensitive (_warta_accounts_page_get_widget (f->page, id, "sign-in")),
                   ==, editable);
  g_assert_cmpint (gtk_widget_get_sensitive (_warta_accounts_page_get_widget (f->page, 0, "add")),
                   ==, editable);
  g_assert_cmpint (gtk_widget_is_sensitive (GTK_WIDGET (app_row (GTK_WIDGET (f->page), "X client ID"))),
                   ==, editable);
  g_assert_cmpint (gtk_widget_is_sensitive (GTK_WIDGET (app_row (GTK_WIDGET (f->page), "X client secret"))),
                   ==, editable);
  g_assert_cmpint (strstr (description, READ_ONLY_LINE) != NULL, ==, !editable);
}

/* The accounts are the office's channels: a verifier sees them, names,
 * platforms and all, but adds, removes and signs in none, and sets no
 * developer app; the page says who can. So before sign-in. The social
 * media admin (who publishes) and an administrator manage them. */
static void
test_roles (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(WartaUser) verifier = NULL;
  g_autoptr(WartaUser) publisher = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) ids = NULL;
  const char *kept = NULL;
  gboolean refused = FALSE;
  gint64 id;

  verifier = warta_user_repository_create_user (f->t->users, f->t->admin, "verifikator", "Budi",
                                                "rahasia-123", WARTA_ROLE_VERIFIER, FALSE, &error);
  g_assert_no_error (error);
  publisher = warta_user_repository_create_user (f->t->users, f->t->admin, "medsos", "Rina",
                                                 "rahasia-123", WARTA_ROLE_SOCIAL_MEDIA_ADMIN,
                                                 FALSE, &error);
  g_assert_no_error (error);
  id = warta_test_publish_add_account (f->t, "x", "https://api.x.example", "{}", "x-1");
  warta_accounts_page_reload (f->page);
  assert_editable (f, id, TRUE);

  warta_context_set_current_user (f->context, verifier);
  iterate ();
  assert_editable (f, id, FALSE);
  /* Alt+A or a stale menu: the action is off, nothing asks to sign in. */
  gtk_widget_activate_action (GTK_WIDGET (f->page), "accounts.add", "s", "x");
  iterate ();
  g_assert_null (_warta_accounts_get_dialog ());

  /* Asked for elsewhere (the publish view), signing in again is refused. */
  warta_accounts_page_sign_in_again_async (GTK_WINDOW (f->window), f->context, id, NULL,
                                           refused_cb, &refused);
  while (!refused)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (_warta_accounts_get_dialog ());
  g_assert_null (opened_uri);

  /* Nor does the context keep a developer app's id from them. */
  g_assert_false (warta_context_set_oauth_client_id (f->context, "x", "typed-by-verifier", &error));
  g_assert_error (error, WARTA_USER_ERROR, WARTA_USER_ERROR_FORBIDDEN);
  g_clear_error (&error);
  ids = g_settings_get_value (f->settings, "oauth-client-ids");
  g_assert_true (g_variant_lookup (ids, "x", "&s", &kept));
  g_assert_cmpstr (kept, ==, WARTA_TEST_OAUTH_CLIENT_ID);

  warta_context_set_current_user (f->context, NULL);
  iterate ();
  assert_editable (f, id, FALSE);

  warta_context_set_current_user (f->context, publisher);
  iterate ();
  assert_editable (f, id, TRUE);
  g_assert_true (warta_context_set_oauth_client_id (f->context, "x", WARTA_TEST_OAUTH_CLIENT_ID,
                                                    &error));
  g_assert_no_error (error);
}

/* Removing an account that posts still wait for says how many, and that
 * they would stop: once removed, the account cannot sign in again for
 * them. An account nothing waits for is removed without that. */
static void
test_remove_waiting (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(WartaPublication) stopped = warta_test_publish_make_approved (f->t, "Rakor", 1);
  g_autoptr(WartaPublication) pending = warta_test_publish_make_approved (f->t, "Apel pagi", 1);
  g_autoptr(GListModel) jobs = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  gint64 waited = warta_test_publish_add_account (f->t, "x", "https://api.x.example", "{}", "x-1");
  gint64 idle = warta_test_publish_add_account (f->t, "x", "https://api.x.example", "{}", "x-2");

  if (!warta_test_keyring_start ())
    return;
  stop_for_sign_in (f, stopped, waited);
  jobs = warta_outbox_repository_enqueue (f->t->outbox, f->t->admin,
                                          warta_publication_get_id (pending),
                                          warta_publication_get_version (pending), &waited, 1,
                                          &error);
  g_assert_no_error (error);
  warta_accounts_page_reload (f->page);

  gtk_widget_activate (_warta_accounts_page_get_widget (f->page, waited, "remove"));
  wait_until (f, dialog_titled, "Remove “Humas x”?", "the remove dialog");
  dialog = _warta_accounts_get_dialog ();
  g_assert_true (dialog_says (f, "What was published stays published"));
  g_assert_true (dialog_says (f, "2 posts still wait to be published to this account"));
  warta_test_gui_screenshot (GTK_WIDGET (dialog), "accounts-remove-waiting.png");
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  adw_message_dialog_response (dialog, "cancel");
  iterate ();

  gtk_widget_activate (_warta_accounts_page_get_widget (f->page, idle, "remove"));
  WARTA_TEST_GUI_WAIT_FOR (_warta_accounts_get_dialog () != NULL &&
                           _warta_accounts_get_dialog () != dialog);
  g_assert_true (dialog_says (f, "What was published stays published"));
  g_assert_false (dialog_says (f, "still wait"));
  adw_message_dialog_response (_warta_accounts_get_dialog (), "remove");
  wait_until (f, has_accounts, GUINT_TO_POINTER (1), "the account removed");
}

/* Two websites whose sign-in stopped: each row still says which
 * website it is, and that it must sign in again. */
static void
test_sign_in_again_row (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(WartaPublication) photo = warta_test_publish_make_approved (f->t, "Rakor", 1);
  gint64 first = warta_test_publish_add_account (f->t, "wordpress", "https://inspektorat.example.go.id",
                                                 "{}", "wp-1");
  gint64 second = warta_test_publish_add_account (f->t, "wordpress", "https://ppid.example.go.id",
                                                  "{}", "wp-2");
  gint64 ids[] = { first, second };

  g_autoptr(GListModel) jobs = NULL;
  g_autoptr(GError) error = NULL;

  jobs = warta_outbox_repository_enqueue (f->t->outbox, f->t->admin,
                                          warta_publication_get_id (photo),
                                          warta_publication_get_version (photo), ids, 2, &error);
  g_assert_no_error (error);
  g_assert_true (_warta_database_exec (f->t->db,
                                       "UPDATE outbox_jobs SET state = 'failed', "
                                       "error_code = '" WARTA_OUTBOX_ERROR_AUTH "'", NULL));
  warta_accounts_page_reload (f->page);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (_warta_accounts_page_get_widget (f->page, first, "row"))),
                   ==, "Website (WordPress) · https://inspektorat.example.go.id · Sign in again");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (_warta_accounts_page_get_widget (f->page, second, "row"))),
                   ==, "Website (WordPress) · https://ppid.example.go.id · Sign in again");
  g_assert_true (gtk_widget_get_visible (_warta_accounts_page_get_widget (f->page, second, "sign-in")));
}

/* Removing an account with the keyboard leaves the focus in the list, on
 * the row that took its place, not nowhere: the next Tab goes on from
 * there. */
static void
test_remove_keeps_focus (Fixture       *f,
                         gconstpointer  data)
{
  gint64 first = warta_test_publish_add_account (f->t, "x", "https://api.x.example", "{}", "x-1");
  gint64 second = warta_test_publish_add_account (f->t, "x", "https://api.x.example", "{}", "x-2");
  AdwMessageDialog *dialog;
  GtkWidget *remove;
  GtkWidget *focus;

  if (!warta_test_keyring_start ())
    return;
  warta_accounts_page_reload (f->page);
  remove = _warta_accounts_page_get_widget (f->page, first, "remove");
  gtk_widget_grab_focus (remove);
  gtk_widget_activate (remove);
  wait_until (f, dialog_titled, "Remove “Humas x”?", "the remove dialog");
  adw_message_dialog_response (_warta_accounts_get_dialog (), "remove");
  wait_until (f, has_accounts, GUINT_TO_POINTER (1), "the account removed");
  WARTA_TEST_GUI_WAIT_FOR (_warta_accounts_page_get_widget (f->page, first, "row") == NULL);
  iterate ();
  focus = gtk_window_get_focus (GTK_WINDOW (f->window));
  g_assert_nonnull (focus);
  g_assert_true (focus == _warta_accounts_page_get_widget (f->page, second, "row") ||
                 gtk_widget_is_ancestor (focus, _warta_accounts_page_get_widget (f->page, second, "row")));

  /* The last one gone: at Add Account. */
  dialog = _warta_accounts_get_dialog ();
  remove = _warta_accounts_page_get_widget (f->page, second, "remove");
  gtk_widget_grab_focus (remove);
  gtk_widget_activate (remove);
  WARTA_TEST_GUI_WAIT_FOR (_warta_accounts_get_dialog () != NULL &&
                           _warta_accounts_get_dialog () != dialog);
  adw_message_dialog_response (_warta_accounts_get_dialog (), "remove");
  wait_until (f, has_accounts, GUINT_TO_POINTER (0), "the last account removed");
  WARTA_TEST_GUI_WAIT_FOR (_warta_accounts_page_get_widget (f->page, second, "row") == NULL);
  iterate ();
  focus = gtk_window_get_focus (GTK_WINDOW (f->window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, _warta_accounts_page_get_widget (f->page, 0, "add")) ||
                 focus == _warta_accounts_page_get_widget (f->page, 0, "add"));
}

/* @key of account @id's settings, as its row keeps it. */
static char *
stored_setting (Fixture    *f,
                gint64      id,
                const char *key)
{
  g_autoptr(WartaAccount) row = NULL;
  g_autoptr(GError) error = NULL;

  row = warta_account_repository_get (f->t->accounts, id, &error);
  g_assert_no_error (error);
  return warta_account_dup_setting (row, key);
}

#define ASSERT_STORED(f, id, key, value) \
  G_STMT_START { \
    g_autofree char *stored_ = stored_setting (f, id, key); \
    g_assert_cmpstr (stored_, ==, value); \
  } G_STMT_END

/* The instance's own limits (GET /api/v2/instance) are asked at sign-in
 * and kept in the account's settings, for the publish check; an instance
 * that does not say them (no v2, a v1 without them, before Mastodon 3.4)
 * is signed in to all the same, with none kept. */
static void
test_mastodon_limits (Fixture       *f,
                      gconstpointer  data)
{
  WartaTestInstance instance = WARTA_TEST_INSTANCE_DEFAULT;
  g_autoptr(WartaAccount) first = NULL;
  g_autoptr(WartaAccount) second = NULL;
  g_autofree char *who = NULL;
  gint64 id;

  if (!warta_test_keyring_start ())
    return;
  instance.kind = WARTA_TEST_INSTANCE_V1_BARE;
  warta_test_oauth_server_set_instance (f->server, &instance);
  warta_test_oauth_server_set_username (f->server, "humas");
  first = add_mastodon (f, 0);
  id = warta_account_get_id (first);
  ASSERT_STORED (f, id, "max-characters", NULL);
  ASSERT_STORED (f, id, "image-size-limit", NULL);
  who = stored_setting (f, id, "account-id");
  g_assert_nonnull (who);

  instance.kind = WARTA_TEST_INSTANCE_V2;
  instance.max_characters = 600;
  instance.image_size_limit = 8388608;
  instance.description_limit = 0;
  warta_test_oauth_server_set_instance (f->server, &instance);
  warta_test_oauth_server_set_username (f->server, "kominfo");
  second = add_mastodon (f, 1);
  id = warta_account_get_id (second);
  ASSERT_STORED (f, id, "max-characters", "600");
  ASSERT_STORED (f, id, "characters-per-url", "23");
  ASSERT_STORED (f, id, "max-media", "4");
  ASSERT_STORED (f, id, "image-size-limit", "8388608");
  ASSERT_STORED (f, id, "video-size-limit", "103809024");
  /* Not said: not kept. */
  ASSERT_STORED (f, id, "description-limit", NULL);
}

/* Mastodon 3.4 and 3.5 have no /api/v2/instance (404) but say the same
 * configuration in /api/v1/instance: their limits are kept at sign-in as
 * a 4.x instance's are; an old fork's max_toot_chars is its status
 * length, the number of photos Mastodon's 4. */
static void
test_mastodon_limits_v1 (Fixture       *f,
                         gconstpointer  data)
{
  WartaTestInstance instance = WARTA_TEST_INSTANCE_DEFAULT;
  g_autoptr(WartaAccount) first = NULL;
  g_autoptr(WartaAccount) second = NULL;
  gint64 id;

  if (!warta_test_keyring_start ())
    return;
  instance.kind = WARTA_TEST_INSTANCE_V1;
  instance.max_characters = 800;
  instance.max_media = 6;
  instance.image_size_limit = 8388608;
  instance.description_limit = 0;
  warta_test_oauth_server_set_instance (f->server, &instance);
  warta_test_oauth_server_set_username (f->server, "humas");
  first = add_mastodon (f, 0);
  id = warta_account_get_id (first);
  ASSERT_STORED (f, id, "max-characters", "800");
  ASSERT_STORED (f, id, "characters-per-url", "23");
  ASSERT_STORED (f, id, "max-media", "6");
  ASSERT_STORED (f, id, "image-size-limit", "8388608");
  ASSERT_STORED (f, id, "video-size-limit", "103809024");
  ASSERT_STORED (f, id, "description-limit", NULL);

  instance.kind = WARTA_TEST_INSTANCE_V1_FORK;
  instance.max_characters = 5000;
  warta_test_oauth_server_set_instance (f->server, &instance);
  warta_test_oauth_server_set_username (f->server, "kominfo");
  second = add_mastodon (f, 1);
  id = warta_account_get_id (second);
  ASSERT_STORED (f, id, "max-characters", "5000");
  ASSERT_STORED (f, id, "max-media", "4");
  ASSERT_STORED (f, id, "characters-per-url", NULL);
  ASSERT_STORED (f, id, "image-size-limit", NULL);
  ASSERT_STORED (f, id, "video-size-limit", NULL);
  ASSERT_STORED (f, id, "description-limit", NULL);
}

/* Whether the channel may upload videos longer than 15 minutes
 * (channels.list's status.longUploadsStatus) is kept at sign-in. */
static void
test_youtube_long_uploads (Fixture       *f,
                           gconstpointer  data)
{
  GListModel *accounts = warta_account_store_get_accounts (warta_context_get_account_store (f->context));
  g_autoptr(WartaAccount) first = NULL;
  g_autoptr(WartaAccount) second = NULL;

  if (!warta_test_keyring_start ())
    return;
  warta_test_oauth_server_set_username (f->server, "humas");
  warta_test_oauth_server_set_long_uploads (f->server, "eligible");
  add_and_sign_in (f, "youtube", "Add YouTube Channel");
  wait_until (f, has_accounts, GUINT_TO_POINTER (1), "the account");
  first = g_list_model_get_item (accounts, 0);
  ASSERT_STORED (f, warta_account_get_id (first), "long-uploads", "eligible");

  warta_test_oauth_server_set_username (f->server, "kominfo");
  warta_test_oauth_server_set_long_uploads (f->server, "allowed");
  add_and_sign_in (f, "youtube", "Add YouTube Channel");
  wait_until (f, has_accounts, GUINT_TO_POINTER (2), "the other account");
  second = g_list_model_get_item (accounts, 1);
  ASSERT_STORED (f, warta_account_get_id (second), "long-uploads", "allowed");
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
  g_test_add ("/warta/accounts-page/form-checked", Fixture, "mastodon",
              fixture_setup, test_form_checked, fixture_teardown);
  g_test_add ("/warta/accounts-page/sign-in-skips-refused", Fixture, "mastodon",
              fixture_setup, test_sign_in_skips_refused, fixture_teardown);
  g_test_add ("/warta/accounts-page/sign-in-by-administrator", Fixture, "mastodon",
              fixture_setup, test_sign_in_by_administrator, fixture_teardown);
  g_test_add ("/warta/accounts-page/mastodon-again", Fixture, "mastodon",
              fixture_setup, test_mastodon_again, fixture_teardown);
  g_test_add ("/warta/accounts-page/mastodon-limits", Fixture, "mastodon",
              fixture_setup, test_mastodon_limits, fixture_teardown);
  g_test_add ("/warta/accounts-page/mastodon-limits-v1", Fixture, "mastodon",
              fixture_setup, test_mastodon_limits_v1, fixture_teardown);
  g_test_add ("/warta/accounts-page/youtube-long-uploads", Fixture, "youtube",
              fixture_setup, test_youtube_long_uploads, fixture_teardown);
  g_test_add ("/warta/accounts-page/facebook-many-pages", Fixture, "facebook",
              fixture_setup, test_facebook_many_pages, fixture_teardown);
  g_test_add ("/warta/accounts-page/instagram", Fixture, "instagram",
              fixture_setup, test_instagram, fixture_teardown);
  g_test_add ("/warta/accounts-page/mastodon-two", Fixture, "mastodon",
              fixture_setup, test_mastodon_two, fixture_teardown);
  g_test_add ("/warta/accounts-page/mastodon-port-taken", Fixture, "mastodon",
              fixture_setup, test_mastodon_port_taken, fixture_teardown);
  g_test_add ("/warta/accounts-page/wordpress-form", Fixture, "mastodon",
              fixture_setup, test_wordpress_form, fixture_teardown);
  g_test_add ("/warta/accounts-page/cancel-then-add", Fixture, "mastodon",
              fixture_setup, test_cancel_then_add, fixture_teardown);
  g_test_add ("/warta/accounts-page/facebook-twice", Fixture, "facebook",
              fixture_setup, test_facebook_twice, fixture_teardown);
  g_test_add ("/warta/accounts-page/mastodon-twice", Fixture, "mastodon",
              fixture_setup, test_same_user_twice, fixture_teardown);
  g_test_add ("/warta/accounts-page/x-twice", Fixture, "x",
              fixture_setup, test_same_user_twice, fixture_teardown);
  g_test_add ("/warta/accounts-page/youtube-twice", Fixture, "youtube",
              fixture_setup, test_same_user_twice, fixture_teardown);
  g_test_add ("/warta/accounts-page/youtube-no-channel", Fixture, "youtube",
              fixture_setup, test_youtube_no_channel, fixture_teardown);
  g_test_add ("/warta/accounts-page/no-app", Fixture, "x",
              fixture_setup, test_no_app, fixture_teardown);
  g_test_add ("/warta/accounts-page/no-app-secret", Fixture, "youtube",
              fixture_setup, test_no_app_secret, fixture_teardown);
  g_test_add ("/warta/accounts-page/app-secret", Fixture, "x",
              fixture_setup, test_app_secret, fixture_teardown);
  g_test_add ("/warta/accounts-page/app-secret-moved", Fixture, "x",
              fixture_setup, test_app_secret_moved, fixture_teardown);
  g_test_add ("/warta/accounts-page/remove-waiting", Fixture, "x",
              fixture_setup, test_remove_waiting, fixture_teardown);
  g_test_add ("/warta/accounts-page/sign-in-again-row", Fixture, "x",
              fixture_setup, test_sign_in_again_row, fixture_teardown);
  g_test_add ("/warta/accounts-page/remove-keeps-focus", Fixture, "x",
              fixture_setup, test_remove_keeps_focus, fixture_teardown);
  g_test_add ("/warta/accounts-page/roles", Fixture, "x",
              fixture_setup, test_roles, fixture_teardown);
  status = g_test_run ();
  warta_test_keyring_stop ();
  return status;
}
