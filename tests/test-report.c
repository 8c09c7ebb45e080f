/* test-report.c: report figures against figures this test computes from
 * the timings it generated, not through the report's code
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <pango/pangocairo.h>
#include <string.h>

#include "warta-chart.h"
#include "warta-report.h"
#include "warta-archive-test-util.h"

typedef ArchiveFixture Fixture;

#define N_PUBS 24

/* The SOP's limits, written down here apart from the code. */
static const guint sop_limit[6] = { 0, 0, 120, 30, 30, 30 };

typedef struct
{
  guint step;
  guint minutes;
  int   person;   /* 0 officer, 1 admin, 2 verifier, 3 approver */
} Stay;

typedef struct
{
  GArray *stays;
  guint   per_platform_website;
  guint   per_platform_facebook;
  guint   per_platform_x;
  guint   periodic;
  guint   immediate;
  guint   rounds;
  guint   corrected;
} Truth;

static guint
minutes_for (guint pub,
             guint step,
             guint round)
{
  /* Spread over and under each limit. */
  return (pub * 7 + step * 13 + round * 5) % (step == 2 ? 180 : 50) + 1;
}

static WartaPublication *
go (Fixture          *f,
    Truth            *truth,
    WartaUser        *user,
    int               person,
    WartaPublication *p,
    WartaAction       action,
    WartaState        to,
    guint             step,
    guint             minutes,
    const char       *note)
{
  g_autoptr(GError) error = NULL;
  WartaPublication *after;

  warta_clock_advance (f->clock, MINUTES (minutes));
  after = warta_publication_repository_transition (f->repo, user, warta_publication_get_id (p),
                                                   warta_publication_get_version (p), action, to,
                                                   note, &error);
  g_assert_no_error (error);
  g_object_unref (p);

  if (step != 0)
    {
      Stay stay = { step, minutes, person };

      g_array_append_val (truth->stays, stay);
    }

  return after;
}

