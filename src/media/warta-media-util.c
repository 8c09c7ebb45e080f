/* warta-media-util.c: the decode pool, GStreamer, EXIF and error helpers
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <gst/gst.h>
#include <gst/app/gstappsink.h>
#include <gst/video/video.h>

#include "warta-media-error.h"
#include "warta-media-private.h"
#include "warta-media-probe.h"

#define DECODE_THREADS 2

typedef struct {
  GTask           *task;
  GTaskThreadFunc  func;
} PoolJob;

static void
pool_job_run (gpointer data,
              gpointer user_data)
{
  PoolJob *job = data;

  if (!g_task_return_error_if_cancelled (job->task))
    job->func (job->task, g_task_get_source_object (job->task), g_task_get_task_data (job->task),
               g_task_get_cancellable (job->task));
  g_object_unref (job->task);
  g_free (job);
}

void
_warta_media_pool_run (GTask           *task,
                       GTaskThreadFunc  func)
{
  static GThreadPool *pool;
  PoolJob *job;

  /* One pool for the process: a resource limit, like GLib's own pool
   * behind g_task_run_in_thread(), not state anyone reaches for. */
  if (g_once_init_enter (&pool))
    {
      GThreadPool *p = g_thread_pool_new (pool_job_run, NULL, DECODE_THREADS, FALSE, NULL);

      g_once_init_leave (&pool, p);
    }

  job = g_new0 (PoolJob, 1);
  job->task = g_object_ref (task);
  job->func = func;
  g_thread_pool_push (pool, job, NULL);
}

gboolean
_warta_media_gst_init (GError **error)
{
  static gsize done;
  static gboolean ok;
  static GError *init_error;

  if (g_once_init_enter (&done))
    {
      ok = gst_init_check (NULL, NULL, &init_error);
      g_once_init_leave (&done, 1);
    }
  if (!ok)
    {
      g_message ("GStreamer did not start: %s", init_error ? init_error->message : "?");
      g_set_error (error, WARTA_MEDIA_ERROR, WARTA_MEDIA_ERROR_UNSUPPORTED,
                   _("Videos cannot be read on this computer: GStreamer did not start. "
                     "Ask the administrator to reinstall GStreamer."));
      return FALSE;
    }
  return TRUE;
}

static guint
read_u16 (const guint8 *p,
          gboolean      le)
{
  return le ? (guint) p[0] | (guint) p[1] << 8 : (guint) p[0] << 8 | (guint) p[1];
}

static guint32
read_u32 (const guint8 *p,
          gboolean      le)
{
  return le ? (guint32) p[0] | (guint32) p[1] << 8 | (guint32) p[2] << 16 | (guint32) p[3] << 24
            : (guint32) p[0] << 24 | (guint32) p[1] << 16 | (guint32) p[2] << 8 | (guint32) p[3];
}

guint
_warta_exif_orientation (const guint8 *tiff,
                         gsize         length)
{
  gboolean le;
  guint32 ifd;
  guint count;

  if (tiff == NULL || length < 8)
    return 1;
  if (tiff[0] == 'I' && tiff[1] == 'I')
    le = TRUE;
  else if (tiff[0] == 'M' && tiff[1] == 'M')
    le = FALSE;
  else
    return 1;
  if (read_u16 (tiff + 2, le) != 42)
    return 1;

  ifd = read_u32 (tiff + 4, le);
  if (ifd > length - 2)
    return 1;
  count = read_u16 (tiff + ifd, le);
  for (guint i = 0; i < count; i++)
    {
      gsize entry = ifd + 2 + (gsize) i * 12;
      guint value;

      if (entry + 12 > length)
        break;
      if (read_u16 (tiff + entry, le) != 0x0112)
        continue;
      /* SHORT, left-justified in the value field */
      value = read_u16 (tiff + entry + 8, le);
      return value >= 1 && value <= 8 ? value : 1;
    }
  return 1;
}

