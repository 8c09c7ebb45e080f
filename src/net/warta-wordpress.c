/* warta-wordpress.c: publishing to one WordPress site
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "warta-wordpress"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sodium.h>

#include "warta-upload-private.h"
#include "warta-wordpress.h"
#include "warta-json-private.h"

#define SERVICE "WordPress"

/* Every live status: a post an earlier attempt made is found whatever
 * WordPress turned it into (publish with a future date becomes future). */
#define LIVE_STATUSES "publish,future,draft,pending,private"

struct _WartaWordPress
{
  GObject parent_instance;

  WartaHttpClient *client;
  char *site_url;
  char *authorization;
};

G_DEFINE_FINAL_TYPE (WartaWordPress, warta_wordpress, G_TYPE_OBJECT)

static void
warta_wordpress_finalize (GObject *object)
{
  WartaWordPress *self = (WartaWordPress *)object;

  g_clear_object (&self->client);
  g_free (self->site_url);
  warta_secret_clear (&self->authorization);

  G_OBJECT_CLASS (warta_wordpress_parent_class)->finalize (object);
}

static void
warta_wordpress_class_init (WartaWordPressClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = warta_wordpress_finalize;
}

static void
warta_wordpress_init (WartaWordPress *self)
{
}

/* @app_password as WordPress shows it ("abcd efgh …"): spaces do not count. */
WartaWordPress *
warta_wordpress_new (WartaHttpClient *client,
                     const char      *site_url,
                     const char      *user,
                     const char      *app_password)
{
  WartaWordPress *self;

  g_return_val_if_fail (WARTA_IS_HTTP_CLIENT (client), NULL);

  self = g_object_new (WARTA_TYPE_WORDPRESS, NULL);
  self->client = g_object_ref (client);
  self->site_url = g_strdup (site_url);
  if (user && *user && app_password && *app_password)
    {
      g_autoptr(GString) credentials = g_string_new (user);
      g_autofree char *encoded = NULL;

      g_string_append_c (credentials, ':');
      for (const char *p = app_password; *p; p++)
        if (*p != ' ')
          g_string_append_c (credentials, *p);
      encoded = g_base64_encode ((const guchar *) credentials->str, credentials->len);
      sodium_memzero (credentials->str, credentials->len);
      self->authorization = g_strconcat ("Basic ", encoded, NULL);
      warta_secret_clear (&encoded);
    }
  return self;
}

const char *
warta_wordpress_get_site_url (WartaWordPress *self)
{
  g_return_val_if_fail (WARTA_IS_WORDPRESS (self), NULL);
  return self->site_url;
}

/* "warta-<publication>-<8 hex of the job key>": lower-case ASCII that
 * WordPress keeps as it is, and the same on every attempt of the job. */
char *
warta_wordpress_slug_for_job (gint64      publication_id,
                              const char *job_key)
{
  g_autofree char *token = warta_http_job_token (job_key, 8);

  return g_strdup_printf ("warta-%" G_GINT64_FORMAT "-%s", publication_id, token);
}

static gboolean
check_configured (WartaWordPress  *self,
                  GError         **error)
{
  if (self->site_url == NULL || *self->site_url == '\0')
    {
      g_set_error_literal (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_NOT_CONFIGURED,
                           _("No website address is set for this WordPress account. Enter it in Accounts."));
      return FALSE;
    }
  if (self->authorization == NULL)
    {
      g_set_error_literal (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_NOT_CONFIGURED,
                           _("No application password is set for this WordPress account. Create one in your WordPress profile and enter it in Accounts."));
      return FALSE;
    }
  return TRUE;
}

static SoupMessage *
new_message (WartaWordPress  *self,
             const char      *method,
             const char      *path,
             GError         **error)
{
  g_autofree char *url = warta_http_build_url (self->site_url, path);
  SoupMessage *msg = soup_message_new (method, url);

  if (msg == NULL)
    {
      g_set_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_NOT_CONFIGURED,
                   _("“%s” is not a valid website address. Correct it in Accounts."),
                   self->site_url);
      return NULL;
    }
  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization",
                                self->authorization);
  return msg;
}

static gint64
object_int (JsonObject *object,
            const char *name)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  if (node && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64)
    return json_node_get_int (node);
  return 0;
}

