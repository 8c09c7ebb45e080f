/* test-wordpress.c: WartaWordPress against a loopback WordPress
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "warta-test-garbage.h"
#include "warta-test-server.h"
#include "warta-wordpress.h"

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
  WartaWordPress *wp;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  WartaRetryPolicy policy;

  f->server = warta_test_server_new (WARTA_TEST_WORDPRESS);
  f->client = warta_http_client_new ();
  warta_retry_policy_init_default (&policy);
  policy.max_attempts = 4;
  policy.initial_delay_ms = 20;
  policy.max_delay_ms = 100;
  policy.max_wait_ms = 5000;
  warta_http_client_set_retry_policy (f->client, &policy);
  f->wp = warta_wordpress_new (f->client, warta_test_server_get_url (f->server),
                               WARTA_TEST_WP_USER, WARTA_TEST_WP_APP_PASSWORD);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->wp);
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

/* A JPEG's first bytes, then filler: enough for the server's check. */
static WartaUpload *
make_upload (const char *filename,
             const char *content_type,
             gsize       size,
             gboolean    jpeg)
{
  guchar *data = g_malloc (size);
  GBytes *bytes;

  for (gsize i = 0; i < size; i++)
    data[i] = (guchar) (i * 13);
  if (jpeg && size >= 3)
    {
      data[0] = 0xFF;
      data[1] = 0xD8;
      data[2] = 0xFF;
    }
  bytes = g_bytes_new_take (data, size);
  return warta_upload_new_for_stream_func (open_bytes, bytes, (GDestroyNotify) g_bytes_unref,
                                           size, filename, content_type);
}

static WartaRemoteResult *
upload_media (Fixture       *f,
              WartaUpload   *upload,
              const char    *slug,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  warta_wordpress_upload_media_async (f->wp, upload, slug, cancellable, store_result_cb, &result);
  return warta_wordpress_upload_media_finish (f->wp, wait_for (&result), error);
}

static WartaRemoteResult *
publish (Fixture     *f,
         const char  *slug,
         const char  *title,
         const char  *featured,
         GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  warta_wordpress_publish_post_async (f->wp, slug, title, "<p>Isi berita.</p>", featured, NULL,
                                      store_result_cb, &result);
  return warta_wordpress_publish_post_finish (f->wp, wait_for (&result), error);
}

static guint
count (Fixture    *f,
       const char *method,
       const char *path)
{
  return warta_test_server_count_requests (f->server, method, path);
}

