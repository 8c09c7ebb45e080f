/* warta-dossier.c: everything kept about one publication
 *
 * A dossier is JSON: the publication's rows of every table as stored
 * ("records": revisions, captions, media with checksums, correction
 * notes, checklist answers, step records, the events of its history,
 * the register row, the people involved, and the outbox's jobs with the
 * accounts they name and the proofs of targets published by hand), plus
 * what is derived from them alone and the settings: the final texts, the
 * media as sent, consent records, the approval trail, each target's
 * result and the public-information register fields. Because everything
 * derives from the records, importing the records elsewhere reproduces
 * the same dossier, but for the targets that did not go out (an import
 * writes back only those done or recorded by hand, on the importing
 * database's accounts, with each proof copied beside it): the manifest
 * is where the others stay. The schema is
 * src/archive/warta-manifest.schema.json.
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "warta-dossier"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "warta-account.h"
#include "warta-archive-repository.h"
#include "warta-clock.h"
#include "warta-diff.h"
#include "warta-dossier.h"
#include "warta-event.h"
#include "warta-outbox-job.h"
#include "warta-workflow.h"

struct _WartaDossier
{
  GObject     parent_instance;

  JsonObject *json;
};

G_DEFINE_FINAL_TYPE (WartaDossier, warta_dossier, G_TYPE_OBJECT)

void
warta_dossier_options_init (WartaDossierOptions *options)
{
  /* Defaults until the agency's JRA says otherwise (domain.md §2.4). */
  *options = (WartaDossierOptions) {
    .agency = NULL,
    .time_zone = NULL,
    .retention_periodic = 5,
    .retention_immediate = 5,
    .retention_on_request = 10,
  };
}

guint
warta_dossier_options_get_retention (const WartaDossierOptions *options,
                                     const char                *category)
{
  if (g_strcmp0 (category, "immediate") == 0)
    return options->retention_immediate;
  if (g_strcmp0 (category, "on-request") == 0)
    return options->retention_on_request;
  return options->retention_periodic;
}

static void
warta_dossier_finalize (GObject *object)
{
  WartaDossier *self = (WartaDossier *)object;

  g_clear_pointer (&self->json, json_object_unref);

  G_OBJECT_CLASS (warta_dossier_parent_class)->finalize (object);
}

static void
warta_dossier_class_init (WartaDossierClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = warta_dossier_finalize;
}

static void
warta_dossier_init (WartaDossier *self)
{
}

static JsonArray *
rows_of (JsonObject *records,
         const char *table)
{
  if (!json_object_has_member (records, table))
    return NULL;
  return json_object_get_array_member (records, table);
}

