/* warta-oauth-platforms.h: where each OAuth platform signs in and refreshes
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One platform whose accounts sign in in the system browser with the
 * office's own developer app (platform-apis.md §1.1, §2.2, §3.1, §4.1,
 * §5.1). Mastodon registers an app per instance instead and is not here. */
typedef struct
{
  const char *id;             /* the account's platform: "x", "youtube" … */
  const char *authorize_url;
  const char *token_url;
  const char *scope;
  const char *api_url;        /* the account's base URL */
  gboolean    needs_secret;   /* the token endpoint wants the client secret
                               * (X: only a confidential client) */
  gboolean    refreshes;      /* gives refresh tokens */
} WartaOAuthPlatform;

guint                     warta_oauth_platforms_get_n  (void);
const WartaOAuthPlatform *warta_oauth_platforms_get    (guint       index);
const WartaOAuthPlatform *warta_oauth_platforms_lookup (const char *id);
char                     *warta_oauth_platform_refresh_url (const char *platform,
                                                            const char *base_url,
                                                            const char *token_url);

G_END_DECLS
