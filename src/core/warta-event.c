/* warta-event.c: one recorded change in the history
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "warta-event.h"

struct _WartaEvent
{
  GObject parent_instance;

  gint64 id;
  gint64 publication_id;
  gint64 at;
  gint64 actor_id;
  char *actor_name;
  char *role;
  char *kind;
  char *from_state;
  char *to_state;
  gint64 revision_id;
  char *note;
  char *prev_hash;
  char *hash;
};

G_DEFINE_FINAL_TYPE (WartaEvent, warta_event, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PUBLICATION_ID,
  PROP_AT,
  PROP_ACTOR_ID,
  PROP_ACTOR_NAME,
  PROP_ROLE,
  PROP_KIND,
  PROP_FROM_STATE,
  PROP_TO_STATE,
  PROP_REVISION_ID,
  PROP_NOTE,
  PROP_PREV_HASH,
  PROP_HASH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
warta_event_finalize (GObject *object)
{
  WartaEvent *self = (WartaEvent *)object;

  g_clear_pointer (&self->actor_name, g_free);
  g_clear_pointer (&self->role, g_free);
  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->from_state, g_free);
  g_clear_pointer (&self->to_state, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->prev_hash, g_free);
  g_clear_pointer (&self->hash, g_free);

  G_OBJECT_CLASS (warta_event_parent_class)->finalize (object);
}

static void
warta_event_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  WartaEvent *self = WARTA_EVENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_PUBLICATION_ID:
      g_value_set_int64 (value, self->publication_id);
      break;

    case PROP_AT:
      g_value_set_int64 (value, self->at);
      break;

    case PROP_ACTOR_ID:
      g_value_set_int64 (value, self->actor_id);
      break;

    case PROP_ACTOR_NAME:
      g_value_set_string (value, self->actor_name);
      break;

    case PROP_ROLE:
      g_value_set_string (value, self->role);
      break;

    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;

    case PROP_FROM_STATE:
      g_value_set_string (value, self->from_state);
      break;

    case PROP_TO_STATE:
      g_value_set_string (value, self->to_state);
      break;

    case PROP_REVISION_ID:
      g_value_set_int64 (value, self->revision_id);
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    case PROP_PREV_HASH:
      g_value_set_string (value, self->prev_hash);
      break;

    case PROP_HASH:
      g_value_set_string (value, self->hash);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
warta_event_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  WartaEvent *self = WARTA_EVENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      warta_event_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_PUBLICATION_ID:
      warta_event_set_publication_id (self, g_value_get_int64 (value));
      break;

    case PROP_AT:
      warta_event_set_at (self, g_value_get_int64 (value));
      break;

    case PROP_ACTOR_ID:
      warta_event_set_actor_id (self, g_value_get_int64 (value));
      break;

    case PROP_ACTOR_NAME:
      warta_event_set_actor_name (self, g_value_get_string (value));
      break;

    case PROP_ROLE:
      warta_event_set_role (self, g_value_get_string (value));
      break;

    case PROP_KIND:
      warta_event_set_kind (self, g_value_get_string (value));
      break;

    case PROP_FROM_STATE:
      warta_event_set_from_state (self, g_value_get_string (value));
      break;

    case PROP_TO_STATE:
      warta_event_set_to_state (self, g_value_get_string (value));
      break;

    case PROP_REVISION_ID:
      warta_event_set_revision_id (self, g_value_get_int64 (value));
      break;

    case PROP_NOTE:
      warta_event_set_note (self, g_value_get_string (value));
      break;

    case PROP_PREV_HASH:
      warta_event_set_prev_hash (self, g_value_get_string (value));
      break;

    case PROP_HASH:
      warta_event_set_hash (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
warta_event_class_init (WartaEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = warta_event_finalize;
  object_class->get_property = warta_event_get_property;
  object_class->set_property = warta_event_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PUBLICATION_ID] =
    g_param_spec_int64 ("publication-id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AT] =
    g_param_spec_int64 ("at", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTOR_ID] =
    g_param_spec_int64 ("actor-id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTOR_NAME] =
    g_param_spec_string ("actor-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROLE] =
    g_param_spec_string ("role", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FROM_STATE] =
    g_param_spec_string ("from-state", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TO_STATE] =
    g_param_spec_string ("to-state", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REVISION_ID] =
    g_param_spec_int64 ("revision-id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PREV_HASH] =
    g_param_spec_string ("prev-hash", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HASH] =
    g_param_spec_string ("hash", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
warta_event_init (WartaEvent *self)
{
}

WartaEvent *
warta_event_new (void)
{
  return g_object_new (WARTA_TYPE_EVENT, NULL);
}

gint64
warta_event_get_id (WartaEvent *self)
{
  g_return_val_if_fail (WARTA_IS_EVENT (self), 0);

  return self->id;
}

void
warta_event_set_id (WartaEvent *self,
                    gint64 id)
{
  g_return_if_fail (WARTA_IS_EVENT (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
warta_event_get_publication_id (WartaEvent *self)
{
  g_return_val_if_fail (WARTA_IS_EVENT (self), 0);

  return self->publication_id;
}

void
warta_event_set_publication_id (WartaEvent *self,
                                gint64 publication_id)
{
  g_return_if_fail (WARTA_IS_EVENT (self));

  if (self->publication_id == publication_id)
    return;

  self->publication_id = publication_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PUBLICATION_ID]);
}

gint64
warta_event_get_at (WartaEvent *self)
{
  g_return_val_if_fail (WARTA_IS_EVENT (self), 0);

  return self->at;
}

void
warta_event_set_at (WartaEvent *self,
                    gint64 at)
{
  g_return_if_fail (WARTA_IS_EVENT (self));

  if (self->at == at)
    return;

  self->at = at;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AT]);
}

gint64
warta_event_get_actor_id (WartaEvent *self)
{
  g_return_val_if_fail (WARTA_IS_EVENT (self), 0);

  return self->actor_id;
}

void
warta_event_set_actor_id (WartaEvent *self,
                          gint64 actor_id)
{
  g_return_if_fail (WARTA_IS_EVENT (self));

  if (self->actor_id == actor_id)
    return;

  self->actor_id = actor_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTOR_ID]);
}

const char *
warta_event_get_actor_name (WartaEvent *self)
{
  g_return_val_if_fail (WARTA_IS_EVENT (self), NULL);

  return self->actor_name;
}

void
warta_event_set_actor_name (WartaEvent *self,
                            const char *actor_name)
{
  g_return_if_fail (WARTA_IS_EVENT (self));

  if (g_strcmp0 (self->actor_name, actor_name) == 0)
    return;

  g_free (self->actor_name);
  self->actor_name = g_strdup (actor_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTOR_NAME]);
}

const char *
warta_event_get_role (WartaEvent *self)
{
  g_return_val_if_fail (WARTA_IS_EVENT (self), NULL);

  return self->role;
}

void
warta_event_set_role (WartaEvent *self,
                      const char *role)
{
  g_return_if_fail (WARTA_IS_EVENT (self));

  if (g_strcmp0 (self->role, role) == 0)
    return;

  g_free (self->role);
  self->role = g_strdup (role);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
}

const char *
warta_event_get_kind (WartaEvent *self)
{
  g_return_val_if_fail (WARTA_IS_EVENT (self), NULL);

  return self->kind;
}

void
warta_event_set_kind (WartaEvent *self,
                      const char *kind)
{
  g_return_if_fail (WARTA_IS_EVENT (self));

  if (g_strcmp0 (self->kind, kind) == 0)
    return;

  g_free (self->kind);
  self->kind = g_strdup (kind);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

const char *
warta_event_get_from_state (WartaEvent *self)
{
  g_return_val_if_fail (WARTA_IS_EVENT (self), NULL);

  return self->from_state;
}

void
warta_event_set_from_state (WartaEvent *self,
                            const char *from_state)
{
  g_return_if_fail (WARTA_IS_EVENT (self));

  if (g_strcmp0 (self->from_state, from_state) == 0)
    return;

  g_free (self->from_state);
  self->from_state = g_strdup (from_state);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FROM_STATE]);
}

const char *
warta_event_get_to_state (WartaEvent *self)
{
  g_return_val_if_fail (WARTA_IS_EVENT (self), NULL);

  return self->to_state;
}

void
warta_event_set_to_state (WartaEvent *self,
                          const char *to_state)
{
  g_return_if_fail (WARTA_IS_EVENT (self));

  if (g_strcmp0 (self->to_state, to_state) == 0)
    return;

  g_free (self->to_state);
  self->to_state = g_strdup (to_state);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TO_STATE]);
}

gint64
warta_event_get_revision_id (WartaEvent *self)
{
  g_return_val_if_fail (WARTA_IS_EVENT (self), 0);

  return self->revision_id;
}

void
warta_event_set_revision_id (WartaEvent *self,
                             gint64 revision_id)
{
  g_return_if_fail (WARTA_IS_EVENT (self));

  if (self->revision_id == revision_id)
    return;

  self->revision_id = revision_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVISION_ID]);
}

const char *
warta_event_get_note (WartaEvent *self)
{
  g_return_val_if_fail (WARTA_IS_EVENT (self), NULL);

  return self->note;
}

void
warta_event_set_note (WartaEvent *self,
                      const char *note)
{
  g_return_if_fail (WARTA_IS_EVENT (self));

  if (g_strcmp0 (self->note, note) == 0)
    return;

  g_free (self->note);
  self->note = g_strdup (note);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

const char *
warta_event_get_prev_hash (WartaEvent *self)
{
  g_return_val_if_fail (WARTA_IS_EVENT (self), NULL);

  return self->prev_hash;
}

void
warta_event_set_prev_hash (WartaEvent *self,
                           const char *prev_hash)
{
  g_return_if_fail (WARTA_IS_EVENT (self));

  if (g_strcmp0 (self->prev_hash, prev_hash) == 0)
    return;

  g_free (self->prev_hash);
  self->prev_hash = g_strdup (prev_hash);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PREV_HASH]);
}

const char *
warta_event_get_hash (WartaEvent *self)
{
  g_return_val_if_fail (WARTA_IS_EVENT (self), NULL);

  return self->hash;
}

void
warta_event_set_hash (WartaEvent *self,
                      const char *hash)
{
  g_return_if_fail (WARTA_IS_EVENT (self));

  if (g_strcmp0 (self->hash, hash) == 0)
    return;

  g_free (self->hash);
  self->hash = g_strdup (hash);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HASH]);
}

static void
add_text (GChecksum  *checksum,
          const char *name,
          const char *value)
{
  char head[64];
  int n;

  /* A NULL and an empty text hash differently; lengths keep fields apart. */
  if (value == NULL)
    n = g_snprintf (head, sizeof head, "%s:-\n", name);
  else
    n = g_snprintf (head, sizeof head, "%s:%" G_GSIZE_FORMAT ":", name, strlen (value));
  g_checksum_update (checksum, (const guchar *)head, n);

  if (value != NULL)
    {
      g_checksum_update (checksum, (const guchar *)value, -1);
      g_checksum_update (checksum, (const guchar *)"\n", 1);
    }
}

