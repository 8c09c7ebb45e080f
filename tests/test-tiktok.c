/* test-tiktok.c: WartaTikTok against a loopback Content Posting API
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "warta-test-publisher.h"
#include "warta-test-garbage.h"
#include "warta-test-server.h"
#include "warta-tiktok.h"

#define MIB (G_GUINT64_CONSTANT (1024) * 1024)
#define SIZE (23 * MIB + 12345)

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
  WartaTikTok *tiktok;
  char *dir;
  GFile *file;
  char *sha256;
  guint chunks_confirmed;
} Fixture;

static void
chunk_confirmed_cb (WartaTikTok *tiktok,
                    const char  *publish_id,
                    guint        chunks,
                    Fixture     *f)
{
  f->chunks_confirmed = chunks;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  WartaRetryPolicy policy;
  g_autoptr(GError) error = NULL;
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *path = NULL;
  g_autoptr(GFileOutputStream) out = NULL;
  g_autofree guchar *buffer = g_malloc (MIB);

  f->server = warta_test_tiktok_server_new ();
  f->client = warta_http_client_new ();
  warta_retry_policy_init_default (&policy);
  policy.max_attempts = GPOINTER_TO_UINT (data) ? GPOINTER_TO_UINT (data) : 4;
  policy.initial_delay_ms = 20;
  policy.max_delay_ms = 100;
  policy.max_wait_ms = 5000;
  warta_http_client_set_retry_policy (f->client, &policy);
  f->tiktok = warta_tiktok_new (f->client, warta_test_server_get_url (f->server),
                                WARTA_TEST_TIKTOK_TOKEN);
  warta_tiktok_set_poll_interval (f->tiktok, 10, 5000);
  g_signal_connect (f->tiktok, "chunk-confirmed", G_CALLBACK (chunk_confirmed_cb), f);

  f->dir = g_dir_make_tmp ("warta-tiktok-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "video.mp4", NULL);
  f->file = g_file_new_for_path (path);
  out = g_file_replace (f->file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error);
  g_assert_no_error (error);
  for (guint64 offset = 0; offset < SIZE; offset += MIB)
    {
      gsize n = (gsize) MIN (MIB, SIZE - offset);

      for (gsize i = 0; i < n; i++)
        buffer[i] = (guchar) ((offset + i) % 251);
      g_checksum_update (sum, buffer, n);
      g_assert_true (g_output_stream_write_all (G_OUTPUT_STREAM (out), buffer, n, NULL, NULL, &error));
    }
  g_assert_true (g_output_stream_close (G_OUTPUT_STREAM (out), NULL, &error));
  f->sha256 = g_strdup (g_checksum_get_string (sum));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_file_get_path (f->file);

  g_assert_finalize_object (f->tiktok);
  g_assert_finalize_object (f->client);
  warta_test_server_free (f->server);
  g_assert_no_errno (g_unlink (path));
  g_assert_no_errno (g_rmdir (f->dir));
  g_object_unref (f->file);
  g_free (f->dir);
  g_free (f->sha256);
}

static WartaUpload *
new_upload (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  WartaUpload *upload = warta_upload_new_for_file (f->file, "video/mp4", &error);

  g_assert_no_error (error);
  return upload;
}

static WartaTikTokInit *
init_video (Fixture     *f,
            WartaUpload *upload,
            const char  *privacy,
            GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  warta_tiktok_init_video_async (f->tiktok, upload, "Peresmian jembatan #desa", privacy, FALSE,
                                 FALSE, TRUE, NULL, store_result_cb, &result);
  return warta_tiktok_init_video_finish (f->tiktok, wait_for (&result), error);
}

static gboolean
upload_chunks (Fixture          *f,
               WartaUpload      *upload,
               WartaTikTokInit  *init,
               guint             first,
               GCancellable     *cancellable,
               GError          **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  warta_tiktok_upload_async (f->tiktok, upload, init, first, cancellable, store_result_cb, &result);
  return warta_tiktok_upload_finish (f->tiktok, wait_for (&result), error);
}

static WartaRemoteResult *
wait_publish (Fixture          *f,
              WartaTikTokInit  *init,
              GError          **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  warta_tiktok_wait_publish_async (f->tiktok, init->publish_id, "wartakab", NULL, store_result_cb,
                                   &result);
  return warta_tiktok_wait_publish_finish (f->tiktok, wait_for (&result), error);
}

static void
test_plan (void)
{
  guint64 chunk;
  guint count;

  warta_tiktok_plan_chunks (MIB, 10 * MIB, &chunk, &count);
  g_assert_cmpuint (chunk, ==, MIB);
  g_assert_cmpuint (count, ==, 1);
  warta_tiktok_plan_chunks (SIZE, 10 * MIB, &chunk, &count);
  g_assert_cmpuint (chunk, ==, 10 * MIB);
  g_assert_cmpuint (count, ==, 2);
  warta_tiktok_plan_chunks (100 * MIB, 64 * MIB, &chunk, &count);
  g_assert_cmpuint (chunk, ==, 50 * MIB);
  g_assert_cmpuint (count, ==, 2);
  warta_tiktok_plan_chunks (G_GUINT64_CONSTANT (4000000000), 5 * MIB, &chunk, &count);
  g_assert_cmpuint (count, <=, 1000);
  g_assert_cmpuint (G_GUINT64_CONSTANT (4000000000) - (count - 1) * chunk, <=, 128 * MIB);
}

static void
test_publish (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(WartaUpload) upload = new_upload (f);
  g_autoptr(WartaTikTokCreatorInfo) info = NULL;
  g_autoptr(WartaTikTokInit) init = NULL;
  g_autoptr(WartaRemoteResult) res = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  warta_tiktok_query_creator_info_async (f->tiktok, NULL, store_result_cb, &result);
  info = warta_tiktok_query_creator_info_finish (f->tiktok, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (info->nickname, ==, "Warta Kabupaten");
  g_assert_true (g_strv_contains ((const char * const *) info->privacy_level_options, "SELF_ONLY"));
  g_assert_true (info->stitch_disabled);
  g_assert_cmpint (info->max_video_post_duration_sec, ==, 300);

  init = init_video (f, upload, "PUBLIC_TO_EVERYONE", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (init->chunk_size, ==, 10 * MIB);
  g_assert_cmpuint (init->total_chunk_count, ==, 2);
  g_assert_true (g_str_has_prefix (init->upload_url, warta_test_server_get_url (f->server)));

  warta_test_server_set_processing_polls (f->server, 2);
  g_assert_true (upload_chunks (f, upload, init, 0, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->chunks_confirmed, ==, 2);
  g_assert_cmpstr (warta_test_server_get_file_sha256 (f->server), ==, f->sha256);
  g_assert_cmpstr (warta_test_server_get_last_header (f->server, "Content-Range"), ==,
                   "bytes 10485760-24129592/24129593");
  g_assert_cmpint (warta_upload_get_state (upload), ==, WARTA_UPLOAD_STATE_PROCESSING);

  res = wait_publish (f, init, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (res->url, "https://www.tiktok.com/@wartakab/video/"));
  g_assert_cmpuint (warta_test_server_get_post_count (f->server), ==, 1);
}

/* Dropped mid-chunk twice (libsoup itself sends it again once): the
 * chunk is sent again, the file arrives whole. */
