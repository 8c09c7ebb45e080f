/* warta-facebook.c: publishing to one Facebook Page
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * platform-apis.md §1: photos as multipart to /{page}/photos, multi-photo
 * posts from unpublished photos attached to /{page}/feed, text and link
 * posts, videos through the upload_phase protocol on graph-video; the
 * Graph error envelope (code, error_subcode, is_transient) of §1.5. No
 * idempotency key (§0.3): the feed is read before a post is sent again.
 * DELETE /{object} takes a post down (§1.2); 100/33, no such object,
 * means it is gone already.
 */
#define G_LOG_DOMAIN "warta-facebook"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "warta-facebook.h"
#include "warta-json-private.h"
#include "warta-upload-private.h"
#include "warta-upload-range.h"

#define SERVICE "Facebook"
#define FACEBOOK_URL "https://www.facebook.com/"
/* §1.3: photos under 10 MB. */
#define MAX_PHOTO_BYTES (10 * 1000 * 1000)
#define SUBCODE_BAD_OFFSETS 1363037

struct _WartaFacebook
{
  GObject parent_instance;

  WartaHttpClient *client;
  char *graph_url;
  char *video_url;
  char *version;
  char *page_id;
  char *page_token;
};

G_DEFINE_FINAL_TYPE (WartaFacebook, warta_facebook, G_TYPE_OBJECT)

enum {
  VIDEO_PROGRESS,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
warta_facebook_finalize (GObject *object)
{
  WartaFacebook *self = (WartaFacebook *)object;

  g_clear_object (&self->client);
  g_free (self->graph_url);
  g_free (self->video_url);
  g_free (self->version);
  g_free (self->page_id);
  warta_secret_clear (&self->page_token);

  G_OBJECT_CLASS (warta_facebook_parent_class)->finalize (object);
}

static void
warta_facebook_class_init (WartaFacebookClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = warta_facebook_finalize;

  /**
   * WartaFacebook::video-progress:
   * @video_id: the video Facebook made at the start
   * @session_id: the upload session
   * @offset: bytes Facebook has confirmed
   *
   * What an outbox stores to resume a video upload after a crash.
   */
  signals[VIDEO_PROGRESS] =
    g_signal_new ("video-progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_UINT64);
}

static void
warta_facebook_init (WartaFacebook *self)
{
  self->version = g_strdup (WARTA_FACEBOOK_API_VERSION);
}

WartaFacebook *
warta_facebook_new (WartaHttpClient *client,
                    const char      *graph_url,
                    const char      *video_url,
                    const char      *page_id,
                    const char      *page_token)
{
  WartaFacebook *self;

  g_return_val_if_fail (WARTA_IS_HTTP_CLIENT (client), NULL);

  self = g_object_new (WARTA_TYPE_FACEBOOK, NULL);
  self->client = g_object_ref (client);
  self->graph_url = g_strdup (graph_url ? graph_url : "https://graph.facebook.com");
  self->video_url = g_strdup (video_url ? video_url : "https://graph-video.facebook.com");
  self->page_id = g_strdup (page_id);
  self->page_token = g_strdup (page_token);
  return self;
}

void
warta_facebook_set_api_version (WartaFacebook *self,
                                const char    *version)
{
  g_return_if_fail (WARTA_IS_FACEBOOK (self));
  g_return_if_fail (version != NULL);

  g_free (self->version);
  self->version = g_strdup (version);
}

const char *
warta_facebook_get_page_id (WartaFacebook *self)
{
  g_return_val_if_fail (WARTA_IS_FACEBOOK (self), NULL);
  return self->page_id;
}

static gboolean
check_configured (WartaFacebook  *self,
                  GError        **error)
{
  if (self->page_id == NULL || *self->page_id == '\0')
    {
      g_set_error_literal (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_NOT_CONFIGURED,
                           _("No Facebook Page is chosen for this account. Choose the Page in Accounts."));
      return FALSE;
    }
  if (self->page_token == NULL || *self->page_token == '\0')
    {
      g_set_error_literal (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_NOT_CONFIGURED,
                           _("This Facebook Page is not signed in. Sign in to it in Accounts."));
      return FALSE;
    }
  return TRUE;
}

/* /{version}/{object}{edge} on @host, the token in the Authorization
 * header (never in a URL, where logs would keep it). */
static SoupMessage *
new_object_message (WartaFacebook  *self,
                    const char     *host,
                    const char     *method,
                    const char     *object_id,
                    const char     *edge,
                    const char     *form,
                    GError        **error)
{
  g_autofree char *escaped = g_uri_escape_string (object_id, NULL, FALSE);
  g_autofree char *path = g_strconcat ("/", self->version, "/", escaped, edge, NULL);
  g_autofree char *url = warta_http_build_url (host, path);
  SoupMessage *msg;

  if (form)
    msg = soup_message_new_from_encoded_form (method, url, g_strdup (form));
  else
    msg = soup_message_new (method, url);
  if (msg == NULL)
    {
      g_set_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_NOT_CONFIGURED,
                   _("“%s” is not a valid Facebook address. Correct it in Accounts."), host);
      return NULL;
    }
  warta_http_set_bearer (msg, self->page_token);
  return msg;
}

/* /{version}/{page}/{edge}. */
static SoupMessage *
new_message (WartaFacebook  *self,
             const char     *host,
             const char     *method,
             const char     *edge,
             const char     *form,
             GError        **error)
{
  return new_object_message (self, host, method, self->page_id, edge, form, error);
}

/* Graph ids and offsets come as strings, sometimes as numbers. */
static gint64
object_int (JsonObject *object,
            const char *name,
            gint64      fallback)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return fallback;
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return json_node_get_int (node);
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    {
      const char *s = json_node_get_string (node);
      char *end = NULL;
      gint64 v = g_ascii_strtoll (s, &end, 10);

      return end != s ? v : fallback;
    }
  return fallback;
}

static gboolean
object_bool (JsonObject *object,
             const char *name)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  return node && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN &&
         json_node_get_boolean (node);
}

/* {"error": {"message", "type", "code", "error_subcode", "error_user_msg",
 * "is_transient", "fbtrace_id", "error_data"}}. The platform code is
 * "code" or "code/subcode". */
