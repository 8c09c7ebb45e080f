/* warta-task-notifier.c: desktop notifications about the signed-in user's tasks
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Watches "My Tasks" of whoever is signed in: when a publication enters a
 * step that person can act on (here or in another Warta on the same file),
 * and when one of their tasks passes its deadline, it sends a GNotification
 * whose default action, app.open-publication, opens that publication.
 * What the person did themselves is not announced to them, nor is what was
 * already waiting when they signed in. A publication returned to them for
 * correction says so, by whom and with how many corrections to make, so
 * it is not taken for a new one. Publishing that stopped on a
 * target (partially published, failed) is, even when they pressed Publish:
 * the outbox stopped it, maybe hours later, and a stopped post must not go
 * unseen. A publication that leaves step 5 published everywhere is told
 * too: the scheduled post the admin waited for has gone out. A scheduled
 * post the outbox held because its time passed while no Warta ran is told
 * once per target, at sign-in too: it was most likely held as this Warta
 * opened, and it waits for someone to publish it now or cancel it. The
 * "notifications" setting turns the sending off; the tracking goes on, so
 * switching it on again does not announce the past.
 */
#define G_LOG_DOMAIN "warta-task-notifier"

#include "config.h"

#include <glib/gi18n.h>

#include "warta-task-notifier.h"
#include "warta-publication-row.h"

#define TICK_SECONDS 15
#define TASK_LIMIT 2000

typedef struct
{
  guint    state;
  gint64   entered_at;   /* of its step: a return and a resubmission change it */
  gboolean overdue_told;
} Known;

struct _WartaTaskNotifier
{
  GObject       parent_instance;

  GApplication *application;   /* weak */
  WartaContext *context;
  GHashTable   *known;         /* publication id → Known */
  GHashTable   *missed_told;   /* ids of the held jobs told about */
  gint64        user_id;
  guint         tick_source;
};

G_DEFINE_FINAL_TYPE (WartaTaskNotifier, warta_task_notifier, G_TYPE_OBJECT)

