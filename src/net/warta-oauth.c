/* warta-oauth.c: OAuth 2 sign-in in the system browser, with PKCE and a
 * loopback redirect, and token refresh
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * RFC 8252 (native apps): the browser comes back to a SoupServer on
 * 127.0.0.1 at a random port; RFC 7636 (PKCE, S256) binds the code to this
 * process; the state parameter binds the answer to this request. Tokens
 * are handed to the caller for the keyring, never logged.
 */
#define G_LOG_DOMAIN "warta-oauth"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sodium.h>
#include <string.h>

#include "warta-json-private.h"
#include "warta-oauth.h"

G_DEFINE_BOXED_TYPE (WartaOAuthTokens, warta_oauth_tokens,
                     warta_oauth_tokens_copy, warta_oauth_tokens_free)

WartaOAuthTokens *
warta_oauth_tokens_copy (const WartaOAuthTokens *self)
{
  WartaOAuthTokens *copy = g_new0 (WartaOAuthTokens, 1);

  copy->access_token = g_strdup (self->access_token);
  copy->refresh_token = g_strdup (self->refresh_token);
  copy->expires_at = self->expires_at;
  copy->scope = g_strdup (self->scope);
  copy->user_id = g_strdup (self->user_id);
  return copy;
}

void
warta_oauth_tokens_free (WartaOAuthTokens *self)
{
  if (self == NULL)
    return;
  warta_secret_free (self->access_token);
  warta_secret_free (self->refresh_token);
  g_free (self->scope);
  g_free (self->user_id);
  g_free (self);
}

char *
warta_oauth_tokens_to_json (const WartaOAuthTokens *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "access_token");
  json_builder_add_string_value (builder, self->access_token);
  if (self->refresh_token)
    {
      json_builder_set_member_name (builder, "refresh_token");
      json_builder_add_string_value (builder, self->refresh_token);
    }
  json_builder_set_member_name (builder, "expires_at");
  json_builder_add_int_value (builder, self->expires_at);
  if (self->scope)
    {
      json_builder_set_member_name (builder, "scope");
      json_builder_add_string_value (builder, self->scope);
    }
  if (self->user_id)
    {
      json_builder_set_member_name (builder, "user_id");
      json_builder_add_string_value (builder, self->user_id);
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static gint64
member_int (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return 0;
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return g_ascii_strtoll (json_node_get_string (node), NULL, 10);
  return json_node_get_int (node);
}

/* An id as a string, whether the answer wrote it as a number (Instagram's
 * user_id) or a string. */
static char *
member_id (JsonObject *object,
           const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  return NULL;
}

static GError *
unexpected_answer (void)
{
  return g_error_new_literal (WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_PROTOCOL,
                              _("The sign-in server sent an answer Warta does not understand. Check the account’s settings, then sign in again."));
}

static WartaOAuthTokens *
tokens_from_object (JsonObject  *object,
                    gint64       now_us,
                    GError     **error)
{
  WartaOAuthTokens *tokens;
  const char *access = _warta_json_get_string (object, "access_token");
  gint64 expires_in;

  if (access == NULL)
    {
      g_propagate_error (error, unexpected_answer ());
      return NULL;
    }
  tokens = g_new0 (WartaOAuthTokens, 1);
  tokens->access_token = g_strdup (access);
  tokens->refresh_token = g_strdup (_warta_json_get_string (object, "refresh_token"));
  tokens->scope = g_strdup (_warta_json_get_string (object, "scope"));
  tokens->user_id = member_id (object, "user_id");
  if (tokens->user_id == NULL)
    tokens->user_id = member_id (object, "open_id");
  tokens->expires_at = member_int (object, "expires_at");
  expires_in = member_int (object, "expires_in");
  if (tokens->expires_at == 0 && expires_in > 0)
    tokens->expires_at = now_us + expires_in * G_USEC_PER_SEC;
  return tokens;
}

WartaOAuthTokens *
warta_oauth_tokens_from_json (const char  *json,
                              GError     **error)
{
  g_autoptr(JsonNode) node = json ? json_from_string (json, NULL) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_propagate_error (error, unexpected_answer ());
      return NULL;
    }
  return tokens_from_object (json_node_get_object (node), 0, error);
}

