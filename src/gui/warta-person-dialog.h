/* warta-person-dialog.h: add a person, or change one's roles and password
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "warta-context.h"

G_BEGIN_DECLS

#define WARTA_TYPE_PERSON_DIALOG (warta_person_dialog_get_type ())

G_DECLARE_FINAL_TYPE (WartaPersonDialog, warta_person_dialog, WARTA, PERSON_DIALOG, AdwWindow)

WartaPersonDialog *warta_person_dialog_new      (GtkWindow         *parent,
                                                 WartaContext      *context,
                                                 WartaUser         *user);
WartaUser         *warta_person_dialog_get_user (WartaPersonDialog *self);
gboolean           warta_person_dialog_save     (WartaPersonDialog *self);

G_END_DECLS
