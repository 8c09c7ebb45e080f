/* warta-revision.c: one immutable version of a publication's content
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "warta-caption-rules.h"
#include "warta-revision.h"

struct _WartaRevision
{
  GObject parent_instance;

  gint64 id;
  gint64 publication_id;
  guint number;
  char *hash;
  gint64 author_id;
  gint64 created_at;
  char *title;
  char *what;
  char *who;
  char *when;
  char *where;
  char *why;
  char *how;
  char *narrative;
  char *category;
  char *hashtags;
  char *article_title;
  char *article_body;
  gint64 scheduled_at;
  GHashTable *captions; /* target → caption */
  GListStore *media;
  guint sealed : 1;
};

G_DEFINE_FINAL_TYPE (WartaRevision, warta_revision, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PUBLICATION_ID,
  PROP_NUMBER,
  PROP_HASH,
  PROP_AUTHOR_ID,
  PROP_CREATED_AT,
  PROP_TITLE,
  PROP_WHAT,
  PROP_WHO,
  PROP_WHEN,
  PROP_WHERE,
  PROP_WHY,
  PROP_HOW,
  PROP_NARRATIVE,
  PROP_CATEGORY,
  PROP_HASHTAGS,
  PROP_ARTICLE_TITLE,
  PROP_ARTICLE_BODY,
  PROP_SCHEDULED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
warta_revision_finalize (GObject *object)
{
  WartaRevision *self = (WartaRevision *)object;

  g_clear_pointer (&self->hash, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->what, g_free);
  g_clear_pointer (&self->who, g_free);
  g_clear_pointer (&self->when, g_free);
  g_clear_pointer (&self->where, g_free);
  g_clear_pointer (&self->why, g_free);
  g_clear_pointer (&self->how, g_free);
  g_clear_pointer (&self->narrative, g_free);
  g_clear_pointer (&self->category, g_free);
  g_clear_pointer (&self->hashtags, g_free);
  g_clear_pointer (&self->article_title, g_free);
  g_clear_pointer (&self->article_body, g_free);
  g_clear_pointer (&self->captions, g_hash_table_unref);
  g_clear_object (&self->media);

  G_OBJECT_CLASS (warta_revision_parent_class)->finalize (object);
}

static void
warta_revision_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  WartaRevision *self = WARTA_REVISION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_PUBLICATION_ID:
      g_value_set_int64 (value, self->publication_id);
      break;

    case PROP_NUMBER:
      g_value_set_uint (value, self->number);
      break;

    case PROP_HASH:
      g_value_set_string (value, self->hash);
      break;

    case PROP_AUTHOR_ID:
      g_value_set_int64 (value, self->author_id);
      break;

    case PROP_CREATED_AT:
      g_value_set_int64 (value, self->created_at);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_WHAT:
      g_value_set_string (value, self->what);
      break;

    case PROP_WHO:
      g_value_set_string (value, self->who);
      break;

    case PROP_WHEN:
      g_value_set_string (value, self->when);
      break;

    case PROP_WHERE:
      g_value_set_string (value, self->where);
      break;

    case PROP_WHY:
      g_value_set_string (value, self->why);
      break;

    case PROP_HOW:
      g_value_set_string (value, self->how);
      break;

    case PROP_NARRATIVE:
      g_value_set_string (value, self->narrative);
      break;

    case PROP_CATEGORY:
      g_value_set_string (value, self->category);
      break;

    case PROP_HASHTAGS:
      g_value_set_string (value, self->hashtags);
      break;

    case PROP_ARTICLE_TITLE:
      g_value_set_string (value, self->article_title);
      break;

    case PROP_ARTICLE_BODY:
      g_value_set_string (value, self->article_body);
      break;

    case PROP_SCHEDULED_AT:
      g_value_set_int64 (value, self->scheduled_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
warta_revision_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  WartaRevision *self = WARTA_REVISION (object);

  switch (prop_id)
    {
    case PROP_ID:
      warta_revision_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_PUBLICATION_ID:
      warta_revision_set_publication_id (self, g_value_get_int64 (value));
      break;

    case PROP_NUMBER:
      warta_revision_set_number (self, g_value_get_uint (value));
      break;

    case PROP_HASH:
      warta_revision_set_hash (self, g_value_get_string (value));
      break;

    case PROP_AUTHOR_ID:
      warta_revision_set_author_id (self, g_value_get_int64 (value));
      break;

    case PROP_CREATED_AT:
      warta_revision_set_created_at (self, g_value_get_int64 (value));
      break;

    case PROP_TITLE:
      warta_revision_set_title (self, g_value_get_string (value));
      break;

    case PROP_WHAT:
      warta_revision_set_what (self, g_value_get_string (value));
      break;

    case PROP_WHO:
      warta_revision_set_who (self, g_value_get_string (value));
      break;

    case PROP_WHEN:
      warta_revision_set_when (self, g_value_get_string (value));
      break;

    case PROP_WHERE:
      warta_revision_set_where (self, g_value_get_string (value));
      break;

    case PROP_WHY:
      warta_revision_set_why (self, g_value_get_string (value));
      break;

    case PROP_HOW:
      warta_revision_set_how (self, g_value_get_string (value));
      break;

    case PROP_NARRATIVE:
      warta_revision_set_narrative (self, g_value_get_string (value));
      break;

    case PROP_CATEGORY:
      warta_revision_set_category (self, g_value_get_string (value));
      break;

    case PROP_HASHTAGS:
      warta_revision_set_hashtags (self, g_value_get_string (value));
      break;

    case PROP_ARTICLE_TITLE:
      warta_revision_set_article_title (self, g_value_get_string (value));
      break;

    case PROP_ARTICLE_BODY:
      warta_revision_set_article_body (self, g_value_get_string (value));
      break;

    case PROP_SCHEDULED_AT:
      warta_revision_set_scheduled_at (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
warta_revision_class_init (WartaRevisionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = warta_revision_finalize;
  object_class->get_property = warta_revision_get_property;
  object_class->set_property = warta_revision_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PUBLICATION_ID] =
    g_param_spec_int64 ("publication-id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NUMBER] =
    g_param_spec_uint ("number", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HASH] =
    g_param_spec_string ("hash", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AUTHOR_ID] =
    g_param_spec_int64 ("author-id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREATED_AT] =
    g_param_spec_int64 ("created-at", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WHAT] =
    g_param_spec_string ("what", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WHO] =
    g_param_spec_string ("who", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WHEN] =
    g_param_spec_string ("when", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WHERE] =
    g_param_spec_string ("where", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WHY] =
    g_param_spec_string ("why", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HOW] =
    g_param_spec_string ("how", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NARRATIVE] =
    g_param_spec_string ("narrative", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CATEGORY] =
    g_param_spec_string ("category", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HASHTAGS] =
    g_param_spec_string ("hashtags", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ARTICLE_TITLE] =
    g_param_spec_string ("article-title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ARTICLE_BODY] =
    g_param_spec_string ("article-body", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCHEDULED_AT] =
    g_param_spec_int64 ("scheduled-at", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
warta_revision_init (WartaRevision *self)
{
  self->captions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->media = g_list_store_new (WARTA_TYPE_MEDIA_ITEM);
}

WartaRevision *
warta_revision_new (void)
{
  return g_object_new (WARTA_TYPE_REVISION, NULL);
}

gint64
warta_revision_get_id (WartaRevision *self)
{
  g_return_val_if_fail (WARTA_IS_REVISION (self), 0);

  return self->id;
}

void
warta_revision_set_id (WartaRevision *self,
                       gint64 id)
{
  g_return_if_fail (WARTA_IS_REVISION (self));
  g_return_if_fail (!self->sealed);

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
warta_revision_get_publication_id (WartaRevision *self)
{
  g_return_val_if_fail (WARTA_IS_REVISION (self), 0);

  return self->publication_id;
}

void
warta_revision_set_publication_id (WartaRevision *self,
                                   gint64 publication_id)
{
  g_return_if_fail (WARTA_IS_REVISION (self));
  g_return_if_fail (!self->sealed);

  if (self->publication_id == publication_id)
    return;

  self->publication_id = publication_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PUBLICATION_ID]);
}

guint
warta_revision_get_number (WartaRevision *self)
{
  g_return_val_if_fail (WARTA_IS_REVISION (self), 0);

  return self->number;
}

void
warta_revision_set_number (WartaRevision *self,
                           guint number)
{
  g_return_if_fail (WARTA_IS_REVISION (self));
  g_return_if_fail (!self->sealed);

  if (self->number == number)
    return;

  self->number = number;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NUMBER]);
}

const char *
warta_revision_get_hash (WartaRevision *self)
{
  g_return_val_if_fail (WARTA_IS_REVISION (self), NULL);

  return self->hash;
}

void
warta_revision_set_hash (WartaRevision *self,
                         const char *hash)
{
  g_return_if_fail (WARTA_IS_REVISION (self));
  g_return_if_fail (!self->sealed);

  if (g_strcmp0 (self->hash, hash) == 0)
    return;

  g_free (self->hash);
  self->hash = g_strdup (hash);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HASH]);
}

gint64
warta_revision_get_author_id (WartaRevision *self)
{
  g_return_val_if_fail (WARTA_IS_REVISION (self), 0);

  return self->author_id;
}

void
warta_revision_set_author_id (WartaRevision *self,
                              gint64 author_id)
{
  g_return_if_fail (WARTA_IS_REVISION (self));
  g_return_if_fail (!self->sealed);

  if (self->author_id == author_id)
    return;

  self->author_id = author_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTHOR_ID]);
}

gint64
warta_revision_get_created_at (WartaRevision *self)
{
  g_return_val_if_fail (WARTA_IS_REVISION (self), 0);

  return self->created_at;
}

void
warta_revision_set_created_at (WartaRevision *self,
                               gint64 created_at)
{
  g_return_if_fail (WARTA_IS_REVISION (self));
  g_return_if_fail (!self->sealed);

  if (self->created_at == created_at)
    return;

  self->created_at = created_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED_AT]);
}