char *
_warta_media_display_name (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);

  if (path != NULL)
    return g_filename_display_basename (path);
  return g_file_get_parse_name (file);
}

void
_warta_media_set_io_error (GError       **error,
                           GFile         *file,
                           const GError  *io_error)
{
  g_autofree char *name = _warta_media_display_name (file);

  if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, io_error->message);
  else if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_set_error (error, WARTA_MEDIA_ERROR, WARTA_MEDIA_ERROR_NOT_FOUND,
                 _("“%s” is no longer there. It may have been moved or deleted; add it again "
                   "from where it is now."), name);
  else if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    g_set_error (error, WARTA_MEDIA_ERROR, WARTA_MEDIA_ERROR_UNREADABLE,
                 _("Warta is not allowed to read “%s”. Copy it to your Pictures or Videos "
                   "folder and add the copy, or ask the folder’s owner for read access."), name);
  else if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    g_set_error (error, WARTA_MEDIA_ERROR, WARTA_MEDIA_ERROR_UNREADABLE,
                 _("“%s” is a folder. Open it and choose the photos and videos inside."), name);
  else
    g_set_error (error, WARTA_MEDIA_ERROR, WARTA_MEDIA_ERROR_UNREADABLE,
                 _("“%s” could not be read (%s). Copy it again and add the copy."), name,
                 io_error->message);
}

static const struct {
  const char     *type;
  WartaMediaKind  kind;
} accepted_types[] = {
  { "image/jpeg", WARTA_MEDIA_KIND_PHOTO },
  { "image/png", WARTA_MEDIA_KIND_PHOTO },
  { "image/webp", WARTA_MEDIA_KIND_PHOTO },
  { "image/heif", WARTA_MEDIA_KIND_PHOTO },
  { "image/heic", WARTA_MEDIA_KIND_PHOTO },
  { "video/mp4", WARTA_MEDIA_KIND_VIDEO },
  { "video/x-m4v", WARTA_MEDIA_KIND_VIDEO },
  { "video/quicktime", WARTA_MEDIA_KIND_VIDEO },
};

static const char *
sniff_magic (const guint8 *head,
             gsize         n)
{
  static const struct {
    const char *brand;
    const char *type;
  } brands[] = {
    { "heic", "image/heif" }, { "heix", "image/heif" }, { "heim", "image/heif" },
    { "heis", "image/heif" }, { "mif1", "image/heif" }, { "msf1", "image/heif" },
    { "qt  ", "video/quicktime" }, { "M4V ", "video/x-m4v" },
    { "isom", "video/mp4" }, { "iso2", "video/mp4" }, { "iso4", "video/mp4" },
    { "iso5", "video/mp4" }, { "iso6", "video/mp4" }, { "mp41", "video/mp4" },
    { "mp42", "video/mp4" }, { "avc1", "video/mp4" }, { "dash", "video/mp4" },
    { "MSNV", "video/mp4" }, { "XAVC", "video/mp4" },
  };

  if (n >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF)
    return "image/jpeg";
  if (n >= 8 && memcmp (head, "\x89PNG\r\n\x1a\n", 8) == 0)
    return "image/png";
  if (n >= 12 && memcmp (head, "RIFF", 4) == 0 && memcmp (head + 8, "WEBP", 4) == 0)
    return "image/webp";
  if (n >= 12 && memcmp (head + 4, "ftyp", 4) == 0)
    for (gsize i = 0; i < G_N_ELEMENTS (brands); i++)
      if (memcmp (head + 8, brands[i].brand, 4) == 0)
        return brands[i].type;
  return NULL;
}

