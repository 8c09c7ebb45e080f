/* warta-caption-rules.c: caption counters that count as each platform counts
 *
 * Every number a platform imposes on a text is in `limits` below, the one
 * place to edit when a platform changes its rules (platform-apis.md §0.4).
 *
 * The counters follow the platforms' own code where it is public:
 * - X: twitter-text v3 (config/v3.json): NFC first, code points weighted
 *   100 inside the listed ranges and 200 elsewhere, each URL 2300, each
 *   emoji sequence 200; the sum divided by 100.
 * - Mastodon: StatusLengthValidator: every http(s) URL is replaced by 23
 *   characters, "@user@domain" by "@user", then grapheme clusters are
 *   counted.
 * - TikTok: UTF-16 code units. YouTube's description: UTF-8 bytes.
 * - Facebook, Instagram, YouTube's title: code points (Meta and Google say
 *   "characters" without defining them).
 *
 * Approximations, written down so nobody mistakes them for the real thing:
 * - Graphemes: GLib 2.74 has no grapheme iterator, and core stays free of
 *   pango, so the extended grapheme cluster rules of UAX #29 are coded here
 *   from g_unichar_type(): CR LF, controls, Hangul L/V/T/LV/LVT, Extend
 *   (Mn, Me, ZWNJ, emoji modifiers, tags), SpacingMark (Mc), a short
 *   Prepend list, emoji ZWJ sequences over a built-in Extended_Pictographic
 *   range table, and regional-indicator pairs. Not done: the Unicode 15.1
 *   Indic conjunct rule (GB9c), so a Devanagari conjunct counts as two.
 * - Emoji for X: a sequence of Extended_Pictographic characters with
 *   FE0F, skin-tone modifiers, tags and ZWJ joins, a regional-indicator
 *   pair, or a keycap counts 2 as a whole. twitter-text matches only the
 *   RGI list, so a made-up ZWJ sequence counts 2 here and more on X.
 *   "©" and "®" count as emoji only with FE0F after them.
 * - URLs: twitter-text's rules in short: not after a letter, digit, @, $
 *   or #; a scheme-less domain only after no "-_./", ending in a known
 *   generic TLD or any two-letter country code (twitter-text lists the
 *   assigned ones), and a two-label domain with a country code (but .co
 *   and .tv) only when a path follows ("kominfo.go.id" counts, "warta.id"
 *   alone does not); trailing punctuation is not part of a URL.
 *   Mastodon finds only http:// and https:// URLs.
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "warta-caption-rules.h"

/* The limits. platform-apis.md §0.4; [3rd-party] values are marked. */
static const WartaCaptionLimits limits[WARTA_N_CAPTION_TARGETS] = {
  /* 63,206 is a third-party figure: Meta documents none. */
  [WARTA_CAPTION_TARGET_FACEBOOK] = {
    "facebook", N_("Facebook post"), WARTA_CAPTION_COUNT_CHARACTERS,
    63206, 0, 0, 0, NULL, FALSE, 0 },
  [WARTA_CAPTION_TARGET_INSTAGRAM] = {
    "instagram", N_("Instagram caption"), WARTA_CAPTION_COUNT_CHARACTERS,
    2200, 0, 30, 20, NULL, FALSE, 0 },
  /* twitter-text refuses U+FEFF, U+FFFE and U+FFFF. */
  [WARTA_CAPTION_TARGET_X] = {
    "x", N_("X post"), WARTA_CAPTION_COUNT_X_WEIGHTED,
    280, 0, 0, 0, "\xef\xbb\xbf\xef\xbf\xbe\xef\xbf\xbf", FALSE, 23 },
  [WARTA_CAPTION_TARGET_YOUTUBE_TITLE] = {
    "youtube-title", N_("YouTube title"), WARTA_CAPTION_COUNT_CHARACTERS,
    100, 0, 0, 0, "<>", TRUE, 0 },
  [WARTA_CAPTION_TARGET_YOUTUBE_DESCRIPTION] = {
    "youtube-description", N_("YouTube description"), WARTA_CAPTION_COUNT_UTF8_BYTES,
    5000, 0, 0, 0, "<>", FALSE, 0 },
  [WARTA_CAPTION_TARGET_TIKTOK_VIDEO] = {
    "tiktok-video", N_("TikTok caption"), WARTA_CAPTION_COUNT_UTF16,
    2200, 0, 0, 0, NULL, FALSE, 0 },
  [WARTA_CAPTION_TARGET_TIKTOK_PHOTO_TITLE] = {
    "tiktok-photo-title", N_("TikTok photo title"), WARTA_CAPTION_COUNT_UTF16,
    90, 0, 0, 0, NULL, FALSE, 0 },
  [WARTA_CAPTION_TARGET_TIKTOK_PHOTO_DESCRIPTION] = {
    "tiktok-photo-description", N_("TikTok photo description"), WARTA_CAPTION_COUNT_UTF16,
    4000, 0, 0, 0, NULL, FALSE, 0 },
  /* 500 is Mastodon's default; an instance says its own
   * (configuration.statuses.max_characters): warta_caption_check_with_limit(). */
  [WARTA_CAPTION_TARGET_MASTODON] = {
    "mastodon", N_("Mastodon post"), WARTA_CAPTION_COUNT_GRAPHEMES,
    500, 0, 0, 0, NULL, FALSE, 23 },
  /* WordPress has no limit; search results and link previews cut titles
   * after about 60-70 characters (a guideline, hence only a warning). */
  [WARTA_CAPTION_TARGET_WEBSITE_TITLE] = {
    "website-title", N_("Website title"), WARTA_CAPTION_COUNT_CHARACTERS,
    0, 70, 0, 0, NULL, TRUE, 0 },
  [WARTA_CAPTION_TARGET_WEBSITE_BODY] = {
    "website-body", N_("Website article"), WARTA_CAPTION_COUNT_CHARACTERS,
    0, 0, 0, 0, NULL, FALSE, 0 },
};

