/* warta-publication-window.h: one publication's editor
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "warta-context.h"

G_BEGIN_DECLS

#define WARTA_TYPE_PUBLICATION_WINDOW (warta_publication_window_get_type ())

G_DECLARE_FINAL_TYPE (WartaPublicationWindow, warta_publication_window,
                      WARTA, PUBLICATION_WINDOW, AdwWindow)

WartaPublicationWindow *warta_publication_window_new                (GtkWindow              *parent,
                                                                     WartaContext           *context,
                                                                     gint64                  publication_id);
gint64                  warta_publication_window_get_publication_id (WartaPublicationWindow *self);
gboolean                warta_publication_window_get_busy           (WartaPublicationWindow *self);

G_END_DECLS
