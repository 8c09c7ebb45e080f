/* warta-official-dialog.h: add or change one entry of the officials directory
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "warta-official-repository.h"

G_BEGIN_DECLS

#define WARTA_TYPE_OFFICIAL_DIALOG (warta_official_dialog_get_type ())

G_DECLARE_FINAL_TYPE (WartaOfficialDialog, warta_official_dialog, WARTA, OFFICIAL_DIALOG, AdwWindow)

WartaOfficialDialog *warta_official_dialog_new        (GtkWindow               *parent,
                                                       WartaOfficialRepository *repository,
                                                       WartaUser               *user,
                                                       WartaOfficial           *official);
WartaOfficial       *warta_official_dialog_get_official (WartaOfficialDialog   *self);
gboolean             warta_official_dialog_save       (WartaOfficialDialog     *self);
gboolean             warta_official_dialog_deactivate (WartaOfficialDialog     *self);

G_END_DECLS
