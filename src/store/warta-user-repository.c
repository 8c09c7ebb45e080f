/* warta-user-repository.c: people, their roles, and signing in
 *
 * Passwords are hashed with Argon2id (libsodium crypto_pwhash_str, at the
 * INTERACTIVE limits). Wrong passwords lock the account for a time that
 * doubles with each further failure; the count lives in the shared file,
 * so it holds across workstations.
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "warta-user-repository"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sodium.h>
#include <string.h>

#include "warta-database-private.h"
#include "warta-event-log-private.h"
#include "warta-user-repository-private.h"

struct _WartaUserRepository
{
  GObject        parent_instance;

  WartaDatabase *database;
  WartaClock    *clock;
  char          *decoy_hash;
};

G_DEFINE_FINAL_TYPE (WartaUserRepository, warta_user_repository, G_TYPE_OBJECT)
G_DEFINE_QUARK (warta-user-error-quark, warta_user_error)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_CLOCK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
static gboolean fast_hashing;

gboolean
_warta_user_load_stored (WartaDatabase  *database,
                         gint64          user_id,
                         gboolean       *out_active,
                         WartaRole      *out_roles,
                         char          **out_name,
                         GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  *out_active = FALSE;
  *out_roles = 0;
  stmt = _warta_database_prepare (database,
                                  "SELECT roles, display_name FROM users WHERE id = ? AND active = 1",
                                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, user_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *out_active = TRUE;
      *out_roles = (WartaRole) sqlite3_column_int (stmt, 0);
      if (out_name != NULL)
        *out_name = _warta_column_dup (stmt, 1);
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    {
      _warta_database_set_error (database, error, rc, "user");
      return FALSE;
    }
  return TRUE;
}

void
_warta_user_repository_set_fast_hashing (gboolean fast)
{
  fast_hashing = !!fast;
}

static void
warta_user_repository_finalize (GObject *object)
{
  WartaUserRepository *self = (WartaUserRepository *)object;

  g_clear_object (&self->database);
  g_clear_object (&self->clock);
  g_clear_pointer (&self->decoy_hash, g_free);

  G_OBJECT_CLASS (warta_user_repository_parent_class)->finalize (object);
}

static void
warta_user_repository_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  WartaUserRepository *self = WARTA_USER_REPOSITORY (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    case PROP_CLOCK:
      g_value_set_object (value, self->clock);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
warta_user_repository_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  WartaUserRepository *self = WARTA_USER_REPOSITORY (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      break;

    case PROP_CLOCK:
      self->clock = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
warta_user_repository_constructed (GObject *object)
{
  WartaUserRepository *self = WARTA_USER_REPOSITORY (object);

  G_OBJECT_CLASS (warta_user_repository_parent_class)->constructed (object);

  if (self->clock == NULL)
    self->clock = warta_clock_new (NULL);
}

static void
warta_user_repository_class_init (WartaUserRepositoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = warta_user_repository_finalize;
  object_class->constructed = warta_user_repository_constructed;
  object_class->get_property = warta_user_repository_get_property;
  object_class->set_property = warta_user_repository_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, WARTA_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL, WARTA_TYPE_CLOCK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  if (sodium_init () < 0)
    g_critical ("libsodium could not be initialised");
}

static void
warta_user_repository_init (WartaUserRepository *self)
{
}

/**
 * warta_user_repository_new:
 * @database: the database
 * @clock: (nullable): the clock lockouts run on
 */
WartaUserRepository *
warta_user_repository_new (WartaDatabase *database,
                           WartaClock    *clock)
{
  g_return_val_if_fail (WARTA_IS_DATABASE (database), NULL);

  return g_object_new (WARTA_TYPE_USER_REPOSITORY,
                       "database", database,
                       "clock", clock,
                       NULL);
}

#define USER_COLUMNS "id, login, display_name, roles, is_admin, active, version FROM users "

