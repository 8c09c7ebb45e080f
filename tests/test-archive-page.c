/* test-archive-page.c: the Archive and Reports pages on a generated
 * database of 3,000 publications, through their widgets
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "warta-test-gui.h"
#include "warta-archive-test-util.h"
#include "warta-archive-item.h"
#include "warta-archive-page-private.h"
#include "warta-archive-repository-private.h"
#include "warta-event-log.h"
#include "warta-reports-page-private.h"

#define T0 (G_GINT64_CONSTANT (1750204800) * G_USEC_PER_SEC)

typedef struct
{
  char          *dir;
  char          *path;
  WartaDatabase *db;
  GSettings     *settings;
  WartaContext  *context;
  GtkWidget     *window;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("warta-archive-page-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "warta.db", NULL);
  f->db = warta_database_open (f->path, WARTA_JOURNAL_MODE_AUTOMATIC, WARTA_DATABASE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  warta_database_set_poll_interval (f->db, 0);
  /* "empty": an office's archive before anything was published. */
  if (g_strcmp0 (data, "empty") != 0)
    g_assert_true (_warta_archive_sample_generate (f->db, 3000, T0, 11, &error));
  g_assert_no_error (error);
  f->settings = g_settings_new (APPLICATION_ID);
  f->context = warta_context_new (f->db, f->settings);
  warta_clock_freeze (warta_context_get_clock (f->context), T0);
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 700);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->context);
  g_clear_object (&f->settings);
  g_clear_object (&f->db);
  {
    g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (f->path, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
    g_unlink (f->path);
  }
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static gboolean
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (find_label (child, text))
      return TRUE;

  return FALSE;
}

/* The row's second line: the label after the one showing @title. */
static const char *
find_row_subtitle (GtkWidget  *widget,
                   const char *title)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), title) == 0)
    return GTK_IS_LABEL (gtk_widget_get_next_sibling (widget))
           ? gtk_label_get_text (GTK_LABEL (gtk_widget_get_next_sibling (widget))) : NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *found = find_row_subtitle (child, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_child (GtkWidget *widget,
            GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_child (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Waits for @check (failing after the shared deadline, named); returns
 * its last answer. */
#define wait_until(check, data) (warta_test_gui_wait_until ((check), (data), #check), (check) (data))

typedef struct
{
  WartaArchivePage *page;
  char             *title;
} RowCheck;

static gboolean
model_ready (gpointer data)
{
  WartaArchiveModel *model = warta_archive_page_get_model (data);

  return model != NULL && !warta_archive_model_get_loading (model) &&
         g_list_model_get_n_items (G_LIST_MODEL (model)) > 0;
}

static gboolean
row_shown (gpointer data)
{
  RowCheck *check = data;

  return find_label (GTK_WIDGET (check->page), check->title);
}

/* No row's second line has an empty part between its dots. */
static void
assert_no_empty_parts (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget))
    {
      const char *text = gtk_label_get_text (GTK_LABEL (widget));

      g_assert_null (strstr (text, " ·  · "));
      g_assert_false (g_str_has_suffix (text, " · "));
      g_assert_false (g_str_has_prefix (text, " · "));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    assert_no_empty_parts (child);
}

static void
test_rows_appear (Fixture       *f,
                  gconstpointer  data)
{
  WartaArchivePage *page = WARTA_ARCHIVE_PAGE (warta_archive_page_new ());
  WartaArchiveModel *model;
  g_autoptr(WartaArchiveItem) first = NULL;
  GtkWidget *search;
  RowCheck check = { page, NULL };
  guint n;

  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (page));
  warta_archive_page_set_context (page, f->context);
  gtk_window_present (GTK_WINDOW (f->window));

  g_assert_true (wait_until (model_ready, page));
  model = warta_archive_page_get_model (page);
  first = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_true (warta_archive_item_get_loaded (first));
  check.title = g_strdup (warta_archive_item_get_title (first));
  g_assert_true (wait_until (row_shown, &check));

  /* The time in the office's zone (WIB), as the other lists show it. */
  {
    g_autoptr(GTimeZone) wib = g_time_zone_new_identifier ("Asia/Jakarta");
    gint64 at = warta_archive_item_get_published_at (first) ?: warta_archive_item_get_created_at (first);
    g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (at / G_USEC_PER_SEC);
    g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, wib);
    g_autofree char *expected = g_date_time_format (local, "%e %b %Y, %H:%M · ");
    const char *subtitle = find_row_subtitle (GTK_WIDGET (page), check.title);

    g_assert_nonnull (subtitle);
    g_assert_true (g_str_has_prefix (subtitle, expected));
  }

  /* Typing narrows the list. */
  search = find_child (GTK_WIDGET (page), GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (search);
  g_assert_cmpstr (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (search)) == GTK_ACCESSIBLE_ROLE_SEARCH_BOX
                   ? "search" : "other", ==, "search");
  {
    guint before = g_list_model_get_n_items (G_LIST_MODEL (model));
    g_autoptr(WartaArchiveItem) item = NULL;

    gtk_editable_set_text (GTK_EDITABLE (search), "zona integritas");
    g_signal_emit_by_name (search, "search-changed");
    g_assert_true (wait_until (model_ready, page));
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), <, before);
    item = g_list_model_get_item (G_LIST_MODEL (model), 0);
    g_assert_nonnull (strstr (warta_archive_item_get_title (item), "Zona Integritas"));
    g_free (check.title);
    check.title = g_strdup (warta_archive_item_get_title (item));
    g_assert_true (wait_until (row_shown, &check));
  }

  /* One not published yet, so with no platforms: its row leaves them
   * out instead of an empty place between two dots. */
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  g_signal_emit_by_name (search, "search-changed");
  /* Any state. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (gtk_widget_get_template_child (GTK_WIDGET (page),
                                                                          WARTA_TYPE_ARCHIVE_PAGE,
                                                                          "state_dropdown")), 3);
  g_assert_true (wait_until (model_ready, page));
  g_clear_pointer (&check.title, g_free);
  n = MIN (500, g_list_model_get_n_items (G_LIST_MODEL (model)));
  for (guint i = 0; check.title == NULL && i < n; i++)
    {
      g_autoptr(WartaArchiveItem) item = g_list_model_get_item (G_LIST_MODEL (model), i);

      while (!warta_archive_item_get_loaded (item))
        g_main_context_iteration (NULL, TRUE);
      if (warta_archive_item_get_platforms (item) == NULL ||
          *warta_archive_item_get_platforms (item) == '\0')
        check.title = g_strdup (warta_archive_item_get_title (item));
    }
  g_assert_nonnull (check.title);
  gtk_editable_set_text (GTK_EDITABLE (search), check.title);
  g_signal_emit_by_name (search, "search-changed");
  g_assert_true (wait_until (model_ready, page));
  g_assert_true (wait_until (row_shown, &check));
  assert_no_empty_parts (GTK_WIDGET (page));

  g_free (check.title);
}

typedef struct
{
  WartaArchivePage *page;
  guint             expected;
} CountCheck;

static gboolean
model_counted (gpointer data)
{
  CountCheck *check = data;
  WartaArchiveModel *model = warta_archive_page_get_model (check->page);

  return model != NULL && !warta_archive_model_get_loading (model) &&
         g_list_model_get_n_items (G_LIST_MODEL (model)) == check->expected;
}

static GtkWidget *
template_child (WartaArchivePage *page,
                const char       *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (page), WARTA_TYPE_ARCHIVE_PAGE, name);

  g_assert_true (GTK_IS_WIDGET (child));
  return GTK_WIDGET (child);
}

static guint
find_row (GtkDropDown *dropdown,
          const char  *text)
{
  GListModel *model = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) row = g_list_model_get_item (model, i);

      if (g_strcmp0 (gtk_string_object_get_string (row), text) == 0)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static gboolean
dropdown_filled (gpointer data)
{
  GtkDropDown *dropdown = data;
  GListModel *model = gtk_drop_down_get_model (dropdown);

  return model != NULL && g_list_model_get_n_items (model) > 1;
}

static guint
expected_count (Fixture           *f,
                WartaArchiveQuery *query)
{
  g_autoptr(WartaArchive) archive = warta_archive_new (f->db);
  g_autoptr(GError) error = NULL;
  guint n = 0;

  g_assert_true (warta_archive_count (archive, query, &n, &error));
  g_assert_no_error (error);
  return n;
}

static gboolean
widget_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

/* The person and unit drop-downs list the users and the register's
 * units, and narrow the list; the dates can be of the publishing. */
