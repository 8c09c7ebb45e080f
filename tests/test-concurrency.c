/* test-concurrency.c: two processes moving the same publication at once
 *
 * Each child process loops: read the publication, make the next move on
 * the version it read. When the other process moved first, the move must
 * fail as a conflict, never overwrite. Afterwards every successful move
 * has its event, the version counts every one of them, and the history's
 * hash chain is intact.
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "warta-event-log.h"
#include "warta-publication-repository.h"
#include "warta-user-repository-private.h"

static char *test_binary;

static int
child_main (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WartaDatabase) db = NULL;
  g_autoptr(WartaPublicationRepository) repo = NULL;
  g_autoptr(WartaUserRepository) users = NULL;
  g_autoptr(WartaUser) user = NULL;
  gint64 publication_id = g_ascii_strtoll (g_getenv ("WARTA_TEST_PUBLICATION"), NULL, 10);
  guint target = (guint)g_ascii_strtoull (g_getenv ("WARTA_TEST_MOVES"), NULL, 10);
  WartaJournalMode mode = (WartaJournalMode)g_ascii_strtoull (g_getenv ("WARTA_TEST_JOURNAL"), NULL, 10);
  guint successes = 0, conflicts = 0;

  db = warta_database_open (path, mode, WARTA_DATABASE_FLAGS_NO_CREATE, &error);
  if (db == NULL)
    {
      g_printerr ("child: %s\n", error->message);
      return 1;
    }
  repo = warta_publication_repository_new (db, NULL);
  users = warta_user_repository_new (db, NULL);
  user = warta_user_repository_get (users, g_ascii_strtoll (g_getenv ("WARTA_TEST_USER"), NULL, 10), &error);
  if (user == NULL)
    {
      g_printerr ("child: %s\n", error->message);
      return 1;
    }

  /* Start together: a loaded machine could otherwise run one child's
   * moves before the other has opened the file, and they would never
   * collide. */
  {
    g_autofree char *ready = g_strdup_printf ("%s.ready-%d", path, (int)getpid ());
    g_autofree char *go = g_strconcat (path, ".go", NULL);
    gint64 end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

    if (!g_file_set_contents (ready, "", 0, &error))
      {
        g_printerr ("child: %s\n", error->message);
        return 1;
      }
    while (!g_file_test (go, G_FILE_TEST_EXISTS))
      {
        if (g_get_monotonic_time () > end)
          {
            g_printerr ("child: no start signal\n");
            return 1;
          }
        g_usleep (1000);
      }
  }

  while (successes < target)
    {
      g_autoptr(WartaPublication) p = NULL;
      g_autoptr(WartaPublication) after = NULL;
      gboolean submit;

      p = warta_publication_repository_get (repo, publication_id, &error);
      if (p == NULL)
        {
          g_printerr ("child: %s\n", error->message);
          return 1;
        }

      /* Widen the window between reading and writing, as a person does. */
      g_usleep (g_random_int_range (0, 1000));

      submit = warta_publication_get_state (p) == WARTA_STATE_PROCESSING;
      after = warta_publication_repository_transition (repo, user, publication_id,
                                                       warta_publication_get_version (p),
                                                       submit ? WARTA_ACTION_SUBMIT : WARTA_ACTION_RETURN,
                                                       submit ? WARTA_STATE_VERIFYING : WARTA_STATE_PROCESSING,
                                                       submit ? NULL : "Perbaiki judul",
                                                       &error);
      if (after != NULL)
        successes++;
      else if (g_error_matches (error, WARTA_DB_ERROR, WARTA_DB_ERROR_CONFLICT))
        {
          conflicts++;
          g_clear_error (&error);
        }
      else
        {
          /* Anything else (busy, a rule error from a stale read) fails. */
          g_printerr ("child: not a conflict: %s (%d)\n", error->message, error->code);
          return 1;
        }
    }

  g_print ("%u %u\n", successes, conflicts);
  return 0;
}

static GSubprocess *
spawn_child (const char       *path,
             gint64            publication_id,
             gint64            user_id,
             guint             moves,
             WartaJournalMode  mode)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autofree char *pid = g_strdup_printf ("%" G_GINT64_FORMAT, publication_id);
  g_autofree char *uid = g_strdup_printf ("%" G_GINT64_FORMAT, user_id);
  g_autofree char *n = g_strdup_printf ("%u", moves);
  g_autofree char *m = g_strdup_printf ("%d", mode);
  GSubprocess *process;

  g_subprocess_launcher_setenv (launcher, "WARTA_TEST_CONCURRENCY_CHILD", path, TRUE);
  g_subprocess_launcher_setenv (launcher, "WARTA_TEST_PUBLICATION", pid, TRUE);
  g_subprocess_launcher_setenv (launcher, "WARTA_TEST_USER", uid, TRUE);
  g_subprocess_launcher_setenv (launcher, "WARTA_TEST_MOVES", n, TRUE);
  g_subprocess_launcher_setenv (launcher, "WARTA_TEST_JOURNAL", m, TRUE);
  process = g_subprocess_launcher_spawn (launcher, &error, test_binary, NULL);
  g_assert_no_error (error);

  return process;
}

