/* warta-window-private.h: what the tests reach in the main window
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "warta-window.h"

G_BEGIN_DECLS

void      _warta_window_back_up_to (WartaWindow *self,
                                    GFile       *file);
void      _warta_window_import_from (WartaWindow *self,
                                     GFile       *file);
AdwToast *_warta_window_get_toast  (WartaWindow *self);
void      _warta_window_new_database_at (WartaWindow *self,
                                         const char  *path);

G_END_DECLS
