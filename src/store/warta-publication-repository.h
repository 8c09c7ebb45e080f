/* warta-publication-repository.h: publications, revisions and the workflow
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "warta-calendar-entry.h"
#include "warta-clock.h"
#include "warta-correction-note.h"
#include "warta-database.h"
#include "warta-publication.h"
#include "warta-revision.h"
#include "warta-step-record.h"
#include "warta-user.h"
#include "warta-workflow.h"

G_BEGIN_DECLS

#define WARTA_TYPE_PUBLICATION_REPOSITORY (warta_publication_repository_get_type ())

G_DECLARE_FINAL_TYPE (WartaPublicationRepository, warta_publication_repository,
                      WARTA, PUBLICATION_REPOSITORY, GObject)

WartaPublicationRepository *warta_publication_repository_new (WartaDatabase *database,
                                                              WartaClock    *clock);

WartaDatabase       *warta_publication_repository_get_database   (WartaPublicationRepository *self);
WartaClock          *warta_publication_repository_get_clock      (WartaPublicationRepository *self);
void                 warta_publication_repository_set_deadlines  (WartaPublicationRepository *self,
                                                                  const WartaDeadlines       *deadlines);
void                 warta_publication_repository_get_deadlines  (WartaPublicationRepository *self,
                                                                  WartaDeadlines             *deadlines);

WartaPublication    *warta_publication_repository_create         (WartaPublicationRepository *self,
                                                                  WartaUser                  *actor,
                                                                  WartaRevision              *draft,
                                                                  GError                    **error);
WartaPublication    *warta_publication_repository_get            (WartaPublicationRepository *self,
                                                                  gint64                      id,
                                                                  GError                    **error);
WartaPublication    *warta_publication_repository_save_revision  (WartaPublicationRepository *self,
                                                                  WartaUser                  *actor,
                                                                  gint64                      publication_id,
                                                                  gint64                      expected_version,
                                                                  WartaRevision              *draft,
                                                                  GError                    **error);
WartaPublication    *warta_publication_repository_save_draft     (WartaPublicationRepository *self,
                                                                  WartaUser                  *actor,
                                                                  gint64                      publication_id,
                                                                  gint64                      expected_publication_version,
                                                                  gint64                      expected_version,
                                                                  WartaRevision              *content,
                                                                  gint64                     *out_version,
                                                                  GError                    **error);
WartaRevision       *warta_publication_repository_get_draft      (WartaPublicationRepository *self,
                                                                  gint64                      publication_id,
                                                                  gint64                     *out_version,
                                                                  GError                    **error);
gboolean             warta_publication_repository_get_draft_stamp (WartaPublicationRepository *self,
                                                                  gint64                      publication_id,
                                                                  gint64                     *out_version,
                                                                  char                      **out_updated_by_name,
                                                                  gint64                     *out_updated_at,
                                                                  GError                    **error);
WartaPublication    *warta_publication_repository_submit_draft   (WartaPublicationRepository *self,
                                                                  WartaUser                  *actor,
                                                                  gint64                      publication_id,
                                                                  gint64                      expected_version,
                                                                  gint64                      expected_draft_version,
                                                                  WartaState                  to,
                                                                  GError                    **error);
WartaPublication    *warta_publication_repository_transition     (WartaPublicationRepository *self,
                                                                  WartaUser                  *actor,
                                                                  gint64                      publication_id,
                                                                  gint64                      expected_version,
                                                                  WartaAction                 action,
                                                                  WartaState                  to,
                                                                  const char                 *note,
                                                                  GError                    **error);
WartaPublication    *warta_publication_repository_return_with_note (WartaPublicationRepository *self,
                                                                  WartaUser                  *actor,
                                                                  gint64                      publication_id,
                                                                  gint64                      expected_version,
                                                                  WartaState                  to,
                                                                  const char                 *field,
                                                                  const char                 *media_sha256,
                                                                  const char                 *note,
                                                                  GError                    **error);

WartaRevision       *warta_publication_repository_get_revision   (WartaPublicationRepository *self,
                                                                  gint64                      revision_id,
                                                                  GError                    **error);
GListModel          *warta_publication_repository_list_revisions (WartaPublicationRepository *self,
                                                                  gint64                      publication_id,
                                                                  GError                    **error);

WartaCorrectionNote *warta_publication_repository_add_note       (WartaPublicationRepository *self,
                                                                  WartaUser                  *actor,
                                                                  gint64                      publication_id,
                                                                  const char                 *field,
                                                                  const char                 *media_sha256,
                                                                  const char                 *text,
                                                                  GError                    **error);
WartaCorrectionNote *warta_publication_repository_resolve_note   (WartaPublicationRepository *self,
                                                                  WartaUser                  *actor,
                                                                  gint64                      note_id,
                                                                  gint64                      expected_version,
                                                                  GError                    **error);
WartaCorrectionNote *warta_publication_repository_confirm_note   (WartaPublicationRepository *self,
                                                                  WartaUser                  *actor,
                                                                  gint64                      note_id,
                                                                  gint64                      expected_version,
                                                                  gboolean                    confirmed,
                                                                  GError                    **error);
GListModel          *warta_publication_repository_list_notes     (WartaPublicationRepository *self,
                                                                  gint64                      publication_id,
                                                                  GError                    **error);

gboolean             warta_publication_repository_save_checklist (WartaPublicationRepository *self,
                                                                  WartaUser                  *actor,
                                                                  gint64                      publication_id,
                                                                  const gboolean              ticked[WARTA_N_CHECKS],
                                                                  const char * const          notes[WARTA_N_CHECKS],
                                                                  GError                    **error);
gboolean             warta_publication_repository_get_checklist  (WartaPublicationRepository *self,
                                                                  gint64                      revision_id,
                                                                  gboolean                    ticked[WARTA_N_CHECKS],
                                                                  char                       *notes[WARTA_N_CHECKS],
                                                                  GError                    **error);

GArray              *warta_publication_repository_list_left_out  (WartaPublicationRepository *self,
                                                                  gint64                      publication_id,
                                                                  GError                    **error);
gboolean             warta_publication_repository_set_left_out   (WartaPublicationRepository *self,
                                                                  WartaUser                  *actor,
                                                                  gint64                      publication_id,
                                                                  gint64                      account_id,
                                                                  gboolean                    left_out,
                                                                  GError                    **error);
GArray              *warta_publication_repository_list_by_hand   (WartaPublicationRepository *self,
                                                                  gint64                      publication_id,
                                                                  GError                    **error);
gboolean             warta_publication_repository_set_by_hand    (WartaPublicationRepository *self,
                                                                  WartaUser                  *actor,
                                                                  gint64                      publication_id,
                                                                  gint64                      account_id,
                                                                  gboolean                    by_hand,
                                                                  GError                    **error);

GListModel          *warta_publication_repository_list_tasks     (WartaPublicationRepository *self,
                                                                  WartaUser                  *user,
                                                                  guint                       offset,
                                                                  guint                       limit,
                                                                  GError                    **error);
GListModel          *warta_publication_repository_list_recent    (WartaPublicationRepository *self,
                                                                  guint                       offset,
                                                                  guint                       limit,
                                                                  GError                    **error);
GListModel          *warta_publication_repository_list_by_states (WartaPublicationRepository *self,
                                                                  const WartaState           *states,
                                                                  guint                       n_states,
                                                                  guint                       offset,
                                                                  guint                       limit,
                                                                  GError                    **error);
GListModel          *warta_publication_repository_list_calendar  (WartaPublicationRepository *self,
                                                                  gint64                      from_us,
                                                                  gint64                      to_us,
                                                                  GError                    **error);
GListModel          *warta_publication_repository_list_step_records (WartaPublicationRepository *self,
                                                                     gint64                      publication_id,
                                                                     GError                    **error);
gboolean             warta_publication_repository_get_step_stats (WartaPublicationRepository *self,
                                                                  guint                       step,
                                                                  gint64                      from_us,
                                                                  gint64                      to_us,
                                                                  guint                      *out_n_done,
                                                                  guint                      *out_n_on_time,
                                                                  gint64                     *out_mean_us,
                                                                  GError                    **error);

G_END_DECLS
