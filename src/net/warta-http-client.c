/* warta-http-client.c: the one SoupSession, JSON requests, retries, streamed uploads
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "warta-net"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <string.h>

#include <sodium.h>

#include "warta-http-client.h"
#include "warta-send-buffer-private.h"
#include "warta-upload-private.h"
#include "warta-upload-range.h"

struct _WartaHttpClient
{
  GObject parent_instance;

  SoupSession *session;
  WartaRetryPolicy policy;

  /* libsoup's connection id → its TCP connection, for sending upload
   * bodies in bigger pieces; filled from network events, in whichever
   * thread connects. */
  GMutex connections_lock;
  GHashTable *connections;
};

G_DEFINE_FINAL_TYPE (WartaHttpClient, warta_http_client, G_TYPE_OBJECT)

#define DEFAULT_TIMEOUT_S 60

void
warta_retry_policy_init_default (WartaRetryPolicy *policy)
{
  g_return_if_fail (policy != NULL);

  policy->max_attempts = 5;
  policy->initial_delay_ms = 2000;
  policy->max_delay_ms = 60 * 1000;
  policy->max_wait_ms = 5 * 60 * 1000;
  policy->jitter = 0.3;
}

/* Exponential backoff with jitter before attempt @attempts_done + 1, or
 * -1 when the attempts are used up. */
static gint64
backoff_delay (const WartaRetryPolicy *policy,
               guint                   attempts_done)
{
  double jitter = CLAMP (policy->jitter, 0.0, 1.0);
  double backoff;

  if (attempts_done >= policy->max_attempts)
    return -1;
  backoff = (double) policy->initial_delay_ms * pow (2.0, (double) MAX (attempts_done, 1) - 1);
  backoff = MIN (backoff, (double) policy->max_delay_ms);
  return (gint64) (backoff * (1.0 - jitter * g_random_double ()));
}

/* Milliseconds to wait before attempt @attempts_done + 1, or -1 when the
 * error is permanent, the attempts are used up, or the platform asks for a
 * longer wait than the policy makes in place. Exponential backoff with
 * jitter; a Retry-After or reset time is honoured (never retried earlier),
 * with a little jitter added after it so many clients do not come back at
 * the same instant. */
gint64
warta_retry_policy_next_delay (const WartaRetryPolicy *policy,
                               guint                   attempts_done,
                               const GError           *error,
                               gint64                  now_us)
{
  gint64 retry_at;

  g_return_val_if_fail (policy != NULL, -1);

  if (!warta_publish_error_is_retryable (error))
    return -1;
  if (attempts_done >= policy->max_attempts)
    return -1;

  retry_at = warta_publish_error_get_retry_at (error);
  if (retry_at > 0)
    {
      gint64 wait_ms = MAX (0, (retry_at - now_us + 999) / 1000);

      if (wait_ms > policy->max_wait_ms)
        return -1;
      return wait_ms + (gint64) (g_random_double () * CLAMP (policy->jitter, 0.0, 1.0) *
                                 policy->initial_delay_ms);
    }

  return backoff_delay (policy, attempts_done);
}

/* As after a 5xx that named no time to wait. */
gint64
warta_retry_policy_next_delay_unreadable (const WartaRetryPolicy *policy,
                                          guint                   attempts_done)
{
  g_return_val_if_fail (policy != NULL, -1);

  return backoff_delay (policy, attempts_done);
}

static void
warta_http_client_finalize (GObject *object)
{
  WartaHttpClient *self = (WartaHttpClient *)object;

  g_clear_object (&self->session);
  g_clear_pointer (&self->connections, g_hash_table_unref);
  g_mutex_clear (&self->connections_lock);

  G_OBJECT_CLASS (warta_http_client_parent_class)->finalize (object);
}

static void
warta_http_client_class_init (WartaHttpClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = warta_http_client_finalize;
}

static void
warta_http_client_init (WartaHttpClient *self)
{
  self->session = soup_session_new_with_options ("user-agent", "Warta/" PACKAGE_VERSION,
                                                 "timeout", DEFAULT_TIMEOUT_S,
                                                 "idle-timeout", 60,
                                                 NULL);
  _warta_send_buffer_install (self->session, NULL);
  warta_retry_policy_init_default (&self->policy);
  g_mutex_init (&self->connections_lock);
  self->connections = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
}

WartaHttpClient *
warta_http_client_new (void)
{
  return g_object_new (WARTA_TYPE_HTTP_CLIENT, NULL);
}

SoupSession *
warta_http_client_get_session (WartaHttpClient *self)
{
  g_return_val_if_fail (WARTA_IS_HTTP_CLIENT (self), NULL);
  return self->session;
}

const WartaRetryPolicy *
warta_http_client_get_retry_policy (WartaHttpClient *self)
{
  g_return_val_if_fail (WARTA_IS_HTTP_CLIENT (self), NULL);
  return &self->policy;
}

