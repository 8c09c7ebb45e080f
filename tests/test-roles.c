/* test-roles.c: the main window as each role of the SOP sees it
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The real window on a real database file, signed in through the real
 * sign-in page as an activity officer, a verifier, an approver, the
 * social media admin and an administrator: the sections each of them
 * is offered, and what the lists show while they hold nothing. With
 * WARTA_SCREENSHOT_DIR set, each role's sections are saved as PNGs at
 * 1280 and 360 pixels, in English and Indonesian.
 */
#include "config.h"

#include <adwaita.h>

#include "warta-test-gui.h"
#include "warta-application.h"
#include "warta-archive-page.h"
#include "warta-publication-list.h"
#include "warta-publication-window.h"
#include "warta-user-repository-private.h"
#include "warta-window.h"

static WartaApplication *application;

typedef struct
{
  WartaContext *context;
  char         *folder;
  WartaWindow  *window;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  user_data)
{
  GSettings *settings = warta_application_get_settings (application);
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  g_settings_reset (settings, "last-section");
  g_settings_reset (settings, "last-user-id");
  g_settings_reset (settings, "last-sign-in-time");
  f->folder = warta_test_gui_new_folder ();
  path = g_build_filename (f->folder, "warta.db", NULL);
  g_assert_true (warta_application_open_database (application, path, &error));
  g_assert_no_error (error);
  f->context = g_object_ref (warta_application_get_context (application));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  user_data)
{
  if (f->window != NULL)
    {
      GtkWindow *weak = GTK_WINDOW (f->window);

      g_object_add_weak_pointer (G_OBJECT (weak), (gpointer *)&weak);
      gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&f->window)));
      WARTA_TEST_GUI_WAIT_FOR (weak == NULL);
    }
  g_clear_object (&f->context);
  g_clear_pointer (&f->folder, g_free);
  warta_test_gui_set_language (NULL);
}

/* The people of the office: an administrator without a role of the SOP,
 * and one person for each role. */
static void
add_people (Fixture *f)
{
  static const struct {
    const char *login;
    const char *name;
    WartaRole   roles;
  } people[] = {
    { "budi", "Budi Santoso", WARTA_ROLE_ACTIVITY_OFFICER },
    { "sari", "Sari Dewi", WARTA_ROLE_SOCIAL_MEDIA_ADMIN },
    { "vera", "Vera Lestari", WARTA_ROLE_VERIFIER },
    { "agus", "Agus Pratama", WARTA_ROLE_APPROVER },
  };
  WartaUserRepository *users = warta_context_get_users (f->context);
  g_autoptr(WartaUser) root = NULL;
  g_autoptr(GError) error = NULL;

  root = warta_user_repository_create_first_admin (users, "root", "Administrator",
                                                   "rahasia-123", WARTA_ROLE_NONE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autoptr(WartaUser) user = NULL;

      user = warta_user_repository_create_user (users, root, people[i].login, people[i].name,
                                                "rahasia-123", people[i].roles, FALSE, &error);
      g_assert_no_error (error);
    }
}

static WartaWindow *
show_signed_in (Fixture    *f,
                const char *login)
{
  f->window = warta_window_new (application);
  gtk_window_present (GTK_WINDOW (f->window));
  WARTA_TEST_GUI_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (f->window)));
  warta_test_gui_sign_in (GTK_WIDGET (f->window), login, "rahasia-123");

  return f->window;
}

static gpointer
window_child (WartaWindow *window,
              const char  *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (window), WARTA_TYPE_WINDOW, name);
}

/* The sidebar's row of @section, NULL when there is none. */
static GtkWidget *
sidebar_row (WartaWindow *window,
             const char  *section)
{
  return warta_test_gui_find_named (window_child (window, "sidebar_list"),
                                    GTK_TYPE_LIST_BOX_ROW, section);
}

static gboolean
offers_section (WartaWindow *window,
                const char  *section)
{
  GtkWidget *row = sidebar_row (window, section);

  g_assert_nonnull (row);
  return gtk_widget_get_visible (row);
}

