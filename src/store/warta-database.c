/* warta-database.c: the one SQLite connection to a Warta database
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "warta-database"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <fcntl.h>
#include <sys/vfs.h>
#include <unistd.h>

#include "warta-database-private.h"

#define MIGRATIONS_PATH RESOURCE_PREFIX "/store/migrations"
#define BUSY_TIMEOUT_MS 5000
#define BEGIN_RETRIES   20
/* Another process's commit shows within a second: well inside the 2 s the
 * team expects, and cheap (one PRAGMA). */
#define POLL_INTERVAL_MS 500

struct _WartaDatabase
{
  GObject           parent_instance;

  sqlite3          *db;
  char             *path;
  char             *read_only_reason;
  GHashTable       *statements; /* SQL text → sqlite3_stmt */
  WartaJournalMode  journal_mode;
  int               schema_version;
  GMainContext     *context;
  guint             poll_source_id;
  guint             idle_source_id;
  guint             poll_interval_ms;
  gint64            data_version;
  guint             read_only : 1;
  guint             immutable : 1;
  guint             network_filesystem : 1;
};

G_DEFINE_FINAL_TYPE (WartaDatabase, warta_database, G_TYPE_OBJECT)
G_DEFINE_QUARK (warta-db-error-quark, warta_db_error)

enum {
  PROP_0,
  PROP_PATH,
  PROP_READ_ONLY,
  PROP_SCHEMA_VERSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
static int migration_limit;
/* A file whose mode lets nobody write it is read-only, for root too (who
 * may write any file): its owner meant it to be kept as it is. */
static gboolean
may_write (const char *path)
{
  GStatBuf buf;

  if (g_stat (path, &buf) != 0 || (buf.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0)
    return FALSE;

  return g_access (path, W_OK) == 0;
}

void
_warta_database_set_migration_limit (int limit)
{
  migration_limit = limit;
}

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void start_polling (WartaDatabase *self);

static void
remove_source (GMainContext *context,
               guint        *id)
{
  if (*id != 0)
    {
      GSource *source = g_main_context_find_source_by_id (context, *id);

      if (source != NULL)
        g_source_destroy (source);
      *id = 0;
    }
}

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

static void
warta_database_finalize (GObject *object)
{
  WartaDatabase *self = (WartaDatabase *)object;

  if (self->context != NULL)
    {
      remove_source (self->context, &self->poll_source_id);
      remove_source (self->context, &self->idle_source_id);
      g_clear_pointer (&self->context, g_main_context_unref);
    }

  /* Statements must be finalized before the connection closes. */
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->db, sqlite3_close);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->read_only_reason, g_free);

  G_OBJECT_CLASS (warta_database_parent_class)->finalize (object);
}

static void
warta_database_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  WartaDatabase *self = WARTA_DATABASE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, warta_database_get_path (self));
      break;

    case PROP_READ_ONLY:
      g_value_set_boolean (value, warta_database_get_read_only (self));
      break;

    case PROP_SCHEMA_VERSION:
      g_value_set_int (value, warta_database_get_schema_version (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
warta_database_class_init (WartaDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = warta_database_finalize;
  object_class->get_property = warta_database_get_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCHEMA_VERSION] =
    g_param_spec_int ("schema-version", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * WartaDatabase::changed:
   *
   * The data changed: a commit of this connection (emitted from an idle),
   * or of another process (noticed by polling `PRAGMA data_version`).
   * Models reload on it.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
warta_database_init (WartaDatabase *self)
{
  self->poll_interval_ms = POLL_INTERVAL_MS;

  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            finalize_statement);
}

char *
warta_database_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "warta", "warta.db", NULL);
}

/* What a SQLite failure is told about. */
typedef enum
{
  SUBJECT_DATABASE,  /* the open database */
  SUBJECT_FILE,      /* a database file being opened, named */
  SUBJECT_BACKUP,    /* a backup being written, named */
} Subject;

/* What went wrong, in the terms a user can act on. */
typedef enum
{
  TROUBLE_BUSY,
  TROUBLE_READ_ONLY,
  TROUBLE_NO_ROOM,
  TROUBLE_DAMAGED,
  TROUBLE_UNREACHABLE,
  TROUBLE_OTHER,
} Trouble;

static Trouble
classify (int rc,
          int system_errno)
{
  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return TROUBLE_BUSY;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      return TROUBLE_READ_ONLY;
    case SQLITE_FULL:
      return TROUBLE_NO_ROOM;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return TROUBLE_DAMAGED;
    case SQLITE_IOERR:
      /* A spent quota, or a file larger than the disk (a FAT stick's
       * 4 GB) or the process (RLIMIT_FSIZE) takes, is no room too. */
      if (system_errno == ENOSPC || system_errno == EDQUOT || system_errno == EFBIG)
        return TROUBLE_NO_ROOM;
      return TROUBLE_UNREACHABLE;
    case SQLITE_CANTOPEN:
      return TROUBLE_UNREACHABLE;
    default:
      return TROUBLE_OTHER;
    }
}

