/* test-instagram.c: WartaInstagram against a loopback content publishing API
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "warta-instagram.h"
#include "warta-test-publisher.h"
#include "warta-test-garbage.h"
#include "warta-test-server.h"

/* The Graph version the client uses by default (WARTA_FACEBOOK_API_VERSION). */
#define IG_PATH "/v25.0/" WARTA_TEST_INSTAGRAM_USER_ID

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
  WartaInstagram *instagram;
  char *sha256;
  char *video_sha256;
} Fixture;

static GBytes *
jpeg_bytes (guint seed)
{
  gsize size = 50000 + seed;
  guchar *data = g_malloc (size);

  for (gsize i = 0; i < size; i++)
    data[i] = (guchar) ((i + seed) % 251);
  data[0] = 0xFF;
  data[1] = 0xD8;
  data[2] = 0xFF;
  return g_bytes_new_take (data, size);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  WartaRetryPolicy policy;

  f->server = warta_test_instagram_server_new ();
  f->client = warta_http_client_new ();
  warta_retry_policy_init_default (&policy);
  policy.max_attempts = GPOINTER_TO_UINT (data) ? GPOINTER_TO_UINT (data) : 4;
  policy.initial_delay_ms = 20;
  policy.max_delay_ms = 100;
  policy.max_wait_ms = 5000;
  warta_http_client_set_retry_policy (f->client, &policy);
  f->instagram = warta_instagram_new (f->client, warta_test_server_get_url (f->server),
                                      WARTA_TEST_INSTAGRAM_USER_ID, WARTA_TEST_INSTAGRAM_TOKEN);
  warta_instagram_set_poll_interval (f->instagram, 10, 5000);
  /* The "public host": the images are served by a loopback server. */
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GBytes) jpeg = jpeg_bytes (i);
      g_autofree char *path = g_strdup_printf ("/wp-content/uploads/foto-%u.jpg", i);

      if (i == 0)
        f->sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, jpeg);
      warta_test_server_add_file (f->server, path, "image/jpeg", jpeg);
    }
  {
    g_autoptr(GBytes) png = g_bytes_new_static ("\x89PNG\r\n\x1a\nxxxx", 12);
    /* The loopback server only looks at the first box of a video. */
    static const char mp4[] = "\0\0\0\x18" "ftypmp42\0\0\0\0mp42isom" "\0\0\0\x08mdat";
    g_autoptr(GBytes) video = g_bytes_new_static (mp4, sizeof mp4 - 1);
    g_autoptr(GBytes) text = g_bytes_new_static ("not a video at all", 18);

    warta_test_server_add_file (f->server, "/wp-content/uploads/gambar.png", "image/png", png);
    warta_test_server_add_file (f->server, "/wp-content/uploads/klip.mp4", "video/mp4", video);
    warta_test_server_add_file (f->server, "/wp-content/uploads/rusak.mp4", "video/mp4", text);
    f->video_sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, video);
  }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->instagram);
  g_assert_finalize_object (f->client);
  warta_test_server_free (f->server);
  g_free (f->sha256);
  g_free (f->video_sha256);
}

static char *
image_url (Fixture    *f,
           const char *name)
{
  return g_strconcat (warta_test_server_get_url (f->server), "/wp-content/uploads/", name, NULL);
}

static WartaRemoteResult *
create (Fixture     *f,
        const char  *url,
        const char  *caption,
        gboolean     item,
        GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  warta_instagram_create_container_async (f->instagram, url, caption, "Teks alternatif", item,
                                          NULL, store_result_cb, &result);
  return warta_instagram_create_container_finish (f->instagram, wait_for (&result), error);
}

static WartaRemoteResult *
create_video (Fixture     *f,
              const char  *url,
              const char  *caption,
              gboolean     item,
              GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  warta_instagram_create_video_container_async (f->instagram, url, caption, item, NULL,
                                                store_result_cb, &result);
  return warta_instagram_create_container_finish (f->instagram, wait_for (&result), error);
}

static WartaRemoteResult *
publish (Fixture     *f,
         const char  *container,
         const char  *caption,
         GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  warta_instagram_publish_async (f->instagram, container, caption, NULL, store_result_cb, &result);
  return warta_instagram_publish_finish (f->instagram, wait_for (&result), error);
}

static gint
check_limit (Fixture  *f,
             GError  **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  warta_instagram_check_limit_async (f->instagram, NULL, store_result_cb, &result);
  return warta_instagram_check_limit_finish (f->instagram, wait_for (&result), error);
}