const char *
warta_revision_get_title (WartaRevision *self)
{
  g_return_val_if_fail (WARTA_IS_REVISION (self), NULL);

  return self->title;
}

void
warta_revision_set_title (WartaRevision *self,
                          const char *title)
{
  g_return_if_fail (WARTA_IS_REVISION (self));
  g_return_if_fail (!self->sealed);

  if (g_strcmp0 (self->title, title) == 0)
    return;

  g_free (self->title);
  self->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
warta_revision_get_what (WartaRevision *self)
{
  g_return_val_if_fail (WARTA_IS_REVISION (self), NULL);

  return self->what;
}

void
warta_revision_set_what (WartaRevision *self,
                         const char *what)
{
  g_return_if_fail (WARTA_IS_REVISION (self));
  g_return_if_fail (!self->sealed);

  if (g_strcmp0 (self->what, what) == 0)
    return;

  g_free (self->what);
  self->what = g_strdup (what);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WHAT]);
}

const char *
warta_revision_get_who (WartaRevision *self)
{
  g_return_val_if_fail (WARTA_IS_REVISION (self), NULL);

  return self->who;
}

void
warta_revision_set_who (WartaRevision *self,
                        const char *who)
{
  g_return_if_fail (WARTA_IS_REVISION (self));
  g_return_if_fail (!self->sealed);

  if (g_strcmp0 (self->who, who) == 0)
    return;

  g_free (self->who);
  self->who = g_strdup (who);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WHO]);
}

