/* warta-outbox-repository.h: the outbox's jobs, confirmed steps and proofs
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "warta-outbox-job.h"
#include "warta-publication-repository.h"
#include "warta-user.h"

G_BEGIN_DECLS

#define WARTA_TYPE_OUTBOX_REPOSITORY (warta_outbox_repository_get_type ())

G_DECLARE_FINAL_TYPE (WartaOutboxRepository, warta_outbox_repository,
                      WARTA, OUTBOX_REPOSITORY, GObject)

WartaOutboxRepository *warta_outbox_repository_new                (WartaPublicationRepository *publications);
WartaPublicationRepository *warta_outbox_repository_get_publications (WartaOutboxRepository *self);

/* Moves the approved publication to publishing and writes one pending job
 * per account, in one transaction, before anything is sent. */
GListModel     *warta_outbox_repository_enqueue              (WartaOutboxRepository  *self,
                                                              WartaUser              *actor,
                                                              gint64                  publication_id,
                                                              gint64                  expected_version,
                                                              const gint64           *account_ids,
                                                              guint                   n_accounts,
                                                              GError                **error);
/* The same, the jobs waiting until @scheduled_at (0: at once; -1: the
 * approved revision's time). */
GListModel     *warta_outbox_repository_enqueue_at           (WartaOutboxRepository  *self,
                                                              WartaUser              *actor,
                                                              gint64                  publication_id,
                                                              gint64                  expected_version,
                                                              const gint64           *account_ids,
                                                              guint                   n_accounts,
                                                              gint64                  scheduled_at,
                                                              GError                **error);
/* The same, the jobs of those among @refused_ids (the accounts that
 * cannot take the content) written already being uploaded by hand by
 * @actor, in the same transaction; they must be the ones ticked to be
 * uploaded by hand, as saved. */
GListModel     *warta_outbox_repository_enqueue_by_hand_at   (WartaOutboxRepository  *self,
                                                              WartaUser              *actor,
                                                              gint64                  publication_id,
                                                              gint64                  expected_version,
                                                              const gint64           *account_ids,
                                                              guint                   n_accounts,
                                                              const gint64           *refused_ids,
                                                              guint                   n_refused,
                                                              gint64                  scheduled_at,
                                                              GError                **error);
WartaOutboxJob *warta_outbox_repository_get_job              (WartaOutboxRepository  *self,
                                                              gint64                  job_id,
                                                              GError                **error);
GListModel     *warta_outbox_repository_list_for_publication (WartaOutboxRepository  *self,
                                                              gint64                  publication_id,
                                                              GError                **error);
/* Jobs pending, running, waiting or paused, oldest first. */
GListModel     *warta_outbox_repository_list_unfinished      (WartaOutboxRepository  *self,
                                                              GError                **error);
/* Failed jobs whose account must sign in again (@account_id 0: any). */
GListModel     *warta_outbox_repository_list_needing_sign_in (WartaOutboxRepository  *self,
                                                              gint64                  account_id,
                                                              GError                **error);
char           *warta_outbox_repository_dup_lease_owner      (WartaOutboxRepository  *self,
                                                              gint64                  job_id);

/* The worker's side. A lease names the process working on a job; every
 * write below checks it, so two processes never send one job. */
gboolean        warta_outbox_repository_claim                (WartaOutboxRepository  *self,
                                                              gint64                  job_id,
                                                              const char             *owner,
                                                              const char             *stale_owner,
                                                              gint64                  lease_until,
                                                              gboolean               *out_claimed,
                                                              GError                **error);
/* name → JSON text of each confirmed step. */
GHashTable     *warta_outbox_repository_list_steps           (WartaOutboxRepository  *self,
                                                              gint64                  job_id,
                                                              GError                **error);
/* Commits a confirmed remote step. @out_go_on is FALSE when the user
 * paused or cancelled the job meanwhile. */
gboolean        warta_outbox_repository_confirm_step         (WartaOutboxRepository  *self,
                                                              gint64                  job_id,
                                                              const char             *owner,
                                                              const char             *step,
                                                              const char             *value_json,
                                                              gint64                  lease_until,
                                                              gboolean               *out_go_on,
                                                              GError                **error);
/* Commits the final step and the job's result; the publication follows
 * when it was the last job. */
gboolean        warta_outbox_repository_finish_job           (WartaOutboxRepository  *self,
                                                              gint64                  job_id,
                                                              const char             *owner,
                                                              const char             *step,
                                                              const char             *value_json,
                                                              const char             *remote_id,
                                                              const char             *remote_url,
                                                              GError                **error);
/* Stops a claimed job: WAITING until @next_attempt_at, FAILED with the
 * message, or back to PENDING / PAUSED after a cancel. */
gboolean        warta_outbox_repository_stop_job             (WartaOutboxRepository  *self,
                                                              gint64                  job_id,
                                                              const char             *owner,
                                                              WartaOutboxState        state,
                                                              const char             *error_code,
                                                              const char             *error_message,
                                                              gint64                  next_attempt_at,
                                                              gboolean                count_attempt,
                                                              GError                **error);

/* Holds a scheduled job whose time passed while no Warta ran: PAUSED with
 * WARTA_OUTBOX_ERROR_MISSED and @message, committed before anything else.
 * Only a pending job never tried (no attempt counted, no step confirmed),
 * written to wait for a later time, whose @scheduled_at is before
 * @due_before; @out_held says whether it was this call that held it. */
