/* test-date-popover.c: the calendar beside a typed date, in a real window
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "warta-test-gui.h"
#include "warta-date-popover.h"

/* 2026-03-14 02:30 UTC: 09:30 in Jakarta. */
#define T0 (G_GINT64_CONSTANT (1773455400) * G_USEC_PER_SEC)

typedef struct
{
  WartaClock    *clock;
  GtkWidget     *window;
  GtkEditable   *entry;
  GtkMenuButton *button;
  GtkPopover    *popover;
  GtkCalendar   *calendar;
  GtkSpinButton *hour;
  GtkSpinButton *minute;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  gboolean with_time = GPOINTER_TO_INT (data);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  f->clock = warta_clock_new (WARTA_DEFAULT_TIME_ZONE);
  warta_clock_freeze (f->clock, T0);
  f->window = gtk_window_new ();
  f->entry = GTK_EDITABLE (gtk_entry_new ());
  f->button = GTK_MENU_BUTTON (warta_date_popover_new_button (f->entry, with_time, f->clock));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (f->entry));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (f->button));
  gtk_window_set_child (GTK_WINDOW (f->window), box);
  gtk_window_present (GTK_WINDOW (f->window));

  f->popover = gtk_menu_button_get_popover (f->button);
  g_assert_true (WARTA_IS_DATE_POPOVER (f->popover));
  f->calendar = GTK_CALENDAR (warta_test_gui_find_named (GTK_WIDGET (f->popover),
                                                         GTK_TYPE_CALENDAR, NULL));
  g_assert_nonnull (f->calendar);
  f->hour = (GtkSpinButton *) warta_test_gui_find_named (GTK_WIDGET (f->popover),
                                                         GTK_TYPE_SPIN_BUTTON, NULL);
  if (f->hour != NULL)
    f->minute = GTK_SPIN_BUTTON (gtk_widget_get_next_sibling (
                                   gtk_widget_get_next_sibling (GTK_WIDGET (f->hour))));
  g_assert_true ((f->hour != NULL) == with_time);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->clock);
}

static void
open_popover (Fixture *f)
{
  gtk_menu_button_popup (f->button);
  WARTA_TEST_GUI_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (f->popover)));
}

static void
close_popover (Fixture *f)
{
  gtk_popover_popdown (f->popover);
  WARTA_TEST_GUI_WAIT_FOR (!gtk_widget_get_mapped (GTK_WIDGET (f->popover)));
}

static gboolean
has_target (GtkPopover *popover)
{
  g_autoptr(GObject) target = NULL;

  g_object_get (popover, "target", &target, NULL);
  return target != NULL;
}

static void
assert_shown (Fixture *f,
              int      year,
              int      month,
              int      day,
              int      hour,
              int      minute)
{
  g_autoptr(GDateTime) shown = gtk_calendar_get_date (f->calendar);

  g_assert_cmpint (g_date_time_get_year (shown), ==, year);
  g_assert_cmpint (g_date_time_get_month (shown), ==, month);
  g_assert_cmpint (g_date_time_get_day_of_month (shown), ==, day);
  if (f->hour != NULL)
    {
      g_assert_cmpint (gtk_spin_button_get_value_as_int (f->hour), ==, hour);
      g_assert_cmpint (gtk_spin_button_get_value_as_int (f->minute), ==, minute);
      /* As the entry writes them: two digits; and the office's zone. */
      g_assert_cmpuint (strlen (gtk_editable_get_text (GTK_EDITABLE (f->minute))), ==, 2);
      g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (gtk_widget_get_next_sibling (GTK_WIDGET (f->minute)))),
                       ==, "WIB");
    }
}

static void
select_day (Fixture *f,
            int      year,
            int      month,
            int      day)
{
  g_autoptr(GDateTime) date = g_date_time_new_local (year, month, day, 0, 0, 0);

  gtk_calendar_select_day (f->calendar, date);
}

static gboolean
press_enter (Fixture *f)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (f->popover));
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", GDK_KEY_Return, 36, 0, &handled);
    }
  return handled;
}

/* It opens on the entry's date and time; what is picked is written back
 * at once, in the entry's format. */
static void
test_date_and_time (Fixture       *f,
                    gconstpointer  data)
{
  gtk_editable_set_text (f->entry, "2026-03-14 09:30");
  open_popover (f);
  assert_shown (f, 2026, 3, 14, 9, 30);
  g_assert_cmpstr (gtk_editable_get_text (f->entry), ==, "2026-03-14 09:30");

  select_day (f, 2026, 4, 2);
  g_assert_cmpstr (gtk_editable_get_text (f->entry), ==, "2026-04-02 09:30");
  gtk_spin_button_set_value (f->hour, 14);
  g_assert_cmpstr (gtk_editable_get_text (f->entry), ==, "2026-04-02 14:30");
  gtk_spin_button_set_value (f->minute, 5);
  g_assert_cmpstr (gtk_editable_get_text (f->entry), ==, "2026-04-02 14:05");
  close_popover (f);

  /* Typed again, and opened again: the typed date is shown. */
  gtk_editable_set_text (f->entry, "2027-01-31 23:59");
  open_popover (f);
  assert_shown (f, 2027, 1, 31, 23, 59);
  close_popover (f);
  g_assert_cmpstr (gtk_editable_get_text (f->entry), ==, "2027-01-31 23:59");
}

