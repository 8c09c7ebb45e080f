/* warta-publisher.h: how the outbox drives one platform, one confirmed step at a time
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "warta-account.h"
#include "warta-account-store.h"
#include "warta-http-client.h"
#include "warta-outbox-job.h"
#include "warta-revision.h"

G_BEGIN_DECLS

/* One remote step the platform confirmed. The outbox commits @value under
 * @name before it asks for the next step; after a crash the publisher
 * finds it in warta_publish_job_get_step() and goes on from there. */
typedef struct
{
  char     *name;       /* "media-0", "media-0-ready", "post" … */
  JsonNode *value;      /* ids, URLs, upload session URL and offset … */
  gboolean  final;      /* the post exists: remote_id and remote_url are its */
  char     *remote_id;
  char     *remote_url;
} WartaPublishStep;

#define WARTA_TYPE_PUBLISH_STEP (warta_publish_step_get_type ())

GType             warta_publish_step_get_type  (void) G_GNUC_CONST;
WartaPublishStep *warta_publish_step_new       (const char             *name,
                                                JsonNode               *value);
WartaPublishStep *warta_publish_step_new_final (const char             *name,
                                                const char             *remote_id,
                                                const char             *remote_url);
WartaPublishStep *warta_publish_step_copy      (const WartaPublishStep *self);
void              warta_publish_step_free      (WartaPublishStep       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WartaPublishStep, warta_publish_step_free)

/* What a publisher gets: the approved content, the account, and the steps
 * confirmed so far. */
#define WARTA_TYPE_PUBLISH_JOB (warta_publish_job_get_type ())

G_DECLARE_FINAL_TYPE (WartaPublishJob, warta_publish_job, WARTA, PUBLISH_JOB, GObject)

WartaPublishJob *warta_publish_job_new             (WartaOutboxJob   *job,
                                                    WartaAccount     *account,
                                                    WartaRevision    *revision,
                                                    const char       *key,
                                                    const char       *media_dir);
WartaOutboxJob  *warta_publish_job_get_job         (WartaPublishJob  *self);
WartaAccount    *warta_publish_job_get_account     (WartaPublishJob  *self);
WartaRevision   *warta_publish_job_get_revision    (WartaPublishJob  *self);
/* Stable for the job across restarts and unique across databases: the
 * seed of idempotency keys and fixed slugs. */
const char      *warta_publish_job_get_key         (WartaPublishJob  *self);
JsonNode        *warta_publish_job_get_step        (WartaPublishJob  *self,
                                                    const char       *name);
const char      *warta_publish_job_get_step_string (WartaPublishJob  *self,
                                                    const char       *name,
                                                    const char       *member);
void             warta_publish_job_set_step        (WartaPublishJob  *self,
                                                    const char       *name,
                                                    JsonNode         *value);
/* The approved caption for a target ("mastodon", "website-title" …), or
 * the content it is made from when that caption is empty. */
char            *warta_publish_job_dup_text        (WartaPublishJob  *self,
                                                    const char       *target);
/* The same for a revision, before any job is written. */
char            *warta_publish_revision_dup_text   (WartaRevision    *revision,
                                                    const char       *target);
/* The approved media of one kind ("photo", "video"; NULL for all) that
 * goes to the account's platform. */
GPtrArray       *warta_publish_job_list_media      (WartaPublishJob  *self,
                                                    const char       *kind);
GFile           *warta_publish_job_get_media_file  (WartaPublishJob  *self,
                                                    WartaMediaItem   *item);
WartaUpload     *warta_publish_job_open_upload     (WartaPublishJob  *self,
                                                    WartaMediaItem   *item,
                                                    GError          **error);
/* The outbox's accounts, for a publisher that needs another account's
 * help (Instagram's photos go through the WordPress media library). */
void               warta_publish_job_set_account_store (WartaPublishJob   *self,
                                                        WartaAccountStore *store);
