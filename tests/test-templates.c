/* test-templates.c: every template-backed widget builds, and the window works
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * gtk4-builder-tool cannot validate Warta's templates: it knows neither
 * libadwaita's types nor Warta's. Instantiating the classes does, and more:
 * a wrong property, a missing callback or a template child bound to nothing
 * is a critical, fatal under G_DEBUG=fatal-warnings.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "warta-application.h"
#include "warta-calendar-page.h"
#include "warta-office-rules.h"
#include "warta-official-dialog.h"
#include "warta-officials-dialog.h"
#include "warta-people-page.h"
#include "warta-photo-dialog.h"
#include "warta-person-dialog.h"
#include "warta-preferences-window.h"
#include "warta-publication-list.h"
#include "warta-publication-row.h"
#include "warta-review-page.h"
#include "warta-sign-in-page.h"
#include "warta-user-repository-private.h"
#include "warta-test-gui.h"
#include "warta-window.h"

#define N_SECTIONS 10

static WartaApplication *application;

typedef struct
{
  WartaApplication *app;
  char             *folder;
  char             *database_path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  /* One application for the whole program, as in Warta: a registered
   * GApplication stays exported on the bus until the process ends. */
  fixture->app = g_object_ref (application);
  g_settings_reset (warta_application_get_settings (fixture->app), "last-section");

  fixture->folder = warta_test_gui_new_folder ();
  fixture->database_path = g_build_filename (fixture->folder, "test.db", NULL);
  g_assert_true (warta_application_open_database (fixture->app, fixture->database_path, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_pointer (&fixture->database_path, g_free);
  g_clear_pointer (&fixture->folder, g_free);
  g_clear_object (&fixture->app);
}

static WartaApplication *
create_application (void)
{
  g_autoptr(WartaApplication) app = warta_application_new ();
  g_autoptr(GError) error = NULL;

  /* Not the session's running Warta, if any: a process of its own. */
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) |
                           G_APPLICATION_NON_UNIQUE);

  /* Registering runs startup (settings, actions, accelerators), which a
   * GtkApplication needs before it takes windows. */
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&app);
}

/* Destroys a toplevel and checks that nothing else kept it alive. */
static void
destroy_and_check_finalized (GtkWindow *window)
{
  GtkWindow *weak = window;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *)&weak);
  gtk_window_destroy (window);

  WARTA_TEST_GUI_WAIT_FOR (weak == NULL);
}

/* The sign-in page's template child @name. */
#define sign_in_child(window, name) warta_test_gui_sign_in_child (GTK_WIDGET (window), (name))

/* A fresh database asks for its first administrator before anything else:
 * typed into the real page, as a person would. */
static void
sign_in_as_first_admin (WartaWindow *window)
{
  GtkStack *main_stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                   WARTA_TYPE_WINDOW,
                                                                   "main_stack"));

  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "sign-in");
  gtk_editable_set_text (sign_in_child (window, "admin_login_row"), "admin");
  gtk_editable_set_text (sign_in_child (window, "admin_name_row"), "Sari Dewi");
  gtk_editable_set_text (sign_in_child (window, "admin_password_row"), "rahasia-123");
  gtk_editable_set_text (sign_in_child (window, "admin_confirm_row"), "rahasia-123");
  g_signal_emit_by_name (sign_in_child (window, "create_admin_button"), "clicked");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "main");
}

static void
test_window_builds (Fixture       *fixture,
                    gconstpointer  user_data)
{
  WartaWindow *window = warta_window_new (fixture->app);

  g_assert_true (WARTA_IS_WINDOW (window));
  g_assert_true (gtk_window_get_application (GTK_WINDOW (window)) == GTK_APPLICATION (fixture->app));

  /* The Keyboard Shortcuts window comes from gtk/help-overlay.ui under the
   * resource base path: a builder file of its own, loaded here. */
  g_assert_nonnull (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));

  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);

  sign_in_as_first_admin (window);

  destroy_and_check_finalized (GTK_WINDOW (window));
}

static void
test_window_sections (Fixture       *fixture,
                      gconstpointer  user_data)
{
  WartaWindow *window = warta_window_new (fixture->app);
  GtkListBox *sidebar;
  GtkStack *stack;
  AdwWindowTitle *title;
  guint n_rows = 0;

  sidebar = GTK_LIST_BOX (gtk_widget_get_template_child (GTK_WIDGET (window), WARTA_TYPE_WINDOW,
                                                         "sidebar_list"));
  stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), WARTA_TYPE_WINDOW,
                                                    "stack"));
  title = ADW_WINDOW_TITLE (gtk_widget_get_template_child (GTK_WIDGET (window), WARTA_TYPE_WINDOW,
                                                           "section_title"));
  g_assert_nonnull (sidebar);
  g_assert_nonnull (stack);
  g_assert_nonnull (title);

  sign_in_as_first_admin (window);

  /* A database opened: the sidebar works, on the first section. */
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (sidebar)));
  g_assert_cmpstr (warta_window_get_visible_section (window), ==, "tasks");
  g_assert_cmpstr (adw_window_title_get_title (title), ==, "My Tasks");

  /* Every row leads, through the window's action, to a page of its own. */
  for (GtkListBoxRow *row = gtk_list_box_get_row_at_index (sidebar, 0);
       row != NULL;
       row = gtk_list_box_get_row_at_index (sidebar, (int)++n_rows))
    {
      const char *id = gtk_widget_get_name (GTK_WIDGET (row));

      g_test_message ("section %u: %s", n_rows, id);
      g_assert_nonnull (gtk_stack_get_child_by_name (stack, id));

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-section",
                                                 "s", id));
      g_assert_cmpstr (warta_window_get_visible_section (window), ==, id);
      g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, id);
      g_assert_true (gtk_list_box_get_selected_row (sidebar) == row);
      g_assert_cmpstr (adw_window_title_get_title (title), !=, "");

      /* Remembered for the next start. */
      {
        g_autofree char *last = g_settings_get_string (warta_application_get_settings (fixture->app),
                                                       "last-section");
        g_assert_cmpstr (last, ==, id);
      }
    }
  g_assert_cmpuint (n_rows, ==, N_SECTIONS);

  /* The page follows the selection, which the arrow keys move. */
  gtk_list_box_select_row (sidebar, gtk_list_box_get_row_at_index (sidebar, 3));
  g_assert_cmpstr (warta_window_get_visible_section (window), ==,
                   gtk_widget_get_name (GTK_WIDGET (gtk_list_box_get_row_at_index (sidebar, 3))));

  /* Spot checks of the titles, in the C locale the tests run in. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-section", "s", "approved");
  g_assert_cmpstr (adw_window_title_get_title (title), ==, "Approved / To Publish");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-section", "s", "people");
  g_assert_cmpstr (adw_window_title_get_title (title), ==, "People");

  /* An unknown name (an old setting, say) falls back to the first section. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-section", "s", "no-such-section");
  g_assert_cmpstr (warta_window_get_visible_section (window), ==, "tasks");

  /* Narrow, the window shows the sidebar or the page: the sidebar after
   * Back, the page again after Alt+digit's action. */
  {
    AdwLeaflet *leaflet = ADW_LEAFLET (warta_test_gui_find_named (GTK_WIDGET (window),
                                                                  ADW_TYPE_LEAFLET, NULL));
    GtkWidget *pane = gtk_widget_get_parent (GTK_WIDGET (sidebar));

    g_assert_nonnull (leaflet);
    gtk_window_set_default_size (GTK_WINDOW (window), 360, 600);
    gtk_window_present (GTK_WINDOW (window));
    WARTA_TEST_GUI_WAIT_FOR (adw_leaflet_get_folded (leaflet));
    /* The sidebar's child of the leaflet. */
    while (gtk_widget_get_parent (pane) != GTK_WIDGET (leaflet))
      pane = gtk_widget_get_parent (pane);
    adw_leaflet_set_visible_child (leaflet, pane);
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-section", "s", "calendar");
    g_assert_cmpstr (warta_window_get_visible_section (window), ==, "calendar");
    g_assert_true (adw_leaflet_get_visible_child (leaflet) != pane);
  }

  destroy_and_check_finalized (GTK_WINDOW (window));
}

