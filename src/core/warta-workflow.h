/* warta-workflow.h: the SOP's states, transitions and role guards
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "warta-role.h"

G_BEGIN_DECLS

#define WARTA_WORKFLOW_ERROR (warta_workflow_error_quark ())

typedef enum
{
  WARTA_WORKFLOW_ERROR_INVALID_TRANSITION, /* not a move the SOP has from this state */
  WARTA_WORKFLOW_ERROR_FORBIDDEN,          /* the user lacks the step's role */
  WARTA_WORKFLOW_ERROR_NOTE_REQUIRED,      /* a return or withdrawal without a note */
  WARTA_WORKFLOW_ERROR_CHECKLIST_INCOMPLETE, /* forwarding without a valid checklist */
  WARTA_WORKFLOW_ERROR_NOT_EDITABLE,       /* content edited in a state that forbids it */
  WARTA_WORKFLOW_ERROR_APPROVAL_VOID,      /* the approved revision is not the current one */
  WARTA_WORKFLOW_ERROR_NOT_FOUND,          /* no such publication, note or user */
  WARTA_WORKFLOW_ERROR_CONCEPT_INCOMPLETE, /* a content concept without a title or caption */
  WARTA_WORKFLOW_ERROR_TIME_PASSED,        /* a time to publish at that has already passed */
} WartaWorkflowError;

/* Stored by id (warta_state_get_id()), so the order may change. */
typedef enum
{
  WARTA_STATE_DOCUMENTING,
  WARTA_STATE_PROCESSING,
  WARTA_STATE_VERIFYING,
  WARTA_STATE_APPROVING,
  WARTA_STATE_APPROVED,
  WARTA_STATE_PUBLISHING,
  WARTA_STATE_PUBLISHED,
  WARTA_STATE_PARTIALLY_PUBLISHED,
  WARTA_STATE_FAILED,
  WARTA_STATE_WITHDRAWN,
  WARTA_N_STATES
} WartaState;

typedef enum
{
  WARTA_ACTION_SUBMIT,
  WARTA_ACTION_FORWARD,
  WARTA_ACTION_APPROVE,
  WARTA_ACTION_RETURN,
  WARTA_ACTION_START_PUBLISHING,
  WARTA_ACTION_FINISH,
  WARTA_ACTION_RETRY,
  WARTA_ACTION_WITHDRAW,
  WARTA_N_ACTIONS
} WartaAction;

/* The verifier's checklist (step 3). */
typedef enum
{
  WARTA_CHECK_SOURCE_VERIFIED,
  WARTA_CHECK_5W1H_COMPLETE,
  WARTA_CHECK_NO_PROHIBITED_CONTENT,
  WARTA_CHECK_NO_PERSONAL_DATA,
  WARTA_CHECK_NAMES_AND_TITLES,
  WARTA_CHECK_NEUTRAL_LANGUAGE,
  WARTA_N_CHECKS
} WartaCheck;

/* The SOP's five steps; 0 is "no step" (published, withdrawn). */
#define WARTA_N_STEPS 5
/* Step 5, where the social media admin publishes the approved content. */
#define WARTA_STEP_PUBLISHING 5

/* Time limits per step in minutes, index 1..5; 0 means no limit. The app
 * fills it from GSettings; core does not read settings. */
typedef struct
{
  guint minutes[WARTA_N_STEPS + 1];
} WartaDeadlines;

GQuark       warta_workflow_error_quark      (void);

const char  *warta_state_get_id              (WartaState     state);
WartaState   warta_state_from_id             (const char    *id);
const char  *warta_state_get_display_name    (WartaState     state);
guint        warta_state_get_step            (WartaState     state);
WartaRole    warta_state_get_role            (WartaState     state);
gboolean     warta_state_is_final            (WartaState     state);
WartaRole    warta_state_get_task_states     (WartaRole      roles,
                                              gboolean       states[WARTA_N_STATES]);

const char  *warta_action_get_id             (WartaAction    action);
WartaAction  warta_action_from_id            (const char    *id);

gboolean     warta_workflow_check_transition (WartaState     from,
                                              WartaAction    action,
                                              WartaState     to,
                                              WartaRole      roles,
                                              gboolean       has_note,
                                              GError       **error);
gboolean     warta_workflow_check_edit       (WartaState     state,
                                              WartaRole      roles,
                                              WartaState    *out_state,
                                              gboolean      *out_voids_approval,
                                              GError       **error);
gboolean     warta_workflow_check_note       (WartaState     state,
                                              WartaRole      roles,
                                              GError       **error);
gboolean     warta_workflow_check_checklist  (const gboolean ticked[WARTA_N_CHECKS],
                                              const char * const notes[WARTA_N_CHECKS],
                                              GError       **error);

const char  *warta_check_get_id              (WartaCheck     check);
WartaCheck   warta_check_from_id             (const char    *id);
const char  *warta_check_get_display_name    (WartaCheck     check);

void         warta_deadlines_init_default    (WartaDeadlines *deadlines);
gint64       warta_deadlines_get_due         (const WartaDeadlines *deadlines,
                                              guint           step,
                                              gint64          entered_us);
gint64       warta_workflow_get_clock_start  (guint           step,
                                              gint64          entered_us,
                                              gint64          scheduled_us);

G_END_DECLS
