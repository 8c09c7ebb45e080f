/* warta-test-server-instagram.c: a loopback Instagram content publishing API
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * platform-apis.md §2: POST /{version}/{ig-user}/media fetches image_url
 * or, for media_type=REELS and VIDEO carousel items, video_url (really,
 * over HTTP: serve it with warta_test_server_add_file() or from another
 * loopback server) and makes a container that is IN_PROGRESS for the
 * processing polls, then FINISHED, or ERROR with 2207026 for a video that
 * is no MP4/MOV; CAROUSEL containers from 2–10 finished children (images
 * and videos); media_publish before FINISHED → 9007/2207027, twice → refused;
 * PUBLISHED afterwards; content_publishing_limit over a 24-hour window
 * (quota_total 50 unless a test sets it), exceeded → 9/2207042; containers EXPIRED on request.
 *
 * Errors by name: "190", "2207042", "2207052", "2207027", "2207020",
 * "2207001", "36004", "2207026".
 */
#include "config.h"

#include <string.h>

#include "warta-test-server-private.h"

#define DEFAULT_QUOTA_TOTAL 50

typedef struct
{
  char *id;
  char *caption;
  char *status_code;
  char *outcome;       /* FINISHED, or ERROR once processed */
  guint polls_left;
  gboolean carousel_item;
  char *media_id;
} Container;

typedef struct
{
  char *id;
  char *caption;
  char *permalink;
  gint64 published_at;
} Media;

typedef struct
{
  WartaTestServer *server;
  SoupSession *session;
  GPtrArray *containers;
  GPtrArray *media;
  guint quota_total;
} State;

static void
container_free (gpointer data)
{
  Container *c = data;

  g_free (c->id);
  g_free (c->caption);
  g_free (c->status_code);
  g_free (c->outcome);
  g_free (c->media_id);
  g_free (c);
}

static void
media_free (gpointer data)
{
  Media *m = data;

  g_free (m->id);
  g_free (m->caption);
  g_free (m->permalink);
  g_free (m);
}

static State *
get_state (WartaTestServer *server)
{
  return _warta_test_server_get_state (server);
}

static void
respond_graph_error (SoupServerMessage *msg,
                     guint              status,
                     gint64             code,
                     gint64             subcode,
                     const char        *message,
                     const char        *user_msg)
{
  JsonBuilder *b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "error");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "message");
  json_builder_add_string_value (b, message);
  json_builder_set_member_name (b, "type");
  json_builder_add_string_value (b, code == 190 ? "OAuthException" : "IGApiException");
  json_builder_set_member_name (b, "code");
  json_builder_add_int_value (b, code);
  if (subcode)
    {
      json_builder_set_member_name (b, "error_subcode");
      json_builder_add_int_value (b, subcode);
    }
  json_builder_set_member_name (b, "is_transient");
  json_builder_add_boolean_value (b, code == -1 || code == 2);
  if (user_msg)
    {
      json_builder_set_member_name (b, "error_user_title");
      json_builder_add_string_value (b, "Error");
      json_builder_set_member_name (b, "error_user_msg");
      json_builder_add_string_value (b, user_msg);
    }
  json_builder_set_member_name (b, "fbtrace_id");
  json_builder_add_string_value (b, "AzYxWvUtSrQ");
  json_builder_end_object (b);
  json_builder_end_object (b);
  _warta_test_server_respond_json (msg, status, _warta_test_server_build (b));
}

static void
ig_respond_error (WartaTestServer   *server,
                  SoupServerMessage *msg,
                  const char        *name)
{
  if (g_str_equal (name, "190"))
    respond_graph_error (msg, 400, 190, 0, "Error validating access token: The session has been invalidated because the user changed their password.", NULL);
  else if (g_str_equal (name, "2207042"))
    respond_graph_error (msg, 400, 9, 2207042, "Application request limit reached",
                         "You have reached the maximum number of posts that is allowed to be published via the API in 24 hours.");
  else if (g_str_equal (name, "2207052"))
    respond_graph_error (msg, 400, 9004, 2207052, "Only photo or video can be accepted as media type.",
                         "The media could not be fetched from this uri");
  else if (g_str_equal (name, "2207027"))
    respond_graph_error (msg, 400, 9007, 2207027, "Media ID is not available",
                         "The media is not ready for publishing, please wait for a moment");
  else if (g_str_equal (name, "2207020"))
    respond_graph_error (msg, 400, -2, 2207020, "The media has expired.",
                         "The media you are trying to access has expired. Please try to upload again.");
  else if (g_str_equal (name, "2207001"))
    respond_graph_error (msg, 500, -1, 2207001, "An unexpected error has occurred. Please retry your request later.",
                         "Instagram server error.");
  else if (g_str_equal (name, "2207026"))
    respond_graph_error (msg, 400, 352, 2207026, "The video format is not supported.",
                         "The video format is not supported. Please check the spec for supported video formats.");
  else if (g_str_equal (name, "36004"))
    respond_graph_error (msg, 400, 36004, 2207010, "The caption is too long.",
                         "The caption was too long.");
  else
    g_error ("unknown Instagram error %s", name);
}