static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  WartaArchivePage *page = WARTA_ARCHIVE_PAGE (warta_archive_page_new ());
  g_autoptr(WartaArchiveQuery) query = warta_archive_query_new ();
  GtkDropDown *person, *unit, *date, *platform;
  GtkWidget *from, *to;
  CountCheck check = { page, 0 };
  g_autoptr(GListModel) users = NULL;
  g_autoptr(WartaUser) dewi = NULL;
  g_autoptr(GError) error = NULL;
  guint row, all;

  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (page));
  warta_archive_page_set_context (page, f->context);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (wait_until (model_ready, page));

  person = GTK_DROP_DOWN (template_child (page, "person_dropdown"));
  unit = GTK_DROP_DOWN (template_child (page, "unit_dropdown"));
  date = GTK_DROP_DOWN (template_child (page, "date_dropdown"));
  platform = GTK_DROP_DOWN (template_child (page, "platform_dropdown"));
  from = template_child (page, "from_entry");
  to = template_child (page, "to_entry");

  /* Everyone of the users list, after "Anyone". */
  users = warta_user_repository_list (warta_context_get_users (f->context), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (person)), ==,
                    g_list_model_get_n_items (users) + 1);
  g_assert_cmpuint (gtk_drop_down_get_selected (person), ==, 0);
  for (guint i = 0; i < g_list_model_get_n_items (users); i++)
    {
      g_autoptr(WartaUser) user = g_list_model_get_item (users, i);

      if (g_strcmp0 (warta_user_get_display_name (user), "Dewi Lestari") == 0)
        dewi = g_object_ref (user);
    }
  g_assert_nonnull (dewi);

  row = find_row (person, "Dewi Lestari");
  g_assert_cmpuint (row, !=, GTK_INVALID_LIST_POSITION);
  query->person_id = warta_user_get_id (dewi);
  check.expected = expected_count (f, query);
  all = g_list_model_get_n_items (G_LIST_MODEL (warta_archive_page_get_model (page)));
  g_assert_cmpuint (check.expected, >, 0);
  g_assert_cmpuint (check.expected, <, 3000);
  gtk_drop_down_set_selected (person, row);
  g_assert_true (wait_until (model_counted, &check));

  /* The units of the register, found in the worker. */
  g_assert_true (wait_until (dropdown_filled, unit));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (unit)), ==, 6);
  row = find_row (unit, "Inspektur Pembantu Wilayah II");
  g_assert_cmpuint (row, !=, GTK_INVALID_LIST_POSITION);
  query->unit = g_strdup ("Inspektur Pembantu Wilayah II");
  check.expected = expected_count (f, query);
  g_assert_cmpuint (check.expected, >, 0);
  gtk_drop_down_set_selected (unit, row);
  g_assert_true (wait_until (model_counted, &check));

  /* Back to anyone in any unit. */
  gtk_drop_down_set_selected (person, 0);
  gtk_drop_down_set_selected (unit, 0);
  query->person_id = 0;
  g_clear_pointer (&query->unit, g_free);
  check.expected = expected_count (f, query);
  g_assert_true (wait_until (model_counted, &check));

  /* The website entry finds what went to the WordPress website, and
   * every row it leaves names it. */
  row = find_row (platform, "Website (WordPress)");
  g_assert_cmpuint (row, !=, GTK_INVALID_LIST_POSITION);
  query->platform = g_strdup ("wordpress");
  check.expected = expected_count (f, query);
  g_assert_cmpuint (check.expected, >, 0);
  g_assert_cmpuint (check.expected, <, all);
  gtk_drop_down_set_selected (platform, row);
  g_assert_true (wait_until (model_counted, &check));
  for (guint i = 0; i < check.expected; i++)
    {
      g_autoptr(WartaArchiveItem) item =
        g_list_model_get_item (G_LIST_MODEL (warta_archive_page_get_model (page)), i);
      g_auto(GStrv) platforms = NULL;

      while (!warta_archive_item_get_loaded (item))
        g_main_context_iteration (NULL, TRUE);
      g_assert_nonnull (warta_archive_item_get_platforms (item));
      platforms = g_strsplit (warta_archive_item_get_platforms (item), ",", -1);
      g_assert_true (g_strv_contains ((const char * const *)platforms, "wordpress"));
    }
  gtk_drop_down_set_selected (platform, 0);
  g_clear_pointer (&query->platform, g_free);
  check.expected = expected_count (f, query);
  g_assert_true (wait_until (model_counted, &check));

  /* A day of creation dates, then of publishing dates: the generated
   * publications were created every 15 minutes over the last month and
   * took up to several hours, so the two differ. */
  {
    g_autoptr(GDateTime) day = g_date_time_new (warta_clock_get_time_zone (warta_context_get_clock (f->context)),
                                                2025, 6, 10, 0, 0, 0);
    g_autoptr(GDateTime) next = g_date_time_add_days (day, 1);
    guint created;

    /* The start typed, the end picked on the calendar beside it: the
     * list is filtered when the calendar closes. */
    gtk_editable_set_text (GTK_EDITABLE (from), "2025-06-10");
    {
      GtkMenuButton *button = GTK_MENU_BUTTON (gtk_widget_get_next_sibling (to));
      GtkPopover *popover = gtk_menu_button_get_popover (button);
      GtkCalendar *calendar =
        GTK_CALENDAR (warta_test_gui_find_named (GTK_WIDGET (popover), GTK_TYPE_CALENDAR, NULL));

      gtk_menu_button_popup (button);
      g_assert_true (wait_until (widget_mapped, popover));
      gtk_calendar_select_day (calendar, day);
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (to)), ==, "2025-06-10");
      gtk_popover_popdown (popover);
    }
    query->from_us = g_date_time_to_unix (day) * G_USEC_PER_SEC;
    query->to_us = g_date_time_to_unix (next) * G_USEC_PER_SEC;
    check.expected = created = expected_count (f, query);
    g_assert_cmpuint (check.expected, >, 0);
    g_assert_true (wait_until (model_counted, &check));

    gtk_drop_down_set_selected (date, 1);
    query->date = WARTA_ARCHIVE_DATE_PUBLISHED;
    check.expected = expected_count (f, query);
    g_assert_cmpuint (check.expected, >, 0);
    g_assert_cmpuint (check.expected, !=, created);
    g_assert_true (wait_until (model_counted, &check));

    /* Every row shown was published that day. */
    for (guint i = 0; i < check.expected; i++)
      {
        g_autoptr(WartaArchiveItem) item =
          g_list_model_get_item (G_LIST_MODEL (warta_archive_page_get_model (page)), i);
        gint64 at;

        while (!warta_archive_item_get_loaded (item))
          g_main_context_iteration (NULL, TRUE);
        at = warta_archive_item_get_published_at (item);
        g_assert_cmpint (at, >=, query->from_us);
        g_assert_cmpint (at, <, query->to_us);
      }
  }
  g_assert_cmpuint (all, >, check.expected);
}

/* The dossier pane shows the publication titled check->title, or, for
 * NULL, says that none is chosen. */
static gboolean
dossier_titled (gpointer data)
{
  RowCheck *check = data;
  GtkLabel *title = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (check->page),
                                                              WARTA_TYPE_ARCHIVE_PAGE,
                                                              "dossier_title"));
  GtkStack *stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (check->page),
                                                              WARTA_TYPE_ARCHIVE_PAGE,
                                                              "dossier_stack"));

  if (check->title == NULL)
    return g_strcmp0 (gtk_stack_get_visible_child_name (stack), "none") == 0;
  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), "dossier") == 0 &&
         g_strcmp0 (gtk_label_get_text (title), check->title) == 0;
}

