/* test-youtube.c: WartaYouTube against a loopback YouTube (resumable uploads)
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <sys/resource.h>

#include "warta-test-publisher.h"
#include "warta-test-garbage.h"
#include "warta-test-server.h"
#include "warta-youtube.h"

#define UPLOAD_PATH "/upload/youtube/v3/videos"
#define KIB 1024
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

/* Deterministic bytes: byte i is (i % 251), so a shifted chunk is caught. */
static void
fill_pattern (guchar  *buffer,
              guint64  offset,
              gsize    count)
{
  for (gsize i = 0; i < count; i++)
    buffer[i] = (guchar) ((offset + i) % 251);
}

static char *
pattern_sha256 (guint64 size)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guchar *buffer = g_malloc (65536);

  for (guint64 offset = 0; offset < size; offset += 65536)
    {
      gsize n = (gsize) MIN (65536, size - offset);

      fill_pattern (buffer, offset, n);
      g_checksum_update (sum, buffer, n);
    }
  return g_strdup (g_checksum_get_string (sum));
}

/* A real file in a temporary directory, removed by the fixture. */
static GFile *
pattern_file (const char *dir,
              guint64     size)
{
  g_autofree char *path = g_build_filename (dir, "video.mp4", NULL);
  GFile *file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) out = NULL;
  g_autofree guchar *buffer = g_malloc (MIB);
  g_autoptr(GError) error = NULL;

  out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error);
  g_assert_no_error (error);
  for (guint64 offset = 0; offset < size; offset += MIB)
    {
      gsize n = (gsize) MIN (MIB, size - offset);

      fill_pattern (buffer, offset, n);
      g_assert_true (g_output_stream_write_all (G_OUTPUT_STREAM (out), buffer, n, NULL, NULL,
                                                &error));
    }
  g_assert_true (g_output_stream_close (G_OUTPUT_STREAM (out), NULL, &error));
  return file;
}

typedef struct
{
  WartaTestServer *server;
  WartaHttpClient *client;
  WartaYouTube *youtube;
  char *dir;
  GFile *file;
  guint64 size;
  char *sha256;
  guint progress_signals;
  guint64 last_offset;
  char *last_session;
} Fixture;

static void
session_progress_cb (WartaYouTube *youtube,
                     const char   *session_uri,
                     guint64       offset,
                     guint64       total,
                     Fixture      *f)
{
  g_assert_cmpuint (total, ==, f->size);
  g_assert_cmpuint (offset, <=, total);
  f->progress_signals++;
  f->last_offset = offset;
  g_free (f->last_session);
  f->last_session = g_strdup (session_uri);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  WartaRetryPolicy policy;
  g_autoptr(GError) error = NULL;

  f->server = warta_test_youtube_server_new ();
  f->client = warta_http_client_new ();
  warta_retry_policy_init_default (&policy);
  policy.max_attempts = 4;
  policy.initial_delay_ms = 20;
  policy.max_delay_ms = 100;
  policy.max_wait_ms = 5000;
  warta_http_client_set_retry_policy (f->client, &policy);
  f->youtube = warta_youtube_new (f->client, warta_test_server_get_url (f->server),
                                  WARTA_TEST_YOUTUBE_TOKEN);
  warta_youtube_set_chunk_size (f->youtube, MIB);
  g_signal_connect (f->youtube, "session-progress", G_CALLBACK (session_progress_cb), f);

  f->dir = g_dir_make_tmp ("warta-youtube-XXXXXX", &error);
  g_assert_no_error (error);
  /* Not a multiple of 256 KiB: the last chunk is short. */
  f->size = GPOINTER_TO_SIZE (data) ? GPOINTER_TO_SIZE (data) : 3 * MIB + 12345;
  f->file = pattern_file (f->dir, f->size);
  f->sha256 = pattern_sha256 (f->size);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_file_get_path (f->file);

  g_assert_finalize_object (f->youtube);
  g_assert_finalize_object (f->client);
  warta_test_server_free (f->server);
  g_assert_no_errno (g_unlink (path));
  g_assert_no_errno (g_rmdir (f->dir));
  g_object_unref (f->file);
  g_free (f->dir);
  g_free (f->sha256);
  g_free (f->last_session);
}

static WartaUpload *
new_upload (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  WartaUpload *upload = warta_upload_new_for_file (f->file, "video/mp4", &error);

  g_assert_no_error (error);
  return upload;
}

static const char * const tags[] = { "Kabupaten", "Warta", NULL };

static const WartaYouTubeMetadata metadata = {
  .title = "Peresmian jembatan desa",
  .description = "Bupati meresmikan jembatan baru.",
  .tags = tags,
  .privacy_status = "public",
};

static WartaRemoteResult *
publish (Fixture       *f,
         WartaUpload   *upload,
         const char    *session_uri,
         GCancellable  *cancellable,
         GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  warta_youtube_publish_async (f->youtube, upload, &metadata, session_uri, cancellable,
                               store_result_cb, &result);
  return warta_youtube_publish_finish (f->youtube, wait_for (&result), error);
}

