/* bench-import.c: how long the Activity Editor stops answering while 100
 * photos come in
 *
 * Needs a display (X or Wayland; bench/run skips it when DISPLAY and
 * WAYLAND_DISPLAY are both unset: run it under `xvfb-run -a`). Writes 100
 * different 4000 x 3000 JPEGs into a temporary folder (the thumbnail cache
 * is a temporary folder of its own), opens the editor window, and:
 *
 *   1. adds the 100 at once, as a drop does, with an empty thumbnail cache;
 *   2. adds them again to a new activity, their thumbnails now cached;
 *   3. reopens the first activity, whose 100 are checked again (a stat and
 *      the cached thumbnail each), as opening a saved activity does.
 *
 * While each runs, a timeout at G_PRIORITY_HIGH fires every millisecond;
 * the longest gap between two of its calls is the longest time the window
 * could not draw or answer. Prints, per run (add, add-cached, reopen):
 *
 *   import-RUN-longest-stall-ms <gap> ms
 *   import-RUN-all-in-ms <until the 100 are checked and shown> ms
 *   import-RUN-call-ms <add_files's own time, or the window's opening> ms
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "warta-context.h"
#include "warta-publication-window-private.h"

#define N_PHOTOS 100
#define WIDTH    4000
#define HEIGHT   3000

static gint64 last_tick;
static gint64 longest_gap;

static gboolean
tick_cb (gpointer user_data)
{
  gint64 now = g_get_monotonic_time ();

  if (last_tick != 0 && now - last_tick > longest_gap)
    longest_gap = now - last_tick;
  last_tick = now;
  return G_SOURCE_CONTINUE;
}

static void
start_watch (void)
{
  last_tick = g_get_monotonic_time ();
  longest_gap = 0;
}

/* Camera-sized: gradients with grain; each photo differs in its first row,
 * or the same content twice would be refused. */
static GSList *
make_photos (const char *dir)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, WIDTH, HEIGHT);
  guint8 *pixels = gdk_pixbuf_get_pixels (pixbuf);
  int rowstride = gdk_pixbuf_get_rowstride (pixbuf);
  guint32 seed = 12345;
  GSList *files = NULL;

  for (int y = 0; y < HEIGHT; y++)
    for (int x = 0; x < WIDTH; x++)
      {
        guint8 *p = pixels + (gsize) y * rowstride + (gsize) x * 3;
        int grain;

        seed = seed * 1664525 + 1013904223;
        grain = (int) (seed >> 28) - 8;
        p[0] = CLAMP (x * 255 / WIDTH + grain, 0, 255);
        p[1] = CLAMP (y * 255 / HEIGHT + grain, 0, 255);
        p[2] = CLAMP (((x / 50 + y / 50) % 2) * 120 + 60 + grain, 0, 255);
      }

  for (guint i = 0; i < N_PHOTOS; i++)
    {
      g_autofree char *name = g_strdup_printf ("photo-%03u.jpg", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GError) error = NULL;

      memset (pixels, (int) (i * 2 + 1), 64 * 3);
      if (!gdk_pixbuf_save (pixbuf, path, "jpeg", &error, "quality", "90", NULL))
        g_error ("Could not write %s: %s", path, error->message);
      files = g_slist_append (files, g_file_new_for_path (path));
    }

  return files;
}

static void
wait_mapped (GtkWidget *window)
{
  while (!gtk_widget_get_mapped (window))
    g_main_context_iteration (NULL, TRUE);
  /* A few frames, for the window to be drawn once. */
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
}

static void
wait_all_in (WartaPublicationWindow *window)
{
  GListModel *media = _warta_publication_window_get_media (window);

  while (warta_publication_window_get_busy (window) ||
         g_list_model_get_n_items (media) != N_PHOTOS)
    g_main_context_iteration (NULL, TRUE);
}

