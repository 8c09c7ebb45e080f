/* warta-export.c: dossiers to a folder or a zip, with their media and a
 * PDF record sheet each, and back
 *
 * An export is a folder, or a zip file (libarchive) holding the same
 * files:
 *
 *   manifest.json          the dossiers and the list of files, with the
 *                          schema in src/archive/warta-manifest.schema.json
 *   media/<sha256>.<ext>   each original media file, named by checksum
 *   record-<id>.pdf        a record sheet per publication: the agency's
 *                          header, the register fields, the final texts,
 *                          the approval trail and thumbnails
 *
 *   proofs/<sha256>.<ext>  each screenshot proving a target published by
 *                          hand, named by checksum
 *
 * Importing the folder into an empty database writes each dossier's
 * records back as they were, so the dossiers read there are the same,
 * and the targets that went out with their results: their accounts are
 * the database's own of the same platform and name, or new removed ones,
 * and each proof is copied beside the database, as the outbox keeps it.
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "warta-export"

#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <cairo-pdf.h>
#include <errno.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "warta-archive-repository.h"
#include "warta-clock.h"
#include "warta-event-log.h"
#include "warta-export.h"

static char *
file_sha256 (const char  *path,
             goffset     *out_size,
             GError     **error)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) in = g_file_read (file, NULL, error);
  guchar buffer[65536];
  gssize n;
  goffset size = 0;

  if (in == NULL)
    return NULL;

  while ((n = g_input_stream_read (G_INPUT_STREAM (in), buffer, sizeof buffer, NULL, error)) > 0)
    {
      g_checksum_update (checksum, buffer, n);
      size += n;
    }
  if (n < 0)
    return NULL;

  if (out_size != NULL)
    *out_size = size;
  return g_strdup (g_checksum_get_string (checksum));
}

static JsonObject *
file_entry (const char *folder,
            const char *relative,
            gint64      publication_id,
            const char *kind,
            GError    **error)
{
  g_autofree char *path = g_build_filename (folder, relative, NULL);
  g_autofree char *sha = NULL;
  JsonObject *entry;
  goffset size = 0;

  sha = file_sha256 (path, &size, error);
  if (sha == NULL)
    return NULL;

  entry = json_object_new ();
  json_object_set_string_member (entry, "path", relative);
  json_object_set_string_member (entry, "kind", kind);
  json_object_set_int_member (entry, "publication_id", publication_id);
  json_object_set_string_member (entry, "sha256", sha);
  json_object_set_int_member (entry, "size", size);

  return entry;
}

/* Record sheet ------------------------------------------------------------ */

#define PAGE_W 595.0
#define PAGE_H 842.0
#define MARGIN 50.0

typedef struct
{
  cairo_t *cr;
  double   y;
} Sheet;

