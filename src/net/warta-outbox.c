/* warta-outbox.c: the worker that sends the outbox's jobs
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs on the main context, async only. A job is claimed with a lease
 * naming this process; its publisher takes one remote step at a time, and
 * each confirmed step is committed before the next request. A job whose
 * process died (a crash, SIGKILL, a closed laptop) is taken over from its
 * last confirmed step: at once when the process is known dead on this
 * machine, when the lease runs out otherwise.
 */
#define G_LOG_DOMAIN "warta-outbox"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "warta-facebook-publisher.h"
#include "warta-instagram-publisher.h"
#include "warta-mastodon-publisher.h"
#include "warta-oauth.h"
#include "warta-oauth-platforms.h"
#include "warta-media-probe.h"
#include "warta-outbox.h"
#include "warta-publish-check.h"
#include "warta-tiktok-publisher.h"
#include "warta-wordpress-publisher.h"
#include "warta-x-publisher.h"
#include "warta-youtube-publisher.h"

/* A lease outlives any single step's silence; it is renewed while a job runs. */
#define LEASE_US        (5 * 60 * G_USEC_PER_SEC)
#define RENEW_EVERY_US  (60 * G_USEC_PER_SEC)

typedef struct
{
  char *token_url;
  char *client_id;
  char *client_secret;
} OAuthClient;

static void
oauth_client_free (OAuthClient *client)
{
  g_free (client->token_url);
  g_free (client->client_id);
  g_free (client->client_secret);
  g_free (client);
}

typedef enum
{
  STOP_NONE,
  STOP_PAUSE,
  STOP_CANCEL,
  STOP_SHUTDOWN,
  STOP_MANUAL,
} StopReason;

typedef struct
{
  WartaOutbox     *outbox;
  WartaOutboxJob  *job;
  gint64           job_id;
  gint64           account_id;
  WartaAccount    *account;
  WartaPublisher  *publisher;
  WartaPublishJob *pjob;
  GCancellable    *cancellable;
  StopReason       stop;
  gint64           renewed_at;
} Run;

struct _WartaOutbox
{
  GObject                parent_instance;

  WartaOutboxRepository *repository;
  WartaAccountStore     *accounts;
  WartaHttpClient       *client;
  WartaClock            *clock;
  GHashTable            *factories;   /* platform → WartaPublisherFactory */
  GHashTable            *oauth;       /* platform → OAuthClient */
  GListStore            *model;
  GHashTable            *live;        /* job id → WartaOutboxJob */
  GHashTable            *runs;        /* job id → Run */
  char                  *owner;
  char                  *media_dir;
  char                  *database_uuid;
  guint                  max_running;
  gint64                 last_tick_at;   /* when tick() last looked; 0: not since started */
  guint                  tick_ms;
  guint                  backoff_initial_ms;
  guint                  backoff_max_ms;
  guint                  max_attempts;
  guint                  tick_id;
  guint                  kick_id;
  gboolean               started;
};

enum {
  PROP_0,
  PROP_N_RUNNING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (WartaOutbox, warta_outbox, G_TYPE_OBJECT)

static void schedule (WartaOutbox *self);

static void
warta_outbox_dispose (GObject *object)
{
  WartaOutbox *self = WARTA_OUTBOX (object);

  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_clear_handle_id (&self->kick_id, g_source_remove);

  G_OBJECT_CLASS (warta_outbox_parent_class)->dispose (object);
}

static void
warta_outbox_finalize (GObject *object)
{
  WartaOutbox *self = WARTA_OUTBOX (object);

  g_assert (g_hash_table_size (self->runs) == 0);
  g_clear_object (&self->repository);
  g_clear_object (&self->accounts);
  g_clear_object (&self->client);
  g_clear_object (&self->clock);
  g_hash_table_unref (self->factories);
  g_hash_table_unref (self->oauth);
  g_clear_object (&self->model);
  g_hash_table_unref (self->live);
  g_hash_table_unref (self->runs);
  g_free (self->owner);
  g_free (self->media_dir);
  g_free (self->database_uuid);

  G_OBJECT_CLASS (warta_outbox_parent_class)->finalize (object);
}

static void
warta_outbox_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  WartaOutbox *self = WARTA_OUTBOX (object);

  switch (prop_id)
    {
    case PROP_N_RUNNING:
      g_value_set_uint (value, g_hash_table_size (self->runs));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
warta_outbox_class_init (WartaOutboxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = warta_outbox_dispose;
  object_class->finalize = warta_outbox_finalize;
  object_class->get_property = warta_outbox_get_property;

  properties[PROP_N_RUNNING] =
    g_param_spec_uint ("n-running", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
warta_outbox_init (WartaOutbox *self)
{
  g_autofree char *token = g_uuid_string_random ();

  self->factories = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->oauth = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) oauth_client_free);
  self->model = g_list_store_new (WARTA_TYPE_OUTBOX_JOB);
  self->live = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->runs = g_hash_table_new (g_int64_hash, g_int64_equal);
  /* host/pid/token: a dead process on this host is seen as dead at once. */
  self->owner = g_strdup_printf ("%s/%d/%.8s", g_get_host_name (), (int) getpid (), token);
  self->max_running = 2;
  self->tick_ms = 1000;
  self->backoff_initial_ms = 5000;
  self->backoff_max_ms = 15 * 60 * 1000;
  self->max_attempts = 8;
}

WartaOutbox *
warta_outbox_new (WartaOutboxRepository *repository,
                  WartaAccountStore     *accounts,
                  WartaHttpClient       *client)
{
  WartaOutbox *self;
  WartaPublicationRepository *publications;

  g_return_val_if_fail (WARTA_IS_OUTBOX_REPOSITORY (repository), NULL);
  g_return_val_if_fail (WARTA_IS_ACCOUNT_STORE (accounts), NULL);
  g_return_val_if_fail (WARTA_IS_HTTP_CLIENT (client), NULL);

  self = g_object_new (WARTA_TYPE_OUTBOX, NULL);
  self->repository = g_object_ref (repository);
  self->accounts = g_object_ref (accounts);
  self->client = g_object_ref (client);
  publications = warta_outbox_repository_get_publications (repository);
  self->clock = g_object_ref (warta_publication_repository_get_clock (publications));
  self->media_dir = g_path_get_dirname (warta_database_get_path (warta_publication_repository_get_database (publications)));

  warta_outbox_register_platform (self, "mastodon", warta_mastodon_publisher_new);
  warta_outbox_register_platform (self, "wordpress", warta_wordpress_publisher_new);
  warta_outbox_register_platform (self, "youtube", warta_youtube_publisher_new);
  warta_outbox_register_platform (self, "x", warta_x_publisher_new);
  warta_outbox_register_platform (self, "facebook", warta_facebook_publisher_new);
  warta_outbox_register_platform (self, "instagram", warta_instagram_publisher_new);
  warta_outbox_register_platform (self, "tiktok", warta_tiktok_publisher_new);
  return self;
}

WartaOutboxRepository *
warta_outbox_get_repository (WartaOutbox *self)
{
  g_return_val_if_fail (WARTA_IS_OUTBOX (self), NULL);
  return self->repository;
}

WartaAccountStore *
warta_outbox_get_accounts (WartaOutbox *self)
{
  g_return_val_if_fail (WARTA_IS_OUTBOX (self), NULL);
  return self->accounts;
}

void
warta_outbox_register_platform (WartaOutbox           *self,
                                const char            *platform,
                                WartaPublisherFactory  factory)
{
  g_return_if_fail (WARTA_IS_OUTBOX (self));
  g_return_if_fail (platform != NULL && factory != NULL);

  g_hash_table_replace (self->factories, g_strdup (platform), factory);
}

void
warta_outbox_set_oauth_client (WartaOutbox *self,
                               const char  *platform,
                               const char  *token_url,
                               const char  *client_id,
                               const char  *client_secret)
{
  OAuthClient *client;

  g_return_if_fail (WARTA_IS_OUTBOX (self));
  g_return_if_fail (platform != NULL);

  if (client_id == NULL || *client_id == '\0')
    {
      g_hash_table_remove (self->oauth, platform);
      return;
    }
  client = g_new0 (OAuthClient, 1);
  client->token_url = g_strdup (token_url);
  client->client_id = g_strdup (client_id);
  client->client_secret = g_strdup (client_secret);
  g_hash_table_replace (self->oauth, g_strdup (platform), client);
}

gboolean
warta_outbox_supports_platform (WartaOutbox *self,
                                const char  *platform)
{
  g_return_val_if_fail (WARTA_IS_OUTBOX (self), FALSE);
  return g_hash_table_contains (self->factories, platform);
}

void
warta_outbox_set_max_running (WartaOutbox *self,
                              guint        max_running)
{
  g_return_if_fail (WARTA_IS_OUTBOX (self));
  self->max_running = MAX (max_running, 1);
}

void
warta_outbox_set_tick_interval (WartaOutbox *self,
                                guint        interval_ms)
{
  g_return_if_fail (WARTA_IS_OUTBOX (self));
  self->tick_ms = MAX (interval_ms, 10);
  if (self->started)
    {
      warta_outbox_stop (self);
      warta_outbox_start (self);
    }
}

void
warta_outbox_set_backoff (WartaOutbox *self,
                          guint        initial_ms,
                          guint        max_ms,
                          guint        max_attempts)
{
  g_return_if_fail (WARTA_IS_OUTBOX (self));
  self->backoff_initial_ms = MAX (initial_ms, 1);
  self->backoff_max_ms = MAX (max_ms, self->backoff_initial_ms);
  self->max_attempts = MAX (max_attempts, 1);
}

guint
warta_outbox_get_n_running (WartaOutbox *self)
{
  g_return_val_if_fail (WARTA_IS_OUTBOX (self), 0);
  return g_hash_table_size (self->runs);
}

GListModel *
warta_outbox_get_jobs (WartaOutbox *self)
{
  g_return_val_if_fail (WARTA_IS_OUTBOX (self), NULL);
  return G_LIST_MODEL (self->model);
}

char *
warta_outbox_get_proofs_dir (WartaOutbox *self)
{
  g_return_val_if_fail (WARTA_IS_OUTBOX (self), NULL);
  return g_build_filename (self->media_dir, "warta-files", "proofs", NULL);
}

/* live jobs ------------------------------------------------------------------ */

static WartaOutboxJob *
take_live (WartaOutbox    *self,
           WartaOutboxJob *row)
{
  gint64 id = warta_outbox_job_get_id (row);
  WartaOutboxJob *live = g_hash_table_lookup (self->live, &id);

  if (live != NULL)
    {
      warta_outbox_job_update_from (live, row);
      return live;
    }
  g_hash_table_insert (self->live, g_memdup2 (&id, sizeof id), g_object_ref (row));
  g_list_store_append (self->model, row);
  return row;
}

static void
refresh_one (WartaOutbox *self,
             gint64       job_id)
{
  g_autoptr(WartaOutboxJob) row = NULL;
  g_autoptr(GError) error = NULL;

  row = warta_outbox_repository_get_job (self->repository, job_id, &error);
  if (row == NULL)
    {
      g_warning ("Job %" G_GINT64_FORMAT " cannot be read: %s", job_id, error->message);
      return;
    }
  take_live (self, row);
}

static GListModel *
refresh_unfinished (WartaOutbox  *self,
                    GError      **error)
{
  g_autoptr(GListModel) rows = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  GListStore *result = g_list_store_new (WARTA_TYPE_OUTBOX_JOB);
  GHashTableIter iter;
  gpointer key, value;

  rows = warta_outbox_repository_list_unfinished (self->repository, error);
  if (rows == NULL)
    {
      g_object_unref (result);
      return NULL;
    }
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(WartaOutboxJob) row = g_list_model_get_item (rows, i);
      WartaOutboxJob *live = take_live (self, row);
      gint64 id = warta_outbox_job_get_id (live);

      if (g_hash_table_lookup_extended (self->live, &id, &key, NULL))
        g_hash_table_add (seen, key);
      g_list_store_append (result, live);
    }

  /* Finished elsewhere (another process, another window). */
  g_hash_table_iter_init (&iter, self->live);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (seen, key) &&
        !warta_outbox_state_is_final (warta_outbox_job_get_state (value)))
      refresh_one (self, *(gint64 *) key);

