/* warta-sample-data-private.h: a large generated database, for benchmarks
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "warta-database.h"

G_BEGIN_DECLS

gboolean _warta_sample_data_generate (WartaDatabase  *database,
                                      guint           n_publications,
                                      guint           n_events,
                                      gint64          now_us,
                                      gint64         *out_user_id,
                                      GError        **error);

G_END_DECLS
