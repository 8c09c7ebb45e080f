/* warta-context.h: the services a window works with, handed down
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "warta-account-store.h"
#include "warta-clock.h"
#include "warta-database.h"
#include "warta-http-client.h"
#include "warta-outbox.h"
#include "warta-publication-repository.h"
#include "warta-role.h"
#include "warta-user-repository.h"
#include "warta-user.h"

G_BEGIN_DECLS

#define WARTA_TYPE_CONTEXT (warta_context_get_type ())

G_DECLARE_FINAL_TYPE (WartaContext, warta_context, WARTA, CONTEXT, GObject)

WartaContext               *warta_context_new              (WartaDatabase *database,
                                                            GSettings     *settings);
WartaDatabase              *warta_context_get_database     (WartaContext  *self);
GSettings                  *warta_context_get_settings     (WartaContext  *self);
WartaClock                 *warta_context_get_clock        (WartaContext  *self);
WartaPublicationRepository *warta_context_get_publications (WartaContext  *self);
WartaUserRepository        *warta_context_get_users        (WartaContext  *self);
WartaUser                  *warta_context_get_current_user (WartaContext  *self);
const char                 *warta_context_get_role_name    (WartaContext  *self,
                                                            WartaRole      role);
void                        warta_context_set_current_user (WartaContext  *self,
                                                            WartaUser     *user);
/* Whether the signed-in user may change the office's rules (the time
 * limits, the role and unit names, the time zone): an administrator. */
gboolean                    warta_context_can_change_office_rules (WartaContext *self);
/* Whether the signed-in user may add, remove and sign in the publishing
 * accounts and set the developer apps: the social media admin or an
 * administrator. */
gboolean                    warta_context_can_manage_accounts (WartaContext *self);
/* Publishing (step 5): the one HTTP session, the accounts with their
 * secrets in the keyring, and the outbox, which the application starts. */
WartaHttpClient            *warta_context_get_http_client  (WartaContext  *self);
WartaAccountStore          *warta_context_get_account_store (WartaContext *self);
WartaOutbox                *warta_context_get_outbox       (WartaContext  *self);
/* The office's OAuth client id of @platform ("x", "youtube" …) from the
 * settings: FALSE when none is entered (Warta ships none). */
gboolean                    warta_context_get_oauth_client (WartaContext  *self,
                                                            const char    *platform,
                                                            char         **out_client_id);
gboolean                    warta_context_set_oauth_client_id (WartaContext  *self,
                                                               const char    *platform,
                                                               const char    *client_id,
                                                               GError       **error);
/* Its secret, kept in the system keyring. */
void     warta_context_save_client_secret_async    (WartaContext         *self,
                                                    const char           *platform,
                                                    const char           *secret,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
gboolean warta_context_save_client_secret_finish   (WartaContext         *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);
void     warta_context_lookup_client_secret_async  (WartaContext         *self,
                                                    const char           *platform,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
char    *warta_context_lookup_client_secret_finish (WartaContext         *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);

G_END_DECLS