void
warta_http_client_set_retry_policy (WartaHttpClient        *self,
                                    const WartaRetryPolicy *policy)
{
  g_return_if_fail (WARTA_IS_HTTP_CLIENT (self));
  g_return_if_fail (policy != NULL);

  self->policy = *policy;
}

/* Seconds a read or write on the connection may block; a platform that
 * stops answering fails with a retryable timeout. */
void
warta_http_client_set_timeout (WartaHttpClient *self,
                               guint            seconds)
{
  g_return_if_fail (WARTA_IS_HTTP_CLIENT (self));

  soup_session_set_timeout (self->session, seconds);
}

/* send_json ------------------------------------------------------------- */

typedef struct
{
  SoupMessage *msg;
  char *service;
  WartaErrorParseFunc parse;
} SendData;

static void
send_data_free (gpointer data)
{
  SendData *d = data;

  g_clear_object (&d->msg);
  g_free (d->service);
  g_free (d);
}

/* The answer to @d's request: @body, or the transport @error. */
static void
send_done (GTask  *task,
           GBytes *body,
           const GError *error)
{
  SendData *d = g_task_get_task_data (task);
  g_autoptr(JsonParser) parser = NULL;
  const char *data;
  gsize len;
  guint status;

  if (body == NULL)
    {
      g_debug ("%s %s: %s", soup_message_get_method (d->msg),
               g_uri_get_path (soup_message_get_uri (d->msg)), error->message);
      g_task_return_error (task, warta_publish_error_new_from_transport (d->service, error));
      return;
    }

  status = soup_message_get_status (d->msg);
  g_debug ("%s %s: %u", soup_message_get_method (d->msg),
           g_uri_get_path (soup_message_get_uri (d->msg)), status);

  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      g_task_return_error (task,
                           warta_publish_error_new_from_response (d->service, status,
                                                                  soup_message_get_response_headers (d->msg),
                                                                  body, d->parse,
                                                                  g_get_real_time ()));
      return;
    }

  data = g_bytes_get_data (body, &len);
  if (len == 0)
    {
      g_task_return_pointer (task, json_node_new (JSON_NODE_NULL), (GDestroyNotify) json_node_unref);
      return;
    }

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, (gssize) len, NULL))
    {
      /* A 2xx HTML page: a captive portal, a WAF, a wrong address. */
      g_task_return_error (task,
                           warta_publish_error_new_from_response (d->service, status,
                                                                  soup_message_get_response_headers (d->msg),
                                                                  NULL, NULL, g_get_real_time ()));
      return;
    }

  g_task_return_pointer (task, json_parser_steal_root (parser), (GDestroyNotify) json_node_unref);
}

static void
send_and_read_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;

  body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);
  send_done (task, body, error);
}

/* Upload bodies in bigger pieces ------------------------------------------
 *
 * libsoup hands the socket 8 KiB at a time. While an upload body is
 * written, the connection's WartaSendBufferStream (warta-send-buffer.c)
 * gathers those pieces into 64 KiB ones, and the socket keeps at most
 * UNSENT_LOW_WATER bytes that are not on their way yet
 * (TCP_NOTSENT_LOWAT). What is in flight still grows with the link (the
 * kernel's buffer tuning is untouched, unlike with SO_SNDBUF), but the
 * queue in front of it stays short: the bytes counted as sent are close to
 * what left the machine, a pause or cancel stops near the progress the
 * user saw, and the bytes are sent while they are still in the
 * processor's cache. Both end when the body is written.
 *
 * On loopback (bench/run upload's server, 2 cores) 64 KiB pieces with the
 * limit reached 0.86-0.88 of curl's throughput; without the limit
 * 0.79-0.86; corking the socket as well (TCP_CORK, as before the pieces
 * were gathered) made it slower, 0.49.
 *
 * libsoup does not show its connections: they are taken from the network
 * event of the message that made the connection, by connection id.
 * Connections made otherwise (through an office's proxy), and HTTP/2, are
 * left as they are.
 */

#define UNSENT_LOW_WATER (64 * 1024)

static void
network_event_cb (SoupMessage        *msg,
                  GSocketClientEvent  event,
                  GIOStream          *connection,
                  gpointer            user_data)
{
  WartaHttpClient *self = user_data;
  GHashTableIter iter;
  GSocketConnection *known;
  gint64 id;

  if (event != G_SOCKET_CLIENT_CONNECTED || !G_IS_SOCKET_CONNECTION (connection))
    return;
  id = (gint64) soup_message_get_connection_id (msg);

  g_mutex_lock (&self->connections_lock);
  /* A connection libsoup closed: forget it. */
  g_hash_table_iter_init (&iter, self->connections);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &known))
    if (g_io_stream_is_closed (G_IO_STREAM (known)) ||
        g_socket_is_closed (g_socket_connection_get_socket (known)))
      g_hash_table_iter_remove (&iter);
  g_hash_table_replace (self->connections, g_memdup2 (&id, sizeof id), g_object_ref (connection));
  g_mutex_unlock (&self->connections_lock);
}

