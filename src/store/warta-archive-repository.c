/* warta-archive-repository.c: the archive's queries
 *
 * Search runs on archive_fts (migration 0006), whose rowid is the
 * publication's id: newest first is the index's own order walked
 * backwards, so a page of a common word costs well under a millisecond.
 * Ranking by relevance scores only a bounded set of the newest matches.
 * Every value is bound; the one piece of text that reaches SQL's MATCH is
 * an FTS5 expression archive/ built from quoted tokens, and it is bound
 * too.
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "warta-archive-repository"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "warta-archive-repository.h"
#include "warta-archive-repository-private.h"
#include "warta-database-private.h"
#include "warta-event-log-private.h"
#include "warta-user-repository-private.h"

void
warta_archive_row_free (WartaArchiveRow *row)
{
  if (row == NULL)
    return;

  g_free (row->title);
  g_free (row->category);
  g_free (row->unit);
  g_free (row->author);
  g_free (row->platforms);
  g_free (row);
}

/* Values bound in the order their "?" appear. */
typedef struct
{
  GString *sql;
  GArray  *binds;
} Query;

typedef struct
{
  gboolean    is_text;
  gint64      number;
  const char *text;
} Bind;

static void
query_add_text (Query      *q,
                const char *sql,
                const char *text)
{
  Bind b = { TRUE, 0, text };

  g_string_append (q->sql, sql);
  g_array_append_val (q->binds, b);
}

static void
query_add_int (Query      *q,
               const char *sql,
               gint64      number)
{
  Bind b = { FALSE, number, NULL };

  g_string_append (q->sql, sql);
  g_array_append_val (q->binds, b);
}

static void
query_bind (Query        *q,
            sqlite3_stmt *stmt)
{
  for (guint i = 0; i < q->binds->len; i++)
    {
      Bind *b = &g_array_index (q->binds, Bind, i);

      if (b->is_text)
        sqlite3_bind_text (stmt, (int)i + 1, b->text, -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_int64 (stmt, (int)i + 1, b->number);
    }
}

static void
query_init (Query *q)
{
  q->sql = g_string_new (NULL);
  q->binds = g_array_new (FALSE, TRUE, sizeof (Bind));
}

static void
query_clear (Query *q)
{
  g_string_free (q->sql, TRUE);
  g_array_unref (q->binds);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Query, query_clear)

/* The FROM clause: the match first, so its rowid order drives the scan. */
static void
append_source (Query                    *q,
               const WartaArchiveFilter *filter,
               gboolean                  counting)
{
  if (filter->match == NULL)
    g_string_append (q->sql, "FROM publications p ");
  else if (filter->relevance_limit > 0)
    {
      query_add_text (q, "FROM (SELECT rowid AS rid, bm25 (archive_fts, 8.0, 1.0, 1.0, 0.5, 2.0) "
                         "AS score FROM archive_fts WHERE archive_fts MATCH ?",
                      filter->match);
      query_add_int (q, " ORDER BY rowid DESC LIMIT ?) f CROSS JOIN publications p ON p.id = f.rid ",
                     filter->relevance_limit);
    }
  else
    {
      g_string_append (q->sql, "FROM archive_fts f CROSS JOIN publications p ON p.id = f.rowid ");
    }
  if (!counting || filter->unit != NULL)
    g_string_append (q->sql, "LEFT JOIN archive_register ar ON ar.publication_id = p.id ");
  if (!counting)
    g_string_append (q->sql, "LEFT JOIN users u ON u.id = p.created_by ");
  g_string_append (q->sql, "WHERE 1 ");
  if (filter->match != NULL && filter->relevance_limit == 0)
    query_add_text (q, "AND archive_fts MATCH ? ", filter->match);
}

/* The publishing date: when step 5 last ended in "published", as the
 * step records keep it (the list, the dossier and the reports use the same
 * time). NULL for a publication never published. */
#define PUBLISHED_AT_SQL \
  "(SELECT max (s.exited_at) FROM step_records s WHERE s.publication_id = p.id " \
  " AND +s.exit_state = 'published')"

static void
append_conditions (Query                    *q,
                   const WartaArchiveFilter *filter)
{
  if (filter->by_published)
    {
      if (filter->from_us != 0)
        query_add_int (q, "AND " PUBLISHED_AT_SQL " >= ? ", filter->from_us);
      if (filter->to_us != 0)
        query_add_int (q, "AND " PUBLISHED_AT_SQL " < ? ", filter->to_us);
    }
  else
    {
      if (filter->from_us != 0)
        query_add_int (q, "AND p.created_at >= ? ", filter->from_us);
      if (filter->to_us != 0)
        query_add_int (q, "AND p.created_at < ? ", filter->to_us);
    }
  if (filter->category != NULL)
    query_add_text (q, "AND p.category = ? ", filter->category);
  if (filter->unit != NULL)
    query_add_text (q, "AND coalesce (ar.unit, '') = ? ", filter->unit);
  if (filter->platform != NULL)
    /* What the row shows (PLATFORMS_SQL): a publication matches a platform
     * it went to, by Warta or by hand. One still on its way, or whose
     * targets all failed, matches none, whatever its captions plan: its
     * row names no platform, and "Instagram" means what is on Instagram.
     * The platform's few accounts first (CROSS JOIN keeps that order),
     * each a seek in the UNIQUE (publication_id, account_id) index: half
     * the time of walking the publication's jobs to their accounts. The
     * unary plus keeps the state index out. */
    query_add_text (q, "AND EXISTS (SELECT 1 FROM accounts a CROSS JOIN outbox_jobs j "
                       "WHERE a.platform = ? AND j.publication_id = p.id "
                       "AND j.account_id = a.id AND +j.state IN ('done', 'manual')) ",
                    filter->platform);
  if (filter->states != 0)
    {
      gboolean first = TRUE;

      /* Unary plus: never the state index, which would make newest-first
       * sort every match before taking a page. */
      g_string_append (q->sql, "AND +p.state IN (");
      for (guint s = 0; s < WARTA_N_STATES; s++)
        if (filter->states & (1u << s))
          {
            query_add_text (q, first ? "?" : ", ?", warta_state_get_id (s));
            first = FALSE;
          }
      g_string_append (q->sql, ") ");
    }
  if (filter->publication_id != 0)
    query_add_int (q, "AND p.id = ? ", filter->publication_id);
  if (filter->person_id != 0)
    {
      query_add_int (q, "AND (p.created_by = ? ", filter->person_id);
      query_add_int (q, "OR EXISTS (SELECT 1 FROM events e WHERE e.publication_id = p.id "
                        "AND e.actor_id = ?)) ", filter->person_id);
    }
}

/**
 * warta_archive_repository_count:
 * @database: a #WartaDatabase
 * @filter: what to count
 * @limit: stop counting there (0: count all)
 * @out_count: (out): how many publications match, at most @limit
 * @error: where to put an error
 *
 * A bounded count walks the matches newest first and stops at @limit:
 * counting every match of a common word is what makes a search slow.
 */
gboolean
warta_archive_repository_count (WartaDatabase             *database,
                                const WartaArchiveFilter  *filter,
                                guint                      limit,
                                guint                     *out_count,
                                GError                   **error)
{
  g_auto(Query) q = { 0 };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (WARTA_IS_DATABASE (database), FALSE);

  query_init (&q);
  g_string_append (q.sql, limit > 0 ? "SELECT count(*) FROM (SELECT 1 " : "SELECT count(*) ");
  append_source (&q, filter, TRUE);
  append_conditions (&q, filter);
  if (limit > 0)
    {
      if (filter->match != NULL && filter->relevance_limit == 0)
        g_string_append (q.sql, "ORDER BY f.rowid DESC ");
      else if (filter->match == NULL)
        g_string_append (q.sql, "ORDER BY p.id DESC ");
      query_add_int (&q, "LIMIT ?)", limit);
    }

  stmt = _warta_database_prepare (database, q.sql->str, error);
  if (stmt == NULL)
    return FALSE;
  query_bind (&q, stmt);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _warta_database_set_error (database, error, rc, "archive count");
      return FALSE;
    }

  *out_count = (guint)sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(char * const *)a, *(char * const *)b);
}

