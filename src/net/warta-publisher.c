/* warta-publisher.c: how the outbox drives one platform, one confirmed step at a time
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "warta-publisher.h"

/* WartaPublishStep ------------------------------------------------------ */

G_DEFINE_BOXED_TYPE (WartaPublishStep, warta_publish_step,
                     warta_publish_step_copy, warta_publish_step_free)

/**
 * warta_publish_step_new:
 * @name: the step's name, stable across versions
 * @value: (transfer full): what the platform confirmed
 */
WartaPublishStep *
warta_publish_step_new (const char *name,
                        JsonNode   *value)
{
  WartaPublishStep *self = g_new0 (WartaPublishStep, 1);

  self->name = g_strdup (name);
  self->value = value;
  return self;
}

WartaPublishStep *
warta_publish_step_new_final (const char *name,
                              const char *remote_id,
                              const char *remote_url)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  WartaPublishStep *self;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, remote_id);
  json_builder_set_member_name (builder, "url");
  json_builder_add_string_value (builder, remote_url);
  json_builder_end_object (builder);

  self = warta_publish_step_new (name, json_builder_get_root (builder));
  self->final = TRUE;
  self->remote_id = g_strdup (remote_id);
  self->remote_url = g_strdup (remote_url);
  return self;
}

WartaPublishStep *
warta_publish_step_copy (const WartaPublishStep *self)
{
  WartaPublishStep *copy = g_new0 (WartaPublishStep, 1);

  copy->name = g_strdup (self->name);
  copy->value = self->value ? json_node_copy (self->value) : NULL;
  copy->final = self->final;
  copy->remote_id = g_strdup (self->remote_id);
  copy->remote_url = g_strdup (self->remote_url);
  return copy;
}

void
warta_publish_step_free (WartaPublishStep *self)
{
  if (self == NULL)
    return;
  g_free (self->name);
  g_clear_pointer (&self->value, json_node_unref);
  g_free (self->remote_id);
  g_free (self->remote_url);
  g_free (self);
}

/* WartaPublishJob ------------------------------------------------------- */

struct _WartaPublishJob
{
  GObject         parent_instance;

  WartaOutboxJob *job;
  WartaAccount   *account;
  WartaRevision  *revision;
  char           *key;
  char           *media_dir;
  GHashTable     *steps;      /* name → JsonNode */
  WartaAccountStore *store;
};

G_DEFINE_FINAL_TYPE (WartaPublishJob, warta_publish_job, G_TYPE_OBJECT)

static void
warta_publish_job_finalize (GObject *object)
{
  WartaPublishJob *self = WARTA_PUBLISH_JOB (object);

  g_clear_object (&self->job);
  g_clear_object (&self->account);
  g_clear_object (&self->revision);
  g_clear_object (&self->store);
  g_free (self->key);
  g_free (self->media_dir);
  g_hash_table_unref (self->steps);

  G_OBJECT_CLASS (warta_publish_job_parent_class)->finalize (object);
}

static void
warta_publish_job_class_init (WartaPublishJobClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = warta_publish_job_finalize;
}

static void
warta_publish_job_init (WartaPublishJob *self)
{
  self->steps = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) json_node_unref);
}

/**
 * warta_publish_job_new:
 * @job: the outbox's job; its fraction shows the progress
 * @account: the target
 * @revision: the approved revision
 * @key: the job's stable key
 * @media_dir: the folder relative media paths start from
 */