/* Narrower than a phone held upright: GNOME's smallest window. */
#define NARROW_WIDTH 360

/* A window in @language (NULL for English), signed in and shown. */
static WartaWindow *
new_shown_window (Fixture    *fixture,
                  const char *language)
{
  WartaWindow *window;

  warta_test_gui_set_language (language);
  window = warta_window_new (fixture->app);
  sign_in_as_first_admin (window);
  gtk_window_present (GTK_WINDOW (window));
  warta_test_gui_wait_for_layout (GTK_WIDGET (window));

  return window;
}

/* Every section fits a narrow window, in English and in Indonesian, whose
 * words are longer. */
static void
test_window_narrow (Fixture       *fixture,
                    gconstpointer  user_data)
{
  const char *language = user_data;
  WartaWindow *window;
  GtkListBox *sidebar;
  int bound;

  warta_test_gui_use_gnome_window_buttons ();
  bound = warta_test_gui_window_width_for (NARROW_WIDTH);

  window = new_shown_window (fixture, language);
  sidebar = GTK_LIST_BOX (gtk_widget_get_template_child (GTK_WIDGET (window), WARTA_TYPE_WINDOW,
                                                         "sidebar_list"));

  /* At the window's first size, then at the narrow one, where the
   * sidebar folds away and each page's header gets a back button. */
  for (guint narrow = 0; narrow < 2; narrow++)
    {
      if (narrow)
        {
          gtk_window_set_default_size (GTK_WINDOW (window), bound, 720);
          warta_test_gui_wait_for_layout (GTK_WIDGET (window));
        }
      for (GtkListBoxRow *row = gtk_list_box_get_row_at_index (sidebar, 0);
           row != NULL;
           row = gtk_list_box_get_row_at_index (sidebar, gtk_list_box_row_get_index (row) + 1))
        {
          const char *section = gtk_widget_get_name (GTK_WIDGET (row));

          g_test_message ("section %s%s", section, narrow ? ", folded" : "");
          gtk_widget_activate_action (GTK_WIDGET (window), "win.show-section", "s", section);
          warta_test_gui_wait_for_layout (GTK_WIDGET (window));
          warta_test_gui_assert_fits_width (GTK_WIDGET (window), bound);
          warta_test_gui_assert_mnemonics_unique (GTK_WIDGET (window));
          /* New Activity is its icon in a folded window, still named. */
          {
            GtkWidget *label = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                          WARTA_TYPE_WINDOW,
                                                                          "new_activity_label"));

            g_assert_cmpint (gtk_widget_get_visible (label), ==, !narrow);
            g_assert_nonnull (gtk_widget_get_tooltip_text (gtk_widget_get_ancestor (label,
                                                                                    GTK_TYPE_BUTTON)));
          }
          /* The archive's dossier goes below its list. */
          if (g_str_equal (section, "archive"))
            {
              GtkWidget *paned = warta_test_gui_find_named (GTK_WIDGET (window), GTK_TYPE_PANED,
                                                            NULL);

              g_assert_nonnull (paned);
              g_assert_cmpint (gtk_orientable_get_orientation (GTK_ORIENTABLE (paned)), ==,
                               narrow ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
            }
          if (narrow)
            {
              g_autofree char *name = g_strdup_printf ("window-narrow-%s-%s.png",
                                                       language ?: "en", section);

              warta_test_gui_screenshot (GTK_WIDGET (window), name);
            }
        }
    }

  destroy_and_check_finalized (GTK_WINDOW (window));
  warta_test_gui_set_language (NULL);
}

/* Shows @dialog, and checks that it fits GNOME's narrowest window. */
static void
assert_dialog_fits (GtkWindow  *dialog,
                    const char *name,
                    const char *language,
                    int         bound)
{
  g_autofree char *file = g_strdup_printf ("dialog-narrow-%s-%s.png", language ?: "en", name);

  g_test_message ("%s", name);
  gtk_window_set_default_size (dialog, bound, 640);
  gtk_window_present (dialog);
  warta_test_gui_wait_for_layout (GTK_WIDGET (dialog));
  warta_test_gui_assert_fits_width (GTK_WIDGET (dialog), bound);
  warta_test_gui_screenshot (GTK_WIDGET (dialog), file);
  warta_test_gui_assert_mnemonics_unique (GTK_WIDGET (dialog));
  destroy_and_check_finalized (dialog);
}

/* Each dialog, like each section, fits a window as narrow as GNOME's
 * smallest, in English and in Indonesian. */
static void
test_dialogs_narrow (Fixture       *fixture,
                     gconstpointer  user_data)
{
  const char *language = user_data;
  WartaContext *context = warta_application_get_context (fixture->app);
  g_autoptr(WartaOfficialRepository) officials = NULL;
  g_autoptr(WartaMediaItem) photo = warta_media_item_new ();
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 1200, 800);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("warta-dialogs-XXXXXX", &error);
  g_autofree char *path = NULL;
  WartaWindow *window;
  WartaUser *user;
  int bound;

  g_assert_no_error (error);
  warta_test_gui_use_gnome_window_buttons ();
  bound = warta_test_gui_window_width_for (NARROW_WIDTH);
  window = new_shown_window (fixture, language);
  user = warta_context_get_current_user (context);
  g_assert_nonnull (user);
  officials = warta_official_repository_new (warta_context_get_database (context),
                                             warta_context_get_clock (context));

  path = g_build_filename (dir, "foto.jpg", NULL);
  gdk_pixbuf_fill (pixbuf, 0x3a6ea5ff);
  g_assert_true (gdk_pixbuf_save (pixbuf, path, "jpeg", &error, NULL));
  g_assert_no_error (error);
  warta_media_item_set_path (photo, path);
  warta_media_item_set_kind (photo, "photo");

  assert_dialog_fits (GTK_WINDOW (warta_preferences_window_new (fixture->app)), "preferences",
                      language, bound);
  assert_dialog_fits (GTK_WINDOW (warta_person_dialog_new (GTK_WINDOW (window), context, NULL)),
                      "person", language, bound);
  assert_dialog_fits (GTK_WINDOW (warta_officials_dialog_new (GTK_WINDOW (window), officials, user)),
                      "officials", language, bound);
  assert_dialog_fits (GTK_WINDOW (warta_official_dialog_new (GTK_WINDOW (window), officials, user,
                                                             NULL)),
                      "official", language, bound);
  assert_dialog_fits (GTK_WINDOW (warta_photo_dialog_new (GTK_WINDOW (window), photo, TRUE)),
                      "photo-blur", language, bound);
  {
    WartaPhotoDialog *dialog = warta_photo_dialog_new (GTK_WINDOW (window), photo, TRUE);
    GtkWidget *toggle, *bar, *dropdown;

    /* Folded: the pages are switched at the bottom, and the rendition,
     * beside the photo in a wide window, is shown over it by the
     * header's toggle. */
    warta_photo_dialog_show_page (dialog, "crop");
    gtk_window_set_default_size (GTK_WINDOW (dialog), bound, 640);
    gtk_window_present (GTK_WINDOW (dialog));
    warta_test_gui_wait_for_layout (GTK_WIDGET (dialog));
    bar = warta_test_gui_find_named (GTK_WIDGET (dialog), ADW_TYPE_VIEW_SWITCHER_BAR, NULL);
    g_assert_nonnull (bar);
    /* Told once the header's switcher has given way to the title. */
    WARTA_TEST_GUI_WAIT_FOR (adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (bar)));
    dropdown = warta_test_gui_find_named (GTK_WIDGET (dialog), GTK_TYPE_DROP_DOWN, NULL);
    g_assert_nonnull (dropdown);
    g_assert_false (gtk_widget_get_child_visible (gtk_widget_get_parent (dropdown)));
    toggle = warta_test_gui_find_named (GTK_WIDGET (dialog), GTK_TYPE_TOGGLE_BUTTON,
                                        "rendition-toggle");
    g_assert_nonnull (toggle);
    g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)));
    gtk_widget_activate (toggle);
    WARTA_TEST_GUI_WAIT_FOR (gtk_widget_get_mapped (dropdown));
    assert_dialog_fits (GTK_WINDOW (dialog), "photo-crop", language, bound);
  }

  destroy_and_check_finalized (GTK_WINDOW (window));
  warta_test_gui_set_language (NULL);
  g_unlink (path);
  g_rmdir (dir);
}

