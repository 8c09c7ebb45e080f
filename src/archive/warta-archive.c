/* warta-archive.c: searching the archive, and the archive's worker
 *
 * What a user types becomes an FTS5 expression of quoted prefix tokens
 * only ("kepala"* "dinas"*): quotes, stars, parentheses, NEAR, AND, OR and
 * column filters in the input are plain text, never syntax.
 *
 * Heavy work (search, counts, reports, dossiers, export, verification)
 * runs in GTask threads on a second, read-only-in-practice connection to
 * the same file, opened on first use and used by one thread at a time;
 * the results complete on the caller's main context. The UI's own
 * connection is never touched off the main thread.
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "warta-archive"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "warta-archive.h"
#include "warta-archive-item.h"
#include "warta-archive-repository.h"
#include "warta-event-log.h"

/* More words than anyone types; keeps a pasted paragraph cheap. */
#define MAX_TOKENS 16

G_DEFINE_BOXED_TYPE (WartaArchiveQuery, warta_archive_query,
                     warta_archive_query_copy, warta_archive_query_free)

WartaArchiveQuery *
warta_archive_query_new (void)
{
  WartaArchiveQuery *query = g_new0 (WartaArchiveQuery, 1);

  query->states = WARTA_ARCHIVE_STATES_DEFAULT;
  return query;
}

WartaArchiveQuery *
warta_archive_query_copy (const WartaArchiveQuery *query)
{
  WartaArchiveQuery *copy = g_memdup2 (query, sizeof *query);

  copy->text = g_strdup (query->text);
  copy->platform = g_strdup (query->platform);
  copy->category = g_strdup (query->category);
  copy->unit = g_strdup (query->unit);

  return copy;
}

void
warta_archive_query_free (WartaArchiveQuery *query)
{
  if (query == NULL)
    return;

  g_free (query->text);
  g_free (query->platform);
  g_free (query->category);
  g_free (query->unit);
  g_free (query);
}

static gboolean
is_word_char (gunichar c)
{
  /* unicode61 keeps letters, digits and marks in tokens; everything else
   * separates them, so splitting the same way loses nothing. */
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

/**
 * warta_archive_build_match:
 * @text: (nullable): what the user typed
 *
 * Turns free text into an FTS5 expression: every word becomes a quoted
 * prefix token, and the tokens are ANDed. Nothing of @text is ever read
 * as FTS5 syntax.
 *
 * Returns: (transfer full) (nullable): the expression, or %NULL when
 *   @text has no words
 */
char *
warta_archive_build_match (const char *text)
{
  g_autofree char *valid = NULL;
  g_autofree char *normal = NULL;
  g_autoptr(GString) match = NULL;
  g_autoptr(GString) word = g_string_new (NULL);
  guint n_tokens = 0;

  if (text == NULL)
    return NULL;

  valid = g_utf8_make_valid (text, -1);
  normal = g_utf8_normalize (valid, -1, G_NORMALIZE_NFC);
  if (normal == NULL)
    return NULL;

  match = g_string_new (NULL);
  for (const char *p = normal;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && is_word_char (c))
        {
          g_string_append_unichar (word, c);
          continue;
        }

      if (word->len > 0 && n_tokens < MAX_TOKENS)
        {
          if (match->len > 0)
            g_string_append_c (match, ' ');
          g_string_append_c (match, '"');
          /* Cannot hold a quote after the split, but a doubled quote is
           * how FTS5 escapes one, should the rule above ever change. */
          for (const char *w = word->str; *w != '\0'; w++)
            {
              if (*w == '"')
                g_string_append_c (match, '"');
              g_string_append_c (match, *w);
            }
          g_string_append (match, "\"*");
          n_tokens++;
        }
      g_string_truncate (word, 0);

      if (c == 0)
        break;
    }

  if (match->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&match), FALSE);
}

struct _WartaArchive
{
  GObject           parent_instance;

  WartaDatabase    *database;

  /* The worker's connection, only ever used with reader_lock held. */
  GMutex            reader_lock;
  WartaDatabase    *reader;
};

G_DEFINE_FINAL_TYPE (WartaArchive, warta_archive, G_TYPE_OBJECT)

static void
warta_archive_finalize (GObject *object)
{
  WartaArchive *self = (WartaArchive *)object;

  g_clear_object (&self->reader);
  g_clear_object (&self->database);
  g_mutex_clear (&self->reader_lock);

  G_OBJECT_CLASS (warta_archive_parent_class)->finalize (object);
}

static void
warta_archive_class_init (WartaArchiveClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = warta_archive_finalize;
}

static void
warta_archive_init (WartaArchive *self)
{
  g_mutex_init (&self->reader_lock);
}

/**
 * warta_archive_new:
 * @database: the window's connection; its file is opened again for the
 *   worker
 */
WartaArchive *
warta_archive_new (WartaDatabase *database)
{
  WartaArchive *self;

  g_return_val_if_fail (WARTA_IS_DATABASE (database), NULL);

  self = g_object_new (WARTA_TYPE_ARCHIVE, NULL);
  self->database = g_object_ref (database);

  return self;
}

