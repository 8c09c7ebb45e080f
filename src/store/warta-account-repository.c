/* warta-account-repository.c: the publishing accounts (never their secrets)
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "warta-account-repository.h"
#include "warta-database-private.h"
#include "warta-user-repository.h"
#include "warta-workflow.h"

struct _WartaAccountRepository
{
  GObject        parent_instance;

  WartaDatabase *database;
  WartaClock    *clock;
};

G_DEFINE_FINAL_TYPE (WartaAccountRepository, warta_account_repository, G_TYPE_OBJECT)

static void
warta_account_repository_finalize (GObject *object)
{
  WartaAccountRepository *self = WARTA_ACCOUNT_REPOSITORY (object);

  g_clear_object (&self->database);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (warta_account_repository_parent_class)->finalize (object);
}

static void
warta_account_repository_class_init (WartaAccountRepositoryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = warta_account_repository_finalize;
}

static void
warta_account_repository_init (WartaAccountRepository *self)
{
}

WartaAccountRepository *
warta_account_repository_new (WartaDatabase *database,
                              WartaClock    *clock)
{
  WartaAccountRepository *self;

  g_return_val_if_fail (WARTA_IS_DATABASE (database), NULL);
  g_return_val_if_fail (WARTA_IS_CLOCK (clock), NULL);

  self = g_object_new (WARTA_TYPE_ACCOUNT_REPOSITORY, NULL);
  self->database = g_object_ref (database);
  self->clock = g_object_ref (clock);
  return self;
}

WartaDatabase *
warta_account_repository_get_database (WartaAccountRepository *self)
{
  g_return_val_if_fail (WARTA_IS_ACCOUNT_REPOSITORY (self), NULL);
  return self->database;
}

char *
warta_account_repository_dup_database_uuid (WartaAccountRepository  *self,
                                            GError                 **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (WARTA_IS_ACCOUNT_REPOSITORY (self), NULL);

  stmt = _warta_database_prepare (self->database,
                                  "SELECT value FROM warta_meta WHERE key = 'uuid'", error);
  if (stmt == NULL)
    return NULL;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return _warta_column_dup (stmt, 0);
  if (rc == SQLITE_DONE)
    g_set_error_literal (error, WARTA_DB_ERROR, WARTA_DB_ERROR_NOT_WARTA,
                         _("The database has no identifier. Open it with this version of Warta once to upgrade it."));
  else
    _warta_database_set_error (self->database, error, rc, "uuid");
  return NULL;
}

/**
 * warta_account_repository_can_manage:
 * @actor: (nullable): a user; %NULL for nobody
 *
 * The accounts are the office's channels, and the social media admin
 * publishes on them (SOP): only they and an administrator add, remove,
 * rename or sign them in again, and set the developer apps.
 *
 * Returns: whether @actor, as the caller knows the account, may manage
 *   the accounts: an active administrator or social media admin. The
 *   changes check the stored account again.
 */
gboolean
warta_account_repository_can_manage (WartaUser *actor)
{
  return actor != NULL && warta_user_get_active (actor) &&
         (warta_user_get_is_admin (actor) ||
          warta_user_has_role (actor, WARTA_ROLE_SOCIAL_MEDIA_ADMIN));
}

/**
 * warta_account_repository_check_manager:
 * @actor: (nullable): who changes the accounts
 *
 * Whether @actor, as stored now (another workstation may have taken the
 * role away), may manage the accounts; in a write transaction, the
 * change that follows is refused with the same answer.
 *
 * Returns: %TRUE, or %FALSE with @error set (%WARTA_USER_ERROR_FORBIDDEN
 *   saying whom to ask)
 */