void
_warta_graph_parse_error (guint               status,
                          JsonNode           *body,
                          WartaPublishError  *code,
                          char              **platform_code,
                          char              **platform_message)
{
  JsonObject *error = _warta_json_get_object (_warta_json_as_object (body), "error");
  const char *user_msg = _warta_json_get_string (error, "error_user_msg");
  gint64 graph_code = object_int (error, "code", 0);
  gint64 subcode = object_int (error, "error_subcode", 0);

  if (error == NULL)
    return;
  *platform_message = g_strdup (user_msg && *user_msg ? user_msg : _warta_json_get_string (error, "message"));
  if (subcode)
    *platform_code = g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT, graph_code, subcode);
  else
    *platform_code = g_strdup_printf ("%" G_GINT64_FORMAT, graph_code);

  switch (graph_code)
    {
    case 190:
    case 102:
      *code = WARTA_PUBLISH_ERROR_AUTH_EXPIRED;
      return;
    case 4:
    case 17:
    case 32:
    case 341:
    case 613:
    case 80001:
      *code = WARTA_PUBLISH_ERROR_RATE_LIMITED;
      return;
    case 1:
    case 2:
      *code = WARTA_PUBLISH_ERROR_RETRYABLE;
      return;
    case 10:
      *code = WARTA_PUBLISH_ERROR_PERMISSION_DENIED;
      return;
    case 324:
    case 382:
    case 389:
    case 6000:
    case 6001:
      *code = WARTA_PUBLISH_ERROR_INVALID_MEDIA;
      return;
    default:
      break;
    }
  if (graph_code >= 200 && graph_code <= 299)
    *code = WARTA_PUBLISH_ERROR_PERMISSION_DENIED;
  else if (subcode == 1366046)
    *code = WARTA_PUBLISH_ERROR_INVALID_MEDIA;
  else if (object_bool (error, "is_transient") || subcode == 1363019 || subcode == 1363021 ||
           subcode == 1363030 || subcode == 1363033 || subcode == 1363041)
    *code = WARTA_PUBLISH_ERROR_RETRYABLE;
  else if (status >= 400 && status < 500)
    *code = WARTA_PUBLISH_ERROR_REJECTED;
}

static void
parse_media_error (guint               status,
                   JsonNode           *body,
                   WartaPublishError  *code,
                   char              **platform_code,
                   char              **platform_message)
{
  _warta_graph_parse_error (status, body, code, platform_code, platform_message);
  /* 100 on a photo: the file (§1.3). */
  if (g_strcmp0 (*platform_code, "100") == 0)
    *code = WARTA_PUBLISH_ERROR_INVALID_MEDIA;
}

static void
replace_message (GError     *error,
                 const char *message)
{
  g_free (error->message);
  error->message = g_strdup (message);
}

static gboolean
code_is (const GError *error,
         const char   *code)
{
  const char *platform = warta_publish_error_get_platform_code (error);
  gsize len = strlen (code);

  return platform && strncmp (platform, code, len) == 0 && (platform[len] == '\0' || platform[len] == '/');
}

/* Pages' Business Use Case limit (80001) says how long to wait, in minutes,
 * in X-Business-Use-Case-Usage (§1.6). */
static gint64
buc_retry_at (SoupMessageHeaders *headers)
{
  const char *usage = headers ? soup_message_headers_get_one (headers, "X-Business-Use-Case-Usage") : NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;
  JsonObjectIter iter;
  const char *page;
  JsonNode *items;
  gint64 minutes = 0;

  if (usage == NULL || !json_parser_load_from_data (parser, usage, -1, NULL) ||
      (root = _warta_json_as_object (json_parser_get_root (parser))) == NULL)
    return 0;
  json_object_iter_init (&iter, root);
  while (json_object_iter_next (&iter, &page, &items))
    {
      if (!JSON_NODE_HOLDS_ARRAY (items))
        continue;
      for (guint i = 0; i < json_array_get_length (json_node_get_array (items)); i++)
        minutes = MAX (minutes, object_int (_warta_json_as_object (json_array_get_element (json_node_get_array (items), i)),
                                            "estimated_time_to_regain_access", 0));
    }
  return minutes > 0 ? g_get_real_time () + minutes * 60 * G_USEC_PER_SEC : 0;
}

static GError *
refine_error (GError             *error,
              SoupMessageHeaders *headers)
{
  if (code_is (error, "80001"))
    {
      gint64 at = buc_retry_at (headers);

      if (at > 0)
        {
          g_autofree char *message = warta_publish_error_format_retry (_("Facebook has had too many requests for this Page."),
                                                                       at);

          warta_publish_error_set_retry_at (error, at);
          replace_message (error, message);
        }
    }
  else if (code_is (error, "190"))
    {
      g_autofree char *message = warta_publish_error_format_sign_in (_("Facebook no longer accepts the saved sign-in for this Page (the token expired or was revoked, for example after a password change)."));

      replace_message (error, message);
    }
  else if (code_is (error, "368"))
    {
      g_autofree char *said = g_strdup (warta_publish_error_get_platform_message (error));
      g_autofree char *message = NULL;
      gsize len = said ? strlen (said) : 0;

      /* The platform's sentence goes inside ours, in quotes: no full stop. */
      while (len > 0 && (said[len - 1] == '.' || g_ascii_isspace (said[len - 1])))
        said[--len] = '\0';
      message = g_strdup_printf (_("Facebook blocked this post as against its rules: “%s”. Check the post with the Page’s administrator; it cannot be sent again as it is."),
                                 said ? said : "");
      replace_message (error, message);
    }
  return error;
}

static GError *
unexpected_answer (void)
{
  return g_error_new (WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_PROTOCOL,
                      _("%s sent an answer Warta does not understand. Try again later; if it keeps happening, publish the post manually."),
                      SERVICE);
}

static char *
post_url (const char *post_id)
{
  return g_strconcat (FACEBOOK_URL, post_id, NULL);
}

static void
set_upload_failed (WartaUpload  *upload,
                   const GError *error)
{
  if (upload == NULL)
    return;
  _warta_upload_set_error (upload, error);
  _warta_upload_set_state (upload,
                           g_error_matches (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_CANCELLED)
                           ? WARTA_UPLOAD_STATE_CANCELLED : WARTA_UPLOAD_STATE_FAILED);
}

/* find_post --------------------------------------------------------------- */

typedef struct
{
  WartaFacebook *self;
  char *message;
} FindData;

