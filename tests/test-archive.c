/* test-archive.c: full-text search, filters and the lazy archive model
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "warta-archive.h"
#include "warta-archive-item.h"
#include "warta-archive-model.h"
#include "warta-archive-repository-private.h"
#include "warta-event-log.h"
#include "warta-archive-test-util.h"

typedef ArchiveFixture Fixture;

static gint64 ids[8];

static void
add_note (Fixture          *f,
          WartaPublication *p,
          const char       *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WartaCorrectionNote) note = NULL;

  note = warta_publication_repository_add_note (f->repo, f->verifier, warta_publication_get_id (p),
                                                NULL, NULL, text, &error);
  g_assert_no_error (error);
}

/* Six published items and one still in step 2. */
static void
fill (Fixture *f)
{
  static const char *texts[][2] = {
    { "Rapat dengan Képala Dinas Pendidikan", "Pertemuan membahas dana BOS sekolah." },
    { "Inspektorat Provinsi menggelar audit kinerja", "Audit di Kabupaten Kapuas berjalan lancar." },
    { "Sosialisasi zona integritas", "Bersama kepala sekolah se-Kota Palangka Raya." },
    { "Apel pagi", "Inspektur memimpin apel: \"disiplin\" adalah kunci*." },
    { "Kunjungan kerja ke Kabupaten Katingan", "Rapat dengan camat dan kepala desa." },
    { "Bimbingan teknis SPIP", "Peserta dari dinas kesehatan." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(WartaRevision) draft = archive_make_draft (texts[i][0], texts[i][1]);
      g_autoptr(WartaPublication) p = NULL;

      if (i == 2)
        {
          warta_revision_set_category (draft, "on-request");
          warta_revision_set_caption (draft, "youtube-title", "Zona integritas");
        }
      p = archive_publish (f, draft, NULL);
      ids[i] = warta_publication_get_id (p);
      warta_clock_advance (f->clock, MINUTES (60));
    }

  {
    g_autoptr(WartaRevision) draft = archive_make_draft ("Rapat internal", "Belum selesai.");
    g_autoptr(GError) error = NULL;
    g_autoptr(WartaPublication) p = warta_publication_repository_create (f->repo, f->admin, draft, &error);

    g_assert_no_error (error);
    ids[6] = warta_publication_get_id (p);
  }
}

static GArray *
search_ids (Fixture                 *f,
            const WartaArchiveQuery *query)
{
  g_autoptr(WartaArchive) archive = warta_archive_new (f->db);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  GArray *found = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint count = 0;

  items = warta_archive_search (archive, query, 0, 100, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < items->len; i++)
    {
      gint64 id = warta_archive_item_get_id (items->pdata[i]);

      g_assert_true (warta_archive_item_get_loaded (items->pdata[i]));
      g_array_append_val (found, id);
    }

  g_assert_true (warta_archive_count (archive, query, &count, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, found->len);

  return found;
}

static GArray *
search_text (Fixture    *f,
             const char *text)
{
  g_autoptr(WartaArchiveQuery) query = warta_archive_query_new ();

  query->text = g_strdup (text);
  return search_ids (f, query);
}

/* @expected: indexes into ids[], newest first, -1 terminated */
static void
assert_finds (Fixture    *f,
              const char *text,
              const int  *expected)
{
  g_autoptr(GArray) found = search_text (f, text);
  guint n = 0;

  while (expected[n] >= 0)
    n++;

  if (found->len != n)
    g_error ("“%s”: %u results, expected %u", text, found->len, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (g_array_index (found, gint64, i), ==, ids[expected[i]]);
}

static void
test_build_match (void)
{
  static const struct {
    const char *text;
    const char *match;
  } cases[] = {
    { "kepala dinas", "\"kepala\"* \"dinas\"*" },
    { "  Képala\tDINAS ", "\"Képala\"* \"DINAS\"*" },
    { "\"", NULL },
    { "*", NULL },
    { "NEAR(", "\"NEAR\"*" },
    { "title:rapat", "\"title\"* \"rapat\"*" },
    { "a OR b NOT c", "\"a\"* \"OR\"* \"b\"* \"NOT\"* \"c\"*" },
    { "\"rapat", "\"rapat\"*" },
    { "se-Kota", "\"se\"* \"Kota\"*" },
    { "", NULL },
    { "() ^ - + :", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *match = warta_archive_build_match (cases[i].text);

      g_assert_cmpstr (match, ==, cases[i].match);
    }

  g_assert_null (warta_archive_build_match (NULL));
  {
    /* Decomposed input (e + combining acute) becomes one token. */
    g_autofree char *match = warta_archive_build_match ("Ke\xcc\x81pala");
    g_assert_cmpstr (match, ==, "\"Képala\"*");
  }
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  fill (f);

  /* Diacritics and case folded both ways. */
  assert_finds (f, "kepala dinas", (int[]) { 0, -1 });
  assert_finds (f, "KÉPALA DINAS", (int[]) { 0, -1 });
  assert_finds (f, "képala", (int[]) { 4, 2, 0, -1 });
  /* Prefixes. */
  assert_finds (f, "inspek", (int[]) { 5, 4, 3, 2, 1, 0, -1 });
  assert_finds (f, "inspektorat provinsi audit", (int[]) { 1, -1 });
  /* Several words: all of them. */
  assert_finds (f, "rapat kepala", (int[]) { 4, 2, 0, -1 });
  assert_finds (f, "rapat katingan", (int[]) { 4, -1 });
  assert_finds (f, "rapat zzz", (int[]) { -1 });
  /* Names (who, people) are searched too. */
  assert_finds (f, "budi santoso", (int[]) { 5, 4, 3, 2, 1, 0, -1 });
  /* Input that would be FTS5 syntax is plain text. */
  assert_finds (f, "\"", (int[]) { 5, 4, 3, 2, 1, 0, -1 });
  assert_finds (f, "*", (int[]) { 5, 4, 3, 2, 1, 0, -1 });
  assert_finds (f, "NEAR(", (int[]) { -1 });
  assert_finds (f, "NEAR(rapat", (int[]) { -1 });
  assert_finds (f, "\"disiplin\"", (int[]) { 3, -1 });
  assert_finds (f, "kunci*", (int[]) { 3, -1 });
  assert_finds (f, "title:apel", (int[]) { -1 });
  assert_finds (f, "apel OR audit", (int[]) { -1 });
  assert_finds (f, "(apel)", (int[]) { 3, -1 });
  assert_finds (f, "apel -pagi", (int[]) { 3, -1 });
  assert_finds (f, "'; DROP TABLE publications; --", (int[]) { -1 });
}

static void
test_index_follows_changes (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(WartaRevision) draft = archive_make_draft ("Rapat anggaran", "Membahas belanja modal.");
  g_autoptr(WartaRevision) current = NULL;
  g_autoptr(WartaRevision) next = NULL;
  g_autoptr(WartaPublication) p = NULL;
  g_autoptr(WartaPublication) q = NULL;
  g_autoptr(WartaArchiveQuery) query = warta_archive_query_new ();
  g_autoptr(GArray) found = NULL;
  g_autoptr(GError) error = NULL;

  query->states = 0;
  p = warta_publication_repository_create (f->repo, f->officer, draft, &error);
  g_assert_no_error (error);
  ids[0] = warta_publication_get_id (p);

  query->text = g_strdup ("belanja");
  found = search_ids (f, query);
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_array_unref);

  /* A new revision replaces the indexed text. */
  current = warta_publication_repository_get_revision (f->repo,
                                                       warta_publication_get_current_revision_id (p),
                                                       &error);
  next = warta_revision_new_draft (current);
  warta_revision_set_narrative (next, "Membahas pendapatan asli daerah.");
  q = warta_publication_repository_save_revision (f->repo, f->officer, warta_publication_get_id (p),
                                                  warta_publication_get_version (p), next, &error);
  g_assert_no_error (error);
  found = search_ids (f, query);
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_array_unref);

  g_free (query->text);
  query->text = g_strdup ("pendapatan asli");
  found = search_ids (f, query);
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_array_unref);

  /* Correction notes are searched too. */
  q = archive_move (f, f->officer, g_steal_pointer (&q), WARTA_ACTION_SUBMIT, WARTA_STATE_PROCESSING, 1);
  q = archive_move (f, f->admin, g_steal_pointer (&q), WARTA_ACTION_SUBMIT, WARTA_STATE_VERIFYING, 1);
  add_note (f, q, "Gelar akademik narasumber belum lengkap");
  g_free (query->text);
  query->text = g_strdup ("akademik");
  found = search_ids (f, query);
  g_assert_cmpuint (found->len, ==, 1);
}

static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(WartaArchiveQuery) query = warta_archive_query_new ();
  g_autoptr(GArray) found = NULL;
  g_autoptr(GError) error = NULL;

  fill (f);

  /* The archive shows finished publications by default. */
  found = search_ids (f, query);
  g_assert_cmpuint (found->len, ==, 6);
  g_clear_pointer (&found, g_array_unref);

  query->states = 0;
  found = search_ids (f, query);
  g_assert_cmpuint (found->len, ==, 7);
  g_assert_cmpint (g_array_index (found, gint64, 0), ==, ids[6]);
  g_clear_pointer (&found, g_array_unref);

  query->states = 1u << WARTA_STATE_DOCUMENTING;
  found = search_ids (f, query);
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_array_unref);
  query->states = WARTA_ARCHIVE_STATES_DEFAULT;

  query->category = g_strdup ("on-request");
  found = search_ids (f, query);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpint (g_array_index (found, gint64, 0), ==, ids[2]);
  g_clear_pointer (&found, g_array_unref);
  g_clear_pointer (&query->category, g_free);

  /* Platforms: see test_platform_filter (). */

  /* Dates: each publication took 25 minutes, then an hour passed. */
  query->from_us = T0 + MINUTES (85);
  query->to_us = T0 + MINUTES (85 * 3);
  found = search_ids (f, query);
  g_assert_cmpuint (found->len, ==, 2);
  g_assert_cmpint (g_array_index (found, gint64, 0), ==, ids[2]);
  g_assert_cmpint (g_array_index (found, gint64, 1), ==, ids[1]);
  g_clear_pointer (&found, g_array_unref);
  query->from_us = query->to_us = 0;

  /* A person: someone who acted on it. */
  query->person_id = warta_user_get_id (f->verifier);
  found = search_ids (f, query);
  g_assert_cmpuint (found->len, ==, 6);
  g_clear_pointer (&found, g_array_unref);
  query->person_id = warta_user_get_id (f->sysadmin);
  found = search_ids (f, query);
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_array_unref);
  query->person_id = 0;

  /* A unit from the register. */
  g_assert_true (warta_archive_repository_set_unit (f->db, ids[3], "Irban Wilayah II", &error));
  g_assert_no_error (error);
  query->unit = g_strdup ("Irban Wilayah II");
  found = search_ids (f, query);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpint (g_array_index (found, gint64, 0), ==, ids[3]);
  g_clear_pointer (&found, g_array_unref);
  g_clear_pointer (&query->unit, g_free);

  /* Text and filters together. */
  query->text = g_strdup ("rapat");
  query->category = g_strdup ("periodic");
  found = search_ids (f, query);
  g_assert_cmpuint (found->len, ==, 5);
  g_clear_pointer (&found, g_array_unref);

  /* Relevance: a title match first, whatever its age. */
  g_free (query->text);
  g_clear_pointer (&query->category, g_free);
  query->text = g_strdup ("audit");
  query->relevance = TRUE;
  found = search_ids (f, query);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpint (g_array_index (found, gint64, 0), ==, ids[1]);
  g_clear_pointer (&found, g_array_unref);
  g_free (query->text);
  query->text = g_strdup ("kepala");
  found = search_ids (f, query);
  g_assert_cmpuint (found->len, ==, 3);
  g_assert_cmpint (g_array_index (found, gint64, 0), ==, ids[0]);
}

