/* warta-reports-page.h: reports per month, semester and year, with charts
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "warta-context.h"
#include "warta-report.h"

G_BEGIN_DECLS

#define WARTA_TYPE_REPORTS_PAGE (warta_reports_page_get_type ())

G_DECLARE_FINAL_TYPE (WartaReportsPage, warta_reports_page, WARTA, REPORTS_PAGE, AdwBin)

GtkWidget   *warta_reports_page_new         (void);
void         warta_reports_page_set_context (WartaReportsPage *self,
                                             WartaContext     *context);
WartaReport *warta_reports_page_get_report  (WartaReportsPage *self);

G_END_DECLS