enum {
  SENT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* @id: "<kind>-<publication id>", or of one job, "<kind>-<job id>". */
static void
send_with_id (WartaTaskNotifier *self,
              const char        *id,
              WartaPublication  *publication,
              const char        *title,
              const char        *body)
{
  g_autoptr(GNotification) notification = g_notification_new (title);

  if (!g_settings_get_boolean (warta_context_get_settings (self->context), "notifications"))
    return;

  g_notification_set_body (notification, body);
  g_notification_set_default_action_and_target (notification, "app.open-publication", "x",
                                                warta_publication_get_id (publication));
  if (self->application != NULL && g_application_get_is_registered (self->application))
    g_application_send_notification (self->application, id, notification);

  g_signal_emit (self, signals[SENT], 0, id, notification);
}

static void
send (WartaTaskNotifier *self,
      const char        *kind,
      WartaPublication  *publication,
      const char        *title,
      const char        *body)
{
  g_autofree char *id = g_strdup_printf ("%s-%" G_GINT64_FORMAT, kind,
                                         warta_publication_get_id (publication));

  send_with_id (self, id, publication, title, body);
}

static char *
describe (WartaPublication *publication)
{
  const char *title = warta_publication_get_title (publication);

  /* Translators: a publication's title, its SOP step and its state:
   * "Rapat koordinasi — Step 3 · Verifying" */
  return g_strdup_printf (_("%s — Step %u · %s"),
                          title != NULL && title[0] != '\0' ? title : _("Untitled"),
                          warta_publication_get_step (publication),
                          warta_state_get_display_name (warta_publication_get_state (publication)));
}

/* Who returned @publication to the step it waits in, and how many of its
 * correction notes are open; NULL when it was not returned. */
static char *
describe_returned (WartaPublication *publication)
{
  const char *name = warta_publication_get_returned_by_name (publication);
  guint n = warta_publication_get_open_notes (publication);

  if (warta_publication_get_returned_by (publication) == 0)
    return NULL;

  if (name == NULL || name[0] == '\0')
    name = _("someone");
  /* To the verifier, the approver's notes: see warta_publication_row_format_returned(). */
  if (warta_publication_get_state (publication) == WARTA_STATE_VERIFYING)
    return n == 0 ? g_strdup_printf (_("Returned to you by %s"), name)
                  /* Translators: %1$s is a person's name, %2$u how many notes are open */
                  : g_strdup_printf (ngettext ("Returned to you by %1$s with %2$u open note",
                                               "Returned to you by %1$s with %2$u open notes", n),
                                     name, n);
  if (n == 0)
    /* Translators: %s is a person's name */
    return g_strdup_printf (_("Returned to you by %s; all corrections are marked as done"), name);

  /* Translators: %1$s is a person's name, %2$u how many correction notes
   * are open */
  return g_strdup_printf (ngettext ("Returned to you by %1$s with %2$u correction to make",
                                    "Returned to you by %1$s with %2$u corrections to make", n),
                          name, n);
}

/* describe(), below it whether it was returned and with how many
 * corrections, and how long is left for the step or how late it is, as
 * the list's row says it: "what do I have to do, and by when?" answered
 * in the notification itself. */
static char *
describe_with_time_left (WartaTaskNotifier *self,
                         WartaPublication  *publication)
{
  g_autofree char *what = describe (publication);
  g_autofree char *returned = describe_returned (publication);
  g_autofree char *when =
    warta_publication_row_format_deadline (publication, warta_context_get_clock (self->context));
  GString *body = g_string_new (what);

  if (returned != NULL)
    g_string_append_printf (body, "\n%s", returned);
  if (when != NULL)
    g_string_append_printf (body, "\n%s", when);

  return g_string_free (body, FALSE);
}

/* A publication that was in step 5 of the user's tasks and left them
 * published everywhere: what the admin waited for (a scheduled post gone
 * out, a long upload done) is told once. */
static void
announce_published (WartaTaskNotifier *self,
                    GHashTable        *known)
{
  WartaPublicationRepository *publications = warta_context_get_publications (self->context);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->known);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Known *before = value;
      g_autoptr(WartaPublication) p = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *body = NULL;
      const char *title;

      if (g_hash_table_contains (known, key) || warta_state_get_step (before->state) != 5)
        continue;
      p = warta_publication_repository_get (publications, *(gint64 *) key, &error);
      if (p == NULL || warta_publication_get_state (p) != WARTA_STATE_PUBLISHED)
        continue;
      title = warta_publication_get_title (p);
      /* Translators: %s is a publication's title */
      body = g_strdup_printf (_("“%s” is published on every target."),
                              title != NULL && title[0] != '\0' ? title : _("Untitled"));
      send (self, "published", p, _("Published"), body);
    }
}

/* The targets of @tasks' publications that the outbox held because their
 * scheduled time passed while no Warta ran, each told once. */
