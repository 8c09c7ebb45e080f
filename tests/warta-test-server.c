/* warta-test-server.c: loopback Mastodon and WordPress servers for the tests
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/socket.h>

#include "warta-test-server.h"
#include "warta-test-server-private.h"

typedef struct
{
  char *method;
  char *path;
  guint nth;
  guint seen;                /* matching requests since it was queued */
  guint taken;               /* requests it was chosen for */
  guint fired;               /* times it was applied (drop-mid-body: dropped) */
  WartaTestFaultKind kind;
  guint param;
  char *name;                /* WARTA_TEST_FAULT_PLATFORM_ERROR */
  char *content_type;        /* WARTA_TEST_FAULT_ANSWER(_AFTER_COMMIT) */
  char *headers;
  char *body;
  GCancellable *cancellable; /* WARTA_TEST_FAULT_CANCEL */
} Fault;

typedef struct
{
  gint64 id;
  char *slug;
  char *filename;
  char *mime_type;
  guint64 size;
  guint processing;    /* Mastodon: polls left before the URL appears */
  char *description;
} Media;

typedef struct
{
  gint64 id;
  char *slug;
  char *status;
  char *title;
  char *content;
  gint64 featured_media;
  char *visibility;
  GPtrArray *media_ids;
  gint64 created_at;         /* Mastodon: the server's clock, µs */
} Post;

/* Mastodon keeps an Idempotency-Key for an hour (Redis TTL 3600 s). */
#define MASTODON_IDEMPOTENCY_US ((gint64) 3600 * G_USEC_PER_SEC)
#define MASTODON_ACCOUNT_ID "108000000000000042"

typedef struct
{
  char *json;                /* the status it made */
  gint64 at;                 /* when, on the server's clock */
} Remembered;

static void
remembered_free (gpointer data)
{
  Remembered *r = data;

  g_free (r->json);
  g_free (r);
}

struct _WartaTestServer
{
  WartaTestPlatform platform;
  SoupServer *server;
  char *url;
  GPtrArray *faults;
  GPtrArray *requests;       /* "METHOD path" */
  gboolean revoked;
  gboolean wp_subscriber;    /* WordPress: the user may only read */
  guint processing_polls;
  WartaTestInstance instance; /* Mastodon: what /api/v2/instance, v1 say */
  gint64 next_id;
  GPtrArray *media;          /* Media */
  GPtrArray *posts;          /* Post */
  guint n_deleted;           /* posts deleted (Mastodon) or trashed (WordPress) */
  GHashTable *idempotency;   /* key → Remembered */
  gint64 clock_offset_us;    /* Mastodon's clock: the real one plus this */
  SoupMessageHeaders *last_headers;
  guint64 upload_size;
  guchar upload_head[4];
  GChecksum *upload_sum;
  char *upload_sha1;
  GByteArray *upload_keep;   /* a small raw upload's bytes, served back */

  /* The platforms of warta-test-server-<platform>.c */
  const WartaTestPlatformOps *ops;
  gpointer ops_state;
  GPtrArray *streamed;       /* StreamedPath */
  gboolean no_hashing;
  guint64 file_size;
  char *file_sha256;
  GHashTable *files;         /* path → ServedFile */
  GHashTable *delayed;       /* Delayed: requests held for a while */
  guint latency_max_ms;      /* random latency before or after the work */
  GRand *latency_rand;
};

typedef struct
{
  WartaTestServer *self;
  char *prefix;
  WartaTestStreamFunc func;
} StreamedPath;

typedef struct
{
  char *content_type;
  GBytes *bytes;
} ServedFile;

static void
streamed_path_free (gpointer data)
{
  StreamedPath *sp = data;

  g_free (sp->prefix);
  g_free (sp);
}

static void
served_file_free (gpointer data)
{
  ServedFile *f = data;

  g_free (f->content_type);
  g_bytes_unref (f->bytes);
  g_free (f);
}

/* Faults are reference counted: a request on a streamed path holds the
 * ones chosen for it as it began, applied (or not) later. */
static void
fault_clear (gpointer data)
{
  Fault *f = data;

  g_free (f->method);
  g_free (f->path);
  g_free (f->name);
  g_free (f->content_type);
  g_free (f->headers);
  g_free (f->body);
  g_clear_object (&f->cancellable);
}

static void
fault_unref (gpointer data)
{
  g_rc_box_release_full (data, fault_clear);
}

static void
media_free (gpointer data)
{
  Media *m = data;

  g_free (m->slug);
  g_free (m->filename);
  g_free (m->mime_type);
  g_free (m->description);
  g_free (m);
}

static void
post_free (gpointer data)
{
  Post *p = data;

  g_free (p->slug);
  g_free (p->status);
  g_free (p->title);
  g_free (p->content);
  g_free (p->visibility);
  g_clear_pointer (&p->media_ids, g_ptr_array_unref);
  g_free (p);
}

/* responses ------------------------------------------------------------- */

static void
respond_node (SoupServerMessage *msg,
              guint              status,
              JsonNode          *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  char *text;
  gsize len;

  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, &len);
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json; charset=UTF-8",
                                    SOUP_MEMORY_TAKE, text, len);
  json_node_unref (node);
}

static JsonNode *
build (JsonBuilder *builder)
{
  JsonNode *node = json_builder_get_root (builder);

  g_object_unref (builder);
  return node;
}

static void
respond_mastodon_error (SoupServerMessage *msg,
                        guint              status,
                        const char        *message)
{
  JsonBuilder *b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "error");
  json_builder_add_string_value (b, message);
  json_builder_end_object (b);
  respond_node (msg, status, build (b));
}

static void
respond_wp_error (SoupServerMessage *msg,
                  guint              status,
                  const char        *code,
                  const char        *message,
                  const char        *param,
                  const char        *param_code)
{
  JsonBuilder *b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "code");
  json_builder_add_string_value (b, code);
  json_builder_set_member_name (b, "message");
  json_builder_add_string_value (b, message);
  json_builder_set_member_name (b, "data");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "status");
  json_builder_add_int_value (b, status);
  if (param)
    {
      json_builder_set_member_name (b, "params");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, param);
      json_builder_add_string_value (b, message);
      json_builder_end_object (b);
      json_builder_set_member_name (b, "details");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, param);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "code");
      json_builder_add_string_value (b, param_code);
      json_builder_set_member_name (b, "message");
      json_builder_add_string_value (b, message);
      json_builder_set_member_name (b, "data");
      json_builder_add_null_value (b);
      json_builder_end_object (b);
      json_builder_end_object (b);
    }
  json_builder_end_object (b);
  json_builder_end_object (b);
  respond_node (msg, status, build (b));
}

static char *
iso8601_in (gint64 seconds)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) then = g_date_time_add_seconds (now, (double) seconds);

  return g_date_time_format (then, "%Y-%m-%dT%H:%M:%S.%fZ");
}

static void
add_mastodon_rate_headers (SoupServerMessage *msg,
                           guint              remaining,
                           gint64             reset_in)
{
  SoupMessageHeaders *h = soup_server_message_get_response_headers (msg);
  g_autofree char *reset = iso8601_in (reset_in);
  g_autofree char *left = g_strdup_printf ("%u", remaining);

  soup_message_headers_replace (h, "X-RateLimit-Limit", "300");
  soup_message_headers_replace (h, "X-RateLimit-Remaining", left);
  soup_message_headers_replace (h, "X-RateLimit-Reset", reset);
}

/* What a proxy in front of either platform answers: not JSON. */
static void
respond_html (SoupServerMessage *msg,
              guint              status)
{
  g_autofree char *body = g_strdup_printf ("<html><body><h1>%u %s</h1></body></html>", status,
                                           soup_status_get_phrase (status));

  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_COPY, body, strlen (body));
}

static void
respond_fault_status (WartaTestServer   *self,
                      SoupServerMessage *msg,
                      guint              status)
{
  if (self->ops)
    self->ops->respond_status (self, msg, status);
  else if (status == SOUP_STATUS_SERVICE_UNAVAILABLE || status == SOUP_STATUS_BAD_GATEWAY)
    respond_html (msg, status);
  else if (self->platform == WARTA_TEST_MASTODON)
    respond_mastodon_error (msg, status, soup_status_get_phrase (status));
  else
    respond_wp_error (msg, status, "internal_server_error",
                      "There has been a critical error on this website.", NULL, NULL);
}

static void
respond_rate_limited (WartaTestServer   *self,
                      SoupServerMessage *msg,
                      guint              seconds)
{
  SoupMessageHeaders *h = soup_server_message_get_response_headers (msg);

  if (self->ops)
    self->ops->respond_rate_limited (self, msg, seconds);
  else if (self->platform == WARTA_TEST_MASTODON)
    {
      /* Mastodon tells the time in X-RateLimit-Reset only (ISO 8601). */
      add_mastodon_rate_headers (msg, 0, seconds);
      respond_mastodon_error (msg, 429, "Too many requests");
    }
  else
    {
      /* WordPress has none; hosts and WAFs send Retry-After. */
      g_autofree char *after = g_strdup_printf ("%u", seconds);

      soup_message_headers_replace (h, "Retry-After", after);
      respond_wp_error (msg, 429, "too_many_requests", "Too many requests.", NULL, NULL);
    }
}

static gboolean
steal_and_close_cb (gpointer data)
{
  SoupServerMessage *msg = data;
  GIOStream *stream = soup_server_message_steal_connection (msg);

  if (stream)
    {
      g_io_stream_close (stream, NULL, NULL);
      g_object_unref (stream);
    }
  g_object_unref (msg);
  return G_SOURCE_REMOVE;
}

/* The client sent its request and never hears back. */
static void
drop_connection (SoupServerMessage *msg)
{
  soup_server_message_pause (msg);
  g_idle_add (steal_and_close_cb, g_object_ref (msg));
}

/* helpers --------------------------------------------------------------- */

static JsonNode *
parse_json_body (SoupServerMessage *msg)
{
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (body->length == 0 || !json_parser_load_from_data (parser, body->data, body->length, NULL))
    return NULL;
  return json_parser_steal_root (parser);
}

static const char *
object_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  if (node && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);
  return NULL;
}

static char *
sanitize_slug (const char *text)
{
  GString *s = g_string_new (NULL);
  g_autofree char *lower = g_utf8_strdown (text ? text : "", -1);

  for (const char *p = lower; *p; p++)
    {
      if (g_ascii_isalnum (*p) || *p == '_')
        g_string_append_c (s, *p);
      else if (s->len > 0 && s->str[s->len - 1] != '-')
        g_string_append_c (s, '-');
    }
  while (s->len > 0 && s->str[s->len - 1] == '-')
    g_string_truncate (s, s->len - 1);
  return g_string_free (s, FALSE);
}

static char *
unique_slug (GPtrArray  *items,
             const char *slug,
             gboolean    media)
{
  for (guint n = 1;; n++)
    {
      g_autofree char *candidate = n == 1 ? g_strdup (slug)
                                          : g_strdup_printf ("%s-%u", slug, n);
      gboolean taken = FALSE;

      for (guint i = 0; i < items->len && !taken; i++)
        {
          const char *other = media ? ((Media *) items->pdata[i])->slug
                                    : ((Post *) items->pdata[i])->slug;
          taken = g_strcmp0 (other, candidate) == 0;
        }
      if (!taken)
        return g_steal_pointer (&candidate);
    }
}

static Media *
find_media (WartaTestServer *self,
            gint64           id)
{
  for (guint i = 0; i < self->media->len; i++)
    if (((Media *) self->media->pdata[i])->id == id)
      return self->media->pdata[i];
  return NULL;
}

static Post *
find_post (WartaTestServer *self,
           gint64           id)
{
  for (guint i = 0; i < self->posts->len; i++)
    if (((Post *) self->posts->pdata[i])->id == id)
      return self->posts->pdata[i];
  return NULL;
}

static char *
media_url (WartaTestServer *self,
           Media           *m)
{
  if (self->platform == WARTA_TEST_MASTODON)
    return g_strdup_printf ("%s/system/media_attachments/files/%" G_GINT64_FORMAT "/original/%s",
                            self->url, m->id, m->filename);
  return g_strdup_printf ("%s/wp-content/uploads/2026/11/%s", self->url, m->filename);
}

