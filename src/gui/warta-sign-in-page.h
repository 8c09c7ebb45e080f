/* warta-sign-in-page.h: the first administrator, and signing in
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "warta-context.h"

G_BEGIN_DECLS

#define WARTA_TYPE_SIGN_IN_PAGE (warta_sign_in_page_get_type ())

G_DECLARE_FINAL_TYPE (WartaSignInPage, warta_sign_in_page, WARTA, SIGN_IN_PAGE, AdwBin)

GtkWidget    *warta_sign_in_page_new             (void);
WartaContext *warta_sign_in_page_get_context     (WartaSignInPage *self);
void          warta_sign_in_page_set_context     (WartaSignInPage *self,
                                                  WartaContext    *context);
gboolean      warta_sign_in_page_get_first_run   (WartaSignInPage *self);
gboolean      warta_sign_in_page_get_busy        (WartaSignInPage *self);
gboolean      warta_sign_in_page_restore         (WartaSignInPage *self);
void          warta_sign_in_page_forget          (WartaSignInPage *self);

G_END_DECLS
