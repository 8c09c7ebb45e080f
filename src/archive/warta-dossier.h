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

/* What the settings add to a dossier: the agency, the office's time zone
 * for the record sheet (NULL: WARTA_DEFAULT_TIME_ZONE), and the retention
 * period (years, 0: permanent) per information category. */
typedef struct
{
  const char *agency;
  const char *time_zone;
  guint       retention_periodic;
  guint       retention_immediate;
  guint       retention_on_request;
} WartaDossierOptions;

void warta_dossier_options_init (WartaDossierOptions *options);
guint warta_dossier_options_get_retention (const WartaDossierOptions *options,
                                           const char                *category);

/* The parts of a dossier warta_dossier_foreach_line() words. */
typedef enum
{
  WARTA_DOSSIER_REGISTER,
  WARTA_DOSSIER_FINAL_TEXTS,
  WARTA_DOSSIER_TARGETS,
  WARTA_DOSSIER_HISTORY,
} WartaDossierSection;

typedef enum
{
  WARTA_DOSSIER_HEADING,     /* @label */
  WARTA_DOSSIER_SUBHEADING,  /* @value: a target's platform */
  WARTA_DOSSIER_FIELD,       /* @label: @value; @value may be NULL or empty */
  WARTA_DOSSIER_LINE,        /* @value */
} WartaDossierLineKind;

typedef void (*WartaDossierLineFunc) (WartaDossierLineKind  kind,
                                      const char           *label,
                                      const char           *value,
                                      gpointer              user_data);

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
void          warta_dossier_foreach_line  (WartaDossier               *self,
                                           WartaDossierSection         section,
                                           GTimeZone                  *time_zone,
                                           WartaDossierLineFunc        func,
                                           gpointer                    user_data);

G_END_DECLS
