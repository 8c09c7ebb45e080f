/* warta-photo-editor.h: blur regions and a platform's crop, drawn on a photo
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "warta-media-item.h"
#include "warta-rendition.h"

G_BEGIN_DECLS

typedef enum {
  WARTA_PHOTO_EDITOR_BLUR,
  WARTA_PHOTO_EDITOR_CROP,
} WartaPhotoEditorMode;

#define WARTA_TYPE_PHOTO_EDITOR (warta_photo_editor_get_type ())

G_DECLARE_FINAL_TYPE (WartaPhotoEditor, warta_photo_editor, WARTA, PHOTO_EDITOR, GtkDrawingArea)

GtkWidget           *warta_photo_editor_new            (WartaPhotoEditorMode  mode,
                                                        WartaMediaItem       *item);
/* The upright photo to draw on (a large thumbnail); NULL while it loads. */
void                 warta_photo_editor_set_pixbuf     (WartaPhotoEditor     *self,
                                                        GdkPixbuf            *pixbuf);
void                 warta_photo_editor_set_target     (WartaPhotoEditor     *self,
                                                        WartaRenditionTarget  target);
WartaRenditionTarget warta_photo_editor_get_target     (WartaPhotoEditor     *self);
/* The keyboard way to draw: a region in the middle, selected, to be moved
 * with the arrow keys and sized with Shift and the arrow keys. */
void                 warta_photo_editor_add_region     (WartaPhotoEditor     *self);
void                 warta_photo_editor_remove_selected (WartaPhotoEditor    *self);
int                  warta_photo_editor_get_selected   (WartaPhotoEditor     *self);
void                 warta_photo_editor_select         (WartaPhotoEditor     *self,
                                                        int                   index);
/* What a drag and the arrow keys do, in fractions of the photo. */
void                 warta_photo_editor_move_by        (WartaPhotoEditor     *self,
                                                        double                dx,
                                                        double                dy);
void                 warta_photo_editor_resize_by      (WartaPhotoEditor     *self,
                                                        double                dw,
                                                        double                dh);
/* The crop in fractions of the upright photo, as the rendition makes it. */
void                 warta_photo_editor_get_crop       (WartaPhotoEditor     *self,
                                                        WartaBlurRegion      *crop);

G_END_DECLS