/* twitter-text v3: code points in these ranges weigh 100, others 200. */
static const gunichar x_light_ranges[][2] = {
  { 0x0000, 0x10FF }, { 0x2000, 0x200D }, { 0x2010, 0x201F }, { 0x2032, 0x2037 },
};
#define X_SCALE          100
#define X_DEFAULT_WEIGHT 200

/* Extended_Pictographic (emoji-data.txt, Unicode 15), as ranges. */
static const gunichar ext_pict_ranges[][2] = {
  { 0x00A9, 0x00A9 }, { 0x00AE, 0x00AE }, { 0x203C, 0x203C }, { 0x2049, 0x2049 },
  { 0x2122, 0x2122 }, { 0x2139, 0x2139 }, { 0x2194, 0x2199 }, { 0x21A9, 0x21AA },
  { 0x231A, 0x231B }, { 0x2328, 0x2328 }, { 0x2388, 0x2388 }, { 0x23CF, 0x23CF },
  { 0x23E9, 0x23F3 }, { 0x23F8, 0x23FA }, { 0x24C2, 0x24C2 }, { 0x25AA, 0x25AB },
  { 0x25B6, 0x25B6 }, { 0x25C0, 0x25C0 }, { 0x25FB, 0x25FE }, { 0x2600, 0x2605 },
  { 0x2607, 0x2612 }, { 0x2614, 0x2685 }, { 0x2690, 0x2705 }, { 0x2708, 0x2712 },
  { 0x2714, 0x2714 }, { 0x2716, 0x2716 }, { 0x271D, 0x271D }, { 0x2721, 0x2721 },
  { 0x2728, 0x2728 }, { 0x2733, 0x2734 }, { 0x2744, 0x2744 }, { 0x2747, 0x2747 },
  { 0x274C, 0x274C }, { 0x274E, 0x274E }, { 0x2753, 0x2755 }, { 0x2757, 0x2757 },
  { 0x2763, 0x2767 }, { 0x2795, 0x2797 }, { 0x27A1, 0x27A1 }, { 0x27B0, 0x27B0 },
  { 0x27BF, 0x27BF }, { 0x2934, 0x2935 }, { 0x2B05, 0x2B07 }, { 0x2B1B, 0x2B1C },
  { 0x2B50, 0x2B50 }, { 0x2B55, 0x2B55 }, { 0x3030, 0x3030 }, { 0x303D, 0x303D },
  { 0x3297, 0x3297 }, { 0x3299, 0x3299 }, { 0x1F000, 0x1F0FF }, { 0x1F10D, 0x1F10F },
  { 0x1F12F, 0x1F12F }, { 0x1F16C, 0x1F171 }, { 0x1F17E, 0x1F17F }, { 0x1F18E, 0x1F18E },
  { 0x1F191, 0x1F19A }, { 0x1F1AD, 0x1F1E5 }, { 0x1F201, 0x1F20F }, { 0x1F21A, 0x1F21A },
  { 0x1F22F, 0x1F22F }, { 0x1F232, 0x1F23A }, { 0x1F23C, 0x1F23F }, { 0x1F249, 0x1F3FA },
  { 0x1F400, 0x1F53D }, { 0x1F546, 0x1F64F }, { 0x1F680, 0x1F6FF }, { 0x1F774, 0x1F77F },
  { 0x1F7D5, 0x1F7FF }, { 0x1F80C, 0x1F80F }, { 0x1F848, 0x1F84F }, { 0x1F85A, 0x1F85F },
  { 0x1F888, 0x1F88F }, { 0x1F8AE, 0x1F8FF }, { 0x1F90C, 0x1F93A }, { 0x1F93C, 0x1F945 },
  { 0x1F947, 0x1FAFF }, { 0x1FC00, 0x1FFFD },
};

/* Generic TLDs that twitter-text knows and people here write; every
 * two-letter code is taken as a country code. */
static const char *const generic_tlds[] = {
  "academy", "aero", "agency", "app", "art", "asia", "biz", "blog", "cat", "center",
  "church", "city", "click", "cloud", "club", "college", "com", "community", "company",
  "coop", "design", "dev", "digital", "edu", "email", "foundation", "fun", "games",
  "gallery", "global", "gov", "group", "icu", "inc", "info", "institute", "int",
  "international", "jobs", "life", "link", "live", "ltd", "media", "mil", "mobi",
  "museum", "music", "name", "net", "network", "news", "online", "org", "page", "photo",
  "photography", "photos", "post", "pro", "school", "shop", "site", "social", "solutions",
  "space", "store", "studio", "team", "tech", "tel", "today", "travel", "university",
  "video", "vip", "website", "wiki", "world", "xxx", "xyz",
};

struct _WartaCaptionResult
{
  gatomicrefcount     ref_count;
  WartaCaptionTarget  target;
  gint64              count;
  gint64              limit;
  guint               n_hashtags;
  guint               n_mentions;
  guint               n_urls;
  GArray             *problems;   /* of WartaCaptionProblem */
};

G_DEFINE_BOXED_TYPE (WartaCaptionResult, warta_caption_result,
                     warta_caption_result_ref, warta_caption_result_unref)

/* ------------------------------------------------------------------ */
/* Character classes                                                  */

