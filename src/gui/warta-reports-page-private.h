/* warta-reports-page-private.h: what the tests reach in the reports page
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "warta-report.h"
#include "warta-reports-page.h"

G_BEGIN_DECLS

void _warta_reports_page_save_to (WartaReportsPage *self,
                                  GFile            *file,
                                  gboolean          pdf);
char *_warta_reports_page_dup_step_text (const WartaReportStep *step);
char *_warta_reports_page_dup_corrections_text (guint rounds,
                                                guint n_corrected);

G_END_DECLS
