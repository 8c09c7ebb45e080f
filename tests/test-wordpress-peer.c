/* test-wordpress-peer.c: WartaWordPress against a real WordPress
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run by test-wordpress-peer.sh, which starts the peer (a Debian 12
 * WordPress on 127.0.0.1, ../shared/docs/wordpress-peer.md) and passes
 * WARTA_WP_BASE_URL, WARTA_WP_USER and WARTA_WP_APP_PASSWORD.
 */
#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <locale.h>

#include "warta-wordpress.h"

static const char *base_url;
static const char *user;
static const char *app_password;
static char *run_id;

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

/* A real JPEG, 1200 × 800, so WordPress makes its sizes. */
static WartaUpload *
jpeg_upload (const char *filename)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 1200, 800);
  g_autoptr(GError) error = NULL;
  guchar *pixels = gdk_pixbuf_get_pixels (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);
  gchar *buffer = NULL;
  gsize size = 0;
  GBytes *bytes;

  for (int y = 0; y < 800; y++)
    for (int x = 0; x < 1200; x++)
      {
        guchar *p = pixels + y * stride + x * 3;

        p[0] = (guchar) (x / 5);
        p[1] = (guchar) (y / 4);
        p[2] = (guchar) ((x + y) / 8);
      }
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, "jpeg", &error,
                                            "quality", "85", NULL));
  g_assert_no_error (error);
  bytes = g_bytes_new_take (buffer, size);
  return warta_upload_new_for_stream_func (open_bytes, bytes, (GDestroyNotify) g_bytes_unref,
                                           size, filename, "image/jpeg");
}

static WartaHttpClient *
new_client (void)
{
  WartaHttpClient *client = warta_http_client_new ();
  WartaRetryPolicy policy;

  warta_retry_policy_init_default (&policy);
  policy.initial_delay_ms = 200;
  policy.max_attempts = 3;
  warta_http_client_set_retry_policy (client, &policy);
  return client;
}