  return G_LIST_MODEL (result);
}

void
warta_outbox_refresh (WartaOutbox *self)
{
  g_autoptr(GListModel) unfinished = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (WARTA_IS_OUTBOX (self));

  unfinished = refresh_unfinished (self, &error);
  if (unfinished == NULL)
    g_warning ("The outbox cannot be read: %s", error->message);
}

GListModel *
warta_outbox_list_publication_jobs (WartaOutbox  *self,
                                    gint64        publication_id,
                                    GError      **error)
{
  g_autoptr(GListModel) rows = NULL;
  GListStore *result;

  g_return_val_if_fail (WARTA_IS_OUTBOX (self), NULL);

  rows = warta_outbox_repository_list_for_publication (self->repository, publication_id, error);
  if (rows == NULL)
    return NULL;
  result = g_list_store_new (WARTA_TYPE_OUTBOX_JOB);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(WartaOutboxJob) row = g_list_model_get_item (rows, i);

      g_list_store_append (result, take_live (self, row));
    }
  return G_LIST_MODEL (result);
}

guint
warta_outbox_count_unfinished (WartaOutbox  *self,
                               GError      **error)
{
  g_autoptr(GListModel) rows = NULL;

  g_return_val_if_fail (WARTA_IS_OUTBOX (self), 0);

  rows = warta_outbox_repository_list_unfinished (self->repository, error);
  return rows ? g_list_model_get_n_items (rows) : 0;
}

guint
warta_outbox_count_to_send (WartaOutbox  *self,
                            GError      **error)
{
  g_autoptr(GListModel) rows = NULL;
  guint n = 0;

  g_return_val_if_fail (WARTA_IS_OUTBOX (self), 0);

  rows = warta_outbox_repository_list_unfinished (self->repository, error);
  for (guint i = 0; rows != NULL && i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(WartaOutboxJob) job = g_list_model_get_item (rows, i);

      if (warta_outbox_job_get_state (job) != WARTA_OUTBOX_STATE_PAUSED &&
          !warta_outbox_job_is_by_hand (job))
        n++;
    }
  return n;
}

/* runs ------------------------------------------------------------------------- */

static void
run_free (Run *run)
{
  g_clear_object (&run->job);
  g_clear_object (&run->account);
  g_clear_object (&run->publisher);
  g_clear_object (&run->pjob);
  g_clear_object (&run->cancellable);
  g_clear_object (&run->outbox);
  g_free (run);
}

static void
end_run (Run *run)
{
  WartaOutbox *self = run->outbox;

  g_hash_table_remove (self->runs, &run->job_id);
  refresh_one (self, run->job_id);
  /* A paused target keeps showing how far it got; one waiting for a retry
   * starts over from its last confirmed step, so its bar does too. */
  if (!warta_outbox_state_is_final (warta_outbox_job_get_state (run->job)) &&
      warta_outbox_job_get_state (run->job) != WARTA_OUTBOX_STATE_RUNNING &&
      warta_outbox_job_get_state (run->job) != WARTA_OUTBOX_STATE_PAUSED)
    warta_outbox_job_set_fraction (run->job, 0.0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_RUNNING]);
  schedule (self);
  run_free (run);
}

static const char *
error_code_id (const GError *error)
{
  static const char *ids[] = {
    [WARTA_PUBLISH_ERROR_RETRYABLE] = "retryable",
    [WARTA_PUBLISH_ERROR_RATE_LIMITED] = "rate-limited",
    [WARTA_PUBLISH_ERROR_AUTH_EXPIRED] = WARTA_OUTBOX_ERROR_AUTH,
    [WARTA_PUBLISH_ERROR_PERMISSION_DENIED] = "permission-denied",
    [WARTA_PUBLISH_ERROR_INVALID_MEDIA] = "invalid-media",
    [WARTA_PUBLISH_ERROR_REJECTED] = "rejected",
    [WARTA_PUBLISH_ERROR_NOT_CONFIGURED] = "not-configured",
    [WARTA_PUBLISH_ERROR_CANCELLED] = WARTA_OUTBOX_ERROR_CANCELLED,
    [WARTA_PUBLISH_ERROR_PROTOCOL] = "protocol",
    [WARTA_PUBLISH_ERROR_FAILED] = "failed",
    [WARTA_PUBLISH_ERROR_UNCONFIRMED] = WARTA_OUTBOX_ERROR_UNCONFIRMED,
    [WARTA_PUBLISH_ERROR_GONE] = "gone",
  };

  if (error->domain == WARTA_PUBLISH_ERROR && error->code >= 0 &&
      (guint) error->code < G_N_ELEMENTS (ids))
    return ids[error->code];
  return "failed";
}

static void
stop_run (Run              *run,
          WartaOutboxState  state,
          const char       *code,
          const char       *message,
          gint64            next_attempt_at,
          gboolean          count_attempt)
{
  g_autoptr(GError) error = NULL;

  if (!warta_outbox_repository_stop_job (run->outbox->repository, run->job_id, run->outbox->owner,
                                         state, code, message, next_attempt_at, count_attempt,
                                         &error) &&
      !g_error_matches (error, WARTA_DB_ERROR, WARTA_DB_ERROR_CONFLICT))
    g_warning ("Job %" G_GINT64_FORMAT " cannot be stopped: %s", run->job_id, error->message);
  end_run (run);
}

static gint64
backoff_us (WartaOutbox *self,
            guint        attempts)
{
  gint64 delay = self->backoff_initial_ms;

  for (guint i = 1; i < attempts && delay < self->backoff_max_ms; i++)
    delay *= 2;
  delay = MIN (delay, (gint64) self->backoff_max_ms);
  /* Up to a quarter of jitter, so that targets do not retry in step. */
  delay += g_random_int_range (0, (gint32) MAX (delay / 4, 1));
  return delay * 1000;
}

/* @error's message with its retry time in the office's zone: the
 * platform's client wrote it in this computer's. */
static char *
dup_message_in_zone (WartaOutbox  *self,
                     const GError *error)
{
  if (error->domain != WARTA_PUBLISH_ERROR)
    return g_strdup (error->message);
  return warta_publish_error_dup_in_zone (error->message, warta_publish_error_get_retry_at (error),
                                          warta_clock_get_time_zone (self->clock),
                                          warta_clock_now (self->clock));
}

static void
fail_run (Run          *run,
          const GError *error)
{
  WartaOutbox *self = run->outbox;
  gint64 now = warta_clock_now (self->clock);

  switch (run->stop)
    {
    case STOP_PAUSE:
      stop_run (run, WARTA_OUTBOX_STATE_PAUSED, NULL, NULL, 0, FALSE);
      return;
    case STOP_CANCEL:
    case STOP_MANUAL:
      /* The user's call already wrote the state. */
      stop_run (run, WARTA_OUTBOX_STATE_FAILED, WARTA_OUTBOX_ERROR_CANCELLED, error->message, 0, FALSE);
      return;
    case STOP_SHUTDOWN:
      stop_run (run, WARTA_OUTBOX_STATE_PENDING, NULL, NULL, 0, FALSE);
      return;
    case STOP_NONE:
    default:
      break;
    }

  if (g_error_matches (error, WARTA_DB_ERROR, WARTA_DB_ERROR_CONFLICT))
    {
      /* Another process holds the job now. */
      end_run (run);
      return;
    }

  if (g_error_matches (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_CANCELLED))
    {
      stop_run (run, WARTA_OUTBOX_STATE_PENDING, NULL, NULL, 0, FALSE);
      return;
    }

  if (error->domain == WARTA_PUBLISH_ERROR && warta_publish_error_is_retryable (error))
    {
      guint attempts = warta_outbox_job_get_attempts (run->job) + 1;
      g_autofree char *in_zone = NULL;
      gint64 next;

      if (attempts >= self->max_attempts)
        {
          /* Why, without the promise of another try. */
          g_autofree char *reason = warta_publish_error_dup_retry_reason (error->message);
          g_autofree char *message = g_strdup_printf (_("%s Warta tried %u times. Choose “Try Again” later, or publish it by hand."),
                                                      reason, attempts);

          stop_run (run, WARTA_OUTBOX_STATE_FAILED, error_code_id (error), message, 0, TRUE);
          return;
        }
      next = MAX (warta_publish_error_get_retry_at (error), now + backoff_us (self, attempts));
      /* "Warta will try again later" becomes the time it does. */
      in_zone = warta_publish_error_dup_in_zone (error->message, next,
                                                 warta_clock_get_time_zone (self->clock), now);
      g_debug ("Job %" G_GINT64_FORMAT ": %s; again in %" G_GINT64_FORMAT " ms",
               run->job_id, in_zone, (next - now) / 1000);
      stop_run (run, WARTA_OUTBOX_STATE_WAITING, error_code_id (error), in_zone, next, TRUE);
      return;
    }

  /* Permanent: an expired sign-in, a refused file or post. No loop. */
  stop_run (run, WARTA_OUTBOX_STATE_FAILED, error_code_id (error), error->message, 0, TRUE);
}

