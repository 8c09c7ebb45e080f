/* warta-meta-sign-in.h: what Facebook and Instagram need after the code:
 * the long-lived token, the Facebook Pages, the Instagram user
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "warta-oauth.h"

G_BEGIN_DECLS

/* Exchanges the short-lived user token of @platform ("facebook",
 * "instagram") for the long-lived one (about 60 days) at @url: Facebook's
 * token endpoint with grant_type=fb_exchange_token, Instagram's
 * graph.instagram.com/access_token with grant_type=ig_exchange_token.
 * Finish with warta_oauth_refresh_finish(); the user id is kept. */
void              warta_meta_exchange_async    (WartaHttpClient        *client,
                                                const char             *platform,
                                                const char             *url,
                                                const char             *client_id,
                                                const char             *client_secret,
                                                const WartaOAuthTokens *short_lived,
                                                GCancellable           *cancellable,
                                                GAsyncReadyCallback     callback,
                                                gpointer                user_data);

typedef struct
{
  char *id;
  char *name;
  char *access_token;   /* the Page token: no expiry from a long-lived user token */
} WartaFacebookPage;

void              warta_facebook_page_free     (WartaFacebookPage      *page);

/* The Pages the user of @user_token may create content on (GET
 * /{version}/me/accounts on @graph_url, following the list's "next" pages
 * on the same host, up to 1,000 Pages), as WartaFacebookPage; an error
 * that says what to do when there is none, or too many. */
void              warta_meta_list_pages_async  (WartaHttpClient        *client,
                                                const char             *graph_url,
                                                const char             *user_token,
                                                GCancellable           *cancellable,
                                                GAsyncReadyCallback     callback,
                                                gpointer                user_data);
GPtrArray        *warta_meta_list_pages_finish (GAsyncResult           *result,
                                                GError                **error);

/* Instagram Login's user (§2.1): GET /{version}/me?fields=user_id,username
 * on @graph_url. Returns the IG user id that publishing uses, and its
 * @username. */
void              warta_meta_instagram_user_async  (WartaHttpClient   *client,
                                                    const char        *graph_url,
                                                    const char        *access_token,
                                                    GCancellable      *cancellable,
                                                    GAsyncReadyCallback callback,
                                                    gpointer           user_data);
char             *warta_meta_instagram_user_finish (GAsyncResult      *result,
                                                    char             **username,
                                                    GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WartaFacebookPage, warta_facebook_page_free)

G_END_DECLS
