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
#include "warta-context.h"
#include "warta-database-private.h"
#include "warta-export.h"
#include "warta-publication-repository.h"
#include "warta-sample-data-private.h"
#include "warta-sign-in-page.h"
#include "warta-test-gui.h"
#include "warta-user-repository-private.h"
#include "warta-window-private.h"

#define N_PUBLICATIONS 5

static WartaApplication *application;

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

static GtkWindow *
find_toplevel (const char *title)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline)
    {
      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

          if (g_strcmp0 (gtk_window_get_title (w), title) == 0 &&
              gtk_widget_get_visible (GTK_WIDGET (w)))
            return w;
        }
      g_main_context_iteration (NULL, TRUE);
    }

  return NULL;
}

/* Waits for the toast the window shows after @previous. */
static AdwToast *
wait_for_toast (WartaWindow *window,
                AdwToast    *previous)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (_warta_window_get_toast (window) == previous && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (_warta_window_get_toast (window) != previous);

  return _warta_window_get_toast (window);
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
    gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
    g_autoptr(GFile) database =
      g_file_new_for_path (warta_database_get_path (warta_context_get_database (context)));
    g_autoptr(GFile) expected_folder = g_file_get_parent (database);

    /* The chooser reads its folder in the main loop. */
    while ((folder = gtk_file_chooser_get_current_folder (GTK_FILE_CHOOSER (chooser))) == NULL &&
           g_get_monotonic_time () < deadline)
      g_main_context_iteration (NULL, FALSE);
    g_assert_nonnull (folder);
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
  AdwToast *toast;

  _warta_window_back_up_to (fixture->window, onto_itself);
  toast = wait_for_toast (fixture->window, NULL);
  g_assert_cmpstr (adw_toast_get_title (toast), ==,
                   "A backup cannot replace the database itself. Choose another file.");

  _warta_window_back_up_to (fixture->window, nowhere);
  toast = wait_for_toast (fixture->window, toast);
  g_assert_nonnull (strstr (adw_toast_get_title (toast), "cannot be written"));
  g_assert_nonnull (strstr (adw_toast_get_title (toast), "Choose another place."));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
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
  g_autoptr(GFile) file = g_file_new_for_path (manifest);
  g_autoptr(WartaDatabase) source = NULL;
  g_autoptr(GError) error = NULL;
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

  /* Not into a database that holds records already. */
  _warta_window_import_from (fixture->window, file);
  toast = wait_for_toast (fixture->window, NULL);
  g_assert_nonnull (strstr (adw_toast_get_title (toast), "only into a new, empty database"));

  g_assert_true (warta_application_open_database (application, new_path, &error));
  g_assert_no_error (error);
  _warta_window_import_from (fixture->window, file);
  toast = wait_for_toast (fixture->window, toast);
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
  toast = wait_for_toast (fixture->window, toast);
  g_assert_nonnull (strstr (adw_toast_get_title (toast), "only into a new, empty database"));

  /* Its first administrator comes after the imported people. */
  gtk_editable_set_text (sign_in_child (fixture->window, "admin_login_row"), "kepala");
  gtk_editable_set_text (sign_in_child (fixture->window, "admin_name_row"), "Sari Dewi");
  gtk_editable_set_text (sign_in_child (fixture->window, "admin_password_row"), "rahasia-123");
  gtk_editable_set_text (sign_in_child (fixture->window, "admin_confirm_row"), "rahasia-123");
  g_signal_emit_by_name (sign_in_child (fixture->window, "create_admin_button"), "clicked");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "main");
}

/* A database that may be changed says nothing about it. */
static void
test_writable_sign_in (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_assert_false (gtk_widget_get_visible (sign_in_child (fixture->window, "read_only_label")));
  g_assert_true (gtk_widget_get_sensitive (sign_in_child (fixture->window, "sign_in_button")));
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
  adw_init ();
  _warta_user_repository_set_fast_hashing (TRUE);
  application = create_application ();

  g_test_add ("/warta/backup/chooser", Fixture, NULL,
              fixture_set_up, test_backup_chooser, fixture_tear_down);
  g_test_add ("/warta/backup/copy", Fixture, NULL,
              fixture_set_up, test_backup_copy, fixture_tear_down);
  g_test_add ("/warta/backup/failure", Fixture, NULL,
              fixture_set_up, test_backup_failure, fixture_tear_down);
  g_test_add ("/warta/backup/writable-sign-in", Fixture, NULL,
              fixture_set_up, test_writable_sign_in, fixture_tear_down);
  g_test_add_func ("/warta/backup/read-only-sign-in", test_read_only_sign_in);
  g_test_add ("/warta/backup/import-archive", Fixture, NULL,
              fixture_set_up, test_import_archive, fixture_tear_down);

  ret = g_test_run ();
  g_clear_object (&application);
  return ret;
}