static gint64
int_of (JsonObject *row,
        const char *name)
{
  JsonNode *node = json_object_get_member (row, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return 0;
  return json_node_get_int (node);
}

static const char *
str_of (JsonObject *row,
        const char *name)
{
  JsonNode *node = json_object_get_member (row, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static void
set_str (JsonObject *object,
         const char *name,
         const char *value)
{
  if (value != NULL)
    json_object_set_string_member (object, name, value);
  else
    json_object_set_null_member (object, name);
}

static char *
iso_time (gint64 us)
{
  g_autoptr(GDateTime) dt = NULL;

  if (us == 0)
    return NULL;
  dt = g_date_time_new_from_unix_utc (us / G_USEC_PER_SEC);
  return g_date_time_format_iso8601 (dt);
}

static const char *
user_name (JsonObject *records,
           gint64      id)
{
  JsonArray *users = rows_of (records, "users");

  for (guint i = 0; users != NULL && i < json_array_get_length (users); i++)
    {
      JsonObject *u = json_array_get_object_element (users, i);

      if (int_of (u, "id") == id)
        return str_of (u, "display_name");
    }

  return NULL;
}

static JsonObject *
find_row (JsonArray  *rows,
          const char *column,
          gint64      value)
{
  for (guint i = 0; rows != NULL && i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);

      if (int_of (row, column) == value)
        return row;
    }

  return NULL;
}

/* "summary": what happened, then the narrative's first sentence. */
static char *
make_summary (JsonObject *revision)
{
  const char *what = revision != NULL ? str_of (revision, "what") : NULL;
  const char *narrative = revision != NULL ? str_of (revision, "narrative") : NULL;
  g_autoptr(GString) s = g_string_new (what);

  if (narrative != NULL && *narrative != '\0')
    {
      const char *end = strchr (narrative, '.');
      gsize len = end != NULL ? (gsize)(end - narrative + 1) : strlen (narrative);

      if (s->len > 0)
        g_string_append (s, " — ");
      g_string_append_len (s, narrative, MIN (len, 300));
    }

  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* The corrections of job @job_id, oldest first: when, by whom, how (by
 * Warta or by hand), why, and the text before and after. */
static JsonArray *
derive_corrections (JsonObject *records,
                    gint64      job_id)
{
  JsonArray *rows = rows_of (records, "post_corrections");
  JsonArray *corrections = json_array_new ();

  for (guint i = 0; rows != NULL && i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      JsonObject *c;
      g_autofree char *at = NULL;

      if (int_of (row, "job_id") != job_id)
        continue;
      c = json_object_new ();
      at = iso_time (int_of (row, "corrected_at"));
      set_str (c, "corrected_at", at);
      set_str (c, "corrected_by", user_name (records, int_of (row, "corrected_by")));
      set_str (c, "method", str_of (row, "method"));
      set_str (c, "reason", str_of (row, "reason"));
      set_str (c, "old_title", str_of (row, "old_title"));
      set_str (c, "old_text", str_of (row, "old_text"));
      set_str (c, "new_title", str_of (row, "new_title"));
      set_str (c, "new_text", str_of (row, "new_text"));
      json_array_add_object_element (corrections, c);
    }
  return corrections;
}

/* Each target's result from the outbox's rows: where and how it was
 * published, when (as recorded: for a target published by hand, the time
 * the admin entered), by whom, and a hand record's proof. Returns the
 * latest publication time of the targets, 0 when none is published. */
static gint64
derive_targets (JsonObject *records,
                const char *folder,
                JsonArray  *targets)
{
  JsonArray *jobs = rows_of (records, "outbox_jobs");
  JsonArray *proofs = rows_of (records, "manual_proofs");
  gint64 latest = 0;

  for (guint i = 0; jobs != NULL && i < json_array_get_length (jobs); i++)
    {
      JsonObject *job = json_array_get_object_element (jobs, i);
      JsonObject *account = find_row (rows_of (records, "accounts"), "id",
                                      int_of (job, "account_id"));
      JsonObject *proof = NULL;
      JsonObject *t = json_object_new ();
      const char *state = str_of (job, "state");
      gboolean by_hand = g_strcmp0 (state, "manual") == 0;
      gboolean published = by_hand || g_strcmp0 (state, "done") == 0;
      g_autofree char *published_iso = published ? iso_time (int_of (job, "finished_at")) : NULL;
      g_autofree char *taken_down_iso = iso_time (int_of (job, "taken_down_at"));

      /* The newest proof counts, as the outbox reads it. */
      for (guint k = 0; by_hand && proofs != NULL && k < json_array_get_length (proofs); k++)
        {
          JsonObject *row = json_array_get_object_element (proofs, k);

          if (int_of (row, "job_id") == int_of (job, "id"))
            proof = row;
        }

      set_str (t, "table", "outbox_jobs");
      json_object_set_object_member (t, "row", json_object_ref (job));
      set_str (t, "platform", account != NULL ? str_of (account, "platform") : NULL);
      set_str (t, "account", account != NULL ? str_of (account, "display_name") : NULL);
      set_str (t, "state", state);
      set_str (t, "method", by_hand ? "by-hand" : published ? "warta" : NULL);
      set_str (t, "url", str_of (job, "remote_url"));
      set_str (t, "remote_id", str_of (job, "remote_id"));
      set_str (t, "published_at", published_iso);
      set_str (t, "recorded_by", user_name (records, proof != NULL ? int_of (proof, "recorded_by")
                                                                   : int_of (job, "created_by")));
      if (proof != NULL)
        {
          JsonObject *screenshot = json_object_new ();
          g_autofree char *recorded_iso = iso_time (int_of (proof, "recorded_at"));
          const char *path = str_of (proof, "screenshot_path");

          set_str (t, "recorded_at", recorded_iso);
          if (path != NULL)
            {
              g_autofree char *source = folder != NULL && !g_path_is_absolute (path)
                                        ? g_build_filename (folder, path, NULL) : g_strdup (path);

              set_str (screenshot, "path", path);
              set_str (screenshot, "sha256", str_of (proof, "screenshot_sha256"));
              set_str (screenshot, "source", source);
              json_object_set_object_member (t, "screenshot", g_steal_pointer (&screenshot));
            }
          g_clear_pointer (&screenshot, json_object_unref);
        }
      set_str (t, "taken_down_at", taken_down_iso);
      set_str (t, "takedown_reason", str_of (job, "takedown_reason"));
      json_object_set_array_member (t, "corrections",
                                    derive_corrections (records, int_of (job, "id")));
      json_array_add_object_element (targets, t);

      if (published)
        latest = MAX (latest, int_of (job, "finished_at"));
    }

  return latest;
}

static JsonObject *
derive (JsonObject                 *records,
        const WartaDossierOptions  *options,
        const char                 *folder)
{
  JsonObject *dossier = json_object_new ();
  JsonObject *pub = json_array_get_object_element (rows_of (records, "publications"), 0);
  JsonObject *revision = find_row (rows_of (records, "revisions"), "id",
                                   int_of (pub, "current_revision_id"));
  JsonObject *reg_row = find_row (rows_of (records, "archive_register"), "publication_id",
                                  int_of (pub, "id"));
  JsonObject *final = json_object_new ();
  JsonObject *captions = json_object_new ();
  JsonObject *reg = json_object_new ();
  JsonArray *media = json_array_new ();
  JsonArray *consents = json_array_new ();
  JsonArray *trail = json_array_new ();
  JsonArray *targets = json_array_new ();
  JsonArray *rows;
  g_autofree char *summary = make_summary (revision);
  g_autofree char *published_iso = NULL;
  g_autofree char *created_iso = iso_time (int_of (pub, "created_at"));
  const char *category = str_of (pub, "category");
  gint64 published_at = 0;
  gint64 latest_step = 0;
  guint years = warta_dossier_options_get_retention (options, category);

  json_object_set_int_member (dossier, "publication_id", int_of (pub, "id"));
  set_str (dossier, "title", str_of (pub, "title"));
  set_str (dossier, "state", str_of (pub, "state"));
  set_str (dossier, "category", category);

  /* The final texts: the current (approved, when published) revision. */
  if (revision != NULL)
    {
      static const char * const fields[] = { "title", "what", "who", "when_text", "where_text",
                                             "why", "how", "narrative", "hashtags",
                                             "article_title", "article_body" };

      json_object_set_int_member (final, "revision", int_of (revision, "number"));
      set_str (final, "hash", str_of (revision, "hash"));
      for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
        set_str (final, fields[i], str_of (revision, fields[i]));
    }
  rows = rows_of (records, "revision_captions");
  for (guint i = 0; rows != NULL && i < json_array_get_length (rows); i++)
    {
      JsonObject *c = json_array_get_object_element (rows, i);

      if (revision != NULL && int_of (c, "revision_id") == int_of (revision, "id"))
        set_str (captions, str_of (c, "target"), str_of (c, "caption"));
    }
  json_object_set_object_member (final, "captions", captions);
  json_object_set_object_member (dossier, "final", final);

  /* The media of the final revision, with checksums and consent. */
  rows = rows_of (records, "media_items");
  for (guint i = 0; rows != NULL && i < json_array_get_length (rows); i++)
    {
      JsonObject *m = json_array_get_object_element (rows, i);
      JsonObject *item;

      if (revision == NULL || int_of (m, "revision_id") != int_of (revision, "id"))
        continue;

      item = json_object_new ();
      set_str (item, "sha256", str_of (m, "sha256"));
      set_str (item, "path", str_of (m, "path"));
      set_str (item, "kind", str_of (m, "kind"));
      json_object_set_int_member (item, "width", int_of (m, "width"));
      json_object_set_int_member (item, "height", int_of (m, "height"));
      set_str (item, "credit", str_of (m, "credit"));
      set_str (item, "alt_text", str_of (m, "alt_text"));
      json_array_add_object_element (media, item);

      if (int_of (m, "identifiable_people") || int_of (m, "minor"))
        {
          JsonObject *consent = json_object_new ();

          set_str (consent, "sha256", str_of (m, "sha256"));
          json_object_set_boolean_member (consent, "identifiable_people", int_of (m, "identifiable_people"));
          json_object_set_boolean_member (consent, "minor", int_of (m, "minor"));
          set_str (consent, "consent", str_of (m, "consent"));
          json_array_add_object_element (consents, consent);
        }
    }
  json_object_set_array_member (dossier, "media", media);
  json_object_set_array_member (dossier, "consents", consents);

  /* The approval trail: every move, by whom, when, with its note. */
  rows = rows_of (records, "events");
  for (guint i = 0; rows != NULL && i < json_array_get_length (rows); i++)
    {
      JsonObject *e = json_array_get_object_element (rows, i);
      JsonObject *step = json_object_new ();
      g_autofree char *at = iso_time (int_of (e, "at"));

      set_str (step, "at", at);
      set_str (step, "actor", user_name (records, int_of (e, "actor_id")));
      set_str (step, "role", str_of (e, "role"));
      set_str (step, "kind", str_of (e, "kind"));
      set_str (step, "from_state", str_of (e, "from_state"));
      set_str (step, "to_state", str_of (e, "to_state"));
      set_str (step, "note", str_of (e, "note"));
      json_array_add_object_element (trail, step);
    }
  json_object_set_array_member (dossier, "approval_trail", trail);

  /* Published: when the posts went out, as each target's result records
   * it; the step's end (the moment the last result came in) only when no
   * target is recorded. */
  published_at = derive_targets (records, folder, targets);
  rows = rows_of (records, "step_records");
  for (guint i = 0; published_at == 0 && rows != NULL && i < json_array_get_length (rows); i++)
    {
      JsonObject *s = json_array_get_object_element (rows, i);

      if (g_strcmp0 (str_of (s, "exit_state"), "published") == 0)
        latest_step = MAX (latest_step, int_of (s, "exited_at"));
    }
  if (published_at == 0)
    published_at = latest_step;
  published_iso = iso_time (published_at);
  set_str (dossier, "published_at", published_iso);
  json_object_set_boolean_member (dossier, "targets_recorded",
                                  rows_of (records, "outbox_jobs") != NULL);
  json_object_set_array_member (dossier, "targets", targets);

  /* The register of public information (Perki 1/2021). */
  json_object_set_int_member (reg, "number", int_of (pub, "id"));
  set_str (reg, "summary", summary);
  set_str (reg, "unit", reg_row != NULL && str_of (reg_row, "unit") != NULL && *str_of (reg_row, "unit")
                        ? str_of (reg_row, "unit") : options->agency);
  set_str (reg, "responsible", user_name (records, int_of (pub, "created_by")));
  set_str (reg, "time", revision != NULL ? str_of (revision, "when_text") : NULL);
  set_str (reg, "created_at", created_iso);
  set_str (reg, "place", revision != NULL ? str_of (revision, "where_text") : NULL);
  set_str (reg, "form", reg_row != NULL ? str_of (reg_row, "form") : "soft-copy");
  json_object_set_int_member (reg, "retention_years", years);
  if (years > 0 && published_at != 0)
    {
      g_autoptr(GDateTime) published = g_date_time_new_from_unix_utc (published_at / G_USEC_PER_SEC);
      g_autoptr(GDateTime) until = g_date_time_add_years (published, (int)years);
      g_autofree char *until_text = g_date_time_format (until, "%Y-%m-%d");

      set_str (reg, "retention_until", until_text);
    }
  else
    json_object_set_null_member (reg, "retention_until");
  json_object_set_object_member (dossier, "register", reg);

  json_object_set_object_member (dossier, "records", json_object_ref (records));

  return dossier;
}

/**
 * warta_dossier_load:
 * @database: a #WartaDatabase
 * @publication_id: the publication
 * @options: the agency and retention periods from the settings
 * @error: where to put an error
 *
 * Returns: (transfer full): the dossier
 */
WartaDossier *
warta_dossier_load (WartaDatabase              *database,
                    gint64                      publication_id,
                    const WartaDossierOptions  *options,
                    GError                    **error)
{
  g_autoptr(JsonObject) records = NULL;
  g_autofree char *folder = NULL;
  WartaDossier *self;

  records = warta_archive_repository_get_records (database, publication_id, error);
  if (records == NULL)
    return NULL;

  /* Proofs are kept relative to the database's folder. */
  if (warta_database_get_path (database) != NULL)
    folder = g_path_get_dirname (warta_database_get_path (database));
  self = g_object_new (WARTA_TYPE_DOSSIER, NULL);
  self->json = derive (records, options, folder);

  return self;
}

/**
 * warta_dossier_new_from_json:
 * @object: a dossier as written into an export's manifest
 *
 * Returns: (transfer full): the dossier
 */
WartaDossier *
warta_dossier_new_from_json (JsonObject  *object,
                             GError     **error)
{
  WartaDossier *self;
  JsonObject *records;

  if (object == NULL || !json_object_has_member (object, "records") ||
      (records = json_object_get_object_member (object, "records")) == NULL ||
      rows_of (records, "publications") == NULL ||
      json_array_get_length (rows_of (records, "publications")) != 1)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("A publication in the export is incomplete. Export it again."));
      return NULL;
    }

  self = g_object_new (WARTA_TYPE_DOSSIER, NULL);
  self->json = json_object_ref (object);

  return self;
}

typedef struct
{
  gint64               id;
  WartaDossierOptions  options;
  char                *agency;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_free (data->agency);
  g_free (data);
}

static gpointer
load_work (WartaDatabase  *reader,
           gpointer        data,
           GCancellable   *cancellable,
           GError        **error)
{
  LoadData *load = data;

  return warta_dossier_load (reader, load->id, &load->options, error);
}

void
warta_dossier_load_async (WartaArchive               *archive,
                          gint64                      publication_id,
                          const WartaDossierOptions  *options,
                          GCancellable               *cancellable,
                          GAsyncReadyCallback         callback,
                          gpointer                    user_data)
{
  LoadData *data = g_new0 (LoadData, 1);

  data->id = publication_id;
  data->options = *options;
  data->agency = g_strdup (options->agency);
  data->options.agency = data->agency;
  data->options.time_zone = NULL;   /* a load does not read it */

  warta_archive_run_async (archive, load_work, data, (GDestroyNotify)load_data_free,
                           g_object_unref, cancellable, callback, user_data);
}

WartaDossier *
warta_dossier_load_finish (WartaArchive  *archive,
                           GAsyncResult  *result,
                           GError       **error)
{
  return warta_archive_run_finish (archive, result, error);
}

gint64
warta_dossier_get_id (WartaDossier *self)
{
  return json_object_get_int_member (self->json, "publication_id");
}

const char *
warta_dossier_get_title (WartaDossier *self)
{
  return str_of (self->json, "title");
}

JsonObject *
warta_dossier_get_json (WartaDossier *self)
{
  return self->json;
}

JsonObject *
warta_dossier_get_records (WartaDossier *self)
{
  return json_object_get_object_member (self->json, "records");
}

char *
warta_dossier_to_string (WartaDossier *self)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  json_node_set_object (node, self->json);
  return json_to_string (node, TRUE);
}

