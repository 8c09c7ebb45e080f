/* warta-media-probe.c: what a photo or video file really is
 *
 * The type comes from the content (g_content_type_guess() on the first
 * bytes), never from the name. One streamed pass over the file computes the
 * SHA-256 and walks the JPEG markers or PNG chunks, so that a file cut off
 * while copying (no EOI / IEND) is caught without decoding it, and a header
 * that claims too many pixels is refused as soon as it is read.
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <gst/gst.h>
#include <gst/pbutils/pbutils.h>

#include "warta-media-probe.h"
#include "warta-media-private.h"

struct _WartaMediaProbe
{
  GObject parent_instance;
};

G_DEFINE_FINAL_TYPE (WartaMediaProbe, warta_media_probe, G_TYPE_OBJECT)

/* ------------------------------------------------------------------ */
/* The structure walk                                                 */

typedef enum {
  SCAN_OTHER,
  SCAN_JPEG,
  SCAN_PNG,
  SCAN_WEBP,
} ScanType;

typedef enum {
  J_SOI0, J_SOI1, J_MARK, J_CODE, J_LEN0, J_LEN1, J_SEG, J_ENTROPY, J_ENTROPY_FF, J_DONE,
} JpegState;

typedef enum {
  P_SIG, P_HEAD, P_DATA, P_CRC, P_DONE,
} PngState;

typedef struct {
  ScanType    type;
  int         state;
  guint64     offset;
  guint       marker;
  guint32     length;
  guint32     remaining;
  guint8      head[12];
  guint       head_len;
  GByteArray *collect;
  gboolean    collecting;
  int         width;
  int         height;
  guint       orientation;
  gboolean    complete;
  gboolean    bad;
} Scan;

static gboolean
is_sof (guint marker)
{
  return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
}

static guint32
be32 (const guint8 *p)
{
  return (guint32) p[0] << 24 | (guint32) p[1] << 16 | (guint32) p[2] << 8 | p[3];
}

static void
jpeg_segment_done (Scan *scan)
{
  const guint8 *d = scan->collect->data;
  guint len = scan->collect->len;

  if (scan->collecting && is_sof (scan->marker) && len >= 5 && scan->width == 0)
    {
      scan->height = d[1] << 8 | d[2];
      scan->width = d[3] << 8 | d[4];
    }
  else if (scan->collecting && scan->marker == 0xE1 && len > 6 && memcmp (d, "Exif\0\0", 6) == 0)
    scan->orientation = _warta_exif_orientation (d + 6, len - 6);

  g_byte_array_set_size (scan->collect, 0);
  scan->collecting = FALSE;
  scan->state = scan->marker == 0xDA ? J_ENTROPY : J_MARK;
}

static void
jpeg_feed (Scan         *scan,
           const guint8 *data,
           gsize         n)
{
  gsize i = 0;

  while (i < n && !scan->bad && scan->state != J_DONE)
    {
      guint8 b = data[i];

      switch ((JpegState) scan->state)
        {
        case J_SOI0:
          scan->bad = b != 0xFF;
          scan->state = J_SOI1;
          i++;
          break;
        case J_SOI1:
          scan->bad = b != 0xD8;
          scan->state = J_MARK;
          i++;
          break;
        case J_MARK:
          scan->bad = b != 0xFF;
          scan->state = J_CODE;
          i++;
          break;
        case J_CODE:
        case J_ENTROPY_FF:
          i++;
          if (b == 0xFF)
            break;      /* fill byte */
          if (scan->state == J_ENTROPY_FF && (b == 0x00 || (b >= 0xD0 && b <= 0xD7)))
            scan->state = J_ENTROPY;
          else if (b == 0xD9)
            {
              scan->complete = TRUE;
              scan->state = J_DONE;
            }
          else if (b == 0x01 || (b >= 0xD0 && b <= 0xD8))
            scan->state = J_MARK;
          else
            {
              scan->marker = b;
              scan->state = J_LEN0;
            }
          break;
        case J_LEN0:
          scan->length = (guint32) b << 8;
          scan->state = J_LEN1;
          i++;
          break;
        case J_LEN1:
          scan->length |= b;
          i++;
          if (scan->length < 2)
            {
              scan->bad = TRUE;
              break;
            }
          scan->remaining = scan->length - 2;
          scan->collecting = is_sof (scan->marker) ||
                             (scan->marker == 0xE1 && scan->orientation == 0);
          if (scan->remaining == 0)
            jpeg_segment_done (scan);
          else
            scan->state = J_SEG;
          break;
        case J_SEG:
          {
            gsize k = MIN ((gsize) scan->remaining, n - i);

            if (scan->collecting)
              g_byte_array_append (scan->collect, data + i, k);
            scan->remaining -= k;
            i += k;
            if (scan->remaining == 0)
              jpeg_segment_done (scan);
          }
          break;
        case J_ENTROPY:
          {
            const guint8 *ff = memchr (data + i, 0xFF, n - i);

            if (ff == NULL)
              i = n;
            else
              {
                i = ff - data + 1;
                scan->state = J_ENTROPY_FF;
              }
          }
          break;
        case J_DONE:
        default:
          i = n;
          break;
        }
    }
}