/* An empty, impossible or half-written entry opens on now in the office's
 * time zone, and is left as it is until something is picked or Enter is
 * pressed. */
static void
test_no_date_yet (Fixture       *f,
                  gconstpointer  data)
{
  const char *texts[] = { "", "besok pagi", "2026-02-30 10:00", "2026-03-20 25:00", "2026-03-20 10" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      gtk_editable_set_text (f->entry, texts[i]);
      open_popover (f);
      assert_shown (f, 2026, 3, 14, 9, 30);
      g_assert_cmpstr (gtk_editable_get_text (f->entry), ==, texts[i]);
      close_popover (f);
    }

  /* A day without a time is that day's midnight. */
  gtk_editable_set_text (f->entry, "2026-03-20");
  open_popover (f);
  assert_shown (f, 2026, 3, 20, 0, 0);
  close_popover (f);

  /* Enter takes what is shown, and closes. */
  gtk_editable_set_text (f->entry, "");
  open_popover (f);
  g_assert_true (press_enter (f));
  g_assert_cmpstr (gtk_editable_get_text (f->entry), ==, "2026-03-14 09:30");
  close_popover (f);
}

/* Without a time: dates alone, and a date with a time is not one. */
static void
test_date_only (Fixture       *f,
                gconstpointer  data)
{
  gtk_editable_set_text (f->entry, "2025-06-18");
  open_popover (f);
  assert_shown (f, 2025, 6, 18, 0, 0);
  select_day (f, 2025, 6, 20);
  g_assert_cmpstr (gtk_editable_get_text (f->entry), ==, "2025-06-20");
  close_popover (f);

  gtk_editable_set_text (f->entry, "2025-06-18 10:00");
  open_popover (f);
  assert_shown (f, 2026, 3, 14, 0, 0);
  g_assert_true (press_enter (f));
  g_assert_cmpstr (gtk_editable_get_text (f->entry), ==, "2026-03-14");
}

/* The button is named for a screen reader; the popover holds no
 * reference to the entry, which may go first. */
static void
test_entry_goes_first (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GtkEditable) target = NULL;
  const char *tooltip = gtk_widget_get_tooltip_text (GTK_WIDGET (f->button));

  g_assert_cmpstr (tooltip, ==, "Choose the date and time");
  g_object_get (f->popover, "target", &target, NULL);
  g_assert_true (target == f->entry);
  g_clear_object (&target);

  gtk_box_remove (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (f->entry))), GTK_WIDGET (f->entry));
  /* Gone once GTK lets go of it (the window's focus, at its next frame). */
  WARTA_TEST_GUI_WAIT_FOR (!has_target (f->popover));
  f->entry = NULL;

  open_popover (f);
  assert_shown (f, 2026, 3, 14, 9, 30);
  select_day (f, 2026, 3, 15);
  g_assert_true (press_enter (f));
}

/* Whether @widget lies wholly in what @scroller shows. */
static gboolean
shown_in (GtkWidget *widget,
          GtkWidget *scroller)
{
  graphene_rect_t bounds;

  return gtk_widget_compute_bounds (widget, scroller, &bounds) && bounds.origin.y >= 0 &&
         bounds.origin.y + bounds.size.height <= gtk_widget_get_height (scroller);
}

/* In the smallest window GNOME makes (360 by 600), wherever the entry
 * is, the popover stays inside the window: above the entry when there is
 * more room there, its contents scrolled when it fits neither way. */