static int
trouble_code (Trouble trouble)
{
  switch (trouble)
    {
    case TROUBLE_BUSY:
      return WARTA_DB_ERROR_BUSY;
    case TROUBLE_READ_ONLY:
      return WARTA_DB_ERROR_READ_ONLY;
    case TROUBLE_DAMAGED:
      return WARTA_DB_ERROR_CORRUPT;
    case TROUBLE_UNREACHABLE:
    case TROUBLE_NO_ROOM:
    case TROUBLE_OTHER:
    default:
      return WARTA_DB_ERROR_FAILED;
    }
}

/* The sentence a user reads for @trouble with @subject (@path names a
 * file for SUBJECT_FILE and SUBJECT_BACKUP). */
static char *
trouble_message (Trouble     trouble,
                 Subject     subject,
                 const char *path)
{
  switch (subject)
    {
    case SUBJECT_DATABASE:
      switch (trouble)
        {
        case TROUBLE_BUSY:
          return g_strdup (_("The database is busy: another Warta is writing to it. Try again in a moment."));
        case TROUBLE_READ_ONLY:
          return g_strdup (_("The database is open read-only, so nothing can be changed."));
        case TROUBLE_NO_ROOM:
          return g_strdup (_("The disk holding the database is full. Free some space on it, then try again."));
        case TROUBLE_DAMAGED:
          return g_strdup (_("The database file is damaged. Restore it from a backup."));
        case TROUBLE_UNREACHABLE:
          return g_strdup (_("The database file could not be read or written. Check that its disk has free space and its network folder can be reached, then try again."));
        case TROUBLE_OTHER:
        default:
          return g_strdup (_("The database did not take the change. Try again; if it fails again, restart Warta."));
        }

    case SUBJECT_FILE:
      switch (trouble)
        {
        case TROUBLE_BUSY:
          return g_strdup_printf (_("“%s” is locked by another program. Try again in a moment."), path);
        case TROUBLE_READ_ONLY:
          return g_strdup_printf (_("You may not change “%s”. Ask its owner for write access."), path);
        case TROUBLE_NO_ROOM:
          return g_strdup_printf (_("The disk holding “%s” is full. Free some space on it, then try again."), path);
        case TROUBLE_DAMAGED:
          return g_strdup_printf (_("“%s” is damaged. Restore it from a backup, or choose the team’s Warta database file."), path);
        case TROUBLE_UNREACHABLE:
        case TROUBLE_OTHER:
        default:
          return g_strdup_printf (_("“%s” cannot be opened. Check that the file and its folder can be reached."), path);
        }

    case SUBJECT_BACKUP:
    default:
      switch (trouble)
        {
        case TROUBLE_BUSY:
          return g_strdup (_("The database stayed busy, so no backup was made. Try again in a moment."));
        case TROUBLE_READ_ONLY:
          return g_strdup_printf (_("The backup “%s” cannot be written there. Choose a folder you may write to."), path);
        case TROUBLE_UNREACHABLE:
          return g_strdup_printf (_("The backup “%s” could not be written. Check that its disk is connected and has free space, or choose another place."), path);
        case TROUBLE_NO_ROOM:
          return g_strdup_printf (_("There is no room for the backup “%s” on its disk. Free some space there, or choose another place."), path);
        case TROUBLE_DAMAGED:
          return g_strdup (_("The database file is damaged, so no backup was made of it. Restore the database from an earlier backup."));
        case TROUBLE_OTHER:
        default:
          return g_strdup (_("The backup failed. Try again, or choose another place."));
        }
    }
}

/* The one place SQLite's result codes become what a user reads: a
 * translated sentence that says what to do. SQLite's own English words
 * (@db's message, or @rc's) go to the log, with @what was being done. */
static void
set_sqlite_error (GError     **error,
                  sqlite3     *db,
                  int          rc,
                  Subject      subject,
                  const char  *path,
                  const char  *what)
{
  int system_errno = db != NULL ? sqlite3_system_errno (db) : 0;
  const char *detail = db != NULL && sqlite3_errcode (db) == rc ? sqlite3_errmsg (db)
                                                                  : sqlite3_errstr (rc);
  Trouble trouble = classify (rc, system_errno);
  g_autofree char *message = trouble_message (trouble, subject, path);
  int code;

  g_message ("%s%s%s: %s (SQLite %d%s%s)", what, path != NULL ? " " : "", path != NULL ? path : "",
             detail, rc, system_errno != 0 ? ", " : "",
             system_errno != 0 ? g_strerror (system_errno) : "");
  code = trouble_code (trouble);
  if (subject == SUBJECT_FILE && code == WARTA_DB_ERROR_FAILED)
    code = WARTA_DB_ERROR_OPEN;
  g_set_error_literal (error, WARTA_DB_ERROR, code, message);
}

