/* warta-tiktok.h: publishing videos and photos to one TikTok account
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "warta-account.h"
#include "warta-http-client.h"

G_BEGIN_DECLS

#define WARTA_TYPE_TIKTOK (warta_tiktok_get_type ())

G_DECLARE_FINAL_TYPE (WartaTikTok, warta_tiktok, WARTA, TIKTOK, GObject)

/* What creator_info/query says (platform-apis.md §5.2): the publish view
 * must show the nickname, let the user choose one of the privacy levels
 * (no default), and honour the disabled interactions and the length. */
typedef struct
{
  char     *nickname;
  char     *username;
  char    **privacy_level_options;
  gboolean  comment_disabled;
  gboolean  duet_disabled;
  gboolean  stitch_disabled;
  gint      max_video_post_duration_sec;
} WartaTikTokCreatorInfo;

void warta_tiktok_creator_info_free (WartaTikTokCreatorInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WartaTikTokCreatorInfo, warta_tiktok_creator_info_free)

/* What video/init confirmed: store it; the upload URL is valid 1 hour. */
typedef struct
{
  char    *publish_id;
  char    *upload_url;
  guint64  video_size;
  guint64  chunk_size;
  guint    total_chunk_count;
} WartaTikTokInit;

void warta_tiktok_init_free (WartaTikTokInit *init);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WartaTikTokInit, warta_tiktok_init_free)

/* The chunking of §5.4 for a file of @video_size bytes with @preferred
 * chunks (5–64 MiB): under 5 MiB one chunk; the last chunk takes the
 * remainder; more than 64 MiB always in two chunks or more. */
void               warta_tiktok_plan_chunks            (guint64               video_size,
                                                        guint64               preferred,
                                                        guint64              *chunk_size,
                                                        guint                *total_chunk_count);

/* @api_url: "https://open.tiktokapis.com" by default. */
WartaTikTok       *warta_tiktok_new                    (WartaHttpClient      *client,
                                                        const char           *api_url,
                                                        const char           *access_token);
/* For @account, with the secret from the keyring (a token, or OAuth
 * tokens as JSON; NULL: not signed in). */
WartaTikTok       *warta_tiktok_new_for_account        (WartaHttpClient      *client,
                                                        WartaAccount         *account,
                                                        const char           *secret);
void               warta_tiktok_set_chunk_size         (WartaTikTok          *self,
                                                        guint64               chunk_size);
void               warta_tiktok_set_poll_interval      (WartaTikTok          *self,
                                                        guint                 interval_ms,
                                                        guint                 give_up_ms);

void               warta_tiktok_query_creator_info_async  (WartaTikTok          *self,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
WartaTikTokCreatorInfo *warta_tiktok_query_creator_info_finish (WartaTikTok     *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);

/* POST /v2/post/publish/video/init/ (direct post, FILE_UPLOAD).
 * @privacy_level: one of the creator's privacy_level_options. */
void               warta_tiktok_init_video_async       (WartaTikTok          *self,
                                                        WartaUpload          *upload,
                                                        const char           *title,
                                                        const char           *privacy_level,
                                                        gboolean              disable_comment,
                                                        gboolean              disable_duet,
                                                        gboolean              disable_stitch,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
WartaTikTokInit   *warta_tiktok_init_video_finish      (WartaTikTok          *self,
                                                        GAsyncResult         *result,
                                                        GError              **error);

/* PUTs the chunks to the upload URL in order, each streamed from the file
 * with Content-Range, from chunk @first_chunk on; a 416 goes on from the
 * chunk the server expects, a 5xx or a dropped connection sends the chunk
 * again. ::chunk-confirmed tells each chunk the server has. */
void               warta_tiktok_upload_async           (WartaTikTok          *self,
                                                        WartaUpload          *upload,
                                                        const WartaTikTokInit *init,
                                                        guint                 first_chunk,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
gboolean           warta_tiktok_upload_finish          (WartaTikTok          *self,
                                                        GAsyncResult         *result,
                                                        GError              **error);

/* Photo posts (§5.6): at most 35 photos, a title of at most 90 and a
 * description of at most 4,000 UTF-16 code units. */
#define WARTA_TIKTOK_MAX_PHOTOS 35
#define WARTA_TIKTOK_PHOTO_TITLE_MAX 90
#define WARTA_TIKTOK_PHOTO_DESCRIPTION_MAX 4000

/* POST /v2/post/publish/content/init/: a DIRECT_POST of photos TikTok
 * fetches from @photo_urls (PULL_FROM_URL, public addresses on a domain
 * verified for the app). @title and @description are cut to their
 * limits. The result is the publish_id (g_free()). This request is the
 * post, and TikTok has no idempotency key (§0.3): see below. */
void               warta_tiktok_init_photo_async       (WartaTikTok          *self,
                                                        const char           *title,
                                                        const char           *description,
                                                        const char * const   *photo_urls,
                                                        guint                 cover_index,
                                                        const char           *privacy_level,
                                                        gboolean              disable_comment,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
char              *warta_tiktok_init_photo_finish      (WartaTikTok          *self,
                                                        GAsyncResult         *result,
                                                        GError              **error);
/* The photo post is sent once: when its body went out and no refusal of
 * TikTok's came back (a lost answer, a dropped connection, a 5xx), the
 * post may exist, and the error is WARTA_PUBLISH_ERROR_UNCONFIRMED, this
 * one, with @reason (the cause, for the record; may be NULL). */
GError            *warta_tiktok_new_unconfirmed_error  (const char           *reason);

/* Polls status/fetch until PUBLISH_COMPLETE (FAILED: the fail_reason as
 * an error). The result's id is the public post id when TikTok gives one
 * (public posts, after moderation), else the publish_id. */
void               warta_tiktok_wait_publish_async     (WartaTikTok          *self,
                                                        const char           *publish_id,
                                                        const char           *username,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
WartaRemoteResult *warta_tiktok_wait_publish_finish    (WartaTikTok          *self,
                                                        GAsyncResult         *result,
                                                        GError              **error);

G_END_DECLS