static void
png_feed (Scan         *scan,
          const guint8 *data,
          gsize         n)
{
  static const guint8 signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };
  gsize i = 0;

  while (i < n && !scan->bad && scan->state != P_DONE)
    {
      switch ((PngState) scan->state)
        {
        case P_SIG:
          scan->bad = data[i] != signature[scan->head_len];
          if (++scan->head_len == 8)
            {
              scan->head_len = 0;
              scan->state = P_HEAD;
            }
          i++;
          break;
        case P_HEAD:
          scan->head[scan->head_len++] = data[i++];
          if (scan->head_len == 8)
            {
              scan->head_len = 0;
              scan->length = scan->remaining = be32 (scan->head);
              scan->marker = be32 (scan->head + 4);
              if (scan->length > G_MAXINT32)
                scan->bad = TRUE;
              else if (memcmp (scan->head + 4, "IEND", 4) == 0)
                {
                  scan->complete = TRUE;
                  scan->state = P_DONE;
                }
              else
                {
                  scan->collecting = memcmp (scan->head + 4, "IHDR", 4) == 0 ||
                                     (memcmp (scan->head + 4, "eXIf", 4) == 0 &&
                                      scan->length <= 65536);
                  memcpy (scan->head + 8, scan->head + 4, 4);   /* keep the type */
                  scan->state = scan->remaining > 0 ? P_DATA : P_CRC;
                }
            }
          break;
        case P_DATA:
          {
            gsize k = MIN ((gsize) scan->remaining, n - i);

            if (scan->collecting)
              g_byte_array_append (scan->collect, data + i, k);
            scan->remaining -= k;
            i += k;
            if (scan->remaining == 0)
              scan->state = P_CRC;
          }
          break;
        case P_CRC:
          if (scan->collecting)
            {
              const guint8 *d = scan->collect->data;

              if (memcmp (scan->head + 8, "IHDR", 4) == 0 && scan->collect->len >= 8)
                {
                  guint32 w = be32 (d), h = be32 (d + 4);

                  scan->width = (int) MIN (w, (guint32) G_MAXINT);
                  scan->height = (int) MIN (h, (guint32) G_MAXINT);
                }
              else if (memcmp (scan->head + 8, "eXIf", 4) == 0)
                scan->orientation = _warta_exif_orientation (d, scan->collect->len);
              g_byte_array_set_size (scan->collect, 0);
              scan->collecting = FALSE;
            }
          /* the 4 CRC bytes: decoders check them */
          {
            gsize k = MIN ((gsize) 4 - scan->head_len, n - i);

            scan->head_len += k;
            i += k;
            if (scan->head_len == 4)
              {
                scan->head_len = 0;
                scan->state = P_HEAD;
              }
          }
          break;
        case P_DONE:
        default:
          i = n;
          break;
        }
    }
}

static void
scan_feed (Scan         *scan,
           const guint8 *data,
           gsize         n)
{
  switch (scan->type)
    {
    case SCAN_JPEG:
      jpeg_feed (scan, data, n);
      break;
    case SCAN_PNG:
      png_feed (scan, data, n);
      break;
    case SCAN_WEBP:
      /* RIFF size + 8 is the whole file */
      for (gsize i = 0; i < n && scan->offset + i < 8; i++)
        scan->head[scan->offset + i] = data[i];
      break;
    case SCAN_OTHER:
    default:
      break;
    }
  scan->offset += n;
}