static void next_step (Run *run);

static void
step_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Run *run = user_data;
  WartaOutbox *self = run->outbox;
  g_autoptr(WartaPublishStep) step = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  gint64 now = warta_clock_now (self->clock);
  gboolean go_on = FALSE;

  step = warta_publisher_run_step_finish (WARTA_PUBLISHER (object), result, &error);
  if (step == NULL)
    {
      fail_run (run, error);
      return;
    }

  /* Whatever the user pressed meanwhile, what the platform confirmed is
   * recorded first. */
  json = json_to_string (step->value, FALSE);
  if (step->final)
    {
      if (!warta_outbox_repository_finish_job (self->repository, run->job_id, self->owner,
                                               step->name, json, step->remote_id, step->remote_url,
                                               &error))
        g_warning ("Job %" G_GINT64_FORMAT " was published as %s, but this cannot be recorded: %s",
                   run->job_id, step->remote_url ? step->remote_url : step->remote_id, error->message);
      end_run (run);
      return;
    }

  if (!warta_outbox_repository_confirm_step (self->repository, run->job_id, self->owner,
                                             step->name, json, now + LEASE_US, &go_on, &error))
    {
      fail_run (run, error);
      return;
    }
  run->renewed_at = now;
  warta_publish_job_set_step (run->pjob, step->name, step->value);

  if (!go_on)
    {
      if (run->stop == STOP_NONE)
        run->stop = STOP_PAUSE;
      fail_run (run, &(GError) { WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_CANCELLED, (char *) "" });
      return;
    }
  next_step (run);
}

static void
next_step (Run *run)
{
  if (run->stop != STOP_NONE || g_cancellable_is_cancelled (run->cancellable))
    {
      fail_run (run, &(GError) { WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_CANCELLED, (char *) "" });
      return;
    }
  warta_publisher_run_step_async (run->publisher, run->pjob, run->cancellable, step_cb, run);
}

/* The publisher of @account, with the account's @secret; without one
 * (NULL), only to ask what the platform can do. */
static WartaPublisher *
publisher_for_account (WartaOutbox   *self,
                       WartaAccount  *account,
                       const char    *secret,
                       GError       **error)
{
  WartaPublisherFactory factory;

  factory = g_hash_table_lookup (self->factories, warta_account_get_platform (account));
  if (factory == NULL)
    {
      g_set_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_NOT_CONFIGURED,
                   _("Warta cannot reach %s by itself. Remove the post there yourself, then record the take-down."),
                   warta_platform_get_display_name (warta_account_get_platform (account)));
      return NULL;
    }
  return factory (self->client, account, secret, error);
}

static void
make_publisher (Run        *run,
                const char *secret)
{
  g_autoptr(GError) error = NULL;

  run->publisher = publisher_for_account (run->outbox, run->account, secret, &error);
  if (run->publisher == NULL)
    {
      fail_run (run, error);
      return;
    }
  next_step (run);
}

/* An account's secret for a request: read from the keyring and, for an
 * OAuth account whose tokens run out soon and can be renewed, renewed and
 * stored first. @done gets the secret, or an error that says what to do,
 * once; a publishing run and a take-down both go this way. */
typedef void (*CredentialsDone) (gpointer      data,
                                 const char   *secret,
                                 const GError *error);

typedef struct
{
  WartaOutbox      *outbox;
  WartaAccount     *account;
  GCancellable     *cancellable;
  gint64            job_id;       /* for the log */
  CredentialsDone   done;
  gpointer          data;
  char             *refreshed;    /* the renewed secret, while it is stored */
  WartaOAuthTokens *tokens;       /* to renew, while the app's secret is read */
  char             *refresh_url;
  char             *client_id;
} Credentials;

static void
credentials_finish (Credentials  *c,
                    const char   *secret,
                    const GError *error)
{
  c->done (c->data, secret, error);
  g_clear_object (&c->outbox);
  g_clear_object (&c->account);
  g_clear_object (&c->cancellable);
  warta_secret_clear (&c->refreshed);
  g_clear_pointer (&c->tokens, warta_oauth_tokens_free);
  g_free (c->refresh_url);
  g_free (c->client_id);
  g_free (c);
}

static void
store_refreshed_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  Credentials *c = user_data;
  g_autoptr(GError) error = NULL;

  /* The platform may have made the old refresh token void already: a
   * token that cannot be kept is a sign-in to do again, said now. */
  if (!warta_account_store_set_secret_finish (WARTA_ACCOUNT_STORE (object), result, &error))
    {
      g_prefix_error (&error, "%s ", _("The renewed sign-in cannot be saved in the keyring."));
      credentials_finish (c, NULL, error);
    }
  else
    credentials_finish (c, c->refreshed, NULL);
}

static void
refresh_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Credentials *c = user_data;
  g_autoptr(WartaOAuthTokens) tokens = NULL;
  g_autoptr(GError) error = NULL;

  tokens = warta_oauth_refresh_finish (result, &error);
  if (tokens == NULL)
    {
      if (g_error_matches (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_AUTH_EXPIRED))
        {
          g_autoptr(GError) expired = NULL;
          g_autofree char *reason = NULL;
          g_autofree char *message = NULL;

          reason = g_strdup_printf (_("The sign-in of “%s” has expired and cannot be renewed."),
                                    warta_account_get_display_name (c->account));
          message = warta_publish_error_format_sign_in (reason);
          expired = g_error_new_literal (WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_AUTH_EXPIRED,
                                         message);
          credentials_finish (c, NULL, expired);
        }
      else
        credentials_finish (c, NULL, error);
      return;
    }

  /* The newest refresh token (X and TikTok rotate it) or the old one
   * (Google sends none back): warta_oauth_refresh_tokens_async() keeps it. */
  c->refreshed = warta_oauth_tokens_to_json (tokens);
  warta_account_store_set_secret_async (c->outbox->accounts, c->account, c->refreshed,
                                        c->cancellable, store_refreshed_cb, c);
}

/* A refresh waiting for the developer app's secret from the keyring. */
static void
client_secret_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Credentials *c = user_data;
  g_autoptr(GError) error = NULL;
  char *secret;

  secret = warta_account_store_lookup_client_secret_finish (WARTA_ACCOUNT_STORE (object), result,
                                                            &error);
  if (error != NULL)
    credentials_finish (c, NULL, error);
  else
    warta_oauth_refresh_tokens_async (c->outbox->client, warta_account_get_platform (c->account),
                                      c->refresh_url, c->client_id, secret, c->tokens,
                                      c->cancellable, refresh_cb, c);
  warta_secret_clear (&secret);
}

/* An OAuth account's secret is its tokens as JSON: when they run out soon
 * and can be refreshed, they are, before the first request. */
static gboolean
maybe_refresh (Credentials *c,
               const char  *secret)
{
  WartaOutbox *self = c->outbox;
  const char *platform = warta_account_get_platform (c->account);
  OAuthClient *client = g_hash_table_lookup (self->oauth, platform);
  g_autoptr(WartaOAuthTokens) tokens = NULL;
  g_autofree char *token_url = NULL;
  g_autofree char *refresh_url = NULL;

  if (client == NULL || secret[0] != '{')
    return FALSE;
  tokens = warta_oauth_tokens_from_json (secret, NULL);
  if (tokens == NULL ||
      !warta_oauth_tokens_need_refresh (platform, tokens, warta_clock_now (self->clock)))
    return FALSE;

  token_url = warta_account_dup_setting (c->account, "token-url");
  if (token_url == NULL)
    token_url = g_strdup (client->token_url);
  /* Instagram renews at its Graph host (the account's address). */
  refresh_url = warta_oauth_platform_refresh_url (platform, warta_account_get_base_url (c->account),
                                                  token_url);
  if (refresh_url == NULL)
    return FALSE;

  g_debug ("Job %" G_GINT64_FORMAT ": refreshing the token of account %" G_GINT64_FORMAT,
           c->job_id, warta_account_get_id (c->account));
  if (client->client_secret != NULL || g_strcmp0 (platform, "instagram") == 0)
    {
      warta_oauth_refresh_tokens_async (self->client, platform, refresh_url, client->client_id,
                                        client->client_secret, tokens, c->cancellable,
                                        refresh_cb, c);
      return TRUE;
    }

  /* The app's secret is in the keyring (entered under Developer Apps). */
  c->tokens = g_steal_pointer (&tokens);
  c->refresh_url = g_steal_pointer (&refresh_url);
  c->client_id = g_strdup (client->client_id);
  warta_account_store_lookup_client_secret_async (self->accounts, platform, c->cancellable,
                                                  client_secret_cb, c);
  return TRUE;
}

/* Whether @account is no longer among the store's accounts. */
static gboolean
account_removed (WartaAccountStore *store,
                 WartaAccount      *account)
{
  GListModel *accounts = warta_account_store_get_accounts (store);

  for (guint i = 0; i < g_list_model_get_n_items (accounts); i++)
    {
      g_autoptr(WartaAccount) listed = g_list_model_get_item (accounts, i);

      if (warta_account_get_id (listed) == warta_account_get_id (account))
        return FALSE;
    }
  return TRUE;
}

