/* test-mastodon.c: WartaMastodon against a loopback Mastodon
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "warta-mastodon.h"
#include "warta-publish-check.h"
#include "warta-test-publisher.h"
#include "warta-test-garbage.h"
#include "warta-test-server.h"

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

typedef struct
{
  WartaTestServer *server;
  WartaHttpClient *client;
  WartaMastodon *mastodon;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  WartaRetryPolicy policy;

  f->server = warta_test_server_new (WARTA_TEST_MASTODON);
  f->client = warta_http_client_new ();
  warta_retry_policy_init_default (&policy);
  policy.max_attempts = 4;
  policy.initial_delay_ms = 20;
  policy.max_delay_ms = 100;
  policy.max_wait_ms = 5000;
  warta_http_client_set_retry_policy (f->client, &policy);
  /* A trailing slash, as users type it. */
  {
    g_autofree char *url = g_strconcat (warta_test_server_get_url (f->server), "/", NULL);

    f->mastodon = warta_mastodon_new (f->client, url, WARTA_TEST_MASTODON_TOKEN);
  }
  warta_mastodon_set_poll_interval (f->mastodon, 10, 40, 5000);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->mastodon);
  g_assert_finalize_object (f->client);
  warta_test_server_free (f->server);
}

static GInputStream *
open_bytes (gpointer       user_data,
            GCancellable  *cancellable,
            GError       **error)
{
  return g_memory_input_stream_new_from_bytes (user_data);
}

static WartaUpload *
image_upload (const char *filename,
              const char *content_type)
{
  g_autoptr(GByteArray) data = g_byte_array_new ();
  GBytes *bytes;

  for (guint i = 0; i < 40000; i++)
    {
      guint8 b = (guint8) (i * 7);
      g_byte_array_append (data, &b, 1);
    }
  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&data));
  return warta_upload_new_for_stream_func (open_bytes, bytes, (GDestroyNotify) g_bytes_unref,
                                           g_bytes_get_size (bytes), filename, content_type);
}

static WartaRemoteResult *
upload_media (Fixture      *f,
              WartaUpload  *upload,
              GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  warta_mastodon_upload_media_async (f->mastodon, upload, "Alt text", NULL, store_result_cb,
                                     &result);
  return warta_mastodon_upload_media_finish (f->mastodon, wait_for (&result), error);
}

static WartaRemoteResult *
post_status (Fixture     *f,
             const char  *text,
             const char  *media_id,
             const char  *key,
             GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  const char *ids[] = { media_id, NULL };

  warta_mastodon_post_status_async (f->mastodon, text, ids, "public", key, NULL,
                                    store_result_cb, &result);
  return warta_mastodon_post_status_finish (f->mastodon, wait_for (&result), error);
}

static void
test_happy_path (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(WartaUpload) upload = image_upload ("kegiatan.png", "image/png");
  g_autoptr(WartaRemoteResult) media = NULL;
  g_autoptr(WartaRemoteResult) status = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = warta_mastodon_idempotency_key ("db-1/job-1");
  g_autofree char *expected_url = NULL;

  media = upload_media (f, upload, &error);
  g_assert_no_error (error);
  g_assert_nonnull (media->id);
  g_assert_true (g_str_has_prefix (media->url, warta_test_server_get_url (f->server)));
  g_assert_cmpint (warta_upload_get_state (upload), ==, WARTA_UPLOAD_STATE_DONE);
  g_assert_cmpfloat (warta_upload_get_fraction (upload), ==, 1.0);
  g_assert_cmpstr (warta_upload_get_remote_id (upload), ==, media->id);
  g_assert_cmpuint (warta_test_server_get_last_upload_size (f->server), ==, 40000);
  g_assert_cmpstr (warta_test_server_get_last_header (f->server, "Authorization"), ==,
                   "Bearer " WARTA_TEST_MASTODON_TOKEN);

  status = post_status (f, "Rapat koordinasi pengawasan #inspektorat", media->id, key, &error);
  g_assert_no_error (error);
  g_assert_nonnull (status->id);
  expected_url = g_strdup_printf ("%s/@warta/%s", warta_test_server_get_url (f->server),
                                  status->id);
  g_assert_cmpstr (status->url, ==, expected_url);
  g_assert_false (status->reused);
  g_assert_cmpstr (warta_test_server_get_last_header (f->server, "Idempotency-Key"), ==, key);
  g_assert_cmpuint (warta_test_server_get_post_count (f->server), ==, 1);
}

/* 202, then 206 twice while processing, then 200 with the URL. */
static void
test_processing (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(WartaUpload) upload = image_upload ("video.mp4", "video/mp4");
  g_autoptr(WartaRemoteResult) media = NULL;
  g_autoptr(WartaRemoteResult) ready = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  warta_test_server_set_processing_polls (f->server, 2);
  media = upload_media (f, upload, &error);
  g_assert_no_error (error);
  g_assert_nonnull (media->id);
  g_assert_null (media->url);
  g_assert_cmpint (warta_upload_get_state (upload), ==, WARTA_UPLOAD_STATE_PROCESSING);

  /* Attaching it now is refused, retryably, with Mastodon's words. */
  {
    WartaRetryPolicy once = *warta_http_client_get_retry_policy (f->client);
    WartaRetryPolicy saved = once;
    g_autoptr(WartaRemoteResult) early = NULL;

    once.max_attempts = 1;
    warta_http_client_set_retry_policy (f->client, &once);
    early = post_status (f, "Terlalu cepat", media->id, "early-key", &error);
    g_assert_null (early);
    g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_RETRYABLE);
    g_assert_cmpstr (warta_publish_error_get_platform_message (error), ==,
                     "Cannot attach files that have not finished processing. Try again in a moment!");
    g_clear_error (&error);
    warta_http_client_set_retry_policy (f->client, &saved);
  }

  warta_mastodon_wait_for_media_async (f->mastodon, media->id, upload, NULL, store_result_cb,
                                       &result);
  ready = warta_mastodon_wait_for_media_finish (f->mastodon, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ready->id, ==, media->id);
  g_assert_nonnull (ready->url);
  g_assert_cmpint (warta_upload_get_state (upload), ==, WARTA_UPLOAD_STATE_DONE);
  g_assert_cmpstr (warta_upload_get_remote_url (upload), ==, ready->url);
  g_assert_cmpuint (warta_test_server_count_requests (f->server, "GET", "/api/v1/media/"), ==, 3);
  g_assert_cmpuint (warta_test_server_get_post_count (f->server), ==, 0);
}

