/* warta-media-info.c: what probing found out about one photo or video
 *
 * Immutable once made: WartaMediaProbe fills it in a worker thread and
 * hands it to the main thread.
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "warta-media-info.h"
#include "warta-media-private.h"

struct _WartaMediaInfo
{
  GObject         parent_instance;

  GFile          *file;
  WartaMediaKind  kind;
  char           *content_type;
  int             width;
  int             height;
  guint           orientation;
  char           *sha256;
  guint64         size;
  gint64          duration_us;
};

G_DEFINE_FINAL_TYPE (WartaMediaInfo, warta_media_info, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FILE,
  PROP_KIND,
  PROP_CONTENT_TYPE,
  PROP_WIDTH,
  PROP_HEIGHT,
  PROP_ORIENTATION,
  PROP_SHA256,
  PROP_SIZE,
  PROP_DURATION_US,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char *
warta_media_kind_to_string (WartaMediaKind kind)
{
  switch (kind)
    {
    case WARTA_MEDIA_KIND_PHOTO:
      return "photo";
    case WARTA_MEDIA_KIND_VIDEO:
      return "video";
    case WARTA_MEDIA_KIND_UNKNOWN:
    default:
      return NULL;
    }
}

static void
warta_media_info_finalize (GObject *object)
{
  WartaMediaInfo *self = (WartaMediaInfo *) object;

  g_clear_object (&self->file);
  g_clear_pointer (&self->content_type, g_free);
  g_clear_pointer (&self->sha256, g_free);

  G_OBJECT_CLASS (warta_media_info_parent_class)->finalize (object);
}

static void
warta_media_info_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  WartaMediaInfo *self = WARTA_MEDIA_INFO (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    case PROP_CONTENT_TYPE:
      g_value_set_string (value, self->content_type);
      break;
    case PROP_WIDTH:
      g_value_set_int (value, self->width);
      break;
    case PROP_HEIGHT:
      g_value_set_int (value, self->height);
      break;
    case PROP_ORIENTATION:
      g_value_set_uint (value, self->orientation);
      break;
    case PROP_SHA256:
      g_value_set_string (value, self->sha256);
      break;
    case PROP_SIZE:
      g_value_set_uint64 (value, self->size);
      break;
    case PROP_DURATION_US:
      g_value_set_int64 (value, self->duration_us);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
warta_media_info_class_init (WartaMediaInfoClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = warta_media_info_finalize;
  object_class->get_property = warta_media_info_get_property;

  properties[PROP_FILE] = g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE, flags);
  properties[PROP_KIND] = g_param_spec_int ("kind", NULL, NULL, 0, WARTA_MEDIA_KIND_VIDEO, 0,
                                            flags);
  properties[PROP_CONTENT_TYPE] = g_param_spec_string ("content-type", NULL, NULL, NULL, flags);
  properties[PROP_WIDTH] = g_param_spec_int ("width", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_HEIGHT] = g_param_spec_int ("height", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_ORIENTATION] = g_param_spec_uint ("orientation", NULL, NULL, 1, 8, 1, flags);
  properties[PROP_SHA256] = g_param_spec_string ("sha256", NULL, NULL, NULL, flags);
  properties[PROP_SIZE] = g_param_spec_uint64 ("size", NULL, NULL, 0, G_MAXUINT64, 0, flags);
  properties[PROP_DURATION_US] = g_param_spec_int64 ("duration-us", NULL, NULL, 0, G_MAXINT64, 0,
                                                     flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
warta_media_info_init (WartaMediaInfo *self)
{
  self->orientation = 1;
}

WartaMediaInfo *
_warta_media_info_new (GFile          *file,
                       WartaMediaKind  kind,
                       const char     *content_type,
                       int             width,
                       int             height,
                       guint           orientation,
                       const char     *sha256,
                       guint64         size,
                       gint64          duration_us)
{
  WartaMediaInfo *self = g_object_new (WARTA_TYPE_MEDIA_INFO, NULL);

  self->file = g_object_ref (file);
  self->kind = kind;
  self->content_type = g_strdup (content_type);
  self->orientation = orientation >= 1 && orientation <= 8 ? orientation : 1;
  /* Orientations 5-8 turn the picture by 90°. */
  if (self->orientation >= 5)
    {
      self->width = height;
      self->height = width;
    }
  else
    {
      self->width = width;
      self->height = height;
    }
  self->sha256 = g_strdup (sha256);
  self->size = size;
  self->duration_us = duration_us;
  return self;
}

GFile *
warta_media_info_get_file (WartaMediaInfo *self)
{
  g_return_val_if_fail (WARTA_IS_MEDIA_INFO (self), NULL);
  return self->file;
}

WartaMediaKind
warta_media_info_get_kind (WartaMediaInfo *self)
{
  g_return_val_if_fail (WARTA_IS_MEDIA_INFO (self), WARTA_MEDIA_KIND_UNKNOWN);
  return self->kind;
}

const char *
warta_media_info_get_content_type (WartaMediaInfo *self)
{
  g_return_val_if_fail (WARTA_IS_MEDIA_INFO (self), NULL);
  return self->content_type;
}

int
warta_media_info_get_width (WartaMediaInfo *self)
{
  g_return_val_if_fail (WARTA_IS_MEDIA_INFO (self), 0);
  return self->width;
}

int
warta_media_info_get_height (WartaMediaInfo *self)
{
  g_return_val_if_fail (WARTA_IS_MEDIA_INFO (self), 0);
  return self->height;
}

guint
warta_media_info_get_orientation (WartaMediaInfo *self)
{
  g_return_val_if_fail (WARTA_IS_MEDIA_INFO (self), 1);
  return self->orientation;
}

const char *
warta_media_info_get_sha256 (WartaMediaInfo *self)
{
  g_return_val_if_fail (WARTA_IS_MEDIA_INFO (self), NULL);
  return self->sha256;
}

guint64
warta_media_info_get_size (WartaMediaInfo *self)
{
  g_return_val_if_fail (WARTA_IS_MEDIA_INFO (self), 0);
  return self->size;
}

gint64
warta_media_info_get_duration_us (WartaMediaInfo *self)
{
  g_return_val_if_fail (WARTA_IS_MEDIA_INFO (self), 0);
  return self->duration_us;
}