static void
test_image (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *url = image_url (f, "foto-0.jpg");
  g_autoptr(WartaRemoteResult) container = NULL;
  g_autoptr(WartaRemoteResult) res = NULL;
  g_autoptr(WartaRemoteResult) again = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (check_limit (f, &error), ==, 50);
  g_assert_no_error (error);

  warta_test_server_set_processing_polls (f->server, 2);
  container = create (f, url, "Peresmian jembatan #desa", FALSE, &error);
  g_assert_no_error (error);
  /* Instagram fetched the image from its public address. */
  g_assert_cmpstr (warta_test_server_get_file_sha256 (f->server), ==, f->sha256);

  res = publish (f, container->id, "Peresmian jembatan #desa", &error);
  g_assert_no_error (error);
  g_assert_false (res->reused);
  g_assert_true (g_str_has_prefix (res->url, "https://www.instagram.com/p/"));
  g_assert_cmpuint (warta_test_server_get_post_count (f->server), ==, 1);
  g_assert_cmpuint (warta_test_server_count_requests (f->server, "POST", IG_PATH "/media_publish"), ==, 1);
  g_assert_cmpint (check_limit (f, &error), ==, 49);

  /* The same container again: PUBLISHED, found, not published twice. */
  again = publish (f, container->id, "Peresmian jembatan #desa", &error);
  g_assert_no_error (error);
  g_assert_true (again->reused);
  g_assert_cmpstr (again->id, ==, res->id);
  g_assert_cmpuint (warta_test_server_count_requests (f->server, "POST", IG_PATH "/media_publish"), ==, 1);
}

static void
test_carousel (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) children = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(WartaRemoteResult) carousel = NULL;
  g_autoptr(WartaRemoteResult) res = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("foto-%u.jpg", i);
      g_autofree char *url = image_url (f, name);
      g_autoptr(WartaRemoteResult) child = create (f, url, NULL, TRUE, &error);

      g_assert_no_error (error);
      g_ptr_array_add (children, g_strdup (child->id));
    }
  g_ptr_array_add (children, NULL);

  warta_instagram_create_carousel_async (f->instagram, (const char * const *) children->pdata,
                                         "Tiga foto", NULL, store_result_cb, &result);
  carousel = warta_instagram_create_carousel_finish (f->instagram, wait_for (&result), &error);
  g_assert_no_error (error);
  res = publish (f, carousel->id, "Tiga foto", &error);
  g_assert_no_error (error);
  /* One post for the publishing limit, four containers. */
  g_assert_cmpuint (warta_test_server_get_post_count (f->server), ==, 1);
  g_assert_cmpuint (warta_test_server_get_media_count (f->server), ==, 4);

  /* Too few children: said before asking. */
  {
    const char *one[] = { "1", NULL };
    g_autoptr(GAsyncResult) r = NULL;
    g_autoptr(WartaRemoteResult) bad = NULL;
    g_autoptr(GError) e = NULL;

    warta_instagram_create_carousel_async (f->instagram, one, "x", NULL, store_result_cb, &r);
    bad = warta_instagram_create_carousel_finish (f->instagram, wait_for (&r), &e);
    g_assert_error (e, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_REJECTED);
  }
}

/* No public host: a clear message that names WordPress. */
static void
test_no_public_host (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(WartaRemoteResult) res = NULL;
  g_autoptr(GError) error = NULL;

  res = create (f, NULL, "Tanpa alamat", FALSE, &error);
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_NOT_CONFIGURED);
  g_assert_nonnull (strstr (error->message, "public web address"));
  g_assert_nonnull (strstr (error->message, "WordPress"));
  g_clear_error (&error);

  res = create (f, "file:///home/user/foto.jpg", "Berkas lokal", FALSE, &error);
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_NOT_CONFIGURED);
  g_assert_cmpuint (warta_test_server_count_requests (f->server, "POST", IG_PATH), ==, 0);
}

/* The answer to media_publish is lost: the container says PUBLISHED and
 * the post is found by its caption. */
static void
test_lost_answer (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *url = image_url (f, "foto-1.jpg");
  g_autoptr(WartaRemoteResult) container = NULL;
  g_autoptr(WartaRemoteResult) res = NULL;
  g_autoptr(GError) error = NULL;

  container = create (f, url, "Jawaban hilang", FALSE, &error);
  g_assert_no_error (error);
  warta_test_server_add_fault (f->server, "POST", IG_PATH "/media_publish", 1,
                               WARTA_TEST_FAULT_DROP_AFTER_COMMIT, 0);
  res = publish (f, container->id, "Jawaban hilang", &error);
  g_assert_no_error (error);
  g_assert_true (res->reused);
  g_assert_nonnull (res->url);
  g_assert_cmpuint (warta_test_server_get_post_count (f->server), ==, 1);
  g_assert_cmpuint (warta_test_server_count_requests (f->server, "POST", IG_PATH "/media_publish"), ==, 1);
}