WartaPublishJob *
warta_publish_job_new (WartaOutboxJob *job,
                       WartaAccount   *account,
                       WartaRevision  *revision,
                       const char     *key,
                       const char     *media_dir)
{
  WartaPublishJob *self;

  g_return_val_if_fail (WARTA_IS_OUTBOX_JOB (job), NULL);
  g_return_val_if_fail (WARTA_IS_ACCOUNT (account), NULL);
  g_return_val_if_fail (WARTA_IS_REVISION (revision), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  self = g_object_new (WARTA_TYPE_PUBLISH_JOB, NULL);
  self->job = g_object_ref (job);
  self->account = g_object_ref (account);
  self->revision = g_object_ref (revision);
  self->key = g_strdup (key);
  self->media_dir = g_strdup (media_dir);
  return self;
}

WartaOutboxJob *
warta_publish_job_get_job (WartaPublishJob *self)
{
  g_return_val_if_fail (WARTA_IS_PUBLISH_JOB (self), NULL);
  return self->job;
}

WartaAccount *
warta_publish_job_get_account (WartaPublishJob *self)
{
  g_return_val_if_fail (WARTA_IS_PUBLISH_JOB (self), NULL);
  return self->account;
}

WartaRevision *
warta_publish_job_get_revision (WartaPublishJob *self)
{
  g_return_val_if_fail (WARTA_IS_PUBLISH_JOB (self), NULL);
  return self->revision;
}

const char *
warta_publish_job_get_key (WartaPublishJob *self)
{
  g_return_val_if_fail (WARTA_IS_PUBLISH_JOB (self), NULL);
  return self->key;
}

/**
 * warta_publish_job_get_step:
 *
 * Returns: (transfer none) (nullable): the confirmed value of step @name
 */
JsonNode *
warta_publish_job_get_step (WartaPublishJob *self,
                            const char      *name)
{
  g_return_val_if_fail (WARTA_IS_PUBLISH_JOB (self), NULL);
  return g_hash_table_lookup (self->steps, name);
}

const char *
warta_publish_job_get_step_string (WartaPublishJob *self,
                                   const char      *name,
                                   const char      *member)
{
  JsonNode *node = warta_publish_job_get_step (self, name);
  JsonObject *object;
  JsonNode *value;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  object = json_node_get_object (node);
  value = json_object_get_member (object, member);
  if (value == NULL || !JSON_NODE_HOLDS_VALUE (value) ||
      json_node_get_value_type (value) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (value);
}

/**
 * warta_publish_job_set_step:
 * @value: (transfer none): the committed value
 */
void
warta_publish_job_set_step (WartaPublishJob *self,
                            const char      *name,
                            JsonNode        *value)
{
  g_return_if_fail (WARTA_IS_PUBLISH_JOB (self));
  g_return_if_fail (name != NULL && value != NULL);

  g_hash_table_replace (self->steps, g_strdup (name), json_node_copy (value));
}

void
warta_publish_job_set_account_store (WartaPublishJob   *self,
                                     WartaAccountStore *store)
{
  g_return_if_fail (WARTA_IS_PUBLISH_JOB (self));
  g_set_object (&self->store, store);
}

/**
 * warta_publish_job_get_account_store:
 *
 * Returns: (transfer none) (nullable): the outbox's accounts
 */
WartaAccountStore *
warta_publish_job_get_account_store (WartaPublishJob *self)
{
  g_return_val_if_fail (WARTA_IS_PUBLISH_JOB (self), NULL);
  return self->store;
}

static gboolean
is_empty (const char *text)
{
  return text == NULL || *text == '\0';
}

char *
warta_publish_job_dup_text (WartaPublishJob *self,
                            const char      *target)
{
  g_return_val_if_fail (WARTA_IS_PUBLISH_JOB (self), NULL);

  return warta_publish_revision_dup_text (self->revision, target);
}

/**
 * warta_publish_revision_dup_text:
 * @target: a caption target ("x", "youtube-title" …)
 *
 * Returns: (transfer full): the text a job for @r sends to @target: its
 *   caption, or what stands in for a missing one
 */
char *
warta_publish_revision_dup_text (WartaRevision *r,
                                 const char    *target)
{
  const char *caption;

  g_return_val_if_fail (WARTA_IS_REVISION (r), NULL);

  caption = warta_revision_get_caption (r, target);
  if (!is_empty (caption))
    return g_strdup (caption);

  if (g_str_has_suffix (target, "-title"))
    return g_strdup (!is_empty (warta_revision_get_article_title (r))
                     ? warta_revision_get_article_title (r) : warta_revision_get_title (r));
  if (g_str_has_suffix (target, "-body") || g_str_has_suffix (target, "-description"))
    return g_strdup (!is_empty (warta_revision_get_article_body (r))
                     ? warta_revision_get_article_body (r) : warta_revision_get_narrative (r));

  /* A post: the narrative and the hashtags. */
  if (is_empty (warta_revision_get_hashtags (r)))
    return g_strdup (warta_revision_get_narrative (r) ? warta_revision_get_narrative (r) : "");
  return g_strconcat (warta_revision_get_narrative (r) ? warta_revision_get_narrative (r) : "",
                      "\n\n", warta_revision_get_hashtags (r), NULL);
}

/**
 * warta_publish_job_list_media:
 *
 * Returns: (transfer container) (element-type WartaMediaItem): the media
 *   that goes to the job's platform (the author may leave some out)
 */
GPtrArray *
warta_publish_job_list_media (WartaPublishJob *self,
                              const char      *kind)
{
  GListModel *media;
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);
  const char *platform;

  g_return_val_if_fail (WARTA_IS_PUBLISH_JOB (self), items);

  media = warta_revision_get_media (self->revision);
  platform = warta_account_get_platform (self->account);
  for (guint i = 0; i < g_list_model_get_n_items (media); i++)
    {
      g_autoptr(WartaMediaItem) item = g_list_model_get_item (media, i);

      if (platform != NULL && !warta_media_item_get_posted_to (item, platform))
        continue;
      if (kind == NULL || g_strcmp0 (warta_media_item_get_kind (item), kind) == 0)
        g_ptr_array_add (items, g_steal_pointer (&item));
    }
  return items;
}

/**
 * warta_publish_job_get_media_file:
 *
 * Returns: (transfer full): the item's file
 */
GFile *
warta_publish_job_get_media_file (WartaPublishJob *self,
                                  WartaMediaItem  *item)
{
  g_autofree char *path = warta_media_item_dup_full_path (item, self->media_dir);

  return g_file_new_for_path (path);
}

/* By the file's own first bytes: the MIME database may be missing (in a
 * sandbox, in tests) and a file's name may lie. */
static const char *
sniff_content_type (GFile *file)
{
  static const struct { const char *magic; gsize offset; gsize len; const char *type; } magic[] = {
    { "\xff\xd8\xff", 0, 3, "image/jpeg" },
    { "\x89PNG\r\n\x1a\n", 0, 8, "image/png" },
    { "GIF8", 0, 4, "image/gif" },
    { "WEBP", 8, 4, "image/webp" },
    { "ftyp", 4, 4, "video/mp4" },
    { "\x1a\x45\xdf\xa3", 0, 4, "video/webm" },
  };
  g_autoptr(GFileInputStream) in = g_file_read (file, NULL, NULL);
  guchar head[16] = { 0 };
  gsize n = 0;

  if (in == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (in), head, sizeof head, &n, NULL, NULL))
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (magic); i++)
    if (n >= magic[i].offset + magic[i].len &&
        memcmp (head + magic[i].offset, magic[i].magic, magic[i].len) == 0)
      return magic[i].type;
  return NULL;
}

