/* test-diff.c: word diffs of texts and of revisions
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Vectors in the "[-deleted-]{+inserted+}" notation of git's word diff,
 * Indonesian news text first; every result is also put back together
 * (equal + deleted gives the old text, equal + inserted the new one); long
 * texts must finish in bounded time.
 */
#include "config.h"

#include <string.h>

#include "warta-diff.h"

static char *
rebuild (GPtrArray   *runs,
         WartaDiffOp  skip)
{
  GString *str = g_string_new (NULL);

  for (guint i = 0; i < runs->len; i++)
    {
      WartaDiffRun *run = g_ptr_array_index (runs, i);

      if (run->op != skip)
        g_string_append (str, run->text);
    }

  return g_string_free (str, FALSE);
}

static void
assert_round_trip (const char *old_text,
                   const char *new_text,
                   GPtrArray  *runs)
{
  g_autofree char *old_nfc = g_utf8_normalize (old_text ? old_text : "", -1, G_NORMALIZE_NFC);
  g_autofree char *new_nfc = g_utf8_normalize (new_text ? new_text : "", -1, G_NORMALIZE_NFC);
  g_autofree char *old_back = rebuild (runs, WARTA_DIFF_INSERT);
  g_autofree char *new_back = rebuild (runs, WARTA_DIFF_DELETE);

  g_assert_cmpstr (old_back, ==, old_nfc);
  g_assert_cmpstr (new_back, ==, new_nfc);

  /* No empty run, no two neighbours of the same kind, deletion first. */
  for (guint i = 0; i < runs->len; i++)
    {
      WartaDiffRun *run = g_ptr_array_index (runs, i);

      g_assert_cmpuint (strlen (run->text), >, 0);
      if (i > 0)
        {
          WartaDiffRun *prev = g_ptr_array_index (runs, i - 1);

          g_assert_cmpint (prev->op, !=, run->op);
          g_assert_false (prev->op == WARTA_DIFF_INSERT && run->op == WARTA_DIFF_DELETE);
        }
    }
}

static void
check (const char *old_text,
       const char *new_text,
       const char *expected)
{
  g_autoptr(GPtrArray) runs = warta_diff_words (old_text, new_text);
  g_autofree char *formatted = warta_diff_format (runs);

  g_assert_cmpstr (formatted, ==, expected);
  assert_round_trip (old_text, new_text, runs);
}

static void
test_vectors (void)
{
  /* A stretch of changed words reads as one replacement. */
  check ("Rapat koordinasi pengawasan", "Rapat evaluasi kinerja",
         "Rapat [-koordinasi pengawasan-]{+evaluasi kinerja+}");
  check ("Inspektur membuka rapat.", "Inspektur Provinsi membuka rapat.",
         "Inspektur {+Provinsi +}membuka rapat.");
  check ("Inspektur Provinsi membuka rapat.", "Inspektur membuka rapat.",
         "Inspektur [-Provinsi -]membuka rapat.");
  check ("Inspektur Provinsi Kalimantan Tengah membuka rapat.",
         "Inspektur Provinsi Kalteng, Dr. H. Saring, membuka rapat.",
         "Inspektur Provinsi [-Kalimantan Tengah-]{+Kalteng, Dr. H. Saring,+} membuka rapat.");
  /* Punctuation is a word of its own, but not inside a number or a word. */
  check ("Jum'at pukul 09.00", "Jum'at pukul 09.30", "Jum'at pukul [-09.00-]{+09.30+}");
  check ("Rapat, Senin.", "Rapat; Senin!", "Rapat[-,-]{+;+} Senin[-.-]{+!+}");
  /* Unchanged words between changes stay unchanged. */
  check ("Kegiatan dibuka pukul 09.00 WIB di Aula", "Kegiatan ditutup pukul 11.30 WIB di Aula Utama",
         "Kegiatan [-dibuka-]{+ditutup+} pukul [-09.00-]{+11.30+} WIB di Aula{+ Utama+}");
  /* Words, not letters. */
  check ("pengawasan", "pengawasannya", "[-pengawasan-]{+pengawasannya+}");
  /* Line breaks are white space too. */
  check ("Paragraf satu.\n\nParagraf dua.", "Paragraf satu.\n\nParagraf tiga.",
         "Paragraf satu.\n\nParagraf [-dua-]{+tiga+}.");
  /* Reordered words: one side moves, as a reader expects. */
  check ("Saring Dr. H.", "Dr. H. Saring", "[-Saring -]Dr. H.{+ Saring+}");
  check ("sama", "sama", "sama");
}

