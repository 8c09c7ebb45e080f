/* bench-archive.c: the archive on 100,000 publications
 *
 * Generates 100,000 published items (varied Indonesian texts, captions,
 * units, step records, a valid history) in a temporary database, then
 * measures:
 *
 *   search-median-ms       a set of realistic queries, newest first: first
 *   search-p95-ms          page of 100 plus the count up to 1,000 (what the
 *                          list shows first; the exact count follows)
 *   platform-filter-median-ms  the same with each platform chosen, alone
 *   platform-filter-p95-ms     and with each of the queries: the
 *                              publications that went there
 *   archive-first-rows-ms  a new WartaArchiveModel: worker connection,
 *                          count and first page, until its items exist
 *   report-year-s          the yearly report, computed in full
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#include "warta-archive.h"
#include "warta-archive-model.h"
#include "warta-archive-repository-private.h"
#include "warta-report.h"

#define N_PUBLICATIONS 100000
#define N_ROUNDS       5
#define N_OPENS        9

static const char * const queries[] = {
  "rapat", "audit kinerja", "inspek", "kepala dinas", "zona integritas", "dana desa",
  "kapuas", "pengadaan barang", "sosialisasi spip", "kunjungan kerja katingan", "bupati",
  "monitoring evaluasi", "gratifikasi", "pelayanan publik palangka", "reformasi birokrasi",
  "apel pagi", "whistleblowing", "aset daerah", "tindak lanjut hasil", "workshop manajemen risiko",
  "p", "in", "keuangan daerah", "sekolah", "kebakaran lahan", "wakil gubernur", "ruang rapat",
  "\"NEAR(", "auditor ahli madya", "bimbingan teknis",
};

/* Account platforms, as the archive page's platform filter offers them. */
static const char * const platforms[] = {
  "facebook", "instagram", "x", "youtube", "tiktok", "mastodon", "wordpress",
};

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? -1 : x > y;
}

/* The first page of 100 and the count up to 1,000, as the list asks
 * when its query changes; with @label, the exact count too. */
static double
time_query (WartaArchive      *archive,
            WartaArchiveQuery *query,
            const char        *label)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  guint count = 0, exact = 0;
  gint64 t = g_get_monotonic_time ();
  double ms;

  if (!warta_archive_count_first (archive, query, &count, &error) ||
      !(items = warta_archive_search (archive, query, 0, WARTA_ARCHIVE_MODEL_PAGE_SIZE, &error)))
    g_error ("%s", error->message);
  ms = (g_get_monotonic_time () - t) / 1000.0;

  if (label != NULL)
    {
      t = g_get_monotonic_time ();
      warta_archive_count (archive, query, &exact, NULL);
      g_printerr ("%-34s %6u matches %8.2f ms (exact count %.2f ms)\n", label, exact, ms,
                  (g_get_monotonic_time () - t) / 1000.0);
    }

  return ms;
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

