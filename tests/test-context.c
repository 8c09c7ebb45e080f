/* test-context.c: the context applies the settings core/ must not read
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>
#include <glib/gstdio.h>

#include "warta-account-store-private.h"
#include "warta-context.h"
#include "warta-office-rules.h"
#include "warta-user-repository-private.h"

typedef struct
{
  char          *dir;
  WartaDatabase *database;
  GSettings     *settings;
  WartaContext  *context;
  WartaUser     *admin;    /* signed in: the office's rules are an administrator's */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("warta-context-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "warta.db", NULL);
  f->database = warta_database_open (path, WARTA_JOURNAL_MODE_AUTOMATIC,
                                     WARTA_DATABASE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  f->settings = g_settings_new (APPLICATION_ID);
  f->context = warta_context_new (f->database, f->settings);
  f->admin = warta_user_repository_create_first_admin (warta_context_get_users (f->context),
                                                       "admin", "Sari Dewi", "rahasia-123",
                                                       WARTA_ROLE_NONE, &error);
  g_assert_no_error (error);
  warta_context_set_current_user (f->context, f->admin);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *wal = g_build_filename (f->dir, "warta.db-wal", NULL);
  g_autofree char *shm = g_build_filename (f->dir, "warta.db-shm", NULL);
  g_autofree char *db = g_build_filename (f->dir, "warta.db", NULL);

  g_assert_finalize_object (f->context);
  g_clear_object (&f->admin);
  g_clear_object (&f->settings);
  g_assert_finalize_object (f->database);
  g_unlink (wal);
  g_unlink (shm);
  g_unlink (db);
  g_rmdir (f->dir);
  g_free (f->dir);
}

static void
test_role_names (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GVariant) names = NULL;
  g_autofree char *standard = g_strdup (warta_context_get_role_name (f->context, WARTA_ROLE_APPROVER));

  g_assert_cmpstr (standard, ==, warta_role_get_display_name (WARTA_ROLE_APPROVER, NULL));

  names = g_variant_ref_sink (g_variant_new_parsed ("{'approver': 'Atasan PPID', 'verifier': 'Sekretaris PPID'}"));
  g_settings_set_value (f->settings, "role-names", names);

  g_assert_cmpstr (warta_context_get_role_name (f->context, WARTA_ROLE_APPROVER), ==, "Atasan PPID");
  g_assert_cmpstr (warta_context_get_role_name (f->context, WARTA_ROLE_VERIFIER), ==, "Sekretaris PPID");
  /* A role without a name in the setting keeps its standard name. */
  g_assert_cmpstr (warta_context_get_role_name (f->context, WARTA_ROLE_ACTIVITY_OFFICER), ==,
                   warta_role_get_display_name (WARTA_ROLE_ACTIVITY_OFFICER, NULL));

  g_settings_reset (f->settings, "role-names");
  g_assert_cmpstr (warta_context_get_role_name (f->context, WARTA_ROLE_APPROVER), ==, standard);
}

static void
test_deadlines_follow_settings (Fixture       *f,
                                gconstpointer  data)
{
  WartaPublicationRepository *publications = warta_context_get_publications (f->context);
  WartaDeadlines deadlines;

  warta_publication_repository_get_deadlines (publications, &deadlines);
  g_assert_cmpuint (deadlines.minutes[1], ==, 0);
  g_assert_cmpuint (deadlines.minutes[2], ==, 120);
  g_assert_cmpuint (deadlines.minutes[3], ==, 30);
  g_assert_cmpuint (deadlines.minutes[4], ==, 30);
  g_assert_cmpuint (deadlines.minutes[5], ==, 30);

  g_settings_set_uint (f->settings, "deadline-verifying", 45);
  g_settings_set_uint (f->settings, "deadline-publishing", 0);
  warta_publication_repository_get_deadlines (publications, &deadlines);
  g_assert_cmpuint (deadlines.minutes[3], ==, 45);
  g_assert_cmpuint (deadlines.minutes[5], ==, 0);
  g_assert_cmpuint (deadlines.minutes[2], ==, 120);

  g_settings_reset (f->settings, "deadline-verifying");
  g_settings_reset (f->settings, "deadline-publishing");
}

