/* test-publish-view.c: step 5 through the real publish view
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A real database file with an approved publication and two accounts, on
 * the loopback Mastodon and WordPress servers; the view is driven through
 * its buttons and entries, with the context's own outbox running on this
 * main context as the application runs it:
 * - Publish Now: both targets done, their links shown, one post on each;
 * - Schedule: the next full hour proposed; a time written wrong, or
 *   already past, is refused with what to do; one picked on the calendar
 *   holds both targets back, "Scheduled for …", until the clock gets
 *   there, then one post on each;
 * - a revoked token: "Sign in again" shown, and the server hears nothing
 *   more (no retry loop) while WordPress goes on to done;
 * - Upload Manually: the texts with Copy buttons, then the address, time
 *   and a screenshot recorded through the widgets: the job is recorded by
 *   hand, the publication is published, the screenshot kept;
 * - the accounts page adds a WordPress site (application password in the
 *   keyring) and removes it again (its secret gone);
 * - with a TikTok account and a video: TikTok's creator info shown, the
 *   privacy level chosen from exactly its options (none by default, Publish
 *   Now held back until then) and sent as chosen; a refused token shows
 *   TikTok's message and Sign In Again;
 * - Pause mid-upload against a slowed TikTok: nothing more is sent,
 *   Resume goes on from the last confirmed chunk to one post; Cancel
 *   (confirmed) of an upload to Mastodon in flight: cancelled, with Try
 *   Again and manual upload offered;
 * - TikTok's length limit against a real MP4 made here with GStreamer;
 *   creator info refused for too many requests (TikTok's words, Ask
 *   Again); a photo post whose answer was lost: "check", then Post Again;
 * - Change Time… of a scheduled post, waiting or missed: a new time typed,
 *   checked in place, "Scheduled for …", sent once at that time; refused
 *   and said when another Warta started it meanwhile;
 * - what a row says, in English and Indonesian: rate-limited, refused,
 *   cancelled (what that leaves, not "Cancelled" again) and stopped for
 *   its sign-in (why, not the advice its own Sign In Again gives);
 * - the admin's choice of targets kept in the database: found again in a
 *   view opened on another Warta on the same file, a left-out target
 *   marked so for a verifier, another admin's change followed, Publish
 *   Now sending exactly the saved choice; refused to a user whose role
 *   was taken away;
 * - a photo moved, deleted or replaced by a folder after approval: said
 *   on the target that uploads it (name, folder, put it back), to a
 *   verifier too; Publish Now and Schedule ask first and write no job;
 *   Check Again, or coming back to the window, lets it go once it is
 *   back; a view closed while a check waits (on a pipe) goes cleanly;
 *   Check Again keeps the focus, or hands it to Publish Now once the
 *   photo is back; a row's Pause hands the focus to its Resume, and back;
 * - a walk through step 5, in English and Indonesian, at 360 and 1280
 *   pixels: approved (a target refused, one left out), scheduled,
 *   uploading, stopped, by hand, partly published, done with its links,
 *   published nowhere, waiting after an unreadable answer, a photo
 *   missing, Mastodon's
 *   limit too small (Ask the Instance Again, then asked),
 *   as the admin and as a verifier: nothing
 *   wider than GNOME's narrowest window, no text cut off
 *   (WARTA_SCREENSHOT_DIR saves each as publish-tour-*.png).
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <gst/gst.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "warta-test-garbage.h"
#include "warta-test-gui.h"
#include "warta-account-store-private.h"
#include "warta-accounts-page-private.h"
#include "warta-database-private.h"
#include "warta-event-log.h"
#include "warta-mastodon.h"
#include "warta-publish-check.h"
#include "warta-publish-view-private.h"
#include "warta-task-notifier.h"
#include "warta-test-publish.h"
#include "warta-test-server.h"

#define TIKTOK_VIDEO_SIZE (11 * 1024 * 1024 + 1000)

typedef struct
{
  WartaTestPublish *t;
  WartaTestServer  *mastodon;
  WartaTestServer  *wordpress;
  WartaTestServer  *tiktok;
  gint64            tiktok_id;
  GSettings        *settings;
  WartaContext     *context;
  WartaPublication *publication;
  gint64            mastodon_id;
  gint64            wordpress_id;
  GtkWidget        *window;
  WartaPublishView *view;
  gboolean          focus_checked;
} Fixture;

static void
iterate (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

typedef gboolean (*Condition) (Fixture *f, gpointer data);

static void
wait_until (Fixture    *f,
            Condition   condition,
            gpointer    data,
            const char *what)
{
  gint64 deadline = warta_test_gui_wait_deadline ();

  while (!condition (f, data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("timed out waiting for %s", what);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  iterate ();
}

/* Until @view's files were asked about (Publish Now waits for it). */
static void
wait_files_checked (WartaPublishView *view)
{
  WARTA_TEST_GUI_WAIT_FOR (!_warta_publish_view_is_checking_files (view));
  iterate ();
}

/* WARTA_SCREENSHOT_DIR=<dir>: the window as a PNG, for looking at it. */
static void
screenshot (Fixture    *f,
            GtkWidget  *window,
            const char *name)
{
  warta_test_gui_assert_mnemonics_unique (window);
  if (g_getenv ("WARTA_SCREENSHOT_DIR") == NULL)
    return;
  wait_ms (300);
  warta_test_gui_screenshot (window, name);
}

/* @at as a row says it: as the lists write it, with the zone's name. */
static char *
readable_time (Fixture *f,
               gint64   at)
{
  return warta_format_time (warta_clock_get_time_zone (warta_context_get_clock (f->context)), at,
                            TRUE);
}

/* When the fixture's publication was approved. */
static gint64
approved_at (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) records = NULL;
  gint64 at = 0;

  records = warta_publication_repository_list_step_records (f->t->publications,
                                                            warta_publication_get_id (f->publication),
                                                            &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (records); i++)
    {
      g_autoptr(WartaStepRecord) record = g_list_model_get_item (records, i);

      if (g_strcmp0 (warta_step_record_get_exit_state (record), "approved") == 0)
        at = warta_step_record_get_exited_at (record);
    }
  g_assert_cmpint (at, >, 0);
  return at;
}

/* @at in the office's zone, as the entries take it. */
static char *
local_text (Fixture *f,
            gint64   at)
{
  g_autoptr(GDateTime) local = warta_clock_to_local (warta_context_get_clock (f->context), at);

  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

/* A post's time a proof may have: now, after the approval. */
static char *
post_time (Fixture *f)
{
  return local_text (f, warta_clock_now (warta_context_get_clock (f->context)));
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  WartaAccountStore *store;
  WartaRetryPolicy policy;
  WartaOutbox *outbox;

  f->t = warta_test_publish_new ();
  f->mastodon = warta_test_server_new (WARTA_TEST_MASTODON);
  f->wordpress = warta_test_server_new (WARTA_TEST_WORDPRESS);
  f->mastodon_id = warta_test_publish_add_account (f->t, "mastodon",
                                                   warta_test_server_get_url (f->mastodon),
                                                   "{\"media-poll-ms\": \"5\"}", "key-mastodon");
  f->wordpress_id = warta_test_publish_add_account (f->t, "wordpress",
                                                    warta_test_server_get_url (f->wordpress),
                                                    "{\"user\": \"" WARTA_TEST_WP_USER "\"}",
                                                    "key-wordpress");
  if (data != NULL)
    {
      /* A TikTok account, and a video in two chunks of 5 MiB and more. */
      f->tiktok = warta_test_tiktok_server_new ();
      f->tiktok_id = warta_test_publish_add_account (f->t, "tiktok", warta_test_server_get_url (f->tiktok),
                                                     "{\"poll-ms\": \"5\", \"chunk-size\": \"5242880\"}",
                                                     "key-tiktok");
      /* Mastodon and TikTok take a video or photos, not both: the photo
       * is left out of them. */
      f->t->skip_platform = "mastodon,tiktok";
      f->t->n_skipped = 1;
      f->publication = warta_test_publish_make_approved_with_videos (f->t, "Rakor pengawasan dana desa",
                                                                     1, 1, TIKTOK_VIDEO_SIZE);
    }
  else
    f->publication = warta_test_publish_make_approved (f->t, "Rakor pengawasan dana desa", 1);

  f->settings = g_settings_new (APPLICATION_ID);
  f->context = warta_context_new (f->t->db, f->settings);
  warta_context_set_current_user (f->context, f->t->admin);

  /* No keyring on the test's bus: the secrets in memory. */
  store = warta_context_get_account_store (f->context);
  _warta_account_store_use_memory_secrets (store);
  _warta_account_store_set_memory_secret (store, "key-mastodon", WARTA_TEST_MASTODON_TOKEN);
  _warta_account_store_set_memory_secret (store, "key-wordpress", WARTA_TEST_WP_APP_PASSWORD);
  _warta_account_store_set_memory_secret (store, "key-tiktok", WARTA_TEST_TIKTOK_TOKEN);

  warta_retry_policy_init_default (&policy);
  policy.initial_delay_ms = 10;
  policy.max_delay_ms = 50;
  warta_http_client_set_retry_policy (warta_context_get_http_client (f->context), &policy);
  outbox = warta_context_get_outbox (f->context);
  warta_outbox_set_tick_interval (outbox, 20);
  warta_outbox_set_backoff (outbox, 20, 100, 5);
  warta_outbox_start (outbox);

  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 720, 900);
  f->view = WARTA_PUBLISH_VIEW (warta_publish_view_new ());
  {
    GtkWidget *overlay = adw_toast_overlay_new ();

    adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (f->view));
    gtk_window_set_child (GTK_WINDOW (f->window), overlay);
  }
  warta_publish_view_set_context (f->view, f->context);
  warta_publish_view_set_publication (f->view, f->publication);
  gtk_window_present (GTK_WINDOW (f->window));
  iterate ();
  wait_files_checked (f->view);
  if (data == NULL)
    screenshot (f, f->window, "publish-approved.png");
}

static gboolean
outbox_idle (Fixture  *f,
             gpointer  data)
{
  return warta_outbox_get_n_running (warta_context_get_outbox (f->context)) == 0;
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  WartaOutbox *outbox = warta_context_get_outbox (f->context);

  warta_outbox_stop (outbox);
  wait_until (f, outbox_idle, NULL, "the outbox to stop");
  gtk_window_destroy (GTK_WINDOW (f->window));
  iterate ();
  g_clear_object (&f->publication);
  g_assert_finalize_object (g_steal_pointer (&f->context));
  g_clear_object (&f->settings);
  warta_test_server_free (f->mastodon);
  warta_test_server_free (f->wordpress);
  g_clear_pointer (&f->tiktok, warta_test_server_free);
  warta_test_publish_free (f->t);
}

static void
click (GtkWidget *button)
{
  GtkWidget *view = gtk_widget_get_ancestor (button, WARTA_TYPE_PUBLISH_VIEW);

  g_assert_true (gtk_widget_is_visible (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  iterate ();
  if (view != NULL)
    wait_files_checked (WARTA_PUBLISH_VIEW (view));
}

static WartaOutboxJob *
job_for (Fixture *f,
         gint64   account_id)
{
  GListModel *jobs = _warta_publish_view_get_jobs (f->view);

  for (guint i = 0; jobs && i < g_list_model_get_n_items (jobs); i++)
    {
      g_autoptr(WartaOutboxJob) job = g_list_model_get_item (jobs, i);

      if (warta_outbox_job_get_account_id (job) == account_id)
        return job;  /* the view's model keeps it */
    }
  return NULL;
}

static gboolean
job_in_state (Fixture  *f,
              gpointer  data)
{
  const guint *want = data;  /* account id low bits, state */
  WartaOutboxJob *job = job_for (f, want[0]);

  return job != NULL && warta_outbox_job_get_state (job) == want[1];
}

/* @data's account's job stopped, waiting for its account. */
static gboolean
job_needs_sign_in (Fixture  *f,
                   gpointer  data)
{
  WartaOutboxJob *job = job_for (f, (gint64) GPOINTER_TO_SIZE (data));

  return job != NULL && warta_outbox_job_get_state (job) == WARTA_OUTBOX_STATE_FAILED &&
         warta_outbox_job_get_needs_sign_in (job);
}

static void
wait_job (Fixture          *f,
          gint64            account_id,
          WartaOutboxState  state)
{
  guint want[2] = { (guint) account_id, state };

  wait_until (f, job_in_state, want, warta_outbox_state_get_id (state));
}

static GtkWidget *
job_widget (Fixture    *f,
            gint64      account_id,
            const char *name)
{
  WartaOutboxJob *job = job_for (f, account_id);

  g_assert_nonnull (job);
  return _warta_publish_view_get_widget (f->view, warta_outbox_job_get_id (job), name);
}

/* What @account_id's row shows in its label @name (shown). */
static const char *
job_label (Fixture    *f,
           gint64      account_id,
           const char *name)
{
  GtkWidget *label = job_widget (f, account_id, name);

  g_assert_true (gtk_widget_get_visible (label));
  return gtk_label_get_label (GTK_LABEL (label));
}

/* The publish view's check for @account_id, or NULL. */
static GtkWidget *
account_check (Fixture *f,
               gint64   account_id)
{
  g_autofree char *name = g_strdup_printf ("account-%" G_GINT64_FORMAT, account_id);

  return _warta_publish_view_get_widget (f->view, 0, name);
}

/* The row listing @account_id as a target in @view, with or without its
 * check. */
static GtkWidget *
view_row (WartaPublishView *view,
          gint64            account_id)
{
  g_autofree char *name = g_strdup_printf ("account-row-%" G_GINT64_FORMAT, account_id);
  GtkWidget *row = _warta_publish_view_get_widget (view, 0, name);

  g_assert_true (ADW_IS_ACTION_ROW (row));
  return row;
}

static GtkWidget *
account_row (Fixture *f,
             gint64   account_id)
{
  return view_row (f->view, account_id);
}

static void
collect_mnemonics (GtkWidget  *widget,
                   GHashTable *seen)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_LABEL (widget) &&
      gtk_label_get_mnemonic_keyval (GTK_LABEL (widget)) != GDK_KEY_VoidSymbol)
    {
      guint key = gdk_keyval_to_lower (gtk_label_get_mnemonic_keyval (GTK_LABEL (widget)));
      const char *label = gtk_label_get_label (GTK_LABEL (widget));
      const char *other = g_hash_table_lookup (seen, GUINT_TO_POINTER (key));

      g_test_message ("%s", label);
      /* The same button for each of several texts (Copy) repeats itself. */
      if (other != NULL && g_strcmp0 (other, label) != 0)
        g_error ("“%s” and “%s” share their mnemonic", other, label);
      g_hash_table_insert (seen, GUINT_TO_POINTER (key), (gpointer) label);
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    collect_mnemonics (c, seen);
}

/* Each of the buttons @account_id's row shows has a mnemonic of its own:
 * Alt and a letter does what it says, not the first of two buttons. */
static void
assert_row_mnemonics_distinct (Fixture *f,
                               gint64   account_id)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  warta_test_gui_wait_for_layout (GTK_WIDGET (f->view));
  collect_mnemonics (gtk_widget_get_ancestor (job_widget (f, account_id, "state"), GTK_TYPE_LIST_BOX_ROW),
                     seen);
}

/* What the view says above its targets. */
static const char *
summary (Fixture *f)
{
  return gtk_label_get_label (GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (f->view),
                                                                        WARTA_TYPE_PUBLISH_VIEW,
                                                                        "summary_label")));
}

static WartaState
publication_state (Fixture *f)
{
  g_autoptr(WartaPublication) p = NULL;
  g_autoptr(GError) error = NULL;

  p = warta_publication_repository_get (f->t->publications, warta_publication_get_id (f->publication),
                                        &error);
  g_assert_no_error (error);
  return warta_publication_get_state (p);
}

static void
on_sent_cb (WartaTaskNotifier *notifier,
            const char        *id,
            GNotification     *notification,
            GPtrArray         *sent)
{
  g_ptr_array_add (sent, g_strdup (id));
}

static gboolean
both_jobs_listed (Fixture  *f,
                  gpointer  data)
{
  return job_for (f, f->mastodon_id) != NULL && job_for (f, f->wordpress_id) != NULL;
}

static gboolean
summary_is (Fixture  *f,
            gpointer  data)
{
  return g_strcmp0 (summary (f), data) == 0;
}

/* The keyboard focus is on a target's row, on screen: not nowhere. */
static void
assert_focus_in_jobs (Fixture *f)
{
  gpointer jobs_list = gtk_widget_get_template_child (GTK_WIDGET (f->view), WARTA_TYPE_PUBLISH_VIEW,
                                                      "jobs_list");
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));

  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_get_mapped (focus));
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (jobs_list)));
}

static void
on_published_check_focus_cb (WartaPublishView *view,
                             WartaPublication *publication,
                             Fixture          *f)
{
  if (warta_publication_get_state (publication) != WARTA_STATE_PUBLISHED)
    return;
  assert_focus_in_jobs (f);
  f->focus_checked = TRUE;
}

static void
test_publish_now (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(WartaTaskNotifier) notifier = warta_task_notifier_new (NULL, f->context);
  g_autoptr(GPtrArray) sent = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *published = g_strdup_printf ("published-%" G_GINT64_FORMAT,
                                                warta_publication_get_id (f->publication));
  GtkWidget *link, *button;

  g_signal_connect (notifier, "sent", G_CALLBACK (on_sent_cb), sent);
  /* From the keyboard: the button goes away, the focus to the targets'
   * progress, not to nowhere. */
  button = _warta_publish_view_get_widget (f->view, 0, "publish-now");
  gtk_widget_grab_focus (button);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) == button);
  /* The rows are made again as the publication moves on: the focus
   * stays with them then, not on a row taken away. */
  g_signal_connect (f->view, "publication-changed", G_CALLBACK (on_published_check_focus_cb), f);
  gtk_widget_activate (button);
  /* A button clicks a moment after it is activated. */
  wait_until (f, both_jobs_listed, NULL, "Publish Now to be clicked");
  assert_focus_in_jobs (f);

  wait_job (f, f->mastodon_id, WARTA_OUTBOX_STATE_DONE);
  wait_job (f, f->wordpress_id, WARTA_OUTBOX_STATE_DONE);
  wait_until (f, summary_is, (gpointer) "Published on every target.", "the publication published");
  g_assert_true (f->focus_checked);
  assert_focus_in_jobs (f);

  /* Each result's link, shown and naming the server's post. */
  link = job_widget (f, f->mastodon_id, "link");
  g_assert_true (gtk_widget_get_visible (link));
  g_assert_true (g_str_has_prefix (gtk_widget_get_tooltip_text (link),
                                   warta_test_server_get_url (f->mastodon)));
  link = job_widget (f, f->wordpress_id, "link");
  g_assert_true (gtk_widget_get_visible (link));
  g_assert_true (g_str_has_prefix (gtk_widget_get_tooltip_text (link),
                                   warta_test_server_get_url (f->wordpress)));
  /* … and written out, with when it was posted, in the office's zone. */
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (job_widget (f, f->mastodon_id, "address"))), ==,
                   warta_outbox_job_get_remote_url (job_for (f, f->mastodon_id)));
  g_assert_true (gtk_widget_get_visible (job_widget (f, f->mastodon_id, "address")));
  {
    gint64 finished = warta_outbox_job_get_finished_at (job_for (f, f->mastodon_id));
    g_autofree char *when = readable_time (f, finished);
    g_autofree char *expected = g_strdup_printf ("Published on %s", when);

    g_assert_cmpint (finished, >, 0);
    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (job_widget (f, f->mastodon_id, "state"))), ==,
                     expected);
  }
  g_assert_false (gtk_widget_get_visible (job_widget (f, f->mastodon_id, "retry")));

  g_assert_cmpuint (warta_test_server_get_post_count (f->mastodon), ==, 1);
  g_assert_cmpuint (warta_test_server_get_post_count (f->wordpress), ==, 1);
  g_assert_cmpuint (publication_state (f), ==, WARTA_STATE_PUBLISHED);
  screenshot (f, f->window, "publish-done.png");
  g_assert_cmpuint (warta_publication_get_state (warta_publish_view_get_publication (f->view)), ==,
                    WARTA_STATE_PUBLISHED);

  /* Published everywhere: told once, on the desktop. */
  warta_task_notifier_check (notifier);
  g_assert_cmpuint (sent->len, ==, 1);
  g_assert_cmpstr (sent->pdata[0], ==, published);
  warta_task_notifier_check (notifier);
  g_assert_cmpuint (sent->len, ==, 1);
}

static gboolean
taken_down (Fixture  *f,
            gpointer  data)
{
  return warta_outbox_job_get_taken_down_at (data) > 0;
}

static gboolean
message_shown (Fixture  *f,
               gpointer  data)
{
  AdwMessageDialog *dialog = _warta_publish_view_get_dialog (f->view);

  return dialog != NULL && g_strcmp0 (adw_message_dialog_get_heading (dialog), data) == 0;
}

/* Opens the take-down question of @account_id's row, and gives @reason. */
static AdwMessageDialog *
ask_take_down (Fixture    *f,
               gint64      account_id,
               const char *reason)
{
  AdwMessageDialog *dialog;

  click (job_widget (f, account_id, "takedown"));
  dialog = _warta_publish_view_get_dialog (f->view);
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), reason);
  return dialog;
}

static void
answer (AdwMessageDialog *dialog,
        const char       *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* A published post taken down: Warta deletes it on Mastodon itself and
 * records why; the row says so, and the history keeps it. Where the
 * platform fails, the admin removes it there and records it by hand. */
static void
test_takedown (Fixture       *f,
               gconstpointer  data)
{
  WartaOutboxJob *mastodon, *website;
  AdwMessageDialog *dialog;
  GtkEditable *reason;
  const char *state;

  click (_warta_publish_view_get_widget (f->view, 0, "publish-now"));
  wait_job (f, f->mastodon_id, WARTA_OUTBOX_STATE_DONE);
  wait_job (f, f->wordpress_id, WARTA_OUTBOX_STATE_DONE);
  mastodon = job_for (f, f->mastodon_id);
  website = job_for (f, f->wordpress_id);
  g_assert_true (gtk_widget_get_visible (job_widget (f, f->mastodon_id, "takedown")));

  click (job_widget (f, f->mastodon_id, "takedown"));
  dialog = _warta_publish_view_get_dialog (f->view);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Warta deletes the post on Humas mastodon"));
  /* No reason, no take-down. */
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "take-down"));
  reason = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  gtk_editable_set_text (reason, "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "take-down"));
  gtk_editable_set_text (reason, "Izin orang tua dicabut");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "take-down"));
  screenshot (f, GTK_WIDGET (dialog), "publish-takedown.png");
  answer (dialog, "take-down");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (job_widget (f, f->mastodon_id, "state"))), ==,
                   "Taking the post down…");
  g_assert_false (gtk_widget_get_sensitive (job_widget (f, f->mastodon_id, "takedown")));
  wait_until (f, taken_down, mastodon, "the take-down");

  g_assert_cmpuint (warta_test_server_get_deleted_count (f->mastodon), ==, 1);
  g_assert_cmpuint (warta_test_server_get_post_count (f->mastodon), ==, 0);
  state = gtk_label_get_label (GTK_LABEL (job_widget (f, f->mastodon_id, "state")));
  g_assert_true (g_str_has_prefix (state, "Taken down on "));
  g_assert_true (g_str_has_suffix (state, ": Izin orang tua dicabut"));
  g_assert_false (gtk_widget_get_visible (job_widget (f, f->mastodon_id, "takedown")));
  /* Where it was stays on record. */
  g_assert_true (gtk_widget_get_visible (job_widget (f, f->mastodon_id, "address")));
  g_assert_cmpint (warta_event_log_count (f->t->db, "take-down", NULL), ==, 1);
  /* The reason, as long as it was written, goes on more lines in GNOME's
   * narrowest window. */
  warta_test_gui_wait_for_layout (GTK_WIDGET (f->view));
  warta_test_gui_assert_fits_width (GTK_WIDGET (f->view), 360);
  screenshot (f, f->window, "publish-taken-down.png");

  /* The website refuses every time: nothing is recorded until the admin
   * has removed it there and says so. */
  warta_test_server_add_fault (f->wordpress, "DELETE", "/wp-json/wp/v2/posts/", 0,
                               WARTA_TEST_FAULT_STATUS, 500);
  dialog = ask_take_down (f, f->wordpress_id, "Salah foto");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "to the website’s trash"));
  answer (dialog, "take-down");
  wait_until (f, message_shown, (gpointer) "Post Not Taken Down", "the failure");
  dialog = _warta_publish_view_get_dialog (f->view);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "record the take-down by hand"));
  g_assert_cmpint (warta_outbox_job_get_taken_down_at (website), ==, 0);
  g_assert_true (gtk_widget_get_sensitive (job_widget (f, f->wordpress_id, "takedown")));
  answer (dialog, "by-hand");
  g_assert_cmpint (warta_outbox_job_get_taken_down_at (website), >, 0);
  g_assert_cmpstr (warta_outbox_job_get_takedown_reason (website), ==, "Salah foto");
  g_assert_cmpuint (warta_test_server_get_deleted_count (f->wordpress), ==, 0);
  g_assert_cmpint (warta_event_log_count (f->t->db, "take-down", NULL), ==, 2);
}

/* A Mastodon account is named by its whole handle, often longer than a
 * narrow window's line: its row goes on more lines, with its Pause and
 * Cancel beside it, in GNOME's narrowest window, uploading and done. */
static void
test_long_handle (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(WartaTestServer) server = warta_test_server_new (WARTA_TEST_MASTODON);
  g_autoptr(WartaAccount) account = warta_account_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  warta_account_set_platform (account, "mastodon");
  warta_account_set_display_name (account, "@inspektorat.kalteng@sosial.kalteng.go.id");
  warta_account_set_base_url (account, warta_test_server_get_url (server));
  warta_account_set_settings (account, "{\"media-poll-ms\": \"5\"}");
  warta_account_set_keyring_id (account, "key-long");
  _warta_account_store_set_memory_secret (warta_context_get_account_store (f->context), "key-long",
                                          WARTA_TEST_MASTODON_TOKEN);
  warta_account_repository_add (f->t->accounts, f->t->admin, account, &error);
  g_assert_no_error (error);
  id = warta_account_get_id (account);
  warta_publish_view_set_publication (f->view, f->publication);
  wait_files_checked (f->view);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (account_check (f, f->mastodon_id)), FALSE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (account_check (f, f->wordpress_id)), FALSE);

  warta_test_server_add_fault (server, "POST", "/api/v2/media", 1, WARTA_TEST_FAULT_DELAY, 2000);
  click (_warta_publish_view_get_widget (f->view, 0, "publish-now"));
  wait_job (f, id, WARTA_OUTBOX_STATE_RUNNING);
  g_assert_true (gtk_widget_get_visible (job_widget (f, id, "pause")));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 600);
  warta_test_gui_wait_for_layout (GTK_WIDGET (f->view));
  warta_test_gui_assert_fits_width (GTK_WIDGET (f->view), 360);
  screenshot (f, f->window, "publish-long-handle.png");
  wait_job (f, id, WARTA_OUTBOX_STATE_DONE);
  warta_test_gui_wait_for_layout (GTK_WIDGET (f->view));
  warta_test_gui_assert_fits_width (GTK_WIDGET (f->view), 360);
}

/* A take-down another Warta recorded first is shown, not overwritten,
 * and nothing is deleted a second time. */
static void
test_takedown_conflict (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  const char *state;

  click (_warta_publish_view_get_widget (f->view, 0, "publish-now"));
  wait_job (f, f->mastodon_id, WARTA_OUTBOX_STATE_DONE);
  wait_job (f, f->wordpress_id, WARTA_OUTBOX_STATE_DONE);

  g_assert_true (warta_outbox_repository_record_takedown (f->t->outbox, f->t->admin,
                                                          warta_outbox_job_get_id (job_for (f, f->wordpress_id)),
                                                          "Salah foto", &error));
  g_assert_no_error (error);
  dialog = ask_take_down (f, f->wordpress_id, "Judul keliru");
  answer (dialog, "take-down");
  wait_until (f, message_shown, (gpointer) "Take-Down Not Recorded", "the refusal");
  gtk_window_destroy (GTK_WINDOW (_warta_publish_view_get_dialog (f->view)));
  state = gtk_label_get_label (GTK_LABEL (job_widget (f, f->wordpress_id, "state")));
  g_assert_true (g_str_has_suffix (state, ": Salah foto"));
  g_assert_false (gtk_widget_get_visible (job_widget (f, f->wordpress_id, "takedown")));
  g_assert_cmpuint (warta_test_server_count_requests (f->wordpress, "DELETE", "/"), ==, 0);
  g_assert_cmpint (warta_event_log_count (f->t->db, "take-down", NULL), ==, 1);
}

static gboolean
corrected (Fixture  *f,
           gpointer  data)
{
  return warta_outbox_job_get_corrected_at (data) > 0;
}

/* A published post corrected: Correct… shows the text that went out,
 * ready to edit, and asks why; Warta changes the status on Mastodon and
 * records it; the row says when, by whom and why. A post taken down is
 * not offered it. */