/* @msg's TCP connection, if it is one this client saw being made. */
static GSocketConnection *
dup_connection (WartaHttpClient *self,
                SoupMessage     *msg)
{
  gint64 id = (gint64) soup_message_get_connection_id (msg);
  GSocketConnection *connection;

  if (soup_message_get_http_version (msg) == SOUP_HTTP_2_0)
    return NULL;
  g_mutex_lock (&self->connections_lock);
  connection = g_hash_table_lookup (self->connections, &id);
  if (connection)
    g_object_ref (connection);
  g_mutex_unlock (&self->connections_lock);
  if (connection && g_socket_is_closed (g_socket_connection_get_socket (connection)))
    g_clear_object (&connection);
  return connection;
}

static void
set_unsent_low_water (GSocketConnection *connection,
                      gboolean           limit)
{
#ifdef TCP_NOTSENT_LOWAT
  /* 0 is the system's default again. */
  g_socket_set_option (g_socket_connection_get_socket (connection), IPPROTO_TCP,
                       TCP_NOTSENT_LOWAT, limit ? UNSENT_LOW_WATER : 0, NULL);
#endif
}

/* In the upload's thread, as libsoup writes the body. */
static void
body_starts_cb (SoupMessage *msg,
                gpointer     user_data)
{
  g_autoptr(GSocketConnection) connection = dup_connection (user_data, msg);
  GIOStream *buffer;

  if (connection == NULL)
    return;
  set_unsent_low_water (connection, TRUE);
  buffer = _warta_send_buffer_for_connection (G_IO_STREAM (connection));
  if (buffer)
    _warta_send_buffer_gather (buffer);
}

/* Written (@body_written), or given up on: what is gathered is sent, or
 * dropped with the connection. */
static void
body_ends (WartaHttpClient *self,
           SoupMessage     *msg,
           gboolean         body_written)
{
  g_autoptr(GSocketConnection) connection = dup_connection (self, msg);
  GIOStream *buffer;

  if (connection == NULL)
    return;
  buffer = _warta_send_buffer_for_connection (G_IO_STREAM (connection));
  /* A failure to send the rest shows when the answer is read. */
  if (buffer)
    _warta_send_buffer_release (buffer, body_written, NULL, NULL);
  set_unsent_low_water (connection, FALSE);
}

static void
body_written_cb (SoupMessage *msg,
                 gpointer     user_data)
{
  body_ends (user_data, msg, TRUE);
}

/* An upload body in a worker thread ---------------------------------------
 *
 * libsoup writes a request body 8 KiB at a time. Sent asynchronously, each
 * 8 KiB costs two main-loop iterations (a read, then a write, each a GTask
 * completed in the next iteration): 262,144 iterations a gigabyte in the
 * GUI's main loop, which then is the bottleneck on a fast link. libsoup
 * (≥ 3.2) may send from any thread with its blocking API, which writes
 * the same 8 KiB pieces without any main loop; so a request with an
 * upload body is sent from a thread of its own, and its answer, progress
 * and errors come back to the caller's main context. The message's
 * signals are emitted in that thread: the only handlers on an upload
 * message are this file's and warta-upload-range.c's, which only report
 * bytes-sent (thread-safe) and reopen the upload on a restart.
 */

typedef struct
{
  SoupMessage *msg;
  GThread *thread;
} UploadThread;

static void
upload_thread_free (gpointer data)
{
  UploadThread *t = data;

  g_clear_object (&t->msg);
  g_clear_pointer (&t->thread, g_thread_unref);
  g_free (t);
}

static gpointer
upload_thread (gpointer user_data)
{
  g_autoptr(GTask) inner = user_data;
  WartaHttpClient *self = g_task_get_source_object (inner);
  UploadThread *t = g_task_get_task_data (inner);
  SoupMessage *msg = t->msg;
  GCancellable *cancellable = g_task_get_cancellable (inner);
  g_autoptr(GInputStream) in = NULL;
  g_autoptr(GOutputStream) out = NULL;
  GError *error = NULL;

  in = soup_session_send (self->session, msg, cancellable, &error);
  /* After an error the body may not be all written. */
  if (in == NULL)
    body_ends (self, msg, FALSE);
  if (in != NULL)
    {
      out = g_memory_output_stream_new_resizable ();
      if (g_output_stream_splice (out, in, G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE |
                                  G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, cancellable, &error) < 0)
        g_clear_object (&out);
    }
  if (out == NULL)
    g_task_return_error (inner, error);
  else
    g_task_return_pointer (inner,
                           g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out)),
                           (GDestroyNotify) g_bytes_unref);
  return NULL;
}