/* Steps 1 to 5 of a publication created earlier, @minutes in each. */
static WartaPublication *
walk_to_published (Fixture          *f,
                   WartaPublication *p,
                   guint             minutes)
{
  gboolean ticked[WARTA_N_CHECKS] = { TRUE, TRUE, TRUE, TRUE, TRUE, TRUE };
  g_autoptr(GError) error = NULL;

  p = archive_move (f, f->officer, p, WARTA_ACTION_SUBMIT, WARTA_STATE_PROCESSING, minutes);
  p = archive_move (f, f->admin, p, WARTA_ACTION_SUBMIT, WARTA_STATE_VERIFYING, minutes);
  g_assert_true (warta_publication_repository_save_checklist (f->repo, f->verifier,
                                                              warta_publication_get_id (p),
                                                              ticked, NULL, &error));
  g_assert_no_error (error);
  p = archive_move (f, f->verifier, p, WARTA_ACTION_FORWARD, WARTA_STATE_APPROVING, minutes);
  p = archive_move (f, f->approver, p, WARTA_ACTION_APPROVE, WARTA_STATE_APPROVED, minutes);
  p = archive_move (f, f->admin, p, WARTA_ACTION_START_PUBLISHING, WARTA_STATE_PUBLISHING, 1);
  p = archive_move (f, f->admin, p, WARTA_ACTION_FINISH, WARTA_STATE_PUBLISHED, minutes);

  return p;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *)a, y = *(const gint64 *)b;

  return x < y ? -1 : x > y;
}