/* A filter that leaves the shown publication out of the list empties the
 * dossier pane too: one that leaves others in it, and one that empties it. */
static void
test_dossier_cleared (Fixture       *f,
                      gconstpointer  data)
{
  WartaArchivePage *page = WARTA_ARCHIVE_PAGE (warta_archive_page_new ());
  g_autoptr(WartaArchiveItem) first = NULL;
  g_autoptr(WartaArchiveQuery) query = warta_archive_query_new ();
  RowCheck check = { page, NULL };
  CountCheck none = { page, 0 };
  CountCheck others = { page, 0 };
  GtkWidget *list, *search, *view;
  GtkDropDown *category;
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;
  /* The category drop-down's rows after "Any category". */
  static const char * const categories[] = { "periodic", "immediate", "on-request" };
  guint other = 0;

  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (page));
  warta_archive_page_set_context (page, f->context);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (wait_until (model_ready, page));
  list = template_child (page, "list_view");
  view = template_child (page, "dossier_view");
  search = find_child (GTK_WIDGET (page), GTK_TYPE_SEARCH_ENTRY);

  first = g_list_model_get_item (G_LIST_MODEL (warta_archive_page_get_model (page)), 0);
  g_assert_true (warta_archive_item_get_loaded (first));
  title = g_strdup (warta_archive_item_get_title (first));
  check.title = title;
  g_signal_emit_by_name (list, "activate", 0);
  g_assert_true (wait_until (dossier_titled, &check));
  g_assert_true (gtk_widget_get_sensitive (template_child (page, "export_button")));

  /* Another category: the list still has rows, but not this one. */
  while (g_str_equal (categories[other], warta_archive_item_get_category (first)))
    other++;
  query->category = g_strdup (categories[other]);
  others.expected = expected_count (f, query);
  g_assert_cmpuint (others.expected, >, 0);
  category = GTK_DROP_DOWN (template_child (page, "category_dropdown"));
  gtk_drop_down_set_selected (category, other + 1);
  g_assert_true (wait_until (model_counted, &others));
  check.title = NULL;
  g_assert_true (wait_until (dossier_titled, &check));
  g_assert_false (gtk_widget_get_sensitive (template_child (page, "export_button")));

  /* A publication still listed stays shown when the list is read again. */
  {
    g_autoptr(WartaArchiveItem) listed =
      g_list_model_get_item (G_LIST_MODEL (warta_archive_page_get_model (page)), 0);

    g_clear_pointer (&title, g_free);
    title = g_strdup (warta_archive_item_get_title (listed));
    check.title = title;
    g_signal_emit_by_name (list, "activate", 0);
    g_assert_true (wait_until (dossier_titled, &check));
    warta_archive_model_reload (warta_archive_page_get_model (page));
    g_assert_true (wait_until (model_counted, &others));
    /* The check is one count in the archive's worker, a few
     * milliseconds: a third of a second is ample for it to answer. */
    {
      gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC / 3;

      while (g_get_monotonic_time () < until)
        if (!g_main_context_iteration (NULL, FALSE))
          g_usleep (1000);
    }
    g_assert_true (dossier_titled (&check));
  }
  gtk_drop_down_set_selected (category, 0);

  gtk_editable_set_text (GTK_EDITABLE (search), "tidak ada publikasi seperti ini xyzzy");
  g_signal_emit_by_name (search, "search-changed");
  g_assert_true (wait_until (model_counted, &none));
  check.title = NULL;
  g_assert_true (wait_until (dossier_titled, &check));
  g_object_get (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "text", &text, NULL);
  g_assert_cmpstr (text, ==, "");
  g_assert_false (gtk_widget_get_sensitive (template_child (page, "export_button")));
}


static gboolean
model_loaded (gpointer data)
{
  WartaArchiveModel *model = warta_archive_page_get_model (data);

  return model != NULL && !warta_archive_model_get_loading (model);
}

/* The list's empty state is shown and titled @title, the dossier pane
 * hidden with it, and the button that clears the filters shown when
 * @clear. */
static void
assert_empty_state (WartaArchivePage *page,
                    const char       *title,
                    gboolean          clear)
{
  GtkStack *stack = GTK_STACK (template_child (page, "list_stack"));
  AdwStatusPage *status = ADW_STATUS_PAGE (template_child (page, "empty_page"));
  GtkWidget *button = template_child (page, "clear_filters_button");

  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_cmpstr (adw_status_page_get_title (status), ==, title);
  g_assert_nonnull (adw_status_page_get_description (status));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (status)));
  g_assert_false (gtk_widget_get_visible (template_child (page, "dossier_stack")));
  g_assert_cmpint (gtk_widget_get_visible (button), ==, clear);
}

static gboolean
search_mapped (gpointer data)
{
  return gtk_widget_get_mapped (template_child (data, "search_entry"));
}

static gboolean
search_mapped_not (gpointer data)
{
  return !search_mapped (data);
}

/* The search, the filters and the tools are all shown or all hidden:
 * an archive with nothing in it has nothing for them to find. */
static void
assert_browsing_shown (WartaArchivePage *page,
                       gboolean          shown)
{
  /* A narrow window shows the filters and the tools behind a button. */
  const char *names[] = {
    "search_entry", "state_dropdown", "filters_button", "date_dropdown", "from_entry",
    "person_dropdown", "count_label", "verify_button", "tools_button",
  };
  gboolean filters = FALSE, tools = FALSE;

  g_assert_cmpint (gtk_widget_get_mapped (template_child (page, "search_entry")), ==, shown);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      gboolean mapped = gtk_widget_get_mapped (template_child (page, names[i]));

      if (!shown && mapped)
        g_test_message ("%s is shown", names[i]);
      g_assert_true (shown || !mapped);
      filters |= mapped && (i == 1 || i == 2);
      tools |= mapped && (i == 7 || i == 8);
    }
  g_assert_cmpint (filters, ==, shown);
  g_assert_cmpint (tools, ==, shown);
}

/* An archive with nothing in it says so, not a blank list beside an
 * empty dossier box, nor a search and filters that could find nothing;
 * a search that matches nothing says so too, with a way back to the
 * whole archive. */
static void
test_empty_states (Fixture       *f,
                   gconstpointer  data)
{
  WartaArchivePage *page = WARTA_ARCHIVE_PAGE (warta_archive_page_new ());
  g_autoptr(WartaDatabase) second = NULL;
  g_autoptr(GError) error = NULL;
  CountCheck none = { page, 0 };
  GtkWidget *search;
  guint whole;

  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 700);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (page));
  warta_archive_page_set_context (page, f->context);
  gtk_window_present (GTK_WINDOW (f->window));
  search = template_child (page, "search_entry");

  if (g_strcmp0 (data, "empty") == 0)
    {
      g_assert_true (wait_until (model_loaded, page));
      /* The whole archive is counted in the worker, after the list. */
      g_assert_true (wait_until (search_mapped_not, page));
      warta_test_gui_wait_for_layout (f->window);
      warta_test_gui_screenshot (f->window, "archive-page-empty.png");
      assert_empty_state (page, "No Publications in the Archive Yet", FALSE);
      assert_browsing_shown (page, FALSE);
      /* Ctrl+F has nothing to search there. */
      g_assert_false (warta_archive_page_focus_search (page));
      /* Another Warta on the same file writes a first publication: once
       * the archive is read again, there is something to search for. */
      second = warta_database_open (f->path, WARTA_JOURNAL_MODE_AUTOMATIC,
                                    WARTA_DATABASE_FLAGS_NONE, &error);
      g_assert_no_error (error);
      g_assert_true (_warta_archive_sample_generate (second, 1, T0, 11, &error));
      g_assert_no_error (error);
      g_assert_true (warta_database_check_changes (f->db));
      g_assert_true (wait_until (search_mapped, page));
      assert_browsing_shown (page, TRUE);
      g_assert_true (warta_archive_page_focus_search (page));
      return;
    }

  g_assert_true (wait_until (model_ready, page));
  whole = g_list_model_get_n_items (G_LIST_MODEL (warta_archive_page_get_model (page)));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (template_child (page, "list_stack"))),
                   ==, "list");
  g_assert_true (gtk_widget_get_visible (template_child (page, "dossier_stack")));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (template_child (page,
                                                                                "dossier_stack"))),
                   ==, "none");

  gtk_editable_set_text (GTK_EDITABLE (search), "tidak ada publikasi seperti ini xyzzy");
  g_signal_emit_by_name (search, "search-changed");
  g_assert_true (wait_until (model_counted, &none));
  warta_test_gui_wait_for_layout (f->window);
  warta_test_gui_screenshot (f->window, "archive-page-no-match.png");
  assert_empty_state (page, "No Publications Match", TRUE);
  /* What found nothing stays, to be changed. */
  assert_browsing_shown (page, TRUE);
  /* It says what to try, not only that nothing matched. */
  g_assert_cmpstr (adw_status_page_get_description (ADW_STATUS_PAGE (template_child (page,
                                                                                     "empty_page"))),
                   ==, "Nothing in the archive matches the search and the filters. Try other or "
                       "fewer words, or clear the filters.");

  /* Clearing brings the whole archive back, the focus in the search. */
  g_signal_emit_by_name (template_child (page, "clear_filters_button"), "clicked");
  g_assert_true (wait_until (model_ready, page));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (search)), ==, "");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (warta_archive_page_get_model (page))), ==,
                    whole);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (template_child (page, "list_stack"))),
                   ==, "list");
  g_assert_true (gtk_widget_get_visible (template_child (page, "dossier_stack")));
  g_assert_true (gtk_widget_has_focus (search) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), search));
}

