/* warta-meta-sign-in.c: what Facebook and Instagram need after the code:
 * the long-lived token, the Facebook Pages, the Instagram user
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * platform-apis.md §1.1: Facebook's short-lived user token (1–2 hours)
 * becomes a long-lived one (60 days), from which the Page tokens that
 * /me/accounts lists never expire. §2.2: Instagram Login's 1-hour token
 * becomes a 60-day token that renews itself.
 */
#define G_LOG_DOMAIN "warta-meta-sign-in"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sodium.h>
#include <string.h>

#include "warta-facebook.h"
#include "warta-json-private.h"
#include "warta-meta-sign-in.h"

void
warta_meta_exchange_async (WartaHttpClient        *client,
                           const char             *platform,
                           const char             *url,
                           const char             *client_id,
                           const char             *client_secret,
                           const WartaOAuthTokens *short_lived,
                           GCancellable           *cancellable,
                           GAsyncReadyCallback     callback,
                           gpointer                user_data)
{
  g_autoptr(GHashTable) form = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_if_fail (platform != NULL && url != NULL && short_lived != NULL);

  if (g_str_equal (platform, "instagram"))
    {
      g_hash_table_insert (form, (gpointer) "grant_type", (gpointer) "ig_exchange_token");
      g_hash_table_insert (form, (gpointer) "access_token", (gpointer) short_lived->access_token);
    }
  else
    {
      g_hash_table_insert (form, (gpointer) "grant_type", (gpointer) "fb_exchange_token");
      g_hash_table_insert (form, (gpointer) "client_id", (gpointer) client_id);
      g_hash_table_insert (form, (gpointer) "fb_exchange_token", (gpointer) short_lived->access_token);
    }
  g_hash_table_insert (form, (gpointer) "client_secret", (gpointer) (client_secret ? client_secret : ""));
  warta_oauth_request_tokens_async (client, SOUP_METHOD_GET, url, form, NULL, NULL, short_lived,
                                    cancellable, callback, user_data);
}

void
warta_facebook_page_free (WartaFacebookPage *page)
{
  if (page == NULL)
    return;
  g_free (page->id);
  g_free (page->name);
  if (page->access_token)
    sodium_memzero (page->access_token, strlen (page->access_token));
  g_free (page->access_token);
  g_free (page);
}

/* The user must be able to perform the CREATE_CONTENT task (§1.1). */
static gboolean
can_create_content (JsonObject *page)
{
  JsonNode *tasks = json_object_get_member (page, "tasks");

  if (tasks == NULL || !JSON_NODE_HOLDS_ARRAY (tasks))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (json_node_get_array (tasks)); i++)
    {
      JsonNode *task = json_array_get_element (json_node_get_array (tasks), i);

      if (JSON_NODE_HOLDS_VALUE (task) && json_node_get_value_type (task) == G_TYPE_STRING &&
          g_str_equal (json_node_get_string (task), "CREATE_CONTENT"))
        return TRUE;
    }
  return FALSE;
}

/* Graph's cursor pagination: at most this many Pages are read. */
#define MAX_PAGES 1000

typedef struct
{
  char      *graph_url;
  GPtrArray *pages;
  guint      n_listed;
} ListPages;

static void
list_pages_free (ListPages *l)
{
  g_free (l->graph_url);
  g_ptr_array_unref (l->pages);
  g_free (l);
}

static GError *
strange_list_error (void)
{
  return g_error_new_literal (WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_PROTOCOL,
                              _("Facebook sent a list of Pages Warta does not understand. Sign in again; if this keeps happening, check the Graph API address in the account’s settings."));
}

static void request_pages (GTask *task, char *uri);

