/* warta-list-focus.h: a list is one Tab stop, its rows are reached with the arrows
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void     warta_list_set_single_tab_stop (GtkWidget *list);
gboolean warta_list_focus_first         (GtkWidget *widget);
gboolean warta_list_holds               (GtkWidget *widget);
void     warta_focus_skip_status_pages  (GtkWidget *widget);

G_END_DECLS
