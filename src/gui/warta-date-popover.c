/* warta-date-popover.c: a calendar (and a time) for a date typed in an entry
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Dates stay text that can be typed ("YYYY-MM-DD", or "YYYY-MM-DD HH:MM"
 * with a time), and the entry's owner still parses and checks them. The
 * popover is the other way in: it opens on the date the entry holds (or
 * on today in the office's time zone when the entry holds none), and each
 * day picked on the calendar, with the keyboard or the pointer, and each
 * hour or minute set is written back into the entry at once. Enter takes
 * what is shown, even untouched, and closes it; Escape closes it too.
 * GtkPopover::closed says the choice is made.
 */
#define G_LOG_DOMAIN "warta-date-popover"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "warta-date-popover.h"

struct _WartaDatePopover
{
  GtkPopover        parent_instance;

  GtkScrolledWindow *scroller;   /* the popover's child */
  GtkWidget         *box;        /* the calendar and the time */
  GtkCalendar       *calendar;
  GtkSpinButton     *hour;       /* NULL without a time */
  GtkSpinButton     *minute;     /* NULL without a time */
  GtkLabel          *zone;       /* NULL without a time */

  /* The entry is the popover's owner's, which usually holds the popover's
   * button too: a strong reference would keep both alive. */
  GWeakRef          target;
  WartaClock        *clock;      /* nullable: the system's time zone */

  guint             with_time : 1;
  guint             syncing : 1;
};

G_DEFINE_FINAL_TYPE (WartaDatePopover, warta_date_popover, GTK_TYPE_POPOVER)

enum {
  PROP_0,
  PROP_TARGET,
  PROP_WITH_TIME,
  PROP_CLOCK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GDateTime *
now_local (WartaDatePopover *self)
{
  if (self->clock != NULL)
    return warta_clock_now_local (self->clock);
  return g_date_time_new_now_local ();
}

/* The entry's date, if it holds a valid one, in the zone of "now". A date
 * alone is read as midnight; a time after it is read when the popover has
 * one. */
static GDateTime *
parse_text (WartaDatePopover *self,
            GDateTime        *now,
            const char       *text)
{
  int y, mo, d, h = 0, mi = 0, n;

  if (text == NULL)
    return NULL;
  n = sscanf (text, "%d-%d-%d %d:%d", &y, &mo, &d, &h, &mi);
  if (n < 3 || (n > 3 && n < 5) || (n == 5 && !self->with_time))
    return NULL;
  return g_date_time_new (g_date_time_get_timezone (now), y, mo, d, h, mi, 0);
}

static void
sync_from_text (WartaDatePopover *self)
{
  g_autoptr(GtkEditable) target = g_weak_ref_get (&self->target);
  g_autoptr(GDateTime) now = now_local (self);
  g_autoptr(GDateTime) shown = NULL;

  if (target != NULL)
    shown = parse_text (self, now, gtk_editable_get_text (target));
  if (shown == NULL)
    shown = g_date_time_ref (now);

  self->syncing = TRUE;
  gtk_calendar_select_day (self->calendar, shown);
  if (self->with_time)
    {
      gtk_spin_button_set_value (self->hour, g_date_time_get_hour (shown));
      gtk_spin_button_set_value (self->minute, g_date_time_get_minute (shown));
      /* The office's zone ("WIB"): the time is the office's, not the computer's. */
      {
        g_autofree char *zone = g_date_time_format (shown, "%Z");

        gtk_label_set_label (self->zone, zone);
      }
    }
  self->syncing = FALSE;
}

static void
write_text (WartaDatePopover *self)
{
  g_autoptr(GtkEditable) target = g_weak_ref_get (&self->target);
  g_autoptr(GDateTime) day = NULL;
  g_autofree char *text = NULL;

  if (self->syncing || target == NULL)
    return;
  day = gtk_calendar_get_date (self->calendar);
  text = g_strdup_printf ("%04d-%02d-%02d", g_date_time_get_year (day), g_date_time_get_month (day),
                          g_date_time_get_day_of_month (day));
  if (self->with_time)
    {
      g_autofree char *date = g_steal_pointer (&text);

      text = g_strdup_printf ("%s %02d:%02d", date,
                              gtk_spin_button_get_value_as_int (self->hour),
                              gtk_spin_button_get_value_as_int (self->minute));
    }
  if (g_strcmp0 (text, gtk_editable_get_text (target)) == 0)
    return;
  gtk_editable_set_text (target, text);
  gtk_editable_set_position (target, -1);
}

/* Hours and minutes as two digits, as they are written in the entry. */
static gboolean
spin_output_cb (GtkSpinButton *spin,
                gpointer       user_data)
{
  char text[8];

  g_snprintf (text, sizeof text, "%02d", gtk_spin_button_get_value_as_int (spin));
  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                WartaDatePopover      *self)
{
  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter)
    return FALSE;
  /* A number typed into a spin button counts once Enter is pressed. */
  if (self->with_time)
    {
      gtk_spin_button_update (self->hour);
      gtk_spin_button_update (self->minute);
    }
  /* What the popover shows is what Enter takes, even untouched. */
  write_text (self);
  gtk_popover_popdown (GTK_POPOVER (self));
  return TRUE;
}