void
_warta_database_set_error (WartaDatabase  *self,
                           GError        **error,
                           int             rc,
                           const char     *what)
{
  set_sqlite_error (error, self->db, rc, SUBJECT_DATABASE, NULL, what);
}

sqlite3 *
_warta_database_get_handle (WartaDatabase *self)
{
  g_return_val_if_fail (WARTA_IS_DATABASE (self), NULL);

  return self->db;
}

/* Returns a cached, reset statement; it stays owned by the database. */
sqlite3_stmt *
_warta_database_prepare (WartaDatabase  *self,
                         const char     *sql,
                         GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (WARTA_IS_DATABASE (self), NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _warta_database_set_error (self, error, rc, "prepare");
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
_warta_database_exec (WartaDatabase  *self,
                      const char     *sql,
                      GError        **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      _warta_database_set_error (self, error, rc, "exec");
      return FALSE;
    }

  return TRUE;
}

/* BEGIN IMMEDIATE takes the write lock up front, so a write transaction
 * never fails half-way with SQLITE_BUSY. The busy handler already waits up
 * to BUSY_TIMEOUT_MS; the loop covers the case where another process keeps
 * winning the lock. */
gboolean
_warta_database_begin_write (WartaDatabase  *self,
                             GError        **error)
{
  int rc = SQLITE_OK;

  if (self->read_only)
    {
      g_set_error (error, WARTA_DB_ERROR, WARTA_DB_ERROR_READ_ONLY,
                   _("The database is open read-only, so nothing can be changed."));
      return FALSE;
    }

  for (guint i = 0; i < BEGIN_RETRIES; i++)
    {
      rc = sqlite3_exec (self->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
      if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED)
        break;
      g_usleep (g_random_int_range (5, 50) * 1000);
    }

  if (rc != SQLITE_OK)
    {
      _warta_database_set_error (self, error, rc, "begin");
      return FALSE;
    }

  return TRUE;
}

gboolean
_warta_database_commit (WartaDatabase  *self,
                        GError        **error)
{
  int rc = sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      _warta_database_set_error (self, error, rc, "commit");
      _warta_database_rollback (self);
      return FALSE;
    }

  _warta_database_notify_changed (self);
  return TRUE;
}

void
_warta_database_rollback (WartaDatabase *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

static int
query_int (sqlite3    *db,
           const char *sql,
           int        *out_value)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *out_value = sqlite3_column_int (stmt, 0);
          rc = SQLITE_OK;
        }
      else if (rc == SQLITE_DONE)
        {
          *out_value = 0;
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);

  return rc;
}

static gboolean
is_network_filesystem (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  struct statfs buf;

  if (statfs (dir, &buf) != 0)
    return FALSE;

  switch ((unsigned long)buf.f_type)
    {
    case 0x6969UL:       /* NFS */
    case 0x517BUL:       /* SMB */
    case 0xFF534D42UL:   /* CIFS */
    case 0xFE534D42UL:   /* SMB2 */
    case 0x65735546UL:   /* FUSE: sshfs, GVfs mounts */
    case 0x00C36400UL:   /* Ceph */
    case 0x5346414FUL:   /* AFS */
    case 0x01021997UL:   /* 9p */
      return TRUE;
    default:
      return FALSE;
    }
}

static int
compare_names (const void *a,
               const void *b)
{
  return strcmp (*(char * const *)a, *(char * const *)b);
}

