/* warta-review-page.h: steps 3 and 4, the verifier's and the approver's page
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "warta-context.h"

G_BEGIN_DECLS

#define WARTA_TYPE_REVIEW_PAGE (warta_review_page_get_type ())

G_DECLARE_FINAL_TYPE (WartaReviewPage, warta_review_page, WARTA, REVIEW_PAGE, AdwBin)

GtkWidget        *warta_review_page_new             (void);
WartaContext     *warta_review_page_get_context     (WartaReviewPage  *self);
void              warta_review_page_set_context     (WartaReviewPage  *self,
                                                     WartaContext     *context);
WartaPublication *warta_review_page_get_publication (WartaReviewPage  *self);
void              warta_review_page_set_publication (WartaReviewPage  *self,
                                                     WartaPublication *publication);
void              warta_review_page_reload          (WartaReviewPage  *self);
void              warta_review_page_add_toast       (WartaReviewPage  *self,
                                                     AdwToast         *toast);
gint64            warta_review_page_get_base_revision_id (WartaReviewPage *self);

/* For the widget tests: what a click on a field or a photo does. */
void              _warta_review_page_pin            (WartaReviewPage  *self,
                                                     const char       *field,
                                                     const char       *media_sha256);

const char       *warta_review_page_get_reload_notice (WartaReviewPage *self);
gboolean          warta_review_page_has_unsent_note (WartaReviewPage *self);

G_END_DECLS