/* The page's messages when no toast overlay is around it. */
static GPtrArray *page_messages;

static GLogWriterOutput
record_writer (GLogLevelFlags   log_level,
               const GLogField *fields,
               gsize            n_fields,
               gpointer         user_data)
{
  const char *domain = NULL, *message = NULL;

  for (gsize i = 0; i < n_fields; i++)
    if (g_strcmp0 (fields[i].key, "GLIB_DOMAIN") == 0)
      domain = fields[i].value;
    else if (g_strcmp0 (fields[i].key, "MESSAGE") == 0)
      message = fields[i].value;
  if ((log_level & G_LOG_LEVEL_MESSAGE) && g_strcmp0 (domain, "warta-archive-page") == 0 &&
      message != NULL)
    g_ptr_array_add (page_messages, g_strdup (message));

  return G_LOG_WRITER_HANDLED;
}

/* Whether the page's last message matches @pattern; forgets them. */
static gboolean
said (const char *pattern)
{
  gboolean matches = page_messages->len > 0 &&
                     g_pattern_match_simple (pattern, g_ptr_array_index (page_messages,
                                                                       page_messages->len - 1));

  if (!matches)
    for (guint i = 0; i < page_messages->len; i++)
      g_test_message ("said: %s", (char *) g_ptr_array_index (page_messages, i));
  g_ptr_array_set_size (page_messages, 0);
  return matches;
}

/* A wrong date of the export's range is marked and named; a range that
 * ends before it starts is refused instead of exporting nothing. */
static void
test_export_range_refused (Fixture       *f,
                           gconstpointer  data)
{
  WartaArchivePage *page = WARTA_ARCHIVE_PAGE (warta_archive_page_new ());
  GtkWidget *from, *to, *button, *focus;

  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (page));
  warta_archive_page_set_context (page, f->context);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (wait_until (model_ready, page));
  from = template_child (page, "from_entry");
  to = template_child (page, "to_entry");
  button = warta_test_gui_find_button (GTK_WIDGET (page), "_Export Date Range…");
  g_assert_nonnull (button);

  /* No toast overlay around the page: the message is logged. */
  g_ptr_array_set_size (page_messages, 0);
  gtk_editable_set_text (GTK_EDITABLE (from), "2025-13-45");
  gtk_editable_set_text (GTK_EDITABLE (to), "2025-06-10");
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (said ("*“From”*2025-13-45*YYYY-MM-DD*"));
  g_assert_true (gtk_widget_has_css_class (from, "error"));
  g_assert_false (gtk_widget_has_css_class (to, "error"));
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_true (focus == from || gtk_widget_is_ancestor (focus, from));

  /* Typing again clears the mark. */
  gtk_editable_set_text (GTK_EDITABLE (from), "2025-06-01");
  g_assert_false (gtk_widget_has_css_class (from, "error"));
  gtk_editable_set_text (GTK_EDITABLE (to), "");
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (said ("*“To”*YYYY-MM-DD*"));
  g_assert_true (gtk_widget_has_css_class (to, "error"));
  g_assert_false (gtk_widget_has_css_class (from, "error"));

  /* Reversed. */
  gtk_editable_set_text (GTK_EDITABLE (from), "2026-12-31");
  gtk_editable_set_text (GTK_EDITABLE (to), "2026-01-01");
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (said ("*ends before it starts*"));
  g_assert_true (gtk_widget_has_css_class (to, "error"));
}

/* Export Date Range is read whole, in English and in Indonesian, at every
 * width from GNOME's smallest to beside the sidebar at 1280 pixels: the
 * QA walk-through took "Ekspor Rentang…" for a cut-off label. */
static void
test_range_button_whole (Fixture       *f,
                         gconstpointer  data)
{
  WartaArchivePage *page;
  GtkWidget *button, *label;

  warta_test_gui_set_language (data);
  page = WARTA_ARCHIVE_PAGE (warta_archive_page_new ());
  /* Shown at the first width: a size asked for at once after showing
   * would be lost, and that width never measured. */
  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 700);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (page));
  warta_archive_page_set_context (page, f->context);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (wait_until (model_ready, page));

  button = warta_test_gui_find_button (GTK_WIDGET (page),
                                       g_strcmp0 (data, "id") == 0 ? "_Ekspor Rentang Tanggal…"
                                                                   : "_Export Date Range…");
  g_assert_nonnull (button);
  label = gtk_button_get_child (GTK_BUTTON (button));
  for (int width = 360; width <= 1040; width += 40)
    {
      int natural;

      gtk_window_set_default_size (GTK_WINDOW (f->window), width, 700);
      warta_test_gui_wait_for_layout (f->window);
      g_assert_cmpint (gtk_widget_get_width (f->window), ==, width);
      gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
      g_assert_true (gtk_widget_get_mapped (label));
      g_assert_cmpint (gtk_widget_get_width (label), >=, natural);
      warta_test_gui_assert_not_ellipsized (label);
    }
  warta_test_gui_set_language (NULL);
}

/* The search's hint, what it searches, is read whole in GNOME's narrowest
 * window, in English and in Indonesian: it was cut off after "notes and",
 * "catatan, dan". */
static void
test_search_hint_whole (Fixture       *f,
                        gconstpointer  data)
{
  WartaArchivePage *page;
  GtkWidget *search;

  warta_test_gui_set_language (data);
  page = WARTA_ARCHIVE_PAGE (warta_archive_page_new ());
  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 700);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (page));
  warta_archive_page_set_context (page, f->context);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (wait_until (model_ready, page));
  warta_test_gui_wait_for_layout (f->window);
  g_assert_cmpint (gtk_widget_get_width (f->window), <=, 360);
  search = template_child (page, "search_entry");
  g_assert_true (gtk_widget_get_mapped (search));
  warta_test_gui_screenshot (f->window, g_strcmp0 (data, "id") == 0 ? "archive-page-narrow-id.png"
                                                                    : "archive-page-narrow.png");
  warta_test_gui_assert_not_ellipsized (search);
  warta_test_gui_set_language (NULL);
}

/* Presses @keyval with @mods on @widget as its class's key bindings take
 * it: the shortcut bound to it runs, and says whether it was handled. */
static gboolean
press_key (GtkWidget       *widget,
           guint            keyval,
           GdkModifierType  mods)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autoptr(GtkShortcutTrigger) pressed = gtk_keyval_trigger_new (keyval, mods);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), pressed))
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }

  return FALSE;
}