static void
scan_finish (Scan *scan)
{
  if (scan->type == SCAN_WEBP)
    {
      guint32 riff = (guint32) scan->head[4] | (guint32) scan->head[5] << 8 |
                     (guint32) scan->head[6] << 16 | (guint32) scan->head[7] << 24;

      scan->complete = scan->offset >= (guint64) riff + 8;
    }
  else if (scan->type == SCAN_OTHER)
    scan->complete = TRUE;
}

/* ------------------------------------------------------------------ */
/* Probing                                                            */

static gboolean
probe_video (GFile   *file,
             int     *width,
             int     *height,
             guint   *orientation,
             gint64  *duration_us,
             GError **error)
{
  g_autoptr(GstDiscoverer) discoverer = NULL;
  g_autoptr(GstDiscovererInfo) info = NULL;
  g_autoptr(GError) gst_error = NULL;
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *name = _warta_media_display_name (file);
  GList *streams;
  GstDiscovererVideoInfo *video;
  const GstTagList *tags;
  g_autofree char *rotation = NULL;

  if (!_warta_media_gst_init (error))
    return FALSE;

  discoverer = gst_discoverer_new (20 * GST_SECOND, &gst_error);
  if (discoverer == NULL)
    {
      /* GStreamer's own words are English and for the administrator:
       * the log has them, the user is told what to do. */
      g_message ("GStreamer cannot read videos (%s): %s", name, gst_error->message);
      g_set_error (error, WARTA_MEDIA_ERROR, WARTA_MEDIA_ERROR_UNSUPPORTED,
                   _("Videos cannot be read on this computer. Ask the administrator to "
                     "install the GStreamer plugins."));
      return FALSE;
    }

  info = gst_discoverer_discover_uri (discoverer, uri, &gst_error);
  if (info == NULL || gst_discoverer_info_get_result (info) != GST_DISCOVERER_OK)
    {
      GstDiscovererResult result = info ? gst_discoverer_info_get_result (info)
                                        : GST_DISCOVERER_ERROR;

      if (result == GST_DISCOVERER_MISSING_PLUGINS)
        g_set_error (error, WARTA_MEDIA_ERROR, WARTA_MEDIA_ERROR_UNSUPPORTED,
                     _("This computer has no decoder for the video “%s”. Ask the administrator "
                       "to install the GStreamer plugins (libav), or convert the video to H.264 "
                       "MP4."), name);
      else
        {
          g_message ("GStreamer cannot read the video %s: %s", uri,
                     gst_error ? gst_error->message : "no error given");
          g_set_error (error, WARTA_MEDIA_ERROR, WARTA_MEDIA_ERROR_CORRUPT,
                       _("The video “%s” is damaged or incomplete. Check that it plays, or "
                         "copy it again from the camera or phone."), name);
        }
      return FALSE;
    }

  streams = gst_discoverer_info_get_video_streams (info);
  if (streams == NULL)
    {
      g_set_error (error, WARTA_MEDIA_ERROR, WARTA_MEDIA_ERROR_UNSUPPORTED,
                   _("“%s” has sound but no picture. Choose a video with a picture."), name);
      return FALSE;
    }
  video = streams->data;
  *width = (int) gst_discoverer_video_info_get_width (video);
  *height = (int) gst_discoverer_video_info_get_height (video);
  *duration_us = (gint64) (gst_discoverer_info_get_duration (info) / GST_USECOND);

  /* Phones store the turn of a portrait video as a tag. */
  *orientation = 1;
  tags = gst_discoverer_stream_info_get_tags (GST_DISCOVERER_STREAM_INFO (video));
  if (tags != NULL && gst_tag_list_get_string (tags, GST_TAG_IMAGE_ORIENTATION, &rotation))
    {
      if (g_strcmp0 (rotation, "rotate-90") == 0)
        *orientation = 6;
      else if (g_strcmp0 (rotation, "rotate-180") == 0)
        *orientation = 3;
      else if (g_strcmp0 (rotation, "rotate-270") == 0)
        *orientation = 8;
    }
  gst_discoverer_stream_info_list_free (streams);
  return TRUE;
}