/* Whether the shortcuts window shows a group titled @title. */
static gboolean
lists_group (GtkWidget  *widget,
             const char *title)
{
  g_autofree char *found = NULL;

  if (!GTK_IS_ROOT (widget) && !gtk_widget_get_visible (widget))
    return FALSE;
  if (GTK_IS_SHORTCUTS_GROUP (widget))
    {
      g_object_get (widget, "title", &found, NULL);
      return g_strcmp0 (found, title) == 0;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    if (lists_group (c, title))
      return TRUE;
  return FALSE;
}

/* Accounts and People are where the office's channels and people are
 * managed: the sidebar offers them to those who manage them (an
 * administrator; the social media admin, who publishes and keeps the
 * officials directory), and to nobody else, not even through Alt+9, the
 * shortcuts window or the section remembered from an earlier sign-in. */
static void
test_sections (Fixture       *f,
               gconstpointer  user_data)
{
  static const struct {
    const char *login;
    gboolean    manages;
    gboolean    documents;
  } walk[] = {
    { "root", TRUE, FALSE }, { "budi", FALSE, TRUE }, { "sari", TRUE, TRUE },
    { "vera", FALSE, FALSE }, { "agus", FALSE, FALSE },
  };
  WartaWindow *window;
  GtkWidget *overlay;

  add_people (f);
  window = show_signed_in (f, walk[0].login);
  overlay = GTK_WIDGET (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  g_assert_nonnull (overlay);
  for (guint i = 0; i < G_N_ELEMENTS (walk); i++)
    {
      g_test_message ("signed in as %s", walk[i].login);
      if (i > 0)
        {
          warta_window_set_visible_section (window, "people");
          g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.switch-user", NULL));
          warta_test_gui_sign_in (GTK_WIDGET (window), walk[i].login, "rahasia-123");
        }

      g_assert_cmpint (offers_section (window, "accounts"), ==, walk[i].manages);
      g_assert_cmpint (offers_section (window, "people"), ==, walk[i].manages);
      /* Nor does the shortcuts window list Alt+9 and Alt+0 for them. */
      g_assert_cmpint (warta_test_gui_lists_shortcut (overlay, "accelerator", "<Alt>9"), ==,
                       walk[i].manages);
      g_assert_cmpint (warta_test_gui_lists_shortcut (overlay, "accelerator", "<Alt>0"), ==,
                       walk[i].manages);
      g_assert_true (warta_test_gui_lists_shortcut (overlay, "accelerator", "<Alt>8"));
      /* Ctrl+N only to those who document activities. */
      g_assert_cmpint (warta_test_gui_lists_shortcut (overlay, "accelerator", "<Control>n"), ==,
                       walk[i].documents);
      /* The editor's shortcuts (saving, submitting, a photo removed) only
       * to those who write in it: a verifier and an approver read and
       * review, and are not shown a group of keys that do nothing for
       * them, nor its title. */
      g_assert_cmpint (warta_test_gui_lists_shortcut (overlay, "accelerator", "<Control>s"), ==,
                       walk[i].documents);
      g_assert_cmpint (warta_test_gui_lists_shortcut (overlay, "accelerator", "<Control>Return"),
                       ==, walk[i].documents);
      g_assert_cmpint (warta_test_gui_lists_shortcut (overlay, "title", "Remove the Selected Photo"),
                       ==, walk[i].documents);
      g_assert_cmpint (lists_group (overlay, "Activity Editor"), ==, walk[i].documents);
      g_assert_true (lists_group (overlay, "Sections"));
      /* An archive is imported only into a database without people: with
       * someone signed in, the main menu does not offer it to be refused. */
      gtk_widget_activate_action (GTK_WIDGET (window), "win.import-archive", NULL);
      g_assert_null (warta_test_gui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

      /* What every role works with stays. */
      g_assert_true (offers_section (window, "tasks"));
      g_assert_true (offers_section (window, "archive"));
      g_assert_true (offers_section (window, "reports"));

      /* Left on People by the one before (root, then sari): a section
       * they are not offered gives way to My Tasks, selected in the
       * sidebar. */
      if (!walk[i].manages)
        {
          g_assert_cmpstr (warta_window_get_visible_section (window), ==, "tasks");
          g_assert_true (gtk_list_box_get_selected_row (window_child (window, "sidebar_list")) ==
                         GTK_LIST_BOX_ROW (sidebar_row (window, "tasks")));
          warta_window_set_visible_section (window, "calendar");
          gtk_widget_activate_action (GTK_WIDGET (window), "win.show-section", "s", "accounts");
          g_assert_cmpstr (warta_window_get_visible_section (window), ==, "calendar");
          warta_window_set_visible_section (window, "people");
          g_assert_cmpstr (warta_window_get_visible_section (window), ==, "tasks");
        }
    }
}

static gpointer
list_child (GtkWidget  *list,
            const char *name)
{
  return gtk_widget_get_template_child (list, WARTA_TYPE_PUBLICATION_LIST, name);
}

static void
main_iterate_briefly (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* A list with nothing in it says so with its status page alone: a search
 * and filters above it could find nothing. A search that finds nothing
 * keeps its entry, to be changed. Ctrl+F goes to the search where there
 * is one. */
static void
test_empty_lists (Fixture       *f,
                  gconstpointer  user_data)
{
  WartaWindow *window;
  GtkWidget *tasks;
  GtkWidget *category;
  GtkWidget *search;
  GtkWidget *archive;
  GObject *archive_search;
  GtkWidget *overlay;
  g_autoptr(WartaRevision) draft = warta_revision_new ();
  g_autoptr(WartaPublication) p = NULL;
  g_autoptr(GError) error = NULL;

  add_people (f);
  window = show_signed_in (f, "budi");
  warta_window_set_visible_section (window, "tasks");
  tasks = gtk_stack_get_child_by_name (window_child (window, "stack"), "tasks");
  category = list_child (tasks, "category_dropdown");
  search = list_child (tasks, "search_entry");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (list_child (tasks, "stack")), ==, "empty");
  g_assert_false (gtk_widget_is_visible (search));
  g_assert_false (gtk_widget_is_visible (category));
  /* Ctrl+F has nothing to search there. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL);
  g_assert_false (gtk_widget_has_focus (search) ||
                  gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), search));

  /* Something to do: the search and the filters are there. */
  warta_revision_set_title (draft, "Rapat koordinasi");
  p = warta_publication_repository_create (warta_context_get_publications (f->context),
                                           warta_context_get_current_user (f->context),
                                           draft, &error);
  g_assert_no_error (error);
  warta_publication_list_reload (WARTA_PUBLICATION_LIST (tasks));
  main_iterate_briefly ();
  g_assert_true (gtk_widget_is_visible (search));
  g_assert_true (gtk_widget_is_visible (category));

  /* Ctrl+F goes to the search, as in GNOME's applications. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), search));

  /* A search without a match keeps its entry and the focus in it. */
  gtk_editable_set_text (GTK_EDITABLE (search), "tidak ada");
  WARTA_TEST_GUI_WAIT_FOR (g_str_equal (gtk_stack_get_visible_child_name (list_child (tasks,
                                                                                  "stack")),
                                        "empty"));
  g_assert_true (gtk_widget_is_visible (search));
  g_assert_true (gtk_widget_is_visible (category));
  g_assert_true (gtk_widget_has_focus (search) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), search));

  /* In the Archive too; the shortcuts window lists it. */
  warta_window_set_visible_section (window, "archive");
  archive = gtk_stack_get_child_by_name (window_child (window, "stack"), "archive");
  archive_search = gtk_widget_get_template_child (archive, WARTA_TYPE_ARCHIVE_PAGE, "search_entry");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)),
                                         GTK_WIDGET (archive_search)));
  overlay = GTK_WIDGET (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  g_assert_true (warta_test_gui_lists_shortcut (overlay, "accelerator", "<Control>f"));
}

