/* warta-diff.c: what changed between two texts, and between two revisions
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Texts are compared word by word: a reviewer reads "koordinasi" became
 * "evaluasi", not a scatter of changed letters. A text is cut into words
 * (letters, digits and their combining marks), single punctuation marks and
 * runs of white space; marks and format characters (variation selectors,
 * zero-width joiners) stay with the character before them, so an emoji or
 * an accented letter is never split. Han, kana and Thai letters are a word
 * each, as those scripts put no spaces between words.
 *
 * The words are compared with Myers' O(ND) algorithm after the common
 * start and end are set aside. The search stops after a number of edits
 * chosen from the texts' length, so a pathological pair (two long,
 * unrelated texts) costs bounded time and memory: the rest is then shown
 * as one deletion and one insertion, which is what a reader would make of
 * it anyway.
 */
#define G_LOG_DOMAIN "warta-diff"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "warta-caption-rules.h"
#include "warta-diff.h"

/* The edit search costs (old + new words) × edits steps: stop there. */
#define MAX_STEPS 40000000
/* The trace keeps about edits² integers. */
#define MAX_EDITS 2000

/* -- cutting a text into words ------------------------------------------------- */

typedef enum
{
  CLASS_SPACE,
  CLASS_WORD,
  CLASS_SINGLE,   /* a token of its own: punctuation, symbols, Han … */
  CLASS_ATTACH,   /* stays with the character before */
} CharClass;

static CharClass
classify (gunichar c)
{
  GUnicodeType type = g_unichar_type (c);

  if (g_unichar_isspace (c))
    return CLASS_SPACE;

  /* Marks, joiners, variation selectors and skin tones. */
  if (type == G_UNICODE_SPACING_MARK || type == G_UNICODE_ENCLOSING_MARK ||
      type == G_UNICODE_NON_SPACING_MARK || type == G_UNICODE_FORMAT ||
      (c >= 0x1F3FB && c <= 0x1F3FF))
    return CLASS_ATTACH;

  if (g_unichar_isalnum (c))
    {
      switch (g_unichar_get_script (c))
        {
        case G_UNICODE_SCRIPT_HAN:
        case G_UNICODE_SCRIPT_HIRAGANA:
        case G_UNICODE_SCRIPT_KATAKANA:
        case G_UNICODE_SCRIPT_THAI:
        case G_UNICODE_SCRIPT_LAO:
        case G_UNICODE_SCRIPT_KHMER:
          return CLASS_SINGLE;

        default:
          return CLASS_WORD;
        }
    }

  return CLASS_SINGLE;
}

/* Appends the tokens of @text to @tokens (borrowed pointers into
 * @text are not used: each token is its own string). */
static void
tokenize_into (const char *text,
               GPtrArray  *tokens)
{
  const char *p = text;
  const char *start = NULL;
  CharClass current = CLASS_SINGLE;
  gboolean joined = FALSE;
  gunichar last = 0;

  if (text == NULL)
    return;

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);
      CharClass cls = classify (c);
      const char *next = g_utf8_next_char (p);
      gunichar previous = last;

      last = c;

      /* After a zero-width joiner the next character is part of the
       * same emoji ("👨‍👩‍👧"). */
      if ((cls == CLASS_ATTACH || (joined && cls != CLASS_SPACE)) && start != NULL)
        {
          joined = c == 0x200D;
          p = next;
          continue;
        }
      joined = FALSE;

      /* "09.00", "5.000", "1,5" and "Jum'at" are one word each. */
      if (start != NULL && current == CLASS_WORD && cls == CLASS_SINGLE && *next != '\0')
        {
          gunichar after = g_utf8_get_char (next);

          if (classify (after) == CLASS_WORD &&
              (((c == '.' || c == ',' || c == ':') && g_unichar_isdigit (previous) &&
                g_unichar_isdigit (after)) ||
               ((c == '\'' || c == 0x2019) && g_unichar_isalpha (previous) &&
                g_unichar_isalpha (after))))
            {
              p = next;
              continue;
            }
        }
      if (cls == CLASS_ATTACH)
        cls = CLASS_SINGLE;

      /* A word or a space run goes on while the class stays the same. */
      if (start != NULL && cls == current && cls != CLASS_SINGLE)
        {
          p = next;
          continue;
        }

      if (start != NULL)
        g_ptr_array_add (tokens, g_strndup (start, p - start));
      start = p;
      current = cls;
      p = next;
    }

  if (start != NULL)
    g_ptr_array_add (tokens, g_strndup (start, p - start));
}