static void
test_drop (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(WartaUpload) upload = new_upload (f);
  g_autoptr(WartaTikTokInit) init = NULL;
  g_autoptr(WartaRemoteResult) res = NULL;
  g_autoptr(GError) error = NULL;

  init = init_video (f, upload, "SELF_ONLY", &error);
  g_assert_no_error (error);
  warta_test_server_add_fault (f->server, "PUT", "/video/", 2, WARTA_TEST_FAULT_DROP_MID_BODY, 3 * MIB);
  warta_test_server_add_fault (f->server, "PUT", "/video/", 3, WARTA_TEST_FAULT_DROP_MID_BODY, 3 * MIB);
  warta_test_server_add_fault (f->server, "PUT", "/video/", 4, WARTA_TEST_FAULT_STATUS, 503);
  g_assert_true (upload_chunks (f, upload, init, 0, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (warta_test_server_get_file_sha256 (f->server), ==, f->sha256);
  res = wait_publish (f, init, &error);
  g_assert_no_error (error);
  /* A private post has no public id yet: the publish id stands in. */
  g_assert_cmpstr (res->id, ==, init->publish_id);
  g_assert_null (res->url);
}

/* Resumed from a chunk the server does not expect: 416 says where. */
static void
test_range_mismatch (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(WartaUpload) upload = new_upload (f);
  g_autoptr(WartaTikTokInit) init = NULL;
  g_autoptr(GError) error = NULL;

  init = init_video (f, upload, "SELF_ONLY", &error);
  g_assert_no_error (error);
  g_assert_true (upload_chunks (f, upload, init, 1, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (warta_test_server_get_file_sha256 (f->server), ==, f->sha256);
  g_assert_cmpuint (warta_test_server_count_requests (f->server, "PUT", "/video/"), ==, 3);
}

typedef struct
{
  const char *name;
  WartaPublishError code;
} ErrorCase;

static void
test_errors (Fixture       *f,
             gconstpointer  data)
{
  static const ErrorCase cases[] = {
    { "rate_limit_exceeded", WARTA_PUBLISH_ERROR_RATE_LIMITED },
    { "spam_risk_too_many_posts", WARTA_PUBLISH_ERROR_RATE_LIMITED },
    { "unaudited_client_can_only_post_to_private_accounts", WARTA_PUBLISH_ERROR_PERMISSION_DENIED },
    { "internal_error", WARTA_PUBLISH_ERROR_RETRYABLE },
    { "access_token_invalid", WARTA_PUBLISH_ERROR_AUTH_EXPIRED },
  };
  g_autoptr(WartaUpload) upload = new_upload (f);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(WartaTikTokInit) init = NULL;
      g_autoptr(GError) error = NULL;

      warta_test_server_add_error (f->server, "POST", "/v2/post/publish/video/init/", 1, cases[i].name);
      init = init_video (f, upload, "SELF_ONLY", &error);
      g_assert_error (error, WARTA_PUBLISH_ERROR, (gint) cases[i].code);
      g_assert_cmpstr (warta_publish_error_get_platform_code (error), ==, cases[i].name);
      g_test_message ("%s: %s", cases[i].name, error->message);
      warta_test_server_assert_faults_used (f->server);
    }

  {
    g_autoptr(WartaTikTokInit) init = NULL;
    g_autoptr(GError) error = NULL;

    init = init_video (f, upload, "FRIENDS_ONLY", &error);
    g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_REJECTED);
    g_assert_cmpstr (warta_publish_error_get_platform_code (error), ==, "privacy_level_option_mismatch");
  }

  /* Processing fails: the file. */
  {
    g_autoptr(WartaTikTokInit) init = NULL;
    g_autoptr(WartaRemoteResult) res = NULL;
    g_autoptr(GError) error = NULL;

    init = init_video (f, upload, "SELF_ONLY", &error);
    g_assert_no_error (error);
    warta_test_server_add_error (f->server, "POST", "/v2/post/publish/creator_info/query/", 1,
                                 "file_format_check_failed");
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(WartaTikTokCreatorInfo) info = NULL;
      g_autoptr(GError) ignored = NULL;

      warta_tiktok_query_creator_info_async (f->tiktok, NULL, store_result_cb, &result);
      info = warta_tiktok_query_creator_info_finish (f->tiktok, wait_for (&result), &ignored);
    }
    g_assert_true (upload_chunks (f, upload, init, 0, NULL, &error));
    res = wait_publish (f, init, &error);
    g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_INVALID_MEDIA);
    g_assert_cmpstr (warta_publish_error_get_platform_code (error), ==, "file_format_check_failed");
  }

  /* The upload URL expired. */
  {
    g_autoptr(WartaTikTokInit) init = NULL;
    g_autoptr(GError) error = NULL;

    init = init_video (f, upload, "SELF_ONLY", &error);
    g_assert_no_error (error);
    warta_test_server_expire_sessions (f->server);
    g_assert_false (upload_chunks (f, upload, init, 0, NULL, &error));
    g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_RETRYABLE);
    g_assert_cmpstr (warta_publish_error_get_platform_code (error), ==, "upload_url_expired");
  }
  g_assert_cmpuint (warta_test_server_get_post_count (f->server), ==, 0);
}