/* The Pages of one answer that the user may create content on. */
static void
read_pages (ListPages *l,
            JsonArray *data)
{
  guint n = json_array_get_length (data);

  l->n_listed += n;
  for (guint i = 0; i < n; i++)
    {
      JsonObject *page = _warta_json_as_object (json_array_get_element (data, i));
      WartaFacebookPage *p;

      if (page == NULL || _warta_json_get_string (page, "id") == NULL ||
          _warta_json_get_string (page, "access_token") == NULL || !can_create_content (page))
        continue;
      p = g_new0 (WartaFacebookPage, 1);
      p->id = g_strdup (_warta_json_get_string (page, "id"));
      p->name = g_strdup (_warta_json_get_string (page, "name") ? _warta_json_get_string (page, "name") : p->id);
      p->access_token = g_strdup (_warta_json_get_string (page, "access_token"));
      g_ptr_array_add (l->pages, p);
    }
}

static void
pages_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ListPages *l = g_task_get_task_data (task);
  g_autoptr(JsonNode) node = NULL;
  GError *error = NULL;
  JsonObject *root;
  JsonNode *data;
  const char *next;

  node = warta_http_client_send_json_finish (WARTA_HTTP_CLIENT (object), result, &error);
  if (node == NULL)
    {
      g_task_return_error (task, warta_oauth_translate_error ("Facebook", error));
      return;
    }
  root = _warta_json_as_object (node);
  data = root ? json_object_get_member (root, "data") : NULL;
  if (data == NULL || !JSON_NODE_HOLDS_ARRAY (data))
    {
      g_task_return_error (task, strange_list_error ());
      return;
    }
  read_pages (l, json_node_get_array (data));

  /* The next page of the list, while the last one was not empty. */
  next = root ? _warta_json_get_string (_warta_json_get_object (root, "paging"), "next") : NULL;
  if (next != NULL && json_array_get_length (json_node_get_array (data)) > 0)
    {
      if (l->n_listed >= MAX_PAGES)
        {
          g_task_return_new_error (task, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_PERMISSION_DENIED,
                                   /* Translators: %d is a number, 1,000 */
                                   _("This Facebook user manages more than %d Pages, more than Warta reads. Sign in with a Facebook user who manages fewer Pages, for example one given a role on the office’s Page only."),
                                   MAX_PAGES);
          return;
        }
      /* It carries the user's token: to the Graph host the list came from only. */
      if (!warta_oauth_same_origin (next, l->graph_url))
        {
          g_task_return_error (task, strange_list_error ());
          return;
        }
      request_pages (g_steal_pointer (&task), g_strdup (next));
      return;
    }

  if (l->n_listed == 0)
    g_task_return_new_error (task, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_PERMISSION_DENIED,
                             _("This Facebook user manages no Page, or did not let Warta see them. Sign in again with the Facebook user who manages the office’s Page and tick the Page when Facebook asks; or ask the Page’s administrator to give you a role on it."));
  else if (l->pages->len == 0)
    g_task_return_new_error (task, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_PERMISSION_DENIED,
                             _("This Facebook user may not create content on any of its Pages. Ask the Page’s administrator for a role that may create content, then sign in again."));
  else
    g_task_return_pointer (task, g_ptr_array_ref (l->pages), (GDestroyNotify) g_ptr_array_unref);
}

/* GETs @uri (which carries the token, and is wiped and freed). */
static void
request_pages (GTask *task,
               char  *uri)
{
  ListPages *l = g_task_get_task_data (task);
  g_autoptr(SoupMessage) msg = soup_message_new (SOUP_METHOD_GET, uri);

  sodium_memzero (uri, strlen (uri));
  g_free (uri);
  if (msg == NULL)
    {
      g_task_return_new_error (task, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_NOT_CONFIGURED,
                               _("“%s” is not a valid sign-in address. Correct the account’s settings."),
                               l->graph_url);
      g_object_unref (task);
      return;
    }
  warta_http_client_send_json_async (g_task_get_source_object (task), msg, "Facebook",
                                     warta_oauth_parse_error, g_task_get_cancellable (task),
                                     pages_cb, task);
}