char *
warta_oauth_new_code_verifier (void)
{
  static const char unreserved[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";
  char *verifier = g_malloc (65);

  for (guint i = 0; i < 64; i++)
    verifier[i] = unreserved[randombytes_uniform (sizeof unreserved - 1)];
  verifier[64] = '\0';
  return verifier;
}

static char *
base64url (const guchar *data,
           gsize         len)
{
  char *text = g_base64_encode (data, len);
  char *end;

  for (char *p = text; *p; p++)
    {
      if (*p == '+')
        *p = '-';
      else if (*p == '/')
        *p = '_';
    }
  end = strchr (text, '=');
  if (end)
    *end = '\0';
  return text;
}

char *
warta_oauth_code_challenge (const char *verifier)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  guchar digest[32];
  gsize len = sizeof digest;

  g_return_val_if_fail (verifier != NULL, NULL);

  g_checksum_update (sum, (const guchar *) verifier, strlen (verifier));
  g_checksum_get_digest (sum, digest, &len);
  return base64url (digest, len);
}

static char *
random_state (void)
{
  guchar bytes[24];

  randombytes_buf (bytes, sizeof bytes);
  return base64url (bytes, sizeof bytes);
}

static char *
service_name (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);

  return g_strdup (uri && g_uri_get_host (uri) ? g_uri_get_host (uri) : url);
}

/* the platforms' rules ------------------------------------------------------- */

typedef enum
{
  FLAVOUR_GENERIC,
  FLAVOUR_FACEBOOK,
  FLAVOUR_INSTAGRAM,
  FLAVOUR_X,
  FLAVOUR_GOOGLE,
  FLAVOUR_TIKTOK,
  FLAVOUR_MASTODON,
} Flavour;

static Flavour
flavour_of (const char *platform)
{
  static const struct { const char *id; Flavour flavour; } known[] = {
    { "facebook", FLAVOUR_FACEBOOK },
    { "instagram", FLAVOUR_INSTAGRAM },
    { "x", FLAVOUR_X },
    { "youtube", FLAVOUR_GOOGLE },
    { "tiktok", FLAVOUR_TIKTOK },
    { "mastodon", FLAVOUR_MASTODON },
  };

  for (guint i = 0; platform && i < G_N_ELEMENTS (known); i++)
    if (g_str_equal (platform, known[i].id))
      return known[i].flavour;
  return FLAVOUR_GENERIC;
}

/* TikTok calls the client id the client key, in the browser and at the
 * token endpoint (platform-apis.md §5.1). */
static const char *
client_id_name (Flavour flavour)
{
  return flavour == FLAVOUR_TIKTOK ? "client_key" : "client_id";
}

/* Facebook's and Instagram's Login take no PKCE (§1.1, §2.2). */
static gboolean
uses_pkce (Flavour flavour)
{
  return flavour != FLAVOUR_FACEBOOK && flavour != FLAVOUR_INSTAGRAM;
}

/* errors ------------------------------------------------------------------ */

static char *
graph_error_code (JsonObject *error)
{
  gint64 code = member_int (error, "code");

  return code != 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, code) : NULL;
}

static WartaPublishError
classify_oauth_error (const char *platform_code,
                      const char *platform_message)
{
  /* X calls a bad, used or expired code or refresh token an invalid
   * request (platform-apis.md §3.6): nothing to correct but sign in. */
  static const char * const expired[] = {
    "invalid_grant", "invalid_token", "invalid_request", "100", "190", NULL,
  };
  static const char * const client[] = {
    "invalid_client", "unauthorized_client", "1", "101", NULL,
  };

  if (platform_code == NULL)
    return WARTA_PUBLISH_ERROR_REJECTED;
  if (g_strv_contains (expired, platform_code))
    return WARTA_PUBLISH_ERROR_AUTH_EXPIRED;
  if (g_strv_contains (client, platform_code))
    return WARTA_PUBLISH_ERROR_NOT_CONFIGURED;
  if (g_str_equal (platform_code, "access_denied"))
    return WARTA_PUBLISH_ERROR_PERMISSION_DENIED;
  /* Instagram Login: {"error_type":"OAuthException","code":400,
   * "error_message":"…"}; "Invalid platform app" names the client. */
  if (g_str_equal (platform_code, "OAuthException"))
    return platform_message && strstr (platform_message, "platform app")
           ? WARTA_PUBLISH_ERROR_NOT_CONFIGURED : WARTA_PUBLISH_ERROR_AUTH_EXPIRED;
  return WARTA_PUBLISH_ERROR_REJECTED;
}