/* One video post whose @nth request of @method @path gets @status and
 * @body (after the work with @commit): no crash; one post at most; an
 * error of Warta's saying what to do, or the post. */
static void
post_answered (Fixture    *f,
               const char *method,
               const char *path,
               guint       nth,
               gboolean    commit,
               guint       status,
               const char *content_type,
               const char *body,
               gboolean    must_succeed)
{
  g_autoptr(WartaUpload) upload = new_upload (f);
  g_autoptr(WartaTikTokInit) init = NULL;
  g_autoptr(WartaRemoteResult) res = NULL;
  g_autoptr(GError) error = NULL;
  guint posts = warta_test_server_get_post_count (f->server);

  g_test_message ("%s %s %u: %u %s", method, path, nth, status, body);
  warta_test_server_add_answer (f->server, method, path,
                                nth,
                                commit, status, NULL, content_type, body);
  init = init_video (f, upload, "PUBLIC_TO_EVERYONE", &error);
  if (init && upload_chunks (f, upload, init, 0, NULL, &error))
    res = wait_publish (f, init, &error);
  warta_test_assert_garbage_outcome (error, res ? res->id : NULL, must_succeed);
  g_assert_cmpuint (warta_test_server_get_post_count (f->server), <=, posts + 1);
  if (must_succeed)
    g_assert_cmpuint (warta_test_server_get_post_count (f->server), ==, posts + 1);
  warta_test_server_assert_faults_used (f->server);
}