/* The platforms a publication was published to, by Warta or by hand (a
 * caption is for a platform the editor offered, not one it went to). */
#define PLATFORMS_SQL \
  "(SELECT group_concat (a.platform, ',') FROM outbox_jobs j " \
  " JOIN accounts a ON a.id = j.account_id " \
  " WHERE j.publication_id = p.id AND j.state IN ('done', 'manual'))"

/* "x,facebook,x" → "facebook,x" */
static char *
sorted_platforms (const char *platforms)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);

  if (platforms == NULL || *platforms == '\0')
    return g_strdup ("");

  parts = g_strsplit (platforms, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      gboolean dup = FALSE;

      for (guint k = 0; k < seen->len; k++)
        dup |= g_str_equal (seen->pdata[k], parts[i]);
      if (!dup)
        g_ptr_array_add (seen, g_strdup (parts[i]));
    }
  g_ptr_array_sort (seen, compare_strings);
  g_ptr_array_add (seen, NULL);

  return g_strjoinv (",", (char **)seen->pdata);
}

#define ROW_COLUMNS \
  "p.id, p.title, p.state, p.category, coalesce (ar.unit, ''), u.display_name, " \
  PLATFORMS_SQL ", p.created_at, " \
  "coalesce (" PUBLISHED_AT_SQL ", 0) "

static WartaArchiveRow *
row_from_stmt (sqlite3_stmt *stmt)
{
  WartaArchiveRow *row = g_new0 (WartaArchiveRow, 1);
  WartaState state = warta_state_from_id ((const char *)sqlite3_column_text (stmt, 2));

  row->id = sqlite3_column_int64 (stmt, 0);
  row->title = _warta_column_dup (stmt, 1);
  row->state = state < WARTA_N_STATES ? state : WARTA_STATE_WITHDRAWN;
  row->category = _warta_column_dup (stmt, 3);
  row->unit = _warta_column_dup (stmt, 4);
  row->author = _warta_column_dup (stmt, 5);
  row->platforms = sorted_platforms ((const char *)sqlite3_column_text (stmt, 6));
  row->created_at = sqlite3_column_int64 (stmt, 7);
  row->published_at = sqlite3_column_int64 (stmt, 8);

  return row;
}

/**
 * warta_archive_repository_search:
 * @database: a #WartaDatabase
 * @filter: what to find
 * @offset: rows to skip
 * @limit: rows to return at most
 * @error: where to put an error
 *
 * Newest first, or by relevance among the newest
 * @filter->relevance_limit matches.
 *
 * Returns: (transfer full) (element-type WartaArchiveRow): the rows
 */
GPtrArray *
warta_archive_repository_search (WartaDatabase             *database,
                                 const WartaArchiveFilter  *filter,
                                 guint                      offset,
                                 guint                      limit,
                                 GError                   **error)
{
  g_auto(Query) q = { 0 };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)warta_archive_row_free);
  int rc;

  g_return_val_if_fail (WARTA_IS_DATABASE (database), NULL);

  query_init (&q);
  g_string_append (q.sql, "SELECT " ROW_COLUMNS);
  append_source (&q, filter, FALSE);
  append_conditions (&q, filter);
  if (filter->match != NULL && filter->relevance_limit > 0)
    g_string_append (q.sql, "ORDER BY f.score, p.id DESC ");
  else if (filter->match != NULL)
    g_string_append (q.sql, "ORDER BY f.rowid DESC ");
  else
    g_string_append (q.sql, "ORDER BY p.id DESC ");
  query_add_int (&q, "LIMIT ? ", limit);
  query_add_int (&q, "OFFSET ?", offset);

  stmt = _warta_database_prepare (database, q.sql->str, error);
  if (stmt == NULL)
    return NULL;
  query_bind (&q, stmt);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, row_from_stmt (stmt));

  if (rc != SQLITE_DONE)
    {
      _warta_database_set_error (database, error, rc, "archive search");
      return NULL;
    }

  return g_steal_pointer (&rows);
}

