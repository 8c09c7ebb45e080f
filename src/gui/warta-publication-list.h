/* warta-publication-list.h: "My Tasks" and the lists per state
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "warta-context.h"

G_BEGIN_DECLS

typedef enum
{
  WARTA_PUBLICATION_LIST_TASKS,       /* waiting for one of the signed-in user's roles */
  WARTA_PUBLICATION_LIST_ACTIVITIES,  /* documenting, processing */
  WARTA_PUBLICATION_LIST_REVIEW,      /* verifying, approving */
  WARTA_PUBLICATION_LIST_APPROVED,    /* approved, publishing, failed, partially published */
  WARTA_PUBLICATION_LIST_PUBLISHED,
} WartaPublicationListKind;

#define WARTA_TYPE_PUBLICATION_LIST (warta_publication_list_get_type ())

G_DECLARE_FINAL_TYPE (WartaPublicationList, warta_publication_list, WARTA, PUBLICATION_LIST, AdwBin)

GtkWidget                *warta_publication_list_new         (WartaPublicationListKind  kind);
WartaPublicationListKind  warta_publication_list_get_kind    (WartaPublicationList     *self);
WartaContext             *warta_publication_list_get_context (WartaPublicationList     *self);
void                      warta_publication_list_set_context (WartaPublicationList     *self,
                                                              WartaContext             *context);
GListModel               *warta_publication_list_get_model   (WartaPublicationList     *self);
void                      warta_publication_list_reload      (WartaPublicationList     *self);
gboolean                  warta_publication_list_focus_search (WartaPublicationList    *self);
void                      warta_publication_list_tick        (WartaPublicationList     *self);

G_END_DECLS