/* The init, the chunks and the status answered by a proxy's HTML page
 * (502: retried) or a 200 that says nothing usable: one post each time,
 * the job done; a status TikTok never documented. */
static void
test_malformed_answers (Fixture       *f,
                        gconstpointer  data)
{
  const struct { const char *method, *path; guint nth; } steps[] = {
    { "POST", "/v2/post/publish/video/init/", 1 },
    { "PUT", "/video/", 1 },
    { "PUT", "/video/", 2 },
    { "POST", "/v2/post/publish/status/fetch/", 1 },
  };

  for (guint s = 0; s < G_N_ELEMENTS (steps); s++)
    {
      post_answered (f, steps[s].method, steps[s].path, steps[s].nth, FALSE, 502, "text/html",
                     WARTA_TEST_HTML_PAGE, TRUE);
      /* A chunk answered 200 (not 206 or 201) is sent again: TikTok's
       * 416 says what it has. Init, which posts nothing yet, and the
       * status, which only reads, are asked again. */
      for (guint i = 0; i < G_N_ELEMENTS (warta_test_garbage); i++)
        post_answered (f, steps[s].method, steps[s].path, steps[s].nth, TRUE, 200,
                       warta_test_garbage[i].content_type, warta_test_garbage[i].body, TRUE);
    }
  post_answered (f, "POST", "/v2/post/publish/status/fetch/", 0, FALSE, 200, "application/json",
                 "{\"data\": {\"status\": \"SENDING_TO_MARS\"}, "
                 "\"error\": {\"code\": \"ok\", \"message\": \"\"}}", FALSE);
}

/* The status, then init, answered with what Warta cannot read every
 * time: asked as often as after a 5xx, then the status is asked again
 * later, while init, which publishes, stops saying so; after init's
 * nothing is sent. */
static void
test_malformed_every_time (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(WartaUpload) upload = new_upload (f);
  g_autoptr(WartaTikTokInit) init = NULL;
  g_autoptr(GError) error = NULL;
  guint fetches = 0;
  guint inits, chunks;

  /* Still processing when the chunks are in: only the status says when
   * it is posted. */
  warta_test_server_set_processing_polls (f->server, 1);
  for (guint i = 0; i < G_N_ELEMENTS (warta_test_garbage); i++)
    {
      g_autoptr(WartaUpload) sent = new_upload (f);
      g_autoptr(WartaTikTokInit) made = NULL;
      g_autoptr(WartaRemoteResult) res = NULL;
      g_autoptr(GError) poll_error = NULL;

      g_test_message ("status: %s", warta_test_garbage[i].what);
      made = init_video (f, sent, "PUBLIC_TO_EVERYONE", &poll_error);
      g_assert_no_error (poll_error);
      g_assert_true (upload_chunks (f, sent, made, 0, NULL, &poll_error));
      g_assert_no_error (poll_error);
      /* Each of the attempts (a fault of nth 0 would outlive this one). */
      for (guint nth = 1; nth <= 4; nth++)
        warta_test_server_add_answer (f->server, "POST", "/v2/post/publish/status/fetch/", nth,
                                      FALSE, 200, NULL, warta_test_garbage[i].content_type,
                                      warta_test_garbage[i].body);
      res = wait_publish (f, made, &poll_error);
      g_assert_null (res);
      warta_test_assert_read_later (poll_error);
      fetches += 4;
      g_assert_cmpuint (warta_test_server_count_requests (f->server, "POST",
                                                          "/v2/post/publish/status/fetch/"),
                        ==, fetches);
      warta_test_server_assert_faults_used (f->server);
    }
  g_assert_cmpuint (warta_test_server_get_post_count (f->server), ==, 0);

  inits = warta_test_server_count_requests (f->server, "POST", "/v2/post/publish/video/init/");
  chunks = warta_test_server_count_requests (f->server, "PUT", "/video/");
  warta_test_server_add_answer (f->server, "POST", "/v2/post/publish/video/init/", 0, TRUE, 200,
                                NULL, "application/json",
                                "{\"data\": {}, \"error\": {\"code\": \"ok\"}}");
  init = init_video (f, upload, "SELF_ONLY", &error);
  g_assert_null (init);
  warta_test_assert_not_understood (error);
  g_assert_cmpuint (warta_test_server_count_requests (f->server, "POST",
                                                      "/v2/post/publish/video/init/"),
                    ==, inits + 4);
  g_assert_cmpuint (warta_test_server_count_requests (f->server, "PUT", "/video/"), ==, chunks);
  g_assert_cmpuint (warta_test_server_get_post_count (f->server), ==, 0);
}