static void
test_empty (void)
{
  g_autoptr(GPtrArray) none = warta_diff_words (NULL, NULL);
  g_autoptr(GPtrArray) blank = warta_diff_words ("", "");

  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpuint (blank->len, ==, 0);
  g_assert_false (warta_diff_has_changes (none));

  check ("", "Bupati hadir.", "{+Bupati hadir.+}");
  check ("Bupati hadir.", "", "[-Bupati hadir.-]");
  check (NULL, "Bupati hadir.", "{+Bupati hadir.+}");
  check ("Bupati hadir.", NULL, "[-Bupati hadir.-]");
  check ("  ", "", "[-  -]");
}

static void
test_unicode (void)
{
  g_auto(GStrv) emoji = warta_diff_tokenize ("Keluarga 👨‍👩‍👧 hadir 👍🏽!");
  g_auto(GStrv) han = warta_diff_tokenize ("会议开始 OK");
  g_auto(GStrv) marks = warta_diff_tokenize ("cafe\xcc\x81 ok");
  const char * const emoji_expected[] = { "Keluarga", " ", "👨‍👩‍👧", " ", "hadir", " ", "👍🏽", "!", NULL };
  const char * const han_expected[] = { "会", "议", "开", "始", " ", "OK", NULL };

  g_assert_cmpstrv (emoji, emoji_expected);
  g_assert_cmpstrv (han, han_expected);
  /* A combining accent stays with its letter. */
  g_assert_cmpuint (g_strv_length (marks), ==, 3);
  g_assert_cmpstr (marks[0], ==, "cafe\xcc\x81");

  /* The same text in another Unicode form is no change. */
  check ("Kafe\xcc\x81 Tjilik Riwut", "Kaf\xc3\xa9 Tjilik Riwut", "Kaf\xc3\xa9 Tjilik Riwut");
  check ("Jalan 👍 bagus", "Jalan 👍🏽 bagus", "Jalan [-👍-]{+👍🏽+} bagus");
  check ("会议开始", "会议结束", "会议[-开始-]{+结束+}");
  check ("Ibu Nurul Ḥusna", "Ibu Nurul Husna", "Ibu Nurul [-Ḥusna-]{+Husna+}");
  /* Non-breaking and ideographic spaces are white space. */
  check ("Rp\xc2\xa0" "5.000", "Rp\xc2\xa0" "7.500", "Rp\xc2\xa0" "[-5.000-]{+7.500+}");
}

static void
test_random_round_trip (void)
{
  static const char * const words[] = {
    "rapat", "koordinasi", "Inspektur", "Provinsi", "Kalimantan", "Tengah", ",", ".", " ",
    "  ", "\n", "pengawasan", "Dr.", "H.", "Saring", "👍🏽", "é", "e\xcc\x81", "—", "2026",
  };

  for (guint round = 0; round < 500; round++)
    {
      g_autoptr(GString) a = g_string_new (NULL);
      g_autoptr(GString) b = g_string_new (NULL);
      guint na = g_test_rand_int_range (0, 60);
      guint nb = g_test_rand_int_range (0, 60);
      g_autoptr(GPtrArray) runs = NULL;

      for (guint i = 0; i < na; i++)
        g_string_append (a, words[g_test_rand_int_range (0, G_N_ELEMENTS (words))]);
      /* Mostly the same text with a few edits, sometimes another text. */
      if (round % 3 != 0)
        {
          g_auto(GStrv) tokens = warta_diff_tokenize (a->str);

          for (guint i = 0; tokens[i] != NULL; i++)
            {
              guint dice = g_test_rand_int_range (0, 10);

              if (dice == 0)
                continue;
              if (dice == 1)
                g_string_append (b, words[g_test_rand_int_range (0, G_N_ELEMENTS (words))]);
              g_string_append (b, tokens[i]);
            }
        }
      else
        for (guint i = 0; i < nb; i++)
          g_string_append (b, words[g_test_rand_int_range (0, G_N_ELEMENTS (words))]);

      runs = warta_diff_words (a->str, b->str);
      assert_round_trip (a->str, b->str, runs);
      g_assert_true (warta_diff_has_changes (runs) == (strcmp (a->str, b->str) != 0) ||
                     /* the same text in another normal form */
                     !warta_diff_has_changes (runs));
    }
}