/* The token endpoints' error bodies: RFC 6749's {"error","error_description"}
 * (X, Google, TikTok, Mastodon), the Graph API's {"error":{"message",
 * "code"}} (Facebook, graph.instagram.com) and Instagram Login's
 * {"error_type","code","error_message"}. */
void
warta_oauth_parse_error (guint               status,
                   JsonNode           *body,
                   WartaPublishError  *code,
                   char              **platform_code,
                   char              **platform_message)
{
  JsonObject *object;
  JsonNode *error;

  if (body == NULL || !JSON_NODE_HOLDS_OBJECT (body))
    return;
  object = json_node_get_object (body);
  error = json_object_get_member (object, "error");
  if (error && JSON_NODE_HOLDS_OBJECT (error))
    {
      *platform_code = graph_error_code (json_node_get_object (error));
      *platform_message = g_strdup (_warta_json_get_string (json_node_get_object (error), "message"));
    }
  else if (_warta_json_get_string (object, "error"))
    {
      *platform_code = g_strdup (_warta_json_get_string (object, "error"));
      *platform_message = g_strdup (_warta_json_get_string (object, "error_description"));
    }
  else if (_warta_json_get_string (object, "error_type"))
    {
      *platform_code = g_strdup (_warta_json_get_string (object, "error_type"));
      *platform_message = g_strdup (_warta_json_get_string (object, "error_message"));
    }
  else
    return;
  /* Busy and unreachable stay what they are: try again later. */
  if (status < 500 && status != 429)
    *code = classify_oauth_error (*platform_code, *platform_message);
}

GError *
warta_oauth_error_new (const char        *service,
                       WartaPublishError  code,
                       const char        *platform_code,
                       const char        *platform_message)
{
  GError *error;

  switch (code)
    {
    case WARTA_PUBLISH_ERROR_AUTH_EXPIRED:
      {
        g_autofree char *reason = platform_message
          ? g_strdup_printf (_("%s did not accept the sign-in (“%s”): it has expired, was used already or was withdrawn."),
                             service, platform_message)
          : g_strdup_printf (_("%s did not accept the sign-in: it has expired, was used already or was withdrawn."),
                             service);
        g_autofree char *message = warta_publish_error_format_sign_in (reason);

        error = g_error_new_literal (WARTA_PUBLISH_ERROR, code, message);
      }
      break;
    case WARTA_PUBLISH_ERROR_NOT_CONFIGURED:
      error = g_error_new (WARTA_PUBLISH_ERROR, code,
                           _("%s did not accept the office’s developer app. Check its client id and secret under Developer Apps in Accounts, then sign in again."),
                           service);
      break;
    case WARTA_PUBLISH_ERROR_PERMISSION_DENIED:
      error = g_error_new_literal (WARTA_PUBLISH_ERROR, code,
                                   _("Access was not granted in the browser. Sign in again and allow Warta to publish."));
      break;
    case WARTA_PUBLISH_ERROR_RETRYABLE:
    case WARTA_PUBLISH_ERROR_RATE_LIMITED:
      error = g_error_new (WARTA_PUBLISH_ERROR, code,
                           _("%s could not be reached or is busy, so signing in did not finish. Check the internet connection, then sign in again in a few minutes."),
                           service);
      break;
    case WARTA_PUBLISH_ERROR_CANCELLED:
      error = g_error_new_literal (WARTA_PUBLISH_ERROR, code, _("Signing in was cancelled."));
      break;
    default:
      error = platform_message
        ? g_error_new (WARTA_PUBLISH_ERROR, code,
                       _("%s refused the sign-in (“%s”). Check the developer app under Developer Apps in Accounts, then sign in again."),
                       service, platform_message)
        : g_error_new (WARTA_PUBLISH_ERROR, code,
                       _("%s refused the sign-in. Check the developer app under Developer Apps in Accounts, then sign in again."),
                       service);
      break;
    }
  warta_publish_error_set_platform (error, platform_code, platform_message);
  return error;
}

GError *
warta_oauth_translate_error (const char *service,
                             GError     *error)
{
  GError *translated;

  if (error->domain != WARTA_PUBLISH_ERROR)
    return error;
  translated = warta_oauth_error_new (service, error->code,
                                      warta_publish_error_get_platform_code (error),
                                      warta_publish_error_get_platform_message (error));
  g_error_free (error);
  return translated;
}

