/* test-export.c: the export's manifest against its schema, the record
 * sheets read back, the round trip into an empty database, retention
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <locale.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "warta-archive-repository.h"
#include "warta-dossier.h"
#include "warta-event-log.h"
#include "warta-export.h"
#include "warta-archive-test-util.h"

typedef ArchiveFixture Fixture;

/* A walk of the JSON Schema subset the manifest's schema uses: type
 * (or a list of types), const, enum, required, properties, items and
 * local $refs. Returns the first problem, or NULL. */
static char *
check_node (JsonObject *root_schema,
            JsonObject *schema,
            JsonNode   *node,
            const char *where);

static gboolean
has_type (JsonNode   *node,
          const char *type)
{
  if (g_str_equal (type, "null"))
    return JSON_NODE_HOLDS_NULL (node);
  if (g_str_equal (type, "object"))
    return JSON_NODE_HOLDS_OBJECT (node);
  if (g_str_equal (type, "array"))
    return JSON_NODE_HOLDS_ARRAY (node);
  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  if (g_str_equal (type, "string"))
    return json_node_get_value_type (node) == G_TYPE_STRING;
  if (g_str_equal (type, "integer"))
    return json_node_get_value_type (node) == G_TYPE_INT64;
  if (g_str_equal (type, "number"))
    return json_node_get_value_type (node) == G_TYPE_INT64 || json_node_get_value_type (node) == G_TYPE_DOUBLE;
  if (g_str_equal (type, "boolean"))
    return json_node_get_value_type (node) == G_TYPE_BOOLEAN;
  g_error ("unknown type %s in the schema", type);
}

static char *
check_node (JsonObject *root_schema,
            JsonObject *schema,
            JsonNode   *node,
            const char *where)
{
  if (json_object_has_member (schema, "$ref"))
    {
      const char *ref = json_object_get_string_member (schema, "$ref");

      g_assert_true (g_str_has_prefix (ref, "#/$defs/"));
      schema = json_object_get_object_member (json_object_get_object_member (root_schema, "$defs"),
                                              ref + strlen ("#/$defs/"));
      g_assert_nonnull (schema);
    }

  if (json_object_has_member (schema, "type"))
    {
      JsonNode *type = json_object_get_member (schema, "type");
      gboolean ok = FALSE;

      if (JSON_NODE_HOLDS_ARRAY (type))
        {
          JsonArray *types = json_node_get_array (type);

          for (guint i = 0; i < json_array_get_length (types); i++)
            ok |= has_type (node, json_array_get_string_element (types, i));
        }
      else
        ok = has_type (node, json_node_get_string (type));
      if (!ok)
        return g_strdup_printf ("%s: wrong type", where);
    }

  if (json_object_has_member (schema, "const") &&
      g_strcmp0 (json_node_get_string (node), json_object_get_string_member (schema, "const")) != 0)
    return g_strdup_printf ("%s: not the constant", where);

  if (json_object_has_member (schema, "enum"))
    {
      JsonArray *values = json_object_get_array_member (schema, "enum");
      gboolean found = FALSE;

      for (guint i = 0; i < json_array_get_length (values); i++)
        found |= g_strcmp0 (json_node_get_string (node), json_array_get_string_element (values, i)) == 0;
      if (!found)
        return g_strdup_printf ("%s: “%s” not allowed", where, json_node_get_string (node));
    }

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);

      if (json_object_has_member (schema, "required"))
        {
          JsonArray *required = json_object_get_array_member (schema, "required");

          for (guint i = 0; i < json_array_get_length (required); i++)
            if (!json_object_has_member (object, json_array_get_string_element (required, i)))
              return g_strdup_printf ("%s: “%s” missing", where, json_array_get_string_element (required, i));
        }
      if (json_object_has_member (schema, "properties"))
        {
          JsonObject *properties = json_object_get_object_member (schema, "properties");
          g_autoptr(GList) names = json_object_get_members (properties);

          for (GList *l = names; l != NULL; l = l->next)
            if (json_object_has_member (object, l->data))
              {
                g_autofree char *inner = g_strdup_printf ("%s.%s", where, (char *)l->data);
                char *problem = check_node (root_schema, json_object_get_object_member (properties, l->data),
                                            json_object_get_member (object, l->data), inner);

                if (problem != NULL)
                  return problem;
              }
        }
    }

  if (JSON_NODE_HOLDS_ARRAY (node) && json_object_has_member (schema, "items"))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *inner = g_strdup_printf ("%s[%u]", where, i);
          char *problem = check_node (root_schema, json_object_get_object_member (schema, "items"),
                                      json_array_get_element (array, i), inner);

          if (problem != NULL)
            return problem;
        }
    }

  return NULL;
}

static char *
validate_manifest (const char *folder)
{
  g_autofree char *schema_path = g_test_build_filename (G_TEST_DIST, "..", "src", "archive",
                                                        "warta-manifest.schema.json", NULL);
  g_autofree char *manifest_path = g_build_filename (folder, "manifest.json", NULL);
  g_autoptr(JsonParser) schema = json_parser_new ();
  g_autoptr(JsonParser) manifest = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (schema, schema_path, &error);
  g_assert_no_error (error);
  json_parser_load_from_file (manifest, manifest_path, &error);
  g_assert_no_error (error);

  return check_node (json_node_get_object (json_parser_get_root (schema)),
                     json_node_get_object (json_parser_get_root (schema)),
                     json_parser_get_root (manifest), "manifest");
}

static void
write_jpeg (const char *path)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 320, 240);
  g_autoptr(GError) error = NULL;

  gdk_pixbuf_fill (pixbuf, 0x3584e4ff);
  gdk_pixbuf_save (pixbuf, path, "jpeg", &error, NULL);
  g_assert_no_error (error);
}

static char *
sha256_of (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)contents, length);
}

/* Two published items, one with a photo, a correction round and a note. */
static gint64
fill (Fixture *f,
      gint64  *out_second)
{
  g_autofree char *photo_path = g_build_filename (f->dir, "foto-rapat.jpg", NULL);
  g_autofree char *sha = NULL;
  g_autoptr(WartaRevision) draft = archive_make_draft ("Rapat koordinasi pengawasan Dana Desa",
                                                       "Inspektorat menggelar rapat. Peserta dari 13 kabupaten.");
  g_autoptr(WartaRevision) second = archive_make_draft ("Apel pagi", "Apel bersama.");
  g_autoptr(WartaMediaItem) photo = warta_media_item_new ();
  g_autoptr(WartaPublication) p = NULL;
  g_autoptr(WartaPublication) q = NULL;
  g_autoptr(GError) error = NULL;

  write_jpeg (photo_path);
  sha = sha256_of (photo_path);
  warta_media_item_set_path (photo, photo_path);
  warta_media_item_set_sha256 (photo, sha);
  warta_media_item_set_kind (photo, "photo");
  warta_media_item_set_width (photo, 320);
  warta_media_item_set_height (photo, 240);
  warta_media_item_set_credit (photo, "Budi Santoso");
  warta_media_item_set_alt_text (photo, "Peserta rapat di aula");
  warta_media_item_set_identifiable_people (photo, TRUE);
  warta_media_item_set_consent (photo, "Persetujuan lisan peserta, dicatat 18 Juni 2025");
  warta_revision_add_media (draft, photo);
  warta_revision_set_caption (draft, "instagram", "Rapat koordinasi #InspektoratKalteng");

  p = archive_publish (f, draft, NULL);
  g_assert_true (warta_archive_repository_set_unit (f->db, warta_publication_get_id (p),
                                                    "Inspektur Pembantu Wilayah I", &error));
  g_assert_no_error (error);
  q = archive_publish (f, second, NULL);
  *out_second = warta_publication_get_id (q);

  return warta_publication_get_id (p);
}

