/* warta-instagram.c: publishing to one Instagram professional account
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * platform-apis.md §2: containers made from a PUBLIC image_url (Instagram
 * fetches it), carousels from children, status_code polled until FINISHED,
 * media_publish, content_publishing_limit; the Graph error envelope with
 * the publishing subcodes of §2.7. Containers are the idempotency handles
 * (§0.3): a PUBLISHED container is never published again.
 */
#define G_LOG_DOMAIN "warta-instagram"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "warta-facebook.h"
#include "warta-instagram.h"
#include "warta-json-private.h"
#include "warta-publish-check.h"

#define SERVICE "Instagram"

struct _WartaInstagram
{
  GObject parent_instance;

  WartaHttpClient *client;
  char *graph_url;
  char *version;
  char *user_id;
  char *access_token;
  guint poll_interval;
  guint poll_give_up;
};

G_DEFINE_FINAL_TYPE (WartaInstagram, warta_instagram, G_TYPE_OBJECT)

static void
warta_instagram_finalize (GObject *object)
{
  WartaInstagram *self = (WartaInstagram *)object;

  g_clear_object (&self->client);
  g_free (self->graph_url);
  g_free (self->version);
  g_free (self->user_id);
  warta_secret_clear (&self->access_token);

  G_OBJECT_CLASS (warta_instagram_parent_class)->finalize (object);
}

static void
warta_instagram_class_init (WartaInstagramClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = warta_instagram_finalize;
}

static void
warta_instagram_init (WartaInstagram *self)
{
  self->version = g_strdup (WARTA_FACEBOOK_API_VERSION);
  self->poll_interval = 60 * 1000;
  self->poll_give_up = 5 * 60 * 1000;
}

WartaInstagram *
warta_instagram_new (WartaHttpClient *client,
                     const char      *graph_url,
                     const char      *ig_user_id,
                     const char      *access_token)
{
  WartaInstagram *self;

  g_return_val_if_fail (WARTA_IS_HTTP_CLIENT (client), NULL);

  self = g_object_new (WARTA_TYPE_INSTAGRAM, NULL);
  self->client = g_object_ref (client);
  self->graph_url = g_strdup (graph_url ? graph_url : "https://graph.facebook.com");
  self->user_id = g_strdup (ig_user_id);
  self->access_token = g_strdup (access_token);
  return self;
}

void
warta_instagram_set_api_version (WartaInstagram *self,
                                 const char     *version)
{
  g_return_if_fail (WARTA_IS_INSTAGRAM (self));
  g_return_if_fail (version != NULL);

  g_free (self->version);
  self->version = g_strdup (version);
}

void
warta_instagram_set_poll_interval (WartaInstagram *self,
                                   guint           interval_ms,
                                   guint           give_up_ms)
{
  g_return_if_fail (WARTA_IS_INSTAGRAM (self));

  self->poll_interval = MAX (interval_ms, 1);
  self->poll_give_up = give_up_ms;
}

static gboolean
check_configured (WartaInstagram  *self,
                  GError         **error)
{
  if (self->user_id == NULL || *self->user_id == '\0' ||
      self->access_token == NULL || *self->access_token == '\0')
    {
      g_set_error_literal (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_NOT_CONFIGURED,
                           _("This Instagram account is not signed in. Sign in to it in Accounts."));
      return FALSE;
    }
  return TRUE;
}

