/* warta-archive-page-private.h: what the tests reach in the archive page
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "warta-archive-page.h"

G_BEGIN_DECLS

void _warta_archive_page_export_to (WartaArchivePage *self,
                                    GFile            *folder,
                                    gboolean          zip,
                                    gboolean          range);

G_END_DECLS