static char *
make_text (guint n_words,
           guint seed)
{
  GString *str = g_string_new (NULL);
  GRand *rand = g_rand_new_with_seed (seed);

  for (guint i = 0; i < n_words; i++)
    g_string_append_printf (str, "%skata%u", i > 0 ? " " : "", g_rand_int_range (rand, 0, 100000));
  g_rand_free (rand);

  return g_string_free (str, FALSE);
}

static void
test_large_few_changes (void)
{
  g_autofree char *old_text = make_text (100000, 1);
  g_autoptr(GString) new_text = g_string_new (old_text);
  g_autoptr(GPtrArray) runs = NULL;
  gint64 start = g_get_monotonic_time ();
  guint n_deleted = 0, n_inserted = 0;

  /* Ten edits spread over 100,000 words. */
  for (guint i = 0; i < 10; i++)
    {
      gsize at = (new_text->len / 10) * i + 50;

      while (new_text->str[at] != ' ')
        at++;
      g_string_insert (new_text, at, " TAMBAHAN");
    }

  runs = warta_diff_words (old_text, new_text->str);
  g_test_message ("100,000 words, 10 insertions: %.3f s",
                  (g_get_monotonic_time () - start) / (double)G_USEC_PER_SEC);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
  assert_round_trip (old_text, new_text->str, runs);

  for (guint i = 0; i < runs->len; i++)
    {
      WartaDiffRun *run = g_ptr_array_index (runs, i);

      if (run->op == WARTA_DIFF_DELETE)
        n_deleted++;
      else if (run->op == WARTA_DIFF_INSERT)
        {
          g_autofree char *word = g_strstrip (g_strdup (run->text));

          /* " TAMBAHAN" after a word or "TAMBAHAN " before the next. */
          n_inserted++;
          g_assert_cmpstr (word, ==, "TAMBAHAN");
        }
    }
  g_assert_cmpuint (n_deleted, ==, 0);
  g_assert_cmpuint (n_inserted, ==, 10);
}

static void
test_large_unrelated (void)
{
  g_autofree char *old_text = make_text (200000, 2);
  g_autofree char *new_text = make_text (200000, 3);
  g_autoptr(GPtrArray) runs = NULL;
  gint64 start = g_get_monotonic_time ();

  /* Two unrelated long texts: the search gives up in bounded time. */
  runs = warta_diff_words (old_text, new_text);
  g_test_message ("200,000 against 200,000 unrelated words: %.3f s",
                  (g_get_monotonic_time () - start) / (double)G_USEC_PER_SEC);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
  assert_round_trip (old_text, new_text, runs);
  g_assert_true (warta_diff_has_changes (runs));
}

static void
test_large_many_changes (void)
{
  g_autofree char *old_text = make_text (20000, 4);
  g_auto(GStrv) tokens = warta_diff_tokenize (old_text);
  g_autoptr(GString) new_text = g_string_new (NULL);
  g_autoptr(GPtrArray) runs = NULL;
  gint64 start = g_get_monotonic_time ();

  /* Every seventh word changed: more edits than the search allows, so the
   * answer is coarse, but it comes at once and is still right. */
  for (guint i = 0; tokens[i] != NULL; i++)
    g_string_append (new_text, i % 14 == 0 ? "ganti" : tokens[i]);

  runs = warta_diff_words (old_text, new_text->str);
  g_test_message ("20,000 words, every seventh changed: %.3f s",
                  (g_get_monotonic_time () - start) / (double)G_USEC_PER_SEC);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
  assert_round_trip (old_text, new_text->str, runs);
}

static WartaMediaItem *
media (const char *sha256,
       const char *alt_text)
{
  WartaMediaItem *item = warta_media_item_new ();
  g_autofree char *path = g_strdup_printf ("/foto/%s.jpg", sha256);

  warta_media_item_set_sha256 (item, sha256);
  warta_media_item_set_path (item, path);
  warta_media_item_set_kind (item, "image");
  warta_media_item_set_alt_text (item, alt_text);
  return item;
}

static void
add (WartaRevision *revision,
     const char    *sha256,
     const char    *alt_text)
{
  g_autoptr(WartaMediaItem) item = media (sha256, alt_text);

  warta_revision_add_media (revision, item);
}