static void
test_time_zone_follows_settings (Fixture       *f,
                                 gconstpointer  data)
{
  WartaClock *clock = warta_context_get_clock (f->context);

  g_assert_cmpstr (warta_clock_get_time_zone_id (clock), ==, "Asia/Jakarta");
  g_settings_set_string (f->settings, "time-zone", "Asia/Makassar");
  g_assert_cmpstr (warta_clock_get_time_zone_id (clock), ==, "Asia/Makassar");
  g_settings_reset (f->settings, "time-zone");
  g_assert_cmpstr (warta_clock_get_time_zone_id (clock), ==, "Asia/Jakarta");
}

/* Two workstations on one database, each with its own settings: the
 * office's rules are the database's, so both count the same deadlines
 * and show the same names. */
static void
test_office_rules_shared (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();
  g_autoptr(GSettings) settings = g_settings_new_with_backend (APPLICATION_ID, backend);
  g_autoptr(WartaDatabase) database = NULL;
  g_autoptr(WartaContext) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "warta.db", NULL);
  g_autofree char *unit = NULL;
  WartaDeadlines deadlines;
  gint64 deadline;

  /* A change in this workstation's preferences is the office's. */
  g_settings_set_uint (f->settings, "deadline-verifying", 45);
  g_settings_set_string (f->settings, "unit-name", "Inspektorat Provinsi Kalimantan Tengah");

  /* The other workstation still has the standard 30 minutes, and follows
   * the database as it opens it. */
  g_assert_cmpuint (g_settings_get_uint (settings, "deadline-verifying"), ==, 30);
  database = warta_database_open (path, WARTA_JOURNAL_MODE_AUTOMATIC, WARTA_DATABASE_FLAGS_NONE,
                                  &error);
  g_assert_no_error (error);
  other = warta_context_new (database, settings);
  warta_context_set_current_user (other, f->admin);
  g_assert_cmpuint (g_settings_get_uint (settings, "deadline-verifying"), ==, 45);
  unit = g_settings_get_string (settings, "unit-name");
  g_assert_cmpstr (unit, ==, "Inspektorat Provinsi Kalimantan Tengah");
  warta_publication_repository_get_deadlines (warta_context_get_publications (other), &deadlines);
  g_assert_cmpuint (deadlines.minutes[3], ==, 45);

  /* A change in the other workstation's preferences reaches this one. */
  g_settings_set_uint (settings, "deadline-approving", 60);
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (g_settings_get_uint (f->settings, "deadline-approving") != 60 &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (g_settings_get_uint (f->settings, "deadline-approving"), ==, 60);
  warta_publication_repository_get_deadlines (warta_context_get_publications (f->context),
                                              &deadlines);
  g_assert_cmpuint (deadlines.minutes[4], ==, 60);

  g_assert_finalize_object (g_steal_pointer (&other));
  g_settings_reset (f->settings, "deadline-verifying");
  g_settings_reset (f->settings, "deadline-approving");
  g_settings_reset (f->settings, "unit-name");
}

/* The rule @key as the database has it. */
static char *
stored_rule (Fixture    *f,
             const char *key)
{
  g_autoptr(GHashTable) rules = NULL;
  g_autoptr(GError) error = NULL;

  rules = warta_office_rules_load (f->database, &error);
  g_assert_no_error (error);
  return g_strdup (g_hash_table_lookup (rules, key));
}

static void
assert_stored_rule (Fixture    *f,
                    const char *key,
                    const char *expected)
{
  g_autofree char *text = stored_rule (f, key);

  g_assert_cmpstr (text, ==, expected);
}

/* Only an administrator changes the office's rules. The preferences do
 * not let anyone else; a settings change by anyone else (with the
 * gsettings tool, say) is not written to the database, and the
 * workstation follows the database again. */