gboolean
warta_account_repository_check_manager (WartaAccountRepository  *self,
                                        WartaUser               *actor,
                                        GError                 **error)
{
  g_autoptr(WartaUserRepository) users = NULL;
  g_autoptr(WartaUser) stored = NULL;

  g_return_val_if_fail (WARTA_IS_ACCOUNT_REPOSITORY (self), FALSE);
  g_return_val_if_fail (!actor || WARTA_IS_USER (actor), FALSE);

  if (actor != NULL)
    {
      users = warta_user_repository_new (self->database, self->clock);
      stored = warta_user_repository_get (users, warta_user_get_id (actor), error);
      if (stored == NULL)
        return FALSE;
    }
  if (!warta_account_repository_can_manage (stored))
    {
      g_set_error_literal (error, WARTA_USER_ERROR, WARTA_USER_ERROR_FORBIDDEN,
                           _("Only the social media admin or an administrator can change the publishing accounts. Ask one of them."));
      return FALSE;
    }
  return TRUE;
}

/* Begins the write transaction of a change @actor makes, checked in it. */
static gboolean
begin_change (WartaAccountRepository  *self,
              WartaUser               *actor,
              GError                 **error)
{
  if (!_warta_database_begin_write (self->database, error))
    return FALSE;
  if (!warta_account_repository_check_manager (self, actor, error))
    {
      _warta_database_rollback (self->database);
      return FALSE;
    }
  return TRUE;
}

static gboolean
step_done (WartaAccountRepository  *self,
           sqlite3_stmt            *stmt,
           const char              *what,
           GError                 **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    {
      _warta_database_set_error (self->database, error, rc, what);
      return FALSE;
    }
  return TRUE;
}