/* A chunk's answer has no body Warta reads: 206 or 201 says it is in.
 * A 200 that is neither (a proxy's page) every time: the chunk sent again
 * within the attempts, as after a 5xx, then Warta tries again later; init
 * once, and the later try posts once with the same publish_id. */
static void
test_chunk_malformed_every_time (Fixture       *f,
                                 gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (warta_test_garbage); i++)
    {
      g_autoptr(WartaUpload) upload = new_upload (f);
      g_autoptr(WartaTikTokInit) init = NULL;
      g_autoptr(GError) error = NULL;
      guint inits = warta_test_server_count_requests (f->server, "POST",
                                                      "/v2/post/publish/video/init/");
      guint chunks = warta_test_server_count_requests (f->server, "PUT", "/video/");

      g_test_message ("chunk: %s", warta_test_garbage[i].what);
      init = init_video (f, upload, "PUBLIC_TO_EVERYONE", &error);
      g_assert_no_error (error);
      /* Each of the attempts (a fault of nth 0 would outlive this one);
       * one more would be answered as TikTok does. */
      for (guint nth = 1; nth <= 4; nth++)
        warta_test_server_add_answer (f->server, "PUT", "/video/", nth, FALSE, 200, NULL,
                                      warta_test_garbage[i].content_type,
                                      warta_test_garbage[i].body);
      g_assert_false (upload_chunks (f, upload, init, 0, NULL, &error));
      warta_test_assert_read_later (error);
      g_assert_cmpint (warta_upload_get_state (upload), ==, WARTA_UPLOAD_STATE_FAILED);
      g_assert_cmpuint (warta_test_server_count_requests (f->server, "POST",
                                                          "/v2/post/publish/video/init/"),
                        ==, inits + 1);
      g_assert_cmpuint (warta_test_server_count_requests (f->server, "PUT", "/video/"), ==,
                        chunks + 4);
      warta_test_server_assert_faults_used (f->server);

      /* Tried again later: the same publish_id's chunks, then one post. */
      {
        g_autoptr(WartaUpload) again = new_upload (f);
        g_autoptr(WartaRemoteResult) res = NULL;

        g_clear_error (&error);
        g_assert_true (upload_chunks (f, again, init, 0, NULL, &error));
        g_assert_no_error (error);
        res = wait_publish (f, init, &error);
        g_assert_no_error (error);
        g_assert_nonnull (res);
        g_assert_cmpuint (warta_test_server_get_post_count (f->server), ==, i + 1);
      }
    }
  g_assert_cmpuint (warta_test_server_count_requests (f->server, "POST",
                                                      "/v2/post/publish/video/init/"),
                    ==, G_N_ELEMENTS (warta_test_garbage));
}

static void
cancel_at_cb (WartaUpload  *upload,
              GParamSpec   *pspec,
              GCancellable *cancellable)
{
  if (warta_upload_get_bytes_sent (upload) >= 12 * MIB)
    g_cancellable_cancel (cancellable);
}

/* Cancel while a chunk is on its way: it never reaches TikTok whole. */
static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(WartaUpload) upload = new_upload (f);
  g_autoptr(WartaTikTokInit) init = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  init = init_video (f, upload, "SELF_ONLY", &error);
  g_assert_no_error (error);
  g_signal_connect (upload, "notify::bytes-sent", G_CALLBACK (cancel_at_cb), cancellable);
  g_assert_false (upload_chunks (f, upload, init, 0, cancellable, &error));
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_CANCELLED);
  g_assert_cmpint (warta_upload_get_state (upload), ==, WARTA_UPLOAD_STATE_CANCELLED);
  g_assert_cmpuint (warta_test_server_count_requests (f->server, "PUT", "/video/"), ==, 1);
  g_assert_cmpuint (warta_test_server_get_post_count (f->server), ==, 0);
}

/* Cancel once the second chunk is in and TikTok is slow to answer it:
 * the upload stops at once, not when the answer comes. */