static void
test_happy_path (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *slug = warta_wordpress_slug_for_job (7, "db-1/job-3");
  g_autofree char *media_slug = g_strconcat (slug, "-1", NULL);
  g_autoptr(WartaUpload) upload = make_upload ("Foto Kegiatan.jpg", "image/jpeg", 64000, TRUE);
  g_autoptr(WartaRemoteResult) media = NULL;
  g_autoptr(WartaRemoteResult) post = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected_link = NULL;
  g_autofree char *expected_file = NULL;

  media = upload_media (f, upload, media_slug, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (media->reused);
  /* Sent under the slug's name, so the server's slug is ours. */
  expected_file = g_strconcat ("/wp-content/uploads/2026/11/", media_slug, ".jpg", NULL);
  g_assert_true (g_str_has_suffix (media->url, expected_file));
  g_assert_cmpint (warta_upload_get_state (upload), ==, WARTA_UPLOAD_STATE_DONE);
  g_assert_cmpfloat (warta_upload_get_fraction (upload), ==, 1.0);
  g_assert_cmpuint (warta_test_server_get_last_upload_size (f->server), ==, 64000);
  g_assert_cmpstr (warta_test_server_get_last_header (f->server, "Content-Type"), ==, "image/jpeg");

  post = publish (f, slug, "Rapat Koordinasi", media->id, &error);
  g_assert_no_error (error);
  g_assert_false (post->reused);
  g_assert_null (post->warning);
  expected_link = g_strdup_printf ("%s/%s/", warta_test_server_get_url (f->server), slug);
  g_assert_cmpstr (post->url, ==, expected_link);
  g_assert_cmpuint (warta_test_server_get_post_count (f->server), ==, 1);
  g_assert_cmpuint (warta_test_server_get_media_count (f->server), ==, 1);
  /* Application password with its spaces taken out, Basic auth. */
  g_assert_true (g_str_has_prefix (warta_test_server_get_last_header (f->server, "Authorization"),
                                   "Basic "));

  /* The same job again (a restart after the outbox lost the answer):
   * the existing post comes back, nothing new is made. */
  {
    g_autoptr(WartaRemoteResult) again = publish (f, slug, "Rapat Koordinasi", media->id, &error);

    g_assert_no_error (error);
    g_assert_true (again->reused);
    g_assert_cmpstr (again->id, ==, post->id);
    g_assert_cmpstr (again->url, ==, post->url);
    g_assert_cmpuint (warta_test_server_get_post_count (f->server), ==, 1);
    g_assert_cmpuint (count (f, "POST", "/wp-json/wp/v2/posts"), ==, 1);
  }
}

/* WordPress made the post, then the connection dropped: the retry asks
 * for the slug first and takes that post. Exactly one post. */
static void
test_no_duplicate_after_drop (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *slug = warta_wordpress_slug_for_job (8, "db-1/job-4");
  g_autoptr(WartaRemoteResult) post = NULL;
  g_autoptr(GError) error = NULL;

  warta_test_server_add_fault (f->server, "POST", "/wp-json/wp/v2/posts", 1,
                               WARTA_TEST_FAULT_DROP_AFTER_COMMIT, 0);
  post = publish (f, slug, "Hanya sekali", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (post->reused);
  g_assert_cmpuint (warta_test_server_get_post_count (f->server), ==, 1);
  g_assert_cmpuint (count (f, "POST", "/wp-json/wp/v2/posts"), ==, 1);
  g_assert_cmpuint (count (f, "GET", "/wp-json/wp/v2/posts"), ==, 2);
}

#define WP_LOGIN_PAGE \
  "<!DOCTYPE html><html lang=\"id\"><head><title>Log In &lsaquo; Warta</title></head>" \
  "<body class=\"login\"><form name=\"loginform\" action=\"/wp-login.php\" method=\"post\">" \
  "<input type=\"text\" name=\"log\"><input type=\"password\" name=\"pwd\"></form></body></html>"

/* A post with a featured image whose @nth request of @method @path gets
 * @status and @body (after the work with @commit): no crash, one post at
 * most, an error of Warta's saying what to do or the post. */
static void
publish_answered (Fixture    *f,
                  const char *method,
                  const char *path,
                  guint       nth,
                  gboolean    commit,
                  guint       status,
                  const char *content_type,
                  const char *body,
                  gboolean    must_succeed)
{
  static guint job;
  g_autofree char *name = g_strdup_printf ("db-1/job-%u", ++job);
  g_autofree char *slug = warta_wordpress_slug_for_job (job, name);
  g_autofree char *media_slug = g_strconcat (slug, "-1", NULL);
  g_autoptr(WartaUpload) upload = make_upload ("Foto.jpg", "image/jpeg", 64000, TRUE);
  g_autoptr(WartaRemoteResult) media = NULL;
  g_autoptr(WartaRemoteResult) post = NULL;
  g_autoptr(GError) error = NULL;
  guint posts = warta_test_server_get_post_count (f->server);

  g_test_message ("%s %s %u: %u %s", method, path, nth, status, body);
  warta_test_server_add_answer (f->server, method, path, nth, commit, status, NULL, content_type,
                                body);
  media = upload_media (f, upload, media_slug, NULL, &error);
  if (media)
    post = publish (f, slug, "Rapat", media->id, &error);
  warta_test_assert_garbage_outcome (error, post ? post->id : NULL, must_succeed);
  g_assert_cmpuint (warta_test_server_get_post_count (f->server), <=, posts + 1);
  warta_test_server_assert_faults_used (f->server);
}

/* The media, the lookups by slug and the post answered by a proxy's HTML
 * page (502: retried), a login page or a 200 that says nothing usable;
 * the file is looked for and sent again; after the post's the slug finds
 * it: not made twice, not failed. */
static void
test_malformed_answers (Fixture       *f,
                        gconstpointer  data)
{
  const struct { const char *method, *path; } steps[] = {
    { "POST", "/wp-json/wp/v2/media" },
    { "GET", "/wp-json/wp/v2/" },
    { "POST", "/wp-json/wp/v2/posts" },
  };

  for (guint s = 0; s < G_N_ELEMENTS (steps); s++)
    {
      publish_answered (f, steps[s].method, steps[s].path, 1, FALSE, 502, "text/html",
                        WARTA_TEST_HTML_PAGE, TRUE);
      publish_answered (f, steps[s].method, steps[s].path, 1, TRUE, 200, "text/html; charset=UTF-8",
                        WP_LOGIN_PAGE, TRUE);
      for (guint i = 0; i < G_N_ELEMENTS (warta_test_garbage); i++)
        publish_answered (f, steps[s].method, steps[s].path, 1, TRUE, 200,
                          warta_test_garbage[i].content_type, warta_test_garbage[i].body, TRUE);
      /* Before the file was made: looked for, not there, sent again. */
      if (g_str_equal (steps[s].path, "/wp-json/wp/v2/media"))
        publish_answered (f, steps[s].method, steps[s].path, 1, FALSE, 200, "text/html",
                          WP_LOGIN_PAGE, TRUE);
    }

  /* The login page came instead of WordPress: nothing was made, the slug
   * finds nothing, it stops there, not created after all. */
  {
    guint posts = warta_test_server_get_post_count (f->server);
    guint creates = count (f, "POST", "/wp-json/wp/v2/posts");
    g_autoptr(WartaRemoteResult) post = NULL;
    g_autoptr(GError) error = NULL;

    warta_test_server_add_answer (f->server, "POST", "/wp-json/wp/v2/posts", 0, FALSE, 200, NULL,
                                  "text/html", WP_LOGIN_PAGE);
    post = publish (f, "kabar-terhalang", "Rapat", NULL, &error);
    warta_test_assert_garbage_error (error);
    g_assert_cmpuint (warta_test_server_get_post_count (f->server), ==, posts);
    g_assert_cmpuint (count (f, "POST", "/wp-json/wp/v2/posts"), ==, creates + 1);
  }
}

/* A lookup by slug answered with a list whose items are not posts says
 * nothing about whether the post or the file is there: it is not taken
 * for "not found", nothing is created on it. An empty list is "not found". */
static void
test_unreadable_lookup (Fixture       *f,
                        gconstpointer  data)
{
  const char *lists[] = {
    "[1, 2, 3]", "[null]", "[\"x\"]", "[{\"id\": 5}]", "[{\"id\": 5, \"slug\": null}]",
    /* The post of the slug, without its id. */
    "[{\"slug\": \"SLUG\"}]",
  };

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      g_autofree char *slug = g_strdup_printf ("warta-20-%08u", i);
      g_autofree char *media_slug = g_strconcat (slug, "-1", NULL);
      g_autoptr(GString) post_list = g_string_new (lists[i]);
      g_autoptr(GString) media_list = g_string_new (lists[i]);
      g_autoptr(WartaUpload) upload = make_upload ("foto.jpg", "image/jpeg", 500, TRUE);
      g_autoptr(WartaRemoteResult) post = NULL;
      g_autoptr(WartaRemoteResult) media = NULL;
      g_autoptr(WartaRemoteResult) found = NULL;
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GError) error = NULL;
      Fixture site;

      g_string_replace (post_list, "SLUG", slug, 0);
      g_string_replace (media_list, "SLUG", media_slug, 0);
      /* Every lookup of a site of its own gets the list. */
      g_test_message ("%s", post_list->str);
      fixture_set_up (&site, NULL);
      warta_test_server_add_answer (site.server, "GET", "/wp-json/wp/v2/posts", 0, FALSE, 200,
                                    NULL, "application/json", post_list->str);
      warta_test_server_add_answer (site.server, "GET", "/wp-json/wp/v2/media", 0, FALSE, 200,
                                    NULL, "application/json", media_list->str);

      post = publish (&site, slug, "Rapat", NULL, &error);
      g_assert_null (post);
      warta_test_assert_garbage_error (error);
      g_clear_error (&error);

      media = upload_media (&site, upload, media_slug, NULL, &error);
      g_assert_null (media);
      warta_test_assert_garbage_error (error);
      g_clear_error (&error);

      /* The remote check after a lost answer: not "not there" either. */
      warta_wordpress_find_post_async (site.wp, slug, NULL, store_result_cb, &result);
      found = warta_wordpress_find_post_finish (site.wp, wait_for (&result), &error);
      g_assert_null (found);
      warta_test_assert_garbage_error (error);

      g_assert_cmpuint (count (&site, "POST", "/wp-json/wp/v2/posts"), ==, 0);
      g_assert_cmpuint (count (&site, "POST", "/wp-json/wp/v2/media"), ==, 0);
      g_assert_cmpuint (warta_test_server_get_post_count (site.server), ==, 0);
      g_assert_cmpuint (warta_test_server_get_media_count (site.server), ==, 0);
      g_clear_object (&result);
      fixture_tear_down (&site, NULL);
    }

  /* An empty list: not there, made once, and found the next time. */
  {
    g_autoptr(WartaRemoteResult) post = NULL;
    g_autoptr(WartaRemoteResult) again = NULL;
    g_autoptr(GError) error = NULL;

    warta_test_server_add_answer (f->server, "GET", "/wp-json/wp/v2/posts", 1, FALSE, 200, NULL,
                                  "application/json", "[]");
    post = publish (f, "warta-21-00000000", "Rapat", NULL, &error);
    g_assert_no_error (error);
    g_assert_false (post->reused);
    again = publish (f, "warta-21-00000000", "Rapat", NULL, &error);
    g_assert_no_error (error);
    g_assert_true (again->reused);
    g_assert_cmpuint (warta_test_server_get_post_count (f->server), ==, 1);
    g_assert_cmpuint (count (f, "POST", "/wp-json/wp/v2/posts"), ==, 1);
  }
}

