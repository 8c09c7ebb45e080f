/* warta-report.c: what was published where, and how the SOP's time
 * limits were met, per month, semester or year
 *
 * The figures the yearly public-information service report and the
 * Monev SAQ ask for: publications per platform, category and unit; per
 * SOP step the time spent against its limit and the on-time rate;
 * correction rounds; steps completed per person; the overdue cases.
 * A publication counts in the period it was published (its stay in
 * step 5 ended); a step's stay counts in the period it began. A stay is
 * on time by the deadline stored with it, which for a scheduled post's
 * step 5 runs from its scheduled time (warta_workflow_get_clock_start()),
 * while its time in the step still counts from the approval.
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "warta-report"

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <string.h>

#include "warta-archive-repository.h"
#include "warta-chart.h"
#include "warta-account.h"
#include "warta-clock.h"
#include "warta-report.h"

struct _WartaReport
{
  GObject            parent_instance;

  WartaReportPeriod  period;
  int                year;
  int                index;
  GTimeZone         *time_zone;
  gint64             from;
  gint64             to;
  gint64             now;
  WartaDeadlines     deadlines;

  guint              n_published;
  guint              correction_rounds;
  guint              n_corrected;
  GHashTable        *tallies[WARTA_REPORT_N_GROUPINGS];   /* key → count */
  GPtrArray         *counts[WARTA_REPORT_N_GROUPINGS];    /* WartaReportCount, sorted */
  GArray            *durations[WARTA_N_STEPS + 1];        /* gint64 µs of ended stays */
  WartaReportStep    steps[WARTA_N_STEPS + 1];
  GPtrArray         *overdue;
  GArray            *series;                             /* double per bucket */
};

G_DEFINE_FINAL_TYPE (WartaReport, warta_report, G_TYPE_OBJECT)

static void
count_free (WartaReportCount *count)
{
  g_free (count->key);
  g_free (count);
}

static void
overdue_free (WartaReportOverdue *overdue)
{
  g_free (overdue->title);
  g_free (overdue);
}

static void
warta_report_finalize (GObject *object)
{
  WartaReport *self = (WartaReport *)object;

  for (guint i = 0; i < WARTA_REPORT_N_GROUPINGS; i++)
    {
      g_clear_pointer (&self->tallies[i], g_hash_table_unref);
      g_clear_pointer (&self->counts[i], g_ptr_array_unref);
    }
  for (guint i = 0; i <= WARTA_N_STEPS; i++)
    g_clear_pointer (&self->durations[i], g_array_unref);
  g_clear_pointer (&self->overdue, g_ptr_array_unref);
  g_clear_pointer (&self->series, g_array_unref);
  g_clear_pointer (&self->time_zone, g_time_zone_unref);

  G_OBJECT_CLASS (warta_report_parent_class)->finalize (object);
}

static void
warta_report_class_init (WartaReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = warta_report_finalize;
}

static void
warta_report_init (WartaReport *self)
{
  for (guint i = 0; i < WARTA_REPORT_N_GROUPINGS; i++)
    {
      self->tallies[i] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      self->counts[i] = g_ptr_array_new_with_free_func ((GDestroyNotify)count_free);
    }
  for (guint i = 0; i <= WARTA_N_STEPS; i++)
    self->durations[i] = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->overdue = g_ptr_array_new_with_free_func ((GDestroyNotify)overdue_free);
  self->series = g_array_new (FALSE, TRUE, sizeof (double));
}

static const char *
category_name (const char *id)
{
  if (g_strcmp0 (id, "periodic") == 0)
    return _("Periodic");
  if (g_strcmp0 (id, "immediate") == 0)
    return _("Immediate");
  if (g_strcmp0 (id, "on-request") == 0)
    return _("Available on request");
  return id;
}

static const char *
step_name (guint step)
{
  switch (step)
    {
    case 1: return _("1 Documentation");
    case 2: return _("2 Processing");
    case 3: return _("3 Verification");
    case 4: return _("4 Approval");
    case 5: return _("5 Publishing");
    default: return "";
    }
}

/* g_date_time_new_from_unix_usec() is GLib 2.80. */
static GDateTime *
datetime_from_us (gint64     us,
                  GTimeZone *tz)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (us / G_USEC_PER_SEC);

  return g_date_time_to_timezone (utc, tz);
}

