/* test-user-repository.c: the first administrator, roles, passwords and
 * the lock after wrong passwords
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "warta-event-log.h"
#include "warta-user-repository-private.h"

#define T0 (G_GINT64_CONSTANT (1750204800) * G_USEC_PER_SEC)
#define SECONDS(n) ((gint64)(n) * G_USEC_PER_SEC)

typedef struct
{
  char                *dir;
  char                *path;
  WartaDatabase       *db;
  WartaClock          *clock;
  WartaUserRepository *users;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  _warta_user_repository_set_fast_hashing (TRUE);
  f->dir = g_dir_make_tmp ("warta-test-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "warta.db", NULL);
  f->db = warta_database_open (f->path, WARTA_JOURNAL_MODE_AUTOMATIC, WARTA_DATABASE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  f->clock = warta_clock_new (NULL);
  warta_clock_freeze (f->clock, T0);
  f->users = warta_user_repository_new (f->db, f->clock);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (g_steal_pointer (&f->users));
  g_assert_finalize_object (g_steal_pointer (&f->clock));
  g_assert_finalize_object (g_steal_pointer (&f->db));
  {
    g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (f->path, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
    g_unlink (f->path);
    g_rmdir (f->dir);
  }
  g_free (f->path);
  g_free (f->dir);
}

static char *
stored_hash (Fixture    *f,
             const char *login)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *hash = NULL;

  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT password_hash FROM users WHERE login = ?", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, login, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    hash = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return hash;
}

static void
test_first_admin (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WartaUser) admin = NULL;
  g_autoptr(WartaUser) second = NULL;
  g_autoptr(WartaUser) signed_in = NULL;
  g_autofree char *hash = NULL;

  g_assert_true (warta_user_repository_needs_first_admin (f->users, &error));
  g_assert_no_error (error);

  second = warta_user_repository_create_first_admin (f->users, "sari", "Sari Dewi", "pendek", 0, &error);
  g_assert_null (second);
  g_assert_error (error, WARTA_USER_ERROR, WARTA_USER_ERROR_WEAK_PASSWORD);
  g_clear_error (&error);
  g_assert_true (warta_user_repository_needs_first_admin (f->users, NULL));

  admin = warta_user_repository_create_first_admin (f->users, "sari", "Sari Dewi", "rahasia-123",
                                                    WARTA_ROLE_SOCIAL_MEDIA_ADMIN, &error);
  g_assert_no_error (error);
  g_assert_true (warta_user_get_is_admin (admin));
  g_assert_true (warta_user_has_role (admin, WARTA_ROLE_SOCIAL_MEDIA_ADMIN));
  g_assert_false (warta_user_has_role (admin, WARTA_ROLE_APPROVER));
  g_assert_false (warta_user_repository_needs_first_admin (f->users, &error));

  /* A second "first" administrator (another workstation) is refused. */
  second = warta_user_repository_create_first_admin (f->users, "budi", "Budi", "rahasia-123", 0, &error);
  g_assert_null (second);
  g_assert_error (error, WARTA_USER_ERROR, WARTA_USER_ERROR_HAS_ADMIN);
  g_clear_error (&error);

  /* Argon2id, never the password itself. */
  hash = stored_hash (f, "sari");
  g_assert_true (g_str_has_prefix (hash, "$argon2id$"));
  g_assert_null (strstr (hash, "rahasia-123"));

  /* Logins do not care about case. */
  signed_in = warta_user_repository_sign_in (f->users, "SARI", "rahasia-123", &error);
  g_assert_no_error (error);
  g_assert_cmpint (warta_user_get_id (signed_in), ==, warta_user_get_id (admin));

  g_assert_cmpint (warta_event_log_count (f->db, "user-created", NULL), ==, 1);
}