/* An image post whose @nth request of @method @path gets @status and
 * @body (after the work with @commit): no crash, one post at most, an
 * error of Warta's saying what to do or the post. */
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
  g_autofree char *url = image_url (f, "foto-0.jpg");
  g_autofree char *caption = g_strdup_printf ("Kabar %u",
                                              warta_test_server_count_requests (f->server, "POST", "/"));
  g_autoptr(WartaRemoteResult) container = NULL;
  g_autoptr(WartaRemoteResult) res = NULL;
  g_autoptr(GError) error = NULL;
  guint posts = warta_test_server_get_post_count (f->server);

  g_test_message ("%s %s %u: %u %s", method, path, nth, status, body);
  warta_test_server_add_answer (f->server, method, path, nth, commit, status, NULL, content_type,
                                body);
  container = create (f, url, caption, FALSE, &error);
  if (container)
    res = publish (f, container->id, caption, &error);
  warta_test_assert_garbage_outcome (error, res ? res->id : NULL, must_succeed);
  g_assert_cmpuint (warta_test_server_get_post_count (f->server), <=, posts + 1);
  if (must_succeed)
    g_assert_cmpuint (warta_test_server_get_post_count (f->server), ==, posts + 1);
  warta_test_server_assert_faults_used (f->server);
}

/* The container's creation, its status and media_publish answered by a
 * proxy's HTML page (502: retried) or a 200 that says nothing usable;
 * the creation and the status, which make nothing public, are asked
 * again; after media_publish's the container says PUBLISHED: the post
 * is found, not published again, not reported failed. Each time one
 * post, and the job done. */
static void
test_malformed_answers (Fixture       *f,
                        gconstpointer  data)
{
  /* The container is made while Instagram fetches the image: its answer
   * is replaced before that, nothing made. */
  const struct { const char *method, *path; gboolean commit; } steps[] = {
    { "POST", IG_PATH "/media", FALSE },
    { "GET", "/v25.0/", TRUE },
    { "POST", IG_PATH "/media_publish", TRUE },
  };

  for (guint s = 0; s < G_N_ELEMENTS (steps); s++)
    {
      publish_answered (f, steps[s].method, steps[s].path, 1, FALSE, 502, "text/html",
                        WARTA_TEST_HTML_PAGE, TRUE);
      for (guint i = 0; i < G_N_ELEMENTS (warta_test_garbage); i++)
        publish_answered (f, steps[s].method, steps[s].path, 1, steps[s].commit, 200,
                          warta_test_garbage[i].content_type, warta_test_garbage[i].body,
                          TRUE);
    }
}

/* The container's status, then its creation, answered with what Warta
 * cannot read every time: asked as often as after a 5xx, then Warta
 * tries again later; nothing is published. */
static void
test_malformed_every_time (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *url = image_url (f, "foto-0.jpg");
  g_autoptr(WartaRemoteResult) container = NULL;
  g_autoptr(GError) error = NULL;
  guint creations;

  for (guint i = 0; i < G_N_ELEMENTS (warta_test_garbage); i++)
    {
      g_autoptr(WartaRemoteResult) made = NULL;
      g_autoptr(WartaRemoteResult) res = NULL;
      g_autoptr(GError) poll_error = NULL;
      g_autofree char *status_path = NULL;

      g_test_message ("status: %s", warta_test_garbage[i].what);
      made = create (f, url, "Kabar", FALSE, &poll_error);
      g_assert_no_error (poll_error);
      status_path = g_strconcat ("/v25.0/", made->id, NULL);
      warta_test_server_add_answer (f->server, "GET", status_path, 0, FALSE, 200, NULL,
                                    warta_test_garbage[i].content_type,
                                    warta_test_garbage[i].body);
      res = publish (f, made->id, "Kabar", &poll_error);
      g_assert_null (res);
      warta_test_assert_read_later (poll_error);
      g_assert_cmpuint (warta_test_server_count_requests (f->server, "GET", status_path), ==, 4);
      warta_test_server_assert_faults_used (f->server);
    }
  g_assert_cmpuint (warta_test_server_count_requests (f->server, "POST", IG_PATH "/media_publish"),
                    ==, 0);
  g_assert_cmpuint (warta_test_server_get_post_count (f->server), ==, 0);

  creations = warta_test_server_count_requests (f->server, "POST", IG_PATH "/media");
  warta_test_server_add_answer (f->server, "POST", IG_PATH "/media", 0, FALSE, 200, NULL,
                                "application/json", "{\"ok\": true}");
  container = create (f, url, "Kabar", FALSE, &error);
  g_assert_null (container);
  warta_test_assert_read_later (error);
  g_assert_cmpuint (warta_test_server_count_requests (f->server, "POST", IG_PATH "/media"),
                    ==, creations + 4);
  g_assert_cmpuint (warta_test_server_get_post_count (f->server), ==, 0);
}