/* §2.7, over the Graph envelope: the subcode decides. */
static void
parse_error (guint               status,
             JsonNode           *body,
             WartaPublishError  *code,
             char              **platform_code,
             char              **platform_message)
{
  const char *sub;

  _warta_graph_parse_error (status, body, code, platform_code, platform_message);
  sub = *platform_code ? strchr (*platform_code, '/') : NULL;
  if (sub == NULL)
    return;
  sub++;
  if (g_str_equal (sub, "2207042") || g_str_equal (sub, "2207051"))
    *code = WARTA_PUBLISH_ERROR_RATE_LIMITED;
  else if (g_str_equal (sub, "2207001") || g_str_equal (sub, "2207032") ||
           g_str_equal (sub, "2207027") || g_str_equal (sub, "2207008") ||
           g_str_equal (sub, "2207003"))
    *code = WARTA_PUBLISH_ERROR_RETRYABLE;
  else if (g_str_equal (sub, "2207052") || g_str_equal (sub, "2207004") ||
           g_str_equal (sub, "2207005") || g_str_equal (sub, "2207009") ||
           g_str_equal (sub, "2207026") || g_str_equal (sub, "2207053") ||
           g_str_equal (sub, "2207023"))
    *code = WARTA_PUBLISH_ERROR_INVALID_MEDIA;
  else if (g_str_equal (sub, "2207050"))
    *code = WARTA_PUBLISH_ERROR_PERMISSION_DENIED;
  else if (g_str_equal (sub, "2207010") || g_str_equal (sub, "2207028") ||
           g_str_equal (sub, "2207040") || g_str_equal (sub, "2207020"))
    *code = WARTA_PUBLISH_ERROR_REJECTED;
}

static void
replace_message (GError     *error,
                 const char *message)
{
  g_free (error->message);
  error->message = g_strdup (message);
}

static gboolean
subcode_is (const GError *error,
            const char   *subcode)
{
  const char *code = warta_publish_error_get_platform_code (error);
  const char *slash = code ? strchr (code, '/') : NULL;

  return slash && g_str_equal (slash + 1, subcode);
}

static GError *
refine_error (GError *error)
{
  const char *code = warta_publish_error_get_platform_code (error);

  if (g_strcmp0 (code, "190") == 0 || (code && g_str_has_prefix (code, "190/")))
    {
      g_autofree char *message = warta_publish_error_format_sign_in (_("Instagram no longer accepts the saved sign-in for this account."));

      replace_message (error, message);
    }
  else if (subcode_is (error, "2207042"))
    {
      g_autofree char *message = warta_publish_error_format_retry (_("This Instagram account has published as many posts through the API as Instagram allows in 24 hours."),
                                                                   warta_publish_error_get_retry_at (error));

      replace_message (error, message);
    }
  else if (subcode_is (error, "2207052"))
    replace_message (error, _("Instagram could not fetch the image from its web address. Check that the address is public (open it in a private browser window), or upload the image again."));
  else if (subcode_is (error, "2207020"))
    replace_message (error, _("The Instagram container expired before it was published (after 24 hours). Publish again: Warta makes a new one."));
  return error;
}

static GError *
unexpected_answer (void)
{
  return g_error_new (WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_PROTOCOL,
                      _("%s sent an answer Warta does not understand. Try again later; if it keeps happening, publish the post manually."),
                      SERVICE);
}

/* The operations ------------------------------------------------------- */

typedef enum
{
  STEP_LIMIT,
  STEP_CREATE,
  STEP_CAROUSEL,
  STEP_STATUS,
  STEP_PUBLISH,
  STEP_PERMALINK,
  STEP_FIND,
} Step;

typedef enum
{
  OP_LIMIT,
  OP_CREATE,
  OP_WAIT,
  OP_PUBLISH,
} Op;

typedef struct
{
  WartaInstagram *self;
  Op op;
  Step step;
  char *image_url;
  char *video_url;
  char *caption;
  char *alt_text;
  gboolean carousel_item;
  char **children;
  char *container_id;
  char *media_id;
  gint64 started;
  guint publish_attempts;
  SoupMessage *msg;
} OpData;

static void
op_data_free (gpointer data)
{
  OpData *d = data;

  g_clear_object (&d->self);
  g_free (d->image_url);
  g_free (d->video_url);
  g_free (d->caption);
  g_free (d->alt_text);
  g_strfreev (d->children);
  g_free (d->container_id);
  g_free (d->media_id);
  g_clear_object (&d->msg);
  g_free (d);
}

static void
form_add (GString    *form,
          const char *name,
          const char *value)
{
  g_autofree char *escaped = NULL;

  if (value == NULL || *value == '\0')
    return;
  escaped = g_uri_escape_string (value, NULL, FALSE);
  if (form->len > 0)
    g_string_append_c (form, '&');
  g_string_append_printf (form, "%s=%s", name, escaped);
}