static gboolean
in_ranges (gunichar        c,
           const gunichar  ranges[][2],
           gsize           n)
{
  gsize lo = 0, hi = n;

  while (lo < hi)
    {
      gsize mid = (lo + hi) / 2;

      if (c < ranges[mid][0])
        hi = mid;
      else if (c > ranges[mid][1])
        lo = mid + 1;
      else
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_ext_pict (gunichar c)
{
  return in_ranges (c, ext_pict_ranges, G_N_ELEMENTS (ext_pict_ranges));
}

static gboolean
is_regional_indicator (gunichar c)
{
  return c >= 0x1F1E6 && c <= 0x1F1FF;
}

static gboolean
is_emoji_modifier (gunichar c)
{
  return c >= 0x1F3FB && c <= 0x1F3FF;
}

static gboolean
is_tag (gunichar c)
{
  return c >= 0xE0020 && c <= 0xE007F;
}

typedef enum {
  GB_OTHER,
  GB_CR,
  GB_LF,
  GB_CONTROL,
  GB_EXTEND,
  GB_ZWJ,
  GB_REGIONAL_INDICATOR,
  GB_PREPEND,
  GB_SPACING_MARK,
  GB_L,
  GB_V,
  GB_T,
  GB_LV,
  GB_LVT,
} GraphemeBreak;

static gboolean
is_prepend (gunichar c)
{
  /* Grapheme_Cluster_Break=Prepend: Arabic number signs and a few Brahmic
   * characters; the rare rest is left out. */
  return (c >= 0x0600 && c <= 0x0605) || c == 0x06DD || c == 0x070F ||
         c == 0x0890 || c == 0x0891 || c == 0x08E2 || c == 0x0D4E ||
         c == 0x110BD || c == 0x110CD;
}

static GraphemeBreak
grapheme_break (gunichar c)
{
  if (c == '\r')
    return GB_CR;
  if (c == '\n')
    return GB_LF;
  if (c == 0x200D)
    return GB_ZWJ;
  if (is_regional_indicator (c))
    return GB_REGIONAL_INDICATOR;
  if ((c >= 0x1100 && c <= 0x115F) || (c >= 0xA960 && c <= 0xA97C))
    return GB_L;
  if ((c >= 0x1160 && c <= 0x11A7) || (c >= 0xD7B0 && c <= 0xD7C6))
    return GB_V;
  if ((c >= 0x11A8 && c <= 0x11FF) || (c >= 0xD7CB && c <= 0xD7FB))
    return GB_T;
  if (c >= 0xAC00 && c <= 0xD7A3)
    return (c - 0xAC00) % 28 == 0 ? GB_LV : GB_LVT;
  if (is_prepend (c))
    return GB_PREPEND;
  if (c == 0x200C || is_emoji_modifier (c) || is_tag (c) || c == 0xFF9E || c == 0xFF9F)
    return GB_EXTEND;
  /* Thai and Lao AM are letters that behave as spacing marks. */
  if (c == 0x0E33 || c == 0x0EB3)
    return GB_SPACING_MARK;

  switch (g_unichar_type (c))
    {
    case G_UNICODE_NON_SPACING_MARK:
    case G_UNICODE_ENCLOSING_MARK:
      return GB_EXTEND;
    case G_UNICODE_SPACING_MARK:
      return GB_SPACING_MARK;
    case G_UNICODE_CONTROL:
    case G_UNICODE_FORMAT:
    case G_UNICODE_LINE_SEPARATOR:
    case G_UNICODE_PARAGRAPH_SEPARATOR:
      return GB_CONTROL;
    default:
      return GB_OTHER;
    }
}

gsize
warta_caption_next_grapheme (const char *text,
                             gsize       length,
                             gsize       offset)
{
  const char *p = text + offset;
  const char *end = text + length;
  gunichar c;
  GraphemeBreak prev;
  guint n_ri;
  gboolean in_pict;     /* ExtPict Extend* so far */
  gboolean pict_zwj;    /* ... followed by ZWJ */

  if (offset >= length)
    return length;

  c = g_utf8_get_char (p);
  prev = grapheme_break (c);
  n_ri = prev == GB_REGIONAL_INDICATOR ? 1 : 0;
  in_pict = is_ext_pict (c);
  pict_zwj = FALSE;
  p = g_utf8_next_char (p);

  while (p < end)
    {
      gunichar next = g_utf8_get_char (p);
      GraphemeBreak cur = grapheme_break (next);
      gboolean join;

      if (prev == GB_CR && cur == GB_LF)                                      /* GB3 */
        join = TRUE;
      else if (prev == GB_CONTROL || prev == GB_CR || prev == GB_LF)          /* GB4 */
        join = FALSE;
      else if (cur == GB_CONTROL || cur == GB_CR || cur == GB_LF)             /* GB5 */
        join = FALSE;
      else if (prev == GB_L &&
               (cur == GB_L || cur == GB_V || cur == GB_LV || cur == GB_LVT))   /* GB6 */
        join = TRUE;
      else if ((prev == GB_LV || prev == GB_V) && (cur == GB_V || cur == GB_T)) /* GB7 */
        join = TRUE;
      else if ((prev == GB_LVT || prev == GB_T) && cur == GB_T)               /* GB8 */
        join = TRUE;
      else if (cur == GB_EXTEND || cur == GB_ZWJ || cur == GB_SPACING_MARK)   /* GB9, 9a */
        join = TRUE;
      else if (prev == GB_PREPEND)                                            /* GB9b */
        join = TRUE;
      else if (prev == GB_ZWJ && pict_zwj && is_ext_pict (next))              /* GB11 */
        join = TRUE;
      else if (prev == GB_REGIONAL_INDICATOR && cur == GB_REGIONAL_INDICATOR) /* GB12, 13 */
        join = n_ri % 2 == 1;
      else                                                                    /* GB999 */
        join = FALSE;

      if (!join)
        break;

      pict_zwj = cur == GB_ZWJ && in_pict;
      in_pict = is_ext_pict (next) || (in_pict && cur == GB_EXTEND);
      n_ri = cur == GB_REGIONAL_INDICATOR ? n_ri + 1 : 0;
      prev = cur;
      p = g_utf8_next_char (p);
    }

  return p - text;
}

gint64
warta_caption_count_graphemes (const char *text)
{
  gsize length, offset = 0;
  gint64 n = 0;

  g_return_val_if_fail (text != NULL, 0);

  length = strlen (text);
  while (offset < length)
    {
      offset = warta_caption_next_grapheme (text, length, offset);
      n++;
    }
  return n;
}

gint64
warta_caption_count_utf16 (const char *text)
{
  gint64 n = 0;

  g_return_val_if_fail (text != NULL, 0);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    n += g_utf8_get_char (p) > 0xFFFF ? 2 : 1;
  return n;
}

gint64
warta_caption_count_characters (const char *text)
{
  g_return_val_if_fail (text != NULL, 0);

  return g_utf8_strlen (text, -1);
}

/* ------------------------------------------------------------------ */
/* URLs                                                               */

static gboolean
is_ascii_alnum (gunichar c)
{
  return c < 0x80 && g_ascii_isalnum ((char) c);
}

static gboolean
is_valid_tld (const char *tld,
              gsize       length,
              gboolean    with_scheme)
{
  g_autofree char *lower = NULL;

  if (length < 2)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isalpha (tld[i]) && !(i >= 2 && (g_ascii_isalnum (tld[i]) || tld[i] == '-')))
      return FALSE;

  lower = g_ascii_strdown (tld, length);
  if (length == 2 || g_str_has_prefix (lower, "xn--"))
    return TRUE;
  for (gsize i = 0; i < G_N_ELEMENTS (generic_tlds); i++)
    if (strcmp (lower, generic_tlds[i]) == 0)
      return TRUE;
  /* With a scheme the writer clearly meant a link: new gTLDs are many. */
  return with_scheme && length <= 24;
}

static gboolean
is_domain_char (gunichar c,
                gboolean unicode)
{
  if (is_ascii_alnum (c) || c == '-' || c == '_')
    return TRUE;
  if (unicode && c >= 0x80)
    {
      GUnicodeType t = g_unichar_type (c);

      return g_unichar_isalnum (c) || t == G_UNICODE_NON_SPACING_MARK ||
             t == G_UNICODE_SPACING_MARK;
    }
  return FALSE;
}

static gboolean
is_path_letter (gunichar c)
{
  /* twitter-text: Latin-1 and Latin Extended letters, Cyrillic. */
  return (c >= 0x00C0 && c <= 0x024F && c != 0x00D7 && c != 0x00F7) ||
         (c >= 0x0400 && c <= 0x04FF);
}

static gboolean
is_path_char (gunichar c)
{
  return is_ascii_alnum (c) || is_path_letter (c) || c == 0x2013 ||
         (c < 0x80 && strchr ("!*';:=+,.$/%#[]-_~&|@()?", (char) c) != NULL);
}

static gboolean
is_path_end_char (gunichar c)
{
  return is_ascii_alnum (c) || is_path_letter (c) ||
         (c < 0x80 && strchr ("=_#/+-@&", (char) c) != NULL);
}

/* The domain that starts at @start: its end, or 0 when there is none. */
static gsize
match_domain (const char *text,
              gsize       length,
              gsize       start,
              gboolean    with_scheme,
              gboolean   *short_cc)
{
  gsize label_starts[64];
  gsize label_ends[64];
  guint n_labels = 0;
  gsize p = start;

  while (p < length && n_labels < G_N_ELEMENTS (label_starts))
    {
      gsize q = p;

      while (q < length && is_domain_char (g_utf8_get_char (text + q), with_scheme))
        q = g_utf8_next_char (text + q) - text;
      if (q == p)
        break;
      label_starts[n_labels] = p;
      label_ends[n_labels] = q;
      n_labels++;
      if (q < length && text[q] == '.')
        p = q + 1;
      else
        break;
    }

  /* Drop labels from the end until the last one is a TLD, as the
   * regular expression backtracks. */
  while (n_labels >= 2)
    {
      gsize tld = label_starts[n_labels - 1];
      gsize tld_end = label_ends[n_labels - 1];
      gunichar after = tld_end < length ? g_utf8_get_char (text + tld_end) : 0;

      if (is_valid_tld (text + tld, tld_end - tld, with_scheme) &&
          !(is_ascii_alnum (after) || after == '@' || after == '+' || after == '-'))
        {
          *short_cc = n_labels == 2 && tld_end - tld == 2 &&
                      g_ascii_strncasecmp (text + tld, "co", 2) != 0 &&
                      g_ascii_strncasecmp (text + tld, "tv", 2) != 0;
          return tld_end;
        }
      n_labels--;
    }
  return 0;
}

/* Port, path and query after the domain, with trailing punctuation and
 * unbalanced parentheses left out. */
static gsize
match_path (const char *text,
            gsize       length,
            gsize       p)
{
  gsize end;
  int depth = 0;

  if (p < length && text[p] == ':' && p + 1 < length && g_ascii_isdigit (text[p + 1]))
    {
      gsize q = p + 1;

      while (q < length && g_ascii_isdigit (text[q]))
        q++;
      p = q;
    }
  if (p >= length || (text[p] != '/' && text[p] != '?'))
    return p;

  end = p;
  while (end < length)
    {
      gunichar c = g_utf8_get_char (text + end);

      if (!is_path_char (c))
        break;
      if (c == '(')
        depth++;
      else if (c == ')')
        {
          if (depth == 0)
            break;
          depth--;
        }
      end = g_utf8_next_char (text + end) - text;
    }

  /* The first char ('/' or '?') always stays. */
  while (end > p + 1)
    {
      const char *last = g_utf8_prev_char (text + end);
      gunichar c = g_utf8_get_char (last);

      if (is_path_end_char (c))
        break;
      if (c == ')')
        {
          /* Balanced "(...)" may end a URL (Wikipedia links). */
          int balance = 0;

          for (gsize i = p; i < end; i++)
            balance += text[i] == '(' ? 1 : text[i] == ')' ? -1 : 0;
          if (balance == 0)
            break;
        }
      end = last - text;
    }
  /* A lone "?" with nothing after it is punctuation. */
  if (end == p + 1 && text[p] == '?')
    return p;
  return end;
}

static gboolean
url_may_follow (const char *text,
                gsize       start,
                gboolean    with_scheme)
{
  gunichar before;

  if (start == 0)
    return TRUE;
  before = g_utf8_get_char (g_utf8_prev_char (text + start));
  if (is_ascii_alnum (before) || before == '@' || before == 0xFF20 || before == '$' ||
      before == '#' || before == 0xFF03)
    return FALSE;
  if (!with_scheme && (before == '-' || before == '_' || before == '.' || before == '/'))
    return FALSE;
  return TRUE;
}

GArray *
warta_caption_find_urls (const char *text,
                         gboolean    with_bare_domains)
{
  GArray *ranges = g_array_new (FALSE, FALSE, sizeof (gsize));
  gsize length;
  gsize p = 0;

  g_return_val_if_fail (text != NULL, ranges);

  length = strlen (text);
  while (p < length)
    {
      gsize scheme_len = 0;
      gboolean short_cc = FALSE;
      gsize domain_end, end;

      if (g_ascii_strncasecmp (text + p, "http://", 7) == 0)
        scheme_len = 7;
      else if (g_ascii_strncasecmp (text + p, "https://", 8) == 0)
        scheme_len = 8;

      if (scheme_len > 0 && url_may_follow (text, p, TRUE))
        {
          domain_end = match_domain (text, length, p + scheme_len, TRUE, &short_cc);
          if (domain_end > 0)
            {
              end = match_path (text, length, domain_end);
              g_array_append_val (ranges, p);
              g_array_append_val (ranges, end);
              p = end;
              continue;
            }
        }
      else if (with_bare_domains && is_ascii_alnum ((guchar) text[p]) &&
               url_may_follow (text, p, FALSE))
        {
          domain_end = match_domain (text, length, p, FALSE, &short_cc);
          if (domain_end > 0)
            {
              end = match_path (text, length, domain_end);
              if (!short_cc || end > domain_end)
                {
                  g_array_append_val (ranges, p);
                  g_array_append_val (ranges, end);
                  p = end;
                  continue;
                }
            }
          /* Not here: skip the rest of this word. */
          while (p < length && (is_ascii_alnum ((guchar) text[p]) || text[p] == '-' ||
                                text[p] == '_' || text[p] == '.'))
            p++;
          continue;
        }
      p = g_utf8_next_char (text + p) - text;
    }

  return ranges;
}

static gboolean
in_url (GArray *urls,
        gsize   offset)
{
  for (guint i = 0; i + 1 < urls->len; i += 2)
    if (offset >= g_array_index (urls, gsize, i) && offset < g_array_index (urls, gsize, i + 1))
      return TRUE;
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* Hashtags and mentions                                              */

static gboolean
is_hashtag_char (gunichar c)
{
  GUnicodeType t = g_unichar_type (c);

  return g_unichar_isalpha (c) || t == G_UNICODE_DECIMAL_NUMBER || c == '_' ||
         t == G_UNICODE_NON_SPACING_MARK || t == G_UNICODE_SPACING_MARK ||
         t == G_UNICODE_ENCLOSING_MARK;
}

guint
warta_caption_count_hashtags (const char *text)
{
  g_autoptr(GArray) urls = NULL;
  gunichar before = 0;
  guint n = 0;

  g_return_val_if_fail (text != NULL, 0);

  /* twitter-text's hashtag: after no letter, digit, "_" or "&"; letters,
   * marks, digits and "_" with at least one letter; not in a URL. */
  urls = warta_caption_find_urls (text, TRUE);
  for (const char *p = text; *p; )
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);

      if ((c == '#' || c == 0xFF03) && !is_hashtag_char (before) && before != '&' &&
          !in_url (urls, p - text))
        {
          const char *q = next;
          gunichar first = g_utf8_get_char (q);
          gboolean has_letter = FALSE;

          /* "#" FE0F and "#" 20E3 are the keycap emoji. */
          if (first != 0xFE0F && first != 0x20E3)
            while (*q && is_hashtag_char (g_utf8_get_char (q)))
              {
                gunichar h = g_utf8_get_char (q);

                if (g_unichar_isalpha (h) || g_unichar_ismark (h))
                  has_letter = TRUE;
                q = g_utf8_next_char (q);
              }
          if (has_letter)
            {
              n++;
              before = g_utf8_get_char (g_utf8_prev_char (q));
              p = q;
              continue;
            }
        }
      before = c;
      p = next;
    }
  return n;
}