/* {"code", "message", "data": {"status", "params", "details"}}. */
static void
parse_error (guint               status,
             JsonNode           *body,
             WartaPublishError  *code,
             char              **platform_code,
             char              **platform_message)
{
  JsonObject *object = _warta_json_as_object (body);
  JsonObject *data = NULL;
  JsonObject *details = NULL;
  JsonObject *status_detail = NULL;
  const char *wp_code = _warta_json_get_string (object, "code");

  *platform_code = g_strdup (wp_code);
  *platform_message = g_strdup (_warta_json_get_string (object, "message"));
  if (wp_code == NULL)
    return;

  if (object && json_object_has_member (object, "data"))
    data = _warta_json_as_object (json_object_get_member (object, "data"));
  if (data && json_object_has_member (data, "details"))
    details = _warta_json_as_object (json_object_get_member (data, "details"));
  if (details && json_object_has_member (details, "status"))
    status_detail = _warta_json_as_object (json_object_get_member (details, "status"));

  /* WordPress answers a wrong password with the endpoint's generic 401,
   * never with a specific code: every 401 means "sign in again". */
  if (status == SOUP_STATUS_UNAUTHORIZED)
    *code = WARTA_PUBLISH_ERROR_AUTH_EXPIRED;
  /* Warta always signs in; refusing drafts or the edit context to it
   * means the password was not accepted. */
  else if (g_str_equal (wp_code, "rest_forbidden_context") ||
           g_strcmp0 (_warta_json_get_string (status_detail, "code"), "rest_forbidden_status") == 0)
    *code = WARTA_PUBLISH_ERROR_AUTH_EXPIRED;
  /* Even the 500s (sideload_error: a type the site refuses; unknown_error:
   * over upload_max_filesize) are about the file, and must not be retried. */
  else if (g_str_has_prefix (wp_code, "rest_upload_"))
    *code = WARTA_PUBLISH_ERROR_INVALID_MEDIA;
  else if (g_str_equal (wp_code, "rest_cannot_create") || g_str_equal (wp_code, "rest_cannot_publish") ||
           g_str_equal (wp_code, "rest_cannot_edit") || g_str_equal (wp_code, "rest_forbidden") ||
           g_str_equal (wp_code, "application_passwords_disabled"))
    *code = WARTA_PUBLISH_ERROR_PERMISSION_DENIED;
  else if (g_str_equal (wp_code, "rest_no_route"))
    *code = WARTA_PUBLISH_ERROR_NOT_CONFIGURED;
}

static GError *
unexpected_answer (void)
{
  return g_error_new (WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_PROTOCOL,
                      _("%s sent an answer Warta does not understand. Check the website’s address in Accounts."),
                      SERVICE);
}

static WartaRemoteResult *
result_from (JsonObject *object,
             const char *url_member)
{
  g_autofree char *id = NULL;

  if (object_int (object, "id") <= 0)
    return NULL;
  id = g_strdup_printf ("%" G_GINT64_FORMAT, object_int (object, "id"));
  return warta_remote_result_new (id, _warta_json_get_string (object, url_member));
}

/* What a lookup by @slug (GET posts or media ?slug=) answered: @node is
 * an array of objects, each with its slug. Sets *@found to the post of
 * @slug (NULL: not there) and *@item to its object in @node. FALSE when
 * the answer cannot be read (not a list of posts, or the post of @slug
 * without its id): it says nothing about whether the post is there. */
static gboolean
find_slug (JsonNode           *node,
           const char         *slug,
           const char         *url_member,
           JsonObject        **item,
           WartaRemoteResult **found)
{
  JsonArray *items;

  *item = NULL;
  *found = NULL;
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;
  items = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *object = _warta_json_as_object (json_array_get_element (items, i));
      const char *item_slug = _warta_json_get_string (object, "slug");

      if (item_slug == NULL)
        return FALSE;
      /* The query matches the slug exactly; check it anyway. */
      if (!g_str_equal (item_slug, slug))
        continue;
      *item = object;
      *found = result_from (object, url_member);
      return *found != NULL;
    }
  return TRUE;
}

/* The slug check and the create, retried as one step ------------------- */

typedef struct
{
  gboolean is_media;
  char *slug;
  /* post */
  char *title;
  char *content;
  gint64 featured_media;
  /* media */
  WartaUpload *upload;
  char *filename;

  guint attempt;
  SoupMessage *msg;
  /* A 2xx the create got but could not read (a login page, no id): the
   * slug says whether it was made; not found, this stops it. */
  GError *unreadable;
} StepData;

