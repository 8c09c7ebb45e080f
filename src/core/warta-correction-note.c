/* warta-correction-note.c: a correction instruction from a reviewer
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "warta-correction-note.h"

struct _WartaCorrectionNote
{
  GObject parent_instance;

  gint64 id;
  gint64 publication_id;
  gint64 revision_id;
  gint64 author_id;
  char *author_name;
  gint64 created_at;
  char *field;
  char *media_sha256;
  char *text;
  guint status;
  gint64 resolved_by;
  gint64 resolved_revision_id;
  gint64 resolved_at;
  gint64 confirmed_by;
  gint64 confirmed_at;
  gint64 version;
};

G_DEFINE_FINAL_TYPE (WartaCorrectionNote, warta_correction_note, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PUBLICATION_ID,
  PROP_REVISION_ID,
  PROP_AUTHOR_ID,
  PROP_AUTHOR_NAME,
  PROP_CREATED_AT,
  PROP_FIELD,
  PROP_MEDIA_SHA256,
  PROP_TEXT,
  PROP_STATUS,
  PROP_RESOLVED_BY,
  PROP_RESOLVED_REVISION_ID,
  PROP_RESOLVED_AT,
  PROP_CONFIRMED_BY,
  PROP_CONFIRMED_AT,
  PROP_VERSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
warta_correction_note_finalize (GObject *object)
{
  WartaCorrectionNote *self = (WartaCorrectionNote *)object;

  g_clear_pointer (&self->author_name, g_free);
  g_clear_pointer (&self->field, g_free);
  g_clear_pointer (&self->media_sha256, g_free);
  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (warta_correction_note_parent_class)->finalize (object);
}

static void
warta_correction_note_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  WartaCorrectionNote *self = WARTA_CORRECTION_NOTE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_PUBLICATION_ID:
      g_value_set_int64 (value, self->publication_id);
      break;

    case PROP_REVISION_ID:
      g_value_set_int64 (value, self->revision_id);
      break;

    case PROP_AUTHOR_ID:
      g_value_set_int64 (value, self->author_id);
      break;

    case PROP_AUTHOR_NAME:
      g_value_set_string (value, self->author_name);
      break;

    case PROP_CREATED_AT:
      g_value_set_int64 (value, self->created_at);
      break;

    case PROP_FIELD:
      g_value_set_string (value, self->field);
      break;

    case PROP_MEDIA_SHA256:
      g_value_set_string (value, self->media_sha256);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_STATUS:
      g_value_set_uint (value, self->status);
      break;

    case PROP_RESOLVED_BY:
      g_value_set_int64 (value, self->resolved_by);
      break;

    case PROP_RESOLVED_REVISION_ID:
      g_value_set_int64 (value, self->resolved_revision_id);
      break;

    case PROP_RESOLVED_AT:
      g_value_set_int64 (value, self->resolved_at);
      break;

    case PROP_CONFIRMED_BY:
      g_value_set_int64 (value, self->confirmed_by);
      break;

    case PROP_CONFIRMED_AT:
      g_value_set_int64 (value, self->confirmed_at);
      break;

    case PROP_VERSION:
      g_value_set_int64 (value, self->version);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
warta_correction_note_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  WartaCorrectionNote *self = WARTA_CORRECTION_NOTE (object);

  switch (prop_id)
    {
    case PROP_ID:
      warta_correction_note_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_PUBLICATION_ID:
      warta_correction_note_set_publication_id (self, g_value_get_int64 (value));
      break;

    case PROP_REVISION_ID:
      warta_correction_note_set_revision_id (self, g_value_get_int64 (value));
      break;

    case PROP_AUTHOR_ID:
      warta_correction_note_set_author_id (self, g_value_get_int64 (value));
      break;

    case PROP_AUTHOR_NAME:
      warta_correction_note_set_author_name (self, g_value_get_string (value));
      break;

    case PROP_CREATED_AT:
      warta_correction_note_set_created_at (self, g_value_get_int64 (value));
      break;

    case PROP_FIELD:
      warta_correction_note_set_field (self, g_value_get_string (value));
      break;

    case PROP_MEDIA_SHA256:
      warta_correction_note_set_media_sha256 (self, g_value_get_string (value));
      break;

    case PROP_TEXT:
      warta_correction_note_set_text (self, g_value_get_string (value));
      break;

    case PROP_STATUS:
      warta_correction_note_set_status (self, g_value_get_uint (value));
      break;

    case PROP_RESOLVED_BY:
      warta_correction_note_set_resolved_by (self, g_value_get_int64 (value));
      break;

    case PROP_RESOLVED_REVISION_ID:
      warta_correction_note_set_resolved_revision_id (self, g_value_get_int64 (value));
      break;

    case PROP_RESOLVED_AT:
      warta_correction_note_set_resolved_at (self, g_value_get_int64 (value));
      break;

    case PROP_CONFIRMED_BY:
      warta_correction_note_set_confirmed_by (self, g_value_get_int64 (value));
      break;

    case PROP_CONFIRMED_AT:
      warta_correction_note_set_confirmed_at (self, g_value_get_int64 (value));
      break;

    case PROP_VERSION:
      warta_correction_note_set_version (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
warta_correction_note_class_init (WartaCorrectionNoteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = warta_correction_note_finalize;
  object_class->get_property = warta_correction_note_get_property;
  object_class->set_property = warta_correction_note_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PUBLICATION_ID] =
    g_param_spec_int64 ("publication-id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REVISION_ID] =
    g_param_spec_int64 ("revision-id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AUTHOR_ID] =
    g_param_spec_int64 ("author-id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AUTHOR_NAME] =
    g_param_spec_string ("author-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREATED_AT] =
    g_param_spec_int64 ("created-at", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FIELD] =
    g_param_spec_string ("field", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MEDIA_SHA256] =
    g_param_spec_string ("media-sha256", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_uint ("status", NULL, NULL, 0, WARTA_NOTE_STATUS_CONFIRMED, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RESOLVED_BY] =
    g_param_spec_int64 ("resolved-by", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RESOLVED_REVISION_ID] =
    g_param_spec_int64 ("resolved-revision-id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RESOLVED_AT] =
    g_param_spec_int64 ("resolved-at", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONFIRMED_BY] =
    g_param_spec_int64 ("confirmed-by", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONFIRMED_AT] =
    g_param_spec_int64 ("confirmed-at", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VERSION] =
    g_param_spec_int64 ("version", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
warta_correction_note_init (WartaCorrectionNote *self)
{
}

WartaCorrectionNote *
warta_correction_note_new (void)
{
  return g_object_new (WARTA_TYPE_CORRECTION_NOTE, NULL);
}

gint64
warta_correction_note_get_id (WartaCorrectionNote *self)
{
  g_return_val_if_fail (WARTA_IS_CORRECTION_NOTE (self), 0);

  return self->id;
}

void
warta_correction_note_set_id (WartaCorrectionNote *self,
                              gint64 id)
{
  g_return_if_fail (WARTA_IS_CORRECTION_NOTE (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
warta_correction_note_get_publication_id (WartaCorrectionNote *self)
{
  g_return_val_if_fail (WARTA_IS_CORRECTION_NOTE (self), 0);

  return self->publication_id;
}

void
warta_correction_note_set_publication_id (WartaCorrectionNote *self,
                                          gint64 publication_id)
{
  g_return_if_fail (WARTA_IS_CORRECTION_NOTE (self));

  if (self->publication_id == publication_id)
    return;

  self->publication_id = publication_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PUBLICATION_ID]);
}

gint64
warta_correction_note_get_revision_id (WartaCorrectionNote *self)
{
  g_return_val_if_fail (WARTA_IS_CORRECTION_NOTE (self), 0);

  return self->revision_id;
}

void
warta_correction_note_set_revision_id (WartaCorrectionNote *self,
                                       gint64 revision_id)
{
  g_return_if_fail (WARTA_IS_CORRECTION_NOTE (self));

  if (self->revision_id == revision_id)
    return;

  self->revision_id = revision_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVISION_ID]);
}

gint64
warta_correction_note_get_author_id (WartaCorrectionNote *self)
{
  g_return_val_if_fail (WARTA_IS_CORRECTION_NOTE (self), 0);

  return self->author_id;
}

void
warta_correction_note_set_author_id (WartaCorrectionNote *self,
                                     gint64 author_id)
{
  g_return_if_fail (WARTA_IS_CORRECTION_NOTE (self));

  if (self->author_id == author_id)
    return;

  self->author_id = author_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTHOR_ID]);
}

const char *
warta_correction_note_get_author_name (WartaCorrectionNote *self)
{
  g_return_val_if_fail (WARTA_IS_CORRECTION_NOTE (self), NULL);

  return self->author_name;
}

void
warta_correction_note_set_author_name (WartaCorrectionNote *self,
                                       const char *author_name)
{
  g_return_if_fail (WARTA_IS_CORRECTION_NOTE (self));

  if (g_strcmp0 (self->author_name, author_name) == 0)
    return;

  g_free (self->author_name);
  self->author_name = g_strdup (author_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTHOR_NAME]);
}

gint64
warta_correction_note_get_created_at (WartaCorrectionNote *self)
{
  g_return_val_if_fail (WARTA_IS_CORRECTION_NOTE (self), 0);

  return self->created_at;
}

void
warta_correction_note_set_created_at (WartaCorrectionNote *self,
                                      gint64 created_at)
{
  g_return_if_fail (WARTA_IS_CORRECTION_NOTE (self));

  if (self->created_at == created_at)
    return;

  self->created_at = created_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED_AT]);
}

const char *
warta_correction_note_get_field (WartaCorrectionNote *self)
{
  g_return_val_if_fail (WARTA_IS_CORRECTION_NOTE (self), NULL);

  return self->field;
}

void
warta_correction_note_set_field (WartaCorrectionNote *self,
                                 const char *field)
{
  g_return_if_fail (WARTA_IS_CORRECTION_NOTE (self));

  if (g_strcmp0 (self->field, field) == 0)
    return;

  g_free (self->field);
  self->field = g_strdup (field);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIELD]);
}

const char *
warta_correction_note_get_media_sha256 (WartaCorrectionNote *self)
{
  g_return_val_if_fail (WARTA_IS_CORRECTION_NOTE (self), NULL);

  return self->media_sha256;
}

void
warta_correction_note_set_media_sha256 (WartaCorrectionNote *self,
                                        const char *media_sha256)
{
  g_return_if_fail (WARTA_IS_CORRECTION_NOTE (self));

  if (g_strcmp0 (self->media_sha256, media_sha256) == 0)
    return;

  g_free (self->media_sha256);
  self->media_sha256 = g_strdup (media_sha256);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEDIA_SHA256]);
}

const char *
warta_correction_note_get_text (WartaCorrectionNote *self)
{
  g_return_val_if_fail (WARTA_IS_CORRECTION_NOTE (self), NULL);

  return self->text;
}

void
warta_correction_note_set_text (WartaCorrectionNote *self,
                                const char *text)
{
  g_return_if_fail (WARTA_IS_CORRECTION_NOTE (self));

  if (g_strcmp0 (self->text, text) == 0)
    return;

  g_free (self->text);
  self->text = g_strdup (text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

guint
warta_correction_note_get_status (WartaCorrectionNote *self)
{
  g_return_val_if_fail (WARTA_IS_CORRECTION_NOTE (self), 0);

  return self->status;
}

void
warta_correction_note_set_status (WartaCorrectionNote *self,
                                  guint status)
{
  g_return_if_fail (WARTA_IS_CORRECTION_NOTE (self));

  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

gint64
warta_correction_note_get_resolved_by (WartaCorrectionNote *self)
{
  g_return_val_if_fail (WARTA_IS_CORRECTION_NOTE (self), 0);

  return self->resolved_by;
}

void
warta_correction_note_set_resolved_by (WartaCorrectionNote *self,
                                       gint64 resolved_by)
{
  g_return_if_fail (WARTA_IS_CORRECTION_NOTE (self));

  if (self->resolved_by == resolved_by)
    return;

  self->resolved_by = resolved_by;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESOLVED_BY]);
}

gint64
warta_correction_note_get_resolved_revision_id (WartaCorrectionNote *self)
{
  g_return_val_if_fail (WARTA_IS_CORRECTION_NOTE (self), 0);

  return self->resolved_revision_id;
}

void
warta_correction_note_set_resolved_revision_id (WartaCorrectionNote *self,
                                                gint64 resolved_revision_id)
{
  g_return_if_fail (WARTA_IS_CORRECTION_NOTE (self));

  if (self->resolved_revision_id == resolved_revision_id)
    return;

  self->resolved_revision_id = resolved_revision_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESOLVED_REVISION_ID]);
}

gint64
warta_correction_note_get_resolved_at (WartaCorrectionNote *self)
{
  g_return_val_if_fail (WARTA_IS_CORRECTION_NOTE (self), 0);

  return self->resolved_at;
}

void
warta_correction_note_set_resolved_at (WartaCorrectionNote *self,
                                       gint64 resolved_at)
{
  g_return_if_fail (WARTA_IS_CORRECTION_NOTE (self));

  if (self->resolved_at == resolved_at)
    return;

  self->resolved_at = resolved_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESOLVED_AT]);
}

gint64
warta_correction_note_get_confirmed_by (WartaCorrectionNote *self)
{
  g_return_val_if_fail (WARTA_IS_CORRECTION_NOTE (self), 0);

  return self->confirmed_by;
}

void
warta_correction_note_set_confirmed_by (WartaCorrectionNote *self,
                                        gint64 confirmed_by)
{
  g_return_if_fail (WARTA_IS_CORRECTION_NOTE (self));

  if (self->confirmed_by == confirmed_by)
    return;

  self->confirmed_by = confirmed_by;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONFIRMED_BY]);
}

gint64
warta_correction_note_get_confirmed_at (WartaCorrectionNote *self)
{
  g_return_val_if_fail (WARTA_IS_CORRECTION_NOTE (self), 0);

  return self->confirmed_at;
}

void
warta_correction_note_set_confirmed_at (WartaCorrectionNote *self,
                                        gint64 confirmed_at)
{
  g_return_if_fail (WARTA_IS_CORRECTION_NOTE (self));

  if (self->confirmed_at == confirmed_at)
    return;

  self->confirmed_at = confirmed_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONFIRMED_AT]);
}

gint64
warta_correction_note_get_version (WartaCorrectionNote *self)
{
  g_return_val_if_fail (WARTA_IS_CORRECTION_NOTE (self), 0);

  return self->version;
}

void
warta_correction_note_set_version (WartaCorrectionNote *self,
                                   gint64 version)
{
  g_return_if_fail (WARTA_IS_CORRECTION_NOTE (self));

  if (self->version == version)
    return;

  self->version = version;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
}

/* Whether the note is about the whole publication, not a field or a photo. */
gboolean
warta_correction_note_is_general (WartaCorrectionNote *self)
{
  g_return_val_if_fail (WARTA_IS_CORRECTION_NOTE (self), FALSE);

  return self->field == NULL && self->media_sha256 == NULL;
}
