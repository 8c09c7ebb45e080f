/* warta-outbox-job.h: one (publication, target) job of the outbox, as a model
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Stored by id (warta_outbox_state_get_id()). */
typedef enum
{
  WARTA_OUTBOX_STATE_PENDING,  /* written, nothing confirmed yet or waiting its turn */
  WARTA_OUTBOX_STATE_RUNNING,  /* a worker is sending it */
  WARTA_OUTBOX_STATE_WAITING,  /* waiting until next-attempt-at before a retry */
  WARTA_OUTBOX_STATE_PAUSED,   /* paused by the user */
  WARTA_OUTBOX_STATE_DONE,     /* the platform confirmed the post */
  WARTA_OUTBOX_STATE_FAILED,   /* stopped; error-message says what to do */
  WARTA_OUTBOX_STATE_MANUAL,   /* published by hand, with proof */
  WARTA_N_OUTBOX_STATES
} WartaOutboxState;

/* Error codes stored with a failed job, for the actions the UI offers. */
#define WARTA_OUTBOX_ERROR_AUTH      "auth-expired"
#define WARTA_OUTBOX_ERROR_CANCELLED "cancelled"
/* A scheduled job held (paused) because its time passed while no Warta
 * ran: it waits for the user's Publish Now or cancel. */
#define WARTA_OUTBOX_ERROR_MISSED    "missed"

#define WARTA_TYPE_OUTBOX_JOB (warta_outbox_job_get_type ())

G_DECLARE_FINAL_TYPE (WartaOutboxJob, warta_outbox_job, WARTA, OUTBOX_JOB, GObject)

const char       *warta_outbox_state_get_id            (WartaOutboxState  state);
WartaOutboxState  warta_outbox_state_from_id           (const char       *id);
const char       *warta_outbox_state_get_display_name  (WartaOutboxState  state);
gboolean          warta_outbox_state_is_final          (WartaOutboxState  state);

WartaOutboxJob   *warta_outbox_job_new                 (void);

gint64            warta_outbox_job_get_id              (WartaOutboxJob   *self);
void              warta_outbox_job_set_id              (WartaOutboxJob   *self,
                                                        gint64            id);
gint64            warta_outbox_job_get_publication_id  (WartaOutboxJob   *self);
void              warta_outbox_job_set_publication_id  (WartaOutboxJob   *self,
                                                        gint64            id);
gint64            warta_outbox_job_get_revision_id     (WartaOutboxJob   *self);
void              warta_outbox_job_set_revision_id     (WartaOutboxJob   *self,
                                                        gint64            id);
const char       *warta_outbox_job_get_revision_hash   (WartaOutboxJob   *self);
void              warta_outbox_job_set_revision_hash   (WartaOutboxJob   *self,
                                                        const char       *hash);
gint64            warta_outbox_job_get_account_id      (WartaOutboxJob   *self);
void              warta_outbox_job_set_account_id      (WartaOutboxJob   *self,
                                                        gint64            id);
const char       *warta_outbox_job_get_platform        (WartaOutboxJob   *self);
void              warta_outbox_job_set_platform        (WartaOutboxJob   *self,
                                                        const char       *platform);
const char       *warta_outbox_job_get_account_name    (WartaOutboxJob   *self);
void              warta_outbox_job_set_account_name    (WartaOutboxJob   *self,
                                                        const char       *name);
WartaOutboxState  warta_outbox_job_get_state           (WartaOutboxJob   *self);
void              warta_outbox_job_set_state           (WartaOutboxJob   *self,
                                                        WartaOutboxState  state);
guint             warta_outbox_job_get_attempts        (WartaOutboxJob   *self);
void              warta_outbox_job_set_attempts        (WartaOutboxJob   *self,
                                                        guint             attempts);
gint64            warta_outbox_job_get_next_attempt_at (WartaOutboxJob   *self);
void              warta_outbox_job_set_next_attempt_at (WartaOutboxJob   *self,
                                                        gint64            at);
gint64            warta_outbox_job_get_scheduled_at    (WartaOutboxJob   *self);
void              warta_outbox_job_set_scheduled_at    (WartaOutboxJob   *self,
                                                        gint64            at);
gint64            warta_outbox_job_get_finished_at     (WartaOutboxJob   *self);
void              warta_outbox_job_set_finished_at     (WartaOutboxJob   *self,
                                                        gint64            at);
gint64            warta_outbox_job_get_taken_down_at   (WartaOutboxJob   *self);
void              warta_outbox_job_set_taken_down_at   (WartaOutboxJob   *self,
                                                        gint64            at);
const char       *warta_outbox_job_get_takedown_reason (WartaOutboxJob   *self);
void              warta_outbox_job_set_takedown_reason (WartaOutboxJob   *self,
                                                        const char       *reason);
gint64            warta_outbox_job_get_corrected_at    (WartaOutboxJob   *self);
void              warta_outbox_job_set_corrected_at    (WartaOutboxJob   *self,
                                                        gint64            at);
const char       *warta_outbox_job_get_correction_reason (WartaOutboxJob *self);
void              warta_outbox_job_set_correction_reason (WartaOutboxJob *self,
                                                          const char     *reason);
const char       *warta_outbox_job_get_corrected_by_name (WartaOutboxJob *self);
void              warta_outbox_job_set_corrected_by_name (WartaOutboxJob *self,
                                                          const char     *name);
gint64            warta_outbox_job_get_by_hand_since   (WartaOutboxJob   *self);
void              warta_outbox_job_set_by_hand_since   (WartaOutboxJob   *self,
                                                        gint64            at);
const char       *warta_outbox_job_get_by_hand_by_name (WartaOutboxJob   *self);
void              warta_outbox_job_set_by_hand_by_name (WartaOutboxJob   *self,
                                                        const char       *name);
gboolean          warta_outbox_job_is_by_hand          (WartaOutboxJob   *self);
const char       *warta_outbox_job_get_error_code      (WartaOutboxJob   *self);
const char       *warta_outbox_job_get_error_message   (WartaOutboxJob   *self);
void              warta_outbox_job_set_error           (WartaOutboxJob   *self,
                                                        const char       *code,
                                                        const char       *message);
const char       *warta_outbox_job_get_remote_id       (WartaOutboxJob   *self);
const char       *warta_outbox_job_get_remote_url      (WartaOutboxJob   *self);
void              warta_outbox_job_set_remote          (WartaOutboxJob   *self,
                                                        const char       *id,
                                                        const char       *url);
gint64            warta_outbox_job_get_created_by      (WartaOutboxJob   *self);
void              warta_outbox_job_set_created_by      (WartaOutboxJob   *self,
                                                        gint64            user_id);
gint64            warta_outbox_job_get_version         (WartaOutboxJob   *self);
void              warta_outbox_job_set_version         (WartaOutboxJob   *self,
                                                        gint64            version);
double            warta_outbox_job_get_fraction        (WartaOutboxJob   *self);
void              warta_outbox_job_set_fraction        (WartaOutboxJob   *self,
                                                        double            fraction);
gboolean          warta_outbox_job_get_needs_sign_in   (WartaOutboxJob   *self);

/* Copies the stored fields of @from (not the live fraction). */
void              warta_outbox_job_update_from         (WartaOutboxJob   *self,
                                                        WartaOutboxJob   *from);

G_END_DECLS
