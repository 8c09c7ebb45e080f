/* warta-archive-item.c: one row of the archive list
 *
 * The lazy archive model hands out empty items for rows whose page is
 * still being read, and fills them in when it arrives: "loaded" and the
 * other properties notify, so a row bound to an item updates in place.
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "warta-archive-item"

#include "config.h"

#include "warta-archive-item.h"

struct _WartaArchiveItem
{
  GObject     parent_instance;

  gint64      id;
  char       *title;
  WartaState  state;
  char       *category;
  char       *unit;
  char       *author;
  char       *platforms;
  gint64      created_at;
  gint64      published_at;
  gboolean    loaded;
};

G_DEFINE_FINAL_TYPE (WartaArchiveItem, warta_archive_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LOADED,
  PROP_ID,
  PROP_TITLE,
  PROP_STATE,
  PROP_CATEGORY,
  PROP_UNIT,
  PROP_AUTHOR,
  PROP_PLATFORMS,
  PROP_CREATED_AT,
  PROP_PUBLISHED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
warta_archive_item_finalize (GObject *object)
{
  WartaArchiveItem *self = (WartaArchiveItem *)object;

  g_free (self->title);
  g_free (self->category);
  g_free (self->unit);
  g_free (self->author);
  g_free (self->platforms);

  G_OBJECT_CLASS (warta_archive_item_parent_class)->finalize (object);
}

static void
warta_archive_item_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  WartaArchiveItem *self = WARTA_ARCHIVE_ITEM (object);

  switch (prop_id)
    {
    case PROP_LOADED: g_value_set_boolean (value, self->loaded); break;
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    case PROP_STATE: g_value_set_uint (value, self->state); break;
    case PROP_CATEGORY: g_value_set_string (value, self->category); break;
    case PROP_UNIT: g_value_set_string (value, self->unit); break;
    case PROP_AUTHOR: g_value_set_string (value, self->author); break;
    case PROP_PLATFORMS: g_value_set_string (value, self->platforms); break;
    case PROP_CREATED_AT: g_value_set_int64 (value, self->created_at); break;
    case PROP_PUBLISHED_AT: g_value_set_int64 (value, self->published_at); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
warta_archive_item_class_init (WartaArchiveItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = warta_archive_item_finalize;
  object_class->get_property = warta_archive_item_get_property;

  properties[PROP_LOADED] = g_param_spec_boolean ("loaded", NULL, NULL, FALSE, flags);
  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_STATE] = g_param_spec_uint ("state", NULL, NULL, 0, WARTA_N_STATES, 0, flags);
  properties[PROP_CATEGORY] = g_param_spec_string ("category", NULL, NULL, NULL, flags);
  properties[PROP_UNIT] = g_param_spec_string ("unit", NULL, NULL, NULL, flags);
  properties[PROP_AUTHOR] = g_param_spec_string ("author", NULL, NULL, NULL, flags);
  properties[PROP_PLATFORMS] = g_param_spec_string ("platforms", NULL, NULL, NULL, flags);
  properties[PROP_CREATED_AT] = g_param_spec_int64 ("created-at", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_PUBLISHED_AT] = g_param_spec_int64 ("published-at", NULL, NULL, 0, G_MAXINT64, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
warta_archive_item_init (WartaArchiveItem *self)
{
}

WartaArchiveItem *
warta_archive_item_new (void)
{
  return g_object_new (WARTA_TYPE_ARCHIVE_ITEM, NULL);
}

WartaArchiveItem *
warta_archive_item_new_from_row (const WartaArchiveRow *row)
{
  WartaArchiveItem *self = warta_archive_item_new ();

  self->id = row->id;
  self->title = g_strdup (row->title);
  self->state = row->state;
  self->category = g_strdup (row->category);
  self->unit = g_strdup (row->unit);
  self->author = g_strdup (row->author);
  self->platforms = g_strdup (row->platforms);
  self->created_at = row->created_at;
  self->published_at = row->published_at;
  self->loaded = TRUE;

  return self;
}

static void
set_string (WartaArchiveItem  *self,
            char             **field,
            const char        *value,
            guint              prop)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
set_int (WartaArchiveItem *self,
         gint64           *field,
         gint64            value,
         guint             prop)
{
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

/**
 * warta_archive_item_update:
 * @self: an item (typically a placeholder)
 * @from: a loaded item
 *
 * Takes over @from's values, notifying each that changes.
 */
void
warta_archive_item_update (WartaArchiveItem *self,
                           WartaArchiveItem *from)
{
  gint64 state = self->state;

  g_return_if_fail (WARTA_IS_ARCHIVE_ITEM (self));
  g_return_if_fail (WARTA_IS_ARCHIVE_ITEM (from));

  g_object_freeze_notify (G_OBJECT (self));
  set_int (self, &self->id, from->id, PROP_ID);
  set_string (self, &self->title, from->title, PROP_TITLE);
  set_int (self, &state, from->state, PROP_STATE);
  self->state = (WartaState)state;
  set_string (self, &self->category, from->category, PROP_CATEGORY);
  set_string (self, &self->unit, from->unit, PROP_UNIT);
  set_string (self, &self->author, from->author, PROP_AUTHOR);
  set_string (self, &self->platforms, from->platforms, PROP_PLATFORMS);
  set_int (self, &self->created_at, from->created_at, PROP_CREATED_AT);
  set_int (self, &self->published_at, from->published_at, PROP_PUBLISHED_AT);
  if (!self->loaded)
    {
      self->loaded = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

gboolean    warta_archive_item_get_loaded       (WartaArchiveItem *self) { return self->loaded; }
gint64      warta_archive_item_get_id           (WartaArchiveItem *self) { return self->id; }
const char *warta_archive_item_get_title        (WartaArchiveItem *self) { return self->title; }
WartaState  warta_archive_item_get_state        (WartaArchiveItem *self) { return self->state; }
const char *warta_archive_item_get_category     (WartaArchiveItem *self) { return self->category; }
const char *warta_archive_item_get_unit         (WartaArchiveItem *self) { return self->unit; }
const char *warta_archive_item_get_author       (WartaArchiveItem *self) { return self->author; }
const char *warta_archive_item_get_platforms    (WartaArchiveItem *self) { return self->platforms; }
gint64      warta_archive_item_get_created_at   (WartaArchiveItem *self) { return self->created_at; }
gint64      warta_archive_item_get_published_at (WartaArchiveItem *self) { return self->published_at; }
