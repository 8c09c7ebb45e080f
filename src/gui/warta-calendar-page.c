/* warta-calendar-page.c: a month of activities and posts
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GtkCalendar marks the days of the shown month that have an activity
 * (its "Kapan"), a scheduled post or a published one; the list below shows
 * the selected day's, through a GtkFilterListModel over the month's model
 * from the repository. Days are counted in the clock's time zone (WIB by
 * default), whatever the computer's.
 */
#define G_LOG_DOMAIN "warta-calendar-page"

#include "config.h"

#include <glib/gi18n.h>

#include "warta-calendar-page.h"
#include "warta-clock.h"
#include "warta-date-popover.h"
#include "warta-list-focus.h"

struct _WartaCalendarPage
{
  AdwBin              parent_instance;

  /* Template widgets */
  GtkCalendar        *calendar;
  GtkLabel           *day_label;
  GtkStack           *day_stack;
  GtkListView        *day_list;
  GtkLabel           *empty_label;

  /* Owned references */
  WartaContext       *context;
  GtkFilterListModel *day_model;
  GtkCustomFilter    *day_filter;
  GtkNoSelection     *selection;

  int                 year;       /* of the loaded month */
  int                 month;
  int                 day;        /* selected */
};

G_DEFINE_FINAL_TYPE (WartaCalendarPage, warta_calendar_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GTimeZone *
get_time_zone (WartaCalendarPage *self)
{
  if (self->context != NULL)
    return g_time_zone_ref (warta_clock_get_time_zone (warta_context_get_clock (self->context)));

  return g_time_zone_new_local ();
}

static GDateTime *
entry_local_time (WartaCalendarPage  *self,
                  WartaCalendarEntry *entry)
{
  g_autoptr(GTimeZone) tz = get_time_zone (self);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (warta_calendar_entry_get_time (entry) /
                                                            G_USEC_PER_SEC);

  return g_date_time_to_timezone (utc, tz);
}

static gboolean
on_selected_day (gpointer item,
                 gpointer user_data)
{
  WartaCalendarPage *self = user_data;
  g_autoptr(GDateTime) when = entry_local_time (self, item);

  return g_date_time_get_year (when) == self->year &&
         g_date_time_get_month (when) == self->month &&
         g_date_time_get_day_of_month (when) == self->day;
}

static void
update_day (WartaCalendarPage *self)
{
  g_autoptr(GTimeZone) tz = get_time_zone (self);
  g_autoptr(GDateTime) day = g_date_time_new (tz, self->year, self->month, self->day, 0, 0, 0);
  g_autofree char *title = NULL;

  gtk_filter_changed (GTK_FILTER (self->day_filter), GTK_FILTER_CHANGE_DIFFERENT);

  /* Translators: the selected day; see g_date_time_format(). Day before
   * month; %-d is the day without a pad ("Monday, 9 June 2025"). */
  title = warta_date_time_format (day, _("%A, %-d %B %Y"));
  gtk_label_set_label (self->day_label, g_strstrip (title));
  gtk_label_set_label (self->empty_label, _("No activity or post on this day."));
  gtk_stack_set_visible_child_name (self->day_stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->day_model)) > 0
                                    ? "list" : "empty");
}

/**
 * warta_calendar_page_reload:
 * @self: a #WartaCalendarPage
 *
 * Reads the shown month from the repository again and marks its days.
 */
void
warta_calendar_page_reload (WartaCalendarPage *self)
{
  g_autoptr(GDateTime) shown = gtk_calendar_get_date (self->calendar);
  g_autoptr(GTimeZone) tz = get_time_zone (self);
  g_autoptr(GDateTime) first = NULL;
  g_autoptr(GDateTime) next = NULL;
  g_autoptr(GListModel) month = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (WARTA_IS_CALENDAR_PAGE (self));

  self->year = g_date_time_get_year (shown);
  self->month = g_date_time_get_month (shown);
  self->day = g_date_time_get_day_of_month (shown);

  gtk_calendar_clear_marks (self->calendar);

  if (self->context != NULL && warta_context_get_current_user (self->context) != NULL)
    {
      first = g_date_time_new (tz, self->year, self->month, 1, 0, 0, 0);
      next = g_date_time_add_months (first, 1);
      month = warta_publication_repository_list_calendar (warta_context_get_publications (self->context),
                                                          g_date_time_to_unix (first) * G_USEC_PER_SEC,
                                                          g_date_time_to_unix (next) * G_USEC_PER_SEC,
                                                          &error);
      if (error != NULL)
        g_warning ("Cannot read the calendar: %s", error->message);
    }

  for (guint i = 0; month != NULL && i < g_list_model_get_n_items (month); i++)
    {
      g_autoptr(WartaCalendarEntry) entry = g_list_model_get_item (month, i);
      g_autoptr(GDateTime) when = entry_local_time (self, entry);

      gtk_calendar_mark_day (self->calendar, (guint)g_date_time_get_day_of_month (when));
    }

  gtk_filter_list_model_set_model (self->day_model, month);
  update_day (self);
}