static void
on_loading_cb (WartaArchiveModel *model,
               GParamSpec        *pspec,
               gboolean          *done)
{
  if (!warta_archive_model_get_loading (model))
    *done = TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WartaDatabase) db = NULL;
  g_autoptr(WartaArchive) archive = NULL;
  g_autofree char *dir = g_dir_make_tmp ("warta-bench-archive-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "warta.db", NULL);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  double opens[N_OPENS];
  gint64 now = g_get_real_time ();
  gint64 t;

  db = warta_database_open (path, WARTA_JOURNAL_MODE_AUTOMATIC, WARTA_DATABASE_FLAGS_NONE, &error);
  if (db == NULL)
    g_error ("%s", error->message);
  warta_database_set_poll_interval (db, 0);

  t = g_get_monotonic_time ();
  if (!_warta_archive_sample_generate (db, N_PUBLICATIONS, now, 2025, &error))
    g_error ("%s", error->message);
  g_printerr ("generated %d publications in %.1f s\n", N_PUBLICATIONS,
              (g_get_monotonic_time () - t) / 1e6);

  archive = warta_archive_new (db);

  /* Search: what the list asks for when the words change. */
  for (guint round = 0; round < N_ROUNDS; round++)
    for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
      {
        g_autoptr(WartaArchiveQuery) query = warta_archive_query_new ();
        double ms;

        query->text = g_strdup (queries[i]);
        ms = time_query (archive, query, round == 0 && argc > 1 ? queries[i] : NULL);
        if (round > 0)  /* the first round warms the page cache */
          g_array_append_val (times, ms);
      }
  qsort (times->data, times->len, sizeof (double), compare_doubles);

  printf ("search-median-ms %.2f ms\n", g_array_index (times, double, times->len / 2));
  printf ("search-p95-ms %.2f ms\n", g_array_index (times, double, (guint)(times->len * 0.95)));

  /* The platform filter: what the list asks for when a platform is
   * chosen, with or without words. */
  g_array_set_size (times, 0);
  for (guint round = 0; round < N_ROUNDS; round++)
    for (guint i = 0; i < G_N_ELEMENTS (platforms); i++)
      for (guint k = 0; k <= G_N_ELEMENTS (queries); k++)
        {
          g_autoptr(WartaArchiveQuery) query = warta_archive_query_new ();
          g_autofree char *label = NULL;
          double ms;

          query->platform = g_strdup (platforms[i]);
          query->text = k > 0 ? g_strdup (queries[k - 1]) : NULL;
          if (round == 0 && argc > 1)
            label = g_strdup_printf ("%s: %s", platforms[i], query->text ?: "");
          ms = time_query (archive, query, label);
          if (round > 0)
            g_array_append_val (times, ms);
        }
  qsort (times->data, times->len, sizeof (double), compare_doubles);

  printf ("platform-filter-median-ms %.2f ms\n", g_array_index (times, double, times->len / 2));
  printf ("platform-filter-p95-ms %.2f ms\n",
          g_array_index (times, double, (guint)(times->len * 0.95)));

  /* The archive view opening: a new model, its worker connection, the
   * count and the first page, on the main loop. */
  for (guint i = 0; i < N_OPENS; i++)
    {
      g_autoptr(WartaArchive) fresh = warta_archive_new (db);
      g_autoptr(WartaArchiveModel) model = warta_archive_model_new (fresh);
      g_autoptr(WartaArchiveQuery) query = warta_archive_query_new ();
      g_autoptr(GObject) item = NULL;
      gboolean done = FALSE;

      t = g_get_monotonic_time ();
      g_signal_connect (model, "notify::loading", G_CALLBACK (on_loading_cb), &done);
      warta_archive_model_set_query (model, query);
      while (!done)
        g_main_context_iteration (NULL, TRUE);
      item = g_list_model_get_item (G_LIST_MODEL (model), 0);
      opens[i] = (g_get_monotonic_time () - t) / 1000.0;
      if (item == NULL || warta_archive_model_get_error (model) != NULL)
        g_error ("the archive model did not open: %s", warta_archive_model_get_error (model));
    }
  qsort (opens, N_OPENS, sizeof (double), compare_doubles);
  printf ("archive-first-rows-ms %.1f ms\n", opens[N_OPENS / 2]);

  /* The yearly report over the last full year of data. */
  {
    g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Asia/Jakarta");
    g_autoptr(GDateTime) local = g_date_time_new_from_unix_local (now / G_USEC_PER_SEC);
    g_autoptr(WartaReport) report = NULL;
    WartaDeadlines deadlines;
    int year = g_date_time_get_year (local) - 1;

    warta_deadlines_init_default (&deadlines);
    t = g_get_monotonic_time ();
    report = warta_report_compute (db, WARTA_REPORT_YEAR, year, 1, tz, &deadlines, now, &error);
    if (report == NULL)
      g_error ("%s", error->message);
    printf ("report-year-s %.2f s\n", (g_get_monotonic_time () - t) / 1e6);
    g_printerr ("report %d: %u published\n", year, warta_report_get_n_published (report));
  }

  g_clear_object (&archive);
  g_clear_object (&db);
  /* WARTA_BENCH_KEEP=1 keeps the database, to look at query plans. */
  if (g_getenv ("WARTA_BENCH_KEEP") != NULL)
    g_printerr ("kept %s\n", path);
  else
    {
      remove_database (path);
      g_rmdir (dir);
    }

  return 0;
}