static void
find_data_free (gpointer data)
{
  FindData *d = data;

  g_clear_object (&d->self);
  g_free (d->message);
  g_free (d);
}

static SoupMessage *
find_message (guint     attempt,
              gpointer  user_data,
              GError  **error)
{
  FindData *d = user_data;

  return new_message (d->self, d->self->graph_url, SOUP_METHOD_GET,
                      "/feed?fields=id,message,permalink_url,created_time&limit=25", NULL, error);
}

static void
find_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FindData *d = g_task_get_task_data (task);
  g_autoptr(JsonNode) node = NULL;
  GError *error = NULL;
  JsonNode *data;

  node = warta_http_client_request_json_finish (WARTA_HTTP_CLIENT (object), result, NULL, &error);
  if (node == NULL)
    {
      g_task_return_error (task, refine_error (error, NULL));
      return;
    }
  data = _warta_json_as_object (node) ? json_object_get_member (_warta_json_as_object (node), "data") : NULL;
  for (guint i = 0; data && JSON_NODE_HOLDS_ARRAY (data) &&
                    i < json_array_get_length (json_node_get_array (data)); i++)
    {
      JsonObject *post = _warta_json_as_object (json_array_get_element (json_node_get_array (data), i));
      const char *id = _warta_json_get_string (post, "id");

      if (id && g_strcmp0 (_warta_json_get_string (post, "message"), d->message) == 0)
        {
          g_autofree char *url = _warta_json_get_string (post, "permalink_url")
                                 ? g_strdup (_warta_json_get_string (post, "permalink_url"))
                                 : post_url (id);
          WartaRemoteResult *res = warta_remote_result_new (id, url);

          res->reused = TRUE;
          g_task_return_pointer (task, res, (GDestroyNotify) warta_remote_result_free);
          return;
        }
    }
  g_task_return_pointer (task, NULL, NULL);
}

void
warta_facebook_find_post_async (WartaFacebook       *self,
                                const char          *message,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GTask *task;
  FindData *d;
  GError *error = NULL;

  g_return_if_fail (WARTA_IS_FACEBOOK (self));
  g_return_if_fail (message != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, warta_facebook_find_post_async);
  g_task_set_check_cancellable (task, FALSE);
  d = g_new0 (FindData, 1);
  d->self = g_object_ref (self);
  d->message = g_strdup (message);
  g_task_set_task_data (task, d, find_data_free);
  if (!check_configured (self, &error))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  warta_http_client_request_json_async (self->client, SERVICE, find_message, d, NULL,
                                        _warta_graph_parse_error, cancellable, find_cb, task);
}

WartaRemoteResult *
warta_facebook_find_post_finish (WartaFacebook  *self,
                                 GAsyncResult   *result,
                                 GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* delete ------------------------------------------------------------------ */

/* What Graph answers for an object that does not exist (any more). */
#define GONE_CODE "100/33"

typedef struct
{
  WartaFacebook *self;
  char *object_id;
  SoupMessage *msg;
} DeleteData;

static void
delete_data_free (gpointer data)
{
  DeleteData *d = data;

  g_clear_object (&d->self);
  g_free (d->object_id);
  g_clear_object (&d->msg);
  g_free (d);
}

/* A DELETE may be sent again: the second finds the object gone. */
static SoupMessage *
delete_message (guint     attempt,
                gpointer  user_data,
                GError  **error)
{
  DeleteData *d = user_data;
  SoupMessage *msg;

  msg = new_object_message (d->self, d->self->graph_url, SOUP_METHOD_DELETE, d->object_id, "",
                            NULL, error);
  /* The last attempt's answer headers, for refine_error(). */
  g_set_object (&d->msg, msg);
  return msg;
}

static void
delete_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  DeleteData *d = g_task_get_task_data (task);
  g_autoptr(JsonNode) node = NULL;
  SoupMessageHeaders *headers;
  GError *error = NULL;

  node = warta_http_client_request_json_finish (WARTA_HTTP_CLIENT (object), result, NULL, &error);
  if (node == NULL)
    {
      if (g_strcmp0 (warta_publish_error_get_platform_code (error), GONE_CODE) == 0)
        {
          g_debug ("%s is already gone", d->object_id);
          g_error_free (error);
          g_task_return_boolean (task, TRUE);
          return;
        }
      headers = d->msg ? soup_message_get_response_headers (d->msg) : NULL;
      g_task_return_error (task, refine_error (error, headers));
      return;
    }
  if (!object_bool (_warta_json_as_object (node), "success"))
    {
      g_task_return_new_error (task, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_PROTOCOL,
                               _("Facebook did not confirm that the post was removed. Check the Page on Facebook, and remove the post there yourself if it is still shown."));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

void
warta_facebook_delete_object_async (WartaFacebook       *self,
                                    const char          *object_id,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  GTask *task;
  DeleteData *d;
  GError *error = NULL;

  g_return_if_fail (WARTA_IS_FACEBOOK (self));
  g_return_if_fail (object_id != NULL && *object_id != '\0');

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, warta_facebook_delete_object_async);
  g_task_set_check_cancellable (task, FALSE);
  d = g_new0 (DeleteData, 1);
  d->self = g_object_ref (self);
  d->object_id = g_strdup (object_id);
  g_task_set_task_data (task, d, delete_data_free);
  if (!check_configured (self, &error))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  warta_http_client_request_json_async (self->client, SERVICE, delete_message, d, NULL,
                                        _warta_graph_parse_error, cancellable, delete_cb, task);
}

gboolean
warta_facebook_delete_object_finish (WartaFacebook  *self,
                                     GAsyncResult   *result,
                                     GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* editing ---------------------------------------------------------------- */

static SoupMessage *
object_path_message (gpointer     object,
                     const char  *method,
                     const char  *object_id,
                     GError     **error)
{
  WartaFacebook *self = object;

  return new_object_message (self, self->graph_url, method, object_id, "", NULL, error);
}

/**
 * warta_facebook_update_object_async:
 * @self: a #WartaFacebook
 * @object_id: the Page post (or video) to change
 * @field: "message" for a post, "description" for a video
 * @text: the new text
 *
 * POST /{object-id} with @field (§1 "Update"), answered {"success":true}.
 * An object not there any more (Graph 100/33) is
 * WARTA_PUBLISH_ERROR_GONE.
 */
void
warta_facebook_update_object_async (WartaFacebook       *self,
                                    const char          *object_id,
                                    const char          *field,
                                    const char          *text,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  GError *error = NULL;

  g_return_if_fail (WARTA_IS_FACEBOOK (self));
  g_return_if_fail (object_id != NULL && *object_id != '\0' && field != NULL && text != NULL);

  if (!check_configured (self, &error))
    {
      g_task_report_error (self, callback, user_data, warta_facebook_update_object_async, error);
      return;
    }
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, field);
  json_builder_add_string_value (builder, text);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);
  warta_http_client_edit_async (self->client, SERVICE, object_path_message, self,
                                SOUP_METHOD_POST, object_id, body, _warta_graph_parse_error,
                                cancellable, callback, user_data);
}

