/* warta-test-server-private.h: what the platform files of the loopback server share
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "warta-test-server.h"

G_BEGIN_DECLS

typedef struct
{
  const char *server_header;
  gpointer (*state_new)            (WartaTestServer   *server);
  void     (*state_free)           (gpointer           state);
  void     (*dispatch)             (WartaTestServer   *server,
                                    SoupServerMessage *msg,
                                    const char        *path,
                                    GHashTable        *query);
  void     (*respond_status)       (WartaTestServer   *server,
                                    SoupServerMessage *msg,
                                    guint              status);
  void     (*respond_rate_limited) (WartaTestServer   *server,
                                    SoupServerMessage *msg,
                                    guint              seconds);
  void     (*respond_error)        (WartaTestServer   *server,
                                    SoupServerMessage *msg,
                                    const char        *name);
  void     (*expire)               (WartaTestServer   *server);
  guint    (*post_count)           (WartaTestServer   *server);
  guint    (*media_count)          (WartaTestServer   *server);
} WartaTestPlatformOps;

/* Called for a request on a streamed path once its headers are in: TRUE
 * to take its body chunk by chunk (got-chunk) instead of accumulating it. */
typedef gboolean (*WartaTestStreamFunc) (WartaTestServer   *server,
                                         SoupServerMessage *msg,
                                         const char        *path,
                                         GHashTable        *query);

WartaTestServer *_warta_test_server_new_with_ops   (WartaTestPlatform           platform,
                                                    const WartaTestPlatformOps *ops);
gpointer         _warta_test_server_get_state      (WartaTestServer            *server);
/* Requests under @path_prefix may be streamed (WartaTestStreamFunc);
 * drop-mid-body faults apply to them. */
void             _warta_test_server_add_streamed_path (WartaTestServer       *server,
                                                    const char                 *path_prefix,
                                                    WartaTestStreamFunc         func);
gboolean         _warta_test_server_is_revoked     (WartaTestServer            *server);
gboolean         _warta_test_server_is_hashing     (WartaTestServer            *server);
guint            _warta_test_server_get_processing_polls (WartaTestServer      *server);
gint64           _warta_test_server_next_id        (WartaTestServer            *server);
void             _warta_test_server_set_file       (WartaTestServer            *server,
                                                    guint64                     size,
                                                    const char                 *sha256);
void             _warta_test_server_respond_json   (SoupServerMessage          *msg,
                                                    guint                       status,
                                                    JsonNode                   *node);
JsonNode        *_warta_test_server_build          (JsonBuilder                *builder);
JsonNode        *_warta_test_server_parse_json     (SoupServerMessage          *msg);
/* Form fields of a urlencoded or multipart body, and the query, in one
 * table (Meta accepts parameters in any of them); NULL-safe. */
GHashTable      *_warta_test_server_params         (SoupServerMessage          *msg,
                                                    GHashTable                 *query);

/* Instead of soup_server_message_pause()/unpause() for an answer given
 * later: the random latency may hold the message too. */
void             _warta_test_server_hold           (SoupServerMessage          *msg);
void             _warta_test_server_release        (SoupServerMessage          *msg);

G_END_DECLS