/* The sidebar's labels are read whole, at the window's first size. */
static void
test_window_sidebar_readable (Fixture       *fixture,
                              gconstpointer  user_data)
{
  WartaWindow *window;
  GtkWidget *sidebar;

  window = new_shown_window (fixture, user_data);
  sidebar = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), WARTA_TYPE_WINDOW,
                                                       "sidebar_list"));
  g_assert_true (gtk_widget_get_mapped (sidebar));
  warta_test_gui_assert_not_ellipsized (sidebar);

  destroy_and_check_finalized (GTK_WINDOW (window));
  warta_test_gui_set_language (NULL);
}

/* Tabs around @window once from where its focus is, and checks that it
 * stops once on each role row of @group, on its check box, whose state
 * screen readers announce. */
static void
assert_one_stop_per_role (GtkWindow *window,
                          GtkWidget *group)
{
  g_autoptr(GHashTable) stops = g_hash_table_new (NULL, NULL);
  GtkWidget *first = NULL;

  for (guint i = 0; i < 200; i++)
    {
      GtkWidget *focus;
      GtkWidget *row;

      g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD));
      focus = gtk_window_get_focus (window);
      if (focus == first)
        break;
      first = first ?: focus;
      row = gtk_widget_get_ancestor (focus, ADW_TYPE_ACTION_ROW);
      if (row == NULL || !gtk_widget_is_ancestor (row, group))
        continue;

      g_test_message ("a stop in “%s”: %s", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                      G_OBJECT_TYPE_NAME (focus));
      g_assert_false (g_hash_table_contains (stops, row));
      g_hash_table_add (stops, row);
      g_assert_true (GTK_IS_CHECK_BUTTON (focus));
      g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (focus)), ==,
                       GTK_ACCESSIBLE_ROLE_CHECKBOX);
    }

  g_assert_cmpuint (g_hash_table_size (stops), ==, WARTA_N_ROLES);
}

/* Tab stops once on each role of the first administrator. */
static void
test_first_admin_roles_focus (Fixture       *fixture,
                              gconstpointer  user_data)
{
  WartaWindow *window = warta_window_new (fixture->app);

  gtk_window_present (GTK_WINDOW (window));
  warta_test_gui_wait_for_layout (GTK_WIDGET (window));
  gtk_widget_grab_focus (GTK_WIDGET (sign_in_child (window, "admin_confirm_row")));
  assert_one_stop_per_role (GTK_WINDOW (window), sign_in_child (window, "roles_group"));

  destroy_and_check_finalized (GTK_WINDOW (window));
}

static void
test_window_restores_section (Fixture       *fixture,
                              gconstpointer  user_data)
{
  GSettings *settings = warta_application_get_settings (fixture->app);
  WartaWindow *window;

  g_settings_set_string (settings, "last-section", "calendar");
  window = warta_window_new (fixture->app);
  g_assert_cmpstr (warta_window_get_visible_section (window), ==, "calendar");

  destroy_and_check_finalized (GTK_WINDOW (window));
}

static void
test_preferences_window_builds (Fixture       *fixture,
                                gconstpointer  user_data)
{
  GSettings *settings = warta_application_get_settings (fixture->app);
  WartaWindow *window = warta_window_new (fixture->app);
  WartaPreferencesWindow *prefs;
  GtkSpinButton *processing;
  GtkSwitch *notifications;
  AdwComboRow *journal;

  /* The time limits are the office's rules: an administrator's. */
  sign_in_as_first_admin (window);
  prefs = warta_preferences_window_new (fixture->app);
  g_assert_true (WARTA_IS_PREFERENCES_WINDOW (prefs));

  processing = GTK_SPIN_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (prefs),
                                                               WARTA_TYPE_PREFERENCES_WINDOW,
                                                               "processing_spin"));
  notifications = GTK_SWITCH (gtk_widget_get_template_child (GTK_WIDGET (prefs),
                                                             WARTA_TYPE_PREFERENCES_WINDOW,
                                                             "notifications_switch"));
  journal = ADW_COMBO_ROW (gtk_widget_get_template_child (GTK_WIDGET (prefs),
                                                          WARTA_TYPE_PREFERENCES_WINDOW,
                                                          "journal_mode_row"));
  g_assert_nonnull (processing);
  g_assert_nonnull (notifications);
  g_assert_nonnull (journal);

  /* The template's widgets are the ones bound to GSettings, both ways. */
  g_settings_set_uint (settings, "deadline-processing", 45);
  g_assert_cmpfloat (gtk_spin_button_get_value (processing), ==, 45);
  gtk_spin_button_set_value (processing, 90);
  g_assert_cmpuint (g_settings_get_uint (settings, "deadline-processing"), ==, 90);

  g_settings_set_boolean (settings, "notifications", FALSE);
  g_assert_false (gtk_switch_get_active (notifications));

  adw_combo_row_set_selected (journal, 2);
  {
    g_autofree char *mode = g_settings_get_string (settings, "journal-mode");
    g_assert_cmpstr (mode, ==, "rollback");
  }

  gtk_window_present (GTK_WINDOW (prefs));
  while (!gtk_widget_get_mapped (GTK_WIDGET (prefs)))
    g_main_context_iteration (NULL, TRUE);

  destroy_and_check_finalized (GTK_WINDOW (prefs));
  destroy_and_check_finalized (GTK_WINDOW (window));
}

#define ONLY_ADMIN_NOTE "Only an administrator can change the office’s rules."

static void
collect_entry_rows (GtkWidget *widget,
                    GPtrArray *rows)
{
  if (ADW_IS_ENTRY_ROW (widget))
    g_ptr_array_add (rows, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    collect_entry_rows (c, rows);
}

static gpointer
prefs_child (WartaPreferencesWindow *prefs,
             const char             *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (prefs), WARTA_TYPE_PREFERENCES_WINDOW, name);
}

/* Whether each row of the office's rules takes changes, and each group
 * of them says why not when it does not; shown either way. */
static void
assert_rules_editable (WartaPreferencesWindow *prefs,
                       gboolean                editable)
{
  static const char * const rows[] = {
    "processing_row", "verifying_row", "approving_row", "publishing_row", "time_zone_row",
  };
  static const char * const groups[] = { "time_limits_group", "organisation_group" };
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      GtkWidget *row = prefs_child (prefs, rows[i]);

      g_assert_true (gtk_widget_get_mapped (row));
      g_assert_cmpint (gtk_widget_is_sensitive (row), ==, editable);
    }

  /* The unit's name and each role's. */
  collect_entry_rows (prefs_child (prefs, "organisation_group"), names);
  g_assert_cmpuint (names->len, ==, 1 + WARTA_N_ROLES);
  for (guint i = 0; i < names->len; i++)
    {
      g_assert_true (gtk_widget_get_mapped (names->pdata[i]));
      g_assert_cmpint (gtk_widget_is_sensitive (names->pdata[i]), ==, editable);
    }

  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      const char *description = adw_preferences_group_get_description (prefs_child (prefs,
                                                                                    groups[i]));

      g_assert_cmpint (strstr (description, ONLY_ADMIN_NOTE) == NULL, ==, editable);
    }
}

static char *
stored_rule (Fixture    *fixture,
             const char *key)
{
  g_autoptr(GHashTable) rules = NULL;
  g_autoptr(GError) error = NULL;

  rules = warta_office_rules_load (warta_application_get_database (fixture->app), &error);
  g_assert_no_error (error);
  return g_strdup (g_hash_table_lookup (rules, key));
}

/* The office's rules in Preferences: an administrator changes them;
 * anyone else, and anyone before sign-in, reads them only. */