static void
test_processing_gives_up (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(WartaUpload) upload = image_upload ("video.mp4", "video/mp4");
  g_autoptr(WartaRemoteResult) media = NULL;
  g_autoptr(WartaRemoteResult) ready = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  warta_test_server_set_processing_polls (f->server, 1000);
  warta_mastodon_set_poll_interval (f->mastodon, 10, 20, 150);
  media = upload_media (f, upload, &error);
  g_assert_no_error (error);

  warta_mastodon_wait_for_media_async (f->mastodon, media->id, upload, NULL, store_result_cb,
                                       &result);
  ready = warta_mastodon_wait_for_media_finish (f->mastodon, wait_for (&result), &error);
  g_assert_null (ready);
  /* Retryable: the outbox keeps the media id and checks again later. */
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_RETRYABLE);
  g_assert_cmpint (warta_upload_get_state (upload), ==, WARTA_UPLOAD_STATE_FAILED);
  g_assert_cmpstr (warta_upload_get_remote_id (upload), ==, media->id);
}

static void
test_processing_cancel (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(WartaUpload) upload = image_upload ("video.mp4", "video/mp4");
  g_autoptr(WartaRemoteResult) media = NULL;
  g_autoptr(WartaRemoteResult) ready = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  warta_test_server_set_processing_polls (f->server, 1000);
  warta_mastodon_set_poll_interval (f->mastodon, 2000, 2000, 60000);
  media = upload_media (f, upload, &error);
  g_assert_no_error (error);

  warta_mastodon_wait_for_media_async (f->mastodon, media->id, upload, cancellable,
                                       store_result_cb, &result);
  g_timeout_add_once (100, (GSourceOnceFunc) g_cancellable_cancel, cancellable);
  ready = warta_mastodon_wait_for_media_finish (f->mastodon, wait_for (&result), &error);
  g_assert_null (ready);
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_CANCELLED);
  g_assert_cmpint (warta_upload_get_state (upload), ==, WARTA_UPLOAD_STATE_CANCELLED);
}

/* The server made the status, then the connection dropped before the
 * answer: the retry carries the same key, and there is ONE status. */
