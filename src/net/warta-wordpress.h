/* warta-wordpress.h: publishing to one WordPress site
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "warta-http-client.h"

G_BEGIN_DECLS

#define WARTA_TYPE_WORDPRESS (warta_wordpress_get_type ())

G_DECLARE_FINAL_TYPE (WartaWordPress, warta_wordpress, WARTA, WORDPRESS, GObject)

WartaWordPress    *warta_wordpress_new                 (WartaHttpClient     *client,
                                                        const char          *site_url,
                                                        const char          *user,
                                                        const char          *app_password);
const char        *warta_wordpress_get_site_url        (WartaWordPress      *self);

/* WordPress has no idempotency key: every job gets a fixed slug, and a
 * post or file with that slug is looked for before one is created. */
char              *warta_wordpress_slug_for_job        (gint64               publication_id,
                                                        const char          *job_key);

/* POST /wp-json/wp/v2/media with the file streamed as the raw body. With
 * a @slug, the file is sent as <slug>.<ext> and a file already uploaded
 * under that slug (by an attempt whose answer was lost) is reused. Give
 * media a slug of its own (e.g. the post's slug + "-1"): attachments and
 * posts share WordPress's slugs, and a clash renames the post's. */
void               warta_wordpress_upload_media_async  (WartaWordPress      *self,
                                                        WartaUpload         *upload,
                                                        const char          *slug,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
WartaRemoteResult *warta_wordpress_upload_media_finish (WartaWordPress      *self,
                                                        GAsyncResult        *result,
                                                        GError             **error);

/* The post with @slug in any live status, or NULL (and no error). */
void               warta_wordpress_find_post_async     (WartaWordPress      *self,
                                                        const char          *slug,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
WartaRemoteResult *warta_wordpress_find_post_finish    (WartaWordPress      *self,
                                                        GAsyncResult        *result,
                                                        GError             **error);

/* The site answers as a WordPress, takes the application password, and
 * its user may upload media and publish posts; gives the user's name. */
void               warta_wordpress_check_user_async    (WartaWordPress      *self,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
char              *warta_wordpress_check_user_finish   (WartaWordPress      *self,
                                                        GAsyncResult        *result,
                                                        GError             **error);

/* DELETE /wp/v2/<collection>/<id>: a post to the trash (@force: for
 * good), an attachment for good (WordPress wants @force for one). One not
 * there, or already in the trash, counts as deleted. */
void               warta_wordpress_delete_async        (WartaWordPress      *self,
                                                        const char          *collection,
                                                        const char          *id,
                                                        gboolean             force,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
gboolean           warta_wordpress_delete_finish       (WartaWordPress      *self,
                                                        GAsyncResult        *result,
                                                        GError             **error);

/* POST /wp/v2/posts/<id>: the post's new title and content. */
void               warta_wordpress_update_post_async   (WartaWordPress      *self,
                                                        const char          *id,
                                                        const char          *title,
                                                        const char          *content,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
gboolean           warta_wordpress_update_post_finish  (WartaWordPress      *self,
                                                        GAsyncResult        *result,
                                                        GError             **error);

/* Publishes the post under @slug, or finds the one an earlier attempt
 * made: before every POST it asks for the slug, so a retry after an
 * unknown outcome never makes a second post. */
void               warta_wordpress_publish_post_async  (WartaWordPress      *self,
                                                        const char          *slug,
                                                        const char          *title,
                                                        const char          *content,
                                                        const char          *featured_media_id,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
WartaRemoteResult *warta_wordpress_publish_post_finish (WartaWordPress      *self,
                                                        GAsyncResult        *result,
                                                        GError             **error);

G_END_DECLS