/* Publications published in another order than they were created: a
 * range of publishing dates finds exactly those whose publishing time the
 * test itself noted inside it, and never one still in the workflow. */
/* memcmp() on an empty GArray's NULL data is undefined, even for 0 bytes. */
static gboolean
same_ids (GArray *a,
          GArray *b)
{
  return a->len == b->len &&
         (a->len == 0 || memcmp (a->data, b->data, a->len * sizeof (gint64)) == 0);
}

static void
test_published_range (Fixture       *f,
                      gconstpointer  data)
{
  enum { N = 5 };
  /* Created in this order; published in the order of order[]; the last
   * one never is. */
  static const guint order[] = { 3, 1, 0, 2 };
  static const guint minutes[] = { 7, 90, 3, 45 };
  WartaPublication *pubs[N] = { NULL };
  gint64 created[N], published[N] = { 0 };
  g_autoptr(GArray) bounds = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(WartaArchiveQuery) query = warta_archive_query_new ();
  gboolean differs_from_created = FALSE;
  guint n_checked = 0;

  for (guint i = 0; i < N; i++)
    {
      g_autofree char *title = g_strdup_printf ("Kegiatan %u", i + 1);
      g_autoptr(WartaRevision) draft = archive_make_draft (title, "Isi berita.");
      g_autoptr(GError) error = NULL;

      created[i] = warta_clock_now (f->clock);
      pubs[i] = warta_publication_repository_create (f->repo, f->officer, draft, &error);
      g_assert_no_error (error);
      warta_clock_advance (f->clock, MINUTES (10));
    }
  for (guint k = 0; k < G_N_ELEMENTS (order); k++)
    {
      guint i = order[k];

      pubs[i] = walk_to_published (f, pubs[i], minutes[k]);
      published[i] = warta_clock_now (f->clock);
      warta_clock_advance (f->clock, MINUTES (30));
    }

  /* Every boundary that matters, and one minute either side of it. */
  {
    gint64 zero = 0;

    g_array_append_val (bounds, zero);
  }
  for (guint i = 0; i < N; i++)
    for (int d = -1; d <= 1; d++)
      {
        gint64 a = created[i] + d * MINUTES (1);
        gint64 b = published[i] + d * MINUTES (1);

        g_array_append_val (bounds, a);
        if (published[i] != 0)
          g_array_append_val (bounds, b);
      }

  query->states = 0; /* any state: the filter alone must leave the unpublished one out */
  for (guint a = 0; a < bounds->len; a++)
    for (guint b = 0; b < bounds->len; b++)
      {
        gint64 from = g_array_index (bounds, gint64, a);
        gint64 to = g_array_index (bounds, gint64, b);
        g_autoptr(GArray) expected = g_array_new (FALSE, FALSE, sizeof (gint64));
        g_autoptr(GArray) by_creation = g_array_new (FALSE, FALSE, sizeof (gint64));
        g_autoptr(GArray) found = NULL;

        if (to != 0 && from >= to)
          continue;

        for (guint i = 0; i < N; i++)
          {
            gint64 id = warta_publication_get_id (pubs[i]);

            /* No bound at all is no date filter. */
            if ((from == 0 && to == 0) ||
                (published[i] != 0 && (from == 0 || published[i] >= from) &&
                 (to == 0 || published[i] < to)))
              g_array_append_val (expected, id);
            if ((from == 0 || created[i] >= from) && (to == 0 || created[i] < to))
              g_array_append_val (by_creation, id);
          }

        query->from_us = from;
        query->to_us = to;
        query->date = WARTA_ARCHIVE_DATE_PUBLISHED;
        found = search_ids (f, query);
        g_array_sort (found, compare_ids);
        if (!same_ids (found, expected))
          g_error ("published in [%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT "): %u found, %u expected",
                   from, to, found->len, expected->len);

        differs_from_created |= !same_ids (by_creation, expected);
        n_checked++;
      }

  /* The same ranges of creation dates would have found something else. */
  g_assert_true (differs_from_created);
  g_assert_cmpuint (n_checked, >, 100);

  /* The list shows the same publishing date. */
  {
    g_autoptr(WartaArchive) archive = warta_archive_new (f->db);
    g_autoptr(GPtrArray) items = NULL;
    g_autoptr(GError) error = NULL;

    query->from_us = query->to_us = 0;
    items = warta_archive_search (archive, query, 0, 100, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (items->len, ==, N);
    for (guint k = 0; k < items->len; k++)
      for (guint i = 0; i < N; i++)
        if (warta_archive_item_get_id (items->pdata[k]) == warta_publication_get_id (pubs[i]))
          g_assert_cmpint (warta_archive_item_get_published_at (items->pdata[k]), ==, published[i]);
  }

  for (guint i = 0; i < N; i++)
    g_object_unref (pubs[i]);
}

