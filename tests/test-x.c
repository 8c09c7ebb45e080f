/* test-x.c: WartaX against a loopback X API v2
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "warta-test-garbage.h"
#include "warta-test-publisher.h"
#include "warta-test-server.h"
#include "warta-x.h"

#define MIB (1024 * 1024)

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

static GInputStream *
open_bytes (gpointer       user_data,
            GCancellable  *cancellable,
            GError       **error)
{
  return g_memory_input_stream_new_from_bytes (user_data);
}

static GBytes *
pattern_bytes (gsize size)
{
  guchar *data = g_malloc (size);

  for (gsize i = 0; i < size; i++)
    data[i] = (guchar) (i % 251);
  if (size >= 2)
    {
      data[0] = 0xFF;
      data[1] = 0xD8;
    }
  return g_bytes_new_take (data, size);
}

static WartaUpload *
new_upload (gsize        size,
            const char  *filename,
            const char  *content_type,
            char       **sha256)
{
  GBytes *bytes = pattern_bytes (size);

  if (sha256)
    *sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  return warta_upload_new_for_stream_func (open_bytes, bytes, (GDestroyNotify) g_bytes_unref,
                                           size, filename, content_type);
}

typedef struct
{
  WartaTestServer *server;
  WartaHttpClient *client;
  WartaX *x;
  char *initialized;
} Fixture;

static void
media_initialized_cb (WartaX     *x,
                      const char *media_id,
                      Fixture    *f)
{
  g_free (f->initialized);
  f->initialized = g_strdup (media_id);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  WartaRetryPolicy policy;

  f->server = warta_test_x_server_new ();
  f->client = warta_http_client_new ();
  warta_retry_policy_init_default (&policy);
  policy.max_attempts = GPOINTER_TO_UINT (data) ? GPOINTER_TO_UINT (data) : 4;
  policy.initial_delay_ms = 20;
  policy.max_delay_ms = 100;
  policy.max_wait_ms = 5000;
  warta_http_client_set_retry_policy (f->client, &policy);
  f->x = warta_x_new (f->client, warta_test_server_get_url (f->server), WARTA_TEST_X_TOKEN);
  warta_x_set_max_poll_wait (f->x, 20);
  g_signal_connect (f->x, "media-initialized", G_CALLBACK (media_initialized_cb), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->x);
  g_assert_finalize_object (f->client);
  warta_test_server_free (f->server);
  g_free (f->initialized);
}

static WartaRemoteResult *
upload_media (Fixture       *f,
              WartaUpload   *upload,
              const char    *resume,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  warta_x_upload_media_async (f->x, upload, NULL, resume, cancellable, store_result_cb, &result);
  return warta_x_upload_media_finish (f->x, wait_for (&result), error);
}

static WartaRemoteResult *
post (Fixture     *f,
      const char  *text,
      const char  *media_id,
      GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  const char *ids[] = { media_id, NULL };

  warta_x_post_async (f->x, text, ids, NULL, store_result_cb, &result);
  return warta_x_post_finish (f->x, wait_for (&result), error);
}

static void
assert_post_url (WartaRemoteResult *res)
{
  g_autofree char *url = g_strconcat ("https://x.com/i/web/status/", res->id, NULL);

  g_assert_cmpstr (res->url, ==, url);
}

static void
test_image_post (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *sha = NULL;
  g_autoptr(WartaUpload) upload = new_upload (300 * 1024, "foto.jpg", "image/jpeg", &sha);
  g_autoptr(WartaRemoteResult) media = NULL;
  g_autoptr(WartaRemoteResult) res = NULL;
  g_autoptr(GError) error = NULL;

  media = upload_media (f, upload, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (media->id, ==, f->initialized);
  g_assert_null (media->url);
  g_assert_cmpstr (warta_test_server_get_file_sha256 (f->server), ==, sha);
  g_assert_cmpint (warta_upload_get_state (upload), ==, WARTA_UPLOAD_STATE_DONE);
  g_assert_cmpfloat (warta_upload_get_fraction (upload), ==, 1.0);
  /* An image is ready at once: no status poll. */
  g_assert_cmpuint (warta_test_server_count_requests (f->server, "GET", "/2/media/upload"), ==, 0);

  res = post (f, "Jembatan baru diresmikan https://warta.example.id/berita/1 & <sore>", media->id,
              &error);
  g_assert_no_error (error);
  assert_post_url (res);
  g_assert_false (res->reused);
  g_assert_cmpuint (warta_test_server_get_post_count (f->server), ==, 1);
}

