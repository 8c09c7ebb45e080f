/* warta-publication.c: one news item on its way through the SOP
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "warta-publication.h"

struct _WartaPublication
{
  GObject parent_instance;

  gint64 id;
  guint state;
  gint64 version;
  char *title;
  char *category;
  gint64 current_revision_id;
  char *current_hash;
  gint64 approved_revision_id;
  char *approved_hash;
  guint step;
  gint64 step_entered_at;
  gint64 deadline_at;
  gint64 scheduled_at;
  guint correction_rounds;
  gint64 created_by;
  gint64 created_at;
  gint64 updated_by;
  char *updated_by_name;
  gint64 updated_at;
  gint64 returned_by;
  char *returned_by_name;
  guint open_notes;
};

G_DEFINE_FINAL_TYPE (WartaPublication, warta_publication, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_STATE,
  PROP_VERSION,
  PROP_TITLE,
  PROP_CATEGORY,
  PROP_CURRENT_REVISION_ID,
  PROP_CURRENT_HASH,
  PROP_APPROVED_REVISION_ID,
  PROP_APPROVED_HASH,
  PROP_STEP,
  PROP_STEP_ENTERED_AT,
  PROP_DEADLINE_AT,
  PROP_SCHEDULED_AT,
  PROP_CORRECTION_ROUNDS,
  PROP_CREATED_BY,
  PROP_CREATED_AT,
  PROP_UPDATED_BY,
  PROP_UPDATED_BY_NAME,
  PROP_UPDATED_AT,
  PROP_RETURNED_BY,
  PROP_RETURNED_BY_NAME,
  PROP_OPEN_NOTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
warta_publication_finalize (GObject *object)
{
  WartaPublication *self = (WartaPublication *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->category, g_free);
  g_clear_pointer (&self->current_hash, g_free);
  g_clear_pointer (&self->approved_hash, g_free);
  g_clear_pointer (&self->updated_by_name, g_free);
  g_clear_pointer (&self->returned_by_name, g_free);

  G_OBJECT_CLASS (warta_publication_parent_class)->finalize (object);
}

static void
warta_publication_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  WartaPublication *self = WARTA_PUBLICATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_STATE:
      g_value_set_uint (value, self->state);
      break;

    case PROP_VERSION:
      g_value_set_int64 (value, self->version);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_CATEGORY:
      g_value_set_string (value, self->category);
      break;

    case PROP_CURRENT_REVISION_ID:
      g_value_set_int64 (value, self->current_revision_id);
      break;

    case PROP_CURRENT_HASH:
      g_value_set_string (value, self->current_hash);
      break;

    case PROP_APPROVED_REVISION_ID:
      g_value_set_int64 (value, self->approved_revision_id);
      break;

    case PROP_APPROVED_HASH:
      g_value_set_string (value, self->approved_hash);
      break;

    case PROP_STEP:
      g_value_set_uint (value, self->step);
      break;

    case PROP_STEP_ENTERED_AT:
      g_value_set_int64 (value, self->step_entered_at);
      break;

    case PROP_DEADLINE_AT:
      g_value_set_int64 (value, self->deadline_at);
      break;

    case PROP_SCHEDULED_AT:
      g_value_set_int64 (value, self->scheduled_at);
      break;

    case PROP_CORRECTION_ROUNDS:
      g_value_set_uint (value, self->correction_rounds);
      break;

    case PROP_CREATED_BY:
      g_value_set_int64 (value, self->created_by);
      break;

    case PROP_CREATED_AT:
      g_value_set_int64 (value, self->created_at);
      break;

    case PROP_UPDATED_BY:
      g_value_set_int64 (value, self->updated_by);
      break;

    case PROP_UPDATED_BY_NAME:
      g_value_set_string (value, self->updated_by_name);
      break;

    case PROP_UPDATED_AT:
      g_value_set_int64 (value, self->updated_at);
      break;

    case PROP_RETURNED_BY:
      g_value_set_int64 (value, self->returned_by);
      break;

    case PROP_RETURNED_BY_NAME:
      g_value_set_string (value, self->returned_by_name);
      break;

    case PROP_OPEN_NOTES:
      g_value_set_uint (value, self->open_notes);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
warta_publication_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  WartaPublication *self = WARTA_PUBLICATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      warta_publication_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_STATE:
      warta_publication_set_state (self, g_value_get_uint (value));
      break;

    case PROP_VERSION:
      warta_publication_set_version (self, g_value_get_int64 (value));
      break;

    case PROP_TITLE:
      warta_publication_set_title (self, g_value_get_string (value));
      break;

    case PROP_CATEGORY:
      warta_publication_set_category (self, g_value_get_string (value));
      break;

    case PROP_CURRENT_REVISION_ID:
      warta_publication_set_current_revision_id (self, g_value_get_int64 (value));
      break;

    case PROP_CURRENT_HASH:
      warta_publication_set_current_hash (self, g_value_get_string (value));
      break;

    case PROP_APPROVED_REVISION_ID:
      warta_publication_set_approved_revision_id (self, g_value_get_int64 (value));
      break;

    case PROP_APPROVED_HASH:
      warta_publication_set_approved_hash (self, g_value_get_string (value));
      break;

    case PROP_STEP:
      warta_publication_set_step (self, g_value_get_uint (value));
      break;

    case PROP_STEP_ENTERED_AT:
      warta_publication_set_step_entered_at (self, g_value_get_int64 (value));
      break;

    case PROP_DEADLINE_AT:
      warta_publication_set_deadline_at (self, g_value_get_int64 (value));
      break;

    case PROP_SCHEDULED_AT:
      warta_publication_set_scheduled_at (self, g_value_get_int64 (value));
      break;

    case PROP_CORRECTION_ROUNDS:
      warta_publication_set_correction_rounds (self, g_value_get_uint (value));
      break;

    case PROP_CREATED_BY:
      warta_publication_set_created_by (self, g_value_get_int64 (value));
      break;

    case PROP_CREATED_AT:
      warta_publication_set_created_at (self, g_value_get_int64 (value));
      break;

    case PROP_UPDATED_BY:
      warta_publication_set_updated_by (self, g_value_get_int64 (value));
      break;

    case PROP_UPDATED_BY_NAME:
      warta_publication_set_updated_by_name (self, g_value_get_string (value));
      break;

    case PROP_UPDATED_AT:
      warta_publication_set_updated_at (self, g_value_get_int64 (value));
      break;

    case PROP_RETURNED_BY:
      warta_publication_set_returned_by (self, g_value_get_int64 (value));
      break;

    case PROP_RETURNED_BY_NAME:
      warta_publication_set_returned_by_name (self, g_value_get_string (value));
      break;

    case PROP_OPEN_NOTES:
      warta_publication_set_open_notes (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
warta_publication_class_init (WartaPublicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = warta_publication_finalize;
  object_class->get_property = warta_publication_get_property;
  object_class->set_property = warta_publication_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_uint ("state", NULL, NULL, 0, WARTA_N_STATES - 1, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VERSION] =
    g_param_spec_int64 ("version", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CATEGORY] =
    g_param_spec_string ("category", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CURRENT_REVISION_ID] =
    g_param_spec_int64 ("current-revision-id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CURRENT_HASH] =
    g_param_spec_string ("current-hash", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_APPROVED_REVISION_ID] =
    g_param_spec_int64 ("approved-revision-id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_APPROVED_HASH] =
    g_param_spec_string ("approved-hash", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STEP] =
    g_param_spec_uint ("step", NULL, NULL, 0, WARTA_N_STEPS, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STEP_ENTERED_AT] =
    g_param_spec_int64 ("step-entered-at", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DEADLINE_AT] =
    g_param_spec_int64 ("deadline-at", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * WartaPublication:scheduled-at:
   *
   * The approved revision's scheduled time (µs since the epoch), 0 when
   * it has none or nothing is approved.
   */
  properties[PROP_SCHEDULED_AT] =
    g_param_spec_int64 ("scheduled-at", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CORRECTION_ROUNDS] =
    g_param_spec_uint ("correction-rounds", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREATED_BY] =
    g_param_spec_int64 ("created-by", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREATED_AT] =
    g_param_spec_int64 ("created-at", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UPDATED_BY] =
    g_param_spec_int64 ("updated-by", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UPDATED_BY_NAME] =
    g_param_spec_string ("updated-by-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UPDATED_AT] =
    g_param_spec_int64 ("updated-at", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * WartaPublication:returned-by:
   *
   * Who returned the publication to the step it waits in (a reviewer
   * with correction instructions, the admin for missing material); 0 when
   * it entered the step any other way, as a new one does.
   */
  properties[PROP_RETURNED_BY] =
    g_param_spec_int64 ("returned-by", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RETURNED_BY_NAME] =
    g_param_spec_string ("returned-by-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * WartaPublication:open-notes:
   *
   * How many of its correction notes are open: written or reopened by a
   * reviewer and not yet marked as done.
   */
  properties[PROP_OPEN_NOTES] =
    g_param_spec_uint ("open-notes", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
warta_publication_init (WartaPublication *self)
{
}

WartaPublication *
warta_publication_new (void)
{
  return g_object_new (WARTA_TYPE_PUBLICATION, NULL);
}

gint64
warta_publication_get_id (WartaPublication *self)
{
  g_return_val_if_fail (WARTA_IS_PUBLICATION (self), 0);

  return self->id;
}

void
warta_publication_set_id (WartaPublication *self,
                          gint64 id)
{
  g_return_if_fail (WARTA_IS_PUBLICATION (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

guint
warta_publication_get_state (WartaPublication *self)
{
  g_return_val_if_fail (WARTA_IS_PUBLICATION (self), 0);

  return self->state;
}

void
warta_publication_set_state (WartaPublication *self,
                             guint state)
{
  g_return_if_fail (WARTA_IS_PUBLICATION (self));

  if (self->state == state)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

gint64
warta_publication_get_version (WartaPublication *self)
{
  g_return_val_if_fail (WARTA_IS_PUBLICATION (self), 0);

  return self->version;
}

void
warta_publication_set_version (WartaPublication *self,
                               gint64 version)
{
  g_return_if_fail (WARTA_IS_PUBLICATION (self));

  if (self->version == version)
    return;

  self->version = version;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
}

const char *
warta_publication_get_title (WartaPublication *self)
{
  g_return_val_if_fail (WARTA_IS_PUBLICATION (self), NULL);

  return self->title;
}

void
warta_publication_set_title (WartaPublication *self,
                             const char *title)
{
  g_return_if_fail (WARTA_IS_PUBLICATION (self));

  if (g_strcmp0 (self->title, title) == 0)
    return;

  g_free (self->title);
  self->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
warta_publication_get_category (WartaPublication *self)
{
  g_return_val_if_fail (WARTA_IS_PUBLICATION (self), NULL);

  return self->category;
}

void
warta_publication_set_category (WartaPublication *self,
                                const char *category)
{
  g_return_if_fail (WARTA_IS_PUBLICATION (self));

  if (g_strcmp0 (self->category, category) == 0)
    return;

  g_free (self->category);
  self->category = g_strdup (category);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATEGORY]);
}

gint64
warta_publication_get_current_revision_id (WartaPublication *self)
{
  g_return_val_if_fail (WARTA_IS_PUBLICATION (self), 0);

  return self->current_revision_id;
}

void
warta_publication_set_current_revision_id (WartaPublication *self,
                                           gint64 current_revision_id)
{
  g_return_if_fail (WARTA_IS_PUBLICATION (self));

  if (self->current_revision_id == current_revision_id)
    return;

  self->current_revision_id = current_revision_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_REVISION_ID]);
}

const char *
warta_publication_get_current_hash (WartaPublication *self)
{
  g_return_val_if_fail (WARTA_IS_PUBLICATION (self), NULL);

  return self->current_hash;
}

void
warta_publication_set_current_hash (WartaPublication *self,
                                    const char *current_hash)
{
  g_return_if_fail (WARTA_IS_PUBLICATION (self));

  if (g_strcmp0 (self->current_hash, current_hash) == 0)
    return;

  g_free (self->current_hash);
  self->current_hash = g_strdup (current_hash);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_HASH]);
}

gint64
warta_publication_get_approved_revision_id (WartaPublication *self)
{
  g_return_val_if_fail (WARTA_IS_PUBLICATION (self), 0);

  return self->approved_revision_id;
}

void
warta_publication_set_approved_revision_id (WartaPublication *self,
                                            gint64 approved_revision_id)
{
  g_return_if_fail (WARTA_IS_PUBLICATION (self));

  if (self->approved_revision_id == approved_revision_id)
    return;

  self->approved_revision_id = approved_revision_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_APPROVED_REVISION_ID]);
}

const char *
warta_publication_get_approved_hash (WartaPublication *self)
{
  g_return_val_if_fail (WARTA_IS_PUBLICATION (self), NULL);

  return self->approved_hash;
}

void
warta_publication_set_approved_hash (WartaPublication *self,
                                     const char *approved_hash)
{
  g_return_if_fail (WARTA_IS_PUBLICATION (self));

  if (g_strcmp0 (self->approved_hash, approved_hash) == 0)
    return;

  g_free (self->approved_hash);
  self->approved_hash = g_strdup (approved_hash);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_APPROVED_HASH]);
}