static void
sheet_text (Sheet      *sheet,
            const char *font,
            const char *text)
{
  PangoLayout *layout;
  PangoFontDescription *desc;
  int w, h;

  if (text == NULL || *text == '\0')
    return;

  layout = pango_cairo_create_layout (sheet->cr);
  desc = pango_font_description_from_string (font);
  pango_layout_set_font_description (layout, desc);
  pango_layout_set_width (layout, (int)((PAGE_W - 2 * MARGIN) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &w, &h);

  if (sheet->y + h > PAGE_H - MARGIN)
    {
      cairo_show_page (sheet->cr);
      sheet->y = MARGIN;
    }
  cairo_set_source_rgb (sheet->cr, 0, 0, 0);
  cairo_move_to (sheet->cr, MARGIN, sheet->y);
  pango_cairo_show_layout (sheet->cr, layout);
  sheet->y += h + 3;

  pango_font_description_free (desc);
  g_object_unref (layout);
}

static void
sheet_field (Sheet      *sheet,
             const char *label,
             const char *value)
{
  g_autofree char *text = NULL;

  if (value == NULL || *value == '\0')
    return;
  text = g_strdup_printf ("%s: %s", label, value);
  sheet_text (sheet, "Sans 9", text);
}

static const char *
member_str (JsonObject *object,
            const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
holds_int (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_INT64;
}

/* Whether @node is an array of objects, as an export's list of
 * publications is. */
static gboolean
holds_objects (JsonNode *node)
{
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (!JSON_NODE_HOLDS_OBJECT (json_array_get_element (array, i)))
      return FALSE;
  return TRUE;
}

static void
sheet_line_cb (WartaDossierLineKind  kind,
               const char           *label,
               const char           *value,
               gpointer              user_data)
{
  Sheet *sheet = user_data;

  switch (kind)
    {
    case WARTA_DOSSIER_HEADING:
      if (sheet->y > MARGIN + 40)
        sheet->y += 6;
      sheet_text (sheet, "Sans Bold 10", label);
      break;
    case WARTA_DOSSIER_SUBHEADING:
      sheet_text (sheet, "Sans Bold 9", value);
      break;
    case WARTA_DOSSIER_FIELD:
      sheet_field (sheet, label, value);
      break;
    case WARTA_DOSSIER_LINE:
    default:
      sheet_text (sheet, "Sans 8", value);
    }
}

/* gdk_cairo_set_source_pixbuf() is GTK's; this is the same conversion,
 * to premultiplied ARGB. */
static cairo_surface_t *
surface_from_pixbuf (GdkPixbuf *pixbuf)
{
  int w = gdk_pixbuf_get_width (pixbuf), h = gdk_pixbuf_get_height (pixbuf);
  int channels = gdk_pixbuf_get_n_channels (pixbuf);
  int src_stride = gdk_pixbuf_get_rowstride (pixbuf);
  const guchar *src = gdk_pixbuf_read_pixels (pixbuf);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  int dst_stride = cairo_image_surface_get_stride (surface);
  guchar *dst;

  cairo_surface_flush (surface);
  dst = cairo_image_surface_get_data (surface);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        const guchar *p = src + y * src_stride + x * channels;
        guint32 a = channels == 4 ? p[3] : 255;
        guint32 *q = (guint32 *)(dst + y * dst_stride + x * 4);

        *q = (a << 24) | ((p[0] * a / 255) << 16) | ((p[1] * a / 255) << 8) | (p[2] * a / 255);
      }
  cairo_surface_mark_dirty (surface);

  return surface;
}

static void
sheet_thumbnails (Sheet      *sheet,
                  JsonArray  *media,
                  const char *media_folder)
{
  double x = MARGIN;
  double row_h = 0;

  for (guint i = 0; media != NULL && i < json_array_get_length (media); i++)
    {
      JsonObject *m = json_array_get_object_element (media, i);
      const char *sha = member_str (m, "sha256");
      const char *source = member_str (m, "path");
      g_autofree char *copy = NULL;
      g_autoptr(GdkPixbuf) pixbuf = NULL;
      cairo_surface_t *surface;

      if (g_strcmp0 (member_str (m, "kind"), "photo") != 0)
        continue;

      /* The export's copy when there is one, else the original. */
      if (media_folder != NULL && sha != NULL)
        {
          g_autofree char *ext = source != NULL && strrchr (source, '.') ? g_ascii_strdown (strrchr (source, '.'), -1) : g_strdup ("");
          g_autofree char *name = g_strconcat (sha, ext, NULL);

          copy = g_build_filename (media_folder, name, NULL);
        }
      pixbuf = gdk_pixbuf_new_from_file_at_scale (copy != NULL && g_file_test (copy, G_FILE_TEST_EXISTS)
                                                  ? copy : source, 150, 150, TRUE, NULL);
      if (pixbuf == NULL)
        continue;
      {
        g_autoptr(GdkPixbuf) oriented = gdk_pixbuf_apply_embedded_orientation (pixbuf);

        if (oriented != NULL)
          g_set_object (&pixbuf, oriented);
      }

      if (x + gdk_pixbuf_get_width (pixbuf) > PAGE_W - MARGIN)
        {
          x = MARGIN;
          sheet->y += row_h + 8;
          row_h = 0;
        }
      if (sheet->y + gdk_pixbuf_get_height (pixbuf) > PAGE_H - MARGIN)
        {
          cairo_show_page (sheet->cr);
          sheet->y = MARGIN;
        }

      surface = surface_from_pixbuf (pixbuf);
      cairo_set_source_surface (sheet->cr, surface, x, sheet->y);
      cairo_paint (sheet->cr);
      cairo_surface_destroy (surface);

      x += gdk_pixbuf_get_width (pixbuf) + 8;
      row_h = MAX (row_h, gdk_pixbuf_get_height (pixbuf));
    }

  sheet->y += row_h + 8;
}

/**
 * warta_export_write_record_sheet:
 * @dossier: the publication's dossier
 * @path: the PDF to write
 * @agency: the agency's name for the header
 * @time_zone: (nullable): the office's zone, for times; %NULL: UTC
 * @media_folder: (nullable): where the export keeps the media copies
 * @error: where to put an error
 */
gboolean
warta_export_write_record_sheet (WartaDossier  *dossier,
                                 const char    *path,
                                 const char    *agency,
                                 GTimeZone     *time_zone,
                                 const char    *media_folder,
                                 GError       **error)
{
  JsonObject *json = warta_dossier_get_json (dossier);
  JsonArray *consents = json_object_get_array_member (json, "consents");
  g_autofree char *title = g_strdup_printf (_("Record sheet: %s"), warta_dossier_get_title (dossier));
  cairo_surface_t *surface;
  cairo_status_t status;
  Sheet sheet = { 0 };

  surface = cairo_pdf_surface_create (path, PAGE_W, PAGE_H);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Warta");
  sheet.cr = cairo_create (surface);
  sheet.y = MARGIN;

  sheet_text (&sheet, "Sans Bold 14", agency != NULL && *agency != '\0' ? agency : _("Public body"));
  sheet_text (&sheet, "Sans Bold 12", title);
  sheet.y += 6;

  warta_dossier_foreach_line (dossier, WARTA_DOSSIER_REGISTER, time_zone, sheet_line_cb, &sheet);
  warta_dossier_foreach_line (dossier, WARTA_DOSSIER_FINAL_TEXTS, time_zone, sheet_line_cb, &sheet);
  warta_dossier_foreach_line (dossier, WARTA_DOSSIER_TARGETS, time_zone, sheet_line_cb, &sheet);
  warta_dossier_foreach_line (dossier, WARTA_DOSSIER_HISTORY, time_zone, sheet_line_cb, &sheet);
  sheet.y += 6;

  if (consents != NULL && json_array_get_length (consents) > 0)
    {
      sheet_text (&sheet, "Sans Bold 10", _("Consent records"));
      for (guint i = 0; i < json_array_get_length (consents); i++)
        {
          JsonObject *c = json_array_get_object_element (consents, i);
          g_autofree char *line = g_strdup_printf ("%s: %s", member_str (c, "sha256") ?: "",
                                                   member_str (c, "consent") ?: _("no consent recorded"));

          sheet_text (&sheet, "Sans 8", line);
        }
      sheet.y += 6;
    }

  sheet_text (&sheet, "Sans Bold 10", _("Media"));
  sheet_thumbnails (&sheet, json_object_get_array_member (json, "media"), media_folder);

  cairo_show_page (sheet.cr);
  cairo_destroy (sheet.cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The PDF “%s” could not be written: %s. Choose another folder."),
                   path, cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}

/* Export ------------------------------------------------------------------ */

static gboolean
make_folder (const char  *path,
             GError     **error)
{
  if (g_mkdir_with_parents (path, 0750) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("The folder “%s” cannot be created: %s. Choose another folder."),
                   path, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/* Copies one recorded file into @folder's @subfolder, named by its
 * recorded checksum, and lists it in @files. */
static gboolean
copy_recorded_file (WartaDossier  *dossier,
                    const char    *folder,
                    JsonArray     *files,
                    const char    *source,
                    const char    *sha,
                    const char    *subfolder,
                    const char    *kind,
                    GError       **error)
{
  g_autofree char *ext = NULL;
  g_autofree char *relative = NULL;
  g_autofree char *target = NULL;
  g_autofree char *target_folder = g_build_filename (folder, subfolder, NULL);
  g_autoptr(GFile) from = NULL;
  g_autoptr(GFile) to = NULL;
  JsonObject *entry;

  if (sha == NULL || source == NULL)
    return TRUE;

  ext = strrchr (source, '.') != NULL ? g_ascii_strdown (strrchr (source, '.'), -1) : g_strdup ("");
  relative = g_strconcat (subfolder, "/", sha, ext, NULL);
  target = g_build_filename (folder, relative, NULL);

  if (!g_file_test (source, G_FILE_TEST_IS_REGULAR))
    {
      /* The original is not reachable from here: the manifest says so,
       * rather than the export failing. */
      entry = json_object_new ();
      json_object_set_string_member (entry, "path", relative);
      json_object_set_string_member (entry, "kind", kind);
      json_object_set_int_member (entry, "publication_id", warta_dossier_get_id (dossier));
      json_object_set_string_member (entry, "sha256", sha);
      json_object_set_boolean_member (entry, "missing", TRUE);
      json_object_set_string_member (entry, "source", source);
      json_array_add_object_element (files, entry);
      return TRUE;
    }

  if (!make_folder (target_folder, error))
    return FALSE;
  from = g_file_new_for_path (source);
  to = g_file_new_for_path (target);
  if (!g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error))
    {
      g_prefix_error (error, _("The media file “%s” could not be copied: "), source);
      return FALSE;
    }

  entry = file_entry (folder, relative, warta_dossier_get_id (dossier), kind, error);
  if (entry == NULL)
    return FALSE;
  /* A copy whose checksum differs from the recorded one is exported
   * and flagged: the file was changed after it was recorded. */
  json_object_set_boolean_member (entry, "matches_record",
                                  g_strcmp0 (member_str (entry, "sha256"), sha) == 0);
  json_array_add_object_element (files, entry);

  return TRUE;
}

/* The original media, and the screenshots that prove targets published
 * by hand. */
static gboolean
copy_media (WartaDossier  *dossier,
            const char    *folder,
            JsonArray     *files,
            GError       **error)
{
  JsonObject *json = warta_dossier_get_json (dossier);
  JsonArray *media = json_object_get_array_member (json, "media");
  JsonArray *targets = json_object_get_array_member (json, "targets");

  for (guint i = 0; i < json_array_get_length (media); i++)
    {
      JsonObject *m = json_array_get_object_element (media, i);

      if (!copy_recorded_file (dossier, folder, files, member_str (m, "path"),
                               member_str (m, "sha256"), "media", "media", error))
        return FALSE;
    }

  for (guint i = 0; targets != NULL && i < json_array_get_length (targets); i++)
    {
      JsonObject *t = json_array_get_object_element (targets, i);
      JsonObject *shot = json_object_has_member (t, "screenshot")
                         ? json_object_get_object_member (t, "screenshot") : NULL;

      if (shot != NULL &&
          !copy_recorded_file (dossier, folder, files, member_str (shot, "source"),
                               member_str (shot, "sha256"), "proofs", "proof", error))
        return FALSE;
    }

  return TRUE;
}

static int
compare_event_rows (gconstpointer a,
                    gconstpointer b)
{
  gint64 x = json_object_get_int_member (*(JsonObject * const *)a, "id");
  gint64 y = json_object_get_int_member (*(JsonObject * const *)b, "id");

  return x < y ? -1 : x > y;
}

/* The manifest's "history": for every exported event that does not
 * follow on from the exported event before it, the hash that preceded it
 * here. An import records these anchors, so the history check of the
 * importing database accepts exactly those links (see warta-event-log.c). */
static JsonObject *
history_anchors (WartaDatabase  *database,
                 GPtrArray      *events,
                 GError        **error)
{
  JsonObject *history = json_object_new ();
  JsonArray *anchors = json_array_new ();
  const char *last_hash = NULL;

  json_object_set_array_member (history, "anchors", anchors);
  g_ptr_array_sort (events, compare_event_rows);
  for (guint i = 0; i < events->len; i++)
    {
      JsonObject *event = events->pdata[i];
      const char *prev_hash = member_str (event, "prev_hash");
      gint64 id = json_object_get_int_member (event, "id");

      if (last_hash == NULL || g_strcmp0 (prev_hash, last_hash) != 0)
        {
          g_autofree char *before = warta_event_log_get_hash_before (database, id, error);
          JsonObject *anchor;

          if (before == NULL)
            {
              json_object_unref (history);
              return NULL;
            }
          anchor = json_object_new ();
          json_object_set_int_member (anchor, "event_id", id);
          json_object_set_string_member (anchor, "prev_hash", before);
          json_array_add_object_element (anchors, anchor);
        }
      last_hash = member_str (event, "hash");
    }

  return history;
}

static void
collect_events (GPtrArray    *events,
                WartaDossier *dossier)
{
  JsonObject *records = warta_dossier_get_records (dossier);
  JsonArray *rows = records != NULL && json_object_has_member (records, "events")
                    ? json_object_get_array_member (records, "events") : NULL;

  for (guint k = 0; rows != NULL && k < json_array_get_length (rows); k++)
    {
      JsonObject *row = json_array_get_object_element (rows, k);

      if (row != NULL && json_object_has_member (row, "id"))
        g_ptr_array_add (events, json_object_ref (row));
    }
}

/* Zip ----------------------------------------------------------------------- */

#define ZIP_BLOCK (256 * 1024)

static void
set_zip_error (GError         **error,
               struct archive  *a,
               const char      *path)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _("The zip file “%s” cannot be written: %s. Choose another folder with free space."),
               path, archive_error_string (a) != NULL ? archive_error_string (a) : g_strerror (archive_errno (a)));
}

static gboolean
zip_add_header (struct archive  *zip,
                const char      *name,
                gint64           size,
                GError         **error)
{
  struct archive_entry *entry = archive_entry_new ();
  int rc;

  archive_entry_set_pathname (entry, name);
  archive_entry_set_size (entry, size);
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_perm (entry, 0644);
  archive_entry_set_mtime (entry, (time_t)(g_get_real_time () / G_USEC_PER_SEC), 0);
  rc = archive_write_header (zip, entry);
  archive_entry_free (entry);
  if (rc != ARCHIVE_OK)
    {
      set_zip_error (error, zip, name);
      return FALSE;
    }

  return TRUE;
}

static gboolean
zip_add_data (struct archive  *zip,
              const char      *name,
              const char      *data,
              gsize            size,
              GError         **error)
{
  if (!zip_add_header (zip, name, (gint64)size, error))
    return FALSE;
  if (archive_write_data (zip, data, size) != (la_ssize_t)size)
    {
      set_zip_error (error, zip, name);
      return FALSE;
    }

  return TRUE;
}

/* Copies @path into the zip as @name, a block at a time. */
static gboolean
zip_add_file (struct archive  *zip,
              const char      *name,
              const char      *path,
              GError         **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *block = NULL;
  gssize n;

  in = g_file_read (file, NULL, error);
  if (in == NULL)
    return FALSE;
  info = g_file_input_stream_query_info (in, G_FILE_ATTRIBUTE_STANDARD_SIZE, NULL, error);
  if (info == NULL)
    return FALSE;
  if (!zip_add_header (zip, name, g_file_info_get_size (info), error))
    return FALSE;

  block = g_malloc (ZIP_BLOCK);
  while ((n = g_input_stream_read (G_INPUT_STREAM (in), block, ZIP_BLOCK, NULL, error)) > 0)
    if (archive_write_data (zip, block, (size_t)n) != n)
      {
        set_zip_error (error, zip, name);
        return FALSE;
      }

  return n == 0;
}

/* The files the manifest lists from @first on, from @folder into @zip;
 * each is removed from @folder once it is in. */
static gboolean
zip_move_files (struct archive  *zip,
                const char      *folder,
                JsonArray       *files,
                guint            first,
                GError         **error)
{
  for (guint i = first; i < json_array_get_length (files); i++)
    {
      JsonObject *entry = json_array_get_object_element (files, i);
      const char *relative = member_str (entry, "path");
      g_autofree char *path = NULL;

      if (relative == NULL || (json_object_has_member (entry, "missing") &&
                               json_object_get_boolean_member (entry, "missing")))
        continue;

      path = g_build_filename (folder, relative, NULL);
      if (!zip_add_file (zip, relative, path, error))
        return FALSE;
      g_unlink (path);
    }

  return TRUE;
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        remove_tree (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

/* An export at @path that cannot be read whole: copied only in part (to
 * a full disk, say) or damaged since. */
static void
set_damaged_error (GError     **error,
                   const char  *path,
                   const char  *detail)
{
  if (detail != NULL && *detail != '\0')
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                 /* Translators: %s are the export's zip file or folder, then why */
                 _("“%s” is damaged or incomplete: %s. Export the publications again."),
                 path, detail);
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                 _("“%s” is damaged or incomplete. Export the publications again."), path);
}

/* Parses the manifest of the export at @path; an empty or cut-off one is
 * a damaged export. */
static gboolean
load_manifest_data (JsonParser  *parser,
                    const char  *path,
                    const char  *data,
                    gsize        length,
                    GError     **error)
{
  g_autoptr(GError) local = NULL;

  if (length == 0)
    {
      set_damaged_error (error, path, NULL);
      return FALSE;
    }
  if (!json_parser_load_from_data (parser, data, (gssize)length, &local))
    {
      set_damaged_error (error, path, local->message);
      return FALSE;
    }
  return TRUE;
}

/* manifest.json of an export zip, read while the zip streams past; the
 * other entries are skipped unread. */
static gboolean
zip_read_manifest (JsonParser  *parser,
                   const char  *path,
                   GError     **error)
{
  struct archive *zip = archive_read_new ();
  struct archive_entry *entry;
  gboolean found = FALSE, ok = FALSE;
  int rc;

  archive_read_support_format_zip (zip);
  if (archive_read_open_filename (zip, path, ZIP_BLOCK) != ARCHIVE_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” cannot be read as a zip file: %s. Choose a Warta export."),
                   path, archive_error_string (zip));
      archive_read_free (zip);
      return FALSE;
    }

  while ((rc = archive_read_next_header (zip, &entry)) == ARCHIVE_OK)
    {
      g_autoptr(GByteArray) bytes = NULL;
      char block[16384];
      la_ssize_t n;

      if (g_strcmp0 (archive_entry_pathname (entry), "manifest.json") != 0)
        {
          archive_read_data_skip (zip);
          continue;
        }

      found = TRUE;
      bytes = g_byte_array_new ();
      while ((n = archive_read_data (zip, block, sizeof block)) > 0)
        g_byte_array_append (bytes, (const guint8 *)block, (guint)n);
      if (n < 0)
        break;
      ok = load_manifest_data (parser, path, (const char *)bytes->data, bytes->len, error);
      archive_read_free (zip);
      return ok;
    }

  /* Opened as a zip, but cut off or damaged after its start. */
  if (found || rc != ARCHIVE_EOF)
    set_damaged_error (error, path,
                       archive_error_string (zip) != NULL ? archive_error_string (zip) : "");
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                 _("“%s” is not a Warta export. Choose the folder that holds manifest.json."), path);
  archive_read_free (zip);
  return FALSE;
}

