/* warta-office-rules.c: the rules every workstation on a database shares
 *
 * The SOP's step time limits, the role and unit names and the office's
 * time zone are the office's, not a workstation's: a deadline counted
 * with another limit on each desk would make the compliance reports
 * disagree. They live in the database, keyed as the settings that each
 * workstation kept them in before; a workstation's settings follow them,
 * and a change made in one workstation's preferences is the office's,
 * recorded with who made it. Only an administrator changes them.
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "warta-office-rules"

#include "config.h"

#include <glib/gi18n.h>

#include "warta-database-private.h"
#include "warta-office-rules.h"
#include "warta-user-repository.h"

/**
 * warta_office_rules_can_change:
 * @user: (nullable): a user; %NULL for nobody
 *
 * Returns: whether @user, as the caller knows the account, may change
 *   the office's rules: an active administrator.
 *   warta_office_rules_store() checks the stored account again.
 */
gboolean
warta_office_rules_can_change (WartaUser *user)
{
  return user != NULL && warta_user_get_is_admin (user) && warta_user_get_active (user);
}

/**
 * warta_office_rules_load:
 * @database: a #WartaDatabase
 * @error: where to put an error
 *
 * Returns: (transfer full): each rule's key → its value (GVariant text)
 */
GHashTable *
warta_office_rules_load (WartaDatabase  *database,
                         GError        **error)
{
  g_autoptr(GHashTable) rules = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (WARTA_IS_DATABASE (database), NULL);

  stmt = _warta_database_prepare (database, "SELECT key, value FROM office_rules", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_replace (rules, g_strdup ((const char *)sqlite3_column_text (stmt, 0)),
                          g_strdup ((const char *)sqlite3_column_text (stmt, 1)));
  if (rc != SQLITE_DONE)
    {
      _warta_database_set_error (database, error, rc, "office rules");
      return NULL;
    }

  return g_steal_pointer (&rules);
}

/* Whether @user_id is an active administrator, as stored now: the
 * caller's copy of the account may be older than another workstation's
 * change of it. */
static gboolean
check_admin (WartaDatabase  *database,
             gint64          user_id,
             GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _warta_database_prepare (database,
                                  "SELECT 1 FROM users "
                                  "WHERE id = ? AND is_admin = 1 AND active = 1",
                                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, user_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    {
      _warta_database_set_error (database, error, rc, "office rules");
      return FALSE;
    }

  g_set_error_literal (error, WARTA_USER_ERROR, WARTA_USER_ERROR_FORBIDDEN,
                       _("Only an administrator can change the office’s rules. Ask an administrator."));
  return FALSE;
}

/* Writes one rule; with @by_admin, only when @user_id is an
 * administrator, checked in the same transaction. */
static gboolean
write_rule (WartaDatabase  *database,
            const char     *sql,
            const char     *key,
            const char     *value,
            gboolean        by_admin,
            gint64          user_id,
            gint64          now,
            GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!_warta_database_begin_write (database, error))
    return FALSE;
  if (by_admin && !check_admin (database, user_id, error))
    {
      _warta_database_rollback (database);
      return FALSE;
    }
  stmt = _warta_database_prepare (database, sql, error);
  if (stmt == NULL)
    {
      _warta_database_rollback (database);
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
  if (user_id != 0)
    sqlite3_bind_int64 (stmt, 3, user_id);
  else
    sqlite3_bind_null (stmt, 3);
  sqlite3_bind_int64 (stmt, 4, now);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      _warta_database_set_error (database, error, rc, "office rules");
      _warta_database_rollback (database);
      return FALSE;
    }
  return _warta_database_commit (database, error);
}

/**
 * warta_office_rules_seed:
 * @database: a #WartaDatabase
 * @key: the rule
 * @value: its value (GVariant text)
 * @now: µs since the epoch
 * @error: where to put an error
 *
 * Brings a workstation's setting into a database that has no such rule
 * yet (one made before the rules were shared); an existing rule stays.
 */
gboolean
warta_office_rules_seed (WartaDatabase  *database,
                         const char     *key,
                         const char     *value,
                         gint64          now,
                         GError        **error)
{
  g_return_val_if_fail (WARTA_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (key != NULL && value != NULL, FALSE);

  return write_rule (database,
                     "INSERT INTO office_rules (key, value, updated_by, updated_at) "
                     "VALUES (?, ?, ?, ?) ON CONFLICT (key) DO NOTHING",
                     key, value, FALSE, 0, now, error);
}

/**
 * warta_office_rules_store:
 * @database: a #WartaDatabase
 * @user_id: who changes it: an active administrator
 * @key: the rule
 * @value: its new value (GVariant text)
 * @now: µs since the epoch
 * @error: where to put an error; %WARTA_USER_ERROR_FORBIDDEN when
 *   @user_id is not an active administrator (or 0, nobody)
 *
 * Returns: whether the rule was written
 */
gboolean
warta_office_rules_store (WartaDatabase  *database,
                          gint64          user_id,
                          const char     *key,
                          const char     *value,
                          gint64          now,
                          GError        **error)
{
  g_return_val_if_fail (WARTA_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (key != NULL && value != NULL, FALSE);

  return write_rule (database,
                     "INSERT INTO office_rules (key, value, updated_by, updated_at) "
                     "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (key) DO UPDATE SET "
                     "value = ?2, updated_by = ?3, updated_at = ?4",
                     key, value, TRUE, user_id, now, error);
}
