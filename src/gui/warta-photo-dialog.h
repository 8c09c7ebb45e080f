/* warta-photo-dialog.h: blur faces and move each platform's crop of a photo
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "warta-media-item.h"
#include "warta-photo-editor.h"

G_BEGIN_DECLS

#define WARTA_TYPE_PHOTO_DIALOG (warta_photo_dialog_get_type ())

G_DECLARE_FINAL_TYPE (WartaPhotoDialog, warta_photo_dialog, WARTA, PHOTO_DIALOG, AdwWindow)

/* @item is changed in place; "changed" says when. */
WartaPhotoDialog *warta_photo_dialog_new             (GtkWindow        *parent,
                                                      WartaMediaItem   *item,
                                                      gboolean          editable);
WartaPhotoEditor *warta_photo_dialog_get_blur_editor (WartaPhotoDialog *self);
WartaPhotoEditor *warta_photo_dialog_get_crop_editor (WartaPhotoDialog *self);
/* Shows the "blur" or the "crop" page. */
void              warta_photo_dialog_show_page       (WartaPhotoDialog *self,
                                                      const char       *name);
/* Whether the photo and the rendition preview are still being made. */
gboolean          warta_photo_dialog_get_busy        (WartaPhotoDialog *self);

G_END_DECLS