/* Opening first, not a stat(): it is what tells a locked file, or a
 * folder put where the file was, where a stat() may still succeed. */
static GFileInputStream *
open_with_size_gio (GFile         *file,
                    guint64       *size,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) file_info = NULL;

  stream = g_file_read (file, cancellable, error);
  if (stream != NULL)
    file_info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                cancellable, error);
  if (file_info == NULL)
    return NULL;
  *size = g_file_info_get_size (file_info);
  return g_steal_pointer (&stream);
}

/* The same, GIO's error told as the editor tells it. */
static GFileInputStream *
open_with_size (GFile         *file,
                guint64       *size,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  GFileInputStream *stream = open_with_size_gio (file, size, cancellable, &local_error);

  if (stream == NULL)
    _warta_media_set_io_error (error, file, local_error);
  return stream;
}

WartaMediaInfo *
warta_media_probe_file (WartaMediaProbe  *self,
                        GFile            *file,
                        GCancellable     *cancellable,
                        GError          **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GChecksum) checksum = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *content_type = NULL;
  g_autofree char *name = NULL;
  g_autofree guint8 *buffer = NULL;
  g_autoptr(GByteArray) collect = NULL;
  WartaMediaKind kind;
  Scan scan = { 0 };
  guint64 size;
  int width = 0, height = 0;
  guint orientation = 1;
  gint64 duration_us = 0;

  g_return_val_if_fail (WARTA_IS_MEDIA_PROBE (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = _warta_media_display_name (file);
  /* Activities are kept as text (the draft as JSON, the archive's
   * manifests): a name in an old encoding, from an archive made on
   * another computer, would make the whole draft unreadable. */
  {
    g_autofree char *path = g_file_get_path (file);

    if (path != NULL && !g_utf8_validate (path, -1, NULL))
      {
        g_set_error (error, WARTA_MEDIA_ERROR, WARTA_MEDIA_ERROR_UNSUPPORTED,
                     _("The name of “%s”, or of a folder it is in, has letters in an old "
                       "encoding that Warta cannot keep. Rename it (for example to "
                       "foto-1.jpg) and add it again."), name);
        return NULL;
      }
  }
  stream = open_with_size (file, &size, cancellable, error);
  if (stream == NULL)
    return NULL;
  if (size == 0)
    {
      g_set_error (error, WARTA_MEDIA_ERROR, WARTA_MEDIA_ERROR_EMPTY,
                   _("“%s” is empty (0 bytes): the copy probably failed. Copy the photo or "
                     "video again from the camera or phone."), name);
      return NULL;
    }

  kind = _warta_media_sniff (file, &content_type, cancellable, error);
  if (kind == WARTA_MEDIA_KIND_UNKNOWN)
    return NULL;

  if (g_str_equal (content_type, "image/jpeg"))
    scan.type = SCAN_JPEG;
  else if (g_str_equal (content_type, "image/png"))
    scan.type = SCAN_PNG;
  else if (g_str_equal (content_type, "image/webp"))
    scan.type = SCAN_WEBP;
  else
    scan.type = SCAN_OTHER;
  collect = g_byte_array_new ();
  scan.collect = collect;

  if (kind == WARTA_MEDIA_KIND_PHOTO && scan.type == SCAN_OTHER &&
      !_warta_media_has_pixbuf_loader (content_type))
    {
      g_set_error (error, WARTA_MEDIA_ERROR, WARTA_MEDIA_ERROR_UNSUPPORTED,
                   _("“%s” is a HEIC photo, which this computer cannot open. Export it as JPEG "
                     "on the phone, or ask the administrator to install HEIC support."), name);
      return NULL;
    }

  /* One pass over the stream opened above: the hash, and the structure walk. */
  checksum = g_checksum_new (G_CHECKSUM_SHA256);
  buffer = g_malloc (64 * 1024);
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
      scan_feed (&scan, buffer, n);
      /* Refuse a monster as soon as its header is read. */
      if (scan.width > 0 &&
          _warta_media_too_many_pixels (file, content_type, scan.width, scan.height, error))
        return NULL;
    }
  scan_finish (&scan);

  if (scan.bad)
    {
      g_set_error (error, WARTA_MEDIA_ERROR, WARTA_MEDIA_ERROR_CORRUPT,
                   _("“%s” is damaged: its structure is broken. Copy it again from the camera "
                     "or phone, or from the original sender."), name);
      return NULL;
    }
  if (!scan.complete)
    {
      g_set_error (error, WARTA_MEDIA_ERROR, WARTA_MEDIA_ERROR_CORRUPT,
                   _("“%s” ends too early: the file was cut off, probably while copying. Copy "
                     "it again from the camera or phone."), name);
      return NULL;
    }

  if (kind == WARTA_MEDIA_KIND_PHOTO)
    {
      /* A loader must agree that it can read it, and say the size for the
       * formats walked above only roughly. */
      if (!_warta_media_check_image_header (file, content_type, &width, &height, cancellable,
                                            error))
        return NULL;
      if (scan.type == SCAN_JPEG || scan.type == SCAN_PNG)
        {
          if (scan.width != width || scan.height != height)
            {
              g_set_error (error, WARTA_MEDIA_ERROR, WARTA_MEDIA_ERROR_CORRUPT,
                           _("“%s” is damaged: its header contradicts itself. Copy it again "
                             "from the camera or phone."), name);
              return NULL;
            }
          orientation = scan.orientation > 0 ? scan.orientation : 1;
        }
    }
  else if (!probe_video (file, &width, &height, &orientation, &duration_us, error))
    return NULL;

  return _warta_media_info_new (file, kind, content_type, width, height, orientation,
                                g_checksum_get_string (checksum), size, duration_us);
}