static void
tally (WartaReport         *self,
       WartaReportGrouping  grouping,
       const char          *key)
{
  gpointer value = NULL;
  char *stored = NULL;

  if (g_hash_table_lookup_extended (self->tallies[grouping], key, (gpointer *)&stored, &value))
    g_hash_table_insert (self->tallies[grouping], g_strdup (key), GUINT_TO_POINTER (GPOINTER_TO_UINT (value) + 1));
  else
    g_hash_table_insert (self->tallies[grouping], g_strdup (key), GUINT_TO_POINTER (1));
}

static guint
bucket_of (WartaReport *self,
           gint64       at)
{
  g_autoptr(GDateTime) dt = datetime_from_us (at, self->time_zone);

  if (self->period == WARTA_REPORT_MONTH)
    return (guint)g_date_time_get_day_of_month (dt) - 1;
  if (self->period == WARTA_REPORT_SEMESTER)
    return (guint)(g_date_time_get_month (dt) - 1) % 6;
  return (guint)g_date_time_get_month (dt) - 1;
}

static void
published_cb (gint64       publication_id,
              const char  *category,
              const char  *unit,
              const char  *platforms,
              gint64       published_at,
              guint        correction_rounds,
              gpointer     user_data)
{
  WartaReport *self = user_data;
  g_auto(GStrv) parts = g_strsplit (platforms != NULL ? platforms : "", ",", -1);
  guint bucket;

  self->n_published++;
  self->correction_rounds += correction_rounds;
  if (correction_rounds > 0)
    self->n_corrected++;

  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] != '\0')
      tally (self, WARTA_REPORT_BY_PLATFORM, warta_platform_get_display_name (parts[i]));
  tally (self, WARTA_REPORT_BY_CATEGORY, category_name (category));
  tally (self, WARTA_REPORT_BY_UNIT, unit != NULL && *unit != '\0' ? unit : _("Whole agency"));

  bucket = bucket_of (self, published_at);
  if (bucket < self->series->len)
    g_array_index (self->series, double, bucket) += 1;
}

static void
step_cb (gint64       publication_id,
         const char  *title,
         guint        step,
         gint64       entered_at,
         gint64       deadline_at,
         gint64       exited_at,
         gint64       person_id,
         const char  *person_name,
         gpointer     user_data)
{
  WartaReport *self = user_data;
  WartaReportStep *s = &self->steps[step];
  gint64 late = 0;

  if (exited_at != 0)
    {
      gint64 duration = exited_at - entered_at;

      g_array_append_val (self->durations[step], duration);
      s->n_done++;
      if (deadline_at == 0 || exited_at <= deadline_at)
        s->n_on_time++;
      else
        late = exited_at - deadline_at;
      if (person_id != 0)
        tally (self, WARTA_REPORT_BY_PERSON, person_name != NULL ? person_name : "?");
    }
  else
    {
      s->n_open++;
      if (deadline_at != 0 && self->now > deadline_at)
        late = self->now - deadline_at;
    }

  if (late > 0)
    {
      WartaReportOverdue *o = g_new0 (WartaReportOverdue, 1);

      o->publication_id = publication_id;
      o->title = g_strdup (title);
      o->step = step;
      o->entered_at = entered_at;
      o->deadline_at = deadline_at;
      o->exited_at = exited_at;
      o->late_us = late;
      g_ptr_array_add (self->overdue, o);
    }
}

static int
compare_counts (gconstpointer a,
                gconstpointer b)
{
  const WartaReportCount *x = *(WartaReportCount * const *)a;
  const WartaReportCount *y = *(WartaReportCount * const *)b;

  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  return g_strcmp0 (x->key, y->key);
}

static int
compare_durations (gconstpointer a,
                   gconstpointer b)
{
  gint64 x = *(const gint64 *)a, y = *(const gint64 *)b;

  return x < y ? -1 : x > y;
}

static int
compare_overdue (gconstpointer a,
                 gconstpointer b)
{
  const WartaReportOverdue *x = *(WartaReportOverdue * const *)a;
  const WartaReportOverdue *y = *(WartaReportOverdue * const *)b;

  if (x->entered_at != y->entered_at)
    return x->entered_at < y->entered_at ? -1 : 1;
  return (int)x->step - (int)y->step;
}