static void
search_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
wait_for (gboolean *flag)
{
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!*flag && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (*flag);
}

static void
on_loading_cb (WartaArchiveModel *model,
               GParamSpec        *pspec,
               gboolean          *done)
{
  if (!warta_archive_model_get_loading (model))
    *done = TRUE;
}

static void
on_loaded_cb (WartaArchiveItem *item,
              GParamSpec       *pspec,
              gboolean         *done)
{
  *done = warta_archive_item_get_loaded (item);
}

/* A row names the platforms the publication went to, by Warta or by
 * hand, not the captions it has (the shared text is no platform). */
static void
test_row_platforms (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(WartaRevision) draft = archive_make_draft ("Rapat koordinasi", "Membahas dana desa.");
  g_autoptr(WartaPublication) p = NULL;
  g_autoptr(GListModel) jobs = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;
  const char *platforms[] = { "x", "wordpress", NULL };
  WartaArchiveFilter filter = { 0 };

  warta_revision_set_caption (draft, "shared", "Rapat koordinasi hari ini.");
  warta_revision_set_caption (draft, "instagram", "Rapat koordinasi");
  p = archive_approve (f, draft, NULL);
  jobs = archive_start_publishing (f, p, platforms);
  for (guint i = 0; i < g_list_model_get_n_items (jobs); i++)
    {
      g_autoptr(WartaOutboxJob) job = g_list_model_get_item (jobs, i);

      warta_clock_advance (f->clock, MINUTES (5));
      archive_finish_target (f, job, i == 1 ? warta_clock_now (f->clock) - MINUTES (2) : 0);
    }

  rows = warta_archive_repository_search (f->db, &filter, 0, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (((WartaArchiveRow *)rows->pdata[0])->platforms, ==, "wordpress,x");
  names = warta_platforms_dup_display_names (((WartaArchiveRow *)rows->pdata[0])->platforms);
  g_assert_cmpstr (names, ==, "Website (WordPress), X");
}

/* Approves @draft and publishes it to @platforms, each target as
 * @outcomes says: 'w' sent by Warta, 'h' recorded by hand, 'f' failed. */
static gint64
publish_to (Fixture            *f,
            WartaRevision      *draft,
            const char * const *platforms,
            const char         *outcomes)
{
  g_autoptr(WartaPublication) p = archive_approve (f, draft, NULL);
  g_autoptr(GListModel) jobs = archive_start_publishing (f, p, platforms);

  for (guint i = 0; i < g_list_model_get_n_items (jobs); i++)
    {
      g_autoptr(WartaOutboxJob) job = g_list_model_get_item (jobs, i);

      warta_clock_advance (f->clock, MINUTES (5));
      if (outcomes[i] == 'f')
        archive_fail_target (f, job);
      else
        archive_finish_target (f, job,
                               outcomes[i] == 'h' ? warta_clock_now (f->clock) - MINUTES (1) : 0);
    }

  return warta_publication_get_id (p);
}

/* @expected: ids, newest first, 0 terminated. Each row found names
 * @platform among its platforms: the filter agrees with the rows. */
static void
assert_platform_finds (Fixture           *f,
                       WartaArchiveQuery *query,
                       const char        *platform,
                       const gint64      *expected)
{
  g_autoptr(WartaArchive) archive = warta_archive_new (f->db);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0, count = 0;

  while (expected[n] != 0)
    n++;

  g_free (query->platform);
  query->platform = g_strdup (platform);
  items = warta_archive_search (archive, query, 0, 100, &error);
  g_assert_no_error (error);
  if (items->len != n)
    g_error ("platform “%s”: %u publications, expected %u", platform, items->len, n);
  for (guint i = 0; i < n; i++)
    {
      const char *names = warta_archive_item_get_platforms (items->pdata[i]);
      g_auto(GStrv) platforms = g_strsplit (names, ",", -1);

      g_assert_cmpint (warta_archive_item_get_id (items->pdata[i]), ==, expected[i]);
      g_assert_true (g_strv_contains ((const char * const *)platforms, platform));
    }
  g_assert_true (warta_archive_count (archive, query, &count, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, n);
  g_clear_pointer (&query->platform, g_free);
}

/* A publication matches a platform it went to (a target done by Warta or
 * recorded by hand), as its row shows, whatever its captions say: a
 * caption is a platform planned, a failed target is no publication, and
 * a publication that went nowhere yet (a draft, one still publishing)
 * matches no platform at all. Every publication here has a Facebook
 * caption and none went to Facebook. */
static void
test_platform_filter (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(WartaArchiveQuery) query = warta_archive_query_new ();
  g_autoptr(WartaRevision) sent_draft = archive_make_draft ("Rapat evaluasi", "Instagram dan X.");
  g_autoptr(WartaRevision) partial_draft = archive_make_draft ("Apel siang", "Instagram saja.");
  g_autoptr(WartaRevision) waiting_draft = archive_make_draft ("Rapat persiapan", "Menunggu.");
  g_autoptr(WartaRevision) planned_draft = archive_make_draft ("Rapat rencana", "Direncanakan.");
  g_autoptr(WartaPublication) waiting = NULL, planned = NULL;
  g_autoptr(GListModel) waiting_jobs = NULL;
  g_autoptr(GError) error = NULL;
  const char *instagram_x[] = { "instagram", "x", NULL };
  const char *instagram_facebook[] = { "instagram", "facebook", NULL };
  gint64 sent_id, partial_id;

  fill (f);  /* published without targets; ids[2] has a YouTube title */

  /* Instagram by Warta, X by hand; captions for YouTube too. */
  warta_revision_set_caption (sent_draft, "instagram", "Rapat evaluasi");
  warta_revision_set_caption (sent_draft, "youtube-title", "Rapat evaluasi");
  sent_id = publish_to (f, sent_draft, instagram_x, "wh");

  /* Instagram went out, Facebook failed: partially published. */
  warta_revision_set_caption (partial_draft, "instagram", "Apel siang");
  partial_id = publish_to (f, partial_draft, instagram_facebook, "wf");
  {
    g_autoptr(WartaPublication) now = NULL;

    now = warta_publication_repository_get (f->repo, partial_id, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (warta_publication_get_state (now), ==, WARTA_STATE_PARTIALLY_PUBLISHED);
  }

  /* Waiting for Instagram, and only planned for it. */
  warta_revision_set_caption (waiting_draft, "instagram", "Rapat persiapan");
  waiting = archive_approve (f, waiting_draft, NULL);
  waiting_jobs = archive_start_publishing (f, waiting, (const char *[]) { "instagram", NULL });
  warta_revision_set_caption (planned_draft, "instagram", "Rapat rencana");
  planned = warta_publication_repository_create (f->repo, f->officer, planned_draft, &error);
  g_assert_no_error (error);

  /* Whatever the state, by default and in every state. */
  for (guint round = 0; round < 2; round++)
    {
      query->states = round == 0 ? WARTA_ARCHIVE_STATES_DEFAULT : 0;
      assert_platform_finds (f, query, "instagram", (const gint64[]) { partial_id, sent_id, 0 });
      assert_platform_finds (f, query, "x", (const gint64[]) { sent_id, 0 });
      assert_platform_finds (f, query, "facebook", (const gint64[]) { 0 });
      assert_platform_finds (f, query, "youtube", (const gint64[]) { 0 });
      assert_platform_finds (f, query, "wordpress", (const gint64[]) { 0 });
    }

  /* With words: the platform narrows the matches. */
  query->text = g_strdup ("evaluasi");
  assert_platform_finds (f, query, "instagram", (const gint64[]) { sent_id, 0 });
  query->relevance = TRUE;
  assert_platform_finds (f, query, "x", (const gint64[]) { sent_id, 0 });
  assert_platform_finds (f, query, "instagram%", (const gint64[]) { 0 });
}

static void
test_model (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(WartaArchive) archive = NULL;
  g_autoptr(WartaArchiveModel) model = NULL;
  g_autoptr(WartaArchiveQuery) query = warta_archive_query_new ();
  g_autoptr(WartaArchiveItem) first = NULL;
  g_autoptr(WartaArchiveItem) deep = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  gboolean done = FALSE;
  guint count = 0;

  archive_fixture_close (f);
  g_clear_object (&f->sysadmin);
  {
    g_autofree char *path = g_build_filename (f->dir, "warta.db", NULL);
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_unlink (path);
    g_unlink (wal);
    g_unlink (shm);
  }
  archive_fixture_open (f, f->dir);
  _warta_archive_sample_generate (f->db, 1500, T0, 7, &error);
  g_assert_no_error (error);

  archive = warta_archive_new (f->db);

  /* The worker's search equals the main thread's. */
  query->text = g_strdup ("rapat");
  warta_archive_search_async (archive, query, 0, 20, TRUE, 0, NULL, search_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  items = warta_archive_search_finish (archive, result, &count, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 20);
  {
    g_autoptr(GPtrArray) same = warta_archive_search (archive, query, 0, 20, &error);
    guint n = 0;

    g_assert_true (warta_archive_count (archive, query, &n, &error));
    g_assert_cmpuint (n, ==, count);
    for (guint i = 0; i < 20; i++)
      g_assert_cmpint (warta_archive_item_get_id (same->pdata[i]), ==,
                       warta_archive_item_get_id (items->pdata[i]));
  }

  query->states = 0;
  g_clear_pointer (&query->text, g_free);
  model = warta_archive_model_new (archive);
  g_signal_connect (model, "notify::loading", G_CALLBACK (on_loading_cb), &done);
  warta_archive_model_set_query (model, query);
  g_assert_true (warta_archive_model_get_loading (model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  wait_for (&done);
  g_assert_null (warta_archive_model_get_error (model));
  /* A bounded count first; the exact one follows and the list grows. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, WARTA_ARCHIVE_FIRST_COUNT);
  done = FALSE;
  {
    gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

    while (g_list_model_get_n_items (G_LIST_MODEL (model)) != 1500 && g_get_monotonic_time () < end)
      g_main_context_iteration (NULL, TRUE);
  }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1500);

  /* The first page came with the count; newest first. */
  first = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_true (warta_archive_item_get_loaded (first));
  g_assert_cmpint (warta_archive_item_get_id (first), ==, 1500);
  g_assert_cmpuint (warta_archive_model_get_n_loaded_pages (model), ==, 1);

  /* A deep row is a placeholder until its page arrives. */
  deep = g_list_model_get_item (G_LIST_MODEL (model), 555);
  g_assert_false (warta_archive_item_get_loaded (deep));
  done = FALSE;
  g_signal_connect (deep, "notify::loaded", G_CALLBACK (on_loaded_cb), &done);
  wait_for (&done);
  g_assert_cmpint (warta_archive_item_get_id (deep), ==, 1500 - 555);
  g_assert_nonnull (warta_archive_item_get_title (deep));
  g_assert_cmpuint (warta_archive_model_get_n_loaded_pages (model), ==, 2);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), 1500));

  /* The generated history is a valid chain, checked in the worker. */
  {
    gint64 broken = -1;

    g_clear_object (&result);
    warta_archive_verify_async (archive, NULL, search_cb, &result);
    while (result == NULL)
      g_main_context_iteration (NULL, TRUE);
    g_assert_true (warta_archive_verify_finish (archive, result, &broken, &error));
    g_assert_no_error (error);
    g_assert_cmpint (broken, ==, 0);
  }

  g_clear_object (&model);
  g_clear_object (&first);
  g_clear_object (&deep);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/warta/archive/build-match", test_build_match);
  g_test_add ("/warta/archive/search", Fixture, NULL,
              archive_fixture_set_up, test_search, archive_fixture_tear_down);
  g_test_add ("/warta/archive/index-follows-changes", Fixture, NULL,
              archive_fixture_set_up, test_index_follows_changes, archive_fixture_tear_down);
  g_test_add ("/warta/archive/filters", Fixture, NULL,
              archive_fixture_set_up, test_filters, archive_fixture_tear_down);
  g_test_add ("/warta/archive/published-range", Fixture, NULL,
              archive_fixture_set_up, test_published_range, archive_fixture_tear_down);
  g_test_add ("/warta/archive/platform-filter", Fixture, NULL,
              archive_fixture_set_up, test_platform_filter, archive_fixture_tear_down);
  g_test_add ("/warta/archive/row-platforms", Fixture, NULL,
              archive_fixture_set_up, test_row_platforms, archive_fixture_tear_down);
  g_test_add ("/warta/archive/model", Fixture, NULL,
              archive_fixture_set_up, test_model, archive_fixture_tear_down);

  return g_test_run ();
}
