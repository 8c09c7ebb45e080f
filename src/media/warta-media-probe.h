/* warta-media-probe.h: what a photo or video file really is
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "warta-media-error.h"
#include "warta-media-info.h"

G_BEGIN_DECLS

#define WARTA_TYPE_MEDIA_PROBE (warta_media_probe_get_type ())

G_DECLARE_FINAL_TYPE (WartaMediaProbe, warta_media_probe, WARTA, MEDIA_PROBE, GObject)

/* Called on the main context for each file of a batch as soon as it is
 * probed: @info on success, else @error (a WARTA_MEDIA_ERROR whose
 * message can be shown as it is). */
typedef void (*WartaMediaProbeResultFunc) (WartaMediaProbe *probe,
                                           GFile           *file,
                                           WartaMediaInfo  *info,
                                           const GError    *error,
                                           gpointer         user_data);

WartaMediaProbe *warta_media_probe_new           (void);

const char      *warta_media_get_photo_formats   (void);
/* Whether a file's first bytes are a picture's. */
gboolean         warta_media_is_image_data       (const guint8     *head,
                                                  gsize             n);

/* Blocking; for worker threads and tests. */
WartaMediaInfo  *warta_media_probe_file          (WartaMediaProbe            *self,
                                                  GFile                      *file,
                                                  GCancellable               *cancellable,
                                                  GError                    **error);
/* Runs @func for @task on the decode pool that probing, thumbnails and
 * renditions share (two threads): a caller's own work of that kind, so
 * that a hundred files added at once leave the main thread a core. */
void             warta_media_run_in_pool         (GTask                      *task,
                                                  GTaskThreadFunc             func);

/* Whether a file added earlier is still there, readable and, by its
 * size (0: not known), the same; without reading it. Blocking, but only
 * an open and a stat: cheap enough for each file of an activity. */
gboolean         warta_media_probe_check_present (WartaMediaProbe           *self,
                                                  GFile                      *file,
                                                  guint64                     size,
                                                  GCancellable               *cancellable,
                                                  GError                    **error);
/* warta_media_probe_check_present() for a file an approved publication
 * needs, which can no longer be added again: the error names the file
 * and its folder, and says to put it back there. Blocking: a worker
 * thread's. */
gboolean         warta_media_probe_check_approved (GFile                    *file,
                                                   guint64                   size,
                                                   GCancellable             *cancellable,
                                                   GError                  **error);
void             warta_media_probe_file_async    (WartaMediaProbe            *self,
                                                  GFile                      *file,
                                                  GCancellable               *cancellable,
                                                  GAsyncReadyCallback         callback,
                                                  gpointer                    user_data);
WartaMediaInfo  *warta_media_probe_file_finish   (WartaMediaProbe            *self,
                                                  GAsyncResult               *result,
                                                  GError                    **error);

/* Probes @files off the main thread, at most two at once; a bad file is
 * reported through @result_func and the others go on. @result_data must
 * stay valid until @callback runs. */
void             warta_media_probe_batch_async   (WartaMediaProbe            *self,
                                                  GFile               *const *files,
                                                  guint                       n_files,
                                                  GCancellable               *cancellable,
                                                  WartaMediaProbeResultFunc   result_func,
                                                  gpointer                    result_data,
                                                  GAsyncReadyCallback         callback,
                                                  gpointer                    user_data);
/* FALSE only when the batch was cancelled. */
gboolean         warta_media_probe_batch_finish  (WartaMediaProbe            *self,
                                                  GAsyncResult               *result,
                                                  guint                      *n_accepted,
                                                  guint                      *n_refused,
                                                  GError                    **error);

G_END_DECLS
