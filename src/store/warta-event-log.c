/* warta-event-log.c: the append-only, hash-chained history
 *
 * Every change is an event row written in the same transaction as the
 * change. Each event's hash covers the previous event's hash and its own
 * fields, so an edit, a deletion or a reorder of rows made outside Warta
 * breaks the chain at a point warta_store_verify_history() reports. The
 * last link is also kept in warta_meta ("history-head"), so removing the
 * newest events shows too.
 *
 * An import brings another database's events with their ids and hashes:
 * where the imported events do not follow on from the ones before them
 * (the export began after the first event, or left other publications'
 * events out), the import writes an anchor, "history-anchor:<id>" in
 * warta_meta, holding the hash of the event that preceded event <id> in
 * the exporting database. The check accepts such a link only when the
 * event's prev_hash is exactly its anchor; everything else still has to
 * chain, so an edited, removed or inserted imported event still shows.
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "warta-event-log"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "warta-database-private.h"
#include "warta-event-log-private.h"

#define EVENT_COLUMNS \
  "e.id, e.publication_id, e.at, e.actor_id, u.display_name, e.role, e.kind, " \
  "e.from_state, e.to_state, e.revision_id, e.note, e.prev_hash, e.hash " \
  "FROM events e LEFT JOIN users u ON u.id = e.actor_id "

static WartaEvent *
event_from_row (sqlite3_stmt *stmt)
{
  WartaEvent *event = warta_event_new ();

  warta_event_set_id (event, sqlite3_column_int64 (stmt, 0));
  warta_event_set_publication_id (event, sqlite3_column_int64 (stmt, 1));
  warta_event_set_at (event, sqlite3_column_int64 (stmt, 2));
  warta_event_set_actor_id (event, sqlite3_column_int64 (stmt, 3));
  warta_event_set_actor_name (event, (const char *)sqlite3_column_text (stmt, 4));
  warta_event_set_role (event, (const char *)sqlite3_column_text (stmt, 5));
  warta_event_set_kind (event, (const char *)sqlite3_column_text (stmt, 6));
  warta_event_set_from_state (event, (const char *)sqlite3_column_text (stmt, 7));
  warta_event_set_to_state (event, (const char *)sqlite3_column_text (stmt, 8));
  warta_event_set_revision_id (event, sqlite3_column_int64 (stmt, 9));
  warta_event_set_note (event, (const char *)sqlite3_column_text (stmt, 10));
  warta_event_set_prev_hash (event, (const char *)sqlite3_column_text (stmt, 11));
  warta_event_set_hash (event, (const char *)sqlite3_column_text (stmt, 12));

  return event;
}

/* Must run inside a write transaction: the chain's head cannot move
 * between reading it and appending. Returns the new event's id, or 0. */