/* The export into @folder; with @zip, @folder is a staging folder whose
 * files move into @zip as they are made. */
static gboolean
export_to (WartaDatabase              *database,
           const gint64               *ids,
           guint                       n_ids,
           const char                 *folder,
           struct archive             *zip,
           const WartaDossierOptions  *options,
           GError                    **error)
{
  g_autoptr(JsonObject) manifest = json_object_new ();
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *now_text = g_date_time_format_iso8601 (now);
  g_autofree char *media_folder = g_build_filename (folder, "media", NULL);
  g_autofree char *manifest_path = g_build_filename (folder, "manifest.json", NULL);
  g_autofree char *text = NULL;
  JsonArray *publications = json_array_new ();
  JsonArray *files = json_array_new ();
  JsonObject *retention = json_object_new ();
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify)json_object_unref);
  JsonObject *history;
  g_autoptr(GTimeZone) time_zone = g_time_zone_new_identifier (options->time_zone != NULL
                                                               ? options->time_zone
                                                               : WARTA_DEFAULT_TIME_ZONE);

  json_object_set_string_member (manifest, "format", WARTA_EXPORT_FORMAT);
  json_object_set_int_member (manifest, "version", WARTA_EXPORT_VERSION);
  json_object_set_string_member (manifest, "generator", PACKAGE_NAME " " PACKAGE_VERSION);
  json_object_set_string_member (manifest, "exported_at", now_text);
  if (options->agency != NULL)
    json_object_set_string_member (manifest, "agency", options->agency);
  else
    json_object_set_null_member (manifest, "agency");
  json_object_set_int_member (retention, "periodic", options->retention_periodic);
  json_object_set_int_member (retention, "immediate", options->retention_immediate);
  json_object_set_int_member (retention, "on-request", options->retention_on_request);
  json_object_set_object_member (manifest, "retention_years", retention);
  json_object_set_array_member (manifest, "publications", publications);
  json_object_set_array_member (manifest, "files", files);

  if (!make_folder (media_folder, error))
    return FALSE;

  for (guint i = 0; i < n_ids; i++)
    {
      g_autoptr(WartaDossier) dossier = warta_dossier_load (database, ids[i], options, error);
      g_autofree char *sheet_name = NULL;
      g_autofree char *sheet_path = NULL;
      JsonObject *entry;

      guint first_file = json_array_get_length (files);

      if (dossier == NULL)
        return FALSE;

      if (!copy_media (dossier, folder, files, error))
        return FALSE;

      sheet_name = g_strdup_printf ("record-%" G_GINT64_FORMAT ".pdf", ids[i]);
      sheet_path = g_build_filename (folder, sheet_name, NULL);
      if (!warta_export_write_record_sheet (dossier, sheet_path, options->agency, time_zone,
                                            media_folder, error))
        return FALSE;
      entry = file_entry (folder, sheet_name, ids[i], "record-sheet", error);
      if (entry == NULL)
        return FALSE;
      json_array_add_object_element (files, entry);

      json_array_add_object_element (publications, json_object_ref (warta_dossier_get_json (dossier)));
      collect_events (events, dossier);

      /* Into the zip, and out of the staging folder: one publication's
       * files on disk at a time. */
      if (zip != NULL && !zip_move_files (zip, folder, files, first_file, error))
        return FALSE;
    }

  history = history_anchors (database, events, error);
  if (history == NULL)
    return FALSE;
  json_object_set_object_member (manifest, "history", history);

  json_node_set_object (root, manifest);
  text = json_to_string (root, TRUE);

  if (zip != NULL)
    return zip_add_data (zip, "manifest.json", text, strlen (text), error);

  return g_file_set_contents (manifest_path, text, -1, error);
}

