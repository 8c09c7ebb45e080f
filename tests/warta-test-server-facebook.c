/* warta-test-server-facebook.c: a loopback Graph API for one Facebook Page
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * platform-apis.md §1: /{version}/{page}/feed (POST: message, link,
 * attached_media[n]; GET: the feed), /photos (multipart source or url,
 * published=false for attached_media), /videos with upload_phase
 * start/transfer/finish (string offsets in fixed 1 MiB windows, 1363037
 * with error_data for a wrong start_offset). Parameters from the query,
 * urlencoded, multipart or JSON; the token as access_token or in an
 * Authorization header; every answer carries X-App-Usage. DELETE
 * /{version}/{object} for the posts, photos and videos it made: a post
 * takes what it carries with it and leaves the feed; an object gone or
 * unknown answers 100/33, as Graph does. POST /{version}/{object} with
 * message (a post, a photo post's caption) or description (a video)
 * changes its text ("Update" in §1), answered {"success":true}; 100/33
 * again for an object gone. GET /{version}/{video}?fields=status: where
 * its upload stands; once finished, the first read says it is still
 * processing (not yet published), the next ones that it is published.
 *
 * Errors by name: the Graph code, e.g. "190", "4", "17", "32", "613",
 * "80001" (with X-Business-Use-Case-Usage), "2" (transient), "10", "100",
 * "324", "368", "506".
 */
#include "config.h"

#include <string.h>

#include "warta-test-server-private.h"

#define WINDOW (1024 * 1024)

typedef struct
{
  char *id;
  char *message;
  char *link;
  guint photos;
  /* what the post carries: its published photo or its video, and the
   * unpublished photos attached to it */
  char *object_id;
  GPtrArray *attached;
  gboolean deleted;
} Post;

typedef struct
{
  char *id;
  gboolean published;
  gboolean deleted;
} Photo;

typedef struct
{
  char *video_id;
  char *session_id;
  guint64 size;
  guint64 offset;
  GChecksum *sum;
  gboolean finished;
  guint status_reads;  /* after finish */
  gboolean expired;
  gboolean deleted;
} VideoSession;

typedef struct
{
  GPtrArray *posts;
  GPtrArray *photos;
  GPtrArray *sessions;
  guint media;
  guint deleted;
} State;

static void
post_free (gpointer data)
{
  Post *p = data;

  g_free (p->id);
  g_free (p->message);
  g_free (p->link);
  g_free (p->object_id);
  g_clear_pointer (&p->attached, g_ptr_array_unref);
  g_free (p);
}

static void
photo_free (gpointer data)
{
  Photo *p = data;

  g_free (p->id);
  g_free (p);
}

static void
session_free (gpointer data)
{
  VideoSession *s = data;

  g_free (s->video_id);
  g_free (s->session_id);
  g_checksum_free (s->sum);
  g_free (s);
}

static State *
get_state (WartaTestServer *server)
{
  return _warta_test_server_get_state (server);
}

static void
add_usage (SoupServerMessage *msg)
{
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "X-App-Usage",
                                "{\"call_count\":3,\"total_time\":1,\"total_cputime\":1}");
}

static void
respond_graph_error (SoupServerMessage *msg,
                     guint              status,
                     gint64             code,
                     gint64             subcode,
                     const char        *message,
                     const char        *user_msg,
                     gboolean           transient,
                     JsonNode          *error_data)
{
  JsonBuilder *b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "error");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "message");
  json_builder_add_string_value (b, message);
  json_builder_set_member_name (b, "type");
  json_builder_add_string_value (b, code == 190 ? "OAuthException" : "GraphMethodException");
  json_builder_set_member_name (b, "code");
  json_builder_add_int_value (b, code);
  if (subcode)
    {
      json_builder_set_member_name (b, "error_subcode");
      json_builder_add_int_value (b, subcode);
    }
  if (user_msg)
    {
      json_builder_set_member_name (b, "error_user_title");
      json_builder_add_string_value (b, "Error");
      json_builder_set_member_name (b, "error_user_msg");
      json_builder_add_string_value (b, user_msg);
    }
  json_builder_set_member_name (b, "is_transient");
  json_builder_add_boolean_value (b, transient);
  if (error_data)
    {
      json_builder_set_member_name (b, "error_data");
      json_builder_add_value (b, error_data);
    }
  json_builder_set_member_name (b, "fbtrace_id");
  json_builder_add_string_value (b, "AbCdEfGhIjK");
  json_builder_end_object (b);
  json_builder_end_object (b);
  add_usage (msg);
  _warta_test_server_respond_json (msg, status, _warta_test_server_build (b));
}