static SoupMessage *
op_message (guint     attempt,
            gpointer  user_data,
            GError  **error)
{
  OpData *d = user_data;
  WartaInstagram *self = d->self;
  g_autoptr(GString) form = g_string_new (NULL);
  g_autofree char *user = g_uri_escape_string (self->user_id, NULL, FALSE);
  g_autofree char *path = NULL;
  g_autofree char *url = NULL;
  const char *method = SOUP_METHOD_GET;
  SoupMessage *msg;

  switch (d->step)
    {
    case STEP_LIMIT:
      path = g_strconcat ("/", self->version, "/", user,
                          "/content_publishing_limit?fields=quota_usage,config", NULL);
      break;
    case STEP_CREATE:
      method = SOUP_METHOD_POST;
      path = g_strconcat ("/", self->version, "/", user, "/media", NULL);
      if (d->video_url != NULL)
        {
          /* Since 2023 a single feed video is a reel; VIDEO is left for
           * carousel items (§2.3). */
          form_add (form, "media_type", d->carousel_item ? "VIDEO" : "REELS");
          form_add (form, "video_url", d->video_url);
          if (!d->carousel_item)
            form_add (form, "share_to_feed", "true");
        }
      else
        form_add (form, "image_url", d->image_url);
      if (d->carousel_item)
        form_add (form, "is_carousel_item", "true");
      else
        form_add (form, "caption", d->caption);
      if (d->video_url == NULL)
        form_add (form, "alt_text", d->alt_text);
      break;
    case STEP_CAROUSEL:
      {
        g_autofree char *children = g_strjoinv (",", d->children);

        method = SOUP_METHOD_POST;
        path = g_strconcat ("/", self->version, "/", user, "/media", NULL);
        form_add (form, "media_type", "CAROUSEL");
        form_add (form, "children", children);
        form_add (form, "caption", d->caption);
      }
      break;
    case STEP_STATUS:
      {
        g_autofree char *container = g_uri_escape_string (d->container_id, NULL, FALSE);

        path = g_strconcat ("/", self->version, "/", container, "?fields=status_code,status", NULL);
      }
      break;
    case STEP_PUBLISH:
      method = SOUP_METHOD_POST;
      path = g_strconcat ("/", self->version, "/", user, "/media_publish", NULL);
      form_add (form, "creation_id", d->container_id);
      break;
    case STEP_PERMALINK:
      {
        g_autofree char *media = g_uri_escape_string (d->media_id, NULL, FALSE);

        path = g_strconcat ("/", self->version, "/", media, "?fields=id,permalink", NULL);
      }
      break;
    case STEP_FIND:
    default:
      path = g_strconcat ("/", self->version, "/", user,
                          "/media?fields=id,caption,permalink,timestamp&limit=10", NULL);
      break;
    }

  url = warta_http_build_url (self->graph_url, path);
  if (g_str_equal (method, SOUP_METHOD_POST))
    msg = soup_message_new_from_encoded_form (method, url, g_strdup (form->str));
  else
    msg = soup_message_new (method, url);
  if (msg == NULL)
    {
      g_set_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_NOT_CONFIGURED,
                   _("“%s” is not a valid Instagram address. Correct it in Accounts."),
                   self->graph_url);
      return NULL;
    }
  warta_http_set_bearer (msg, self->access_token);
  g_set_object (&d->msg, msg);
  return msg;
}

static void op_run (GTask *task);

static void
op_wait_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!warta_http_client_wait_finish (WARTA_HTTP_CLIENT (object), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  op_run (g_steal_pointer (&task));
}

static void
op_later (GTask *task_in,
          guint  delay_ms)
{
  g_autoptr(GTask) task = task_in;
  OpData *d = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);

  warta_http_client_wait_async (d->self->client, delay_ms, cancellable, op_wait_cb,
                                g_steal_pointer (&task));
}

static void
return_result (GTask      *task,
               const char *id,
               const char *url,
               gboolean    reused)
{
  WartaRemoteResult *res = warta_remote_result_new (id, url);

  res->reused = reused;
  g_task_return_pointer (task, res, (GDestroyNotify) warta_remote_result_free);
}