static WartaUser *
user_from_row (sqlite3_stmt *stmt)
{
  WartaUser *user = warta_user_new ();

  warta_user_set_id (user, sqlite3_column_int64 (stmt, 0));
  warta_user_set_login (user, (const char *)sqlite3_column_text (stmt, 1));
  warta_user_set_display_name (user, (const char *)sqlite3_column_text (stmt, 2));
  warta_user_set_roles (user, (guint)sqlite3_column_int (stmt, 3) & WARTA_ROLE_ALL);
  warta_user_set_is_admin (user, sqlite3_column_int (stmt, 4));
  warta_user_set_active (user, sqlite3_column_int (stmt, 5));
  warta_user_set_version (user, sqlite3_column_int64 (stmt, 6));

  return user;
}

/**
 * warta_user_repository_get:
 * @self: a #WartaUserRepository
 * @user_id: the user
 * @error: where to put an error
 *
 * Returns: (transfer full): the user as stored now
 */
WartaUser *
warta_user_repository_get (WartaUserRepository  *self,
                           gint64                user_id,
                           GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (WARTA_IS_USER_REPOSITORY (self), NULL);

  stmt = _warta_database_prepare (self->database, "SELECT " USER_COLUMNS "WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, user_id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return user_from_row (stmt);

  if (rc == SQLITE_DONE)
    g_set_error (error, WARTA_USER_ERROR, WARTA_USER_ERROR_NOT_FOUND,
                 _("The user no longer exists. Reload the list of people."));
  else
    _warta_database_set_error (self->database, error, rc, "user");

  return NULL;
}

/**
 * warta_user_repository_list:
 * @self: a #WartaUserRepository
 * @error: where to put an error
 *
 * Returns: (transfer full): every #WartaUser, by name
 */
GListModel *
warta_user_repository_list (WartaUserRepository  *self,
                            GError              **error)
{
  g_autoptr(GListStore) store = g_list_store_new (WARTA_TYPE_USER);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (WARTA_IS_USER_REPOSITORY (self), NULL);

  stmt = _warta_database_prepare (self->database,
                                  "SELECT " USER_COLUMNS "ORDER BY display_name COLLATE NOCASE, id",
                                  error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(WartaUser) user = user_from_row (stmt);

      g_list_store_append (store, user);
    }
  if (rc != SQLITE_DONE)
    {
      _warta_database_set_error (self->database, error, rc, "users");
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&store));
}

/* With @can_sign_in, only those with a password: people imported from an
 * export have none ('!'), and a database whose only administrators were
 * imported still needs its first administrator, or nobody could sign in. */
static gboolean
count_admins (WartaUserRepository  *self,
              gboolean              can_sign_in,
              gint64               *out_count,
              GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _warta_database_prepare (self->database,
                                  can_sign_in
                                  ? "SELECT count(*) FROM users WHERE is_admin = 1 AND active = 1 "
                                    "AND password_hash <> '!'"
                                  : "SELECT count(*) FROM users WHERE is_admin = 1 AND active = 1",
                                  error);
  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _warta_database_set_error (self->database, error, rc, "users");
      return FALSE;
    }

  *out_count = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/**
 * warta_user_repository_needs_first_admin:
 * @self: a #WartaUserRepository
 * @error: where to put an error
 *
 * Returns: whether the database has no administrator yet, so the app must
 *   ask for the first one
 */
gboolean
warta_user_repository_needs_first_admin (WartaUserRepository  *self,
                                         GError              **error)
{
  gint64 n = 0;

  g_return_val_if_fail (WARTA_IS_USER_REPOSITORY (self), FALSE);

  if (!count_admins (self, TRUE, &n, error))
    return FALSE;

  return n == 0;
}