/* the token endpoint ------------------------------------------------------ */

static void
form_add (GHashTable *form,
          const char *name,
          const char *value)
{
  if (value != NULL)
    g_hash_table_insert (form, (gpointer) name, (gpointer) value);
}

typedef struct
{
  char             *service;
  WartaOAuthTokens *previous;
} TokenRequest;

static void
token_request_free (TokenRequest *r)
{
  g_free (r->service);
  g_clear_pointer (&r->previous, warta_oauth_tokens_free);
  g_free (r);
}

/* Instagram Login documents {"data":[{access_token,user_id,permissions}]};
 * the flat object is seen too. */
static JsonObject *
token_object (JsonNode *node)
{
  JsonObject *object = json_node_get_object (node);
  JsonNode *data = json_object_get_member (object, "data");

  if (data && JSON_NODE_HOLDS_ARRAY (data) && json_array_get_length (json_node_get_array (data)) > 0 &&
      JSON_NODE_HOLDS_OBJECT (json_array_get_element (json_node_get_array (data), 0)))
    return json_array_get_object_element (json_node_get_array (data), 0);
  return object;
}

static void
token_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TokenRequest *r = g_task_get_task_data (task);
  g_autoptr(JsonNode) node = NULL;
  GError *error = NULL;
  WartaOAuthTokens *tokens;

  node = warta_http_client_send_json_finish (WARTA_HTTP_CLIENT (object), result, &error);
  if (node == NULL)
    {
      g_task_return_error (task, warta_oauth_translate_error (r->service, error));
      return;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_task_return_error (task, unexpected_answer ());
      return;
    }
  /* TikTok answers some errors with HTTP 200. */
  if (json_object_has_member (json_node_get_object (node), "error"))
    {
      WartaPublishError code = WARTA_PUBLISH_ERROR_REJECTED;
      g_autofree char *platform_code = NULL;
      g_autofree char *platform_message = NULL;

      warta_oauth_parse_error (200, node, &code, &platform_code, &platform_message);
      g_task_return_error (task, warta_oauth_error_new (r->service, code, platform_code,
                                                        platform_message));
      return;
    }
  tokens = tokens_from_object (token_object (node), g_get_real_time (), &error);
  if (tokens == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* Google keeps the refresh token and sends none back; X and TikTok
   * rotate it, and only the newest one works. */
  if (tokens->refresh_token == NULL && r->previous)
    tokens->refresh_token = g_strdup (r->previous->refresh_token);
  if (tokens->user_id == NULL && r->previous)
    tokens->user_id = g_strdup (r->previous->user_id);
  g_task_return_pointer (task, tokens, (GDestroyNotify) warta_oauth_tokens_free);
}

static void
set_basic_auth (SoupMessage *msg,
                const char  *id,
                const char  *secret)
{
  g_autofree char *pair = g_strconcat (id, ":", secret, NULL);
  g_autofree char *encoded = g_base64_encode ((const guchar *) pair, strlen (pair));
  g_autofree char *value = g_strconcat ("Basic ", encoded, NULL);

  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", value);
  sodium_memzero (pair, strlen (pair));
  sodium_memzero (encoded, strlen (encoded));
  sodium_memzero (value, strlen (value));
}

void
warta_oauth_request_tokens_async (WartaHttpClient        *client,
                                  const char             *method,
                                  const char             *url,
                                  GHashTable             *form,
                                  const char             *basic_id,
                                  const char             *basic_secret,
                                  const WartaOAuthTokens *previous,
                                  GCancellable           *cancellable,
                                  GAsyncReadyCallback     callback,
                                  gpointer                user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  TokenRequest *r;
  char *encoded;

  g_return_if_fail (WARTA_IS_HTTP_CLIENT (client));
  g_return_if_fail (method != NULL && url != NULL && form != NULL);

  task = g_task_new (client, cancellable, callback, user_data);
  g_task_set_source_tag (task, warta_oauth_request_tokens_async);
  r = g_new0 (TokenRequest, 1);
  r->service = service_name (url);
  r->previous = previous ? warta_oauth_tokens_copy (previous) : NULL;
  g_task_set_task_data (task, r, (GDestroyNotify) token_request_free);

  encoded = soup_form_encode_hash (form);
  if (g_str_equal (method, SOUP_METHOD_GET))
    {
      g_autofree char *uri = g_strconcat (url, strchr (url, '?') ? "&" : "?", encoded, NULL);

      msg = soup_message_new (SOUP_METHOD_GET, uri);
      sodium_memzero (uri, strlen (uri));
      warta_secret_free (encoded);
    }
  else
    msg = soup_message_new_from_encoded_form (method, url, encoded);
  if (msg == NULL)
    {
      g_task_return_new_error (task, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_NOT_CONFIGURED,
                               _("“%s” is not a valid sign-in address. Correct the account’s settings."),
                               url);
      return;
    }
  soup_message_headers_replace (soup_message_get_request_headers (msg), "Accept", "application/json");
  if (basic_id && basic_secret)
    set_basic_auth (msg, basic_id, basic_secret);
  /* A code is used once: never sent again by a retry. */
  warta_http_client_send_json_async (client, msg, r->service, warta_oauth_parse_error, cancellable,
                                     token_cb, g_steal_pointer (&task));
}