/* Mastodon ------------------------------------------------------------ */

static gboolean
mastodon_authorized (WartaTestServer   *self,
                     SoupServerMessage *msg)
{
  const char *auth = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                   "Authorization");

  if (!self->revoked && g_strcmp0 (auth, "Bearer " WARTA_TEST_MASTODON_TOKEN) == 0)
    return TRUE;
  respond_mastodon_error (msg, 401, "The access token is invalid");
  return FALSE;
}

static JsonNode *
mastodon_media_json (WartaTestServer *self,
                     Media           *m)
{
  JsonBuilder *b = json_builder_new ();
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, m->id);
  g_autofree char *url = media_url (self, m);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, id);
  json_builder_set_member_name (b, "type");
  json_builder_add_string_value (b, g_str_has_prefix (m->mime_type, "video/") ? "video" : "image");
  json_builder_set_member_name (b, "url");
  if (m->processing > 0)
    json_builder_add_null_value (b);
  else
    json_builder_add_string_value (b, url);
  json_builder_set_member_name (b, "preview_url");
  json_builder_add_string_value (b, url);
  json_builder_set_member_name (b, "description");
  if (m->description)
    json_builder_add_string_value (b, m->description);
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "blurhash");
  json_builder_add_null_value (b);
  json_builder_end_object (b);
  return build (b);
}

static void
mastodon_upload_media (WartaTestServer   *self,
                       SoupServerMessage *msg)
{
  g_autoptr(SoupMultipart) multipart = NULL;
  SoupMessageHeaders *part_headers = NULL;
  GBytes *part_body = NULL;
  g_autoptr(GHashTable) params = NULL;
  g_autoptr(GBytes) whole = NULL;
  const char *filename = NULL;
  const char *content_type;
  Media *m;
  int file_index = -1;

  whole = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  multipart = soup_multipart_new_from_message (soup_server_message_get_request_headers (msg), whole);
  if (multipart == NULL)
    {
      respond_mastodon_error (msg, 422, "Validation failed: File can't be blank");
      return;
    }

  m = g_new0 (Media, 1);
  for (int i = 0; i < soup_multipart_get_length (multipart); i++)
    {
      g_autofree char *disposition = NULL;
      g_autoptr(GHashTable) part_params = NULL;

      if (!soup_multipart_get_part (multipart, i, &part_headers, &part_body))
        continue;
      if (!soup_message_headers_get_content_disposition (part_headers, &disposition, &part_params))
        continue;
      if (g_strcmp0 (g_hash_table_lookup (part_params, "name"), "file") == 0)
        {
          file_index = i;
          filename = g_hash_table_lookup (part_params, "filename");
          m->filename = g_strdup (filename ? filename : "file");
          m->size = g_bytes_get_size (part_body);
          g_free (self->upload_sha1);
          self->upload_sha1 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA1, part_body);
          self->upload_size = m->size;
          content_type = soup_message_headers_get_content_type (part_headers, NULL);
          m->mime_type = g_strdup (content_type ? content_type : "application/octet-stream");
        }
      else if (g_strcmp0 (g_hash_table_lookup (part_params, "name"), "description") == 0)
        m->description = g_strndup (g_bytes_get_data (part_body, NULL), g_bytes_get_size (part_body));
    }

  if (file_index < 0 || m->size == 0)
    {
      media_free (m);
      respond_mastodon_error (msg, 422, "Validation failed: File can't be blank");
      return;
    }
  if (!g_str_has_prefix (m->mime_type, "image/") && !g_str_has_prefix (m->mime_type, "video/") &&
      !g_str_has_prefix (m->mime_type, "audio/"))
    {
      media_free (m);
      respond_mastodon_error (msg, 422, "Validation failed: File content type is invalid, File is invalid");
      return;
    }

  m->id = self->next_id++;
  m->processing = self->processing_polls;
  g_ptr_array_add (self->media, m);
  add_mastodon_rate_headers (msg, 29, 1800);
  respond_node (msg, m->processing > 0 ? SOUP_STATUS_ACCEPTED : SOUP_STATUS_OK,
                mastodon_media_json (self, m));
}

static void
mastodon_get_media (WartaTestServer   *self,
                    SoupServerMessage *msg,
                    const char        *id_text)
{
  Media *m = find_media (self, g_ascii_strtoll (id_text, NULL, 10));

  if (m == NULL)
    {
      respond_mastodon_error (msg, 404, "Record not found");
      return;
    }
  if (m->processing > 0)
    {
      /* Still processing on this poll: 206, url null. */
      JsonNode *node = mastodon_media_json (self, m);

      m->processing--;
      respond_node (msg, SOUP_STATUS_PARTIAL_CONTENT, node);
      return;
    }
  respond_node (msg, SOUP_STATUS_OK, mastodon_media_json (self, m));
}

static gint64
mastodon_now (WartaTestServer *self)
{
  return g_get_real_time () + self->clock_offset_us;
}

/* The text as Mastodon's TextFormatter renders it: escaped, paragraphs at
 * blank lines, <br /> at line ends, links whose display is cut to 30
 * characters with the rest in invisible spans, hashtags as tag links. */
static char *
mastodon_content_html (WartaTestServer *self,
                       const char      *text)
{
  g_autoptr(GRegex) token = g_regex_new ("https?://\\S+|#\\w+", 0, 0, NULL);
  g_auto(GStrv) paragraphs = g_strsplit (text, "\n\n", -1);
  GString *html = g_string_new (NULL);

  for (guint i = 0; paragraphs[i]; i++)
    {
      g_autofree char *escaped = g_markup_escape_text (paragraphs[i], -1);
      g_autoptr(GMatchInfo) match = NULL;
      gint last = 0;

      g_string_append (html, "<p>");
      g_regex_match (token, escaped, 0, &match);
      while (g_match_info_matches (match))
        {
          g_autofree char *word = g_match_info_fetch (match, 0);
          gint start, end;

          g_match_info_fetch_pos (match, 0, &start, &end);
          g_string_append_len (html, escaped + last, start - last);
          if (word[0] == '#')
            g_string_append_printf (html, "<a href=\"%s/tags/%s\" class=\"mention hashtag\" "
                                          "rel=\"tag\">#<span>%s</span></a>",
                                    self->url, word + 1, word + 1);
          else
            {
              const char *rest = strstr (word, "://") + 3;
              gsize shown = MIN (strlen (rest), 30);

              g_string_append_printf (html, "<a href=\"%s\" target=\"_blank\" rel=\"nofollow noopener\">"
                                            "<span class=\"invisible\">%.*s</span>"
                                            "<span class=\"%s\">%.*s</span>"
                                            "<span class=\"invisible\">%s</span></a>",
                                      word, (int) (rest - word), word,
                                      strlen (rest) > 30 ? "ellipsis" : "", (int) shown, rest,
                                      rest + shown);
            }
          last = end;
          g_match_info_next (match, NULL);
        }
      g_string_append (html, escaped + last);
      g_string_append (html, "</p>");
    }
  {
    g_autoptr(GString) lines = html;

    g_string_replace (lines, "\n", "<br />", 0);
    return g_string_free (g_steal_pointer (&lines), FALSE);
  }
}

static JsonNode *
mastodon_status_json (WartaTestServer *self,
                      Post            *p)
{
  JsonBuilder *b = json_builder_new ();
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, p->id);
  g_autofree char *url = g_strdup_printf ("%s/@warta/%s", self->url, id);
  g_autofree char *uri = g_strdup_printf ("%s/users/warta/statuses/%s", self->url, id);
  g_autofree char *content = mastodon_content_html (self, p->content);
  g_autoptr(GDateTime) created = g_date_time_new_from_unix_utc (p->created_at / G_USEC_PER_SEC);
  g_autofree char *created_at = g_date_time_format (created, "%Y-%m-%dT%H:%M:%S.000Z");

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, id);
  json_builder_set_member_name (b, "created_at");
  json_builder_add_string_value (b, created_at);
  json_builder_set_member_name (b, "account");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, MASTODON_ACCOUNT_ID);
  json_builder_set_member_name (b, "username");
  json_builder_add_string_value (b, "warta");
  json_builder_end_object (b);
  json_builder_set_member_name (b, "uri");
  json_builder_add_string_value (b, uri);
  json_builder_set_member_name (b, "url");
  json_builder_add_string_value (b, url);
  json_builder_set_member_name (b, "content");
  json_builder_add_string_value (b, content);
  json_builder_set_member_name (b, "visibility");
  json_builder_add_string_value (b, p->visibility);
  json_builder_set_member_name (b, "media_attachments");
  json_builder_begin_array (b);
  for (guint i = 0; i < p->media_ids->len; i++)
    {
      Media *m = find_media (self, g_ascii_strtoll (p->media_ids->pdata[i], NULL, 10));

      if (m)
        json_builder_add_value (b, mastodon_media_json (self, m));
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  return build (b);
}

static void
mastodon_post_status (WartaTestServer   *self,
                      SoupServerMessage *msg)
{
  SoupMessageHeaders *h = soup_server_message_get_request_headers (msg);
  const char *key = soup_message_headers_get_one (h, "Idempotency-Key");
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object = NULL;
  JsonArray *ids = NULL;
  const char *text;
  const char *visibility;
  JsonNode *node;
  Post *p;

  /* A repeated key returns the status it made the first time, for an
   * hour; then the key is forgotten. */
  if (key && g_hash_table_contains (self->idempotency, key))
    {
      Remembered *stored = g_hash_table_lookup (self->idempotency, key);

      if (mastodon_now (self) - stored->at < MASTODON_IDEMPOTENCY_US)
        {
          add_mastodon_rate_headers (msg, 299, 300);
          soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
          soup_server_message_set_response (msg, "application/json; charset=utf-8",
                                            SOUP_MEMORY_COPY, stored->json, strlen (stored->json));
          return;
        }
      g_hash_table_remove (self->idempotency, key);
    }

  root = parse_json_body (msg);
  if (root && JSON_NODE_HOLDS_OBJECT (root))
    object = json_node_get_object (root);
  if (object == NULL)
    {
      respond_mastodon_error (msg, 422, "Validation failed: Text can't be blank");
      return;
    }

  text = object_string (object, "status");
  visibility = object_string (object, "visibility");
  if (json_object_has_member (object, "media_ids") &&
      JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "media_ids")))
    ids = json_object_get_array_member (object, "media_ids");

  if ((text == NULL || *text == '\0') && (ids == NULL || json_array_get_length (ids) == 0))
    {
      respond_mastodon_error (msg, 422, "Validation failed: Text can't be blank");
      return;
    }
  if (text && self->instance.max_characters > 0 &&
      g_utf8_strlen (text, -1) > self->instance.max_characters)
    {
      g_autofree char *error = g_strdup_printf ("Validation failed: Text character limit of %u exceeded",
                                                self->instance.max_characters);

      respond_mastodon_error (msg, 422, error);
      return;
    }
  if (visibility && !g_strv_contains ((const char *[]) { "public", "unlisted", "private",
                                                         "direct", NULL }, visibility))
    {
      respond_mastodon_error (msg, 422, "Validation failed: Visibility is not included in the list");
      return;
    }

  /* PostStatusService: the instance's attachment limit (its
   * media_attachments.validations.too_many message). */
  if (ids && json_array_get_length (ids) > self->instance.max_media)
    {
      g_autofree char *error = g_strdup_printf ("Cannot attach more than %u files", self->instance.max_media);

      respond_mastodon_error (msg, 422, error);
      return;
    }

  p = g_new0 (Post, 1);
  p->media_ids = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; ids && i < json_array_get_length (ids); i++)
    {
      const char *id = json_array_get_string_element (ids, i);
      Media *m = id ? find_media (self, g_ascii_strtoll (id, NULL, 10)) : NULL;

      if (m == NULL)
        {
          post_free (p);
          respond_mastodon_error (msg, 422, "Validation failed: Media attachments are invalid");
          return;
        }
      if (m->processing > 0)
        {
          post_free (p);
          respond_mastodon_error (msg, 422, "Cannot attach files that have not finished processing. Try again in a moment!");
          return;
        }
      g_ptr_array_add (p->media_ids, g_strdup (id));
    }

  p->id = self->next_id++;
  p->created_at = mastodon_now (self);
  p->content = g_strdup (text ? text : "");
  p->visibility = g_strdup (visibility ? visibility : "public");
  g_ptr_array_add (self->posts, p);

  node = mastodon_status_json (self, p);
  if (key)
    {
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      Remembered *r = g_new0 (Remembered, 1);

      json_generator_set_root (generator, node);
      r->json = json_generator_to_data (generator, NULL);
      r->at = mastodon_now (self);
      g_hash_table_insert (self->idempotency, g_strdup (key), r);
    }
  add_mastodon_rate_headers (msg, 299, 300);
  respond_node (msg, SOUP_STATUS_OK, node);
}

