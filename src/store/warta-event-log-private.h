/* warta-event-log-private.h: appending to the history, for repositories
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "warta-event-log.h"

G_BEGIN_DECLS

gint64 _warta_event_log_append (WartaDatabase  *database,
                                gint64          publication_id,
                                gint64          at,
                                gint64          actor_id,
                                const char     *role,
                                const char     *kind,
                                const char     *from_state,
                                const char     *to_state,
                                gint64          revision_id,
                                const char     *note,
                                GError        **error);
gboolean _warta_event_log_add_anchors (WartaDatabase       *database,
                                       const gint64        *event_ids,
                                       const char * const  *prev_hashes,
                                       guint                n_anchors,
                                       GError             **error);

G_END_DECLS
