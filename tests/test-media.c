/* test-media.c: probing, the bad-files set, thumbnails and renditions
 *
 * Every fixture is made at test time: JPEGs by gdk-pixbuf with a hand-made
 * EXIF APP1 segment (orientation + GPS position) and a comment, a PNG
 * header claiming 50,000 x 50,000 pixels with a valid CRC, a truncated
 * JPEG, a text file named .jpg, an MP4 encoded by GStreamer. The stripped
 * metadata is read back with exiftool (libimage-exiftool-perl) and with a
 * JPEG marker walk of our own.
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <gst/gst.h>

#include "warta-media-probe.h"
#include "warta-rendition.h"
#include "warta-thumbnailer.h"

/* ------------------------------------------------------------ fixtures */

typedef enum {
  PATTERN_QUADRANT,   /* top-left quadrant red, the rest green */
  PATTERN_HALVES,     /* left half red, right half blue */
  PATTERN_CHECKER,    /* 4-pixel black and white checkerboard */
} Pattern;

static GdkPixbuf *
make_pixbuf (int     width,
             int     height,
             Pattern pattern)
{
  GdkPixbuf *pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  guint8 *pixels = gdk_pixbuf_get_pixels (pixbuf);
  int rowstride = gdk_pixbuf_get_rowstride (pixbuf);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint8 *p = pixels + (gsize) y * rowstride + (gsize) x * 3;
        guint8 r = 0, g = 0, b = 0;

        switch (pattern)
          {
          case PATTERN_QUADRANT:
            if (x < width / 2 && y < height / 2)
              r = 230;
            else
              g = 200;
            break;
          case PATTERN_HALVES:
            if (x < width / 2)
              r = 230;
            else
              b = 230;
            break;
          case PATTERN_CHECKER:
          default:
            r = g = b = ((x / 4 + y / 4) % 2) ? 255 : 0;
            break;
          }
        p[0] = r;
        p[1] = g;
        p[2] = b;
      }
  return pixbuf;
}

static void
put16 (GByteArray *a,
       guint       v)
{
  guint8 b[2] = { v & 0xff, (v >> 8) & 0xff };

  g_byte_array_append (a, b, 2);
}

static void
put32 (GByteArray *a,
       guint32     v)
{
  guint8 b[4] = { v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff, (v >> 24) & 0xff };

  g_byte_array_append (a, b, 4);
}

static void
ifd_entry (GByteArray *a,
           guint       tag,
           guint       type,
           guint32     count,
           guint32     value)
{
  put16 (a, tag);
  put16 (a, type);
  put32 (a, count);
  put32 (a, value);
}

/* A little-endian TIFF with IFD0 {Orientation, GPS pointer} and a GPS IFD
 * that places the photo in Yogyakarta (7°47' S, 110°21' E). */
static GByteArray *
make_exif (guint orientation)
{
  GByteArray *a = g_byte_array_new ();

  g_byte_array_append (a, (const guint8 *) "Exif\0\0", 6);
  g_byte_array_append (a, (const guint8 *) "II*\0", 4);
  put32 (a, 8);
  /* IFD0 at 8: 2 entries, ends at 8 + 2 + 24 + 4 = 38 */
  put16 (a, 2);
  ifd_entry (a, 0x0112, 3, 1, orientation);
  ifd_entry (a, 0x8825, 4, 1, 38);
  put32 (a, 0);
  /* GPS IFD at 38: 5 entries, ends at 38 + 2 + 60 + 4 = 104 */
  put16 (a, 5);
  ifd_entry (a, 0x0000, 1, 4, 0x00000302);          /* GPSVersionID 2.3.0.0 */
  ifd_entry (a, 0x0001, 2, 2, 'S');                 /* GPSLatitudeRef */
  ifd_entry (a, 0x0002, 5, 3, 104);                 /* GPSLatitude */
  ifd_entry (a, 0x0003, 2, 2, 'E');                 /* GPSLongitudeRef */
  ifd_entry (a, 0x0004, 5, 3, 128);                 /* GPSLongitude */
  put32 (a, 0);
  /* rationals at 104 and 128 */
  put32 (a, 7); put32 (a, 1); put32 (a, 47); put32 (a, 1); put32 (a, 0); put32 (a, 1);
  put32 (a, 110); put32 (a, 1); put32 (a, 21); put32 (a, 1); put32 (a, 0); put32 (a, 1);
  return a;
}

/* Writes a JPEG of @pixbuf; with @orientation > 0 an EXIF APP1 (with GPS)
 * and a COM segment go in after the JFIF APP0. */
static void
write_jpeg (const char *path,
            GdkPixbuf  *pixbuf,
            guint       orientation)
{
  g_autofree gchar *jpeg = NULL;
  gsize size;
  g_autoptr(GByteArray) out = g_byte_array_new ();
  g_autoptr(GError) error = NULL;
  gsize app0_end;

  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &jpeg, &size, "jpeg", &error,
                                            "quality", "90", NULL));
  g_assert_no_error (error);
  g_assert_cmpuint ((guint8) jpeg[0], ==, 0xFF);
  g_assert_cmpuint ((guint8) jpeg[1], ==, 0xD8);
  g_assert_cmpuint ((guint8) jpeg[3], ==, 0xE0);
  app0_end = 4 + ((guint8) jpeg[4] << 8 | (guint8) jpeg[5]);

  g_byte_array_append (out, (guint8 *) jpeg, app0_end);
  if (orientation > 0)
    {
      g_autoptr(GByteArray) exif = make_exif (orientation);
      static const char comment[] = "Lokasi rahasia: rumah saksi";
      guint8 marker[4] = { 0xFF, 0xE1, (exif->len + 2) >> 8, (exif->len + 2) & 0xff };
      guint8 com[4] = { 0xFF, 0xFE, (sizeof comment + 1) >> 8, (sizeof comment + 1) & 0xff };

      g_byte_array_append (out, marker, 4);
      g_byte_array_append (out, exif->data, exif->len);
      g_byte_array_append (out, com, 4);
      g_byte_array_append (out, (const guint8 *) comment, sizeof comment - 1);
    }
  g_byte_array_append (out, (guint8 *) jpeg + app0_end, size - app0_end);
  g_assert_true (g_file_set_contents (path, (char *) out->data, out->len, &error));
  g_assert_no_error (error);
}

/* A grey baseline JPEG of @width x @height (multiples of 8) written by
 * hand, without the pixels in memory: one DC and one AC code of one bit
 * each, so that every 8 x 8 block is two zero bits. A 108-megapixel
 * phone photo's size in under half a megabyte, made at once. */
