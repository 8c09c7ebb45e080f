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
#include "warta-test-publish.h"

#define SECRET "abcd EFGH ijkl MNOP qrst UVWX"

static GSubprocess *keyring;

/* A fresh gnome-keyring has no login collection until someone types a
 * password into a prompt. Its test interface creates one with an empty
 * password, without a prompt, and makes it the default. */
static gboolean
create_login_collection (GError **error)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, error);
  g_autoptr(GVariant) opened = NULL;
  g_autoptr(GVariant) created = NULL;
  g_autoptr(GVariant) output = NULL;
  GVariantBuilder properties;
  const char *session;
  const char *collection;

  if (bus == NULL)
    return FALSE;
  opened = g_dbus_connection_call_sync (bus, "org.freedesktop.secrets", "/org/freedesktop/secrets",
                                        "org.freedesktop.Secret.Service", "OpenSession",
                                        g_variant_new ("(sv)", "plain", g_variant_new_string ("")),
                                        G_VARIANT_TYPE ("(vo)"), G_DBUS_CALL_FLAGS_NONE, 5000,
                                        NULL, error);
  if (opened == NULL)
    return FALSE;
  g_variant_get (opened, "(v&o)", &output, &session);

  g_variant_builder_init (&properties, G_VARIANT_TYPE ("a{sv}"));
  g_variant_builder_add (&properties, "{sv}", "org.freedesktop.Secret.Collection.Label",
                         g_variant_new_string ("login"));
  created = g_dbus_connection_call_sync (bus, "org.freedesktop.secrets", "/org/freedesktop/secrets",
                                         "org.gnome.keyring.InternalUnsupportedGuiltRiddenInterface",
                                         "CreateWithMasterPassword",
                                         g_variant_new ("(a{sv}(o@ay@ays))", &properties, session,
                                                        g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, "", 0, 1),
                                                        g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, "", 0, 1),
                                                        "text/plain"),
                                         G_VARIANT_TYPE ("(o)"), G_DBUS_CALL_FLAGS_NONE, 5000,
                                         NULL, error);
  if (created == NULL)
    return FALSE;
  g_variant_get (created, "(&o)", &collection);
  g_clear_pointer (&output, g_variant_unref);
  output = g_dbus_connection_call_sync (bus, "org.freedesktop.secrets", "/org/freedesktop/secrets",
                                        "org.freedesktop.Secret.Service", "SetAlias",
                                        g_variant_new ("(so)", "default", collection),
                                        NULL, G_DBUS_CALL_FLAGS_NONE, 5000, NULL, error);
  return output != NULL;
}

/* Skipped only when gnome-keyring-daemon is not installed (Debian
 * gnome-keyring) or there is no session bus to put it on. */
static gboolean
start_keyring (void)
{
  g_autofree char *daemon = g_find_program_in_path ("gnome-keyring-daemon");
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GError) error = NULL;
  GOutputStream *in;

  if (daemon == NULL)
    {
      g_test_skip ("gnome-keyring-daemon is not installed (Debian package gnome-keyring)");
      return FALSE;
    }
  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    {
      g_test_skip ("no session bus: run the suite under dbus-run-session");
      return FALSE;
    }
  if (keyring != NULL)
    return TRUE;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                        G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  keyring = g_subprocess_launcher_spawn (launcher, &error, daemon, "--foreground", "--unlock",
                                         "--components=secrets", NULL);
  g_assert_no_error (error);
  /* The login keyring's password: an empty line, as `echo | …` gives. */
  in = g_subprocess_get_stdin_pipe (keyring);
  g_output_stream_write_all (in, "\n", 1, NULL, NULL, NULL);
  g_output_stream_close (in, NULL, NULL);

  /* Wait until the Secret Service answers on the bus. */
  for (guint i = 0; i < 100; i++)
    {
      g_autoptr(GError) wait_error = NULL;
      g_autoptr(SecretService) service = secret_service_get_sync (SECRET_SERVICE_OPEN_SESSION,
                                                                   NULL, &wait_error);
      g_autoptr(SecretCollection) collection = NULL;

      if (service != NULL)
        {
          collection = secret_collection_for_alias_sync (service, SECRET_COLLECTION_DEFAULT,
                                                         SECRET_COLLECTION_NONE, NULL, &wait_error);
          if (collection != NULL)
            return TRUE;
          secret_service_disconnect ();
        }
      if (service != NULL && i == 10)
        {
          g_autoptr(GError) create_error = NULL;

          if (!create_login_collection (&create_error))
            g_test_message ("no login collection: %s", create_error->message);
        }
      if (i == 99)
        g_test_message ("the keyring: %s", wait_error ? wait_error->message : "no default collection");
      g_usleep (50 * 1000);
    }
  g_test_skip ("the keyring did not come up on the session bus");
  return FALSE;
}

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

  if (!start_keyring ())
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

  if (keyring != NULL)
    {
      g_subprocess_force_exit (keyring);
      g_subprocess_wait (keyring, NULL, NULL);
      g_clear_object (&keyring);
    }
  return status;
}