static void
op_status (GTask      *task_in,
           JsonObject *answer)
{
  g_autoptr(GTask) task = task_in;
  OpData *d = g_task_get_task_data (task);
  const char *status_code = _warta_json_get_string (answer, "status_code");

  if (g_strcmp0 (status_code, "PUBLISHED") == 0)
    {
      if (d->op == OP_WAIT || d->caption == NULL)
        {
          return_result (task, d->container_id, NULL, TRUE);
          return;
        }
      /* An earlier media_publish went out: find the post, never again. */
      d->step = STEP_FIND;
      op_run (g_steal_pointer (&task));
      return;
    }
  if (g_strcmp0 (status_code, "FINISHED") == 0)
    {
      if (d->op == OP_WAIT)
        {
          return_result (task, d->container_id, NULL, FALSE);
          return;
        }
      d->step = STEP_PUBLISH;
      op_run (g_steal_pointer (&task));
      return;
    }
  if (g_strcmp0 (status_code, "ERROR") == 0)
    {
      const char *status = _warta_json_get_string (answer, "status");
      GError *error;

      /* The status names the error code of §2.7, e.g. "Error: Media upload
       * has failed with error code 2207026". */
      if (status && strstr (status, "2207026"))
        error = g_error_new (WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_INVALID_MEDIA,
                             _("Instagram cannot read the video’s format (%s). Export the video again as MP4 with H.264 picture and AAC sound, have the change approved and publish again."),
                             status);
      else
        error = g_error_new (WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_INVALID_MEDIA,
                             _("Instagram could not use the media: %s. A photo must be a JPEG of at most 8 MB with an aspect ratio between 4:5 and 1.91:1; a video an MP4 or MOV of 3 seconds to 15 minutes and at most 300 MB. Choose another file, have the change approved and publish again."),
                             status ? status : status_code);
      warta_publish_error_set_platform (error, status_code, status);
      g_task_return_error (task, error);
      return;
    }
  if (g_strcmp0 (status_code, "EXPIRED") == 0)
    {
      GError *error = g_error_new_literal (WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_REJECTED,
                                           _("The Instagram container expired before it was published (after 24 hours). Publish again: Warta makes a new one."));
      warta_publish_error_set_platform (error, status_code, _warta_json_get_string (answer, "status"));
      g_task_return_error (task, error);
      return;
    }
  /* Asked again as often as after a 5xx: still no status. */
  if (status_code == NULL)
    {
      g_task_return_error (task, unexpected_answer ());
      return;
    }
  /* IN_PROGRESS */
  if ((g_get_monotonic_time () - d->started) / 1000 > d->self->poll_give_up)
    {
      g_autofree char *message = warta_publish_error_format_retry (_("Instagram is still processing the media."), 0);

      g_task_return_error (task, warta_publish_error_new_literal_full (WARTA_PUBLISH_ERROR_RETRYABLE, 0,
                                                                      message));
      return;
    }
  d->step = STEP_STATUS;
  op_later (g_steal_pointer (&task), d->self->poll_interval);
}

