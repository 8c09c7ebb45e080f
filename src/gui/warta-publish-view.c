/* warta-publish-view.c: step 5, publishing one approved publication
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Before anything is sent: the accounts to publish to, Publish Now, a time
 * to schedule it, or Upload Manually. Then one row per target, bound to
 * the outbox's live job: its state, a progress bar, what went wrong with
 * what can be done (Try Again, Sign In Again, Switch to Manual) and the
 * post's link, Pause, Resume and Cancel while it is on its way, and
 * Change Time… while a scheduled post has not started (or missed its
 * time while no Warta ran). The manual path is a first-class one: the
 * approved texts with Copy buttons, the renditions saved to a folder,
 * then the address, time and a screenshot recorded as proof. A TikTok
 * account shows what TikTok says about it and asks who may see the post
 * before anything is published.
 */
#define G_LOG_DOMAIN "warta-publish-view"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "warta-accounts-page.h"
#include "warta-caption-rules.h"
#include "warta-clock.h"
#include "warta-date-popover.h"
#include "warta-list-focus.h"
#include "warta-mastodon.h"
#include "warta-media-probe.h"
#include "warta-mnemonic.h"
#include "warta-publish-check.h"
#include "warta-publish-view-private.h"
#include "warta-publisher.h"
#include "warta-rendition.h"
#include "warta-tiktok.h"
#include "warta-wrap-box.h"

/* How often the rows look at the clock again: a scheduled target whose
 * time came is no longer "Scheduled for" that time while it waits its
 * turn (its account busy with another upload). */
#define TICK_SECONDS 15

typedef struct _TikTokPanel TikTokPanel;

typedef struct
{
  WartaPublishView *view;          /* unowned */
  WartaOutboxJob   *job;
  GtkWidget        *row;
  GtkLabel         *title;
  GtkLabel         *state;
  GtkLabel         *address;   /* the post's public address, once published */
  GtkProgressBar   *progress;
  GtkLabel         *error;
  GtkButton        *link;
  GtkButton        *retry;
  GtkButton        *post_again;
  GtkButton        *takedown;
  gboolean          taking_down;   /* Warta is deleting the post on its platform */
  GtkButton        *correct;
  GtkLabel         *correction;    /* the latest correction: when, by whom, why */
  gboolean          correcting;    /* Warta is changing the post on its platform */
  GtkButton        *sign_in;
  GtkButton        *manual;
  GtkButton        *pause;
  GtkButton        *resume;
  GtkButton        *publish_now;   /* a held scheduled post: resume, named for what it does */
  GtkButton        *reschedule;    /* a post not started yet: another time */
  GtkButton        *cancel;
  GtkBox           *tiktok_box;
  TikTokPanel      *tiktok;
  GtkRevealer      *manual_revealer;
  GtkBox           *texts_box;
  GtkEditable      *url_entry;
  GtkEditable      *time_entry;
  AdwActionRow     *screenshot_row;
  GtkButton        *screenshot_button;
  GtkButton        *record_button;
  GPtrArray        *copy_buttons;
  GFile            *screenshot;
  char             *refusal;       /* why its account cannot take the content, or NULL */
  gulong            notify_id;
} JobRow;

struct _WartaPublishView
{
  AdwBin            parent_instance;

  /* Template widgets */
  GtkLabel         *role_label;    /* to a user who may not publish: who does */
  GtkLabel         *summary_label;
  AdwPreferencesGroup *accounts_group;
  GtkListBox       *accounts_list;
  GtkBox           *tiktok_box;
  GtkLabel         *publish_hint;
  AdwPreferencesGroup *schedule_group;
  AdwActionRow     *schedule_row;
  GtkSwitch        *schedule_switch;
  AdwEntryRow      *schedule_entry;
  WartaDatePopover *schedule_date;   /* in schedule_entry's suffix button */
  gint64            schedule_proposed_for; /* the publication whose time was proposed */
  GtkWidget        *start_box;
  GtkButton        *publish_button;
  GtkButton        *manual_button;
  GtkButton        *recheck_button;
  AdwPreferencesGroup *jobs_group;
  GtkListBox       *jobs_list;

  WartaContext     *context;
  WartaPublication *publication;
  GListModel       *jobs;
  GHashTable       *rows;           /* job id → JobRow */
  GHashTable       *account_checks; /* account id → GtkCheckButton */
  GHashTable       *left_out;       /* account ids the admin left out, as saved */
  GHashTable       *by_hand;        /* refused account ids ticked to upload by hand, as saved */
  gboolean          applying_choice; /* the checks are set from the saved choice */
  GListModel       *accounts;       /* the account store's, watched */
  gboolean          reloading_accounts;
  GHashTable       *tiktok_panels;  /* account id → TikTokPanel */
  GHashTable       *asked;          /* account id → AskState: its instance asked its limits */
  GtkWidget        *dialog;         /* weak: the last question asked */
  GCancellable     *cancellable;
  guint             tick_source;
  /* The files the approved content is made of, checked on the decode
   * pool (start_file_check()): path → why it cannot be uploaded. */
  GHashTable       *missing;
  guint             check_serial;   /* the latest check's; older answers are dropped */
  gboolean          checking_files; /* the latest check has not answered yet */
  gboolean          publish_checked; /* Publish Now / Schedule waits for that answer */
  gboolean          files_missing;  /* a file a ticked target uploads is */
  gboolean          recheck_focused; /* Check Again had the focus as its check began */
  gint64            checked_revision; /* the approved revision last asked about */
  GHashTable       *recording;      /* job ids whose proof is being recorded */
  GtkWidget        *root;           /* watched for the window coming back to the front */
  gulong            active_id;
};

G_DEFINE_FINAL_TYPE (WartaPublishView, warta_publish_view, ADW_TYPE_BIN)

/* A Mastodon target refused on its instance's limits as kept, asked
 * again from this view (Ask the Instance Again). */
typedef enum
{
  ASK_NOT_ASKED,
  ASK_ASKING,
  ASK_ANSWERED,   /* the limits kept are those it gave just now */
  ASK_NO_ANSWER,  /* the kept ones stay */
  ASK_NOT_SAID,   /* it answered without any limits: the kept ones stay */
} AskState;

enum {
  PUBLICATION_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void rebuild (WartaPublishView *self);
static void update_summary (WartaPublishView *self);
static void update_job_row (JobRow *row);
static GtkWidget *labelled_button (const char *label,
                                   const char *accessible);

/* -- helpers ----------------------------------------------------------------------------- */

static void
show_message (WartaPublishView *self,
              const char       *heading,
              const char       *body)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  dialog = warta_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  g_set_weak_pointer (&self->dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static WartaUser *
current_user (WartaPublishView *self)
{
  return self->context ? warta_context_get_current_user (self->context) : NULL;
}

/* Whether the signed-in user may act on the targets: publishing is the
 * social media admin's (the outbox refuses anyone else). The others
 * follow each post's progress. */
static gboolean
may_publish (WartaPublishView *self)
{
  WartaUser *user = current_user (self);

  return user == NULL || warta_user_has_role (user, WARTA_ROLE_SOCIAL_MEDIA_ADMIN);
}

static WartaOutbox *
outbox (WartaPublishView *self)
{
  return warta_context_get_outbox (self->context);
}

static gboolean
state_has_jobs (WartaState state)
{
  return state == WARTA_STATE_PUBLISHING || state == WARTA_STATE_PUBLISHED ||
         state == WARTA_STATE_PARTIALLY_PUBLISHED || state == WARTA_STATE_FAILED;
}

/* The caption targets a platform's post is made of. */
static const char * const *
platform_targets (const char *platform)
{
  static const char * const facebook[] = { "facebook", NULL };
  static const char * const instagram[] = { "instagram", NULL };
  static const char * const x[] = { "x", NULL };
  static const char * const youtube[] = { "youtube-title", "youtube-description", NULL };
  static const char * const tiktok[] = { "tiktok-video", NULL };
  static const char * const mastodon[] = { "mastodon", NULL };
  static const char * const website[] = { "website-title", "website-body", NULL };
  static const struct { const char *platform; const char * const *targets; } map[] = {
    { "facebook", facebook }, { "instagram", instagram }, { "x", x },
    { "youtube", youtube }, { "tiktok", tiktok }, { "mastodon", mastodon },
    { "wordpress", website },
  };

  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    if (g_strcmp0 (map[i].platform, platform) == 0)
      return map[i].targets;
  return mastodon;
}

static gboolean
platform_rendition (const char           *platform,
                    WartaRenditionTarget *target)
{
  static const struct { const char *platform; WartaRenditionTarget target; } map[] = {
    { "facebook", WARTA_RENDITION_TARGET_FACEBOOK },
    { "instagram", WARTA_RENDITION_TARGET_INSTAGRAM },
    { "x", WARTA_RENDITION_TARGET_X },
    { "mastodon", WARTA_RENDITION_TARGET_MASTODON },
    { "tiktok", WARTA_RENDITION_TARGET_TIKTOK_PHOTO },
    { "wordpress", WARTA_RENDITION_TARGET_WEBSITE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    if (g_strcmp0 (map[i].platform, platform) == 0)
      {
        *target = map[i].target;
        return TRUE;
      }
  return FALSE;
}

/* "YYYY-MM-DD HH:MM" in the office's time zone → µs since the epoch. */
static gboolean
parse_local_time (WartaPublishView *self,
                  const char       *text,
                  gint64           *out)
{
  g_autoptr(GDateTime) now = warta_clock_now_local (warta_context_get_clock (self->context));
  g_autoptr(GDateTime) when = NULL;
  int y, mo, d, h, mi, end = 0;

  /* All of it: "2026-11-27 04:002026-13-45" is no time. */
  if (text == NULL || sscanf (text, " %d-%d-%d %d:%d %n", &y, &mo, &d, &h, &mi, &end) != 5 ||
      text[end] != '\0')
    return FALSE;
  when = g_date_time_new (g_date_time_get_timezone (now), y, mo, d, h, mi, 0);
  if (when == NULL)
    return FALSE;
  *out = g_date_time_to_unix (when) * G_USEC_PER_SEC;
  return TRUE;
}

/* @at in the office's time zone, as @format writes it. */
static char *
format_in_zone (WartaPublishView *self,
                gint64            at,
                const char       *format)
{
  g_autoptr(GDateTime) now = warta_clock_now_local (warta_context_get_clock (self->context));
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (at / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, g_date_time_get_timezone (now));

  return warta_date_time_format (local, format);
}

/* As parse_local_time() reads it. */
static char *
format_local_time (WartaPublishView *self,
                   gint64            at)
{
  return format_in_zone (self, at, "%Y-%m-%d %H:%M");
}

/* For reading rather than typing: as the lists write it, with the zone's
 * name ("27 Nov 2026, 09:30 WIB"). */
static char *
format_local_time_zone (WartaPublishView *self,
                        gint64            at)
{
  return warta_format_time (warta_clock_get_time_zone (warta_context_get_clock (self->context)),
                            at, TRUE);
}

/* What is wrong with the time typed in @entry, or NULL with *@out set;
 * @passed says what to do about a time already past. */
static char *
time_problem (WartaPublishView *self,
              GtkEditable      *entry,
              const char       *passed,
              gint64           *out)
{
  gint64 at = 0;

  if (!parse_local_time (self, gtk_editable_get_text (entry), &at))
    return g_strdup (_("Write the time as YYYY-MM-DD HH:MM, for example 2026-03-14 09:30."));
  /* A date typed wrong by a day must not publish at once. */
  if (at <= warta_clock_now (warta_context_get_clock (self->context)))
    return g_strdup (passed);
  if (out)
    *out = at;
  return NULL;
}

/* The next full hour, as a calendar proposes a new event. */
static gint64
next_full_hour (WartaPublishView *self)
{
  g_autoptr(GDateTime) now = warta_clock_now_local (warta_context_get_clock (self->context));
  g_autoptr(GDateTime) hour = NULL;
  g_autoptr(GDateTime) next = NULL;

  hour = g_date_time_new (g_date_time_get_timezone (now), g_date_time_get_year (now),
                          g_date_time_get_month (now), g_date_time_get_day_of_month (now),
                          g_date_time_get_hour (now), 0, 0);
  next = g_date_time_add_hours (hour, 1);
  return g_date_time_to_unix (next) * G_USEC_PER_SEC;
}

static void
open_uri (GtkWidget  *widget,
          const char *uri)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}

/* -- TikTok's creator info (platform-apis.md §5.2) --------------------------------------- */

/* TikTok's content sharing guidelines: before a post, the creator's
 * nickname, a privacy level the user picks from the creator's options
 * with none picked for them, the interactions the creator allows (off
 * until switched on) and the video's length against the creator's limit. */
struct _TikTokPanel
{
  WartaPublishView       *view;          /* unowned */
  WartaAccount           *account;
  gint64                  job_id;        /* 0: before publishing */
  WartaTikTokCreatorInfo *info;
  GCancellable           *cancellable;
  GFile                  *video;
  gint64                  duration_us;   /* -1: not known (yet) */
  gboolean                failed;
  gboolean                auth_expired;
  GtkWidget              *group;
  GtkLabel               *creator;
  GtkListBox             *privacy_list;
  GPtrArray              *privacy_checks;
  GtkWidget              *comment_row;
  GtkWidget              *duet_row;
  GtkWidget              *stitch_row;
  GtkSwitch              *comment;
  GtkSwitch              *duet;
  GtkSwitch              *stitch;
  GtkLabel               *problem;
  GtkButton              *action;
};

static void update_actions (WartaPublishView *self);
static void tiktok_panel_load (TikTokPanel *panel);

static const char *
privacy_level_name (const char *level)
{
  static const struct { const char *level; const char *name; } names[] = {
    { "PUBLIC_TO_EVERYONE", N_("Everyone") },
    { "MUTUAL_FOLLOW_FRIENDS", N_("Friends: followers the account follows back") },
    { "FOLLOWER_OF_CREATOR", N_("Followers") },
    { "SELF_ONLY", N_("Only the account itself (private)") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (names[i].level, level) == 0)
      return _(names[i].name);
  return level;
}

static void
tiktok_panel_free (TikTokPanel *panel)
{
  if (panel == NULL)
    return;
  /* Answers still on their way find no panel. */
  g_object_set_data (G_OBJECT (panel->cancellable), "warta-panel", NULL);
  g_cancellable_cancel (panel->cancellable);
  g_clear_object (&panel->cancellable);
  g_clear_object (&panel->account);
  g_clear_object (&panel->video);
  g_clear_pointer (&panel->info, warta_tiktok_creator_info_free);
  g_clear_pointer (&panel->privacy_checks, g_ptr_array_unref);
  g_free (panel);
}

static TikTokPanel *
panel_from (gpointer cancellable)
{
  return g_cancellable_is_cancelled (cancellable) ? NULL
         : g_object_get_data (G_OBJECT (cancellable), "warta-panel");
}

static const char *
tiktok_panel_get_level (TikTokPanel *panel)
{
  for (guint i = 0; panel->privacy_checks && i < panel->privacy_checks->len; i++)
    if (gtk_check_button_get_active (panel->privacy_checks->pdata[i]))
      return g_object_get_data (panel->privacy_checks->pdata[i], "warta-level");
  return NULL;
}

static gboolean
tiktok_panel_too_long (TikTokPanel *panel)
{
  return panel->info != NULL && panel->info->max_video_post_duration_sec > 0 &&
         panel->duration_us > (gint64) panel->info->max_video_post_duration_sec * G_USEC_PER_SEC;
}

static gboolean
tiktok_panel_is_ready (TikTokPanel *panel)
{
  return panel->info != NULL && tiktok_panel_get_level (panel) != NULL &&
         !tiktok_panel_too_long (panel);
}

/* What the hint under Publish Now says while @panel holds it back. */
static char *
tiktok_panel_dup_hint (TikTokPanel *panel)
{
  const char *name = warta_account_get_display_name (panel->account);

  if (panel->failed)
    return g_strdup_printf (_("TikTok did not say what “%s” may post. See the TikTok section above."), name);
  if (panel->info == NULL)
    return g_strdup_printf (_("Waiting for TikTok’s answer about “%s”…"), name);
  if (tiktok_panel_too_long (panel))
    return g_strdup_printf (_("The video is too long for “%s” on TikTok."), name);
  if (tiktok_panel_get_level (panel) == NULL)
    return g_strdup_printf (_("Choose who can see the TikTok post of “%s” first: TikTok wants that choice made each time, and Warta makes none for you."), name);
  return NULL;
}

/* The choice, as the job's "creator" step (warta-tiktok-publisher.c). */
static JsonNode *
tiktok_panel_dup_choice (TikTokPanel *panel)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "privacy");
  json_builder_add_string_value (builder, tiktok_panel_get_level (panel));
  json_builder_set_member_name (builder, "disable_comment");
  json_builder_add_boolean_value (builder, !gtk_switch_get_active (panel->comment));
  json_builder_set_member_name (builder, "disable_duet");
  json_builder_add_boolean_value (builder, !gtk_switch_get_active (panel->duet));
  json_builder_set_member_name (builder, "disable_stitch");
  json_builder_add_boolean_value (builder, !gtk_switch_get_active (panel->stitch));
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
show_problem (TikTokPanel *panel,
              const char  *message,
              const char  *action)
{
  gtk_label_set_label (panel->problem, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (panel->problem), message != NULL);
  if (action)
    warta_button_set_mnemonic (panel->action, action);
  gtk_widget_set_visible (GTK_WIDGET (panel->action), action != NULL);
}

static void
tiktok_panel_changed (TikTokPanel *panel)
{
  if (tiktok_panel_too_long (panel))
    {
      int length = (int) (panel->duration_us / G_USEC_PER_SEC);
      int max = panel->info->max_video_post_duration_sec;
      g_autofree char *message = NULL;

      /* Translators: the video's length and the account's limit, as minutes:seconds */
      message = g_strdup_printf (_("The video is %d:%02d long, and TikTok lets “%s” post videos of at most %d:%02d. Shorten the video, or leave this TikTok account out."),
                                 length / 60, length % 60,
                                 warta_account_get_display_name (panel->account),
                                 max / 60, max % 60);
      show_problem (panel, message, NULL);
    }
  if (panel->job_id == 0)
    update_actions (panel->view);
  else
    {
      JobRow *row = g_hash_table_lookup (panel->view->rows, &panel->job_id);

      if (row != NULL)
        update_job_row (row);
    }
}

static void
duration_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GCancellable) cancellable = user_data;
  g_autoptr(WartaMediaInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  TikTokPanel *panel;

  info = warta_media_probe_file_finish (WARTA_MEDIA_PROBE (object), result, &error);
  if ((panel = panel_from (cancellable)) == NULL)
    return;
  if (info == NULL)
    {
      g_debug ("The video's length is not known: %s", error->message);
      return;
    }
  panel->duration_us = warta_media_info_get_duration_us (info);
  tiktok_panel_changed (panel);
}

static void
set_switch_row (GtkWidget *row,
                GtkSwitch *toggle,
                gboolean   disabled)
{
  gtk_switch_set_active (toggle, FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (toggle), !disabled);
  gtk_widget_set_sensitive (row, !disabled);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               disabled ? _("Turned off in the TikTok account’s own settings") : "");
}

static void
on_privacy_toggled_cb (GtkCheckButton *check,
                       TikTokPanel    *panel)
{
  tiktok_panel_changed (panel);
}

static void
fill_creator (TikTokPanel *panel)
{
  WartaTikTokCreatorInfo *info = panel->info;
  g_autofree char *who = NULL;
  GtkCheckButton *first = NULL;
  GtkWidget *child;

  /* Translators: the TikTok account's nickname and @user name */
  who = g_strdup_printf (_("Posting as %s (@%s)"), info->nickname ? info->nickname : "",
                         info->username ? info->username : "");
  gtk_label_set_label (panel->creator, who);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (panel->privacy_list))))
    gtk_list_box_remove (panel->privacy_list, child);
  g_ptr_array_set_size (panel->privacy_checks, 0);
  for (guint i = 0; info->privacy_level_options && info->privacy_level_options[i]; i++)
    {
      const char *level = info->privacy_level_options[i];
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), privacy_level_name (level));
      /* No default: none is active until the user picks one. */
      if (first)
        gtk_check_button_set_group (GTK_CHECK_BUTTON (check), first);
      else
        first = GTK_CHECK_BUTTON (check);
      g_object_set_data_full (G_OBJECT (check), "warta-level", g_strdup (level), g_free);
      g_signal_connect (check, "toggled", G_CALLBACK (on_privacy_toggled_cb), panel);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_list_box_append (panel->privacy_list, row);
      g_ptr_array_add (panel->privacy_checks, check);
    }
  gtk_widget_set_visible (GTK_WIDGET (panel->privacy_list), TRUE);

  set_switch_row (panel->comment_row, panel->comment, info->comment_disabled);
  set_switch_row (panel->duet_row, panel->duet, info->duet_disabled);
  set_switch_row (panel->stitch_row, panel->stitch, info->stitch_disabled);
  gtk_widget_set_visible (panel->comment_row, TRUE);
  /* Duet and Stitch are a video's; photo posts have comments only. */
  gtk_widget_set_visible (panel->duet_row, panel->video != NULL);
  gtk_widget_set_visible (panel->stitch_row, panel->video != NULL);

  if (panel->video != NULL && info->max_video_post_duration_sec > 0 && panel->duration_us < 0)
    {
      g_autoptr(WartaMediaProbe) probe = warta_media_probe_new ();

      warta_media_probe_file_async (probe, panel->video, panel->cancellable, duration_cb,
                                    g_object_ref (panel->cancellable));
    }
}