static guint
selected_row (WartaArchivePage *page)
{
  GtkSelectionModel *selection = gtk_list_view_get_model (GTK_LIST_VIEW (template_child (page,
                                                                                        "list_view")));

  return gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (selection));
}

typedef struct
{
  WartaArchivePage *page;
  guint             position;
} LoadedCheck;

static gboolean
row_loaded (gpointer data)
{
  LoadedCheck *check = data;
  g_autoptr(WartaArchiveItem) item =
    g_list_model_get_item (G_LIST_MODEL (warta_archive_page_get_model (check->page)),
                           check->position);

  return item != NULL && warta_archive_item_get_loaded (item);
}

/* In a folded window, as the main window's leaflet folds at 360 pixels,
 * the list and the dossier take turns: the dossier comes in place of the
 * list with nearly all the height; the window's Back (which asks the page
 * first), Alt+Left and Escape bring the list back as it was left, its row
 * selected. The
 * archive's tools fit one line there, in a menu. Unfolded, the list and
 * the dossier stay side by side. */
static void
test_narrow_navigation (Fixture       *f,
                        gconstpointer  data)
{
  WartaArchivePage *page = WARTA_ARCHIVE_PAGE (warta_archive_page_new ());
  GtkWidget *leaflet = adw_leaflet_new ();
  GtkWidget *sidebar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *list, *list_stack, *dossier, *browse, *actions, *tools;
  g_autoptr(WartaArchiveItem) item = NULL;
  g_autofree char *title = NULL;
  RowCheck check = { page, NULL };
  LoadedCheck loaded = { page, 30 };
  GtkAdjustment *adjustment;
  double scrolled;
  int bound;

  warta_test_gui_use_gnome_window_buttons ();
  bound = warta_test_gui_window_width_for (360);
  gtk_widget_set_size_request (sidebar, 240, -1);
  gtk_widget_set_hexpand (GTK_WIDGET (page), TRUE);
  adw_leaflet_append (ADW_LEAFLET (leaflet), sidebar);
  adw_leaflet_append (ADW_LEAFLET (leaflet), GTK_WIDGET (page));
  adw_leaflet_set_visible_child (ADW_LEAFLET (leaflet), GTK_WIDGET (page));
  gtk_window_set_child (GTK_WINDOW (f->window), leaflet);
  gtk_window_set_default_size (GTK_WINDOW (f->window), bound, 720);
  warta_archive_page_set_context (page, f->context);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (wait_until (model_ready, page));
  /* The context's first writes (the office's rules) read the list again
   * once: the scrolling below is of the list as it then stays. */
  {
    gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC / 2;

    while (g_get_monotonic_time () < until)
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
  }
  g_assert_true (wait_until (model_ready, page));
  warta_test_gui_wait_for_layout (f->window);
  g_assert_true (adw_leaflet_get_folded (ADW_LEAFLET (leaflet)));

  list = template_child (page, "list_view");
  list_stack = template_child (page, "list_stack");
  dossier = template_child (page, "dossier_stack");
  browse = template_child (page, "browse_box");
  actions = template_child (page, "actions_box");
  tools = template_child (page, "tools_button");
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list));

  /* The list alone, with the tools on one line beside the count, in the
   * page's width: one line is no taller than the Tools button. */
  g_assert_true (gtk_widget_get_mapped (list));
  g_assert_false (gtk_widget_get_visible (dossier));
  g_assert_true (gtk_widget_get_mapped (tools));
  g_assert_false (gtk_widget_get_mapped (template_child (page, "verify_button")));
  g_test_message ("tools row %d×%d in %d", gtk_widget_get_width (actions),
                  gtk_widget_get_height (actions), gtk_widget_get_width (GTK_WIDGET (page)));
  g_assert_cmpint (gtk_widget_get_width (actions), <=, gtk_widget_get_width (GTK_WIDGET (page)));
  g_assert_cmpint (gtk_widget_get_height (actions), <=, gtk_widget_get_height (tools));
  warta_test_gui_assert_fits_width (f->window, bound);
  warta_test_gui_assert_named_once (f->window);
  warta_test_gui_assert_mnemonics_unique (f->window);
  /* The menu has the buttons' actions, under their mnemonics. */
  {
    GMenuModel *menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (tools));
    const char *buttons[] = { "verify_button", "due_button", "export_range_button" };

    g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 1);
    menu = g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION);
    g_assert_cmpint (g_menu_model_get_n_items (menu), ==, G_N_ELEMENTS (buttons));
    for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
      {
        GtkWidget *button = template_child (page, buttons[i]);
        g_autofree char *label = NULL;
        g_autofree char *action = NULL;

        g_assert_true (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &label));
        g_assert_true (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s",
                                                        &action));
        g_assert_cmpstr (action, ==, gtk_actionable_get_action_name (GTK_ACTIONABLE (button)));
        g_assert_cmpstr (label, ==, gtk_label_get_label (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button)))));
      }
  }

  /* A row down the list, scrolled to. */
  gtk_widget_activate_action (list, "list.scroll-to-item", "u", loaded.position);
  warta_test_gui_wait_for_layout (f->window);
  g_assert_true (wait_until (row_loaded, &loaded));
  scrolled = gtk_adjustment_get_value (adjustment);
  g_assert_cmpfloat (scrolled, >, 0);
  item = g_list_model_get_item (G_LIST_MODEL (warta_archive_page_get_model (page)), loaded.position);
  title = g_strdup (warta_archive_item_get_title (item));
  check.title = title;

  for (guint way = 0; way < 3; way++)
    {
      g_signal_emit_by_name (list, "activate", loaded.position);
      g_assert_true (wait_until (dossier_titled, &check));
      warta_test_gui_wait_for_layout (f->window);
      if (way == 0)
        warta_test_gui_screenshot (f->window, "archive-page-narrow-dossier.png");
      /* The dossier in place of the list, with nearly all the height. */
      g_assert_false (gtk_widget_get_mapped (list));
      g_assert_false (gtk_widget_get_mapped (browse));
      g_assert_true (gtk_widget_get_mapped (dossier));
      g_test_message ("dossier %d of %d", gtk_widget_get_height (dossier),
                      gtk_widget_get_height (GTK_WIDGET (page)));
      g_assert_cmpint (gtk_widget_get_height (dossier), >=,
                       gtk_widget_get_height (GTK_WIDGET (page)) * 9 / 10);
      g_assert_cmpint (gtk_widget_get_height (template_child (page, "dossier_view")), >=,
                       gtk_widget_get_height (GTK_WIDGET (page)) * 2 / 3);
      g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), dossier));
      warta_test_gui_assert_fits_width (f->window, bound);

      /* Back, by the button, Alt+Left or Escape: the list as it was. */
      if (way == 0)
        g_assert_true (warta_archive_page_go_back (page));
      else
        g_assert_true (press_key (GTK_WIDGET (page), way == 1 ? GDK_KEY_Left : GDK_KEY_Escape,
                                  way == 1 ? GDK_ALT_MASK : 0));
      warta_test_gui_wait_for_layout (f->window);
      if (way == 0)
        warta_test_gui_screenshot (f->window, "archive-page-narrow-back.png");
      g_assert_true (gtk_widget_get_mapped (list));
      g_assert_true (gtk_widget_get_mapped (browse));
      g_assert_false (gtk_widget_get_visible (dossier));
      g_assert_cmpuint (selected_row (page), ==, loaded.position);
      g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_value (adjustment), scrolled, 1);
      g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), list_stack));
      /* With the list shown, the keys and Back are the window's again. */
      g_assert_false (press_key (GTK_WIDGET (page), GDK_KEY_Escape, 0));
      g_assert_false (warta_archive_page_go_back (page));
    }

  /* Wide: side by side as before, the row still selected, the tools as
   * buttons. */
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  warta_test_gui_wait_for_layout (f->window);
  g_assert_false (adw_leaflet_get_folded (ADW_LEAFLET (leaflet)));
  g_assert_true (gtk_widget_get_mapped (list));
  g_assert_true (gtk_widget_get_mapped (dossier));
  g_assert_true (gtk_widget_get_mapped (browse));
  g_assert_false (gtk_widget_get_mapped (tools));
  g_assert_true (gtk_widget_get_mapped (template_child (page, "verify_button")));
  g_assert_true (dossier_titled (&check));
  g_assert_cmpuint (selected_row (page), ==, loaded.position);
  {
    graphene_rect_t list_bounds, dossier_bounds;

    g_assert_true (gtk_widget_compute_bounds (list_stack, GTK_WIDGET (page), &list_bounds));
    g_assert_true (gtk_widget_compute_bounds (dossier, GTK_WIDGET (page), &dossier_bounds));
    g_assert_cmpfloat (dossier_bounds.origin.x, >=, list_bounds.origin.x + list_bounds.size.width);
    g_assert_cmpfloat (dossier_bounds.origin.y, ==, list_bounds.origin.y);
  }
  warta_test_gui_screenshot (f->window, "archive-page-wide.png");
  /* Beside the list, the keys are the window's. */
  g_assert_false (press_key (GTK_WIDGET (page), GDK_KEY_Left, GDK_ALT_MASK));
}