static void
test_correct (Fixture       *f,
              gconstpointer  data)
{
  WartaOutboxJob *mastodon;
  AdwMessageDialog *dialog;
  GtkWidget *box, *scrolled, *reason;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *shown = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  const char *line;
  const char *fixed = "Rakor bersama Inspektur Budi Santoso, S.H.";

  click (_warta_publish_view_get_widget (f->view, 0, "publish-now"));
  wait_job (f, f->mastodon_id, WARTA_OUTBOX_STATE_DONE);
  wait_job (f, f->wordpress_id, WARTA_OUTBOX_STATE_DONE);
  mastodon = job_for (f, f->mastodon_id);
  g_assert_true (gtk_widget_get_visible (job_widget (f, f->mastodon_id, "correct")));
  g_assert_false (gtk_widget_get_visible (job_widget (f, f->mastodon_id, "correction")));

  click (job_widget (f, f->mastodon_id, "correct"));
  dialog = _warta_publish_view_get_dialog (f->view);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog),
                            "Warta changes the post on Humas mastodon"));
  /* The status as it went out, to edit; then why. */
  box = adw_message_dialog_get_extra_child (dialog);
  scrolled = gtk_widget_get_next_sibling (gtk_widget_get_first_child (box));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled))));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (shown, ==,
                   warta_test_server_get_post_text (f->mastodon,
                                                    warta_outbox_job_get_remote_id (mastodon)));
  gtk_text_buffer_set_text (buffer, fixed, -1);
  reason = gtk_widget_get_last_child (box);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "correct"));
  gtk_editable_set_text (GTK_EDITABLE (reason), "  ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "correct"));
  gtk_editable_set_text (GTK_EDITABLE (reason), "Nama pejabat salah tulis");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "correct"));
  screenshot (f, GTK_WIDGET (dialog), "publish-correct.png");
  answer (dialog, "correct");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (job_widget (f, f->mastodon_id, "correction"))),
                   ==, "Correcting the post…");
  g_assert_false (gtk_widget_get_sensitive (job_widget (f, f->mastodon_id, "correct")));
  wait_until (f, corrected, mastodon, "the correction");

  g_assert_cmpstr (warta_test_server_get_post_text (f->mastodon,
                                                    warta_outbox_job_get_remote_id (mastodon)),
                   ==, fixed);
  line = gtk_label_get_label (GTK_LABEL (job_widget (f, f->mastodon_id, "correction")));
  expected = g_strdup_printf (" by %s: Nama pejabat salah tulis",
                              warta_user_get_display_name (f->t->admin));
  g_assert_true (g_str_has_prefix (line, "Corrected on "));
  g_assert_true (g_str_has_suffix (line, expected));
  g_assert_true (gtk_widget_get_visible (job_widget (f, f->mastodon_id, "correction")));
  g_assert_true (gtk_widget_get_sensitive (job_widget (f, f->mastodon_id, "correct")));
  g_assert_cmpint (warta_event_log_count (f->t->db, "correction", NULL), ==, 1);
  warta_test_gui_wait_for_layout (GTK_WIDGET (f->view));
  warta_test_gui_assert_fits_width (GTK_WIDGET (f->view), 360);
  screenshot (f, f->window, "publish-corrected.png");

  /* Taken down: no more corrections. */
  g_assert_true (warta_outbox_record_takedown (warta_context_get_outbox (f->context), f->t->admin,
                                               warta_outbox_job_get_id (mastodon), "Izin dicabut",
                                               &error));
  g_assert_no_error (error);
  g_assert_false (gtk_widget_get_visible (job_widget (f, f->mastodon_id, "correct")));
}

static gboolean
dialog_headed (Fixture  *f,
               gpointer  data)
{
  AdwMessageDialog *dialog = _warta_publish_view_get_dialog (f->view);

  return dialog != NULL && g_strcmp0 (adw_message_dialog_get_heading (dialog), data) == 0;
}

/* The correction dialog's text, and its reason entry in @reason. */
static GtkTextBuffer *
correction_dialog_buffer (AdwMessageDialog  *dialog,
                          GtkWidget        **reason)
{
  GtkWidget *box = adw_message_dialog_get_extra_child (dialog);
  GtkWidget *scrolled = gtk_widget_get_next_sibling (gtk_widget_get_first_child (box));

  *reason = gtk_widget_get_last_child (box);
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled))));
}

/* Mastodon refuses the correction (422, its error body): the message says
 * why, and the admin can correct the post there and record it, with what
 * was typed still there; nothing is sent again. */
static void
test_correct_refused (Fixture       *f,
                      gconstpointer  data)
{
  WartaOutboxJob *mastodon;
  AdwMessageDialog *dialog;
  GtkWidget *reason;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *before = NULL;
  g_autofree char *shown = NULL;
  const char *fixed = "Rakor bersama Inspektur Budi Santoso, S.H.";

  click (_warta_publish_view_get_widget (f->view, 0, "publish-now"));
  wait_job (f, f->mastodon_id, WARTA_OUTBOX_STATE_DONE);
  wait_job (f, f->wordpress_id, WARTA_OUTBOX_STATE_DONE);
  mastodon = job_for (f, f->mastodon_id);
  before = g_strdup (warta_test_server_get_post_text (f->mastodon,
                                                      warta_outbox_job_get_remote_id (mastodon)));
  warta_test_server_add_fault (f->mastodon, "PUT", "/api/v1/statuses/", 0,
                               WARTA_TEST_FAULT_STATUS, 422);

  click (job_widget (f, f->mastodon_id, "correct"));
  dialog = _warta_publish_view_get_dialog (f->view);
  gtk_text_buffer_set_text (correction_dialog_buffer (dialog, &reason), fixed, -1);
  gtk_editable_set_text (GTK_EDITABLE (reason), "Nama pejabat salah tulis");
  answer (dialog, "correct");
  wait_until (f, dialog_headed, (gpointer) "Post Not Corrected", "the refusal");

  dialog = _warta_publish_view_get_dialog (f->view);
  g_test_message ("%s", adw_message_dialog_get_body (dialog));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Mastodon refused the correction"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog),
                            "correct the post on Humas mastodon yourself"));
  g_assert_true (adw_message_dialog_has_response (dialog, "by-hand"));
  g_assert_cmpint (warta_outbox_job_get_corrected_at (mastodon), ==, 0);
  answer (dialog, "by-hand");

  /* The same text and reason, recorded as made by hand. */
  dialog = _warta_publish_view_get_dialog (f->view);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Warta cannot change this post"));
  buffer = correction_dialog_buffer (dialog, &reason);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (shown, ==, fixed);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (reason)), ==, "Nama pejabat salah tulis");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "correct"));
  answer (dialog, "correct");
  wait_until (f, corrected, mastodon, "the correction by hand");
  g_assert_cmpint (warta_event_log_count (f->t->db, "correction-by-hand", NULL), ==, 1);
  g_assert_cmpint (warta_event_log_count (f->t->db, "correction", NULL), ==, 0);
  g_assert_cmpstr (warta_test_server_get_post_text (f->mastodon,
                                                    warta_outbox_job_get_remote_id (mastodon)),
                   ==, before);
  g_assert_cmpuint (warta_test_server_count_requests (f->mastodon, "PUT", "/"), ==, 1);
  assert_row_mnemonics_distinct (f, f->mastodon_id);
}

static gboolean
popover_mapped (Fixture  *f,
                gpointer  data)
{
  return gtk_widget_get_mapped (data);
}

static void
assert_scheduled (Fixture    *f,
                  gint64      account_id,
                  gint64      at)
{
  g_autofree char *when = readable_time (f, at);
  /* With the zone, as "Published on …" says it. */
  g_autofree char *label = g_strdup_printf ("Scheduled for %s", when);

  g_assert_cmpint (warta_outbox_job_get_scheduled_at (job_for (f, account_id)), ==, at);
  g_assert_cmpuint (warta_outbox_job_get_state (job_for (f, account_id)), ==,
                    WARTA_OUTBOX_STATE_PENDING);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (job_widget (f, account_id, "state"))), ==,
                   label);
}

/* The approved concept's time is proposed, once: the switch is on and
 * the button says Schedule. Another publication without one, or with one
 * already past, is proposed nothing. */
static void
test_approved_schedule (Fixture       *f,
                        gconstpointer  data)
{
  WartaClock *clock = warta_context_get_clock (f->context);
  GtkWidget *entry = _warta_publish_view_get_widget (f->view, 0, "schedule-time");
  GtkWidget *publish = _warta_publish_view_get_widget (f->view, 0, "publish-now");
  GtkSwitch *schedule = GTK_SWITCH (_warta_publish_view_get_widget (f->view, 0, "schedule-row"));
  gint64 at = (warta_clock_now (clock) / (60 * G_USEC_PER_SEC) + 24 * 60) * 60 * G_USEC_PER_SEC;
  g_autoptr(WartaPublication) scheduled = NULL;
  g_autoptr(WartaPublication) late = NULL;
  g_autofree char *text = NULL;

  g_assert_false (gtk_switch_get_active (schedule));
  f->t->scheduled_at = at;
  scheduled = warta_test_publish_make_approved (f->t, "Rakor terjadwal", 1);
  f->t->scheduled_at = warta_clock_now (clock) - 60 * G_USEC_PER_SEC;
  late = warta_test_publish_make_approved (f->t, "Rakor terlambat", 1);
  f->t->scheduled_at = 0;

  warta_publish_view_set_publication (f->view, scheduled);
  wait_files_checked (f->view);
  iterate ();
  {
    g_autoptr(GDateTime) local = warta_clock_to_local (clock, at);

    text = g_date_time_format (local, "%Y-%m-%d %H:%M");
  }
  g_assert_true (gtk_switch_get_active (schedule));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, text);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (publish)), ==, "_Schedule");

  /* Changed by the admin, it stays changed when the view is read again. */
  gtk_switch_set_active (schedule, FALSE);
  warta_publish_view_reload (f->view);
  iterate ();
  g_assert_false (gtk_switch_get_active (schedule));

  warta_publish_view_set_publication (f->view, late);
  wait_files_checked (f->view);
  iterate ();
  g_assert_false (gtk_switch_get_active (schedule));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (publish)), ==, "_Publish Now");
}

/* Scheduled: switched on, the next full hour is proposed and the button
 * says Schedule; a time written wrong, or already past, is marked as it is
 * typed, with what to do, and cannot be scheduled; one that passes before
 * the button is pressed is refused then; nothing is queued or sent; a time picked on the calendar beside the entry holds
 * every target back until then, and says so; the posts go out when the
 * clock gets there. */
static void
test_schedule (Fixture       *f,
               gconstpointer  data)
{
  WartaClock *clock = warta_context_get_clock (f->context);
  GtkWidget *entry = _warta_publish_view_get_widget (f->view, 0, "schedule-time");
  GtkWidget *publish = _warta_publish_view_get_widget (f->view, 0, "publish-now");
  GtkLabel *hint = GTK_LABEL (_warta_publish_view_get_widget (f->view, 0, "publish-hint"));
  g_autoptr(WartaTaskNotifier) notifier = warta_task_notifier_new (NULL, f->context);
  g_autoptr(GPtrArray) sent = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *published = g_strdup_printf ("published-%" G_GINT64_FORMAT,
                                                warta_publication_get_id (f->publication));
  guint n_published = 0;
  GtkMenuButton *button;
  GtkPopover *popover;
  GtkWidget *hour, *minute;
  AdwMessageDialog *dialog;
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *text = NULL;
  gint64 at;

  g_signal_connect (notifier, "sent", G_CALLBACK (on_sent_cb), sent);
  /* On the minute, so that the time picked is exact. */
  warta_clock_freeze (clock, warta_clock_now (clock) / (60 * G_USEC_PER_SEC) * 60 * G_USEC_PER_SEC);

  g_assert_false (gtk_widget_is_sensitive (entry));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (publish)), ==, "_Publish Now");
  gtk_switch_set_active (GTK_SWITCH (_warta_publish_view_get_widget (f->view, 0, "schedule-row")),
                         TRUE);
  iterate ();
  g_assert_true (gtk_widget_is_sensitive (entry));
  /* Proposed: the next full hour. */
  {
    g_autoptr(GDateTime) now = warta_clock_now_local (clock);
    g_autoptr(GDateTime) later = g_date_time_add_minutes (now, 60 - g_date_time_get_minute (now));
    g_autofree char *next = g_date_time_format (later, "%Y-%m-%d %H:00");

    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, next);
  }

  /* The button says what it does, and the entry is checked as it is typed. */
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (publish)), ==, "_Schedule");
  g_assert_true (gtk_widget_is_sensitive (publish));
  g_assert_false (gtk_widget_has_css_class (entry, "error"));
  {
    /* Written wrong: refused as typed, with what to do. */
    static const char *const wrong[] = {
      "besok jam 9",
      "2026-11-27 04:002026-13-45 99:99",
      "2026-13-45 09:00",
    };

    for (guint i = 0; i < G_N_ELEMENTS (wrong); i++)
      {
        gtk_editable_set_text (GTK_EDITABLE (entry), wrong[i]);
        g_assert_true (gtk_widget_has_css_class (entry, "error"));
        g_assert_false (gtk_widget_is_sensitive (publish));
        g_assert_true (gtk_widget_get_visible (GTK_WIDGET (hint)));
        g_assert_nonnull (strstr (gtk_label_get_label (hint),
                                  "YYYY-MM-DD HH:MM"));
      }
  }
  /* A minute ago: refused too, not published at once. */
  {
    g_autoptr(GDateTime) now = warta_clock_now_local (clock);
    g_autoptr(GDateTime) before = g_date_time_add_minutes (now, -1);
    g_autofree char *past = g_date_time_format (before, "%Y-%m-%d %H:%M");

    gtk_editable_set_text (GTK_EDITABLE (entry), past);
  }
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  g_assert_false (gtk_widget_is_sensitive (publish));
  g_assert_nonnull (strstr (gtk_label_get_label (hint),
                            "already passed"));

  /* A minute ahead, but the minute passes before Schedule is pressed:
   * checked again, refused, not published at once. */
  {
    g_autoptr(GDateTime) now = warta_clock_now_local (clock);
    g_autoptr(GDateTime) soon = g_date_time_add_minutes (now, 1);
    g_autofree char *next = g_date_time_format (soon, "%Y-%m-%d %H:%M");

    gtk_editable_set_text (GTK_EDITABLE (entry), next);
  }
  g_assert_false (gtk_widget_has_css_class (entry, "error"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (hint)));
  g_assert_true (gtk_widget_is_sensitive (publish));
  warta_clock_advance (clock, 2 * G_TIME_SPAN_MINUTE);
  click (publish);
  dialog = _warta_publish_view_get_dialog (f->view);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Not Scheduled");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "already passed"));
  adw_message_dialog_response (dialog, "close");
  iterate ();
  g_assert_null (job_for (f, f->mastodon_id));
  g_assert_null (job_for (f, f->wordpress_id));
  wait_ms (100);
  g_assert_cmpuint (warta_test_server_get_post_count (f->mastodon), ==, 0);

  /* An hour and a quarter from now, picked on the calendar. */
  button = GTK_MENU_BUTTON (warta_test_gui_find_named (entry, GTK_TYPE_MENU_BUTTON, NULL));
  g_assert_nonnull (button);
  popover = gtk_menu_button_get_popover (button);
  gtk_menu_button_popup (button);
  wait_until (f, popover_mapped, popover, "the calendar");
  {
    g_autoptr(GDateTime) now = warta_clock_now_local (clock);

    when = g_date_time_add_minutes (now, 75);
  }
  hour = warta_test_gui_find_named (GTK_WIDGET (popover), GTK_TYPE_SPIN_BUTTON, NULL);
  minute = gtk_widget_get_next_sibling (gtk_widget_get_next_sibling (hour));
  gtk_calendar_select_day (GTK_CALENDAR (warta_test_gui_find_named (GTK_WIDGET (popover),
                                                                    GTK_TYPE_CALENDAR, NULL)),
                           when);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (hour), g_date_time_get_hour (when));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (minute), g_date_time_get_minute (when));
  gtk_popover_popdown (popover);
  text = g_date_time_format (when, "%Y-%m-%d %H:%M");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, text);

  click (_warta_publish_view_get_widget (f->view, 0, "publish-now"));
  at = g_date_time_to_unix (when) * G_USEC_PER_SEC;
  g_assert_nonnull (job_for (f, f->mastodon_id));
  g_assert_nonnull (job_for (f, f->wordpress_id));
  assert_scheduled (f, f->mastodon_id, at);
  assert_scheduled (f, f->wordpress_id, at);

  /* The outbox looks every 20 ms: nothing goes before the time. */
  wait_ms (300);
  g_assert_cmpuint (warta_test_server_get_post_count (f->mastodon), ==, 0);
  g_assert_cmpuint (warta_test_server_get_post_count (f->wordpress), ==, 0);
  assert_scheduled (f, f->mastodon_id, at);

  warta_clock_advance (clock, 76 * G_TIME_SPAN_MINUTE);
  wait_job (f, f->mastodon_id, WARTA_OUTBOX_STATE_DONE);
  wait_job (f, f->wordpress_id, WARTA_OUTBOX_STATE_DONE);
  g_assert_cmpuint (warta_test_server_get_post_count (f->mastodon), ==, 1);
  g_assert_cmpuint (warta_test_server_get_post_count (f->wordpress), ==, 1);
  g_assert_cmpuint (publication_state (f), ==, WARTA_STATE_PUBLISHED);

  /* The admin, elsewhere meanwhile, hears that it went out. Once. */
  warta_task_notifier_check (notifier);
  warta_task_notifier_check (notifier);
  for (guint i = 0; i < sent->len; i++)
    n_published += g_strcmp0 (sent->pdata[i], published) == 0;
  g_assert_cmpuint (n_published, ==, 1);
}

static guint
all_requests (WartaTestServer *server)
{
  return warta_test_server_count_requests (server, "GET", "/") +
         warta_test_server_count_requests (server, "POST", "/") +
         warta_test_server_count_requests (server, "PUT", "/");
}

static void sign_in_as (Fixture   *f,
                        WartaRole  roles);

static void
test_sign_in_again (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(WartaTaskNotifier) notifier = warta_task_notifier_new (NULL, f->context);
  g_autoptr(GPtrArray) sent = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *stopped = g_strdup_printf ("stopped-%" G_GINT64_FORMAT,
                                              warta_publication_get_id (f->publication));
  guint requests;
  GtkWidget *state;

  g_signal_connect (notifier, "sent", G_CALLBACK (on_sent_cb), sent);
  warta_test_server_revoke_credentials (f->mastodon);
  click (_warta_publish_view_get_widget (f->view, 0, "publish-now"));

  wait_job (f, f->mastodon_id, WARTA_OUTBOX_STATE_FAILED);
  wait_job (f, f->wordpress_id, WARTA_OUTBOX_STATE_DONE);

  state = job_widget (f, f->mastodon_id, "state");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (state)), ==, "Sign in again");
  g_assert_true (gtk_widget_get_visible (job_widget (f, f->mastodon_id, "sign-in")));
  g_assert_false (gtk_widget_get_visible (job_widget (f, f->mastodon_id, "retry")));
  g_assert_true (gtk_widget_get_visible (job_widget (f, f->mastodon_id, "error")));
  g_assert_true (gtk_widget_get_visible (job_widget (f, f->mastodon_id, "manual")));
  screenshot (f, f->window, "publish-sign-in.png");

  /* A verifier, who has no Sign In Again here, is not told to sign in
   * again (into Warta, they would read): the account must be. */
  sign_in_as (f, WARTA_ROLE_VERIFIER);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (state)), ==,
                   "Stopped until its account is signed in again");
  sign_in_as (f, WARTA_ROLE_SOCIAL_MEDIA_ADMIN);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (state)), ==, "Sign in again");

  /* No retry loop: the server hears nothing more. */
  requests = all_requests (f->mastodon);
  wait_ms (1500);
  g_assert_cmpuint (all_requests (f->mastodon), ==, requests);
  g_assert_cmpuint (warta_outbox_job_get_state (job_for (f, f->mastodon_id)), ==,
                    WARTA_OUTBOX_STATE_FAILED);
  g_assert_cmpuint (warta_test_server_get_post_count (f->mastodon), ==, 0);
  g_assert_cmpuint (warta_test_server_get_post_count (f->wordpress), ==, 1);
  g_assert_cmpuint (publication_state (f), ==, WARTA_STATE_PARTIALLY_PUBLISHED);

  /* A stop is told on the desktop, though the admin pressed Publish:
   * the outbox stopped it, and it may have been hours later. Once. */
  warta_task_notifier_check (notifier);
  g_assert_cmpuint (sent->len, ==, 1);
  g_assert_cmpstr (sent->pdata[0], ==, stopped);
  warta_task_notifier_check (notifier);
  g_assert_cmpuint (sent->len, ==, 1);
}

static gboolean
form_revealed (Fixture  *f,
               gpointer  revealer)
{
  return gtk_revealer_get_child_revealed (revealer);
}

static gboolean
window_height_is (Fixture  *f,
                  gpointer  height)
{
  return gtk_widget_get_height (f->window) == GPOINTER_TO_INT (height);
}

/* Whether @widget is wholly inside the visible part of the view's
 * scrolled window; @say: and what its bounds are. */
static gboolean
check_in_view (GtkWidget *widget,
               gboolean   say)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, scroller, &bounds));
  if (say)
    g_test_message ("%s at %.0f–%.0f of %d", G_OBJECT_TYPE_NAME (widget), bounds.origin.y,
                    bounds.origin.y + bounds.size.height, gtk_widget_get_height (scroller));
  return bounds.origin.y >= 0 &&
         bounds.origin.y + bounds.size.height <= gtk_widget_get_height (scroller);
}

static gboolean
fully_in_view (GtkWidget *widget)
{
  return check_in_view (widget, TRUE);
}

static gboolean
in_view (Fixture  *f,
         gpointer  widget)
{
  return check_in_view (widget, FALSE);
}

static void
test_manual_proof (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *dir = NULL;
  g_autofree char *png = NULL;
  g_autofree char *proofs = NULL;
  g_autoptr(GFile) shot = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *proof_path = NULL;
  g_autoptr(GDir) listing = NULL;
  WartaOutboxJob *job;
  GdkClipboard *clipboard;
  gint64 at = 0;
  /* In the approval's own minute: no older than it, as typed. */
  gint64 posted = approved_at (f) - approved_at (f) % G_TIME_SPAN_MINUTE;
  g_autofree char *typed = local_text (f, posted);
  g_autofree char *published = NULL;

  /* Only the website, and by hand. */
  {
    g_autofree char *name = g_strdup_printf ("account-%" G_GINT64_FORMAT, f->mastodon_id);

    gtk_check_button_set_active (GTK_CHECK_BUTTON (_warta_publish_view_get_widget (f->view, 0, name)),
                                 FALSE);
  }
  /* A window as short as on a laptop's screen (768 pixels, less the top
   * bar and the header), where the form opens below the fold. */
  gtk_window_set_default_size (GTK_WINDOW (f->window), 720, 600);
  wait_until (f, window_height_is, GINT_TO_POINTER (600), "the window to be 600 pixels high");
  warta_test_gui_wait_for_layout (f->window);
  click (_warta_publish_view_get_widget (f->view, 0, "upload-manual"));
  g_assert_null (job_for (f, f->mastodon_id));
  job = job_for (f, f->wordpress_id);
  g_assert_nonnull (job);
  g_assert_cmpuint (warta_outbox_job_get_state (job), ==, WARTA_OUTBOX_STATE_PAUSED);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (job_widget (f, f->wordpress_id,
                                                                          "manual-revealer"))));

  /* Once open, the whole form is in view, Record Proof included, and the
   * address field has the focus. */
  wait_until (f, form_revealed, job_widget (f, f->wordpress_id, "manual-revealer"), "the form");
  /* Scrolled to after the frame that shows it whole. */
  wait_until (f, in_view, job_widget (f, f->wordpress_id, "manual-record"), "the form in view");
  g_assert_true (fully_in_view (job_widget (f, f->wordpress_id, "manual-record")));
  g_assert_true (gtk_widget_has_focus (job_widget (f, f->wordpress_id, "manual-url")) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)),
                                         job_widget (f, f->wordpress_id, "manual-url")));

  screenshot (f, f->window, "publish-manual.png");

  /* The approved title is one click away. */
  click (job_widget (f, f->wordpress_id, "copy-0"));
  clipboard = gtk_widget_get_clipboard (GTK_WIDGET (f->view));
  {
    GValue value = G_VALUE_INIT;

    g_value_init (&value, G_TYPE_STRING);
    g_assert_true (gdk_content_provider_get_value (gdk_clipboard_get_content (clipboard), &value, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (g_value_get_string (&value), ==, "Rakor pengawasan dana desa");
    g_value_unset (&value);
  }

  /* Record Proof on the empty form says what is missing, and records
   * nothing: first the address, then the screenshot. */
  click (job_widget (f, f->wordpress_id, "manual-record"));
  wait_until (f, message_shown, (gpointer) "Proof Not Recorded", "the missing address");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (_warta_publish_view_get_dialog (f->view)),
                            "public address"));
  answer (_warta_publish_view_get_dialog (f->view), "close");
  gtk_editable_set_text (GTK_EDITABLE (job_widget (f, f->wordpress_id, "manual-url")),
                         "  https://example.org/2026/03/rakor  ");
  click (job_widget (f, f->wordpress_id, "manual-record"));
  wait_until (f, message_shown, (gpointer) "Proof Not Recorded", "the missing screenshot");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (_warta_publish_view_get_dialog (f->view)),
                            "Choose a screenshot"));
  answer (_warta_publish_view_get_dialog (f->view), "close");
  /* What the admin wrote stays in the form. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (job_widget (f, f->wordpress_id,
                                                                    "manual-url"))),
                   ==, "  https://example.org/2026/03/rakor  ");
  g_assert_cmpuint (warta_outbox_job_get_state (job_for (f, f->wordpress_id)), ==,
                    WARTA_OUTBOX_STATE_PAUSED);

  /* Proof through the widgets. */
  dir = g_dir_make_tmp ("warta-proof-XXXXXX", &error);
  g_assert_no_error (error);
  png = warta_test_publish_write_png (dir, "bukti.png", 4096);
  shot = g_file_new_for_path (png);
  _warta_publish_view_set_screenshot (f->view, warta_outbox_job_get_id (job), shot);
  url = g_strdup_printf ("%s/2026/03/rakor-pengawasan", warta_test_server_get_url (f->wordpress));
  gtk_editable_set_text (GTK_EDITABLE (job_widget (f, f->wordpress_id, "manual-url")), url);
  gtk_editable_set_text (GTK_EDITABLE (job_widget (f, f->wordpress_id, "manual-time")), typed);
  click (job_widget (f, f->wordpress_id, "manual-record"));

  wait_job (f, f->wordpress_id, WARTA_OUTBOX_STATE_MANUAL);
  job = job_for (f, f->wordpress_id);
  g_assert_cmpstr (warta_outbox_job_get_remote_url (job), ==, url);
  g_assert_true (gtk_widget_get_visible (job_widget (f, f->wordpress_id, "link")));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (job_widget (f, f->wordpress_id, "address"))),
                   ==, url);
  {
    g_autofree char *when = readable_time (f, posted);

    published = g_strdup_printf ("Published by hand on %s", when);
  }
  g_assert_true (g_str_has_prefix (gtk_label_get_label (GTK_LABEL (job_widget (f, f->wordpress_id,
                                                                               "state"))),
                                   published));
  g_assert_cmpuint (publication_state (f), ==, WARTA_STATE_PUBLISHED);
  g_assert_cmpuint (warta_test_server_get_post_count (f->wordpress), ==, 0);

  g_assert_true (warta_outbox_repository_get_manual_proof (f->t->outbox, warta_outbox_job_get_id (job),
                                                           NULL, &at, &proof_path, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (proof_path);
  g_assert_cmpint (at, ==, posted);
  proofs = warta_outbox_get_proofs_dir (warta_context_get_outbox (f->context));
  listing = g_dir_open (proofs, 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (g_dir_read_name (listing));

  g_unlink (png);
  g_rmdir (dir);
}

/* The approved photo of the fixture's publication, where it is. */
static char *
approved_photo_path (Fixture *f)
{
  g_autoptr(WartaRevision) revision = NULL;
  g_autoptr(WartaMediaItem) photo = NULL;
  g_autoptr(GError) error = NULL;

  revision = warta_publication_repository_get_revision (f->t->publications,
                                                        warta_publication_get_approved_revision_id (f->publication),
                                                        &error);
  g_assert_no_error (error);
  photo = g_list_model_get_item (warta_revision_get_media (revision), 0);
  return g_build_filename (f->t->dir, warta_media_item_get_path (photo), NULL);
}

static gboolean
file_exists (Fixture  *f,
             gpointer  path)
{
  return g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

/* Save Renditions… into @path, until the view says why not. */
static const char *
save_refused (Fixture    *f,
              gint64      job_id,
              const char *path)
{
  g_autoptr(GFile) folder = g_file_new_for_path (path);

  _warta_publish_view_save_renditions (f->view, job_id, folder);
  wait_until (f, message_shown, (gpointer) "Renditions Not Saved", "the renditions refused");
  warta_test_gui_assert_mnemonics_unique (GTK_WIDGET (_warta_publish_view_get_dialog (f->view)));
  return adw_message_dialog_get_body (_warta_publish_view_get_dialog (f->view));
}

/* Save Renditions… when the approved photo was moved after approval:
 * which file, where it was, put it back there, in the file check's words
 * (not GIO's); into a file, or a folder gone meanwhile: which, and to
 * choose another. Nothing half saved; saved once the photo is back. */
static void
test_manual_save_renditions (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = approved_photo_path (f);
  g_autofree char *kept = g_strconcat (path, ".moved", NULL);
  g_autofree char *dir = g_dir_make_tmp ("warta-save-XXXXXX", &error);
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *expected = NULL;
  g_autofree char *not_folder = g_build_filename (dir, "bukan-folder.txt", NULL);
  g_autofree char *gone = g_build_filename (dir, "sudah-dihapus", NULL);
  g_autofree char *saved = g_build_filename (dir, "mastodon-01.jpg", NULL);
  g_autoptr(GDir) listing = NULL;
  gint64 id;

  g_assert_no_error (error);
  click (_warta_publish_view_get_widget (f->view, 0, "upload-manual"));
  id = warta_outbox_job_get_id (job_for (f, f->mastodon_id));

  g_assert_cmpint (g_rename (path, kept), ==, 0);
  expected = g_strdup_printf ("“%s” is no longer in the folder “%s”. Put it back there under the "
                              "same name: the approved content cannot change now.",
                              name, folder);
  g_assert_cmpstr (save_refused (f, id, dir), ==, expected);
  answer (_warta_publish_view_get_dialog (f->view), "close");
  listing = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  g_assert_null (g_dir_read_name (listing));
  g_assert_cmpint (g_rename (kept, path), ==, 0);

  g_assert_true (g_file_set_contents (not_folder, "x", -1, &error));
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("The files cannot be saved in “%s”: it is not a folder Warta may "
                              "write to. Choose another folder, for example Downloads.",
                              not_folder);
  g_assert_cmpstr (save_refused (f, id, not_folder), ==, expected);
  answer (_warta_publish_view_get_dialog (f->view), "close");
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("The files cannot be saved in “%s”: it is not a folder Warta may "
                              "write to. Choose another folder, for example Downloads.",
                              gone);
  g_assert_cmpstr (save_refused (f, id, gone), ==, expected);
  answer (_warta_publish_view_get_dialog (f->view), "close");

  /* The photo back: saved. */
  {
    g_autoptr(GFile) into = g_file_new_for_path (dir);

    _warta_publish_view_save_renditions (f->view, id, into);
  }
  wait_until (f, file_exists, saved, "the rendition saved");
  g_assert_null (_warta_publish_view_get_dialog (f->view));

  g_unlink (saved);
  g_unlink (not_folder);
  g_rmdir (dir);
}

/* Whether @account_id's row in @view offers nothing that would send it:
 * being uploaded by hand, by whom and since when, it must not be posted a
 * second time from here. Its form is open; its way back is asked first. */
static void
assert_view_sends_nothing (Fixture          *f,
                           WartaPublishView *view,
                           gint64            account_id)
{
  const char *const senders[] = { "retry", "sign-in", "resume", "pause", "publish-now",
                                  "reschedule", "post-again", "progress", "error", "cancel" };
  GListModel *jobs = _warta_publish_view_get_jobs (view);
  g_autoptr(WartaOutboxJob) job = NULL;
  g_autofree char *since = NULL;
  g_autofree char *says = NULL;
  GtkWidget *state;
  gint64 id = 0;

  for (guint i = 0; jobs && i < g_list_model_get_n_items (jobs); i++)
    {
      g_autoptr(WartaOutboxJob) item = g_list_model_get_item (jobs, i);

      if (warta_outbox_job_get_account_id (item) == account_id)
        g_set_object (&job, item);
    }
  g_assert_nonnull (job);
  id = warta_outbox_job_get_id (job);
  for (guint i = 0; i < G_N_ELEMENTS (senders); i++)
    {
      g_test_message ("%s", senders[i]);
      g_assert_false (gtk_widget_get_visible (_warta_publish_view_get_widget (view, id, senders[i])));
    }
  state = _warta_publish_view_get_widget (view, id, "state");
  since = readable_time (f, warta_outbox_job_get_by_hand_since (job));
  says = g_strdup_printf ("Being uploaded by hand by %s since %s: Warta sends nothing",
                          warta_user_get_display_name (f->t->admin), since);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (state)), ==, says);
  g_assert_false (gtk_widget_has_css_class (state, "error"));
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (_warta_publish_view_get_widget (view, id,
                                                                                              "manual-revealer"))));
  g_assert_true (gtk_widget_get_visible (_warta_publish_view_get_widget (view, id, "manual-record")));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (_warta_publish_view_get_widget (view, id, "manual"))),
                   ==, "Send with _Warta Instead…");
}