static void
write_large_grey_jpeg (const char *path,
                       int         width,
                       int         height)
{
  static const guint8 dht[] = { 0xFF, 0xC4, 0x00, 0x14, 0x00, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                                0, 0, 0, 0, 0x00 };
  static const guint8 sos[] = { 0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00 };
  g_autoptr(GByteArray) out = g_byte_array_new ();
  g_autoptr(GError) error = NULL;
  guint8 dqt[69] = { 0xFF, 0xDB, 0x00, 0x43, 0x00 };
  guint8 sof[13] = { 0xFF, 0xC0, 0x00, 0x0B, 8, height >> 8, height & 0xFF, width >> 8,
                     width & 0xFF, 1, 1, 0x11, 0 };
  guint8 dht_ac[sizeof dht];
  gsize n_bits = (gsize) (width / 8) * (height / 8) * 2;
  g_autofree guint8 *data = g_malloc0 ((n_bits + 7) / 8);

  memset (dqt + 5, 1, 64);
  memcpy (dht_ac, dht, sizeof dht);
  dht_ac[4] = 0x10;
  /* the last byte's unused bits are ones, as the standard pads */
  if (n_bits % 8 != 0)
    data[n_bits / 8] = 0xFF >> (n_bits % 8);
  g_byte_array_append (out, (const guint8 *) "\xFF\xD8", 2);
  g_byte_array_append (out, dqt, sizeof dqt);
  g_byte_array_append (out, sof, sizeof sof);
  g_byte_array_append (out, dht, sizeof dht);
  g_byte_array_append (out, dht_ac, sizeof dht_ac);
  g_byte_array_append (out, sos, sizeof sos);
  g_byte_array_append (out, data, (n_bits + 7) / 8);
  g_byte_array_append (out, (const guint8 *) "\xFF\xD9", 2);
  g_assert_true (g_file_set_contents (path, (char *) out->data, out->len, &error));
  g_assert_no_error (error);
}

static guint32
crc32 (const guint8 *data,
       gsize         n)
{
  guint32 crc = 0xFFFFFFFF;

  for (gsize i = 0; i < n; i++)
    {
      crc ^= data[i];
      for (int k = 0; k < 8; k++)
        crc = (crc >> 1) ^ (0xEDB88320 & (0 - (crc & 1)));
    }
  return crc ^ 0xFFFFFFFF;
}

static void
put_be32 (GByteArray *a,
          guint32     v)
{
  guint8 b[4] = { v >> 24, (v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff };

  g_byte_array_append (a, b, 4);
}

static void
png_chunk (GByteArray   *a,
           const char   *type,
           const guint8 *data,
           guint32       n)
{
  g_autoptr(GByteArray) crc_input = g_byte_array_new ();

  put_be32 (a, n);
  g_byte_array_append (crc_input, (const guint8 *) type, 4);
  if (n > 0)
    g_byte_array_append (crc_input, data, n);
  g_byte_array_append (a, crc_input->data, crc_input->len);
  put_be32 (a, crc32 (crc_input->data, crc_input->len));
}

/* A complete, well-formed PNG whose IHDR claims 50,000 x 50,000 RGB pixels
 * (7.5 GB decoded): only its header is ever read. */
static void
write_huge_png (const char *path)
{
  static const guint8 signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };
  /* zlib stream of one stored empty block: enough to be a chunk */
  static const guint8 idat[] = { 0x78, 0x01, 0x01, 0x00, 0x00, 0xff, 0xff, 0x00, 0x00, 0x00, 0x01 };
  g_autoptr(GByteArray) png = g_byte_array_new ();
  g_autoptr(GByteArray) ihdr = g_byte_array_new ();
  guint8 tail[5] = { 8, 2, 0, 0, 0 };
  g_autoptr(GError) error = NULL;

  put_be32 (ihdr, 50000);
  put_be32 (ihdr, 50000);
  g_byte_array_append (ihdr, tail, 5);

  g_byte_array_append (png, signature, 8);
  png_chunk (png, "IHDR", ihdr->data, ihdr->len);
  png_chunk (png, "IDAT", idat, sizeof idat);
  png_chunk (png, "IEND", NULL, 0);
  g_assert_true (g_file_set_contents (path, (char *) png->data, png->len, &error));
  g_assert_no_error (error);
}

static char *
tmp_path (const char *name)
{
  /* G_TEST_OPTION_ISOLATE_DIRS gives each test its own cache folder. */
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "fixtures", NULL);

  g_mkdir_with_parents (dir, 0755);
  return g_build_filename (dir, name, NULL);
}