/**
 * warta_diff_tokenize:
 * @text: (nullable): UTF-8 text
 *
 * Returns: (transfer full): the words, punctuation marks and white space
 *   runs of @text, in order; joined they give @text back
 */
char **
warta_diff_tokenize (const char *text)
{
  GPtrArray *tokens = g_ptr_array_new ();

  tokenize_into (text, tokens);
  g_ptr_array_add (tokens, NULL);

  return (char **)g_ptr_array_free (tokens, FALSE);
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

/* -- runs ------------------------------------------------------------------------ */

static void
run_free (gpointer data)
{
  WartaDiffRun *run = data;

  g_free (run->text);
  g_free (run);
}

static void
push_run (GPtrArray   *runs,
          WartaDiffOp  op,
          const char  *text,
          gsize        length)
{
  WartaDiffRun *run;

  if (length == 0)
    return;

  run = g_new0 (WartaDiffRun, 1);
  run->op = op;
  run->text = g_strndup (text, length);
  g_ptr_array_add (runs, run);
}

/* Collects tokens into runs without copying a long run again and again. */
typedef struct
{
  GPtrArray   *runs;
  GString     *text;
  WartaDiffOp  op;
} RunBuilder;

static void
builder_flush (RunBuilder *builder)
{
  push_run (builder->runs, builder->op, builder->text->str, builder->text->len);
  g_string_truncate (builder->text, 0);
}

static void
builder_add (RunBuilder  *builder,
             WartaDiffOp  op,
             const char  *text)
{
  if (op != builder->op)
    {
      builder_flush (builder);
      builder->op = op;
    }
  g_string_append (builder->text, text);
}

/* Each changed stretch becomes one deletion then one insertion, and a
 * stretch of white space between two changes belongs to both: "Rapat
 * [-koordinasi pengawasan-]{+evaluasi kinerja+}", not two pairs. */
static GPtrArray *
tidy_runs (GPtrArray *raw)
{
  GPtrArray *runs = g_ptr_array_new_with_free_func (run_free);
  g_autoptr(GString) deleted = g_string_new (NULL);
  g_autoptr(GString) inserted = g_string_new (NULL);
  guint i = 0;

  while (i < raw->len)
    {
      WartaDiffRun *run = g_ptr_array_index (raw, i);

      if (run->op == WARTA_DIFF_EQUAL)
        {
          push_run (runs, WARTA_DIFF_EQUAL, run->text, strlen (run->text));
          i++;
          continue;
        }

      /* A changed stretch: changes, and blank equal runs between changes. */
      g_string_truncate (deleted, 0);
      g_string_truncate (inserted, 0);
      while (i < raw->len)
        {
          run = g_ptr_array_index (raw, i);

          if (run->op == WARTA_DIFF_DELETE)
            g_string_append (deleted, run->text);
          else if (run->op == WARTA_DIFF_INSERT)
            g_string_append (inserted, run->text);
          else if (is_blank (run->text) && i + 1 < raw->len &&
                   ((WartaDiffRun *)g_ptr_array_index (raw, i + 1))->op != WARTA_DIFF_EQUAL)
            {
              g_string_append (deleted, run->text);
              g_string_append (inserted, run->text);
            }
          else
            break;
          i++;
        }
      push_run (runs, WARTA_DIFF_DELETE, deleted->str, deleted->len);
      push_run (runs, WARTA_DIFF_INSERT, inserted->str, inserted->len);
    }

  return runs;
}

/* -- Myers ----------------------------------------------------------------------- */

typedef struct
{
  const guint *a;
  const guint *b;
  int          n;
  int          m;
} Seqs;

/* Fills @ops (one char per step: '=', '-', '+') for a[0..n) against
 * b[0..m). Returns FALSE when more than @max_d edits are needed. */
static gboolean
myers (const Seqs *s,
       int         max_d,
       GString    *ops)
{
  g_autoptr(GPtrArray) trace = g_ptr_array_new_with_free_func (g_free);
  int n = s->n, m = s->m;
  int found_d = -1;
  int x, y;

  for (int d = 0; d <= max_d && found_d < 0; d++)
    {
      int *v = g_new (int, 2 * d + 1);
      const int *prev = d > 0 ? g_ptr_array_index (trace, d - 1) : NULL;

      for (int k = -d; k <= d; k += 2)
        {
          if (d == 0)
            x = 0;
          else if (k == -d || (k != d && prev[k - 1 + (d - 1)] < prev[k + 1 + (d - 1)]))
            x = prev[k + 1 + (d - 1)];        /* down: an insertion */
          else
            x = prev[k - 1 + (d - 1)] + 1;    /* right: a deletion */
          y = x - k;

          while (x < n && y < m && s->a[x] == s->b[y])
            x++, y++;

          v[k + d] = x;
          if (x >= n && y >= m)
            {
              found_d = d;
              break;
            }
        }
      g_ptr_array_add (trace, v);
    }

  if (found_d < 0)
    return FALSE;

  /* Back from the end, collecting the steps in reverse. */
  x = n;
  y = m;
  for (int d = found_d; d > 0; d--)
    {
      const int *prev = g_ptr_array_index (trace, d - 1);
      int k = x - y;
      int prev_k, prev_x, prev_y;

      if (k == -d || (k != d && prev[k - 1 + (d - 1)] < prev[k + 1 + (d - 1)]))
        prev_k = k + 1;
      else
        prev_k = k - 1;
      prev_x = prev[prev_k + (d - 1)];
      prev_y = prev_x - prev_k;

      while (x > prev_x && y > prev_y)
        {
          g_string_append_c (ops, '=');
          x--, y--;
        }
      if (prev_k == k + 1)
        g_string_append_c (ops, '+');
      else
        g_string_append_c (ops, '-');
      x = prev_x;
      y = prev_y;
    }
  while (x > 0 && y > 0)
    {
      g_string_append_c (ops, '=');
      x--, y--;
    }

  g_strreverse (ops->str);
  return TRUE;
}

/**
 * warta_diff_words:
 * @old_text: (nullable): the earlier text
 * @new_text: (nullable): the later text
 *
 * Compares two texts word by word. Deleted and inserted text of one
 * changed stretch come as one %WARTA_DIFF_DELETE run followed by one
 * %WARTA_DIFF_INSERT run; the equal and deleted runs joined give
 * @old_text, the equal and inserted runs give @new_text (both in Unicode
 * normalization form C).
 *
 * Returns: (transfer container) (element-type WartaDiffRun): the runs
 */
GPtrArray *
warta_diff_words (const char *old_text,
                  const char *new_text)
{
  g_autofree char *old_nfc = g_utf8_normalize (old_text ? old_text : "", -1, G_NORMALIZE_NFC);
  g_autofree char *new_nfc = g_utf8_normalize (new_text ? new_text : "", -1, G_NORMALIZE_NFC);
  g_autoptr(GPtrArray) a_tokens = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) b_tokens = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) raw = g_ptr_array_new_with_free_func (run_free);
  g_autoptr(GString) ops = g_string_new (NULL);
  g_autoptr(GString) run_text = g_string_new (NULL);
  RunBuilder builder = { raw, run_text, WARTA_DIFF_EQUAL };
  g_autofree guint *a = NULL;
  g_autofree guint *b = NULL;
  guint prefix = 0, suffix = 0;
  guint na, nb;
  Seqs s;
  int max_d;

  /* Invalid UTF-8 from outside: compare what can be compared. */
  if (old_nfc == NULL)
    old_nfc = g_utf8_make_valid (old_text, -1);
  if (new_nfc == NULL)
    new_nfc = g_utf8_make_valid (new_text, -1);

  tokenize_into (old_nfc, a_tokens);
  tokenize_into (new_nfc, b_tokens);
  na = a_tokens->len;
  nb = b_tokens->len;

  /* Words become numbers: the search compares integers. */
  a = g_new (guint, na + 1);
  b = g_new (guint, nb + 1);
  for (guint pass = 0; pass < 2; pass++)
    {
      GPtrArray *tokens = pass == 0 ? a_tokens : b_tokens;
      guint *out = pass == 0 ? a : b;

      for (guint i = 0; i < tokens->len; i++)
        {
          gpointer id;

          if (!g_hash_table_lookup_extended (ids, g_ptr_array_index (tokens, i), NULL, &id))
            {
              id = GUINT_TO_POINTER (g_hash_table_size (ids) + 1);
              g_hash_table_insert (ids, g_ptr_array_index (tokens, i), id);
            }
          out[i] = GPOINTER_TO_UINT (id);
        }
    }

  while (prefix < na && prefix < nb && a[prefix] == b[prefix])
    prefix++;
  while (suffix < na - prefix && suffix < nb - prefix &&
         a[na - 1 - suffix] == b[nb - 1 - suffix])
    suffix++;

  s.a = a + prefix;
  s.b = b + prefix;
  s.n = na - prefix - suffix;
  s.m = nb - prefix - suffix;

  max_d = MAX_STEPS / (s.n + s.m + 1);
  max_d = CLAMP (max_d, 64, MAX_EDITS);
  max_d = MIN (max_d, s.n + s.m);

  for (guint i = 0; i < prefix; i++)
    builder_add (&builder, WARTA_DIFF_EQUAL, g_ptr_array_index (a_tokens, i));

  if (myers (&s, max_d, ops))
    {
      guint ia = prefix, ib = prefix;

      for (gsize i = 0; i < ops->len; i++)
        switch (ops->str[i])
          {
          case '=':
            builder_add (&builder, WARTA_DIFF_EQUAL, g_ptr_array_index (a_tokens, ia));
            ia++, ib++;
            break;

          case '-':
            builder_add (&builder, WARTA_DIFF_DELETE, g_ptr_array_index (a_tokens, ia++));
            break;

          case '+':
          default:
            builder_add (&builder, WARTA_DIFF_INSERT, g_ptr_array_index (b_tokens, ib++));
            break;
          }
    }
  else
    {
      /* Too different to be worth the search: all out, all in. */
      for (int i = 0; i < s.n; i++)
        builder_add (&builder, WARTA_DIFF_DELETE, g_ptr_array_index (a_tokens, prefix + i));
      for (int i = 0; i < s.m; i++)
        builder_add (&builder, WARTA_DIFF_INSERT, g_ptr_array_index (b_tokens, prefix + i));
    }

  for (guint i = na - suffix; i < na; i++)
    builder_add (&builder, WARTA_DIFF_EQUAL, g_ptr_array_index (a_tokens, i));
  builder_flush (&builder);

  return tidy_runs (raw);
}

