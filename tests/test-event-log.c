/* test-event-log.c: the history's hash chain against tampering with the
 * sqlite3 command-line tool
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "warta-event-log.h"
#include "warta-publication-repository.h"
#include "warta-user-repository-private.h"

typedef struct
{
  char          *dir;
  char          *path;
  gint64         n_events;
} Fixture;

/* Makes a database with a little history, then closes it. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WartaDatabase) db = NULL;
  g_autoptr(WartaUserRepository) users = NULL;
  g_autoptr(WartaPublicationRepository) repo = NULL;
  g_autoptr(WartaUser) admin = NULL;

  if (g_find_program_in_path ("sqlite3") == NULL)
    return;

  _warta_user_repository_set_fast_hashing (TRUE);
  f->dir = g_dir_make_tmp ("warta-test-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "warta.db", NULL);

  db = warta_database_open (f->path, WARTA_JOURNAL_MODE_AUTOMATIC, WARTA_DATABASE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  users = warta_user_repository_new (db, NULL);
  repo = warta_publication_repository_new (db, NULL);

  admin = warta_user_repository_create_first_admin (users, "sari", "Sari Dewi", "rahasia-123",
                                                    WARTA_ROLE_ALL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(WartaRevision) draft = warta_revision_new ();
      g_autoptr(WartaPublication) p = NULL;
      g_autoptr(WartaPublication) q = NULL;
      g_autoptr(WartaPublication) r = NULL;
      g_autofree char *title = g_strdup_printf ("Berita %u", i);

      warta_revision_set_title (draft, title);
      p = warta_publication_repository_create (repo, admin, draft, &error);
      g_assert_no_error (error);
      q = warta_publication_repository_transition (repo, admin, warta_publication_get_id (p),
                                                   warta_publication_get_version (p),
                                                   WARTA_ACTION_SUBMIT, WARTA_STATE_PROCESSING, NULL, &error);
      g_assert_no_error (error);
      r = warta_publication_repository_transition (repo, admin, warta_publication_get_id (q),
                                                   warta_publication_get_version (q),
                                                   WARTA_ACTION_RETURN, WARTA_STATE_DOCUMENTING,
                                                   "Foto belum ada", &error);
      g_assert_no_error (error);
    }

  /* 1 user event + 3 × (create, submit, return) */
  f->n_events = warta_event_log_count (db, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (f->n_events, ==, 10);

  g_assert_true (warta_store_verify_history (db, NULL, &error));
  g_assert_no_error (error);

  g_assert_finalize_object (g_steal_pointer (&repo));
  g_assert_finalize_object (g_steal_pointer (&users));
  g_clear_object (&admin);
  g_assert_finalize_object (g_steal_pointer (&db));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->dir != NULL)
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

static gboolean
skip_without_cli (Fixture *f)
{
  if (f->path == NULL)
    {
      g_test_skip ("the sqlite3 command-line tool is not installed (Debian package sqlite3)");
      return TRUE;
    }

  return FALSE;
}

/* Runs the sqlite3 CLI on the file; returns its exit status. */
static int
cli (Fixture    *f,
     const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = NULL;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                              &error, "sqlite3", "-bail", f->path, sql, NULL);
  g_assert_no_error (error);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);

  return g_subprocess_get_exit_status (process);
}

static gint64
verify (Fixture *f,
        GError **error)
{
  g_autoptr(WartaDatabase) db = NULL;
  gint64 broken = -1;

  db = warta_database_open (f->path, WARTA_JOURNAL_MODE_AUTOMATIC, WARTA_DATABASE_FLAGS_NO_CREATE, NULL);
  g_assert_nonnull (db);
  if (warta_store_verify_history (db, &broken, error))
    g_assert_cmpint (broken, ==, 0);
  else
    g_assert_cmpint (broken, >, 0);
  g_assert_finalize_object (g_steal_pointer (&db));

  return broken;
}

static void
test_intact (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  if (skip_without_cli (f))
    return;

  /* Reading with the CLI changes nothing. */
  g_assert_cmpint (cli (f, "SELECT count(*) FROM events;"), ==, 0);
  g_assert_cmpint (verify (f, &error), ==, 0);
  g_assert_no_error (error);
}

static void
test_triggers_refuse (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  if (skip_without_cli (f))
    return;

  /* A plain edit or delete is refused by the database itself. */
  g_assert_cmpint (cli (f, "UPDATE events SET note = 'x' WHERE id = 4;"), !=, 0);
  g_assert_cmpint (cli (f, "DELETE FROM events WHERE id = 4;"), !=, 0);
  g_assert_cmpint (cli (f, "UPDATE revisions SET title = 'x';"), !=, 0);
  g_assert_cmpint (verify (f, &error), ==, 0);
  g_assert_no_error (error);
}

static void
test_edit_note (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  if (skip_without_cli (f))
    return;

  /* Event 4 is the first return, with its note. */
  g_assert_cmpint (cli (f, "DROP TRIGGER events_immutable; "
                           "UPDATE events SET note = 'Semua sudah baik' WHERE id = 4;"), ==, 0);
  g_assert_cmpint (verify (f, &error), ==, 4);
  g_assert_error (error, WARTA_DB_ERROR, WARTA_DB_ERROR_TAMPERED);
}

static void
test_edit_hash_too (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  if (skip_without_cli (f))
    return;

  /* Replacing the hash as well does not hide the edit. */
  g_assert_cmpint (cli (f, "DROP TRIGGER events_immutable; "
                           "UPDATE events SET note = 'x', hash = 'ab' WHERE id = 4;"), ==, 0);
  g_assert_cmpint (verify (f, &error), ==, 4);
  g_clear_error (&error);
}

static void
test_delete_event (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  if (skip_without_cli (f))
    return;

  g_assert_cmpint (cli (f, "DROP TRIGGER events_undeletable; DELETE FROM events WHERE id = 5;"), ==, 0);
  /* The link after the gap no longer matches. */
  g_assert_cmpint (verify (f, &error), ==, 6);
  g_assert_error (error, WARTA_DB_ERROR, WARTA_DB_ERROR_TAMPERED);
}

static void
test_delete_newest (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  if (skip_without_cli (f))
    return;

  g_assert_cmpint (cli (f, "DROP TRIGGER events_undeletable; DELETE FROM events WHERE id >= 9;"), ==, 0);
  g_assert_cmpint (verify (f, &error), ==, 9);
  g_assert_error (error, WARTA_DB_ERROR, WARTA_DB_ERROR_TAMPERED);
}

static void
test_reorder (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  if (skip_without_cli (f))
    return;

  /* Swap two events' ids. */
  g_assert_cmpint (cli (f, "DROP TRIGGER events_immutable; "
                           "UPDATE events SET id = -1 WHERE id = 2; "
                           "UPDATE events SET id = 2 WHERE id = 3; "
                           "UPDATE events SET id = 3 WHERE id = -1;"), ==, 0);
  g_assert_cmpint (verify (f, &error), ==, 2);
  g_assert_error (error, WARTA_DB_ERROR, WARTA_DB_ERROR_TAMPERED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/warta/event-log/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("intact", test_intact);
  ADD ("triggers-refuse", test_triggers_refuse);
  ADD ("tamper-edit-note", test_edit_note);
  ADD ("tamper-edit-hash", test_edit_hash_too);
  ADD ("tamper-delete-event", test_delete_event);
  ADD ("tamper-delete-newest", test_delete_newest);
  ADD ("tamper-reorder", test_reorder);

#undef ADD

  return g_test_run ();
}