void
warta_media_run_in_pool (GTask           *task,
                         GTaskThreadFunc  func)
{
  g_return_if_fail (G_IS_TASK (task));
  g_return_if_fail (func != NULL);

  _warta_media_pool_run (task, func);
}

/* @file's name and the folder it was in, for a message that says where
 * to put it back. */
static void
name_and_folder (GFile  *file,
                 char  **name,
                 char  **folder)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *path = parent ? g_file_get_path (parent) : NULL;

  *name = _warta_media_display_name (file);
  *folder = path ? g_filename_display_name (path)
                 : parent ? g_file_get_parse_name (parent) : g_strdup ("/");
}

gboolean
warta_media_probe_check_approved (GFile         *file,
                                  guint64        size,
                                  GCancellable  *cancellable,
                                  GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *folder = NULL;
  guint64 now_size = 0;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  /* As warta_media_probe_check_present(): opened, not only a stat(). */
  stream = open_with_size_gio (file, &now_size, cancellable, &local_error);
  if (stream != NULL && (size == 0 || now_size == size))
    return TRUE;

  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  name_and_folder (file, &name, &folder);
  if (local_error == NULL)
    g_set_error (error, WARTA_MEDIA_ERROR, WARTA_MEDIA_ERROR_CHANGED,
                 /* Translators: the first %s is a file name, the second a folder */
                 _("“%s” in the folder “%s” was changed or replaced after the content was "
                   "approved. Put the approved file back there under the same name."),
                 name, folder);
  else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_set_error (error, WARTA_MEDIA_ERROR, WARTA_MEDIA_ERROR_NOT_FOUND,
                 /* Translators: the first %s is a file name, the second a folder */
                 _("“%s” is no longer in the folder “%s”. Put it back there under the same "
                   "name: the approved content cannot change now."),
                 name, folder);
  else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    g_set_error (error, WARTA_MEDIA_ERROR, WARTA_MEDIA_ERROR_UNREADABLE,
                 /* Translators: the first %s is a file name, the second a folder */
                 _("“%s” in the folder “%s” is now a folder, not the approved photo or video. "
                   "Put the approved file back there under that name."),
                 name, folder);
  else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    g_set_error (error, WARTA_MEDIA_ERROR, WARTA_MEDIA_ERROR_UNREADABLE,
                 /* Translators: the first %s is a file name, the second a folder */
                 _("Warta is not allowed to read “%s” in the folder “%s”. Ask the folder’s "
                   "owner for read access, or put a readable copy back there under the same "
                   "name."),
                 name, folder);
  else
    {
      g_message ("%s cannot be read: %s", g_file_peek_path (file), local_error->message);
      g_set_error (error, WARTA_MEDIA_ERROR, WARTA_MEDIA_ERROR_UNREADABLE,
                   /* Translators: the first %s is a file name, the second a folder */
                   _("“%s” in the folder “%s” cannot be read. Put a good copy of the approved "
                     "file back there under the same name."),
                   name, folder);
    }
  return FALSE;
}