/* The file's upload answered with what Warta cannot read every time:
 * looked for and sent as often as after a 5xx, then Warta tries again later. */
static void
test_malformed_every_time (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(WartaUpload) upload = make_upload ("foto.jpg", "image/jpeg", 500, TRUE);
  g_autoptr(WartaRemoteResult) media = NULL;
  g_autoptr(GError) error = NULL;

  warta_test_server_add_answer (f->server, "POST", "/wp-json/wp/v2/media", 0, FALSE, 200, NULL,
                                "text/html", WP_LOGIN_PAGE);
  media = upload_media (f, upload, "warta-22-00000000-1", NULL, &error);
  g_assert_null (media);
  warta_test_assert_read_later (error);
  g_assert_cmpuint (count (f, "POST", "/wp-json/wp/v2/media"), ==, 4);
  g_assert_cmpuint (warta_test_server_get_media_count (f->server), ==, 0);
  g_assert_cmpint (warta_upload_get_state (upload), ==, WARTA_UPLOAD_STATE_FAILED);
}

/* A file uploaded under a slug whose answer was lost is not sent twice. */
static void
test_media_no_duplicate_after_drop (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(WartaUpload) upload = make_upload ("foto.jpg", "image/jpeg", 20000, TRUE);
  g_autoptr(WartaRemoteResult) media = NULL;
  g_autoptr(GError) error = NULL;

  warta_test_server_add_fault (f->server, "POST", "/wp-json/wp/v2/media", 1,
                               WARTA_TEST_FAULT_DROP_AFTER_COMMIT, 0);
  media = upload_media (f, upload, "warta-9-abcdef12-1", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (media->reused);
  g_assert_cmpuint (warta_test_server_get_media_count (f->server), ==, 1);
  g_assert_cmpint (warta_upload_get_state (upload), ==, WARTA_UPLOAD_STATE_DONE);
  g_assert_cmpstr (warta_upload_get_remote_id (upload), ==, media->id);
}

static void
test_retry_5xx (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(WartaRemoteResult) post = NULL;
  g_autoptr(GError) error = NULL;

  warta_test_server_add_fault (f->server, "POST", "/wp-json/wp/v2/posts", 1,
                               WARTA_TEST_FAULT_STATUS, 503);
  warta_test_server_add_fault (f->server, "GET", "/wp-json/wp/v2/posts", 2,
                               WARTA_TEST_FAULT_STATUS, 500);
  post = publish (f, "warta-10-00000000", "Setelah gangguan", NULL, &error);
  g_assert_no_error (error);
  g_assert_false (post->reused);
  g_assert_cmpuint (warta_test_server_get_post_count (f->server), ==, 1);
  g_assert_cmpuint (count (f, "POST", "/wp-json/wp/v2/posts"), ==, 2);
}

static void
test_rate_limited (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(WartaRemoteResult) post = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  warta_test_server_add_fault (f->server, "POST", "/wp-json/wp/v2/posts", 1,
                               WARTA_TEST_FAULT_RATE_LIMIT, 1);
  post = publish (f, "warta-11-00000000", "Pelan-pelan", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_get_monotonic_time () - start, >=, G_USEC_PER_SEC - 1000);
  g_assert_cmpuint (warta_test_server_get_post_count (f->server), ==, 1);
}

static void
test_timeout_then_found (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(WartaRemoteResult) post = NULL;
  g_autoptr(GError) error = NULL;

  /* The create answers too late for the client, but does happen. */
  warta_http_client_set_timeout (f->client, 1);
  warta_test_server_add_fault (f->server, "POST", "/wp-json/wp/v2/posts", 1,
                               WARTA_TEST_FAULT_DELAY, 2000);
  post = publish (f, "warta-12-00000000", "Lambat", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (warta_test_server_get_post_count (f->server), ==, 1);
  g_assert_cmpuint (count (f, "POST", "/wp-json/wp/v2/posts"), <=, 2);
}

static void
test_invalid_media (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(WartaUpload) upload = make_upload ("bukan-gambar.jpg", "image/jpeg", 500, FALSE);
  g_autoptr(WartaRemoteResult) media = NULL;
  g_autoptr(GError) error = NULL;

  media = upload_media (f, upload, NULL, NULL, &error);
  g_assert_null (media);
  /* A 500, yet about the file: not retried. */
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_INVALID_MEDIA);
  g_assert_cmpuint (warta_publish_error_get_http_status (error), ==, 500);
  g_assert_cmpstr (warta_publish_error_get_platform_code (error), ==, "rest_upload_sideload_error");
  g_assert_true (strstr (error->message, "Sorry, you are not allowed to upload this file type”") != NULL);
  g_assert_cmpuint (count (f, "POST", "/wp-json/wp/v2/media"), ==, 1);
  g_assert_cmpint (warta_upload_get_state (upload), ==, WARTA_UPLOAD_STATE_FAILED);
}

static void
test_revoked (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(WartaUpload) upload = make_upload ("foto.jpg", "image/jpeg", 500, TRUE);
  g_autoptr(WartaRemoteResult) media = NULL;
  g_autoptr(WartaRemoteResult) post = NULL;
  g_autoptr(GError) error = NULL;

  warta_test_server_revoke_credentials (f->server);

  /* The slug check is refused as WordPress refuses anonymous drafts. */
  post = publish (f, "warta-13-00000000", "Ditolak", NULL, &error);
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_AUTH_EXPIRED);
  g_assert_true (strstr (error->message, "Sign in again") != NULL);
  g_clear_error (&error);

  /* Without a slug the POST itself gets WordPress's 401. */
  media = upload_media (f, upload, NULL, NULL, &error);
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_AUTH_EXPIRED);
  g_assert_cmpstr (warta_publish_error_get_platform_code (error), ==, "rest_cannot_create");
  g_clear_error (&error);

  media = upload_media (f, upload, "warta-13-00000000-1", NULL, &error);
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_AUTH_EXPIRED);

  g_assert_cmpuint (warta_test_server_get_post_count (f->server), ==, 0);
  g_assert_cmpuint (warta_test_server_get_media_count (f->server), ==, 0);
}