static void
creator_info_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GCancellable) cancellable = user_data;
  g_autoptr(WartaTikTokCreatorInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  TikTokPanel *panel;

  info = warta_tiktok_query_creator_info_finish (WARTA_TIKTOK (object), result, &error);
  if ((panel = panel_from (cancellable)) == NULL)
    return;
  if (info == NULL)
    {
      g_autofree char *message = NULL;

      panel->failed = TRUE;
      panel->auth_expired = g_error_matches (error, WARTA_PUBLISH_ERROR,
                                             WARTA_PUBLISH_ERROR_AUTH_EXPIRED);
      /* Nothing asks again by itself here: TikTok's own words, and the
       * button. */
      if (g_error_matches (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_RATE_LIMITED) &&
          warta_publish_error_get_platform_message (error) != NULL)
        message = g_strdup_printf (_("TikTok has had too many requests from this account: “%s” Wait a minute, then choose “Ask Again”."),
                                   warta_publish_error_get_platform_message (error));
      else
        {
          /* The panel's own Sign In Again or Ask Again is the advice:
           * only why. */
          g_autofree char *said = panel->auth_expired
                                  ? warta_publish_error_dup_sign_in_reason (error->message)
                                  : warta_publish_error_dup_retry_reason (error->message);

          /* Translators: %s is what TikTok said, with what to do */
          message = g_strdup_printf (_("TikTok did not say what this account may post: %s"), said);
        }
      gtk_label_set_label (panel->creator, "");
      show_problem (panel, message, panel->auth_expired ? _("_Sign In Again") : _("_Ask Again"));
      tiktok_panel_changed (panel);
      return;
    }
  panel->info = g_steal_pointer (&info);
  fill_creator (panel);
  tiktok_panel_changed (panel);
}

static void
creator_secret_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GCancellable) cancellable = user_data;
  g_autofree char *secret = NULL;
  g_autoptr(WartaTikTok) tiktok = NULL;
  g_autoptr(GError) error = NULL;
  TikTokPanel *panel;

  secret = warta_account_store_lookup_secret_finish (WARTA_ACCOUNT_STORE (object), result, &error);
  if ((panel = panel_from (cancellable)) == NULL)
    {
      warta_secret_clear (&secret);
      return;
    }
  if (error != NULL)
    g_debug ("No secret for %s: %s", warta_account_get_display_name (panel->account), error->message);
  tiktok = warta_tiktok_new_for_account (warta_context_get_http_client (panel->view->context),
                                         panel->account, secret);
  warta_secret_clear (&secret);
  warta_tiktok_query_creator_info_async (tiktok, panel->cancellable, creator_info_cb,
                                         g_object_ref (panel->cancellable));
}

static void
tiktok_panel_load (TikTokPanel *panel)
{
  g_clear_pointer (&panel->info, warta_tiktok_creator_info_free);
  panel->failed = FALSE;
  panel->auth_expired = FALSE;
  gtk_label_set_label (panel->creator, _("Asking TikTok what this account may post…"));
  gtk_widget_set_visible (GTK_WIDGET (panel->privacy_list), FALSE);
  gtk_widget_set_visible (panel->comment_row, FALSE);
  gtk_widget_set_visible (panel->duet_row, FALSE);
  gtk_widget_set_visible (panel->stitch_row, FALSE);
  show_problem (panel, NULL, NULL);
  warta_account_store_lookup_secret_async (warta_context_get_account_store (panel->view->context),
                                           panel->account, panel->cancellable, creator_secret_cb,
                                           g_object_ref (panel->cancellable));
}

static void
tiktok_sign_in_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GCancellable) cancellable = user_data;
  g_autoptr(GError) error = NULL;
  TikTokPanel *panel;

  if (!warta_accounts_page_sign_in_again_finish (result, &error))
    {
      if ((panel = panel_from (cancellable)) != NULL &&
          !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_message (panel->view, _("Not Signed In"), error->message);
      return;
    }
  if ((panel = panel_from (cancellable)) != NULL)
    tiktok_panel_load (panel);
}

static void
on_tiktok_action_clicked_cb (GtkButton   *button,
                             TikTokPanel *panel)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (button));

  if (!panel->auth_expired)
    {
      tiktok_panel_load (panel);
      return;
    }
  warta_accounts_page_sign_in_again_async (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                           panel->view->context,
                                           warta_account_get_id (panel->account),
                                           panel->cancellable, tiktok_sign_in_cb,
                                           g_object_ref (panel->cancellable));
}

static GtkWidget *
switch_row (const char  *title,
            GtkSwitch  **out_switch)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  *out_switch = GTK_SWITCH (toggle);
  return row;
}

/* @item's file: a relative path is in the database's folder. */
static char *
media_item_dup_path (WartaPublishView *self,
                     WartaMediaItem   *item)
{
  g_autofree char *media_dir =
    g_path_get_dirname (warta_database_get_path (warta_context_get_database (self->context)));

  return warta_media_item_dup_full_path (item, media_dir);
}

/* The approved revision's first video, if any. */
static GFile *
approved_video (WartaPublishView *self,
                gint64            revision_id)
{
  g_autoptr(WartaRevision) revision = NULL;
  GListModel *media;

  revision = warta_publication_repository_get_revision (warta_context_get_publications (self->context),
                                                        revision_id, NULL);
  if (revision == NULL)
    return NULL;
  media = warta_revision_get_media (revision);
  for (guint i = 0; i < g_list_model_get_n_items (media); i++)
    {
      g_autoptr(WartaMediaItem) item = g_list_model_get_item (media, i);
      g_autofree char *path = NULL;

      if (g_strcmp0 (warta_media_item_get_kind (item), "video") != 0)
        continue;
      path = media_item_dup_path (self, item);
      return path ? g_file_new_for_path (path) : NULL;
    }
  return NULL;
}

/* -- the files the approved content is made of -------------------------------------------- */

/* How many file checks have not answered yet, views closed or not. */
static guint n_file_checks;

/* Whether a target on @platform uploads @item, as its publisher picks
 * the media (warta_publish_job_list_media()). */
static gboolean
platform_uploads (const char     *platform,
                  WartaMediaItem *item)
{
  const char *kind = warta_media_item_get_kind (item);

  if (!warta_media_item_get_posted_to (item, platform))
    return FALSE;
  if (g_strcmp0 (platform, "youtube") == 0)
    return g_strcmp0 (kind, "video") == 0;
  if (g_strcmp0 (platform, "wordpress") == 0)
    return g_strcmp0 (kind, "photo") == 0;
  return TRUE;
}

static WartaRevision *
approved_revision (WartaPublishView *self)
{
  if (self->context == NULL || self->publication == NULL)
    return NULL;
  return warta_publication_repository_get_revision (warta_context_get_publications (self->context),
                                                    warta_publication_get_approved_revision_id (self->publication),
                                                    NULL);
}

/* Why a target on @platform cannot be sent, of the files checked last:
 * each missing file it uploads, named, with what to do; NULL when none. */
static char *
dup_files_problem (WartaPublishView *self,
                   WartaRevision    *revision,
                   const char       *platform)
{
  g_autoptr(GString) said = NULL;
  GListModel *media;

  if (revision == NULL || g_hash_table_size (self->missing) == 0)
    return NULL;
  media = warta_revision_get_media (revision);
  for (guint i = 0; i < g_list_model_get_n_items (media); i++)
    {
      g_autoptr(WartaMediaItem) item = g_list_model_get_item (media, i);
      g_autofree char *path = NULL;
      const char *why;

      if (!platform_uploads (platform, item))
        continue;
      path = media_item_dup_path (self, item);
      why = path ? g_hash_table_lookup (self->missing, path) : NULL;
      if (why == NULL)
        continue;
      if (said == NULL)
        said = g_string_new (why);
      else if (strstr (said->str, why) == NULL)
        g_string_append_printf (said, " %s", why);
    }
  return said ? g_string_free (g_steal_pointer (&said), FALSE) : NULL;
}

typedef struct
{
  char    *path;
  guint64  size;
} FileToCheck;

static void
file_to_check_free (FileToCheck *f)
{
  g_free (f->path);
  g_free (f);
}

/* The view is not kept alive for the answer: closed, it cancels the
 * check (dispose), and the answer finds @cancellable cancelled. */
typedef struct
{
  WartaPublishView *view;
  GCancellable     *cancellable;
  guint             serial;
} FileCheck;

static void
file_check_free (FileCheck *c)
{
  g_object_unref (c->cancellable);
  g_free (c);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FileCheck, file_check_free)

/* On the decode pool: each file opened, as the upload will. */
static void
check_files_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  GPtrArray *files = task_data;
  g_autoptr(GHashTable) missing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < files->len; i++)
    {
      FileToCheck *f = g_ptr_array_index (files, i);
      g_autoptr(GFile) file = g_file_new_for_path (f->path);
      g_autoptr(GError) error = NULL;

      if (warta_media_probe_check_approved (file, f->size, cancellable, &error))
        continue;
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      g_hash_table_insert (missing, g_strdup (f->path), g_strdup (error->message));
    }
  g_task_return_pointer (task, g_steal_pointer (&missing), (GDestroyNotify) g_hash_table_unref);
}

static void publish_checked (WartaPublishView *self);
static void update_summary (WartaPublishView *self);

static void
files_checked_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(FileCheck) c = user_data;
  WartaPublishView *self = c->view;
  g_autoptr(GHashTable) missing = NULL;
  gboolean publish;

  missing = g_task_propagate_pointer (G_TASK (result), NULL);
  n_file_checks--;
  /* The view is gone, or going; or a newer check is under way. */
  if (g_cancellable_is_cancelled (c->cancellable) || c->serial != self->check_serial)
    return;
  self->checking_files = FALSE;
  publish = self->publish_checked;
  self->publish_checked = FALSE;
  if (missing != NULL)
    {
      g_hash_table_unref (self->missing);
      self->missing = g_steal_pointer (&missing);
    }
  if (self->publication != NULL)
    update_summary (self);
  update_actions (self);
  /* Check Again is off while it checks, and the focus left it: back to
   * it, to press again, or on to Publish Now once nothing is missing. */
  if (self->recheck_focused)
    {
      self->recheck_focused = FALSE;
      if (gtk_widget_get_visible (GTK_WIDGET (self->recheck_button)))
        gtk_widget_grab_focus (GTK_WIDGET (self->recheck_button));
      else if (gtk_widget_is_sensitive (GTK_WIDGET (self->publish_button)))
        gtk_widget_grab_focus (GTK_WIDGET (self->publish_button));
    }
  if (publish)
    publish_checked (self);
}

/* Asks, off the main thread, whether each file the approved content is
 * made of is still there and the same: when the view opens, when its
 * window comes back to the front while one is missing, on Check Again,
 * and right before Publish Now or Schedule. The answer is shown on the
 * targets that upload the file; until it comes, Publish Now waits. */
static void
start_file_check (WartaPublishView *self)
{
  g_autoptr(WartaRevision) revision = NULL;
  g_autoptr(GTask) task = NULL;
  g_autoptr(GHashTable) seen = NULL;
  GPtrArray *files;
  GListModel *media;
  FileCheck *c;

  if (self->context == NULL || self->publication == NULL ||
      warta_publication_get_state (self->publication) != WARTA_STATE_APPROVED)
    return;
  revision = approved_revision (self);
  if (revision == NULL)
    return;
  self->checked_revision = warta_revision_get_id (revision);
  files = g_ptr_array_new_with_free_func ((GDestroyNotify) file_to_check_free);
  seen = g_hash_table_new (g_str_hash, g_str_equal);
  media = warta_revision_get_media (revision);
  for (guint i = 0; i < g_list_model_get_n_items (media); i++)
    {
      g_autoptr(WartaMediaItem) item = g_list_model_get_item (media, i);
      FileToCheck *f;
      char *path = media_item_dup_path (self, item);

      if (path == NULL || g_hash_table_contains (seen, path))
        {
          g_free (path);
          continue;
        }
      f = g_new0 (FileToCheck, 1);
      f->path = path;
      f->size = warta_media_item_get_size (item);
      g_hash_table_add (seen, f->path);
      g_ptr_array_add (files, f);
    }

  c = g_new0 (FileCheck, 1);
  c->view = self;
  c->cancellable = g_object_ref (self->cancellable);
  c->serial = ++self->check_serial;
  self->checking_files = TRUE;
  self->recheck_focused = self->recheck_focused ||
                          gtk_widget_has_focus (GTK_WIDGET (self->recheck_button));
  n_file_checks++;
  task = g_task_new (NULL, self->cancellable, files_checked_cb, c);
  g_task_set_source_tag (task, start_file_check);
  g_task_set_task_data (task, files, (GDestroyNotify) g_ptr_array_unref);
  warta_media_run_in_pool (task, check_files_thread);
  update_actions (self);
}

/* Back to the window after putting a file back: asked again. */
static void
on_root_active_cb (WartaPublishView *self)
{
  if (gtk_window_is_active (GTK_WINDOW (self->root)) && g_hash_table_size (self->missing) > 0)
    start_file_check (self);
}

static void
check_files_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  start_file_check (WARTA_PUBLISH_VIEW (widget));
}

static TikTokPanel *
tiktok_panel_new (WartaPublishView *self,
                  WartaAccount     *account,
                  gint64            job_id,
                  gint64            revision_id)
{
  TikTokPanel *panel = g_new0 (TikTokPanel, 1);
  g_autofree char *title = NULL;
  GtkWidget *heading, *list;

  panel->view = self;
  panel->account = g_object_ref (account);
  panel->job_id = job_id;
  panel->duration_us = -1;
  panel->cancellable = g_cancellable_new ();
  g_object_set_data (G_OBJECT (panel->cancellable), "warta-panel", panel);
  panel->privacy_checks = g_ptr_array_new ();
  panel->video = approved_video (self, revision_id);

  panel->group = adw_preferences_group_new ();
  /* Translators: %s is a TikTok account's name */
  title = g_strdup_printf (_("Who Can See It on TikTok — %s"), warta_account_get_display_name (account));
  /* Not the group's title, which libadwaita 1.2 cuts off in a narrow
   * window, account name and all: there may be several accounts. */
  heading = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (heading), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (heading, "heading");
  gtk_widget_set_margin_bottom (heading, 6);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (panel->group), heading);
  gtk_accessible_update_property (GTK_ACCESSIBLE (panel->group), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);

  panel->creator = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (panel->creator, 0);
  gtk_label_set_wrap (panel->creator, TRUE);
  gtk_widget_set_margin_bottom (GTK_WIDGET (panel->creator), 6);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (panel->group), GTK_WIDGET (panel->creator));

  panel->privacy_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (panel->privacy_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (panel->privacy_list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (panel->privacy_list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Who can see the post"), -1);
  gtk_widget_set_margin_bottom (GTK_WIDGET (panel->privacy_list), 12);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (panel->group), GTK_WIDGET (panel->privacy_list));

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("What others may do with the post"), -1);
  panel->comment_row = switch_row (_("Allow comments"), &panel->comment);
  panel->duet_row = switch_row (_("Allow Duet"), &panel->duet);
  panel->stitch_row = switch_row (_("Allow Stitch"), &panel->stitch);
  gtk_list_box_append (GTK_LIST_BOX (list), panel->comment_row);
  gtk_list_box_append (GTK_LIST_BOX (list), panel->duet_row);
  gtk_list_box_append (GTK_LIST_BOX (list), panel->stitch_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (panel->group), list);

  panel->problem = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (panel->problem, 0);
  gtk_label_set_wrap (panel->problem, TRUE);
  gtk_label_set_selectable (panel->problem, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (panel->problem), "error");
  gtk_widget_set_margin_top (GTK_WIDGET (panel->problem), 6);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (panel->group), GTK_WIDGET (panel->problem));

  panel->action = GTK_BUTTON (warta_button_new_with_mnemonic (_("_Ask Again")));
  gtk_widget_set_halign (GTK_WIDGET (panel->action), GTK_ALIGN_END);
  gtk_widget_set_margin_top (GTK_WIDGET (panel->action), 6);
  g_signal_connect (panel->action, "clicked", G_CALLBACK (on_tiktok_action_clicked_cb), panel);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (panel->group), GTK_WIDGET (panel->action));

  tiktok_panel_load (panel);
  return panel;
}

static GtkWidget *
tiktok_panel_get_widget (TikTokPanel *panel,
                         const char  *name)
{
  if (panel == NULL)
    return NULL;
  if (g_strcmp0 (name, "group") == 0) return panel->group;
  if (g_strcmp0 (name, "creator") == 0) return GTK_WIDGET (panel->creator);
  if (g_strcmp0 (name, "comment") == 0) return GTK_WIDGET (panel->comment);
  if (g_strcmp0 (name, "duet") == 0) return GTK_WIDGET (panel->duet);
  if (g_strcmp0 (name, "stitch") == 0) return GTK_WIDGET (panel->stitch);
  if (g_strcmp0 (name, "problem") == 0) return GTK_WIDGET (panel->problem);
  if (g_strcmp0 (name, "action") == 0) return GTK_WIDGET (panel->action);
  if (g_strcmp0 (name, "privacy") == 0) return GTK_WIDGET (panel->privacy_list);
  if (g_str_has_prefix (name, "privacy-"))
    for (guint i = 0; i < panel->privacy_checks->len; i++)
      if (g_strcmp0 (g_object_get_data (panel->privacy_checks->pdata[i], "warta-level"),
                     name + strlen ("privacy-")) == 0)
        return panel->privacy_checks->pdata[i];
  return NULL;
}

/* Why @account cannot take revision @revision_id's content
 * (warta_publish_check_target()), or NULL when it can; with
 * @content_only, only what no setting can change (not a missing website).
 * @out_by_instance: refused only on a Mastodon instance's limits as kept,
 * which asking it again may lift. */
static char *
dup_refusal (WartaPublishView *self,
             gint64            revision_id,
             WartaAccount     *account,
             gboolean          content_only,
             gboolean         *out_by_instance)
{
  gint64 account_id = warta_account_get_id (account);
  AskState asked = GPOINTER_TO_INT (g_hash_table_lookup (self->asked, &account_id));
  WartaAccountStore *store = warta_context_get_account_store (self->context);
  g_autoptr(WartaRevision) revision = NULL;
  g_autoptr(GError) error = NULL;

  revision = warta_publication_repository_get_revision (warta_context_get_publications (self->context),
                                                        revision_id, NULL);
  if (revision == NULL ||
      warta_publish_check_target_instance (revision, account,
                                           warta_account_store_get_accounts (store),
                                           asked == ASK_ANSWERED, out_by_instance, &error) ||
      (content_only && !g_error_matches (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_REJECTED)))
    return NULL;
  return g_strdup (error->message);
}

/* -- one target's row ------------------------------------------------------------------ */

static void
job_row_free (JobRow *row)
{
  if (row->notify_id != 0)
    g_signal_handler_disconnect (row->job, row->notify_id);
  g_clear_pointer (&row->tiktok, tiktok_panel_free);
  g_clear_object (&row->job);
  g_clear_object (&row->screenshot);
  g_clear_pointer (&row->copy_buttons, g_ptr_array_unref);
  g_free (row->refusal);
  g_free (row);
}

/* Its time passed while no Warta ran: held until someone decides. */
static gboolean
job_is_missed (WartaOutboxJob *job)
{
  return warta_outbox_job_get_state (job) == WARTA_OUTBOX_STATE_PAUSED &&
         g_strcmp0 (warta_outbox_job_get_error_code (job), WARTA_OUTBOX_ERROR_MISSED) == 0;
}

/* Scheduled, its time still to come. */
static gboolean
job_is_waiting (WartaPublishView *self,
                WartaOutboxJob   *job)
{
  return warta_outbox_job_get_state (job) == WARTA_OUTBOX_STATE_PENDING &&
         warta_outbox_job_get_scheduled_at (job) >
         warta_clock_now (warta_context_get_clock (self->context));
}

/* Correct… on a published post not taken down, and what its latest
 * correction was. */
static void
update_correction (JobRow *row)
{
  WartaOutboxJob *job = row->job;
  WartaOutboxState state = warta_outbox_job_get_state (job);
  gboolean published = state == WARTA_OUTBOX_STATE_DONE || state == WARTA_OUTBOX_STATE_MANUAL;
  gboolean taken_down = warta_outbox_job_get_taken_down_at (job) != 0;
  gint64 corrected = warta_outbox_job_get_corrected_at (job);
  g_autofree char *text = NULL;

  if (row->correcting)
    text = g_strdup (_("Correcting the post…"));
  else if (published && corrected != 0)
    {
      g_autofree char *when = format_local_time_zone (row->view, corrected);

      /* Translators: %1$s is a date and time with its zone, %2$s a person, %3$s the reason */
      text = g_strdup_printf (_("Corrected on %1$s by %2$s: %3$s"), when,
                              warta_outbox_job_get_corrected_by_name (job) ?: "—",
                              warta_outbox_job_get_correction_reason (job));
    }
  gtk_label_set_label (row->correction, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (row->correction), text != NULL);
  gtk_widget_set_visible (GTK_WIDGET (row->correct),
                          may_publish (row->view) && published && !taken_down);
  gtk_widget_set_sensitive (GTK_WIDGET (row->correct), !row->correcting && !row->taking_down);
}

/* The admin is uploading it by hand, as the database says (this view,
 * another one or another workstation switched it): nothing may be sent
 * from here meanwhile, or it would be posted twice. Its hand-publishing
 * form is open while it is; Send with Warta Instead gives the row its
 * sending actions back. */