static void
upload_sent_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  UploadThread *t = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = g_task_propagate_pointer (G_TASK (result), &error);

  /* The thread has returned its answer and is ending: once it has let go
   * of everything it held, the caller may free the client and the upload. */
  if (t->thread)
    g_thread_join (g_steal_pointer (&t->thread));
  g_signal_handlers_disconnect_by_data (t->msg, g_task_get_source_object (G_TASK (result)));
  _warta_upload_flush_bytes_sent (_warta_http_get_upload (t->msg));
  send_done (task, body, error);
}

static void
send_upload_in_thread (WartaHttpClient *self,
                       GTask           *task,
                       SoupMessage     *msg,
                       GCancellable    *cancellable)
{
  g_autoptr(GTask) inner = g_task_new (self, cancellable, upload_sent_cb, g_object_ref (task));
  UploadThread *t = g_new0 (UploadThread, 1);
  GError *error = NULL;

  g_task_set_source_tag (inner, send_upload_in_thread);
  g_task_set_check_cancellable (inner, FALSE);
  t->msg = g_object_ref (msg);
  g_task_set_task_data (inner, t, upload_thread_free);
  g_signal_connect (msg, "wrote-headers", G_CALLBACK (body_starts_cb), self);
  g_signal_connect (msg, "wrote-body", G_CALLBACK (body_written_cb), self);
  /* Joined in upload_sent_cb, which runs in this thread's main context,
   * so t->thread is set before it is read. */
  t->thread = g_thread_try_new ("warta-upload", upload_thread, g_object_ref (inner), &error);
  if (t->thread == NULL)
    {
      /* Out of threads: a transport failure, which is retried later. */
      g_object_unref (inner);
      g_task_return_error (inner, error);
    }
}

void
warta_http_client_send_json_async (WartaHttpClient     *self,
                                   SoupMessage         *msg,
                                   const char          *service,
                                   WartaErrorParseFunc  parse,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SendData *d;

  g_return_if_fail (WARTA_IS_HTTP_CLIENT (self));
  g_return_if_fail (SOUP_IS_MESSAGE (msg));
  g_return_if_fail (service != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, warta_http_client_send_json_async);
  /* The platform's answer is what counts, even if the caller cancelled
   * just after it came in: the outbox must learn about a created post. */
  g_task_set_check_cancellable (task, FALSE);

  d = g_new0 (SendData, 1);
  d->msg = g_object_ref (msg);
  d->service = g_strdup (service);
  d->parse = parse;
  g_task_set_task_data (task, d, send_data_free);

  /* A proxy must not re-route a body-bearing request. */
  if (g_strcmp0 (soup_message_get_method (msg), SOUP_METHOD_GET) != 0)
    soup_message_add_flags (msg, SOUP_MESSAGE_NO_REDIRECT);
  if (soup_message_headers_get_one (soup_message_get_request_headers (msg), "Accept") == NULL)
    soup_message_headers_replace (soup_message_get_request_headers (msg), "Accept",
                                  "application/json");

  g_signal_connect_object (msg, "network-event", G_CALLBACK (network_event_cb), self, 0);
  if (_warta_http_get_upload (msg) != NULL)
    {
      send_upload_in_thread (self, task, msg, cancellable);
      return;
    }
  soup_session_send_and_read_async (self->session, msg, G_PRIORITY_DEFAULT, cancellable,
                                    send_and_read_cb, g_steal_pointer (&task));
}

