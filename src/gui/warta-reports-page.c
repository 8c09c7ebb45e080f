/* warta-reports-page.c: reports per month, semester and year, with charts
 *
 * The report is computed in the archive's worker; the charts are the same
 * cairo drawings as in the PDF (warta-chart.c), coloured from the
 * widget's style and libadwaita's dark state so they read in both.
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "warta-reports-page"

#include "config.h"

#include <glib/gi18n.h>

#include "warta-application.h"
#include "warta-chart.h"
#include "warta-clock.h"
#include "warta-publication-row.h"
#include "warta-reports-page-private.h"
#include "warta-mnemonic.h"
#include "warta-toast.h"
#include "warta-wrap-box.h"

struct _WartaReportsPage
{
  AdwBin          parent_instance;

  /* Template widgets */
  GtkDropDown    *period_dropdown;
  GtkSpinButton  *index_spin;
  GtkSpinButton  *year_spin;
  GtkButton      *make_button;
  GtkLabel       *status_label;
  GtkButton      *pdf_button;
  GtkButton      *csv_button;
  GtkDrawingArea *chart_area;
  GtkLabel       *details_label;
  GtkStack       *content_stack;
  AdwStatusPage  *empty_page;

  /* Owned references */
  WartaContext   *context;
  WartaArchive   *archive;
  WartaReport    *report;
  GCancellable   *cancellable;
};

G_DEFINE_FINAL_TYPE (WartaReportsPage, warta_reports_page, ADW_TYPE_BIN)

/* Says @message on the window's toast overlay, offering to open @folder
 * when given; logged when the page is in no such window. */
static void
toast_with_folder (WartaReportsPage *self,
                   const char       *message,
                   GFile            *folder)
{
  if (!warta_toast_show (GTK_WIDGET (self), warta_toast_new (message, folder)))
    g_message ("%s", message);
}

#define CHART_GAP 16.0

static double
bars_height (guint n)
{
  return 24 + 22.0 * MAX (n, 1);
}

static void
draw_counts (cairo_t                *cr,
             double                  y,
             double                  width,
             const char             *title,
             const GPtrArray        *counts,
             const WartaChartColors *colors)
{
  guint n = MIN (counts->len, 12);
  g_autofree const char **labels = g_new0 (const char *, n + 1);
  g_autofree double *values = g_new0 (double, n + 1);

  for (guint i = 0; i < n; i++)
    {
      WartaReportCount *c = counts->pdata[i];

      labels[i] = c->key;
      values[i] = c->count;
    }
  warta_chart_draw_bars (cr, 0, y, width, bars_height (n), title, labels, values, NULL, n, NULL, colors);
}

/**
 * _warta_reports_page_dup_step_text:
 * @step: a step's figures
 *
 * Returns: (transfer full): the mean time beside the step's bar, "6 of
 *   120 min"; "no cases" when no stay in it ended in the period, rather
 *   than a mean of "0 min" nobody took.
 */
char *
_warta_reports_page_dup_step_text (const WartaReportStep *step)
{
  double minutes = step->mean_us / 6e7;

  if (step->n_done == 0)
    /* Translators: beside a step's bar in a report: no stay in the step
     * ended in the period, so it has no mean time */
    return g_strdup (_("no cases"));
  if (step->limit_minutes > 0)
    return g_strdup_printf (_("%.0f of %u min"), minutes, step->limit_minutes);
  return g_strdup_printf (_("%.0f min"), minutes);
}

