/* warta-test-gui.h: set-up shared by the widget tests
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void  warta_test_gui_init       (int    *argc,
                                 char ***argv);
char *warta_test_gui_new_folder (void);

G_END_DECLS
