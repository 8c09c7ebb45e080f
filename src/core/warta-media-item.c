/* warta-media-item.c: a photo or video of a revision
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

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
  GArray *blurs;        /* WartaBlurRegion */
  GHashTable *crops;    /* target id → double[2] */
  char *skipped;        /* platforms it is left out of: sorted, comma-separated */
  gint64 duration_us;   /* a video's, as probed; 0: not known */
  guint64 size;         /* bytes, as probed; 0: not known */
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
  g_clear_pointer (&self->blurs, g_array_unref);
  g_clear_pointer (&self->crops, g_hash_table_unref);
  g_clear_pointer (&self->skipped, g_free);

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
  self->blurs = g_array_new (FALSE, FALSE, sizeof (WartaBlurRegion));
  self->crops = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
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

/**
 * warta_media_item_dup_full_path:
 * @folder: (nullable): where a relative path is, the database's folder
 *
 * Returns: (nullable): the file's path: the item's own when it is
 *   absolute or @folder is %NULL, else in @folder
 */
char *
warta_media_item_dup_full_path (WartaMediaItem *self,
                                const char     *folder)
{
  g_return_val_if_fail (WARTA_IS_MEDIA_ITEM (self), NULL);

  if (self->path == NULL || folder == NULL || g_path_is_absolute (self->path))
    return g_strdup (self->path);
  return g_build_filename (folder, self->path, NULL);
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

gint64
warta_media_item_get_duration_us (WartaMediaItem *self)
{
  g_return_val_if_fail (WARTA_IS_MEDIA_ITEM (self), 0);

  return self->duration_us;
}

void
warta_media_item_set_duration_us (WartaMediaItem *self,
                                  gint64          duration_us)
{
  g_return_if_fail (WARTA_IS_MEDIA_ITEM (self));
  g_return_if_fail (!self->sealed);

  self->duration_us = MAX (duration_us, 0);
}

guint64
warta_media_item_get_size (WartaMediaItem *self)
{
  g_return_val_if_fail (WARTA_IS_MEDIA_ITEM (self), 0);

  return self->size;
}

void
warta_media_item_set_size (WartaMediaItem *self,
                           guint64         size)
{
  g_return_if_fail (WARTA_IS_MEDIA_ITEM (self));
  g_return_if_fail (!self->sealed);

  self->size = size;
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
  copy->duration_us = self->duration_us;
  copy->size = self->size;
  copy->credit = g_strdup (self->credit);
  copy->alt_text = g_strdup (self->alt_text);
  copy->illustration = self->illustration;
  copy->identifiable_people = self->identifiable_people;
  copy->minor = self->minor;
  copy->consent = g_strdup (self->consent);
  copy->skipped = g_strdup (self->skipped);
  g_array_append_vals (copy->blurs, self->blurs->data, self->blurs->len);
  {
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, self->crops);
    while (g_hash_table_iter_next (&iter, &key, &value))
      g_hash_table_insert (copy->crops, g_strdup (key), g_memdup2 (value, 2 * sizeof (double)));
  }

  return copy;
}

/* -- the platforms it goes to ------------------------------------------------ */

gboolean
warta_media_item_get_posted_to (WartaMediaItem *self,
                                const char     *platform)
{
  g_auto(GStrv) skipped = NULL;

  g_return_val_if_fail (WARTA_IS_MEDIA_ITEM (self), TRUE);
  g_return_val_if_fail (platform != NULL, TRUE);

  if (self->skipped == NULL)
    return TRUE;
  skipped = g_strsplit (self->skipped, ",", -1);
  return !g_strv_contains ((const char * const *) skipped, platform);
}

static int
compare_strings (const void *a,
                 const void *b);

void
warta_media_item_set_posted_to (WartaMediaItem *self,
                                const char     *platform,
                                gboolean        posted)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) skipped = NULL;

  g_return_if_fail (WARTA_IS_MEDIA_ITEM (self));
  g_return_if_fail (platform != NULL && *platform != '\0' && strchr (platform, ',') == NULL);
  g_return_if_fail (!self->sealed);

  skipped = g_strsplit (self->skipped ? self->skipped : "", ",", -1);
  for (guint i = 0; skipped[i] != NULL; i++)
    if (*skipped[i] != '\0' && g_strcmp0 (skipped[i], platform) != 0)
      g_ptr_array_add (list, g_strdup (skipped[i]));
  if (!posted)
    g_ptr_array_add (list, g_strdup (platform));
  g_ptr_array_sort (list, compare_strings);
  g_ptr_array_add (list, NULL);
  g_free (self->skipped);
  self->skipped = list->len > 1 ? g_strjoinv (",", (char **) list->pdata) : NULL;
}

const char *
warta_media_item_get_skipped_platforms (WartaMediaItem *self)
{
  g_return_val_if_fail (WARTA_IS_MEDIA_ITEM (self), NULL);

  return self->skipped;
}