gboolean        warta_outbox_repository_hold_missed          (WartaOutboxRepository  *self,
                                                              gint64                  job_id,
                                                              gint64                  due_before,
                                                              const char             *message,
                                                              gboolean               *out_held,
                                                              GError                **error);

/* A new time for a job that has not started sending: pending and waiting
 * for its time, or held as missed; never tried, nothing confirmed by the
 * platform. It waits again, the missed reason cleared. A time not later
 * than now is refused (WARTA_WORKFLOW_ERROR_TIME_PASSED), and so is a job
 * that moved on meanwhile (WARTA_WORKFLOW_ERROR_INVALID_TRANSITION). */
gboolean        warta_outbox_repository_reschedule           (WartaOutboxRepository  *self,
                                                              WartaUser              *actor,
                                                              gint64                  job_id,
                                                              gint64                  scheduled_at,
                                                              GError                **error);
/* The same job sent now instead of at its time: its time becomes the
 * present, so that the calendar and the publishing step's deadline count
 * from when it went. */
gboolean        warta_outbox_repository_send_now             (WartaOutboxRepository  *self,
                                                              WartaUser              *actor,
                                                              gint64                  job_id,
                                                              GError                **error);

/* The user's side, each a social media admin's decision: anyone else is
 * refused (WARTA_WORKFLOW_ERROR_FORBIDDEN) and nothing changes. Resume and
 * retry are the user's "now": a scheduled time already past becomes the
 * present one. */
gboolean        warta_outbox_repository_pause                (WartaOutboxRepository  *self,
                                                              WartaUser              *actor,
                                                              gint64                  job_id,
                                                              GError                **error);
gboolean        warta_outbox_repository_resume               (WartaOutboxRepository  *self,
                                                              WartaUser              *actor,
                                                              gint64                  job_id,
                                                              GError                **error);
gboolean        warta_outbox_repository_cancel               (WartaOutboxRepository  *self,
                                                              WartaUser              *actor,
                                                              gint64                  job_id,
                                                              GError                **error);
gboolean        warta_outbox_repository_retry                (WartaOutboxRepository  *self,
                                                              WartaUser              *actor,
                                                              gint64                  job_id,
                                                              GError                **error);
/* The user's choice for a job no worker holds (pending, waiting, paused
 * or failed), written as the confirmed step @step for its publisher to
 * read (TikTok's privacy level and interactions, "creator"). */
gboolean        warta_outbox_repository_set_step             (WartaOutboxRepository  *self,
                                                              WartaUser              *actor,
                                                              gint64                  job_id,
                                                              const char             *step,
                                                              const char             *value_json,
                                                              GError                **error);
/* Records a target published by hand; @screenshot_path is relative to the
 * database's folder. */
gboolean        warta_outbox_repository_record_manual        (WartaOutboxRepository  *self,
                                                              WartaUser              *actor,
                                                              gint64                  job_id,
                                                              const char             *url,
                                                              gint64                  published_at,
                                                              const char             *screenshot_path,
                                                              const char             *screenshot_sha256,
                                                              GError                **error);
/* A target being uploaded by hand, shared through the database: resume,
 * retry, a new time, a choice and every worker refuse it until its proof
 * is recorded or the admin has Warta send it instead. Both decisions are
 * a social media admin's. */
gboolean        warta_outbox_repository_start_by_hand        (WartaOutboxRepository  *self,
                                                              WartaUser              *actor,
                                                              gint64                  job_id,
                                                              GError                **error);
gboolean        warta_outbox_repository_send_instead         (WartaOutboxRepository  *self,
                                                              WartaUser              *actor,
                                                              gint64                  job_id,
                                                              GError                **error);
gboolean        warta_outbox_repository_check_takedown       (WartaOutboxRepository  *self,
                                                              WartaUser              *actor,
                                                              gint64                  job_id,
                                                              const char             *reason,
                                                              GError                **error);
gboolean        warta_outbox_repository_record_takedown      (WartaOutboxRepository  *self,
                                                              WartaUser              *actor,
                                                              gint64                  job_id,
                                                              const char             *reason,
                                                              GError                **error);
gboolean        warta_outbox_repository_check_correction     (WartaOutboxRepository  *self,
                                                              WartaUser              *actor,
                                                              gint64                  job_id,
                                                              const char             *reason,
                                                              const char             *new_text,
                                                              GError                **error);
gboolean        warta_outbox_repository_record_correction    (WartaOutboxRepository  *self,
                                                              WartaUser              *actor,
                                                              gint64                  job_id,
                                                              gboolean                by_warta,
                                                              const char             *reason,
                                                              const char             *old_title,
                                                              const char             *old_text,
                                                              const char             *new_title,
                                                              const char             *new_text,
                                                              GError                **error);
int             warta_outbox_repository_get_corrected_text   (WartaOutboxRepository  *self,
                                                              gint64                  job_id,
                                                              char                  **out_title,
                                                              char                  **out_text,
                                                              GError                **error);
gboolean        warta_outbox_repository_get_manual_proof     (WartaOutboxRepository  *self,
                                                              gint64                  job_id,
                                                              char                  **out_url,
                                                              gint64                 *out_published_at,
                                                              char                  **out_screenshot_path,
                                                              char                  **out_screenshot_sha256,
                                                              GError                **error);

G_END_DECLS