WartaDatabase *
warta_archive_get_database (WartaArchive *self)
{
  g_return_val_if_fail (WARTA_IS_ARCHIVE (self), NULL);

  return self->database;
}

static void
filter_init (WartaArchiveFilter      *filter,
             const WartaArchiveQuery *query,
             const char              *match)
{
  *filter = (WartaArchiveFilter) {
    .match = match,
    .from_us = query->from_us,
    .to_us = query->to_us,
    .by_published = query->date == WARTA_ARCHIVE_DATE_PUBLISHED,
    .platform = query->platform,
    .category = query->category,
    .unit = query->unit,
    .states = query->states,
    .person_id = query->person_id,
    .publication_id = query->publication_id,
    .relevance_limit = query->relevance && match != NULL ? WARTA_ARCHIVE_RELEVANCE_CANDIDATES : 0,
  };
}

static GPtrArray *
search_on (WartaDatabase            *database,
           const WartaArchiveQuery  *query,
           guint                     offset,
           guint                     limit,
           guint                     count_limit,
           guint                    *out_count,
           GError                  **error)
{
  g_autofree char *match = warta_archive_build_match (query->text);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) items = NULL;
  WartaArchiveFilter filter;

  filter_init (&filter, query, match);

  if (out_count != NULL &&
      !warta_archive_repository_count (database, &filter, count_limit, out_count, error))
    return NULL;

  if (limit == 0)
    return g_ptr_array_new_with_free_func (g_object_unref);

  rows = warta_archive_repository_search (database, &filter, offset, limit, error);
  if (rows == NULL)
    return NULL;

  items = g_ptr_array_new_full (rows->len, g_object_unref);
  for (guint i = 0; i < rows->len; i++)
    g_ptr_array_add (items, warta_archive_item_new_from_row (rows->pdata[i]));

  return g_steal_pointer (&items);
}

/**
 * warta_archive_search:
 * @self: a #WartaArchive
 * @query: what to find
 * @offset: items to skip
 * @limit: items to return at most
 * @error: where to put an error
 *
 * Searches on the caller's thread, with the archive's main connection.
 *
 * Returns: (transfer full) (element-type WartaArchiveItem): the items
 */
GPtrArray *
warta_archive_search (WartaArchive             *self,
                      const WartaArchiveQuery  *query,
                      guint                     offset,
                      guint                     limit,
                      GError                  **error)
{
  g_return_val_if_fail (WARTA_IS_ARCHIVE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  return search_on (self->database, query, offset, limit, 0, NULL, error);
}

gboolean
warta_archive_count (WartaArchive             *self,
                     const WartaArchiveQuery  *query,
                     guint                    *out_count,
                     GError                  **error)
{
  g_autofree char *match = NULL;
  WartaArchiveFilter filter;

  g_return_val_if_fail (WARTA_IS_ARCHIVE (self), FALSE);

  match = warta_archive_build_match (query->text);
  filter_init (&filter, query, match);

  return warta_archive_repository_count (self->database, &filter, 0, out_count, error);
}

/**
 * warta_archive_count_first:
 *
 * Counts up to %WARTA_ARCHIVE_FIRST_COUNT matches, newest first: what a
 * list shows at once.
 */
gboolean
warta_archive_count_first (WartaArchive             *self,
                           const WartaArchiveQuery  *query,
                           guint                    *out_count,
                           GError                  **error)
{
  g_autofree char *match = NULL;
  WartaArchiveFilter filter;

  g_return_val_if_fail (WARTA_IS_ARCHIVE (self), FALSE);

  match = warta_archive_build_match (query->text);
  filter_init (&filter, query, match);

  return warta_archive_repository_count (self->database, &filter, WARTA_ARCHIVE_FIRST_COUNT,
                                         out_count, error);
}

/* The worker ------------------------------------------------------------ */

typedef struct
{
  WartaArchiveWorkFunc  func;
  gpointer              data;
  GDestroyNotify        data_destroy;
  GDestroyNotify        result_destroy;
} Work;

static void
work_free (Work *work)
{
  if (work->data_destroy != NULL)
    work->data_destroy (work->data);
  g_free (work);
}

/* The worker's connection, opened on first use. */
static gboolean
ensure_reader (WartaArchive  *self,
               GError       **error)
{
  if (self->reader == NULL)
    self->reader = warta_database_open_for_worker (self->database, error);

  return self->reader != NULL;
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  WartaArchive *self = source_object;
  Work *work = task_data;
  g_autoptr(GError) error = NULL;
  gpointer result = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  g_mutex_lock (&self->reader_lock);
  if (ensure_reader (self, &error))
    result = work->func (self->reader, work->data, cancellable, &error);
  g_mutex_unlock (&self->reader_lock);

  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, result, work->result_destroy);
}

