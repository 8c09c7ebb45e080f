/* warta-official.c: one entry of the officials directory
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An official is written "prefix name, suffix, position", the way Indonesian
 * government news names people (EYD: degrees capitalised next to the name,
 * the position after it): "Dr. H. Saring, S.E., M.Si., Inspektur Provinsi".
 */
#include "config.h"

#include "warta-official.h"

struct _WartaOfficial
{
  GObject  parent_instance;

  gint64   id;
  char    *prefix;
  char    *name;
  char    *suffix;
  char    *position;
  gint64   version;
};

G_DEFINE_FINAL_TYPE (WartaOfficial, warta_official, G_TYPE_OBJECT)

static void
warta_official_finalize (GObject *object)
{
  WartaOfficial *self = WARTA_OFFICIAL (object);

  g_clear_pointer (&self->prefix, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->suffix, g_free);
  g_clear_pointer (&self->position, g_free);

  G_OBJECT_CLASS (warta_official_parent_class)->finalize (object);
}

static void
warta_official_class_init (WartaOfficialClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = warta_official_finalize;
}

static void
warta_official_init (WartaOfficial *self)
{
}

WartaOfficial *
warta_official_new (void)
{
  return g_object_new (WARTA_TYPE_OFFICIAL, NULL);
}

#define STRING_ACCESSORS(field)                                        \
  const char *                                                         \
  warta_official_get_##field (WartaOfficial *self)                     \
  {                                                                    \
    g_return_val_if_fail (WARTA_IS_OFFICIAL (self), NULL);             \
    return self->field ? self->field : "";                             \
  }                                                                    \
  void                                                                 \
  warta_official_set_##field (WartaOfficial *self,                     \
                              const char    *value)                    \
  {                                                                    \
    g_return_if_fail (WARTA_IS_OFFICIAL (self));                       \
    g_free (self->field);                                              \
    self->field = g_strstrip (g_strdup (value ? value : ""));          \
  }

STRING_ACCESSORS (prefix)
STRING_ACCESSORS (name)
STRING_ACCESSORS (suffix)
STRING_ACCESSORS (position)

gint64
warta_official_get_id (WartaOfficial *self)
{
  g_return_val_if_fail (WARTA_IS_OFFICIAL (self), 0);
  return self->id;
}

void
warta_official_set_id (WartaOfficial *self,
                       gint64         id)
{
  g_return_if_fail (WARTA_IS_OFFICIAL (self));
  self->id = id;
}

gint64
warta_official_get_version (WartaOfficial *self)
{
  g_return_val_if_fail (WARTA_IS_OFFICIAL (self), 0);
  return self->version;
}

void
warta_official_set_version (WartaOfficial *self,
                            gint64         version)
{
  g_return_if_fail (WARTA_IS_OFFICIAL (self));
  self->version = version;
}

/**
 * warta_official_dup_full_title:
 *
 * Returns: (transfer full): "Dr. H. Name, S.E., M.Si., Inspektur Provinsi";
 *   the parts that are empty are left out with their separators
 */
char *
warta_official_dup_full_title (WartaOfficial *self)
{
  GString *str;

  g_return_val_if_fail (WARTA_IS_OFFICIAL (self), NULL);

  str = g_string_new (NULL);
  if (self->prefix && *self->prefix)
    g_string_append_printf (str, "%s ", self->prefix);
  g_string_append (str, self->name ? self->name : "");
  if (self->suffix && *self->suffix)
    g_string_append_printf (str, ", %s", self->suffix);
  if (self->position && *self->position)
    g_string_append_printf (str, ", %s", self->position);

  return g_string_free (str, FALSE);
}

/* Case-insensitive match on the name or the position, for completion. */
gboolean
warta_official_matches (WartaOfficial *self,
                        const char    *query)
{
  g_autofree char *q = NULL;
  g_autofree char *name = NULL;
  g_autofree char *position = NULL;

  g_return_val_if_fail (WARTA_IS_OFFICIAL (self), FALSE);

  if (query == NULL || *query == '\0')
    return TRUE;

  q = g_utf8_casefold (query, -1);
  name = g_utf8_casefold (self->name ? self->name : "", -1);
  position = g_utf8_casefold (self->position ? self->position : "", -1);

  return strstr (name, q) != NULL || strstr (position, q) != NULL;
}