/* media_publish, which publishes, answered with what Warta cannot read
 * every time: sent again only after the container's status says it is
 * not published, then it stops for the user; never left to a later try. */
static void
test_publish_not_understood (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *url = image_url (f, "foto-0.jpg");
  g_autoptr(WartaRemoteResult) container = NULL;
  g_autoptr(WartaRemoteResult) res = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *status_path = NULL;

  container = create (f, url, "Kabar", FALSE, &error);
  g_assert_no_error (error);
  status_path = g_strconcat ("/v25.0/", container->id, NULL);
  warta_test_server_add_answer (f->server, "POST", IG_PATH "/media_publish", 0, FALSE, 200, NULL,
                                "text/html", WARTA_TEST_HTML_PAGE);
  res = publish (f, container->id, "Kabar", &error);
  g_assert_null (res);
  warta_test_assert_not_understood (error);
  /* Each media_publish after a status that says FINISHED. */
  g_assert_cmpuint (warta_test_server_count_requests (f->server, "GET", status_path), ==,
                    warta_test_server_count_requests (f->server, "POST", IG_PATH "/media_publish"));
  g_assert_cmpuint (warta_test_server_get_post_count (f->server), ==, 0);
}

/* 9007 (not ready) and a transient 500 before publishing: read, wait, publish once. */
static void
test_not_ready (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *url = image_url (f, "foto-2.jpg");
  g_autoptr(WartaRemoteResult) container = NULL;
  g_autoptr(WartaRemoteResult) res = NULL;
  g_autoptr(GError) error = NULL;

  container = create (f, url, "Belum siap", FALSE, &error);
  g_assert_no_error (error);
  warta_test_server_add_error (f->server, "POST", IG_PATH "/media_publish", 1, "2207027");
  warta_test_server_add_error (f->server, "POST", IG_PATH "/media_publish", 2, "2207001");
  res = publish (f, container->id, "Belum siap", &error);
  g_assert_no_error (error);
  g_assert_false (res->reused);
  g_assert_cmpuint (warta_test_server_get_post_count (f->server), ==, 1);
}

static void
test_errors (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WartaRemoteResult) res = NULL;
  g_autofree char *missing = image_url (f, "tidak-ada.jpg");
  g_autofree char *png = image_url (f, "gambar.png");
  g_autofree char *good = image_url (f, "foto-0.jpg");
  g_autoptr(WartaRemoteResult) container = NULL;
  g_autofree char *long_caption = g_strnfill (2201, 'a');

  res = create (f, missing, "x", FALSE, &error);
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_INVALID_MEDIA);
  g_assert_cmpstr (warta_publish_error_get_platform_code (error), ==, "9004/2207052");
  g_test_message ("2207052: %s", error->message);
  g_clear_error (&error);

  res = create (f, png, "x", FALSE, &error);
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_INVALID_MEDIA);
  g_clear_error (&error);

  res = create (f, good, long_caption, FALSE, &error);
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_REJECTED);
  g_clear_error (&error);

  container = create (f, good, "Batas harian", FALSE, &error);
  g_assert_no_error (error);
  warta_test_server_add_error (f->server, "POST", IG_PATH "/media_publish", 1, "2207042");
  res = publish (f, container->id, "Batas harian", &error);
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_RATE_LIMITED);
  g_test_message ("2207042: %s", error->message);
  g_clear_error (&error);

  warta_test_server_expire_sessions (f->server);
  res = publish (f, container->id, "Batas harian", &error);
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_REJECTED);
  g_assert_cmpstr (warta_publish_error_get_platform_code (error), ==, "EXPIRED");
  g_clear_error (&error);

  warta_test_server_revoke_credentials (f->server);
  res = create (f, good, "x", FALSE, &error);
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_AUTH_EXPIRED);
  g_assert_nonnull (strstr (error->message, "Sign in again"));
  g_assert_cmpuint (warta_test_server_get_post_count (f->server), ==, 0);
}

/* A reel: Instagram fetches the video, processes it for three polls, and
 * it is published once. */