static guint
count_media (WartaRevisionDiff *diff,
             WartaMediaChange   change,
             const char        *sha256)
{
  guint n = 0;

  for (guint i = 0; i < warta_revision_diff_get_n_media (diff); i++)
    {
      const WartaMediaDiff *m = warta_revision_diff_get_media (diff, i);

      if (m->change == change &&
          (sha256 == NULL || g_strcmp0 (warta_media_item_get_sha256 (m->item), sha256) == 0))
        n++;
    }

  return n;
}

static char *
field_text (WartaRevisionDiff *diff,
            const char        *field)
{
  const WartaFieldDiff *f = warta_revision_diff_find_field (diff, field);

  return f ? warta_diff_format (f->runs) : NULL;
}

static void
test_revisions (void)
{
  g_autoptr(WartaRevision) a = warta_revision_new ();
  g_autoptr(WartaRevision) b = warta_revision_new ();
  g_autoptr(WartaRevisionDiff) diff = NULL;
  g_autoptr(WartaRevisionDiff) same = NULL;
  g_autoptr(WartaRevisionDiff) first = NULL;
  g_autofree char *title = NULL;
  g_autofree char *who = NULL;
  g_autofree char *facebook = NULL;
  g_autofree char *x = NULL;
  g_autofree char *mastodon = NULL;
  g_autofree char *body = NULL;

  warta_revision_set_title (a, "Rapat Koordinasi");
  warta_revision_set_who (a, "Inspektur");
  warta_revision_set_where (a, "Aula");
  warta_revision_set_narrative (a, "Rapat berjalan lancar.");
  warta_revision_set_caption (a, "facebook", "Rapat koordinasi hari ini.");
  warta_revision_set_caption (a, "x", "Rapat hari ini.");
  add (a, "aaa", "Peserta rapat");
  add (a, "bbb", "Inspektur memberi sambutan");
  add (a, "ccc", "Foto bersama");
  add (a, "ddd", "Suasana rapat");

  warta_revision_set_title (b, "Rapat Koordinasi Pengawasan");
  warta_revision_set_who (b, "Dr. H. Saring, S.E., M.Si., Inspektur Provinsi");
  warta_revision_set_where (b, "Aula");
  warta_revision_set_narrative (b, "Rapat berjalan lancar.");
  warta_revision_set_caption (b, "facebook", "Rapat koordinasi pengawasan hari ini.");
  warta_revision_set_caption (b, "mastodon", "Rapat koordinasi.");
  warta_revision_set_caption (b, "shared", "Rapat koordinasi pengawasan.");
  warta_revision_set_article_body (b, "Berita lengkap.");
  /* ccc moves to the front, bbb goes, eee comes, ddd gets a new alt text. */
  add (b, "ccc", "Foto bersama");
  add (b, "aaa", "Peserta rapat");
  add (b, "ddd", "Suasana rapat di aula");
  add (b, "eee", "Penandatanganan");

  diff = warta_revision_diff_new (a, b);
  title = field_text (diff, "title");
  who = field_text (diff, "who");
  facebook = field_text (diff, "caption:facebook");
  x = field_text (diff, "caption:x");
  mastodon = field_text (diff, "caption:mastodon");
  body = field_text (diff, "article-body");

  g_assert_cmpstr (title, ==, "Rapat Koordinasi{+ Pengawasan+}");
  g_assert_cmpstr (who, ==, "{+Dr. H. Saring, S.E., M.Si., +}Inspektur{+ Provinsi+}");
  g_assert_cmpstr (facebook, ==, "Rapat koordinasi {+pengawasan +}hari ini.");
  g_assert_cmpstr (x, ==, "[-Rapat hari ini.-]");
  g_assert_cmpstr (mastodon, ==, "{+Rapat koordinasi.+}");
  g_assert_cmpstr (body, ==, "{+Berita lengkap.+}");
  g_assert_null (warta_revision_diff_find_field (diff, "where"));
  g_assert_null (warta_revision_diff_find_field (diff, "narrative"));
  g_assert_cmpuint (warta_revision_diff_get_n_fields (diff), ==, 7);
  /* In the order they are read: the activity, the shared text, the
   * platforms as the editor lists them, then the website. */
  {
    static const char *order[] = { "title", "who", "caption:shared", "caption:facebook",
                                   "caption:x", "caption:mastodon", "article-body" };

    for (guint i = 0; i < G_N_ELEMENTS (order); i++)
      g_assert_cmpstr (warta_revision_diff_get_field (diff, i)->field, ==, order[i]);
  }

  g_assert_cmpuint (count_media (diff, WARTA_MEDIA_CHANGE_REMOVED, "bbb"), ==, 1);
  g_assert_cmpuint (count_media (diff, WARTA_MEDIA_CHANGE_ADDED, "eee"), ==, 1);
  g_assert_cmpuint (count_media (diff, WARTA_MEDIA_CHANGE_MOVED, NULL), ==, 1);
  g_assert_cmpuint (count_media (diff, WARTA_MEDIA_CHANGE_MOVED, "ccc"), ==, 1);
  g_assert_cmpuint (count_media (diff, WARTA_MEDIA_CHANGE_DETAILS, NULL), ==, 1);
  g_assert_cmpuint (count_media (diff, WARTA_MEDIA_CHANGE_DETAILS, "ddd"), ==, 1);
  g_assert_cmpuint (warta_revision_diff_get_n_media (diff), ==, 4);
  for (guint i = 0; i < warta_revision_diff_get_n_media (diff); i++)
    {
      const WartaMediaDiff *m = warta_revision_diff_get_media (diff, i);

      if (m->change == WARTA_MEDIA_CHANGE_MOVED)
        {
          g_assert_cmpint (m->old_position, ==, 2);
          g_assert_cmpint (m->new_position, ==, 0);
        }
      else if (m->change == WARTA_MEDIA_CHANGE_REMOVED)
        g_assert_cmpint (m->new_position, ==, -1);
      else if (m->change == WARTA_MEDIA_CHANGE_ADDED)
        {
          g_assert_cmpint (m->old_position, ==, -1);
          g_assert_null (m->old_item);
        }
    }
  g_assert_false (warta_revision_diff_is_empty (diff));

  /* The same revision: nothing. */
  same = warta_revision_diff_new (b, b);
  g_assert_true (warta_revision_diff_is_empty (same));

  /* No earlier revision: every filled field is new. */
  first = warta_revision_diff_new (NULL, a);
  g_assert_nonnull (warta_revision_diff_find_field (first, "title"));
  g_assert_null (warta_revision_diff_find_field (first, "why"));
  g_assert_cmpuint (count_media (first, WARTA_MEDIA_CHANGE_ADDED, NULL), ==, 4);
}