/* A revision's texts from its stored row and captions, for the diff. */
static WartaRevision *
revision_from_row (JsonObject *row,
                   JsonArray  *captions)
{
  WartaRevision *revision = warta_revision_new ();
  gint64 id = int_of (row, "id");

  warta_revision_set_number (revision, (guint)int_of (row, "number"));
  warta_revision_set_title (revision, str_of (row, "title"));
  warta_revision_set_what (revision, str_of (row, "what"));
  warta_revision_set_who (revision, str_of (row, "who"));
  warta_revision_set_when (revision, str_of (row, "when_text"));
  warta_revision_set_where (revision, str_of (row, "where_text"));
  warta_revision_set_why (revision, str_of (row, "why"));
  warta_revision_set_how (revision, str_of (row, "how"));
  warta_revision_set_narrative (revision, str_of (row, "narrative"));
  warta_revision_set_category (revision, str_of (row, "category"));
  warta_revision_set_hashtags (revision, str_of (row, "hashtags"));
  warta_revision_set_article_title (revision, str_of (row, "article_title"));
  warta_revision_set_article_body (revision, str_of (row, "article_body"));
  for (guint i = 0; captions != NULL && i < json_array_get_length (captions); i++)
    {
      JsonObject *c = json_array_get_object_element (captions, i);

      if (int_of (c, "revision_id") == id)
        warta_revision_set_caption (revision, str_of (c, "target"), str_of (c, "caption"));
    }

  return revision;
}

