/* warta-publication-repository-private.h: for other repositories in store/
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "warta-publication-repository.h"

G_BEGIN_DECLS

/* warta_publication_repository_transition() inside a write transaction the
 * caller has begun, so a move and the caller's rows commit together (the
 * outbox's jobs and the move to publishing, its last job and the finish). */
gboolean _warta_publication_repository_transition_in_transaction (WartaPublicationRepository  *self,
                                                                   WartaUser                   *actor,
                                                                   gint64                       publication_id,
                                                                   gint64                       expected_version,
                                                                   WartaAction                  action,
                                                                   WartaState                   to,
                                                                   const char                  *note,
                                                                   GError                     **error);

G_END_DECLS