gboolean
warta_media_probe_check_present (WartaMediaProbe  *self,
                                 GFile            *file,
                                 guint64           size,
                                 GCancellable     *cancellable,
                                 GError          **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autofree char *name = NULL;
  guint64 now_size;

  g_return_val_if_fail (WARTA_IS_MEDIA_PROBE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  stream = open_with_size (file, &now_size, cancellable, error);
  if (stream == NULL)
    return FALSE;
  if (size > 0 && now_size != size)
    {
      name = _warta_media_display_name (file);
      g_set_error (error, WARTA_MEDIA_ERROR, WARTA_MEDIA_ERROR_CHANGED,
                   _("“%s” was changed or replaced after it was added: it is not the file "
                     "that was checked. Put the original back, or remove it and add the new "
                     "one."), name);
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Async                                                              */

static void
probe_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GError *error = NULL;
  WartaMediaInfo *info;

  info = warta_media_probe_file (source_object, task_data, cancellable, &error);
  if (info == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, info, g_object_unref);
}

void
warta_media_probe_file_async (WartaMediaProbe     *self,
                              GFile               *file,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (WARTA_IS_MEDIA_PROBE (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, warta_media_probe_file_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  _warta_media_pool_run (task, probe_thread);
}

WartaMediaInfo *
warta_media_probe_file_finish (WartaMediaProbe  *self,
                               GAsyncResult     *result,
                               GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

typedef struct {
  guint                      n_pending;
  guint                      n_accepted;
  guint                      n_refused;
  WartaMediaProbeResultFunc  result_func;
  gpointer                   result_data;
} Batch;

static void
batch_item_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) batch_task = user_data;
  Batch *batch = g_task_get_task_data (batch_task);
  WartaMediaProbe *self = WARTA_MEDIA_PROBE (source);
  GFile *file = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(WartaMediaInfo) info = NULL;

  info = warta_media_probe_file_finish (self, result, &error);
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      if (info != NULL)
        batch->n_accepted++;
      else
        batch->n_refused++;
      if (batch->result_func != NULL)
        batch->result_func (self, file, info, error, batch->result_data);
    }

  if (--batch->n_pending == 0)
    {
      if (!g_task_return_error_if_cancelled (batch_task))
        g_task_return_boolean (batch_task, TRUE);
    }
}

void
warta_media_probe_batch_async (WartaMediaProbe           *self,
                               GFile              *const *files,
                               guint                      n_files,
                               GCancellable              *cancellable,
                               WartaMediaProbeResultFunc  result_func,
                               gpointer                   result_data,
                               GAsyncReadyCallback        callback,
                               gpointer                   user_data)
{
  g_autoptr(GTask) task = NULL;
  Batch *batch;

  g_return_if_fail (WARTA_IS_MEDIA_PROBE (self));
  g_return_if_fail (files != NULL || n_files == 0);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, warta_media_probe_batch_async);
  batch = g_new0 (Batch, 1);
  batch->n_pending = n_files;
  batch->result_func = result_func;
  batch->result_data = result_data;
  g_task_set_task_data (task, batch, g_free);

  if (n_files == 0)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  for (guint i = 0; i < n_files; i++)
    warta_media_probe_file_async (self, files[i], cancellable, batch_item_cb,
                                  g_object_ref (task));
}

gboolean
warta_media_probe_batch_finish (WartaMediaProbe  *self,
                                GAsyncResult     *result,
                                guint            *n_accepted,
                                guint            *n_refused,
                                GError          **error)
{
  Batch *batch;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  batch = g_task_get_task_data (G_TASK (result));
  if (n_accepted != NULL)
    *n_accepted = batch->n_accepted;
  if (n_refused != NULL)
    *n_refused = batch->n_refused;
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ------------------------------------------------------------------ */

static void
warta_media_probe_class_init (WartaMediaProbeClass *klass)
{
}

static void
warta_media_probe_init (WartaMediaProbe *self)
{
}

WartaMediaProbe *
warta_media_probe_new (void)
{
  return g_object_new (WARTA_TYPE_MEDIA_PROBE, NULL);
}