void
warta_media_item_set_skipped_platforms (WartaMediaItem *self,
                                        const char     *platforms)
{
  g_auto(GStrv) list = NULL;

  g_return_if_fail (WARTA_IS_MEDIA_ITEM (self));
  g_return_if_fail (!self->sealed);

  g_clear_pointer (&self->skipped, g_free);
  list = g_strsplit (platforms ? platforms : "", ",", -1);
  for (guint i = 0; list[i] != NULL; i++)
    if (*list[i] != '\0')
      warta_media_item_set_posted_to (self, list[i], FALSE);
}

/* -- blur regions and crop centres ------------------------------------------ */

static void
clamp_region (WartaBlurRegion       *out,
              const WartaBlurRegion *in)
{
  double x = isfinite (in->x) ? CLAMP (in->x, 0.0, 1.0) : 0.0;
  double y = isfinite (in->y) ? CLAMP (in->y, 0.0, 1.0) : 0.0;
  double w = isfinite (in->width) ? in->width : 0.0;
  double h = isfinite (in->height) ? in->height : 0.0;

  out->x = x;
  out->y = y;
  out->width = CLAMP (w, 0.0, 1.0 - x);
  out->height = CLAMP (h, 0.0, 1.0 - y);
}

guint
warta_media_item_get_n_blur_regions (WartaMediaItem *self)
{
  g_return_val_if_fail (WARTA_IS_MEDIA_ITEM (self), 0);

  return self->blurs->len;
}

/**
 * warta_media_item_get_blur_region:
 * @self: a #WartaMediaItem
 * @index: which one
 *
 * Returns: (transfer none): the region, valid until the regions change
 */
const WartaBlurRegion *
warta_media_item_get_blur_region (WartaMediaItem *self,
                                  guint           index)
{
  g_return_val_if_fail (WARTA_IS_MEDIA_ITEM (self), NULL);
  g_return_val_if_fail (index < self->blurs->len, NULL);

  return &g_array_index (self->blurs, WartaBlurRegion, index);
}

/* Returns the index of the new region. Regions are kept inside the photo. */
guint
warta_media_item_add_blur_region (WartaMediaItem        *self,
                                  const WartaBlurRegion *region)
{
  WartaBlurRegion r;

  g_return_val_if_fail (WARTA_IS_MEDIA_ITEM (self), 0);
  g_return_val_if_fail (region != NULL, 0);
  g_return_val_if_fail (!self->sealed, 0);

  clamp_region (&r, region);
  g_array_append_val (self->blurs, r);

  return self->blurs->len - 1;
}

void
warta_media_item_set_blur_region (WartaMediaItem        *self,
                                  guint                  index,
                                  const WartaBlurRegion *region)
{
  g_return_if_fail (WARTA_IS_MEDIA_ITEM (self));
  g_return_if_fail (region != NULL);
  g_return_if_fail (index < self->blurs->len);
  g_return_if_fail (!self->sealed);

  clamp_region (&g_array_index (self->blurs, WartaBlurRegion, index), region);
}

void
warta_media_item_remove_blur_region (WartaMediaItem *self,
                                     guint           index)
{
  g_return_if_fail (WARTA_IS_MEDIA_ITEM (self));
  g_return_if_fail (index < self->blurs->len);
  g_return_if_fail (!self->sealed);

  g_array_remove_index (self->blurs, index);
}

gboolean
warta_media_item_get_crop_center (WartaMediaItem *self,
                                  const char     *target,
                                  double         *x,
                                  double         *y)
{
  const double *center;

  g_return_val_if_fail (WARTA_IS_MEDIA_ITEM (self), FALSE);
  g_return_val_if_fail (target != NULL, FALSE);

  center = g_hash_table_lookup (self->crops, target);
  if (x != NULL)
    *x = center != NULL ? center[0] : 0.5;
  if (y != NULL)
    *y = center != NULL ? center[1] : 0.5;

  return center != NULL;
}

void
warta_media_item_set_crop_center (WartaMediaItem *self,
                                  const char     *target,
                                  double          x,
                                  double          y)
{
  double *center;

  g_return_if_fail (WARTA_IS_MEDIA_ITEM (self));
  g_return_if_fail (target != NULL);
  g_return_if_fail (!self->sealed);

  center = g_new (double, 2);
  center[0] = isfinite (x) ? CLAMP (x, 0.0, 1.0) : 0.5;
  center[1] = isfinite (y) ? CLAMP (y, 0.0, 1.0) : 0.5;
  g_hash_table_insert (self->crops, g_strdup (target), center);
}

void
warta_media_item_reset_crop_center (WartaMediaItem *self,
                                    const char     *target)
{
  g_return_if_fail (WARTA_IS_MEDIA_ITEM (self));
  g_return_if_fail (!self->sealed);

  g_hash_table_remove (self->crops, target);
}

static int
compare_strings (const void *a,
                 const void *b)
{
  return g_strcmp0 (*(char * const *)a, *(char * const *)b);
}

/* Numbers with a fixed precision: the text is part of the revision hash,
 * so the same region must always print the same. */
static void
add_fraction (JsonBuilder *builder,
              double       value)
{
  json_builder_add_double_value (builder, round (value * 1e6) / 1e6);
}