static WartaUser *
find_user (Fixture    *f,
           const char *login)
{
  g_autoptr(GListModel) users = warta_user_repository_list (warta_context_get_users (f->context),
                                                            NULL);

  for (guint i = 0; i < g_list_model_get_n_items (users); i++)
    {
      g_autoptr(WartaUser) user = g_list_model_get_item (users, i);

      if (g_str_equal (warta_user_get_login (user), login))
        return g_steal_pointer (&user);
    }
  g_assert_not_reached ();
}

/* A publication documented by Budi and submitted by Sari, waiting for
 * verification. */
static gint64
make_verifying (Fixture *f)
{
  WartaPublicationRepository *repo = warta_context_get_publications (f->context);
  g_autoptr(WartaUser) budi = find_user (f, "budi");
  g_autoptr(WartaUser) sari = find_user (f, "sari");
  g_autoptr(WartaRevision) draft = warta_revision_new ();
  g_autoptr(WartaPublication) p = NULL;
  g_autoptr(WartaPublication) processing = NULL;
  g_autoptr(WartaPublication) verifying = NULL;
  g_autoptr(GError) error = NULL;

  warta_revision_set_title (draft, "Rapat koordinasi pengawasan");
  warta_revision_set_caption (draft, "facebook", "Rapat koordinasi pengawasan.");
  p = warta_publication_repository_create (repo, budi, draft, &error);
  g_assert_no_error (error);
  processing = warta_publication_repository_transition (repo, budi, warta_publication_get_id (p),
                                                        warta_publication_get_version (p),
                                                        WARTA_ACTION_SUBMIT,
                                                        WARTA_STATE_PROCESSING, NULL, &error);
  g_assert_no_error (error);
  verifying = warta_publication_repository_transition (repo, sari,
                                                       warta_publication_get_id (processing),
                                                       warta_publication_get_version (processing),
                                                       WARTA_ACTION_SUBMIT,
                                                       WARTA_STATE_VERIFYING, NULL, &error);
  g_assert_no_error (error);

  return warta_publication_get_id (verifying);
}

