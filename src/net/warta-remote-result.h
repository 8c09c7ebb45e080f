/* warta-remote-result.h: what a platform confirmed for one remote step
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define WARTA_TYPE_REMOTE_RESULT (warta_remote_result_get_type ())

/* Each remote step (a media upload, a post) answers with one of these so
 * the outbox can store it before taking the next step, and resume from it
 * after a crash. */
typedef struct
{
  char     *id;       /* the platform's id of the object, as text */
  char     *url;      /* its public URL; NULL while media is processing */
  gboolean  reused;   /* found on the server (after an unknown outcome) instead of created */
  char     *warning;  /* a translated, non-fatal problem, or NULL */
} WartaRemoteResult;

GType              warta_remote_result_get_type (void) G_GNUC_CONST;
WartaRemoteResult *warta_remote_result_new      (const char              *id,
                                                 const char              *url);
WartaRemoteResult *warta_remote_result_copy     (const WartaRemoteResult *self);
void               warta_remote_result_free     (WartaRemoteResult       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WartaRemoteResult, warta_remote_result_free)

G_END_DECLS
