/* warta-event-log.h: the append-only, hash-chained history
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "warta-database.h"
#include "warta-event.h"

G_BEGIN_DECLS

gboolean     warta_store_verify_history       (WartaDatabase  *database,
                                               gint64         *out_broken_event_id,
                                               GError        **error);
char        *warta_event_log_get_hash_before  (WartaDatabase  *database,
                                               gint64          event_id,
                                               GError        **error);
GListModel  *warta_event_log_list             (WartaDatabase  *database,
                                               gint64          publication_id,
                                               GError        **error);
WartaEvent  *warta_event_log_get_latest       (WartaDatabase  *database,
                                               gint64          publication_id,
                                               GError        **error);
gint64       warta_event_log_count            (WartaDatabase  *database,
                                               const char     *kind,
                                               GError        **error);

G_END_DECLS
