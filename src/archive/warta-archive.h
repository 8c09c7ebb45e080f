/* warta-archive.h: searching the archive, and the archive's worker
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "warta-database.h"
#include "warta-workflow.h"

G_BEGIN_DECLS

/* Which date the range of a #WartaArchiveQuery is of. */
typedef enum
{
  WARTA_ARCHIVE_DATE_CREATED,
  WARTA_ARCHIVE_DATE_PUBLISHED,
} WartaArchiveDate;

/* What the user asked for. @text is what they typed: it is never passed
 * to FTS5 as syntax (see warta_archive_build_match()). */
typedef struct
{
  char     *text;
  gint64    from_us;     /* created (or published) from … (0: open) */
  gint64    to_us;       /* … until before (0: open) */
  WartaArchiveDate date; /* which date from_us and to_us bound */
  char     *platform;    /* "facebook", "youtube" …; NULL: any */
  char     *category;    /* "periodic", "immediate", "on-request"; NULL: any */
  char     *unit;        /* NULL: any */
  guint     states;      /* bit set of 1 << WartaState; 0: any */
  gint64    person_id;   /* 0: anyone */
  gint64    publication_id; /* only this publication (is it still listed?); 0: any */
  gboolean  relevance;   /* rank by relevance instead of newest first */
} WartaArchiveQuery;

#define WARTA_TYPE_ARCHIVE_QUERY (warta_archive_query_get_type ())

GType              warta_archive_query_get_type (void) G_GNUC_CONST;
WartaArchiveQuery *warta_archive_query_new      (void);
WartaArchiveQuery *warta_archive_query_copy     (const WartaArchiveQuery *query);
void               warta_archive_query_free     (WartaArchiveQuery       *query);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WartaArchiveQuery, warta_archive_query_free)

/* The states the archive shows by default: the finished ones. */
#define WARTA_ARCHIVE_STATES_DEFAULT \
  ((1u << WARTA_STATE_PUBLISHED) | (1u << WARTA_STATE_PARTIALLY_PUBLISHED) | \
   (1u << WARTA_STATE_WITHDRAWN))

/* How many of the newest matches relevance ranking looks at. */
#define WARTA_ARCHIVE_RELEVANCE_CANDIDATES 1000

char              *warta_archive_build_match    (const char              *text);

#define WARTA_TYPE_ARCHIVE (warta_archive_get_type ())

G_DECLARE_FINAL_TYPE (WartaArchive, warta_archive, WARTA, ARCHIVE, GObject)

/* Runs in the archive's worker thread with its own read connection. */
typedef gpointer (*WartaArchiveWorkFunc) (WartaDatabase  *reader,
                                          gpointer        data,
                                          GCancellable   *cancellable,
                                          GError        **error);

WartaArchive  *warta_archive_new             (WartaDatabase            *database);
WartaDatabase *warta_archive_get_database    (WartaArchive             *self);

GPtrArray     *warta_archive_search          (WartaArchive             *self,
                                              const WartaArchiveQuery  *query,
                                              guint                     offset,
                                              guint                     limit,
                                              GError                  **error);
/* A first count stops here; the exact one follows (see WartaArchiveModel). */
#define WARTA_ARCHIVE_FIRST_COUNT 1000

gboolean       warta_archive_count           (WartaArchive             *self,
                                              const WartaArchiveQuery  *query,
                                              guint                    *out_count,
                                              GError                  **error);

gboolean       warta_archive_count_first     (WartaArchive             *self,
                                              const WartaArchiveQuery  *query,
                                              guint                    *out_count,
                                              GError                  **error);

void           warta_archive_search_async    (WartaArchive             *self,
                                              const WartaArchiveQuery  *query,
                                              guint                     offset,
                                              guint                     limit,
                                              gboolean                  count,
                                              guint                     count_limit,
                                              GCancellable             *cancellable,
                                              GAsyncReadyCallback       callback,
                                              gpointer                  user_data);
GPtrArray     *warta_archive_search_finish   (WartaArchive             *self,
                                              GAsyncResult             *result,
                                              guint                    *out_count,
                                              GError                  **error);

void           warta_archive_verify_async    (WartaArchive             *self,
                                              GCancellable             *cancellable,
                                              GAsyncReadyCallback       callback,
                                              gpointer                  user_data);
gboolean       warta_archive_verify_finish   (WartaArchive             *self,
                                              GAsyncResult             *result,
                                              gint64                   *out_broken_event_id,
                                              GError                  **error);

void           warta_archive_run_async       (WartaArchive             *self,
                                              WartaArchiveWorkFunc      func,
                                              gpointer                  data,
                                              GDestroyNotify            data_destroy,
                                              GDestroyNotify            result_destroy,
                                              GCancellable             *cancellable,
                                              GAsyncReadyCallback       callback,
                                              gpointer                  user_data);
gpointer       warta_archive_run_finish      (WartaArchive             *self,
                                              GAsyncResult             *result,
                                              GError                  **error);

G_END_DECLS
