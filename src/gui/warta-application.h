/* warta-application.h
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "warta-context.h"
#include "warta-database.h"

G_BEGIN_DECLS

#define WARTA_TYPE_APPLICATION (warta_application_get_type ())

G_DECLARE_FINAL_TYPE (WartaApplication, warta_application, WARTA, APPLICATION, AdwApplication)

gboolean          warta_application_check_settings_schema (void);
WartaApplication *warta_application_new               (void);
GSettings        *warta_application_get_settings      (WartaApplication  *self);
WartaDatabase    *warta_application_get_database      (WartaApplication  *self);
WartaContext     *warta_application_get_context       (WartaApplication  *self);
const GError     *warta_application_get_database_error (WartaApplication *self);
gboolean          warta_application_open_database     (WartaApplication  *self,
                                                       const char        *path,
                                                       GError           **error);
gboolean          warta_application_switch_database   (WartaApplication  *self,
                                                       const char        *path,
                                                       GError           **error);
void              warta_application_confirm_quit      (WartaApplication  *self);
void              warta_application_cancel_quit       (WartaApplication  *self);
gboolean          warta_application_get_quit_confirmed (WartaApplication *self);

G_END_DECLS