/* GET /api/v1/accounts/verify_credentials: the token's account. */
static void
mastodon_account (WartaTestServer   *self,
                  SoupServerMessage *msg)
{
  JsonBuilder *b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, MASTODON_ACCOUNT_ID);
  json_builder_set_member_name (b, "username");
  json_builder_add_string_value (b, "warta");
  json_builder_set_member_name (b, "acct");
  json_builder_add_string_value (b, "warta");
  json_builder_set_member_name (b, "display_name");
  json_builder_add_string_value (b, "Inspektorat Provinsi");
  json_builder_end_object (b);
  add_mastodon_rate_headers (msg, 299, 300);
  respond_node (msg, SOUP_STATUS_OK, build (b));
}

/* GET /api/v1/accounts/:id/statuses: newest first, limit (default 20, at
 * most 40) before max_id. */
static void
mastodon_account_statuses (WartaTestServer   *self,
                           SoupServerMessage *msg,
                           const char        *account,
                           GHashTable        *query)
{
  const char *limit_s = query ? g_hash_table_lookup (query, "limit") : NULL;
  const char *max_id_s = query ? g_hash_table_lookup (query, "max_id") : NULL;
  gint64 max_id = max_id_s ? g_ascii_strtoll (max_id_s, NULL, 10) : G_MAXINT64;
  guint limit = limit_s ? (guint) CLAMP (g_ascii_strtoll (limit_s, NULL, 10), 1, 40) : 20;
  JsonBuilder *b;

  if (!g_str_equal (account, MASTODON_ACCOUNT_ID))
    {
      respond_mastodon_error (msg, 404, "Record not found");
      return;
    }
  b = json_builder_new ();
  json_builder_begin_array (b);
  for (guint i = self->posts->len; i > 0 && limit > 0; i--)
    {
      Post *p = self->posts->pdata[i - 1];

      if (p->id >= max_id)
        continue;
      json_builder_add_value (b, mastodon_status_json (self, p));
      limit--;
    }
  json_builder_end_array (b);
  add_mastodon_rate_headers (msg, 299, 300);
  respond_node (msg, SOUP_STATUS_OK, build (b));
}

/* GET /api/v2/instance (Mastodon 4.0 and later, §6.4) or
 * /api/v1/instance: the same configuration in both since Mastodon 3.4;
 * before it none, and old forks say the status length alone as
 * max_toot_chars. */
void
warta_test_mastodon_respond_instance (SoupServerMessage       *msg,
                                      const char              *path,
                                      const WartaTestInstance *instance)
{
  gboolean v1 = g_str_equal (path, "/api/v1/instance");
  const char *versions[] = {
    [WARTA_TEST_INSTANCE_V2] = "4.3.0",
    [WARTA_TEST_INSTANCE_V1] = "3.5.3",
    [WARTA_TEST_INSTANCE_V1_FORK] = "2.7.2 (compatible; Pleroma 2.5.0)",
    [WARTA_TEST_INSTANCE_V1_BARE] = "3.3.0",
  };
  JsonBuilder *b;
  const struct { const char *name; guint64 value; } statuses[] = {
    { "max_characters", instance->max_characters },
    { "max_media_attachments", instance->max_media },
    { "characters_reserved_per_url", instance->url_length },
  }, media[] = {
    { "image_size_limit", instance->image_size_limit },
    { "image_matrix_limit", 33177600 },
    { "video_size_limit", instance->video_size_limit },
    { "video_frame_rate_limit", 120 },
    { "video_matrix_limit", 8294400 },
    { "description_limit", instance->description_limit },
  };

  if (!v1 && instance->kind != WARTA_TEST_INSTANCE_V2)
    {
      respond_mastodon_error (msg, 404, "Record not found");
      return;
    }
  b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, v1 ? "uri" : "domain");
  json_builder_add_string_value (b, "127.0.0.1");
  json_builder_set_member_name (b, "title");
  json_builder_add_string_value (b, "Mastodon");
  json_builder_set_member_name (b, "version");
  json_builder_add_string_value (b, versions[instance->kind]);
  if (instance->kind == WARTA_TEST_INSTANCE_V1_FORK && instance->max_characters > 0)
    {
      json_builder_set_member_name (b, "max_toot_chars");
      json_builder_add_int_value (b, instance->max_characters);
    }
  if (instance->kind == WARTA_TEST_INSTANCE_V1_FORK ||
      instance->kind == WARTA_TEST_INSTANCE_V1_BARE)
    {
      json_builder_end_object (b);
      respond_node (msg, SOUP_STATUS_OK, build (b));
      return;
    }
  json_builder_set_member_name (b, "configuration");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "statuses");
  json_builder_begin_object (b);
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    if (statuses[i].value > 0)
      {
        json_builder_set_member_name (b, statuses[i].name);
        json_builder_add_int_value (b, (gint64) statuses[i].value);
      }
  json_builder_end_object (b);
  json_builder_set_member_name (b, "media_attachments");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "supported_mime_types");
  json_builder_begin_array (b);
  json_builder_add_string_value (b, "image/jpeg");
  json_builder_add_string_value (b, "image/png");
  json_builder_add_string_value (b, "video/mp4");
  json_builder_end_array (b);
  for (guint i = 0; i < G_N_ELEMENTS (media); i++)
    if (media[i].value > 0)
      {
        json_builder_set_member_name (b, media[i].name);
        json_builder_add_int_value (b, (gint64) media[i].value);
      }
  json_builder_end_object (b);
  json_builder_end_object (b);
  json_builder_end_object (b);
  respond_node (msg, SOUP_STATUS_OK, build (b));
}

static void
mastodon_oauth (WartaTestServer   *self,
                SoupServerMessage *msg,
                const char        *path,
                GHashTable        *query)
{
  JsonBuilder *b = json_builder_new ();

  json_builder_begin_object (b);
  if (g_str_equal (path, "/api/v1/apps"))
    {
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, "1");
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, "Warta");
      json_builder_set_member_name (b, "client_id");
      json_builder_add_string_value (b, "test-client-id");
      json_builder_set_member_name (b, "client_secret");
      json_builder_add_string_value (b, "test-client-secret");
      json_builder_set_member_name (b, "client_secret_expires_at");
      json_builder_add_int_value (b, 0);
    }
  else if (g_str_equal (path, "/oauth/token"))
    {
      json_builder_set_member_name (b, "access_token");
      json_builder_add_string_value (b, WARTA_TEST_MASTODON_TOKEN);
      json_builder_set_member_name (b, "token_type");
      json_builder_add_string_value (b, "Bearer");
      json_builder_set_member_name (b, "scope");
      json_builder_add_string_value (b, "read write:media write:statuses");
      json_builder_set_member_name (b, "created_at");
      json_builder_add_int_value (b, g_get_real_time () / G_USEC_PER_SEC);
    }
  else if (g_str_equal (path, "/oauth/authorize"))
    {
      const char *redirect = query ? g_hash_table_lookup (query, "redirect_uri") : NULL;
      const char *state = query ? g_hash_table_lookup (query, "state") : NULL;
      g_autofree char *location = g_strdup_printf ("%s?code=test-code&state=%s",
                                                   redirect ? redirect : "/", state ? state : "");

      json_builder_end_object (b);
      json_node_unref (build (b));
      soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, location);
      return;
    }
  else /* /api/v2/instance, /api/v1/instance */
    {
      g_object_unref (b);
      warta_test_mastodon_respond_instance (msg, path, &self->instance);
      return;
    }
  json_builder_end_object (b);
  respond_node (msg, SOUP_STATUS_OK, build (b));
}

/* DELETE /api/v1/statuses/:id: the deleted status, as it was; its
 * attachments go at once only with delete_media=true (Mastodon 4.4). */
static void
mastodon_delete_status (WartaTestServer   *self,
                        SoupServerMessage *msg,
                        const char        *id,
                        GHashTable        *query)
{
  Post *p = find_post (self, g_ascii_strtoll (id, NULL, 10));
  JsonNode *node;

  if (p == NULL)
    {
      respond_mastodon_error (msg, 404, "Record not found");
      return;
    }
  node = mastodon_status_json (self, p);
  if (query != NULL && g_strcmp0 (g_hash_table_lookup (query, "delete_media"), "true") == 0)
    for (guint i = 0; i < p->media_ids->len; i++)
      {
        Media *m = find_media (self, g_ascii_strtoll (p->media_ids->pdata[i], NULL, 10));

        if (m != NULL)
          g_ptr_array_remove (self->media, m);
      }
  g_ptr_array_remove (self->posts, p);
  self->n_deleted++;
  respond_node (msg, SOUP_STATUS_OK, node);
}

/* PUT /api/v1/statuses/:id (Mastodon ≥ 3.5): the status's new text, and
 * its attachments: those of media_ids, none without it (UpdateStatusService
 * drops what the edit does not name). Answers the Status. */
static void
mastodon_edit_status (WartaTestServer   *self,
                      SoupServerMessage *msg,
                      const char        *id)
{
  Post *p = find_post (self, g_ascii_strtoll (id, NULL, 10));
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object = NULL;
  JsonArray *ids = NULL;
  const char *text;

  if (p == NULL)
    {
      respond_mastodon_error (msg, 404, "Record not found");
      return;
    }
  root = parse_json_body (msg);
  if (root && JSON_NODE_HOLDS_OBJECT (root))
    object = json_node_get_object (root);
  text = object != NULL ? object_string (object, "status") : NULL;
  if (object != NULL && json_object_has_member (object, "media_ids") &&
      JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "media_ids")))
    ids = json_object_get_array_member (object, "media_ids");
  if ((text == NULL || *text == '\0') && (ids == NULL || json_array_get_length (ids) == 0))
    {
      respond_mastodon_error (msg, 422, "Validation failed: Text can't be blank");
      return;
    }
  if (text && self->instance.max_characters > 0 &&
      g_utf8_strlen (text, -1) > self->instance.max_characters)
    {
      g_autofree char *error = g_strdup_printf ("Validation failed: Text character limit of %u exceeded",
                                                self->instance.max_characters);

      respond_mastodon_error (msg, 422, error);
      return;
    }
  g_ptr_array_set_size (p->media_ids, 0);
  for (guint i = 0; ids && i < json_array_get_length (ids); i++)
    g_ptr_array_add (p->media_ids, g_strdup (json_array_get_string_element (ids, i)));
  g_free (p->content);
  p->content = g_strdup (text ? text : "");
  add_mastodon_rate_headers (msg, 298, 300);
  respond_node (msg, SOUP_STATUS_OK, mastodon_status_json (self, p));
}