static void
run_two_processes (WartaJournalMode mode,
                   guint            moves_each)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("warta-test-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "warta.db", NULL);
  g_autoptr(WartaDatabase) db = NULL;
  g_autoptr(WartaUserRepository) users = NULL;
  g_autoptr(WartaPublicationRepository) repo = NULL;
  g_autoptr(WartaUser) user = NULL;
  g_autoptr(WartaRevision) draft = warta_revision_new ();
  g_autoptr(WartaPublication) p = NULL;
  g_autoptr(WartaPublication) final = NULL;
  g_autoptr(GListModel) notes = NULL;
  GSubprocess *children[2];
  guint successes = 0, conflicts = 0;
  gint64 version0, submits0, returns0, submits, returns;

  g_assert_no_error (error);
  _warta_user_repository_set_fast_hashing (TRUE);

  db = warta_database_open (path, mode, WARTA_DATABASE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  users = warta_user_repository_new (db, NULL);
  repo = warta_publication_repository_new (db, NULL);
  user = warta_user_repository_create_first_admin (users, "sari", "Sari Dewi", "rahasia-123",
                                                   WARTA_ROLE_ALL, &error);
  g_assert_no_error (error);

  warta_revision_set_title (draft, "Rapat koordinasi");
  warta_revision_set_caption (draft, "facebook", "Rapat koordinasi pengawasan.");
  p = warta_publication_repository_create (repo, user, draft, &error);
  g_assert_no_error (error);
  {
    WartaPublication *q = warta_publication_repository_transition (repo, user, warta_publication_get_id (p),
                                                                   warta_publication_get_version (p),
                                                                   WARTA_ACTION_SUBMIT, WARTA_STATE_PROCESSING,
                                                                   NULL, &error);
    g_assert_no_error (error);
    g_object_unref (p);
    p = q;
  }
  version0 = warta_publication_get_version (p);
  submits0 = warta_event_log_count (db, "submit", &error);
  returns0 = warta_event_log_count (db, "return", &error);

  for (guint i = 0; i < 2; i++)
    children[i] = spawn_child (path, warta_publication_get_id (p), warta_user_get_id (user), moves_each, mode);

  /* Both children have the file open before either moves. */
  {
    g_autofree char *go = g_strconcat (path, ".go", NULL);
    gint64 end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

    for (;;)
      {
        guint n_ready = 0;

        for (guint i = 0; i < 2; i++)
          {
            g_autofree char *ready = g_strdup_printf ("%s.ready-%s", path,
                                                      g_subprocess_get_identifier (children[i]));

            n_ready += g_file_test (ready, G_FILE_TEST_EXISTS);
          }
        if (n_ready == 2)
          break;
        g_assert_cmpint (g_get_monotonic_time (), <, end);
        g_usleep (1000);
      }
    g_assert_true (g_file_set_contents (go, "", 0, NULL));
  }

  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *out = NULL;
      guint s = 0, c = 0;

      g_subprocess_communicate_utf8 (children[i], NULL, NULL, &out, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (g_subprocess_get_if_exited (children[i]));
      g_assert_cmpint (g_subprocess_get_exit_status (children[i]), ==, 0);
      g_assert_cmpint (sscanf (out, "%u %u", &s, &c), ==, 2);
      g_assert_cmpuint (s, ==, moves_each);
      successes += s;
      conflicts += c;
      g_object_unref (children[i]);
    }

  g_test_message ("%u moves, %u conflicts reported", successes, conflicts);
  g_assert_cmpuint (successes, ==, 2 * moves_each);
  /* Both processes worked on one row at once: they did collide. */
  g_assert_cmpuint (conflicts, >, 0);

  /* No lost update: every success bumped the version once and has its
   * event; the returns are the correction rounds. */
  final = warta_publication_repository_get (repo, warta_publication_get_id (p), &error);
  g_assert_no_error (error);
  g_assert_cmpint (warta_publication_get_version (final), ==, version0 + successes);
  submits = warta_event_log_count (db, "submit", &error) - submits0;
  returns = warta_event_log_count (db, "return", &error) - returns0;
  g_assert_cmpint (submits + returns, ==, successes);
  g_assert_cmpint (submits - returns, ==, warta_publication_get_state (final) == WARTA_STATE_VERIFYING ? 1 : 0);
  g_assert_cmpuint (warta_publication_get_correction_rounds (final), ==, returns);
  notes = warta_publication_repository_list_notes (repo, warta_publication_get_id (p), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, returns);

  g_assert_true (warta_store_verify_history (db, NULL, &error));
  g_assert_no_error (error);

  g_clear_object (&user);
  g_assert_finalize_object (g_steal_pointer (&repo));
  g_assert_finalize_object (g_steal_pointer (&users));
  g_assert_finalize_object (g_steal_pointer (&db));
  {
    /* The database, its -wal and -shm, and the start signal files. */
    g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
    const char *name;

    while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
      {
        g_autofree char *file = g_build_filename (dir, name, NULL);

        g_unlink (file);
      }
    g_rmdir (dir);
  }
}

static void
test_two_processes_wal (void)
{
  run_two_processes (WARTA_JOURNAL_MODE_WAL, 1000);
}

static void
test_two_processes_rollback (void)
{
  run_two_processes (WARTA_JOURNAL_MODE_ROLLBACK, 200);
}

int
main (int   argc,
      char *argv[])
{
  const char *child = g_getenv ("WARTA_TEST_CONCURRENCY_CHILD");

  if (child != NULL)
    return child_main (child);

  test_binary = g_canonicalize_filename (argv[0], NULL);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/warta/concurrency/two-processes-wal", test_two_processes_wal);
  g_test_add_func ("/warta/concurrency/two-processes-rollback", test_two_processes_rollback);

  return g_test_run ();
}