static void
test_manage_people (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WartaUser) admin = NULL;
  g_autoptr(WartaUser) budi = NULL;
  g_autoptr(WartaUser) refused = NULL;
  g_autoptr(WartaUser) changed = NULL;
  g_autoptr(GListModel) list = NULL;

  admin = warta_user_repository_create_first_admin (f->users, "sari", "Sari Dewi", "rahasia-123", 0, &error);
  g_assert_no_error (error);
  budi = warta_user_repository_create_user (f->users, admin, "budi", "Budi Santoso", "rahasia-456",
                                            WARTA_ROLE_ACTIVITY_OFFICER, FALSE, &error);
  g_assert_no_error (error);

  /* Only an administrator manages people. */
  refused = warta_user_repository_create_user (f->users, budi, "rina", "Rina", "rahasia-789",
                                               WARTA_ROLE_APPROVER, FALSE, &error);
  g_assert_null (refused);
  g_assert_error (error, WARTA_USER_ERROR, WARTA_USER_ERROR_FORBIDDEN);
  g_clear_error (&error);

  refused = warta_user_repository_create_user (f->users, admin, "BUDI", "Budi lagi", "rahasia-789",
                                               0, FALSE, &error);
  g_assert_error (error, WARTA_USER_ERROR, WARTA_USER_ERROR_EXISTS);
  g_clear_error (&error);

  changed = warta_user_repository_update_user (f->users, admin, warta_user_get_id (budi),
                                               warta_user_get_version (budi), NULL,
                                               WARTA_ROLE_ACTIVITY_OFFICER | WARTA_ROLE_VERIFIER,
                                               FALSE, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (warta_user_get_roles (changed), ==, WARTA_ROLE_ACTIVITY_OFFICER | WARTA_ROLE_VERIFIER);
  g_assert_cmpstr (warta_user_get_display_name (changed), ==, "Budi Santoso");

  /* A name emptied in the form is refused, saying what to write; the
   * name stays. */
  for (guint i = 0; i < 2; i++)
    {
      refused = warta_user_repository_update_user (f->users, admin, warta_user_get_id (budi),
                                                   warta_user_get_version (changed),
                                                   i == 0 ? "" : " \t ",
                                                   WARTA_ROLE_ACTIVITY_OFFICER, FALSE, TRUE, &error);
      g_assert_null (refused);
      g_assert_error (error, WARTA_USER_ERROR, WARTA_USER_ERROR_NOT_FOUND);
      g_assert_cmpstr (error->message, ==, "Enter the person’s full name.");
      g_clear_error (&error);
    }
  g_clear_object (&changed);
  changed = warta_user_repository_get (f->users, warta_user_get_id (budi), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (warta_user_get_display_name (changed), ==, "Budi Santoso");
  refused = warta_user_repository_create_user (f->users, admin, "rina", "  ", "rahasia-789",
                                               WARTA_ROLE_APPROVER, FALSE, &error);
  g_assert_null (refused);
  g_assert_error (error, WARTA_USER_ERROR, WARTA_USER_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A stale version is a conflict. */
  g_clear_object (&refused);
  refused = warta_user_repository_update_user (f->users, admin, warta_user_get_id (budi),
                                               warta_user_get_version (budi), NULL, 0, FALSE, TRUE, &error);
  g_assert_error (error, WARTA_DB_ERROR, WARTA_DB_ERROR_CONFLICT);
  g_clear_error (&error);

  /* The last administrator stays. */
  refused = warta_user_repository_update_user (f->users, admin, warta_user_get_id (admin),
                                               warta_user_get_version (admin), NULL, 0, FALSE, TRUE, &error);
  g_assert_error (error, WARTA_USER_ERROR, WARTA_USER_ERROR_LAST_ADMIN);
  g_clear_error (&error);

  list = warta_user_repository_list (f->users, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);

  g_assert_true (warta_store_verify_history (f->db, NULL, &error));
  g_assert_no_error (error);
}

static void
test_rate_limit (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WartaUser) admin = NULL;
  g_autoptr(WartaUser) user = NULL;

  admin = warta_user_repository_create_first_admin (f->users, "sari", "Sari Dewi", "rahasia-123", 0, &error);
  g_assert_no_error (error);

  /* Unknown login and wrong password look the same. */
  user = warta_user_repository_sign_in (f->users, "nobody", "rahasia-123", &error);
  g_assert_error (error, WARTA_USER_ERROR, WARTA_USER_ERROR_WRONG_PASSWORD);
  g_clear_error (&error);

  for (guint i = 1; i < WARTA_USER_FREE_ATTEMPTS; i++)
    {
      user = warta_user_repository_sign_in (f->users, "sari", "salah-salah", &error);
      g_assert_null (user);
      g_assert_error (error, WARTA_USER_ERROR, WARTA_USER_ERROR_WRONG_PASSWORD);
      g_clear_error (&error);
    }

  /* The third wrong password locks for 30 s … */
  user = warta_user_repository_sign_in (f->users, "sari", "salah-salah", &error);
  g_assert_error (error, WARTA_USER_ERROR, WARTA_USER_ERROR_LOCKED);
  g_clear_error (&error);

  /* … even for the right password. */
  warta_clock_advance (f->clock, SECONDS (29));
  user = warta_user_repository_sign_in (f->users, "sari", "rahasia-123", &error);
  g_assert_error (error, WARTA_USER_ERROR, WARTA_USER_ERROR_LOCKED);
  g_clear_error (&error);

  /* Then a fourth wrong password locks for 60 s. */
  warta_clock_advance (f->clock, SECONDS (2));
  user = warta_user_repository_sign_in (f->users, "sari", "salah-salah", &error);
  g_assert_error (error, WARTA_USER_ERROR, WARTA_USER_ERROR_LOCKED);
  g_clear_error (&error);
  warta_clock_advance (f->clock, SECONDS (59));
  user = warta_user_repository_sign_in (f->users, "sari", "rahasia-123", &error);
  g_assert_error (error, WARTA_USER_ERROR, WARTA_USER_ERROR_LOCKED);
  g_clear_error (&error);

  warta_clock_advance (f->clock, SECONDS (2));
  user = warta_user_repository_sign_in (f->users, "sari", "rahasia-123", &error);
  g_assert_no_error (error);
  g_assert_nonnull (user);
  g_clear_object (&user);

  /* Success resets the count: two more wrong ones do not lock. */
  for (guint i = 1; i < WARTA_USER_FREE_ATTEMPTS; i++)
    {
      user = warta_user_repository_sign_in (f->users, "sari", "salah-salah", &error);
      g_assert_error (error, WARTA_USER_ERROR, WARTA_USER_ERROR_WRONG_PASSWORD);
      g_clear_error (&error);
    }

  /* A new password set by an administrator lifts a lock. */
  user = warta_user_repository_sign_in (f->users, "sari", "salah-salah", &error);
  g_assert_error (error, WARTA_USER_ERROR, WARTA_USER_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_true (warta_user_repository_set_password (f->users, admin, warta_user_get_id (admin),
                                                     "baru-rahasia-1", &error));
  g_assert_no_error (error);
  user = warta_user_repository_sign_in (f->users, "sari", "baru-rahasia-1", &error);
  g_assert_no_error (error);
  g_assert_nonnull (user);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/warta/user-repository/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("first-admin", test_first_admin);
  ADD ("manage-people", test_manage_people);
  ADD ("rate-limit", test_rate_limit);

#undef ADD

  return g_test_run ();
}
