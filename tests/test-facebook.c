/* test-facebook.c: WartaFacebook against a loopback Graph API
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "warta-facebook.h"
#include "warta-test-publisher.h"
#include "warta-test-garbage.h"
#include "warta-test-server.h"

#define MIB (1024 * 1024)
#define PAGE_PATH "/" WARTA_FACEBOOK_API_VERSION "/" WARTA_TEST_FACEBOOK_PAGE_ID
#define FEED PAGE_PATH "/feed"
#define PHOTOS PAGE_PATH "/photos"
#define VIDEOS PAGE_PATH "/videos"
#define OBJECTS "/" WARTA_FACEBOOK_API_VERSION "/"

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

static WartaUpload *
new_upload (gsize        size,
            const char  *filename,
            const char  *content_type,
            char       **sha256)
{
  guchar *data = g_malloc (size);
  GBytes *bytes;

  for (gsize i = 0; i < size; i++)
    data[i] = (guchar) (i % 251);
  data[0] = 0xFF;
  data[1] = 0xD8;
  bytes = g_bytes_new_take (data, size);
  if (sha256)
    *sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  return warta_upload_new_for_stream_func (open_bytes, bytes, (GDestroyNotify) g_bytes_unref,
                                           size, filename, content_type);
}

typedef struct
{
  WartaTestServer *server;
  WartaHttpClient *client;
  WartaFacebook *facebook;
  char *video_id;
  char *session_id;
  guint64 offset;
  guint progress;
} Fixture;

static void
video_progress_cb (WartaFacebook *facebook,
                   const char    *video_id,
                   const char    *session_id,
                   guint64        offset,
                   Fixture       *f)
{
  g_free (f->video_id);
  f->video_id = g_strdup (video_id);
  g_free (f->session_id);
  f->session_id = g_strdup (session_id);
  f->offset = offset;
  f->progress++;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  WartaRetryPolicy policy;
  const char *url;

  f->server = warta_test_facebook_server_new ();
  f->client = warta_http_client_new ();
  warta_retry_policy_init_default (&policy);
  policy.max_attempts = GPOINTER_TO_UINT (data) ? GPOINTER_TO_UINT (data) : 4;
  policy.initial_delay_ms = 20;
  policy.max_delay_ms = 100;
  policy.max_wait_ms = 5000;
  warta_http_client_set_retry_policy (f->client, &policy);
  url = warta_test_server_get_url (f->server);
  f->facebook = warta_facebook_new (f->client, url, url, WARTA_TEST_FACEBOOK_PAGE_ID,
                                    WARTA_TEST_FACEBOOK_TOKEN);
  g_signal_connect (f->facebook, "video-progress", G_CALLBACK (video_progress_cb), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->facebook);
  g_assert_finalize_object (f->client);
  warta_test_server_free (f->server);
  g_free (f->video_id);
  g_free (f->session_id);
}

static WartaRemoteResult *
post (Fixture             *f,
      const char          *message,
      const char          *link,
      const char * const  *photos,
      GError             **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  warta_facebook_post_async (f->facebook, message, link, photos, NULL, store_result_cb, &result);
  return warta_facebook_post_finish (f->facebook, wait_for (&result), error);
}

static WartaRemoteResult *
photo (Fixture      *f,
       WartaUpload  *upload,
       const char   *caption,
       gboolean      published,
       GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  warta_facebook_upload_photo_async (f->facebook, upload, caption, published, NULL,
                                     store_result_cb, &result);
  return warta_facebook_upload_photo_finish (f->facebook, wait_for (&result), error);
}

static WartaRemoteResult *
video (Fixture       *f,
       WartaUpload   *upload,
       gboolean       resume,
       GCancellable  *cancellable,
       GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  warta_facebook_upload_video_async (f->facebook, upload, "Peresmian", "Video peresmian jembatan",
                                     resume ? f->video_id : NULL, resume ? f->session_id : NULL,
                                     resume ? f->offset : 0, cancellable, store_result_cb, &result);
  return warta_facebook_upload_video_finish (f->facebook, wait_for (&result), error);
}

static void
test_text_post (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(WartaRemoteResult) res = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;

  res = post (f, "Musyawarah desa hari ini", "https://warta.example.id/berita/2", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (res->id, WARTA_TEST_FACEBOOK_PAGE_ID "_"));
  url = g_strconcat ("https://www.facebook.com/", res->id, NULL);
  g_assert_cmpstr (res->url, ==, url);
  g_assert_false (res->reused);
  g_assert_cmpuint (warta_test_server_get_post_count (f->server), ==, 1);
  /* The token travels in a header, never in the URL. */
  g_assert_nonnull (warta_test_server_get_last_header (f->server, "Authorization"));
}

