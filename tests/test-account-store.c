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

  warta_account_store_add_async (store, account, SECRET, NULL, done_cb, &result);
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

  warta_account_store_remove_async (store, account, NULL, done_cb, &result);
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

int
main (int   argc,
      char *argv[])
{
  int status;

  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/warta/account-store/keyring", test_keyring);
  status = g_test_run ();
  warta_test_keyring_stop ();
  return status;
}
