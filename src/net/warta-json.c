/* warta-json.c: reading platform answers without trusting their shape
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "warta-json-private.h"

JsonObject *
_warta_json_as_object (JsonNode *node)
{
  return node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

JsonObject *
_warta_json_get_object (JsonObject *object,
                        const char *name)
{
  return object && json_object_has_member (object, name)
         ? _warta_json_as_object (json_object_get_member (object, name)) : NULL;
}

const char *
_warta_json_get_string (JsonObject *object,
                        const char *name)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  if (node && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);
  return NULL;
}

gint64
_warta_json_get_int (JsonObject *object,
                     const char *name,
                     gint64      fallback)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  if (node && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64)
    return json_node_get_int (node);
  return fallback;
}