static JsonNode *
get_json (WartaHttpClient *client,
          const char      *path,
          guint           *total)
{
  g_autofree char *url = g_strconcat (base_url, path, NULL);
  g_autofree char *credentials = g_strdup_printf ("%s:%s", user, app_password);
  g_autofree char *encoded = g_base64_encode ((const guchar *) credentials, strlen (credentials));
  g_autofree char *auth = g_strconcat ("Basic ", encoded, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (SOUP_METHOD_GET, url);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *node;

  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
  warta_http_client_send_json_async (client, msg, "WordPress", NULL, NULL, store_result_cb,
                                     &result);
  node = warta_http_client_send_json_finish (client, wait_for (&result), &error);
  g_assert_no_error (error);
  if (total)
    *total = (guint) g_ascii_strtoull (soup_message_headers_get_one (
                                         soup_message_get_response_headers (msg), "X-WP-Total"),
                                       NULL, 10);
  return node;
}

static void
test_publish_once (void)
{
  g_autoptr(WartaHttpClient) client = new_client ();
  g_autoptr(WartaWordPress) wp = warta_wordpress_new (client, base_url, user, app_password);
  g_autofree char *job_key = g_strdup_printf ("peer-test/%s/job-1", run_id);
  g_autofree char *slug = warta_wordpress_slug_for_job (1, job_key);
  g_autofree char *media_slug = g_strconcat (slug, "-1", NULL);
  g_autoptr(WartaUpload) upload = jpeg_upload ("foto kegiatan.jpg");
  g_autoptr(WartaRemoteResult) media = NULL;
  g_autoptr(WartaRemoteResult) post = NULL;
  g_autoptr(WartaRemoteResult) again = NULL;
  g_autoptr(WartaRemoteResult) media_again = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) list = NULL;
  g_autoptr(JsonNode) read_back = NULL;
  g_autofree char *path = NULL;
  JsonObject *object;
  guint total = 0;

  g_test_message ("slug %s", slug);

  warta_wordpress_upload_media_async (wp, upload, media_slug, NULL, store_result_cb, &result);
  media = warta_wordpress_upload_media_finish (wp, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_false (media->reused);
  g_assert_true (g_str_has_prefix (media->url, base_url));
  g_assert_cmpfloat (warta_upload_get_fraction (upload), ==, 1.0);
  g_test_message ("media %s at %s", media->id, media->url);

  /* The same upload again, as after a lost answer: the file is found. */
  g_clear_object (&result);
  warta_wordpress_upload_media_async (wp, upload, media_slug, NULL, store_result_cb, &result);
  media_again = warta_wordpress_upload_media_finish (wp, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_true (media_again->reused);
  g_assert_cmpstr (media_again->id, ==, media->id);

  g_clear_object (&result);
  warta_wordpress_publish_post_async (wp, slug, "Warta: uji integrasi",
                                      "<p>Rapat koordinasi pengawasan.</p>", media->id, NULL,
                                      store_result_cb, &result);
  post = warta_wordpress_publish_post_finish (wp, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_false (post->reused);
  g_assert_null (post->warning);
  g_test_message ("post %s at %s", post->id, post->url);

  /* The publish again, as after a crash: no second post. */
  g_clear_object (&result);
  warta_wordpress_publish_post_async (wp, slug, "Warta: uji integrasi",
                                      "<p>Rapat koordinasi pengawasan.</p>", media->id, NULL,
                                      store_result_cb, &result);
  again = warta_wordpress_publish_post_finish (wp, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_true (again->reused);
  g_assert_cmpstr (again->id, ==, post->id);

  path = g_strdup_printf ("/wp-json/wp/v2/posts?slug=%s&status=any&context=edit", slug);
  list = get_json (client, path, &total);
  g_assert_cmpuint (total, ==, 1);
  g_free (path);
  /* WordPress would have made "<slug>-2" for a duplicate. */
  path = g_strdup_printf ("/wp-json/wp/v2/posts?slug=%s-2&status=any&context=edit", slug);
  g_clear_pointer (&list, json_node_unref);
  list = get_json (client, path, &total);
  g_assert_cmpuint (total, ==, 0);

  g_free (path);
  path = g_strdup_printf ("/wp-json/wp/v2/posts/%s?context=edit", post->id);
  read_back = get_json (client, path, NULL);
  object = json_node_get_object (read_back);
  g_assert_cmpstr (json_object_get_string_member (object, "status"), ==, "publish");
  g_assert_cmpstr (json_object_get_string_member (object, "slug"), ==, slug);
  g_assert_cmpstr (json_object_get_string_member (object, "link"), ==, post->url);
  g_assert_cmpint (json_object_get_int_member (object, "featured_media"), ==,
                   g_ascii_strtoll (media->id, NULL, 10));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (object, "title"),
                                                  "raw"), ==, "Warta: uji integrasi");

  /* Corrected later: the title and the text change, the photo stays. */
  g_clear_object (&result);
  warta_wordpress_update_post_async (wp, post->id, "Warta: uji integrasi (koreksi)",
                                     "<p>Rapat koordinasi pengawasan internal.</p>", NULL,
                                     store_result_cb, &result);
  g_assert_true (warta_wordpress_update_post_finish (wp, wait_for (&result), &error));
  g_assert_no_error (error);
  g_clear_pointer (&read_back, json_node_unref);
  read_back = get_json (client, path, NULL);
  object = json_node_get_object (read_back);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (object, "title"),
                                                  "raw"), ==, "Warta: uji integrasi (koreksi)");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (object,
                                                                                 "content"),
                                                  "raw"), ==,
                   "<p>Rapat koordinasi pengawasan internal.</p>");
  g_assert_cmpint (json_object_get_int_member (object, "featured_media"), ==,
                   g_ascii_strtoll (media->id, NULL, 10));
  g_assert_cmpstr (json_object_get_string_member (object, "link"), ==, post->url);

  /* Taken down: the post to the trash, twice (the second finds it there),
   * its photo deleted for good. */
  for (guint i = 0; i < 2; i++)
    {
      g_clear_object (&result);
      warta_wordpress_delete_async (wp, "posts", post->id, FALSE, NULL, store_result_cb, &result);
      g_assert_true (warta_wordpress_delete_finish (wp, wait_for (&result), &error));
      g_assert_no_error (error);
    }
  g_clear_pointer (&read_back, json_node_unref);
  read_back = get_json (client, path, NULL);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (read_back), "status"), ==,
                   "trash");
  g_clear_object (&result);
  warta_wordpress_delete_async (wp, "media", media->id, TRUE, NULL, store_result_cb, &result);
  g_assert_true (warta_wordpress_delete_finish (wp, wait_for (&result), &error));
  g_assert_no_error (error);
  g_free (path);
  path = g_strdup_printf ("/wp-json/wp/v2/media?slug=%s&context=edit", media_slug);
  g_clear_pointer (&list, json_node_unref);
  list = get_json (client, path, &total);
  g_assert_cmpuint (total, ==, 0);
}