guint
warta_publication_get_step (WartaPublication *self)
{
  g_return_val_if_fail (WARTA_IS_PUBLICATION (self), 0);

  return self->step;
}

void
warta_publication_set_step (WartaPublication *self,
                            guint step)
{
  g_return_if_fail (WARTA_IS_PUBLICATION (self));

  if (self->step == step)
    return;

  self->step = step;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP]);
}

gint64
warta_publication_get_step_entered_at (WartaPublication *self)
{
  g_return_val_if_fail (WARTA_IS_PUBLICATION (self), 0);

  return self->step_entered_at;
}

void
warta_publication_set_step_entered_at (WartaPublication *self,
                                       gint64 step_entered_at)
{
  g_return_if_fail (WARTA_IS_PUBLICATION (self));

  if (self->step_entered_at == step_entered_at)
    return;

  self->step_entered_at = step_entered_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP_ENTERED_AT]);
}

gint64
warta_publication_get_deadline_at (WartaPublication *self)
{
  g_return_val_if_fail (WARTA_IS_PUBLICATION (self), 0);

  return self->deadline_at;
}

void
warta_publication_set_deadline_at (WartaPublication *self,
                                   gint64 deadline_at)
{
  g_return_if_fail (WARTA_IS_PUBLICATION (self));

  if (self->deadline_at == deadline_at)
    return;

  self->deadline_at = deadline_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEADLINE_AT]);
}

