/* warta-database-private.h: what the repositories in store/ share
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "warta-database.h"

G_BEGIN_DECLS

/* The "application_id" every Warta database carries: "WRTA". */
#define WARTA_DATABASE_APPLICATION_ID 0x57525441

sqlite3      *_warta_database_get_handle     (WartaDatabase  *self);
sqlite3_stmt *_warta_database_prepare        (WartaDatabase  *self,
                                              const char     *sql,
                                              GError        **error);
gboolean      _warta_database_begin_write    (WartaDatabase  *self,
                                              GError        **error);
gboolean      _warta_database_commit         (WartaDatabase  *self,
                                              GError        **error);
void          _warta_database_rollback       (WartaDatabase  *self);
gboolean      _warta_database_exec           (WartaDatabase  *self,
                                              const char     *sql,
                                              GError        **error);
void          _warta_database_set_error      (WartaDatabase  *self,
                                              GError        **error,
                                              int             rc,
                                              const char     *what);
void          _warta_database_notify_changed (WartaDatabase  *self);

/* Tests only: apply migrations up to @limit (0: all), to test each one. */
void          _warta_database_set_migration_limit (int limit);

/* Statements from _warta_database_prepare() stay cached; this resets one
 * when it goes out of scope, so no read transaction is left open. */
static inline void
_warta_stmt_reset (sqlite3_stmt *stmt)
{
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
    }
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, _warta_stmt_reset)

/* Binds NULL for a NULL string, and for 0 where 0 means "none". */
static inline int
_warta_bind_text (sqlite3_stmt *stmt,
                  int           index,
                  const char   *text)
{
  return text != NULL ? sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT)
                      : sqlite3_bind_null (stmt, index);
}

static inline int
_warta_bind_id (sqlite3_stmt *stmt,
                int           index,
                gint64        id)
{
  return id != 0 ? sqlite3_bind_int64 (stmt, index, id) : sqlite3_bind_null (stmt, index);
}

static inline char *
_warta_column_dup (sqlite3_stmt *stmt,
                   int           column)
{
  return g_strdup ((const char *)sqlite3_column_text (stmt, column));
}

G_END_DECLS
