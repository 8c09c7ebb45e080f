/* warta-publication-repository.c: publications, revisions and the workflow
 *
 * The rules live in core/warta-workflow.c; this file applies them inside
 * one write transaction per change: read the row, check its version and
 * the actor's roles as stored now, write the change, its event and its
 * step record, commit. A write based on a stale version fails with
 * WARTA_DB_ERROR_CONFLICT and changes nothing.
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "warta-publication-repository"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "warta-database-private.h"
#include "warta-event-log-private.h"
#include "warta-publication-repository.h"
#include "warta-publication-repository-private.h"
#include "warta-user-repository-private.h"

struct _WartaPublicationRepository
{
  GObject         parent_instance;

  WartaDatabase  *database;
  WartaClock     *clock;
  WartaDeadlines  deadlines;
};

G_DEFINE_FINAL_TYPE (WartaPublicationRepository, warta_publication_repository, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_CLOCK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What a change needs to know about the publication it changes. */
typedef struct
{
  gint64      id;
  WartaState  state;
  gint64      version;
  gint64      current_revision_id;
  gint64      approved_revision_id;
  char       *approved_hash;
  char       *current_hash;
  guint       step;
  gint64      step_entered_at;
  gint64      deadline_at;
  guint       correction_rounds;
} PubRow;

