/* warta-upload.h: one file on its way to a platform, as a model a view binds to
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  WARTA_UPLOAD_STATE_PENDING,    /* not started */
  WARTA_UPLOAD_STATE_SENDING,    /* bytes are going out */
  WARTA_UPLOAD_STATE_WAITING,    /* waiting before a retry */
  WARTA_UPLOAD_STATE_PROCESSING, /* sent; the platform is still processing it */
  WARTA_UPLOAD_STATE_DONE,       /* confirmed by the platform: remote-id is set */
  WARTA_UPLOAD_STATE_FAILED,     /* error is set */
  WARTA_UPLOAD_STATE_CANCELLED,
} WartaUploadState;

#define WARTA_TYPE_UPLOAD_STATE (warta_upload_state_get_type ())
#define WARTA_TYPE_UPLOAD (warta_upload_get_type ())

G_DECLARE_FINAL_TYPE (WartaUpload, warta_upload, WARTA, UPLOAD, GObject)

/* Opens a new stream on the content, positioned at its start. Called again
 * when a request restarts, so it must give the same bytes every time; it
 * may be called from the worker thread that sends the request. */
typedef GInputStream *(*WartaUploadOpenFunc) (gpointer       user_data,
                                              GCancellable  *cancellable,
                                              GError       **error);

GType             warta_upload_state_get_type   (void) G_GNUC_CONST;

WartaUpload      *warta_upload_new_for_file     (GFile               *file,
                                                 const char          *content_type,
                                                 GError             **error);
WartaUpload      *warta_upload_new_for_stream_func (WartaUploadOpenFunc  open_func,
                                                 gpointer             user_data,
                                                 GDestroyNotify       destroy,
                                                 guint64              size,
                                                 const char          *filename,
                                                 const char          *content_type);

GInputStream     *warta_upload_open             (WartaUpload         *self,
                                                 GCancellable        *cancellable,
                                                 GError             **error);
const char       *warta_upload_get_filename     (WartaUpload         *self);
const char       *warta_upload_get_content_type (WartaUpload         *self);
guint64           warta_upload_get_total_bytes  (WartaUpload         *self);
guint64           warta_upload_get_bytes_sent   (WartaUpload         *self);
double            warta_upload_get_fraction     (WartaUpload         *self);
WartaUploadState  warta_upload_get_state        (WartaUpload         *self);
const GError     *warta_upload_get_error        (WartaUpload         *self);
const char       *warta_upload_get_remote_id    (WartaUpload         *self);
const char       *warta_upload_get_remote_url   (WartaUpload         *self);

G_END_DECLS