static void
test_small_window (void)
{
  static const int above[] = { 8, 150, 280, 420, 540 };
  g_autoptr(WartaClock) clock = warta_clock_new (WARTA_DEFAULT_TIME_ZONE);

  warta_clock_freeze (clock, T0);
  for (guint i = 0; i < G_N_ELEMENTS (above); i++)
    {
      GtkWidget *window = gtk_window_new ();
      GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      GtkWidget *spacer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *entry = gtk_entry_new ();
      GtkWidget *button = warta_date_popover_new_button (GTK_EDITABLE (entry), TRUE, clock);
      GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
      GdkSurface *window_surface;
      GdkSurface *surface;
      int top;
      int bottom;

      gtk_widget_set_size_request (spacer, -1, above[i]);
      gtk_widget_set_vexpand (row, FALSE);
      gtk_box_append (GTK_BOX (row), entry);
      gtk_box_append (GTK_BOX (row), button);
      gtk_box_append (GTK_BOX (column), spacer);
      gtk_box_append (GTK_BOX (column), row);
      gtk_window_set_child (GTK_WINDOW (window), column);
      gtk_window_set_default_size (GTK_WINDOW (window), 360, 600);
      gtk_window_set_resizable (GTK_WINDOW (window), FALSE);
      gtk_window_present (GTK_WINDOW (window));
      warta_test_gui_wait_for_layout (window);

      gtk_editable_set_text (GTK_EDITABLE (entry), "2026-03-14 09:30");
      gtk_menu_button_popup (GTK_MENU_BUTTON (button));
      WARTA_TEST_GUI_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (popover)));
      warta_test_gui_wait_for_layout (GTK_WIDGET (popover));

      window_surface = gtk_native_get_surface (GTK_NATIVE (window));
      surface = gtk_native_get_surface (GTK_NATIVE (popover));
      top = gdk_popup_get_position_y (GDK_POPUP (surface));
      bottom = top + gdk_surface_get_height (surface);
      g_test_message ("entry %d px down: popover from %d to %d of %d", above[i], top, bottom,
                      gdk_surface_get_height (window_surface));
      g_assert_cmpint (gdk_surface_get_height (window_surface), ==, 600);
      g_assert_cmpint (top, >=, 0);
      g_assert_cmpint (bottom, <=, 600);
      if (i == 2)
        {
          /* Room for neither side: the time below the calendar is
           * scrolled to when Tab reaches it. */
          GtkWidget *scroller = warta_test_gui_find_named (GTK_WIDGET (popover),
                                                           GTK_TYPE_SCROLLED_WINDOW, NULL);
          GtkWidget *hour = warta_test_gui_find_named (GTK_WIDGET (popover),
                                                       GTK_TYPE_SPIN_BUTTON, NULL);

          warta_test_gui_screenshot (GTK_WIDGET (popover), "date-popover-scrolled.png");
          g_assert_false (shown_in (hour, scroller));
          gtk_widget_grab_focus (hour);
          WARTA_TEST_GUI_WAIT_FOR (shown_in (hour, scroller));
          warta_test_gui_screenshot (GTK_WIDGET (popover), "date-popover-scrolled-time.png");
        }

      gtk_popover_popdown (popover);
      WARTA_TEST_GUI_WAIT_FOR (!gtk_widget_get_mapped (GTK_WIDGET (popover)));
      gtk_window_destroy (GTK_WINDOW (window));
    }
}

/* The calendar names its months and days in Warta's language, as the
 * dates beside it do, not in the system's (English here, C.UTF-8, as on
 * a Debian without id_ID). */
static void
test_calendar_names (void)
{
  static const char * const indonesian[] = { "Maret", "Januari", "Desember", "Min", "Sen", "Sab" };
  static const char * const english[] = { "March", "January", "December", "Sun", "Mon", "Sat" };
  GtkWidget *entry = g_object_ref_sink (gtk_entry_new ());
  GtkWidget *popover;

  warta_test_gui_set_language ("id");
  popover = g_object_ref_sink (warta_date_popover_new (GTK_EDITABLE (entry), TRUE, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (indonesian); i++)
    {
      g_test_message ("%s", indonesian[i]);
      g_assert_nonnull (warta_test_gui_find_label (popover, indonesian[i]));
      g_assert_null (warta_test_gui_find_label (popover, english[i]));
    }
  g_object_unref (popover);

  warta_test_gui_set_language (NULL);
  popover = g_object_ref_sink (warta_date_popover_new (GTK_EDITABLE (entry), TRUE, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (english); i++)
    g_assert_nonnull (warta_test_gui_find_label (popover, english[i]));
  g_object_unref (popover);
  g_object_unref (entry);
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
  warta_test_gui_init (&argc, &argv);

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_test_add_func ("/warta/date-popover/no-display", test_no_display);
      return g_test_run ();
    }

  adw_init ();
  g_test_add ("/warta/date-popover/date-and-time", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_date_and_time, fixture_tear_down);
  g_test_add ("/warta/date-popover/no-date-yet", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_no_date_yet, fixture_tear_down);
  g_test_add ("/warta/date-popover/date-only", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_date_only, fixture_tear_down);
  g_test_add ("/warta/date-popover/entry-goes-first", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_entry_goes_first, fixture_tear_down);
  g_test_add_func ("/warta/date-popover/small-window", test_small_window);
  g_test_add_func ("/warta/date-popover/calendar-names", test_calendar_names);
  return g_test_run ();
}