static void
test_preferences_admin_only (Fixture       *fixture,
                             gconstpointer  user_data)
{
  WartaContext *context = warta_application_get_context (fixture->app);
  GSettings *settings = warta_application_get_settings (fixture->app);
  WartaWindow *window = warta_window_new (fixture->app);
  WartaPreferencesWindow *prefs;
  GtkSpinButton *processing;
  g_autoptr(WartaUser) clerk = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;

  gtk_window_present (GTK_WINDOW (window));
  prefs = warta_preferences_window_new (fixture->app);
  processing = prefs_child (prefs, "processing_spin");
  gtk_window_set_transient_for (GTK_WINDOW (prefs), GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (prefs));
  warta_test_gui_wait_for_layout (GTK_WIDGET (prefs));

  /* Nobody signed in: nobody known to change them. */
  assert_rules_editable (prefs, FALSE);

  sign_in_as_first_admin (window);
  warta_test_gui_wait_for_layout (GTK_WIDGET (prefs));
  assert_rules_editable (prefs, TRUE);
  gtk_spin_button_set_value (processing, 75);
  stored = stored_rule (fixture, "deadline-processing");
  g_assert_cmpstr (stored, ==, "75");

  /* A social media admin, who is no administrator. */
  clerk = warta_user_repository_create_user (warta_context_get_users (context),
                                             warta_context_get_current_user (context),
                                             "lina", "Lina Marlina", "rahasia-123",
                                             WARTA_ROLE_SOCIAL_MEDIA_ADMIN, FALSE, &error);
  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.switch-user", NULL));
  warta_test_gui_sign_in (GTK_WIDGET (window), "lina", "rahasia-123");
  g_assert_cmpstr (warta_user_get_login (warta_context_get_current_user (context)), ==, "lina");
  warta_test_gui_wait_for_layout (GTK_WIDGET (prefs));
  warta_test_gui_screenshot (GTK_WIDGET (prefs), "preferences-not-admin.png");
  assert_rules_editable (prefs, FALSE);
  g_assert_cmpfloat (gtk_spin_button_get_value (processing), ==, 75);

  /* A change behind the preferences' back (the gsettings tool) does not
   * reach the database, and the workstation follows the database again. */
  g_settings_set_uint (settings, "deadline-processing", 20);
  g_clear_pointer (&stored, g_free);
  stored = stored_rule (fixture, "deadline-processing");
  g_assert_cmpstr (stored, ==, "75");
  g_assert_cmpuint (g_settings_get_uint (settings, "deadline-processing"), ==, 75);
  g_assert_cmpfloat (gtk_spin_button_get_value (processing), ==, 75);

  destroy_and_check_finalized (GTK_WINDOW (prefs));
  destroy_and_check_finalized (GTK_WINDOW (window));
}

static gboolean setting_is (GSettings  *settings,
                            const char *key,
                            const char *value);

/* The message dialog shown over @parent, if any. */
static AdwMessageDialog *
shown_message_dialog (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_window_get_transient_for (w) == parent &&
          gtk_widget_get_mapped (GTK_WIDGET (w)))
        return ADW_MESSAGE_DIALOG (w);
    }
  return NULL;
}

static AdwMessageDialog *
wait_for_message_dialog (GtkWindow *parent)
{
  WARTA_TEST_GUI_WAIT_FOR (shown_message_dialog (parent) != NULL);
  warta_test_gui_assert_mnemonics_unique (GTK_WIDGET (shown_message_dialog (parent)));
  return shown_message_dialog (parent);
}

/* Closes @dialog as Return would, by its default response. */
static void
close_message_dialog (AdwMessageDialog *dialog)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));

  GtkWidget *button = gtk_window_get_default_widget (GTK_WINDOW (dialog));

  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "close");
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_activate (button));
  WARTA_TEST_GUI_WAIT_FOR (shown_message_dialog (parent) == NULL);
}

/* An administrator whose right another administrator took away on
 * another workstation still sees the rows this one's copy of the account
 * allows: a change there goes back to the office's value and says why,
 * rather than springing back unexplained (or, in a spin button, staying
 * shown while the setting went back). */
static void
test_preferences_refused (Fixture       *fixture,
                          gconstpointer  user_data)
{
  WartaContext *context = warta_application_get_context (fixture->app);
  GSettings *settings = warta_application_get_settings (fixture->app);
  WartaWindow *window = warta_window_new (fixture->app);
  g_autoptr(WartaUser) admin = NULL;
  g_autoptr(WartaUser) deputy = NULL;
  g_autoptr(WartaUser) demoted = NULL;
  g_autoptr(WartaDatabase) other = NULL;
  g_autoptr(WartaUserRepository) other_users = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;
  WartaPreferencesWindow *prefs;
  GtkSpinButton *verifying;
  AdwMessageDialog *dialog;
  AdwEntryRow *zone;

  gtk_window_present (GTK_WINDOW (window));
  sign_in_as_first_admin (window);
  admin = g_object_ref (warta_context_get_current_user (context));
  deputy = warta_user_repository_create_user (warta_context_get_users (context), admin,
                                              "budi", "Budi Santoso", "rahasia-123",
                                              WARTA_ROLE_APPROVER, TRUE, &error);
  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.switch-user", NULL));
  warta_test_gui_sign_in (GTK_WIDGET (window), "budi", "rahasia-123");
  g_assert_cmpstr (warta_user_get_login (warta_context_get_current_user (context)), ==, "budi");

  prefs = warta_preferences_window_new (fixture->app);
  verifying = prefs_child (prefs, "verifying_spin");
  zone = prefs_child (prefs, "time_zone_row");
  gtk_window_set_transient_for (GTK_WINDOW (prefs), GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (prefs));
  warta_test_gui_wait_for_layout (GTK_WIDGET (prefs));
  assert_rules_editable (prefs, TRUE);

  /* A time zone that is none is said whole, not in a toast cut off
   * before what to do; spaces pasted around a good one do not matter. */
  gtk_editable_set_text (GTK_EDITABLE (zone), "WIB");
  g_signal_emit_by_name (zone, "apply");
  dialog = wait_for_message_dialog (GTK_WINDOW (prefs));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Time Zone Not Changed");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   "“WIB” is not a known time zone. Use a name such as Asia/Jakarta, "
                   "Asia/Makassar or Asia/Jayapura.");
  close_message_dialog (dialog);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (zone)), ==, "WIB");
  gtk_editable_set_text (GTK_EDITABLE (zone), " Asia/Makassar ");
  g_signal_emit_by_name (zone, "apply");
  g_assert_null (shown_message_dialog (GTK_WINDOW (prefs)));
  g_assert_true (setting_is (settings, "time-zone", "Asia/Makassar"));

  /* Sari takes Budi's administrator right away, on her workstation. */
  other = warta_database_open (fixture->database_path, WARTA_JOURNAL_MODE_AUTOMATIC,
                               WARTA_DATABASE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  other_users = warta_user_repository_new (other, warta_context_get_clock (context));
  demoted = warta_user_repository_update_user (other_users, admin, warta_user_get_id (deputy),
                                               warta_user_get_version (deputy), "Budi Santoso",
                                               WARTA_ROLE_APPROVER, FALSE, TRUE, &error);
  g_assert_no_error (error);

  gtk_spin_button_set_value (verifying, 45);
  stored = stored_rule (fixture, "deadline-verifying");
  g_assert_cmpstr (stored, ==, "30");
  g_assert_cmpuint (g_settings_get_uint (settings, "deadline-verifying"), ==, 30);
  g_assert_cmpfloat (gtk_spin_button_get_value (verifying), ==, 30);
  dialog = wait_for_message_dialog (GTK_WINDOW (prefs));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Office Rules Not Changed");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   "Only an administrator can change the office’s rules. Ask an administrator.");
  warta_test_gui_screenshot (GTK_WIDGET (dialog), "preferences-refused.png");
  close_message_dialog (dialog);

  destroy_and_check_finalized (GTK_WINDOW (prefs));
  destroy_and_check_finalized (GTK_WINDOW (window));
}

#define DEADLINE_RANGE_NOTE \
  "Type a number of minutes from 0 to 10,080 (one week). 0 means no time limit."

/* Types @text into @spin and presses Enter there. */
static void
type_into_spin (GtkSpinButton *spin,
                const char    *text)
{
  GtkWidget *text_widget = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (spin)));

  gtk_widget_grab_focus (GTK_WIDGET (spin));
  gtk_editable_set_text (GTK_EDITABLE (spin), text);
  g_signal_emit_by_name (text_widget, "activate");
}

