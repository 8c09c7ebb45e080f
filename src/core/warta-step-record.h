/* warta-step-record.h: one stay of a publication in one SOP step
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "warta-workflow.h"

G_BEGIN_DECLS

#define WARTA_TYPE_STEP_RECORD (warta_step_record_get_type ())

G_DECLARE_FINAL_TYPE (WartaStepRecord, warta_step_record, WARTA, STEP_RECORD, GObject)

WartaStepRecord *warta_step_record_new (void);
gint64        warta_step_record_get_id              (WartaStepRecord *self);
void          warta_step_record_set_id              (WartaStepRecord *self,
                                                     gint64 id);
gint64        warta_step_record_get_publication_id  (WartaStepRecord *self);
void          warta_step_record_set_publication_id  (WartaStepRecord *self,
                                                     gint64 publication_id);
guint         warta_step_record_get_step            (WartaStepRecord *self);
void          warta_step_record_set_step            (WartaStepRecord *self,
                                                     guint step);
guint         warta_step_record_get_state           (WartaStepRecord *self);
void          warta_step_record_set_state           (WartaStepRecord *self,
                                                     guint state);
gint64        warta_step_record_get_entered_at      (WartaStepRecord *self);
void          warta_step_record_set_entered_at      (WartaStepRecord *self,
                                                     gint64 entered_at);
gint64        warta_step_record_get_deadline_at     (WartaStepRecord *self);
void          warta_step_record_set_deadline_at     (WartaStepRecord *self,
                                                     gint64 deadline_at);
gint64        warta_step_record_get_exited_at       (WartaStepRecord *self);
void          warta_step_record_set_exited_at       (WartaStepRecord *self,
                                                     gint64 exited_at);
const char *  warta_step_record_get_exit_state      (WartaStepRecord *self);
void          warta_step_record_set_exit_state      (WartaStepRecord *self,
                                                     const char *exit_state);
gint64        warta_step_record_get_entered_by      (WartaStepRecord *self);
void          warta_step_record_set_entered_by      (WartaStepRecord *self,
                                                     gint64 entered_by);
gint64        warta_step_record_get_exited_by       (WartaStepRecord *self);
void          warta_step_record_set_exited_by       (WartaStepRecord *self,
                                                     gint64 exited_by);

gint64        warta_step_record_get_duration (WartaStepRecord *self,
                                              gint64           now_us);
gboolean      warta_step_record_is_overdue   (WartaStepRecord *self,
                                              gint64           now_us);

G_END_DECLS