static void
mastodon_dispatch (WartaTestServer   *self,
                   SoupServerMessage *msg,
                   const char        *path,
                   GHashTable        *query)
{
  const char *method = soup_server_message_get_method (msg);

  if (g_str_equal (path, "/api/v1/apps") || g_str_equal (path, "/oauth/token") ||
      g_str_equal (path, "/oauth/authorize") || g_str_equal (path, "/api/v2/instance") ||
      g_str_equal (path, "/api/v1/instance"))
    {
      mastodon_oauth (self, msg, path, query);
      return;
    }

  if (!mastodon_authorized (self, msg))
    return;

  if (g_str_equal (method, "POST") && g_str_equal (path, "/api/v2/media"))
    mastodon_upload_media (self, msg);
  else if (g_str_equal (method, "GET") && g_str_has_prefix (path, "/api/v1/media/"))
    mastodon_get_media (self, msg, path + strlen ("/api/v1/media/"));
  else if (g_str_equal (method, "POST") && g_str_equal (path, "/api/v1/statuses"))
    mastodon_post_status (self, msg);
  else if (g_str_equal (method, "DELETE") && g_str_has_prefix (path, "/api/v1/statuses/"))
    mastodon_delete_status (self, msg, path + strlen ("/api/v1/statuses/"), query);
  else if (g_str_equal (method, "PUT") && g_str_has_prefix (path, "/api/v1/statuses/"))
    mastodon_edit_status (self, msg, path + strlen ("/api/v1/statuses/"));
  else if (g_str_equal (method, "GET") && g_str_equal (path, "/api/v1/accounts/verify_credentials"))
    mastodon_account (self, msg);
  else if (g_str_equal (method, "GET") && g_str_has_prefix (path, "/api/v1/accounts/") &&
           g_str_has_suffix (path, "/statuses"))
    {
      g_autofree char *account = g_strndup (path + strlen ("/api/v1/accounts/"),
                                            strlen (path) - strlen ("/api/v1/accounts/") -
                                            strlen ("/statuses"));

      mastodon_account_statuses (self, msg, account, query);
    }
  else
    respond_mastodon_error (msg, 404, "Record not found");
}

/* WordPress ----------------------------------------------------------- */

static char *
strip_spaces (const char *s)
{
  GString *out = g_string_new (NULL);

  for (; s && *s; s++)
    if (*s != ' ')
      g_string_append_c (out, *s);
  return g_string_free (out, FALSE);
}

static gboolean
wp_authenticated (WartaTestServer   *self,
                  SoupServerMessage *msg)
{
  const char *auth = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                   "Authorization");
  g_autofree guchar *decoded = NULL;
  g_autofree char *text = NULL;
  g_autofree char *password = NULL;
  g_autofree char *expected = strip_spaces (WARTA_TEST_WP_APP_PASSWORD);
  gsize len;
  char *colon;

  if (self->revoked || auth == NULL || !g_str_has_prefix (auth, "Basic "))
    return FALSE;
  decoded = g_base64_decode (auth + strlen ("Basic "), &len);
  text = g_strndup ((const char *) decoded, len);
  colon = strchr (text, ':');
  if (colon == NULL)
    return FALSE;
  *colon = '\0';
  password = strip_spaces (colon + 1);
  return g_str_equal (text, WARTA_TEST_WP_USER) && g_str_equal (password, expected);
}

static void
wp_add_common_headers (WartaTestServer   *self,
                       SoupServerMessage *msg)
{
  SoupMessageHeaders *h = soup_server_message_get_response_headers (msg);
  g_autofree char *link = g_strdup_printf ("<%s/wp-json/>; rel=\"https://api.w.org/\"", self->url);

  soup_message_headers_replace (h, "Link", link);
  soup_message_headers_replace (h, "X-Content-Type-Options", "nosniff");
}

static JsonNode *
wp_media_json (WartaTestServer *self,
               Media           *m)
{
  JsonBuilder *b = json_builder_new ();
  g_autofree char *url = media_url (self, m);
  g_autofree char *link = g_strdup_printf ("%s/%s/", self->url, m->slug);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_int_value (b, m->id);
  json_builder_set_member_name (b, "slug");
  json_builder_add_string_value (b, m->slug);
  json_builder_set_member_name (b, "status");
  json_builder_add_string_value (b, "inherit");
  json_builder_set_member_name (b, "type");
  json_builder_add_string_value (b, "attachment");
  json_builder_set_member_name (b, "link");
  json_builder_add_string_value (b, link);
  json_builder_set_member_name (b, "media_type");
  json_builder_add_string_value (b, g_str_has_prefix (m->mime_type, "image/") ? "image" : "file");
  json_builder_set_member_name (b, "mime_type");
  json_builder_add_string_value (b, m->mime_type);
  json_builder_set_member_name (b, "source_url");
  json_builder_add_string_value (b, url);
  json_builder_set_member_name (b, "media_details");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "filesize");
  json_builder_add_int_value (b, (gint64) m->size);
  json_builder_set_member_name (b, "sizes");
  json_builder_begin_object (b);
  json_builder_end_object (b);
  json_builder_end_object (b);
  json_builder_end_object (b);
  return build (b);
}

static JsonNode *
wp_post_json (WartaTestServer *self,
              Post            *p)
{
  JsonBuilder *b = json_builder_new ();
  g_autofree char *link = g_str_equal (p->status, "publish")
                          ? g_strdup_printf ("%s/%s/", self->url, p->slug)
                          : g_strdup_printf ("%s/?p=%" G_GINT64_FORMAT, self->url, p->id);
  g_autofree char *rendered = g_markup_escape_text (p->title, -1);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_int_value (b, p->id);
  json_builder_set_member_name (b, "slug");
  json_builder_add_string_value (b, p->slug);
  json_builder_set_member_name (b, "status");
  json_builder_add_string_value (b, p->status);
  json_builder_set_member_name (b, "type");
  json_builder_add_string_value (b, "post");
  json_builder_set_member_name (b, "link");
  json_builder_add_string_value (b, link);
  json_builder_set_member_name (b, "title");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "raw");
  json_builder_add_string_value (b, p->title);
  json_builder_set_member_name (b, "rendered");
  json_builder_add_string_value (b, rendered);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "content");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "raw");
  json_builder_add_string_value (b, p->content);
  json_builder_set_member_name (b, "rendered");
  json_builder_add_string_value (b, p->content);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "featured_media");
  json_builder_add_int_value (b, p->featured_media);
  json_builder_end_object (b);
  return build (b);
}

static void
wp_created (WartaTestServer   *self,
            SoupServerMessage *msg,
            const char        *collection,
            gint64             id,
            JsonNode          *node)
{
  SoupMessageHeaders *h = soup_server_message_get_response_headers (msg);
  g_autofree char *location = g_strdup_printf ("%s/wp-json/wp/v2/%s/%" G_GINT64_FORMAT,
                                               self->url, collection, id);

  soup_message_headers_replace (h, "Location", location);
  if (g_str_equal (collection, "media"))
    {
      g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      soup_message_headers_replace (h, "X-WP-Upload-Attachment-ID", text);
    }
  respond_node (msg, SOUP_STATUS_CREATED, node);
}

static const char * const wp_allowed_types[] = {
  "image/jpeg", "image/png", "image/gif", "image/webp", "video/mp4", "video/quicktime",
  "application/pdf", NULL,
};

static void
wp_upload_media (WartaTestServer   *self,
                 SoupServerMessage *msg)
{
  SoupMessageHeaders *h = soup_server_message_get_request_headers (msg);
  g_autofree char *disposition = NULL;
  g_autoptr(GHashTable) params = NULL;
  g_autofree char *base = NULL;
  g_autofree char *slug = NULL;
  const char *content_type = soup_message_headers_get_content_type (h, NULL);
  const char *filename = NULL;
  guint64 size = self->upload_size;
  gboolean jpeg_magic = self->upload_head[0] == 0xFF && self->upload_head[1] == 0xD8;
  char *dot;
  Media *m;

  if (g_strcmp0 (content_type, "multipart/form-data") == 0)
    {
      g_autoptr(GBytes) whole = soup_message_body_flatten (soup_server_message_get_request_body (msg));
      g_autoptr(SoupMultipart) multipart = soup_multipart_new_from_message (h, whole);

      for (int i = 0; multipart && i < soup_multipart_get_length (multipart); i++)
        {
          SoupMessageHeaders *ph;
          GBytes *pb;
          g_autofree char *d = NULL;
          g_autoptr(GHashTable) pp = NULL;

          if (soup_multipart_get_part (multipart, i, &ph, &pb) &&
              soup_message_headers_get_content_disposition (ph, &d, &pp) &&
              g_strcmp0 (g_hash_table_lookup (pp, "name"), "file") == 0)
            {
              const guchar *data = g_bytes_get_data (pb, NULL);

              base = g_strdup (g_hash_table_lookup (pp, "filename"));
              content_type = soup_message_headers_get_content_type (ph, NULL);
              size = g_bytes_get_size (pb);
              jpeg_magic = size >= 2 && data[0] == 0xFF && data[1] == 0xD8;
              g_free (self->upload_sha1);
              self->upload_sha1 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA1, pb);
              self->upload_size = size;
            }
        }
      if (base == NULL)
        {
          respond_wp_error (msg, 400, "rest_upload_no_data", "No data supplied.", NULL, NULL);
          return;
        }
    }
  else
    {
      if (size == 0)
        {
          respond_wp_error (msg, 400, "rest_upload_no_data", "No data supplied.", NULL, NULL);
          return;
        }
      if (content_type == NULL)
        {
          respond_wp_error (msg, 400, "rest_upload_no_content_type", "No Content-Type supplied.",
                            NULL, NULL);
          return;
        }
      if (!soup_message_headers_get_content_disposition (h, &disposition, &params))
        {
          respond_wp_error (msg, 400, "rest_upload_no_content_disposition",
                            "No Content-Disposition supplied.", NULL, NULL);
          return;
        }
      filename = g_hash_table_lookup (params, "filename");
      if (filename == NULL || *filename == '\0')
        {
          respond_wp_error (msg, 400, "rest_upload_invalid_disposition",
                            "Invalid Content-Disposition supplied. Content-Disposition needs to be formatted as `attachment; filename=\"image.png\"` or similar.",
                            NULL, NULL);
          return;
        }
      base = g_strdup (filename);
    }

  /* Core checks the bytes, not only the header: a text file named .jpg is
   * refused, with a 500. */
  if (!g_strv_contains (wp_allowed_types, content_type ? content_type : "") ||
      (g_strcmp0 (content_type, "image/jpeg") == 0 && !jpeg_magic))
    {
      respond_wp_error (msg, 500, "rest_upload_sideload_error",
                        "Sorry, you are not allowed to upload this file type.", NULL, NULL);
      return;
    }

  m = g_new0 (Media, 1);
  m->id = self->next_id++;
  m->filename = g_strdup (base);
  dot = strrchr (base, '.');
  if (dot)
    *dot = '\0';
  slug = sanitize_slug (base);
  m->slug = unique_slug (self->media, slug, TRUE);
  m->mime_type = g_strdup (content_type);
  m->size = size;
  g_ptr_array_add (self->media, m);
  /* Served at its URL, as WordPress's web server does: Instagram fetches
   * it from there. */
  if (self->upload_keep != NULL && self->upload_keep->len == size)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (self->upload_keep->data, self->upload_keep->len);
      g_autofree char *url = media_url (self, m);

      warta_test_server_add_file (self, url + strlen (self->url), content_type, bytes);
    }
  g_clear_pointer (&self->upload_keep, g_byte_array_unref);
  wp_created (self, msg, "media", m->id, wp_media_json (self, m));
}

static const char * const wp_statuses[] = {
  "publish", "future", "draft", "pending", "private", NULL,
};