/* A time limit the settings cannot hold is refused where it was typed,
 * not quietly made 0 (which means no limit) or a week: the row says what
 * it takes, keeps what was typed to correct, and the stored limit stays. */
static void
test_preferences_deadline_range (Fixture       *fixture,
                                 gconstpointer  user_data)
{
  static const char * const refused[] = { "-5", "10081", "99999", "-0.5", "lima" };
  GSettings *settings = warta_application_get_settings (fixture->app);
  WartaWindow *window = warta_window_new (fixture->app);
  WartaPreferencesWindow *prefs;
  GtkSpinButton *processing;
  AdwActionRow *row;
  g_autofree char *stored = NULL;

  gtk_window_present (GTK_WINDOW (window));
  sign_in_as_first_admin (window);
  prefs = warta_preferences_window_new (fixture->app);
  processing = prefs_child (prefs, "processing_spin");
  row = prefs_child (prefs, "processing_row");
  gtk_window_set_transient_for (GTK_WINDOW (prefs), GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (prefs));
  warta_test_gui_wait_for_layout (GTK_WIDGET (prefs));

  type_into_spin (processing, "45");
  g_assert_cmpuint (g_settings_get_uint (settings, "deadline-processing"), ==, 45);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_test_message ("typed “%s”", refused[i]);
      type_into_spin (processing, refused[i]);
      g_assert_cmpuint (g_settings_get_uint (settings, "deadline-processing"), ==, 45);
      g_clear_pointer (&stored, g_free);
      stored = stored_rule (fixture, "deadline-processing");
      g_assert_cmpstr (stored, ==, "45");
      g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
      g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, DEADLINE_RANGE_NOTE);
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (processing)), ==, refused[i]);
    }
  warta_test_gui_wait_for_layout (GTK_WIDGET (prefs));
  warta_test_gui_screenshot (GTK_WIDGET (prefs), "preferences-deadline-refused.png");

  /* Leaving the field does not save it either. */
  gtk_widget_grab_focus (prefs_child (prefs, "verifying_spin"));
  g_assert_cmpuint (g_settings_get_uint (settings, "deadline-processing"), ==, 45);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));

  /* The ends of the range are limits like any other. */
  type_into_spin (processing, "0");
  g_assert_cmpuint (g_settings_get_uint (settings, "deadline-processing"), ==, 0);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "Social media admin");
  type_into_spin (processing, "10080");
  g_assert_cmpuint (g_settings_get_uint (settings, "deadline-processing"), ==, 10080);
  g_clear_pointer (&stored, g_free);
  stored = stored_rule (fixture, "deadline-processing");
  g_assert_cmpstr (stored, ==, "10080");

  /* A refused value that another workstation's change replaces. */
  type_into_spin (processing, "-1");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
  g_settings_set_uint (settings, "deadline-processing", 60);
  g_assert_cmpfloat (gtk_spin_button_get_value (processing), ==, 60);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (processing)), ==, "60");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "Social media admin");

  destroy_and_check_finalized (GTK_WINDOW (prefs));
  destroy_and_check_finalized (GTK_WINDOW (window));
}

/* The entry row of the role named @title in the preferences. */
static AdwEntryRow *
role_row (WartaPreferencesWindow *prefs,
          const char             *title)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_entry_rows (prefs_child (prefs, "organisation_group"), rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (rows->pdata[i]), title) == 0)
      return rows->pdata[i];
  g_assert_not_reached ();
}

/* Two roles cannot be given one name, whatever its case, nor a role
 * another role's standard name: the lists and the history could not
 * tell them apart. The dialog says which role has it; what was typed
 * stays to be changed. */
static void
test_preferences_role_names (Fixture       *fixture,
                             gconstpointer  user_data)
{
  GSettings *settings = warta_application_get_settings (fixture->app);
  WartaWindow *window = warta_window_new (fixture->app);
  g_autoptr(GVariant) names = NULL;
  WartaPreferencesWindow *prefs;
  AdwMessageDialog *dialog;
  AdwEntryRow *verifier, *approver;
  const char *name = NULL;

  gtk_window_present (GTK_WINDOW (window));
  sign_in_as_first_admin (window);
  prefs = warta_preferences_window_new (fixture->app);
  gtk_window_set_transient_for (GTK_WINDOW (prefs), GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (prefs));
  warta_test_gui_wait_for_layout (GTK_WIDGET (prefs));
  verifier = role_row (prefs, "Verifier");
  approver = role_row (prefs, "Approver");

  gtk_editable_set_text (GTK_EDITABLE (verifier), "approver ");
  g_signal_emit_by_name (verifier, "apply");
  dialog = wait_for_message_dialog (GTK_WINDOW (prefs));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Role Name Not Changed");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   "“approver” is already the name of another role (Approver). "
                   "Choose a name that tells the roles apart.");
  warta_test_gui_screenshot (GTK_WIDGET (dialog), "preferences-role-name.png");
  close_message_dialog (dialog);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (verifier)), ==, "approver ");

  gtk_editable_set_text (GTK_EDITABLE (verifier), "Sekretaris PPID");
  g_signal_emit_by_name (verifier, "apply");
  g_assert_null (shown_message_dialog (GTK_WINDOW (prefs)));
  gtk_editable_set_text (GTK_EDITABLE (approver), "SEKRETARIS PPID");
  g_signal_emit_by_name (approver, "apply");
  dialog = wait_for_message_dialog (GTK_WINDOW (prefs));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "(Verifier)"));
  close_message_dialog (dialog);

  names = g_settings_get_value (settings, "role-names");
  g_assert_true (g_variant_lookup (names, "verifier", "&s", &name));
  g_assert_cmpstr (name, ==, "Sekretaris PPID");
  g_assert_false (g_variant_lookup (names, "approver", "&s", &name));

  g_settings_reset (settings, "role-names");
  destroy_and_check_finalized (GTK_WINDOW (prefs));
  destroy_and_check_finalized (GTK_WINDOW (window));
}

static gboolean
entry_row_shows (AdwEntryRow *row,
                 const char  *text)
{
  WARTA_TEST_GUI_WAIT_FOR (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text) == 0);
  return TRUE;
}

static gboolean
setting_is (GSettings  *settings,
            const char *key,
            const char *value)
{
  g_autofree char *current = g_settings_get_string (settings, key);

  return g_strcmp0 (current, value) == 0;
}

/* Another administrator changes the unit's name and the time zone from
 * another workstation while Preferences is open here: the rows show the
 * new values, except one being typed into, which keeps what was typed. */