/* Every revision's texts and captions against the one before it, word by
 * word: deletions in "[-…-]", insertions in "{+…+}". (The media of each
 * revision are listed with their checksums in the records.) */
static void
append_revision_diffs (GString    *s,
                       JsonObject *records)
{
  JsonArray *revisions = rows_of (records, "revisions");
  JsonArray *captions = rows_of (records, "revision_captions");
  g_autoptr(WartaRevision) previous = NULL;

  if (revisions == NULL || json_array_get_length (revisions) < 2)
    return;

  g_string_append_printf (s, "\n%s\n", _("Changes between revisions"));
  for (guint i = 0; i < json_array_get_length (revisions); i++)
    {
      g_autoptr(WartaRevision) revision = revision_from_row (json_array_get_object_element (revisions, i),
                                                             captions);
      g_autoptr(WartaRevisionDiff) diff = NULL;
      g_autofree char *heading = NULL;

      if (previous == NULL)
        {
          previous = g_steal_pointer (&revision);
          continue;
        }

      diff = warta_revision_diff_new (previous, revision);
      heading = g_strdup_printf (_("Revision %u to %u"), warta_revision_get_number (previous),
                                 warta_revision_get_number (revision));
      g_string_append_printf (s, "%s\n", heading);
      if (warta_revision_diff_get_n_fields (diff) == 0)
        g_string_append_printf (s, "  %s\n", _("The texts did not change."));
      for (guint k = 0; k < warta_revision_diff_get_n_fields (diff); k++)
        {
          const WartaFieldDiff *field = warta_revision_diff_get_field (diff, k);
          g_autofree char *text = warta_diff_format (field->runs);

          g_string_append_printf (s, "  %s: %s\n",
                                  warta_revision_field_get_display_name (field->field), text);
        }

      g_set_object (&previous, revision);
    }
}