static void
test_idempotent_after_drop (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(WartaRemoteResult) status = NULL;
  g_autoptr(WartaRemoteResult) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = warta_mastodon_idempotency_key ("db-1/job-42");

  warta_test_server_add_fault (f->server, "POST", "/api/v1/statuses", 1,
                               WARTA_TEST_FAULT_DROP_AFTER_COMMIT, 0);
  status = post_status (f, "Sekali saja", NULL, key, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (warta_test_server_count_requests (f->server, "POST", "/api/v1/statuses"), ==, 2);
  g_assert_cmpuint (warta_test_server_get_post_count (f->server), ==, 1);

  /* After a crash the outbox sends the same job again: still one. */
  again = post_status (f, "Sekali saja", NULL, key, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again->id, ==, status->id);
  g_assert_cmpuint (warta_test_server_get_post_count (f->server), ==, 1);
}

/* Each step (media, its processing poll, the status) answered by a
 * proxy's HTML page (502: retried) or by a 200 that says nothing usable:
 * never a crash, an error of Warta's saying what to do, and the status
 * made once at most. The media upload, which makes nothing public, is
 * sent again: the status is made. */
static void
test_malformed_answers (Fixture       *f,
                        gconstpointer  data)
{
  const struct { const char *method, *path; } steps[] = {
    { "POST", "/api/v2/media" },
    { "GET", "/api/v1/media/" },
    { "POST", "/api/v1/statuses" },
  };

  warta_test_server_set_processing_polls (f->server, 1);
  for (guint s = 0; s < G_N_ELEMENTS (steps); s++)
    for (guint i = 0; i <= G_N_ELEMENTS (warta_test_garbage); i++)
      {
        const char *method = steps[s].method;
        const char *path = steps[s].path;
        gboolean proxy = i == G_N_ELEMENTS (warta_test_garbage);
        g_autoptr(WartaUpload) upload = image_upload ("video.mp4", "video/mp4");
        g_autoptr(WartaRemoteResult) media = NULL;
        g_autoptr(WartaRemoteResult) status = NULL;
        g_autoptr(GError) error = NULL;
        g_autofree char *text = g_strdup_printf ("Kabar %u %u", s, i);
        g_autofree char *key = warta_mastodon_idempotency_key (text);
        guint posts = warta_test_server_get_post_count (f->server);
        guint nth = 1;

        if (proxy)
          warta_test_server_add_answer (f->server, method, path, nth, FALSE, 502, NULL,
                                        "text/html", WARTA_TEST_HTML_PAGE);
        else
          warta_test_server_add_answer (f->server, method, path, nth, TRUE, 200, NULL,
                                        warta_test_garbage[i].content_type,
                                        warta_test_garbage[i].body);
        g_test_message ("%s %s: %s", method, path, proxy ? "502" : warta_test_garbage[i].what);
        media = upload_media (f, upload, &error);
        if (media && media->url == NULL)
          {
            g_autoptr(GAsyncResult) result = NULL;
            g_autoptr(WartaRemoteResult) ready = NULL;

            warta_mastodon_wait_for_media_async (f->mastodon, media->id, upload, NULL,
                                                 store_result_cb, &result);
            ready = warta_mastodon_wait_for_media_finish (f->mastodon, wait_for (&result), &error);
            if (ready == NULL)
              g_clear_pointer (&media, warta_remote_result_free);
          }
        if (media)
          status = post_status (f, text, media->id, key, &error);
        /* After the status's, the same key gives the status it made. */
        warta_test_assert_garbage_outcome (error, status ? status->id : NULL,
                                           proxy || g_str_equal (path, "/api/v1/statuses") ||
                                           g_str_equal (path, "/api/v2/media"));
        if (proxy)
          g_assert_cmpuint (warta_test_server_get_post_count (f->server), ==, posts + 1);
        g_assert_cmpuint (warta_test_server_get_post_count (f->server), <=, posts + 1);
        warta_test_server_assert_faults_used (f->server);
      }
}

/* The media upload answered with what Warta cannot read every time: sent
 * as often as after a 5xx, then Warta tries again later; no status. */
static void
test_malformed_every_time (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(WartaUpload) upload = image_upload ("foto.jpg", "image/jpeg");
  g_autoptr(WartaRemoteResult) media = NULL;
  g_autoptr(GError) error = NULL;

  warta_test_server_add_answer (f->server, "POST", "/api/v2/media", 0, TRUE, 200, NULL,
                                "application/json", "{\"ok\": true}");
  media = upload_media (f, upload, &error);
  g_assert_null (media);
  warta_test_assert_read_later (error);
  g_assert_cmpuint (warta_test_server_count_requests (f->server, "POST", "/api/v2/media"), ==, 4);
  g_assert_cmpint (warta_upload_get_state (upload), ==, WARTA_UPLOAD_STATE_FAILED);
  g_assert_cmpuint (warta_test_server_get_post_count (f->server), ==, 0);
}

static void
state_cb (WartaUpload *upload,
          GParamSpec  *pspec,
          gboolean    *waited)
{
  if (warta_upload_get_state (upload) == WARTA_UPLOAD_STATE_WAITING)
    *waited = TRUE;
}

static void
test_retry_5xx (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(WartaUpload) upload = image_upload ("foto.png", "image/png");
  g_autoptr(WartaRemoteResult) media = NULL;
  g_autoptr(WartaRemoteResult) status = NULL;
  g_autoptr(GError) error = NULL;
  gboolean waited = FALSE;

  g_signal_connect (upload, "notify::state", G_CALLBACK (state_cb), &waited);
  warta_test_server_add_fault (f->server, "POST", "/api/v2/media", 1, WARTA_TEST_FAULT_STATUS, 500);
  warta_test_server_add_fault (f->server, "POST", "/api/v1/statuses", 1, WARTA_TEST_FAULT_STATUS, 503);
  warta_test_server_add_fault (f->server, "POST", "/api/v1/statuses", 2, WARTA_TEST_FAULT_STATUS, 502);

  media = upload_media (f, upload, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (warta_test_server_count_requests (f->server, "POST", "/api/v2/media"), ==, 2);
  g_assert_cmpuint (warta_test_server_get_media_count (f->server), ==, 1);
  g_assert_true (waited);

  status = post_status (f, "Setelah gangguan", media->id, "key-5xx", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (warta_test_server_count_requests (f->server, "POST", "/api/v1/statuses"), ==, 3);
  g_assert_cmpuint (warta_test_server_get_post_count (f->server), ==, 1);
}

/* 429 with X-RateLimit-Reset (ISO 8601) one second ahead: honoured. */
static void
test_rate_limited (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(WartaRemoteResult) status = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  warta_test_server_add_fault (f->server, "POST", "/api/v1/statuses", 1,
                               WARTA_TEST_FAULT_RATE_LIMIT, 1);
  status = post_status (f, "Pelan-pelan", NULL, "key-429", &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 900 * 1000);
  g_assert_cmpuint (warta_test_server_get_post_count (f->server), ==, 1);
}

static void
test_rate_limited_long (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(WartaRemoteResult) status = NULL;
  g_autoptr(GError) error = NULL;
  gint64 now = g_get_real_time ();

  warta_test_server_add_fault (f->server, "POST", "/api/v1/statuses", 0,
                               WARTA_TEST_FAULT_RATE_LIMIT, 1800);
  status = post_status (f, "Nanti", NULL, "key-429-long", &error);
  g_assert_null (status);
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_RATE_LIMITED);
  g_assert_cmpint (warta_publish_error_get_retry_at (error), >, now + 1790 * G_USEC_PER_SEC);
  /* {"error": "Too many requests"} is only the status's English name:
   * not quoted as the platform's words. */
  g_assert_null (warta_publish_error_get_platform_message (error));
  g_assert_true (strstr (error->message, "will try again after") != NULL);
  g_assert_cmpuint (warta_test_server_count_requests (f->server, "POST", "/api/v1/statuses"), ==, 1);
}

static void
test_revoked (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(WartaUpload) upload = image_upload ("foto.png", "image/png");
  g_autoptr(WartaRemoteResult) media = NULL;
  g_autoptr(WartaRemoteResult) status = NULL;
  g_autoptr(GError) error = NULL;

  warta_test_server_revoke_credentials (f->server);
  media = upload_media (f, upload, &error);
  g_assert_null (media);
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_AUTH_EXPIRED);
  g_assert_true (strstr (error->message, "Sign in again") != NULL);
  g_assert_cmpstr (warta_publish_error_get_platform_message (error), ==,
                   "The access token is invalid");
  g_assert_cmpint (warta_upload_get_state (upload), ==, WARTA_UPLOAD_STATE_FAILED);
  g_assert_nonnull (warta_upload_get_error (upload));
  /* Never retried: a loop would only repeat the refusal. */
  g_assert_cmpuint (warta_test_server_count_requests (f->server, "POST", "/api/v2/media"), ==, 1);
  g_clear_error (&error);

  status = post_status (f, "Tanpa izin", NULL, "key-401", &error);
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_AUTH_EXPIRED);
  g_assert_cmpuint (warta_test_server_get_post_count (f->server), ==, 0);
}

static void
test_rejected (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(WartaRemoteResult) status = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 60; i++)
    g_string_append (text, "Inspektorat ");
  status = post_status (f, text->str, NULL, "key-422", &error);
  g_assert_null (status);
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_REJECTED);
  g_assert_cmpstr (warta_publish_error_get_platform_message (error), ==,
                   "Validation failed: Text character limit of 500 exceeded");
  g_assert_true (strstr (error->message, "Text character limit of 500 exceeded") != NULL);
  g_assert_cmpuint (warta_test_server_count_requests (f->server, "POST", "/api/v1/statuses"), ==, 1);
}

static void
test_invalid_media (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(WartaUpload) upload = image_upload ("notes.txt", "text/plain");
  g_autoptr(WartaRemoteResult) media = NULL;
  g_autoptr(GError) error = NULL;

  media = upload_media (f, upload, &error);
  g_assert_null (media);
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_INVALID_MEDIA);
  g_assert_cmpstr (warta_publish_error_get_platform_message (error), ==,
                   "Validation failed: File content type is invalid, File is invalid");
  g_assert_cmpuint (warta_test_server_get_media_count (f->server), ==, 0);
}

