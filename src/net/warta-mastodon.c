/* warta-mastodon.c: publishing to one Mastodon account
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "warta-mastodon"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "warta-json-private.h"
#include "warta-mastodon.h"
#include "warta-upload-private.h"

#define SERVICE "Mastodon"

/* Media goes up as multipart/form-data, which SoupMultipart builds in
 * memory: fine for images (16 MB on a default instance), acceptable for
 * videos (99 MB). Anything larger is refused before it is read. */
#define MAX_MULTIPART_BYTES (G_GUINT64_CONSTANT (200) * 1024 * 1024)

struct _WartaMastodon
{
  GObject parent_instance;

  WartaHttpClient *client;
  char *instance_url;
  char *access_token;
  char *account_id;    /* from verify_credentials, once asked */
  WartaMastodonLimits limits;  /* from the instance, once asked (max_media > 0) */
  guint poll_initial_ms;
  guint poll_max_ms;
  guint poll_give_up_ms;
};

G_DEFINE_FINAL_TYPE (WartaMastodon, warta_mastodon, G_TYPE_OBJECT)

static void
warta_mastodon_finalize (GObject *object)
{
  WartaMastodon *self = (WartaMastodon *)object;

  g_clear_object (&self->client);
  g_free (self->instance_url);
  g_free (self->account_id);
  warta_secret_clear (&self->access_token);

  G_OBJECT_CLASS (warta_mastodon_parent_class)->finalize (object);
}

static void
warta_mastodon_class_init (WartaMastodonClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = warta_mastodon_finalize;
}

static void
warta_mastodon_init (WartaMastodon *self)
{
  self->poll_initial_ms = 1000;
  self->poll_max_ms = 5000;
  self->poll_give_up_ms = 10 * 60 * 1000;
}

WartaMastodon *
warta_mastodon_new (WartaHttpClient *client,
                    const char      *instance_url,
                    const char      *access_token)
{
  WartaMastodon *self;

  g_return_val_if_fail (WARTA_IS_HTTP_CLIENT (client), NULL);

  self = g_object_new (WARTA_TYPE_MASTODON, NULL);
  self->client = g_object_ref (client);
  self->instance_url = g_strdup (instance_url);
  self->access_token = g_strdup (access_token);
  return self;
}

const char *
warta_mastodon_get_instance_url (WartaMastodon *self)
{
  g_return_val_if_fail (WARTA_IS_MASTODON (self), NULL);
  return self->instance_url;
}

void
warta_mastodon_set_poll_interval (WartaMastodon *self,
                                  guint          initial_ms,
                                  guint          max_ms,
                                  guint          give_up_ms)
{
  g_return_if_fail (WARTA_IS_MASTODON (self));

  self->poll_initial_ms = MAX (initial_ms, 1);
  self->poll_max_ms = MAX (max_ms, self->poll_initial_ms);
  self->poll_give_up_ms = give_up_ms;
}

/* An idempotency key for the job: stable across retries and restarts, and
 * different for every job (Mastodon keeps keys per account for an hour). */
char *
warta_mastodon_idempotency_key (const char *job_key)
{
  g_autofree char *token = warta_http_job_token (job_key, 32);

  return g_strconcat ("warta-", token, NULL);
}

static gboolean
check_configured (WartaMastodon  *self,
                  GError        **error)
{
  if (self->instance_url == NULL || *self->instance_url == '\0')
    {
      g_set_error_literal (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_NOT_CONFIGURED,
                           _("No Mastodon server is set for this account. Enter the server’s address in Accounts."));
      return FALSE;
    }
  if (self->access_token == NULL || *self->access_token == '\0')
    {
      g_set_error_literal (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_NOT_CONFIGURED,
                           _("This Mastodon account is not signed in. Sign in to it in Accounts."));
      return FALSE;
    }
  return TRUE;
}

static SoupMessage *
new_message (WartaMastodon  *self,
             const char     *method,
             const char     *path,
             GError        **error)
{
  g_autofree char *url = warta_http_build_url (self->instance_url, path);
  SoupMessage *msg;

  msg = soup_message_new (method, url);
  if (msg == NULL)
    {
      g_set_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_NOT_CONFIGURED,
                   _("“%s” is not a valid Mastodon server address. Correct it in Accounts."),
                   self->instance_url);
      return NULL;
    }
  warta_http_set_bearer (msg, self->access_token);
  return msg;
}

static const char *
get_string_member (JsonNode   *node,
                   const char *name)
{
  JsonObject *object;
  JsonNode *member;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  object = json_node_get_object (node);
  member = json_object_get_member (object, name);
  if (member == NULL || !JSON_NODE_HOLDS_VALUE (member) ||
      json_node_get_value_type (member) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (member);
}

/* {"error": "…"} on every failure (docs: entities/Error). */
static void
parse_error (guint               status,
             JsonNode           *body,
             WartaPublishError  *code,
             char              **platform_code,
             char              **platform_message)
{
  const char *message = get_string_member (body, "error");

  *platform_message = g_strdup (message);
  /* Attaching media that is still processing: it will be ready soon. */
  if (status == 422 && message && strstr (message, "not finished processing"))
    *code = WARTA_PUBLISH_ERROR_RETRYABLE;
}

static void
parse_media_error (guint               status,
                   JsonNode           *body,
                   WartaPublishError  *code,
                   char              **platform_code,
                   char              **platform_message)
{
  parse_error (status, body, code, platform_code, platform_message);
  /* 422 "Validation failed: File content type is invalid" and the like. */
  if (status == 422 || status == 400)
    *code = WARTA_PUBLISH_ERROR_INVALID_MEDIA;
}

static GError *
unexpected_answer (void)
{
  return g_error_new (WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_PROTOCOL,
                      _("%s sent an answer Warta does not understand. Check the server’s address in Accounts."),
                      SERVICE);
}

/* upload_media ---------------------------------------------------------- */

typedef struct
{
  WartaUpload *upload;
  char *description;
  GBytes *content;
  SoupMessage *msg;
  guint attempt;
} UploadData;

static void
upload_data_free (gpointer data)
{
  UploadData *d = data;

  g_clear_object (&d->upload);
  g_free (d->description);
  g_clear_pointer (&d->content, g_bytes_unref);
  g_clear_object (&d->msg);
  g_free (d);
}

static void
upload_fail (GTask  *task,
             GError *error)
{
  UploadData *d = g_task_get_task_data (task);

  /* A file uploaded makes nothing public: tried again later. */
  error = warta_publish_error_retry_unread (SERVICE, error);
  _warta_upload_set_error (d->upload, error);
  _warta_upload_set_state (d->upload,
                           g_error_matches (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_CANCELLED)
                           ? WARTA_UPLOAD_STATE_CANCELLED : WARTA_UPLOAD_STATE_FAILED);
  g_task_return_error (task, error);
}

static void upload_attempt (GTask *task);

static void
upload_wait_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!warta_http_client_wait_finish (WARTA_HTTP_CLIENT (object), result, &error))
    {
      upload_fail (task, error);
      return;
    }
  upload_attempt (g_steal_pointer (&task));
}

