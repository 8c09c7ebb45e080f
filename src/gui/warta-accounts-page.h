/* warta-accounts-page.h: the office's publishing accounts
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "warta-context.h"

G_BEGIN_DECLS

#define WARTA_TYPE_ACCOUNTS_PAGE (warta_accounts_page_get_type ())

G_DECLARE_FINAL_TYPE (WartaAccountsPage, warta_accounts_page, WARTA, ACCOUNTS_PAGE, AdwBin)

GtkWidget *warta_accounts_page_new         (void);
void       warta_accounts_page_set_context (WartaAccountsPage *self,
                                            WartaContext      *context);
void       warta_accounts_page_reload      (WartaAccountsPage *self);

/* Signs an account in again (a new application password, or the sign-in
 * in the browser), stores the new secret in the keyring and lets the
 * targets that stopped for it go on. Also used by the publish view. */
void       warta_accounts_page_sign_in_again_async  (GtkWindow           *parent,
                                                     WartaContext        *context,
                                                     gint64               account_id,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
gboolean   warta_accounts_page_sign_in_again_finish (GAsyncResult        *result,
                                                     GError             **error);

G_END_DECLS
