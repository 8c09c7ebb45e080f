/* warta-date-popover.h: a calendar (and a time) for a date typed in an entry
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "warta-clock.h"

G_BEGIN_DECLS

#define WARTA_TYPE_DATE_POPOVER (warta_date_popover_get_type ())

G_DECLARE_FINAL_TYPE (WartaDatePopover, warta_date_popover, WARTA, DATE_POPOVER, GtkPopover)

GtkWidget *warta_date_popover_new        (GtkEditable *target,
                                          gboolean     with_time,
                                          WartaClock  *clock);
GtkWidget *warta_date_popover_new_button (GtkEditable *target,
                                          gboolean     with_time,
                                          WartaClock  *clock);
void       warta_date_popover_set_clock  (WartaDatePopover *self,
                                          WartaClock       *clock);

void       warta_calendar_use_app_names  (GtkCalendar      *calendar);

G_END_DECLS
