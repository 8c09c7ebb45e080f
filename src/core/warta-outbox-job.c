/* warta-outbox-job.c: one (publication, target) job of the outbox, as a model
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The stored fields mirror a row of outbox_jobs; fraction is live progress
 * that only the process sending the job knows. Views bind to the
 * properties.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "warta-outbox-job.h"

struct _WartaOutboxJob
{
  GObject           parent_instance;

  gint64            id;
  gint64            publication_id;
  gint64            revision_id;
  char             *revision_hash;
  gint64            account_id;
  char             *platform;
  char             *account_name;
  WartaOutboxState  state;
  guint             attempts;
  gint64            next_attempt_at;
  gint64            scheduled_at;
  gint64            finished_at;
  gint64            taken_down_at;
  char             *takedown_reason;
  gint64            corrected_at;
  char             *correction_reason;
  char             *corrected_by_name;
  gint64            by_hand_since;
  char             *by_hand_by_name;
  char             *error_code;
  char             *error_message;
  char             *remote_id;
  char             *remote_url;
  gint64            created_by;
  gint64            version;
  double            fraction;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_PUBLICATION_ID,
  PROP_ACCOUNT_ID,
  PROP_PLATFORM,
  PROP_ACCOUNT_NAME,
  PROP_STATE,
  PROP_STATE_NAME,
  PROP_ATTEMPTS,
  PROP_NEXT_ATTEMPT_AT,
  PROP_SCHEDULED_AT,
  PROP_FINISHED_AT,
  PROP_TAKEN_DOWN_AT,
  PROP_TAKEDOWN_REASON,
  PROP_CORRECTED_AT,
  PROP_CORRECTION_REASON,
  PROP_CORRECTED_BY_NAME,
  PROP_BY_HAND_SINCE,
  PROP_BY_HAND_BY_NAME,
  PROP_ERROR_CODE,
  PROP_ERROR_MESSAGE,
  PROP_REMOTE_ID,
  PROP_REMOTE_URL,
  PROP_FRACTION,
  PROP_NEEDS_SIGN_IN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct {
  const char *id;
  const char *name;
} states[WARTA_N_OUTBOX_STATES] = {
  [WARTA_OUTBOX_STATE_PENDING] = { "pending", N_("Waiting to start") },
  [WARTA_OUTBOX_STATE_RUNNING] = { "running", N_("Uploading") },
  [WARTA_OUTBOX_STATE_WAITING] = { "waiting", N_("Waiting to try again") },
  [WARTA_OUTBOX_STATE_PAUSED]  = { "paused", N_("Paused") },
  [WARTA_OUTBOX_STATE_DONE]    = { "done", N_("Published") },
  [WARTA_OUTBOX_STATE_FAILED]  = { "failed", N_("Not published") },
  [WARTA_OUTBOX_STATE_MANUAL]  = { "manual", N_("Published by hand") },
};

G_DEFINE_FINAL_TYPE (WartaOutboxJob, warta_outbox_job, G_TYPE_OBJECT)

const char *
warta_outbox_state_get_id (WartaOutboxState state)
{
  g_return_val_if_fail (state < WARTA_N_OUTBOX_STATES, NULL);
  return states[state].id;
}

/* Returns WARTA_N_OUTBOX_STATES for an unknown id. */
WartaOutboxState
warta_outbox_state_from_id (const char *id)
{
  for (guint i = 0; i < WARTA_N_OUTBOX_STATES; i++)
    if (g_strcmp0 (states[i].id, id) == 0)
      return (WartaOutboxState)i;
  return WARTA_N_OUTBOX_STATES;
}

const char *
warta_outbox_state_get_display_name (WartaOutboxState state)
{
  g_return_val_if_fail (state < WARTA_N_OUTBOX_STATES, NULL);
  return g_dgettext (GETTEXT_PACKAGE, states[state].name);
}

/* Done, failed and manual: nothing more happens without the user. */
gboolean
warta_outbox_state_is_final (WartaOutboxState state)
{
  return state == WARTA_OUTBOX_STATE_DONE || state == WARTA_OUTBOX_STATE_FAILED ||
         state == WARTA_OUTBOX_STATE_MANUAL;
}