static void
secret_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Credentials *c = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *secret = NULL;

  secret = warta_account_store_lookup_secret_finish (WARTA_ACCOUNT_STORE (object), result, &error);
  /* Removed from Accounts while its posts waited: its sign-in went with
   * it, and signing in again is no way forward. */
  if (error == NULL && secret == NULL && account_removed (WARTA_ACCOUNT_STORE (object), c->account))
    error = g_error_new (WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_NOT_CONFIGURED,
                         _("“%s” was removed from Accounts, and its sign-in with it. Upload this "
                           "post there by hand and record the proof, or cancel it."),
                         warta_account_get_display_name (c->account));
  if (error == NULL && secret == NULL)
    {
      g_autofree char *reason = g_strdup_printf (_("No saved sign-in for “%s” was found in the keyring."),
                                                 warta_account_get_display_name (c->account));
      g_autofree char *message = warta_publish_error_format_sign_in (reason);

      error = g_error_new_literal (WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_AUTH_EXPIRED, message);
    }
  if (error != NULL)
    credentials_finish (c, NULL, error);
  else if (!maybe_refresh (c, secret))
    credentials_finish (c, secret, NULL);
  warta_secret_clear (&secret);
}

static void
credentials_get (WartaOutbox     *self,
                 WartaAccount    *account,
                 gint64           job_id,
                 GCancellable    *cancellable,
                 CredentialsDone  done,
                 gpointer         data)
{
  Credentials *c = g_new0 (Credentials, 1);

  c->outbox = g_object_ref (self);
  c->account = g_object_ref (account);
  c->cancellable = cancellable ? g_object_ref (cancellable) : NULL;
  c->job_id = job_id;
  c->done = done;
  c->data = data;
  warta_account_store_lookup_secret_async (self->accounts, account, cancellable, secret_cb, c);
}

static void
run_credentials_cb (gpointer      data,
                    const char   *secret,
                    const GError *error)
{
  Run *run = data;

  if (error != NULL)
    fail_run (run, error);
  else
    make_publisher (run, secret);
}

static const char *
get_database_uuid (WartaOutbox *self)
{
  if (self->database_uuid == NULL)
    {
      g_autoptr(GError) error = NULL;
      WartaAccountRepository *accounts = warta_account_store_get_repository (self->accounts);

      self->database_uuid = warta_account_repository_dup_database_uuid (accounts, &error);
      if (self->database_uuid == NULL)
        {
          g_warning ("The database's uuid cannot be read: %s", error->message);
          return "";
        }
    }
  return self->database_uuid;
}

/* The publisher's view of @job: the approved @revision, the job's key
 * (stable across restarts, unique across databases) and the steps the
 * platform confirmed so far. */
static WartaPublishJob *
load_publish_job (WartaOutbox     *self,
                  WartaOutboxJob  *job,
                  WartaAccount    *account,
                  WartaRevision   *revision,
                  GError         **error)
{
  gint64 job_id = warta_outbox_job_get_id (job);
  g_autofree char *key = g_strdup_printf ("%s/job-%" G_GINT64_FORMAT, get_database_uuid (self),
                                          job_id);
  g_autoptr(WartaPublishJob) pjob = warta_publish_job_new (job, account, revision, key,
                                                           self->media_dir);
  g_autoptr(GHashTable) steps = NULL;
  GHashTableIter iter;
  gpointer name, value;

  warta_publish_job_set_account_store (pjob, self->accounts);
  steps = warta_outbox_repository_list_steps (self->repository, job_id, error);
  if (steps == NULL)
    return NULL;
  g_hash_table_iter_init (&iter, steps);
  while (g_hash_table_iter_next (&iter, &name, &value))
    {
      g_autoptr(JsonNode) node = json_from_string (value, NULL);

      if (node)
        warta_publish_job_set_step (pjob, name, node);
    }
  return g_steal_pointer (&pjob);
}

static void
start_run (WartaOutbox    *self,
           WartaOutboxJob *job)
{
  WartaPublicationRepository *publications = warta_outbox_repository_get_publications (self->repository);
  g_autoptr(WartaRevision) revision = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = NULL;
  Run *run;

  run = g_new0 (Run, 1);
  run->outbox = g_object_ref (self);
  run->job = g_object_ref (job);
  run->job_id = warta_outbox_job_get_id (job);
  run->account_id = warta_outbox_job_get_account_id (job);
  run->cancellable = g_cancellable_new ();
  run->renewed_at = warta_clock_now (self->clock);
  g_hash_table_insert (self->runs, &run->job_id, run);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_RUNNING]);
  warta_outbox_job_set_state (job, WARTA_OUTBOX_STATE_RUNNING);

  run->account = warta_account_repository_get (warta_account_store_get_repository (self->accounts),
                                               run->account_id, &error);
  if (run->account == NULL)
    {
      fail_run (run, error);
      return;
    }

  /* Only the approved content goes out, byte for byte. */
  revision = warta_publication_repository_get_revision (publications,
                                                        warta_outbox_job_get_revision_id (job),
                                                        &error);
  if (revision == NULL)
    {
      fail_run (run, error);
      return;
    }
  hash = warta_revision_compute_hash (revision);
  if (g_strcmp0 (hash, warta_outbox_job_get_revision_hash (job)) != 0)
    {
      g_autoptr(GError) void_error = NULL;

      void_error = g_error_new_literal (WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_FAILED,
                                        _("The content differs from what the approver approved. Send it back to verification."));
      fail_run (run, void_error);
      return;
    }

  if (!g_hash_table_contains (self->factories, warta_account_get_platform (run->account)))
    {
      g_autoptr(GError) unsupported = NULL;

      unsupported = g_error_new (WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_NOT_CONFIGURED,
                                 _("Warta cannot publish to %s by itself yet. Publish it by hand and record the proof."),
                                 warta_platform_get_display_name (warta_account_get_platform (run->account)));
      fail_run (run, unsupported);
      return;
    }

  run->pjob = load_publish_job (self, job, run->account, revision, &error);
  if (run->pjob == NULL)
    {
      fail_run (run, error);
      return;
    }

  credentials_get (self, run->account, run->job_id, run->cancellable, run_credentials_cb, run);
}

/* scheduling -------------------------------------------------------------------- */

/* "host/pid/token" of a process on this host that no longer exists. */
static gboolean
owner_is_dead (const char *owner)
{
  g_auto(GStrv) parts = NULL;
  gint64 pid;

  if (owner == NULL)
    return FALSE;
  parts = g_strsplit (owner, "/", 3);
  if (g_strv_length (parts) != 3 || g_strcmp0 (parts[0], g_get_host_name ()) != 0)
    return FALSE;
  pid = g_ascii_strtoll (parts[1], NULL, 10);
  if (pid <= 0 || pid == getpid ())
    return pid == getpid ();
  return kill ((pid_t) pid, 0) != 0 && errno == ESRCH;
}

static gboolean
account_busy (WartaOutbox *self,
              gint64       account_id)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->runs);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (((Run *) value)->account_id == account_id)
      return TRUE;
  return FALSE;
}

static void
renew_leases (WartaOutbox *self,
              gint64       now)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->runs);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Run *run = value;
      gboolean claimed = FALSE;

      if (now - run->renewed_at < RENEW_EVERY_US)
        continue;
      if (warta_outbox_repository_claim (self->repository, run->job_id, self->owner, NULL,
                                         now + LEASE_US, &claimed, NULL) && claimed)
        run->renewed_at = now;
    }
}

/* How late a scheduled post may still go out by itself: the publishing
 * step's time limit, after which the office counts it late (30 min when
 * the office has none). */
static gint64
missed_grace_us (WartaOutbox *self)
{
  WartaPublicationRepository *publications = warta_outbox_repository_get_publications (self->repository);
  WartaDeadlines deadlines;
  guint minutes;

  warta_publication_repository_get_deadlines (publications, &deadlines);
  minutes = deadlines.minutes[WARTA_STEP_PUBLISHING];
  return (gint64) (minutes > 0 ? minutes : 30) * G_TIME_SPAN_MINUTE;
}

/* A scheduled @job whose time passed, beyond the grace, while no Warta
 * ran (or the computer slept) is not sent hours late without a word: it
 * is held, with the reason, until someone publishes it now, gives it
 * another time or cancels it.
 * @previous_tick is this outbox's last look before @now (0: none since it
 * started): a job whose time came while it was looking is late only
 * because its account was busy with another upload, and goes out.
 * Returns whether it was held (here or by another Warta). */
static gboolean
hold_if_missed (WartaOutbox    *self,
                WartaOutboxJob *job,
                gint64          now,
                gint64          previous_tick,
                GError        **error)
{
  gint64 scheduled_at = warta_outbox_job_get_scheduled_at (job);
  gint64 due_before = now - missed_grace_us (self);
  g_autofree char *when = NULL;
  g_autofree char *message = NULL;
  gboolean held = FALSE;

  if (warta_outbox_job_get_state (job) != WARTA_OUTBOX_STATE_PENDING ||
      warta_outbox_job_get_attempts (job) != 0 || scheduled_at <= 0 ||
      scheduled_at >= due_before || previous_tick >= scheduled_at)
    return FALSE;

  when = warta_format_time (warta_clock_get_time_zone (self->clock), scheduled_at, FALSE);
  /* Translators: %s is a date and time, "27 Nov 2026, 09:00" */
  message = g_strdup_printf (_("Its scheduled time, %s, passed while Warta was closed. Publish it now, choose another time, or cancel it."),
                             when);
  if (!warta_outbox_repository_hold_missed (self->repository, warta_outbox_job_get_id (job),
                                            due_before, message, &held, error))
    return TRUE;   /* not sent while the database cannot say */
  if (held)
    {
      g_info ("Job %" G_GINT64_FORMAT " missed its time and is held", warta_outbox_job_get_id (job));
      refresh_one (self, warta_outbox_job_get_id (job));
    }
  return held;
}