static void
ig_respond_status (WartaTestServer   *server,
                   SoupServerMessage *msg,
                   guint              status)
{
  respond_graph_error (msg, status, 2, 0, "Service temporarily unavailable", NULL);
}

static void
ig_respond_rate_limited (WartaTestServer   *server,
                         SoupServerMessage *msg,
                         guint              seconds)
{
  g_autofree char *after = g_strdup_printf ("%u", seconds);

  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Retry-After", after);
  respond_graph_error (msg, 429, 4, 0, "(#4) Application request limit reached", NULL);
}

static void
respond_id (SoupServerMessage *msg,
            const char        *id)
{
  JsonBuilder *b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, id);
  json_builder_end_object (b);
  _warta_test_server_respond_json (msg, SOUP_STATUS_OK, _warta_test_server_build (b));
}

static Container *
find_container (WartaTestServer *server,
                const char      *id)
{
  GPtrArray *containers = get_state (server)->containers;

  for (guint i = 0; id && i < containers->len; i++)
    if (g_str_equal (((Container *) containers->pdata[i])->id, id))
      return containers->pdata[i];
  return NULL;
}

static Container *
add_container (WartaTestServer *server,
               const char      *caption,
               gboolean         carousel_item,
               const char      *outcome)
{
  Container *c = g_new0 (Container, 1);

  c->id = g_strdup_printf ("1790000%011" G_GINT64_FORMAT, _warta_test_server_next_id (server));
  c->caption = g_strdup (caption);
  c->carousel_item = carousel_item;
  c->outcome = g_strdup (outcome);
  c->polls_left = _warta_test_server_get_processing_polls (server);
  c->status_code = g_strdup (c->polls_left > 0 ? "IN_PROGRESS" : outcome);
  g_ptr_array_add (get_state (server)->containers, c);
  return c;
}

typedef struct
{
  WartaTestServer *server;
  SoupServerMessage *msg;
  SoupMessage *fetch;
  char *caption;
  gboolean carousel_item;
  gboolean video;
} Fetch;

/* Meta's servers fetch the image when the container is made (§2.3). */
static void
fetched_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Fetch *f = user_data;
  g_autoptr(GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, NULL);
  const guchar *data = body ? g_bytes_get_data (body, NULL) : NULL;
  gsize size = body ? g_bytes_get_size (body) : 0;

  if (body == NULL || !SOUP_STATUS_IS_SUCCESSFUL (soup_message_get_status (f->fetch)))
    ig_respond_error (f->server, f->msg, "2207052");
  else if (f->video)
    {
      /* The container is made; processing finds out what the file is: an
       * ISO base media file (MP4, MOV) starts with a box such as ftyp. */
      gboolean iso = size >= 8 && (memcmp (data + 4, "ftyp", 4) == 0 ||
                                   memcmp (data + 4, "moov", 4) == 0 ||
                                   memcmp (data + 4, "wide", 4) == 0);
      Container *c = add_container (f->server, f->caption, f->carousel_item,
                                    iso ? "FINISHED" : "ERROR");
      g_autofree char *sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, body);

      _warta_test_server_set_file (f->server, size, sha);
      respond_id (f->msg, c->id);
    }
  else if (size < 3 || data[0] != 0xFF || data[1] != 0xD8)
    respond_graph_error (f->msg, 400, 36001, 2207005, "The image format is not supported.",
                         "Only JPEG images are supported.");
  else if (size > 8 * 1024 * 1024)
    respond_graph_error (f->msg, 400, 36000, 2207004, "The image is too large to download.",
                         "The image should be smaller than 8 MiB.");
  else
    {
      Container *c = add_container (f->server, f->caption, f->carousel_item, "FINISHED");
      g_autofree char *sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, body);

      _warta_test_server_set_file (f->server, size, sha);
      respond_id (f->msg, c->id);
    }
  _warta_test_server_release (f->msg);
  g_object_unref (f->msg);
  g_object_unref (f->fetch);
  g_free (f->caption);
  g_free (f);
}