static void
test_photos (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(WartaRemoteResult) res = NULL;
  g_autoptr(WartaRemoteResult) single = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sha = NULL;

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(WartaUpload) upload = new_upload (200000 + i, "foto.jpg", "image/jpeg", &sha);
      g_autoptr(WartaRemoteResult) p = photo (f, upload, NULL, FALSE, &error);

      g_assert_no_error (error);
      g_assert_null (p->url);
      g_assert_cmpstr (warta_test_server_get_file_sha256 (f->server), ==, sha);
      g_assert_cmpint (warta_upload_get_state (upload), ==, WARTA_UPLOAD_STATE_DONE);
      g_ptr_array_add (ids, g_strdup (p->id));
      g_clear_pointer (&sha, g_free);
    }
  g_ptr_array_add (ids, NULL);
  /* Unpublished photos make no post. */
  g_assert_cmpuint (warta_test_server_get_post_count (f->server), ==, 0);

  res = post (f, "Tiga foto kegiatan", NULL, (const char * const *) ids->pdata, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (warta_test_server_get_post_count (f->server), ==, 1);
  g_assert_cmpuint (warta_test_server_get_media_count (f->server), ==, 3);

  /* One published photo is a post of its own. */
  {
    g_autoptr(WartaUpload) upload = new_upload (100000, "satu.jpg", "image/jpeg", NULL);

    single = photo (f, upload, "Satu foto", TRUE, &error);
    g_assert_no_error (error);
    g_assert_true (g_str_has_prefix (single->id, WARTA_TEST_FACEBOOK_PAGE_ID "_"));
    g_assert_nonnull (single->url);
    g_assert_cmpuint (warta_test_server_get_post_count (f->server), ==, 2);
  }
}

/* The answer is lost; the feed has the post; nothing is sent twice. */
static void
test_lost_answer (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(WartaRemoteResult) res = NULL;
  g_autoptr(WartaRemoteResult) photo_res = NULL;
  g_autoptr(WartaUpload) upload = new_upload (100000, "foto.jpg", "image/jpeg", NULL);
  g_autoptr(GError) error = NULL;

  warta_test_server_add_fault (f->server, "POST", FEED, 1, WARTA_TEST_FAULT_DROP_AFTER_COMMIT, 0);
  res = post (f, "Jawaban hilang", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (res->reused);
  g_assert_cmpuint (warta_test_server_count_requests (f->server, "POST", FEED), ==, 1);

  warta_test_server_add_fault (f->server, "POST", PHOTOS, 1, WARTA_TEST_FAULT_DROP_AFTER_COMMIT, 0);
  photo_res = photo (f, upload, "Foto dengan jawaban hilang", TRUE, &error);
  g_assert_no_error (error);
  g_assert_true (photo_res->reused);
  g_assert_cmpuint (warta_test_server_get_post_count (f->server), ==, 2);
}

/* A photo post (the unpublished photo, the feed post) or a video (start,
 * a window, finish) whose @nth request of @path gets @status and @body
 * (after the work with @commit): no crash, one post at most, an error of
 * Warta's saying what to do or the post. */
static void
publish_answered (Fixture    *f,
                  const char *path,
                  guint       nth,
                  gboolean    commit,
                  guint       status,
                  const char *content_type,
                  const char *body,
                  gboolean    must_succeed)
{
  g_autoptr(WartaRemoteResult) media = NULL;
  g_autoptr(WartaRemoteResult) res = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strdup_printf ("Kabar %u", warta_test_server_get_post_count (f->server) * 100 +
                                                      warta_test_server_count_requests (f->server, "POST", "/"));
  guint posts = warta_test_server_get_post_count (f->server);

  g_test_message ("POST %s %u: %u %s", path, nth, status, body);
  warta_test_server_add_answer (f->server, "POST", path, nth, commit, status, NULL, content_type,
                                body);
  if (g_str_equal (path, VIDEOS))
    {
      g_autofree char *sha = NULL;
      g_autoptr(WartaUpload) upload = new_upload (3 * MIB + 5000, "video.mp4", "video/mp4", &sha);

      res = video (f, upload, FALSE, NULL, &error);
      if (res)
        {
          /* The whole file, in one video: one post. */
          g_assert_cmpstr (warta_test_server_get_file_sha256 (f->server), ==, sha);
          g_assert_cmpuint (warta_test_server_get_post_count (f->server), ==, posts + 1);
          g_assert_cmpstr (res->id, ==, f->video_id);
        }
    }
  else
    {
      g_autoptr(WartaUpload) upload = new_upload (100000, "foto.jpg", "image/jpeg", NULL);

      media = photo (f, upload, NULL, FALSE, &error);
      if (media)
        {
          const char *photos[] = { media->id, NULL };

          res = post (f, text, NULL, photos, &error);
        }
    }
  warta_test_assert_garbage_outcome (error, res ? res->id : NULL, must_succeed);
  g_assert_cmpuint (warta_test_server_get_post_count (f->server), <=, posts + 2);
  warta_test_server_assert_faults_used (f->server);
}

/* Each step answered by a proxy's HTML page (502: retried) or a 200 that
 * says nothing usable; the unpublished photo, a video's start and a
 * window, nothing public, are sent again; after the feed post's, the
 * Page's feed has it, and after the video's finish, its status says it is
 * published: found, not posted again, not failed. */
static void
test_malformed_answers (Fixture       *f,
                        gconstpointer  data)
{
  const struct { const char *path; guint nth; } steps[] = {
    { PHOTOS, 1 },
    { FEED, 1 },
    { VIDEOS, 1 },
    { VIDEOS, 2 },
    { VIDEOS, 6 },
  };

  for (guint s = 0; s < G_N_ELEMENTS (steps); s++)
    {
      publish_answered (f, steps[s].path, steps[s].nth, FALSE, 502, "text/html",
                        WARTA_TEST_HTML_PAGE, TRUE);
      for (guint i = 0; i < G_N_ELEMENTS (warta_test_garbage); i++)
        publish_answered (f, steps[s].path, steps[s].nth, TRUE, 200,
                          warta_test_garbage[i].content_type, warta_test_garbage[i].body,
                          TRUE);
    }
}

/* The unpublished photo answered with what Warta cannot read every time:
 * sent as often as after a 5xx, then Warta tries again later. */
static void
test_malformed_every_time (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(WartaUpload) upload = new_upload (100000, "foto.jpg", "image/jpeg", NULL);
  g_autoptr(WartaRemoteResult) media = NULL;
  g_autoptr(GError) error = NULL;

  warta_test_server_add_answer (f->server, "POST", PHOTOS, 0, TRUE, 200, NULL,
                                "application/json", "{\"ok\": true}");
  media = photo (f, upload, NULL, FALSE, &error);
  g_assert_null (media);
  warta_test_assert_read_later (error);
  g_assert_cmpuint (warta_test_server_count_requests (f->server, "POST", PHOTOS), ==, 4);
  g_assert_cmpint (warta_upload_get_state (upload), ==, WARTA_UPLOAD_STATE_FAILED);
  g_assert_cmpuint (warta_test_server_get_post_count (f->server), ==, 0);
}

/* A video's start, then its windows, answered with what Warta cannot read
 * every time: each sent as often as after a 5xx, then Warta tries again later;
 * never finished. */
static void
test_video_malformed_every_time (Fixture       *f,
                                 gconstpointer  data)
{
  guint sent = 0;

  for (guint step = 0; step < 2; step++)
    {
      g_autoptr(WartaUpload) upload = new_upload (3 * MIB + 5000, "video.mp4", "video/mp4", NULL);
      g_autoptr(WartaRemoteResult) res = NULL;
      g_autoptr(GError) error = NULL;

      /* start: requests 1 … 4; a window: after a start that is read. */
      for (guint nth = 1; nth <= 4; nth++)
        warta_test_server_add_answer (f->server, "POST", VIDEOS, nth + step, FALSE, 200,
                                      NULL, step ? "application/json" : "text/html",
                                      step ? "{\"start_offset\": \"0\"}" : WARTA_TEST_HTML_PAGE);
      res = video (f, upload, FALSE, NULL, &error);
      g_assert_null (res);
      warta_test_assert_read_later (error);
      g_assert_cmpint (warta_upload_get_state (upload), ==, WARTA_UPLOAD_STATE_FAILED);
      sent += 4 + step;
      g_assert_cmpuint (warta_test_server_count_requests (f->server, "POST", VIDEOS), ==, sent);
      g_assert_cmpuint (warta_test_server_get_post_count (f->server), ==, 0);
      warta_test_server_assert_faults_used (f->server);
    }
}

/* The finish, which publishes the video, answered with what Warta cannot
 * read and not done: the video's status does not say it is published, so
 * it stops saying so, never finishing again blindly. */
static void
test_video_finish_not_understood (Fixture       *f,
                                  gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (warta_test_garbage); i++)
    {
      g_autoptr(WartaUpload) upload = new_upload (3 * MIB + 5000, "video.mp4", "video/mp4", NULL);
      g_autoptr(WartaRemoteResult) res = NULL;
      g_autoptr(GError) error = NULL;
      guint sent = warta_test_server_count_requests (f->server, "POST", VIDEOS);
      guint looked = warta_test_server_count_requests (f->server, "GET", OBJECTS);

      g_test_message ("finish: %s", warta_test_garbage[i].what);
      /* start, 4 windows, finish */
      warta_test_server_add_answer (f->server, "POST", VIDEOS, 6, FALSE, 200, NULL,
                                    warta_test_garbage[i].content_type,
                                    warta_test_garbage[i].body);
      res = video (f, upload, FALSE, NULL, &error);
      g_assert_null (res);
      warta_test_assert_not_understood (error);
      g_assert_cmpuint (warta_test_server_count_requests (f->server, "POST", VIDEOS), ==, sent + 6);
      g_assert_cmpuint (warta_test_server_count_requests (f->server, "GET", OBJECTS), ==, looked + 1);
      g_assert_cmpuint (warta_test_server_get_post_count (f->server), ==, 0);
      warta_test_server_assert_faults_used (f->server);
    }
}