static void
test_cancel_slow_answer (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(WartaUpload) upload = new_upload (f);
  g_autoptr(WartaTikTokInit) init = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  gint64 start;

  init = init_video (f, upload, "SELF_ONLY", &error);
  g_assert_no_error (error);
  warta_test_server_add_fault (f->server, "PUT", "/video/", 2, WARTA_TEST_FAULT_DELAY, 10000);
  warta_test_server_cancel_at (f->server, "PUT", "/video/", 2, cancellable);
  start = g_get_monotonic_time ();
  g_assert_false (upload_chunks (f, upload, init, 0, cancellable, &error));
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_CANCELLED);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
  g_assert_cmpint (warta_upload_get_state (upload), ==, WARTA_UPLOAD_STATE_CANCELLED);
  g_assert_cmpuint (warta_test_server_count_requests (f->server, "PUT", "/video/"), ==, 2);
  g_assert_cmpuint (warta_test_server_get_post_count (f->server), ==, 0);
}

/* Photos served by the office's website (the loopback WordPress); @n
 * addresses, the last one missing when @missing. */
static GPtrArray *
serve_photos (WartaTestServer *website,
              guint            n,
              gboolean         missing)
{
  GPtrArray *urls = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = g_strdup_printf ("/wp-content/uploads/2026/11/rakor-%u.jpg", i + 1);
      g_autoptr(GByteArray) jpeg = g_byte_array_new ();
      static const guint8 soi[] = { 0xFF, 0xD8, 0xFF, 0xE0 }, eoi[] = { 0xFF, 0xD9 };
      g_autoptr(GBytes) bytes = NULL;

      g_byte_array_append (jpeg, soi, sizeof soi);
      for (guint j = 0; j < 2048; j++)
        g_byte_array_append (jpeg, (const guint8 *) &j, 1);
      g_byte_array_append (jpeg, eoi, sizeof eoi);
      bytes = g_byte_array_free_to_bytes (g_steal_pointer (&jpeg));
      if (!missing || i + 1 < n)
        warta_test_server_add_file (website, path, "image/jpeg", bytes);
      g_ptr_array_add (urls, g_strconcat (warta_test_server_get_url (website), path, NULL));
    }
  g_ptr_array_add (urls, NULL);
  return urls;
}

static char *
init_photo (Fixture     *f,
            GPtrArray   *urls,
            const char  *title,
            GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  warta_tiktok_init_photo_async (f->tiktok, title, "Rapat koordinasi pengawasan dana desa #desa",
                                 (const char * const *) urls->pdata, 1, "PUBLIC_TO_EVERYONE", TRUE,
                                 NULL, store_result_cb, &result);
  return warta_tiktok_init_photo_finish (f->tiktok, wait_for (&result), error);
}

/* content/init: PHOTO, DIRECT_POST, PULL_FROM_URL; TikTok fetches each
 * photo from the website before the post is complete. The title is cut
 * to 90 UTF-16 code units (an emoji counts two), between characters. */
static void
test_photos (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(WartaTestServer) website = warta_test_server_new (WARTA_TEST_WORDPRESS);
  g_autoptr(GPtrArray) urls = serve_photos (website, 3, FALSE);
  g_autoptr(GString) title = g_string_new (NULL);
  g_autofree char *publish_id = NULL;
  g_autoptr(WartaRemoteResult) res = NULL;
  g_autoptr(JsonNode) info = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  const char *sent;

  for (guint i = 0; i < 44; i++)
    g_string_append (title, "ab");
  g_string_append (title, "\xF0\x9F\x98\x80 tail");     /* 88 + 2 + 5 units */
  publish_id = init_photo (f, urls, title->str, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (publish_id, "p_pub_url~"));

  info = json_from_string (warta_test_tiktok_server_get_last_post_info (f->server), &error);
  g_assert_no_error (error);
  sent = json_object_get_string_member (json_node_get_object (info), "title");
  g_assert_cmpuint (strlen (sent), ==, 88 + 4);
  g_assert_true (g_str_has_suffix (sent, "\xF0\x9F\x98\x80"));
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (info), "privacy_level"), ==,
                   "PUBLIC_TO_EVERYONE");
  g_assert_true (json_object_get_boolean_member (json_node_get_object (info), "disable_comment"));

  warta_tiktok_wait_publish_async (f->tiktok, publish_id, "wartakab", NULL, store_result_cb, &result);
  res = warta_tiktok_wait_publish_finish (f->tiktok, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (res->id);
  g_assert_cmpuint (warta_test_tiktok_server_count_photo_fetches (f->server), ==, 3);
  g_assert_cmpuint (warta_test_server_count_requests (website, "GET", "/wp-content/uploads/"), ==, 3);
  g_assert_cmpuint (warta_test_server_get_post_count (f->server), ==, 1);
}