static void
step_data_free (gpointer data)
{
  StepData *d = data;

  g_free (d->slug);
  g_free (d->title);
  g_free (d->content);
  g_clear_object (&d->upload);
  g_free (d->filename);
  g_clear_object (&d->msg);
  g_clear_error (&d->unreadable);
  g_free (d);
}

static void
step_fail (GTask  *task,
           GError *error)
{
  StepData *d = g_task_get_task_data (task);

  /* A file for the media library is public only through the post that
   * shows it: tried again later. A post is never created on a guess. */
  if (d->is_media)
    error = warta_publish_error_retry_unread (SERVICE, error);
  if (d->upload)
    {
      _warta_upload_set_error (d->upload, error);
      _warta_upload_set_state (d->upload,
                               g_error_matches (error, WARTA_PUBLISH_ERROR,
                                                WARTA_PUBLISH_ERROR_CANCELLED)
                               ? WARTA_UPLOAD_STATE_CANCELLED : WARTA_UPLOAD_STATE_FAILED);
    }
  g_task_return_error (task, error);
}

static void
step_done (GTask             *task,
           WartaRemoteResult *result)
{
  StepData *d = g_task_get_task_data (task);

  if (d->upload)
    {
      _warta_upload_set_remote (d->upload, result->id, result->url);
      _warta_upload_set_state (d->upload, WARTA_UPLOAD_STATE_DONE);
    }
  g_task_return_pointer (task, result, (GDestroyNotify) warta_remote_result_free);
}

static void step_check (GTask *task);
static void step_lookup (GTask *task);

static void
step_wait_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!warta_http_client_wait_finish (WARTA_HTTP_CLIENT (object), result, &error))
    {
      step_fail (task, error);
      return;
    }
  step_check (g_steal_pointer (&task));
}

/* A failed attempt: wait and start again from the check, or give up.
 * @unreadable: @error stands for a 2xx answer Warta could not read. */
static void
step_retry_or_fail (GTask    *task_in,
                    GError   *error,
                    gboolean  unreadable)
{
  g_autoptr(GTask) task = task_in;
  WartaWordPress *self = g_task_get_source_object (task);
  StepData *d = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  gint64 delay;

  /* A file in the media library is no post: after an answer that could
   * not be read it is looked for and sent again, as after a 5xx. */
  if (d->is_media)
    delay = warta_http_client_next_step_delay (self->client, d->attempt, error, unreadable);
  else
    delay = warta_retry_policy_next_delay (warta_http_client_get_retry_policy (self->client),
                                           d->attempt, error, g_get_real_time ());
  if (delay < 0)
    {
      step_fail (task, error);
      return;
    }

  g_debug ("attempt %u failed (%s); checking again in %" G_GINT64_FORMAT " ms",
           d->attempt, error->message, delay);
  if (d->upload)
    {
      _warta_upload_set_error (d->upload, error);
      _warta_upload_set_state (d->upload, WARTA_UPLOAD_STATE_WAITING);
    }
  g_error_free (error);
  warta_http_client_wait_async (self->client, (guint) delay, cancellable, step_wait_cb,
                                g_steal_pointer (&task));
}

static char *
featured_warning (gint64 wanted)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, wanted);

  /* xgettext cannot read G_GINT64_FORMAT inside a message. */
  return g_strdup_printf (_("The post was published without its featured image: WordPress did not accept image %s. Set the image in WordPress, or upload it again."),
                          id);
}