/**
 * warta_diff_has_changes:
 * @runs: (element-type WartaDiffRun): from warta_diff_words()
 *
 * Returns: whether anything was deleted or inserted
 */
gboolean
warta_diff_has_changes (GPtrArray *runs)
{
  g_return_val_if_fail (runs != NULL, FALSE);

  for (guint i = 0; i < runs->len; i++)
    if (((WartaDiffRun *)g_ptr_array_index (runs, i))->op != WARTA_DIFF_EQUAL)
      return TRUE;

  return FALSE;
}

/**
 * warta_diff_format:
 * @runs: (element-type WartaDiffRun): from warta_diff_words()
 *
 * Returns: (transfer full): the runs as plain text, deletions in "[-…-]"
 *   and insertions in "{+…+}" (as git's word diff writes them)
 */
char *
warta_diff_format (GPtrArray *runs)
{
  GString *str = g_string_new (NULL);

  g_return_val_if_fail (runs != NULL, NULL);

  for (guint i = 0; i < runs->len; i++)
    {
      WartaDiffRun *run = g_ptr_array_index (runs, i);

      switch (run->op)
        {
        case WARTA_DIFF_DELETE:
          g_string_append_printf (str, "[-%s-]", run->text);
          break;

        case WARTA_DIFF_INSERT:
          g_string_append_printf (str, "{+%s+}", run->text);
          break;

        case WARTA_DIFF_EQUAL:
        default:
          g_string_append (str, run->text);
          break;
        }
    }

  return g_string_free (str, FALSE);
}