/* The website is not verified for the app; a photo TikTok cannot fetch:
 * each says what to do. */
static void
test_photo_errors (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(WartaTestServer) website = warta_test_server_new (WARTA_TEST_WORDPRESS);
  g_autoptr(GPtrArray) urls = serve_photos (website, 2, TRUE);
  g_autoptr(GPtrArray) none = g_ptr_array_new ();

  {
    g_autofree char *publish_id = NULL;
    g_autoptr(GError) error = NULL;

    warta_test_server_add_error (f->server, "POST", "/v2/post/publish/content/init/", 1,
                                 "url_ownership_unverified");
    publish_id = init_photo (f, urls, "Rakor", &error);
    g_assert_null (publish_id);
    g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_PERMISSION_DENIED);
    g_assert_cmpstr (warta_publish_error_get_platform_code (error), ==, "url_ownership_unverified");
    g_assert_nonnull (strstr (error->message, "verify the website’s domain with TikTok"));
  }

  {
    g_autofree char *publish_id = NULL;
    g_autoptr(WartaRemoteResult) res = NULL;
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GError) error = NULL;

    publish_id = init_photo (f, urls, "Rakor", &error);
    g_assert_no_error (error);
    warta_tiktok_wait_publish_async (f->tiktok, publish_id, "wartakab", NULL, store_result_cb,
                                     &result);
    res = warta_tiktok_wait_publish_finish (f->tiktok, wait_for (&result), &error);
    g_assert_null (res);
    g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_REJECTED);
    g_assert_cmpstr (warta_publish_error_get_platform_code (error), ==, "photo_pull_failed");
    g_assert_nonnull (strstr (error->message, "post the photos in the TikTok app"));
  }

  /* No photo at all: refused before anything is sent. */
  {
    g_autofree char *publish_id = NULL;
    g_autoptr(GError) error = NULL;

    g_ptr_array_add (none, NULL);
    publish_id = init_photo (f, none, "Rakor", &error);
    g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_REJECTED);
  }
  g_assert_cmpuint (warta_test_server_count_requests (f->server, "POST", "/v2/post/publish/content/init/"), ==, 2);
  g_assert_cmpuint (warta_test_server_get_post_count (f->server), ==, 0);
}

/* content/init is the post (§5.6) and has no idempotency key: it is sent
 * once, never again in place, though the client's policy allows four
 * attempts. Its body gone out and no refusal back (the answer lost after
 * the post was made, the connection dropped, a 500): the post may exist,
 * WARTA_PUBLISH_ERROR_UNCONFIRMED. A refusal in TikTok's words (429) and a
 * refused connection are no post: the usual errors. */
static void
assert_init_photo_fails (Fixture   *f,
                         GPtrArray *urls,
                         guint      code)
{
  g_autofree char *publish_id = NULL;
  g_autoptr(GError) error = NULL;

  publish_id = init_photo (f, urls, "Rakor", &error);
  g_assert_null (publish_id);
  g_assert_error (error, WARTA_PUBLISH_ERROR, (gint) code);
  if (code == WARTA_PUBLISH_ERROR_UNCONFIRMED)
    g_assert_nonnull (strstr (error->message, "Post Again"));
}