static void
draw_charts_cb (GtkDrawingArea *area,
                cairo_t        *cr,
                int             width,
                int             height,
                gpointer        user_data)
{
  WartaReportsPage *self = user_data;
  WartaChartColors colors;
  GdkRGBA fg;
  double y = 0;
  static const WartaReportGrouping groupings[] = {
    WARTA_REPORT_BY_PLATFORM, WARTA_REPORT_BY_CATEGORY, WARTA_REPORT_BY_UNIT, WARTA_REPORT_BY_PERSON,
  };
  const char *titles[] = {
    _("Publications per platform"), _("Publications per category"), _("Publications per unit"),
    _("Steps completed per person"),
  };

  if (self->report == NULL)
    return;

  warta_chart_colors_init (&colors, adw_style_manager_get_dark (adw_style_manager_get_default ()));
  /* Text in the style's own foreground, whatever the theme. */
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &fg);
  colors.foreground = (WartaChartColor) { fg.red, fg.green, fg.blue, fg.alpha };
  colors.grid = (WartaChartColor) { fg.red, fg.green, fg.blue, 0.2 };

  {
    const GArray *series = warta_report_get_series (self->report);
    g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

    for (guint i = 0; i < series->len; i++)
      g_ptr_array_add (labels, warta_report_dup_series_label (self->report, i));
    warta_chart_draw_line (cr, 0, y, width, 160, _("Publications over the period"),
                           (const char * const *)labels->pdata, (const double *)series->data,
                           series->len, &colors);
    y += 160 + CHART_GAP;
  }

  {
    const char *labels[WARTA_N_STEPS];
    double values[WARTA_N_STEPS];
    double limits[WARTA_N_STEPS];
    char *texts[WARTA_N_STEPS];
    static const char *steps[] = { N_("1 Documentation"), N_("2 Processing"), N_("3 Verification"),
                                   N_("4 Approval"), N_("5 Publishing") };

    for (guint step = 1; step <= WARTA_N_STEPS; step++)
      {
        const WartaReportStep *s = warta_report_get_step (self->report, step);

        labels[step - 1] = _(steps[step - 1]);
        values[step - 1] = s->mean_us / 6e7;
        /* A step whose mean is past its limit stands out, not only in
         * its text ("40 of 30 min"). */
        limits[step - 1] = s->limit_minutes;
        texts[step - 1] = _warta_reports_page_dup_step_text (s);
      }
    warta_chart_draw_bars (cr, 0, y, width, bars_height (WARTA_N_STEPS),
                           _("Mean time in each SOP step"), labels, values,
                           (const char * const *)texts, WARTA_N_STEPS, limits, &colors);
    for (guint i = 0; i < WARTA_N_STEPS; i++)
      g_free (texts[i]);
    y += bars_height (WARTA_N_STEPS) + CHART_GAP;
  }

  for (guint g = 0; g < G_N_ELEMENTS (groupings); g++)
    {
      const GPtrArray *counts = warta_report_get_counts (self->report, groupings[g]);

      draw_counts (cr, y, width, titles[g], counts, &colors);
      y += bars_height (MIN (counts->len, 12)) + CHART_GAP;
    }
}

/**
 * _warta_reports_page_dup_corrections_text:
 * @rounds: the correction rounds in the period
 * @n_corrected: how many publications they were in
 *
 * Returns: (transfer full): the figures' line on corrections, "Correction
 *   rounds: 3, in 2 publications", in the singular for one publication.
 */
char *
_warta_reports_page_dup_corrections_text (guint rounds,
                                          guint n_corrected)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Correction rounds: %u, in %u publication",
                                       "Correction rounds: %u, in %u publications", n_corrected),
                          rounds, n_corrected);
}

/* Nothing published, corrected, late, done or still open in any step in
 * the period: a page of zeros and "no cases" says less than one line. */
static gboolean
report_is_empty (WartaReport *report)
{
  if (warta_report_get_n_published (report) > 0 ||
      warta_report_get_correction_rounds (report) > 0 ||
      warta_report_get_overdue (report)->len > 0)
    return FALSE;
  for (guint step = 1; step <= WARTA_N_STEPS; step++)
    {
      const WartaReportStep *s = warta_report_get_step (report, step);

      if (s->n_done > 0 || s->n_open > 0)
        return FALSE;
    }
  return TRUE;
}

/* The empty period's page: which period, and what to do. The report can
 * still be saved, for a register that must show a month with nothing. */
static void
show_empty (WartaReportsPage *self,
            const char       *title)
{
  g_autofree char *description =
    /* Translators: %s is the report's title, "Publication report, June 2026" */
    g_strdup_printf (_("%s: no publication was published, and none was in a step of the "
                       "procedure. Choose another period, or export this report as it is."),
                     title);

  adw_status_page_set_description (self->empty_page, description);
  gtk_stack_set_visible_child_name (self->content_stack, "empty");
}

