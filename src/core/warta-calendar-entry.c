/* warta-calendar-entry.c: one publication on one day of the calendar
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A publication shows on the calendar up to three times: on the day of
 * its activity, on the day its post is scheduled for, and on the day it
 * was published. Immutable once made.
 */
#define G_LOG_DOMAIN "warta-calendar-entry"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "warta-calendar-entry.h"

struct _WartaCalendarEntry
{
  GObject            parent_instance;

  WartaPublication  *publication;
  WartaCalendarKind  kind;
  gint64             time_us;
};

G_DEFINE_FINAL_TYPE (WartaCalendarEntry, warta_calendar_entry, G_TYPE_OBJECT)

static void
warta_calendar_entry_dispose (GObject *object)
{
  WartaCalendarEntry *self = WARTA_CALENDAR_ENTRY (object);

  g_clear_object (&self->publication);

  G_OBJECT_CLASS (warta_calendar_entry_parent_class)->dispose (object);
}

static void
warta_calendar_entry_class_init (WartaCalendarEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = warta_calendar_entry_dispose;
}

static void
warta_calendar_entry_init (WartaCalendarEntry *self)
{
}

/**
 * warta_calendar_entry_new:
 * @publication: the publication
 * @kind: why it is on the calendar
 * @time_us: when, in µs since the Unix epoch
 *
 * Returns: (transfer full): a new entry
 */
WartaCalendarEntry *
warta_calendar_entry_new (WartaPublication  *publication,
                          WartaCalendarKind  kind,
                          gint64             time_us)
{
  WartaCalendarEntry *self;

  g_return_val_if_fail (WARTA_IS_PUBLICATION (publication), NULL);

  self = g_object_new (WARTA_TYPE_CALENDAR_ENTRY, NULL);
  self->publication = g_object_ref (publication);
  self->kind = kind;
  self->time_us = time_us;

  return self;
}

WartaPublication *
warta_calendar_entry_get_publication (WartaCalendarEntry *self)
{
  g_return_val_if_fail (WARTA_IS_CALENDAR_ENTRY (self), NULL);

  return self->publication;
}

WartaCalendarKind
warta_calendar_entry_get_kind (WartaCalendarEntry *self)
{
  g_return_val_if_fail (WARTA_IS_CALENDAR_ENTRY (self), WARTA_CALENDAR_ACTIVITY);

  return self->kind;
}

gint64
warta_calendar_entry_get_time (WartaCalendarEntry *self)
{
  g_return_val_if_fail (WARTA_IS_CALENDAR_ENTRY (self), 0);

  return self->time_us;
}

const char *
warta_calendar_kind_get_display_name (WartaCalendarKind kind)
{
  switch (kind)
    {
    case WARTA_CALENDAR_ACTIVITY:
      return g_dgettext (GETTEXT_PACKAGE, N_("Activity"));
    case WARTA_CALENDAR_SCHEDULED:
      return g_dgettext (GETTEXT_PACKAGE, N_("Scheduled post"));
    case WARTA_CALENDAR_PUBLISHED:
      return g_dgettext (GETTEXT_PACKAGE, N_("Published"));
    default:
      return NULL;
    }
}