static char *
start_session (Fixture      *f,
               WartaUpload  *upload,
               GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  warta_youtube_start_session_async (f->youtube, upload, &metadata, NULL, store_result_cb, &result);
  return warta_youtube_start_session_finish (f->youtube, wait_for (&result), error);
}

static WartaRemoteResult *
upload_from (Fixture       *f,
             WartaUpload   *upload,
             const char    *session_uri,
             guint64        offset,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  warta_youtube_upload_async (f->youtube, upload, session_uri, offset, cancellable,
                              store_result_cb, &result);
  return warta_youtube_upload_finish (f->youtube, wait_for (&result), error);
}

static void
assert_video (Fixture           *f,
              WartaRemoteResult *res)
{
  g_autofree char *url = NULL;

  g_assert_nonnull (res);
  g_assert_nonnull (res->id);
  url = g_strconcat ("https://www.youtube.com/watch?v=", res->id, NULL);
  g_assert_cmpstr (res->url, ==, url);
  g_assert_cmpuint (warta_test_server_get_post_count (f->server), ==, 1);
  g_assert_cmpuint (warta_test_server_get_file_size (f->server), ==, f->size);
  g_assert_cmpstr (warta_test_server_get_file_sha256 (f->server), ==, f->sha256);
}

static void
test_publish (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(WartaUpload) upload = new_upload (f);
  g_autoptr(WartaRemoteResult) res = NULL;
  g_autoptr(GError) error = NULL;

  res = publish (f, upload, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_video (f, res);
  g_assert_false (res->reused);

  /* One session, four chunks of 1 MiB (the last one short), no probes. */
  g_assert_cmpuint (warta_test_server_count_requests (f->server, "POST", UPLOAD_PATH), ==, 1);
  g_assert_cmpuint (warta_test_server_count_requests (f->server, "PUT", UPLOAD_PATH), ==, 4);
  g_assert_cmpstr (warta_test_server_get_last_header (f->server, "Content-Range"), ==,
                   "bytes 3145728-3158072/3158073");
  /* Session created, three 308s, the end. */
  g_assert_cmpuint (f->progress_signals, ==, 5);
  g_assert_cmpuint (f->last_offset, ==, f->size);
  g_assert_cmpint (warta_upload_get_state (upload), ==, WARTA_UPLOAD_STATE_DONE);
  g_assert_cmpfloat (warta_upload_get_fraction (upload), ==, 1.0);
  g_assert_cmpstr (warta_upload_get_remote_id (upload), ==, res->id);
}

static gboolean
delete_video (Fixture     *f,
              const char  *id,
              GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  warta_youtube_delete_video_async (f->youtube, id, NULL, store_result_cb, &result);
  return warta_youtube_delete_video_finish (f->youtube, wait_for (&result), error);
}

static char *
get_channel (Fixture  *f,
             char    **title,
             char    **handle,
             char    **long_uploads,
             GError  **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  warta_youtube_get_channel_async (f->youtube, NULL, store_result_cb, &result);
  return warta_youtube_get_channel_finish (f->youtube, wait_for (&result), title, handle,
                                           long_uploads, error);
}

/* channels.list mine=true: the channel signed in to, by its id, title and
 * handle; a Google account without one, or a token without the
 * youtube.readonly scope, is said in words for the sign-in. */
static void
test_channel (Fixture       *f,
              gconstpointer  data)
{
  static const struct
  {
    const char        *name;
    WartaPublishError  code;
    const char        *says;
  } refusals[] = {
    { "insufficientPermissions", WARTA_PUBLISH_ERROR_PERMISSION_DENIED,
      "allow Warta to see your YouTube account" },
    { "youtubeSignupRequired", WARTA_PUBLISH_ERROR_PERMISSION_DENIED, "has no YouTube channel" },
    { "authError", WARTA_PUBLISH_ERROR_AUTH_EXPIRED, "YouTube did not accept the sign-in" },
  };
  const char *owner = WARTA_TEST_YOUTUBE_CHANNEL_OWNER;
  g_autofree char *expected_id = warta_test_youtube_channel_id (owner);
  g_autofree char *expected_title = warta_test_youtube_channel_title (owner);
  g_autofree char *id = NULL;
  g_autofree char *title = NULL;
  g_autofree char *handle = NULL;
  g_autofree char *long_uploads = NULL;
  g_autoptr(GError) error = NULL;

  id = get_channel (f, &title, &handle, &long_uploads, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (id, ==, expected_id);
  g_assert_true (g_str_has_prefix (id, "UC"));
  g_assert_cmpstr (title, ==, expected_title);
  g_assert_cmpstr (handle, ==, "@" WARTA_TEST_YOUTUBE_CHANNEL_OWNER);
  /* The status part asked too: whether it may upload long videos. */
  g_assert_cmpstr (long_uploads, ==, "allowed");
  g_assert_cmpuint (warta_test_server_count_requests (f->server, "GET", "/youtube/v3/channels"),
                    ==, 1);
  warta_test_youtube_server_set_long_uploads (f->server, "eligible");
  g_clear_pointer (&id, g_free);
  g_clear_pointer (&long_uploads, g_free);
  id = get_channel (f, NULL, NULL, &long_uploads, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (long_uploads, ==, "eligible");
  /* Not said: not known. */
  warta_test_youtube_server_set_long_uploads (f->server, NULL);
  g_clear_pointer (&id, g_free);
  g_clear_pointer (&long_uploads, g_free);
  id = get_channel (f, NULL, NULL, &long_uploads, &error);
  g_assert_no_error (error);
  g_assert_null (long_uploads);
  warta_test_youtube_server_set_long_uploads (f->server, "allowed");

  for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
    {
      g_autofree char *refused = NULL;

      g_clear_error (&error);
      warta_test_server_add_error (f->server, "GET", "/youtube/v3/channels", 1, refusals[i].name);
      refused = get_channel (f, NULL, NULL, NULL, &error);
      g_assert_null (refused);
      g_assert_error (error, WARTA_PUBLISH_ERROR, (gint) refusals[i].code);
      g_test_message ("%s: %s", refusals[i].name, error->message);
      g_assert_nonnull (strstr (error->message, refusals[i].says));
      /* Not retried in place. */
      g_assert_cmpuint (warta_test_server_count_requests (f->server, "GET", "/youtube/v3/channels"),
                        ==, i + 4);
      warta_test_server_assert_faults_used (f->server);
    }

  /* A Google account without a channel: no items. */
  g_clear_error (&error);
  warta_test_youtube_server_set_channel_owner (f->server, NULL);
  g_clear_pointer (&id, g_free);
  id = get_channel (f, NULL, NULL, NULL, &error);
  g_assert_null (id);
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_PERMISSION_DENIED);
  g_assert_nonnull (strstr (error->message, "has no YouTube channel, so nothing was saved"));
  g_assert_nonnull (strstr (error->message, "Create the channel on YouTube first"));
}

/* Taken down: videos.delete (204); a video already gone (404
 * videoNotFound) counts as deleted; a revoked token says to sign in
 * again. */
static void
test_delete (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(WartaUpload) upload = new_upload (f);
  g_autoptr(WartaRemoteResult) res = NULL;
  g_autoptr(GError) error = NULL;

  res = publish (f, upload, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (delete_video (f, res->id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (warta_test_youtube_server_get_deleted_count (f->server), ==, 1);
  g_assert_true (delete_video (f, res->id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (warta_test_youtube_server_get_deleted_count (f->server), ==, 1);
  g_assert_cmpuint (warta_test_server_count_requests (f->server, "DELETE", "/youtube/v3/videos"),
                    ==, 2);

  warta_test_server_revoke_credentials (f->server);
  g_assert_false (delete_video (f, "vid00000001", &error));
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_AUTH_EXPIRED);
}

static void
state_cb (WartaUpload *upload,
          GParamSpec  *pspec,
          GArray      *states)
{
  WartaUploadState state = warta_upload_get_state (upload);

  g_array_append_val (states, state);
}

static gboolean
saw_state (GArray           *states,
           WartaUploadState  state)
{
  for (guint i = 0; i < states->len; i++)
    if (g_array_index (states, WartaUploadState, i) == state)
      return TRUE;
  return FALSE;
}

/* The connection goes away in the middle of the second chunk, twice (the
 * first time libsoup itself sends it again on a new connection): the
 * server kept what came in up to a 256 KiB boundary; the client asks and
 * goes on from there. */
static void
test_resume_after_drop (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(WartaUpload) upload = new_upload (f);
  g_autoptr(WartaRemoteResult) res = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) states = g_array_new (FALSE, FALSE, sizeof (WartaUploadState));

  warta_test_server_add_fault (f->server, "PUT", UPLOAD_PATH, 2, WARTA_TEST_FAULT_DROP_MID_BODY,
                               600 * KIB);
  warta_test_server_add_fault (f->server, "PUT", UPLOAD_PATH, 3, WARTA_TEST_FAULT_DROP_MID_BODY,
                               600 * KIB);
  g_signal_connect (upload, "notify::state", G_CALLBACK (state_cb), states);
  res = publish (f, upload, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_video (f, res);
  /* It waited, asked, and went on. */
  g_assert_true (saw_state (states, WARTA_UPLOAD_STATE_WAITING));
  g_assert_cmpint (warta_upload_get_state (upload), ==, WARTA_UPLOAD_STATE_DONE);
  g_assert_null (warta_upload_get_error (upload));
}

/* The 308 confirms fewer bytes than were sent (§4.2): Range decides. */
static void
test_short_commit (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(WartaUpload) upload = new_upload (f);
  g_autoptr(WartaRemoteResult) res = NULL;
  g_autoptr(GError) error = NULL;

  warta_test_server_add_error (f->server, "PUT", UPLOAD_PATH, 1, "short-commit");
  res = publish (f, upload, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_video (f, res);
  g_assert_cmpuint (warta_test_server_count_requests (f->server, "PUT", UPLOAD_PATH), ==, 4);
}

/* 503 and a dropped connection on PUTs: probe, then on. */
static void
test_server_errors (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(WartaUpload) upload = new_upload (f);
  g_autoptr(WartaRemoteResult) res = NULL;
  g_autoptr(GError) error = NULL;

  warta_test_server_add_fault (f->server, "PUT", UPLOAD_PATH, 2, WARTA_TEST_FAULT_STATUS, 503);
  warta_test_server_add_error (f->server, "PUT", UPLOAD_PATH, 4, "backendError");
  warta_test_server_add_fault (f->server, "PUT", UPLOAD_PATH, 6, WARTA_TEST_FAULT_DROP, 0);
  res = publish (f, upload, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_video (f, res);
}

static void
cancel_at_offset_cb (WartaYouTube *youtube,
                     const char   *session_uri,
                     guint64       offset,
                     guint64       total,
                     GCancellable *cancellable)
{
  if (offset >= MIB)
    g_cancellable_cancel (cancellable);
}

/* Warta stops (here: a cancel) after two chunks; a new client object with
 * the stored session URI asks the server and sends only the rest. */
static void
test_resume_stored_session (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(WartaUpload) upload = new_upload (f);
  g_autoptr(WartaUpload) again = new_upload (f);
  g_autoptr(WartaYouTube) other = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(WartaRemoteResult) res = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *session = NULL;
  gulong handler;
  guint puts;

  session = start_session (f, upload, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (session, warta_test_server_get_url (f->server)));
  g_assert_cmpstr (session, ==, f->last_session);

  /* Cancelled as soon as the first chunk is confirmed. */
  handler = g_signal_connect (f->youtube, "session-progress", G_CALLBACK (cancel_at_offset_cb),
                              cancellable);
  res = upload_from (f, upload, session, 0, cancellable, &error);
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_CANCELLED);
  g_assert_null (res);
  g_assert_cmpint (warta_upload_get_state (upload), ==, WARTA_UPLOAD_STATE_CANCELLED);
  g_assert_cmpuint (f->last_offset, ==, MIB);
  g_assert_cmpuint (warta_test_server_get_post_count (f->server), ==, 0);
  g_clear_error (&error);
  g_signal_handler_disconnect (f->youtube, handler);
  puts = warta_test_server_count_requests (f->server, "PUT", UPLOAD_PATH);

  /* After the "restart": only the session URI survived. */
  other = warta_youtube_new (f->client, warta_test_server_get_url (f->server),
                             WARTA_TEST_YOUTUBE_TOKEN);
  warta_youtube_set_chunk_size (other, MIB);
  warta_youtube_upload_async (other, again, session, WARTA_YOUTUBE_OFFSET_UNKNOWN, NULL,
                              store_result_cb, &result);
  res = warta_youtube_upload_finish (other, wait_for (&result), &error);
  g_assert_no_error (error);
  assert_video (f, res);
  /* The probe, then three chunks: the first MiB is not sent again. */
  g_assert_cmpuint (warta_test_server_count_requests (f->server, "PUT", UPLOAD_PATH) - puts, ==, 4);
}

/* The answer to the last chunk is lost: the probe returns the video that
 * was made, and no second video is made. */
static void
test_lost_final_answer (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(WartaUpload) upload = new_upload (f);
  g_autoptr(WartaRemoteResult) res = NULL;
  g_autoptr(WartaRemoteResult) again = NULL;
  g_autoptr(GError) error = NULL;

  warta_test_server_add_fault (f->server, "PUT", UPLOAD_PATH, 4,
                               WARTA_TEST_FAULT_DROP_AFTER_COMMIT, 0);
  res = publish (f, upload, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_video (f, res);
  g_assert_cmpuint (warta_test_server_count_requests (f->server, "PUT", UPLOAD_PATH), ==, 5);

  /* Resuming a finished session gives the same video. */
  again = upload_from (f, upload, f->last_session, WARTA_YOUTUBE_OFFSET_UNKNOWN, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again->id, ==, res->id);
  g_assert_cmpuint (warta_test_server_get_post_count (f->server), ==, 1);
}

/* One publish whose @nth request of @method gets @status, @headers and
 * @body (after the work with @commit): no crash; a video made once at
 * most; an error of Warta's saying what to do, or the video. */
static gboolean
publish_answered (Fixture    *f,
                  const char *method,
                  guint       nth,
                  gboolean    commit,
                  guint       status,
                  const char *headers,
                  const char *content_type,
                  const char *body,
                  gboolean    must_succeed)
{
  g_autoptr(WartaUpload) upload = new_upload (f);
  g_autoptr(WartaRemoteResult) res = NULL;
  g_autoptr(GError) error = NULL;
  guint posts = warta_test_server_get_post_count (f->server);

  g_test_message ("%s %u: %u %s %s", method, nth, status, headers ? headers : "",
                  body ? body : "");
  warta_test_server_add_answer (f->server, method, UPLOAD_PATH,
                                nth,
                                commit, status, headers, content_type, body);
  res = publish (f, upload, NULL, NULL, &error);
  warta_test_assert_garbage_outcome (error, res ? res->id : NULL, must_succeed);
  if (error == NULL)
    {
      /* The whole file in the video, one video. */
      g_assert_cmpuint (warta_test_server_get_file_size (f->server), ==, f->size);
      g_assert_cmpstr (warta_test_server_get_file_sha256 (f->server), ==, f->sha256);
      g_assert_cmpuint (warta_test_server_get_post_count (f->server), ==, posts + 1);
    }
  g_assert_cmpuint (warta_test_server_get_post_count (f->server), <=, posts + 1);
  warta_test_server_assert_faults_used (f->server);
  return error == NULL;
}

/* The session's start, a chunk and the final chunk answered by a proxy's
 * HTML page (502: retried) or a 200 that says nothing usable; a session
 * with no Location; a 308 whose Range is nonsense, past the end or going
 * backwards. Each time the job finishes with one video: the session's
 * start is asked again, a chunk's answer is followed by the status probe. */
static void
test_malformed_answers (Fixture       *f,
                        gconstpointer  data)
{
  /* Not understood: not read as some other offset (the largest number
   * wrapped round to 0, a range not from the first byte), but asked again
   * by the probe. */
  const char *ranges[] = {
    "Range: bytes=abc",
    "Range: bytes=0-",
    "Range: bytes=5-1",
    "Range: bytes=0-99999999999",
    "Range: bytes=0-18446744073709551615",
    "Range: bytes=0-12abc",
    "Range: items=0-1048575",
  };

  /* 1: the session's start, 2: the 2nd chunk, 4: the final chunk. */
  for (guint nth = 1; nth <= 4; nth += nth == 2 ? 2 : 1)
    {
      const char *method = nth == 1 ? "POST" : "PUT";
      guint step = nth == 1 ? 1 : nth;

      publish_answered (f, method, step, FALSE, 502, NULL, "text/html", WARTA_TEST_HTML_PAGE,
                        TRUE);
      /* After a chunk's, the probe says where the upload stands, after the
       * final chunk's it gives the video made; the session's start, which
       * makes nothing public, is asked again. */
      for (guint i = 0; i < G_N_ELEMENTS (warta_test_garbage); i++)
        publish_answered (f, method, step, TRUE, 200, NULL, warta_test_garbage[i].content_type,
                          warta_test_garbage[i].body, TRUE);
    }
  for (guint i = 0; i < G_N_ELEMENTS (ranges); i++)
    g_assert_true (publish_answered (f, "PUT", 2, TRUE, 308, ranges[i], NULL, NULL, TRUE));
  /* Going backwards (fewer bytes than before): sent again from there. */
  g_assert_true (publish_answered (f, "PUT", 2, TRUE, 308, "Range: bytes=0-10", NULL, NULL, FALSE));
  /* 201 Created with a body that is not a video. */
  for (guint i = 0; i < G_N_ELEMENTS (warta_test_garbage); i++)
    publish_answered (f, "PUT", 4, TRUE, 201, NULL, warta_test_garbage[i].content_type,
                      warta_test_garbage[i].body, TRUE);
}

/* The session's start answered with what Warta cannot read every time:
 * asked as often as after a 5xx, then Warta tries again later. */
static void
test_malformed_every_time (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(WartaUpload) upload = new_upload (f);
  g_autoptr(GError) error = NULL;
  g_autofree char *session = NULL;

  warta_test_server_add_answer (f->server, "POST", UPLOAD_PATH, 0, TRUE, 200, NULL,
                                "application/json", "{\"ok\": true}");
  session = start_session (f, upload, &error);
  g_assert_null (session);
  warta_test_assert_read_later (error);
  g_assert_cmpuint (warta_test_server_count_requests (f->server, "POST", UPLOAD_PATH), ==, 4);
  g_assert_cmpuint (warta_test_server_count_requests (f->server, "PUT", UPLOAD_PATH), ==, 0);
  g_assert_cmpuint (warta_test_server_get_post_count (f->server), ==, 0);
}

/* A video of one chunk, less than the 256 KiB YouTube keeps whole,
 * answered with what Warta cannot read every time (a 200 with a proxy's
 * page, a 308 with a Range that is not YouTube's), the probes too or not:
 * probed within the attempts, then Warta tries again later; one session, never
 * the file again from the start, no video. */
static void
test_chunks_malformed_every_time (Fixture       *f,
                                  gconstpointer  data)
{
  const struct
  {
    guint status;
    const char *headers;
    const char *content_type;
    const char *body;
    gboolean probes_too;
    guint puts;
  } cases[] = {
    { 200, NULL, "text/html", WARTA_TEST_HTML_PAGE, TRUE, 4 },
    { 200, NULL, "application/json", "{\"ok\": true}", TRUE, 4 },
    { 308, "Range: bytes=abc", NULL, NULL, TRUE, 4 },
    /* The probe says nothing came: the chunk again, until the attempts
     * are used up. */
    { 200, NULL, "text/html", WARTA_TEST_HTML_PAGE, FALSE, 7 },
    { 308, "Range: items=0-1048575", NULL, NULL, FALSE, 7 },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(WartaUpload) upload = new_upload (f);
      g_autoptr(WartaRemoteResult) res = NULL;
      g_autoptr(GError) error = NULL;

      /* A server of its own: no answers left over from the case before. */
      if (c > 0)
        {
          g_assert_finalize_object (f->youtube);
          warta_test_server_free (f->server);
          f->server = warta_test_youtube_server_new ();
          f->youtube = warta_youtube_new (f->client, warta_test_server_get_url (f->server),
                                          WARTA_TEST_YOUTUBE_TOKEN);
          warta_youtube_set_chunk_size (f->youtube, MIB);
        }

      g_test_message ("%u %s%s", cases[c].status, cases[c].body ? cases[c].body : cases[c].headers,
                      cases[c].probes_too ? "" : ", probes answered");
      /* Up to the last PUT it may make (every other one: the chunks); a
       * client that went on would have its next chunk taken and done. */
      for (guint nth = 1; nth <= cases[c].puts; nth += cases[c].probes_too ? 1 : 2)
        warta_test_server_add_answer (f->server, "PUT", UPLOAD_PATH, nth, FALSE, cases[c].status,
                                      cases[c].headers, cases[c].content_type, cases[c].body);
      res = publish (f, upload, NULL, NULL, &error);
      g_assert_null (res);
      warta_test_assert_read_later (error);
      g_assert_cmpint (warta_upload_get_state (upload), ==, WARTA_UPLOAD_STATE_FAILED);
      g_assert_cmpuint (warta_test_server_count_requests (f->server, "POST", UPLOAD_PATH), ==, 1);
      g_assert_cmpuint (warta_test_server_count_requests (f->server, "PUT", UPLOAD_PATH), ==,
                        cases[c].puts);
      g_assert_cmpuint (warta_test_server_get_post_count (f->server), ==, 0);
    }
}

/* A stored session that expired (404): publish starts a new one. */
static void
test_expired_session (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(WartaUpload) upload = new_upload (f);
  g_autoptr(WartaRemoteResult) res = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *session = start_session (f, upload, &error);

  g_assert_no_error (error);
  warta_test_server_expire_sessions (f->server);

  res = upload_from (f, upload, session, 0, NULL, &error);
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_RETRYABLE);
  g_assert_true (warta_youtube_error_is_session_expired (error));
  g_clear_error (&error);

  res = publish (f, upload, session, NULL, &error);
  g_assert_no_error (error);
  assert_video (f, res);
  g_assert_cmpuint (warta_test_server_count_requests (f->server, "POST", UPLOAD_PATH), ==, 2);
}

typedef struct
{
  const char *name;
  WartaPublishError code;
  gboolean retry_time;
} ErrorCase;

static const ErrorCase error_cases[] = {
  { "quotaExceeded", WARTA_PUBLISH_ERROR_RATE_LIMITED, TRUE },
  { "uploadLimitExceeded", WARTA_PUBLISH_ERROR_RATE_LIMITED, TRUE },
  { "invalidTitle", WARTA_PUBLISH_ERROR_REJECTED, FALSE },
  { "forbidden", WARTA_PUBLISH_ERROR_PERMISSION_DENIED, FALSE },
  { "youtubeSignupRequired", WARTA_PUBLISH_ERROR_PERMISSION_DENIED, FALSE },
  { "authError", WARTA_PUBLISH_ERROR_AUTH_EXPIRED, FALSE },
};

static void
test_errors (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(WartaUpload) upload = new_upload (f);

  for (guint i = 0; i < G_N_ELEMENTS (error_cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *session = NULL;
      gint64 retry_at;

      warta_test_server_add_error (f->server, "POST", UPLOAD_PATH, 1, error_cases[i].name);
      session = start_session (f, upload, &error);
      g_assert_null (session);
      g_assert_error (error, WARTA_PUBLISH_ERROR, (gint) error_cases[i].code);
      g_assert_cmpstr (warta_publish_error_get_platform_code (error), ==, error_cases[i].name);
      g_test_message ("%s: %s", error_cases[i].name, error->message);
      retry_at = warta_publish_error_get_retry_at (error);
      if (error_cases[i].retry_time)
        {
          /* Midnight Pacific time, or a day: never within the in-place wait. */
          g_assert_cmpint (retry_at, >, g_get_real_time () + 60 * G_USEC_PER_SEC);
          g_assert_cmpint (retry_at, <=, g_get_real_time () + (gint64) 25 * 3600 * G_USEC_PER_SEC);
        }
      else
        g_assert_cmpint (retry_at, ==, 0);
      /* Not retried in place. */
      g_assert_cmpuint (warta_test_server_count_requests (f->server, "POST", UPLOAD_PATH), ==, i + 1);
      warta_test_server_assert_faults_used (f->server);
    }

  /* A revoked token: sign in again. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(WartaTestServer) other = warta_test_youtube_server_new ();
    g_autoptr(WartaYouTube) yt = warta_youtube_new (f->client, warta_test_server_get_url (other),
                                                    WARTA_TEST_YOUTUBE_TOKEN);
    g_autoptr(GAsyncResult) result = NULL;
    g_autofree char *session = NULL;

    warta_test_server_revoke_credentials (other);
    warta_youtube_start_session_async (yt, upload, &metadata, NULL, store_result_cb, &result);
    session = warta_youtube_start_session_finish (yt, wait_for (&result), &error);
    g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_AUTH_EXPIRED);
    g_assert_nonnull (strstr (error->message, "Sign in again"));
  }

  /* Not signed in at all. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(WartaYouTube) yt = warta_youtube_new (f->client, warta_test_server_get_url (f->server),
                                                    NULL);
    g_autoptr(GAsyncResult) result = NULL;
    g_autofree char *session = NULL;

    warta_youtube_start_session_async (yt, upload, &metadata, NULL, store_result_cb, &result);
    session = warta_youtube_start_session_finish (yt, wait_for (&result), &error);
    g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_NOT_CONFIGURED);
  }
}

/* A 429 with Retry-After on a chunk: waited for, then the upload goes on. */
static void
test_rate_limit (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(WartaUpload) upload = new_upload (f);
  g_autoptr(WartaRemoteResult) res = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  warta_test_server_add_fault (f->server, "PUT", UPLOAD_PATH, 2, WARTA_TEST_FAULT_RATE_LIMIT, 1);
  res = publish (f, upload, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_video (f, res);
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 900 * 1000);
}

typedef struct
{
  GCancellable *cancellable;
  guint64 bytes;             /* cancelled once this much is sent */
} CancelAt;

static void
cancel_at_cb (WartaUpload *upload,
              GParamSpec  *pspec,
              CancelAt    *at)
{
  if (warta_upload_get_bytes_sent (upload) >= at->bytes)
    g_cancellable_cancel (at->cancellable);
}

/* Cancel in the middle of a chunk, as it is on its way: the second
 * chunk never reaches the server whole. */
static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(WartaUpload) upload = new_upload (f);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(WartaRemoteResult) res = NULL;
  g_autoptr(GError) error = NULL;
  CancelAt at = { cancellable, MIB + 256 * KIB };

  g_signal_connect (upload, "notify::bytes-sent", G_CALLBACK (cancel_at_cb), &at);
  res = publish (f, upload, NULL, cancellable, &error);
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_CANCELLED);
  g_assert_null (res);
  g_assert_cmpint (warta_upload_get_state (upload), ==, WARTA_UPLOAD_STATE_CANCELLED);
  g_assert_cmpuint (warta_test_server_count_requests (f->server, "PUT", UPLOAD_PATH), ==, 1);
  g_assert_cmpuint (warta_test_server_get_post_count (f->server), ==, 0);
}

/* Cancel once the second chunk is in and the server is slow to answer
 * it: the upload stops at once, not when the answer comes. */
static void
test_cancel_slow_answer (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(WartaUpload) upload = new_upload (f);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(WartaRemoteResult) res = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  warta_test_server_add_fault (f->server, "PUT", UPLOAD_PATH, 2, WARTA_TEST_FAULT_DELAY, 10000);
  warta_test_server_cancel_at (f->server, "PUT", UPLOAD_PATH, 2, cancellable);
  res = publish (f, upload, NULL, cancellable, &error);
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_CANCELLED);
  g_assert_null (res);
  /* Well before the server's 10 s answer, with room for a loaded machine
   * and the sanitizer build. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 8 * G_USEC_PER_SEC);
  g_assert_cmpint (warta_upload_get_state (upload), ==, WARTA_UPLOAD_STATE_CANCELLED);
  g_assert_cmpuint (warta_test_server_count_requests (f->server, "PUT", UPLOAD_PATH), ==, 2);
  g_assert_cmpuint (warta_test_server_get_post_count (f->server), ==, 0);
}

/* Cancel while the second 4 MiB chunk is on its way (written from the
 * HTTP client's worker thread), then resume from what the server kept:
 * the video is the file, byte for byte. */
static void
test_cancel_mid_chunk_resume (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(WartaUpload) upload = new_upload (f);
  g_autoptr(WartaUpload) again = new_upload (f);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(WartaRemoteResult) res = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *session = NULL;
  CancelAt at = { cancellable, 5 * MIB };

  warta_youtube_set_chunk_size (f->youtube, 4 * MIB);
  session = start_session (f, upload, &error);
  g_assert_no_error (error);
  g_signal_connect (upload, "notify::bytes-sent", G_CALLBACK (cancel_at_cb), &at);
  res = upload_from (f, upload, session, 0, cancellable, &error);
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_CANCELLED);
  g_assert_null (res);
  g_assert_cmpint (warta_upload_get_state (upload), ==, WARTA_UPLOAD_STATE_CANCELLED);
  /* In the middle of the chunk, not after it. */
  g_test_message ("cancelled at %" G_GUINT64_FORMAT " bytes",
                  warta_upload_get_bytes_sent (upload));
  g_assert_cmpuint (warta_upload_get_bytes_sent (upload), <, 8 * MIB);
  g_assert_cmpuint (warta_test_server_get_post_count (f->server), ==, 0);
  g_clear_error (&error);

  res = upload_from (f, again, session, WARTA_YOUTUBE_OFFSET_UNKNOWN, NULL, &error);
  g_assert_no_error (error);
  assert_video (f, res);
  g_assert_cmpint (warta_upload_get_state (again), ==, WARTA_UPLOAD_STATE_DONE);
}

#if defined(__SANITIZE_ADDRESS__)
# define UNDER_ASAN 1
#elif defined(__has_feature)
# if __has_feature(address_sanitizer)
#  define UNDER_ASAN 1
# endif
#endif

/* 96 MiB in 16 MiB chunks: resident memory grows far less. */
static void
test_stream_rss (Fixture       *f,
                 gconstpointer  data)
{
#ifdef UNDER_ASAN
  g_test_skip ("AddressSanitizer's quarantine keeps freed chunks: resident memory says nothing");
#else
  g_autoptr(WartaUpload) upload = new_upload (f);
  g_autoptr(WartaRemoteResult) res = NULL;
  g_autoptr(GError) error = NULL;
  struct rusage before, after;
  long growth_kib;

  warta_youtube_set_chunk_size (f->youtube, 16 * MIB);
  getrusage (RUSAGE_SELF, &before);
  res = publish (f, upload, NULL, NULL, &error);
  getrusage (RUSAGE_SELF, &after);
  g_assert_no_error (error);
  assert_video (f, res);

  growth_kib = after.ru_maxrss - before.ru_maxrss;
  g_test_message ("peak RSS growth for a 96 MiB upload: %ld KiB", growth_kib);
  g_assert_cmpint (growth_kib, <, 16 * 1024);
#endif
}

static void
test_chunk_size (void)
{
  g_autoptr(WartaHttpClient) client = warta_http_client_new ();
  g_autoptr(WartaYouTube) youtube = warta_youtube_new (client, NULL, "t");

  g_assert_cmpuint (warta_youtube_get_chunk_size (youtube), ==, 64 * MIB);
  warta_youtube_set_chunk_size (youtube, 1000 * KIB);
  g_assert_cmpuint (warta_youtube_get_chunk_size (youtube), ==, 768 * KIB);
  warta_youtube_set_chunk_size (youtube, 1);
  g_assert_cmpuint (warta_youtube_get_chunk_size (youtube), ==, 256 * KIB);
}

/* A post has one video: a second is refused before any request, never
 * left out. */
static void
test_two_videos (void)
{
  g_autoptr(WartaTestOutbox) o = warta_test_outbox_new ();
  g_autoptr(WartaTestServer) server = warta_test_youtube_server_new ();
  gint64 id = warta_test_outbox_add_account (o, "youtube", server, NULL, WARTA_TEST_YOUTUBE_TOKEN);
  g_autoptr(WartaPublication) p = NULL;
  g_autoptr(WartaOutboxJob) job = NULL;

  p = warta_test_publish_make_approved_with_videos (o->t, "Rakor dua video", 0, 2, 300 * 1024);
  job = warta_test_outbox_publish (o, p, id, WARTA_OUTBOX_STATE_FAILED);
  g_assert_cmpstr (warta_outbox_job_get_error_code (job), ==, "rejected");
  g_assert_nonnull (strstr (warta_outbox_job_get_error_message (job),
                            "YouTube takes one video in a post and this publication has 2"));
  g_assert_cmpuint (warta_test_server_count_requests (server, "POST", "/"), ==, 0);
  g_assert_cmpuint (warta_test_server_count_requests (server, "PUT", "/"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  /* Loopback only; the isolated XDG dirs hide the proxy settings' schema,
   * which GIO's GNOME proxy resolver would abort on. */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func, size) \
  g_test_add ("/warta/youtube/" path, Fixture, GSIZE_TO_POINTER (size), fixture_set_up, func, \
              fixture_tear_down)
  ADD ("publish", test_publish, 0);
  ADD ("resume-after-drop", test_resume_after_drop, 0);
  ADD ("short-commit", test_short_commit, 0);
  ADD ("server-errors", test_server_errors, 0);
  ADD ("resume-stored-session", test_resume_stored_session, 0);
  ADD ("lost-final-answer", test_lost_final_answer, 0);
  ADD ("malformed-answers", test_malformed_answers, 0);
  ADD ("malformed-every-time", test_malformed_every_time, 0);
  ADD ("chunks-malformed-every-time", test_chunks_malformed_every_time, 100000);
  ADD ("expired-session", test_expired_session, 0);
  ADD ("errors", test_errors, 0);
  ADD ("rate-limit", test_rate_limit, 0);
  ADD ("cancel", test_cancel, 0);
  ADD ("cancel-slow-answer", test_cancel_slow_answer, 0);
  ADD ("delete", test_delete, 0);
  ADD ("channel", test_channel, 0);
  ADD ("cancel-mid-chunk-resume", test_cancel_mid_chunk_resume, 12 * MIB + 12345);
  ADD ("stream-rss", test_stream_rss, 96 * MIB);
#undef ADD
  g_test_add_func ("/warta/youtube/chunk-size", test_chunk_size);
  g_test_add_func ("/warta/youtube/two-videos", test_two_videos);

  return g_test_run ();
}