/**
 * warta_archive_run_async:
 * @self: a #WartaArchive
 * @func: the work, run in a worker thread on the worker's connection
 * @data: (transfer full): its data
 * @data_destroy: frees @data
 * @result_destroy: frees what @func returns, if nobody takes it
 * @cancellable: a #GCancellable
 * @callback: called on the caller's main context
 * @user_data: for @callback
 */
void
warta_archive_run_async (WartaArchive          *self,
                         WartaArchiveWorkFunc   func,
                         gpointer               data,
                         GDestroyNotify         data_destroy,
                         GDestroyNotify         result_destroy,
                         GCancellable          *cancellable,
                         GAsyncReadyCallback    callback,
                         gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  Work *work;

  g_return_if_fail (WARTA_IS_ARCHIVE (self));

  work = g_new0 (Work, 1);
  work->func = func;
  work->data = data;
  work->data_destroy = data_destroy;
  work->result_destroy = result_destroy;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, warta_archive_run_async);
  g_task_set_task_data (task, work, (GDestroyNotify)work_free);
  g_task_run_in_thread (task, run_thread);
}

gpointer
warta_archive_run_finish (WartaArchive  *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

typedef struct
{
  WartaArchiveQuery *query;
  guint              offset;
  guint              limit;
  gboolean           count;
  guint              count_limit;
} SearchData;

typedef struct
{
  GPtrArray *items;
  guint      count;
} SearchResult;

static void
search_data_free (SearchData *data)
{
  warta_archive_query_free (data->query);
  g_free (data);
}

static void
search_result_free (SearchResult *result)
{
  g_clear_pointer (&result->items, g_ptr_array_unref);
  g_free (result);
}

static gpointer
search_work (WartaDatabase  *reader,
             gpointer        data,
             GCancellable   *cancellable,
             GError        **error)
{
  SearchData *search = data;
  SearchResult *result = g_new0 (SearchResult, 1);

  result->items = search_on (reader, search->query, search->offset, search->limit,
                             search->count_limit, search->count ? &result->count : NULL, error);
  if (result->items == NULL)
    {
      search_result_free (result);
      return NULL;
    }

  return result;
}

/**
 * warta_archive_search_async:
 * @count: also count the matches
 * @count_limit: count no further than this (0: all)
 *
 * Searches in the worker thread.
 */
void
warta_archive_search_async (WartaArchive             *self,
                            const WartaArchiveQuery  *query,
                            guint                     offset,
                            guint                     limit,
                            gboolean                  count,
                            guint                     count_limit,
                            GCancellable             *cancellable,
                            GAsyncReadyCallback       callback,
                            gpointer                  user_data)
{
  SearchData *data = g_new0 (SearchData, 1);

  data->query = warta_archive_query_copy (query);
  data->offset = offset;
  data->limit = limit;
  data->count = count;
  data->count_limit = count_limit;

  warta_archive_run_async (self, search_work, data, (GDestroyNotify)search_data_free,
                           (GDestroyNotify)search_result_free, cancellable, callback, user_data);
}

/**
 * warta_archive_search_finish:
 * @out_count: (out) (optional): all matches, when counted
 *
 * Returns: (transfer full) (element-type WartaArchiveItem): the items
 */
GPtrArray *
warta_archive_search_finish (WartaArchive  *self,
                             GAsyncResult  *result,
                             guint         *out_count,
                             GError       **error)
{
  SearchResult *search = warta_archive_run_finish (self, result, error);
  GPtrArray *items;

  if (search == NULL)
    return NULL;

  if (out_count != NULL)
    *out_count = search->count;
  items = g_steal_pointer (&search->items);
  search_result_free (search);

  return items;
}

static gpointer
verify_work (WartaDatabase  *reader,
             gpointer        data,
             GCancellable   *cancellable,
             GError        **error)
{
  gint64 *broken = g_new0 (gint64, 1);
  g_autoptr(GError) local_error = NULL;

  /* A broken chain is a result, not a failure of the check. */
  if (!warta_store_verify_history (reader, broken, &local_error) && *broken == 0)
    {
      g_free (broken);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return broken;
}

/**
 * warta_archive_verify_async:
 *
 * Runs warta_store_verify_history() in the worker thread.
 */
void
warta_archive_verify_async (WartaArchive        *self,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  warta_archive_run_async (self, verify_work, NULL, NULL, g_free, cancellable, callback, user_data);
}

/**
 * warta_archive_verify_finish:
 * @out_broken_event_id: (out): the first event whose link is broken, or 0
 *
 * Returns: %TRUE when the check ran; then *@out_broken_event_id says
 *   whether the history is intact (0)
 */
gboolean
warta_archive_verify_finish (WartaArchive  *self,
                             GAsyncResult  *result,
                             gint64        *out_broken_event_id,
                             GError       **error)
{
  g_autofree gint64 *broken = warta_archive_run_finish (self, result, error);

  if (broken == NULL)
    return FALSE;

  *out_broken_event_id = *broken;
  return TRUE;
}
