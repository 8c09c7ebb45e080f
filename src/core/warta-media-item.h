/* warta-media-item.h: a photo or video of a revision
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* A part of the upright photo to blur, in fractions (0..1) of its width
 * and height, so it does not depend on the resolution it was drawn at. */
typedef struct {
  double x;
  double y;
  double width;
  double height;
} WartaBlurRegion;

#define WARTA_TYPE_MEDIA_ITEM (warta_media_item_get_type ())

G_DECLARE_FINAL_TYPE (WartaMediaItem, warta_media_item, WARTA, MEDIA_ITEM, GObject)

WartaMediaItem *warta_media_item_new (void);
gint64        warta_media_item_get_id                   (WartaMediaItem *self);
void          warta_media_item_set_id                   (WartaMediaItem *self,
                                                         gint64 id);
const char *  warta_media_item_get_path                 (WartaMediaItem *self);
/* The path, a relative one taken in @folder (the database's). */
char *        warta_media_item_dup_full_path            (WartaMediaItem *self,
                                                         const char *folder);
void          warta_media_item_set_path                 (WartaMediaItem *self,
                                                         const char *path);
const char *  warta_media_item_get_sha256               (WartaMediaItem *self);
void          warta_media_item_set_sha256               (WartaMediaItem *self,
                                                         const char *sha256);
const char *  warta_media_item_get_kind                 (WartaMediaItem *self);
void          warta_media_item_set_kind                 (WartaMediaItem *self,
                                                         const char *kind);
int           warta_media_item_get_width                (WartaMediaItem *self);
void          warta_media_item_set_width                (WartaMediaItem *self,
                                                         int width);
/* What probing found when the file was added (0: not known, as for
 * media added before Warta kept it): a video's length, the file's size.
 * Not part of the revision's hash. */
gint64        warta_media_item_get_duration_us          (WartaMediaItem *self);
void          warta_media_item_set_duration_us          (WartaMediaItem *self,
                                                         gint64 duration_us);
guint64       warta_media_item_get_size                 (WartaMediaItem *self);
void          warta_media_item_set_size                 (WartaMediaItem *self,
                                                         guint64 size);
int           warta_media_item_get_height               (WartaMediaItem *self);
void          warta_media_item_set_height               (WartaMediaItem *self,
                                                         int height);
const char *  warta_media_item_get_credit               (WartaMediaItem *self);
void          warta_media_item_set_credit               (WartaMediaItem *self,
                                                         const char *credit);
const char *  warta_media_item_get_alt_text             (WartaMediaItem *self);
void          warta_media_item_set_alt_text             (WartaMediaItem *self,
                                                         const char *alt_text);
gboolean      warta_media_item_get_illustration         (WartaMediaItem *self);
void          warta_media_item_set_illustration         (WartaMediaItem *self,
                                                         gboolean illustration);
gboolean      warta_media_item_get_identifiable_people  (WartaMediaItem *self);
void          warta_media_item_set_identifiable_people  (WartaMediaItem *self,
                                                         gboolean identifiable_people);
gboolean      warta_media_item_get_minor                (WartaMediaItem *self);
void          warta_media_item_set_minor                (WartaMediaItem *self,
                                                         gboolean minor);
const char *  warta_media_item_get_consent              (WartaMediaItem *self);
void          warta_media_item_set_consent              (WartaMediaItem *self,
                                                         const char *consent);

guint         warta_media_item_get_n_blur_regions (WartaMediaItem        *self);
const WartaBlurRegion *warta_media_item_get_blur_region (WartaMediaItem        *self,
                                                         guint                  index);
guint         warta_media_item_add_blur_region    (WartaMediaItem        *self,
                                                   const WartaBlurRegion *region);
void          warta_media_item_set_blur_region    (WartaMediaItem        *self,
                                                   guint                  index,
                                                   const WartaBlurRegion *region);
void          warta_media_item_remove_blur_region (WartaMediaItem        *self,
                                                   guint                  index);
/* Where the crop for @target (a WartaRenditionTarget id such as
 * "instagram") is centred, in fractions of the upright photo. FALSE and
 * the middle when the admin has not moved it. */
gboolean      warta_media_item_get_crop_center    (WartaMediaItem        *self,
                                                   const char            *target,
                                                   double                *x,
                                                   double                *y);
void          warta_media_item_set_crop_center    (WartaMediaItem        *self,
                                                   const char            *target,
                                                   double                 x,
                                                   double                 y);
void          warta_media_item_reset_crop_center  (WartaMediaItem        *self,
                                                   const char            *target);
/* Whether the item goes to @platform (an account platform id such as
 * "x"): to every platform, unless the author left it out of one. */
gboolean      warta_media_item_get_posted_to      (WartaMediaItem        *self,
                                                   const char            *platform);
void          warta_media_item_set_posted_to      (WartaMediaItem        *self,
                                                   const char            *platform,
                                                   gboolean               posted);
/* The platforms it is left out of, sorted and comma-separated, the form
 * the store keeps; NULL when it goes everywhere. */
const char   *warta_media_item_get_skipped_platforms (WartaMediaItem     *self);
void          warta_media_item_set_skipped_platforms (WartaMediaItem     *self,
                                                   const char            *platforms);
/* Both as compact JSON, the form the store keeps them in; NULL when there
 * are none. The setters accept NULL and refuse malformed text. */
char         *warta_media_item_dup_blur_json      (WartaMediaItem        *self);
gboolean      warta_media_item_set_blur_json      (WartaMediaItem        *self,
                                                   const char            *json);
char         *warta_media_item_dup_crops_json     (WartaMediaItem        *self);
gboolean      warta_media_item_set_crops_json     (WartaMediaItem        *self,
                                                   const char            *json);

void          warta_media_item_seal          (WartaMediaItem *self);
gboolean      warta_media_item_is_sealed     (WartaMediaItem *self);
WartaMediaItem *warta_media_item_copy        (WartaMediaItem *self);

G_END_DECLS