/**
 * warta_export_write:
 * @database: a #WartaDatabase
 * @ids: the publications
 * @n_ids: how many
 * @folder: the folder to write to (made if missing)
 * @options: agency and retention periods
 * @error: where to put an error
 *
 * Writes manifest.json, the media and a record sheet per publication.
 */
gboolean
warta_export_write (WartaDatabase              *database,
                    const gint64               *ids,
                    guint                       n_ids,
                    const char                 *folder,
                    const WartaDossierOptions  *options,
                    GError                    **error)
{
  return export_to (database, ids, n_ids, folder, NULL, options, error);
}

/**
 * warta_export_write_zip:
 * @database: a #WartaDatabase
 * @ids: the publications
 * @n_ids: how many
 * @path: the zip file to write (replaced when it exists)
 * @options: agency and retention periods
 * @error: where to put an error
 *
 * Writes what warta_export_write() puts in a folder into a zip file
 * instead, streamed: each publication's media and record sheet are staged
 * in a folder beside @path, copied into the zip in blocks and removed;
 * the zip is written as "@path.part" and renamed when complete.
 */
gboolean
warta_export_write_zip (WartaDatabase              *database,
                        const gint64               *ids,
                        guint                       n_ids,
                        const char                 *path,
                        const WartaDossierOptions  *options,
                        GError                    **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *staging_template = g_strdup_printf (".%s-XXXXXX", base);
  g_autofree char *staging = g_build_filename (dir, staging_template, NULL);
  g_autofree char *part = g_strconcat (path, ".part", NULL);
  struct archive *zip;
  gboolean ok;

  if (g_mkdtemp (staging) == NULL)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("The folder “%s” cannot be written to: %s. Choose another folder."),
                   dir, g_strerror (saved_errno));
      return FALSE;
    }

  zip = archive_write_new ();
  archive_write_set_format_zip (zip);
  if (archive_write_open_filename (zip, part) != ARCHIVE_OK)
    {
      set_zip_error (error, zip, part);
      archive_write_free (zip);
      remove_tree (staging);
      return FALSE;
    }

  ok = export_to (database, ids, n_ids, staging, zip, options, error);
  if (archive_write_close (zip) != ARCHIVE_OK && ok)
    {
      set_zip_error (error, zip, part);
      ok = FALSE;
    }
  archive_write_free (zip);
  remove_tree (staging);

  if (ok && g_rename (part, path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("The zip file “%s” cannot be written: %s. Choose another name or folder."),
                   path, g_strerror (saved_errno));
      ok = FALSE;
    }
  if (!ok)
    g_unlink (part);

  return ok;
}