WartaMediaKind
_warta_media_sniff (GFile         *file,
                    char         **content_type,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *type = NULL;
  g_autofree char *name = NULL;
  guint8 head[4096];
  gsize n = 0;
  gboolean uncertain = FALSE;

  stream = g_file_read (file, cancellable, &local_error);
  if (stream == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (stream), head, sizeof head, &n, cancellable,
                                &local_error))
    {
      _warta_media_set_io_error (error, file, local_error);
      return WARTA_MEDIA_KIND_UNKNOWN;
    }

  name = _warta_media_display_name (file);
  if (n == 0)
    {
      g_set_error (error, WARTA_MEDIA_ERROR, WARTA_MEDIA_ERROR_EMPTY,
                   _("“%s” is empty (0 bytes): the copy probably failed. Copy the photo or "
                     "video again from the camera or phone."), name);
      return WARTA_MEDIA_KIND_UNKNOWN;
    }

  /* The accepted formats by their magic numbers first: that works without
   * shared-mime-info's database too (sandboxes, isolated test folders),
   * and tells HEIF from MP4, which older databases confuse. */
  type = g_strdup (sniff_magic (head, n));
  if (type == NULL)
    {
      /* The content only: the name is what lies in a "photo.jpg" that is text. */
      g_autofree char *guess = g_content_type_guess (NULL, head, n, &uncertain);

      type = g_content_type_get_mime_type (guess);
      if (type == NULL)
        type = g_steal_pointer (&guess);
    }

  for (gsize i = 0; i < G_N_ELEMENTS (accepted_types); i++)
    if (g_strcmp0 (type, accepted_types[i].type) == 0)
      {
        if (content_type != NULL)
          *content_type = g_steal_pointer (&type);
        return accepted_types[i].kind;
      }

  {
    g_autofree char *description = g_content_type_get_description (type);

    g_set_error (error, WARTA_MEDIA_ERROR, WARTA_MEDIA_ERROR_UNSUPPORTED,
                 /* Translators: the second %s describes the real content, e.g. "plain text
                  * document"; the third lists formats, e.g. "JPEG, PNG, WebP" */
                 _("“%s” is not a photo or a video, whatever its name says (its content: %s). "
                   "Choose a photo (%s) or a video (MP4)."), name, description,
                 warta_media_get_photo_formats ());
  }
  return WARTA_MEDIA_KIND_UNKNOWN;
}

gboolean
_warta_media_has_pixbuf_loader (const char *mime_type)
{
  g_autoptr(GSList) formats = gdk_pixbuf_get_formats ();

  for (GSList *l = formats; l != NULL; l = l->next)
    {
      g_auto(GStrv) types = gdk_pixbuf_format_get_mime_types (l->data);

      if (types != NULL && g_strv_contains ((const char * const *) types, mime_type))
        return TRUE;
    }
  return FALSE;
}

/**
 * warta_media_is_image_data:
 * @head: a file's first bytes
 * @n: how many
 *
 * Whether @head begins a picture: the formats Warta takes by their magic
 * numbers (as the media it imports are sniffed), any other image type by
 * GIO's content guess.
 *
 * Returns: %TRUE for a picture
 */
gboolean
warta_media_is_image_data (const guint8 *head,
                           gsize         n)
{
  const char *magic = sniff_magic (head, n);
  g_autofree char *guess = NULL;
  g_autofree char *type = NULL;

  if (magic != NULL)
    return g_str_has_prefix (magic, "image/");
  guess = g_content_type_guess (NULL, head, n, NULL);
  type = g_content_type_get_mime_type (guess);
  return type != NULL && g_str_has_prefix (type, "image/");
}

/**
 * warta_media_get_photo_formats:
 *
 * The photo formats Warta opens on this computer, for the texts that name
 * them: HEIC only where a GdkPixbuf loader for it is installed.
 *
 * Returns: "JPEG, PNG, WebP" or "JPEG, PNG, WebP, HEIC"
 */
const char *
warta_media_get_photo_formats (void)
{
  return _warta_media_has_pixbuf_loader ("image/heif") ? "JPEG, PNG, WebP, HEIC"
                                                        : "JPEG, PNG, WebP";
}

