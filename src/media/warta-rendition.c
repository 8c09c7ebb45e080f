/* warta-rendition.c: the copy of a photo that is uploaded to one platform
 *
 * The rendition is encoded anew from pixels, so nothing of the original's
 * EXIF (GPS position, camera serial), XMP, IPTC, ICC profile or comments
 * can travel with it. The original is opened read-only and never written.
 *
 * Known limit: a photo in a wide-gamut colour space (Adobe RGB, Display
 * P3) loses its profile and is shown as sRGB, slightly duller; phones and
 * most cameras shoot sRGB.
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <gdk-pixbuf/gdk-pixbuf.h>

#include "warta-rendition.h"
#include "warta-media-private.h"

/* The photo limits, from platform-apis.md (§1.3, §2.6, §3.4, §5.6, §6.4);
 * the one place to edit when a platform changes them. */
static const WartaRenditionLimits limits[WARTA_N_RENDITION_TARGETS] = {
  /* < 10 MB; 2048 px on the long side is what Meta shows [3rd-party]. */
  [WARTA_RENDITION_TARGET_FACEBOOK] = { "facebook", 2048, 2048, 0, 0, 0, 10 * 1000 * 1000 },
  /* JPEG only, ≤ 8 MB, aspect 4:5 to 1.91:1, width 320-1440 (scaled). */
  [WARTA_RENDITION_TARGET_INSTAGRAM] = { "instagram", 1440, 1800, 0, 0.8, 1.91, 8 * 1000 * 1000 },
  /* ≤ 5 MB; X shows up to 4096 px. */
  [WARTA_RENDITION_TARGET_X] = { "x", 4096, 4096, 0, 0, 0, 5 * 1000 * 1000 },
  /* image_matrix_limit 33,177,600 px, image_size_limit 16 MB (defaults). */
  [WARTA_RENDITION_TARGET_MASTODON] = { "mastodon", 0, 0, 33177600, 0, 0, 16 * 1000 * 1000 },
  /* PULL_FROM_URL photos: ≤ 1080p, ≤ 20 MB. */
  [WARTA_RENDITION_TARGET_TIKTOK_PHOTO] = { "tiktok-photo", 1080, 1920, 0, 0, 0, 20 * 1000 * 1000 },
  /* WordPress scales anything over 2560 px itself (big_image_size_threshold). */
  [WARTA_RENDITION_TARGET_WEBSITE] = { "website", 2560, 2560, 0, 0, 0, 0 },
};

#define JPEG_QUALITY     88
#define JPEG_QUALITY_MIN 50

struct _WartaRendition
{
  GObject               parent_instance;

  WartaRenditionTarget  target;
  double                aspect;
  double                center_x;
  double                center_y;
  GArray               *blurs;    /* of WartaRegion */
};