static void
test_reel (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *url = image_url (f, "klip.mp4");
  g_autoptr(WartaRemoteResult) container = NULL;
  g_autoptr(WartaRemoteResult) res = NULL;
  g_autoptr(GError) error = NULL;

  warta_test_server_set_processing_polls (f->server, 3);
  container = create_video (f, url, "Video peresmian #desa", FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (warta_test_server_get_file_sha256 (f->server), ==, f->video_sha256);

  res = publish (f, container->id, "Video peresmian #desa", &error);
  g_assert_no_error (error);
  g_assert_false (res->reused);
  g_assert_true (g_str_has_prefix (res->url, "https://www.instagram.com/p/"));
  /* IN_PROGRESS twice, then FINISHED; one media_publish. */
  g_assert_cmpuint (warta_test_server_count_requests (f->server, "GET", "/v25.0/17900"), ==, 3);
  g_assert_cmpuint (warta_test_server_count_requests (f->server, "POST", IG_PATH "/media_publish"), ==, 1);
  g_assert_cmpuint (warta_test_server_get_post_count (f->server), ==, 1);

  /* Not a video Instagram can read: the container ends in ERROR, and the
   * message says what to do. */
  {
    g_autofree char *bad = image_url (f, "rusak.mp4");
    g_autoptr(WartaRemoteResult) broken = create_video (f, bad, "Rusak", FALSE, &error);
    g_autoptr(WartaRemoteResult) refused = NULL;

    g_assert_no_error (error);
    refused = publish (f, broken->id, "Rusak", &error);
    g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_INVALID_MEDIA);
    g_assert_cmpstr (warta_publish_error_get_platform_code (error), ==, "ERROR");
    g_assert_nonnull (strstr (error->message, "MP4"));
    g_test_message ("ERROR: %s", error->message);
    g_clear_error (&error);
  }
  /* No public address for a video either: WordPress named. */
  {
    g_autoptr(WartaRemoteResult) none = create_video (f, NULL, "x", FALSE, &error);

    g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_NOT_CONFIGURED);
    g_assert_nonnull (strstr (error->message, "WordPress"));
  }
  g_assert_cmpuint (warta_test_server_get_post_count (f->server), ==, 1);
}

/* A carousel of a photo and a VIDEO item: the video child is waited for
 * until processed, then the carousel is made and published. */
static void
test_carousel_video (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *photo = image_url (f, "foto-0.jpg");
  g_autofree char *clip = image_url (f, "klip.mp4");
  g_autoptr(WartaRemoteResult) a = NULL;
  g_autoptr(WartaRemoteResult) b = NULL;
  g_autoptr(WartaRemoteResult) ready = NULL;
  g_autoptr(WartaRemoteResult) carousel = NULL;
  g_autoptr(WartaRemoteResult) res = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) waited = NULL;
  g_autoptr(GError) error = NULL;
  const char *children[3] = { NULL };

  a = create (f, photo, NULL, TRUE, &error);
  g_assert_no_error (error);
  warta_test_server_set_processing_polls (f->server, 2);
  b = create_video (f, clip, NULL, TRUE, &error);
  g_assert_no_error (error);
  children[0] = a->id;
  children[1] = b->id;

  /* Not processed yet: the carousel is refused. */
  warta_instagram_create_carousel_async (f->instagram, children, "Foto dan video", NULL,
                                         store_result_cb, &result);
  carousel = warta_instagram_create_carousel_finish (f->instagram, wait_for (&result), &error);
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_REJECTED);
  g_clear_error (&error);
  g_clear_object (&result);

  warta_instagram_wait_container_async (f->instagram, b->id, NULL, store_result_cb, &waited);
  ready = warta_instagram_wait_container_finish (f->instagram, wait_for (&waited), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ready->id, ==, b->id);

  warta_instagram_create_carousel_async (f->instagram, children, "Foto dan video", NULL,
                                         store_result_cb, &result);
  carousel = warta_instagram_create_carousel_finish (f->instagram, wait_for (&result), &error);
  g_assert_no_error (error);
  res = publish (f, carousel->id, "Foto dan video", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (warta_test_server_get_post_count (f->server), ==, 1);
}

/* Through the outbox, with the office's WordPress website as the public
 * host ------------------------------------------------------------------ */

#define OUTBOX_SETTINGS "{\"user-id\": \"" WARTA_TEST_INSTAGRAM_USER_ID "\", \"poll-ms\": \"5\"}"

typedef struct
{
  WartaTestOutbox *o;
  WartaTestServer *server;
  WartaTestServer *website;
  gint64 id;
} Office;

