/* warta-dossier.c: everything kept about one publication
 *
 * A dossier is JSON: the publication's rows of every table as stored
 * ("records": revisions, captions, media with checksums, correction
 * notes, checklist answers, step records, the events of its history,
 * the register row, the people involved, and the outbox's tables once
 * they exist), plus what is derived from them alone and the settings:
 * the final texts, the media as sent, consent records, the approval
 * trail and the public-information register fields. Because everything
 * derives from the records, importing the records elsewhere reproduces
 * the same dossier. The schema is src/archive/warta-manifest.schema.json.
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "warta-dossier"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "warta-archive-repository.h"
#include "warta-diff.h"
#include "warta-dossier.h"
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

static JsonObject *
derive (JsonObject                 *records,
        const WartaDossierOptions  *options)
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
  g_autoptr(GList) tables = NULL;
  g_autofree char *summary = make_summary (revision);
  g_autofree char *published_iso = NULL;
  g_autofree char *created_iso = iso_time (int_of (pub, "created_at"));
  const char *category = str_of (pub, "category");
  gint64 published_at = 0;
  guint years = warta_dossier_options_get_retention (options, category);
  gboolean outbox = FALSE;

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

  rows = rows_of (records, "step_records");
  for (guint i = 0; rows != NULL && i < json_array_get_length (rows); i++)
    {
      JsonObject *s = json_array_get_object_element (rows, i);

      if (g_strcmp0 (str_of (s, "exit_state"), "published") == 0)
        published_at = MAX (published_at, int_of (s, "exited_at"));
    }
  published_iso = iso_time (published_at);
  set_str (dossier, "published_at", published_iso);

  /* Each target's result, from the outbox's tables when they exist. */
  tables = json_object_get_members (records);
  for (GList *l = tables; l != NULL; l = l->next)
    {
      static const char * const own[] = { "users", "publications", "revisions", "revision_captions",
                                          "media_items", "correction_notes", "checklist_answers",
                                          "step_records", "events", "archive_register" };
      gboolean known = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (own); i++)
        known |= g_str_equal (own[i], l->data);
      if (known)
        continue;
      outbox = TRUE;
      rows = rows_of (records, l->data);
      for (guint i = 0; rows != NULL && i < json_array_get_length (rows); i++)
        {
          JsonObject *t = json_object_new ();

          set_str (t, "table", l->data);
          json_object_set_object_member (t, "row",
                                         json_object_ref (json_array_get_object_element (rows, i)));
          json_array_add_object_element (targets, t);
        }
    }
  json_object_set_boolean_member (dossier, "targets_recorded", outbox);
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
  WartaDossier *self;

  records = warta_archive_repository_get_records (database, publication_id, error);
  if (records == NULL)
    return NULL;

  self = g_object_new (WARTA_TYPE_DOSSIER, NULL);
  self->json = derive (records, options);

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

static void
text_line (GString    *s,
           const char *label,
           const char *value)
{
  if (value == NULL || *value == '\0')
    return;
  g_string_append_printf (s, "%s: %s\n", label, value);
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

static const char *
field_label (const char *field)
{
  static const struct { const char *field; const char *label; } labels[] = {
    { "title", N_("Title") }, { "what", N_("What") }, { "who", N_("Who") },
    { "when", N_("When") }, { "where", N_("Where") }, { "why", N_("Why") },
    { "how", N_("How") }, { "narrative", N_("Narrative") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (field, labels[i].field) == 0)
      return _(labels[i].label);
  if (g_str_has_prefix (field, "caption:"))
    return field + strlen ("caption:");
  return field;
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

          g_string_append_printf (s, "  %s: %s\n", field_label (field->field), text);
        }

      g_set_object (&previous, revision);
    }
}

/**
 * warta_dossier_to_text:
 *
 * Returns: the dossier as plain text for reading on screen
 */