/* Instagram's @username: letters, digits, "." and "_", up to 30. */
guint
warta_caption_count_mentions (const char *text)
{
  g_autoptr(GArray) urls = NULL;
  guint n = 0;

  g_return_val_if_fail (text != NULL, 0);

  urls = warta_caption_find_urls (text, TRUE);
  for (gsize i = 0; text[i]; i++)
    {
      gsize j;

      if (text[i] != '@' || in_url (urls, i))
        continue;
      if (i > 0 && (g_ascii_isalnum (text[i - 1]) || strchr ("_!#$%&*@.", text[i - 1])))
        continue;
      for (j = i + 1; text[j] && (g_ascii_isalnum (text[j]) || text[j] == '_' || text[j] == '.');
           j++)
        ;
      while (j > i + 1 && text[j - 1] == '.')
        j--;
      if (j > i + 1 && j - i - 1 <= 30 && text[j] != '@')
        n++;
      if (j > i)
        i = j - 1;
    }
  return n;
}

/* ------------------------------------------------------------------ */
/* X                                                                  */

/* The end of the emoji sequence starting at @p, or NULL. */
static const char *
match_emoji (const char *p)
{
  gunichar c = g_utf8_get_char (p);
  const char *q = g_utf8_next_char (p);

  if (is_regional_indicator (c))
    {
      if (is_regional_indicator (g_utf8_get_char (q)))
        return g_utf8_next_char (q);
      return q;
    }

  /* Keycaps: [0-9#*] FE0F? 20E3 */
  if ((c >= '0' && c <= '9') || c == '#' || c == '*')
    {
      if (g_utf8_get_char (q) == 0xFE0F)
        q = g_utf8_next_char (q);
      if (g_utf8_get_char (q) == 0x20E3)
        return g_utf8_next_char (q);
      return NULL;
    }

  if (!is_ext_pict (c))
    return NULL;
  /* Text-default pictographs in the light ranges need FE0F. */
  if (in_ranges (c, x_light_ranges, G_N_ELEMENTS (x_light_ranges)) &&
      g_utf8_get_char (q) != 0xFE0F)
    return NULL;

  for (;;)
    {
      gunichar n = g_utf8_get_char (q);

      if (n == 0xFE0F || is_emoji_modifier (n) || is_tag (n))
        {
          q = g_utf8_next_char (q);
          continue;
        }
      if (n == 0x200D)
        {
          const char *r = g_utf8_next_char (q);

          if (is_ext_pict (g_utf8_get_char (r)))
            {
              q = g_utf8_next_char (r);
              continue;
            }
        }
      return q;
    }
}