static GtkWidget *
open_publication (WartaWindow *window,
                  gint64       id)
{
  GtkWindow *editor;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-publication", "x", id);
  editor = warta_test_gui_find_toplevel (WARTA_TYPE_PUBLICATION_WINDOW);
  g_assert_nonnull (editor);

  return GTK_WIDGET (editor);
}

/* The shortcuts window shown over @editor (the main window has its own). */
static GtkWidget *
editor_shortcuts (GtkWidget *editor)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_SHORTCUTS_WINDOW (window) &&
          gtk_window_get_transient_for (window) == GTK_WINDOW (editor))
        return GTK_WIDGET (window);
    }
  return NULL;
}

/* The verifier opens what waits for her: the documentation and the
 * concept are greyed out, and the window says why and what she does
 * instead (notes on the Review tab), before she tries to type into them.
 * The approver, whose step it is not yet, is not sent to write notes he
 * may not write; the social media admin, who may change it all, is told
 * nothing of the sort. */
static void
test_read_only_said (Fixture       *f,
                     gconstpointer  user_data)
{
  const char *logins[] = { "vera", "agus", "sari" };
  const char *said[] = {
    "Only a user with the role “Social media admin” changes the activity now. Write your "
    "corrections as notes on the Review tab.",
    "Only a user with the role “Social media admin” changes the activity now. You can read it "
    "here.",
    NULL,
  };
  WartaWindow *window;
  gint64 id;

  add_people (f);
  id = make_verifying (f);
  window = show_signed_in (f, logins[0]);
  for (guint i = 0; i < G_N_ELEMENTS (logins); i++)
    {
      GtkWidget *editor;
      GtkWidget *documentation;
      GtkWidget *label;
      AdwViewStack *view_stack;
      GtkWidget *shortcuts;
      GtkWindow *weak;

      if (i > 0)
        {
          g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.switch-user", NULL));
          warta_test_gui_sign_in (GTK_WIDGET (window), logins[i], "rahasia-123");
        }
      editor = open_publication (window, id);
      documentation = GTK_WIDGET (gtk_widget_get_template_child (editor,
                                                                 WARTA_TYPE_PUBLICATION_WINDOW,
                                                                 "documentation_box"));
      label = warta_test_gui_find_named (editor, GTK_TYPE_LABEL, "read-only-reason");
      view_stack = ADW_VIEW_STACK (gtk_widget_get_template_child (editor,
                                                                  WARTA_TYPE_PUBLICATION_WINDOW,
                                                                  "view_stack"));
      adw_view_stack_set_visible_child_name (view_stack, "documentation");
      if (said[i] != NULL)
        {
          g_assert_false (gtk_widget_get_sensitive (documentation));
          g_assert_nonnull (label);
          g_assert_true (gtk_widget_is_visible (label));
          g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==, said[i]);
          /* Above the greyed-out fields, not greyed out with them. */
          g_assert_true (gtk_widget_is_sensitive (label));
          /* Not over the Review tab, which has its own words and where
           * a narrow window needs the room for the decisions. */
          adw_view_stack_set_visible_child_name (view_stack, "review");
          g_assert_false (gtk_widget_is_visible (label));
          adw_view_stack_set_visible_child_name (view_stack, "concept");
          g_assert_true (gtk_widget_is_visible (label));
        }
      else
        {
          g_assert_true (gtk_widget_get_sensitive (documentation));
          g_assert_true (label == NULL || !gtk_widget_is_visible (label));
        }

      /* Ctrl+? lists the editor's keys to the one who writes in it, not to
       * those who only read and review. */
      g_assert_true (gtk_widget_activate_action (editor, "pub.show-shortcuts", NULL));
      shortcuts = editor_shortcuts (editor);
      g_assert_nonnull (shortcuts);
      g_assert_cmpint (warta_test_gui_lists_shortcut (shortcuts, "accelerator", "<Control>s"), ==,
                       said[i] == NULL);
      g_assert_cmpint (lists_group (shortcuts, "Activity Editor"), ==, said[i] == NULL);
      g_assert_true (lists_group (shortcuts, "General"));
      {
        g_autofree char *name = g_strdup_printf ("roles-shortcuts-%s.png", logins[i]);

        warta_test_gui_wait_for_layout (shortcuts);
        warta_test_gui_screenshot (shortcuts, name);
      }
      gtk_window_destroy (GTK_WINDOW (shortcuts));

      weak = GTK_WINDOW (editor);
      g_object_add_weak_pointer (G_OBJECT (weak), (gpointer *)&weak);
      gtk_window_destroy (GTK_WINDOW (editor));
      WARTA_TEST_GUI_WAIT_FOR (weak == NULL);
    }
}

