/* warta-test-server.h: loopback Mastodon and WordPress servers for the tests
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A SoupServer on 127.0.0.1 at a random port that follows the platform's
 * documented protocol (platform-apis.md §6, §7), error bodies and rate-limit
 * headers included, with knobs to inject faults.
 */
#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

typedef enum
{
  WARTA_TEST_MASTODON,
  WARTA_TEST_WORDPRESS,
  /* Made by warta_test_<platform>_server_new() (warta-test-server-<platform>.c),
   * not by warta_test_server_new(). */
  WARTA_TEST_YOUTUBE,
  WARTA_TEST_X,
  WARTA_TEST_FACEBOOK,
  WARTA_TEST_INSTAGRAM,
  WARTA_TEST_TIKTOK,
} WartaTestPlatform;

typedef enum
{
  WARTA_TEST_FAULT_STATUS,            /* answer param (500, 503 …) with the platform's error body */
  WARTA_TEST_FAULT_RATE_LIMIT,        /* 429, Retry-After: param seconds, reset headers */
  WARTA_TEST_FAULT_DROP_AFTER_COMMIT, /* do the work, then close the connection unanswered */
  WARTA_TEST_FAULT_DROP,              /* close the connection, do nothing */
  WARTA_TEST_FAULT_DELAY,             /* answer after param milliseconds */
  WARTA_TEST_FAULT_DROP_MID_BODY,     /* close the connection after param bytes of the body
                                       * (streamed upload paths of the new platforms) */
  WARTA_TEST_FAULT_PLATFORM_ERROR,    /* warta_test_server_add_error() */
  WARTA_TEST_FAULT_ANSWER,            /* warta_test_server_add_answer() */
  WARTA_TEST_FAULT_ANSWER_AFTER_COMMIT,
  WARTA_TEST_FAULT_CANCEL,            /* warta_test_server_cancel_at() */
} WartaTestFaultKind;

#define WARTA_TEST_MASTODON_TOKEN "test-token-0123456789"
#define WARTA_TEST_WP_USER "warta"
/* Shown in groups of four, as WordPress does; spaces do not count. */
#define WARTA_TEST_WP_APP_PASSWORD "abcd EFGH ijkl MNOP qrst UVWX"

typedef struct _WartaTestServer WartaTestServer;

WartaTestServer *warta_test_server_new                   (WartaTestPlatform   platform);
WartaTestServer *warta_test_server_new_https             (WartaTestPlatform   platform);
const char      *warta_test_server_get_certificate_pem   (void);
void             warta_test_server_free                  (WartaTestServer    *server);
const char      *warta_test_server_get_url               (WartaTestServer    *server);

/* The @nth (1-based) request matching @method and a path starting with
 * @path gets the fault; @nth 0: every matching request.
 *
 * How requests are counted (add_error() and add_answer() too):
 * - from when the fault is queued, not from the server's start: requests
 *   made before do not count, so "1" is the next matching request;
 * - @path is a prefix: "/api/v1/media" counts "/api/v1/media/123" too;
 * - every fault counts every request it matches, also one another fault
 *   took: when two faults pick the same request, the one queued first is
 *   applied and the other never is;
 * - a request counts as it comes in whole, but on the streamed upload
 *   paths (YouTube's, TikTok's /video/) as it begins: there a request
 *   dropped mid-body or given up by the client counts too, and its fault
 *   is applied only if the body comes whole;
 * - a fault stays queued once applied; an @nth one never fires again;
 * - libsoup may send a request dropped unanswered again once by itself,
 *   on a new connection (it does the upload PUTs of YouTube and TikTok):
 *   that is the next matching request, not the client's own next attempt
 *   (drop it too to get there);
 * - YouTube's upload path keeps a chunk's bytes (256 KiB at a time) as
 *   they come, before any fault: a drop or an error there loses the
 *   answer, not the bytes.
 * A fault never applied means the test did not reach the step it names:
 * warta_test_server_free() fails the test then (unless it failed
 * already), and warta_test_server_assert_faults_used() checks sooner,
 * e.g. between the cases of a loop on one server. A drop-mid-body fault
 * counts as applied only when the body reached @param bytes. */