static void
test_preferences_follow_database (Fixture       *fixture,
                                  gconstpointer  user_data)
{
  WartaContext *context = warta_application_get_context (fixture->app);
  GSettings *settings = warta_application_get_settings (fixture->app);
  WartaWindow *window = warta_window_new (fixture->app);
  g_autoptr(WartaDatabase) other = NULL;
  g_autoptr(GError) error = NULL;
  WartaPreferencesWindow *prefs;
  AdwEntryRow *unit, *zone;
  gint64 admin;

  gtk_window_present (GTK_WINDOW (window));
  sign_in_as_first_admin (window);
  admin = warta_user_get_id (warta_context_get_current_user (context));
  prefs = warta_preferences_window_new (fixture->app);
  unit = prefs_child (prefs, "unit_name_row");
  zone = prefs_child (prefs, "time_zone_row");
  gtk_window_set_transient_for (GTK_WINDOW (prefs), GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (prefs));
  warta_test_gui_wait_for_layout (GTK_WIDGET (prefs));

  other = warta_database_open (fixture->database_path, WARTA_JOURNAL_MODE_AUTOMATIC,
                               WARTA_DATABASE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (warta_office_rules_store (other, admin, "unit-name", "'Inspektorat Daerah'",
                                           g_get_real_time (), &error));
  g_assert_no_error (error);
  g_assert_true (entry_row_shows (unit, "Inspektorat Daerah"));

  /* Someone is typing a time zone here when the other one arrives. */
  gtk_widget_grab_focus (GTK_WIDGET (zone));
  gtk_editable_set_text (GTK_EDITABLE (zone), "Asia/Jaya");
  g_assert_true (warta_office_rules_store (other, admin, "time-zone", "'Asia/Makassar'",
                                           g_get_real_time (), &error));
  g_assert_no_error (error);
  WARTA_TEST_GUI_WAIT_FOR (setting_is (settings, "time-zone", "Asia/Makassar"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (zone)), ==, "Asia/Jaya");

  /* Out of the row, the next change shows. */
  gtk_widget_grab_focus (GTK_WIDGET (unit));
  g_assert_true (warta_office_rules_store (other, admin, "time-zone", "'Asia/Jayapura'",
                                           g_get_real_time (), &error));
  g_assert_no_error (error);
  g_assert_true (entry_row_shows (zone, "Asia/Jayapura"));

  destroy_and_check_finalized (GTK_WINDOW (prefs));
  destroy_and_check_finalized (GTK_WINDOW (window));
}

/* The Preferences window at its first size, in English and in Indonesian:
 * the Journal row shows its whole value, not "Auto…". */
/* Fails when a label at or below @top that is shown is cut off; a row
 * keeps labels it does not show. */
static void
assert_shown_not_ellipsized (GtkWidget *top)
{
  if (!gtk_widget_get_mapped (top))
    return;
  if (GTK_IS_LABEL (top))
    warta_test_gui_assert_not_ellipsized (top);
  for (GtkWidget *c = gtk_widget_get_first_child (top); c; c = gtk_widget_get_next_sibling (c))
    assert_shown_not_ellipsized (c);
}

/* Whether a label at or below @top that is shown reads @text. */
static gboolean
shows_label (GtkWidget  *top,
             const char *text)
{
  if (GTK_IS_LABEL (top) && gtk_widget_get_mapped (top) &&
      g_strcmp0 (gtk_label_get_label (GTK_LABEL (top)), text) == 0)
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (top); c; c = gtk_widget_get_next_sibling (c))
    if (shows_label (c, text))
      return TRUE;
  return FALSE;
}

static void
test_preferences_window_readable (Fixture       *fixture,
                                  gconstpointer  user_data)
{
  const char *language = user_data;

  warta_test_gui_set_language (language);
  warta_test_gui_use_gnome_window_buttons ();
  /* At its first size, and as narrow as GNOME's smallest window. */
  for (guint narrow = 0; narrow < 2; narrow++)
    {
      WartaPreferencesWindow *prefs = warta_preferences_window_new (fixture->app);
      GtkWidget *journal = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (prefs),
                                                                      WARTA_TYPE_PREFERENCES_WINDOW,
                                                                      "journal_mode_row"));
      GListModel *values = adw_combo_row_get_model (ADW_COMBO_ROW (journal));

      if (narrow)
        gtk_window_set_default_size (GTK_WINDOW (prefs),
                                     warta_test_gui_window_width_for (NARROW_WIDTH), 640);
      gtk_window_present (GTK_WINDOW (prefs));
      warta_test_gui_wait_for_layout (GTK_WIDGET (prefs));

      /* The row's value is read whole, wherever the row shows it. */
      for (guint i = 0; i < 3; i++)
        {
          g_autofree char *name = g_strdup_printf ("preferences-%s%s-journal-%u.png",
                                                   language ?: "en", narrow ? "-narrow" : "", i);
          const char *value = gtk_string_list_get_string (GTK_STRING_LIST (values), i);

          adw_combo_row_set_selected (ADW_COMBO_ROW (journal), i);
          warta_test_gui_wait_for_layout (GTK_WIDGET (prefs));
          warta_test_gui_screenshot (GTK_WIDGET (prefs), name);
          g_assert_true (shows_label (journal, value));
          assert_shown_not_ellipsized (journal);
        }

      destroy_and_check_finalized (GTK_WINDOW (prefs));
    }
  warta_test_gui_set_language (NULL);
}

/* The widgets the window is made of, each from its own template. */
static void
test_widgets_build (void)
{
  GtkWidget *widget;

  widget = g_object_ref_sink (warta_sign_in_page_new ());
  g_assert_true (WARTA_IS_SIGN_IN_PAGE (widget));
  g_assert_finalize_object (widget);

  widget = g_object_ref_sink (warta_calendar_page_new ());
  g_assert_true (WARTA_IS_CALENDAR_PAGE (widget));
  g_assert_finalize_object (widget);

  widget = g_object_ref_sink (warta_people_page_new ());
  g_assert_true (WARTA_IS_PEOPLE_PAGE (widget));
  g_assert_finalize_object (widget);

  widget = g_object_ref_sink (warta_publication_row_new ());
  g_assert_true (WARTA_IS_PUBLICATION_ROW (widget));
  g_assert_finalize_object (widget);

  widget = g_object_ref_sink (warta_review_page_new ());
  g_assert_true (WARTA_IS_REVIEW_PAGE (widget));
  g_assert_finalize_object (widget);

  for (guint kind = WARTA_PUBLICATION_LIST_TASKS; kind <= WARTA_PUBLICATION_LIST_PUBLISHED; kind++)
    {
      widget = g_object_ref_sink (warta_publication_list_new (kind));
      g_assert_cmpuint (warta_publication_list_get_kind (WARTA_PUBLICATION_LIST (widget)), ==, kind);
      g_assert_finalize_object (widget);
    }
}

static void
test_person_dialog_builds (Fixture       *fixture,
                           gconstpointer  user_data)
{
  WartaPersonDialog *dialog;

  dialog = warta_person_dialog_new (NULL, warta_application_get_context (fixture->app), NULL);
  g_assert_true (WARTA_IS_PERSON_DIALOG (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
  while (!gtk_widget_get_mapped (GTK_WIDGET (dialog)))
    g_main_context_iteration (NULL, TRUE);

  destroy_and_check_finalized (GTK_WINDOW (dialog));
}

static void
count_click_cb (GtkButton *button,
                guint     *clicks)
{
  (*clicks)++;
}

/* Waits for @clicks to become @n: a button shows itself pressed for a
 * moment before it is clicked. */
static void
wait_clicks (guint *clicks,
             guint  n)
{
  WARTA_TEST_GUI_WAIT_FOR (*clicks >= n);
  g_assert_cmpuint (*clicks, ==, n);
}

/* Add Person opens in its first field; Enter there presses Save; Tab
 * stops once on each role, on its check box. */
static void
test_person_dialog_keyboard (Fixture       *fixture,
                             gconstpointer  user_data)
{
  WartaPersonDialog *dialog;
  GtkWidget *login, *save, *group, *focus;
  guint clicks = 0;

  dialog = warta_person_dialog_new (NULL, warta_application_get_context (fixture->app), NULL);
  login = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog), WARTA_TYPE_PERSON_DIALOG,
                                                     "login_row"));
  group = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog), WARTA_TYPE_PERSON_DIALOG,
                                                     "roles_group"));
  gtk_window_present (GTK_WINDOW (dialog));
  warta_test_gui_wait_for_layout (GTK_WIDGET (dialog));

  focus = gtk_window_get_focus (GTK_WINDOW (dialog));
  g_assert_nonnull (focus);
  g_assert_true (focus == login || gtk_widget_is_ancestor (focus, login));

  /* Save is the default: Enter in the login field (its text has the focus) presses it. */
  save = gtk_window_get_default_widget (GTK_WINDOW (dialog));
  g_assert_true (GTK_IS_BUTTON (save));
  g_assert_true (gtk_widget_has_css_class (save, "suggested-action"));
  g_signal_connect (save, "clicked", G_CALLBACK (count_click_cb), &clicks);
  g_assert_true (GTK_IS_TEXT (focus));
  g_signal_emit_by_name (focus, "activate");
  wait_clicks (&clicks, 1);

  assert_one_stop_per_role (GTK_WINDOW (dialog), group);

  destroy_and_check_finalized (GTK_WINDOW (dialog));
}

/* Add Official opens in its first field, not on Cancel; Enter in any
 * field presses Save; an empty name is said, with the focus at the name,
 * and the dialog stays with what was typed. */