/* What the records schedule (JRA) does with an archived item is decided
 * by the social media admin, who keeps the archive, and the approver:
 * the Archive shows Record Disposition to them, and to nobody else (not
 * a greyed-out button), as one person after another signs in. */
static void
test_disposition_offered (Fixture       *f,
                          gconstpointer  user_data)
{
  static const struct {
    const char *login;
    gboolean    records;
  } walk[] = {
    { "root", FALSE }, { "sari", TRUE }, { "budi", FALSE }, { "agus", TRUE }, { "vera", FALSE },
  };
  WartaWindow *window;
  GtkWidget *archive;
  GtkWidget *button;

  add_people (f);
  window = show_signed_in (f, walk[0].login);
  archive = gtk_stack_get_child_by_name (window_child (window, "stack"), "archive");
  button = GTK_WIDGET (gtk_widget_get_template_child (archive, WARTA_TYPE_ARCHIVE_PAGE,
                                                      "dispose_button"));
  for (guint i = 0; i < G_N_ELEMENTS (walk); i++)
    {
      g_test_message ("signed in as %s", walk[i].login);
      if (i > 0)
        {
          g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.switch-user", NULL));
          warta_test_gui_sign_in (GTK_WIDGET (window), walk[i].login, "rahasia-123");
        }
      warta_window_set_visible_section (window, "archive");
      WARTA_TEST_GUI_WAIT_FOR (gtk_widget_get_mapped (archive));
      g_assert_cmpint (gtk_widget_get_visible (button), ==, walk[i].records);
    }
}

/* The last task goes (returned, here over the repository, as from
 * another workstation) while the verifier's empty search has the focus:
 * the search goes with the list's contents, and the focus goes back to
 * the section in the sidebar (the empty state has no button for a
 * verifier) rather than falling out of the window or onto the empty
 * state, where nothing is seen focused. */
static void
test_last_task_goes (Fixture       *f,
                     gconstpointer  user_data)
{
  WartaPublicationRepository *repo = warta_context_get_publications (f->context);
  g_autoptr(WartaUser) vera = NULL;
  g_autoptr(WartaPublication) p = NULL;
  g_autoptr(WartaPublication) returned = NULL;
  g_autoptr(GError) error = NULL;
  WartaWindow *window;
  GtkWidget *tasks;
  GtkWidget *search;
  GtkWidget *focus;
  gint64 id;

  add_people (f);
  id = make_verifying (f);
  vera = find_user (f, "vera");
  window = show_signed_in (f, "vera");
  warta_window_set_visible_section (window, "tasks");
  tasks = gtk_stack_get_child_by_name (window_child (window, "stack"), "tasks");
  search = list_child (tasks, "search_entry");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), search));

  p = warta_publication_repository_get (repo, id, &error);
  g_assert_no_error (error);
  returned = warta_publication_repository_return_with_note (repo, vera, id,
                                                            warta_publication_get_version (p),
                                                            WARTA_STATE_PROCESSING, NULL, NULL,
                                                            "Lengkapi nama pejabat.", &error);
  g_assert_no_error (error);
  WARTA_TEST_GUI_WAIT_FOR (!gtk_widget_is_visible (search));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_test_message ("focus: %s in %s", G_OBJECT_TYPE_NAME (focus),
                  G_OBJECT_TYPE_NAME (gtk_widget_get_parent (focus)));
  g_assert_true (focus == GTK_WIDGET (gtk_list_box_get_selected_row (window_child (window,
                                                                                   "sidebar_list"))));
  g_assert_cmpstr (gtk_widget_get_name (focus), ==, "tasks");
  g_assert_true (gtk_widget_is_visible (focus));
}