static void
finish (WartaReport *self)
{
  for (guint g = 0; g < WARTA_REPORT_N_GROUPINGS; g++)
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, self->tallies[g]);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          WartaReportCount *count = g_new0 (WartaReportCount, 1);

          count->key = g_strdup (key);
          count->count = GPOINTER_TO_UINT (value);
          g_ptr_array_add (self->counts[g], count);
        }
      g_ptr_array_sort (self->counts[g], compare_counts);
    }

  for (guint step = 1; step <= WARTA_N_STEPS; step++)
    {
      WartaReportStep *s = &self->steps[step];
      GArray *d = self->durations[step];
      gint64 sum = 0;

      s->limit_minutes = self->deadlines.minutes[step];
      if (d->len == 0)
        continue;
      g_array_sort (d, compare_durations);
      for (guint i = 0; i < d->len; i++)
        sum += g_array_index (d, gint64, i);
      s->mean_us = sum / d->len;
      s->median_us = d->len % 2 ? g_array_index (d, gint64, d->len / 2)
                                : (g_array_index (d, gint64, d->len / 2 - 1) +
                                   g_array_index (d, gint64, d->len / 2)) / 2;
      s->max_us = g_array_index (d, gint64, d->len - 1);
    }

  g_ptr_array_sort (self->overdue, compare_overdue);
}

static gboolean
set_period (WartaReport        *self,
            WartaReportPeriod   period,
            int                 year,
            int                 index,
            GError            **error)
{
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  guint n_buckets;

  if (year < 2000 || year > 9999 ||
      (period == WARTA_REPORT_MONTH && (index < 1 || index > 12)) ||
      (period == WARTA_REPORT_SEMESTER && (index < 1 || index > 2)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("There is no such report period. Choose a month, a semester or a year."));
      return FALSE;
    }

  switch (period)
    {
    case WARTA_REPORT_MONTH:
      from = g_date_time_new (self->time_zone, year, index, 1, 0, 0, 0);
      to = g_date_time_add_months (from, 1);
      n_buckets = (guint)g_date_get_days_in_month ((GDateMonth)index, (GDateYear)year);
      break;
    case WARTA_REPORT_SEMESTER:
      from = g_date_time_new (self->time_zone, year, index == 1 ? 1 : 7, 1, 0, 0, 0);
      to = g_date_time_add_months (from, 6);
      n_buckets = 6;
      break;
    case WARTA_REPORT_YEAR:
    default:
      from = g_date_time_new (self->time_zone, year, 1, 1, 0, 0, 0);
      to = g_date_time_add_years (from, 1);
      n_buckets = 12;
      break;
    }

  self->period = period;
  self->year = year;
  self->index = index;
  self->from = g_date_time_to_unix (from) * G_USEC_PER_SEC;
  self->to = g_date_time_to_unix (to) * G_USEC_PER_SEC;
  g_array_set_size (self->series, n_buckets);

  return TRUE;
}

/**
 * warta_report_compute:
 * @database: a #WartaDatabase
 * @period: month, semester or year
 * @year: the year
 * @index: the month (1–12) or semester (1–2); ignored for a year
 * @time_zone: where the period's days begin
 * @deadlines: the limits to report against (the stored deadlines decide
 *   what was on time; these are shown beside them)
 * @now_us: the time at which a still-running step is judged
 * @error: where to put an error
 *
 * Returns: (transfer full): the report
 */
WartaReport *
warta_report_compute (WartaDatabase         *database,
                      WartaReportPeriod      period,
                      int                    year,
                      int                    index,
                      GTimeZone             *time_zone,
                      const WartaDeadlines  *deadlines,
                      gint64                 now_us,
                      GError               **error)
{
  g_autoptr(WartaReport) self = g_object_new (WARTA_TYPE_REPORT, NULL);

  g_return_val_if_fail (WARTA_IS_DATABASE (database), NULL);
  g_return_val_if_fail (time_zone != NULL, NULL);
  g_return_val_if_fail (deadlines != NULL, NULL);

  self->time_zone = g_time_zone_ref (time_zone);
  self->deadlines = *deadlines;
  self->now = now_us;

  if (!set_period (self, period, year, index, error))
    return NULL;

  if (!warta_archive_repository_foreach_published (database, self->from, self->to, published_cb, self, error) ||
      !warta_archive_repository_foreach_step (database, self->from, self->to, step_cb, self, error))
    return NULL;

  finish (self);

  return g_steal_pointer (&self);
}

typedef struct
{
  WartaReportPeriod  period;
  int                year;
  int                index;
  GTimeZone         *time_zone;
  WartaDeadlines     deadlines;
  gint64             now_us;
} ComputeData;