char *
warta_dossier_to_text (WartaDossier *self,
                       GTimeZone    *time_zone)
{
  g_autoptr(GString) s = g_string_new (NULL);
  JsonObject *reg = json_object_get_object_member (self->json, "register");
  JsonObject *final = json_object_get_object_member (self->json, "final");
  JsonObject *captions = json_object_get_object_member (final, "captions");
  JsonArray *media = json_object_get_array_member (self->json, "media");
  JsonArray *trail = json_object_get_array_member (self->json, "approval_trail");
  JsonArray *notes = rows_of (warta_dossier_get_records (self), "correction_notes");
  g_autoptr(GList) targets = json_object_get_members (captions);
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (reg, "number"));
  g_autofree char *years = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (reg, "retention_years"));

  g_string_append_printf (s, "%s\n\n", warta_dossier_get_title (self));

  g_string_append_printf (s, "%s\n", _("Register"));
  text_line (s, _("Number"), number);
  text_line (s, _("Summary"), str_of (reg, "summary"));
  text_line (s, _("Unit"), str_of (reg, "unit"));
  text_line (s, _("Responsible"), str_of (reg, "responsible"));
  text_line (s, _("Time"), str_of (reg, "time"));
  text_line (s, _("Place"), str_of (reg, "place"));
  text_line (s, _("Form"), str_of (reg, "form"));
  text_line (s, _("Retention (years)"), json_object_get_int_member (reg, "retention_years") ? years : _("permanent"));
  text_line (s, _("Retained until"), str_of (reg, "retention_until"));
  text_line (s, _("Published"), str_of (self->json, "published_at"));

  g_string_append_printf (s, "\n%s\n", _("Final texts"));
  text_line (s, _("What"), str_of (final, "what"));
  text_line (s, _("Who"), str_of (final, "who"));
  text_line (s, _("When"), str_of (final, "when_text"));
  text_line (s, _("Where"), str_of (final, "where_text"));
  text_line (s, _("Why"), str_of (final, "why"));
  text_line (s, _("How"), str_of (final, "how"));
  text_line (s, _("Narrative"), str_of (final, "narrative"));
  for (GList *l = targets; l != NULL; l = l->next)
    text_line (s, l->data, json_object_get_string_member (captions, l->data));

  g_string_append_printf (s, "\n%s\n", _("Media"));
  for (guint i = 0; i < json_array_get_length (media); i++)
    {
      JsonObject *m = json_array_get_object_element (media, i);

      g_string_append_printf (s, "%s  %s  %s\n", str_of (m, "kind"), str_of (m, "sha256"),
                              str_of (m, "path"));
    }

  append_revision_diffs (s, warta_dossier_get_records (self));

  g_string_append_printf (s, "\n%s\n", _("History"));
  for (guint i = 0; i < json_array_get_length (trail); i++)
    {
      JsonObject *e = json_array_get_object_element (trail, i);

      g_string_append_printf (s, "%s  %s  %s → %s  %s%s%s\n", str_of (e, "at"),
                              str_of (e, "actor") ?: "", str_of (e, "from_state") ?: "",
                              str_of (e, "to_state") ?: "", str_of (e, "kind"),
                              str_of (e, "note") != NULL ? "  " : "", str_of (e, "note") ?: "");
    }

  if (notes != NULL && json_array_get_length (notes) > 0)
    {
      g_string_append_printf (s, "\n%s\n", _("Correction notes"));
      for (guint i = 0; i < json_array_get_length (notes); i++)
        {
          JsonObject *n = json_array_get_object_element (notes, i);

          g_string_append_printf (s, "%s (%s)\n", str_of (n, "text"), str_of (n, "status"));
        }
    }

  if (!json_object_get_boolean_member (self->json, "targets_recorded"))
    g_string_append_printf (s, "\n%s\n", _("Each platform’s post id and address are not recorded in this database yet."));

  return g_string_free (g_steal_pointer (&s), FALSE);
}