void
warta_oauth_refresh_async (WartaHttpClient     *client,
                           const char          *token_url,
                           const char          *client_id,
                           const char          *client_secret,
                           const char          *refresh_token,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  WartaOAuthTokens tokens = { NULL, (char *) refresh_token, 0, NULL, NULL };

  g_return_if_fail (refresh_token != NULL);
  warta_oauth_refresh_tokens_async (client, NULL, token_url, client_id, client_secret, &tokens,
                                    cancellable, callback, user_data);
}

void
warta_oauth_refresh_tokens_async (WartaHttpClient        *client,
                                  const char             *platform,
                                  const char             *url,
                                  const char             *client_id,
                                  const char             *client_secret,
                                  const WartaOAuthTokens *tokens,
                                  GCancellable           *cancellable,
                                  GAsyncReadyCallback     callback,
                                  gpointer                user_data)
{
  g_autoptr(GHashTable) form = g_hash_table_new (g_str_hash, g_str_equal);
  Flavour flavour = flavour_of (platform);
  g_autofree char *service = NULL;

  g_return_if_fail (WARTA_IS_HTTP_CLIENT (client));
  g_return_if_fail (url != NULL && tokens != NULL);

  if (flavour == FLAVOUR_INSTAGRAM)
    {
      /* The long-lived token renews itself; no app secret (§2.2). */
      form_add (form, "grant_type", "ig_refresh_token");
      form_add (form, "access_token", tokens->access_token);
      warta_oauth_request_tokens_async (client, SOUP_METHOD_GET, url, form, NULL, NULL, tokens,
                                        cancellable, callback, user_data);
      return;
    }
  if (tokens->refresh_token == NULL || client_id == NULL)
    {
      service = service_name (url);
      g_task_report_error (client, callback, user_data, warta_oauth_request_tokens_async,
                           warta_oauth_error_new (service, WARTA_PUBLISH_ERROR_AUTH_EXPIRED,
                                                  NULL, NULL));
      return;
    }
  form_add (form, "grant_type", "refresh_token");
  form_add (form, "refresh_token", tokens->refresh_token);
  form_add (form, client_id_name (flavour), client_id);
  if (flavour != FLAVOUR_X)
    form_add (form, "client_secret", client_secret);
  warta_oauth_request_tokens_async (client, SOUP_METHOD_POST, url, form,
                                    flavour == FLAVOUR_X ? client_id : NULL,
                                    flavour == FLAVOUR_X ? client_secret : NULL,
                                    tokens, cancellable, callback, user_data);
}

WartaOAuthTokens *
warta_oauth_refresh_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* A token that expires sooner is refreshed before a job starts. */
#define REFRESH_BEFORE_US (5 * 60 * G_USEC_PER_SEC)
/* Instagram's 60-day token can be renewed once it is a day old: renewed
 * when less than 30 days remain, so it never runs out unseen. */
#define INSTAGRAM_RENEW_BEFORE_US (G_GINT64_CONSTANT (30) * 24 * 3600 * G_USEC_PER_SEC)

gboolean
warta_oauth_tokens_need_refresh (const char             *platform,
                                 const WartaOAuthTokens *tokens,
                                 gint64                  now_us)
{
  g_return_val_if_fail (tokens != NULL, FALSE);

  if (tokens->expires_at == 0)
    return FALSE;
  if (flavour_of (platform) == FLAVOUR_INSTAGRAM)
    return tokens->expires_at < now_us + INSTAGRAM_RENEW_BEFORE_US;
  return tokens->refresh_token != NULL && tokens->expires_at < now_us + REFRESH_BEFORE_US;
}

