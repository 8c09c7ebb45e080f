/* warta-report.h: what was published where, and how the SOP's time
 * limits were met, per month, semester or year
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "warta-archive.h"
#include "warta-database.h"
#include "warta-workflow.h"

G_BEGIN_DECLS

typedef enum
{
  WARTA_REPORT_MONTH,
  WARTA_REPORT_SEMESTER,
  WARTA_REPORT_YEAR,
} WartaReportPeriod;

typedef enum
{
  WARTA_REPORT_BY_PLATFORM,
  WARTA_REPORT_BY_CATEGORY,
  WARTA_REPORT_BY_UNIT,
  WARTA_REPORT_BY_PERSON,     /* steps completed */
  WARTA_REPORT_N_GROUPINGS
} WartaReportGrouping;

typedef struct
{
  char  *key;
  guint  count;
} WartaReportCount;

typedef struct
{
  guint   limit_minutes;  /* 0: no limit */
  guint   n_done;         /* stays that ended, entered in the period */
  guint   n_on_time;      /* … that ended by their deadline (or had none) */
  gint64  mean_us;
  gint64  median_us;
  gint64  max_us;
  guint   n_open;         /* stays still running */
} WartaReportStep;

typedef struct
{
  gint64  publication_id;
  char   *title;
  guint   step;
  gint64  entered_at;
  gint64  deadline_at;
  gint64  exited_at;      /* 0: still in the step */
  gint64  late_us;        /* how far past the deadline (at @now for open ones) */
} WartaReportOverdue;

#define WARTA_TYPE_REPORT (warta_report_get_type ())

G_DECLARE_FINAL_TYPE (WartaReport, warta_report, WARTA, REPORT, GObject)

WartaReport        *warta_report_compute            (WartaDatabase         *database,
                                                     WartaReportPeriod      period,
                                                     int                    year,
                                                     int                    index,
                                                     GTimeZone             *time_zone,
                                                     const WartaDeadlines  *deadlines,
                                                     gint64                 now_us,
                                                     GError               **error);
void                warta_report_compute_async      (WartaArchive          *archive,
                                                     WartaReportPeriod      period,
                                                     int                    year,
                                                     int                    index,
                                                     GTimeZone             *time_zone,
                                                     const WartaDeadlines  *deadlines,
                                                     gint64                 now_us,
                                                     GCancellable          *cancellable,
                                                     GAsyncReadyCallback    callback,
                                                     gpointer               user_data);
WartaReport        *warta_report_compute_finish     (WartaArchive          *archive,
                                                     GAsyncResult          *result,
                                                     GError               **error);

WartaReportPeriod   warta_report_get_period         (WartaReport           *self);
gint64              warta_report_get_from           (WartaReport           *self);
gint64              warta_report_get_to             (WartaReport           *self);
char               *warta_report_dup_title          (WartaReport           *self);
guint               warta_report_get_n_published    (WartaReport           *self);
const GPtrArray    *warta_report_get_counts         (WartaReport           *self,
                                                     WartaReportGrouping    grouping);
const WartaReportStep *warta_report_get_step        (WartaReport           *self,
                                                     guint                  step);
guint               warta_report_get_correction_rounds (WartaReport        *self);
guint               warta_report_get_n_corrected    (WartaReport           *self);
const GPtrArray    *warta_report_get_overdue        (WartaReport           *self);
const char         *warta_report_get_scheduled_rule (void);
/* Publications per day (month) or per month (semester, year). */
const GArray       *warta_report_get_series         (WartaReport           *self);
char               *warta_report_dup_series_label   (WartaReport           *self,
                                                     guint                  index);

gboolean            warta_report_write_csv          (WartaReport           *self,
                                                     const char            *path,
                                                     GError               **error);
gboolean            warta_report_write_pdf          (WartaReport           *self,
                                                     const char            *path,
                                                     const char            *agency,
                                                     GError               **error);

G_END_DECLS
