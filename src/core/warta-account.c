/* warta-account.c: one publishing target the office has configured
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "warta-account.h"

struct _WartaAccount
{
  GObject  parent_instance;

  gint64   id;
  char    *platform;
  char    *display_name;
  char    *base_url;
  char    *settings;
  char    *keyring_id;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_PLATFORM,
  PROP_DISPLAY_NAME,
  PROP_BASE_URL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (WartaAccount, warta_account, G_TYPE_OBJECT)

static void
warta_account_finalize (GObject *object)
{
  WartaAccount *self = WARTA_ACCOUNT (object);

  g_free (self->platform);
  g_free (self->display_name);
  g_free (self->base_url);
  g_free (self->settings);
  g_free (self->keyring_id);

  G_OBJECT_CLASS (warta_account_parent_class)->finalize (object);
}

static void
warta_account_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  WartaAccount *self = WARTA_ACCOUNT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_PLATFORM:
      g_value_set_string (value, warta_account_get_platform (self));
      break;
    case PROP_DISPLAY_NAME:
      g_value_set_string (value, warta_account_get_display_name (self));
      break;
    case PROP_BASE_URL:
      g_value_set_string (value, warta_account_get_base_url (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
warta_account_class_init (WartaAccountClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = warta_account_finalize;
  object_class->get_property = warta_account_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PLATFORM] =
    g_param_spec_string ("platform", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_BASE_URL] =
    g_param_spec_string ("base-url", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
warta_account_init (WartaAccount *self)
{
}

WartaAccount *
warta_account_new (void)
{
  return g_object_new (WARTA_TYPE_ACCOUNT, NULL);
}

gint64
warta_account_get_id (WartaAccount *self)
{
  g_return_val_if_fail (WARTA_IS_ACCOUNT (self), 0);
  return self->id;
}

void
warta_account_set_id (WartaAccount *self,
                      gint64        id)
{
  g_return_if_fail (WARTA_IS_ACCOUNT (self));
  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

#define STRING_ACCESSORS(field, PROP)                                  \
  const char *                                                         \
  warta_account_get_##field (WartaAccount *self)                       \
  {                                                                    \
    g_return_val_if_fail (WARTA_IS_ACCOUNT (self), NULL);              \
    return self->field ? self->field : "";                             \
  }                                                                    \
  void                                                                 \
  warta_account_set_##field (WartaAccount *self,                       \
                             const char   *value)                      \
  {                                                                    \
    g_return_if_fail (WARTA_IS_ACCOUNT (self));                        \
    if (g_strcmp0 (self->field, value) == 0)                           \
      return;                                                          \
    g_free (self->field);                                              \
    self->field = g_strdup (value);                                    \
    if (PROP != PROP_0)                                                \
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);    \
  }

STRING_ACCESSORS (platform, PROP_PLATFORM)
STRING_ACCESSORS (display_name, PROP_DISPLAY_NAME)
STRING_ACCESSORS (base_url, PROP_BASE_URL)
STRING_ACCESSORS (keyring_id, PROP_0)

const char *
warta_account_get_settings (WartaAccount *self)
{
  g_return_val_if_fail (WARTA_IS_ACCOUNT (self), NULL);
  return self->settings ? self->settings : "{}";
}

void
warta_account_set_settings (WartaAccount *self,
                            const char   *settings_json)
{
  g_return_if_fail (WARTA_IS_ACCOUNT (self));
  g_free (self->settings);
  self->settings = g_strdup (settings_json);
}

/**
 * warta_account_dup_setting:
 * @self: a #WartaAccount
 * @key: a member of the public settings object
 *
 * Returns: (transfer full) (nullable): the string value of @key
 */
char *
warta_account_dup_setting (WartaAccount *self,
                           const char   *key)
{
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object;

  g_return_val_if_fail (WARTA_IS_ACCOUNT (self), NULL);

  node = json_from_string (warta_account_get_settings (self), NULL);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  object = json_node_get_object (node);
  if (!json_object_has_member (object, key) ||
      json_node_get_value_type (json_object_get_member (object, key)) != G_TYPE_STRING)
    return NULL;
  return g_strdup (json_object_get_string_member (object, key));
}

void
warta_account_set_setting (WartaAccount *self,
                           const char   *key,
                           const char   *value)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;

  g_return_if_fail (WARTA_IS_ACCOUNT (self));
  g_return_if_fail (key != NULL);

  root = json_from_string (warta_account_get_settings (self), NULL);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_clear_pointer (&root, json_node_unref);
      root = json_node_init_object (json_node_alloc (), json_object_new ());
    }
  object = json_node_get_object (root);
  if (value != NULL)
    json_object_set_string_member (object, key, value);
  else
    json_object_remove_member (object, key);
  g_free (self->settings);
  self->settings = json_to_string (root, FALSE);
}

/**
 * warta_platform_get_display_name:
 * @platform: a platform id ("mastodon", "wordpress" …)
 *
 * Returns: the platform's name as users know it
 */
const char *
warta_platform_get_display_name (const char *platform)
{
  static const struct { const char *id; const char *name; } names[] = {
    { "facebook", "Facebook" },
    { "instagram", "Instagram" },
    { "x", "X" },
    { "youtube", "YouTube" },
    { "tiktok", "TikTok" },
    { "mastodon", "Mastodon" },
    { "wordpress", N_("Website (WordPress)") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (names[i].id, platform) == 0)
      return g_dgettext (GETTEXT_PACKAGE, names[i].name);
  return platform ? platform : "";
}

/**
 * warta_platforms_dup_display_names:
 * @platforms: (nullable): platform ids, comma-separated ("facebook,wordpress")
 *
 * Returns: (transfer full): their names, "Facebook, Website (WordPress)"
 */
char *
warta_platforms_dup_display_names (const char *platforms)
{
  g_auto(GStrv) ids = g_strsplit (platforms != NULL ? platforms : "", ",", -1);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      if (*ids[i] == '\0')
        continue;
      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, warta_platform_get_display_name (ids[i]));
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}