static void
assert_sends_nothing (Fixture *f,
                      gint64   account_id)
{
  assert_view_sends_nothing (f, f->view, account_id);
}

/* Send with Warta Instead… on @account_id's row, asked and confirmed. */
static void
send_with_warta (Fixture *f,
                 gint64   account_id)
{
  AdwMessageDialog *dialog;

  click (job_widget (f, account_id, "manual"));
  dialog = _warta_publish_view_get_dialog (f->view);
  g_assert_nonnull (dialog);
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (dialog), "Look at the profile of "));
  g_assert_true (adw_message_dialog_has_response (dialog, "keep"));
  answer (dialog, "send");
  iterate ();
}

/* A stopped target switched to manual, and targets written for the
 * manual path: while its form is open a row neither offers Try Again,
 * Sign In Again nor Resume (which would post it while the admin uploads
 * it by hand) nor says it failed or is paused; hidden again, it does. */
static void
test_by_hand_sends_nothing (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(WartaPublication) second = NULL;

  warta_test_server_revoke_credentials (f->mastodon);
  warta_test_server_add_fault (f->wordpress, "POST", "/wp-json/wp/v2/media", 1,
                               WARTA_TEST_FAULT_STATUS, 400);
  click (_warta_publish_view_get_widget (f->view, 0, "publish-now"));
  wait_job (f, f->mastodon_id, WARTA_OUTBOX_STATE_FAILED);
  wait_job (f, f->wordpress_id, WARTA_OUTBOX_STATE_FAILED);
  g_assert_true (gtk_widget_get_visible (job_widget (f, f->wordpress_id, "retry")));
  g_assert_true (gtk_widget_get_visible (job_widget (f, f->mastodon_id, "sign-in")));

  click (job_widget (f, f->wordpress_id, "manual"));
  click (job_widget (f, f->mastodon_id, "manual"));
  assert_sends_nothing (f, f->wordpress_id);
  assert_sends_nothing (f, f->mastodon_id);
  screenshot (f, f->window, "publish-by-hand-stopped.png");

  g_assert_cmpint (warta_event_log_count (f->t->db, "by-hand-started", NULL), ==, 2);

  /* Sent with Warta after all (asked first): the way to send it is back,
   * and the history says who gave it back, and for which account. */
  send_with_warta (f, f->wordpress_id);
  {
    g_autoptr(GListModel) events = NULL;
    g_autoptr(WartaEvent) last = NULL;
    g_autoptr(GError) error = NULL;

    events = warta_event_log_list (f->t->db, warta_publication_get_id (f->publication), &error);
    g_assert_no_error (error);
    last = g_list_model_get_item (events, g_list_model_get_n_items (events) - 1);
    g_assert_cmpstr (warta_event_get_kind (last), ==, "by-hand-given-back");
    g_assert_cmpint (warta_event_get_actor_id (last), ==, warta_user_get_id (f->t->admin));
    g_assert_cmpstr (warta_event_get_note (last), ==,
                     warta_outbox_job_get_account_name (job_for (f, f->wordpress_id)));
  }
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (job_widget (f, f->wordpress_id,
                                                                           "manual-revealer"))));
  g_assert_true (gtk_widget_get_visible (job_widget (f, f->wordpress_id, "retry")));
  g_assert_true (gtk_widget_get_visible (job_widget (f, f->wordpress_id, "error")));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (job_widget (f, f->wordpress_id, "state"))), ==,
                   "Not published");

  /* Upload Manually: nothing but the proof is asked for, on both. */
  second = warta_test_publish_make_approved (f->t, "Sosialisasi pencegahan korupsi", 1);
  warta_publish_view_set_publication (f->view, second);
  wait_files_checked (f->view);
  iterate ();
  click (_warta_publish_view_get_widget (f->view, 0, "upload-manual"));
  wait_job (f, f->mastodon_id, WARTA_OUTBOX_STATE_PAUSED);
  wait_job (f, f->wordpress_id, WARTA_OUTBOX_STATE_PAUSED);
  assert_sends_nothing (f, f->mastodon_id);
  assert_sends_nothing (f, f->wordpress_id);
  /* Not the rows' "Being uploaded by hand" again: what is left to do. */
  g_assert_cmpstr (summary (f), ==, "Upload the approved content by hand, then record each post’s "
                                    "address, time and a screenshot below.");
  screenshot (f, f->window, "publish-by-hand.png");

  /* Kept by hand when the question is closed; sent with Warta when
   * confirmed: it goes on, and stops for its revoked sign-in. */
  click (job_widget (f, f->mastodon_id, "manual"));
  answer (_warta_publish_view_get_dialog (f->view), "keep");
  iterate ();
  assert_sends_nothing (f, f->mastodon_id);
  send_with_warta (f, f->mastodon_id);
  wait_job (f, f->mastodon_id, WARTA_OUTBOX_STATE_FAILED);
  g_assert_true (gtk_widget_get_visible (job_widget (f, f->mastodon_id, "sign-in")));
  assert_sends_nothing (f, f->wordpress_id);
  wait_ms (300);
  g_assert_cmpuint (warta_test_server_get_post_count (f->mastodon), ==, 0);
  g_assert_cmpuint (warta_test_server_get_post_count (f->wordpress), ==, 0);
}

/* A publish view of @publication on @context, in a window of its own. */
static WartaPublishView *
open_view (WartaContext     *context,
           WartaPublication *publication,
           GtkWidget       **out_window)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *overlay = adw_toast_overlay_new ();
  WartaPublishView *view = WARTA_PUBLISH_VIEW (warta_publish_view_new ());

  gtk_window_set_default_size (GTK_WINDOW (window), 720, 900);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (view));
  gtk_window_set_child (GTK_WINDOW (window), overlay);
  warta_publish_view_set_context (view, context);
  warta_publish_view_set_publication (view, publication);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();
  wait_files_checked (view);
  *out_window = window;
  return view;
}

/* A colleague's Warta on the same file, the admin signed in. */
static WartaContext *
colleague_context (Fixture *f)
{
  g_autoptr(WartaDatabase) db = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(GError) error = NULL;
  WartaContext *other;

  db = warta_database_open (f->t->path, WARTA_JOURNAL_MODE_AUTOMATIC,
                            WARTA_DATABASE_FLAGS_NO_CREATE, &error);
  g_assert_no_error (error);
  other = warta_context_new (db, settings);
  warta_context_set_current_user (other, f->t->admin);
  return other;
}

typedef struct
{
  WartaPublishView *view;
  gint64            account_id;
  gboolean          by_hand;
} RowWait;

/* Whether @data's view shows its target being uploaded by hand, or not. */
static gboolean
row_by_hand (Fixture  *f,
             gpointer  data)
{
  RowWait *w = data;
  GListModel *jobs = _warta_publish_view_get_jobs (w->view);

  for (guint i = 0; jobs && i < g_list_model_get_n_items (jobs); i++)
    {
      g_autoptr(WartaOutboxJob) job = g_list_model_get_item (jobs, i);
      GtkWidget *revealer;

      if (warta_outbox_job_get_account_id (job) != w->account_id)
        continue;
      revealer = _warta_publish_view_get_widget (w->view, warta_outbox_job_get_id (job),
                                                 "manual-revealer");
      return warta_outbox_job_is_by_hand (job) == w->by_hand &&
             gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)) == w->by_hand;
    }
  return FALSE;
}

/* Switched to manual in one window, a target is being uploaded by hand
 * in the database: another Warta on the same file (a colleague's
 * workstation, its outbox not running) follows, and the window closed and
 * opened again shows it too: who and since when, with the form and
 * without anything that sends it; neither outbox sends it. Given back to
 * Warta on the colleague's workstation, it goes out once from here. */
static void
test_by_hand_reopened (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(WartaContext) other = colleague_context (f);
  g_autoptr(GError) error = NULL;
  WartaPublishView *colleague;
  GtkWidget *colleague_window;
  RowWait wait;

  _warta_account_store_use_memory_secrets (warta_context_get_account_store (other));
  _warta_account_store_set_memory_secret (warta_context_get_account_store (other), "key-mastodon",
                                          WARTA_TEST_MASTODON_TOKEN);
  warta_outbox_set_tick_interval (warta_context_get_outbox (other), 20);

  /* Publishing to Mastodon, slowly; switched to manual on its way. */
  {
    g_autofree char *name = g_strdup_printf ("account-%" G_GINT64_FORMAT, f->wordpress_id);

    gtk_check_button_set_active (GTK_CHECK_BUTTON (_warta_publish_view_get_widget (f->view, 0, name)),
                                 FALSE);
  }
  warta_test_server_add_fault (f->mastodon, "POST", "/api/v2/media", 1,
                               WARTA_TEST_FAULT_DELAY, 2000);
  click (_warta_publish_view_get_widget (f->view, 0, "publish-now"));
  wait_job (f, f->mastodon_id, WARTA_OUTBOX_STATE_RUNNING);
  {
    g_autoptr(WartaPublication) publishing = NULL;

    publishing = warta_publication_repository_get (warta_context_get_publications (other),
                                                   warta_publication_get_id (f->publication), &error);
    g_assert_no_error (error);
    colleague = open_view (other, publishing, &colleague_window);
  }
  click (job_widget (f, f->mastodon_id, "manual"));
  wait_job (f, f->mastodon_id, WARTA_OUTBOX_STATE_PAUSED);
  assert_sends_nothing (f, f->mastodon_id);

  /* There, by itself. */
  wait.view = colleague;
  wait.account_id = f->mastodon_id;
  wait.by_hand = TRUE;
  wait_until (f, row_by_hand, &wait, "the colleague's row uploaded by hand");
  assert_view_sends_nothing (f, colleague, f->mastodon_id);

  /* Here, the window closed and opened again. */
  gtk_window_destroy (GTK_WINDOW (f->window));
  iterate ();
  {
    g_autoptr(WartaPublication) publishing = NULL;

    publishing = warta_publication_repository_get (warta_context_get_publications (f->context),
                                                   warta_publication_get_id (f->publication), &error);
    g_assert_no_error (error);
    f->view = open_view (f->context, publishing, &f->window);
  }
  assert_sends_nothing (f, f->mastodon_id);
  g_assert_cmpuint (warta_outbox_job_get_state (job_for (f, f->mastodon_id)), ==,
                    WARTA_OUTBOX_STATE_PAUSED);

  /* Neither outbox sends it. */
  warta_outbox_start (warta_context_get_outbox (other));
  wait_ms (500);
  g_assert_cmpuint (warta_test_server_get_post_count (f->mastodon), ==, 0);
  warta_outbox_stop (warta_context_get_outbox (other));

  /* Given back to Warta there, asked first: it goes out once from here. */
  {
    GListModel *jobs = _warta_publish_view_get_jobs (colleague);
    g_autoptr(WartaOutboxJob) theirs = g_list_model_get_item (jobs, 0);
    AdwMessageDialog *dialog;

    click (_warta_publish_view_get_widget (colleague, warta_outbox_job_get_id (theirs), "manual"));
    dialog = _warta_publish_view_get_dialog (colleague);
    g_assert_nonnull (dialog);
    answer (dialog, "send");
  }
  wait.view = f->view;
  wait.by_hand = FALSE;
  wait_until (f, row_by_hand, &wait, "the row given back to Warta");
  wait_job (f, f->mastodon_id, WARTA_OUTBOX_STATE_DONE);
  wait_ms (300);
  g_assert_cmpuint (warta_test_server_get_post_count (f->mastodon), ==, 1);

  gtk_window_destroy (GTK_WINDOW (colleague_window));
  iterate ();
}

/* The proof form of @account_id's target, filled in: @url, @time and a
 * small PNG (its path in @png, to remove). */
static void
fill_proof (Fixture     *f,
            gint64       account_id,
            const char  *url,
            const char  *time,
            char       **png)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("warta-proof-XXXXXX", &error);
  g_autoptr(GFile) shot = NULL;

  g_assert_no_error (error);
  *png = warta_test_publish_write_png (dir, "bukti.png", 4096);
  shot = g_file_new_for_path (*png);
  _warta_publish_view_set_screenshot (f->view, warta_outbox_job_get_id (job_for (f, account_id)),
                                      shot);
  gtk_editable_set_text (GTK_EDITABLE (job_widget (f, account_id, "manual-url")), url);
  gtk_editable_set_text (GTK_EDITABLE (job_widget (f, account_id, "manual-time")), time);
}

static void
remove_png (char *png)
{
  g_autofree char *dir = g_path_get_dirname (png);

  g_unlink (png);
  g_rmdir (dir);
}

/* How many proofs the database holds for @account_id's target. */
static guint
count_proofs (Fixture *f,
              gint64   account_id)
{
  sqlite3_stmt *stmt;
  guint n;

  g_assert_cmpint (sqlite3_prepare_v2 (_warta_database_get_handle (f->t->db),
                                       "SELECT COUNT(*) FROM manual_proofs WHERE job_id = ?", -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, warta_outbox_job_get_id (job_for (f, account_id)));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

/* Record Proof pressed twice at once (a double click): one proof, no
 * message that it is already published; the button waits for the answer,
 * and takes a second try after a refusal. */
static void
test_manual_record_twice (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *now = post_time (f);
  g_autofree char *png = NULL;
  g_autofree char *url = g_strdup_printf ("%s/2026/03/rakor", warta_test_server_get_url (f->wordpress));
  GtkWidget *record;

  click (_warta_publish_view_get_widget (f->view, 0, "upload-manual"));
  record = job_widget (f, f->wordpress_id, "manual-record");

  /* Refused (no screenshot): the button is there again for the next try. */
  gtk_editable_set_text (GTK_EDITABLE (job_widget (f, f->wordpress_id, "manual-url")), url);
  g_signal_emit_by_name (record, "clicked");
  g_assert_false (gtk_widget_is_sensitive (record));
  wait_until (f, message_shown, (gpointer) "Proof Not Recorded", "the missing screenshot");
  answer (_warta_publish_view_get_dialog (f->view), "close");
  g_assert_true (gtk_widget_is_sensitive (record));

  fill_proof (f, f->wordpress_id, url, now, &png);
  g_signal_emit_by_name (record, "clicked");
  g_assert_false (gtk_widget_is_sensitive (record));
  g_signal_emit_by_name (record, "clicked");
  wait_job (f, f->wordpress_id, WARTA_OUTBOX_STATE_MANUAL);
  wait_until (f, outbox_idle, NULL, "the outbox to settle");
  g_assert_null (_warta_publish_view_get_dialog (f->view));
  g_assert_cmpuint (count_proofs (f, f->wordpress_id), ==, 1);
  remove_png (png);
}

/* Record Proof with @what in the form: refused, saying @says (a part of
 * the message), the form kept as written, nothing recorded. */
static void
assert_proof_refused (Fixture    *f,
                      const char *what,
                      const char *says)
{
  GtkWidget *url = job_widget (f, f->wordpress_id, "manual-url");
  g_autofree char *written = g_strdup (gtk_editable_get_text (GTK_EDITABLE (url)));
  AdwMessageDialog *dialog;

  g_test_message ("%s", what);
  click (job_widget (f, f->wordpress_id, "manual-record"));
  wait_until (f, message_shown, (gpointer) "Proof Not Recorded", what);
  dialog = _warta_publish_view_get_dialog (f->view);
  warta_test_gui_assert_mnemonics_unique (GTK_WIDGET (dialog));
  if (strstr (adw_message_dialog_get_body (dialog), says) == NULL)
    g_error ("%s: “%s” does not say “%s”", what, adw_message_dialog_get_body (dialog), says);
  answer (dialog, "close");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (url)), ==, written);
  g_assert_cmpuint (warta_outbox_job_get_state (job_for (f, f->wordpress_id)), ==,
                    WARTA_OUTBOX_STATE_PAUSED);
  g_assert_cmpuint (count_proofs (f, f->wordpress_id), ==, 0);
  g_assert_true (gtk_widget_is_sensitive (job_widget (f, f->wordpress_id, "manual-record")));
}

/* The proof as an admin might get it wrong: an address that is none, not
 * the web's, with spaces, or absurdly long; a time still to come; a
 * screenshot that is no image, empty, or gone since it was chosen. Each
 * refused with what to do, nothing recorded. A screenshot with a huge
 * header is kept as it is (Warta never decodes it). */
static void
test_manual_proof_refused (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *posted = post_time (f);
  g_autofree char *before = NULL;
  g_autofree char *png = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *text_file = NULL;
  g_autofree char *empty_file = NULL;
  g_autofree char *huge = NULL;
  g_autofree char *gone = NULL;
  g_autofree char *url = g_strdup_printf ("%s/2026/03/rakor", warta_test_server_get_url (f->wordpress));
  g_autofree char *later = NULL;
  g_autoptr(GString) long_url = g_string_new ("https://example.org/");
  g_autoptr(GError) error = NULL;
  GtkEditable *address, *time;
  gint64 id;

  {
    g_autofree char *name = g_strdup_printf ("account-%" G_GINT64_FORMAT, f->mastodon_id);

    gtk_check_button_set_active (GTK_CHECK_BUTTON (_warta_publish_view_get_widget (f->view, 0, name)),
                                 FALSE);
  }
  click (_warta_publish_view_get_widget (f->view, 0, "upload-manual"));
  id = warta_outbox_job_get_id (job_for (f, f->wordpress_id));
  fill_proof (f, f->wordpress_id, url, posted, &png);
  dir = g_path_get_dirname (png);
  address = GTK_EDITABLE (job_widget (f, f->wordpress_id, "manual-url"));
  time = GTK_EDITABLE (job_widget (f, f->wordpress_id, "manual-time"));

  gtk_editable_set_text (address, "");
  assert_proof_refused (f, "no address", "Enter the post’s public address, starting with https://.");
  gtk_editable_set_text (address, "ftp://example.org/rakor");
  assert_proof_refused (f, "not the web's", "Enter the post’s public address, starting with https://.");
  gtk_editable_set_text (address, "instagram.com/p/abc");
  assert_proof_refused (f, "no https://", "Enter the post’s public address, starting with https://.");
  gtk_editable_set_text (address, "https://example.org/rakor lihat di sini");
  assert_proof_refused (f, "spaces", "Enter the post’s public address, starting with https://.");
  for (guint i = 0; i < 10000; i++)
    g_string_append (long_url, "abcdefghij");
  gtk_editable_set_text (address, long_url->str);
  assert_proof_refused (f, "a long address", "Copy it again from the browser’s address bar.");
  gtk_editable_set_text (address, url);

  {
    WartaClock *clock = warta_context_get_clock (f->context);
    g_autoptr(GDateTime) now = warta_clock_now_local (clock);
    g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);

    later = g_date_time_format (tomorrow, "%Y-%m-%d %H:%M");
  }
  gtk_editable_set_text (time, later);
  assert_proof_refused (f, "tomorrow", "is later than now");
  /* A minute before the approval's: the approved content was not there
   * to post yet. */
  {
    gint64 approved = approved_at (f);
    g_autofree char *when = readable_time (f, approved);
    g_autofree char *says = g_strdup_printf ("The post cannot be older than the approval (%s). "
                                             "Check the time shown on the post.", when);

    before = local_text (f, approved - approved % G_TIME_SPAN_MINUTE - G_TIME_SPAN_MINUTE);
    gtk_editable_set_text (time, before);
    assert_proof_refused (f, "before the approval", says);
    g_assert_cmpstr (gtk_editable_get_text (time), ==, before);
  }
  gtk_editable_set_text (time, posted);

  text_file = g_build_filename (dir, "bukti-teks.png", NULL);
  g_assert_true (g_file_set_contents (text_file, "Ini bukan gambar.\n", -1, &error));
  {
    g_autoptr(GFile) file = g_file_new_for_path (text_file);

    _warta_publish_view_set_screenshot (f->view, id, file);
  }
  assert_proof_refused (f, "not an image", "“bukti-teks.png” is not an image.");
  empty_file = g_build_filename (dir, "kosong.png", NULL);
  g_assert_true (g_file_set_contents (empty_file, "", 0, &error));
  {
    g_autoptr(GFile) file = g_file_new_for_path (empty_file);

    _warta_publish_view_set_screenshot (f->view, id, file);
  }
  assert_proof_refused (f, "empty", "“kosong.png” is not an image.");
  gone = warta_test_publish_write_png (dir, "terhapus.png", 4096);
  {
    g_autoptr(GFile) file = g_file_new_for_path (gone);
    g_autofree char *says = g_strdup_printf ("“terhapus.png” is no longer in the folder “%s”.", dir);

    _warta_publish_view_set_screenshot (f->view, id, file);
    g_unlink (gone);
    assert_proof_refused (f, "deleted", says);
  }

  /* 20000×20000 by its header: kept as it is. */
  huge = warta_test_publish_write_png (dir, "besar.png", 4096);
  {
    g_autofree char *contents = NULL;
    gsize length = 0;
    g_autoptr(GFile) file = g_file_new_for_path (huge);

    g_assert_true (g_file_get_contents (huge, &contents, &length, &error));
    /* IHDR's width and height, big-endian, after the signature and the
     * chunk's length and type. */
    contents[16] = 0; contents[17] = 0; contents[18] = 0x4e; contents[19] = 0x20;
    contents[20] = 0; contents[21] = 0; contents[22] = 0x4e; contents[23] = 0x20;
    g_assert_true (g_file_set_contents (huge, contents, length, &error));
    _warta_publish_view_set_screenshot (f->view, id, file);
  }
  click (job_widget (f, f->wordpress_id, "manual-record"));
  wait_job (f, f->wordpress_id, WARTA_OUTBOX_STATE_MANUAL);
  g_assert_null (_warta_publish_view_get_dialog (f->view));
  g_assert_cmpuint (count_proofs (f, f->wordpress_id), ==, 1);

  g_unlink (text_file);
  g_unlink (empty_file);
  g_unlink (huge);
  remove_png (png);
}

static void
recorded_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (warta_outbox_record_manual_finish (WARTA_OUTBOX (object), result, &error));
  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

static gboolean
flag_set (Fixture  *f,
          gpointer  data)
{
  return *(gboolean *) data;
}

/* Another workstation recorded the same target's proof meanwhile: Record
 * Proof here says so and shows theirs; theirs stays the one kept. */
static void
test_manual_recorded_elsewhere (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *now = post_time (f);
  g_autoptr(WartaContext) other = colleague_context (f);
  g_autofree char *png = NULL;
  g_autofree char *theirs = g_strdup_printf ("%s/2026/03/punya-rekan",
                                             warta_test_server_get_url (f->wordpress));
  g_autofree char *mine = g_strdup_printf ("%s/2026/03/punya-saya",
                                           warta_test_server_get_url (f->wordpress));
  g_autoptr(GFile) shot = NULL;
  WartaOutboxJob *job;
  gboolean done = FALSE;
  AdwMessageDialog *dialog;

  click (_warta_publish_view_get_widget (f->view, 0, "upload-manual"));
  job = job_for (f, f->wordpress_id);
  fill_proof (f, f->wordpress_id, mine, now, &png);
  shot = g_file_new_for_path (png);
  warta_outbox_record_manual_async (warta_context_get_outbox (other), f->t->admin,
                                    warta_outbox_job_get_id (job), theirs, G_GINT64_CONSTANT (1773455400) * G_USEC_PER_SEC,
                                    shot, NULL, recorded_cb, &done);
  wait_until (f, flag_set, &done, "the colleague's proof");

  click (job_widget (f, f->wordpress_id, "manual-record"));
  wait_until (f, message_shown, (gpointer) "Proof Not Recorded", "the refusal");
  dialog = _warta_publish_view_get_dialog (f->view);
  warta_test_gui_assert_mnemonics_unique (GTK_WIDGET (dialog));
  g_test_message ("%s", adw_message_dialog_get_body (dialog));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "already"));
  /* Theirs shown at once, under the message. */
  g_assert_cmpuint (warta_outbox_job_get_state (job_for (f, f->wordpress_id)), ==,
                    WARTA_OUTBOX_STATE_MANUAL);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (job_widget (f, f->wordpress_id, "address"))),
                   ==, theirs);
  answer (dialog, "close");
  g_assert_cmpuint (count_proofs (f, f->wordpress_id), ==, 1);
  g_assert_cmpstr (warta_outbox_job_get_remote_url (job_for (f, f->wordpress_id)), ==, theirs);
  remove_png (png);
}

/* The hand-publishing form in GNOME's narrowest window: whether a
 * screenshot is chosen, and which, is read whole, as is every label of
 * the form, in English and Indonesian. */
