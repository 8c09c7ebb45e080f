/* test-backup.c: Back Up Database, from the main window's menu
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A file chooser cannot be driven under Xvfb beyond showing and closing
 * it: the tests check the one Back Up Database shows, then hand the file
 * to the step after it, _warta_window_back_up_to(), as test-editor hands
 * photos to _warta_publication_window_add_files().
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "warta-application.h"
#include "warta-archive-repository.h"
#include "warta-context.h"
#include "warta-database-private.h"
#include "warta-event-log.h"
#include "warta-export.h"
#include "warta-publication-repository.h"
#include "warta-sample-data-private.h"
#include "warta-sign-in-page.h"
#include "warta-test-gui.h"
#include "warta-user-repository-private.h"
#include "warta-window-private.h"

#define N_PUBLICATIONS 5
/* Enough that the import's transaction lasts many main loop iterations. */
#define N_LARGE 400

static WartaApplication *application;
/* What the desktop's file manager, registered for folders by
 * register_file_manager (), was asked to show, one URI a line. */
static char *shown_folders;

typedef struct
{
  char        *folder;
  char        *database_path;
  WartaWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  gint64 user_id = 0;

  fixture->folder = warta_test_gui_new_folder ();
  fixture->database_path = g_build_filename (fixture->folder, "warta.db", NULL);
  g_assert_true (warta_application_open_database (application, fixture->database_path, &error));
  g_assert_no_error (error);
  g_assert_true (_warta_sample_data_generate (warta_application_get_database (application),
                                              N_PUBLICATIONS, 20, g_get_real_time (), &user_id,
                                              &error));
  g_assert_no_error (error);

  fixture->window = warta_window_new (application);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_pointer (&fixture->database_path, g_free);
  g_clear_pointer (&fixture->folder, g_free);
}

/* The shown window titled @title, if any. */
static GtkWindow *
shown_toplevel (const char *title)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (g_strcmp0 (gtk_window_get_title (w), title) == 0 &&
          gtk_widget_get_visible (GTK_WIDGET (w)))
        return w;
    }

  return NULL;
}

/* Waits for the window titled @title to be shown. */
static GtkWindow *
find_toplevel (const char *title)
{
  WARTA_TEST_GUI_WAIT_FOR (shown_toplevel (title) != NULL);
  return shown_toplevel (title);
}

/* Waits for the toast the window shows after @previous. */
static AdwToast *
wait_for_toast (WartaWindow *window,
                AdwToast    *previous)
{
  WARTA_TEST_GUI_WAIT_FOR (_warta_window_get_toast (window) != previous);

  return _warta_window_get_toast (window);
}

/* The message dialog shown over @window, if any. */
static AdwMessageDialog *
shown_message (WartaWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_window_get_transient_for (w) == GTK_WINDOW (window) &&
          gtk_widget_get_mapped (GTK_WIDGET (w)))
        return ADW_MESSAGE_DIALOG (w);
    }
  return NULL;
}

/* Waits for a failure to be told over @window under @heading, whole (a
 * toast shows one line: a long path cut off what to do), and returns
 * what it says once closed by its default response, as Return does. */
static char *
wait_for_failure (WartaWindow *window,
                  const char  *heading,
                  const char  *screenshot)
{
  AdwMessageDialog *dialog;
  GtkWidget *button;
  char *body;

  WARTA_TEST_GUI_WAIT_FOR (shown_message (window) != NULL);
  dialog = shown_message (window);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, heading);
  body = g_strdup (adw_message_dialog_get_body (dialog));
  warta_test_gui_assert_mnemonics_unique (GTK_WIDGET (dialog));
  if (screenshot != NULL)
    {
      warta_test_gui_wait_for_layout (GTK_WIDGET (dialog));
      warta_test_gui_screenshot (GTK_WIDGET (dialog), screenshot);
    }
  button = gtk_window_get_default_widget (GTK_WINDOW (dialog));
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_activate (button));
  WARTA_TEST_GUI_WAIT_FOR (shown_message (window) == NULL);
  return body;
}

/* The menu's Back Up Database asks where, beside the database, suggesting
 * today's date in the office's time zone; cancelling it makes nothing. */
static void
test_backup_chooser (Fixture       *fixture,
                     gconstpointer  user_data)
{
  WartaContext *context = warta_application_get_context (application);
  g_autoptr(GDateTime) now = warta_clock_now_local (warta_context_get_clock (context));
  g_autofree char *expected = g_date_time_format (now, "warta-backup-%Y-%m-%d.db");
  GtkWindow *chooser;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window),
                                             "win.back-up-database", NULL));
  chooser = find_toplevel ("Back Up Database");
  g_assert_nonnull (chooser);
