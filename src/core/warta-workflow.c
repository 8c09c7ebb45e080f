/* warta-workflow.c: the SOP's states, transitions and role guards
 *
 * The pure rules: which move is allowed from which state, for whom. No
 * SQL here; the store applies them inside its transactions, and the tests
 * check them as a matrix.
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "warta-workflow.h"

G_DEFINE_QUARK (warta-workflow-error-quark, warta_workflow_error)

static const struct {
  const char *id;
  const char *name;
  guint       step;
  WartaRole   role;
} states[WARTA_N_STATES] = {
  [WARTA_STATE_DOCUMENTING]         = { "documenting", N_("Documenting"), 1, WARTA_ROLE_ACTIVITY_OFFICER },
  [WARTA_STATE_PROCESSING]          = { "processing", N_("Processing"), 2, WARTA_ROLE_SOCIAL_MEDIA_ADMIN },
  [WARTA_STATE_VERIFYING]           = { "verifying", N_("Verifying"), 3, WARTA_ROLE_VERIFIER },
  [WARTA_STATE_APPROVING]           = { "approving", N_("Awaiting approval"), 4, WARTA_ROLE_APPROVER },
  /* Step 5's clock starts at approval: the admin has 30 minutes to upload. */
  [WARTA_STATE_APPROVED]            = { "approved", N_("Approved"), 5, WARTA_ROLE_SOCIAL_MEDIA_ADMIN },
  [WARTA_STATE_PUBLISHING]          = { "publishing", N_("Publishing"), 5, WARTA_ROLE_SOCIAL_MEDIA_ADMIN },
  [WARTA_STATE_PUBLISHED]           = { "published", N_("Published"), 0, WARTA_ROLE_NONE },
  [WARTA_STATE_PARTIALLY_PUBLISHED] = { "partially_published", N_("Partially published"), 5, WARTA_ROLE_SOCIAL_MEDIA_ADMIN },
  [WARTA_STATE_FAILED]              = { "failed", N_("Publishing failed"), 5, WARTA_ROLE_SOCIAL_MEDIA_ADMIN },
  [WARTA_STATE_WITHDRAWN]           = { "withdrawn", N_("Withdrawn"), 0, WARTA_ROLE_NONE },
};

static const char *action_ids[WARTA_N_ACTIONS] = {
  [WARTA_ACTION_SUBMIT]           = "submit",
  [WARTA_ACTION_FORWARD]          = "forward",
  [WARTA_ACTION_APPROVE]          = "approve",
  [WARTA_ACTION_RETURN]           = "return",
  [WARTA_ACTION_START_PUBLISHING] = "start_publishing",
  [WARTA_ACTION_FINISH]           = "finish",
  [WARTA_ACTION_RETRY]            = "retry",
  [WARTA_ACTION_WITHDRAW]         = "withdraw",
};

/* product.md §1. The role is the role of the step the move leaves. */
static const struct {
  WartaState  from;
  WartaAction action;
  WartaState  to;
} transitions[] = {
  { WARTA_STATE_DOCUMENTING, WARTA_ACTION_SUBMIT, WARTA_STATE_PROCESSING },
  { WARTA_STATE_PROCESSING, WARTA_ACTION_SUBMIT, WARTA_STATE_VERIFYING },
  { WARTA_STATE_VERIFYING, WARTA_ACTION_FORWARD, WARTA_STATE_APPROVING },
  { WARTA_STATE_APPROVING, WARTA_ACTION_APPROVE, WARTA_STATE_APPROVED },
  { WARTA_STATE_PROCESSING, WARTA_ACTION_RETURN, WARTA_STATE_DOCUMENTING },
  { WARTA_STATE_VERIFYING, WARTA_ACTION_RETURN, WARTA_STATE_PROCESSING },
  { WARTA_STATE_APPROVING, WARTA_ACTION_RETURN, WARTA_STATE_PROCESSING },
  { WARTA_STATE_APPROVING, WARTA_ACTION_RETURN, WARTA_STATE_VERIFYING },
  { WARTA_STATE_APPROVED, WARTA_ACTION_START_PUBLISHING, WARTA_STATE_PUBLISHING },
  { WARTA_STATE_PUBLISHING, WARTA_ACTION_FINISH, WARTA_STATE_PUBLISHED },
  { WARTA_STATE_PUBLISHING, WARTA_ACTION_FINISH, WARTA_STATE_PARTIALLY_PUBLISHED },
  { WARTA_STATE_PUBLISHING, WARTA_ACTION_FINISH, WARTA_STATE_FAILED },
  { WARTA_STATE_FAILED, WARTA_ACTION_RETRY, WARTA_STATE_PUBLISHING },
  { WARTA_STATE_PARTIALLY_PUBLISHED, WARTA_ACTION_RETRY, WARTA_STATE_PUBLISHING },
  { WARTA_STATE_DOCUMENTING, WARTA_ACTION_WITHDRAW, WARTA_STATE_WITHDRAWN },
  { WARTA_STATE_PROCESSING, WARTA_ACTION_WITHDRAW, WARTA_STATE_WITHDRAWN },
  { WARTA_STATE_VERIFYING, WARTA_ACTION_WITHDRAW, WARTA_STATE_WITHDRAWN },
  { WARTA_STATE_APPROVING, WARTA_ACTION_WITHDRAW, WARTA_STATE_WITHDRAWN },
};