gint64
_warta_event_log_append (WartaDatabase  *database,
                         gint64          publication_id,
                         gint64          at,
                         gint64          actor_id,
                         const char     *role,
                         const char     *kind,
                         const char     *from_state,
                         const char     *to_state,
                         gint64          revision_id,
                         const char     *note,
                         GError        **error)
{
  g_autoptr(sqlite3_stmt) head = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(sqlite3_stmt) meta = NULL;
  g_autofree char *prev_hash = NULL;
  g_autofree char *hash = NULL;
  char head_text[128];
  gint64 id = 1;
  int rc;

  g_return_val_if_fail (!sqlite3_get_autocommit (_warta_database_get_handle (database)), 0);

  head = _warta_database_prepare (database, "SELECT id, hash FROM events ORDER BY id DESC LIMIT 1", error);
  if (head == NULL)
    return 0;

  rc = sqlite3_step (head);
  if (rc == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (head, 0) + 1;
      prev_hash = _warta_column_dup (head, 1);
    }
  else if (rc == SQLITE_DONE)
    prev_hash = g_strdup (WARTA_EVENT_GENESIS_HASH);
  else
    {
      _warta_database_set_error (database, error, rc, "event head");
      return 0;
    }

  hash = warta_event_hash_fields (id, publication_id, at, actor_id, role, kind,
                                  from_state, to_state, revision_id, note, prev_hash);

  insert = _warta_database_prepare (database,
                                    "INSERT INTO events (id, publication_id, at, actor_id, role, kind, "
                                    "from_state, to_state, revision_id, note, prev_hash, hash) "
                                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                    error);
  if (insert == NULL)
    return 0;

  sqlite3_bind_int64 (insert, 1, id);
  _warta_bind_id (insert, 2, publication_id);
  sqlite3_bind_int64 (insert, 3, at);
  _warta_bind_id (insert, 4, actor_id);
  _warta_bind_text (insert, 5, role);
  _warta_bind_text (insert, 6, kind);
  _warta_bind_text (insert, 7, from_state);
  _warta_bind_text (insert, 8, to_state);
  _warta_bind_id (insert, 9, revision_id);
  _warta_bind_text (insert, 10, note);
  _warta_bind_text (insert, 11, prev_hash);
  _warta_bind_text (insert, 12, hash);

  rc = sqlite3_step (insert);
  if (rc != SQLITE_DONE)
    {
      _warta_database_set_error (database, error, rc, "event");
      return 0;
    }

  g_snprintf (head_text, sizeof head_text, "%" G_GINT64_FORMAT " %s", id, hash);
  meta = _warta_database_prepare (database,
                                  "INSERT OR REPLACE INTO warta_meta (key, value) VALUES ('history-head', ?)",
                                  error);
  if (meta == NULL)
    return 0;
  sqlite3_bind_text (meta, 1, head_text, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (meta);
  if (rc != SQLITE_DONE)
    {
      _warta_database_set_error (database, error, rc, "event head");
      return 0;
    }

  return id;
}

static void
set_tampered_error (GError **error,
                    gint64   event_id)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, event_id);

  /* The id is formatted apart: a G_GINT64_FORMAT inside _() would not be
   * extracted for translation. */
  g_set_error (error, WARTA_DB_ERROR, WARTA_DB_ERROR_TAMPERED,
               _("The history was changed outside Warta, at event %s. Restore the database from a backup made before the change, and report it to the PPID."),
               id);
}

#define ANCHOR_PREFIX "history-anchor:"

/* event id → the prev_hash an import recorded for it */
static GHashTable *
load_anchors (WartaDatabase  *database,
              GError        **error)
{
  g_autoptr(GHashTable) anchors = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  /* ';' follows ':' in ASCII: the range is every key with the prefix. */
  stmt = _warta_database_prepare (database,
                                  "SELECT key, value FROM warta_meta "
                                  "WHERE key > '" ANCHOR_PREFIX "' AND key < 'history-anchor;'",
                                  error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *key = (const char *)sqlite3_column_text (stmt, 0);
      gint64 id = g_ascii_strtoll (key + strlen (ANCHOR_PREFIX), NULL, 10);

      if (id > 0)
        g_hash_table_insert (anchors, g_memdup2 (&id, sizeof id), _warta_column_dup (stmt, 1));
    }
  if (rc != SQLITE_DONE)
    {
      _warta_database_set_error (database, error, rc, "history anchors");
      return NULL;
    }

  return g_steal_pointer (&anchors);
}

/**
 * warta_event_log_get_hash_before:
 * @database: a #WartaDatabase
 * @event_id: an event's id
 * @error: where to put an error
 *
 * The link an export records before the first of its events that does not
 * follow on from another exported one.
 *
 * Returns: (transfer full): the hash of the newest event older than
 *   @event_id, or the genesis hash when there is none
 */