static char **
list_migrations (GError **error)
{
  g_auto(GStrv) names = NULL;

  names = g_resources_enumerate_children (MIGRATIONS_PATH, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (names == NULL)
    return NULL;

  /* Names start with a zero-padded number, so sorting them orders them. */
  qsort (names, g_strv_length (names), sizeof (char *), compare_names);
  return g_steal_pointer (&names);
}

int
warta_database_get_latest_schema_version (void)
{
  g_auto(GStrv) names = list_migrations (NULL);

  return names != NULL ? (int)g_strv_length (names) : 0;
}

static gboolean
apply_migrations (WartaDatabase  *self,
                  GError        **error)
{
  g_auto(GStrv) names = NULL;
  guint n_names;

  if (!(names = list_migrations (error)))
    return FALSE;

  n_names = g_strv_length (names);
  if (migration_limit > 0)
    n_names = MIN (n_names, (guint)migration_limit);

  for (guint i = (guint)self->schema_version; i < n_names; i++)
    {
      g_autofree char *resource_path = g_strconcat (MIGRATIONS_PATH "/", names[i], NULL);
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *sql = NULL;
      g_autofree char *pragma = NULL;

      bytes = g_resources_lookup_data (resource_path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
      if (bytes == NULL)
        return FALSE;

      sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      pragma = g_strdup_printf ("PRAGMA user_version = %u", i + 1);

      if (!_warta_database_begin_write (self, error))
        return FALSE;

      if (!_warta_database_exec (self, sql, error) ||
          !_warta_database_exec (self, pragma, error))
        {
          _warta_database_rollback (self);
          /* The migration's name is for the log, not the user. */
          g_message ("Migration %s was not applied", names[i]);
          return FALSE;
        }

      if (!_warta_database_commit (self, error))
        return FALSE;

      self->schema_version = (int)i + 1;
    }

  return TRUE;
}

static gboolean
set_journal_mode (WartaDatabase     *self,
                  WartaJournalMode   requested,
                  GError           **error)
{
  WartaJournalMode mode = requested;

  if (mode == WARTA_JOURNAL_MODE_AUTOMATIC)
    mode = self->network_filesystem ? WARTA_JOURNAL_MODE_ROLLBACK : WARTA_JOURNAL_MODE_WAL;

  /* WAL needs shared memory between all users of the file, which only
   * works when they all run on one host. */
  if (!_warta_database_exec (self,
                             mode == WARTA_JOURNAL_MODE_WAL ? "PRAGMA journal_mode = WAL"
                                                            : "PRAGMA journal_mode = DELETE",
                             error))
    return FALSE;

  /* In WAL, NORMAL never corrupts the file and makes a commit one append;
   * the rollback journal needs FULL to survive a power cut. */
  if (!_warta_database_exec (self,
                             mode == WARTA_JOURNAL_MODE_WAL ? "PRAGMA synchronous = NORMAL"
                                                            : "PRAGMA synchronous = FULL",
                             error))
    return FALSE;

  self->journal_mode = mode;
  return TRUE;
}

/* Checks, without writing anything, that the file is a Warta database this
 * version understands. An empty database is a new one. */
static gboolean
check_identity (WartaDatabase  *self,
                gboolean       *out_is_new,
                GError        **error)
{
  int app_id = 0;
  int user_version = 0;
  int n_objects = 0;
  int rc;

  rc = query_int (self->db, "PRAGMA application_id", &app_id);
  if (rc == SQLITE_OK)
    rc = query_int (self->db, "PRAGMA user_version", &user_version);
  if (rc == SQLITE_OK)
    rc = query_int (self->db, "SELECT count(*) FROM sqlite_schema", &n_objects);

  if ((rc & 0xff) == SQLITE_NOTADB)
    {
      g_set_error (error, WARTA_DB_ERROR, WARTA_DB_ERROR_NOT_WARTA,
                   _("“%s” is not a Warta database. Choose the team’s Warta database file with Open Database…, or start a new one with New Database…, both in the main menu."),
                   self->path);
      return FALSE;
    }
  if ((rc & 0xff) == SQLITE_BUSY)
    {
      _warta_database_set_error (self, error, rc, "identity");
      return FALSE;
    }
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, self->db, rc, SUBJECT_FILE, self->path, "identity");
      return FALSE;
    }

  if (app_id == 0 && user_version == 0 && n_objects == 0)
    {
      *out_is_new = TRUE;
      return TRUE;
    }

  if (app_id != WARTA_DATABASE_APPLICATION_ID)
    {
      g_set_error (error, WARTA_DB_ERROR, WARTA_DB_ERROR_NOT_WARTA,
                   _("“%s” is not a Warta database. Choose the team’s Warta database file with Open Database…, or start a new one with New Database…, both in the main menu."),
                   self->path);
      return FALSE;
    }

  if (user_version > warta_database_get_latest_schema_version ())
    {
      g_set_error (error, WARTA_DB_ERROR, WARTA_DB_ERROR_TOO_NEW,
                   _("“%s” was made by a newer version of Warta. Update Warta to open it."),
                   self->path);
      return FALSE;
    }

  self->schema_version = user_version;
  *out_is_new = FALSE;
  return TRUE;
}

/* A WAL file needs its -shm beside it, which a user who may not write the
 * folder cannot create. When no -wal file holds commits yet to be copied
 * back, the main file is the whole database: read it as immutable. */
static gboolean
reopen_read_only_wal (WartaDatabase  *self,
                      GError        **error)
{
  g_autofree char *wal = g_strconcat (self->path, "-wal", NULL);
  g_autofree char *uri = NULL;
  int value = 0;
  int rc;

  rc = query_int (self->db, "PRAGMA user_version", &value);
  if ((rc & 0xff) != SQLITE_READONLY && (rc & 0xff) != SQLITE_CANTOPEN)
    return TRUE;

  if (g_file_test (wal, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, WARTA_DB_ERROR, WARTA_DB_ERROR_READ_ONLY,
                   _("“%s” is being changed by someone else, and you may not change it. Ask its owner for write access, or open it later."),
                   self->path);
      return FALSE;
    }

  g_clear_pointer (&self->db, sqlite3_close);
  uri = g_filename_to_uri (self->path, NULL, error);
  if (uri == NULL)
    return FALSE;
  uri = g_strconcat ((char *)g_steal_pointer (&uri), "?immutable=1", NULL);

  rc = sqlite3_open_v2 (uri, &self->db,
                        SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX |
                        SQLITE_OPEN_EXRESCODE, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, self->db, rc, SUBJECT_FILE, self->path, "open read-only");
      return FALSE;
    }

  sqlite3_extended_result_codes (self->db, TRUE);
  self->immutable = TRUE;
  return TRUE;
}

