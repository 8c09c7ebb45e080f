/* test-database.c: opening, migrating, refusing, backing up and noticing
 * other processes' changes, on real files
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdio.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "warta-database-private.h"
#include "warta-office-rules.h"
#include "warta-user-repository-private.h"

#define NOBODY 65534

static char *test_binary;

static char *
make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("warta-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *)a, *(char * const *)b);
}

static char *
file_sum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)contents, length);
}

/* The file's SHA-256 and the folder's listing: a refusal must leave both. */
static char *
snapshot (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GDir) d = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *sum = file_sum (path);
  const char *name;

  g_string_append (out, sum);

  d = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    g_string_append_printf (out, " %s", (char *)g_ptr_array_index (names, i));

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
raw_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

static gint64
raw_int (const char *path,
         const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

static gboolean
has_object (const char *path,
            const char *name)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM sqlite_schema WHERE name = '%s'", name);

  return raw_int (path, sql) == 1;
}

static void
make_warta_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WartaDatabase) db = NULL;

  db = warta_database_open (path, WARTA_JOURNAL_MODE_AUTOMATIC, WARTA_DATABASE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (g_steal_pointer (&db));
}

/* What each migration adds. */
static const char *migration_objects[][12] = {
  { "warta_meta", NULL },
  { "users", NULL },
  { "publications", "revisions", "revision_captions", "media_items", "correction_notes",
    "correction_notes_publication", "checklist_answers", "revisions_immutable",
    "revisions_undeletable", "revision_captions_immutable", "media_items_immutable", NULL },
  { "events", "events_publication", "events_immutable", "events_undeletable", "step_records",
    "step_records_publication", "step_records_step", "publications_tasks", NULL },
  { "officials", "officials_name", NULL },
  { "archive_fts", "archive_documents", "archive_fts_revision", "archive_fts_note",
    "archive_register", "archive_register_unit", "step_records_exit", NULL },
  { "accounts", "outbox_jobs", "outbox_jobs_runnable", "outbox_steps", "manual_proofs",
    "manual_proofs_job", NULL },
  { "drafts", NULL },
  { NULL },   /* 0009 adds a column only */
  { NULL },   /* 0010 adds columns only */
  { "office_rules", NULL },
  { NULL },   /* 0012 moves scheduled posts' step 5 deadlines only */
  { "post_corrections", "post_corrections_job", "post_corrections_immutable", NULL },
  { NULL },   /* 0014 adds columns only */
  { NULL },   /* 0015 adds columns only */
  { "left_out_targets", NULL },
  { "by_hand_targets", NULL },
};

static void
test_migrations (void)
{
  g_autofree char *dir = make_dir ();
  int latest = warta_database_get_latest_schema_version ();

  g_assert_cmpint (latest, ==, G_N_ELEMENTS (migration_objects));

  for (int n = 1; n <= latest; n++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(WartaDatabase) db = NULL;
      g_autofree char *name = g_strdup_printf ("step-%d.db", n);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      /* Migrations 1..n on an empty file. */
      _warta_database_set_migration_limit (n);
      db = warta_database_open (path, WARTA_JOURNAL_MODE_ROLLBACK, WARTA_DATABASE_FLAGS_NONE, &error);
      _warta_database_set_migration_limit (0);
      g_assert_no_error (error);
      g_assert_cmpint (warta_database_get_schema_version (db), ==, n);
      g_assert_finalize_object (g_steal_pointer (&db));

      g_assert_cmpint (raw_int (path, "PRAGMA user_version"), ==, n);
      g_assert_cmpint (raw_int (path, "PRAGMA application_id"), ==, WARTA_DATABASE_APPLICATION_ID);
      for (int m = 0; m < latest; m++)
        for (guint k = 0; migration_objects[m][k] != NULL; k++)
          {
            if (has_object (path, migration_objects[m][k]) != (m < n))
              g_error ("after migration %d, %s should %sexist", n, migration_objects[m][k],
                       m < n ? "" : "not ");
          }

      /* Columns added to tables of earlier migrations. */
      {
        int drafts = 0;

        for (int m = 0; m < latest; m++)
          if (g_strcmp0 (migration_objects[m][0], "drafts") == 0)
            drafts = m + 1;
        g_assert_cmpint (drafts, >, 0);
        g_assert_cmpint (raw_int (path, "SELECT count(*) FROM pragma_table_info ('media_items') "
                                        "WHERE name IN ('blur_regions', 'crop_centers')"),
                         ==, n >= drafts ? 2 : 0);
        g_assert_cmpint (raw_int (path, "SELECT count(*) FROM pragma_table_info ('media_items') "
                                        "WHERE name = 'skipped_platforms'"),
                         ==, n >= 9 ? 1 : 0);
        g_assert_cmpint (raw_int (path, "SELECT count(*) FROM pragma_table_info ('outbox_jobs') "
                                        "WHERE name IN ('taken_down_at', 'taken_down_by', "
                                        "'takedown_reason')"),
                         ==, n >= 10 ? 3 : 0);
        g_assert_cmpint (raw_int (path, "SELECT count(*) FROM pragma_table_info ('outbox_jobs') "
                                        "WHERE name IN ('by_hand_since', 'by_hand_by')"),
                         ==, n >= 14 ? 2 : 0);
      }

      /* Opening it with this Warta migrates the rest and keeps the data. */
      raw_exec (path, "INSERT INTO warta_meta (key, value) VALUES ('test', 'kept')");
      db = warta_database_open (path, WARTA_JOURNAL_MODE_ROLLBACK, WARTA_DATABASE_FLAGS_NONE, &error);
      g_assert_no_error (error);
      g_assert_cmpint (warta_database_get_schema_version (db), ==, latest);
      g_assert_finalize_object (g_steal_pointer (&db));
      g_assert_cmpint (raw_int (path, "SELECT count(*) FROM warta_meta WHERE key = 'test'"), ==, 1);
      g_assert_cmpint (raw_int (path, "PRAGMA user_version"), ==, latest);
      g_assert_true (has_object (path, "events"));
      g_assert_cmpint (raw_int (path, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
    }

  remove_dir (dir);
}

typedef void (*MakeFile) (const char *path);

static void
make_text_file (const char *path)
{
  g_assert_true (g_file_set_contents (path, "Laporan kegiatan bulan Juni\n", -1, NULL));
}

static void
make_foreign_sqlite (const char *path)
{
  raw_exec (path, "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Budi');");
}

static void
make_newer_warta (const char *path)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d",
                                          warta_database_get_latest_schema_version () + 1);

  make_warta_file (path);
  raw_exec (path, sql);
}