static void
compute_data_free (ComputeData *data)
{
  g_time_zone_unref (data->time_zone);
  g_free (data);
}

static gpointer
compute_work (WartaDatabase  *reader,
              gpointer        data,
              GCancellable   *cancellable,
              GError        **error)
{
  ComputeData *c = data;

  return warta_report_compute (reader, c->period, c->year, c->index, c->time_zone,
                               &c->deadlines, c->now_us, error);
}

/**
 * warta_report_compute_async:
 * @now_us: the office clock's now, which open cases are late to
 *
 * Computes the report in the archive's worker thread.
 */
void
warta_report_compute_async (WartaArchive          *archive,
                            WartaReportPeriod      period,
                            int                    year,
                            int                    index,
                            GTimeZone             *time_zone,
                            const WartaDeadlines  *deadlines,
                            gint64                 now_us,
                            GCancellable          *cancellable,
                            GAsyncReadyCallback    callback,
                            gpointer               user_data)
{
  ComputeData *data = g_new0 (ComputeData, 1);

  data->period = period;
  data->year = year;
  data->index = index;
  data->time_zone = g_time_zone_ref (time_zone);
  data->deadlines = *deadlines;
  data->now_us = now_us;

  warta_archive_run_async (archive, compute_work, data, (GDestroyNotify)compute_data_free,
                           g_object_unref, cancellable, callback, user_data);
}

WartaReport *
warta_report_compute_finish (WartaArchive  *archive,
                             GAsyncResult  *result,
                             GError       **error)
{
  return warta_archive_run_finish (archive, result, error);
}

WartaReportPeriod warta_report_get_period (WartaReport *self) { return self->period; }
gint64 warta_report_get_from (WartaReport *self) { return self->from; }
gint64 warta_report_get_to (WartaReport *self) { return self->to; }
guint warta_report_get_n_published (WartaReport *self) { return self->n_published; }
guint warta_report_get_correction_rounds (WartaReport *self) { return self->correction_rounds; }
guint warta_report_get_n_corrected (WartaReport *self) { return self->n_corrected; }
const GPtrArray *warta_report_get_overdue (WartaReport *self) { return self->overdue; }

/**
 * warta_report_get_scheduled_rule:
 *
 * Returns: how the figures count a scheduled post, for their readers: the
 *   mean time in step 5 may pass its limit while every stay was on time
 */
const char *
warta_report_get_scheduled_rule (void)
{
  return _("A scheduled post is on time in step 5 when it is published within the step’s limit "
           "after its scheduled time. Its time in step 5 counts from the approval.");
}
const GArray *warta_report_get_series (WartaReport *self) { return self->series; }

/**
 * warta_report_get_counts:
 *
 * Returns: (transfer none) (element-type WartaReportCount): the counts,
 *   largest first
 */
const GPtrArray *
warta_report_get_counts (WartaReport         *self,
                         WartaReportGrouping  grouping)
{
  g_return_val_if_fail (grouping < WARTA_REPORT_N_GROUPINGS, NULL);

  return self->counts[grouping];
}

const WartaReportStep *
warta_report_get_step (WartaReport *self,
                       guint        step)
{
  g_return_val_if_fail (step >= 1 && step <= WARTA_N_STEPS, NULL);

  return &self->steps[step];
}

static char *
format_month (GTimeZone *tz,
              int        year,
              int        month)
{
  g_autoptr(GDateTime) dt = g_date_time_new (tz, year, month, 1, 0, 0, 0);

  return warta_date_time_format (dt, "%B %Y");
}

char *
warta_report_dup_title (WartaReport *self)
{
  switch (self->period)
    {
    case WARTA_REPORT_MONTH:
      {
        g_autofree char *month = format_month (self->time_zone, self->year, self->index);

        /* TRANSLATORS: %s is a month and year, "June 2025" */
        return g_strdup_printf (_("Publication report, %s"), month);
      }
    case WARTA_REPORT_SEMESTER:
      /* TRANSLATORS: semester 1 or 2 of a year */
      return g_strdup_printf (_("Publication report, semester %d of %d"), self->index, self->year);
    case WARTA_REPORT_YEAR:
    default:
      return g_strdup_printf (_("Publication report, year %d"), self->year);
    }
}