static void
test_manual_narrow (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *dir = NULL;
  g_autofree char *png = NULL;
  g_autofree char *shot_name = NULL;
  g_autoptr(GFile) shot = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *revealer;

  gtk_check_button_set_active (GTK_CHECK_BUTTON (account_check (f, f->mastodon_id)), FALSE);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 800);
  click (_warta_publish_view_get_widget (f->view, 0, "upload-manual"));
  revealer = job_widget (f, f->wordpress_id, "manual-revealer");
  wait_until (f, form_revealed, revealer, "the form");
  warta_test_gui_wait_for_layout (GTK_WIDGET (f->view));
  warta_test_gui_assert_fits_width (GTK_WIDGET (f->view), 360);
  warta_test_gui_assert_not_ellipsized (revealer);

  /* A phone's screenshot, named as phones name them. */
  dir = g_dir_make_tmp ("warta-proof-XXXXXX", &error);
  g_assert_no_error (error);
  png = warta_test_publish_write_png (dir, "Screenshot_20260314-093012_Chrome.png", 4096);
  shot = g_file_new_for_path (png);
  _warta_publish_view_set_screenshot (f->view, warta_outbox_job_get_id (job_for (f, f->wordpress_id)),
                                      shot);
  warta_test_gui_wait_for_layout (GTK_WIDGET (f->view));
  warta_test_gui_assert_fits_width (GTK_WIDGET (f->view), 360);
  warta_test_gui_assert_not_ellipsized (revealer);
  shot_name = g_strdup_printf ("publish-manual-narrow-%s.png", g_getenv ("LANGUAGE") ?: "en");
  screenshot (f, f->window, shot_name);
  g_unlink (png);
  g_rmdir (dir);
}

static gboolean
accounts_dialog_titled (Fixture  *f,
                        gpointer  heading)
{
  AdwMessageDialog *dialog = _warta_accounts_get_dialog ();

  return dialog && g_strcmp0 (adw_message_dialog_get_heading (dialog), heading) == 0;
}

/* Fills in and sends the Accounts page's form for the loopback website. */
static void
add_wordpress (Fixture           *f,
               WartaAccountsPage *page,
               const char        *password)
{
  GtkWidget *row;

  gtk_widget_activate_action (GTK_WIDGET (page), "accounts.add", "s", "wordpress");
  wait_until (f, accounts_dialog_titled, (gpointer) "Add Website (WordPress)", "the add dialog");
  row = gtk_widget_get_first_child (adw_message_dialog_get_extra_child (_warta_accounts_get_dialog ()));
  gtk_editable_set_text (GTK_EDITABLE (row), warta_test_server_get_url (f->wordpress));
  row = gtk_widget_get_next_sibling (row);
  gtk_editable_set_text (GTK_EDITABLE (row), WARTA_TEST_WP_USER);
  row = gtk_widget_get_next_sibling (row);
  gtk_editable_set_text (GTK_EDITABLE (row), password);
  adw_message_dialog_response (_warta_accounts_get_dialog (), "ok");
}

/* Accounts added and removed; an open publish view follows at once. */
static void
test_accounts_page (Fixture       *f,
                    gconstpointer  data)
{
  GtkWidget *window = gtk_window_new ();
  WartaAccountsPage *page = WARTA_ACCOUNTS_PAGE (warta_accounts_page_new ());
  WartaAccountStore *store = warta_context_get_account_store (f->context);
  GListModel *accounts;
  g_autoptr(WartaAccount) added = NULL;
  AdwMessageDialog *dialog;
  guint n_before;

  gtk_window_set_default_size (GTK_WINDOW (window), 800, 1000);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  warta_accounts_page_set_context (page, f->context);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();
  screenshot (f, window, "accounts.png");

  accounts = warta_account_store_get_accounts (store);
  n_before = g_list_model_get_n_items (accounts);
  g_assert_nonnull (_warta_accounts_page_get_widget (page, f->mastodon_id, "row"));
  /* The open publish view: Mastodon left out. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (account_check (f, f->mastodon_id)), FALSE);

  /* The fixture's website is the loopback site and user, which the form
   * would refuse to add again: it goes first. */
  click (_warta_accounts_page_get_widget (page, f->wordpress_id, "remove"));
  adw_message_dialog_response (_warta_accounts_get_dialog (), "remove");
  while (g_list_model_get_n_items (accounts) == n_before)
    g_main_context_iteration (NULL, TRUE);
  n_before--;

  /* Add a WordPress site by application password: a password the site
   * does not take is said in the form, which comes back as it was, and
   * nothing is added. */
  add_wordpress (f, page, "wxyz 1234 ABCD 5678");
  wait_until (f, accounts_dialog_titled, (gpointer) "Add Website (WordPress)", "the refusal");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (_warta_accounts_get_dialog ()), "did not accept"));
  adw_message_dialog_response (_warta_accounts_get_dialog (), "cancel");
  g_assert_cmpuint (g_list_model_get_n_items (accounts), ==, n_before);

  add_wordpress (f, page, WARTA_TEST_WP_APP_PASSWORD);
  while (g_list_model_get_n_items (accounts) == n_before)
    g_main_context_iteration (NULL, TRUE);
  iterate ();

  /* The one that is not the fixture's. */
  for (guint i = 0; added == NULL && i < g_list_model_get_n_items (accounts); i++)
    {
      g_autoptr(WartaAccount) account = g_list_model_get_item (accounts, i);
      gint64 id = warta_account_get_id (account);

      if (id != f->mastodon_id && id != f->wordpress_id && id != f->tiktok_id)
        added = g_steal_pointer (&account);
    }
  g_assert_nonnull (added);
  g_assert_cmpstr (warta_account_get_platform (added), ==, "wordpress");
  g_assert_cmpstr (warta_account_get_display_name (added), ==, "127.0.0.1");
  g_assert_cmpstr (warta_account_get_base_url (added), ==, warta_test_server_get_url (f->wordpress));
  {
    g_autofree char *user = warta_account_dup_setting (added, "user");

    g_assert_cmpstr (user, ==, WARTA_TEST_WP_USER);
  }
  g_assert_nonnull (_warta_accounts_page_get_widget (page, warta_account_get_id (added), "row"));
  /* The open publish view offers it at once, and Mastodon stays left out. */
  g_assert_nonnull (account_check (f, warta_account_get_id (added)));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (account_check (f,
                                                                              warta_account_get_id (added)))));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (account_check (f, f->mastodon_id))));

  /* Remove it: gone from the list. */
  click (_warta_accounts_page_get_widget (page, warta_account_get_id (added), "remove"));
  dialog = _warta_accounts_get_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "remove");
  while (g_list_model_get_n_items (accounts) != n_before)
    g_main_context_iteration (NULL, TRUE);
  iterate ();
  g_assert_null (_warta_accounts_page_get_widget (page, warta_account_get_id (added), "row"));
  g_assert_null (account_check (f, warta_account_get_id (added)));

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

/* -- TikTok and the per-target controls ----------------------------------------------------- */

static GtkWidget *
tiktok_widget (Fixture    *f,
               const char *part)
{
  g_autofree char *name = g_strdup_printf ("tiktok-%" G_GINT64_FORMAT "-%s", f->tiktok_id, part);

  return _warta_publish_view_get_widget (f->view, 0, name);
}

static gboolean
creator_shown (Fixture  *f,
               gpointer  data)
{
  GtkWidget *label = tiktok_widget (f, "creator");

  return label && strstr (gtk_label_get_label (GTK_LABEL (label)), data) != NULL;
}

static gboolean
problem_shown (Fixture  *f,
               gpointer  data)
{
  GtkWidget *label = tiktok_widget (f, "problem");

  return label && gtk_widget_get_visible (label);
}

static void
only_targets (Fixture      *f,
              const gint64 *ids,
              guint         n)
{
  gint64 all[] = { f->mastodon_id, f->wordpress_id, f->tiktok_id };

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    {
      g_autofree char *name = g_strdup_printf ("account-%" G_GINT64_FORMAT, all[i]);
      gboolean keep = FALSE;

      for (guint j = 0; j < n; j++)
        keep = keep || ids[j] == all[i];
      gtk_check_button_set_active (GTK_CHECK_BUTTON (_warta_publish_view_get_widget (f->view, 0, name)),
                                   keep);
    }
  iterate ();
}

static void
choose_privacy (Fixture    *f,
                const char *level)
{
  g_autofree char *name = g_strdup_printf ("privacy-%s", level);
  GtkWidget *check = tiktok_widget (f, name);

  g_assert_nonnull (check);
  g_assert_true (gtk_widget_is_sensitive (check));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  iterate ();
}

static gboolean
choice_gone (Fixture  *f,
             gpointer  data)
{
  return tiktok_widget (f, "creator") == NULL;
}

static void
test_tiktok_creator (Fixture       *f,
                     gconstpointer  data)
{
  static const char * const levels[] = {
    "PUBLIC_TO_EVERYONE", "MUTUAL_FOLLOW_FRIENDS", "SELF_ONLY",
  };
  GtkWidget *publish = _warta_publish_view_get_widget (f->view, 0, "publish-now");
  GtkWidget *hint = _warta_publish_view_get_widget (f->view, 0, "publish-hint");
  GtkWidget *list, *child;
  guint n_rows = 0;
  g_autoptr(JsonNode) sent = NULL;
  JsonObject *o;

  only_targets (f, &f->tiktok_id, 1);
  wait_until (f, creator_shown, (gpointer) "Posting as Warta Kabupaten (@wartakab)", "the creator");

  /* Exactly the creator's options, none chosen: Publish Now waits. */
  list = tiktok_widget (f, "privacy");
  for (child = gtk_widget_get_first_child (list); child; child = gtk_widget_get_next_sibling (child))
    n_rows++;
  g_assert_cmpuint (n_rows, ==, G_N_ELEMENTS (levels));
  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    {
      g_autofree char *name = g_strdup_printf ("privacy-%s", levels[i]);

      g_assert_nonnull (tiktok_widget (f, name));
      g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (tiktok_widget (f, name))));
    }
  g_assert_null (tiktok_widget (f, "privacy-FOLLOWER_OF_CREATOR"));
  g_assert_false (gtk_widget_is_sensitive (publish));
  g_assert_true (gtk_widget_get_visible (hint));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (hint)), "Choose who can see the TikTok post"));

  /* Interactions off until switched on; Stitch off for good, as the
   * creator turned it off. */
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (tiktok_widget (f, "comment"))));
  g_assert_true (gtk_widget_is_sensitive (tiktok_widget (f, "comment")));
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (tiktok_widget (f, "duet"))));
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (tiktok_widget (f, "stitch"))));
  g_assert_false (gtk_widget_is_sensitive (tiktok_widget (f, "stitch")));
  screenshot (f, f->window, "publish-tiktok.png");

  choose_privacy (f, "MUTUAL_FOLLOW_FRIENDS");
  gtk_switch_set_active (GTK_SWITCH (tiktok_widget (f, "comment")), TRUE);
  iterate ();
  g_assert_true (gtk_widget_is_sensitive (publish));
  g_assert_false (gtk_widget_get_visible (hint));

  click (publish);
  wait_job (f, f->tiktok_id, WARTA_OUTBOX_STATE_DONE);
  g_assert_cmpuint (warta_test_server_get_post_count (f->tiktok), ==, 1);
  sent = json_from_string (warta_test_tiktok_server_get_last_post_info (f->tiktok), NULL);
  g_assert_nonnull (sent);
  o = json_node_get_object (sent);
  g_assert_cmpstr (json_object_get_string_member (o, "privacy_level"), ==, "MUTUAL_FOLLOW_FRIENDS");
  g_assert_false (json_object_get_boolean_member (o, "disable_comment"));
  g_assert_true (json_object_get_boolean_member (o, "disable_duet"));
  g_assert_true (json_object_get_boolean_member (o, "disable_stitch"));
  /* Published: the choice is no longer asked for. */
  wait_until (f, choice_gone, NULL, "the TikTok choice to go");
  g_assert_cmpuint (publication_state (f), ==, WARTA_STATE_PUBLISHED);
}

/* In GNOME's narrowest window, in Indonesian: the TikTok section's
 * heading says whole which account it is about (there may be several). */
static void
test_tiktok_narrow (Fixture       *f,
                    gconstpointer  data)
{
  only_targets (f, &f->tiktok_id, 1);
  wait_until (f, creator_shown,
              g_getenv ("LANGUAGE") ? (gpointer) "Mengunggah sebagai Warta Kabupaten (@wartakab)"
                                    : (gpointer) "Posting as Warta Kabupaten (@wartakab)",
              "the creator");
  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 800);
  warta_test_gui_wait_for_layout (GTK_WIDGET (f->view));
  warta_test_gui_assert_fits_width (GTK_WIDGET (f->view), 360);
  warta_test_gui_assert_not_ellipsized (tiktok_widget (f, "group"));
  screenshot (f, f->window, g_getenv ("LANGUAGE") ? "publish-tiktok-narrow-id.png"
                                                   : "publish-tiktok-narrow.png");
}

static void
fixture_setup_tiktok_id (Fixture       *f,
                         gconstpointer  data)
{
  warta_test_gui_set_language ("id");
  fixture_setup (f, data);
}

static void
fixture_teardown_tiktok_id (Fixture       *f,
                            gconstpointer  data)
{
  fixture_teardown (f, data);
  warta_test_gui_set_language (NULL);
}

static GtkWidget *
row_tiktok_widget (Fixture    *f,
                   const char *part)
{
  g_autofree char *name = g_strdup_printf ("tiktok-%s", part);

  return job_widget (f, f->tiktok_id, name);
}

static gboolean
row_creator_shown (Fixture  *f,
                   gpointer  data)
{
  GtkWidget *label = job_for (f, f->tiktok_id) ? row_tiktok_widget (f, "creator") : NULL;

  return label && strstr (gtk_label_get_label (GTK_LABEL (label)), "Warta Kabupaten") != NULL;
}

/* A TikTok job that nobody chose for (written by another Warta, say)
 * stops with what to do; its row asks, and Try Again sends the choice. */
static void
test_tiktok_stopped (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GListModel) jobs = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *retry;

  jobs = warta_outbox_publish (warta_context_get_outbox (f->context), f->t->admin,
                               warta_publication_get_id (f->publication),
                               warta_publication_get_version (f->publication), &f->tiktok_id, 1,
                               &error);
  g_assert_no_error (error);
  warta_publish_view_reload (f->view);
  wait_job (f, f->tiktok_id, WARTA_OUTBOX_STATE_FAILED);
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (job_widget (f, f->tiktok_id, "error"))),
                            "Choose below who can see the TikTok post"));
  g_assert_cmpuint (warta_test_server_count_requests (f->tiktok, "POST", "/v2/post/publish/video/init/"), ==, 0);

  wait_until (f, row_creator_shown, NULL, "the creator in the row");
  retry = job_widget (f, f->tiktok_id, "retry");
  g_assert_true (gtk_widget_get_visible (retry));
  g_assert_false (gtk_widget_is_sensitive (retry));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (row_tiktok_widget (f, "privacy-PUBLIC_TO_EVERYONE")), TRUE);
  iterate ();
  click (retry);
  wait_job (f, f->tiktok_id, WARTA_OUTBOX_STATE_DONE);
  g_assert_cmpuint (warta_test_server_get_post_count (f->tiktok), ==, 1);
  g_assert_nonnull (strstr (warta_test_tiktok_server_get_last_post_info (f->tiktok),
                            "\"privacy_level\":\"PUBLIC_TO_EVERYONE\""));
}

/* An expired token: TikTok's own message and Sign In Again; nothing can
 * be published to it meanwhile. */
static void
test_tiktok_creator_refused (Fixture       *f,
                             gconstpointer  data)
{
  GtkWidget *action;

  only_targets (f, &f->tiktok_id, 1);
  wait_until (f, creator_shown, (gpointer) "Warta Kabupaten", "the creator");
  warta_test_server_revoke_credentials (f->tiktok);
  warta_publish_view_set_publication (f->view, f->publication);
  wait_files_checked (f->view);
  only_targets (f, &f->tiktok_id, 1);
  wait_until (f, problem_shown, NULL, "TikTok's refusal");

  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (tiktok_widget (f, "problem"))),
                            "The access token is invalid"));
  /* Its Sign In Again is the advice. */
  g_assert_null (strstr (gtk_label_get_label (GTK_LABEL (tiktok_widget (f, "problem"))), "Sign in"));
  action = tiktok_widget (f, "action");
  g_assert_true (gtk_widget_get_visible (action));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (action)), ==, "_Sign In Again");
  g_assert_false (gtk_widget_get_visible (tiktok_widget (f, "privacy")));
  g_assert_false (gtk_widget_is_sensitive (_warta_publish_view_get_widget (f->view, 0, "publish-now")));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (_warta_publish_view_get_widget (f->view, 0, "publish-hint"))),
                            "TikTok did not say"));
}

static gboolean
second_chunk_in_flight (Fixture  *f,
                        gpointer  data)
{
  return warta_test_server_count_requests (f->tiktok, "PUT", "/video/") >= 2;
}

static gboolean
media_in_flight (Fixture  *f,
                 gpointer  data)
{
  return warta_test_server_count_requests (f->mastodon, "POST", "/api/v2/media") >= 1;
}

/* Whether the progress bar of @data's job (an account id) shows more
 * than nothing sent. */
static gboolean
progress_shown (Fixture  *f,
                gpointer  data)
{
  gint64 account_id = *(gint64 *) data;
  WartaOutboxJob *job = job_for (f, account_id);
  GtkWidget *bar;

  if (job == NULL)
    return FALSE;
  bar = job_widget (f, account_id, "progress");
  return gtk_widget_get_visible (bar) &&
         gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (bar)) > 0.0;
}

/* A single small photo (2 KiB) on its way, the platform slow to answer:
 * its bar shows it sent before the answer, not empty until it is done. */
static void
test_small_file_progress (Fixture       *f,
                          gconstpointer  data)
{
  gtk_check_button_set_active (GTK_CHECK_BUTTON (account_check (f, f->wordpress_id)), FALSE);
  iterate ();
  /* Answered in ten minutes: long after the test is over. */
  warta_test_server_add_fault (f->mastodon, "POST", "/api/v2/media", 1, WARTA_TEST_FAULT_DELAY,
                               600000);
  click (_warta_publish_view_get_widget (f->view, 0, "publish-now"));
  wait_until (f, media_in_flight, NULL, "the photo's upload");
  wait_until (f, progress_shown, &f->mastodon_id, "the photo's progress");
  g_assert_cmpuint (warta_outbox_job_get_state (job_for (f, f->mastodon_id)), ==,
                    WARTA_OUTBOX_STATE_RUNNING);
  g_assert_cmpuint (warta_test_server_get_media_count (f->mastodon), ==, 0);
  g_assert_cmpuint (warta_test_server_get_post_count (f->mastodon), ==, 0);
}

static void
assert_controls (Fixture  *f,
                 gint64    account_id,
                 gboolean  pause,
                 gboolean  resume,
                 gboolean  cancel)
{
  g_assert_cmpint (gtk_widget_get_visible (job_widget (f, account_id, "pause")), ==, pause);
  g_assert_cmpint (gtk_widget_get_visible (job_widget (f, account_id, "resume")), ==, resume);
  g_assert_cmpint (gtk_widget_get_visible (job_widget (f, account_id, "cancel")), ==, cancel);
}

static void
test_pause_resume_cancel (Fixture       *f,
                          gconstpointer  data)
{
  gint64 targets[2] = { f->tiktok_id, f->mastodon_id };
  guint puts;
  AdwMessageDialog *dialog;

  only_targets (f, targets, 2);
  wait_until (f, creator_shown, (gpointer) "Warta Kabupaten", "the creator");
  choose_privacy (f, "SELF_ONLY");

  /* The second chunk, and Mastodon's upload, answer slowly. */
  warta_test_server_add_fault (f->tiktok, "PUT", "/video/", 2, WARTA_TEST_FAULT_DELAY, 4000);
  warta_test_server_add_fault (f->mastodon, "POST", "/api/v2/media", 1, WARTA_TEST_FAULT_DELAY, 8000);
  click (_warta_publish_view_get_widget (f->view, 0, "publish-now"));

  wait_until (f, second_chunk_in_flight, NULL, "the second chunk");
  wait_job (f, f->tiktok_id, WARTA_OUTBOX_STATE_RUNNING);
  assert_controls (f, f->tiktok_id, TRUE, FALSE, TRUE);
  g_assert_nonnull (gtk_widget_get_tooltip_text (job_widget (f, f->tiktok_id, "pause")));

  /* Pause mid-chunk: paused, and TikTok hears nothing more. */
  click (job_widget (f, f->tiktok_id, "pause"));
  wait_job (f, f->tiktok_id, WARTA_OUTBOX_STATE_PAUSED);
  assert_controls (f, f->tiktok_id, FALSE, TRUE, TRUE);
  /* The first chunk went: the bar still says so while paused. */
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (job_widget (f, f->tiktok_id, "progress"))),
                     >, 0.0);
  puts = warta_test_server_count_requests (f->tiktok, "PUT", "/video/");
  wait_ms (1500);
  g_assert_cmpuint (warta_test_server_count_requests (f->tiktok, "PUT", "/video/"), ==, puts);
  g_assert_cmpuint (warta_outbox_job_get_state (job_for (f, f->tiktok_id)), ==, WARTA_OUTBOX_STATE_PAUSED);
  g_assert_cmpuint (warta_test_server_get_post_count (f->tiktok), ==, 0);

  /* Cancel Mastodon's upload in flight, once confirmed. */
  wait_until (f, media_in_flight, NULL, "Mastodon's upload");
  click (job_widget (f, f->mastodon_id, "cancel"));
  dialog = _warta_publish_view_get_dialog (f->view);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "already uploaded"));
  screenshot (f, GTK_WIDGET (dialog), "publish-cancel.png");
  adw_message_dialog_response (dialog, "cancel");
  iterate ();
  wait_job (f, f->mastodon_id, WARTA_OUTBOX_STATE_FAILED);
  g_assert_cmpstr (warta_outbox_job_get_error_code (job_for (f, f->mastodon_id)), ==,
                   WARTA_OUTBOX_ERROR_CANCELLED);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (job_widget (f, f->mastodon_id, "state"))), ==,
                   "Cancelled");
  assert_controls (f, f->mastodon_id, FALSE, FALSE, FALSE);
  g_assert_true (gtk_widget_get_visible (job_widget (f, f->mastodon_id, "retry")));
  g_assert_true (gtk_widget_get_visible (job_widget (f, f->mastodon_id, "manual")));
  /* Only the paused one is left: nothing is on its way, and the summary says so. */
  g_assert_true (g_str_has_prefix (summary (f), "Paused: nothing more is sent until you resume"));

  /* Resume: from the last confirmed chunk, one init, one post. */
  click (job_widget (f, f->tiktok_id, "resume"));
  wait_job (f, f->tiktok_id, WARTA_OUTBOX_STATE_DONE);
  g_assert_cmpuint (warta_test_server_get_post_count (f->tiktok), ==, 1);
  g_assert_cmpuint (warta_test_server_count_requests (f->tiktok, "POST", "/v2/post/publish/video/init/"), ==, 1);
  /* Only the second chunk again, not the first. */
  g_assert_cmpuint (warta_test_server_count_requests (f->tiktok, "PUT", "/video/"), ==, puts + 1);
  g_assert_cmpuint (warta_test_server_get_file_size (f->tiktok), ==, TIKTOK_VIDEO_SIZE);
  g_assert_cmpuint (warta_test_server_get_post_count (f->mastodon), ==, 0);
  screenshot (f, f->window, "publish-paused-cancelled.png");
}

static guint
count_sent (GPtrArray  *sent,
            const char *id)
{
  guint n = 0;

  for (guint i = 0; i < sent->len; i++)
    n += g_strcmp0 (sent->pdata[i], id) == 0;
  return n;
}

/* Whether each of @names on @account_id's row is shown. */
static void
assert_row_buttons (Fixture            *f,
                    gint64              account_id,
                    const char * const *names,
                    gboolean            shown)
{
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_test_message ("%s", names[i]);
      g_assert_true (gtk_widget_get_visible (job_widget (f, account_id, names[i])) == shown);
    }
}

/* The line at the top for a user who may not publish, or NULL. */
static const char *
role_line (Fixture *f)
{
  GtkWidget *label = _warta_publish_view_get_widget (f->view, 0, "role-label");

  return gtk_widget_get_visible (label) ? gtk_label_get_label (GTK_LABEL (label)) : NULL;
}

#define FOLLOW_LINE \
  "Only a user with the role “Social media admin” publishes. " \
  "You can follow each post’s progress here."

/* Signs in a user with @roles (the admin's id and name): what the view
 * shows them, in whichever language. */
static void
become (Fixture   *f,
        WartaRole  roles)
{
  g_autoptr(WartaUser) user = warta_user_new ();

  warta_user_set_id (user, warta_user_get_id (f->t->admin));
  warta_user_set_display_name (user, warta_user_get_display_name (f->t->admin));
  warta_user_set_roles (user, roles);
  warta_context_set_current_user (f->context, user);
  iterate ();
}

/* Signs @roles in, the admin's id and name with other roles: the line at
 * the top is there unless they may publish. */
static void
sign_in_as (Fixture   *f,
            WartaRole  roles)
{
  become (f, roles);
  g_assert_cmpstr (role_line (f), ==,
                   roles & WARTA_ROLE_SOCIAL_MEDIA_ADMIN ? NULL : FOLLOW_LINE);
}

/* Both targets scheduled an hour from now, through the outbox as a
 * Schedule in another Warta writes them; their jobs. */
static GListModel *
schedule_both (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  gint64 ids[] = { f->mastodon_id, f->wordpress_id };
  gint64 at = warta_clock_now (warta_context_get_clock (f->context)) + G_TIME_SPAN_HOUR;
  GListModel *jobs;

  jobs = warta_outbox_publish_at (warta_context_get_outbox (f->context), f->t->admin,
                                  warta_publication_get_id (f->publication),
                                  warta_publication_get_version (f->publication), ids, 2, at,
                                  &error);
  g_assert_no_error (error);
  return jobs;
}

/* Publishing is the social media admin's: a verifier, an approver or an
 * officer who opens it follows each target, its state and why it stopped,
 * told once at the top who publishes, without a button that the outbox
 * would refuse. The admin has them all; signing in again shows them. */
static void
test_follow_only (Fixture       *f,
                  gconstpointer  data)
{
  static const char * const waiting[] = { "pause", "reschedule", "cancel", "manual", NULL };
  static const char * const stopped[] = { "retry", "manual", NULL };
  WartaOutbox *outbox = warta_context_get_outbox (f->context);
  g_autoptr(GListModel) jobs = schedule_both (f);
  g_autoptr(WartaOutboxJob) website = NULL;
  g_autoptr(GError) error = NULL;

  website = g_list_model_get_item (jobs, 1);
  g_assert_cmpint (warta_outbox_job_get_account_id (website), ==, f->wordpress_id);
  g_assert_true (warta_outbox_cancel_job (outbox, f->t->admin, warta_outbox_job_get_id (website),
                                          &error));
  g_assert_no_error (error);
  warta_publish_view_reload (f->view);
  wait_job (f, f->wordpress_id, WARTA_OUTBOX_STATE_FAILED);
  g_assert_null (role_line (f));
  assert_row_buttons (f, f->mastodon_id, waiting, TRUE);
  assert_row_buttons (f, f->wordpress_id, stopped, TRUE);

  sign_in_as (f, WARTA_ROLE_VERIFIER);
  assert_row_buttons (f, f->mastodon_id, waiting, FALSE);
  assert_row_buttons (f, f->wordpress_id, stopped, FALSE);
  /* What each target does, and why one stopped, stay. */
  g_assert_true (g_str_has_prefix (gtk_label_get_label (GTK_LABEL (job_widget (f, f->mastodon_id,
                                                                               "state"))),
                                   "Scheduled for "));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (job_widget (f, f->wordpress_id, "state"))), ==,
                   "Cancelled");
  g_assert_true (gtk_widget_get_visible (job_widget (f, f->wordpress_id, "error")));
  screenshot (f, f->window, "publish-follow-only.png");

  /* For an officer and approver as for the verifier. */
  sign_in_as (f, WARTA_ROLE_ACTIVITY_OFFICER | WARTA_ROLE_APPROVER);
  assert_row_buttons (f, f->mastodon_id, waiting, FALSE);
  assert_row_buttons (f, f->wordpress_id, stopped, FALSE);

  sign_in_as (f, WARTA_ROLE_SOCIAL_MEDIA_ADMIN);
  assert_row_buttons (f, f->mastodon_id, waiting, TRUE);
  assert_row_buttons (f, f->wordpress_id, stopped, TRUE);
}

/* A published post: its address and link for everyone; Take Down… and
 * Correct… for the admin only. */
static void
test_follow_only_published (Fixture       *f,
                            gconstpointer  data)
{
  static const char * const published[] = { "takedown", "correct", NULL };
  static const char * const kept[] = { "state", "link", "address", NULL };

  click (_warta_publish_view_get_widget (f->view, 0, "publish-now"));
  wait_job (f, f->mastodon_id, WARTA_OUTBOX_STATE_DONE);
  assert_row_buttons (f, f->mastodon_id, published, TRUE);

  sign_in_as (f, WARTA_ROLE_VERIFIER);
  assert_row_buttons (f, f->mastodon_id, published, FALSE);
  assert_row_buttons (f, f->mastodon_id, kept, TRUE);

  sign_in_as (f, WARTA_ROLE_ALL);
  assert_row_buttons (f, f->mastodon_id, published, TRUE);
}

/* Whether the approved publication's start controls are there to use:
 * each target's check, the schedule, TikTok's choices, the start buttons. */
