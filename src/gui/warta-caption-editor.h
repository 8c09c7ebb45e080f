/* warta-caption-editor.h: one target's caption with its live counter
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "warta-caption-rules.h"

G_BEGIN_DECLS

#define WARTA_TYPE_CAPTION_EDITOR (warta_caption_editor_get_type ())

G_DECLARE_FINAL_TYPE (WartaCaptionEditor, warta_caption_editor, WARTA, CAPTION_EDITOR, GtkWidget)

GtkWidget          *warta_caption_editor_new          (WartaCaptionTarget  target);
WartaCaptionTarget  warta_caption_editor_get_target   (WartaCaptionEditor *self);
char               *warta_caption_editor_dup_text     (WartaCaptionEditor *self);
void                warta_caption_editor_set_text     (WartaCaptionEditor *self,
                                                       const char         *text);
void                warta_caption_editor_set_hashtags (WartaCaptionEditor *self,
                                                       const char         *hashtags);
char               *warta_caption_editor_dup_post_text (WartaCaptionEditor *self);
WartaCaptionResult *warta_caption_editor_get_result   (WartaCaptionEditor *self);
gboolean            warta_caption_editor_get_blocking (WartaCaptionEditor *self);
GtkTextBuffer      *warta_caption_editor_get_buffer   (WartaCaptionEditor *self);
const char         *warta_caption_editor_get_counter_text (WartaCaptionEditor *self);

G_END_DECLS