/**
 * warta_archive_repository_list_units:
 *
 * Returns: (transfer full): the units named in the register, sorted
 */
char **
warta_archive_repository_list_units (WartaDatabase  *database,
                                     GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  int rc;

  stmt = _warta_database_prepare (database,
                                  "SELECT DISTINCT unit FROM archive_register WHERE unit != '' "
                                  "ORDER BY unit",
                                  error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *)sqlite3_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      _warta_database_set_error (database, error, rc, "units");
      return NULL;
    }

  return g_strv_builder_end (builder);
}

gboolean
warta_archive_repository_foreach_published (WartaDatabase             *database,
                                            gint64                     from_us,
                                            gint64                     to_us,
                                            WartaArchivePublishedFunc  func,
                                            gpointer                   user_data,
                                            GError                   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _warta_database_prepare (database,
                                  "SELECT p.id, p.category, coalesce (ar.unit, ''), "
                                  PLATFORMS_SQL ", s.exited_at, p.correction_rounds "
                                  "FROM step_records s JOIN publications p ON p.id = s.publication_id "
                                  "LEFT JOIN archive_register ar ON ar.publication_id = p.id "
                                  "WHERE s.exit_state = 'published' AND s.exited_at >= ? "
                                  "AND s.exited_at < ? ORDER BY s.exited_at",
                                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, from_us);
  sqlite3_bind_int64 (stmt, 2, to_us);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *platforms =
        sorted_platforms ((const char *)sqlite3_column_text (stmt, 3));

      func (sqlite3_column_int64 (stmt, 0),
            (const char *)sqlite3_column_text (stmt, 1),
            (const char *)sqlite3_column_text (stmt, 2),
            platforms,
            sqlite3_column_int64 (stmt, 4),
            (guint)sqlite3_column_int (stmt, 5),
            user_data);
    }
  if (rc != SQLITE_DONE)
    {
      _warta_database_set_error (database, error, rc, "report");
      return FALSE;
    }

  return TRUE;
}

gboolean
warta_archive_repository_foreach_step (WartaDatabase         *database,
                                       gint64                 from_us,
                                       gint64                 to_us,
                                       WartaArchiveStepFunc   func,
                                       gpointer               user_data,
                                       GError               **error)
{
  /* One query per step, so each uses step_records_step (step, entered_at). */
  for (guint step = 1; step <= WARTA_N_STEPS; step++)
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;
      int rc;

      stmt = _warta_database_prepare (database,
                                      "SELECT s.publication_id, p.title, s.entered_at, s.deadline_at, "
                                      "coalesce (s.exited_at, 0), coalesce (s.exited_by, 0), "
                                      "u.display_name FROM step_records s "
                                      "JOIN publications p ON p.id = s.publication_id "
                                      "LEFT JOIN users u ON u.id = s.exited_by "
                                      "WHERE s.step = ? AND s.entered_at >= ? AND s.entered_at < ? "
                                      "ORDER BY s.entered_at",
                                      error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int (stmt, 1, (int)step);
      sqlite3_bind_int64 (stmt, 2, from_us);
      sqlite3_bind_int64 (stmt, 3, to_us);

      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        func (sqlite3_column_int64 (stmt, 0),
              (const char *)sqlite3_column_text (stmt, 1),
              step,
              sqlite3_column_int64 (stmt, 2),
              sqlite3_column_int64 (stmt, 3),
              sqlite3_column_int64 (stmt, 4),
              sqlite3_column_int64 (stmt, 5),
              (const char *)sqlite3_column_text (stmt, 6),
              user_data);
      if (rc != SQLITE_DONE)
        {
          _warta_database_set_error (database, error, rc, "report");
          return FALSE;
        }
    }

  return TRUE;
}

/* Dossier records ------------------------------------------------------- */

/* The tables of a publication's record, in the order an import writes
 * them, with the rows that belong to publication ?1. */
static const struct {
  const char *table;
  const char *where;
} record_tables[] = {
  { "users", "id IN (SELECT created_by FROM publications WHERE id = ?1 "
             "UNION SELECT updated_by FROM publications WHERE id = ?1 "
             "UNION SELECT author_id FROM revisions WHERE publication_id = ?1 "
             "UNION SELECT actor_id FROM events WHERE publication_id = ?1 "
             "UNION SELECT author_id FROM correction_notes WHERE publication_id = ?1 "
             "UNION SELECT resolved_by FROM correction_notes WHERE publication_id = ?1 "
             "UNION SELECT confirmed_by FROM correction_notes WHERE publication_id = ?1 "
             "UNION SELECT verifier_id FROM checklist_answers WHERE publication_id = ?1 "
             "UNION SELECT entered_by FROM step_records WHERE publication_id = ?1 "
             "UNION SELECT exited_by FROM step_records WHERE publication_id = ?1 "
             "UNION SELECT created_by FROM outbox_jobs WHERE publication_id = ?1 "
             "UNION SELECT taken_down_by FROM outbox_jobs WHERE publication_id = ?1 "
             "UNION SELECT by_hand_by FROM outbox_jobs WHERE publication_id = ?1 "
             "UNION SELECT corrected_by FROM post_corrections WHERE job_id IN "
             "  (SELECT id FROM outbox_jobs WHERE publication_id = ?1) "
             "UNION SELECT recorded_by FROM manual_proofs WHERE job_id IN "
             "  (SELECT id FROM outbox_jobs WHERE publication_id = ?1)) ORDER BY id" },
  { "publications", "id = ?1" },
  { "revisions", "publication_id = ?1 ORDER BY id" },
  { "revision_captions", "revision_id IN (SELECT id FROM revisions WHERE publication_id = ?1) "
                         "ORDER BY revision_id, target" },
  { "media_items", "revision_id IN (SELECT id FROM revisions WHERE publication_id = ?1) ORDER BY id" },
  { "correction_notes", "publication_id = ?1 ORDER BY id" },
  { "checklist_answers", "publication_id = ?1 ORDER BY revision_id, check_id" },
  { "step_records", "publication_id = ?1 ORDER BY id" },
  { "events", "publication_id = ?1 ORDER BY id" },
  { "archive_register", "publication_id = ?1" },
};