/* -- revisions --------------------------------------------------------------------- */

struct _WartaRevisionDiff
{
  gatomicrefcount  ref_count;
  GPtrArray       *fields;  /* WartaFieldDiff, changed fields only */
  GPtrArray       *media;   /* WartaMediaDiff */
};

G_DEFINE_BOXED_TYPE (WartaRevisionDiff, warta_revision_diff,
                     warta_revision_diff_ref, warta_revision_diff_unref)

static void
field_diff_free (gpointer data)
{
  WartaFieldDiff *field = data;

  g_free (field->field);
  g_clear_pointer (&field->runs, g_ptr_array_unref);
  g_free (field);
}

static void
media_diff_free (gpointer data)
{
  WartaMediaDiff *media = data;

  g_clear_object (&media->item);
  g_clear_object (&media->old_item);
  g_free (media);
}

static void
add_field (WartaRevisionDiff *self,
           const char        *field,
           const char        *old_text,
           const char        *new_text)
{
  WartaFieldDiff *diff;

  if (g_strcmp0 (old_text ? old_text : "", new_text ? new_text : "") == 0)
    return;

  diff = g_new0 (WartaFieldDiff, 1);
  diff->field = g_strdup (field);
  diff->runs = warta_diff_words (old_text, new_text);
  /* Texts that differ only in their Unicode form read the same. */
  if (!warta_diff_has_changes (diff->runs))
    {
      field_diff_free (diff);
      return;
    }
  g_ptr_array_add (self->fields, diff);
}