const char *
warta_revision_get_when (WartaRevision *self)
{
  g_return_val_if_fail (WARTA_IS_REVISION (self), NULL);

  return self->when;
}

void
warta_revision_set_when (WartaRevision *self,
                         const char *when)
{
  g_return_if_fail (WARTA_IS_REVISION (self));
  g_return_if_fail (!self->sealed);

  if (g_strcmp0 (self->when, when) == 0)
    return;

  g_free (self->when);
  self->when = g_strdup (when);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WHEN]);
}

const char *
warta_revision_get_where (WartaRevision *self)
{
  g_return_val_if_fail (WARTA_IS_REVISION (self), NULL);

  return self->where;
}

void
warta_revision_set_where (WartaRevision *self,
                          const char *where)
{
  g_return_if_fail (WARTA_IS_REVISION (self));
  g_return_if_fail (!self->sealed);

  if (g_strcmp0 (self->where, where) == 0)
    return;

  g_free (self->where);
  self->where = g_strdup (where);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WHERE]);
}

const char *
warta_revision_get_why (WartaRevision *self)
{
  g_return_val_if_fail (WARTA_IS_REVISION (self), NULL);

  return self->why;
}

void
warta_revision_set_why (WartaRevision *self,
                        const char *why)
{
  g_return_if_fail (WARTA_IS_REVISION (self));
  g_return_if_fail (!self->sealed);

  if (g_strcmp0 (self->why, why) == 0)
    return;

  g_free (self->why);
  self->why = g_strdup (why);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WHY]);
}

const char *
warta_revision_get_how (WartaRevision *self)
{
  g_return_val_if_fail (WARTA_IS_REVISION (self), NULL);

  return self->how;
}

void
warta_revision_set_how (WartaRevision *self,
                        const char *how)
{
  g_return_if_fail (WARTA_IS_REVISION (self));
  g_return_if_fail (!self->sealed);

  if (g_strcmp0 (self->how, how) == 0)
    return;

  g_free (self->how);
  self->how = g_strdup (how);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOW]);
}

const char *
warta_revision_get_narrative (WartaRevision *self)
{
  g_return_val_if_fail (WARTA_IS_REVISION (self), NULL);

  return self->narrative;
}

