/* warta-role.h: the SOP's four roles and the administrator right
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The SOP's "Pelaksana" columns. Values are stored in the database as a
 * bit set, so they never change; display names come from settings. */
typedef enum
{
  WARTA_ROLE_NONE               = 0,
  WARTA_ROLE_ACTIVITY_OFFICER   = 1 << 0,
  WARTA_ROLE_SOCIAL_MEDIA_ADMIN = 1 << 1,
  WARTA_ROLE_VERIFIER           = 1 << 2,
  WARTA_ROLE_APPROVER           = 1 << 3,
} WartaRole;

#define WARTA_ROLE_ALL (WARTA_ROLE_ACTIVITY_OFFICER | WARTA_ROLE_SOCIAL_MEDIA_ADMIN | \
                        WARTA_ROLE_VERIFIER | WARTA_ROLE_APPROVER)
#define WARTA_N_ROLES 4

const char *warta_role_get_id           (WartaRole    role);
WartaRole   warta_role_from_id          (const char  *id);
const char *warta_role_get_display_name (WartaRole    role,
                                         GHashTable  *overrides);
WartaRole   warta_role_nth              (guint        n);
char       *warta_roles_to_string       (WartaRole    roles);

G_END_DECLS