static gboolean
job_row_is_by_hand (JobRow *row)
{
  return warta_outbox_job_is_by_hand (row->job);
}

static void
update_job_row_widgets (JobRow *row)
{
  WartaOutboxJob *job = row->job;
  WartaOutboxState state = warta_outbox_job_get_state (job);
  const char *message = warta_outbox_job_get_error_message (job);
  const char *url = warta_outbox_job_get_remote_url (job);
  gboolean final = warta_outbox_state_is_final (state);
  gboolean published = state == WARTA_OUTBOX_STATE_DONE || state == WARTA_OUTBOX_STATE_MANUAL;
  gboolean needs_sign_in = warta_outbox_job_get_needs_sign_in (job);
  gint64 taken_down = warta_outbox_job_get_taken_down_at (job);
  /* The post may exist: the user looks before anything is sent again. */
  gboolean unconfirmed = state == WARTA_OUTBOX_STATE_FAILED &&
                         g_strcmp0 (warta_outbox_job_get_error_code (job),
                                    WARTA_OUTBOX_ERROR_UNCONFIRMED) == 0;
  gboolean missed = job_is_missed (job);
  gboolean waiting = job_is_waiting (row->view, job);
  gboolean by_hand = job_row_is_by_hand (row);
  /* What sends it from here: none while it is uploaded by hand. */
  gboolean sends = !by_hand;
  /* Its buttons are for who may publish; the others follow it. */
  gboolean acts = may_publish (row->view);
  g_autofree char *state_text = NULL;
  g_autofree char *row_message = NULL;
  g_autofree char *refused = NULL;

  if (by_hand)
    {
      g_autofree char *since = format_local_time_zone (row->view,
                                                       warta_outbox_job_get_by_hand_since (job));

      /* Translators: %1$s is a person, %2$s a date and time with its zone */
      state_text = g_strdup_printf (_("Being uploaded by hand by %1$s since %2$s: Warta sends nothing"),
                                    warta_outbox_job_get_by_hand_by_name (job) ?: "—", since);
    }
  else if (missed)
    state_text = g_strdup (_("Missed its scheduled time"));
  /* Beside its own Sign In Again; to who has none, no advice to sign in
   * again, which they would read as into Warta. */
  else if (needs_sign_in && state == WARTA_OUTBOX_STATE_FAILED)
    state_text = g_strdup (acts ? _("Sign in again")
                                : _("Stopped until its account is signed in again"));
  /* Who may publish checks; the others are told that it is not known. */
  else if (unconfirmed)
    state_text = g_strdup (acts ? _("Check whether it was posted")
                                : _("Not known whether it was posted"));
  else if (state == WARTA_OUTBOX_STATE_FAILED &&
           g_strcmp0 (warta_outbox_job_get_error_code (job), WARTA_OUTBOX_ERROR_CANCELLED) == 0)
    state_text = g_strdup (_("Cancelled"));
  else if (waiting)
    {
      g_autofree char *when = format_local_time_zone (row->view,
                                                      warta_outbox_job_get_scheduled_at (job));

      /* Translators: %s is a date and time with its zone, 14 Mar 2026, 09:30 WIB */
      state_text = g_strdup_printf (_("Scheduled for %s"), when);
    }
  else if (published && row->taking_down)
    state_text = g_strdup (_("Taking the post down…"));
  else if (published && taken_down)
    {
      g_autofree char *when = format_local_time_zone (row->view, taken_down);

      /* Translators: %1$s is a date and time with its zone, %2$s the reason */
      state_text = g_strdup_printf (_("Taken down on %1$s: %2$s"), when,
                                    warta_outbox_job_get_takedown_reason (job));
    }
  else if (published && warta_outbox_job_get_finished_at (job) > 0)
    {
      g_autofree char *when = format_local_time_zone (row->view,
                                                      warta_outbox_job_get_finished_at (job));

      /* Translators: %s is a date and time with its zone, 14 Mar 2026, 09:30 WIB */
      state_text = g_strdup_printf (state == WARTA_OUTBOX_STATE_DONE ? _("Published on %s")
                                                                     : _("Published by hand on %s"),
                                    when);
    }
  else
    state_text = g_strdup (warta_outbox_state_get_display_name (state));

  gtk_label_set_label (row->state, state_text);
  gtk_widget_remove_css_class (GTK_WIDGET (row->state), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (row->state), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (row->state), "warning");
  /* Uploaded by hand, it has neither failed nor gone out yet. */
  if (!by_hand)
    {
      if (published && taken_down)
        gtk_widget_add_css_class (GTK_WIDGET (row->state), "warning");
      else if (published)
        gtk_widget_add_css_class (GTK_WIDGET (row->state), "success");
      else if (state == WARTA_OUTBOX_STATE_FAILED)
        gtk_widget_add_css_class (GTK_WIDGET (row->state), "error");
      else if (missed)
        gtk_widget_add_css_class (GTK_WIDGET (row->state), "warning");
    }

  gtk_widget_set_visible (GTK_WIDGET (row->progress),
                          sends && (state == WARTA_OUTBOX_STATE_RUNNING ||
                                    (state == WARTA_OUTBOX_STATE_PAUSED && !missed)));

  /* The row's own buttons are the advice: only why. The job keeps the
   * whole message for the desktop's notification. */
  if (needs_sign_in && message != NULL)
    message = row_message = warta_publish_error_dup_sign_in_reason (message);
  else if (missed)
    {
      g_autofree char *when = format_local_time_zone (row->view,
                                                      warta_outbox_job_get_scheduled_at (job));

      /* Translators: %s is a date and time with its zone, 14 Mar 2026, 09:30 WIB */
      message = row_message = g_strdup_printf (_("Nothing was sent: Warta was not running at %s, when it was due."),
                                               when);
    }
  /* A stop's or a wait's message is kept by the job after it: "Warta will
   * try again after 14:28" once it is trying again, or paused, is no
   * longer true. */
  else if (state != WARTA_OUTBOX_STATE_FAILED && state != WARTA_OUTBOX_STATE_WAITING)
    message = NULL;
  /* Its time came, or it was never scheduled, and it waits its turn. */
  if (state == WARTA_OUTBOX_STATE_PENDING && !waiting &&
      warta_outbox_get_n_running (outbox (row->view)) > 0)
    message = _("It starts once an upload in progress is done.");
  /* Stopped (before the publish check) on content its platform cannot
   * take: trying again cannot help; why, and what to do. A missing
   * website can be added, and Try Again then works. */
  if (state == WARTA_OUTBOX_STATE_FAILED && row->refusal != NULL && !needs_sign_in && !unconfirmed)
    {
      /* To who follows, the same why, and what happens next. */
      if (!acts)
        /* Translators: %s is why Warta cannot send the content there, as
         * the social media admin reads it */
        refused = g_strdup_printf (_("%s Nothing was sent; the social media admin may upload "
                                     "it by hand."),
                                   row->refusal);
      message = acts ? row->refusal : refused;
    }
  /* What to look at, and which button then, is the admin's. */
  if (unconfirmed && !acts)
    message = _("The platform’s answer was lost, so the post may be there or not. The social "
                "media admin looks before anything is sent again.");
  /* Any other stop: why, with the advice the admin follows; to who
   * follows, whose it is, as for a refusal. */
  else if (!acts && state == WARTA_OUTBOX_STATE_FAILED && !needs_sign_in && !missed &&
           row->refusal == NULL && message != NULL && *message != '\0')
    /* Translators: %s is why publishing there stopped, with what the
     * social media admin can do about it */
    message = refused = g_strdup_printf (_("%s The social media admin chooses what happens "
                                           "next."),
                                         message);
  gtk_label_set_label (row->error, message ? message : "");
  /* Only a stop is an error; a wait for a retry, a turn or the admin is
   * none. */
  if (state == WARTA_OUTBOX_STATE_FAILED)
    gtk_widget_add_css_class (GTK_WIDGET (row->error), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row->error), "error");
  /* Why sending stopped, and what would send it, is not the hand
   * upload's business. */
  gtk_widget_set_visible (GTK_WIDGET (row->error),
                          sends && !published && message != NULL && *message != '\0');

  gtk_widget_set_visible (GTK_WIDGET (row->link), published && url != NULL);
  if (url != NULL)
    gtk_widget_set_tooltip_text (GTK_WIDGET (row->link), url);
  /* The address itself, to read and to copy into the report. */
  if (published && url != NULL)
    {
      g_autofree char *markup = g_markup_printf_escaped ("<a href=\"%s\">%s</a>", url, url);

      gtk_label_set_markup (row->address, markup);
    }
  gtk_widget_set_visible (GTK_WIDGET (row->address), published && url != NULL);

  gtk_widget_set_visible (GTK_WIDGET (row->pause),
                          acts && sends && (state == WARTA_OUTBOX_STATE_PENDING ||
                                            state == WARTA_OUTBOX_STATE_WAITING ||
                                            state == WARTA_OUTBOX_STATE_RUNNING));
  gtk_widget_set_visible (GTK_WIDGET (row->resume),
                          acts && sends && state == WARTA_OUTBOX_STATE_PAUSED && !missed);
  /* Held as missed, or waiting for its time: sent now instead. */
  gtk_widget_set_visible (GTK_WIDGET (row->publish_now),
                          acts && sends &&
                          (missed || (waiting && warta_outbox_job_get_attempts (job) == 0)));
  /* Not tried yet: it may wait for another time. */
  gtk_widget_set_visible (GTK_WIDGET (row->reschedule),
                          acts && sends &&
                          (missed || (waiting && warta_outbox_job_get_attempts (job) == 0)));
  warta_button_set_mnemonic (row->reschedule, missed ? _("Choose _Another Time…")
                                                     : _("Chan_ge Time…"));
  gtk_widget_set_visible (GTK_WIDGET (row->cancel),
                          acts && sends && (!final || state == WARTA_OUTBOX_STATE_PAUSED));

  /* A TikTok target stopped for want of a choice: the choice, here. */
  if (row->tiktok == NULL && state == WARTA_OUTBOX_STATE_FAILED &&
      g_strcmp0 (warta_outbox_job_get_platform (job), "tiktok") == 0 &&
      g_strcmp0 (warta_outbox_job_get_error_code (job), "not-configured") == 0)
    {
      g_autoptr(WartaAccount) account = NULL;
      WartaAccountRepository *accounts = warta_account_store_get_repository (warta_context_get_account_store (row->view->context));

      account = warta_account_repository_get (accounts, warta_outbox_job_get_account_id (job), NULL);
      if (account != NULL)
        {
          row->tiktok = tiktok_panel_new (row->view, account, warta_outbox_job_get_id (job),
                                          warta_outbox_job_get_revision_id (job));
          gtk_box_append (row->tiktok_box, row->tiktok->group);
        }
    }
  if (row->tiktok != NULL)
    gtk_widget_set_visible (GTK_WIDGET (row->tiktok_box),
                            acts && sends && state == WARTA_OUTBOX_STATE_FAILED);
  gtk_widget_set_sensitive (GTK_WIDGET (row->retry),
                            row->tiktok == NULL || tiktok_panel_is_ready (row->tiktok));

  gtk_widget_set_visible (GTK_WIDGET (row->retry),
                          acts && sends && state == WARTA_OUTBOX_STATE_FAILED && !needs_sign_in &&
                          !unconfirmed && row->refusal == NULL);
  gtk_widget_set_visible (GTK_WIDGET (row->post_again), acts && sends && unconfirmed);
  gtk_widget_set_visible (GTK_WIDGET (row->takedown), acts && published && !taken_down);
  gtk_widget_set_sensitive (GTK_WIDGET (row->takedown), !row->taking_down);
  gtk_widget_set_visible (GTK_WIDGET (row->sign_in),
                          acts && sends && state == WARTA_OUTBOX_STATE_FAILED && needs_sign_in);
  /* A target Warta cannot send to is uploaded by hand only: no "Send
   * with Warta Instead" that could only be refused. */
  gtk_widget_set_visible (GTK_WIDGET (row->manual),
                          acts && (!final || state == WARTA_OUTBOX_STATE_FAILED) &&
                          !(by_hand && row->refusal != NULL));
  warta_button_set_mnemonic (row->manual, by_hand ? _("Send with _Warta Instead…")
                                                  : _("Switch to _Manual"));
  /* The form is open while it is uploaded by hand, wherever that began,
   * for who records the proof. */
  if (gtk_revealer_get_reveal_child (row->manual_revealer) != (acts && by_hand))
    gtk_revealer_set_reveal_child (row->manual_revealer, acts && by_hand);
  update_correction (row);
}

/* A button of the row had the focus and the update hid it (Pause, once
 * paused): the focus goes to what took its place, Resume, not to the
 * row or out of the window. */
static void
update_job_row (JobRow *row)
{
  GtkRoot *root = row->row ? gtk_widget_get_root (row->row) : NULL;
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  gboolean inside = focus != NULL && gtk_widget_is_ancestor (focus, row->row);

  update_job_row_widgets (row);
  if (inside && !gtk_widget_get_visible (focus))
    {
      GtkButton *next[] = { row->resume, row->pause, row->publish_now, row->retry,
                            row->sign_in, row->post_again, row->manual, row->cancel };

      for (guint i = 0; i < G_N_ELEMENTS (next); i++)
        if (gtk_widget_is_visible (GTK_WIDGET (next[i])) &&
            gtk_widget_is_sensitive (GTK_WIDGET (next[i])))
          {
            gtk_widget_grab_focus (GTK_WIDGET (next[i]));
            return;
          }
      gtk_widget_grab_focus (row->row);
    }
}

static void
on_job_notify_cb (WartaOutboxJob *job,
                  GParamSpec     *pspec,
                  JobRow         *row)
{
  update_job_row (row);
  update_summary (row->view);

  /* The publication follows its jobs: published, partially published … */
  if (g_strcmp0 (pspec->name, "state") == 0 &&
      warta_outbox_state_is_final (warta_outbox_job_get_state (job)))
    warta_publish_view_reload (row->view);
}

static void
on_link_clicked_cb (GtkButton *button,
                    JobRow    *row)
{
  const char *url = warta_outbox_job_get_remote_url (row->job);

  if (url != NULL)
    open_uri (GTK_WIDGET (button), url);
}

static gboolean
on_address_activate_link_cb (GtkLabel   *label,
                             const char *uri,
                             JobRow     *row)
{
  open_uri (GTK_WIDGET (label), uri);
  return TRUE;
}

static void
on_retry_clicked_cb (GtkButton *button,
                     JobRow    *row)
{
  WartaPublishView *self = row->view;
  g_autoptr(GError) error = NULL;

  if (row->tiktok != NULL)
    {
      g_autoptr(JsonNode) choice = tiktok_panel_dup_choice (row->tiktok);

      if (!warta_outbox_set_job_step (outbox (self), current_user (self),
                                      warta_outbox_job_get_id (row->job), "creator", choice,
                                      &error))
        {
          show_message (self, _("Not Tried Again"), error->message);
          return;
        }
    }
  if (!warta_outbox_retry_job (outbox (self), current_user (self),
                               warta_outbox_job_get_id (row->job), &error))
    show_message (self, _("Not Tried Again"), error->message);
  warta_publish_view_reload (self);
}

static void
on_pause_clicked_cb (GtkButton *button,
                     JobRow    *row)
{
  g_autoptr(GError) error = NULL;

  /* What the platform confirmed stays: Resume goes on from there. */
  if (!warta_outbox_pause_job (outbox (row->view), current_user (row->view),
                               warta_outbox_job_get_id (row->job), &error))
    show_message (row->view, _("Not Paused"), error->message);
}

/* Also a held scheduled post's Publish Now: resumed, it goes at once. */
static void
on_resume_clicked_cb (GtkButton *button,
                      JobRow    *row)
{
  g_autoptr(GError) error = NULL;

  if (!warta_outbox_resume_job (outbox (row->view), current_user (row->view),
                                warta_outbox_job_get_id (row->job), &error))
    show_message (row->view, _("Not Resumed"), error->message);
}

/* A target held as missed goes on at once; one waiting for its time is
 * sent now instead. */
static void
on_publish_now_clicked_cb (GtkButton *button,
                           JobRow    *row)
{
  g_autoptr(GError) error = NULL;
  gint64 id = warta_outbox_job_get_id (row->job);

  if (warta_outbox_job_get_state (row->job) == WARTA_OUTBOX_STATE_PAUSED)
    {
      on_resume_clicked_cb (button, row);
      return;
    }
  if (!warta_outbox_send_now_job (outbox (row->view), current_user (row->view), id, &error))
    show_message (row->view, _("Not Published"), error->message);
}

/* Asks before @row's job is changed for good; @response_cb gets the view
 * (object data "warta-view") and the job's id when @act is chosen. */
static AdwMessageDialog *
ask_about_job (JobRow     *row,
               const char *heading,
               const char *body,
               const char *keep_label,
               const char *act,
               const char *act_label,
               GCallback   response_cb)
{
  WartaPublishView *self = row->view;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  dialog = warta_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", keep_label,
                                    act, act_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), act,
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_object_set_data_full (G_OBJECT (dialog), "warta-view", g_object_ref (self), g_object_unref);
  g_signal_connect_data (dialog, "response", response_cb,
                         g_memdup2 (&(gint64) { warta_outbox_job_get_id (row->job) }, sizeof (gint64)),
                         (GClosureNotify) (void (*) (void)) g_free, 0);
  g_set_weak_pointer (&self->dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  return ADW_MESSAGE_DIALOG (dialog);
}

static void
cancel_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    gpointer          user_data)
{
  g_autoptr(WartaPublishView) self = g_object_ref (g_object_get_data (G_OBJECT (dialog), "warta-view"));
  gint64 job_id = *(gint64 *) user_data;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "cancel") != 0)
    return;
  if (!warta_outbox_cancel_job (outbox (self), current_user (self), job_id, &error))
    show_message (self, _("Not Cancelled"), error->message);
  warta_publish_view_reload (self);
}

static void
on_cancel_clicked_cb (GtkButton *button,
                      JobRow    *row)
{
  const char *account = warta_outbox_job_get_account_name (row->job);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;

  /* Translators: %s is an account's name */
  heading = g_strdup_printf (_("Cancel Publishing to %s?"), account);
  body = g_strdup_printf (_("Nothing more is sent to %s and nothing is posted there. What was already uploaded is kept: “Try Again” goes on from the last part the platform confirmed, as long as the platform keeps it (TikTok keeps an upload for an hour, YouTube for a week). Otherwise upload it by hand and record the proof."),
                          account);
  ask_about_job (row, heading, body, _("_Keep Publishing"), "cancel", _("_Cancel Publishing"),
                 G_CALLBACK (cancel_response_cb));
}

#define RESCHEDULE_PASSED N_("That time has already passed. Choose a later time.")

static void
reschedule_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        gpointer          user_data)
{
  g_autoptr(WartaPublishView) self = g_object_ref (g_object_get_data (G_OBJECT (dialog), "warta-view"));
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "warta-time");
  gint64 job_id = *(gint64 *) user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *problem = NULL;
  gint64 at = 0;

  if (g_strcmp0 (response, "change") != 0 || self->context == NULL)
    return;
  /* Checked again: the time may have passed, or another Warta started
   * the job, since the dialog was opened. */
  problem = time_problem (self, entry, _(RESCHEDULE_PASSED), &at);
  if (problem == NULL && !warta_outbox_reschedule_job (outbox (self), current_user (self),
                                                       job_id, at,
                                                            &error))
    problem = g_strdup (error->message);
  if (problem != NULL)
    show_message (self, _("Time Not Changed"), problem);
  warta_publish_view_reload (self);
}

/* The time is checked as it is typed, and said beside it. */
static void
on_reschedule_time_changed_cb (GtkEditable      *entry,
                               AdwMessageDialog *dialog)
{
  WartaPublishView *self = g_object_get_data (G_OBJECT (dialog), "warta-view");
  GtkLabel *label = g_object_get_data (G_OBJECT (dialog), "warta-problem");
  g_autofree char *problem = time_problem (self, entry, _(RESCHEDULE_PASSED), NULL);

  gtk_label_set_label (label, problem ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (label), problem != NULL);
  if (problem)
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  problem ? problem : _("Date and time to publish"), -1);
  adw_message_dialog_set_response_enabled (dialog, "change", problem == NULL);
}

/* A post not started yet, waiting or held as missed, gets another time:
 * the one it has, or for a missed one the next full hour, to change. The
 * entry is in a dialog, not a popover, for its calendar's popover. */
static void
on_reschedule_clicked_cb (GtkButton *button,
                          JobRow    *row)
{
  WartaPublishView *self = row->view;
  const char *account = warta_outbox_job_get_account_name (row->job);
  gint64 at = warta_outbox_job_get_scheduled_at (row->job);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *text = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *box, *list, *entry, *problem;

  /* Translators: %s is an account's name */
  heading = g_strdup_printf (_("Publish to %s at Another Time"), account);
  body = g_strdup_printf (_("The post to %s waits until this time, then goes out by itself while Warta is open on this database."),
                          account);
  dialog = ask_about_job (row, heading, body, _("_Cancel"), "change", _("Change _Time"),
                          G_CALLBACK (reschedule_response_cb));
  adw_message_dialog_set_response_appearance (dialog, "change", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "change");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  entry = adw_entry_row_new ();
  gtk_widget_set_name (entry, "reschedule-time");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), _("Publish at (YYYY-MM-DD HH:MM)"));
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (entry), TRUE);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (entry),
                            warta_date_popover_new_button (GTK_EDITABLE (entry), TRUE,
                                                           warta_context_get_clock (self->context)));
  gtk_list_box_append (GTK_LIST_BOX (list), entry);
  gtk_box_append (GTK_BOX (box), list);
  problem = gtk_label_new (NULL);
  gtk_widget_set_name (problem, "reschedule-problem");
  gtk_label_set_wrap (GTK_LABEL (problem), TRUE);
  gtk_label_set_xalign (GTK_LABEL (problem), 0);
  gtk_widget_add_css_class (problem, "error");
  gtk_box_append (GTK_BOX (box), problem);
  adw_message_dialog_set_extra_child (dialog, box);

  g_object_set_data (G_OBJECT (dialog), "warta-time", entry);
  g_object_set_data (G_OBJECT (dialog), "warta-problem", problem);
  g_signal_connect_object (entry, "changed", G_CALLBACK (on_reschedule_time_changed_cb), dialog, 0);
  if (at <= warta_clock_now (warta_context_get_clock (self->context)))
    at = next_full_hour (self);
  text = format_local_time (self, at);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  gtk_widget_grab_focus (entry);
}