static void
announce_missed (WartaTaskNotifier *self,
                 GListModel        *tasks)
{
  WartaOutboxRepository *outbox = warta_outbox_get_repository (warta_context_get_outbox (self->context));
  g_autoptr(GHashTable) publishing = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                            g_object_unref);
  g_autoptr(GListModel) jobs = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; tasks != NULL && i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(WartaPublication) p = g_list_model_get_item (tasks, i);
      gint64 id = warta_publication_get_id (p);

      if (warta_publication_get_state (p) == WARTA_STATE_PUBLISHING)
        g_hash_table_insert (publishing, g_memdup2 (&id, sizeof id), g_steal_pointer (&p));
    }
  if (g_hash_table_size (publishing) == 0)
    return;

  jobs = warta_outbox_repository_list_unfinished (outbox, &error);
  if (jobs == NULL)
    {
      g_debug ("Cannot read the outbox: %s", error->message);
      return;
    }
  for (guint i = 0; i < g_list_model_get_n_items (jobs); i++)
    {
      g_autoptr(WartaOutboxJob) job = g_list_model_get_item (jobs, i);
      gint64 publication_id = warta_outbox_job_get_publication_id (job);
      gint64 job_id = warta_outbox_job_get_id (job);
      WartaPublication *p = g_hash_table_lookup (publishing, &publication_id);
      g_autofree char *id = NULL;
      g_autofree char *body = NULL;
      const char *title;

      if (p == NULL || warta_outbox_job_get_state (job) != WARTA_OUTBOX_STATE_PAUSED ||
          g_strcmp0 (warta_outbox_job_get_error_code (job), WARTA_OUTBOX_ERROR_MISSED) != 0 ||
          g_hash_table_contains (self->missed_told, &job_id))
        continue;
      g_hash_table_add (self->missed_told, g_memdup2 (&job_id, sizeof job_id));

      title = warta_publication_get_title (p);
      id = g_strdup_printf ("missed-%" G_GINT64_FORMAT, job_id);
      /* Translators: %1$s is a publication's title, %2$s an account's name,
       * %3$s the reason ("Its scheduled time, … passed while Warta was closed. …") */
      body = g_strdup_printf (_("“%1$s” was not posted to %2$s. %3$s"),
                              title != NULL && title[0] != '\0' ? title : _("Untitled"),
                              warta_outbox_job_get_account_name (job),
                              warta_outbox_job_get_error_message (job));
      send_with_id (self, id, p, _("A Scheduled Post Missed Its Time"), body);
    }
}

/* Reads the tasks again. @announce is FALSE on sign-in: what was waiting
 * then is the list, not news. */
static void
refresh (WartaTaskNotifier *self,
         gboolean           announce)
{
  g_autoptr(GListModel) tasks = NULL;
  g_autoptr(GHashTable) known = NULL;
  g_autoptr(GError) error = NULL;
  WartaUser *user = warta_context_get_current_user (self->context);
  gint64 now = warta_clock_now (warta_context_get_clock (self->context));

  known = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  if (user != NULL)
    tasks = warta_publication_repository_list_tasks (warta_context_get_publications (self->context),
                                                     user, 0, TASK_LIMIT, &error);
  if (error != NULL)
    {
      g_debug ("Cannot read the tasks: %s", error->message);
      return;
    }

  for (guint i = 0; tasks != NULL && i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(WartaPublication) p = g_list_model_get_item (tasks, i);
      gint64 id = warta_publication_get_id (p);
      Known *before = g_hash_table_lookup (self->known, &id);
      Known *after = g_new0 (Known, 1);
      gboolean overdue = warta_publication_is_overdue (p, now);
      gboolean entered, stopped;

      after->state = warta_publication_get_state (p);
      after->entered_at = warta_publication_get_step_entered_at (p);
      /* Left and came back between two checks, in the same state (sent
       * on and returned): entered again. */
      entered = before == NULL || before->state != after->state ||
                before->entered_at != after->entered_at;
      after->overdue_told = !entered && before->overdue_told;
      entered = entered && announce;
      stopped = after->state == WARTA_STATE_PARTIALLY_PUBLISHED ||
                after->state == WARTA_STATE_FAILED;
      if (entered && stopped)
        {
          g_autofree char *what = describe (p);
          const char *todo = _("Open it to see what each target needs: try again, sign in again, or upload by hand and record the proof.");
          g_autofree char *body = g_strdup_printf ("%s\n%s", what, todo);

          send (self, "stopped", p, _("Publishing Stopped"), body);
        }
      else if (entered && warta_publication_get_updated_by (p) != warta_user_get_id (user))
        {
          g_autofree char *body = describe_with_time_left (self, p);

          send (self, "task", p,
                warta_publication_get_returned_by (p) != 0 ? _("A Publication Was Returned to You")
                                                           : _("A Publication Waits for You"),
                body);
        }

      if (overdue && !after->overdue_told)
        {
          /* Overdue at sign-in is in the list already, marked. */
          if (announce || before != NULL)
            {
              g_autofree char *body = describe_with_time_left (self, p);

              send (self, "overdue", p, _("A Task Is Overdue"), body);
            }
          after->overdue_told = TRUE;
        }

      g_hash_table_insert (known, g_memdup2 (&id, sizeof id), after);
    }

  if (announce && self->known != NULL)
    announce_published (self, known);
  announce_missed (self, tasks);

  g_clear_pointer (&self->known, g_hash_table_unref);
  self->known = g_steal_pointer (&known);
}