static void
show_report (WartaReportsPage *self)
{
  g_autoptr(GString) details = g_string_new (NULL);
  g_autofree char *title = NULL;
  g_autofree char *corrections = NULL;
  double height = 160 + CHART_GAP + bars_height (WARTA_N_STEPS) + CHART_GAP;
  static const WartaReportGrouping groupings[] = {
    WARTA_REPORT_BY_PLATFORM, WARTA_REPORT_BY_CATEGORY, WARTA_REPORT_BY_UNIT, WARTA_REPORT_BY_PERSON,
  };
  const GPtrArray *overdue;

  gtk_widget_set_sensitive (GTK_WIDGET (self->pdf_button), self->report != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->csv_button), self->report != NULL);
  if (self->report == NULL)
    {
      gtk_label_set_text (self->details_label, "");
      gtk_widget_queue_draw (GTK_WIDGET (self->chart_area));
      gtk_stack_set_visible_child_name (self->content_stack, "report");
      return;
    }

  for (guint g = 0; g < G_N_ELEMENTS (groupings); g++)
    height += bars_height (MIN (warta_report_get_counts (self->report, groupings[g])->len, 12)) + CHART_GAP;
  gtk_drawing_area_set_content_height (self->chart_area, (int)height);

  title = warta_report_dup_title (self->report);
  if (report_is_empty (self->report))
    {
      show_empty (self, title);
      return;
    }
  gtk_stack_set_visible_child_name (self->content_stack, "report");
  g_string_append_printf (details, "%s\n", title);
  g_string_append_printf (details, _("Published: %u"), warta_report_get_n_published (self->report));
  g_string_append_c (details, '\n');
  corrections =
    _warta_reports_page_dup_corrections_text (warta_report_get_correction_rounds (self->report),
                                              warta_report_get_n_corrected (self->report));
  g_string_append_printf (details, "%s\n", corrections);
  for (guint step = 1; step <= WARTA_N_STEPS; step++)
    {
      const WartaReportStep *s = warta_report_get_step (self->report, step);

      g_string_append_printf (details, _("Step %u: %u done, %u on time (%.0f%%), %u still open"),
                              step, s->n_done, s->n_on_time,
                              s->n_done ? 100.0 * s->n_on_time / s->n_done : 0.0, s->n_open);
      g_string_append_c (details, '\n');
    }
  g_string_append_printf (details, "%s\n", warta_report_get_scheduled_rule ());

  overdue = warta_report_get_overdue (self->report);
  g_string_append_printf (details, _("Overdue cases: %u"), overdue->len);
  g_string_append_c (details, '\n');
  for (guint i = 0; i < MIN (overdue->len, 50); i++)
    {
      WartaReportOverdue *o = overdue->pdata[i];
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, o->publication_id);
      /* As the lists say it, not in minutes by the hundred thousand. */
      g_autofree char *late = warta_publication_row_format_time_left (-o->late_us);

      g_string_append_printf (details,
                              o->exited_at == 0
                              /* Translators: an overdue case: its number, title and SOP step,
                               * and how late it is, "#12 Rapat — step 2: Overdue by 3 days,
                               * still open" */
                              ? _("#%s %s — step %u: %s, still open")
                              /* Translators: the same for a case that has left the step */
                              : _("#%s %s — step %u: %s"),
                              id, o->title, o->step, late);
      g_string_append_c (details, '\n');
    }
  /* The rest are in the CSV: said, so the list is not read as cut off. */
  if (overdue->len > 50)
    {
      g_string_append_printf (details, _("… and %u more: see the CSV export."), overdue->len - 50);
      g_string_append_c (details, '\n');
    }

  gtk_label_set_text (self->details_label, details->str);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart_area),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, details->str, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self->chart_area));
}

static void
report_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(WartaReportsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  WartaReport *report;

  gtk_widget_set_sensitive (GTK_WIDGET (self->make_button), TRUE);
  report = warta_report_compute_finish (WARTA_ARCHIVE (object), result, &error);
  if (report == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gtk_label_set_text (self->status_label, error->message);
      return;
    }

  gtk_label_set_text (self->status_label, "");
  g_clear_object (&self->report);
  self->report = report;
  show_report (self);
}

static void
read_deadlines (WartaReportsPage *self,
                WartaDeadlines   *deadlines)
{
  warta_publication_repository_get_deadlines (warta_context_get_publications (self->context), deadlines);
}

static void
on_make_button_clicked_cb (WartaReportsPage *self)
{
  WartaDeadlines deadlines;
  WartaReportPeriod period = gtk_drop_down_get_selected (self->period_dropdown);

  if (self->archive == NULL)
    return;

  read_deadlines (self, &deadlines);
  gtk_widget_set_sensitive (GTK_WIDGET (self->make_button), FALSE);
  gtk_label_set_text (self->status_label, _("Making the report…"));
  warta_report_compute_async (self->archive, period,
                              gtk_spin_button_get_value_as_int (self->year_spin),
                              gtk_spin_button_get_value_as_int (self->index_spin),
                              warta_clock_get_time_zone (warta_context_get_clock (self->context)),
                              &deadlines, warta_clock_now (warta_context_get_clock (self->context)),
                              self->cancellable, report_cb, g_object_ref (self));
}