static void
add_int (GChecksum  *checksum,
         const char *name,
         gint64      value)
{
  char text[32];

  g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT, value);
  add_text (checksum, name, text);
}

/**
 * warta_event_hash_fields:
 *
 * The link of the history's hash chain: SHA-256 over the previous event's
 * hash and every field of this event, id included (so a reorder shows), in
 * a fixed, length-prefixed form.
 *
 * Returns: (transfer full): the hash, 64 hex digits
 */
char *
warta_event_hash_fields (gint64      id,
                         gint64      publication_id,
                         gint64      at,
                         gint64      actor_id,
                         const char *role,
                         const char *kind,
                         const char *from_state,
                         const char *to_state,
                         gint64      revision_id,
                         const char *note,
                         const char *prev_hash)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  add_text (checksum, "warta-event", "1");
  add_text (checksum, "prev", prev_hash);
  add_int (checksum, "id", id);
  add_int (checksum, "publication", publication_id);
  add_int (checksum, "at", at);
  add_int (checksum, "actor", actor_id);
  add_text (checksum, "role", role);
  add_text (checksum, "kind", kind);
  add_text (checksum, "from", from_state);
  add_text (checksum, "to", to_state);
  add_int (checksum, "revision", revision_id);
  add_text (checksum, "note", note);

  return g_strdup (g_checksum_get_string (checksum));
}