/**
 * warta_publish_job_open_upload:
 *
 * Returns: (transfer full): an upload of the item's file, or NULL with a
 *   #WARTA_PUBLISH_ERROR that says what to do
 */
WartaUpload *
warta_publish_job_open_upload (WartaPublishJob  *self,
                               WartaMediaItem   *item,
                               GError          **error)
{
  g_autoptr(GFile) file = warta_publish_job_get_media_file (self, item);
  g_autoptr(GError) local_error = NULL;
  WartaUpload *upload;

  upload = warta_upload_new_for_file (file, sniff_content_type (file), &local_error);
  if (upload == NULL)
    {
      g_autofree char *basename = g_file_get_basename (file);

      g_set_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_FAILED,
                   _("“%s” cannot be read: %s. Check that the file still exists, or choose it again."),
                   basename, local_error->message);
    }
  return upload;
}

void
warta_publish_job_set_progress (WartaPublishJob *self,
                                guint            index,
                                guint            n_steps,
                                double           fraction)
{
  g_return_if_fail (WARTA_IS_PUBLISH_JOB (self));

  if (n_steps == 0)
    return;
  warta_outbox_job_set_fraction (self->job, (index + CLAMP (fraction, 0.0, 1.0)) / n_steps);
}

typedef struct
{
  WartaPublishJob *job;
  guint index;
  guint n_steps;
} Tracking;