static void
tick (WartaOutbox *self)
{
  g_autoptr(GListModel) unfinished = NULL;
  g_autoptr(GError) error = NULL;
  gint64 now = warta_clock_now (self->clock);
  gint64 previous_tick = self->last_tick_at;

  unfinished = refresh_unfinished (self, &error);
  if (unfinished == NULL)
    {
      g_warning ("The outbox cannot be read: %s", error->message);
      return;
    }
  self->last_tick_at = now;
  renew_leases (self, now);

  for (guint i = 0; i < g_list_model_get_n_items (unfinished); i++)
    {
      g_autoptr(WartaOutboxJob) job = g_list_model_get_item (unfinished, i);
      gint64 id = warta_outbox_job_get_id (job);
      WartaOutboxState state = warta_outbox_job_get_state (job);
      g_autofree char *holder = NULL;
      const char *stale = NULL;
      gboolean claimed = FALSE;

      if (g_hash_table_size (self->runs) >= self->max_running)
        break;
      /* Being uploaded by hand: the claim refuses it too. */
      if (state == WARTA_OUTBOX_STATE_PAUSED || warta_outbox_job_is_by_hand (job) ||
          g_hash_table_contains (self->runs, &id) ||
          account_busy (self, warta_outbox_job_get_account_id (job)) ||
          warta_outbox_job_get_next_attempt_at (job) > now ||
          warta_outbox_job_get_scheduled_at (job) > now)
        continue;

      if (hold_if_missed (self, job, now, previous_tick, &error))
        {
          if (error != NULL)
            g_warning ("Job %" G_GINT64_FORMAT " cannot be held: %s", id, error->message);
          g_clear_error (&error);
          continue;
        }

      if (state == WARTA_OUTBOX_STATE_RUNNING)
        {
          holder = warta_outbox_repository_dup_lease_owner (self->repository, id);
          if (owner_is_dead (holder))
            stale = holder;
        }
      if (!warta_outbox_repository_claim (self->repository, id, self->owner, stale,
                                          now + LEASE_US, &claimed, &error))
        {
          g_warning ("Job %" G_GINT64_FORMAT " cannot be claimed: %s", id, error->message);
          g_clear_error (&error);
          continue;
        }
      if (claimed)
        start_run (self, job);
    }
}

static gboolean
tick_cb (gpointer user_data)
{
  tick (user_data);
  return G_SOURCE_CONTINUE;
}

static gboolean
kick_cb (gpointer user_data)
{
  WartaOutbox *self = user_data;

  self->kick_id = 0;
  tick (self);
  return G_SOURCE_REMOVE;
}

/* Looks for work soon, rather than at the next tick. */
static void
schedule (WartaOutbox *self)
{
  if (self->started && self->kick_id == 0)
    self->kick_id = g_idle_add (kick_cb, self);
}

void
warta_outbox_start (WartaOutbox *self)
{
  g_return_if_fail (WARTA_IS_OUTBOX (self));

  if (self->started)
    return;
  self->started = TRUE;
  self->tick_id = g_timeout_add (self->tick_ms, tick_cb, self);
  schedule (self);
}

void
warta_outbox_stop (WartaOutbox *self)
{
  GHashTableIter iter;
  gpointer value;

  g_return_if_fail (WARTA_IS_OUTBOX (self));

  self->started = FALSE;
  self->last_tick_at = 0;
  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_clear_handle_id (&self->kick_id, g_source_remove);
  g_hash_table_iter_init (&iter, self->runs);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Run *run = value;

      if (run->stop == STOP_NONE)
        run->stop = STOP_SHUTDOWN;
      g_cancellable_cancel (run->cancellable);
    }
}

/* the user's actions ---------------------------------------------------------- */

static void
interrupt (WartaOutbox *self,
           gint64       job_id,
           StopReason   reason)
{
  Run *run = g_hash_table_lookup (self->runs, &job_id);

  if (run != NULL)
    {
      run->stop = reason;
      g_cancellable_cancel (run->cancellable);
    }
}

/**
 * warta_outbox_publish:
 *
 * Returns: (transfer full): the publication's live jobs
 */
GListModel *
warta_outbox_publish (WartaOutbox   *self,
                      WartaUser     *actor,
                      gint64         publication_id,
                      gint64         expected_version,
                      const gint64  *account_ids,
                      guint          n_accounts,
                      GError       **error)
{
  return warta_outbox_publish_at (self, actor, publication_id, expected_version, account_ids,
                                  n_accounts, -1, error);
}

static GArray *refused_targets (WartaOutbox   *self,
                                gint64         revision_id,
                                const gint64  *account_ids,
                                guint          n_accounts,
                                GError       **first_refusal,
                                GError       **error);

/* The accounts that cannot take the approved content
 * (warta_publish_check_target(), as the publish view asks it), chosen or
 * not: the jobs of those chosen are written already being uploaded by
 * hand, so Warta never sends them, and they must be the ones the admin
 * ticked to upload by hand.
 * A missing website is no refusal here: the job stops saying so, and the
 * admin can upload it by hand from its row, or add the website and try
 * again. A publication not approved, or an account not found, is the
 * repository's to refuse. */
static GArray *
check_targets (WartaOutbox   *self,
               gint64         publication_id,
               GError       **error)
{
  WartaPublicationRepository *publications = warta_outbox_repository_get_publications (self->repository);
  g_autoptr(WartaPublication) publication = NULL;

  publication = warta_publication_repository_get (publications, publication_id, NULL);
  if (publication == NULL || warta_publication_get_approved_revision_id (publication) <= 0)
    return g_array_new (FALSE, FALSE, sizeof (gint64));
  return refused_targets (self, warta_publication_get_approved_revision_id (publication),
                          NULL, 0, NULL, error);
}

/* The accounts among @account_ids (NULL: all) that cannot take revision
 * @revision_id's content (none when it is not found), the first one's
 * reason in @first_refusal; NULL with @error when the accounts cannot be
 * read. */
static GArray *
refused_targets (WartaOutbox   *self,
                 gint64         revision_id,
                 const gint64  *account_ids,
                 guint          n_accounts,
                 GError       **first_refusal,
                 GError       **error)
{
  WartaPublicationRepository *publications = warta_outbox_repository_get_publications (self->repository);
  g_autoptr(GArray) refused = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(WartaRevision) revision = NULL;
  g_autoptr(GListModel) accounts = NULL;

  revision = warta_publication_repository_get_revision (publications, revision_id, NULL);
  if (revision == NULL)
    return g_steal_pointer (&refused);
  accounts = warta_account_repository_list (warta_account_store_get_repository (self->accounts), error);
  if (accounts == NULL)
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (accounts); i++)
    {
      g_autoptr(WartaAccount) account = g_list_model_get_item (accounts, i);

      gint64 id = warta_account_get_id (account);

      for (guint j = 0; j < (account_ids ? n_accounts : 1); j++)
        {
          g_autoptr(GError) refusal = NULL;

          if ((account_ids && account_ids[j] != id) ||
              warta_publish_check_target (revision, account, accounts, &refusal) ||
              g_error_matches (refusal, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_NOT_CONFIGURED))
            continue;
          g_array_append_val (refused, id);
          if (first_refusal != NULL && *first_refusal == NULL)
            g_propagate_error (first_refusal, g_steal_pointer (&refusal));
        }
    }
  return g_steal_pointer (&refused);
}

/**
 * warta_outbox_publish_at:
 * @scheduled_at: µs since the epoch; 0: now; -1: the approved revision's time
 *
 * Returns: (transfer full): the publication's live jobs
 */
GListModel *
warta_outbox_publish_at (WartaOutbox   *self,
                         WartaUser     *actor,
                         gint64         publication_id,
                         gint64         expected_version,
                         const gint64  *account_ids,
                         guint          n_accounts,
                         gint64         scheduled_at,
                         GError       **error)
{
  g_autoptr(GListModel) rows = NULL;
  g_autoptr(GArray) refused = NULL;

  g_return_val_if_fail (WARTA_IS_OUTBOX (self), NULL);

  refused = check_targets (self, publication_id, error);
  if (refused == NULL)
    return NULL;
  rows = warta_outbox_repository_enqueue_by_hand_at (self->repository, actor, publication_id,
                                                     expected_version, account_ids, n_accounts,
                                                     (const gint64 *) refused->data, refused->len,
                                                     scheduled_at, error);
  if (rows == NULL)
    return NULL;
  schedule (self);
  return warta_outbox_list_publication_jobs (self, publication_id, error);
}

gboolean
warta_outbox_pause_job (WartaOutbox  *self,
                        WartaUser    *actor,
                        gint64        job_id,
                        GError      **error)
{
  g_return_val_if_fail (WARTA_IS_OUTBOX (self), FALSE);

  if (!warta_outbox_repository_pause (self->repository, actor, job_id, error))
    return FALSE;
  interrupt (self, job_id, STOP_PAUSE);
  refresh_one (self, job_id);
  return TRUE;
}

gboolean
warta_outbox_resume_job (WartaOutbox  *self,
                         WartaUser    *actor,
                         gint64        job_id,
                         GError      **error)
{
  g_return_val_if_fail (WARTA_IS_OUTBOX (self), FALSE);

  if (!warta_outbox_repository_resume (self->repository, actor, job_id, error))
    return FALSE;
  refresh_one (self, job_id);
  schedule (self);
  return TRUE;
}

/* The job waits for @scheduled_at; the outbox looks again at once, so a
 * job held as missed shows its new time. */
gboolean
warta_outbox_reschedule_job (WartaOutbox  *self,
                             WartaUser    *actor,
                             gint64        job_id,
                             gint64        scheduled_at,
                             GError      **error)
{
  g_return_val_if_fail (WARTA_IS_OUTBOX (self), FALSE);

  if (!warta_outbox_repository_reschedule (self->repository, actor, job_id, scheduled_at, error))
    return FALSE;
  refresh_one (self, job_id);
  schedule (self);
  return TRUE;
}

gboolean
warta_outbox_send_now_job (WartaOutbox  *self,
                           WartaUser    *actor,
                           gint64        job_id,
                           GError      **error)
{
  g_return_val_if_fail (WARTA_IS_OUTBOX (self), FALSE);

  if (!warta_outbox_repository_send_now (self->repository, actor, job_id, error))
    return FALSE;
  refresh_one (self, job_id);
  schedule (self);
  return TRUE;
}

gboolean
warta_outbox_cancel_job (WartaOutbox  *self,
                         WartaUser    *actor,
                         gint64        job_id,
                         GError      **error)
{
  g_return_val_if_fail (WARTA_IS_OUTBOX (self), FALSE);

  if (!warta_outbox_repository_cancel (self->repository, actor, job_id, error))
    return FALSE;
  interrupt (self, job_id, STOP_CANCEL);
  refresh_one (self, job_id);
  return TRUE;
}

