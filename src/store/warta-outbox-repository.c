/* warta-outbox-repository.c: the outbox's jobs, confirmed steps and proofs
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Never twice, never lost: a job is written before any request, and each
 * remote step the platform confirmed is committed before the next request
 * is sent. The publication's move to published / partially published /
 * failed commits in the same transaction as its last job's result.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "warta-database-private.h"
#include "warta-event-log-private.h"
#include "warta-outbox-repository.h"
#include "warta-publication-repository-private.h"
#include "warta-user-repository-private.h"

struct _WartaOutboxRepository
{
  GObject                     parent_instance;

  WartaPublicationRepository *publications;
  WartaDatabase              *database;
  WartaClock                 *clock;
};

G_DEFINE_FINAL_TYPE (WartaOutboxRepository, warta_outbox_repository, G_TYPE_OBJECT)

static void
warta_outbox_repository_finalize (GObject *object)
{
  WartaOutboxRepository *self = WARTA_OUTBOX_REPOSITORY (object);

  g_clear_object (&self->publications);
  g_clear_object (&self->database);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (warta_outbox_repository_parent_class)->finalize (object);
}

static void
warta_outbox_repository_class_init (WartaOutboxRepositoryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = warta_outbox_repository_finalize;
}

static void
warta_outbox_repository_init (WartaOutboxRepository *self)
{
}

WartaOutboxRepository *
warta_outbox_repository_new (WartaPublicationRepository *publications)
{
  WartaOutboxRepository *self;

  g_return_val_if_fail (WARTA_IS_PUBLICATION_REPOSITORY (publications), NULL);

  self = g_object_new (WARTA_TYPE_OUTBOX_REPOSITORY, NULL);
  self->publications = g_object_ref (publications);
  self->database = g_object_ref (warta_publication_repository_get_database (publications));
  self->clock = g_object_ref (warta_publication_repository_get_clock (publications));
  return self;
}

WartaPublicationRepository *
warta_outbox_repository_get_publications (WartaOutboxRepository *self)
{
  g_return_val_if_fail (WARTA_IS_OUTBOX_REPOSITORY (self), NULL);
  return self->publications;
}

/* helpers ---------------------------------------------------------------- */

#define WRITE_TRANSACTION(self, error, body)                          \
  G_STMT_START {                                                      \
    if (!_warta_database_begin_write ((self)->database, (error)))     \
      return FALSE;                                                   \
    if (!(body))                                                      \
      {                                                               \
        _warta_database_rollback ((self)->database);                  \
        return FALSE;                                                 \
      }                                                               \
    if (!_warta_database_commit ((self)->database, (error)))          \
      return FALSE;                                                   \
  } G_STMT_END

static gboolean
run (WartaOutboxRepository  *self,
     sqlite3_stmt           *stmt,
     const char             *what,
     GError                **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      _warta_database_set_error (self->database, error, rc, what);
      return FALSE;
    }
  return TRUE;
}

static int
n_changes (WartaOutboxRepository *self)
{
  return sqlite3_changes (_warta_database_get_handle (self->database));
}

static void
set_not_found (GError **error)
{
  g_set_error_literal (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_NOT_FOUND,
                       _("This publishing job no longer exists. Reload the publication."));
}

static void
set_wrong_state (GError **error)
{
  g_set_error_literal (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_INVALID_TRANSITION,
                       _("This target has changed meanwhile. Reload the publication and try again."));
}

/* Refuses with who is uploading @job_id by hand, and since when: nothing
 * may send it meanwhile, or it would be posted twice. */
static gboolean
check_not_by_hand (WartaOutboxRepository  *self,
                   gint64                  job_id,
                   GError                **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *when = NULL;
  int rc;

  stmt = _warta_database_prepare (self->database,
                                  "SELECT j.by_hand_since, u.display_name FROM outbox_jobs j "
                                  "LEFT JOIN users u ON u.id = j.by_hand_by "
                                  "WHERE j.id = ? AND j.by_hand_since IS NOT NULL "
                                  "AND j.state NOT IN ('done', 'manual')",
                                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, job_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    {
      _warta_database_set_error (self->database, error, rc, "outbox job");
      return FALSE;
    }
  when = warta_format_time (warta_clock_get_time_zone (self->clock),
                            sqlite3_column_int64 (stmt, 0), TRUE);
  /* Translators: %1$s is a person, %2$s a date and time with its zone */
  g_set_error (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_INVALID_TRANSITION,
               _("%1$s is uploading this post by hand (since %2$s), so Warta sends nothing. "
                 "To have Warta send it after all, choose “Send with Warta Instead” first."),
               sqlite3_column_text (stmt, 1) ? (const char *)sqlite3_column_text (stmt, 1) : "—",
               when);
  return FALSE;
}

#define JOB_COLUMNS \
  "j.id, j.publication_id, j.revision_id, j.revision_hash, j.account_id, a.platform, " \
  "a.display_name, j.state, j.attempts, j.next_attempt_at, j.scheduled_at, j.error_code, " \
  "j.error_message, j.remote_id, j.remote_url, j.created_by, j.version, " \
  "COALESCE (j.finished_at, 0), COALESCE (j.taken_down_at, 0), j.takedown_reason, " \
  "c.corrected_at, c.reason, cu.display_name, COALESCE (j.by_hand_since, 0), hu.display_name " \
  "FROM outbox_jobs j JOIN accounts a ON a.id = j.account_id " \
  "LEFT JOIN post_corrections c ON c.id = (SELECT max (id) FROM post_corrections " \
  "                                        WHERE job_id = j.id) " \
  "LEFT JOIN users cu ON cu.id = c.corrected_by " \
  "LEFT JOIN users hu ON hu.id = j.by_hand_by "

static WartaOutboxJob *
job_from_row (sqlite3_stmt *stmt)
{
  WartaOutboxJob *job = warta_outbox_job_new ();
  WartaOutboxState state = warta_outbox_state_from_id ((const char *)sqlite3_column_text (stmt, 7));

  warta_outbox_job_set_id (job, sqlite3_column_int64 (stmt, 0));
  warta_outbox_job_set_publication_id (job, sqlite3_column_int64 (stmt, 1));
  warta_outbox_job_set_revision_id (job, sqlite3_column_int64 (stmt, 2));
  warta_outbox_job_set_revision_hash (job, (const char *)sqlite3_column_text (stmt, 3));
  warta_outbox_job_set_account_id (job, sqlite3_column_int64 (stmt, 4));
  warta_outbox_job_set_platform (job, (const char *)sqlite3_column_text (stmt, 5));
  warta_outbox_job_set_account_name (job, (const char *)sqlite3_column_text (stmt, 6));
  warta_outbox_job_set_state (job, state < WARTA_N_OUTBOX_STATES ? state : WARTA_OUTBOX_STATE_FAILED);
  warta_outbox_job_set_attempts (job, (guint)sqlite3_column_int (stmt, 8));
  warta_outbox_job_set_next_attempt_at (job, sqlite3_column_int64 (stmt, 9));
  warta_outbox_job_set_scheduled_at (job, sqlite3_column_int64 (stmt, 10));
  warta_outbox_job_set_error (job, (const char *)sqlite3_column_text (stmt, 11),
                              (const char *)sqlite3_column_text (stmt, 12));
  warta_outbox_job_set_remote (job, (const char *)sqlite3_column_text (stmt, 13),
                               (const char *)sqlite3_column_text (stmt, 14));
  warta_outbox_job_set_created_by (job, sqlite3_column_int64 (stmt, 15));
  warta_outbox_job_set_version (job, sqlite3_column_int64 (stmt, 16));
  warta_outbox_job_set_finished_at (job, sqlite3_column_int64 (stmt, 17));
  warta_outbox_job_set_taken_down_at (job, sqlite3_column_int64 (stmt, 18));
  warta_outbox_job_set_takedown_reason (job, (const char *)sqlite3_column_text (stmt, 19));
  warta_outbox_job_set_corrected_at (job, sqlite3_column_int64 (stmt, 20));
  warta_outbox_job_set_correction_reason (job, (const char *)sqlite3_column_text (stmt, 21));
  warta_outbox_job_set_corrected_by_name (job, (const char *)sqlite3_column_text (stmt, 22));
  warta_outbox_job_set_by_hand_since (job, sqlite3_column_int64 (stmt, 23));
  warta_outbox_job_set_by_hand_by_name (job, (const char *)sqlite3_column_text (stmt, 24));
  if (state == WARTA_OUTBOX_STATE_DONE || state == WARTA_OUTBOX_STATE_MANUAL)
    warta_outbox_job_set_fraction (job, 1.0);
  return job;
}

static GListModel *
list_jobs (WartaOutboxRepository  *self,
           const char             *sql,
           gint64                  arg,
           GError                **error)
{
  g_autoptr(GListStore) store = g_list_store_new (WARTA_TYPE_OUTBOX_JOB);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _warta_database_prepare (self->database, sql, error);
  if (stmt == NULL)
    return NULL;
  if (arg != 0)
    sqlite3_bind_int64 (stmt, 1, arg);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(WartaOutboxJob) job = job_from_row (stmt);

      g_list_store_append (store, job);
    }
  if (rc != SQLITE_DONE)
    {
      _warta_database_set_error (self->database, error, rc, "outbox jobs");
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&store));
}

