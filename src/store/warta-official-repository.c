/* warta-official-repository.c: the officials directory
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Removing an official only marks the row inactive: revisions written with
 * the name keep it as text, and the directory's history stays readable.
 */
#define G_LOG_DOMAIN "warta-official-repository"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "warta-database-private.h"
#include "warta-official-repository.h"

struct _WartaOfficialRepository
{
  GObject        parent_instance;

  WartaDatabase *database;
  WartaClock    *clock;
};

G_DEFINE_FINAL_TYPE (WartaOfficialRepository, warta_official_repository, G_TYPE_OBJECT)

static void
warta_official_repository_dispose (GObject *object)
{
  WartaOfficialRepository *self = WARTA_OFFICIAL_REPOSITORY (object);

  g_clear_object (&self->database);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (warta_official_repository_parent_class)->dispose (object);
}

static void
warta_official_repository_class_init (WartaOfficialRepositoryClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = warta_official_repository_dispose;
}

static void
warta_official_repository_init (WartaOfficialRepository *self)
{
}

WartaOfficialRepository *
warta_official_repository_new (WartaDatabase *database,
                               WartaClock    *clock)
{
  WartaOfficialRepository *self;

  g_return_val_if_fail (WARTA_IS_DATABASE (database), NULL);
  g_return_val_if_fail (WARTA_IS_CLOCK (clock), NULL);

  self = g_object_new (WARTA_TYPE_OFFICIAL_REPOSITORY, NULL);
  self->database = g_object_ref (database);
  self->clock = g_object_ref (clock);

  return self;
}

static WartaOfficial *
official_from_row (sqlite3_stmt *stmt)
{
  WartaOfficial *official = warta_official_new ();

  warta_official_set_id (official, sqlite3_column_int64 (stmt, 0));
  warta_official_set_prefix (official, (const char *)sqlite3_column_text (stmt, 1));
  warta_official_set_name (official, (const char *)sqlite3_column_text (stmt, 2));
  warta_official_set_suffix (official, (const char *)sqlite3_column_text (stmt, 3));
  warta_official_set_position (official, (const char *)sqlite3_column_text (stmt, 4));
  warta_official_set_version (official, sqlite3_column_int64 (stmt, 5));

  return official;
}

/**
 * warta_official_repository_list:
 *
 * Returns: (transfer full): the active officials, #WartaOfficial, by name
 */
GListModel *
warta_official_repository_list (WartaOfficialRepository  *self,
                                GError                  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GListStore) store = NULL;
  int rc;

  g_return_val_if_fail (WARTA_IS_OFFICIAL_REPOSITORY (self), NULL);

  stmt = _warta_database_prepare (self->database,
                                  "SELECT id, prefix, name, suffix, position, version FROM officials "
                                  "WHERE active = 1 ORDER BY name COLLATE NOCASE, id",
                                  error);
  if (stmt == NULL)
    return NULL;

  store = g_list_store_new (WARTA_TYPE_OFFICIAL);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(WartaOfficial) official = official_from_row (stmt);

      g_list_store_append (store, official);
    }

  if (rc != SQLITE_DONE)
    {
      _warta_database_set_error (self->database, error, rc, "officials");
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&store));
}

static gboolean
has_text (const char *text)
{
  while (text != NULL && g_ascii_isspace (*text))
    text++;

  return text != NULL && *text != '\0';
}

/**
 * warta_official_repository_add:
 * @actor: who adds the entry; any signed-in user may
 *
 * Returns: (transfer full): the new entry, or %NULL with @error set
 */
WartaOfficial *
warta_official_repository_add (WartaOfficialRepository  *self,
                               WartaUser                *actor,
                               const char               *prefix,
                               const char               *name,
                               const char               *suffix,
                               const char               *position,
                               GError                  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(WartaOfficial) official = warta_official_new ();
  gint64 now;
  int rc;

  g_return_val_if_fail (WARTA_IS_OFFICIAL_REPOSITORY (self), NULL);
  g_return_val_if_fail (WARTA_IS_USER (actor), NULL);

  if (!has_text (name))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("Enter the official’s name."));
      return NULL;
    }

  warta_official_set_prefix (official, prefix);
  warta_official_set_name (official, name);
  warta_official_set_suffix (official, suffix);
  warta_official_set_position (official, position);
  warta_official_set_version (official, 1);
  now = warta_clock_now (self->clock);

  if (!_warta_database_begin_write (self->database, error))
    return NULL;

  stmt = _warta_database_prepare (self->database,
                                  "INSERT INTO officials (prefix, name, suffix, position, created_by, "
                                  "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                                  error);
  if (stmt == NULL)
    {
      _warta_database_rollback (self->database);
      return NULL;
    }

  sqlite3_bind_text (stmt, 1, warta_official_get_prefix (official), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, warta_official_get_name (official), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, warta_official_get_suffix (official), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, warta_official_get_position (official), -1, SQLITE_TRANSIENT);
  _warta_bind_id (stmt, 5, warta_user_get_id (actor));
  sqlite3_bind_int64 (stmt, 6, now);
  sqlite3_bind_int64 (stmt, 7, now);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      _warta_database_set_error (self->database, error, rc, "officials");
      _warta_database_rollback (self->database);
      return NULL;
    }
  warta_official_set_id (official,
                         sqlite3_last_insert_rowid (_warta_database_get_handle (self->database)));

  if (!_warta_database_commit (self->database, error))
    return NULL;

  return g_steal_pointer (&official);
}

/**
 * warta_official_repository_remove:
 *
 * Takes the entry out of the directory. Fails with %WARTA_DB_ERROR_CONFLICT
 * when someone changed it since @expected_version.
 */
gboolean
warta_official_repository_remove (WartaOfficialRepository  *self,
                                  WartaUser                *actor,
                                  gint64                    official_id,
                                  gint64                    expected_version,
                                  GError                  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (WARTA_IS_OFFICIAL_REPOSITORY (self), FALSE);
  g_return_val_if_fail (WARTA_IS_USER (actor), FALSE);

  if (!_warta_database_begin_write (self->database, error))
    return FALSE;

  stmt = _warta_database_prepare (self->database,
                                  "UPDATE officials SET active = 0, version = version + 1, "
                                  "updated_at = ? WHERE id = ? AND version = ? AND active = 1",
                                  error);
  if (stmt == NULL)
    {
      _warta_database_rollback (self->database);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, warta_clock_now (self->clock));
  sqlite3_bind_int64 (stmt, 2, official_id);
  sqlite3_bind_int64 (stmt, 3, expected_version);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      _warta_database_set_error (self->database, error, rc, "officials");
      _warta_database_rollback (self->database);
      return FALSE;
    }

  if (sqlite3_changes (_warta_database_get_handle (self->database)) == 0)
    {
      _warta_database_rollback (self->database);
      g_set_error_literal (error, WARTA_DB_ERROR, WARTA_DB_ERROR_CONFLICT,
                           _("Someone else changed or removed this official. Close the list and open it again."));
      return FALSE;
    }

  return _warta_database_commit (self->database, error);
}