static void
add_media (WartaRevisionDiff *self,
           WartaMediaChange   change,
           WartaMediaItem    *item,
           WartaMediaItem    *old_item,
           int                old_position,
           int                new_position)
{
  WartaMediaDiff *diff = g_new0 (WartaMediaDiff, 1);

  diff->change = change;
  diff->item = g_object_ref (item);
  diff->old_item = old_item ? g_object_ref (old_item) : NULL;
  diff->old_position = old_position;
  diff->new_position = new_position;
  g_ptr_array_add (self->media, diff);
}

static int
find_sha256 (GListModel *media,
             const char *sha256)
{
  for (guint i = 0; media != NULL && i < g_list_model_get_n_items (media); i++)
    {
      g_autoptr(WartaMediaItem) item = g_list_model_get_item (media, i);

      if (g_strcmp0 (warta_media_item_get_sha256 (item), sha256) == 0)
        return i;
    }

  return -1;
}

static gboolean
media_details_differ (WartaMediaItem *a,
                      WartaMediaItem *b)
{
  return g_strcmp0 (warta_media_item_get_alt_text (a), warta_media_item_get_alt_text (b)) != 0 ||
         g_strcmp0 (warta_media_item_get_credit (a), warta_media_item_get_credit (b)) != 0 ||
         g_strcmp0 (warta_media_item_get_consent (a), warta_media_item_get_consent (b)) != 0 ||
         !warta_media_item_get_illustration (a) != !warta_media_item_get_illustration (b) ||
         !warta_media_item_get_identifiable_people (a) != !warta_media_item_get_identifiable_people (b) ||
         !warta_media_item_get_minor (a) != !warta_media_item_get_minor (b) ||
         g_strcmp0 (warta_media_item_get_skipped_platforms (a),
                    warta_media_item_get_skipped_platforms (b)) != 0;
}

/* Files in both revisions that keep their order relative to each other
 * form the longest common subsequence of the two orders; the others moved. */
