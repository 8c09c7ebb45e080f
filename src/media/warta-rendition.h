/* warta-rendition.h: the copy of a photo that is uploaded to one platform
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "warta-media-error.h"
#include "warta-media-item.h"

G_BEGIN_DECLS

typedef enum {
  WARTA_RENDITION_TARGET_FACEBOOK,
  WARTA_RENDITION_TARGET_INSTAGRAM,
  WARTA_RENDITION_TARGET_X,
  WARTA_RENDITION_TARGET_MASTODON,
  WARTA_RENDITION_TARGET_TIKTOK_PHOTO,
  WARTA_RENDITION_TARGET_WEBSITE,
  WARTA_N_RENDITION_TARGETS
} WartaRenditionTarget;

/* One row of the photo limits table (warta-rendition.c). 0 = no limit. */
typedef struct {
  const char *id;
  int         max_width;
  int         max_height;
  gint64      max_pixels;
  double      min_aspect;   /* width / height */
  double      max_aspect;
  gint64      max_bytes;
} WartaRenditionLimits;

/* A part of the upright original, in fractions of its width and height
 * (0..1), so it does not depend on the resolution it was drawn at. */
typedef struct {
  double x;
  double y;
  double width;
  double height;
} WartaRegion;

/* Pixels. */
typedef struct {
  int x;
  int y;
  int width;
  int height;
} WartaRect;

const WartaRenditionLimits *warta_rendition_target_get_limits (WartaRenditionTarget target);

#define WARTA_TYPE_RENDITION (warta_rendition_get_type ())

G_DECLARE_FINAL_TYPE (WartaRendition, warta_rendition, WARTA, RENDITION, GObject)

WartaRendition       *warta_rendition_new             (WartaRenditionTarget  target);
/* The rendition of @item for @target as the admin set it: its blur regions
 * and the crop centre stored for the target. */
WartaRendition       *warta_rendition_new_for_media_item (WartaRenditionTarget  target,
                                                          WartaMediaItem       *item);
gboolean              warta_rendition_target_from_id  (const char           *id,
                                                       WartaRenditionTarget *out_target);
WartaRenditionTarget  warta_rendition_get_target      (WartaRendition       *self);
/* The crop's width / height; 0 (the default) keeps the photo's own,
 * brought into the target's range. */
void                  warta_rendition_set_aspect      (WartaRendition       *self,
                                                       double                aspect);
double                warta_rendition_get_aspect      (WartaRendition       *self);
/* Where the crop is centred, as fractions of the upright original; the
 * default is the middle (0.5, 0.5). The crop never leaves the picture. */
void                  warta_rendition_set_crop_center (WartaRendition       *self,
                                                       double                x,
                                                       double                y);
void                  warta_rendition_add_blur        (WartaRendition       *self,
                                                       const WartaRegion    *region);
void                  warta_rendition_clear_blurs     (WartaRendition       *self);

/* The geometry alone, for the crop guide: the crop in pixels of an upright
 * @width x @height original, and the size of the result. */
void                  warta_rendition_compute         (WartaRendition       *self,
                                                       int                   width,
                                                       int                   height,
                                                       WartaRect            *crop,
                                                       int                  *out_width,
                                                       int                  *out_height);

/* Writes a new JPEG to @destination: orientation applied, every metadata
 * block left out (encoded from the pixels), cropped, scaled to the
 * target's limits, the blur regions blurred. @original is only read. */
gboolean              warta_rendition_render          (WartaRendition       *self,
                                                       GFile                *original,
                                                       GFile                *destination,
                                                       int                  *out_width,
                                                       int                  *out_height,
                                                       GCancellable         *cancellable,
                                                       GError              **error);
void                  warta_rendition_render_async    (WartaRendition       *self,
                                                       GFile                *original,
                                                       GFile                *destination,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
gboolean              warta_rendition_render_finish   (WartaRendition       *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);

G_END_DECLS
