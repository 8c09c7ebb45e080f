/* warta-http-client.h: the one SoupSession, JSON requests, retries, streamed uploads
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "warta-publish-error.h"
#include "warta-remote-result.h"
#include "warta-upload.h"

G_BEGIN_DECLS

/* How often, and how patiently, one remote step is retried in place.
 * Waits longer than max_wait_ms are not made in place: the step fails with
 * the retry time in the error, for the outbox to store and honour. */
typedef struct
{
  guint  max_attempts;      /* attempts in all, the first included */
  guint  initial_delay_ms;  /* backoff after the first failure; doubles each time */
  guint  max_delay_ms;      /* backoff cap */
  guint  max_wait_ms;       /* longest Retry-After / reset wait made in place */
  double jitter;            /* 0 … 1: share of the delay that is random */
} WartaRetryPolicy;

void     warta_retry_policy_init_default (WartaRetryPolicy       *policy);
gint64   warta_retry_policy_next_delay   (const WartaRetryPolicy *policy,
                                          guint                   attempts_done,
                                          const GError           *error,
                                          gint64                  now_us);

/* The delay before another attempt of a step that makes nothing public
 * (an upload session, a media container, an unpublished photo) after a
 * 2xx answer that could not be read: as after a 5xx, within the policy's
 * attempts; -1 when they are used up. */
gint64   warta_retry_policy_next_delay_unreadable (const WartaRetryPolicy *policy,
                                                   guint                   attempts_done);

/* Builds the message for attempt @attempt (1, 2 …): a message cannot be
 * sent twice, and a body stream is read once. */
typedef SoupMessage *(*WartaMessageFunc) (guint      attempt,
                                          gpointer   user_data,
                                          GError   **error);

#define WARTA_TYPE_HTTP_CLIENT (warta_http_client_get_type ())

G_DECLARE_FINAL_TYPE (WartaHttpClient, warta_http_client, WARTA, HTTP_CLIENT, GObject)

WartaHttpClient        *warta_http_client_new                 (void);
SoupSession            *warta_http_client_get_session         (WartaHttpClient         *self);
const WartaRetryPolicy *warta_http_client_get_retry_policy    (WartaHttpClient         *self);
void                    warta_http_client_set_retry_policy    (WartaHttpClient         *self,
                                                               const WartaRetryPolicy  *policy);
void                    warta_http_client_set_timeout         (WartaHttpClient         *self,
                                                               guint                    seconds);

/* One request, one attempt: the body is read, the HTTP status checked and
 * any failure turned into a WARTA_PUBLISH_ERROR. Returns the JSON answer
 * (a null node for an empty body). */
void                    warta_http_client_send_json_async     (WartaHttpClient         *self,
                                                               SoupMessage             *msg,
                                                               const char              *service,
                                                               WartaErrorParseFunc      parse,
                                                               GCancellable            *cancellable,
                                                               GAsyncReadyCallback      callback,
                                                               gpointer                 user_data);
JsonNode               *warta_http_client_send_json_finish    (WartaHttpClient         *self,
                                                               GAsyncResult            *result,
                                                               GError                 **error);

/* The same with retries by the client's policy; only for requests that are
 * safe to repeat (reads, or writes with an idempotency key). */
void                    warta_http_client_request_json_async  (WartaHttpClient         *self,
                                                               const char              *service,
                                                               WartaMessageFunc         message_func,
                                                               gpointer                 message_data,
                                                               GDestroyNotify           message_destroy,
                                                               WartaErrorParseFunc      parse,
                                                               GCancellable            *cancellable,
                                                               GAsyncReadyCallback      callback,
                                                               gpointer                 user_data);
JsonNode               *warta_http_client_request_json_finish (WartaHttpClient         *self,
                                                               GAsyncResult            *result,
                                                               guint                   *status,
                                                               GError                 **error);

/* In the retry loop of a step that makes nothing public and cannot go
 * through warta_http_client_request_step_async() (a streamed body): the
 * delay before another attempt after @error, -1 to stop. An @error that
 * stands for a 2xx answer lacking what the step needs (@unreadable), or
 * for one that was not JSON, is tried again as a 5xx is. */
gint64                  warta_http_client_next_step_delay     (WartaHttpClient         *self,
                                                               guint                    attempts_done,
                                                               const GError            *error,
                                                               gboolean                 unreadable);
/* Whether a 2xx @answer (a null node for an empty body) to @msg says what
 * the caller needs: an id, an upload address … */
typedef gboolean (*WartaAnswerCheck) (SoupMessage *msg,
                                      JsonNode    *answer,
                                      gpointer     message_data);