static void
fb_respond_error (WartaTestServer   *server,
                  SoupServerMessage *msg,
                  const char        *name)
{
  gint64 code = g_ascii_strtoll (name, NULL, 10);

  switch (code)
    {
    case 190:
      respond_graph_error (msg, 400, 190, 463,
                           "Error validating access token: Session has expired on Tuesday, 24-Nov-26 10:00:00 PST.",
                           NULL, FALSE, NULL);
      break;
    case 4:
      respond_graph_error (msg, 400, 4, 0, "(#4) Application request limit reached", NULL, TRUE, NULL);
      break;
    case 17:
      respond_graph_error (msg, 400, 17, 0, "(#17) User request limit reached", NULL, TRUE, NULL);
      break;
    case 32:
      respond_graph_error (msg, 400, 32, 0, "(#32) Page request limit reached", NULL, TRUE, NULL);
      break;
    case 613:
      respond_graph_error (msg, 400, 613, 0, "(#613) Calls to this api have exceeded the rate limit.",
                           NULL, TRUE, NULL);
      break;
    case 80001:
      {
        g_autofree char *usage = g_strdup_printf ("{\"%s\":[{\"type\":\"pages\",\"call_count\":100,\"total_cputime\":20,\"total_time\":30,\"estimated_time_to_regain_access\":30}]}",
                                                  WARTA_TEST_FACEBOOK_PAGE_ID);

        soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                      "X-Business-Use-Case-Usage", usage);
        respond_graph_error (msg, 400, 80001, 0,
                             "There have been too many calls to this Page account. Wait a bit and try again.",
                             NULL, TRUE, NULL);
      }
      break;
    case 2:
      respond_graph_error (msg, 500, 2, 0, "An unexpected error has occurred. Please retry your request later.",
                           NULL, TRUE, NULL);
      break;
    case 10:
      respond_graph_error (msg, 403, 10, 0, "(#10) Application does not have permission for this action",
                           NULL, FALSE, NULL);
      break;
    case 100:
      respond_graph_error (msg, 400, 100, 0, "(#100) Invalid parameter", NULL, FALSE, NULL);
      break;
    case 324:
      respond_graph_error (msg, 400, 324, 0, "(#324) Missing or invalid image file", NULL, FALSE, NULL);
      break;
    case 368:
      respond_graph_error (msg, 400, 368, 1390008,
                           "The action attempted has been deemed abusive or is otherwise disallowed",
                           "You can't post this because it looks like spam.", FALSE, NULL);
      break;
    case 506:
      respond_graph_error (msg, 400, 506, 0, "Duplicate status message", NULL, FALSE, NULL);
      break;
    default:
      g_error ("unknown Facebook error %s", name);
    }
}

static void
fb_respond_status (WartaTestServer   *server,
                   SoupServerMessage *msg,
                   guint              status)
{
  respond_graph_error (msg, status, 1, 0, "An unknown error has occurred.", NULL, status >= 500,
                       NULL);
}

/* Graph sends no Retry-After: a proxy might (§1.6). */
static void
fb_respond_rate_limited (WartaTestServer   *server,
                         SoupServerMessage *msg,
                         guint              seconds)
{
  g_autofree char *after = g_strdup_printf ("%u", seconds);

  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Retry-After", after);
  respond_graph_error (msg, 429, 32, 0, "(#32) Page request limit reached", NULL, TRUE, NULL);
}

static gboolean
authorized (WartaTestServer   *server,
            SoupServerMessage *msg,
            GHashTable        *params)
{
  const char *auth = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                   "Authorization");
  const char *token = g_hash_table_lookup (params, "access_token");

  if (auth && (g_str_has_prefix (auth, "Bearer ") || g_str_has_prefix (auth, "OAuth ")))
    token = strchr (auth, ' ') + 1;
  if (!_warta_test_server_is_revoked (server) && g_strcmp0 (token, WARTA_TEST_FACEBOOK_TOKEN) == 0)
    return TRUE;
  if (token == NULL)
    respond_graph_error (msg, 400, 104, 0, "An access token is required to request this resource.",
                         NULL, FALSE, NULL);
  else
    fb_respond_error (server, msg, "190");
  return FALSE;
}