static void
warta_outbox_job_finalize (GObject *object)
{
  WartaOutboxJob *self = WARTA_OUTBOX_JOB (object);

  g_free (self->revision_hash);
  g_free (self->platform);
  g_free (self->account_name);
  g_free (self->takedown_reason);
  g_free (self->correction_reason);
  g_free (self->corrected_by_name);
  g_free (self->by_hand_by_name);
  g_free (self->error_code);
  g_free (self->error_message);
  g_free (self->remote_id);
  g_free (self->remote_url);

  G_OBJECT_CLASS (warta_outbox_job_parent_class)->finalize (object);
}

static void
warta_outbox_job_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  WartaOutboxJob *self = WARTA_OUTBOX_JOB (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_PUBLICATION_ID:
      g_value_set_int64 (value, self->publication_id);
      break;
    case PROP_ACCOUNT_ID:
      g_value_set_int64 (value, self->account_id);
      break;
    case PROP_PLATFORM:
      g_value_set_string (value, self->platform);
      break;
    case PROP_ACCOUNT_NAME:
      g_value_set_string (value, self->account_name);
      break;
    case PROP_STATE:
      g_value_set_uint (value, self->state);
      break;
    case PROP_STATE_NAME:
      g_value_set_string (value, warta_outbox_state_get_display_name (self->state));
      break;
    case PROP_ATTEMPTS:
      g_value_set_uint (value, self->attempts);
      break;
    case PROP_NEXT_ATTEMPT_AT:
      g_value_set_int64 (value, self->next_attempt_at);
      break;
    case PROP_SCHEDULED_AT:
      g_value_set_int64 (value, self->scheduled_at);
      break;
    case PROP_FINISHED_AT:
      g_value_set_int64 (value, self->finished_at);
      break;
    case PROP_TAKEN_DOWN_AT:
      g_value_set_int64 (value, self->taken_down_at);
      break;
    case PROP_TAKEDOWN_REASON:
      g_value_set_string (value, self->takedown_reason);
      break;
    case PROP_CORRECTED_AT:
      g_value_set_int64 (value, self->corrected_at);
      break;
    case PROP_CORRECTION_REASON:
      g_value_set_string (value, self->correction_reason);
      break;
    case PROP_CORRECTED_BY_NAME:
      g_value_set_string (value, self->corrected_by_name);
      break;
    case PROP_BY_HAND_SINCE:
      g_value_set_int64 (value, self->by_hand_since);
      break;
    case PROP_BY_HAND_BY_NAME:
      g_value_set_string (value, self->by_hand_by_name);
      break;
    case PROP_ERROR_CODE:
      g_value_set_string (value, self->error_code);
      break;
    case PROP_ERROR_MESSAGE:
      g_value_set_string (value, self->error_message);
      break;
    case PROP_REMOTE_ID:
      g_value_set_string (value, self->remote_id);
      break;
    case PROP_REMOTE_URL:
      g_value_set_string (value, self->remote_url);
      break;
    case PROP_FRACTION:
      g_value_set_double (value, self->fraction);
      break;
    case PROP_NEEDS_SIGN_IN:
      g_value_set_boolean (value, warta_outbox_job_get_needs_sign_in (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
warta_outbox_job_class_init (WartaOutboxJobClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = warta_outbox_job_finalize;
  object_class->get_property = warta_outbox_job_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_PUBLICATION_ID] =
    g_param_spec_int64 ("publication-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_ACCOUNT_ID] =
    g_param_spec_int64 ("account-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_PLATFORM] = g_param_spec_string ("platform", NULL, NULL, NULL, flags);
  properties[PROP_ACCOUNT_NAME] = g_param_spec_string ("account-name", NULL, NULL, NULL, flags);
  properties[PROP_STATE] =
    g_param_spec_uint ("state", NULL, NULL, 0, WARTA_N_OUTBOX_STATES - 1, 0, flags);
  properties[PROP_STATE_NAME] = g_param_spec_string ("state-name", NULL, NULL, NULL, flags);
  properties[PROP_ATTEMPTS] = g_param_spec_uint ("attempts", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_NEXT_ATTEMPT_AT] =
    g_param_spec_int64 ("next-attempt-at", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_SCHEDULED_AT] =
    g_param_spec_int64 ("scheduled-at", NULL, NULL, 0, G_MAXINT64, 0, flags);
  /* When it was posted (done) or recorded as posted by hand (the time the
   * proof gives), or gave up (failed); 0 before. Microseconds, UTC. */
  properties[PROP_FINISHED_AT] =
    g_param_spec_int64 ("finished-at", NULL, NULL, 0, G_MAXINT64, 0, flags);
  /* A published target taken down later: when (0: never), and why. */
  properties[PROP_TAKEN_DOWN_AT] =
    g_param_spec_int64 ("taken-down-at", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_TAKEDOWN_REASON] =
    g_param_spec_string ("takedown-reason", NULL, NULL, NULL, flags);
  /* A published post corrected later: the latest correction's time (0:
   * never), reason and who made it. */
  properties[PROP_CORRECTED_AT] =
    g_param_spec_int64 ("corrected-at", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_CORRECTION_REASON] =
    g_param_spec_string ("correction-reason", NULL, NULL, NULL, flags);
  properties[PROP_CORRECTED_BY_NAME] =
    g_param_spec_string ("corrected-by-name", NULL, NULL, NULL, flags);
  /* A target the social media admin is uploading by hand: since when (0:
   * it is not) and who. Nothing sends it meanwhile, on any workstation. */
  properties[PROP_BY_HAND_SINCE] =
    g_param_spec_int64 ("by-hand-since", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_BY_HAND_BY_NAME] =
    g_param_spec_string ("by-hand-by-name", NULL, NULL, NULL, flags);
  properties[PROP_ERROR_CODE] = g_param_spec_string ("error-code", NULL, NULL, NULL, flags);
  properties[PROP_ERROR_MESSAGE] = g_param_spec_string ("error-message", NULL, NULL, NULL, flags);
  properties[PROP_REMOTE_ID] = g_param_spec_string ("remote-id", NULL, NULL, NULL, flags);
  properties[PROP_REMOTE_URL] = g_param_spec_string ("remote-url", NULL, NULL, NULL, flags);
  properties[PROP_FRACTION] = g_param_spec_double ("fraction", NULL, NULL, 0.0, 1.0, 0.0, flags);
  properties[PROP_NEEDS_SIGN_IN] =
    g_param_spec_boolean ("needs-sign-in", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
warta_outbox_job_init (WartaOutboxJob *self)
{
}

WartaOutboxJob *
warta_outbox_job_new (void)
{
  return g_object_new (WARTA_TYPE_OUTBOX_JOB, NULL);
}

#define INT_ACCESSORS(type, field, PROP)                                   \
  type                                                                     \
  warta_outbox_job_get_##field (WartaOutboxJob *self)                      \
  {                                                                        \
    g_return_val_if_fail (WARTA_IS_OUTBOX_JOB (self), 0);                  \
    return self->field;                                                    \
  }                                                                        \
  void                                                                     \
  warta_outbox_job_set_##field (WartaOutboxJob *self,                      \
                                type            value)                     \
  {                                                                        \
    g_return_if_fail (WARTA_IS_OUTBOX_JOB (self));                         \
    if (self->field == value)                                              \
      return;                                                              \
    self->field = value;                                                   \
    if (PROP != PROP_0)                                                    \
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);        \
  }

#define STRING_ACCESSORS(field, PROP)                                      \
  const char *                                                             \
  warta_outbox_job_get_##field (WartaOutboxJob *self)                      \
  {                                                                        \
    g_return_val_if_fail (WARTA_IS_OUTBOX_JOB (self), NULL);               \
    return self->field;                                                    \
  }                                                                        \
  void                                                                     \
  warta_outbox_job_set_##field (WartaOutboxJob *self,                      \
                                const char     *value)                     \
  {                                                                        \
    g_return_if_fail (WARTA_IS_OUTBOX_JOB (self));                         \
    if (g_strcmp0 (self->field, value) == 0)                               \
      return;                                                              \
    g_free (self->field);                                                  \
    self->field = g_strdup (value);                                        \
    if (PROP != PROP_0)                                                    \
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);        \
  }

INT_ACCESSORS (gint64, id, PROP_ID)
INT_ACCESSORS (gint64, publication_id, PROP_PUBLICATION_ID)
INT_ACCESSORS (gint64, revision_id, PROP_0)
INT_ACCESSORS (gint64, account_id, PROP_ACCOUNT_ID)
INT_ACCESSORS (guint, attempts, PROP_ATTEMPTS)
INT_ACCESSORS (gint64, next_attempt_at, PROP_NEXT_ATTEMPT_AT)
INT_ACCESSORS (gint64, scheduled_at, PROP_SCHEDULED_AT)
INT_ACCESSORS (gint64, finished_at, PROP_FINISHED_AT)
INT_ACCESSORS (gint64, taken_down_at, PROP_TAKEN_DOWN_AT)
INT_ACCESSORS (gint64, corrected_at, PROP_CORRECTED_AT)
INT_ACCESSORS (gint64, by_hand_since, PROP_BY_HAND_SINCE)
INT_ACCESSORS (gint64, created_by, PROP_0)
INT_ACCESSORS (gint64, version, PROP_0)
STRING_ACCESSORS (revision_hash, PROP_0)
STRING_ACCESSORS (platform, PROP_PLATFORM)
STRING_ACCESSORS (account_name, PROP_ACCOUNT_NAME)
STRING_ACCESSORS (takedown_reason, PROP_TAKEDOWN_REASON)
STRING_ACCESSORS (correction_reason, PROP_CORRECTION_REASON)
STRING_ACCESSORS (corrected_by_name, PROP_CORRECTED_BY_NAME)
STRING_ACCESSORS (by_hand_by_name, PROP_BY_HAND_BY_NAME)

WartaOutboxState
warta_outbox_job_get_state (WartaOutboxJob *self)
{
  g_return_val_if_fail (WARTA_IS_OUTBOX_JOB (self), WARTA_OUTBOX_STATE_PENDING);
  return self->state;
}

void
warta_outbox_job_set_state (WartaOutboxJob   *self,
                            WartaOutboxState  state)
{
  g_return_if_fail (WARTA_IS_OUTBOX_JOB (self));
  g_return_if_fail (state < WARTA_N_OUTBOX_STATES);

  if (self->state == state)
    return;
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE_NAME]);
}

