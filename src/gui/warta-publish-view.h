/* warta-publish-view.h: step 5, publishing one approved publication
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "warta-context.h"

G_BEGIN_DECLS

#define WARTA_TYPE_PUBLISH_VIEW (warta_publish_view_get_type ())

G_DECLARE_FINAL_TYPE (WartaPublishView, warta_publish_view, WARTA, PUBLISH_VIEW, AdwBin)

GtkWidget        *warta_publish_view_new             (void);
void              warta_publish_view_set_context     (WartaPublishView *self,
                                                      WartaContext     *context);
/* Shows @publication's targets; the view reloads it as its jobs move on
 * and tells with ::publication-changed. */
void              warta_publish_view_set_publication (WartaPublishView *self,
                                                      WartaPublication *publication);
WartaPublication *warta_publish_view_get_publication (WartaPublishView *self);
void              warta_publish_view_reload          (WartaPublishView *self);
void              warta_publish_view_tick            (WartaPublishView *self);

G_END_DECLS