G_DEFINE_FINAL_TYPE (WartaRendition, warta_rendition, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TARGET,
  PROP_ASPECT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const WartaRenditionLimits *
warta_rendition_target_get_limits (WartaRenditionTarget target)
{
  g_return_val_if_fail (target < WARTA_N_RENDITION_TARGETS, NULL);

  return &limits[target];
}

static void
warta_rendition_finalize (GObject *object)
{
  WartaRendition *self = (WartaRendition *) object;

  g_clear_pointer (&self->blurs, g_array_unref);

  G_OBJECT_CLASS (warta_rendition_parent_class)->finalize (object);
}

static void
warta_rendition_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  WartaRendition *self = WARTA_RENDITION (object);

  switch (prop_id)
    {
    case PROP_TARGET:
      g_value_set_int (value, self->target);
      break;
    case PROP_ASPECT:
      g_value_set_double (value, self->aspect);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
warta_rendition_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  WartaRendition *self = WARTA_RENDITION (object);

  switch (prop_id)
    {
    case PROP_TARGET:
      self->target = g_value_get_int (value);
      break;
    case PROP_ASPECT:
      warta_rendition_set_aspect (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
warta_rendition_class_init (WartaRenditionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = warta_rendition_finalize;
  object_class->get_property = warta_rendition_get_property;
  object_class->set_property = warta_rendition_set_property;

  properties[PROP_TARGET] =
    g_param_spec_int ("target", NULL, NULL, 0, WARTA_N_RENDITION_TARGETS - 1, 0,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ASPECT] =
    g_param_spec_double ("aspect", NULL, NULL, 0, 100, 0,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
warta_rendition_init (WartaRendition *self)
{
  self->center_x = 0.5;
  self->center_y = 0.5;
  self->blurs = g_array_new (FALSE, FALSE, sizeof (WartaRegion));
}

WartaRendition *
warta_rendition_new (WartaRenditionTarget target)
{
  g_return_val_if_fail (target < WARTA_N_RENDITION_TARGETS, NULL);

  return g_object_new (WARTA_TYPE_RENDITION, "target", target, NULL);
}

WartaRendition *
warta_rendition_new_for_media_item (WartaRenditionTarget  target,
                                    WartaMediaItem       *item)
{
  WartaRendition *self;
  double x, y;

  g_return_val_if_fail (target < WARTA_N_RENDITION_TARGETS, NULL);
  g_return_val_if_fail (WARTA_IS_MEDIA_ITEM (item), NULL);

  self = warta_rendition_new (target);
  warta_media_item_get_crop_center (item, limits[target].id, &x, &y);
  warta_rendition_set_crop_center (self, x, y);
  for (guint i = 0; i < warta_media_item_get_n_blur_regions (item); i++)
    {
      const WartaBlurRegion *b = warta_media_item_get_blur_region (item, i);
      WartaRegion region = { b->x, b->y, b->width, b->height };

      warta_rendition_add_blur (self, &region);
    }

  return self;
}

gboolean
warta_rendition_target_from_id (const char           *id,
                                WartaRenditionTarget *out_target)
{
  for (guint i = 0; i < WARTA_N_RENDITION_TARGETS; i++)
    if (g_strcmp0 (limits[i].id, id) == 0)
      {
        if (out_target != NULL)
          *out_target = i;
        return TRUE;
      }

  return FALSE;
}

WartaRenditionTarget
warta_rendition_get_target (WartaRendition *self)
{
  g_return_val_if_fail (WARTA_IS_RENDITION (self), 0);

  return self->target;
}

void
warta_rendition_set_aspect (WartaRendition *self,
                            double          aspect)
{
  g_return_if_fail (WARTA_IS_RENDITION (self));
  g_return_if_fail (aspect >= 0);

  if (self->aspect == aspect)
    return;
  self->aspect = aspect;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASPECT]);
}

double
warta_rendition_get_aspect (WartaRendition *self)
{
  g_return_val_if_fail (WARTA_IS_RENDITION (self), 0);

  return self->aspect;
}

void
warta_rendition_set_crop_center (WartaRendition *self,
                                 double          x,
                                 double          y)
{
  g_return_if_fail (WARTA_IS_RENDITION (self));

  self->center_x = CLAMP (x, 0.0, 1.0);
  self->center_y = CLAMP (y, 0.0, 1.0);
}

void
warta_rendition_add_blur (WartaRendition    *self,
                          const WartaRegion *region)
{
  g_return_if_fail (WARTA_IS_RENDITION (self));
  g_return_if_fail (region != NULL);

  g_array_append_val (self->blurs, *region);
}

void
warta_rendition_clear_blurs (WartaRendition *self)
{
  g_return_if_fail (WARTA_IS_RENDITION (self));

  g_array_set_size (self->blurs, 0);
}

static double
scale_for (const WartaRenditionLimits *l,
           int                         width,
           int                         height)
{
  double scale = 1.0;

  if (l->max_width > 0)
    scale = MIN (scale, (double) l->max_width / width);
  if (l->max_height > 0)
    scale = MIN (scale, (double) l->max_height / height);
  if (l->max_pixels > 0 && (gint64) width * height > l->max_pixels)
    scale = MIN (scale, sqrt ((double) l->max_pixels / ((double) width * height)));
  return scale;
}

void
warta_rendition_compute (WartaRendition *self,
                         int             width,
                         int             height,
                         WartaRect      *crop,
                         int            *out_width,
                         int            *out_height)
{
  const WartaRenditionLimits *l;
  double own, aspect, scale;
  WartaRect r;

  g_return_if_fail (WARTA_IS_RENDITION (self));
  g_return_if_fail (width > 0 && height > 0);

  l = &limits[self->target];
  own = (double) width / height;
  aspect = self->aspect > 0 ? self->aspect : own;
  if (l->min_aspect > 0)
    aspect = MAX (aspect, l->min_aspect);
  if (l->max_aspect > 0)
    aspect = MIN (aspect, l->max_aspect);

  /* The largest rectangle of that aspect inside the picture. */
  if (own > aspect)
    {
      r.height = height;
      r.width = MAX (1, MIN (width, (int) lround (height * aspect)));
    }
  else
    {
      r.width = width;
      r.height = MAX (1, MIN (height, (int) lround (width / aspect)));
    }
  r.x = CLAMP ((int) lround (self->center_x * width - r.width / 2.0), 0, width - r.width);
  r.y = CLAMP ((int) lround (self->center_y * height - r.height / 2.0), 0, height - r.height);

  scale = scale_for (l, r.width, r.height);
  if (crop != NULL)
    *crop = r;
  if (out_width != NULL)
    *out_width = MAX (1, (int) floor (r.width * scale + 0.5));
  if (out_height != NULL)
    *out_height = MAX (1, (int) floor (r.height * scale + 0.5));
  /* Rounding must not push a side past its limit. */
  if (out_width != NULL && l->max_width > 0)
    *out_width = MIN (*out_width, l->max_width);
  if (out_height != NULL && l->max_height > 0)
    *out_height = MIN (*out_height, l->max_height);
}

/* A box blur over @r only, sampling only inside @r, so nothing around it
 * smears in or out. */
static void
box_blur (GdkPixbuf       *pixbuf,
          const WartaRect *r,
          int              radius)
{
  int channels = gdk_pixbuf_get_n_channels (pixbuf);
  int rowstride = gdk_pixbuf_get_rowstride (pixbuf);
  guint8 *pixels = gdk_pixbuf_get_pixels (pixbuf);
  int longest = MAX (r->width, r->height);
  g_autofree guint8 *line = g_malloc ((gsize) longest * channels);

  for (int pass = 0; pass < 2; pass++)
    {
      gboolean horizontal = pass == 0;
      int lines = horizontal ? r->height : r->width;
      int length = horizontal ? r->width : r->height;

      for (int j = 0; j < lines; j++)
        {
          guint8 *start = horizontal ? pixels + (gsize) (r->y + j) * rowstride + (gsize) r->x * channels
                                     : pixels + (gsize) r->y * rowstride + (gsize) (r->x + j) * channels;
          gsize step = horizontal ? (gsize) channels : (gsize) rowstride;

          for (int i = 0; i < length; i++)
            memcpy (line + (gsize) i * channels, start + i * step, channels);

          for (int c = 0; c < channels; c++)
            {
              int sum = 0;
              int count = 0;

              for (int k = -radius; k <= radius; k++)
                {
                  int idx = CLAMP (k, 0, length - 1);

                  sum += line[(gsize) idx * channels + c];
                  count++;
                }
              for (int i = 0; i < length; i++)
                {
                  int in = CLAMP (i + radius + 1, 0, length - 1);
                  int out = CLAMP (i - radius, 0, length - 1);

                  start[i * step + c] = (guint8) (sum / count);
                  sum += line[(gsize) in * channels + c] - line[(gsize) out * channels + c];
                }
            }
        }
    }
}

/* Strong enough that a face cannot be recognised or recovered: the region
 * is first reduced to coarse blocks, then blurred three times. */
static void
blur_region (GdkPixbuf       *pixbuf,
             const WartaRect *r)
{
  int channels = gdk_pixbuf_get_n_channels (pixbuf);
  int rowstride = gdk_pixbuf_get_rowstride (pixbuf);
  guint8 *pixels = gdk_pixbuf_get_pixels (pixbuf);
  int block = MAX (4, MIN (r->width, r->height) / 8);

  for (int by = r->y; by < r->y + r->height; by += block)
    for (int bx = r->x; bx < r->x + r->width; bx += block)
      {
        int bw = MIN (block, r->x + r->width - bx);
        int bh = MIN (block, r->y + r->height - by);
        guint64 sum[4] = { 0 };

        for (int y = by; y < by + bh; y++)
          for (int x = bx; x < bx + bw; x++)
            for (int c = 0; c < channels; c++)
              sum[c] += pixels[(gsize) y * rowstride + (gsize) x * channels + c];
        for (int y = by; y < by + bh; y++)
          for (int x = bx; x < bx + bw; x++)
            for (int c = 0; c < channels; c++)
              pixels[(gsize) y * rowstride + (gsize) x * channels + c] =
                (guint8) (sum[c] / ((guint64) bw * bh));
      }

  for (int i = 0; i < 3; i++)
    box_blur (pixbuf, r, block);
}

gboolean
warta_rendition_render (WartaRendition  *self,
                        GFile           *original,
                        GFile           *destination,
                        int             *out_width,
                        int             *out_height,
                        GCancellable    *cancellable,
                        GError         **error)
{
  const WartaRenditionLimits *l;
  g_autofree char *content_type = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GdkPixbuf) decoded = NULL;
  g_autoptr(GdkPixbuf) upright = NULL;
  g_autoptr(GdkPixbuf) cropped = NULL;
  g_autoptr(GdkPixbuf) result = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree gchar *jpeg = NULL;
  gsize jpeg_size = 0;
  int stored_w, stored_h, upright_w, upright_h, ow, oh, dw, dh;
  double decode_scale, ratio;
  WartaRect crop;
  WartaMediaKind kind;
  int quality;

  g_return_val_if_fail (WARTA_IS_RENDITION (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (original), FALSE);
  g_return_val_if_fail (G_IS_FILE (destination), FALSE);

  name = _warta_media_display_name (original);
  if (g_file_equal (original, destination))
    {
      g_set_error (error, WARTA_MEDIA_ERROR, WARTA_MEDIA_ERROR_FAILED,
                   _("A rendition of “%s” would overwrite the original. Choose another place "
                     "for it: originals are never changed."), name);
      return FALSE;
    }

  kind = _warta_media_sniff (original, &content_type, cancellable, error);
  if (kind == WARTA_MEDIA_KIND_UNKNOWN)
    return FALSE;
  if (kind != WARTA_MEDIA_KIND_PHOTO)
    {
      g_set_error (error, WARTA_MEDIA_ERROR, WARTA_MEDIA_ERROR_UNSUPPORTED,
                   _("“%s” is a video: a photo rendition cannot be made from it. Upload the "
                     "video as it is."), name);
      return FALSE;
    }
  if (!_warta_media_check_image_header (original, content_type, &stored_w, &stored_h, cancellable,
                                        error))
    return FALSE;

  l = &limits[self->target];

  /* Decode no larger than the result needs, whichever way the picture is
   * turned: libjpeg then decodes at 1/2, 1/4 or 1/8 scale. */
  {
    int w1, h1, w2, h2;

    warta_rendition_compute (self, stored_w, stored_h, NULL, &w1, &h1);
    warta_rendition_compute (self, stored_h, stored_w, NULL, &w2, &h2);
    decode_scale = MAX ((double) MAX (w1, h1), (double) MAX (w2, h2)) /
                   MIN (stored_w, stored_h);
    decode_scale = MIN (1.0, decode_scale);
  }
  dw = MAX (1, (int) ceil (stored_w * decode_scale));
  dh = MAX (1, (int) ceil (stored_h * decode_scale));

  decoded = _warta_media_decode (original, content_type, dw, dh, FALSE, cancellable, error);
  if (decoded == NULL)
    return FALSE;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  upright = gdk_pixbuf_apply_embedded_orientation (decoded);
  if (gdk_pixbuf_get_width (upright) != gdk_pixbuf_get_width (decoded))
    {
      upright_w = stored_h;
      upright_h = stored_w;
    }
  else
    {
      upright_w = stored_w;
      upright_h = stored_h;
    }

  /* The geometry is worked out on the original's size, then carried over
   * to the decoded pixels. */
  warta_rendition_compute (self, upright_w, upright_h, &crop, &ow, &oh);
  ratio = (double) gdk_pixbuf_get_width (upright) / upright_w;
  {
    int uw = gdk_pixbuf_get_width (upright), uh = gdk_pixbuf_get_height (upright);
    int cx = CLAMP ((int) floor (crop.x * ratio), 0, uw - 1);
    int cy = CLAMP ((int) floor (crop.y * ratio), 0, uh - 1);
    int cw = CLAMP ((int) lround (crop.width * ratio), 1, uw - cx);
    int ch = CLAMP ((int) lround (crop.height * ratio), 1, uh - cy);

    cropped = gdk_pixbuf_new_subpixbuf (upright, cx, cy, cw, ch);
  }

  /* An opaque RGB canvas: JPEG has no transparency, and a transparent
   * PNG is shown on white. */
  result = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, ow, oh);
  if (result == NULL)
    {
      g_set_error (error, WARTA_MEDIA_ERROR, WARTA_MEDIA_ERROR_FAILED,
                   _("Not enough memory to prepare “%s” for upload. Close other programs and "
                     "try again."), name);
      return FALSE;
    }
  gdk_pixbuf_fill (result, 0xffffffff);
  gdk_pixbuf_composite (cropped, result, 0, 0, ow, oh, 0, 0,
                        (double) ow / gdk_pixbuf_get_width (cropped),
                        (double) oh / gdk_pixbuf_get_height (cropped),
                        GDK_INTERP_BILINEAR, 255);

  for (guint i = 0; i < self->blurs->len; i++)
    {
      const WartaRegion *region = &g_array_index (self->blurs, WartaRegion, i);
      double sx = (double) ow / crop.width, sy = (double) oh / crop.height;
      int x0 = (int) floor ((region->x * upright_w - crop.x) * sx);
      int y0 = (int) floor ((region->y * upright_h - crop.y) * sy);
      int x1 = (int) ceil (((region->x + region->width) * upright_w - crop.x) * sx);
      int y1 = (int) ceil (((region->y + region->height) * upright_h - crop.y) * sy);
      WartaRect r;

      x0 = CLAMP (x0, 0, ow);
      y0 = CLAMP (y0, 0, oh);
      x1 = CLAMP (x1, 0, ow);
      y1 = CLAMP (y1, 0, oh);
      if (x1 - x0 < 1 || y1 - y0 < 1)
        continue;
      r = (WartaRect) { x0, y0, x1 - x0, y1 - y0 };
      blur_region (result, &r);
    }

  /* Encoded from pixels with no options: no EXIF, XMP, ICC or comment. */
  for (quality = JPEG_QUALITY; ; quality -= 10)
    {
      g_autofree char *q = g_strdup_printf ("%d", quality);

      g_clear_pointer (&jpeg, g_free);
      if (!gdk_pixbuf_save_to_buffer (result, &jpeg, &jpeg_size, "jpeg", &local_error,
                                      "quality", q, NULL))
        {
          g_set_error (error, WARTA_MEDIA_ERROR, WARTA_MEDIA_ERROR_FAILED,
                       _("“%s” could not be encoded for upload (%s)."), name,
                       local_error->message);
          return FALSE;
        }
      if (l->max_bytes == 0 || (gint64) jpeg_size <= l->max_bytes)
        break;
      if (quality - 10 < JPEG_QUALITY_MIN)
        {
          g_set_error (error, WARTA_MEDIA_ERROR, WARTA_MEDIA_ERROR_TOO_LARGE,
                       _("The rendition of “%s” stays over the platform’s file size limit. "
                         "Choose a smaller crop."), name);
          return FALSE;
        }
    }

  if (!g_file_replace_contents (destination, jpeg, jpeg_size, NULL, FALSE,
                                G_FILE_CREATE_REPLACE_DESTINATION, NULL, cancellable,
                                &local_error))
    {
      g_autofree char *dest_name = _warta_media_display_name (destination);

      g_set_error (error, WARTA_MEDIA_ERROR, WARTA_MEDIA_ERROR_FAILED,
                   _("The rendition could not be saved as “%s” (%s). Check that the disk is "
                     "not full."), dest_name, local_error->message);
      return FALSE;
    }

  if (out_width != NULL)
    *out_width = ow;
  if (out_height != NULL)
    *out_height = oh;
  return TRUE;
}

typedef struct {
  WartaRendition *settings;   /* a copy: the caller may change self meanwhile */
  GFile          *original;
  GFile          *destination;
} RenderData;

static void
render_data_free (gpointer data)
{
  RenderData *render = data;

  g_clear_object (&render->settings);
  g_clear_object (&render->original);
  g_clear_object (&render->destination);
  g_free (render);
}

static void
render_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  RenderData *render = task_data;
  GError *error = NULL;

  if (warta_rendition_render (render->settings, render->original, render->destination, NULL,
                              NULL, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
warta_rendition_render_async (WartaRendition      *self,
                              GFile               *original,
                              GFile               *destination,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  RenderData *render;

  g_return_if_fail (WARTA_IS_RENDITION (self));
  g_return_if_fail (G_IS_FILE (original));
  g_return_if_fail (G_IS_FILE (destination));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, warta_rendition_render_async);
  render = g_new0 (RenderData, 1);
  render->settings = warta_rendition_new (self->target);
  render->settings->aspect = self->aspect;
  render->settings->center_x = self->center_x;
  render->settings->center_y = self->center_y;
  g_array_append_vals (render->settings->blurs, self->blurs->data, self->blurs->len);
  render->original = g_object_ref (original);
  render->destination = g_object_ref (destination);
  g_task_set_task_data (task, render, render_data_free);
  _warta_media_pool_run (task, render_thread);
}

gboolean
warta_rendition_render_finish (WartaRendition  *self,
                               GAsyncResult    *result,
                               GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
