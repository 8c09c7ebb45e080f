/* warta-x-publisher.h: the outbox's steps for an X account
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "warta-publisher.h"
#include "warta-x.h"

G_BEGIN_DECLS

#define WARTA_TYPE_X_PUBLISHER (warta_x_publisher_get_type ())

G_DECLARE_FINAL_TYPE (WartaXPublisher, warta_x_publisher, WARTA, X_PUBLISHER, GObject)

/* A WartaPublisherFactory. Public settings read: "segment-size" (bytes
 * per append) and "poll-ms" (the longest wait between status polls). */
WartaPublisher *warta_x_publisher_new (WartaHttpClient  *client,
                                       WartaAccount     *account,
                                       const char       *secret,
                                       GError          **error);

G_END_DECLS