static void
generate (Fixture *f,
          Truth   *truth)
{
  gboolean ticked[WARTA_N_CHECKS] = { TRUE, TRUE, TRUE, TRUE, TRUE, TRUE };

  for (guint i = 0; i < N_PUBS; i++)
    {
      g_autoptr(WartaRevision) draft = archive_make_draft ("Rapat koordinasi", "Narasi.");
      g_autoptr(GError) error = NULL;
      WartaPublication *p;
      gboolean returned = i % 4 == 1;

      warta_revision_set_category (draft, i % 3 == 0 ? "immediate" : "periodic");
      if (i % 3 == 0)
        truth->immediate++;
      else
        truth->periodic++;
      /* Captions for platforms offered in the editor, the shared text
       * too; a publication counts for the platforms it went to, below. */
      warta_revision_set_caption (draft, "shared", "Rapat koordinasi");
      warta_revision_set_caption (draft, "instagram", "Rapat koordinasi");
      if (i % 5 == 0)
        {
          warta_revision_set_caption (draft, "youtube-title", "Rapat");
          warta_revision_set_caption (draft, "youtube-description", "Rapat koordinasi");
        }
      p = warta_publication_repository_create (f->repo, f->officer, draft, &error);
      g_assert_no_error (error);
      p = go (f, truth, f->officer, 0, p, WARTA_ACTION_SUBMIT, WARTA_STATE_PROCESSING, 1,
              minutes_for (i, 1, 0), NULL);
      p = go (f, truth, f->admin, 1, p, WARTA_ACTION_SUBMIT, WARTA_STATE_VERIFYING, 2,
              minutes_for (i, 2, 0), NULL);
      if (returned)
        {
          p = go (f, truth, f->verifier, 2, p, WARTA_ACTION_RETURN, WARTA_STATE_PROCESSING, 3,
                  minutes_for (i, 3, 0), "Perbaiki gelar narasumber.");
          p = go (f, truth, f->admin, 1, p, WARTA_ACTION_SUBMIT, WARTA_STATE_VERIFYING, 2,
                  minutes_for (i, 2, 1), NULL);
          truth->rounds++;
          truth->corrected++;
        }
      g_assert_true (warta_publication_repository_save_checklist (f->repo, f->verifier,
                                                                  warta_publication_get_id (p),
                                                                  ticked, NULL, &error));
      p = go (f, truth, f->verifier, 2, p, WARTA_ACTION_FORWARD, WARTA_STATE_APPROVING, 3,
              minutes_for (i, 3, returned), NULL);
      p = go (f, truth, f->approver, 3, p, WARTA_ACTION_APPROVE, WARTA_STATE_APPROVED, 4,
              minutes_for (i, 4, 0), NULL);
      /* Step 5 is approval → publishing → published: one stay. */
      {
        /* Every one to the website; every other one to Facebook too; one
         * to X, published there by hand. */
        const char *website[] = { "wordpress", NULL };
        const char *website_facebook[] = { "wordpress", "facebook", NULL };
        const char *website_x[] = { "wordpress", "x", NULL };
        const char * const *platforms = i == 7 ? website_x : i % 2 == 0 ? website_facebook : website;
        g_autoptr(GListModel) jobs = NULL;
        WartaPublication *published;

        warta_clock_advance (f->clock, MINUTES (2));
        jobs = archive_start_publishing (f, p, platforms);
        warta_clock_advance (f->clock, MINUTES (minutes_for (i, 5, 0)));
        for (guint k = 0; k < g_list_model_get_n_items (jobs); k++)
          {
            g_autoptr(WartaOutboxJob) job = g_list_model_get_item (jobs, k);

            archive_finish_target (f, job, k == 1 && i == 7 ? warta_clock_now (f->clock) - MINUTES (1) : 0);
          }
        truth->per_platform_website++;
        truth->per_platform_facebook += platforms == website_facebook;
        truth->per_platform_x += platforms == website_x;

        published = warta_publication_repository_get (f->repo, warta_publication_get_id (p), &error);
        g_assert_no_error (error);
        g_assert_cmpuint (warta_publication_get_state (published), ==, WARTA_STATE_PUBLISHED);
        g_object_unref (p);
        p = published;
      }
      {
        Stay stay = { 5, 2 + minutes_for (i, 5, 0), 1 };

        g_array_append_val (truth->stays, stay);
      }
      g_object_unref (p);
    }
}

static guint
count_for (WartaReport         *report,
           WartaReportGrouping  grouping,
           const char          *key)
{
  const GPtrArray *counts = warta_report_get_counts (report, grouping);

  for (guint i = 0; i < counts->len; i++)
    {
      WartaReportCount *c = counts->pdata[i];

      if (g_strcmp0 (c->key, key) == 0)
        return c->count;
    }

  return 0;
}