gboolean
warta_facebook_update_object_finish (WartaFacebook  *self,
                                     GAsyncResult   *result,
                                     GError        **error)
{
  g_autoptr(JsonNode) node = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  node = g_task_propagate_pointer (G_TASK (result), &local_error);
  if (node == NULL)
    {
      if (g_strcmp0 (warta_publish_error_get_platform_code (local_error), GONE_CODE) == 0)
        {
          g_propagate_error (error, warta_publish_error_new_gone (SERVICE, local_error));
          g_error_free (local_error);
        }
      else
        g_propagate_error (error, refine_error (local_error, NULL));
      return FALSE;
    }
  if (!object_bool (_warta_json_as_object (node), "success"))
    {
      g_set_error_literal (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_PROTOCOL,
                           _("Facebook did not confirm that the post was changed. Check the Page on Facebook, and correct the post there yourself if it still shows the old text."));
      return FALSE;
    }
  return TRUE;
}

/* feed posts and photos: create, or find after an unknown outcome -------- */

typedef struct
{
  gboolean photo;
  /* feed */
  char *message;
  char *link;
  char **photo_ids;
  /* photo */
  WartaUpload *upload;
  GBytes *content;
  char *caption;
  gboolean published;

  guint attempt;
  SoupMessage *msg;
  GError *pending;
} CreateData;

static void
create_data_free (gpointer data)
{
  CreateData *d = data;

  g_free (d->message);
  g_free (d->link);
  g_strfreev (d->photo_ids);
  g_clear_object (&d->upload);
  g_clear_pointer (&d->content, g_bytes_unref);
  g_free (d->caption);
  g_clear_object (&d->msg);
  g_clear_error (&d->pending);
  g_free (d);
}

static void
create_fail (GTask  *task,
             GError *error)
{
  CreateData *d = g_task_get_task_data (task);

  /* An unpublished photo makes nothing public: tried again later. */
  if (d->photo && !d->published)
    error = warta_publish_error_retry_unread (SERVICE, error);
  set_upload_failed (d->upload, error);
  g_task_return_error (task, error);
}

static void
create_done (GTask             *task,
             WartaRemoteResult *res)
{
  CreateData *d = g_task_get_task_data (task);

  if (d->upload)
    {
      _warta_upload_set_bytes_sent (d->upload, warta_upload_get_total_bytes (d->upload));
      _warta_upload_set_remote (d->upload, res->id, res->url);
      _warta_upload_set_state (d->upload, WARTA_UPLOAD_STATE_DONE);
    }
  g_task_return_pointer (task, res, (GDestroyNotify) warta_remote_result_free);
}

static void create_attempt (GTask *task);

static void
create_wait_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!warta_http_client_wait_finish (WARTA_HTTP_CLIENT (object), result, &error))
    {
      create_fail (task, error);
      return;
    }
  create_attempt (g_steal_pointer (&task));
}

/* @unreadable: @error stands for a 2xx answer without the id. */
static void
create_retry_or_fail (GTask    *task_in,
                      GError   *error,
                      gboolean  unreadable)
{
  g_autoptr(GTask) task = task_in;
  WartaFacebook *self = g_task_get_source_object (task);
  CreateData *d = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  gint64 delay;

  /* An unpublished photo makes nothing public: an answer that cannot be
   * read is sent again, as after a 5xx. */
  if (d->photo && !d->published)
    delay = warta_http_client_next_step_delay (self->client, d->attempt, error, unreadable);
  else
    delay = warta_retry_policy_next_delay (warta_http_client_get_retry_policy (self->client),
                                           d->attempt, error, g_get_real_time ());
  if (delay < 0 || g_cancellable_is_cancelled (cancellable))
    {
      create_fail (task, error);
      return;
    }
  g_debug ("attempt %u failed (%s); again in %" G_GINT64_FORMAT " ms", d->attempt,
           error->message, delay);
  if (d->upload)
    {
      _warta_upload_set_error (d->upload, error);
      _warta_upload_set_state (d->upload, WARTA_UPLOAD_STATE_WAITING);
    }
  g_error_free (error);
  warta_http_client_wait_async (self->client, (guint) delay, cancellable, create_wait_cb,
                                g_steal_pointer (&task));
}

static void
create_find_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CreateData *d = g_task_get_task_data (task);
  g_autoptr(GError) find_error = NULL;
  GError *error = g_steal_pointer (&d->pending);
  WartaRemoteResult *res;

  res = warta_facebook_find_post_finish (WARTA_FACEBOOK (object), result, &find_error);
  if (res)
    {
      g_error_free (error);
      create_done (task, res);
      return;
    }
  if (find_error)
    {
      g_error_free (error);
      create_fail (task, g_steal_pointer (&find_error));
      return;
    }
  if (code_is (error, "506"))
    {
      replace_message (error, _("Facebook refused the post as a duplicate of an earlier post, and Warta cannot find that post on the Page. Change the text, or check the Page on Facebook."));
      create_fail (task, error);
      return;
    }
  create_retry_or_fail (g_steal_pointer (&task), error, FALSE);
}

static const char *
created_text (CreateData *d)
{
  return d->photo ? d->caption : d->message;
}

