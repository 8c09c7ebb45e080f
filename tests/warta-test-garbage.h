/* warta-test-garbage.h: answers that are not the platform's, for the tests
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a proxy, a captive portal or a changed platform may answer instead
 * of the documented JSON (warta_test_server_add_answer()).
 */
#pragma once

#include <glib.h>

#include "warta-publish-error.h"

G_BEGIN_DECLS

typedef struct
{
  const char *what;
  const char *content_type;
  const char *body;
} WartaTestGarbage;

#define WARTA_TEST_HTML_PAGE \
  "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head>" \
  "<body><h1>Bad Gateway</h1><p>nginx</p></body></html>"

/* Bodies of a 200 answer that says nothing usable. */
static const WartaTestGarbage warta_test_garbage[] = {
  { "html", "text/html", WARTA_TEST_HTML_PAGE },
  { "empty", "application/json", "" },
  { "truncated", "application/json", "{\"id\": \"12" },
  { "array", "application/json", "[1, 2, 3]" },
  { "number-id", "application/json", "{\"id\": 123456789, \"data\": {\"id\": 5}}" },
  { "missing-id", "application/json", "{\"ok\": true}" },
  { "nulls", "application/json",
    "{\"id\": null, \"url\": null, \"data\": null, \"error\": null, \"status\": null}" },
  { "string", "application/json", "\"ok\"" },
};

/* The error says what happened and what to do, in a whole sentence of
 * Warta's, not a parser's message alone. */
static inline void
warta_test_assert_garbage_error (const GError *error)
{
  g_assert_nonnull (error);
  g_assert_true (error->domain == WARTA_PUBLISH_ERROR);
  /* The file is fine: only the answer was not. */
  g_assert_cmpint (error->code, !=, WARTA_PUBLISH_ERROR_INVALID_MEDIA);
  g_assert_cmpuint (strlen (error->message), >, 30);
  g_assert_true (g_str_has_suffix (error->message, "."));
  g_assert_null (strstr (error->message, "<html"));
}

/* A step that stopped on answers it could not read, every time: it says so. */
static inline void
warta_test_assert_not_understood (const GError *error)
{
  warta_test_assert_garbage_error (error);
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_PROTOCOL);
  g_assert_nonnull (strstr (error->message, "does not understand"));
}

/* A step that makes nothing public (an upload, a session, a container, a
 * status asked) answered with what Warta cannot read every time: after
 * the attempts it ends as a 5xx does, the job tried again later, and says
 * so in the user's words. */
static inline void
warta_test_assert_read_later (const GError *error)
{
  warta_test_assert_garbage_error (error);
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_RETRYABLE);
  g_assert_nonnull (strstr (error->message, "answer could not be read"));
  g_assert_true (g_str_has_suffix (error->message, " Warta will try again later."));
}

/* One publish after a malformed answer: @must_succeed (a proxy's 502 is
 * passed over), else the error above or the post's @id. */
static inline void
warta_test_assert_garbage_outcome (const GError *error,
                                   const char   *id,
                                   gboolean      must_succeed)
{
  g_test_message ("  %s", error ? error->message : id);
  if (must_succeed)
    g_assert_no_error (error);
  if (error)
    warta_test_assert_garbage_error (error);
  else
    g_assert_nonnull (id);
}

G_END_DECLS