static char *
new_id (WartaTestServer *server)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, 122100000000000000 + _warta_test_server_next_id (server));
}

static void
respond_object (SoupServerMessage *msg,
                const char        *first_name,
                ...)
{
  JsonBuilder *b = json_builder_new ();
  const char *name = first_name;
  va_list args;

  va_start (args, first_name);
  json_builder_begin_object (b);
  while (name)
    {
      json_builder_set_member_name (b, name);
      json_builder_add_string_value (b, va_arg (args, const char *));
      name = va_arg (args, const char *);
    }
  json_builder_end_object (b);
  va_end (args);
  add_usage (msg);
  _warta_test_server_respond_json (msg, SOUP_STATUS_OK, _warta_test_server_build (b));
}

/* {"success": true}, a boolean as Graph sends it. */
static void
respond_success (SoupServerMessage *msg)
{
  JsonBuilder *b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "success");
  json_builder_add_boolean_value (b, TRUE);
  json_builder_end_object (b);
  add_usage (msg);
  _warta_test_server_respond_json (msg, SOUP_STATUS_OK, _warta_test_server_build (b));
}

static Post *
add_post (WartaTestServer *server,
          const char      *message,
          const char      *link)
{
  g_autofree char *id = new_id (server);
  Post *p = g_new0 (Post, 1);

  p->id = g_strdup_printf ("%s_%s", WARTA_TEST_FACEBOOK_PAGE_ID, id);
  p->message = g_strdup (message);
  p->link = g_strdup (link);
  g_ptr_array_add (get_state (server)->posts, p);
  return p;
}

static gboolean
is_duplicate (WartaTestServer *server,
              const char      *message)
{
  GPtrArray *posts = get_state (server)->posts;

  for (guint i = 0; message && *message && i < posts->len; i++)
    if (!((Post *) posts->pdata[i])->deleted &&
        g_strcmp0 (((Post *) posts->pdata[i])->message, message) == 0)
      return TRUE;
  return FALSE;
}

static void
feed_post (WartaTestServer   *server,
           SoupServerMessage *msg,
           GHashTable        *params)
{
  State *st = get_state (server);
  const char *message = g_hash_table_lookup (params, "message");
  const char *link = g_hash_table_lookup (params, "link");
  g_autoptr(GPtrArray) attached = g_ptr_array_new_with_free_func (g_free);
  guint photos = 0;
  Post *p;

  for (guint i = 0;; i++)
    {
      g_autofree char *key = g_strdup_printf ("attached_media[%u]", i);
      const char *value = g_hash_table_lookup (params, key);
      g_autoptr(JsonParser) parser = json_parser_new ();
      const char *fbid = NULL;
      gboolean found = FALSE;

      if (value == NULL)
        break;
      if (json_parser_load_from_data (parser, value, -1, NULL) &&
          JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
        {
          JsonObject *o = json_node_get_object (json_parser_get_root (parser));

          if (json_object_has_member (o, "media_fbid"))
            fbid = json_object_get_string_member (o, "media_fbid");
        }
      for (guint j = 0; fbid && j < st->photos->len; j++)
        found |= g_strcmp0 (((Photo *) st->photos->pdata[j])->id, fbid) == 0 &&
                 !((Photo *) st->photos->pdata[j])->published &&
                 !((Photo *) st->photos->pdata[j])->deleted;
      if (!found)
        {
          respond_graph_error (msg, 400, 100, 0, "(#100) param attached_media must be an unpublished photo",
                               NULL, FALSE, NULL);
          return;
        }
      g_ptr_array_add (attached, g_strdup (fbid));
      photos++;
    }
  if ((message == NULL || !*message) && (link == NULL || !*link) && photos == 0)
    {
      respond_graph_error (msg, 400, 100, 0, "(#100) Missing message or attachment", NULL, FALSE, NULL);
      return;
    }
  if (is_duplicate (server, message))
    {
      fb_respond_error (server, msg, "506");
      return;
    }
  p = add_post (server, message, link);
  p->photos = photos;
  p->attached = g_steal_pointer (&attached);
  respond_object (msg, "id", p->id, NULL);
}

static void
feed_get (WartaTestServer   *server,
          SoupServerMessage *msg)
{
  GPtrArray *posts = get_state (server)->posts;
  JsonBuilder *b = json_builder_new ();
  guint listed = 0;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "data");
  json_builder_begin_array (b);
  for (guint i = posts->len; i > 0 && listed < 25; i--)
    {
      Post *p = posts->pdata[i - 1];
      g_autofree char *permalink = NULL;

      if (p->deleted)
        continue;
      listed++;
      permalink = g_strdup_printf ("https://www.facebook.com/%s", p->id);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, p->id);
      if (p->message)
        {
          json_builder_set_member_name (b, "message");
          json_builder_add_string_value (b, p->message);
        }
      json_builder_set_member_name (b, "permalink_url");
      json_builder_add_string_value (b, permalink);
      json_builder_set_member_name (b, "created_time");
      json_builder_add_string_value (b, "2026-11-26T07:00:00+0000");
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  add_usage (msg);
  _warta_test_server_respond_json (msg, SOUP_STATUS_OK, _warta_test_server_build (b));
}

