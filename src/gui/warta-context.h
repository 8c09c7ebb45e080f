/* warta-context.h: the services a window works with, handed down
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "warta-clock.h"
#include "warta-database.h"
#include "warta-publication-repository.h"
#include "warta-role.h"
#include "warta-user-repository.h"
#include "warta-user.h"

G_BEGIN_DECLS

#define WARTA_TYPE_CONTEXT (warta_context_get_type ())

G_DECLARE_FINAL_TYPE (WartaContext, warta_context, WARTA, CONTEXT, GObject)

WartaContext               *warta_context_new              (WartaDatabase *database,
                                                            GSettings     *settings);
WartaDatabase              *warta_context_get_database     (WartaContext  *self);
GSettings                  *warta_context_get_settings     (WartaContext  *self);
WartaClock                 *warta_context_get_clock        (WartaContext  *self);
WartaPublicationRepository *warta_context_get_publications (WartaContext  *self);
WartaUserRepository        *warta_context_get_users        (WartaContext  *self);
WartaUser                  *warta_context_get_current_user (WartaContext  *self);
const char                 *warta_context_get_role_name    (WartaContext  *self,
                                                            WartaRole      role);
void                        warta_context_set_current_user (WartaContext  *self,
                                                            WartaUser     *user);

G_END_DECLS