void             warta_test_server_add_fault             (WartaTestServer    *server,
                                                          const char         *method,
                                                          const char         *path,
                                                          guint               nth,
                                                          WartaTestFaultKind  kind,
                                                          guint               param);
/* The faults queued (add_fault(), add_error(), add_answer()) never applied:
 * how many, and each one's method, path, request number, kind and why
 * ("; " between them, NULL for none). */
guint            warta_test_server_count_unused_faults   (WartaTestServer    *server);
char            *warta_test_server_describe_unused_faults (WartaTestServer   *server);
#define warta_test_server_assert_faults_used(server) \
  _warta_test_server_assert_faults_used ((server), __FILE__, __LINE__, G_STRFUNC)
void             _warta_test_server_assert_faults_used   (WartaTestServer    *server,
                                                          const char         *file,
                                                          int                 line,
                                                          const char         *func);
/* Mastodon: which of GET /api/v2/instance and /api/v1/instance say the
 * limits, and how. */
typedef enum
{
  WARTA_TEST_INSTANCE_V2,      /* Mastodon 4.0 and later: v2 (and v1) with configuration */
  WARTA_TEST_INSTANCE_V1,      /* Mastodon 3.4-3.5: v2 404, v1 with configuration */
  WARTA_TEST_INSTANCE_V1_FORK, /* an old fork (Pleroma, Glitch): v2 404, v1 with only a
                                * top-level max_toot_chars */
  WARTA_TEST_INSTANCE_V1_BARE, /* before Mastodon 3.4: v2 404, v1 without any limit */
} WartaTestInstanceKind;
/* Mastodon: what the instance's configuration says (0 leaves a member
 * out); the statuses and attachments it takes. */
typedef struct
{
  WartaTestInstanceKind kind;
  guint    max_characters;     /* statuses: a longer one is refused (422) */
  guint    url_length;         /* characters_reserved_per_url */
  guint    max_media;          /* a status with more attachments is refused */
  guint64  image_size_limit;   /* media_attachments */
  guint64  video_size_limit;
  guint    description_limit;
} WartaTestInstance;
/* A default Mastodon 4.3 instance's. */
#define WARTA_TEST_INSTANCE_DEFAULT { WARTA_TEST_INSTANCE_V2, 500, 23, 4, 16777216, 103809024, 1500 }
void             warta_test_server_set_instance          (WartaTestServer         *server,
                                                          const WartaTestInstance *instance);
/* The instance's answer to GET @path (/api/v2/instance or
 * /api/v1/instance), for the loopback authorization server too. */
void             warta_test_mastodon_respond_instance    (SoupServerMessage       *msg,
                                                          const char              *path,
                                                          const WartaTestInstance *instance);
/* Mastodon: the instance takes @max_media attachments in a status (4 by
 * default), says so in /api/v2/instance and refuses more. */
void             warta_test_server_set_max_media         (WartaTestServer    *server,
                                                          guint               max_media);
/* Mastodon: new media answers 202 and stays processing for @polls GETs. */
void             warta_test_server_set_processing_polls  (WartaTestServer    *server,
                                                          guint               polls);
/* Mastodon: the server's clock moves @seconds ahead (status times, and
 * the hour it keeps an Idempotency-Key). */
void             warta_test_server_advance_clock         (WartaTestServer    *server,
                                                          gint64              seconds);
/* From now on the token / application password is refused. */
void             warta_test_server_revoke_credentials    (WartaTestServer    *server);

guint            warta_test_server_get_post_count        (WartaTestServer    *server);
guint            warta_test_server_get_media_count       (WartaTestServer    *server);
guint            warta_test_server_get_deleted_count     (WartaTestServer    *server);
/* Mastodon and WordPress: post @id's text (a status, an article's
 * content) and title (WordPress), as the server keeps it; NULL for none. */