static void
make_damaged (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  make_warta_file (path);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  /* A valid header with garbage pages after it. */
  memset (contents + 100, 0xa5, length - 100);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
}

static void
check_refused (MakeFile make,
               int      expected)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "warta.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  make (path);
  before = snapshot (path);

  for (guint mode = WARTA_JOURNAL_MODE_AUTOMATIC; mode <= WARTA_JOURNAL_MODE_ROLLBACK; mode++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(WartaDatabase) db = warta_database_open (path, mode, WARTA_DATABASE_FLAGS_NONE, &error);

      g_assert_null (db);
      g_assert_error (error, WARTA_DB_ERROR, expected);
      g_test_message ("%s", error->message);
    }

  after = snapshot (path);
  g_assert_cmpstr (before, ==, after);

  remove_dir (dir);
}

static void
test_refuse_not_warta (void)
{
  check_refused (make_text_file, WARTA_DB_ERROR_NOT_WARTA);
}

static void
test_refuse_foreign_sqlite (void)
{
  check_refused (make_foreign_sqlite, WARTA_DB_ERROR_NOT_WARTA);
}

static void
test_refuse_too_new (void)
{
  check_refused (make_newer_warta, WARTA_DB_ERROR_TOO_NEW);
}

static void
test_refuse_damaged (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "warta.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(WartaDatabase) db = NULL;

  make_damaged (path);
  before = snapshot (path);
  db = warta_database_open (path, WARTA_JOURNAL_MODE_AUTOMATIC, WARTA_DATABASE_FLAGS_NONE, &error);
  g_assert_null (db);
  g_assert_nonnull (error);
  after = snapshot (path);
  g_assert_cmpstr (before, ==, after);

  remove_dir (dir);
}

static void
test_refuse_folder_and_missing (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *missing = g_build_filename (dir, "missing.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(WartaDatabase) db = NULL;

  db = warta_database_open (dir, WARTA_JOURNAL_MODE_AUTOMATIC, WARTA_DATABASE_FLAGS_NONE, &error);
  g_assert_null (db);
  g_assert_error (error, WARTA_DB_ERROR, WARTA_DB_ERROR_OPEN);
  g_clear_error (&error);

  db = warta_database_open (missing, WARTA_JOURNAL_MODE_AUTOMATIC, WARTA_DATABASE_FLAGS_NO_CREATE, &error);
  g_assert_null (db);
  g_assert_error (error, WARTA_DB_ERROR, WARTA_DB_ERROR_OPEN);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  remove_dir (dir);
}

/* In a child process (as "nobody" when the tests run as root, since root
 * may write any file): open the read-only file and try to write. */
static int
read_only_child (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WartaDatabase) db = NULL;
  g_autoptr(WartaUserRepository) users = NULL;
  g_autoptr(WartaUser) user = NULL;

  db = warta_database_open (path, WARTA_JOURNAL_MODE_AUTOMATIC, WARTA_DATABASE_FLAGS_NONE, &error);
  if (db == NULL)
    {
      g_print ("open-error=%d\n", error->code);
      return 0;
    }

  _warta_user_repository_set_fast_hashing (TRUE);
  users = warta_user_repository_new (db, NULL);
  user = warta_user_repository_create_first_admin (users, "a", "A", "rahasia-123", 0, &error);
  g_print ("read-only=%d reason=%d write-error=%d\n", warta_database_get_read_only (db),
           warta_database_get_read_only_reason (db) != NULL,
           user == NULL && error != NULL ? error->code : -1);
  return 0;
}

static void
drop_privileges (gpointer data)
{
  if (getuid () == 0 && (setgid (NOBODY) != 0 || setuid (NOBODY) != 0))
    _exit (77);
}