static GtkSpinButton *
new_spin (WartaDatePopover *self,
          int               max,
          const char       *label)
{
  GtkSpinButton *spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, max, 1));

  gtk_spin_button_set_wrap (spin, TRUE);
  gtk_spin_button_set_numeric (spin, TRUE);
  gtk_editable_set_width_chars (GTK_EDITABLE (spin), 2);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (spin), GTK_ORIENTATION_VERTICAL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_signal_connect (spin, "output", G_CALLBACK (spin_output_cb), NULL);
  g_signal_connect_swapped (spin, "value-changed", G_CALLBACK (write_text), self);
  return spin;
}

/* Relabels each label at or below @widget that reads a name in @from
 * with the name at the same place in @to. */
static void
relabel (GtkWidget  *widget,
         GPtrArray  *from,
         GPtrArray  *to)
{
  if (GTK_IS_LABEL (widget))
    for (guint i = 0; i < from->len; i++)
      if (g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), from->pdata[i]) == 0)
        {
          gtk_label_set_label (GTK_LABEL (widget), to->pdata[i]);
          break;
        }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    relabel (c, from, to);
}

/**
 * warta_calendar_use_app_names:
 * @calendar: a #GtkCalendar, just made
 *
 * GtkCalendar names the months and the days of the week once, from the
 * system's locale: English in Indonesian Warta on a system without
 * id_ID. This gives its labels the names warta_date_time_format() writes,
 * from Warta's catalogue; where the two agree nothing changes.
 */
void
warta_calendar_use_app_names (GtkCalendar *calendar)
{
  g_autoptr(GPtrArray) from = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) to = g_ptr_array_new_with_free_func (g_free);

  g_return_if_fail (GTK_IS_CALENDAR (calendar));

  for (int i = 1; i <= 12 + 7; i++)
    {
      /* The months of 2024, then its first week, which began on a Monday. */
      g_autoptr(GDateTime) day = i <= 12 ? g_date_time_new_utc (2024, i, 1, 12, 0, 0)
                                         : g_date_time_new_utc (2024, 1, i - 12, 12, 0, 0);
      const char *format = i <= 12 ? "%B" : "%a";
      g_autofree char *system = g_date_time_format (day, format);
      g_autofree char *ours = warta_date_time_format (day, format);

      if (g_strcmp0 (system, ours) == 0)
        continue;
      g_ptr_array_add (from, g_steal_pointer (&system));
      g_ptr_array_add (to, g_steal_pointer (&ours));
    }
  if (from->len > 0)
    relabel (GTK_WIDGET (calendar), from, to);
}

/* GTK keeps a popover on the monitor, not in its window: in a small
 * window (GNOME's smallest is 360 by 600) it reached past the bottom.
 * It opens on the side of its button with room for it, or failing that
 * the roomier side, its contents scrolled to fit there: the calendar
 * whole, the time below it in reach of the scroll bar and of Tab (the
 * viewport scrolls to the focus). */
