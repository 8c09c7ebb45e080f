/* warta-clock.h: the time the workflow runs on
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define WARTA_DEFAULT_TIME_ZONE "Asia/Jakarta"

/* Returns µs since the Unix epoch. */
typedef gint64 (*WartaClockNowFunc) (gpointer user_data);

#define WARTA_TYPE_CLOCK (warta_clock_get_type ())

G_DECLARE_FINAL_TYPE (WartaClock, warta_clock, WARTA, CLOCK, GObject)

WartaClock *warta_clock_new              (const char        *time_zone);
const char *warta_clock_get_time_zone_id (WartaClock        *self);
void        warta_clock_set_time_zone_id (WartaClock        *self,
                                          const char        *time_zone);
GTimeZone  *warta_clock_get_time_zone    (WartaClock        *self);
gint64      warta_clock_now              (WartaClock        *self);
GDateTime  *warta_clock_now_local        (WartaClock        *self);
GDateTime  *warta_clock_to_local         (WartaClock        *self,
                                          gint64             unix_us);
char       *warta_format_time            (GTimeZone         *time_zone,
                                          gint64             unix_us,
                                          gboolean           with_zone);
char       *warta_format_time_of_day     (GTimeZone         *time_zone,
                                          gint64             unix_us);
char       *warta_format_time_of_day_with_zone (GTimeZone   *time_zone,
                                                gint64       unix_us);
char       *warta_date_time_format       (GDateTime         *datetime,
                                          const char        *format);
void        warta_clock_set_now_func     (WartaClock        *self,
                                          WartaClockNowFunc  func,
                                          gpointer           user_data,
                                          GDestroyNotify     destroy);
void        warta_clock_freeze           (WartaClock        *self,
                                          gint64             unix_us);
void        warta_clock_advance          (WartaClock        *self,
                                          gint64             usec);

G_END_DECLS
