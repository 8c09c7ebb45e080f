/* warta-calendar-page.h: a month of activities and posts
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "warta-context.h"

G_BEGIN_DECLS

#define WARTA_TYPE_CALENDAR_PAGE (warta_calendar_page_get_type ())

G_DECLARE_FINAL_TYPE (WartaCalendarPage, warta_calendar_page, WARTA, CALENDAR_PAGE, AdwBin)

GtkWidget    *warta_calendar_page_new            (void);
WartaContext *warta_calendar_page_get_context    (WartaCalendarPage *self);
void          warta_calendar_page_set_context    (WartaCalendarPage *self,
                                                  WartaContext      *context);
void          warta_calendar_page_select_day     (WartaCalendarPage *self,
                                                  GDateTime         *day);
GListModel   *warta_calendar_page_get_month      (WartaCalendarPage *self);
GListModel   *warta_calendar_page_get_day_model  (WartaCalendarPage *self);
void          warta_calendar_page_reload         (WartaCalendarPage *self);

G_END_DECLS