static void
test_errors (void)
{
  g_autoptr(WartaHttpClient) client = new_client ();
  g_autoptr(WartaWordPress) wrong = warta_wordpress_new (client, base_url, user,
                                                         "aaaa bbbb cccc dddd eeee ffff");
  g_autoptr(WartaWordPress) wp = warta_wordpress_new (client, base_url, user, app_password);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(WartaRemoteResult) res = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *job_key = g_strdup_printf ("peer-test/%s/job-2", run_id);
  g_autofree char *slug = warta_wordpress_slug_for_job (2, job_key);
  static const char text[] = "This is not a picture.\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, sizeof text - 1);
  g_autoptr(WartaUpload) fake = warta_upload_new_for_stream_func (open_bytes, g_bytes_ref (bytes),
                                                                  (GDestroyNotify) g_bytes_unref,
                                                                  sizeof text - 1, "bukan.jpg",
                                                                  "image/jpeg");

  /* A wrong application password, as a revoked one: sign in again. */
  warta_wordpress_publish_post_async (wrong, slug, "Tidak boleh", "x", NULL, NULL,
                                      store_result_cb, &result);
  res = warta_wordpress_publish_post_finish (wrong, wait_for (&result), &error);
  g_test_message ("wrong password: %s [%s]", error ? error->message : "",
                  warta_publish_error_get_platform_code (error));
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_AUTH_EXPIRED);
  g_clear_error (&error);
  g_clear_object (&result);

  warta_wordpress_upload_media_async (wrong, fake, NULL, NULL, store_result_cb, &result);
  res = warta_wordpress_upload_media_finish (wrong, wait_for (&result), &error);
  g_test_message ("wrong password, media: %s [%s]", error ? error->message : "",
                  warta_publish_error_get_platform_code (error));
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_AUTH_EXPIRED);
  g_clear_error (&error);
  g_clear_object (&result);

  /* Text named .jpg: WordPress's 500 rest_upload_sideload_error, not retried. */
  warta_wordpress_upload_media_async (wp, fake, NULL, NULL, store_result_cb, &result);
  res = warta_wordpress_upload_media_finish (wp, wait_for (&result), &error);
  g_test_message ("not an image: %s", error ? error->message : "");
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_INVALID_MEDIA);
  g_assert_cmpstr (warta_publish_error_get_platform_code (error), ==, "rest_upload_sideload_error");
  g_clear_error (&error);
  g_clear_object (&result);

  /* A correction of a post deleted there: gone, said as such. */
  warta_wordpress_update_post_async (wp, "999999999", "Koreksi", "<p>x</p>", NULL,
                                     store_result_cb, &result);
  g_assert_false (warta_wordpress_update_post_finish (wp, wait_for (&result), &error));
  g_test_message ("gone: %s [%s]", error ? error->message : "",
                  warta_publish_error_get_platform_code (error));
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_GONE);
  g_assert_cmpstr (warta_publish_error_get_platform_code (error), ==, "rest_post_invalid_id");
  g_clear_error (&error);
  g_clear_object (&result);

  /* Nothing to say: WordPress's own words. */
  warta_wordpress_publish_post_async (wp, slug, "", "", NULL, NULL, store_result_cb, &result);
  res = warta_wordpress_publish_post_finish (wp, wait_for (&result), &error);
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_REJECTED);
  g_assert_cmpstr (warta_publish_error_get_platform_code (error), ==, "empty_content");
  g_clear_error (&error);
  g_clear_object (&result);

  /* A featured image that does not exist: published, with a warning. */
  warta_wordpress_publish_post_async (wp, slug, "Tanpa gambar", "<p>x</p>", "999999", NULL,
                                      store_result_cb, &result);
  res = warta_wordpress_publish_post_finish (wp, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (res->warning);
}

/* What Accounts asks before it keeps a website: the real site answers as
 * Warta reads it (the user's name, and capabilities in the edit context),
 * and refuses a wrong password. */
static void
test_check_user (void)
{
  g_autoptr(WartaHttpClient) client = new_client ();
  g_autoptr(WartaWordPress) wp = warta_wordpress_new (client, base_url, user, app_password);
  g_autoptr(WartaWordPress) wrong = warta_wordpress_new (client, base_url, user,
                                                         "aaaa bbbb cccc dddd eeee ffff");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  warta_wordpress_check_user_async (wp, NULL, store_result_cb, &result);
  name = warta_wordpress_check_user_finish (wp, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (name);
  g_assert_cmpstr (name, !=, "");
  g_clear_pointer (&name, g_free);
  g_clear_object (&result);

  warta_wordpress_check_user_async (wrong, NULL, store_result_cb, &result);
  name = warta_wordpress_check_user_finish (wrong, wait_for (&result), &error);
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_AUTH_EXPIRED);
  g_assert_null (name);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  base_url = g_getenv ("WARTA_WP_BASE_URL");
  user = g_getenv ("WARTA_WP_USER");
  app_password = g_getenv ("WARTA_WP_APP_PASSWORD");
  if (base_url == NULL || user == NULL || app_password == NULL)
    {
      g_test_skip ("WARTA_WP_BASE_URL, WARTA_WP_USER and WARTA_WP_APP_PASSWORD are not set: "
                   "run tests/test-wordpress-peer.sh");
      return 77;
    }
  run_id = g_strdup_printf ("%" G_GINT64_FORMAT "-%08x", g_get_real_time (), g_random_int ());

  g_test_add_func ("/warta/wordpress-peer/publish-once", test_publish_once);
  g_test_add_func ("/warta/wordpress-peer/errors", test_errors);
  g_test_add_func ("/warta/wordpress-peer/check-user", test_check_user);

  return g_test_run ();
}