static void
test_official_dialog_keyboard (Fixture       *fixture,
                               gconstpointer  user_data)
{
  WartaContext *context = warta_application_get_context (fixture->app);
  g_autoptr(WartaOfficialRepository) officials = NULL;
  g_autoptr(GListModel) listed = NULL;
  g_autoptr(GError) error = NULL;
  WartaOfficialDialog *dialog;
  GtkWidget *prefix, *name, *position, *save, *focus, *error_label;
  WartaWindow *window;
  guint clicks = 0;

  window = warta_window_new (fixture->app);
  gtk_window_present (GTK_WINDOW (window));
  sign_in_as_first_admin (window);
  officials = warta_official_repository_new (warta_context_get_database (context),
                                             warta_context_get_clock (context));
  dialog = warta_official_dialog_new (GTK_WINDOW (window), officials,
                                      warta_context_get_current_user (context), NULL);
#define CHILD(id) GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog), \
                                                             WARTA_TYPE_OFFICIAL_DIALOG, id))
  prefix = CHILD ("prefix_row");
  name = CHILD ("name_row");
  position = CHILD ("position_row");
  error_label = CHILD ("error_label");
#undef CHILD
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  warta_test_gui_wait_for_layout (GTK_WIDGET (dialog));

  focus = gtk_window_get_focus (GTK_WINDOW (dialog));
  g_assert_nonnull (focus);
  g_assert_true (focus == prefix || gtk_widget_is_ancestor (focus, prefix));

  save = gtk_window_get_default_widget (GTK_WINDOW (dialog));
  g_assert_true (GTK_IS_BUTTON (save));
  g_assert_true (gtk_widget_has_css_class (save, "suggested-action"));
  g_signal_connect (save, "clicked", G_CALLBACK (count_click_cb), &clicks);

  /* Enter with the name still empty: said, the focus at the name. */
  gtk_editable_set_text (GTK_EDITABLE (prefix), "Dr. H.");
  g_assert_true (GTK_IS_TEXT (focus));
  g_signal_emit_by_name (focus, "activate");
  wait_clicks (&clicks, 1);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (error_label)), ==, "Enter the official’s name.");
  focus = gtk_window_get_focus (GTK_WINDOW (dialog));
  g_assert_true (focus == name || gtk_widget_is_ancestor (focus, name));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (prefix)), ==, "Dr. H.");

  /* Enter in the name saves, once. */
  gtk_editable_set_text (GTK_EDITABLE (name), "Ahmad Yani");
  gtk_editable_set_text (GTK_EDITABLE (position), "Inspektur");
  g_signal_emit_by_name (focus, "activate");
  wait_clicks (&clicks, 2);
  while (dialog != NULL)
    g_main_context_iteration (NULL, TRUE);
  listed = warta_official_repository_list (officials, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (listed), ==, 1);

  destroy_and_check_finalized (GTK_WINDOW (window));
}

/* An official already in the directory is not added twice under another
 * spelling of the same name and position: the dialog says which entry to
 * change, keeps what was typed, and the directory keeps one. */
static void
test_official_duplicate (Fixture       *fixture,
                         gconstpointer  user_data)
{
  WartaContext *context = warta_application_get_context (fixture->app);
  g_autoptr(WartaOfficialRepository) officials = NULL;
  g_autoptr(WartaOfficial) first = NULL;
  g_autoptr(WartaOfficial) other = NULL;
  g_autoptr(GListModel) listed = NULL;
  g_autoptr(GError) error = NULL;
  WartaOfficialDialog *dialog;
  GtkWidget *error_label;
  WartaWindow *window;

  window = warta_window_new (fixture->app);
  gtk_window_present (GTK_WINDOW (window));
  sign_in_as_first_admin (window);
  officials = warta_official_repository_new (warta_context_get_database (context),
                                             warta_context_get_clock (context));
  first = warta_official_repository_add (officials, warta_context_get_current_user (context),
                                         "Dr. H.", "Ahmad Yani", "S.E.", "Inspektur", &error);
  g_assert_no_error (error);

  dialog = warta_official_dialog_new (GTK_WINDOW (window), officials,
                                      warta_context_get_current_user (context), NULL);
#define CHILD(id) gtk_widget_get_template_child (GTK_WIDGET (dialog), WARTA_TYPE_OFFICIAL_DIALOG, id)
  error_label = GTK_WIDGET (CHILD ("error_label"));
  gtk_editable_set_text (GTK_EDITABLE (CHILD ("name_row")), "ahmad yani ");
  gtk_editable_set_text (GTK_EDITABLE (CHILD ("position_row")), "INSPEKTUR");
#undef CHILD
  gtk_window_present (GTK_WINDOW (dialog));
  warta_test_gui_wait_for_layout (GTK_WIDGET (dialog));
  g_assert_false (warta_official_dialog_save (dialog));
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (error_label)), ==,
                   "“Dr. H. Ahmad Yani, S.E., Inspektur” is already in the directory. "
                   "Change that entry rather than adding the official twice.");
  warta_test_gui_screenshot (GTK_WIDGET (dialog), "official-duplicate.png");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Nor is another entry changed into it; the same name in another
   * position is someone else's entry. */
  other = warta_official_repository_add (officials, warta_context_get_current_user (context),
                                         "", "Ahmad Yani", "", "Sekretaris", &error);
  g_assert_no_error (error);
  g_assert_null (warta_official_repository_update (officials,
                                                   warta_context_get_current_user (context),
                                                   warta_official_get_id (other),
                                                   warta_official_get_version (other), "",
                                                   "Ahmad Yani", "", "Inspektur", &error));
  g_assert_error (error, WARTA_DB_ERROR, WARTA_DB_ERROR_CONFLICT);
  g_clear_error (&error);

  listed = warta_official_repository_list (officials, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (listed), ==, 2);

  destroy_and_check_finalized (GTK_WINDOW (window));
}

/* Whether @editable's text, not empty, is selected whole. */
static gboolean
selected_whole (GtkEditable *editable)
{
  int start, end;

  return gtk_editable_get_text (editable)[0] != '\0' &&
         gtk_editable_get_selection_bounds (editable, &start, &end) && start == 0 &&
         end == (int) g_utf8_strlen (gtk_editable_get_text (editable), -1);
}

typedef struct
{
  WartaWindow  *window;
  GtkEditable  *login;
  GdkClipboard *primary;
  gboolean      whole;              /* the login name is selected whole */
  gboolean      lost_with_primary;  /* … and GTK unselected it, see below */
} SwitchUser;

/* A selected text offers itself as the PRIMARY selection, and GTK
 * unselects it when another X client (another test on the display) takes
 * that: X11 has one selection per display. GTK does so while the
 * clipboard is no longer local; anything else that unselects the text,
 * Warta included, does it while the clipboard still is. */
static void
on_login_selection_cb (GObject    *text,
                       GParamSpec *pspec,
                       SwitchUser *switched)
{
  gboolean whole = selected_whole (switched->login);

  if (g_strcmp0 (pspec->name, "cursor-position") != 0 &&
      g_strcmp0 (pspec->name, "selection-bound") != 0)
    return;
  if (whole)
    switched->lost_with_primary = FALSE;
  else if (switched->whole && !gdk_clipboard_is_local (switched->primary))
    switched->lost_with_primary = TRUE;
  switched->whole = whole;
}

/* The sign-in page is shown, the crossfade to it over, and the login
 * name has the focus, its text (if any) selected. */
static gboolean
switched_to_sign_in (gpointer data)
{
  SwitchUser *switched = data;
  GtkStack *stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (switched->window),
                                                              WARTA_TYPE_WINDOW, "main_stack"));
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (switched->window));

  return !gtk_stack_get_transition_running (stack) &&
         g_strcmp0 (gtk_stack_get_visible_child_name (stack), "sign-in") == 0 &&
         focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (switched->login)) &&
         (gtk_editable_get_text (switched->login)[0] == '\0' || selected_whole (switched->login) ||
          switched->lost_with_primary);
}

/* Switches user from @window, with the focus where the signed-in user
 * left it (the main menu's button), and checks that the next person types
 * at once, into the login name, whose text is selected: a password typed
 * under the last user's name would count against them. */
