/* test-account-store.c: accounts with their secrets in a real keyring
 * (gnome-keyring-daemon, started here with an empty password in the
 * test's own HOME), never in the database
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "warta-account-store.h"
#include "warta-user-repository.h"
#include "warta-test-keyring.h"
#include "warta-test-publish.h"

#define SECRET "abcd EFGH ijkl MNOP qrst UVWX"

static void
done_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_result (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static gboolean
file_contains (const char *path,
               const char *needle)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;
  for (gsize i = 0; i + strlen (needle) <= length; i++)
    if (memcmp (contents + i, needle, strlen (needle)) == 0)
      return TRUE;
  return FALSE;
}

static void
test_keyring (void)
{
  g_autoptr(WartaTestPublish) t = NULL;
  g_autoptr(WartaAccountStore) store = NULL;
  g_autoptr(WartaAccount) account = warta_account_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *secret = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *wal = NULL;

  if (!warta_test_keyring_start ())
    return;

  t = warta_test_publish_new ();
  store = warta_account_store_new (t->accounts);
  warta_account_set_platform (account, "wordpress");
  warta_account_set_display_name (account, "Situs Inspektorat");
  warta_account_set_base_url (account, "https://inspektorat.example.go.id");
  warta_account_set_settings (account, "{\"user\": \"humas\"}");

  warta_account_store_add_async (store, t->admin, account, SECRET, NULL, done_cb, &result);
  g_assert_true (warta_account_store_add_finish (store, wait_result (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpint (warta_account_get_id (account), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (warta_account_store_get_accounts (store)), ==, 1);

  warta_account_store_lookup_secret_async (store, account, NULL, done_cb, &result);
  secret = warta_account_store_lookup_secret_finish (store, wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (secret, ==, SECRET);
  g_clear_object (&result);

  /* Found by the database's uuid and the account's keyring id. */
  uuid = warta_account_repository_dup_database_uuid (t->accounts, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (uuid), ==, 32);
  g_clear_pointer (&secret, g_free);
  secret = secret_password_lookup_sync (warta_account_store_get_schema (), NULL, &error,
                                        "database", uuid,
                                        "account", warta_account_get_keyring_id (account),
                                        NULL);
  g_assert_no_error (error);
  g_assert_cmpstr (secret, ==, SECRET);

  /* Never in the shared database. */
  wal = g_strconcat (t->path, "-wal", NULL);
  g_assert_false (file_contains (t->path, "EFGH"));
  g_assert_false (file_contains (wal, "EFGH"));

  warta_account_store_remove_async (store, t->admin, account, NULL, done_cb, &result);
  g_assert_true (warta_account_store_remove_finish (store, wait_result (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpuint (g_list_model_get_n_items (warta_account_store_get_accounts (store)), ==, 0);

  g_clear_pointer (&secret, g_free);
  warta_account_store_lookup_secret_async (store, account, NULL, done_cb, &result);
  secret = warta_account_store_lookup_secret_finish (store, wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_null (secret);
}

static WartaAccount *
add_account (WartaAccountStore *store,
             WartaUser         *actor,
             const char        *platform,
             const char        *settings,
             const char        *secret)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  WartaAccount *account = warta_account_new ();

  warta_account_set_platform (account, platform);
  warta_account_set_display_name (account, "mastodon.example.go.id");
  warta_account_set_base_url (account, "https://mastodon.example.go.id");
  warta_account_set_settings (account, settings);
  warta_account_store_add_async (store, actor, account, secret, NULL, done_cb, &result);
  g_assert_true (warta_account_store_add_finish (store, wait_result (&result), &error));
  g_assert_no_error (error);
  return account;
}


static void
store_app_secret (WartaAccountStore *store,
                  const char        *client_id,
                  const char        *secret)
{
  g_autoptr(WartaAccount) app = warta_account_new ();
  g_autofree char *keyring_id = warta_account_store_dup_app_keyring_id (client_id);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  warta_account_set_platform (app, "mastodon");
  warta_account_set_display_name (app, "app");
  warta_account_set_keyring_id (app, keyring_id);
  warta_account_store_set_secret_async (store, app, secret, NULL, done_cb, &result);
  g_assert_true (warta_account_store_set_secret_finish (store, wait_result (&result), &error));
  g_assert_no_error (error);
}

static void
remove_account (WartaAccountStore *store,
                WartaUser         *actor,
                WartaAccount      *account)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  warta_account_store_remove_async (store, actor, account, NULL, done_cb, &result);
  g_assert_true (warta_account_store_remove_finish (store, wait_result (&result), &error));
  g_assert_no_error (error);
}

static void
forget_app (WartaAccountStore *store,
            const char        *client_id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  warta_account_store_forget_app_async (store, client_id, NULL, done_cb, &result);
  g_assert_true (warta_account_store_forget_app_finish (store, wait_result (&result), &error));
  g_assert_no_error (error);
}

/* A Mastodon app's secret stays while an account signs in with it and
 * goes with the last one; another app's secret is not touched. */
static void
test_mastodon_app (void)
{
  g_autoptr(WartaTestPublish) t = NULL;
  g_autoptr(WartaAccountStore) store = NULL;
  g_autoptr(WartaAccount) first = NULL;
  g_autoptr(WartaAccount) second = NULL;
  g_autoptr(WartaAccount) other = NULL;
  g_autoptr(WartaAccount) site = NULL;
  g_autofree char *secret = NULL;
  g_autofree char *app_id = warta_account_store_dup_app_keyring_id ("c-1");

  if (!warta_test_keyring_start ())
    return;

  t = warta_test_publish_new ();
  store = warta_account_store_new (t->accounts);
  g_assert_cmpstr (app_id, ==, "mastodon-app:c-1");
  first = add_account (store, t->admin, "mastodon", "{\"client-id\": \"c-1\"}", "token-1");
  second = add_account (store, t->admin, "mastodon", "{\"client-id\": \"c-1\"}", "token-2");
  other = add_account (store, t->admin, "mastodon", "{\"client-id\": \"c-2\"}", "token-3");
  /* Not a Mastodon account, whatever its settings say. */
  site = add_account (store, t->admin, "wordpress", "{\"client-id\": \"c-2\"}", "password");
  store_app_secret (store, "c-1", "app-secret-1");
  store_app_secret (store, "c-2", "app-secret-2");

  remove_account (store, t->admin, first);
  g_clear_pointer (&secret, g_free);
  secret = warta_test_keyring_lookup (t->accounts, warta_account_get_keyring_id (first));
  g_assert_null (secret);
  secret = warta_test_keyring_lookup (t->accounts, "mastodon-app:c-1");
  g_assert_cmpstr (secret, ==, "app-secret-1");

  /* In use by the second account: kept. */
  forget_app (store, "c-1");
  g_clear_pointer (&secret, g_free);
  secret = warta_test_keyring_lookup (t->accounts, "mastodon-app:c-1");
  g_assert_cmpstr (secret, ==, "app-secret-1");

  remove_account (store, t->admin, second);
  g_clear_pointer (&secret, g_free);
  secret = warta_test_keyring_lookup (t->accounts, "mastodon-app:c-1");
  g_assert_null (secret);
  secret = warta_test_keyring_lookup (t->accounts, "mastodon-app:c-2");
  g_assert_cmpstr (secret, ==, "app-secret-2");

  remove_account (store, t->admin, other);
  g_clear_pointer (&secret, g_free);
  secret = warta_test_keyring_lookup (t->accounts, "mastodon-app:c-2");
  g_assert_null (secret);
  secret = warta_test_keyring_lookup (t->accounts, warta_account_get_keyring_id (site));
  g_assert_cmpstr (secret, ==, "password");
}

/* The accounts are the office's channels: a verifier (or anyone but the
 * social media admin and an administrator) neither adds nor removes one,
 * and is told whom to ask; nothing reaches the keyring or the database. */
static void
test_roles (void)
{
  g_autoptr(WartaTestPublish) t = NULL;
  g_autoptr(WartaAccountStore) store = NULL;
  g_autoptr(WartaUser) verifier = NULL;
  g_autoptr(WartaUser) publisher = NULL;
  g_autoptr(WartaAccount) account = warta_account_new ();
  g_autoptr(WartaAccount) added = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *secret = NULL;

  if (!warta_test_keyring_start ())
    return;

  t = warta_test_publish_new ();
  store = warta_account_store_new (t->accounts);
  verifier = warta_user_repository_create_user (t->users, t->admin, "verifikator", "Budi",
                                                "rahasia-123", WARTA_ROLE_VERIFIER, FALSE, &error);
  g_assert_no_error (error);
  publisher = warta_user_repository_create_user (t->users, t->admin, "medsos", "Rina",
                                                 "rahasia-123", WARTA_ROLE_SOCIAL_MEDIA_ADMIN,
                                                 FALSE, &error);
  g_assert_no_error (error);
  g_assert_false (warta_account_repository_can_manage (verifier));
  g_assert_false (warta_account_repository_can_manage (NULL));
  g_assert_true (warta_account_repository_can_manage (publisher));
  g_assert_true (warta_account_repository_can_manage (t->admin));

  warta_account_set_platform (account, "wordpress");
  warta_account_set_display_name (account, "Situs Inspektorat");
  warta_account_set_base_url (account, "https://inspektorat.example.go.id");
  warta_account_set_settings (account, "{}");
  warta_account_set_keyring_id (account, "refused");
  warta_account_store_add_async (store, verifier, account, SECRET, NULL, done_cb, &result);
  g_assert_false (warta_account_store_add_finish (store, wait_result (&result), &error));
  g_assert_error (error, WARTA_USER_ERROR, WARTA_USER_ERROR_FORBIDDEN);
  g_assert_cmpstr (error->message, ==,
                   "Only the social media admin or an administrator can change the publishing accounts. Ask one of them.");
  g_clear_error (&error);
  g_clear_object (&result);
  stored = warta_account_repository_list (t->accounts, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (stored), ==, 0);
  secret = warta_test_keyring_lookup (t->accounts, "refused");
  g_assert_null (secret);

  /* Nor below the store, in the row's own transaction. */
  g_assert_false (warta_account_repository_add (t->accounts, verifier, account, &error));
  g_assert_error (error, WARTA_USER_ERROR, WARTA_USER_ERROR_FORBIDDEN);
  g_clear_error (&error);
  g_assert_false (warta_account_repository_add (t->accounts, NULL, account, &error));
  g_assert_error (error, WARTA_USER_ERROR, WARTA_USER_ERROR_FORBIDDEN);
  g_clear_error (&error);

  /* The social media admin adds it. */
  added = add_account (store, publisher, "mastodon", "{}", "token-1");
  g_assert_cmpint (warta_account_get_id (added), >, 0);

  warta_account_set_display_name (added, "Renamed");
  g_assert_false (warta_account_repository_update (t->accounts, verifier, added, &error));
  g_assert_error (error, WARTA_USER_ERROR, WARTA_USER_ERROR_FORBIDDEN);
  g_clear_error (&error);

  warta_account_store_remove_async (store, verifier, added, NULL, done_cb, &result);
  g_assert_false (warta_account_store_remove_finish (store, wait_result (&result), &error));
  g_assert_error (error, WARTA_USER_ERROR, WARTA_USER_ERROR_FORBIDDEN);
  g_assert_cmpstr (error->message, ==,
                   "Only the social media admin or an administrator can change the publishing accounts. Ask one of them.");
  g_clear_error (&error);
  g_clear_object (&result);
  g_assert_cmpuint (g_list_model_get_n_items (warta_account_store_get_accounts (store)), ==, 1);
  g_clear_pointer (&secret, g_free);
  secret = warta_test_keyring_lookup (t->accounts, warta_account_get_keyring_id (added));
  g_assert_cmpstr (secret, ==, "token-1");

  remove_account (store, publisher, added);
  g_assert_cmpuint (g_list_model_get_n_items (warta_account_store_get_accounts (store)), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/warta/account-store/keyring", test_keyring);
  g_test_add_func ("/warta/account-store/mastodon-app", test_mastodon_app);
  g_test_add_func ("/warta/account-store/roles", test_roles);
  status = g_test_run ();
  warta_test_keyring_stop ();
  return status;
}
