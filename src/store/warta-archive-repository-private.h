/* warta-archive-repository-private.h: generated archives, for benchmarks
 * and tests
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "warta-archive-repository.h"

G_BEGIN_DECLS

gboolean _warta_archive_sample_generate (WartaDatabase  *database,
                                         guint           n_publications,
                                         gint64          now_us,
                                         guint32         seed,
                                         GError        **error);
gboolean _warta_archive_rebuild_index   (WartaDatabase  *database,
                                         GError        **error);

G_END_DECLS