static void
test_missing_featured (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(WartaRemoteResult) post = NULL;
  g_autoptr(GError) error = NULL;

  post = publish (f, "warta-14-00000000", "Tanpa gambar", "999999", &error);
  g_assert_no_error (error);
  g_assert_nonnull (post->warning);
  g_assert_true (strstr (post->warning, "999999") != NULL);
  g_assert_cmpuint (warta_test_server_get_post_count (f->server), ==, 1);
}

static void
test_rejected (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(WartaRemoteResult) post = NULL;
  g_autoptr(GError) error = NULL;

  warta_wordpress_publish_post_async (f->wp, "warta-15-00000000", "", "", NULL, NULL,
                                      store_result_cb, &result);
  post = warta_wordpress_publish_post_finish (f->wp, wait_for (&result), &error);
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_REJECTED);
  g_assert_cmpstr (warta_publish_error_get_platform_code (error), ==, "empty_content");
  g_assert_true (strstr (error->message, "“Content, title, and excerpt are empty”") != NULL);
  g_assert_cmpuint (count (f, "POST", "/wp-json/wp/v2/posts"), ==, 1);
}

static void
test_stream_progress_cancel (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(WartaUpload) big = make_upload ("video.mp4", "video/mp4", 8 * 1024 * 1024, FALSE);
  g_autoptr(WartaUpload) other = make_upload ("video.mp4", "video/mp4", 32 * 1024 * 1024, FALSE);
  g_autoptr(WartaRemoteResult) media = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  media = upload_media (f, big, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (warta_upload_get_fraction (big), ==, 1.0);
  g_assert_cmpuint (warta_upload_get_bytes_sent (big), ==, 8 * 1024 * 1024);
  g_assert_cmpuint (warta_test_server_get_last_upload_size (f->server), ==, 8 * 1024 * 1024);

  g_signal_connect_swapped (other, "notify::bytes-sent", G_CALLBACK (g_cancellable_cancel),
                            cancellable);
  g_clear_pointer (&media, warta_remote_result_free);
  media = upload_media (f, other, NULL, cancellable, &error);
  g_assert_null (media);
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_CANCELLED);
  g_assert_cmpint (warta_upload_get_state (other), ==, WARTA_UPLOAD_STATE_CANCELLED);
  g_assert_cmpfloat (warta_upload_get_fraction (other), <, 1.0);
  g_assert_cmpuint (warta_test_server_get_media_count (f->server), ==, 1);
}

