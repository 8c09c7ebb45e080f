/* test-instagram.c: WartaInstagram against a loopback content publishing API
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "warta-instagram.h"
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

    warta_test_server_add_file (f->server, "/wp-content/uploads/gambar.png", "image/png", png);
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
  ADD ("not-ready", test_not_ready, 0);
  ADD ("errors", test_errors, 1);
#undef ADD

  return g_test_run ();
}