static gboolean
report_ready (gpointer data)
{
  return warta_reports_page_get_report (data) != NULL;
}

static GtkStack *
report_stack (WartaReportsPage *page)
{
  return GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (page), WARTA_TYPE_REPORTS_PAGE,
                                                   "content_stack"));
}

static void
test_report_page (Fixture       *f,
                  gconstpointer  data)
{
  WartaReportsPage *page = WARTA_REPORTS_PAGE (warta_reports_page_new ());
  GtkWidget *button;

  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (page));
  warta_reports_page_set_context (page, f->context);
  gtk_window_present (GTK_WINDOW (f->window));

  /* Shown, the page makes this month's report by itself. */
  g_assert_true (wait_until (report_ready, page));
  /* LC_ALL=C.UTF-8: the English label. Made again for the period chosen. */
  button = warta_test_gui_find_button (GTK_WIDGET (page), "_Make Report");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (wait_until (report_ready, page));
  g_assert_cmpuint (warta_report_get_n_published (warta_reports_page_get_report (page)), >, 0);
  /* The figures say how a scheduled post's step 5 is counted. */
  {
    GtkLabel *details = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (page),
                                                                  WARTA_TYPE_REPORTS_PAGE,
                                                                  "details_label"));

    g_assert_nonnull (strstr (gtk_label_get_label (details), warta_report_get_scheduled_rule ()));
    g_assert_cmpstr (gtk_stack_get_visible_child_name (report_stack (page)), ==, "report");
    /* The figures list the first 50 overdue cases and say how many more
     * there are, and where: "Overdue cases: 1121" over 50 lines read as a
     * list cut off by mistake. */
    {
      const GPtrArray *overdue = warta_report_get_overdue (warta_reports_page_get_report (page));
      g_autofree char *more = NULL;

      g_assert_cmpuint (overdue->len, >, 50);
      more = g_strdup_printf ("… and %u more: see the CSV export.", overdue->len - 50);
      g_assert_nonnull (strstr (gtk_label_get_label (details), more));
    }
  }
  warta_test_gui_wait_for_layout (f->window);
  warta_test_gui_screenshot (f->window, "reports-page.png");
  /* The month is named, not a bare "6"; a semester is its number. */
  {
    GtkWidget *index = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (page),
                                                                  WARTA_TYPE_REPORTS_PAGE,
                                                                  "index_spin"));
    GtkDropDown *period = GTK_DROP_DOWN (gtk_widget_get_template_child (GTK_WIDGET (page),
                                                                        WARTA_TYPE_REPORTS_PAGE,
                                                                        "period_dropdown"));

    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (index)), ==, "June");
    /* Typed, a name or a number. */
    gtk_editable_set_text (GTK_EDITABLE (index), "march");
    gtk_spin_button_update (GTK_SPIN_BUTTON (index));
    g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (index)), ==, 3);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (index)), ==, "March");
    gtk_editable_set_text (GTK_EDITABLE (index), "6");
    gtk_spin_button_update (GTK_SPIN_BUTTON (index));
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (index)), ==, "June");
    gtk_drop_down_set_selected (period, WARTA_REPORT_SEMESTER);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (index)), ==, "2");
    gtk_drop_down_set_selected (period, WARTA_REPORT_MONTH);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (index)), ==, "February");
  }
  /* The charts are drawn in light and in dark. */
  for (int i = 0; i < 5; i++)
    g_main_context_iteration (NULL, FALSE);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  for (int i = 0; i < 5; i++)
    g_main_context_iteration (NULL, FALSE);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  /* Another database opened while the page is shown: its own report, at
   * once (an empty one here), not a blank page. */
  {
    g_autofree char *path = g_build_filename (f->dir, "other.db", NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(WartaDatabase) db = warta_database_open (path, WARTA_JOURNAL_MODE_AUTOMATIC,
                                                       WARTA_DATABASE_FLAGS_NONE, &error);
    g_autoptr(WartaContext) other = NULL;

    g_assert_no_error (error);
    warta_database_set_poll_interval (db, 0);
    other = warta_context_new (db, f->settings);
    warta_clock_freeze (warta_context_get_clock (other), T0);
    warta_reports_page_set_context (page, other);
    g_assert_true (wait_until (report_ready, page));
    g_assert_cmpuint (warta_report_get_n_published (warta_reports_page_get_report (page)), ==, 0);
    /* Nothing happened in the period: one page that says so, which
     * period, and what to do, not a chart of zeros; it can still be saved. */
    {
      AdwStatusPage *empty =
        ADW_STATUS_PAGE (gtk_widget_get_template_child (GTK_WIDGET (page), WARTA_TYPE_REPORTS_PAGE,
                                                        "empty_page"));
      g_autofree char *title = warta_report_dup_title (warta_reports_page_get_report (page));

      g_assert_cmpstr (gtk_stack_get_visible_child_name (report_stack (page)), ==, "empty");
      g_assert_cmpstr (adw_status_page_get_title (empty), ==, "Nothing in This Period");
      g_assert_true (g_str_has_prefix (adw_status_page_get_description (empty), title));
      g_assert_nonnull (strstr (adw_status_page_get_description (empty), "Choose another period"));
      g_assert_true (gtk_widget_get_sensitive (warta_test_gui_find_button (GTK_WIDGET (page),
                                                                           "Export _PDF…")));
      warta_test_gui_wait_for_layout (f->window);
      warta_test_gui_screenshot (f->window, "reports-page-empty.png");
    }
    /* No stay ended in any step: no mean time of "0 min" nobody took. */
    for (guint step = 1; step <= WARTA_N_STEPS; step++)
      {
        WartaReport *report = warta_reports_page_get_report (page);
        g_autofree char *text = _warta_reports_page_dup_step_text (warta_report_get_step (report,
                                                                                          step));

        g_assert_cmpstr (text, ==, "no cases");
      }
    /* One corrected publication is one, not "1 publications". */
    {
      g_autofree char *one = _warta_reports_page_dup_corrections_text (2, 1);
      g_autofree char *many = _warta_reports_page_dup_corrections_text (914, 458);

      g_assert_cmpstr (one, ==, "Correction rounds: 2, in 1 publication");
      g_assert_cmpstr (many, ==, "Correction rounds: 914, in 458 publications");
    }
    warta_reports_page_set_context (page, NULL);
    g_clear_object (&other);
    g_clear_object (&db);
    for (const char *suffix = ""; suffix != NULL;
         suffix = g_str_equal (suffix, "") ? "-wal" : g_str_equal (suffix, "-wal") ? "-shm" : NULL)
      {
        g_autofree char *file = g_strconcat (path, suffix, NULL);

        g_unlink (file);
      }
  }
}


/* Puts @page in a new toast overlay, as in the main window; the toasts of
 * an earlier one go with it. */