/* What the platform did not do, with Close and @by_hand_label, which
 * records it as done by hand: @response_cb gets @data, freed with the
 * dialog by @free_data. */
static void
offer_by_hand (WartaPublishView *self,
               const char       *heading,
               const char       *body,
               const char       *by_hand_label,
               GCallback         response_cb,
               gpointer          data,
               GDestroyNotify    free_data)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  dialog = warta_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "close", _("_Close"),
                                    "by-hand", by_hand_label,
                                    NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  g_signal_connect_data (dialog, "response", response_cb, data,
                         (GClosureNotify) (void (*) (void)) free_data, 0);
  g_set_weak_pointer (&self->dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  WartaPublishView *view;
  gint64            job_id;
  char             *reason;
  char             *account;
} TakeDownCall;

static void
take_down_call_free (gpointer data)
{
  TakeDownCall *c = data;

  g_clear_object (&c->view);
  g_free (c->reason);
  g_free (c->account);
  g_free (c);
}

static void
record_takedown (WartaPublishView *self,
                 gint64            job_id,
                 const char       *reason)
{
  g_autoptr(GError) error = NULL;

  if (current_user (self) == NULL)
    return;
  if (!warta_outbox_record_takedown (outbox (self), current_user (self), job_id, reason, &error))
    show_message (self, _("Take-Down Not Recorded"), error->message);
}

static void
by_hand_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     TakeDownCall     *c)
{
  if (g_strcmp0 (response, "by-hand") == 0 && c->view->context != NULL)
    record_takedown (c->view, c->job_id, c->reason);
}

static void
taken_down_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  TakeDownCall *c = user_data;
  WartaPublishView *self = c->view;
  /* The view may have been closed meanwhile (its rows gone). */
  JobRow *row = self->rows ? g_hash_table_lookup (self->rows, &c->job_id) : NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;

  if (row != NULL)
    {
      row->taking_down = FALSE;
      update_job_row (row);
    }
  if (warta_outbox_take_down_finish (WARTA_OUTBOX (object), result, &error) ||
      self->rows == NULL || gtk_widget_get_root (GTK_WIDGET (self)) == NULL)
    {
      take_down_call_free (c);
      return;
    }
  /* Not the platform's refusal: refused before anything was sent (taken
   * down meanwhile …), or deleted but not recorded. */
  if (error->domain != WARTA_PUBLISH_ERROR)
    {
      show_message (self, _("Take-Down Not Recorded"), error->message);
      take_down_call_free (c);
      return;
    }

  /* The platform did not delete it: the admin may, and record it. */
  /* Translators: %1$s is the platform's message, %2$s an account's name */
  body = g_strdup_printf (_("%1$s\n\nIf the post is gone from %2$s already, or once you have removed it there yourself, record the take-down by hand."),
                          error->message, c->account);
  offer_by_hand (self, _("Post Not Taken Down"), body, _("_Record as Removed by Hand"),
                 G_CALLBACK (by_hand_response_cb), c, take_down_call_free);
}

static void
takedown_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      gpointer          user_data)
{
  g_autoptr(WartaPublishView) self = g_object_ref (g_object_get_data (G_OBJECT (dialog), "warta-view"));
  GtkEditable *reason = g_object_get_data (G_OBJECT (dialog), "warta-reason");
  gint64 job_id = *(gint64 *) user_data;
  JobRow *row = self->rows ? g_hash_table_lookup (self->rows, &job_id) : NULL;
  TakeDownCall *c;

  if (g_strcmp0 (response, "take-down") != 0 || row == NULL || current_user (self) == NULL)
    return;
  if (!GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "warta-by-platform")))
    {
      record_takedown (self, job_id, gtk_editable_get_text (reason));
      return;
    }

  c = g_new0 (TakeDownCall, 1);
  c->view = g_object_ref (self);
  c->job_id = job_id;
  c->reason = g_strdup (gtk_editable_get_text (reason));
  c->account = g_strdup (warta_outbox_job_get_account_name (row->job));
  row->taking_down = TRUE;
  update_job_row (row);
  warta_outbox_take_down_async (outbox (self), current_user (self), job_id, c->reason, NULL,
                                taken_down_cb, c);
}

static void
on_reason_changed_cb (GtkEditable      *reason,
                      AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (reason)));

  adw_message_dialog_set_response_enabled (dialog, "take-down", *text != '\0');
}

/* Where the platform lets it, Warta deletes the post and records it;
 * elsewhere the admin removes it there and records here when and why,
 * for the history and the archive. */
static void
on_takedown_clicked_cb (GtkButton *button,
                        JobRow    *row)
{
  const char *account = warta_outbox_job_get_account_name (row->job);
  gboolean by_platform = warta_outbox_can_take_down (outbox (row->view), row->job);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *reason;

  /* Translators: %s is an account's name */
  heading = g_strdup_printf (_("Take Down the Post on %s?"), account);
  if (by_platform)
    body = g_strdup_printf (g_str_equal (warta_outbox_job_get_platform (row->job), "wordpress")
                            ? _("Warta moves the post on %s to the website’s trash and deletes the photos it uploaded with it. Write why it is taken down, for example a consent withdrawn. The reason, your name and the time are kept in the publication’s history and in the archive.")
                            : _("Warta deletes the post on %s, with its photos and videos. Write why it is taken down, for example a consent withdrawn. The reason, your name and the time are kept in the publication’s history and in the archive."),
                            account);
  else
    body = g_strdup_printf (_("Warta cannot delete this post for you. First remove it on %s: open it from its address and delete it there. Then write here why it was taken down, for example a consent withdrawn. The reason, your name and the time are kept in the publication’s history and in the archive."),
                            account);
  dialog = ask_about_job (row, heading, body, _("_Cancel"), "take-down",
                          by_platform ? _("_Take Down") : _("_Record Take-Down"),
                          G_CALLBACK (takedown_response_cb));
  g_object_set_data (G_OBJECT (dialog), "warta-by-platform", GINT_TO_POINTER (by_platform));
  reason = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (reason), _("Why it was taken down"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (reason), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Why the post was taken down"), -1);
  adw_message_dialog_set_extra_child (dialog, reason);
  g_object_set_data (G_OBJECT (dialog), "warta-reason", reason);
  adw_message_dialog_set_response_enabled (dialog, "take-down", FALSE);
  g_signal_connect_object (reason, "changed", G_CALLBACK (on_reason_changed_cb), dialog, 0);
  gtk_widget_grab_focus (reason);
}

/* Correcting a published post ----------------------------------------------------- */

typedef struct
{
  WartaPublishView *view;
  gint64            job_id;
  char             *title;   /* what was typed, for a record by hand */
  char             *text;
  char             *reason;
} CorrectCall;

static void
correct_call_free (gpointer data)
{
  CorrectCall *c = data;

  g_clear_object (&c->view);
  g_free (c->title);
  g_free (c->text);
  g_free (c->reason);
  g_free (c);
}

static void open_correction (JobRow     *row,
                             gboolean    by_platform,
                             const char *title,
                             const char *text,
                             const char *reason);

/* After the platform did not take the correction, the admin makes it
 * there and records it, with what was typed. */
static void
correct_by_hand_response_cb (AdwMessageDialog *dialog,
                             const char       *response,
                             CorrectCall      *c)
{
  JobRow *row = c->view->rows ? g_hash_table_lookup (c->view->rows, &c->job_id) : NULL;

  if (g_strcmp0 (response, "by-hand") == 0 && row != NULL)
    open_correction (row, FALSE, c->title, c->text, c->reason);
}

static void
corrected_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  CorrectCall *c = user_data;
  WartaPublishView *self = c->view;
  /* The view may have been closed meanwhile (its rows gone). */
  JobRow *row = self->rows ? g_hash_table_lookup (self->rows, &c->job_id) : NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;

  if (row != NULL)
    {
      row->correcting = FALSE;
      update_job_row (row);
    }
  if (warta_outbox_correct_finish (WARTA_OUTBOX (object), result, &error) ||
      self->rows == NULL || gtk_widget_get_root (GTK_WIDGET (self)) == NULL)
    {
      correct_call_free (c);
      return;
    }
  /* Refused before anything was sent, changed but not recorded (Correct…
   * again sends the same and records it), or no longer there. */
  if (error->domain != WARTA_PUBLISH_ERROR ||
      g_error_matches (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_GONE))
    {
      show_message (self, error->domain == WARTA_PUBLISH_ERROR ? _("Post Not Corrected")
                                                                : _("Correction Not Recorded"),
                    error->message);
      correct_call_free (c);
      return;
    }

  /* The platform did not take it: the admin may correct it there. */
  /* Translators: %1$s is the platform's message, %2$s an account's name */
  body = g_strdup_printf (_("%1$s\n\nYou can also correct the post on %2$s yourself, then record the correction here."),
                          error->message, row ? warta_outbox_job_get_account_name (row->job) : "");
  offer_by_hand (self, _("Post Not Corrected"), body, _("_Record a Correction Made by Hand…"),
                 G_CALLBACK (correct_by_hand_response_cb), c, correct_call_free);
}

static char *
text_view_dup_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
correct_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     gpointer          user_data)
{
  g_autoptr(WartaPublishView) self = g_object_ref (g_object_get_data (G_OBJECT (dialog), "warta-view"));
  GtkEditable *reason = g_object_get_data (G_OBJECT (dialog), "warta-reason");
  GtkEditable *title = g_object_get_data (G_OBJECT (dialog), "warta-title");
  GtkTextView *text_view = g_object_get_data (G_OBJECT (dialog), "warta-text");
  gint64 job_id = *(gint64 *) user_data;
  JobRow *row = self->rows ? g_hash_table_lookup (self->rows, &job_id) : NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  CorrectCall *c;

  if (g_strcmp0 (response, "correct") != 0 || row == NULL || current_user (self) == NULL)
    return;
  text = text_view_dup_text (text_view);
  if (!GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "warta-by-platform")))
    {
      if (!warta_outbox_record_correction (outbox (self), current_user (self), job_id,
                                           gtk_editable_get_text (reason),
                                           title ? gtk_editable_get_text (title) : NULL, text,
                                           &error))
        show_message (self, _("Correction Not Recorded"), error->message);
      return;
    }

  c = g_new0 (CorrectCall, 1);
  c->view = g_object_ref (self);
  c->job_id = job_id;
  c->title = title ? g_strdup (gtk_editable_get_text (title)) : NULL;
  c->text = g_strdup (text);
  c->reason = g_strdup (gtk_editable_get_text (reason));
  row->correcting = TRUE;
  update_job_row (row);
  warta_outbox_correct_async (outbox (self), current_user (self), job_id,
                              gtk_editable_get_text (reason),
                              title ? gtk_editable_get_text (title) : NULL, text, NULL,
                              corrected_cb, c);
}

static void
on_correction_reason_changed_cb (GtkEditable      *reason,
                                 AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (reason)));

  adw_message_dialog_set_response_enabled (dialog, "correct", *text != '\0');
}

/* A label above @child that names it (its mnemonic widget). */
static void
append_labelled (GtkBox     *box,
                 const char *label,
                 GtkWidget  *child,
                 GtkWidget  *target)
{
  GtkWidget *l = gtk_label_new_with_mnemonic (label);

  gtk_label_set_xalign (GTK_LABEL (l), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (l), target);
  gtk_box_append (box, l);
  gtk_box_append (box, child);
}

/* The dialog with @old_title (NULL: the post has none) and @old_text
 * ready to edit, and why (@why, NULL: to write). Where the platform lets it
 * (@by_platform), Warta changes the post and records it; elsewhere, or
 * when the platform did not take it, the admin changes it there and
 * records here the new text and why. */
static void
open_correction (JobRow     *row,
                 gboolean    by_platform,
                 const char *old_title,
                 const char *old_text,
                 const char *why)
{
  const char *account = warta_outbox_job_get_account_name (row->job);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *box, *scrolled, *text_view, *reason, *title = NULL;

  /* Translators: %s is an account's name */
  heading = g_strdup_printf (_("Correct the Post on %s?"), account);
  if (by_platform)
    body = g_strdup_printf (_("Warta changes the post on %s to the text below. Write why it is corrected, for example a name misspelt. The text before and after, the reason, your name and the time are kept in the publication’s history and in the archive."),
                            account);
  else
    body = g_strdup_printf (_("Warta cannot change this post for you. First correct it on %s: open it from its address and edit it there. Then put the text it has now below and write why it was corrected. The text before and after, the reason, your name and the time are kept in the publication’s history and in the archive."),
                            account);
  dialog = ask_about_job (row, heading, body, _("_Cancel"), "correct",
                          by_platform ? _("C_orrect") : _("_Record Correction"),
                          G_CALLBACK (correct_response_cb));
  adw_message_dialog_set_response_appearance (dialog, "correct", ADW_RESPONSE_SUGGESTED);
  g_object_set_data (G_OBJECT (dialog), "warta-by-platform", GINT_TO_POINTER (by_platform));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  if (old_title != NULL)
    {
      title = gtk_entry_new ();
      gtk_editable_set_text (GTK_EDITABLE (title), old_title);
      append_labelled (GTK_BOX (box), _("_Title"), title, title);
      g_object_set_data (G_OBJECT (dialog), "warta-title", title);
    }
  text_view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (text_view), GTK_WRAP_WORD_CHAR);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view)), old_text, -1);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 120);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), text_view);
  gtk_widget_add_css_class (scrolled, "card");
  append_labelled (GTK_BOX (box), _("T_ext of the post"), scrolled, text_view);
  g_object_set_data (G_OBJECT (dialog), "warta-text", text_view);
  reason = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (reason), _("For example: the official’s name misspelt"));
  append_labelled (GTK_BOX (box), _("_Why it is corrected"), reason, reason);
  g_object_set_data (G_OBJECT (dialog), "warta-reason", reason);
  adw_message_dialog_set_extra_child (dialog, box);
  adw_message_dialog_set_response_enabled (dialog, "correct", FALSE);
  g_signal_connect_object (reason, "changed", G_CALLBACK (on_correction_reason_changed_cb), dialog,
                           0);
  if (why != NULL)
    gtk_editable_set_text (GTK_EDITABLE (reason), why);
  gtk_widget_grab_focus (text_view);
}

/* The text that went out on the platform (or its latest correction),
 * ready to edit. */
static void
on_correct_clicked_cb (GtkButton *button,
                       JobRow    *row)
{
  g_autofree char *old_title = NULL;
  g_autofree char *old_text = NULL;
  g_autoptr(GError) error = NULL;

  if (!warta_outbox_dup_post_text (outbox (row->view), row->job, &old_title, &old_text, &error))
    {
      show_message (row->view, _("Post Not Corrected"), error->message);
      return;
    }
  open_correction (row, warta_outbox_can_correct (outbox (row->view), row->job), old_title,
                   old_text, NULL);
}

/* Correct… among @row's actions, and the line that says the latest
 * correction, under its state. */
static void
build_correction (JobRow     *row,
                  GtkWidget  *box,
                  GtkWidget  *actions,
                  const char *account)
{
  g_autofree char *accessible = g_strdup_printf (_("Correct the post on %s"), account);

  row->correction = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (row->correction, TRUE);
  gtk_label_set_xalign (row->correction, 0);
  gtk_label_set_selectable (row->correction, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (row->correction), "dim-label");
  gtk_widget_set_visible (GTK_WIDGET (row->correction), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->correction));
  row->correct = GTK_BUTTON (labelled_button (_("Co_rrect…"), accessible));
  g_signal_connect (row->correct, "clicked", G_CALLBACK (on_correct_clicked_cb), row);
  gtk_widget_set_parent (GTK_WIDGET (row->correct), actions);
}

static void
post_again_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        gpointer          user_data)
{
  g_autoptr(WartaPublishView) self = g_object_ref (g_object_get_data (G_OBJECT (dialog), "warta-view"));
  gint64 job_id = *(gint64 *) user_data;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "post") != 0)
    return;
  if (!warta_outbox_post_again (outbox (self), current_user (self), job_id, &error))
    show_message (self, _("Not Posted Again"), error->message);
  warta_publish_view_reload (self);
}

/* The platform may have the post already: a second one is the user's
 * informed choice, never a single click away. */
static void
on_post_again_clicked_cb (GtkButton *button,
                          JobRow    *row)
{
  const char *account = warta_outbox_job_get_account_name (row->job);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;

  /* Translators: %s is an account's name */
  heading = g_strdup_printf (_("Post to %s Again?"), account);
  body = g_strdup_printf (_("Look at the profile of %s first. If the post is already there, posting again makes a second one: record the one that is there with “Switch to Manual” instead."),
                          account);
  ask_about_job (row, heading, body, _("_Don’t Post"), "post", _("_Post Again"),
                 G_CALLBACK (post_again_response_cb));
}

static void
sign_in_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(WartaPublishView) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!warta_accounts_page_sign_in_again_finish (result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_message (self, _("Not Signed In"), error->message);
      return;
    }
  /* Signed in again: the targets that stopped for it go on. */
  if (self->jobs == NULL || self->context == NULL)
    return;
  for (guint i = 0; i < g_list_model_get_n_items (self->jobs); i++)
    {
      g_autoptr(WartaOutboxJob) job = g_list_model_get_item (self->jobs, i);

      /* Not one being uploaded by hand meanwhile: it would be posted twice
       * (the outbox refuses it too). */
      if (warta_outbox_job_get_state (job) == WARTA_OUTBOX_STATE_FAILED &&
          warta_outbox_job_get_needs_sign_in (job) && !warta_outbox_job_is_by_hand (job))
        warta_outbox_retry_job (outbox (self), current_user (self),
                                warta_outbox_job_get_id (job), NULL);
    }
  warta_publish_view_reload (self);
}

static void
on_sign_in_clicked_cb (GtkButton *button,
                       JobRow    *row)
{
  WartaPublishView *self = row->view;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  warta_accounts_page_sign_in_again_async (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                           self->context,
                                           warta_outbox_job_get_account_id (row->job),
                                           self->cancellable, sign_in_done_cb,
                                           g_object_ref (self));
}

/* Once the form of @row has opened and been laid out, the view scrolls so
 * that all of it shows, its Record Proof button included, or at least its
 * top when the view is shorter than the form. GTK 4.8 has no
 * gtk_viewport_scroll_to(). */
static void
scroll_to_form (GdkFrameClock *clock,
                GtkRevealer   *revealer)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (revealer), GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *content;
  GtkAdjustment *adjustment;
  graphene_rect_t bounds;
  double value, page, top, bottom;

  g_signal_handlers_disconnect_by_func (clock, scroll_to_form, revealer);
  if (scroller == NULL || !gtk_revealer_get_child_revealed (revealer))
    return;
  content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller));
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  if (content == NULL || !gtk_widget_compute_bounds (GTK_WIDGET (revealer), content, &bounds))
    return;

  /* The viewport's own coordinates move with the scrolling; a little
   * room around the form, as the page's own margins give. */
  value = gtk_adjustment_get_value (adjustment);
  page = gtk_adjustment_get_page_size (adjustment);
  top = value + bounds.origin.y - 12;
  bottom = value + bounds.origin.y + bounds.size.height + 12;
  if (bottom > value + page)
    gtk_adjustment_set_value (adjustment, MIN (top, bottom - page));
  else if (top < value)
    gtk_adjustment_set_value (adjustment, top);
}

static void
on_manual_revealed_cb (GtkRevealer *revealer,
                       GParamSpec  *pspec,
                       gpointer     user_data)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (revealer));

  g_signal_handlers_disconnect_by_func (revealer, on_manual_revealed_cb, user_data);
  if (clock == NULL || !gtk_revealer_get_child_revealed (revealer))
    return;
  /* Its full height is known once the next frame is laid out. */
  g_signal_connect_object (clock, "after-paint", G_CALLBACK (scroll_to_form), revealer, 0);
  gtk_widget_queue_allocate (GTK_WIDGET (revealer));
}

/* A form opened already (a new row opens it at once, following its job)
 * is brought into view once it is laid out. */
static gboolean
scroll_to_open_form_cb (GtkWidget     *revealer,
                        GdkFrameClock *clock,
                        gpointer       user_data)
{
  g_signal_connect_object (clock, "after-paint", G_CALLBACK (scroll_to_form), revealer, 0);
  gtk_widget_queue_allocate (revealer);
  return G_SOURCE_REMOVE;
}

/* Opens the hand-publishing form of @row, puts the focus in its first
 * field and brings it into view. */