static char *
hash_password (const char  *password,
               GError     **error)
{
  char hashed[crypto_pwhash_STRBYTES];
  unsigned long long ops = fast_hashing ? crypto_pwhash_OPSLIMIT_MIN : crypto_pwhash_OPSLIMIT_INTERACTIVE;
  size_t mem = fast_hashing ? crypto_pwhash_MEMLIMIT_MIN : crypto_pwhash_MEMLIMIT_INTERACTIVE;

  if (password == NULL || g_utf8_strlen (password, -1) < WARTA_USER_MIN_PASSWORD_LENGTH)
    {
      g_set_error (error, WARTA_USER_ERROR, WARTA_USER_ERROR_WEAK_PASSWORD,
                   _("The password is too short. Use at least %d characters."),
                   WARTA_USER_MIN_PASSWORD_LENGTH);
      return NULL;
    }

  if (crypto_pwhash_str (hashed, password, strlen (password), ops, mem) != 0)
    {
      g_set_error (error, WARTA_USER_ERROR, WARTA_USER_ERROR_WEAK_PASSWORD,
                   _("There is not enough memory to protect the password. Close other programs and try again."));
      return NULL;
    }

  return g_strdup (hashed);
}

/* Empty, or nothing but spaces. */
static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

static gboolean
check_login (const char  *login,
             const char  *display_name,
             GError     **error)
{
  if (is_blank (login) || is_blank (display_name))
    {
      g_set_error (error, WARTA_USER_ERROR, WARTA_USER_ERROR_NOT_FOUND,
                   _("Enter a login name and the person’s full name."));
      return FALSE;
    }

  return TRUE;
}

