/* bench-core.c: "My tasks" and a transition on a large shared database
 *
 * Generates 100,000 publications and 1,000,000 events in a temporary
 * database, then measures opening it plus the first page (50 rows) of a
 * user's tasks, and the time to commit a workflow transition. Prints:
 *
 *   tasks-first-page-ms <median> ms
 *   transition-commit-median-ms <median> ms
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#include "warta-publication-repository.h"
#include "warta-sample-data-private.h"
#include "warta-user-repository.h"

#define N_PUBLICATIONS 100000
#define N_EVENTS       1000000
#define N_OPENS        9
#define N_TRANSITIONS  200
#define PAGE           50

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? -1 : x > y;
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);

  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

static void
remove_database (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (wal);
  g_unlink (shm);
  g_unlink (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(WartaUser) user = NULL;
  double opens[N_OPENS];
  double commits[N_TRANSITIONS];
  gint64 user_id = 0;
  gint64 start;
  guint n_commits = 0;

  dir = g_dir_make_tmp ("warta-bench-XXXXXX", &error);
  if (dir == NULL)
    g_error ("%s", error->message);
  path = g_build_filename (dir, "warta.db", NULL);

  /* Generate. */
  {
    g_autoptr(WartaDatabase) db = NULL;

    start = g_get_monotonic_time ();
    db = warta_database_open (path, WARTA_JOURNAL_MODE_AUTOMATIC, WARTA_DATABASE_FLAGS_NONE, &error);
    if (db == NULL ||
        !_warta_sample_data_generate (db, N_PUBLICATIONS, N_EVENTS, g_get_real_time (), &user_id, &error))
      g_error ("%s", error->message);
    g_printerr ("# generated %d publications and %d events in %.1f s\n", N_PUBLICATIONS, N_EVENTS,
                (g_get_monotonic_time () - start) / 1e6);
  }

  /* Open + first page of "My tasks" for a user holding all four roles. */
  for (guint i = 0; i < N_OPENS; i++)
    {
      g_autoptr(WartaDatabase) db = NULL;
      g_autoptr(WartaUserRepository) users = NULL;
      g_autoptr(WartaPublicationRepository) repo = NULL;
      g_autoptr(GListModel) tasks = NULL;

      start = g_get_monotonic_time ();
      db = warta_database_open (path, WARTA_JOURNAL_MODE_AUTOMATIC, WARTA_DATABASE_FLAGS_NO_CREATE, &error);
      if (db == NULL)
        g_error ("%s", error->message);
      users = warta_user_repository_new (db, NULL);
      repo = warta_publication_repository_new (db, NULL);
      g_clear_object (&user);
      user = warta_user_repository_get (users, user_id, &error);
      if (user == NULL)
        g_error ("%s", error->message);
      tasks = warta_publication_repository_list_tasks (repo, user, 0, PAGE, &error);
      if (tasks == NULL)
        g_error ("%s", error->message);
      opens[i] = (g_get_monotonic_time () - start) / 1000.0;

      if (g_list_model_get_n_items (tasks) != PAGE)
        g_error ("expected a full page of tasks, got %u", g_list_model_get_n_items (tasks));
    }

  /* Transition commits: submit publications waiting in processing. */
  {
    g_autoptr(WartaDatabase) db = NULL;
    g_autoptr(WartaPublicationRepository) repo = NULL;

    db = warta_database_open (path, WARTA_JOURNAL_MODE_AUTOMATIC, WARTA_DATABASE_FLAGS_NO_CREATE, &error);
    if (db == NULL)
      g_error ("%s", error->message);
    repo = warta_publication_repository_new (db, NULL);

    for (gint64 id = 1; id <= N_PUBLICATIONS && n_commits < N_TRANSITIONS; id++)
      {
        g_autoptr(WartaPublication) p = warta_publication_repository_get (repo, id, &error);
        g_autoptr(WartaPublication) after = NULL;

        if (p == NULL)
          g_error ("%s", error->message);
        if (warta_publication_get_state (p) != WARTA_STATE_PROCESSING)
          continue;

        start = g_get_monotonic_time ();
        after = warta_publication_repository_transition (repo, user, id, warta_publication_get_version (p),
                                                         WARTA_ACTION_SUBMIT, WARTA_STATE_VERIFYING,
                                                         NULL, &error);
        commits[n_commits++] = (g_get_monotonic_time () - start) / 1000.0;
        if (after == NULL)
          g_error ("%s", error->message);
      }

    if (n_commits == 0)
      g_error ("no publication to move");
  }

  printf ("tasks-first-page-ms %.2f ms\n", median (opens, N_OPENS));
  printf ("transition-commit-median-ms %.3f ms\n", median (commits, n_commits));

  g_clear_object (&user);
  remove_database (path);
  g_rmdir (dir);

  return 0;
}