static void
wp_save_post (WartaTestServer   *self,
              SoupServerMessage *msg,
              Post              *existing)
{
  g_autoptr(JsonNode) root = parse_json_body (msg);
  JsonObject *object = root && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  const char *title;
  const char *content;
  const char *excerpt;
  const char *status;
  const char *slug;
  JsonNode *featured;
  gint64 featured_id = existing ? existing->featured_media : 0;
  Post *p;

  if (object == NULL)
    {
      respond_wp_error (msg, 400, "rest_invalid_json", "Invalid JSON body passed.", NULL, NULL);
      return;
    }

  title = object_string (object, "title");
  content = object_string (object, "content");
  excerpt = object_string (object, "excerpt");
  status = object_string (object, "status");
  slug = object_string (object, "slug");
  featured = json_object_get_member (object, "featured_media");

  if (status && !g_strv_contains (wp_statuses, status))
    {
      respond_wp_error (msg, 400, "rest_invalid_param", "Invalid parameter(s): status", "status",
                        "rest_not_in_enum");
      return;
    }
  if (featured)
    {
      if (!JSON_NODE_HOLDS_VALUE (featured) || json_node_get_value_type (featured) != G_TYPE_INT64)
        {
          respond_wp_error (msg, 400, "rest_invalid_param", "Invalid parameter(s): featured_media",
                            "featured_media", "rest_invalid_type");
          return;
        }
      /* Core ignores a missing attachment: the post is made without it. */
      featured_id = json_node_get_int (featured);
      if (featured_id != 0 && find_media (self, featured_id) == NULL)
        featured_id = 0;
    }
  if (existing == NULL && (title == NULL || !*title) && (content == NULL || !*content) &&
      (excerpt == NULL || !*excerpt))
    {
      respond_wp_error (msg, 400, "empty_content", "Content, title, and excerpt are empty.",
                        NULL, NULL);
      return;
    }

  if (existing)
    p = existing;
  else
    {
      g_autofree char *wanted = sanitize_slug (slug && *slug ? slug : title);

      p = g_new0 (Post, 1);
      p->id = self->next_id++;
      p->slug = unique_slug (self->posts, wanted, FALSE);
      p->status = g_strdup ("draft");
      p->title = g_strdup ("");
      p->content = g_strdup ("");
      g_ptr_array_add (self->posts, p);
    }
  if (title)
    {
      g_free (p->title);
      p->title = g_strdup (title);
    }
  if (content)
    {
      g_free (p->content);
      p->content = g_strdup (content);
    }
  if (status)
    {
      g_free (p->status);
      p->status = g_strdup (status);
    }
  p->featured_media = featured_id;

  if (existing)
    {
      wp_add_common_headers (self, msg);
      respond_node (msg, SOUP_STATUS_OK, wp_post_json (self, p));
    }
  else
    wp_created (self, msg, "posts", p->id, wp_post_json (self, p));
}

static void
wp_list (WartaTestServer   *self,
         SoupServerMessage *msg,
         GHashTable        *query,
         gboolean           media,
         gboolean           authenticated)
{
  const char *slug = query ? g_hash_table_lookup (query, "slug") : NULL;
  const char *status = query ? g_hash_table_lookup (query, "status") : NULL;
  const char *context = query ? g_hash_table_lookup (query, "context") : NULL;
  g_auto(GStrv) statuses = g_strsplit (status ? status : "publish", ",", -1);
  JsonBuilder *b;
  GPtrArray *items = media ? self->media : self->posts;
  g_autofree char *total = NULL;
  guint count = 0;

  /* Argument checks come before the permission check in core. */
  for (guint i = 0; !media && statuses[i]; i++)
    {
      if (!g_strv_contains (wp_statuses, statuses[i]) && !g_str_equal (statuses[i], "any"))
        {
          respond_wp_error (msg, 400, "rest_invalid_param", "Invalid parameter(s): status",
                            "status", "rest_not_in_enum");
          return;
        }
      if (!g_str_equal (statuses[i], "publish") && !authenticated)
        {
          respond_wp_error (msg, 400, "rest_invalid_param", "Invalid parameter(s): status",
                            "status", "rest_forbidden_status");
          return;
        }
    }
  if (g_strcmp0 (context, "edit") == 0 && !authenticated)
    {
      respond_wp_error (msg, 401, "rest_forbidden_context",
                        "Sorry, you are not allowed to edit posts in this post type.", NULL, NULL);
      return;
    }

  b = json_builder_new ();
  json_builder_begin_array (b);
  for (guint i = 0; i < items->len; i++)
    {
      if (media)
        {
          Media *m = items->pdata[i];

          if (slug && g_strcmp0 (slug, m->slug) != 0)
            continue;
          json_builder_add_value (b, wp_media_json (self, m));
        }
      else
        {
          Post *p = items->pdata[i];

          if (slug && g_strcmp0 (slug, p->slug) != 0)
            continue;
          if (!g_strv_contains ((const char * const *) statuses, p->status) &&
              !g_strv_contains ((const char * const *) statuses, "any"))
            continue;
          json_builder_add_value (b, wp_post_json (self, p));
        }
      count++;
    }
  json_builder_end_array (b);

  wp_add_common_headers (self, msg);
  total = g_strdup_printf ("%u", count);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "X-WP-Total", total);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "X-WP-TotalPages",
                                count > 0 ? "1" : "0");
  respond_node (msg, SOUP_STATUS_OK, build (b));
}

static void
wp_index (WartaTestServer   *self,
          SoupServerMessage *msg)
{
  JsonBuilder *b = json_builder_new ();
  g_autofree char *authorize = g_strdup_printf ("%s/wp-admin/authorize-application.php", self->url);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "name");
  json_builder_add_string_value (b, "Warta test site");
  json_builder_set_member_name (b, "url");
  json_builder_add_string_value (b, self->url);
  json_builder_set_member_name (b, "authentication");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "application-passwords");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "endpoints");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "authorization");
  json_builder_add_string_value (b, authorize);
  json_builder_end_object (b);
  json_builder_end_object (b);
  json_builder_end_object (b);
  json_builder_end_object (b);
  wp_add_common_headers (self, msg);
  respond_node (msg, SOUP_STATUS_OK, build (b));
}

/* DELETE /wp/v2/posts/<id> moves a post to the trash (force=true deletes
 * it); a post already there answers 410. An attachment cannot be
 * trashed: DELETE /wp/v2/media/<id> needs force=true, and then deletes
 * it (WordPress 6.x's answers, codes and messages). */
static void
wp_delete (WartaTestServer   *self,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gboolean           authenticated)
{
  gboolean media = g_str_has_prefix (path, "/wp-json/wp/v2/media/");
  gint64 id = g_ascii_strtoll (strrchr (path, '/') + 1, NULL, 10);
  gboolean force = query != NULL && (g_strcmp0 (g_hash_table_lookup (query, "force"), "true") == 0 ||
                                     g_strcmp0 (g_hash_table_lookup (query, "force"), "1") == 0);

  if (!authenticated)
    {
      respond_wp_error (msg, 401, "rest_cannot_delete",
                        "Sorry, you are not allowed to delete this post.", NULL, NULL);
      return;
    }
  if (media)
    {
      Media *m = find_media (self, id);
      JsonNode *node;

      if (m == NULL)
        {
          respond_wp_error (msg, 404, "rest_post_invalid_id", "Invalid post ID.", NULL, NULL);
          return;
        }
      if (!force)
        {
          respond_wp_error (msg, 501, "rest_trash_not_supported",
                            "Attachments do not support trashing. Set 'force' to true to delete.",
                            NULL, NULL);
          return;
        }
      node = wp_media_json (self, m);
      g_ptr_array_remove (self->media, m);
      respond_node (msg, SOUP_STATUS_OK, node);
      return;
    }

  {
    Post *p = find_post (self, id);

    if (p == NULL)
      respond_wp_error (msg, 404, "rest_post_invalid_id", "Invalid post ID.", NULL, NULL);
    else if (force)
      {
        JsonNode *node = wp_post_json (self, p);

        g_ptr_array_remove (self->posts, p);
        self->n_deleted++;
        respond_node (msg, SOUP_STATUS_OK, node);
      }
    else if (g_str_equal (p->status, "trash"))
      respond_wp_error (msg, 410, "rest_already_trashed", "The post has already been deleted.",
                        NULL, NULL);
    else
      {
        g_free (p->status);
        p->status = g_strdup ("trash");
        self->n_deleted++;
        respond_node (msg, SOUP_STATUS_OK, wp_post_json (self, p));
      }
  }
}

static void
wp_dispatch (WartaTestServer   *self,
             SoupServerMessage *msg,
             const char        *path,
             GHashTable        *query)
{
  const char *method = soup_server_message_get_method (msg);
  gboolean get = g_str_equal (method, "GET");
  gboolean post = g_str_equal (method, "POST");
  const char *auth = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                   "Authorization");
  gboolean authenticated = wp_authenticated (self, msg);

  if (g_str_equal (path, "/wp-json") || g_str_equal (path, "/wp-json/"))
    {
      wp_index (self, msg);
      return;
    }

  if (get && g_str_equal (path, "/wp-json/wp/v2/users/me"))
    {
      if (!authenticated)
        respond_wp_error (msg, 401, "rest_not_logged_in", "You are not currently logged in.",
                          NULL, NULL);
      else
        {
          JsonBuilder *b = json_builder_new ();

          json_builder_begin_object (b);
          json_builder_set_member_name (b, "id");
          json_builder_add_int_value (b, 1);
          json_builder_set_member_name (b, "name");
          json_builder_add_string_value (b, "Humas Inspektorat");
          json_builder_set_member_name (b, "slug");
          json_builder_add_string_value (b, WARTA_TEST_WP_USER);
          /* Only in the edit context, as WordPress does; an author's or
           * a subscriber's primitive capabilities. */
          if (g_strcmp0 (query ? g_hash_table_lookup (query, "context") : NULL, "edit") == 0)
            {
              json_builder_set_member_name (b, "capabilities");
              json_builder_begin_object (b);
              json_builder_set_member_name (b, "read");
              json_builder_add_boolean_value (b, TRUE);
              if (!self->wp_subscriber)
                {
                  json_builder_set_member_name (b, "upload_files");
                  json_builder_add_boolean_value (b, TRUE);
                  json_builder_set_member_name (b, "publish_posts");
                  json_builder_add_boolean_value (b, TRUE);
                  json_builder_set_member_name (b, "edit_posts");
                  json_builder_add_boolean_value (b, TRUE);
                }
              json_builder_set_member_name (b, self->wp_subscriber ? "subscriber" : "author");
              json_builder_add_boolean_value (b, TRUE);
              json_builder_end_object (b);
            }
          json_builder_end_object (b);
          respond_node (msg, SOUP_STATUS_OK, build (b));
        }
      return;
    }

  if (post && (g_str_equal (path, "/wp-json/wp/v2/media") ||
               g_str_has_prefix (path, "/wp-json/wp/v2/posts")))
    {
      /* Any failed or missing authentication gives the endpoint's
       * generic 401 (observed on 6.1: the message says "posts" for media). */
      if (!authenticated)
        {
          respond_wp_error (msg, 401, "rest_cannot_create",
                            "Sorry, you are not allowed to create posts as this user.", NULL, NULL);
          return;
        }
      if (g_str_equal (path, "/wp-json/wp/v2/media"))
        wp_upload_media (self, msg);
      else if (g_str_equal (path, "/wp-json/wp/v2/posts"))
        wp_save_post (self, msg, NULL);
      else
        {
          Post *p = find_post (self, g_ascii_strtoll (path + strlen ("/wp-json/wp/v2/posts/"),
                                                      NULL, 10));

          if (p == NULL)
            respond_wp_error (msg, 404, "rest_post_invalid_id", "Invalid post ID.", NULL, NULL);
          else
            wp_save_post (self, msg, p);
        }
      return;
    }

  if (g_str_equal (soup_server_message_get_method (msg), "DELETE") &&
      (g_str_has_prefix (path, "/wp-json/wp/v2/posts/") ||
       g_str_has_prefix (path, "/wp-json/wp/v2/media/")))
    {
      wp_delete (self, msg, path, query, authenticated);
      return;
    }

  if (get && g_str_equal (path, "/wp-json/wp/v2/posts"))
    {
      wp_list (self, msg, query, FALSE, authenticated);
      return;
    }
  if (get && g_str_equal (path, "/wp-json/wp/v2/media"))
    {
      wp_list (self, msg, query, TRUE, authenticated);
      return;
    }
  if (get && g_str_has_prefix (path, "/wp-json/wp/v2/posts/"))
    {
      Post *p = find_post (self, g_ascii_strtoll (path + strlen ("/wp-json/wp/v2/posts/"), NULL, 10));

      if (p == NULL)
        respond_wp_error (msg, 404, "rest_post_invalid_id", "Invalid post ID.", NULL, NULL);
      else if (!g_str_equal (p->status, "publish") && !authenticated)
        respond_wp_error (msg, 401, "rest_forbidden", "Sorry, you are not allowed to do that.",
                          NULL, NULL);
      else
        respond_node (msg, SOUP_STATUS_OK, wp_post_json (self, p));
      return;
    }

  (void) auth;
  respond_wp_error (msg, 404, "rest_no_route",
                    "No route was found matching the URL and request method.", NULL, NULL);
}

/* the server ------------------------------------------------------------ */