static void
test_photo_lost_answer (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(WartaTestServer) website = warta_test_server_new (WARTA_TEST_WORDPRESS);
  g_autoptr(GPtrArray) urls = serve_photos (website, 2, FALSE);
  const char *path = "/v2/post/publish/content/init/";

  warta_test_server_add_fault (f->server, "POST", path, 1, WARTA_TEST_FAULT_DROP_AFTER_COMMIT, 0);
  assert_init_photo_fails (f, urls, WARTA_PUBLISH_ERROR_UNCONFIRMED);
  g_assert_cmpuint (warta_test_server_get_media_count (f->server), ==, 1);
  g_assert_cmpuint (warta_test_server_count_requests (f->server, "POST", path), ==, 1);

  warta_test_server_add_fault (f->server, "POST", path, 1, WARTA_TEST_FAULT_DROP, 0);
  assert_init_photo_fails (f, urls, WARTA_PUBLISH_ERROR_UNCONFIRMED);
  g_assert_cmpuint (warta_test_server_count_requests (f->server, "POST", path), ==, 2);

  warta_test_server_add_error (f->server, "POST", path, 1, "internal_error");
  assert_init_photo_fails (f, urls, WARTA_PUBLISH_ERROR_UNCONFIRMED);
  g_assert_cmpuint (warta_test_server_count_requests (f->server, "POST", path), ==, 3);

  warta_test_server_add_error (f->server, "POST", path, 1, "rate_limit_exceeded");
  assert_init_photo_fails (f, urls, WARTA_PUBLISH_ERROR_RATE_LIMITED);
  g_assert_cmpuint (warta_test_server_count_requests (f->server, "POST", path), ==, 4);
  g_assert_cmpuint (warta_test_server_get_media_count (f->server), ==, 1);

  /* Nobody listens: refused before anything went out. */
  {
    g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                              G_SOCKET_PROTOCOL_TCP, NULL);
    g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
    g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
    g_autoptr(GSocketAddress) bound = NULL;
    g_autofree char *url = NULL;
    g_autoptr(GError) error = NULL;

    g_assert_true (g_socket_bind (socket, any, FALSE, &error));
    bound = g_socket_get_local_address (socket, &error);
    g_assert_no_error (error);
    url = g_strdup_printf ("http://127.0.0.1:%u",
                           g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
    g_assert_true (g_socket_close (socket, &error));
    g_object_unref (f->tiktok);
    f->tiktok = warta_tiktok_new (f->client, url, WARTA_TEST_TIKTOK_TOKEN);
    assert_init_photo_fails (f, urls, WARTA_PUBLISH_ERROR_RETRYABLE);
  }
}

/* One video, or up to 35 photos: anything else is refused before any
 * request, never posted with some left out. */
static void
test_media_refused (void)
{
  g_autoptr(WartaTestOutbox) o = warta_test_outbox_new ();
  g_autoptr(WartaTestServer) server = warta_test_tiktok_server_new ();
  gint64 id = warta_test_outbox_add_account (o, "tiktok", server, NULL, WARTA_TEST_TIKTOK_TOKEN);
  g_autoptr(WartaPublication) p = NULL;
  g_autoptr(WartaOutboxJob) job = NULL;

  p = warta_test_publish_make_approved_with_videos (o->t, "Rakor video dan foto", 2, 1, 300 * 1024);
  job = warta_test_outbox_publish (o, p, id, WARTA_OUTBOX_STATE_FAILED);
  g_assert_cmpstr (warta_outbox_job_get_error_code (job), ==, "rejected");
  g_assert_nonnull (strstr (warta_outbox_job_get_error_message (job),
                            "TikTok cannot show a video and photos in one post"));
  g_clear_object (&job);
  g_clear_object (&p);

  p = warta_test_publish_make_approved_with_videos (o->t, "Rakor 36 foto", 36, 0, 0);
  job = warta_test_outbox_publish (o, p, id, WARTA_OUTBOX_STATE_FAILED);
  g_assert_cmpstr (warta_outbox_job_get_error_code (job), ==, "rejected");
  g_assert_nonnull (strstr (warta_outbox_job_get_error_message (job), "TikTok takes at most 35 photos"));
  g_assert_nonnull (strstr (warta_outbox_job_get_error_message (job), "by hand"));
  g_assert_cmpuint (warta_test_server_count_requests (server, "POST", "/"), ==, 0);
  g_assert_cmpuint (warta_test_server_count_requests (server, "PUT", "/"), ==, 0);
  g_assert_cmpuint (warta_test_server_get_post_count (server), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  /* Loopback only; the isolated XDG dirs hide the proxy settings' schema. */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func, attempts) \
  g_test_add ("/warta/tiktok/" path, Fixture, GUINT_TO_POINTER (attempts), fixture_set_up, \
              func, fixture_tear_down)
  ADD ("publish", test_publish, 0);
  ADD ("drop", test_drop, 0);
  ADD ("malformed-answers", test_malformed_answers, 0);
  ADD ("malformed-every-time", test_malformed_every_time, 0);
  ADD ("chunk-malformed-every-time", test_chunk_malformed_every_time, 0);
  ADD ("range-mismatch", test_range_mismatch, 0);
  ADD ("errors", test_errors, 1);
  ADD ("cancel", test_cancel, 0);
  ADD ("cancel-slow-answer", test_cancel_slow_answer, 0);
  ADD ("photos", test_photos, 0);
  ADD ("photo-errors", test_photo_errors, 1);
  ADD ("photo-lost-answer", test_photo_lost_answer, 0);
#undef ADD
  g_test_add_func ("/warta/tiktok/plan", test_plan);
  g_test_add_func ("/warta/tiktok/media-refused", test_media_refused);

  return g_test_run ();
}