/* The refusals of an existing @path that need no SQLite. */
static gboolean
check_readable (const char  *path,
                GError     **error)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, WARTA_DB_ERROR, WARTA_DB_ERROR_OPEN,
                   _("“%s” is a folder. Choose a database file."), path);
      return FALSE;
    }

  if (g_access (path, R_OK) != 0)
    {
      g_set_error (error, WARTA_DB_ERROR, WARTA_DB_ERROR_OPEN,
                   _("You may not read “%s”. Ask the owner of the file for access."), path);
      return FALSE;
    }

  return TRUE;
}

static void
set_missing_error (GError     **error,
                   const char  *path)
{
  g_set_error (error, WARTA_DB_ERROR, WARTA_DB_ERROR_OPEN,
               _("“%s” does not exist. Check the path, or choose another file."), path);
}

/* A database this Warta would have to update (or, new, to set up) can be
 * opened only by a user who may write it. */
static gboolean
check_updatable (WartaDatabase  *self,
                 gboolean        is_new,
                 GError        **error)
{
  if (self->read_only &&
      (is_new || self->schema_version < warta_database_get_latest_schema_version ()))
    {
      g_set_error (error, WARTA_DB_ERROR, WARTA_DB_ERROR_READ_ONLY,
                   _("“%s” needs to be updated for this version of Warta, but you may not change it. Ask its owner for write access."),
                   self->path);
      return FALSE;
    }

  return TRUE;
}

/**
 * warta_database_open:
 * @path: the database file
 * @journal_mode: the journal to use, or automatic
 * @flags: #WartaDatabaseFlags
 * @error: where to put a #WARTA_DB_ERROR
 *
 * Opens (or creates) a Warta database and migrates it to the current schema.
 * A file that is not a Warta database, or that a newer Warta made, is left
 * untouched and refused. A file the user may not write is opened read-only;
 * warta_database_get_read_only_reason() then says why.
 */
WartaDatabase *
warta_database_open (const char          *path,
                     WartaJournalMode     journal_mode,
                     WartaDatabaseFlags   flags,
                     GError             **error)
{
  g_autoptr(WartaDatabase) self = NULL;
  gboolean exists;
  gboolean is_new = FALSE;
  int open_flags;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (WARTA_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);

  exists = g_file_test (path, G_FILE_TEST_EXISTS);

  if (exists && !check_readable (path, error))
    return NULL;

  if (!exists)
    {
      g_autofree char *dir = g_path_get_dirname (path);

      if (flags & WARTA_DATABASE_FLAGS_NO_CREATE)
        {
          set_missing_error (error, path);
          return NULL;
        }

      if (g_mkdir_with_parents (dir, 0750) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, WARTA_DB_ERROR, WARTA_DB_ERROR_OPEN,
                       _("The folder “%s” cannot be created: %s. Choose another place for the database."),
                       dir, g_strerror (saved_errno));
          return NULL;
        }
    }

  self->network_filesystem = is_network_filesystem (path);

  if (exists && !may_write (path))
    {
      self->read_only = TRUE;
      self->read_only_reason =
        g_strdup (_("You may not change this database file, so it is open read-only. Ask its owner for write access to make changes."));
    }

  open_flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
  if (self->read_only)
    open_flags |= SQLITE_OPEN_READONLY;
  else
    open_flags |= SQLITE_OPEN_READWRITE | (exists ? 0 : SQLITE_OPEN_CREATE);

  rc = sqlite3_open_v2 (path, &self->db, open_flags, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, self->db, rc, SUBJECT_FILE, path, "open");
      return NULL;
    }

  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
  sqlite3_extended_result_codes (self->db, TRUE);

  if (self->read_only && !reopen_read_only_wal (self, error))
    return NULL;

  /* Nothing may be written before the file is known to be ours. */
  if (!check_identity (self, &is_new, error))
    return NULL;

  if (!check_updatable (self, is_new, error))
    return NULL;

  if (self->read_only)
    {
      if (!_warta_database_exec (self, "PRAGMA query_only = ON", error))
        return NULL;
    }
  else
    {
      g_autofree char *app_id_pragma =
        g_strdup_printf ("PRAGMA application_id = %d", WARTA_DATABASE_APPLICATION_ID);

      if (!set_journal_mode (self, journal_mode, error))
        return NULL;

      if (is_new && !_warta_database_exec (self, app_id_pragma, error))
        return NULL;

      if (!apply_migrations (self, error))
        return NULL;
    }

  if (!_warta_database_exec (self, "PRAGMA foreign_keys = ON", error))
    return NULL;

  start_polling (self);

  g_debug ("Opened %s (schema %d, %s journal%s)", path, self->schema_version,
           self->journal_mode == WARTA_JOURNAL_MODE_WAL ? "WAL" : "rollback",
           self->read_only ? ", read-only" : "");

  return g_steal_pointer (&self);
}