JsonNode *
warta_http_client_send_json_finish (WartaHttpClient  *self,
                                    GAsyncResult     *result,
                                    GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* wait ------------------------------------------------------------------ */

typedef struct
{
  GSource *timeout;
  GSource *cancel;
} WaitData;

static void
wait_data_free (gpointer data)
{
  WaitData *d = data;

  if (d->timeout)
    {
      g_source_destroy (d->timeout);
      g_source_unref (d->timeout);
    }
  if (d->cancel)
    {
      g_source_destroy (d->cancel);
      g_source_unref (d->cancel);
    }
  g_free (d);
}

/* Whichever source fires first destroys the other, which drops the
 * other's reference on the task. */
static void
wait_stop (GTask *task)
{
  WaitData *d = g_task_get_task_data (task);

  if (d == NULL)
    return;
  if (d->timeout)
    g_source_destroy (d->timeout);
  if (d->cancel)
    g_source_destroy (d->cancel);
}

static gboolean
wait_timeout_cb (gpointer user_data)
{
  g_autoptr(GTask) task = g_object_ref (user_data);

  wait_stop (task);
  if (!g_task_get_completed (task))
    g_task_return_boolean (task, TRUE);
  return G_SOURCE_REMOVE;
}

static gboolean
wait_cancelled_cb (GCancellable *cancellable,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = g_object_ref (user_data);

  wait_stop (task);
  if (!g_task_get_completed (task))
    g_task_return_new_error (task, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_CANCELLED,
                             "%s", _("Publishing was cancelled."));
  return G_SOURCE_REMOVE;
}

void
warta_http_client_wait_async (WartaHttpClient     *self,
                              guint                delay_ms,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  WaitData *d;

  g_return_if_fail (WARTA_IS_HTTP_CLIENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, warta_http_client_wait_async);
  g_task_set_check_cancellable (task, FALSE);

  if (g_cancellable_is_cancelled (cancellable))
    {
      wait_cancelled_cb (cancellable, task);
      return;
    }

  d = g_new0 (WaitData, 1);
  g_task_set_task_data (task, d, wait_data_free);

  /* Both sources hold the task until one of them fires. */
  d->timeout = g_timeout_source_new (delay_ms);
  g_source_set_callback (d->timeout, wait_timeout_cb, g_object_ref (task), g_object_unref);
  g_source_set_name (d->timeout, "[warta] retry wait");
  g_source_attach (d->timeout, g_main_context_get_thread_default ());

  if (cancellable)
    {
      d->cancel = g_cancellable_source_new (cancellable);
      g_source_set_callback (d->cancel, G_SOURCE_FUNC (wait_cancelled_cb),
                             g_object_ref (task), g_object_unref);
      g_source_attach (d->cancel, g_main_context_get_thread_default ());
    }
}

gboolean
warta_http_client_wait_finish (WartaHttpClient  *self,
                               GAsyncResult     *result,
                               GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* request_json: send_json with retries ---------------------------------- */

typedef struct
{
  char *service;
  WartaMessageFunc message_func;
  gpointer message_data;
  GDestroyNotify message_destroy;
  WartaErrorParseFunc parse;
  WartaAnswerCheck check;
  guint attempt;
  guint status;
  SoupMessage *msg;
} RequestData;

static void
request_data_free (gpointer data)
{
  RequestData *d = data;

  if (d->message_destroy)
    d->message_destroy (d->message_data);
  g_clear_object (&d->msg);
  g_free (d->service);
  g_free (d);
}

static void request_attempt (GTask *task);

static void
request_wait_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!warta_http_client_wait_finish (WARTA_HTTP_CLIENT (object), result, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  request_attempt (g_steal_pointer (&task));
}

/* A 2xx answer that was not JSON: a captive portal, a WAF, a wrong address. */
static gboolean
is_unreadable_answer (const GError *error)
{
  return g_error_matches (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_PROTOCOL) &&
         SOUP_STATUS_IS_SUCCESSFUL (warta_publish_error_get_http_status (error));
}

gint64
warta_http_client_next_step_delay (WartaHttpClient *self,
                                   guint            attempts_done,
                                   const GError    *error,
                                   gboolean         unreadable)
{
  g_return_val_if_fail (WARTA_IS_HTTP_CLIENT (self), -1);

  if (unreadable || is_unreadable_answer (error))
    return warta_retry_policy_next_delay_unreadable (&self->policy, attempts_done);
  return warta_retry_policy_next_delay (&self->policy, attempts_done, error, g_get_real_time ());
}

static void
request_sent_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  WartaHttpClient *self = WARTA_HTTP_CLIENT (object);
  g_autoptr(GTask) task = user_data;
  RequestData *d = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  JsonNode *node;
  gint64 delay;

  node = warta_http_client_send_json_finish (self, result, &error);
  if (d->check != NULL &&
      (node != NULL ? !d->check (d->msg, node, d->message_data) : is_unreadable_answer (error)))
    {
      /* Nothing public was made: asked again, as after a 5xx. */
      GCancellable *cancellable = g_task_get_cancellable (task);

      delay = warta_retry_policy_next_delay_unreadable (&self->policy, d->attempt);
      if (delay >= 0 && !g_cancellable_is_cancelled (cancellable))
        {
          g_debug ("%s: attempt %u was answered with what Warta cannot read; again in %"
                   G_GINT64_FORMAT " ms", d->service, d->attempt, delay);
          g_clear_pointer (&node, json_node_unref);
          warta_http_client_wait_async (self, (guint) delay, cancellable, request_wait_cb,
                                        g_steal_pointer (&task));
          return;
        }
    }
  if (node != NULL)
    {
      d->status = soup_message_get_status (d->msg);
      g_task_return_pointer (task, node, (GDestroyNotify) json_node_unref);
      return;
    }

  delay = warta_retry_policy_next_delay (&self->policy, d->attempt, error, g_get_real_time ());
  if (delay < 0 || g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_debug ("%s: attempt %u failed (%s); again in %" G_GINT64_FORMAT " ms",
           d->service, d->attempt, error->message, delay);
  {
    GCancellable *cancellable = g_task_get_cancellable (task);

    warta_http_client_wait_async (self, (guint) delay, cancellable,
                                  request_wait_cb, g_steal_pointer (&task));
  }
}

static void
request_attempt (GTask *task_in)
{
  g_autoptr(GTask) task = task_in;
  WartaHttpClient *self = g_task_get_source_object (task);
  RequestData *d = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  d->attempt++;
  g_clear_object (&d->msg);
  d->msg = d->message_func (d->attempt, d->message_data, &error);
  if (d->msg == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  {
    GCancellable *cancellable = g_task_get_cancellable (task);

    warta_http_client_send_json_async (self, d->msg, d->service, d->parse,
                                       cancellable,
                                       request_sent_cb, g_steal_pointer (&task));
  }
}

static void
request_start (WartaHttpClient     *self,
               const char          *service,
               WartaMessageFunc     message_func,
               gpointer             message_data,
               GDestroyNotify       message_destroy,
               WartaErrorParseFunc  parse,
               WartaAnswerCheck     check,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  GTask *task;
  RequestData *d;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, warta_http_client_request_json_async);
  g_task_set_check_cancellable (task, FALSE);

  d = g_new0 (RequestData, 1);
  d->service = g_strdup (service);
  d->message_func = message_func;
  d->message_data = message_data;
  d->message_destroy = message_destroy;
  d->parse = parse;
  d->check = check;
  g_task_set_task_data (task, d, request_data_free);

  request_attempt (task);
}

void
warta_http_client_request_json_async (WartaHttpClient     *self,
                                      const char          *service,
                                      WartaMessageFunc     message_func,
                                      gpointer             message_data,
                                      GDestroyNotify       message_destroy,
                                      WartaErrorParseFunc  parse,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_return_if_fail (WARTA_IS_HTTP_CLIENT (self));
  g_return_if_fail (message_func != NULL);

  request_start (self, service, message_func, message_data, message_destroy, parse, NULL,
                 cancellable, callback, user_data);
}

void
warta_http_client_request_step_async (WartaHttpClient     *self,
                                      const char          *service,
                                      WartaMessageFunc     message_func,
                                      gpointer             message_data,
                                      GDestroyNotify       message_destroy,
                                      WartaErrorParseFunc  parse,
                                      WartaAnswerCheck     check,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_return_if_fail (WARTA_IS_HTTP_CLIENT (self));
  g_return_if_fail (message_func != NULL && check != NULL);

  request_start (self, service, message_func, message_data, message_destroy, parse, check,
                 cancellable, callback, user_data);
}

JsonNode *
warta_http_client_request_json_finish (WartaHttpClient  *self,
                                       GAsyncResult     *result,
                                       guint            *status,
                                       GError          **error)
{
  RequestData *d;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  d = g_task_get_task_data (G_TASK (result));
  if (status)
    *status = d->status;
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* A request to a path, made by the platform client ---------------------- */

typedef struct
{
  GObject              *object;
  WartaPathMessageFunc  new_message;
  const char           *method;
  char                 *path;
  JsonNode             *body;
} PathRequest;

static void
path_request_free (gpointer data)
{
  PathRequest *r = data;

  g_clear_object (&r->object);
  g_free (r->path);
  g_clear_pointer (&r->body, json_node_unref);
  g_free (r);
}

static SoupMessage *
path_message (guint     attempt,
              gpointer  user_data,
              GError  **error)
{
  PathRequest *r = user_data;
  SoupMessage *msg = r->new_message (r->object, r->method, r->path, error);

  if (msg != NULL && r->body != NULL)
    warta_http_set_json_body (msg, r->body);
  return msg;
}

/**
 * warta_http_client_request_path_async:
 * @object: the platform client, passed to @new_message (kept alive)
 * @method: an interned method (SOUP_METHOD_DELETE …)
 * @path: the path and query on the platform's host
 *
 * warta_http_client_request_json_async() of a message that @new_message
 * makes from @object, @method and @path for each attempt (the platform
 * client's own, which adds its authorization). Finish with
 * warta_http_client_request_json_finish().
 */
void
warta_http_client_request_path_async (WartaHttpClient      *self,
                                      const char           *service,
                                      WartaPathMessageFunc  new_message,
                                      gpointer              object,
                                      const char           *method,
                                      const char           *path,
                                      WartaErrorParseFunc   parse,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data)
{
  warta_http_client_request_path_body_async (self, service, new_message, object, method, path,
                                             NULL, parse, cancellable, callback, user_data);
}

/**
 * warta_http_client_request_path_body_async:
 * @body: (nullable): the request's JSON body
 *
 * warta_http_client_request_path_async() with a JSON body: for a request
 * that may be repeated (an edit that sets a post's text).
 */
void
warta_http_client_request_path_body_async (WartaHttpClient      *self,
                                           const char           *service,
                                           WartaPathMessageFunc  new_message,
                                           gpointer              object,
                                           const char           *method,
                                           const char           *path,
                                           JsonNode             *body,
                                           WartaErrorParseFunc   parse,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data)
{
  PathRequest *r;

  g_return_if_fail (G_IS_OBJECT (object));
  g_return_if_fail (new_message != NULL && method != NULL && path != NULL);

  r = g_new0 (PathRequest, 1);
  r->object = g_object_ref (object);
  r->new_message = new_message;
  r->method = method;
  r->path = g_strdup (path);
  r->body = body != NULL ? json_node_ref (body) : NULL;
  warta_http_client_request_json_async (self, service, path_message, r, path_request_free, parse,
                                        cancellable, callback, user_data);
}

static void
edited_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  JsonNode *node;
  GError *error = NULL;
  guint status;

  node = warta_http_client_request_json_finish (WARTA_HTTP_CLIENT (object), result, NULL, &error);
  status = error != NULL ? warta_publish_error_get_http_status (error) : 0;
  if (status == SOUP_STATUS_NOT_FOUND || status == SOUP_STATUS_GONE)
    {
      GError *gone = warta_publish_error_new_gone (g_task_get_task_data (task), error);

      g_error_free (error);
      error = gone;
    }
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, node, (GDestroyNotify) json_node_unref);
}

/**
 * warta_http_client_edit_async:
 * @object: the platform client: the task's source object, passed to
 *   @new_message
 * @method: SOUP_METHOD_PUT, SOUP_METHOD_POST …
 * @path: the post to change, on the platform's host
 * @body: the new values
 *
 * Changes a published post: @method @path with the JSON @body, retried
 * (setting a text twice is harmless). The task, whose source object is
 * @object, returns the answer's JSON node; a post not there any more (404
 * Not Found, 410 Gone) is WARTA_PUBLISH_ERROR_GONE.
 */
void
warta_http_client_edit_async (WartaHttpClient      *self,
                              const char           *service,
                              WartaPathMessageFunc  new_message,
                              gpointer              object,
                              const char           *method,
                              const char           *path,
                              JsonNode             *body,
                              WartaErrorParseFunc   parse,
                              GCancellable         *cancellable,
                              GAsyncReadyCallback   callback,
                              gpointer              user_data)
{
  GTask *task = g_task_new (object, cancellable, callback, user_data);

  g_task_set_source_tag (task, warta_http_client_edit_async);
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, g_strdup (service), g_free);
  warta_http_client_request_path_body_async (self, service, new_message, object, method, path,
                                             body, parse, cancellable, edited_cb, task);
}

