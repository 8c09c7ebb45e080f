/* warta-json-private.h: reading platform answers without trusting their shape
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Each returns NULL (or @fallback) when the member is missing or of
 * another type, so a changed or hostile answer cannot crash Warta. */
JsonObject *_warta_json_as_object  (JsonNode   *node);
JsonObject *_warta_json_get_object (JsonObject *object,
                                    const char *name);
const char *_warta_json_get_string (JsonObject *object,
                                    const char *name);
gint64      _warta_json_get_int    (JsonObject *object,
                                    const char *name,
                                    gint64      fallback);

G_END_DECLS
