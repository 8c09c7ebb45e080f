/* warta-archive-page.h: the archive: search, filters, dossiers, export,
 * the history check and retention
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "warta-archive-model.h"
#include "warta-context.h"

G_BEGIN_DECLS

#define WARTA_TYPE_ARCHIVE_PAGE (warta_archive_page_get_type ())

G_DECLARE_FINAL_TYPE (WartaArchivePage, warta_archive_page, WARTA, ARCHIVE_PAGE, AdwBin)

GtkWidget         *warta_archive_page_new         (void);
void               warta_archive_page_set_context (WartaArchivePage *self,
                                                   WartaContext     *context);
WartaArchiveModel *warta_archive_page_get_model   (WartaArchivePage *self);
gboolean           warta_archive_page_go_back     (WartaArchivePage *self);
gboolean           warta_archive_page_focus_search (WartaArchivePage *self);

G_END_DECLS