static void
dispatch (WartaTestServer   *self,
          SoupServerMessage *msg,
          const char        *path,
          GHashTable        *query)
{
  ServedFile *file = self->files ? g_hash_table_lookup (self->files, path) : NULL;

  if (file && g_str_equal (soup_server_message_get_method (msg), "GET"))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, file->content_type, SOUP_MEMORY_COPY,
                                        g_bytes_get_data (file->bytes, NULL),
                                        g_bytes_get_size (file->bytes));
    }
  else if (self->ops)
    self->ops->dispatch (self, msg, path, query);
  else if (self->platform == WARTA_TEST_MASTODON)
    mastodon_dispatch (self, msg, path, query);
  else
    wp_dispatch (self, msg, path, query);
}

/* A message paused by more than one party (the latency and a platform that
 * answers later, Instagram fetching an image) is answered once all of them
 * have let go. */
void
_warta_test_server_hold (SoupServerMessage *msg)
{
  guint holds = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (msg), "warta-holds"));

  if (holds == 0)
    soup_server_message_pause (msg);
  g_object_set_data (G_OBJECT (msg), "warta-holds", GUINT_TO_POINTER (holds + 1));
}

void
_warta_test_server_release (SoupServerMessage *msg)
{
  guint holds = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (msg), "warta-holds"));

  g_return_if_fail (holds > 0);
  g_object_set_data (G_OBJECT (msg), "warta-holds", GUINT_TO_POINTER (holds - 1));
  if (holds == 1)
    soup_server_message_unpause (msg);
}

typedef struct
{
  WartaTestServer *self;
  SoupServerMessage *msg;
  char *path;
  GHashTable *query;
  gboolean disconnected;
  guint source;
} Delayed;

static void
delayed_disconnected_cb (SoupServerMessage *msg,
                         gpointer           data)
{
  ((Delayed *) data)->disconnected = TRUE;
}

static void
delayed_free (gpointer data)
{
  Delayed *d = data;

  g_signal_handlers_disconnect_by_func (d->msg, delayed_disconnected_cb, d);
  g_object_unref (d->msg);
  g_free (d->path);
  g_clear_pointer (&d->query, g_hash_table_unref);
  g_free (d);
}

/* The server keeps its timeouts: freed, it removes them. */
static void
delay (Delayed     *d,
       guint        ms,
       GSourceFunc  func)
{
  d->source = g_timeout_add (ms, func, d);
  g_hash_table_add (d->self->delayed, d);
}

static gboolean
delayed_cb (gpointer data)
{
  Delayed *d = data;

  g_hash_table_remove (d->self->delayed, d);
  if (!d->disconnected)
    {
      dispatch (d->self, d->msg, d->path, d->query);
      _warta_test_server_release (d->msg);
    }
  delayed_free (d);
  return G_SOURCE_REMOVE;
}

static gboolean
delayed_answer_cb (gpointer data)
{
  Delayed *d = data;

  g_hash_table_remove (d->self->delayed, d);
  if (!d->disconnected)
    _warta_test_server_release (d->msg);
  delayed_free (d);
  return G_SOURCE_REMOVE;
}

/* What a proxy or a changed platform may say instead: @fault's status,
 * headers and body as they are, whatever the platform answered. */
static void
respond_answer (SoupServerMessage *msg,
                Fault             *fault)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  g_auto(GStrv) lines = g_strsplit (fault->headers ? fault->headers : "", "\n", -1);

  soup_message_headers_clear (headers);
  /* set_response() appends to what the platform answered. */
  soup_message_body_truncate (soup_server_message_get_response_body (msg));
  for (guint i = 0; lines[i]; i++)
    {
      char *colon = strchr (lines[i], ':');

      if (colon == NULL)
        continue;
      *colon = '\0';
      soup_message_headers_replace (headers, g_strstrip (lines[i]), g_strstrip (colon + 1));
    }
  soup_server_message_set_status (msg, fault->param, NULL);
  soup_server_message_set_response (msg, fault->content_type, SOUP_MEMORY_COPY,
                                    fault->body ? fault->body : "",
                                    fault->body ? strlen (fault->body) : 0);
}

/* Every fault counts every request it matches, chosen or not; @chosen:
 * the first one queued for this request, @cancel: the first cancel at it
 * (those do not take the request). Drop-mid-body faults only on
 * streamed paths, where requests are counted as their headers come in. */
static void
count_request (WartaTestServer  *self,
               const char       *method,
               const char       *path,
               gboolean          streamed,
               Fault           **chosen,
               Fault           **cancel)
{
  *chosen = NULL;
  *cancel = NULL;
  for (guint i = 0; i < self->faults->len; i++)
    {
      Fault *f = self->faults->pdata[i];
      Fault **slot = f->kind == WARTA_TEST_FAULT_CANCEL ? cancel : chosen;

      if (!g_str_equal (f->method, method) || !g_str_has_prefix (path, f->path))
        continue;
      if (f->kind == WARTA_TEST_FAULT_DROP_MID_BODY && !streamed)
        continue;
      f->seen++;
      if (*slot == NULL && (f->nth == 0 || f->nth == f->seen))
        {
          *slot = f;
          f->taken++;
        }
    }
}

static gboolean
cancel_idle_cb (gpointer data)
{
  g_cancellable_cancel (data);
  return G_SOURCE_REMOVE;
}

static void
server_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  WartaTestServer *self = user_data;
  const char *method = soup_server_message_get_method (msg);
  Fault *fault;
  Fault *cancel;

  g_ptr_array_add (self->requests, g_strdup_printf ("%s %s", method, path));
  g_clear_pointer (&self->last_headers, soup_message_headers_unref);
  self->last_headers = soup_message_headers_ref (soup_server_message_get_request_headers (msg));
  if (self->upload_sum)
    {
      g_free (self->upload_sha1);
      self->upload_sha1 = g_strdup (g_checksum_get_string (self->upload_sum));
      g_clear_pointer (&self->upload_sum, g_checksum_free);
    }

  if (g_object_get_data (G_OBJECT (msg), "warta-test-counted"))
    {
      /* Counted by streamed_early_cb(): its fault, now that the body came. */
      fault = g_object_get_data (G_OBJECT (msg), "warta-test-fault");
      cancel = g_object_get_data (G_OBJECT (msg), "warta-test-cancel");
    }
  else
    count_request (self, method, path, FALSE, &fault, &cancel);
  if (cancel)
    {
      /* Once the fault is in place: the client waits for the answer. */
      cancel->fired++;
      g_idle_add_full (G_PRIORITY_DEFAULT, cancel_idle_cb, g_object_ref (cancel->cancellable),
                       g_object_unref);
    }
  if (fault)
    {
      fault->fired++;
      switch (fault->kind)
        {
        case WARTA_TEST_FAULT_STATUS:
          respond_fault_status (self, msg, fault->param);
          return;
        case WARTA_TEST_FAULT_RATE_LIMIT:
          respond_rate_limited (self, msg, fault->param);
          return;
        case WARTA_TEST_FAULT_DROP:
          drop_connection (msg);
          return;
        case WARTA_TEST_FAULT_DROP_AFTER_COMMIT:
          dispatch (self, msg, path, query);
          drop_connection (msg);
          return;
        case WARTA_TEST_FAULT_DELAY:
          {
            Delayed *d = g_new0 (Delayed, 1);

            d->self = self;
            d->msg = g_object_ref (msg);
            d->path = g_strdup (path);
            d->query = query ? g_hash_table_ref (query) : NULL;
            g_signal_connect (msg, "disconnected", G_CALLBACK (delayed_disconnected_cb), d);
            _warta_test_server_hold (msg);
            delay (d, fault->param, delayed_cb);
          }
          return;
        case WARTA_TEST_FAULT_PLATFORM_ERROR:
          if (self->ops && self->ops->respond_error)
            self->ops->respond_error (self, msg, fault->name);
          else
            respond_fault_status (self, msg, 400);
          return;
        case WARTA_TEST_FAULT_ANSWER_AFTER_COMMIT:
          dispatch (self, msg, path, query);
          G_GNUC_FALLTHROUGH;
        case WARTA_TEST_FAULT_ANSWER:
          respond_answer (msg, fault);
          return;
        case WARTA_TEST_FAULT_DROP_MID_BODY:
        case WARTA_TEST_FAULT_CANCEL:
        default:
          g_assert_not_reached ();
        }
    }

  if (self->latency_max_ms > 0)
    {
      guint ms = (guint) g_rand_int_range (self->latency_rand, 0, (gint32) self->latency_max_ms + 1);
      Delayed *d = g_new0 (Delayed, 1);

      d->self = self;
      d->msg = g_object_ref (msg);
      g_signal_connect (msg, "disconnected", G_CALLBACK (delayed_disconnected_cb), d);
      if (g_rand_boolean (self->latency_rand))
        {
          /* Slow to do the work: a client that dies meanwhile leaves nothing. */
          d->path = g_strdup (path);
          d->query = query ? g_hash_table_ref (query) : NULL;
          _warta_test_server_hold (msg);
          delay (d, ms, delayed_cb);
          return;
        }
      /* Slow to answer: the work is done, the client may die unanswered. */
      dispatch (self, msg, path, query);
      _warta_test_server_hold (msg);
      delay (d, ms, delayed_answer_cb);
      return;
    }

  dispatch (self, msg, path, query);
}

/* Raw uploads up to this size are kept to be served back. */
#define KEEP_MAX (8 * 1024 * 1024)

static void
got_chunk_cb (SoupServerMessage *msg,
              GBytes            *chunk,
              gpointer           user_data)
{
  WartaTestServer *self = user_data;
  gsize len;
  const guchar *data = g_bytes_get_data (chunk, &len);

  for (gsize i = 0; i < len && self->upload_size + i < sizeof self->upload_head; i++)
    self->upload_head[self->upload_size + i] = data[i];
  self->upload_size += len;
  g_checksum_update (self->upload_sum, data, len);
  if (self->upload_keep != NULL && self->upload_keep->len + len <= KEEP_MAX)
    g_byte_array_append (self->upload_keep, data, (guint) len);
  else
    g_clear_pointer (&self->upload_keep, g_byte_array_unref);
}

/* Large raw uploads are counted and hashed as they arrive, never kept:
 * the server's memory must not hide the client's. */
static void
early_cb (SoupServer        *server,
          SoupServerMessage *msg,
          const char        *path,
          GHashTable        *query,
          gpointer           user_data)
{
  WartaTestServer *self = user_data;
  SoupMessageHeaders *h = soup_server_message_get_request_headers (msg);
  const char *type = soup_message_headers_get_content_type (h, NULL);

  if (!g_str_equal (soup_server_message_get_method (msg), "POST") ||
      g_strcmp0 (type, "multipart/form-data") == 0)
    return;

  self->upload_size = 0;
  memset (self->upload_head, 0, sizeof self->upload_head);
  g_clear_pointer (&self->upload_sum, g_checksum_free);
  self->upload_sum = g_checksum_new (G_CHECKSUM_SHA1);
  g_clear_pointer (&self->upload_keep, g_byte_array_unref);
  self->upload_keep = g_byte_array_new ();
  soup_message_body_set_accumulate (soup_server_message_get_request_body (msg), FALSE);
  g_signal_connect (msg, "got-chunk", G_CALLBACK (got_chunk_cb), self);
}

static WartaTestServer *
server_new (WartaTestPlatform           platform,
            const WartaTestPlatformOps *ops,
            GTlsCertificate            *certificate);

WartaTestServer *
warta_test_server_new (WartaTestPlatform platform)
{
  g_return_val_if_fail (platform == WARTA_TEST_MASTODON || platform == WARTA_TEST_WORDPRESS, NULL);
  return server_new (platform, NULL, NULL);
}

/* A self-signed certificate for 127.0.0.1 (until 2126) and its key, made
 * for these tests with `openssl req -x509 -newkey ec`: a client trusts it
 * only when told to. */
