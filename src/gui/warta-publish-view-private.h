/* warta-publish-view-private.h: what the widget tests drive
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "warta-publish-view.h"

G_BEGIN_DECLS

/* The live jobs shown, and one widget of a target's row by name:
 * "state", "progress", "error", "link", "retry", "post-again", "takedown", "sign-in", "manual",
 * "pause", "resume", "publish-now" (a held scheduled post's), "reschedule" (its Change Time…,
 * which asks in a dialog with the entry "reschedule-time" and the label "reschedule-problem"),
 * "cancel", "manual-url", "manual-time",
 * "manual-screenshot", "manual-record", "copy-0" …, "tiktok-<part>" (a
 * stopped TikTok target's choice); of the view with @job_id 0:
 * "publish-now", "upload-manual", "check-again", "publish-hint", "schedule-row",
 * "schedule-time", "schedule", "account-<id>", "tiktok-<id>-<part>".
 * A TikTok part: "group", "creator", "privacy", "privacy-<LEVEL>" (e.g.
 * "privacy-SELF_ONLY"), "comment", "duet", "stitch", "problem", "action". */
GListModel *_warta_publish_view_get_jobs   (WartaPublishView *self);
GtkWidget  *_warta_publish_view_get_widget (WartaPublishView *self,
                                            gint64            job_id,
                                            const char       *name);
/* What the screenshot file chooser sets. */
void        _warta_publish_view_set_screenshot (WartaPublishView *self,
                                                gint64            job_id,
                                                GFile            *file);
/* What the Save Renditions folder chooser does with the folder chosen. */
void        _warta_publish_view_save_renditions (WartaPublishView *self,
                                                 gint64            job_id,
                                                 GFile            *folder);

/* What the view knows of the video's length for TikTok @account_id's
 * limit, in µs (-1: not known, or no TikTok target). */
gint64      _warta_publish_view_get_tiktok_duration (WartaPublishView *self,
                                                     gint64            account_id);

/* Whether the files the approved content is made of are being asked
 * about (Publish Now waits for the answer); how many such checks, of any
 * view, open or closed, have not answered yet. */
gboolean    _warta_publish_view_is_checking_files (WartaPublishView *self);
guint       _warta_publish_view_get_n_file_checks (void);

/* The last message or question the view showed (NULL once closed). */
AdwMessageDialog *_warta_publish_view_get_dialog (WartaPublishView *self);

G_END_DECLS