/* The finish's answer is lost, or a 5xx, once it is done: the video's
 * status says it is published; it is not finished again. Not done (a 5xx
 * before): finished again after the status said it is not published. */
static void
test_video_finish_lost (Fixture       *f,
                        gconstpointer  data)
{
  const WartaTestFaultKind kinds[] = {
    WARTA_TEST_FAULT_DROP_AFTER_COMMIT, WARTA_TEST_FAULT_ANSWER_AFTER_COMMIT, WARTA_TEST_FAULT_STATUS,
  };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(WartaUpload) upload = new_upload (3 * MIB + 5000, "video.mp4", "video/mp4", NULL);
      g_autoptr(WartaRemoteResult) res = NULL;
      g_autoptr(GError) error = NULL;
      guint sent = warta_test_server_count_requests (f->server, "POST", VIDEOS);
      guint posts = warta_test_server_get_post_count (f->server);
      gboolean done = kinds[k] != WARTA_TEST_FAULT_STATUS;

      g_test_message ("finish: fault %d", kinds[k]);

      if (kinds[k] == WARTA_TEST_FAULT_ANSWER_AFTER_COMMIT)
        warta_test_server_add_answer (f->server, "POST", VIDEOS, 6, TRUE, 503, NULL,
                                      "text/html", WARTA_TEST_HTML_PAGE);
      else
        warta_test_server_add_fault (f->server, "POST", VIDEOS, 6, kinds[k], 500);
      res = video (f, upload, FALSE, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (res->id, ==, f->video_id);
      g_assert_true (res->reused == done);
      g_assert_cmpuint (warta_test_server_count_requests (f->server, "POST", VIDEOS), ==,
                        sent + (done ? 6 : 7));
      g_assert_cmpuint (warta_test_server_get_post_count (f->server), ==, posts + 1);
      warta_test_server_assert_faults_used (f->server);
    }
}