gint64
warta_publication_get_scheduled_at (WartaPublication *self)
{
  g_return_val_if_fail (WARTA_IS_PUBLICATION (self), 0);

  return self->scheduled_at;
}

void
warta_publication_set_scheduled_at (WartaPublication *self,
                                    gint64 scheduled_at)
{
  g_return_if_fail (WARTA_IS_PUBLICATION (self));

  if (self->scheduled_at == scheduled_at)
    return;

  self->scheduled_at = scheduled_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCHEDULED_AT]);
}

guint
warta_publication_get_correction_rounds (WartaPublication *self)
{
  g_return_val_if_fail (WARTA_IS_PUBLICATION (self), 0);

  return self->correction_rounds;
}

void
warta_publication_set_correction_rounds (WartaPublication *self,
                                         guint correction_rounds)
{
  g_return_if_fail (WARTA_IS_PUBLICATION (self));

  if (self->correction_rounds == correction_rounds)
    return;

  self->correction_rounds = correction_rounds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CORRECTION_ROUNDS]);
}

gint64
warta_publication_get_created_by (WartaPublication *self)
{
  g_return_val_if_fail (WARTA_IS_PUBLICATION (self), 0);

  return self->created_by;
}

void
warta_publication_set_created_by (WartaPublication *self,
                                  gint64 created_by)
{
  g_return_if_fail (WARTA_IS_PUBLICATION (self));

  if (self->created_by == created_by)
    return;

  self->created_by = created_by;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED_BY]);
}