static gboolean
insert_user (WartaUserRepository  *self,
             gint64                actor_id,
             const char           *login,
             const char           *display_name,
             const char           *hashed,
             WartaRole             roles,
             gboolean              is_admin,
             gint64               *out_id,
             GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *role_text = NULL;
  g_autofree char *note = NULL;
  gint64 now = warta_clock_now (self->clock);
  int rc;

  stmt = _warta_database_prepare (self->database,
                                  "INSERT INTO users (login, display_name, password_hash, roles, "
                                  "is_admin, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, login, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, display_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, hashed, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 4, (int)(roles & WARTA_ROLE_ALL));
  sqlite3_bind_int (stmt, 5, is_admin ? 1 : 0);
  sqlite3_bind_int64 (stmt, 6, now);

  rc = sqlite3_step (stmt);
  if ((rc & 0xff) == SQLITE_CONSTRAINT)
    {
      g_set_error (error, WARTA_USER_ERROR, WARTA_USER_ERROR_EXISTS,
                   _("The login name “%s” is taken. Choose another one."), login);
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      _warta_database_set_error (self->database, error, rc, "user");
      return FALSE;
    }

  *out_id = sqlite3_last_insert_rowid (_warta_database_get_handle (self->database));

  role_text = warta_roles_to_string (roles);
  note = g_strdup_printf ("%s (%s)%s", login, role_text, is_admin ? " admin" : "");

  return _warta_event_log_append (self->database, 0, now, actor_id != 0 ? actor_id : *out_id,
                                  "admin", "user-created",
                                  NULL, NULL, 0, note, error) != 0;
}

/**
 * warta_user_repository_create_first_admin:
 * @self: a #WartaUserRepository
 * @login: the login name
 * @display_name: the full name
 * @password: the password
 * @roles: the SOP roles the administrator also holds
 * @error: a %WARTA_USER_ERROR_HAS_ADMIN when another process made one first
 *
 * Returns: (transfer full): the first administrator
 */
WartaUser *
warta_user_repository_create_first_admin (WartaUserRepository  *self,
                                          const char           *login,
                                          const char           *display_name,
                                          const char           *password,
                                          WartaRole             roles,
                                          GError              **error)
{
  g_autofree char *hashed = NULL;
  gint64 n_admins = 0;
  gint64 id = 0;

  g_return_val_if_fail (WARTA_IS_USER_REPOSITORY (self), NULL);

  if (!check_login (login, display_name, error))
    return NULL;

  /* Slow on purpose: before the write lock is taken. */
  if (!(hashed = hash_password (password, error)))
    return NULL;

  if (!_warta_database_begin_write (self->database, error))
    return NULL;

  if (!count_admins (self, TRUE, &n_admins, error))
    goto fail;

  if (n_admins > 0)
    {
      g_set_error (error, WARTA_USER_ERROR, WARTA_USER_ERROR_HAS_ADMIN,
                   _("This database has an administrator already. Sign in, or ask the administrator for an account."));
      goto fail;
    }

  if (!insert_user (self, 0, login, display_name, hashed, roles, TRUE, &id, error))
    goto fail;

  if (!_warta_database_commit (self->database, error))
    return NULL;

  return warta_user_repository_get (self, id, error);

fail:
  _warta_database_rollback (self->database);
  return NULL;
}

static gboolean
check_admin (WartaUserRepository  *self,
             WartaUser            *actor,
             GError              **error)
{
  g_autoptr(WartaUser) stored = NULL;

  /* The right as stored now, not as the caller's copy remembers it. */
  stored = warta_user_repository_get (self, warta_user_get_id (actor), error);
  if (stored == NULL)
    return FALSE;

  if (!warta_user_get_is_admin (stored) || !warta_user_get_active (stored))
    {
      g_set_error (error, WARTA_USER_ERROR, WARTA_USER_ERROR_FORBIDDEN,
                   _("Only an administrator may manage people. Ask an administrator."));
      return FALSE;
    }

  return TRUE;
}

/**
 * warta_user_repository_create_user:
 * @self: a #WartaUserRepository
 * @actor: an administrator
 * @login: the login name
 * @display_name: the full name
 * @password: the first password
 * @roles: the SOP roles
 * @is_admin: whether the user may manage people
 * @error: where to put an error
 *
 * Returns: (transfer full): the new user
 */
WartaUser *
warta_user_repository_create_user (WartaUserRepository  *self,
                                   WartaUser            *actor,
                                   const char           *login,
                                   const char           *display_name,
                                   const char           *password,
                                   WartaRole             roles,
                                   gboolean              is_admin,
                                   GError              **error)
{
  g_autofree char *hashed = NULL;
  gint64 id = 0;

  g_return_val_if_fail (WARTA_IS_USER_REPOSITORY (self), NULL);
  g_return_val_if_fail (WARTA_IS_USER (actor), NULL);

  if (!check_login (login, display_name, error))
    return NULL;

  if (!(hashed = hash_password (password, error)))
    return NULL;

  if (!_warta_database_begin_write (self->database, error))
    return NULL;

  if (!check_admin (self, actor, error) ||
      !insert_user (self, warta_user_get_id (actor), login, display_name, hashed, roles,
                    is_admin, &id, error))
    {
      _warta_database_rollback (self->database);
      return NULL;
    }

  if (!_warta_database_commit (self->database, error))
    return NULL;

  return warta_user_repository_get (self, id, error);
}

static gboolean
update_in_transaction (WartaUserRepository  *self,
                       WartaUser            *actor,
                       gint64                user_id,
                       gint64                expected_version,
                       const char           *display_name,
                       WartaRole             roles,
                       gboolean              is_admin,
                       gboolean              active,
                       GError              **error)
{
  g_autoptr(WartaUser) stored = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *role_text = NULL;
  g_autofree char *note = NULL;
  gint64 now = warta_clock_now (self->clock);
  gint64 n_admins = 0;

  if (!check_admin (self, actor, error))
    return FALSE;

  /* NULL keeps the name; an emptied one would leave a nameless row. */
  if (display_name != NULL && is_blank (display_name))
    {
      g_set_error (error, WARTA_USER_ERROR, WARTA_USER_ERROR_NOT_FOUND,
                   _("Enter the person’s full name."));
      return FALSE;
    }

  stored = warta_user_repository_get (self, user_id, error);
  if (stored == NULL)
    return FALSE;

  if (warta_user_get_version (stored) != expected_version)
    {
      g_set_error (error, WARTA_DB_ERROR, WARTA_DB_ERROR_CONFLICT,
                   _("Someone else changed %s’s account after you opened it. Reload it, then try again."),
                   warta_user_get_display_name (stored));
      return FALSE;
    }

  if (warta_user_get_is_admin (stored) && warta_user_get_active (stored) && (!is_admin || !active))
    {
      if (!count_admins (self, FALSE, &n_admins, error))
        return FALSE;
      if (n_admins <= 1)
        {
          g_set_error (error, WARTA_USER_ERROR, WARTA_USER_ERROR_LAST_ADMIN,
                       _("This is the last administrator. Make someone else an administrator first."));
          return FALSE;
        }
    }

  stmt = _warta_database_prepare (self->database,
                                  "UPDATE users SET display_name = ?, roles = ?, is_admin = ?, active = ?, "
                                  "version = version + 1 WHERE id = ? AND version = ?",
                                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, display_name != NULL ? display_name : warta_user_get_display_name (stored),
                     -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, (int)(roles & WARTA_ROLE_ALL));
  sqlite3_bind_int (stmt, 3, is_admin ? 1 : 0);
  sqlite3_bind_int (stmt, 4, active ? 1 : 0);
  sqlite3_bind_int64 (stmt, 5, user_id);
  sqlite3_bind_int64 (stmt, 6, expected_version);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _warta_database_set_error (self->database, error, sqlite3_errcode (_warta_database_get_handle (self->database)), "user");
      return FALSE;
    }

  role_text = warta_roles_to_string (roles);
  note = g_strdup_printf ("%s (%s)%s%s", warta_user_get_login (stored), role_text,
                          is_admin ? " admin" : "", active ? "" : " inactive");

  return _warta_event_log_append (self->database, 0, now, warta_user_get_id (actor), "admin",
                                  "user-changed", NULL, NULL, 0, note, error) != 0;
}

