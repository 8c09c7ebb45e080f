/* warta-chart.c: bar and line charts drawn with cairo and Pango
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "warta-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "warta-chart.h"

#define FONT       "Sans 9"
#define TITLE_FONT "Sans Bold 10"
#define PAD        6.0

void
warta_chart_colors_init (WartaChartColors *colors,
                         gboolean          dark)
{
  /* libadwaita's palette: blue 3 / blue 2 for bars, red for limits; text
   * at the style's foreground. */
  if (dark)
    *colors = (WartaChartColors) {
      .foreground = { 1.0, 1.0, 1.0, 0.92 },
      .grid = { 1.0, 1.0, 1.0, 0.18 },
      .bar = { 0.47, 0.68, 0.93, 1.0 },     /* #78aeed */
      .warning = { 1.0, 0.48, 0.39, 1.0 },  /* #ff7b63 */
    };
  else
    *colors = (WartaChartColors) {
      .foreground = { 0.0, 0.0, 0.0, 0.85 },
      .grid = { 0.0, 0.0, 0.0, 0.15 },
      .bar = { 0.21, 0.52, 0.89, 1.0 },     /* #3584e4 */
      .warning = { 0.75, 0.11, 0.16, 1.0 }, /* #c01c28 */
    };
}

static void
set_color (cairo_t               *cr,
           const WartaChartColor *c)
{
  cairo_set_source_rgba (cr, c->r, c->g, c->b, c->a);
}

static PangoLayout *
new_layout (cairo_t    *cr,
            const char *font,
            const char *text)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *desc = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  pango_font_description_free (desc);
  return layout;
}

static double
draw_text (cairo_t               *cr,
           const char            *font,
           const char            *text,
           double                 x,
           double                 y,
           double                 max_width,
           PangoAlignment         align,
           const WartaChartColor *color)
{
  PangoLayout *layout = new_layout (cr, font, text);
  int w, h;

  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  if (max_width > 0)
    pango_layout_set_width (layout, (int)(max_width * PANGO_SCALE));
  pango_layout_set_alignment (layout, align);
  pango_layout_get_pixel_size (layout, &w, &h);

  set_color (cr, color);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);

  g_object_unref (layout);

  return h;
}

/* @text's width in @font, for room that must not cut it. */
static double
text_width (cairo_t    *cr,
            const char *font,
            const char *text)
{
  PangoLayout *layout = new_layout (cr, font, text);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  g_object_unref (layout);
  return w;
}

/**
 * warta_chart_bar_label_width:
 * @cr: where the chart is drawn
 * @width: the chart's width
 * @labels: (array length=n): the bars' labels
 * @n: how many
 *
 * Returns: the room the labels get beside their bars: a third of the
 *   width, more for longer labels (people's names with their titles), up
 *   to half of it, so that a narrow window does not cut them to a few
 *   letters
 */
double
warta_chart_bar_label_width (cairo_t            *cr,
                             double              width,
                             const char * const *labels,
                             guint               n)
{
  double widest = 0;

  for (guint i = 0; labels != NULL && i < n; i++)
    widest = MAX (widest, text_width (cr, FONT, labels[i]));

  return CLAMP (widest, width * 0.32, width * 0.5);
}