gint64
warta_publication_get_created_at (WartaPublication *self)
{
  g_return_val_if_fail (WARTA_IS_PUBLICATION (self), 0);

  return self->created_at;
}

void
warta_publication_set_created_at (WartaPublication *self,
                                  gint64 created_at)
{
  g_return_if_fail (WARTA_IS_PUBLICATION (self));

  if (self->created_at == created_at)
    return;

  self->created_at = created_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED_AT]);
}

gint64
warta_publication_get_updated_by (WartaPublication *self)
{
  g_return_val_if_fail (WARTA_IS_PUBLICATION (self), 0);

  return self->updated_by;
}

void
warta_publication_set_updated_by (WartaPublication *self,
                                  gint64 updated_by)
{
  g_return_if_fail (WARTA_IS_PUBLICATION (self));

  if (self->updated_by == updated_by)
    return;

  self->updated_by = updated_by;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_BY]);
}

const char *
warta_publication_get_updated_by_name (WartaPublication *self)
{
  g_return_val_if_fail (WARTA_IS_PUBLICATION (self), NULL);

  return self->updated_by_name;
}

void
warta_publication_set_updated_by_name (WartaPublication *self,
                                       const char *updated_by_name)
{
  g_return_if_fail (WARTA_IS_PUBLICATION (self));

  if (g_strcmp0 (self->updated_by_name, updated_by_name) == 0)
    return;

  g_free (self->updated_by_name);
  self->updated_by_name = g_strdup (updated_by_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_BY_NAME]);
}

