/* warta-media-item.c: a photo or video of a revision
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "warta-media-item.h"

struct _WartaMediaItem
{
  GObject parent_instance;

  gint64 id;
  char *path;
  char *sha256;
  char *kind;
  int width;
  int height;
  char *credit;
  char *alt_text;
  gboolean illustration;
  gboolean identifiable_people;
  gboolean minor;
  char *consent;
  guint sealed : 1;
};

G_DEFINE_FINAL_TYPE (WartaMediaItem, warta_media_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PATH,
  PROP_SHA256,
  PROP_KIND,
  PROP_WIDTH,
  PROP_HEIGHT,
  PROP_CREDIT,
  PROP_ALT_TEXT,
  PROP_ILLUSTRATION,
  PROP_IDENTIFIABLE_PEOPLE,
  PROP_MINOR,
  PROP_CONSENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
warta_media_item_finalize (GObject *object)
{
  WartaMediaItem *self = (WartaMediaItem *)object;

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->sha256, g_free);
  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->credit, g_free);
  g_clear_pointer (&self->alt_text, g_free);
  g_clear_pointer (&self->consent, g_free);

  G_OBJECT_CLASS (warta_media_item_parent_class)->finalize (object);
}

static void
warta_media_item_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  WartaMediaItem *self = WARTA_MEDIA_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_SHA256:
      g_value_set_string (value, self->sha256);
      break;

    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;

    case PROP_WIDTH:
      g_value_set_int (value, self->width);
      break;

    case PROP_HEIGHT:
      g_value_set_int (value, self->height);
      break;

    case PROP_CREDIT:
      g_value_set_string (value, self->credit);
      break;

    case PROP_ALT_TEXT:
      g_value_set_string (value, self->alt_text);
      break;

    case PROP_ILLUSTRATION:
      g_value_set_boolean (value, self->illustration);
      break;

    case PROP_IDENTIFIABLE_PEOPLE:
      g_value_set_boolean (value, self->identifiable_people);
      break;

    case PROP_MINOR:
      g_value_set_boolean (value, self->minor);
      break;

    case PROP_CONSENT:
      g_value_set_string (value, self->consent);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
warta_media_item_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  WartaMediaItem *self = WARTA_MEDIA_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      warta_media_item_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_PATH:
      warta_media_item_set_path (self, g_value_get_string (value));
      break;

    case PROP_SHA256:
      warta_media_item_set_sha256 (self, g_value_get_string (value));
      break;

    case PROP_KIND:
      warta_media_item_set_kind (self, g_value_get_string (value));
      break;

    case PROP_WIDTH:
      warta_media_item_set_width (self, g_value_get_int (value));
      break;

    case PROP_HEIGHT:
      warta_media_item_set_height (self, g_value_get_int (value));
      break;

    case PROP_CREDIT:
      warta_media_item_set_credit (self, g_value_get_string (value));
      break;

    case PROP_ALT_TEXT:
      warta_media_item_set_alt_text (self, g_value_get_string (value));
      break;

    case PROP_ILLUSTRATION:
      warta_media_item_set_illustration (self, g_value_get_boolean (value));
      break;

    case PROP_IDENTIFIABLE_PEOPLE:
      warta_media_item_set_identifiable_people (self, g_value_get_boolean (value));
      break;

    case PROP_MINOR:
      warta_media_item_set_minor (self, g_value_get_boolean (value));
      break;

    case PROP_CONSENT:
      warta_media_item_set_consent (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
warta_media_item_class_init (WartaMediaItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = warta_media_item_finalize;
  object_class->get_property = warta_media_item_get_property;
  object_class->set_property = warta_media_item_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHA256] =
    g_param_spec_string ("sha256", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WIDTH] =
    g_param_spec_int ("width", NULL, NULL, G_MININT, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HEIGHT] =
    g_param_spec_int ("height", NULL, NULL, G_MININT, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREDIT] =
    g_param_spec_string ("credit", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ALT_TEXT] =
    g_param_spec_string ("alt-text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ILLUSTRATION] =
    g_param_spec_boolean ("illustration", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_IDENTIFIABLE_PEOPLE] =
    g_param_spec_boolean ("identifiable-people", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MINOR] =
    g_param_spec_boolean ("minor", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONSENT] =
    g_param_spec_string ("consent", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
warta_media_item_init (WartaMediaItem *self)
{
}

WartaMediaItem *
warta_media_item_new (void)
{
  return g_object_new (WARTA_TYPE_MEDIA_ITEM, NULL);
}

gint64
warta_media_item_get_id (WartaMediaItem *self)
{
  g_return_val_if_fail (WARTA_IS_MEDIA_ITEM (self), 0);

  return self->id;
}

void
warta_media_item_set_id (WartaMediaItem *self,
                         gint64 id)
{
  g_return_if_fail (WARTA_IS_MEDIA_ITEM (self));
  g_return_if_fail (!self->sealed);

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
warta_media_item_get_path (WartaMediaItem *self)
{
  g_return_val_if_fail (WARTA_IS_MEDIA_ITEM (self), NULL);

  return self->path;
}

void
warta_media_item_set_path (WartaMediaItem *self,
                           const char *path)
{
  g_return_if_fail (WARTA_IS_MEDIA_ITEM (self));
  g_return_if_fail (!self->sealed);

  if (g_strcmp0 (self->path, path) == 0)
    return;

  g_free (self->path);
  self->path = g_strdup (path);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATH]);
}

const char *
warta_media_item_get_sha256 (WartaMediaItem *self)
{
  g_return_val_if_fail (WARTA_IS_MEDIA_ITEM (self), NULL);

  return self->sha256;
}

void
warta_media_item_set_sha256 (WartaMediaItem *self,
                             const char *sha256)
{
  g_return_if_fail (WARTA_IS_MEDIA_ITEM (self));
  g_return_if_fail (!self->sealed);

  if (g_strcmp0 (self->sha256, sha256) == 0)
    return;

  g_free (self->sha256);
  self->sha256 = g_strdup (sha256);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHA256]);
}

const char *
warta_media_item_get_kind (WartaMediaItem *self)
{
  g_return_val_if_fail (WARTA_IS_MEDIA_ITEM (self), NULL);

  return self->kind;
}

void
warta_media_item_set_kind (WartaMediaItem *self,
                           const char *kind)
{
  g_return_if_fail (WARTA_IS_MEDIA_ITEM (self));
  g_return_if_fail (!self->sealed);

  if (g_strcmp0 (self->kind, kind) == 0)
    return;

  g_free (self->kind);
  self->kind = g_strdup (kind);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

int
warta_media_item_get_width (WartaMediaItem *self)
{
  g_return_val_if_fail (WARTA_IS_MEDIA_ITEM (self), 0);

  return self->width;
}

void
warta_media_item_set_width (WartaMediaItem *self,
                            int width)
{
  g_return_if_fail (WARTA_IS_MEDIA_ITEM (self));
  g_return_if_fail (!self->sealed);

  if (self->width == width)
    return;

  self->width = width;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WIDTH]);
}

int
warta_media_item_get_height (WartaMediaItem *self)
{
  g_return_val_if_fail (WARTA_IS_MEDIA_ITEM (self), 0);

  return self->height;
}

void
warta_media_item_set_height (WartaMediaItem *self,
                             int height)
{
  g_return_if_fail (WARTA_IS_MEDIA_ITEM (self));
  g_return_if_fail (!self->sealed);

  if (self->height == height)
    return;

  self->height = height;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HEIGHT]);
}

const char *
warta_media_item_get_credit (WartaMediaItem *self)
{
  g_return_val_if_fail (WARTA_IS_MEDIA_ITEM (self), NULL);

  return self->credit;
}

void
warta_media_item_set_credit (WartaMediaItem *self,
                             const char *credit)
{
  g_return_if_fail (WARTA_IS_MEDIA_ITEM (self));
  g_return_if_fail (!self->sealed);

  if (g_strcmp0 (self->credit, credit) == 0)
    return;

  g_free (self->credit);
  self->credit = g_strdup (credit);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREDIT]);
}

const char *
warta_media_item_get_alt_text (WartaMediaItem *self)
{
  g_return_val_if_fail (WARTA_IS_MEDIA_ITEM (self), NULL);

  return self->alt_text;
}

void
warta_media_item_set_alt_text (WartaMediaItem *self,
                               const char *alt_text)
{
  g_return_if_fail (WARTA_IS_MEDIA_ITEM (self));
  g_return_if_fail (!self->sealed);

  if (g_strcmp0 (self->alt_text, alt_text) == 0)
    return;

  g_free (self->alt_text);
  self->alt_text = g_strdup (alt_text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALT_TEXT]);
}

gboolean
warta_media_item_get_illustration (WartaMediaItem *self)
{
  g_return_val_if_fail (WARTA_IS_MEDIA_ITEM (self), FALSE);

  return self->illustration;
}

void
warta_media_item_set_illustration (WartaMediaItem *self,
                                   gboolean illustration)
{
  g_return_if_fail (WARTA_IS_MEDIA_ITEM (self));
  g_return_if_fail (!self->sealed);

  illustration = !!illustration;
  if (self->illustration == illustration)
    return;

  self->illustration = illustration;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ILLUSTRATION]);
}

gboolean
warta_media_item_get_identifiable_people (WartaMediaItem *self)
{
  g_return_val_if_fail (WARTA_IS_MEDIA_ITEM (self), FALSE);

  return self->identifiable_people;
}

void
warta_media_item_set_identifiable_people (WartaMediaItem *self,
                                          gboolean identifiable_people)
{
  g_return_if_fail (WARTA_IS_MEDIA_ITEM (self));
  g_return_if_fail (!self->sealed);

  identifiable_people = !!identifiable_people;
  if (self->identifiable_people == identifiable_people)
    return;

  self->identifiable_people = identifiable_people;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IDENTIFIABLE_PEOPLE]);
}

gboolean
warta_media_item_get_minor (WartaMediaItem *self)
{
  g_return_val_if_fail (WARTA_IS_MEDIA_ITEM (self), FALSE);

  return self->minor;
}

void
warta_media_item_set_minor (WartaMediaItem *self,
                            gboolean minor)
{
  g_return_if_fail (WARTA_IS_MEDIA_ITEM (self));
  g_return_if_fail (!self->sealed);

  minor = !!minor;
  if (self->minor == minor)
    return;

  self->minor = minor;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MINOR]);
}

const char *
warta_media_item_get_consent (WartaMediaItem *self)
{
  g_return_val_if_fail (WARTA_IS_MEDIA_ITEM (self), NULL);

  return self->consent;
}

void
warta_media_item_set_consent (WartaMediaItem *self,
                              const char *consent)
{
  g_return_if_fail (WARTA_IS_MEDIA_ITEM (self));
  g_return_if_fail (!self->sealed);

  if (g_strcmp0 (self->consent, consent) == 0)
    return;

  g_free (self->consent);
  self->consent = g_strdup (consent);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONSENT]);
}

/* A media item of a saved revision is part of its hash: it cannot change. */
void
warta_media_item_seal (WartaMediaItem *self)
{
  g_return_if_fail (WARTA_IS_MEDIA_ITEM (self));

  self->sealed = TRUE;
}

gboolean
warta_media_item_is_sealed (WartaMediaItem *self)
{
  g_return_val_if_fail (WARTA_IS_MEDIA_ITEM (self), FALSE);

  return self->sealed;
}

/**
 * warta_media_item_copy:
 * @self: a #WartaMediaItem
 *
 * Returns: (transfer full): an unsealed copy, without an id
 */
WartaMediaItem *
warta_media_item_copy (WartaMediaItem *self)
{
  WartaMediaItem *copy;

  g_return_val_if_fail (WARTA_IS_MEDIA_ITEM (self), NULL);

  copy = warta_media_item_new ();
  copy->path = g_strdup (self->path);
  copy->sha256 = g_strdup (self->sha256);
  copy->kind = g_strdup (self->kind);
  copy->width = self->width;
  copy->height = self->height;
  copy->credit = g_strdup (self->credit);
  copy->alt_text = g_strdup (self->alt_text);
  copy->illustration = self->illustration;
  copy->identifiable_people = self->identifiable_people;
  copy->minor = self->minor;
  copy->consent = g_strdup (self->consent);

  return copy;
}
