/* warta-outbox.h: the worker that sends the outbox's jobs
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "warta-account-store.h"
#include "warta-http-client.h"
#include "warta-outbox-repository.h"
#include "warta-publisher.h"

G_BEGIN_DECLS

#define WARTA_TYPE_OUTBOX (warta_outbox_get_type ())

G_DECLARE_FINAL_TYPE (WartaOutbox, warta_outbox, WARTA, OUTBOX, GObject)

/* Mastodon and WordPress are registered; other platforms add themselves
 * with warta_outbox_register_platform(). */
WartaOutbox           *warta_outbox_new                (WartaOutboxRepository *repository,
                                                        WartaAccountStore     *accounts,
                                                        WartaHttpClient       *client);
WartaOutboxRepository *warta_outbox_get_repository     (WartaOutbox           *self);
WartaAccountStore     *warta_outbox_get_accounts       (WartaOutbox           *self);
void                   warta_outbox_register_platform  (WartaOutbox           *self,
                                                        const char            *platform,
                                                        WartaPublisherFactory  factory);
gboolean               warta_outbox_supports_platform  (WartaOutbox           *self,
                                                        const char            *platform);
/* The office's OAuth client of @platform: before a job of an account whose
 * token expires within five minutes starts, the token is refreshed at
 * @token_url (or the account's "token-url" setting) and the new tokens
 * are stored in the keyring. NULL @client_id: no refresh. */
void                   warta_outbox_set_oauth_client   (WartaOutbox           *self,
                                                        const char            *platform,
                                                        const char            *token_url,
                                                        const char            *client_id,
                                                        const char            *client_secret);

/* How many jobs run at once (2), how often the outbox looks for work
 * (1000 ms), and the backoff between attempts (5 s doubling to 15 min,
 * 8 attempts). Tests shorten them. */
void                   warta_outbox_set_max_running    (WartaOutbox           *self,
                                                        guint                  max_running);
void                   warta_outbox_set_tick_interval  (WartaOutbox           *self,
                                                        guint                  interval_ms);
void                   warta_outbox_set_backoff        (WartaOutbox           *self,
                                                        guint                  initial_ms,
                                                        guint                  max_ms,
                                                        guint                  max_attempts);

/* Starts sending, on the thread-default main context; stop cancels what is
 * in flight, which resumes from its last confirmed step next time. */
void                   warta_outbox_start              (WartaOutbox           *self);
void                   warta_outbox_stop               (WartaOutbox           *self);
guint                  warta_outbox_get_n_running      (WartaOutbox           *self);
/* Jobs not yet done, failed or recorded by hand, in the database. */
guint                  warta_outbox_count_unfinished   (WartaOutbox           *self,
                                                        GError               **error);
/* Of those, the ones that go out by themselves while a Warta runs on this
 * database: all but the paused and those being uploaded by hand. */
guint                  warta_outbox_count_to_send      (WartaOutbox           *self,
                                                        GError               **error);

/* Live jobs: the same object for a job as long as the outbox lives, its
 * properties (state, fraction, error-message …) kept current. */
GListModel            *warta_outbox_get_jobs           (WartaOutbox           *self);
GListModel            *warta_outbox_list_publication_jobs (WartaOutbox        *self,
                                                        gint64                 publication_id,
                                                        GError               **error);
void                   warta_outbox_refresh            (WartaOutbox           *self);

/* Starts publishing an approved publication to @account_ids: the jobs are
 * written, then sent. */
GListModel            *warta_outbox_publish            (WartaOutbox           *self,
                                                        WartaUser             *actor,
                                                        gint64                 publication_id,
                                                        gint64                 expected_version,
                                                        const gint64          *account_ids,
                                                        guint                  n_accounts,
                                                        GError               **error);
/* The same, sent at @scheduled_at (µs since the epoch; 0: now) while an
 * outbox of this database runs. A target that cannot take the approved
 * content (warta_publish_check_target()) has its job written already
 * being uploaded by hand by @actor, in the same transaction: Warta never
 * sends it. */
GListModel            *warta_outbox_publish_at         (WartaOutbox           *self,
                                                        WartaUser             *actor,
                                                        gint64                 publication_id,
                                                        gint64                 expected_version,
                                                        const gint64          *account_ids,
                                                        guint                  n_accounts,
                                                        gint64                 scheduled_at,
                                                        GError               **error);
/* What a user does to one target, from here to the manual proof, is a
 * social media admin's to do: @actor without the role is refused
 * (WARTA_WORKFLOW_ERROR_FORBIDDEN) and the job left as it is. */
gboolean               warta_outbox_pause_job          (WartaOutbox           *self,
                                                        WartaUser             *actor,
                                                        gint64                 job_id,
                                                        GError               **error);
gboolean               warta_outbox_resume_job         (WartaOutbox           *self,
                                                        WartaUser             *actor,
                                                        gint64                 job_id,
                                                        GError               **error);
/* A new time for a job not started yet (see
 * warta_outbox_repository_reschedule()). */
gboolean               warta_outbox_reschedule_job     (WartaOutbox           *self,
                                                        WartaUser             *actor,
                                                        gint64                 job_id,
                                                        gint64                 scheduled_at,
                                                        GError               **error);
/* A job waiting for its time sent now instead (see
 * warta_outbox_repository_send_now()). */
