/* warta-send-buffer-private.h: bigger writes for upload bodies
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

void       _warta_send_buffer_install        (SoupSession     *session,
                                              GProxyResolver  *base);
GIOStream *_warta_send_buffer_stream_new     (GIOStream       *base);
GIOStream *_warta_send_buffer_for_connection (GIOStream       *connection);
void       _warta_send_buffer_gather         (GIOStream       *stream);
gboolean   _warta_send_buffer_release        (GIOStream       *stream,
                                              gboolean         send_rest,
                                              GCancellable    *cancellable,
                                              GError         **error);

G_END_DECLS