char *
_warta_media_sha256_file (GFile         *file,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GError) local_error = NULL;
  g_autofree guint8 *buffer = g_malloc (64 * 1024);

  stream = g_file_read (file, cancellable, &local_error);
  if (stream == NULL)
    {
      _warta_media_set_io_error (error, file, local_error);
      return NULL;
    }
  for (;;)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, 64 * 1024, cancellable,
                                      &local_error);

      if (n < 0)
        {
          _warta_media_set_io_error (error, file, local_error);
          return NULL;
        }
      if (n == 0)
        break;
      g_checksum_update (checksum, buffer, n);
    }
  return g_strdup (g_checksum_get_string (checksum));
}

typedef struct {
  int      want_width;
  int      want_height;
  gboolean preserve_aspect;
  int      width;       /* as the header says */
  int      height;
  gboolean header_only;
  gint64   max_pixels;  /* for the format */
} SizeRequest;

static gint64
max_pixels (const char *mime_type)
{
  return g_strcmp0 (mime_type, "image/jpeg") == 0 ? WARTA_MEDIA_MAX_JPEG_PIXELS
                                                  : WARTA_MEDIA_MAX_PIXELS;
}

gboolean
_warta_media_too_many_pixels (GFile       *file,
                              const char  *mime_type,
                              int          width,
                              int          height,
                              GError     **error)
{
  gint64 max = max_pixels (mime_type);
  g_autofree char *name = NULL;

  if ((gint64) width * height <= max)
    return FALSE;
  name = _warta_media_display_name (file);
  /* Either a real photo from a camera larger than any phone's, or a
   * damaged header: the message does for both. */
  g_set_error (error, WARTA_MEDIA_ERROR, WARTA_MEDIA_ERROR_TOO_LARGE,
               _("“%s” is %d × %d pixels, more than the %d megapixels Warta opens. If the "
                 "photo really is that large, save a smaller copy of it (for example 6000 "
                 "pixels wide) and add that; if not, the file is damaged: copy it again."),
               name, width, height, (int) (max / 1000000));
  return TRUE;
}

static void
size_prepared_cb (GdkPixbufLoader *loader,
                  int              width,
                  int              height,
                  gpointer         user_data)
{
  SizeRequest *request = user_data;
  int w = width, h = height;

  request->width = width;
  request->height = height;
  if (request->header_only || (gint64) width * height > request->max_pixels)
    {
      /* Stops the loader before it allocates anything. */
      gdk_pixbuf_loader_set_size (loader, 0, 0);
      return;
    }
  if (request->want_width <= 0 || request->want_height <= 0)
    return;
  if (request->preserve_aspect)
    {
      /* Only ever smaller: a thumbnail of a small picture is the picture. */
      double scale = MIN ((double) request->want_width / width,
                          (double) request->want_height / height);

      if (scale >= 1.0)
        return;
      w = MAX (1, (int) (width * scale + 0.5));
      h = MAX (1, (int) (height * scale + 0.5));
    }
  else
    {
      w = MIN (width, request->want_width);
      h = MIN (height, request->want_height);
    }
  gdk_pixbuf_loader_set_size (loader, w, h);
}

/* Feeds @file to a loader chosen by @mime_type (not by sniffing, which
 * needs shared-mime-info's database). */