/* A target on its way stops at its next commit, as after Pause. */
gboolean
warta_outbox_start_by_hand (WartaOutbox  *self,
                            WartaUser    *actor,
                            gint64        job_id,
                            GError      **error)
{
  g_return_val_if_fail (WARTA_IS_OUTBOX (self), FALSE);

  if (!warta_outbox_repository_start_by_hand (self->repository, actor, job_id, error))
    return FALSE;
  interrupt (self, job_id, STOP_PAUSE);
  refresh_one (self, job_id);
  return TRUE;
}

static gboolean check_job_target (WartaOutbox  *self,
                                  gint64        job_id,
                                  GError      **error);

/* A target that cannot take its content stays uploaded by hand: refused
 * with the check's reason. */
gboolean
warta_outbox_send_instead (WartaOutbox  *self,
                           WartaUser    *actor,
                           gint64        job_id,
                           GError      **error)
{
  g_return_val_if_fail (WARTA_IS_OUTBOX (self), FALSE);

  if (!check_job_target (self, job_id, error))
    return FALSE;
  if (!warta_outbox_repository_send_instead (self->repository, actor, job_id, error))
    return FALSE;
  refresh_one (self, job_id);
  schedule (self);
  return TRUE;
}

/* A job written before the check, or before its numbers changed, whose
 * target cannot take its content would only stop again: refused with the
 * check's reason, the job left as it is. A missing job is the
 * repository's to refuse. */
static gboolean
check_job_target (WartaOutbox  *self,
                  gint64        job_id,
                  GError      **error)
{
  g_autoptr(WartaOutboxJob) job = warta_outbox_repository_get_job (self->repository, job_id, NULL);
  g_autoptr(GArray) refused = NULL;
  g_autoptr(GError) refusal = NULL;
  gint64 account_id;

  if (job == NULL)
    return TRUE;
  account_id = warta_outbox_job_get_account_id (job);
  refused = refused_targets (self, warta_outbox_job_get_revision_id (job), &account_id, 1,
                             &refusal, error);
  if (refused == NULL)
    return FALSE;
  if (refusal != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&refusal));
      return FALSE;
    }
  return TRUE;
}

gboolean
warta_outbox_retry_job (WartaOutbox  *self,
                        WartaUser    *actor,
                        gint64        job_id,
                        GError      **error)
{
  g_return_val_if_fail (WARTA_IS_OUTBOX (self), FALSE);

  if (!check_job_target (self, job_id, error))
    return FALSE;
  if (!warta_outbox_repository_retry (self->repository, actor, job_id, error))
    return FALSE;
  refresh_one (self, job_id);
  schedule (self);
  return TRUE;
}

/**
 * warta_outbox_record_takedown:
 * @self: a #WartaOutbox
 * @actor: the social media admin
 * @job_id: a published target
 * @reason: why the post was taken down
 * @error: where to put an error
 *
 * Records that a published post was taken down from its platform (see
 * warta_outbox_repository_record_takedown()). The job shows it at once;
 * when another user took it down first, it shows theirs.
 *
 * Returns: whether it was recorded
 */
gboolean
warta_outbox_record_takedown (WartaOutbox  *self,
                              WartaUser    *actor,
                              gint64        job_id,
                              const char   *reason,
                              GError      **error)
{
  gboolean ok;

  g_return_val_if_fail (WARTA_IS_OUTBOX (self), FALSE);

  ok = warta_outbox_repository_record_takedown (self->repository, actor, job_id, reason, error);
  refresh_one (self, job_id);
  return ok;
}

/* Taking a post down through the platform --------------------------------------- */

/**
 * warta_outbox_can_take_down:
 * @self: a #WartaOutbox
 * @job: a published job
 *
 * Returns: whether Warta can delete the job's post on its platform itself
 *   (warta_outbox_take_down_async()); otherwise the admin removes it there
 *   and records it with warta_outbox_record_takedown()
 */
/* The publisher of @job's account, only to ask what it can do; NULL for
 * a job without a remote id or a platform Warta cannot reach. */
static WartaPublisher *
probe_publisher (WartaOutbox    *self,
                 WartaOutboxJob *job)
{
  WartaAccountRepository *accounts = warta_account_store_get_repository (self->accounts);
  g_autoptr(WartaAccount) account = NULL;

  if (warta_outbox_job_get_remote_id (job) == NULL)
    return NULL;
  account = warta_account_repository_get (accounts, warta_outbox_job_get_account_id (job), NULL);
  return account != NULL ? publisher_for_account (self, account, NULL, NULL) : NULL;
}

gboolean
warta_outbox_can_take_down (WartaOutbox    *self,
                            WartaOutboxJob *job)
{
  g_autoptr(WartaPublisher) publisher = NULL;

  g_return_val_if_fail (WARTA_IS_OUTBOX (self), FALSE);
  g_return_val_if_fail (WARTA_IS_OUTBOX_JOB (job), FALSE);

  publisher = probe_publisher (self, job);
  return publisher != NULL && warta_publisher_can_take_down (publisher);
}

typedef struct
{
  WartaUser       *actor;
  gint64           job_id;
  char            *reason;
  WartaOutboxJob  *job;
  WartaAccount    *account;
  WartaPublishJob *pjob;
  WartaPublisher  *publisher;
} TakeDown;

static void
take_down_free (gpointer data)
{
  TakeDown *t = data;

  g_clear_object (&t->actor);
  g_free (t->reason);
  g_clear_object (&t->job);
  g_clear_object (&t->account);
  g_clear_object (&t->pjob);
  g_clear_object (&t->publisher);
  g_free (t);
}