static void
photo_post (WartaTestServer   *server,
            SoupServerMessage *msg,
            GHashTable        *params)
{
  GHashTableIter iter;
  gpointer key, value;
  GBytes *file = NULL;
  const char *published = g_hash_table_lookup (params, "published");
  const char *caption = g_hash_table_lookup (params, "caption");
  Photo *photo;

  /* Any file part is accepted; "source" is the convention. */
  g_hash_table_iter_init (&iter, params);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (((char *) key)[0] == '@')
      file = g_object_get_data (G_OBJECT (msg), (char *) key + 1);
  if (caption == NULL)
    caption = g_hash_table_lookup (params, "message");

  if (file == NULL && g_hash_table_lookup (params, "url") == NULL)
    {
      fb_respond_error (server, msg, "324");
      return;
    }
  if (file)
    {
      const guchar *data = g_bytes_get_data (file, NULL);
      gsize size = g_bytes_get_size (file);

      if (size > 10 * 1000 * 1000)
        {
          respond_graph_error (msg, 400, 100, 1366046, "(#100) Photo is too big", NULL, FALSE, NULL);
          return;
        }
      if (size < 4 || !((data[0] == 0xFF && data[1] == 0xD8) || data[0] == 0x89 || data[0] == 'G'))
        {
          fb_respond_error (server, msg, "324");
          return;
        }
      {
        g_autofree char *sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, file);
        _warta_test_server_set_file (server, size, sha);
      }
    }

  photo = g_new0 (Photo, 1);
  photo->id = new_id (server);
  photo->published = g_strcmp0 (published, "false") != 0;
  g_ptr_array_add (get_state (server)->photos, photo);
  get_state (server)->media++;
  if (photo->published)
    {
      Post *p;

      if (is_duplicate (server, caption))
        {
          fb_respond_error (server, msg, "506");
          return;
        }
      p = add_post (server, caption, NULL);
      p->photos = 1;
      p->object_id = g_strdup (photo->id);
      respond_object (msg, "id", photo->id, "post_id", p->id, NULL);
    }
  else
    respond_object (msg, "id", photo->id, NULL);
}

static VideoSession *
find_session (WartaTestServer *server,
              const char      *id)
{
  GPtrArray *sessions = get_state (server)->sessions;

  for (guint i = 0; id && i < sessions->len; i++)
    if (g_str_equal (((VideoSession *) sessions->pdata[i])->session_id, id))
      return sessions->pdata[i];
  return NULL;
}

static void
respond_offsets (SoupServerMessage *msg,
                 VideoSession      *s,
                 const char        *first_name,
                 const char        *first_value)
{
  g_autofree char *start = g_strdup_printf ("%" G_GUINT64_FORMAT, s->offset);
  g_autofree char *end = g_strdup_printf ("%" G_GUINT64_FORMAT, MIN (s->offset + WINDOW, s->size));

  if (first_name)
    respond_object (msg, first_name, first_value, "upload_session_id", s->session_id,
                    "start_offset", start, "end_offset", end, NULL);
  else
    respond_object (msg, "start_offset", start, "end_offset", end, NULL);
}

