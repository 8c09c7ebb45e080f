/* warta-archive-item.h: one row of the archive list
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "warta-archive-repository.h"

G_BEGIN_DECLS

#define WARTA_TYPE_ARCHIVE_ITEM (warta_archive_item_get_type ())

G_DECLARE_FINAL_TYPE (WartaArchiveItem, warta_archive_item, WARTA, ARCHIVE_ITEM, GObject)

WartaArchiveItem *warta_archive_item_new              (void);
WartaArchiveItem *warta_archive_item_new_from_row     (const WartaArchiveRow *row);
void              warta_archive_item_update           (WartaArchiveItem      *self,
                                                       WartaArchiveItem      *from);
gboolean          warta_archive_item_get_loaded       (WartaArchiveItem      *self);
gint64            warta_archive_item_get_id           (WartaArchiveItem      *self);
const char       *warta_archive_item_get_title        (WartaArchiveItem      *self);
WartaState        warta_archive_item_get_state        (WartaArchiveItem      *self);
const char       *warta_archive_item_get_category     (WartaArchiveItem      *self);
const char       *warta_archive_item_get_unit         (WartaArchiveItem      *self);
const char       *warta_archive_item_get_author       (WartaArchiveItem      *self);
const char       *warta_archive_item_get_platforms    (WartaArchiveItem      *self);
gint64            warta_archive_item_get_created_at   (WartaArchiveItem      *self);
gint64            warta_archive_item_get_published_at (WartaArchiveItem      *self);

G_END_DECLS