static gint64
x_weighted_length (const char *raw,
                   guint       url_length)
{
  g_autofree char *text = g_utf8_normalize (raw, -1, G_NORMALIZE_NFC);
  g_autoptr(GArray) urls = NULL;
  gint64 weight = 0;
  guint next_url = 0;
  const char *p;

  if (text == NULL)
    return 0;

  urls = warta_caption_find_urls (text, TRUE);
  p = text;
  while (*p)
    {
      gsize offset = p - text;
      const char *emoji_end;

      if (next_url < urls->len && offset == g_array_index (urls, gsize, next_url))
        {
          weight += (gint64) url_length * X_SCALE;
          p = text + g_array_index (urls, gsize, next_url + 1);
          next_url += 2;
          continue;
        }
      emoji_end = match_emoji (p);
      if (emoji_end != NULL)
        {
          weight += X_DEFAULT_WEIGHT;
          p = emoji_end;
          continue;
        }
      if (in_ranges (g_utf8_get_char (p), x_light_ranges, G_N_ELEMENTS (x_light_ranges)))
        weight += X_SCALE;
      else
        weight += X_DEFAULT_WEIGHT;
      p = g_utf8_next_char (p);
    }

  /* twitter-text truncates the division. */
  return weight / X_SCALE;
}

gint64
warta_caption_count_x_weighted (const char *text)
{
  g_return_val_if_fail (text != NULL, 0);

  return x_weighted_length (text, limits[WARTA_CAPTION_TARGET_X].url_length);
}

