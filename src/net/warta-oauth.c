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

#include "warta-oauth.h"

G_DEFINE_BOXED_TYPE (WartaOAuthTokens, warta_oauth_tokens,
                     warta_oauth_tokens_copy, warta_oauth_tokens_free)

static void
free_secret (char *secret)
{
  if (secret)
    {
      sodium_memzero (secret, strlen (secret));
      g_free (secret);
    }
}

WartaOAuthTokens *
warta_oauth_tokens_copy (const WartaOAuthTokens *self)
{
  WartaOAuthTokens *copy = g_new0 (WartaOAuthTokens, 1);

  copy->access_token = g_strdup (self->access_token);
  copy->refresh_token = g_strdup (self->refresh_token);
  copy->expires_at = self->expires_at;
  copy->scope = g_strdup (self->scope);
  return copy;
}

void
warta_oauth_tokens_free (WartaOAuthTokens *self)
{
  if (self == NULL)
    return;
  free_secret (self->access_token);
  free_secret (self->refresh_token);
  g_free (self->scope);
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
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
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
  const char *access = member_string (object, "access_token");
  gint64 expires_in;

  if (access == NULL)
    {
      g_propagate_error (error, unexpected_answer ());
      return NULL;
    }
  tokens = g_new0 (WartaOAuthTokens, 1);
  tokens->access_token = g_strdup (access);
  tokens->refresh_token = g_strdup (member_string (object, "refresh_token"));
  tokens->scope = g_strdup (member_string (object, "scope"));
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

/* the token endpoint ------------------------------------------------------ */

static void
form_add (GHashTable *form,
          const char *name,
          const char *value)
{
  g_hash_table_insert (form, (gpointer) name, (gpointer) value);
}

static void
token_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonNode) node = NULL;
  GError *error = NULL;
  WartaOAuthTokens *tokens;

  node = warta_http_client_send_json_finish (WARTA_HTTP_CLIENT (object), result, &error);
  if (node == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_task_return_error (task, unexpected_answer ());
      return;
    }
  tokens = tokens_from_object (json_node_get_object (node), g_get_real_time (), &error);
  if (tokens == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, tokens, (GDestroyNotify) warta_oauth_tokens_free);
}

static void
post_token_request (WartaHttpClient *client,
                    const char      *token_url,
                    GHashTable      *form,
                    GTask           *task_in)
{
  g_autoptr(GTask) task = task_in;
  g_autoptr(SoupMessage) msg = NULL;
  g_autofree char *service = service_name (token_url);
  GCancellable *cancellable;

  msg = soup_message_new_from_encoded_form (SOUP_METHOD_POST, token_url, soup_form_encode_hash (form));
  if (msg == NULL)
    {
      g_task_return_new_error (task, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_NOT_CONFIGURED,
                               _("“%s” is not a valid sign-in address. Correct the account’s settings."),
                               token_url);
      return;
    }
  soup_message_headers_replace (soup_message_get_request_headers (msg), "Accept", "application/json");
  /* A code is used once: never sent again by a retry. */
  cancellable = g_task_get_cancellable (task);
  warta_http_client_send_json_async (client, msg, service, NULL, cancellable,
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
  g_autoptr(GHashTable) form = g_hash_table_new (g_str_hash, g_str_equal);
  GTask *task;

  g_return_if_fail (WARTA_IS_HTTP_CLIENT (client));
  g_return_if_fail (token_url != NULL && client_id != NULL && refresh_token != NULL);

  task = g_task_new (client, cancellable, callback, user_data);
  g_task_set_source_tag (task, warta_oauth_refresh_async);
  form_add (form, "grant_type", "refresh_token");
  form_add (form, "refresh_token", refresh_token);
  form_add (form, "client_id", client_id);
  if (client_secret)
    form_add (form, "client_secret", client_secret);
  post_token_request (client, token_url, form, task);
}

WartaOAuthTokens *
warta_oauth_refresh_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
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
  free_secret (self->client_secret);
  g_free (self->scope);
  free_secret (self->verifier);
  g_free (self->state);
  g_free (self->redirect_uri);
  g_free (self->authorize_uri);
  free_secret (self->code);
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
  g_autofree char *challenge = warta_oauth_code_challenge (self->verifier);
  g_autoptr(GString) uri = g_string_new (self->authorize_url);

  g_string_append_c (uri, strchr (self->authorize_url, '?') ? '&' : '?');
  g_string_append (uri, "response_type=code&client_id=");
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
  g_string_append (uri, "&code_challenge=");
  g_string_append (uri, challenge);
  g_string_append (uri, "&code_challenge_method=S256");
  g_free (self->authorize_uri);
  self->authorize_uri = g_string_free (g_steal_pointer (&uri), FALSE);
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

gboolean
warta_oauth_login_start (WartaOAuthLogin  *self,
                         GError          **error)
{
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GError) local_error = NULL;
  GSList *uris;
  int port;

  g_return_val_if_fail (WARTA_IS_OAUTH_LOGIN (self), FALSE);
  g_return_val_if_fail (self->server == NULL, FALSE);

  self->server = soup_server_new ("server-header", "Warta", NULL);
  soup_server_add_handler (self->server, "/callback", callback_cb, self, NULL);
  if (!soup_server_listen (self->server, address, 0, &local_error))
    {
      g_set_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_FAILED,
                   _("Warta cannot wait for the browser on this computer: %s. Try again."),
                   local_error->message);
      return FALSE;
    }
  uris = soup_server_get_uris (self->server);
  port = g_uri_get_port (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  self->redirect_uri = g_strdup_printf ("http://127.0.0.1:%d/callback", port);
  self->verifier = warta_oauth_new_code_verifier ();
  self->state = random_state ();
  build_authorize_uri (self);
  return TRUE;
}

static void
exchange (WartaOAuthLogin *self)
{
  g_autoptr(GHashTable) form = g_hash_table_new (g_str_hash, g_str_equal);
  GTask *task = g_steal_pointer (&self->waiting);

  if (self->error)
    {
      g_task_return_error (task, g_error_copy (self->error));
      g_object_unref (task);
      return;
    }
  form_add (form, "grant_type", "authorization_code");
  form_add (form, "code", self->code);
  form_add (form, "redirect_uri", self->redirect_uri);
  form_add (form, "client_id", self->client_id);
  form_add (form, "code_verifier", self->verifier);
  if (self->client_secret)
    form_add (form, "client_secret", self->client_secret);
  post_token_request (self->client, self->token_url, form, task);
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
