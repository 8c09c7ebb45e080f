/* bench-media.c: Warta's thumbnail path against vipsthumbnail
 *
 * Makes one 6000 x 4000 JPEG (24 megapixels) once, in
 * $XDG_CACHE_HOME/warta-bench, then times Warta's thumbnail path with an
 * empty cache each time (header check, scaled decode, orientation, PNG into
 * the cache; the SHA-256 is known from probing, as in the app), and, when
 * Debian's libvips-tools is installed, `vipsthumbnail -s 256` on the same
 * file (a whole process, as a user would run it). Prints:
 *
 *   thumbnail-256-ms <median of 5> ms
 *   thumbnail-256-vips-ms <median of 5> ms
 *   thumbnail-256-ratio-vs-vips <warta / vips> x
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include <glib/gstdio.h>

#include "warta-media-probe.h"
#include "warta-thumbnailer.h"

#define WIDTH  6000
#define HEIGHT 4000
#define SIZE   256
#define RUNS   5

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

/* Smooth gradients with grain, so the JPEG is about a camera's size. */
static void
make_photo (const char *path)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, WIDTH, HEIGHT);
  g_autoptr(GError) error = NULL;
  guint8 *pixels = gdk_pixbuf_get_pixels (pixbuf);
  int rowstride = gdk_pixbuf_get_rowstride (pixbuf);
  guint32 seed = 12345;

  for (int y = 0; y < HEIGHT; y++)
    for (int x = 0; x < WIDTH; x++)
      {
        guint8 *p = pixels + (gsize) y * rowstride + (gsize) x * 3;
        int grain;

        seed = seed * 1664525 + 1013904223;
        grain = (int) (seed >> 27) - 16;
        p[0] = CLAMP (x * 255 / WIDTH + grain, 0, 255);
        p[1] = CLAMP (y * 255 / HEIGHT + grain, 0, 255);
        p[2] = CLAMP (((x / 40 + y / 40) % 2) * 120 + 60 + grain, 0, 255);
      }
  if (!gdk_pixbuf_save (pixbuf, path, "jpeg", &error, "quality", "92", NULL))
    g_error ("Could not write %s: %s", path, error->message);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "warta-bench", NULL);
  g_autofree char *photo = g_build_filename (dir, "photo-6000x4000.jpg", NULL);
  g_autofree char *cache = g_dir_make_tmp ("warta-bench-thumbs-XXXXXX", NULL);
  g_autofree char *vips = g_find_program_in_path ("vipsthumbnail");
  g_autoptr(GFile) file = NULL;
  g_autoptr(WartaMediaProbe) probe = warta_media_probe_new ();
  g_autoptr(WartaMediaInfo) info = NULL;
  g_autoptr(WartaThumbnailer) thumbnailer = NULL;
  g_autoptr(GError) error = NULL;
  double warta_ms[RUNS], vips_ms[RUNS];
  double warta, vips_median;

  g_mkdir_with_parents (dir, 0755);
  if (!g_file_test (photo, G_FILE_TEST_EXISTS))
    make_photo (photo);

  file = g_file_new_for_path (photo);
  info = warta_media_probe_file (probe, file, NULL, &error);
  if (info == NULL)
    g_error ("%s", error->message);
  thumbnailer = warta_thumbnailer_new (cache);

  for (int i = 0; i < RUNS; i++)
    {
      g_autofree char *cached = warta_thumbnailer_get_cache_path (thumbnailer,
                                                                  warta_media_info_get_sha256 (info),
                                                                  SIZE);
      g_autoptr(GdkPixbuf) thumb = NULL;
      gboolean from_cache = TRUE;
      gint64 start;

      g_unlink (cached);
      start = g_get_monotonic_time ();
      thumb = warta_thumbnailer_load (thumbnailer, file, warta_media_info_get_sha256 (info), SIZE,
                                      &from_cache, NULL, &error);
      warta_ms[i] = (g_get_monotonic_time () - start) / 1000.0;
      if (thumb == NULL || from_cache)
        g_error ("thumbnail: %s", error ? error->message : "came from the cache");
    }
  warta = median (warta_ms, RUNS);
  printf ("thumbnail-256-ms %.1f ms\n", warta);

  if (vips != NULL)
    {
      g_autofree char *out = g_build_filename (cache, "vips-%s.jpg", NULL);

      for (int i = 0; i < RUNS; i++)
        {
          const char *args[] = { vips, photo, "-s", "256", "-o", out, NULL };
          int status;
          gint64 start = g_get_monotonic_time ();

          if (!g_spawn_sync (NULL, (char **) args, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL,
                             &status, &error) ||
              !g_spawn_check_wait_status (status, &error))
            g_error ("vipsthumbnail: %s", error->message);
          vips_ms[i] = (g_get_monotonic_time () - start) / 1000.0;
        }
      vips_median = median (vips_ms, RUNS);
      printf ("thumbnail-256-vips-ms %.1f ms\n", vips_median);
      printf ("thumbnail-256-ratio-vs-vips %.2f x\n", warta / vips_median);
    }
  else
    fprintf (stderr, "vipsthumbnail not found (Debian: libvips-tools): no comparison\n");

  {
    g_autoptr(GFile) cache_dir = g_file_new_for_path (cache);
    g_autoptr(GFileEnumerator) children = NULL;
    GFileInfo *child;

    /* Remove the temporary cache (one level of sizes, then files). */
    children = g_file_enumerate_children (cache_dir, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                          G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
    while (children != NULL && (child = g_file_enumerator_next_file (children, NULL, NULL)))
      {
        g_autoptr(GFileInfo) owned = child;
        g_autoptr(GFile) path = g_file_get_child (cache_dir, g_file_info_get_name (owned));
        g_autofree char *p = g_file_get_path (path);
        g_autoptr(GDir) sub = g_dir_open (p, 0, NULL);
        const char *name;

        while (sub != NULL && (name = g_dir_read_name (sub)) != NULL)
          {
            g_autofree char *f = g_build_filename (p, name, NULL);

            g_unlink (f);
          }
        g_remove (p);
      }
    g_rmdir (cache);
  }
  return 0;
}