/* What the outbox's jobs point at: the accounts' public columns (their
 * secrets are in the keyring, never here) and the proof of each target
 * published by hand. An import writes back the targets that went out
 * (import_targets ()). */
static const struct {
  const char *table;
  const char *sql;
} target_tables[] = {
  { "accounts", "SELECT id, platform, display_name, base_url FROM accounts "
                "WHERE id IN (SELECT account_id FROM outbox_jobs WHERE publication_id = ?1) "
                "ORDER BY id" },
  { "manual_proofs", "SELECT * FROM manual_proofs WHERE job_id IN "
                     "(SELECT id FROM outbox_jobs WHERE publication_id = ?1) ORDER BY id" },
  { "post_corrections", "SELECT * FROM post_corrections WHERE job_id IN "
                        "(SELECT id FROM outbox_jobs WHERE publication_id = ?1) ORDER BY id" },
};

/* Users' secrets never leave the database. */
#define USER_COLUMNS "id, login, display_name, roles, is_admin, active"

static gboolean
is_identifier (const char *name)
{
  if (name == NULL || *name == '\0')
    return FALSE;
  for (const char *c = name; *c != '\0'; c++)
    if (!g_ascii_isalnum (*c) && *c != '_')
      return FALSE;
  return TRUE;
}

static JsonArray *
dump_rows (WartaDatabase  *database,
           const char     *sql,
           gint64          publication_id,
           GError        **error)
{
  g_autoptr(JsonArray) rows = json_array_new ();
  sqlite3_stmt *stmt;
  int rc;

  /* Not cached: the extra tables' statements vary with the schema. */
  rc = sqlite3_prepare_v2 (_warta_database_get_handle (database), sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _warta_database_set_error (database, error, rc, "dossier");
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, publication_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JsonObject *row = json_object_new ();
      int n = sqlite3_column_count (stmt);

      for (int i = 0; i < n; i++)
        {
          const char *name = sqlite3_column_name (stmt, i);

          switch (sqlite3_column_type (stmt, i))
            {
            case SQLITE_INTEGER:
              json_object_set_int_member (row, name, sqlite3_column_int64 (stmt, i));
              break;
            case SQLITE_FLOAT:
              json_object_set_double_member (row, name, sqlite3_column_double (stmt, i));
              break;
            case SQLITE_NULL:
              json_object_set_null_member (row, name);
              break;
            default:
              json_object_set_string_member (row, name, (const char *)sqlite3_column_text (stmt, i));
            }
        }
      json_array_add_object_element (rows, row);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      _warta_database_set_error (database, error, rc, "dossier");
      return NULL;
    }

  return g_steal_pointer (&rows);
}

static gboolean
table_has_column (WartaDatabase *database,
                  const char    *table,
                  const char    *column)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean found = FALSE;

  if (!is_identifier (table))
    return FALSE;

  sql = g_strdup_printf ("SELECT 1 FROM pragma_table_info ('%s') WHERE name = ?", table);
  if (sqlite3_prepare_v2 (_warta_database_get_handle (database), sql, -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, column, -1, SQLITE_STATIC);
      found = sqlite3_step (stmt) == SQLITE_ROW;
    }
  sqlite3_finalize (stmt);

  return found;
}

/* The outbox's tables (each target's job and result, migration 0007),
 * found by name and their publication_id, so a dossier carries them
 * whenever the database has them. Drafts are work in progress, not
 * record, and stay out. */
static GPtrArray *
list_extra_tables (WartaDatabase *database)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (_warta_database_get_handle (database),
                          "SELECT name FROM sqlite_schema WHERE type = 'table' "
                          "AND name LIKE 'outbox%' "
                          "ORDER BY name", -1, &stmt, NULL) != SQLITE_OK)
    return g_steal_pointer (&names);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *name = (const char *)sqlite3_column_text (stmt, 0);
      gboolean known = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (record_tables); i++)
        known |= g_str_equal (record_tables[i].table, name);
      if (!known && is_identifier (name))
        g_ptr_array_add (names, g_strdup (name));
    }
  sqlite3_finalize (stmt);

  for (guint i = names->len; i > 0; i--)
    if (!table_has_column (database, names->pdata[i - 1], "publication_id"))
      g_ptr_array_remove_index (names, i - 1);

  return g_steal_pointer (&names);
}

/**
 * warta_archive_repository_has_outbox:
 *
 * Returns: whether the database has tables of publishing targets (the
 *   outbox), whose rows dossiers then carry
 */
gboolean
warta_archive_repository_has_outbox (WartaDatabase *database)
{
  g_autoptr(GPtrArray) extra = list_extra_tables (database);

  return extra->len > 0;
}

/**
 * warta_archive_repository_get_records:
 * @database: a #WartaDatabase
 * @publication_id: the publication
 * @error: where to put an error
 *
 * Every row the database holds about a publication, table by table, with
 * the columns as stored (users without their password hashes). Tables of
 * the outbox are included when they exist, with the accounts their jobs
 * name and the proofs of targets published by hand.
 *
 * Returns: (transfer full): { table: [ row, … ], … }
 */