static void
upload_sent_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  WartaMastodon *self = g_task_get_source_object (task);
  UploadData *d = g_task_get_task_data (task);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  WartaRemoteResult *res;
  const char *id;
  const char *url;
  gint64 delay;

  node = warta_http_client_send_json_finish (WARTA_HTTP_CLIENT (object), result, &error);
  id = node ? get_string_member (node, "id") : NULL;
  url = node ? get_string_member (node, "url") : NULL;
  if (id == NULL)
    {
      gboolean unreadable = error == NULL;

      if (unreadable)
        error = unexpected_answer ();
      delay = warta_http_client_next_step_delay (self->client, d->attempt, error, unreadable);
      if (delay < 0)
        {
          upload_fail (task, g_steal_pointer (&error));
          return;
        }
      /* A repeated media upload at worst leaves an unattached file, which
       * the instance removes on its own; nothing public. */
      _warta_upload_set_error (d->upload, error);
      _warta_upload_set_state (d->upload, WARTA_UPLOAD_STATE_WAITING);
      {
        GCancellable *cancellable = g_task_get_cancellable (task);

        warta_http_client_wait_async (self->client, (guint) delay, cancellable,
                                      upload_wait_cb, g_steal_pointer (&task));
      }
      return;
    }

  _warta_upload_set_remote (d->upload, id, url);
  _warta_upload_set_bytes_sent (d->upload, warta_upload_get_total_bytes (d->upload));
  /* 200: processed; 202: the URL comes later. */
  _warta_upload_set_state (d->upload, url ? WARTA_UPLOAD_STATE_DONE
                                          : WARTA_UPLOAD_STATE_PROCESSING);
  res = warta_remote_result_new (id, url);
  g_task_return_pointer (task, res, (GDestroyNotify) warta_remote_result_free);
}

static void
upload_attempt (GTask *task_in)
{
  g_autoptr(GTask) task = task_in;
  WartaMastodon *self = g_task_get_source_object (task);
  UploadData *d = g_task_get_task_data (task);
  g_autoptr(SoupMultipart) multipart = NULL;
  g_autofree char *url = NULL;
  GError *error = NULL;

  d->attempt++;
  multipart = soup_multipart_new (SOUP_FORM_MIME_TYPE_MULTIPART);
  soup_multipart_append_form_file (multipart, "file", warta_upload_get_filename (d->upload),
                                   warta_upload_get_content_type (d->upload), d->content);
  if (d->description && *d->description)
    soup_multipart_append_form_string (multipart, "description", d->description);

  url = warta_http_build_url (self->instance_url, "/api/v2/media");
  g_clear_object (&d->msg);
  d->msg = soup_message_new_from_multipart (url, multipart);
  if (d->msg == NULL)
    {
      g_set_error (&error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_NOT_CONFIGURED,
                   _("“%s” is not a valid Mastodon server address. Correct it in Accounts."),
                   self->instance_url);
      upload_fail (task, error);
      return;
    }
  warta_http_set_bearer (d->msg, self->access_token);
  warta_http_track_upload_progress (d->msg, d->upload);

  _warta_upload_set_state (d->upload, WARTA_UPLOAD_STATE_SENDING);
  {
    GCancellable *cancellable = g_task_get_cancellable (task);

    warta_http_client_send_json_async (self->client, d->msg, SERVICE, parse_media_error,
                                       cancellable,
                                       upload_sent_cb, g_steal_pointer (&task));
  }
}

static void
upload_read_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  UploadData *d = g_task_get_task_data (task);
  GOutputStream *out = G_OUTPUT_STREAM (object);
  g_autoptr(GError) error = NULL;

  if (g_output_stream_splice_finish (out, result, &error) < 0)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        upload_fail (task, warta_publish_error_new_from_transport (SERVICE, error));
      else
        upload_fail (task, g_error_new (WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_FAILED,
                                        _("“%s” cannot be read: %s. Check that the file still exists, or choose it again."),
                                        warta_upload_get_filename (d->upload), error->message));
      return;
    }

  d->content = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
  upload_attempt (g_steal_pointer (&task));
}

void
warta_mastodon_upload_media_async (WartaMastodon       *self,
                                   WartaUpload         *upload,
                                   const char          *description,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GInputStream) in = NULL;
  g_autoptr(GOutputStream) out = NULL;
  UploadData *d;
  GError *error = NULL;

  g_return_if_fail (WARTA_IS_MASTODON (self));
  g_return_if_fail (WARTA_IS_UPLOAD (upload));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, warta_mastodon_upload_media_async);
  g_task_set_check_cancellable (task, FALSE);
  d = g_new0 (UploadData, 1);
  d->upload = g_object_ref (upload);
  d->description = g_strdup (description);
  g_task_set_task_data (task, d, upload_data_free);

  _warta_upload_set_state (upload, WARTA_UPLOAD_STATE_PENDING);
  if (!check_configured (self, &error))
    {
      upload_fail (task, error);
      return;
    }

  if (warta_upload_get_total_bytes (upload) > MAX_MULTIPART_BYTES)
    {
      g_autofree char *size = g_format_size (MAX_MULTIPART_BYTES);

      upload_fail (task, g_error_new (WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_INVALID_MEDIA,
                                      _("“%s” is larger than Warta sends to Mastodon (%s). Choose a smaller rendition."),
                                      warta_upload_get_filename (upload), size));
      return;
    }

  in = warta_upload_open (upload, cancellable, &error);
  if (in == NULL)
    {
      GError *wrapped = g_error_new (WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_FAILED,
                                     _("“%s” cannot be read: %s. Check that the file still exists, or choose it again."),
                                     warta_upload_get_filename (upload), error->message);
      g_error_free (error);
      upload_fail (task, wrapped);
      return;
    }

  out = g_memory_output_stream_new_resizable ();
  g_output_stream_splice_async (out, in,
                                G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE |
                                G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                                G_PRIORITY_DEFAULT, cancellable,
                                upload_read_cb, g_steal_pointer (&task));
}