static void
test_not_configured (void)
{
  g_autoptr(WartaHttpClient) client = warta_http_client_new ();
  g_autoptr(WartaMastodon) no_url = warta_mastodon_new (client, "", "token");
  g_autoptr(WartaMastodon) no_token = warta_mastodon_new (client, "https://example.org", NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(WartaRemoteResult) status = NULL;
  g_autoptr(GError) error = NULL;

  warta_mastodon_post_status_async (no_url, "x", NULL, NULL, "k", NULL, store_result_cb, &result);
  status = warta_mastodon_post_status_finish (no_url, wait_for (&result), &error);
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_NOT_CONFIGURED);
  g_clear_error (&error);
  g_clear_object (&result);

  warta_mastodon_post_status_async (no_token, "x", NULL, NULL, "k", NULL, store_result_cb, &result);
  status = warta_mastodon_post_status_finish (no_token, wait_for (&result), &error);
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_NOT_CONFIGURED);
  g_assert_true (strstr (error->message, "Sign in") != NULL);
}

static void
test_idempotency_key (void)
{
  g_autofree char *a = warta_mastodon_idempotency_key ("db-9/job-1");
  g_autofree char *b = warta_mastodon_idempotency_key ("db-9/job-1");
  g_autofree char *c = warta_mastodon_idempotency_key ("db-9/job-2");

  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (a, !=, c);
  g_assert_true (g_str_has_prefix (a, "warta-"));
}

/* The status beyond the key's hour (platform-apis.md §6.3) ---------------- */

#define STATUSES "/api/v1/statuses"
#define ACCOUNT "/api/v1/accounts/verify_credentials"
#define LISTING "/api/v1/accounts/108000000000000042/statuses"

typedef struct
{
  WartaTestOutbox *o;
  WartaTestServer *server;
  gint64 id;
  WartaPublishJob *job;
  WartaPublisher *publisher;
} Window;

static void
window_set_up (Window        *w,
               gconstpointer  data)
{
  w->o = warta_test_outbox_new ();
  w->server = warta_test_server_new (WARTA_TEST_MASTODON);
  w->id = warta_test_outbox_add_account (w->o, "mastodon", w->server, "{\"media-poll-ms\": \"5\"}",
                                         WARTA_TEST_MASTODON_TOKEN);
  w->publisher = warta_test_outbox_publisher_new (w->o, w->id, WARTA_TEST_MASTODON_TOKEN);
}

static void
window_tear_down (Window        *w,
                  gconstpointer  data)
{
  g_clear_object (&w->job);
  g_clear_object (&w->publisher);
  g_clear_pointer (&w->o, warta_test_outbox_free);
  warta_test_server_free (w->server);
}

/* Runs the job's steps up to the status: its media, and the stamp
 * committed before the status is first sent. */
static void
run_to_status (Window *w,
               guint   n_photos)
{
  g_autoptr(WartaPublication) p = warta_test_publish_make_approved (w->o->t, "Rakor", n_photos);
  guint before = warta_test_server_count_requests (w->server, "POST", STATUSES);

  w->job = warta_test_outbox_job_new (w->o, p, w->id);
  while (warta_publish_job_get_step (w->job, "post-attempt") == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(WartaPublishStep) step = warta_test_outbox_run_step (w->publisher, w->job, &error);

      g_assert_no_error (error);
      g_assert_false (step->final);
    }
  g_assert_cmpuint (warta_test_server_count_requests (w->server, "POST", STATUSES), ==, before);
}

/* The next step fails with the fault set on the status request. */
static void
lose_status (Window             *w,
             WartaTestFaultKind  fault)
{
  g_autoptr(WartaPublishStep) step = NULL;
  g_autoptr(GError) error = NULL;

  warta_test_server_add_fault (w->server, "POST", STATUSES, 1, fault, 0);
  step = warta_test_outbox_run_step (w->publisher, w->job, &error);
  g_assert_null (step);
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_RETRYABLE);
}

/* As if the stamp was written @minutes ago, and the server lived through
 * them too. */
static void
age_attempt (Window *w,
             gint64  minutes)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) value = NULL;
  g_autofree char *sent = g_strdup_printf ("%" G_GINT64_FORMAT,
                                           g_get_real_time () / G_USEC_PER_SEC - minutes * 60);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "sent");
  json_builder_add_string_value (b, sent);
  json_builder_end_object (b);
  value = json_builder_get_root (b);
  warta_publish_job_set_step (w->job, "post-attempt", value);
  warta_test_server_advance_clock (w->server, minutes * 60);
}

static WartaPublishStep *
finish (Window *w)
{
  g_autoptr(GError) error = NULL;
  WartaPublishStep *step = warta_test_outbox_run_all (w->publisher, w->job, &error);

  g_assert_no_error (error);
  g_assert_true (step->final);
  return step;
}

/* Within the hour the same key brings back the same status: no search. */
static void
test_window_same_key (Window        *w,
                      gconstpointer  data)
{
  g_autoptr(WartaPublishStep) step = NULL;

  run_to_status (w, 1);
  lose_status (w, WARTA_TEST_FAULT_DROP_AFTER_COMMIT);
  g_assert_cmpuint (warta_test_server_get_post_count (w->server), ==, 1);

  age_attempt (w, 30);
  step = finish (w);
  g_assert_cmpstr (step->remote_id, ==, "109000000000000002");
  g_assert_cmpuint (warta_test_server_count_requests (w->server, "POST", STATUSES), ==, 2);
  g_assert_cmpuint (warta_test_server_count_requests (w->server, "GET", ACCOUNT), ==, 0);
  g_assert_cmpuint (warta_test_server_get_post_count (w->server), ==, 1);
}

/* Past the hour: the status is looked for and found by its attachment;
 * nothing is sent again. The server has really forgotten the key: the
 * same request would post a second time. */
static void
test_window_found (Window        *w,
                   gconstpointer  data)
{
  g_autoptr(WartaPublishStep) step = NULL;
  g_autoptr(WartaMastodon) mastodon = NULL;
  g_autoptr(WartaRemoteResult) again = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  const char *media_id;

  run_to_status (w, 1);
  lose_status (w, WARTA_TEST_FAULT_DROP_AFTER_COMMIT);
  age_attempt (w, 70);
  step = finish (w);
  g_assert_cmpstr (step->remote_id, ==, "109000000000000002");
  g_assert_true (g_str_has_prefix (step->remote_url, warta_test_server_get_url (w->server)));
  g_assert_cmpuint (warta_test_server_count_requests (w->server, "POST", STATUSES), ==, 1);
  g_assert_cmpuint (warta_test_server_count_requests (w->server, "GET", ACCOUNT), ==, 1);
  g_assert_cmpuint (warta_test_server_count_requests (w->server, "GET", LISTING), ==, 1);
  g_assert_cmpuint (warta_test_server_get_post_count (w->server), ==, 1);

  mastodon = warta_mastodon_new (w->o->client, warta_test_server_get_url (w->server),
                                 WARTA_TEST_MASTODON_TOKEN);
  key = warta_mastodon_idempotency_key (warta_publish_job_get_key (w->job));
  media_id = warta_publish_job_get_step_string (w->job, "media-0", "id");
  warta_mastodon_post_status_async (mastodon, "Rapat koordinasi pengawasan #Inspektorat",
                                    (const char *[]) { media_id, NULL }, NULL, key, NULL,
                                    store_result_cb, &result);
  again = warta_mastodon_post_status_finish (mastodon, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again->id, !=, step->remote_id);
  g_assert_cmpuint (warta_test_server_get_post_count (w->server), ==, 2);
}