void
warta_revision_set_narrative (WartaRevision *self,
                              const char *narrative)
{
  g_return_if_fail (WARTA_IS_REVISION (self));
  g_return_if_fail (!self->sealed);

  if (g_strcmp0 (self->narrative, narrative) == 0)
    return;

  g_free (self->narrative);
  self->narrative = g_strdup (narrative);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NARRATIVE]);
}

const char *
warta_revision_get_category (WartaRevision *self)
{
  g_return_val_if_fail (WARTA_IS_REVISION (self), NULL);

  return self->category;
}

void
warta_revision_set_category (WartaRevision *self,
                             const char *category)
{
  g_return_if_fail (WARTA_IS_REVISION (self));
  g_return_if_fail (!self->sealed);

  if (g_strcmp0 (self->category, category) == 0)
    return;

  g_free (self->category);
  self->category = g_strdup (category);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATEGORY]);
}

const char *
warta_revision_get_hashtags (WartaRevision *self)
{
  g_return_val_if_fail (WARTA_IS_REVISION (self), NULL);

  return self->hashtags;
}

void
warta_revision_set_hashtags (WartaRevision *self,
                             const char *hashtags)
{
  g_return_if_fail (WARTA_IS_REVISION (self));
  g_return_if_fail (!self->sealed);

  if (g_strcmp0 (self->hashtags, hashtags) == 0)
    return;

  g_free (self->hashtags);
  self->hashtags = g_strdup (hashtags);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HASHTAGS]);
}

const char *
warta_revision_get_article_title (WartaRevision *self)
{
  g_return_val_if_fail (WARTA_IS_REVISION (self), NULL);

  return self->article_title;
}

void
warta_revision_set_article_title (WartaRevision *self,
                                  const char *article_title)
{
  g_return_if_fail (WARTA_IS_REVISION (self));
  g_return_if_fail (!self->sealed);

  if (g_strcmp0 (self->article_title, article_title) == 0)
    return;

  g_free (self->article_title);
  self->article_title = g_strdup (article_title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARTICLE_TITLE]);
}

const char *
warta_revision_get_article_body (WartaRevision *self)
{
  g_return_val_if_fail (WARTA_IS_REVISION (self), NULL);

  return self->article_body;
}

void
warta_revision_set_article_body (WartaRevision *self,
                                 const char *article_body)
{
  g_return_if_fail (WARTA_IS_REVISION (self));
  g_return_if_fail (!self->sealed);

  if (g_strcmp0 (self->article_body, article_body) == 0)
    return;

  g_free (self->article_body);
  self->article_body = g_strdup (article_body);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARTICLE_BODY]);
}

gint64
warta_revision_get_scheduled_at (WartaRevision *self)
{
  g_return_val_if_fail (WARTA_IS_REVISION (self), 0);

  return self->scheduled_at;
}

void
warta_revision_set_scheduled_at (WartaRevision *self,
                                 gint64 scheduled_at)
{
  g_return_if_fail (WARTA_IS_REVISION (self));
  g_return_if_fail (!self->sealed);

  if (self->scheduled_at == scheduled_at)
    return;

  self->scheduled_at = scheduled_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCHEDULED_AT]);
}

void
warta_revision_set_caption (WartaRevision *self,
                            const char    *target,
                            const char    *caption)
{
  g_return_if_fail (WARTA_IS_REVISION (self));
  g_return_if_fail (target != NULL);
  g_return_if_fail (!self->sealed);

  if (caption == NULL)
    g_hash_table_remove (self->captions, target);
  else
    g_hash_table_insert (self->captions, g_strdup (target), g_strdup (caption));
}

const char *
warta_revision_get_caption (WartaRevision *self,
                            const char    *target)
{
  g_return_val_if_fail (WARTA_IS_REVISION (self), NULL);

  return g_hash_table_lookup (self->captions, target);
}

static int
compare_strings (const void *a,
                 const void *b)
{
  return strcmp (*(char * const *)a, *(char * const *)b);
}

/**
 * warta_revision_list_caption_targets:
 * @self: a #WartaRevision
 *
 * Returns: (transfer full): the targets that have a caption, sorted
 */
char **
warta_revision_list_caption_targets (WartaRevision *self)
{
  g_autofree const char **keys = NULL;
  guint n = 0;
  char **strv;

  g_return_val_if_fail (WARTA_IS_REVISION (self), NULL);

  keys = (const char **)g_hash_table_get_keys_as_array (self->captions, &n);
  strv = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    strv[i] = g_strdup (keys[i]);
  qsort (strv, n, sizeof (char *), compare_strings);

  return strv;
}