/**
 * warta_user_repository_update_user:
 * @self: a #WartaUserRepository
 * @actor: an administrator
 * @user_id: the user to change
 * @expected_version: the user's version the administrator saw
 * @display_name: (nullable): the new name, or %NULL to keep it
 * @roles: the SOP roles
 * @is_admin: whether the user may manage people
 * @active: whether the user may sign in
 * @error: where to put an error
 *
 * Returns: (transfer full): the user after the change
 */
WartaUser *
warta_user_repository_update_user (WartaUserRepository  *self,
                                   WartaUser            *actor,
                                   gint64                user_id,
                                   gint64                expected_version,
                                   const char           *display_name,
                                   WartaRole             roles,
                                   gboolean              is_admin,
                                   gboolean              active,
                                   GError              **error)
{
  g_return_val_if_fail (WARTA_IS_USER_REPOSITORY (self), NULL);
  g_return_val_if_fail (WARTA_IS_USER (actor), NULL);

  if (!_warta_database_begin_write (self->database, error))
    return NULL;

  if (!update_in_transaction (self, actor, user_id, expected_version, display_name, roles,
                              is_admin, active, error))
    {
      _warta_database_rollback (self->database);
      return NULL;
    }

  if (!_warta_database_commit (self->database, error))
    return NULL;

  return warta_user_repository_get (self, user_id, error);
}

/**
 * warta_user_repository_set_password:
 * @self: a #WartaUserRepository
 * @actor: the user themself, or an administrator
 * @user_id: whose password
 * @password: the new password
 * @error: where to put an error
 *
 * Also lifts a lock from wrong passwords.
 */
gboolean
warta_user_repository_set_password (WartaUserRepository  *self,
                                    WartaUser            *actor,
                                    gint64                user_id,
                                    const char           *password,
                                    GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *hashed = NULL;
  gint64 now;

  g_return_val_if_fail (WARTA_IS_USER_REPOSITORY (self), FALSE);
  g_return_val_if_fail (WARTA_IS_USER (actor), FALSE);

  if (!(hashed = hash_password (password, error)))
    return FALSE;

  if (!_warta_database_begin_write (self->database, error))
    return FALSE;

  if (warta_user_get_id (actor) != user_id && !check_admin (self, actor, error))
    goto fail;

  stmt = _warta_database_prepare (self->database,
                                  "UPDATE users SET password_hash = ?, failed_attempts = 0, "
                                  "locked_until = 0, version = version + 1 WHERE id = ?",
                                  error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, hashed, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, user_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _warta_database_set_error (self->database, error,
                                 sqlite3_errcode (_warta_database_get_handle (self->database)), "user");
      goto fail;
    }
  _warta_stmt_reset (stmt);

  now = warta_clock_now (self->clock);
  if (_warta_event_log_append (self->database, 0, now, warta_user_get_id (actor), NULL,
                               "password-changed", NULL, NULL, 0, NULL, error) == 0)
    goto fail;

  return _warta_database_commit (self->database, error);

fail:
  _warta_database_rollback (self->database);
  return FALSE;
}

