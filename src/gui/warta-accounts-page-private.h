/* warta-accounts-page-private.h: what the widget tests drive
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "warta-accounts-page.h"

G_BEGIN_DECLS

/* Instead of the system browser: the tests follow the authorize URI
 * themselves. */
typedef void (*WartaUriOpener) (const char *uri);
void       _warta_accounts_set_uri_opener   (WartaUriOpener     opener);
/* A new account of @platform signs in at these addresses instead of the
 * platform's (the loopback servers). */
void       _warta_accounts_set_platform_urls (const char       *platform,
                                              const char       *authorize_url,
                                              const char       *token_url,
                                              const char       *api_url);
/* The dialog being shown to add or sign in an account, NULL when none. */
AdwMessageDialog *_warta_accounts_get_dialog (void);
/* A widget of that dialog by name: "list" (the Facebook Pages), "search". */
GtkWidget *_warta_accounts_get_dialog_widget (const char    *name);
/* An account's row widget by name: "row", "remove", "sign-in"; or the
 * page's own: "accounts-group", "add", "apps-group". */
GtkWidget *_warta_accounts_page_get_widget  (WartaAccountsPage *self,
                                             gint64             account_id,
                                             const char        *name);

G_END_DECLS