static void
assert_start_controls (Fixture  *f,
                       gboolean  shown)
{
  gint64 all[] = { f->mastodon_id, f->wordpress_id, f->tiktok_id };
  static const char * const start[] = { "publish-now", "upload-manual", "schedule-row",
                                        "schedule-time", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    {
      GtkWidget *check = account_check (f, all[i]);
      GtkWidget *row = account_row (f, all[i]);

      g_assert_cmpint (gtk_widget_is_visible (check), ==, shown);
      /* The target stays listed, with its platform or why it cannot go. */
      g_assert_true (gtk_widget_is_visible (row));
      g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), !=, "");
      g_assert_cmpint (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)), ==, shown);
    }
  for (guint i = 0; start[i]; i++)
    g_assert_cmpint (gtk_widget_is_visible (_warta_publish_view_get_widget (f->view, 0, start[i])),
                     ==, shown);
  g_assert_cmpint (gtk_widget_is_visible (tiktok_widget (f, "group")), ==, shown);
  if (!shown)
    g_assert_false (gtk_widget_is_visible (_warta_publish_view_get_widget (f->view, 0,
                                                                           "publish-hint")));
}

/* An approved publication not yet published: a verifier sees where it
 * may go, told at the top who publishes, with nothing to choose or start.
 * The admin who signs in again finds their choices as they left them. */
static void
test_follow_only_approved (Fixture       *f,
                           gconstpointer  data)
{
  GtkWidget *schedule = _warta_publish_view_get_widget (f->view, 0, "schedule-row");
  GtkWidget *time = _warta_publish_view_get_widget (f->view, 0, "schedule-time");
  g_autofree char *typed = NULL;

  assert_start_controls (f, TRUE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (account_check (f, f->wordpress_id)), FALSE);
  gtk_switch_set_active (GTK_SWITCH (schedule), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (time), "2099-01-02 09:30");
  iterate ();
  typed = g_strdup (gtk_editable_get_text (GTK_EDITABLE (time)));

  sign_in_as (f, WARTA_ROLE_VERIFIER);
  assert_start_controls (f, FALSE);
  screenshot (f, f->window, "publish-follow-only-approved.png");

  sign_in_as (f, WARTA_ROLE_SOCIAL_MEDIA_ADMIN);
  assert_start_controls (f, TRUE);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (account_check (f, f->wordpress_id))));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (account_check (f, f->mastodon_id))));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (schedule)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (time)), ==, typed);
}

/* How far right of @row's start its title begins. */
static double
title_indent (GtkWidget *row)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
  GtkWidget *label = warta_test_gui_find_label (row, title);
  graphene_point_t at;

  g_assert_nonnull (label);
  g_assert_true (gtk_widget_compute_point (label, row, &GRAPHENE_POINT_INIT (0, 0), &at));
  return at.x;
}

/* To a verifier, the targets are a list without checks: a title begins
 * where a plain row's does, not indented by the room of a hidden check.
 * To the admin, Upload Manually is rounded as Publish Now beside it. */
static void
test_follow_only_aligned (Fixture       *f,
                          gconstpointer  data)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *plain = adw_action_row_new ();
  GtkWidget *manual = _warta_publish_view_get_widget (f->view, 0, "upload-manual");
  GtkWidget *publish = _warta_publish_view_get_widget (f->view, 0, "publish-now");
  double indent;

  g_assert_true (gtk_widget_has_css_class (publish, "pill"));
  g_assert_true (gtk_widget_has_css_class (manual, "pill"));
  screenshot (f, f->window, "publish-start-buttons.png");

  sign_in_as (f, WARTA_ROLE_VERIFIER);
  warta_test_gui_wait_for_layout (f->window);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (plain), "Mastodon");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (plain), "Mastodon");
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), plain);
  gtk_window_set_child (GTK_WINDOW (window), list);
  gtk_window_present (GTK_WINDOW (window));
  warta_test_gui_wait_for_layout (plain);
  indent = title_indent (plain);
  g_assert_cmpfloat (title_indent (account_row (f, f->mastodon_id)), ==, indent);
  g_assert_cmpfloat (title_indent (account_row (f, f->wordpress_id)), ==, indent);
  screenshot (f, f->window, "publish-follow-only-aligned.png");
  gtk_window_destroy (GTK_WINDOW (window));

  /* The admin again: the checks are back, ticked as they were. */
  sign_in_as (f, WARTA_ROLE_SOCIAL_MEDIA_ADMIN);
  warta_test_gui_wait_for_layout (f->window);
  g_assert_true (gtk_widget_is_visible (account_check (f, f->mastodon_id)));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (account_check (f, f->mastodon_id))));
  g_assert_cmpfloat (title_indent (account_row (f, f->mastodon_id)), >, indent + 12);
}

/* The check for @account_id in @view. */
static GtkCheckButton *
view_check (WartaPublishView *view,
            gint64            account_id)
{
  g_autofree char *name = g_strdup_printf ("account-%" G_GINT64_FORMAT, account_id);
  GtkWidget *check = _warta_publish_view_get_widget (view, 0, name);

  g_assert_nonnull (check);
  return GTK_CHECK_BUTTON (check);
}

/* What @account_id's row in @view says under its name. */
static const char *
view_subtitle (WartaPublishView *view,
               gint64            account_id)
{
  GtkWidget *row = view_row (view, account_id);

  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

typedef struct
{
  WartaPublishView *view;
  gint64            account_id;
  gboolean          ticked;
  const char       *subtitle;   /* or NULL: the check's state */
} TargetWait;

static gboolean
target_is (Fixture  *f,
           gpointer  data)
{
  TargetWait *w = data;

  if (w->subtitle != NULL)
    return g_strcmp0 (view_subtitle (w->view, w->account_id), w->subtitle) == 0;
  return gtk_check_button_get_active (view_check (w->view, w->account_id)) == w->ticked;
}

#define LEFT_OUT "Left out by the social media admin"

/* The admin's choice of targets is the publication's, in the database:
 * a target unticked stays unticked in a view opened again on another
 * Warta on the same file; a verifier's view lists it as left out; what
 * another admin changes shows up in the open views; Publish Now sends
 * exactly the saved choice, and refuses when it changed a moment ago,
 * before the view heard of it. */
static void
test_choice_saved (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(WartaContext) other = NULL;
  g_autoptr(WartaUser) verifier = warta_user_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *mastodon_says = g_strdup (view_subtitle (f->view, f->mastodon_id));
  g_autofree char *wordpress_says = g_strdup (view_subtitle (f->view, f->wordpress_id));
  WartaPublishView *colleague;
  GtkWidget *colleague_window;
  AdwMessageDialog *dialog;
  TargetWait wait = { 0 };
  gint64 id = warta_publication_get_id (f->publication);

  /* The admin leaves the website out, and closes the window. */
  g_assert_true (gtk_check_button_get_active (view_check (f->view, f->wordpress_id)));
  gtk_check_button_set_active (view_check (f->view, f->wordpress_id), FALSE);
  iterate ();
  gtk_window_destroy (GTK_WINDOW (f->window));
  iterate ();

  /* Another Warta on the same file finds it so. */
  other = colleague_context (f);
  colleague = open_view (other, f->publication, &colleague_window);
  g_assert_false (gtk_check_button_get_active (view_check (colleague, f->wordpress_id)));
  g_assert_true (gtk_check_button_get_active (view_check (colleague, f->mastodon_id)));

  /* A verifier here: the website listed as left out, Mastodon as it is. */
  warta_user_set_id (verifier, warta_user_get_id (f->t->admin));
  warta_user_set_display_name (verifier, "Ahmad Yani");
  warta_user_set_roles (verifier, WARTA_ROLE_VERIFIER);
  warta_context_set_current_user (f->context, verifier);
  f->view = open_view (f->context, f->publication, &f->window);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (view_check (f->view, f->wordpress_id))));
  g_assert_cmpstr (view_subtitle (f->view, f->wordpress_id), ==, LEFT_OUT);
  g_assert_cmpstr (view_subtitle (f->view, f->mastodon_id), ==, mastodon_says);
  screenshot (f, f->window, "publish-left-out.png");

  /* The colleague ticks the website again and leaves Mastodon out: the
   * verifier's view follows. */
  gtk_check_button_set_active (view_check (colleague, f->wordpress_id), TRUE);
  gtk_check_button_set_active (view_check (colleague, f->mastodon_id), FALSE);
  wait.view = f->view;
  wait.account_id = f->mastodon_id;
  wait.subtitle = LEFT_OUT;
  wait_until (f, target_is, &wait, "Mastodon shown left out");
  wait.account_id = f->wordpress_id;
  wait.subtitle = wordpress_says;
  wait_until (f, target_is, &wait, "the website shown ticked again");

  /* The admin here again: the colleague's choice. */
  sign_in_as (f, WARTA_ROLE_SOCIAL_MEDIA_ADMIN);
  g_assert_false (gtk_check_button_get_active (view_check (f->view, f->mastodon_id)));
  g_assert_true (gtk_check_button_get_active (view_check (f->view, f->wordpress_id)));
  g_assert_cmpstr (view_subtitle (f->view, f->mastodon_id), ==, mastodon_says);

  /* Changed there a moment before Publish Now here, not heard of yet:
   * nothing is published, and the choice is shown as saved. */
  g_assert_true (warta_publication_repository_set_left_out (warta_context_get_publications (other),
                                                            f->t->admin, id, f->mastodon_id, FALSE,
                                                            &error));
  g_assert_no_error (error);
  click (_warta_publish_view_get_widget (f->view, 0, "publish-now"));
  dialog = _warta_publish_view_get_dialog (f->view);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Targets Changed");
  answer (dialog, "close");
  g_assert_true (gtk_check_button_get_active (view_check (f->view, f->mastodon_id)));
  g_assert_cmpuint (publication_state (f), ==, WARTA_STATE_APPROVED);

  /* Left out there once more, seen here; Publish Now: the website only. */
  gtk_check_button_set_active (view_check (colleague, f->mastodon_id), FALSE);
  wait.account_id = f->mastodon_id;
  wait.subtitle = NULL;
  wait.ticked = FALSE;
  wait_until (f, target_is, &wait, "Mastodon unticked here");
  click (_warta_publish_view_get_widget (f->view, 0, "publish-now"));
  wait_job (f, f->wordpress_id, WARTA_OUTBOX_STATE_DONE);
  g_assert_cmpuint (g_list_model_get_n_items (_warta_publish_view_get_jobs (f->view)), ==, 1);
  g_assert_null (job_for (f, f->mastodon_id));
  g_assert_cmpuint (warta_test_server_get_post_count (f->wordpress), ==, 1);
  g_assert_cmpuint (warta_test_server_get_post_count (f->mastodon), ==, 0);

  gtk_window_destroy (GTK_WINDOW (colleague_window));
  iterate ();
}

/* The admin's role taken away on another workstation while the view is
 * open: unticking a target is refused there, said with what to do, and
 * the check shows the saved choice again; nothing is stored. */
static void
test_choice_refused (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(WartaUser) admin = NULL;
  g_autoptr(WartaUser) demoted = NULL;
  g_autoptr(GArray) left_out = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;

  admin = warta_user_repository_create_user (f->t->users, f->t->admin, "medsos", "Dewi Lestari",
                                             "rahasia-123", WARTA_ROLE_SOCIAL_MEDIA_ADMIN, FALSE,
                                             &error);
  g_assert_no_error (error);
  warta_context_set_current_user (f->context, admin);
  iterate ();
  demoted = warta_user_repository_update_user (f->t->users, f->t->admin, warta_user_get_id (admin),
                                               warta_user_get_version (admin), NULL,
                                               WARTA_ROLE_VERIFIER, FALSE, TRUE, &error);
  g_assert_no_error (error);

  gtk_check_button_set_active (view_check (f->view, f->wordpress_id), FALSE);
  iterate ();
  dialog = _warta_publish_view_get_dialog (f->view);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Choice Not Saved");
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (dialog),
                                   "Only a social media admin chooses where"));
  answer (dialog, "close");
  g_assert_true (gtk_check_button_get_active (view_check (f->view, f->wordpress_id)));
  left_out = warta_publication_repository_list_left_out (f->t->publications,
                                                         warta_publication_get_id (f->publication),
                                                         &error);
  g_assert_no_error (error);
  g_assert_cmpuint (left_out->len, ==, 0);
}

/* The publication scheduled for @at on Mastodon, and shown waiting. */
static void
schedule_mastodon (Fixture *f,
                   gint64   at)
{
  g_autoptr(GListModel) jobs = NULL;
  g_autoptr(GError) error = NULL;

  jobs = warta_outbox_publish_at (warta_context_get_outbox (f->context), f->t->admin,
                                  warta_publication_get_id (f->publication),
                                  warta_publication_get_version (f->publication), &f->mastodon_id, 1,
                                  at, &error);
  g_assert_no_error (error);
  warta_publish_view_reload (f->view);
  wait_job (f, f->mastodon_id, WARTA_OUTBOX_STATE_PENDING);
}

/* A post scheduled for an hour on, found by a Warta that opens three hours
 * on: the outbox held it; its row says so, with the reason, Publish Now
 * and Cancel; the admin is told once. Publish Now posts it, once. */
static void
test_missed (Fixture       *f,
             gconstpointer  data)
{
  WartaClock *clock = warta_context_get_clock (f->context);
  g_autoptr(WartaTaskNotifier) notifier = warta_task_notifier_new (NULL, f->context);
  g_autoptr(GPtrArray) sent = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *when = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *told = NULL;
  GtkWidget *reason;
  gint64 now = warta_clock_now (clock);

  g_signal_connect (notifier, "sent", G_CALLBACK (on_sent_cb), sent);
  warta_clock_freeze (clock, now);
  schedule_mastodon (f, now + G_TIME_SPAN_HOUR);

  warta_clock_freeze (clock, now + 3 * G_TIME_SPAN_HOUR);
  wait_job (f, f->mastodon_id, WARTA_OUTBOX_STATE_PAUSED);
  wait_ms (200);
  g_assert_cmpuint (warta_test_server_count_requests (f->mastodon, "POST", "/"), ==, 0);

  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (job_widget (f, f->mastodon_id, "state"))), ==,
                   "Missed its scheduled time");
  reason = job_widget (f, f->mastodon_id, "error");
  g_assert_true (gtk_widget_get_visible (reason));
  /* Why, when, in the office's zone; not the advice its own buttons give,
   * nor "its scheduled time" again. */
  when = readable_time (f, now + G_TIME_SPAN_HOUR);
  expected = g_strdup_printf ("Nothing was sent: Warta was not running at %s, when it was due.", when);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (reason)), ==, expected);
  /* The job keeps the advice, for the desktop's notification. */
  g_assert_nonnull (strstr (warta_outbox_job_get_error_message (job_for (f, f->mastodon_id)),
                            "Publish it now, choose another time, or cancel it."));
  g_assert_true (gtk_widget_get_visible (job_widget (f, f->mastodon_id, "publish-now")));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (job_widget (f, f->mastodon_id, "publish-now"))),
                   ==, "_Publish Now");
  /* Nothing is on its way: the summary says it waits for the admin. */
  g_assert_true (g_str_has_prefix (summary (f), "Waiting for you: a scheduled time passed"));
  assert_controls (f, f->mastodon_id, FALSE, FALSE, TRUE);
  g_assert_false (gtk_widget_get_visible (job_widget (f, f->mastodon_id, "progress")));
  assert_row_mnemonics_distinct (f, f->mastodon_id);

  /* The admin hears of it, once per target. */
  told = g_strdup_printf ("missed-%" G_GINT64_FORMAT,
                          warta_outbox_job_get_id (job_for (f, f->mastodon_id)));
  warta_task_notifier_check (notifier);
  warta_task_notifier_check (notifier);
  g_assert_cmpuint (count_sent (sent, told), ==, 1);
  screenshot (f, f->window, "publish-missed.png");

  click (job_widget (f, f->mastodon_id, "publish-now"));
  wait_job (f, f->mastodon_id, WARTA_OUTBOX_STATE_DONE);
  wait_until (f, outbox_idle, NULL, "the outbox to finish");
  wait_ms (200);
  g_assert_cmpuint (warta_test_server_get_post_count (f->mastodon), ==, 1);
  g_assert_false (gtk_widget_get_visible (job_widget (f, f->mastodon_id, "publish-now")));
  warta_task_notifier_check (notifier);
  g_assert_cmpuint (count_sent (sent, told), ==, 1);
}

/* A scheduled post whose time came while its account was still busy
 * with another publication's upload waits its turn: the row no longer
 * says "Scheduled for" a time gone by, nor the summary that nothing is
 * sent before its time. */
static void
test_scheduled_turn (Fixture       *f,
                     gconstpointer  data)
{
  WartaClock *clock = warta_context_get_clock (f->context);
  g_autoptr(WartaPublication) other = NULL;
  g_autoptr(GListModel) jobs = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *when = NULL;
  g_autofree char *scheduled = NULL;
  gint64 now = warta_clock_now (clock);

  warta_clock_freeze (clock, now);
  warta_test_server_add_fault (f->mastodon, "POST", "/api/v2/media", 1, WARTA_TEST_FAULT_DELAY, 15000);
  other = warta_test_publish_make_approved (f->t, "Rapat evaluasi SAKIP", 1);
  jobs = warta_outbox_publish_at (warta_context_get_outbox (f->context), f->t->admin,
                                  warta_publication_get_id (other), warta_publication_get_version (other),
                                  &f->mastodon_id, 1, 0, &error);
  g_assert_no_error (error);
  wait_until (f, media_in_flight, NULL, "the other upload");

  schedule_mastodon (f, now + G_TIME_SPAN_HOUR);
  when = readable_time (f, now + G_TIME_SPAN_HOUR);
  scheduled = g_strdup_printf ("Scheduled for %s", when);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (job_widget (f, f->mastodon_id, "state"))), ==,
                   scheduled);
  g_assert_true (g_str_has_prefix (summary (f), "Scheduled:"));

  /* Its time comes; the other upload is not done yet. */
  warta_clock_freeze (clock, now + G_TIME_SPAN_HOUR + G_TIME_SPAN_MINUTE);
  wait_ms (200);
  g_assert_cmpuint (warta_outbox_job_get_state (job_for (f, f->mastodon_id)), ==,
                    WARTA_OUTBOX_STATE_PENDING);
  warta_publish_view_tick (f->view);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (job_widget (f, f->mastodon_id, "state"))), ==,
                   "Waiting to start");
  /* Why it does not start, and that nothing is wrong. */
  g_assert_cmpstr (job_label (f, f->mastodon_id, "error"), ==,
                   "It starts once an upload in progress is done.");
  g_assert_false (gtk_widget_has_css_class (job_widget (f, f->mastodon_id, "error"), "error"));
  g_assert_false (gtk_widget_get_visible (job_widget (f, f->mastodon_id, "reschedule")));
  g_assert_true (g_str_has_prefix (summary (f), "Publishing."));
  g_assert_cmpuint (warta_test_server_get_post_count (f->mastodon), ==, 0);
}

static gboolean
retried (Fixture  *f,
         gpointer  data)
{
  return warta_test_server_count_requests (f->mastodon, "POST", "/api/v2/media") >= 2;
}

/* Rate-limited, a target waits: the row says until when, not in red.
 * Trying again, or paused meanwhile, it no longer says that Warta will
 * try again at a time gone by. */
static void
test_wait_message (Fixture       *f,
                   gconstpointer  data)
{
  WartaClock *clock = warta_context_get_clock (f->context);
  gint64 now = warta_clock_now (clock);
  GtkWidget *message;

  warta_clock_freeze (clock, now);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (account_check (f, f->wordpress_id)), FALSE);
  warta_test_server_add_fault (f->mastodon, "POST", "/api/v2/media", 1, WARTA_TEST_FAULT_RATE_LIMIT,
                               3600);
  warta_test_server_add_fault (f->mastodon, "POST", "/api/v2/media", 2, WARTA_TEST_FAULT_DELAY, 8000);
  click (_warta_publish_view_get_widget (f->view, 0, "publish-now"));
  wait_job (f, f->mastodon_id, WARTA_OUTBOX_STATE_WAITING);
  message = job_widget (f, f->mastodon_id, "error");
  g_assert_nonnull (strstr (job_label (f, f->mastodon_id, "error"), "Warta will try again"));
  g_assert_false (gtk_widget_has_css_class (message, "error"));

  /* The hour has passed. */
  warta_clock_freeze (clock, now + G_TIME_SPAN_HOUR + G_TIME_SPAN_MINUTE);
  wait_until (f, retried, NULL, "the second try");
  wait_job (f, f->mastodon_id, WARTA_OUTBOX_STATE_RUNNING);
  g_assert_cmpstr (job_label (f, f->mastodon_id, "state"), ==, "Uploading");
  g_assert_false (gtk_widget_get_visible (message));

  click (job_widget (f, f->mastodon_id, "pause"));
  wait_job (f, f->mastodon_id, WARTA_OUTBOX_STATE_PAUSED);
  g_assert_false (gtk_widget_get_visible (message));
}

/* Opens Change Time… of @account_id's row: the dialog, its entry and the
 * label saying what is wrong with the time. */
static AdwMessageDialog *
ask_reschedule (Fixture      *f,
                gint64        account_id,
                GtkEditable **out_entry,
                GtkLabel    **out_problem)
{
  AdwMessageDialog *dialog;
  GtkWidget *extra;

  click (job_widget (f, account_id, "reschedule"));
  dialog = _warta_publish_view_get_dialog (f->view);
  g_assert_nonnull (dialog);
  extra = adw_message_dialog_get_extra_child (dialog);
  *out_entry = GTK_EDITABLE (warta_test_gui_find_named (extra, ADW_TYPE_ENTRY_ROW, "reschedule-time"));
  *out_problem = GTK_LABEL (warta_test_gui_find_named (extra, GTK_TYPE_LABEL, "reschedule-problem"));
  g_assert_nonnull (*out_entry);
  g_assert_nonnull (*out_problem);
  /* The calendar beside the entry, as for the first schedule. */
  g_assert_nonnull (warta_test_gui_find_named (GTK_WIDGET (*out_entry), GTK_TYPE_MENU_BUTTON, NULL));
  warta_test_gui_assert_named_once (GTK_WIDGET (dialog));
  warta_test_gui_assert_mnemonics_unique (GTK_WIDGET (dialog));
  return dialog;
}

/* A post scheduled for an hour on: Change Time… offers the time it has.
 * Found three hours on, missed: Choose Another Time… proposes the next
 * full hour; a time written wrong or already past is said in place, and
 * cannot be confirmed; a later one is, and the row says "Scheduled for …".
 * Nothing goes before then; at that time it goes, once. */
static void
test_reschedule (Fixture       *f,
                 gconstpointer  data)
{
  WartaClock *clock = warta_context_get_clock (f->context);
  g_autofree char *scheduled = NULL;
  g_autofree char *next_hour = NULL;
  g_autofree char *past = NULL;
  g_autofree char *later = NULL;
  g_autofree char *state = NULL;
  AdwMessageDialog *dialog;
  GtkEditable *entry;
  GtkLabel *problem;
  GtkWidget *button;
  gint64 now = warta_clock_now (clock) / (60 * G_USEC_PER_SEC) * 60 * G_USEC_PER_SEC;
  gint64 missed_at = now + 3 * G_TIME_SPAN_HOUR;
  gint64 new_at = missed_at + 2 * G_TIME_SPAN_HOUR + 15 * G_TIME_SPAN_MINUTE;

  warta_clock_freeze (clock, now);
  schedule_mastodon (f, now + G_TIME_SPAN_HOUR);
  /* Nothing is sent yet, and the summary does not say it is. */
  g_assert_true (g_str_has_prefix (summary (f), "Scheduled: nothing is sent before its time."));

  /* Waiting: its own time offered; kept as it was when not confirmed. */
  button = job_widget (f, f->mastodon_id, "reschedule");
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_true (gtk_widget_get_focusable (button));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "Chan_ge Time…");
  dialog = ask_reschedule (f, f->mastodon_id, &entry, &problem);
  scheduled = local_text (f, now + G_TIME_SPAN_HOUR);
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, scheduled);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (problem)));
  answer (dialog, "keep");
  g_assert_cmpint (warta_outbox_job_get_scheduled_at (job_for (f, f->mastodon_id)), ==,
                   now + G_TIME_SPAN_HOUR);

  warta_clock_freeze (clock, missed_at);
  wait_job (f, f->mastodon_id, WARTA_OUTBOX_STATE_PAUSED);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (job_widget (f, f->mastodon_id, "state"))), ==,
                   "Missed its scheduled time");
  g_assert_true (g_str_has_prefix (gtk_label_get_label (GTK_LABEL (job_widget (f, f->mastodon_id, "error"))),
                                   "Nothing was sent: Warta was not running at "));
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "Choose _Another Time…");
  g_assert_true (g_str_has_prefix (summary (f), "Waiting for you:"));
  /* Its four choices fit GNOME's narrowest window, on more lines. */
  warta_test_gui_wait_for_layout (GTK_WIDGET (f->view));
  warta_test_gui_assert_fits_width (GTK_WIDGET (f->view), 360);

  dialog = ask_reschedule (f, f->mastodon_id, &entry, &problem);
  {
    g_autoptr(GDateTime) local = warta_clock_to_local (clock, missed_at);
    g_autoptr(GDateTime) next = g_date_time_add_minutes (local, 60 - g_date_time_get_minute (local));

    next_hour = g_date_time_format (next, "%Y-%m-%d %H:00");
  }
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, next_hour);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (problem)));
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "change"));

  gtk_editable_set_text (entry, "besok jam 9");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (problem)));
  g_assert_nonnull (strstr (gtk_label_get_label (problem), "YYYY-MM-DD HH:MM"));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "change"));
  past = local_text (f, missed_at - G_TIME_SPAN_MINUTE);
  gtk_editable_set_text (entry, past);
  g_assert_cmpstr (gtk_label_get_label (problem), ==,
                   "That time has already passed. Choose a later time.");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "change"));

  later = local_text (f, new_at);
  gtk_editable_set_text (entry, later);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (problem)));
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "change"));
  screenshot (f, GTK_WIDGET (dialog), "publish-reschedule.png");
  answer (dialog, "change");
  iterate ();
  g_assert_null (_warta_publish_view_get_dialog (f->view));

  {
    g_autofree char *when = readable_time (f, new_at);

    state = g_strdup_printf ("Scheduled for %s", when);
  }
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (job_widget (f, f->mastodon_id, "state"))), ==,
                   state);
  g_assert_cmpuint (warta_outbox_job_get_state (job_for (f, f->mastodon_id)), ==,
                    WARTA_OUTBOX_STATE_PENDING);
  g_assert_false (gtk_widget_get_visible (job_widget (f, f->mastodon_id, "error")));
  /* Waiting again: it may also go now instead. */
  g_assert_true (gtk_widget_get_visible (job_widget (f, f->mastodon_id, "publish-now")));
  g_assert_true (gtk_widget_get_visible (job_widget (f, f->mastodon_id, "reschedule")));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (job_widget (f, f->mastodon_id, "reschedule"))),
                   ==, "Chan_ge Time…");
  g_assert_true (g_str_has_prefix (summary (f), "Scheduled: nothing is sent before its time."));
  screenshot (f, f->window, "publish-rescheduled.png");

  wait_ms (300);
  warta_clock_freeze (clock, new_at - G_TIME_SPAN_MINUTE);
  wait_ms (300);
  g_assert_cmpuint (warta_test_server_count_requests (f->mastodon, "POST", "/"), ==, 0);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (job_widget (f, f->mastodon_id, "state"))), ==,
                   state);

  warta_clock_freeze (clock, new_at);
  wait_job (f, f->mastodon_id, WARTA_OUTBOX_STATE_DONE);
  wait_until (f, outbox_idle, NULL, "the outbox to finish");
  wait_ms (200);
  g_assert_cmpuint (warta_test_server_get_post_count (f->mastodon), ==, 1);
  g_assert_false (gtk_widget_get_visible (job_widget (f, f->mastodon_id, "reschedule")));
}

/* A post waiting for its time sent now instead, from its row: at once,
 * its time now the present; the others follow without the button. */
static void
test_send_now (Fixture       *f,
               gconstpointer  data)
{
  WartaClock *clock = warta_context_get_clock (f->context);
  gint64 now = warta_clock_now (clock) / (60 * G_USEC_PER_SEC) * 60 * G_USEC_PER_SEC;
  GtkWidget *button;

  warta_clock_freeze (clock, now);
  schedule_mastodon (f, now + G_TIME_SPAN_HOUR);
  button = job_widget (f, f->mastodon_id, "publish-now");
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "_Publish Now");

  warta_clock_freeze (clock, now + 10 * G_TIME_SPAN_MINUTE);
  click (button);
  wait_job (f, f->mastodon_id, WARTA_OUTBOX_STATE_DONE);
  wait_until (f, outbox_idle, NULL, "the outbox to finish");
  g_assert_cmpuint (warta_test_server_get_post_count (f->mastodon), ==, 1);
  g_assert_cmpint (warta_outbox_job_get_scheduled_at (job_for (f, f->mastodon_id)), ==,
                   now + 10 * G_TIME_SPAN_MINUTE);
  g_assert_false (gtk_widget_get_visible (job_widget (f, f->mastodon_id, "publish-now")));
  g_assert_null (_warta_publish_view_get_dialog (f->view));
}

/* Another Warta starts the post while the dialog is open: the new time
 * is refused and said, the other's work is left as it is. */