/**
 * warta_revision_get_media:
 * @self: a #WartaRevision
 *
 * Returns: (transfer none): the #WartaMediaItem<!-- -->s, in their order
 */
GListModel *
warta_revision_get_media (WartaRevision *self)
{
  g_return_val_if_fail (WARTA_IS_REVISION (self), NULL);

  return G_LIST_MODEL (self->media);
}

void
warta_revision_add_media (WartaRevision  *self,
                          WartaMediaItem *item)
{
  g_return_if_fail (WARTA_IS_REVISION (self));
  g_return_if_fail (WARTA_IS_MEDIA_ITEM (item));
  g_return_if_fail (!self->sealed);

  g_list_store_append (self->media, item);
}

void
warta_revision_remove_media (WartaRevision *self,
                             guint          position)
{
  g_return_if_fail (WARTA_IS_REVISION (self));
  g_return_if_fail (!self->sealed);

  g_list_store_remove (self->media, position);
}

static void
append_field (GString    *str,
              const char *name,
              const char *value)
{
  /* name, length and value: no value can be mistaken for another field. */
  g_string_append_printf (str, "%s:%" G_GSIZE_FORMAT ":%s\n",
                          name, value != NULL ? strlen (value) : (gsize)0,
                          value != NULL ? value : "");
}

static void
append_int (GString    *str,
            const char *name,
            gint64      value)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, value);

  append_field (str, name, text);
}

/**
 * warta_revision_serialize:
 * @self: a #WartaRevision
 *
 * The canonical text of the revision's content, the input of its hash:
 * every content field by name in a fixed order, captions sorted by target,
 * media in their order. Ids, author and time are not content.
 *
 * Returns: (transfer full): the canonical text
 */
char *
warta_revision_serialize (WartaRevision *self)
{
  g_auto(GStrv) targets = NULL;
  GString *str;
  guint n_media;

  g_return_val_if_fail (WARTA_IS_REVISION (self), NULL);

  str = g_string_new ("warta-revision-1\n");
  append_field (str, "title", self->title);
  append_field (str, "what", self->what);
  append_field (str, "who", self->who);
  append_field (str, "when", self->when);
  append_field (str, "where", self->where);
  append_field (str, "why", self->why);
  append_field (str, "how", self->how);
  append_field (str, "narrative", self->narrative);
  append_field (str, "category", self->category);
  append_field (str, "hashtags", self->hashtags);
  append_field (str, "article-title", self->article_title);
  append_field (str, "article-body", self->article_body);
  append_int (str, "scheduled-at", self->scheduled_at);

  targets = warta_revision_list_caption_targets (self);
  append_int (str, "captions", g_strv_length (targets));
  for (guint i = 0; targets[i] != NULL; i++)
    {
      append_field (str, "target", targets[i]);
      append_field (str, "caption", g_hash_table_lookup (self->captions, targets[i]));
    }

  n_media = g_list_model_get_n_items (G_LIST_MODEL (self->media));
  append_int (str, "media", n_media);
  for (guint i = 0; i < n_media; i++)
    {
      g_autoptr(WartaMediaItem) item = g_list_model_get_item (G_LIST_MODEL (self->media), i);

      append_field (str, "path", warta_media_item_get_path (item));
      append_field (str, "sha256", warta_media_item_get_sha256 (item));
      append_field (str, "kind", warta_media_item_get_kind (item));
      append_int (str, "width", warta_media_item_get_width (item));
      append_int (str, "height", warta_media_item_get_height (item));
      append_field (str, "credit", warta_media_item_get_credit (item));
      append_field (str, "alt-text", warta_media_item_get_alt_text (item));
      append_int (str, "illustration", warta_media_item_get_illustration (item));
      append_int (str, "identifiable-people", warta_media_item_get_identifiable_people (item));
      append_int (str, "minor", warta_media_item_get_minor (item));
      append_field (str, "consent", warta_media_item_get_consent (item));
      /* Only when present, so revisions written before blur regions and
       * crop centres existed keep their hashes (and their approvals). */
      {
        g_autofree char *blur = warta_media_item_dup_blur_json (item);
        g_autofree char *crops = warta_media_item_dup_crops_json (item);

        if (blur != NULL)
          append_field (str, "blur", blur);
        if (crops != NULL)
          append_field (str, "crops", crops);
        /* The same for the platforms a file is left out of. */
        if (warta_media_item_get_skipped_platforms (item) != NULL)
          append_field (str, "skipped", warta_media_item_get_skipped_platforms (item));
      }
    }

  return g_string_free (str, FALSE);
}