/* ------------------------------------------------------------------ */
/* Mastodon                                                           */

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || c == '_' || g_unichar_ismark (c);
}

/* Mastodon's MENTION_RE: "@user" or "@user@domain", not after a word
 * character, "=" or "/". Returns the end of the "@user" part and sets
 * @end to the end of the whole mention, or returns 0. */
static gsize
match_mastodon_mention (const char *text,
                        gsize       length,
                        gsize       at,
                        gsize      *end)
{
  gsize p = at + 1, user_end;

  if (at > 0)
    {
      gunichar before = g_utf8_get_char (g_utf8_prev_char (text + at));

      if (is_word_char (before) || before == '=' || before == '/')
        return 0;
    }

  /* [a-z0-9_]+ ([.-]+ [a-z0-9_]+)* */
  for (;;)
    {
      gsize q = p;

      while (q < length && (g_ascii_isalnum (text[q]) || text[q] == '_'))
        q++;
      if (q == p)
        break;
      p = q;
      while (q < length && (text[q] == '.' || text[q] == '-'))
        q++;
      if (q == p || q >= length || !(g_ascii_isalnum (text[q]) || text[q] == '_'))
        break;
      p = q;
    }
  if (p == at + 1)
    return 0;
  user_end = p;
  *end = user_end;

  /* (@ [word]+ ([.-]+ [word]+)*)? */
  if (user_end < length && text[user_end] == '@')
    {
      gsize q = user_end + 1, domain_end = 0;

      for (;;)
        {
          gsize r = q;

          while (r < length && is_word_char (g_utf8_get_char (text + r)))
            r = g_utf8_next_char (text + r) - text;
          if (r == q)
            break;
          domain_end = r;
          while (r < length && (text[r] == '.' || text[r] == '-'))
            r++;
          if (r == domain_end)
            break;
          q = r;
        }
      if (domain_end > 0)
        *end = domain_end;
    }
  return user_end;
}