static void
create_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  StepData *d = g_task_get_task_data (task);
  g_autoptr(JsonNode) node = NULL;
  GError *error = NULL;
  WartaRemoteResult *res;
  JsonObject *object_json;

  node = warta_http_client_send_json_finish (WARTA_HTTP_CLIENT (object), result, &error);
  if (node == NULL && !g_error_matches (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_PROTOCOL))
    {
      step_retry_or_fail (g_steal_pointer (&task), error, FALSE);
      return;
    }

  object_json = node ? _warta_json_as_object (node) : NULL;
  res = result_from (object_json, d->is_media ? "source_url" : "link");
  if (res == NULL)
    {
      /* It may have been made all the same: the slug says, never a
       * second create on a hunch. */
      g_clear_error (&d->unreadable);
      d->unreadable = error ? error : unexpected_answer ();
      if (d->slug != NULL)
        step_lookup (g_steal_pointer (&task));
      else if (d->is_media)
        step_retry_or_fail (g_steal_pointer (&task), g_steal_pointer (&d->unreadable), TRUE);
      else
        step_fail (task, g_error_copy (d->unreadable));
      return;
    }

  if (!d->is_media)
    {
      /* WordPress makes the post even when it ignores featured_media. */
      if (d->featured_media > 0 && object_int (object_json, "featured_media") != d->featured_media)
        res->warning = featured_warning (d->featured_media);
      if (g_strcmp0 (_warta_json_get_string (object_json, "slug"), d->slug) != 0)
        g_debug ("WordPress changed the slug %s to %s: another post had it", d->slug,
                   _warta_json_get_string (object_json, "slug"));
    }
  step_done (task, res);
}

static void
step_create (GTask *task_in)
{
  g_autoptr(GTask) task = task_in;
  WartaWordPress *self = g_task_get_source_object (task);
  StepData *d = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  GError *error = NULL;

  g_clear_object (&d->msg);
  if (d->is_media)
    {
      g_autoptr(GHashTable) params = g_hash_table_new (g_str_hash, g_str_equal);

      d->msg = new_message (self, SOUP_METHOD_POST, "/wp-json/wp/v2/media", &error);
      if (d->msg == NULL)
        {
          step_fail (task, error);
          return;
        }
      /* libsoup quotes the name, and encodes it (RFC 5987) when not ASCII. */
      g_hash_table_insert (params, (char *) "filename", d->filename);
      soup_message_headers_set_content_disposition (soup_message_get_request_headers (d->msg),
                                                    "attachment", params);
      if (!warta_http_set_upload_body (d->msg, d->upload, &error))
        {
          step_fail (task, error);
          return;
        }
      _warta_upload_set_state (d->upload, WARTA_UPLOAD_STATE_SENDING);
    }
  else
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) body = NULL;

      d->msg = new_message (self, SOUP_METHOD_POST, "/wp-json/wp/v2/posts", &error);
      if (d->msg == NULL)
        {
          step_fail (task, error);
          return;
        }
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, d->title);
      json_builder_set_member_name (builder, "content");
      json_builder_add_string_value (builder, d->content);
      json_builder_set_member_name (builder, "status");
      json_builder_add_string_value (builder, "publish");
      json_builder_set_member_name (builder, "slug");
      json_builder_add_string_value (builder, d->slug);
      if (d->featured_media > 0)
        {
          json_builder_set_member_name (builder, "featured_media");
          json_builder_add_int_value (builder, d->featured_media);
        }
      json_builder_end_object (builder);
      body = json_builder_get_root (builder);
      warta_http_set_json_body (d->msg, body);
    }

  warta_http_client_send_json_async (self->client, d->msg, SERVICE, parse_error, cancellable,
                                     create_cb, g_steal_pointer (&task));
}

static void
check_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  StepData *d = g_task_get_task_data (task);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(WartaRemoteResult) res = NULL;
  GError *error = NULL;
  JsonObject *item;

  node = warta_http_client_send_json_finish (WARTA_HTTP_CLIENT (object), result, &error);
  if (node == NULL)
    {
      step_retry_or_fail (g_steal_pointer (&task), error, FALSE);
      return;
    }
  if (!find_slug (node, d->slug, d->is_media ? "source_url" : "link", &item, &res))
    {
      /* Not an answer to the lookup: what is there is not known, and
       * creating it now could make it twice. A file is looked for again. */
      if (d->is_media)
        step_retry_or_fail (g_steal_pointer (&task), unexpected_answer (), TRUE);
      else
        step_fail (task, unexpected_answer ());
      return;
    }
  if (res)
    {
      res->reused = TRUE;
      if (!d->is_media && d->featured_media > 0 &&
          object_int (item, "featured_media") != d->featured_media)
        res->warning = featured_warning (d->featured_media);
      g_debug ("%s %s already exists: %s", d->is_media ? "media" : "post", d->slug, res->id);
      step_done (task, g_steal_pointer (&res));
      return;
    }

  if (d->unreadable)
    {
      /* The create was answered with what Warta cannot read, and made
       * nothing: a post stops there, a file is sent again. */
      if (d->is_media)
        step_retry_or_fail (g_steal_pointer (&task), g_steal_pointer (&d->unreadable), TRUE);
      else
        step_fail (task, g_error_copy (d->unreadable));
      return;
    }
  step_create (g_steal_pointer (&task));
}

