/* warta-facebook.h: publishing to one Facebook Page
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "warta-http-client.h"

G_BEGIN_DECLS

#define WARTA_TYPE_FACEBOOK (warta_facebook_get_type ())

G_DECLARE_FINAL_TYPE (WartaFacebook, warta_facebook, WARTA, FACEBOOK, GObject)

#define WARTA_FACEBOOK_API_VERSION "v25.0"

/* @graph_url: "https://graph.facebook.com"; @video_url: the host for the
 * requests that carry video, "https://graph-video.facebook.com". NULL for
 * either gives the default. @page_token: the Page access token. */
WartaFacebook     *warta_facebook_new                  (WartaHttpClient     *client,
                                                        const char          *graph_url,
                                                        const char          *video_url,
                                                        const char          *page_id,
                                                        const char          *page_token);
void               warta_facebook_set_api_version      (WartaFacebook       *self,
                                                        const char          *version);
const char        *warta_facebook_get_page_id          (WartaFacebook       *self);

/* POST /{page}/photos, multipart. @published FALSE: an unpublished photo
 * for warta_facebook_post_async()'s @photo_ids (Meta keeps it about 24 h).
 * Published, the result's url is the Page post's. A photo Facebook
 * refuses fails with WARTA_PUBLISH_ERROR_INVALID_MEDIA. */
void               warta_facebook_upload_photo_async   (WartaFacebook       *self,
                                                        WartaUpload         *upload,
                                                        const char          *caption,
                                                        gboolean             published,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
WartaRemoteResult *warta_facebook_upload_photo_finish  (WartaFacebook       *self,
                                                        GAsyncResult        *result,
                                                        GError             **error);

/* POST /{page}/feed: text, an optional @link, and unpublished photos as
 * attached_media (a multi-photo post). Facebook has no idempotency key:
 * after an unknown outcome, or error 506 (duplicate), the Page's feed is
 * read for a post with @message before anything is sent again. */
void               warta_facebook_post_async           (WartaFacebook       *self,
                                                        const char          *message,
                                                        const char          *link,
                                                        const char * const  *photo_ids,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
WartaRemoteResult *warta_facebook_post_finish          (WartaFacebook       *self,
                                                        GAsyncResult        *result,
                                                        GError             **error);

/* The Page's recent post with exactly @message, or NULL without an error. */
void               warta_facebook_find_post_async      (WartaFacebook       *self,
                                                        const char          *message,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
WartaRemoteResult *warta_facebook_find_post_finish     (WartaFacebook       *self,
                                                        GAsyncResult        *result,
                                                        GError             **error);

/* DELETE /{object}: a Page post (its attached photos go with it), a
 * photo or a video. An object that is already gone (Graph's 100/33)
 * counts as deleted: TRUE. */
/* POST /{object-id} with @field ("message", a video's "description"). */
void               warta_facebook_update_object_async  (WartaFacebook       *self,
                                                        const char          *object_id,
                                                        const char          *field,
                                                        const char          *text,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
gboolean           warta_facebook_update_object_finish (WartaFacebook       *self,
                                                        GAsyncResult        *result,
                                                        GError             **error);
void               warta_facebook_delete_object_async  (WartaFacebook       *self,
                                                        const char          *object_id,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
gboolean           warta_facebook_delete_object_finish (WartaFacebook       *self,
                                                        GAsyncResult        *result,
                                                        GError             **error);

/* A video through the chunked upload_phase protocol (platform-apis.md
 * §1.4 b): start, transfer of the windows Facebook names (each read from
 * the file, offsets corrected on error 1363037), finish with the title and
 * description. ::video-progress tells the session and offset; pass them
 * back (@resume_video_id, @resume_session_id, @resume_offset) to go on
 * after a crash. The result is the video id and its URL. */
void               warta_facebook_upload_video_async   (WartaFacebook       *self,
                                                        WartaUpload         *upload,
                                                        const char          *title,
                                                        const char          *description,
                                                        const char          *resume_video_id,
                                                        const char          *resume_session_id,
                                                        guint64              resume_offset,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
WartaRemoteResult *warta_facebook_upload_video_finish  (WartaFacebook       *self,
                                                        GAsyncResult        *result,
                                                        GError             **error);

/* The Graph API's error envelope, shared with Instagram (§1.5, §2.7). */
void               _warta_graph_parse_error            (guint                status,
                                                        JsonNode            *body,
                                                        WartaPublishError   *code,
                                                        char               **platform_code,
                                                        char               **platform_message);

G_END_DECLS