/* Whether @path is a database in WAL mode with no -wal file beside it: no
 * Warta has it open, nor left commits in a log, so the file alone is the
 * whole database. Reading it as usual would make a -wal and a -shm file
 * beside it, which a read-only connection leaves behind. */
static gboolean
is_idle_wal (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  guchar header[20];
  gssize n;
  int fd;

  fd = g_open (path, O_RDONLY, 0);
  if (fd < 0)
    return FALSE;
  n = read (fd, header, sizeof header);
  g_close (fd, NULL);

  /* Bytes 18 and 19, the file format's write and read versions, are 2 in
   * WAL mode. */
  return n == sizeof header && memcmp (header, "SQLite format 3", 16) == 0 &&
         header[18] == 2 && header[19] == 2 && !g_file_test (wal, G_FILE_TEST_EXISTS);
}

/**
 * warta_database_check_file:
 * @path: an existing file
 * @error: where to put a #WARTA_DB_ERROR
 *
 * Checks, without changing anything, that warta_database_open() would
 * open @path: that it is a Warta database, not damaged, of a schema this
 * Warta reads or updates, and that a user who may not write it need not
 * have it updated. Unlike warta_database_open() it migrates nothing: a
 * file the user has not switched to stays readable by the older Wartas of
 * the team. It is read through a read-only connection that makes no -wal
 * or -shm file; one another Warta has open is read through its log, as by
 * any reader. The errors are those warta_database_open() gives.
 *
 * Returns: %TRUE when @path would be opened
 */
gboolean
warta_database_check_file (const char  *path,
                           GError     **error)
{
  g_autoptr(WartaDatabase) self = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *uri = NULL;
  gboolean is_new = FALSE;
  int rc;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      set_missing_error (error, path);
      return FALSE;
    }
  if (!check_readable (path, error))
    return FALSE;

  self = g_object_new (WARTA_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);
  self->read_only = !may_write (path);

  uri = g_filename_to_uri (path, NULL, error);
  if (uri == NULL)
    return FALSE;
  /* Immutable: no locks, no files beside it, as nothing else reads it. */
  uri = g_strconcat ((char *)g_steal_pointer (&uri),
                     is_idle_wal (path) ? "?mode=ro&immutable=1" : "?mode=ro", NULL);

  rc = sqlite3_open_v2 (uri, &self->db,
                        SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX |
                        SQLITE_OPEN_EXRESCODE, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, self->db, rc, SUBJECT_FILE, path, "check");
      return FALSE;
    }
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
  sqlite3_extended_result_codes (self->db, TRUE);

  if (self->read_only && !reopen_read_only_wal (self, error))
    return FALSE;

  if (!check_identity (self, &is_new, &local_error))
    {
      /* Reading it needs a write first (a journal a crashed Warta left,
       * to roll back): the switch, which may write, does it, and tells
       * what it then finds. */
      if (!self->read_only &&
          g_error_matches (local_error, WARTA_DB_ERROR, WARTA_DB_ERROR_READ_ONLY))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return check_updatable (self, is_new, error);
}

/**
 * warta_database_open_for_worker:
 * @self: a #WartaDatabase
 * @error: where to put a #WARTA_DB_ERROR
 *
 * Opens @self's file again, as @self was opened, for a worker thread:
 * @self's connection belongs to the thread that opened it. The new
 * connection is made in a main context of its own, so its change polling
 * never runs, nor its #WartaDatabase::changed, on the caller's main
 * context; @self sees its commits by polling, or at once with
 * warta_database_check_changes(). May be called from any thread.
 *
 * Returns: (transfer full) (nullable): the new connection
 */
WartaDatabase *
warta_database_open_for_worker (WartaDatabase  *self,
                                GError        **error)
{
  GMainContext *context;
  WartaDatabase *worker;

  g_return_val_if_fail (WARTA_IS_DATABASE (self), NULL);

  context = g_main_context_new ();
  g_main_context_push_thread_default (context);
  worker = warta_database_open (self->path, self->journal_mode, WARTA_DATABASE_FLAGS_NO_CREATE,
                                error);
  if (worker != NULL)
    warta_database_set_poll_interval (worker, 0);
  g_main_context_pop_thread_default (context);
  g_main_context_unref (context);

  return worker;
}

const char *
warta_database_get_path (WartaDatabase *self)
{
  g_return_val_if_fail (WARTA_IS_DATABASE (self), NULL);

  return self->path;
}

gboolean
warta_database_get_read_only (WartaDatabase *self)
{
  g_return_val_if_fail (WARTA_IS_DATABASE (self), FALSE);

  return self->read_only;
}

const char *
warta_database_get_read_only_reason (WartaDatabase *self)
{
  g_return_val_if_fail (WARTA_IS_DATABASE (self), NULL);

  return self->read_only_reason;
}

WartaJournalMode
warta_database_get_journal_mode (WartaDatabase *self)
{
  g_return_val_if_fail (WARTA_IS_DATABASE (self), WARTA_JOURNAL_MODE_AUTOMATIC);

  return self->journal_mode;
}