static void
video_post (WartaTestServer   *server,
            SoupServerMessage *msg,
            GHashTable        *params)
{
  State *st = get_state (server);
  const char *phase = g_hash_table_lookup (params, "upload_phase");
  VideoSession *s = find_session (server, g_hash_table_lookup (params, "upload_session_id"));

  if (g_strcmp0 (phase, "start") == 0)
    {
      const char *size = g_hash_table_lookup (params, "file_size");

      if (size == NULL || g_ascii_strtoull (size, NULL, 10) == 0)
        {
          respond_graph_error (msg, 400, 100, 0, "(#100) file_size is required", NULL, FALSE, NULL);
          return;
        }
      s = g_new0 (VideoSession, 1);
      s->video_id = new_id (server);
      s->session_id = new_id (server);
      s->size = g_ascii_strtoull (size, NULL, 10);
      s->sum = g_checksum_new (G_CHECKSUM_SHA256);
      g_ptr_array_add (st->sessions, s);
      respond_offsets (msg, s, "video_id", s->video_id);
      return;
    }
  if (s == NULL || s->expired)
    {
      respond_graph_error (msg, 400, 6000, 1363030,
                           "There was a problem uploading your video file. Please try again.",
                           "Your video upload timed out before it could be completed.", FALSE, NULL);
      return;
    }
  if (g_strcmp0 (phase, "transfer") == 0)
    {
      const char *start = g_hash_table_lookup (params, "start_offset");
      GBytes *chunk = g_object_get_data (G_OBJECT (msg), "video_file_chunk");

      if (start == NULL || g_ascii_strtoull (start, NULL, 10) != s->offset || chunk == NULL ||
          g_bytes_get_size (chunk) != MIN (WINDOW, s->size - s->offset))
        {
          JsonBuilder *b = json_builder_new ();
          g_autofree char *o1 = g_strdup_printf ("%" G_GUINT64_FORMAT, s->offset);
          g_autofree char *o2 = g_strdup_printf ("%" G_GUINT64_FORMAT, MIN (s->offset + WINDOW, s->size));

          json_builder_begin_object (b);
          json_builder_set_member_name (b, "start_offset");
          json_builder_add_string_value (b, o1);
          json_builder_set_member_name (b, "end_offset");
          json_builder_add_string_value (b, o2);
          json_builder_end_object (b);
          respond_graph_error (msg, 400, 6001, 1363037,
                               "There was a problem uploading your video. Please try uploading it again.",
                               "The start offset does not match what was expected.", FALSE,
                               _warta_test_server_build (b));
          return;
        }
      if (_warta_test_server_is_hashing (server))
        g_checksum_update (s->sum, g_bytes_get_data (chunk, NULL), g_bytes_get_size (chunk));
      s->offset += g_bytes_get_size (chunk);
      respond_offsets (msg, s, NULL, NULL);
      return;
    }
  if (g_strcmp0 (phase, "finish") == 0)
    {
      if (s->offset != s->size)
        {
          respond_graph_error (msg, 400, 6001, 1363041, "The video file upload is incomplete.",
                               NULL, FALSE, NULL);
          return;
        }
      /* Finishing twice is answered the same, with one post. */
      if (!s->finished)
        {
          Post *p = add_post (server, g_hash_table_lookup (params, "description"), NULL);

          g_free (p->id);
          p->id = g_strdup_printf ("%s_%s", WARTA_TEST_FACEBOOK_PAGE_ID, s->video_id);
          p->object_id = g_strdup (s->video_id);
          s->finished = TRUE;
          st->media++;
          _warta_test_server_set_file (server, s->size, g_checksum_get_string (s->sum));
        }
      respond_success (msg);
      return;
    }
  respond_graph_error (msg, 400, 100, 0, "(#100) Invalid upload_phase", NULL, FALSE, NULL);
}

/* GET /{version}/{video}?fields=status (§1.4 "Polling"): where the
 * upload stands and whether finish published the video. */