static void
create_media (WartaTestServer   *server,
              SoupServerMessage *msg,
              GHashTable        *params)
{
  const char *image_url = g_hash_table_lookup (params, "image_url");
  const char *caption = g_hash_table_lookup (params, "caption");
  const char *media_type = g_hash_table_lookup (params, "media_type");
  const char *video_url = g_hash_table_lookup (params, "video_url");
  gboolean carousel_item = g_strcmp0 (g_hash_table_lookup (params, "is_carousel_item"), "true") == 0;
  gboolean video;
  const char *url;
  Fetch *f;

  if (caption && g_utf8_strlen (caption, -1) > 2200)
    {
      ig_respond_error (server, msg, "36004");
      return;
    }
  if (g_strcmp0 (media_type, "CAROUSEL") == 0)
    {
      const char *list = g_hash_table_lookup (params, "children");
      g_auto(GStrv) children = g_strsplit (list ? list : "", ",", -1);
      guint n = g_strv_length (children);
      Container *c;

      if (n < 2 || n > 10)
        {
          respond_graph_error (msg, 400, 100, 2207028, "Carousel validation failed",
                               "The carousel must have between 2 and 10 items.");
          return;
        }
      for (guint i = 0; i < n; i++)
        {
          Container *child = find_container (server, children[i]);

          if (child == NULL || !child->carousel_item || !g_str_equal (child->status_code, "FINISHED"))
            {
              respond_graph_error (msg, 400, 24, 2207006, "The media with id does not exist",
                                   "The media was not found.");
              return;
            }
        }
      c = add_container (server, caption, FALSE, "FINISHED");
      respond_id (msg, c->id);
      return;
    }
  /* Since 2023 VIDEO is for carousel items only; a lone video is a reel. */
  if (g_strcmp0 (media_type, "VIDEO") == 0 && !carousel_item)
    {
      respond_graph_error (msg, 400, 100, 2207023, "The media type is not supported.",
                           "The VIDEO media type is no longer supported for single videos. Use REELS.");
      return;
    }
  video = g_strcmp0 (media_type, "REELS") == 0 || g_strcmp0 (media_type, "VIDEO") == 0;
  if (media_type && !video)
    {
      respond_graph_error (msg, 400, 100, 2207023, "The media type is not supported.", NULL);
      return;
    }
  url = video ? video_url : image_url;
  if (url == NULL)
    {
      respond_graph_error (msg, 400, 100, 0,
                           video ? "(#100) The parameter video_url is required."
                                 : "(#100) The parameter image_url is required.", NULL);
      return;
    }

  f = g_new0 (Fetch, 1);
  f->server = server;
  f->msg = g_object_ref (msg);
  f->caption = g_strdup (caption);
  f->carousel_item = carousel_item;
  f->video = video;
  f->fetch = soup_message_new (SOUP_METHOD_GET, url);
  if (f->fetch == NULL)
    {
      g_object_unref (f->msg);
      g_free (f->caption);
      g_free (f);
      ig_respond_error (server, msg, "2207052");
      return;
    }
  _warta_test_server_hold (msg);
  soup_session_send_and_read_async (get_state (server)->session, f->fetch, G_PRIORITY_DEFAULT,
                                    NULL, fetched_cb, f);
}

static guint
published_in_window (WartaTestServer *server)
{
  GPtrArray *media = get_state (server)->media;
  gint64 since = g_get_real_time () - (gint64) 86400 * G_USEC_PER_SEC;
  guint n = 0;

  for (guint i = 0; i < media->len; i++)
    if (((Media *) media->pdata[i])->published_at > since)
      n++;
  return n;
}