#if !GTK_CHECK_VERSION (4, 10, 0)
  g_assert_true (GTK_IS_FILE_CHOOSER (chooser));
  g_assert_cmpint (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)), ==,
                   GTK_FILE_CHOOSER_ACTION_SAVE);
  {
    g_autofree char *name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));

    g_assert_cmpstr (name, ==, expected);
  }
  /* It opens beside the database, not where Warta was started from. */
  {
    g_autoptr(GFile) folder = NULL;
    g_autoptr(GFile) database =
      g_file_new_for_path (warta_database_get_path (warta_context_get_database (context)));
    g_autoptr(GFile) expected_folder = g_file_get_parent (database);

    /* The chooser reads its folder in the main loop. */
    WARTA_TEST_GUI_WAIT_FOR ((folder = gtk_file_chooser_get_current_folder (GTK_FILE_CHOOSER (chooser))) != NULL);
    g_assert_true (g_file_equal (folder, expected_folder));
  }
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
#else
  gtk_window_close (chooser);
#endif
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_null (_warta_window_get_toast (fixture->window));
}

#define message_headed warta_test_gui_find_message_dialog

/* Open Database picks an existing file: a second workstation choosing the
 * office's shared database is not asked whether to "replace" it. A new
 * database is named with New Database, which does not take an existing
 * file for a new one. */
static void
test_open_chooser (Fixture       *fixture,
                   gconstpointer  user_data)
{
  GtkWindow *chooser;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window),
                                             "win.open-database", NULL));
  chooser = find_toplevel ("Open Database");
#if !GTK_CHECK_VERSION (4, 10, 0)
  g_assert_cmpint (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)), ==,
                   GTK_FILE_CHOOSER_ACTION_OPEN);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
#else
  gtk_window_close (chooser);
#endif
  WARTA_TEST_GUI_WAIT_FOR (shown_toplevel ("Open Database") == NULL);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window),
                                             "win.new-database", NULL));
  chooser = find_toplevel ("New Database");
#if !GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autofree char *name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));

    g_assert_cmpint (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)), ==,
                     GTK_FILE_CHOOSER_ACTION_SAVE);
    g_assert_cmpstr (name, ==, "warta.db");

    gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  }
#else
  gtk_window_close (chooser);
#endif
  WARTA_TEST_GUI_WAIT_FOR (shown_toplevel ("New Database") == NULL);

  /* An existing file is no new database, whatever the chooser asked: said,
   * and the open one stays. */
  {
    AdwMessageDialog *message;

    _warta_window_new_database_at (fixture->window, fixture->database_path);
    WARTA_TEST_GUI_WAIT_FOR ((message = message_headed ("Database Not Created")) != NULL);
    g_assert_nonnull (strstr (adw_message_dialog_get_body (message), "Open Database"));
    gtk_window_destroy (GTK_WINDOW (message));
  }
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpstr (warta_database_get_path (warta_application_get_database (application)), ==,
                   fixture->database_path);
}

