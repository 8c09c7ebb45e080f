/* warta-instagram-publisher.h: the outbox's steps for an Instagram account
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "warta-instagram.h"
#include "warta-publisher.h"

G_BEGIN_DECLS

#define WARTA_TYPE_INSTAGRAM_PUBLISHER (warta_instagram_publisher_get_type ())

G_DECLARE_FINAL_TYPE (WartaInstagramPublisher, warta_instagram_publisher,
                      WARTA, INSTAGRAM_PUBLISHER, GObject)

/* A WartaPublisherFactory. The account's base URL is the Graph host;
 * public settings read: "user-id" (the Instagram user, required),
 * "wordpress-account" (the id of the WordPress account whose media
 * library hosts the photos; the first WordPress account when unset) and
 * "poll-ms" (how often a container's status is asked for). */
WartaPublisher *warta_instagram_publisher_new (WartaHttpClient  *client,
                                               WartaAccount     *account,
                                               const char       *secret,
                                               GError          **error);

G_END_DECLS