/**
 * warta_event_compute_hash:
 * @self: a #WartaEvent
 *
 * Returns: (transfer full): the hash @self should carry
 */
char *
warta_event_compute_hash (WartaEvent *self)
{
  g_return_val_if_fail (WARTA_IS_EVENT (self), NULL);

  return warta_event_hash_fields (self->id, self->publication_id, self->at, self->actor_id,
                                  self->role, self->kind, self->from_state, self->to_state,
                                  self->revision_id, self->note, self->prev_hash);
}

/**
 * warta_event_kind_get_display_name:
 * @kind: what an event records ("submit", "checklist", "take-down" …)
 *
 * Returns: the kind as the history shows it; @kind itself when unknown
 */
const char *
warta_event_kind_get_display_name (const char *kind)
{
  static const struct { const char *id; const char *name; } names[] = {
    { "create", N_("Created") },
    { "edit", N_("Edited") },
    { "approval-voided", N_("Approval voided by an edit") },
    { "submit", N_("Submitted") },
    { "forward", N_("Forwarded for approval") },
    { "approve", N_("Approved") },
    { "return", N_("Returned for correction") },
    { "checklist", N_("Checklist saved") },
    { "note", N_("Correction note added") },
    { "note-resolved", N_("Correction note marked as done") },
    { "note-confirmed", N_("Correction confirmed") },
    { "note-reopened", N_("Correction note reopened") },
    { "start_publishing", N_("Publishing started") },
    { "finish", N_("Publishing finished") },
    { "retry", N_("Publishing retried") },
    { "withdraw", N_("Withdrawn") },
    { "take-down", N_("Post taken down") },
    { "correction", N_("Post corrected") },
    { "correction-by-hand", N_("Post corrected by hand") },
    { "by-hand-started", N_("Switched to upload by hand") },
    { "by-hand-given-back", N_("Given back to Warta to send") },
    { "cancel", N_("Publishing to an account cancelled") },
    { "disposition", N_("Disposition recorded") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (kind, names[i].id) == 0)
      return _(names[i].name);

  return kind;
}
