/* warta-dossier.h: everything kept about one publication
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "warta-archive.h"
#include "warta-database.h"

G_BEGIN_DECLS

/* What the settings add to a dossier: the agency, and the retention
 * period (years, 0: permanent) per information category. */
typedef struct
{
  const char *agency;
  guint       retention_periodic;
  guint       retention_immediate;
  guint       retention_on_request;
} WartaDossierOptions;

void warta_dossier_options_init (WartaDossierOptions *options);
guint warta_dossier_options_get_retention (const WartaDossierOptions *options,
                                           const char                *category);

#define WARTA_TYPE_DOSSIER (warta_dossier_get_type ())

G_DECLARE_FINAL_TYPE (WartaDossier, warta_dossier, WARTA, DOSSIER, GObject)

WartaDossier *warta_dossier_load          (WartaDatabase              *database,
                                           gint64                      publication_id,
                                           const WartaDossierOptions  *options,
                                           GError                    **error);
WartaDossier *warta_dossier_new_from_json (JsonObject                 *object,
                                           GError                    **error);
void          warta_dossier_load_async    (WartaArchive               *archive,
                                           gint64                      publication_id,
                                           const WartaDossierOptions  *options,
                                           GCancellable               *cancellable,
                                           GAsyncReadyCallback         callback,
                                           gpointer                    user_data);
WartaDossier *warta_dossier_load_finish   (WartaArchive               *archive,
                                           GAsyncResult               *result,
                                           GError                    **error);

gint64        warta_dossier_get_id        (WartaDossier               *self);
const char   *warta_dossier_get_title     (WartaDossier               *self);
JsonObject   *warta_dossier_get_json      (WartaDossier               *self);
JsonObject   *warta_dossier_get_records   (WartaDossier               *self);
char         *warta_dossier_to_string     (WartaDossier               *self);
char         *warta_dossier_to_text       (WartaDossier               *self,
                                           GTimeZone                  *time_zone);

G_END_DECLS
