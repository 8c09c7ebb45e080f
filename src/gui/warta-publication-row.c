/* warta-publication-row.c: one publication in a list, with its time left
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The row shows the title, the state and the SOP step, and the time left
 * in the step or the time it is overdue; a scheduled post waiting for its
 * time says when it goes out instead. A publication returned for
 * correction says, below its title, by whom and how many corrections are
 * still open. The list that owns the rows calls
 * warta_publication_row_update() every minute and whenever it rebinds them,
 * so the countdown follows the context's clock, frozen or not.
 */
#define G_LOG_DOMAIN "warta-publication-row"

#include "config.h"

#include <glib/gi18n.h>

#include "warta-publication-row.h"
#include "warta-wrap-box.h"

struct _WartaPublicationRow
{
  GtkBox            parent_instance;

  /* Template widgets */
  GtkLabel         *title_label;
  GtkWidget        *returned_box;
  GtkLabel         *returned_label;
  GtkLabel         *detail_label;
  GtkLabel         *time_label;

  /* Owned references */
  WartaPublication *publication;

  guint             overdue : 1;
};

G_DEFINE_FINAL_TYPE (WartaPublicationRow, warta_publication_row, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_PUBLICATION,
  PROP_OVERDUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * warta_publication_row_format_time_left:
 * @time_left_us: time to the deadline; negative when it has passed
 *
 * Returns: (transfer full): "12 min left", "1 h 5 min left", "Overdue by
 *   5 min" …, rounded to whole minutes, away from zero when time is left
 *   and towards it when overdue, so a task is never shown as both.
 */
char *
warta_publication_row_format_time_left (gint64 time_left_us)
{
  const gint64 minute = 60 * G_USEC_PER_SEC;
  gboolean overdue = time_left_us < 0;
  guint64 total, days, hours, minutes;

  if (overdue)
    total = (guint64)(-(time_left_us / minute));
  else
    total = (guint64)((time_left_us + minute - 1) / minute);

  days = total / (24 * 60);
  hours = (total / 60) % 24;
  minutes = total % 60;

  if (overdue)
    {
      if (total == 0)
        return g_strdup (_("Overdue"));
      if (days > 0)
        /* Translators: time past a deadline, in days */
        return g_strdup_printf (ngettext ("Overdue by %u day", "Overdue by %u days", (gulong)days),
                                (guint)days);
      if (hours > 0)
        /* Translators: time past a deadline: hours and minutes */
        return g_strdup_printf (_("Overdue by %u h %u min"), (guint)hours, (guint)minutes);
      /* Translators: time past a deadline, in minutes */
      return g_strdup_printf (ngettext ("Overdue by %u min", "Overdue by %u min", (gulong)minutes),
                              (guint)minutes);
    }

  if (days > 0)
    /* Translators: time to a deadline, in days */
    return g_strdup_printf (ngettext ("%u day left", "%u days left", (gulong)days), (guint)days);
  if (hours > 0)
    /* Translators: time to a deadline: hours and minutes */
    return g_strdup_printf (_("%u h %u min left"), (guint)hours, (guint)minutes);
  /* Translators: time to a deadline, in minutes */
  return g_strdup_printf (ngettext ("%u min left", "%u min left", (gulong)minutes), (guint)minutes);
}

/**
 * warta_publication_row_format_deadline:
 * @publication: a publication in a step
 * @clock: the clock the deadlines run on
 *
 * Returns: (transfer full) (nullable): "Scheduled for 27 Nov 2026, 09:00"
 *   while a scheduled post waits for its time (its step's clock starts
 *   only then), else the time left or overdue as
 *   warta_publication_row_format_time_left() says it; %NULL when the step
 *   has no limit
 */
char *
warta_publication_row_format_deadline (WartaPublication *publication,
                                       WartaClock       *clock)
{
  gint64 now, waiting_until;

  g_return_val_if_fail (WARTA_IS_PUBLICATION (publication), NULL);
  g_return_val_if_fail (WARTA_IS_CLOCK (clock), NULL);

  now = warta_clock_now (clock);
  waiting_until = warta_publication_get_waiting_until (publication, now);
  if (waiting_until != 0)
    {
      g_autofree char *when = warta_format_time (warta_clock_get_time_zone (clock), waiting_until,
                                                 FALSE);

      /* Translators: %s is a date and time */
      return g_strdup_printf (_("Scheduled for %s"), when);
    }

  if (warta_publication_get_deadline_at (publication) == 0)
    return NULL;

  return warta_publication_row_format_time_left (warta_publication_get_time_left (publication,
                                                                                   now));
}

/**
 * warta_publication_row_format_returned:
 * @publication: a publication
 *
 * Returns: (transfer full) (nullable): "Returned by Ahmad Yani · 3
 *   corrections to make" when @publication was returned to the step it
 *   waits in, counting its open correction notes; %NULL when it was not
 */
char *
warta_publication_row_format_returned (WartaPublication *publication)
{
  const char *name;
  guint n;

  g_return_val_if_fail (WARTA_IS_PUBLICATION (publication), NULL);

  if (warta_publication_get_returned_by (publication) == 0)
    return NULL;

  name = warta_publication_get_returned_by_name (publication);
  if (name == NULL || name[0] == '\0')
    /* Translators: who returned a publication, when their name is not known */
    name = _("someone");
  n = warta_publication_get_open_notes (publication);
  /* Returned to the verifier: the approver's notes are his to read and
   * check again; the corrections are the social media admin's. */
  if (warta_publication_get_state (publication) == WARTA_STATE_VERIFYING)
    return n == 0 ? g_strdup_printf (_("Returned by %s"), name)
                  /* Translators: %1$s is a person's name, %2$u how many of the
                   * publication's notes are still open */
                  : g_strdup_printf (ngettext ("Returned by %1$s · %2$u open note",
                                               "Returned by %1$s · %2$u open notes", n),
                                     name, n);
  if (n == 0)
    /* Translators: %s is a person's name; the returned publication's
     * correction notes are all marked as done, it can be submitted again */
    return g_strdup_printf (_("Returned by %s · All corrections marked as done"), name);

  /* Translators: %1$s is a person's name, %2$u how many of the
   * publication's correction notes are still open */
  return g_strdup_printf (ngettext ("Returned by %1$s · %2$u correction to make",
                                    "Returned by %1$s · %2$u corrections to make", n),
                          name, n);
}

static void
set_overdue (WartaPublicationRow *self,
             gboolean             overdue)
{
  overdue = !!overdue;
  if (self->overdue == overdue)
    return;

  self->overdue = overdue;
  if (overdue)
    gtk_widget_add_css_class (GTK_WIDGET (self), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "error");

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OVERDUE]);
}

