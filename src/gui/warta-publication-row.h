/* warta-publication-row.h: one publication in a list, with its time left
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "warta-clock.h"
#include "warta-publication.h"

G_BEGIN_DECLS

#define WARTA_TYPE_PUBLICATION_ROW (warta_publication_row_get_type ())

G_DECLARE_FINAL_TYPE (WartaPublicationRow, warta_publication_row, WARTA, PUBLICATION_ROW, GtkBox)

GtkWidget        *warta_publication_row_new             (void);
WartaPublication *warta_publication_row_get_publication (WartaPublicationRow *self);
void              warta_publication_row_set_publication (WartaPublicationRow *self,
                                                         WartaPublication    *publication);
void              warta_publication_row_update          (WartaPublicationRow *self,
                                                         WartaClock          *clock);
gboolean          warta_publication_row_get_overdue     (WartaPublicationRow *self);
const char       *warta_publication_row_get_time_text   (WartaPublicationRow *self);
char             *warta_publication_row_format_time_left (gint64              time_left_us);
char             *warta_publication_row_format_returned (WartaPublication    *publication);
char             *warta_publication_row_format_deadline (WartaPublication    *publication,
                                                         WartaClock          *clock);

G_END_DECLS