static char *
sha256_of (const char *path)
{
  g_autofree char *data = NULL;
  gsize size;

  g_assert_true (g_file_get_contents (path, &data, &size, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (guint8 *) data, size);
}

static const char *
video_encoder (void)
{
  static const char *const encoders[] = { "x264enc", "avenc_mpeg4" };

  if (!gst_init_check (NULL, NULL, NULL))
    return NULL;
  for (gsize i = 0; i < G_N_ELEMENTS (encoders); i++)
    {
      g_autoptr(GstElementFactory) f = gst_element_factory_find (encoders[i]);

      if (f != NULL)
        return encoders[i];
    }
  return NULL;
}

/* 60 frames of SMPTE bars at 30 fps, 320 x 240, in MP4. */
static char *
make_mp4 (void)
{
  const char *encoder = video_encoder ();
  g_autofree char *path = tmp_path ("clip.mp4");
  g_autofree char *description = NULL;
  g_autoptr(GstElement) pipeline = NULL;
  g_autoptr(GstBus) bus = NULL;
  g_autoptr(GstMessage) message = NULL;
  g_autoptr(GError) error = NULL;

  if (encoder == NULL)
    return NULL;
  description = g_strdup_printf ("videotestsrc num-buffers=60 ! "
                                 "video/x-raw,width=320,height=240,framerate=30/1 ! "
                                 "videoconvert ! %s ! mp4mux ! filesink location=\"%s\"",
                                 encoder, path);
  pipeline = gst_parse_launch (description, &error);
  g_assert_no_error (error);
  gst_element_set_state (pipeline, GST_STATE_PLAYING);
  bus = gst_element_get_bus (pipeline);
  message = gst_bus_timed_pop_filtered (bus, 60 * GST_SECOND,
                                        GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  g_assert_nonnull (message);
  g_assert_cmpint (GST_MESSAGE_TYPE (message), ==, GST_MESSAGE_EOS);
  gst_element_set_state (pipeline, GST_STATE_NULL);
  return g_steal_pointer (&path);
}

static gboolean
skip_without_video (void)
{
  if (video_encoder () == NULL)
    {
      g_test_skip ("No H.264 or MPEG-4 encoder: install gstreamer1.0-plugins-ugly or "
                   "gstreamer1.0-libav");
      return TRUE;
    }
  return FALSE;
}

static void
pixel_at (GdkPixbuf *pixbuf,
          int        x,
          int        y,
          guint8     rgb[3])
{
  const guint8 *p = gdk_pixbuf_read_pixels (pixbuf) + (gsize) y * gdk_pixbuf_get_rowstride (pixbuf) +
                    (gsize) x * gdk_pixbuf_get_n_channels (pixbuf);

  memcpy (rgb, p, 3);
}

static gboolean
is_red (GdkPixbuf *pixbuf,
        int        x,
        int        y)
{
  guint8 p[3];

  pixel_at (pixbuf, x, y, p);
  return p[0] > 150 && p[1] < 80 && p[2] < 80;
}

static gboolean
is_blue (GdkPixbuf *pixbuf,
         int        x,
         int        y)
{
  guint8 p[3];

  pixel_at (pixbuf, x, y, p);
  return p[2] > 150 && p[0] < 80 && p[1] < 80;
}

/* gdk_pixbuf_new_from_file() sniffs with shared-mime-info's database,
 * which the isolated test folders hide: name the loader instead. */
static GdkPixbuf *
read_image (const char  *path,
            GError     **error)
{
  g_autoptr(GdkPixbufLoader) loader = NULL;
  g_autofree char *data = NULL;
  gsize size;

  loader = gdk_pixbuf_loader_new_with_mime_type (g_str_has_suffix (path, ".png") ? "image/png"
                                                                                 : "image/jpeg",
                                                 error);
  g_assert_true (g_file_get_contents (path, &data, &size, NULL));
  if (!gdk_pixbuf_loader_write (loader, (guint8 *) data, size, error) ||
      !gdk_pixbuf_loader_close (loader, error))
    return NULL;
  return g_object_ref (gdk_pixbuf_loader_get_pixbuf (loader));
}

/* ---------------------------------------------------------------- probe */

static WartaMediaInfo *
probe_path (const char  *path,
            GError     **error)
{
  g_autoptr(WartaMediaProbe) probe = warta_media_probe_new ();
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return warta_media_probe_file (probe, file, NULL, error);
}

static void
test_probe_jpeg (void)
{
  g_autofree char *path = tmp_path ("portrait.JPG");
  g_autoptr(GdkPixbuf) pixbuf = make_pixbuf (64, 48, PATTERN_QUADRANT);
  g_autoptr(WartaMediaInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sha = NULL;

  /* stored 64 x 48, orientation 6: shown as 48 x 64 */
  write_jpeg (path, pixbuf, 6);
  sha = sha256_of (path);

  info = probe_path (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (warta_media_info_get_kind (info), ==, WARTA_MEDIA_KIND_PHOTO);
  g_assert_cmpstr (warta_media_kind_to_string (warta_media_info_get_kind (info)), ==, "photo");
  g_assert_cmpstr (warta_media_info_get_content_type (info), ==, "image/jpeg");
  g_assert_cmpuint (warta_media_info_get_orientation (info), ==, 6);
  g_assert_cmpint (warta_media_info_get_width (info), ==, 48);
  g_assert_cmpint (warta_media_info_get_height (info), ==, 64);
  g_assert_cmpstr (warta_media_info_get_sha256 (info), ==, sha);
  g_assert_cmpuint (warta_media_info_get_size (info), >, 0);
  g_assert_finalize_object (g_steal_pointer (&info));
}

static void
test_probe_png_webp (void)
{
  g_autofree char *png = tmp_path ("image.png");
  g_autofree char *webp = tmp_path ("image.webp");
  g_autofree char *misnamed = tmp_path ("really-a-png.jpg");
  g_autoptr(GdkPixbuf) pixbuf = make_pixbuf (40, 30, PATTERN_HALVES);
  g_autoptr(WartaMediaInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (gdk_pixbuf_save (pixbuf, png, "png", &error, NULL));
  g_assert_no_error (error);
  info = probe_path (png, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (warta_media_info_get_content_type (info), ==, "image/png");
  g_assert_cmpint (warta_media_info_get_width (info), ==, 40);
  g_assert_cmpint (warta_media_info_get_height (info), ==, 30);
  g_clear_object (&info);

  /* the content decides, not the name */
  g_assert_true (gdk_pixbuf_save (pixbuf, misnamed, "png", &error, NULL));
  info = probe_path (misnamed, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (warta_media_info_get_content_type (info), ==, "image/png");
  g_clear_object (&info);

  if (!gdk_pixbuf_save (pixbuf, webp, "webp", &error, NULL))
    {
      g_test_message ("no WebP saver (%s): install webp-pixbuf-loader", error->message);
      g_test_fail ();
      return;
    }
  info = probe_path (webp, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (warta_media_info_get_content_type (info), ==, "image/webp");
  g_assert_cmpint (warta_media_info_get_width (info), ==, 40);
  g_assert_cmpint (warta_media_info_get_height (info), ==, 30);
}

static void
test_probe_video (void)
{
  g_autofree char *path = NULL;
  g_autoptr(WartaMediaInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sha = NULL;

  if (skip_without_video ())
    return;
  path = make_mp4 ();
  sha = sha256_of (path);
  info = probe_path (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (warta_media_info_get_kind (info), ==, WARTA_MEDIA_KIND_VIDEO);
  g_assert_cmpstr (warta_media_info_get_content_type (info), ==, "video/mp4");
  g_assert_cmpint (warta_media_info_get_width (info), ==, 320);
  g_assert_cmpint (warta_media_info_get_height (info), ==, 240);
  g_assert_cmpint (warta_media_info_get_duration_us (info), >, 1900000);
  g_assert_cmpint (warta_media_info_get_duration_us (info), <, 2100000);
  g_assert_cmpstr (warta_media_info_get_sha256 (info), ==, sha);
}

/* What was logged, message level and above. */
static GPtrArray *logged;

static GLogWriterOutput
record_writer (GLogLevelFlags   level,
               const GLogField *fields,
               gsize            n_fields,
               gpointer         user_data)
{
  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, "MESSAGE") && (level & (G_LOG_LEVEL_MESSAGE |
                                                             G_LOG_LEVEL_WARNING |
                                                             G_LOG_LEVEL_CRITICAL)))
      g_ptr_array_add (logged, g_strdup (fields[i].value));
  return g_log_writer_default (level, fields, n_fields, user_data);
}

/* A video cut off halfway (its index lost): the user reads what to do, in
 * the user's language; GStreamer's own English words go to the log with
 * the file's name. */
static void
test_probe_damaged_video (void)
{
  g_autofree char *path = NULL;
  g_autofree char *damaged = NULL;
  g_autofree char *data = NULL;
  g_autoptr(WartaMediaInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  gsize size;

  if (skip_without_video ())
    return;
  path = make_mp4 ();
  g_assert_true (g_file_get_contents (path, &data, &size, NULL));
  damaged = tmp_path ("rusak.mp4");
  g_assert_true (g_file_set_contents (damaged, data, size / 2, NULL));

  g_ptr_array_set_size (logged, 0);
  info = probe_path (damaged, &error);
  g_assert_null (info);
  g_assert_error (error, WARTA_MEDIA_ERROR, WARTA_MEDIA_ERROR_CORRUPT);
  g_assert_cmpstr (error->message, ==,
                   "The video “rusak.mp4” is damaged or incomplete. Check that it plays, or copy "
                   "it again from the camera or phone.");
  /* Only that: GStreamer's own words ("This file contains no playable
   * streams.") are in the log, with the file. */
  {
    gboolean found = FALSE;

    for (guint i = 0; i < logged->len; i++)
      {
        const char *line = g_ptr_array_index (logged, i);

        found = found || (strstr (line, "rusak.mp4") && strstr (line, "GStreamer"));
      }
    g_assert_true (found);
  }
}

typedef struct {
  const char *name;
  int         code;
} BadFile;

/* Makes the bad-files set; returns the expected error per file. */
static GPtrArray *
make_bad_files (void)
{
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GdkPixbuf) pixbuf = make_pixbuf (800, 600, PATTERN_CHECKER);
  g_autofree char *whole = tmp_path ("whole.jpg");
  g_autofree char *data = NULL;
  gsize size;
  char *path;

  path = tmp_path ("empty.jpg");
  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  g_ptr_array_add (paths, path);

  write_jpeg (whole, pixbuf, 1);
  g_assert_true (g_file_get_contents (whole, &data, &size, NULL));
  path = tmp_path ("truncated.jpg");
  g_assert_true (g_file_set_contents (path, data, size / 2, NULL));
  g_ptr_array_add (paths, path);

  path = tmp_path ("huge.png");
  write_huge_png (path);
  g_ptr_array_add (paths, path);

  path = tmp_path ("notes.jpg");
  g_assert_true (g_file_set_contents (path, "Notulen rapat koordinasi\nHari: Senin\n", -1, NULL));
  g_ptr_array_add (paths, path);

  path = tmp_path ("missing.jpg");
  g_ptr_array_add (paths, path);

  return paths;
}

static const int bad_codes[] = {
  WARTA_MEDIA_ERROR_EMPTY,
  WARTA_MEDIA_ERROR_CORRUPT,
  WARTA_MEDIA_ERROR_TOO_LARGE,
  WARTA_MEDIA_ERROR_UNSUPPORTED,
  WARTA_MEDIA_ERROR_NOT_FOUND,
};

static void
test_bad_files (void)
{
  g_autoptr(GPtrArray) paths = make_bad_files ();

  for (guint i = 0; i < paths->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(WartaMediaInfo) info = NULL;
      g_autofree char *base = g_path_get_basename (paths->pdata[i]);
      gint64 start = g_get_monotonic_time ();

      info = probe_path (paths->pdata[i], &error);
      g_test_message ("%s: %s", base, error ? error->message : "accepted");
      g_assert_null (info);
      g_assert_error (error, WARTA_MEDIA_ERROR, bad_codes[i]);
      /* the message names the file, for a list of many */
      g_assert_nonnull (strstr (error->message, base));
      /* the 50,000 x 50,000 header is refused without decoding */
      g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
    }

  /* the text file's message says what it really is */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(WartaMediaInfo) info = probe_path (paths->pdata[3], &error);

    g_assert_nonnull (strstr (error->message, "text"));
  }
}

static void
test_unreadable (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;

  /* root reads anything: the check runs as "nobody" in a child. */
  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(WartaMediaInfo) info = NULL;
      g_autofree char *child_path = g_strdup (g_getenv ("WARTA_TEST_LOCKED"));

      if (geteuid () == 0)
        {
          g_assert_no_errno (setgid (65534));
          g_assert_no_errno (setuid (65534));
        }
      info = probe_path (child_path, &error);
      g_assert_null (info);
      g_assert_error (error, WARTA_MEDIA_ERROR, WARTA_MEDIA_ERROR_UNREADABLE);
      g_assert_nonnull (strstr (error->message, "locked.jpg"));
      return;
    }

  path = tmp_path ("locked.jpg");
  pixbuf = make_pixbuf (16, 16, PATTERN_CHECKER);
  write_jpeg (path, pixbuf, 0);
  g_assert_no_errno (g_chmod (path, 0));
  g_setenv ("WARTA_TEST_LOCKED", path, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

typedef struct {
  GMainLoop *loop;
  GThread   *main_thread;
  GPtrArray *reported;   /* base names, in the order results came */
  guint      n_ok;
  guint      n_bad;
  guint      n_accepted;
  guint      n_refused;
} BatchState;

static void
batch_result_cb (WartaMediaProbe *probe,
                 GFile           *file,
                 WartaMediaInfo  *info,
                 const GError    *error,
                 gpointer         user_data)
{
  BatchState *state = user_data;

  g_assert_true (g_thread_self () == state->main_thread);
  g_assert_true ((info == NULL) != (error == NULL));
  g_ptr_array_add (state->reported, g_file_get_basename (file));
  if (info != NULL)
    state->n_ok++;
  else
    {
      g_assert_true (error->domain == WARTA_MEDIA_ERROR);
      state->n_bad++;
    }
}

static void
batch_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  BatchState *state = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (warta_media_probe_batch_finish (WARTA_MEDIA_PROBE (source), result,
                                                 &state->n_accepted, &state->n_refused, &error));
  g_assert_no_error (error);
  g_main_loop_quit (state->loop);
}

static void
test_batch (void)
{
  g_autoptr(GPtrArray) paths = make_bad_files ();
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(WartaMediaProbe) probe = warta_media_probe_new ();
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  BatchState state = { loop, g_thread_self (), g_ptr_array_new_with_free_func (g_free) };

  /* bad files mixed with six good ones */
  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *name = g_strdup_printf ("good-%u.jpg", i);
      g_autofree char *path = tmp_path (name);
      g_autoptr(GdkPixbuf) pixbuf = make_pixbuf (320 + i, 240, PATTERN_QUADRANT);

      write_jpeg (path, pixbuf, 1 + i % 8);
      g_ptr_array_add (files, g_file_new_for_path (path));
      if (i < paths->len)
        g_ptr_array_add (files, g_file_new_for_path (paths->pdata[i]));
    }

  warta_media_probe_batch_async (probe, (GFile **) files->pdata, files->len, NULL,
                                 batch_result_cb, &state, batch_done_cb, &state);
  g_main_loop_run (loop);

  g_assert_cmpuint (state.reported->len, ==, files->len);
  g_assert_cmpuint (state.n_ok, ==, 6);
  g_assert_cmpuint (state.n_bad, ==, paths->len);
  g_assert_cmpuint (state.n_accepted, ==, 6);
  g_assert_cmpuint (state.n_refused, ==, paths->len);
  g_ptr_array_unref (state.reported);
}

/* ------------------------------------------------------------ thumbnails */

typedef struct {
  GMainLoop *loop;
  GdkPixbuf *pixbuf;
  gboolean   from_cache;
  GError    *error;
} LoadState;

static void
thumbnail_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  LoadState *state = user_data;

  state->pixbuf = warta_thumbnailer_load_finish (WARTA_THUMBNAILER (source), result,
                                                 &state->from_cache, &state->error);
  g_main_loop_quit (state->loop);
}

static GdkPixbuf *
load_thumbnail (WartaThumbnailer  *thumbnailer,
                const char        *path,
                int                size,
                GCancellable      *cancellable,
                gboolean          *from_cache,
                GError           **error)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  LoadState state = { loop };

  warta_thumbnailer_load_async (thumbnailer, file, NULL, size, cancellable, thumbnail_cb, &state);
  g_main_loop_run (loop);
  if (from_cache != NULL)
    *from_cache = state.from_cache;
  if (state.error != NULL)
    g_propagate_error (error, state.error);
  return state.pixbuf;
}

static void
test_thumbnail_cache (void)
{
  g_autofree char *path = tmp_path ("big-portrait.jpg");
  g_autoptr(GdkPixbuf) pixbuf = make_pixbuf (1200, 800, PATTERN_QUADRANT);
  g_autoptr(WartaThumbnailer) thumbnailer = warta_thumbnailer_new (NULL);
  g_autoptr(WartaThumbnailer) second = NULL;
  g_autoptr(GdkPixbuf) thumb = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *cache_path = NULL;
  g_autofree char *expected_dir = NULL;
  g_autofree char *original_sha = NULL;
  GStatBuf st;
  gint64 mtime;
  gboolean from_cache = TRUE;

  write_jpeg (path, pixbuf, 6);
  original_sha = sha256_of (path);
  sha = g_strdup (original_sha);

  /* the cache is $XDG_CACHE_HOME/warta/thumbnails/<size>/<sha256>.png */
  expected_dir = g_build_filename (g_get_user_cache_dir (), "warta", "thumbnails", NULL);
  g_assert_cmpstr (warta_thumbnailer_get_cache_dir (thumbnailer), ==, expected_dir);
  cache_path = warta_thumbnailer_get_cache_path (thumbnailer, sha, 256);
  g_assert_true (g_str_has_prefix (cache_path, expected_dir));
  {
    g_autofree char *suffix = g_strconcat (G_DIR_SEPARATOR_S "256" G_DIR_SEPARATOR_S, sha, ".png",
                                           NULL);

    g_assert_true (g_str_has_suffix (cache_path, suffix));
  }
  g_assert_false (g_file_test (cache_path, G_FILE_TEST_EXISTS));

  thumb = load_thumbnail (thumbnailer, path, 256, NULL, &from_cache, &error);
  g_assert_no_error (error);
  g_assert_false (from_cache);
  g_assert_cmpuint (warta_thumbnailer_get_n_decodes (thumbnailer), ==, 1);
  /* 1200 x 800 turned by orientation 6 is 800 x 1200: 171 x 256 */
  g_assert_cmpint (gdk_pixbuf_get_width (thumb), ==, 171);
  g_assert_cmpint (gdk_pixbuf_get_height (thumb), ==, 256);
  /* the red top-left quadrant is now top-right (90° clockwise) */
  g_assert_true (is_red (thumb, 150, 20));
  g_assert_false (is_red (thumb, 20, 20));
  g_assert_false (is_red (thumb, 150, 230));
  g_assert_true (g_file_test (cache_path, G_FILE_TEST_IS_REGULAR));
  g_assert_no_errno (g_stat (cache_path, &st));
  mtime = st.st_mtime;
  g_clear_object (&thumb);

  /* second request: from the cache, nothing decoded, nothing rewritten */
  thumb = load_thumbnail (thumbnailer, path, 256, NULL, &from_cache, &error);
  g_assert_no_error (error);
  g_assert_true (from_cache);
  g_assert_cmpuint (warta_thumbnailer_get_n_decodes (thumbnailer), ==, 1);
  g_assert_cmpint (gdk_pixbuf_get_width (thumb), ==, 171);
  g_assert_no_errno (g_stat (cache_path, &st));
  g_assert_cmpint (st.st_mtime, ==, mtime);
  g_clear_object (&thumb);

  /* the cache is on disk: a new thumbnailer (a new session) hits it */
  second = warta_thumbnailer_new (NULL);
  thumb = load_thumbnail (second, path, 256, NULL, &from_cache, &error);
  g_assert_no_error (error);
  g_assert_true (from_cache);
  g_assert_cmpuint (warta_thumbnailer_get_n_decodes (second), ==, 0);
  g_clear_object (&thumb);

  /* another size is another entry */
  thumb = load_thumbnail (second, path, 128, NULL, &from_cache, &error);
  g_assert_no_error (error);
  g_assert_false (from_cache);
  g_assert_cmpint (gdk_pixbuf_get_height (thumb), ==, 128);

  /* the original is untouched */
  {
    g_autofree char *after = sha256_of (path);

    g_assert_cmpstr (after, ==, original_sha);
  }
}

static void
test_thumbnail_cancel_and_bad (void)
{
  g_autofree char *path = tmp_path ("photo.jpg");
  g_autofree char *huge = tmp_path ("huge.png");
  g_autoptr(GdkPixbuf) pixbuf = make_pixbuf (300, 200, PATTERN_QUADRANT);
  g_autoptr(WartaThumbnailer) thumbnailer = warta_thumbnailer_new (NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GdkPixbuf) thumb = NULL;
  g_autoptr(GError) error = NULL;

  write_jpeg (path, pixbuf, 1);
  g_cancellable_cancel (cancellable);
  thumb = load_thumbnail (thumbnailer, path, 64, cancellable, NULL, &error);
  g_assert_null (thumb);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (warta_thumbnailer_get_n_decodes (thumbnailer), ==, 0);
  g_clear_error (&error);

  write_huge_png (huge);
  thumb = load_thumbnail (thumbnailer, huge, 64, NULL, NULL, &error);
  g_assert_null (thumb);
  g_assert_error (error, WARTA_MEDIA_ERROR, WARTA_MEDIA_ERROR_TOO_LARGE);
  g_assert_cmpuint (warta_thumbnailer_get_n_decodes (thumbnailer), ==, 0);
}

static void
test_thumbnail_video (void)
{
  g_autofree char *path = NULL;
  g_autoptr(WartaThumbnailer) thumbnailer = warta_thumbnailer_new (NULL);
  g_autoptr(GdkPixbuf) thumb = NULL;
  g_autoptr(GError) error = NULL;
  gboolean from_cache = TRUE;
  guint8 p[3];
  gboolean colourful = FALSE;

  if (skip_without_video ())
    return;
  path = make_mp4 ();
  thumb = load_thumbnail (thumbnailer, path, 128, NULL, &from_cache, &error);
  g_assert_no_error (error);
  g_assert_false (from_cache);
  g_assert_cmpint (gdk_pixbuf_get_width (thumb), ==, 128);
  g_assert_cmpint (gdk_pixbuf_get_height (thumb), ==, 96);
  /* SMPTE bars: a saturated colour somewhere along the top */
  for (int x = 4; x < 128; x += 8)
    {
      pixel_at (thumb, x, 10, p);
      if (MAX (MAX (p[0], p[1]), p[2]) - MIN (MIN (p[0], p[1]), p[2]) > 100)
        colourful = TRUE;
    }
  g_assert_true (colourful);
  g_clear_object (&thumb);

  thumb = load_thumbnail (thumbnailer, path, 128, NULL, &from_cache, &error);
  g_assert_no_error (error);
  g_assert_true (from_cache);
  g_assert_cmpuint (warta_thumbnailer_get_n_decodes (thumbnailer), ==, 1);
}

/* ------------------------------------------------------------ renditions */

/* The markers of a JPEG up to its first scan. */
static GString *
jpeg_markers (const char *path)
{
  g_autofree char *data = NULL;
  gsize size, i = 2;
  GString *markers = g_string_new (NULL);

  g_assert_true (g_file_get_contents (path, &data, &size, NULL));
  g_assert_cmpuint ((guint8) data[0], ==, 0xFF);
  g_assert_cmpuint ((guint8) data[1], ==, 0xD8);
  while (i + 4 <= size && (guint8) data[i] == 0xFF)
    {
      guint marker = (guint8) data[i + 1];
      guint length = (guint8) data[i + 2] << 8 | (guint8) data[i + 3];

      g_string_append_printf (markers, "%02X ", marker);
      if (marker == 0xDA)
        break;
      i += 2 + length;
    }
  return markers;
}

/* exiftool's view of @path as JSON, or NULL when it is not installed. */
static char *
exiftool (const char *path)
{
  g_autofree char *program = g_find_program_in_path ("exiftool");
  const char *argv[] = { program, "-j", "-a", "-G1", "-n", path, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (program == NULL)
    return NULL;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&out);
}

static void
test_rendition_strips_and_fits (void)
{
  g_autofree char *path = tmp_path ("wide.jpg");
  g_autofree char *out = tmp_path ("wide-instagram.jpg");
  g_autoptr(GdkPixbuf) pixbuf = make_pixbuf (3000, 1000, PATTERN_HALVES);
  g_autoptr(WartaRendition) rendition = warta_rendition_new (WARTA_RENDITION_TARGET_INSTAGRAM);
  g_autoptr(GFile) original = NULL;
  g_autoptr(GFile) destination = NULL;
  g_autoptr(GdkPixbuf) result = NULL;
  g_autoptr(GString) markers_in = NULL;
  g_autoptr(GString) markers_out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sha_before = NULL;
  g_autofree char *sha_after = NULL;
  g_autofree char *meta_in = NULL;
  g_autofree char *meta_out = NULL;
  int w = 0, h = 0;

  write_jpeg (path, pixbuf, 1);
  sha_before = sha256_of (path);
  original = g_file_new_for_path (path);
  destination = g_file_new_for_path (out);

  /* the fixture really carries a position, a comment and an orientation */
  markers_in = jpeg_markers (path);
  g_assert_nonnull (strstr (markers_in->str, "E1 "));
  g_assert_nonnull (strstr (markers_in->str, "FE "));

  g_assert_true (warta_rendition_render (rendition, original, destination, &w, &h, NULL, &error));
  g_assert_no_error (error);

  /* 3:1 is wider than Instagram's 1.91:1: cropped to 1.91, at most 1440 wide */
  g_assert_cmpint (w, ==, 1440);
  g_assert_cmpint (h, ==, 754);
  result = read_image (out, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (result), ==, 1440);
  g_assert_cmpint (gdk_pixbuf_get_height (result), ==, 754);
  g_assert_cmpfloat_with_epsilon ((double) w / h, 1.91, 0.005);
  /* centred crop: red on the left, blue on the right */
  g_assert_true (is_red (result, 5, 377));
  g_assert_true (is_blue (result, 1434, 377));

  /* no APP1 (EXIF/XMP), APP2 (ICC), APP13 (IPTC) or COM left */
  markers_out = jpeg_markers (out);
  g_test_message ("markers in: %s; out: %s", markers_in->str, markers_out->str);
  g_assert_null (strstr (markers_out->str, "E1 "));
  g_assert_null (strstr (markers_out->str, "E2 "));
  g_assert_null (strstr (markers_out->str, "ED "));
  g_assert_null (strstr (markers_out->str, "FE "));

  meta_in = exiftool (path);
  if (meta_in == NULL)
    g_test_message ("exiftool not installed (libimage-exiftool-perl): checked the markers only");
  else
    {
      meta_out = exiftool (out);
      g_test_message ("exiftool on the rendition: %s", meta_out);
      g_assert_nonnull (strstr (meta_in, "GPSLatitude"));
      g_assert_nonnull (strstr (meta_in, "Comment"));
      g_assert_null (strstr (meta_out, "GPS"));
      g_assert_null (strstr (meta_out, "Orientation"));
      g_assert_null (strstr (meta_out, "Comment"));
      g_assert_null (strstr (meta_out, "XMP"));
      g_assert_null (strstr (meta_out, "ICC"));
      g_assert_null (strstr (meta_out, "EXIF"));
      g_assert_nonnull (strstr (meta_out, "\"File:ImageWidth\": 1440"));
    }

  sha_after = sha256_of (path);
  g_assert_cmpstr (sha_after, ==, sha_before);
}

static void
test_rendition_orientation_and_aspect (void)
{
  g_autofree char *path = tmp_path ("turned.jpg");
  g_autofree char *out = tmp_path ("turned-instagram.jpg");
  g_autoptr(GdkPixbuf) pixbuf = make_pixbuf (1600, 1200, PATTERN_QUADRANT);
  g_autoptr(WartaRendition) rendition = warta_rendition_new (WARTA_RENDITION_TARGET_INSTAGRAM);
  g_autoptr(GFile) original = NULL;
  g_autoptr(GFile) destination = NULL;
  g_autoptr(GdkPixbuf) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sha_before = NULL;
  g_autofree char *sha_after = NULL;
  int w = 0, h = 0;

  /* stored 1600 x 1200, orientation 6: upright 1200 x 1600 (3:4), taller
   * than Instagram's 4:5, so cropped to 1200 x 1500 */
  write_jpeg (path, pixbuf, 6);
  sha_before = sha256_of (path);
  original = g_file_new_for_path (path);
  destination = g_file_new_for_path (out);
  g_assert_true (warta_rendition_render (rendition, original, destination, &w, &h, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (w, ==, 1200);
  g_assert_cmpint (h, ==, 1500);

  result = read_image (out, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (result), ==, 1200);
  g_assert_cmpint (gdk_pixbuf_get_height (result), ==, 1500);
  /* turned: the red quadrant is at the top right */
  g_assert_true (is_red (result, 1100, 100));
  g_assert_false (is_red (result, 100, 100));
  /* no orientation tag is left to turn it twice */
  {
    g_autoptr(GString) markers = jpeg_markers (out);

    g_assert_null (strstr (markers->str, "E1 "));
  }

  sha_after = sha256_of (path);
  g_assert_cmpstr (sha_after, ==, sha_before);
}

static void
test_rendition_crop_origin (void)
{
  g_autofree char *path = tmp_path ("halves.jpg");
  g_autofree char *left = tmp_path ("left.jpg");
  g_autofree char *right = tmp_path ("right.jpg");
  g_autoptr(GdkPixbuf) pixbuf = make_pixbuf (1200, 400, PATTERN_HALVES);
  g_autoptr(WartaRendition) rendition = warta_rendition_new (WARTA_RENDITION_TARGET_INSTAGRAM);
  g_autoptr(GFile) original = NULL;
  g_autoptr(GFile) left_file = NULL;
  g_autoptr(GFile) right_file = NULL;
  g_autoptr(GdkPixbuf) result = NULL;
  g_autoptr(GError) error = NULL;
  int w, h;

  write_jpeg (path, pixbuf, 0);
  original = g_file_new_for_path (path);
  left_file = g_file_new_for_path (left);
  right_file = g_file_new_for_path (right);

  /* a square crop moved to the far left: all red */
  warta_rendition_set_aspect (rendition, 1.0);
  warta_rendition_set_crop_center (rendition, 0.0, 0.5);
  g_assert_true (warta_rendition_render (rendition, original, left_file, &w, &h, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (w, ==, 400);
  g_assert_cmpint (h, ==, 400);
  result = read_image (left, &error);
  g_assert_true (is_red (result, 5, 200));
  g_assert_true (is_red (result, 394, 200));
  g_clear_object (&result);

  /* moved to the far right: all blue */
  warta_rendition_set_crop_center (rendition, 1.0, 0.5);
  g_assert_true (warta_rendition_render (rendition, original, right_file, &w, &h, NULL, &error));
  result = read_image (right, &error);
  g_assert_no_error (error);
  g_assert_true (is_blue (result, 5, 200));
  g_assert_true (is_blue (result, 394, 200));
}

static double
variance (GdkPixbuf *pixbuf,
          int        x0,
          int        y0,
          int        w,
          int        h)
{
  double sum = 0, sum2 = 0;
  int n = 0;

  for (int y = y0; y < y0 + h; y++)
    for (int x = x0; x < x0 + w; x++)
      {
        guint8 p[3];

        pixel_at (pixbuf, x, y, p);
        sum += p[0];
        sum2 += (double) p[0] * p[0];
        n++;
      }
  return sum2 / n - (sum / n) * (sum / n);
}

static void
test_rendition_blur (void)
{
  g_autofree char *path = tmp_path ("checker.png");
  g_autofree char *out = tmp_path ("checker-blurred.jpg");
  g_autoptr(GdkPixbuf) pixbuf = make_pixbuf (800, 800, PATTERN_CHECKER);
  g_autoptr(WartaRendition) rendition = warta_rendition_new (WARTA_RENDITION_TARGET_MASTODON);
  g_autoptr(GFile) original = NULL;
  g_autoptr(GFile) destination = NULL;
  g_autoptr(GdkPixbuf) result = NULL;
  g_autoptr(GdkPixbuf) original_pixels = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sha_before = NULL;
  g_autofree char *sha_after = NULL;
  WartaRegion face = { 0.25, 0.25, 0.25, 0.25 };
  int w, h;

  g_assert_true (gdk_pixbuf_save (pixbuf, path, "png", &error, NULL));
  sha_before = sha256_of (path);
  original = g_file_new_for_path (path);
  destination = g_file_new_for_path (out);

  warta_rendition_add_blur (rendition, &face);
  g_assert_true (warta_rendition_render (rendition, original, destination, &w, &h, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (w, ==, 800);
  result = read_image (out, &error);
  g_assert_no_error (error);

  /* inside the region (200..400) the checkerboard is gone; outside it stays */
  g_test_message ("variance inside %.1f, outside %.1f",
                  variance (result, 210, 210, 180, 180), variance (result, 510, 510, 180, 180));
  g_assert_cmpfloat (variance (result, 210, 210, 180, 180), <, 100.0);
  g_assert_cmpfloat (variance (result, 510, 510, 180, 180), >, 10000.0);
  g_assert_cmpfloat (variance (result, 20, 20, 160, 160), >, 10000.0);

  /* the original keeps every pixel */
  sha_after = sha256_of (path);
  g_assert_cmpstr (sha_after, ==, sha_before);
  original_pixels = read_image (path, &error);
  g_assert_cmpfloat (variance (original_pixels, 210, 210, 180, 180), >, 10000.0);
}

static void
test_rendition_compute (void)
{
  g_autoptr(WartaRendition) x = warta_rendition_new (WARTA_RENDITION_TARGET_X);
  g_autoptr(WartaRendition) mastodon = warta_rendition_new (WARTA_RENDITION_TARGET_MASTODON);
  g_autoptr(WartaRendition) instagram = warta_rendition_new (WARTA_RENDITION_TARGET_INSTAGRAM);
  g_autoptr(WartaRendition) website = warta_rendition_new (WARTA_RENDITION_TARGET_WEBSITE);
  const WartaRenditionLimits *l;
  WartaRect crop;
  int w, h;

  /* no aspect limit on X: the whole photo, 4096 on the long side */
  warta_rendition_compute (x, 6000, 4000, &crop, &w, &h);
  g_assert_cmpint (crop.x, ==, 0);
  g_assert_cmpint (crop.width, ==, 6000);
  g_assert_cmpint (w, ==, 4096);
  g_assert_cmpint (h, ==, 2731);

  /* Mastodon's pixel limit: 8000 x 6000 = 48 MP > 33,177,600 */
  l = warta_rendition_target_get_limits (WARTA_RENDITION_TARGET_MASTODON);
  warta_rendition_compute (mastodon, 8000, 6000, &crop, &w, &h);
  g_assert_cmpint ((gint64) w * h, <=, l->max_pixels);
  g_assert_cmpint ((gint64) w * h, >, l->max_pixels * 99 / 100);
  g_assert_cmpfloat_with_epsilon ((double) w / h, 8000.0 / 6000.0, 0.002);

  /* small photos are never enlarged */
  warta_rendition_compute (website, 640, 480, &crop, &w, &h);
  g_assert_cmpint (w, ==, 640);
  g_assert_cmpint (h, ==, 480);

  /* Instagram: a tall 9:16 phone photo is cut to 4:5 around the centre */
  warta_rendition_compute (instagram, 1080, 1920, &crop, &w, &h);
  g_assert_cmpint (crop.width, ==, 1080);
  g_assert_cmpint (crop.height, ==, 1350);
  g_assert_cmpint (crop.y, ==, (1920 - 1350) / 2);
  g_assert_cmpint (w, ==, 1080);
  g_assert_cmpint (h, ==, 1350);

  /* an asked-for aspect outside the range is brought into it */
  warta_rendition_set_aspect (instagram, 3.0);
  warta_rendition_compute (instagram, 4000, 3000, &crop, &w, &h);
  g_assert_cmpfloat_with_epsilon ((double) crop.width / crop.height, 1.91, 0.01);
  g_assert_cmpint (w, ==, 1440);

  /* the crop never leaves the picture */
  warta_rendition_set_aspect (instagram, 1.0);
  warta_rendition_set_crop_center (instagram, 1.0, 1.0);
  warta_rendition_compute (instagram, 4000, 3000, &crop, &w, &h);
  g_assert_cmpint (crop.x + crop.width, ==, 4000);
  g_assert_cmpint (crop.y, ==, 0);
}

/* A phone's 108-megapixel photo (12000 x 9000) is a photo, not an
 * attack: it is accepted, its thumbnail is made and its rendition is
 * fitted, each decoding it at a fraction of its size. */
static void
test_phone_108mp (void)
{
  g_autofree char *path = tmp_path ("IMG_108MP.jpg");
  g_autofree char *out = tmp_path ("108mp-instagram.jpg");
  g_autoptr(WartaMediaInfo) info = NULL;
  g_autoptr(WartaThumbnailer) thumbnailer = warta_thumbnailer_new (NULL);
  g_autoptr(WartaRendition) rendition = warta_rendition_new (WARTA_RENDITION_TARGET_INSTAGRAM);
  g_autoptr(GdkPixbuf) thumbnail = NULL;
  g_autoptr(GdkPixbuf) rendered = NULL;
  g_autoptr(GFile) original = NULL;
  g_autoptr(GFile) destination = NULL;
  g_autoptr(GError) error = NULL;
  int w = 0, h = 0;

  write_large_grey_jpeg (path, 12000, 9000);
  info = probe_path (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (warta_media_info_get_width (info), ==, 12000);
  g_assert_cmpint (warta_media_info_get_height (info), ==, 9000);

  thumbnail = load_thumbnail (thumbnailer, path, 256, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (thumbnail), ==, 256);
  g_assert_cmpint (gdk_pixbuf_get_height (thumbnail), ==, 192);

  original = g_file_new_for_path (path);
  destination = g_file_new_for_path (out);
  g_assert_true (warta_rendition_render (rendition, original, destination, &w, &h, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (w, <=, 1440);
  rendered = read_image (out, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (rendered), ==, w);
  g_assert_cmpint (gdk_pixbuf_get_height (rendered), ==, h);
}

static void
test_rendition_refusals (void)
{
  g_autofree char *path = tmp_path ("keep.jpg");
  g_autofree char *huge = tmp_path ("huge.png");
  g_autofree char *out = tmp_path ("out.jpg");
  g_autoptr(GdkPixbuf) pixbuf = make_pixbuf (200, 100, PATTERN_HALVES);
  g_autoptr(WartaRendition) rendition = warta_rendition_new (WARTA_RENDITION_TARGET_FACEBOOK);
  g_autoptr(GFile) original = NULL;
  g_autoptr(GFile) huge_file = NULL;
  g_autoptr(GFile) destination = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sha_before = NULL;
  g_autofree char *sha_after = NULL;

  write_jpeg (path, pixbuf, 1);
  sha_before = sha256_of (path);
  original = g_file_new_for_path (path);

  /* never over the original */
  g_assert_false (warta_rendition_render (rendition, original, original, NULL, NULL, NULL, &error));
  g_assert_error (error, WARTA_MEDIA_ERROR, WARTA_MEDIA_ERROR_FAILED);
  g_clear_error (&error);
  sha_after = sha256_of (path);
  g_assert_cmpstr (sha_after, ==, sha_before);

  /* never decodes a monster */
  write_huge_png (huge);
  huge_file = g_file_new_for_path (huge);
  destination = g_file_new_for_path (out);
  g_assert_false (warta_rendition_render (rendition, huge_file, destination, NULL, NULL, NULL,
                                          &error));
  g_assert_error (error, WARTA_MEDIA_ERROR, WARTA_MEDIA_ERROR_TOO_LARGE);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

static void
render_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GMainLoop *loop = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (warta_rendition_render_finish (WARTA_RENDITION (source), result, &error));
  g_assert_no_error (error);
  g_main_loop_quit (loop);
}

static void
test_rendition_async (void)
{
  g_autofree char *path = tmp_path ("async.jpg");
  g_autofree char *out = tmp_path ("async-x.jpg");
  g_autoptr(GdkPixbuf) pixbuf = make_pixbuf (5000, 1000, PATTERN_HALVES);
  g_autoptr(WartaRendition) rendition = warta_rendition_new (WARTA_RENDITION_TARGET_X);
  g_autoptr(GFile) original = NULL;
  g_autoptr(GFile) destination = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GdkPixbuf) result = NULL;
  g_autoptr(GError) error = NULL;

  write_jpeg (path, pixbuf, 1);
  original = g_file_new_for_path (path);
  destination = g_file_new_for_path (out);
  warta_rendition_render_async (rendition, original, destination, NULL, render_cb, loop);
  /* settings changed after the call do not reach the running render */
  warta_rendition_set_aspect (rendition, 1.0);
  g_main_loop_run (loop);

  result = read_image (out, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (result), ==, 4096);
  g_assert_cmpint (gdk_pixbuf_get_height (result), ==, 819);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  logged = g_ptr_array_new_with_free_func (g_free);
  g_log_set_writer_func (record_writer, NULL, NULL);

  g_test_add_func ("/warta/media/probe-jpeg", test_probe_jpeg);
  g_test_add_func ("/warta/media/probe-png-webp", test_probe_png_webp);
  g_test_add_func ("/warta/media/probe-video", test_probe_video);
  g_test_add_func ("/warta/media/probe-damaged-video", test_probe_damaged_video);
  g_test_add_func ("/warta/media/bad-files", test_bad_files);
  g_test_add_func ("/warta/media/unreadable", test_unreadable);
  g_test_add_func ("/warta/media/batch", test_batch);
  g_test_add_func ("/warta/media/thumbnail-cache", test_thumbnail_cache);
  g_test_add_func ("/warta/media/thumbnail-cancel-and-bad", test_thumbnail_cancel_and_bad);
  g_test_add_func ("/warta/media/thumbnail-video", test_thumbnail_video);
  g_test_add_func ("/warta/media/rendition-strips-and-fits", test_rendition_strips_and_fits);
  g_test_add_func ("/warta/media/rendition-orientation-and-aspect",
                   test_rendition_orientation_and_aspect);
  g_test_add_func ("/warta/media/rendition-crop-origin", test_rendition_crop_origin);
  g_test_add_func ("/warta/media/rendition-blur", test_rendition_blur);
  g_test_add_func ("/warta/media/rendition-compute", test_rendition_compute);
  g_test_add_func ("/warta/media/rendition-refusals", test_rendition_refusals);
  g_test_add_func ("/warta/media/phone-108mp", test_phone_108mp);
  g_test_add_func ("/warta/media/rendition-async", test_rendition_async);

  return g_test_run ();
}