/**
 * warta_revision_compute_hash:
 * @self: a #WartaRevision
 *
 * Returns: (transfer full): the SHA-256 of warta_revision_serialize(), hex
 */
char *
warta_revision_compute_hash (WartaRevision *self)
{
  g_autofree char *text = warta_revision_serialize (self);

  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
}

/**
 * warta_revision_list_missing_5w1h:
 * @self: a #WartaRevision
 *
 * Returns: (transfer full): the names of the empty 5W+1H fields
 */
char **
warta_revision_list_missing_5w1h (WartaRevision *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const struct { const char *name; const char *value; } fields[] = {
    { "what", self->what }, { "who", self->who }, { "when", self->when },
    { "where", self->where }, { "why", self->why }, { "how", self->how },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const char *p = fields[i].value;

      while (p != NULL && g_ascii_isspace (*p))
        p++;
      if (p == NULL || *p == '\0')
        g_strv_builder_add (builder, fields[i].name);
    }

  return g_strv_builder_end (builder);
}

/* The text @self keeps for @target: the website's are the article's. */
static const char *
revision_target_text (WartaRevision      *self,
                      WartaCaptionTarget  target)
{
  if (target == WARTA_CAPTION_TARGET_WEBSITE_TITLE)
    return self->article_title;
  if (target == WARTA_CAPTION_TARGET_WEBSITE_BODY)
    return self->article_body;
  return warta_revision_get_caption (self, warta_caption_target_to_string (target));
}

static gboolean
filled (const char *text)
{
  while (text != NULL && g_ascii_isspace (*text))
    text++;

  return text != NULL && *text != '\0';
}

/**
 * warta_revision_list_concept_gaps:
 * @self: a #WartaRevision
 *
 * What a content concept (step 2's output) lacks before it may go to
 * verification: a title, and a text for the platforms it goes to. A
 * platform is chosen by its caption (or description, or the website's
 * body): without any, the post would go nowhere.
 *
 * Returns: (transfer full): translated reasons, one a line, empty when
 *   the concept is complete
 */
char **
warta_revision_list_concept_gaps (WartaRevision *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  gboolean any_target = FALSE;

  g_return_val_if_fail (WARTA_IS_REVISION (self), NULL);

  if (!filled (self->title))
    g_strv_builder_add (builder, _("The content has no title: write the activity’s title in Documentation."));

  /* Titles (YouTube's, TikTok's, the article's) follow the activity's
   * title: they choose no platform by themselves. */
  for (guint t = 0; t < WARTA_N_CAPTION_TARGETS && !any_target; t++)
    if (t != WARTA_CAPTION_TARGET_YOUTUBE_TITLE && t != WARTA_CAPTION_TARGET_TIKTOK_PHOTO_TITLE &&
        t != WARTA_CAPTION_TARGET_WEBSITE_TITLE)
      any_target = filled (revision_target_text (self, t));
  if (!any_target)
    g_strv_builder_add (builder, _("No platform has a caption: write the shared text, or the caption of each platform the post goes to."));

  return g_strv_builder_end (builder);
}

/**
 * warta_revision_new_draft:
 * @self: a #WartaRevision
 *
 * Returns: (transfer full): an editable copy of the content of @self,
 *   without id, number, hash or author; saving it makes the next revision
 */
WartaRevision *
warta_revision_new_draft (WartaRevision *self)
{
  WartaRevision *draft;
  GHashTableIter iter;
  gpointer key, value;
  guint n_media;

  g_return_val_if_fail (WARTA_IS_REVISION (self), NULL);

  draft = warta_revision_new ();
  draft->publication_id = self->publication_id;
  draft->title = g_strdup (self->title);
  draft->what = g_strdup (self->what);
  draft->who = g_strdup (self->who);
  draft->when = g_strdup (self->when);
  draft->where = g_strdup (self->where);
  draft->why = g_strdup (self->why);
  draft->how = g_strdup (self->how);
  draft->narrative = g_strdup (self->narrative);
  draft->category = g_strdup (self->category);
  draft->hashtags = g_strdup (self->hashtags);
  draft->article_title = g_strdup (self->article_title);
  draft->article_body = g_strdup (self->article_body);
  draft->scheduled_at = self->scheduled_at;

  g_hash_table_iter_init (&iter, self->captions);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (draft->captions, g_strdup (key), g_strdup (value));

  n_media = g_list_model_get_n_items (G_LIST_MODEL (self->media));
  for (guint i = 0; i < n_media; i++)
    {
      g_autoptr(WartaMediaItem) item = g_list_model_get_item (G_LIST_MODEL (self->media), i);
      g_autoptr(WartaMediaItem) copy = warta_media_item_copy (item);

      g_list_store_append (draft->media, copy);
    }

  return draft;
}

