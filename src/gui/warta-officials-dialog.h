/* warta-officials-dialog.h: manage the officials directory
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "warta-official-repository.h"

G_BEGIN_DECLS

#define WARTA_TYPE_OFFICIALS_DIALOG (warta_officials_dialog_get_type ())

G_DECLARE_FINAL_TYPE (WartaOfficialsDialog, warta_officials_dialog, WARTA, OFFICIALS_DIALOG, AdwWindow)

WartaOfficialsDialog *warta_officials_dialog_new (GtkWindow               *parent,
                                                  WartaOfficialRepository *repository,
                                                  WartaUser               *user);

G_END_DECLS
