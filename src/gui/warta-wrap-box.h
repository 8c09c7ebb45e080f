/* warta-wrap-box.h: a row of controls that wraps onto more lines
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define WARTA_TYPE_WRAP_BOX (warta_wrap_box_get_type ())

G_DECLARE_FINAL_TYPE (WartaWrapBox, warta_wrap_box, WARTA, WRAP_BOX, GtkWidget)

GtkWidget *warta_wrap_box_new         (int           spacing);
int        warta_wrap_box_get_spacing (WartaWrapBox *self);
void       warta_wrap_box_set_spacing (WartaWrapBox *self,
                                       int           spacing);

G_END_DECLS