/**
 * warta_task_notifier_check:
 * @self: a #WartaTaskNotifier
 *
 * Reads the signed-in user's tasks and notifies about the new and the
 * newly overdue ones. Runs on every database change and on a tick.
 */
void
warta_task_notifier_check (WartaTaskNotifier *self)
{
  g_return_if_fail (WARTA_IS_TASK_NOTIFIER (self));

  refresh (self, TRUE);
}

static gboolean
tick_cb (gpointer user_data)
{
  warta_task_notifier_check (WARTA_TASK_NOTIFIER (user_data));

  return G_SOURCE_CONTINUE;
}

static void
on_database_changed_cb (WartaTaskNotifier *self)
{
  warta_task_notifier_check (self);
}

static void
on_current_user_changed_cb (WartaTaskNotifier *self)
{
  WartaUser *user = warta_context_get_current_user (self->context);
  gint64 user_id = user != NULL ? warta_user_get_id (user) : 0;

  if (user_id == self->user_id)
    return;

  /* Another person at the desk: their list starts quiet. */
  self->user_id = user_id;
  g_hash_table_remove_all (self->known);
  g_hash_table_remove_all (self->missed_told);
  refresh (self, FALSE);
}

static void
warta_task_notifier_dispose (GObject *object)
{
  WartaTaskNotifier *self = WARTA_TASK_NOTIFIER (object);

  g_clear_handle_id (&self->tick_source, g_source_remove);
  g_clear_weak_pointer (&self->application);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (warta_task_notifier_parent_class)->dispose (object);
}

static void
warta_task_notifier_finalize (GObject *object)
{
  WartaTaskNotifier *self = WARTA_TASK_NOTIFIER (object);

  g_clear_pointer (&self->known, g_hash_table_unref);
  g_clear_pointer (&self->missed_told, g_hash_table_unref);

  G_OBJECT_CLASS (warta_task_notifier_parent_class)->finalize (object);
}

static void
warta_task_notifier_class_init (WartaTaskNotifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = warta_task_notifier_dispose;
  object_class->finalize = warta_task_notifier_finalize;

  /**
   * WartaTaskNotifier::sent:
   * @self: the notifier
   * @id: the notification's id ("task-12", "overdue-12"; of a job: "missed-3")
   * @notification: what was sent
   *
   * A notification was sent (or would have been, without a registered
   * application).
   */
  signals[SENT] =
    g_signal_new ("sent", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_NOTIFICATION);
}

static void
warta_task_notifier_init (WartaTaskNotifier *self)
{
  self->known = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->missed_told = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

/**
 * warta_task_notifier_new:
 * @application: (nullable): the application that sends the notifications
 * @context: the open database's services
 *
 * Returns: (transfer full): a notifier that watches @context's current user
 */
WartaTaskNotifier *
warta_task_notifier_new (GApplication *application,
                         WartaContext *context)
{
  WartaTaskNotifier *self;

  g_return_val_if_fail (!application || G_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (WARTA_IS_CONTEXT (context), NULL);

  self = g_object_new (WARTA_TYPE_TASK_NOTIFIER, NULL);
  g_set_weak_pointer (&self->application, application);
  self->context = g_object_ref (context);

  g_signal_connect_object (warta_context_get_database (context), "changed",
                           G_CALLBACK (on_database_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (context, "notify::current-user",
                           G_CALLBACK (on_current_user_changed_cb), self, G_CONNECT_SWAPPED);
  on_current_user_changed_cb (self);
  self->tick_source = g_timeout_add_seconds (TICK_SECONDS, tick_cb, self);

  return self;
}