static void
create_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  WartaFacebook *self = g_task_get_source_object (task);
  CreateData *d = g_task_get_task_data (task);
  g_autoptr(JsonNode) node = NULL;
  GError *error = NULL;
  JsonObject *object_json;
  const char *id;
  const char *post_id;
  g_autofree char *url = NULL;

  node = warta_http_client_send_json_finish (WARTA_HTTP_CLIENT (object), result, &error);
  if (node == NULL)
    {
      gboolean makes_post = !d->photo || d->published;

      refine_error (error, soup_message_get_response_headers (d->msg));
      /* A post may exist after an unknown outcome (no answer, a 5xx, a 2xx
       * that is not JSON) or a 506; an unpublished photo sent twice only
       * leaves one unused photo. */
      if (makes_post && created_text (d) && *created_text (d) &&
          (code_is (error, "506") ||
           g_error_matches (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_RETRYABLE) ||
           g_error_matches (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_PROTOCOL)))
        {
          GCancellable *cancellable = g_task_get_cancellable (task);

          d->pending = error;
          warta_facebook_find_post_async (self, created_text (d), cancellable, create_find_cb,
                                          g_steal_pointer (&task));
          return;
        }
      create_retry_or_fail (g_steal_pointer (&task), error, FALSE);
      return;
    }

  object_json = _warta_json_as_object (node);
  id = _warta_json_get_string (object_json, "id");
  post_id = _warta_json_get_string (object_json, "post_id");
  if (id == NULL)
    {
      /* A 2xx without the post's id: the feed says whether it exists;
       * not found, it is not sent again blindly. */
      if ((!d->photo || d->published) && created_text (d) && *created_text (d))
        {
          GCancellable *cancellable = g_task_get_cancellable (task);

          d->pending = unexpected_answer ();
          warta_facebook_find_post_async (self, created_text (d), cancellable, create_find_cb,
                                          g_steal_pointer (&task));
          return;
        }
      create_retry_or_fail (g_steal_pointer (&task), unexpected_answer (), TRUE);
      return;
    }
  /* A published photo's result is its Page post. */
  if (d->photo && d->published && post_id)
    id = post_id;
  if (!d->photo || d->published)
    url = post_url (id);
  create_done (task, warta_remote_result_new (id, url));
}

static void
create_attempt (GTask *task_in)
{
  g_autoptr(GTask) task = task_in;
  WartaFacebook *self = g_task_get_source_object (task);
  CreateData *d = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  GError *error = NULL;

  d->attempt++;
  g_clear_object (&d->msg);
  if (d->photo)
    {
      g_autoptr(SoupMultipart) multipart = soup_multipart_new (SOUP_FORM_MIME_TYPE_MULTIPART);
      g_autofree char *escaped = g_uri_escape_string (self->page_id, NULL, FALSE);
      g_autofree char *path = g_strconcat ("/", self->version, "/", escaped, "/photos", NULL);
      g_autofree char *url = warta_http_build_url (self->graph_url, path);

      if (d->caption && *d->caption)
        soup_multipart_append_form_string (multipart, "caption", d->caption);
      soup_multipart_append_form_string (multipart, "published", d->published ? "true" : "false");
      soup_multipart_append_form_file (multipart, "source", warta_upload_get_filename (d->upload),
                                       warta_upload_get_content_type (d->upload), d->content);
      d->msg = soup_message_new_from_multipart (url, multipart);
      if (d->msg == NULL)
        {
          create_fail (task, g_error_new (WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_NOT_CONFIGURED,
                                          _("“%s” is not a valid Facebook address. Correct it in Accounts."),
                                          self->graph_url));
          return;
        }
      warta_http_set_bearer (d->msg, self->page_token);
      warta_http_track_upload_progress (d->msg, d->upload);
      _warta_upload_set_state (d->upload, WARTA_UPLOAD_STATE_SENDING);
    }
  else
    {
      g_autoptr(GString) form = g_string_new (NULL);

      if (d->message && *d->message)
        {
          g_autofree char *v = g_uri_escape_string (d->message, NULL, FALSE);
          g_string_append_printf (form, "message=%s&", v);
        }
      if (d->link && *d->link)
        {
          g_autofree char *v = g_uri_escape_string (d->link, NULL, FALSE);
          g_string_append_printf (form, "link=%s&", v);
        }
      for (guint i = 0; d->photo_ids && d->photo_ids[i]; i++)
        {
          g_autofree char *json = g_strdup_printf ("{\"media_fbid\":\"%s\"}", d->photo_ids[i]);
          g_autofree char *v = g_uri_escape_string (json, NULL, FALSE);

          g_string_append_printf (form, "attached_media%%5B%u%%5D=%s&", i, v);
        }
      g_string_append (form, "published=true");
      d->msg = new_message (self, self->graph_url, SOUP_METHOD_POST, "/feed", form->str, &error);
      if (d->msg == NULL)
        {
          create_fail (task, error);
          return;
        }
    }
  warta_http_client_send_json_async (self->client, d->msg, SERVICE,
                                     d->photo ? parse_media_error : _warta_graph_parse_error,
                                     cancellable, create_cb, g_steal_pointer (&task));
}

void
warta_facebook_post_async (WartaFacebook       *self,
                           const char          *message,
                           const char          *link,
                           const char * const  *photo_ids,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  CreateData *d;
  GError *error = NULL;

  g_return_if_fail (WARTA_IS_FACEBOOK (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, warta_facebook_post_async);
  g_task_set_check_cancellable (task, FALSE);
  d = g_new0 (CreateData, 1);
  d->message = g_strdup (message);
  d->link = g_strdup (link);
  d->photo_ids = g_strdupv ((char **) photo_ids);
  g_task_set_task_data (task, d, create_data_free);
  if (!check_configured (self, &error))
    {
      create_fail (task, error);
      return;
    }
  create_attempt (g_steal_pointer (&task));
}

WartaRemoteResult *
warta_facebook_post_finish (WartaFacebook  *self,
                            GAsyncResult   *result,
                            GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
photo_read_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GTask *task = user_data;
  CreateData *d = g_task_get_task_data (task);
  GError *error = NULL;

  d->content = _warta_upload_read_range_finish (WARTA_UPLOAD (object), result, &error);
  if (d->content == NULL)
    {
      create_fail (task, error);
      g_object_unref (task);
      return;
    }
  create_attempt (task);
}

void
warta_facebook_upload_photo_async (WartaFacebook       *self,
                                   WartaUpload         *upload,
                                   const char          *caption,
                                   gboolean             published,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  GTask *task;
  CreateData *d;
  GError *error = NULL;

  g_return_if_fail (WARTA_IS_FACEBOOK (self));
  g_return_if_fail (WARTA_IS_UPLOAD (upload));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, warta_facebook_upload_photo_async);
  g_task_set_check_cancellable (task, FALSE);
  d = g_new0 (CreateData, 1);
  d->photo = TRUE;
  d->upload = g_object_ref (upload);
  d->caption = g_strdup (caption);
  d->published = published;
  g_task_set_task_data (task, d, create_data_free);

  _warta_upload_set_state (upload, WARTA_UPLOAD_STATE_PENDING);
  if (!check_configured (self, &error))
    {
      create_fail (task, error);
      g_object_unref (task);
      return;
    }
  if (warta_upload_get_total_bytes (upload) == 0 ||
      warta_upload_get_total_bytes (upload) > MAX_PHOTO_BYTES)
    {
      create_fail (task, g_error_new (WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_INVALID_MEDIA,
                                      _("“%s” is empty or larger than the 10 MB Facebook accepts for a photo. Choose a smaller rendition."),
                                      warta_upload_get_filename (upload)));
      g_object_unref (task);
      return;
    }
  _warta_upload_read_range_async (upload, 0, warta_upload_get_total_bytes (upload), cancellable,
                                  photo_read_cb, task);
}