typedef struct
{
  GArray              *ids;
  gint64               from;
  gint64               to;
  gboolean             range;
  char                *folder;
  char                *agency;
  char                *time_zone;
  WartaDossierOptions  options;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_pointer (&data->ids, g_array_unref);
  g_free (data->folder);
  g_free (data->agency);
  g_free (data->time_zone);
  g_free (data);
}

static gpointer
export_work (WartaDatabase  *reader,
             gpointer        data,
             GCancellable   *cancellable,
             GError        **error)
{
  ExportData *e = data;
  guint *n;

  if (e->range)
    {
      e->ids = warta_archive_repository_list_ids (reader, e->from, e->to, error);
      if (e->ids == NULL)
        return NULL;
    }

  /* A destination ending in ".zip" is a zip file, anything else a folder. */
  if (g_str_has_suffix (e->folder, ".zip")
      ? !warta_export_write_zip (reader, (const gint64 *)e->ids->data, e->ids->len, e->folder,
                                 &e->options, error)
      : !warta_export_write (reader, (const gint64 *)e->ids->data, e->ids->len, e->folder,
                             &e->options, error))
    return NULL;

  n = g_new (guint, 1);
  *n = e->ids->len;
  return n;
}

static void
start_export (WartaArchive               *archive,
              ExportData                 *data,
              const WartaDossierOptions  *options,
              GCancellable               *cancellable,
              GAsyncReadyCallback         callback,
              gpointer                    user_data)
{
  data->options = *options;
  data->agency = g_strdup (options->agency);
  data->options.agency = data->agency;
  data->time_zone = g_strdup (options->time_zone);
  data->options.time_zone = data->time_zone;

  warta_archive_run_async (archive, export_work, data, (GDestroyNotify)export_data_free, g_free,
                           cancellable, callback, user_data);
}