JsonObject *
warta_archive_repository_get_records (WartaDatabase  *database,
                                      gint64          publication_id,
                                      GError        **error)
{
  g_autoptr(JsonObject) records = json_object_new ();
  g_autoptr(GPtrArray) extra = NULL;

  g_return_val_if_fail (WARTA_IS_DATABASE (database), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (record_tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s WHERE %s",
                                              i == 0 ? USER_COLUMNS : "*",
                                              record_tables[i].table, record_tables[i].where);
      JsonArray *rows = dump_rows (database, sql, publication_id, error);

      if (rows == NULL)
        return NULL;
      if (i == 1 && json_array_get_length (rows) == 0)
        {
          json_array_unref (rows);
          g_set_error (error, WARTA_DB_ERROR, WARTA_DB_ERROR_FAILED,
                       _("The publication no longer exists. Reload the list."));
          return NULL;
        }
      json_object_set_array_member (records, record_tables[i].table, rows);
    }

  extra = list_extra_tables (database);
  for (guint i = 0; i < extra->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" WHERE publication_id = ?1 "
                                              "ORDER BY rowid", (char *)extra->pdata[i]);
      JsonArray *rows = dump_rows (database, sql, publication_id, error);

      if (rows == NULL)
        return NULL;
      json_object_set_array_member (records, extra->pdata[i], rows);
    }

  for (guint i = 0; extra->len > 0 && i < G_N_ELEMENTS (target_tables); i++)
    {
      JsonArray *rows = dump_rows (database, target_tables[i].sql, publication_id, error);

      if (rows == NULL)
        return NULL;
      json_object_set_array_member (records, target_tables[i].table, rows);
    }

  return g_steal_pointer (&records);
}

/**
 * warta_archive_repository_list_ids:
 *
 * Returns: (transfer full) (element-type gint64): the publications
 *   created in [@from_us, @to_us) (0: open), oldest first
 */
GArray *
warta_archive_repository_list_ids (WartaDatabase  *database,
                                   gint64          from_us,
                                   gint64          to_us,
                                   GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  stmt = _warta_database_prepare (database,
                                  "SELECT id FROM publications WHERE created_at >= ? AND created_at < ? "
                                  "ORDER BY id",
                                  error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, from_us);
  sqlite3_bind_int64 (stmt, 2, to_us != 0 ? to_us : G_MAXINT64);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      _warta_database_set_error (database, error, rc, "archive");
      return NULL;
    }

  return g_steal_pointer (&ids);
}

static gboolean
bind_json (sqlite3_stmt *stmt,
           int           index,
           JsonNode     *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return sqlite3_bind_null (stmt, index) == SQLITE_OK;
  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      return sqlite3_bind_int64 (stmt, index, json_node_get_int (node)) == SQLITE_OK;
    case G_TYPE_DOUBLE:
      return sqlite3_bind_double (stmt, index, json_node_get_double (node)) == SQLITE_OK;
    case G_TYPE_BOOLEAN:
      return sqlite3_bind_int (stmt, index, json_node_get_boolean (node)) == SQLITE_OK;
    case G_TYPE_STRING:
      return sqlite3_bind_text (stmt, index, json_node_get_string (node), -1,
                                SQLITE_TRANSIENT) == SQLITE_OK;
    default:
      return FALSE;
    }
}

static void
set_import_error (GError     **error,
                  const char  *table)
{
  g_set_error (error, WARTA_DB_ERROR, WARTA_DB_ERROR_FAILED,
               _("The export cannot be imported: its “%s” records are not valid. Export the publication again."),
               table);
}

