/* warta-caption-rules.h: caption counters that count as each platform counts
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* One text field of one platform. The limits of every target live in one
 * table in warta-caption-rules.c: a limit change is one edit there. */
typedef enum {
  WARTA_CAPTION_TARGET_FACEBOOK,
  WARTA_CAPTION_TARGET_INSTAGRAM,
  WARTA_CAPTION_TARGET_X,
  WARTA_CAPTION_TARGET_YOUTUBE_TITLE,
  WARTA_CAPTION_TARGET_YOUTUBE_DESCRIPTION,
  WARTA_CAPTION_TARGET_TIKTOK_VIDEO,
  WARTA_CAPTION_TARGET_TIKTOK_PHOTO_TITLE,
  WARTA_CAPTION_TARGET_TIKTOK_PHOTO_DESCRIPTION,
  WARTA_CAPTION_TARGET_MASTODON,
  WARTA_CAPTION_TARGET_WEBSITE_TITLE,
  WARTA_CAPTION_TARGET_WEBSITE_BODY,
  WARTA_N_CAPTION_TARGETS
} WartaCaptionTarget;

/* How a platform measures a text. */
typedef enum {
  WARTA_CAPTION_COUNT_CHARACTERS,   /* Unicode code points */
  WARTA_CAPTION_COUNT_X_WEIGHTED,   /* twitter-text v3 weighted length */
  WARTA_CAPTION_COUNT_GRAPHEMES,    /* Mastodon: grapheme clusters, URL = 23 */
  WARTA_CAPTION_COUNT_UTF16,        /* UTF-16 code units */
  WARTA_CAPTION_COUNT_UTF8_BYTES,   /* bytes of UTF-8 */
} WartaCaptionCounting;

typedef enum {
  WARTA_CAPTION_SEVERITY_WARNING,   /* the post goes out, but worse */
  WARTA_CAPTION_SEVERITY_HARD,      /* the platform refuses the post: submit is blocked */
} WartaCaptionSeverity;

typedef enum {
  WARTA_CAPTION_RULE_TOO_LONG,
  WARTA_CAPTION_RULE_LONGER_THAN_ADVISED,
  WARTA_CAPTION_RULE_TOO_MANY_HASHTAGS,
  WARTA_CAPTION_RULE_TOO_MANY_MENTIONS,
  WARTA_CAPTION_RULE_FORBIDDEN_CHARACTER,
  WARTA_CAPTION_RULE_REQUIRED,
} WartaCaptionRule;

/* One row of the limits table. 0 means "no limit" for the numbers. */
typedef struct {
  const char           *id;              /* stable key: "x", "instagram" ... */
  const char           *name;            /* translatable, already translated by the getter */
  WartaCaptionCounting  counting;
  gint64                limit;           /* hard limit in the counting's unit */
  gint64                advised_limit;   /* warning above this */
  guint                 max_hashtags;
  guint                 max_mentions;
  const char           *forbidden;       /* UTF-8 characters the platform refuses */
  gboolean              required;        /* an empty text is refused */
  guint                 url_length;      /* a URL counts this much (0: as written) */
} WartaCaptionLimits;

typedef struct {
  WartaCaptionRule      rule;
  WartaCaptionSeverity  severity;
  char                 *message;         /* translated; says what to do */
} WartaCaptionProblem;

typedef struct _WartaCaptionResult WartaCaptionResult;

#define WARTA_TYPE_CAPTION_RESULT (warta_caption_result_get_type ())

GType                      warta_caption_result_get_type        (void) G_GNUC_CONST;

const WartaCaptionLimits  *warta_caption_target_get_limits      (WartaCaptionTarget  target);
const char                *warta_caption_target_get_name        (WartaCaptionTarget  target);
const char                *warta_caption_target_to_string       (WartaCaptionTarget  target);
gboolean                   warta_caption_target_from_string     (const char         *id,
                                                                 WartaCaptionTarget *target);

/* Checks @text for @target with the table's limit. */
WartaCaptionResult        *warta_caption_check                  (WartaCaptionTarget  target,
                                                                 const char         *text);
/* Same, with a limit read at run time (a Mastodon instance's
 * max_characters); @limit 0 keeps the table's. */
WartaCaptionResult        *warta_caption_check_with_limit       (WartaCaptionTarget  target,
                                                                 const char         *text,
                                                                 gint64              limit);

WartaCaptionResult        *warta_caption_result_ref             (WartaCaptionResult *self);
void                       warta_caption_result_unref           (WartaCaptionResult *self);
WartaCaptionTarget         warta_caption_result_get_target      (WartaCaptionResult *self);
gint64                     warta_caption_result_get_count       (WartaCaptionResult *self);
gint64                     warta_caption_result_get_limit       (WartaCaptionResult *self);
guint                      warta_caption_result_get_n_hashtags  (WartaCaptionResult *self);
guint                      warta_caption_result_get_n_mentions  (WartaCaptionResult *self);
guint                      warta_caption_result_get_n_urls      (WartaCaptionResult *self);
guint                      warta_caption_result_get_n_problems  (WartaCaptionResult *self);
const WartaCaptionProblem *warta_caption_result_get_problem     (WartaCaptionResult *self,
                                                                 guint               index);
gboolean                   warta_caption_result_has_problem     (WartaCaptionResult *self,
                                                                 WartaCaptionRule    rule);
/* TRUE when a hard rule is broken: the target cannot be submitted. */
gboolean                   warta_caption_result_is_blocking     (WartaCaptionResult *self);

/* The counters on their own, for previews and tests. */
gint64                     warta_caption_count_x_weighted       (const char         *text);
gint64                     warta_caption_count_mastodon         (const char         *text,
                                                                 guint               url_length);
gint64                     warta_caption_count_graphemes        (const char         *text);
gint64                     warta_caption_count_utf16            (const char         *text);
gint64                     warta_caption_count_characters       (const char         *text);

/* URLs as the platforms find them: byte ranges in @text, as pairs
 * (start, end) in a GArray of gsize. @with_bare_domains: twitter-text's
 * "example.com" without a scheme (X); FALSE finds only http(s):// (Mastodon). */
GArray                    *warta_caption_find_urls              (const char         *text,
                                                                 gboolean            with_bare_domains);
guint                      warta_caption_count_hashtags         (const char         *text);
guint                      warta_caption_count_mentions         (const char         *text);

/* Byte offset of the end of the grapheme cluster that starts at @offset. */
gsize                      warta_caption_next_grapheme          (const char         *text,
                                                                 gsize               length,
                                                                 gsize               offset);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WartaCaptionResult, warta_caption_result_unref)

G_END_DECLS