void
warta_meta_list_pages_async (WartaHttpClient     *client,
                             const char          *graph_url,
                             const char          *user_token,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *task;
  ListPages *l;
  g_autofree char *path = NULL;
  g_autofree char *url = NULL;
  g_autofree char *query = NULL;

  g_return_if_fail (WARTA_IS_HTTP_CLIENT (client));
  g_return_if_fail (graph_url != NULL && user_token != NULL);

  task = g_task_new (client, cancellable, callback, user_data);
  g_task_set_source_tag (task, warta_meta_list_pages_async);
  l = g_new0 (ListPages, 1);
  l->graph_url = g_strdup (graph_url);
  l->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) warta_facebook_page_free);
  g_task_set_task_data (task, l, (GDestroyNotify) list_pages_free);

  path = g_strconcat ("/", WARTA_FACEBOOK_API_VERSION, "/me/accounts", NULL);
  url = warta_http_build_url (graph_url, path);
  query = soup_form_encode ("fields", "id,name,access_token,tasks", "limit", "100",
                            "access_token", user_token, NULL);
  request_pages (task, g_strconcat (url, "?", query, NULL));
  sodium_memzero (query, strlen (query));
}

GPtrArray *
warta_meta_list_pages_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Instagram's user --------------------------------------------------------------------------- */

static void
me_cb (GObject      *object,
       GAsyncResult *result,
       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonNode) node = NULL;
  GError *error = NULL;
  JsonObject *me;
  const char *user_id;
  const char *username;

  node = warta_http_client_send_json_finish (WARTA_HTTP_CLIENT (object), result, &error);
  if (node == NULL)
    {
      g_task_return_error (task, warta_oauth_translate_error ("Instagram", error));
      return;
    }
  me = _warta_json_as_object (node);
  user_id = _warta_json_get_string (me, "user_id");
  username = _warta_json_get_string (me, "username");
  if (user_id == NULL || username == NULL || *user_id == '\0' || *username == '\0')
    {
      g_task_return_new_error (task, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_PROTOCOL,
                               _("Instagram did not say which account you signed in to. Sign in again; if this keeps happening, check that the account is a professional (business or creator) account."));
      return;
    }
  g_task_set_task_data (task, g_strdup (username), g_free);
  g_task_return_pointer (task, g_strdup (user_id), g_free);
}

void
warta_meta_instagram_user_async (WartaHttpClient     *client,
                                 const char          *graph_url,
                                 const char          *access_token,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autofree char *url = NULL;

  g_return_if_fail (WARTA_IS_HTTP_CLIENT (client));
  g_return_if_fail (graph_url != NULL && access_token != NULL);

  task = g_task_new (client, cancellable, callback, user_data);
  g_task_set_source_tag (task, warta_meta_instagram_user_async);
  url = warta_http_build_url (graph_url, "/" WARTA_FACEBOOK_API_VERSION "/me?fields=user_id,username");
  msg = soup_message_new (SOUP_METHOD_GET, url);
  if (msg == NULL)
    {
      g_task_return_new_error (task, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_NOT_CONFIGURED,
                               _("“%s” is not a valid sign-in address. Correct the account’s settings."),
                               graph_url);
      return;
    }
  warta_http_set_bearer (msg, access_token);
  warta_http_client_send_json_async (client, msg, "Instagram", warta_oauth_parse_error,
                                     cancellable, me_cb, g_steal_pointer (&task));
}

char *
warta_meta_instagram_user_finish (GAsyncResult  *result,
                                  char         **username,
                                  GError       **error)
{
  char *user_id;

  g_return_val_if_fail (G_IS_TASK (result), NULL);

  user_id = g_task_propagate_pointer (G_TASK (result), error);
  if (username)
    *username = user_id ? g_strdup (g_task_get_task_data (G_TASK (result))) : NULL;
  return user_id;
}