static GdkPixbuf *
load (GFile         *file,
      const char    *mime_type,
      SizeRequest   *request,
      GCancellable  *cancellable,
      GError       **error)
{
  g_autoptr(GdkPixbufLoader) loader = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = _warta_media_display_name (file);
  g_autofree guint8 *buffer = NULL;
  gboolean failed = FALSE;
  GdkPixbuf *pixbuf;

  loader = gdk_pixbuf_loader_new_with_mime_type (mime_type, &local_error);
  if (loader == NULL)
    {
      g_set_error (error, WARTA_MEDIA_ERROR, WARTA_MEDIA_ERROR_UNSUPPORTED,
                   _("“%s” is in a format this computer cannot open (%s). Export it as JPEG "
                     "and add it again."), name, mime_type);
      return NULL;
    }
  request->max_pixels = max_pixels (mime_type);
  g_signal_connect (loader, "size-prepared", G_CALLBACK (size_prepared_cb), request);

  stream = g_file_read (file, cancellable, &local_error);
  if (stream == NULL)
    {
      gdk_pixbuf_loader_close (loader, NULL);
      _warta_media_set_io_error (error, file, local_error);
      return NULL;
    }

  buffer = g_malloc (64 * 1024);
  for (;;)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), buffer,
                                      request->header_only ? 4096 : 64 * 1024, cancellable,
                                      &local_error);

      if (n < 0)
        {
          gdk_pixbuf_loader_close (loader, NULL);
          _warta_media_set_io_error (error, file, local_error);
          return NULL;
        }
      if (n == 0)
        break;
      if (!gdk_pixbuf_loader_write (loader, buffer, n, &local_error))
        {
          failed = TRUE;
          break;
        }
      if (request->width > 0 && (request->header_only ||
                                 (gint64) request->width * request->height >
                                 request->max_pixels))
        break;
    }
  if (!gdk_pixbuf_loader_close (loader, failed ? NULL : &local_error))
    failed = TRUE;

  if (request->width > 0 &&
      _warta_media_too_many_pixels (file, mime_type, request->width, request->height, error))
    return NULL;
  if (request->header_only)
    {
      if (request->width > 0)
        return NULL;
      failed = TRUE;
    }

  pixbuf = failed ? NULL : gdk_pixbuf_loader_get_pixbuf (loader);
  if (pixbuf == NULL)
    {
      g_set_error (error, WARTA_MEDIA_ERROR, WARTA_MEDIA_ERROR_CORRUPT,
                   _("“%s” is damaged and cannot be opened (%s). Copy it again from the "
                     "camera or phone."),
                   name, local_error ? local_error->message : _("no picture in it"));
      return NULL;
    }
  return g_object_ref (pixbuf);
}