static void
set_locked_error (GError **error,
                  gint64   wait_us)
{
  int minutes = (int)((wait_us + 60 * G_USEC_PER_SEC - 1) / (60 * G_USEC_PER_SEC));

  g_set_error (error, WARTA_USER_ERROR, WARTA_USER_ERROR_LOCKED,
               g_dngettext (GETTEXT_PACKAGE,
                            "Too many wrong passwords. Try again in %d minute, or ask an administrator to set a new password.",
                            "Too many wrong passwords. Try again in %d minutes, or ask an administrator to set a new password.",
                            minutes),
               minutes);
}

/* Records the outcome of a password check in one short write. */
static gboolean
record_attempt (WartaUserRepository  *self,
                gint64                user_id,
                gboolean              success,
                gint64               *out_locked_until,
                GError              **error)
{
  g_autoptr(sqlite3_stmt) read = NULL;
  g_autoptr(sqlite3_stmt) write = NULL;
  gint64 now = warta_clock_now (self->clock);
  gint64 failed = 0;
  gint64 locked_until = 0;

  if (!_warta_database_begin_write (self->database, error))
    return FALSE;

  read = _warta_database_prepare (self->database,
                                  "SELECT failed_attempts FROM users WHERE id = ?", error);
  if (read == NULL)
    goto fail;
  sqlite3_bind_int64 (read, 1, user_id);
  if (sqlite3_step (read) == SQLITE_ROW)
    failed = sqlite3_column_int64 (read, 0);
  _warta_stmt_reset (read);

  if (success)
    failed = 0;
  else
    {
      failed++;
      if (failed >= WARTA_USER_FREE_ATTEMPTS)
        {
          gint64 shift = MIN (failed - WARTA_USER_FREE_ATTEMPTS, 16);
          gint64 seconds = MIN ((gint64)WARTA_USER_FIRST_LOCK_SECONDS << shift,
                                (gint64)WARTA_USER_MAX_LOCK_SECONDS);

          locked_until = now + seconds * G_USEC_PER_SEC;
        }
    }

  write = _warta_database_prepare (self->database,
                                   "UPDATE users SET failed_attempts = ?, locked_until = ? WHERE id = ?",
                                   error);
  if (write == NULL)
    goto fail;
  sqlite3_bind_int64 (write, 1, failed);
  sqlite3_bind_int64 (write, 2, locked_until);
  sqlite3_bind_int64 (write, 3, user_id);
  if (sqlite3_step (write) != SQLITE_DONE)
    {
      _warta_database_set_error (self->database, error,
                                 sqlite3_errcode (_warta_database_get_handle (self->database)), "user");
      goto fail;
    }
  _warta_stmt_reset (write);

  if (out_locked_until != NULL)
    *out_locked_until = locked_until;

  return _warta_database_commit (self->database, error);

fail:
  _warta_database_rollback (self->database);
  return FALSE;
}

/* Signing in without blocking the main loop: Argon2id takes about 0.1 s
 * (and 64 MiB), long enough for a window to freeze visibly. The stored hash
 * is read and the lock checked on the caller's thread (one short read on
 * the one connection); only the hash check runs in a worker thread, with
 * copies of the hash and the password and no database; the outcome is
 * recorded on the caller's thread again, as the synchronous sign-in does.
 * So the rate limit is the same: while locked the password is not checked,
 * and every check counts, even one whose caller went away meanwhile. */

typedef struct
{
  gint64    user_id;       /* 0: unknown login, the decoy is checked */
  gboolean  active;
  char     *hashed;
  char     *password;
  gboolean  ok;
} SignIn;

static void
sign_in_free (SignIn *data)
{
  if (data->password != NULL)
    sodium_memzero (data->password, strlen (data->password));
  g_free (data->password);
  g_free (data->hashed);
  g_free (data);
}