static void
deleted_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonNode) node = NULL;
  GError *error = NULL;
  guint status;

  node = warta_http_client_request_json_finish (WARTA_HTTP_CLIENT (object), result, NULL, &error);
  status = error != NULL ? warta_publish_error_get_http_status (error) : 0;
  /* Not there any more (deleted by hand, or a lost answer): what was asked. */
  if (status == SOUP_STATUS_NOT_FOUND || status == SOUP_STATUS_GONE)
    g_clear_error (&error);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * warta_http_client_delete_async:
 * @object: the platform client: the task's source object, passed to
 *   @new_message
 * @path: what to delete, on the platform's host
 *
 * DELETE @path, retried as warta_http_client_request_path_async() does
 * (a second DELETE is harmless). The task, whose source object is
 * @object, returns TRUE when the platform deleted it or when it is not
 * there any more (404 Not Found, 410 Gone): the platform client's own
 * finish propagates the boolean.
 */
void
warta_http_client_delete_async (WartaHttpClient      *self,
                                const char           *service,
                                WartaPathMessageFunc  new_message,
                                gpointer              object,
                                const char           *path,
                                WartaErrorParseFunc   parse,
                                GCancellable         *cancellable,
                                GAsyncReadyCallback   callback,
                                gpointer              user_data)
{
  GTask *task;

  g_return_if_fail (WARTA_IS_HTTP_CLIENT (self));

  task = g_task_new (object, cancellable, callback, user_data);
  g_task_set_source_tag (task, warta_http_client_delete_async);
  warta_http_client_request_path_async (self, service, new_message, object, SOUP_METHOD_DELETE,
                                        path, parse, cancellable, deleted_cb, task);
}

