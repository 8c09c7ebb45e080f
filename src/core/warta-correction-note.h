/* warta-correction-note.h: a correction instruction from a reviewer
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  WARTA_NOTE_STATUS_OPEN,      /* waits for the admin */
  WARTA_NOTE_STATUS_RESOLVED,  /* the admin says it is done, in a revision */
  WARTA_NOTE_STATUS_CONFIRMED, /* the reviewer agrees */
} WartaNoteStatus;

#define WARTA_TYPE_CORRECTION_NOTE (warta_correction_note_get_type ())

G_DECLARE_FINAL_TYPE (WartaCorrectionNote, warta_correction_note, WARTA, CORRECTION_NOTE, GObject)

WartaCorrectionNote *warta_correction_note_new (void);
gint64        warta_correction_note_get_id                    (WartaCorrectionNote *self);
void          warta_correction_note_set_id                    (WartaCorrectionNote *self,
                                                               gint64 id);
gint64        warta_correction_note_get_publication_id        (WartaCorrectionNote *self);
void          warta_correction_note_set_publication_id        (WartaCorrectionNote *self,
                                                               gint64 publication_id);
gint64        warta_correction_note_get_revision_id           (WartaCorrectionNote *self);
void          warta_correction_note_set_revision_id           (WartaCorrectionNote *self,
                                                               gint64 revision_id);
gint64        warta_correction_note_get_author_id             (WartaCorrectionNote *self);
void          warta_correction_note_set_author_id             (WartaCorrectionNote *self,
                                                               gint64 author_id);
const char *  warta_correction_note_get_author_name           (WartaCorrectionNote *self);
void          warta_correction_note_set_author_name           (WartaCorrectionNote *self,
                                                               const char *author_name);
gint64        warta_correction_note_get_created_at            (WartaCorrectionNote *self);
void          warta_correction_note_set_created_at            (WartaCorrectionNote *self,
                                                               gint64 created_at);
const char *  warta_correction_note_get_field                 (WartaCorrectionNote *self);
void          warta_correction_note_set_field                 (WartaCorrectionNote *self,
                                                               const char *field);
const char *  warta_correction_note_get_media_sha256          (WartaCorrectionNote *self);
void          warta_correction_note_set_media_sha256          (WartaCorrectionNote *self,
                                                               const char *media_sha256);
const char *  warta_correction_note_get_text                  (WartaCorrectionNote *self);
void          warta_correction_note_set_text                  (WartaCorrectionNote *self,
                                                               const char *text);
guint         warta_correction_note_get_status                (WartaCorrectionNote *self);
void          warta_correction_note_set_status                (WartaCorrectionNote *self,
                                                               guint status);
gint64        warta_correction_note_get_resolved_by           (WartaCorrectionNote *self);
void          warta_correction_note_set_resolved_by           (WartaCorrectionNote *self,
                                                               gint64 resolved_by);
gint64        warta_correction_note_get_resolved_revision_id  (WartaCorrectionNote *self);
void          warta_correction_note_set_resolved_revision_id  (WartaCorrectionNote *self,
                                                               gint64 resolved_revision_id);
gint64        warta_correction_note_get_resolved_at           (WartaCorrectionNote *self);
void          warta_correction_note_set_resolved_at           (WartaCorrectionNote *self,
                                                               gint64 resolved_at);
gint64        warta_correction_note_get_confirmed_by          (WartaCorrectionNote *self);
void          warta_correction_note_set_confirmed_by          (WartaCorrectionNote *self,
                                                               gint64 confirmed_by);
gint64        warta_correction_note_get_confirmed_at          (WartaCorrectionNote *self);
void          warta_correction_note_set_confirmed_at          (WartaCorrectionNote *self,
                                                               gint64 confirmed_at);
gint64        warta_correction_note_get_version               (WartaCorrectionNote *self);
void          warta_correction_note_set_version               (WartaCorrectionNote *self,
                                                               gint64 version);

gboolean      warta_correction_note_is_general (WartaCorrectionNote *self);

G_END_DECLS