static char *
run_pdftotext (const char *pdf)
{
  const char *tool = g_getenv ("WARTA_PDFTOTEXT");
  const char *argv[] = { tool, pdf, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  if (tool == NULL || *tool == '\0')
    return NULL;

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return out;
}

/* The text of @id's record sheet in @export_dir; NULL, said, without
 * pdftotext. */
static char *
read_record_sheet (const char *export_dir,
                   gint64      id)
{
  g_autofree char *name = g_strdup_printf ("record-%" G_GINT64_FORMAT ".pdf", id);
  g_autofree char *sheet = g_build_filename (export_dir, name, NULL);
  char *text = run_pdftotext (sheet);

  if (text == NULL)
    g_test_message ("pdftotext (poppler-utils) is not installed: the record sheet was not read back");
  return text;
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *export_dir = g_build_filename (f->dir, "ekspor", NULL);
  g_autofree char *other_dir = g_build_filename (f->dir, "baru", NULL);
  g_autofree char *problem = NULL;
  g_autoptr(GPtrArray) before = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  WartaDossierOptions options;
  gint64 ids[2];
  guint n = 0;

  ids[0] = fill (f, &ids[1]);
  warta_dossier_options_init (&options);
  options.agency = "Inspektorat Provinsi Kalimantan Tengah";

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(WartaDossier) dossier = warta_dossier_load (f->db, ids[i], &options, &error);

      g_assert_no_error (error);
      g_ptr_array_add (before, warta_dossier_to_string (dossier));
    }

  /* The dossier holds what the archive needs. */
  {
    g_autoptr(WartaDossier) dossier = warta_dossier_load (f->db, ids[0], &options, &error);
    JsonObject *json = warta_dossier_get_json (dossier);
    JsonObject *reg = json_object_get_object_member (json, "register");
    JsonArray *consents = json_object_get_array_member (json, "consents");

    g_assert_cmpstr (json_object_get_string_member (reg, "unit"), ==, "Inspektur Pembantu Wilayah I");
    g_assert_cmpstr (json_object_get_string_member (reg, "responsible"), ==, "Budi Santoso");
    g_assert_cmpstr (json_object_get_string_member (reg, "place"), ==, "Aula Inspektorat, Palangka Raya");
    g_assert_cmpint (json_object_get_int_member (reg, "retention_years"), ==, 5);
    g_assert_cmpstr (json_object_get_string_member (reg, "retention_until"), ==, "2030-06-18");
    g_assert_cmpuint (json_array_get_length (consents), ==, 1);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json, "approval_trail")), ==, 8);
    g_assert_nonnull (json_object_get_string_member (json, "published_at"));
  }

  g_assert_true (warta_export_write (f->db, ids, 2, export_dir, &options, &error));
  g_assert_no_error (error);

  /* The manifest against its schema; the media copy named by checksum. */
  problem = validate_manifest (export_dir);
  g_assert_null (problem);
  {
    g_autofree char *photo = g_build_filename (f->dir, "foto-rapat.jpg", NULL);
    g_autofree char *sha = sha256_of (photo);
    g_autofree char *name = g_strconcat (sha, ".jpg", NULL);
    g_autofree char *copy = g_build_filename (export_dir, "media", name, NULL);
    g_autofree char *copy_sha = sha256_of (copy);

    g_assert_cmpstr (copy_sha, ==, sha);
  }

  /* The record sheet, read back. */
  {
    g_autofree char *name = g_strdup_printf ("record-%" G_GINT64_FORMAT ".pdf", ids[0]);
    g_autofree char *sheet = g_build_filename (export_dir, name, NULL);
    g_autofree char *text = NULL;

    g_assert_true (g_file_test (sheet, G_FILE_TEST_IS_REGULAR));
    text = run_pdftotext (sheet);
    if (text == NULL)
      g_test_message ("pdftotext (poppler-utils) is not installed: the record sheet was not read back");
    else
      {
        g_assert_nonnull (strstr (text, "Inspektorat Provinsi Kalimantan Tengah"));
        g_assert_nonnull (strstr (text, "Record sheet: Rapat koordinasi pengawasan"));
        g_assert_nonnull (strstr (text, "Unit: Inspektur Pembantu Wilayah I"));
        /* The form by its name, not the stored value. */
        g_assert_nonnull (strstr (text, "Form: Electronic (soft copy)"));
        g_assert_null (strstr (text, "soft-copy"));
        g_assert_nonnull (strstr (text, "Approval trail"));
        g_assert_nonnull (strstr (text, "Rina Marlina"));
      }
  }

  /* In Indonesian, with no unit name set: nothing English in the sheet. */
  {
    g_autoptr(WartaDossier) dossier = NULL;
    g_autofree char *localedir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
    g_autofree char *sheet = g_build_filename (f->dir, "lembar.pdf", NULL);
    g_autofree char *text = NULL;
    WartaDossierOptions no_unit = options;

    no_unit.agency = NULL;
    /* gettext reads LANGUAGE in C.UTF-8 once the locale is set. */
    setlocale (LC_ALL, "");
    g_setenv ("LANGUAGE", "id", TRUE);
    bindtextdomain (GETTEXT_PACKAGE, localedir);
    bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
    textdomain (GETTEXT_PACKAGE);
    dossier = warta_dossier_load (f->db, ids[1], &no_unit, &error);
    g_assert_no_error (error);
    g_assert_true (warta_export_write_record_sheet (dossier, sheet, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
    g_unsetenv ("LANGUAGE");
    textdomain (GETTEXT_PACKAGE);

    text = run_pdftotext (sheet);
    if (text != NULL)
      {
        g_assert_true (g_str_has_prefix (g_strchug (text), "Badan publik"));
        g_assert_nonnull (strstr (text, "Bentuk: Elektronik (softcopy)"));
        g_assert_null (strstr (text, "Public body"));
        g_assert_null (strstr (text, "soft-copy"));
      }
    g_unlink (sheet);
  }

  /* Into an empty database: the same dossiers. */
  g_assert_cmpint (g_mkdir (other_dir, 0700), ==, 0);
  archive_fixture_close (f);
  archive_fixture_open (f, other_dir);
  g_assert_true (warta_export_import (f->db, export_dir, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(WartaDossier) dossier = warta_dossier_load (f->db, ids[i], &options, &error);
      g_autofree char *after = NULL;

      g_assert_no_error (error);
      after = warta_dossier_to_string (dossier);
      g_assert_cmpstr (after, ==, before->pdata[i]);
    }

  /* The imported texts are searchable, and a second import is refused. */
  {
    g_autoptr(WartaArchive) archive = warta_archive_new (f->db);
    g_autoptr(WartaArchiveQuery) query = warta_archive_query_new ();
    guint count = 0;

    query->text = g_strdup ("dana desa");
    g_assert_true (warta_archive_count (archive, query, &count, &error));
    g_assert_cmpuint (count, ==, 1);
  }
  g_assert_false (warta_export_import (f->db, export_dir, NULL, &error));
  g_assert_error (error, WARTA_DB_ERROR, WARTA_DB_ERROR_CONFLICT);
}

/* History after an import ------------------------------------------------ */

typedef void (*ManifestEdit) (JsonObject *manifest);

static JsonObject *
read_manifest (const char *folder)
{
  g_autofree char *path = g_build_filename (folder, "manifest.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_file (parser, path, &error));
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static JsonArray *
manifest_events (JsonObject *manifest)
{
  JsonObject *pub = json_array_get_object_element (json_object_get_array_member (manifest, "publications"), 0);

  return json_object_get_array_member (json_object_get_object_member (pub, "records"), "events");
}

/* The export's manifest, changed by @edit, alone in a folder of its own. */
static char *
tampered_copy (Fixture      *f,
               const char   *export_dir,
               const char   *name,
               ManifestEdit  edit)
{
  g_autoptr(JsonObject) manifest = read_manifest (export_dir);
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *dir = g_build_filename (f->dir, name, NULL);
  g_autofree char *path = g_build_filename (dir, "manifest.json", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  edit (manifest);
  json_node_set_object (root, manifest);
  text = json_to_string (root, TRUE);
  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&dir);
}

/* Imports @folder into a new, empty database (left open in @f) and checks
 * its history; returns the first broken event, or 0. */
static gint64
import_and_verify (Fixture    *f,
                   const char *folder,
                   const char *name)
{
  g_autofree char *dir = g_build_filename (f->dir, name, NULL);
  g_autoptr(GError) error = NULL;
  gint64 broken = -1;
  gboolean intact;

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  archive_fixture_close (f);
  archive_fixture_open (f, dir);
  g_assert_true (warta_export_import (f->db, folder, NULL, &error));
  g_assert_no_error (error);

  intact = warta_store_verify_history (f->db, &broken, &error);
  if (intact)
    {
      g_assert_no_error (error);
      g_assert_cmpint (broken, ==, 0);
    }
  else
    {
      g_assert_error (error, WARTA_DB_ERROR, WARTA_DB_ERROR_TAMPERED);
      g_assert_cmpint (broken, >, 0);
    }

  return broken;
}

static void
edit_note (JsonObject *manifest)
{
  json_object_set_string_member (json_array_get_object_element (manifest_events (manifest), 1),
                                 "note", "Disetujui tanpa catatan");
}

static void
remove_event (JsonObject *manifest)
{
  json_array_remove_element (manifest_events (manifest), 2);
}

static void
edit_anchor (JsonObject *manifest)
{
  JsonArray *anchors = json_object_get_array_member (json_object_get_object_member (manifest, "history"),
                                                     "anchors");

  json_object_set_string_member (json_array_get_object_element (anchors, 0), "prev_hash",
                                 "0000000000000000000000000000000000000000000000000000000000000001");
}

static void
drop_history (JsonObject *manifest)
{
  json_object_remove_member (manifest, "history");
}

/* An export that starts after the first event, with another publication's
 * events between two of its own: imported, its history verifies as intact
 * and goes on growing; an edited or removed event, or a forged anchor,
 * still breaks it where it was changed. */
static void
test_history_after_import (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *export_dir = g_build_filename (f->dir, "ekspor", NULL);
  g_autofree char *edited = NULL, *removed = NULL, *forged = NULL, *older = NULL;
  g_autoptr(JsonObject) manifest = NULL;
  g_autoptr(GError) error = NULL;
  WartaDossierOptions options;
  JsonArray *events, *anchors;
  gint64 first_event, second_run_event, fourth_event;
  gint64 ids[2];

  ids[0] = fill (f, &ids[1]);
  /* The first publication's disposition comes after the second's events. */
  g_assert_true (warta_archive_repository_record_disposition (f->db, ids[0], warta_user_get_id (f->admin),
                                                              T0 + MINUTES (600), "keep", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (warta_store_verify_history (f->db, NULL, &error));

  warta_dossier_options_init (&options);
  g_assert_true (warta_export_write (f->db, ids, 1, export_dir, &options, &error));
  g_assert_no_error (error);

  /* The manifest anchors the first exported event, which is not the
   * database's first (the people were added before), and the one after
   * the gap. */
  manifest = read_manifest (export_dir);
  events = manifest_events (manifest);
  g_assert_cmpuint (json_array_get_length (events), >, 4);
  first_event = json_object_get_int_member (json_array_get_object_element (events, 0), "id");
  fourth_event = json_object_get_int_member (json_array_get_object_element (events, 3), "id");
  second_run_event = json_object_get_int_member (json_array_get_object_element (events,
                                                 json_array_get_length (events) - 1), "id");
  g_assert_cmpint (first_event, >, 1);
  anchors = json_object_get_array_member (json_object_get_object_member (manifest, "history"), "anchors");
  g_assert_cmpuint (json_array_get_length (anchors), ==, 2);
  {
    JsonObject *anchor = json_array_get_object_element (anchors, 0);
    g_autofree char *before = warta_event_log_get_hash_before (f->db, first_event, &error);

    g_assert_cmpint (json_object_get_int_member (anchor, "event_id"), ==, first_event);
    g_assert_cmpstr (json_object_get_string_member (anchor, "prev_hash"), ==, before);
    g_assert_cmpstr (before, !=, WARTA_EVENT_GENESIS_HASH);
    g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (anchors, 1), "event_id"),
                     ==, second_run_event);
  }
  {
    /* The manifest still follows its schema. */
    g_autofree char *problem = validate_manifest (export_dir);

    g_assert_null (problem);
  }

  edited = tampered_copy (f, export_dir, "diubah", edit_note);
  removed = tampered_copy (f, export_dir, "dihapus", remove_event);
  forged = tampered_copy (f, export_dir, "dipalsukan", edit_anchor);
  older = tampered_copy (f, export_dir, "lama", drop_history);

  /* Intact, and the new database's own events chain on from it. */
  g_assert_cmpint (import_and_verify (f, export_dir, "baru"), ==, 0);
  g_assert_true (warta_archive_repository_record_disposition (f->db, ids[0], warta_user_get_id (f->admin),
                                                              T0 + MINUTES (900),
                                                              "reappraise", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (warta_store_verify_history (f->db, NULL, &error));
  g_assert_no_error (error);

  /* Tampered: where it was changed. */
  g_assert_cmpint (import_and_verify (f, edited, "baru-diubah"), ==,
                   json_object_get_int_member (json_array_get_object_element (events, 1), "id"));
  g_assert_cmpint (import_and_verify (f, removed, "baru-dihapus"), ==, fourth_event);
  g_assert_cmpint (import_and_verify (f, forged, "baru-dipalsukan"), ==, first_event);

  /* Without anchors (an export of an older Warta): the break the anchors
   * are for, at the first imported event. */
  g_assert_cmpint (import_and_verify (f, older, "baru-lama"), ==, first_event);
}

static void
break_second_events (JsonObject *manifest)
{
  JsonArray *publications = json_object_get_array_member (manifest, "publications");
  JsonObject *pub = json_array_get_object_element (publications, 1);

  json_object_set_null_member (json_object_get_object_member (pub, "records"), "events");
}

static void
import_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
assert_empty (WartaDatabase *db)
{
  g_autoptr(GError) error = NULL;
  gboolean empty = FALSE;

  g_assert_true (warta_archive_repository_is_empty (db, &empty, &error));
  g_assert_no_error (error);
  g_assert_true (empty);
}

/* An import is one transaction: an export whose second publication is
 * damaged leaves nothing of the first, and a cancelled import nothing at
 * all; the database then takes the export whole. */
static void
test_import_all_or_nothing (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *export_dir = g_build_filename (f->dir, "ekspor", NULL);
  g_autofree char *other_dir = g_build_filename (f->dir, "baru", NULL);
  g_autofree char *damaged = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  WartaDossierOptions options;
  gint64 ids[2];
  guint n = 0;

  ids[0] = fill (f, &ids[1]);
  warta_dossier_options_init (&options);
  g_assert_true (warta_export_write (f->db, ids, 2, export_dir, &options, &error));
  g_assert_no_error (error);
  damaged = tampered_copy (f, export_dir, "rusak", break_second_events);

  g_assert_cmpint (g_mkdir (other_dir, 0700), ==, 0);
  archive_fixture_close (f);
  archive_fixture_open (f, other_dir);
  g_assert_false (warta_export_import (f->db, damaged, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  assert_empty (f->db);

  g_cancellable_cancel (cancellable);
  warta_export_import_async (f->db, export_dir, cancellable, import_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (warta_export_import_finish (f->db, result, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_clear_object (&result);
  assert_empty (f->db);

  warta_export_import_async (f->db, export_dir, NULL, import_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (warta_export_import_finish (f->db, result, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  g_assert_true (warta_store_verify_history (f->db, NULL, &error));
  g_assert_no_error (error);
}

/* Zip ------------------------------------------------------------------------ */

/* Every entry of a zip: name → SHA-256 of its content; manifest.json is
 * also written out to @manifest_dir. */
static GHashTable *
read_zip (const char *path,
          const char *manifest_dir)
{
  GHashTable *entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  struct archive *zip = archive_read_new ();
  struct archive_entry *entry;

  archive_read_support_format_zip (zip);
  g_assert_cmpint (archive_read_open_filename (zip, path, 65536), ==, ARCHIVE_OK);
  while (archive_read_next_header (zip, &entry) == ARCHIVE_OK)
    {
      g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
      g_autoptr(GByteArray) bytes = g_byte_array_new ();
      const char *name = archive_entry_pathname (entry);
      char block[8192];
      la_ssize_t n;

      while ((n = archive_read_data (zip, block, sizeof block)) > 0)
        {
          g_checksum_update (sum, (const guchar *)block, n);
          if (g_str_equal (name, "manifest.json"))
            g_byte_array_append (bytes, (const guint8 *)block, (guint)n);
        }
      g_assert_cmpint (n, ==, 0);
      g_assert_false (g_hash_table_contains (entries, name));
      g_hash_table_insert (entries, g_strdup (name), g_strdup (g_checksum_get_string (sum)));
      if (g_str_equal (name, "manifest.json"))
        {
          g_autofree char *out = g_build_filename (manifest_dir, "manifest.json", NULL);
          g_autoptr(GError) error = NULL;

          g_assert_cmpint (g_mkdir_with_parents (manifest_dir, 0700), ==, 0);
          g_assert_true (g_file_set_contents (out, (const char *)bytes->data, bytes->len, &error));
          g_assert_no_error (error);
        }
    }
  archive_read_free (zip);

  return entries;
}

/* The same files in a zip as in a folder, streamed; imported from the zip
 * into an empty database, the same dossiers and an intact history. */
static void
test_zip_round_trip (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (f->dir, "ekspor", NULL);
  g_autofree char *zip_path = g_build_filename (f->dir, "ekspor.zip", NULL);
  g_autofree char *zip_manifest = g_build_filename (f->dir, "isi-zip", NULL);
  g_autofree char *other_dir = g_build_filename (f->dir, "baru", NULL);
  g_autoptr(GPtrArray) before = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) entries = NULL;
  g_autoptr(JsonObject) folder_manifest = NULL;
  g_autoptr(JsonObject) zipped_manifest = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *files, *zipped_files;
  WartaDossierOptions options;
  gint64 ids[2];
  guint n = 0, n_media = 0;

  ids[0] = fill (f, &ids[1]);
  warta_dossier_options_init (&options);
  options.agency = "Inspektorat Provinsi Kalimantan Tengah";
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(WartaDossier) dossier = warta_dossier_load (f->db, ids[i], &options, &error);

      g_assert_no_error (error);
      g_ptr_array_add (before, warta_dossier_to_string (dossier));
    }

  g_assert_true (warta_export_write (f->db, ids, 2, folder, &options, &error));
  g_assert_no_error (error);
  g_assert_true (warta_export_write_zip (f->db, ids, 2, zip_path, &options, &error));
  g_assert_no_error (error);

  /* Nothing staged is left beside the zip. */
  {
    g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_assert_false (g_str_has_prefix (name, ".ekspor.zip"));
        g_assert_false (g_str_has_suffix (name, ".part"));
      }
  }

  /* The folder's files, each in the zip; the media byte for byte. */
  entries = read_zip (zip_path, zip_manifest);
  folder_manifest = read_manifest (folder);
  zipped_manifest = read_manifest (zip_manifest);
  files = json_object_get_array_member (folder_manifest, "files");
  zipped_files = json_object_get_array_member (zipped_manifest, "files");
  g_assert_cmpuint (json_array_get_length (zipped_files), ==, json_array_get_length (files));
  g_assert_cmpuint (g_hash_table_size (entries), ==, json_array_get_length (files) + 1);
  g_assert_true (g_hash_table_contains (entries, "manifest.json"));
  for (guint i = 0; i < json_array_get_length (files); i++)
    {
      JsonObject *file = json_array_get_object_element (files, i);
      JsonObject *zipped = json_array_get_object_element (zipped_files, i);
      const char *relative = json_object_get_string_member (file, "path");

      g_assert_cmpstr (json_object_get_string_member (zipped, "path"), ==, relative);
      g_assert_true (g_hash_table_contains (entries, relative));
      /* The zip's manifest lists the checksum of what is in the zip. */
      g_assert_cmpstr (g_hash_table_lookup (entries, relative), ==,
                       json_object_get_string_member (zipped, "sha256"));
      if (g_str_equal (json_object_get_string_member (file, "kind"), "media"))
        {
          g_autofree char *copy = g_build_filename (folder, relative, NULL);
          g_autofree char *sha = sha256_of (copy);

          g_assert_cmpstr (g_hash_table_lookup (entries, relative), ==, sha);
          g_assert_true (json_object_get_boolean_member (zipped, "matches_record"));
          n_media++;
        }
    }
  g_assert_cmpuint (n_media, ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (zipped_manifest, "publications")), ==, 2);
  {
    g_autofree char *problem = validate_manifest (zip_manifest);

    g_assert_null (problem);
  }

  /* Back from the zip into an empty database. */
  g_assert_cmpint (g_mkdir (other_dir, 0700), ==, 0);
  archive_fixture_close (f);
  archive_fixture_open (f, other_dir);
  g_assert_true (warta_export_import (f->db, zip_path, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(WartaDossier) dossier = warta_dossier_load (f->db, ids[i], &options, &error);
      g_autofree char *after = NULL;

      g_assert_no_error (error);
      after = warta_dossier_to_string (dossier);
      g_assert_cmpstr (after, ==, before->pdata[i]);
    }
  g_assert_true (warta_store_verify_history (f->db, NULL, &error));
  g_assert_no_error (error);

  /* Not a zip, not an export. */
  {
    g_autofree char *bogus = g_build_filename (f->dir, "bukan.zip", NULL);

    g_assert_true (g_file_set_contents (bogus, "bukan zip", -1, NULL));
    g_assert_false (warta_export_import (f->db, bogus, NULL, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  }
}

/* The dossier shows what changed from one revision to the next. */
static void
test_dossier_diff (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(WartaRevision) draft = archive_make_draft ("Rapat koordinasi", "Membahas dana desa.");
  g_autoptr(WartaPublication) p = NULL;
  g_autoptr(WartaPublication) q = NULL;
  g_autoptr(WartaPublication) r = NULL;
  g_autoptr(WartaRevision) current = NULL;
  g_autoptr(WartaRevision) next = NULL;
  g_autoptr(WartaRevision) third = NULL;
  g_autoptr(WartaDossier) dossier = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  WartaDossierOptions options;
  const char *section;

  p = warta_publication_repository_create (f->repo, f->officer, draft, &error);
  g_assert_no_error (error);

  current = warta_publication_repository_get_revision (f->repo, warta_publication_get_current_revision_id (p),
                                                       &error);
  g_assert_no_error (error);
  next = warta_revision_new_draft (current);
  warta_revision_set_narrative (next, "Membahas pendapatan asli daerah.");
  warta_revision_set_caption (next, "facebook", "Rapat koordinasi hari ini");
  q = warta_publication_repository_save_revision (f->repo, f->officer, warta_publication_get_id (p),
                                                  warta_publication_get_version (p), next, &error);
  g_assert_no_error (error);
  third = warta_revision_new_draft (next);
  warta_revision_set_title (third, "Rapat koordinasi pengawasan");
  r = warta_publication_repository_save_revision (f->repo, f->officer, warta_publication_get_id (q),
                                                  warta_publication_get_version (q), third, &error);
  g_assert_no_error (error);

  warta_dossier_options_init (&options);
  dossier = warta_dossier_load (f->db, warta_publication_get_id (p), &options, &error);
  g_assert_no_error (error);
  text = warta_dossier_to_text (dossier, NULL);

  /* LC_ALL=C.UTF-8: the English headings. */
  section = strstr (text, "Changes between revisions\n");
  g_assert_nonnull (section);
  g_assert_nonnull (strstr (section, "Revision 1 to 2\n"));
  g_assert_nonnull (strstr (section, "  Narrative: Membahas [-dana desa-]{+pendapatan asli daerah+}.\n"));
  /* Fields under the names the editor gives them, not their keys. */
  g_assert_nonnull (strstr (section, "  Facebook post: Rapat koordinasi{+ hari ini+}\n"));
  g_assert_nonnull (strstr (section, "Revision 2 to 3\n  Title: Rapat koordinasi{+ pengawasan+}\n"));
  /* Revision 2 to 3 changed the title only. */
  g_assert_null (strstr (strstr (section, "Revision 2 to 3"), "Narrative:"));
}

/* Every string after @text (NULL-terminated) is in @text. */
static void
assert_has_all (const char *text,
                ...)
{
  va_list args;
  const char *expected;

  va_start (args, text);
  while ((expected = va_arg (args, const char *)) != NULL)
    if (strstr (text, expected) == NULL)
      g_error ("“%s” not found in:\n%s", expected, text);
  va_end (args);
}

/* A publication on the website, published there by hand, and on Facebook
 * by Warta: the dossier, on screen and in the export, says per platform
 * how, where, when (the time the admin entered, not when the hand record
 * was made), by whom, with the proof; every final text under its name;
 * times in the office's zone; the history in words. */
static void
test_dossier_targets (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(WartaRevision) draft = archive_make_draft ("Rapat koordinasi", "Membahas dana desa.");
  g_autofree char *export_dir = g_build_filename (f->dir, "ekspor", NULL);
  g_autofree char *proof_sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "bukti unggah manual",
                                                             -1);
  g_autofree char *proof_copy = NULL;
  g_autofree char *text = NULL;
  g_autofree char *problem = NULL;
  g_autoptr(WartaCorrectionNote) note = NULL;
  g_autoptr(WartaPublication) p = NULL;
  g_autoptr(WartaPublication) published = NULL;
  g_autoptr(WartaDossier) dossier = NULL;
  g_autoptr(GListModel) jobs = NULL;
  g_autoptr(WartaOutboxJob) website = NULL;
  g_autoptr(WartaOutboxJob) facebook = NULL;
  g_autoptr(GTimeZone) wib = g_time_zone_new_identifier ("Asia/Jakarta");
  g_autoptr(GError) error = NULL;
  const char *platforms[] = { "wordpress", "facebook", NULL };
  const char *section;
  WartaDossierOptions options;
  JsonArray *targets;
  JsonObject *hand = NULL;
  gint64 id;

  warta_revision_set_article_title (draft, "Inspektorat gelar rapat koordinasi");
  warta_revision_set_article_body (draft, "Inspektorat Provinsi menggelar rapat koordinasi.");
  warta_revision_set_caption (draft, "shared", "Rapat koordinasi hari ini.");
  warta_revision_set_caption (draft, "tiktok-video", "Rapat koordinasi #inspektorat");
  p = archive_approve (f, draft, NULL);                      /* approved at 07:20 WIB */
  id = warta_publication_get_id (p);

  warta_clock_advance (f->clock, MINUTES (10));
  jobs = archive_start_publishing (f, p, platforms);         /* 07:30 */
  website = g_list_model_get_item (jobs, 0);
  facebook = g_list_model_get_item (jobs, 1);
  g_assert_cmpstr (warta_outbox_job_get_platform (website), ==, "wordpress");
  warta_clock_advance (f->clock, MINUTES (5));
  archive_finish_target (f, facebook, 0);                    /* 07:35 */
  /* Put on the website by hand at 10:14, recorded at 11:00. */
  warta_clock_advance (f->clock, MINUTES (205));
  archive_finish_target (f, website, T0 + MINUTES (194));
  published = warta_publication_repository_get (f->repo, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (warta_publication_get_state (published), ==, WARTA_STATE_PUBLISHED);

  warta_dossier_options_init (&options);
  dossier = warta_dossier_load (f->db, id, &options, &error);
  g_assert_no_error (error);

  /* The machine-readable record: ISO 8601, each target's result. */
  g_assert_cmpstr (json_object_get_string_member (warta_dossier_get_json (dossier), "published_at"), ==,
                   "2025-06-18T03:14:00Z");
  targets = json_object_get_array_member (warta_dossier_get_json (dossier), "targets");
  g_assert_cmpuint (json_array_get_length (targets), ==, 2);
  for (guint i = 0; i < 2; i++)
    if (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (targets, i), "method"),
                   "by-hand") == 0)
      hand = json_array_get_object_element (targets, i);
  g_assert_nonnull (hand);
  g_assert_cmpstr (json_object_get_string_member (hand, "platform"), ==, "wordpress");
  g_assert_cmpstr (json_object_get_string_member (hand, "published_at"), ==, "2025-06-18T03:14:00Z");
  g_assert_cmpstr (json_object_get_string_member (hand, "recorded_at"), ==, "2025-06-18T04:00:00Z");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (hand, "screenshot"),
                                                  "sha256"), ==, proof_sha);

  text = warta_dossier_to_text (dossier, wib);

  /* Published when the last post went out, in WIB. */
  g_assert_nonnull (strstr (text, "Published: 18 Jun 2025, 10:14 WIB\n"));
  g_assert_null (strstr (text, ":00Z"));
  /* The activity's time, stored ISO 8601, as the app writes times. */
  g_assert_nonnull (strstr (text, "\nTime: 18 Jun 2025, 09:00 WIB\n"));
  g_assert_nonnull (strstr (text, "\nWhen (Kapan): 18 Jun 2025, 09:00 WIB\n"));
  /* The end of the retention as a day, not "2030-06-18". */
  g_assert_nonnull (strstr (text, "\nRetained until: 18 Jun 2030\n"));
  g_assert_null (strstr (text, "T09:00:00"));

  /* Every final text, under its name. */
  section = strstr (text, "\nFinal texts\n");
  g_assert_nonnull (section);
  assert_has_all (section,
                  "Website Article Title: Inspektorat gelar rapat koordinasi\n",
                  "Website Article: Inspektorat Provinsi menggelar rapat koordinasi.\n",
                  "Shared Text: Rapat koordinasi hari ini.\n",
                  "TikTok caption: Rapat koordinasi #inspektorat\n",
                  "Facebook post: Rapat koordinasi\n", NULL);
  g_assert_null (strstr (text, "article-body"));
  g_assert_null (strstr (text, "tiktok-video"));

  /* Each platform: how, where, when, who, the proof. */
  section = strstr (text, "\nPublication evidence\n");
  g_assert_nonnull (section);
  section = strstr (section, "Website (WordPress) (Humas wordpress)\n");
  g_assert_nonnull (section);
  g_assert_true (g_str_has_prefix (strchr (section, '\n') + 1,
                                   "How published: Published by hand, recorded in Warta\n"
                                   "Post address: https://example.org/post/"));
  g_assert_nonnull (strstr (section, "Published: 18 Jun 2025, 10:14 WIB\n"
                                     "Recorded by: Sari Dewi\n"
                                     "Recorded at: 18 Jun 2025, 11:00 WIB\n"));
  {
    g_autofree char *proof = g_strdup_printf ("Proof screenshot: warta-files/proofs/bukti.png in the "
                                              "database’s folder (SHA-256 %s)\n", proof_sha);

    g_assert_nonnull (strstr (section, proof));
  }
  section = strstr (text, "Facebook (Humas facebook)\n");
  g_assert_nonnull (section);
  assert_has_all (section, "How published: Published by Warta\nPost address: https://example.org/post/",
                  "Published: 18 Jun 2025, 07:35 WIB\nRecorded by: Sari Dewi\n", NULL);

  /* The history in words. */
  section = strstr (text, "\nApproval trail\n");
  g_assert_nonnull (section);
  assert_has_all (section,
                  "18 Jun 2025, 07:00 WIB  Budi Santoso  Created\n",
                  "Budi Santoso  Submitted (Documenting → Processing)\n",
                  "Ahmad Yani  Checklist saved  Source verified: ticked; ",
                  "Sari Dewi  Publishing started (Approved → Publishing)\n",
                  "Publishing finished (Publishing → Published)\n", NULL);
  for (guint i = 0; i < 4; i++)
    {
      static const char * const raw[] = { "documenting", "start_publishing", "=yes", "checklist" };

      g_assert_null (strstr (section, raw[i]));
    }

  /* A correction note's status in words. */
  {
    g_autoptr(WartaRevision) other_draft = archive_make_draft ("Sosialisasi", "Sosialisasi SPIP.");
    g_autoptr(WartaDossier) other = NULL;
    g_autofree char *other_text = NULL;
    WartaPublication *q = warta_publication_repository_create (f->repo, f->officer, other_draft, &error);

    g_assert_no_error (error);
    q = archive_move (f, f->officer, q, WARTA_ACTION_SUBMIT, WARTA_STATE_PROCESSING, 5);
    note = warta_publication_repository_add_note (f->repo, f->admin, warta_publication_get_id (q), "title",
                                                  NULL, "Judul terlalu umum.", &error);
    g_assert_no_error (error);
    other = warta_dossier_load (f->db, warta_publication_get_id (q), &options, &error);
    g_assert_no_error (error);
    other_text = warta_dossier_to_text (other, wib);
    g_assert_nonnull (strstr (other_text, "Judul terlalu umum. (Open)\n"));
    g_assert_null (strstr (other_text, "(open)"));
    g_object_unref (q);
  }

  /* The export carries the proof, and the record sheet says it. */
  options.time_zone = "Asia/Jakarta";
  g_assert_true (warta_export_write (f->db, &id, 1, export_dir, &options, &error));
  g_assert_no_error (error);
  problem = validate_manifest (export_dir);
  g_assert_null (problem);
  proof_copy = g_strdup_printf ("%s/proofs/%s.png", export_dir, proof_sha);
  g_assert_true (g_file_test (proof_copy, G_FILE_TEST_IS_REGULAR));
  {
    g_autofree char *sheet_text = read_record_sheet (export_dir, id);

    if (sheet_text != NULL)
      assert_has_all (sheet_text, "Published by hand, recorded in Warta",
                      "Published: 18 Jun 2025, 10:14 WIB", "warta-files/proofs/bukti.png",
                      "Website Article Title", NULL);
  }
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(char * const *)a, *(char * const *)b);
}

/* The results of the targets that went out, by platform, as the dossier
 * reads them: "platform method url remote_id published_at recorded_by
 * recorded_at screenshot-sha256 account" per target, sorted. */
static char *
target_results (Fixture *f,
                gint64   id)
{
  g_autoptr(WartaDossier) dossier = NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  WartaDossierOptions options;
  JsonArray *targets;

  warta_dossier_options_init (&options);
  dossier = warta_dossier_load (f->db, id, &options, &error);
  g_assert_no_error (error);
  targets = json_object_get_array_member (warta_dossier_get_json (dossier), "targets");
  for (guint i = 0; i < json_array_get_length (targets); i++)
    {
      JsonObject *t = json_array_get_object_element (targets, i);
      JsonObject *shot = json_object_has_member (t, "screenshot")
                         ? json_object_get_object_member (t, "screenshot") : NULL;
      static const char * const members[] = { "platform", "account", "state", "method", "url",
                                              "remote_id", "published_at", "recorded_by",
                                              "recorded_at" };
      GString *line = g_string_new (NULL);

      if (json_object_get_string_member_with_default (t, "method", NULL) == NULL)
        {
          g_string_free (line, TRUE);
          continue;
        }
      for (guint k = 0; k < G_N_ELEMENTS (members); k++)
        g_string_append_printf (line, "%s ",
                                json_object_get_string_member_with_default (t, members[k], "-"));
      g_string_append (line, shot != NULL ? json_object_get_string_member (shot, "sha256") : "-");
      g_ptr_array_add (lines, g_string_free (line, FALSE));
    }
  g_ptr_array_sort (lines, compare_strings);
  g_ptr_array_add (lines, NULL);

  return g_strjoinv ("\n", (char **)lines->pdata);
}

/* The decisions on how @id's targets went out, as its history keeps
 * them: "kind actor role account" per event, oldest first. */
static char *
by_hand_events (Fixture *f,
                gint64   id)
{
  g_autoptr(GListModel) events = NULL;
  g_autoptr(GError) error = NULL;
  GString *lines = g_string_new (NULL);

  events = warta_event_log_list (f->db, id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(WartaEvent) event = g_list_model_get_item (events, i);

      if (g_str_has_prefix (warta_event_get_kind (event), "by-hand-"))
        g_string_append_printf (lines, "%s %s %s %s\n", warta_event_get_kind (event),
                                warta_event_get_actor_name (event), warta_event_get_role (event),
                                warta_event_get_note (event));
    }
  return g_string_free (lines, FALSE);
}

/* Export, then import into a new database (from the folder, then from a
 * zip into one that has a Facebook account of the same name): the
 * targets that went out come back with their results, on a matching
 * account or a new removed one, with the proof's screenshot copied beside
 * the database; the archive's row names their platforms and the platform
 * filter finds it. The failed target stays in the manifest only. Who
 * switched a target to upload by hand, or gave it back to Warta, comes
 * back in the history, whose chain still holds. */
static void
test_targets_round_trip (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(WartaRevision) draft = archive_make_draft ("Rapat koordinasi", "Membahas dana desa.");
  g_autofree char *export_dir = g_build_filename (f->dir, "ekspor", NULL);
  g_autofree char *zip_path = g_build_filename (f->dir, "ekspor.zip", NULL);
  g_autofree char *proof_sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "bukti unggah manual",
                                                             -1);
  g_autofree char *before = NULL;
  g_autofree char *decisions = NULL;
  g_autofree char *problem = NULL;
  g_autoptr(WartaPublication) p = NULL;
  g_autoptr(GListModel) jobs = NULL;
  g_autoptr(GError) error = NULL;
  const char *platforms[] = { "facebook", "wordpress", "x", NULL };
  WartaDossierOptions options;
  gint64 id;

  p = archive_approve (f, draft, NULL);
  id = warta_publication_get_id (p);
  jobs = archive_start_publishing (f, p, platforms);
  /* The website uploaded by hand; X switched too, then given back. */
  for (guint i = 1; i < 3; i++)
    {
      g_autoptr(WartaOutboxJob) job = g_list_model_get_item (jobs, i);

      g_assert_true (warta_outbox_repository_start_by_hand (f->outbox, f->admin,
                                                            warta_outbox_job_get_id (job), &error));
      g_assert_no_error (error);
    }
  {
    g_autoptr(WartaOutboxJob) x = g_list_model_get_item (jobs, 2);

    warta_clock_advance (f->clock, MINUTES (1));
    g_assert_true (warta_outbox_repository_send_instead (f->outbox, f->admin,
                                                         warta_outbox_job_get_id (x), &error));
    g_assert_no_error (error);
  }
  decisions = by_hand_events (f, id);
  g_assert_cmpstr (decisions, ==,
                   "by-hand-started Sari Dewi social-media-admin Humas wordpress\n"
                   "by-hand-started Sari Dewi social-media-admin Humas x\n"
                   "by-hand-given-back Sari Dewi social-media-admin Humas x\n");
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(WartaOutboxJob) job = g_list_model_get_item (jobs, i);

      warta_clock_advance (f->clock, MINUTES (5));
      if (i == 2)
        archive_fail_target (f, job);
      else
        archive_finish_target (f, job, i == 1 ? warta_clock_now (f->clock) - MINUTES (3) : 0);
    }
  /* The Facebook post corrected later, by hand on Facebook. */
  {
    g_autoptr(WartaOutboxJob) facebook = g_list_model_get_item (jobs, 0);

    warta_clock_advance (f->clock, MINUTES (5));
    g_assert_true (warta_outbox_repository_record_correction (f->outbox, f->admin,
                                                              warta_outbox_job_get_id (facebook),
                                                              FALSE, "Nama pejabat salah tulis",
                                                              NULL, "Membahas dana desa.", NULL,
                                                              "Membahas dana desa 2026.",
                                                              &error));
    g_assert_no_error (error);
  }
  before = target_results (f, id);
  g_assert_nonnull (strstr (before, "facebook Humas facebook done warta https://"));
  g_assert_nonnull (strstr (before, "wordpress Humas wordpress manual by-hand https://"));
  g_assert_null (strstr (before, "\nx "));

  warta_dossier_options_init (&options);
  g_assert_true (warta_export_write (f->db, &id, 1, export_dir, &options, &error));
  g_assert_no_error (error);
  problem = validate_manifest (export_dir);
  g_assert_null (problem);
  g_assert_true (warta_export_write_zip (f->db, &id, 1, zip_path, &options, &error));
  g_assert_no_error (error);
  {
    g_autofree char *sheet_text = read_record_sheet (export_dir, id);

    if (sheet_text != NULL)
      assert_has_all (sheet_text, "Sari Dewi Switched to upload by hand Humas wordpress",
                      "Sari Dewi Given back to Warta to send Humas x", NULL);
  }

  for (guint round = 0; round < 2; round++)
    {
      g_autofree char *name = g_strdup_printf ("baru-%u", round);
      g_autofree char *other_dir = g_build_filename (f->dir, name, NULL);
      g_autofree char *proof_name = g_strconcat (proof_sha, ".png", NULL);
      g_autofree char *proof = g_build_filename (other_dir, "warta-files", "proofs", proof_name,
                                                 NULL);
      g_autofree char *proof_content = NULL;
      g_autofree char *after = NULL;
      g_autoptr(WartaAccount) own = NULL;
      g_autoptr(GListModel) accounts = NULL;
      g_autoptr(GPtrArray) rows = NULL;
      g_autoptr(WartaArchive) archive = NULL;
      g_autoptr(WartaArchiveQuery) query = warta_archive_query_new ();
      WartaArchiveFilter filter = { 0 };
      guint count = 0;

      g_assert_cmpint (g_mkdir (other_dir, 0700), ==, 0);
      archive_fixture_close (f);
      archive_fixture_open (f, other_dir);
      if (round == 1)
        {
          /* This database's own Facebook account, of the same name,
           * added by its own administrator. */
          g_autoptr(WartaUser) own_admin = NULL;

          own_admin = warta_user_repository_create_first_admin (f->users, "kepala", "Kepala Dinas",
                                                                "rahasia-123", WARTA_ROLE_NONE,
                                                                &error);
          g_assert_no_error (error);
          own = warta_account_new ();
          warta_account_set_platform (own, "facebook");
          warta_account_set_display_name (own, "Humas facebook");
          warta_account_set_settings (own, "{}");
          warta_account_set_keyring_id (own, "account-own");
          g_assert_true (warta_account_repository_add (f->accounts, own_admin, own, &error));
          g_assert_no_error (error);
        }
      g_assert_true (warta_export_import (f->db, round == 0 ? export_dir : zip_path, NULL, &error));
      g_assert_no_error (error);

      /* The same results, the proof beside the database. */
      after = target_results (f, id);
      g_assert_cmpstr (after, ==, before);

      /* The same decisions, in a history that still holds. */
      {
        g_autofree char *imported = by_hand_events (f, id);

        g_assert_cmpstr (imported, ==, decisions);
        g_assert_true (warta_store_verify_history (f->db, NULL, &error));
        g_assert_no_error (error);
      }
      g_assert_true (g_file_get_contents (proof, &proof_content, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (proof_content, ==, "bukti unggah manual");
      {
        g_autoptr(WartaOutboxJob) hand = NULL;
        g_autoptr(GListModel) imported = NULL;
        g_autofree char *url = NULL;
        g_autofree char *path = NULL;
        g_autofree char *sha = NULL;
        g_autofree char *stored = g_strconcat ("warta-files/proofs/", proof_name, NULL);
        gint64 at = 0;

        imported = warta_outbox_repository_list_for_publication (f->outbox, id, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (g_list_model_get_n_items (imported), ==, 2);
        for (guint i = 0; i < 2; i++)
          {
            g_autoptr(WartaOutboxJob) job = g_list_model_get_item (imported, i);

            if (warta_outbox_job_get_state (job) == WARTA_OUTBOX_STATE_MANUAL)
              hand = g_object_ref (job);
            else if (own != NULL)
              g_assert_cmpint (warta_outbox_job_get_account_id (job), ==,
                               warta_account_get_id (own));
          }
        g_assert_nonnull (hand);
        g_assert_true (warta_outbox_repository_get_manual_proof (f->outbox,
                                                                 warta_outbox_job_get_id (hand),
                                                                 &url, &at, &path, &sha, &error));
        g_assert_no_error (error);
        g_assert_cmpstr (path, ==, stored);
        g_assert_cmpstr (sha, ==, proof_sha);
      }

      /* The correction came with it: the post's text now, and the
       * dossier's before and after. */
      {
        g_autoptr(GListModel) imported = warta_outbox_repository_list_for_publication (f->outbox, id,
                                                                                      NULL);
        g_autofree char *dossier = NULL;
        gboolean found = FALSE;

        for (guint i = 0; i < g_list_model_get_n_items (imported); i++)
          {
            g_autoptr(WartaOutboxJob) job = g_list_model_get_item (imported, i);
            g_autofree char *title = NULL;
            g_autofree char *text = NULL;

            if (g_strcmp0 (warta_outbox_job_get_platform (job), "facebook") != 0)
              continue;
            g_assert_cmpint (warta_outbox_repository_get_corrected_text (f->outbox,
                                                                         warta_outbox_job_get_id (job),
                                                                         &title, &text, &error),
                             ==, 1);
            g_assert_no_error (error);
            g_assert_cmpstr (text, ==, "Membahas dana desa 2026.");
            found = TRUE;
          }
        g_assert_true (found);
        {
          g_autoptr(WartaDossier) loaded = warta_dossier_load (f->db, id, &options, &error);

          g_assert_no_error (error);
          dossier = warta_dossier_to_string (loaded);
        }
        g_assert_nonnull (strstr (dossier, "Nama pejabat salah tulis"));
        g_assert_nonnull (strstr (dossier, "Membahas dana desa 2026."));
      }

      /* Removed accounts keep the record; nothing can be sent with them. */
      accounts = warta_account_repository_list (f->accounts, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (accounts), ==, round == 0 ? 0 : 1);

      /* The row and the filter agree. */
      rows = warta_archive_repository_search (f->db, &filter, 0, 10, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (rows->len, ==, 1);
      g_assert_cmpstr (((WartaArchiveRow *)rows->pdata[0])->platforms, ==, "facebook,wordpress");
      archive = warta_archive_new (f->db);
      query->platform = g_strdup ("wordpress");
      g_assert_true (warta_archive_count (archive, query, &count, &error));
      g_assert_cmpuint (count, ==, 1);
      g_free (query->platform);
      query->platform = g_strdup ("x");
      g_assert_true (warta_archive_count (archive, query, &count, &error));
      g_assert_cmpuint (count, ==, 0);
    }
}

static void
test_retention (Fixture       *f,
                gconstpointer  data)
{
  const char *categories[] = { "periodic", "immediate", "on-request", NULL };
  guint years[] = { 1, 1, 0 };
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ids[2];
  gint64 later = T0 + (gint64)400 * 24 * 3600 * G_USEC_PER_SEC;
  gint64 before_events = warta_event_log_count (f->db, NULL, NULL);

  ids[0] = fill (f, &ids[1]);
  before_events = warta_event_log_count (f->db, NULL, NULL);

  due = warta_archive_repository_list_due (f->db, categories, years, T0 + MINUTES (600), 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (due->len, ==, 0);
  g_clear_pointer (&due, g_ptr_array_unref);

  due = warta_archive_repository_list_due (f->db, categories, years, later, 10, &error);
  g_assert_cmpuint (due->len, ==, 2);
  g_clear_pointer (&due, g_ptr_array_unref);

  /* Permanent categories are never due. */
  years[0] = 0;
  due = warta_archive_repository_list_due (f->db, categories, years, later, 10, &error);
  g_assert_cmpuint (due->len, ==, 0);
  g_clear_pointer (&due, g_ptr_array_unref);
  years[0] = 1;

  /* A disposition is an event; nothing is deleted. */
  g_assert_true (warta_archive_repository_record_disposition (f->db, ids[0], warta_user_get_id (f->admin),
                                                              later, "keep", "JRA: permanen", &error));
  g_assert_no_error (error);
  g_assert_cmpint (warta_event_log_count (f->db, NULL, NULL), ==, before_events + 1);
  g_assert_cmpint (warta_event_log_count (f->db, "disposition", NULL), ==, 1);
  due = warta_archive_repository_list_due (f->db, categories, years, later, 10, &error);
  g_assert_cmpuint (due->len, ==, 1);
  g_assert_cmpint (((WartaArchiveRow *)due->pdata[0])->id, ==, ids[1]);
  g_assert_true (warta_store_verify_history (f->db, NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(WartaPublication) p = warta_publication_repository_get (f->repo, ids[0], &error);

    g_assert_nonnull (p);
  }
}

/* What the records schedule (JRA) does with an item is decided by the
 * social media admin, who keeps the archive, and the approver: anyone
 * else, or someone whose role another workstation took away meanwhile,
 * is told whom to ask, and nothing goes into the history. */
static void
test_disposition_roles (Fixture       *f,
                        gconstpointer  data)
{
  WartaUser *refused[] = { f->verifier, f->officer, f->sysadmin };
  g_autoptr(WartaUser) demoted = NULL;
  g_autoptr(GError) error = NULL;
  gint64 before_events;
  gint64 ids[2];

  ids[0] = fill (f, &ids[1]);
  before_events = warta_event_log_count (f->db, NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_test_message ("as %s", warta_user_get_login (refused[i]));
      g_assert_false (warta_archive_repository_can_record_disposition (refused[i]));
      g_assert_false (warta_archive_repository_record_disposition (f->db, ids[0],
                                                                   warta_user_get_id (refused[i]),
                                                                   T0 + MINUTES (600), "destroy",
                                                                   NULL, &error));
      g_assert_error (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_FORBIDDEN);
      g_assert_cmpstr (error->message, ==,
                       "Only the social media admin or the approver records what the records "
                       "schedule (JRA) decides for an item. Ask one of them to record it.");
      g_clear_error (&error);
      g_assert_cmpint (warta_event_log_count (f->db, NULL, NULL), ==, before_events);
      g_assert_cmpint (warta_event_log_count (f->db, "disposition", NULL), ==, 0);
    }

  /* Nobody signed in is nobody who may. */
  g_assert_false (warta_archive_repository_can_record_disposition (NULL));
  g_assert_false (warta_archive_repository_record_disposition (f->db, ids[0], 0,
                                                               T0 + MINUTES (600), "keep", NULL,
                                                               &error));
  g_assert_error (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_FORBIDDEN);
  g_clear_error (&error);
  g_assert_cmpint (warta_event_log_count (f->db, NULL, NULL), ==, before_events);

  /* The social media admin and the approver record it. */
  g_assert_true (warta_archive_repository_can_record_disposition (f->admin));
  g_assert_true (warta_archive_repository_record_disposition (f->db, ids[0],
                                                              warta_user_get_id (f->admin),
                                                              T0 + MINUTES (600), "keep", NULL,
                                                              &error));
  g_assert_no_error (error);
  g_assert_true (warta_archive_repository_can_record_disposition (f->approver));
  g_assert_true (warta_archive_repository_record_disposition (f->db, ids[1],
                                                              warta_user_get_id (f->approver),
                                                              T0 + MINUTES (601), "reappraise",
                                                              "JRA 2026", &error));
  g_assert_no_error (error);
  g_assert_cmpint (warta_event_log_count (f->db, "disposition", NULL), ==, 2);
  g_assert_cmpint (warta_event_log_count (f->db, NULL, NULL), ==, before_events + 2);

  /* Another workstation takes the approver's role away: the window that
   * still knows him as approver is refused by the database. */
  demoted = warta_user_repository_update_user (f->users, f->sysadmin,
                                               warta_user_get_id (f->approver),
                                               warta_user_get_version (f->approver),
                                               warta_user_get_display_name (f->approver),
                                               WARTA_ROLE_VERIFIER, FALSE, TRUE, &error);
  g_assert_no_error (error);
  before_events = warta_event_log_count (f->db, NULL, NULL);
  g_assert_true (warta_archive_repository_can_record_disposition (f->approver));
  g_assert_false (warta_archive_repository_record_disposition (f->db, ids[0],
                                                               warta_user_get_id (f->approver),
                                                               T0 + MINUTES (602), "destroy",
                                                               NULL, &error));
  g_assert_error (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_FORBIDDEN);
  g_assert_cmpint (warta_event_log_count (f->db, NULL, NULL), ==, before_events);
  g_assert_cmpint (warta_event_log_count (f->db, "disposition", NULL), ==, 2);
  g_assert_true (warta_store_verify_history (f->db, NULL, NULL));
}

/* A file that is not a whole export, chosen to import: each says what
 * is wrong and what to do, and the empty database takes nothing. */
static void
set_newer_version (JsonObject *manifest)
{
  json_object_set_int_member (manifest, "version", WARTA_EXPORT_VERSION + 1);
}

static void
set_version_text (JsonObject *manifest)
{
  json_object_set_string_member (manifest, "version", "2");
}

static void
set_publications_object (JsonObject *manifest)
{
  json_object_set_object_member (manifest, "publications", json_object_new ());
}

static void
set_publication_number (JsonObject *manifest)
{
  JsonArray *publications = json_array_new ();

  json_array_add_int_element (publications, 7);
  json_object_set_array_member (manifest, "publications", publications);
}

static void
assert_import_refused (Fixture    *f,
                       const char *path,
                       GQuark      domain,
                       int         code,
                       const char *advice)
{
  g_autoptr(GError) error = NULL;

  g_test_message ("importing %s", path);
  g_assert_false (warta_export_import (f->db, path, NULL, &error));
  g_assert_error (error, domain, code);
  g_assert_nonnull (strstr (error->message, advice));
  assert_empty (f->db);
}

static void
test_import_bad_files (Fixture       *f,
                       gconstpointer  data)
{
  static const struct
  {
    const char   *name;
    ManifestEdit  edit;
    int           code;
    const char   *advice;
  } edits[] = {
    { "newer", set_newer_version, G_IO_ERROR_NOT_SUPPORTED, "Update Warta to import it." },
    { "version-text", set_version_text, G_IO_ERROR_INVALID_DATA, "Export the publications again." },
    { "publications-object", set_publications_object, G_IO_ERROR_INVALID_DATA,
      "Export the publications again." },
    { "publication-number", set_publication_number, G_IO_ERROR_INVALID_DATA,
      "Export the publications again." },
  };
  static const struct
  {
    const char *name;
    const char *text;
    const char *advice;
  } manifests[] = {
    { "empty", "", "Export the publications again." },
    { "list", "[]", "Choose the folder that holds manifest.json." },
    { "number", "42", "Choose the folder that holds manifest.json." },
    { "null", "null", "Choose the folder that holds manifest.json." },
  };
  g_autofree char *export_dir = g_build_filename (f->dir, "ekspor", NULL);
  g_autofree char *zip_path = g_build_filename (f->dir, "ekspor.zip", NULL);
  g_autofree char *other_dir = g_build_filename (f->dir, "baru", NULL);
  g_autoptr(GError) error = NULL;
  WartaDossierOptions options;
  gint64 ids[2];

  ids[0] = fill (f, &ids[1]);
  warta_dossier_options_init (&options);
  g_assert_true (warta_export_write (f->db, ids, 2, export_dir, &options, &error));
  g_assert_no_error (error);
  g_assert_true (warta_export_write_zip (f->db, ids, 2, zip_path, &options, &error));
  g_assert_no_error (error);

  g_assert_cmpint (g_mkdir (other_dir, 0700), ==, 0);
  archive_fixture_close (f);
  archive_fixture_open (f, other_dir);

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_autofree char *folder = tampered_copy (f, export_dir, edits[i].name, edits[i].edit);

      assert_import_refused (f, folder, G_IO_ERROR, edits[i].code, edits[i].advice);
    }

  for (guint i = 0; i < G_N_ELEMENTS (manifests); i++)
    {
      g_autofree char *folder = g_build_filename (f->dir, manifests[i].name, NULL);
      g_autofree char *path = g_build_filename (folder, "manifest.json", NULL);

      g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
      g_assert_true (g_file_set_contents (path, manifests[i].text, -1, &error));
      g_assert_no_error (error);
      assert_import_refused (f, folder, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                             manifests[i].advice);
    }

  /* Cut off halfway, as a copy to a full stick leaves it: the folder's
   * manifest and the zip. */
  {
    g_autofree char *manifest = g_build_filename (export_dir, "manifest.json", NULL);
    g_autofree char *folder = g_build_filename (f->dir, "terpotong", NULL);
    g_autofree char *cut = g_build_filename (folder, "manifest.json", NULL);
    g_autofree char *cut_zip = g_build_filename (f->dir, "terpotong.zip", NULL);
    g_autofree char *text = NULL;
    gsize length = 0;

    g_assert_true (g_file_get_contents (manifest, &text, &length, &error));
    g_assert_no_error (error);
    g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
    g_assert_true (g_file_set_contents (cut, text, length / 2, &error));
    g_assert_no_error (error);
    assert_import_refused (f, folder, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "Export the publications again.");

    g_clear_pointer (&text, g_free);
    g_assert_true (g_file_get_contents (zip_path, &text, &length, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_set_contents (cut_zip, text, length / 2, &error));
    g_assert_no_error (error);
    assert_import_refused (f, cut_zip, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "Export the publications again.");
  }

  /* A picture chosen by mistake. */
  {
    g_autofree char *picture = g_build_filename (f->dir, "foto.zip", NULL);
    static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";

    g_assert_true (g_file_set_contents (picture, png, sizeof png - 1, &error));
    g_assert_no_error (error);
    assert_import_refused (f, picture, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "Choose a Warta export.");
  }

  /* The whole export still goes in. */
  g_assert_true (warta_export_import (f->db, export_dir, NULL, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/warta/export/round-trip", Fixture, NULL,
              archive_fixture_set_up, test_round_trip, archive_fixture_tear_down);
  g_test_add ("/warta/export/zip-round-trip", Fixture, NULL,
              archive_fixture_set_up, test_zip_round_trip, archive_fixture_tear_down);
  g_test_add ("/warta/export/import-all-or-nothing", Fixture, NULL,
              archive_fixture_set_up, test_import_all_or_nothing, archive_fixture_tear_down);
  g_test_add ("/warta/export/import-bad-files", Fixture, NULL,
              archive_fixture_set_up, test_import_bad_files, archive_fixture_tear_down);
  g_test_add ("/warta/export/history-after-import", Fixture, NULL,
              archive_fixture_set_up, test_history_after_import, archive_fixture_tear_down);
  g_test_add ("/warta/export/dossier-diff", Fixture, NULL,
              archive_fixture_set_up, test_dossier_diff, archive_fixture_tear_down);
  g_test_add ("/warta/export/dossier-targets", Fixture, NULL,
              archive_fixture_set_up, test_dossier_targets, archive_fixture_tear_down);
  g_test_add ("/warta/export/targets-round-trip", Fixture, NULL,
              archive_fixture_set_up, test_targets_round_trip, archive_fixture_tear_down);
  g_test_add ("/warta/export/retention", Fixture, NULL,
              archive_fixture_set_up, test_retention, archive_fixture_tear_down);
  g_test_add ("/warta/export/disposition-roles", Fixture, NULL,
              archive_fixture_set_up, test_disposition_roles, archive_fixture_tear_down);

  return g_test_run ();
}
