/* warta-toast.h: toasts that tell a result, and show where it was saved
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Opens the folder named by its URI (a string parameter): a WartaWindow's. */
#define WARTA_TOAST_OPEN_FOLDER_ACTION "win.open-folder"

AdwToast *warta_toast_new  (const char *text,
                            GFile      *folder);
gboolean  warta_toast_show (GtkWidget  *widget,
                            AdwToast   *toast);

G_END_DECLS