static char *
run_read_only_child (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autofree char *out = NULL;

  g_autofree char *bin_dir = NULL;
  g_autofree char *binary = NULL;

  /* The build tree may sit in a folder only root may enter (mktemp -d):
   * the child runs as nobody from a copy of this program that it can
   * reach. */
  bin_dir = g_dir_make_tmp ("warta-test-bin-XXXXXX", &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (bin_dir, 0755), ==, 0);
  binary = g_build_filename (bin_dir, "test-database", NULL);
  {
    g_autoptr(GFile) from = g_file_new_for_path (test_binary);
    g_autoptr(GFile) to = g_file_new_for_path (binary);

    g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
  }
  g_assert_cmpint (g_chmod (binary, 0755), ==, 0);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_subprocess_launcher_setenv (launcher, "WARTA_TEST_READ_ONLY_CHILD", path, TRUE);
  g_subprocess_launcher_set_child_setup (launcher, drop_privileges, NULL, NULL);
  process = g_subprocess_launcher_spawn (launcher, &error, binary, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_unlink (binary);
  g_rmdir (bin_dir);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);

  return g_strstrip (g_steal_pointer (&out));
}

static void
check_read_only (MakeFile    make,
                 const char *expected)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "warta.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *result = NULL;

  make (path);
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  before = snapshot (path);

  result = run_read_only_child (path);
  g_assert_cmpstr (result, ==, expected);

  after = snapshot (path);
  g_assert_cmpstr (before, ==, after);

  g_chmod (path, 0644);
  remove_dir (dir);
}

static void
make_rollback_warta (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WartaDatabase) db = NULL;

  db = warta_database_open (path, WARTA_JOURNAL_MODE_ROLLBACK, WARTA_DATABASE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (g_steal_pointer (&db));
}

/* A database of schema 2, in @mode's journal. */
static void
make_old_warta_in (const char       *path,
                   WartaJournalMode  mode)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WartaDatabase) db = NULL;

  _warta_database_set_migration_limit (2);
  db = warta_database_open (path, mode, WARTA_DATABASE_FLAGS_NONE, &error);
  _warta_database_set_migration_limit (0);
  g_assert_no_error (error);
  g_assert_finalize_object (g_steal_pointer (&db));
}

static void
make_old_warta (const char *path)
{
  make_old_warta_in (path, WARTA_JOURNAL_MODE_ROLLBACK);
}

static void
test_read_only (void)
{
  g_autofree char *expected = g_strdup_printf ("read-only=1 reason=1 write-error=%d", WARTA_DB_ERROR_READ_ONLY);

  check_read_only (make_rollback_warta, expected);
}

static void
test_read_only_wal (void)
{
  g_autofree char *expected = g_strdup_printf ("read-only=1 reason=1 write-error=%d", WARTA_DB_ERROR_READ_ONLY);

  check_read_only (make_warta_file, expected);
}

static void
test_read_only_needs_migration (void)
{
  g_autofree char *expected = g_strdup_printf ("open-error=%d", WARTA_DB_ERROR_READ_ONLY);

  check_read_only (make_old_warta, expected);
}

/* A file whose mode lets nobody write it is opened read-only by this
 * process too, root included, who may write any file: Warta does not
 * write what its owner marked read-only (found as root in a walk-through:
 * a new activity went into such a file). */
static void
test_read_only_by_mode (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "warta.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(WartaDatabase) db = NULL;

  make_warta_file (path);
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  before = file_sum (path);

  db = warta_database_open (path, WARTA_JOURNAL_MODE_AUTOMATIC, WARTA_DATABASE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (warta_database_get_read_only (db));
  g_assert_nonnull (warta_database_get_read_only_reason (db));
  g_assert_finalize_object (g_steal_pointer (&db));

  /* The file is as it was (a reader of a WAL file may still make its
   * -shm and -wal beside it, where the folder allows). */
  after = file_sum (path);
  g_assert_cmpstr (before, ==, after);
  g_chmod (path, 0644);
  remove_dir (dir);
}

/* @path's bytes, its time of change and its folder's files, which a check
 * must all leave as they were. */
static char *
check_snapshot (const char *path)
{
  g_autofree char *files = snapshot (path);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = NULL;

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_TIME_MODIFIED "," G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  g_assert_nonnull (info);
  return g_strdup_printf ("%s %" G_GUINT64_FORMAT ".%06u", files,
                          g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED),
                          g_file_info_get_attribute_uint32 (info,
                                                            G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC));
}

static void
make_old_wal_warta (const char *path)
{
  make_old_warta_in (path, WARTA_JOURNAL_MODE_WAL);
}

/* The check before Open Database switches reads an older database
 * without updating it, in either journal, nor making a -wal or -shm file
 * beside it: colleagues on the older Warta go on opening it. */
static void
test_check_file_older (void)
{
  MakeFile makers[] = { make_old_warta, make_old_wal_warta };

  for (guint i = 0; i < G_N_ELEMENTS (makers); i++)
    {
      g_autofree char *dir = make_dir ();
      g_autofree char *path = g_build_filename (dir, "warta.db", NULL);
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_autoptr(GError) error = NULL;

      makers[i] (path);
      before = check_snapshot (path);
      g_assert_true (warta_database_check_file (path, &error));
      g_assert_no_error (error);
      after = check_snapshot (path);
      g_assert_cmpstr (before, ==, after);
      g_assert_cmpint (raw_int (path, "PRAGMA user_version"), ==, 2);

      remove_dir (dir);
    }
}

/* The check refuses what opening refuses, in the same words, and leaves
 * the file as it was. */