const char      *warta_test_server_get_post_text         (WartaTestServer    *server,
                                                          const char         *id);
const char      *warta_test_server_get_post_title        (WartaTestServer    *server,
                                                          const char         *id);
guint            warta_test_server_count_requests        (WartaTestServer    *server,
                                                          const char         *method,
                                                          const char         *path);
/* Of the last media upload: body bytes received, their SHA-1, and the
 * request's value of @header (NULL for none). */
guint64          warta_test_server_get_last_upload_size  (WartaTestServer    *server);
const char      *warta_test_server_get_last_upload_sha1  (WartaTestServer    *server);
const char      *warta_test_server_get_last_header       (WartaTestServer    *server,
                                                          const char         *header);

/* YouTube, X, Facebook, Instagram and TikTok (platform-apis.md §1–§5),
 * one file each. All the functions above work on them too; "posts" are
 * videos, tweets, Page posts, published media and completed publishes. */
#define WARTA_TEST_YOUTUBE_TOKEN "ya29.test-youtube-token"
#define WARTA_TEST_X_TOKEN "test-x-bearer-token"
#define WARTA_TEST_X_USER_ID "1500000000000000001"
#define WARTA_TEST_FACEBOOK_PAGE_ID "104000000000001"
#define WARTA_TEST_FACEBOOK_TOKEN "EAAtest-page-token"
#define WARTA_TEST_INSTAGRAM_USER_ID "17841400000000001"
#define WARTA_TEST_INSTAGRAM_TOKEN "EAAtest-instagram-token"
#define WARTA_TEST_TIKTOK_TOKEN "act.test-tiktok-token"

WartaTestServer *warta_test_youtube_server_new           (void);
guint            warta_test_youtube_server_get_deleted_count (WartaTestServer *server);
/* The Google account of @username's channel is the one channels.list
 * answers ("humas.kotaraya"'s at first); NULL: a Google account with no
 * channel. */
#define WARTA_TEST_YOUTUBE_CHANNEL_OWNER "humas.kotaraya"
void             warta_test_youtube_server_set_channel_owner (WartaTestServer *server,
                                                              const char      *username);
/* The channel's status.longUploadsStatus ("allowed" at first, "eligible",
 * "disallowed"; NULL: not in the answer). */
void             warta_test_youtube_server_set_long_uploads (WartaTestServer *server,
                                                             const char      *status);
/* The channel of the Google account @username, as the loopback servers
 * answer it: its id ("UC" and 22 more), its title; its handle is
 * "@username". */
char            *warta_test_youtube_channel_id           (const char         *username);
char            *warta_test_youtube_channel_title        (const char         *username);
/* channels.list (part from @query, mine=true) answered for @username's
 * channel, none for NULL, its status saying @long_uploads; and YouTube's documented error @name (see
 * warta-test-server-youtube.c), for the loopback authorization server's
 * Google API host too. */
void             warta_test_youtube_respond_channels     (SoupServerMessage  *msg,
                                                          GHashTable         *query,
                                                          const char         *username,
                                                          const char         *long_uploads);
void             warta_test_youtube_respond_error        (SoupServerMessage  *msg,
                                                          const char         *name);
WartaTestServer *warta_test_x_server_new                 (void);
guint            warta_test_x_server_get_deleted_count   (WartaTestServer    *server);
WartaTestServer *warta_test_facebook_server_new          (void);
/* Facebook: the DELETE requests that removed an object (what went with
 * it not counted); the post count still counts every post made. */
guint            warta_test_facebook_server_get_deleted_count (WartaTestServer *server);
/* Facebook: the text of the Page post (or the photo or video that is the
 * post) @id; NULL when it is not there. */
const char      *warta_test_facebook_server_get_post_message (WartaTestServer *server,
                                                              const char      *id);