gboolean
warta_database_get_network_filesystem (WartaDatabase *self)
{
  g_return_val_if_fail (WARTA_IS_DATABASE (self), FALSE);

  return self->network_filesystem;
}

int
warta_database_get_schema_version (WartaDatabase *self)
{
  g_return_val_if_fail (WARTA_IS_DATABASE (self), 0);

  return self->schema_version;
}

static gboolean
quick_check_ok (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;

  if (sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    ok = g_strcmp0 ((const char *)sqlite3_column_text (stmt, 0), "ok") == 0;
  sqlite3_finalize (stmt);

  return ok;
}

static gboolean
same_file (const char *a,
           const char *b)
{
  GStatBuf sa, sb;

  if (g_stat (a, &sa) != 0 || g_stat (b, &sb) != 0)
    return FALSE;

  return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* Copies @src, the connection to @source_path, to @destination: see
 * warta_database_backup(). */
static gboolean
backup_connection (sqlite3       *src,
                   const char    *source_path,
                   const char    *destination,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *tmp_path = NULL;
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int check = 0;
  int fd;
  int rc;

  if (g_strcmp0 (destination, source_path) == 0 || same_file (destination, source_path))
    {
      g_set_error (error, WARTA_DB_ERROR, WARTA_DB_ERROR_FAILED,
                   _("A backup cannot replace the database itself. Choose another file."));
      return FALSE;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  dir = g_path_get_dirname (destination);
  tmp_path = g_build_filename (dir, ".warta-backup-XXXXXX", NULL);
  fd = g_mkstemp_full (tmp_path, O_RDWR, 0640);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, WARTA_DB_ERROR, WARTA_DB_ERROR_OPEN,
                   _("The backup file “%s” cannot be written: %s. Choose another place."),
                   destination, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);

  rc = sqlite3_open_v2 (tmp_path, &dest,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, dest, rc, SUBJECT_BACKUP, destination, "backup open");
      goto fail;
    }

  backup = sqlite3_backup_init (dest, "main", src, "main");
  if (backup == NULL)
    {
      set_sqlite_error (error, dest, sqlite3_errcode (dest), SUBJECT_BACKUP, destination,
                        "backup start");
      goto fail;
    }

  /* All pages in one step: one snapshot, never restarted by a writer. In
   * WAL mode writers are not blocked meanwhile; in rollback mode they wait
   * within their busy timeout. */
  for (guint i = 0; i < BEGIN_RETRIES; i++)
    {
      rc = sqlite3_backup_step (backup, -1);
      if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED)
        break;
      g_usleep (50 * 1000);
    }

  sqlite3_backup_finish (backup);

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, dest, rc, SUBJECT_BACKUP, destination, "backup");
      goto fail;
    }

  /* The copy is a single file: fold a WAL copy back into it. */
  rc = query_int (dest, "PRAGMA journal_mode = DELETE", &check);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, dest, rc, SUBJECT_BACKUP, destination, "backup journal");
      goto fail;
    }
  /* A page-for-page copy that fails the check is a copy of damage. */
  if (!quick_check_ok (dest))
    {
      set_sqlite_error (error, dest, SQLITE_CORRUPT, SUBJECT_BACKUP, destination, "backup check");
      goto fail;
    }

  g_clear_pointer (&dest, sqlite3_close);

  /* Cancelled meanwhile: an older file of that name stays as it was. */
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto fail;

  if (g_rename (tmp_path, destination) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, WARTA_DB_ERROR, WARTA_DB_ERROR_FAILED,
                   _("The backup could not be saved as “%s”: %s. Choose another place."),
                   destination, g_strerror (saved_errno));
      goto fail;
    }

  return TRUE;

fail:
  g_clear_pointer (&dest, sqlite3_close);
  g_unlink (tmp_path);
  return FALSE;
}

/**
 * warta_database_backup:
 * @self: a #WartaDatabase
 * @destination: the file to write the copy to
 * @error: where to put an error
 *
 * Copies the live database to @destination with SQLite's online backup,
 * which reads one consistent snapshot while other users go on working.
 * The copy is written to a temporary file beside @destination, checked,
 * and only then renamed over it, so a failed backup never leaves a
 * half-written file nor destroys an older backup.
 */
