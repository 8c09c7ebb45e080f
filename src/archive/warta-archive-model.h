/* warta-archive-model.h: the archive as a lazily paged list
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "warta-archive.h"

G_BEGIN_DECLS

#define WARTA_ARCHIVE_MODEL_PAGE_SIZE 100

#define WARTA_TYPE_ARCHIVE_MODEL (warta_archive_model_get_type ())

G_DECLARE_FINAL_TYPE (WartaArchiveModel, warta_archive_model, WARTA, ARCHIVE_MODEL, GObject)

WartaArchiveModel       *warta_archive_model_new           (WartaArchive            *archive);
WartaArchive            *warta_archive_model_get_archive   (WartaArchiveModel       *self);
void                     warta_archive_model_set_query     (WartaArchiveModel       *self,
                                                            const WartaArchiveQuery *query);
const WartaArchiveQuery *warta_archive_model_get_query     (WartaArchiveModel       *self);
void                     warta_archive_model_reload        (WartaArchiveModel       *self);
gboolean                 warta_archive_model_get_loading   (WartaArchiveModel       *self);
const char              *warta_archive_model_get_error     (WartaArchiveModel       *self);
guint                    warta_archive_model_get_n_loaded_pages (WartaArchiveModel  *self);

G_END_DECLS