/* INSERTs the rows of one table, with the columns this database has. */
static gboolean
import_table (WartaDatabase  *database,
              const char     *table,
              JsonArray      *rows,
              GError        **error)
{
  gboolean is_users = g_str_equal (table, "users");
  guint n = json_array_get_length (rows);

  for (guint i = 0; i < n; i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      g_autoptr(GString) sql = g_string_new (NULL);
      g_autoptr(GString) values = g_string_new (NULL);
      g_autoptr(GPtrArray) columns = g_ptr_array_new ();
      g_autoptr(GList) members = NULL;
      sqlite3_stmt *stmt = NULL;
      int rc;

      if (row == NULL)
        {
          set_import_error (error, table);
          return FALSE;
        }

      members = json_object_get_members (row);
      for (GList *l = members; l != NULL; l = l->next)
        if (is_identifier (l->data) && table_has_column (database, table, l->data))
          g_ptr_array_add (columns, l->data);

      /* Imported people cannot sign in until an administrator sets their
       * password: the export never carries it. */
      g_string_printf (sql, "INSERT %s INTO \"%s\" (", is_users ? "OR IGNORE" : "", table);
      for (guint k = 0; k < columns->len; k++)
        {
          g_string_append_printf (sql, "%s\"%s\"", k ? ", " : "", (char *)columns->pdata[k]);
          g_string_append (values, k ? ", ?" : "?");
        }
      if (is_users)
        {
          g_string_append (sql, ", password_hash, created_at");
          g_string_append (values, ", '!', 0");
        }
      g_string_append_printf (sql, ") VALUES (%s)", values->str);

      rc = sqlite3_prepare_v2 (_warta_database_get_handle (database), sql->str, -1, &stmt, NULL);
      if (rc != SQLITE_OK)
        {
          _warta_database_set_error (database, error, rc, "import");
          return FALSE;
        }
      for (guint k = 0; k < columns->len; k++)
        if (!bind_json (stmt, (int)k + 1, json_object_get_member (row, columns->pdata[k])))
          {
            sqlite3_finalize (stmt);
            set_import_error (error, table);
            return FALSE;
          }

      rc = sqlite3_step (stmt);
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        {
          if ((rc & 0xff) == SQLITE_CONSTRAINT)
            g_set_error (error, WARTA_DB_ERROR, WARTA_DB_ERROR_CONFLICT,
                         _("The export cannot be imported: this database already holds some of its records. Import it into a new, empty database."));
          else
            _warta_database_set_error (database, error, rc, "import");
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
reindex (WartaDatabase  *database,
         gint64          publication_id,
         GError        **error)
{
  g_autoptr(sqlite3_stmt) del = NULL;
  g_autoptr(sqlite3_stmt) ins = NULL;

  del = _warta_database_prepare (database, "DELETE FROM archive_fts WHERE rowid = ?", error);
  if (del == NULL)
    return FALSE;
  sqlite3_bind_int64 (del, 1, publication_id);
  if (sqlite3_step (del) != SQLITE_DONE)
    {
      _warta_database_set_error (database, error, sqlite3_errcode (_warta_database_get_handle (database)), "index");
      return FALSE;
    }

  ins = _warta_database_prepare (database,
                                 "INSERT INTO archive_fts (rowid, title, body, captions, notes, names) "
                                 "SELECT id, title, body, captions, notes, names FROM archive_documents "
                                 "WHERE id = ?",
                                 error);
  if (ins == NULL)
    return FALSE;
  sqlite3_bind_int64 (ins, 1, publication_id);
  if (sqlite3_step (ins) != SQLITE_DONE)
    {
      _warta_database_set_error (database, error, sqlite3_errcode (_warta_database_get_handle (database)), "index");
      return FALSE;
    }

  return TRUE;
}

/* The account an imported target names: this database's account of the
 * same platform and name (a present one first), or a new one, removed
 * from the start, that only keeps the record (no keyring item names it,
 * so nothing can be sent with it). The exported id is kept when free. */
static gint64
import_account (WartaDatabase  *database,
                JsonObject     *account,
                GError        **error)
{
  g_autoptr(sqlite3_stmt) find = NULL;
  g_autoptr(sqlite3_stmt) add = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *keyring_id = g_strconcat ("imported-", uuid, NULL);
  JsonNode *platform = json_object_get_member (account, "platform");
  JsonNode *name = json_object_get_member (account, "display_name");
  JsonNode *base_url = json_object_get_member (account, "base_url");
  int rc;

  find = _warta_database_prepare (database,
                                  "SELECT id FROM accounts WHERE platform = ? AND display_name = ? "
                                  "ORDER BY removed_at IS NOT NULL, id LIMIT 1",
                                  error);
  if (find == NULL)
    return 0;
  if (platform == NULL || name == NULL ||
      !bind_json (find, 1, platform) || !bind_json (find, 2, name))
    {
      set_import_error (error, "accounts");
      return 0;
    }
  rc = sqlite3_step (find);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (find, 0);
  if (rc != SQLITE_DONE)
    {
      _warta_database_set_error (database, error, rc, "import");
      return 0;
    }

  add = _warta_database_prepare (database,
                                 "INSERT INTO accounts (id, platform, display_name, base_url, "
                                 "keyring_id, created_at, removed_at) VALUES "
                                 "((SELECT CASE WHEN count(*) THEN NULL ELSE ?1 END FROM accounts "
                                 "  WHERE id = ?1), ?2, ?3, coalesce (?4, ''), ?5, ?6, ?6)",
                                 error);
  if (add == NULL)
    return 0;
  sqlite3_bind_int64 (add, 1, json_object_get_int_member_with_default (account, "id", 0));
  bind_json (add, 2, platform);
  bind_json (add, 3, name);
  if (!bind_json (add, 4, base_url))
    sqlite3_bind_null (add, 4);
  sqlite3_bind_text (add, 5, keyring_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (add, 6, g_get_real_time ());
  rc = sqlite3_step (add);
  if (rc != SQLITE_DONE)
    {
      _warta_database_set_error (database, error, rc, "import");
      return 0;
    }

  return sqlite3_last_insert_rowid (_warta_database_get_handle (database));
}

/* A table's rows in @records, NULL when it has none. */
static JsonArray *
records_of (JsonObject *records,
            const char *table)
{
  JsonNode *node = json_object_get_member (records, table);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

/* The rows of @rows (proofs, corrections) whose job is in @job_ids. */
static void
keep_rows_of_jobs (JsonArray  *rows,
                   GHashTable *job_ids,
                   JsonArray  *kept)
{
  for (guint i = 0; rows != NULL && i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      gint64 job_id = 0;

      if (row != NULL)
        job_id = json_object_get_int_member_with_default (row, "job_id", 0);

      if (g_hash_table_contains (job_ids, &job_id))
        json_array_add_object_element (kept, json_object_ref (row));
    }
}

/* The targets that went out, by Warta or by hand, with their results
 * (remote id, address, time, who, a hand record's proof), so the
 * imported rows, filters and reports name the platforms as the exporting
 * database did. Their ids are kept, as the other records' are. Targets
 * that did not go out (pending, failed, cancelled) stay evidence in the
 * manifest only: written back, an outbox would send them. */
static gboolean
import_targets (WartaDatabase  *database,
                JsonObject     *records,
                GError        **error)
{
  JsonArray *jobs = records_of (records, "outbox_jobs");
  JsonArray *accounts = records_of (records, "accounts");
  JsonArray *proofs = records_of (records, "manual_proofs");
  JsonArray *corrections = records_of (records, "post_corrections");
  g_autoptr(JsonArray) kept_jobs = json_array_new ();
  g_autoptr(JsonArray) kept_proofs = json_array_new ();
  g_autoptr(JsonArray) kept_corrections = json_array_new ();
  g_autoptr(GHashTable) account_ids = NULL;
  g_autoptr(GHashTable) job_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  account_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  for (guint i = 0; jobs != NULL && i < json_array_get_length (jobs); i++)
    {
      JsonObject *job = json_array_get_object_element (jobs, i);
      JsonObject *copy;
      JsonObject *account = NULL;
      g_autoptr(GList) members = NULL;
      const char *state;
      gint64 exported_account, job_id, *account_id;

      if (job == NULL || !json_object_has_member (job, "id") ||
          !json_object_has_member (job, "state"))
        {
          set_import_error (error, "outbox_jobs");
          return FALSE;
        }
      state = json_object_get_string_member (job, "state");
      if (g_strcmp0 (state, "done") != 0 && g_strcmp0 (state, "manual") != 0)
        continue;

      exported_account = json_object_get_int_member_with_default (job, "account_id", 0);
      account_id = g_hash_table_lookup (account_ids, &exported_account);
      if (account_id == NULL)
        {
          gint64 id;

          for (guint k = 0; accounts != NULL && k < json_array_get_length (accounts); k++)
            {
              JsonObject *row = json_array_get_object_element (accounts, k);

              if (row != NULL &&
                  json_object_get_int_member_with_default (row, "id", 0) == exported_account)
                account = row;
            }
          if (account == NULL)
            {
              set_import_error (error, "accounts");
              return FALSE;
            }
          id = import_account (database, account, error);
          if (id == 0)
            return FALSE;
          account_id = g_memdup2 (&id, sizeof id);
          g_hash_table_insert (account_ids, g_memdup2 (&exported_account, sizeof exported_account),
                               account_id);
        }

      /* The job as exported, on this database's account, leased by nobody. */
      copy = json_object_new ();
      members = json_object_get_members (job);
      for (GList *l = members; l != NULL; l = l->next)
        json_object_set_member (copy, l->data,
                                json_node_copy (json_object_get_member (job, l->data)));
      json_object_set_int_member (copy, "account_id", *account_id);
      json_object_set_null_member (copy, "lease_owner");
      json_object_set_int_member (copy, "lease_until", 0);
      json_array_add_object_element (kept_jobs, copy);
      job_id = json_object_get_int_member (job, "id");
      g_hash_table_add (job_ids, g_memdup2 (&job_id, sizeof job_id));
    }

  keep_rows_of_jobs (proofs, job_ids, kept_proofs);
  keep_rows_of_jobs (corrections, job_ids, kept_corrections);

  return import_table (database, "outbox_jobs", kept_jobs, error) &&
         import_table (database, "manual_proofs", kept_proofs, error) &&
         import_table (database, "post_corrections", kept_corrections, error);
}

static gboolean
import_in_transaction (WartaDatabase  *database,
                       JsonObject     *records,
                       GError        **error)
{
  JsonArray *pubs;

  for (guint i = 0; i < G_N_ELEMENTS (record_tables); i++)
    {
      JsonArray *rows;

      if (!json_object_has_member (records, record_tables[i].table))
        continue;
      rows = json_object_get_array_member (records, record_tables[i].table);
      if (rows == NULL)
        {
          set_import_error (error, record_tables[i].table);
          return FALSE;
        }
      if (!import_table (database, record_tables[i].table, rows, error))
        return FALSE;
    }

  if (!import_targets (database, records, error))
    return FALSE;

  pubs = json_object_get_array_member (records, "publications");
  for (guint i = 0; pubs != NULL && i < json_array_get_length (pubs); i++)
    {
      JsonObject *pub = json_array_get_object_element (pubs, i);

      if (pub == NULL || !reindex (database, json_object_get_int_member (pub, "id"), error))
        return FALSE;
    }

  /* The chain's head follows the newest event, as after any append. */
  return _warta_database_exec (database,
                               "INSERT OR REPLACE INTO warta_meta (key, value) "
                               "SELECT 'history-head', id || ' ' || hash FROM events "
                               "ORDER BY id DESC LIMIT 1",
                               error);
}

/**
 * warta_archive_repository_import:
 * @database: a #WartaDatabase, normally new and empty
 * @records: (element-type JsonObject): each publication's records, as
 *   warta_archive_repository_get_records() returned them
 * @anchor_ids: (array length=n_anchors): imported events that do not
 *   chain on from the imported event before them
 * @anchor_hashes: (array length=n_anchors): the hash that preceded each
 *   in the exporting database
 * @n_anchors: how many
 * @cancellable: (nullable): a #GCancellable, looked at between
 *   publications
 * @error: a %WARTA_DB_ERROR_CONFLICT when records with the same ids exist
 *
 * Writes the publications' records back as they were, ids, hashes and
 * times included, and the history's anchors, in one transaction: a
 * failed or cancelled import leaves @database as it was. People are
 * imported without their passwords. The targets that went out are written
 * back with their results, on accounts of the same platform and name, or
 * on new removed ones; a hand record's screenshot_path is taken as it is
 * in @records (the caller copies the file and says where it now is).
 */
gboolean
warta_archive_repository_import (WartaDatabase       *database,
                                 GPtrArray           *records,
                                 const gint64        *anchor_ids,
                                 const char * const  *anchor_hashes,
                                 guint                n_anchors,
                                 GCancellable        *cancellable,
                                 GError             **error)
{
  g_return_val_if_fail (WARTA_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (records != NULL, FALSE);

  if (!_warta_database_begin_write (database, error))
    return FALSE;

  for (guint i = 0; i < records->len; i++)
    if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
        !import_in_transaction (database, records->pdata[i], error))
      goto fail;

  if (!_warta_event_log_add_anchors (database, anchor_ids, anchor_hashes, n_anchors, error) ||
      g_cancellable_set_error_if_cancelled (cancellable, error))
    goto fail;

  return _warta_database_commit (database, error);

fail:
  _warta_database_rollback (database);
  return FALSE;
}

/**
 * warta_archive_repository_is_empty:
 * @database: a #WartaDatabase
 * @out_empty: (out): whether it holds no people, publications nor events
 * @error: where to put an error
 *
 * An export is imported with its ids, people included: only into such a
 * database are they nobody else's.
 */
gboolean
warta_archive_repository_is_empty (WartaDatabase  *database,
                                   gboolean       *out_empty,
                                   GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (WARTA_IS_DATABASE (database), FALSE);

  stmt = _warta_database_prepare (database,
                                  "SELECT EXISTS (SELECT 1 FROM users) "
                                  "OR EXISTS (SELECT 1 FROM publications) "
                                  "OR EXISTS (SELECT 1 FROM events)",
                                  error);
  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _warta_database_set_error (database, error, rc, "empty");
      return FALSE;
    }
  *out_empty = sqlite3_column_int (stmt, 0) == 0;

  return TRUE;
}

/* Retention ------------------------------------------------------------- */

#define USEC_PER_YEAR ((gint64)(365.25 * 24 * 3600) * G_USEC_PER_SEC)

/**
 * warta_archive_repository_list_due:
 *
 * A year is 365.25 days here; 0 years keeps a category for ever.
 *
 * Returns: (transfer full) (element-type WartaArchiveRow): due items,
 *   oldest first
 */
GPtrArray *
warta_archive_repository_list_due (WartaDatabase       *database,
                                   const char * const  *categories,
                                   const guint         *years,
                                   gint64               now_us,
                                   guint                limit,
                                   GError             **error)
{
  g_auto(Query) q = { 0 };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)warta_archive_row_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  query_init (&q);
  g_string_append (q.sql, "SELECT " ROW_COLUMNS "FROM publications p "
                          "JOIN step_records s0 ON s0.publication_id = p.id "
                          "AND s0.exit_state = 'published' "
                          "LEFT JOIN archive_register ar ON ar.publication_id = p.id "
                          "LEFT JOIN users u ON u.id = p.created_by "
                          "WHERE s0.exited_at + CASE p.category ");
  for (guint i = 0; categories[i] != NULL; i++)
    {
      if (years[i] == 0)
        continue;
      query_add_text (&q, "WHEN ? ", categories[i]);
      query_add_int (&q, "THEN ? ", years[i] * USEC_PER_YEAR);
    }
  query_add_int (&q, "ELSE NULL END <= ? ", now_us);
  g_string_append (q.sql, "AND NOT EXISTS (SELECT 1 FROM events e WHERE e.publication_id = p.id "
                          "AND e.kind = 'disposition') ORDER BY s0.exited_at ");
  query_add_int (&q, "LIMIT ?", limit);

  stmt = _warta_database_prepare (database, q.sql->str, error);
  if (stmt == NULL)
    return NULL;
  query_bind (&q, stmt);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, row_from_stmt (stmt));
  if (rc != SQLITE_DONE)
    {
      _warta_database_set_error (database, error, rc, "retention");
      return NULL;
    }

  return g_steal_pointer (&rows);
}

/* Who decides what the records schedule (JRA) does with an item: the
 * social media admin, who keeps the archive, and the approver, the head
 * who approves its publication. */
#define DISPOSITION_ROLES (WARTA_ROLE_SOCIAL_MEDIA_ADMIN | WARTA_ROLE_APPROVER)

/**
 * warta_archive_repository_can_record_disposition:
 * @actor: (nullable): a user; %NULL for nobody
 *
 * Returns: whether @actor, as the caller knows the account, may record a
 *   disposition: an active social media admin or approver. The record
 *   checks the stored account again.
 */
gboolean
warta_archive_repository_can_record_disposition (WartaUser *actor)
{
  g_return_val_if_fail (actor == NULL || WARTA_IS_USER (actor), FALSE);

  return actor != NULL && warta_user_get_active (actor) &&
         (warta_user_get_roles (actor) & DISPOSITION_ROLES) != 0;
}

/**
 * warta_archive_repository_record_disposition:
 * @actor_id: who records it: an active social media admin or approver,
 *   as stored now (another workstation may have changed the roles)
 * @decision: "keep", "reappraise" or "destroy"
 *
 * Records the disposition decision as an event in the history. Nothing is
 * deleted: destroying the record itself, where the JRA says so, is done
 * by the records office, and the decision stays on record. Anyone else
 * is refused (%WARTA_WORKFLOW_ERROR_FORBIDDEN, saying whom to ask) and
 * nothing is written.
 */
gboolean
warta_archive_repository_record_disposition (WartaDatabase  *database,
                                             gint64          publication_id,
                                             gint64          actor_id,
                                             gint64          at_us,
                                             const char     *decision,
                                             const char     *note,
                                             GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *state = NULL;
  g_autofree char *text = NULL;
  WartaRole roles;
  gboolean active;

  g_return_val_if_fail (decision != NULL, FALSE);

  if (!_warta_database_begin_write (database, error))
    return FALSE;

  if (!_warta_user_load_stored (database, actor_id, &active, &roles, NULL, error))
    goto fail;
  if ((roles & DISPOSITION_ROLES) == 0)
    {
      g_set_error_literal (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_FORBIDDEN,
                           _("Only the social media admin or the approver records what the records schedule (JRA) decides for an item. Ask one of them to record it."));
      goto fail;
    }

  stmt = _warta_database_prepare (database, "SELECT state FROM publications WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, publication_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, WARTA_DB_ERROR, WARTA_DB_ERROR_FAILED,
                   _("The publication no longer exists. Reload the list."));
      goto fail;
    }
  state = _warta_column_dup (stmt, 0);
  _warta_stmt_reset (stmt);

  text = note != NULL && *note != '\0' ? g_strdup_printf ("%s: %s", decision, note)
                                       : g_strdup (decision);
  if (_warta_event_log_append (database, publication_id, at_us, actor_id, NULL, "disposition",
                               state, state, 0, text, error) == 0)
    goto fail;

  return _warta_database_commit (database, error);

fail:
  _warta_database_rollback (database);
  return FALSE;
}

gboolean
warta_archive_repository_set_unit (WartaDatabase  *database,
                                   gint64          publication_id,
                                   const char     *unit,
                                   GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!_warta_database_begin_write (database, error))
    return FALSE;

  stmt = _warta_database_prepare (database,
                                  "INSERT INTO archive_register (publication_id, unit) VALUES (?, ?) "
                                  "ON CONFLICT (publication_id) DO UPDATE SET unit = excluded.unit",
                                  error);
  if (stmt == NULL)
    {
      _warta_database_rollback (database);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, publication_id);
  sqlite3_bind_text (stmt, 2, unit != NULL ? unit : "", -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      _warta_database_set_error (database, error, rc, "register");
      _warta_database_rollback (database);
      return FALSE;
    }

  return _warta_database_commit (database, error);
}