static void
op_cb (GObject      *object,
       GAsyncResult *result,
       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  OpData *d = g_task_get_task_data (task);
  g_autoptr(JsonNode) node = NULL;
  GError *error = NULL;
  JsonObject *answer;

  if (d->step == STEP_PUBLISH)
    node = warta_http_client_send_json_finish (WARTA_HTTP_CLIENT (object), result, &error);
  else
    node = warta_http_client_request_json_finish (WARTA_HTTP_CLIENT (object), result, NULL, &error);

  if (node == NULL)
    {
      refine_error (error);
      /* media_publish: not ready yet (9007), or an unknown outcome (no
       * answer, a 5xx, a 2xx that is not JSON): read the container's
       * status again before anything else. */
      if (d->step == STEP_PUBLISH && ++d->publish_attempts < 5 &&
          !g_cancellable_is_cancelled (g_task_get_cancellable (task)) &&
          (subcode_is (error, "2207027") ||
           g_error_matches (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_RETRYABLE) ||
           g_error_matches (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_PROTOCOL)))
        {
          g_debug ("media_publish: %s; reading the container again", error->message);
          g_error_free (error);
          d->step = STEP_STATUS;
          op_later (g_steal_pointer (&task), MIN (d->self->poll_interval, 2000));
          return;
        }
      g_task_return_error (task, error);
      return;
    }
  answer = _warta_json_as_object (node);

  switch (d->step)
    {
    case STEP_LIMIT:
      {
        JsonNode *data = answer ? json_object_get_member (answer, "data") : NULL;
        JsonObject *first = data && JSON_NODE_HOLDS_ARRAY (data) &&
                            json_array_get_length (json_node_get_array (data)) > 0
                            ? _warta_json_as_object (json_array_get_element (json_node_get_array (data), 0))
                            : NULL;
        JsonObject *config = first && json_object_has_member (first, "config")
                             ? _warta_json_as_object (json_object_get_member (first, "config")) : NULL;
        gint64 usage = _warta_json_get_int (first, "quota_usage", -1);
        gint64 total = _warta_json_get_int (config, "quota_total", -1);

        if (usage < 0 || total < 0)
          {
            g_task_return_error (task, unexpected_answer ());
            return;
          }
        if (usage >= total)
          {
            gint64 at = g_get_real_time () + (gint64) 3600 * G_USEC_PER_SEC;
            g_autofree char *reason = g_strdup_printf (_("This Instagram account has published %d of the %d posts Instagram allows in 24 hours."),
                                                       (int) usage, (int) total);
            g_autofree char *message = warta_publish_error_format_retry (reason, at);
            GError *limit = warta_publish_error_new_literal_full (WARTA_PUBLISH_ERROR_RATE_LIMITED,
                                                                  at, message);
            warta_publish_error_set_platform (limit, "9/2207042", NULL);
            g_task_return_error (task, limit);
            return;
          }
        g_task_return_int (task, (gssize) (total - usage));
      }
      return;

    case STEP_CREATE:
    case STEP_CAROUSEL:
      if (_warta_json_get_string (answer, "id") == NULL)
        {
          g_task_return_error (task, unexpected_answer ());
          return;
        }
      return_result (task, _warta_json_get_string (answer, "id"), NULL, FALSE);
      return;

    case STEP_STATUS:
      op_status (g_steal_pointer (&task), answer);
      return;

    case STEP_PUBLISH:
      if (_warta_json_get_string (answer, "id") == NULL)
        {
          /* Published or not, the container says; never blindly again. */
          if (++d->publish_attempts < 5)
            {
              d->step = STEP_STATUS;
              op_later (g_steal_pointer (&task), MIN (d->self->poll_interval, 2000));
              return;
            }
          g_task_return_error (task, unexpected_answer ());
          return;
        }
      d->media_id = g_strdup (_warta_json_get_string (answer, "id"));
      d->step = STEP_PERMALINK;
      op_run (g_steal_pointer (&task));
      return;

    case STEP_PERMALINK:
      return_result (task, d->media_id, _warta_json_get_string (answer, "permalink"), FALSE);
      return;

    case STEP_FIND:
    default:
      {
        JsonNode *data = answer ? json_object_get_member (answer, "data") : NULL;

        for (guint i = 0; data && JSON_NODE_HOLDS_ARRAY (data) &&
                          i < json_array_get_length (json_node_get_array (data)); i++)
          {
            JsonObject *media = _warta_json_as_object (json_array_get_element (json_node_get_array (data), i));

            if (_warta_json_get_string (media, "id") && g_strcmp0 (_warta_json_get_string (media, "caption"), d->caption) == 0)
              {
                return_result (task, _warta_json_get_string (media, "id"), _warta_json_get_string (media, "permalink"), TRUE);
                return;
              }
          }
        /* Published, but not among the recent posts: do not publish again. */
        {
          WartaRemoteResult *res = warta_remote_result_new (d->container_id, NULL);

          res->reused = TRUE;
          res->warning = g_strdup (_("Instagram says this post was published, but Warta cannot find it among the account’s recent posts. Check the account on Instagram and record the post’s address by hand."));
          g_task_return_pointer (task, res, (GDestroyNotify) warta_remote_result_free);
        }
      }
      return;
    }
}

/* What op_cb reads in the answer of a step that makes nothing public: a
 * new container's id, or a container's status_code. */