static void
test_reorder_only (void)
{
  g_autoptr(WartaRevision) a = warta_revision_new ();
  g_autoptr(WartaRevision) b = warta_revision_new ();
  g_autoptr(WartaRevisionDiff) diff = NULL;
  const char * const order_a[] = { "1", "2", "3", "4", "5", "6" };
  const char * const order_b[] = { "6", "1", "2", "3", "5", "4" };

  for (guint i = 0; i < G_N_ELEMENTS (order_a); i++)
    add (a, order_a[i], "Foto");
  for (guint i = 0; i < G_N_ELEMENTS (order_b); i++)
    add (b, order_b[i], "Foto");

  /* The fewest moves: 6 to the front, 4 after 5 (or 5 before 4). */
  diff = warta_revision_diff_new (a, b);
  g_assert_cmpuint (warta_revision_diff_get_n_fields (diff), ==, 0);
  g_assert_cmpuint (count_media (diff, WARTA_MEDIA_CHANGE_MOVED, NULL), ==, 2);
  g_assert_cmpuint (count_media (diff, WARTA_MEDIA_CHANGE_MOVED, "6"), ==, 1);
  g_assert_cmpuint (count_media (diff, WARTA_MEDIA_CHANGE_ADDED, NULL), ==, 0);
  g_assert_cmpuint (count_media (diff, WARTA_MEDIA_CHANGE_REMOVED, NULL), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/warta/diff/vectors", test_vectors);
  g_test_add_func ("/warta/diff/empty", test_empty);
  g_test_add_func ("/warta/diff/unicode", test_unicode);
  g_test_add_func ("/warta/diff/random-round-trip", test_random_round_trip);
  g_test_add_func ("/warta/diff/large-few-changes", test_large_few_changes);
  g_test_add_func ("/warta/diff/large-unrelated", test_large_unrelated);
  g_test_add_func ("/warta/diff/large-many-changes", test_large_many_changes);
  g_test_add_func ("/warta/diff/revisions", test_revisions);
  g_test_add_func ("/warta/diff/media-reorder", test_reorder_only);

  return g_test_run ();
}
