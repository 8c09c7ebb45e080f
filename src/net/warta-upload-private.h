/* warta-upload-private.h: what the platform clients change on an upload
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "warta-upload.h"

G_BEGIN_DECLS

void _warta_upload_set_state        (WartaUpload      *self,
                                     WartaUploadState  state);
void _warta_upload_set_bytes_sent   (WartaUpload      *self,
                                     guint64           bytes_sent);
void _warta_upload_flush_bytes_sent (WartaUpload      *self);
void _warta_upload_set_error        (WartaUpload      *self,
                                     const GError     *error);
void _warta_upload_set_remote       (WartaUpload      *self,
                                     const char       *id,
                                     const char       *url);

G_END_DECLS