static void
test_check_file_refused (void)
{
  MakeFile makers[] = { make_text_file, make_foreign_sqlite, make_newer_warta, make_damaged };
  int codes[] = { WARTA_DB_ERROR_NOT_WARTA, WARTA_DB_ERROR_NOT_WARTA, WARTA_DB_ERROR_TOO_NEW,
                  WARTA_DB_ERROR_CORRUPT };

  for (guint i = 0; i < G_N_ELEMENTS (makers); i++)
    {
      g_autofree char *dir = make_dir ();
      g_autofree char *path = g_build_filename (dir, "warta.db", NULL);
      g_autofree char *missing = g_build_filename (dir, "missing.db", NULL);
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) open_error = NULL;
      g_autoptr(WartaDatabase) db = NULL;

      makers[i] (path);
      before = check_snapshot (path);
      g_assert_false (warta_database_check_file (path, &error));
      g_assert_error (error, WARTA_DB_ERROR, codes[i]);
      after = check_snapshot (path);
      g_assert_cmpstr (before, ==, after);

      db = warta_database_open (path, WARTA_JOURNAL_MODE_AUTOMATIC, WARTA_DATABASE_FLAGS_NONE,
                                &open_error);
      g_assert_null (db);
      g_assert_error (open_error, WARTA_DB_ERROR, error->code);
      g_assert_cmpstr (open_error->message, ==, error->message);
      g_clear_error (&error);

      /* A folder, a missing file: refused, and nothing made. */
      g_assert_false (warta_database_check_file (dir, &error));
      g_assert_error (error, WARTA_DB_ERROR, WARTA_DB_ERROR_OPEN);
      g_clear_error (&error);
      g_assert_false (warta_database_check_file (missing, &error));
      g_assert_error (error, WARTA_DB_ERROR, WARTA_DB_ERROR_OPEN);
      g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

      remove_dir (dir);
    }
}

/* A database another Warta has open in WAL mode is read through its log:
 * a newer Warta's update still in the log is refused, and the check
 * changes neither file. */
