/* warta-export.h: dossiers to a folder or a zip, with their media and a PDF record
 * sheet each, and back
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "warta-archive.h"
#include "warta-dossier.h"

G_BEGIN_DECLS

#define WARTA_EXPORT_FORMAT  "warta-export"
#define WARTA_EXPORT_VERSION 1

gboolean warta_export_write          (WartaDatabase              *database,
                                      const gint64               *ids,
                                      guint                       n_ids,
                                      const char                 *folder,
                                      const WartaDossierOptions  *options,
                                      GError                    **error);
gboolean warta_export_write_zip      (WartaDatabase              *database,
                                      const gint64               *ids,
                                      guint                       n_ids,
                                      const char                 *path,
                                      const WartaDossierOptions  *options,
                                      GError                    **error);
void     warta_export_write_async    (WartaArchive               *archive,
                                      GArray                     *ids,
                                      const char                 *folder,
                                      const WartaDossierOptions  *options,
                                      GCancellable               *cancellable,
                                      GAsyncReadyCallback         callback,
                                      gpointer                    user_data);
void     warta_export_range_async    (WartaArchive               *archive,
                                      gint64                      from_us,
                                      gint64                      to_us,
                                      const char                 *folder,
                                      const WartaDossierOptions  *options,
                                      GCancellable               *cancellable,
                                      GAsyncReadyCallback         callback,
                                      gpointer                    user_data);
gboolean warta_export_write_finish   (WartaArchive               *archive,
                                      GAsyncResult               *result,
                                      guint                      *out_n_exported,
                                      GError                    **error);
gboolean warta_export_write_record_sheet (WartaDossier           *dossier,
                                          const char             *path,
                                          const char             *agency,
                                          GTimeZone              *time_zone,
                                          const char             *media_folder,
                                          GError                **error);
gboolean warta_export_import         (WartaDatabase              *database,
                                      const char                 *folder,
                                      guint                      *out_n_imported,
                                      GError                    **error);
void     warta_export_import_async   (WartaDatabase              *database,
                                      const char                 *folder,
                                      GCancellable               *cancellable,
                                      GAsyncReadyCallback         callback,
                                      gpointer                    user_data);
gboolean warta_export_import_finish  (WartaDatabase              *database,
                                      GAsyncResult               *result,
                                      guint                      *out_n_imported,
                                      GError                    **error);

G_END_DECLS