void
warta_export_write_async (WartaArchive               *archive,
                          GArray                     *ids,
                          const char                 *folder,
                          const WartaDossierOptions  *options,
                          GCancellable               *cancellable,
                          GAsyncReadyCallback         callback,
                          gpointer                    user_data)
{
  ExportData *data = g_new0 (ExportData, 1);

  data->ids = g_array_ref (ids);
  data->folder = g_strdup (folder);
  start_export (archive, data, options, cancellable, callback, user_data);
}

void
warta_export_range_async (WartaArchive               *archive,
                          gint64                      from_us,
                          gint64                      to_us,
                          const char                 *folder,
                          const WartaDossierOptions  *options,
                          GCancellable               *cancellable,
                          GAsyncReadyCallback         callback,
                          gpointer                    user_data)
{
  ExportData *data = g_new0 (ExportData, 1);

  data->range = TRUE;
  data->from = from_us;
  data->to = to_us;
  data->folder = g_strdup (folder);
  start_export (archive, data, options, cancellable, callback, user_data);
}

gboolean
warta_export_write_finish (WartaArchive  *archive,
                           GAsyncResult  *result,
                           guint         *out_n_exported,
                           GError       **error)
{
  g_autofree guint *n = warta_archive_run_finish (archive, result, error);

  if (n == NULL)
    return FALSE;
  if (out_n_exported != NULL)
    *out_n_exported = *n;
  return TRUE;
}

/* Where the imported events join this database's chain (see
 * history_anchors ()), into @ids and @hashes (owned by @manifest). An
 * export without them (older Warta) imports as before; its history check
 * then shows where the imported events begin. */
static gboolean
read_anchors (JsonObject  *manifest,
              GArray      *ids,
              GPtrArray   *hashes,
              GError     **error)
{
  JsonObject *history = json_object_has_member (manifest, "history")
                        ? json_object_get_object_member (manifest, "history") : NULL;
  JsonArray *anchors = history != NULL && json_object_has_member (history, "anchors")
                       ? json_object_get_array_member (history, "anchors") : NULL;

  for (guint i = 0; anchors != NULL && i < json_array_get_length (anchors); i++)
    {
      JsonObject *anchor = json_array_get_object_element (anchors, i);
      const char *hash = anchor != NULL ? member_str (anchor, "prev_hash") : NULL;
      gint64 id = anchor != NULL && json_object_has_member (anchor, "event_id")
                  ? json_object_get_int_member (anchor, "event_id") : 0;

      if (hash == NULL || id <= 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("The export’s history anchors are damaged. Export the publications again."));
          return FALSE;
        }
      g_array_append_val (ids, id);
      g_ptr_array_add (hashes, (gpointer)hash);
    }

  return TRUE;
}

/* The export's copy of a hand record's screenshot, named by its recorded
 * checksum (copy_recorded_file ()); NULL when the export could not read
 * the original. */
