/* warta-official.h: one entry of the officials directory
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define WARTA_TYPE_OFFICIAL (warta_official_get_type ())

G_DECLARE_FINAL_TYPE (WartaOfficial, warta_official, WARTA, OFFICIAL, GObject)

WartaOfficial *warta_official_new            (void);
gint64         warta_official_get_id         (WartaOfficial *self);
void           warta_official_set_id         (WartaOfficial *self,
                                              gint64         id);
const char    *warta_official_get_prefix     (WartaOfficial *self);
void           warta_official_set_prefix     (WartaOfficial *self,
                                              const char    *prefix);
const char    *warta_official_get_name       (WartaOfficial *self);
void           warta_official_set_name       (WartaOfficial *self,
                                              const char    *name);
const char    *warta_official_get_suffix     (WartaOfficial *self);
void           warta_official_set_suffix     (WartaOfficial *self,
                                              const char    *suffix);
const char    *warta_official_get_position   (WartaOfficial *self);
void           warta_official_set_position   (WartaOfficial *self,
                                              const char    *position);
gint64         warta_official_get_version    (WartaOfficial *self);
void           warta_official_set_version    (WartaOfficial *self,
                                              gint64         version);
char          *warta_official_dup_full_title (WartaOfficial *self);
gboolean       warta_official_matches        (WartaOfficial *self,
                                              const char    *query);

G_END_DECLS
