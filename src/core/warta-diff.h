/* warta-diff.h: what changed between two texts, and between two revisions
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "warta-revision.h"

G_BEGIN_DECLS

typedef enum
{
  WARTA_DIFF_EQUAL,
  WARTA_DIFF_DELETE,
  WARTA_DIFF_INSERT,
} WartaDiffOp;

typedef struct
{
  WartaDiffOp  op;
  char        *text;
} WartaDiffRun;

typedef enum
{
  WARTA_MEDIA_CHANGE_ADDED,
  WARTA_MEDIA_CHANGE_REMOVED,
  WARTA_MEDIA_CHANGE_MOVED,    /* the same file, elsewhere in the order */
  WARTA_MEDIA_CHANGE_DETAILS,  /* alt text, credit, flags or consent changed */
} WartaMediaChange;

typedef struct
{
  char      *field;     /* "title", "who" …, "caption:<target>" */
  GPtrArray *runs;      /* WartaDiffRun */
} WartaFieldDiff;

typedef struct
{
  WartaMediaChange  change;
  WartaMediaItem   *item;          /* the new one; the old one when removed */
  WartaMediaItem   *old_item;      /* NULL when added */
  int               old_position;  /* -1 when added */
  int               new_position;  /* -1 when removed */
} WartaMediaDiff;

typedef struct _WartaRevisionDiff WartaRevisionDiff;

#define WARTA_TYPE_REVISION_DIFF (warta_revision_diff_get_type ())

GPtrArray            *warta_diff_words                  (const char         *old_text,
                                                         const char         *new_text);
gboolean              warta_diff_has_changes            (GPtrArray          *runs);
char                 *warta_diff_format                 (GPtrArray          *runs);
char                **warta_diff_tokenize               (const char         *text);

GType                 warta_revision_diff_get_type      (void) G_GNUC_CONST;
WartaRevisionDiff    *warta_revision_diff_new           (WartaRevision      *old_revision,
                                                         WartaRevision      *new_revision);
WartaRevisionDiff    *warta_revision_diff_ref           (WartaRevisionDiff  *self);
void                  warta_revision_diff_unref         (WartaRevisionDiff  *self);
guint                 warta_revision_diff_get_n_fields  (WartaRevisionDiff  *self);
const WartaFieldDiff *warta_revision_diff_get_field     (WartaRevisionDiff  *self,
                                                         guint               index);
const WartaFieldDiff *warta_revision_diff_find_field    (WartaRevisionDiff  *self,
                                                         const char         *field);
guint                 warta_revision_diff_get_n_media   (WartaRevisionDiff  *self);
const WartaMediaDiff *warta_revision_diff_get_media     (WartaRevisionDiff  *self,
                                                         guint               index);
gboolean              warta_revision_diff_is_empty      (WartaRevisionDiff  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WartaRevisionDiff, warta_revision_diff_unref)

const char           *warta_revision_field_get_display_name (const char *field);

G_END_DECLS