static void
test_find_post (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(WartaRemoteResult) found = NULL;
  g_autoptr(WartaRemoteResult) post = NULL;
  g_autoptr(GError) error = NULL;

  warta_wordpress_find_post_async (f->wp, "warta-16-00000000", NULL, store_result_cb, &result);
  found = warta_wordpress_find_post_finish (f->wp, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_null (found);

  post = publish (f, "warta-16-00000000", "Dicari", NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  warta_wordpress_find_post_async (f->wp, "warta-16-00000000", NULL, store_result_cb, &result);
  found = warta_wordpress_find_post_finish (f->wp, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found->id, ==, post->id);
  g_assert_cmpstr (found->url, ==, post->url);
}

static char *
check_user (WartaWordPress  *wp,
            GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  warta_wordpress_check_user_async (wp, NULL, store_result_cb, &result);
  return warta_wordpress_check_user_finish (wp, wait_for (&result), error);
}

/* Before an account is added: the site is a WordPress, takes the
 * password, and its user may upload and publish. */
static void
test_check_user (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  /* A folder of the site where no WordPress is. */
  g_autofree char *folder = g_strconcat (warta_test_server_get_url (f->server), "/galeri", NULL);
  g_autoptr(WartaWordPress) elsewhere = warta_wordpress_new (f->client, folder, WARTA_TEST_WP_USER,
                                                             WARTA_TEST_WP_APP_PASSWORD);

  name = check_user (f->wp, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (name, ==, "Humas Inspektorat");
  g_clear_pointer (&name, g_free);

  /* A subscriber may read, not publish. */
  warta_test_server_set_wp_subscriber (f->server, TRUE);
  name = check_user (f->wp, &error);
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_PERMISSION_DENIED);
  g_assert_nonnull (strstr (error->message, "“Humas Inspektorat” may not publish"));
  g_assert_null (name);
  g_clear_error (&error);
  warta_test_server_set_wp_subscriber (f->server, FALSE);

  /* A password WordPress does not take. */
  warta_test_server_revoke_credentials (f->server);
  name = check_user (f->wp, &error);
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_AUTH_EXPIRED);
  g_assert_null (name);
  g_clear_error (&error);

  /* Not a WordPress at all. */
  name = check_user (elsewhere, &error);
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_NOT_CONFIGURED);
  g_assert_nonnull (strstr (error->message, "No WordPress answers at this address"));
  g_assert_null (name);
  g_assert_cmpuint (warta_test_server_count_requests (f->server, "GET", "/wp-json/wp/v2/users/me"),
                    ==, 3);
  g_clear_object (&elsewhere);
}