/* 506: found on the Page, or said plainly when it is not there. */
static void
test_duplicate (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(WartaRemoteResult) first = NULL;
  g_autoptr(WartaRemoteResult) second = NULL;
  g_autoptr(WartaRemoteResult) third = NULL;
  g_autoptr(GError) error = NULL;

  first = post (f, "Kabar yang sama", NULL, NULL, &error);
  g_assert_no_error (error);
  second = post (f, "Kabar yang sama", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (second->reused);
  g_assert_cmpstr (second->id, ==, first->id);

  warta_test_server_add_error (f->server, "POST", FEED, 1, "506");
  third = post (f, "Kabar lain", NULL, NULL, &error);
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_REJECTED);
  g_assert_cmpstr (warta_publish_error_get_platform_code (error), ==, "506");
  g_assert_cmpuint (warta_test_server_get_post_count (f->server), ==, 1);
}

static void
test_video (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *sha = NULL;
  g_autoptr(WartaUpload) upload = new_upload (3 * MIB + 5000, "video.mp4", "video/mp4", &sha);
  g_autoptr(WartaRemoteResult) res = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;

  warta_test_server_add_fault (f->server, "POST", VIDEOS, 3, WARTA_TEST_FAULT_STATUS, 500);
  res = video (f, upload, FALSE, NULL, &error);
  g_assert_no_error (error);
  url = g_strconcat ("https://www.facebook.com/" WARTA_TEST_FACEBOOK_PAGE_ID "/videos/", res->id, NULL);
  g_assert_cmpstr (res->url, ==, url);
  g_assert_cmpstr (res->id, ==, f->video_id);
  g_assert_cmpstr (warta_test_server_get_file_sha256 (f->server), ==, sha);
  /* start, 4 windows (one twice), finish. */
  g_assert_cmpuint (warta_test_server_count_requests (f->server, "POST", VIDEOS), ==, 7);
  g_assert_cmpuint (f->progress, ==, 5);
  g_assert_cmpuint (warta_test_server_get_post_count (f->server), ==, 1);
  g_assert_cmpint (warta_upload_get_state (upload), ==, WARTA_UPLOAD_STATE_DONE);
}

static void
cancel_after_window_cb (WartaFacebook *facebook,
                        const char    *video_id,
                        const char    *session_id,
                        guint64        offset,
                        GCancellable  *cancellable)
{
  if (offset >= 2 * MIB)
    g_cancellable_cancel (cancellable);
}

/* Stopped after two windows; resumed from a stored offset that is wrong
 * (0): Facebook's 1363037 says where to go on. */
static void
test_video_resume (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *sha = NULL;
  g_autoptr(WartaUpload) upload = new_upload (3 * MIB + 5000, "video.mp4", "video/mp4", &sha);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(WartaRemoteResult) res = NULL;
  g_autoptr(GError) error = NULL;
  gulong handler;

  handler = g_signal_connect (f->facebook, "video-progress", G_CALLBACK (cancel_after_window_cb),
                              cancellable);
  res = video (f, upload, FALSE, cancellable, &error);
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_CANCELLED);
  g_assert_cmpint (warta_upload_get_state (upload), ==, WARTA_UPLOAD_STATE_CANCELLED);
  g_signal_handler_disconnect (f->facebook, handler);
  g_clear_error (&error);
  g_assert_cmpuint (f->offset, ==, 2 * MIB);
  g_assert_cmpuint (warta_test_server_get_post_count (f->server), ==, 0);

  f->offset = 0;
  res = video (f, upload, TRUE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (warta_test_server_get_file_sha256 (f->server), ==, sha);
  g_assert_cmpuint (warta_test_server_get_post_count (f->server), ==, 1);
  /* No second start. */
  g_assert_cmpuint (warta_test_server_get_media_count (f->server), ==, 1);
}

static WartaRemoteResult *
find (Fixture     *f,
      const char  *message,
      GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  warta_facebook_find_post_async (f->facebook, message, NULL, store_result_cb, &result);
  return warta_facebook_find_post_finish (f->facebook, wait_for (&result), error);
}

static gboolean
delete_object (Fixture     *f,
               const char  *id,
               GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  warta_facebook_delete_object_async (f->facebook, id, NULL, store_result_cb, &result);
  return warta_facebook_delete_object_finish (f->facebook, wait_for (&result), error);
}

/* Deleted once; a post already gone, or never there (100/33), counts as
 * deleted without a second deletion. */