static void
office_set_up (Office        *f,
               gconstpointer  data)
{
  f->o = warta_test_outbox_new ();
  f->server = warta_test_instagram_server_new ();
  f->website = warta_test_server_new (WARTA_TEST_WORDPRESS);
  f->id = warta_test_outbox_add_account (f->o, "instagram", f->server, OUTBOX_SETTINGS,
                                         WARTA_TEST_INSTAGRAM_TOKEN);
  warta_test_outbox_add_account (f->o, "wordpress", f->website,
                                 "{\"user\": \"" WARTA_TEST_WP_USER "\"}",
                                 WARTA_TEST_WP_APP_PASSWORD);
}

static void
office_tear_down (Office        *f,
                  gconstpointer  data)
{
  g_clear_pointer (&f->o, warta_test_outbox_free);
  warta_test_server_free (f->server);
  warta_test_server_free (f->website);
}

/* A publication with @n_photos photos and one real video of @tenths. */
static WartaPublication *
make_with_video (Office *f,
                 guint   n_photos,
                 guint   tenths)
{
  WartaPublication *p;

  p = warta_test_publish_make_approved_with_videos (f->o->t, "Rakor Instagram", n_photos, 1, 1000);
  if (!warta_test_outbox_use_real_video (f->o, tenths))
    {
      g_test_skip ("No H.264 or MPEG-4 encoder: install gstreamer1.0-plugins-ugly or gstreamer1.0-libav");
      g_object_unref (p);
      return NULL;
    }
  return p;
}

/* A video alone: checked, put on the website as it is, fetched from there
 * by Instagram as a reel, processed, published once. */
static void
test_outbox_reel (Office        *f,
                  gconstpointer  data)
{
  g_autoptr(WartaPublication) p = make_with_video (f, 0, 40);
  g_autoptr(WartaOutboxJob) job = NULL;
  g_autoptr(GHashTable) steps = NULL;
  g_autofree char *sha = NULL;

  if (p == NULL)
    return;
  sha = warta_test_outbox_file_sha256 (f->o, "video-");
  warta_test_server_set_processing_polls (f->server, 3);
  job = warta_test_outbox_publish (f->o, p, f->id, WARTA_OUTBOX_STATE_DONE);
  g_assert_true (g_str_has_prefix (warta_outbox_job_get_remote_url (job), "https://www.instagram.com/"));
  g_assert_cmpuint (warta_test_server_get_media_count (f->website), ==, 1);
  g_assert_cmpstr (warta_test_server_get_file_sha256 (f->server), ==, sha);
  /* One container (the count of POST …/media would include media_publish). */
  g_assert_cmpuint (warta_test_server_get_media_count (f->server), ==, 1);
  g_assert_cmpuint (warta_test_server_count_requests (f->server, "POST", IG_PATH "/media_publish"), ==, 1);
  g_assert_cmpuint (warta_test_server_get_post_count (f->server), ==, 1);
  steps = warta_test_outbox_steps (f->o, job);
  g_assert_nonnull (strstr (g_hash_table_lookup (steps, "host-0"), "/wp-content/uploads/"));
  g_assert_true (g_hash_table_contains (steps, "container-0"));
  g_assert_false (g_hash_table_contains (steps, "carousel"));
}

/* Two photos and a video: a carousel of two images and a VIDEO item, the
 * video waited for before the carousel is made. */
static void
test_outbox_carousel (Office        *f,
                      gconstpointer  data)
{
  g_autoptr(WartaPublication) p = make_with_video (f, 2, 40);
  g_autoptr(WartaOutboxJob) job = NULL;
  g_autoptr(GHashTable) steps = NULL;

  if (p == NULL)
    return;
  warta_test_server_set_processing_polls (f->server, 2);
  job = warta_test_outbox_publish (f->o, p, f->id, WARTA_OUTBOX_STATE_DONE);
  g_assert_cmpuint (warta_test_server_get_media_count (f->website), ==, 3);
  /* Three children and the carousel; one post. */
  g_assert_cmpuint (warta_test_server_get_media_count (f->server), ==, 4);
  g_assert_cmpuint (warta_test_server_get_post_count (f->server), ==, 1);
  steps = warta_test_outbox_steps (f->o, job);
  g_assert_nonnull (strstr (g_hash_table_lookup (steps, "container-2"), "\"ready\":\"true\""));
  g_assert_true (g_hash_table_contains (steps, "carousel"));
}

