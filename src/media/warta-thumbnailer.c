/* warta-thumbnailer.c: small pictures of photos and videos, cached on disk
 *
 * A photo is decoded at the thumbnail's size: gdk_pixbuf_new_from_file_at_scale()
 * lets libjpeg decode at 1/2, 1/4 or 1/8 scale, about ten times faster and
 * smaller than decoding 24 megapixels and scaling (performance-notes.md).
 * The header is checked first, so a file that claims 50,000 x 50,000 pixels
 * is never decoded. A video's thumbnail is a frame about one second in.
 * Thumbnails are PNG files named by the content's SHA-256, so a renamed or
 * moved file still hits the cache, and an edited one does not.
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "warta-thumbnailer.h"
#include "warta-media-private.h"

#define VIDEO_FRAME_POSITION_NS (G_GINT64_CONSTANT (1000000000))

struct _WartaThumbnailer
{
  GObject  parent_instance;

  char    *cache_dir;
  guint    n_decodes;   /* atomic */
};

G_DEFINE_FINAL_TYPE (WartaThumbnailer, warta_thumbnailer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CACHE_DIR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
warta_thumbnailer_finalize (GObject *object)
{
  WartaThumbnailer *self = (WartaThumbnailer *) object;

  g_clear_pointer (&self->cache_dir, g_free);

  G_OBJECT_CLASS (warta_thumbnailer_parent_class)->finalize (object);
}

static void
warta_thumbnailer_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  WartaThumbnailer *self = WARTA_THUMBNAILER (object);

  switch (prop_id)
    {
    case PROP_CACHE_DIR:
      g_value_set_string (value, self->cache_dir);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
warta_thumbnailer_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  WartaThumbnailer *self = WARTA_THUMBNAILER (object);

  switch (prop_id)
    {
    case PROP_CACHE_DIR:
      g_free (self->cache_dir);
      self->cache_dir = g_value_dup_string (value);
      if (self->cache_dir == NULL)
        self->cache_dir = g_build_filename (g_get_user_cache_dir (), "warta", "thumbnails", NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
warta_thumbnailer_class_init (WartaThumbnailerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = warta_thumbnailer_finalize;
  object_class->get_property = warta_thumbnailer_get_property;
  object_class->set_property = warta_thumbnailer_set_property;

  properties[PROP_CACHE_DIR] =
    g_param_spec_string ("cache-dir", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
warta_thumbnailer_init (WartaThumbnailer *self)
{
}

WartaThumbnailer *
warta_thumbnailer_new (const char *cache_dir)
{
  return g_object_new (WARTA_TYPE_THUMBNAILER, "cache-dir", cache_dir, NULL);
}

const char *
warta_thumbnailer_get_cache_dir (WartaThumbnailer *self)
{
  g_return_val_if_fail (WARTA_IS_THUMBNAILER (self), NULL);

  return self->cache_dir;
}

char *
warta_thumbnailer_get_cache_path (WartaThumbnailer *self,
                                  const char       *sha256,
                                  int               size)
{
  g_autofree char *size_dir = NULL;
  g_autofree char *file_name = NULL;

  g_return_val_if_fail (WARTA_IS_THUMBNAILER (self), NULL);
  g_return_val_if_fail (sha256 != NULL, NULL);

  size_dir = g_strdup_printf ("%d", size);
  file_name = g_strconcat (sha256, ".png", NULL);
  return g_build_filename (self->cache_dir, size_dir, file_name, NULL);
}

guint
warta_thumbnailer_get_n_decodes (WartaThumbnailer *self)
{
  g_return_val_if_fail (WARTA_IS_THUMBNAILER (self), 0);

  return (guint) g_atomic_int_get (&self->n_decodes);
}

static GdkPixbuf *
fit (GdkPixbuf *pixbuf,
     int        size)
{
  int w = gdk_pixbuf_get_width (pixbuf);
  int h = gdk_pixbuf_get_height (pixbuf);
  double scale;

  if (w <= size && h <= size)
    return g_object_ref (pixbuf);
  scale = MIN ((double) size / w, (double) size / h);
  return gdk_pixbuf_scale_simple (pixbuf, MAX (1, (int) (w * scale + 0.5)),
                                  MAX (1, (int) (h * scale + 0.5)), GDK_INTERP_BILINEAR);
}

GdkPixbuf *
warta_thumbnailer_generate (WartaThumbnailer  *self,
                            GFile             *file,
                            int                size,
                            GCancellable      *cancellable,
                            GError           **error)
{
  g_autoptr(GdkPixbuf) decoded = NULL;
  g_autofree char *content_type = NULL;
  WartaMediaKind kind;

  g_return_val_if_fail (WARTA_IS_THUMBNAILER (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (size > 0, NULL);

  kind = _warta_media_sniff (file, &content_type, cancellable, error);
  if (kind == WARTA_MEDIA_KIND_UNKNOWN)
    return NULL;

  if (kind == WARTA_MEDIA_KIND_VIDEO)
    {
      g_autoptr(GdkPixbuf) frame = NULL;

      g_atomic_int_inc (&self->n_decodes);
      frame = _warta_video_frame (file, VIDEO_FRAME_POSITION_NS, cancellable, error);
      return frame != NULL ? fit (frame, size) : NULL;
    }

  if (!_warta_media_check_image_header (file, content_type, NULL, NULL, cancellable, error))
    return NULL;

  g_atomic_int_inc (&self->n_decodes);
  decoded = _warta_media_decode (file, content_type, size, size, TRUE, cancellable, error);
  if (decoded == NULL)
    return NULL;
  /* The EXIF orientation is applied after the scaled decode: the bounding
   * box is square, so the turned picture still fits it. */
  return gdk_pixbuf_apply_embedded_orientation (decoded);
}

GdkPixbuf *
warta_thumbnailer_load (WartaThumbnailer  *self,
                        GFile             *file,
                        const char        *sha256,
                        int                size,
                        gboolean          *from_cache,
                        GCancellable      *cancellable,
                        GError           **error)
{
  g_autofree char *computed = NULL;
  g_autofree char *cache_path = NULL;
  g_autofree char *cache_dir = NULL;
  g_autofree gchar *png = NULL;
  g_autoptr(GError) local_error = NULL;
  GdkPixbuf *thumbnail;
  gsize png_size;

  g_return_val_if_fail (WARTA_IS_THUMBNAILER (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (size > 0, NULL);

  if (from_cache != NULL)
    *from_cache = FALSE;

  if (sha256 == NULL)
    {
      computed = _warta_media_sha256_file (file, cancellable, error);
      if (computed == NULL)
        return NULL;
      sha256 = computed;
    }

  cache_path = warta_thumbnailer_get_cache_path (self, sha256, size);
  if (g_file_test (cache_path, G_FILE_TEST_IS_REGULAR))
    {
      g_autoptr(GFile) cached = g_file_new_for_path (cache_path);

      thumbnail = _warta_media_decode (cached, "image/png", 0, 0, FALSE, cancellable,
                                       &local_error);
      if (thumbnail != NULL)
        {
          if (from_cache != NULL)
            *from_cache = TRUE;
          return thumbnail;
        }
      /* A broken cache entry is made again. */
      g_debug ("Dropping unreadable thumbnail %s: %s", cache_path, local_error->message);
      g_clear_error (&local_error);
      g_unlink (cache_path);
    }

  thumbnail = warta_thumbnailer_generate (self, file, size, cancellable, error);
  if (thumbnail == NULL)
    return NULL;

  /* Written whole then renamed (g_file_set_contents), so a reader never
   * sees half a PNG; a failure to cache is not a failure to show. */
  cache_dir = g_path_get_dirname (cache_path);
  if (g_mkdir_with_parents (cache_dir, 0700) != 0 ||
      !gdk_pixbuf_save_to_buffer (thumbnail, &png, &png_size, "png", &local_error, NULL) ||
      !g_file_set_contents (cache_path, png, png_size, &local_error))
    g_warning ("Could not cache the thumbnail %s: %s", cache_path,
               local_error ? local_error->message : g_strerror (errno));

  return thumbnail;
}

typedef struct {
  GFile *file;
  char  *sha256;
  int    size;
} LoadData;

typedef struct {
  GdkPixbuf *pixbuf;
  gboolean   from_cache;
} LoadResult;

static void
load_data_free (gpointer data)
{
  LoadData *load = data;

  g_clear_object (&load->file);
  g_clear_pointer (&load->sha256, g_free);
  g_free (load);
}

static void
load_result_free (gpointer data)
{
  LoadResult *result = data;

  g_clear_object (&result->pixbuf);
  g_free (result);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *load = task_data;
  LoadResult *result = g_new0 (LoadResult, 1);
  GError *error = NULL;

  result->pixbuf = warta_thumbnailer_load (source_object, load->file, load->sha256, load->size,
                                           &result->from_cache, cancellable, &error);
  if (result->pixbuf == NULL)
    {
      load_result_free (result);
      g_task_return_error (task, error);
    }
  else
    g_task_return_pointer (task, result, load_result_free);
}

void
warta_thumbnailer_load_async (WartaThumbnailer    *self,
                              GFile               *file,
                              const char          *sha256,
                              int                  size,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *load;

  g_return_if_fail (WARTA_IS_THUMBNAILER (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (size > 0);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, warta_thumbnailer_load_async);
  load = g_new0 (LoadData, 1);
  load->file = g_object_ref (file);
  load->sha256 = g_strdup (sha256);
  load->size = size;
  g_task_set_task_data (task, load, load_data_free);
  _warta_media_pool_run (task, load_thread);
}

GdkPixbuf *
warta_thumbnailer_load_finish (WartaThumbnailer  *self,
                               GAsyncResult      *result,
                               gboolean          *from_cache,
                               GError           **error)
{
  LoadResult *load_result;
  GdkPixbuf *pixbuf;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  load_result = g_task_propagate_pointer (G_TASK (result), error);
  if (load_result == NULL)
    return NULL;
  if (from_cache != NULL)
    *from_cache = load_result->from_cache;
  pixbuf = g_steal_pointer (&load_result->pixbuf);
  load_result_free (load_result);
  return pixbuf;
}