/* Past the hour, a status without media, found by its text as Mastodon
 * renders it (a paragraph, a hashtag link). */
static void
test_window_found_by_text (Window        *w,
                           gconstpointer  data)
{
  g_autoptr(WartaPublishStep) step = NULL;

  run_to_status (w, 0);
  lose_status (w, WARTA_TEST_FAULT_DROP_AFTER_COMMIT);
  age_attempt (w, 120);
  step = finish (w);
  g_assert_cmpuint (warta_test_server_count_requests (w->server, "POST", STATUSES), ==, 1);
  g_assert_cmpuint (warta_test_server_get_post_count (w->server), ==, 1);
}

/* Past the hour, and the request never arrived: not found, a new stamp,
 * then the status goes, once. An older status with the same text (made
 * two hours before the first send) is not taken for it. */
static void
test_window_not_found (Window        *w,
                       gconstpointer  data)
{
  g_autoptr(WartaPublishStep) step = NULL;
  g_autoptr(WartaPublishStep) stamped = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(WartaMastodon) mastodon = NULL;
  g_autoptr(WartaRemoteResult) old = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  /* The server's clock set back: the old status is dated 2 h before the
   * first send, which age_attempt() puts 70 minutes back. */
  mastodon = warta_mastodon_new (w->o->client, warta_test_server_get_url (w->server),
                                 WARTA_TEST_MASTODON_TOKEN);
  warta_test_server_advance_clock (w->server, -190 * 60);
  warta_mastodon_post_status_async (mastodon, "Rapat koordinasi pengawasan #Inspektorat", NULL,
                                    NULL, "earlier-post", NULL, store_result_cb, &result);
  old = warta_mastodon_post_status_finish (mastodon, wait_for (&result), &error);
  g_assert_no_error (error);
  warta_test_server_advance_clock (w->server, 190 * 60);

  run_to_status (w, 0);
  lose_status (w, WARTA_TEST_FAULT_DROP);
  age_attempt (w, 70);
  stamped = warta_test_outbox_run_step (w->publisher, w->job, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stamped->name, ==, "post-attempt");
  g_assert_false (stamped->final);
  g_assert_cmpuint (warta_test_server_count_requests (w->server, "POST", STATUSES), ==, 2);
  g_assert_cmpuint (warta_test_server_count_requests (w->server, "GET", LISTING), ==, 1);

  step = finish (w);
  g_assert_cmpstr (step->remote_id, !=, old->id);
  g_assert_cmpuint (warta_test_server_count_requests (w->server, "POST", STATUSES), ==, 3);
  g_assert_cmpuint (warta_test_server_get_post_count (w->server), ==, 2);
}

/* Media limits ------------------------------------------------------------- */

/* @p published through the outbox: the job as it ended. */
static WartaOutboxJob *
publish (Window           *w,
         WartaPublication *p,
         WartaOutboxState  state)
{
  return warta_test_outbox_publish (w->o, p, w->id, state);
}

/* Refused for the media before anything was uploaded or posted: the
 * server saw @n_instance instance queries and nothing else. */
static void
assert_refused (Window         *w,
                WartaOutboxJob *job,
                guint           n_instance,
                const char     *says)
{
  const char *message = warta_outbox_job_get_error_message (job);

  g_test_message ("%s", message);
  g_assert_cmpstr (warta_outbox_job_get_error_code (job), ==, "rejected");
  g_assert_nonnull (strstr (message, says));
  g_assert_nonnull (strstr (message, "Mastodon by hand"));
  g_assert_cmpuint (warta_test_server_count_requests (w->server, "GET", "/api/v2/instance"), ==,
                    n_instance);
  g_assert_cmpuint (warta_test_server_count_requests (w->server, "GET", "/"), ==, n_instance);
  g_assert_cmpuint (warta_test_server_count_requests (w->server, "POST", "/"), ==, 0);
  g_assert_cmpuint (warta_test_server_count_requests (w->server, "PUT", "/"), ==, 0);
  g_assert_cmpuint (warta_test_server_get_media_count (w->server), ==, 0);
  g_assert_cmpuint (warta_test_server_get_post_count (w->server), ==, 0);
}

/* Five photos for an instance of the default four: refused after asking
 * the instance, never posted with four. */
static void
test_media_over_instance_limit (Window        *w,
                                gconstpointer  data)
{
  g_autoptr(WartaPublication) p = warta_test_publish_make_approved (w->o->t, "Rakor lima foto", 5);
  g_autoptr(WartaOutboxJob) job = publish (w, p, WARTA_OUTBOX_STATE_FAILED);

  assert_refused (w, job, 1, "This Mastodon instance takes at most 4 photos in a post and this "
                             "publication has 5 for Mastodon.");
}

/* The instance's own number counts, both ways. */
static void
test_media_instance_limit (Window        *w,
                           gconstpointer  data)
{
  g_autoptr(WartaPublication) five = warta_test_publish_make_approved (w->o->t, "Rakor lima", 5);
  g_autoptr(WartaPublication) three = warta_test_publish_make_approved (w->o->t, "Rakor tiga", 3);
  g_autoptr(WartaOutboxJob) job = NULL;

  warta_test_server_set_max_media (w->server, 6);
  job = publish (w, five, WARTA_OUTBOX_STATE_DONE);
  g_assert_cmpuint (warta_test_server_get_media_count (w->server), ==, 5);
  g_assert_cmpuint (warta_test_server_get_post_count (w->server), ==, 1);
  g_clear_object (&job);

  /* A new publisher asks again: the instance may have changed. */
  g_clear_object (&w->publisher);
  warta_test_server_free (w->server);
  w->server = warta_test_server_new (WARTA_TEST_MASTODON);
  warta_test_server_set_max_media (w->server, 2);
  w->id = warta_test_outbox_add_account (w->o, "mastodon", w->server, "{\"media-poll-ms\": \"5\"}",
                                         WARTA_TEST_MASTODON_TOKEN);
  job = publish (w, three, WARTA_OUTBOX_STATE_FAILED);
  assert_refused (w, job, 1, "at most 2 photos in a post and this publication has 3 for Mastodon");
}

