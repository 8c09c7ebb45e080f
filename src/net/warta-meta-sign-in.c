/* warta-meta-sign-in.c: what Facebook and Instagram need after the code:
 * the long-lived token and the Facebook Pages
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

static void
pages_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func ((GDestroyNotify) warta_facebook_page_free);
  GError *error = NULL;
  JsonNode *data;
  guint n_listed;

  node = warta_http_client_send_json_finish (WARTA_HTTP_CLIENT (object), result, &error);
  if (node == NULL)
    {
      g_task_return_error (task, warta_oauth_translate_error ("Facebook", error));
      return;
    }
  data = JSON_NODE_HOLDS_OBJECT (node) ? json_object_get_member (json_node_get_object (node), "data")
                                       : NULL;
  if (data == NULL || !JSON_NODE_HOLDS_ARRAY (data))
    {
      g_task_return_new_error (task, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_PROTOCOL,
                               _("Facebook sent a list of Pages Warta does not understand. Sign in again; if this keeps happening, check the Graph API address in the account’s settings."));
      return;
    }
  n_listed = json_array_get_length (json_node_get_array (data));
  for (guint i = 0; i < n_listed; i++)
    {
      JsonNode *element = json_array_get_element (json_node_get_array (data), i);
      JsonObject *page = JSON_NODE_HOLDS_OBJECT (element) ? json_node_get_object (element) : NULL;
      WartaFacebookPage *p;

      if (page == NULL || _warta_json_get_string (page, "id") == NULL ||
          _warta_json_get_string (page, "access_token") == NULL || !can_create_content (page))
        continue;
      p = g_new0 (WartaFacebookPage, 1);
      p->id = g_strdup (_warta_json_get_string (page, "id"));
      p->name = g_strdup (_warta_json_get_string (page, "name") ? _warta_json_get_string (page, "name") : p->id);
      p->access_token = g_strdup (_warta_json_get_string (page, "access_token"));
      g_ptr_array_add (pages, p);
    }

  if (n_listed == 0)
    g_task_return_new_error (task, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_PERMISSION_DENIED,
                             _("This Facebook user manages no Page, or did not let Warta see them. Sign in again with the Facebook user who manages the office’s Page and tick the Page when Facebook asks; or ask the Page’s administrator to give you a role on it."));
  else if (pages->len == 0)
    g_task_return_new_error (task, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_PERMISSION_DENIED,
                             _("This Facebook user may not create content on any of its Pages. Ask the Page’s administrator for a role that may create content, then sign in again."));
  else
    g_task_return_pointer (task, g_steal_pointer (&pages), (GDestroyNotify) g_ptr_array_unref);
}

void
warta_meta_list_pages_async (WartaHttpClient     *client,
                             const char          *graph_url,
                             const char          *user_token,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autofree char *path = NULL;
  g_autofree char *url = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *query = NULL;

  g_return_if_fail (WARTA_IS_HTTP_CLIENT (client));
  g_return_if_fail (graph_url != NULL && user_token != NULL);

  task = g_task_new (client, cancellable, callback, user_data);
  g_task_set_source_tag (task, warta_meta_list_pages_async);
  path = g_strconcat ("/", WARTA_FACEBOOK_API_VERSION, "/me/accounts", NULL);
  url = warta_http_build_url (graph_url, path);
  query = soup_form_encode ("fields", "id,name,access_token,tasks", "limit", "100",
                            "access_token", user_token, NULL);
  uri = g_strconcat (url, "?", query, NULL);
  msg = soup_message_new (SOUP_METHOD_GET, uri);
  sodium_memzero (query, strlen (query));
  sodium_memzero (uri, strlen (uri));
  if (msg == NULL)
    {
      g_task_return_new_error (task, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_NOT_CONFIGURED,
                               _("“%s” is not a valid sign-in address. Correct the account’s settings."),
                               graph_url);
      return;
    }
  warta_http_client_send_json_async (client, msg, "Facebook", warta_oauth_parse_error,
                                     cancellable, pages_cb, g_steal_pointer (&task));
}

GPtrArray *
warta_meta_list_pages_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