static void
test_delete (Fixture       *f,
             gconstpointer  data)
{
  const char *text = "Pengumuman yang ditarik";
  g_autoptr(WartaRemoteResult) res = NULL;
  g_autoptr(WartaRemoteResult) found = NULL;
  g_autoptr(WartaRemoteResult) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  res = post (f, text, NULL, NULL, &error);
  g_assert_no_error (error);
  found = find (f, text, &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);
  g_clear_pointer (&found, warta_remote_result_free);

  g_assert_true (delete_object (f, res->id, &error));
  g_assert_no_error (error);
  path = g_strconcat (OBJECTS, res->id, NULL);
  g_assert_cmpuint (warta_test_server_count_requests (f->server, "DELETE", path), ==, 1);
  g_assert_cmpuint (warta_test_facebook_server_get_deleted_count (f->server), ==, 1);
  g_assert_nonnull (warta_test_server_get_last_header (f->server, "Authorization"));
  found = find (f, text, &error);
  g_assert_no_error (error);
  g_assert_null (found);

  g_assert_true (delete_object (f, res->id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (warta_test_server_count_requests (f->server, "DELETE", path), ==, 2);
  g_assert_true (delete_object (f, WARTA_TEST_FACEBOOK_PAGE_ID "_999", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (warta_test_facebook_server_get_deleted_count (f->server), ==, 1);

  /* Gone from the Page: the same text is no duplicate any more. */
  again = post (f, text, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (again->reused);
  g_assert_cmpstr (again->id, !=, res->id);
  g_assert_cmpuint (warta_test_server_get_post_count (f->server), ==, 2);
}

/* A video post is its video. */
static void
test_delete_video (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(WartaUpload) upload = new_upload (100000, "video.mp4", "video/mp4", NULL);
  g_autoptr(WartaRemoteResult) res = NULL;
  g_autoptr(WartaRemoteResult) found = NULL;
  g_autoptr(GError) error = NULL;

  res = video (f, upload, FALSE, NULL, &error);
  g_assert_no_error (error);
  found = find (f, "Video peresmian jembatan", &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);
  g_clear_pointer (&found, warta_remote_result_free);

  g_assert_true (delete_object (f, res->id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (warta_test_facebook_server_get_deleted_count (f->server), ==, 1);
  found = find (f, "Video peresmian jembatan", &error);
  g_assert_no_error (error);
  g_assert_null (found);
}

/* A 5xx, and an answer lost after the deletion: sent again, and the
 * second finds the post gone. */
static void
test_delete_retries (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(WartaRemoteResult) first = NULL;
  g_autoptr(WartaRemoteResult) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  first = post (f, "Dihapus setelah galat", NULL, NULL, &error);
  g_assert_no_error (error);
  path = g_strconcat (OBJECTS, first->id, NULL);
  warta_test_server_add_fault (f->server, "DELETE", path, 1, WARTA_TEST_FAULT_STATUS, 503);
  g_assert_true (delete_object (f, first->id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (warta_test_server_count_requests (f->server, "DELETE", path), ==, 2);
  g_assert_cmpuint (warta_test_facebook_server_get_deleted_count (f->server), ==, 1);

  second = post (f, "Jawaban hapus hilang", NULL, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&path, g_free);
  path = g_strconcat (OBJECTS, second->id, NULL);
  warta_test_server_add_fault (f->server, "DELETE", path, 1, WARTA_TEST_FAULT_DROP_AFTER_COMMIT, 0);
  g_assert_true (delete_object (f, second->id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (warta_test_server_count_requests (f->server, "DELETE", path), ==, 2);
  g_assert_cmpuint (warta_test_facebook_server_get_deleted_count (f->server), ==, 2);
}

typedef struct
{
  const char *name;
  WartaPublishError code;
} ErrorCase;

/* Other errors are not "gone": a plain 100 included. One attempt each. */
static void
test_delete_errors (Fixture       *f,
                    gconstpointer  data)
{
  static const ErrorCase cases[] = {
    { "100", WARTA_PUBLISH_ERROR_REJECTED },
    { "10", WARTA_PUBLISH_ERROR_PERMISSION_DENIED },
    { "190", WARTA_PUBLISH_ERROR_AUTH_EXPIRED },
    { "80001", WARTA_PUBLISH_ERROR_RATE_LIMITED },
    { "2", WARTA_PUBLISH_ERROR_RETRYABLE },
  };
  g_autoptr(WartaRemoteResult) res = NULL;
  g_autoptr(WartaRemoteResult) found = NULL;
  g_autoptr(GError) error = NULL;

  res = post (f, "Tetap di Halaman", NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) delete_error = NULL;

      warta_test_server_add_error (f->server, "DELETE", OBJECTS, 1, cases[i].name);
      g_assert_false (delete_object (f, res->id, &delete_error));
      g_assert_error (delete_error, WARTA_PUBLISH_ERROR, (gint) cases[i].code);
      g_assert_true (g_str_has_prefix (warta_publish_error_get_platform_code (delete_error),
                                       cases[i].name));
      g_test_message ("%s: %s", cases[i].name, delete_error->message);
      if (g_str_equal (cases[i].name, "190"))
        g_assert_nonnull (strstr (delete_error->message, "Sign in again"));
      if (g_str_equal (cases[i].name, "80001"))
        g_assert_cmpint (warta_publish_error_get_retry_at (delete_error), >,
                         g_get_real_time () + 25 * 60 * G_USEC_PER_SEC);
      warta_test_server_assert_faults_used (f->server);
    }
  g_assert_cmpuint (warta_test_facebook_server_get_deleted_count (f->server), ==, 0);
  found = find (f, "Tetap di Halaman", &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);
}

static void
test_errors (Fixture       *f,
             gconstpointer  data)
{
  static const ErrorCase cases[] = {
    { "190", WARTA_PUBLISH_ERROR_AUTH_EXPIRED },
    { "4", WARTA_PUBLISH_ERROR_RATE_LIMITED },
    { "17", WARTA_PUBLISH_ERROR_RATE_LIMITED },
    { "32", WARTA_PUBLISH_ERROR_RATE_LIMITED },
    { "613", WARTA_PUBLISH_ERROR_RATE_LIMITED },
    { "80001", WARTA_PUBLISH_ERROR_RATE_LIMITED },
    { "10", WARTA_PUBLISH_ERROR_PERMISSION_DENIED },
    { "100", WARTA_PUBLISH_ERROR_REJECTED },
    { "368", WARTA_PUBLISH_ERROR_REJECTED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(WartaRemoteResult) res = NULL;
      g_autoptr(GError) error = NULL;

      warta_test_server_add_error (f->server, "POST", FEED, 1, cases[i].name);
      res = post (f, "Galat", NULL, NULL, &error);
      g_assert_error (error, WARTA_PUBLISH_ERROR, (gint) cases[i].code);
      g_assert_true (g_str_has_prefix (warta_publish_error_get_platform_code (error), cases[i].name));
      g_test_message ("%s: %s", cases[i].name, error->message);
      if (g_str_equal (cases[i].name, "80001"))
        g_assert_cmpint (warta_publish_error_get_retry_at (error), >,
                         g_get_real_time () + 25 * 60 * G_USEC_PER_SEC);
      warta_test_server_assert_faults_used (f->server);
    }

  /* The file: 324. */
  {
    g_autoptr(WartaUpload) upload = new_upload (1000, "rusak.jpg", "image/jpeg", NULL);
    g_autoptr(WartaRemoteResult) res = NULL;
    g_autoptr(GError) error = NULL;

    warta_test_server_add_error (f->server, "POST", PHOTOS, 1, "324");
    res = photo (f, upload, NULL, FALSE, &error);
    g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_INVALID_MEDIA);
    g_assert_cmpint (warta_upload_get_state (upload), ==, WARTA_UPLOAD_STATE_FAILED);
  }

  /* A revoked token: 190 from the server itself. */
  {
    g_autoptr(WartaRemoteResult) res = NULL;
    g_autoptr(GError) error = NULL;

    warta_test_server_revoke_credentials (f->server);
    res = post (f, "Token dicabut", NULL, NULL, &error);
    g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_AUTH_EXPIRED);
    g_assert_nonnull (strstr (error->message, "Sign in again"));
  }
  g_assert_cmpuint (warta_test_server_get_post_count (f->server), ==, 0);
}

/* Transient (code 2) and a Retry-After: waited for, then posted once. */
static void
test_retries (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(WartaRemoteResult) res = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  warta_test_server_add_error (f->server, "POST", FEED, 1, "2");
  warta_test_server_add_fault (f->server, "POST", FEED, 2, WARTA_TEST_FAULT_RATE_LIMIT, 1);
  res = post (f, "Dicoba lagi", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (res->reused);
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 900 * 1000);
  g_assert_cmpuint (warta_test_server_count_requests (f->server, "POST", FEED), ==, 3);
  g_assert_cmpuint (warta_test_server_get_post_count (f->server), ==, 1);
}

static void
cancel_at_cb (WartaUpload  *upload,
              GParamSpec   *pspec,
              GCancellable *cancellable)
{
  if (warta_upload_get_bytes_sent (upload) >= MIB + MIB / 2)
    g_cancellable_cancel (cancellable);
}

/* Cancel while a chunk is on its way: it never reaches Facebook whole. */
static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(WartaUpload) upload = new_upload (4 * MIB, "video.mp4", "video/mp4", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(WartaRemoteResult) res = NULL;
  g_autoptr(GError) error = NULL;

  g_signal_connect (upload, "notify::bytes-sent", G_CALLBACK (cancel_at_cb), cancellable);
  res = video (f, upload, FALSE, cancellable, &error);
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_CANCELLED);
  /* The start and the first chunk only. */
  g_assert_cmpuint (warta_test_server_count_requests (f->server, "POST", VIDEOS), ==, 2);
  g_assert_cmpuint (warta_test_server_get_post_count (f->server), ==, 0);
}

/* Cancel once the second chunk is in and Facebook is slow to answer it:
 * the upload stops at once, not when the answer comes. */
static void
test_cancel_slow_answer (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(WartaUpload) upload = new_upload (4 * MIB, "video.mp4", "video/mp4", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(WartaRemoteResult) res = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  warta_test_server_add_fault (f->server, "POST", VIDEOS, 3, WARTA_TEST_FAULT_DELAY, 10000);
  warta_test_server_cancel_at (f->server, "POST", VIDEOS, 3, cancellable);
  res = video (f, upload, FALSE, cancellable, &error);
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_CANCELLED);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
  g_assert_cmpuint (warta_test_server_count_requests (f->server, "POST", VIDEOS), ==, 3);
  g_assert_cmpuint (warta_test_server_get_post_count (f->server), ==, 0);
}

static void
test_not_configured (void)
{
  g_autoptr(WartaHttpClient) client = warta_http_client_new ();
  g_autoptr(WartaFacebook) facebook = warta_facebook_new (client, NULL, NULL, NULL, "t");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(WartaRemoteResult) res = NULL;
  g_autoptr(GError) error = NULL;

  warta_facebook_post_async (facebook, "x", NULL, NULL, NULL, store_result_cb, &result);
  res = warta_facebook_post_finish (facebook, wait_for (&result), &error);
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_NOT_CONFIGURED);
}

/* A video and photos, or two videos: a Page post cannot carry them,
 * so the job stops before any request and says what to do, rather than
 * posting one video and leaving the rest out. */
static void
test_video_and_photos (void)
{
  g_autoptr(WartaTestOutbox) o = warta_test_outbox_new ();
  g_autoptr(WartaTestServer) server = warta_test_facebook_server_new ();
  gint64 id = warta_test_outbox_add_account (o, "facebook", server,
                                             "{\"page-id\": \"" WARTA_TEST_FACEBOOK_PAGE_ID "\"}",
                                             WARTA_TEST_FACEBOOK_TOKEN);
  g_autoptr(WartaPublication) p = NULL;
  g_autoptr(WartaOutboxJob) job = NULL;

  p = warta_test_publish_make_approved_with_videos (o->t, "Rakor video dan foto", 2, 1, 300 * 1024);
  job = warta_test_outbox_publish (o, p, id, WARTA_OUTBOX_STATE_FAILED);
  g_assert_cmpstr (warta_outbox_job_get_error_code (job), ==, "rejected");
  g_assert_nonnull (strstr (warta_outbox_job_get_error_message (job), "a video and photos"));
  g_clear_object (&job);
  g_clear_object (&p);

  /* Two videos: a Page post has one; never the first alone. */
  p = warta_test_publish_make_approved_with_videos (o->t, "Rakor dua video", 0, 2, 300 * 1024);
  job = warta_test_outbox_publish (o, p, id, WARTA_OUTBOX_STATE_FAILED);
  g_assert_cmpstr (warta_outbox_job_get_error_code (job), ==, "rejected");
  g_assert_nonnull (strstr (warta_outbox_job_get_error_message (job),
                            "Facebook takes one video in a post and this publication has 2"));
  g_assert_nonnull (strstr (warta_outbox_job_get_error_message (job), "by hand"));
  g_test_message ("%s", warta_outbox_job_get_error_message (job));
  g_assert_cmpuint (warta_test_server_count_requests (server, "POST", "/"), ==, 0);
  g_assert_cmpuint (warta_test_server_count_requests (server, "GET", "/"), ==, 0);
  g_assert_cmpuint (warta_test_server_get_post_count (server), ==, 0);
}

/* A published job as the outbox leaves it: remote id and URL recorded. */
/* A Page account in an office's outbox, and its publisher. */
typedef struct
{
  WartaTestOutbox *o;
  WartaTestServer *server;
  gint64           id;
  WartaPublisher  *publisher;
} Page;

static void
page_set_up (Page          *f,
             gconstpointer  data)
{
  f->o = warta_test_outbox_new ();
  f->server = warta_test_facebook_server_new ();
  f->id = warta_test_outbox_add_account (f->o, "facebook", f->server,
                                         "{\"page-id\": \"" WARTA_TEST_FACEBOOK_PAGE_ID "\"}",
                                         WARTA_TEST_FACEBOOK_TOKEN);
  f->publisher = warta_test_outbox_publisher_new (f->o, f->id, WARTA_TEST_FACEBOOK_TOKEN);
}

static void
page_tear_down (Page          *f,
                gconstpointer  data)
{
  g_clear_object (&f->publisher);
  g_clear_pointer (&f->o, warta_test_outbox_free);
  g_clear_pointer (&f->server, warta_test_server_free);
}

static WartaPublishJob *
publish_job (WartaTestOutbox *o,
             WartaPublisher  *publisher,
             gint64           account_id,
             const char      *title,
             guint            n_photos)
{
  g_autoptr(WartaPublication) p = warta_test_publish_make_approved (o->t, title, n_photos);
  g_autoptr(WartaPublishStep) step = NULL;
  g_autoptr(GError) error = NULL;
  WartaPublishJob *job = warta_test_outbox_job_new (o, p, account_id);

  step = warta_test_outbox_run_all (publisher, job, &error);
  g_assert_no_error (error);
  g_assert_true (step->final);
  warta_outbox_job_set_remote (warta_publish_job_get_job (job), step->remote_id, step->remote_url);
  return job;
}

static gboolean
take_down (WartaPublisher   *publisher,
           WartaPublishJob  *job,
           GError          **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  warta_publisher_take_down_async (publisher, job, NULL, store_result_cb, &result);
  return warta_publisher_take_down_finish (publisher, wait_for (&result), error);
}

/* Whether the Page's feed shows a post with @message. */
static gboolean
feed_has (WartaTestOutbox *o,
          WartaTestServer *server,
          const char      *message)
{
  const char *url = warta_test_server_get_url (server);
  g_autoptr(WartaFacebook) facebook = warta_facebook_new (o->client, url, url,
                                                          WARTA_TEST_FACEBOOK_PAGE_ID,
                                                          WARTA_TEST_FACEBOOK_TOKEN);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(WartaRemoteResult) res = NULL;
  g_autoptr(GError) error = NULL;

  warta_facebook_find_post_async (facebook, message, NULL, store_result_cb, &result);
  res = warta_facebook_find_post_finish (facebook, wait_for (&result), &error);
  g_assert_no_error (error);
  return res != NULL;
}

/* A multi-photo post: one DELETE, its photos go with it; a second
 * take-down finds it gone and deletes nothing more. */
static void
test_take_down (Page          *f,
                gconstpointer  data)
{
  g_autoptr(WartaPublishJob) job = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  job = publish_job (f->o, f->publisher, f->id, "Rakor yang ditarik", 2);
  text = warta_publish_job_dup_text (job, "facebook");
  g_assert_cmpuint (warta_test_server_get_media_count (f->server), ==, 2);
  g_assert_true (feed_has (f->o, f->server, text));
  g_assert_true (warta_publisher_can_take_down (f->publisher));

  g_assert_true (take_down (f->publisher, job, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (warta_test_facebook_server_get_deleted_count (f->server), ==, 1);
  g_assert_cmpuint (warta_test_server_count_requests (f->server, "DELETE", "/"), ==, 1);
  g_assert_false (feed_has (f->o, f->server, text));

  g_assert_true (take_down (f->publisher, job, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (warta_test_server_count_requests (f->server, "DELETE", "/"), ==, 2);
  g_assert_cmpuint (warta_test_facebook_server_get_deleted_count (f->server), ==, 1);
}

/* A token Facebook refuses: the take-down fails as publishing does. */
static void
test_take_down_refused (Page          *f,
                        gconstpointer  data)
{
  g_autoptr(WartaPublishJob) job = NULL;
  g_autoptr(WartaPublishJob) refused = NULL;
  g_autoptr(WartaPublication) p = NULL;
  g_autoptr(WartaPublishStep) step = NULL;
  g_autoptr(GError) publish_error = NULL;
  g_autoptr(GError) error = NULL;

  job = publish_job (f->o, f->publisher, f->id, "Rakor sebelum token dicabut", 0);
  warta_test_server_revoke_credentials (f->server);

  p = warta_test_publish_make_approved (f->o->t, "Rakor setelah token dicabut", 0);
  refused = warta_test_outbox_job_new (f->o, p, f->id);
  step = warta_test_outbox_run_all (f->publisher, refused, &publish_error);
  g_assert_null (step);
  g_assert_error (publish_error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_AUTH_EXPIRED);

  g_assert_false (take_down (f->publisher, job, &error));
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_AUTH_EXPIRED);
  g_assert_cmpstr (error->message, ==, publish_error->message);
  g_assert_cmpstr (warta_publish_error_get_platform_code (error), ==,
                   warta_publish_error_get_platform_code (publish_error));
  g_assert_cmpuint (warta_test_server_count_requests (f->server, "DELETE", "/"), ==, 1);
  g_assert_cmpuint (warta_test_facebook_server_get_deleted_count (f->server), ==, 0);
}

/* No remote id: nothing is sent, and the message says what to do. */
static void
test_take_down_no_id (Page          *f,
                      gconstpointer  data)
{
  g_autoptr(WartaPublication) p = warta_test_publish_make_approved (f->o->t, "Rakor tanpa id", 0);
  g_autoptr(WartaPublishJob) job = warta_test_outbox_job_new (f->o, p, f->id);
  g_autoptr(GError) error = NULL;

  g_assert_false (take_down (f->publisher, job, &error));
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "Remove it on the Page yourself"));
  g_assert_cmpuint (warta_test_server_count_requests (f->server, "DELETE", "/"), ==, 0);
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
  g_test_add ("/warta/facebook/" path, Fixture, GUINT_TO_POINTER (attempts), fixture_set_up, \
              func, fixture_tear_down)
  ADD ("text-post", test_text_post, 0);
  ADD ("photos", test_photos, 0);
  ADD ("lost-answer", test_lost_answer, 0);
  ADD ("malformed-answers", test_malformed_answers, 0);
  ADD ("malformed-every-time", test_malformed_every_time, 0);
  ADD ("video-malformed-every-time", test_video_malformed_every_time, 0);
  ADD ("video-finish-not-understood", test_video_finish_not_understood, 0);
  ADD ("video-finish-lost", test_video_finish_lost, 0);
  ADD ("duplicate", test_duplicate, 0);
  ADD ("video", test_video, 0);
  ADD ("video-resume", test_video_resume, 0);
  ADD ("errors", test_errors, 1);
  ADD ("retries", test_retries, 0);
  ADD ("cancel", test_cancel, 0);
  ADD ("cancel-slow-answer", test_cancel_slow_answer, 0);
  ADD ("delete", test_delete, 0);
  ADD ("delete-video", test_delete_video, 0);
  ADD ("delete-retries", test_delete_retries, 0);
  ADD ("delete-errors", test_delete_errors, 1);
#undef ADD
  g_test_add_func ("/warta/facebook/not-configured", test_not_configured);
  g_test_add_func ("/warta/facebook/video-and-photos", test_video_and_photos);
  g_test_add ("/warta/facebook/take-down", Page, NULL, page_set_up, test_take_down,
              page_tear_down);
  g_test_add ("/warta/facebook/take-down-refused", Page, NULL, page_set_up,
              test_take_down_refused, page_tear_down);
  g_test_add ("/warta/facebook/take-down-no-id", Page, NULL, page_set_up, test_take_down_no_id,
              page_tear_down);

  return g_test_run ();
}