/* WartaOAuthLogin ----------------------------------------------------------- */

struct _WartaOAuthLogin
{
  GObject          parent_instance;

  WartaHttpClient *client;
  char            *authorize_url;
  char            *token_url;
  char            *client_id;
  char            *client_secret;
  char            *scope;
  Flavour          flavour;
  char            *verifier;
  char            *state;
  char            *redirect_uri;
  char            *authorize_uri;
  SoupServer      *server;
  GTask           *waiting;     /* the wait, until the browser comes back */
  char            *code;
  GError          *error;
};

G_DEFINE_FINAL_TYPE (WartaOAuthLogin, warta_oauth_login, G_TYPE_OBJECT)

static void
warta_oauth_login_finalize (GObject *object)
{
  WartaOAuthLogin *self = WARTA_OAUTH_LOGIN (object);

  if (self->server)
    soup_server_disconnect (self->server);
  g_clear_object (&self->server);
  g_clear_object (&self->client);
  g_free (self->authorize_url);
  g_free (self->token_url);
  g_free (self->client_id);
  warta_secret_free (self->client_secret);
  g_free (self->scope);
  warta_secret_free (self->verifier);
  g_free (self->state);
  g_free (self->redirect_uri);
  g_free (self->authorize_uri);
  warta_secret_free (self->code);
  g_clear_error (&self->error);
  g_assert (self->waiting == NULL);

  G_OBJECT_CLASS (warta_oauth_login_parent_class)->finalize (object);
}

static void
warta_oauth_login_class_init (WartaOAuthLoginClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = warta_oauth_login_finalize;
}

static void
warta_oauth_login_init (WartaOAuthLogin *self)
{
}

WartaOAuthLogin *
warta_oauth_login_new (WartaHttpClient *client,
                       const char      *authorize_url,
                       const char      *token_url,
                       const char      *client_id,
                       const char      *client_secret,
                       const char      *scope)
{
  WartaOAuthLogin *self;

  g_return_val_if_fail (WARTA_IS_HTTP_CLIENT (client), NULL);
  g_return_val_if_fail (authorize_url != NULL && token_url != NULL && client_id != NULL, NULL);

  self = g_object_new (WARTA_TYPE_OAUTH_LOGIN, NULL);
  self->client = g_object_ref (client);
  self->authorize_url = g_strdup (authorize_url);
  self->token_url = g_strdup (token_url);
  self->client_id = g_strdup (client_id);
  self->client_secret = g_strdup (client_secret);
  self->scope = g_strdup (scope);
  return self;
}

const char *
warta_oauth_login_get_redirect_uri (WartaOAuthLogin *self)
{
  g_return_val_if_fail (WARTA_IS_OAUTH_LOGIN (self), NULL);
  return self->redirect_uri;
}

const char *
warta_oauth_login_get_authorize_uri (WartaOAuthLogin *self)
{
  g_return_val_if_fail (WARTA_IS_OAUTH_LOGIN (self), NULL);
  return self->authorize_uri;
}

static void exchange (WartaOAuthLogin *self);

static void
callback_cb (SoupServer        *server,
             SoupServerMessage *msg,
             const char        *path,
             GHashTable        *query,
             gpointer           user_data)
{
  WartaOAuthLogin *self = user_data;
  const char *state = query ? g_hash_table_lookup (query, "state") : NULL;
  const char *code = query ? g_hash_table_lookup (query, "code") : NULL;
  const char *denied = query ? g_hash_table_lookup (query, "error") : NULL;
  g_autofree char *page = NULL;
  g_autofree char *escaped = NULL;
  const char *text;

  if (self->code != NULL || self->error != NULL)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_GONE, NULL);
      return;
    }

  if (state == NULL || g_strcmp0 (state, self->state) != 0)
    {
      /* Not the answer to this request: a forged or stale redirect. */
      self->error = g_error_new_literal (WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_AUTH_EXPIRED,
                                         _("The browser came back with an answer to another sign-in. Sign in again."));
      text = _("This sign-in does not belong to Warta’s request. Return to Warta and sign in again.");
    }
  else if (denied != NULL || code == NULL)
    {
      self->error = g_error_new_literal (WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_PERMISSION_DENIED,
                                         _("Access was not granted in the browser. Sign in again and allow Warta to publish."));
      text = _("Access was not granted. You can close this window and return to Warta.");
    }
  else
    {
      self->code = g_strdup (code);
      /* Instagram appends "#_" to the code (§2.2); a browser keeps a
       * fragment to itself, but a code copied with it must still work. */
      if (g_str_has_suffix (self->code, "#_"))
        self->code[strlen (self->code) - 2] = '\0';
      text = _("Signed in. You can close this window and return to Warta.");
    }

  escaped = g_markup_escape_text (text, -1);
  page = g_strdup_printf ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Warta</title>"
                          "</head><body><p>%s</p></body></html>", escaped);
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "text/html; charset=utf-8", SOUP_MEMORY_COPY,
                                    page, strlen (page));
  if (self->waiting)
    exchange (self);
}