/* A saved revision never changes: its hash is what approval binds to. */
void
warta_revision_seal (WartaRevision *self)
{
  guint n_media;

  g_return_if_fail (WARTA_IS_REVISION (self));

  self->sealed = TRUE;

  n_media = g_list_model_get_n_items (G_LIST_MODEL (self->media));
  for (guint i = 0; i < n_media; i++)
    {
      g_autoptr(WartaMediaItem) item = g_list_model_get_item (G_LIST_MODEL (self->media), i);

      warta_media_item_seal (item);
    }
}

gboolean
warta_revision_is_sealed (WartaRevision *self)
{
  g_return_val_if_fail (WARTA_IS_REVISION (self), FALSE);

  return self->sealed;
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static void
add_json (JsonBuilder *builder,
          const char  *name,
          const char  *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (json == NULL || !json_parser_load_from_data (parser, json, -1, NULL))
    return;
  json_builder_set_member_name (builder, name);
  json_builder_add_value (builder, json_node_copy (json_parser_get_root (parser)));
}

/**
 * warta_revision_to_json:
 * @self: a #WartaRevision
 *
 * The content as JSON, the form a draft is kept in. Ids, number, hash,
 * author and time are not content and are left out.
 *
 * Returns: (transfer full): compact JSON
 */
char *
warta_revision_to_json (WartaRevision *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_auto(GStrv) targets = NULL;
  guint n_media;

  g_return_val_if_fail (WARTA_IS_REVISION (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_int_value (builder, 1);
  add_string (builder, "title", self->title);
  add_string (builder, "what", self->what);
  add_string (builder, "who", self->who);
  add_string (builder, "when", self->when);
  add_string (builder, "where", self->where);
  add_string (builder, "why", self->why);
  add_string (builder, "how", self->how);
  add_string (builder, "narrative", self->narrative);
  add_string (builder, "category", self->category);
  add_string (builder, "hashtags", self->hashtags);
  add_string (builder, "article-title", self->article_title);
  add_string (builder, "article-body", self->article_body);
  json_builder_set_member_name (builder, "scheduled-at");
  json_builder_add_int_value (builder, self->scheduled_at);

  targets = warta_revision_list_caption_targets (self);
  json_builder_set_member_name (builder, "captions");
  json_builder_begin_object (builder);
  for (guint i = 0; targets[i] != NULL; i++)
    add_string (builder, targets[i], g_hash_table_lookup (self->captions, targets[i]));
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "media");
  json_builder_begin_array (builder);
  n_media = g_list_model_get_n_items (G_LIST_MODEL (self->media));
  for (guint i = 0; i < n_media; i++)
    {
      g_autoptr(WartaMediaItem) item = g_list_model_get_item (G_LIST_MODEL (self->media), i);
      g_autofree char *blur = warta_media_item_dup_blur_json (item);
      g_autofree char *crops = warta_media_item_dup_crops_json (item);

      json_builder_begin_object (builder);
      add_string (builder, "path", warta_media_item_get_path (item));
      add_string (builder, "sha256", warta_media_item_get_sha256 (item));
      add_string (builder, "kind", warta_media_item_get_kind (item));
      json_builder_set_member_name (builder, "width");
      json_builder_add_int_value (builder, warta_media_item_get_width (item));
      json_builder_set_member_name (builder, "height");
      json_builder_add_int_value (builder, warta_media_item_get_height (item));
      /* As probed; not known for media added before Warta kept them. */
      if (warta_media_item_get_duration_us (item) > 0)
        {
          json_builder_set_member_name (builder, "duration-us");
          json_builder_add_int_value (builder, warta_media_item_get_duration_us (item));
        }
      if (warta_media_item_get_size (item) > 0)
        {
          json_builder_set_member_name (builder, "size");
          json_builder_add_int_value (builder, (gint64) MIN (warta_media_item_get_size (item), G_MAXINT64));
        }
      add_string (builder, "credit", warta_media_item_get_credit (item));
      add_string (builder, "alt-text", warta_media_item_get_alt_text (item));
      json_builder_set_member_name (builder, "illustration");
      json_builder_add_boolean_value (builder, warta_media_item_get_illustration (item));
      json_builder_set_member_name (builder, "identifiable-people");
      json_builder_add_boolean_value (builder, warta_media_item_get_identifiable_people (item));
      json_builder_set_member_name (builder, "minor");
      json_builder_add_boolean_value (builder, warta_media_item_get_minor (item));
      add_string (builder, "consent", warta_media_item_get_consent (item));
      add_json (builder, "blur", blur);
      add_json (builder, "crops", crops);
      add_string (builder, "skipped", warta_media_item_get_skipped_platforms (item));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static const char *
get_string (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static char *
member_to_json (JsonObject *object,
                const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;

  return json_to_string (node, FALSE);
}

/**
 * warta_revision_new_from_json:
 * @json: what warta_revision_to_json() wrote
 * @error: a %G_IO_ERROR_INVALID_DATA when it cannot be read
 *
 * Returns: (transfer full): an editable revision without id or hash
 */
WartaRevision *
warta_revision_new_from_json (const char  *json,
                              GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(WartaRevision) revision = NULL;
  g_autoptr(GList) targets = NULL;
  JsonObject *root, *captions;
  JsonArray *media;

  g_return_val_if_fail (json != NULL, NULL);

  if (!json_parser_load_from_data (parser, json, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    goto invalid;

  root = json_node_get_object (json_parser_get_root (parser));
  revision = warta_revision_new ();
  warta_revision_set_title (revision, get_string (root, "title"));
  warta_revision_set_what (revision, get_string (root, "what"));
  warta_revision_set_who (revision, get_string (root, "who"));
  warta_revision_set_when (revision, get_string (root, "when"));
  warta_revision_set_where (revision, get_string (root, "where"));
  warta_revision_set_why (revision, get_string (root, "why"));
  warta_revision_set_how (revision, get_string (root, "how"));
  warta_revision_set_narrative (revision, get_string (root, "narrative"));
  warta_revision_set_category (revision, get_string (root, "category"));
  warta_revision_set_hashtags (revision, get_string (root, "hashtags"));
  warta_revision_set_article_title (revision, get_string (root, "article-title"));
  warta_revision_set_article_body (revision, get_string (root, "article-body"));
  warta_revision_set_scheduled_at (revision, json_object_get_int_member_with_default (root, "scheduled-at", 0));

  captions = json_object_get_object_member (root, "captions");
  if (captions != NULL)
    {
      targets = json_object_get_members (captions);
      for (GList *l = targets; l != NULL; l = l->next)
        if (get_string (captions, l->data) != NULL)
          warta_revision_set_caption (revision, l->data, get_string (captions, l->data));
    }

  media = json_object_has_member (root, "media") ? json_object_get_array_member (root, "media") : NULL;
  for (guint i = 0; media != NULL && i < json_array_get_length (media); i++)
    {
      JsonNode *node = json_array_get_element (media, i);
      g_autoptr(WartaMediaItem) item = warta_media_item_new ();
      g_autofree char *blur = NULL;
      g_autofree char *crops = NULL;
      JsonObject *object;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        goto invalid;
      object = json_node_get_object (node);
      warta_media_item_set_path (item, get_string (object, "path"));
      warta_media_item_set_sha256 (item, get_string (object, "sha256"));
      warta_media_item_set_kind (item, get_string (object, "kind"));
      warta_media_item_set_width (item, (int)json_object_get_int_member_with_default (object, "width", 0));
      warta_media_item_set_height (item, (int)json_object_get_int_member_with_default (object, "height", 0));
      warta_media_item_set_duration_us (item, json_object_get_int_member_with_default (object, "duration-us", 0));
      warta_media_item_set_size (item, (guint64) MAX (json_object_get_int_member_with_default (object, "size", 0), 0));
      warta_media_item_set_credit (item, get_string (object, "credit"));
      warta_media_item_set_alt_text (item, get_string (object, "alt-text"));
      warta_media_item_set_illustration (item, json_object_get_boolean_member_with_default (object, "illustration", FALSE));
      warta_media_item_set_identifiable_people (item, json_object_get_boolean_member_with_default (object, "identifiable-people", FALSE));
      warta_media_item_set_minor (item, json_object_get_boolean_member_with_default (object, "minor", FALSE));
      warta_media_item_set_consent (item, get_string (object, "consent"));
      warta_media_item_set_skipped_platforms (item, get_string (object, "skipped"));
      blur = member_to_json (object, "blur");
      crops = member_to_json (object, "crops");
      if (!warta_media_item_set_blur_json (item, blur) || !warta_media_item_set_crops_json (item, crops))
        goto invalid;
      warta_revision_add_media (revision, item);
    }

  return g_steal_pointer (&revision);

invalid:
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("The saved draft cannot be read. Restore the database from a backup."));
  return NULL;
}