WartaRemoteResult *
warta_facebook_upload_photo_finish (WartaFacebook  *self,
                                    GAsyncResult   *result,
                                    GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* video: upload_phase start / transfer / finish ------------------------- */

typedef enum
{
  PHASE_START,
  PHASE_TRANSFER,
  PHASE_FINISH,
} Phase;

typedef struct
{
  WartaUpload *upload;
  char *title;
  char *description;
  char *video_id;
  char *session_id;
  guint64 total;
  guint64 start;
  guint64 end;
  Phase phase;
  guint failures;
  guint corrections;
  GBytes *chunk;
  SoupMessage *msg;
  guint64 written;
  goffset body_length;
  GError *pending;
} VideoData;

static void
video_data_free (gpointer data)
{
  VideoData *d = data;

  g_clear_object (&d->upload);
  g_free (d->title);
  g_free (d->description);
  g_free (d->video_id);
  g_free (d->session_id);
  g_clear_pointer (&d->chunk, g_bytes_unref);
  g_clear_object (&d->msg);
  g_clear_error (&d->pending);
  g_free (d);
}

static void
video_fail (GTask  *task,
            GError *error)
{
  VideoData *d = g_task_get_task_data (task);

  /* start and transfer make nothing public: tried again later; finish
   * publishes the video, which is looked up, never sent again blindly. */
  if (d->phase != PHASE_FINISH)
    error = warta_publish_error_retry_unread (SERVICE, error);
  set_upload_failed (d->upload, error);
  g_task_return_error (task, error);
}

static void video_next (GTask *task);

static void
video_wait_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!warta_http_client_wait_finish (WARTA_HTTP_CLIENT (object), result, &error))
    {
      video_fail (task, error);
      return;
    }
  video_next (g_steal_pointer (&task));
}

static void
video_wrote_cb (SoupMessage *msg,
                guint        chunk_size,
                gpointer     user_data)
{
  VideoData *d = user_data;
  guint64 length = d->end - d->start;
  guint64 sent;

  d->written += chunk_size;
  sent = d->body_length > 0 ? d->written * length / (guint64) d->body_length : d->written;
  _warta_upload_set_bytes_sent (d->upload, d->start + MIN (sent, length));
}

static SoupMessage *
video_message (VideoData     *d,
               WartaFacebook *self,
               GError       **error)
{
  g_autoptr(SoupMultipart) multipart = soup_multipart_new (SOUP_FORM_MIME_TYPE_MULTIPART);
  g_autofree char *escaped = g_uri_escape_string (self->page_id, NULL, FALSE);
  g_autofree char *path = g_strconcat ("/", self->version, "/", escaped, "/videos", NULL);
  g_autofree char *url = warta_http_build_url (self->video_url, path);
  g_autoptr(GBytes) body = NULL;
  SoupMessage *msg;

  switch (d->phase)
    {
    case PHASE_START:
      {
        g_autofree char *size = g_strdup_printf ("%" G_GUINT64_FORMAT, d->total);

        soup_multipart_append_form_string (multipart, "upload_phase", "start");
        soup_multipart_append_form_string (multipart, "file_size", size);
      }
      break;
    case PHASE_TRANSFER:
      {
        g_autofree char *offset = g_strdup_printf ("%" G_GUINT64_FORMAT, d->start);

        soup_multipart_append_form_string (multipart, "upload_phase", "transfer");
        soup_multipart_append_form_string (multipart, "upload_session_id", d->session_id);
        soup_multipart_append_form_string (multipart, "start_offset", offset);
        soup_multipart_append_form_file (multipart, "video_file_chunk",
                                         warta_upload_get_filename (d->upload),
                                         "application/octet-stream", d->chunk);
      }
      break;
    case PHASE_FINISH:
    default:
      soup_multipart_append_form_string (multipart, "upload_phase", "finish");
      soup_multipart_append_form_string (multipart, "upload_session_id", d->session_id);
      if (d->title && *d->title)
        soup_multipart_append_form_string (multipart, "title", d->title);
      if (d->description && *d->description)
        soup_multipart_append_form_string (multipart, "description", d->description);
      soup_multipart_append_form_string (multipart, "published", "true");
      break;
    }

  msg = soup_message_new (SOUP_METHOD_POST, url);
  if (msg == NULL)
    {
      g_set_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_NOT_CONFIGURED,
                   _("“%s” is not a valid Facebook address. Correct it in Accounts."),
                   self->video_url);
      return NULL;
    }
  soup_multipart_to_message (multipart, soup_message_get_request_headers (msg), &body);
  soup_message_set_request_body_from_bytes (msg, NULL, body);
  warta_http_set_bearer (msg, self->page_token);
  if (d->phase == PHASE_TRANSFER)
    {
      d->written = 0;
      d->body_length = (goffset) g_bytes_get_size (body);
      g_signal_connect (msg, "wrote-body-data", G_CALLBACK (video_wrote_cb), d);
    }
  return msg;
}

/* The window Facebook wants next, from start's or a transfer's answer:
 * both offsets, in order, within the file; an empty one only at its end
 * (then finish). Anything else would finish a file half sent. */