/* An ISO 8601 time of the dossier as the app shows times. */
static char *
human_time (const char *iso,
            GTimeZone  *time_zone)
{
  g_autoptr(GDateTime) dt = iso != NULL ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;

  if (dt == NULL)
    return g_strdup (iso);
  return warta_format_time (time_zone, g_date_time_to_unix (dt) * G_USEC_PER_SEC, TRUE);
}

/* A day of the dossier, "2030-06-18", as the app writes days; as stored
 * when it is not one. */
static char *
human_day (const char *iso_day)
{
  int y, m, d;
  g_autoptr(GDateTime) day = NULL;

  if (iso_day == NULL || sscanf (iso_day, "%4d-%2d-%2d", &y, &m, &d) != 3 ||
      (day = g_date_time_new_utc (y, m, d, 0, 0, 0)) == NULL)
    return g_strdup (iso_day);
  /* Translators: a day, as in "%e %b %Y, %H:%M" without the time; %-d
   * is the day without a pad ("9 Jun 2030") */
  return warta_date_time_format (day, _("%-d %b %Y"));
}

static const char *
state_name (const char *id)
{
  WartaState state = warta_state_from_id (id);

  return state < WARTA_N_STATES ? warta_state_get_display_name (state) : id;
}

/* A checklist event's note, "source-verified=yes;…=no (note)", in words. */
static char *
checklist_text (const char *note)
{
  g_auto(GStrv) answers = g_strsplit (note != NULL ? note : "", ";", -1);
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; answers[i] != NULL; i++)
    {
      char *eq = strchr (answers[i], '=');
      const char *rest;
      WartaCheck check;

      if (eq == NULL)
        {
          g_string_append_printf (s, "%s%s", s->len ? "; " : "", answers[i]);
          continue;
        }
      *eq = '\0';
      rest = eq + 1;
      check = warta_check_from_id (answers[i]);
      g_string_append_printf (s, "%s%s: %s", s->len ? "; " : "",
                              check < WARTA_N_CHECKS ? warta_check_get_display_name (check)
                                                     : answers[i],
                              g_str_has_prefix (rest, "yes") ? _("ticked") : _("not ticked"));
      /* What follows the answer is the verifier's note, "(…)". */
      rest += g_str_has_prefix (rest, "yes") ? 3 : g_str_has_prefix (rest, "no") ? 2 : 0;
      g_string_append (s, rest);
    }

  return g_string_free (g_steal_pointer (&s), FALSE);
}