static void
update_accessible_label (WartaPublicationRow *self)
{
  g_autofree char *label = NULL;

  if (gtk_widget_get_visible (self->returned_box))
    label = g_strdup_printf ("%s, %s, %s, %s",
                             gtk_label_get_label (self->title_label),
                             gtk_label_get_label (self->returned_label),
                             gtk_label_get_label (self->detail_label),
                             gtk_label_get_label (self->time_label));
  else
    label = g_strdup_printf ("%s, %s, %s",
                             gtk_label_get_label (self->title_label),
                             gtk_label_get_label (self->detail_label),
                             gtk_label_get_label (self->time_label));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  /* GTK 4.8 names no list item after its child, and has no
   * gtk_list_item_set_accessible_label() (4.12): name the item widget. */
  if (gtk_widget_get_parent (GTK_WIDGET (self)) != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (GTK_WIDGET (self))),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                    -1);
}

/**
 * warta_publication_row_update:
 * @self: a #WartaPublicationRow
 * @clock: the clock the deadlines run on
 *
 * Shows the publication's time left, or since when it is overdue, or
 * when a scheduled post goes out, as of @clock's now; or, once it has
 * left the steps, when it last changed.
 */
void
warta_publication_row_update (WartaPublicationRow *self,
                              WartaClock          *clock)
{
  g_autofree char *text = NULL;
  gint64 now;

  g_return_if_fail (WARTA_IS_PUBLICATION_ROW (self));
  g_return_if_fail (WARTA_IS_CLOCK (clock));

  if (self->publication == NULL)
    return;

  now = warta_clock_now (clock);

  if (warta_publication_get_step (self->publication) != 0)
    {
      text = warta_publication_row_format_deadline (self->publication, clock);
      if (text == NULL)
        text = g_strdup (_("No time limit"));
      set_overdue (self, warta_publication_is_overdue (self->publication, now));
    }
  else
    {
      text = warta_format_time (warta_clock_get_time_zone (clock),
                                warta_publication_get_updated_at (self->publication), FALSE);
      set_overdue (self, FALSE);
    }

  gtk_label_set_label (self->time_label, text);
  update_accessible_label (self);
}