static void
build_authorize_uri (WartaOAuthLogin *self)
{
  g_autoptr(GString) uri = g_string_new (self->authorize_url);

  g_string_append_c (uri, strchr (self->authorize_url, '?') ? '&' : '?');
  g_string_append_printf (uri, "response_type=code&%s=", client_id_name (self->flavour));
  g_string_append_uri_escaped (uri, self->client_id, NULL, FALSE);
  g_string_append (uri, "&redirect_uri=");
  g_string_append_uri_escaped (uri, self->redirect_uri, NULL, FALSE);
  if (self->scope)
    {
      g_string_append (uri, "&scope=");
      g_string_append_uri_escaped (uri, self->scope, NULL, FALSE);
    }
  g_string_append (uri, "&state=");
  g_string_append_uri_escaped (uri, self->state, NULL, FALSE);
  if (uses_pkce (self->flavour))
    {
      g_autofree char *challenge = warta_oauth_code_challenge (self->verifier);

      g_string_append (uri, "&code_challenge=");
      g_string_append (uri, challenge);
      g_string_append (uri, "&code_challenge_method=S256");
    }
  /* Google gives a refresh token only offline, and again only when the
   * consent screen is shown again (§4.1). */
  if (self->flavour == FLAVOUR_GOOGLE)
    g_string_append (uri, "&access_type=offline&prompt=consent");
  g_free (self->authorize_uri);
  self->authorize_uri = g_string_free (g_steal_pointer (&uri), FALSE);
}

void
warta_oauth_login_set_platform (WartaOAuthLogin *self,
                                const char      *platform)
{
  g_return_if_fail (WARTA_IS_OAUTH_LOGIN (self));

  self->flavour = flavour_of (platform);
  if (self->redirect_uri != NULL)
    build_authorize_uri (self);
}

/**
 * warta_oauth_login_set_client:
 *
 * Replaces the client, after warta_oauth_login_start() too: Mastodon
 * registers an app per instance, and the registration must name the
 * redirect URI, which is known only once Warta listens.
 */
void
warta_oauth_login_set_client (WartaOAuthLogin *self,
                              const char      *client_id,
                              const char      *client_secret)
{
  g_return_if_fail (WARTA_IS_OAUTH_LOGIN (self));
  g_return_if_fail (client_id != NULL);

  g_free (self->client_id);
  self->client_id = g_strdup (client_id);
  g_free (self->client_secret);
  self->client_secret = g_strdup (client_secret);
  if (self->redirect_uri != NULL)
    build_authorize_uri (self);
}

static gboolean
listen_on (SoupServer *server,
           guint       port,
           GError    **error)
{
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, port);

  return soup_server_listen (server, address, 0, error);
}

gboolean
warta_oauth_login_start_on_port (WartaOAuthLogin  *self,
                                 guint             port,
                                 GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  GSList *uris;

  g_return_val_if_fail (WARTA_IS_OAUTH_LOGIN (self), FALSE);
  g_return_val_if_fail (self->server == NULL, FALSE);
  g_return_val_if_fail (port <= G_MAXUINT16, FALSE);

  self->server = soup_server_new ("server-header", "Warta", NULL);
  soup_server_add_handler (self->server, "/callback", callback_cb, self, NULL);
  if ((port == 0 || !listen_on (self->server, port, NULL)) &&
      !listen_on (self->server, 0, &local_error))
    {
      g_set_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_FAILED,
                   _("Warta cannot wait for the browser on this computer: %s. Try again."),
                   local_error->message);
      return FALSE;
    }
  uris = soup_server_get_uris (self->server);
  port = g_uri_get_port (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  self->redirect_uri = g_strdup_printf ("http://127.0.0.1:%u/callback", port);
  self->verifier = warta_oauth_new_code_verifier ();
  self->state = random_state ();
  build_authorize_uri (self);
  return TRUE;
}

