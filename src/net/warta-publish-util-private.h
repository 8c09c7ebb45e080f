/* warta-publish-util-private.h: what the platforms' publishers share
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "warta-publisher.h"
#include "warta-rendition.h"

G_BEGIN_DECLS

/* The access token in an account's secret: an OAuth account keeps its
 * tokens as JSON, the others the token itself. */
char        *_warta_publish_access_token        (const char            *secret);

/* An account setting as a number, @fallback when it is not set. */
guint64      _warta_publish_setting_uint        (WartaAccount          *account,
                                                 const char            *key,
                                                 guint64                fallback);

/* The photo as the platform gets it (warta_rendition_new_for_media_item:
 * its blur regions, the platform's crop), rendered to a JPEG in the cache
 * and opened as an upload. */
void         _warta_publish_open_rendition_async  (WartaPublishJob      *job,
                                                   WartaMediaItem       *item,
                                                   WartaRenditionTarget  target,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
WartaUpload *_warta_publish_open_rendition_finish (GAsyncResult         *result,
                                                   GError              **error);

/* The office's WordPress account that hosts the photos of a platform
 * that fetches them from a public address: the account @wordpress_id, or
 * the first WordPress account when it is 0. NULL and no error: none. */
WartaAccount *_warta_publish_find_photo_host    (WartaPublishJob       *job,
                                                 gint64                 wordpress_id,
                                                 GError               **error);
/* The same among @accounts (element-type WartaAccount). */
WartaAccount *_warta_publish_find_host_in       (GListModel            *accounts,
                                                 gint64                 wordpress_id);

/* The @target rendition of @item uploaded once to @host's media library
 * under @slug (an upload whose answer was lost is found again by it).
 * Finished by _warta_publish_return_hosted(). */
void         _warta_publish_host_photo_async    (WartaHttpClient       *client,
                                                 WartaPublishJob       *job,
                                                 WartaAccount          *host,
                                                 WartaMediaItem        *item,
                                                 WartaRenditionTarget   target,
                                                 const char            *slug,
                                                 GCancellable          *cancellable,
                                                 GAsyncReadyCallback    callback,
                                                 gpointer               user_data);
/* The same for a photo or a video: a video goes as it was approved, its
 * progress shown as step @index of @n_steps. */
void         _warta_publish_host_media_async    (WartaHttpClient       *client,
                                                 WartaPublishJob       *job,
                                                 WartaAccount          *host,
                                                 WartaMediaItem        *item,
                                                 WartaRenditionTarget   target,
                                                 const char            *slug,
                                                 guint                  index,
                                                 guint                  n_steps,
                                                 GCancellable          *cancellable,
                                                 GAsyncReadyCallback    callback,
                                                 gpointer               user_data);
/* Finishes a hosting (of either kind) by returning from @task (a
 * warta_publisher_new_step_task()) the step @name: {"id", "url"} of the
 * media, or the hosting's error. */
void         _warta_publish_return_hosted       (GTask                 *task,
                                                 const char            *name,
                                                 GAsyncResult          *result);

/* The media of @job checked against what @platform takes in one post
 * (warta-media-rules, the editor's table): FALSE with a REJECTED error
 * that names the platform and says what to do when a post would leave
 * any out. @max_photos: the server's own limit, 0 for the table's. */
gboolean     _warta_publish_check_media         (WartaPublishJob       *job,
                                                 const char            *platform,
                                                 guint                  max_photos,
                                                 GError               **error);

/* A JSON object of string members: name, value, …, NULL. */
JsonNode    *_warta_publish_object              (const char            *first_name,
                                                 ...) G_GNUC_NULL_TERMINATED;

/* For a take_down_async: its task, returning a boolean, and the job's
 * remote id in *out_id; NULL when the job has none: the task has then
 * failed with @no_id_message, which says what to do. */
GTask       *_warta_publish_take_down_task     (WartaPublisher        *self,
                                                WartaPublishJob       *job,
                                                GCancellable          *cancellable,
                                                GAsyncReadyCallback    callback,
                                                gpointer               user_data,
                                                gpointer               source_tag,
                                                const char            *no_id_message,
                                                const char           **out_id);
/* The callback of a client's delete whose own task returns a boolean
 * (warta_mastodon_delete_status_async() …): finishes @user_data, the
 * take-down task, with its outcome. */
void         _warta_publish_deleted_cb         (GObject               *object,
                                                GAsyncResult          *result,
                                                gpointer               user_data);

G_END_DECLS
