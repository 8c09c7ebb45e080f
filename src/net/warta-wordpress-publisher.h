/* warta-wordpress-publisher.h: the outbox's steps for a WordPress site
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "warta-publisher.h"
#include "warta-wordpress.h"

G_BEGIN_DECLS

#define WARTA_TYPE_WORDPRESS_PUBLISHER (warta_wordpress_publisher_get_type ())

G_DECLARE_FINAL_TYPE (WartaWordPressPublisher, warta_wordpress_publisher,
                      WARTA, WORDPRESS_PUBLISHER, GObject)

/* A WartaPublisherFactory. Public setting read: "user"; the secret is the
 * application password. */
WartaPublisher *warta_wordpress_publisher_new (WartaHttpClient  *client,
                                               WartaAccount     *account,
                                               const char       *secret,
                                               GError          **error);

G_END_DECLS
