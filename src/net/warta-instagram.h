/* warta-instagram.h: publishing to one Instagram professional account
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "warta-http-client.h"

G_BEGIN_DECLS

#define WARTA_TYPE_INSTAGRAM (warta_instagram_get_type ())

G_DECLARE_FINAL_TYPE (WartaInstagram, warta_instagram, WARTA, INSTAGRAM, GObject)

/* @graph_url: "https://graph.facebook.com" (Facebook Login for Business)
 * or "https://graph.instagram.com" (Instagram Login); NULL: the first. */
WartaInstagram    *warta_instagram_new                     (WartaHttpClient     *client,
                                                            const char          *graph_url,
                                                            const char          *ig_user_id,
                                                            const char          *access_token);
void               warta_instagram_set_api_version         (WartaInstagram      *self,
                                                            const char          *version);
/* Status polls: every @interval_ms, giving up after @give_up_ms (Meta asks
 * for about one a minute, for five minutes at most). */
void               warta_instagram_set_poll_interval       (WartaInstagram      *self,
                                                            guint                interval_ms,
                                                            guint                give_up_ms);

/* GET content_publishing_limit: the posts still allowed in the 24-hour
 * window; none left fails with WARTA_PUBLISH_ERROR_RATE_LIMITED. */
void               warta_instagram_check_limit_async       (WartaInstagram      *self,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
gint               warta_instagram_check_limit_finish      (WartaInstagram      *self,
                                                            GAsyncResult        *result,
                                                            GError             **error);

/* POST /{ig-user}/media with a PUBLIC @image_url (Instagram fetches it):
 * a container for one image, or with @carousel_item a carousel child. A
 * NULL or non-web @image_url fails with WARTA_PUBLISH_ERROR_NOT_CONFIGURED
 * and says how to set up a public host (the WordPress media library). */
void               warta_instagram_create_container_async  (WartaInstagram      *self,
                                                            const char          *image_url,
                                                            const char          *caption,
                                                            const char          *alt_text,
                                                            gboolean             carousel_item,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
WartaRemoteResult *warta_instagram_create_container_finish (WartaInstagram      *self,
                                                            GAsyncResult        *result,
                                                            GError             **error);

/* The same for a video at a PUBLIC @video_url: a REELS container shared
 * to the feed, or with @carousel_item a VIDEO carousel child (§2.3);
 * finished with warta_instagram_create_container_finish(). The container
 * is IN_PROGRESS while Instagram processes the video: wait for it before
 * making a carousel of it. */
void               warta_instagram_create_video_container_async (WartaInstagram      *self,
                                                                 const char          *video_url,
                                                                 const char          *caption,
                                                                 gboolean             carousel_item,
                                                                 GCancellable        *cancellable,
                                                                 GAsyncReadyCallback  callback,
                                                                 gpointer             user_data);

/* A CAROUSEL container of 2–10 children. */
void               warta_instagram_create_carousel_async   (WartaInstagram      *self,
                                                            const char * const  *children,
                                                            const char          *caption,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
WartaRemoteResult *warta_instagram_create_carousel_finish  (WartaInstagram      *self,
                                                            GAsyncResult        *result,
                                                            GError             **error);

/* Polls status_code until FINISHED (ERROR: the media; EXPIRED: create a
 * new container). Containers are safe handles: a container that is
 * already PUBLISHED is reported with reused set. */
void               warta_instagram_wait_container_async    (WartaInstagram      *self,
                                                            const char          *container_id,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
WartaRemoteResult *warta_instagram_wait_container_finish   (WartaInstagram      *self,
                                                            GAsyncResult        *result,
                                                            GError             **error);

/* Waits for the container, then media_publish; the result is the post
 * (id and permalink). Before every media_publish the container's status
 * is read: PUBLISHED means an earlier attempt went out, and the account's
 * post with @caption is returned instead (§0.3). */
void               warta_instagram_publish_async           (WartaInstagram      *self,
                                                            const char          *container_id,
                                                            const char          *caption,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
WartaRemoteResult *warta_instagram_publish_finish          (WartaInstagram      *self,
                                                            GAsyncResult        *result,
                                                            GError             **error);

G_END_DECLS