char *
warta_event_log_get_hash_before (WartaDatabase  *database,
                                 gint64          event_id,
                                 GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (WARTA_IS_DATABASE (database), NULL);

  stmt = _warta_database_prepare (database,
                                  "SELECT hash FROM events WHERE id < ? ORDER BY id DESC LIMIT 1",
                                  error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, event_id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return _warta_column_dup (stmt, 0);
  if (rc == SQLITE_DONE)
    return g_strdup (WARTA_EVENT_GENESIS_HASH);

  _warta_database_set_error (database, error, rc, "history");
  return NULL;
}

/**
 * _warta_event_log_add_anchors:
 * @database: a #WartaDatabase, in the import's write transaction
 * @event_ids: (array length=n_anchors): imported events
 * @prev_hashes: (array length=n_anchors): the hash that preceded each in
 *   the exporting database
 * @n_anchors: how many
 * @error: where to put an error
 *
 * Records where imported events join a chain they did not grow in, so
 * warta_store_verify_history() accepts those links and no other.
 */
gboolean
_warta_event_log_add_anchors (WartaDatabase       *database,
                              const gint64        *event_ids,
                              const char * const  *prev_hashes,
                              guint                n_anchors,
                              GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (WARTA_IS_DATABASE (database), FALSE);

  if (n_anchors == 0)
    return TRUE;

  stmt = _warta_database_prepare (database,
                                  "INSERT OR REPLACE INTO warta_meta (key, value) VALUES (?, ?)",
                                  error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < n_anchors; i++)
    {
      g_autofree char *key = g_strdup_printf (ANCHOR_PREFIX "%" G_GINT64_FORMAT, event_ids[i]);
      int rc;

      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, prev_hashes[i], -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_DONE)
        {
          _warta_database_set_error (database, error, rc, "history anchor");
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * warta_store_verify_history:
 * @database: a #WartaDatabase
 * @out_broken_event_id: (out) (optional): the first event whose link is
 *   broken, or 0
 * @error: a %WARTA_DB_ERROR_TAMPERED when the chain is broken
 *
 * Walks the whole history and recomputes every link of the hash chain.
 * A link to an imported event that does not chain on is accepted only
 * when it is the anchor its import recorded.
 *
 * Returns: whether the history is intact
 */
gboolean
warta_store_verify_history (WartaDatabase  *database,
                            gint64         *out_broken_event_id,
                            GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) meta = NULL;
  g_autoptr(GHashTable) anchors = NULL;
  char expected[65];
  gint64 last_id = 0;
  gint64 broken = 0;
  int rc;

  g_return_val_if_fail (WARTA_IS_DATABASE (database), FALSE);

  if (out_broken_event_id != NULL)
    *out_broken_event_id = 0;

  g_strlcpy (expected, WARTA_EVENT_GENESIS_HASH, sizeof expected);

  anchors = load_anchors (database, error);
  if (anchors == NULL)
    return FALSE;

  stmt = _warta_database_prepare (database,
                                  "SELECT id, publication_id, at, actor_id, role, kind, from_state, "
                                  "to_state, revision_id, note, prev_hash, hash FROM events ORDER BY id",
                                  error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *prev_hash = (const char *)sqlite3_column_text (stmt, 10);
      const char *hash = (const char *)sqlite3_column_text (stmt, 11);
      g_autofree char *computed = NULL;

      /* An imported event may instead join where its import said. */
      if (g_strcmp0 (prev_hash, expected) != 0 &&
          g_strcmp0 (prev_hash, g_hash_table_lookup (anchors, &id)) != 0)
        {
          broken = id;
          break;
        }

      computed = warta_event_hash_fields (id,
                                          sqlite3_column_int64 (stmt, 1),
                                          sqlite3_column_int64 (stmt, 2),
                                          sqlite3_column_int64 (stmt, 3),
                                          (const char *)sqlite3_column_text (stmt, 4),
                                          (const char *)sqlite3_column_text (stmt, 5),
                                          (const char *)sqlite3_column_text (stmt, 6),
                                          (const char *)sqlite3_column_text (stmt, 7),
                                          sqlite3_column_int64 (stmt, 8),
                                          (const char *)sqlite3_column_text (stmt, 9),
                                          prev_hash);
      if (g_strcmp0 (computed, hash) != 0)
        {
          broken = id;
          break;
        }

      g_strlcpy (expected, computed, sizeof expected);
      last_id = id;
    }

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _warta_database_set_error (database, error, rc, "history");
      return FALSE;
    }

  if (broken == 0)
    {
      g_autofree char *head_text = g_strdup_printf ("%" G_GINT64_FORMAT " %s",
                                                    last_id, last_id != 0 ? expected : "");

      meta = _warta_database_prepare (database,
                                      "SELECT value FROM warta_meta WHERE key = 'history-head'",
                                      error);
      if (meta == NULL)
        return FALSE;

      rc = sqlite3_step (meta);
      if (rc == SQLITE_ROW)
        {
          const char *value = (const char *)sqlite3_column_text (meta, 0);

          /* Events were removed from the end (or added without Warta): the
           * first one after the last agreeing link is where it broke. */
          if (g_strcmp0 (value, head_text) != 0)
            {
              gint64 head_id = g_ascii_strtoll (value != NULL ? value : "0", NULL, 10);

              broken = MIN (head_id, last_id) + 1;
            }
        }
      else if (rc != SQLITE_DONE)
        {
          _warta_database_set_error (database, error, rc, "history");
          return FALSE;
        }
      else
        broken = MAX (last_id, 1);
    }

  if (broken != 0)
    {
      if (out_broken_event_id != NULL)
        *out_broken_event_id = broken;
      set_tampered_error (error, broken);
      return FALSE;
    }

  return TRUE;
}

/**
 * warta_event_log_list:
 * @database: a #WartaDatabase
 * @publication_id: a publication, or 0 for the events about people
 * @error: where to put an error
 *
 * Returns: (transfer full): the #WartaEvent<!-- -->s, oldest first
 */
GListModel *
warta_event_log_list (WartaDatabase  *database,
                      gint64          publication_id,
                      GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GListStore) store = g_list_store_new (WARTA_TYPE_EVENT);
  int rc;

  g_return_val_if_fail (WARTA_IS_DATABASE (database), NULL);

  stmt = _warta_database_prepare (database,
                                  "SELECT " EVENT_COLUMNS
                                  "WHERE e.publication_id IS ? ORDER BY e.id",
                                  error);
  if (stmt == NULL)
    return NULL;

  _warta_bind_id (stmt, 1, publication_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(WartaEvent) event = event_from_row (stmt);

      g_list_store_append (store, event);
    }

  if (rc != SQLITE_DONE)
    {
      _warta_database_set_error (database, error, rc, "events");
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&store));
}