static void
diff_media (WartaRevisionDiff *self,
            GListModel        *old_media,
            GListModel        *new_media)
{
  guint n_old = old_media ? g_list_model_get_n_items (old_media) : 0;
  guint n_new = new_media ? g_list_model_get_n_items (new_media) : 0;
  g_autoptr(GArray) common_old = g_array_new (FALSE, FALSE, sizeof (int)); /* new positions, in old order */
  g_autofree gboolean *stays = NULL;
  g_autofree guint *lcs = NULL;
  guint n;

  for (guint i = 0; i < n_old; i++)
    {
      g_autoptr(WartaMediaItem) item = g_list_model_get_item (old_media, i);
      int j = find_sha256 (new_media, warta_media_item_get_sha256 (item));

      if (j < 0)
        add_media (self, WARTA_MEDIA_CHANGE_REMOVED, item, item, i, -1);
      else
        g_array_append_val (common_old, j);
    }

  for (guint j = 0; j < n_new; j++)
    {
      g_autoptr(WartaMediaItem) item = g_list_model_get_item (new_media, j);

      if (find_sha256 (old_media, warta_media_item_get_sha256 (item)) < 0)
        add_media (self, WARTA_MEDIA_CHANGE_ADDED, item, NULL, -1, j);
    }

  /* The longest increasing run of new positions, by the O(n²) table: a
   * publication has tens of files, not thousands. */
  n = common_old->len;
  stays = g_new0 (gboolean, n);
  lcs = g_new0 (guint, n + 1);
  if (n > 0)
    {
      g_autofree int *prev = g_new (int, n);
      int best = -1;

      for (guint i = 0; i < n; i++)
        {
          lcs[i] = 1;
          prev[i] = -1;
          for (guint k = 0; k < i; k++)
            if (g_array_index (common_old, int, k) < g_array_index (common_old, int, i) &&
                lcs[k] + 1 > lcs[i])
              {
                lcs[i] = lcs[k] + 1;
                prev[i] = k;
              }
          if (best < 0 || lcs[i] > lcs[best])
            best = i;
        }
      for (int i = best; i >= 0; i = prev[i])
        stays[i] = TRUE;
    }

  for (guint i = 0; i < n; i++)
    {
      int j = g_array_index (common_old, int, i);
      g_autoptr(WartaMediaItem) item = g_list_model_get_item (new_media, j);
      g_autoptr(WartaMediaItem) old_item = NULL;
      int old_position = find_sha256 (old_media, warta_media_item_get_sha256 (item));

      old_item = g_list_model_get_item (old_media, old_position);
      if (!stays[i])
        add_media (self, WARTA_MEDIA_CHANGE_MOVED, item, old_item, old_position, j);
      if (media_details_differ (old_item, item))
        add_media (self, WARTA_MEDIA_CHANGE_DETAILS, item, old_item, old_position, j);
    }
}

/* Where a caption's changes are read: the shared text first, then the
 * platforms in the order the editor and the review page show them, and
 * names Warta does not know last, by name. */
static int
caption_rank (const char *target)
{
  WartaCaptionTarget known;

  if (g_strcmp0 (target, "shared") == 0)
    return -1;
  if (warta_caption_target_from_string (target, &known))
    return (int) known;
  return WARTA_N_CAPTION_TARGETS;
}

static int
compare_caption_targets (gconstpointer a,
                         gconstpointer b)
{
  const char *x = *(const char * const *)a;
  const char *y = *(const char * const *)b;
  int rank_x = caption_rank (x), rank_y = caption_rank (y);

  return rank_x != rank_y ? (rank_x < rank_y ? -1 : 1) : g_strcmp0 (x, y);
}

/**
 * warta_revision_diff_new:
 * @old_revision: (nullable): the revision the reader saw, or %NULL
 * @new_revision: the revision to compare with it
 *
 * Compares every text field of two revisions word by word (title, the
 * six of 5W+1H, narrative, category, hashtags, each caption, the website
 * article) and their photos and videos by content (SHA-256): added,
 * removed, moved in the order, or with other details.
 *
 * Returns: (transfer full): the changes; unchanged fields are left out
 */