WartaOutboxJob *
warta_outbox_repository_get_job (WartaOutboxRepository  *self,
                                 gint64                  job_id,
                                 GError                **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (WARTA_IS_OUTBOX_REPOSITORY (self), NULL);

  stmt = _warta_database_prepare (self->database, "SELECT " JOB_COLUMNS "WHERE j.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, job_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return job_from_row (stmt);
  if (rc == SQLITE_DONE)
    set_not_found (error);
  else
    _warta_database_set_error (self->database, error, rc, "outbox job");
  return NULL;
}

/**
 * warta_outbox_repository_list_for_publication:
 *
 * Returns: (transfer full): the publication's #WartaOutboxJob<!-- -->s
 */
GListModel *
warta_outbox_repository_list_for_publication (WartaOutboxRepository  *self,
                                              gint64                  publication_id,
                                              GError                **error)
{
  g_return_val_if_fail (WARTA_IS_OUTBOX_REPOSITORY (self), NULL);
  return list_jobs (self, "SELECT " JOB_COLUMNS "WHERE j.publication_id = ? ORDER BY j.id",
                    publication_id, error);
}

GListModel *
warta_outbox_repository_list_unfinished (WartaOutboxRepository  *self,
                                         GError                **error)
{
  g_return_val_if_fail (WARTA_IS_OUTBOX_REPOSITORY (self), NULL);
  return list_jobs (self,
                    "SELECT " JOB_COLUMNS "WHERE j.state IN ('pending', 'running', 'waiting', 'paused') "
                    "ORDER BY j.id",
                    0, error);
}

/**
 * warta_outbox_repository_list_needing_sign_in:
 * @account_id: one account, or 0 for all
 *
 * Returns: (transfer full): the jobs stopped because their account's
 *   sign-in expired or was revoked
 */
GListModel *
warta_outbox_repository_list_needing_sign_in (WartaOutboxRepository  *self,
                                              gint64                  account_id,
                                              GError                **error)
{
  g_return_val_if_fail (WARTA_IS_OUTBOX_REPOSITORY (self), NULL);
  if (account_id == 0)
    return list_jobs (self,
                      "SELECT " JOB_COLUMNS "WHERE j.state = 'failed' AND j.error_code = '"
                      WARTA_OUTBOX_ERROR_AUTH "' AND j.by_hand_since IS NULL ORDER BY j.id",
                      0, error);
  return list_jobs (self,
                    "SELECT " JOB_COLUMNS "WHERE j.account_id = ? AND j.state = 'failed' "
                    "AND j.error_code = '" WARTA_OUTBOX_ERROR_AUTH "' AND j.by_hand_since IS NULL "
                    "ORDER BY j.id",
                    account_id, error);
}

/**
 * warta_outbox_repository_dup_lease_owner:
 *
 * Returns: (transfer full) (nullable): the process holding the job's lease
 */
char *
warta_outbox_repository_dup_lease_owner (WartaOutboxRepository *self,
                                         gint64                 job_id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (WARTA_IS_OUTBOX_REPOSITORY (self), NULL);

  stmt = _warta_database_prepare (self->database,
                                  "SELECT lease_owner FROM outbox_jobs WHERE id = ?", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, job_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return _warta_column_dup (stmt, 0);
  return NULL;
}

/* The publication follows its jobs -------------------------------------- */

static gboolean
count_jobs (WartaOutboxRepository  *self,
            gint64                  publication_id,
            guint                  *out_active,
            guint                  *out_ok,
            guint                  *out_total,
            gint64                 *out_created_by,
            GError                **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _warta_database_prepare (self->database,
                                  "SELECT state, count (*), max (created_by) FROM outbox_jobs "
                                  "WHERE publication_id = ? GROUP BY state",
                                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, publication_id);
  *out_active = *out_ok = *out_total = 0;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      WartaOutboxState state = warta_outbox_state_from_id ((const char *)sqlite3_column_text (stmt, 0));
      guint n = (guint)sqlite3_column_int (stmt, 1);

      *out_total += n;
      if (state == WARTA_OUTBOX_STATE_DONE || state == WARTA_OUTBOX_STATE_MANUAL)
        *out_ok += n;
      else if (!warta_outbox_state_is_final (state))
        *out_active += n;
      *out_created_by = sqlite3_column_int64 (stmt, 2);
    }
  if (rc != SQLITE_DONE)
    {
      _warta_database_set_error (self->database, error, rc, "outbox jobs");
      return FALSE;
    }
  return TRUE;
}

/* Once no job is left to run: published when every target is done (by
 * Warta or by hand), partially published when some are, failed when none.
 * A publication that had stopped goes through publishing again. */
static gboolean
follow_jobs (WartaOutboxRepository  *self,
             WartaUser              *actor,
             gint64                  publication_id,
             GError                **error)
{
  g_autoptr(WartaPublication) publication = NULL;
  g_autoptr(WartaUser) starter = NULL;
  guint active, ok, total;
  gint64 created_by = 0;
  WartaState state, target;
  gint64 version;

  if (!count_jobs (self, publication_id, &active, &ok, &total, &created_by, error))
    return FALSE;
  if (active > 0 || total == 0)
    return TRUE;

  publication = warta_publication_repository_get (self->publications, publication_id, error);
  if (publication == NULL)
    return FALSE;
  state = warta_publication_get_state (publication);
  version = warta_publication_get_version (publication);
  target = ok == total ? WARTA_STATE_PUBLISHED
         : ok > 0 ? WARTA_STATE_PARTIALLY_PUBLISHED : WARTA_STATE_FAILED;
  if (state == target)
    return TRUE;

  /* The worker acts for the admin who started publishing. */
  if (actor == NULL)
    {
      starter = warta_user_new ();
      warta_user_set_id (starter, created_by);
      actor = starter;
    }

  if (state == WARTA_STATE_PARTIALLY_PUBLISHED || state == WARTA_STATE_FAILED)
    {
      if (!_warta_publication_repository_transition_in_transaction (self->publications, actor,
                                                                    publication_id, version,
                                                                    WARTA_ACTION_RETRY,
                                                                    WARTA_STATE_PUBLISHING,
                                                                    NULL, error))
        return FALSE;
      state = WARTA_STATE_PUBLISHING;
      version++;
    }
  if (state != WARTA_STATE_PUBLISHING)
    return TRUE;

  return _warta_publication_repository_transition_in_transaction (self->publications, actor,
                                                                  publication_id, version,
                                                                  WARTA_ACTION_FINISH, target,
                                                                  NULL, error);
}

static gboolean
job_publication (WartaOutboxRepository  *self,
                 gint64                  job_id,
                 gint64                 *out_publication_id,
                 WartaOutboxState       *out_state,
                 char                  **out_owner,
                 GError                **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _warta_database_prepare (self->database,
                                  "SELECT publication_id, state, lease_owner FROM outbox_jobs WHERE id = ?",
                                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, job_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *out_publication_id = sqlite3_column_int64 (stmt, 0);
      *out_state = warta_outbox_state_from_id ((const char *)sqlite3_column_text (stmt, 1));
      if (out_owner)
        *out_owner = _warta_column_dup (stmt, 2);
      return TRUE;
    }
  if (rc == SQLITE_DONE)
    set_not_found (error);
  else
    _warta_database_set_error (self->database, error, rc, "outbox job");
  return FALSE;
}

/* A target as the publication's history names it: the account it goes
 * to, and the publication's state, which an event about the target keeps
 * as it is. */
typedef struct
{
  gint64            publication_id;
  WartaOutboxState  state;
  gint64            taken_down_at;
  gint64            by_hand_since;
  char             *account;
  char             *publication_state;
} Target;

static void
target_clear (Target *target)
{
  g_clear_pointer (&target->account, g_free);
  g_clear_pointer (&target->publication_state, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Target, target_clear)

static gboolean
get_target (WartaOutboxRepository  *self,
            gint64                  job_id,
            Target                 *out_target,
            GError                **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _warta_database_prepare (self->database,
                                  "SELECT a.display_name, COALESCE (j.taken_down_at, 0), p.state, "
                                  "j.publication_id, j.state, COALESCE (j.by_hand_since, 0) "
                                  "FROM outbox_jobs j JOIN accounts a ON a.id = j.account_id "
                                  "JOIN publications p ON p.id = j.publication_id WHERE j.id = ?",
                                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, job_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        set_not_found (error);
      else
        _warta_database_set_error (self->database, error, rc, "outbox job");
      return FALSE;
    }
  out_target->account = _warta_column_dup (stmt, 0);
  out_target->taken_down_at = sqlite3_column_int64 (stmt, 1);
  out_target->publication_state = _warta_column_dup (stmt, 2);
  out_target->publication_id = sqlite3_column_int64 (stmt, 3);
  out_target->state = warta_outbox_state_from_id ((const char *)sqlite3_column_text (stmt, 4));
  out_target->by_hand_since = sqlite3_column_int64 (stmt, 5);
  return TRUE;
}

/* What @actor did to @target, at @at, in the hash-chained history, so
 * the archive keeps it: done in the publishing step, the publication's
 * state unchanged. @note names the target's account first. */
static gboolean
append_target_event (WartaOutboxRepository  *self,
                     WartaUser              *actor,
                     const Target           *target,
                     const char             *kind,
                     gint64                  at,
                     const char             *note,
                     GError                **error)
{
  return _warta_event_log_append (self->database, target->publication_id, at,
                                  warta_user_get_id (actor),
                                  warta_role_get_id (WARTA_ROLE_SOCIAL_MEDIA_ADMIN), kind,
                                  target->publication_state, target->publication_state, 0, note,
                                  error) != 0;
}

static gboolean
check_lease (WartaOutboxRepository  *self,
             gint64                  job_id,
             const char             *owner,
             gint64                 *out_publication_id,
             WartaOutboxState       *out_state,
             GError                **error)
{
  g_autofree char *holder = NULL;

  if (!job_publication (self, job_id, out_publication_id, out_state, &holder, error))
    return FALSE;
  if (g_strcmp0 (holder, owner) != 0)
    {
      g_set_error_literal (error, WARTA_DB_ERROR, WARTA_DB_ERROR_CONFLICT,
                           _("Another Warta has taken over this target. It carries on there."));
      return FALSE;
    }
  return TRUE;
}

/* enqueue ----------------------------------------------------------------- */

static gboolean by_hand_in_transaction (WartaOutboxRepository  *self,
                                        WartaUser              *actor,
                                        gint64                  job_id,
                                        const char             *sql,
                                        const char             *kind,
                                        GError                **error);

/* Switches a target to upload by hand (see
 * warta_outbox_repository_start_by_hand()). */
#define START_BY_HAND_SQL \
  "UPDATE outbox_jobs SET " \
  "state = CASE WHEN state IN ('pending', 'waiting', 'running') THEN 'paused' ELSE state END, " \
  "by_hand_by = CASE WHEN by_hand_since IS NULL THEN ?3 ELSE by_hand_by END, " \
  "by_hand_since = COALESCE (by_hand_since, ?2), " \
  "version = version + 1 " \
  "WHERE id = ?1 AND state NOT IN ('done', 'manual')"

static gboolean
contains_id (const gint64 *ids,
             guint         n_ids,
             gint64        id)
{
  for (guint i = 0; i < n_ids; i++)
    if (ids[i] == id)
      return TRUE;
  return FALSE;
}

/* Whether the choice @stmt asks for (SELECT 1 … WHERE publication_id = ?
 * AND account_id = ?) is saved for @account_id, in *@saved. */
static gboolean
choice_saved (WartaOutboxRepository  *self,
              sqlite3_stmt           *stmt,
              gint64                  publication_id,
              gint64                  account_id,
              gboolean               *saved,
              GError                **error)
{
  int rc;

  sqlite3_reset (stmt);
  sqlite3_bind_int64 (stmt, 1, publication_id);
  sqlite3_bind_int64 (stmt, 2, account_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _warta_database_set_error (self->database, error, rc, "targets");
      return FALSE;
    }
  *saved = rc == SQLITE_ROW;
  return TRUE;
}

/* Publishing starts with exactly the choice saved in the file: an account
 * the social media admin left out (on another workstation, a moment
 * before) is never written as a job. */
static gboolean
check_none_left_out (WartaOutboxRepository  *self,
                     gint64                  publication_id,
                     const gint64           *account_ids,
                     guint                   n_accounts,
                     GError                **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = _warta_database_prepare (self->database,
                                  "SELECT 1 FROM left_out_targets "
                                  "WHERE publication_id = ? AND account_id = ?",
                                  error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < n_accounts; i++)
    {
      gboolean left_out;

      if (!choice_saved (self, stmt, publication_id, account_ids[i], &left_out, error))
        return FALSE;
      if (left_out)
        {
          g_set_error_literal (error, WARTA_DB_ERROR, WARTA_DB_ERROR_CONFLICT,
                               _("A social media admin left one of these targets out meanwhile. "
                                 "Nothing was published: look at the targets again, then start "
                                 "again."));
          return FALSE;
        }
    }
  return TRUE;
}

/* Those of @refused_ids (accounts that cannot take the content) chosen
 * are exactly the ones the social media admin ticked to upload by hand,
 * as saved in the file: a tick given or taken away meanwhile (on another
 * workstation) writes no job. */
static gboolean
check_by_hand_as_saved (WartaOutboxRepository  *self,
                        gint64                  publication_id,
                        const gint64           *account_ids,
                        guint                   n_accounts,
                        const gint64           *refused_ids,
                        guint                   n_refused,
                        GError                **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = _warta_database_prepare (self->database,
                                  "SELECT 1 FROM by_hand_targets "
                                  "WHERE publication_id = ? AND account_id = ?",
                                  error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < n_refused; i++)
    {
      gboolean ticked;

      if (!choice_saved (self, stmt, publication_id, refused_ids[i], &ticked, error))
        return FALSE;
      if (ticked != contains_id (account_ids, n_accounts, refused_ids[i]))
        {
          g_set_error_literal (error, WARTA_DB_ERROR, WARTA_DB_ERROR_CONFLICT,
                               _("A social media admin changed which targets are uploaded by hand "
                                 "meanwhile. Nothing was published: look at the targets again, "
                                 "then start again."));
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
enqueue_in_transaction (WartaOutboxRepository  *self,
                        WartaUser              *actor,
                        gint64                  publication_id,
                        gint64                  expected_version,
                        const gint64           *account_ids,
                        guint                   n_accounts,
                        const gint64           *refused_ids,
                        guint                   n_refused,
                        gint64                  scheduled_at,
                        GError                **error)
{
  g_autoptr(WartaPublication) publication = NULL;
  g_autoptr(WartaRevision) revision = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 now = warta_clock_now (self->clock);
  gint64 revision_id;

  publication = warta_publication_repository_get (self->publications, publication_id, error);
  if (publication == NULL)
    return FALSE;
  revision_id = warta_publication_get_approved_revision_id (publication);
  if (revision_id == 0)
    {
      g_set_error_literal (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_APPROVAL_VOID,
                           _("Only an approved publication can be published. Ask the approver to approve it."));
      return FALSE;
    }
  revision = warta_publication_repository_get_revision (self->publications, revision_id, error);
  if (revision == NULL)
    return FALSE;

  /* Checks the role, the state and that the content is the one approved. */
  if (!_warta_publication_repository_transition_in_transaction (self->publications, actor,
                                                                publication_id, expected_version,
                                                                WARTA_ACTION_START_PUBLISHING,
                                                                WARTA_STATE_PUBLISHING, NULL,
                                                                error))
    return FALSE;
  if (!check_none_left_out (self, publication_id, account_ids, n_accounts, error) ||
      !check_by_hand_as_saved (self, publication_id, account_ids, n_accounts, refused_ids,
                               n_refused, error))
    return FALSE;

  stmt = _warta_database_prepare (self->database,
                                  "INSERT INTO outbox_jobs (publication_id, revision_id, revision_hash, "
                                  "account_id, scheduled_at, created_by, created_at) "
                                  "SELECT ?, ?, ?, id, ?, ?, ? FROM accounts "
                                  "WHERE id = ? AND removed_at IS NULL",
                                  error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < n_accounts; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, publication_id);
      sqlite3_bind_int64 (stmt, 2, revision_id);
      _warta_bind_text (stmt, 3, warta_publication_get_approved_hash (publication));
      sqlite3_bind_int64 (stmt, 4, scheduled_at >= 0 ? scheduled_at
                                                     : warta_revision_get_scheduled_at (revision));
      sqlite3_bind_int64 (stmt, 5, warta_user_get_id (actor));
      sqlite3_bind_int64 (stmt, 6, now);
      sqlite3_bind_int64 (stmt, 7, account_ids[i]);
      if (!run (self, stmt, "outbox job", error))
        return FALSE;
      if (n_changes (self) != 1)
        {
          g_set_error_literal (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_NOT_FOUND,
                               _("One of the chosen accounts has been removed. Choose the targets again."));
          return FALSE;
        }
      /* Never pending, not even for a moment: no worker can take it. */
      if (contains_id (refused_ids, n_refused, account_ids[i]) &&
          !by_hand_in_transaction (self, actor,
                                   sqlite3_last_insert_rowid (_warta_database_get_handle (self->database)),
                                   START_BY_HAND_SQL, "by-hand-started", error))
        return FALSE;
    }
  return TRUE;
}

/**
 * warta_outbox_repository_enqueue:
 *
 * Returns: (transfer full): the publication's jobs
 */
GListModel *
warta_outbox_repository_enqueue (WartaOutboxRepository  *self,
                                 WartaUser              *actor,
                                 gint64                  publication_id,
                                 gint64                  expected_version,
                                 const gint64           *account_ids,
                                 guint                   n_accounts,
                                 GError                **error)
{
  return warta_outbox_repository_enqueue_at (self, actor, publication_id, expected_version,
                                             account_ids, n_accounts, -1, error);
}

/**
 * warta_outbox_repository_enqueue_at:
 * @scheduled_at: when the jobs may start (µs since the epoch), 0 at once,
 *   or -1 for the approved revision's own time
 *
 * Returns: (transfer full): the publication's jobs
 */
GListModel *
warta_outbox_repository_enqueue_at (WartaOutboxRepository  *self,
                                    WartaUser              *actor,
                                    gint64                  publication_id,
                                    gint64                  expected_version,
                                    const gint64           *account_ids,
                                    guint                   n_accounts,
                                    gint64                  scheduled_at,
                                    GError                **error)
{
  return warta_outbox_repository_enqueue_by_hand_at (self, actor, publication_id,
                                                     expected_version, account_ids, n_accounts,
                                                     NULL, 0, scheduled_at, error);
}

/**
 * warta_outbox_repository_enqueue_by_hand_at:
 * @refused_ids: (array length=n_refused): the accounts that cannot take
 *   the approved content, chosen or not
 * @scheduled_at: when the jobs may start (µs since the epoch), 0 at once,
 *   or -1 for the approved revision's own time
 *
 * As warta_outbox_repository_enqueue_at(); those of @account_ids among
 * @refused_ids are switched to upload by hand
 * (warta_outbox_repository_start_by_hand(), with its history event) in
 * the same transaction, so no Warta ever sends them. They must be exactly
 * those of @refused_ids the admin ticked to upload by hand
 * (warta_publication_repository_set_by_hand()), or nothing is written
 * (%WARTA_DB_ERROR_CONFLICT).
 *
 * Returns: (transfer full): the publication's jobs
 */
GListModel *
warta_outbox_repository_enqueue_by_hand_at (WartaOutboxRepository  *self,
                                            WartaUser              *actor,
                                            gint64                  publication_id,
                                            gint64                  expected_version,
                                            const gint64           *account_ids,
                                            guint                   n_accounts,
                                            const gint64           *refused_ids,
                                            guint                   n_refused,
                                            gint64                  scheduled_at,
                                            GError                **error)
{
  g_return_val_if_fail (WARTA_IS_OUTBOX_REPOSITORY (self), NULL);
  g_return_val_if_fail (WARTA_IS_USER (actor), NULL);

  if (n_accounts == 0)
    {
      g_set_error_literal (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_NOT_FOUND,
                           _("No target is chosen. Add an account in Accounts, then choose it."));
      return NULL;
    }

  if (!_warta_database_begin_write (self->database, error))
    return NULL;
  if (!enqueue_in_transaction (self, actor, publication_id, expected_version, account_ids,
                               n_accounts, refused_ids, n_refused, scheduled_at, error))
    {
      _warta_database_rollback (self->database);
      return NULL;
    }
  if (!_warta_database_commit (self->database, error))
    return NULL;

  return warta_outbox_repository_list_for_publication (self, publication_id, error);
}

/* the worker's side -------------------------------------------------------- */

gboolean
warta_outbox_repository_claim (WartaOutboxRepository  *self,
                               gint64                  job_id,
                               const char             *owner,
                               const char             *stale_owner,
                               gint64                  lease_until,
                               gboolean               *out_claimed,
                               GError                **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 now = warta_clock_now (self->clock);

  g_return_val_if_fail (WARTA_IS_OUTBOX_REPOSITORY (self), FALSE);
  g_return_val_if_fail (owner != NULL, FALSE);

  *out_claimed = FALSE;
  if (!_warta_database_begin_write (self->database, error))
    return FALSE;
  stmt = _warta_database_prepare (self->database,
                                  "UPDATE outbox_jobs SET state = 'running', lease_owner = ?1, "
                                  "lease_until = ?2, version = version + 1 "
                                  "WHERE id = ?3 AND state IN ('pending', 'waiting', 'running') "
                                  "AND next_attempt_at <= ?4 AND scheduled_at <= ?4 "
                                  "AND by_hand_since IS NULL "
                                  "AND (lease_owner IS NULL OR lease_owner = ?1 OR lease_owner = ?5 "
                                  "OR lease_until < ?4 OR state <> 'running')",
                                  error);
  if (stmt == NULL)
    {
      _warta_database_rollback (self->database);
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, owner, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, lease_until);
  sqlite3_bind_int64 (stmt, 3, job_id);
  sqlite3_bind_int64 (stmt, 4, now);
  _warta_bind_text (stmt, 5, stale_owner);
  if (!run (self, stmt, "claim", error))
    {
      _warta_database_rollback (self->database);
      return FALSE;
    }
  *out_claimed = n_changes (self) == 1;
  return _warta_database_commit (self->database, error);
}

GHashTable *
warta_outbox_repository_list_steps (WartaOutboxRepository  *self,
                                    gint64                  job_id,
                                    GError                **error)
{
  g_autoptr(GHashTable) steps = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (WARTA_IS_OUTBOX_REPOSITORY (self), NULL);

  stmt = _warta_database_prepare (self->database,
                                  "SELECT step, value FROM outbox_steps WHERE job_id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, job_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (steps, _warta_column_dup (stmt, 0), _warta_column_dup (stmt, 1));
  if (rc != SQLITE_DONE)
    {
      _warta_database_set_error (self->database, error, rc, "outbox steps");
      return NULL;
    }
  return g_steal_pointer (&steps);
}

static gboolean
insert_step (WartaOutboxRepository  *self,
             gint64                  job_id,
             const char             *step,
             const char             *value_json,
             GError                **error)
{
  g_autoptr(sqlite3_stmt) insert = NULL;

  insert = _warta_database_prepare (self->database,
                                    "INSERT OR REPLACE INTO outbox_steps (job_id, step, value, confirmed_at) "
                                    "VALUES (?, ?, ?, ?)",
                                    error);
  if (insert == NULL)
    return FALSE;
  sqlite3_bind_int64 (insert, 1, job_id);
  sqlite3_bind_text (insert, 2, step, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (insert, 3, value_json, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (insert, 4, warta_clock_now (self->clock));
  return run (self, insert, "outbox step", error);
}

static gboolean
confirm_in_transaction (WartaOutboxRepository  *self,
                        gint64                  job_id,
                        const char             *owner,
                        const char             *step,
                        const char             *value_json,
                        gint64                  lease_until,
                        gboolean               *out_go_on,
                        GError                **error)
{
  g_autoptr(sqlite3_stmt) update = NULL;
  gint64 publication_id;
  WartaOutboxState state;

  if (!check_lease (self, job_id, owner, &publication_id, &state, error))
    return FALSE;

  /* Recorded even when the user paused meanwhile: it happened remotely. */
  if (!insert_step (self, job_id, step, value_json, error))
    return FALSE;

  update = _warta_database_prepare (self->database,
                                    "UPDATE outbox_jobs SET lease_until = ?, version = version + 1 "
                                    "WHERE id = ?",
                                    error);
  if (update == NULL)
    return FALSE;
  sqlite3_bind_int64 (update, 1, lease_until);
  sqlite3_bind_int64 (update, 2, job_id);
  if (!run (self, update, "outbox job", error))
    return FALSE;

  *out_go_on = state == WARTA_OUTBOX_STATE_RUNNING;
  return TRUE;
}

gboolean
warta_outbox_repository_confirm_step (WartaOutboxRepository  *self,
                                      gint64                  job_id,
                                      const char             *owner,
                                      const char             *step,
                                      const char             *value_json,
                                      gint64                  lease_until,
                                      gboolean               *out_go_on,
                                      GError                **error)
{
  g_return_val_if_fail (WARTA_IS_OUTBOX_REPOSITORY (self), FALSE);
  g_return_val_if_fail (step != NULL && value_json != NULL, FALSE);

  *out_go_on = FALSE;
  WRITE_TRANSACTION (self, error,
                     confirm_in_transaction (self, job_id, owner, step, value_json, lease_until,
                                             out_go_on, error));
  return TRUE;
}

static gboolean
finish_in_transaction (WartaOutboxRepository  *self,
                       gint64                  job_id,
                       const char             *owner,
                       const char             *step,
                       const char             *value_json,
                       const char             *remote_id,
                       const char             *remote_url,
                       GError                **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 publication_id;
  WartaOutboxState state;

  if (!check_lease (self, job_id, owner, &publication_id, &state, error))
    return FALSE;

  if (!insert_step (self, job_id, step, value_json, error))
    return FALSE;

  /* Done is done, even if the user pressed pause as the answer came. */
  stmt = _warta_database_prepare (self->database,
                                  "UPDATE outbox_jobs SET state = 'done', remote_id = ?, remote_url = ?, "
                                  "finished_at = ?, error_code = NULL, error_message = NULL, "
                                  "lease_owner = NULL, lease_until = 0, by_hand_since = NULL, "
                                  "by_hand_by = NULL, version = version + 1 "
                                  "WHERE id = ?",
                                  error);
  if (stmt == NULL)
    return FALSE;
  _warta_bind_text (stmt, 1, remote_id);
  _warta_bind_text (stmt, 2, remote_url);
  sqlite3_bind_int64 (stmt, 3, warta_clock_now (self->clock));
  sqlite3_bind_int64 (stmt, 4, job_id);
  if (!run (self, stmt, "outbox job", error))
    return FALSE;

  return follow_jobs (self, NULL, publication_id, error);
}

gboolean
warta_outbox_repository_finish_job (WartaOutboxRepository  *self,
                                    gint64                  job_id,
                                    const char             *owner,
                                    const char             *step,
                                    const char             *value_json,
                                    const char             *remote_id,
                                    const char             *remote_url,
                                    GError                **error)
{
  g_return_val_if_fail (WARTA_IS_OUTBOX_REPOSITORY (self), FALSE);

  WRITE_TRANSACTION (self, error,
                     finish_in_transaction (self, job_id, owner, step, value_json,
                                            remote_id, remote_url, error));
  return TRUE;
}

static gboolean
stop_in_transaction (WartaOutboxRepository  *self,
                     gint64                  job_id,
                     const char             *owner,
                     WartaOutboxState        to,
                     const char             *error_code,
                     const char             *error_message,
                     gint64                  next_attempt_at,
                     gboolean                count_attempt,
                     GError                **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 publication_id;
  WartaOutboxState state;

  if (!check_lease (self, job_id, owner, &publication_id, &state, error))
    return FALSE;

  /* The user's pause or cancel, written meanwhile, wins over a retry. */
  if (state != WARTA_OUTBOX_STATE_RUNNING)
    to = state;

  stmt = _warta_database_prepare (self->database,
                                  "UPDATE outbox_jobs SET state = ?, error_code = ?, error_message = ?, "
                                  "next_attempt_at = ?, attempts = attempts + ?, "
                                  "lease_owner = NULL, lease_until = 0, version = version + 1, "
                                  "finished_at = CASE WHEN ? = 'failed' THEN ? ELSE NULL END "
                                  "WHERE id = ?",
                                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, warta_outbox_state_get_id (to), -1, SQLITE_STATIC);
  if (state != WARTA_OUTBOX_STATE_RUNNING && state != WARTA_OUTBOX_STATE_FAILED)
    {
      error_code = NULL;
      error_message = NULL;
    }
  if (state == WARTA_OUTBOX_STATE_FAILED)
    {
      /* Keep the cancel's own message. */
      g_autoptr(WartaOutboxJob) job = warta_outbox_repository_get_job (self, job_id, error);

      if (job == NULL)
        return FALSE;
      _warta_bind_text (stmt, 2, warta_outbox_job_get_error_code (job));
      _warta_bind_text (stmt, 3, warta_outbox_job_get_error_message (job));
    }
  else
    {
      _warta_bind_text (stmt, 2, error_code);
      _warta_bind_text (stmt, 3, error_message);
    }
  sqlite3_bind_int64 (stmt, 4, next_attempt_at);
  sqlite3_bind_int (stmt, 5, count_attempt ? 1 : 0);
  sqlite3_bind_text (stmt, 6, warta_outbox_state_get_id (to), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 7, warta_clock_now (self->clock));
  sqlite3_bind_int64 (stmt, 8, job_id);
  if (!run (self, stmt, "outbox job", error))
    return FALSE;

  return to == WARTA_OUTBOX_STATE_FAILED ? follow_jobs (self, NULL, publication_id, error) : TRUE;
}

gboolean
warta_outbox_repository_stop_job (WartaOutboxRepository  *self,
                                  gint64                  job_id,
                                  const char             *owner,
                                  WartaOutboxState        state,
                                  const char             *error_code,
                                  const char             *error_message,
                                  gint64                  next_attempt_at,
                                  gboolean                count_attempt,
                                  GError                **error)
{
  g_return_val_if_fail (WARTA_IS_OUTBOX_REPOSITORY (self), FALSE);
  g_return_val_if_fail (state == WARTA_OUTBOX_STATE_WAITING || state == WARTA_OUTBOX_STATE_FAILED ||
                        state == WARTA_OUTBOX_STATE_PENDING || state == WARTA_OUTBOX_STATE_PAUSED,
                        FALSE);

  WRITE_TRANSACTION (self, error,
                     stop_in_transaction (self, job_id, owner, state, error_code, error_message,
                                          next_attempt_at, count_attempt, error));
  return TRUE;
}

/* A job nothing of which the platform has confirmed yet: the user's
 * TikTok choice ("creator") is written when the post is scheduled; any
 * other step is one the platform confirmed. */
#define NOTHING_CONFIRMED_SQL \
  "NOT EXISTS (SELECT 1 FROM outbox_steps s WHERE s.job_id = outbox_jobs.id " \
  "            AND s.step <> 'creator')"

/**
 * warta_outbox_repository_hold_missed:
 * @due_before: a job scheduled before this (µs since the epoch) is held
 * @message: the reason the user reads on the job
 *
 * One statement, so that of two Wartas on the file one holds the job and
 * the other finds it paused, and a job claimed meanwhile is left alone.
 * A job written with a time already past (published "now") was never
 * waiting for a later time, and is not held.
 *
 * Returns: whether the database answered
 */
gboolean
warta_outbox_repository_hold_missed (WartaOutboxRepository  *self,
                                     gint64                  job_id,
                                     gint64                  due_before,
                                     const char             *message,
                                     gboolean               *out_held,
                                     GError                **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (WARTA_IS_OUTBOX_REPOSITORY (self), FALSE);
  g_return_val_if_fail (message != NULL && out_held != NULL, FALSE);

  *out_held = FALSE;
  stmt = _warta_database_prepare (self->database,
                                  "UPDATE outbox_jobs SET state = 'paused', error_code = '"
                                  WARTA_OUTBOX_ERROR_MISSED "', error_message = ?1, "
                                  "version = version + 1 "
                                  "WHERE id = ?2 AND state = 'pending' AND attempts = 0 "
                                  "AND scheduled_at > created_at AND scheduled_at < ?3 "
                                  "AND " NOTHING_CONFIRMED_SQL,
                                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, message, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, job_id);
  sqlite3_bind_int64 (stmt, 3, due_before);
  WRITE_TRANSACTION (self, error,
                     run (self, stmt, "outbox job", error) &&
                     ((*out_held = n_changes (self) == 1), TRUE));
  return TRUE;
}

/* the user's side ---------------------------------------------------------- */

/* Pausing, resuming, cancelling, a new time, Try Again, a choice, how a
 * target goes out and its proof are the publishing step's decisions:
 * only who may publish takes them. Other roles open the same database,
 * so every one of them is checked here, in the transaction that writes
 * it, on @actor's roles as stored now, not as the caller's object
 * remembers them: an administrator on another workstation may have
 * changed them, or closed the account. */
static gboolean
check_may_publish (WartaOutboxRepository  *self,
                   WartaUser              *actor,
                   GError                **error)
{
  WartaRole roles;
  gboolean active;

  if (!_warta_user_load_stored (self->database, warta_user_get_id (actor), &active, &roles, NULL,
                                error))
    return FALSE;
  if (roles & WARTA_ROLE_SOCIAL_MEDIA_ADMIN)
    return TRUE;
  g_set_error_literal (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_FORBIDDEN,
                       _("Only a social media admin publishes, and pauses, cancels, retries or uploads a target by hand. Ask one to do it, or ask an administrator for the role."));
  return FALSE;
}

static gboolean
reschedule_in_transaction (WartaOutboxRepository  *self,
                           WartaUser              *actor,
                           gint64                  job_id,
                           gint64                  scheduled_at,
                           GError                **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 publication_id;
  WartaOutboxState state;

  if (!check_may_publish (self, actor, error) ||
      !job_publication (self, job_id, &publication_id, &state, NULL, error))
    return FALSE;
  stmt = _warta_database_prepare (self->database,
                                  "UPDATE outbox_jobs SET state = 'pending', scheduled_at = ?1, "
                                  "next_attempt_at = 0, error_code = NULL, error_message = NULL, "
                                  "version = version + 1 "
                                  "WHERE id = ?2 AND attempts = 0 AND lease_owner IS NULL "
                                  "AND by_hand_since IS NULL "
                                  "AND ((state = 'pending' AND scheduled_at > created_at) "
                                  "     OR (state = 'paused' AND error_code = '"
                                  WARTA_OUTBOX_ERROR_MISSED "')) "
                                  "AND " NOTHING_CONFIRMED_SQL,
                                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, scheduled_at);
  sqlite3_bind_int64 (stmt, 2, job_id);
  if (!run (self, stmt, "outbox job", error))
    return FALSE;
  if (n_changes (self) != 1)
    {
      g_set_error_literal (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_INVALID_TRANSITION,
                           _("This target is no longer waiting for its time: it has started, or it "
                             "was changed on another computer. Its time was not changed; look at "
                             "what it is doing now."));
      return FALSE;
    }
  return TRUE;
}

/**
 * warta_outbox_repository_reschedule:
 * @scheduled_at: the new time, µs since the epoch, later than now
 *
 * One conditional statement: a job another Warta claimed meanwhile keeps
 * what it is doing, and the caller hears of it.
 *
 * Returns: whether the job now waits for @scheduled_at
 */
gboolean
warta_outbox_repository_reschedule (WartaOutboxRepository  *self,
                                    WartaUser              *actor,
                                    gint64                  job_id,
                                    gint64                  scheduled_at,
                                    GError                **error)
{
  g_return_val_if_fail (WARTA_IS_OUTBOX_REPOSITORY (self), FALSE);
  g_return_val_if_fail (WARTA_IS_USER (actor), FALSE);

  if (scheduled_at <= warta_clock_now (self->clock))
    {
      g_set_error_literal (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_TIME_PASSED,
                           _("That time has already passed. Choose a later time."));
      return FALSE;
    }
  WRITE_TRANSACTION (self, error,
                     reschedule_in_transaction (self, actor, job_id, scheduled_at, error));
  return TRUE;
}

gboolean
warta_outbox_repository_send_now (WartaOutboxRepository  *self,
                                  WartaUser              *actor,
                                  gint64                  job_id,
                                  GError                **error)
{
  g_return_val_if_fail (WARTA_IS_OUTBOX_REPOSITORY (self), FALSE);
  g_return_val_if_fail (WARTA_IS_USER (actor), FALSE);

  WRITE_TRANSACTION (self, error,
                     reschedule_in_transaction (self, actor, job_id,
                                                warta_clock_now (self->clock), error));
  return TRUE;
}

/* The user's resume or retry means now: a scheduled time already past
 * (?2 is the present) becomes it, so that the job is not held as missed
 * again and the calendar shows when it went. */
#define PAST_SCHEDULE_IS_NOW \
  "scheduled_at = CASE WHEN scheduled_at > 0 AND scheduled_at < ?2 THEN ?2 ELSE scheduled_at END"

/* ?1 is the job, ?2 the present and ?3 @actor_id, where @sql names them. */
static gboolean
set_state_for (WartaOutboxRepository  *self,
               gint64                  job_id,
               const char             *sql,
               gboolean                follow,
               gint64                  actor_id,
               GError                **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 publication_id;
  WartaOutboxState state;

  if (!job_publication (self, job_id, &publication_id, &state, NULL, error))
    return FALSE;
  stmt = _warta_database_prepare (self->database, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, job_id);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    sqlite3_bind_int64 (stmt, 2, warta_clock_now (self->clock));
  if (sqlite3_bind_parameter_count (stmt) >= 3)
    sqlite3_bind_int64 (stmt, 3, actor_id);
  if (!run (self, stmt, "outbox job", error))
    return FALSE;
  if (n_changes (self) != 1)
    {
      set_wrong_state (error);
      return FALSE;
    }
  return follow ? follow_jobs (self, NULL, publication_id, error) : TRUE;
}

/* @actor's decision, refused unless they may publish. */
static gboolean
set_state_in_transaction (WartaOutboxRepository  *self,
                          WartaUser              *actor,
                          gint64                  job_id,
                          const char             *sql,
                          GError                **error)
{
  return check_may_publish (self, actor, error) &&
         set_state_for (self, job_id, sql, FALSE, warta_user_get_id (actor), error);
}

/* A running job's lease stays: its worker sees the pause at its next
 * commit and stops there. */
gboolean
warta_outbox_repository_pause (WartaOutboxRepository  *self,
                               WartaUser              *actor,
                               gint64                  job_id,
                               GError                **error)
{
  g_return_val_if_fail (WARTA_IS_OUTBOX_REPOSITORY (self), FALSE);
  g_return_val_if_fail (WARTA_IS_USER (actor), FALSE);

  WRITE_TRANSACTION (self, error,
                     set_state_in_transaction (self, actor, job_id,
                                               "UPDATE outbox_jobs SET state = 'paused', "
                                               "version = version + 1 WHERE id = ? "
                                               "AND state IN ('pending', 'waiting', 'running')",
                                               error));
  return TRUE;
}

gboolean
warta_outbox_repository_resume (WartaOutboxRepository  *self,
                                WartaUser              *actor,
                                gint64                  job_id,
                                GError                **error)
{
  g_return_val_if_fail (WARTA_IS_OUTBOX_REPOSITORY (self), FALSE);
  g_return_val_if_fail (WARTA_IS_USER (actor), FALSE);

  WRITE_TRANSACTION (self, error,
                     check_may_publish (self, actor, error) &&
                     check_not_by_hand (self, job_id, error) &&
                     set_state_in_transaction (self, actor, job_id,
                                               "UPDATE outbox_jobs SET state = 'pending', "
                                               "next_attempt_at = 0, error_code = NULL, "
                                               "error_message = NULL, " PAST_SCHEDULE_IS_NOW ", "
                                               "version = version + 1 "
                                               "WHERE id = ?1 AND state = 'paused' "
                                               "AND by_hand_since IS NULL",
                                               error));
  return TRUE;
}

static gboolean
cancel_in_transaction (WartaOutboxRepository  *self,
                       WartaUser              *actor,
                       gint64                  job_id,
                       GError                **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_auto(Target) target = { 0 };

  if (!check_may_publish (self, actor, error) || !get_target (self, job_id, &target, error))
    return FALSE;
  stmt = _warta_database_prepare (self->database,
                                  "UPDATE outbox_jobs SET error_message = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  /* The row says "Cancelled" and offers Try Again and the manual upload:
   * this says what that leaves. */
  sqlite3_bind_text (stmt, 1, _("Nothing more is sent. What was already uploaded is kept while the platform keeps it, and “Try Again” goes on from there."),
                     -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, job_id);
  /* Who stopped which target, and when, goes into the hash-chained
   * history before the publication follows its jobs. */
  return run (self, stmt, "outbox job", error) &&
         set_state_in_transaction (self, actor, job_id,
                                   "UPDATE outbox_jobs SET state = 'failed', error_code = '"
                                   WARTA_OUTBOX_ERROR_CANCELLED "', version = version + 1 "
                                   "WHERE id = ? AND state IN ('pending', 'waiting', 'running', "
                                   "'paused')",
                                   error) &&
         append_target_event (self, actor, &target, "cancel", warta_clock_now (self->clock),
                              target.account, error) &&
         follow_jobs (self, NULL, target.publication_id, error);
}

/**
 * warta_outbox_repository_cancel:
 * @self: a #WartaOutboxRepository
 * @actor: the social media admin cancelling it
 * @job_id: a target not stopped yet
 * @error: where to put an error
 *
 * Stops a target for good (Try Again still goes on from its last
 * confirmed step). Only a social media admin may
 * (%WARTA_WORKFLOW_ERROR_FORBIDDEN); who, when and for which account goes
 * into the publication's history.
 *
 * Returns: whether it was cancelled
 */
gboolean
warta_outbox_repository_cancel (WartaOutboxRepository  *self,
                                WartaUser              *actor,
                                gint64                  job_id,
                                GError                **error)
{
  g_return_val_if_fail (WARTA_IS_OUTBOX_REPOSITORY (self), FALSE);
  g_return_val_if_fail (WARTA_IS_USER (actor), FALSE);

  WRITE_TRANSACTION (self, error, cancel_in_transaction (self, actor, job_id, error));
  return TRUE;
}

static gboolean
retry_in_transaction (WartaOutboxRepository  *self,
                      WartaUser              *actor,
                      gint64                  job_id,
                      GError                **error)
{
  g_autoptr(WartaPublication) publication = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 publication_id;
  WartaOutboxState state;
  WartaState pub_state;

  if (!check_may_publish (self, actor, error) ||
      !job_publication (self, job_id, &publication_id, &state, NULL, error) ||
      !check_not_by_hand (self, job_id, error))
    return FALSE;
  if (state != WARTA_OUTBOX_STATE_FAILED)
    {
      set_wrong_state (error);
      return FALSE;
    }

  publication = warta_publication_repository_get (self->publications, publication_id, error);
  if (publication == NULL)
    return FALSE;
  pub_state = warta_publication_get_state (publication);
  if ((pub_state == WARTA_STATE_PARTIALLY_PUBLISHED || pub_state == WARTA_STATE_FAILED) &&
      !_warta_publication_repository_transition_in_transaction (self->publications, actor,
                                                                publication_id,
                                                                warta_publication_get_version (publication),
                                                                WARTA_ACTION_RETRY,
                                                                WARTA_STATE_PUBLISHING, NULL, error))
    return FALSE;

  stmt = _warta_database_prepare (self->database,
                                  "UPDATE outbox_jobs SET state = 'pending', attempts = 0, "
                                  "next_attempt_at = 0, error_code = NULL, error_message = NULL, "
                                  "finished_at = NULL, lease_owner = NULL, lease_until = 0, "
                                  PAST_SCHEDULE_IS_NOW ", version = version + 1 WHERE id = ?1",
                                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, job_id);
  sqlite3_bind_int64 (stmt, 2, warta_clock_now (self->clock));
  return run (self, stmt, "outbox job", error);
}

/* Goes on from the last confirmed step: nothing already sent is sent again. */
gboolean
warta_outbox_repository_retry (WartaOutboxRepository  *self,
                               WartaUser              *actor,
                               gint64                  job_id,
                               GError                **error)
{
  g_return_val_if_fail (WARTA_IS_OUTBOX_REPOSITORY (self), FALSE);
  g_return_val_if_fail (WARTA_IS_USER (actor), FALSE);

  WRITE_TRANSACTION (self, error, retry_in_transaction (self, actor, job_id, error));
  return TRUE;
}

static gboolean
set_step_in_transaction (WartaOutboxRepository  *self,
                         WartaUser              *actor,
                         gint64                  job_id,
                         const char             *step,
                         const char             *value_json,
                         GError                **error)
{
  g_autoptr(sqlite3_stmt) update = NULL;
  g_autofree char *holder = NULL;
  gint64 publication_id;
  WartaOutboxState state;

  if (!check_may_publish (self, actor, error) ||
      !job_publication (self, job_id, &publication_id, &state, &holder, error) ||
      !check_not_by_hand (self, job_id, error))
    return FALSE;
  /* A worker reads the steps when it starts: not while one holds it. */
  if (holder != NULL || state == WARTA_OUTBOX_STATE_RUNNING ||
      (warta_outbox_state_is_final (state) && state != WARTA_OUTBOX_STATE_FAILED))
    {
      set_wrong_state (error);
      return FALSE;
    }
  if (!insert_step (self, job_id, step, value_json, error))
    return FALSE;
  update = _warta_database_prepare (self->database,
                                    "UPDATE outbox_jobs SET version = version + 1 WHERE id = ?", error);
  if (update == NULL)
    return FALSE;
  sqlite3_bind_int64 (update, 1, job_id);
  return run (self, update, "outbox job", error);
}

gboolean
warta_outbox_repository_set_step (WartaOutboxRepository  *self,
                                  WartaUser              *actor,
                                  gint64                  job_id,
                                  const char             *step,
                                  const char             *value_json,
                                  GError                **error)
{
  g_return_val_if_fail (WARTA_IS_OUTBOX_REPOSITORY (self), FALSE);
  g_return_val_if_fail (WARTA_IS_USER (actor), FALSE);
  g_return_val_if_fail (step != NULL && value_json != NULL, FALSE);

  WRITE_TRANSACTION (self, error,
                     set_step_in_transaction (self, actor, job_id, step, value_json, error));
  return TRUE;
}

static gboolean
manual_in_transaction (WartaOutboxRepository  *self,
                       WartaUser              *actor,
                       gint64                  job_id,
                       const char             *url,
                       gint64                  published_at,
                       const char             *screenshot_path,
                       const char             *screenshot_sha256,
                       GError                **error)
{
  g_autoptr(sqlite3_stmt) proof = NULL;
  g_autoptr(sqlite3_stmt) update = NULL;
  gint64 publication_id;
  WartaOutboxState state;
  gint64 now = warta_clock_now (self->clock);

  if (!check_may_publish (self, actor, error) ||
      !job_publication (self, job_id, &publication_id, &state, NULL, error))
    return FALSE;
  if (state == WARTA_OUTBOX_STATE_DONE || state == WARTA_OUTBOX_STATE_MANUAL)
    {
      g_set_error_literal (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_INVALID_TRANSITION,
                           _("This target is already published. Reload the publication."));
      return FALSE;
    }

  proof = _warta_database_prepare (self->database,
                                   "INSERT INTO manual_proofs (job_id, url, published_at, screenshot_path, "
                                   "screenshot_sha256, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                                   error);
  if (proof == NULL)
    return FALSE;
  sqlite3_bind_int64 (proof, 1, job_id);
  sqlite3_bind_text (proof, 2, url, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (proof, 3, published_at);
  _warta_bind_text (proof, 4, screenshot_path);
  _warta_bind_text (proof, 5, screenshot_sha256);
  sqlite3_bind_int64 (proof, 6, warta_user_get_id (actor));
  sqlite3_bind_int64 (proof, 7, now);
  if (!run (self, proof, "manual proof", error))
    return FALSE;

  /* A worker still holding the lease finds it gone and stops. */
  update = _warta_database_prepare (self->database,
                                    "UPDATE outbox_jobs SET state = 'manual', remote_id = NULL, "
                                    "remote_url = ?, finished_at = ?, error_code = NULL, "
                                    "error_message = NULL, lease_owner = NULL, lease_until = 0, "
                                    "by_hand_since = NULL, by_hand_by = NULL, "
                                    "version = version + 1 WHERE id = ?",
                                    error);
  if (update == NULL)
    return FALSE;
  sqlite3_bind_text (update, 1, url, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (update, 2, published_at);
  sqlite3_bind_int64 (update, 3, job_id);
  if (!run (self, update, "outbox job", error))
    return FALSE;

  return follow_jobs (self, actor, publication_id, error);
}

gboolean
warta_outbox_repository_record_manual (WartaOutboxRepository  *self,
                                       WartaUser              *actor,
                                       gint64                  job_id,
                                       const char             *url,
                                       gint64                  published_at,
                                       const char             *screenshot_path,
                                       const char             *screenshot_sha256,
                                       GError                **error)
{
  g_return_val_if_fail (WARTA_IS_OUTBOX_REPOSITORY (self), FALSE);
  g_return_val_if_fail (WARTA_IS_USER (actor), FALSE);
  g_return_val_if_fail (url != NULL, FALSE);

  WRITE_TRANSACTION (self, error,
                     manual_in_transaction (self, actor, job_id, url, published_at,
                                            screenshot_path, screenshot_sha256, error));
  return TRUE;
}

/* By hand ----------------------------------------------------------------- */

/* Runs @sql (see set_state_for()) on @job_id, and records @actor's
 * decision as @kind in the publication's history, naming the target's
 * account: the archive keeps who chose how the post goes out, and when.
 * Switched again while being uploaded by hand, a target keeps who started
 * it, and nothing new is recorded. */
static gboolean
by_hand_in_transaction (WartaOutboxRepository  *self,
                        WartaUser              *actor,
                        gint64                  job_id,
                        const char             *sql,
                        const char             *kind,
                        GError                **error)
{
  g_auto(Target) target = { 0 };

  if (!check_may_publish (self, actor, error) ||
      !get_target (self, job_id, &target, error) ||
      !set_state_for (self, job_id, sql, FALSE, warta_user_get_id (actor), error))
    return FALSE;
  if (g_strcmp0 (kind, "by-hand-started") == 0 && target.by_hand_since != 0)
    return TRUE;
  return append_target_event (self, actor, &target, kind, warta_clock_now (self->clock),
                              target.account, error);
}

/**
 * warta_outbox_repository_start_by_hand:
 * @self: a #WartaOutboxRepository
 * @actor: the social media admin uploading it by hand
 * @job_id: a target not published yet
 * @error: where to put an error
 *
 * Records that @actor is uploading the target by hand, and since when,
 * for every Warta on the file: none sends it until the proof is recorded
 * or warta_outbox_repository_send_instead() is chosen. A target on its
 * way is paused in the same statement (its worker stops at its next
 * commit). One already being uploaded by hand keeps who started it.
 * Only a social media admin may (%WARTA_WORKFLOW_ERROR_FORBIDDEN); who,
 * when and for which account goes into the publication's history.
 *
 * Returns: whether it is being uploaded by hand now
 */
gboolean
warta_outbox_repository_start_by_hand (WartaOutboxRepository  *self,
                                       WartaUser              *actor,
                                       gint64                  job_id,
                                       GError                **error)
{
  g_return_val_if_fail (WARTA_IS_OUTBOX_REPOSITORY (self), FALSE);
  g_return_val_if_fail (WARTA_IS_USER (actor), FALSE);

  WRITE_TRANSACTION (self, error,
                     by_hand_in_transaction (self, actor, job_id, START_BY_HAND_SQL,
                                             "by-hand-started", error));
  return TRUE;
}

/* A paused target, not one held as missed, goes on as after Resume. */
#define RESUMES \
  "(state = 'paused' AND COALESCE (error_code, '') <> '" WARTA_OUTBOX_ERROR_MISSED "')"

/**
 * warta_outbox_repository_send_instead:
 * @self: a #WartaOutboxRepository
 * @actor: the social media admin giving the target back to Warta
 * @job_id: a target being uploaded by hand
 * @error: where to put an error
 *
 * Gives a target being uploaded by hand back to the outbox: a paused one
 * (not one held as missed) goes on as after Resume; a stopped one stays
 * stopped. Only a social media admin may
 * (%WARTA_WORKFLOW_ERROR_FORBIDDEN); who, when and for which account goes
 * into the publication's history.
 *
 * Returns: whether Warta sends it now
 */
gboolean
warta_outbox_repository_send_instead (WartaOutboxRepository  *self,
                                      WartaUser              *actor,
                                      gint64                  job_id,
                                      GError                **error)
{
  g_return_val_if_fail (WARTA_IS_OUTBOX_REPOSITORY (self), FALSE);
  g_return_val_if_fail (WARTA_IS_USER (actor), FALSE);

  WRITE_TRANSACTION (self, error,
                     by_hand_in_transaction (self, actor, job_id,
                                             "UPDATE outbox_jobs SET by_hand_since = NULL, "
                                             "by_hand_by = NULL, "
                                             "state = CASE WHEN " RESUMES " THEN 'pending' "
                                             "  ELSE state END, "
                                             "next_attempt_at = CASE WHEN " RESUMES " THEN 0 "
                                             "  ELSE next_attempt_at END, "
                                             "error_message = CASE WHEN " RESUMES " THEN NULL "
                                             "  ELSE error_message END, "
                                             "scheduled_at = CASE WHEN " RESUMES " AND "
                                             "  scheduled_at > 0 AND scheduled_at < ?2 THEN ?2 "
                                             "  ELSE scheduled_at END, "
                                             "version = version + 1 "
                                             "WHERE id = ?1 AND by_hand_since IS NOT NULL "
                                             "AND state NOT IN ('done', 'manual')",
                                             "by-hand-given-back", error));
  return TRUE;
}

/* Whether @job_id is a published target not taken down yet, and which. */
static gboolean
check_takedown (WartaOutboxRepository  *self,
                gint64                  job_id,
                gboolean                correcting,
                Target                 *out_target,
                GError                **error)
{
  if (!get_target (self, job_id, out_target, error))
    return FALSE;
  if (out_target->taken_down_at != 0)
    {
      g_set_error_literal (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_INVALID_TRANSITION,
                           correcting
                           ? _("This post has been taken down: it can no longer be corrected. Reload the publication to see by whom and why.")
                           : _("This post has already been taken down. Reload the publication to see by whom and why."));
      return FALSE;
    }
  if (out_target->state != WARTA_OUTBOX_STATE_DONE &&
      out_target->state != WARTA_OUTBOX_STATE_MANUAL)
    {
      g_set_error_literal (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_INVALID_TRANSITION,
                           correcting
                           ? _("Only a published post can be corrected. Reload the publication.")
                           : _("Only a published post can be taken down. Reload the publication."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
takedown_in_transaction (WartaOutboxRepository  *self,
                         WartaUser              *actor,
                         gint64                  job_id,
                         const char             *reason,
                         GError                **error)
{
  g_autoptr(sqlite3_stmt) update = NULL;
  g_auto(Target) target = { 0 };
  g_autofree char *note = NULL;
  gint64 now = warta_clock_now (self->clock);

  if (!check_may_publish (self, actor, error) ||
      !check_takedown (self, job_id, FALSE, &target, error))
    return FALSE;

  update = _warta_database_prepare (self->database,
                                    "UPDATE outbox_jobs SET taken_down_at = ?, taken_down_by = ?, "
                                    "takedown_reason = ?, version = version + 1 "
                                    "WHERE id = ? AND taken_down_at IS NULL",
                                    error);
  if (update == NULL)
    return FALSE;
  sqlite3_bind_int64 (update, 1, now);
  sqlite3_bind_int64 (update, 2, warta_user_get_id (actor));
  sqlite3_bind_text (update, 3, reason, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (update, 4, job_id);
  if (!run (self, update, "outbox job", error))
    return FALSE;

  /* In the hash-chained history too, so the archive keeps it. */
  note = g_strdup_printf ("%s: %s", target.account, reason);
  return append_target_event (self, actor, &target, "take-down", now, note, error);
}

/* The reason, trimmed, and the actor's role; NULL with an error. */
static char *
check_reason_and_role (WartaUser   *actor,
                       const char  *reason,
                       GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (reason != NULL ? reason : ""));

  if (*trimmed == '\0')
    {
      g_set_error_literal (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_NOTE_REQUIRED,
                           _("Write why the post is taken down: the reason is kept in the archive."));
      return NULL;
    }
  if (!warta_user_has_role (actor, WARTA_ROLE_SOCIAL_MEDIA_ADMIN))
    {
      g_set_error_literal (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_FORBIDDEN,
                           _("Only a social media admin can take a post down."));
      return NULL;
    }
  return g_steal_pointer (&trimmed);
}

/**
 * warta_outbox_repository_check_takedown:
 * @self: a #WartaOutboxRepository
 * @actor: the social media admin
 * @job_id: a published target
 * @reason: why
 * @error: where to put an error
 *
 * Whether warta_outbox_repository_record_takedown() would record it now,
 * with the same errors: asked before the post is deleted on its platform.
 *
 * Returns: whether it may be taken down
 */
gboolean
warta_outbox_repository_check_takedown (WartaOutboxRepository  *self,
                                        WartaUser              *actor,
                                        gint64                  job_id,
                                        const char             *reason,
                                        GError                **error)
{
  g_autofree char *trimmed = NULL;
  g_auto(Target) target = { 0 };

  g_return_val_if_fail (WARTA_IS_OUTBOX_REPOSITORY (self), FALSE);
  g_return_val_if_fail (WARTA_IS_USER (actor), FALSE);

  trimmed = check_reason_and_role (actor, reason, error);
  return trimmed != NULL && check_may_publish (self, actor, error) &&
         check_takedown (self, job_id, FALSE, &target, error);
}

/**
 * warta_outbox_repository_record_takedown:
 * @self: a #WartaOutboxRepository
 * @actor: the social media admin who took the post down
 * @job_id: a published target
 * @reason: why (a consent withdrawn, an error found …)
 * @error: where to put an error
 *
 * Records that a published post was taken down from its platform. The
 * target's result stays as it was; the take-down is added to it and to
 * the publication's history. A target already taken down, by this user or
 * another, is refused with a message, never recorded twice.
 *
 * Returns: whether it was recorded
 */
gboolean
warta_outbox_repository_record_takedown (WartaOutboxRepository  *self,
                                         WartaUser              *actor,
                                         gint64                  job_id,
                                         const char             *reason,
                                         GError                **error)
{
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (WARTA_IS_OUTBOX_REPOSITORY (self), FALSE);
  g_return_val_if_fail (WARTA_IS_USER (actor), FALSE);

  trimmed = check_reason_and_role (actor, reason, error);
  if (trimmed == NULL)
    return FALSE;
  WRITE_TRANSACTION (self, error, takedown_in_transaction (self, actor, job_id, trimmed, error));
  return TRUE;
}

/* Corrections ------------------------------------------------------------ */

/* The reason and the new text, trimmed, and the actor's role; FALSE with
 * an error. */
static gboolean
check_correction (WartaUser   *actor,
                  const char  *reason,
                  const char  *new_text,
                  char       **out_reason,
                  GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (reason != NULL ? reason : ""));
  g_autofree char *text = g_strstrip (g_strdup (new_text != NULL ? new_text : ""));

  if (*trimmed == '\0')
    {
      g_set_error_literal (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_NOTE_REQUIRED,
                           _("Write why the post is corrected: the reason is kept in the archive."));
      return FALSE;
    }
  if (*text == '\0')
    {
      g_set_error_literal (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_NOTE_REQUIRED,
                           _("The corrected text is empty. Write the text the post should have."));
      return FALSE;
    }
  if (!warta_user_has_role (actor, WARTA_ROLE_SOCIAL_MEDIA_ADMIN))
    {
      g_set_error_literal (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_FORBIDDEN,
                           _("Only a social media admin can correct a post."));
      return FALSE;
    }
  if (out_reason != NULL)
    *out_reason = g_steal_pointer (&trimmed);
  return TRUE;
}

/**
 * warta_outbox_repository_check_correction:
 * @self: a #WartaOutboxRepository
 * @actor: the social media admin
 * @job_id: a published target
 * @reason: why
 * @new_text: the post's corrected text
 * @error: where to put an error
 *
 * Whether warta_outbox_repository_record_correction() would record it
 * now, with the same errors: asked before the post is changed on its
 * platform.
 *
 * Returns: whether it may be corrected
 */
gboolean
warta_outbox_repository_check_correction (WartaOutboxRepository  *self,
                                          WartaUser              *actor,
                                          gint64                  job_id,
                                          const char             *reason,
                                          const char             *new_text,
                                          GError                **error)
{
  g_auto(Target) target = { 0 };

  g_return_val_if_fail (WARTA_IS_OUTBOX_REPOSITORY (self), FALSE);
  g_return_val_if_fail (WARTA_IS_USER (actor), FALSE);

  return check_correction (actor, reason, new_text, NULL, error) &&
         check_may_publish (self, actor, error) &&
         check_takedown (self, job_id, TRUE, &target, error);
}

static char *
join_title (const char *title,
            const char *text)
{
  if (title == NULL)
    return g_strdup (text);
  return g_strconcat (title, "\n\n", text, NULL);
}

static gboolean
correction_in_transaction (WartaOutboxRepository  *self,
                           WartaUser              *actor,
                           gint64                  job_id,
                           gboolean                by_warta,
                           const char             *reason,
                           const char             *old_title,
                           const char             *old_text,
                           const char             *new_title,
                           const char             *new_text,
                           GError                **error)
{
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(sqlite3_stmt) update = NULL;
  g_auto(Target) target = { 0 };
  g_autofree char *before = join_title (old_title, old_text);
  g_autofree char *after = join_title (new_title, new_text);
  g_autofree char *note = NULL;
  gint64 now = warta_clock_now (self->clock);

  if (!check_may_publish (self, actor, error) ||
      !check_takedown (self, job_id, TRUE, &target, error))
    return FALSE;

  insert = _warta_database_prepare (self->database,
                                    "INSERT INTO post_corrections (job_id, corrected_at, "
                                    "corrected_by, method, reason, old_title, old_text, "
                                    "new_title, new_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                    error);
  if (insert == NULL)
    return FALSE;
  sqlite3_bind_int64 (insert, 1, job_id);
  sqlite3_bind_int64 (insert, 2, now);
  sqlite3_bind_int64 (insert, 3, warta_user_get_id (actor));
  sqlite3_bind_text (insert, 4, by_warta ? "warta" : "by-hand", -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 5, reason, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (insert, 6, old_title, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (insert, 7, old_text != NULL ? old_text : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (insert, 8, new_title, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (insert, 9, new_text, -1, SQLITE_TRANSIENT);
  if (!run (self, insert, "post correction", error))
    return FALSE;

  /* Another Warta showing the job sees it changed. */
  update = _warta_database_prepare (self->database,
                                    "UPDATE outbox_jobs SET version = version + 1 WHERE id = ?",
                                    error);
  if (update == NULL)
    return FALSE;
  sqlite3_bind_int64 (update, 1, job_id);
  if (!run (self, update, "outbox job", error))
    return FALSE;

  /* In the hash-chained history too, the text before and after, so the
   * archive keeps what went out. */
  note = g_strdup_printf ("%s: %s\n\n− %s\n\n+ %s", target.account, reason,
                          before ? before : "", after);
  return append_target_event (self, actor, &target,
                              by_warta ? "correction" : "correction-by-hand", now, note, error);
}

/**
 * warta_outbox_repository_record_correction:
 * @self: a #WartaOutboxRepository
 * @actor: the social media admin who corrected the post
 * @job_id: a published target, not taken down
 * @by_warta: whether Warta changed the post through the platform (or the
 *   admin did it there by hand)
 * @reason: why (a name misspelt …)
 * @old_title: (nullable): the title before, where the post has one
 * @old_text: the text before
 * @new_title: (nullable): the title after
 * @new_text: the text after
 * @error: where to put an error
 *
 * Records a correction of a published post, with the text before and
 * after, in its own table and in the publication's history. A post may be
 * corrected more than once; a post taken down may not.
 *
 * Returns: whether it was recorded
 */
gboolean
warta_outbox_repository_record_correction (WartaOutboxRepository  *self,
                                           WartaUser              *actor,
                                           gint64                  job_id,
                                           gboolean                by_warta,
                                           const char             *reason,
                                           const char             *old_title,
                                           const char             *old_text,
                                           const char             *new_title,
                                           const char             *new_text,
                                           GError                **error)
{
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (WARTA_IS_OUTBOX_REPOSITORY (self), FALSE);
  g_return_val_if_fail (WARTA_IS_USER (actor), FALSE);

  if (!check_correction (actor, reason, new_text, &trimmed, error))
    return FALSE;
  WRITE_TRANSACTION (self, error,
                     correction_in_transaction (self, actor, job_id, by_warta, trimmed, old_title,
                                                old_text, new_title, new_text, error));
  return TRUE;
}

/**
 * warta_outbox_repository_get_corrected_text:
 * @self: a #WartaOutboxRepository
 * @job_id: a published target
 * @out_title: (out) (optional): the latest correction's title, or NULL
 * @out_text: (out): the latest correction's text
 * @error: where to put an error
 *
 * Returns: 1 with the text of the latest correction, 0 when the post was
 *   never corrected, -1 with an error
 */
int
warta_outbox_repository_get_corrected_text (WartaOutboxRepository  *self,
                                            gint64                  job_id,
                                            char                  **out_title,
                                            char                  **out_text,
                                            GError                **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (WARTA_IS_OUTBOX_REPOSITORY (self), -1);

  stmt = _warta_database_prepare (self->database,
                                  "SELECT new_title, new_text FROM post_corrections "
                                  "WHERE job_id = ? ORDER BY id DESC LIMIT 1",
                                  error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, job_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return 0;
  if (rc != SQLITE_ROW)
    {
      _warta_database_set_error (self->database, error, rc, "post correction");
      return -1;
    }
  if (out_title != NULL)
    *out_title = _warta_column_dup (stmt, 0);
  *out_text = _warta_column_dup (stmt, 1);
  return 1;
}

gboolean
warta_outbox_repository_get_manual_proof (WartaOutboxRepository  *self,
                                          gint64                  job_id,
                                          char                  **out_url,
                                          gint64                 *out_published_at,
                                          char                  **out_screenshot_path,
                                          char                  **out_screenshot_sha256,
                                          GError                **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (WARTA_IS_OUTBOX_REPOSITORY (self), FALSE);

  stmt = _warta_database_prepare (self->database,
                                  "SELECT url, published_at, screenshot_path, screenshot_sha256 "
                                  "FROM manual_proofs WHERE job_id = ? ORDER BY id DESC LIMIT 1",
                                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, job_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      if (out_url)
        *out_url = _warta_column_dup (stmt, 0);
      if (out_published_at)
        *out_published_at = sqlite3_column_int64 (stmt, 1);
      if (out_screenshot_path)
        *out_screenshot_path = _warta_column_dup (stmt, 2);
      if (out_screenshot_sha256)
        *out_screenshot_sha256 = _warta_column_dup (stmt, 3);
      return TRUE;
    }
  if (rc == SQLITE_DONE)
    set_not_found (error);
  else
    _warta_database_set_error (self->database, error, rc, "manual proof");
  return FALSE;
}