/* A video with photos, or two videos: refused without a single request. */
static void
test_media_video_mix (Window        *w,
                      gconstpointer  data)
{
  g_autoptr(WartaPublication) mixed = NULL;
  g_autoptr(WartaPublication) two = NULL;
  g_autoptr(WartaOutboxJob) job = NULL;

  mixed = warta_test_publish_make_approved_with_videos (w->o->t, "Rakor campur", 2, 1, 4096);
  job = publish (w, mixed, WARTA_OUTBOX_STATE_FAILED);
  assert_refused (w, job, 0, "cannot show a video and photos in one post");
  g_clear_object (&job);

  two = warta_test_publish_make_approved_with_videos (w->o->t, "Rakor dua video", 0, 2, 4096);
  job = publish (w, two, WARTA_OUTBOX_STATE_FAILED);
  assert_refused (w, job, 0, "Mastodon takes one video in a post and this publication has 2");
}

/* Asking the instance before the photos, the publisher keeps what it
 * says in the account's settings, for the next publish check: the limits
 * known since sign-in are refreshed, the other settings kept. */
static void
test_media_limits_refreshed (Window        *w,
                             gconstpointer  data)
{
  g_autoptr(WartaPublication) p = warta_test_publish_make_approved (w->o->t, "Rakor dua", 2);
  g_autoptr(WartaOutboxJob) job = NULL;
  g_autoptr(WartaAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  WartaTestInstance instance = WARTA_TEST_INSTANCE_DEFAULT;
  WartaMastodonLimits limits;
  g_autofree char *poll = NULL;

  g_clear_object (&w->publisher);
  w->id = warta_test_outbox_add_account (w->o, "mastodon", w->server,
                                         "{\"media-poll-ms\": \"5\", \"max-characters\": \"500\", "
                                         "\"description-limit\": \"1500\"}",
                                         WARTA_TEST_MASTODON_TOKEN);
  instance.max_characters = 1000;
  instance.url_length = 30;
  instance.max_media = 6;
  instance.image_size_limit = 8388608;
  instance.video_size_limit = 41943040;
  instance.description_limit = 0;
  warta_test_server_set_instance (w->server, &instance);
  job = publish (w, p, WARTA_OUTBOX_STATE_DONE);
  g_assert_cmpuint (warta_test_server_count_requests (w->server, "GET", "/api/v2/instance"), ==, 1);

  account = warta_account_repository_get (w->o->t->accounts, w->id, &error);
  g_assert_no_error (error);
  g_assert_true (warta_mastodon_limits_load (account, &limits));
  g_assert_cmpuint (limits.max_characters, ==, 1000);
  g_assert_cmpuint (limits.url_length, ==, 30);
  g_assert_cmpuint (limits.max_media, ==, 6);
  g_assert_cmpuint (limits.image_size_limit, ==, 8388608);
  g_assert_cmpuint (limits.video_size_limit, ==, 41943040);
  /* No longer said: no longer kept. */
  g_assert_cmpuint (limits.description_limit, ==, 0);
  poll = warta_account_dup_setting (account, "media-poll-ms");
  g_assert_cmpstr (poll, ==, "5");
}

/* Limits changed since sign-in ---------------------------------------------- */

/* The account as it signed in to an instance of @max_characters, with a
 * new publisher for it. */
static void
sign_in_with_limit (Window *w,
                    guint   max_characters)
{
  g_autofree char *settings = NULL;

  settings = g_strdup_printf ("{\"media-poll-ms\": \"5\", \"max-characters\": \"%u\", "
                              "\"characters-per-url\": \"23\", \"max-media\": \"4\", "
                              "\"image-size-limit\": \"16777216\", "
                              "\"video-size-limit\": \"103809024\", "
                              "\"description-limit\": \"1500\"}", max_characters);
  g_clear_object (&w->publisher);
  w->id = warta_test_outbox_add_account (w->o, "mastodon", w->server, settings,
                                         WARTA_TEST_MASTODON_TOKEN);
  w->publisher = warta_test_outbox_publisher_new (w->o, w->id, WARTA_TEST_MASTODON_TOKEN);
}

/* The instance's admin sets a new limit, which the instance says as
 * @kind has it (in /api/v2/instance, or only in v1). */
static void
set_limit_of (Window                *w,
              WartaTestInstanceKind  kind,
              guint                  max_characters)
{
  WartaTestInstance instance = WARTA_TEST_INSTANCE_DEFAULT;

  instance.kind = kind;
  instance.max_characters = max_characters;
  warta_test_server_set_instance (w->server, &instance);
}

static void
set_max_characters (Window *w,
                    guint   max_characters)
{
  set_limit_of (w, WARTA_TEST_INSTANCE_V2, max_characters);
}

/* What the publish view says of @p for the account, as it reads it now:
 * NULL when it can go. */
static char *
dup_refusal (Window           *w,
             WartaPublication *p)
{
  g_autoptr(WartaRevision) revision = NULL;
  g_autoptr(WartaAccount) account = NULL;
  g_autoptr(GListModel) accounts = NULL;
  g_autoptr(GError) error = NULL;

  revision = warta_publication_repository_get_revision (w->o->t->publications,
                                                        warta_publication_get_approved_revision_id (p),
                                                        &error);
  g_assert_no_error (error);
  account = warta_account_repository_get (w->o->t->accounts, w->id, &error);
  g_assert_no_error (error);
  accounts = warta_account_repository_list (w->o->t->accounts, &error);
  g_assert_no_error (error);
  if (warta_publish_check_target (revision, account, accounts, &error))
    return NULL;
  return g_strdup (error->message);
}

/* The limit kept in the account's settings. */
static guint
kept_max_characters (Window *w)
{
  g_autoptr(WartaAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  WartaMastodonLimits limits;

  account = warta_account_repository_get (w->o->t->accounts, w->id, &error);
  g_assert_no_error (error);
  g_assert_true (warta_mastodon_limits_load (account, &limits));
  return limits.max_characters;
}

/* 725 characters: more than Mastodon's 500, less than 1,000. */
static char *
long_status (void)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < 25; i++)
    g_string_append (text, "Rapat koordinasi pengawas. ");
  g_string_append (text, "#Inspektorat");
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The admin raised the limit from 500 to 1,000 after the sign-in: the
 * long status the kept limit refused goes out, and the new limit is kept
 * for the publish view. */
static void
test_limit_raised (Window        *w,
                   gconstpointer  data)
{
  g_autofree char *text = long_status ();
  g_autoptr(WartaPublication) p = NULL;
  g_autoptr(WartaPublishStep) step = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_cmpuint (g_utf8_strlen (text, -1), ==, 687);
  sign_in_with_limit (w, 500);
  w->o->t->mastodon_caption = text;
  p = warta_test_publish_make_approved (w->o->t, "Rakor panjang", 0);
  w->o->t->mastodon_caption = NULL;
  before = dup_refusal (w, p);
  g_assert_nonnull (before);
  g_assert_nonnull (strstr (before, "this instance takes 500"));

  set_max_characters (w, 1000);
  w->job = warta_test_outbox_job_new (w->o, p, w->id);
  step = finish (w);
  g_assert_cmpstr (warta_test_server_get_post_text (w->server, step->remote_id), ==, text);
  g_assert_cmpuint (warta_test_server_get_post_count (w->server), ==, 1);
  g_assert_cmpuint (warta_test_server_count_requests (w->server, "GET", "/api/v2/instance"), ==, 1);

  g_assert_cmpuint (kept_max_characters (w), ==, 1000);
  after = dup_refusal (w, p);
  g_assert_null (after);
}

/* The admin lowered the limit after the sign-in, the job written while
 * the post fitted: refused before a single file goes, with the new limit
 * and what to do; the new limit kept for the publish view. @data: the
 * WartaTestInstanceKind: an instance that answers v2 is asked once; one
 * without v2 (Mastodon 3.x) is asked v1 after v2's 404. */
static void
test_limit_lowered (Window        *w,
                    gconstpointer  data)
{
  WartaTestInstanceKind kind = GPOINTER_TO_INT (data);
  g_autoptr(WartaPublication) p = NULL;
  g_autoptr(WartaOutboxJob) job = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *message;

  sign_in_with_limit (w, 500);
  g_clear_object (&w->publisher);
  p = warta_test_publish_make_approved (w->o->t, "Rakor singkat", 2);
  before = dup_refusal (w, p);
  g_assert_null (before);

  set_limit_of (w, kind, 30);
  job = publish (w, p, WARTA_OUTBOX_STATE_FAILED);
  message = warta_outbox_job_get_error_message (job);
  g_test_message ("%s", message);
  g_assert_cmpstr (warta_outbox_job_get_error_code (job), ==, "rejected");
  g_assert_nonnull (strstr (message, "changed its limits"));
  g_assert_nonnull (strstr (message, "The Mastodon post is 40 characters long as Mastodon "
                                     "counts it (a web address as 23); this instance takes 30."));
  g_assert_nonnull (strstr (message, "return the content concept for a shorter one, or post it "
                                     "on Mastodon by hand"));
  g_assert_cmpuint (warta_test_server_count_requests (w->server, "GET", "/api/v2/instance"), ==, 1);
  g_assert_cmpuint (warta_test_server_count_requests (w->server, "GET", "/api/v1/instance"), ==,
                    kind == WARTA_TEST_INSTANCE_V2 ? 0 : 1);
  g_assert_cmpuint (warta_test_server_count_requests (w->server, "POST", "/api/v2/media"), ==, 0);
  g_assert_cmpuint (warta_test_server_count_requests (w->server, "POST", "/"), ==, 0);
  g_assert_cmpuint (warta_test_server_get_media_count (w->server), ==, 0);
  g_assert_cmpuint (warta_test_server_get_post_count (w->server), ==, 0);

  g_assert_cmpuint (kept_max_characters (w), ==, 30);
  after = dup_refusal (w, p);
  g_assert_nonnull (after);
  g_assert_nonnull (strstr (after, "this instance takes 30"));
}

/* The instance does not say its limits when the job starts (a 5xx, a
 * proxy's page, an answer without them): the post goes out with the
 * limits kept since the sign-in, which stay as they were. @data: the
 * WartaTestInstanceKind: on one whose v1 says them, only v2's 404 would
 * have Warta ask v1, not these. */
static void
test_limit_not_said (Window        *w,
                     gconstpointer  data)
{
  WartaTestInstanceKind kind = GPOINTER_TO_INT (data);
  const struct { const char *what; guint status; const char *type, *body; } answers[] = {
    { "500", 500, NULL, NULL },
    { "html", 200, "text/html", WARTA_TEST_HTML_PAGE },
    { "no configuration", 200, "application/json", "{\"ok\": true}" },
  };

  /* Had it answered, it would have said 1,000. */
  set_limit_of (w, kind, 1000);

  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    {
      g_autofree char *title = g_strdup_printf ("Rakor %u", i);
      g_autoptr(WartaPublication) p = NULL;
      g_autoptr(WartaOutboxJob) job = NULL;

      g_test_message ("instance answers %s", answers[i].what);
      sign_in_with_limit (w, 500);
      g_clear_object (&w->publisher);
      p = warta_test_publish_make_approved (w->o->t, title, 1);
      /* The job's request, the only one (one attempt per request). */
      if (answers[i].body == NULL)
        warta_test_server_add_fault (w->server, "GET", "/api/v2/instance", 1,
                                     WARTA_TEST_FAULT_STATUS, answers[i].status);
      else
        warta_test_server_add_answer (w->server, "GET", "/api/v2/instance", 1, FALSE,
                                      answers[i].status, NULL, answers[i].type, answers[i].body);
      job = publish (w, p, WARTA_OUTBOX_STATE_DONE);
      g_assert_cmpuint (warta_test_server_count_requests (w->server, "GET", "/api/v2/instance"),
                        ==, i + 1);
      g_assert_cmpuint (warta_test_server_count_requests (w->server, "GET", "/api/v1/instance"),
                        ==, 0);
      g_assert_cmpuint (warta_test_server_get_post_count (w->server), ==, i + 1);
      g_assert_cmpuint (warta_test_server_get_media_count (w->server), ==, i + 1);
      g_assert_cmpuint (kept_max_characters (w), ==, 500);
    }
}

/* Not said, the limits kept still count: a post longer than the kept
 * limit is refused before its files go. */
static void
test_limit_not_said_kept_counts (Window        *w,
                                 gconstpointer  data)
{
  g_autoptr(WartaPublication) p = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(WartaPublishStep) step = NULL;

  sign_in_with_limit (w, 30);
  p = warta_test_publish_make_approved (w->o->t, "Rakor", 1);
  warta_test_server_add_fault (w->server, "GET", "/api/v2/instance", 0, WARTA_TEST_FAULT_STATUS,
                               503);
  w->job = warta_test_outbox_job_new (w->o, p, w->id);
  step = warta_test_outbox_run_step (w->publisher, w->job, &error);
  g_assert_null (step);
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_REJECTED);
  g_assert_nonnull (strstr (error->message, "this instance takes 30."));
  g_assert_null (strstr (error->message, "changed its limits"));
  g_assert_cmpuint (warta_test_server_count_requests (w->server, "POST", "/"), ==, 0);
}

