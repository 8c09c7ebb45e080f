/* warta-event.h: one recorded change in the history
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define WARTA_TYPE_EVENT (warta_event_get_type ())

G_DECLARE_FINAL_TYPE (WartaEvent, warta_event, WARTA, EVENT, GObject)

WartaEvent *warta_event_new (void);
gint64        warta_event_get_id              (WartaEvent *self);
void          warta_event_set_id              (WartaEvent *self,
                                               gint64 id);
gint64        warta_event_get_publication_id  (WartaEvent *self);
void          warta_event_set_publication_id  (WartaEvent *self,
                                               gint64 publication_id);
gint64        warta_event_get_at              (WartaEvent *self);
void          warta_event_set_at              (WartaEvent *self,
                                               gint64 at);
gint64        warta_event_get_actor_id        (WartaEvent *self);
void          warta_event_set_actor_id        (WartaEvent *self,
                                               gint64 actor_id);
const char *  warta_event_get_actor_name      (WartaEvent *self);
void          warta_event_set_actor_name      (WartaEvent *self,
                                               const char *actor_name);
const char *  warta_event_get_role            (WartaEvent *self);
void          warta_event_set_role            (WartaEvent *self,
                                               const char *role);
const char *  warta_event_get_kind            (WartaEvent *self);
void          warta_event_set_kind            (WartaEvent *self,
                                               const char *kind);
const char *  warta_event_get_from_state      (WartaEvent *self);
void          warta_event_set_from_state      (WartaEvent *self,
                                               const char *from_state);
const char *  warta_event_get_to_state        (WartaEvent *self);
void          warta_event_set_to_state        (WartaEvent *self,
                                               const char *to_state);
gint64        warta_event_get_revision_id     (WartaEvent *self);
void          warta_event_set_revision_id     (WartaEvent *self,
                                               gint64 revision_id);
const char *  warta_event_get_note            (WartaEvent *self);
void          warta_event_set_note            (WartaEvent *self,
                                               const char *note);
const char *  warta_event_get_prev_hash       (WartaEvent *self);
void          warta_event_set_prev_hash       (WartaEvent *self,
                                               const char *prev_hash);
const char *  warta_event_get_hash            (WartaEvent *self);
void          warta_event_set_hash            (WartaEvent *self,
                                               const char *hash);

#define WARTA_EVENT_GENESIS_HASH "0000000000000000000000000000000000000000000000000000000000000000"

char         *warta_event_hash_fields        (gint64      id,
                                              gint64      publication_id,
                                              gint64      at,
                                              gint64      actor_id,
                                              const char *role,
                                              const char *kind,
                                              const char *from_state,
                                              const char *to_state,
                                              gint64      revision_id,
                                              const char *note,
                                              const char *prev_hash);
char         *warta_event_compute_hash       (WartaEvent *self);

const char   *warta_event_kind_get_display_name (const char *kind);

G_END_DECLS