static void
on_calendar_day_selected_cb (WartaCalendarPage *self)
{
  g_autoptr(GDateTime) shown = gtk_calendar_get_date (self->calendar);

  if (g_date_time_get_year (shown) != self->year || g_date_time_get_month (shown) != self->month)
    {
      warta_calendar_page_reload (self);
      return;
    }

  self->day = g_date_time_get_day_of_month (shown);
  update_day (self);
}

static void
on_calendar_month_changed_cb (WartaCalendarPage *self)
{
  warta_calendar_page_reload (self);
}

static void
on_day_list_activate_cb (WartaCalendarPage *self,
                         guint              position)
{
  g_autoptr(WartaCalendarEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->day_model), position);

  if (entry != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-publication", "x",
                                warta_publication_get_id (warta_calendar_entry_get_publication (entry)));
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *time = gtk_label_new (NULL);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *kind = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 9);
  gtk_widget_set_margin_bottom (box, 9);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_add_css_class (time, "numeric");
  gtk_widget_set_valign (time, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (text, TRUE);
  /* The whole title, as the lists show it: titles share their first words. */
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  /* Four: the time beside it leaves a narrow window less room than the lists. */
  gtk_label_set_lines (GTK_LABEL (title), 4);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (kind), 0);
  gtk_label_set_wrap (GTK_LABEL (kind), TRUE);
  gtk_widget_add_css_class (kind, "dim-label");
  gtk_widget_add_css_class (kind, "caption");
  gtk_box_append (GTK_BOX (text), title);
  gtk_box_append (GTK_BOX (text), kind);
  gtk_box_append (GTK_BOX (box), time);
  gtk_box_append (GTK_BOX (box), text);
  gtk_list_item_set_child (item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             WartaCalendarPage        *self)
{
  WartaCalendarEntry *entry = gtk_list_item_get_item (item);
  WartaPublication *publication = warta_calendar_entry_get_publication (entry);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *time = gtk_widget_get_first_child (box);
  GtkWidget *text = gtk_widget_get_next_sibling (time);
  GtkWidget *title = gtk_widget_get_first_child (text);
  GtkWidget *kind = gtk_widget_get_next_sibling (title);
  g_autoptr(GTimeZone) tz = get_time_zone (self);
  g_autofree char *hour = warta_format_time_of_day (tz, warta_calendar_entry_get_time (entry));
  g_autofree char *detail = NULL;
  g_autofree char *label = NULL;
  const char *name = warta_publication_get_title (publication);

  if (name == NULL || name[0] == '\0')
    name = _("Untitled");

  {
    WartaCalendarKind why = warta_calendar_entry_get_kind (entry);
    WartaState state = warta_publication_get_state (publication);
    const char *kind_name = warta_calendar_kind_get_display_name (why);

    /* "Published · Published" says it twice. */
    if (why == WARTA_CALENDAR_PUBLISHED && state == WARTA_STATE_PUBLISHED)
      detail = g_strdup (kind_name);
    else
      /* Translators: why a publication is on the calendar, and its state:
       * "Activity · Verifying" */
      detail = g_strdup_printf (_("%s · %s"), kind_name, warta_state_get_display_name (state));
  }
  label = g_strdup_printf ("%s, %s, %s", hour, name, detail);

  gtk_label_set_label (GTK_LABEL (time), hour);
  gtk_label_set_label (GTK_LABEL (title), name);
  gtk_label_set_label (GTK_LABEL (kind), detail);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  /* GTK 4.8 names no list item after its child (see warta-publication-row.c). */
  if (gtk_widget_get_parent (box) != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (box)),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                    -1);
}

static void
on_database_changed_cb (WartaCalendarPage *self)
{
  warta_calendar_page_reload (self);
}

static void
warta_calendar_page_dispose (GObject *object)
{
  WartaCalendarPage *self = WARTA_CALENDAR_PAGE (object);

  if (self->context != NULL)
    warta_calendar_page_set_context (self, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), WARTA_TYPE_CALENDAR_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->day_model);
  g_clear_object (&self->day_filter);

  G_OBJECT_CLASS (warta_calendar_page_parent_class)->dispose (object);
}