static void
test_not_configured (void)
{
  g_autoptr(WartaHttpClient) client = warta_http_client_new ();
  g_autoptr(WartaWordPress) no_password = warta_wordpress_new (client, "https://example.org",
                                                               "admin", "");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(WartaRemoteResult) post = NULL;
  g_autoptr(GError) error = NULL;

  warta_wordpress_publish_post_async (no_password, "s", "t", "c", NULL, NULL, store_result_cb,
                                      &result);
  post = warta_wordpress_publish_post_finish (no_password, wait_for (&result), &error);
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_NOT_CONFIGURED);
}

static void
test_slug (void)
{
  g_autofree char *a = warta_wordpress_slug_for_job (12, "db-1/job-5");
  g_autofree char *b = warta_wordpress_slug_for_job (12, "db-1/job-5");
  g_autofree char *c = warta_wordpress_slug_for_job (12, "db-1/job-6");

  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (a, !=, c);
  g_assert_true (g_str_has_prefix (a, "warta-12-"));
  g_assert_cmpuint (strlen (a), ==, strlen ("warta-12-") + 8);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/warta/wordpress/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("happy-path", test_happy_path);
  ADD ("no-duplicate-after-drop", test_no_duplicate_after_drop);
  ADD ("malformed-answers", test_malformed_answers);
  ADD ("unreadable-lookup", test_unreadable_lookup);
  ADD ("malformed-every-time", test_malformed_every_time);
  ADD ("media-no-duplicate-after-drop", test_media_no_duplicate_after_drop);
  ADD ("retry-5xx", test_retry_5xx);
  ADD ("rate-limited", test_rate_limited);
  ADD ("timeout-then-found", test_timeout_then_found);
  ADD ("invalid-media", test_invalid_media);
  ADD ("revoked", test_revoked);
  ADD ("missing-featured", test_missing_featured);
  ADD ("rejected", test_rejected);
  ADD ("stream-progress-cancel", test_stream_progress_cancel);
  ADD ("find-post", test_find_post);
  ADD ("check-user", test_check_user);
#undef ADD
  g_test_add_func ("/warta/wordpress/not-configured", test_not_configured);
  g_test_add_func ("/warta/wordpress/slug", test_slug);

  return g_test_run ();
}