gboolean
warta_database_backup (WartaDatabase  *self,
                       const char     *destination,
                       GError        **error)
{
  g_return_val_if_fail (WARTA_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (destination != NULL, FALSE);

  return backup_connection (self->db, self->path, destination, NULL, error);
}

typedef struct
{
  char     *path;
  char     *destination;
  gboolean  read_only;
  gboolean  immutable;
} BackupData;

static void
backup_data_free (BackupData *data)
{
  g_free (data->path);
  g_free (data->destination);
  g_free (data);
}

/* The database's connection belongs to the main thread (NOMUTEX): the
 * worker reads through a connection of its own, opened as the database
 * was, which SQLite's locking keeps consistent with every other writer. */
static void
backup_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  BackupData *data = task_data;
  g_autofree char *uri = NULL;
  GError *error = NULL;
  sqlite3 *src = NULL;
  int rc;

  uri = g_filename_to_uri (data->path, NULL, &error);
  if (uri == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (data->immutable)
    uri = g_strconcat ((char *)g_steal_pointer (&uri), "?immutable=1", NULL);

  rc = sqlite3_open_v2 (uri, &src,
                        (data->read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) |
                        SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (src, BUSY_TIMEOUT_MS);
      rc = sqlite3_exec (src, "PRAGMA query_only = ON", NULL, NULL, NULL);
    }
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (&error, src, rc, SUBJECT_FILE, data->path, "open for backup");
      sqlite3_close (src);
      g_task_return_error (task, error);
      return;
    }

  if (backup_connection (src, data->path, data->destination, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
  sqlite3_close (src);
}

/**
 * warta_database_backup_async:
 * @self: a #WartaDatabase
 * @destination: the file to write the copy to
 * @cancellable: (nullable): a #GCancellable; a cancelled backup leaves
 *   @destination as it was
 * @callback: called on the caller's thread-default main context
 * @user_data: for @callback
 *
 * Makes the copy warta_database_backup() makes, in a worker thread.
 */
void
warta_database_backup_async (WartaDatabase       *self,
                             const char          *destination,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  BackupData *data;

  g_return_if_fail (WARTA_IS_DATABASE (self));
  g_return_if_fail (destination != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (BackupData, 1);
  data->path = g_strdup (self->path);
  data->destination = g_strdup (destination);
  data->read_only = self->read_only;
  data->immutable = self->immutable;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, warta_database_backup_async);
  g_task_set_task_data (task, data, (GDestroyNotify)backup_data_free);
  g_task_run_in_thread (task, backup_in_thread);
}

gboolean
warta_database_backup_finish (WartaDatabase  *self,
                              GAsyncResult   *result,
                              GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static gboolean
emit_changed_idle_cb (gpointer user_data)
{
  WartaDatabase *self = user_data;

  self->idle_source_id = 0;
  g_signal_emit (self, signals[CHANGED], 0);

  return G_SOURCE_REMOVE;
}

/* After a commit of this connection: other connections see it through
 * data_version, this one is told here, once per main loop iteration. */
void
_warta_database_notify_changed (WartaDatabase *self)
{
  g_autoptr(GSource) source = NULL;

  if (self->context == NULL || self->idle_source_id != 0)
    return;

  source = g_idle_source_new ();
  g_source_set_callback (source, emit_changed_idle_cb, self, NULL);
  g_source_set_static_name (source, "[warta] database changed");
  self->idle_source_id = g_source_attach (source, self->context);
}

static gboolean
read_data_version (WartaDatabase *self,
                   gint64        *out_version)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _warta_database_prepare (self, "PRAGMA data_version", NULL);
  if (stmt == NULL)
    return FALSE;

  /* Polling must never make the main loop wait for a writer. */
  sqlite3_busy_timeout (self->db, 0);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_version = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);

  return rc == SQLITE_ROW;
}

/**
 * warta_database_check_changes:
 * @self: a #WartaDatabase
 *
 * Looks whether another connection committed since the last look, and
 * emits #WartaDatabase::changed if so. Called every 500 ms from the main
 * context the database was opened in.
 *
 * Returns: whether a change was seen
 */
gboolean
warta_database_check_changes (WartaDatabase *self)
{
  gint64 version = 0;

  g_return_val_if_fail (WARTA_IS_DATABASE (self), FALSE);

  if (!read_data_version (self, &version) || version == self->data_version)
    return FALSE;

  self->data_version = version;
  g_signal_emit (self, signals[CHANGED], 0);

  return TRUE;
}

static gboolean
poll_cb (gpointer user_data)
{
  warta_database_check_changes (user_data);

  return G_SOURCE_CONTINUE;
}

static void
start_polling (WartaDatabase *self)
{
  g_autoptr(GSource) source = NULL;

  if (self->context == NULL)
    self->context = g_main_context_ref_thread_default ();

  remove_source (self->context, &self->poll_source_id);
  read_data_version (self, &self->data_version);

  if (self->poll_interval_ms == 0)
    return;

  source = g_timeout_source_new (self->poll_interval_ms);
  g_source_set_callback (source, poll_cb, self, NULL);
  g_source_set_static_name (source, "[warta] database poll");
  self->poll_source_id = g_source_attach (source, self->context);
}

/**
 * warta_database_set_poll_interval:
 * @self: a #WartaDatabase
 * @interval_ms: how often to look for other processes' commits; 0 stops
 */
void
warta_database_set_poll_interval (WartaDatabase *self,
                                  guint          interval_ms)
{
  g_return_if_fail (WARTA_IS_DATABASE (self));

  self->poll_interval_ms = interval_ms;
  start_polling (self);
}