static void
fit_in_window (WartaDatePopover *self)
{
  GtkWidget *anchor = gtk_widget_get_parent (GTK_WIDGET (self));
  GtkWidget *root = anchor != NULL ? GTK_WIDGET (gtk_widget_get_root (anchor)) : NULL;
  graphene_rect_t bounds;
  int content;
  int whole;
  int above;
  int below;
  int room;

  gtk_scrolled_window_set_max_content_height (self->scroller, -1);
  if (root == NULL || !gtk_widget_compute_bounds (anchor, root, &bounds))
    return;

  gtk_widget_measure (self->box, GTK_ORIENTATION_VERTICAL, -1, NULL, &content, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (self), GTK_ORIENTATION_VERTICAL, -1, NULL, &whole, NULL, NULL);
  above = (int) bounds.origin.y;
  below = gtk_widget_get_height (root) - (int) (bounds.origin.y + bounds.size.height);

  if (whole <= below || below >= above)
    {
      gtk_popover_set_position (GTK_POPOVER (self), GTK_POS_BOTTOM);
      room = below;
    }
  else
    {
      gtk_popover_set_position (GTK_POPOVER (self), GTK_POS_TOP);
      room = above;
    }
  if (whole > room)
    gtk_scrolled_window_set_max_content_height (self->scroller,
                                                MAX (room - (whole - content), 1));
}

static void
warta_date_popover_map (GtkWidget *widget)
{
  sync_from_text (WARTA_DATE_POPOVER (widget));
  fit_in_window (WARTA_DATE_POPOVER (widget));
  GTK_WIDGET_CLASS (warta_date_popover_parent_class)->map (widget);
}

static void
warta_date_popover_constructed (GObject *object)
{
  WartaDatePopover *self = WARTA_DATE_POPOVER (object);
  GtkWidget *box = self->box;
  GtkWidget *time_box;

  G_OBJECT_CLASS (warta_date_popover_parent_class)->constructed (object);

  if (!self->with_time)
    return;

  time_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_halign (time_box, GTK_ALIGN_CENTER);
  self->hour = new_spin (self, 23, _("Hour"));
  self->minute = new_spin (self, 59, _("Minute"));
  gtk_spin_button_set_increments (self->minute, 1, 5);
  self->zone = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->zone), "dim-label");
  gtk_box_append (GTK_BOX (time_box), GTK_WIDGET (self->hour));
  gtk_box_append (GTK_BOX (time_box), gtk_label_new (":"));
  gtk_box_append (GTK_BOX (time_box), GTK_WIDGET (self->minute));
  gtk_box_append (GTK_BOX (time_box), GTK_WIDGET (self->zone));
  gtk_box_append (GTK_BOX (box), time_box);
}

static void
warta_date_popover_dispose (GObject *object)
{
  WartaDatePopover *self = WARTA_DATE_POPOVER (object);

  g_weak_ref_set (&self->target, NULL);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (warta_date_popover_parent_class)->dispose (object);
}

static void
warta_date_popover_finalize (GObject *object)
{
  WartaDatePopover *self = WARTA_DATE_POPOVER (object);

  g_weak_ref_clear (&self->target);

  G_OBJECT_CLASS (warta_date_popover_parent_class)->finalize (object);
}