WartaRevisionDiff *
warta_revision_diff_new (WartaRevision *old_revision,
                         WartaRevision *new_revision)
{
  WartaRevisionDiff *self;
  g_autoptr(GPtrArray) targets = g_ptr_array_new_with_free_func (g_free);
  WartaRevision *o = old_revision;
  WartaRevision *n = new_revision;
  static const struct {
    const char *field;
    const char *(*get) (WartaRevision *);
  } texts[] = {
    { "title", warta_revision_get_title },
    { "what", warta_revision_get_what },
    { "who", warta_revision_get_who },
    { "when", warta_revision_get_when },
    { "where", warta_revision_get_where },
    { "why", warta_revision_get_why },
    { "how", warta_revision_get_how },
    { "narrative", warta_revision_get_narrative },
    { "category", warta_revision_get_category },
    { "hashtags", warta_revision_get_hashtags },
  };
  /* After the captions, as the website comes after the platforms. */
  const struct {
    const char *field;
    const char *(*get) (WartaRevision *);
  } article[] = {
    { "article-title", warta_revision_get_article_title },
    { "article-body", warta_revision_get_article_body },
  };

  g_return_val_if_fail (!old_revision || WARTA_IS_REVISION (old_revision), NULL);
  g_return_val_if_fail (WARTA_IS_REVISION (new_revision), NULL);

  self = g_new0 (WartaRevisionDiff, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->fields = g_ptr_array_new_with_free_func (field_diff_free);
  self->media = g_ptr_array_new_with_free_func (media_diff_free);

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    add_field (self, texts[i].field, o ? texts[i].get (o) : NULL, texts[i].get (n));

  /* Captions of both revisions, by target name. */
  for (guint pass = 0; pass < 2; pass++)
    {
      WartaRevision *r = pass == 0 ? o : n;
      g_auto(GStrv) names = NULL;

      if (r == NULL)
        continue;
      names = warta_revision_list_caption_targets (r);
      for (guint i = 0; names != NULL && names[i] != NULL; i++)
        if (!g_ptr_array_find_with_equal_func (targets, names[i], g_str_equal, NULL))
          g_ptr_array_add (targets, g_strdup (names[i]));
    }
  g_ptr_array_sort (targets, compare_caption_targets);
  for (guint i = 0; i < targets->len; i++)
    {
      const char *target = g_ptr_array_index (targets, i);
      g_autofree char *field = g_strconcat ("caption:", target, NULL);

      add_field (self, field, o ? warta_revision_get_caption (o, target) : NULL,
                 warta_revision_get_caption (n, target));
    }

  for (guint i = 0; i < G_N_ELEMENTS (article); i++)
    add_field (self, article[i].field, o ? article[i].get (o) : NULL, article[i].get (n));

  diff_media (self, o ? warta_revision_get_media (o) : NULL, warta_revision_get_media (n));

  return self;
}

WartaRevisionDiff *
warta_revision_diff_ref (WartaRevisionDiff *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
warta_revision_diff_unref (WartaRevisionDiff *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_ptr_array_unref (self->fields);
  g_ptr_array_unref (self->media);
  g_free (self);
}

guint
warta_revision_diff_get_n_fields (WartaRevisionDiff *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->fields->len;
}

const WartaFieldDiff *
warta_revision_diff_get_field (WartaRevisionDiff *self,
                               guint              index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->fields->len, NULL);

  return g_ptr_array_index (self->fields, index);
}

/**
 * warta_revision_diff_find_field:
 * @self: a #WartaRevisionDiff
 * @field: "title", "who" …, "caption:<target>"
 *
 * Returns: (nullable): the changes of @field, or %NULL when it is unchanged
 */
const WartaFieldDiff *
warta_revision_diff_find_field (WartaRevisionDiff *self,
                                const char        *field)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->fields->len; i++)
    {
      const WartaFieldDiff *diff = g_ptr_array_index (self->fields, i);

      if (g_strcmp0 (diff->field, field) == 0)
        return diff;
    }

  return NULL;
}

guint
warta_revision_diff_get_n_media (WartaRevisionDiff *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->media->len;
}

const WartaMediaDiff *
warta_revision_diff_get_media (WartaRevisionDiff *self,
                               guint              index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->media->len, NULL);

  return g_ptr_array_index (self->media, index);
}

gboolean
warta_revision_diff_is_empty (WartaRevisionDiff *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  return self->fields->len == 0 && self->media->len == 0;
}

/**
 * warta_revision_field_get_display_name:
 * @field: a field of a revision as a #WartaFieldDiff names it ("title",
 *   "article-body", "caption:tiktok-video" …)
 *
 * Returns: the field's name as the editor shows it; @field itself when
 *   it is unknown
 */
const char *
warta_revision_field_get_display_name (const char *field)
{
  static const struct { const char *id; const char *name; } names[] = {
    { "title", N_("Title") },
    { "what", N_("What (Apa)") },
    { "who", N_("Who (Siapa)") },
    { "when", N_("When (Kapan)") },
    { "where", N_("Where (Di mana)") },
    { "why", N_("Why (Mengapa)") },
    { "how", N_("How (Bagaimana)") },
    { "narrative", N_("Narrative") },
    { "category", N_("Information Category") },
    { "hashtags", N_("Hashtags and Mentions") },
    { "article-title", N_("Website Article Title") },
    { "article-body", N_("Website Article") },
    { "caption:shared", N_("Shared Text") },
  };
  WartaCaptionTarget target;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (field, names[i].id) == 0)
      return _(names[i].name);

  if (field != NULL && g_str_has_prefix (field, "caption:") &&
      warta_caption_target_from_string (field + strlen ("caption:"), &target))
    return warta_caption_target_get_name (target);

  return field;
}