static void
media_publish (WartaTestServer   *server,
               SoupServerMessage *msg,
               GHashTable        *params)
{
  Container *c = find_container (server, g_hash_table_lookup (params, "creation_id"));
  Media *m;

  if (c == NULL)
    {
      respond_graph_error (msg, 400, 24, 2207008, "The media with id does not exist",
                           "The media builder does not exist.");
      return;
    }
  if (g_str_equal (c->status_code, "EXPIRED"))
    {
      ig_respond_error (server, msg, "2207020");
      return;
    }
  if (g_str_equal (c->status_code, "IN_PROGRESS"))
    {
      ig_respond_error (server, msg, "2207027");
      return;
    }
  if (g_str_equal (c->status_code, "ERROR"))
    {
      ig_respond_error (server, msg, "2207026");
      return;
    }
  if (g_str_equal (c->status_code, "PUBLISHED"))
    {
      respond_graph_error (msg, 400, 100, 0, "(#100) The media has already been published.", NULL);
      return;
    }
  if (published_in_window (server) >= get_state (server)->quota_total)
    {
      ig_respond_error (server, msg, "2207042");
      return;
    }
  m = g_new0 (Media, 1);
  m->id = g_strdup_printf ("1789%013" G_GINT64_FORMAT, _warta_test_server_next_id (server));
  m->caption = g_strdup (c->caption);
  m->permalink = g_strdup_printf ("https://www.instagram.com/p/Cw%sXyZ/", m->id + 10);
  m->published_at = g_get_real_time ();
  g_ptr_array_add (get_state (server)->media, m);
  g_free (c->status_code);
  c->status_code = g_strdup ("PUBLISHED");
  c->media_id = g_strdup (m->id);
  respond_id (msg, m->id);
}

static void
get_object (WartaTestServer   *server,
            SoupServerMessage *msg,
            const char        *id)
{
  GPtrArray *media = get_state (server)->media;
  Container *c = find_container (server, id);
  JsonBuilder *b;

  b = json_builder_new ();
  json_builder_begin_object (b);
  if (c)
    {
      const char *status;

      if (c->polls_left > 0 && --c->polls_left == 0 && g_str_equal (c->status_code, "IN_PROGRESS"))
        {
          g_free (c->status_code);
          c->status_code = g_strdup (c->outcome);
        }
      if (g_str_equal (c->status_code, "IN_PROGRESS"))
        status = "In Progress: Media is still being processed.";
      else if (g_str_equal (c->status_code, "ERROR"))
        status = "Error: Media upload has failed with error code 2207026";
      else
        status = c->status_code;
      json_builder_set_member_name (b, "status_code");
      json_builder_add_string_value (b, c->status_code);
      json_builder_set_member_name (b, "status");
      json_builder_add_string_value (b, status);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, c->id);
    }
  else
    {
      Media *m = NULL;

      for (guint i = 0; i < media->len; i++)
        if (g_str_equal (((Media *) media->pdata[i])->id, id))
          m = media->pdata[i];
      if (m == NULL)
        {
          json_builder_end_object (b);
          json_node_unref (_warta_test_server_build (b));
          respond_graph_error (msg, 400, 100, 33, "Unsupported get request.", NULL);
          return;
        }
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, m->id);
      json_builder_set_member_name (b, "permalink");
      json_builder_add_string_value (b, m->permalink);
    }
  json_builder_end_object (b);
  _warta_test_server_respond_json (msg, SOUP_STATUS_OK, _warta_test_server_build (b));
}

static void
list_media (WartaTestServer   *server,
            SoupServerMessage *msg)
{
  GPtrArray *media = get_state (server)->media;
  JsonBuilder *b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "data");
  json_builder_begin_array (b);
  for (guint i = media->len; i > 0 && i + 10 > media->len; i--)
    {
      Media *m = media->pdata[i - 1];

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, m->id);
      if (m->caption)
        {
          json_builder_set_member_name (b, "caption");
          json_builder_add_string_value (b, m->caption);
        }
      json_builder_set_member_name (b, "permalink");
      json_builder_add_string_value (b, m->permalink);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  _warta_test_server_respond_json (msg, SOUP_STATUS_OK, _warta_test_server_build (b));
}

