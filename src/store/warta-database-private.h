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

G_END_DECLS