WartaTestServer *warta_test_instagram_server_new         (void);
/* The posts a day content_publishing_limit allows (50 unless set). */
void             warta_test_instagram_server_set_quota   (WartaTestServer *server,
                                                          guint            quota_total);
WartaTestServer *warta_test_tiktok_server_new            (void);

/* TikTok: the post_info of the last video/init or content/init (JSON
 * text, NULL before); the creator's privacy_level_options from now on
 * (NULL: all three); how many photos the server fetched for photo posts. */
const char      *warta_test_tiktok_server_get_last_post_info  (WartaTestServer    *server);
void             warta_test_tiktok_server_set_privacy_options (WartaTestServer    *server,
                                                               const char * const *options);
guint            warta_test_tiktok_server_count_photo_fetches (WartaTestServer    *server);
/* The creator's max_video_post_duration_sec from now on (300 at first). */
void             warta_test_tiktok_server_set_max_duration    (WartaTestServer    *server,
                                                               guint               seconds);

/* The @nth request matching @method and @path answers with the platform's
 * documented error @name (e.g. "quotaExceeded", "190", "88", "duplicate",
 * "spam_risk_too_many_posts"; see each platform's file). */
void             warta_test_server_add_error             (WartaTestServer    *server,
                                                          const char         *method,
                                                          const char         *path,
                                                          guint               nth,
                                                          const char         *name);
/* The @nth request matching @method and @path is answered @status with
 * @body as it is (a proxy's HTML page, truncated or misshapen JSON …),
 * @content_type (NULL: none) and only the header lines @headers
 * ("Name: value\n…", NULL: none). With @commit the server does the work
 * first (the post is made), then answers that instead. */
void             warta_test_server_add_answer            (WartaTestServer    *server,
                                                          const char         *method,
                                                          const char         *path,
                                                          guint               nth,
                                                          gboolean            commit,
                                                          guint               status,
                                                          const char         *headers,
                                                          const char         *content_type,
                                                          const char         *body);
/* When the @nth (1-based) request matching @method and @path has come
 * whole and its fault (if any) is in place, @cancellable is cancelled
 * (from an idle): a client cancelled while the server holds its answer,
 * e.g. with a WARTA_TEST_FAULT_DELAY on the same request. It does not
 * take the request from a fault; it is counted as one (see add_fault()). */
void             warta_test_server_cancel_at             (WartaTestServer    *server,
                                                          const char         *method,
                                                          const char         *path,
                                                          guint               nth,
                                                          GCancellable       *cancellable);
/* Upload sessions, upload URLs and containers in progress expire. */
void             warta_test_server_expire_sessions       (WartaTestServer    *server);
/* Streamed upload paths are hashed as they arrive; off for benchmarks. */
void             warta_test_server_set_hashing           (WartaTestServer    *server,
                                                          gboolean            hashing);
/* The last file the server assembled completely (all chunks): its size and
 * SHA-256, NULL before. */
guint64          warta_test_server_get_file_size         (WartaTestServer    *server);
const char      *warta_test_server_get_file_sha256       (WartaTestServer    *server);
/* Serves @bytes at @path (GET), e.g. an image that Instagram fetches. */
void             warta_test_server_add_file              (WartaTestServer    *server,
                                                          const char         *path,
                                                          const char         *content_type,
                                                          GBytes             *bytes);

/* WordPress: the application password's user is a subscriber, who may
 * read but neither upload nor publish. */
void             warta_test_server_set_wp_subscriber     (WartaTestServer    *server,
                                                          gboolean            subscriber);

/* Every request not given a fault waits 0 … @max_ms, chosen by a GRand
 * seeded with @seed: half of them before the work is done, half after it
 * (before the answer), so that a client killed at a random time dies at
 * every point of the protocol. For Mastodon and WordPress. */
void             warta_test_server_set_random_latency    (WartaTestServer    *server,
                                                          guint               max_ms,
                                                          guint32             seed);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WartaTestServer, warta_test_server_free)

G_END_DECLS