static gboolean
delete_post (Fixture     *f,
             const char  *id,
             GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  warta_x_delete_post_async (f->x, id, NULL, store_result_cb, &result);
  return warta_x_delete_post_finish (f->x, wait_for (&result), error);
}

/* Taken down: DELETE /2/tweets/:id; a post already gone (404) counts as
 * deleted; a 503 is retried; a revoked token says to sign in again. */
static void
test_delete (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(WartaRemoteResult) res = NULL;
  g_autoptr(GError) error = NULL;

  res = post (f, "Rapat koordinasi", NULL, &error);
  g_assert_no_error (error);
  warta_test_server_add_fault (f->server, "DELETE", "/2/tweets/", 1, WARTA_TEST_FAULT_STATUS, 503);
  g_assert_true (delete_post (f, res->id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (warta_test_x_server_get_deleted_count (f->server), ==, 1);
  g_assert_cmpuint (warta_test_server_count_requests (f->server, "DELETE", "/2/tweets/"), ==, 2);

  /* Deleted on X by hand meanwhile, or the answer was lost: gone. */
  g_assert_true (delete_post (f, res->id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (warta_test_x_server_get_deleted_count (f->server), ==, 1);

  g_clear_pointer (&res, warta_remote_result_free);
  res = post (f, "Rapat kedua", NULL, &error);
  g_assert_no_error (error);
  warta_test_server_revoke_credentials (f->server);
  g_assert_false (delete_post (f, res->id, &error));
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_AUTH_EXPIRED);
  g_assert_cmpuint (warta_test_x_server_get_deleted_count (f->server), ==, 1);
}

/* A 9 MiB video in 4 MiB segments; processing reported, then polled. */
static void
test_video_processing (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *sha = NULL;
  g_autoptr(WartaUpload) upload = new_upload (9 * MIB + 7, "video.mp4", "video/mp4", &sha);
  g_autoptr(WartaRemoteResult) media = NULL;
  g_autoptr(WartaRemoteResult) res = NULL;
  g_autoptr(GError) error = NULL;

  warta_x_set_segment_size (f->x, 4 * MIB);
  warta_test_server_set_processing_polls (f->server, 3);
  warta_test_server_add_fault (f->server, "POST", "/2/media/upload/", 3, WARTA_TEST_FAULT_STATUS,
                               500);
  media = upload_media (f, upload, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (warta_test_server_get_file_sha256 (f->server), ==, sha);
  /* initialize, three appends (one twice), finalize. */
  g_assert_cmpuint (warta_test_server_count_requests (f->server, "POST", "/2/media/upload/"), ==, 6);
  g_assert_cmpuint (warta_test_server_count_requests (f->server, "GET", "/2/media/upload"), ==, 3);

  res = post (f, "Video peresmian", media->id, &error);
  g_assert_no_error (error);
  assert_post_url (res);
}

/* The upload stops before finalize; resumed with the stored media id. */
static void
test_resume_media (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *sha = NULL;
  g_autoptr(WartaUpload) upload = new_upload (3 * MIB, "video.mp4", "video/mp4", &sha);
  g_autoptr(WartaRemoteResult) media = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;

  warta_x_set_segment_size (f->x, MIB);
  warta_test_server_add_error (f->server, "POST", "/2/media/upload/", 4, "invalid-request");
  media = upload_media (f, upload, NULL, NULL, &error);
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_INVALID_MEDIA);
  g_assert_cmpint (warta_upload_get_state (upload), ==, WARTA_UPLOAD_STATE_FAILED);
  g_clear_error (&error);
  stored = g_strdup (f->initialized);
  g_assert_nonnull (stored);

  media = upload_media (f, upload, stored, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (media->id, ==, stored);
  g_assert_cmpstr (warta_test_server_get_file_sha256 (f->server), ==, sha);
  g_assert_cmpuint (warta_test_server_count_requests (f->server, "POST",
                                                      "/2/media/upload/initialize"), ==, 1);
  g_assert_cmpuint (warta_test_server_get_media_count (f->server), ==, 1);
}

/* The answer to POST /2/tweets is lost; the timeline has the post. */
static void
test_lost_answer (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(WartaRemoteResult) res = NULL;
  g_autoptr(GError) error = NULL;

  warta_test_server_add_fault (f->server, "POST", "/2/tweets", 1,
                               WARTA_TEST_FAULT_DROP_AFTER_COMMIT, 0);
  res = post (f, "Rapat koordinasi https://warta.example.id/r", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (res->reused);
  assert_post_url (res);
  g_assert_cmpuint (warta_test_server_get_post_count (f->server), ==, 1);
  g_assert_cmpuint (warta_test_server_count_requests (f->server, "POST", "/2/tweets"), ==, 1);
}

/* Each step answered by a proxy's HTML page (502: passed over, retried)
 * or by a 200 that says nothing usable: never a crash. A media step makes
 * nothing public and is asked again, the tweet is looked for: either
 * way the tweet is made, once. */
static void
test_malformed_answers (Fixture       *f,
                        gconstpointer  data)
{
  /* The media paths carry the id: the 1st, 2nd and 3rd request of an
   * image's upload are initialize, append (one chunk) and finalize. */
  const struct { const char *method, *path; guint nth; } steps[] = {
    { "POST", "/2/media/upload/", 1 },
    { "POST", "/2/media/upload/", 2 },
    { "POST", "/2/media/upload/", 3 },
    { "POST", "/2/tweets", 1 },
  };

  for (guint s = 0; s < G_N_ELEMENTS (steps); s++)
    {
      const char *method = steps[s].method;
      const char *path = steps[s].path;
      g_autoptr(WartaUpload) upload = new_upload (300 * 1024, "foto.jpg", "image/jpeg", NULL);
      g_autoptr(WartaRemoteResult) media = NULL;
      g_autoptr(WartaRemoteResult) res = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;
      guint posts = warta_test_server_get_post_count (f->server);

      /* 502 with HTML: transient, the next attempt goes through. */
      warta_test_server_add_answer (f->server, method, path,
                                    steps[s].nth,
                                    FALSE, 502, NULL, "text/html", WARTA_TEST_HTML_PAGE);
      media = upload_media (f, upload, NULL, NULL, &error);
      g_assert_no_error (error);
      text = g_strdup_printf ("Kabar lewat proksi %u", s);
      res = post (f, text, media->id, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (warta_test_server_get_post_count (f->server), ==, posts + 1);
      g_clear_pointer (&media, warta_remote_result_free);
      g_clear_pointer (&res, warta_remote_result_free);
      g_clear_object (&upload);
      g_clear_pointer (&text, g_free);
      warta_test_server_assert_faults_used (f->server);

      for (guint i = 0; i < G_N_ELEMENTS (warta_test_garbage); i++)
        {
          g_test_message ("%s %s: %s", method, path, warta_test_garbage[i].what);
          text = g_strdup_printf ("Kabar %u %u", s, i);
          posts = warta_test_server_get_post_count (f->server);
          upload = new_upload (300 * 1024, "foto.jpg", "image/jpeg", NULL);
          warta_test_server_add_answer (f->server, method, path,
                                        steps[s].nth,
                                        TRUE, 200, NULL, warta_test_garbage[i].content_type,
                                        warta_test_garbage[i].body);
          media = upload_media (f, upload, NULL, NULL, &error);
          if (media)
            res = post (f, text, media->id, &error);
          warta_test_assert_garbage_outcome (error, res ? res->id : NULL, TRUE);
          g_assert_cmpuint (warta_test_server_get_post_count (f->server), ==, posts + 1);
          g_clear_error (&error);
          g_clear_pointer (&media, warta_remote_result_free);
          g_clear_pointer (&res, warta_remote_result_free);
          g_clear_object (&upload);
          g_clear_pointer (&text, g_free);
          warta_test_server_assert_faults_used (f->server);
        }
    }
}

/* A media step answered with what Warta cannot read every time: asked
 * as often as after a 5xx, then Warta tries again later; no tweet. */
static void
test_malformed_every_time (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(WartaUpload) upload = new_upload (300 * 1024, "foto.jpg", "image/jpeg", NULL);
  g_autoptr(WartaRemoteResult) media = NULL;
  g_autoptr(GError) error = NULL;

  warta_test_server_add_answer (f->server, "POST", "/2/media/upload/initialize", 0, TRUE, 200,
                                NULL, "application/json", "{\"ok\": true}");
  media = upload_media (f, upload, NULL, NULL, &error);
  g_assert_null (media);
  warta_test_assert_read_later (error);
  g_assert_cmpuint (warta_test_server_count_requests (f->server, "POST",
                                                      "/2/media/upload/initialize"), ==, 4);
  g_assert_cmpuint (warta_test_server_count_requests (f->server, "POST", "/2/media/upload/"),
                    ==, 4);
  g_assert_cmpuint (warta_test_server_get_post_count (f->server), ==, 0);
}

/* 500 before anything was made: looked for, not found, sent again. */
static void
test_server_error (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(WartaRemoteResult) res = NULL;
  g_autoptr(GError) error = NULL;

  warta_test_server_add_fault (f->server, "POST", "/2/tweets", 1, WARTA_TEST_FAULT_STATUS, 503);
  res = post (f, "Pengumuman", NULL, &error);
  g_assert_no_error (error);
  g_assert_false (res->reused);
  g_assert_cmpuint (warta_test_server_get_post_count (f->server), ==, 1);
  g_assert_cmpuint (warta_test_server_count_requests (f->server, "GET", "/2/users/"), ==, 2);
}

/* Posting the same text again: X says duplicate, Warta finds the post. */
static void
test_duplicate (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(WartaRemoteResult) first = NULL;
  g_autoptr(WartaRemoteResult) second = NULL;
  g_autoptr(WartaRemoteResult) third = NULL;
  g_autoptr(GError) error = NULL;

  first = post (f, "Sama persis http://a.example/x", NULL, &error);
  g_assert_no_error (error);
  second = post (f, "Sama persis http://a.example/x", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (second->reused);
  g_assert_cmpstr (second->id, ==, first->id);
  g_assert_cmpuint (warta_test_server_get_post_count (f->server), ==, 1);

  /* A duplicate Warta cannot find: said plainly, not retried. */
  warta_test_server_add_error (f->server, "POST", "/2/tweets", 1, "duplicate");
  third = post (f, "Teks lain", NULL, &error);
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_REJECTED);
  g_assert_cmpstr (warta_publish_error_get_platform_code (error), ==, "duplicate");
  g_assert_cmpuint (warta_test_server_get_post_count (f->server), ==, 1);
}

/* 429 with x-rate-limit-reset two seconds ahead: not sent again before. */
static void
test_rate_limit (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(WartaRemoteResult) res = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_real_time ();

  warta_test_server_add_fault (f->server, "POST", "/2/tweets", 1, WARTA_TEST_FAULT_RATE_LIMIT, 2);
  res = post (f, "Sabar", NULL, &error);
  g_assert_no_error (error);
  /* The reset is in whole epoch seconds: at least the next second but one. */
  g_assert_cmpint (g_get_real_time (), >=, (start / G_USEC_PER_SEC + 2) * G_USEC_PER_SEC);
  g_assert_cmpuint (warta_test_server_count_requests (f->server, "POST", "/2/tweets"), ==, 2);
  g_assert_cmpuint (warta_test_server_get_post_count (f->server), ==, 1);
}

typedef struct
{
  const char *name;
  WartaPublishError code;
} ErrorCase;

/* Fixture with one attempt: the mapping, nothing retried. */
static void
test_errors (Fixture       *f,
             gconstpointer  data)
{
  static const ErrorCase cases[] = {
    { "88", WARTA_PUBLISH_ERROR_RATE_LIMITED },
    { "usage-capped", WARTA_PUBLISH_ERROR_PERMISSION_DENIED },
    { "client-forbidden", WARTA_PUBLISH_ERROR_PERMISSION_DENIED },
    { "invalid-request", WARTA_PUBLISH_ERROR_REJECTED },
    { "daily-cap", WARTA_PUBLISH_ERROR_RATE_LIMITED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(WartaRemoteResult) res = NULL;
      g_autoptr(GError) error = NULL;

      warta_test_server_add_error (f->server, "POST", "/2/tweets", 1, cases[i].name);
      res = post (f, "Kasus galat", NULL, &error);
      g_assert_null (res);
      g_assert_error (error, WARTA_PUBLISH_ERROR, (gint) cases[i].code);
      g_test_message ("%s: %s", cases[i].name, error->message);
      if (g_str_equal (cases[i].name, "daily-cap"))
        g_assert_cmpint (warta_publish_error_get_retry_at (error), >,
                         g_get_real_time () + (gint64) 3600 * G_USEC_PER_SEC);
      if (g_str_equal (cases[i].name, "88"))
        g_assert_cmpint (warta_publish_error_get_retry_at (error), >, 0);
      warta_test_server_assert_faults_used (f->server);
    }
  g_assert_cmpuint (warta_test_server_get_post_count (f->server), ==, 0);

  /* Processing failed: the file, not the post. */
  {
    g_autoptr(WartaUpload) upload = new_upload (MIB, "video.mp4", "video/mp4", NULL);
    g_autoptr(WartaRemoteResult) media = NULL;
    g_autoptr(GError) error = NULL;

    warta_test_server_set_processing_polls (f->server, 2);
    warta_test_server_add_error (f->server, "GET", "/2/media/upload", 1, "InvalidMedia");
    media = upload_media (f, upload, NULL, NULL, &error);
    g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_INVALID_MEDIA);
    g_assert_cmpstr (warta_publish_error_get_platform_code (error), ==, "InvalidMedia");
    g_assert_nonnull (strstr (error->message, "Unsupported video format"));
    /* The approved file cannot be swapped in the publish view. */
    g_assert_true (g_str_has_suffix (error->message, " Have the publication returned for correction and a corrected file approved again, or upload it manually."));
  }

  /* A revoked token. */
  {
    g_autoptr(WartaRemoteResult) res = NULL;
    g_autoptr(GError) error = NULL;

    warta_test_server_revoke_credentials (f->server);
    res = post (f, "Tanpa izin", NULL, &error);
    g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_AUTH_EXPIRED);
  }

  /* No token at all. */
  {
    g_autoptr(WartaX) x = warta_x_new (f->client, warta_test_server_get_url (f->server), "");
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(WartaRemoteResult) res = NULL;

    warta_x_post_async (x, "x", NULL, NULL, store_result_cb, &result);
    res = warta_x_post_finish (x, wait_for (&result), &error);
    g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_NOT_CONFIGURED);
  }
}

static void
cancel_at_cb (WartaUpload  *upload,
              GParamSpec   *pspec,
              GCancellable *cancellable)
{
  /* In the middle of the second segment. */
  if (warta_upload_get_bytes_sent (upload) >= MIB + MIB / 2)
    g_cancellable_cancel (cancellable);
}

/* Cancel while a segment is on its way: it never reaches X whole. */
static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(WartaUpload) upload = new_upload (4 * MIB, "video.mp4", "video/mp4", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(WartaRemoteResult) media = NULL;
  g_autoptr(GError) error = NULL;

  warta_x_set_segment_size (f->x, MIB);
  g_signal_connect (upload, "notify::bytes-sent", G_CALLBACK (cancel_at_cb), cancellable);
  media = upload_media (f, upload, NULL, cancellable, &error);
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_CANCELLED);
  g_assert_cmpint (warta_upload_get_state (upload), ==, WARTA_UPLOAD_STATE_CANCELLED);
  /* The initialize and the first segment only. */
  g_assert_cmpuint (warta_test_server_count_requests (f->server, "POST", "/2/media/upload/"), ==, 2);
  g_assert_cmpuint (warta_test_server_get_media_count (f->server), ==, 0);
}

/* Cancel once the second segment is in and X is slow to answer it: the
 * upload stops at once, not when the answer comes. */
static void
test_cancel_slow_answer (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(WartaUpload) upload = new_upload (4 * MIB, "video.mp4", "video/mp4", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(WartaRemoteResult) media = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  warta_x_set_segment_size (f->x, MIB);
  warta_test_server_add_fault (f->server, "POST", "/2/media/upload/", 3, WARTA_TEST_FAULT_DELAY,
                               10000);
  warta_test_server_cancel_at (f->server, "POST", "/2/media/upload/", 3, cancellable);
  media = upload_media (f, upload, NULL, cancellable, &error);
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_CANCELLED);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
  g_assert_cmpint (warta_upload_get_state (upload), ==, WARTA_UPLOAD_STATE_CANCELLED);
  g_assert_cmpuint (warta_test_server_count_requests (f->server, "POST", "/2/media/upload/"), ==, 3);
  g_assert_cmpuint (warta_test_server_get_media_count (f->server), ==, 0);
}

/* Without a cap on the wait, the polls follow check_after_secs: X says
 * one second each time, and two polls are needed. */
static void
test_video_check_after (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(WartaUpload) upload = new_upload (MIB, "video.mp4", "video/mp4", NULL);
  g_autoptr(WartaRemoteResult) media = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;
  double seconds;

  warta_x_set_max_poll_wait (f->x, 0);
  warta_test_server_set_processing_polls (f->server, 2);
  start = g_get_monotonic_time ();
  media = upload_media (f, upload, NULL, NULL, &error);
  seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  g_assert_no_error (error);
  g_test_message ("two polls, check_after_secs 1: %.2f s", seconds);
  g_assert_cmpuint (warta_test_server_count_requests (f->server, "GET", "/2/media/upload"), ==, 2);
  /* finalize → 1 s → in_progress → 1 s → succeeded */
  g_assert_cmpfloat (seconds, >=, 1.9);
  g_assert_cmpfloat (seconds, <, 10.0);
}

/* Through the outbox -------------------------------------------------------- */

#define TIMELINE "/2/users/" WARTA_TEST_X_USER_ID "/tweets"
#define X_SETTINGS "{\"poll-ms\": \"5\", \"segment-size\": \"65536\"}"
#define VIDEO_SIZE (3 * 65536 + 1000)

typedef struct
{
  WartaTestOutbox *o;
  WartaTestServer *server;
  gint64           id;
} Office;

static void
office_set_up (Office        *f,
               gconstpointer  data)
{
  f->o = warta_test_outbox_new ();
  f->server = warta_test_x_server_new ();
  f->id = warta_test_outbox_add_account (f->o, "x", f->server, X_SETTINGS, WARTA_TEST_X_TOKEN);
}

static void
office_tear_down (Office        *f,
                  gconstpointer  data)
{
  g_clear_pointer (&f->o, warta_test_outbox_free);
  g_clear_pointer (&f->server, warta_test_server_free);
}

/* A video: initialize, four segments, finalize with processing_info, the
 * status polled, then the post; the media id a step as soon as it exists. */
static void
test_outbox_video (Office        *f,
                   gconstpointer  data)
{
  g_autoptr(WartaPublication) p = NULL;
  g_autoptr(WartaOutboxJob) job = NULL;
  g_autoptr(GHashTable) steps = NULL;
  g_autofree char *sha = NULL;

  p = warta_test_publish_make_approved_with_videos (f->o->t, "Rakor video X", 0, 1, VIDEO_SIZE);
  sha = warta_test_outbox_file_sha256 (f->o, "video-");
  warta_test_server_set_processing_polls (f->server, 2);
  /* A segment fails once: sent again, under the same media id. */
  warta_test_server_add_fault (f->server, "POST", "/2/media/upload/", 3, WARTA_TEST_FAULT_STATUS, 503);
  job = warta_test_outbox_publish (f->o, p, f->id, WARTA_OUTBOX_STATE_DONE);
  g_assert_true (g_str_has_prefix (warta_outbox_job_get_remote_url (job), "https://x.com/i/web/status/"));
  g_assert_cmpstr (warta_test_server_get_file_sha256 (f->server), ==, sha);
  g_assert_cmpuint (warta_test_server_count_requests (f->server, "POST", "/2/media/upload/initialize"), ==, 1);
  g_assert_cmpuint (warta_test_server_get_media_count (f->server), ==, 1);
  g_assert_cmpuint (warta_test_server_count_requests (f->server, "GET", "/2/media/upload"), >=, 2);
  g_assert_cmpuint (warta_test_server_get_post_count (f->server), ==, 1);
  steps = warta_test_outbox_steps (f->o, job);
  g_assert_nonnull (strstr (g_hash_table_lookup (steps, "media-0"), "\"ready\":\"true\""));
  g_assert_true (g_hash_table_contains (steps, "post-attempt"));
}

static void
taken_down_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* Taken down through the outbox: the post deleted with the account's
 * token, and the take-down recorded. */
static void
test_outbox_take_down (Office        *f,
                       gconstpointer  data)
{
  g_autoptr(WartaPublication) p = NULL;
  g_autoptr(WartaOutboxJob) job = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  p = warta_test_publish_make_approved (f->o->t, "Rakor X", 1);
  job = warta_test_outbox_publish (f->o, p, f->id, WARTA_OUTBOX_STATE_DONE);
  g_assert_true (warta_outbox_can_take_down (f->o->outbox, job));
  warta_outbox_take_down_async (f->o->outbox, f->o->t->admin, warta_outbox_job_get_id (job),
                                "Salah foto", NULL, taken_down_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (warta_outbox_take_down_finish (f->o->outbox, result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (warta_test_x_server_get_deleted_count (f->server), ==, 1);
  g_assert_cmpuint (warta_test_server_count_requests (f->server, "DELETE", "/2/tweets/"), ==, 1);
  {
    g_autoptr(WartaOutboxJob) stored = NULL;

    stored = warta_outbox_repository_get_job (f->o->t->outbox, warta_outbox_job_get_id (job), &error);
    g_assert_no_error (error);
    g_assert_cmpstr (warta_outbox_job_get_takedown_reason (stored), ==, "Salah foto");
    g_assert_cmpint (warta_outbox_job_get_taken_down_at (stored), >, 0);
  }
}

/* The post's answer is lost and the timeline lags behind (before the
 * post, after the lost answer, before the next attempt): the next attempt
 * posts again, X calls it a duplicate (403), and the timeline, read once
 * more, has it. One post. */
static void
test_outbox_duplicate (Office        *f,
                       gconstpointer  data)
{
  g_autoptr(WartaPublication) p = warta_test_publish_make_approved (f->o->t, "Rakor X", 1);
  g_autoptr(WartaOutboxJob) job = NULL;

  warta_test_server_add_fault (f->server, "POST", "/2/tweets", 1, WARTA_TEST_FAULT_DROP_AFTER_COMMIT, 0);
  warta_test_server_add_error (f->server, "GET", TIMELINE, 1, "timeline-lag");
  warta_test_server_add_error (f->server, "GET", TIMELINE, 2, "timeline-lag");
  warta_test_server_add_error (f->server, "GET", TIMELINE, 3, "timeline-lag");
  job = warta_test_outbox_publish (f->o, p, f->id, WARTA_OUTBOX_STATE_DONE);
  g_assert_cmpuint (warta_test_server_count_requests (f->server, "POST", "/2/tweets"), ==, 2);
  g_assert_cmpuint (warta_test_server_count_requests (f->server, "GET", TIMELINE), ==, 4);
  g_assert_cmpuint (warta_test_server_get_post_count (f->server), ==, 1);
  g_assert_nonnull (warta_outbox_job_get_remote_id (job));
}

/* Refused for its media before any request, with a message that says
 * @says and what to do. */
static void
assert_refused (Office         *f,
                WartaOutboxJob *job,
                const char     *says)
{
  const char *message = warta_outbox_job_get_error_message (job);

  g_test_message ("%s", message);
  g_assert_cmpstr (warta_outbox_job_get_error_code (job), ==, "rejected");
  g_assert_nonnull (strstr (message, says));
  g_assert_nonnull (strstr (message, "publish to X by hand"));
  g_assert_cmpuint (warta_test_server_count_requests (f->server, "POST", "/"), ==, 0);
  g_assert_cmpuint (warta_test_server_count_requests (f->server, "GET", "/"), ==, 0);
  g_assert_cmpuint (warta_test_server_get_post_count (f->server), ==, 0);
}

/* A video and photos: X takes one or the other, so the job stops before
 * any request and says what to do. */
static void
test_outbox_video_and_photos (Office        *f,
                              gconstpointer  data)
{
  g_autoptr(WartaPublication) p = NULL;
  g_autoptr(WartaOutboxJob) job = NULL;

  p = warta_test_publish_make_approved_with_videos (f->o->t, "Rakor video dan foto", 2, 1, VIDEO_SIZE);
  job = warta_test_outbox_publish (f->o, p, f->id, WARTA_OUTBOX_STATE_FAILED);
  assert_refused (f, job, "X cannot show a video and photos in one post");
}

/* More than X takes: refused before any request, never posted with four
 * of them or with one video. */
static void
test_outbox_too_many (Office        *f,
                      gconstpointer  data)
{
  g_autoptr(WartaPublication) photos = NULL;
  g_autoptr(WartaPublication) videos = NULL;
  g_autoptr(WartaOutboxJob) job = NULL;

  photos = warta_test_publish_make_approved (f->o->t, "Rakor tujuh foto", 7);
  job = warta_test_outbox_publish (f->o, photos, f->id, WARTA_OUTBOX_STATE_FAILED);
  assert_refused (f, job, "X takes at most 4 photos in a post and this publication has 7 for "
                               "X. Choose at most 4 photos for X in the content concept. Then have "
                               "the change approved and publish again, or publish to X by hand and "
                               "record the proof.");
  g_clear_object (&job);

  videos = warta_test_publish_make_approved_with_videos (f->o->t, "Rakor dua video", 0, 2, VIDEO_SIZE);
  job = warta_test_outbox_publish (f->o, videos, f->id, WARTA_OUTBOX_STATE_FAILED);
  assert_refused (f, job, "X takes one video in a post and this publication has 2 for X.");
}

/* Seven photos, three of them left out of X by the author: X gets the
 * other four, in their order; the photos left out are never sent. */
static void
test_outbox_chosen_for_x (Office        *f,
                          gconstpointer  data)
{
  g_autoptr(WartaPublication) p = NULL;
  g_autoptr(WartaOutboxJob) job = NULL;
  g_autoptr(GHashTable) steps = NULL;

  f->o->t->skip_platform = "x";
  f->o->t->n_skipped = 3;
  p = warta_test_publish_make_approved (f->o->t, "Rakor tujuh foto, empat untuk X", 7);
  job = warta_test_outbox_publish (f->o, p, f->id, WARTA_OUTBOX_STATE_DONE);
  steps = warta_test_outbox_steps (f->o, job);
  g_assert_true (g_hash_table_contains (steps, "media-3"));
  g_assert_false (g_hash_table_contains (steps, "media-4"));
  g_assert_cmpuint (warta_test_server_get_media_count (f->server), ==, 4);
  g_assert_cmpuint (warta_test_server_get_post_count (f->server), ==, 1);
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
  g_test_add ("/warta/x/" path, Fixture, GUINT_TO_POINTER (attempts), fixture_set_up, func, \
              fixture_tear_down)
  ADD ("image-post", test_image_post, 0);
  ADD ("video-processing", test_video_processing, 0);
  ADD ("resume-media", test_resume_media, 0);
  ADD ("lost-answer", test_lost_answer, 0);
  ADD ("server-error", test_server_error, 0);
  ADD ("malformed-answers", test_malformed_answers, 0);
  ADD ("malformed-every-time", test_malformed_every_time, 0);
  ADD ("duplicate", test_duplicate, 0);
  ADD ("rate-limit", test_rate_limit, 0);
  ADD ("errors", test_errors, 1);
  ADD ("cancel", test_cancel, 0);
  ADD ("cancel-slow-answer", test_cancel_slow_answer, 0);
  ADD ("video-check-after", test_video_check_after, 0);
  ADD ("delete", test_delete, 0);
#undef ADD
#define ADD(path, func) \
  g_test_add ("/warta/x/" path, Office, NULL, office_set_up, func, office_tear_down)
  ADD ("outbox-video", test_outbox_video);
  ADD ("outbox-duplicate", test_outbox_duplicate);
  ADD ("outbox-video-and-photos", test_outbox_video_and_photos);
  ADD ("outbox-too-many", test_outbox_too_many);
  ADD ("outbox-chosen-for-x", test_outbox_chosen_for_x);
  ADD ("outbox-take-down", test_outbox_take_down);
#undef ADD

  return g_test_run ();
}