/* The same for a step that makes nothing public: a 2xx answer that is
 * not JSON, or that @check finds lacking, is tried again as a 5xx is.
 * When the attempts are used up, the last lacking answer is returned for
 * the callback to tell what is wrong, or the error of one that was not
 * JSON. Finished by warta_http_client_request_json_finish(). */
void                    warta_http_client_request_step_async  (WartaHttpClient         *self,
                                                               const char              *service,
                                                               WartaMessageFunc         message_func,
                                                               gpointer                 message_data,
                                                               GDestroyNotify           message_destroy,
                                                               WartaErrorParseFunc      parse,
                                                               WartaAnswerCheck         check,
                                                               GCancellable            *cancellable,
                                                               GAsyncReadyCallback      callback,
                                                               gpointer                 user_data);
/* The same for a message the platform client makes from a method and a
 * path (adding its authorization), each attempt. */
typedef SoupMessage *(*WartaPathMessageFunc) (gpointer     object,
                                              const char  *method,
                                              const char  *path,
                                              GError     **error);
void                    warta_http_client_request_path_async  (WartaHttpClient         *self,
                                                               const char              *service,
                                                               WartaPathMessageFunc     new_message,
                                                               gpointer                 object,
                                                               const char              *method,
                                                               const char              *path,
                                                               WartaErrorParseFunc      parse,
                                                               GCancellable            *cancellable,
                                                               GAsyncReadyCallback      callback,
                                                               gpointer                 user_data);

void                    warta_http_client_request_path_body_async (WartaHttpClient     *self,
                                                                   const char          *service,
                                                                   WartaPathMessageFunc new_message,
                                                                   gpointer             object,
                                                                   const char          *method,
                                                                   const char          *path,
                                                                   JsonNode            *body,
                                                                   WartaErrorParseFunc  parse,
                                                                   GCancellable        *cancellable,
                                                                   GAsyncReadyCallback  callback,
                                                                   gpointer             user_data);

void                    warta_http_client_edit_async          (WartaHttpClient         *self,
                                                               const char              *service,
                                                               WartaPathMessageFunc     new_message,
                                                               gpointer                 object,
                                                               const char              *method,
                                                               const char              *path,
                                                               JsonNode                *body,
                                                               WartaErrorParseFunc      parse,
                                                               GCancellable            *cancellable,
                                                               GAsyncReadyCallback      callback,
                                                               gpointer                 user_data);

/* DELETE @path: TRUE also when it is not there any more (404, 410). The
 * task's source object is @object, the platform client, whose finish
 * propagates the boolean. */
void                    warta_http_client_delete_async        (WartaHttpClient         *self,
                                                               const char              *service,
                                                               WartaPathMessageFunc     new_message,
                                                               gpointer                 object,
                                                               const char              *path,
                                                               WartaErrorParseFunc      parse,
                                                               GCancellable            *cancellable,
                                                               GAsyncReadyCallback      callback,
                                                               gpointer                 user_data);

/* A wait that ends early, with WARTA_PUBLISH_ERROR_CANCELLED, on cancel. */
void                    warta_http_client_wait_async          (WartaHttpClient         *self,
                                                               guint                    delay_ms,
                                                               GCancellable            *cancellable,
                                                               GAsyncReadyCallback      callback,
                                                               gpointer                 user_data);
gboolean                warta_http_client_wait_finish         (WartaHttpClient         *self,
                                                               GAsyncResult            *result,
                                                               GError                 **error);

/* Streams @upload as the request body with its known Content-Length:
 * read in chunks, never whole; opened again if the message restarts;
 * bytes-sent and fraction follow what has been written to the network.
 * warta_http_client_send_json_async() sends such a message (and one with
 * tracked progress, below) from a worker thread of its own, where the
 * message's signals are emitted: connect no other handlers to them. */
gboolean                warta_http_set_upload_body            (SoupMessage             *msg,
                                                               WartaUpload             *upload,
                                                               GError                 **error);
/* Follows the progress of an @upload sent inside a larger body (multipart). */
void                    warta_http_track_upload_progress      (SoupMessage             *msg,
                                                               WartaUpload             *upload);

void                    warta_http_set_json_body              (SoupMessage             *msg,
                                                               JsonNode                *node);
char                   *warta_http_build_url                  (const char              *base_url,
                                                               const char              *path);
char                   *warta_http_job_token                  (const char              *job_key,
                                                               gsize                    length);

void                    warta_http_set_bearer                 (SoupMessage             *msg,
                                                               const char              *token);
void                    warta_secret_clear                    (char                   **secret);
void                    warta_secret_free                     (gpointer                 secret);

G_END_DECLS