static gboolean
read_window (JsonObject *answer,
             VideoData  *d)
{
  gint64 start = object_int (answer, "start_offset", -1);
  gint64 end = object_int (answer, "end_offset", -1);

  if (start < 0 || end < start || (guint64) start > d->total ||
      (start == end && (guint64) start != d->total))
    return FALSE;
  d->start = (guint64) start;
  d->end = (guint64) end;
  return TRUE;
}

/* Whether a 2xx @answer says what the phase needs: start, the session and
 * the first window; a transfer, the next window; finish, success. */
static gboolean
read_phase_answer (JsonObject *answer,
                   VideoData  *d)
{
  switch (d->phase)
    {
    case PHASE_START:
      return _warta_json_get_string (answer, "upload_session_id") != NULL &&
             object_int (answer, "video_id", -1) >= 0 && read_window (answer, d);
    case PHASE_TRANSFER:
      return read_window (answer, d);
    case PHASE_FINISH:
    default:
      return object_bool (answer, "success");
    }
}

static void
video_done (GTask    *task,
            gboolean  reused)
{
  WartaFacebook *self = g_task_get_source_object (task);
  VideoData *d = g_task_get_task_data (task);
  g_autofree char *escaped = g_uri_escape_string (self->page_id, NULL, FALSE);
  g_autofree char *url = g_strconcat (FACEBOOK_URL, escaped, "/videos/", d->video_id, NULL);
  WartaRemoteResult *res = warta_remote_result_new (d->video_id, url);

  res->reused = reused;
  _warta_upload_set_bytes_sent (d->upload, d->total);
  _warta_upload_set_remote (d->upload, res->id, res->url);
  _warta_upload_set_state (d->upload, WARTA_UPLOAD_STATE_DONE);
  g_task_return_pointer (task, res, (GDestroyNotify) warta_remote_result_free);
}

/* The phase again after @error, within the client's attempts; @unreadable:
 * @error stands for a 2xx answer that could not be read. */
static void
video_retry_or_fail (GTask    *task_in,
                     GError   *error,
                     gboolean  unreadable)
{
  g_autoptr(GTask) task = task_in;
  WartaFacebook *self = g_task_get_source_object (task);
  VideoData *d = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  gint64 delay;

  /* finish publishes: after an answer that could not be read it is not
   * sent again (the video's status did not say it is published). */
  if (d->phase == PHASE_FINISH && unreadable)
    delay = -1;
  else
    delay = warta_http_client_next_step_delay (self->client, ++d->failures, error, unreadable);
  if (delay < 0 || g_cancellable_is_cancelled (cancellable))
    {
      video_fail (task, error);
      return;
    }
  g_debug ("upload_phase %d failed (%s); again in %" G_GINT64_FORMAT " ms", (int) d->phase,
           error->message, delay);
  _warta_upload_set_error (d->upload, error);
  _warta_upload_set_state (d->upload, WARTA_UPLOAD_STATE_WAITING);
  g_error_free (error);
  warta_http_client_wait_async (self->client, (guint) delay, cancellable, video_wait_cb,
                                g_steal_pointer (&task));
}

static SoupMessage *
video_status_message (guint     attempt,
                      gpointer  user_data,
                      GError  **error)
{
  GTask *task = user_data;
  WartaFacebook *self = g_task_get_source_object (task);
  VideoData *d = g_task_get_task_data (task);

  return new_object_message (self, self->graph_url, SOUP_METHOD_GET, d->video_id,
                             "?fields=status", NULL, error);
}

/* Whether the video's @status says finish was taken: Facebook processes
 * a finished video, then publishes it (platform-apis.md §1.4, "Polling").
 * An upload not finished is "uploading" or "upload_complete", its
 * processing not started. */
static gboolean
video_finished (JsonObject *status)
{
  const char *video = _warta_json_get_string (status, "video_status");
  const char *processing = _warta_json_get_string (_warta_json_get_object (status,
                                                                           "processing_phase"),
                                                   "status");
  JsonObject *publishing = _warta_json_get_object (status, "publishing_phase");

  return g_strcmp0 (video, "processing") == 0 || g_strcmp0 (video, "ready") == 0 ||
         g_strcmp0 (processing, "in_progress") == 0 || g_strcmp0 (processing, "complete") == 0 ||
         g_strcmp0 (_warta_json_get_string (publishing, "status"), "complete") == 0 ||
         g_strcmp0 (_warta_json_get_string (publishing, "publish_status"), "published") == 0;
}

/* The video's status after finish was not understood: finish taken (the
 * video processed or published), it is done; not taken, finish is sent
 * again only after a 5xx or no answer, never after an answer that could
 * not be read. */
static void
video_status_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  VideoData *d = g_task_get_task_data (task);
  g_autoptr(JsonNode) node = NULL;
  GError *check_error = NULL;
  GError *error = g_steal_pointer (&d->pending);
  JsonObject *status;

  node = warta_http_client_request_json_finish (WARTA_HTTP_CLIENT (object), result, NULL,
                                                &check_error);
  if (node == NULL)
    {
      g_error_free (error);
      video_fail (task, refine_error (check_error, NULL));
      return;
    }
  status = _warta_json_get_object (_warta_json_as_object (node), "status");
  if (video_finished (status))
    {
      g_error_free (error);
      video_done (task, TRUE);
      return;
    }
  video_retry_or_fail (g_steal_pointer (&task), error,
                       g_error_matches (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_PROTOCOL));
}