WartaRemoteResult *
warta_mastodon_upload_media_finish (WartaMastodon  *self,
                                    GAsyncResult   *result,
                                    GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* wait_for_media -------------------------------------------------------- */

typedef struct
{
  char *media_id;
  WartaUpload *upload;
  gint64 started;
  guint interval;
  guint failures;
} PollData;

static void
poll_data_free (gpointer data)
{
  PollData *d = data;

  g_free (d->media_id);
  g_clear_object (&d->upload);
  g_free (d);
}

static void
poll_fail (GTask  *task,
           GError *error)
{
  PollData *d = g_task_get_task_data (task);

  /* Asking whether a file is processed makes nothing public. */
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

static void poll_once (GTask *task);

static void
poll_wait_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!warta_http_client_wait_finish (WARTA_HTTP_CLIENT (object), result, &error))
    {
      poll_fail (task, error);
      return;
    }
  poll_once (g_steal_pointer (&task));
}

static void
poll_again (GTask *task_in,
            guint  delay_ms)
{
  g_autoptr(GTask) task = task_in;
  WartaMastodon *self = g_task_get_source_object (task);

  {
    GCancellable *cancellable = g_task_get_cancellable (task);

    warta_http_client_wait_async (self->client, delay_ms, cancellable,
                                  poll_wait_cb, g_steal_pointer (&task));
  }
}

static void
poll_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  WartaMastodon *self = g_task_get_source_object (task);
  PollData *d = g_task_get_task_data (task);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  const char *url;
  guint status = 0;
  guint delay;

  node = warta_http_client_request_json_finish (WARTA_HTTP_CLIENT (object), result, &status,
                                                &error);
  if (node == NULL)
    {
      /* A 422 here, the server could not process the file, is an invalid
       * media error (parse_media_error). */
      poll_fail (task, g_steal_pointer (&error));
      return;
    }

  url = get_string_member (node, "url");
  if (status == SOUP_STATUS_OK && url != NULL)
    {
      if (d->upload)
        {
          _warta_upload_set_remote (d->upload, d->media_id, url);
          _warta_upload_set_state (d->upload, WARTA_UPLOAD_STATE_DONE);
        }
      g_task_return_pointer (task, warta_remote_result_new (d->media_id, url),
                             (GDestroyNotify) warta_remote_result_free);
      return;
    }

  /* 206 Partial Content (or a 200 without a URL): still processing. */
  if ((g_get_monotonic_time () - d->started) / 1000 >= self->poll_give_up_ms)
    {
      g_autofree char *message = warta_publish_error_format_retry (_("Mastodon is still processing the file."), 0);

      poll_fail (task, warta_publish_error_new_literal_full (WARTA_PUBLISH_ERROR_RETRYABLE, 0, message));
      return;
    }

  delay = d->interval;
  d->interval = MIN (d->interval * 2, self->poll_max_ms);
  poll_again (g_steal_pointer (&task), delay);
}

static SoupMessage *
poll_message (guint     attempt,
              gpointer  user_data,
              GError  **error)
{
  GTask *task = user_data;
  WartaMastodon *self = g_task_get_source_object (task);
  PollData *d = g_task_get_task_data (task);
  g_autofree char *escaped = g_uri_escape_string (d->media_id, NULL, FALSE);
  g_autofree char *path = g_strconcat ("/api/v1/media/", escaped, NULL);

  return new_message (self, SOUP_METHOD_GET, path, error);
}

static void
poll_once (GTask *task)
{
  WartaMastodon *self = g_task_get_source_object (task);

  /* The GTask owns the message data; the request holds it meanwhile. */
  warta_http_client_request_json_async (self->client, SERVICE, poll_message,
                                        g_object_ref (task), g_object_unref,
                                        parse_media_error, g_task_get_cancellable (task),
                                        poll_cb, task);
}

void
warta_mastodon_wait_for_media_async (WartaMastodon       *self,
                                     const char          *media_id,
                                     WartaUpload         *upload,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  GTask *task;
  PollData *d;
  GError *error = NULL;

  g_return_if_fail (WARTA_IS_MASTODON (self));
  g_return_if_fail (media_id != NULL);
  g_return_if_fail (upload == NULL || WARTA_IS_UPLOAD (upload));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, warta_mastodon_wait_for_media_async);
  g_task_set_check_cancellable (task, FALSE);
  d = g_new0 (PollData, 1);
  d->media_id = g_strdup (media_id);
  d->upload = upload ? g_object_ref (upload) : NULL;
  d->started = g_get_monotonic_time ();
  d->interval = self->poll_initial_ms;
  g_task_set_task_data (task, d, poll_data_free);

  if (!check_configured (self, &error))
    {
      poll_fail (task, error);
      g_object_unref (task);
      return;
    }
  if (upload)
    _warta_upload_set_state (upload, WARTA_UPLOAD_STATE_PROCESSING);
  poll_once (task);
}

WartaRemoteResult *
warta_mastodon_wait_for_media_finish (WartaMastodon  *self,
                                      GAsyncResult   *result,
                                      GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* post_status ----------------------------------------------------------- */

typedef struct
{
  WartaMastodon *self;
  JsonNode *body;
  char *idempotency_key;
  gboolean resent;
} StatusData;

static void
status_data_free (gpointer data)
{
  StatusData *d = data;

  g_clear_object (&d->self);
  g_clear_pointer (&d->body, json_node_unref);
  g_free (d->idempotency_key);
  g_free (d);
}

static SoupMessage *
status_message (guint     attempt,
                gpointer  user_data,
                GError  **error)
{
  StatusData *d = user_data;
  SoupMessage *msg = new_message (d->self, SOUP_METHOD_POST, "/api/v1/statuses", error);

  if (msg == NULL)
    return NULL;
  /* The same key on every attempt: a repeat is answered with the status
   * the first attempt created, never a second post. */
  soup_message_headers_replace (soup_message_get_request_headers (msg), "Idempotency-Key",
                                d->idempotency_key);
  warta_http_set_json_body (msg, d->body);
  return msg;
}

static void status_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data);