/* One decoy hash for the process, made in a worker the first time. */
static const char *
decoy_hash (void)
{
  static gsize made;
  static char *decoy;

  if (g_once_init_enter (&made))
    {
      decoy = hash_password ("warta-decoy-password", NULL);
      if (decoy == NULL)
        decoy = g_strdup ("");
      g_once_init_leave (&made, 1);
    }

  return decoy;
}

static void
verify_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  SignIn *data = task_data;

  if (data->user_id == 0)
    {
      const char *decoy = decoy_hash ();

      /* Spend the time of a real check, so an unknown login cannot be
       * told from a wrong password by how fast the answer comes. */
      if (*decoy != '\0')
        (void) !crypto_pwhash_str_verify (decoy, data->password, strlen (data->password));
      data->ok = FALSE;
    }
  else
    data->ok = crypto_pwhash_str_verify (data->hashed, data->password,
                                         strlen (data->password)) == 0;

  g_task_return_boolean (task, TRUE);
}

static void
set_wrong_password_error (GError **error)
{
  g_set_error (error, WARTA_USER_ERROR, WARTA_USER_ERROR_WRONG_PASSWORD,
               _("The login name or the password is wrong. Check them and try again."));
}

static void
verified_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  WartaUserRepository *self = WARTA_USER_REPOSITORY (object);
  g_autoptr(GTask) task = user_data;
  SignIn *data = g_task_get_task_data (task);
  g_autoptr(WartaUser) user = NULL;
  GError *error = NULL;
  gint64 locked_until = 0;
  gint64 now;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, error);
      return;
    }

  if (data->user_id == 0)
    {
      set_wrong_password_error (&error);
      g_task_return_error (task, error);
      return;
    }

  /* Recorded whatever the caller does meanwhile: a check is an attempt. */
  if (!record_attempt (self, data->user_id, data->ok, &locked_until, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  if (g_task_return_error_if_cancelled (task))
    return;

  now = warta_clock_now (self->clock);
  if (!data->ok)
    {
      if (locked_until > now)
        set_locked_error (&error, locked_until - now);
      else
        set_wrong_password_error (&error);
      g_task_return_error (task, error);
      return;
    }

  if (!data->active)
    {
      g_task_return_new_error (task, WARTA_USER_ERROR, WARTA_USER_ERROR_FORBIDDEN,
                               "%s", _("This account is switched off. Ask an administrator."));
      return;
    }

  user = warta_user_repository_get (self, data->user_id, &error);
  if (user == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_steal_pointer (&user), g_object_unref);
}

/**
 * warta_user_repository_sign_in_async:
 * @self: a #WartaUserRepository
 * @login: the login name
 * @password: the password
 * @cancellable: (nullable): a #GCancellable; an attempt already checked is
 *   counted all the same
 * @callback: called on the caller's thread-default main context
 * @user_data: for @callback
 *
 * Signs in as warta_user_repository_sign_in() does, with the password hash
 * checked in a worker thread.
 */
void
warta_user_repository_sign_in_async (WartaUserRepository *self,
                                     const char          *login,
                                     const char          *password,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) worker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GError *error = NULL;
  SignIn *data;
  gint64 locked_until;
  gint64 now;
  int rc;

  g_return_if_fail (WARTA_IS_USER_REPOSITORY (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, warta_user_repository_sign_in_async);

  if (login == NULL || password == NULL)
    {
      set_wrong_password_error (&error);
      g_task_return_error (task, error);
      return;
    }

  data = g_new0 (SignIn, 1);
  data->password = g_strdup (password);
  g_task_set_task_data (task, data, (GDestroyNotify)sign_in_free);

  stmt = _warta_database_prepare (self->database,
                                  "SELECT id, password_hash, locked_until, active FROM users WHERE login = ?",
                                  &error);
  if (stmt == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  sqlite3_bind_text (stmt, 1, login, -1, SQLITE_TRANSIENT);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      data->user_id = sqlite3_column_int64 (stmt, 0);
      data->hashed = _warta_column_dup (stmt, 1);
      locked_until = sqlite3_column_int64 (stmt, 2);
      data->active = sqlite3_column_int (stmt, 3) != 0;

      /* While locked, the password is not even checked. */
      now = warta_clock_now (self->clock);
      if (locked_until > now)
        {
          set_locked_error (&error, locked_until - now);
          g_task_return_error (task, error);
          return;
        }
    }
  else if (rc != SQLITE_DONE)
    {
      _warta_database_set_error (self->database, &error, rc, "user");
      g_task_return_error (task, error);
      return;
    }

  /* The worker has no cancellable: a check once started is counted. */
  worker = g_task_new (self, NULL, verified_cb, g_steal_pointer (&task));
  g_task_set_source_tag (worker, verify_in_thread);
  g_task_set_task_data (worker, data, NULL);
  g_task_run_in_thread (worker, verify_in_thread);
}

/**
 * warta_user_repository_sign_in_finish:
 *
 * Returns: (transfer full): the signed-in user, or %NULL with @error set
 *   as warta_user_repository_sign_in() sets it
 */
WartaUser *
warta_user_repository_sign_in_finish (WartaUserRepository  *self,
                                      GAsyncResult         *result,
                                      GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * warta_user_repository_sign_in:
 * @self: a #WartaUserRepository
 * @login: the login name
 * @password: the password
 * @error: %WARTA_USER_ERROR_WRONG_PASSWORD or %WARTA_USER_ERROR_LOCKED
 *
 * Returns: (transfer full): the signed-in user
 */
WartaUser *
warta_user_repository_sign_in (WartaUserRepository  *self,
                               const char           *login,
                               const char           *password,
                               GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *hashed = NULL;
  gint64 user_id;
  gint64 locked_until;
  gboolean active;
  gboolean ok;
  gint64 now = warta_clock_now (self->clock);
  int rc;

  g_return_val_if_fail (WARTA_IS_USER_REPOSITORY (self), NULL);

  if (login == NULL || password == NULL)
    goto wrong;

  stmt = _warta_database_prepare (self->database,
                                  "SELECT id, password_hash, locked_until, active FROM users WHERE login = ?",
                                  error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, login, -1, SQLITE_TRANSIENT);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      /* Spend the time of a real check, so an unknown login cannot be told
       * from a wrong password by how fast the answer comes. */
      if (self->decoy_hash == NULL)
        self->decoy_hash = hash_password ("warta-decoy-password", NULL);
      if (self->decoy_hash != NULL)
        (void) !crypto_pwhash_str_verify (self->decoy_hash, password, strlen (password));
      goto wrong;
    }
  if (rc != SQLITE_ROW)
    {
      _warta_database_set_error (self->database, error, rc, "user");
      return NULL;
    }

  user_id = sqlite3_column_int64 (stmt, 0);
  hashed = _warta_column_dup (stmt, 1);
  locked_until = sqlite3_column_int64 (stmt, 2);
  active = sqlite3_column_int (stmt, 3) != 0;
  _warta_stmt_reset (stmt);

  /* While locked, the password is not even checked. */
  if (locked_until > now)
    {
      set_locked_error (error, locked_until - now);
      return NULL;
    }

  ok = crypto_pwhash_str_verify (hashed, password, strlen (password)) == 0;

  if (!record_attempt (self, user_id, ok, &locked_until, error))
    return NULL;

  if (!ok)
    {
      if (locked_until > now)
        {
          set_locked_error (error, locked_until - now);
          return NULL;
        }
      goto wrong;
    }

  if (!active)
    {
      g_set_error (error, WARTA_USER_ERROR, WARTA_USER_ERROR_FORBIDDEN,
                   _("This account is switched off. Ask an administrator."));
      return NULL;
    }

  return warta_user_repository_get (self, user_id, error);

wrong:
  g_set_error (error, WARTA_USER_ERROR, WARTA_USER_ERROR_WRONG_PASSWORD,
               _("The login name or the password is wrong. Check them and try again."));
  return NULL;
}
