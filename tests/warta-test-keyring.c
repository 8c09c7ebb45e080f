/* warta-test-keyring.c: a real keyring for the tests
 * (gnome-keyring-daemon, started with an empty password in the test's own
 * HOME, on the test's session bus)
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <libsecret/secret.h>

#include "warta-account-store.h"
#include "warta-test-keyring.h"

static GSubprocess *keyring;
static char *keyring_home;

static const struct {
  const char *variable;
  const char *path;      /* in keyring_home */
} home_dirs[] = {
  { "HOME", "" },
  { "XDG_DATA_HOME", ".local/share" },
  { "XDG_CONFIG_HOME", ".config" },
  { "XDG_CACHE_HOME", ".cache" },
  { "XDG_RUNTIME_DIR", "runtime" },
};

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

/* Whether @name has an owner on the session bus within five seconds;
 * asked without starting one (NameHasOwner does not activate). */
static gboolean
wait_for_name_owner (const char *name)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);

  for (guint i = 0; bus != NULL && i < 100; i++)
    {
      g_autoptr(GVariant) reply = NULL;
      gboolean owned = FALSE;

      reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                           "org.freedesktop.DBus", "NameHasOwner",
                                           g_variant_new ("(s)", name), G_VARIANT_TYPE ("(b)"),
                                           G_DBUS_CALL_FLAGS_NONE, 5000, NULL, NULL);
      if (reply != NULL)
        g_variant_get (reply, "(b)", &owned);
      if (owned)
        return TRUE;
      g_usleep (50 * 1000);
    }
  return FALSE;
}

/* Skipped only when gnome-keyring-daemon is not installed (Debian
 * gnome-keyring) or there is no session bus to put it on. */
gboolean
warta_test_keyring_start (void)
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
  /* The daemon's own home, for as long as it runs: a test with
   * G_TEST_OPTION_ISOLATE_DIRS has HOME and the XDG variables set to
   * /dev/null, and the directory GLib gives each test case is gone with
   * it, while the daemon serves the whole program. */
  keyring_home = g_dir_make_tmp ("warta-keyring-XXXXXX", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (home_dirs); i++)
    {
      g_autofree char *dir = g_build_filename (keyring_home, home_dirs[i].path, NULL);

      g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
      g_subprocess_launcher_setenv (launcher, home_dirs[i].variable, dir, TRUE);
    }
  /* The tests' G_DEBUG=fatal-warnings is theirs, not the daemon's: it
   * warns when an item is replaced quickly ("asked to register item …,
   * but it's already registered") and would abort on it, in the middle
   * of a test's sign-in. */
  g_subprocess_launcher_unsetenv (launcher, "G_DEBUG");
  keyring = g_subprocess_launcher_spawn (launcher, &error, daemon, "--foreground", "--unlock",
                                         "--components=secrets", NULL);
  g_assert_no_error (error);
  /* The login keyring's password: an empty line, as `echo | …` gives. */
  in = g_subprocess_get_stdin_pipe (keyring);
  g_output_stream_write_all (in, "\n", 1, NULL, NULL, NULL);
  g_output_stream_close (in, NULL, NULL);

  /* Wait until the daemon owns its name. A call to the Secret Service
   * before that would have the bus start a second daemon (D-Bus
   * activation) on the same HOME: two daemons writing the same keyring
   * files, and the tests talking to whichever took the name first. */
  if (!wait_for_name_owner ("org.freedesktop.secrets"))
    {
      g_test_skip ("the keyring did not come up on the session bus");
      return FALSE;
    }

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

void
warta_test_keyring_stop (void)
{
  if (keyring != NULL)
    {
      g_subprocess_force_exit (keyring);
      g_subprocess_wait (keyring, NULL, NULL);
      g_clear_object (&keyring);
    }
  if (keyring_home != NULL)
    {
      const char *argv[] = { "rm", "-rf", keyring_home, NULL };

      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                    NULL, NULL);
      g_clear_pointer (&keyring_home, g_free);
    }
}

char *
warta_test_keyring_lookup (WartaAccountRepository *accounts,
                           const char             *keyring_id)
{
  g_autofree char *uuid = warta_account_repository_dup_database_uuid (accounts, NULL);
  g_autoptr(GError) error = NULL;
  char *secret;

  g_assert_nonnull (uuid);
  secret = secret_password_lookup_sync (warta_account_store_get_schema (), NULL, &error,
                                        "database", uuid, "account", keyring_id, NULL);
  g_assert_no_error (error);
  return secret;
}

char *
warta_test_keyring_lookup_client (const char *platform)
{
  g_autoptr(GError) error = NULL;
  char *secret;

  secret = secret_password_lookup_sync (warta_account_store_get_client_schema (), NULL, &error,
                                        "platform", platform, NULL);
  g_assert_no_error (error);
  return secret;
}

guint
warta_test_keyring_count (WartaAccountRepository *accounts)
{
  g_autofree char *uuid = warta_account_repository_dup_database_uuid (accounts, NULL);
  g_autoptr(GError) error = NULL;
  GList *items;
  guint n;

  g_assert_nonnull (uuid);
  items = secret_password_search_sync (warta_account_store_get_schema (), SECRET_SEARCH_ALL, NULL,
                                       &error, "database", uuid, NULL);
  g_assert_no_error (error);
  n = g_list_length (items);
  g_list_free_full (items, g_object_unref);
  return n;
}
