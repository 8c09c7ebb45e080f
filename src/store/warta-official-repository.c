/* warta-official-repository.c: the officials directory
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Removing an official only marks the row inactive: revisions written with
 * the name keep it as text, and the directory's history stays readable.
 *
 * Who may change the directory: an administrator, or anyone holding the
 * social media admin role (they write the captions that carry the titles).
 * The right is read from the stored account at each change, not from the
 * caller's copy. Every change is an event in the history (with no
 * publication, like the events about people).
 */
#define G_LOG_DOMAIN "warta-official-repository"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "warta-database-private.h"
#include "warta-event-log-private.h"
#include "warta-official-repository.h"
#include "warta-user-repository.h"

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

/* Any entry, active or not, by id. */
static WartaOfficial *
get_in_transaction (WartaOfficialRepository  *self,
                    gint64                    official_id,
                    GError                  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _warta_database_prepare (self->database,
                                  "SELECT id, prefix, name, suffix, position, version FROM officials "
                                  "WHERE id = ?",
                                  error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, official_id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return official_from_row (stmt);
  if (rc == SQLITE_DONE)
    g_set_error_literal (error, WARTA_DB_ERROR, WARTA_DB_ERROR_CONFLICT,
                         _("Someone else changed or removed this official. Close the list and open it again."));
  else
    _warta_database_set_error (self->database, error, rc, "officials");

  return NULL;
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

/* Fails when another active entry (not @except_id) has @name and
 * @position, whatever their case and surrounding spaces: two entries for
 * one official would be chosen at random in "Who". */
static gboolean
check_not_listed (WartaOfficialRepository  *self,
                  const char               *name,
                  const char               *position,
                  gint64                    except_id,
                  GError                  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(WartaOfficial) existing = NULL;
  g_autofree char *full = NULL;
  int rc;

  stmt = _warta_database_prepare (self->database,
                                  "SELECT id FROM officials WHERE active = 1 AND id != ? "
                                  "AND trim (name) = trim (?) COLLATE NOCASE "
                                  "AND trim (position) = trim (?) COLLATE NOCASE LIMIT 1",
                                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, except_id);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, position != NULL ? position : "", -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    {
      _warta_database_set_error (self->database, error, rc, "officials");
      return FALSE;
    }

  existing = get_in_transaction (self, sqlite3_column_int64 (stmt, 0), error);
  if (existing == NULL)
    return FALSE;
  full = warta_official_dup_full_title (existing);
  g_set_error (error, WARTA_DB_ERROR, WARTA_DB_ERROR_CONFLICT,
               /* Translators: %s is the entry's full title, "Dr. H. Name, S.E., Inspektur" */
               _("“%s” is already in the directory. Change that entry rather than adding the official twice."),
               full);
  return FALSE;
}

/**
 * warta_official_repository_can_manage:
 * @actor: (nullable): a user
 *
 * Returns: whether @actor, as the caller knows it, may change the directory:
 *   an active administrator or social media admin. The changes check the
 *   stored account again.
 */
gboolean
warta_official_repository_can_manage (WartaUser *actor)
{
  return actor != NULL && warta_user_get_active (actor) &&
         (warta_user_get_is_admin (actor) ||
          warta_user_has_role (actor, WARTA_ROLE_SOCIAL_MEDIA_ADMIN));
}

static gboolean
check_manager (WartaOfficialRepository  *self,
               WartaUser                *actor,
               const char              **out_role,
               GError                  **error)
{
  g_autoptr(WartaUserRepository) users = warta_user_repository_new (self->database, self->clock);
  g_autoptr(WartaUser) stored = NULL;

  stored = warta_user_repository_get (users, warta_user_get_id (actor), error);
  if (stored == NULL)
    return FALSE;

  if (!warta_official_repository_can_manage (stored))
    {
      g_set_error_literal (error, WARTA_USER_ERROR, WARTA_USER_ERROR_FORBIDDEN,
                           _("Only an administrator or a social media admin may change the officials directory. Ask one of them."));
      return FALSE;
    }

  *out_role = warta_user_get_is_admin (stored) ? "admin"
                                               : warta_role_get_id (WARTA_ROLE_SOCIAL_MEDIA_ADMIN);
  return TRUE;
}

static gboolean
log_change (WartaOfficialRepository  *self,
            WartaUser                *actor,
            const char               *role,
            const char               *kind,
            WartaOfficial            *official,
            gint64                    now,
            GError                  **error)
{
  g_autofree char *full = warta_official_dup_full_title (official);
  g_autofree char *note = g_strdup_printf ("#%" G_GINT64_FORMAT " %s",
                                           warta_official_get_id (official), full);

  return _warta_event_log_append (self->database, 0, now, warta_user_get_id (actor), role, kind,
                                  NULL, NULL, 0, note, error) != 0;
}

/**
 * warta_official_repository_add:
 * @actor: who adds the entry: an administrator or a social media admin
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
  const char *role = NULL;
  gint64 now;
  int rc;

  g_return_val_if_fail (WARTA_IS_OFFICIAL_REPOSITORY (self), NULL);
  g_return_val_if_fail (WARTA_IS_USER (actor), NULL);

  if (!check_manager (self, actor, &role, error))
    return NULL;

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
  if (!check_not_listed (self, name, position, 0, error))
    {
      _warta_database_rollback (self->database);
      return NULL;
    }

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

  if (!log_change (self, actor, role, "official-added", official, now, error))
    {
      _warta_database_rollback (self->database);
      return NULL;
    }

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
  g_autoptr(WartaOfficial) removed = NULL;
  const char *role = NULL;
  gint64 now;
  int rc;

  g_return_val_if_fail (WARTA_IS_OFFICIAL_REPOSITORY (self), FALSE);
  g_return_val_if_fail (WARTA_IS_USER (actor), FALSE);

  if (!check_manager (self, actor, &role, error))
    return FALSE;

  now = warta_clock_now (self->clock);
  if (!_warta_database_begin_write (self->database, error))
    return FALSE;

  removed = get_in_transaction (self, official_id, error);
  if (removed == NULL)
    {
      _warta_database_rollback (self->database);
      return FALSE;
    }

  stmt = _warta_database_prepare (self->database,
                                  "UPDATE officials SET active = 0, version = version + 1, "
                                  "updated_at = ? WHERE id = ? AND version = ? AND active = 1",
                                  error);
  if (stmt == NULL)
    {
      _warta_database_rollback (self->database);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, now);
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

  if (!log_change (self, actor, role, "official-deactivated", removed, now, error))
    {
      _warta_database_rollback (self->database);
      return FALSE;
    }

  return _warta_database_commit (self->database, error);
}

/**
 * warta_official_repository_update:
 * @actor: an administrator or a social media admin
 * @expected_version: the version the caller changed
 *
 * Writes new titles, name and position of an active entry. Revisions
 * written before keep the old text.
 *
 * Returns: (transfer full): the entry as stored, or %NULL with @error set
 *   (%WARTA_DB_ERROR_CONFLICT when someone changed it since)
 */
WartaOfficial *
warta_official_repository_update (WartaOfficialRepository  *self,
                                  WartaUser                *actor,
                                  gint64                    official_id,
                                  gint64                    expected_version,
                                  const char               *prefix,
                                  const char               *name,
                                  const char               *suffix,
                                  const char               *position,
                                  GError                  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(WartaOfficial) official = NULL;
  const char *role = NULL;
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

  if (!check_manager (self, actor, &role, error))
    return NULL;

  now = warta_clock_now (self->clock);
  if (!_warta_database_begin_write (self->database, error))
    return NULL;
  if (!check_not_listed (self, name, position, official_id, error))
    {
      _warta_database_rollback (self->database);
      return NULL;
    }

  stmt = _warta_database_prepare (self->database,
                                  "UPDATE officials SET prefix = ?, name = ?, suffix = ?, position = ?, "
                                  "version = version + 1, updated_at = ? "
                                  "WHERE id = ? AND version = ? AND active = 1",
                                  error);
  if (stmt == NULL)
    {
      _warta_database_rollback (self->database);
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, prefix != NULL ? prefix : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, suffix != NULL ? suffix : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, position != NULL ? position : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 5, now);
  sqlite3_bind_int64 (stmt, 6, official_id);
  sqlite3_bind_int64 (stmt, 7, expected_version);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      _warta_database_set_error (self->database, error, rc, "officials");
      _warta_database_rollback (self->database);
      return NULL;
    }

  if (sqlite3_changes (_warta_database_get_handle (self->database)) == 0)
    {
      _warta_database_rollback (self->database);
      g_set_error_literal (error, WARTA_DB_ERROR, WARTA_DB_ERROR_CONFLICT,
                           _("Someone else changed or removed this official. Close the list and open it again."));
      return NULL;
    }

  official = get_in_transaction (self, official_id, error);
  if (official == NULL ||
      !log_change (self, actor, role, "official-changed", official, now, error))
    {
      _warta_database_rollback (self->database);
      return NULL;
    }

  if (!_warta_database_commit (self->database, error))
    return NULL;

  return g_steal_pointer (&official);
}