static const char *
note_status_name (const char *status)
{
  if (g_strcmp0 (status, "open") == 0)
    return _("Open");
  if (g_strcmp0 (status, "resolved") == 0)
    return _("Done");
  if (g_strcmp0 (status, "confirmed") == 0)
    return _("Confirmed");
  return status;
}


/* The register's form of the information (Perki 1/2021) as a reader
 * names it; a value this version does not know, as stored. */
static const char *
form_display_name (const char *form)
{
  if (g_strcmp0 (form, "soft-copy") == 0)
    return _("Electronic (soft copy)");

  return form;
}

static void
emit_register (WartaDossier         *self,
               GTimeZone            *time_zone,
               WartaDossierLineFunc  func,
               gpointer              user_data)
{
  JsonObject *reg = json_object_get_object_member (self->json, "register");
  gint64 n_years = json_object_get_int_member (reg, "retention_years");
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT,
                                             json_object_get_int_member (reg, "number"));
  g_autofree char *years = g_strdup_printf ("%" G_GINT64_FORMAT, n_years);
  g_autofree char *published = human_time (str_of (self->json, "published_at"), time_zone);
  /* The activity's time as the editor stores it, ISO 8601, is read as the
   * other times are; one typed in words stays as it was typed. */
  g_autofree char *time = human_time (str_of (reg, "time"), time_zone);
  g_autofree char *until = human_day (str_of (reg, "retention_until"));

  func (WARTA_DOSSIER_HEADING, _("Register of public information"), NULL, user_data);
  func (WARTA_DOSSIER_FIELD, _("Number"), number, user_data);
  func (WARTA_DOSSIER_FIELD, _("Summary"), str_of (reg, "summary"), user_data);
  func (WARTA_DOSSIER_FIELD, _("Unit"), str_of (reg, "unit"), user_data);
  func (WARTA_DOSSIER_FIELD, _("Responsible"), str_of (reg, "responsible"), user_data);
  func (WARTA_DOSSIER_FIELD, _("Time"), time, user_data);
  func (WARTA_DOSSIER_FIELD, _("Place"), str_of (reg, "place"), user_data);
  func (WARTA_DOSSIER_FIELD, _("Form"), form_display_name (str_of (reg, "form")), user_data);
  func (WARTA_DOSSIER_FIELD, _("Retention (years)"),
        n_years > 0 ? years : _("permanent"), user_data);
  func (WARTA_DOSSIER_FIELD, _("Retained until"), until, user_data);
  func (WARTA_DOSSIER_FIELD, _("Published"), published, user_data);
}

/* Every text of the final revision, the website's article and each
 * platform's caption included, under the names the editor gives them. */
static void
emit_final_texts (WartaDossier         *self,
                  GTimeZone            *time_zone,
                  WartaDossierLineFunc  func,
                  gpointer              user_data)
{
  static const struct { const char *member; const char *field; } texts[] = {
    { "title", "title" }, { "what", "what" }, { "who", "who" }, { "when_text", "when" },
    { "where_text", "where" }, { "why", "why" }, { "how", "how" }, { "narrative", "narrative" },
    { "hashtags", "hashtags" }, { "article_title", "article-title" },
    { "article_body", "article-body" },
  };
  JsonObject *final = json_object_get_object_member (self->json, "final");
  JsonObject *captions = json_object_get_object_member (final, "captions");
  g_autoptr(GList) targets = json_object_get_members (captions);

  func (WARTA_DOSSIER_HEADING, _("Final texts"), NULL, user_data);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      /* The time as the register's, not as the editor stores it. */
      g_autofree char *when = g_str_equal (texts[i].field, "when")
                              ? human_time (str_of (final, texts[i].member), time_zone) : NULL;

      func (WARTA_DOSSIER_FIELD, warta_revision_field_get_display_name (texts[i].field),
            when != NULL ? when : str_of (final, texts[i].member), user_data);
    }
  for (GList *l = targets; l != NULL; l = l->next)
    {
      g_autofree char *field = g_strconcat ("caption:", l->data, NULL);

      func (WARTA_DOSSIER_FIELD, warta_revision_field_get_display_name (field),
            str_of (captions, l->data), user_data);
    }
}

static char *
title_and_text (JsonObject *c,
                const char *title,
                const char *text)
{
  if (str_of (c, title) == NULL)
    return g_strdup (str_of (c, text));
  return g_strconcat (str_of (c, title), "\n\n", str_of (c, text), NULL);
}