static void
test_check_file_in_use (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "warta.db", NULL);
  g_autofree char *wal = g_build_filename (dir, "warta.db-wal", NULL);
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d",
                                          warta_database_get_latest_schema_version () + 1);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *wal_before = NULL;
  g_autofree char *wal_after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(WartaDatabase) other = NULL;

  other = warta_database_open (path, WARTA_JOURNAL_MODE_WAL, WARTA_DATABASE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (warta_database_check_file (path, &error));
  g_assert_no_error (error);

  g_assert_true (_warta_database_exec (other, sql, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  before = check_snapshot (path);
  wal_before = file_sum (wal);
  g_assert_false (warta_database_check_file (path, &error));
  g_assert_error (error, WARTA_DB_ERROR, WARTA_DB_ERROR_TOO_NEW);
  after = check_snapshot (path);
  wal_after = file_sum (wal);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpstr (wal_before, ==, wal_after);

  g_assert_finalize_object (g_steal_pointer (&other));
  remove_dir (dir);
}

static void
copy_file (const char *from_path,
           const char *to_path)
{
  g_autoptr(GFile) from = g_file_new_for_path (from_path);
  g_autoptr(GFile) to = g_file_new_for_path (to_path);
  g_autoptr(GError) error = NULL;

  g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

/* A Warta that stopped while writing a rollback-journal database left its
 * journal: reading the file needs it rolled back first, which only a
 * connection that may write does. The check lets the file through,
 * journal and all, for the switch to roll back and open. */
static void
test_check_file_hot_journal (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "warta.db", NULL);
  g_autofree char *journal = g_build_filename (dir, "warta.db-journal", NULL);
  g_autofree char *crashed = g_build_filename (dir, "crashed.db", NULL);
  g_autofree char *crashed_journal = g_build_filename (dir, "crashed.db-journal", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(WartaDatabase) db = NULL;
  sqlite3 *writer = NULL;

  make_rollback_warta (path);
  /* The files as a crash mid-transaction leaves them: the pages written
   * to the database, the journal to undo them. */
  g_assert_cmpint (sqlite3_open (path, &writer), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (writer,
                                 "PRAGMA cache_size = 1; BEGIN; "
                                 "INSERT INTO warta_meta (key, value) "
                                 "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                                 "WHERE i < 2000) SELECT 'crash-' || i, hex (randomblob (300)) "
                                 "FROM n;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (g_file_test (journal, G_FILE_TEST_EXISTS));
  copy_file (path, crashed);
  copy_file (journal, crashed_journal);
  g_assert_cmpint (sqlite3_exec (writer, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (writer);

  before = check_snapshot (crashed);
  g_assert_true (warta_database_check_file (crashed, &error));
  g_assert_no_error (error);
  after = check_snapshot (crashed);
  g_assert_cmpstr (before, ==, after);
  g_assert_true (g_file_test (crashed_journal, G_FILE_TEST_EXISTS));

  db = warta_database_open (crashed, WARTA_JOURNAL_MODE_ROLLBACK, WARTA_DATABASE_FLAGS_NONE,
                            &error);
  g_assert_no_error (error);
  g_assert_finalize_object (g_steal_pointer (&db));
  g_assert_cmpint (raw_int (crashed, "SELECT count(*) FROM warta_meta WHERE key LIKE 'crash-%'"),
                   ==, 0);

  remove_dir (dir);
}

/* A user who may not write the file: an older database, which opening
 * would have to update, is refused as opening refuses it; a current one
 * passes. */
static void
test_check_file_read_only (void)
{
  MakeFile makers[] = { make_old_warta, make_old_wal_warta, make_warta_file };
  int codes[] = { WARTA_DB_ERROR_READ_ONLY, WARTA_DB_ERROR_READ_ONLY, -1 };

  for (guint i = 0; i < G_N_ELEMENTS (makers); i++)
    {
      g_autofree char *dir = make_dir ();
      g_autofree char *path = g_build_filename (dir, "warta.db", NULL);
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_autoptr(GError) error = NULL;
      gboolean ok;

      makers[i] (path);
      g_assert_cmpint (g_chmod (path, 0444), ==, 0);
      before = check_snapshot (path);
      ok = warta_database_check_file (path, &error);
      if (codes[i] < 0)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
        }
      else
        {
          g_assert_false (ok);
          g_assert_error (error, WARTA_DB_ERROR, codes[i]);
          g_assert_nonnull (strstr (error->message, "needs to be updated"));
        }
      after = check_snapshot (path);
      g_assert_cmpstr (before, ==, after);

      g_chmod (path, 0644);
      remove_dir (dir);
    }
}

static void
test_journal_mode (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *wal = g_build_filename (dir, "wal.db", NULL);
  g_autofree char *rollback = g_build_filename (dir, "rollback.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(WartaDatabase) db = NULL;

  db = warta_database_open (wal, WARTA_JOURNAL_MODE_AUTOMATIC, WARTA_DATABASE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  /* The test folder is local. */
  g_assert_false (warta_database_get_network_filesystem (db));
  g_assert_cmpint (warta_database_get_journal_mode (db), ==, WARTA_JOURNAL_MODE_WAL);
  g_assert_finalize_object (g_steal_pointer (&db));
  g_assert_cmpint (raw_int (wal, "SELECT journal_mode = 'wal' FROM pragma_journal_mode"), ==, 1);

  db = warta_database_open (rollback, WARTA_JOURNAL_MODE_ROLLBACK, WARTA_DATABASE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (warta_database_get_journal_mode (db), ==, WARTA_JOURNAL_MODE_ROLLBACK);
  g_assert_finalize_object (g_steal_pointer (&db));
  g_assert_cmpint (raw_int (rollback, "SELECT journal_mode = 'delete' FROM pragma_journal_mode"), ==, 1);

  remove_dir (dir);
}

/* A write that finds the disk full says so and what to do, in words, not
 * SQLite's; the database keeps what it had. The disk is "full" at the
 * file's present size (max_page_count). */
static void
test_disk_full (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "warta.db", NULL);
  g_autofree char *big = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(WartaDatabase) db = NULL;
  g_autoptr(WartaUserRepository) users = NULL;
  g_autoptr(WartaUser) admin = NULL;
  g_autoptr(GHashTable) rules = NULL;
  char *message = NULL;

  _warta_user_repository_set_fast_hashing (TRUE);
  db = warta_database_open (path, WARTA_JOURNAL_MODE_ROLLBACK, WARTA_DATABASE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  users = warta_user_repository_new (db, NULL);
  admin = warta_user_repository_create_first_admin (users, "sari", "Sari Dewi", "rahasia-123",
                                                    WARTA_ROLE_ALL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (_warta_database_get_handle (db),
                                 "PRAGMA max_page_count = 1", NULL, NULL, &message),
                   ==, SQLITE_OK);
  g_assert_null (message);

  big = g_strnfill (256 * 1024, 'x');
  g_assert_false (warta_office_rules_store (db, warta_user_get_id (admin), "unit-name", big,
                                            g_get_real_time (), &error));
  g_assert_error (error, WARTA_DB_ERROR, WARTA_DB_ERROR_FAILED);
  g_assert_cmpstr (error->message, ==,
                   "The disk holding the database is full. Free some space on it, then try again.");
  g_clear_error (&error);

  rules = warta_office_rules_load (db, &error);
  g_assert_no_error (error);
  g_assert_null (g_hash_table_lookup (rules, "unit-name"));
}

/* Whether @dir holds nothing but @path. */
static gboolean
only_file_in (const char *dir,
              const char *path)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autofree char *base = g_path_get_basename (path);
  const char *name;

  while ((name = g_dir_read_name (d)) != NULL)
    if (g_strcmp0 (name, base) != 0)
      return FALSE;
  return TRUE;
}

/* Lets this process write no file past @bytes, as a full disk would,
 * until the limit in @saved is set again. A write past it fails (EFBIG)
 * rather than the process being killed. */
static void
limit_file_size (rlim_t         bytes,
                 struct rlimit *saved)
{
  struct rlimit small;

  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, saved), ==, 0);
  small = *saved;
  small.rlim_cur = bytes;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &small), ==, 0);
}

/* A backup onto a disk without room for it says so in the user's words,
 * not SQLite's ("disk I/O error", "database or disk is full"): the
 * process may write no file larger than a few pages, as a full disk, a
 * spent quota or a FAT stick's largest file would let it. */
static void
test_backup_no_room (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *away = make_dir ();
  g_autofree char *path = g_build_filename (dir, "warta.db", NULL);
  g_autofree char *copy = g_build_filename (away, "backup.db", NULL);
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(WartaDatabase) db = NULL;
  struct rlimit saved;
  gboolean ok;

  db = warta_database_open (path, WARTA_JOURNAL_MODE_ROLLBACK, WARTA_DATABASE_FLAGS_NONE, &error);
  g_assert_no_error (error);

  limit_file_size (3 * 4096, &saved);
  ok = warta_database_backup (db, copy, &error);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);

  g_assert_false (ok);
  g_assert_error (error, WARTA_DB_ERROR, WARTA_DB_ERROR_FAILED);
  expected = g_strdup_printf ("There is no room for the backup “%s” on its disk. "
                              "Free some space there, or choose another place.", copy);
  g_assert_cmpstr (error->message, ==, expected);
  g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));
  g_assert_true (only_file_in (away, "none"));

  remove_dir (dir);
  remove_dir (away);
}

