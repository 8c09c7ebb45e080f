/* warta-media-error.c: the errors of photo and video handling
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "warta-media-error.h"

G_DEFINE_QUARK (warta-media-error-quark, warta_media_error)