/* Each correction of a target's post, with the text before and after. */
static void
emit_corrections (JsonObject           *t,
                  GTimeZone            *time_zone,
                  WartaDossierLineFunc  func,
                  gpointer              user_data)
{
  JsonArray *corrections = json_object_has_member (t, "corrections")
                           ? json_object_get_array_member (t, "corrections") : NULL;

  for (guint i = 0; corrections != NULL && i < json_array_get_length (corrections); i++)
    {
      JsonObject *c = json_array_get_object_element (corrections, i);
      g_autofree char *at = human_time (str_of (c, "corrected_at"), time_zone);
      g_autofree char *when = NULL;
      g_autofree char *before = title_and_text (c, "old_title", "old_text");
      g_autofree char *after = title_and_text (c, "new_title", "new_text");

      if (g_strcmp0 (str_of (c, "method"), "warta") == 0)
        /* Translators: when a published post was corrected, and by whom. */
        when = g_strdup_printf (_("%s by %s, through Warta"), at ?: "—",
                                str_of (c, "corrected_by") ?: "—");
      else
        /* Translators: when a published post was corrected, and by whom. */
        when = g_strdup_printf (_("%s by %s, by hand on the platform"), at ?: "—",
                                str_of (c, "corrected_by") ?: "—");
      func (WARTA_DOSSIER_FIELD, _("Corrected"), when, user_data);
      func (WARTA_DOSSIER_FIELD, _("Reason for the correction"), str_of (c, "reason"), user_data);
      func (WARTA_DOSSIER_FIELD, _("Text before"), before, user_data);
      func (WARTA_DOSSIER_FIELD, _("Text after"), after, user_data);
    }
}

static void
emit_targets (WartaDossier         *self,
              GTimeZone            *time_zone,
              WartaDossierLineFunc  func,
              gpointer              user_data)
{
  JsonArray *targets = json_object_get_array_member (self->json, "targets");

  func (WARTA_DOSSIER_HEADING, _("Publication evidence"), NULL, user_data);
  if (!json_object_get_boolean_member (self->json, "targets_recorded"))
    {
      func (WARTA_DOSSIER_LINE, NULL,
            _("Each platform’s post id and address are not recorded in this database yet."),
            user_data);
      return;
    }
  if (json_array_get_length (targets) == 0)
    func (WARTA_DOSSIER_LINE, NULL, _("No platform was recorded for this publication."), user_data);

  for (guint i = 0; i < json_array_get_length (targets); i++)
    {
      JsonObject *t = json_array_get_object_element (targets, i);
      JsonObject *screenshot = json_object_has_member (t, "screenshot")
                               ? json_object_get_object_member (t, "screenshot") : NULL;
      const char *method = str_of (t, "method");
      const char *state = str_of (t, "state");
      g_autofree char *platform = NULL;
      g_autofree char *published = human_time (str_of (t, "published_at"), time_zone);
      g_autofree char *recorded = human_time (str_of (t, "recorded_at"), time_zone);
      g_autofree char *taken_down = human_time (str_of (t, "taken_down_at"), time_zone);
      g_autofree char *proof = NULL;
      const char *how;

      if (str_of (t, "account") != NULL)
        /* Translators: a platform and the account on it, "Facebook (Humas Inspektorat)". */
        platform = g_strdup_printf (_("%s (%s)"),
                                    warta_platform_get_display_name (str_of (t, "platform")),
                                    str_of (t, "account"));
      else
        platform = g_strdup (warta_platform_get_display_name (str_of (t, "platform")));

      if (g_strcmp0 (method, "by-hand") == 0)
        how = _("Published by hand, recorded in Warta");
      else if (g_strcmp0 (method, "warta") == 0)
        how = _("Published by Warta");
      else if (warta_outbox_state_from_id (state) < WARTA_N_OUTBOX_STATES)
        how = warta_outbox_state_get_display_name (warta_outbox_state_from_id (state));
      else
        how = state;

      if (screenshot != NULL)
        /* Translators: the proof screenshot's file, kept in the database's
         * folder, and its SHA-256 checksum. */
        proof = g_strdup_printf (_("%s in the database’s folder (SHA-256 %s)"),
                                 str_of (screenshot, "path"), str_of (screenshot, "sha256") ?: "—");

      func (WARTA_DOSSIER_SUBHEADING, NULL, platform, user_data);
      func (WARTA_DOSSIER_FIELD, _("How published"), how, user_data);
      func (WARTA_DOSSIER_FIELD, _("Post address"), str_of (t, "url"), user_data);
      func (WARTA_DOSSIER_FIELD, _("Post id"), str_of (t, "remote_id"), user_data);
      func (WARTA_DOSSIER_FIELD, _("Published"), published, user_data);
      func (WARTA_DOSSIER_FIELD, _("Recorded by"), str_of (t, "recorded_by"), user_data);
      func (WARTA_DOSSIER_FIELD, _("Recorded at"), recorded, user_data);
      func (WARTA_DOSSIER_FIELD, _("Proof screenshot"), proof, user_data);
      func (WARTA_DOSSIER_FIELD, _("Taken down"), taken_down, user_data);
      func (WARTA_DOSSIER_FIELD, _("Reason"), str_of (t, "takedown_reason"), user_data);
      emit_corrections (t, time_zone, func, user_data);
    }
}