const char *
warta_outbox_job_get_error_code (WartaOutboxJob *self)
{
  g_return_val_if_fail (WARTA_IS_OUTBOX_JOB (self), NULL);
  return self->error_code;
}

const char *
warta_outbox_job_get_error_message (WartaOutboxJob *self)
{
  g_return_val_if_fail (WARTA_IS_OUTBOX_JOB (self), NULL);
  return self->error_message;
}

void
warta_outbox_job_set_error (WartaOutboxJob *self,
                            const char     *code,
                            const char     *message)
{
  gboolean was_sign_in;

  g_return_if_fail (WARTA_IS_OUTBOX_JOB (self));

  was_sign_in = warta_outbox_job_get_needs_sign_in (self);
  if (g_strcmp0 (self->error_code, code) != 0)
    {
      g_free (self->error_code);
      self->error_code = g_strdup (code);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR_CODE]);
    }
  if (g_strcmp0 (self->error_message, message) != 0)
    {
      g_free (self->error_message);
      self->error_message = g_strdup (message);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR_MESSAGE]);
    }
  if (was_sign_in != warta_outbox_job_get_needs_sign_in (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEEDS_SIGN_IN]);
}

const char *
warta_outbox_job_get_remote_id (WartaOutboxJob *self)
{
  g_return_val_if_fail (WARTA_IS_OUTBOX_JOB (self), NULL);
  return self->remote_id;
}