static void
reveal_manual_form (JobRow *row)
{
  g_signal_handlers_disconnect_by_func (row->manual_revealer, on_manual_revealed_cb, NULL);
  if (gtk_revealer_get_child_revealed (row->manual_revealer))
    gtk_widget_add_tick_callback (GTK_WIDGET (row->manual_revealer), scroll_to_open_form_cb,
                                  NULL, NULL);
  else
    g_signal_connect (row->manual_revealer, "notify::child-revealed",
                      G_CALLBACK (on_manual_revealed_cb), NULL);
  gtk_revealer_set_reveal_child (row->manual_revealer, TRUE);
  update_job_row (row);
  update_summary (row->view);
  gtk_widget_grab_focus (GTK_WIDGET (row->url_entry));
}

static void
send_instead_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          gpointer          user_data)
{
  g_autoptr(WartaPublishView) self = g_object_ref (g_object_get_data (G_OBJECT (dialog), "warta-view"));
  gint64 job_id = *(gint64 *) user_data;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "send") != 0 || current_user (self) == NULL)
    return;
  if (!warta_outbox_send_instead (outbox (self), current_user (self), job_id, &error))
    show_message (self, _("Not Sent with Warta"), error->message);
  warta_publish_view_reload (self);
}

/* Switched to manual, the target is recorded as being uploaded by hand,
 * for every workstation on the database: nothing sends it. Going back
 * is asked first: the post may be up already. */
static void
on_manual_clicked_cb (GtkButton *button,
                      JobRow    *row)
{
  const char *account = warta_outbox_job_get_account_name (row->job);
  g_autoptr(GError) error = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;

  if (!job_row_is_by_hand (row))
    {
      if (!warta_outbox_start_by_hand (outbox (row->view), current_user (row->view),
                                       warta_outbox_job_get_id (row->job), &error))
        {
          show_message (row->view, _("Not Switched to Manual"), error->message);
          warta_publish_view_reload (row->view);
          return;
        }
      reveal_manual_form (row);
      return;
    }

  /* Translators: %s is an account's name */
  heading = g_strdup_printf (_("Send to %s with Warta?"), account);
  body = g_strdup_printf (_("Look at the profile of %s first. If the post is already there, Warta sending it makes a second one: record the one that is there with its proof instead."),
                          account);
  ask_about_job (row, heading, body, _("_Keep Uploading by Hand"), "send",
                 _("_Send with Warta"), G_CALLBACK (send_instead_response_cb));
}

static void
on_copy_clicked_cb (GtkButton *button,
                    JobRow    *row)
{
  const char *text = g_object_get_data (G_OBJECT (button), "warta-text");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (button));

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (button)), text);
  if (GTK_IS_WINDOW (root))
    {
      GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_TOAST_OVERLAY);

      if (overlay)
        adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (_("Copied")));
    }
}

/* A publish job made for the manual path: the approved texts and media
 * of this target, as the publisher would send them. */
static WartaPublishJob *
manual_publish_job (WartaPublishView  *self,
                    WartaOutboxJob    *job,
                    GError           **error)
{
  WartaPublicationRepository *publications = warta_context_get_publications (self->context);
  WartaAccountRepository *accounts = warta_account_store_get_repository (warta_context_get_account_store (self->context));
  g_autoptr(WartaRevision) revision = NULL;
  g_autoptr(WartaAccount) account = NULL;
  g_autofree char *media_dir = NULL;

  revision = warta_publication_repository_get_revision (publications,
                                                        warta_outbox_job_get_revision_id (job), error);
  if (revision == NULL)
    return NULL;
  account = warta_account_repository_get (accounts, warta_outbox_job_get_account_id (job), error);
  if (account == NULL)
    return NULL;
  media_dir = g_path_get_dirname (warta_database_get_path (warta_context_get_database (self->context)));
  return warta_publish_job_new (job, account, revision, "manual", media_dir);
}

typedef struct
{
  WartaPublishView *view;
  WartaPublishJob  *pjob;
  GFile            *folder;
  GPtrArray        *media;
  guint             index;
  guint             saved;
  char             *platform;
} SaveData;

static void
save_data_free (SaveData *d)
{
  g_clear_object (&d->view);
  g_clear_object (&d->pjob);
  g_clear_object (&d->folder);
  g_clear_pointer (&d->media, g_ptr_array_unref);
  g_free (d->platform);
  g_free (d);
}

static void save_next (SaveData *d);

/* @folder cannot take the files: where, and what to do. */
static void
set_folder_error (GFile   *folder,
                  GError **error)
{
  g_autofree char *name = g_file_get_parse_name (folder);

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               /* Translators: %s is a folder */
               _("The files cannot be saved in “%s”: it is not a folder Warta may write to. "
                 "Choose another folder, for example Downloads."),
               name);
}

typedef struct
{
  GFile     *folder;
  GPtrArray *sources;
  GArray    *sizes;
} SaveCheck;

static void
save_check_free (SaveCheck *c)
{
  g_object_unref (c->folder);
  g_ptr_array_unref (c->sources);
  g_array_unref (c->sizes);
  g_free (c);
}

/* On the decode pool, before anything is saved: the approved files there
 * and the same, as the file check asks (a moved one is named, with where
 * to put it back), and the folder one Warta may write into. */
static void
save_check_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  SaveCheck *c = task_data;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < c->sources->len; i++)
    if (!warta_media_probe_check_approved (g_ptr_array_index (c->sources, i),
                                           g_array_index (c->sizes, guint64, i),
                                           cancellable, &error))
      {
        g_task_return_error (task, g_steal_pointer (&error));
        return;
      }
  info = g_file_query_info (c->folder,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (info == NULL || g_file_info_get_file_type (info) != G_FILE_TYPE_DIRECTORY ||
      (g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE) &&
       !g_file_info_get_attribute_boolean (info, G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE)))
    {
      GError *folder_error = NULL;

      set_folder_error (c->folder, &folder_error);
      g_task_return_error (task, folder_error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
save_checked_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  SaveData *d = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_message (d->view, _("Renditions Not Saved"), error->message);
      save_data_free (d);
      return;
    }
  save_next (d);
}

static void
save_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  SaveData *d = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (WARTA_IS_RENDITION (object))
    ok = warta_rendition_render_finish (WARTA_RENDITION (object), result, &error);
  else
    ok = g_file_copy_finish (G_FILE (object), result, &error);

  if (!ok)
    {
      /* The files were found before: a file GIO cannot create is the
       * folder's fault. Others (a full disk) keep GIO's own, translated,
       * words. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) ||
          g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED) ||
          g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY) ||
          g_error_matches (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY))
        {
          g_message ("Renditions not saved: %s", error->message);
          g_clear_error (&error);
          set_folder_error (d->folder, &error);
        }
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_message (d->view, _("Renditions Not Saved"), error->message);
      save_data_free (d);
      return;
    }
  d->saved++;
  d->index++;
  save_next (d);
}

static void
save_next (SaveData *d)
{
  WartaMediaItem *item;
  g_autoptr(GFile) source = NULL;
  g_autoptr(GFile) destination = NULL;
  g_autofree char *name = NULL;
  WartaRenditionTarget target;

  if (d->index >= d->media->len)
    {
      GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (d->view), ADW_TYPE_TOAST_OVERLAY);
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u file saved",
                                                            "%u files saved", d->saved), d->saved);

      if (overlay)
        adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (text));
      save_data_free (d);
      return;
    }

  item = d->media->pdata[d->index];
  source = warta_publish_job_get_media_file (d->pjob, item);
  if (g_strcmp0 (warta_media_item_get_kind (item), "photo") == 0 &&
      platform_rendition (d->platform, &target))
    {
      g_autoptr(WartaRendition) rendition = warta_rendition_new (target);

      name = g_strdup_printf ("%s-%02u.jpg", d->platform, d->index + 1);
      destination = g_file_get_child (d->folder, name);
      warta_rendition_render_async (rendition, source, destination, d->view->cancellable,
                                    save_done_cb, d);
      return;
    }

  {
    g_autofree char *base = g_file_get_basename (source);

    name = g_strdup_printf ("%s-%02u-%s", d->platform, d->index + 1, base);
  }
  destination = g_file_get_child (d->folder, name);
  g_file_copy_async (source, destination, G_FILE_COPY_OVERWRITE, G_PRIORITY_DEFAULT,
                     d->view->cancellable, NULL, NULL, save_done_cb, d);
}

/* Saves @row's texts' files into @folder, after asking whether they can. */
static void
save_renditions (JobRow *row,
                 GFile  *folder)
{
  WartaPublishView *self = row->view;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  SaveCheck *c;
  SaveData *d;

  d = g_new0 (SaveData, 1);
  d->view = g_object_ref (self);
  d->folder = g_object_ref (folder);
  d->platform = g_strdup (warta_outbox_job_get_platform (row->job));
  d->pjob = manual_publish_job (self, row->job, &error);
  if (d->pjob == NULL)
    {
      show_message (self, _("Renditions Not Saved"), error->message);
      save_data_free (d);
      return;
    }
  d->media = warta_publish_job_list_media (d->pjob, NULL);

  c = g_new0 (SaveCheck, 1);
  c->folder = g_object_ref (folder);
  c->sources = g_ptr_array_new_with_free_func (g_object_unref);
  c->sizes = g_array_new (FALSE, FALSE, sizeof (guint64));
  for (guint i = 0; i < d->media->len; i++)
    {
      WartaMediaItem *item = g_ptr_array_index (d->media, i);
      guint64 size = warta_media_item_get_size (item);

      g_ptr_array_add (c->sources, warta_publish_job_get_media_file (d->pjob, item));
      g_array_append_val (c->sizes, size);
    }
  task = g_task_new (NULL, self->cancellable, save_checked_cb, d);
  g_task_set_task_data (task, c, (GDestroyNotify) save_check_free);
  warta_media_run_in_pool (task, save_check_thread);
}

static void
on_save_folder_response_cb (GtkNativeDialog *chooser,
                            int              response,
                            JobRow          *row)
{
  g_autoptr(GFile) folder = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  if (folder != NULL)
    save_renditions (row, folder);
}

static void
on_save_clicked_cb (GtkButton *button,
                    JobRow    *row)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (button));
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Save Renditions"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                         _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_save_folder_response_cb), row);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
set_screenshot (JobRow *row,
                GFile  *file)
{
  g_autofree char *name = file ? g_file_get_basename (file) : NULL;

  g_set_object (&row->screenshot, file);
  adw_action_row_set_subtitle (row->screenshot_row, name ? name : _("No screenshot chosen"));
}

static void
on_screenshot_response_cb (GtkNativeDialog *chooser,
                           int              response,
                           JobRow          *row)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      set_screenshot (row, file);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
on_screenshot_clicked_cb (GtkButton *button,
                          JobRow    *row)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (button));
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Choose a Screenshot"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Choose"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Images"));
  gtk_file_filter_add_mime_type (filter, "image/*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_screenshot_response_cb), row);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* When the approver approved the approved revision, as its step record
 * says (the approval step left for "approved"; the last such, after an
 * approval voided and given again), or 0 when none says it. */
static gint64
get_approved_at (WartaPublishView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) records = NULL;
  const char *approved = warta_state_get_id (WARTA_STATE_APPROVED);
  gint64 at = 0;

  records = warta_publication_repository_list_step_records (warta_context_get_publications (self->context),
                                                            warta_publication_get_id (self->publication),
                                                            &error);
  if (records == NULL)
    {
      g_warning ("Cannot read when publication %" G_GINT64_FORMAT " was approved: %s",
                 warta_publication_get_id (self->publication), error->message);
      return 0;
    }
  for (guint i = 0; i < g_list_model_get_n_items (records); i++)
    {
      g_autoptr(WartaStepRecord) record = g_list_model_get_item (records, i);

      if (g_strcmp0 (warta_step_record_get_exit_state (record), approved) == 0)
        at = warta_step_record_get_exited_at (record);
    }
  return at;
}

typedef struct
{
  WartaPublishView *view;
  gint64            job_id;
} Recording;

static void
record_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autofree Recording *r = user_data;
  g_autoptr(WartaPublishView) self = r->view;
  g_autoptr(GError) error = NULL;
  gboolean ok = warta_outbox_record_manual_finish (WARTA_OUTBOX (object), result, &error);
  JobRow *row;

  /* Cancelled, or the view gone meanwhile. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->rows == NULL)
    return;
  /* The form takes another try, or the row its proof. */
  g_hash_table_remove (self->recording, &r->job_id);
  row = g_hash_table_lookup (self->rows, &r->job_id);
  if (row != NULL)
    gtk_widget_set_sensitive (GTK_WIDGET (row->record_button), TRUE);
  if (!ok)
    {
      show_message (self, _("Proof Not Recorded"), error->message);
      return;
    }
  warta_publish_view_reload (self);
}

static void
on_record_clicked_cb (GtkButton *button,
                      JobRow    *row)
{
  WartaPublishView *self = row->view;
  /* A copy: the entry's own text may be a constant, and must not be
   * changed behind the entry's back anyway. */
  g_autofree char *url = g_strstrip (g_strdup (gtk_editable_get_text (row->url_entry)));
  gint64 id = warta_outbox_job_get_id (row->job);
  gint64 at = 0;
  gint64 approved_at;
  Recording *r;

  /* A double click records one proof: the second would be refused as
   * already published. */
  if (g_hash_table_contains (self->recording, &id))
    return;
  if (!parse_local_time (self, gtk_editable_get_text (row->time_entry), &at))
    {
      show_message (self, _("Proof Not Recorded"),
                    _("Write when the post went out as YYYY-MM-DD HH:MM, for example 2026-03-14 09:30."));
      return;
    }
  /* Typed to the minute: a post in the minute of the approval is no
   * older than it. */
  approved_at = get_approved_at (self);
  if (at < approved_at - approved_at % G_TIME_SPAN_MINUTE)
    {
      g_autofree char *when = format_local_time_zone (self, approved_at);
      /* Translators: %s is a date and time with its zone, 28 Nov 2026, 10:09 WIB */
      g_autofree char *body = g_strdup_printf (_("The post cannot be older than the approval (%s). Check the time shown on the post."),
                                               when);

      show_message (self, _("Proof Not Recorded"), body);
      return;
    }
  g_hash_table_add (self->recording, g_memdup2 (&id, sizeof id));
  gtk_widget_set_sensitive (GTK_WIDGET (row->record_button), FALSE);
  r = g_new0 (Recording, 1);
  r->view = g_object_ref (self);
  r->job_id = id;
  warta_outbox_record_manual_async (outbox (self), current_user (self), id, url, at,
                                    row->screenshot, self->cancellable, record_done_cb, r);
}

/* A button named by @label; @accessible says what it acts on. As a label
 * it would be joined to @label's text: it is the description. */
static GtkWidget *
labelled_button (const char *label,
                 const char *accessible)
{
  GtkWidget *button = warta_button_new_with_mnemonic (label);

  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, accessible,
                                  -1);
  return button;
}

/* A flat icon button; @label is what a screen reader says. */
static GtkButton *
icon_button (const char *icon,
             const char *label,
             const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  return GTK_BUTTON (button);
}

static GtkWidget *
build_manual_box (WartaPublishView *self,
                  JobRow           *row)
{
  const char *platform = warta_outbox_job_get_platform (row->job);
  const char *account = warta_outbox_job_get_account_name (row->job);
  g_autoptr(WartaPublishJob) pjob = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *now = NULL;
  GtkWidget *box, *heading, *list, *button, *hbox;
  const char * const *targets = platform_targets (platform);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (box, 6);

  heading = gtk_label_new (_("Upload it by hand in the browser or on a phone, with these texts and files, then record the post as proof."));
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "dim-label");
  gtk_box_append (GTK_BOX (box), heading);

  /* The approved texts, one click away. */
  row->texts_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 6));
  row->copy_buttons = g_ptr_array_new ();
  pjob = manual_publish_job (self, row->job, &error);
  for (guint i = 0; pjob != NULL && targets[i] != NULL; i++)
    {
      WartaCaptionTarget target;
      g_autofree char *text = warta_publish_job_dup_text (pjob, targets[i]);
      const char *name = warta_caption_target_from_string (targets[i], &target)
                         ? warta_caption_target_get_name (target) : targets[i];
      g_autofree char *accessible = NULL;
      GtkWidget *label, *frame, *textlabel;

      hbox = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      label = gtk_label_new (name);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_widget_add_css_class (label, "heading");
      gtk_box_append (GTK_BOX (hbox), label);
      /* Translators: %s is a text's name, "Facebook post", "Website title" … */
      accessible = g_strdup_printf (_("Copy %s"), name);
      button = labelled_button (_("_Copy"), accessible);
      g_object_set_data_full (G_OBJECT (button), "warta-text", g_strdup (text), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (on_copy_clicked_cb), row);
      g_ptr_array_add (row->copy_buttons, button);
      gtk_box_append (GTK_BOX (hbox), button);
      gtk_box_append (row->texts_box, hbox);

      textlabel = gtk_label_new (text);
      gtk_label_set_wrap (GTK_LABEL (textlabel), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (textlabel), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_selectable (GTK_LABEL (textlabel), TRUE);
      gtk_label_set_xalign (GTK_LABEL (textlabel), 0);
      gtk_widget_set_margin_start (textlabel, 12);
      gtk_widget_set_margin_end (textlabel, 12);
      gtk_widget_set_margin_top (textlabel, 6);
      gtk_widget_set_margin_bottom (textlabel, 6);
      frame = gtk_frame_new (NULL);
      gtk_frame_set_child (GTK_FRAME (frame), textlabel);
      gtk_box_append (row->texts_box, frame);
    }
  if (pjob == NULL)
    {
      GtkWidget *label = gtk_label_new (error->message);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "error");
      gtk_box_append (row->texts_box, label);
    }
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->texts_box));

  {
    g_autofree char *accessible = g_strdup_printf (_("Save the renditions for %s"), account);

    button = labelled_button (_("Save Re_nditions…"), accessible);
    gtk_widget_set_halign (button, GTK_ALIGN_START);
    g_signal_connect (button, "clicked", G_CALLBACK (on_save_clicked_cb), row);
    gtk_box_append (GTK_BOX (box), button);
  }

  /* The proof. */
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Proof"), -1);

  row->url_entry = GTK_EDITABLE (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->url_entry), _("Address of the post"));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (row->url_entry));

  row->time_entry = GTK_EDITABLE (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->time_entry),
                                 _("Published at (YYYY-MM-DD HH:MM)"));
  now = format_local_time (self, warta_clock_now (warta_context_get_clock (self->context)));
  gtk_editable_set_text (row->time_entry, now);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row->time_entry),
                            warta_date_popover_new_button (row->time_entry, TRUE,
                                                           warta_context_get_clock (self->context)));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (row->time_entry));

  {
    GtkWidget *action_row = adw_action_row_new ();

    /* Which file, or none, under the title: on more lines in a narrow
     * window, not cut off beside the button. */
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (action_row), _("Screenshot"));
    row->screenshot_row = ADW_ACTION_ROW (action_row);
    row->screenshot_button = GTK_BUTTON (labelled_button (_("C_hoose…"), _("Choose a screenshot of the post")));
    gtk_widget_set_valign (GTK_WIDGET (row->screenshot_button), GTK_ALIGN_CENTER);
    g_signal_connect (row->screenshot_button, "clicked", G_CALLBACK (on_screenshot_clicked_cb), row);
    adw_action_row_add_suffix (ADW_ACTION_ROW (action_row), GTK_WIDGET (row->screenshot_button));
    gtk_list_box_append (GTK_LIST_BOX (list), action_row);
    set_screenshot (row, NULL);
  }
  gtk_box_append (GTK_BOX (box), list);

  {
    g_autofree char *accessible = g_strdup_printf (_("Record the proof for %s"), account);
    gint64 id = warta_outbox_job_get_id (row->job);

    row->record_button = GTK_BUTTON (labelled_button (_("Record _Proof"), accessible));
    gtk_widget_add_css_class (GTK_WIDGET (row->record_button), "suggested-action");
    gtk_widget_set_halign (GTK_WIDGET (row->record_button), GTK_ALIGN_END);
    g_signal_connect (row->record_button, "clicked", G_CALLBACK (on_record_clicked_cb), row);
    /* A row built anew while its proof is being recorded. */
    gtk_widget_set_sensitive (GTK_WIDGET (row->record_button),
                              !g_hash_table_contains (self->recording, &id));
    gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->record_button));
  }

  return box;
}