static const char *
find_proof_copy (JsonArray  *files,
                 gint64      publication_id,
                 const char *sha)
{
  g_autofree char *prefix = g_strconcat ("proofs/", sha, NULL);

  for (guint i = 0; files != NULL && i < json_array_get_length (files); i++)
    {
      JsonObject *entry = json_array_get_object_element (files, i);
      const char *path = entry != NULL ? member_str (entry, "path") : NULL;

      if (path != NULL && g_str_has_prefix (path, prefix) &&
          (path[strlen (prefix)] == '\0' || path[strlen (prefix)] == '.') &&
          g_strcmp0 (member_str (entry, "kind"), "proof") == 0 &&
          json_object_get_int_member_with_default (entry, "publication_id", 0) == publication_id &&
          !json_object_get_boolean_member_with_default (entry, "missing", FALSE))
        return path;
    }

  return NULL;
}

/* Points each hand record of @records at the copy of its screenshot in
 * this database's folder, where the outbox keeps proofs
 * (warta-files/proofs/<sha256>.<ext>), and adds the copy to make to
 * @copies (the export's path → the database folder's). A screenshot the
 * export lacks keeps its recorded path, and its checksum says what it
 * was. */
static void
plan_proof_copies (JsonObject *records,
                   gint64      publication_id,
                   JsonArray  *files,
                   GHashTable *copies)
{
  JsonArray *proofs = json_object_has_member (records, "manual_proofs")
                      ? json_object_get_array_member (records, "manual_proofs") : NULL;

  for (guint i = 0; proofs != NULL && i < json_array_get_length (proofs); i++)
    {
      JsonObject *proof = json_array_get_object_element (proofs, i);
      const char *sha = proof != NULL ? member_str (proof, "screenshot_sha256") : NULL;
      const char *copy = sha != NULL ? find_proof_copy (files, publication_id, sha) : NULL;
      char *stored;

      if (copy == NULL)
        continue;
      stored = g_strconcat ("warta-files/proofs/", copy + strlen ("proofs/"), NULL);
      json_object_set_string_member (proof, "screenshot_path", stored);
      g_hash_table_replace (copies, g_strdup (copy), stored);
    }
}

static void
set_proof_error (GError     **error,
                 const char  *path,
                 const char  *reason)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _("The proof screenshot “%s” cannot be copied into the database’s folder: %s. Check that the folder can be written to."),
               path, reason);
}

/* The screenshots of @copies from the export @path (a folder or a zip)
 * into the database's @folder. */
static gboolean
copy_proofs (const char    *path,
             GHashTable    *copies,
             const char    *folder,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autofree char *proofs = g_build_filename (folder, "warta-files", "proofs", NULL);
  struct archive *zip = NULL;
  struct archive_entry *entry;
  GHashTableIter iter;
  gpointer from, to;
  int rc;

  if (g_hash_table_size (copies) == 0)
    return TRUE;
  if (g_mkdir_with_parents (proofs, 0750) != 0)
    {
      set_proof_error (error, proofs, g_strerror (errno));
      return FALSE;
    }

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_hash_table_iter_init (&iter, copies);
      while (g_hash_table_iter_next (&iter, &from, &to))
        {
          g_autofree char *source = g_build_filename (path, from, NULL);
          g_autofree char *target = g_build_filename (folder, to, NULL);
          g_autoptr(GFile) source_file = g_file_new_for_path (source);
          g_autoptr(GFile) target_file = g_file_new_for_path (target);
          g_autoptr(GError) local = NULL;

          if (!g_file_copy (source_file, target_file, G_FILE_COPY_OVERWRITE, cancellable, NULL,
                            NULL, &local))
            {
              if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED))
                g_propagate_error (error, g_steal_pointer (&local));
              else
                set_proof_error (error, source, local->message);
              return FALSE;
            }
        }
      return TRUE;
    }

  /* A zip: its proofs, written out while it streams past. */
  zip = archive_read_new ();
  archive_read_support_format_zip (zip);
  if (archive_read_open_filename (zip, path, ZIP_BLOCK) != ARCHIVE_OK)
    {
      set_proof_error (error, path, archive_error_string (zip));
      archive_read_free (zip);
      return FALSE;
    }
  while ((rc = archive_read_next_header (zip, &entry)) == ARCHIVE_OK)
    {
      const char *stored = g_hash_table_lookup (copies, archive_entry_pathname (entry));
      g_autofree char *target = NULL;
      g_autoptr(GFile) target_file = NULL;
      g_autoptr(GFileOutputStream) out = NULL;
      g_autoptr(GError) local = NULL;
      char block[16384];
      la_ssize_t n = 0;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          archive_read_free (zip);
          return FALSE;
        }
      if (stored == NULL)
        {
          archive_read_data_skip (zip);
          continue;
        }
      target = g_build_filename (folder, stored, NULL);
      target_file = g_file_new_for_path (target);
      out = g_file_replace (target_file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &local);
      while (out != NULL && (n = archive_read_data (zip, block, sizeof block)) > 0)
        if (!g_output_stream_write_all (G_OUTPUT_STREAM (out), block, (gsize)n, NULL, NULL, &local))
          break;
      if (local == NULL && n < 0)
        g_set_error_literal (&local, G_IO_ERROR, G_IO_ERROR_FAILED, archive_error_string (zip));
      if (local == NULL)
        g_output_stream_close (G_OUTPUT_STREAM (out), NULL, &local);
      if (local != NULL)
        {
          set_proof_error (error, archive_entry_pathname (entry), local->message);
          archive_read_free (zip);
          return FALSE;
        }
    }
  if (rc != ARCHIVE_EOF)
    {
      set_proof_error (error, path, archive_error_string (zip));
      archive_read_free (zip);
      return FALSE;
    }
  archive_read_free (zip);

  return TRUE;
}