gint64
warta_publication_get_updated_at (WartaPublication *self)
{
  g_return_val_if_fail (WARTA_IS_PUBLICATION (self), 0);

  return self->updated_at;
}

void
warta_publication_set_updated_at (WartaPublication *self,
                                  gint64 updated_at)
{
  g_return_if_fail (WARTA_IS_PUBLICATION (self));

  if (self->updated_at == updated_at)
    return;

  self->updated_at = updated_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_AT]);
}

gint64
warta_publication_get_returned_by (WartaPublication *self)
{
  g_return_val_if_fail (WARTA_IS_PUBLICATION (self), 0);

  return self->returned_by;
}

void
warta_publication_set_returned_by (WartaPublication *self,
                                   gint64 returned_by)
{
  g_return_if_fail (WARTA_IS_PUBLICATION (self));

  if (self->returned_by == returned_by)
    return;

  self->returned_by = returned_by;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RETURNED_BY]);
}

const char *
warta_publication_get_returned_by_name (WartaPublication *self)
{
  g_return_val_if_fail (WARTA_IS_PUBLICATION (self), NULL);

  return self->returned_by_name;
}

void
warta_publication_set_returned_by_name (WartaPublication *self,
                                        const char *returned_by_name)
{
  g_return_if_fail (WARTA_IS_PUBLICATION (self));

  if (g_strcmp0 (self->returned_by_name, returned_by_name) == 0)
    return;

  g_free (self->returned_by_name);
  self->returned_by_name = g_strdup (returned_by_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RETURNED_BY_NAME]);
}

guint
warta_publication_get_open_notes (WartaPublication *self)
{
  g_return_val_if_fail (WARTA_IS_PUBLICATION (self), 0);

  return self->open_notes;
}

void
warta_publication_set_open_notes (WartaPublication *self,
                                  guint open_notes)
{
  g_return_if_fail (WARTA_IS_PUBLICATION (self));

  if (self->open_notes == open_notes)
    return;

  self->open_notes = open_notes;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPEN_NOTES]);
}

/**
 * warta_publication_is_overdue:
 * @self: a #WartaPublication
 * @now_us: the time now, from a #WartaClock
 *
 * Returns: whether the current step has a limit and it has passed
 */
gboolean
warta_publication_is_overdue (WartaPublication *self,
                              gint64            now_us)
{
  g_return_val_if_fail (WARTA_IS_PUBLICATION (self), FALSE);

  return self->deadline_at != 0 && now_us > self->deadline_at;
}

/**
 * warta_publication_get_time_left:
 * @self: a #WartaPublication
 * @now_us: the time now, from a #WartaClock
 *
 * Returns: µs until the step's deadline (negative when overdue), or
 *   %G_MAXINT64 when the step has no limit
 */
gint64
warta_publication_get_time_left (WartaPublication *self,
                                 gint64            now_us)
{
  g_return_val_if_fail (WARTA_IS_PUBLICATION (self), 0);

  if (self->deadline_at == 0)
    return G_MAXINT64;

  return self->deadline_at - now_us;
}

/**
 * warta_publication_get_waiting_until:
 * @self: a #WartaPublication
 * @now_us: the time now, from a #WartaClock
 *
 * A scheduled post waits in step 5 for its approved time, and the step's
 * clock starts only then (warta_workflow_get_clock_start()).
 *
 * Returns: the scheduled time the current step waits for, or 0 when its
 *   clock runs
 */
gint64
warta_publication_get_waiting_until (WartaPublication *self,
                                     gint64            now_us)
{
  gint64 start;

  g_return_val_if_fail (WARTA_IS_PUBLICATION (self), 0);

  if (self->step == 0)
    return 0;

  start = warta_workflow_get_clock_start (self->step, self->step_entered_at, self->scheduled_at);
  if (start == self->step_entered_at || now_us >= start)
    return 0;

  return start;
}