static void
put_in_overlay (Fixture   *f,
                GtkWidget *page)
{
  GtkWidget *overlay = adw_toast_overlay_new ();
  GtkWidget *old = gtk_widget_get_parent (page);

  g_object_ref (page);
  if (ADW_IS_TOAST_OVERLAY (old))
    adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (old), NULL);
  else if (old != NULL)
    gtk_window_set_child (GTK_WINDOW (f->window), NULL);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), page);
  gtk_window_set_child (GTK_WINDOW (f->window), overlay);
  g_object_unref (page);
}

typedef struct
{
  GtkWidget *top;
  GtkWidget *button;
} ButtonCheck;

static gboolean
folder_button_shown (gpointer data)
{
  ButtonCheck *check = data;

  check->button = warta_test_gui_find_button (check->top, "_Open Folder");
  return check->button != NULL;
}

/* The Open Folder button of the toast shown in @f's window, which opens
 * @folder through the window's action. */
static void
assert_opens_folder (Fixture    *f,
                     const char *folder)
{
  g_autoptr(GFile) file = g_file_new_for_path (folder);
  g_autofree char *uri = g_file_get_uri (file);
  ButtonCheck check = { f->window, NULL };
  GVariant *target;

  g_assert_true (wait_until (folder_button_shown, &check));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (check.button)), ==,
                   "win.open-folder");
  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (check.button));
  g_assert_nonnull (target);
  g_assert_cmpstr (g_variant_get_string (target, NULL), ==, uri);
}

static gboolean
file_in_folder (gpointer data)
{
  g_autoptr(GDir) dir = g_dir_open (data, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".zip"))
      return TRUE;
  return FALSE;
}

/* An export's toast, and a saved report's, offer to open the folder the
 * files went to: the folder chosen, for a zip too. */
/* @page in @f's window (with a toast overlay), its first item's dossier
 * shown: what an export exports. */
static void
present_first_dossier (Fixture          *f,
                       WartaArchivePage *page)
{
  g_autoptr(WartaArchiveItem) first = NULL;
  g_autofree char *title = NULL;
  RowCheck check = { page, NULL };

  put_in_overlay (f, GTK_WIDGET (page));
  warta_archive_page_set_context (page, f->context);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (wait_until (model_ready, page));
  first = g_list_model_get_item (G_LIST_MODEL (warta_archive_page_get_model (page)), 0);
  title = g_strdup (warta_archive_item_get_title (first));
  check.title = title;
  g_signal_emit_by_name (template_child (page, "list_view"), "activate", 0);
  g_assert_true (wait_until (dossier_titled, &check));
}

static void
test_open_folder_toasts (Fixture       *f,
                         gconstpointer  data)
{
  WartaArchivePage *page = WARTA_ARCHIVE_PAGE (warta_archive_page_new ());
  WartaReportsPage *reports;
  g_autofree char *folder = g_build_filename (f->dir, "ekspor", NULL);
  g_autofree char *zip_folder = g_build_filename (f->dir, "zip", NULL);
  g_autofree char *report_folder = g_build_filename (f->dir, "laporan", NULL);
  g_autofree char *report = g_build_filename (report_folder, "laporan.pdf", NULL);
  g_autofree char *manifest = g_build_filename (folder, "manifest.json", NULL);
  g_autoptr(GFile) folder_file = g_file_new_for_path (folder);
  g_autoptr(GFile) zip_file = g_file_new_for_path (zip_folder);
  g_autoptr(GFile) report_file = g_file_new_for_path (report);

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (zip_folder, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (report_folder, 0700), ==, 0);
  present_first_dossier (f, page);

  _warta_archive_page_export_to (page, folder_file, FALSE, FALSE);
  /* While it runs, the page says so, and another export waits: nothing
   * showed before the result came, and Export could be pressed again. */
  {
    GtkWidget *export = template_child (page, "export_button");

    g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (export)), ==, "Exporting…");
    g_assert_false (gtk_widget_get_sensitive (export));
    g_assert_false (gtk_widget_get_sensitive (template_child (page, "export_range_button")));
    warta_test_gui_screenshot (f->window, "archive-page-exporting.png");
    assert_opens_folder (f, folder);
    g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (export)), ==, "E_xport…");
    g_assert_true (gtk_widget_get_sensitive (export));
    g_assert_true (gtk_widget_get_sensitive (template_child (page, "export_range_button")));
  }
  g_assert_true (g_file_test (manifest, G_FILE_TEST_IS_REGULAR));

  put_in_overlay (f, GTK_WIDGET (page));
  _warta_archive_page_export_to (page, zip_file, TRUE, FALSE);
  assert_opens_folder (f, zip_folder);
  g_assert_true (file_in_folder (zip_folder));

  reports = WARTA_REPORTS_PAGE (warta_reports_page_new ());
  warta_reports_page_set_context (reports, f->context);
  put_in_overlay (f, GTK_WIDGET (reports));
  g_assert_true (wait_until (report_ready, reports));
  _warta_reports_page_save_to (reports, report_file, TRUE);
  assert_opens_folder (f, report_folder);
  g_assert_true (g_file_test (report, G_FILE_TEST_IS_REGULAR));

  archive_remove_tree (folder);
  archive_remove_tree (zip_folder);
  archive_remove_tree (report_folder);
}

/* A failure's dialog: transient for @f's window, with @heading. */
typedef struct
{
  Fixture    *f;
  const char *heading;
} DialogCheck;

static AdwMessageDialog *
failure_dialog (DialogCheck *check)
{
  GtkWindow *found = warta_test_gui_find_message_dialog (check->heading);

  if (found == NULL || gtk_window_get_transient_for (found) != GTK_WINDOW (check->f->window))
    return NULL;
  return ADW_MESSAGE_DIALOG (found);
}

static gboolean
failure_shown (gpointer data)
{
  return failure_dialog (data) != NULL;
}

/* An export or a report that could not be written is said whole, in a
 * dialog whose Return closes it: a toast showed one line, and cut off
 * what to do after a long path. Nothing says it was done. */
static void
test_failures_said (Fixture       *f,
                    gconstpointer  data)
{
  WartaArchivePage *page = WARTA_ARCHIVE_PAGE (warta_archive_page_new ());
  WartaReportsPage *reports;
  g_autofree char *plain = g_build_filename (f->dir, "not-a-folder", NULL);
  g_autofree char *inside = g_build_filename (plain, "ekspor", NULL);
  g_autofree char *report = g_build_filename (plain, "laporan.pdf", NULL);
  g_autoptr(GFile) inside_file = g_file_new_for_path (inside);
  g_autoptr(GFile) report_file = g_file_new_for_path (report);
  DialogCheck check = { f, "Archive Not Exported" };
  AdwMessageDialog *dialog;

  g_assert_true (g_file_set_contents (plain, "a file, not a folder", -1, NULL));
  present_first_dossier (f, page);

  _warta_archive_page_export_to (page, inside_file, FALSE, FALSE);
  g_assert_true (wait_until (failure_shown, &check));
  dialog = failure_dialog (&check);
  g_assert_cmpuint (strlen (adw_message_dialog_get_body (dialog)), >, 0);
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "close");
  /* Export can be pressed again, and nothing was written. */
  g_assert_true (gtk_widget_get_sensitive (template_child (page, "export_button")));
  g_assert_false (g_file_test (inside, G_FILE_TEST_EXISTS));
  gtk_window_destroy (GTK_WINDOW (dialog));

  reports = WARTA_REPORTS_PAGE (warta_reports_page_new ());
  warta_reports_page_set_context (reports, f->context);
  put_in_overlay (f, GTK_WIDGET (reports));
  g_assert_true (wait_until (report_ready, reports));
  check.heading = "Report Not Saved";
  _warta_reports_page_save_to (reports, report_file, TRUE);
  g_assert_true (wait_until (failure_shown, &check));
  dialog = failure_dialog (&check);
  g_assert_cmpuint (strlen (adw_message_dialog_get_body (dialog)), >, 0);
  g_assert_false (g_file_test (report, G_FILE_TEST_EXISTS));
  warta_test_gui_screenshot (GTK_WIDGET (dialog), "report-not-saved.png");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_unlink (plain);
}

/* Record Disposition is offered to whom the database lets record it:
 * nobody before sign-in, the social media admin and the approver after.
 * Someone whose roles another workstation changed meanwhile is told by
 * the database who may, and nothing goes into the history. */