static void
warta_publication_row_dispose (GObject *object)
{
  WartaPublicationRow *self = WARTA_PUBLICATION_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), WARTA_TYPE_PUBLICATION_ROW);
  g_clear_object (&self->publication);

  G_OBJECT_CLASS (warta_publication_row_parent_class)->dispose (object);
}

static void
warta_publication_row_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  WartaPublicationRow *self = WARTA_PUBLICATION_ROW (object);

  switch (prop_id)
    {
    case PROP_PUBLICATION:
      g_value_set_object (value, warta_publication_row_get_publication (self));
      break;

    case PROP_OVERDUE:
      g_value_set_boolean (value, warta_publication_row_get_overdue (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
warta_publication_row_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  WartaPublicationRow *self = WARTA_PUBLICATION_ROW (object);

  switch (prop_id)
    {
    case PROP_PUBLICATION:
      warta_publication_row_set_publication (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
warta_publication_row_class_init (WartaPublicationRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = warta_publication_row_dispose;
  object_class->get_property = warta_publication_row_get_property;
  object_class->set_property = warta_publication_row_set_property;

  properties[PROP_PUBLICATION] =
    g_param_spec_object ("publication", NULL, NULL, WARTA_TYPE_PUBLICATION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OVERDUE] =
    g_param_spec_boolean ("overdue", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (WARTA_TYPE_WRAP_BOX);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/warta-publication-row.ui");
  gtk_widget_class_bind_template_child (widget_class, WartaPublicationRow, detail_label);
  gtk_widget_class_bind_template_child (widget_class, WartaPublicationRow, returned_box);
  gtk_widget_class_bind_template_child (widget_class, WartaPublicationRow, returned_label);
  gtk_widget_class_bind_template_child (widget_class, WartaPublicationRow, time_label);
  gtk_widget_class_bind_template_child (widget_class, WartaPublicationRow, title_label);
}

static void
warta_publication_row_init (WartaPublicationRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
warta_publication_row_new (void)
{
  return g_object_new (WARTA_TYPE_PUBLICATION_ROW, NULL);
}

WartaPublication *
warta_publication_row_get_publication (WartaPublicationRow *self)
{
  g_return_val_if_fail (WARTA_IS_PUBLICATION_ROW (self), NULL);

  return self->publication;
}

void
warta_publication_row_set_publication (WartaPublicationRow *self,
                                       WartaPublication    *publication)
{
  g_return_if_fail (WARTA_IS_PUBLICATION_ROW (self));
  g_return_if_fail (!publication || WARTA_IS_PUBLICATION (publication));

  if (!g_set_object (&self->publication, publication))
    return;

  if (publication != NULL)
    {
      const char *title = warta_publication_get_title (publication);
      WartaState state = warta_publication_get_state (publication);
      guint step = warta_publication_get_step (publication);
      g_autofree char *detail = NULL;
      g_autofree char *returned = warta_publication_row_format_returned (publication);

      if (step != 0)
        /* Translators: a publication's SOP step and its state, "Step 3 · Verifying" */
        detail = g_strdup_printf (_("Step %u · %s"), step, warta_state_get_display_name (state));
      else
        detail = g_strdup (warta_state_get_display_name (state));

      gtk_label_set_label (self->title_label,
                           title != NULL && title[0] != '\0' ? title : _("Untitled"));
      gtk_label_set_label (self->detail_label, detail);
      gtk_label_set_label (self->returned_label, returned != NULL ? returned : "");
      gtk_widget_set_visible (self->returned_box, returned != NULL);
    }
  else
    {
      gtk_label_set_label (self->title_label, "");
      gtk_label_set_label (self->detail_label, "");
      gtk_label_set_label (self->returned_label, "");
      gtk_widget_set_visible (self->returned_box, FALSE);
      gtk_label_set_label (self->time_label, "");
      set_overdue (self, FALSE);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PUBLICATION]);
}

gboolean
warta_publication_row_get_overdue (WartaPublicationRow *self)
{
  g_return_val_if_fail (WARTA_IS_PUBLICATION_ROW (self), FALSE);

  return self->overdue;
}

const char *
warta_publication_row_get_time_text (WartaPublicationRow *self)
{
  g_return_val_if_fail (WARTA_IS_PUBLICATION_ROW (self), NULL);

  return gtk_label_get_label (self->time_label);
}