static void
assert_switch_user_focus (WartaWindow *window)
{
  GtkEditable *login = GTK_EDITABLE (sign_in_child (window, "login_row"));
  SwitchUser switched = { window, login, gtk_widget_get_primary_clipboard (GTK_WIDGET (login)),
                          FALSE, FALSE };
  GtkWidget *menu_button, *focus;
  gulong handler;

  warta_test_gui_wait_for_layout (GTK_WIDGET (window));
  menu_button = warta_test_gui_find_named (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON, NULL);
  g_assert_nonnull (menu_button);
  g_assert_true (gtk_widget_grab_focus (menu_button));
  /* Nothing selected before: what is selected after, Switch User did. */
  gtk_editable_select_region (login, 0, 0);
  handler = g_signal_connect (gtk_editable_get_delegate (login), "notify",
                              G_CALLBACK (on_login_selection_cb), &switched);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.switch-user", NULL));
  warta_test_gui_wait_for_layout (GTK_WIDGET (login));
  warta_test_gui_wait_until (switched_to_sign_in, &switched,
                             "the crossfade to the sign-in page, the login name focused and selected");
  g_signal_handler_disconnect (gtk_editable_get_delegate (login), handler);

  focus = gtk_window_get_focus (GTK_WINDOW (window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (login)));
  if (gtk_editable_get_text (login)[0] == '\0')
    return;
  if (switched.lost_with_primary)
    g_test_message ("another X client took the PRIMARY selection: the login name was selected, "
                    "and GTK unselected it");
  else
    g_assert_true (selected_whole (login));
}

/* Switch User, after the first administrator was made with Enter in the
 * form's last field, and after a sign-in. */
static void
test_switch_user_focus (Fixture       *fixture,
                        gconstpointer  user_data)
{
  WartaWindow *window = warta_window_new (fixture->app);

  gtk_window_present (GTK_WINDOW (window));
  warta_test_gui_wait_for_layout (GTK_WIDGET (window));
  gtk_editable_set_text (sign_in_child (window, "admin_login_row"), "admin");
  gtk_editable_set_text (sign_in_child (window, "admin_name_row"), "Sari Dewi");
  gtk_editable_set_text (sign_in_child (window, "admin_password_row"), "rahasia-123");
  gtk_editable_set_text (sign_in_child (window, "admin_confirm_row"), "rahasia-123");
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (sign_in_child (window, "admin_confirm_row"))));
  g_signal_emit_by_name (gtk_window_get_focus (GTK_WINDOW (window)), "activate");
  while (warta_context_get_current_user (warta_application_get_context (fixture->app)) == NULL)
    g_main_context_iteration (NULL, TRUE);
  assert_switch_user_focus (window);

  warta_test_gui_sign_in (GTK_WIDGET (window), "admin", "rahasia-123");
  assert_switch_user_focus (window);

  destroy_and_check_finalized (GTK_WINDOW (window));
}

/* About Warta speaks the user's language, its authors' line too. */
static void
test_about_translated (Fixture       *fixture,
                       gconstpointer  user_data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  AdwAboutWindow *about = NULL;

  warta_test_gui_set_language ("id");
  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "about", NULL);
  for (guint i = 0; about == NULL && i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_ABOUT_WINDOW (window))
        about = ADW_ABOUT_WINDOW (window);
    }
  g_assert_nonnull (about);
  g_assert_cmpstr (adw_about_window_get_developer_name (about), ==, "Para penulis Warta");
  g_assert_cmpstr (adw_about_window_get_copyright (about), ==, "© 2026 Para penulis Warta");
  g_assert_cmpstr (adw_about_window_get_comments (about), !=,
                   "Runs an office’s social media publication procedure, from documenting an activity to the archived post.");
  destroy_and_check_finalized (GTK_WINDOW (about));
  warta_test_gui_set_language (NULL);
}

static void
test_no_display (void)
{
  g_test_skip ("No display: run under xvfb-run");
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  warta_test_gui_init (&argc, &argv);

  /* Skip only when there is no display at all; a display that is set but
   * cannot be opened is a failure. */
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_test_add_func ("/warta/templates/no-display", test_no_display);
    }
  else
    {
      adw_init ();
      _warta_user_repository_set_fast_hashing (TRUE);
      application = create_application ();

      g_test_add_func ("/warta/templates/widgets", test_widgets_build);

      g_test_add ("/warta/templates/window", Fixture, NULL,
                  fixture_set_up, test_window_builds, fixture_tear_down);
      g_test_add ("/warta/templates/window-sections", Fixture, NULL,
                  fixture_set_up, test_window_sections, fixture_tear_down);
      g_test_add ("/warta/templates/dialogs-narrow/en", Fixture, NULL,
                  fixture_set_up, test_dialogs_narrow, fixture_tear_down);
      g_test_add ("/warta/templates/dialogs-narrow/id", Fixture, "id",
                  fixture_set_up, test_dialogs_narrow, fixture_tear_down);
      g_test_add ("/warta/templates/window-narrow/en", Fixture, NULL,
                  fixture_set_up, test_window_narrow, fixture_tear_down);
      g_test_add ("/warta/templates/window-narrow/id", Fixture, "id",
                  fixture_set_up, test_window_narrow, fixture_tear_down);
      g_test_add ("/warta/templates/window-sidebar-readable/en", Fixture, NULL,
                  fixture_set_up, test_window_sidebar_readable, fixture_tear_down);
      g_test_add ("/warta/templates/window-sidebar-readable/id", Fixture, "id",
                  fixture_set_up, test_window_sidebar_readable, fixture_tear_down);
      g_test_add ("/warta/templates/first-admin-roles-focus", Fixture, NULL,
                  fixture_set_up, test_first_admin_roles_focus, fixture_tear_down);
      g_test_add ("/warta/templates/window-restores-section", Fixture, NULL,
                  fixture_set_up, test_window_restores_section, fixture_tear_down);
      g_test_add ("/warta/templates/person-dialog", Fixture, NULL,
                  fixture_set_up, test_person_dialog_builds, fixture_tear_down);
      g_test_add ("/warta/templates/about-translated", Fixture, NULL,
                  fixture_set_up, test_about_translated, fixture_tear_down);
      g_test_add ("/warta/templates/switch-user-focus", Fixture, NULL,
                  fixture_set_up, test_switch_user_focus, fixture_tear_down);
      g_test_add ("/warta/templates/official-duplicate", Fixture, NULL,
                  fixture_set_up, test_official_duplicate, fixture_tear_down);
      g_test_add ("/warta/templates/official-dialog-keyboard", Fixture, NULL,
                  fixture_set_up, test_official_dialog_keyboard, fixture_tear_down);
      g_test_add ("/warta/templates/person-dialog-keyboard", Fixture, NULL,
                  fixture_set_up, test_person_dialog_keyboard, fixture_tear_down);
      g_test_add ("/warta/templates/preferences-window", Fixture, NULL,
                  fixture_set_up, test_preferences_window_builds, fixture_tear_down);
      g_test_add ("/warta/templates/preferences-admin-only", Fixture, NULL,
                  fixture_set_up, test_preferences_admin_only, fixture_tear_down);
      g_test_add ("/warta/templates/preferences-refused", Fixture, NULL,
                  fixture_set_up, test_preferences_refused, fixture_tear_down);
      g_test_add ("/warta/templates/preferences-deadline-range", Fixture, NULL,
                  fixture_set_up, test_preferences_deadline_range, fixture_tear_down);
      g_test_add ("/warta/templates/preferences-role-names", Fixture, NULL,
                  fixture_set_up, test_preferences_role_names, fixture_tear_down);
      g_test_add ("/warta/templates/preferences-follow-database", Fixture, NULL,
                  fixture_set_up, test_preferences_follow_database, fixture_tear_down);
      g_test_add ("/warta/templates/preferences-readable/en", Fixture, NULL,
                  fixture_set_up, test_preferences_window_readable, fixture_tear_down);
      g_test_add ("/warta/templates/preferences-readable/id", Fixture, "id",
                  fixture_set_up, test_preferences_window_readable, fixture_tear_down);
    }

  ret = g_test_run ();

  g_clear_object (&application);

  return ret;
}