static JobRow *
job_row_new (WartaPublishView *self,
             WartaOutboxJob   *job)
{
  JobRow *row = g_new0 (JobRow, 1);
  const char *account = warta_outbox_job_get_account_name (job);
  g_autofree char *accessible = NULL;
  GtkWidget *box, *header, *titles, *actions;

  row->view = self;
  row->job = g_object_ref (job);
  {
    g_autoptr(WartaAccount) target = NULL;

    target = warta_account_repository_get (warta_account_store_get_repository (warta_context_get_account_store (self->context)),
                                           warta_outbox_job_get_account_id (job), NULL);
    if (target != NULL)
      row->refusal = dup_refusal (self, warta_outbox_job_get_revision_id (job), target, TRUE,
                                  NULL);
  }

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  titles = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_hexpand (titles, TRUE);
  row->title = GTK_LABEL (gtk_label_new (NULL));
  {
    g_autofree char *title = g_strdup_printf ("%s — %s",
                                              warta_platform_get_display_name (warta_outbox_job_get_platform (job)),
                                              account);

    gtk_label_set_label (row->title, title);
  }
  gtk_label_set_xalign (row->title, 0);
  /* An account's name may be a handle longer than a narrow window's
   * line, "@inspektorat.kalteng@sosial.kalteng.go.id": broken anywhere. */
  gtk_label_set_wrap (row->title, TRUE);
  gtk_label_set_wrap_mode (row->title, PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (GTK_WIDGET (row->title), "heading");
  gtk_box_append (GTK_BOX (titles), GTK_WIDGET (row->title));
  row->state = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (row->state, 0);
  /* It may carry a take-down's reason, as long as it was written. */
  gtk_label_set_wrap (row->state, TRUE);
  gtk_label_set_wrap_mode (row->state, PANGO_WRAP_WORD_CHAR);
  gtk_box_append (GTK_BOX (titles), GTK_WIDGET (row->state));
  row->address = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (row->address, 0);
  /* Read whole, to copy into a report, in a narrow window too: a long
   * address is broken onto more lines rather than cut in its middle. */
  gtk_label_set_wrap (row->address, TRUE);
  gtk_label_set_wrap_mode (row->address, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (row->address, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (row->address), "caption");
  gtk_widget_set_visible (GTK_WIDGET (row->address), FALSE);
  g_signal_connect (row->address, "activate-link", G_CALLBACK (on_address_activate_link_cb), row);
  gtk_box_append (GTK_BOX (titles), GTK_WIDGET (row->address));
  gtk_box_append (GTK_BOX (header), titles);

  accessible = g_strdup_printf (_("Open the post on %s in the browser"), account);
  row->link = GTK_BUTTON (gtk_button_new_from_icon_name ("web-browser-symbolic"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->link), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  gtk_widget_set_valign (GTK_WIDGET (row->link), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (row->link), "flat");
  g_signal_connect (row->link, "clicked", G_CALLBACK (on_link_clicked_cb), row);
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (row->link));
  g_clear_pointer (&accessible, g_free);
  accessible = g_strdup_printf (_("Pause publishing to %s"), account);
  row->pause = icon_button ("media-playback-pause-symbolic", accessible,
                            _("Pause: what the platform confirmed is kept, and Resume goes on from there"));
  g_signal_connect (row->pause, "clicked", G_CALLBACK (on_pause_clicked_cb), row);
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (row->pause));
  g_clear_pointer (&accessible, g_free);
  accessible = g_strdup_printf (_("Resume publishing to %s"), account);
  row->resume = icon_button ("media-playback-start-symbolic", accessible,
                             _("Resume from the last part the platform confirmed"));
  g_signal_connect (row->resume, "clicked", G_CALLBACK (on_resume_clicked_cb), row);
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (row->resume));
  g_clear_pointer (&accessible, g_free);
  accessible = g_strdup_printf (_("Cancel publishing to %s"), account);
  row->cancel = icon_button ("process-stop-symbolic", accessible,
                             _("Cancel publishing to this target"));
  g_signal_connect (row->cancel, "clicked", G_CALLBACK (on_cancel_clicked_cb), row);
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (row->cancel));
  gtk_box_append (GTK_BOX (box), header);

  row->progress = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  g_clear_pointer (&accessible, g_free);
  accessible = g_strdup_printf (_("Progress of %s"), account);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->progress), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_object_bind_property (job, "fraction", row->progress, "fraction", G_BINDING_SYNC_CREATE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->progress));

  row->error = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (row->error, TRUE);
  gtk_label_set_xalign (row->error, 0);
  gtk_label_set_selectable (row->error, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (row->error), "error");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->error));

  row->tiktok_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 0));
  gtk_widget_set_visible (GTK_WIDGET (row->tiktok_box), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->tiktok_box));

  /* Up to four choices at once (a missed post): on more lines in a
   * narrow window. */
  actions = warta_wrap_box_new (6);
  gtk_widget_set_halign (actions, GTK_ALIGN_END);
  g_clear_pointer (&accessible, g_free);
  accessible = g_strdup_printf (_("Switch %s to manual upload"), account);
  row->manual = GTK_BUTTON (labelled_button (_("Switch to _Manual"), accessible));
  g_signal_connect (row->manual, "clicked", G_CALLBACK (on_manual_clicked_cb), row);
  gtk_widget_set_parent (GTK_WIDGET (row->manual), actions);
  g_clear_pointer (&accessible, g_free);
  accessible = g_strdup_printf (_("Publish to %s now"), account);
  row->publish_now = GTK_BUTTON (labelled_button (_("_Publish Now"), accessible));
  gtk_widget_add_css_class (GTK_WIDGET (row->publish_now), "suggested-action");
  g_signal_connect (row->publish_now, "clicked", G_CALLBACK (on_publish_now_clicked_cb), row);
  g_clear_pointer (&accessible, g_free);
  accessible = g_strdup_printf (_("Choose another time to publish to %s"), account);
  row->reschedule = GTK_BUTTON (labelled_button (_("Chan_ge Time…"), accessible));
  g_signal_connect (row->reschedule, "clicked", G_CALLBACK (on_reschedule_clicked_cb), row);
  gtk_widget_set_parent (GTK_WIDGET (row->reschedule), actions);
  gtk_widget_set_parent (GTK_WIDGET (row->publish_now), actions);
  g_clear_pointer (&accessible, g_free);
  accessible = g_strdup_printf (_("Sign in again to %s"), account);
  row->sign_in = GTK_BUTTON (labelled_button (_("_Sign In Again"), accessible));
  gtk_widget_add_css_class (GTK_WIDGET (row->sign_in), "suggested-action");
  g_signal_connect (row->sign_in, "clicked", G_CALLBACK (on_sign_in_clicked_cb), row);
  gtk_widget_set_parent (GTK_WIDGET (row->sign_in), actions);
  g_clear_pointer (&accessible, g_free);
  accessible = g_strdup_printf (_("Try publishing to %s again"), account);
  row->retry = GTK_BUTTON (labelled_button (_("_Try Again"), accessible));
  gtk_widget_add_css_class (GTK_WIDGET (row->retry), "suggested-action");
  g_signal_connect (row->retry, "clicked", G_CALLBACK (on_retry_clicked_cb), row);
  gtk_widget_set_parent (GTK_WIDGET (row->retry), actions);
  g_clear_pointer (&accessible, g_free);
  accessible = g_strdup_printf (_("Post to %s again"), account);
  row->post_again = GTK_BUTTON (labelled_button (_("_Post Again"), accessible));
  g_signal_connect (row->post_again, "clicked", G_CALLBACK (on_post_again_clicked_cb), row);
  gtk_widget_set_parent (GTK_WIDGET (row->post_again), actions);
  g_clear_pointer (&accessible, g_free);
  accessible = g_strdup_printf (_("Take down the post on %s"), account);
  row->takedown = GTK_BUTTON (labelled_button (_("Take _Down…"), accessible));
  g_signal_connect (row->takedown, "clicked", G_CALLBACK (on_takedown_clicked_cb), row);
  gtk_widget_set_parent (GTK_WIDGET (row->takedown), actions);
  build_correction (row, box, actions, account);
  gtk_box_append (GTK_BOX (box), actions);

  row->manual_revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_child (row->manual_revealer, build_manual_box (self, row));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->manual_revealer));

  row->row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row->row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row->row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_label_get_label (row->title), -1);

  row->notify_id = g_signal_connect (job, "notify", G_CALLBACK (on_job_notify_cb), row);
  update_job_row (row);
  return row;
}

/* -- the view ------------------------------------------------------------------------------ */

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))))
    gtk_list_box_remove (list, child);
}

static void
clear_tiktok_panels (WartaPublishView *self)
{
  GtkWidget *child;

  g_hash_table_remove_all (self->tiktok_panels);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tiktok_box))))
    gtk_box_remove (self->tiktok_box, child);
}

/* The accounts the admin left out of the publication, as saved in the
 * database: every workstation shows the same choice, and a view opened
 * again finds it. */
static void
load_ids (GHashTable *set,
          GArray     *ids,
          GError     *error)
{
  g_hash_table_remove_all (set);
  if (ids == NULL)
    {
      g_warning ("The chosen targets cannot be read: %s", error->message);
      return;
    }
  for (guint i = 0; i < ids->len; i++)
    g_hash_table_add (set, g_memdup2 (&g_array_index (ids, gint64, i), sizeof (gint64)));
}

/* The two exceptions: the targets left out, and those Warta cannot send
 * to that the admin ticked, to upload them by hand. */
static void
load_left_out (WartaPublishView *self)
{
  WartaPublicationRepository *publications;
  g_autoptr(GArray) left_out = NULL;
  g_autoptr(GArray) by_hand = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) by_hand_error = NULL;
  gint64 id;

  if (self->context == NULL || self->publication == NULL)
    {
      g_hash_table_remove_all (self->left_out);
      g_hash_table_remove_all (self->by_hand);
      return;
    }
  publications = warta_context_get_publications (self->context);
  id = warta_publication_get_id (self->publication);
  left_out = warta_publication_repository_list_left_out (publications, id, &error);
  load_ids (self->left_out, left_out, error);
  by_hand = warta_publication_repository_list_by_hand (publications, id, &by_hand_error);
  load_ids (self->by_hand, by_hand, by_hand_error);
}

/* Whether @account_id's check is ticked in the saved choice. */
static gboolean
chosen (WartaPublishView *self,
        GtkCheckButton   *check,
        gint64            account_id)
{
  if (g_object_get_data (G_OBJECT (check), "warta-reason") != NULL)
    return g_hash_table_contains (self->by_hand, &account_id);
  return !g_hash_table_contains (self->left_out, &account_id);
}

/* The checks as the saved choice has them: a target that can take the
 * content is ticked unless the admin left it out; one that cannot stays
 * unticked unless the admin ticked it (to upload it by hand). */
static void
apply_left_out (WartaPublishView *self)
{
  GHashTableIter iter;
  gpointer key, value;

  self->applying_choice = TRUE;
  g_hash_table_iter_init (&iter, self->account_checks);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GtkWidget *row = g_object_get_data (value, "warta-row");

      gtk_check_button_set_active (value, row != NULL && chosen (self, value, *(gint64 *) key));
    }
  self->applying_choice = FALSE;
}

/* The admin ticked or unticked a target: saved at once, for every
 * workstation and for the next time the view opens. Refused (the role
 * taken away, or publishing started meanwhile), the saved choice is
 * shown again. */
static void
on_account_toggled_cb (GtkCheckButton   *check,
                       WartaPublishView *self)
{
  g_autoptr(GError) error = NULL;
  WartaUser *user = current_user (self);
  WartaPublicationRepository *publications = warta_context_get_publications (self->context);
  gboolean active = gtk_check_button_get_active (check);
  gboolean refused = g_object_get_data (G_OBJECT (check), "warta-reason") != NULL;
  /* A target Warta can send to: the exception is leaving it out; one it
   * cannot: ticking it, to upload it by hand. */
  GHashTable *set = refused ? self->by_hand : self->left_out;
  gboolean stored = refused ? active : !active;
  GHashTableIter iter;
  gpointer key, value;
  gint64 id = 0;
  gint64 publication_id = warta_publication_get_id (self->publication);
  gboolean saved;

  if (self->applying_choice)
    {
      update_actions (self);
      return;
    }
  g_hash_table_iter_init (&iter, self->account_checks);
  while (id == 0 && g_hash_table_iter_next (&iter, &key, &value))
    if (value == (gpointer) check)
      id = *(gint64 *) key;

  if (user == NULL)
    saved = TRUE;
  else if (refused)
    saved = warta_publication_repository_set_by_hand (publications, user, publication_id, id,
                                                      stored, &error);
  else
    saved = warta_publication_repository_set_left_out (publications, user, publication_id, id,
                                                       stored, &error);
  if (!saved)
    {
      show_message (self, _("Choice Not Saved"), error->message);
      load_left_out (self);
      apply_left_out (self);
    }
  else if (stored)
    g_hash_table_add (set, g_memdup2 (&id, sizeof id));
  else
    g_hash_table_remove (set, &id);
  update_actions (self);
}

static void fill_accounts (WartaPublishView *self);
static void update_start_controls (WartaPublishView *self);

/* @refusal of account @id's row, with what asking its instance again
 * came to. */
static char *
dup_ask_state (WartaPublishView *self,
               const char       *refusal,
               gint64            id)
{
  switch (GPOINTER_TO_INT (g_hash_table_lookup (self->asked, &id)))
    {
    case ASK_ASKING:
      /* Translators: %s is why the account cannot take the content */
      return g_strdup_printf (_("%s Asking the instance its limits now…"), refusal);
    case ASK_NO_ANSWER:
      /* Translators: %s is why the account cannot take the content */
      return g_strdup_printf (_("%s The instance did not answer when Warta asked it just now, "
                                "so this is still the limit it gave before. Ask it again later, "
                                "or return the content concept for content that fits."),
                              refusal);
    case ASK_NOT_SAID:
      /* Translators: %s is why the account cannot take the content */
      return g_strdup_printf (_("%s The instance answered when Warta asked it just now, but no "
                                "longer says its limits, so this is still the limit it gave "
                                "before. Ask the instance’s administrator what it takes, or "
                                "return the content concept for content that fits."),
                              refusal);
    default:
      return g_strdup (refusal);
    }
}

static WartaAccount *
find_account (WartaPublishView *self,
              gint64            id)
{
  GListModel *accounts = warta_account_store_get_accounts (warta_context_get_account_store (self->context));

  for (guint i = 0; i < g_list_model_get_n_items (accounts); i++)
    {
      g_autoptr(WartaAccount) account = g_list_model_get_item (accounts, i);

      if (warta_account_get_id (account) == id)
        return g_steal_pointer (&account);
    }
  return NULL;
}

/* The view is not kept alive for the answer: closed, it cancels its
 * requests (dispose), and the answer finds @cancellable cancelled. */
typedef struct
{
  WartaPublishView *view;
  GCancellable     *cancellable;
  gint64            account_id;
} AskCall;

static void
ask_call_free (AskCall *c)
{
  g_object_unref (c->cancellable);
  g_free (c);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AskCall, ask_call_free)

/* The instance answered, or did not: the targets are checked again,
 * with what it said just now. */
static void
asked_instance_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(AskCall) c = user_data;
  WartaPublishView *self = c->view;
  gint64 id = c->account_id;
  g_autoptr(GError) error = NULL;
  GtkWidget *check;
  gboolean answered;
  gboolean said = FALSE;

  answered = warta_mastodon_ask_limits_finish (result, NULL, &said, &error);
  /* The view is gone, or going. */
  if (g_cancellable_is_cancelled (c->cancellable))
    return;
  if (answered)
    g_hash_table_insert (self->asked, g_memdup2 (&id, sizeof id),
                         GINT_TO_POINTER (said ? ASK_ANSWERED : ASK_NOT_SAID));
  else if (g_error_matches (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_NOT_CONFIGURED))
    {
      /* Not signed in: asking later would not help; signing in does. */
      g_hash_table_remove (self->asked, &id);
      show_message (self, _("Instance Not Asked"), error->message);
    }
  else
    {
      g_message ("The Mastodon instance of account %" G_GINT64_FORMAT " did not say its "
                 "limits: %s", id, error->message);
      g_hash_table_insert (self->asked, g_memdup2 (&id, sizeof id),
                           GINT_TO_POINTER (ASK_NO_ANSWER));
    }
  if (self->publication == NULL ||
      warta_publication_get_state (self->publication) != WARTA_STATE_APPROVED)
    return;
  fill_accounts (self);
  update_actions (self);
  /* The focus was on the button, gone with its row: on the new row's
   * button, or its check once the target can be chosen. */
  check = g_hash_table_lookup (self->account_checks, &id);
  if (check != NULL)
    {
      GtkWidget *ask = g_object_get_data (G_OBJECT (check), "warta-ask");

      gtk_widget_grab_focus (ask && gtk_widget_get_visible (ask) ? ask : check);
    }
}

static void
on_ask_instance_clicked_cb (GtkButton        *button,
                            WartaPublishView *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "warta-account-id"));
  g_autoptr(WartaAccount) account = find_account (self, id);
  AskCall *c;
  GtkWidget *check = g_hash_table_lookup (self->account_checks, &id);
  GtkWidget *row = check ? g_object_get_data (G_OBJECT (check), "warta-row") : NULL;
  const char *reason = check ? g_object_get_data (G_OBJECT (check), "warta-reason") : NULL;
  g_autofree char *said = NULL;
  g_autofree char *by_hand = NULL;

  if (account == NULL || row == NULL || reason == NULL)
    return;
  g_hash_table_insert (self->asked, g_memdup2 (&id, sizeof id), GINT_TO_POINTER (ASK_ASKING));
  said = dup_ask_state (self, reason, id);
  by_hand = g_strdup_printf (_("%s Ticked, you upload it by hand."), said);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), by_hand);
  g_object_set_data_full (G_OBJECT (check), "warta-subtitle", g_steal_pointer (&by_hand), g_free);
  gtk_widget_set_sensitive (GTK_WIDGET (button), FALSE);
  gtk_spinner_start (g_object_get_data (G_OBJECT (button), "warta-spinner"));
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (button), "warta-spinner"), TRUE);
  c = g_new0 (AskCall, 1);
  c->view = self;
  c->cancellable = g_object_ref (self->cancellable);
  c->account_id = id;
  warta_mastodon_ask_limits_async (warta_context_get_account_store (self->context),
                                   warta_context_get_http_client (self->context), account,
                                   self->cancellable, asked_instance_cb, c);
}

/* Ask the Instance Again, on a Mastodon target refused on its instance's
 * limits as kept: its admin may have raised them since. The social media
 * admin's (update_start_controls()), as the choice is. */
static void
add_ask_button (WartaPublishView *self,
                AdwActionRow     *row,
                GtkWidget        *check,
                gint64            id)
{
  GtkWidget *button = warta_button_new_with_mnemonic (_("_Ask the Instance Again"));
  GtkWidget *spinner = gtk_spinner_new ();
  gboolean asking = GPOINTER_TO_INT (g_hash_table_lookup (self->asked, &id)) == ASK_ASKING;

  GtkWidget *label = gtk_button_get_child (GTK_BUTTON (button));

  /* Beside a long reason in a narrow window: on two lines, not the
   * reason squeezed to a word a line. */
  if (GTK_IS_LABEL (label))
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 12);
    }
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Asks the Mastodon instance its limits as they are now, and "
                                    "checks the post again"),
                                  -1);
  gtk_widget_set_sensitive (button, !asking);
  gtk_spinner_set_spinning (GTK_SPINNER (spinner), asking);
  gtk_widget_set_visible (spinner, asking);
  g_object_set_data (G_OBJECT (button), "warta-account-id", GSIZE_TO_POINTER ((gsize) id));
  g_object_set_data (G_OBJECT (button), "warta-spinner", spinner);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_ask_instance_clicked_cb), self, 0);
  adw_action_row_add_suffix (row, spinner);
  adw_action_row_add_suffix (row, button);
  g_object_set_data (G_OBJECT (check), "warta-ask", button);
}

/* The targets to choose from, as the account store has them; an account
 * the admin left out stays left out. */
static void
fill_accounts (WartaPublishView *self)
{
  WartaAccountStore *store = warta_context_get_account_store (self->context);
  GListModel *accounts;
  guint n;

  load_left_out (self);
  clear_list (self->accounts_list);
  g_hash_table_remove_all (self->account_checks);
  clear_tiktok_panels (self);

  accounts = warta_account_store_get_accounts (store);
  n = g_list_model_get_n_items (accounts);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WartaAccount) account = g_list_model_get_item (accounts, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      gint64 id = warta_account_get_id (account);
      /* A target that cannot take this content is not chosen unless the
       * admin ticks it, to upload it by hand: why, what to do, and that,
       * in its place. One that waits for the office's website is: it
       * stops saying so, and can be uploaded by hand. */
      gint64 revision_id = warta_publication_get_approved_revision_id (self->publication);
      gboolean by_instance = FALSE;
      g_autofree char *refusal = dup_refusal (self, revision_id, account, TRUE, &by_instance);
      g_autofree char *caveat = refusal ? NULL : dup_refusal (self, revision_id, account, FALSE,
                                                              NULL);
      g_autofree char *said = refusal ? dup_ask_state (self, refusal, id) : NULL;
      /* Translators: %s is why the account cannot take the content */
      g_autofree char *by_hand = refusal ? g_strdup_printf (_("%s Ticked, you upload it by hand."),
                                                            said)
                                         : NULL;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), warta_account_get_display_name (account));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   by_hand ? by_hand
                                   : caveat ? caveat
                                   : warta_platform_get_display_name (warta_account_get_platform (account)));
      /* What the row says to whoever publishes; to the others, a target
       * left out says so instead, and a refused one what happens there
       * (see update_start_controls()). */
      g_object_set_data_full (G_OBJECT (check), "warta-subtitle",
                              g_strdup (adw_action_row_get_subtitle (ADW_ACTION_ROW (row))), g_free);
      g_object_set_data_full (G_OBJECT (check), "warta-reason", g_steal_pointer (&refusal), g_free);
      g_object_set_data_full (G_OBJECT (check), "warta-platform",
                              g_strdup (warta_account_get_platform (account)), g_free);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   chosen (self, GTK_CHECK_BUTTON (check), id));
      /* The check is the row's prefix only for who chooses (see
       * update_start_controls()); kept here while it is not. */
      g_object_set_data (G_OBJECT (check), "warta-row", row);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      if (by_instance)
        add_ask_button (self, ADW_ACTION_ROW (row), check, id);
      gtk_list_box_append (self->accounts_list, row);
      g_hash_table_insert (self->account_checks, g_memdup2 (&id, sizeof id),
                           g_object_ref_sink (check));

      if (g_strcmp0 (warta_account_get_platform (account), "tiktok") == 0 && by_hand == NULL)
        {
          TikTokPanel *panel = tiktok_panel_new (self, account, 0,
                                                 warta_publication_get_approved_revision_id (self->publication));

          gtk_box_append (self->tiktok_box, panel->group);
          g_object_bind_property (check, "active", panel->group, "visible", G_BINDING_SYNC_CREATE);
          g_hash_table_insert (self->tiktok_panels, g_memdup2 (&id, sizeof id), panel);
        }
      g_signal_connect_object (check, "toggled", G_CALLBACK (on_account_toggled_cb), self, 0);
    }

  if (n == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No accounts yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("Add the office’s accounts and website in Accounts, in the main window."));
      gtk_list_box_append (self->accounts_list, row);
    }
}