/* streamed upload bodies ------------------------------------------------ */

typedef struct
{
  WartaUpload *upload;
  guint64 written;
  guint64 body_length;
  gboolean stream_body;
} UploadBody;

static void
upload_body_free (gpointer data)
{
  UploadBody *b = data;

  g_clear_object (&b->upload);
  g_free (b);
}

static void
wrote_body_data_cb (SoupMessage *msg,
                    guint        chunk_size,
                    gpointer     user_data)
{
  UploadBody *b = user_data;
  guint64 total = warta_upload_get_total_bytes (b->upload);
  guint64 sent;

  b->written += chunk_size;
  if (b->stream_body || b->body_length == 0)
    sent = b->written;
  else
    sent = (guint64) ((double) b->written / (double) b->body_length * (double) total);
  _warta_upload_set_bytes_sent (b->upload, MIN (sent, total));
}

static void
restarted_cb (SoupMessage *msg,
              gpointer     user_data)
{
  UploadBody *b = user_data;

  b->written = 0;
  _warta_upload_set_bytes_sent (b->upload, 0);

  if (b->stream_body)
    {
      g_autoptr(GInputStream) stream = NULL;
      g_autoptr(GError) error = NULL;

      /* libsoup closed the first stream when it had sent it. */
      stream = warta_upload_open (b->upload, NULL, &error);
      if (stream == NULL)
        {
          g_debug ("The upload cannot be opened again: %s", error->message);
          return;
        }
      soup_message_set_request_body (msg, warta_upload_get_content_type (b->upload), stream,
                                     (gssize) warta_upload_get_total_bytes (b->upload));
    }
}