static const struct {
  const char *id;
  const char *name;
} checks[WARTA_N_CHECKS] = {
  [WARTA_CHECK_SOURCE_VERIFIED]       = { "source-verified", N_("Source verified") },
  [WARTA_CHECK_5W1H_COMPLETE]         = { "5w1h-complete", N_("5W+1H complete") },
  [WARTA_CHECK_NO_PROHIBITED_CONTENT] = { "no-prohibited-content", N_("No prohibited content (hoax, hate, defamation, partisanship)") },
  [WARTA_CHECK_NO_PERSONAL_DATA]      = { "no-personal-data", N_("No personal or excepted data") },
  [WARTA_CHECK_NAMES_AND_TITLES]      = { "names-and-titles", N_("Officials’ names and titles correct") },
  [WARTA_CHECK_NEUTRAL_LANGUAGE]      = { "neutral-language", N_("Language neutral") },
};

const char *
warta_state_get_id (WartaState state)
{
  g_return_val_if_fail (state < WARTA_N_STATES, NULL);

  return states[state].id;
}

/* Returns WARTA_N_STATES for an unknown id. */
WartaState
warta_state_from_id (const char *id)
{
  for (guint i = 0; i < WARTA_N_STATES; i++)
    if (g_strcmp0 (states[i].id, id) == 0)
      return (WartaState)i;

  return WARTA_N_STATES;
}

const char *
warta_state_get_display_name (WartaState state)
{
  g_return_val_if_fail (state < WARTA_N_STATES, NULL);

  return g_dgettext (GETTEXT_PACKAGE, states[state].name);
}

/**
 * warta_state_get_step:
 * @state: a state
 *
 * Returns: the SOP step (1–5) whose clock runs in @state, or 0
 */
guint
warta_state_get_step (WartaState state)
{
  g_return_val_if_fail (state < WARTA_N_STATES, 0);

  return states[state].step;
}

/**
 * warta_state_get_role:
 * @state: a state
 *
 * Returns: the role whose task a publication in @state is
 */
WartaRole
warta_state_get_role (WartaState state)
{
  g_return_val_if_fail (state < WARTA_N_STATES, WARTA_ROLE_NONE);

  return states[state].role;
}

gboolean
warta_state_is_final (WartaState state)
{
  return state == WARTA_STATE_PUBLISHED || state == WARTA_STATE_WITHDRAWN;
}

/**
 * warta_state_get_task_states:
 * @roles: the roles a user holds
 * @states_out: (out): TRUE for each state that waits for one of @roles
 *
 * Returns: @roles restricted to the roles that have tasks
 */
WartaRole
warta_state_get_task_states (WartaRole role_set,
                             gboolean  states_out[WARTA_N_STATES])
{
  WartaRole found = WARTA_ROLE_NONE;

  for (guint i = 0; i < WARTA_N_STATES; i++)
    {
      states_out[i] = (states[i].role & role_set) != 0;
      if (states_out[i])
        found |= states[i].role;
    }

  return found;
}

const char *
warta_action_get_id (WartaAction action)
{
  g_return_val_if_fail (action < WARTA_N_ACTIONS, NULL);

  return action_ids[action];
}

WartaAction
warta_action_from_id (const char *id)
{
  for (guint i = 0; i < WARTA_N_ACTIONS; i++)
    if (g_strcmp0 (action_ids[i], id) == 0)
      return (WartaAction)i;

  return WARTA_N_ACTIONS;
}

/**
 * warta_workflow_check_transition:
 * @from: the publication's state
 * @action: the move
 * @to: the state the move goes to (a return and a finish have several)
 * @roles: the roles of the user who moves it
 * @has_note: whether the move carries a note
 * @error: a #WARTA_WORKFLOW_ERROR
 *
 * Returns: whether the SOP allows the move for this user
 */