static void
publishing_limit (WartaTestServer   *server,
                  SoupServerMessage *msg)
{
  JsonBuilder *b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "data");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "quota_usage");
  json_builder_add_int_value (b, published_in_window (server));
  json_builder_set_member_name (b, "config");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "quota_total");
  json_builder_add_int_value (b, get_state (server)->quota_total);
  json_builder_set_member_name (b, "quota_duration");
  json_builder_add_int_value (b, 86400);
  json_builder_end_object (b);
  json_builder_end_object (b);
  json_builder_end_array (b);
  json_builder_end_object (b);
  _warta_test_server_respond_json (msg, SOUP_STATUS_OK, _warta_test_server_build (b));
}

static void
ig_dispatch (WartaTestServer   *server,
             SoupServerMessage *msg,
             const char        *path,
             GHashTable        *query)
{
  g_autoptr(GHashTable) params = _warta_test_server_params (msg, query);
  const char *method = soup_server_message_get_method (msg);
  const char *auth = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                   "Authorization");
  const char *token = g_hash_table_lookup (params, "access_token");
  g_auto(GStrv) parts = g_strsplit (path + 1, "/", -1);
  guint n = g_strv_length (parts);
  gboolean get = g_str_equal (method, "GET");
  gboolean post = g_str_equal (method, "POST");

  if (auth && g_str_has_prefix (auth, "Bearer "))
    token = auth + strlen ("Bearer ");
  if (_warta_test_server_is_revoked (server) || g_strcmp0 (token, WARTA_TEST_INSTAGRAM_TOKEN) != 0)
    {
      ig_respond_error (server, msg, "190");
      return;
    }
  if (n < 2 || !g_str_has_prefix (parts[0], "v"))
    {
      respond_graph_error (msg, 400, 100, 0, "Unknown path components", NULL);
      return;
    }
  if (n == 3 && g_str_equal (parts[1], WARTA_TEST_INSTAGRAM_USER_ID))
    {
      if (post && g_str_equal (parts[2], "media"))
        create_media (server, msg, params);
      else if (get && g_str_equal (parts[2], "media"))
        list_media (server, msg);
      else if (post && g_str_equal (parts[2], "media_publish"))
        media_publish (server, msg, params);
      else if (get && g_str_equal (parts[2], "content_publishing_limit"))
        publishing_limit (server, msg);
      else
        respond_graph_error (msg, 400, 100, 0, "Unknown path components", NULL);
      return;
    }
  if (n == 2 && get)
    {
      get_object (server, msg, parts[1]);
      return;
    }
  respond_graph_error (msg, 400, 100, 0, "Unknown path components", NULL);
}

static gpointer
ig_state_new (WartaTestServer *server)
{
  State *st = g_new0 (State, 1);

  st->server = server;
  st->session = soup_session_new ();
  st->containers = g_ptr_array_new_with_free_func (container_free);
  st->media = g_ptr_array_new_with_free_func (media_free);
  st->quota_total = DEFAULT_QUOTA_TOTAL;
  return st;
}

static void
ig_state_free (gpointer data)
{
  State *st = data;

  soup_session_abort (st->session);
  g_object_unref (st->session);
  g_ptr_array_unref (st->containers);
  g_ptr_array_unref (st->media);
  g_free (st);
}

static void
ig_expire (WartaTestServer *server)
{
  GPtrArray *containers = get_state (server)->containers;

  for (guint i = 0; i < containers->len; i++)
    {
      Container *c = containers->pdata[i];

      if (!g_str_equal (c->status_code, "PUBLISHED"))
        {
          g_free (c->status_code);
          c->status_code = g_strdup ("EXPIRED");
        }
    }
}

static guint
ig_post_count (WartaTestServer *server)
{
  return get_state (server)->media->len;
}

static guint
ig_media_count (WartaTestServer *server)
{
  return get_state (server)->containers->len;
}

static const WartaTestPlatformOps instagram_ops = {
  .server_header = "proxygen-bolt",
  .state_new = ig_state_new,
  .state_free = ig_state_free,
  .dispatch = ig_dispatch,
  .respond_status = ig_respond_status,
  .respond_rate_limited = ig_respond_rate_limited,
  .respond_error = ig_respond_error,
  .expire = ig_expire,
  .post_count = ig_post_count,
  .media_count = ig_media_count,
};

WartaTestServer *
warta_test_instagram_server_new (void)
{
  return _warta_test_server_new_with_ops (WARTA_TEST_INSTAGRAM, &instagram_ops);
}

void
warta_test_instagram_server_set_quota (WartaTestServer *server,
                                       guint            quota_total)
{
  get_state (server)->quota_total = quota_total;
}