/* The lookup by slug, within the attempt that made it needed. */
static void
step_lookup (GTask *task_in)
{
  g_autoptr(GTask) task = task_in;
  WartaWordPress *self = g_task_get_source_object (task);
  StepData *d = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;
  GError *error = NULL;

  escaped = g_uri_escape_string (d->slug, NULL, FALSE);
  if (d->is_media)
    path = g_strconcat ("/wp-json/wp/v2/media?slug=", escaped, "&context=edit", NULL);
  else
    path = g_strconcat ("/wp-json/wp/v2/posts?slug=", escaped,
                        "&status=" LIVE_STATUSES "&context=edit", NULL);

  g_clear_object (&d->msg);
  d->msg = new_message (self, SOUP_METHOD_GET, path, &error);
  if (d->msg == NULL)
    {
      step_fail (task, error);
      return;
    }
  warta_http_client_send_json_async (self->client, d->msg, SERVICE, parse_error, cancellable,
                                     check_cb, g_steal_pointer (&task));
}

/* An attempt: the lookup by slug, then the create if nothing is found. */
static void
step_check (GTask *task_in)
{
  g_autoptr(GTask) task = task_in;
  StepData *d = g_task_get_task_data (task);

  d->attempt++;
  if (d->slug == NULL)
    step_create (g_steal_pointer (&task));
  else
    step_lookup (g_steal_pointer (&task));
}

static GTask *
step_task_new (WartaWordPress      *self,
               gpointer             source_tag,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, g_new0 (StepData, 1), step_data_free);
  return task;
}

void
warta_wordpress_upload_media_async (WartaWordPress      *self,
                                    WartaUpload         *upload,
                                    const char          *slug,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  GTask *task;
  StepData *d;
  GError *error = NULL;

  g_return_if_fail (WARTA_IS_WORDPRESS (self));
  g_return_if_fail (WARTA_IS_UPLOAD (upload));

  task = step_task_new (self, warta_wordpress_upload_media_async, cancellable, callback, user_data);
  d = g_task_get_task_data (task);
  d->is_media = TRUE;
  d->upload = g_object_ref (upload);
  d->slug = g_strdup (slug);
  if (slug)
    {
      const char *dot = strrchr (warta_upload_get_filename (upload), '.');

      d->filename = g_strconcat (slug, dot ? dot : "", NULL);
    }
  else
    d->filename = g_strdup (warta_upload_get_filename (upload));

  _warta_upload_set_state (upload, WARTA_UPLOAD_STATE_PENDING);
  if (!check_configured (self, &error))
    {
      step_fail (task, error);
      g_object_unref (task);
      return;
    }
  step_check (task);
}

