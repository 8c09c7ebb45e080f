/* warta-youtube.h: publishing videos to one YouTube channel
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "warta-http-client.h"

G_BEGIN_DECLS

#define WARTA_TYPE_YOUTUBE (warta_youtube_get_type ())

G_DECLARE_FINAL_TYPE (WartaYouTube, warta_youtube, WARTA, YOUTUBE, GObject)

/* Chunks are multiples of 256 KiB (platform-apis.md §4.2). */
#define WARTA_YOUTUBE_CHUNK_UNIT (256 * 1024)
/* For warta_youtube_upload_async(): ask the server first. */
#define WARTA_YOUTUBE_OFFSET_UNKNOWN G_MAXUINT64

/* What videos.insert is told about the video; owned by the caller. */
typedef struct
{
  const char         *title;           /* ≤ 100 characters, no < > */
  const char         *description;     /* ≤ 5,000 bytes, no < > */
  const char * const *tags;
  const char         *category_id;     /* NULL: "22" (People & Blogs) */
  const char         *privacy_status;  /* public | unlisted | private; NULL: private */
  GDateTime          *publish_at;      /* YouTube publishes it then (private until) */
  gboolean            made_for_kids;
} WartaYouTubeMetadata;

/* @upload_url: the upload host, "https://www.googleapis.com" by default. */
WartaYouTube      *warta_youtube_new                  (WartaHttpClient            *client,
                                                       const char                 *upload_url,
                                                       const char                 *access_token);
/* A refreshed token, used from the next request of an upload on. */
void               warta_youtube_set_access_token     (WartaYouTube               *self,
                                                       const char                 *access_token);
/* Rounded down to a multiple of 256 KiB (at least one). Default 64 MiB. */
void               warta_youtube_set_chunk_size       (WartaYouTube               *self,
                                                       guint64                     chunk_size);
guint64            warta_youtube_get_chunk_size       (WartaYouTube               *self);

/* Step 1: a resumable upload session for @upload. Returns the session URI:
 * store it, it resumes the upload after a crash (for about a week). */
void               warta_youtube_start_session_async  (WartaYouTube               *self,
                                                       WartaUpload                *upload,
                                                       const WartaYouTubeMetadata *metadata,
                                                       GCancellable               *cancellable,
                                                       GAsyncReadyCallback         callback,
                                                       gpointer                    user_data);
char              *warta_youtube_start_session_finish (WartaYouTube               *self,
                                                       GAsyncResult               *result,
                                                       GError                    **error);

/* Step 2: sends @upload from @offset (the last confirmed offset, or
 * WARTA_YOUTUBE_OFFSET_UNKNOWN to ask the server) in chunks, each a PUT
 * with Content-Range; after a dropped connection or a 5xx it asks the
 * server how much it has ("bytes * /TOTAL") and goes on from there.
 * ::session-progress tells each confirmed offset. The result is the video
 * (id and watch URL); an already finished session gives it too. A session
 * that has expired fails with warta_youtube_error_is_session_expired(). */
void               warta_youtube_upload_async         (WartaYouTube               *self,
                                                       WartaUpload                *upload,
                                                       const char                 *session_uri,
                                                       guint64                     offset,
                                                       GCancellable               *cancellable,
                                                       GAsyncReadyCallback         callback,
                                                       gpointer                    user_data);
WartaRemoteResult *warta_youtube_upload_finish        (WartaYouTube               *self,
                                                       GAsyncResult               *result,
                                                       GError                    **error);

/* Both steps: a new session when @session_uri is NULL or has expired,
 * else the stored one resumed. */
void               warta_youtube_publish_async        (WartaYouTube               *self,
                                                       WartaUpload                *upload,
                                                       const WartaYouTubeMetadata *metadata,
                                                       const char                 *session_uri,
                                                       GCancellable               *cancellable,
                                                       GAsyncReadyCallback         callback,
                                                       gpointer                    user_data);
WartaRemoteResult *warta_youtube_publish_finish       (WartaYouTube               *self,
                                                       GAsyncResult               *result,
                                                       GError                    **error);

/* DELETE /youtube/v3/videos?id=…: a video not there any more counts as
 * deleted. */
void               warta_youtube_delete_video_async   (WartaYouTube               *self,
                                                       const char                 *video_id,
                                                       GCancellable               *cancellable,
                                                       GAsyncReadyCallback         callback,
                                                       gpointer                    user_data);
gboolean           warta_youtube_delete_video_finish  (WartaYouTube               *self,
                                                       GAsyncResult               *result,
                                                       GError                    **error);

/* GET /youtube/v3/channels?part=snippet,status&mine=true: the channel the
 * token signs in to. Returns its id ("UC…"); @out_title gets its title,
 * @out_handle its handle ("@…", NULL for a channel without one),
 * @out_long_uploads its status.longUploadsStatus ("allowed", "eligible",
 * "disallowed"; NULL when YouTube does not say: videos longer than 15
 * minutes need a verified channel, platform-apis.md §4). A Google
 * account without a channel, a token that may not see it (no
 * youtube.readonly scope) and the other refusals fail with a message for
 * the sign-in. */
void               warta_youtube_get_channel_async    (WartaYouTube               *self,
                                                       GCancellable               *cancellable,
                                                       GAsyncReadyCallback         callback,
                                                       gpointer                    user_data);
char              *warta_youtube_get_channel_finish   (WartaYouTube               *self,
                                                       GAsyncResult               *result,
                                                       char                      **out_title,
                                                       char                      **out_handle,
                                                       char                      **out_long_uploads,
                                                       GError                    **error);

gboolean           warta_youtube_error_is_session_expired (const GError           *error);

G_END_DECLS