static void
test_reschedule_conflict (Fixture       *f,
                          gconstpointer  data)
{
  WartaClock *clock = warta_context_get_clock (f->context);
  g_autoptr(GError) error = NULL;
  g_autofree char *later = NULL;
  g_autofree char *owner = NULL;
  AdwMessageDialog *dialog;
  GtkEditable *entry;
  GtkLabel *problem;
  gint64 now = warta_clock_now (clock) / (60 * G_USEC_PER_SEC) * 60 * G_USEC_PER_SEC;
  gint64 job_id;
  gboolean claimed = FALSE;

  warta_clock_freeze (clock, now);
  schedule_mastodon (f, now + G_TIME_SPAN_HOUR);
  job_id = warta_outbox_job_get_id (job_for (f, f->mastodon_id));

  dialog = ask_reschedule (f, f->mastodon_id, &entry, &problem);
  later = local_text (f, now + 2 * G_TIME_SPAN_HOUR);
  gtk_editable_set_text (entry, later);
  /* Its time comes, and the other Warta is first. */
  warta_clock_freeze (clock, now + G_TIME_SPAN_HOUR);
  warta_clock_freeze (f->t->clock, now + G_TIME_SPAN_HOUR);
  g_assert_true (warta_outbox_repository_claim (f->t->outbox, job_id, "other-warta", NULL,
                                                now + 3 * G_TIME_SPAN_HOUR, &claimed, &error));
  g_assert_no_error (error);
  g_assert_true (claimed);
  adw_message_dialog_response (dialog, "change");
  iterate ();

  dialog = _warta_publish_view_get_dialog (f->view);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Time Not Changed");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Its time was not changed"));
  answer (dialog, "close");
  owner = warta_outbox_repository_dup_lease_owner (f->t->outbox, job_id);
  g_assert_cmpstr (owner, ==, "other-warta");
  g_assert_cmpint (warta_outbox_job_get_scheduled_at (job_for (f, f->mastodon_id)), ==,
                   now + G_TIME_SPAN_HOUR);
  g_assert_cmpuint (warta_outbox_job_get_state (job_for (f, f->mastodon_id)), ==,
                    WARTA_OUTBOX_STATE_RUNNING);
}

/* -- TikTok: the video's length, too many requests, a lost photo post ------------------------ */

/* A real MP4 of @seconds in place of the publication's video, made with
 * x264enc and mp4mux (gstreamer1.0-plugins-ugly and -good, in
 * tests/install-deps): without them the test fails, it does not skip. */
static void
make_real_video (Fixture *f,
                 guint    seconds)
{
  g_autoptr(GDir) dir = g_dir_open (f->t->dir, 0, NULL);
  g_autofree char *path = NULL;
  g_autofree char *description = NULL;
  g_autoptr(GstElement) pipeline = NULL;
  g_autoptr(GstBus) bus = NULL;
  g_autoptr(GstMessage) message = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "video-") && g_str_has_suffix (name, ".mp4"))
      path = g_build_filename (f->t->dir, name, NULL);
  g_assert_nonnull (path);

  gst_init (NULL, NULL);
  description = g_strdup_printf ("videotestsrc num-buffers=%u ! "
                                 "video/x-raw,width=320,height=240,framerate=10/1 ! "
                                 "x264enc ! mp4mux ! filesink location=\"%s\"",
                                 seconds * 10, path);
  pipeline = gst_parse_launch (description, &error);
  if (pipeline == NULL || error != NULL)
    g_error ("GStreamer cannot make the test video (x264enc, mp4mux: see tests/install-deps): %s",
             error ? error->message : "no pipeline");
  g_assert_cmpint (gst_element_set_state (pipeline, GST_STATE_PLAYING), !=, GST_STATE_CHANGE_FAILURE);
  bus = gst_element_get_bus (pipeline);
  message = gst_bus_timed_pop_filtered (bus, 60 * GST_SECOND, GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  if (message == NULL || GST_MESSAGE_TYPE (message) != GST_MESSAGE_EOS)
    {
      g_autoptr(GError) failed = NULL;

      if (message)
        gst_message_parse_error (message, &failed, NULL);
      g_error ("GStreamer did not make the test video: %s", failed ? failed->message : "timed out");
    }
  gst_element_set_state (pipeline, GST_STATE_NULL);
}

static gboolean
duration_known (Fixture  *f,
                gpointer  data)
{
  return _warta_publish_view_get_tiktok_duration (f->view, f->tiktok_id) >= 0;
}

/* The view asks TikTok again for @max_seconds and probes the video. */
static gint64
check_length (Fixture *f,
              guint    max_seconds)
{
  warta_test_tiktok_server_set_max_duration (f->tiktok, max_seconds);
  warta_publish_view_set_publication (f->view, f->publication);
  wait_files_checked (f->view);
  only_targets (f, &f->tiktok_id, 1);
  wait_until (f, creator_shown, (gpointer) "Warta Kabupaten", "the creator");
  wait_until (f, duration_known, NULL, "the video's length");
  choose_privacy (f, "SELF_ONLY");
  return _warta_publish_view_get_tiktok_duration (f->view, f->tiktok_id);
}

/* A 3-second video: too long for a limit of 2 seconds (said, and Publish
 * Now held back), fine for a limit of 10. */
static void
test_tiktok_too_long (Fixture       *f,
                      gconstpointer  data)
{
  GtkWidget *publish = _warta_publish_view_get_widget (f->view, 0, "publish-now");
  GtkWidget *hint = _warta_publish_view_get_widget (f->view, 0, "publish-hint");
  GtkWidget *problem;
  gint64 duration;

  make_real_video (f, 3);
  duration = check_length (f, 2);
  g_assert_cmpint (duration, >=, 2900 * 1000);
  g_assert_cmpint (duration, <=, 3100 * 1000);
  problem = tiktok_widget (f, "problem");
  g_assert_true (gtk_widget_get_visible (problem));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (problem)), "The video is 0:03 long"));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (problem)), "at most 0:02"));
  g_assert_false (gtk_widget_is_sensitive (publish));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (hint)), "The video is too long"));

  check_length (f, 10);
  g_assert_false (gtk_widget_get_visible (tiktok_widget (f, "problem")));
  g_assert_true (gtk_widget_is_sensitive (publish));
  g_assert_false (gtk_widget_get_visible (hint));
  g_assert_cmpuint (warta_test_server_count_requests (f->tiktok, "POST", "/v2/post/publish/video/init/"), ==, 0);
}

/* creator_info refused with 429 rate_limit_exceeded, every attempt the
 * client makes: TikTok's words and Ask Again; once TikTok answers again,
 * Ask Again shows the choices. */
static void
test_tiktok_creator_rate_limited (Fixture       *f,
                                  gconstpointer  data)
{
  const char *path = "/v2/post/publish/creator_info/query/";
  const WartaRetryPolicy *policy;
  GtkWidget *action;
  guint asked;

  only_targets (f, &f->tiktok_id, 1);
  wait_until (f, creator_shown, (gpointer) "Warta Kabupaten", "the creator");
  policy = warta_http_client_get_retry_policy (warta_context_get_http_client (f->context));
  for (guint i = 1; i <= policy->max_attempts; i++)
    warta_test_server_add_error (f->tiktok, "POST", path, i, "rate_limit_exceeded");
  asked = warta_test_server_count_requests (f->tiktok, "POST", path);
  warta_publish_view_set_publication (f->view, f->publication);
  wait_files_checked (f->view);
  only_targets (f, &f->tiktok_id, 1);
  wait_until (f, problem_shown, NULL, "TikTok's refusal");

  g_assert_cmpuint (warta_test_server_count_requests (f->tiktok, "POST", path), ==,
                    asked + policy->max_attempts);
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (tiktok_widget (f, "problem"))),
                            "API rate limit was exceeded, please try again later."));
  action = tiktok_widget (f, "action");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (action)), ==, "_Ask Again");
  g_assert_false (gtk_widget_get_visible (tiktok_widget (f, "privacy")));
  g_assert_false (gtk_widget_is_sensitive (_warta_publish_view_get_widget (f->view, 0, "publish-now")));

  click (action);
  wait_until (f, creator_shown, (gpointer) "Posting as Warta Kabupaten (@wartakab)", "the creator");
  g_assert_false (gtk_widget_get_visible (tiktok_widget (f, "problem")));
  g_assert_true (gtk_widget_get_visible (tiktok_widget (f, "privacy")));
  g_assert_nonnull (tiktok_widget (f, "privacy-PUBLIC_TO_EVERYONE"));
  choose_privacy (f, "PUBLIC_TO_EVERYONE");
  g_assert_true (gtk_widget_is_sensitive (_warta_publish_view_get_widget (f->view, 0, "publish-now")));
}

/* Photos only, hosted on the WordPress site; the answer to content/init
 * is lost and TikTok made nothing: the row says to check, offers Post
 * Again (not Try Again) and manual upload; Post Again makes one post. */
static void
test_tiktok_post_again (Fixture       *f,
                        gconstpointer  data)
{
  const char *path = "/v2/post/publish/content/init/";
  g_autoptr(WartaPublication) photos = NULL;
  AdwMessageDialog *dialog;

  /* This one's photo goes to TikTok. */
  f->t->skip_platform = NULL;
  photos = warta_test_publish_make_approved (f->t, "Rakor foto TikTok", 1);
  warta_publish_view_set_publication (f->view, photos);
  wait_files_checked (f->view);
  only_targets (f, &f->tiktok_id, 1);
  wait_until (f, creator_shown, (gpointer) "Warta Kabupaten", "the creator");
  choose_privacy (f, "PUBLIC_TO_EVERYONE");
  warta_test_server_add_fault (f->tiktok, "POST", path, 1, WARTA_TEST_FAULT_DROP, 0);
  click (_warta_publish_view_get_widget (f->view, 0, "publish-now"));
  wait_job (f, f->tiktok_id, WARTA_OUTBOX_STATE_FAILED);

  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (job_widget (f, f->tiktok_id, "state"))), ==,
                   "Check whether it was posted");
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (job_widget (f, f->tiktok_id, "error"))),
                            "TikTok may have received this photo post"));
  g_assert_false (gtk_widget_get_visible (job_widget (f, f->tiktok_id, "retry")));
  g_assert_true (gtk_widget_get_visible (job_widget (f, f->tiktok_id, "manual")));
  g_assert_cmpuint (warta_test_server_count_requests (f->tiktok, "POST", path), ==, 1);
  g_assert_cmpuint (warta_test_server_get_media_count (f->tiktok), ==, 0);
  /* Who only follows is told what is not known, not to check. */
  sign_in_as (f, WARTA_ROLE_VERIFIER);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (job_widget (f, f->tiktok_id, "state"))), ==,
                   "Not known whether it was posted");
  g_assert_cmpstr (job_label (f, f->tiktok_id, "error"), ==,
                   "The platform’s answer was lost, so the post may be there or not. The social "
                   "media admin looks before anything is sent again.");
  sign_in_as (f, WARTA_ROLE_SOCIAL_MEDIA_ADMIN);

  /* Post Again asks first: declining sends nothing. */
  click (job_widget (f, f->tiktok_id, "post-again"));
  dialog = _warta_publish_view_get_dialog (f->view);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "makes a second one"));
  adw_message_dialog_response (dialog, "keep");
  wait_ms (300);
  g_assert_cmpuint (warta_test_server_count_requests (f->tiktok, "POST", path), ==, 1);
  g_assert_cmpuint (warta_outbox_job_get_state (job_for (f, f->tiktok_id)), ==, WARTA_OUTBOX_STATE_FAILED);

  click (job_widget (f, f->tiktok_id, "post-again"));
  dialog = _warta_publish_view_get_dialog (f->view);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "post");
  wait_job (f, f->tiktok_id, WARTA_OUTBOX_STATE_DONE);
  g_assert_cmpuint (warta_test_server_count_requests (f->tiktok, "POST", path), ==, 2);
  g_assert_cmpuint (warta_test_server_get_post_count (f->tiktok), ==, 1);
  g_assert_false (gtk_widget_get_visible (job_widget (f, f->tiktok_id, "post-again")));
}

/* What a stopped row says, in one language: the state, and under it why
 * — never the advice its own buttons give. */
typedef struct
{
  const char *language;
  const char *cancelled;      /* the state of a cancelled row */
  const char *cancel_said;    /* the start of a cancel's message, not to repeat */
  const char *nothing_sent;   /* what a cancel leaves */
  const char *sign_in;        /* the state of a row whose sign-in expired */
  const char *sign_in_why;    /* the reason */
  const char *in_accounts;    /* the advice to go to Accounts, not to repeat */
  const char *cancel_tip;     /* the tooltip of a row's Cancel icon */
} RowTexts;

static const RowTexts row_texts_en = {
  NULL, "Cancelled", "Cancelled", "Nothing more is sent.",
  "Sign in again", "Mastodon no longer accepts the saved sign-in.", "in Accounts",
  "Cancel publishing to this target",
};

static const RowTexts row_texts_id = {
  "id", "Dibatalkan", "Dibatalkan", "Tidak ada lagi yang dikirim.",
  "Masuk lagi", "Mastodon tidak lagi menerima data masuk yang tersimpan.", "di Akun",
  "Batalkan penerbitan ke tujuan ini",
};

static void
fixture_setup_language (Fixture       *f,
                        gconstpointer  data)
{
  const RowTexts *texts = data;

  warta_test_gui_set_language (texts->language);
  fixture_setup (f, NULL);
}

static void
fixture_teardown_language (Fixture       *f,
                           gconstpointer  data)
{
  fixture_teardown (f, data);
  warta_test_gui_set_language (NULL);
}

/* The state and the message under it say different things. */
static void
assert_row_says (Fixture    *f,
                 gint64      account_id,
                 const char *state,
                 const char *message)
{
  const char *shown_state = job_label (f, account_id, "state");
  const char *shown = job_label (f, account_id, "error");

  g_test_message ("%s / %s", shown_state, shown);
  g_assert_cmpstr (shown_state, ==, state);
  g_assert_cmpstr (shown, ==, message);
  g_assert_false (g_str_has_prefix (shown, shown_state));
}

/* Mastodon rate-limited (waiting), the website's post refused; then
 * Mastodon cancelled, then stopped for its sign-in; in English and
 * Indonesian. */
static void
test_row_texts (Fixture       *f,
                gconstpointer  data)
{
  const RowTexts *texts = data;
  g_autofree char *shot = NULL;
  AdwMessageDialog *dialog;
  const char *message;

  warta_test_server_add_fault (f->mastodon, "POST", "/api/v2/media", 1,
                               WARTA_TEST_FAULT_RATE_LIMIT, 3600);
  warta_test_server_add_fault (f->wordpress, "POST", "/wp-json/wp/v2/media", 1,
                               WARTA_TEST_FAULT_STATUS, 400);
  click (_warta_publish_view_get_widget (f->view, 0, "publish-now"));
  wait_job (f, f->mastodon_id, WARTA_OUTBOX_STATE_WAITING);
  wait_job (f, f->wordpress_id, WARTA_OUTBOX_STATE_FAILED);
  g_test_message ("%s / %s", job_label (f, f->mastodon_id, "state"),
                  job_label (f, f->mastodon_id, "error"));
  g_test_message ("%s / %s", job_label (f, f->wordpress_id, "state"),
                  job_label (f, f->wordpress_id, "error"));
  shot = g_strdup_printf ("publish-rows-waiting-%s.png", texts->language ? texts->language : "en");
  screenshot (f, f->window, shot);

  /* A target is a "tujuan" in Indonesian, in the tooltip too. */
  g_assert_cmpstr (gtk_widget_get_tooltip_text (job_widget (f, f->mastodon_id, "cancel")), ==,
                   texts->cancel_tip);

  /* Cancelled: what that leaves, not "Cancelled. Choose “Try Again” …". */
  click (job_widget (f, f->mastodon_id, "cancel"));
  dialog = _warta_publish_view_get_dialog (f->view);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "cancel");
  iterate ();
  wait_job (f, f->mastodon_id, WARTA_OUTBOX_STATE_FAILED);
  message = warta_outbox_job_get_error_message (job_for (f, f->mastodon_id));
  g_assert_true (g_str_has_prefix (message, texts->nothing_sent));
  assert_row_says (f, f->mastodon_id, texts->cancelled, message);
  g_assert_false (g_str_has_prefix (message, texts->cancel_said));
  g_assert_true (gtk_widget_get_visible (job_widget (f, f->mastodon_id, "retry")));
  g_assert_true (gtk_widget_get_visible (job_widget (f, f->mastodon_id, "manual")));
  g_clear_pointer (&shot, g_free);
  shot = g_strdup_printf ("publish-rows-cancelled-%s.png", texts->language ? texts->language : "en");
  screenshot (f, f->window, shot);

  /* Stopped for its sign-in: why, without "Sign in again … in Accounts",
   * which its own Sign In Again does here. */
  warta_test_server_revoke_credentials (f->mastodon);
  click (job_widget (f, f->mastodon_id, "retry"));
  wait_job (f, f->mastodon_id, WARTA_OUTBOX_STATE_FAILED);
  g_assert_true (warta_outbox_job_get_needs_sign_in (job_for (f, f->mastodon_id)));
  /* The job keeps the whole advice, for wherever else it is told. */
  message = warta_outbox_job_get_error_message (job_for (f, f->mastodon_id));
  g_assert_nonnull (strstr (message, texts->in_accounts));
  assert_row_says (f, f->mastodon_id, texts->sign_in, texts->sign_in_why);
  /* A target waits for its sign-in: the line at the top says so too. */
  if (texts->language == NULL)
    g_assert_cmpstr (summary (f), ==, "Published on no target. Try the stopped targets again, "
                     "sign in again, or upload them by hand and record the proof.");
  g_assert_true (gtk_widget_get_visible (job_widget (f, f->mastodon_id, "sign-in")));
  assert_row_mnemonics_distinct (f, f->mastodon_id);
  g_clear_pointer (&shot, g_free);
  shot = g_strdup_printf ("publish-rows-sign-in-%s.png", texts->language ? texts->language : "en");
  screenshot (f, f->window, shot);

  /* Its hand-publishing form: the form's buttons too. */
  click (job_widget (f, f->mastodon_id, "manual"));
  wait_until (f, form_revealed, job_widget (f, f->mastodon_id, "manual-revealer"), "the form");
  assert_row_mnemonics_distinct (f, f->mastodon_id);
}

/* A YouTube account on the office's list, for a photo-only publication. */
static gint64
add_youtube (Fixture         *f,
             WartaTestServer *youtube)
{
  WartaAccountStore *store = warta_context_get_account_store (f->context);
  g_autoptr(GError) error = NULL;
  gint64 id = warta_test_publish_add_account (f->t, "youtube", warta_test_server_get_url (youtube),
                                              NULL, "key-youtube");

  _warta_account_store_set_memory_secret (store, "key-youtube", WARTA_TEST_YOUTUBE_TOKEN);
  g_assert_true (warta_account_store_reload (store, &error));
  g_assert_no_error (error);
  iterate ();
  return id;
}

#define YOUTUBE_REFUSAL "YouTube takes only a video, and this publication has photos only. " \
                        "Upload it elsewhere, or leave YouTube out."
#define TICKED_BY_HAND " Ticked, you upload it by hand."
/* The same, to whoever does not publish: why, and what happens there. */
#define REFUSED_NOT_TICKED YOUTUBE_REFUSAL " It does not go there unless the social media " \
                           "admin uploads it by hand."
#define REFUSED_TICKED YOUTUBE_REFUSAL " The social media admin uploads it by hand."

/* A target that cannot take the approved content is unticked, saying why
 * and what to do before anything is sent, and that ticked it is uploaded
 * by hand; left unticked, Publish sends nothing there and the other
 * targets go out. */
static void
test_impossible_target (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(WartaTestServer) youtube = warta_test_youtube_server_new ();
  gint64 youtube_id = add_youtube (f, youtube);
  GtkWidget *check = account_check (f, youtube_id);
  GtkWidget *row;

  g_assert_nonnull (check);
  row = account_row (f, youtube_id);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_is_sensitive (check));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   YOUTUBE_REFUSAL TICKED_BY_HAND);
  /* Why is read in full contrast, and the row is reached with the arrow
   * keys (a screen reader reads its reason) and ticks its check. */
  g_assert_true (gtk_widget_is_sensitive (row));
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
  g_assert_true (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row)) == check);
  g_assert_true (gtk_widget_is_sensitive (account_check (f, f->mastodon_id)));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (account_check (f, f->mastodon_id))));
  screenshot (f, f->window, "publish-impossible-target.png");

  click (_warta_publish_view_get_widget (f->view, 0, "publish-now"));
  wait_job (f, f->mastodon_id, WARTA_OUTBOX_STATE_DONE);
  wait_job (f, f->wordpress_id, WARTA_OUTBOX_STATE_DONE);
  g_assert_null (_warta_publish_view_get_dialog (f->view));
  g_assert_null (job_for (f, youtube_id));
  g_assert_cmpuint (warta_test_server_count_requests (youtube, "POST", "/"), ==, 0);
  g_assert_cmpuint (warta_test_server_count_requests (youtube, "PUT", "/"), ==, 0);
  g_assert_cmpuint (warta_test_server_get_post_count (youtube), ==, 0);
  g_assert_cmpuint (publication_state (f), ==, WARTA_STATE_PUBLISHED);
}

/* The admin ticks a target that cannot take the approved content: Publish
 * Now writes its job already being uploaded by hand, and its row shows the
 * form (texts, renditions, address, time and screenshot), while the
 * others are sent; nothing is sent to it. Who does not publish sees only
 * why, and no check. */
static void
test_refused_target_by_hand (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(WartaTestServer) youtube = warta_test_youtube_server_new ();
  gint64 youtube_id = add_youtube (f, youtube);
  GtkWidget *check = account_check (f, youtube_id);
  GtkWidget *row = account_row (f, youtube_id);
  WartaOutboxJob *job;

  sign_in_as (f, WARTA_ROLE_VERIFIER);
  check = account_check (f, youtube_id);
  row = account_row (f, youtube_id);
  g_assert_false (gtk_widget_is_visible (check));
  g_assert_false (gtk_widget_is_visible (account_check (f, f->mastodon_id)));
  g_assert_false (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, REFUSED_NOT_TICKED);

  sign_in_as (f, WARTA_ROLE_SOCIAL_MEDIA_ADMIN);
  check = account_check (f, youtube_id);
  row = account_row (f, youtube_id);
  g_assert_true (gtk_widget_is_visible (check));
  g_assert_true (gtk_widget_is_sensitive (check));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   YOUTUBE_REFUSAL TICKED_BY_HAND);
  /* 360 pixels wide, the reason wraps rather than widening the window. */
  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 700);
  warta_test_gui_wait_for_layout (f->window);
  g_assert_cmpint (gtk_widget_get_width (row), <=, 360);
  screenshot (f, f->window, "publish-refused-target-360.png");
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  warta_test_gui_wait_for_layout (f->window);

  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  iterate ();
  /* Ticked: who follows is told it is uploaded by hand. */
  sign_in_as (f, WARTA_ROLE_VERIFIER);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (account_row (f, youtube_id))), ==,
                   REFUSED_TICKED);
  sign_in_as (f, WARTA_ROLE_SOCIAL_MEDIA_ADMIN);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (account_row (f, youtube_id))), ==,
                   YOUTUBE_REFUSAL TICKED_BY_HAND);
  click (_warta_publish_view_get_widget (f->view, 0, "publish-now"));
  g_assert_null (_warta_publish_view_get_dialog (f->view));
  wait_job (f, f->mastodon_id, WARTA_OUTBOX_STATE_DONE);
  wait_job (f, f->wordpress_id, WARTA_OUTBOX_STATE_DONE);
  job = job_for (f, youtube_id);
  g_assert_nonnull (job);
  g_assert_cmpuint (warta_outbox_job_get_state (job), ==, WARTA_OUTBOX_STATE_PAUSED);
  g_assert_cmpint (warta_outbox_job_get_by_hand_since (job), !=, 0);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (job_widget (f, youtube_id,
                                                                          "manual-revealer"))));
  wait_until (f, form_revealed, job_widget (f, youtube_id, "manual-revealer"), "the form");
  g_assert_true (gtk_widget_is_visible (job_widget (f, youtube_id, "manual-url")));
  g_assert_true (gtk_widget_is_visible (job_widget (f, youtube_id, "manual-time")));
  g_assert_true (gtk_widget_is_visible (job_widget (f, youtube_id, "manual-screenshot")));
  g_assert_true (gtk_widget_is_visible (job_widget (f, youtube_id, "manual-record")));
  g_assert_true (gtk_widget_is_visible (job_widget (f, youtube_id, "copy-0")));
  /* Warta cannot send it: no "Send with Warta Instead" to be refused. */
  g_assert_false (gtk_widget_get_visible (job_widget (f, youtube_id, "manual")));
  screenshot (f, f->window, "publish-refused-target-by-hand.png");
  g_assert_cmpuint (warta_test_server_count_requests (youtube, "POST", "/"), ==, 0);
  g_assert_cmpuint (warta_test_server_count_requests (youtube, "PUT", "/"), ==, 0);
  g_assert_cmpuint (warta_test_server_get_post_count (youtube), ==, 0);
  /* Published everywhere else, it waits for the proof. */
  g_assert_cmpuint (publication_state (f), ==, WARTA_STATE_PUBLISHING);
}

/* A target Warta cannot send to, ticked to upload it by hand, is part of
 * the saved choice as every other: it stays ticked when the list is built
 * again (an account signed in meanwhile) and in a view opened again, a
 * view on another Warta on the same file shows it ticked, and unticked
 * there it is unticked here; changed there a moment before Publish Now,
 * nothing is published. */
static void
test_refused_target_choice_saved (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(WartaTestServer) youtube = warta_test_youtube_server_new ();
  gint64 youtube_id = add_youtube (f, youtube);
  g_autoptr(WartaContext) other = NULL;
  g_autoptr(GError) error = NULL;
  WartaPublishView *colleague;
  GtkWidget *colleague_window;
  AdwMessageDialog *dialog;
  TargetWait wait = { 0 };

  gtk_check_button_set_active (view_check (f->view, youtube_id), TRUE);
  iterate ();
  g_assert_null (_warta_publish_view_get_dialog (f->view));

  /* The list built again: an account signed in meanwhile. */
  g_assert_true (warta_account_store_reload (warta_context_get_account_store (f->context), &error));
  g_assert_no_error (error);
  iterate ();
  g_assert_true (gtk_check_button_get_active (view_check (f->view, youtube_id)));

  /* The window closed and opened again. */
  gtk_window_destroy (GTK_WINDOW (f->window));
  iterate ();
  f->view = open_view (f->context, f->publication, &f->window);
  g_assert_true (gtk_check_button_get_active (view_check (f->view, youtube_id)));
  g_assert_true (gtk_check_button_get_active (view_check (f->view, f->mastodon_id)));

  /* Another Warta on the same file finds it ticked; unticked there, it is
   * unticked here. */
  other = colleague_context (f);
  colleague = open_view (other, f->publication, &colleague_window);
  g_assert_true (gtk_check_button_get_active (view_check (colleague, youtube_id)));
  gtk_check_button_set_active (view_check (colleague, youtube_id), FALSE);
  wait.view = f->view;
  wait.account_id = youtube_id;
  wait.ticked = FALSE;
  wait_until (f, target_is, &wait, "YouTube unticked here");

  /* Ticked here, and unticked there a moment before Publish Now here, not
   * heard of yet: nothing is published, and the choice is shown as saved. */
  gtk_check_button_set_active (view_check (f->view, youtube_id), TRUE);
  iterate ();
  g_assert_true (warta_publication_repository_set_by_hand (warta_context_get_publications (other),
                                                           f->t->admin,
                                                           warta_publication_get_id (f->publication),
                                                           youtube_id, FALSE, &error));
  g_assert_no_error (error);
  click (_warta_publish_view_get_widget (f->view, 0, "publish-now"));
  dialog = _warta_publish_view_get_dialog (f->view);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Targets Changed");
  answer (dialog, "close");
  g_assert_false (gtk_check_button_get_active (view_check (f->view, youtube_id)));
  g_assert_cmpuint (publication_state (f), ==, WARTA_STATE_APPROVED);

  gtk_window_destroy (GTK_WINDOW (colleague_window));
  iterate ();
}

/* An approved X caption longer than X takes, as X counts: the X target
 * is unticked, saying why and what to do (the text cannot change once
 * approved); left so, nothing is sent there. */
static void
test_caption_too_long_target (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(WartaTestServer) x = warta_test_x_server_new ();
  WartaAccountStore *store = warta_context_get_account_store (f->context);
  g_autoptr(WartaPublication) long_caption = NULL;
  g_autoptr(GString) caption = g_string_new ("Rakor pengawasan dana desa: ");
  g_autoptr(GError) error = NULL;
  GtkWidget *check, *row;
  gint64 id;

  id = warta_test_publish_add_account (f->t, "x", warta_test_server_get_url (x),
                                       "{\"poll-ms\": \"5\"}", "key-x");
  _warta_account_store_set_memory_secret (store, "key-x", WARTA_TEST_X_TOKEN);
  g_assert_true (warta_account_store_reload (store, &error));
  g_assert_no_error (error);
  /* 28 + 142 Chinese characters: 170 characters for the other
   * platforms, 312 for X (such a character weighs 2 there). */
  for (guint i = 0; i < 142; i++)
    g_string_append (caption, "\xe6\x88\x91");
  f->t->x_caption = caption->str;
  long_caption = warta_test_publish_make_approved (f->t, "Rakor keterangan panjang", 1);
  f->t->x_caption = NULL;
  warta_publish_view_set_publication (f->view, long_caption);
  wait_files_checked (f->view);
  iterate ();

  check = account_check (f, id);
  g_assert_nonnull (check);
  row = account_row (f, id);
  g_assert_true (gtk_widget_is_sensitive (check));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "The X post is 312 characters long as X counts; X takes 280. An approved "
                   "text cannot change: return the content concept for a shorter one, or "
                   "upload it to X by hand." TICKED_BY_HAND);
  g_assert_true (gtk_widget_is_sensitive (account_check (f, f->mastodon_id)));
  screenshot (f, f->window, "publish-caption-too-long.png");

  click (_warta_publish_view_get_widget (f->view, 0, "publish-now"));
  wait_job (f, f->mastodon_id, WARTA_OUTBOX_STATE_DONE);
  wait_job (f, f->wordpress_id, WARTA_OUTBOX_STATE_DONE);
  g_assert_null (job_for (f, id));
  g_assert_cmpuint (warta_test_server_get_post_count (x), ==, 0);
}

