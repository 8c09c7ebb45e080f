/* warta-account-store.h: publishing accounts, their secrets in the keyring
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsecret/secret.h>

#include "warta-account-repository.h"

G_BEGIN_DECLS

#define WARTA_TYPE_ACCOUNT_STORE (warta_account_store_get_type ())

G_DECLARE_FINAL_TYPE (WartaAccountStore, warta_account_store, WARTA, ACCOUNT_STORE, GObject)

/* "io.github.wartadesk.Warta.Account": attributes "database" (the
 * database's uuid) and "account" (the account's keyring-id). */
const SecretSchema     *warta_account_store_get_schema          (void) G_GNUC_CONST;

WartaAccountStore      *warta_account_store_new                 (WartaAccountRepository *repository);
WartaAccountRepository *warta_account_store_get_repository      (WartaAccountStore      *self);
/* The accounts, kept current by warta_account_store_reload(). */
GListModel             *warta_account_store_get_accounts        (WartaAccountStore      *self);
gboolean                warta_account_store_reload              (WartaAccountStore      *self,
                                                                 GError                **error);

/* Stores @secret in the keyring, then the account's row: never a row
 * whose secret was not saved. Adding and removing are @actor's, refused
 * unless warta_account_repository_check_manager() allows them. */
void                    warta_account_store_add_async           (WartaAccountStore      *self,
                                                                 WartaUser              *actor,
                                                                 WartaAccount           *account,
                                                                 const char             *secret,
                                                                 GCancellable           *cancellable,
                                                                 GAsyncReadyCallback     callback,
                                                                 gpointer                user_data);
gboolean                warta_account_store_add_finish          (WartaAccountStore      *self,
                                                                 GAsyncResult           *result,
                                                                 GError                **error);
/* Removes the account's row, its secret and, when no account uses it any
 * more, the secret of the Mastodon app it signed in with. */
void                    warta_account_store_remove_async        (WartaAccountStore      *self,
                                                                 WartaUser              *actor,
                                                                 WartaAccount           *account,
                                                                 GCancellable           *cancellable,
                                                                 GAsyncReadyCallback     callback,
                                                                 gpointer                user_data);
gboolean                warta_account_store_remove_finish       (WartaAccountStore      *self,
                                                                 GAsyncResult           *result,
                                                                 GError                **error);
/* Signing in again: replaces the secret. */
void                    warta_account_store_set_secret_async    (WartaAccountStore      *self,
                                                                 WartaAccount           *account,
                                                                 const char             *secret,
                                                                 GCancellable           *cancellable,
                                                                 GAsyncReadyCallback     callback,
                                                                 gpointer                user_data);
gboolean                warta_account_store_set_secret_finish   (WartaAccountStore      *self,
                                                                 GAsyncResult           *result,
                                                                 GError                **error);
/* The keyring-id under which the client secret of the app Warta
 * registered on a Mastodon instance is kept (§6.1): the accounts whose
 * "client-id" setting names the app share it. */
char                   *warta_account_store_dup_app_keyring_id  (const char             *client_id);
/* Removes the secret of the Mastodon app @client_id unless an account
 * still uses it (an account that registered a new app). */
void                    warta_account_store_forget_app_async    (WartaAccountStore      *self,
                                                                 const char             *client_id,
                                                                 GCancellable           *cancellable,
                                                                 GAsyncReadyCallback     callback,
                                                                 gpointer                user_data);
gboolean                warta_account_store_forget_app_finish   (WartaAccountStore      *self,
                                                                 GAsyncResult           *result,
                                                                 GError                **error);
/* The secret, or NULL and no error when the keyring has none. */
void                    warta_account_store_lookup_secret_async (WartaAccountStore      *self,
                                                                 WartaAccount           *account,
                                                                 GCancellable           *cancellable,
                                                                 GAsyncReadyCallback     callback,
                                                                 gpointer                user_data);
char                   *warta_account_store_lookup_secret_finish (WartaAccountStore     *self,
                                                                 GAsyncResult           *result,
                                                                 GError                **error);

/* The secrets of the office's developer apps, one per OAuth platform: see
 * warta_account_store_get_client_schema(). */
const SecretSchema *warta_account_store_get_client_schema (void) G_GNUC_CONST;
void     warta_account_store_save_client_secret_async    (WartaAccountStore    *self,
                                                          const char           *platform,
                                                          const char           *secret,
                                                          GCancellable         *cancellable,
                                                          GAsyncReadyCallback   callback,
                                                          gpointer              user_data);
gboolean warta_account_store_save_client_secret_finish   (WartaAccountStore    *self,
                                                          GAsyncResult         *result,
                                                          GError              **error);
void     warta_account_store_lookup_client_secret_async  (WartaAccountStore    *self,
                                                          const char           *platform,
                                                          GCancellable         *cancellable,
                                                          GAsyncReadyCallback   callback,
                                                          gpointer              user_data);
char    *warta_account_store_lookup_client_secret_finish (WartaAccountStore    *self,
                                                          GAsyncResult         *result,
                                                          GError              **error);

G_END_DECLS