static void
video_status (WartaTestServer   *server,
              SoupServerMessage *msg,
              const char        *id)
{
  GPtrArray *sessions = get_state (server)->sessions;
  VideoSession *s = NULL;
  JsonBuilder *b;
  gboolean uploaded;
  gboolean published;

  for (guint i = 0; i < sessions->len; i++)
    if (g_str_equal (((VideoSession *) sessions->pdata[i])->video_id, id))
      s = sessions->pdata[i];
  if (s == NULL || s->deleted)
    {
      respond_graph_error (msg, 400, 100, 33,
                           "Unsupported get request. Object does not exist, cannot be loaded due to missing permissions, or does not support this operation.",
                           NULL, FALSE, NULL);
      return;
    }
  uploaded = s->offset == s->size;
  /* Facebook processes a finished video before it publishes it. */
  published = s->finished && s->status_reads++ > 0;
  b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, s->video_id);
  json_builder_set_member_name (b, "status");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "video_status");
  json_builder_add_string_value (b, published ? "ready" : s->finished ? "processing" : uploaded ? "upload_complete" : "uploading");
  json_builder_set_member_name (b, "uploading_phase");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "status");
  json_builder_add_string_value (b, uploaded ? "complete" : "in_progress");
  json_builder_set_member_name (b, "bytes_transfered");
  json_builder_add_int_value (b, (gint64) s->offset);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "processing_phase");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "status");
  json_builder_add_string_value (b, published ? "complete" : s->finished ? "in_progress" : "not_started");
  json_builder_end_object (b);
  json_builder_set_member_name (b, "publishing_phase");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "status");
  json_builder_add_string_value (b, published ? "complete" : "not_started");
  json_builder_set_member_name (b, "publish_status");
  json_builder_add_string_value (b, published ? "published" : "not_published");
  if (published)
    {
      json_builder_set_member_name (b, "publish_time");
      json_builder_add_string_value (b, "2026-11-26T07:00:00+0000");
    }
  json_builder_end_object (b);
  json_builder_end_object (b);
  json_builder_end_object (b);
  add_usage (msg);
  _warta_test_server_respond_json (msg, SOUP_STATUS_OK, _warta_test_server_build (b));
}

/* A photo or a video: TRUE when it was there to delete. */
static gboolean
delete_media (State      *st,
              const char *id)
{
  for (guint i = 0; id && i < st->photos->len; i++)
    {
      Photo *photo = st->photos->pdata[i];

      if (!photo->deleted && g_str_equal (photo->id, id))
        {
          photo->deleted = TRUE;
          return TRUE;
        }
    }
  for (guint i = 0; id && i < st->sessions->len; i++)
    {
      VideoSession *s = st->sessions->pdata[i];

      if (!s->deleted && g_str_equal (s->video_id, id))
        {
          s->deleted = TRUE;
          return TRUE;
        }
    }
  return FALSE;
}

static void
object_delete (WartaTestServer   *server,
               SoupServerMessage *msg,
               const char        *id)
{
  State *st = get_state (server);
  gboolean found = FALSE;

  /* A post, or the photo or video that is a post: both go. */
  for (guint i = 0; i < st->posts->len; i++)
    {
      Post *p = st->posts->pdata[i];

      if (p->deleted || (!g_str_equal (p->id, id) && g_strcmp0 (p->object_id, id) != 0))
        continue;
      p->deleted = found = TRUE;
      delete_media (st, p->object_id);
      for (guint j = 0; p->attached && j < p->attached->len; j++)
        delete_media (st, p->attached->pdata[j]);
    }
  found |= delete_media (st, id);
  if (!found)
    {
      g_autofree char *message = g_strdup_printf ("Unsupported delete request. Object with ID '%s' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api",
                                                  id);

      respond_graph_error (msg, 400, 100, 33, message, NULL, FALSE, NULL);
      return;
    }
  st->deleted++;
  respond_success (msg);
}

static Post *
find_live_post (State      *st,
                const char *id)
{
  for (guint i = 0; i < st->posts->len; i++)
    {
      Post *p = st->posts->pdata[i];

      if (!p->deleted && (g_str_equal (p->id, id) || g_strcmp0 (p->object_id, id) == 0))
        return p;
    }
  return NULL;
}

static void
object_update (WartaTestServer   *server,
               SoupServerMessage *msg,
               const char        *id,
               GHashTable        *params)
{
  Post *p = find_live_post (get_state (server), id);
  const char *text = g_hash_table_lookup (params, "message");

  if (text == NULL)
    text = g_hash_table_lookup (params, "description");
  if (p == NULL)
    {
      g_autofree char *message = g_strdup_printf ("Unsupported post request. Object with ID '%s' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api",
                                                  id);

      respond_graph_error (msg, 400, 100, 33, message, NULL, FALSE, NULL);
      return;
    }
  if (text == NULL)
    {
      respond_graph_error (msg, 400, 100, 0, "(#100) No fields to update", NULL, FALSE, NULL);
      return;
    }
  g_free (p->message);
  p->message = g_strdup (text);
  respond_success (msg);
}