/* Instagram's limits are checked on the file before anything is sent. */
static void
test_outbox_video_limits (Office        *f,
                          gconstpointer  data)
{
  g_autoptr(WartaPublication) p = make_with_video (f, 0, 20);
  g_autoptr(WartaPublication) unreadable = NULL;
  g_autoptr(WartaOutboxJob) job = NULL;
  g_autoptr(WartaOutboxJob) other = NULL;

  if (p == NULL)
    return;
  job = warta_test_outbox_publish (f->o, p, f->id, WARTA_OUTBOX_STATE_FAILED);
  g_assert_cmpstr (warta_outbox_job_get_error_code (job), ==, "invalid-media");
  g_assert_nonnull (strstr (warta_outbox_job_get_error_message (job), "3 seconds or more"));
  g_test_message ("%s", warta_outbox_job_get_error_message (job));

  /* A file named .mp4 that is no video: said so, nothing sent. (The first
   * job is over: its file may go too.) */
  unreadable = warta_test_publish_make_approved_with_videos (f->o->t, "Rusak", 0, 1, 5000);
  {
    g_autoptr(GDir) dir = g_dir_open (f->o->t->dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (dir)) != NULL)
      if (g_str_has_prefix (name, "video-"))
        {
          g_autofree char *path = g_build_filename (f->o->t->dir, name, NULL);

          g_assert_true (g_file_set_contents (path, "Notulen rapat, bukan video.\n", -1, NULL));
        }
  }
  other = warta_test_outbox_publish (f->o, unreadable, f->id, WARTA_OUTBOX_STATE_FAILED);
  g_assert_cmpstr (warta_outbox_job_get_error_code (other), ==, "invalid-media");
  g_assert_nonnull (strstr (warta_outbox_job_get_error_message (other), "cannot check the video"));
  g_test_message ("%s", warta_outbox_job_get_error_message (other));

  g_assert_cmpuint (warta_test_server_count_requests (f->website, "POST", "/"), ==, 0);
  g_assert_cmpuint (warta_test_server_count_requests (f->server, "POST", "/"), ==, 0);
}

static gboolean
three_polls (gpointer data)
{
  return warta_test_server_count_requests (data, "GET", "/v25.0/17900") >= 3;
}

/* Warta quits while Instagram still processes the reel: the next run polls
 * the same container and publishes it once; never a second container. */
static void
test_restart_polls_same_container (Office        *f,
                                   gconstpointer  data)
{
  g_autoptr(WartaPublication) p = make_with_video (f, 0, 40);
  g_autoptr(WartaPublishJob) job = NULL;
  g_autoptr(WartaPublisher) first = NULL;
  g_autoptr(WartaPublisher) second = NULL;
  g_autoptr(WartaPublishStep) step = NULL;
  g_autoptr(GError) error = NULL;
  const char *status = "/v25.0/17900";
  guint polled;

  if (p == NULL)
    return;
  warta_test_server_set_processing_polls (f->server, 30);
  job = warta_test_outbox_job_new (f->o, p, f->id);
  first = warta_test_outbox_publisher_new (f->o, f->id, WARTA_TEST_INSTAGRAM_TOKEN);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(WartaPublishStep) made = warta_test_outbox_run_step (first, job, &error);

      g_assert_no_error (error);
    }
  g_assert_nonnull (warta_publish_job_get_step_string (job, "container-0", "id"));

  /* Stopped at the third of the 30 polls. */
  step = warta_test_outbox_run_step_until (first, job, three_polls, f->server, &error);
  g_assert_null (step);
  g_assert_true (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
                 g_error_matches (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_CANCELLED));
  g_clear_error (&error);
  polled = warta_test_server_count_requests (f->server, "GET", status);
  g_assert_cmpuint (polled, >=, 3);
  g_assert_cmpuint (polled, <, 30);
  g_assert_cmpuint (warta_test_server_get_post_count (f->server), ==, 0);

  second = warta_test_outbox_publisher_new (f->o, f->id, WARTA_TEST_INSTAGRAM_TOKEN);
  step = warta_test_outbox_run_step (second, job, &error);
  g_assert_no_error (error);
  g_assert_true (step->final);
  g_assert_cmpuint (warta_test_server_count_requests (f->server, "GET", status), >=, 30);
  /* One container (the count of POST …/media would include media_publish). */
  g_assert_cmpuint (warta_test_server_get_media_count (f->server), ==, 1);
  g_assert_cmpuint (warta_test_server_count_requests (f->server, "POST", IG_PATH "/media_publish"), ==, 1);
  g_assert_cmpuint (warta_test_server_get_post_count (f->server), ==, 1);
}