static void
taken_down_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  WartaOutbox *self = g_task_get_source_object (task);
  TakeDown *t = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!warta_publisher_take_down_finish (WARTA_PUBLISHER (object), result, &error))
    {
      char *message = dup_message_in_zone (self, error);

      /* The rest of the error (its retry time, the platform's words) stays. */
      g_free (error->message);
      error->message = message;
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (!warta_outbox_record_takedown (self, t->actor, t->job_id, t->reason, &error))
    {
      /* Deleted, not recorded (the database busy, another user's record
       * in between): a second try finds the post gone and records it. */
      g_task_return_new_error (task, error->domain, error->code,
                               _("Warta deleted the post on “%s”, but the take-down was not recorded: %s Press Take Down… again to record it."),
                               warta_account_get_display_name (t->account), error->message);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
take_down_credentials_cb (gpointer      data,
                          const char   *secret,
                          const GError *error)
{
  g_autoptr(GTask) task = data;
  WartaOutbox *self = g_task_get_source_object (task);
  TakeDown *t = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  GError *local_error = NULL;

  if (error != NULL)
    {
      g_task_return_error (task, g_error_copy (error));
      return;
    }
  t->publisher = publisher_for_account (self, t->account, secret, &local_error);
  if (t->publisher == NULL)
    {
      g_task_return_error (task, local_error);
      return;
    }
  warta_publisher_take_down_async (t->publisher, t->pjob, cancellable, taken_down_cb,
                                   g_steal_pointer (&task));
}

/**
 * warta_outbox_take_down_async:
 * @self: a #WartaOutbox
 * @actor: the social media admin
 * @job_id: a published job whose platform can take posts down
 *   (warta_outbox_can_take_down())
 * @reason: why
 *
 * Deletes the job's post on its platform with the account's saved
 * sign-in, then records the take-down as warta_outbox_record_takedown()
 * does. Everything that would refuse the record is checked first, so a
 * post is never deleted without its record; a post already deleted on the
 * platform by hand counts as deleted.
 */
void
warta_outbox_take_down_async (WartaOutbox         *self,
                              WartaUser           *actor,
                              gint64               job_id,
                              const char          *reason,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  WartaPublicationRepository *publications = warta_outbox_repository_get_publications (self->repository);
  WartaAccountRepository *accounts = warta_account_store_get_repository (self->accounts);
  g_autoptr(GTask) task = NULL;
  g_autoptr(WartaRevision) revision = NULL;
  g_autoptr(WartaPublisher) probe = NULL;
  GError *error = NULL;
  TakeDown *t;

  g_return_if_fail (WARTA_IS_OUTBOX (self));
  g_return_if_fail (WARTA_IS_USER (actor));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, warta_outbox_take_down_async);
  t = g_new0 (TakeDown, 1);
  t->actor = g_object_ref (actor);
  t->job_id = job_id;
  t->reason = g_strdup (reason);
  g_task_set_task_data (task, t, take_down_free);

  if (!warta_outbox_repository_check_takedown (self->repository, actor, job_id, reason, &error) ||
      (t->job = warta_outbox_repository_get_job (self->repository, job_id, &error)) == NULL ||
      (t->account = warta_account_repository_get (accounts, warta_outbox_job_get_account_id (t->job),
                                                  &error)) == NULL ||
      (probe = publisher_for_account (self, t->account, NULL, &error)) == NULL ||
      (revision = warta_publication_repository_get_revision (publications,
                                                             warta_outbox_job_get_revision_id (t->job),
                                                             &error)) == NULL ||
      (t->pjob = load_publish_job (self, t->job, t->account, revision, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (!warta_publisher_can_take_down (probe))
    {
      g_task_return_new_error (task, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_NOT_CONFIGURED,
                               _("Warta cannot delete posts on %s. Remove it there yourself, then record the take-down."),
                               warta_platform_get_display_name (warta_account_get_platform (t->account)));
      return;
    }
  credentials_get (self, t->account, job_id, cancellable, take_down_credentials_cb,
                   g_steal_pointer (&task));
}

gboolean
warta_outbox_take_down_finish (WartaOutbox   *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  TakeDown *t;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  /* Whatever happened, the job shows what the database has now: another
   * user's take-down that refused this one, for instance. */
  t = g_task_get_task_data (G_TASK (result));
  refresh_one (self, t->job_id);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Correcting a published post ----------------------------------------------------- */

/* The caption targets whose text went out on @platform: the title (NULL
 * where the post has none) and the text. */
static void
platform_text_targets (const char  *platform,
                       const char **out_title,
                       const char **out_text)
{
  static const struct { const char *platform; const char *title; const char *text; } map[] = {
    { "facebook", NULL, "facebook" }, { "instagram", NULL, "instagram" }, { "x", NULL, "x" },
    { "youtube", "youtube-title", "youtube-description" }, { "tiktok", NULL, "tiktok-video" },
    { "mastodon", NULL, "mastodon" }, { "wordpress", "website-title", "website-body" },
  };

  *out_title = NULL;
  *out_text = platform;
  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    if (g_strcmp0 (map[i].platform, platform) == 0)
      {
        *out_title = map[i].title;
        *out_text = map[i].text;
      }
}

typedef struct
{
  WartaUser       *actor;
  gint64           job_id;
  char            *reason;
  char            *old_title;
  char            *old_text;
  char            *new_title;
  char            *new_text;
  WartaOutboxJob  *job;
  WartaAccount    *account;
  WartaPublishJob *pjob;
  WartaPublisher  *publisher;
} Correction;

static void
correction_free (gpointer data)
{
  Correction *c = data;

  g_clear_object (&c->actor);
  g_free (c->reason);
  g_free (c->old_title);
  g_free (c->old_text);
  g_free (c->new_title);
  g_free (c->new_text);
  g_clear_object (&c->job);
  g_clear_object (&c->account);
  g_clear_object (&c->pjob);
  g_clear_object (&c->publisher);
  g_free (c);
}

/* The job, its account, its publisher's view and the text its post has
 * now (the latest correction's, or what was approved). */
static gboolean
load_correction (WartaOutbox  *self,
                 Correction   *c,
                 GError      **error)
{
  WartaPublicationRepository *publications = warta_outbox_repository_get_publications (self->repository);
  WartaAccountRepository *accounts = warta_account_store_get_repository (self->accounts);
  g_autoptr(WartaRevision) revision = NULL;
  const char *title_target;
  const char *text_target;
  int corrected;

  if ((c->job = warta_outbox_repository_get_job (self->repository, c->job_id, error)) == NULL ||
      (c->account = warta_account_repository_get (accounts, warta_outbox_job_get_account_id (c->job),
                                                  error)) == NULL ||
      (revision = warta_publication_repository_get_revision (publications,
                                                             warta_outbox_job_get_revision_id (c->job),
                                                             error)) == NULL ||
      (c->pjob = load_publish_job (self, c->job, c->account, revision, error)) == NULL)
    return FALSE;

  platform_text_targets (warta_outbox_job_get_platform (c->job), &title_target, &text_target);
  corrected = warta_outbox_repository_get_corrected_text (self->repository, c->job_id,
                                                          &c->old_title, &c->old_text, error);
  if (corrected < 0)
    return FALSE;
  if (corrected == 0)
    {
      c->old_title = title_target != NULL ? warta_publish_job_dup_text (c->pjob, title_target) : NULL;
      c->old_text = warta_publish_job_dup_text (c->pjob, text_target);
    }
  if (title_target == NULL)
    g_clear_pointer (&c->new_title, g_free);
  else if (c->new_title == NULL)
    c->new_title = g_strdup (c->old_title);
  if (g_strcmp0 (c->old_title, c->new_title) == 0 && g_strcmp0 (c->old_text, c->new_text) == 0)
    {
      g_set_error_literal (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_NOTE_REQUIRED,
                           _("The text is the same as the post’s. Change what is wrong, or cancel."));
      return FALSE;
    }
  return TRUE;
}

static Correction *
correction_new (WartaUser  *actor,
                gint64      job_id,
                const char *reason,
                const char *new_title,
                const char *new_text)
{
  Correction *c = g_new0 (Correction, 1);

  c->actor = g_object_ref (actor);
  c->job_id = job_id;
  c->reason = g_strdup (reason);
  c->new_title = g_strdup (new_title);
  c->new_text = g_strdup (new_text);
  return c;
}

static gboolean
record_correction (WartaOutbox  *self,
                   Correction   *c,
                   gboolean      by_warta,
                   GError      **error)
{
  gboolean ok;

  ok = warta_outbox_repository_record_correction (self->repository, c->actor, c->job_id, by_warta,
                                                  c->reason, c->old_title, c->old_text,
                                                  c->new_title, c->new_text, error);
  refresh_one (self, c->job_id);
  return ok;
}

/**
 * warta_outbox_dup_post_text:
 * @self: a #WartaOutbox
 * @job: a published job
 * @out_title: (out) (optional): the post's title, NULL where it has none
 *   (the website's article, YouTube)
 * @out_text: (out): the post's text
 * @error: where to put an error
 *
 * The text the job's post has now on its platform: the latest
 * correction's, or what was approved for it.
 *
 * Returns: whether it was read
 */
gboolean
warta_outbox_dup_post_text (WartaOutbox     *self,
                            WartaOutboxJob  *job,
                            char           **out_title,
                            char           **out_text,
                            GError         **error)
{
  Correction *c;
  gboolean ok;

  g_return_val_if_fail (WARTA_IS_OUTBOX (self), FALSE);
  g_return_val_if_fail (WARTA_IS_OUTBOX_JOB (job), FALSE);

  c = g_new0 (Correction, 1);
  c->job_id = warta_outbox_job_get_id (job);
  ok = load_correction (self, c, NULL) || c->old_text != NULL;
  if (!ok)
    g_set_error_literal (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_NOT_FOUND,
                         _("The post’s text cannot be read. Reload the publication."));
  if (out_title != NULL)
    *out_title = g_steal_pointer (&c->old_title);
  *out_text = g_steal_pointer (&c->old_text);
  correction_free (c);
  return ok;
}

/**
 * warta_outbox_record_correction:
 * @self: a #WartaOutbox
 * @actor: the social media admin
 * @job_id: a published target, not taken down
 * @reason: why the post was corrected
 * @new_title: (nullable): the post's title now, where it has one
 * @new_text: the post's text now
 * @error: where to put an error
 *
 * Records that the admin corrected a published post on its platform by
 * hand, with the text before (as warta_outbox_dup_post_text() gives it)
 * and after. The job shows it at once.
 *
 * Returns: whether it was recorded
 */
gboolean
warta_outbox_record_correction (WartaOutbox  *self,
                                WartaUser    *actor,
                                gint64        job_id,
                                const char   *reason,
                                const char   *new_title,
                                const char   *new_text,
                                GError      **error)
{
  Correction *c;
  gboolean ok;

  g_return_val_if_fail (WARTA_IS_OUTBOX (self), FALSE);
  g_return_val_if_fail (WARTA_IS_USER (actor), FALSE);

  if (!warta_outbox_repository_check_correction (self->repository, actor, job_id, reason, new_text,
                                                 error))
    return FALSE;
  c = correction_new (actor, job_id, reason, new_title, new_text);
  ok = load_correction (self, c, error) && record_correction (self, c, FALSE, error);
  correction_free (c);
  return ok;
}

/**
 * warta_outbox_can_correct:
 * @self: a #WartaOutbox
 * @job: a published job
 *
 * Returns: whether Warta can change the job's post on its platform itself
 *   (warta_outbox_correct_async()); otherwise the admin changes it there
 *   and records it with warta_outbox_record_correction()
 */
gboolean
warta_outbox_can_correct (WartaOutbox    *self,
                          WartaOutboxJob *job)
{
  g_autoptr(WartaPublisher) publisher = NULL;

  g_return_val_if_fail (WARTA_IS_OUTBOX (self), FALSE);
  g_return_val_if_fail (WARTA_IS_OUTBOX_JOB (job), FALSE);

  publisher = probe_publisher (self, job);
  return publisher != NULL && warta_publisher_can_correct (publisher);
}

static void
corrected_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  WartaOutbox *self = g_task_get_source_object (task);
  Correction *c = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!warta_publisher_correct_finish (WARTA_PUBLISHER (object), result, &error))
    {
      const char *service = warta_platform_get_display_name (warta_account_get_platform (c->account));
      const char *said = warta_publish_error_get_platform_message (error);
      char *message;

      /* The platform's refusal is about the new text, not a post to
       * publish again. */
      if (g_error_matches (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_REJECTED) && said != NULL)
        message = g_strdup_printf (_("%s refused the correction: “%s”. Change the text and try again."),
                                   service, said);
      else if (g_error_matches (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_REJECTED))
        message = g_strdup_printf (_("%s refused the correction. Change the text and try again."),
                                   service);
      else
        message = dup_message_in_zone (self, error);
      g_free (error->message);
      error->message = message;
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (!record_correction (self, c, TRUE, &error))
    {
      g_task_return_new_error (task, error->domain, error->code,
                               _("Warta changed the post on “%s”, but the correction was not recorded: %s Choose Correct… again: Warta sends the same text and records it."),
                               warta_account_get_display_name (c->account), error->message);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
correct_credentials_cb (gpointer      data,
                        const char   *secret,
                        const GError *error)
{
  g_autoptr(GTask) task = data;
  WartaOutbox *self = g_task_get_source_object (task);
  Correction *c = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  GError *local_error = NULL;

  if (error != NULL)
    {
      g_task_return_error (task, g_error_copy (error));
      return;
    }
  c->publisher = publisher_for_account (self, c->account, secret, &local_error);
  if (c->publisher == NULL)
    {
      g_task_return_error (task, local_error);
      return;
    }
  warta_publisher_correct_async (c->publisher, c->pjob, c->new_title, c->new_text, cancellable,
                                 corrected_cb, g_steal_pointer (&task));
}

/**
 * warta_outbox_correct_async:
 * @self: a #WartaOutbox
 * @actor: the social media admin
 * @job_id: a published job whose platform can change posts
 *   (warta_outbox_can_correct())
 * @reason: why
 * @new_title: (nullable): the post's new title, where it has one
 * @new_text: the post's new text
 *
 * Changes the job's post on its platform with the account's saved
 * sign-in, then records the correction as warta_outbox_record_correction()
 * does. Everything that would refuse the record is checked first.
 */
void
warta_outbox_correct_async (WartaOutbox         *self,
                            WartaUser           *actor,
                            gint64               job_id,
                            const char          *reason,
                            const char          *new_title,
                            const char          *new_text,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(WartaPublisher) probe = NULL;
  GError *error = NULL;
  Correction *c;

  g_return_if_fail (WARTA_IS_OUTBOX (self));
  g_return_if_fail (WARTA_IS_USER (actor));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, warta_outbox_correct_async);
  c = correction_new (actor, job_id, reason, new_title, new_text);
  g_task_set_task_data (task, c, correction_free);

  if (!warta_outbox_repository_check_correction (self->repository, actor, job_id, reason, new_text,
                                                 &error) ||
      !load_correction (self, c, &error) ||
      (probe = publisher_for_account (self, c->account, NULL, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (!warta_publisher_can_correct (probe))
    {
      g_task_return_new_error (task, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_NOT_CONFIGURED,
                               _("Warta cannot change posts on %s. Correct it there yourself, then record the correction."),
                               warta_platform_get_display_name (warta_account_get_platform (c->account)));
      return;
    }
  credentials_get (self, c->account, job_id, cancellable, correct_credentials_cb,
                   g_steal_pointer (&task));
}

gboolean
warta_outbox_correct_finish (WartaOutbox   *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  Correction *c;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  c = g_task_get_task_data (G_TASK (result));
  refresh_one (self, c->job_id);
  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
warta_outbox_post_again (WartaOutbox  *self,
                         WartaUser    *actor,
                         gint64        job_id,
                         GError      **error)
{
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonNode) empty = json_node_init_object (json_node_alloc (), object);

  g_return_val_if_fail (WARTA_IS_OUTBOX (self), FALSE);

  return check_job_target (self, job_id, error) &&
         warta_outbox_set_job_step (self, actor, job_id, WARTA_OUTBOX_STEP_SENDING, empty, error) &&
         warta_outbox_retry_job (self, actor, job_id, error);
}

gboolean
warta_outbox_set_job_step (WartaOutbox  *self,
                           WartaUser    *actor,
                           gint64        job_id,
                           const char   *step,
                           JsonNode     *value,
                           GError      **error)
{
  g_autofree char *json = NULL;

  g_return_val_if_fail (WARTA_IS_OUTBOX (self), FALSE);
  g_return_val_if_fail (step != NULL && value != NULL, FALSE);

  json = json_to_string (value, FALSE);
  if (!warta_outbox_repository_set_step (self->repository, actor, job_id, step, json, error))
    return FALSE;
  refresh_one (self, job_id);
  return TRUE;
}

/* manual proof -------------------------------------------------------------- */

typedef struct
{
  WartaUser *actor;
  gint64     job_id;
  char      *url;
  gint64     published_at;
  GFile     *screenshot;
  char      *proofs_dir;
  char      *relative_path;
  char      *sha256;
} ManualData;

static void
manual_data_free (gpointer data)
{
  ManualData *d = data;

  g_clear_object (&d->actor);
  g_free (d->url);
  g_clear_object (&d->screenshot);
  g_free (d->proofs_dir);
  g_free (d->relative_path);
  g_free (d->sha256);
  g_free (d);
}

/* In a worker thread: the screenshot is streamed into a temporary file in
 * the proofs folder while hashed, then named by its hash. */

static void
copy_proof_thread (GTask        *task,
                   gpointer      source,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  ManualData *d = task_data;
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GFileIOStream) tmp_stream = NULL;
  g_autoptr(GFile) tmp = NULL;
  g_autoptr(GFile) dir = g_file_new_for_path (d->proofs_dir);
  g_autoptr(GFile) dest = NULL;
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = g_file_get_basename (d->screenshot);
  g_autofree char *name = NULL;
  GOutputStream *out;
  const char *dot;
  char ext[8] = "png";
  guchar buffer[64 * 1024];
  gboolean read_any = FALSE;
  gssize n;

  if (g_mkdir_with_parents (d->proofs_dir, 0750) != 0)
    {
      int saved = errno;

      g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (saved),
                               _("The proofs folder “%s” cannot be created: %s. Check that the database’s folder can be written to."),
                               d->proofs_dir, g_strerror (saved));
      return;
    }

  in = g_file_read (d->screenshot, cancellable, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      g_autoptr(GFile) parent = g_file_get_parent (d->screenshot);
      g_autofree char *folder = parent ? g_file_get_parse_name (parent) : g_strdup ("/");
      g_autofree char *shown = g_filename_display_name (basename);

      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                               /* Translators: the first %s is a file name, the second a folder */
                               _("“%s” is no longer in the folder “%s”. Choose the screenshot again "
                                 "from where it is now."),
                               shown, folder);
      return;
    }
  if (in == NULL)
    goto fail;
  {
    g_autofree char *template = g_build_filename (d->proofs_dir, ".proof-XXXXXX", NULL);
    int fd = g_mkstemp (template);

    if (fd < 0)
      {
        int saved = errno;

        g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (saved),
                                 _("The proofs folder “%s” cannot be created: %s. Check that the database’s folder can be written to."),
                                 d->proofs_dir, g_strerror (saved));
        return;
      }
    close (fd);
    tmp = g_file_new_for_path (template);
  }
  tmp_stream = g_file_open_readwrite (tmp, cancellable, &error);
  if (tmp_stream == NULL)
    goto fail;
  out = g_io_stream_get_output_stream (G_IO_STREAM (tmp_stream));
  while ((n = g_input_stream_read (G_INPUT_STREAM (in), buffer, sizeof buffer, cancellable, &error)) > 0)
    {
      /* A picture of the post, not whatever file was chosen. */
      if (!read_any && !warta_media_is_image_data (buffer, n))
        break;
      read_any = TRUE;
      g_checksum_update (sum, buffer, n);
      if (!g_output_stream_write_all (out, buffer, n, NULL, cancellable, &error))
        goto fail;
    }
  if (n < 0 || !g_io_stream_close (G_IO_STREAM (tmp_stream), cancellable, &error))
    goto fail;
  if (!read_any)
    {
      g_autofree char *shown = g_filename_display_name (basename);

      g_file_delete (tmp, NULL, NULL);
      g_task_return_new_error (task, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_FAILED,
                               _("“%s” is not an image. Choose a screenshot of the post, a PNG or "
                                 "JPEG picture."),
                               shown);
      return;
    }

  dot = strrchr (basename, '.');
  if (dot && strlen (dot + 1) > 0 && strlen (dot + 1) < sizeof ext)
    {
      g_autofree char *lower = g_ascii_strdown (dot + 1, -1);

      g_strlcpy (ext, lower, sizeof ext);
    }
  d->sha256 = g_strdup (g_checksum_get_string (sum));
  name = g_strdup_printf ("%s.%s", d->sha256, ext);
  dest = g_file_get_child (dir, name);
  if (!g_file_move (tmp, dest, G_FILE_COPY_OVERWRITE, cancellable, NULL, NULL, &error))
    goto fail;
  d->relative_path = g_build_filename ("warta-files", "proofs", name, NULL);
  g_task_return_boolean (task, TRUE);
  return;

fail:
  if (tmp)
    g_file_delete (tmp, NULL, NULL);
  g_task_return_new_error (task, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_FAILED,
                           _("The screenshot cannot be saved: %s. Choose it again, or save it somewhere else first."),
                           error->message);
}

static void
copy_proof_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  WartaOutbox *self = g_task_get_source_object (task);
  ManualData *d = g_task_get_task_data (task);
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, error);
      return;
    }
  if (!warta_outbox_repository_record_manual (self->repository, d->actor, d->job_id, d->url,
                                              d->published_at, d->relative_path, d->sha256,
                                              &error))
    {
      g_task_return_error (task, error);
      return;
    }
  refresh_one (self, d->job_id);
  g_task_return_boolean (task, TRUE);
}

#define MAX_PUBLIC_URL 2048

static gboolean
check_public_url (const char  *url,
                  GError     **error)
{
  g_autoptr(GUri) uri = url ? g_uri_parse (url, G_URI_FLAGS_NONE, NULL) : NULL;

  /* Longer is no post's address, but a paste of more than it. */
  if (url != NULL && strlen (url) > MAX_PUBLIC_URL)
    {
      g_set_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_FAILED,
                   _("That address is longer than a post’s address can be (over %d characters). "
                     "Copy it again from the browser’s address bar."),
                   MAX_PUBLIC_URL);
      return FALSE;
    }
  for (const char *c = url; c != NULL && *c != '\0'; c++)
    if (g_ascii_isspace (*c) || g_ascii_iscntrl (*c))
      g_clear_pointer (&uri, g_uri_unref);
  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0' ||
      (g_strcmp0 (g_uri_get_scheme (uri), "https") != 0 &&
       g_strcmp0 (g_uri_get_scheme (uri), "http") != 0))
    {
      g_set_error_literal (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_FAILED,
                           _("Enter the post’s public address, starting with https://."));
      return FALSE;
    }
  return TRUE;
}

