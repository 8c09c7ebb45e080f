/* warta-mastodon.h: publishing to one Mastodon account
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "warta-account-store.h"
#include "warta-account.h"
#include "warta-http-client.h"

G_BEGIN_DECLS

#define WARTA_TYPE_MASTODON (warta_mastodon_get_type ())

G_DECLARE_FINAL_TYPE (WartaMastodon, warta_mastodon, WARTA, MASTODON, GObject)

WartaMastodon     *warta_mastodon_new                  (WartaHttpClient     *client,
                                                        const char          *instance_url,
                                                        const char          *access_token);
const char        *warta_mastodon_get_instance_url     (WartaMastodon       *self);
void               warta_mastodon_set_poll_interval    (WartaMastodon       *self,
                                                        guint                initial_ms,
                                                        guint                max_ms,
                                                        guint                give_up_ms);

/* Step 1: POST /api/v2/media. The result's url is NULL while the server
 * is still processing the file (202): store the id, then wait_for_media. */
void               warta_mastodon_upload_media_async   (WartaMastodon       *self,
                                                        WartaUpload         *upload,
                                                        const char          *description,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
WartaRemoteResult *warta_mastodon_upload_media_finish  (WartaMastodon       *self,
                                                        GAsyncResult        *result,
                                                        GError             **error);

/* Step 2: polls GET /api/v1/media/:id, with backoff, until it has a URL.
 * @upload (optional) shows the processing state. */
void               warta_mastodon_wait_for_media_async (WartaMastodon       *self,
                                                        const char          *media_id,
                                                        WartaUpload         *upload,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
WartaRemoteResult *warta_mastodon_wait_for_media_finish (WartaMastodon      *self,
                                                        GAsyncResult        *result,
                                                        GError             **error);

/* Step 3: POST /api/v1/statuses with an Idempotency-Key, retried with the
 * same key: the server answers a repeat with the status it already made. */
void               warta_mastodon_post_status_async    (WartaMastodon       *self,
                                                        const char          *text,
                                                        const char * const  *media_ids,
                                                        const char          *visibility,
                                                        const char          *idempotency_key,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
WartaRemoteResult *warta_mastodon_post_status_finish   (WartaMastodon       *self,
                                                        GAsyncResult        *result,
                                                        GError             **error);

char              *warta_mastodon_idempotency_key      (const char          *job_key);

/* The server remembers an Idempotency-Key for one hour (§6.3): past that a
 * repeat could post twice. The account's status with @media_ids (the
 * same attachments), or without media the same @text, made at @since_us
 * or later (verify_credentials, then the account's recent statuses), or
 * NULL without an error when there is none; the result has reused set. */
void               warta_mastodon_find_status_async    (WartaMastodon       *self,
                                                        const char          *text,
                                                        const char * const  *media_ids,
                                                        gint64               since_us,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
WartaRemoteResult *warta_mastodon_find_status_finish   (WartaMastodon       *self,
                                                        GAsyncResult        *result,
                                                        GError             **error);

/* GET /api/v1/accounts/verify_credentials (§6.1): who the token signs
 * in as. Returns the account's id on the instance; @out_acct gets its
 * acct (the username, without the instance for a local account). */
void               warta_mastodon_verify_credentials_async  (WartaMastodon       *self,
                                                             GCancellable        *cancellable,
                                                             GAsyncReadyCallback  callback,
                                                             gpointer             user_data);
char              *warta_mastodon_verify_credentials_finish (WartaMastodon       *self,
                                                             GAsyncResult        *result,
                                                             char               **out_acct,
                                                             GError             **error);

/* DELETE /api/v1/statuses/:id: a status already gone counts as deleted. */
void               warta_mastodon_delete_status_async  (WartaMastodon       *self,
                                                        const char          *status_id,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
gboolean           warta_mastodon_delete_status_finish (WartaMastodon       *self,
                                                        GAsyncResult        *result,
                                                        GError             **error);

/* PUT /api/v1/statuses/:id: the status's new text, its attachments kept. */
void               warta_mastodon_edit_status_async    (WartaMastodon       *self,
                                                        const char          *status_id,
                                                        const char          *text,
                                                        const char * const  *media_ids,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
gboolean           warta_mastodon_edit_status_finish   (WartaMastodon       *self,
                                                        GAsyncResult        *result,
                                                        GError             **error);

/* What an instance takes (GET /api/v2/instance, §6.4; /api/v1/instance
 * when there is no v2, before Mastodon 4.0): each 0 where it does not
 * say. @known: the instance said any (before Mastodon 3.4 none). */
typedef struct
{
  gboolean known;
  guint    max_characters;      /* configuration.statuses.max_characters */
  guint    url_length;          /* characters_reserved_per_url */
  guint    max_media;           /* max_media_attachments; Mastodon's 4 when not said */
  guint64  image_size_limit;    /* configuration.media_attachments, bytes */
  guint64  video_size_limit;
  guint    description_limit;   /* an attachment's alt text, characters */
} WartaMastodonLimits;

/* The instance's limits, asked once for this object: GET /api/v2/instance,
 * and /api/v1/instance only when v2 is not there (404); an instance that
 * does not answer v2 now is not asked v1. */
void               warta_mastodon_get_limits_async     (WartaMastodon       *self,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
gboolean           warta_mastodon_get_limits_finish    (WartaMastodon       *self,
                                                        GAsyncResult        *result,
                                                        WartaMastodonLimits *out_limits,
                                                        GError             **error);
/* The limits an instance said (@limits->known), kept in @account's
 * public settings ("max-characters", "characters-per-url", "max-media",
 * "image-size-limit", "video-size-limit", "description-limit"); one it
 * does not say any more is removed. */
void               warta_mastodon_limits_store         (const WartaMastodonLimits *limits,
                                                        WartaAccount        *account);
/* The same members as a JSON object, null for each not said: for
 * warta_account_repository_merge_settings(). */
char              *warta_mastodon_limits_to_json       (const WartaMastodonLimits *limits);
/* The limits kept in @account's settings: FALSE, @out_limits zeroed, when
 * none are (an account signed in before Warta asked, an instance that
 * says none). */
gboolean           warta_mastodon_limits_load          (WartaAccount        *account,
                                                        WartaMastodonLimits *out_limits);

/* Keeps @limits (said by the instance just now) in @account and, with
 * @repository, in its saved settings, only when they differ from those
 * kept: TRUE when they did. @out_had_kept: whether any were kept before.
 * Not saved is logged, not an error: the next answer is kept then. */
gboolean           warta_mastodon_limits_keep          (const WartaMastodonLimits *limits,
                                                        WartaAccount        *account,
                                                        WartaAccountRepository *repository,
                                                        gboolean            *out_had_kept);
/* Asks @account's instance its limits as they are now (with its access
 * token from @store, GET /api/v2/instance or v1) and keeps them
 * (warta_mastodon_limits_keep()); an instance that does not answer is an
 * error, and the kept ones stay, as when it answers without saying them. */
void               warta_mastodon_ask_limits_async     (WartaAccountStore   *store,
                                                        WartaHttpClient     *client,
                                                        WartaAccount        *account,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
/* @out_changed: whether the instance's limits differed from those kept;
 * @out_said: FALSE when the instance answered without saying any (before
 * Mastodon 3.4). */
gboolean           warta_mastodon_ask_limits_finish    (GAsyncResult        *result,
                                                        gboolean            *out_changed,
                                                        gboolean            *out_said,
                                                        GError             **error);

/* POST /api/v1/apps on @instance_url (platform-apis.md §6.1): Warta as an
 * app of that instance, for the sign-in with @redirect_uri. Returns the
 * client id; @out_client_secret gets the secret. */
void               warta_mastodon_register_app_async   (WartaHttpClient     *client,
                                                        const char          *instance_url,
                                                        const char          *redirect_uri,
                                                        const char          *scopes,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
char              *warta_mastodon_register_app_finish  (GAsyncResult        *result,
                                                        char               **out_client_secret,
                                                        GError             **error);

G_END_DECLS
