/* warta-post-text.h: the exact text a target receives
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "warta-caption-rules.h"

G_BEGIN_DECLS

gboolean  warta_post_text_takes_hashtags (WartaCaptionTarget  target);
char     *warta_post_text_compose        (WartaCaptionTarget  target,
                                          const char         *caption,
                                          const char         *hashtags);

G_END_DECLS