gboolean
warta_workflow_check_transition (WartaState    from,
                                 WartaAction   action,
                                 WartaState    to,
                                 WartaRole     role_set,
                                 gboolean      has_note,
                                 GError      **error)
{
  gboolean found = FALSE;
  WartaRole needed;

  g_return_val_if_fail (from < WARTA_N_STATES, FALSE);
  g_return_val_if_fail (to < WARTA_N_STATES, FALSE);
  g_return_val_if_fail (action < WARTA_N_ACTIONS, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (transitions); i++)
    if (transitions[i].from == from && transitions[i].action == action && transitions[i].to == to)
      {
        found = TRUE;
        break;
      }

  if (!found)
    {
      g_set_error (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_INVALID_TRANSITION,
                   _("A publication cannot go from “%s” to “%s”. Reload it: someone may have moved it already."),
                   warta_state_get_display_name (from), warta_state_get_display_name (to));
      return FALSE;
    }

  needed = states[from].role;
  if ((role_set & needed) == 0)
    {
      g_set_error (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_FORBIDDEN,
                   _("Only a user with the role “%s” may do this. Ask an administrator for the role, or pass it to someone who has it."),
                   warta_role_get_display_name (needed, NULL));
      return FALSE;
    }

  if ((action == WARTA_ACTION_RETURN || action == WARTA_ACTION_WITHDRAW) && !has_note)
    {
      g_set_error (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_NOTE_REQUIRED,
                   action == WARTA_ACTION_RETURN
                   ? _("Write correction instructions before returning the publication.")
                   : _("Write the reason before withdrawing the publication."));
      return FALSE;
    }

  return TRUE;
}

/**
 * warta_workflow_check_edit:
 * @state: the publication's state
 * @roles: the roles of the user who edits
 * @out_state: (out): the state after the edit
 * @out_voids_approval: (out): whether the edit voids an approval
 * @error: a #WARTA_WORKFLOW_ERROR
 *
 * The activity officer edits in step 1 (the admin may help); the social
 * media admin edits from step 2 until publishing starts. An edit once the
 * verifier has passed the content on sends it back to verification, and
 * an edit after approval voids the approval.
 */
gboolean
warta_workflow_check_edit (WartaState   state,
                           WartaRole    role_set,
                           WartaState  *out_state,
                           gboolean    *out_voids_approval,
                           GError     **error)
{
  WartaRole allowed;
  WartaState next = state;
  gboolean voids = FALSE;

  switch (state)
    {
    case WARTA_STATE_DOCUMENTING:
      allowed = WARTA_ROLE_ACTIVITY_OFFICER | WARTA_ROLE_SOCIAL_MEDIA_ADMIN;
      break;

    case WARTA_STATE_PROCESSING:
    case WARTA_STATE_VERIFYING:
      allowed = WARTA_ROLE_SOCIAL_MEDIA_ADMIN;
      break;

    case WARTA_STATE_APPROVING:
      allowed = WARTA_ROLE_SOCIAL_MEDIA_ADMIN;
      next = WARTA_STATE_VERIFYING;
      break;

    case WARTA_STATE_APPROVED:
      allowed = WARTA_ROLE_SOCIAL_MEDIA_ADMIN;
      next = WARTA_STATE_VERIFYING;
      voids = TRUE;
      break;

    case WARTA_STATE_PUBLISHING:
    case WARTA_STATE_PUBLISHED:
    case WARTA_STATE_PARTIALLY_PUBLISHED:
    case WARTA_STATE_FAILED:
    case WARTA_STATE_WITHDRAWN:
    case WARTA_N_STATES:
    default:
      g_set_error (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_NOT_EDITABLE,
                   _("A publication that is “%s” cannot be edited. Publish a correction instead."),
                   warta_state_get_display_name (state < WARTA_N_STATES ? state : WARTA_STATE_WITHDRAWN));
      return FALSE;
    }

  if ((role_set & allowed) == 0)
    {
      g_set_error (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_FORBIDDEN,
                   _("Only a user with the role “%s” may edit the publication now. Write a correction note instead."),
                   warta_role_get_display_name (state == WARTA_STATE_DOCUMENTING
                                                ? WARTA_ROLE_ACTIVITY_OFFICER
                                                : WARTA_ROLE_SOCIAL_MEDIA_ADMIN, NULL));
      return FALSE;
    }

  if (out_state != NULL)
    *out_state = next;
  if (out_voids_approval != NULL)
    *out_voids_approval = voids;

  return TRUE;
}

/**
 * warta_workflow_check_note:
 * @state: the publication's state
 * @roles: the roles of the user who writes the note
 * @error: a #WARTA_WORKFLOW_ERROR
 *
 * Correction instructions come from the step that reviews: the verifier in
 * step 3, the approver in step 4, and the social media admin in step 2
 * (asking the activity officer for missing material).
 */
