/* warta-youtube-publisher.h: the outbox's steps for a YouTube channel
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "warta-publisher.h"
#include "warta-youtube.h"

G_BEGIN_DECLS

#define WARTA_TYPE_YOUTUBE_PUBLISHER (warta_youtube_publisher_get_type ())

G_DECLARE_FINAL_TYPE (WartaYouTubePublisher, warta_youtube_publisher,
                      WARTA, YOUTUBE_PUBLISHER, GObject)

/* A WartaPublisherFactory. Public settings read: "privacy" (public,
 * unlisted or private; private by default) and "chunk-size" (bytes,
 * rounded down to 256 KiB). */
WartaPublisher *warta_youtube_publisher_new (WartaHttpClient  *client,
                                             WartaAccount     *account,
                                             const char       *secret,
                                             GError          **error);

G_END_DECLS
