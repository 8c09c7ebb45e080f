/* warta-oauth.h: OAuth 2 sign-in in the system browser, with PKCE and a
 * loopback redirect, and token refresh
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "warta-http-client.h"

G_BEGIN_DECLS

typedef struct
{
  char   *access_token;
  char   *refresh_token;  /* NULL when the platform gives none */
  gint64  expires_at;     /* µs since the epoch; 0: does not expire */
  char   *scope;
  char   *user_id;        /* Instagram's user id, TikTok's open_id, or NULL */
} WartaOAuthTokens;

#define WARTA_TYPE_OAUTH_TOKENS (warta_oauth_tokens_get_type ())

GType             warta_oauth_tokens_get_type  (void) G_GNUC_CONST;
WartaOAuthTokens *warta_oauth_tokens_copy      (const WartaOAuthTokens *self);
void              warta_oauth_tokens_free      (WartaOAuthTokens       *self);
/* The keyring keeps the tokens of an OAuth account as one JSON secret. */
char             *warta_oauth_tokens_to_json   (const WartaOAuthTokens *self);
WartaOAuthTokens *warta_oauth_tokens_from_json (const char             *json,
                                                GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WartaOAuthTokens, warta_oauth_tokens_free)

/* PKCE (RFC 7636): a random verifier of 64 unreserved characters and its
 * S256 challenge, base64url without padding. */
char             *warta_oauth_new_code_verifier (void);
char             *warta_oauth_code_challenge    (const char *verifier);

#define WARTA_TYPE_OAUTH_LOGIN (warta_oauth_login_get_type ())

G_DECLARE_FINAL_TYPE (WartaOAuthLogin, warta_oauth_login, WARTA, OAUTH_LOGIN, GObject)

WartaOAuthLogin  *warta_oauth_login_new               (WartaHttpClient   *client,
                                                       const char        *authorize_url,
                                                       const char        *token_url,
                                                       const char        *client_id,
                                                       const char        *client_secret,
                                                       const char        *scope);
/* Listens on 127.0.0.1 at a random port; then open the authorize URI in
 * the system browser and wait. */
gboolean          warta_oauth_login_start             (WartaOAuthLogin   *self,
                                                       GError           **error);
/* The platform's own rules ("facebook", "instagram", "x", "youtube",
 * "tiktok", "mastodon"; NULL: plain RFC 6749 with PKCE), before start. */
void              warta_oauth_login_set_platform      (WartaOAuthLogin   *self,
                                                       const char        *platform);
/* Listens on @port when it is free (a client registered for that redirect
 * URI can be used again), else on a random port. */
gboolean          warta_oauth_login_start_on_port     (WartaOAuthLogin   *self,
                                                       guint              port,
                                                       GError           **error);
void              warta_oauth_login_set_client        (WartaOAuthLogin   *self,
                                                       const char        *client_id,
                                                       const char        *client_secret);
const char       *warta_oauth_login_get_redirect_uri  (WartaOAuthLogin   *self);
const char       *warta_oauth_login_get_authorize_uri (WartaOAuthLogin   *self);
/* Waits for the browser to come back, checks the state and exchanges the
 * code (with the verifier) for tokens. */
void              warta_oauth_login_wait_async        (WartaOAuthLogin   *self,
                                                       GCancellable      *cancellable,
                                                       GAsyncReadyCallback callback,
                                                       gpointer           user_data);
WartaOAuthTokens *warta_oauth_login_wait_finish       (WartaOAuthLogin   *self,
                                                       GAsyncResult      *result,
                                                       GError           **error);

/* The refresh hook: a new access token from @refresh_token at the
 * platform's token endpoint. */
void              warta_oauth_refresh_async           (WartaHttpClient   *client,
                                                       const char        *token_url,
                                                       const char        *client_id,
                                                       const char        *client_secret,
                                                       const char        *refresh_token,
                                                       GCancellable      *cancellable,
                                                       GAsyncReadyCallback callback,
                                                       gpointer           user_data);
WartaOAuthTokens *warta_oauth_refresh_finish          (GAsyncResult      *result,
                                                       GError           **error);

/* The same by @platform's rules: Instagram renews the long-lived access
 * token itself at @url (no secret); X sends a confidential client's
 * secret as Basic authentication; TikTok names the client client_key.
 * The refresh token and user id of @tokens are kept when the answer has
 * none; a refused refresh is WARTA_PUBLISH_ERROR_AUTH_EXPIRED. */
void              warta_oauth_refresh_tokens_async    (WartaHttpClient   *client,
                                                       const char        *platform,
                                                       const char        *url,
                                                       const char        *client_id,
                                                       const char        *client_secret,
                                                       const WartaOAuthTokens *tokens,
                                                       GCancellable      *cancellable,
                                                       GAsyncReadyCallback callback,
                                                       gpointer           user_data);
/* Whether the outbox should renew @tokens of @platform now. */
gboolean          warta_oauth_tokens_need_refresh     (const char        *platform,
                                                       const WartaOAuthTokens *tokens,
                                                       gint64             now_us);

/* One request to a token endpoint: @form goes in the query (GET) or as
 * the form body (POST); with @basic_id, as Basic authentication too. The
 * refresh token and user id of @previous are kept when the answer has
 * none. Errors say what to do next. Finish with
 * warta_oauth_refresh_finish(). */
void              warta_oauth_request_tokens_async    (WartaHttpClient   *client,
                                                       const char        *method,
                                                       const char        *url,
                                                       GHashTable        *form,
                                                       const char        *basic_id,
                                                       const char        *basic_secret,
                                                       const WartaOAuthTokens *previous,
                                                       GCancellable      *cancellable,
                                                       GAsyncReadyCallback callback,
                                                       gpointer           user_data);
/* Reads the error bodies of the token endpoints and the Graph API. */
void              warta_oauth_parse_error             (guint              status,
                                                       JsonNode          *body,
                                                       WartaPublishError *code,
                                                       char             **platform_code,
                                                       char             **platform_message);
/* Takes @error of a request made while signing in, returns one that says
 * what to do next. */
GError           *warta_oauth_translate_error         (const char        *service,
                                                       GError            *error);
/* A sign-in error that says what to do, from a token endpoint's error. */
GError           *warta_oauth_error_new               (const char        *service,
                                                       WartaPublishError  code,
                                                       const char        *platform_code,
                                                       const char        *platform_message);
/* Whether the addresses @a and @b have the same scheme, host and port:
 * the same Graph host, the same Mastodon instance. */
gboolean          warta_oauth_same_origin             (const char        *a,
                                                       const char        *b);

G_END_DECLS
