/* warta-upload-range.h: a part of an upload, for chunked upload protocols
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

#include "warta-upload.h"

G_BEGIN_DECLS

/* A stream over bytes [@offset, @offset + @length) of @upload: the file is
 * opened and seeked (or skipped), then read in small pieces, never whole. */
GInputStream *_warta_upload_open_range          (WartaUpload          *upload,
                                                 guint64               offset,
                                                 guint64               length,
                                                 GCancellable         *cancellable,
                                                 GError              **error);

/* That range as @msg's body, with its Content-Length; the upload's
 * bytes-sent becomes @offset plus what has gone out on the network. The
 * message is sent from a worker thread (see warta_http_set_upload_body). */
gboolean      _warta_http_set_upload_range_body (SoupMessage          *msg,
                                                 WartaUpload          *upload,
                                                 guint64               offset,
                                                 guint64               length,
                                                 GError              **error);

/* Marks @msg as one that carries @upload's bytes, which the HTTP client
 * sends from a worker thread; and finds that upload again. */
void          _warta_http_mark_upload           (SoupMessage          *msg,
                                                 WartaUpload          *upload);
WartaUpload  *_warta_http_get_upload            (SoupMessage          *msg);

/* The range in memory: for protocols that want a chunk as a multipart
 * part (a few MiB at most). */
void          _warta_upload_read_range_async    (WartaUpload          *upload,
                                                 guint64               offset,
                                                 guint64               length,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
GBytes       *_warta_upload_read_range_finish   (WartaUpload          *upload,
                                                 GAsyncResult         *result,
                                                 GError              **error);

/* The WARTA_PUBLISH_ERROR for a file that cannot be read. */
GError       *_warta_upload_read_error          (WartaUpload          *upload,
                                                 const GError         *error);

G_END_DECLS