static void
test_office_rules_admin_only (Fixture       *f,
                              gconstpointer  data)
{
  WartaUserRepository *users = warta_context_get_users (f->context);
  WartaPublicationRepository *publications = warta_context_get_publications (f->context);
  WartaClock *clock = warta_context_get_clock (f->context);
  g_autoptr(WartaUser) clerk = NULL;
  g_autoptr(WartaUser) deputy = NULL;
  g_autoptr(WartaUser) demoted = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *unit = NULL;
  WartaDeadlines deadlines;

  clerk = warta_user_repository_create_user (users, f->admin, "lina", "Lina Marlina",
                                             "rahasia-123", WARTA_ROLE_ACTIVITY_OFFICER |
                                             WARTA_ROLE_SOCIAL_MEDIA_ADMIN, FALSE, &error);
  g_assert_no_error (error);
  g_assert_true (warta_context_can_change_office_rules (f->context));
  assert_stored_rule (f, "deadline-verifying", "30");

  /* A social media admin is no administrator. */
  warta_context_set_current_user (f->context, clerk);
  g_assert_false (warta_context_can_change_office_rules (f->context));
  g_settings_set_uint (f->settings, "deadline-verifying", 45);
  g_settings_set_string (f->settings, "unit-name", "Bukan Kantor Ini");
  assert_stored_rule (f, "deadline-verifying", "30");
  assert_stored_rule (f, "unit-name", "''");
  g_assert_cmpuint (g_settings_get_uint (f->settings, "deadline-verifying"), ==, 30);
  unit = g_settings_get_string (f->settings, "unit-name");
  g_assert_cmpstr (unit, ==, "");
  warta_publication_repository_get_deadlines (publications, &deadlines);
  g_assert_cmpuint (deadlines.minutes[3], ==, 30);

  /* Nor anyone with nobody signed in. */
  warta_context_set_current_user (f->context, NULL);
  g_assert_false (warta_context_can_change_office_rules (f->context));
  g_settings_set_string (f->settings, "time-zone", "Asia/Makassar");
  assert_stored_rule (f, "time-zone", "'Asia/Jakarta'");
  g_assert_cmpstr (warta_clock_get_time_zone_id (clock), ==, "Asia/Jakarta");

  /* The database refuses them too, whoever asks. */
  g_assert_false (warta_office_rules_store (f->database, warta_user_get_id (clerk),
                                            "deadline-verifying", "45",
                                            warta_clock_now (clock), &error));
  g_assert_error (error, WARTA_USER_ERROR, WARTA_USER_ERROR_FORBIDDEN);
  g_clear_error (&error);
  g_assert_false (warta_office_rules_store (f->database, 0, "deadline-verifying", "45",
                                            warta_clock_now (clock), &error));
  g_assert_error (error, WARTA_USER_ERROR, WARTA_USER_ERROR_FORBIDDEN);
  g_clear_error (&error);
  assert_stored_rule (f, "deadline-verifying", "30");

  /* An administrator whose right was taken away on another workstation:
   * this one's copy of the account still says administrator, the
   * database does not, and the settings follow it. */
  deputy = warta_user_repository_create_user (users, f->admin, "budi", "Budi Santoso",
                                              "rahasia-123", WARTA_ROLE_APPROVER, TRUE, &error);
  g_assert_no_error (error);
  warta_context_set_current_user (f->context, deputy);
  demoted = warta_user_repository_update_user (users, f->admin, warta_user_get_id (deputy),
                                               warta_user_get_version (deputy), "Budi Santoso",
                                               WARTA_ROLE_APPROVER, FALSE, TRUE, &error);
  g_assert_no_error (error);
  g_assert_true (warta_context_can_change_office_rules (f->context));
  g_settings_set_uint (f->settings, "deadline-approving", 90);
  assert_stored_rule (f, "deadline-approving", "30");
  g_assert_cmpuint (g_settings_get_uint (f->settings, "deadline-approving"), ==, 30);

  /* An administrator changes them, for every workstation. */
  warta_context_set_current_user (f->context, f->admin);
  g_settings_set_uint (f->settings, "deadline-verifying", 45);
  assert_stored_rule (f, "deadline-verifying", "45");
  warta_publication_repository_get_deadlines (publications, &deadlines);
  g_assert_cmpuint (deadlines.minutes[3], ==, 45);

  g_settings_reset (f->settings, "deadline-verifying");
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_current_user_notifies (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(WartaUser) user = warta_user_new ();
  guint notified = 0;

  g_signal_connect (f->context, "notify::current-user", G_CALLBACK (count_notify_cb), &notified);

  warta_context_set_current_user (f->context, user);
  g_assert_true (warta_context_get_current_user (f->context) == user);
  g_assert_cmpuint (notified, ==, 1);

  /* Setting the same user again is no change. */
  warta_context_set_current_user (f->context, user);
  g_assert_cmpuint (notified, ==, 1);

  warta_context_set_current_user (f->context, NULL);
  g_assert_null (warta_context_get_current_user (f->context));
  g_assert_cmpuint (notified, ==, 2);

  g_signal_handlers_disconnect_by_func (f->context, count_notify_cb, &notified);
}

static void
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

static char *
lookup (WartaContext *context,
        const char   *platform)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *secret;

  warta_context_lookup_client_secret_async (context, platform, NULL, result_cb, &result);
  secret = warta_context_lookup_client_secret_finish (context, wait_for (&result), &error);
  g_assert_no_error (error);
  return secret;
}