/* The request with the task's status and key; each attempt owns a copy. */
static void
status_send (GTask *task)
{
  StatusData *t = g_task_get_task_data (task);
  StatusData *d = g_new0 (StatusData, 1);

  d->self = g_object_ref (t->self);
  d->body = json_node_ref (t->body);
  d->idempotency_key = g_strdup (t->idempotency_key);
  warta_http_client_request_json_async (t->self->client, SERVICE, status_message, d,
                                        status_data_free, parse_error,
                                        g_task_get_cancellable (task), status_cb, task);
}

static void
status_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  StatusData *d = g_task_get_task_data (task);
  g_autoptr(JsonNode) node = NULL;
  GError *error = NULL;
  const char *id;
  const char *url;

  node = warta_http_client_request_json_finish (WARTA_HTTP_CLIENT (object), result, NULL, &error);
  id = get_string_member (node, "id");
  /* A 2xx that is not a status (a proxy's page, no id): once more with
   * the same key, which gives the status it made, never a second one. */
  if (id == NULL && !d->resent && !g_cancellable_is_cancelled (g_task_get_cancellable (task)) &&
      (node != NULL || g_error_matches (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_PROTOCOL)))
    {
      g_clear_error (&error);
      d->resent = TRUE;
      status_send (g_steal_pointer (&task));
      return;
    }
  if (node == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  url = get_string_member (node, "url");
  if (url == NULL)
    url = get_string_member (node, "uri");
  if (id == NULL)
    {
      g_task_return_error (task, unexpected_answer ());
      return;
    }
  g_task_return_pointer (task, warta_remote_result_new (id, url),
                         (GDestroyNotify) warta_remote_result_free);
}

void
warta_mastodon_post_status_async (WartaMastodon       *self,
                                  const char          *text,
                                  const char * const  *media_ids,
                                  const char          *visibility,
                                  const char          *idempotency_key,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  StatusData *d;
  GError *error = NULL;

  g_return_if_fail (WARTA_IS_MASTODON (self));
  g_return_if_fail (text != NULL);
  g_return_if_fail (idempotency_key != NULL && *idempotency_key != '\0');

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, warta_mastodon_post_status_async);
  g_task_set_check_cancellable (task, FALSE);

  if (!check_configured (self, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, text);
  json_builder_set_member_name (builder, "visibility");
  json_builder_add_string_value (builder, visibility ? visibility : "public");
  json_builder_set_member_name (builder, "media_ids");
  json_builder_begin_array (builder);
  for (guint i = 0; media_ids && media_ids[i]; i++)
    json_builder_add_string_value (builder, media_ids[i]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  d = g_new0 (StatusData, 1);
  d->self = g_object_ref (self);
  d->body = json_builder_get_root (builder);
  d->idempotency_key = g_strdup (idempotency_key);
  g_task_set_task_data (task, d, status_data_free);
  status_send (g_steal_pointer (&task));
}

WartaRemoteResult *
warta_mastodon_post_status_finish (WartaMastodon  *self,
                                   GAsyncResult   *result,
                                   GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* find_status ------------------------------------------------------------ */

/* Statuses read per page, and pages at most: the post is looked for among
 * the account's recent statuses only. */
#define FIND_PAGE  40
#define FIND_PAGES 5
/* The server's clock may be behind the one that stamped @since. */
#define FIND_SKEW_US ((gint64) 5 * 60 * G_USEC_PER_SEC)

/* A status's text as Mastodon shows it: the HTML of "content" (paragraphs,
 * line breaks, links whose hidden spans keep the whole address) back to
 * text, runs of white space as one space. */
static char *
content_to_text (const char *html)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *p = html ? html : "";

  while (*p)
    {
      if (*p == '<')
        {
          const char *end = strchr (p, '>');

          if (end == NULL)
            break;
          if (g_ascii_strncasecmp (p, "<br", 3) == 0 || g_ascii_strncasecmp (p, "</p", 3) == 0)
            g_string_append_c (out, ' ');
          p = end + 1;
        }
      else if (*p == '&')
        {
          static const char *const entities[][2] = {
            { "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" }, { "&quot;", "\"" },
            { "&#39;", "'" }, { "&apos;", "'" }, { "&nbsp;", " " },
          };
          gboolean known = FALSE;

          for (gsize i = 0; i < G_N_ELEMENTS (entities) && !known; i++)
            if (g_str_has_prefix (p, entities[i][0]))
              {
                g_string_append (out, entities[i][1]);
                p += strlen (entities[i][0]);
                known = TRUE;
              }
          if (!known)
            g_string_append_c (out, *p++);
        }
      else
        g_string_append_c (out, *p++);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Both sides the same way: NFC, "@user@domain" shown as "@user", white
 * space collapsed. */
static char *
normalize_text (const char *text)
{
  static GRegex *mention, *space;
  g_autofree char *nfc = g_utf8_normalize (text ? text : "", -1, G_NORMALIZE_NFC);
  g_autofree char *short_mentions = NULL;
  g_autofree char *spaced = NULL;

  if (g_once_init_enter (&mention))
    g_once_init_leave (&mention, g_regex_new ("(@[A-Za-z0-9_]+)@[A-Za-z0-9.-]+", G_REGEX_OPTIMIZE,
                                              0, NULL));
  if (g_once_init_enter (&space))
    g_once_init_leave (&space, g_regex_new ("\\s+", G_REGEX_OPTIMIZE, 0, NULL));
  short_mentions = g_regex_replace (mention, nfc ? nfc : "", -1, 0, "\\1", 0, NULL);
  spaced = g_regex_replace_literal (space, short_mentions ? short_mentions : "", -1, 0, " ", 0,
                                    NULL);
  return g_strstrip (g_strdup (spaced ? spaced : ""));
}

typedef struct
{
  WartaMastodon *self;
  char *text;          /* normalized */
  char **media_ids;
  gint64 since;
  char *max_id;
  guint page;
  gboolean listing;    /* FALSE: verify_credentials first */
} FindData;

static void
find_data_free (gpointer data)
{
  FindData *d = data;

  g_clear_object (&d->self);
  g_free (d->text);
  g_strfreev (d->media_ids);
  g_free (d->max_id);
  g_free (d);
}

static SoupMessage *
find_message (guint     attempt,
              gpointer  user_data,
              GError  **error)
{
  FindData *d = user_data;
  g_autofree char *account = NULL;
  g_autofree char *path = NULL;

  if (!d->listing)
    return new_message (d->self, SOUP_METHOD_GET, "/api/v1/accounts/verify_credentials", error);
  account = g_uri_escape_string (d->self->account_id, NULL, FALSE);
  path = g_strdup_printf ("/api/v1/accounts/%s/statuses?limit=%d&exclude_reblogs=true%s%s",
                          account, FIND_PAGE, d->max_id ? "&max_id=" : "",
                          d->max_id ? d->max_id : "");
  return new_message (d->self, SOUP_METHOD_GET, path, error);
}

/* Ours: the same media attachments (a file is attached to one status
 * only, so they are proof enough), or without media the same text. */
static gboolean
status_matches (FindData   *d,
                JsonObject *status)
{
  JsonNode *member = json_object_get_member (status, "media_attachments");
  JsonArray *media = member && JSON_NODE_HOLDS_ARRAY (member) ? json_node_get_array (member) : NULL;
  guint n = media ? json_array_get_length (media) : 0;
  g_autofree char *text = NULL;
  g_autofree char *shown = NULL;

  if (n != g_strv_length (d->media_ids))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      const char *id = _warta_json_get_string (_warta_json_as_object (json_array_get_element (media, i)),
                                               "id");

      if (id == NULL || !g_strv_contains ((const char * const *) d->media_ids, id))
        return FALSE;
    }
  if (n > 0)
    return TRUE;
  text = content_to_text (_warta_json_get_string (status, "content"));
  shown = normalize_text (text);
  return g_str_equal (shown, d->text);
}

static void find_request (GTask *task);

static void
find_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FindData *d = g_task_get_task_data (task);
  g_autoptr(JsonNode) node = NULL;
  GError *error = NULL;
  JsonArray *statuses;
  guint n;

  node = warta_http_client_request_json_finish (WARTA_HTTP_CLIENT (object), result, NULL, &error);
  if (node == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (!d->listing)
    {
      const char *id = get_string_member (node, "id");

      if (id == NULL)
        {
          g_task_return_error (task, unexpected_answer ());
          return;
        }
      g_free (d->self->account_id);
      d->self->account_id = g_strdup (id);
      d->listing = TRUE;
      find_request (g_steal_pointer (&task));
      return;
    }

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_task_return_error (task, unexpected_answer ());
      return;
    }
  statuses = json_node_get_array (node);
  n = json_array_get_length (statuses);
  for (guint i = 0; i < n; i++)
    {
      JsonObject *status = _warta_json_as_object (json_array_get_element (statuses, i));
      const char *created = _warta_json_get_string (status, "created_at");
      g_autoptr(GDateTime) at = created ? g_date_time_new_from_iso8601 (created, NULL) : NULL;

      if (status == NULL)
        continue;
      /* Newest first: older than the request, the search is over. */
      if (at && g_date_time_to_unix (at) * G_USEC_PER_SEC < d->since - FIND_SKEW_US)
        {
          g_task_return_pointer (task, NULL, NULL);
          return;
        }
      if (status_matches (d, status) && _warta_json_get_string (status, "id"))
        {
          const char *url = _warta_json_get_string (status, "url");
          WartaRemoteResult *res;

          res = warta_remote_result_new (_warta_json_get_string (status, "id"),
                                         url ? url : _warta_json_get_string (status, "uri"));
          res->reused = TRUE;
          g_task_return_pointer (task, res, (GDestroyNotify) warta_remote_result_free);
          return;
        }
      g_free (d->max_id);
      d->max_id = g_strdup (_warta_json_get_string (status, "id"));
    }
  if (n < FIND_PAGE || ++d->page >= FIND_PAGES || d->max_id == NULL)
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }
  find_request (g_steal_pointer (&task));
}