static const char test_certificate_pem[] =
  "-----BEGIN CERTIFICATE-----\n"
  "MIIBkDCCATagAwIBAgIUETMhoWGWngUUwPxITyeayAZyxHAwCgYIKoZIzj0EAwIw\n"
  "FDESMBAGA1UEAwwJMTI3LjAuMC4xMCAXDTI2MTEyODAyMzI1N1oYDzIxMjYxMTA0\n"
  "MDIzMjU3WjAUMRIwEAYDVQQDDAkxMjcuMC4wLjEwWTATBgcqhkjOPQIBBggqhkjO\n"
  "PQMBBwNCAAT+F3j+kI22PUj48qXqE2hSZBILOUz0/iCFxaumZIRc8V8Q42Bw/s3M\n"
  "RAwJp0PpvVEWiMvd/gKNhL1xkOf+/r3Ko2QwYjAdBgNVHQ4EFgQUVF4QDQ0AcNol\n"
  "5xg0+t9jbRizrv4wHwYDVR0jBBgwFoAUVF4QDQ0AcNol5xg0+t9jbRizrv4wDwYD\n"
  "VR0TAQH/BAUwAwEB/zAPBgNVHREECDAGhwR/AAABMAoGCCqGSM49BAMCA0gAMEUC\n"
  "IQDPnqAJ5J9azbM8NnkjrjSrgdYDwl6jikWJTEqtBno0LgIgSNJHo+6O3MICep3y\n"
  "nwHcncKLuPqUqvTIUGUu92lFmBc=\n"
  "-----END CERTIFICATE-----\n";

static const char test_key_pem[] =
  "-----BEGIN PRIVATE KEY-----\n"
  "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgsnm3rbyVwVcpiRNo\n"
  "54jkFYfA4iwxDceMGoAmNmUSJ4+hRANCAAT+F3j+kI22PUj48qXqE2hSZBILOUz0\n"
  "/iCFxaumZIRc8V8Q42Bw/s3MRAwJp0PpvVEWiMvd/gKNhL1xkOf+/r3K\n"
  "-----END PRIVATE KEY-----\n";

/* The certificate warta_test_server_new_https() answers with, in PEM. */
const char *
warta_test_server_get_certificate_pem (void)
{
  return test_certificate_pem;
}

/* As warta_test_server_new(), answering https://127.0.0.1. */
WartaTestServer *
warta_test_server_new_https (WartaTestPlatform platform)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autofree char *pem = g_strconcat (test_certificate_pem, test_key_pem, NULL);

  g_return_val_if_fail (platform == WARTA_TEST_MASTODON || platform == WARTA_TEST_WORDPRESS, NULL);
  certificate = g_tls_certificate_new_from_pem (pem, -1, &error);
  g_assert_no_error (error);
  return server_new (platform, NULL, certificate);
}

WartaTestServer *
_warta_test_server_new_with_ops (WartaTestPlatform           platform,
                                 const WartaTestPlatformOps *ops)
{
  return server_new (platform, ops, NULL);
}

static WartaTestServer *
server_new (WartaTestPlatform           platform,
            const WartaTestPlatformOps *ops,
            GTlsCertificate            *certificate)
{
  WartaTestServer *self = g_new0 (WartaTestServer, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  GSList *uris;

  self->platform = platform;
  self->instance = (WartaTestInstance) WARTA_TEST_INSTANCE_DEFAULT;
  self->faults = g_ptr_array_new_with_free_func (fault_unref);
  self->delayed = g_hash_table_new (NULL, NULL);
  self->requests = g_ptr_array_new_with_free_func (g_free);
  self->media = g_ptr_array_new_with_free_func (media_free);
  self->posts = g_ptr_array_new_with_free_func (post_free);
  self->idempotency = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, remembered_free);
  self->next_id = platform == WARTA_TEST_MASTODON ? 109000000000000001 : 4;

  self->ops = ops;
  self->streamed = g_ptr_array_new_with_free_func (streamed_path_free);
  self->server = soup_server_new ("server-header", ops ? ops->server_header
                                                   : platform == WARTA_TEST_MASTODON
                                                   ? "Mastodon" : "Apache",
                                 "tls-certificate", certificate, NULL);
  soup_server_add_handler (self->server, NULL, server_cb, self, NULL);
  if (platform == WARTA_TEST_WORDPRESS)
    {
      /* A path with an early handler needs its own normal handler too: the
       * more specific entry shadows the default one. */
      soup_server_add_early_handler (self->server, "/wp-json/wp/v2/media", early_cb, self, NULL);
      soup_server_add_handler (self->server, "/wp-json/wp/v2/media", server_cb, self, NULL);
    }

  if (!soup_server_listen (self->server, address, certificate ? SOUP_SERVER_LISTEN_HTTPS : 0, &error))
    g_error ("The test server cannot listen on 127.0.0.1: %s", error->message);

  uris = soup_server_get_uris (self->server);
  g_assert_nonnull (uris);
  {
    GUri *uri = uris->data;

    self->url = g_strdup_printf ("%s://127.0.0.1:%d", certificate ? "https" : "http",
                                 g_uri_get_port (uri));
  }
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  if (ops)
    self->ops_state = ops->state_new (self);
  return self;
}

void
warta_test_server_free (WartaTestServer *self)
{
  if (self == NULL)
    return;
  /* A test that failed already has said what went wrong. */
  if (!g_test_failed ())
    _warta_test_server_assert_faults_used (self, __FILE__, __LINE__, G_STRFUNC);
  {
    GHashTableIter iter;
    gpointer d;

    g_hash_table_iter_init (&iter, self->delayed);
    while (g_hash_table_iter_next (&iter, &d, NULL))
      {
        g_source_remove (((Delayed *) d)->source);
        delayed_free (d);
      }
    g_hash_table_unref (self->delayed);
  }
  soup_server_disconnect (self->server);
  g_clear_object (&self->server);
  if (self->ops)
    self->ops->state_free (self->ops_state);
  g_ptr_array_unref (self->streamed);
  g_clear_pointer (&self->files, g_hash_table_unref);
  g_free (self->file_sha256);
  g_free (self->url);
  g_ptr_array_unref (self->faults);
  g_ptr_array_unref (self->requests);
  g_ptr_array_unref (self->media);
  g_ptr_array_unref (self->posts);
  g_hash_table_unref (self->idempotency);
  g_clear_pointer (&self->last_headers, soup_message_headers_unref);
  g_clear_pointer (&self->upload_sum, g_checksum_free);
  g_free (self->upload_sha1);
  g_clear_pointer (&self->latency_rand, g_rand_free);
  g_clear_pointer (&self->upload_keep, g_byte_array_unref);
  g_free (self);
}

const char *
warta_test_server_get_url (WartaTestServer *self)
{
  return self->url;
}

void
warta_test_server_add_fault (WartaTestServer    *self,
                             const char         *method,
                             const char         *path,
                             guint               nth,
                             WartaTestFaultKind  kind,
                             guint               param)
{
  Fault *f = g_rc_box_new0 (Fault);

  f->method = g_strdup (method);
  f->path = g_strdup (path);
  f->nth = nth;
  f->kind = kind;
  f->param = param;
  g_ptr_array_add (self->faults, f);
}

static char *
describe_fault_kind (const Fault *f)
{
  switch (f->kind)
    {
    case WARTA_TEST_FAULT_STATUS:
      return g_strdup_printf ("status %u", f->param);
    case WARTA_TEST_FAULT_RATE_LIMIT:
      return g_strdup_printf ("rate limit, Retry-After %u s", f->param);
    case WARTA_TEST_FAULT_DROP_AFTER_COMMIT:
      return g_strdup ("drop after the work");
    case WARTA_TEST_FAULT_DROP:
      return g_strdup ("drop");
    case WARTA_TEST_FAULT_DELAY:
      return g_strdup_printf ("delay %u ms", f->param);
    case WARTA_TEST_FAULT_DROP_MID_BODY:
      return g_strdup_printf ("drop after %u body bytes", f->param);
    case WARTA_TEST_FAULT_PLATFORM_ERROR:
      return g_strdup_printf ("error \"%s\"", f->name);
    case WARTA_TEST_FAULT_ANSWER:
      return g_strdup_printf ("answer %u", f->param);
    case WARTA_TEST_FAULT_ANSWER_AFTER_COMMIT:
      return g_strdup_printf ("answer %u after the work", f->param);
    case WARTA_TEST_FAULT_CANCEL:
      return g_strdup ("cancel");
    default:
      g_assert_not_reached ();
    }
}

static char *
describe_why_unused (const Fault *f)
{
  if (f->kind == WARTA_TEST_FAULT_DROP_MID_BODY && f->taken > 0)
    return g_strdup_printf ("the body of its request ended before %u bytes", f->param);
  if (f->taken > 0)
    return g_strdup ("its request began but its body never came whole");
  if (f->nth > 0 && f->seen < f->nth)
    return g_strdup_printf ("%u matching request(s) came after it was queued", f->seen);
  if (f->seen == 0)
    return g_strdup ("no matching request came after it was queued");
  return g_strdup ("a fault queued before it took the request");
}

guint
warta_test_server_count_unused_faults (WartaTestServer *self)
{
  guint n = 0;

  for (guint i = 0; i < self->faults->len; i++)
    if (((Fault *) self->faults->pdata[i])->fired == 0)
      n++;
  return n;
}

char *
warta_test_server_describe_unused_faults (WartaTestServer *self)
{
  GString *text = NULL;
  guint n = 0;

  for (guint i = 0; i < self->faults->len; i++)
    {
      Fault *f = self->faults->pdata[i];
      g_autofree char *kind = NULL;
      g_autofree char *why = NULL;
      g_autofree char *which = NULL;

      if (f->fired > 0)
        continue;
      if (++n > 6)
        continue;
      kind = describe_fault_kind (f);
      why = describe_why_unused (f);
      which = f->nth == 0 ? g_strdup ("every request")
                          : g_strdup_printf ("request %u", f->nth);
      if (text == NULL)
        text = g_string_new (NULL);
      else
        g_string_append (text, "; ");
      g_string_append_printf (text, "%s %s*, %s: %s (%s)", f->method, f->path, which, kind, why);
    }
  if (n > 6)
    g_string_append_printf (text, "; and %u more", n - 6);
  return text ? g_string_free (text, FALSE) : NULL;
}

void
_warta_test_server_assert_faults_used (WartaTestServer *self,
                                       const char      *file,
                                       int              line,
                                       const char      *func)
{
  g_autofree char *unused = warta_test_server_describe_unused_faults (self);
  g_autofree char *message = NULL;
  static const char * const names[] = {
    [WARTA_TEST_MASTODON] = "Mastodon", [WARTA_TEST_WORDPRESS] = "WordPress",
    [WARTA_TEST_YOUTUBE] = "YouTube", [WARTA_TEST_X] = "X",
    [WARTA_TEST_FACEBOOK] = "Facebook", [WARTA_TEST_INSTAGRAM] = "Instagram",
    [WARTA_TEST_TIKTOK] = "TikTok",
  };

  if (unused == NULL)
    return;
  message = g_strdup_printf ("%s test server %s: faults queued but never used: %s",
                             names[self->platform], self->url, unused);
  g_assertion_message (G_LOG_DOMAIN, file, line, func, message);
}

void
warta_test_server_set_instance (WartaTestServer         *self,
                                const WartaTestInstance *instance)
{
  self->instance = *instance;
}

void
warta_test_server_set_max_media (WartaTestServer *self,
                                 guint            max_media)
{
  self->instance.max_media = max_media;
}

void
warta_test_server_set_processing_polls (WartaTestServer *self,
                                        guint            polls)
{
  self->processing_polls = polls;
}

void
warta_test_server_advance_clock (WartaTestServer *self,
                                 gint64           seconds)
{
  self->clock_offset_us += seconds * G_USEC_PER_SEC;
}

void
warta_test_server_revoke_credentials (WartaTestServer *self)
{
  self->revoked = TRUE;
}

guint
warta_test_server_get_post_count (WartaTestServer *self)
{
  if (self->ops)
    return self->ops->post_count (self);
  return self->posts->len;
}

guint
warta_test_server_get_media_count (WartaTestServer *self)
{
  if (self->ops)
    return self->ops->media_count (self);
  return self->media->len;
}

/* The text (Mastodon's status, WordPress's content) and WordPress's title
 * of post @id as the server keeps it; NULL when there is none. */
const char *
warta_test_server_get_post_text (WartaTestServer *self,
                                 const char      *id)
{
  Post *p = find_post (self, g_ascii_strtoll (id, NULL, 10));

  return p != NULL ? p->content : NULL;
}