const char *
warta_outbox_job_get_remote_url (WartaOutboxJob *self)
{
  g_return_val_if_fail (WARTA_IS_OUTBOX_JOB (self), NULL);
  return self->remote_url;
}

void
warta_outbox_job_set_remote (WartaOutboxJob *self,
                             const char     *id,
                             const char     *url)
{
  g_return_if_fail (WARTA_IS_OUTBOX_JOB (self));

  if (g_strcmp0 (self->remote_id, id) != 0)
    {
      g_free (self->remote_id);
      self->remote_id = g_strdup (id);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REMOTE_ID]);
    }
  if (g_strcmp0 (self->remote_url, url) != 0)
    {
      g_free (self->remote_url);
      self->remote_url = g_strdup (url);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REMOTE_URL]);
    }
}

double
warta_outbox_job_get_fraction (WartaOutboxJob *self)
{
  g_return_val_if_fail (WARTA_IS_OUTBOX_JOB (self), 0.0);
  return self->fraction;
}

void
warta_outbox_job_set_fraction (WartaOutboxJob *self,
                               double          fraction)
{
  g_return_if_fail (WARTA_IS_OUTBOX_JOB (self));

  fraction = CLAMP (fraction, 0.0, 1.0);
  if (self->fraction == fraction)
    return;
  self->fraction = fraction;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
}