/* Each role's sections, for looking at (WARTA_SCREENSHOT_DIR). */
static void
test_walk (Fixture       *f,
           gconstpointer  user_data)
{
  static const char * const logins[] = { "budi", "vera", "agus" };
  static const char * const sections[] = {
    "tasks", "activities", "review", "approved", "published", "archive", "calendar", "reports",
  };
  const char *language = user_data;
  WartaWindow *window;
  int narrow_width;

  add_people (f);
  warta_test_gui_use_gnome_window_buttons ();
  narrow_width = warta_test_gui_window_width_for (360);
  warta_test_gui_set_language (language);
  window = show_signed_in (f, logins[0]);
  for (guint i = 0; i < G_N_ELEMENTS (logins); i++)
    {
      if (i > 0)
        {
          g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.switch-user", NULL));
          warta_test_gui_sign_in (GTK_WIDGET (window), logins[i], "rahasia-123");
        }
      for (guint narrow = 0; narrow < 2; narrow++)
        {
          gtk_window_set_default_size (GTK_WINDOW (window), narrow ? narrow_width : 1280, 720);
          for (guint s = 0; s < G_N_ELEMENTS (sections); s++)
            {
              g_autofree char *name = g_strdup_printf ("%s-%s-%s-%s.png",
                                                       language ? language : "en", logins[i],
                                                       narrow ? "narrow" : "wide", sections[s]);

              /* As Alt+digit: a narrow window shows the page, not the sidebar. */
              gtk_widget_activate_action (GTK_WIDGET (window), "win.show-section", "s",
                                          sections[s]);
              warta_test_gui_wait_for_layout (GTK_WIDGET (window));
              warta_test_gui_screenshot (GTK_WIDGET (window), name);
              warta_test_gui_assert_not_ellipsized (window_child (window, "section_title"));
              warta_test_gui_assert_mnemonics_unique (GTK_WIDGET (window));
            }
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  warta_test_gui_init (&argc, &argv);
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    return 77;

  {
    g_autoptr(GError) error = NULL;

    adw_init ();
    _warta_user_repository_set_fast_hashing (TRUE);
    application = warta_application_new ();
    g_application_set_flags (G_APPLICATION (application),
                             g_application_get_flags (G_APPLICATION (application)) |
                             G_APPLICATION_NON_UNIQUE);
    g_application_register (G_APPLICATION (application), NULL, &error);
    g_assert_no_error (error);
  }

  g_test_add ("/warta/roles/sections", Fixture, NULL,
              fixture_set_up, test_sections, fixture_tear_down);
  g_test_add ("/warta/roles/empty-lists", Fixture, NULL,
              fixture_set_up, test_empty_lists, fixture_tear_down);
  g_test_add ("/warta/roles/read-only-said", Fixture, NULL,
              fixture_set_up, test_read_only_said, fixture_tear_down);
  g_test_add ("/warta/roles/disposition-offered", Fixture, NULL,
              fixture_set_up, test_disposition_offered, fixture_tear_down);
  g_test_add ("/warta/roles/last-task-goes", Fixture, NULL,
              fixture_set_up, test_last_task_goes, fixture_tear_down);
  g_test_add ("/warta/roles/walk/en", Fixture, NULL,
              fixture_set_up, test_walk, fixture_tear_down);
  g_test_add ("/warta/roles/walk/id", Fixture, "id",
              fixture_set_up, test_walk, fixture_tear_down);

  ret = g_test_run ();
  g_clear_object (&application);

  return ret;
}
