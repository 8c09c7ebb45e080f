/* warta-step-record.c: one stay of a publication in one SOP step
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "warta-step-record.h"

struct _WartaStepRecord
{
  GObject parent_instance;

  gint64 id;
  gint64 publication_id;
  guint step;
  guint state;
  gint64 entered_at;
  gint64 deadline_at;
  gint64 exited_at;
  char *exit_state;
  gint64 entered_by;
  gint64 exited_by;
};

G_DEFINE_FINAL_TYPE (WartaStepRecord, warta_step_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PUBLICATION_ID,
  PROP_STEP,
  PROP_STATE,
  PROP_ENTERED_AT,
  PROP_DEADLINE_AT,
  PROP_EXITED_AT,
  PROP_EXIT_STATE,
  PROP_ENTERED_BY,
  PROP_EXITED_BY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
warta_step_record_finalize (GObject *object)
{
  WartaStepRecord *self = (WartaStepRecord *)object;

  g_clear_pointer (&self->exit_state, g_free);

  G_OBJECT_CLASS (warta_step_record_parent_class)->finalize (object);
}

static void
warta_step_record_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  WartaStepRecord *self = WARTA_STEP_RECORD (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_PUBLICATION_ID:
      g_value_set_int64 (value, self->publication_id);
      break;

    case PROP_STEP:
      g_value_set_uint (value, self->step);
      break;

    case PROP_STATE:
      g_value_set_uint (value, self->state);
      break;

    case PROP_ENTERED_AT:
      g_value_set_int64 (value, self->entered_at);
      break;

    case PROP_DEADLINE_AT:
      g_value_set_int64 (value, self->deadline_at);
      break;

    case PROP_EXITED_AT:
      g_value_set_int64 (value, self->exited_at);
      break;

    case PROP_EXIT_STATE:
      g_value_set_string (value, self->exit_state);
      break;

    case PROP_ENTERED_BY:
      g_value_set_int64 (value, self->entered_by);
      break;

    case PROP_EXITED_BY:
      g_value_set_int64 (value, self->exited_by);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
warta_step_record_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  WartaStepRecord *self = WARTA_STEP_RECORD (object);

  switch (prop_id)
    {
    case PROP_ID:
      warta_step_record_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_PUBLICATION_ID:
      warta_step_record_set_publication_id (self, g_value_get_int64 (value));
      break;

    case PROP_STEP:
      warta_step_record_set_step (self, g_value_get_uint (value));
      break;

    case PROP_STATE:
      warta_step_record_set_state (self, g_value_get_uint (value));
      break;

    case PROP_ENTERED_AT:
      warta_step_record_set_entered_at (self, g_value_get_int64 (value));
      break;

    case PROP_DEADLINE_AT:
      warta_step_record_set_deadline_at (self, g_value_get_int64 (value));
      break;

    case PROP_EXITED_AT:
      warta_step_record_set_exited_at (self, g_value_get_int64 (value));
      break;

    case PROP_EXIT_STATE:
      warta_step_record_set_exit_state (self, g_value_get_string (value));
      break;

    case PROP_ENTERED_BY:
      warta_step_record_set_entered_by (self, g_value_get_int64 (value));
      break;

    case PROP_EXITED_BY:
      warta_step_record_set_exited_by (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
warta_step_record_class_init (WartaStepRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = warta_step_record_finalize;
  object_class->get_property = warta_step_record_get_property;
  object_class->set_property = warta_step_record_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PUBLICATION_ID] =
    g_param_spec_int64 ("publication-id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STEP] =
    g_param_spec_uint ("step", NULL, NULL, 0, WARTA_N_STEPS, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_uint ("state", NULL, NULL, 0, WARTA_N_STATES - 1, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ENTERED_AT] =
    g_param_spec_int64 ("entered-at", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DEADLINE_AT] =
    g_param_spec_int64 ("deadline-at", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EXITED_AT] =
    g_param_spec_int64 ("exited-at", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EXIT_STATE] =
    g_param_spec_string ("exit-state", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ENTERED_BY] =
    g_param_spec_int64 ("entered-by", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EXITED_BY] =
    g_param_spec_int64 ("exited-by", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
warta_step_record_init (WartaStepRecord *self)
{
}

WartaStepRecord *
warta_step_record_new (void)
{
  return g_object_new (WARTA_TYPE_STEP_RECORD, NULL);
}

gint64
warta_step_record_get_id (WartaStepRecord *self)
{
  g_return_val_if_fail (WARTA_IS_STEP_RECORD (self), 0);

  return self->id;
}

void
warta_step_record_set_id (WartaStepRecord *self,
                          gint64 id)
{
  g_return_if_fail (WARTA_IS_STEP_RECORD (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
warta_step_record_get_publication_id (WartaStepRecord *self)
{
  g_return_val_if_fail (WARTA_IS_STEP_RECORD (self), 0);

  return self->publication_id;
}

void
warta_step_record_set_publication_id (WartaStepRecord *self,
                                      gint64 publication_id)
{
  g_return_if_fail (WARTA_IS_STEP_RECORD (self));

  if (self->publication_id == publication_id)
    return;

  self->publication_id = publication_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PUBLICATION_ID]);
}

guint
warta_step_record_get_step (WartaStepRecord *self)
{
  g_return_val_if_fail (WARTA_IS_STEP_RECORD (self), 0);

  return self->step;
}

void
warta_step_record_set_step (WartaStepRecord *self,
                            guint step)
{
  g_return_if_fail (WARTA_IS_STEP_RECORD (self));

  if (self->step == step)
    return;

  self->step = step;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP]);
}

guint
warta_step_record_get_state (WartaStepRecord *self)
{
  g_return_val_if_fail (WARTA_IS_STEP_RECORD (self), 0);

  return self->state;
}

void
warta_step_record_set_state (WartaStepRecord *self,
                             guint state)
{
  g_return_if_fail (WARTA_IS_STEP_RECORD (self));

  if (self->state == state)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

gint64
warta_step_record_get_entered_at (WartaStepRecord *self)
{
  g_return_val_if_fail (WARTA_IS_STEP_RECORD (self), 0);

  return self->entered_at;
}

void
warta_step_record_set_entered_at (WartaStepRecord *self,
                                  gint64 entered_at)
{
  g_return_if_fail (WARTA_IS_STEP_RECORD (self));

  if (self->entered_at == entered_at)
    return;

  self->entered_at = entered_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENTERED_AT]);
}

gint64
warta_step_record_get_deadline_at (WartaStepRecord *self)
{
  g_return_val_if_fail (WARTA_IS_STEP_RECORD (self), 0);

  return self->deadline_at;
}

void
warta_step_record_set_deadline_at (WartaStepRecord *self,
                                   gint64 deadline_at)
{
  g_return_if_fail (WARTA_IS_STEP_RECORD (self));

  if (self->deadline_at == deadline_at)
    return;

  self->deadline_at = deadline_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEADLINE_AT]);
}

gint64
warta_step_record_get_exited_at (WartaStepRecord *self)
{
  g_return_val_if_fail (WARTA_IS_STEP_RECORD (self), 0);

  return self->exited_at;
}

void
warta_step_record_set_exited_at (WartaStepRecord *self,
                                 gint64 exited_at)
{
  g_return_if_fail (WARTA_IS_STEP_RECORD (self));

  if (self->exited_at == exited_at)
    return;

  self->exited_at = exited_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXITED_AT]);
}

const char *
warta_step_record_get_exit_state (WartaStepRecord *self)
{
  g_return_val_if_fail (WARTA_IS_STEP_RECORD (self), NULL);

  return self->exit_state;
}

void
warta_step_record_set_exit_state (WartaStepRecord *self,
                                  const char *exit_state)
{
  g_return_if_fail (WARTA_IS_STEP_RECORD (self));

  if (g_strcmp0 (self->exit_state, exit_state) == 0)
    return;

  g_free (self->exit_state);
  self->exit_state = g_strdup (exit_state);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXIT_STATE]);
}

gint64
warta_step_record_get_entered_by (WartaStepRecord *self)
{
  g_return_val_if_fail (WARTA_IS_STEP_RECORD (self), 0);

  return self->entered_by;
}

void
warta_step_record_set_entered_by (WartaStepRecord *self,
                                  gint64 entered_by)
{
  g_return_if_fail (WARTA_IS_STEP_RECORD (self));

  if (self->entered_by == entered_by)
    return;

  self->entered_by = entered_by;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENTERED_BY]);
}

gint64
warta_step_record_get_exited_by (WartaStepRecord *self)
{
  g_return_val_if_fail (WARTA_IS_STEP_RECORD (self), 0);

  return self->exited_by;
}

void
warta_step_record_set_exited_by (WartaStepRecord *self,
                                 gint64 exited_by)
{
  g_return_if_fail (WARTA_IS_STEP_RECORD (self));

  if (self->exited_by == exited_by)
    return;

  self->exited_by = exited_by;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXITED_BY]);
}

/* µs spent in the step: until it ended, or until @now_us while it runs. */
gint64
warta_step_record_get_duration (WartaStepRecord *self,
                                gint64           now_us)
{
  g_return_val_if_fail (WARTA_IS_STEP_RECORD (self), 0);

  return (self->exited_at != 0 ? self->exited_at : now_us) - self->entered_at;
}

/* Whether the step ended after its deadline, or runs past it now. */
gboolean
warta_step_record_is_overdue (WartaStepRecord *self,
                              gint64           now_us)
{
  g_return_val_if_fail (WARTA_IS_STEP_RECORD (self), FALSE);

  if (self->deadline_at == 0)
    return FALSE;

  return (self->exited_at != 0 ? self->exited_at : now_us) > self->deadline_at;
}
