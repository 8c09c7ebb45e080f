/* warta-official-repository.h: the officials directory
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "warta-clock.h"
#include "warta-database.h"
#include "warta-official.h"
#include "warta-user.h"

G_BEGIN_DECLS

#define WARTA_TYPE_OFFICIAL_REPOSITORY (warta_official_repository_get_type ())

G_DECLARE_FINAL_TYPE (WartaOfficialRepository, warta_official_repository,
                      WARTA, OFFICIAL_REPOSITORY, GObject)

WartaOfficialRepository *warta_official_repository_new    (WartaDatabase            *database,
                                                            WartaClock               *clock);
GListModel              *warta_official_repository_list   (WartaOfficialRepository  *self,
                                                            GError                  **error);
WartaOfficial           *warta_official_repository_add    (WartaOfficialRepository  *self,
                                                            WartaUser                *actor,
                                                            const char               *prefix,
                                                            const char               *name,
                                                            const char               *suffix,
                                                            const char               *position,
                                                            GError                  **error);
gboolean                 warta_official_repository_remove (WartaOfficialRepository  *self,
                                                            WartaUser                *actor,
                                                            gint64                    official_id,
                                                            gint64                    expected_version,
                                                            GError                  **error);

WartaOfficial           *warta_official_repository_update (WartaOfficialRepository  *self,
                                                            WartaUser                *actor,
                                                            gint64                    official_id,
                                                            gint64                    expected_version,
                                                            const char               *prefix,
                                                            const char               *name,
                                                            const char               *suffix,
                                                            const char               *position,
                                                            GError                  **error);
gboolean                 warta_official_repository_can_manage (WartaUser         *actor);

G_END_DECLS
