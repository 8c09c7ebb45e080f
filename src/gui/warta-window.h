/* warta-window.h
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "warta-application.h"

G_BEGIN_DECLS

#define WARTA_TYPE_WINDOW (warta_window_get_type ())

G_DECLARE_FINAL_TYPE (WartaWindow, warta_window, WARTA, WINDOW, AdwApplicationWindow)

WartaWindow *warta_window_new                 (WartaApplication *application);
gboolean     warta_window_ask_before_quitting (WartaWindow      *self);
void         warta_window_open_database       (WartaWindow      *self,
                                               const char       *path);
const char  *warta_window_get_visible_section (WartaWindow      *self);
void         warta_window_set_visible_section (WartaWindow      *self,
                                               const char       *section);

G_END_DECLS