static char *
builder_to_string (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);

  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

/**
 * warta_media_item_dup_blur_json:
 * @self: a #WartaMediaItem
 *
 * Returns: (transfer full) (nullable): `[[x, y, width, height], …]`, or
 *   %NULL when there is no region
 */
char *
warta_media_item_dup_blur_json (WartaMediaItem *self)
{
  g_autoptr(JsonBuilder) builder = NULL;

  g_return_val_if_fail (WARTA_IS_MEDIA_ITEM (self), NULL);

  if (self->blurs->len == 0)
    return NULL;

  builder = json_builder_new ();
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->blurs->len; i++)
    {
      const WartaBlurRegion *r = &g_array_index (self->blurs, WartaBlurRegion, i);

      json_builder_begin_array (builder);
      add_fraction (builder, r->x);
      add_fraction (builder, r->y);
      add_fraction (builder, r->width);
      add_fraction (builder, r->height);
      json_builder_end_array (builder);
    }
  json_builder_end_array (builder);

  return builder_to_string (builder);
}

static JsonNode *
parse_json (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (!json_parser_load_from_data (parser, json, -1, NULL))
    return NULL;

  return json_parser_steal_root (parser);
}

static gboolean
read_numbers (JsonArray *array,
              double    *out,
              guint      n)
{
  if (json_array_get_length (array) != n)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (node) ||
          (json_node_get_value_type (node) != G_TYPE_DOUBLE &&
           json_node_get_value_type (node) != G_TYPE_INT64))
        return FALSE;
      out[i] = json_node_get_double (node);
    }

  return TRUE;
}

gboolean
warta_media_item_set_blur_json (WartaMediaItem *self,
                                const char     *json)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GArray) regions = g_array_new (FALSE, FALSE, sizeof (WartaBlurRegion));
  JsonArray *array;

  g_return_val_if_fail (WARTA_IS_MEDIA_ITEM (self), FALSE);
  g_return_val_if_fail (!self->sealed, FALSE);

  if (json != NULL && *json != '\0')
    {
      root = parse_json (json);
      if (root == NULL || !JSON_NODE_HOLDS_ARRAY (root))
        return FALSE;
      array = json_node_get_array (root);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *node = json_array_get_element (array, i);
          double v[4];
          WartaBlurRegion r;

          if (!JSON_NODE_HOLDS_ARRAY (node) || !read_numbers (json_node_get_array (node), v, 4))
            return FALSE;
          clamp_region (&r, &(WartaBlurRegion) { v[0], v[1], v[2], v[3] });
          g_array_append_val (regions, r);
        }
    }

  g_array_set_size (self->blurs, 0);
  g_array_append_vals (self->blurs, regions->data, regions->len);
  return TRUE;
}

/**
 * warta_media_item_dup_crops_json:
 * @self: a #WartaMediaItem
 *
 * Returns: (transfer full) (nullable): `{"target": [x, y], …}` sorted by
 *   target, or %NULL when no crop was moved
 */
char *
warta_media_item_dup_crops_json (WartaMediaItem *self)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree gpointer *keys = NULL;
  guint n = 0;

  g_return_val_if_fail (WARTA_IS_MEDIA_ITEM (self), NULL);

  if (g_hash_table_size (self->crops) == 0)
    return NULL;

  keys = g_hash_table_get_keys_as_array (self->crops, &n);
  qsort (keys, n, sizeof (gpointer), compare_strings);

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  for (guint i = 0; i < n; i++)
    {
      const double *center = g_hash_table_lookup (self->crops, keys[i]);

      json_builder_set_member_name (builder, keys[i]);
      json_builder_begin_array (builder);
      add_fraction (builder, center[0]);
      add_fraction (builder, center[1]);
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);

  return builder_to_string (builder);
}

gboolean
warta_media_item_set_crops_json (WartaMediaItem *self,
                                 const char     *json)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GHashTable) crops = NULL;

  g_return_val_if_fail (WARTA_IS_MEDIA_ITEM (self), FALSE);
  g_return_val_if_fail (!self->sealed, FALSE);

  crops = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (json != NULL && *json != '\0')
    {
      g_autoptr(GList) members = NULL;
      JsonObject *object;

      root = parse_json (json);
      if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
        return FALSE;
      object = json_node_get_object (root);
      members = json_object_get_members (object);
      for (GList *l = members; l != NULL; l = l->next)
        {
          JsonNode *node = json_object_get_member (object, l->data);
          double v[2];
          double *center;

          if (!JSON_NODE_HOLDS_ARRAY (node) || !read_numbers (json_node_get_array (node), v, 2))
            return FALSE;
          center = g_new (double, 2);
          center[0] = CLAMP (v[0], 0.0, 1.0);
          center[1] = CLAMP (v[1], 0.0, 1.0);
          g_hash_table_insert (crops, g_strdup (l->data), center);
        }
    }

  g_clear_pointer (&self->crops, g_hash_table_unref);
  self->crops = g_steal_pointer (&crops);
  return TRUE;
}