char *
warta_report_dup_series_label (WartaReport *self,
                               guint        index)
{
  g_autoptr(GDateTime) dt = NULL;

  if (self->period == WARTA_REPORT_MONTH)
    return g_strdup_printf ("%u", index + 1);

  dt = g_date_time_new (self->time_zone, self->year,
                        (int)index + 1 + (self->period == WARTA_REPORT_SEMESTER && self->index == 2 ? 6 : 0),
                        1, 0, 0, 0);
  return warta_date_time_format (dt, "%b");
}

/* CSV -------------------------------------------------------------------- */

static void
csv_field (GString    *out,
           const char *text)
{
  if (text != NULL && strpbrk (text, ",\"\n\r") != NULL)
    {
      g_string_append_c (out, '"');
      for (const char *c = text; *c != '\0'; c++)
        {
          if (*c == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *c);
        }
      g_string_append_c (out, '"');
    }
  else if (text != NULL)
    g_string_append (out, text);
}

static void
csv_row (GString *out,
         ...)
{
  va_list args;
  const char *field;
  gboolean first = TRUE;

  va_start (args, out);
  while ((field = va_arg (args, const char *)) != NULL)
    {
      if (!first)
        g_string_append_c (out, ',');
      csv_field (out, field);
      first = FALSE;
    }
  va_end (args);
  g_string_append (out, "\r\n");
}

static char *
format_time (WartaReport *self,
             gint64       us)
{
  g_autoptr(GDateTime) dt = NULL;

  if (us == 0)
    return g_strdup ("");
  dt = datetime_from_us (us, self->time_zone);
  return g_date_time_format (dt, "%Y-%m-%d %H:%M");
}

#define MIN_TEXT(us) g_strdup_printf ("%.1f", (double)(us) / (60.0 * G_USEC_PER_SEC))

/**
 * warta_report_write_csv:
 *
 * One table of rows "section, key, values…", RFC 4180 quoting, UTF-8,
 * times in minutes. Column names are English and stable, for
 * spreadsheets that read them.
 */
gboolean
warta_report_write_csv (WartaReport  *self,
                        const char   *path,
                        GError      **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *title = warta_report_dup_title (self);
  g_autofree char *n = g_strdup_printf ("%u", self->n_published);
  g_autofree char *rounds = g_strdup_printf ("%u", self->correction_rounds);
  g_autofree char *corrected = g_strdup_printf ("%u", self->n_corrected);
  static const char * const sections[] = { "platform", "category", "unit", "person" };

  csv_row (out, "section", "key", "value", "value2", "value3", "value4", "value5", "value6",
           "value7", "value8", NULL);
  csv_row (out, "report", "title", title, NULL);
  csv_row (out, "report", "published", n, NULL);
  csv_row (out, "corrections", "rounds", rounds, NULL);
  csv_row (out, "corrections", "publications", corrected, NULL);

  for (guint g = 0; g < WARTA_REPORT_N_GROUPINGS; g++)
    for (guint i = 0; i < self->counts[g]->len; i++)
      {
        WartaReportCount *c = self->counts[g]->pdata[i];
        g_autofree char *count = g_strdup_printf ("%u", c->count);

        csv_row (out, sections[g], c->key, count, NULL);
      }

  csv_row (out, "step-columns", "step", "limit_minutes", "done", "on_time", "on_time_rate",
           "mean_minutes", "median_minutes", "max_minutes", "open", NULL);
  for (guint step = 1; step <= WARTA_N_STEPS; step++)
    {
      WartaReportStep *s = &self->steps[step];
      g_autofree char *no = g_strdup_printf ("%u", step);
      g_autofree char *limit = g_strdup_printf ("%u", s->limit_minutes);
      g_autofree char *done = g_strdup_printf ("%u", s->n_done);
      g_autofree char *on_time = g_strdup_printf ("%u", s->n_on_time);
      g_autofree char *rate = g_strdup_printf ("%.3f", s->n_done ? (double)s->n_on_time / s->n_done : 0.0);
      g_autofree char *mean = MIN_TEXT (s->mean_us);
      g_autofree char *median = MIN_TEXT (s->median_us);
      g_autofree char *max = MIN_TEXT (s->max_us);
      g_autofree char *open = g_strdup_printf ("%u", s->n_open);

      csv_row (out, "step", no, limit, done, on_time, rate, mean, median, max, open, NULL);
    }

  csv_row (out, "overdue-columns", "publication", "title", "step", "entered", "deadline", "exited",
           "late_minutes", NULL);
  for (guint i = 0; i < self->overdue->len; i++)
    {
      WartaReportOverdue *o = self->overdue->pdata[i];
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, o->publication_id);
      g_autofree char *step = g_strdup_printf ("%u", o->step);
      g_autofree char *entered = format_time (self, o->entered_at);
      g_autofree char *deadline = format_time (self, o->deadline_at);
      g_autofree char *exited = format_time (self, o->exited_at);
      g_autofree char *late = MIN_TEXT (o->late_us);

      csv_row (out, "overdue", id, o->title, step, entered, deadline, exited, late, NULL);
    }

  for (guint i = 0; i < self->series->len; i++)
    {
      g_autofree char *label = warta_report_dup_series_label (self, i);
      g_autofree char *value = g_strdup_printf ("%.0f", g_array_index (self->series, double, i));

      csv_row (out, "series", label, value, NULL);
    }

  return g_file_set_contents (path, out->str, out->len, error);
}

