/* warta-sample-data.c: a large generated database, for benchmarks
 *
 * Bulk INSERTs with prepared statements in one transaction. The history
 * is a valid hash chain, so warta_store_verify_history() holds on it.
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "warta-sample-data"

#include "config.h"

#include "warta-database-private.h"
#include "warta-event.h"
#include "warta-sample-data-private.h"
#include "warta-workflow.h"

static gboolean
step (WartaDatabase  *database,
      sqlite3_stmt   *stmt,
      GError        **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _warta_database_set_error (database, error, rc, "sample data");
      return FALSE;
    }

  return TRUE;
}

static gboolean
generate (WartaDatabase  *database,
          guint           n_publications,
          guint           n_events,
          gint64          now,
          gint64         *out_user_id,
          GError        **error)
{
  sqlite3 *db = _warta_database_get_handle (database);
  sqlite3_stmt *user = NULL, *pub = NULL, *rev = NULL, *caption = NULL, *event = NULL, *link = NULL;
  g_autofree char *prev = g_strdup (WARTA_EVENT_GENESIS_HASH);
  g_autofree char *head = NULL;
  gint64 event_id = 1;
  gboolean ok = FALSE;
  GRand *rand = g_rand_new_with_seed (2025);
  WartaDeadlines deadlines;
  static const WartaState active[] = {
    WARTA_STATE_DOCUMENTING, WARTA_STATE_PROCESSING, WARTA_STATE_VERIFYING,
    WARTA_STATE_APPROVING, WARTA_STATE_APPROVED, WARTA_STATE_FAILED,
  };

  warta_deadlines_init_default (&deadlines);

  if (sqlite3_prepare_v2 (db, "INSERT INTO users (login, display_name, password_hash, roles, "
                              "is_admin, created_at) VALUES (?, ?, '-', ?, ?, ?)", -1, &user, NULL) ||
      sqlite3_prepare_v2 (db, "INSERT INTO publications (id, state, version, title, category, "
                              "current_revision_id, step, step_entered_at, deadline_at, created_by, "
                              "created_at, updated_by, updated_at, last_event_id) "
                              "VALUES (?1, ?2, 1, ?3, 'periodic', ?1, ?4, ?5, ?6, 1, ?7, 1, ?5, NULL)",
                          -1, &pub, NULL) ||
      sqlite3_prepare_v2 (db, "INSERT INTO revisions (id, publication_id, number, hash, author_id, "
                              "created_at, title, what, who, narrative, category) "
                              "VALUES (?1, ?1, 1, ?2, 1, ?3, ?4, 'Rapat', 'Inspektur', ?5, 'periodic')",
                          -1, &rev, NULL) ||
      /* A complete content concept: those in processing may be submitted. */
      sqlite3_prepare_v2 (db, "INSERT INTO revision_captions (revision_id, target, caption) "
                              "VALUES (?, 'facebook', ?)", -1, &caption, NULL) ||
      sqlite3_prepare_v2 (db, "INSERT INTO events (id, publication_id, at, actor_id, role, kind, "
                              "from_state, to_state, revision_id, note, prev_hash, hash) "
                              "VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?)", -1, &event, NULL) ||
      sqlite3_prepare_v2 (db, "UPDATE publications SET last_event_id = ? WHERE id = ?", -1, &link, NULL))
    {
      _warta_database_set_error (database, error, sqlite3_errcode (db), "sample data");
      goto out;
    }

  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *login = g_strdup_printf ("user%u", i);

      sqlite3_bind_text (user, 1, login, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (user, 2, login, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (user, 3, i == 0 ? WARTA_ROLE_ALL : (1 << i));
      sqlite3_bind_int (user, 4, i == 0);
      sqlite3_bind_int64 (user, 5, now);
      if (!step (database, user, error))
        goto out;
    }
  *out_user_id = 1;

  for (guint p = 1; p <= n_publications; p++)
    {
      g_autofree char *title = g_strdup_printf ("Kegiatan Inspektorat nomor %u", p);
      g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, title, -1);
      /* Most are done; one in twenty is still on its way. */
      WartaState state = g_rand_int_range (rand, 0, 20) == 0
                         ? active[g_rand_int_range (rand, 0, G_N_ELEMENTS (active))]
                         : WARTA_STATE_PUBLISHED;
      gint64 created = now - (gint64)(n_publications - p) * 600 * G_USEC_PER_SEC;
      gint64 entered = state == WARTA_STATE_PUBLISHED ? created : now - g_rand_int_range (rand, 0, 7200) * (gint64)G_USEC_PER_SEC;
      guint step_no = warta_state_get_step (state);
      guint per_pub = n_events / n_publications + (p <= n_events % n_publications ? 1 : 0);

      sqlite3_bind_int64 (pub, 1, p);
      sqlite3_bind_text (pub, 2, warta_state_get_id (state), -1, SQLITE_STATIC);
      sqlite3_bind_text (pub, 3, title, -1, SQLITE_STATIC);
      sqlite3_bind_int (pub, 4, (int)step_no);
      sqlite3_bind_int64 (pub, 5, entered);
      sqlite3_bind_int64 (pub, 6, warta_deadlines_get_due (&deadlines, step_no, entered));
      sqlite3_bind_int64 (pub, 7, created);
      if (!step (database, pub, error))
        goto out;

      sqlite3_bind_int64 (rev, 1, p);
      sqlite3_bind_text (rev, 2, hash, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (rev, 3, created);
      sqlite3_bind_text (rev, 4, title, -1, SQLITE_STATIC);
      sqlite3_bind_text (rev, 5, title, -1, SQLITE_STATIC);
      if (!step (database, rev, error))
        goto out;
      sqlite3_bind_int64 (caption, 1, p);
      sqlite3_bind_text (caption, 2, title, -1, SQLITE_STATIC);
      if (!step (database, caption, error))
        goto out;

      for (guint e = 0; e < per_pub; e++)
        {
          g_autofree char *event_hash = NULL;
          const char *kind = e == 0 ? "create" : (e % 2 ? "submit" : "note");
          gint64 at = created + (gint64)e * 60 * G_USEC_PER_SEC;

          event_hash = warta_event_hash_fields (event_id, p, at, 1, "social-media-admin", kind,
                                                "processing", "verifying", p, NULL, prev);
          sqlite3_bind_int64 (event, 1, event_id);
          sqlite3_bind_int64 (event, 2, p);
          sqlite3_bind_int64 (event, 3, at);
          sqlite3_bind_text (event, 4, "social-media-admin", -1, SQLITE_STATIC);
          sqlite3_bind_text (event, 5, kind, -1, SQLITE_STATIC);
          sqlite3_bind_text (event, 6, "processing", -1, SQLITE_STATIC);
          sqlite3_bind_text (event, 7, "verifying", -1, SQLITE_STATIC);
          sqlite3_bind_int64 (event, 8, p);
          sqlite3_bind_null (event, 9);
          sqlite3_bind_text (event, 10, prev, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (event, 11, event_hash, -1, SQLITE_TRANSIENT);
          if (!step (database, event, error))
            goto out;

          g_free (prev);
          prev = g_steal_pointer (&event_hash);
          event_id++;
        }

      sqlite3_bind_int64 (link, 1, event_id - 1);
      sqlite3_bind_int64 (link, 2, p);
      if (!step (database, link, error))
        goto out;
    }

  head = g_strdup_printf ("%" G_GINT64_FORMAT " %s", event_id - 1, prev);
  {
    sqlite3_stmt *meta = NULL;

    sqlite3_prepare_v2 (db, "INSERT OR REPLACE INTO warta_meta (key, value) VALUES ('history-head', ?)",
                        -1, &meta, NULL);
    sqlite3_bind_text (meta, 1, head, -1, SQLITE_STATIC);
    ok = step (database, meta, error);
    sqlite3_finalize (meta);
  }

out:
  sqlite3_finalize (user);
  sqlite3_finalize (pub);
  sqlite3_finalize (rev);
  sqlite3_finalize (caption);
  sqlite3_finalize (event);
  sqlite3_finalize (link);
  g_rand_free (rand);

  return ok;
}

/**
 * _warta_sample_data_generate:
 * @database: an empty, migrated database
 * @n_publications: how many publications
 * @n_events: how many events, spread over them
 * @now_us: the time of the newest data
 * @out_user_id: (out): a user holding all four roles
 * @error: where to put an error
 *
 * Fills @database in one transaction. For benchmarks only.
 */
gboolean
_warta_sample_data_generate (WartaDatabase  *database,
                             guint           n_publications,
                             guint           n_events,
                             gint64          now_us,
                             gint64         *out_user_id,
                             GError        **error)
{
  g_return_val_if_fail (n_publications > 0, FALSE);

  if (!_warta_database_begin_write (database, error))
    return FALSE;

  if (!generate (database, n_publications, n_events, now_us, out_user_id, error))
    {
      _warta_database_rollback (database);
      return FALSE;
    }

  return _warta_database_commit (database, error);
}
