/* warta-facebook-publisher.h: the outbox's steps for a Facebook Page
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "warta-facebook.h"
#include "warta-publisher.h"

G_BEGIN_DECLS

#define WARTA_TYPE_FACEBOOK_PUBLISHER (warta_facebook_publisher_get_type ())

G_DECLARE_FINAL_TYPE (WartaFacebookPublisher, warta_facebook_publisher,
                      WARTA, FACEBOOK_PUBLISHER, GObject)

/* A WartaPublisherFactory. The account's base URL is the Graph host;
 * public settings read: "page-id" (required) and "video-url" (the host
 * for video; the base URL's when unset). The secret is the Page token. */
WartaPublisher *warta_facebook_publisher_new (WartaHttpClient  *client,
                                              WartaAccount     *account,
                                              const char       *secret,
                                              GError          **error);

G_END_DECLS
