/* warta-calendar-entry.h: one publication on one day of the calendar
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "warta-publication.h"

G_BEGIN_DECLS

typedef enum
{
  WARTA_CALENDAR_ACTIVITY,   /* the activity took place (its "Kapan") */
  WARTA_CALENDAR_SCHEDULED,  /* the post is scheduled to go out */
  WARTA_CALENDAR_PUBLISHED,  /* the post went out */
} WartaCalendarKind;

#define WARTA_TYPE_CALENDAR_ENTRY (warta_calendar_entry_get_type ())

G_DECLARE_FINAL_TYPE (WartaCalendarEntry, warta_calendar_entry, WARTA, CALENDAR_ENTRY, GObject)

WartaCalendarEntry *warta_calendar_entry_new             (WartaPublication   *publication,
                                                          WartaCalendarKind   kind,
                                                          gint64              time_us);
WartaPublication   *warta_calendar_entry_get_publication (WartaCalendarEntry *self);
WartaCalendarKind   warta_calendar_entry_get_kind        (WartaCalendarEntry *self);
gint64              warta_calendar_entry_get_time        (WartaCalendarEntry *self);
const char         *warta_calendar_kind_get_display_name (WartaCalendarKind   kind);

G_END_DECLS
