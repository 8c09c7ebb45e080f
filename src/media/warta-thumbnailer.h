/* warta-thumbnailer.h: small pictures of photos and videos, cached on disk
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <gdk-pixbuf/gdk-pixbuf.h>

#include "warta-media-error.h"

G_BEGIN_DECLS

#define WARTA_TYPE_THUMBNAILER (warta_thumbnailer_get_type ())

G_DECLARE_FINAL_TYPE (WartaThumbnailer, warta_thumbnailer, WARTA, THUMBNAILER, GObject)

/* @cache_dir: NULL for $XDG_CACHE_HOME/warta/thumbnails. Thumbnails are
 * <cache_dir>/<size>/<sha256>.png. */
WartaThumbnailer *warta_thumbnailer_new              (const char        *cache_dir);
const char       *warta_thumbnailer_get_cache_dir    (WartaThumbnailer  *self);
char             *warta_thumbnailer_get_cache_path   (WartaThumbnailer  *self,
                                                      const char        *sha256,
                                                      int                size);

/* The thumbnail of @file fitting @size x @size, EXIF orientation applied:
 * from the cache when there, else decoded at reduced size and cached.
 * @sha256 is the file's content hash when known (WartaMediaInfo has it),
 * NULL to compute it. */
GdkPixbuf        *warta_thumbnailer_load             (WartaThumbnailer  *self,
                                                      GFile             *file,
                                                      const char        *sha256,
                                                      int                size,
                                                      gboolean          *from_cache,
                                                      GCancellable      *cancellable,
                                                      GError           **error);
void              warta_thumbnailer_load_async       (WartaThumbnailer  *self,
                                                      GFile             *file,
                                                      const char        *sha256,
                                                      int                size,
                                                      GCancellable      *cancellable,
                                                      GAsyncReadyCallback callback,
                                                      gpointer           user_data);
GdkPixbuf        *warta_thumbnailer_load_finish      (WartaThumbnailer  *self,
                                                      GAsyncResult      *result,
                                                      gboolean          *from_cache,
                                                      GError           **error);

/* Decodes without the cache (benchmarks, previews). */
GdkPixbuf        *warta_thumbnailer_generate         (WartaThumbnailer  *self,
                                                      GFile             *file,
                                                      int                size,
                                                      GCancellable      *cancellable,
                                                      GError           **error);

/* How many originals this thumbnailer has decoded: a cache hit decodes none. */
guint             warta_thumbnailer_get_n_decodes    (WartaThumbnailer  *self);

G_END_DECLS
