/* warta-archive-repository.h: the archive's queries: search, report rows,
 * dossier records, import, disposition
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "warta-database.h"
#include "warta-user.h"
#include "warta-workflow.h"

G_BEGIN_DECLS

/* What to search for. @match is an FTS5 expression that archive/ builds
 * from quoted tokens only; every other field is bound as a value. */
typedef struct
{
  const char *match;            /* NULL: no text condition */
  gint64      from_us;          /* publications created (or published) from … (0: open) */
  gint64      to_us;            /* … until before (0: open) */
  gboolean    by_published;     /* the range is of the publishing date, not the creation */
  const char *platform;         /* an account platform it was published to */
  const char *category;
  const char *unit;
  guint       states;           /* bit set of 1 << WartaState; 0: any */
  gint64      person_id;        /* someone who acted on it; 0: anyone */
  gint64      publication_id;   /* only this publication; 0: any */
  guint       relevance_limit;  /* > 0: rank by bm25 over that many newest matches */
} WartaArchiveFilter;

typedef struct
{
  gint64      id;
  char       *title;
  WartaState  state;
  char       *category;
  char       *unit;
  char       *author;
  char       *platforms;        /* platform ids it was published to, sorted, comma-separated */
  gint64      created_at;
  gint64      published_at;     /* 0: not published */
} WartaArchiveRow;

void        warta_archive_row_free                  (WartaArchiveRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WartaArchiveRow, warta_archive_row_free)

gboolean    warta_archive_repository_count          (WartaDatabase             *database,
                                                     const WartaArchiveFilter  *filter,
                                                     guint                      limit,
                                                     guint                     *out_count,
                                                     GError                   **error);
GPtrArray  *warta_archive_repository_search         (WartaDatabase             *database,
                                                     const WartaArchiveFilter  *filter,
                                                     guint                      offset,
                                                     guint                      limit,
                                                     GError                   **error);
char      **warta_archive_repository_list_units     (WartaDatabase             *database,
                                                     GError                   **error);

/* Rows for reports. Published: publications whose stay in step 5 ended
 * with "published" in [from, to). */
typedef void (*WartaArchivePublishedFunc) (gint64       publication_id,
                                           const char  *category,
                                           const char  *unit,
                                           const char  *platforms,
                                           gint64       published_at,
                                           guint        correction_rounds,
                                           gpointer     user_data);
typedef void (*WartaArchiveStepFunc)      (gint64       publication_id,
                                           const char  *title,
                                           guint        step,
                                           gint64       entered_at,
                                           gint64       deadline_at,
                                           gint64       exited_at,
                                           gint64       person_id,
                                           const char  *person_name,
                                           gpointer     user_data);

gboolean    warta_archive_repository_foreach_published (WartaDatabase             *database,
                                                        gint64                     from_us,
                                                        gint64                     to_us,
                                                        WartaArchivePublishedFunc  func,
                                                        gpointer                   user_data,
                                                        GError                   **error);
gboolean    warta_archive_repository_foreach_step      (WartaDatabase             *database,
                                                        gint64                     from_us,
                                                        gint64                     to_us,
                                                        WartaArchiveStepFunc       func,
                                                        gpointer                   user_data,
                                                        GError                   **error);

/* Dossier records: the publication's rows of every table, as stored. */
JsonObject *warta_archive_repository_get_records    (WartaDatabase             *database,
                                                     gint64                     publication_id,
                                                     GError                   **error);
GArray     *warta_archive_repository_list_ids       (WartaDatabase             *database,
                                                     gint64                     from_us,
                                                     gint64                     to_us,
                                                     GError                   **error);
gboolean    warta_archive_repository_has_outbox     (WartaDatabase             *database);
gboolean    warta_archive_repository_import         (WartaDatabase             *database,
                                                     GPtrArray                 *records,
                                                     const gint64              *anchor_ids,
                                                     const char * const        *anchor_hashes,
                                                     guint                      n_anchors,
                                                     GCancellable              *cancellable,
                                                     GError                   **error);
gboolean    warta_archive_repository_is_empty       (WartaDatabase             *database,
                                                     gboolean                  *out_empty,
                                                     GError                   **error);

/* Retention: published publications whose retention ended before @now_us
 * and which have no recorded disposition. @years is indexed like
 * @categories (NULL-terminated). */
GPtrArray  *warta_archive_repository_list_due       (WartaDatabase             *database,
                                                     const char * const        *categories,
                                                     const guint               *years,
                                                     gint64                     now_us,
                                                     guint                      limit,
                                                     GError                   **error);
gboolean    warta_archive_repository_can_record_disposition (WartaUser          *actor);
gboolean    warta_archive_repository_record_disposition (WartaDatabase         *database,
                                                         gint64                 publication_id,
                                                         gint64                 actor_id,
                                                         gint64                 at_us,
                                                         const char            *decision,
                                                         const char            *note,
                                                         GError               **error);
gboolean    warta_archive_repository_set_unit       (WartaDatabase             *database,
                                                     gint64                     publication_id,
                                                     const char                *unit,
                                                     GError                   **error);

G_END_DECLS