static void
find_request (GTask *task)
{
  FindData *d = g_task_get_task_data (task);

  warta_http_client_request_json_async (d->self->client, SERVICE, find_message, d, NULL,
                                        parse_error, g_task_get_cancellable (task),
                                        find_cb, task);
}

void
warta_mastodon_find_status_async (WartaMastodon       *self,
                                  const char          *text,
                                  const char * const  *media_ids,
                                  gint64               since_us,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GTask *task;
  FindData *d;
  GError *error = NULL;

  g_return_if_fail (WARTA_IS_MASTODON (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, warta_mastodon_find_status_async);
  g_task_set_check_cancellable (task, FALSE);
  d = g_new0 (FindData, 1);
  d->self = g_object_ref (self);
  d->text = normalize_text (text);
  d->media_ids = g_strdupv ((char **) (media_ids ? media_ids : (const char * const []) { NULL }));
  d->since = since_us;
  d->listing = self->account_id != NULL;
  g_task_set_task_data (task, d, find_data_free);
  if (!check_configured (self, &error))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  find_request (task);
}

WartaRemoteResult *
warta_mastodon_find_status_finish (WartaMastodon  *self,
                                   GAsyncResult   *result,
                                   GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* who signed in ---------------------------------------------------------------- */

static SoupMessage *
verify_message (guint     attempt,
                gpointer  user_data,
                GError  **error)
{
  return new_message (user_data, SOUP_METHOD_GET, "/api/v1/accounts/verify_credentials", error);
}

static void
verify_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  WartaMastodon *self = g_task_get_source_object (task);
  g_autoptr(JsonNode) node = NULL;
  GError *error = NULL;
  const char *id;
  const char *acct;

  node = warta_http_client_request_json_finish (WARTA_HTTP_CLIENT (object), result, NULL, &error);
  if (node == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  id = get_string_member (node, "id");
  acct = get_string_member (node, "acct");
  if (id == NULL || acct == NULL || *acct == '\0')
    {
      g_task_return_error (task, unexpected_answer ());
      return;
    }
  g_free (self->account_id);
  self->account_id = g_strdup (id);
  g_task_set_task_data (task, g_strdup (acct), g_free);
  g_task_return_pointer (task, g_strdup (id), g_free);
}

void
warta_mastodon_verify_credentials_async (WartaMastodon       *self,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  GTask *task;
  GError *error = NULL;

  g_return_if_fail (WARTA_IS_MASTODON (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, warta_mastodon_verify_credentials_async);
  if (!check_configured (self, &error))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  warta_http_client_request_json_async (self->client, SERVICE, verify_message,
                                        g_object_ref (self), g_object_unref, parse_error,
                                        cancellable, verify_cb, task);
}

char *
warta_mastodon_verify_credentials_finish (WartaMastodon  *self,
                                          GAsyncResult   *result,
                                          char          **out_acct,
                                          GError        **error)
{
  char *id;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  id = g_task_propagate_pointer (G_TASK (result), error);
  if (out_acct)
    *out_acct = id ? g_strdup (g_task_get_task_data (G_TASK (result))) : NULL;
  return id;
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
 * warta_mastodon_delete_status_async:
 * @self: a #WartaMastodon
 * @status_id: the status to delete
 *
 * DELETE /api/v1/statuses/:id with delete_media=true (Mastodon ≥ 4.4
 * deletes its attachments at once instead of keeping them for a day;
 * older instances ignore it). A status that is not there any more
 * counts as deleted.
 */
void
warta_mastodon_delete_status_async (WartaMastodon       *self,
                                    const char          *status_id,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;
  GError *error = NULL;

  g_return_if_fail (WARTA_IS_MASTODON (self));
  g_return_if_fail (status_id != NULL);

  if (!check_configured (self, &error))
    {
      g_task_report_error (self, callback, user_data, warta_mastodon_delete_status_async, error);
      return;
    }
  escaped = g_uri_escape_string (status_id, NULL, TRUE);
  path = g_strdup_printf ("/api/v1/statuses/%s?delete_media=true", escaped);
  warta_http_client_delete_async (self->client, SERVICE, path_message, self, path, parse_error,
                                  cancellable, callback, user_data);
}

gboolean
warta_mastodon_delete_status_finish (WartaMastodon  *self,
                                     GAsyncResult   *result,
                                     GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* editing ---------------------------------------------------------------------- */

/**
 * warta_mastodon_edit_status_async:
 * @self: a #WartaMastodon
 * @status_id: the status to change
 * @text: its new text
 * @media_ids: (nullable): the attachments it keeps (an edit without them
 *   drops them)
 *
 * PUT /api/v1/statuses/:id (Mastodon ≥ 3.5), answered with the Status. A
 * status that is not there any more is WARTA_PUBLISH_ERROR_GONE.
 */
void
warta_mastodon_edit_status_async (WartaMastodon       *self,
                                  const char          *status_id,
                                  const char          *text,
                                  const char * const  *media_ids,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;
  GError *error = NULL;

  g_return_if_fail (WARTA_IS_MASTODON (self));
  g_return_if_fail (status_id != NULL && text != NULL);

  if (!check_configured (self, &error))
    {
      g_task_report_error (self, callback, user_data, warta_mastodon_edit_status_async, error);
      return;
    }
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, text);
  json_builder_set_member_name (builder, "media_ids");
  json_builder_begin_array (builder);
  for (guint i = 0; media_ids && media_ids[i]; i++)
    json_builder_add_string_value (builder, media_ids[i]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);
  escaped = g_uri_escape_string (status_id, NULL, TRUE);
  path = g_strdup_printf ("/api/v1/statuses/%s", escaped);
  warta_http_client_edit_async (self->client, SERVICE, path_message, self, SOUP_METHOD_PUT, path,
                                body, parse_error, cancellable, callback, user_data);
}

gboolean
warta_mastodon_edit_status_finish (WartaMastodon  *self,
                                   GAsyncResult   *result,
                                   GError        **error)
{
  g_autoptr(JsonNode) node = NULL;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  node = g_task_propagate_pointer (G_TASK (result), error);
  if (node == NULL)
    return FALSE;
  if (get_string_member (node, "id") == NULL)
    {
      g_propagate_error (error, unexpected_answer ());
      return FALSE;
    }
  return TRUE;
}

/* instance limits -------------------------------------------------------------- */

/* Mastodon's own number when the instance does not say (§6.4). */
#define DEFAULT_MAX_MEDIA 4
/* What warta_mastodon_ask_limits_async() returns besides TRUE (changed)
 * and FALSE (as kept). */
#define LIMITS_NOT_SAID 2

static SoupMessage *
instance_message (guint     attempt,
                  gpointer  user_data,
                  GError  **error)
{
  return new_message (user_data, SOUP_METHOD_GET, "/api/v2/instance", error);
}

/* Before Mastodon 4.0, and on forks that never had v2. */
static SoupMessage *
instance_v1_message (guint     attempt,
                     gpointer  user_data,
                     GError  **error)
{
  return new_message (user_data, SOUP_METHOD_GET, "/api/v1/instance", error);
}

/* A positive number of @object's @member, else 0. */
static guint64
positive (JsonObject *object,
          const char *member)
{
  gint64 value = _warta_json_get_int (object, member, 0);

  return value > 0 ? (guint64) value : 0;
}

/* The limits in @node, the answer of /api/v2/instance or (@v1)
 * /api/v1/instance: the same configuration in both since Mastodon 3.4;
 * older instances and forks (Pleroma, Glitch) say the status length as a
 * top-level max_toot_chars. A v1 instance that says none (before 3.4)
 * takes the defaults, @l->known FALSE, as one without either answer.
 * FALSE for an answer that is no instance's. */
static gboolean
read_limits (JsonNode             *node,
             gboolean              v1,
             WartaMastodonLimits  *l)
{
  JsonObject *root = _warta_json_as_object (node);
  JsonObject *configuration = _warta_json_get_object (root, "configuration");
  guint64 max_toot_chars = positive (root, "max_toot_chars");
  JsonObject *statuses, *media;

  /* A proxy's page or a changed answer says no limits: not an instance
   * that takes any length and any file, whose zeros would replace the
   * limits kept. */
  if (configuration == NULL && max_toot_chars == 0)
    {
      if (!v1 || _warta_json_get_string (root, "uri") == NULL)
        return FALSE;
      *l = (WartaMastodonLimits) { .known = FALSE, .max_media = DEFAULT_MAX_MEDIA };
      return TRUE;
    }
  statuses = _warta_json_get_object (configuration, "statuses");
  media = _warta_json_get_object (configuration, "media_attachments");
  l->known = TRUE;
  l->max_characters = (guint) MIN (positive (statuses, "max_characters"), G_MAXUINT);
  if (l->max_characters == 0)
    l->max_characters = (guint) MIN (max_toot_chars, G_MAXUINT);
  l->url_length = (guint) MIN (positive (statuses, "characters_reserved_per_url"), G_MAXUINT);
  l->max_media = (guint) MIN (positive (statuses, "max_media_attachments"), G_MAXUINT);
  if (l->max_media == 0)
    l->max_media = DEFAULT_MAX_MEDIA;
  l->image_size_limit = positive (media, "image_size_limit");
  l->video_size_limit = positive (media, "video_size_limit");
  l->description_limit = (guint) MIN (positive (media, "description_limit"), G_MAXUINT);
  return TRUE;
}

/* The answer of /api/v2/instance or, the task's data TRUE, of
 * /api/v1/instance. */
static void
instance_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  WartaMastodon *self = g_task_get_source_object (task);
  gboolean v1 = GPOINTER_TO_INT (g_task_get_task_data (task));
  g_autoptr(JsonNode) node = NULL;
  GError *error = NULL;

  node = warta_http_client_request_json_finish (WARTA_HTTP_CLIENT (object), result, NULL, &error);
  if (node == NULL && warta_publish_error_get_http_status (error) == SOUP_STATUS_NOT_FOUND)
    {
      g_debug ("%s has no /api/v%d/instance (%s)", self->instance_url, v1 ? 1 : 2,
               error->message);
      g_clear_error (&error);
      /* Before Mastodon 4.0 there was no v2: v1 says the same. Only a
       * 404: an instance that does not answer now is not asked twice. */
      if (!v1)
        {
          GCancellable *cancellable = g_task_get_cancellable (task);

          g_task_set_task_data (task, GINT_TO_POINTER (TRUE), NULL);
          warta_http_client_request_json_async (self->client, SERVICE, instance_v1_message,
                                                g_object_ref (self), g_object_unref, parse_error,
                                                cancellable, instance_cb, g_steal_pointer (&task));
          return;
        }
      /* Neither: the defaults. */
      self->limits = (WartaMastodonLimits) { .known = FALSE, .max_media = DEFAULT_MAX_MEDIA };
      g_task_return_boolean (task, TRUE);
      return;
    }
  if (node == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (!read_limits (node, v1, &self->limits))
    {
      g_task_return_error (task, unexpected_answer ());
      return;
    }
  g_task_return_boolean (task, TRUE);
}

void
warta_mastodon_get_limits_async (WartaMastodon       *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  GTask *task;
  GError *error = NULL;

  g_return_if_fail (WARTA_IS_MASTODON (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, warta_mastodon_get_limits_async);
  if (self->limits.max_media > 0)
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }
  if (!check_configured (self, &error))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  warta_http_client_request_json_async (self->client, SERVICE, instance_message,
                                        g_object_ref (self), g_object_unref, parse_error,
                                        cancellable, instance_cb, task);
}

gboolean
warta_mastodon_get_limits_finish (WartaMastodon        *self,
                                  GAsyncResult         *result,
                                  WartaMastodonLimits  *out_limits,
                                  GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  if (out_limits)
    *out_limits = self->limits;
  return TRUE;
}

/* The settings' members of the limits, in the order of the struct. */
static const char *const limit_keys[] = {
  "max-characters", "characters-per-url", "max-media", "image-size-limit", "video-size-limit",
  "description-limit",
};

/* @limits' numbers as strings, in the order of limit_keys; NULL where 0. */
static void
limit_values (const WartaMastodonLimits *limits,
              char                      *values[G_N_ELEMENTS (limit_keys)])
{
  guint64 numbers[G_N_ELEMENTS (limit_keys)] = {
    limits->max_characters, limits->url_length, limits->max_media, limits->image_size_limit,
    limits->video_size_limit, limits->description_limit,
  };

  for (guint i = 0; i < G_N_ELEMENTS (limit_keys); i++)
    values[i] = numbers[i] > 0 ? g_strdup_printf ("%" G_GUINT64_FORMAT, numbers[i]) : NULL;
}

void
warta_mastodon_limits_store (const WartaMastodonLimits *limits,
                             WartaAccount              *account)
{
  char *values[G_N_ELEMENTS (limit_keys)];

  g_return_if_fail (limits != NULL && limits->known);
  g_return_if_fail (WARTA_IS_ACCOUNT (account));

  limit_values (limits, values);
  for (guint i = 0; i < G_N_ELEMENTS (limit_keys); i++)
    {
      warta_account_set_setting (account, limit_keys[i], values[i]);
      g_free (values[i]);
    }
}

char *
warta_mastodon_limits_to_json (const WartaMastodonLimits *limits)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  char *values[G_N_ELEMENTS (limit_keys)];

  g_return_val_if_fail (limits != NULL && limits->known, NULL);

  limit_values (limits, values);
  json_builder_begin_object (builder);
  for (guint i = 0; i < G_N_ELEMENTS (limit_keys); i++)
    {
      json_builder_set_member_name (builder, limit_keys[i]);
      if (values[i] != NULL)
        json_builder_add_string_value (builder, values[i]);
      else
        json_builder_add_null_value (builder);
      g_free (values[i]);
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

gboolean
warta_mastodon_limits_load (WartaAccount        *account,
                            WartaMastodonLimits *out_limits)
{
  guint64 values[G_N_ELEMENTS (limit_keys)] = { 0 };
  gboolean any = FALSE;

  g_return_val_if_fail (WARTA_IS_ACCOUNT (account), FALSE);
  g_return_val_if_fail (out_limits != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (limit_keys); i++)
    {
      g_autofree char *value = warta_account_dup_setting (account, limit_keys[i]);

      if (value != NULL)
        {
          values[i] = g_ascii_strtoull (value, NULL, 10);
          any = TRUE;
        }
    }
  *out_limits = (WartaMastodonLimits) {
    .known = any,
    .max_characters = (guint) MIN (values[0], G_MAXUINT),
    .url_length = (guint) MIN (values[1], G_MAXUINT),
    .max_media = (guint) MIN (values[2], G_MAXUINT),
    .image_size_limit = values[3],
    .video_size_limit = values[4],
    .description_limit = (guint) MIN (values[5], G_MAXUINT),
  };
  return any;
}

gboolean
warta_mastodon_limits_keep (const WartaMastodonLimits *limits,
                            WartaAccount              *account,
                            WartaAccountRepository    *repository,
                            gboolean                  *out_had_kept)
{
  WartaMastodonLimits kept;
  g_autofree char *json = NULL;
  g_autofree char *kept_json = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (limits != NULL, FALSE);
  g_return_val_if_fail (WARTA_IS_ACCOUNT (account), FALSE);

  if (warta_mastodon_limits_load (account, &kept))
    kept_json = warta_mastodon_limits_to_json (&kept);
  if (out_had_kept != NULL)
    *out_had_kept = kept_json != NULL;
  if (!limits->known)
    return FALSE;
  json = warta_mastodon_limits_to_json (limits);
  if (g_strcmp0 (json, kept_json) == 0)
    return FALSE;
  g_debug ("The limits of %s are now %s (were %s)", warta_account_get_base_url (account), json,
           kept_json ? kept_json : "not kept");
  warta_mastodon_limits_store (limits, account);
  if (repository != NULL &&
      !warta_account_repository_merge_settings (repository, warta_account_get_id (account), json,
                                                &error))
    g_message ("The limits of %s were not kept: %s", warta_account_get_base_url (account),
               error->message);
  return TRUE;
}

typedef struct
{
  WartaAccountStore *store;
  WartaHttpClient   *client;
  WartaAccount      *account;
} AskLimits;

static void
ask_limits_free (gpointer data)
{
  AskLimits *a = data;

  g_clear_object (&a->store);
  g_clear_object (&a->client);
  g_clear_object (&a->account);
  g_free (a);
}

static void
asked_limits_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AskLimits *a = g_task_get_task_data (task);
  WartaMastodonLimits limits = { 0 };
  GError *error = NULL;

  if (!warta_mastodon_get_limits_finish (WARTA_MASTODON (object), result, &limits, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  /* Before Mastodon 3.4 an instance says none of them: the kept ones
   * stay. */
  if (!limits.known)
    {
      g_task_return_int (task, LIMITS_NOT_SAID);
      return;
    }
  g_task_return_int (task, warta_mastodon_limits_keep (&limits, a->account,
                                                       warta_account_store_get_repository (a->store),
                                                       NULL));
}

static void
ask_limits_secret_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AskLimits *a = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  g_autofree char *token = NULL;
  g_autoptr(WartaMastodon) mastodon = NULL;
  GError *error = NULL;

  token = warta_account_store_lookup_secret_finish (WARTA_ACCOUNT_STORE (object), result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  mastodon = warta_mastodon_new (a->client, warta_account_get_base_url (a->account), token);
  warta_mastodon_get_limits_async (mastodon, cancellable, asked_limits_cb,
                                   g_steal_pointer (&task));
}

void
warta_mastodon_ask_limits_async (WartaAccountStore   *store,
                                 WartaHttpClient     *client,
                                 WartaAccount        *account,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  GTask *task;
  AskLimits *a;

  g_return_if_fail (WARTA_IS_ACCOUNT_STORE (store));
  g_return_if_fail (WARTA_IS_HTTP_CLIENT (client));
  g_return_if_fail (WARTA_IS_ACCOUNT (account));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, warta_mastodon_ask_limits_async);
  a = g_new0 (AskLimits, 1);
  a->store = g_object_ref (store);
  a->client = g_object_ref (client);
  a->account = g_object_ref (account);
  g_task_set_task_data (task, a, ask_limits_free);
  warta_account_store_lookup_secret_async (store, account, cancellable, ask_limits_secret_cb,
                                           task);
}

gboolean
warta_mastodon_ask_limits_finish (GAsyncResult  *result,
                                  gboolean      *out_changed,
                                  gboolean      *out_said,
                                  GError       **error)
{
  gssize changed;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  changed = g_task_propagate_int (G_TASK (result), error);
  if (changed < 0)
    return FALSE;
  if (out_changed != NULL)
    *out_changed = changed == TRUE;
  if (out_said != NULL)
    *out_said = changed != LIMITS_NOT_SAID;
  return TRUE;
}

/* app registration ------------------------------------------------------------ */

static void
register_app_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonNode) node = NULL;
  GError *error = NULL;
  const char *id, *secret;

  node = warta_http_client_send_json_finish (WARTA_HTTP_CLIENT (object), result, &error);
  if (node == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  id = get_string_member (node, "client_id");
  secret = get_string_member (node, "client_secret");
  if (id == NULL || secret == NULL)
    {
      g_task_return_error (task, unexpected_answer ());
      return;
    }
  g_task_set_task_data (task, g_strdup (secret), g_free);
  g_task_return_pointer (task, g_strdup (id), g_free);
}

void
warta_mastodon_register_app_async (WartaHttpClient     *client,
                                   const char          *instance_url,
                                   const char          *redirect_uri,
                                   const char          *scopes,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *base = NULL;
  g_autofree char *url = NULL;
  SoupMessage *msg;

  g_return_if_fail (WARTA_IS_HTTP_CLIENT (client));
  g_return_if_fail (instance_url != NULL && redirect_uri != NULL);

  task = g_task_new (client, cancellable, callback, user_data);
  g_task_set_source_tag (task, warta_mastodon_register_app_async);

  base = g_strdup (instance_url);
  while (g_str_has_suffix (base, "/"))
    base[strlen (base) - 1] = '\0';
  url = g_strconcat (base, "/api/v1/apps", NULL);
  msg = soup_message_new_from_encoded_form (SOUP_METHOD_POST, url,
                                            soup_form_encode ("client_name", "Warta",
                                                              "redirect_uris", redirect_uri,
                                                              "scopes", scopes,
                                                              "website", "https://github.com/wartadesk/warta",
                                                              NULL));
  if (msg == NULL)
    {
      g_task_return_new_error (task, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_NOT_CONFIGURED,
                               _("“%s” is not a web address. Write the instance’s address, for example https://mastodon.social."),
                               instance_url);
      return;
    }
  warta_http_client_send_json_async (client, msg, SERVICE, parse_error, cancellable,
                                     register_app_cb, g_steal_pointer (&task));
  g_object_unref (msg);
}

char *
warta_mastodon_register_app_finish (GAsyncResult  *result,
                                    char         **out_client_secret,
                                    GError       **error)
{
  char *id = g_task_propagate_pointer (G_TASK (result), error);

  if (id != NULL && out_client_secret != NULL)
    *out_client_secret = g_strdup (g_task_get_task_data (G_TASK (result)));
  return id;
}