static void
emit_history (WartaDossier         *self,
              GTimeZone            *time_zone,
              WartaDossierLineFunc  func,
              gpointer              user_data)
{
  JsonArray *trail = json_object_get_array_member (self->json, "approval_trail");

  func (WARTA_DOSSIER_HEADING, _("Approval trail"), NULL, user_data);
  for (guint i = 0; trail != NULL && i < json_array_get_length (trail); i++)
    {
      JsonObject *e = json_array_get_object_element (trail, i);
      const char *from = str_of (e, "from_state");
      const char *to = str_of (e, "to_state");
      const char *kind = str_of (e, "kind");
      g_autofree char *at = human_time (str_of (e, "at"), time_zone);
      g_autofree char *note = g_strcmp0 (kind, "checklist") == 0
                              ? checklist_text (str_of (e, "note")) : g_strdup (str_of (e, "note"));
      g_autoptr(GString) line = g_string_new (at);

      g_string_append_printf (line, "  %s  %s", str_of (e, "actor") ?: "",
                              warta_event_kind_get_display_name (kind));
      if (from != NULL && to != NULL && g_strcmp0 (from, to) != 0)
        g_string_append_printf (line, " (%s → %s)", state_name (from), state_name (to));
      if (note != NULL && *note != '\0')
        g_string_append_printf (line, "  %s", note);

      func (WARTA_DOSSIER_LINE, NULL, line->str, user_data);
    }
}

/**
 * warta_dossier_foreach_line:
 * @self: a #WartaDossier
 * @section: which part
 * @time_zone: (nullable): the office's zone, for times; %NULL: UTC
 * @func: called for each heading, field and line, in reading order
 * @user_data: for @func
 *
 * The dossier in words, as the screen and the record sheet show it.
 * @func gets fields whose value is %NULL or empty too.
 */
void
warta_dossier_foreach_line (WartaDossier         *self,
                            WartaDossierSection   section,
                            GTimeZone            *time_zone,
                            WartaDossierLineFunc  func,
                            gpointer              user_data)
{
  g_return_if_fail (WARTA_IS_DOSSIER (self));

  switch (section)
    {
    case WARTA_DOSSIER_REGISTER:
      emit_register (self, time_zone, func, user_data);
      break;
    case WARTA_DOSSIER_FINAL_TEXTS:
      emit_final_texts (self, time_zone, func, user_data);
      break;
    case WARTA_DOSSIER_TARGETS:
      emit_targets (self, time_zone, func, user_data);
      break;
    case WARTA_DOSSIER_HISTORY:
      emit_history (self, time_zone, func, user_data);
      break;
    default:
      g_return_if_reached ();
    }
}

static void
text_line_cb (WartaDossierLineKind  kind,
              const char           *label,
              const char           *value,
              gpointer              user_data)
{
  GString *s = user_data;

  switch (kind)
    {
    case WARTA_DOSSIER_HEADING:
      g_string_append_printf (s, "\n%s\n", label);
      break;
    case WARTA_DOSSIER_SUBHEADING:
      g_string_append_printf (s, "%s\n", value);
      break;
    case WARTA_DOSSIER_FIELD:
      if (value != NULL && *value != '\0')
        g_string_append_printf (s, "%s: %s\n", label, value);
      break;
    case WARTA_DOSSIER_LINE:
    default:
      g_string_append_printf (s, "%s\n", value);
    }
}

/**
 * warta_dossier_to_text:
 * @time_zone: (nullable): the office's zone, for times; %NULL: UTC
 *
 * Returns: the dossier as plain text for reading on screen
 */
char *
warta_dossier_to_text (WartaDossier *self,
                       GTimeZone    *time_zone)
{
  g_autoptr(GString) s = g_string_new (NULL);
  JsonArray *media = json_object_get_array_member (self->json, "media");
  JsonArray *notes = rows_of (warta_dossier_get_records (self), "correction_notes");

  g_string_append_printf (s, "%s\n", warta_dossier_get_title (self));

  warta_dossier_foreach_line (self, WARTA_DOSSIER_REGISTER, time_zone, text_line_cb, s);
  warta_dossier_foreach_line (self, WARTA_DOSSIER_FINAL_TEXTS, time_zone, text_line_cb, s);
  warta_dossier_foreach_line (self, WARTA_DOSSIER_TARGETS, time_zone, text_line_cb, s);

  g_string_append_printf (s, "\n%s\n", _("Media"));
  for (guint i = 0; i < json_array_get_length (media); i++)
    {
      JsonObject *m = json_array_get_object_element (media, i);

      g_string_append_printf (s, "%s  %s  %s\n", str_of (m, "kind"), str_of (m, "sha256"),
                              str_of (m, "path"));
    }

  append_revision_diffs (s, warta_dossier_get_records (self));

  warta_dossier_foreach_line (self, WARTA_DOSSIER_HISTORY, time_zone, text_line_cb, s);

  if (notes != NULL && json_array_get_length (notes) > 0)
    {
      g_string_append_printf (s, "\n%s\n", _("Correction notes"));
      for (guint i = 0; i < json_array_get_length (notes); i++)
        {
          JsonObject *n = json_array_get_object_element (notes, i);

          g_string_append_printf (s, "%s (%s)\n", str_of (n, "text"),
                                  note_status_name (str_of (n, "status")));
        }
    }

  return g_string_free (g_steal_pointer (&s), FALSE);
}