/* An old fork (Pleroma, Glitch) without v2 says its status length as
 * /api/v1/instance's max_toot_chars: 5,000 there, a post of 4,000
 * characters the kept 500 refused goes out, and 5,000 is kept. */
static void
test_limit_max_toot_chars (Window        *w,
                           gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(WartaPublication) p = NULL;
  g_autoptr(WartaPublishStep) step = NULL;
  g_autofree char *before = NULL;

  while (text->len < 4000)
    g_string_append (text, "Rapat koordinasi pengawas. ");
  g_string_truncate (text, 3999);
  g_string_append_c (text, '.');
  g_assert_cmpuint (g_utf8_strlen (text->str, -1), ==, 4000);
  sign_in_with_limit (w, 500);
  w->o->t->mastodon_caption = text->str;
  p = warta_test_publish_make_approved (w->o->t, "Rakor sangat panjang", 0);
  w->o->t->mastodon_caption = NULL;
  before = dup_refusal (w, p);
  g_assert_nonnull (before);
  g_assert_nonnull (strstr (before, "this instance takes 500"));

  set_limit_of (w, WARTA_TEST_INSTANCE_V1_FORK, 5000);
  w->job = warta_test_outbox_job_new (w->o, p, w->id);
  step = finish (w);
  g_assert_cmpstr (warta_test_server_get_post_text (w->server, step->remote_id), ==, text->str);
  g_assert_cmpuint (warta_test_server_count_requests (w->server, "GET", "/api/v2/instance"), ==, 1);
  g_assert_cmpuint (warta_test_server_count_requests (w->server, "GET", "/api/v1/instance"), ==, 1);
  g_assert_cmpuint (kept_max_characters (w), ==, 5000);
  g_assert_null (dup_refusal (w, p));
}