static void
upload_fraction_cb (WartaUpload *upload,
                    GParamSpec  *pspec,
                    Tracking    *t)
{
  warta_publish_job_set_progress (t->job, t->index, t->n_steps, warta_upload_get_fraction (upload));
}

static void
tracking_free (gpointer data,
               GClosure *closure)
{
  Tracking *t = data;

  g_object_unref (t->job);
  g_free (t);
}

/* Follows @upload's fraction as step @index's progress. */
void
warta_publish_job_track_upload (WartaPublishJob *self,
                                WartaUpload     *upload,
                                guint            index,
                                guint            n_steps)
{
  Tracking *t;

  g_return_if_fail (WARTA_IS_PUBLISH_JOB (self));
  g_return_if_fail (WARTA_IS_UPLOAD (upload));

  t = g_new0 (Tracking, 1);
  t->job = g_object_ref (self);
  t->index = index;
  t->n_steps = n_steps;
  g_signal_connect_data (upload, "notify::fraction", G_CALLBACK (upload_fraction_cb), t,
                         tracking_free, 0);
}

/* WartaPublisher -------------------------------------------------------- */

G_DEFINE_INTERFACE (WartaPublisher, warta_publisher, G_TYPE_OBJECT)

/* Every publisher returns its step from a GTask made by
 * warta_publisher_new_step_task(). */