WartaAccountStore *warta_publish_job_get_account_store (WartaPublishJob   *self);
/* Progress: step @index of @n_steps, @fraction of it done. */
void             warta_publish_job_set_progress    (WartaPublishJob  *self,
                                                    guint             index,
                                                    guint             n_steps,
                                                    double            fraction);
void             warta_publish_job_track_upload    (WartaPublishJob  *self,
                                                    WartaUpload      *upload,
                                                    guint             index,
                                                    guint             n_steps);

/* One platform. run_step takes the job's confirmed state and takes the
 * next step: one remote change at most, so that nothing is lost between
 * its answer and the commit. Before a step whose outcome may be unknown
 * (a post whose answer was lost) it must use the platform's idempotency
 * key or look for the object first (platform-apis.md §0.3). */
#define WARTA_TYPE_PUBLISHER (warta_publisher_get_type ())

G_DECLARE_INTERFACE (WartaPublisher, warta_publisher, WARTA, PUBLISHER, GObject)

struct _WartaPublisherInterface
{
  GTypeInterface parent_iface;

  void              (*run_step_async)  (WartaPublisher       *self,
                                        WartaPublishJob      *job,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
  WartaPublishStep *(*run_step_finish) (WartaPublisher       *self,
                                        GAsyncResult         *result,
                                        GError              **error);

  /* Optional: takes the job's post down from the platform (its remote
   * id, and what the job uploaded that would stay public). A post that
   * is already gone counts as taken down. Finish with a GTask returning
   * a boolean, which the default take_down_finish propagates. */
  void              (*take_down_async)  (WartaPublisher       *self,
                                         WartaPublishJob      *job,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
  gboolean          (*take_down_finish) (WartaPublisher       *self,
                                         GAsyncResult         *result,
                                         GError              **error);

  /* Optional: changes the text of the job's post on the platform to
   * @text (and its title to @title, where the post has one). A post no
   * longer there is WARTA_PUBLISH_ERROR_GONE. Finish with a GTask
   * returning a boolean, which the default correct_finish propagates. */
  void              (*correct_async)    (WartaPublisher       *self,
                                         WartaPublishJob      *job,
                                         const char           *title,
                                         const char           *text,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
  gboolean          (*correct_finish)   (WartaPublisher       *self,
                                         GAsyncResult         *result,
                                         GError              **error);
};

/* Makes the publisher of one account, given the secret from the keyring
 * (NULL when there is none). */
typedef WartaPublisher *(*WartaPublisherFactory) (WartaHttpClient  *client,
                                                  WartaAccount     *account,
                                                  const char       *secret,
                                                  GError          **error);

void              warta_publisher_run_step_async  (WartaPublisher       *self,
                                                   WartaPublishJob      *job,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
WartaPublishStep *warta_publisher_run_step_finish (WartaPublisher       *self,
                                                   GAsyncResult         *result,
                                                   GError              **error);

gboolean          warta_publisher_can_take_down   (WartaPublisher       *self);
void              warta_publisher_take_down_async (WartaPublisher       *self,
                                                   WartaPublishJob      *job,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
gboolean          warta_publisher_take_down_finish (WartaPublisher      *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);

gboolean          warta_publisher_can_correct     (WartaPublisher       *self);
void              warta_publisher_correct_async   (WartaPublisher       *self,
                                                   WartaPublishJob      *job,
                                                   const char           *title,
                                                   const char           *text,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
gboolean          warta_publisher_correct_finish  (WartaPublisher       *self,
                                                   GAsyncResult         *result,
                                                   GError              **error);

/* For implementations: the task of a run_step; the interface's default
 * run_step_finish propagates it. */
GTask            *warta_publisher_new_step_task   (WartaPublisher       *self,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data,
                                                   gpointer              source_tag);
/* Return a step from such a task: warta_publish_step_new() or
 * warta_publish_step_new_final() of the arguments. */
void              warta_publisher_return_step     (GTask                *task,
                                                   const char           *name,
                                                   JsonNode             *value);
void              warta_publisher_return_final    (GTask                *task,
                                                   const char           *name,
                                                   const char           *remote_id,
                                                   const char           *remote_url);

G_END_DECLS