static void
pub_row_clear (PubRow *row)
{
  g_clear_pointer (&row->approved_hash, g_free);
  g_clear_pointer (&row->current_hash, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PubRow, pub_row_clear)

typedef struct
{
  WartaRole  roles;
  char      *name;
} Actor;

static void
actor_clear (Actor *actor)
{
  g_clear_pointer (&actor->name, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Actor, actor_clear)

static void
warta_publication_repository_finalize (GObject *object)
{
  WartaPublicationRepository *self = (WartaPublicationRepository *)object;

  g_clear_object (&self->database);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (warta_publication_repository_parent_class)->finalize (object);
}

static void
warta_publication_repository_get_property (GObject    *object,
                                           guint       prop_id,
                                           GValue     *value,
                                           GParamSpec *pspec)
{
  WartaPublicationRepository *self = WARTA_PUBLICATION_REPOSITORY (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    case PROP_CLOCK:
      g_value_set_object (value, self->clock);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
warta_publication_repository_set_property (GObject      *object,
                                           guint         prop_id,
                                           const GValue *value,
                                           GParamSpec   *pspec)
{
  WartaPublicationRepository *self = WARTA_PUBLICATION_REPOSITORY (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      break;

    case PROP_CLOCK:
      self->clock = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
warta_publication_repository_constructed (GObject *object)
{
  WartaPublicationRepository *self = WARTA_PUBLICATION_REPOSITORY (object);

  G_OBJECT_CLASS (warta_publication_repository_parent_class)->constructed (object);

  if (self->clock == NULL)
    self->clock = warta_clock_new (NULL);
}

static void
warta_publication_repository_class_init (WartaPublicationRepositoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = warta_publication_repository_finalize;
  object_class->constructed = warta_publication_repository_constructed;
  object_class->get_property = warta_publication_repository_get_property;
  object_class->set_property = warta_publication_repository_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, WARTA_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL, WARTA_TYPE_CLOCK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
warta_publication_repository_init (WartaPublicationRepository *self)
{
  warta_deadlines_init_default (&self->deadlines);
}

/**
 * warta_publication_repository_new:
 * @database: the database
 * @clock: (nullable): the clock deadlines run on; %NULL for the real time
 *   in Asia/Jakarta
 */
WartaPublicationRepository *
warta_publication_repository_new (WartaDatabase *database,
                                  WartaClock    *clock)
{
  g_return_val_if_fail (WARTA_IS_DATABASE (database), NULL);
  g_return_val_if_fail (clock == NULL || WARTA_IS_CLOCK (clock), NULL);

  return g_object_new (WARTA_TYPE_PUBLICATION_REPOSITORY,
                       "database", database,
                       "clock", clock,
                       NULL);
}

WartaDatabase *
warta_publication_repository_get_database (WartaPublicationRepository *self)
{
  g_return_val_if_fail (WARTA_IS_PUBLICATION_REPOSITORY (self), NULL);

  return self->database;
}

WartaClock *
warta_publication_repository_get_clock (WartaPublicationRepository *self)
{
  g_return_val_if_fail (WARTA_IS_PUBLICATION_REPOSITORY (self), NULL);

  return self->clock;
}

/**
 * warta_publication_repository_set_deadlines:
 * @self: a #WartaPublicationRepository
 * @deadlines: the limits of each step (from the settings)
 *
 * Applies to steps entered from now on.
 */
void
warta_publication_repository_set_deadlines (WartaPublicationRepository *self,
                                            const WartaDeadlines       *deadlines)
{
  g_return_if_fail (WARTA_IS_PUBLICATION_REPOSITORY (self));
  g_return_if_fail (deadlines != NULL);

  self->deadlines = *deadlines;
}

void
warta_publication_repository_get_deadlines (WartaPublicationRepository *self,
                                            WartaDeadlines             *deadlines)
{
  g_return_if_fail (WARTA_IS_PUBLICATION_REPOSITORY (self));
  g_return_if_fail (deadlines != NULL);

  *deadlines = self->deadlines;
}

static void
set_not_found (GError     **error,
               const char  *what)
{
  g_set_error (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_NOT_FOUND,
               "%s", what);
}

/* The conflict message names who changed the row and when, from the
 * publication's newest event. */
static void
set_conflict_error_for (WartaPublicationRepository  *self,
                        const char                  *who,
                        gint64                       at,
                        GError                     **error)
{
  g_autofree char *when_text = warta_format_time (warta_clock_get_time_zone (self->clock), at, TRUE);

  g_set_error (error, WARTA_DB_ERROR, WARTA_DB_ERROR_CONFLICT,
               _("%s changed this publication at %s, after you opened it. Reload it to see the change, then try again."),
               who != NULL ? who : _("Another user"),
               when_text != NULL ? when_text : _("an unknown time"));
}

static void
set_conflict_error (WartaPublicationRepository  *self,
                    gint64                       publication_id,
                    GError                     **error)
{
  g_autoptr(WartaEvent) event = warta_event_log_get_latest (self->database, publication_id, NULL);

  set_conflict_error_for (self,
                          event != NULL ? warta_event_get_actor_name (event) : NULL,
                          event != NULL ? warta_event_get_at (event) : 0,
                          error);
}

static gboolean
step_done (WartaPublicationRepository  *self,
           sqlite3_stmt                *stmt,
           const char                  *what,
           GError                     **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    {
      _warta_database_set_error (self->database, error, rc, what);
      return FALSE;
    }

  return TRUE;
}

static gboolean
load_actor (WartaPublicationRepository  *self,
            WartaUser                   *user,
            Actor                       *actor,
            GError                     **error)
{
  gboolean active;

  if (!_warta_user_load_stored (self->database, warta_user_get_id (user), &active, &actor->roles,
                                &actor->name, error))
    return FALSE;
  if (active)
    return TRUE;

  g_set_error (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_FORBIDDEN,
               _("Your account is not active. Ask an administrator."));
  return FALSE;
}

static gboolean
load_row (WartaPublicationRepository  *self,
          gint64                       id,
          PubRow                      *row,
          GError                     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _warta_database_prepare (self->database,
                                  "SELECT p.state, p.version, p.current_revision_id, "
                                  "p.approved_revision_id, p.approved_hash, r.hash, p.step, "
                                  "p.step_entered_at, p.deadline_at, p.correction_rounds "
                                  "FROM publications p "
                                  "LEFT JOIN revisions r ON r.id = p.current_revision_id "
                                  "WHERE p.id = ?",
                                  error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      set_not_found (error, _("The publication no longer exists. Reload the list."));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      _warta_database_set_error (self->database, error, rc, "publication");
      return FALSE;
    }

  row->id = id;
  row->state = warta_state_from_id ((const char *)sqlite3_column_text (stmt, 0));
  row->version = sqlite3_column_int64 (stmt, 1);
  row->current_revision_id = sqlite3_column_int64 (stmt, 2);
  row->approved_revision_id = sqlite3_column_int64 (stmt, 3);
  row->approved_hash = _warta_column_dup (stmt, 4);
  row->current_hash = _warta_column_dup (stmt, 5);
  row->step = (guint)sqlite3_column_int (stmt, 6);
  row->step_entered_at = sqlite3_column_int64 (stmt, 7);
  row->deadline_at = sqlite3_column_int64 (stmt, 8);
  row->correction_rounds = (guint)sqlite3_column_int (stmt, 9);

  if (row->state == WARTA_N_STATES)
    {
      g_set_error (error, WARTA_DB_ERROR, WARTA_DB_ERROR_CORRUPT,
                   _("The publication has an unknown state. Restore the database from a backup."));
      return FALSE;
    }

  return TRUE;
}

/* Loads the row for a change and checks the version the caller saw. */
static gboolean
load_row_for_write (WartaPublicationRepository  *self,
                    gint64                       id,
                    gint64                       expected_version,
                    PubRow                      *row,
                    GError                     **error)
{
  if (!load_row (self, id, row, error))
    return FALSE;

  if (row->version != expected_version)
    {
      set_conflict_error (self, id, error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
insert_revision (WartaPublicationRepository  *self,
                 gint64                       publication_id,
                 WartaRevision               *draft,
                 gint64                       author_id,
                 gint64                       now,
                 const char                  *hash,
                 gint64                      *out_id,
                 GError                     **error)
{
  g_autoptr(sqlite3_stmt) number_stmt = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_auto(GStrv) targets = NULL;
  GListModel *media;
  gint64 number = 1;
  gint64 revision_id;
  guint n_media;

  number_stmt = _warta_database_prepare (self->database,
                                         "SELECT coalesce (max (number), 0) + 1 FROM revisions "
                                         "WHERE publication_id = ?",
                                         error);
  if (number_stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (number_stmt, 1, publication_id);
  if (sqlite3_step (number_stmt) == SQLITE_ROW)
    number = sqlite3_column_int64 (number_stmt, 0);

  stmt = _warta_database_prepare (self->database,
                                  "INSERT INTO revisions (publication_id, number, hash, author_id, "
                                  "created_at, title, what, who, when_text, where_text, why, how, "
                                  "narrative, category, hashtags, article_title, article_body, "
                                  "scheduled_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                  error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, publication_id);
  sqlite3_bind_int64 (stmt, 2, number);
  sqlite3_bind_text (stmt, 3, hash, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, author_id);
  sqlite3_bind_int64 (stmt, 5, now);
  _warta_bind_text (stmt, 6, warta_revision_get_title (draft));
  _warta_bind_text (stmt, 7, warta_revision_get_what (draft));
  _warta_bind_text (stmt, 8, warta_revision_get_who (draft));
  _warta_bind_text (stmt, 9, warta_revision_get_when (draft));
  _warta_bind_text (stmt, 10, warta_revision_get_where (draft));
  _warta_bind_text (stmt, 11, warta_revision_get_why (draft));
  _warta_bind_text (stmt, 12, warta_revision_get_how (draft));
  _warta_bind_text (stmt, 13, warta_revision_get_narrative (draft));
  _warta_bind_text (stmt, 14, warta_revision_get_category (draft));
  _warta_bind_text (stmt, 15, warta_revision_get_hashtags (draft));
  _warta_bind_text (stmt, 16, warta_revision_get_article_title (draft));
  _warta_bind_text (stmt, 17, warta_revision_get_article_body (draft));
  sqlite3_bind_int64 (stmt, 18, warta_revision_get_scheduled_at (draft));

  if (!step_done (self, stmt, "revision", error))
    return FALSE;

  revision_id = sqlite3_last_insert_rowid (_warta_database_get_handle (self->database));

  targets = warta_revision_list_caption_targets (draft);
  for (guint i = 0; targets[i] != NULL; i++)
    {
      g_autoptr(sqlite3_stmt) caption = NULL;

      caption = _warta_database_prepare (self->database,
                                         "INSERT INTO revision_captions (revision_id, target, caption) "
                                         "VALUES (?, ?, ?)",
                                         error);
      if (caption == NULL)
        return FALSE;
      sqlite3_bind_int64 (caption, 1, revision_id);
      sqlite3_bind_text (caption, 2, targets[i], -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (caption, 3, warta_revision_get_caption (draft, targets[i]), -1, SQLITE_TRANSIENT);
      if (!step_done (self, caption, "caption", error))
        return FALSE;
    }

  media = warta_revision_get_media (draft);
  n_media = g_list_model_get_n_items (media);
  for (guint i = 0; i < n_media; i++)
    {
      g_autoptr(WartaMediaItem) item = g_list_model_get_item (media, i);
      g_autoptr(sqlite3_stmt) insert = NULL;

      insert = _warta_database_prepare (self->database,
                                        "INSERT INTO media_items (revision_id, position, path, sha256, "
                                        "kind, width, height, credit, alt_text, illustration, "
                                        "identifiable_people, minor, consent, blur_regions, "
                                        "crop_centers, skipped_platforms, duration_us, size) "
                                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                        error);
      if (insert == NULL)
        return FALSE;
      sqlite3_bind_int64 (insert, 1, revision_id);
      sqlite3_bind_int (insert, 2, (int)i);
      sqlite3_bind_text (insert, 3, warta_media_item_get_path (item) ?: "", -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (insert, 4, warta_media_item_get_sha256 (item) ?: "", -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (insert, 5, warta_media_item_get_kind (item) ?: "photo", -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (insert, 6, warta_media_item_get_width (item));
      sqlite3_bind_int (insert, 7, warta_media_item_get_height (item));
      _warta_bind_text (insert, 8, warta_media_item_get_credit (item));
      _warta_bind_text (insert, 9, warta_media_item_get_alt_text (item));
      sqlite3_bind_int (insert, 10, warta_media_item_get_illustration (item));
      sqlite3_bind_int (insert, 11, warta_media_item_get_identifiable_people (item));
      sqlite3_bind_int (insert, 12, warta_media_item_get_minor (item));
      _warta_bind_text (insert, 13, warta_media_item_get_consent (item));
      {
        g_autofree char *blur = warta_media_item_dup_blur_json (item);
        g_autofree char *crops = warta_media_item_dup_crops_json (item);

        _warta_bind_text (insert, 14, blur);
        _warta_bind_text (insert, 15, crops);
      }
      _warta_bind_text (insert, 16, warta_media_item_get_skipped_platforms (item));
      if (warta_media_item_get_duration_us (item) > 0)
        sqlite3_bind_int64 (insert, 17, warta_media_item_get_duration_us (item));
      if (warta_media_item_get_size (item) > 0)
        sqlite3_bind_int64 (insert, 18, (gint64) MIN (warta_media_item_get_size (item), G_MAXINT64));
      if (!step_done (self, insert, "media item", error))
        return FALSE;
    }

  *out_id = revision_id;
  return TRUE;
}

/* The scheduled time of @revision_id, 0 for none. */
static gboolean
load_scheduled_at (WartaPublicationRepository  *self,
                   gint64                       revision_id,
                   gint64                      *out_scheduled_at,
                   GError                     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  *out_scheduled_at = 0;
  if (revision_id == 0)
    return TRUE;

  stmt = _warta_database_prepare (self->database,
                                  "SELECT scheduled_at FROM revisions WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, revision_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_scheduled_at = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    {
      _warta_database_set_error (self->database, error, rc, "revision");
      return FALSE;
    }

  return TRUE;
}

/* Closes the step record the publication leaves and opens the one it
 * enters, when the move changes the SOP step. Returns the new deadline:
 * publishing a scheduled post (@approved_revision_id's time) is due the
 * step's limit after that time. */
static gboolean
change_step (WartaPublicationRepository  *self,
             PubRow                      *row,
             WartaState                   to,
             gint64                       approved_revision_id,
             gint64                       now,
             gint64                       actor_id,
             guint                       *out_step,
             gint64                      *out_entered_at,
             gint64                      *out_deadline_at,
             GError                     **error)
{
  guint new_step = warta_state_get_step (to);
  gint64 scheduled_at = 0;

  if (row != NULL && row->step == new_step)
    {
      *out_step = row->step;
      *out_entered_at = row->step_entered_at;
      *out_deadline_at = row->deadline_at;
      return TRUE;
    }

  if (row != NULL)
    {
      g_autoptr(sqlite3_stmt) close_stmt = NULL;

      close_stmt = _warta_database_prepare (self->database,
                                            "UPDATE step_records SET exited_at = ?, exit_state = ?, "
                                            "exited_by = ? WHERE publication_id = ? AND exited_at IS NULL",
                                            error);
      if (close_stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (close_stmt, 1, now);
      sqlite3_bind_text (close_stmt, 2, warta_state_get_id (to), -1, SQLITE_STATIC);
      sqlite3_bind_int64 (close_stmt, 3, actor_id);
      sqlite3_bind_int64 (close_stmt, 4, row->id);
      if (!step_done (self, close_stmt, "step record", error))
        return FALSE;
    }

  if (new_step == WARTA_STEP_PUBLISHING &&
      !load_scheduled_at (self, approved_revision_id, &scheduled_at, error))
    return FALSE;

  *out_step = new_step;
  *out_entered_at = now;
  *out_deadline_at = warta_deadlines_get_due (&self->deadlines, new_step,
                                              warta_workflow_get_clock_start (new_step, now,
                                                                              scheduled_at));

  return TRUE;
}

static gboolean
open_step_record (WartaPublicationRepository  *self,
                  gint64                       publication_id,
                  WartaState                   state,
                  gint64                       entered_at,
                  gint64                       deadline_at,
                  gint64                       actor_id,
                  GError                     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (warta_state_get_step (state) == 0)
    return TRUE;

  stmt = _warta_database_prepare (self->database,
                                  "INSERT INTO step_records (publication_id, step, state, entered_at, "
                                  "deadline_at, entered_by) VALUES (?, ?, ?, ?, ?, ?)",
                                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, publication_id);
  sqlite3_bind_int (stmt, 2, (int)warta_state_get_step (state));
  sqlite3_bind_text (stmt, 3, warta_state_get_id (state), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, entered_at);
  sqlite3_bind_int64 (stmt, 5, deadline_at);
  sqlite3_bind_int64 (stmt, 6, actor_id);

  return step_done (self, stmt, "step record", error);
}

typedef struct
{
  WartaState   state;
  guint        step;
  gint64       step_entered_at;
  gint64       deadline_at;
  guint        correction_rounds;
  gint64       current_revision_id;
  gint64       approved_revision_id;
  const char  *approved_hash;
  const char  *title;
  const char  *category;
  gint64       last_event_id;
} PubUpdate;

static gboolean
update_publication (WartaPublicationRepository  *self,
                    PubRow                      *row,
                    const PubUpdate             *update,
                    gint64                       actor_id,
                    gint64                       now,
                    GError                     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = _warta_database_prepare (self->database,
                                  "UPDATE publications SET state = ?, version = version + 1, step = ?, "
                                  "step_entered_at = ?, deadline_at = ?, correction_rounds = ?, "
                                  "current_revision_id = ?, approved_revision_id = ?, approved_hash = ?, "
                                  "title = coalesce (?, title), category = coalesce (?, category), "
                                  "updated_by = ?, updated_at = ?, last_event_id = ? "
                                  "WHERE id = ? AND version = ?",
                                  error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, warta_state_get_id (update->state), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, (int)update->step);
  sqlite3_bind_int64 (stmt, 3, update->step_entered_at);
  sqlite3_bind_int64 (stmt, 4, update->deadline_at);
  sqlite3_bind_int (stmt, 5, (int)update->correction_rounds);
  _warta_bind_id (stmt, 6, update->current_revision_id);
  _warta_bind_id (stmt, 7, update->approved_revision_id);
  _warta_bind_text (stmt, 8, update->approved_hash);
  _warta_bind_text (stmt, 9, update->title);
  _warta_bind_text (stmt, 10, update->category);
  sqlite3_bind_int64 (stmt, 11, actor_id);
  sqlite3_bind_int64 (stmt, 12, now);
  sqlite3_bind_int64 (stmt, 13, update->last_event_id);
  sqlite3_bind_int64 (stmt, 14, row->id);
  sqlite3_bind_int64 (stmt, 15, row->version);

  if (!step_done (self, stmt, "publication", error))
    return FALSE;

  /* Cannot happen under BEGIN IMMEDIATE, but a lost update must never be
   * silent. */
  if (sqlite3_changes (_warta_database_get_handle (self->database)) != 1)
    {
      set_conflict_error (self, row->id, error);
      return FALSE;
    }

  return TRUE;
}

static void
pub_update_init (PubUpdate    *update,
                 const PubRow *row)
{
  *update = (PubUpdate) {
    .state = row->state,
    .step = row->step,
    .step_entered_at = row->step_entered_at,
    .deadline_at = row->deadline_at,
    .correction_rounds = row->correction_rounds,
    .current_revision_id = row->current_revision_id,
    .approved_revision_id = row->approved_revision_id,
    .approved_hash = row->approved_hash,
  };
}

/* The role the actor acts in, for the record. */
static const char *
acting_role (WartaRole roles,
             WartaRole wanted)
{
  WartaRole both = roles & wanted;

  for (guint i = 0; i < WARTA_N_ROLES; i++)
    if (both & warta_role_nth (i))
      return warta_role_get_id (warta_role_nth (i));

  return NULL;
}

/* Whether it was returned to the state it is in: the event that last
 * brought it there (notes, drafts and such keep the state) is a return,
 * and by whom. Its open correction notes, over every round: a note
 * reopened by a reviewer is open again, one marked done is not. */
#define PUBLICATION_COLUMNS \
  "p.id, p.state, p.version, p.title, p.category, p.current_revision_id, r.hash, " \
  "p.approved_revision_id, p.approved_hash, p.step, p.step_entered_at, p.deadline_at, " \
  "p.correction_rounds, p.created_by, p.created_at, p.updated_by, u.display_name, p.updated_at, " \
  "coalesce (a.scheduled_at, 0), " \
  "CASE WHEN e.kind = 'return' THEN e.actor_id END, " \
  "CASE WHEN e.kind = 'return' THEN eu.display_name END, " \
  "(SELECT count (*) FROM correction_notes n " \
  " WHERE n.publication_id = p.id AND n.status = 'open') " \
  "FROM publications p " \
  "LEFT JOIN revisions r ON r.id = p.current_revision_id " \
  "LEFT JOIN revisions a ON a.id = p.approved_revision_id " \
  "LEFT JOIN users u ON u.id = p.updated_by " \
  "LEFT JOIN events e ON e.id = (SELECT max (x.id) FROM events x WHERE x.publication_id = p.id " \
  "                              AND x.to_state = p.state AND x.from_state IS NOT p.state) " \
  "LEFT JOIN users eu ON eu.id = e.actor_id "

static WartaPublication *
publication_from_row (sqlite3_stmt *stmt)
{
  WartaPublication *publication = warta_publication_new ();
  WartaState state = warta_state_from_id ((const char *)sqlite3_column_text (stmt, 1));

  warta_publication_set_id (publication, sqlite3_column_int64 (stmt, 0));
  warta_publication_set_state (publication, state < WARTA_N_STATES ? state : WARTA_STATE_WITHDRAWN);
  warta_publication_set_version (publication, sqlite3_column_int64 (stmt, 2));
  warta_publication_set_title (publication, (const char *)sqlite3_column_text (stmt, 3));
  warta_publication_set_category (publication, (const char *)sqlite3_column_text (stmt, 4));
  warta_publication_set_current_revision_id (publication, sqlite3_column_int64 (stmt, 5));
  warta_publication_set_current_hash (publication, (const char *)sqlite3_column_text (stmt, 6));
  warta_publication_set_approved_revision_id (publication, sqlite3_column_int64 (stmt, 7));
  warta_publication_set_approved_hash (publication, (const char *)sqlite3_column_text (stmt, 8));
  warta_publication_set_step (publication, (guint)sqlite3_column_int (stmt, 9));
  warta_publication_set_step_entered_at (publication, sqlite3_column_int64 (stmt, 10));
  warta_publication_set_deadline_at (publication, sqlite3_column_int64 (stmt, 11));
  warta_publication_set_correction_rounds (publication, (guint)sqlite3_column_int (stmt, 12));
  warta_publication_set_created_by (publication, sqlite3_column_int64 (stmt, 13));
  warta_publication_set_created_at (publication, sqlite3_column_int64 (stmt, 14));
  warta_publication_set_updated_by (publication, sqlite3_column_int64 (stmt, 15));
  warta_publication_set_updated_by_name (publication, (const char *)sqlite3_column_text (stmt, 16));
  warta_publication_set_updated_at (publication, sqlite3_column_int64 (stmt, 17));
  warta_publication_set_scheduled_at (publication, sqlite3_column_int64 (stmt, 18));
  warta_publication_set_returned_by (publication, sqlite3_column_int64 (stmt, 19));
  warta_publication_set_returned_by_name (publication,
                                          (const char *)sqlite3_column_text (stmt, 20));
  warta_publication_set_open_notes (publication, (guint)sqlite3_column_int (stmt, 21));

  return publication;
}

/**
 * warta_publication_repository_get:
 * @self: a #WartaPublicationRepository
 * @id: the publication's id
 * @error: a %WARTA_WORKFLOW_ERROR_NOT_FOUND or a #WARTA_DB_ERROR
 *
 * Returns: (transfer full): the publication as stored now
 */
WartaPublication *
warta_publication_repository_get (WartaPublicationRepository  *self,
                                  gint64                       id,
                                  GError                     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (WARTA_IS_PUBLICATION_REPOSITORY (self), NULL);

  stmt = _warta_database_prepare (self->database,
                                  "SELECT " PUBLICATION_COLUMNS "WHERE p.id = ?",
                                  error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return publication_from_row (stmt);

  if (rc == SQLITE_DONE)
    set_not_found (error, _("The publication no longer exists. Reload the list."));
  else
    _warta_database_set_error (self->database, error, rc, "publication");

  return NULL;
}

/* Runs @body inside one write transaction; rolls back on failure. */
#define WRITE_TRANSACTION(self, error, body)                          \
  G_STMT_START {                                                      \
    if (!_warta_database_begin_write ((self)->database, (error)))     \
      return NULL;                                                    \
    if (!(body))                                                      \
      {                                                               \
        _warta_database_rollback ((self)->database);                  \
        return NULL;                                                  \
      }                                                               \
    if (!_warta_database_commit ((self)->database, (error)))          \
      return NULL;                                                    \
  } G_STMT_END

static gboolean
create_in_transaction (WartaPublicationRepository  *self,
                       WartaUser                   *user,
                       WartaRevision               *draft,
                       gint64                      *out_id,
                       GError                     **error)
{
  g_auto(Actor) actor = { 0 };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *hash = NULL;
  g_auto(PubRow) row = { 0 };
  PubUpdate update;
  gint64 now = warta_clock_now (self->clock);
  gint64 user_id = warta_user_get_id (user);
  gint64 revision_id = 0;
  gint64 event_id;
  gint64 id;
  const char *role;

  if (!load_actor (self, user, &actor, error))
    return FALSE;

  if (!warta_workflow_check_edit (WARTA_STATE_DOCUMENTING, actor.roles, NULL, NULL, error))
    return FALSE;

  role = acting_role (actor.roles, WARTA_ROLE_ACTIVITY_OFFICER | WARTA_ROLE_SOCIAL_MEDIA_ADMIN);

  stmt = _warta_database_prepare (self->database,
                                  "INSERT INTO publications (state, title, category, step, "
                                  "step_entered_at, deadline_at, created_by, created_at, updated_by, "
                                  "updated_at) VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?)",
                                  error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, warta_state_get_id (WARTA_STATE_DOCUMENTING), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, warta_revision_get_title (draft) ?: "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, warta_revision_get_category (draft) ?: "periodic", -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, now);
  sqlite3_bind_int64 (stmt, 5, warta_deadlines_get_due (&self->deadlines, 1, now));
  sqlite3_bind_int64 (stmt, 6, user_id);
  sqlite3_bind_int64 (stmt, 7, now);
  sqlite3_bind_int64 (stmt, 8, user_id);
  sqlite3_bind_int64 (stmt, 9, now);
  if (!step_done (self, stmt, "publication", error))
    return FALSE;

  id = sqlite3_last_insert_rowid (_warta_database_get_handle (self->database));

  hash = warta_revision_compute_hash (draft);
  if (!insert_revision (self, id, draft, user_id, now, hash, &revision_id, error))
    return FALSE;

  event_id = _warta_event_log_append (self->database, id, now, user_id, role, "create",
                                      NULL, warta_state_get_id (WARTA_STATE_DOCUMENTING),
                                      revision_id, NULL, error);
  if (event_id == 0)
    return FALSE;

  if (!load_row (self, id, &row, error))
    return FALSE;

  if (!open_step_record (self, id, WARTA_STATE_DOCUMENTING, now, row.deadline_at, user_id, error))
    return FALSE;

  pub_update_init (&update, &row);
  update.current_revision_id = revision_id;
  update.last_event_id = event_id;
  if (!update_publication (self, &row, &update, user_id, now, error))
    return FALSE;

  *out_id = id;
  return TRUE;
}

/**
 * warta_publication_repository_create:
 * @self: a #WartaPublicationRepository
 * @actor: the activity officer (or social media admin) who documents
 * @draft: the first content; it becomes revision 1
 * @error: a #WARTA_WORKFLOW_ERROR or #WARTA_DB_ERROR
 *
 * Returns: (transfer full): the new publication, in step 1
 */
WartaPublication *
warta_publication_repository_create (WartaPublicationRepository  *self,
                                     WartaUser                   *actor,
                                     WartaRevision               *draft,
                                     GError                     **error)
{
  gint64 id = 0;

  g_return_val_if_fail (WARTA_IS_PUBLICATION_REPOSITORY (self), NULL);
  g_return_val_if_fail (WARTA_IS_USER (actor), NULL);
  g_return_val_if_fail (WARTA_IS_REVISION (draft), NULL);

  WRITE_TRANSACTION (self, error, create_in_transaction (self, actor, draft, &id, error));

  return warta_publication_repository_get (self, id, error);
}

/* The draft row, for a save based on its version. */
typedef struct
{
  gint64  version;     /* 0: no draft yet, the current revision stands for it */
  char   *content;
  char   *updated_by_name;
  gint64  updated_at;
} DraftRow;

static void
draft_row_clear (DraftRow *row)
{
  g_clear_pointer (&row->content, g_free);
  g_clear_pointer (&row->updated_by_name, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DraftRow, draft_row_clear)

static gboolean
load_draft_row (WartaPublicationRepository  *self,
                gint64                       publication_id,
                DraftRow                    *draft,
                GError                     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _warta_database_prepare (self->database,
                                  "SELECT d.version, d.content, u.display_name, d.updated_at "
                                  "FROM drafts d LEFT JOIN users u ON u.id = d.updated_by "
                                  "WHERE d.publication_id = ?",
                                  error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, publication_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      draft->version = sqlite3_column_int64 (stmt, 0);
      draft->content = _warta_column_dup (stmt, 1);
      draft->updated_by_name = _warta_column_dup (stmt, 2);
      draft->updated_at = sqlite3_column_int64 (stmt, 3);
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    {
      _warta_database_set_error (self->database, error, rc, "draft");
      return FALSE;
    }

  draft->version = 0;
  return TRUE;
}

/* Writes @content as the draft. @expected_version < 0 writes whatever the
 * draft's version is (a revision saved directly becomes the draft too). */
static gboolean
write_draft (WartaPublicationRepository  *self,
             gint64                       publication_id,
             gint64                       expected_version,
             WartaRevision               *content,
             gint64                       user_id,
             gint64                       now,
             gint64                      *out_version,
             GError                     **error)
{
  g_auto(DraftRow) draft = { 0 };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *json = NULL;

  if (!load_draft_row (self, publication_id, &draft, error))
    return FALSE;

  if (expected_version >= 0 && draft.version != expected_version)
    {
      set_conflict_error_for (self, draft.updated_by_name, draft.updated_at, error);
      return FALSE;
    }

  json = warta_revision_to_json (content);
  if (draft.version == 0)
    stmt = _warta_database_prepare (self->database,
                                    "INSERT INTO drafts (content, updated_by, updated_at, publication_id, "
                                    "version) VALUES (?, ?, ?, ?, 1)",
                                    error);
  else
    stmt = _warta_database_prepare (self->database,
                                    "UPDATE drafts SET content = ?, updated_by = ?, updated_at = ?, "
                                    "version = version + 1 WHERE publication_id = ? AND version = ?",
                                    error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, json, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, user_id);
  sqlite3_bind_int64 (stmt, 3, now);
  sqlite3_bind_int64 (stmt, 4, publication_id);
  if (draft.version != 0)
    sqlite3_bind_int64 (stmt, 5, draft.version);
  if (!step_done (self, stmt, "draft", error))
    return FALSE;

  if (sqlite3_changes (_warta_database_get_handle (self->database)) != 1)
    {
      set_conflict_error_for (self, draft.updated_by_name, draft.updated_at, error);
      return FALSE;
    }

  if (out_version != NULL)
    *out_version = draft.version + 1;
  return TRUE;
}

/* Records an edit of the content as the next immutable revision: the
 * revision, its event (and the voiding of an approval), the state the edit
 * leads to. */
static gboolean
record_edit (WartaPublicationRepository  *self,
             PubRow                      *row,
             Actor                       *actor,
             gint64                       user_id,
             WartaRevision               *draft,
             const char                  *hash,
             WartaState                   to,
             gboolean                     voids,
             gint64                       now,
             GError                     **error)
{
  gint64 revision_id = 0;
  gint64 event_id;
  PubUpdate update;
  const char *role;

  role = acting_role (actor->roles, row->state == WARTA_STATE_DOCUMENTING
                                    ? WARTA_ROLE_ACTIVITY_OFFICER | WARTA_ROLE_SOCIAL_MEDIA_ADMIN
                                    : WARTA_ROLE_SOCIAL_MEDIA_ADMIN);

  if (!insert_revision (self, row->id, draft, user_id, now, hash, &revision_id, error))
    return FALSE;

  event_id = _warta_event_log_append (self->database, row->id, now, user_id, role, "edit",
                                      warta_state_get_id (row->state), warta_state_get_id (to),
                                      revision_id, NULL, error);
  if (event_id == 0)
    return FALSE;

  if (voids)
    {
      event_id = _warta_event_log_append (self->database, row->id, now, user_id, role,
                                          "approval-voided", warta_state_get_id (row->state),
                                          warta_state_get_id (to), row->approved_revision_id,
                                          "edited after approval", error);
      if (event_id == 0)
        return FALSE;
    }

  pub_update_init (&update, row);
  update.state = to;
  update.current_revision_id = revision_id;
  update.title = warta_revision_get_title (draft) ?: "";
  update.category = warta_revision_get_category (draft);
  update.last_event_id = event_id;
  if (to == WARTA_STATE_VERIFYING)
    {
      /* Verification starts over on the new content. */
      update.approved_revision_id = 0;
      update.approved_hash = NULL;
    }

  if (!change_step (self, row, to, update.approved_revision_id, now, user_id, &update.step,
                    &update.step_entered_at, &update.deadline_at, error))
    return FALSE;
  if (update.step != row->step &&
      !open_step_record (self, row->id, to, now, update.deadline_at, user_id, error))
    return FALSE;

  return update_publication (self, row, &update, user_id, now, error);
}

static gboolean
save_revision_in_transaction (WartaPublicationRepository  *self,
                              WartaUser                   *user,
                              gint64                       publication_id,
                              gint64                       expected_version,
                              WartaRevision               *draft,
                              gboolean                    *out_unchanged,
                              GError                     **error)
{
  g_auto(PubRow) row = { 0 };
  g_auto(Actor) actor = { 0 };
  g_autofree char *hash = NULL;
  gint64 now = warta_clock_now (self->clock);
  gint64 user_id = warta_user_get_id (user);
  WartaState to = WARTA_STATE_DOCUMENTING;
  gboolean voids = FALSE;

  if (!load_row_for_write (self, publication_id, expected_version, &row, error) ||
      !load_actor (self, user, &actor, error))
    return FALSE;

  if (!warta_workflow_check_edit (row.state, actor.roles, &to, &voids, error))
    return FALSE;

  hash = warta_revision_compute_hash (draft);
  if (g_strcmp0 (hash, row.current_hash) == 0)
    {
      /* Nothing changed: no revision, and an approval stays valid. */
      *out_unchanged = TRUE;
      return TRUE;
    }

  /* The draft follows: an editor still holding the older draft is told. */
  return record_edit (self, &row, &actor, user_id, draft, hash, to, voids, now, error) &&
         write_draft (self, publication_id, -1, draft, user_id, now, NULL, error);
}

/**
 * warta_publication_repository_save_revision:
 * @self: a #WartaPublicationRepository
 * @actor: who edits
 * @publication_id: the publication
 * @expected_version: the publication's version the editor started from
 * @draft: the edited content
 * @error: a #WARTA_WORKFLOW_ERROR or #WARTA_DB_ERROR (CONFLICT when
 *   someone else changed the publication since @expected_version)
 *
 * Saves @draft as the next immutable revision. Saving content identical
 * to the current revision changes nothing. An edit after approval voids
 * the approval and sends the publication back to verification.
 *
 * Returns: (transfer full): the publication after the edit
 */
WartaPublication *
warta_publication_repository_save_revision (WartaPublicationRepository  *self,
                                            WartaUser                   *actor,
                                            gint64                       publication_id,
                                            gint64                       expected_version,
                                            WartaRevision               *draft,
                                            GError                     **error)
{
  gboolean unchanged = FALSE;

  g_return_val_if_fail (WARTA_IS_PUBLICATION_REPOSITORY (self), NULL);
  g_return_val_if_fail (WARTA_IS_USER (actor), NULL);
  g_return_val_if_fail (WARTA_IS_REVISION (draft), NULL);

  WRITE_TRANSACTION (self, error,
                     save_revision_in_transaction (self, actor, publication_id, expected_version,
                                                   draft, &unchanged, error));

  return warta_publication_repository_get (self, publication_id, error);
}

/* Whether an edit in @state is a new submission at once: past step 2 the
 * verifier and the approver look at revisions, so what they see must be
 * what would be published. */
static gboolean
edit_is_submission (WartaState state,
                    WartaState to,
                    gboolean   voids)
{
  return voids || to != state || state == WARTA_STATE_VERIFYING;
}

static gboolean
save_draft_in_transaction (WartaPublicationRepository  *self,
                           WartaUser                   *user,
                           gint64                       publication_id,
                           gint64                       expected_publication_version,
                           gint64                       expected_version,
                           WartaRevision               *content,
                           gint64                      *out_version,
                           GError                     **error)
{
  g_auto(PubRow) row = { 0 };
  g_auto(Actor) actor = { 0 };
  g_autoptr(sqlite3_stmt) title = NULL;
  gint64 now = warta_clock_now (self->clock);
  gint64 user_id = warta_user_get_id (user);
  WartaState to = WARTA_STATE_DOCUMENTING;
  gboolean voids = FALSE;

  if (!load_row (self, publication_id, &row, error) ||
      !load_actor (self, user, &actor, error))
    return FALSE;

  if (!warta_workflow_check_edit (row.state, actor.roles, &to, &voids, error))
    return FALSE;

  /* A change that becomes a revision must not undo what someone decided
   * meanwhile (an approval, a return): it needs the publication as seen. */
  if (edit_is_submission (row.state, to, voids) && row.version != expected_publication_version)
    {
      set_conflict_error (self, publication_id, error);
      return FALSE;
    }

  if (!write_draft (self, publication_id, expected_version, content, user_id, now, out_version, error))
    return FALSE;

  if (edit_is_submission (row.state, to, voids))
    {
      g_autofree char *hash = warta_revision_compute_hash (content);

      /* An edit after approval voids it and goes back to verification, as
       * a revision of its own, in this same transaction. */
      if (g_strcmp0 (hash, row.current_hash) != 0)
        return record_edit (self, &row, &actor, user_id, content, hash, to, voids, now, error);
      return TRUE;
    }

  /* The lists show the working title; it is no change of the publication,
   * so its version stays and nobody's transition is refused for it. */
  title = _warta_database_prepare (self->database,
                                   "UPDATE publications SET title = ?, category = ? WHERE id = ? "
                                   "AND (title IS NOT ? OR category IS NOT ?)",
                                   error);
  if (title == NULL)
    return FALSE;
  sqlite3_bind_text (title, 1, warta_revision_get_title (content) ?: "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (title, 2, warta_revision_get_category (content) ?: "periodic", -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (title, 3, publication_id);
  sqlite3_bind_text (title, 4, warta_revision_get_title (content) ?: "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (title, 5, warta_revision_get_category (content) ?: "periodic", -1, SQLITE_TRANSIENT);

  return step_done (self, title, "publication", error);
}

/**
 * warta_publication_repository_save_draft:
 * @self: a #WartaPublicationRepository
 * @actor: who edits
 * @publication_id: the publication
 * @expected_publication_version: the publication's version the editor
 *   knows; checked only when the save becomes a revision (see below)
 * @expected_version: the draft's version the editor started from; 0 when
 *   the publication has no draft yet (warta_publication_repository_get_draft()
 *   says which)
 * @content: the content as the editor shows it now
 * @out_version: (out) (optional): the draft's new version
 * @error: a #WARTA_WORKFLOW_ERROR or #WARTA_DB_ERROR (CONFLICT, naming who
 *   saved the draft and when, if someone saved it since @expected_version)
 *
 * Autosave: writes @content into the publication's one mutable draft. In
 * steps 1 and 2 this makes no revision: the submit does. Once the content
 * has gone to verification, a change is a new revision at once (an edit
 * after approval voids the approval and returns to verification).
 *
 * Returns: (transfer full): the publication after the save
 */
WartaPublication *
warta_publication_repository_save_draft (WartaPublicationRepository  *self,
                                         WartaUser                   *actor,
                                         gint64                       publication_id,
                                         gint64                       expected_publication_version,
                                         gint64                       expected_version,
                                         WartaRevision               *content,
                                         gint64                      *out_version,
                                         GError                     **error)
{
  gint64 version = 0;

  g_return_val_if_fail (WARTA_IS_PUBLICATION_REPOSITORY (self), NULL);
  g_return_val_if_fail (WARTA_IS_USER (actor), NULL);
  g_return_val_if_fail (WARTA_IS_REVISION (content), NULL);
  g_return_val_if_fail (expected_version >= 0, NULL);

  WRITE_TRANSACTION (self, error,
                     save_draft_in_transaction (self, actor, publication_id,
                                                expected_publication_version, expected_version,
                                                content, &version, error));

  if (out_version != NULL)
    *out_version = version;
  return warta_publication_repository_get (self, publication_id, error);
}

/**
 * warta_publication_repository_get_draft:
 * @self: a #WartaPublicationRepository
 * @publication_id: the publication
 * @out_version: (out) (optional): the draft's version, for
 *   warta_publication_repository_save_draft(); 0 when there is no draft yet
 * @error: where to put an error
 *
 * Returns: (transfer full): the draft's content, editable; the current
 *   revision's content when nothing has been saved as a draft yet
 */
WartaRevision *
warta_publication_repository_get_draft (WartaPublicationRepository  *self,
                                        gint64                       publication_id,
                                        gint64                      *out_version,
                                        GError                     **error)
{
  g_auto(DraftRow) draft = { 0 };
  g_autoptr(WartaPublication) publication = NULL;
  g_autoptr(WartaRevision) current = NULL;
  WartaRevision *content;

  g_return_val_if_fail (WARTA_IS_PUBLICATION_REPOSITORY (self), NULL);

  if (!load_draft_row (self, publication_id, &draft, error))
    return NULL;

  if (out_version != NULL)
    *out_version = draft.version;

  if (draft.version != 0)
    {
      content = warta_revision_new_from_json (draft.content, error);
      if (content != NULL)
        warta_revision_set_publication_id (content, publication_id);
      return content;
    }

  publication = warta_publication_repository_get (self, publication_id, error);
  if (publication == NULL)
    return NULL;
  if (warta_publication_get_current_revision_id (publication) == 0)
    {
      content = warta_revision_new ();
      warta_revision_set_publication_id (content, publication_id);
      return content;
    }

  current = warta_publication_repository_get_revision (self,
                                                       warta_publication_get_current_revision_id (publication),
                                                       error);
  if (current == NULL)
    return NULL;

  return warta_revision_new_draft (current);
}

/* A submit hands on the draft: it becomes the next revision, unless it is
 * the current revision's content already. */
static gboolean
snapshot_draft (WartaPublicationRepository  *self,
                PubRow                      *row,
                gint64                       user_id,
                gint64                       now,
                gboolean                    *out_new,
                GError                     **error)
{
  g_auto(DraftRow) draft = { 0 };
  g_autoptr(WartaRevision) content = NULL;
  g_autofree char *hash = NULL;
  gint64 revision_id = 0;

  *out_new = FALSE;
  if (!load_draft_row (self, row->id, &draft, error))
    return FALSE;
  if (draft.version == 0)
    return TRUE;

  content = warta_revision_new_from_json (draft.content, error);
  if (content == NULL)
    return FALSE;

  hash = warta_revision_compute_hash (content);
  if (g_strcmp0 (hash, row->current_hash) == 0)
    return TRUE;

  if (!insert_revision (self, row->id, content, user_id, now, hash, &revision_id, error))
    return FALSE;

  /* Corrections marked done while the draft was edited are done in this
   * revision, not in the one they were marked on. */
  {
    g_autoptr(sqlite3_stmt) notes = NULL;

    notes = _warta_database_prepare (self->database,
                                     "UPDATE correction_notes SET resolved_revision_id = ? "
                                     "WHERE publication_id = ? AND status = 'resolved' "
                                     "AND resolved_revision_id IS ?",
                                     error);
    if (notes == NULL)
      return FALSE;
    sqlite3_bind_int64 (notes, 1, revision_id);
    sqlite3_bind_int64 (notes, 2, row->id);
    _warta_bind_id (notes, 3, row->current_revision_id);
    if (!step_done (self, notes, "notes", error))
      return FALSE;
  }

  row->current_revision_id = revision_id;
  g_free (row->current_hash);
  row->current_hash = g_steal_pointer (&hash);
  *out_new = TRUE;

  return TRUE;
}

static gboolean
count_open_notes_since (WartaPublicationRepository  *self,
                        gint64                       publication_id,
                        gint64                       since,
                        gint64                      *out_count,
                        GError                     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _warta_database_prepare (self->database,
                                  "SELECT count(*) FROM correction_notes WHERE publication_id = ? "
                                  "AND status = 'open' AND created_at >= ?",
                                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, publication_id);
  sqlite3_bind_int64 (stmt, 2, since);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _warta_database_set_error (self->database, error, rc, "notes");
      return FALSE;
    }

  *out_count = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

static gboolean
check_checklist_done (WartaPublicationRepository  *self,
                      gint64                       revision_id,
                      GError                     **error)
{
  gboolean ticked[WARTA_N_CHECKS] = { 0 };
  char *notes[WARTA_N_CHECKS] = { NULL };
  gboolean ok;

  ok = warta_publication_repository_get_checklist (self, revision_id, ticked, notes, error);
  if (ok)
    ok = warta_workflow_check_checklist (ticked, (const char * const *)notes, error);
  else if (error != NULL && *error == NULL)
    g_set_error (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_CHECKLIST_INCOMPLETE,
                 _("Fill in the verification checklist for this revision before forwarding it."));

  for (guint i = 0; i < WARTA_N_CHECKS; i++)
    g_free (notes[i]);

  return ok;
}

/* The content concept goes to verification complete: a title, and the
 * text of each platform it goes to (warta_revision_list_concept_gaps()). */
static gboolean
check_concept (WartaPublicationRepository  *self,
               gint64                       revision_id,
               GError                     **error)
{
  g_autoptr(WartaRevision) concept = NULL;
  g_auto(GStrv) gaps = NULL;
  g_autofree char *joined = NULL;

  if (revision_id == 0)
    concept = warta_revision_new ();
  else if (!(concept = warta_publication_repository_get_revision (self, revision_id, error)))
    return FALSE;

  gaps = warta_revision_list_concept_gaps (concept);
  if (gaps[0] == NULL)
    return TRUE;

  joined = g_strjoinv ("\n", gaps);
  g_set_error (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_CONCEPT_INCOMPLETE,
               /* Translators: %s is one or more lines saying what is missing */
               _("The content concept is not complete:\n%s"), joined);
  return FALSE;
}

static gboolean
insert_note (WartaPublicationRepository  *self,
             gint64                       publication_id,
             gint64                       revision_id,
             gint64                       author_id,
             gint64                       now,
             const char                  *field,
             const char                  *media_sha256,
             const char                  *text,
             gint64                      *out_id,
             GError                     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = _warta_database_prepare (self->database,
                                  "INSERT INTO correction_notes (publication_id, revision_id, author_id, "
                                  "created_at, field, media_sha256, text) VALUES (?, ?, ?, ?, ?, ?, ?)",
                                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, publication_id);
  _warta_bind_id (stmt, 2, revision_id);
  sqlite3_bind_int64 (stmt, 3, author_id);
  sqlite3_bind_int64 (stmt, 4, now);
  _warta_bind_text (stmt, 5, field);
  _warta_bind_text (stmt, 6, media_sha256);
  sqlite3_bind_text (stmt, 7, text, -1, SQLITE_TRANSIENT);

  if (!step_done (self, stmt, "note", error))
    return FALSE;

  if (out_id != NULL)
    *out_id = sqlite3_last_insert_rowid (_warta_database_get_handle (self->database));
  return TRUE;
}

static gboolean
has_text (const char *text)
{
  while (text != NULL && g_ascii_isspace (*text))
    text++;

  return text != NULL && *text != '\0';
}

static gboolean
transition_in_transaction (WartaPublicationRepository  *self,
                           WartaUser                   *user,
                           gint64                       publication_id,
                           gint64                       expected_version,
                           WartaAction                  action,
                           WartaState                   to,
                           const char                  *note,
                           const char                  *note_field,
                           const char                  *note_sha256,
                           GError                     **error)
{
  g_auto(PubRow) row = { 0 };
  g_auto(Actor) actor = { 0 };
  gint64 now = warta_clock_now (self->clock);
  gint64 user_id = warta_user_get_id (user);
  gboolean has_note = has_text (note);
  g_autoptr(WartaRevision) submitted = NULL;
  gboolean new_revision = FALSE;
  gint64 event_id;
  PubUpdate update;

  if (!load_row_for_write (self, publication_id, expected_version, &row, error) ||
      !load_actor (self, user, &actor, error))
    return FALSE;

  /* A return may also carry the notes written during this step. */
  if (!has_note && action == WARTA_ACTION_RETURN)
    {
      gint64 n_open = 0;

      if (!count_open_notes_since (self, publication_id, row.step_entered_at, &n_open, error))
        return FALSE;
      has_note = n_open > 0;
    }

  if (!warta_workflow_check_transition (row.state, action, to, actor.roles, has_note, error))
    return FALSE;

  if (action == WARTA_ACTION_FORWARD &&
      !check_checklist_done (self, row.current_revision_id, error))
    return FALSE;

  if (action == WARTA_ACTION_START_PUBLISHING || action == WARTA_ACTION_RETRY)
    {
      g_autoptr(WartaRevision) current = NULL;
      g_autofree char *computed = NULL;

      /* Approval is of one exact content: recompute it from the rows. */
      current = warta_publication_repository_get_revision (self, row.current_revision_id, error);
      if (current == NULL)
        return FALSE;
      computed = warta_revision_compute_hash (current);
      if (row.approved_revision_id != row.current_revision_id ||
          g_strcmp0 (computed, row.approved_hash) != 0)
        {
          g_set_error (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_APPROVAL_VOID,
                       _("The content differs from what the approver approved. Send it back to verification."));
          return FALSE;
        }
    }

  if (action == WARTA_ACTION_SUBMIT &&
      !snapshot_draft (self, &row, user_id, now, &new_revision, error))
    return FALSE;

  if (action == WARTA_ACTION_SUBMIT && row.state == WARTA_STATE_PROCESSING &&
      !check_concept (self, row.current_revision_id, error))
    return FALSE;

  if (action == WARTA_ACTION_RETURN && has_text (note) &&
      !insert_note (self, publication_id, row.current_revision_id, user_id, now,
                    note_field, note_field == NULL ? note_sha256 : NULL, note, NULL, error))
    return FALSE;

  event_id = _warta_event_log_append (self->database, publication_id, now, user_id,
                                      warta_role_get_id (warta_state_get_role (row.state)),
                                      warta_action_get_id (action),
                                      warta_state_get_id (row.state), warta_state_get_id (to),
                                      row.current_revision_id, note, error);
  if (event_id == 0)
    return FALSE;

  pub_update_init (&update, &row);
  update.state = to;
  update.last_event_id = event_id;

  if (new_revision)
    {
      /* The lists show the submitted title. */
      submitted = warta_publication_repository_get_revision (self, row.current_revision_id, error);
      if (submitted == NULL)
        return FALSE;
      update.title = warta_revision_get_title (submitted) ?: "";
      update.category = warta_revision_get_category (submitted);
    }

  if (action == WARTA_ACTION_RETURN)
    update.correction_rounds++;

  if (action == WARTA_ACTION_APPROVE)
    {
      update.approved_revision_id = row.current_revision_id;
      update.approved_hash = row.current_hash;
    }

  if (!change_step (self, &row, to, update.approved_revision_id, now, user_id, &update.step,
                    &update.step_entered_at, &update.deadline_at, error))
    return FALSE;
  if (update.step != row.step &&
      !open_step_record (self, publication_id, to, now, update.deadline_at, user_id, error))
    return FALSE;

  return update_publication (self, &row, &update, user_id, now, error);
}

gboolean
_warta_publication_repository_transition_in_transaction (WartaPublicationRepository  *self,
                                                         WartaUser                   *actor,
                                                         gint64                       publication_id,
                                                         gint64                       expected_version,
                                                         WartaAction                  action,
                                                         WartaState                   to,
                                                         const char                  *note,
                                                         GError                     **error)
{
  g_return_val_if_fail (WARTA_IS_PUBLICATION_REPOSITORY (self), FALSE);
  g_return_val_if_fail (WARTA_IS_USER (actor), FALSE);

  return transition_in_transaction (self, actor, publication_id, expected_version, action, to,
                                    note, NULL, NULL, error);
}

static WartaPublication *
transition_and_get (WartaPublicationRepository  *self,
                    WartaUser                   *actor,
                    gint64                       publication_id,
                    gint64                       expected_version,
                    WartaAction                  action,
                    WartaState                   to,
                    const char                  *note,
                    const char                  *note_field,
                    const char                  *note_sha256,
                    GError                     **error)
{
  WRITE_TRANSACTION (self, error,
                     transition_in_transaction (self, actor, publication_id, expected_version,
                                                action, to, note, note_field, note_sha256,
                                                error));

  return warta_publication_repository_get (self, publication_id, error);
}

/**
 * warta_publication_repository_transition:
 * @self: a #WartaPublicationRepository
 * @actor: who moves the publication
 * @publication_id: the publication
 * @expected_version: the publication's version the user saw
 * @action: the move
 * @to: the state to go to (returns and finishing have several)
 * @note: (nullable): the correction instructions or reason; a return
 *   without one is refused unless notes were written in this step
 * @error: a #WARTA_WORKFLOW_ERROR (FORBIDDEN for a user without the
 *   step's role) or #WARTA_DB_ERROR (CONFLICT for a stale @expected_version)
 *
 * Moves the publication one step of the SOP, recording the event and the
 * step times in the same transaction. On any error nothing changes.
 *
 * Returns: (transfer full): the publication after the move
 */
WartaPublication *
warta_publication_repository_transition (WartaPublicationRepository  *self,
                                         WartaUser                   *actor,
                                         gint64                       publication_id,
                                         gint64                       expected_version,
                                         WartaAction                  action,
                                         WartaState                   to,
                                         const char                  *note,
                                         GError                     **error)
{
  g_return_val_if_fail (WARTA_IS_PUBLICATION_REPOSITORY (self), NULL);
  g_return_val_if_fail (WARTA_IS_USER (actor), NULL);
  g_return_val_if_fail (action < WARTA_N_ACTIONS, NULL);
  g_return_val_if_fail (to < WARTA_N_STATES, NULL);

  return transition_and_get (self, actor, publication_id, expected_version, action, to,
                             note, NULL, NULL, error);
}

/**
 * warta_publication_repository_get_draft_stamp:
 * @self: a #WartaPublicationRepository
 * @publication_id: the publication
 * @out_version: (out): the draft's version; 0 when there is no draft yet
 * @out_updated_by_name: (out) (optional) (transfer full) (nullable): who
 *   saved it last
 * @out_updated_at: (out) (optional): when
 * @error: where to put an error
 *
 * Whether the draft changed since an editor read it, without reading it.
 */
gboolean
warta_publication_repository_get_draft_stamp (WartaPublicationRepository  *self,
                                              gint64                       publication_id,
                                              gint64                      *out_version,
                                              char                       **out_updated_by_name,
                                              gint64                      *out_updated_at,
                                              GError                     **error)
{
  g_auto(DraftRow) draft = { 0 };

  g_return_val_if_fail (WARTA_IS_PUBLICATION_REPOSITORY (self), FALSE);
  g_return_val_if_fail (out_version != NULL, FALSE);

  if (!load_draft_row (self, publication_id, &draft, error))
    return FALSE;
  *out_version = draft.version;
  if (out_updated_by_name != NULL)
    *out_updated_by_name = g_steal_pointer (&draft.updated_by_name);
  if (out_updated_at != NULL)
    *out_updated_at = draft.updated_at;
  return TRUE;
}

static gboolean
submit_draft_in_transaction (WartaPublicationRepository  *self,
                             WartaUser                   *actor,
                             gint64                       publication_id,
                             gint64                       expected_version,
                             gint64                       expected_draft_version,
                             WartaState                   to,
                             GError                     **error)
{
  g_auto(DraftRow) draft = { 0 };

  if (!load_draft_row (self, publication_id, &draft, error))
    return FALSE;
  if (draft.version != expected_draft_version)
    {
      set_conflict_error_for (self, draft.updated_by_name, draft.updated_at, error);
      return FALSE;
    }
  return transition_in_transaction (self, actor, publication_id, expected_version,
                                    WARTA_ACTION_SUBMIT, to, NULL, NULL, NULL, error);
}

/**
 * warta_publication_repository_submit_draft:
 * @self: a #WartaPublicationRepository
 * @actor: who submits
 * @publication_id: the publication
 * @expected_version: the publication's version the user saw
 * @expected_draft_version: the draft's version the user's editor shows
 * @to: the next step's state
 * @error: as for warta_publication_repository_transition(); CONFLICT also
 *   when someone else saved the draft after the editor read it
 *
 * Submits the draft the user is looking at, and only that one: the
 * submit makes it a revision in the submitter's name, so a draft someone
 * else saved meanwhile is refused instead of submitted unseen.
 *
 * Returns: (transfer full): the publication after the move
 */
WartaPublication *
warta_publication_repository_submit_draft (WartaPublicationRepository  *self,
                                           WartaUser                   *actor,
                                           gint64                       publication_id,
                                           gint64                       expected_version,
                                           gint64                       expected_draft_version,
                                           WartaState                   to,
                                           GError                     **error)
{
  g_return_val_if_fail (WARTA_IS_PUBLICATION_REPOSITORY (self), NULL);
  g_return_val_if_fail (WARTA_IS_USER (actor), NULL);
  g_return_val_if_fail (to < WARTA_N_STATES, NULL);

  WRITE_TRANSACTION (self, error,
                     submit_draft_in_transaction (self, actor, publication_id, expected_version,
                                                  expected_draft_version, to, error));

  return warta_publication_repository_get (self, publication_id, error);
}

/**
 * warta_publication_repository_return_with_note:
 * @self: a #WartaPublicationRepository
 * @actor: who returns the publication
 * @publication_id: the publication
 * @expected_version: the publication's version the user saw
 * @to: the state to return to
 * @field: (nullable): the field the note is pinned to ("where" …)
 * @media_sha256: (nullable): the media item it is pinned to, when no @field
 * @note: (nullable): the correction instructions
 * @error: as for warta_publication_repository_transition()
 *
 * Returns the publication with a correction note that keeps its pin, in
 * one transaction: a note typed on a field and sent with the return is a
 * note on that field, not a general one.
 *
 * Returns: (transfer full): the publication after the move
 */
WartaPublication *
warta_publication_repository_return_with_note (WartaPublicationRepository  *self,
                                               WartaUser                   *actor,
                                               gint64                       publication_id,
                                               gint64                       expected_version,
                                               WartaState                   to,
                                               const char                  *field,
                                               const char                  *media_sha256,
                                               const char                  *note,
                                               GError                     **error)
{
  g_return_val_if_fail (WARTA_IS_PUBLICATION_REPOSITORY (self), NULL);
  g_return_val_if_fail (WARTA_IS_USER (actor), NULL);
  g_return_val_if_fail (to < WARTA_N_STATES, NULL);

  return transition_and_get (self, actor, publication_id, expected_version, WARTA_ACTION_RETURN,
                             to, note, field, media_sha256, error);
}

static WartaRevision *
revision_from_row (WartaPublicationRepository  *self,
                   sqlite3_stmt                *stmt,
                   GError                     **error)
{
  g_autoptr(WartaRevision) revision = warta_revision_new ();
  g_autoptr(sqlite3_stmt) captions = NULL;
  g_autoptr(sqlite3_stmt) media = NULL;
  gint64 id = sqlite3_column_int64 (stmt, 0);
  int rc;

  warta_revision_set_id (revision, id);
  warta_revision_set_publication_id (revision, sqlite3_column_int64 (stmt, 1));
  warta_revision_set_number (revision, (guint)sqlite3_column_int (stmt, 2));
  warta_revision_set_hash (revision, (const char *)sqlite3_column_text (stmt, 3));
  warta_revision_set_author_id (revision, sqlite3_column_int64 (stmt, 4));
  warta_revision_set_created_at (revision, sqlite3_column_int64 (stmt, 5));
  warta_revision_set_title (revision, (const char *)sqlite3_column_text (stmt, 6));
  warta_revision_set_what (revision, (const char *)sqlite3_column_text (stmt, 7));
  warta_revision_set_who (revision, (const char *)sqlite3_column_text (stmt, 8));
  warta_revision_set_when (revision, (const char *)sqlite3_column_text (stmt, 9));
  warta_revision_set_where (revision, (const char *)sqlite3_column_text (stmt, 10));
  warta_revision_set_why (revision, (const char *)sqlite3_column_text (stmt, 11));
  warta_revision_set_how (revision, (const char *)sqlite3_column_text (stmt, 12));
  warta_revision_set_narrative (revision, (const char *)sqlite3_column_text (stmt, 13));
  warta_revision_set_category (revision, (const char *)sqlite3_column_text (stmt, 14));
  warta_revision_set_hashtags (revision, (const char *)sqlite3_column_text (stmt, 15));
  warta_revision_set_article_title (revision, (const char *)sqlite3_column_text (stmt, 16));
  warta_revision_set_article_body (revision, (const char *)sqlite3_column_text (stmt, 17));
  warta_revision_set_scheduled_at (revision, sqlite3_column_int64 (stmt, 18));

  captions = _warta_database_prepare (self->database,
                                      "SELECT target, caption FROM revision_captions WHERE revision_id = ?",
                                      error);
  if (captions == NULL)
    return NULL;
  sqlite3_bind_int64 (captions, 1, id);
  while ((rc = sqlite3_step (captions)) == SQLITE_ROW)
    warta_revision_set_caption (revision, (const char *)sqlite3_column_text (captions, 0),
                                (const char *)sqlite3_column_text (captions, 1));
  if (rc != SQLITE_DONE)
    {
      _warta_database_set_error (self->database, error, rc, "captions");
      return NULL;
    }

  media = _warta_database_prepare (self->database,
                                   "SELECT id, path, sha256, kind, width, height, credit, alt_text, "
                                   "illustration, identifiable_people, minor, consent, blur_regions, "
                                   "crop_centers, skipped_platforms, duration_us, size "
                                   "FROM media_items "
                                   "WHERE revision_id = ? ORDER BY position",
                                   error);
  if (media == NULL)
    return NULL;
  sqlite3_bind_int64 (media, 1, id);
  while ((rc = sqlite3_step (media)) == SQLITE_ROW)
    {
      g_autoptr(WartaMediaItem) item = warta_media_item_new ();

      warta_media_item_set_id (item, sqlite3_column_int64 (media, 0));
      warta_media_item_set_path (item, (const char *)sqlite3_column_text (media, 1));
      warta_media_item_set_sha256 (item, (const char *)sqlite3_column_text (media, 2));
      warta_media_item_set_kind (item, (const char *)sqlite3_column_text (media, 3));
      warta_media_item_set_width (item, sqlite3_column_int (media, 4));
      warta_media_item_set_height (item, sqlite3_column_int (media, 5));
      warta_media_item_set_credit (item, (const char *)sqlite3_column_text (media, 6));
      warta_media_item_set_alt_text (item, (const char *)sqlite3_column_text (media, 7));
      warta_media_item_set_illustration (item, sqlite3_column_int (media, 8));
      warta_media_item_set_identifiable_people (item, sqlite3_column_int (media, 9));
      warta_media_item_set_minor (item, sqlite3_column_int (media, 10));
      warta_media_item_set_consent (item, (const char *)sqlite3_column_text (media, 11));
      warta_media_item_set_skipped_platforms (item, (const char *)sqlite3_column_text (media, 14));
      warta_media_item_set_duration_us (item, sqlite3_column_int64 (media, 15));
      warta_media_item_set_size (item, (guint64) MAX (sqlite3_column_int64 (media, 16), 0));
      if (!warta_media_item_set_blur_json (item, (const char *)sqlite3_column_text (media, 12)) ||
          !warta_media_item_set_crops_json (item, (const char *)sqlite3_column_text (media, 13)))
        {
          g_set_error (error, WARTA_DB_ERROR, WARTA_DB_ERROR_CORRUPT,
                       _("A photo’s blur regions cannot be read. Restore the database from a backup."));
          return NULL;
        }
      warta_revision_add_media (revision, item);
    }
  if (rc != SQLITE_DONE)
    {
      _warta_database_set_error (self->database, error, rc, "media");
      return NULL;
    }

  warta_revision_seal (revision);
  return g_steal_pointer (&revision);
}

#define REVISION_COLUMNS \
  "id, publication_id, number, hash, author_id, created_at, title, what, who, when_text, " \
  "where_text, why, how, narrative, category, hashtags, article_title, article_body, scheduled_at " \
  "FROM revisions "

/**
 * warta_publication_repository_get_revision:
 * @self: a #WartaPublicationRepository
 * @revision_id: the revision
 * @error: where to put an error
 *
 * Returns: (transfer full): the revision, sealed
 */
WartaRevision *
warta_publication_repository_get_revision (WartaPublicationRepository  *self,
                                           gint64                       revision_id,
                                           GError                     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (WARTA_IS_PUBLICATION_REPOSITORY (self), NULL);

  stmt = _warta_database_prepare (self->database, "SELECT " REVISION_COLUMNS "WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, revision_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return revision_from_row (self, stmt, error);

  if (rc == SQLITE_DONE)
    set_not_found (error, _("The revision no longer exists. Reload the publication."));
  else
    _warta_database_set_error (self->database, error, rc, "revision");

  return NULL;
}

/* The ids @sql selects for @publication_id (its one parameter), in its
 * order; NULL with @error set. */
static GArray *
list_ids (WartaPublicationRepository  *self,
          const char                  *sql,
          gint64                       publication_id,
          const char                  *what,
          GError                     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _warta_database_prepare (self->database, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, publication_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      _warta_database_set_error (self->database, error, rc, what);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

/**
 * warta_publication_repository_list_revisions:
 * @self: a #WartaPublicationRepository
 * @publication_id: the publication
 * @error: where to put an error
 *
 * Returns: (transfer full): the #WartaRevision<!-- -->s, oldest first
 */
GListModel *
warta_publication_repository_list_revisions (WartaPublicationRepository  *self,
                                             gint64                       publication_id,
                                             GError                     **error)
{
  g_autoptr(GListStore) store = g_list_store_new (WARTA_TYPE_REVISION);
  g_autoptr(GArray) ids = NULL;

  g_return_val_if_fail (WARTA_IS_PUBLICATION_REPOSITORY (self), NULL);

  ids = list_ids (self, "SELECT id FROM revisions WHERE publication_id = ? ORDER BY number",
                  publication_id, "revisions", error);
  if (ids == NULL)
    return NULL;

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(WartaRevision) revision = NULL;

      revision = warta_publication_repository_get_revision (self, g_array_index (ids, gint64, i), error);
      if (revision == NULL)
        return NULL;
      g_list_store_append (store, revision);
    }

  return G_LIST_MODEL (g_steal_pointer (&store));
}

#define NOTE_COLUMNS \
  "n.id, n.publication_id, n.revision_id, n.author_id, u.display_name, n.created_at, n.field, " \
  "n.media_sha256, n.text, n.status, n.resolved_by, n.resolved_revision_id, n.resolved_at, " \
  "n.confirmed_by, n.confirmed_at, n.version " \
  "FROM correction_notes n LEFT JOIN users u ON u.id = n.author_id "

static WartaNoteStatus
note_status_from_id (const char *id)
{
  if (g_strcmp0 (id, "resolved") == 0)
    return WARTA_NOTE_STATUS_RESOLVED;
  if (g_strcmp0 (id, "confirmed") == 0)
    return WARTA_NOTE_STATUS_CONFIRMED;

  return WARTA_NOTE_STATUS_OPEN;
}

static WartaCorrectionNote *
note_from_row (sqlite3_stmt *stmt)
{
  WartaCorrectionNote *note = warta_correction_note_new ();

  warta_correction_note_set_id (note, sqlite3_column_int64 (stmt, 0));
  warta_correction_note_set_publication_id (note, sqlite3_column_int64 (stmt, 1));
  warta_correction_note_set_revision_id (note, sqlite3_column_int64 (stmt, 2));
  warta_correction_note_set_author_id (note, sqlite3_column_int64 (stmt, 3));
  warta_correction_note_set_author_name (note, (const char *)sqlite3_column_text (stmt, 4));
  warta_correction_note_set_created_at (note, sqlite3_column_int64 (stmt, 5));
  warta_correction_note_set_field (note, (const char *)sqlite3_column_text (stmt, 6));
  warta_correction_note_set_media_sha256 (note, (const char *)sqlite3_column_text (stmt, 7));
  warta_correction_note_set_text (note, (const char *)sqlite3_column_text (stmt, 8));
  warta_correction_note_set_status (note, note_status_from_id ((const char *)sqlite3_column_text (stmt, 9)));
  warta_correction_note_set_resolved_by (note, sqlite3_column_int64 (stmt, 10));
  warta_correction_note_set_resolved_revision_id (note, sqlite3_column_int64 (stmt, 11));
  warta_correction_note_set_resolved_at (note, sqlite3_column_int64 (stmt, 12));
  warta_correction_note_set_confirmed_by (note, sqlite3_column_int64 (stmt, 13));
  warta_correction_note_set_confirmed_at (note, sqlite3_column_int64 (stmt, 14));
  warta_correction_note_set_version (note, sqlite3_column_int64 (stmt, 15));

  return note;
}

static WartaCorrectionNote *
get_note (WartaPublicationRepository  *self,
          gint64                       note_id,
          GError                     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _warta_database_prepare (self->database, "SELECT " NOTE_COLUMNS "WHERE n.id = ?", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, note_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return note_from_row (stmt);

  if (rc == SQLITE_DONE)
    set_not_found (error, _("The correction note no longer exists. Reload the publication."));
  else
    _warta_database_set_error (self->database, error, rc, "note");

  return NULL;
}

static gboolean
add_note_in_transaction (WartaPublicationRepository  *self,
                         WartaUser                   *user,
                         gint64                       publication_id,
                         const char                  *field,
                         const char                  *media_sha256,
                         const char                  *text,
                         gint64                      *out_id,
                         GError                     **error)
{
  g_auto(PubRow) row = { 0 };
  g_auto(Actor) actor = { 0 };
  gint64 now = warta_clock_now (self->clock);
  gint64 user_id = warta_user_get_id (user);

  if (!load_row (self, publication_id, &row, error) ||
      !load_actor (self, user, &actor, error))
    return FALSE;

  if (!warta_workflow_check_note (row.state, actor.roles, error))
    return FALSE;

  if (!has_text (text))
    {
      g_set_error (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_NOTE_REQUIRED,
                   _("Write what should be corrected."));
      return FALSE;
    }

  if (!insert_note (self, publication_id, row.current_revision_id, user_id, now,
                    field, media_sha256, text, out_id, error))
    return FALSE;

  return _warta_event_log_append (self->database, publication_id, now, user_id,
                                  warta_role_get_id (warta_state_get_role (row.state)), "note",
                                  warta_state_get_id (row.state), warta_state_get_id (row.state),
                                  row.current_revision_id, text, error) != 0;
}

/**
 * warta_publication_repository_add_note:
 * @self: a #WartaPublicationRepository
 * @actor: the reviewer of the current step
 * @publication_id: the publication
 * @field: (nullable): the field the note is pinned to ("who" …)
 * @media_sha256: (nullable): the media item the note is pinned to
 * @text: the correction instruction
 * @error: where to put an error
 *
 * Returns: (transfer full): the new, open note
 */
WartaCorrectionNote *
warta_publication_repository_add_note (WartaPublicationRepository  *self,
                                       WartaUser                   *actor,
                                       gint64                       publication_id,
                                       const char                  *field,
                                       const char                  *media_sha256,
                                       const char                  *text,
                                       GError                     **error)
{
  gint64 id = 0;

  g_return_val_if_fail (WARTA_IS_PUBLICATION_REPOSITORY (self), NULL);
  g_return_val_if_fail (WARTA_IS_USER (actor), NULL);

  WRITE_TRANSACTION (self, error,
                     add_note_in_transaction (self, actor, publication_id, field, media_sha256,
                                              text, &id, error));

  return get_note (self, id, error);
}

typedef enum {
  NOTE_RESOLVE,
  NOTE_CONFIRM,
  NOTE_REOPEN,
} NoteChange;

static gboolean
change_note_in_transaction (WartaPublicationRepository  *self,
                            WartaUser                   *user,
                            gint64                       note_id,
                            gint64                       expected_version,
                            NoteChange                   change,
                            GError                     **error)
{
  g_autoptr(WartaCorrectionNote) note = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_auto(PubRow) row = { 0 };
  g_auto(Actor) actor = { 0 };
  gint64 now = warta_clock_now (self->clock);
  gint64 user_id = warta_user_get_id (user);
  gint64 publication_id;
  WartaRole needed;
  WartaNoteStatus status;
  const char *kind;

  note = get_note (self, note_id, error);
  if (note == NULL)
    return FALSE;
  publication_id = warta_correction_note_get_publication_id (note);

  if (!load_row (self, publication_id, &row, error) ||
      !load_actor (self, user, &actor, error))
    return FALSE;

  if (warta_correction_note_get_version (note) != expected_version)
    {
      set_conflict_error (self, publication_id, error);
      return FALSE;
    }

  status = warta_correction_note_get_status (note);
  needed = change == NOTE_RESOLVE ? WARTA_ROLE_SOCIAL_MEDIA_ADMIN | WARTA_ROLE_ACTIVITY_OFFICER
                                  : WARTA_ROLE_VERIFIER | WARTA_ROLE_APPROVER | WARTA_ROLE_SOCIAL_MEDIA_ADMIN;
  if ((actor.roles & needed) == 0)
    {
      g_set_error (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_FORBIDDEN,
                   change == NOTE_RESOLVE
                   ? _("Only the social media admin may mark a correction as done.")
                   : _("Only a reviewer may confirm or reopen a correction."));
      return FALSE;
    }

  if ((change == NOTE_RESOLVE && status != WARTA_NOTE_STATUS_OPEN) ||
      (change != NOTE_RESOLVE && status != WARTA_NOTE_STATUS_RESOLVED))
    {
      g_set_error (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_INVALID_TRANSITION,
                   change == NOTE_RESOLVE
                   ? _("This correction is already marked as done. Reload the publication.")
                   : _("This correction is not marked as done yet. Reload the publication."));
      return FALSE;
    }

  switch (change)
    {
    case NOTE_RESOLVE:
      kind = "note-resolved";
      stmt = _warta_database_prepare (self->database,
                                      "UPDATE correction_notes SET status = 'resolved', resolved_by = ?1, "
                                      "resolved_revision_id = ?2, resolved_at = ?3, version = version + 1 "
                                      "WHERE id = ?4 AND version = ?5",
                                      error);
      break;

    case NOTE_CONFIRM:
      kind = "note-confirmed";
      stmt = _warta_database_prepare (self->database,
                                      "UPDATE correction_notes SET status = 'confirmed', confirmed_by = ?1, "
                                      "confirmed_at = ?3, version = version + 1 "
                                      "WHERE id = ?4 AND version = ?5",
                                      error);
      break;

    case NOTE_REOPEN:
    default:
      kind = "note-reopened";
      stmt = _warta_database_prepare (self->database,
                                      "UPDATE correction_notes SET status = 'open', resolved_by = NULL, "
                                      "resolved_revision_id = NULL, resolved_at = NULL, "
                                      "version = version + 1 "
                                      "WHERE id = ?4 AND version = ?5",
                                      error);
      break;
    }
  if (stmt == NULL)
    return FALSE;

  /* Numbered parameters: each statement uses the ones it needs. */
  sqlite3_bind_int64 (stmt, 1, user_id);
  _warta_bind_id (stmt, 2, row.current_revision_id);
  sqlite3_bind_int64 (stmt, 3, now);
  sqlite3_bind_int64 (stmt, 4, note_id);
  sqlite3_bind_int64 (stmt, 5, expected_version);
  if (!step_done (self, stmt, "note", error))
    return FALSE;

  return _warta_event_log_append (self->database, publication_id, now, user_id,
                                  acting_role (actor.roles, needed), kind,
                                  warta_state_get_id (row.state), warta_state_get_id (row.state),
                                  row.current_revision_id, warta_correction_note_get_text (note),
                                  error) != 0;
}

/**
 * warta_publication_repository_resolve_note:
 * @self: a #WartaPublicationRepository
 * @actor: the social media admin
 * @note_id: the note
 * @expected_version: the note's version the admin saw
 * @error: where to put an error
 *
 * Marks a note as done in the publication's current revision.
 *
 * Returns: (transfer full): the note after the change
 */
WartaCorrectionNote *
warta_publication_repository_resolve_note (WartaPublicationRepository  *self,
                                           WartaUser                   *actor,
                                           gint64                       note_id,
                                           gint64                       expected_version,
                                           GError                     **error)
{
  g_return_val_if_fail (WARTA_IS_PUBLICATION_REPOSITORY (self), NULL);
  g_return_val_if_fail (WARTA_IS_USER (actor), NULL);

  WRITE_TRANSACTION (self, error,
                     change_note_in_transaction (self, actor, note_id, expected_version,
                                                 NOTE_RESOLVE, error));

  return get_note (self, note_id, error);
}

/**
 * warta_publication_repository_confirm_note:
 * @self: a #WartaPublicationRepository
 * @actor: the reviewer
 * @note_id: the note
 * @expected_version: the note's version the reviewer saw
 * @confirmed: %TRUE to confirm the fix, %FALSE to reopen the note
 * @error: where to put an error
 *
 * Returns: (transfer full): the note after the change
 */
WartaCorrectionNote *
warta_publication_repository_confirm_note (WartaPublicationRepository  *self,
                                           WartaUser                   *actor,
                                           gint64                       note_id,
                                           gint64                       expected_version,
                                           gboolean                     confirmed,
                                           GError                     **error)
{
  g_return_val_if_fail (WARTA_IS_PUBLICATION_REPOSITORY (self), NULL);
  g_return_val_if_fail (WARTA_IS_USER (actor), NULL);

  WRITE_TRANSACTION (self, error,
                     change_note_in_transaction (self, actor, note_id, expected_version,
                                                 confirmed ? NOTE_CONFIRM : NOTE_REOPEN, error));

  return get_note (self, note_id, error);
}

/**
 * warta_publication_repository_list_notes:
 * @self: a #WartaPublicationRepository
 * @publication_id: the publication
 * @error: where to put an error
 *
 * Returns: (transfer full): the #WartaCorrectionNote<!-- -->s, oldest first
 */
GListModel *
warta_publication_repository_list_notes (WartaPublicationRepository  *self,
                                         gint64                       publication_id,
                                         GError                     **error)
{
  g_autoptr(GListStore) store = g_list_store_new (WARTA_TYPE_CORRECTION_NOTE);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (WARTA_IS_PUBLICATION_REPOSITORY (self), NULL);

  stmt = _warta_database_prepare (self->database,
                                  "SELECT " NOTE_COLUMNS "WHERE n.publication_id = ? ORDER BY n.id",
                                  error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, publication_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(WartaCorrectionNote) note = note_from_row (stmt);

      g_list_store_append (store, note);
    }
  if (rc != SQLITE_DONE)
    {
      _warta_database_set_error (self->database, error, rc, "notes");
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&store));
}

static gboolean
save_checklist_in_transaction (WartaPublicationRepository  *self,
                               WartaUser                   *user,
                               gint64                       publication_id,
                               const gboolean               ticked[WARTA_N_CHECKS],
                               const char * const           notes[WARTA_N_CHECKS],
                               GError                     **error)
{
  g_auto(PubRow) row = { 0 };
  g_auto(Actor) actor = { 0 };
  g_autoptr(GString) summary = g_string_new (NULL);
  gint64 now = warta_clock_now (self->clock);
  gint64 user_id = warta_user_get_id (user);

  if (!load_row (self, publication_id, &row, error) ||
      !load_actor (self, user, &actor, error))
    return FALSE;

  if (row.state != WARTA_STATE_VERIFYING)
    {
      g_set_error (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_INVALID_TRANSITION,
                   _("The checklist can be filled in only while the publication is verified."));
      return FALSE;
    }
  if ((actor.roles & WARTA_ROLE_VERIFIER) == 0)
    {
      g_set_error (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_FORBIDDEN,
                   _("Only a verifier may fill in the verification checklist."));
      return FALSE;
    }
  if (!warta_workflow_check_checklist (ticked, notes, error))
    return FALSE;

  for (guint i = 0; i < WARTA_N_CHECKS; i++)
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;
      const char *note = notes != NULL ? notes[i] : NULL;

      stmt = _warta_database_prepare (self->database,
                                      "INSERT OR REPLACE INTO checklist_answers (revision_id, check_id, "
                                      "publication_id, ticked, note, verifier_id, answered_at) "
                                      "VALUES (?, ?, ?, ?, ?, ?, ?)",
                                      error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, row.current_revision_id);
      sqlite3_bind_text (stmt, 2, warta_check_get_id ((WartaCheck)i), -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, publication_id);
      sqlite3_bind_int (stmt, 4, ticked[i] ? 1 : 0);
      _warta_bind_text (stmt, 5, has_text (note) ? note : NULL);
      sqlite3_bind_int64 (stmt, 6, user_id);
      sqlite3_bind_int64 (stmt, 7, now);
      if (!step_done (self, stmt, "checklist", error))
        return FALSE;

      g_string_append_printf (summary, "%s%s=%s", i > 0 ? ";" : "",
                              warta_check_get_id ((WartaCheck)i), ticked[i] ? "yes" : "no");
      if (has_text (note))
        g_string_append_printf (summary, " (%s)", note);
    }

  return _warta_event_log_append (self->database, publication_id, now, user_id,
                                  warta_role_get_id (WARTA_ROLE_VERIFIER), "checklist",
                                  warta_state_get_id (row.state), warta_state_get_id (row.state),
                                  row.current_revision_id, summary->str, error) != 0;
}

/**
 * warta_publication_repository_save_checklist:
 * @self: a #WartaPublicationRepository
 * @actor: the verifier
 * @publication_id: a publication in step 3
 * @ticked: the answer for each #WartaCheck
 * @notes: (nullable): a note for each #WartaCheck; an unticked one needs it
 * @error: where to put an error
 *
 * Records the checklist for the current revision. Forwarding to the
 * approver needs it.
 */
gboolean
warta_publication_repository_save_checklist (WartaPublicationRepository  *self,
                                             WartaUser                   *actor,
                                             gint64                       publication_id,
                                             const gboolean               ticked[WARTA_N_CHECKS],
                                             const char * const           notes[WARTA_N_CHECKS],
                                             GError                     **error)
{
  g_return_val_if_fail (WARTA_IS_PUBLICATION_REPOSITORY (self), FALSE);
  g_return_val_if_fail (WARTA_IS_USER (actor), FALSE);
  g_return_val_if_fail (ticked != NULL, FALSE);

  if (!_warta_database_begin_write (self->database, error))
    return FALSE;
  if (!save_checklist_in_transaction (self, actor, publication_id, ticked, notes, error))
    {
      _warta_database_rollback (self->database);
      return FALSE;
    }

  return _warta_database_commit (self->database, error);
}

/**
 * warta_publication_repository_get_checklist:
 * @self: a #WartaPublicationRepository
 * @revision_id: the revision
 * @ticked: (out): the answers
 * @notes: (out): the notes, to free with g_free()
 * @error: where to put an error
 *
 * Returns: whether the checklist of @revision_id was filled in; %FALSE
 *   without @error when it was not
 */
gboolean
warta_publication_repository_get_checklist (WartaPublicationRepository  *self,
                                            gint64                       revision_id,
                                            gboolean                     ticked[WARTA_N_CHECKS],
                                            char                        *notes[WARTA_N_CHECKS],
                                            GError                     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint found = 0;
  int rc;

  g_return_val_if_fail (WARTA_IS_PUBLICATION_REPOSITORY (self), FALSE);

  for (guint i = 0; i < WARTA_N_CHECKS; i++)
    {
      ticked[i] = FALSE;
      notes[i] = NULL;
    }

  stmt = _warta_database_prepare (self->database,
                                  "SELECT check_id, ticked, note FROM checklist_answers WHERE revision_id = ?",
                                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, revision_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      WartaCheck check = warta_check_from_id ((const char *)sqlite3_column_text (stmt, 0));

      if (check >= WARTA_N_CHECKS)
        continue;
      ticked[check] = sqlite3_column_int (stmt, 1) != 0;
      g_free (notes[check]);
      notes[check] = _warta_column_dup (stmt, 2);
      found |= 1u << check;
    }
  if (rc != SQLITE_DONE)
    {
      _warta_database_set_error (self->database, error, rc, "checklist");
      return FALSE;
    }

  return found == (1u << WARTA_N_CHECKS) - 1;
}

/* the targets left out, or ticked to upload by hand ------------------------- */

/* The two exceptions to the targets offered: a target Warta can send to
 * is ticked unless left out; one it cannot, unticked unless ticked to be
 * uploaded by hand. Each kept in its table, by whom and when. */
typedef struct
{
  const char *list_sql;
  const char *insert_sql;
  const char *delete_sql;
} Choice;

static const Choice left_out_choice = {
  "SELECT account_id FROM left_out_targets WHERE publication_id = ? ORDER BY account_id",
  "INSERT OR REPLACE INTO left_out_targets (publication_id, account_id, left_out_by, "
  "left_out_at) VALUES (?1, ?2, ?3, ?4)",
  "DELETE FROM left_out_targets WHERE publication_id = ?1 AND account_id = ?2",
};

static const Choice by_hand_choice = {
  "SELECT account_id FROM by_hand_targets WHERE publication_id = ? ORDER BY account_id",
  "INSERT OR REPLACE INTO by_hand_targets (publication_id, account_id, included_by, "
  "included_at) VALUES (?1, ?2, ?3, ?4)",
  "DELETE FROM by_hand_targets WHERE publication_id = ?1 AND account_id = ?2",
};

/**
 * warta_publication_repository_list_left_out:
 * @self: a #WartaPublicationRepository
 * @publication_id: a publication
 * @error: where to put an error
 *
 * The accounts the social media admin left out of @publication_id before
 * publishing started; every other account it can go to is ticked.
 *
 * Returns: (transfer full) (element-type gint64): the account ids, or
 *   %NULL with @error set
 */
GArray *
warta_publication_repository_list_left_out (WartaPublicationRepository  *self,
                                            gint64                       publication_id,
                                            GError                     **error)
{
  g_return_val_if_fail (WARTA_IS_PUBLICATION_REPOSITORY (self), NULL);

  return list_ids (self, left_out_choice.list_sql, publication_id, "targets", error);
}

/**
 * warta_publication_repository_list_by_hand:
 * @self: a #WartaPublicationRepository
 * @publication_id: a publication
 * @error: where to put an error
 *
 * The accounts Warta cannot send @publication_id to that the social
 * media admin ticked all the same, to upload it there by hand.
 *
 * Returns: (transfer full) (element-type gint64): the account ids, or
 *   %NULL with @error set
 */
GArray *
warta_publication_repository_list_by_hand (WartaPublicationRepository  *self,
                                           gint64                       publication_id,
                                           GError                     **error)
{
  g_return_val_if_fail (WARTA_IS_PUBLICATION_REPOSITORY (self), NULL);

  return list_ids (self, by_hand_choice.list_sql, publication_id, "targets", error);
}

static gboolean
set_choice_in_transaction (WartaPublicationRepository  *self,
                           const Choice                *choice,
                           WartaUser                   *user,
                           gint64                       publication_id,
                           gint64                       account_id,
                           gboolean                     stored,
                           GError                     **error)
{
  g_auto(PubRow) row = { 0 };
  g_auto(Actor) actor = { 0 };
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!load_actor (self, user, &actor, error) ||
      !load_row (self, publication_id, &row, error))
    return FALSE;
  /* On the roles as stored now, as the outbox checks who publishes. */
  if ((actor.roles & WARTA_ROLE_SOCIAL_MEDIA_ADMIN) == 0)
    {
      g_set_error_literal (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_FORBIDDEN,
                           _("Only a social media admin chooses where a publication goes. Ask one "
                             "to do it, or ask an administrator for the role."));
      return FALSE;
    }
  if (row.state != WARTA_STATE_APPROVED)
    {
      g_set_error_literal (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_INVALID_TRANSITION,
                           _("The targets can be chosen only while the publication is approved "
                             "and not yet published. Look at what its targets are doing now."));
      return FALSE;
    }

  stmt = _warta_database_prepare (self->database,
                                  stored ? choice->insert_sql : choice->delete_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, publication_id);
  sqlite3_bind_int64 (stmt, 2, account_id);
  if (stored)
    {
      sqlite3_bind_int64 (stmt, 3, warta_user_get_id (user));
      sqlite3_bind_int64 (stmt, 4, warta_clock_now (self->clock));
    }
  return step_done (self, stmt, "targets", error);
}

static gboolean
set_choice (WartaPublicationRepository  *self,
            const Choice                *choice,
            WartaUser                   *actor,
            gint64                       publication_id,
            gint64                       account_id,
            gboolean                     stored,
            GError                     **error)
{
  if (!_warta_database_begin_write (self->database, error))
    return FALSE;
  if (!set_choice_in_transaction (self, choice, actor, publication_id, account_id, stored, error))
    {
      _warta_database_rollback (self->database);
      return FALSE;
    }
  return _warta_database_commit (self->database, error);
}

/**
 * warta_publication_repository_set_left_out:
 * @self: a #WartaPublicationRepository
 * @actor: the social media admin
 * @publication_id: an approved publication, not yet published
 * @account_id: one of the accounts it can go to
 * @left_out: whether @account_id is left out (%FALSE: ticked again)
 * @error: where to put an error
 *
 * Records the admin's choice for one target, in the file every
 * workstation reads. Two admins toggling the same target: the later
 * toggle stands, and the other's view reads it at the database's next
 * #WartaDatabase::changed.
 */
gboolean
warta_publication_repository_set_left_out (WartaPublicationRepository  *self,
                                           WartaUser                   *actor,
                                           gint64                       publication_id,
                                           gint64                       account_id,
                                           gboolean                     left_out,
                                           GError                     **error)
{
  g_return_val_if_fail (WARTA_IS_PUBLICATION_REPOSITORY (self), FALSE);
  g_return_val_if_fail (WARTA_IS_USER (actor), FALSE);

  return set_choice (self, &left_out_choice, actor, publication_id, account_id, left_out, error);
}

/**
 * warta_publication_repository_set_by_hand:
 * @self: a #WartaPublicationRepository
 * @actor: the social media admin
 * @publication_id: an approved publication, not yet published
 * @account_id: an account Warta cannot send it to
 * @by_hand: whether @account_id is ticked, to upload it there by hand
 * @error: where to put an error
 *
 * Records the admin's choice for a target Warta cannot send to, as
 * warta_publication_repository_set_left_out() does for the others: the
 * same rules, in the file every workstation reads.
 */
gboolean
warta_publication_repository_set_by_hand (WartaPublicationRepository  *self,
                                          WartaUser                   *actor,
                                          gint64                       publication_id,
                                          gint64                       account_id,
                                          gboolean                     by_hand,
                                          GError                     **error)
{
  g_return_val_if_fail (WARTA_IS_PUBLICATION_REPOSITORY (self), FALSE);
  g_return_val_if_fail (WARTA_IS_USER (actor), FALSE);

  return set_choice (self, &by_hand_choice, actor, publication_id, account_id, by_hand, error);
}

static GListModel *
list_publications (WartaPublicationRepository  *self,
                   const char                  *sql,
                   const char * const          *state_ids,
                   guint                        n_states,
                   guint                        offset,
                   guint                        limit,
                   GError                     **error)
{
  g_autoptr(GListStore) store = g_list_store_new (WARTA_TYPE_PUBLICATION);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _warta_database_prepare (self->database, sql, error);
  if (stmt == NULL)
    return NULL;

  for (guint i = 0; i < n_states; i++)
    sqlite3_bind_text (stmt, (int)i + 1, state_ids[i], -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, (int)n_states + 1, (int)MIN (limit, (guint)G_MAXINT));
  sqlite3_bind_int (stmt, (int)n_states + 2, (int)MIN (offset, (guint)G_MAXINT));

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(WartaPublication) publication = publication_from_row (stmt);

      g_list_store_append (store, publication);
    }
  if (rc != SQLITE_DONE)
    {
      _warta_database_set_error (self->database, error, rc, "publications");
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&store));
}

/**
 * warta_publication_repository_list_tasks:
 * @self: a #WartaPublicationRepository
 * @user: whose tasks
 * @offset: rows to skip
 * @limit: rows at most
 * @error: where to put an error
 *
 * "My tasks": the publications waiting in a step of one of @user's roles,
 * the nearest deadline first, those without a limit last.
 *
 * Returns: (transfer full): #WartaPublication<!-- -->s
 */
GListModel *
warta_publication_repository_list_tasks (WartaPublicationRepository  *self,
                                         WartaUser                   *user,
                                         guint                        offset,
                                         guint                        limit,
                                         GError                     **error)
{
  gboolean wanted[WARTA_N_STATES];
  const char *state_ids[WARTA_N_STATES];
  g_autoptr(GString) sql = NULL;
  guint n = 0;

  g_return_val_if_fail (WARTA_IS_PUBLICATION_REPOSITORY (self), NULL);
  g_return_val_if_fail (WARTA_IS_USER (user), NULL);

  warta_state_get_task_states ((WartaRole)warta_user_get_roles (user), wanted);
  for (guint i = 0; i < WARTA_N_STATES; i++)
    if (wanted[i])
      state_ids[n++] = warta_state_get_id ((WartaState)i);

  if (n == 0)
    return G_LIST_MODEL (g_list_store_new (WARTA_TYPE_PUBLICATION));

  /* One range scan of publications_tasks per state, merged by deadline;
   * the page is picked first, so that who returned each and its open
   * notes are looked up for that page only, not for every task sorted. */
  sql = g_string_new ("SELECT " PUBLICATION_COLUMNS "WHERE p.id IN "
                      "(SELECT id FROM publications WHERE state IN (");
  for (guint i = 0; i < n; i++)
    g_string_append (sql, i > 0 ? ", ?" : "?");
  g_string_append (sql, ") ORDER BY deadline_at = 0, deadline_at, id LIMIT ? OFFSET ?) "
                        "ORDER BY p.deadline_at = 0, p.deadline_at, p.id");

  return list_publications (self, sql->str, state_ids, n, offset, limit, error);
}

/**
 * warta_publication_repository_list_recent:
 * @self: a #WartaPublicationRepository
 * @offset: rows to skip
 * @limit: rows at most
 * @error: where to put an error
 *
 * Returns: (transfer full): #WartaPublication<!-- -->s, newest first
 */
GListModel *
warta_publication_repository_list_recent (WartaPublicationRepository  *self,
                                          guint                        offset,
                                          guint                        limit,
                                          GError                     **error)
{
  g_return_val_if_fail (WARTA_IS_PUBLICATION_REPOSITORY (self), NULL);

  return list_publications (self,
                            "SELECT " PUBLICATION_COLUMNS "ORDER BY p.id DESC LIMIT ? OFFSET ?",
                            NULL, 0, offset, limit, error);
}

/**
 * warta_publication_repository_list_by_states:
 * @self: a #WartaPublicationRepository
 * @states: (array length=n_states): the states wanted
 * @n_states: how many
 * @offset: rows to skip
 * @limit: rows at most
 * @error: where to put an error
 *
 * The lists per state ("In review", "Approved / to publish" …): the
 * publications in any of @states, the most recently changed first.
 *
 * Returns: (transfer full): #WartaPublication<!-- -->s
 */
GListModel *
warta_publication_repository_list_by_states (WartaPublicationRepository  *self,
                                             const WartaState            *states,
                                             guint                        n_states,
                                             guint                        offset,
                                             guint                        limit,
                                             GError                     **error)
{
  const char *state_ids[WARTA_N_STATES];
  g_autoptr(GString) sql = NULL;
  guint n = 0;

  g_return_val_if_fail (WARTA_IS_PUBLICATION_REPOSITORY (self), NULL);
  g_return_val_if_fail (states != NULL || n_states == 0, NULL);

  for (guint i = 0; i < n_states && n < WARTA_N_STATES; i++)
    if (states[i] < WARTA_N_STATES)
      state_ids[n++] = warta_state_get_id (states[i]);

  if (n == 0)
    return G_LIST_MODEL (g_list_store_new (WARTA_TYPE_PUBLICATION));

  /* The page first, as in warta_publication_repository_list_tasks(). */
  sql = g_string_new ("SELECT " PUBLICATION_COLUMNS "WHERE p.id IN "
                      "(SELECT id FROM publications WHERE state IN (");
  for (guint i = 0; i < n; i++)
    g_string_append (sql, i > 0 ? ", ?" : "?");
  g_string_append (sql, ") ORDER BY updated_at DESC, id DESC LIMIT ? OFFSET ?) "
                        "ORDER BY p.updated_at DESC, p.id DESC");

  return list_publications (self, sql->str, state_ids, n, offset, limit, error);
}

/**
 * warta_publication_repository_list_calendar:
 * @self: a #WartaPublicationRepository
 * @from_us: from this time …
 * @to_us: … until before this time (µs since the Unix epoch)
 * @error: where to put an error
 *
 * The calendar between two times: each activity on its "Kapan" (the
 * current revision's ISO 8601 time), each post still to go out on its
 * scheduled time, and each published one on the time it was published.
 * Withdrawn publications are left out.
 *
 * A post's scheduled time is the one its outbox targets wait for (the
 * earliest, of those still to go out) once the admin has sent it to the
 * outbox; before that, the time asked for in the draft. A target sent as
 * soon as possible, or one that has finished, is scheduled no more. The
 * time of publishing is when its last target was published (or recorded
 * as published by hand).
 *
 * Returns: (transfer full): #WartaCalendarEntry<!-- -->s, in time order
 */
GListModel *
warta_publication_repository_list_calendar (WartaPublicationRepository  *self,
                                            gint64                       from_us,
                                            gint64                       to_us,
                                            GError                     **error)
{
  g_autoptr(GListStore) store = g_list_store_new (WARTA_TYPE_CALENDAR_ENTRY);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (WARTA_IS_PUBLICATION_REPOSITORY (self), NULL);

  /* unixepoch() reads the offset of "2025-06-18T09:00:00+07:00", not the
   * "+07" that g_date_time_format_iso8601() writes: that gets its ":00". A
   * "Kapan" that is not a time (free text from an old draft) gives NULL
   * and is left out. */
  stmt = _warta_database_prepare (self->database,
                                  "SELECT id, kind, t FROM ("
                                  "  SELECT p.id AS id, 0 AS kind, "
                                  "         unixepoch (CASE WHEN instr (r.when_text, 'T') > 0 "
                                  "                          AND substr (r.when_text, -3, 1) IN ('+', '-') "
                                  "                         THEN r.when_text || ':00' "
                                  "                         ELSE r.when_text END) * 1000000 AS t "
                                  "  FROM publications p JOIN revisions r ON r.id = p.current_revision_id "
                                  "  WHERE p.state <> 'withdrawn' AND r.when_text <> '' "
                                  "  UNION ALL "
                                  "  SELECT p.id, 1, "
                                  "         CASE WHEN EXISTS (SELECT 1 FROM outbox_jobs j "
                                  "                           WHERE j.publication_id = p.id) "
                                  "         THEN (SELECT min (j.scheduled_at) FROM outbox_jobs j "
                                  "               WHERE j.publication_id = p.id AND j.scheduled_at <> 0 "
                                  "                 AND j.state IN ('pending', 'waiting', 'paused')) "
                                  "         ELSE nullif (r.scheduled_at, 0) END "
                                  "  FROM publications p JOIN revisions r ON r.id = p.current_revision_id "
                                  "  WHERE p.state NOT IN ('withdrawn', 'published') "
                                  "  UNION ALL "
                                  "  SELECT p.id, 2, "
                                  "         coalesce ((SELECT max (j.finished_at) FROM outbox_jobs j "
                                  "                    WHERE j.publication_id = p.id "
                                  "                      AND j.state IN ('done', 'manual')), "
                                  "                   p.updated_at) "
                                  "  FROM publications p "
                                  "  WHERE p.state IN ('published', 'partially_published')"
                                  ") WHERE t >= ? AND t < ? ORDER BY t, id, kind",
                                  error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, from_us);
  sqlite3_bind_int64 (stmt, 2, to_us);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(WartaPublication) publication = NULL;
      g_autoptr(WartaCalendarEntry) entry = NULL;

      publication = warta_publication_repository_get (self, sqlite3_column_int64 (stmt, 0), error);
      if (publication == NULL)
        return NULL;

      entry = warta_calendar_entry_new (publication, (WartaCalendarKind)sqlite3_column_int (stmt, 1),
                                        sqlite3_column_int64 (stmt, 2));
      g_list_store_append (store, entry);
    }
  if (rc != SQLITE_DONE)
    {
      _warta_database_set_error (self->database, error, rc, "calendar");
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&store));
}

/**
 * warta_publication_repository_list_step_records:
 * @self: a #WartaPublicationRepository
 * @publication_id: the publication
 * @error: where to put an error
 *
 * Returns: (transfer full): the #WartaStepRecord<!-- -->s, oldest first
 */
GListModel *
warta_publication_repository_list_step_records (WartaPublicationRepository  *self,
                                                gint64                       publication_id,
                                                GError                     **error)
{
  g_autoptr(GListStore) store = g_list_store_new (WARTA_TYPE_STEP_RECORD);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (WARTA_IS_PUBLICATION_REPOSITORY (self), NULL);

  stmt = _warta_database_prepare (self->database,
                                  "SELECT id, step, state, entered_at, deadline_at, exited_at, exit_state, "
                                  "entered_by, exited_by FROM step_records WHERE publication_id = ? "
                                  "ORDER BY id",
                                  error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, publication_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(WartaStepRecord) record = warta_step_record_new ();
      WartaState state = warta_state_from_id ((const char *)sqlite3_column_text (stmt, 2));

      warta_step_record_set_id (record, sqlite3_column_int64 (stmt, 0));
      warta_step_record_set_publication_id (record, publication_id);
      warta_step_record_set_step (record, (guint)sqlite3_column_int (stmt, 1));
      warta_step_record_set_state (record, state < WARTA_N_STATES ? state : 0);
      warta_step_record_set_entered_at (record, sqlite3_column_int64 (stmt, 3));
      warta_step_record_set_deadline_at (record, sqlite3_column_int64 (stmt, 4));
      warta_step_record_set_exited_at (record, sqlite3_column_int64 (stmt, 5));
      warta_step_record_set_exit_state (record, (const char *)sqlite3_column_text (stmt, 6));
      warta_step_record_set_entered_by (record, sqlite3_column_int64 (stmt, 7));
      warta_step_record_set_exited_by (record, sqlite3_column_int64 (stmt, 8));
      g_list_store_append (store, record);
    }
  if (rc != SQLITE_DONE)
    {
      _warta_database_set_error (self->database, error, rc, "step records");
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&store));
}

/**
 * warta_publication_repository_get_step_stats:
 * @self: a #WartaPublicationRepository
 * @step: 1–5
 * @from_us: steps entered from this time …
 * @to_us: … until before this time
 * @out_n_done: (out): how many stays in the step ended
 * @out_n_on_time: (out): how many of them ended by their deadline
 * @out_mean_us: (out): their mean time in the step
 * @error: where to put an error
 *
 * The compliance figures of the monthly report.
 */
gboolean
warta_publication_repository_get_step_stats (WartaPublicationRepository  *self,
                                             guint                        step,
                                             gint64                       from_us,
                                             gint64                       to_us,
                                             guint                       *out_n_done,
                                             guint                       *out_n_on_time,
                                             gint64                      *out_mean_us,
                                             GError                     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (WARTA_IS_PUBLICATION_REPOSITORY (self), FALSE);

  stmt = _warta_database_prepare (self->database,
                                  "SELECT count(*), "
                                  "coalesce (sum (deadline_at = 0 OR exited_at <= deadline_at), 0), "
                                  "coalesce (avg (exited_at - entered_at), 0) "
                                  "FROM step_records WHERE step = ? AND entered_at >= ? AND entered_at < ? "
                                  "AND exited_at IS NOT NULL",
                                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, (int)step);
  sqlite3_bind_int64 (stmt, 2, from_us);
  sqlite3_bind_int64 (stmt, 3, to_us);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _warta_database_set_error (self->database, error, rc, "step records");
      return FALSE;
    }

  if (out_n_done != NULL)
    *out_n_done = (guint)sqlite3_column_int (stmt, 0);
  if (out_n_on_time != NULL)
    *out_n_on_time = (guint)sqlite3_column_int (stmt, 1);
  if (out_mean_us != NULL)
    *out_mean_us = (gint64)sqlite3_column_double (stmt, 2);

  return TRUE;
}