static void
rebuild_accounts (WartaPublishView *self)
{
  g_autoptr(GError) error = NULL;

  self->reloading_accounts = TRUE;
  if (!warta_account_store_reload (warta_context_get_account_store (self->context), &error))
    g_warning ("The accounts cannot be read: %s", error->message);
  self->reloading_accounts = FALSE;
  fill_accounts (self);
}

/* An account added or removed in Accounts while this view is open. */
static void
on_accounts_changed_cb (WartaPublishView *self)
{
  if (self->reloading_accounts || self->publication == NULL ||
      warta_publication_get_state (self->publication) != WARTA_STATE_APPROVED)
    return;
  fill_accounts (self);
  update_actions (self);
}

/* What is wrong with the schedule's time, or NULL with *@out set. */
static char *
schedule_problem (WartaPublishView *self,
                  gint64           *out)
{
  return time_problem (self, GTK_EDITABLE (self->schedule_entry),
                       _("That time has already passed. Choose a later time, "
                         "or turn off Schedule to publish now."),
                       out);
}

/* Who publishes, said once at the top to a user who may not. */
static void
update_role_label (WartaPublishView *self)
{
  g_autofree char *text = NULL;

  if (self->context != NULL && !may_publish (self))
    /* Translators: %s is a role, "Admin Medsos" */
    text = g_strdup_printf (_("Only a user with the role “%s” publishes. You can follow each post’s progress here."),
                            warta_context_get_role_name (self->context,
                                                         WARTA_ROLE_SOCIAL_MEDIA_ADMIN));
  gtk_label_set_label (self->role_label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->role_label), text != NULL);
}

/* An approved publication's start controls are the social media admin's:
 * a user who may not publish sees the targets as a list, each with why it
 * cannot take the content, and no choice to make. The admin's choices are
 * only hidden, and come back as they were. */
static void
update_start_controls (WartaPublishView *self)
{
  gboolean approved = self->publication != NULL &&
                      warta_publication_get_state (self->publication) == WARTA_STATE_APPROVED;
  gboolean acts = may_publish (self);
  /* Read only while a file is missing: this runs on each tick and toggle. */
  g_autoptr(WartaRevision) revision = approved && g_hash_table_size (self->missing) > 0
                                      ? approved_revision (self) : NULL;
  GHashTableIter iter;
  gpointer key, value;

  gtk_widget_set_visible (GTK_WIDGET (self->schedule_group), approved && acts);
  gtk_widget_set_visible (self->start_box, approved && acts);
  gtk_widget_set_visible (GTK_WIDGET (self->tiktok_box), approved && acts);
  adw_preferences_group_set_description (self->accounts_group,
                                         acts
                                         ? _("Choose where the approved content goes. Each target "
                                             "is written to the outbox before anything is sent, so "
                                             "nothing is lost or posted twice.")
                                         : _("The accounts the approved content can go to. "
                                             "Whoever publishes it chooses among them."));
  g_hash_table_iter_init (&iter, self->account_checks);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GtkWidget *row = g_object_get_data (value, "warta-row");
      const char *reason = g_object_get_data (value, "warta-reason");
      GtkWidget *ask = g_object_get_data (value, "warta-ask");
      gboolean placed = gtk_widget_get_parent (value) != NULL;
      g_autofree char *refused = NULL;
      /* A file it would upload is missing: said to everyone alike. Not
       * of a target uploaded by hand, which Warta sends nothing to. */
      char *files = reason == NULL ? dup_files_problem (self, revision,
                                                        g_object_get_data (value, "warta-platform"))
                                   : NULL;
      gboolean left_out;

      gtk_widget_set_visible (value, acts);
      if (ask != NULL)
        gtk_widget_set_visible (ask, acts);
      if (row == NULL)
        continue;
      /* Not only hidden: a hidden prefix still indents the row's title
       * by the space beside it, and the rows' titles no longer line up
       * with the other groups'. */
      if (acts && !placed)
        adw_action_row_add_prefix (ADW_ACTION_ROW (row), value);
      else if (!acts && placed)
        adw_action_row_remove (ADW_ACTION_ROW (row), value);
      left_out = reason == NULL && g_hash_table_contains (self->left_out, key);
      /* To who does not choose: why, as the admin reads it, and what
       * happens there; not the admin's choice. */
      if (!acts && reason != NULL)
        refused = g_strdup_printf (g_hash_table_contains (self->by_hand, key)
                                   /* Translators: %s is why Warta cannot send the content
                                    * there, as the social media admin reads it */
                                   ? _("%s The social media admin uploads it by hand.")
                                   /* Translators: %s is why Warta cannot send the content
                                    * there, as the social media admin reads it */
                                   : _("%s It does not go there unless the social media "
                                       "admin uploads it by hand."),
                                   reason);
      g_object_set_data_full (value, "warta-files", files, g_free);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   files ? files
                                   : acts ? g_object_get_data (value, "warta-subtitle")
                                   : left_out ? _("Left out by the social media admin")
                                   : reason == NULL ? g_object_get_data (value, "warta-subtitle")
                                   : refused);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), acts ? value : NULL);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), acts);
    }
}

static void
update_actions (WartaPublishView *self)
{
  WartaState state = self->publication ? warta_publication_get_state (self->publication) : WARTA_N_STATES;
  WartaUser *user = current_user (self);
  gboolean can_publish = FALSE;
  gboolean scheduled;
  g_autofree char *hint = NULL;
  gboolean files_missing = FALSE;

  if (user != NULL && state == WARTA_STATE_APPROVED)
    can_publish = warta_workflow_check_transition (state, WARTA_ACTION_START_PUBLISHING,
                                                   WARTA_STATE_PUBLISHING,
                                                   warta_user_get_roles (user), FALSE, NULL);
  can_publish = can_publish && g_hash_table_size (self->account_checks) > 0;

  /* The targets' rows say which file is missing (update_start_controls()). */
  update_start_controls (self);
  if (can_publish && state == WARTA_STATE_APPROVED)
    {
      GHashTableIter iter;
      gpointer value;

      g_hash_table_iter_init (&iter, self->account_checks);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        if (gtk_check_button_get_active (value) &&
            g_object_get_data (value, "warta-files") != NULL)
          files_missing = TRUE;
      if (self->checking_files)
        hint = g_strdup (_("Checking that the photos and videos are still in their places…"));
      else if (files_missing)
        hint = g_strdup (_("A photo or video a chosen target needs is missing: its row above "
                           "says which and where. Put it back, then choose Check Again."));
    }
  /* TikTok's choices first; the manual path needs none. */
  if (can_publish && state == WARTA_STATE_APPROVED)
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, self->tiktok_panels);
      while (hint == NULL && g_hash_table_iter_next (&iter, &key, &value))
        {
          GtkCheckButton *check = g_hash_table_lookup (self->account_checks, key);

          if (check && gtk_check_button_get_active (check))
            hint = tiktok_panel_dup_hint (value);
        }
    }
  /* The schedule's time, as it is typed. */
  scheduled = self->context != NULL && gtk_switch_get_active (self->schedule_switch);
  if (scheduled)
    {
      g_autofree char *problem = schedule_problem (self, NULL);

      if (problem)
        gtk_widget_add_css_class (GTK_WIDGET (self->schedule_entry), "error");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->schedule_entry), "error");
      if (hint == NULL && can_publish)
        hint = g_steal_pointer (&problem);
    }
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->schedule_entry), "error");
  warta_button_set_mnemonic (self->publish_button, scheduled ? _("_Schedule") : _("_Publish Now"));

  gtk_label_set_label (self->publish_hint, hint ? hint : "");
  gtk_widget_set_visible (GTK_WIDGET (self->publish_hint), hint != NULL);
  update_role_label (self);
  gtk_widget_set_visible (GTK_WIDGET (self->recheck_button),
                          state == WARTA_STATE_APPROVED && g_hash_table_size (self->missing) > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "publish.check-files", !self->checking_files);
  self->files_missing = files_missing;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "publish.publish-now", can_publish && hint == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "publish.upload-manual", can_publish);
}

/* The time the approved concept asks for, proposed once for each
 * publication shown, to keep or change: the switch is on, and the
 * button says Schedule. A time already past is not proposed. */
static void
propose_schedule (WartaPublishView *self)
{
  gint64 id = warta_publication_get_id (self->publication);
  gint64 at = warta_publication_get_scheduled_at (self->publication);
  g_autofree char *text = NULL;

  if (self->schedule_proposed_for == id)
    return;
  self->schedule_proposed_for = id;

  if (at <= warta_clock_now (warta_context_get_clock (self->context)))
    {
      gtk_switch_set_active (self->schedule_switch, FALSE);
      gtk_editable_set_text (GTK_EDITABLE (self->schedule_entry), "");
      return;
    }
  /* The text first: switched on with none, the next hour is proposed. */
  text = format_local_time (self, at);
  gtk_editable_set_text (GTK_EDITABLE (self->schedule_entry), text);
  gtk_switch_set_active (self->schedule_switch, TRUE);
}

/* The job whose row has the keyboard focus, 0 for none. */
static gint64
focused_job (WartaPublishView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GHashTableIter iter;
  gpointer key, value;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->jobs_list)))
    return 0;
  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      JobRow *row = value;

      if (focus == row->row || gtk_widget_is_ancestor (focus, row->row))
        return *(gint64 *) key;
    }
  return 0;
}

static void
rebuild (WartaPublishView *self)
{
  WartaState state;
  gboolean has_jobs;
  g_autoptr(GError) error = NULL;
  gint64 had_focus = focused_job (self);

  g_hash_table_remove_all (self->rows);
  clear_list (self->jobs_list);
  g_clear_object (&self->jobs);

  if (self->context == NULL || self->publication == NULL)
    return;

  state = warta_publication_get_state (self->publication);
  has_jobs = state_has_jobs (state);

  if (has_jobs)
    {
      self->jobs = warta_outbox_list_publication_jobs (outbox (self),
                                                       warta_publication_get_id (self->publication),
                                                       &error);
      if (self->jobs == NULL)
        g_warning ("The outbox cannot be read: %s", error->message);
    }

  for (guint i = 0; self->jobs && i < g_list_model_get_n_items (self->jobs); i++)
    {
      g_autoptr(WartaOutboxJob) job = g_list_model_get_item (self->jobs, i);
      JobRow *row = job_row_new (self, job);
      gint64 id = warta_outbox_job_get_id (job);

      gtk_list_box_append (self->jobs_list, row->row);
      g_hash_table_insert (self->rows, g_memdup2 (&id, sizeof id), row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->jobs_group), has_jobs);
  gtk_widget_set_visible (GTK_WIDGET (self->accounts_group), state == WARTA_STATE_APPROVED);
  if (state == WARTA_STATE_APPROVED)
    {
      rebuild_accounts (self);
      propose_schedule (self);
      if (self->checked_revision != warta_publication_get_approved_revision_id (self->publication))
        start_file_check (self);
    }
  else
    clear_tiktok_panels (self);

  update_summary (self);
  update_actions (self);

  /* The focus was on a row taken away, which GTK would move on only at
   * its next frame: it goes to the same target's new row at once. */
  if (had_focus != 0)
    {
      JobRow *row = g_hash_table_lookup (self->rows, &had_focus);
      GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->jobs_list, 0);

      if (row != NULL)
        gtk_widget_grab_focus (row->row);
      else if (first != NULL)
        gtk_widget_grab_focus (GTK_WIDGET (first));
    }
}

/* What the publication's state says, and while it is publishing, what
 * its unfinished targets are doing: held, paused or scheduled is no
 * "Publishing". */
static void
update_summary (WartaPublishView *self)
{
  WartaState state = warta_publication_get_state (self->publication);
  guint n_missed = 0, n_paused = 0, n_waiting = 0, n_by_hand = 0, n_unfinished = 0;
  guint n_sign_in = 0, n_stopped = 0;
  gboolean acts;

  for (guint i = 0; self->jobs && i < g_list_model_get_n_items (self->jobs); i++)
    {
      g_autoptr(WartaOutboxJob) job = g_list_model_get_item (self->jobs, i);
      WartaOutboxState job_state = warta_outbox_job_get_state (job);
      gint64 id = warta_outbox_job_get_id (job);
      JobRow *row = g_hash_table_lookup (self->rows, &id);
      gboolean by_hand = row != NULL && job_row_is_by_hand (row);

      if (job_state == WARTA_OUTBOX_STATE_FAILED && !by_hand)
        {
          /* Cancelled is the admin's own doing: nothing waits for them. */
          if (g_strcmp0 (warta_outbox_job_get_error_code (job), WARTA_OUTBOX_ERROR_CANCELLED) != 0)
            n_stopped++;
          if (warta_outbox_job_get_needs_sign_in (job))
            n_sign_in++;
        }
      if (warta_outbox_state_is_final (job_state) && !by_hand)
        continue;
      n_unfinished++;
      if (by_hand)
        n_by_hand++;
      else if (job_is_missed (job))
        n_missed++;
      else if (job_state == WARTA_OUTBOX_STATE_PAUSED)
        n_paused++;
      else if (job_is_waiting (self, job))
        n_waiting++;
    }

  /* What the admin is told to do is no advice to who only follows it. */
  acts = may_publish (self);
  switch (state)
    {
    case WARTA_STATE_APPROVED:
      /* Not ready while a file it is made of is gone (start_file_check()). */
      if (g_hash_table_size (self->missing) > 0)
        gtk_label_set_label (self->summary_label, _("Approved, but a photo or video is missing: the targets that upload it say which, and where to put it back."));
      else
        gtk_label_set_label (self->summary_label, _("Approved and ready to publish. Only the approved content goes out, byte for byte."));
      break;
    case WARTA_STATE_PUBLISHING:
      if (n_missed > 0)
        gtk_label_set_label (self->summary_label,
                             acts ? _("Waiting for you: a scheduled time passed while Warta was closed, and nothing was sent there. Publish now, choose another time, or cancel.")
                                  : _("Waiting: a scheduled time passed while Warta was closed, and nothing was sent there. Whoever publishes chooses what happens now."));
      else if (n_unfinished > 0 && n_by_hand == n_unfinished)
        gtk_label_set_label (self->summary_label,
                             acts ? _("Upload the approved content by hand, then record each post’s address, time and a screenshot below.")
                                  : _("Being uploaded by hand: each post’s address, time and a screenshot are recorded below as proof."));
      else if (n_unfinished > 0 && n_paused + n_by_hand == n_unfinished)
        gtk_label_set_label (self->summary_label,
                             acts ? _("Paused: nothing more is sent until you resume, or upload by hand and record the proof.")
                                  : _("Paused: nothing more is sent until it is resumed, or uploaded by hand with proof."));
      /* Others still go on: one that stopped waits for the admin. */
      else if (n_stopped > 0)
        {
          g_autofree char *text = NULL;

          if (!acts)
            text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "Publishing. One target has stopped: it says why below.",
                                                 "Publishing. %u targets have stopped: each says why below.",
                                                 n_stopped),
                                    n_stopped);
          else if (n_sign_in > 0)
            text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "Publishing. One target has stopped and waits for you: try it again, sign in again or upload it by hand.",
                                                 "Publishing. %u targets have stopped and wait for you: try them again, sign in again or upload them by hand.",
                                                 n_stopped),
                                    n_stopped);
          else
            text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "Publishing. One target has stopped and waits for you: try it again or upload it by hand.",
                                                 "Publishing. %u targets have stopped and wait for you: try them again or upload them by hand.",
                                                 n_stopped),
                                    n_stopped);
          gtk_label_set_label (self->summary_label, text);
        }
      else if (n_unfinished > 0 && n_waiting == n_unfinished)
        gtk_label_set_label (self->summary_label, _("Scheduled: nothing is sent before its time. Warta must be running then, on this or another computer with this database open."));
      else
        gtk_label_set_label (self->summary_label, _("Publishing. Warta goes on after a crash or a lost connection from the last step each platform confirmed, and never posts twice."));
      break;
    case WARTA_STATE_PUBLISHED:
      gtk_label_set_label (self->summary_label, _("Published on every target."));
      break;
    /* Signing in again only where a target waits for it. */
    case WARTA_STATE_PARTIALLY_PUBLISHED:
      gtk_label_set_label (self->summary_label,
                           !acts ? _("Not published everywhere. Each stopped target below says why.")
                           : n_sign_in > 0 ? _("Not published everywhere. Try the stopped targets again, sign in again, or upload them by hand and record the proof.")
                           : _("Not published everywhere. Try the stopped targets again, or upload them by hand and record the proof."));
      break;
    /* Published nowhere: not "not everywhere". */
    case WARTA_STATE_FAILED:
      gtk_label_set_label (self->summary_label,
                           !acts ? _("Published on no target. Each stopped target below says why.")
                           : n_sign_in > 0 ? _("Published on no target. Try the stopped targets again, sign in again, or upload them by hand and record the proof.")
                           : _("Published on no target. Try the stopped targets again, or upload them by hand and record the proof."));
      break;
    case WARTA_STATE_DOCUMENTING:
    case WARTA_STATE_PROCESSING:
    case WARTA_STATE_VERIFYING:
    case WARTA_STATE_APPROVING:
    case WARTA_STATE_WITHDRAWN:
    case WARTA_N_STATES:
    default:
      gtk_label_set_label (self->summary_label, _("Only approved content can be published."));
      break;
    }
}

/* Reads the publication again (its jobs move it on) and the jobs. */
void
warta_publish_view_reload (WartaPublishView *self)
{
  g_autoptr(WartaPublication) publication = NULL;
  g_autoptr(GError) error = NULL;
  WartaState before;

  g_return_if_fail (WARTA_IS_PUBLISH_VIEW (self));

  if (self->context == NULL || self->publication == NULL)
    return;

  before = warta_publication_get_state (self->publication);
  publication = warta_publication_repository_get (warta_context_get_publications (self->context),
                                                  warta_publication_get_id (self->publication), &error);
  if (publication == NULL)
    {
      g_warning ("The publication cannot be read: %s", error->message);
      return;
    }
  g_set_object (&self->publication, publication);

  if (warta_publication_get_state (publication) != before || self->jobs == NULL ||
      (self->jobs && g_hash_table_size (self->rows) != g_list_model_get_n_items (self->jobs)))
    {
      rebuild (self);
      g_signal_emit (self, signals[PUBLICATION_CHANGED], 0, publication);
    }
  else
    update_actions (self);
}

static GArray *
selected_accounts (WartaPublishView *self)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->account_checks);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (gtk_check_button_get_active (value))
      g_array_append_val (ids, *(gint64 *) key);
  return ids;
}

/* Switched on with no time written: the next full hour, as a calendar
 * proposes a new event, to change or keep. */
static void
on_schedule_switch_active_cb (WartaPublishView *self)
{
  GtkEditable *entry = GTK_EDITABLE (self->schedule_entry);
  g_autofree char *text = NULL;

  if (!gtk_switch_get_active (self->schedule_switch) || self->context == NULL ||
      *gtk_editable_get_text (entry) != '\0')
    {
      update_actions (self);
      return;
    }
  text = format_local_time (self, next_full_hour (self));
  gtk_editable_set_text (entry, text);
  update_actions (self);
}

static void
on_schedule_entry_changed_cb (WartaPublishView *self)
{
  update_actions (self);
}

/* Whether the saved choice is still the one shown: another admin may
 * have changed it a moment ago, before this view heard of it. If not, it
 * is shown as saved. */
static gboolean
same_ids (GHashTable *a,
          GHashTable *b)
{
  GHashTableIter iter;
  gpointer key;

  if (g_hash_table_size (a) != g_hash_table_size (b))
    return FALSE;
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (b, key))
      return FALSE;
  return TRUE;
}

static gboolean
choice_is_current (WartaPublishView *self)
{
  g_autoptr(GHashTable) shown = g_steal_pointer (&self->left_out);
  g_autoptr(GHashTable) shown_by_hand = g_steal_pointer (&self->by_hand);
  gboolean same;

  self->left_out = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->by_hand = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  load_left_out (self);
  same = same_ids (shown, self->left_out) && same_ids (shown_by_hand, self->by_hand);
  if (!same)
    {
      apply_left_out (self);
      update_actions (self);
    }
  return same;
}

