/* warta-user-repository.h: people, their roles, and signing in
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "warta-clock.h"
#include "warta-database.h"
#include "warta-user.h"

G_BEGIN_DECLS

#define WARTA_USER_ERROR (warta_user_error_quark ())

typedef enum
{
  WARTA_USER_ERROR_WRONG_PASSWORD,  /* unknown login or wrong password */
  WARTA_USER_ERROR_LOCKED,          /* too many wrong passwords: wait */
  WARTA_USER_ERROR_FORBIDDEN,       /* only an administrator may do this */
  WARTA_USER_ERROR_EXISTS,          /* the login is taken */
  WARTA_USER_ERROR_NOT_FOUND,
  WARTA_USER_ERROR_WEAK_PASSWORD,
  WARTA_USER_ERROR_HAS_ADMIN,       /* the first administrator exists already */
  WARTA_USER_ERROR_LAST_ADMIN,      /* the last administrator cannot be removed */
} WartaUserError;

/* Wrong passwords allowed before the account locks, and the first lock. */
#define WARTA_USER_FREE_ATTEMPTS 3
#define WARTA_USER_FIRST_LOCK_SECONDS 30
#define WARTA_USER_MAX_LOCK_SECONDS 3600
#define WARTA_USER_MIN_PASSWORD_LENGTH 8

#define WARTA_TYPE_USER_REPOSITORY (warta_user_repository_get_type ())

G_DECLARE_FINAL_TYPE (WartaUserRepository, warta_user_repository, WARTA, USER_REPOSITORY, GObject)

GQuark               warta_user_error_quark                    (void);

WartaUserRepository *warta_user_repository_new                 (WartaDatabase        *database,
                                                                WartaClock           *clock);
gboolean             warta_user_repository_needs_first_admin   (WartaUserRepository  *self,
                                                                GError              **error);
WartaUser           *warta_user_repository_create_first_admin  (WartaUserRepository  *self,
                                                                const char           *login,
                                                                const char           *display_name,
                                                                const char           *password,
                                                                WartaRole             roles,
                                                                GError              **error);
WartaUser           *warta_user_repository_create_user         (WartaUserRepository  *self,
                                                                WartaUser            *actor,
                                                                const char           *login,
                                                                const char           *display_name,
                                                                const char           *password,
                                                                WartaRole             roles,
                                                                gboolean              is_admin,
                                                                GError              **error);
WartaUser           *warta_user_repository_update_user         (WartaUserRepository  *self,
                                                                WartaUser            *actor,
                                                                gint64                user_id,
                                                                gint64                expected_version,
                                                                const char           *display_name,
                                                                WartaRole             roles,
                                                                gboolean              is_admin,
                                                                gboolean              active,
                                                                GError              **error);
gboolean             warta_user_repository_set_password        (WartaUserRepository  *self,
                                                                WartaUser            *actor,
                                                                gint64                user_id,
                                                                const char           *password,
                                                                GError              **error);
WartaUser           *warta_user_repository_sign_in             (WartaUserRepository  *self,
                                                                const char           *login,
                                                                const char           *password,
                                                                GError              **error);
void                 warta_user_repository_sign_in_async       (WartaUserRepository  *self,
                                                                const char           *login,
                                                                const char           *password,
                                                                GCancellable         *cancellable,
                                                                GAsyncReadyCallback   callback,
                                                                gpointer              user_data);
WartaUser           *warta_user_repository_sign_in_finish      (WartaUserRepository  *self,
                                                                GAsyncResult         *result,
                                                                GError              **error);
WartaUser           *warta_user_repository_get                 (WartaUserRepository  *self,
                                                                gint64                user_id,
                                                                GError              **error);
GListModel          *warta_user_repository_list                (WartaUserRepository  *self,
                                                                GError              **error);

G_END_DECLS
