/* warta-user.c: a person who works on publications
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "warta-user.h"

struct _WartaUser
{
  GObject parent_instance;

  gint64 id;
  char *login;
  char *display_name;
  guint roles;
  gboolean is_admin;
  gboolean active;
  gint64 version;
};

G_DEFINE_FINAL_TYPE (WartaUser, warta_user, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_LOGIN,
  PROP_DISPLAY_NAME,
  PROP_ROLES,
  PROP_IS_ADMIN,
  PROP_ACTIVE,
  PROP_VERSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
warta_user_finalize (GObject *object)
{
  WartaUser *self = (WartaUser *)object;

  g_clear_pointer (&self->login, g_free);
  g_clear_pointer (&self->display_name, g_free);

  G_OBJECT_CLASS (warta_user_parent_class)->finalize (object);
}

static void
warta_user_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  WartaUser *self = WARTA_USER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_LOGIN:
      g_value_set_string (value, self->login);
      break;

    case PROP_DISPLAY_NAME:
      g_value_set_string (value, self->display_name);
      break;

    case PROP_ROLES:
      g_value_set_uint (value, self->roles);
      break;

    case PROP_IS_ADMIN:
      g_value_set_boolean (value, self->is_admin);
      break;

    case PROP_ACTIVE:
      g_value_set_boolean (value, self->active);
      break;

    case PROP_VERSION:
      g_value_set_int64 (value, self->version);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
warta_user_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  WartaUser *self = WARTA_USER (object);

  switch (prop_id)
    {
    case PROP_ID:
      warta_user_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_LOGIN:
      warta_user_set_login (self, g_value_get_string (value));
      break;

    case PROP_DISPLAY_NAME:
      warta_user_set_display_name (self, g_value_get_string (value));
      break;

    case PROP_ROLES:
      warta_user_set_roles (self, g_value_get_uint (value));
      break;

    case PROP_IS_ADMIN:
      warta_user_set_is_admin (self, g_value_get_boolean (value));
      break;

    case PROP_ACTIVE:
      warta_user_set_active (self, g_value_get_boolean (value));
      break;

    case PROP_VERSION:
      warta_user_set_version (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
warta_user_class_init (WartaUserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = warta_user_finalize;
  object_class->get_property = warta_user_get_property;
  object_class->set_property = warta_user_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOGIN] =
    g_param_spec_string ("login", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROLES] =
    g_param_spec_uint ("roles", NULL, NULL, 0, WARTA_ROLE_ALL, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_IS_ADMIN] =
    g_param_spec_boolean ("is-admin", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VERSION] =
    g_param_spec_int64 ("version", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
warta_user_init (WartaUser *self)
{
}

WartaUser *
warta_user_new (void)
{
  return g_object_new (WARTA_TYPE_USER, NULL);
}

gint64
warta_user_get_id (WartaUser *self)
{
  g_return_val_if_fail (WARTA_IS_USER (self), 0);

  return self->id;
}

void
warta_user_set_id (WartaUser *self,
                   gint64 id)
{
  g_return_if_fail (WARTA_IS_USER (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
warta_user_get_login (WartaUser *self)
{
  g_return_val_if_fail (WARTA_IS_USER (self), NULL);

  return self->login;
}

void
warta_user_set_login (WartaUser *self,
                      const char *login)
{
  g_return_if_fail (WARTA_IS_USER (self));

  if (g_strcmp0 (self->login, login) == 0)
    return;

  g_free (self->login);
  self->login = g_strdup (login);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOGIN]);
}

const char *
warta_user_get_display_name (WartaUser *self)
{
  g_return_val_if_fail (WARTA_IS_USER (self), NULL);

  return self->display_name;
}

void
warta_user_set_display_name (WartaUser *self,
                             const char *display_name)
{
  g_return_if_fail (WARTA_IS_USER (self));

  if (g_strcmp0 (self->display_name, display_name) == 0)
    return;

  g_free (self->display_name);
  self->display_name = g_strdup (display_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_NAME]);
}

guint
warta_user_get_roles (WartaUser *self)
{
  g_return_val_if_fail (WARTA_IS_USER (self), 0);

  return self->roles;
}

void
warta_user_set_roles (WartaUser *self,
                      guint roles)
{
  g_return_if_fail (WARTA_IS_USER (self));

  if (self->roles == roles)
    return;

  self->roles = roles;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLES]);
}

gboolean
warta_user_get_is_admin (WartaUser *self)
{
  g_return_val_if_fail (WARTA_IS_USER (self), FALSE);

  return self->is_admin;
}

void
warta_user_set_is_admin (WartaUser *self,
                         gboolean is_admin)
{
  g_return_if_fail (WARTA_IS_USER (self));

  is_admin = !!is_admin;
  if (self->is_admin == is_admin)
    return;

  self->is_admin = is_admin;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IS_ADMIN]);
}

gboolean
warta_user_get_active (WartaUser *self)
{
  g_return_val_if_fail (WARTA_IS_USER (self), FALSE);

  return self->active;
}

void
warta_user_set_active (WartaUser *self,
                       gboolean active)
{
  g_return_if_fail (WARTA_IS_USER (self));

  active = !!active;
  if (self->active == active)
    return;

  self->active = active;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
}

gint64
warta_user_get_version (WartaUser *self)
{
  g_return_val_if_fail (WARTA_IS_USER (self), 0);

  return self->version;
}

void
warta_user_set_version (WartaUser *self,
                        gint64 version)
{
  g_return_if_fail (WARTA_IS_USER (self));

  if (self->version == version)
    return;

  self->version = version;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
}

/* Whether the user holds @role (or any of several roles). */
gboolean
warta_user_has_role (WartaUser *self,
                     WartaRole  role)
{
  g_return_val_if_fail (WARTA_IS_USER (self), FALSE);

  return (self->roles & role) != 0;
}