static WartaPublishStep *
warta_publisher_real_run_step_finish (WartaPublisher  *self,
                                      GAsyncResult    *result,
                                      GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static gboolean
warta_publisher_real_take_down_finish (WartaPublisher  *self,
                                       GAsyncResult    *result,
                                       GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
warta_publisher_default_init (WartaPublisherInterface *iface)
{
  iface->run_step_finish = warta_publisher_real_run_step_finish;
  iface->take_down_finish = warta_publisher_real_take_down_finish;
  iface->correct_finish = warta_publisher_real_take_down_finish;
}

/**
 * warta_publisher_new_step_task:
 *
 * The task of one run_step, returning a #WartaPublishStep. What the
 * platform confirmed is the outbox's to commit even when the job was
 * paused or cancelled meanwhile, so the task does not turn a result into
 * a cancellation.
 */
GTask *
warta_publisher_new_step_task (WartaPublisher      *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data,
                               gpointer             source_tag)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_check_cancellable (task, FALSE);
  return task;
}

/**
 * warta_publisher_return_step:
 * @task: a task made by warta_publisher_new_step_task()
 * @name: the step's name
 * @value: (transfer full): what the platform confirmed
 *
 * Returns a step from @task, for the default run_step_finish.
 */
void
warta_publisher_return_step (GTask      *task,
                             const char *name,
                             JsonNode   *value)
{
  g_return_if_fail (G_IS_TASK (task));

  g_task_return_pointer (task, warta_publish_step_new (name, value),
                         (GDestroyNotify) warta_publish_step_free);
}

/**
 * warta_publisher_return_final:
 * @task: a task made by warta_publisher_new_step_task()
 * @name: the step's name
 * @remote_id: the post's id on the platform
 * @remote_url: (nullable): its address
 *
 * Returns the last step, the post itself, from @task.
 */
void
warta_publisher_return_final (GTask      *task,
                              const char *name,
                              const char *remote_id,
                              const char *remote_url)
{
  g_return_if_fail (G_IS_TASK (task));

  g_task_return_pointer (task, warta_publish_step_new_final (name, remote_id, remote_url),
                         (GDestroyNotify) warta_publish_step_free);
}

void
warta_publisher_run_step_async (WartaPublisher      *self,
                                WartaPublishJob     *job,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (WARTA_IS_PUBLISHER (self));
  g_return_if_fail (WARTA_IS_PUBLISH_JOB (job));

  WARTA_PUBLISHER_GET_IFACE (self)->run_step_async (self, job, cancellable, callback, user_data);
}

/**
 * warta_publisher_run_step_finish:
 *
 * Returns: (transfer full): the confirmed step, or NULL with a
 *   #WARTA_PUBLISH_ERROR
 */
WartaPublishStep *
warta_publisher_run_step_finish (WartaPublisher  *self,
                                 GAsyncResult    *result,
                                 GError         **error)
{
  g_return_val_if_fail (WARTA_IS_PUBLISHER (self), NULL);

  return WARTA_PUBLISHER_GET_IFACE (self)->run_step_finish (self, result, error);
}

/**
 * warta_publisher_can_take_down:
 *
 * Returns: whether the platform lets Warta delete a post it published
 */
gboolean
warta_publisher_can_take_down (WartaPublisher *self)
{
  g_return_val_if_fail (WARTA_IS_PUBLISHER (self), FALSE);

  return WARTA_PUBLISHER_GET_IFACE (self)->take_down_async != NULL;
}

/**
 * warta_publisher_take_down_async:
 * @self: a #WartaPublisher that can take posts down
 * @job: the published job, with its remote id and confirmed steps
 *
 * Deletes the job's post on the platform, and what the job uploaded that
 * would stay public. A post already gone counts as taken down.
 */
void
warta_publisher_take_down_async (WartaPublisher      *self,
                                 WartaPublishJob     *job,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (warta_publisher_can_take_down (self));
  g_return_if_fail (WARTA_IS_PUBLISH_JOB (job));

  WARTA_PUBLISHER_GET_IFACE (self)->take_down_async (self, job, cancellable, callback, user_data);
}

/**
 * warta_publisher_take_down_finish:
 *
 * Returns: whether the post is gone, or FALSE with a #WARTA_PUBLISH_ERROR
 */
gboolean
warta_publisher_take_down_finish (WartaPublisher  *self,
                                  GAsyncResult    *result,
                                  GError         **error)
{
  g_return_val_if_fail (WARTA_IS_PUBLISHER (self), FALSE);

  return WARTA_PUBLISHER_GET_IFACE (self)->take_down_finish (self, result, error);
}

/**
 * warta_publisher_can_correct:
 *
 * Returns: whether the platform lets Warta change a post it published
 */
gboolean
warta_publisher_can_correct (WartaPublisher *self)
{
  g_return_val_if_fail (WARTA_IS_PUBLISHER (self), FALSE);

  return WARTA_PUBLISHER_GET_IFACE (self)->correct_async != NULL;
}

/**
 * warta_publisher_correct_async:
 * @self: a #WartaPublisher that can correct posts
 * @job: the published job, with its remote id and confirmed steps
 * @title: (nullable): the post's new title, where it has one
 * @text: the post's new text
 *
 * Changes the text of the job's post on the platform.
 */
void
warta_publisher_correct_async (WartaPublisher      *self,
                               WartaPublishJob     *job,
                               const char          *title,
                               const char          *text,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (warta_publisher_can_correct (self));
  g_return_if_fail (WARTA_IS_PUBLISH_JOB (job));
  g_return_if_fail (text != NULL);

  WARTA_PUBLISHER_GET_IFACE (self)->correct_async (self, job, title, text, cancellable, callback,
                                                   user_data);
}

/**
 * warta_publisher_correct_finish:
 *
 * Returns: whether the post has the new text, or FALSE with a
 *   #WARTA_PUBLISH_ERROR
 */
gboolean
warta_publisher_correct_finish (WartaPublisher  *self,
                                GAsyncResult    *result,
                                GError         **error)
{
  g_return_val_if_fail (WARTA_IS_PUBLISHER (self), FALSE);

  return WARTA_PUBLISHER_GET_IFACE (self)->correct_finish (self, result, error);
}