void
warta_outbox_record_manual_async (WartaOutbox         *self,
                                  WartaUser           *actor,
                                  gint64               job_id,
                                  const char          *url,
                                  gint64               published_at,
                                  GFile               *screenshot,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) copy = NULL;
  GError *error = NULL;
  ManualData *d;

  g_return_if_fail (WARTA_IS_OUTBOX (self));
  g_return_if_fail (WARTA_IS_USER (actor));
  g_return_if_fail (screenshot == NULL || G_IS_FILE (screenshot));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, warta_outbox_record_manual_async);
  if (!check_public_url (url, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  /* A minute's leeway, for a phone's clock a little ahead. */
  if (published_at > warta_clock_now (self->clock) + 60 * G_USEC_PER_SEC)
    {
      g_task_return_new_error (task, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_FAILED,
                               _("That time is later than now. Write when the post went out, as "
                                 "the post shows it."));
      return;
    }
  /* product.md §3: the proof is the address, the time and a screenshot. */
  if (screenshot == NULL)
    {
      g_task_return_new_error (task, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_FAILED,
                               _("Choose a screenshot of the post: with its address, it is the proof that the post went out."));
      return;
    }

  d = g_new0 (ManualData, 1);
  d->actor = g_object_ref (actor);
  d->job_id = job_id;
  d->url = g_strdup (url);
  d->published_at = published_at;
  d->screenshot = screenshot ? g_object_ref (screenshot) : NULL;
  d->proofs_dir = warta_outbox_get_proofs_dir (self);
  g_task_set_task_data (task, d, manual_data_free);

  /* Whatever Warta was sending for this target stops. */
  interrupt (self, job_id, STOP_MANUAL);

  /* No source object: the worker thread may drop its reference to the
   * copy after the answer is back, and must not keep the outbox alive. */
  copy = g_task_new (NULL, cancellable, copy_proof_cb, g_object_ref (task));
  g_task_set_task_data (copy, d, NULL);
  g_task_run_in_thread (copy, copy_proof_thread);
}

gboolean
warta_outbox_record_manual_finish (WartaOutbox   *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
