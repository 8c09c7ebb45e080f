/* warta-account-repository.h: the publishing accounts (never their secrets)
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "warta-account.h"
#include "warta-clock.h"
#include "warta-database.h"
#include "warta-user.h"

G_BEGIN_DECLS

#define WARTA_TYPE_ACCOUNT_REPOSITORY (warta_account_repository_get_type ())

G_DECLARE_FINAL_TYPE (WartaAccountRepository, warta_account_repository,
                      WARTA, ACCOUNT_REPOSITORY, GObject)

WartaAccountRepository *warta_account_repository_new               (WartaDatabase          *database,
                                                                    WartaClock             *clock);
WartaDatabase          *warta_account_repository_get_database      (WartaAccountRepository *self);
/* The database's own UUID: keyring items carry it, so two databases on
 * one desktop never share a secret. */
char                   *warta_account_repository_dup_database_uuid (WartaAccountRepository *self,
                                                                    GError                **error);
/* Only an active administrator or social media admin changes the
 * accounts: each change checks @actor's stored account in its
 * transaction (WARTA_USER_ERROR_FORBIDDEN). */
gboolean                warta_account_repository_can_manage        (WartaUser              *actor);
gboolean                warta_account_repository_check_manager     (WartaAccountRepository *self,
                                                                    WartaUser              *actor,
                                                                    GError                **error);
/* Stores @account (keyring-id must be set) and sets its id. */
gboolean                warta_account_repository_add               (WartaAccountRepository *self,
                                                                    WartaUser              *actor,
                                                                    WartaAccount           *account,
                                                                    GError                **error);
gboolean                warta_account_repository_update            (WartaAccountRepository *self,
                                                                    WartaUser              *actor,
                                                                    WartaAccount           *account,
                                                                    GError                **error);
/* What a platform said of the account (a Mastodon instance's limits),
 * recorded by Warta itself while publishing, not a user's change: no
 * actor. The members of @settings_json (an object) replace the account's
 * own, the others kept; a member set to null is removed. */
gboolean                warta_account_repository_merge_settings    (WartaAccountRepository *self,
                                                                    gint64                  account_id,
                                                                    const char             *settings_json,
                                                                    GError                **error);
/* Removed accounts stay as rows for the jobs that name them. */
gboolean                warta_account_repository_remove            (WartaAccountRepository *self,
                                                                    WartaUser              *actor,
                                                                    gint64                  account_id,
                                                                    GError                **error);
WartaAccount           *warta_account_repository_get               (WartaAccountRepository *self,
                                                                    gint64                  account_id,
                                                                    GError                **error);
GListModel             *warta_account_repository_list              (WartaAccountRepository *self,
                                                                    GError                **error);

G_END_DECLS