static void
check_report (Fixture     *f,
              WartaReport *report,
              Truth       *truth)
{
  guint per_person[4] = { 0 };
  guint n_overdue = 0;

  g_assert_cmpuint (warta_report_get_n_published (report), ==, N_PUBS);
  /* The platforms it went to, by their names; captions are no platform. */
  g_assert_cmpuint (count_for (report, WARTA_REPORT_BY_PLATFORM, "Website (WordPress)"), ==,
                    truth->per_platform_website);
  g_assert_cmpuint (count_for (report, WARTA_REPORT_BY_PLATFORM, "Facebook"), ==, truth->per_platform_facebook);
  g_assert_cmpuint (count_for (report, WARTA_REPORT_BY_PLATFORM, "X"), ==, truth->per_platform_x);
  g_assert_cmpuint (warta_report_get_counts (report, WARTA_REPORT_BY_PLATFORM)->len, ==, 3);
  g_assert_cmpuint (count_for (report, WARTA_REPORT_BY_CATEGORY, "Periodic"), ==, truth->periodic);
  g_assert_cmpuint (count_for (report, WARTA_REPORT_BY_CATEGORY, "Immediate"), ==, truth->immediate);
  g_assert_cmpuint (count_for (report, WARTA_REPORT_BY_UNIT, "Whole agency"), ==, N_PUBS);
  g_assert_cmpuint (warta_report_get_correction_rounds (report), ==, truth->rounds);
  g_assert_cmpuint (warta_report_get_n_corrected (report), ==, truth->corrected);

  for (guint step = 1; step <= 5; step++)
    {
      const WartaReportStep *s = warta_report_get_step (report, step);
      g_autoptr(GArray) minutes = g_array_new (FALSE, FALSE, sizeof (guint));
      guint n = 0, on_time = 0, sum = 0, max = 0;

      for (guint i = 0; i < truth->stays->len; i++)
        {
          Stay *stay = &g_array_index (truth->stays, Stay, i);

          if (stay->step != step)
            continue;
          n++;
          sum += stay->minutes;
          max = MAX (max, stay->minutes);
          if (sop_limit[step] == 0 || stay->minutes <= sop_limit[step])
            on_time++;
          else
            n_overdue++;
        }

      g_assert_cmpuint (s->limit_minutes, ==, sop_limit[step]);
      g_assert_cmpuint (s->n_done, ==, n);
      g_assert_cmpuint (s->n_on_time, ==, on_time);
      g_assert_cmpint (s->mean_us, ==, MINUTES (sum) / n);
      g_assert_cmpint (s->max_us, ==, MINUTES (max));
      g_assert_cmpuint (s->n_open, ==, 0);
    }

  g_assert_cmpuint (warta_report_get_overdue (report)->len, ==, n_overdue);

  for (guint i = 0; i < truth->stays->len; i++)
    per_person[g_array_index (truth->stays, Stay, i).person]++;
  g_assert_cmpuint (count_for (report, WARTA_REPORT_BY_PERSON, "Budi Santoso"), ==, per_person[0]);
  g_assert_cmpuint (count_for (report, WARTA_REPORT_BY_PERSON, "Sari Dewi"), ==, per_person[1]);
  g_assert_cmpuint (count_for (report, WARTA_REPORT_BY_PERSON, "Ahmad Yani"), ==, per_person[2]);
  g_assert_cmpuint (count_for (report, WARTA_REPORT_BY_PERSON, "Rina Marlina"), ==, per_person[3]);
}

static char *
run_pdftotext (const char *pdf)
{
  const char *tool = g_getenv ("WARTA_PDFTOTEXT");
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;
  const char *argv[] = { tool, "-layout", pdf, "-", NULL };

  if (tool == NULL || *tool == '\0')
    return NULL;

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return g_steal_pointer (&out);
}