gboolean
warta_oauth_login_start (WartaOAuthLogin  *self,
                         GError          **error)
{
  return warta_oauth_login_start_on_port (self, 0, error);
}

static void
exchanged_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  WartaOAuthTokens *tokens = warta_oauth_refresh_finish (result, &error);

  if (tokens == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, tokens, (GDestroyNotify) warta_oauth_tokens_free);
}

/* The code for tokens, in each platform's words (§1.1, §2.2, §3.1, §4.1,
 * §5.1, §6.1). */
static void
exchange (WartaOAuthLogin *self)
{
  g_autoptr(GHashTable) form = g_hash_table_new (g_str_hash, g_str_equal);
  GTask *task = g_steal_pointer (&self->waiting);
  gboolean basic = self->flavour == FLAVOUR_X && self->client_secret != NULL;

  if (self->error)
    {
      g_task_return_error (task, g_error_copy (self->error));
      g_object_unref (task);
      return;
    }
  form_add (form, "code", self->code);
  form_add (form, "redirect_uri", self->redirect_uri);
  form_add (form, client_id_name (self->flavour), self->client_id);
  if (self->flavour != FLAVOUR_FACEBOOK)
    form_add (form, "grant_type", "authorization_code");
  if (uses_pkce (self->flavour))
    form_add (form, "code_verifier", self->verifier);
  /* X's confidential clients authenticate with Basic instead. */
  if (!basic)
    form_add (form, "client_secret", self->client_secret);
  warta_oauth_request_tokens_async (self->client,
                                    self->flavour == FLAVOUR_FACEBOOK ? SOUP_METHOD_GET
                                                                      : SOUP_METHOD_POST,
                                    self->token_url, form,
                                    basic ? self->client_id : NULL,
                                    basic ? self->client_secret : NULL,
                                    NULL, g_task_get_cancellable (task), exchanged_cb, task);
}

static void
wait_cancelled_cb (GCancellable *cancellable,
                   gpointer      user_data)
{
  WartaOAuthLogin *self = user_data;
  GTask *task = g_steal_pointer (&self->waiting);

  if (task)
    {
      g_task_return_new_error (task, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_CANCELLED,
                               _("Signing in was cancelled."));
      g_object_unref (task);
    }
}

void
warta_oauth_login_wait_async (WartaOAuthLogin     *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (WARTA_IS_OAUTH_LOGIN (self));
  g_return_if_fail (self->server != NULL);
  g_return_if_fail (self->waiting == NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, warta_oauth_login_wait_async);
  self->waiting = task;
  if (self->code != NULL || self->error != NULL)
    {
      exchange (self);
      return;
    }
  if (cancellable)
    g_signal_connect_object (cancellable, "cancelled", G_CALLBACK (wait_cancelled_cb), self, 0);
}

WartaOAuthTokens *
warta_oauth_login_wait_finish (WartaOAuthLogin  *self,
                               GAsyncResult     *result,
                               GError          **error)
{
  g_return_val_if_fail (WARTA_IS_OAUTH_LOGIN (self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static int
port_or_default (GUri *uri)
{
  if (g_uri_get_port (uri) > 0)
    return g_uri_get_port (uri);
  return g_ascii_strcasecmp (g_uri_get_scheme (uri), "https") == 0 ? 443 : 80;
}

gboolean
warta_oauth_same_origin (const char *a,
                         const char *b)
{
  g_autoptr(GUri) ua = a ? g_uri_parse (a, G_URI_FLAGS_NONE, NULL) : NULL;
  g_autoptr(GUri) ub = b ? g_uri_parse (b, G_URI_FLAGS_NONE, NULL) : NULL;

  return ua != NULL && ub != NULL && g_uri_get_host (ua) != NULL && g_uri_get_host (ub) != NULL &&
         g_ascii_strcasecmp (g_uri_get_scheme (ua), g_uri_get_scheme (ub)) == 0 &&
         g_ascii_strcasecmp (g_uri_get_host (ua), g_uri_get_host (ub)) == 0 &&
         port_or_default (ua) == port_or_default (ub);
}
