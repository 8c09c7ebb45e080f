/* warta-tiktok-publisher.h: the outbox's steps for a TikTok account
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "warta-publisher.h"
#include "warta-tiktok.h"

G_BEGIN_DECLS

#define WARTA_TYPE_TIKTOK_PUBLISHER (warta_tiktok_publisher_get_type ())

G_DECLARE_FINAL_TYPE (WartaTikTokPublisher, warta_tiktok_publisher,
                      WARTA, TIKTOK_PUBLISHER, GObject)

/* A WartaPublisherFactory. Public settings read: "chunk-size" (bytes),
 * "poll-ms" (how often the publish status is asked for) and
 * "wordpress-account" (the website whose media library hosts photos; the
 * first WordPress account when unset). The privacy level and interactions
 * are the job's "creator" step, written by the publish view: JSON
 * {"privacy", "disable_comment", "disable_duet", "disable_stitch"}. */
WartaPublisher *warta_tiktok_publisher_new (WartaHttpClient  *client,
                                            WartaAccount     *account,
                                            const char       *secret,
                                            GError          **error);

G_END_DECLS