static void
test_figures (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Asia/Jakarta");
  g_autoptr(WartaReport) month = NULL;
  g_autoptr(WartaReport) year = NULL;
  g_autoptr(WartaReport) july = NULL;
  g_autoptr(GError) error = NULL;
  WartaDeadlines deadlines;
  Truth truth = { g_array_new (FALSE, FALSE, sizeof (Stay)) };

  generate (f, &truth);
  warta_deadlines_init_default (&deadlines);

  month = warta_report_compute (f->db, WARTA_REPORT_MONTH, 2025, 6, tz, &deadlines,
                                warta_clock_now (f->clock), &error);
  g_assert_no_error (error);
  check_report (f, month, &truth);

  /* The same figures for the semester and the year; none in July. */
  year = warta_report_compute (f->db, WARTA_REPORT_YEAR, 2025, 0, tz, &deadlines,
                               warta_clock_now (f->clock), &error);
  g_assert_no_error (error);
  check_report (f, year, &truth);
  july = warta_report_compute (f->db, WARTA_REPORT_MONTH, 2025, 7, tz, &deadlines,
                               warta_clock_now (f->clock), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (warta_report_get_n_published (july), ==, 0);
  g_assert_cmpuint (warta_report_get_step (july, 3)->n_done, ==, 0);

  /* The series adds up, by day in a month, by month in a year. */
  {
    const GArray *series = warta_report_get_series (month);
    double sum = 0;

    g_assert_cmpuint (series->len, ==, 30);
    for (guint i = 0; i < series->len; i++)
      sum += g_array_index (series, double, i);
    g_assert_cmpfloat (sum, ==, N_PUBS);
    g_assert_cmpuint (warta_report_get_series (year)->len, ==, 12);
    g_assert_cmpfloat (g_array_index (warta_report_get_series (year), double, 5), ==, N_PUBS);
  }

  /* CSV and PDF. */
  {
    g_autofree char *csv_path = g_build_filename (f->dir, "report.csv", NULL);
    g_autofree char *pdf_path = g_build_filename (f->dir, "report.pdf", NULL);
    g_autofree char *csv = NULL;
    g_autofree char *text = NULL;
    g_autofree char *expect = NULL;
    const WartaReportStep *s3 = warta_report_get_step (month, 3);

    g_assert_true (warta_report_write_csv (month, csv_path, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (csv_path, &csv, NULL, NULL));
    g_assert_nonnull (strstr (csv, "report,published,24\r\n"));
    expect = g_strdup_printf ("step,3,30,%u,%u,", s3->n_done, s3->n_on_time);
    g_assert_nonnull (strstr (csv, expect));
    g_assert_nonnull (strstr (csv, "platform,Website (WordPress),24\r\n"));
    g_assert_nonnull (strstr (csv, "platform,Facebook,12\r\n"));

    g_assert_true (warta_report_write_pdf (month, pdf_path, "Inspektorat Provinsi Kalimantan Tengah", &error));
    g_assert_no_error (error);
    g_assert_true (g_file_test (pdf_path, G_FILE_TEST_IS_REGULAR));

    text = run_pdftotext (pdf_path);
    if (text == NULL)
      {
        g_test_skip ("pdftotext (poppler-utils) is not installed: the PDF was not read back");
      }
    else
      {
        g_assert_nonnull (strstr (text, "Inspektorat Provinsi Kalimantan Tengah"));
        g_assert_nonnull (strstr (text, "Published: 24"));
        g_assert_nonnull (strstr (text, "Publications per platform"));
        g_assert_nonnull (strstr (text, "Website (WordPress)"));
        g_assert_nonnull (strstr (text, "Facebook"));
        g_assert_null (strstr (text, "shared"));
        g_assert_null (strstr (text, "instagram"));
        g_assert_nonnull (strstr (text, "Time in each SOP step"));
        g_assert_nonnull (strstr (text, "3 Verification (limit 30 min)"));
      }
  }

  g_array_unref (truth.stays);
}

/* @text with each run of white space made one space. */
static char *
squash_spaces (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \t\r\n\f", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      g_string_append_printf (out, out->len > 0 ? " %s" : "%s", words[i]);

  return g_string_free (out, FALSE);
}

/* Steps 1 to 4 in five minutes each, scheduled for @scheduled_at (0: not
 * scheduled). */
static WartaPublication *
approve_scheduled (Fixture    *f,
                   const char *title,
                   gint64      scheduled_at)
{
  g_autoptr(WartaRevision) draft = archive_make_draft (title, "Narasi.");

  warta_revision_set_scheduled_at (draft, scheduled_at);
  return archive_approve (f, draft, NULL);
}

/* Publishing started a minute before @at and finished at @at. */
static WartaPublication *
publish_at (Fixture          *f,
            WartaPublication *p,
            gint64            at)
{
  warta_clock_freeze (f->clock, at - MINUTES (1));
  p = archive_move (f, f->admin, p, WARTA_ACTION_START_PUBLISHING, WARTA_STATE_PUBLISHING, 0);
  return archive_move (f, f->admin, p, WARTA_ACTION_FINISH, WARTA_STATE_PUBLISHED, 1);
}

/* A scheduled post's step 5 is on time when it went out within the limit
 * after its scheduled time, however long it waited for that time; its time
 * in the step is still counted from the approval. */
static void
test_scheduled (Fixture       *f,
                gconstpointer  data)
{
  const gint64 tomorrow_9 = T0 + MINUTES (26 * 60);   /* 2025-06-19 09:00 WIB */
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Asia/Jakarta");
  g_autoptr(WartaReport) report = NULL;
  g_autoptr(GError) error = NULL;
  WartaPublication *on_time, *late, *plain;
  gint64 on_time_approved, late_approved, plain_approved;
  const WartaReportStep *s5;
  const GPtrArray *overdue;
  WartaDeadlines deadlines;

  on_time = approve_scheduled (f, "Hari Bhayangkara", tomorrow_9);
  on_time_approved = warta_publication_get_step_entered_at (on_time);
  late = approve_scheduled (f, "Hari Lingkungan Hidup", tomorrow_9 + MINUTES (60));
  late_approved = warta_publication_get_step_entered_at (late);
  plain = approve_scheduled (f, "Rapat evaluasi", 0);
  plain_approved = warta_publication_get_step_entered_at (plain);

  /* Not scheduled: 40 minutes after the approval, 10 late. */
  plain = publish_at (f, plain, plain_approved + MINUTES (40));
  /* Ten minutes after its time, the next morning: on time. */
  on_time = publish_at (f, on_time, tomorrow_9 + MINUTES (10));
  /* 45 minutes after its time: 15 late. */
  late = publish_at (f, late, tomorrow_9 + MINUTES (60 + 45));

  warta_deadlines_init_default (&deadlines);
  report = warta_report_compute (f->db, WARTA_REPORT_MONTH, 2025, 6, tz, &deadlines,
                                 warta_clock_now (f->clock), &error);
  g_assert_no_error (error);

  s5 = warta_report_get_step (report, 5);
  g_assert_cmpuint (s5->limit_minutes, ==, 30);
  g_assert_cmpuint (s5->n_done, ==, 3);
  g_assert_cmpuint (s5->n_on_time, ==, 1);
  g_assert_cmpint (s5->max_us, ==, tomorrow_9 + MINUTES (105) - late_approved);
  g_assert_cmpint (s5->mean_us, ==, (MINUTES (40) + (tomorrow_9 + MINUTES (10) - on_time_approved) +
                                     (tomorrow_9 + MINUTES (105) - late_approved)) / 3);

  overdue = warta_report_get_overdue (report);
  g_assert_cmpuint (overdue->len, ==, 2);
  for (guint i = 0; i < overdue->len; i++)
    {
      WartaReportOverdue *o = overdue->pdata[i];

      g_assert_cmpuint (o->step, ==, 5);
      if (o->publication_id == warta_publication_get_id (late))
        {
          g_assert_cmpint (o->deadline_at, ==, tomorrow_9 + MINUTES (90));
          g_assert_cmpint (o->late_us, ==, MINUTES (15));
        }
      else
        {
          g_assert_cmpint (o->publication_id, ==, warta_publication_get_id (plain));
          g_assert_cmpint (o->late_us, ==, MINUTES (10));
        }
    }

  /* The PDF says how a scheduled post is counted. */
  {
    g_autofree char *pdf_path = g_build_filename (f->dir, "report.pdf", NULL);
    g_autofree char *text = NULL;

    g_assert_true (warta_report_write_pdf (report, pdf_path, NULL, &error));
    g_assert_no_error (error);
    text = run_pdftotext (pdf_path);
    if (text == NULL)
      {
        g_test_skip ("pdftotext (poppler-utils) is not installed: the PDF was not read back");
      }
    else
      {
        /* Wrapped in the PDF: compare word by word. */
        g_autofree char *words = squash_spaces (text);
        g_autofree char *rule = squash_spaces (warta_report_get_scheduled_rule ());

        g_assert_nonnull (strstr (rule, "scheduled time"));
        g_assert_nonnull (strstr (words, rule));
      }
  }

  g_object_unref (on_time);
  g_object_unref (late);
  g_object_unref (plain);
}


/* Whether anything is drawn on @surface's white between rows @from and @to. */
static gboolean
drawn_between (cairo_surface_t *surface,
               int              from,
               int              to)
{
  const unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  int width = cairo_image_surface_get_width (surface);

  cairo_surface_flush (surface);
  for (int y = from; y < to; y++)
    for (int x = 0; x < width; x++)
      if (((const guint32 *)(data + y * stride))[x] != 0xffffffff)
        return TRUE;
  return FALSE;
}

/* A bar chart with nothing to count (no platform in a month without
 * posts) says so under its title, not a blank, on screen and in the PDF. */
static void
test_chart_empty (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 300, 46);
  cairo_t *cr = cairo_create (surface);
  WartaChartColors colors;

  warta_chart_colors_init (&colors, FALSE);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  warta_chart_draw_bars (cr, 0, 0, 300, 46, "Publications per platform", NULL, NULL, NULL, 0, NULL,
                         &colors);
  /* The title (Sans Bold 10, some 17 pixels), then a line below it. */
  g_assert_true (drawn_between (surface, 0, 20));
  g_assert_true (drawn_between (surface, 24, 46));

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* The rows of @surface with a pixel of @color (within rounding): the
 * first in @first, how many in the return value. */
static guint
rows_with_color (cairo_surface_t       *surface,
                 const WartaChartColor *color,
                 int                   *first)
{
  const unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int want[3] = { (int) (color->r * 255 + 0.5), (int) (color->g * 255 + 0.5),
                  (int) (color->b * 255 + 0.5) };
  guint n = 0;

  cairo_surface_flush (surface);
  *first = -1;
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 pixel = ((const guint32 *) (data + y * stride))[x];
        int got[3] = { (pixel >> 16) & 0xff, (pixel >> 8) & 0xff, pixel & 0xff };

        if (ABS (got[0] - want[0]) <= 2 && ABS (got[1] - want[1]) <= 2 &&
            ABS (got[2] - want[2]) <= 2)
          {
            if (*first < 0)
              *first = y;
            n++;
            break;
          }
      }
  return n;
}

/* The mean time of each SOP step against its own limit: a step past it
 * is drawn in the warning colour, one within it in the bars' colour;
 * without limits, none is. */
static void
test_chart_limits (void)
{
  const char *labels[] = { "3 Verification", "4 Approval" };
  const double values[] = { 20, 40 };
  const double limits[] = { 30, 30 };
  WartaChartColors colors;
  int first_bar, first_warning;

  warta_chart_colors_init (&colors, FALSE);
  for (guint with_limits = 0; with_limits < 2; with_limits++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 80);
      cairo_t *cr = cairo_create (surface);

      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      warta_chart_draw_bars (cr, 0, 0, 400, 80, "Mean time in each SOP step", labels, values,
                             NULL, 2, with_limits ? limits : NULL, &colors);
      if (with_limits)
        {
          /* The second bar, and only it, in the warning colour. */
          g_assert_cmpuint (rows_with_color (surface, &colors.bar, &first_bar), >, 0);
          g_assert_cmpuint (rows_with_color (surface, &colors.warning, &first_warning), >, 0);
          g_assert_cmpint (first_warning, >, first_bar);
        }
      else
        {
          g_assert_cmpuint (rows_with_color (surface, &colors.bar, &first_bar), >, 0);
          g_assert_cmpuint (rows_with_color (surface, &colors.warning, &first_warning), ==, 0);
        }
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

/* Two steps drawn 360 pixels wide without cases, the first with a limit
 * of 120 minutes, the second with @limit and @text. */
static cairo_surface_t *
draw_limit_bars (double      limit,
                 const char *text)
{
  const char *labels[] = { "2 Processing", "3 Verification" };
  const char *texts[] = { "no cases", text };
  const double values[] = { 0, 0 };
  const double limits[] = { 120, limit };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 360, 80);
  cairo_t *cr = cairo_create (surface);
  WartaChartColors colors;

  warta_chart_colors_init (&colors, FALSE);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  warta_chart_draw_bars (cr, 0, 0, 360, 80, "Mean time in each SOP step", labels, values, texts, 2,
                         limits, &colors);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

/* The columns where @a and @b differ, as a mask. */
static void
differing_columns (cairo_surface_t *a,
                   cairo_surface_t *b,
                   gboolean        *columns)
{
  const unsigned char *da = cairo_image_surface_get_data (a);
  const unsigned char *db = cairo_image_surface_get_data (b);
  int stride = cairo_image_surface_get_stride (a);

  for (int x = 0; x < cairo_image_surface_get_width (a); x++)
    {
      columns[x] = FALSE;
      for (int y = 0; y < cairo_image_surface_get_height (a) && !columns[x]; y++)
        columns[x] = ((const guint32 *) (da + y * stride))[x] !=
                     ((const guint32 *) (db + y * stride))[x];
    }
}

/* A step's text ("no cases") is not struck through by its limit's mark
 * where the bar is shorter than the limit, as it was in a narrow window
 * (Verification's 30 minutes a quarter of Processing's 120): the text
 * goes beyond the mark. The same widths in each drawing: only the second
 * step's text or mark differs. */
static void
test_chart_limit_text (void)
{
  cairo_surface_t *written = draw_limit_bars (30, "no cases");
  cairo_surface_t *marked = draw_limit_bars (30, "");
  cairo_surface_t *bare = draw_limit_bars (0, "");
  gboolean text_columns[360];
  gboolean mark_columns[360];
  guint n_marks = 0, n_text = 0;

  differing_columns (written, marked, text_columns);
  differing_columns (marked, bare, mark_columns);
  for (int x = 0; x < 360; x++)
    {
      n_marks += mark_columns[x];
      n_text += text_columns[x];
      if (mark_columns[x] && text_columns[x])
        g_error ("the text and the limit mark share column %d", x);
    }
  g_assert_cmpuint (n_marks, >, 0);
  g_assert_cmpuint (n_text, >, 0);

  cairo_surface_destroy (written);
  cairo_surface_destroy (marked);
  cairo_surface_destroy (bare);
}

/* A person's name beside a bar is not cut to a few letters in a narrow
 * window ("Sari Dewi Angg…" at 360 px): the labels get the room they
 * need, up to half the chart. */
static void
test_chart_labels (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 10, 10);
  cairo_t *cr = cairo_create (surface);
  const char *names[] = { "Ahmad Yani", "Sari Dewi Anggraini" };
  const char *long_name[] = { "Dr. Hj. Rina Marlina Kusumaningrum, S.E., M.Si., Ak." };
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans 9");
  int name_w;

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, names[1], -1);
  pango_layout_get_pixel_size (layout, &name_w, NULL);

  /* 326 pixels: a 360-pixel window's chart. */
  g_assert_cmpfloat (warta_chart_bar_label_width (cr, 326, names, 2), >=, name_w);
  g_assert_cmpfloat (warta_chart_bar_label_width (cr, 326, long_name, 1), ==, 163);
  /* Short labels keep a third of a wide chart, as before. */
  g_assert_cmpfloat (warta_chart_bar_label_width (cr, 900, names, 2), ==, 900 * 0.32);

  pango_font_description_free (font);
  g_object_unref (layout);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/warta/report/chart-empty", test_chart_empty);
  g_test_add_func ("/warta/report/chart-labels", test_chart_labels);
  g_test_add_func ("/warta/report/chart-limits", test_chart_limits);
  g_test_add_func ("/warta/report/chart-limit-text", test_chart_limit_text);
  g_test_add ("/warta/report/figures", Fixture, NULL,
              archive_fixture_set_up, test_figures, archive_fixture_tear_down);
  g_test_add ("/warta/report/scheduled", Fixture, NULL,
              archive_fixture_set_up, test_scheduled, archive_fixture_tear_down);

  return g_test_run ();
}