static gboolean
settings_hold_secret (GSettings  *settings,
                      const char *platform)
{
  g_autoptr(GVariant) secrets = g_settings_get_value (settings, "oauth-client-secrets");

  return g_variant_lookup (secrets, platform, "&s", NULL);
}

/* A developer app's secret is read back as given from the moment it is
 * given, the newest winning while earlier ones are still being saved;
 * the store (the keyring; here its memory) ends with the newest, and the
 * settings never hold it. */
static void
test_client_secret (Fixture       *f,
                    gconstpointer  data)
{
  WartaAccountStore *store = warta_context_get_account_store (f->context);
  g_autoptr(GAsyncResult) first = NULL;
  g_autoptr(GAsyncResult) second = NULL;
  g_autoptr(GAsyncResult) found = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *secret = NULL;

  _warta_account_store_use_memory_secrets (store);
  g_assert_null (lookup (f->context, "x"));

  warta_context_save_client_secret_async (f->context, "x", "first", NULL, result_cb, &first);
  warta_context_save_client_secret_async (f->context, "x", "second", NULL, result_cb, &second);
  g_assert_null (first);
  secret = lookup (f->context, "x");
  g_assert_cmpstr (secret, ==, "second");
  g_assert_true (warta_context_save_client_secret_finish (f->context, wait_for (&first), &error));
  g_assert_no_error (error);
  g_clear_pointer (&secret, g_free);
  secret = lookup (f->context, "x");
  g_assert_cmpstr (secret, ==, "second");
  g_assert_true (warta_context_save_client_secret_finish (f->context, wait_for (&second), &error));

  g_clear_pointer (&secret, g_free);
  warta_account_store_lookup_client_secret_async (store, "x", NULL, result_cb, &found);
  secret = warta_account_store_lookup_client_secret_finish (store, wait_for (&found), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (secret, ==, "second");
  g_assert_false (settings_hold_secret (f->settings, "x"));

  /* Emptied: none. */
  g_clear_object (&first);
  warta_context_save_client_secret_async (f->context, "x", "", NULL, result_cb, &first);
  g_assert_null (lookup (f->context, "x"));
  g_assert_true (warta_context_save_client_secret_finish (f->context, wait_for (&first), &error));
  g_assert_null (lookup (f->context, "x"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  _warta_user_repository_set_fast_hashing (TRUE);

  g_test_add ("/warta/context/role-names", Fixture, NULL,
              fixture_set_up, test_role_names, fixture_tear_down);
  g_test_add ("/warta/context/deadlines-follow-settings", Fixture, NULL,
              fixture_set_up, test_deadlines_follow_settings, fixture_tear_down);
  g_test_add ("/warta/context/office-rules-shared", Fixture, NULL,
              fixture_set_up, test_office_rules_shared, fixture_tear_down);
  g_test_add ("/warta/context/office-rules-admin-only", Fixture, NULL,
              fixture_set_up, test_office_rules_admin_only, fixture_tear_down);
  g_test_add ("/warta/context/time-zone-follows-settings", Fixture, NULL,
              fixture_set_up, test_time_zone_follows_settings, fixture_tear_down);
  g_test_add ("/warta/context/client-secret", Fixture, NULL,
              fixture_set_up, test_client_secret, fixture_tear_down);
  g_test_add ("/warta/context/current-user-notifies", Fixture, NULL,
              fixture_set_up, test_current_user_notifies, fixture_tear_down);

  return g_test_run ();
}