const char *
warta_test_facebook_server_get_post_message (WartaTestServer *server,
                                             const char      *id)
{
  Post *p = find_live_post (get_state (server), id);

  return p != NULL ? p->message : NULL;
}

static void
fb_dispatch (WartaTestServer   *server,
             SoupServerMessage *msg,
             const char        *path,
             GHashTable        *query)
{
  g_autoptr(GHashTable) params = _warta_test_server_params (msg, query);
  const char *method = soup_server_message_get_method (msg);
  g_auto(GStrv) parts = g_strsplit (path + 1, "/", -1);
  gboolean post = g_str_equal (method, "POST");

  if (!authorized (server, msg, params))
    return;
  if (g_str_equal (method, "DELETE") && g_strv_length (parts) == 2 &&
      g_str_has_prefix (parts[0], "v"))
    {
      object_delete (server, msg, parts[1]);
      return;
    }
  if (post && g_strv_length (parts) == 2 && g_str_has_prefix (parts[0], "v") &&
      !g_str_equal (parts[1], WARTA_TEST_FACEBOOK_PAGE_ID))
    {
      object_update (server, msg, parts[1], params);
      return;
    }
  if (g_str_equal (method, "GET") && g_strv_length (parts) == 2 &&
      g_str_has_prefix (parts[0], "v") && !g_str_equal (parts[1], WARTA_TEST_FACEBOOK_PAGE_ID))
    {
      video_status (server, msg, parts[1]);
      return;
    }
  if (g_strv_length (parts) != 3 || !g_str_has_prefix (parts[0], "v") ||
      !g_str_equal (parts[1], WARTA_TEST_FACEBOOK_PAGE_ID))
    {
      respond_graph_error (msg, 400, 100, 33,
                           "Unsupported get request. Object does not exist, cannot be loaded due to missing permissions, or does not support this operation.",
                           NULL, FALSE, NULL);
      return;
    }
  if (post && g_str_equal (parts[2], "feed"))
    feed_post (server, msg, params);
  else if (g_str_equal (method, "GET") && g_str_equal (parts[2], "feed"))
    feed_get (server, msg);
  else if (post && g_str_equal (parts[2], "photos"))
    photo_post (server, msg, params);
  else if (post && g_str_equal (parts[2], "videos"))
    video_post (server, msg, params);
  else
    respond_graph_error (msg, 400, 100, 0, "(#100) Unknown path components", NULL, FALSE, NULL);
}

static gpointer
fb_state_new (WartaTestServer *server)
{
  State *st = g_new0 (State, 1);

  st->posts = g_ptr_array_new_with_free_func (post_free);
  st->photos = g_ptr_array_new_with_free_func (photo_free);
  st->sessions = g_ptr_array_new_with_free_func (session_free);
  return st;
}

static void
fb_state_free (gpointer data)
{
  State *st = data;

  g_ptr_array_unref (st->posts);
  g_ptr_array_unref (st->photos);
  g_ptr_array_unref (st->sessions);
  g_free (st);
}

static void
fb_expire (WartaTestServer *server)
{
  GPtrArray *sessions = get_state (server)->sessions;

  for (guint i = 0; i < sessions->len; i++)
    ((VideoSession *) sessions->pdata[i])->expired = TRUE;
}

static guint
fb_post_count (WartaTestServer *server)
{
  return get_state (server)->posts->len;
}

static guint
fb_media_count (WartaTestServer *server)
{
  return get_state (server)->media;
}

static const WartaTestPlatformOps facebook_ops = {
  .server_header = "proxygen-bolt",
  .state_new = fb_state_new,
  .state_free = fb_state_free,
  .dispatch = fb_dispatch,
  .respond_status = fb_respond_status,
  .respond_rate_limited = fb_respond_rate_limited,
  .respond_error = fb_respond_error,
  .expire = fb_expire,
  .post_count = fb_post_count,
  .media_count = fb_media_count,
};

WartaTestServer *
warta_test_facebook_server_new (void)
{
  return _warta_test_server_new_with_ops (WARTA_TEST_FACEBOOK, &facebook_ops);
}

guint
warta_test_facebook_server_get_deleted_count (WartaTestServer *server)
{
  return get_state (server)->deleted;
}