/* A job resumed after its files went asks again, once for the run, keeps
 * what the instance says, and goes on as it began. */
static void
test_limit_resumed (Window        *w,
                    gconstpointer  data)
{
  g_autoptr(WartaPublishStep) step = NULL;

  sign_in_with_limit (w, 500);
  run_to_status (w, 2);
  g_assert_cmpuint (warta_test_server_count_requests (w->server, "GET", "/api/v2/instance"), ==, 1);

  /* As after a crash: a new run, its own publisher. */
  set_max_characters (w, 1000);
  g_clear_object (&w->publisher);
  w->publisher = warta_test_outbox_publisher_new (w->o, w->id, WARTA_TEST_MASTODON_TOKEN);
  step = finish (w);
  g_assert_cmpuint (warta_test_server_count_requests (w->server, "GET", "/api/v2/instance"), ==, 2);
  g_assert_cmpuint (warta_test_server_count_requests (w->server, "POST", "/api/v2/media"), ==, 2);
  g_assert_cmpuint (warta_test_server_get_post_count (w->server), ==, 1);
  g_assert_cmpuint (kept_max_characters (w), ==, 1000);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/warta/mastodon/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("happy-path", test_happy_path);
  ADD ("processing", test_processing);
  ADD ("processing-gives-up", test_processing_gives_up);
  ADD ("processing-cancel", test_processing_cancel);
  ADD ("idempotent-after-drop", test_idempotent_after_drop);
  ADD ("retry-5xx", test_retry_5xx);
  ADD ("malformed-answers", test_malformed_answers);
  ADD ("malformed-every-time", test_malformed_every_time);
  ADD ("rate-limited", test_rate_limited);
  ADD ("rate-limited-long", test_rate_limited_long);
  ADD ("revoked", test_revoked);
  ADD ("rejected", test_rejected);
  ADD ("invalid-media", test_invalid_media);
#undef ADD
  g_test_add_func ("/warta/mastodon/not-configured", test_not_configured);
#define ADD_WINDOW(path, func) \
  g_test_add ("/warta/mastodon/" path, Window, NULL, window_set_up, func, window_tear_down)
  ADD_WINDOW ("window-same-key", test_window_same_key);
  ADD_WINDOW ("window-found", test_window_found);
  ADD_WINDOW ("window-found-by-text", test_window_found_by_text);
  ADD_WINDOW ("window-not-found", test_window_not_found);
  ADD_WINDOW ("media-over-instance-limit", test_media_over_instance_limit);
  ADD_WINDOW ("media-instance-limit", test_media_instance_limit);
  ADD_WINDOW ("media-video-mix", test_media_video_mix);
  ADD_WINDOW ("media-limits-refreshed", test_media_limits_refreshed);
  ADD_WINDOW ("limit-raised", test_limit_raised);
  ADD_WINDOW ("limit-lowered", test_limit_lowered);
  ADD_WINDOW ("limit-not-said", test_limit_not_said);
  ADD_WINDOW ("limit-max-toot-chars", test_limit_max_toot_chars);
  ADD_WINDOW ("limit-not-said-kept-counts", test_limit_not_said_kept_counts);
  ADD_WINDOW ("limit-resumed", test_limit_resumed);
#undef ADD_WINDOW
  /* Mastodon 3.x: no /api/v2/instance, the limits in /api/v1/instance. */
  g_test_add ("/warta/mastodon/limit-lowered-v1", Window,
              GINT_TO_POINTER (WARTA_TEST_INSTANCE_V1), window_set_up, test_limit_lowered,
              window_tear_down);
  g_test_add ("/warta/mastodon/limit-not-said-v1", Window,
              GINT_TO_POINTER (WARTA_TEST_INSTANCE_V1), window_set_up, test_limit_not_said,
              window_tear_down);
  g_test_add_func ("/warta/mastodon/idempotency-key", test_idempotency_key);

  return g_test_run ();
}
