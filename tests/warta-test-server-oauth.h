/* warta-test-server-oauth.h: loopback authorization servers for the six
 * OAuth platforms, following platform-apis.md §1.1, §2.2, §3.1, §4.1, §5.1
 * and §6.1 with their parameter names, answer shapes and error bodies
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

#include "warta-test-server.h"

G_BEGIN_DECLS

#define WARTA_TEST_OAUTH_CLIENT_ID     "office-app-1234"
#define WARTA_TEST_OAUTH_CLIENT_SECRET "office-secret-5678"
/* Instagram's user id as its token endpoint answers it (a number). */
#define WARTA_TEST_OAUTH_IG_USER_ID    "17841400000000001"
/* The username GET /me answers on Instagram's Graph host. */
#define WARTA_TEST_OAUTH_IG_USERNAME   "humas.kotaraya"
#define WARTA_TEST_OAUTH_TIKTOK_OPEN_ID "tt-open-0001"

typedef struct _WartaTestOAuthServer WartaTestOAuthServer;

/* @platform: "facebook", "instagram", "x", "youtube", "tiktok", "mastodon". */
WartaTestOAuthServer *warta_test_oauth_server_new            (const char           *platform);
void                  warta_test_oauth_server_free           (WartaTestOAuthServer *s);
/* http://127.0.0.1:PORT: the account's address (Graph host, instance …) */
const char           *warta_test_oauth_server_get_url        (WartaTestOAuthServer *s);
/* The platform's own endpoints on this server. */
char                 *warta_test_oauth_server_authorize_url  (WartaTestOAuthServer *s);
char                 *warta_test_oauth_server_token_url      (WartaTestOAuthServer *s);

/* X: a confidential client, which must authenticate with Basic. */
void                  warta_test_oauth_server_set_confidential (WartaTestOAuthServer *s,
                                                               gboolean              confidential);
/* The user says no in the browser (error=access_denied). */
void                  warta_test_oauth_server_set_deny       (WartaTestOAuthServer *s,
                                                              gboolean              deny);
/* The redirect carries another state than the request's. */
void                  warta_test_oauth_server_set_forge_state (WartaTestOAuthServer *s,
                                                               gboolean              forge);
/* Instagram: the flat token answer instead of the documented data[] one. */
void                  warta_test_oauth_server_set_flat_answer (WartaTestOAuthServer *s,
                                                               gboolean              flat);
/* TikTok: the HTTP status of its error answers (200 by default). */
void                  warta_test_oauth_server_set_error_status (WartaTestOAuthServer *s,
                                                                guint                 status);
/* The server's clock runs @seconds ahead: codes and tokens grow old. */
void                  warta_test_oauth_server_age            (WartaTestOAuthServer *s,
                                                              guint                 seconds);
/* Every refresh token issued so far is withdrawn. */
void                  warta_test_oauth_server_revoke         (WartaTestOAuthServer *s);
/* Facebook: a Page of the signed-in user; @tasks NULL-terminated. */
void                  warta_test_oauth_server_add_page       (WartaTestOAuthServer *s,
                                                              const char           *id,
                                                              const char           *name,
                                                              const char           *page_token,
                                                              const char * const   *tasks);
/* Facebook: the most Pages one /me/accounts answer lists (100). */
void                  warta_test_oauth_server_set_page_size  (WartaTestOAuthServer *s,
                                                              guint                 page_size);
guint                 warta_test_oauth_server_get_n_page_requests (WartaTestOAuthServer *s);
/* Instagram, X, Mastodon, YouTube: the username of whom the browser signs
 * in (the tokens issued from then on are theirs). YouTube: the Google
 * account of the channel warta_test_youtube_respond_channels() answers;
 * NULL for one without a channel. */
void                  warta_test_oauth_server_set_username   (WartaTestOAuthServer *s,
                                                              const char           *username);
/* Mastodon: what the instance's /api/v2/instance and /api/v1/instance
 * say (WARTA_TEST_INSTANCE_DEFAULT at first). */
void                  warta_test_oauth_server_set_instance   (WartaTestOAuthServer    *s,
                                                              const WartaTestInstance *instance);
/* YouTube: the channel's status.longUploadsStatus ("allowed" at first;
 * NULL: not said). */
void                  warta_test_oauth_server_set_long_uploads (WartaTestOAuthServer *s,
                                                                const char           *status);

/* Whether @token is an access token this server issued and still honours. */
gboolean              warta_test_oauth_server_token_is_valid (WartaTestOAuthServer *s,
                                                              const char           *token);
guint                 warta_test_oauth_server_get_n_apps     (WartaTestOAuthServer *s);
guint                 warta_test_oauth_server_get_n_token_requests (WartaTestOAuthServer *s);
/* Why the last request was refused, or NULL. */
const char           *warta_test_oauth_server_get_last_refusal (WartaTestOAuthServer *s);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WartaTestOAuthServer, warta_test_oauth_server_free)

/* Plays the browser: GETs @uri and follows the redirect to Warta's
 * loopback callback. Returns the HTTP status of the last page. */
guint                 warta_test_oauth_browse                (const char           *uri,
                                                              char                **out_page);

G_END_DECLS