static UploadBody *
track (SoupMessage *msg,
       WartaUpload *upload,
       gboolean     stream_body)
{
  UploadBody *b = g_new0 (UploadBody, 1);

  b->upload = g_object_ref (upload);
  b->stream_body = stream_body;
  b->body_length = (guint64) MAX (0, soup_message_headers_get_content_length (
                                        soup_message_get_request_headers (msg)));
  g_object_set_data_full (G_OBJECT (msg), "warta-upload-body", b, upload_body_free);
  g_signal_connect (msg, "wrote-body-data", G_CALLBACK (wrote_body_data_cb), b);
  g_signal_connect (msg, "restarted", G_CALLBACK (restarted_cb), b);
  _warta_http_mark_upload (msg, upload);
  _warta_upload_set_bytes_sent (upload, 0);
  return b;
}

gboolean
warta_http_set_upload_body (SoupMessage  *msg,
                            WartaUpload  *upload,
                            GError      **error)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (SOUP_IS_MESSAGE (msg), FALSE);
  g_return_val_if_fail (WARTA_IS_UPLOAD (upload), FALSE);

  stream = warta_upload_open (upload, NULL, &local_error);
  if (stream == NULL)
    {
      g_set_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_FAILED,
                   _("“%s” cannot be read: %s. Check that the file still exists, or choose it again."),
                   warta_upload_get_filename (upload), local_error->message);
      return FALSE;
    }

  /* With a length, libsoup sends Content-Length, not chunked encoding,
   * which several platforms refuse for uploads. */
  soup_message_set_request_body (msg, warta_upload_get_content_type (upload), stream,
                                 (gssize) warta_upload_get_total_bytes (upload));
  track (msg, upload, TRUE);
  return TRUE;
}

void
warta_http_track_upload_progress (SoupMessage *msg,
                                  WartaUpload *upload)
{
  g_return_if_fail (SOUP_IS_MESSAGE (msg));
  g_return_if_fail (WARTA_IS_UPLOAD (upload));

  track (msg, upload, FALSE);
}

/* small helpers --------------------------------------------------------- */

void
warta_http_set_json_body (SoupMessage *msg,
                          JsonNode    *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GBytes) bytes = NULL;
  char *text;
  gsize len;

  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, &len);
  bytes = g_bytes_new_take (text, len);
  soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
}

/* @base_url with any trailing slashes, then @path (which starts with /). */
char *
warta_http_build_url (const char *base_url,
                      const char *path)
{
  g_autofree char *base = g_strdup (base_url);
  gsize len = strlen (base);

  while (len > 0 && base[len - 1] == '/')
    base[--len] = '\0';
  return g_strconcat (base, path, NULL);
}

/* A short, stable token for a job: the same job key always gives the same
 * token, so an idempotency key or a slug survives retries and restarts. */
char *
warta_http_job_token (const char *job_key,
                      gsize       length)
{
  g_autofree char *sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, job_key, -1);

  return g_strndup (sum, MIN (length, strlen (sum)));
}

/**
 * warta_http_set_bearer:
 * @msg: a request
 * @token: the access token
 *
 * Sets "Authorization: Bearer <token>", wiping the temporary copy so the
 * token lingers in memory no longer than the request does.
 */
void
warta_http_set_bearer (SoupMessage *msg,
                       const char  *token)
{
  g_autofree char *auth = g_strconcat ("Bearer ", token ? token : "", NULL);

  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
  sodium_memzero (auth, strlen (auth));
}

/**
 * warta_secret_clear:
 * @secret: (inout) (nullable): a token or password
 *
 * Wipes and frees a secret, and sets the pointer to %NULL. The wipe is
 * sodium_memzero(), which the compiler cannot leave out.
 */
void
warta_secret_clear (char **secret)
{
  if (*secret != NULL)
    sodium_memzero (*secret, strlen (*secret));
  g_clear_pointer (secret, g_free);
}

/**
 * warta_secret_free:
 * @secret: (nullable): a token or password
 *
 * warta_secret_clear() as a #GDestroyNotify.
 */
void
warta_secret_free (gpointer secret)
{
  char *s = secret;

  warta_secret_clear (&s);
}
