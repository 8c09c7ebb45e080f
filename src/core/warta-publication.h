/* warta-publication.h: one news item on its way through the SOP
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "warta-workflow.h"

G_BEGIN_DECLS

#define WARTA_TYPE_PUBLICATION (warta_publication_get_type ())

G_DECLARE_FINAL_TYPE (WartaPublication, warta_publication, WARTA, PUBLICATION, GObject)

WartaPublication *warta_publication_new (void);
gint64        warta_publication_get_id                    (WartaPublication *self);
void          warta_publication_set_id                    (WartaPublication *self,
                                                           gint64 id);
guint         warta_publication_get_state                 (WartaPublication *self);
void          warta_publication_set_state                 (WartaPublication *self,
                                                           guint state);
gint64        warta_publication_get_version               (WartaPublication *self);
void          warta_publication_set_version               (WartaPublication *self,
                                                           gint64 version);
const char *  warta_publication_get_title                 (WartaPublication *self);
void          warta_publication_set_title                 (WartaPublication *self,
                                                           const char *title);
const char *  warta_publication_get_category              (WartaPublication *self);
void          warta_publication_set_category              (WartaPublication *self,
                                                           const char *category);
gint64        warta_publication_get_current_revision_id   (WartaPublication *self);
void          warta_publication_set_current_revision_id   (WartaPublication *self,
                                                           gint64 current_revision_id);
const char *  warta_publication_get_current_hash          (WartaPublication *self);
void          warta_publication_set_current_hash          (WartaPublication *self,
                                                           const char *current_hash);
gint64        warta_publication_get_approved_revision_id  (WartaPublication *self);
void          warta_publication_set_approved_revision_id  (WartaPublication *self,
                                                           gint64 approved_revision_id);
const char *  warta_publication_get_approved_hash         (WartaPublication *self);
void          warta_publication_set_approved_hash         (WartaPublication *self,
                                                           const char *approved_hash);
guint         warta_publication_get_step                  (WartaPublication *self);
void          warta_publication_set_step                  (WartaPublication *self,
                                                           guint step);
gint64        warta_publication_get_step_entered_at       (WartaPublication *self);
void          warta_publication_set_step_entered_at       (WartaPublication *self,
                                                           gint64 step_entered_at);
gint64        warta_publication_get_deadline_at           (WartaPublication *self);
void          warta_publication_set_deadline_at           (WartaPublication *self,
                                                           gint64 deadline_at);
gint64        warta_publication_get_scheduled_at          (WartaPublication *self);
void          warta_publication_set_scheduled_at          (WartaPublication *self,
                                                           gint64 scheduled_at);
guint         warta_publication_get_correction_rounds     (WartaPublication *self);
void          warta_publication_set_correction_rounds     (WartaPublication *self,
                                                           guint correction_rounds);
gint64        warta_publication_get_created_by            (WartaPublication *self);
void          warta_publication_set_created_by            (WartaPublication *self,
                                                           gint64 created_by);
gint64        warta_publication_get_created_at            (WartaPublication *self);
void          warta_publication_set_created_at            (WartaPublication *self,
                                                           gint64 created_at);
gint64        warta_publication_get_updated_by            (WartaPublication *self);
void          warta_publication_set_updated_by            (WartaPublication *self,
                                                           gint64 updated_by);
const char *  warta_publication_get_updated_by_name       (WartaPublication *self);
void          warta_publication_set_updated_by_name       (WartaPublication *self,
                                                           const char *updated_by_name);
gint64        warta_publication_get_updated_at            (WartaPublication *self);
void          warta_publication_set_updated_at            (WartaPublication *self,
                                                           gint64 updated_at);
gint64        warta_publication_get_returned_by           (WartaPublication *self);
void          warta_publication_set_returned_by           (WartaPublication *self,
                                                           gint64 returned_by);
const char *  warta_publication_get_returned_by_name      (WartaPublication *self);
void          warta_publication_set_returned_by_name      (WartaPublication *self,
                                                           const char *returned_by_name);
guint         warta_publication_get_open_notes            (WartaPublication *self);
void          warta_publication_set_open_notes            (WartaPublication *self,
                                                           guint open_notes);

gboolean      warta_publication_is_overdue   (WartaPublication *self,
                                              gint64            now_us);
gint64        warta_publication_get_time_left (WartaPublication *self,
                                               gint64            now_us);
gint64        warta_publication_get_waiting_until (WartaPublication *self,
                                                   gint64            now_us);

G_END_DECLS