gboolean
warta_account_repository_add (WartaAccountRepository  *self,
                              WartaUser               *actor,
                              WartaAccount            *account,
                              GError                 **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (WARTA_IS_ACCOUNT_REPOSITORY (self), FALSE);
  g_return_val_if_fail (WARTA_IS_ACCOUNT (account), FALSE);
  g_return_val_if_fail (*warta_account_get_keyring_id (account) != '\0', FALSE);

  if (!begin_change (self, actor, error))
    return FALSE;
  stmt = _warta_database_prepare (self->database,
                                  "INSERT INTO accounts (platform, display_name, base_url, settings, "
                                  "keyring_id, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                                  error);
  if (stmt == NULL)
    {
      _warta_database_rollback (self->database);
      return FALSE;
    }
  _warta_bind_text (stmt, 1, warta_account_get_platform (account));
  _warta_bind_text (stmt, 2, warta_account_get_display_name (account));
  _warta_bind_text (stmt, 3, warta_account_get_base_url (account));
  _warta_bind_text (stmt, 4, warta_account_get_settings (account));
  _warta_bind_text (stmt, 5, warta_account_get_keyring_id (account));
  sqlite3_bind_int64 (stmt, 6, warta_clock_now (self->clock));
  if (!step_done (self, stmt, "account", error))
    {
      _warta_database_rollback (self->database);
      return FALSE;
    }
  warta_account_set_id (account,
                        sqlite3_last_insert_rowid (_warta_database_get_handle (self->database)));
  return _warta_database_commit (self->database, error);
}

gboolean
warta_account_repository_update (WartaAccountRepository  *self,
                                 WartaUser               *actor,
                                 WartaAccount            *account,
                                 GError                 **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (WARTA_IS_ACCOUNT_REPOSITORY (self), FALSE);
  g_return_val_if_fail (WARTA_IS_ACCOUNT (account), FALSE);

  if (!begin_change (self, actor, error))
    return FALSE;
  stmt = _warta_database_prepare (self->database,
                                  "UPDATE accounts SET display_name = ?, base_url = ?, settings = ? "
                                  "WHERE id = ?",
                                  error);
  if (stmt == NULL)
    {
      _warta_database_rollback (self->database);
      return FALSE;
    }
  _warta_bind_text (stmt, 1, warta_account_get_display_name (account));
  _warta_bind_text (stmt, 2, warta_account_get_base_url (account));
  _warta_bind_text (stmt, 3, warta_account_get_settings (account));
  sqlite3_bind_int64 (stmt, 4, warta_account_get_id (account));
  if (!step_done (self, stmt, "account", error))
    {
      _warta_database_rollback (self->database);
      return FALSE;
    }
  return _warta_database_commit (self->database, error);
}

gboolean
warta_account_repository_merge_settings (WartaAccountRepository  *self,
                                         gint64                   account_id,
                                         const char              *settings_json,
                                         GError                 **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (WARTA_IS_ACCOUNT_REPOSITORY (self), FALSE);
  g_return_val_if_fail (settings_json != NULL, FALSE);

  if (!_warta_database_begin_write (self->database, error))
    return FALSE;
  /* SQLite's json_patch() is RFC 7396's merge: one statement, so a
   * change made meanwhile to another member is kept. */
  stmt = _warta_database_prepare (self->database,
                                  "UPDATE accounts SET settings = "
                                  "json_patch(CASE WHEN json_valid(settings) THEN settings "
                                  "ELSE '{}' END, ?) WHERE id = ?",
                                  error);
  if (stmt == NULL)
    {
      _warta_database_rollback (self->database);
      return FALSE;
    }
  _warta_bind_text (stmt, 1, settings_json);
  sqlite3_bind_int64 (stmt, 2, account_id);
  if (!step_done (self, stmt, "account", error))
    {
      _warta_database_rollback (self->database);
      return FALSE;
    }
  return _warta_database_commit (self->database, error);
}

gboolean
warta_account_repository_remove (WartaAccountRepository  *self,
                                 WartaUser               *actor,
                                 gint64                   account_id,
                                 GError                 **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (WARTA_IS_ACCOUNT_REPOSITORY (self), FALSE);

  if (!begin_change (self, actor, error))
    return FALSE;
  stmt = _warta_database_prepare (self->database,
                                  "UPDATE accounts SET removed_at = ? WHERE id = ? AND removed_at IS NULL",
                                  error);
  if (stmt == NULL)
    {
      _warta_database_rollback (self->database);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, warta_clock_now (self->clock));
  sqlite3_bind_int64 (stmt, 2, account_id);
  if (!step_done (self, stmt, "account", error))
    {
      _warta_database_rollback (self->database);
      return FALSE;
    }
  return _warta_database_commit (self->database, error);
}

#define ACCOUNT_COLUMNS "id, platform, display_name, base_url, settings, keyring_id FROM accounts "

static WartaAccount *
account_from_row (sqlite3_stmt *stmt)
{
  WartaAccount *account = warta_account_new ();

  warta_account_set_id (account, sqlite3_column_int64 (stmt, 0));
  warta_account_set_platform (account, (const char *)sqlite3_column_text (stmt, 1));
  warta_account_set_display_name (account, (const char *)sqlite3_column_text (stmt, 2));
  warta_account_set_base_url (account, (const char *)sqlite3_column_text (stmt, 3));
  warta_account_set_settings (account, (const char *)sqlite3_column_text (stmt, 4));
  warta_account_set_keyring_id (account, (const char *)sqlite3_column_text (stmt, 5));
  return account;
}

WartaAccount *
warta_account_repository_get (WartaAccountRepository  *self,
                              gint64                   account_id,
                              GError                 **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (WARTA_IS_ACCOUNT_REPOSITORY (self), NULL);

  stmt = _warta_database_prepare (self->database, "SELECT " ACCOUNT_COLUMNS "WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, account_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return account_from_row (stmt);
  if (rc == SQLITE_DONE)
    g_set_error_literal (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_NOT_FOUND,
                         _("The account no longer exists. Add it again in Accounts."));
  else
    _warta_database_set_error (self->database, error, rc, "account");
  return NULL;
}

/**
 * warta_account_repository_list:
 *
 * Returns: (transfer full): the #WartaAccount<!-- -->s not removed, by platform and name
 */
GListModel *
warta_account_repository_list (WartaAccountRepository  *self,
                               GError                 **error)
{
  g_autoptr(GListStore) store = g_list_store_new (WARTA_TYPE_ACCOUNT);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (WARTA_IS_ACCOUNT_REPOSITORY (self), NULL);

  stmt = _warta_database_prepare (self->database,
                                  "SELECT " ACCOUNT_COLUMNS "WHERE removed_at IS NULL "
                                  "ORDER BY platform, display_name, id",
                                  error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(WartaAccount) account = account_from_row (stmt);

      g_list_store_append (store, account);
    }
  if (rc != SQLITE_DONE)
    {
      _warta_database_set_error (self->database, error, rc, "accounts");
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&store));
}