/* An expired or revoked sign-in: the one action that helps is signing in. */
gboolean
warta_outbox_job_get_needs_sign_in (WartaOutboxJob *self)
{
  g_return_val_if_fail (WARTA_IS_OUTBOX_JOB (self), FALSE);
  return self->state == WARTA_OUTBOX_STATE_FAILED &&
         g_strcmp0 (self->error_code, WARTA_OUTBOX_ERROR_AUTH) == 0;
}

/* Being uploaded by hand, and not published yet: nothing may send it. */
gboolean
warta_outbox_job_is_by_hand (WartaOutboxJob *self)
{
  g_return_val_if_fail (WARTA_IS_OUTBOX_JOB (self), FALSE);
  return self->by_hand_since != 0 && self->state != WARTA_OUTBOX_STATE_DONE &&
         self->state != WARTA_OUTBOX_STATE_MANUAL;
}

void
warta_outbox_job_update_from (WartaOutboxJob *self,
                              WartaOutboxJob *from)
{
  gboolean was_sign_in;

  g_return_if_fail (WARTA_IS_OUTBOX_JOB (self));
  g_return_if_fail (WARTA_IS_OUTBOX_JOB (from));

  g_object_freeze_notify (G_OBJECT (self));
  was_sign_in = warta_outbox_job_get_needs_sign_in (self);
  warta_outbox_job_set_id (self, from->id);
  warta_outbox_job_set_publication_id (self, from->publication_id);
  warta_outbox_job_set_revision_id (self, from->revision_id);
  warta_outbox_job_set_revision_hash (self, from->revision_hash);
  warta_outbox_job_set_account_id (self, from->account_id);
  warta_outbox_job_set_platform (self, from->platform);
  warta_outbox_job_set_account_name (self, from->account_name);
  warta_outbox_job_set_attempts (self, from->attempts);
  warta_outbox_job_set_next_attempt_at (self, from->next_attempt_at);
  warta_outbox_job_set_scheduled_at (self, from->scheduled_at);
  warta_outbox_job_set_finished_at (self, from->finished_at);
  warta_outbox_job_set_taken_down_at (self, from->taken_down_at);
  warta_outbox_job_set_takedown_reason (self, from->takedown_reason);
  warta_outbox_job_set_corrected_at (self, from->corrected_at);
  warta_outbox_job_set_correction_reason (self, from->correction_reason);
  warta_outbox_job_set_corrected_by_name (self, from->corrected_by_name);
  warta_outbox_job_set_by_hand_by_name (self, from->by_hand_by_name);
  warta_outbox_job_set_by_hand_since (self, from->by_hand_since);
  warta_outbox_job_set_created_by (self, from->created_by);
  warta_outbox_job_set_version (self, from->version);
  warta_outbox_job_set_remote (self, from->remote_id, from->remote_url);
  warta_outbox_job_set_error (self, from->error_code, from->error_message);
  warta_outbox_job_set_state (self, from->state);
  if (from->state == WARTA_OUTBOX_STATE_DONE || from->state == WARTA_OUTBOX_STATE_MANUAL)
    warta_outbox_job_set_fraction (self, 1.0);
  if (was_sign_in != warta_outbox_job_get_needs_sign_in (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEEDS_SIGN_IN]);
  g_object_thaw_notify (G_OBJECT (self));
}