/* An Instagram account whose website (the public host of its photos) is
 * gone can still be chosen, saying so: its job stops at once with the
 * same words, sends nothing, and can be uploaded by hand. */
static void
test_no_host_target (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(WartaTestServer) instagram = warta_test_instagram_server_new ();
  WartaAccountStore *store = warta_context_get_account_store (f->context);
  g_autoptr(GError) error = NULL;
  GtkWidget *check, *row;
  gint64 id;

  id = warta_test_publish_add_account (f->t, "instagram", warta_test_server_get_url (instagram),
                                       "{\"user-id\": \"" WARTA_TEST_INSTAGRAM_USER_ID "\", "
                                       "\"wordpress-account\": \"9999\"}",
                                       "key-instagram");
  _warta_account_store_set_memory_secret (store, "key-instagram", WARTA_TEST_INSTAGRAM_TOKEN);
  g_assert_true (warta_account_store_reload (store, &error));
  g_assert_no_error (error);
  iterate ();

  check = account_check (f, id);
  row = account_row (f, id);
  g_assert_true (gtk_widget_is_sensitive (check));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   warta_publish_check_no_host_message ("instagram", FALSE));

  click (_warta_publish_view_get_widget (f->view, 0, "publish-now"));
  wait_job (f, id, WARTA_OUTBOX_STATE_FAILED);
  iterate ();
  g_assert_cmpstr (job_label (f, id, "error"), ==,
                   warta_publish_check_no_host_message ("instagram", FALSE));
  g_assert_true (gtk_widget_get_visible (job_widget (f, id, "manual")));
  g_assert_cmpuint (warta_test_server_count_requests (instagram, "POST", "/"), ==, 0);
}

/* Every role that only follows reads the platform's reason for a target
 * that cannot take the content, the words the admin reads, and what
 * happens there; none gets the admin's check or buttons. */
static void
test_refused_target_reason_for_followers (Fixture       *f,
                                          gconstpointer  data)
{
  g_autoptr(WartaTestServer) youtube = warta_test_youtube_server_new ();
  gint64 youtube_id = add_youtube (f, youtube);
  const WartaRole roles[] = {
    WARTA_ROLE_VERIFIER, WARTA_ROLE_APPROVER, WARTA_ROLE_ACTIVITY_OFFICER,
  };

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      GtkWidget *row;

      sign_in_as (f, roles[i]);
      row = account_row (f, youtube_id);
      g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                       REFUSED_NOT_TICKED);
      g_assert_false (gtk_widget_is_visible (account_check (f, youtube_id)));
      g_assert_false (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
      g_assert_false (gtk_widget_is_visible (_warta_publish_view_get_widget (f->view, 0,
                                                                             "publish-now")));
      g_assert_false (gtk_widget_is_visible (_warta_publish_view_get_widget (f->view, 0,
                                                                             "upload-manual")));
    }
  screenshot (f, f->window, "publish-refused-target-follower.png");
}

/* The Mastodon account keeps the limits its instance gave at sign-in,
 * @max_characters a status: the view's list is built again with them. */
static void
keep_mastodon_limit (Fixture *f,
                     guint    max_characters)
{
  WartaAccountStore *store = warta_context_get_account_store (f->context);
  WartaMastodonLimits limits = { TRUE, max_characters, 23, 4, 16777216, 103809024, 1500 };
  g_autofree char *json = warta_mastodon_limits_to_json (&limits);
  g_autoptr(GError) error = NULL;

  g_assert_true (warta_account_repository_merge_settings (warta_account_store_get_repository (store),
                                                          f->mastodon_id, json, &error));
  g_assert_no_error (error);
  g_assert_true (warta_account_store_reload (store, &error));
  g_assert_no_error (error);
  iterate ();
}

/* The status's limit kept in the Mastodon account's saved settings. */
static guint
kept_mastodon_limit (Fixture *f)
{
  WartaAccountStore *store = warta_context_get_account_store (f->context);
  g_autoptr(WartaAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  WartaMastodonLimits limits;

  account = warta_account_repository_get (warta_account_store_get_repository (store),
                                          f->mastodon_id, &error);
  g_assert_no_error (error);
  g_assert_true (warta_mastodon_limits_load (account, &limits));
  return limits.max_characters;
}

static gboolean
ask_answered (Fixture  *f,
              gpointer  data)
{
  return !g_str_has_suffix (adw_action_row_get_subtitle (ADW_ACTION_ROW (account_row (f, f->mastodon_id))),
                            "Asking the instance its limits now… Ticked, you upload it by hand.");
}

static GtkWidget *
ask_button (Fixture *f)
{
  g_autofree char *name = g_strdup_printf ("ask-instance-%" G_GINT64_FORMAT, f->mastodon_id);

  return _warta_publish_view_get_widget (f->view, 0, name);
}

/* Presses Ask the Instance Again on the Mastodon row: at once the row
 * says it is asking and the button waits; then the answer. */
static void
ask_instance (Fixture *f)
{
  GtkWidget *ask = ask_button (f);

  g_assert_nonnull (ask);
  g_assert_true (gtk_widget_is_visible (ask));
  g_assert_true (gtk_widget_is_sensitive (ask));
  g_signal_emit_by_name (ask, "clicked");
  g_assert_false (gtk_widget_get_sensitive (ask));
  g_assert_true (g_str_has_suffix (adw_action_row_get_subtitle (ADW_ACTION_ROW (account_row (f, f->mastodon_id))),
                                   "Asking the instance its limits now… Ticked, you upload it by hand."));
  wait_until (f, ask_answered, NULL, "the instance's answer");
}

#define MASTODON_TAKES_10 "; this instance takes 10. An approved text cannot change: return the " \
                          "content concept for a shorter one, or post it on Mastodon by hand. " \
                          "The limit is the one the instance gave when Warta last asked it; if it " \
                          "takes more now, the social media admin asks it again with Ask the " \
                          "Instance Again."

/* The instance said 10 characters at sign-in, and takes 500 since: the
 * admin asks it again, the target can be chosen as any other, is ticked,
 * and is published; the new limit is kept. @kind: whether the instance
 * says it in /api/v2/instance (one request), or has no v2 and says it
 * in v1 (Mastodon 3.x). */
static void
ask_instance_raised (Fixture               *f,
                     WartaTestInstanceKind  kind)
{
  WartaTestInstance instance = WARTA_TEST_INSTANCE_DEFAULT;
  const char *subtitle;

  instance.kind = kind;
  warta_test_server_set_instance (f->mastodon, &instance);
  keep_mastodon_limit (f, 10);
  subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (account_row (f, f->mastodon_id)));
  g_assert_true (g_str_has_suffix (subtitle, MASTODON_TAKES_10 TICKED_BY_HAND));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (account_check (f, f->mastodon_id))));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (ask_button (f))), ==,
                   "_Ask the Instance Again");
  screenshot (f, f->window, "publish-ask-instance.png");

  ask_instance (f);
  g_assert_null (ask_button (f));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (account_row (f, f->mastodon_id))),
                   ==, "Mastodon");
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (account_check (f, f->mastodon_id))));
  g_assert_cmpuint (kept_mastodon_limit (f), ==, 500);
  g_assert_cmpuint (warta_test_server_count_requests (f->mastodon, "GET", "/api/v2/instance"), ==, 1);
  g_assert_cmpuint (warta_test_server_count_requests (f->mastodon, "GET", "/api/v1/instance"), ==,
                    kind == WARTA_TEST_INSTANCE_V2 ? 0 : 1);

  click (_warta_publish_view_get_widget (f->view, 0, "publish-now"));
  wait_job (f, f->mastodon_id, WARTA_OUTBOX_STATE_DONE);
  wait_job (f, f->wordpress_id, WARTA_OUTBOX_STATE_DONE);
  g_assert_cmpuint (warta_test_server_get_post_count (f->mastodon), ==, 1);
  g_assert_cmpuint (publication_state (f), ==, WARTA_STATE_PUBLISHED);
}

static void
test_ask_instance_raised (Fixture       *f,
                          gconstpointer  data)
{
  ask_instance_raised (f, WARTA_TEST_INSTANCE_V2);
}

/* Mastodon 3.x: /api/v2/instance is 404, /api/v1/instance says the new
 * limit. */
static void
test_ask_instance_raised_v1 (Fixture       *f,
                             gconstpointer  data)
{
  ask_instance_raised (f, WARTA_TEST_INSTANCE_V1);
}

/* Asked again, the instance takes 20 now: still too short, the row says
 * so with the limit it gave just now, and that it was just asked. */
static void
test_ask_instance_still_too_small (Fixture       *f,
                                   gconstpointer  data)
{
  WartaTestInstance instance = WARTA_TEST_INSTANCE_DEFAULT;
  const char *subtitle;

  instance.max_characters = 20;
  warta_test_server_set_instance (f->mastodon, &instance);
  keep_mastodon_limit (f, 10);
  ask_instance (f);
  subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (account_row (f, f->mastodon_id)));
  g_assert_true (g_str_has_suffix (subtitle,
                                   "; this instance takes 20. An approved text cannot change: "
                                   "return the content concept for a shorter one, or post it on "
                                   "Mastodon by hand. Warta asked the instance just now, and this "
                                   "is the limit it gave." TICKED_BY_HAND));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (account_check (f, f->mastodon_id))));
  g_assert_cmpuint (kept_mastodon_limit (f), ==, 20);
  /* It can be asked again. */
  g_assert_true (gtk_widget_is_visible (ask_button (f)));
  g_assert_true (gtk_widget_is_sensitive (ask_button (f)));
  screenshot (f, f->window, "publish-ask-instance-too-small.png");
  /* 360 pixels wide, the reason wraps beside the button. */
  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 700);
  warta_test_gui_wait_for_layout (f->window);
  g_assert_cmpint (gtk_widget_get_width (account_row (f, f->mastodon_id)), <=, 360);
  screenshot (f, f->window, "publish-ask-instance-360.png");
}

/* The instance answers 500 every time: the row says it did not answer,
 * what to do, and the kept limit stays in force. Its /api/v1/instance,
 * which would say 500 characters, is asked only when v2 is not there
 * (404), not when v2 fails. */
static void
test_ask_instance_no_answer (Fixture       *f,
                             gconstpointer  data)
{
  WartaTestInstance instance = WARTA_TEST_INSTANCE_DEFAULT;
  const char *subtitle;

  instance.kind = WARTA_TEST_INSTANCE_V1;
  warta_test_server_set_instance (f->mastodon, &instance);
  keep_mastodon_limit (f, 10);
  warta_test_server_add_fault (f->mastodon, "GET", "/api/v2/instance", 0, WARTA_TEST_FAULT_STATUS,
                               500);
  ask_instance (f);
  subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (account_row (f, f->mastodon_id)));
  g_assert_true (g_str_has_suffix (subtitle,
                                   MASTODON_TAKES_10 " The instance did not answer when Warta "
                                   "asked it just now, so this is still the limit it gave before. "
                                   "Ask it again later, or return the content concept for "
                                   "content that fits." TICKED_BY_HAND));
  g_assert_cmpuint (warta_test_server_count_requests (f->mastodon, "GET", "/api/v2/instance"), >=, 1);
  g_assert_cmpuint (warta_test_server_count_requests (f->mastodon, "GET", "/api/v1/instance"), ==, 0);
  g_assert_cmpuint (kept_mastodon_limit (f), ==, 10);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (account_check (f, f->mastodon_id))));
  g_assert_true (gtk_widget_is_sensitive (ask_button (f)));
}

/* An instance before Mastodon 3.4 (v2 404, v1 without any limit)
 * answers without saying its limits: the row says it answered, not that
 * it did not, and the kept limit stays in force. */
static void
test_ask_instance_not_said (Fixture       *f,
                            gconstpointer  data)
{
  WartaTestInstance instance = WARTA_TEST_INSTANCE_DEFAULT;
  const char *subtitle;

  instance.kind = WARTA_TEST_INSTANCE_V1_BARE;
  warta_test_server_set_instance (f->mastodon, &instance);
  keep_mastodon_limit (f, 10);
  ask_instance (f);
  subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (account_row (f, f->mastodon_id)));
  g_assert_true (g_str_has_suffix (subtitle,
                                   MASTODON_TAKES_10 " The instance answered when Warta asked it "
                                   "just now, but no longer says its limits, so this is still the "
                                   "limit it gave before. Ask the instance’s administrator what it "
                                   "takes, or return the content concept for content that fits."
                                   TICKED_BY_HAND));
  g_assert_cmpuint (warta_test_server_count_requests (f->mastodon, "GET", "/api/v1/instance"), ==, 1);
  g_assert_cmpuint (kept_mastodon_limit (f), ==, 10);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (account_check (f, f->mastodon_id))));
  g_assert_true (gtk_widget_is_sensitive (ask_button (f)));
}

/* The view closed while the instance is being asked: it goes at once,
 * its request cancelled, and nothing is kept or shown after. */
/* -- the files the approved content is made of --------------------------------------- */

/* A publication with two photos, the first not for the website: its
 * first photo's path, and the folder it is in (the database's). */
static WartaPublication *
make_two_photos (Fixture  *f,
                 char    **first_path)
{
  g_autoptr(WartaPublication) p = NULL;
  g_autoptr(WartaRevision) revision = NULL;
  g_autoptr(WartaMediaItem) first = NULL;
  g_autoptr(GError) error = NULL;

  f->t->skip_platform = "wordpress";
  f->t->n_skipped = 1;
  p = warta_test_publish_make_approved (f->t, "Rapat dua foto", 2);
  f->t->skip_platform = NULL;
  f->t->n_skipped = 0;
  revision = warta_publication_repository_get_revision (f->t->publications,
                                                        warta_publication_get_approved_revision_id (p),
                                                        &error);
  g_assert_no_error (error);
  first = g_list_model_get_item (warta_revision_get_media (revision), 0);
  g_assert_false (warta_media_item_get_posted_to (first, "wordpress"));
  *first_path = g_build_filename (f->t->dir, warta_media_item_get_path (first), NULL);
  g_assert_true (g_file_test (*first_path, G_FILE_TEST_IS_REGULAR));
  return g_steal_pointer (&p);
}

static const char *
subtitle_of (Fixture *f,
             gint64   account_id)
{
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (account_row (f, account_id)));
}

static const char *
hint_shown (Fixture *f)
{
  GtkWidget *hint = _warta_publish_view_get_widget (f->view, 0, "publish-hint");

  return gtk_widget_get_visible (hint) ? gtk_label_get_label (GTK_LABEL (hint)) : NULL;
}

/* A photo deleted after the content was approved: Publish Now asks
 * first, and writes no job that would fail on it; the Mastodon target,
 * which uploads it, names it and its folder and says to put it back; the
 * website, which does not, is not held up by it. A verifier reads the
 * same. Put back, Check Again lets it go, and Publish Now publishes. */
static void
test_file_missing (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *name = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(WartaPublication) p = make_two_photos (f, &path);
  GtkWidget *publish = _warta_publish_view_get_widget (f->view, 0, "publish-now");
  GtkWidget *again = _warta_publish_view_get_widget (f->view, 0, "check-again");

  warta_publish_view_set_publication (f->view, p);
  wait_files_checked (f->view);
  wait_files_checked (f->view);
  g_assert_true (gtk_widget_is_sensitive (publish));
  g_assert_false (gtk_widget_get_visible (again));

  /* Moved away while the view is open: Schedule asks first too. */
  kept = g_strconcat (path, ".moved", NULL);
  gtk_switch_set_active (GTK_SWITCH (_warta_publish_view_get_widget (f->view, 0, "schedule-row")),
                         TRUE);
  iterate ();
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (publish)), ==, "_Schedule");
  g_assert_cmpint (g_rename (path, kept), ==, 0);
  click (publish);
  g_assert_null (_warta_publish_view_get_jobs (f->view));
  g_assert_false (gtk_widget_is_sensitive (publish));
  g_assert_cmpint (g_rename (kept, path), ==, 0);
  click (again);
  gtk_switch_set_active (GTK_SWITCH (_warta_publish_view_get_widget (f->view, 0, "schedule-row")),
                         FALSE);
  iterate ();

  /* And Publish Now. */
  g_assert_true (gtk_widget_is_sensitive (publish));
  g_assert_cmpint (g_rename (path, kept), ==, 0);
  click (publish);
  g_assert_null (_warta_publish_view_get_jobs (f->view));
  {
    g_autoptr(GListModel) jobs = warta_outbox_list_publication_jobs (warta_context_get_outbox (f->context),
                                                                     warta_publication_get_id (p),
                                                                     NULL);

    g_assert_cmpuint (jobs ? g_list_model_get_n_items (jobs) : 0, ==, 0);
  }
  name = g_path_get_basename (path);
  expected = g_strdup_printf ("“%s” is no longer in the folder “%s”. Put it back there under the "
                              "same name: the approved content cannot change now.",
                              name, f->t->dir);
  g_assert_cmpstr (subtitle_of (f, f->mastodon_id), ==, expected);
  g_assert_cmpstr (subtitle_of (f, f->wordpress_id), ==, "Website (WordPress)");
  g_assert_false (gtk_widget_is_sensitive (publish));
  g_assert_nonnull (hint_shown (f));
  g_assert_nonnull (strstr (hint_shown (f), "Check Again"));
  g_assert_true (gtk_widget_get_visible (again));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) == again);
  screenshot (f, f->window, "publish-file-missing.png");

  /* Who follows reads why too. */
  sign_in_as (f, WARTA_ROLE_VERIFIER);
  g_assert_cmpstr (subtitle_of (f, f->mastodon_id), ==, expected);
  sign_in_as (f, WARTA_ROLE_SOCIAL_MEDIA_ADMIN);

  /* Only the website: nothing it uploads is missing. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (account_check (f, f->mastodon_id)), FALSE);
  iterate ();
  g_assert_true (gtk_widget_is_sensitive (publish));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (account_check (f, f->mastodon_id)), TRUE);
  iterate ();
  g_assert_false (gtk_widget_is_sensitive (publish));

  /* A folder where the photo was: said so. */
  g_assert_cmpint (g_mkdir (path, 0755), ==, 0);
  click (again);
  g_assert_nonnull (strstr (subtitle_of (f, f->mastodon_id), "is now a folder"));
  g_assert_nonnull (strstr (subtitle_of (f, f->mastodon_id), name));
  g_assert_false (gtk_widget_is_sensitive (publish));
  g_assert_cmpint (g_rmdir (path), ==, 0);

  /* Put back: Check Again lets it go. */
  g_assert_cmpint (g_rename (kept, path), ==, 0);
  click (again);
  g_assert_cmpstr (subtitle_of (f, f->mastodon_id), ==, "Mastodon");
  g_assert_false (gtk_widget_get_visible (again));
  g_assert_null (hint_shown (f));
  click (publish);
  wait_job (f, f->mastodon_id, WARTA_OUTBOX_STATE_DONE);
  wait_job (f, f->wordpress_id, WARTA_OUTBOX_STATE_DONE);
  g_assert_cmpuint (warta_test_server_get_post_count (f->mastodon), ==, 1);
}

#define MISSING_SUMMARY_EN "Approved, but a photo or video is missing: the targets that upload " \
                           "it say which, and where to put it back."
#define MISSING_SUMMARY_ID "Disetujui, tetapi ada foto atau video yang hilang: tujuan yang " \
                           "mengunggahnya menyebutkan berkas mana dan ke mana mengembalikannya."

/* A photo missing when the view opens: said at once, on the target that
 * uploads it only, in English and Indonesian, with Check Again's access
 * key shared with nothing else shown. */
static void
test_file_missing_on_open (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *mastodon_before = NULL;
  g_autofree char *wordpress_before = NULL;
  g_autoptr(WartaPublication) p = make_two_photos (f, &path);

  warta_publish_view_set_publication (f->view, p);
  wait_files_checked (f->view);
  mastodon_before = g_strdup (subtitle_of (f, f->mastodon_id));
  wordpress_before = g_strdup (subtitle_of (f, f->wordpress_id));

  /* Opened again, the photo gone meanwhile. */
  g_assert_cmpint (g_unlink (path), ==, 0);
  warta_publish_view_set_publication (f->view, p);
  wait_files_checked (f->view);
  name = g_path_get_basename (path);
  g_assert_cmpstr (subtitle_of (f, f->mastodon_id), !=, mastodon_before);
  g_assert_nonnull (strstr (subtitle_of (f, f->mastodon_id), name));
  g_assert_nonnull (strstr (subtitle_of (f, f->mastodon_id), f->t->dir));
  if (data == NULL)
    g_assert_nonnull (strstr (subtitle_of (f, f->mastodon_id), "is no longer in the folder"));
  g_assert_cmpstr (subtitle_of (f, f->wordpress_id), ==, wordpress_before);
  g_assert_false (gtk_widget_is_sensitive (_warta_publish_view_get_widget (f->view, 0, "publish-now")));
  g_assert_true (gtk_widget_get_visible (_warta_publish_view_get_widget (f->view, 0, "check-again")));
  warta_test_gui_assert_mnemonics_unique (f->window);
  /* Not "ready to publish" at the top, to a verifier either. */
  g_assert_cmpstr (summary (f), ==,
                   data == NULL ? MISSING_SUMMARY_EN : MISSING_SUMMARY_ID);
  become (f, WARTA_ROLE_VERIFIER);
  g_assert_cmpstr (summary (f), ==,
                   data == NULL ? MISSING_SUMMARY_EN : MISSING_SUMMARY_ID);
}

/* Check Again from the keyboard: while the photo is still missing the
 * focus stays on it, to press again; once it is back and Check Again
 * goes away, the focus goes on to Publish Now, not out of the window. */
static void
test_file_check_again_focus (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *kept = NULL;
  g_autoptr(WartaPublication) p = make_two_photos (f, &path);
  GtkWidget *publish = _warta_publish_view_get_widget (f->view, 0, "publish-now");
  GtkWidget *again = _warta_publish_view_get_widget (f->view, 0, "check-again");

  kept = g_strconcat (path, ".moved", NULL);
  g_assert_cmpint (g_rename (path, kept), ==, 0);
  warta_publish_view_set_publication (f->view, p);
  wait_files_checked (f->view);
  g_assert_true (gtk_widget_get_visible (again));
  g_assert_true (gtk_widget_grab_focus (again));

  click (again);
  g_assert_true (gtk_widget_get_visible (again));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) == again);

  g_assert_cmpint (g_rename (kept, path), ==, 0);
  click (again);
  g_assert_false (gtk_widget_get_visible (again));
  g_assert_true (gtk_widget_is_sensitive (publish));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) == publish);
  g_assert_cmpstr (summary (f), ==,
                   "Approved and ready to publish. Only the approved content goes out, byte for byte.");
}

static gboolean
window_active (Fixture  *f,
               gpointer  data)
{
  return gtk_window_is_active (GTK_WINDOW (data));
}

/* Back to the window after putting the photo back (from the file
 * manager): asked again by itself, and Publish Now is free. */
static void
test_file_back_on_focus (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *kept = NULL;
  g_autoptr(WartaPublication) p = make_two_photos (f, &path);
  GtkWidget *other;

  kept = g_strconcat (path, ".moved", NULL);
  g_assert_cmpint (g_rename (path, kept), ==, 0);
  warta_publish_view_set_publication (f->view, p);
  wait_files_checked (f->view);
  g_assert_false (gtk_widget_is_sensitive (_warta_publish_view_get_widget (f->view, 0, "publish-now")));
  wait_until (f, window_active, f->window, "the window to be active");

  /* Away to another window, the photo put back, and back. */
  other = gtk_window_new ();
  gtk_window_present (GTK_WINDOW (other));
  wait_until (f, window_active, other, "the other window to be active");
  g_assert_cmpint (g_rename (kept, path), ==, 0);
  /* Mapped again, as a window is focused without a window manager. */
  gtk_widget_set_visible (f->window, FALSE);
  gtk_window_present (GTK_WINDOW (f->window));
  wait_until (f, window_active, f->window, "the window to be active again");
  gtk_window_destroy (GTK_WINDOW (other));
  wait_files_checked (f->view);
  g_assert_true (gtk_widget_is_sensitive (_warta_publish_view_get_widget (f->view, 0, "publish-now")));
  g_assert_cmpstr (subtitle_of (f, f->mastodon_id), ==, "Mastodon");
}

static gboolean
no_file_checks (Fixture  *f,
                gpointer  data)
{
  return _warta_publish_view_get_n_file_checks () == 0;
}

/* Closed while a file is being asked about (a pipe where the photo was
 * keeps the check waiting): the view goes at once, and the answer that
 * comes later touches nothing of it. */
static void
test_file_check_view_closed (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(WartaPublication) p = make_two_photos (f, &path);
  WartaPublishView *view = f->view;
  int fd;

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  warta_publish_view_set_publication (f->view, p);  /* not waited for */
  g_assert_true (_warta_publish_view_is_checking_files (f->view));
  g_object_add_weak_pointer (G_OBJECT (view), (gpointer *) &view);
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_assert_null (view);
  f->view = NULL;
  f->window = gtk_window_new ();
  iterate ();
  g_assert_cmpuint (_warta_publish_view_get_n_file_checks (), >, 0);

  /* The check's open of the pipe returns once a writer opens it. */
  fd = g_open (path, O_WRONLY, 0);
  g_assert_cmpint (fd, >=, 0);
  close (fd);
  wait_until (f, no_file_checks, NULL, "the check to answer");
}

static void
test_ask_instance_view_closed (Fixture       *f,
                               gconstpointer  data)
{
  WartaPublishView *view = f->view;
  GtkWidget *ask;

  keep_mastodon_limit (f, 10);
  ask = ask_button (f);
  g_assert_true (gtk_widget_is_sensitive (ask));
  g_signal_emit_by_name (ask, "clicked");
  g_object_add_weak_pointer (G_OBJECT (view), (gpointer *) &view);
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_assert_null (view);
  f->view = NULL;
  f->window = gtk_window_new ();
  iterate ();
  g_assert_cmpuint (warta_test_server_count_requests (f->mastodon, "GET", "/api/v2/instance"), ==, 0);
  g_assert_cmpuint (kept_mastodon_limit (f), ==, 10);
}

/* Who follows reads the reason as before, and cannot ask the instance. */
static void
test_ask_instance_follower (Fixture       *f,
                            gconstpointer  data)
{
  keep_mastodon_limit (f, 10);
  sign_in_as (f, WARTA_ROLE_VERIFIER);
  g_assert_true (g_str_has_suffix (adw_action_row_get_subtitle (ADW_ACTION_ROW (account_row (f, f->mastodon_id))),
                                   MASTODON_TAKES_10 " It does not go there unless the social "
                                   "media admin uploads it by hand."));
  g_assert_nonnull (ask_button (f));
  g_assert_false (gtk_widget_is_visible (ask_button (f)));
  sign_in_as (f, WARTA_ROLE_SOCIAL_MEDIA_ADMIN);
  g_assert_true (gtk_widget_is_visible (ask_button (f)));
  g_assert_cmpuint (warta_test_server_count_requests (f->mastodon, "GET", "/api/v2/instance"), ==, 0);
}

/* A YouTube job an older Warta wrote for photos stopped at once: its row
 * offers no Try Again that could never work, and says what to do. */
static void
test_impossible_old_job (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(WartaTestServer) youtube = warta_test_youtube_server_new ();
  gint64 youtube_id = add_youtube (f, youtube);
  g_autoptr(GListModel) rows = NULL;
  g_autoptr(GError) error = NULL;

  rows = warta_outbox_repository_enqueue (f->t->outbox, f->t->admin,
                                          warta_publication_get_id (f->publication),
                                          warta_publication_get_version (f->publication),
                                          &youtube_id, 1, &error);
  g_assert_no_error (error);
  warta_publish_view_reload (f->view);
  wait_job (f, youtube_id, WARTA_OUTBOX_STATE_FAILED);
  iterate ();
  g_assert_false (gtk_widget_get_visible (job_widget (f, youtube_id, "retry")));
  g_assert_cmpstr (job_label (f, youtube_id, "error"), ==, YOUTUBE_REFUSAL);
  g_assert_true (gtk_widget_get_visible (job_widget (f, youtube_id, "manual")));
  g_assert_cmpuint (warta_test_server_get_post_count (youtube), ==, 0);
  /* Who only follows is told why, as the admin is, and what happens
   * next; no button. */
  sign_in_as (f, WARTA_ROLE_VERIFIER);
  g_assert_cmpstr (job_label (f, youtube_id, "error"), ==,
                   YOUTUBE_REFUSAL " Nothing was sent; the social media admin may upload it by "
                   "hand.");
  g_assert_false (gtk_widget_get_visible (job_widget (f, youtube_id, "manual")));
  g_assert_false (gtk_widget_get_visible (job_widget (f, youtube_id, "retry")));
}

