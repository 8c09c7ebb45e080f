/* warta-x.h: publishing to one X (Twitter) account
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "warta-http-client.h"

G_BEGIN_DECLS

#define WARTA_TYPE_X (warta_x_get_type ())

G_DECLARE_FINAL_TYPE (WartaX, warta_x, WARTA, X, GObject)

/* @api_url: "https://api.x.com" by default. @access_token: OAuth 2.0
 * user token (scopes tweet.read tweet.write users.read media.write). */
WartaX            *warta_x_new                 (WartaHttpClient     *client,
                                                const char          *api_url,
                                                const char          *access_token);
void               warta_x_set_access_token    (WartaX              *self,
                                                const char          *access_token);
/* Bytes per append segment; at most 5 MiB (platform-apis.md §3.3). */
void               warta_x_set_segment_size    (WartaX              *self,
                                                gsize                segment_size);
/* The longest wait between status polls, whatever check_after_secs says
 * (for tests); 0: as X says. */
void               warta_x_set_max_poll_wait   (WartaX              *self,
                                                guint                max_ms);

/* initialize → append (segments streamed from the file, each retried on
 * its own) → finalize → status polls until processing succeeded. With
 * @resume_media_id (from ::media-initialized of an earlier attempt, within
 * its 24 hours) initialize is skipped and the segments sent again. The
 * result's id is the media id for warta_x_post_async(). @media_category:
 * NULL to choose by the upload's type (tweet_image, tweet_gif,
 * tweet_video). */
void               warta_x_upload_media_async  (WartaX              *self,
                                                WartaUpload         *upload,
                                                const char          *media_category,
                                                const char          *resume_media_id,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
WartaRemoteResult *warta_x_upload_media_finish (WartaX              *self,
                                                GAsyncResult        *result,
                                                GError             **error);

/* POST /2/tweets. X has no idempotency key: after an unknown outcome, and
 * when X calls the text a duplicate, the account's recent posts are
 * searched for it first; a match is returned with reused set. */
void               warta_x_post_async          (WartaX              *self,
                                                const char          *text,
                                                const char * const  *media_ids,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
WartaRemoteResult *warta_x_post_finish         (WartaX              *self,
                                                GAsyncResult        *result,
                                                GError             **error);

/* GET /2/users/me: who the token signs in as. Returns the user's id;
 * @out_username gets the username (without the "@"). */
void               warta_x_get_me_async        (WartaX              *self,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
char              *warta_x_get_me_finish       (WartaX              *self,
                                                GAsyncResult        *result,
                                                char               **out_username,
                                                GError             **error);

/* The account's recent post with @text (links compared as X shortens
 * them), or NULL without an error. */
void               warta_x_find_post_async     (WartaX              *self,
                                                const char          *text,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
WartaRemoteResult *warta_x_find_post_finish    (WartaX              *self,
                                                GAsyncResult        *result,
                                                GError             **error);
/* DELETE /2/tweets/:id: a post not there any more counts as deleted. */
void               warta_x_delete_post_async   (WartaX              *self,
                                                const char          *post_id,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gboolean           warta_x_delete_post_finish  (WartaX              *self,
                                                GAsyncResult        *result,
                                                GError             **error);

G_END_DECLS