/* Month @month's name, "June" ("Juni" in Indonesian). */
static char *
dup_month_name (int month)
{
  g_autoptr(GDateTime) date = g_date_time_new_utc (2000, month, 1, 0, 0, 0);

  return warta_date_time_format (date, "%B");
}

/* A month by its name rather than a bare "6"; a semester by its number. */
static gboolean
on_index_output_cb (WartaReportsPage *self)
{
  int value = gtk_spin_button_get_value_as_int (self->index_spin);
  g_autofree char *text = NULL;

  if (gtk_drop_down_get_selected (self->period_dropdown) == WARTA_REPORT_MONTH)
    text = dup_month_name (value);
  else
    text = g_strdup_printf ("%d", value);
  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (self->index_spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->index_spin), text);
  return TRUE;
}

/* A month typed by its name, or by its number. */
static int
on_index_input_cb (WartaReportsPage *self,
                   double           *value)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->index_spin));

  if (gtk_drop_down_get_selected (self->period_dropdown) != WARTA_REPORT_MONTH)
    return FALSE;
  for (int month = 1; month <= 12; month++)
    {
      g_autofree char *name = dup_month_name (month);
      g_autofree char *folded_name = g_utf8_casefold (name, -1);
      g_autofree char *folded_text = g_utf8_casefold (text, -1);

      if (g_strcmp0 (g_strstrip (folded_text), folded_name) == 0)
        {
          *value = month;
          return TRUE;
        }
    }
  /* A number, as before. */
  return FALSE;
}

static void
on_period_changed_cb (WartaReportsPage *self)
{
  guint period = gtk_drop_down_get_selected (self->period_dropdown);

  gtk_spin_button_set_range (self->index_spin, 1, period == WARTA_REPORT_MONTH ? 12 : 2);
  gtk_widget_set_visible (GTK_WIDGET (self->index_spin), period != WARTA_REPORT_YEAR);
  /* The same value may read otherwise now. */
  on_index_output_cb (self);
}

/**
 * _warta_reports_page_save_to:
 * @self: a #WartaReportsPage
 * @file: where to save the report shown
 * @pdf: as a PDF rather than a CSV table
 *
 * Saves the report as Export PDF… and Export CSV… do once a file is
 * chosen; the file chooser's step, left out by the tests. The toast that
 * tells the result offers to open the file's folder.
 */
void
_warta_reports_page_save_to (WartaReportsPage *self,
                             GFile            *file,
                             gboolean          pdf)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autoptr(GError) error = NULL;
  g_autofree char *agency = NULL;
  GSettings *settings;

  g_return_if_fail (WARTA_IS_REPORTS_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->report == NULL)
    return;
  if (path == NULL)
    {
      warta_message_dialog_tell (GTK_WIDGET (self), _("Report Not Saved"),
                                 _("Choose a file on a local or mounted folder."));
      return;
    }

  settings = warta_context_get_settings (self->context);
  if (settings != NULL)
    agency = g_settings_get_string (settings, "unit-name");
  if (pdf ? warta_report_write_pdf (self->report, path, agency, &error)
          : warta_report_write_csv (self->report, path, &error))
    toast_with_folder (self, _("The report is saved."), folder);
  else
    warta_message_dialog_tell (GTK_WIDGET (self), _("Report Not Saved"), error->message);
}

static void
on_save_chosen_cb (GtkNativeDialog  *dialog,
                   int               response,
                   WartaReportsPage *self)
{
  gboolean pdf = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "pdf"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      _warta_reports_page_save_to (self, file, pdf);
    }

  g_object_unref (self);
  g_object_unref (dialog);
}