/* What the line at the top tells who only follows publishing: what is
 * happening, not what to do about it, which only the admin can. */
static void
test_follow_only_summary (Fixture       *f,
                          gconstpointer  data)
{
  WartaOutbox *outbox = warta_context_get_outbox (f->context);
  g_autoptr(GListModel) jobs = schedule_both (f);
  g_autoptr(GError) error = NULL;

  /* Both paused. */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(WartaOutboxJob) job = g_list_model_get_item (jobs, i);

      g_assert_true (warta_outbox_pause_job (outbox, f->t->admin, warta_outbox_job_get_id (job),
                                             &error));
      g_assert_no_error (error);
    }
  warta_publish_view_reload (f->view);
  wait_job (f, f->mastodon_id, WARTA_OUTBOX_STATE_PAUSED);
  wait_job (f, f->wordpress_id, WARTA_OUTBOX_STATE_PAUSED);
  g_assert_cmpstr (summary (f), ==,
                   "Paused: nothing more is sent until you resume, or upload by hand and record the proof.");
  sign_in_as (f, WARTA_ROLE_VERIFIER);
  g_assert_cmpstr (summary (f), ==,
                   "Paused: nothing more is sent until it is resumed, or uploaded by hand with proof.");

  /* Both uploaded by hand. */
  sign_in_as (f, WARTA_ROLE_SOCIAL_MEDIA_ADMIN);
  click (job_widget (f, f->mastodon_id, "manual"));
  click (job_widget (f, f->wordpress_id, "manual"));
  g_assert_cmpstr (summary (f), ==,
                   "Upload the approved content by hand, then record each post’s address, time and a screenshot below.");
  sign_in_as (f, WARTA_ROLE_VERIFIER);
  g_assert_cmpstr (summary (f), ==,
                   "Being uploaded by hand: each post’s address, time and a screenshot are recorded below as proof.");
}

/* Mastodon stops while the website still waits for its time: the
 * publication is still publishing, and the summary says that a target
 * waits for the admin, and what to do (signing in again only when it is
 * what it waits for); who follows it is told without advice. */
static void
test_stopped_summary (Fixture       *f,
                      gconstpointer  data)
{
  WartaOutbox *outbox = warta_context_get_outbox (f->context);
  g_autoptr(GListModel) jobs = schedule_both (f);
  g_autoptr(WartaOutboxJob) mastodon = g_list_model_get_item (jobs, 0);
  gint64 id = warta_outbox_job_get_id (mastodon);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (warta_outbox_job_get_account_id (mastodon), ==, f->mastodon_id);
  warta_test_server_add_fault (f->mastodon, "POST", "/api/v2/media", 1, WARTA_TEST_FAULT_STATUS,
                               422);
  g_assert_true (warta_outbox_send_now_job (outbox, f->t->admin, id, &error));
  g_assert_no_error (error);
  warta_publish_view_reload (f->view);
  wait_job (f, f->mastodon_id, WARTA_OUTBOX_STATE_FAILED);
  g_assert_cmpuint (warta_outbox_job_get_state (job_for (f, f->wordpress_id)), ==,
                    WARTA_OUTBOX_STATE_PENDING);
  g_assert_cmpuint (publication_state (f), ==, WARTA_STATE_PUBLISHING);
  g_assert_cmpstr (summary (f), ==,
                   "Publishing. One target has stopped and waits for you: try it again or upload "
                   "it by hand.");
  sign_in_as (f, WARTA_ROLE_VERIFIER);
  g_assert_cmpstr (summary (f), ==, "Publishing. One target has stopped: it says why below.");
  sign_in_as (f, WARTA_ROLE_SOCIAL_MEDIA_ADMIN);

  /* Tried again, it stops for its account. */
  warta_test_server_revoke_credentials (f->mastodon);
  g_assert_true (warta_outbox_retry_job (outbox, f->t->admin, id, &error));
  g_assert_no_error (error);
  warta_publish_view_reload (f->view);
  wait_until (f, job_needs_sign_in, GSIZE_TO_POINTER ((gsize) f->mastodon_id),
              "Mastodon to wait for its account");
  g_assert_cmpstr (summary (f), ==,
                   "Publishing. One target has stopped and waits for you: try it again, sign in "
                   "again or upload it by hand.");
  sign_in_as (f, WARTA_ROLE_VERIFIER);
  g_assert_cmpstr (summary (f), ==, "Publishing. One target has stopped: it says why below.");
}

/* From the keyboard alone, with real key events: the arrows go from
 * target to target, a refused one included, to hear why; Tab reaches its
 * check, then leaves the targets for the schedule and the buttons; Return on Publish Now starts
 * it, and the focus goes on to the first target's progress. */
static void
test_keys (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(WartaTestServer) youtube = NULL;
  GtkWidget *focus, *row, *schedule;
  gint64 youtube_id;

  if (!warta_test_gui_can_press_keys ())
    {
      g_test_skip ("no X display or no xdotool");
      return;
    }
  youtube = warta_test_youtube_server_new ();
  youtube_id = add_youtube (f, youtube);
  row = gtk_widget_get_ancestor (account_check (f, f->mastodon_id), GTK_TYPE_LIST_BOX_ROW);
  gtk_widget_grab_focus (row);

  focus = warta_test_gui_press_keys (f->window, "Down");
  g_assert_true (focus == gtk_widget_get_ancestor (account_check (f, f->wordpress_id),
                                                   GTK_TYPE_LIST_BOX_ROW));
  focus = warta_test_gui_press_keys (f->window, "Down");
  g_assert_true (focus == gtk_widget_get_ancestor (account_check (f, youtube_id),
                                                   GTK_TYPE_LIST_BOX_ROW));

  /* Its check can be ticked, to upload it by hand: Tab reaches it. */
  focus = warta_test_gui_press_keys (f->window, "Tab");
  g_assert_true (focus == account_check (f, youtube_id));

  schedule = _warta_publish_view_get_widget (f->view, 0, "schedule-row");
  focus = warta_test_gui_press_keys (f->window, "Tab");
  g_assert_true (focus == gtk_widget_get_ancestor (schedule, ADW_TYPE_ACTION_ROW));
  focus = warta_test_gui_press_keys (f->window, "Tab");
  g_assert_true (focus == schedule);
  focus = warta_test_gui_press_keys (f->window, "Tab");
  g_assert_true (focus == _warta_publish_view_get_widget (f->view, 0, "upload-manual"));
  focus = warta_test_gui_press_keys (f->window, "Tab");
  g_assert_true (focus == _warta_publish_view_get_widget (f->view, 0, "publish-now"));

  focus = warta_test_gui_press_keys (f->window, "Return");
  wait_until (f, both_jobs_listed, NULL, "Publish Now to be pressed");
  assert_focus_in_jobs (f);
  g_assert_null (job_for (f, youtube_id));
  wait_job (f, f->mastodon_id, WARTA_OUTBOX_STATE_DONE);
  wait_job (f, f->wordpress_id, WARTA_OUTBOX_STATE_DONE);
}

/* Pause and Resume from the keyboard: each hides itself and shows the
 * other; the focus goes to the one shown, to undo at once, not to the
 * row or out of the window. */
static void
test_pause_resume_focus (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GListModel) jobs = schedule_both (f);
  GtkWidget *pause, *resume;

  warta_publish_view_reload (f->view);
  wait_job (f, f->mastodon_id, WARTA_OUTBOX_STATE_PENDING);
  pause = job_widget (f, f->mastodon_id, "pause");
  resume = job_widget (f, f->mastodon_id, "resume");
  g_assert_true (gtk_widget_grab_focus (pause));
  g_signal_emit_by_name (pause, "clicked");
  wait_job (f, f->mastodon_id, WARTA_OUTBOX_STATE_PAUSED);
  g_assert_false (gtk_widget_get_visible (pause));
  g_assert_true (gtk_widget_get_visible (resume));
  /* Still there after a frame, when GTK moves a hidden widget's focus. */
  warta_test_gui_wait_for_layout (GTK_WIDGET (f->view));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) == resume);

  g_signal_emit_by_name (resume, "clicked");
  wait_job (f, f->mastodon_id, WARTA_OUTBOX_STATE_PENDING);
  g_assert_true (gtk_widget_get_visible (pause));
  warta_test_gui_wait_for_layout (GTK_WIDGET (f->view));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) == pause);
}

/* -- a walk through step 5 ------------------------------------------------------------- */

/* The view as it is, in GNOME's narrowest window and in a wide one:
 * nothing needs more than 360 pixels, no label shown is cut off. With
 * WARTA_SCREENSHOT_DIR, saved as publish-tour-@name-<language>-<width>.png. */
static void
tour_stop (Fixture    *f,
           const char *name)
{
  static const int widths[] = { 360, 1280 };
  const char *language = g_getenv ("LANGUAGE");

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      g_autofree char *shot = g_strdup_printf ("publish-tour-%s-%s-%d.png", name,
                                               language ? language : "en", widths[i]);

      gtk_window_set_default_size (GTK_WINDOW (f->window), widths[i], 1000);
      warta_test_gui_wait_for_layout (GTK_WIDGET (f->view));
      if (widths[i] == 360)
        warta_test_gui_assert_fits_width (GTK_WIDGET (f->view), 360);
      warta_test_gui_assert_not_ellipsized (GTK_WIDGET (f->view));
      screenshot (f, f->window, shot);
    }
}

/* Approved: a target that cannot take the content, with why; one left
 * out by the admin; as the admin and as a verifier sees it. */
static void
test_tour_start (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(WartaTestServer) youtube = warta_test_youtube_server_new ();

  add_youtube (f, youtube);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (account_check (f, f->wordpress_id)), FALSE);
  iterate ();
  tour_stop (f, "approved");
  become (f, WARTA_ROLE_VERIFIER);
  tour_stop (f, "approved-verifier");
}

/* Scheduled in an hour, for the admin and a verifier. */
static void
test_tour_scheduled (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GListModel) jobs = schedule_both (f);

  warta_publish_view_reload (f->view);
  wait_job (f, f->wordpress_id, WARTA_OUTBOX_STATE_PENDING);
  /* 360 pixels wide, a row's buttons on more lines: each line at the
   * right, as the one line is in a wider window. */
  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 1000);
  warta_test_gui_wait_for_layout (GTK_WIDGET (f->view));
  {
    GtkWidget *buttons[] = { job_widget (f, f->mastodon_id, "manual"),
                             job_widget (f, f->mastodon_id, "publish-now") };
    graphene_rect_t first, other;

    g_assert_true (gtk_widget_compute_bounds (buttons[0], f->window, &first));
    for (guint i = 1; i < G_N_ELEMENTS (buttons); i++)
      {
        g_assert_true (gtk_widget_compute_bounds (buttons[i], f->window, &other));
        g_assert_cmpfloat (other.origin.y, >, first.origin.y);
        g_assert_cmpfloat_with_epsilon (other.origin.x + other.size.width,
                                        first.origin.x + first.size.width, 1);
      }
  }
  tour_stop (f, "scheduled");
  become (f, WARTA_ROLE_VERIFIER);
  tour_stop (f, "scheduled-verifier");
}

/* Mastodon uploading, the website stopped with its error; then the
 * website switched to an upload by hand, its form open. */
static void
test_tour_sending (Fixture       *f,
                   gconstpointer  data)
{
  warta_test_server_add_fault (f->mastodon, "POST", "/api/v2/media", 1, WARTA_TEST_FAULT_DELAY, 20000);
  warta_test_server_add_fault (f->wordpress, "POST", "/wp-json/wp/v2/media", 1,
                               WARTA_TEST_FAULT_STATUS, 400);
  click (_warta_publish_view_get_widget (f->view, 0, "publish-now"));
  wait_until (f, media_in_flight, NULL, "Mastodon's upload");
  wait_job (f, f->wordpress_id, WARTA_OUTBOX_STATE_FAILED);
  tour_stop (f, "sending");

  click (job_widget (f, f->wordpress_id, "manual"));
  wait_until (f, form_revealed, job_widget (f, f->wordpress_id, "manual-revealer"), "the form");
  tour_stop (f, "by-hand");
  become (f, WARTA_ROLE_VERIFIER);
  tour_stop (f, "sending-verifier");
  become (f, WARTA_ROLE_SOCIAL_MEDIA_ADMIN);
  click (job_widget (f, f->mastodon_id, "cancel"));
  adw_message_dialog_response (_warta_publish_view_get_dialog (f->view), "cancel");
  wait_job (f, f->mastodon_id, WARTA_OUTBOX_STATE_FAILED);
}

/* Published on Mastodon, refused by the website: partly published, for
 * the admin and a verifier; then tried again, and done with its links. */
static void
test_tour_partial (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *admin_says = NULL;

  warta_test_server_add_fault (f->wordpress, "POST", "/wp-json/wp/v2/media", 1,
                               WARTA_TEST_FAULT_STATUS, 400);
  click (_warta_publish_view_get_widget (f->view, 0, "publish-now"));
  wait_job (f, f->mastodon_id, WARTA_OUTBOX_STATE_DONE);
  wait_job (f, f->wordpress_id, WARTA_OUTBOX_STATE_FAILED);
  tour_stop (f, "partial");
  admin_says = g_strdup (summary (f));
  become (f, WARTA_ROLE_VERIFIER);
  /* Why, and no advice a verifier cannot follow. */
  g_assert_cmpstr (summary (f), !=, admin_says);
  if (g_getenv ("LANGUAGE") == NULL)
    g_assert_cmpstr (summary (f), ==, "Not published everywhere. Each stopped target below says why.");
  /* The row's advice is the admin's, and says so. */
  g_assert_true (g_str_has_suffix (job_label (f, f->wordpress_id, "error"),
                                   g_getenv ("LANGUAGE") == NULL
                                   ? " The social media admin chooses what happens next."
                                   : " Admin Medsos yang memilih langkah selanjutnya."));
  tour_stop (f, "partial-verifier");
  become (f, WARTA_ROLE_SOCIAL_MEDIA_ADMIN);
  click (job_widget (f, f->wordpress_id, "retry"));
  wait_job (f, f->wordpress_id, WARTA_OUTBOX_STATE_DONE);
  tour_stop (f, "done");
}

/* Refused by both: published nowhere, which the line at the top says,
 * not "not everywhere"; no advice to sign in again, which no target
 * needs; then Try Again on both. */
static void
test_tour_failed (Fixture       *f,
                  gconstpointer  data)
{
  warta_test_server_add_fault (f->mastodon, "POST", "/api/v2/media", 1, WARTA_TEST_FAULT_STATUS, 422);
  warta_test_server_add_fault (f->wordpress, "POST", "/wp-json/wp/v2/media", 1,
                               WARTA_TEST_FAULT_STATUS, 400);
  click (_warta_publish_view_get_widget (f->view, 0, "publish-now"));
  wait_job (f, f->mastodon_id, WARTA_OUTBOX_STATE_FAILED);
  wait_job (f, f->wordpress_id, WARTA_OUTBOX_STATE_FAILED);
  iterate ();
  if (g_getenv ("LANGUAGE") == NULL)
    g_assert_cmpstr (summary (f), ==, "Published on no target. Try the stopped targets again, "
                     "or upload them by hand and record the proof.");
  else
    g_assert_cmpstr (summary (f), ==, "Tidak terbit di tujuan mana pun. Coba lagi tujuan yang "
                     "berhenti, atau unggah secara manual dan catat buktinya.");
  tour_stop (f, "failed");
  become (f, WARTA_ROLE_VERIFIER);
  if (g_getenv ("LANGUAGE") == NULL)
    g_assert_cmpstr (summary (f), ==, "Published on no target. Each stopped target below says why.");
  tour_stop (f, "failed-verifier");
}

/* Mastodon's answer to its upload unreadable (a proxy's page): it waits
 * to try again, saying why and when; the website published meanwhile. */
static void
test_tour_unread (Fixture       *f,
                  gconstpointer  data)
{
  warta_clock_freeze (warta_context_get_clock (f->context),
                      warta_clock_now (warta_context_get_clock (f->context)));
  /* Every time: the client's own tries too. */
  warta_test_server_add_answer (f->mastodon, "POST", "/api/v2/media", 0, FALSE, 200, NULL,
                                "text/html", WARTA_TEST_HTML_PAGE);
  click (_warta_publish_view_get_widget (f->view, 0, "publish-now"));
  wait_job (f, f->mastodon_id, WARTA_OUTBOX_STATE_WAITING);
  wait_job (f, f->wordpress_id, WARTA_OUTBOX_STATE_DONE);
  tour_stop (f, "unread");
  become (f, WARTA_ROLE_VERIFIER);
  tour_stop (f, "unread-verifier");
}

/* A photo gone after approval: the target that uploads it says so, Check
 * Again offered. */
static void
test_tour_file_missing (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(WartaPublication) p = make_two_photos (f, &path);

  g_assert_cmpint (g_unlink (path), ==, 0);
  warta_publish_view_set_publication (f->view, p);
  wait_files_checked (f->view);
  tour_stop (f, "file-missing");
  become (f, WARTA_ROLE_VERIFIER);
  tour_stop (f, "file-missing-verifier");
}

/* Mastodon's kept limit too small for the post: Ask the Instance Again
 * beside why; asked, the instance still takes too little. */
static void
test_tour_ask_instance (Fixture       *f,
                        gconstpointer  data)
{
  WartaTestInstance instance = WARTA_TEST_INSTANCE_DEFAULT;

  instance.max_characters = 20;
  warta_test_server_set_instance (f->mastodon, &instance);
  keep_mastodon_limit (f, 10);
  tour_stop (f, "ask-instance");
  /* Tab goes from the target's check to its Ask the Instance Again. */
  g_assert_true (gtk_widget_grab_focus (account_check (f, f->mastodon_id)));
  g_assert_true (gtk_widget_child_focus (f->window, GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) == ask_button (f));
  g_signal_emit_by_name (ask_button (f), "clicked");
  wait_until (f, ask_answered, NULL, "the instance's answer");
  /* Asked, the focus is where it was, to ask again. */
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) == ask_button (f));
  tour_stop (f, "ask-instance-asked");
  become (f, WARTA_ROLE_VERIFIER);
  tour_stop (f, "ask-instance-verifier");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  warta_test_gui_init (&argc, &argv);
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_test_skip ("no display");
      return g_test_run ();
    }
  gtk_init ();
  adw_init ();

  g_test_add ("/warta/publish-view/publish-now", Fixture, NULL,
              fixture_setup, test_publish_now, fixture_teardown);
  g_test_add ("/warta/publish-view/choice-saved", Fixture, NULL,
              fixture_setup, test_choice_saved, fixture_teardown);
  g_test_add ("/warta/publish-view/choice-refused", Fixture, NULL,
              fixture_setup, test_choice_refused, fixture_teardown);
  g_test_add ("/warta/publish-view/follow-only", Fixture, NULL,
              fixture_setup, test_follow_only, fixture_teardown);
  g_test_add ("/warta/publish-view/follow-only-published", Fixture, NULL,
              fixture_setup, test_follow_only_published, fixture_teardown);
  g_test_add ("/warta/publish-view/follow-only-aligned", Fixture, NULL,
              fixture_setup, test_follow_only_aligned, fixture_teardown);
  g_test_add ("/warta/publish-view/pause-resume-focus", Fixture, NULL,
              fixture_setup, test_pause_resume_focus, fixture_teardown);
  g_test_add ("/warta/publish-view/stopped-summary", Fixture, NULL,
              fixture_setup, test_stopped_summary, fixture_teardown);
  g_test_add ("/warta/publish-view/keys", Fixture, NULL,
              fixture_setup, test_keys, fixture_teardown);
  g_test_add ("/warta/publish-view/follow-only-summary", Fixture, NULL,
              fixture_setup, test_follow_only_summary, fixture_teardown);
  g_test_add ("/warta/publish-view/follow-only-approved", Fixture, "tiktok",
              fixture_setup, test_follow_only_approved, fixture_teardown);
  g_test_add ("/warta/publish-view/takedown", Fixture, NULL,
              fixture_setup, test_takedown, fixture_teardown);
  g_test_add ("/warta/publish-view/correct", Fixture, NULL,
              fixture_setup, test_correct, fixture_teardown);
  g_test_add ("/warta/publish-view/correct-refused", Fixture, NULL,
              fixture_setup, test_correct_refused, fixture_teardown);
  g_test_add ("/warta/publish-view/small-file-progress", Fixture, NULL,
              fixture_setup, test_small_file_progress, fixture_teardown);
  g_test_add ("/warta/publish-view/long-handle", Fixture, NULL,
              fixture_setup, test_long_handle, fixture_teardown);
  g_test_add ("/warta/publish-view/takedown-conflict", Fixture, NULL,
              fixture_setup, test_takedown_conflict, fixture_teardown);
  g_test_add ("/warta/publish-view/schedule", Fixture, NULL,
              fixture_setup, test_schedule, fixture_teardown);
  g_test_add ("/warta/publish-view/approved-schedule", Fixture, NULL,
              fixture_setup, test_approved_schedule, fixture_teardown);
  g_test_add ("/warta/publish-view/missed", Fixture, NULL,
              fixture_setup, test_missed, fixture_teardown);
  g_test_add ("/warta/publish-view/scheduled-turn", Fixture, NULL,
              fixture_setup, test_scheduled_turn, fixture_teardown);
  g_test_add ("/warta/publish-view/wait-message", Fixture, NULL,
              fixture_setup, test_wait_message, fixture_teardown);
  g_test_add ("/warta/publish-view/reschedule", Fixture, NULL,
              fixture_setup, test_reschedule, fixture_teardown);
  g_test_add ("/warta/publish-view/send-now", Fixture, NULL,
              fixture_setup, test_send_now, fixture_teardown);
  g_test_add ("/warta/publish-view/reschedule-conflict", Fixture, NULL,
              fixture_setup, test_reschedule_conflict, fixture_teardown);
  g_test_add ("/warta/publish-view/sign-in-again", Fixture, NULL,
              fixture_setup, test_sign_in_again, fixture_teardown);
  g_test_add ("/warta/publish-view/row-texts", Fixture, &row_texts_en,
              fixture_setup_language, test_row_texts, fixture_teardown_language);
  g_test_add ("/warta/publish-view/row-texts/id", Fixture, &row_texts_id,
              fixture_setup_language, test_row_texts, fixture_teardown_language);
  g_test_add ("/warta/publish-view/manual-proof", Fixture, NULL,
              fixture_setup, test_manual_proof, fixture_teardown);
  g_test_add ("/warta/publish-view/manual-save-renditions", Fixture, NULL,
              fixture_setup, test_manual_save_renditions, fixture_teardown);
  g_test_add ("/warta/publish-view/manual-record-twice", Fixture, NULL,
              fixture_setup, test_manual_record_twice, fixture_teardown);
  g_test_add ("/warta/publish-view/manual-recorded-elsewhere", Fixture, NULL,
              fixture_setup, test_manual_recorded_elsewhere, fixture_teardown);
  g_test_add ("/warta/publish-view/manual-proof-refused", Fixture, NULL,
              fixture_setup, test_manual_proof_refused, fixture_teardown);
  g_test_add ("/warta/publish-view/by-hand-sends-nothing", Fixture, NULL,
              fixture_setup, test_by_hand_sends_nothing, fixture_teardown);
  g_test_add ("/warta/publish-view/by-hand-reopened", Fixture, NULL,
              fixture_setup, test_by_hand_reopened, fixture_teardown);
#define ADD_TOUR(name, func) \
  g_test_add ("/warta/publish-view/tour/" name, Fixture, &row_texts_en, \
              fixture_setup_language, func, fixture_teardown_language); \
  g_test_add ("/warta/publish-view/tour/" name "/id", Fixture, &row_texts_id, \
              fixture_setup_language, func, fixture_teardown_language)
  ADD_TOUR ("start", test_tour_start);
  ADD_TOUR ("scheduled", test_tour_scheduled);
  ADD_TOUR ("sending", test_tour_sending);
  ADD_TOUR ("partial", test_tour_partial);
  ADD_TOUR ("failed", test_tour_failed);
  ADD_TOUR ("unread", test_tour_unread);
  ADD_TOUR ("file-missing", test_tour_file_missing);
  ADD_TOUR ("ask-instance", test_tour_ask_instance);
#undef ADD_TOUR
  g_test_add ("/warta/publish-view/manual-narrow", Fixture, &row_texts_en,
              fixture_setup_language, test_manual_narrow, fixture_teardown_language);
  g_test_add ("/warta/publish-view/manual-narrow/id", Fixture, &row_texts_id,
              fixture_setup_language, test_manual_narrow, fixture_teardown_language);
  g_test_add ("/warta/publish-view/no-host-target", Fixture, NULL,
              fixture_setup, test_no_host_target, fixture_teardown);
  g_test_add ("/warta/publish-view/impossible-target", Fixture, NULL,
              fixture_setup, test_impossible_target, fixture_teardown);
  g_test_add ("/warta/publish-view/refused-target-reason-for-followers", Fixture, NULL,
              fixture_setup, test_refused_target_reason_for_followers, fixture_teardown);
  g_test_add ("/warta/publish-view/ask-instance-raised", Fixture, NULL,
              fixture_setup, test_ask_instance_raised, fixture_teardown);
  g_test_add ("/warta/publish-view/ask-instance-raised-v1", Fixture, NULL,
              fixture_setup, test_ask_instance_raised_v1, fixture_teardown);
  g_test_add ("/warta/publish-view/ask-instance-still-too-small", Fixture, NULL,
              fixture_setup, test_ask_instance_still_too_small, fixture_teardown);
  g_test_add ("/warta/publish-view/ask-instance-no-answer", Fixture, NULL,
              fixture_setup, test_ask_instance_no_answer, fixture_teardown);
  g_test_add ("/warta/publish-view/ask-instance-not-said", Fixture, NULL,
              fixture_setup, test_ask_instance_not_said, fixture_teardown);
  g_test_add ("/warta/publish-view/file-missing", Fixture, NULL,
              fixture_setup, test_file_missing, fixture_teardown);
  g_test_add ("/warta/publish-view/file-missing-on-open", Fixture, NULL,
              fixture_setup, test_file_missing_on_open, fixture_teardown);
  g_test_add ("/warta/publish-view/file-missing-on-open/id", Fixture, &row_texts_id,
              fixture_setup_language, test_file_missing_on_open, fixture_teardown_language);
  g_test_add ("/warta/publish-view/file-check-again-focus", Fixture, NULL,
              fixture_setup, test_file_check_again_focus, fixture_teardown);
  g_test_add ("/warta/publish-view/file-back-on-focus", Fixture, NULL,
              fixture_setup, test_file_back_on_focus, fixture_teardown);
  g_test_add ("/warta/publish-view/file-check-view-closed", Fixture, NULL,
              fixture_setup, test_file_check_view_closed, fixture_teardown);
  g_test_add ("/warta/publish-view/ask-instance-view-closed", Fixture, NULL,
              fixture_setup, test_ask_instance_view_closed, fixture_teardown);
  g_test_add ("/warta/publish-view/ask-instance-follower", Fixture, NULL,
              fixture_setup, test_ask_instance_follower, fixture_teardown);
  g_test_add ("/warta/publish-view/refused-target-by-hand", Fixture, NULL,
              fixture_setup, test_refused_target_by_hand, fixture_teardown);
  g_test_add ("/warta/publish-view/refused-target-choice-saved", Fixture, NULL,
              fixture_setup, test_refused_target_choice_saved, fixture_teardown);
  g_test_add ("/warta/publish-view/caption-too-long-target", Fixture, NULL,
              fixture_setup, test_caption_too_long_target, fixture_teardown);
  g_test_add ("/warta/publish-view/impossible-old-job", Fixture, NULL,
              fixture_setup, test_impossible_old_job, fixture_teardown);
  g_test_add ("/warta/publish-view/accounts-page", Fixture, NULL,
              fixture_setup, test_accounts_page, fixture_teardown);
#define ADD_TIKTOK(name, func) \
  g_test_add ("/warta/publish-view/" name, Fixture, "tiktok", fixture_setup, func, fixture_teardown)
  ADD_TIKTOK ("tiktok-creator", test_tiktok_creator);
  ADD_TIKTOK ("tiktok-creator-refused", test_tiktok_creator_refused);
  ADD_TIKTOK ("tiktok-stopped", test_tiktok_stopped);
  ADD_TIKTOK ("tiktok-too-long", test_tiktok_too_long);
  ADD_TIKTOK ("tiktok-creator-rate-limited", test_tiktok_creator_rate_limited);
  ADD_TIKTOK ("tiktok-post-again", test_tiktok_post_again);
  ADD_TIKTOK ("pause-resume-cancel", test_pause_resume_cancel);
  ADD_TIKTOK ("tiktok-narrow", test_tiktok_narrow);
  g_test_add ("/warta/publish-view/tiktok-narrow/id", Fixture, "tiktok",
              fixture_setup_tiktok_id, test_tiktok_narrow, fixture_teardown_tiktok_id);
#undef ADD_TIKTOK
  return g_test_run ();
}