WartaRemoteResult *
warta_wordpress_upload_media_finish (WartaWordPress  *self,
                                     GAsyncResult    *result,
                                     GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
warta_wordpress_publish_post_async (WartaWordPress      *self,
                                    const char          *slug,
                                    const char          *title,
                                    const char          *content,
                                    const char          *featured_media_id,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  GTask *task;
  StepData *d;
  GError *error = NULL;

  g_return_if_fail (WARTA_IS_WORDPRESS (self));
  g_return_if_fail (slug != NULL && *slug != '\0');

  task = step_task_new (self, warta_wordpress_publish_post_async, cancellable, callback, user_data);
  d = g_task_get_task_data (task);
  d->slug = g_strdup (slug);
  d->title = g_strdup (title ? title : "");
  d->content = g_strdup (content ? content : "");
  d->featured_media = featured_media_id ? g_ascii_strtoll (featured_media_id, NULL, 10) : 0;

  if (!check_configured (self, &error))
    {
      step_fail (task, error);
      g_object_unref (task);
      return;
    }
  step_check (task);
}

WartaRemoteResult *
warta_wordpress_publish_post_finish (WartaWordPress  *self,
                                     GAsyncResult    *result,
                                     GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* find_post ------------------------------------------------------------- */

typedef struct
{
  WartaWordPress *self;
  char *path;
} FindData;

static void
find_data_free (gpointer data)
{
  FindData *d = data;

  g_clear_object (&d->self);
  g_free (d->path);
  g_free (d);
}

static SoupMessage *
find_message (guint     attempt,
              gpointer  user_data,
              GError  **error)
{
  FindData *d = user_data;

  return new_message (d->self, SOUP_METHOD_GET, d->path, error);
}

static void
find_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  const char *slug = g_task_get_task_data (task);
  g_autoptr(JsonNode) node = NULL;
  GError *error = NULL;
  WartaRemoteResult *found;
  JsonObject *item;

  node = warta_http_client_request_json_finish (WARTA_HTTP_CLIENT (object), result, NULL, &error);
  if (node == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (!find_slug (node, slug, "link", &item, &found))
    {
      g_task_return_error (task, unexpected_answer ());
      return;
    }
  g_task_return_pointer (task, found, (GDestroyNotify) warta_remote_result_free);
}

void
warta_wordpress_find_post_async (WartaWordPress      *self,
                                 const char          *slug,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *escaped = NULL;
  FindData *d;
  GError *error = NULL;

  g_return_if_fail (WARTA_IS_WORDPRESS (self));
  g_return_if_fail (slug != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, warta_wordpress_find_post_async);
  g_task_set_task_data (task, g_strdup (slug), g_free);
  if (!check_configured (self, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  escaped = g_uri_escape_string (slug, NULL, FALSE);
  d = g_new0 (FindData, 1);
  d->self = g_object_ref (self);
  d->path = g_strconcat ("/wp-json/wp/v2/posts?slug=", escaped,
                         "&status=" LIVE_STATUSES "&context=edit", NULL);
  warta_http_client_request_json_async (self->client, SERVICE, find_message, d, find_data_free,
                                        parse_error, cancellable, find_cb,
                                        g_steal_pointer (&task));
}

WartaRemoteResult *
warta_wordpress_find_post_finish (WartaWordPress  *self,
                                  GAsyncResult    *result,
                                  GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* the user ----------------------------------------------------------------------- */

static gboolean
capable (JsonObject *capabilities,
         const char *name)
{
  JsonNode *node = json_object_get_member (capabilities, name);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_BOOLEAN && json_node_get_boolean (node);
}

static void
user_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonNode) node = NULL;
  GError *error = NULL;
  JsonObject *user;
  const char *name;

  node = warta_http_client_request_json_finish (WARTA_HTTP_CLIENT (object), result, NULL, &error);
  if (node == NULL)
    {
      /* No such route: not a WordPress, or one without its REST API. */
      if (warta_publish_error_get_http_status (error) == SOUP_STATUS_NOT_FOUND)
        {
          g_clear_error (&error);
          g_task_return_new_error (task, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_NOT_CONFIGURED,
                                   _("No WordPress answers at this address. Check the website’s address; the site’s REST API must be on."));
          return;
        }
      g_task_return_error (task, error);
      return;
    }
  user = _warta_json_as_object (node);
  if (user == NULL || object_int (user, "id") <= 0)
    {
      g_task_return_error (task, unexpected_answer ());
      return;
    }
  name = _warta_json_get_string (user, "name");
  if (name == NULL || *name == '\0')
    name = _warta_json_get_string (user, "slug");
  /* In the edit context WordPress lists what the user may do. Warta
   * uploads media and publishes posts; an account that cannot is refused
   * now, not on the first publication. */
  if (json_object_has_member (user, "capabilities"))
    {
      JsonObject *capabilities = _warta_json_as_object (json_object_get_member (user, "capabilities"));

      if (capabilities == NULL || !capable (capabilities, "publish_posts") ||
          !capable (capabilities, "upload_files"))
        {
          g_task_return_new_error (task, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_PERMISSION_DENIED,
                                   _("The WordPress user “%s” may not publish posts or upload media. Give them the Author or Editor role in WordPress (Users), or use another user."),
                                   name ? name : "");
          return;
        }
    }
  g_task_return_pointer (task, g_strdup (name ? name : ""), g_free);
}

/**
 * warta_wordpress_check_user_async:
 *
 * GET /wp/v2/users/me in the edit context: whether the site is a
 * WordPress with its REST API, the application password is accepted, and
 * the user may upload media and publish posts.
 */
void
warta_wordpress_check_user_async (WartaWordPress      *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  FindData *d;
  GError *error = NULL;

  g_return_if_fail (WARTA_IS_WORDPRESS (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, warta_wordpress_check_user_async);
  if (!check_configured (self, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  d = g_new0 (FindData, 1);
  d->self = g_object_ref (self);
  d->path = g_strdup ("/wp-json/wp/v2/users/me?context=edit");
  warta_http_client_request_json_async (self->client, SERVICE, find_message, d, find_data_free,
                                        parse_error, cancellable, user_cb, g_steal_pointer (&task));
}

/* Returns the user's display name. */
char *
warta_wordpress_check_user_finish (WartaWordPress  *self,
                                   GAsyncResult    *result,
                                   GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* deleting --------------------------------------------------------------------- */

static SoupMessage *
path_message (gpointer     object,
              const char  *method,
              const char  *path,
              GError     **error)
{
  return new_message (object, method, path, error);
}

/**
 * warta_wordpress_delete_async:
 * @self: a #WartaWordPress
 * @collection: "posts" or "media"
 * @id: the post's or the attachment's id
 * @force: delete for good; a post without it goes to the trash (an
 *   attachment cannot: WordPress wants @force for one)
 *
 * DELETE /wp/v2/<collection>/<id>. One that is not there, or already in
 * the trash, counts as deleted.
 */
void
warta_wordpress_delete_async (WartaWordPress      *self,
                              const char          *collection,
                              const char          *id,
                              gboolean             force,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;
  GError *error = NULL;

  g_return_if_fail (WARTA_IS_WORDPRESS (self));
  g_return_if_fail (g_strcmp0 (collection, "posts") == 0 || g_strcmp0 (collection, "media") == 0);
  g_return_if_fail (id != NULL);

  if (!check_configured (self, &error))
    {
      g_task_report_error (self, callback, user_data, warta_wordpress_delete_async, error);
      return;
    }
  escaped = g_uri_escape_string (id, NULL, TRUE);
  path = g_strdup_printf ("/wp-json/wp/v2/%s/%s%s", collection, escaped,
                          force ? "?force=true" : "");
  warta_http_client_delete_async (self->client, SERVICE, path_message, self, path, parse_error,
                                  cancellable, callback, user_data);
}

gboolean
warta_wordpress_delete_finish (WartaWordPress  *self,
                               GAsyncResult    *result,
                               GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* editing ---------------------------------------------------------------------- */

/**
 * warta_wordpress_update_post_async:
 * @self: a #WartaWordPress
 * @id: the post's id
 * @title: its new title
 * @content: its new content (HTML)
 *
 * POST /wp/v2/posts/<id> with the title and content, answered with the
 * post. A post not there any more (404 rest_post_invalid_id) is
 * WARTA_PUBLISH_ERROR_GONE.
 */
void
warta_wordpress_update_post_async (WartaWordPress      *self,
                                   const char          *id,
                                   const char          *title,
                                   const char          *content,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;
  GError *error = NULL;

  g_return_if_fail (WARTA_IS_WORDPRESS (self));
  g_return_if_fail (id != NULL && title != NULL && content != NULL);

  if (!check_configured (self, &error))
    {
      g_task_report_error (self, callback, user_data, warta_wordpress_update_post_async, error);
      return;
    }
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, title);
  json_builder_set_member_name (builder, "content");
  json_builder_add_string_value (builder, content);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);
  escaped = g_uri_escape_string (id, NULL, TRUE);
  path = g_strdup_printf ("/wp-json/wp/v2/posts/%s", escaped);
  warta_http_client_edit_async (self->client, SERVICE, path_message, self, SOUP_METHOD_POST, path,
                                body, parse_error, cancellable, callback, user_data);
}

gboolean
warta_wordpress_update_post_finish (WartaWordPress  *self,
                                    GAsyncResult    *result,
                                    GError         **error)
{
  g_autoptr(JsonNode) node = NULL;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  node = g_task_propagate_pointer (G_TASK (result), error);
  if (node == NULL)
    return FALSE;
  if (object_int (_warta_json_as_object (node), "id") <= 0)
    {
      g_propagate_error (error, unexpected_answer ());
      return FALSE;
    }
  return TRUE;
}