const char *
warta_test_server_get_post_title (WartaTestServer *self,
                                  const char      *id)
{
  Post *p = find_post (self, g_ascii_strtoll (id, NULL, 10));

  return p != NULL ? p->title : NULL;
}

/* Posts deleted (Mastodon) or moved to the trash (WordPress). */
guint
warta_test_server_get_deleted_count (WartaTestServer *self)
{
  return self->n_deleted;
}

guint
warta_test_server_count_requests (WartaTestServer *self,
                                  const char      *method,
                                  const char      *path)
{
  g_autofree char *prefix = g_strdup_printf ("%s %s", method, path);
  guint n = 0;

  for (guint i = 0; i < self->requests->len; i++)
    if (g_str_has_prefix (self->requests->pdata[i], prefix))
      n++;
  return n;
}

guint64
warta_test_server_get_last_upload_size (WartaTestServer *self)
{
  return self->upload_size;
}

const char *
warta_test_server_get_last_upload_sha1 (WartaTestServer *self)
{
  return self->upload_sha1;
}

const char *
warta_test_server_get_last_header (WartaTestServer *self,
                                   const char      *header)
{
  return self->last_headers ? soup_message_headers_get_one (self->last_headers, header) : NULL;
}

void
warta_test_server_add_answer (WartaTestServer *self,
                              const char      *method,
                              const char      *path,
                              guint            nth,
                              gboolean         commit,
                              guint            status,
                              const char      *headers,
                              const char      *content_type,
                              const char      *body)
{
  Fault *f;

  warta_test_server_add_fault (self, method, path, nth,
                               commit ? WARTA_TEST_FAULT_ANSWER_AFTER_COMMIT
                                      : WARTA_TEST_FAULT_ANSWER, status);
  f = self->faults->pdata[self->faults->len - 1];
  f->headers = g_strdup (headers);
  f->content_type = g_strdup (content_type);
  f->body = g_strdup (body);
}

void
warta_test_server_cancel_at (WartaTestServer *self,
                             const char      *method,
                             const char      *path,
                             guint            nth,
                             GCancellable    *cancellable)
{
  Fault *f;

  g_return_if_fail (nth > 0);
  warta_test_server_add_fault (self, method, path, nth, WARTA_TEST_FAULT_CANCEL, 0);
  f = self->faults->pdata[self->faults->len - 1];
  f->cancellable = g_object_ref (cancellable);
}

/* The platforms of warta-test-server-<platform>.c ----------------------- */

void
warta_test_server_add_error (WartaTestServer *self,
                             const char      *method,
                             const char      *path,
                             guint            nth,
                             const char      *name)
{
  Fault *f;

  warta_test_server_add_fault (self, method, path, nth, WARTA_TEST_FAULT_PLATFORM_ERROR, 0);
  f = self->faults->pdata[self->faults->len - 1];
  f->name = g_strdup (name);
}

void
warta_test_server_expire_sessions (WartaTestServer *self)
{
  if (self->ops && self->ops->expire)
    self->ops->expire (self);
}

void
warta_test_server_set_hashing (WartaTestServer *self,
                               gboolean         hashing)
{
  self->no_hashing = !hashing;
}

void
warta_test_server_set_wp_subscriber (WartaTestServer *self,
                                     gboolean         subscriber)
{
  self->wp_subscriber = subscriber;
}

guint64
warta_test_server_get_file_size (WartaTestServer *self)
{
  return self->file_size;
}

const char *
warta_test_server_get_file_sha256 (WartaTestServer *self)
{
  return self->file_sha256;
}

void
warta_test_server_add_file (WartaTestServer *self,
                            const char      *path,
                            const char      *content_type,
                            GBytes          *bytes)
{
  ServedFile *f = g_new0 (ServedFile, 1);

  if (self->files == NULL)
    self->files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, served_file_free);
  f->content_type = g_strdup (content_type);
  f->bytes = g_bytes_ref (bytes);
  g_hash_table_replace (self->files, g_strdup (path), f);
}

gpointer
_warta_test_server_get_state (WartaTestServer *self)
{
  return self->ops_state;
}

gboolean
_warta_test_server_is_revoked (WartaTestServer *self)
{
  return self->revoked;
}

gboolean
_warta_test_server_is_hashing (WartaTestServer *self)
{
  return !self->no_hashing;
}

guint
_warta_test_server_get_processing_polls (WartaTestServer *self)
{
  return self->processing_polls;
}

gint64
_warta_test_server_next_id (WartaTestServer *self)
{
  return self->next_id++;
}

void
_warta_test_server_set_file (WartaTestServer *self,
                             guint64          size,
                             const char      *sha256)
{
  self->file_size = size;
  g_free (self->file_sha256);
  self->file_sha256 = g_strdup (sha256);
}

void
_warta_test_server_respond_json (SoupServerMessage *msg,
                                 guint              status,
                                 JsonNode          *node)
{
  respond_node (msg, status, node);
}

JsonNode *
_warta_test_server_build (JsonBuilder *builder)
{
  return build (builder);
}

JsonNode *
_warta_test_server_parse_json (SoupServerMessage *msg)
{
  return parse_json_body (msg);
}

GHashTable *
_warta_test_server_params (SoupServerMessage *msg,
                           GHashTable        *query)
{
  SoupMessageHeaders *h = soup_server_message_get_request_headers (msg);
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  const char *type = soup_message_headers_get_content_type (h, NULL);
  GHashTable *params = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GHashTableIter iter;
  gpointer key, value;

  if (query)
    {
      g_hash_table_iter_init (&iter, query);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_hash_table_replace (params, g_strdup (key), g_strdup (value));
    }
  if (body == NULL || body->length == 0)
    return params;

  if (g_strcmp0 (type, "application/x-www-form-urlencoded") == 0)
    {
      g_autofree char *text = g_strndup (body->data, body->length);
      g_autoptr(GHashTable) form = soup_form_decode (text);

      g_hash_table_iter_init (&iter, form);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_hash_table_replace (params, g_strdup (key), g_strdup (value));
    }
  else if (g_strcmp0 (type, "multipart/form-data") == 0)
    {
      g_autoptr(GBytes) whole = soup_message_body_flatten (body);
      g_autoptr(SoupMultipart) multipart = soup_multipart_new_from_message (h, whole);

      for (int i = 0; multipart && i < soup_multipart_get_length (multipart); i++)
        {
          SoupMessageHeaders *ph;
          GBytes *pb;
          g_autofree char *disposition = NULL;
          g_autoptr(GHashTable) pp = NULL;
          const char *name;

          if (!soup_multipart_get_part (multipart, i, &ph, &pb) ||
              !soup_message_headers_get_content_disposition (ph, &disposition, &pp))
            continue;
          name = g_hash_table_lookup (pp, "name");
          if (name == NULL)
            continue;
          if (g_hash_table_lookup (pp, "filename"))
            {
              /* A file part: its size, and its bytes by reference. */
              g_hash_table_replace (params, g_strconcat ("@", name, NULL),
                                    g_strdup_printf ("%" G_GSIZE_FORMAT, g_bytes_get_size (pb)));
              g_object_set_data_full (G_OBJECT (msg), name, g_bytes_ref (pb),
                                      (GDestroyNotify) g_bytes_unref);
            }
          else
            g_hash_table_replace (params, g_strdup (name),
                                  g_strndup (g_bytes_get_data (pb, NULL), g_bytes_get_size (pb)));
        }
    }
  else if (type && g_str_has_prefix (type, "application/json"))
    {
      g_autoptr(JsonNode) root = parse_json_body (msg);

      if (root && JSON_NODE_HOLDS_OBJECT (root))
        {
          JsonObjectIter oi;
          const char *name;
          JsonNode *member;

          json_object_iter_init (&oi, json_node_get_object (root));
          while (json_object_iter_next (&oi, &name, &member))
            {
              if (JSON_NODE_HOLDS_VALUE (member))
                {
                  GValue v = G_VALUE_INIT;
                  GValue sv = G_VALUE_INIT;

                  json_node_get_value (member, &v);
                  g_value_init (&sv, G_TYPE_STRING);
                  if (g_value_transform (&v, &sv))
                    g_hash_table_replace (params, g_strdup (name), g_value_dup_string (&sv));
                  g_value_unset (&v);
                  g_value_unset (&sv);
                }
              else
                {
                  g_autoptr(JsonGenerator) gen = json_generator_new ();

                  json_generator_set_root (gen, member);
                  g_hash_table_replace (params, g_strdup (name),
                                        json_generator_to_data (gen, NULL));
                }
            }
        }
    }
  return params;
}

/* streamed paths: early handler, drop-mid-body faults ------------------ */

typedef struct
{
  guint64 received;
  guint64 drop_after;
  gboolean dropped;
  Fault *fault;              /* a reference */
} BodyCount;

static void
body_count_free (gpointer data)
{
  BodyCount *c = data;

  fault_unref (c->fault);
  g_free (c);
}

static void
drop_count_chunk_cb (SoupServerMessage *msg,
                     GBytes            *chunk,
                     gpointer           user_data)
{
  BodyCount *c = user_data;

  c->received += g_bytes_get_size (chunk);
  if (!c->dropped && c->received >= c->drop_after)
    {
      GSocket *socket = soup_server_message_get_socket (msg);

      /* The network goes away mid-body: the client's write fails, and
       * what the platform kept so far is all it has. */
      c->dropped = TRUE;
      c->fault->fired++;
      if (socket)
        {
          /* A reset, not an orderly close, and nothing more is read. */
          struct linger linger = { 1, 0 };

          setsockopt (g_socket_get_fd (socket), SOL_SOCKET, SO_LINGER, &linger, sizeof linger);
          g_socket_close (socket, NULL);
        }
    }
}

static void
streamed_early_cb (SoupServer        *server,
                   SoupServerMessage *msg,
                   const char        *path,
                   GHashTable        *query,
                   gpointer           user_data)
{
  StreamedPath *sp = user_data;
  WartaTestServer *self = sp->self;
  const char *method = soup_server_message_get_method (msg);
  Fault *chosen;
  Fault *cancel;

  if (!g_str_has_prefix (path, sp->prefix))
    return;
  if (sp->func (self, msg, path, query))
    soup_message_body_set_accumulate (soup_server_message_get_request_body (msg), FALSE);

  /* Counted here, as the request begins: also one whose body never
   * comes whole (dropped, or the client gave up). */
  count_request (self, method, path, TRUE, &chosen, &cancel);
  g_object_set_data (G_OBJECT (msg), "warta-test-counted", GINT_TO_POINTER (TRUE));
  if (cancel)
    g_object_set_data_full (G_OBJECT (msg), "warta-test-cancel", g_rc_box_acquire (cancel),
                            fault_unref);
  if (chosen && chosen->kind == WARTA_TEST_FAULT_DROP_MID_BODY)
    {
      BodyCount *c = g_new0 (BodyCount, 1);

      c->drop_after = chosen->param;
      c->fault = g_rc_box_acquire (chosen);
      g_object_set_data_full (G_OBJECT (msg), "warta-test-drop", c, body_count_free);
      g_signal_connect (msg, "got-chunk", G_CALLBACK (drop_count_chunk_cb), c);
    }
  else if (chosen)
    g_object_set_data_full (G_OBJECT (msg), "warta-test-fault", g_rc_box_acquire (chosen),
                            fault_unref);
}

void
_warta_test_server_add_streamed_path (WartaTestServer     *self,
                                      const char          *path_prefix,
                                      WartaTestStreamFunc  func)
{
  StreamedPath *sp = g_new0 (StreamedPath, 1);

  sp->self = self;
  sp->prefix = g_strdup (path_prefix);
  sp->func = func;
  g_ptr_array_add (self->streamed, sp);
  /* A path with an early handler needs its own normal handler too. */
  soup_server_add_early_handler (self->server, path_prefix, streamed_early_cb, sp, NULL);
  soup_server_add_handler (self->server, path_prefix, server_cb, self, NULL);
}

void
warta_test_server_set_random_latency (WartaTestServer *self,
                                      guint            max_ms,
                                      guint32          seed)
{
  self->latency_max_ms = max_ms;
  g_clear_pointer (&self->latency_rand, g_rand_free);
  self->latency_rand = g_rand_new_with_seed (seed);
}
