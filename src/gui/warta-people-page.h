/* warta-people-page.h: the people of the database, for administrators
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "warta-context.h"

G_BEGIN_DECLS

#define WARTA_TYPE_PEOPLE_PAGE (warta_people_page_get_type ())

G_DECLARE_FINAL_TYPE (WartaPeoplePage, warta_people_page, WARTA, PEOPLE_PAGE, AdwBin)

GtkWidget    *warta_people_page_new         (void);
WartaContext *warta_people_page_get_context (WartaPeoplePage *self);
void          warta_people_page_set_context (WartaPeoplePage *self,
                                             WartaContext    *context);
GListModel   *warta_people_page_get_model   (WartaPeoplePage *self);
gboolean      warta_people_page_get_allowed (WartaPeoplePage *self);
void          warta_people_page_reload      (WartaPeoplePage *self);
GListModel   *warta_people_page_get_officials_model (WartaPeoplePage *self);

G_END_DECLS