/* PDF -------------------------------------------------------------------- */

#define PAGE_W 595.0   /* A4 in points */
#define PAGE_H 842.0
#define MARGIN 50.0

typedef struct
{
  cairo_t *cr;
  double   y;
  WartaChartColors colors;
} Pdf;

static double
pdf_text (Pdf        *pdf,
          const char *font,
          const char *text)
{
  PangoLayout *layout = pango_cairo_create_layout (pdf->cr);
  PangoFontDescription *desc = pango_font_description_from_string (font);
  int w, h;

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_width (layout, (int)((PAGE_W - 2 * MARGIN) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &w, &h);

  if (pdf->y + h > PAGE_H - MARGIN)
    {
      cairo_show_page (pdf->cr);
      pdf->y = MARGIN;
    }

  cairo_set_source_rgb (pdf->cr, 0, 0, 0);
  cairo_move_to (pdf->cr, MARGIN, pdf->y);
  pango_cairo_show_layout (pdf->cr, layout);
  pdf->y += h + 2;

  pango_font_description_free (desc);
  g_object_unref (layout);

  return h;
}

static void
pdf_space (Pdf    *pdf,
           double  height)
{
  if (pdf->y + height > PAGE_H - MARGIN)
    {
      cairo_show_page (pdf->cr);
      pdf->y = MARGIN;
    }
}

static void
pdf_count_chart (Pdf             *pdf,
                 const char      *title,
                 const GPtrArray *counts)
{
  guint n = MIN (counts->len, 12);
  g_autofree const char **labels = g_new0 (const char *, n + 1);
  g_autofree double *values = g_new0 (double, n + 1);
  double height = 24 + 20.0 * n;

  for (guint i = 0; i < n; i++)
    {
      WartaReportCount *c = counts->pdata[i];

      labels[i] = c->key;
      values[i] = c->count;
    }

  pdf_space (pdf, height);
  warta_chart_draw_bars (pdf->cr, MARGIN, pdf->y, PAGE_W - 2 * MARGIN, height, title,
                         labels, values, NULL, n, NULL, &pdf->colors);
  pdf->y += height + 12;
}

/**
 * warta_report_write_pdf:
 * @agency: the agency's name, for the header
 *
 * An A4 report: header, summary, charts, the table of SOP steps and the
 * overdue cases.
 */
gboolean
warta_report_write_pdf (WartaReport  *self,
                        const char   *path,
                        const char   *agency,
                        GError      **error)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  g_autofree char *title = warta_report_dup_title (self);
  g_autofree char *text = NULL;
  Pdf pdf = { 0 };

  surface = cairo_pdf_surface_create (path, PAGE_W, PAGE_H);
  pdf.cr = cairo_create (surface);
  pdf.y = MARGIN;
  warta_chart_colors_init (&pdf.colors, FALSE);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Warta");

  pdf_text (&pdf, "Sans Bold 14", agency != NULL && *agency != '\0' ? agency : _("Public body"));
  pdf_text (&pdf, "Sans Bold 12", title);
  pdf.y += 8;

  text = g_strdup_printf (_("Published: %u"), self->n_published);
  pdf_text (&pdf, "Sans 10", text);
  g_free (text);
  text = g_strdup_printf (_("Correction rounds: %u, in %u publications"), self->correction_rounds,
                          self->n_corrected);
  pdf_text (&pdf, "Sans 10", text);
  g_clear_pointer (&text, g_free);
  pdf.y += 8;

  {
    guint n = self->series->len;
    g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

    for (guint i = 0; i < n; i++)
      g_ptr_array_add (labels, warta_report_dup_series_label (self, i));
    pdf_space (&pdf, 150);
    warta_chart_draw_line (pdf.cr, MARGIN, pdf.y, PAGE_W - 2 * MARGIN, 140,
                           _("Publications over the period"),
                           (const char * const *)labels->pdata, (const double *)self->series->data,
                           n, &pdf.colors);
    pdf.y += 152;
  }

  pdf_count_chart (&pdf, _("Publications per platform"), self->counts[WARTA_REPORT_BY_PLATFORM]);
  pdf_count_chart (&pdf, _("Publications per category"), self->counts[WARTA_REPORT_BY_CATEGORY]);
  pdf_count_chart (&pdf, _("Publications per unit"), self->counts[WARTA_REPORT_BY_UNIT]);

  pdf_text (&pdf, "Sans Bold 11", _("Time in each SOP step"));
  for (guint step = 1; step <= WARTA_N_STEPS; step++)
    {
      WartaReportStep *s = &self->steps[step];
      g_autofree char *limit = s->limit_minutes ? g_strdup_printf (_("limit %u min"), s->limit_minutes)
                                                : g_strdup (_("no limit"));

      text = g_strdup_printf (_("%s (%s): %u done, %u on time (%.0f%%), mean %.1f min, median %.1f min, longest %.1f min, %u still open"),
                              step_name (step), limit, s->n_done, s->n_on_time,
                              s->n_done ? 100.0 * s->n_on_time / s->n_done : 0.0,
                              s->mean_us / 6e7, s->median_us / 6e7, s->max_us / 6e7, s->n_open);
      pdf_text (&pdf, "Sans 9", text);
      g_clear_pointer (&text, g_free);
    }
  pdf_text (&pdf, "Sans Italic 8", warta_report_get_scheduled_rule ());
  pdf.y += 8;

  {
    const char *labels[WARTA_N_STEPS];
    double values[WARTA_N_STEPS];
    char texts[WARTA_N_STEPS][16];
    const char *value_texts[WARTA_N_STEPS];

    for (guint step = 1; step <= WARTA_N_STEPS; step++)
      {
        WartaReportStep *s = &self->steps[step];

        labels[step - 1] = step_name (step);
        values[step - 1] = s->n_done ? 100.0 * s->n_on_time / s->n_done : 0;
        g_snprintf (texts[step - 1], sizeof texts[0], "%.0f%%", values[step - 1]);
        value_texts[step - 1] = texts[step - 1];
      }
    pdf_space (&pdf, 130);
    warta_chart_draw_bars (pdf.cr, MARGIN, pdf.y, PAGE_W - 2 * MARGIN, 124,
                           _("On-time rate per step"), labels, values, value_texts,
                           WARTA_N_STEPS, NULL, &pdf.colors);
    pdf.y += 136;
  }

  pdf_count_chart (&pdf, _("Steps completed per person"), self->counts[WARTA_REPORT_BY_PERSON]);

  text = g_strdup_printf (_("Overdue cases: %u"), self->overdue->len);
  pdf_text (&pdf, "Sans Bold 11", text);
  g_clear_pointer (&text, g_free);
  for (guint i = 0; i < MIN (self->overdue->len, 200); i++)
    {
      WartaReportOverdue *o = self->overdue->pdata[i];
      g_autofree char *entered = format_time (self, o->entered_at);

      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, o->publication_id);

      /* TRANSLATORS: "#12 Title — step 3 Verification, entered 2025-06-18 09:00, 45 min late" */
      text = g_strdup_printf (o->exited_at == 0 ? _("#%s %s — step %s, entered %s, %.0f min late, still open")
                                                : _("#%s %s — step %s, entered %s, %.0f min late"),
                              id, o->title, step_name (o->step), entered, o->late_us / 6e7);
      pdf_text (&pdf, "Sans 8", text);
      g_clear_pointer (&text, g_free);
    }
  if (self->overdue->len > 200)
    {
      text = g_strdup_printf (_("… and %u more: see the CSV export."), self->overdue->len - 200);
      pdf_text (&pdf, "Sans 8", text);
      g_clear_pointer (&text, g_free);
    }

  cairo_show_page (pdf.cr);
  cairo_destroy (pdf.cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The PDF “%s” could not be written: %s. Choose another folder."),
                   path, cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}