gboolean
_warta_media_check_image_header (GFile         *file,
                                 const char    *mime_type,
                                 int           *width,
                                 int           *height,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  g_autofree char *sniffed = NULL;
  g_autoptr(GError) local_error = NULL;
  SizeRequest request = { 0 };

  if (mime_type == NULL)
    {
      WartaMediaKind kind = _warta_media_sniff (file, &sniffed, cancellable, &local_error);

      if (kind == WARTA_MEDIA_KIND_UNKNOWN)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      mime_type = sniffed;
    }

  /* The loader stops at "size-prepared": nothing is decoded. */
  request.header_only = TRUE;
  load (file, mime_type, &request, cancellable, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (width != NULL)
    *width = request.width;
  if (height != NULL)
    *height = request.height;
  return TRUE;
}

GdkPixbuf *
_warta_media_decode (GFile         *file,
                     const char    *mime_type,
                     int            width,
                     int            height,
                     gboolean       preserve_aspect,
                     GCancellable  *cancellable,
                     GError       **error)
{
  SizeRequest request = { width, height, preserve_aspect, 0, 0, FALSE };

  return load (file, mime_type, &request, cancellable, error);
}

/* GStreamer's own (English) words on why @pipeline stopped: for the log. */
static char *
bus_error_message (GstElement *pipeline)
{
  g_autoptr(GstBus) bus = gst_element_get_bus (pipeline);
  g_autoptr(GstMessage) message = gst_bus_pop_filtered (bus, GST_MESSAGE_ERROR);
  g_autoptr(GError) gst_error = NULL;

  if (message == NULL)
    return g_strdup ("no picture could be decoded");
  gst_message_parse_error (message, &gst_error, NULL);
  return g_strdup (gst_error->message);
}

GdkPixbuf *
_warta_video_frame (GFile         *file,
                    gint64         position_ns,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(GstElement) pipeline = NULL;
  g_autoptr(GstElement) sink = NULL;
  g_autoptr(GstSample) sample = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *name = _warta_media_display_name (file);
  g_autofree char *description = NULL;
  g_autofree char *reason = NULL;
  GstVideoInfo video_info;
  GstBuffer *buffer;
  GstMapInfo map;
  GdkPixbuf *pixbuf = NULL;
  gint64 duration = 0;

  if (!_warta_media_gst_init (error))
    return NULL;

  description = g_strdup_printf ("uridecodebin uri=\"%s\" ! videoconvert ! videoscale ! "
                                 "video/x-raw,format=RGB,pixel-aspect-ratio=1/1 ! "
                                 "appsink name=sink sync=false max-buffers=1", uri);
  pipeline = gst_parse_launch (description, &parse_error);
  if (pipeline == NULL)
    {
      g_message ("GStreamer cannot take a picture from %s: %s", uri, parse_error->message);
      g_set_error (error, WARTA_MEDIA_ERROR, WARTA_MEDIA_ERROR_UNSUPPORTED,
                   _("A picture from the video “%s” cannot be taken on this computer. Ask the "
                     "administrator to install the GStreamer plugins."), name);
      return NULL;
    }
  gst_object_ref_sink (pipeline);
  sink = gst_bin_get_by_name (GST_BIN (pipeline), "sink");

  if (gst_element_set_state (pipeline, GST_STATE_PAUSED) == GST_STATE_CHANGE_FAILURE ||
      gst_element_get_state (pipeline, NULL, NULL, 20 * GST_SECOND) != GST_STATE_CHANGE_SUCCESS)
    goto failed;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto out;

  /* A second in is past the black first frame of most phone videos. */
  if (gst_element_query_duration (pipeline, GST_FORMAT_TIME, &duration) && duration > 0)
    position_ns = MIN (position_ns, duration / 2);
  if (position_ns > 0)
    {
      if (!gst_element_seek_simple (pipeline, GST_FORMAT_TIME,
                                    GST_SEEK_FLAG_FLUSH | GST_SEEK_FLAG_KEY_UNIT, position_ns) ||
          gst_element_get_state (pipeline, NULL, NULL, 20 * GST_SECOND) != GST_STATE_CHANGE_SUCCESS)
        goto failed;
    }

  sample = gst_app_sink_try_pull_preroll (GST_APP_SINK (sink), 10 * GST_SECOND);
  if (sample == NULL || !gst_video_info_from_caps (&video_info, gst_sample_get_caps (sample)))
    goto failed;

  buffer = gst_sample_get_buffer (sample);
  if (buffer == NULL || !gst_buffer_map (buffer, &map, GST_MAP_READ))
    goto failed;

  pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, GST_VIDEO_INFO_WIDTH (&video_info),
                           GST_VIDEO_INFO_HEIGHT (&video_info));
  if (pixbuf != NULL)
    {
      guint8 *pixels = gdk_pixbuf_get_pixels (pixbuf);
      int rowstride = gdk_pixbuf_get_rowstride (pixbuf);
      int stride = GST_VIDEO_INFO_PLANE_STRIDE (&video_info, 0);
      gsize row = (gsize) GST_VIDEO_INFO_WIDTH (&video_info) * 3;

      for (int y = 0; y < GST_VIDEO_INFO_HEIGHT (&video_info); y++)
        if ((gsize) y * stride + row <= map.size)
          memcpy (pixels + (gsize) y * rowstride, map.data + (gsize) y * stride, row);
    }
  gst_buffer_unmap (buffer, &map);
  goto out;

failed:
  reason = bus_error_message (pipeline);
  g_message ("GStreamer took no picture from %s: %s", uri, reason);
  g_set_error (error, WARTA_MEDIA_ERROR, WARTA_MEDIA_ERROR_CORRUPT,
               _("No picture could be taken from the video “%s”. Check that it plays, "
                 "or copy it again from the camera or phone."), name);

out:
  gst_element_set_state (pipeline, GST_STATE_NULL);
  return pixbuf;
}
