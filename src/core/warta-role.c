/* warta-role.c: the SOP's four roles and the administrator right
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "warta-role.h"

static const struct {
  WartaRole   role;
  const char *id;
  const char *name;
} roles[WARTA_N_ROLES] = {
  { WARTA_ROLE_ACTIVITY_OFFICER,   "activity-officer",   N_("Activity officer") },
  { WARTA_ROLE_SOCIAL_MEDIA_ADMIN, "social-media-admin", N_("Social media admin") },
  { WARTA_ROLE_VERIFIER,           "verifier",           N_("Verifier") },
  { WARTA_ROLE_APPROVER,           "approver",           N_("Approver") },
};

/**
 * warta_role_nth:
 * @n: 0 to %WARTA_N_ROLES - 1
 *
 * Returns: the @n-th role, in the order of the SOP's columns
 */
WartaRole
warta_role_nth (guint n)
{
  g_return_val_if_fail (n < WARTA_N_ROLES, WARTA_ROLE_NONE);

  return roles[n].role;
}

/**
 * warta_role_get_id:
 * @role: one role
 *
 * Returns: the stable id of @role ("verifier" …), or %NULL
 */
const char *
warta_role_get_id (WartaRole role)
{
  for (guint i = 0; i < WARTA_N_ROLES; i++)
    if (roles[i].role == role)
      return roles[i].id;

  return NULL;
}

WartaRole
warta_role_from_id (const char *id)
{
  for (guint i = 0; i < WARTA_N_ROLES; i++)
    if (g_strcmp0 (roles[i].id, id) == 0)
      return roles[i].role;

  return WARTA_ROLE_NONE;
}

/**
 * warta_role_get_display_name:
 * @role: one role
 * @overrides: (nullable): role id → name, from the settings
 *
 * The office is reorganised from time to time, so the name shown for a
 * role can be set; the id stays.
 *
 * Returns: the name to show for @role
 */
const char *
warta_role_get_display_name (WartaRole   role,
                             GHashTable *overrides)
{
  for (guint i = 0; i < WARTA_N_ROLES; i++)
    {
      if (roles[i].role != role)
        continue;

      if (overrides != NULL)
        {
          const char *name = g_hash_table_lookup (overrides, roles[i].id);

          if (name != NULL && *name != '\0')
            return name;
        }

      return g_dgettext (GETTEXT_PACKAGE, roles[i].name);
    }

  return NULL;
}

/* A stable, sorted text form of a role set, for logs and hashes. */
char *
warta_roles_to_string (WartaRole role_set)
{
  GString *str = g_string_new (NULL);

  for (guint i = 0; i < WARTA_N_ROLES; i++)
    {
      if ((role_set & roles[i].role) == 0)
        continue;
      if (str->len > 0)
        g_string_append_c (str, ',');
      g_string_append (str, roles[i].id);
    }

  return g_string_free (str, FALSE);
}