static void
assert_same_publications (WartaDatabase *a,
                          WartaDatabase *b)
{
  g_autoptr(WartaClock) clock = warta_clock_new ("Asia/Jakarta");
  g_autoptr(WartaPublicationRepository) ra = warta_publication_repository_new (a, clock);
  g_autoptr(WartaPublicationRepository) rb = warta_publication_repository_new (b, clock);

  for (gint64 id = 1; id <= N_PUBLICATIONS; id++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(WartaPublication) pa = warta_publication_repository_get (ra, id, &error);
      g_autoptr(WartaPublication) pb = NULL;

      g_assert_no_error (error);
      pb = warta_publication_repository_get (rb, id, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (warta_publication_get_title (pa), ==, warta_publication_get_title (pb));
      g_assert_cmpstr (warta_publication_get_current_hash (pa), ==,
                       warta_publication_get_current_hash (pb));
      g_assert_cmpint (warta_publication_get_version (pa), ==, warta_publication_get_version (pb));
    }
}

/* The copy is made in a worker thread, said in a toast, and opens as a
 * Warta database holding the same publications. */
static void
test_backup_copy (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autofree char *path = g_build_filename (fixture->folder, "copy.db", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(WartaDatabase) copy = NULL;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  _warta_window_back_up_to (fixture->window, file);
  toast = wait_for_toast (fixture->window, NULL);
  g_assert_nonnull (strstr (adw_toast_get_title (toast), "copy.db"));
  g_assert_nonnull (strstr (adw_toast_get_title (toast), "backed up"));

  copy = warta_database_open (path, WARTA_JOURNAL_MODE_AUTOMATIC,
                              WARTA_DATABASE_FLAGS_NO_CREATE, &error);
  g_assert_no_error (error);
  assert_same_publications (warta_application_get_database (application), copy);

  /* No temporary file is left beside it. */
  {
    g_autoptr(GDir) dir = g_dir_open (fixture->folder, 0, &error);
    const char *name;

    g_assert_no_error (error);
    while ((name = g_dir_read_name (dir)) != NULL)
      g_assert_false (g_str_has_prefix (name, ".warta-backup-"));
  }
}

/* A backup that cannot be made says why and what to do, and an older
 * file of that name is left as it was. */
static void
test_backup_failure (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autofree char *missing = g_build_filename (fixture->folder, "gone", "copy.db", NULL);
  g_autoptr(GFile) onto_itself = g_file_new_for_path (fixture->database_path);
  g_autoptr(GFile) nowhere = g_file_new_for_path (missing);
  g_autofree char *said = NULL;

  _warta_window_back_up_to (fixture->window, onto_itself);
  said = wait_for_failure (fixture->window, "Database Not Backed Up", NULL);
  g_assert_cmpstr (said, ==, "A backup cannot replace the database itself. Choose another file.");
  g_clear_pointer (&said, g_free);

  _warta_window_back_up_to (fixture->window, nowhere);
  said = wait_for_failure (fixture->window, "Database Not Backed Up", "backup-failure.png");
  g_assert_nonnull (strstr (said, "cannot be written"));
  g_assert_true (g_str_has_suffix (said, "Choose another place."));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_assert_null (_warta_window_get_toast (fixture->window));
}


/* Makes a file manager of a shell script that writes down the folder it
 * is asked to show, and makes it the desktop's default for folders, in
 * this process's own data and configuration folders: Open Folder then
 * launches a real application, as on a desktop, without showing one. */
static void
register_file_manager (void)
{
  g_autofree char *apps = g_build_filename (g_get_user_data_dir (), "applications", NULL);
  g_autofree char *script = g_build_filename (g_get_user_data_dir (), "show-folder", NULL);
  g_autofree char *desktop = g_build_filename (apps, "warta-test-files.desktop", NULL);
  g_autofree char *mimeapps = g_build_filename (g_get_user_config_dir (), "mimeapps.list", NULL);
  g_autofree char *script_text = NULL;
  g_autofree char *desktop_text = NULL;
  g_autoptr(GError) error = NULL;

  shown_folders = g_build_filename (g_get_user_data_dir (), "shown-folders", NULL);
  script_text = g_strdup_printf ("#!/bin/sh\nprintf '%%s\\n' \"$1\" >> '%s'\n", shown_folders);
  desktop_text = g_strdup_printf ("[Desktop Entry]\nType=Application\nName=Berkas Uji\n"
                                  "Exec=%s %%u\nMimeType=inode/directory;\nNoDisplay=true\n",
                                  script);
  g_assert_cmpint (g_mkdir_with_parents (apps, 0700), ==, 0);
  g_assert_true (g_file_set_contents (script, script_text, -1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (script, 0700), ==, 0);
  g_assert_true (g_file_set_contents (desktop, desktop_text, -1, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (mimeapps,
                                      "[Default Applications]\n"
                                      "inode/directory=warta-test-files.desktop\n",
                                      -1, &error));
  g_assert_no_error (error);
}

/* Whether @path holds whole lines (*@out_text then, replacing what it
 * held): a shell creates a file before it writes a line into it. */
static gboolean
read_whole_lines (const char  *path,
                  char       **out_text)
{
  g_clear_pointer (out_text, g_free);
  return g_file_get_contents (path, out_text, NULL, NULL) && g_str_has_suffix (*out_text, "\n");
}

/* The backup's toast offers to open the folder the copy is in, and its
 * button has the desktop's file manager show that folder. */
static void
test_backup_open_folder (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autofree char *folder = g_build_filename (fixture->folder, "cadangan", NULL);
  g_autofree char *path = g_build_filename (folder, "copy.db", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) folder_file = g_file_new_for_path (folder);
  g_autofree char *uri = g_file_get_uri (folder_file);
  /* GIO hands a local folder's URI to the application as its path. */
  g_autofree char *expected = g_strconcat (folder, "\n", NULL);
  g_autofree char *shown = NULL;
  GVariant *target;
  GtkWidget *button;
  AdwToast *toast;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_unlink (shown_folders);
  _warta_window_back_up_to (fixture->window, file);
  toast = wait_for_toast (fixture->window, NULL);
  g_assert_nonnull (strstr (adw_toast_get_title (toast), "backed up"));
  g_assert_cmpstr (adw_toast_get_button_label (toast), ==, "_Open Folder");
  g_assert_cmpstr (adw_toast_get_action_name (toast), ==, "win.open-folder");
  target = adw_toast_get_action_target_value (toast);
  g_assert_nonnull (target);
  g_assert_cmpstr (g_variant_get_string (target, NULL), ==, uri);

  /* The button the toast shows, pressed. */
  WARTA_TEST_GUI_WAIT_FOR ((button = warta_test_gui_find_button (GTK_WIDGET (fixture->window),
                                                                "_Open Folder")) != NULL);
  g_assert_true (gtk_widget_get_sensitive (button));
  g_signal_emit_by_name (button, "clicked");

  WARTA_TEST_GUI_WAIT_FOR (read_whole_lines (shown_folders, &shown));
  g_assert_cmpstr (shown, ==, expected);
  /* No error is told. */
  g_assert_true (_warta_window_get_toast (fixture->window) == toast);
}

/* The sign-in page's template child @name. */
#define sign_in_child(window, name) warta_test_gui_sign_in_child (GTK_WIDGET (window), (name))

/* Import Archive puts an export into the open database only when that
 * holds nothing yet: there the export's ids are nobody else's. Its people
 * come without passwords, so the database still asks for its first
 * administrator. */
static void
test_import_archive (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autofree char *export_dir = g_build_filename (fixture->folder, "ekspor", NULL);
  g_autofree char *manifest = g_build_filename (export_dir, "manifest.json", NULL);
  g_autofree char *new_dir = g_build_filename (fixture->folder, "baru", NULL);
  g_autofree char *new_path = g_build_filename (new_dir, "warta.db", NULL);
  g_autofree char *zip_path = g_build_filename (fixture->folder, "ekspor.zip", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (manifest);
  g_autoptr(GFile) zip_file = g_file_new_for_path (zip_path);
  g_autoptr(WartaDatabase) source = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *zipped = NULL;
  g_autofree char *said = NULL;
  gsize zipped_length = 0;
  WartaDossierOptions options;
  gint64 ids[N_PUBLICATIONS];
  AdwToast *toast;
  GtkStack *main_stack;
  GObject *page;

  for (guint i = 0; i < N_PUBLICATIONS; i++)
    ids[i] = i + 1;
  warta_dossier_options_init (&options);
  options.agency = "Inspektorat Provinsi Kalimantan Tengah";
  g_assert_true (warta_export_write (warta_application_get_database (application), ids,
                                     N_PUBLICATIONS, export_dir, &options, &error));
  g_assert_no_error (error);
  g_assert_true (warta_export_write_zip (warta_application_get_database (application), ids,
                                         N_PUBLICATIONS, zip_path, &options, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (zip_path, &zipped, &zipped_length, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (zip_path, zipped, zipped_length / 2, &error));
  g_assert_no_error (error);

  /* Not into a database that holds records already. */
  _warta_window_import_from (fixture->window, file);
  said = wait_for_failure (fixture->window, "Archive Not Imported", NULL);
  g_assert_nonnull (strstr (said, "only into a new, empty database"));
  g_clear_pointer (&said, g_free);

  g_assert_true (warta_application_open_database (application, new_path, &error));
  g_assert_no_error (error);

  /* An export cut off halfway (copied to a full stick) says so and what
   * to do, and the database stays empty. */
  _warta_window_import_from (fixture->window, zip_file);
  said = wait_for_failure (fixture->window, "Archive Not Imported", "import-damaged.png");
  g_assert_nonnull (strstr (said, "is damaged or incomplete"));
  g_assert_true (g_str_has_suffix (said, "Export the publications again."));
  g_clear_pointer (&said, g_free);
  g_assert_null (_warta_window_get_toast (fixture->window));

  _warta_window_import_from (fixture->window, file);
  toast = wait_for_toast (fixture->window, NULL);
  g_assert_cmpstr (adw_toast_get_title (toast), ==,
                   "5 publications imported. Imported people sign in once an administrator gives them a password.");

  source = warta_database_open (fixture->database_path, WARTA_JOURNAL_MODE_AUTOMATIC,
                                WARTA_DATABASE_FLAGS_NO_CREATE, &error);
  g_assert_no_error (error);
  assert_same_publications (source, warta_application_get_database (application));

  while (g_main_context_iteration (NULL, FALSE))
    ;
  main_stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (fixture->window),
                                                         WARTA_TYPE_WINDOW, "main_stack"));
  page = gtk_widget_get_template_child (GTK_WIDGET (fixture->window), WARTA_TYPE_WINDOW,
                                        "sign_in_page");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "sign-in");
  g_assert_true (warta_sign_in_page_get_first_run (WARTA_SIGN_IN_PAGE (page)));

  /* Once is enough: a second import is refused, not mixed in. */
  _warta_window_import_from (fixture->window, file);
  said = wait_for_failure (fixture->window, "Archive Not Imported", NULL);
  g_assert_nonnull (strstr (said, "only into a new, empty database"));

  /* Its first administrator comes after the imported people. */
  gtk_editable_set_text (sign_in_child (fixture->window, "admin_login_row"), "kepala");
  gtk_editable_set_text (sign_in_child (fixture->window, "admin_name_row"), "Sari Dewi");
  gtk_editable_set_text (sign_in_child (fixture->window, "admin_password_row"), "rahasia-123");
  gtk_editable_set_text (sign_in_child (fixture->window, "admin_confirm_row"), "rahasia-123");
  g_signal_emit_by_name (sign_in_child (fixture->window, "create_admin_button"), "clicked");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "main");
}


/* A generated database of N_LARGE publications, exported as a zip. */
static char *
write_large_export (Fixture *fixture)
{
  g_autofree char *dir = g_build_filename (fixture->folder, "besar", NULL);
  g_autofree char *path = g_build_filename (dir, "warta.db", NULL);
  char *zip = g_build_filename (fixture->folder, "besar.zip", NULL);
  g_autoptr(WartaDatabase) source = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree gint64 *ids = g_new (gint64, N_LARGE);
  WartaDossierOptions options;
  gint64 user_id = 0;

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  source = warta_database_open (path, WARTA_JOURNAL_MODE_AUTOMATIC, WARTA_DATABASE_FLAGS_NONE,
                                &error);
  g_assert_no_error (error);
  warta_database_set_poll_interval (source, 0);
  g_assert_true (_warta_sample_data_generate (source, N_LARGE, 20, g_get_real_time (), &user_id,
                                              &error));
  g_assert_no_error (error);
  for (guint i = 0; i < N_LARGE; i++)
    ids[i] = i + 1;
  warta_dossier_options_init (&options);
  g_assert_true (warta_export_write_zip (source, ids, N_LARGE, zip, &options, &error));
  g_assert_no_error (error);

  return zip;
}

/* Opens a new, empty database named @name in the fixture's folder. */
static char *
open_empty_database (Fixture    *fixture,
                     const char *name)
{
  g_autofree char *dir = g_build_filename (fixture->folder, name, NULL);
  char *path = g_build_filename (dir, "warta.db", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  g_assert_true (warta_application_open_database (application, path, &error));
  g_assert_no_error (error);

  return path;
}

/* A connection of the test's own to @path, that never waits for a lock. */
static sqlite3 *
open_probe (const char *path)
{
  sqlite3 *probe = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &probe, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (probe, 0);
  return probe;
}

/* Whether a write transaction of another connection is open on the file
 * (its write lock is held). */
static gboolean
writing (sqlite3 *probe)
{
  int rc = sqlite3_exec (probe, "BEGIN IMMEDIATE", NULL, NULL, NULL);

  if (rc == SQLITE_OK)
    {
      sqlite3_exec (probe, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  g_assert_cmpint (rc & 0xff, ==, SQLITE_BUSY);
  return TRUE;
}

/* Whether a window titled @title is shown. */
static gboolean
has_toplevel (const char *title)
{
  return shown_toplevel (title) != NULL;
}

typedef struct
{
  sqlite3     *probe;
  WartaWindow *window;
  guint        ticks;
  guint        ticks_writing;   /* while the import's transaction was open */
  gboolean     tried_actions;
} Ticker;

/* A button of @widget's that does @action (the sign-in page's Open
 * Another Database, say): its sensitivity is the action's. */
static GtkWidget *
find_actionable (GtkWidget  *widget,
                 const char *action)
{
  if (GTK_IS_ACTIONABLE (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_actionable (c, action);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static const char *
section_subtitle (WartaWindow *window)
{
  AdwWindowTitle *title = (AdwWindowTitle *) gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                            WARTA_TYPE_WINDOW,
                                                                            "section_title");

  return adw_window_title_get_subtitle (title);
}

static gboolean
tick_cb (gpointer data)
{
  Ticker *ticker = data;

  ticker->ticks++;
  if (writing (ticker->probe))
    {
      ticker->ticks_writing++;
      /* Neither a second import, nor a backup, nor another database
       * starts meanwhile. */
      if (!ticker->tried_actions)
        {
          gboolean importing = FALSE;

          ticker->tried_actions = TRUE;
          g_object_get (ticker->window, "importing", &importing, NULL);
          g_assert_true (importing);
          gtk_widget_activate_action (GTK_WIDGET (ticker->window), "win.import-archive", NULL);
          gtk_widget_activate_action (GTK_WIDGET (ticker->window), "win.back-up-database", NULL);
          g_assert_false (gtk_widget_get_sensitive (find_actionable (GTK_WIDGET (ticker->window),
                                                                     "win.open-database")));
          /* Said under the section's title. */
          g_assert_true (g_str_has_prefix (section_subtitle (ticker->window), "Importing “"));
        }
    }
  return G_SOURCE_CONTINUE;
}

/* Each publication's dossier in @a is the one in @b. */
static void
assert_same_dossiers (WartaDatabase *a,
                      WartaDatabase *b,
                      guint          n)
{
  WartaDossierOptions options;

  warta_dossier_options_init (&options);
  for (gint64 id = 1; id <= n; id++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(WartaDossier) da = warta_dossier_load (a, id, &options, &error);
      g_autoptr(WartaDossier) db = NULL;
      g_autofree char *sa = NULL;
      g_autofree char *sb = NULL;

      g_assert_no_error (error);
      db = warta_dossier_load (b, id, &options, &error);
      g_assert_no_error (error);
      sa = warta_dossier_to_string (da);
      sb = warta_dossier_to_string (db);
      g_assert_cmpstr (sa, ==, sb);
    }
}

/* A large import runs in a worker thread: the main loop goes on while its
 * transaction is open, the window says that it imports and starts no
 * second import nor a backup meanwhile, and the database is the one the
 * import on the caller's thread makes. */
static void
test_import_in_background (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autofree char *zip = write_large_export (fixture);
  g_autofree char *reference_dir = g_build_filename (fixture->folder, "rujukan", NULL);
  g_autofree char *reference_path = g_build_filename (reference_dir, "warta.db", NULL);
  g_autofree char *path = open_empty_database (fixture, "baru");
  g_autofree char *expected = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (zip);
  g_autoptr(WartaDatabase) reference = NULL;
  g_autoptr(GError) error = NULL;
  Ticker ticker = { open_probe (path), fixture->window, 0, 0, FALSE };
  gboolean importing = TRUE;
  AdwToast *toast;
  guint source;
  guint n = 0;

  /* The first frames compile the renderer's shaders on the main thread. */
  warta_test_gui_wait_for_layout (GTK_WIDGET (fixture->window));
  source = g_timeout_add (5, tick_cb, &ticker);
  _warta_window_import_from (fixture->window, file);
  toast = wait_for_toast (fixture->window, NULL);
  g_source_remove (source);
  g_test_message ("%u ticks, %u while the import wrote", ticker.ticks, ticker.ticks_writing);
  g_assert_cmpuint (ticker.ticks_writing, >=, 1);
  g_assert_true (ticker.tried_actions);
  g_assert_false (has_toplevel ("Import Archive"));
  g_assert_false (has_toplevel ("Back Up Database"));

  expected = g_strdup_printf ("%u publications imported. Imported people sign in once an "
                              "administrator gives them a password.", N_LARGE);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, expected);
  g_object_get (fixture->window, "importing", &importing, NULL);
  g_assert_false (importing);
  g_assert_cmpstr (section_subtitle (fixture->window), ==, "");
  g_assert_false (writing (ticker.probe));
  sqlite3_close (ticker.probe);

  /* What the import on the caller's thread makes. */
  g_assert_cmpint (g_mkdir (reference_dir, 0700), ==, 0);
  reference = warta_database_open (reference_path, WARTA_JOURNAL_MODE_AUTOMATIC,
                                   WARTA_DATABASE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  warta_database_set_poll_interval (reference, 0);
  g_assert_true (warta_export_import (reference, zip, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, N_LARGE);
  assert_same_dossiers (reference, warta_application_get_database (application), N_LARGE);
  g_assert_true (warta_store_verify_history (warta_application_get_database (application), NULL,
                                             &error));
  g_assert_no_error (error);

  /* Backups start again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window),
                                             "win.back-up-database", NULL));
  g_assert_nonnull (find_toplevel ("Back Up Database"));
  gtk_window_close (find_toplevel ("Back Up Database"));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Starts importing a large export into a new, empty database, and waits
 * until its transaction writes (the worker needs nothing of the main loop
 * meanwhile). Returns a connection that tells whether it still does. */
static sqlite3 *
start_large_import (Fixture  *fixture,
                    GFile   **file)
{
  g_autofree char *zip = write_large_export (fixture);
  g_autofree char *path = open_empty_database (fixture, "baru");
  sqlite3 *probe = open_probe (path);
  gint64 deadline;

  *file = g_file_new_for_path (zip);
  warta_test_gui_wait_for_layout (GTK_WIDGET (fixture->window));
  _warta_window_import_from (fixture->window, *file);
  deadline = warta_test_gui_wait_deadline ();
  while (!writing (probe) && g_get_monotonic_time () < deadline)
    g_usleep (1000);
  g_assert_true (writing (probe));

  return probe;
}

/* Closing the window while it imports cancels the import: its transaction
 * is rolled back, and the database stays empty, sound, and importable. */
static void
test_import_cancelled (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *probe = start_large_import (fixture, &file);
  sqlite3_stmt *check = NULL;
  gboolean empty = FALSE;
  AdwToast *toast;

  /* Once the import writes, the window goes. */
  g_assert_null (_warta_window_get_toast (fixture->window));
  gtk_window_destroy (GTK_WINDOW (fixture->window));

  WARTA_TEST_GUI_WAIT_FOR (!writing (probe));
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_assert_true (warta_archive_repository_is_empty (warta_application_get_database (application),
                                                    &empty, &error));
  g_assert_no_error (error);
  g_assert_true (empty);
  g_assert_cmpint (sqlite3_prepare_v2 (probe, "PRAGMA integrity_check", -1, &check, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (check), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *)sqlite3_column_text (check, 0), ==, "ok");
  sqlite3_finalize (check);
  sqlite3_close (probe);

  /* Imported again, whole, from a new window. */
  fixture->window = warta_window_new (application);
  gtk_window_present (GTK_WINDOW (fixture->window));
  _warta_window_import_from (fixture->window, file);
  toast = wait_for_toast (fixture->window, NULL);
  g_assert_true (g_str_has_prefix (adw_toast_get_title (toast),
                                   G_STRINGIFY (N_LARGE) " publications imported."));
  g_assert_true (warta_store_verify_history (warta_application_get_database (application), NULL,
                                             &error));
  g_assert_no_error (error);
}

/* Ctrl+Q during an import closes the window at once, as its close button
 * does, instead of ending the main loop under the worker: the import is
 * cancelled and rolled back (Warta holds on until then). */
static void
test_import_quit (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *probe = start_large_import (fixture, &file);
  gboolean empty = FALSE;

  g_action_group_activate_action (G_ACTION_GROUP (application), "quit", NULL);
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (application)));

  WARTA_TEST_GUI_WAIT_FOR (!writing (probe));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  sqlite3_close (probe);
  g_assert_true (warta_archive_repository_is_empty (warta_application_get_database (application),
                                                    &empty, &error));
  g_assert_no_error (error);
  g_assert_true (empty);

  /* For the tear-down. */
  fixture->window = warta_window_new (application);
}

/* A database that may be changed says nothing about it. */
static void
test_writable_sign_in (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_assert_false (gtk_widget_get_visible (sign_in_child (fixture->window, "read_only_label")));
  g_assert_true (gtk_widget_get_sensitive (sign_in_child (fixture->window, "sign_in_button")));
}

/* A window closed but still held (by an idle, a dialog's reference) is no
 * longer the application's: when another database opens, it asks the
 * application nothing (before, a fatal critical from
 * warta_application_get_database (NULL)). */
static void
test_closed_window_database (void)
{
  g_autofree char *folder = warta_test_gui_new_folder ();
  g_autofree char *first = g_build_filename (folder, "pertama.db", NULL);
  g_autofree char *second = g_build_filename (folder, "kedua.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(WartaWindow) window = NULL;

  g_assert_true (warta_application_open_database (application, first, &error));
  g_assert_no_error (error);
  window = g_object_ref_sink (warta_window_new (application));
  gtk_application_remove_window (GTK_APPLICATION (application), GTK_WINDOW (window));
  g_assert_null (gtk_window_get_application (GTK_WINDOW (window)));

  g_assert_true (warta_application_open_database (application, second, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (warta_database_get_path (warta_application_get_database (application)), ==,
                   second);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A file its user may not change (0444 in a 0555 folder) is opened
 * read-only, and the sign-in page says at once that nobody can sign in,
 * and what to do, rather than after a password was typed. A file nobody
 * may write is read-only for root too. */
static void
test_read_only_sign_in (void)
{
  g_autofree char *folder = warta_test_gui_new_folder ();
  g_autofree char *path = g_build_filename (folder, "warta.db", NULL);
  g_autoptr(WartaDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  WartaDatabase *opened;
  WartaWindow *window;
  GtkLabel *label;
  gint64 user_id = 0;

  database = warta_database_open (path, WARTA_JOURNAL_MODE_AUTOMATIC,
                                  WARTA_DATABASE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (_warta_sample_data_generate (database, N_PUBLICATIONS, 20, g_get_real_time (),
                                              &user_id, &error));
  g_assert_no_error (error);
  g_clear_object (&database);

  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  g_assert_cmpint (g_chmod (folder, 0555), ==, 0);

  g_assert_true (warta_application_open_database (application, path, &error));
  g_assert_no_error (error);
  opened = warta_application_get_database (application);
  g_assert_true (warta_database_get_read_only (opened));

  window = warta_window_new (application);
  gtk_window_present (GTK_WINDOW (window));
  label = sign_in_child (window, "read_only_label");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (label)));
  g_assert_nonnull (strstr (gtk_label_get_label (label), "you cannot sign in"));
  g_assert_nonnull (strstr (gtk_label_get_label (label), "Ask for write access"));
  g_assert_false (gtk_widget_get_sensitive (sign_in_child (window, "sign_in_button")));

  /* Enter in the password field does not try either. */
  gtk_editable_set_text (sign_in_child (window, "login_row"), "admin");
  gtk_editable_set_text (sign_in_child (window, "password_row"), "rahasia-123");
  g_signal_emit_by_name (sign_in_child (window, "password_row"), "entry-activated");
  g_assert_false (gtk_widget_get_visible (sign_in_child (window, "sign_in_error_label")));
  g_assert_cmpstr (gtk_editable_get_text (sign_in_child (window, "password_row")), ==,
                   "rahasia-123");

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_chmod (folder, 0755);
  g_chmod (path, 0644);
}

static WartaApplication *
create_application (void)
{
  g_autoptr(WartaApplication) app = warta_application_new ();
  g_autoptr(GError) error = NULL;

  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) |
                           G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&app);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  warta_test_gui_init (&argc, &argv);
  register_file_manager ();
  adw_init ();
  _warta_user_repository_set_fast_hashing (TRUE);
  application = create_application ();

  g_test_add ("/warta/backup/chooser", Fixture, NULL,
              fixture_set_up, test_backup_chooser, fixture_tear_down);
  g_test_add ("/warta/backup/open-chooser", Fixture, NULL,
              fixture_set_up, test_open_chooser, fixture_tear_down);
  g_test_add ("/warta/backup/copy", Fixture, NULL,
              fixture_set_up, test_backup_copy, fixture_tear_down);
  g_test_add ("/warta/backup/failure", Fixture, NULL,
              fixture_set_up, test_backup_failure, fixture_tear_down);
  g_test_add ("/warta/backup/open-folder", Fixture, NULL,
              fixture_set_up, test_backup_open_folder, fixture_tear_down);
  g_test_add ("/warta/backup/writable-sign-in", Fixture, NULL,
              fixture_set_up, test_writable_sign_in, fixture_tear_down);
  g_test_add_func ("/warta/backup/read-only-sign-in", test_read_only_sign_in);
  g_test_add_func ("/warta/backup/closed-window-database", test_closed_window_database);
  g_test_add ("/warta/backup/import-archive", Fixture, NULL,
              fixture_set_up, test_import_archive, fixture_tear_down);
  g_test_add ("/warta/backup/import-in-background", Fixture, NULL,
              fixture_set_up, test_import_in_background, fixture_tear_down);
  g_test_add ("/warta/backup/import-cancelled", Fixture, NULL,
              fixture_set_up, test_import_cancelled, fixture_tear_down);
  g_test_add ("/warta/backup/import-quit", Fixture, NULL,
              fixture_set_up, test_import_quit, fixture_tear_down);

  ret = g_test_run ();
  g_clear_object (&application);
  g_clear_pointer (&shown_folders, g_free);
  return ret;
}
