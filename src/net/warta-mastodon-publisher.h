/* warta-mastodon-publisher.h: the outbox's steps for a Mastodon account
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "warta-mastodon.h"
#include "warta-publisher.h"

G_BEGIN_DECLS

#define WARTA_TYPE_MASTODON_PUBLISHER (warta_mastodon_publisher_get_type ())

G_DECLARE_FINAL_TYPE (WartaMastodonPublisher, warta_mastodon_publisher,
                      WARTA, MASTODON_PUBLISHER, GObject)

/* A WartaPublisherFactory. Public settings read: "visibility" (public by
 * default) and "media-poll-ms" (how soon processing media is asked for). */
WartaPublisher *warta_mastodon_publisher_new (WartaHttpClient  *client,
                                              WartaAccount     *account,
                                              const char       *secret,
                                              GError          **error);

G_END_DECLS
