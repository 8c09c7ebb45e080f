/* warta-oauth-platforms.c: where each OAuth platform signs in and refreshes
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The endpoints are the platforms' documented ones; an account may name
 * others in its settings ("authorize-url", "token-url"), which is how the
 * tests point them at a loopback server.
 */
#include "config.h"

#include "warta-facebook.h"
#include "warta-http-client.h"
#include "warta-oauth-platforms.h"

static const WartaOAuthPlatform platforms[] = {
  { "facebook",
    "https://www.facebook.com/" WARTA_FACEBOOK_API_VERSION "/dialog/oauth",
    "https://graph.facebook.com/" WARTA_FACEBOOK_API_VERSION "/oauth/access_token",
    "pages_show_list,pages_read_engagement,pages_manage_posts",
    "https://graph.facebook.com", TRUE, FALSE },
  { "instagram",
    "https://www.instagram.com/oauth/authorize",
    "https://api.instagram.com/oauth/access_token",
    "instagram_business_basic,instagram_business_content_publish",
    "https://graph.instagram.com", TRUE, FALSE },
  { "x",
    "https://x.com/i/oauth2/authorize",
    "https://api.x.com/2/oauth2/token",
    "tweet.read tweet.write users.read media.write offline.access",
    "https://api.x.com", TRUE, TRUE },
  { "youtube",
    "https://accounts.google.com/o/oauth2/v2/auth",
    "https://oauth2.googleapis.com/token",
    /* youtube.readonly: which channel signed in (channels.list mine=true),
     * which youtube.upload alone may not ask. */
    "https://www.googleapis.com/auth/youtube.upload "
    "https://www.googleapis.com/auth/youtube.readonly",
    "https://www.googleapis.com", TRUE, TRUE },
  { "tiktok",
    "https://www.tiktok.com/v2/auth/authorize/",
    "https://open.tiktokapis.com/v2/oauth/token/",
    "user.info.basic,video.publish,video.upload",
    "https://open.tiktokapis.com", TRUE, TRUE },
};

guint
warta_oauth_platforms_get_n (void)
{
  return G_N_ELEMENTS (platforms);
}

const WartaOAuthPlatform *
warta_oauth_platforms_get (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (platforms), NULL);
  return &platforms[index];
}

const WartaOAuthPlatform *
warta_oauth_platforms_lookup (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (platforms); i++)
    if (g_strcmp0 (platforms[i].id, id) == 0)
      return &platforms[i];
  return NULL;
}

/**
 * warta_oauth_platform_refresh_url:
 *
 * Where an account of @platform renews its sign-in: Instagram's long-lived
 * token at the Graph host the account publishes to (platform-apis.md
 * §2.2), the others at @token_url.
 */
char *
warta_oauth_platform_refresh_url (const char *platform,
                                  const char *base_url,
                                  const char *token_url)
{
  if (g_strcmp0 (platform, "instagram") == 0 && base_url != NULL)
    return warta_http_build_url (base_url, "/refresh_access_token");
  return g_strdup (token_url);
}