gboolean
warta_workflow_check_note (WartaState   state,
                           WartaRole    role_set,
                           GError     **error)
{
  if (state != WARTA_STATE_PROCESSING && state != WARTA_STATE_VERIFYING &&
      state != WARTA_STATE_APPROVING)
    {
      g_set_error (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_INVALID_TRANSITION,
                   _("Correction notes can be written only while the publication is processed, verified or approved."));
      return FALSE;
    }

  if ((role_set & states[state].role) == 0)
    {
      g_set_error (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_FORBIDDEN,
                   _("Only a user with the role “%s” may write correction notes now."),
                   warta_role_get_display_name (states[state].role, NULL));
      return FALSE;
    }

  return TRUE;
}

/**
 * warta_workflow_check_checklist:
 * @ticked: one answer per #WartaCheck
 * @notes: (nullable): one note per #WartaCheck
 * @error: a #WARTA_WORKFLOW_ERROR
 *
 * Returns: whether every unticked item has a note
 */
gboolean
warta_workflow_check_checklist (const gboolean     ticked[WARTA_N_CHECKS],
                                const char * const notes[WARTA_N_CHECKS],
                                GError           **error)
{
  for (guint i = 0; i < WARTA_N_CHECKS; i++)
    {
      const char *note = notes != NULL ? notes[i] : NULL;
      g_autofree char *stripped = note != NULL ? g_strstrip (g_strdup (note)) : NULL;

      if (!ticked[i] && (stripped == NULL || *stripped == '\0'))
        {
          g_set_error (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_CHECKLIST_INCOMPLETE,
                       _("“%s” is not ticked. Tick it, or write a note that explains why."),
                       warta_check_get_display_name ((WartaCheck)i));
          return FALSE;
        }
    }

  return TRUE;
}

const char *
warta_check_get_id (WartaCheck check)
{
  g_return_val_if_fail (check < WARTA_N_CHECKS, NULL);

  return checks[check].id;
}

WartaCheck
warta_check_from_id (const char *id)
{
  for (guint i = 0; i < WARTA_N_CHECKS; i++)
    if (g_strcmp0 (checks[i].id, id) == 0)
      return (WartaCheck)i;

  return WARTA_N_CHECKS;
}

const char *
warta_check_get_display_name (WartaCheck check)
{
  g_return_val_if_fail (check < WARTA_N_CHECKS, NULL);

  return g_dgettext (GETTEXT_PACKAGE, checks[check].name);
}

/**
 * warta_deadlines_init_default:
 * @deadlines: limits to fill
 *
 * The SOP's limits: step 1 none, then 120, 30, 30 and 30 minutes.
 */
void
warta_deadlines_init_default (WartaDeadlines *deadlines)
{
  static const guint defaults[WARTA_N_STEPS + 1] = { 0, 0, 120, 30, 30, 30 };

  g_return_if_fail (deadlines != NULL);

  for (guint i = 0; i <= WARTA_N_STEPS; i++)
    deadlines->minutes[i] = defaults[i];
}

/**
 * warta_deadlines_get_due:
 * @deadlines: limits
 * @step: 1–5
 * @entered_us: when the step started, in µs since the epoch
 *
 * Returns: when the step is due, in µs since the epoch, or 0 for no limit
 */
gint64
warta_deadlines_get_due (const WartaDeadlines *deadlines,
                         guint                 step,
                         gint64                entered_us)
{
  g_return_val_if_fail (deadlines != NULL, 0);

  if (step == 0 || step > WARTA_N_STEPS || deadlines->minutes[step] == 0)
    return 0;

  return entered_us + (gint64)deadlines->minutes[step] * 60 * G_USEC_PER_SEC;
}

/**
 * warta_workflow_get_clock_start:
 * @step: 1–5
 * @entered_us: when the publication entered @step, in µs since the epoch
 * @scheduled_us: the approved revision's scheduled time, 0 for none
 *
 * When @step's deadline clock starts: when the publication entered it,
 * but for publishing a scheduled post, its scheduled time when that is
 * later. The schedule is decided in step 2 and approved in step 4, so the
 * wait for it is not the admin's lateness; the step's limit runs from the
 * time the post is due to go out.
 *
 * Returns: µs since the epoch
 */
gint64
warta_workflow_get_clock_start (guint  step,
                                gint64 entered_us,
                                gint64 scheduled_us)
{
  if (step == WARTA_STEP_PUBLISHING && scheduled_us > entered_us)
    return scheduled_us;

  return entered_us;
}