/* A damaged database is not copied into a backup that would look good:
 * the user hears that the database itself is damaged, not SQLite's words. */
static void
test_backup_damaged (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "warta.db", NULL);
  g_autofree char *copy = g_build_filename (dir, "backup.db", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(WartaDatabase) db = NULL;
  gsize length;

  db = warta_database_open (path, WARTA_JOURNAL_MODE_ROLLBACK, WARTA_DATABASE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_clear_object (&db);

  /* The last page, a table's or an index's, garbage. */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length % 4096, ==, 0);
  memset (contents + length - 4096, 0xa5, 4096);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));

  db = warta_database_open (path, WARTA_JOURNAL_MODE_ROLLBACK, WARTA_DATABASE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_false (warta_database_backup (db, copy, &error));
  g_assert_error (error, WARTA_DB_ERROR, WARTA_DB_ERROR_CORRUPT);
  g_assert_cmpstr (error->message, ==,
                   "The database file is damaged, so no backup was made of it. "
                   "Restore the database from an earlier backup.");
  g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));
  g_assert_true (only_file_in (dir, path));

  remove_dir (dir);
}

/* An older database that cannot be brought up to date for want of room
 * says so in the user's words, not SQLite's ("disk I/O error": SQLite
 * does not always keep why a write failed), and stays as it was. */
static void
test_migrate_no_room (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "warta.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(WartaDatabase) db = NULL;
  struct rlimit saved;
  GStatBuf st;

  _warta_database_set_migration_limit (2);
  db = warta_database_open (path, WARTA_JOURNAL_MODE_ROLLBACK, WARTA_DATABASE_FLAGS_NONE, &error);
  _warta_database_set_migration_limit (0);
  g_assert_no_error (error);
  g_clear_object (&db);
  before = snapshot (path);

  /* The file may not grow past its size now. */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  limit_file_size (st.st_size, &saved);
  db = warta_database_open (path, WARTA_JOURNAL_MODE_ROLLBACK, WARTA_DATABASE_FLAGS_NONE, &error);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);

  g_assert_null (db);
  g_assert_error (error, WARTA_DB_ERROR, WARTA_DB_ERROR_FAILED);
  g_assert_cmpstr (error->message, ==,
                   "The database file could not be read or written. Check that its disk has free "
                   "space and its network folder can be reached, then try again.");
  after = snapshot (path);
  g_assert_cmpstr (before, ==, after);

  remove_dir (dir);
}

/* A database another program keeps locked is told as busy, in the
 * user’s words, when it is opened. */
static void
test_locked (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "warta.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(WartaDatabase) db = NULL;
  g_autoptr(WartaDatabase) second = NULL;
  sqlite3 *other = NULL;

  db = warta_database_open (path, WARTA_JOURNAL_MODE_ROLLBACK, WARTA_DATABASE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_clear_object (&db);

  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);

  second = warta_database_open (path, WARTA_JOURNAL_MODE_ROLLBACK, WARTA_DATABASE_FLAGS_NONE,
                                &error);
  g_assert_null (second);
  g_assert_error (error, WARTA_DB_ERROR, WARTA_DB_ERROR_BUSY);
  g_assert_cmpstr (error->message, ==,
                   "The database is busy: another Warta is writing to it. Try again in a moment.");

  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);
  remove_dir (dir);
}