/* The container expired (24 hours) before it could be published: the step
 * records it, the next makes a new container, and the post goes out. */
static void
test_expired_container (Office        *f,
                        gconstpointer  data)
{
  g_autoptr(WartaPublication) p = make_with_video (f, 0, 40);
  g_autoptr(WartaPublishJob) job = NULL;
  g_autoptr(WartaPublisher) publisher = NULL;
  g_autoptr(WartaPublishStep) step = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *old = NULL;

  if (p == NULL)
    return;
  job = warta_test_outbox_job_new (f->o, p, f->id);
  publisher = warta_test_outbox_publisher_new (f->o, f->id, WARTA_TEST_INSTAGRAM_TOKEN);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(WartaPublishStep) made = warta_test_outbox_run_step (publisher, job, &error);

      g_assert_no_error (error);
    }
  old = g_strdup (warta_publish_job_get_step_string (job, "container-0", "id"));
  warta_test_server_expire_sessions (f->server);

  step = warta_test_outbox_run_step (publisher, job, &error);
  g_assert_no_error (error);
  g_assert_false (step->final);
  g_assert_cmpstr (warta_publish_job_get_step_string (job, "container-0", "expired"), ==, old);
  g_clear_pointer (&step, warta_publish_step_free);

  step = warta_test_outbox_run_all (publisher, job, &error);
  g_assert_no_error (error);
  g_assert_true (step->final);
  g_assert_cmpstr (warta_publish_job_get_step_string (job, "container-0", "id"), !=, old);
  /* The video stayed on the website: uploaded once. */
  g_assert_cmpuint (warta_test_server_get_media_count (f->website), ==, 1);
  g_assert_cmpuint (warta_test_server_get_media_count (f->server), ==, 2);
  g_assert_cmpuint (warta_test_server_get_post_count (f->server), ==, 1);
}

/* Eleven photos: more than a carousel takes, refused before anything goes
 * to the website or to Instagram; never a carousel of the first ten. */
static void
test_outbox_too_many (Office        *f,
                      gconstpointer  data)
{
  g_autoptr(WartaPublication) p = warta_test_publish_make_approved (f->o->t, "Rakor sebelas", 11);
  g_autoptr(WartaOutboxJob) job = warta_test_outbox_publish (f->o, p, f->id, WARTA_OUTBOX_STATE_FAILED);
  const char *message = warta_outbox_job_get_error_message (job);

  g_test_message ("%s", message);
  g_assert_cmpstr (warta_outbox_job_get_error_code (job), ==, "rejected");
  g_assert_nonnull (strstr (message, "Instagram takes at most 10 photos and videos in a post and "
                                     "this publication has 11 for Instagram."));
  g_assert_nonnull (strstr (message, "publish to Instagram by hand"));
  for (guint i = 0; i < 2; i++)
    {
      WartaTestServer *server = i == 0 ? f->server : f->website;

      g_assert_cmpuint (warta_test_server_count_requests (server, "POST", "/"), ==, 0);
      g_assert_cmpuint (warta_test_server_count_requests (server, "GET", "/"), ==, 0);
      g_assert_cmpuint (warta_test_server_get_media_count (server), ==, 0);
    }
  g_assert_cmpuint (warta_test_server_get_post_count (f->server), ==, 0);
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
  g_test_add ("/warta/instagram/" path, Fixture, GUINT_TO_POINTER (attempts), fixture_set_up, \
              func, fixture_tear_down)
  ADD ("image", test_image, 0);
  ADD ("carousel", test_carousel, 0);
  ADD ("no-public-host", test_no_public_host, 0);
  ADD ("lost-answer", test_lost_answer, 0);
  ADD ("malformed-answers", test_malformed_answers, 0);
  ADD ("malformed-every-time", test_malformed_every_time, 0);
  ADD ("publish-not-understood", test_publish_not_understood, 0);
  ADD ("not-ready", test_not_ready, 0);
  ADD ("errors", test_errors, 1);
  ADD ("reel", test_reel, 0);
  ADD ("carousel-video", test_carousel_video, 0);
#undef ADD
#define ADD(path, func) \
  g_test_add ("/warta/instagram/" path, Office, NULL, office_set_up, func, office_tear_down)
  ADD ("outbox-reel", test_outbox_reel);
  ADD ("outbox-carousel", test_outbox_carousel);
  ADD ("outbox-video-limits", test_outbox_video_limits);
  ADD ("restart-polls-same-container", test_restart_polls_same_container);
  ADD ("expired-container", test_expired_container);
  ADD ("outbox-too-many", test_outbox_too_many);
#undef ADD

  return g_test_run ();
}
