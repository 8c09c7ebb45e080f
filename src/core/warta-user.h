/* warta-user.h: a person who works on publications
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "warta-role.h"

G_BEGIN_DECLS

#define WARTA_TYPE_USER (warta_user_get_type ())

G_DECLARE_FINAL_TYPE (WartaUser, warta_user, WARTA, USER, GObject)

WartaUser *warta_user_new (void);
gint64        warta_user_get_id            (WartaUser *self);
void          warta_user_set_id            (WartaUser *self,
                                            gint64 id);
const char *  warta_user_get_login         (WartaUser *self);
void          warta_user_set_login         (WartaUser *self,
                                            const char *login);
const char *  warta_user_get_display_name  (WartaUser *self);
void          warta_user_set_display_name  (WartaUser *self,
                                            const char *display_name);
guint         warta_user_get_roles         (WartaUser *self);
void          warta_user_set_roles         (WartaUser *self,
                                            guint roles);
gboolean      warta_user_get_is_admin      (WartaUser *self);
void          warta_user_set_is_admin      (WartaUser *self,
                                            gboolean is_admin);
gboolean      warta_user_get_active        (WartaUser *self);
void          warta_user_set_active        (WartaUser *self,
                                            gboolean active);
gint64        warta_user_get_version       (WartaUser *self);
void          warta_user_set_version       (WartaUser *self,
                                            gint64 version);

gboolean      warta_user_has_role       (WartaUser *self,
                                         WartaRole  role);

G_END_DECLS
