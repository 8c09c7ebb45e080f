/* test-caption-rules.c: the counters count as each platform counts
 *
 * Vectors: twitter-text's conformance examples for the v3 weighted count
 * (emoji 2, CJK 2, a URL 23, NFC first), Mastodon's grapheme counting with
 * URLs as 23, TikTok's UTF-16 units, YouTube's bytes and forbidden
 * characters, Instagram's hashtag and mention caps.
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "warta-caption-rules.h"
#include "warta-media-rules.h"

static char *
repeat (const char *unit,
        guint       n)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append (s, unit);
  return g_string_free (s, FALSE);
}

typedef struct {
  const char *text;
  gint64      expected;
} Vector;

/* ---------------------------------------------------------------- X */

static void
test_x_weighted_vectors (void)
{
  static const Vector vectors[] = {
    { "", 0 },
    { "Hello world", 11 },
    { "Halo, Kabupaten Sleman!", 23 },
    /* twitter-text: "Count a mix of single byte single word, and double word
     * unicode characters" with emoji parsing: H 1, cat 2, smiley 2, family 2. */
    { "H\xf0\x9f\x90\xb1\xe2\x98\xba\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d"
      "\xf0\x9f\x91\xa7\xe2\x80\x8d\xf0\x9f\x91\xa6", 7 },
    /* CJK, kana, Hangul: 2 each */
    { "\xe6\x88\x91", 2 },
    { "\xe3\x81\x93\xe3\x82\x93\xe3\x81\xab\xe3\x81\xa1\xe3\x81\xaf", 10 },
    { "\xec\x95\x88\xeb\x85\x95", 4 },
    /* Emoji sequences: 2 as a whole */
    { "\xf0\x9f\x98\x80", 2 },                                   /* grinning face */
    { "\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd", 2 },                   /* thumbs up + tone */
    { "\xf0\x9f\x87\xae\xf0\x9f\x87\xa9", 2 },                   /* flag ID */
    { "#\xef\xb8\x8f\xe2\x83\xa3", 2 },                          /* keycap # */
    { "\xe2\x9d\xa4\xef\xb8\x8f", 2 },                           /* red heart + VS16 */
    { "\xf0\x9f\x8f\xb4\xf3\xa0\x81\xa7\xf3\xa0\x81\xa2\xf3\xa0\x81\xb3\xf3\xa0\x81\xa3"
      "\xf3\xa0\x81\xb4\xf3\xa0\x81\xbf", 2 },                   /* flag of Scotland (tags) */
    /* Light ranges: Latin-1, general punctuation 2010-201F and 2032-2037 */
    { "\xc2\xa9", 1 },                                           /* (c) without VS16 */
    { "\xe2\x80\x94", 1 },                                       /* em dash U+2014 */
    { "\xe2\x80\x9c\xe2\x80\x9d", 2 },                           /* quotes U+201C U+201D */
    { "\xe2\x80\xa6", 2 },                                       /* ellipsis U+2026: 2 */
    { "\xe2\x82\xac", 2 },                                       /* euro sign U+20AC: 2 */
    /* NFC first: e + combining acute is one é */
    { "e\xcc\x81", 1 },
    /* NFC composes Hangul jamo: U+1100 U+1161 -> U+AC00, one weight-2 char */
    { "\xe1\x84\x80\xe1\x85\xa1", 2 },
    /* URLs: 23 whatever their length */
    { "https://www.example.com/very/long/path/that/goes/on/and/on/and/on?x=1", 23 },
    { "http://t.co", 23 },
    { "example.com", 23 },
    { "Lihat kominfo.go.id untuk info", 6 + 23 + 11 },
    { "Buka https://slemankab.go.id/berita.", 5 + 23 + 1 },
    /* a two-label ccTLD domain needs a path to be a URL */
    { "warta.id", 8 },
    { "warta.id/berita", 23 },
    /* emails are not URLs */
    { "humas@example.com", 17 },
    { "https://example.com https://example.org", 23 + 1 + 23 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (vectors); i++)
    {
      gint64 n = warta_caption_count_x_weighted (vectors[i].text);

      if (n != vectors[i].expected)
        g_test_message ("vector %" G_GSIZE_FORMAT ": \"%s\" counts %" G_GINT64_FORMAT
                        ", expected %" G_GINT64_FORMAT, i, vectors[i].text, n,
                        vectors[i].expected);
      g_assert_cmpint (n, ==, vectors[i].expected);
    }
}

static void
test_x_limit (void)
{
  g_autofree char *a280 = repeat ("a", 280);
  g_autofree char *a281 = repeat ("a", 281);
  g_autofree char *cjk140 = repeat ("\xe6\x88\x91", 140);
  g_autofree char *cjk141 = repeat ("\xe6\x88\x91", 141);
  g_autofree char *emoji140 = repeat ("\xf0\x9f\x98\x80", 140);
  g_autofree char *url_text = NULL;
  g_autoptr(WartaCaptionResult) r = NULL;
  const WartaCaptionProblem *problem;

  r = warta_caption_check (WARTA_CAPTION_TARGET_X, a280);
  g_assert_cmpint (warta_caption_result_get_count (r), ==, 280);
  g_assert_cmpint (warta_caption_result_get_limit (r), ==, 280);
  g_assert_cmpuint (warta_caption_result_get_n_problems (r), ==, 0);
  g_assert_false (warta_caption_result_is_blocking (r));
  g_clear_pointer (&r, warta_caption_result_unref);

  r = warta_caption_check (WARTA_CAPTION_TARGET_X, a281);
  g_assert_cmpint (warta_caption_result_get_count (r), ==, 281);
  g_assert_true (warta_caption_result_has_problem (r, WARTA_CAPTION_RULE_TOO_LONG));
  g_assert_true (warta_caption_result_is_blocking (r));
  problem = warta_caption_result_get_problem (r, 0);
  g_assert_cmpint (problem->severity, ==, WARTA_CAPTION_SEVERITY_HARD);
  g_assert_nonnull (strstr (problem->message, "281"));
  g_assert_nonnull (strstr (problem->message, "280"));
  g_assert_nonnull (strstr (problem->message, "by 1"));
  g_clear_pointer (&r, warta_caption_result_unref);

  r = warta_caption_check (WARTA_CAPTION_TARGET_X, cjk140);
  g_assert_cmpint (warta_caption_result_get_count (r), ==, 280);
  g_assert_false (warta_caption_result_is_blocking (r));
  g_clear_pointer (&r, warta_caption_result_unref);

  r = warta_caption_check (WARTA_CAPTION_TARGET_X, cjk141);
  g_assert_cmpint (warta_caption_result_get_count (r), ==, 282);
  g_assert_true (warta_caption_result_is_blocking (r));
  g_clear_pointer (&r, warta_caption_result_unref);

  r = warta_caption_check (WARTA_CAPTION_TARGET_X, emoji140);
  g_assert_cmpint (warta_caption_result_get_count (r), ==, 280);
  g_assert_false (warta_caption_result_is_blocking (r));
  g_clear_pointer (&r, warta_caption_result_unref);

  /* 257 letters + a space + a 100-character URL = 257 + 1 + 23 = 281 */
  {
    g_autofree char *letters = repeat ("a", 257);
    g_autofree char *path = repeat ("p", 70);

    url_text = g_strdup_printf ("%s https://example.com/%s", letters, path);
  }
  r = warta_caption_check (WARTA_CAPTION_TARGET_X, url_text);
  g_assert_cmpint (warta_caption_result_get_count (r), ==, 281);
  g_assert_cmpuint (warta_caption_result_get_n_urls (r), ==, 1);
  g_assert_true (warta_caption_result_is_blocking (r));
  g_clear_pointer (&r, warta_caption_result_unref);

  /* twitter-text refuses a byte-order mark in the text */
  r = warta_caption_check (WARTA_CAPTION_TARGET_X, "halo\xef\xbb\xbf");
  g_assert_true (warta_caption_result_has_problem (r, WARTA_CAPTION_RULE_FORBIDDEN_CHARACTER));
  g_assert_true (warta_caption_result_is_blocking (r));
}

/* ---------------------------------------------------------- URLs */

static void
assert_urls (const char  *text,
             gboolean     bare,
             const char **expected)
{
  g_autoptr(GArray) urls = warta_caption_find_urls (text, bare);
  guint n = 0;

  while (expected[n] != NULL)
    n++;
  if (urls->len != n * 2)
    g_test_message ("\"%s\": %u URLs found, %u expected", text, urls->len / 2, n);
  g_assert_cmpuint (urls->len, ==, n * 2);
  for (guint i = 0; i < n; i++)
    {
      gsize start = g_array_index (urls, gsize, 2 * i);
      gsize end = g_array_index (urls, gsize, 2 * i + 1);
      g_autofree char *found = g_strndup (text + start, end - start);

      g_assert_cmpstr (found, ==, expected[i]);
    }
}

static void
test_urls (void)
{
  assert_urls ("Lihat https://id.wikipedia.org/wiki/Sleman_(kabupaten) dan example.org.", TRUE,
               (const char *[]) { "https://id.wikipedia.org/wiki/Sleman_(kabupaten)",
                                  "example.org", NULL });
  assert_urls ("(lihat https://example.com/x)", TRUE,
               (const char *[]) { "https://example.com/x", NULL });
  assert_urls ("https://example.com/?q=1&r=2.", TRUE,
               (const char *[]) { "https://example.com/?q=1&r=2", NULL });
  assert_urls ("Kunjungi www.slemankab.go.id, ya!", TRUE,
               (const char *[]) { "www.slemankab.go.id", NULL });
  assert_urls ("HTTPS://EXAMPLE.COM:8080/A", TRUE,
               (const char *[]) { "HTTPS://EXAMPLE.COM:8080/A", NULL });
  /* not URLs: after a letter, in an email, another scheme, no TLD */
  assert_urls ("xhttps://example.com humas@example.com ftp://example.com localhost", TRUE,
               (const char *[]) { NULL });
  assert_urls ("Nilai 3.14 dan dll.Ini", TRUE, (const char *[]) { NULL });
  /* Mastodon finds only http(s) URLs */
  assert_urls ("example.com dan https://joinmastodon.org", FALSE,
               (const char *[]) { "https://joinmastodon.org", NULL });
}

/* ---------------------------------------------------- graphemes */

static void
test_graphemes (void)
{
  static const Vector vectors[] = {
    { "", 0 },
    { "abc", 3 },
    { "\r\n", 1 },                                               /* GB3 */
    { "\n\r", 2 },
    { "e\xcc\x81", 1 },                                          /* combining acute */
    { "a\xcc\x81\xcc\xa3", 1 },                                  /* two marks */
    { "\xe1\x84\x80\xe1\x85\xa1\xe1\x86\xa8", 1 },               /* Hangul L V T */
    { "\xea\xb0\x81", 1 },                                       /* precomposed LVT */
    { "\xea\xb0\x80\xe1\x86\xa8", 1 },                           /* LV + T */
    { "\xe0\xb8\x81\xe0\xb8\xb3", 1 },                           /* Thai ko kai + sara am */
    { "\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7\xe2\x80\x8d"
      "\xf0\x9f\x91\xa6", 1 },                                   /* family ZWJ sequence */
    { "\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd", 1 },                   /* skin tone modifier */
    { "\xe2\x9d\xa4\xef\xb8\x8f", 1 },                           /* variation selector */
    { "\xf0\x9f\x87\xae\xf0\x9f\x87\xa9", 1 },                   /* one flag */
    { "\xf0\x9f\x87\xae\xf0\x9f\x87\xa9\xf0\x9f\x87\xaf\xf0\x9f\x87\xb5", 2 },  /* two flags */
    { "\xf0\x9f\x87\xae\xf0\x9f\x87\xa9\xf0\x9f\x87\xaf", 2 },   /* flag + lone RI */
    { "a\xe2\x80\x8d" "b", 2 },                                  /* ZWJ joins only pictographs */
    { "\xf0\x9f\x8f\xb4\xf3\xa0\x81\xa7\xf3\xa0\x81\xa2\xf3\xa0\x81\xb3\xf3\xa0\x81\xa3"
      "\xf3\xa0\x81\xb4\xf3\xa0\x81\xbf", 1 },                   /* tag sequence */
    { "\xd8\x80" "1", 1 },                                       /* Arabic number sign: prepend */
  };

  for (gsize i = 0; i < G_N_ELEMENTS (vectors); i++)
    {
      gint64 n = warta_caption_count_graphemes (vectors[i].text);

      if (n != vectors[i].expected)
        g_test_message ("vector %" G_GSIZE_FORMAT " counts %" G_GINT64_FORMAT
                        ", expected %" G_GINT64_FORMAT, i, n, vectors[i].expected);
      g_assert_cmpint (n, ==, vectors[i].expected);
    }

  /* The iterator's boundaries, not only the count. */
  {
    const char *text = "e\xcc\x81x";

    g_assert_cmpuint (warta_caption_next_grapheme (text, strlen (text), 0), ==, 3);
    g_assert_cmpuint (warta_caption_next_grapheme (text, strlen (text), 3), ==, 4);
  }
}

static void
test_mastodon (void)
{
  static const Vector vectors[] = {
    { "Halo Fediverse", 14 },
    { "\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7", 1 },
    { "https://joinmastodon.org/a/very/long/path/that/is/longer/than/twenty-three", 23 },
    { "Baca https://a.id", 5 + 23 },
    /* bare domains are not links for Mastodon: counted as written */
    { "example.com", 11 },
    /* @user@domain counts as @user */
    { "@alice@mastodon.social halo", 6 + 5 },
    { "@bob halo", 9 },
    { "e\xcc\x81", 1 },
  };
  g_autofree char *a500 = repeat ("a", 500);
  g_autofree char *a501 = repeat ("a", 501);
  g_autoptr(WartaCaptionResult) r = NULL;

  for (gsize i = 0; i < G_N_ELEMENTS (vectors); i++)
    {
      gint64 n = warta_caption_count_mastodon (vectors[i].text, 23);

      if (n != vectors[i].expected)
        g_test_message ("vector %" G_GSIZE_FORMAT " \"%s\" counts %" G_GINT64_FORMAT
                        ", expected %" G_GINT64_FORMAT, i, vectors[i].text, n,
                        vectors[i].expected);
      g_assert_cmpint (n, ==, vectors[i].expected);
    }

  r = warta_caption_check (WARTA_CAPTION_TARGET_MASTODON, a500);
  g_assert_false (warta_caption_result_is_blocking (r));
  g_clear_pointer (&r, warta_caption_result_unref);

  r = warta_caption_check (WARTA_CAPTION_TARGET_MASTODON, a501);
  g_assert_cmpint (warta_caption_result_get_limit (r), ==, 500);
  g_assert_true (warta_caption_result_has_problem (r, WARTA_CAPTION_RULE_TOO_LONG));
  g_clear_pointer (&r, warta_caption_result_unref);

  /* an instance with a larger limit */
  r = warta_caption_check_with_limit (WARTA_CAPTION_TARGET_MASTODON, a501, 1000);
  g_assert_cmpint (warta_caption_result_get_limit (r), ==, 1000);
  g_assert_false (warta_caption_result_is_blocking (r));
}

/* ------------------------------------------------------- TikTok */

static void
test_tiktok (void)
{
  g_autofree char *emoji1100 = repeat ("\xf0\x9f\x98\x80", 1100);
  g_autofree char *emoji1101 = repeat ("\xf0\x9f\x98\x80", 1101);
  g_autofree char *a91 = repeat ("a", 91);
  g_autoptr(WartaCaptionResult) r = NULL;

  g_assert_cmpint (warta_caption_count_utf16 ("a"), ==, 1);
  g_assert_cmpint (warta_caption_count_utf16 ("\xc3\xa9"), ==, 1);           /* é */
  g_assert_cmpint (warta_caption_count_utf16 ("\xe6\x88\x91"), ==, 1);       /* BMP CJK */
  g_assert_cmpint (warta_caption_count_utf16 ("\xf0\x9f\x98\x80"), ==, 2);   /* astral */

  r = warta_caption_check (WARTA_CAPTION_TARGET_TIKTOK_VIDEO, emoji1100);
  g_assert_cmpint (warta_caption_result_get_count (r), ==, 2200);
  g_assert_false (warta_caption_result_is_blocking (r));
  g_clear_pointer (&r, warta_caption_result_unref);

  r = warta_caption_check (WARTA_CAPTION_TARGET_TIKTOK_VIDEO, emoji1101);
  g_assert_cmpint (warta_caption_result_get_count (r), ==, 2202);
  g_assert_true (warta_caption_result_is_blocking (r));
  g_clear_pointer (&r, warta_caption_result_unref);

  r = warta_caption_check (WARTA_CAPTION_TARGET_TIKTOK_PHOTO_TITLE, a91);
  g_assert_cmpint (warta_caption_result_get_limit (r), ==, 90);
  g_assert_true (warta_caption_result_is_blocking (r));
  g_clear_pointer (&r, warta_caption_result_unref);

  r = warta_caption_check (WARTA_CAPTION_TARGET_TIKTOK_PHOTO_DESCRIPTION, a91);
  g_assert_cmpint (warta_caption_result_get_limit (r), ==, 4000);
  g_assert_false (warta_caption_result_is_blocking (r));
}

/* ------------------------------------------------------ YouTube */

static void
test_youtube (void)
{
  g_autofree char *e2500 = repeat ("\xc3\xa9", 2500);
  g_autofree char *e2501 = repeat ("\xc3\xa9", 2501);
  g_autofree char *e100 = repeat ("\xc3\xa9", 100);
  g_autofree char *e101 = repeat ("\xc3\xa9", 101);
  g_autoptr(WartaCaptionResult) r = NULL;
  const WartaCaptionProblem *problem;

  /* the description counts bytes: 2,500 é are 5,000 bytes */
  r = warta_caption_check (WARTA_CAPTION_TARGET_YOUTUBE_DESCRIPTION, e2500);
  g_assert_cmpint (warta_caption_result_get_count (r), ==, 5000);
  g_assert_false (warta_caption_result_is_blocking (r));
  g_clear_pointer (&r, warta_caption_result_unref);

  r = warta_caption_check (WARTA_CAPTION_TARGET_YOUTUBE_DESCRIPTION, e2501);
  g_assert_cmpint (warta_caption_result_get_count (r), ==, 5002);
  g_assert_true (warta_caption_result_has_problem (r, WARTA_CAPTION_RULE_TOO_LONG));
  problem = warta_caption_result_get_problem (r, 0);
  g_assert_nonnull (strstr (problem->message, "bytes"));
  g_clear_pointer (&r, warta_caption_result_unref);

  /* the title counts characters */
  r = warta_caption_check (WARTA_CAPTION_TARGET_YOUTUBE_TITLE, e100);
  g_assert_cmpint (warta_caption_result_get_count (r), ==, 100);
  g_assert_false (warta_caption_result_is_blocking (r));
  g_clear_pointer (&r, warta_caption_result_unref);

  r = warta_caption_check (WARTA_CAPTION_TARGET_YOUTUBE_TITLE, e101);
  g_assert_true (warta_caption_result_is_blocking (r));
  g_clear_pointer (&r, warta_caption_result_unref);

  /* < and > are refused in both */
  r = warta_caption_check (WARTA_CAPTION_TARGET_YOUTUBE_TITLE, "Rapat <penting>");
  g_assert_true (warta_caption_result_has_problem (r, WARTA_CAPTION_RULE_FORBIDDEN_CHARACTER));
  g_assert_true (warta_caption_result_is_blocking (r));
  problem = warta_caption_result_get_problem (r, 0);
  g_assert_nonnull (strstr (problem->message, "< >"));
  g_clear_pointer (&r, warta_caption_result_unref);

  r = warta_caption_check (WARTA_CAPTION_TARGET_YOUTUBE_DESCRIPTION, "a > b");
  g_assert_true (warta_caption_result_has_problem (r, WARTA_CAPTION_RULE_FORBIDDEN_CHARACTER));
  g_clear_pointer (&r, warta_caption_result_unref);

  /* the title is required */
  r = warta_caption_check (WARTA_CAPTION_TARGET_YOUTUBE_TITLE, "   ");
  g_assert_true (warta_caption_result_has_problem (r, WARTA_CAPTION_RULE_REQUIRED));
  g_assert_true (warta_caption_result_is_blocking (r));
  g_clear_pointer (&r, warta_caption_result_unref);

  r = warta_caption_check (WARTA_CAPTION_TARGET_YOUTUBE_DESCRIPTION, "");
  g_assert_cmpuint (warta_caption_result_get_n_problems (r), ==, 0);
}

/* ---------------------------------------------------- Instagram */

static void
test_hashtags_mentions (void)
{
  static const Vector hashtags[] = {
    { "#Sleman #PemiluDamai2024", 2 },
    { "#1 #2024", 0 },                                  /* digits only */
    { "a#b", 0 },                                       /* after a letter */
    { "#indonesia#bangga", 1 },
    { "#\xef\xb8\x8f\xe2\x83\xa3", 0 },                 /* keycap emoji */
    { "https://example.com/#anchor", 0 },               /* inside a URL */
    { "#g\xc3\xa9otag #\xe6\x96\xb0\xe9\x97\xbb", 2 },  /* non-ASCII letters */
    { "&#39;", 0 },
  };
  static const Vector mentions[] = {
    { "@kominfo @humas.sleman", 2 },
    { "humas@example.com", 0 },
    { "@", 0 },
    { "kata @ kata", 0 },
    { "(@pemkab_sleman).", 1 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (hashtags); i++)
    {
      guint n = warta_caption_count_hashtags (hashtags[i].text);

      if (n != hashtags[i].expected)
        g_test_message ("hashtags \"%s\": %u", hashtags[i].text, n);
      g_assert_cmpuint (n, ==, hashtags[i].expected);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (mentions); i++)
    {
      guint n = warta_caption_count_mentions (mentions[i].text);

      if (n != mentions[i].expected)
        g_test_message ("mentions \"%s\": %u", mentions[i].text, n);
      g_assert_cmpuint (n, ==, mentions[i].expected);
    }
}

static char *
numbered (const char *prefix,
          guint       n)
{
  GString *s = g_string_new ("Kegiatan hari ini");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, " %stag%u", prefix, i);
  return g_string_free (s, FALSE);
}

static void
test_instagram (void)
{
  g_autofree char *tags30 = numbered ("#", 30);
  g_autofree char *tags31 = numbered ("#", 31);
  g_autofree char *at20 = numbered ("@", 20);
  g_autofree char *at21 = numbered ("@", 21);
  g_autofree char *a2200 = repeat ("a", 2200);
  g_autofree char *a2201 = repeat ("a", 2201);
  g_autoptr(WartaCaptionResult) r = NULL;
  const WartaCaptionProblem *problem;

  r = warta_caption_check (WARTA_CAPTION_TARGET_INSTAGRAM, tags30);
  g_assert_cmpuint (warta_caption_result_get_n_hashtags (r), ==, 30);
  g_assert_false (warta_caption_result_is_blocking (r));
  g_clear_pointer (&r, warta_caption_result_unref);

  r = warta_caption_check (WARTA_CAPTION_TARGET_INSTAGRAM, tags31);
  g_assert_cmpuint (warta_caption_result_get_n_hashtags (r), ==, 31);
  g_assert_true (warta_caption_result_has_problem (r, WARTA_CAPTION_RULE_TOO_MANY_HASHTAGS));
  g_assert_true (warta_caption_result_is_blocking (r));
  problem = warta_caption_result_get_problem (r, 0);
  g_assert_nonnull (strstr (problem->message, "31"));
  g_assert_nonnull (strstr (problem->message, "Remove 1 hashtag."));
  g_clear_pointer (&r, warta_caption_result_unref);

  /* the same hashtags are fine on Facebook, which has no cap */
  r = warta_caption_check (WARTA_CAPTION_TARGET_FACEBOOK, tags31);
  g_assert_false (warta_caption_result_is_blocking (r));
  g_clear_pointer (&r, warta_caption_result_unref);

  r = warta_caption_check (WARTA_CAPTION_TARGET_INSTAGRAM, at20);
  g_assert_false (warta_caption_result_is_blocking (r));
  g_clear_pointer (&r, warta_caption_result_unref);

  r = warta_caption_check (WARTA_CAPTION_TARGET_INSTAGRAM, at21);
  g_assert_cmpuint (warta_caption_result_get_n_mentions (r), ==, 21);
  g_assert_true (warta_caption_result_has_problem (r, WARTA_CAPTION_RULE_TOO_MANY_MENTIONS));
  g_clear_pointer (&r, warta_caption_result_unref);

  r = warta_caption_check (WARTA_CAPTION_TARGET_INSTAGRAM, a2200);
  g_assert_false (warta_caption_result_is_blocking (r));
  g_clear_pointer (&r, warta_caption_result_unref);

  r = warta_caption_check (WARTA_CAPTION_TARGET_INSTAGRAM, a2201);
  g_assert_true (warta_caption_result_has_problem (r, WARTA_CAPTION_RULE_TOO_LONG));
}

/* ------------------------------------------- Facebook, website */

static void
test_facebook_website (void)
{
  g_autofree char *fb_ok = repeat ("a", 63206);
  g_autofree char *fb_long = repeat ("a", 63207);
  g_autofree char *title71 = repeat ("a", 71);
  g_autoptr(WartaCaptionResult) r = NULL;
  const WartaCaptionProblem *problem;

  r = warta_caption_check (WARTA_CAPTION_TARGET_FACEBOOK, fb_ok);
  g_assert_false (warta_caption_result_is_blocking (r));
  g_clear_pointer (&r, warta_caption_result_unref);

  r = warta_caption_check (WARTA_CAPTION_TARGET_FACEBOOK, fb_long);
  g_assert_true (warta_caption_result_is_blocking (r));
  g_clear_pointer (&r, warta_caption_result_unref);

  /* a long website title is a warning, not a block */
  r = warta_caption_check (WARTA_CAPTION_TARGET_WEBSITE_TITLE, title71);
  g_assert_cmpint (warta_caption_result_get_limit (r), ==, 0);
  g_assert_cmpuint (warta_caption_result_get_n_problems (r), ==, 1);
  problem = warta_caption_result_get_problem (r, 0);
  g_assert_cmpint (problem->rule, ==, WARTA_CAPTION_RULE_LONGER_THAN_ADVISED);
  g_assert_cmpint (problem->severity, ==, WARTA_CAPTION_SEVERITY_WARNING);
  g_assert_false (warta_caption_result_is_blocking (r));
  g_clear_pointer (&r, warta_caption_result_unref);

  r = warta_caption_check (WARTA_CAPTION_TARGET_WEBSITE_TITLE, "");
  g_assert_true (warta_caption_result_has_problem (r, WARTA_CAPTION_RULE_REQUIRED));
  g_clear_pointer (&r, warta_caption_result_unref);

  r = warta_caption_check (WARTA_CAPTION_TARGET_WEBSITE_BODY, fb_long);
  g_assert_cmpuint (warta_caption_result_get_n_problems (r), ==, 0);
}

/* ------------------------------------------------------- table */

static void
test_table (void)
{
  for (guint i = 0; i < WARTA_N_CAPTION_TARGETS; i++)
    {
      const WartaCaptionLimits *l = warta_caption_target_get_limits (i);
      WartaCaptionTarget back;
      g_autoptr(WartaCaptionResult) r = NULL;

      g_assert_nonnull (l->id);
      g_assert_cmpstr (warta_caption_target_to_string (i), ==, l->id);
      g_assert_true (warta_caption_target_from_string (l->id, &back));
      g_assert_cmpuint (back, ==, i);
      g_assert_nonnull (warta_caption_target_get_name (i));

      /* invalid UTF-8 is treated as empty, never crashes */
      r = warta_caption_check (i, "\xff\xfe");
      g_assert_cmpint (warta_caption_result_get_count (r), ==, 0);
    }
  g_assert_false (warta_caption_target_from_string ("myspace", NULL));
  g_assert_cmpint (warta_caption_target_get_limits (WARTA_CAPTION_TARGET_X)->limit, ==, 280);
  g_assert_cmpint (warta_caption_target_get_limits (WARTA_CAPTION_TARGET_INSTAGRAM)->max_hashtags,
                   ==, 30);
}

/* ------------------------------------------------------------ media */

/* The rules @platform's post of @photos and @videos breaks, as a bit set
 * of WartaMediaRule; every message names the platform. */
static guint
media_rules (const char *platform,
             guint       photos,
             guint       videos,
             guint       max_photos)
{
  g_autoptr(GArray) problems = warta_media_rules_check (platform, photos, videos, max_photos);
  const char *name = warta_media_rules_get_name (platform);
  guint rules = 0;

  g_assert_nonnull (problems);
  for (guint i = 0; i < problems->len; i++)
    {
      const WartaMediaProblem *p = &g_array_index (problems, WartaMediaProblem, i);

      g_assert_nonnull (strstr (p->message, name));
      g_assert_nonnull (strstr (p->message, "content concept"));
      rules |= 1u << p->rule;
    }
  return rules;
}

#define RULE(r) (1u << WARTA_MEDIA_RULE_##r)

static void
test_media_x (void)
{
  g_autoptr(GArray) problems = NULL;

  g_assert_cmpuint (media_rules ("x", 0, 0, 0), ==, 0);
  g_assert_cmpuint (media_rules ("x", 4, 0, 0), ==, 0);
  g_assert_cmpuint (media_rules ("x", 0, 1, 0), ==, 0);
  g_assert_cmpuint (media_rules ("x", 5, 0, 0), ==, RULE (TOO_MANY_PHOTOS));
  g_assert_cmpuint (media_rules ("x", 0, 2, 0), ==, RULE (TOO_MANY_VIDEOS));
  g_assert_cmpuint (media_rules ("x", 1, 1, 0), ==, RULE (MIXED));
  g_assert_cmpuint (media_rules ("x", 7, 2, 0), ==,
                    RULE (MIXED) | RULE (TOO_MANY_VIDEOS) | RULE (TOO_MANY_PHOTOS));

  problems = warta_media_rules_check ("x", 7, 0, 0);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpstr (g_array_index (problems, WartaMediaProblem, 0).message, ==,
                   "X takes at most 4 photos in a post and this publication has 7 for X. "
                   "Choose at most 4 photos for X in the content concept.");
  g_assert_true (warta_media_rules_is_blocking (WARTA_MEDIA_RULE_TOO_MANY_PHOTOS));
  g_assert_true (warta_media_rules_has_problem (problems, WARTA_MEDIA_RULE_TOO_MANY_PHOTOS));
  g_assert_false (warta_media_rules_has_problem (problems, WARTA_MEDIA_RULE_MIXED));
}

static void
test_media_instagram (void)
{
  g_assert_cmpuint (media_rules ("instagram", 1, 0, 0), ==, 0);
  g_assert_cmpuint (media_rules ("instagram", 0, 1, 0), ==, 0);
  /* A carousel mixes photos and videos. */
  g_assert_cmpuint (media_rules ("instagram", 8, 2, 0), ==, 0);
  g_assert_cmpuint (media_rules ("instagram", 10, 1, 0), ==, RULE (TOO_MANY_ITEMS));
  g_assert_cmpuint (media_rules ("instagram", 11, 0, 0), ==, RULE (TOO_MANY_ITEMS));
  /* None: not posted there, so it only warns. */
  g_assert_cmpuint (media_rules ("instagram", 0, 0, 0), ==, RULE (NO_MEDIA));
  g_assert_false (warta_media_rules_is_blocking (WARTA_MEDIA_RULE_NO_MEDIA));
}

static void
test_media_mastodon (void)
{
  g_autoptr(GArray) problems = NULL;

  g_assert_cmpuint (media_rules ("mastodon", 4, 0, 0), ==, 0);
  g_assert_cmpuint (media_rules ("mastodon", 0, 1, 0), ==, 0);
  g_assert_cmpuint (media_rules ("mastodon", 1, 1, 0), ==, RULE (MIXED));
  g_assert_cmpuint (media_rules ("mastodon", 0, 2, 0), ==, RULE (TOO_MANY_VIDEOS));
  g_assert_cmpuint (media_rules ("mastodon", 5, 0, 0), ==, RULE (TOO_MANY_PHOTOS));
  g_assert_true (warta_media_rules_get_limits ("mastodon")->per_instance);

  /* Offline the default 4, and the message says the instance may allow more. */
  problems = warta_media_rules_check ("mastodon", 5, 0, 0);
  g_assert_nonnull (strstr (g_array_index (problems, WartaMediaProblem, 0).message,
                            "unless the instance allows more"));
  g_clear_pointer (&problems, g_array_unref);

  /* The instance's own number, when it is known. */
  g_assert_cmpuint (media_rules ("mastodon", 5, 0, 6), ==, 0);
  g_assert_cmpuint (media_rules ("mastodon", 3, 0, 2), ==, RULE (TOO_MANY_PHOTOS));
  problems = warta_media_rules_check ("mastodon", 3, 0, 2);
  g_assert_cmpstr (g_array_index (problems, WartaMediaProblem, 0).message, ==,
                   "This Mastodon instance takes at most 2 photos in a post and this publication "
                   "has 3 for Mastodon. Choose at most 2 photos for Mastodon in the content "
                   "concept.");
}

static void
test_media_others (void)
{
  /* Facebook: photos without limit, or one video. */
  g_assert_cmpuint (media_rules ("facebook", 30, 0, 0), ==, 0);
  g_assert_cmpuint (media_rules ("facebook", 0, 1, 0), ==, 0);
  g_assert_cmpuint (media_rules ("facebook", 2, 1, 0), ==, RULE (MIXED));
  g_assert_cmpuint (media_rules ("facebook", 0, 2, 0), ==, RULE (TOO_MANY_VIDEOS));
  /* TikTok: up to 35 photos, or one video. */
  g_assert_cmpuint (media_rules ("tiktok", 35, 0, 0), ==, 0);
  g_assert_cmpuint (media_rules ("tiktok", 36, 0, 0), ==, RULE (TOO_MANY_PHOTOS));
  g_assert_cmpuint (media_rules ("tiktok", 3, 1, 0), ==, RULE (MIXED));
  g_assert_cmpuint (media_rules ("tiktok", 0, 2, 0), ==, RULE (TOO_MANY_VIDEOS));
  /* YouTube: exactly one video; photos are not part of it. */
  g_assert_cmpuint (media_rules ("youtube", 0, 1, 0), ==, 0);
  g_assert_cmpuint (media_rules ("youtube", 3, 1, 0), ==, 0);
  g_assert_cmpuint (media_rules ("youtube", 3, 0, 0), ==, RULE (NO_VIDEO));
  g_assert_cmpuint (media_rules ("youtube", 0, 2, 0), ==, RULE (TOO_MANY_VIDEOS));
  g_assert_false (warta_media_rules_is_blocking (WARTA_MEDIA_RULE_NO_VIDEO));
  /* The website takes anything. */
  g_assert_cmpuint (media_rules ("wordpress", 100, 5, 0), ==, 0);
  g_assert_cmpuint (media_rules ("wordpress", 0, 0, 0), ==, 0);

  g_assert_null (warta_media_rules_check ("myspace", 1, 0, 0));
  for (guint i = 0; i < WARTA_MEDIA_N_PLATFORMS; i++)
    g_assert_nonnull (warta_media_rules_get_limits (warta_media_rules_get_platform (i)));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/warta/caption-rules/x-weighted-vectors", test_x_weighted_vectors);
  g_test_add_func ("/warta/caption-rules/x-limit", test_x_limit);
  g_test_add_func ("/warta/caption-rules/urls", test_urls);
  g_test_add_func ("/warta/caption-rules/graphemes", test_graphemes);
  g_test_add_func ("/warta/caption-rules/mastodon", test_mastodon);
  g_test_add_func ("/warta/caption-rules/tiktok", test_tiktok);
  g_test_add_func ("/warta/caption-rules/youtube", test_youtube);
  g_test_add_func ("/warta/caption-rules/hashtags-mentions", test_hashtags_mentions);
  g_test_add_func ("/warta/caption-rules/instagram", test_instagram);
  g_test_add_func ("/warta/caption-rules/facebook-website", test_facebook_website);
  g_test_add_func ("/warta/caption-rules/table", test_table);
  g_test_add_func ("/warta/caption-rules/media-x", test_media_x);
  g_test_add_func ("/warta/caption-rules/media-instagram", test_media_instagram);
  g_test_add_func ("/warta/caption-rules/media-mastodon", test_media_mastodon);
  g_test_add_func ("/warta/caption-rules/media-others", test_media_others);

  return g_test_run ();
}
