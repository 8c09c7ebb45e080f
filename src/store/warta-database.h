/* warta-database.h: the one SQLite connection to a Warta database
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define WARTA_DB_ERROR (warta_db_error_quark ())

typedef enum
{
  WARTA_DB_ERROR_OPEN,       /* the file cannot be opened or created */
  WARTA_DB_ERROR_NOT_WARTA,  /* a file that is not a Warta database */
  WARTA_DB_ERROR_TOO_NEW,    /* a database made by a newer Warta */
  WARTA_DB_ERROR_READ_ONLY,  /* a write on a database opened read-only */
  WARTA_DB_ERROR_CONFLICT,   /* a write based on a stale row version */
  WARTA_DB_ERROR_BUSY,       /* another process held the lock too long */
  WARTA_DB_ERROR_CORRUPT,    /* the file is damaged */
  WARTA_DB_ERROR_FAILED,     /* any other SQLite error */
  WARTA_DB_ERROR_TAMPERED,   /* the history was changed outside Warta */
} WartaDbError;

typedef enum
{
  WARTA_JOURNAL_MODE_AUTOMATIC,
  WARTA_JOURNAL_MODE_WAL,
  WARTA_JOURNAL_MODE_ROLLBACK,
} WartaJournalMode;

typedef enum
{
  WARTA_DATABASE_FLAGS_NONE      = 0,
  /* Open an existing file only; never create one. */
  WARTA_DATABASE_FLAGS_NO_CREATE = 1 << 0,
} WartaDatabaseFlags;

#define WARTA_TYPE_DATABASE (warta_database_get_type ())

G_DECLARE_FINAL_TYPE (WartaDatabase, warta_database, WARTA, DATABASE, GObject)

GQuark            warta_db_error_quark               (void);
char             *warta_database_get_default_path    (void);
WartaDatabase    *warta_database_open                (const char          *path,
                                                      WartaJournalMode     journal_mode,
                                                      WartaDatabaseFlags   flags,
                                                      GError             **error);
WartaDatabase    *warta_database_open_for_worker     (WartaDatabase       *self,
                                                      GError             **error);
gboolean          warta_database_check_file          (const char          *path,
                                                      GError             **error);
const char       *warta_database_get_path            (WartaDatabase       *self);
gboolean          warta_database_get_read_only       (WartaDatabase       *self);
const char       *warta_database_get_read_only_reason (WartaDatabase      *self);
WartaJournalMode  warta_database_get_journal_mode    (WartaDatabase       *self);
gboolean          warta_database_get_network_filesystem (WartaDatabase    *self);
int               warta_database_get_schema_version  (WartaDatabase       *self);
int               warta_database_get_latest_schema_version (void);
gboolean          warta_database_backup              (WartaDatabase       *self,
                                                      const char          *destination,
                                                      GError             **error);
void              warta_database_backup_async        (WartaDatabase       *self,
                                                      const char          *destination,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
gboolean          warta_database_backup_finish       (WartaDatabase       *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);
gboolean          warta_database_check_changes       (WartaDatabase       *self);
void              warta_database_set_poll_interval   (WartaDatabase       *self,
                                                      guint                interval_ms);

G_END_DECLS
