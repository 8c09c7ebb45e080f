/* warta-office-rules.h: the rules every workstation on a database shares
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "warta-database.h"
#include "warta-user.h"

G_BEGIN_DECLS

gboolean    warta_office_rules_can_change (WartaUser *user);
GHashTable *warta_office_rules_load  (WartaDatabase  *database,
                                      GError        **error);
gboolean    warta_office_rules_seed  (WartaDatabase  *database,
                                      const char     *key,
                                      const char     *value,
                                      gint64          now,
                                      GError        **error);
gboolean    warta_office_rules_store (WartaDatabase  *database,
                                      gint64          user_id,
                                      const char     *key,
                                      const char     *value,
                                      gint64          now,
                                      GError        **error);

G_END_DECLS