gboolean               warta_outbox_send_now_job       (WartaOutbox           *self,
                                                        WartaUser             *actor,
                                                        gint64                 job_id,
                                                        GError               **error);
gboolean               warta_outbox_cancel_job         (WartaOutbox           *self,
                                                        WartaUser             *actor,
                                                        gint64                 job_id,
                                                        GError               **error);
/* Sends a stopped job again; refused with warta_publish_check_target()'s
 * reason when its target cannot take its content (a job written before
 * the check), the job left as it is. */
gboolean               warta_outbox_retry_job          (WartaOutbox           *self,
                                                        WartaUser             *actor,
                                                        gint64                 job_id,
                                                        GError               **error);
/* The admin uploads the target by hand: nothing sends it, here or on any
 * Warta on the database, until the proof is recorded or Send with Warta
 * Instead (see warta_outbox_repository_start_by_hand()). */
gboolean               warta_outbox_start_by_hand      (WartaOutbox           *self,
                                                        WartaUser             *actor,
                                                        gint64                 job_id,
                                                        GError               **error);
/* Refused, as Try Again, when the target cannot take the content. */
gboolean               warta_outbox_send_instead       (WartaOutbox           *self,
                                                        WartaUser             *actor,
                                                        gint64                 job_id,
                                                        GError               **error);
/* A published post taken down from its platform by hand, and why. */
gboolean               warta_outbox_record_takedown    (WartaOutbox           *self,
                                                        WartaUser             *actor,
                                                        gint64                 job_id,
                                                        const char            *reason,
                                                        GError               **error);
/* A published post taken down by Warta itself, where the platform lets it
 * (Mastodon, WordPress, Facebook), then recorded as above. */
gboolean               warta_outbox_can_take_down      (WartaOutbox           *self,
                                                        WartaOutboxJob        *job);
void                   warta_outbox_take_down_async    (WartaOutbox           *self,
                                                        WartaUser             *actor,
                                                        gint64                 job_id,
                                                        const char            *reason,
                                                        GCancellable          *cancellable,
                                                        GAsyncReadyCallback    callback,
                                                        gpointer               user_data);
gboolean               warta_outbox_take_down_finish   (WartaOutbox           *self,
                                                        GAsyncResult          *result,
                                                        GError               **error);
/* A published post corrected: its text now (the latest correction's, or
 * what was approved); a correction made on the platform by hand, recorded;
 * or one Warta makes itself where the platform lets it (Mastodon,
 * WordPress, Facebook), then recorded. */
gboolean               warta_outbox_dup_post_text      (WartaOutbox           *self,
                                                        WartaOutboxJob        *job,
                                                        char                 **out_title,
                                                        char                 **out_text,
                                                        GError               **error);
gboolean               warta_outbox_record_correction  (WartaOutbox           *self,
                                                        WartaUser             *actor,
                                                        gint64                 job_id,
                                                        const char            *reason,
                                                        const char            *new_title,
                                                        const char            *new_text,
                                                        GError               **error);
gboolean               warta_outbox_can_correct        (WartaOutbox           *self,
                                                        WartaOutboxJob        *job);
void                   warta_outbox_correct_async      (WartaOutbox           *self,
                                                        WartaUser             *actor,
                                                        gint64                 job_id,
                                                        const char            *reason,
                                                        const char            *new_title,
                                                        const char            *new_text,
                                                        GCancellable          *cancellable,
                                                        GAsyncReadyCallback    callback,
                                                        gpointer               user_data);
gboolean               warta_outbox_correct_finish     (WartaOutbox           *self,
                                                        GAsyncResult          *result,
                                                        GError               **error);
/* A request that is the post itself, whose outcome can be neither
 * repeated safely nor looked up (TikTok's photo post): the publisher
 * commits the step WARTA_OUTBOX_STEP_SENDING before it goes; a job found
 * with it and no answer stops with WARTA_OUTBOX_ERROR_UNCONFIRMED (the
 * post may exist). The user looks on the platform: a post there is
 * recorded by hand; if there is none, Post Again empties the step and
 * retries the job. */
#define WARTA_OUTBOX_STEP_SENDING      "sending"
#define WARTA_OUTBOX_ERROR_UNCONFIRMED "unconfirmed"
gboolean               warta_outbox_post_again         (WartaOutbox           *self,
                                                        WartaUser             *actor,
                                                        gint64                 job_id,
                                                        GError               **error);
/* The user's choice for a job that is not running, as its step @step
 * (see warta_outbox_repository_set_step()); @value is not taken. */
gboolean               warta_outbox_set_job_step       (WartaOutbox           *self,
                                                        WartaUser             *actor,
                                                        gint64                 job_id,
                                                        const char            *step,
                                                        JsonNode              *value,
                                                        GError               **error);

/* Manual upload with proof: the screenshot is copied into the archive
 * folder next to the database (warta-files/proofs/<sha256>.<ext>), then
 * the URL, time and file are recorded as the job's result. */
void                   warta_outbox_record_manual_async  (WartaOutbox         *self,
                                                          WartaUser           *actor,
                                                          gint64               job_id,
                                                          const char          *url,
                                                          gint64               published_at,
                                                          GFile               *screenshot,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
gboolean               warta_outbox_record_manual_finish (WartaOutbox         *self,
                                                          GAsyncResult        *result,
                                                          GError             **error);
char                  *warta_outbox_get_proofs_dir       (WartaOutbox         *self);

G_END_DECLS