static void
print_run (const char *run,
           gint64      call_us,
           gint64      all_us)
{
  printf ("import-%s-longest-stall-ms %.1f ms\n", run, longest_gap / 1000.0);
  printf ("import-%s-all-in-ms %.0f ms\n", run, all_us / 1000.0);
  printf ("import-%s-call-ms %.1f ms\n", run, call_us / 1000.0);
  fflush (stdout);
}

/* Adds the photos to a new activity, returns its id. */
static gint64
run_add (WartaContext *context,
         GSList       *files,
         const char   *run)
{
  WartaPublicationWindow *window = warta_publication_window_new (NULL, context, 0);
  GObject *title;
  g_autoptr(GError) error = NULL;
  gint64 start, called, id;

  gtk_window_present (GTK_WINDOW (window));
  wait_mapped (GTK_WIDGET (window));
  title = gtk_widget_get_template_child (GTK_WIDGET (window), WARTA_TYPE_PUBLICATION_WINDOW,
                                         "title_row");
  gtk_editable_set_text (GTK_EDITABLE (title), "Rapat Koordinasi");
  if (!_warta_publication_window_save_now (window, &error))
    g_error ("save: %s", error->message);

  start_watch ();
  start = g_get_monotonic_time ();
  _warta_publication_window_add_files (window, files);
  called = g_get_monotonic_time ();
  wait_all_in (window);
  print_run (run, called - start, g_get_monotonic_time () - start);

  if (!_warta_publication_window_save_now (window, &error))
    g_error ("save: %s", error->message);
  id = warta_publication_window_get_publication_id (window);
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  return id;
}

static void
run_reopen (WartaContext *context,
            gint64        id)
{
  WartaPublicationWindow *window;
  gint64 start, called;

  start_watch ();
  start = g_get_monotonic_time ();
  window = warta_publication_window_new (NULL, context, id);
  gtk_window_present (GTK_WINDOW (window));
  called = g_get_monotonic_time ();
  wait_all_in (window);
  print_run ("reopen", called - start, g_get_monotonic_time () - start);
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("warta-bench-import-XXXXXX", NULL);
  g_autofree char *cache = g_build_filename (dir, "cache", NULL);
  g_autofree char *db_path = g_build_filename (dir, "warta.db", NULL);
  g_autoptr(WartaDatabase) database = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(WartaContext) context = NULL;
  g_autoptr(WartaUser) user = NULL;
  g_autoptr(GError) error = NULL;
  GSList *files;
  gint64 id;

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      fprintf (stderr, "bench-import needs a display: run it under xvfb-run -a\n");
      return 77;
    }

  /* Before GLib reads them: a cold thumbnail cache, settings in memory. */
  g_mkdir_with_parents (cache, 0700);
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  g_setenv ("HOME", dir, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GSETTINGS_SCHEMA_DIR", WARTA_BENCH_SCHEMA_DIR, TRUE);
  g_setenv ("NO_AT_BRIDGE", "1", TRUE);

  adw_init ();
  g_timeout_add_full (G_PRIORITY_HIGH, 1, tick_cb, NULL, NULL);

  files = make_photos (dir);

  database = warta_database_open (db_path, WARTA_JOURNAL_MODE_AUTOMATIC, WARTA_DATABASE_FLAGS_NONE,
                                  &error);
  if (database == NULL)
    g_error ("%s", error->message);
  settings = g_settings_new (APPLICATION_ID);
  context = warta_context_new (database, settings);
  user = warta_user_repository_create_first_admin (warta_context_get_users (context), "sari",
                                                   "Sari Dewi", "rahasia-123", WARTA_ROLE_ALL,
                                                   &error);
  if (user == NULL)
    g_error ("%s", error->message);
  warta_context_set_current_user (context, user);

  id = run_add (context, files, "add");
  run_add (context, files, "add-cached");
  run_reopen (context, id);

  g_slist_free_full (files, g_object_unref);
  g_clear_object (&context);
  g_clear_object (&database);
  {
    /* The photos, the database, the thumbnail cache: all in one folder. */
    const char *args[] = { "rm", "-rf", dir, NULL };

    g_spawn_sync (NULL, (char **) args, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL,
                  NULL);
  }
  return 0;
}