static GListModel *
start_publishing (WartaPublishView *self,
                  gboolean          manual)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GListModel) jobs = NULL;
  g_autoptr(GError) error = NULL;
  gint64 scheduled_at = 0;

  /* Exactly the saved choice goes out, nothing another admin took away. */
  if (!choice_is_current (self))
    {
      show_message (self, _("Targets Changed"),
                    _("Another social media admin changed the targets meanwhile. Nothing was "
                      "published: look at the targets again, then start again."));
      return NULL;
    }
  ids = selected_accounts (self);
  if (ids->len == 0)
    {
      show_message (self, _("Nothing Published"), _("Choose at least one target."));
      return NULL;
    }
  if (!manual && gtk_switch_get_active (self->schedule_switch))
    {
      g_autofree char *problem = schedule_problem (self, &scheduled_at);

      /* Checked again: the time may have passed since it was written. */
      if (problem != NULL)
        {
          show_message (self, _("Not Scheduled"), problem);
          return NULL;
        }
    }

  jobs = warta_outbox_publish_at (outbox (self), current_user (self),
                                  warta_publication_get_id (self->publication),
                                  warta_publication_get_version (self->publication),
                                  (const gint64 *) ids->data, ids->len, scheduled_at, &error);
  if (jobs == NULL)
    {
      show_message (self, _("Not Published"), error->message);
      warta_publish_view_reload (self);
      return NULL;
    }
  /* The outbox looks for work when this handler is done: the choices are
   * there before its first step. */
  for (guint i = 0; !manual && i < g_list_model_get_n_items (jobs); i++)
    {
      g_autoptr(WartaOutboxJob) job = g_list_model_get_item (jobs, i);
      gint64 account_id = warta_outbox_job_get_account_id (job);
      TikTokPanel *panel = g_hash_table_lookup (self->tiktok_panels, &account_id);
      g_autoptr(JsonNode) choice = NULL;

      if (panel == NULL || !tiktok_panel_is_ready (panel))
        continue;
      choice = tiktok_panel_dup_choice (panel);
      if (!warta_outbox_set_job_step (outbox (self), current_user (self),
                                      warta_outbox_job_get_id (job), "creator", choice, &error))
        {
          show_message (self, _("TikTok’s Choice Not Recorded"), error->message);
          g_clear_error (&error);
        }
    }
  return g_steal_pointer (&jobs);
}

static void
publish_now_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  WartaPublishView *self = WARTA_PUBLISH_VIEW (widget);

  /* Each file the targets upload, asked again first (it may have been
   * moved since the view opened); publish_checked() goes on. */
  self->publish_checked = TRUE;
  start_file_check (self);
  if (!self->checking_files)
    {
      self->publish_checked = FALSE;
      publish_checked (self);
    }
}

/* Publish Now or Schedule, once the files were asked about again. */
static void
publish_checked (WartaPublishView *self)
{
  g_autoptr(GListModel) jobs = NULL;
  GtkListBoxRow *first;

  /* A file went missing: nothing is written that would fail on it. The
   * rows say which, and Check Again lets it go once it is back. Anything
   * else (a time passed meanwhile) start_publishing() says. */
  if (self->files_missing)
    {
      if (gtk_widget_get_visible (GTK_WIDGET (self->recheck_button)))
        gtk_widget_grab_focus (GTK_WIDGET (self->recheck_button));
      return;
    }
  jobs = start_publishing (self, FALSE);
  if (jobs == NULL)
    return;
  warta_publish_view_reload (self);
  /* Publish Now is gone: the focus goes on to the first target's
   * progress, not to the page around it. */
  if ((first = gtk_list_box_get_row_at_index (self->jobs_list, 0)) != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (first));
}

static void
upload_manual_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  WartaPublishView *self = WARTA_PUBLISH_VIEW (widget);
  g_autoptr(GListModel) jobs = start_publishing (self, TRUE);
  JobRow *first = NULL;

  if (jobs == NULL)
    return;
  /* Written, then uploaded by hand before anything is sent (the outbox
   * looks for work once this handler is done): each waits for its proof. */
  for (guint i = 0; i < g_list_model_get_n_items (jobs); i++)
    {
      g_autoptr(WartaOutboxJob) job = g_list_model_get_item (jobs, i);
      g_autoptr(GError) error = NULL;

      if (!warta_outbox_start_by_hand (outbox (self), current_user (self),
                                       warta_outbox_job_get_id (job), &error))
        g_warning ("Job %" G_GINT64_FORMAT " cannot be uploaded by hand: %s",
                   warta_outbox_job_get_id (job), error->message);
    }
  warta_publish_view_reload (self);
  for (guint i = 0; i < g_list_model_get_n_items (jobs); i++)
    {
      g_autoptr(WartaOutboxJob) job = g_list_model_get_item (jobs, i);
      gint64 id = warta_outbox_job_get_id (job);
      JobRow *row = g_hash_table_lookup (self->rows, &id);

      if (row == NULL)
        continue;
      /* The first form gets the focus and is brought into view. */
      if (first == NULL)
        first = row;
      else
        {
          update_job_row (row);
          update_summary (self);
        }
    }
  if (first != NULL)
    reveal_manual_form (first);
}

/**
 * warta_publish_view_tick:
 *
 * Says again what depends on the time: a scheduled target whose time
 * came while it waits its turn. The view does so by itself every
 * %TICK_SECONDS seconds.
 */
void
warta_publish_view_tick (WartaPublishView *self)
{
  GHashTableIter iter;
  gpointer row;

  g_return_if_fail (WARTA_IS_PUBLISH_VIEW (self));

  if (self->context == NULL || self->publication == NULL)
    return;
  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, &row))
    update_job_row (row);
  update_summary (self);
}

static gboolean
tick_cb (gpointer user_data)
{
  warta_publish_view_tick (WARTA_PUBLISH_VIEW (user_data));

  return G_SOURCE_CONTINUE;
}

static void
on_n_running_changed_cb (WartaPublishView *self)
{
  warta_publish_view_tick (self);
}

static void
on_current_user_changed_cb (WartaPublishView *self)
{
  GHashTableIter iter;
  gpointer row;

  update_actions (self);
  /* Another user may or may not act on the targets. */
  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, &row))
    update_job_row (row);
  if (self->publication != NULL)
    update_summary (self);
}

/* Before publishing started: the targets another admin left out, or
 * ticked again, on their workstation, shown here as saved; publishing
 * started there, the view follows. The rows stay (and TikTok's choices
 * with them) while the publication waits. */
static void
refresh_choice (WartaPublishView *self)
{
  g_autoptr(WartaPublication) publication = NULL;
  g_autoptr(GError) error = NULL;

  if (warta_publication_get_state (self->publication) != WARTA_STATE_APPROVED)
    return;
  publication = warta_publication_repository_get (warta_context_get_publications (self->context),
                                                  warta_publication_get_id (self->publication), &error);
  if (publication == NULL)
    {
      g_warning ("The publication cannot be read: %s", error->message);
      return;
    }
  if (warta_publication_get_state (publication) != WARTA_STATE_APPROVED)
    {
      warta_publish_view_reload (self);
      return;
    }
  g_set_object (&self->publication, publication);
  load_left_out (self);
  apply_left_out (self);
  update_actions (self);
}

/* Another workstation (or window) changed the database: its targets are
 * read again, so a target it switched to manual, or gave back to Warta,
 * shows so here. The outbox's live jobs tell their rows. */
static void
on_database_changed_cb (WartaPublishView *self)
{
  g_autoptr(GListModel) jobs = NULL;
  g_autoptr(GError) error = NULL;

  if (self->context == NULL || self->publication == NULL)
    return;
  if (self->jobs == NULL)
    {
      refresh_choice (self);
      return;
    }
  jobs = warta_outbox_list_publication_jobs (outbox (self),
                                             warta_publication_get_id (self->publication), &error);
  if (jobs == NULL)
    g_warning ("The outbox cannot be read: %s", error->message);
  warta_publish_view_reload (self);
}

static void
warta_publish_view_dispose (GObject *object)
{
  WartaPublishView *self = WARTA_PUBLISH_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->tick_source, g_source_remove);
  if (self->accounts)
    g_signal_handlers_disconnect_by_data (self->accounts, self);
  g_clear_object (&self->accounts);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->account_checks, g_hash_table_unref);
  g_clear_pointer (&self->left_out, g_hash_table_unref);
  g_clear_pointer (&self->by_hand, g_hash_table_unref);
  g_clear_pointer (&self->tiktok_panels, g_hash_table_unref);
  g_clear_pointer (&self->asked, g_hash_table_unref);
  if (self->root != NULL)
    g_clear_signal_handler (&self->active_id, self->root);
  self->root = NULL;
  g_clear_weak_pointer (&self->dialog);
  gtk_widget_dispose_template (GTK_WIDGET (self), WARTA_TYPE_PUBLISH_VIEW);
  g_clear_object (&self->jobs);
  g_clear_object (&self->publication);
  g_clear_object (&self->context);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->missing, g_hash_table_unref);
  g_clear_pointer (&self->recording, g_hash_table_unref);

  G_OBJECT_CLASS (warta_publish_view_parent_class)->dispose (object);
}

static void
warta_publish_view_root (GtkWidget *widget)
{
  WartaPublishView *self = WARTA_PUBLISH_VIEW (widget);

  GTK_WIDGET_CLASS (warta_publish_view_parent_class)->root (widget);
  self->root = GTK_WIDGET (gtk_widget_get_root (widget));
  if (GTK_IS_WINDOW (self->root))
    self->active_id = g_signal_connect_swapped (self->root, "notify::is-active",
                                                G_CALLBACK (on_root_active_cb), self);
}

static void
warta_publish_view_unroot (GtkWidget *widget)
{
  WartaPublishView *self = WARTA_PUBLISH_VIEW (widget);

  if (self->root != NULL)
    g_clear_signal_handler (&self->active_id, self->root);
  self->root = NULL;
  GTK_WIDGET_CLASS (warta_publish_view_parent_class)->unroot (widget);
}

static void
warta_publish_view_class_init (WartaPublishViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = warta_publish_view_dispose;
  widget_class->root = warta_publish_view_root;
  widget_class->unroot = warta_publish_view_unroot;

  /**
   * WartaPublishView::publication-changed:
   *
   * The publication moved on (publishing, published …) as its jobs did.
   */
  signals[PUBLICATION_CHANGED] =
    g_signal_new ("publication-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, WARTA_TYPE_PUBLICATION);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/warta-publish-view.ui");
  g_type_ensure (WARTA_TYPE_WRAP_BOX);
  gtk_widget_class_bind_template_child (widget_class, WartaPublishView, role_label);
  gtk_widget_class_bind_template_child (widget_class, WartaPublishView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, WartaPublishView, accounts_group);
  gtk_widget_class_bind_template_child (widget_class, WartaPublishView, accounts_list);
  gtk_widget_class_bind_template_child (widget_class, WartaPublishView, tiktok_box);
  gtk_widget_class_bind_template_child (widget_class, WartaPublishView, publish_hint);
  gtk_widget_class_bind_template_child (widget_class, WartaPublishView, schedule_group);
  gtk_widget_class_bind_template_child (widget_class, WartaPublishView, schedule_row);
  gtk_widget_class_bind_template_child (widget_class, WartaPublishView, schedule_switch);
  gtk_widget_class_bind_template_child (widget_class, WartaPublishView, schedule_entry);
  gtk_widget_class_bind_template_child (widget_class, WartaPublishView, start_box);
  gtk_widget_class_bind_template_child (widget_class, WartaPublishView, publish_button);
  gtk_widget_class_bind_template_child (widget_class, WartaPublishView, manual_button);
  gtk_widget_class_bind_template_child (widget_class, WartaPublishView, recheck_button);
  gtk_widget_class_bind_template_child (widget_class, WartaPublishView, jobs_group);
  gtk_widget_class_bind_template_child (widget_class, WartaPublishView, jobs_list);

  gtk_widget_class_bind_template_callback (widget_class, on_schedule_switch_active_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_schedule_entry_changed_cb);
  gtk_widget_class_install_action (widget_class, "publish.publish-now", NULL, publish_now_action);
  gtk_widget_class_install_action (widget_class, "publish.upload-manual", NULL, upload_manual_action);
  gtk_widget_class_install_action (widget_class, "publish.check-files", NULL, check_files_action);
}

static void
warta_publish_view_init (WartaPublishView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Rows are items: one Tab stop, the arrows between rows (warta-list-focus.c). */
  warta_list_set_single_tab_stop (GTK_WIDGET (self->accounts_list));
  warta_list_set_single_tab_stop (GTK_WIDGET (self->jobs_list));

  self->cancellable = g_cancellable_new ();
  self->rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                      (GDestroyNotify) job_row_free);
  self->account_checks = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                g_object_unref);
  self->left_out = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->by_hand = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->tiktok_panels = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                               (GDestroyNotify) tiktok_panel_free);
  self->asked = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->missing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->recording = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->tick_source = g_timeout_add_seconds (TICK_SECONDS, tick_cb, self);
  /* Named by its title; a label as well would be read after it. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->schedule_entry),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Date and time to publish"),
                                  -1);
  {
    GtkWidget *button = warta_date_popover_new_button (GTK_EDITABLE (self->schedule_entry),
                                                       TRUE, NULL);

    self->schedule_date =
      WARTA_DATE_POPOVER (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
    adw_entry_row_add_suffix (self->schedule_entry, button);
  }
  update_actions (self);
}

GtkWidget *
warta_publish_view_new (void)
{
  return g_object_new (WARTA_TYPE_PUBLISH_VIEW, NULL);
}

void
warta_publish_view_set_context (WartaPublishView *self,
                                WartaContext     *context)
{
  g_return_if_fail (WARTA_IS_PUBLISH_VIEW (self));
  g_return_if_fail (!context || WARTA_IS_CONTEXT (context));

  if (self->context == context)
    return;
  if (self->context)
    {
      g_signal_handlers_disconnect_by_data (self->context, self);
      g_signal_handlers_disconnect_by_data (warta_context_get_outbox (self->context), self);
      g_signal_handlers_disconnect_by_data (warta_context_get_database (self->context), self);
    }
  g_set_object (&self->context, context);
  warta_date_popover_set_clock (self->schedule_date,
                                context ? warta_context_get_clock (context) : NULL);
  if (self->accounts)
    g_signal_handlers_disconnect_by_data (self->accounts, self);
  g_clear_object (&self->accounts);
  if (context)
    {
      g_signal_connect_object (context, "notify::current-user",
                               G_CALLBACK (on_current_user_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (warta_context_get_database (context), "changed",
                               G_CALLBACK (on_database_changed_cb), self, G_CONNECT_SWAPPED);
      /* A target waiting its turn says so while uploads run. */
      g_signal_connect_object (warta_context_get_outbox (context), "notify::n-running",
                               G_CALLBACK (on_n_running_changed_cb), self, G_CONNECT_SWAPPED);
      self->accounts = g_object_ref (warta_account_store_get_accounts (warta_context_get_account_store (context)));
      g_signal_connect_object (self->accounts, "items-changed",
                               G_CALLBACK (on_accounts_changed_cb), self, G_CONNECT_SWAPPED);
    }
  rebuild (self);
}

void
warta_publish_view_set_publication (WartaPublishView *self,
                                    WartaPublication *publication)
{
  g_return_if_fail (WARTA_IS_PUBLISH_VIEW (self));
  g_return_if_fail (!publication || WARTA_IS_PUBLICATION (publication));

  /* What an instance said "just now" is said of this publication only. */
  if (publication != self->publication)
    {
      g_hash_table_remove_all (self->asked);
      /* Nor is what the last check found missing. */
      g_hash_table_remove_all (self->missing);
    }
  g_set_object (&self->publication, publication);
  /* Shown again: its files are asked about again. */
  self->checked_revision = 0;
  rebuild (self);
}

WartaPublication *
warta_publish_view_get_publication (WartaPublishView *self)
{
  g_return_val_if_fail (WARTA_IS_PUBLISH_VIEW (self), NULL);

  return self->publication;
}

/* -- for the tests ------------------------------------------------------------------------- */

GListModel *
_warta_publish_view_get_jobs (WartaPublishView *self)
{
  return self->jobs;
}

GtkWidget *
_warta_publish_view_get_widget (WartaPublishView *self,
                                gint64            job_id,
                                const char       *name)
{
  JobRow *row;

  if (job_id == 0)
    {
      if (g_strcmp0 (name, "publish-now") == 0)
        return GTK_WIDGET (self->publish_button);
      if (g_strcmp0 (name, "upload-manual") == 0)
        return GTK_WIDGET (self->manual_button);
      if (g_strcmp0 (name, "check-again") == 0)
        return GTK_WIDGET (self->recheck_button);
      if (g_strcmp0 (name, "schedule-row") == 0)
        return GTK_WIDGET (self->schedule_switch);
      if (g_strcmp0 (name, "schedule-time") == 0)
        return GTK_WIDGET (self->schedule_entry);
      if (g_strcmp0 (name, "publish-hint") == 0)
        return GTK_WIDGET (self->publish_hint);
      if (g_strcmp0 (name, "role-label") == 0)
        return GTK_WIDGET (self->role_label);
      if (g_str_has_prefix (name, "tiktok-"))
        {
          char *rest = NULL;
          gint64 id = g_ascii_strtoll (name + strlen ("tiktok-"), &rest, 10);

          return rest && *rest == '-'
                 ? tiktok_panel_get_widget (g_hash_table_lookup (self->tiktok_panels, &id), rest + 1)
                 : NULL;
        }
      if (g_str_has_prefix (name, "account-row-"))
        {
          gint64 id = g_ascii_strtoll (name + strlen ("account-row-"), NULL, 10);
          GtkWidget *check = g_hash_table_lookup (self->account_checks, &id);

          return check ? g_object_get_data (G_OBJECT (check), "warta-row") : NULL;
        }
      if (g_str_has_prefix (name, "ask-instance-"))
        {
          gint64 id = g_ascii_strtoll (name + strlen ("ask-instance-"), NULL, 10);
          GtkWidget *check = g_hash_table_lookup (self->account_checks, &id);

          return check ? g_object_get_data (G_OBJECT (check), "warta-ask") : NULL;
        }
      if (g_str_has_prefix (name, "account-"))
        {
          gint64 id = g_ascii_strtoll (name + strlen ("account-"), NULL, 10);

          return g_hash_table_lookup (self->account_checks, &id);
        }
      return NULL;
    }

  row = g_hash_table_lookup (self->rows, &job_id);
  if (row == NULL)
    return NULL;
  if (g_strcmp0 (name, "state") == 0) return GTK_WIDGET (row->state);
  if (g_strcmp0 (name, "progress") == 0) return GTK_WIDGET (row->progress);
  if (g_strcmp0 (name, "error") == 0) return GTK_WIDGET (row->error);
  if (g_strcmp0 (name, "link") == 0) return GTK_WIDGET (row->link);
  if (g_strcmp0 (name, "address") == 0) return GTK_WIDGET (row->address);
  if (g_strcmp0 (name, "retry") == 0) return GTK_WIDGET (row->retry);
  if (g_strcmp0 (name, "post-again") == 0) return GTK_WIDGET (row->post_again);
  if (g_strcmp0 (name, "takedown") == 0) return GTK_WIDGET (row->takedown);
  if (g_strcmp0 (name, "correct") == 0) return GTK_WIDGET (row->correct);
  if (g_strcmp0 (name, "correction") == 0) return GTK_WIDGET (row->correction);
  if (g_strcmp0 (name, "sign-in") == 0) return GTK_WIDGET (row->sign_in);
  if (g_strcmp0 (name, "manual") == 0) return GTK_WIDGET (row->manual);
  if (g_strcmp0 (name, "pause") == 0) return GTK_WIDGET (row->pause);
  if (g_strcmp0 (name, "resume") == 0) return GTK_WIDGET (row->resume);
  if (g_strcmp0 (name, "publish-now") == 0) return GTK_WIDGET (row->publish_now);
  if (g_strcmp0 (name, "reschedule") == 0) return GTK_WIDGET (row->reschedule);
  if (g_strcmp0 (name, "cancel") == 0) return GTK_WIDGET (row->cancel);
  if (g_str_has_prefix (name, "tiktok-")) return tiktok_panel_get_widget (row->tiktok, name + strlen ("tiktok-"));
  if (g_strcmp0 (name, "manual-revealer") == 0) return GTK_WIDGET (row->manual_revealer);
  if (g_strcmp0 (name, "manual-url") == 0) return GTK_WIDGET (row->url_entry);
  if (g_strcmp0 (name, "manual-time") == 0) return GTK_WIDGET (row->time_entry);
  if (g_strcmp0 (name, "manual-screenshot") == 0) return GTK_WIDGET (row->screenshot_button);
  if (g_strcmp0 (name, "manual-record") == 0) return GTK_WIDGET (row->record_button);
  if (g_str_has_prefix (name, "copy-"))
    {
      guint i = (guint) g_ascii_strtoull (name + strlen ("copy-"), NULL, 10);

      return row->copy_buttons && i < row->copy_buttons->len ? row->copy_buttons->pdata[i] : NULL;
    }
  return NULL;
}

void
_warta_publish_view_set_screenshot (WartaPublishView *self,
                                    gint64            job_id,
                                    GFile            *file)
{
  JobRow *row = g_hash_table_lookup (self->rows, &job_id);

  if (row != NULL)
    set_screenshot (row, file);
}

void
_warta_publish_view_save_renditions (WartaPublishView *self,
                                     gint64            job_id,
                                     GFile            *folder)
{
  JobRow *row = g_hash_table_lookup (self->rows, &job_id);

  if (row != NULL)
    save_renditions (row, folder);
}

gint64
_warta_publish_view_get_tiktok_duration (WartaPublishView *self,
                                         gint64            account_id)
{
  TikTokPanel *panel = g_hash_table_lookup (self->tiktok_panels, &account_id);

  return panel ? panel->duration_us : -1;
}

AdwMessageDialog *
_warta_publish_view_get_dialog (WartaPublishView *self)
{
  return self->dialog ? ADW_MESSAGE_DIALOG (self->dialog) : NULL;
}

gboolean
_warta_publish_view_is_checking_files (WartaPublishView *self)
{
  return self->checking_files;
}

guint
_warta_publish_view_get_n_file_checks (void)
{
  return n_file_checks;
}
