/* warta-chart.h: bar and line charts drawn with cairo and Pango, for the
 * reports page and the PDF report alike
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  double r, g, b, a;
} WartaChartColor;

/* The caller picks these from its style (light or dark), so the charts
 * stay readable on either background. */
typedef struct
{
  WartaChartColor foreground;
  WartaChartColor grid;
  WartaChartColor bar;
  WartaChartColor warning;
} WartaChartColors;

void warta_chart_colors_init (WartaChartColors       *colors,
                              gboolean                dark);

/* Horizontal bars, one per label, with the value after each bar. With
 * @limits (one per bar, 0 for none: a step's time limit), a dashed mark
 * shows each bar's limit, and a bar past it is drawn in the warning
 * colour. */
double warta_chart_bar_label_width (cairo_t            *cr,
                                    double              width,
                                    const char * const *labels,
                                    guint               n);
void warta_chart_draw_bars   (cairo_t                *cr,
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
                              const WartaChartColors *colors);
void warta_chart_draw_line   (cairo_t                *cr,
                              double                  x,
                              double                  y,
                              double                  width,
                              double                  height,
                              const char             *title,
                              const char * const     *labels,
                              const double           *values,
                              guint                   n,
                              const WartaChartColors *colors);

G_END_DECLS
