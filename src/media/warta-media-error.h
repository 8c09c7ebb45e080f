/* warta-media-error.h: the errors of photo and video handling
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define WARTA_MEDIA_ERROR (warta_media_error_quark ())

typedef enum {
  WARTA_MEDIA_ERROR_NOT_FOUND,    /* the file is not there */
  WARTA_MEDIA_ERROR_UNREADABLE,   /* permissions, a folder, an I/O error */
  WARTA_MEDIA_ERROR_EMPTY,        /* zero bytes */
  WARTA_MEDIA_ERROR_UNSUPPORTED,  /* not a photo or video Warta takes, or no decoder */
  WARTA_MEDIA_ERROR_TOO_LARGE,    /* the header claims more pixels than Warta decodes */
  WARTA_MEDIA_ERROR_CORRUPT,      /* truncated or damaged */
  WARTA_MEDIA_ERROR_FAILED,       /* writing a thumbnail or rendition failed */
  WARTA_MEDIA_ERROR_CHANGED,      /* no longer the file that was added: its size differs */
} WartaMediaError;

GQuark warta_media_error_quark (void);

G_END_DECLS