static void
warta_calendar_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  WartaCalendarPage *self = WARTA_CALENDAR_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, warta_calendar_page_get_context (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
warta_calendar_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  WartaCalendarPage *self = WARTA_CALENDAR_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      warta_calendar_page_set_context (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
warta_calendar_page_class_init (WartaCalendarPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = warta_calendar_page_dispose;
  object_class->get_property = warta_calendar_page_get_property;
  object_class->set_property = warta_calendar_page_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, WARTA_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/warta-calendar-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WartaCalendarPage, calendar);
  gtk_widget_class_bind_template_child (widget_class, WartaCalendarPage, day_label);
  gtk_widget_class_bind_template_child (widget_class, WartaCalendarPage, day_list);
  gtk_widget_class_bind_template_child (widget_class, WartaCalendarPage, day_stack);
  gtk_widget_class_bind_template_child (widget_class, WartaCalendarPage, empty_label);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_month_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_day_list_activate_cb);
}

static void
warta_calendar_page_init (WartaCalendarPage *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  warta_calendar_use_app_names (self->calendar);
  /* Rows are items: one Tab stop, the arrows between rows (warta-list-focus.c). */
  warta_list_set_single_tab_stop (GTK_WIDGET (self->day_list));

  self->day_filter = gtk_custom_filter_new (on_selected_day, self, NULL);
  self->day_model = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->day_filter)));
  self->selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->day_model)));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  gtk_list_view_set_model (self->day_list, GTK_SELECTION_MODEL (self->selection));
  gtk_list_view_set_factory (self->day_list, factory);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->day_list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("On the selected day"),
                                  -1);

  warta_calendar_page_reload (self);
}

GtkWidget *
warta_calendar_page_new (void)
{
  return g_object_new (WARTA_TYPE_CALENDAR_PAGE, NULL);
}

WartaContext *
warta_calendar_page_get_context (WartaCalendarPage *self)
{
  g_return_val_if_fail (WARTA_IS_CALENDAR_PAGE (self), NULL);

  return self->context;
}

void
warta_calendar_page_set_context (WartaCalendarPage *self,
                                 WartaContext      *context)
{
  g_return_if_fail (WARTA_IS_CALENDAR_PAGE (self));
  g_return_if_fail (!context || WARTA_IS_CONTEXT (context));

  if (self->context == context)
    return;

  if (self->context != NULL)
    {
      g_signal_handlers_disconnect_by_data (warta_context_get_database (self->context), self);
      g_signal_handlers_disconnect_by_data (self->context, self);
    }

  g_set_object (&self->context, context);

  if (context != NULL)
    {
      /* Today in the office's time zone: at 03:00 WIB it is still
       * yesterday in UTC, and on a computer set to UTC. */
      g_autoptr(GDateTime) today = warta_clock_now_local (warta_context_get_clock (context));

      gtk_calendar_select_day (self->calendar, today);
      g_signal_connect_object (warta_context_get_database (context), "changed",
                               G_CALLBACK (on_database_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (context, "notify::current-user",
                               G_CALLBACK (on_database_changed_cb), self, G_CONNECT_SWAPPED);
    }

  if (self->day_model != NULL)
    warta_calendar_page_reload (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}

/**
 * warta_calendar_page_select_day:
 * @self: a #WartaCalendarPage
 * @day: the day to show
 *
 * Shows @day's month, marked, and lists @day's activities and posts.
 */
void
warta_calendar_page_select_day (WartaCalendarPage *self,
                                GDateTime         *day)
{
  g_return_if_fail (WARTA_IS_CALENDAR_PAGE (self));
  g_return_if_fail (day != NULL);

  gtk_calendar_select_day (self->calendar, day);
  warta_calendar_page_reload (self);
}

/**
 * warta_calendar_page_get_month:
 * @self: a #WartaCalendarPage
 *
 * Returns: (transfer none) (nullable): the shown month's #WartaCalendarEntry<!-- -->s
 */
GListModel *
warta_calendar_page_get_month (WartaCalendarPage *self)
{
  g_return_val_if_fail (WARTA_IS_CALENDAR_PAGE (self), NULL);

  return gtk_filter_list_model_get_model (self->day_model);
}

/**
 * warta_calendar_page_get_day_model:
 * @self: a #WartaCalendarPage
 *
 * Returns: (transfer none): the selected day's #WartaCalendarEntry<!-- -->s
 */
GListModel *
warta_calendar_page_get_day_model (WartaCalendarPage *self)
{
  g_return_val_if_fail (WARTA_IS_CALENDAR_PAGE (self), NULL);

  return G_LIST_MODEL (self->day_model);
}