gint64
warta_caption_count_mastodon (const char *text,
                              guint       url_length)
{
  g_autoptr(GArray) urls = NULL;
  g_autoptr(GString) countable = NULL;
  gsize length, p = 0;
  guint next_url = 0;

  g_return_val_if_fail (text != NULL, 0);

  length = strlen (text);
  urls = warta_caption_find_urls (text, FALSE);
  countable = g_string_sized_new (length);
  while (p < length)
    {
      gsize user_end, end;

      if (next_url < urls->len && p == g_array_index (urls, gsize, next_url))
        {
          for (guint i = 0; i < url_length; i++)
            g_string_append_c (countable, 'x');
          p = g_array_index (urls, gsize, next_url + 1);
          next_url += 2;
          continue;
        }
      if (text[p] == '@' && (user_end = match_mastodon_mention (text, length, p, &end)) > 0)
        {
          g_string_append_len (countable, text + p, user_end - p);
          p = end;
          continue;
        }
      {
        gsize next = g_utf8_next_char (text + p) - text;

        g_string_append_len (countable, text + p, next - p);
        p = next;
      }
    }

  return warta_caption_count_graphemes (countable->str);
}

/* ------------------------------------------------------------------ */
/* The check                                                          */

const WartaCaptionLimits *
warta_caption_target_get_limits (WartaCaptionTarget target)
{
  g_return_val_if_fail (target < WARTA_N_CAPTION_TARGETS, NULL);

  return &limits[target];
}

const char *
warta_caption_target_get_name (WartaCaptionTarget target)
{
  g_return_val_if_fail (target < WARTA_N_CAPTION_TARGETS, NULL);

  return _(limits[target].name);
}

const char *
warta_caption_target_to_string (WartaCaptionTarget target)
{
  g_return_val_if_fail (target < WARTA_N_CAPTION_TARGETS, NULL);

  return limits[target].id;
}

gboolean
warta_caption_target_from_string (const char         *id,
                                  WartaCaptionTarget *target)
{
  for (guint i = 0; i < WARTA_N_CAPTION_TARGETS; i++)
    if (g_strcmp0 (id, limits[i].id) == 0)
      {
        if (target != NULL)
          *target = i;
        return TRUE;
      }
  return FALSE;
}

static void
problem_clear (gpointer data)
{
  WartaCaptionProblem *problem = data;

  g_clear_pointer (&problem->message, g_free);
}

static void
add_problem (WartaCaptionResult   *self,
             WartaCaptionRule      rule,
             WartaCaptionSeverity  severity,
             char                 *message)
{
  WartaCaptionProblem problem = { rule, severity, message };

  g_array_append_val (self->problems, problem);
}

static char *
too_long_message (WartaCaptionTarget target,
                  int                count,
                  int                limit)
{
  const char *name = warta_caption_target_get_name (target);
  int excess = count - limit;

  switch (limits[target].counting)
    {
    case WARTA_CAPTION_COUNT_X_WEIGHTED:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%s: %d of %d as X counts (a link counts 23, an emoji or "
                                           "a Chinese, Japanese or Korean character 2). Shorten it "
                                           "by %d.",
                                           "%s: %d of %d as X counts (a link counts 23, an emoji or "
                                           "a Chinese, Japanese or Korean character 2). Shorten it "
                                           "by %d.",
                                           excess),
                              name, count, limit, excess);
    case WARTA_CAPTION_COUNT_GRAPHEMES:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%s: %d of %d characters (a link counts 23). Shorten "
                                           "it by %d character.",
                                           "%s: %d of %d characters (a link counts 23). Shorten "
                                           "it by %d characters.",
                                           excess),
                              name, count, limit, excess);
    case WARTA_CAPTION_COUNT_UTF16:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%s: %d of %d as TikTok counts (an emoji counts 2). "
                                           "Shorten it by %d.",
                                           "%s: %d of %d as TikTok counts (an emoji counts 2). "
                                           "Shorten it by %d.",
                                           excess),
                              name, count, limit, excess);
    case WARTA_CAPTION_COUNT_UTF8_BYTES:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%s: %d of %d bytes (letters outside English take 2 to "
                                           "4 bytes). Shorten it by %d byte.",
                                           "%s: %d of %d bytes (letters outside English take 2 to "
                                           "4 bytes). Shorten it by %d bytes.",
                                           excess),
                              name, count, limit, excess);
    case WARTA_CAPTION_COUNT_CHARACTERS:
    default:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%s: %d of %d characters. Shorten it by %d character.",
                                           "%s: %d of %d characters. Shorten it by %d characters.",
                                           excess),
                              name, count, limit, excess);
    }
}

static char *
forbidden_found (const char *text,
                 const char *forbidden)
{
  g_autoptr(GString) found = g_string_new (NULL);

  for (const char *f = forbidden; *f; f = g_utf8_next_char (f))
    {
      gunichar c = g_utf8_get_char (f);

      if (g_utf8_strchr (text, -1, c) != NULL)
        {
          if (found->len > 0)
            g_string_append_c (found, ' ');
          if (g_unichar_isgraph (c))
            g_string_append_unichar (found, c);
          else
            g_string_append_printf (found, "U+%04X", c);
        }
    }
  return found->len > 0 ? g_string_free (g_steal_pointer (&found), FALSE) : NULL;
}