static void
video_sent_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  WartaFacebook *self = g_task_get_source_object (task);
  VideoData *d = g_task_get_task_data (task);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) transport_error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  GError *error = NULL;
  JsonObject *answer = NULL;
  gboolean unreadable = FALSE;
  guint status;

  g_signal_handlers_disconnect_by_data (d->msg, d);
  body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &transport_error);
  status = soup_message_get_status (d->msg);
  /* An empty body has no data at all (NULL), which the parser refuses. */
  if (body && g_bytes_get_size (body) > 0 &&
      json_parser_load_from_data (parser, g_bytes_get_data (body, NULL),
                                          (gssize) g_bytes_get_size (body), NULL))
    answer = _warta_json_as_object (json_parser_get_root (parser));

  if (body == NULL)
    error = warta_publish_error_new_from_transport (SERVICE, transport_error);
  else if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      JsonObject *err = _warta_json_get_object (answer, "error");
      JsonObject *err_data = _warta_json_get_object (err, "error_data");

      /* Offsets Facebook did not expect: it says which it wants. */
      if (d->phase == PHASE_TRANSFER && object_int (err, "error_subcode", 0) == SUBCODE_BAD_OFFSETS &&
          err_data && ++d->corrections <= 5)
        {
          d->start = (guint64) object_int (err_data, "start_offset", (gint64) d->start);
          d->end = (guint64) object_int (err_data, "end_offset", (gint64) d->end);
          g_debug ("offsets corrected to %" G_GUINT64_FORMAT "-%" G_GUINT64_FORMAT, d->start, d->end);
          video_next (g_steal_pointer (&task));
          return;
        }
      error = refine_error (warta_publish_error_new_from_response (SERVICE, status,
                                                                  soup_message_get_response_headers (d->msg),
                                                                  body, parse_media_error,
                                                                  g_get_real_time ()),
                            soup_message_get_response_headers (d->msg));
    }
  /* A 2xx that is not Facebook's (a proxy's page) or lacks what the phase
   * needs: start and a window make nothing public and are sent again,
   * within the attempts (Facebook gives the offsets it wants). */
  else if (answer == NULL || !read_phase_answer (answer, d))
    {
      error = unexpected_answer ();
      unreadable = TRUE;
    }

  if (error)
    {
      /* finish publishes the video: after an unknown outcome the video's
       * status says whether it is published; never finished again
       * blindly. */
      if (d->phase == PHASE_FINISH &&
          (unreadable || g_error_matches (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_RETRYABLE)))
        {
          GCancellable *cancellable = g_task_get_cancellable (task);
          GTask *message_task = task;

          d->pending = error;
          warta_http_client_request_json_async (self->client, SERVICE, video_status_message,
                                                message_task,
                                                NULL, _warta_graph_parse_error, cancellable,
                                                video_status_cb, g_steal_pointer (&task));
          return;
        }
      video_retry_or_fail (g_steal_pointer (&task), error, unreadable);
      return;
    }

  d->failures = 0;
  switch (d->phase)
    {
    case PHASE_START:
      d->video_id = g_strdup_printf ("%" G_GINT64_FORMAT, object_int (answer, "video_id", 0));
      d->session_id = g_strdup (_warta_json_get_string (answer, "upload_session_id"));
      d->phase = PHASE_TRANSFER;
      g_signal_emit (self, signals[VIDEO_PROGRESS], 0, d->video_id, d->session_id, d->start);
      break;

    case PHASE_TRANSFER:
      d->corrections = 0;
      _warta_upload_set_bytes_sent (d->upload, d->start);
      g_signal_emit (self, signals[VIDEO_PROGRESS], 0, d->video_id, d->session_id, d->start);
      break;

    case PHASE_FINISH:
    default:
      video_done (task, FALSE);
      return;
    }
  video_next (g_steal_pointer (&task));
}

static void
video_send (GTask *task)
{
  WartaFacebook *self = g_task_get_source_object (task);
  VideoData *d = g_task_get_task_data (task);
  GError *error = NULL;

  g_clear_object (&d->msg);
  d->msg = video_message (d, self, &error);
  if (d->msg == NULL)
    {
      video_fail (task, error);
      g_object_unref (task);
      return;
    }
  soup_message_add_flags (d->msg, SOUP_MESSAGE_NO_REDIRECT);
  soup_session_send_and_read_async (warta_http_client_get_session (self->client), d->msg,
                                    G_PRIORITY_DEFAULT, g_task_get_cancellable (task),
                                    video_sent_cb, task);
}

static void
video_chunk_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GTask *task = user_data;
  VideoData *d = g_task_get_task_data (task);
  GError *error = NULL;

  g_clear_pointer (&d->chunk, g_bytes_unref);
  d->chunk = _warta_upload_read_range_finish (WARTA_UPLOAD (object), result, &error);
  if (d->chunk == NULL)
    {
      video_fail (task, error);
      g_object_unref (task);
      return;
    }
  video_send (task);
}

static void
video_next (GTask *task)
{
  VideoData *d = g_task_get_task_data (task);

  if (d->phase == PHASE_TRANSFER)
    {
      if (d->start >= d->total || d->end <= d->start)
        d->phase = PHASE_FINISH;
      else
        {
          d->end = MIN (d->end, d->total);
          _warta_upload_set_state (d->upload, WARTA_UPLOAD_STATE_SENDING);
          _warta_upload_read_range_async (d->upload, d->start, d->end - d->start,
                                          g_task_get_cancellable (task), video_chunk_cb, task);
          return;
        }
    }
  video_send (task);
}

void
warta_facebook_upload_video_async (WartaFacebook       *self,
                                   WartaUpload         *upload,
                                   const char          *title,
                                   const char          *description,
                                   const char          *resume_video_id,
                                   const char          *resume_session_id,
                                   guint64              resume_offset,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  GTask *task;
  VideoData *d;
  GError *error = NULL;

  g_return_if_fail (WARTA_IS_FACEBOOK (self));
  g_return_if_fail (WARTA_IS_UPLOAD (upload));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, warta_facebook_upload_video_async);
  g_task_set_check_cancellable (task, FALSE);
  d = g_new0 (VideoData, 1);
  d->upload = g_object_ref (upload);
  d->title = g_strdup (title);
  d->description = g_strdup (description);
  d->total = warta_upload_get_total_bytes (upload);
  if (resume_video_id && resume_session_id)
    {
      /* Facebook corrects a wrong window (1363037). */
      d->video_id = g_strdup (resume_video_id);
      d->session_id = g_strdup (resume_session_id);
      d->start = MIN (resume_offset, d->total);
      d->end = MIN (d->start + 1024 * 1024, d->total);
      d->phase = PHASE_TRANSFER;
    }
  g_task_set_task_data (task, d, video_data_free);

  _warta_upload_set_state (upload, WARTA_UPLOAD_STATE_PENDING);
  if (!check_configured (self, &error))
    {
      video_fail (task, error);
      g_object_unref (task);
      return;
    }
  if (d->total == 0)
    {
      video_fail (task, g_error_new (WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_INVALID_MEDIA,
                                     _("“%s” is empty. Choose the video file again."),
                                     warta_upload_get_filename (upload)));
      g_object_unref (task);
      return;
    }
  video_next (task);
}

WartaRemoteResult *
warta_facebook_upload_video_finish (WartaFacebook  *self,
                                    GAsyncResult   *result,
                                    GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
