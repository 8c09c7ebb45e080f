/* warta-media-private.h: what the media files share among themselves
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <gdk-pixbuf/gdk-pixbuf.h>

#include "warta-media-info.h"

G_BEGIN_DECLS

/* Above this many pixels a header is refused before decoding: a 24 MP
 * photo is common, 100 MP is a medium-format camera, a 50,000 x 50,000
 * PNG is an attack or a broken file (it would need 10 GB to decode). */
#define WARTA_MEDIA_MAX_PIXELS G_GINT64_CONSTANT (100000000)
/* A JPEG is only ever decoded at a fraction of its size (libjpeg's 1/2 to
 * 1/8): phones' 108 and 200 MP photos (12000 x 9000, 16320 x 12240) are
 * opened. */
#define WARTA_MEDIA_MAX_JPEG_PIXELS G_GINT64_CONSTANT (200000000)

/* Whether a @width x @height picture of @mime_type is more than Warta
 * decodes; sets @error (WARTA_MEDIA_ERROR_TOO_LARGE) naming @file if so. */
gboolean    _warta_media_too_many_pixels   (GFile           *file,
                                            const char      *mime_type,
                                            int              width,
                                            int              height,
                                            GError         **error);

/* Runs @func on the process's decode pool: two threads, for the two cores
 * of the office machines, shared by probing, thumbnails and renditions so
 * that together they never decode more than two files at once. @func
 * returns through @task; a task cancelled before its turn returns
 * G_IO_ERROR_CANCELLED without running. */
void        _warta_media_pool_run          (GTask           *task,
                                            GTaskThreadFunc  func);

gboolean    _warta_media_gst_init          (GError         **error);

/* The EXIF orientation (1-8) in a TIFF structure, 1 when there is none. */
guint       _warta_exif_orientation        (const guint8    *tiff,
                                            gsize            length);

/* The display name of @file for messages. */
char       *_warta_media_display_name      (GFile           *file);

/* Turns a GIO error on opening or reading @file into a WARTA_MEDIA_ERROR
 * with a message that says what to do. */
void        _warta_media_set_io_error      (GError         **error,
                                            GFile           *file,
                                            const GError    *io_error);

/* Sniffs the first bytes of @file. */
WartaMediaKind _warta_media_sniff          (GFile           *file,
                                            char           **content_type,
                                            GCancellable    *cancellable,
                                            GError         **error);

/* Whether a GdkPixbuf loader reads @mime_type. */
gboolean    _warta_media_has_pixbuf_loader (const char      *mime_type);

char       *_warta_media_sha256_file       (GFile           *file,
                                            GCancellable    *cancellable,
                                            GError         **error);

/* Refuses an image whose header claims too many pixels, without decoding.
 * @mime_type: as _warta_media_sniff() said, or NULL to sniff. */
gboolean    _warta_media_check_image_header (GFile          *file,
                                             const char     *mime_type,
                                             int            *width,
                                             int            *height,
                                             GCancellable   *cancellable,
                                             GError        **error);

/* Decodes @file with the loader for @mime_type, at most @width x @height
 * (fitting inside it with @preserve_aspect; never enlarged), so that
 * libjpeg scales while decoding. Keeps the loader's options (orientation). */
GdkPixbuf  *_warta_media_decode            (GFile           *file,
                                            const char      *mime_type,
                                            int              width,
                                            int              height,
                                            gboolean         preserve_aspect,
                                            GCancellable    *cancellable,
                                            GError         **error);

/* A frame of the video @file at @position_ns (clamped to half its
 * duration), as RGB. */
GdkPixbuf  *_warta_video_frame             (GFile           *file,
                                            gint64           position_ns,
                                            GCancellable    *cancellable,
                                            GError         **error);

WartaMediaInfo *_warta_media_info_new      (GFile           *file,
                                            WartaMediaKind   kind,
                                            const char      *content_type,
                                            int              width,
                                            int              height,
                                            guint            orientation,
                                            const char      *sha256,
                                            guint64          size,
                                            gint64           duration_us);

G_END_DECLS
