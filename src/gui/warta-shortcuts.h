/* warta-shortcuts.h: the shortcuts window as the signed-in user's role sees it
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "warta-user.h"

G_BEGIN_DECLS

void warta_shortcuts_follow_user (GtkWidget *overlay,
                                  WartaUser *user);
void warta_shortcuts_for_editor  (GtkWidget *overlay);

G_END_DECLS