static void
test_backup (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "warta.db", NULL);
  g_autofree char *same = g_build_filename (dir, ".", "warta.db", NULL);
  g_autofree char *copy = g_build_filename (dir, "backup.db", NULL);
  g_autofree char *nowhere = g_build_filename (dir, "missing", "backup.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(WartaDatabase) db = NULL;
  g_autoptr(WartaDatabase) restored = NULL;
  g_autoptr(WartaUserRepository) users = NULL;
  g_autoptr(WartaUser) admin = NULL;
  g_autoptr(WartaUser) second = NULL;

  _warta_user_repository_set_fast_hashing (TRUE);
  db = warta_database_open (path, WARTA_JOURNAL_MODE_AUTOMATIC, WARTA_DATABASE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  users = warta_user_repository_new (db, NULL);
  admin = warta_user_repository_create_first_admin (users, "sari", "Sari Dewi", "rahasia-123", WARTA_ROLE_ALL, &error);
  g_assert_no_error (error);

  /* An older backup is replaced whole. */
  g_assert_true (g_file_set_contents (copy, "old", -1, NULL));
  g_assert_true (warta_database_backup (db, copy, &error));
  g_assert_no_error (error);

  /* Changes after the backup are not in it. */
  second = warta_user_repository_create_user (users, admin, "budi", "Budi", "rahasia-123", 1, FALSE, &error);
  g_assert_no_error (error);

  /* A single, self-contained file that opens as a Warta database. */
  g_assert_false (g_file_test (g_strconcat (copy, "-wal", NULL), G_FILE_TEST_EXISTS));
  g_assert_cmpint (raw_int (copy, "SELECT count(*) FROM users"), ==, 1);
  g_assert_cmpint (raw_int (copy, "SELECT journal_mode = 'delete' FROM pragma_journal_mode"), ==, 1);
  restored = warta_database_open (copy, WARTA_JOURNAL_MODE_ROLLBACK, WARTA_DATABASE_FLAGS_NO_CREATE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (warta_database_get_schema_version (restored), ==, warta_database_get_latest_schema_version ());
  g_assert_finalize_object (g_steal_pointer (&restored));

  /* Never over the database itself, however it is spelled. */
  g_assert_false (warta_database_backup (db, path, &error));
  g_assert_error (error, WARTA_DB_ERROR, WARTA_DB_ERROR_FAILED);
  g_clear_error (&error);
  before = snapshot (path);
  g_assert_false (warta_database_backup (db, same, &error));
  g_assert_error (error, WARTA_DB_ERROR, WARTA_DB_ERROR_FAILED);
  g_clear_error (&error);
  after = snapshot (path);
  g_assert_cmpstr (before, ==, after);

  /* A failed backup leaves nothing behind. */
  g_assert_false (warta_database_backup (db, nowhere, &error));
  g_assert_error (error, WARTA_DB_ERROR, WARTA_DB_ERROR_OPEN);
  g_clear_error (&error);
  g_free (after);
  after = snapshot (path);
  g_assert_cmpstr (before, ==, after);

  g_clear_object (&admin);
  g_clear_object (&second);
  g_assert_finalize_object (g_steal_pointer (&users));
  g_assert_finalize_object (g_steal_pointer (&db));
  remove_dir (dir);
}

static void
backup_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GError **error = user_data;

  if (warta_database_backup_finish (WARTA_DATABASE (object), result, error))
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_EXISTS, "done");
}

/* The worker's backup reads through a connection of its own while this
 * one goes on writing: the copy is one consistent snapshot. A cancelled
 * backup writes nothing. */