WartaCaptionResult *
warta_caption_check_with_limit (WartaCaptionTarget  target,
                                const char         *text,
                                gint64              limit)
{
  const WartaCaptionLimits *l;
  WartaCaptionResult *self;
  g_autoptr(GArray) urls = NULL;
  g_autofree char *forbidden = NULL;
  const char *name;

  g_return_val_if_fail (target < WARTA_N_CAPTION_TARGETS, NULL);

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    text = "";

  l = &limits[target];
  name = warta_caption_target_get_name (target);

  self = g_new0 (WartaCaptionResult, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->target = target;
  self->limit = limit > 0 ? limit : l->limit;
  self->problems = g_array_new (FALSE, FALSE, sizeof (WartaCaptionProblem));
  g_array_set_clear_func (self->problems, problem_clear);

  switch (l->counting)
    {
    case WARTA_CAPTION_COUNT_X_WEIGHTED:
      self->count = x_weighted_length (text, l->url_length);
      break;
    case WARTA_CAPTION_COUNT_GRAPHEMES:
      self->count = warta_caption_count_mastodon (text, l->url_length);
      break;
    case WARTA_CAPTION_COUNT_UTF16:
      self->count = warta_caption_count_utf16 (text);
      break;
    case WARTA_CAPTION_COUNT_UTF8_BYTES:
      self->count = strlen (text);
      break;
    case WARTA_CAPTION_COUNT_CHARACTERS:
    default:
      self->count = warta_caption_count_characters (text);
      break;
    }

  urls = warta_caption_find_urls (text, l->counting != WARTA_CAPTION_COUNT_GRAPHEMES);
  self->n_urls = urls->len / 2;
  self->n_hashtags = warta_caption_count_hashtags (text);
  self->n_mentions = warta_caption_count_mentions (text);

  if (l->required)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (text));

      if (*stripped == '\0')
        add_problem (self, WARTA_CAPTION_RULE_REQUIRED, WARTA_CAPTION_SEVERITY_HARD,
                     /* Translators: %s is a field, e.g. "YouTube title" */
                     g_strdup_printf (_("%s is empty. Write one before submitting."), name));
    }

  if (self->limit > 0 && self->count > self->limit)
    add_problem (self, WARTA_CAPTION_RULE_TOO_LONG, WARTA_CAPTION_SEVERITY_HARD,
                 too_long_message (target, (int) self->count, (int) self->limit));
  else if (l->advised_limit > 0 && self->count > l->advised_limit)
    add_problem (self, WARTA_CAPTION_RULE_LONGER_THAN_ADVISED, WARTA_CAPTION_SEVERITY_WARNING,
                 g_strdup_printf (_("%s: %d characters. Search results and link previews cut it "
                                    "after about %d; consider a shorter one."),
                                  name, (int) self->count, (int) l->advised_limit));

  if (l->max_hashtags > 0 && self->n_hashtags > l->max_hashtags)
    {
      guint excess = self->n_hashtags - l->max_hashtags;

      add_problem (self, WARTA_CAPTION_RULE_TOO_MANY_HASHTAGS, WARTA_CAPTION_SEVERITY_HARD,
                   g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "%s: %u hashtags, at most %u are allowed. Remove "
                                                 "%u hashtag.",
                                                 "%s: %u hashtags, at most %u are allowed. Remove "
                                                 "%u hashtags.",
                                                 excess),
                                    name, self->n_hashtags, l->max_hashtags, excess));
    }

  if (l->max_mentions > 0 && self->n_mentions > l->max_mentions)
    {
      guint excess = self->n_mentions - l->max_mentions;

      add_problem (self, WARTA_CAPTION_RULE_TOO_MANY_MENTIONS, WARTA_CAPTION_SEVERITY_HARD,
                   g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "%s: %u @-mentions, at most %u are allowed. "
                                                 "Remove %u mention.",
                                                 "%s: %u @-mentions, at most %u are allowed. "
                                                 "Remove %u mentions.",
                                                 excess),
                                    name, self->n_mentions, l->max_mentions, excess));
    }

  if (l->forbidden != NULL && (forbidden = forbidden_found (text, l->forbidden)) != NULL)
    add_problem (self, WARTA_CAPTION_RULE_FORBIDDEN_CHARACTER, WARTA_CAPTION_SEVERITY_HARD,
                 /* Translators: the second %s lists characters, e.g. "< >" */
                 g_strdup_printf (_("%s may not contain %s. Remove it or write it out in words."),
                                  name, forbidden));

  return self;
}

WartaCaptionResult *
warta_caption_check (WartaCaptionTarget  target,
                     const char         *text)
{
  return warta_caption_check_with_limit (target, text, 0);
}

WartaCaptionResult *
warta_caption_result_ref (WartaCaptionResult *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
warta_caption_result_unref (WartaCaptionResult *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_array_unref (self->problems);
      g_free (self);
    }
}

WartaCaptionTarget
warta_caption_result_get_target (WartaCaptionResult *self)
{
  return self->target;
}

gint64
warta_caption_result_get_count (WartaCaptionResult *self)
{
  return self->count;
}

gint64
warta_caption_result_get_limit (WartaCaptionResult *self)
{
  return self->limit;
}

guint
warta_caption_result_get_n_hashtags (WartaCaptionResult *self)
{
  return self->n_hashtags;
}

guint
warta_caption_result_get_n_mentions (WartaCaptionResult *self)
{
  return self->n_mentions;
}

guint
warta_caption_result_get_n_urls (WartaCaptionResult *self)
{
  return self->n_urls;
}

guint
warta_caption_result_get_n_problems (WartaCaptionResult *self)
{
  return self->problems->len;
}

const WartaCaptionProblem *
warta_caption_result_get_problem (WartaCaptionResult *self,
                                  guint               index)
{
  g_return_val_if_fail (index < self->problems->len, NULL);

  return &g_array_index (self->problems, WartaCaptionProblem, index);
}

gboolean
warta_caption_result_has_problem (WartaCaptionResult *self,
                                  WartaCaptionRule    rule)
{
  for (guint i = 0; i < self->problems->len; i++)
    if (g_array_index (self->problems, WartaCaptionProblem, i).rule == rule)
      return TRUE;
  return FALSE;
}

gboolean
warta_caption_result_is_blocking (WartaCaptionResult *self)
{
  for (guint i = 0; i < self->problems->len; i++)
    if (g_array_index (self->problems, WartaCaptionProblem, i).severity ==
        WARTA_CAPTION_SEVERITY_HARD)
      return TRUE;
  return FALSE;
}