/* warta_export_import(), with @cancellable looked at between steps. */
static gboolean
import_export (WartaDatabase  *database,
               const char     *folder,
               GCancellable   *cancellable,
               guint          *out_n_imported,
               GError        **error)
{
  g_autofree char *path = g_build_filename (folder, "manifest.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) dossiers = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) records = g_ptr_array_new ();
  g_autoptr(GArray) anchor_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) anchor_hashes = g_ptr_array_new ();
  g_autoptr(GHashTable) copies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *database_folder = NULL;
  JsonNode *root;
  JsonObject *manifest;
  JsonArray *publications;
  JsonArray *files;

  if (g_file_test (folder, G_FILE_TEST_IS_REGULAR))
    {
      if (!zip_read_manifest (parser, folder, error))
        return FALSE;
    }
  else
    {
      g_autofree char *text = NULL;
      gsize length = 0;

      if (!g_file_get_contents (path, &text, &length, NULL))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("“%s” is not a Warta export. Choose the folder that holds manifest.json."),
                       folder);
          return FALSE;
        }
      if (!load_manifest_data (parser, folder, text, length, error))
        return FALSE;
    }

  root = json_parser_get_root (parser);
  manifest = root != NULL && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  if (manifest == NULL ||
      g_strcmp0 (member_str (manifest, "format"), WARTA_EXPORT_FORMAT) != 0 ||
      !json_object_has_member (manifest, "publications"))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” is not a Warta export. Choose the folder that holds manifest.json."), folder);
      return FALSE;
    }
  if (!holds_int (json_object_get_member (manifest, "version")))
    {
      set_damaged_error (error, folder, NULL);
      return FALSE;
    }
  if (json_object_get_int_member (manifest, "version") > WARTA_EXPORT_VERSION)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("“%s” was exported by a newer Warta. Update Warta to import it."), folder);
      return FALSE;
    }
  if (!holds_objects (json_object_get_member (manifest, "publications")))
    {
      set_damaged_error (error, folder, NULL);
      return FALSE;
    }

  /* The proofs first, where the records will say they are. */
  publications = json_object_get_array_member (manifest, "publications");
  files = json_object_has_member (manifest, "files")
          ? json_object_get_array_member (manifest, "files") : NULL;
  for (guint i = 0; i < json_array_get_length (publications); i++)
    {
      WartaDossier *dossier =
        warta_dossier_new_from_json (json_array_get_object_element (publications, i), error);

      if (dossier == NULL)
        return FALSE;
      plan_proof_copies (warta_dossier_get_records (dossier), warta_dossier_get_id (dossier), files,
                         copies);
      g_ptr_array_add (dossiers, dossier);
      g_ptr_array_add (records, warta_dossier_get_records (dossier));
    }
  if (!read_anchors (manifest, anchor_ids, anchor_hashes, error))
    return FALSE;
  database_folder = g_path_get_dirname (warta_database_get_path (database));
  if (!copy_proofs (folder, copies, database_folder, cancellable, error))
    return FALSE;

  if (!warta_archive_repository_import (database, records,
                                        (const gint64 *)(gpointer)anchor_ids->data,
                                        (const char * const *)anchor_hashes->pdata,
                                        anchor_ids->len, cancellable, error))
    return FALSE;

  if (out_n_imported != NULL)
    *out_n_imported = json_array_get_length (publications);
  return TRUE;
}

/**
 * warta_export_import:
 * @database: a new, empty database
 * @folder: an export's folder, or an export zip file
 * @out_n_imported: (out) (optional): how many publications
 * @error: where to put an error
 *
 * Writes the publications' records into @database, with the targets that
 * went out and their results, in one transaction; the screenshots of the
 * targets published by hand are copied into the database's folder
 * (warta-files/proofs/) first.
 */
gboolean
warta_export_import (WartaDatabase  *database,
                     const char     *folder,
                     guint          *out_n_imported,
                     GError        **error)
{
  g_return_val_if_fail (WARTA_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (folder != NULL, FALSE);

  return import_export (database, folder, NULL, out_n_imported, error);
}

/* @database's connection belongs to the main thread: the worker imports
 * through a connection of its own, which it closes before it returns. */
static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  g_autoptr(WartaDatabase) writer = NULL;
  GError *error = NULL;
  guint n = 0;

  writer = warta_database_open_for_worker (source_object, &error);
  if (writer == NULL || !import_export (writer, task_data, cancellable, &n, &error))
    {
      g_clear_object (&writer);
      g_task_return_error (task, error);
      return;
    }

  g_clear_object (&writer);
  g_task_return_int (task, n);
}

/**
 * warta_export_import_async:
 * @database: a new, empty database
 * @folder: an export's folder, or an export zip file
 * @cancellable: (nullable): a #GCancellable; a cancelled import leaves
 *   @database as it was
 * @callback: called on the caller's thread-default main context
 * @user_data: for @callback
 *
 * Makes the import warta_export_import() makes, in a worker thread.
 * @database sees the imported records once
 * warta_export_import_finish() returned.
 */
void
warta_export_import_async (WartaDatabase       *database,
                           const char          *folder,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (WARTA_IS_DATABASE (database));
  g_return_if_fail (folder != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (database, cancellable, callback, user_data);
  g_task_set_source_tag (task, warta_export_import_async);
  g_task_set_task_data (task, g_strdup (folder), g_free);
  g_task_run_in_thread (task, import_thread);
}

gboolean
warta_export_import_finish (WartaDatabase  *database,
                            GAsyncResult   *result,
                            guint          *out_n_imported,
                            GError        **error)
{
  gssize n;

  g_return_val_if_fail (g_task_is_valid (result, database), FALSE);

  n = g_task_propagate_int (G_TASK (result), error);
  if (n < 0)
    return FALSE;

  /* The worker's commit, told now rather than at the next poll. */
  warta_database_check_changes (database);
  if (out_n_imported != NULL)
    *out_n_imported = (guint)n;
  return TRUE;
}