static void
test_backup_async (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "warta.db", NULL);
  g_autofree char *copy = g_build_filename (dir, "backup.db", NULL);
  g_autofree char *cancelled_copy = g_build_filename (dir, "cancelled.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) outcome = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(WartaDatabase) db = NULL;
  g_autoptr(WartaDatabase) restored = NULL;
  g_autoptr(WartaUserRepository) users = NULL;
  g_autoptr(WartaUser) admin = NULL;
  guint n_written = 0;
  int n_copied;

  _warta_user_repository_set_fast_hashing (TRUE);
  db = warta_database_open (path, WARTA_JOURNAL_MODE_AUTOMATIC, WARTA_DATABASE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  users = warta_user_repository_new (db, NULL);
  admin = warta_user_repository_create_first_admin (users, "sari", "Sari Dewi", "rahasia-123", WARTA_ROLE_ALL, &error);
  g_assert_no_error (error);

  warta_database_backup_async (db, copy, NULL, backup_done_cb, &outcome);
  while (outcome == NULL)
    {
      g_autofree char *login = g_strdup_printf ("orang%u", n_written);
      g_autoptr(WartaUser) user = NULL;

      if (n_written < 200)
        {
          user = warta_user_repository_create_user (users, admin, login, "Orang", "rahasia-123", 1, FALSE, &error);
          g_assert_no_error (error);
          n_written++;
        }
      g_main_context_iteration (NULL, n_written >= 200);
    }
  g_assert_error (outcome, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_test_message ("%u people written while the backup ran", n_written);

  n_copied = raw_int (copy, "SELECT count(*) FROM users");
  g_assert_cmpint (n_copied, >=, 1);
  g_assert_cmpint (n_copied, <=, 1 + (int)n_written);
  g_assert_cmpint (raw_int (copy, "SELECT count(*) FROM pragma_quick_check WHERE quick_check = 'ok'"), ==, 1);
  restored = warta_database_open (copy, WARTA_JOURNAL_MODE_ROLLBACK, WARTA_DATABASE_FLAGS_NO_CREATE, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (g_steal_pointer (&restored));

  g_clear_error (&outcome);
  g_cancellable_cancel (cancellable);
  warta_database_backup_async (db, cancelled_copy, cancellable, backup_done_cb, &outcome);
  while (outcome == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (outcome, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (cancelled_copy, G_FILE_TEST_EXISTS));

  g_clear_object (&admin);
  g_assert_finalize_object (g_steal_pointer (&users));
  /* The worker thread lets go of its task, and so of the database, only
   * after the callback has run here. */
  {
    gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

    while (G_OBJECT (db)->ref_count > 1 && g_get_monotonic_time () < deadline)
      g_usleep (1000);
  }
  g_assert_finalize_object (g_steal_pointer (&db));
  remove_dir (dir);
}

static void
on_changed_cb (WartaDatabase *db,
               gint64        *when)
{
  *when = g_get_monotonic_time ();
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *)data = TRUE;
  return G_SOURCE_REMOVE;
}

static gint64
wait_for_change (gint64 *changed_at)
{
  gboolean timed_out = FALSE;
  gint64 start = g_get_monotonic_time ();
  guint id = g_timeout_add (3000, timeout_cb, &timed_out);

  *changed_at = 0;
  while (*changed_at == 0 && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);

  return *changed_at != 0 ? *changed_at - start : -1;
}

/* Another connection's commit (as another process's would) is noticed
 * within 2 seconds; the own commits too. */
static void
test_change_notification (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "warta.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(WartaDatabase) a = NULL;
  g_autoptr(WartaDatabase) b = NULL;
  g_autoptr(WartaUserRepository) users_a = NULL;
  g_autoptr(WartaUserRepository) users_b = NULL;
  g_autoptr(WartaUser) admin = NULL;
  g_autoptr(WartaUser) other = NULL;
  gint64 changed_at = 0;
  gint64 waited;

  _warta_user_repository_set_fast_hashing (TRUE);
  a = warta_database_open (path, WARTA_JOURNAL_MODE_AUTOMATIC, WARTA_DATABASE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  b = warta_database_open (path, WARTA_JOURNAL_MODE_AUTOMATIC, WARTA_DATABASE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  users_a = warta_user_repository_new (a, NULL);
  users_b = warta_user_repository_new (b, NULL);

  /* Let the sources of opening settle; b is not watched. */
  warta_database_set_poll_interval (b, 0);
  while (g_main_context_iteration (NULL, FALSE));
  g_signal_connect (a, "changed", G_CALLBACK (on_changed_cb), &changed_at);

  /* Nothing changed: no signal in a second. */
  {
    gboolean timed_out = FALSE;

    g_timeout_add (1100, timeout_cb, &timed_out);
    while (!timed_out)
      g_main_context_iteration (NULL, TRUE);
    g_assert_cmpint (changed_at, ==, 0);
  }

  admin = warta_user_repository_create_first_admin (users_b, "sari", "Sari Dewi", "rahasia-123", WARTA_ROLE_ALL, &error);
  g_assert_no_error (error);
  waited = wait_for_change (&changed_at);
  g_assert_cmpint (waited, >=, 0);
  g_assert_cmpint (waited, <, 2 * G_USEC_PER_SEC);
  g_test_message ("noticed after %" G_GINT64_FORMAT " ms", waited / 1000);

  /* And a's own commit, at once. */
  other = warta_user_repository_create_user (users_a, admin, "budi", "Budi", "rahasia-123", 1, FALSE, &error);
  g_assert_no_error (error);
  waited = wait_for_change (&changed_at);
  g_assert_cmpint (waited, >=, 0);
  g_assert_cmpint (waited, <, 200 * 1000);

  g_clear_object (&admin);
  g_clear_object (&other);
  g_assert_finalize_object (g_steal_pointer (&users_a));
  g_assert_finalize_object (g_steal_pointer (&users_b));
  g_assert_finalize_object (g_steal_pointer (&a));
  g_assert_finalize_object (g_steal_pointer (&b));
  remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  const char *child = g_getenv ("WARTA_TEST_READ_ONLY_CHILD");

  if (child != NULL)
    return read_only_child (child);

  test_binary = g_canonicalize_filename (argv[0], NULL);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/warta/database/migrations", test_migrations);
  g_test_add_func ("/warta/database/refuse-not-warta", test_refuse_not_warta);
  g_test_add_func ("/warta/database/refuse-foreign-sqlite", test_refuse_foreign_sqlite);
  g_test_add_func ("/warta/database/refuse-too-new", test_refuse_too_new);
  g_test_add_func ("/warta/database/refuse-damaged", test_refuse_damaged);
  g_test_add_func ("/warta/database/refuse-folder-and-missing", test_refuse_folder_and_missing);
  g_test_add_func ("/warta/database/check-file-older", test_check_file_older);
  g_test_add_func ("/warta/database/check-file-refused", test_check_file_refused);
  g_test_add_func ("/warta/database/check-file-in-use", test_check_file_in_use);
  g_test_add_func ("/warta/database/check-file-read-only", test_check_file_read_only);
  g_test_add_func ("/warta/database/check-file-hot-journal", test_check_file_hot_journal);
  g_test_add_func ("/warta/database/read-only", test_read_only);
  g_test_add_func ("/warta/database/read-only-wal", test_read_only_wal);
  g_test_add_func ("/warta/database/read-only-by-mode", test_read_only_by_mode);
  g_test_add_func ("/warta/database/read-only-needs-migration", test_read_only_needs_migration);
  g_test_add_func ("/warta/database/journal-mode", test_journal_mode);
  g_test_add_func ("/warta/database/disk-full", test_disk_full);
  g_test_add_func ("/warta/database/backup", test_backup);
  g_test_add_func ("/warta/database/backup-no-room", test_backup_no_room);
  g_test_add_func ("/warta/database/backup-damaged", test_backup_damaged);
  g_test_add_func ("/warta/database/locked", test_locked);
  g_test_add_func ("/warta/database/migrate-no-room", test_migrate_no_room);
  g_test_add_func ("/warta/database/backup-async", test_backup_async);
  g_test_add_func ("/warta/database/change-notification", test_change_notification);

  return g_test_run ();
}