static gboolean
step_answer_check (SoupMessage *msg,
                   JsonNode    *answer,
                   gpointer     user_data)
{
  OpData *d = user_data;
  const char *member = d->step == STEP_STATUS ? "status_code" : "id";

  return _warta_json_get_string (_warta_json_as_object (answer), member) != NULL;
}

static void
op_run (GTask *task)
{
  OpData *d = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);

  if (d->step == STEP_PUBLISH)
    {
      GError *error = NULL;
      SoupMessage *msg = op_message (1, d, &error);

      /* Never retried blindly: a failure reads the status first. */
      if (msg == NULL)
        {
          g_task_return_error (task, error);
          g_object_unref (task);
          return;
        }
      warta_http_client_send_json_async (d->self->client, msg, SERVICE, parse_error, cancellable,
                                         op_cb, task);
      g_object_unref (msg);
      return;
    }
  /* Container creation (a repeated one only leaves an unused container,
   * nothing public) and the container's status are asked again also
   * after an answer they cannot read. */
  if (d->step == STEP_CREATE || d->step == STEP_CAROUSEL || d->step == STEP_STATUS)
    {
      warta_http_client_request_step_async (d->self->client, SERVICE, op_message, d, NULL,
                                            parse_error, step_answer_check, cancellable,
                                            op_cb, task);
      return;
    }
  /* Reads are retried by the client's policy. */
  warta_http_client_request_json_async (d->self->client, SERVICE, op_message, d, NULL,
                                        parse_error, cancellable, op_cb, task);
}

static GTask *
op_new (WartaInstagram      *self,
        Op                   op,
        Step                 step,
        gpointer             source_tag,
        GCancellable        *cancellable,
        GAsyncReadyCallback  callback,
        gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  OpData *d = g_new0 (OpData, 1);

  g_task_set_source_tag (task, source_tag);
  g_task_set_check_cancellable (task, FALSE);
  d->self = g_object_ref (self);
  d->op = op;
  d->step = step;
  d->started = g_get_monotonic_time ();
  g_task_set_task_data (task, d, op_data_free);
  return task;
}

static gboolean
op_start (GTask *task)
{
  OpData *d = g_task_get_task_data (task);
  GError *error = NULL;

  if (!check_configured (d->self, &error))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return FALSE;
    }
  op_run (task);
  return TRUE;
}

void
warta_instagram_check_limit_async (WartaInstagram      *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (WARTA_IS_INSTAGRAM (self));

  op_start (op_new (self, OP_LIMIT, STEP_LIMIT, warta_instagram_check_limit_async, cancellable,
                    callback, user_data));
}

gint
warta_instagram_check_limit_finish (WartaInstagram  *self,
                                    GAsyncResult    *result,
                                    GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), -1);
  return (gint) g_task_propagate_int (G_TASK (result), error);
}

static gboolean
is_web_address (const char *url)
{
  g_autoptr(GUri) uri = url ? g_uri_parse (url, G_URI_FLAGS_NONE, NULL) : NULL;

  return uri && g_uri_get_host (uri) && *g_uri_get_host (uri) &&
         (g_str_equal (g_uri_get_scheme (uri), "https") || g_str_equal (g_uri_get_scheme (uri), "http"));
}

/* An image or a video container: @video says which @url is. */
static void
create_container (WartaInstagram      *self,
                  gpointer             source_tag,
                  const char          *url,
                  gboolean             video,
                  const char          *caption,
                  const char          *alt_text,
                  gboolean             carousel_item,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  GTask *task;
  OpData *d;

  g_return_if_fail (WARTA_IS_INSTAGRAM (self));

  task = op_new (self, OP_CREATE, STEP_CREATE, source_tag, cancellable, callback, user_data);
  d = g_task_get_task_data (task);
  if (video)
    d->video_url = g_strdup (url);
  else
    d->image_url = g_strdup (url);
  d->caption = g_strdup (caption);
  d->alt_text = g_strdup (alt_text);
  d->carousel_item = carousel_item;
  if (!is_web_address (url))
    {
      g_task_return_new_error (task, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_NOT_CONFIGURED,
                               "%s", warta_publish_check_no_host_message ("instagram", video));
      g_object_unref (task);
      return;
    }
  op_start (task);
}