static void
warta_date_popover_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  WartaDatePopover *self = WARTA_DATE_POPOVER (object);

  switch (prop_id)
    {
    case PROP_TARGET:
      g_value_take_object (value, g_weak_ref_get (&self->target));
      break;

    case PROP_WITH_TIME:
      g_value_set_boolean (value, self->with_time);
      break;

    case PROP_CLOCK:
      g_value_set_object (value, self->clock);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
warta_date_popover_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  WartaDatePopover *self = WARTA_DATE_POPOVER (object);

  switch (prop_id)
    {
    case PROP_TARGET:
      g_weak_ref_set (&self->target, g_value_get_object (value));
      break;

    case PROP_WITH_TIME:
      self->with_time = g_value_get_boolean (value);
      break;

    case PROP_CLOCK:
      warta_date_popover_set_clock (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
warta_date_popover_class_init (WartaDatePopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = warta_date_popover_constructed;
  object_class->dispose = warta_date_popover_dispose;
  object_class->finalize = warta_date_popover_finalize;
  object_class->get_property = warta_date_popover_get_property;
  object_class->set_property = warta_date_popover_set_property;
  widget_class->map = warta_date_popover_map;

  /**
   * WartaDatePopover:target:
   *
   * The entry the date is read from when the popover opens, and written
   * to as it is picked.
   */
  properties[PROP_TARGET] =
    g_param_spec_object ("target", NULL, NULL,
                         GTK_TYPE_EDITABLE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * WartaDatePopover:with-time:
   *
   * Whether an hour and a minute are picked too ("YYYY-MM-DD HH:MM").
   */
  properties[PROP_WITH_TIME] =
    g_param_spec_boolean ("with-time", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * WartaDatePopover:clock:
   *
   * The clock whose "now", in the office's time zone, is shown when the
   * entry holds no date; %NULL for the system's.
   */
  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL,
                         WARTA_TYPE_CLOCK,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
warta_date_popover_init (WartaDatePopover *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  g_weak_ref_init (&self->target, NULL);

  self->calendar = GTK_CALENDAR (gtk_calendar_new ());
  warta_calendar_use_app_names (self->calendar);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->calendar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Date"), -1);
  g_signal_connect_swapped (self->calendar, "day-selected", G_CALLBACK (write_text), self);
  g_signal_connect_swapped (self->calendar, "notify::year", G_CALLBACK (write_text), self);
  g_signal_connect_swapped (self->calendar, "notify::month", G_CALLBACK (write_text), self);
  g_signal_connect_swapped (self->calendar, "notify::day", G_CALLBACK (write_text), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->calendar));
  self->box = box;
  self->scroller = GTK_SCROLLED_WINDOW (scroller);
  gtk_scrolled_window_set_policy (self->scroller, GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_width (self->scroller, TRUE);
  gtk_scrolled_window_set_propagate_natural_height (self->scroller, TRUE);
  gtk_scrolled_window_set_child (self->scroller, box);
  gtk_viewport_set_scroll_to_focus (GTK_VIEWPORT (gtk_scrolled_window_get_child (self->scroller)),
                                    TRUE);
  gtk_popover_set_child (GTK_POPOVER (self), scroller);

  /* Capture: Enter in a spin button would otherwise only update it. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

/**
 * warta_date_popover_new:
 * @target: the entry that holds the date as text
 * @with_time: whether an hour and a minute are picked too
 * @clock: (nullable): the clock of the office's time zone
 *
 * Returns: (transfer floating): a new #WartaDatePopover
 */
GtkWidget *
warta_date_popover_new (GtkEditable *target,
                        gboolean     with_time,
                        WartaClock  *clock)
{
  g_return_val_if_fail (GTK_IS_EDITABLE (target), NULL);
  g_return_val_if_fail (clock == NULL || WARTA_IS_CLOCK (clock), NULL);

  return g_object_new (WARTA_TYPE_DATE_POPOVER,
                       "target", target,
                       "with-time", with_time,
                       "clock", clock,
                       NULL);
}

/**
 * warta_date_popover_set_clock:
 * @self: a #WartaDatePopover
 * @clock: (nullable): the clock of the office's time zone
 *
 * Sets #WartaDatePopover:clock, for a popover made before its owner had
 * a context.
 */
void
warta_date_popover_set_clock (WartaDatePopover *self,
                              WartaClock       *clock)
{
  g_return_if_fail (WARTA_IS_DATE_POPOVER (self));
  g_return_if_fail (clock == NULL || WARTA_IS_CLOCK (clock));

  if (g_set_object (&self->clock, clock))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLOCK]);
}

/**
 * warta_date_popover_new_button:
 * @target: the entry that holds the date as text
 * @with_time: whether an hour and a minute are picked too
 * @clock: (nullable): the clock of the office's time zone
 *
 * A flat calendar button that opens a #WartaDatePopover for @target: a
 * suffix for an #AdwEntryRow, or a neighbour for a #GtkEntry.
 *
 * Returns: (transfer floating): a new #GtkMenuButton
 */
GtkWidget *
warta_date_popover_new_button (GtkEditable *target,
                               gboolean     with_time,
                               WartaClock  *clock)
{
  GtkWidget *button = gtk_menu_button_new ();
  const char *label = with_time ? _("Choose the date and time") : _("Choose the date");

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button),
                               warta_date_popover_new (target, with_time, clock));
  gtk_menu_button_set_has_frame (GTK_MENU_BUTTON (button), FALSE);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return button;
}