/**
 * warta_event_log_get_latest:
 * @database: a #WartaDatabase
 * @publication_id: a publication
 * @error: where to put an error
 *
 * Returns: (transfer full) (nullable): the newest event of the publication
 */
WartaEvent *
warta_event_log_get_latest (WartaDatabase  *database,
                            gint64          publication_id,
                            GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (WARTA_IS_DATABASE (database), NULL);

  stmt = _warta_database_prepare (database,
                                  "SELECT " EVENT_COLUMNS
                                  "WHERE e.publication_id = ? ORDER BY e.id DESC LIMIT 1",
                                  error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, publication_id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return event_from_row (stmt);
  if (rc != SQLITE_DONE)
    _warta_database_set_error (database, error, rc, "events");

  return NULL;
}

/**
 * warta_event_log_count:
 * @database: a #WartaDatabase
 * @kind: (nullable): only events of this kind
 * @error: where to put an error
 *
 * Returns: the number of events, or -1 on error
 */
gint64
warta_event_log_count (WartaDatabase  *database,
                       const char     *kind,
                       GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (WARTA_IS_DATABASE (database), -1);

  stmt = _warta_database_prepare (database,
                                  kind != NULL ? "SELECT count(*) FROM events WHERE kind = ?"
                                               : "SELECT count(*) FROM events",
                                  error);
  if (stmt == NULL)
    return -1;

  if (kind != NULL)
    sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_TRANSIENT);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _warta_database_set_error (database, error, rc, "events");
      return -1;
    }

  return sqlite3_column_int64 (stmt, 0);
}
