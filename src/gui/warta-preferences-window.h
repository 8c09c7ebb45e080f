/* warta-preferences-window.h
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "warta-application.h"

G_BEGIN_DECLS

#define WARTA_TYPE_PREFERENCES_WINDOW (warta_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (WartaPreferencesWindow, warta_preferences_window, WARTA, PREFERENCES_WINDOW, AdwPreferencesWindow)

WartaPreferencesWindow *warta_preferences_window_new (WartaApplication *application);

G_END_DECLS
