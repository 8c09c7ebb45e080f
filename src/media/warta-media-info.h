/* warta-media-info.h: what probing found out about one photo or video
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum {
  WARTA_MEDIA_KIND_UNKNOWN,
  WARTA_MEDIA_KIND_PHOTO,
  WARTA_MEDIA_KIND_VIDEO,
} WartaMediaKind;

/* "photo", "video" (the strings WartaMediaItem:kind stores), or NULL. */
const char *warta_media_kind_to_string (WartaMediaKind kind);

#define WARTA_TYPE_MEDIA_INFO (warta_media_info_get_type ())

G_DECLARE_FINAL_TYPE (WartaMediaInfo, warta_media_info, WARTA, MEDIA_INFO, GObject)

GFile          *warta_media_info_get_file          (WartaMediaInfo *self);
WartaMediaKind  warta_media_info_get_kind          (WartaMediaInfo *self);
/* The MIME type sniffed from the content, not from the name. */
const char     *warta_media_info_get_content_type  (WartaMediaInfo *self);
/* Width and height as shown, the EXIF orientation applied. */
int             warta_media_info_get_width         (WartaMediaInfo *self);
int             warta_media_info_get_height        (WartaMediaInfo *self);
/* EXIF orientation, 1-8; 1 is upright. */
guint           warta_media_info_get_orientation   (WartaMediaInfo *self);
/* Lower-case hex SHA-256 of the file's bytes. */
const char     *warta_media_info_get_sha256        (WartaMediaInfo *self);
guint64         warta_media_info_get_size          (WartaMediaInfo *self);
/* Videos only; 0 for photos. */
gint64          warta_media_info_get_duration_us   (WartaMediaInfo *self);

G_END_DECLS