/* The result of a task that makes nothing public (a container made, its
 * status asked): an answer it could not read is tried again later. */
static WartaRemoteResult *
propagate_nothing_public (GAsyncResult  *result,
                          GError       **error)
{
  GError *local = NULL;
  WartaRemoteResult *res = g_task_propagate_pointer (G_TASK (result), &local);

  if (local != NULL)
    g_propagate_error (error, warta_publish_error_retry_unread (SERVICE, local));
  return res;
}

void
warta_instagram_create_container_async (WartaInstagram      *self,
                                        const char          *image_url,
                                        const char          *caption,
                                        const char          *alt_text,
                                        gboolean             carousel_item,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  create_container (self, warta_instagram_create_container_async, image_url, FALSE, caption,
                    alt_text, carousel_item, cancellable, callback, user_data);
}

void
warta_instagram_create_video_container_async (WartaInstagram      *self,
                                              const char          *video_url,
                                              const char          *caption,
                                              gboolean             carousel_item,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data)
{
  create_container (self, warta_instagram_create_container_async, video_url, TRUE, caption,
                    NULL, carousel_item, cancellable, callback, user_data);
}

WartaRemoteResult *
warta_instagram_create_container_finish (WartaInstagram  *self,
                                         GAsyncResult    *result,
                                         GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return propagate_nothing_public (result, error);
}

void
warta_instagram_create_carousel_async (WartaInstagram      *self,
                                       const char * const  *children,
                                       const char          *caption,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  GTask *task;
  OpData *d;
  guint n = children ? g_strv_length ((char **) children) : 0;

  g_return_if_fail (WARTA_IS_INSTAGRAM (self));

  task = op_new (self, OP_CREATE, STEP_CAROUSEL, warta_instagram_create_carousel_async,
                 cancellable, callback, user_data);
  d = g_task_get_task_data (task);
  d->children = g_strdupv ((char **) children);
  d->caption = g_strdup (caption);
  if (n < 2 || n > 10)
    {
      g_task_return_new_error (task, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_REJECTED,
                               _("An Instagram carousel has 2 to 10 images, not %u. Choose fewer or more images."),
                               n);
      g_object_unref (task);
      return;
    }
  op_start (task);
}

WartaRemoteResult *
warta_instagram_create_carousel_finish (WartaInstagram  *self,
                                        GAsyncResult    *result,
                                        GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return propagate_nothing_public (result, error);
}

void
warta_instagram_wait_container_async (WartaInstagram      *self,
                                      const char          *container_id,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (WARTA_IS_INSTAGRAM (self));
  g_return_if_fail (container_id != NULL);

  task = op_new (self, OP_WAIT, STEP_STATUS, warta_instagram_wait_container_async, cancellable,
                 callback, user_data);
  ((OpData *) g_task_get_task_data (task))->container_id = g_strdup (container_id);
  op_start (task);
}

WartaRemoteResult *
warta_instagram_wait_container_finish (WartaInstagram  *self,
                                       GAsyncResult    *result,
                                       GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return propagate_nothing_public (result, error);
}

void
warta_instagram_publish_async (WartaInstagram      *self,
                               const char          *container_id,
                               const char          *caption,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task;
  OpData *d;

  g_return_if_fail (WARTA_IS_INSTAGRAM (self));
  g_return_if_fail (container_id != NULL);

  task = op_new (self, OP_PUBLISH, STEP_STATUS, warta_instagram_publish_async, cancellable,
                 callback, user_data);
  d = g_task_get_task_data (task);
  d->container_id = g_strdup (container_id);
  d->caption = g_strdup (caption ? caption : "");
  op_start (task);
}

WartaRemoteResult *
warta_instagram_publish_finish (WartaInstagram  *self,
                                GAsyncResult    *result,
                                GError         **error)
{
  OpData *d;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  d = g_task_get_task_data (G_TASK (result));
  /* The container's status, read before media_publish and after it, is
   * read first again by the next try: tried again later as after a 5xx.
   * media_publish's own answer that could not be read stays a stop. */
  if (d->step == STEP_STATUS)
    return propagate_nothing_public (result, error);
  return g_task_propagate_pointer (G_TASK (result), error);
}