static void
save_report (WartaReportsPage *self,
             gboolean          pdf)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *dialog;
  g_autofree char *name = NULL;

  if (self->report == NULL)
    return;

  dialog = gtk_file_chooser_native_new (pdf ? _("Export Report as PDF") : _("Export Report as CSV"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  /* TRANSLATORS: a file name; keep it without spaces */
  name = g_strdup_printf ("%s.%s", _("report"), pdf ? "pdf" : "csv");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_object_set_data (G_OBJECT (dialog), "pdf", GINT_TO_POINTER (pdf));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_save_chosen_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
on_pdf_button_clicked_cb (WartaReportsPage *self)
{
  save_report (self, TRUE);
}

static void
on_csv_button_clicked_cb (WartaReportsPage *self)
{
  save_report (self, FALSE);
}

void
warta_reports_page_set_context (WartaReportsPage *self,
                                WartaContext     *context)
{
  g_return_if_fail (WARTA_IS_REPORTS_PAGE (self));

  if (self->context == context)
    return;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->archive);
  g_clear_object (&self->report);
  g_set_object (&self->context, context);

  if (context != NULL)
    {
      g_autoptr(GDateTime) now = warta_clock_now_local (warta_context_get_clock (context));

      self->cancellable = g_cancellable_new ();
      self->archive = warta_archive_new (warta_context_get_database (context));
      gtk_spin_button_set_value (self->year_spin, g_date_time_get_year (now));
      gtk_spin_button_set_value (self->index_spin, g_date_time_get_month (now));
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->make_button), context != NULL);
  show_report (self);
  /* Another database while the page is shown: its report at once, as on
   * first sight (see warta_reports_page_map()). */
  if (context != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    on_make_button_clicked_cb (self);
}

WartaReport *
warta_reports_page_get_report (WartaReportsPage *self)
{
  g_return_val_if_fail (WARTA_IS_REPORTS_PAGE (self), NULL);

  return self->report;
}

static void
sync_application_context (WartaReportsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkApplication *app = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root)) : NULL;

  if (WARTA_IS_APPLICATION (app))
    warta_reports_page_set_context (self, warta_application_get_context (WARTA_APPLICATION (app)));
}

static void
warta_reports_page_map (GtkWidget *widget)
{
  WartaReportsPage *self = WARTA_REPORTS_PAGE (widget);

  GTK_WIDGET_CLASS (warta_reports_page_parent_class)->map (widget);

  sync_application_context (self);
  /* This month's report on first sight, not an empty page; another
   * period is a click away. */
  if (self->report == NULL && self->archive != NULL &&
      gtk_widget_get_sensitive (GTK_WIDGET (self->make_button)))
    on_make_button_clicked_cb (self);
}

static void
on_dark_changed_cb (WartaReportsPage *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self->chart_area));
}

static void
warta_reports_page_dispose (GObject *object)
{
  WartaReportsPage *self = WARTA_REPORTS_PAGE (object);

  warta_reports_page_set_context (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), WARTA_TYPE_REPORTS_PAGE);

  G_OBJECT_CLASS (warta_reports_page_parent_class)->dispose (object);
}

static void
warta_reports_page_class_init (WartaReportsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = warta_reports_page_dispose;
  widget_class->map = warta_reports_page_map;

  g_type_ensure (WARTA_TYPE_WRAP_BOX);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/warta-reports-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WartaReportsPage, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, WartaReportsPage, index_spin);
  gtk_widget_class_bind_template_child (widget_class, WartaReportsPage, year_spin);
  gtk_widget_class_bind_template_child (widget_class, WartaReportsPage, make_button);
  gtk_widget_class_bind_template_child (widget_class, WartaReportsPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, WartaReportsPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, WartaReportsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, WartaReportsPage, pdf_button);
  gtk_widget_class_bind_template_child (widget_class, WartaReportsPage, csv_button);
  gtk_widget_class_bind_template_child (widget_class, WartaReportsPage, chart_area);
  gtk_widget_class_bind_template_child (widget_class, WartaReportsPage, details_label);
  gtk_widget_class_bind_template_callback (widget_class, on_make_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_period_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_pdf_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_csv_button_clicked_cb);
}

static void
warta_reports_page_init (WartaReportsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_swapped (self->index_spin, "output", G_CALLBACK (on_index_output_cb), self);
  g_signal_connect_swapped (self->index_spin, "input", G_CALLBACK (on_index_input_cb), self);
  /* Room for the longest month's name. */
  gtk_editable_set_width_chars (GTK_EDITABLE (self->index_spin), 9);
  on_index_output_cb (self);
  gtk_drawing_area_set_draw_func (self->chart_area, draw_charts_cb, self, NULL);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
warta_reports_page_new (void)
{
  return g_object_new (WARTA_TYPE_REPORTS_PAGE, NULL);
}