void
warta_chart_draw_bars (cairo_t                *cr,
                       double                  x,
                       double                  y,
                       double                  width,
                       double                  height,
                       const char             *title,
                       const char * const     *labels,
                       const double           *values,
                       const char * const     *value_texts,
                       guint                   n,
                       const double           *limits,
                       const WartaChartColors *colors)
{
  double max = 0;
  double label_w = warta_chart_bar_label_width (cr, width, labels, n);
  double value_w = 64;
  double top, row_h, bar_x, bar_w;

  cairo_save (cr);
  top = y + draw_text (cr, TITLE_FONT, title, x, y, width, PANGO_ALIGN_LEFT, &colors->foreground) + PAD;

  /* Room for the widest value beside the longest bar ("4 of 30 min"),
   * up to a third of the width. */
  for (guint i = 0; value_texts != NULL && i < n; i++)
    value_w = MAX (value_w, text_width (cr, FONT, value_texts[i]) + PAD);
  value_w = MIN (value_w, width / 3);

  /* Under its title, a chart with nothing to count says so, rather than
   * leaving a blank where its bars would be. */
  if (n == 0)
    {
      WartaChartColor dim = colors->foreground;

      dim.a *= 0.6;
      draw_text (cr, FONT, _("None in this period."), x, top + 2, width, PANGO_ALIGN_LEFT, &dim);
      cairo_restore (cr);
      return;
    }

  for (guint i = 0; i < n; i++)
    max = MAX (max, MAX (values[i], limits != NULL ? limits[i] : 0));
  if (max <= 0)
    max = 1;

  row_h = n > 0 ? MIN (22.0, (y + height - top) / n) : 22.0;
  bar_x = x + label_w + PAD;
  bar_w = MAX (10.0, width - label_w - value_w - 2 * PAD);

  for (guint i = 0; i < n; i++)
    {
      double ry = top + i * row_h;
      double w = bar_w * values[i] / max;
      /* The text goes after the bar, or after the limit's mark where the
       * bar stops short of it: never struck through by the mark. */
      double text_x = bar_x + MAX (w, limits != NULL && limits[i] > 0
                                      ? bar_w * limits[i] / max + 1.0 : 0.0) + PAD;

      draw_text (cr, FONT, labels[i], x, ry + 2, label_w, PANGO_ALIGN_RIGHT, &colors->foreground);
      set_color (cr, limits != NULL && limits[i] > 0 && values[i] > limits[i] ? &colors->warning
                                                                              : &colors->bar);
      cairo_rectangle (cr, bar_x, ry + 3, MAX (w, 1.0), row_h - 6);
      cairo_fill (cr);
      if (limits != NULL && limits[i] > 0)
        {
          static const double dash[] = { 3.0, 2.0 };
          double mx = bar_x + bar_w * limits[i] / max;

          cairo_save (cr);
          set_color (cr, &colors->foreground);
          cairo_set_line_width (cr, 1.5);
          cairo_set_dash (cr, dash, 2, 0);
          cairo_move_to (cr, mx, ry + 1);
          cairo_line_to (cr, mx, ry + row_h - 1);
          cairo_stroke (cr);
          cairo_restore (cr);
        }
      draw_text (cr, FONT, value_texts != NULL ? value_texts[i] : NULL, text_x, ry + 2,
                 value_w, PANGO_ALIGN_LEFT, &colors->foreground);
      if (value_texts == NULL)
        {
          char text[32];

          g_snprintf (text, sizeof text, "%.0f", values[i]);
          draw_text (cr, FONT, text, text_x, ry + 2, value_w, PANGO_ALIGN_LEFT,
                     &colors->foreground);
        }
    }

  cairo_restore (cr);
}

void
warta_chart_draw_line (cairo_t                *cr,
                       double                  x,
                       double                  y,
                       double                  width,
                       double                  height,
                       const char             *title,
                       const char * const     *labels,
                       const double           *values,
                       guint                   n,
                       const WartaChartColors *colors)
{
  double max = 0;
  double top, left = x + 36, bottom = y + height - 18, right = x + width - PAD;
  guint label_every;

  cairo_save (cr);
  top = y + draw_text (cr, TITLE_FONT, title, x, y, width, PANGO_ALIGN_LEFT, &colors->foreground) + PAD;

  for (guint i = 0; i < n; i++)
    max = MAX (max, values[i]);
  /* Counts: an even maximum, so that half of it is a whole number too
   * (not 1, "0", 0). */
  max = MAX (2.0, 2.0 * ceil (max / 2.0));

  /* Grid: zero, half and the maximum. */
  cairo_set_line_width (cr, 1.0);
  for (guint g = 0; g <= 2; g++)
    {
      double gy = bottom - (bottom - top) * g / 2.0;
      char text[32];

      set_color (cr, &colors->grid);
      cairo_move_to (cr, left, gy);
      cairo_line_to (cr, right, gy);
      cairo_stroke (cr);
      g_snprintf (text, sizeof text, "%.0f", max * g / 2.0);
      draw_text (cr, FONT, text, x, gy - 7, 32, PANGO_ALIGN_RIGHT, &colors->foreground);
    }

  if (n == 0)
    {
      cairo_restore (cr);
      return;
    }

  set_color (cr, &colors->bar);
  cairo_set_line_width (cr, 2.0);
  for (guint i = 0; i < n; i++)
    {
      double px = n > 1 ? left + (right - left) * i / (n - 1) : (left + right) / 2;
      double py = bottom - (bottom - top) * values[i] / max;

      if (i == 0)
        cairo_move_to (cr, px, py);
      else
        cairo_line_to (cr, px, py);
    }
  cairo_stroke (cr);

  label_every = MAX (1, (n + 11) / 12);
  for (guint i = 0; i < n; i++)
    {
      double px = n > 1 ? left + (right - left) * i / (n - 1) : (left + right) / 2;
      double py = bottom - (bottom - top) * values[i] / max;

      set_color (cr, &colors->bar);
      cairo_arc (cr, px, py, 2.5, 0, 2 * G_PI);
      cairo_fill (cr);
      if (i % label_every == 0 && labels != NULL)
        draw_text (cr, FONT, labels[i], px - 30, bottom + 2, 60, PANGO_ALIGN_CENTER,
                   &colors->foreground);
    }

  cairo_restore (cr);
}