static void
test_disposition (Fixture       *f,
                  gconstpointer  data)
{
  WartaArchivePage *page = WARTA_ARCHIVE_PAGE (warta_archive_page_new ());
  WartaUserRepository *users = warta_context_get_users (f->context);
  g_autoptr(WartaUser) head = NULL;
  g_autoptr(WartaUser) user = NULL;
  g_autoptr(WartaUser) changed = NULL;
  g_autoptr(GError) error = NULL;
  DialogCheck check = { f, "Record Disposition" };
  AdwMessageDialog *dialog;
  GtkWidget *button;
  gint64 before;

  present_first_dossier (f, page);
  button = template_child (page, "dispose_button");
  g_assert_false (gtk_widget_get_visible (button));

  /* The sample's second person holds every role of the SOP. */
  head = warta_user_repository_get (users, 1, &error);
  g_assert_no_error (error);
  user = warta_user_repository_get (users, 2, &error);
  g_assert_no_error (error);
  warta_context_set_current_user (f->context, user);
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_true (gtk_widget_get_sensitive (button));

  before = warta_event_log_count (f->db, "disposition", NULL);
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (wait_until (failure_shown, &check));
  dialog = failure_dialog (&check);
  adw_message_dialog_response (dialog, "keep");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpint (warta_event_log_count (f->db, "disposition", NULL), ==, before + 1);

  /* Another workstation leaves them only the verifier's role, while the
   * window still knows them as they were. */
  changed = warta_user_repository_update_user (users, head, warta_user_get_id (user),
                                               warta_user_get_version (user),
                                               warta_user_get_display_name (user),
                                               WARTA_ROLE_VERIFIER, FALSE, TRUE, &error);
  g_assert_no_error (error);
  g_assert_true (gtk_widget_get_visible (button));
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (wait_until (failure_shown, &check));
  dialog = failure_dialog (&check);
  adw_message_dialog_response (dialog, "destroy");
  gtk_window_destroy (GTK_WINDOW (dialog));
  check.heading = "Disposition Not Recorded";
  g_assert_true (wait_until (failure_shown, &check));
  dialog = failure_dialog (&check);
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   "Only the social media admin or the approver records what the records "
                   "schedule (JRA) decides for an item. Ask one of them to record it.");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpint (warta_event_log_count (f->db, "disposition", NULL), ==, before + 1);

  /* Signed in again with the roles as they are now: no button. */
  warta_context_set_current_user (f->context, changed);
  g_assert_false (gtk_widget_get_visible (button));
}

static void
test_no_display (void)
{
  g_test_skip ("No display: run under xvfb-run");
}


/* A window with the archive's rows, and the keyboard ready to be pressed. */
static WartaArchivePage *
present_for_keys (Fixture *f)
{
  WartaArchivePage *page = WARTA_ARCHIVE_PAGE (warta_archive_page_new ());

  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (page));
  warta_archive_page_set_context (page, f->context);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (wait_until (model_ready, page));
  warta_test_gui_wait_for_layout (f->window);
  return page;
}

/* Tab from the tools reaches a row of the list, and Down the next row,
 * as real keys: GTK 4.8 gives the focus only to rows that can be
 * selected, and Tab stopped on the scrolled window, the arrows dead.
 * Moving there does not mark another row as the one shown. */
static void
test_list_keys (Fixture       *f,
                gconstpointer  data)
{
  WartaArchivePage *page;
  GtkWidget *list, *focus, *row;
  GtkSelectionModel *selection;

  if (!warta_test_gui_can_press_keys ())
    {
      g_test_skip ("no X display or no xdotool");
      return;
    }
  page = present_for_keys (f);
  list = template_child (page, "list_view");
  selection = gtk_list_view_get_model (GTK_LIST_VIEW (list));

  gtk_widget_grab_focus (template_child (page, "export_range_button"));
  row = warta_test_gui_press_keys (f->window, "Tab");
  g_assert_true (gtk_widget_is_ancestor (row, list));
  focus = warta_test_gui_press_keys (f->window, "Down");
  g_assert_true (gtk_widget_is_ancestor (focus, list));
  g_assert_true (focus != row);
  /* Only opening a row marks it. */
  g_assert_true (gtk_bitset_is_empty (gtk_selection_model_get_selection (selection)));
}

/* From the search, Down or Enter goes to a row of the results, as real
 * keys: Down went to the From date below it, Enter nowhere, and the list
 * was fifteen Tabs away. */
static void
test_search_keys (Fixture       *f,
                  gconstpointer  data)
{
  WartaArchivePage *page;
  GtkWidget *search, *list, *focus;
  const char *keys[] = { "Down", "Return" };

  if (!warta_test_gui_can_press_keys ())
    {
      g_test_skip ("no X display or no xdotool");
      return;
    }
  page = present_for_keys (f);
  search = template_child (page, "search_entry");
  list = template_child (page, "list_view");

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      gtk_widget_grab_focus (search);
      focus = warta_test_gui_press_keys (f->window, keys[i]);
      g_assert_true (gtk_widget_is_ancestor (focus, list));
    }
}

int
main (int   argc,
      char *argv[])
{
  warta_test_gui_init (&argc, &argv);
  page_messages = g_ptr_array_new_with_free_func (g_free);
  warta_test_gui_watch_log (record_writer, NULL);

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_test_add_func ("/warta/archive-page/no-display", test_no_display);
      return g_test_run ();
    }

  adw_init ();
  g_test_add ("/warta/archive-page/list-keys", Fixture, NULL,
              fixture_set_up, test_list_keys, fixture_tear_down);
  g_test_add ("/warta/archive-page/search-keys", Fixture, NULL,
              fixture_set_up, test_search_keys, fixture_tear_down);
  g_test_add ("/warta/archive-page/rows-appear", Fixture, NULL,
              fixture_set_up, test_rows_appear, fixture_tear_down);
  g_test_add ("/warta/archive-page/filters", Fixture, NULL,
              fixture_set_up, test_filters, fixture_tear_down);
  g_test_add ("/warta/archive-page/export-range-refused", Fixture, NULL,
              fixture_set_up, test_export_range_refused, fixture_tear_down);
  g_test_add ("/warta/archive-page/range-button-whole", Fixture, NULL,
              fixture_set_up, test_range_button_whole, fixture_tear_down);
  g_test_add ("/warta/archive-page/range-button-whole/id", Fixture, "id",
              fixture_set_up, test_range_button_whole, fixture_tear_down);
  g_test_add ("/warta/archive-page/search-hint-whole", Fixture, NULL,
              fixture_set_up, test_search_hint_whole, fixture_tear_down);
  g_test_add ("/warta/archive-page/search-hint-whole/id", Fixture, "id",
              fixture_set_up, test_search_hint_whole, fixture_tear_down);
  g_test_add ("/warta/archive-page/narrow-navigation", Fixture, NULL,
              fixture_set_up, test_narrow_navigation, fixture_tear_down);
  g_test_add ("/warta/archive-page/dossier-cleared", Fixture, NULL,
              fixture_set_up, test_dossier_cleared, fixture_tear_down);
  g_test_add ("/warta/archive-page/empty-archive", Fixture, "empty",
              fixture_set_up, test_empty_states, fixture_tear_down);
  g_test_add ("/warta/archive-page/no-match", Fixture, NULL,
              fixture_set_up, test_empty_states, fixture_tear_down);
  g_test_add ("/warta/archive-page/disposition", Fixture, NULL,
              fixture_set_up, test_disposition, fixture_tear_down);
  g_test_add ("/warta/archive-page/failures-said", Fixture, NULL,
              fixture_set_up, test_failures_said, fixture_tear_down);
  g_test_add ("/warta/archive-page/report", Fixture, NULL,
              fixture_set_up, test_report_page, fixture_tear_down);
  g_test_add ("/warta/archive-page/open-folder-toasts", Fixture, NULL,
              fixture_set_up, test_open_folder_toasts, fixture_tear_down);

  return g_test_run ();
}
