/* warta-publication-window.c: one publication's editor
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The activity documentation (step 1) and the content concept (step 2) of
 * one publication, as pages of one AdwViewStack; the review of steps 3 and
 * 4 is meant to become a third page. Nothing typed is lost: every change
 * restarts a short timer, and when it runs out (or the window closes) the
 * content is saved into the publication's draft with the draft version the
 * editor started from, so a change made meanwhile by someone else is a
 * conflict the user resolves, never a silent overwrite. Only a submit turns
 * the draft into a revision. The save stays on the main thread: it is one
 * short write transaction (about a millisecond with 20 photos, see
 * test-editor's "autosave-is-short").
 *
 * Each file is probed and thumbnailed by src/media on its decode pool (two
 * threads, shared with the renditions); add_files only puts the rows in,
 * all in one change to the list, each row made once. The checks that come
 * in are shown a main-loop turn's worth (8 ms) at a time, the rest on the
 * next idle, so a hundred photos whose thumbnails were cached do not hold
 * the window up together; a row is brought up to date where it is, not
 * made again (GTK's first layout of a hundred new rows still does:
 * bench/run import). A file that cannot be used is refused with a message
 * naming it, and the rest of the batch goes on. Closing the window shows
 * (and saves) the checks that came in and cancels what is still running.
 * Files stay where they were added from: reopening and each submit ask
 * whether each one is still there and the same (its size), on the pool,
 * and the submit stops, naming those that are not.
 */
#define G_LOG_DOMAIN "warta-publication-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "warta-application.h"
#include "warta-caption-editor.h"
#include "warta-clock.h"
#include "warta-diff.h"
#include "warta-file-chooser.h"
#include "warta-list-focus.h"
#include "warta-media-probe.h"
#include "warta-media-rules.h"
#include "warta-mnemonic.h"
#include "warta-official-repository.h"
#include "warta-officials-dialog.h"
#include "warta-photo-dialog.h"
#include "warta-post-text.h"
#include "warta-publication-window-private.h"
#include "warta-publish-view.h"
#include "warta-rendition.h"
#include "warta-review-page.h"
#include "warta-shortcuts.h"
#include "warta-thumbnailer.h"
#include "warta-wrap-box.h"

/* Autosave this long after the last change. */
#define SAVE_DELAY_MS 1000
/* Thumbnails fit this square. */
#define THUMBNAIL_SIZE 256
/* How long the checks that came in may hold up one main-loop turn. */
#define MEDIA_APPLY_BUDGET_US 8000
/* The large preview fits this square. */
#define PREVIEW_SIZE 1600
/* More refused files than this, and their reasons are in a list that
 * scrolls rather than in the message. */
#define MAX_REASONS_IN_BODY 3

static const char * const category_ids[] = { "periodic", "immediate", "on-request" };

/* The targets of the content concept, in the order they are shown. */
static const WartaCaptionTarget editor_targets[] = {
  WARTA_CAPTION_TARGET_FACEBOOK,
  WARTA_CAPTION_TARGET_INSTAGRAM,
  WARTA_CAPTION_TARGET_X,
  WARTA_CAPTION_TARGET_YOUTUBE_TITLE,
  WARTA_CAPTION_TARGET_YOUTUBE_DESCRIPTION,
  WARTA_CAPTION_TARGET_TIKTOK_VIDEO,
  WARTA_CAPTION_TARGET_MASTODON,
  WARTA_CAPTION_TARGET_WEBSITE_TITLE,
  WARTA_CAPTION_TARGET_WEBSITE_BODY,
};

/* The caption a revision keeps the shared text under. It is no platform:
 * warta_caption_target_from_string() refuses it, so publishing skips it. */
#define SHARED_TEXT_KEY "shared"

/* How each platform shows a post, roughly: the crop of the first image
 * (width / height) and how many characters show before "… more". */
typedef struct
{
  const char *name;
  int         body;      /* WartaCaptionTarget */
  int         title;     /* WartaCaptionTarget, or -1 */
  float       aspect;
  guint       fold;      /* 0: the whole text shows */
  gboolean    video;     /* the platform posts videos only */
  int         rendition; /* WartaRenditionTarget whose crop the admin moves, or -1 */
  const char *platform;  /* the account platform id: its media rules */
} PreviewSpec;

static const PreviewSpec preview_specs[] = {
  { N_("Facebook Page"), WARTA_CAPTION_TARGET_FACEBOOK, -1, 1.0f, 250, FALSE,
    WARTA_RENDITION_TARGET_FACEBOOK, "facebook" },
  { N_("Instagram"), WARTA_CAPTION_TARGET_INSTAGRAM, -1, 0.8f, 125, FALSE,
    WARTA_RENDITION_TARGET_INSTAGRAM, "instagram" },
  { N_("X"), WARTA_CAPTION_TARGET_X, -1, 16.0f / 9.0f, 0, FALSE, WARTA_RENDITION_TARGET_X, "x" },
  { N_("YouTube"), WARTA_CAPTION_TARGET_YOUTUBE_DESCRIPTION, WARTA_CAPTION_TARGET_YOUTUBE_TITLE,
    16.0f / 9.0f, 160, TRUE, -1, "youtube" },
  { N_("TikTok"), WARTA_CAPTION_TARGET_TIKTOK_VIDEO, -1, 9.0f / 16.0f, 100, TRUE, -1, "tiktok" },
  { N_("Mastodon"), WARTA_CAPTION_TARGET_MASTODON, -1, 16.0f / 9.0f, 0, FALSE,
    WARTA_RENDITION_TARGET_MASTODON, "mastodon" },
  { N_("Website"), WARTA_CAPTION_TARGET_WEBSITE_BODY, WARTA_CAPTION_TARGET_WEBSITE_TITLE,
    16.0f / 9.0f, 300, FALSE, WARTA_RENDITION_TARGET_WEBSITE, "wordpress" },
};

struct _WartaPublicationWindow
{
  AdwWindow                parent_instance;

  /* Template widgets */
  AdwToastOverlay         *toast_overlay;
  AdwToast                *refusal;        /* the last file refused, while shown */
  AdwToast                *removal;        /* the last photo removed, while Undo is offered */
  GPtrArray               *window_toasts;  /* those in the window's overlay, until dismissed */
  GtkWindow               *close_dialog;   /* asking before closing, while shown */
  AdwViewSwitcherTitle    *switcher_title;
  GtkLabel                *save_status_label;
  GtkButton               *submit_button;
  AdwSqueezer             *submit_squeezer;
  GtkLabel                *submit_label;
  GtkLabel                *submit_short_label;
  char                    *submit_blockers; /* why the submit button is off, or NULL */
  GtkStack                *main_stack;
  AdwEntryRow             *login_row;
  AdwPasswordEntryRow     *password_row;
  AdwViewStack            *view_stack;
  GtkLabel                *read_only_label;
  GtkWidget               *documentation_box;
  GtkWidget               *concept_box;
  WartaReviewPage         *review_page;
  WartaPublishView        *publish_view;
  AdwViewStackPage        *publish_page;
  AdwEntryRow             *title_row;
  AdwPreferencesGroup     *title_group;
  GtkLabel                *title_counter;
  AdwComboRow             *category_row;
  AdwPreferencesGroup     *fields_group;
  AdwEntryRow             *what_row;
  AdwEntryRow             *who_row;
  AdwActionRow            *when_row;
  AdwEntryRow             *where_row;
  AdwEntryRow             *why_row;
  AdwEntryRow             *how_row;
  GtkMenuButton           *who_button;
  GtkMenuButton           *when_button;
  GtkLabel                *missing_label;
  GtkTextView             *narrative_view;
  GtkGridView             *media_grid;
  AdwPreferencesGroup     *media_details;
  GtkLabel                *media_hint_label;
  AdwEntryRow             *credit_row;
  AdwEntryRow             *alt_text_row;
  AdwEntryRow             *consent_row;
  GtkSwitch               *illustration_switch;
  GtkSwitch               *people_switch;
  GtkSwitch               *minor_switch;
  GtkLabel                *blockers_label;
  GtkListBox              *order_list;
  GtkTextView             *shared_view;
  AdwEntryRow             *hashtags_row;
  GtkBox                  *captions_box;
  GtkDropDown             *preview_dropdown;
  GtkBox                  *preview_box;
  GtkLabel                *preview_problems_label;
  GtkPopover              *officials_popover;
  GtkLabel                *officials_manage_note;
  GtkSearchEntry          *officials_search;
  GtkListBox              *officials_list;
  GtkPopover              *who_completion;
  GtkListBox              *who_completion_list;
  GtkPopover              *when_popover;
  GtkCalendar             *when_calendar;
  GtkSpinButton           *hour_spin;
  GtkSpinButton           *minute_spin;
  GtkLabel                *time_zone_label;

  /* Owned references */
  WartaContext            *context;
  WartaOfficialRepository *officials;
  GListModel              *official_cache;
  gboolean                 completing;
  WartaPublication        *publication;      /* NULL until a new activity is first saved */
  gint64                   draft_version;    /* of the draft shown, for the next save */
  char                    *base_json;        /* that draft as loaded or saved: what changed since */
  char                    *conflict_message; /* who changed it, while a conflict is open */
  GListStore              *media;            /* WartaMediaItem, editable */
  GtkSingleSelection      *media_selection;
  GCancellable            *cancellable;
  WartaMediaProbe         *probe;
  WartaThumbnailer        *thumbnailer;
  GPtrArray               *caption_editors;  /* WartaCaptionEditor, as editor_targets */
  GDateTime               *when;             /* NULL: not set */
  char                    *when_text;        /* a "when" that is not ISO 8601, kept as is */
  char                    *shared_text;      /* what the following captions were set to */
  char                    *title_text;       /* what the following titles were set to */
  char                    *last_error;       /* the last save error shown */

  guint                    save_source;
  guint                    n_pending;        /* thumbnails in the making */
  gboolean                 checking_files;   /* Submit asks each file on the pool */
  GQueue                   finished;         /* checks done, not yet shown (GTasks) */
  guint                    finished_source;  /* shows them, a frame's worth at a time */
  guint                    dirty : 1;
  guint                    loading : 1;
  guint                    conflict : 1;
  guint                    editable : 1;
  guint                    closing : 1;
};

G_DEFINE_FINAL_TYPE (WartaPublicationWindow, warta_publication_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_BUSY,
  PROP_PUBLICATION_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void update_state         (WartaPublicationWindow *self);
static void update_submit        (WartaPublicationWindow *self);
static void update_preview       (WartaPublicationWindow *self);
static void update_missing       (WartaPublicationWindow *self);
static void schedule_save        (WartaPublicationWindow *self);
static void start_media_job      (WartaPublicationWindow *self,
                                  WartaMediaItem         *item,
                                  gboolean                existing);
static void check_media_present (WartaPublicationWindow *self);

/* -- helpers ------------------------------------------------------------ */

static char *
dup_buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
set_buffer_text (GtkTextView *view,
                 const char  *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);

  /* Loading is not an edit the user can undo. */
  gtk_text_buffer_begin_irreversible_action (buffer);
  gtk_text_buffer_set_text (buffer, text ? text : "", -1);
  gtk_text_buffer_end_irreversible_action (buffer);
}

static void
set_row_text (AdwEntryRow *row,
              const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

static const char *
row_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static WartaUser *
current_user (WartaPublicationWindow *self)
{
  return warta_context_get_current_user (self->context);
}

static WartaState
current_state (WartaPublicationWindow *self)
{
  return self->publication ? warta_publication_get_state (self->publication)
                           : WARTA_STATE_DOCUMENTING;
}

static void
on_window_toast_dismissed_cb (AdwToast               *toast,
                              WartaPublicationWindow *self)
{
  if (self->window_toasts != NULL)
    g_ptr_array_remove (self->window_toasts, toast);
}

/* On the review page, toasts go to the page's own overlay, which ends
 * above its decision buttons: the window's would cover them. Those of
 * the other pages go when the review page is shown (see
 * on_view_stack_visible_child_name_cb()). */
static void
add_toast (WartaPublicationWindow *self,
           AdwToast               *toast)
{
  /* A refused file's toast stays until closed: the others go before it,
   * and it comes back after them. */
  if (self->refusal != NULL && toast != self->refusal)
    adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);

  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "review") == 0)
    warta_review_page_add_toast (self->review_page, toast);
  else
    {
      g_ptr_array_add (self->window_toasts, g_object_ref (toast));
      g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_window_toast_dismissed_cb),
                               self, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
}

static void
toast (WartaPublicationWindow *self,
       const char             *text)
{
  AdwToast *t = adw_toast_new (text);

  adw_toast_set_timeout (t, 6);
  add_toast (self, t);
}

static void
show_message (WartaPublicationWindow *self,
              const char             *heading,
              const char             *body)
{
  GtkWidget *dialog = warta_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* @details (one reason per file, a hundred when a whole folder is
 * concerned) in a list that scrolls under @summary: the dialog and its
 * button stay on the screen. */
static void
show_long_message (WartaPublicationWindow *self,
                   const char             *heading,
                   const char             *summary,
                   const char             *details)
{
  GtkWidget *dialog = warta_message_dialog_new (GTK_WINDOW (self), heading, summary);
  GtkWidget *scrolled, *label;

  label = gtk_label_new (details);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), label);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* @n reasons, one per file, joined in @details: a few in the message
 * itself, more in a list that scrolls under @summary. */
static void
show_reasons (WartaPublicationWindow *self,
              const char             *heading,
              const char             *summary,
              guint                   n,
              const char             *details)
{
  if (n <= MAX_REASONS_IN_BODY)
    show_message (self, heading, details);
  else
    show_long_message (self, heading, summary, details);
}

static void
on_file_toast_details_cb (AdwToast               *toast,
                          WartaPublicationWindow *self)
{
  GPtrArray *reasons = g_object_get_data (G_OBJECT (toast), "warta-why");
  g_autofree char *body = NULL;
  g_autofree char *summary = NULL;

  g_ptr_array_add (reasons, NULL);
  body = g_strjoinv ("\n\n", (char **) reasons->pdata);
  g_ptr_array_remove_index (reasons, reasons->len - 1);
  /* A failed copy from a card can leave a hundred empty files. */
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u file was not added:",
                                          "%u files were not added:",
                                          reasons->len),
                             reasons->len);
  show_reasons (self, reasons->len > 1 ? _("Files Not Added") : _("File Not Added"), summary,
                reasons->len, body);
}

/* A toast holds one short line: "“x.jpg” was not added", and the reason,
 * with what to do, behind its button. It stays until it is closed, so
 * that a keyboard user has time to reach Why?; files refused meanwhile
 * join it ("3 files were not added"), their reasons behind the same
 * button. */
static void
toast_file_refused (WartaPublicationWindow *self,
                    const char             *name,
                    const char             *why)
{
  g_autofree char *title = NULL;
  GPtrArray *reasons;
  AdwToast *t = self->refusal;

  if (t == NULL)
    {
      t = adw_toast_new ("");
      adw_toast_set_timeout (t, 0);
      adw_toast_set_button_label (t, _("_Why?"));
      g_object_set_data_full (G_OBJECT (t), "warta-why", g_ptr_array_new_with_free_func (g_free),
                              (GDestroyNotify) g_ptr_array_unref);
      g_signal_connect_object (t, "button-clicked", G_CALLBACK (on_file_toast_details_cb), self, 0);
    }
  reasons = g_object_get_data (G_OBJECT (t), "warta-why");
  g_ptr_array_add (reasons, g_strdup (why));
  if (reasons->len == 1)
    /* Translators: %s is a file name */
    title = g_strdup_printf (_("“%s” was not added"), name);
  else
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u file was not added",
                                          "%u files were not added", reasons->len),
                             reasons->len);
  adw_toast_set_title (t, title);

  if (self->refusal == NULL)
    {
      g_set_weak_pointer (&self->refusal, t);
      add_toast (self, t);
    }
}

static char *
media_display_name (WartaMediaItem *item)
{
  const char *path = warta_media_item_get_path (item);

  return path ? g_filename_display_basename (path) : g_strdup ("");
}

static gboolean
media_is_pending (WartaMediaItem *item)
{
  return g_object_get_data (G_OBJECT (item), "warta-pending") != NULL;
}

static gboolean
media_is_photo (WartaMediaItem *item)
{
  return g_strcmp0 (warta_media_item_get_kind (item), "video") != 0;
}

static gboolean
has_text (const char *text)
{
  while (text != NULL && g_ascii_isspace (*text))
    text++;

  return text != NULL && *text != '\0';
}

static WartaCaptionEditor *
find_caption_editor (WartaPublicationWindow *self,
                     WartaCaptionTarget      target)
{
  for (guint i = 0; i < self->caption_editors->len; i++)
    {
      WartaCaptionEditor *editor = g_ptr_array_index (self->caption_editors, i);

      if (warta_caption_editor_get_target (editor) == target)
        return editor;
    }

  return NULL;
}

static gboolean
is_title_target (WartaCaptionTarget target)
{
  return target == WARTA_CAPTION_TARGET_YOUTUBE_TITLE ||
         target == WARTA_CAPTION_TARGET_WEBSITE_TITLE ||
         target == WARTA_CAPTION_TARGET_TIKTOK_PHOTO_TITLE;
}

/* -- the content as a revision --------------------------------------------- */

static WartaRevision *
build_revision (WartaPublicationWindow *self)
{
  g_autoptr(WartaRevision) draft = warta_revision_new ();
  g_autofree char *narrative = dup_buffer_text (self->narrative_view);
  g_autofree char *shared = dup_buffer_text (self->shared_view);
  g_autofree char *when = NULL;
  guint category = adw_combo_row_get_selected (self->category_row);

  if (self->when != NULL)
    when = g_date_time_format_iso8601 (self->when);
  else
    when = g_strdup (self->when_text);

  warta_revision_set_title (draft, row_text (self->title_row));
  warta_revision_set_what (draft, row_text (self->what_row));
  warta_revision_set_who (draft, row_text (self->who_row));
  warta_revision_set_when (draft, when ? when : "");
  warta_revision_set_where (draft, row_text (self->where_row));
  warta_revision_set_why (draft, row_text (self->why_row));
  warta_revision_set_how (draft, row_text (self->how_row));
  warta_revision_set_narrative (draft, narrative);
  warta_revision_set_category (draft, category_ids[MIN (category, G_N_ELEMENTS (category_ids) - 1)]);
  warta_revision_set_hashtags (draft, row_text (self->hashtags_row));
  if (*shared != '\0')
    warta_revision_set_caption (draft, SHARED_TEXT_KEY, shared);

  for (guint i = 0; i < self->caption_editors->len; i++)
    {
      WartaCaptionEditor *editor = g_ptr_array_index (self->caption_editors, i);
      WartaCaptionTarget target = warta_caption_editor_get_target (editor);
      g_autofree char *text = warta_caption_editor_dup_text (editor);

      if (target == WARTA_CAPTION_TARGET_WEBSITE_TITLE)
        warta_revision_set_article_title (draft, text);
      else if (target == WARTA_CAPTION_TARGET_WEBSITE_BODY)
        warta_revision_set_article_body (draft, text);
      else if (*text != '\0')
        warta_revision_set_caption (draft, warta_caption_target_to_string (target), text);
    }

  /* Files still being checked are not part of the content yet. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->media)); i++)
    {
      g_autoptr(WartaMediaItem) item = g_list_model_get_item (G_LIST_MODEL (self->media), i);
      g_autoptr(WartaMediaItem) copy = NULL;

      if (media_is_pending (item) || warta_media_item_get_sha256 (item) == NULL)
        continue;

      copy = warta_media_item_copy (item);
      warta_media_item_set_id (copy, 0);
      warta_revision_add_media (draft, copy);
    }

  return g_steal_pointer (&draft);
}

static void
update_when_row (WartaPublicationWindow *self)
{
  g_autofree char *text = NULL;

  if (self->when != NULL)
    /* Translators: the activity's date and time, "Thursday, 5 March 2026 09:30 WIB";
     * see the strftime()/g_date_time_format() codes */
    text = warta_date_time_format (self->when, _("%A, %-d %B %Y %H:%M %Z"));
  else if (has_text (self->when_text))
    text = g_strdup (self->when_text);

  adw_action_row_set_subtitle (self->when_row, text ? text : _("Not set"));
  update_missing (self);
}

static void
load_revision (WartaPublicationWindow *self,
               WartaRevision          *revision)
{
  const char *when;
  const char *category;
  GListModel *media;

  self->loading = TRUE;

  set_row_text (self->title_row, warta_revision_get_title (revision));
  set_row_text (self->what_row, warta_revision_get_what (revision));
  set_row_text (self->who_row, warta_revision_get_who (revision));
  set_row_text (self->where_row, warta_revision_get_where (revision));
  set_row_text (self->why_row, warta_revision_get_why (revision));
  set_row_text (self->how_row, warta_revision_get_how (revision));
  set_row_text (self->hashtags_row, warta_revision_get_hashtags (revision));
  set_buffer_text (self->narrative_view, warta_revision_get_narrative (revision));
  set_buffer_text (self->shared_view, warta_revision_get_caption (revision, SHARED_TEXT_KEY));
  g_free (self->shared_text);
  self->shared_text = g_strdup (warta_revision_get_caption (revision, SHARED_TEXT_KEY));
  g_free (self->title_text);
  self->title_text = g_strdup (warta_revision_get_title (revision));

  category = warta_revision_get_category (revision);
  for (guint i = 0; i < G_N_ELEMENTS (category_ids); i++)
    if (g_strcmp0 (category, category_ids[i]) == 0)
      adw_combo_row_set_selected (self->category_row, i);

  g_clear_pointer (&self->when, g_date_time_unref);
  g_clear_pointer (&self->when_text, g_free);
  when = warta_revision_get_when (revision);
  if (has_text (when))
    {
      GTimeZone *tz = warta_clock_get_time_zone (warta_context_get_clock (self->context));
      g_autoptr(GDateTime) parsed = g_date_time_new_from_iso8601 (when, tz);

      /* In the office's zone, named "WIB", not the stored offset "+07". */
      if (parsed != NULL)
        self->when = g_date_time_to_timezone (parsed, tz);
      else
        self->when_text = g_strdup (when);
    }
  update_when_row (self);

  for (guint i = 0; i < self->caption_editors->len; i++)
    {
      WartaCaptionEditor *editor = g_ptr_array_index (self->caption_editors, i);
      WartaCaptionTarget target = warta_caption_editor_get_target (editor);
      const char *text;

      if (target == WARTA_CAPTION_TARGET_WEBSITE_TITLE)
        text = warta_revision_get_article_title (revision);
      else if (target == WARTA_CAPTION_TARGET_WEBSITE_BODY)
        text = warta_revision_get_article_body (revision);
      else
        text = warta_revision_get_caption (revision, warta_caption_target_to_string (target));
      warta_caption_editor_set_text (editor, text);
    }

  media = warta_revision_get_media (revision);
  {
    g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

    for (guint i = 0; i < g_list_model_get_n_items (media); i++)
      {
        g_autoptr(WartaMediaItem) stored = g_list_model_get_item (media, i);

        g_ptr_array_add (items, warta_media_item_copy (stored));
      }
    /* One change to the list: each row is made once. */
    g_list_store_splice (self->media, 0, g_list_model_get_n_items (G_LIST_MODEL (self->media)),
                         items->pdata, items->len);
    for (guint i = 0; i < items->len; i++)
      start_media_job (self, g_ptr_array_index (items, i), TRUE);
  }

  self->loading = FALSE;
  self->dirty = FALSE;
  update_missing (self);
  update_submit (self);
  update_preview (self);
}

static gboolean
load_publication (WartaPublicationWindow  *self,
                  gint64                   publication_id,
                  GError                 **error)
{
  WartaPublicationRepository *repository = warta_context_get_publications (self->context);
  g_autoptr(WartaPublication) publication = NULL;
  g_autoptr(WartaRevision) revision = NULL;
  gint64 draft_version = 0;

  publication = warta_publication_repository_get (repository, publication_id, error);
  if (publication == NULL)
    return FALSE;

  /* The draft: what was typed last, submitted or not. */
  revision = warta_publication_repository_get_draft (repository, publication_id, &draft_version, error);
  if (revision == NULL)
    return FALSE;

  g_set_object (&self->publication, publication);
  self->draft_version = draft_version;
  g_free (self->base_json);
  self->base_json = warta_revision_to_json (revision);
  load_revision (self, revision);
  update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PUBLICATION_ID]);

  return TRUE;
}

/* -- saving ---------------------------------------------------------------- */

static void
set_save_status (WartaPublicationWindow *self,
                 const char             *text)
{
  gtk_label_set_label (self->save_status_label, text);
  /* Also where a header too narrow for the label still shows it. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->save_status_label), text);
}

static WartaRevision *merge_with_theirs (WartaPublicationWindow *self,
                                         gint64                 *out_version,
                                         GPtrArray              *theirs_changed,
                                         GPtrArray              *both_changed);

static void
on_conflict_response_cb (WartaPublicationWindow *self,
                         const char             *response)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "reload") == 0)
    {
      self->conflict = FALSE;
      g_clear_pointer (&self->conflict_message, g_free);
      if (!load_publication (self, warta_publication_get_id (self->publication), &error))
        show_message (self, _("Activity Not Reloaded"), error->message);
      else
        {
          set_save_status (self, _("Reloaded"));
          toast (self, _("The other version is shown. Your changes were not saved."));
        }
    }
  else if (g_strcmp0 (response, "keep") == 0)
    {
      WartaPublicationRepository *repository = warta_context_get_publications (self->context);
      g_autoptr(WartaPublication) publication = NULL;
      g_autoptr(WartaRevision) merged = NULL;
      g_autoptr(GPtrArray) theirs_changed = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) both_changed = g_ptr_array_new_with_free_func (g_free);
      gint64 draft_version = 0;

      /* Their changes that mine did not touch are kept, and mine saved
       * over the rest, knowingly: what they submitted stays in the
       * history as a revision. */
      publication = warta_publication_repository_get (repository,
                                                      warta_publication_get_id (self->publication),
                                                      &error);
      if (publication != NULL)
        merged = merge_with_theirs (self, &draft_version, theirs_changed, both_changed);
      if (merged == NULL)
        {
          show_message (self, _("Activity Not Saved"),
                        error != NULL ? error->message
                                      : _("Their version cannot be read. Reload the activity."));
          return;
        }
      g_set_object (&self->publication, publication);
      self->draft_version = draft_version;
      load_revision (self, merged);
      self->conflict = FALSE;
      g_clear_pointer (&self->conflict_message, g_free);
      self->dirty = TRUE;
      if (!_warta_publication_window_save_now (self, &error) && error != NULL)
        show_message (self, _("Activity Not Saved"), error->message);
      update_state (self);
    }
}

/* -- another user's change: three ways ------------------------------------------------------ */

static JsonObject *
parse_content (const char *json)
{
  g_autoptr(JsonNode) node = json != NULL ? json_from_string (json, NULL) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node)
         ? json_object_ref (json_node_get_object (node)) : NULL;
}

static gboolean
same_member (JsonObject *a,
             JsonObject *b,
             const char *name)
{
  JsonNode *x = a != NULL ? json_object_get_member (a, name) : NULL;
  JsonNode *y = b != NULL ? json_object_get_member (b, name) : NULL;

  if (x == NULL || y == NULL)
    return x == y;
  return json_node_equal (x, y);
}

/* @object's member @name when it is an object, or NULL. */
static JsonObject *
member_object (JsonObject *object,
               const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static void
add_field_name (GPtrArray  *names,
                const char *prefix,
                const char *member)
{
  g_autofree char *field = g_strconcat (prefix, member, NULL);
  const char *name;

  if (g_str_equal (field, "media"))
    name = _("photos and videos");
  else if (g_str_equal (field, "scheduled-at"))
    name = _("the scheduled time");
  else
    name = warta_revision_field_get_display_name (field);
  g_ptr_array_add (names, g_strdup (name));
}

/* Member by member, what @mine left as in @base takes @theirs' value;
 * the captions, one member per platform, the same way. The members
 * they changed go to @theirs_changed, those both changed differently
 * to @both_changed (where mine stays). */
static void
merge_members (JsonObject *base,
               JsonObject *theirs,
               JsonObject *mine,
               JsonObject *merged,
               const char *prefix,
               GPtrArray  *theirs_changed,
               GPtrArray  *both_changed)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  JsonObject *sources[] = { mine, theirs, base };

  /* In the editor's order, so that the fields are named as it shows them. */
  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    {
      g_autoptr(GList) members = sources[i] != NULL ? json_object_get_members (sources[i]) : NULL;

      for (GList *l = members; l != NULL; l = l->next)
        if (g_hash_table_add (seen, l->data))
          g_ptr_array_add (names, l->data);
    }

  for (guint n = 0; n < names->len; n++)
    {
      const char *name = names->pdata[n];
      JsonNode *mine_value = mine != NULL ? json_object_get_member (mine, name) : NULL;
      JsonNode *their_value = theirs != NULL ? json_object_get_member (theirs, name) : NULL;
      gboolean they_changed = !same_member (base, theirs, name);
      gboolean i_changed = !same_member (base, mine, name);

      if (g_str_equal (name, "format"))
        {
          if (mine_value != NULL)
            json_object_set_member (merged, name, json_node_copy (mine_value));
          continue;
        }
      /* Captions: one platform at a time. Where only they changed some,
       * mine are the base's, and the merge takes theirs. */
      if (g_str_equal (name, "captions") && *prefix == '\0' && they_changed)
        {
          JsonObject *captions = json_object_new ();

          merge_members (member_object (base, name), member_object (theirs, name),
                         member_object (mine, name), captions, "caption:", theirs_changed,
                         both_changed);
          json_object_set_object_member (merged, name, captions);
          continue;
        }
      if (they_changed)
        add_field_name (theirs_changed, prefix, name);

      if (they_changed && i_changed && !same_member (theirs, mine, name))
        add_field_name (both_changed, prefix, name);

      if (i_changed || !they_changed)
        {
          if (mine_value != NULL)
            json_object_set_member (merged, name, json_node_copy (mine_value));
        }
      else if (their_value != NULL)
        json_object_set_member (merged, name, json_node_copy (their_value));
    }
}

/* The stored draft merged with this editor's content, from the draft the
 * editor started from; NULL when one of them cannot be read. */
static WartaRevision *
merge_with_theirs (WartaPublicationWindow  *self,
                   gint64                  *out_version,
                   GPtrArray               *theirs_changed,
                   GPtrArray               *both_changed)
{
  g_autoptr(WartaRevision) theirs = NULL;
  g_autoptr(WartaRevision) mine = NULL;
  g_autoptr(JsonObject) base_object = NULL;
  g_autoptr(JsonObject) their_object = NULL;
  g_autoptr(JsonObject) mine_object = NULL;
  g_autoptr(JsonObject) merged = json_object_new ();
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *their_json = NULL;
  g_autofree char *mine_json = NULL;
  g_autofree char *merged_json = NULL;
  WartaRevision *result;

  if (self->publication == NULL)
    return NULL;
  theirs = warta_publication_repository_get_draft (warta_context_get_publications (self->context),
                                                   warta_publication_get_id (self->publication),
                                                   out_version, NULL);
  if (theirs == NULL)
    return NULL;
  mine = build_revision (self);
  their_json = warta_revision_to_json (theirs);
  mine_json = warta_revision_to_json (mine);
  base_object = parse_content (self->base_json);
  their_object = parse_content (their_json);
  mine_object = parse_content (mine_json);
  if (base_object == NULL || their_object == NULL || mine_object == NULL)
    return NULL;

  merge_members (base_object, their_object, mine_object, merged, "", theirs_changed,
                 both_changed);
  json_node_set_object (root, merged);
  merged_json = json_to_string (root, FALSE);
  result = warta_revision_new_from_json (merged_json, NULL);
  if (result != NULL)
    warta_revision_set_publication_id (result, warta_publication_get_id (self->publication));
  return result;
}

static char *
join_names (GPtrArray *names)
{
  g_ptr_array_add (names, NULL);
  return g_strjoinv (", ", (char **) names->pdata);
}

static void
show_conflict (WartaPublicationWindow *self,
               const char             *message)
{
  g_autoptr(GPtrArray) theirs_changed = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) both_changed = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(WartaRevision) merged = merge_with_theirs (self, NULL, theirs_changed, both_changed);
  g_autoptr(GString) body = g_string_new (message);
  gboolean overlap = both_changed->len > 0;
  GtkWidget *dialog;

  self->conflict = TRUE;
  if (message != self->conflict_message)
    {
      g_free (self->conflict_message);
      self->conflict_message = g_strdup (message);
    }
  set_save_status (self, _("Not saved: changed by someone else"));

  if (theirs_changed->len > 0)
    {
      g_autofree char *names = join_names (theirs_changed);

      g_string_append (body, "\n\n");
      /* Translators: %s lists fields, "Title, Facebook post" */
      g_string_append_printf (body, _("They changed: %s."), names);
    }
  if (overlap)
    {
      g_autofree char *names = join_names (both_changed);

      g_string_append (body, "\n");
      /* Translators: %s lists fields, "Title, Facebook post" */
      g_string_append_printf (body, _("You both changed: %s."), names);
    }
  g_string_append (body, "\n\n");
  g_string_append (body, merged == NULL
                         ? _("Reload shows their version and drops your changes since the last save. Keep Mine saves yours over theirs.")
                         : overlap
                         ? _("Reload shows their version and drops your changes since the last save. Keep Mine saves yours where you both changed the same thing, and keeps their other changes.")
                         : _("Keep Both saves your changes together with theirs. Reload shows their version and drops your changes since the last save."));

  dialog = warta_message_dialog_new (GTK_WINDOW (self), _("Someone Else Changed This Activity"),
                                     body->str);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "later", _("_Decide Later"),
                                    "reload", _("_Reload"),
                                    "keep", merged != NULL && !overlap ? _("_Keep Both")
                                                                       : _("_Keep Mine"),
                                    NULL);
  /* Keeping mine over theirs replaces a colleague's work: never the easy
   * choice. Keeping both loses nothing. */
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "keep",
                                              merged != NULL && !overlap
                                              ? ADW_RESPONSE_SUGGESTED
                                              : ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "later");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "later");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_conflict_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

gboolean
_warta_publication_window_save_now (WartaPublicationWindow  *self,
                                    GError                 **error)
{
  WartaPublicationRepository *repository;
  g_autoptr(WartaPublication) publication = NULL;
  g_autoptr(WartaRevision) draft = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *status = NULL;
  g_autofree char *time = NULL;
  gint64 draft_version = 0;
  WartaClock *clock;
  WartaUser *user;

  g_return_val_if_fail (WARTA_IS_PUBLICATION_WINDOW (self), FALSE);

  g_clear_handle_id (&self->save_source, g_source_remove);

  if (!self->dirty)
    return TRUE;

  if (self->conflict)
    {
      g_set_error_literal (error, WARTA_DB_ERROR, WARTA_DB_ERROR_CONFLICT,
                           _("Someone else changed this activity: choose Reload or Keep Mine first."));
      return FALSE;
    }

  if ((user = current_user (self)) == NULL)
    {
      g_set_error_literal (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_FORBIDDEN,
                           _("Sign in to save your changes."));
      return FALSE;
    }

  repository = warta_context_get_publications (self->context);
  draft = build_revision (self);
  set_save_status (self, _("Saving…"));

  if (self->publication == NULL)
    {
      /* The first content is revision 1; the draft starts from it. */
      publication = warta_publication_repository_create (repository, user, draft, &local_error);
      draft_version = 0;
    }
  else
    publication = warta_publication_repository_save_draft (repository, user,
                                                           warta_publication_get_id (self->publication),
                                                           warta_publication_get_version (self->publication),
                                                           self->draft_version, draft,
                                                           &draft_version, &local_error);

  if (publication == NULL)
    {
      if (g_error_matches (local_error, WARTA_DB_ERROR, WARTA_DB_ERROR_CONFLICT))
        {
          if (!self->closing)
            show_conflict (self, local_error->message);
        }
      else
        {
          set_save_status (self, _("Not saved"));
          /* Say it once, not at every keystroke. */
          if (g_strcmp0 (self->last_error, local_error->message) != 0 && !self->closing)
            {
              g_free (self->last_error);
              self->last_error = g_strdup (local_error->message);
              show_message (self, _("Activity Not Saved"), local_error->message);
            }
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  g_clear_pointer (&self->last_error, g_free);
  self->dirty = FALSE;
  self->draft_version = draft_version;
  g_free (self->base_json);
  self->base_json = warta_revision_to_json (draft);
  if (self->publication == NULL)
    {
      g_set_object (&self->publication, publication);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PUBLICATION_ID]);
    }
  else
    g_set_object (&self->publication, publication);

  clock = warta_context_get_clock (self->context);
  time = warta_format_time_of_day (warta_clock_get_time_zone (clock), warta_clock_now (clock));
  /* Translators: %s is a time, "09:30" */
  status = g_strdup_printf (_("Saved at %s"), time);
  set_save_status (self, status);
  update_state (self);

  return TRUE;
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  WartaPublicationWindow *self = WARTA_PUBLICATION_WINDOW (user_data);

  self->save_source = 0;
  _warta_publication_window_save_now (self, NULL);

  return G_SOURCE_REMOVE;
}

static void
schedule_save (WartaPublicationWindow *self)
{
  if (self->loading || !self->editable)
    return;

  self->dirty = TRUE;
  set_save_status (self, _("Edited"));
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

/* -- state and submitting ---------------------------------------------------- */

static char **
list_missing_labels (WartaPublicationWindow *self)
{
  const struct { AdwEntryRow *row; const char *name; } fields[] = {
    { self->what_row, N_("What") }, { self->who_row, N_("Who") }, { NULL, N_("When") },
    { self->where_row, N_("Where") }, { self->why_row, N_("Why") }, { self->how_row, N_("How") },
  };
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      gboolean filled = fields[i].row != NULL ? has_text (row_text (fields[i].row))
                                              : (self->when != NULL || has_text (self->when_text));

      if (!filled)
        g_strv_builder_add (builder, _(fields[i].name));
    }

  return g_strv_builder_end (builder);
}

static void
update_missing (WartaPublicationWindow *self)
{
  g_auto(GStrv) missing = list_missing_labels (self);
  g_autofree char *joined = NULL;
  g_autofree char *text = NULL;

  gtk_widget_remove_css_class (GTK_WIDGET (self->missing_label), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->missing_label), "warning");

  if (missing[0] == NULL)
    {
      gtk_label_set_label (self->missing_label, _("All six elements of 5W+1H are filled in."));
      gtk_widget_add_css_class (GTK_WIDGET (self->missing_label), "success");
      return;
    }

  joined = g_strjoinv (", ", missing);
  /* Translators: %u is a number (1-6), %s a list like "Who, When" */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u of 6 elements missing: %s",
                                       "%u of 6 elements missing: %s",
                                       g_strv_length (missing)),
                          g_strv_length (missing), joined);
  gtk_label_set_label (self->missing_label, text);
  gtk_widget_add_css_class (GTK_WIDGET (self->missing_label), "warning");
}

/* The media rules a post to @spec's platform breaks (warta-media-rules),
 * counting the files chosen for it; NULL when nothing is posted there
 * (its caption is empty). */
static GArray *
check_platform_media (WartaPublicationWindow *self,
                      const PreviewSpec      *spec)
{
  WartaCaptionEditor *body = find_caption_editor (self, spec->body);
  guint n_photos = 0, n_videos = 0;

  if (body == NULL || warta_caption_editor_get_result (body) == NULL)
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->media)); i++)
    {
      g_autoptr(WartaMediaItem) item = g_list_model_get_item (G_LIST_MODEL (self->media), i);

      if (!warta_media_item_get_posted_to (item, spec->platform))
        continue;
      if (media_is_photo (item))
        n_photos++;
      else
        n_videos++;
    }
  return warta_media_rules_check (spec->platform, n_photos, n_videos, 0);
}

/* Why the content concept cannot go to verification, one reason a line;
 * @with_media: the platforms' media rules too (a preview shows only its
 * own platform's). */
static GPtrArray *
list_blockers (WartaPublicationWindow *self,
               gboolean                with_media)
{
  GPtrArray *reasons = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(WartaRevision) concept = build_revision (self);
  g_auto(GStrv) gaps = warta_revision_list_concept_gaps (concept);
  guint n_alt = 0, n_consent = 0;

  if (self->n_pending > 0)
    g_ptr_array_add (reasons, g_strdup (_("Photos and videos are still being checked.")));
  /* A missing file is no blocker here: the submit asks each file again,
   * so that one put back where it was is seen. */

  /* What the repository would refuse: said before the button is pressed. */
  for (guint i = 0; gaps[i] != NULL; i++)
    g_ptr_array_add (reasons, g_strdup (gaps[i]));

  for (guint i = 0; i < self->caption_editors->len; i++)
    {
      WartaCaptionEditor *editor = g_ptr_array_index (self->caption_editors, i);
      WartaCaptionResult *result = warta_caption_editor_get_result (editor);

      if (result == NULL || !warta_caption_result_is_blocking (result))
        continue;

      for (guint k = 0; k < warta_caption_result_get_n_problems (result); k++)
        {
          const WartaCaptionProblem *problem = warta_caption_result_get_problem (result, k);

          if (problem->severity == WARTA_CAPTION_SEVERITY_HARD)
            g_ptr_array_add (reasons, g_strdup_printf ("%s: %s",
                                                       warta_caption_target_get_name (warta_caption_editor_get_target (editor)),
                                                       problem->message));
        }
    }

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->media)); i++)
    {
      g_autoptr(WartaMediaItem) item = g_list_model_get_item (G_LIST_MODEL (self->media), i);

      if (media_is_photo (item) && !has_text (warta_media_item_get_alt_text (item)))
        n_alt++;
      /* A child: a recorded guardian consent, or the face blurred in the
       * rendition (photos only: a video cannot be blurred here). */
      if (warta_media_item_get_minor (item) && !has_text (warta_media_item_get_consent (item)) &&
          !(media_is_photo (item) && warta_media_item_get_n_blur_regions (item) > 0))
        n_consent++;
    }

  for (guint i = 0; with_media && i < G_N_ELEMENTS (preview_specs); i++)
    {
      g_autoptr(GArray) problems = check_platform_media (self, &preview_specs[i]);

      for (guint k = 0; problems != NULL && k < problems->len; k++)
        {
          const WartaMediaProblem *problem = &g_array_index (problems, WartaMediaProblem, k);

          if (warta_media_rules_is_blocking (problem->rule))
            g_ptr_array_add (reasons, g_strdup (problem->message));
        }
    }

  if (n_alt > 0)
    g_ptr_array_add (reasons,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%u photo has no alt text: describe what it shows.",
                                                   "%u photos have no alt text: describe what they show.",
                                                   n_alt), n_alt));
  if (n_consent > 0)
    g_ptr_array_add (reasons,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%u photo or video shows a child with neither a recorded guardian consent nor a blurred face: record the consent, or blur the face with Blur and Crop.",
                                                   "%u photos or videos show a child with neither a recorded guardian consent nor a blurred face: record the consent, or blur the face with Blur and Crop.",
                                                   n_consent), n_consent));

  return reasons;
}

/* The activity's title is the YouTube title and the website's: YouTube
 * takes at most 100 characters, the strictest of its uses. */
static gint64
title_limit (void)
{
  return warta_caption_target_get_limits (WARTA_CAPTION_TARGET_YOUTUBE_TITLE)->limit;
}

static gboolean
title_too_long (WartaPublicationWindow *self)
{
  return warta_caption_count_characters (row_text (self->title_row)) > title_limit ();
}

/* The title's counter, and what to do when it is over: what was typed or
 * pasted stays whole, for the author to shorten. */
static void
update_title_counter (WartaPublicationWindow *self)
{
  gint64 n = warta_caption_count_characters (row_text (self->title_row));
  g_autofree char *counter = g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT, n,
                                              title_limit ());

  gtk_label_set_label (self->title_counter, counter);
  if (n > title_limit ())
    {
      g_autofree char *problem =
        g_strdup_printf (_("The title has %d characters. Shorten it to %d or fewer: it is also "
                           "the YouTube title."), (int) n, (int) title_limit ());

      gtk_widget_add_css_class (GTK_WIDGET (self->title_counter), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->title_counter), "dim-label");
      adw_preferences_group_set_description (self->title_group, problem);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->title_counter), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->title_counter), "dim-label");
      adw_preferences_group_set_description (self->title_group, NULL);
    }
}

/* The submit button's tooltip: the whole label where the short one
 * stands for it, and what keeps it off. */
static void
update_submit_tooltip (WartaPublicationWindow *self)
{
  gboolean short_shown = adw_squeezer_get_visible_child (self->submit_squeezer) ==
                         GTK_WIDGET (self->submit_short_label);
  g_autofree char *tooltip = NULL;

  if (short_shown && self->submit_blockers != NULL)
    tooltip = g_strdup_printf ("%s\n%s", gtk_label_get_label (self->submit_label), self->submit_blockers);
  else if (short_shown)
    tooltip = g_strdup (gtk_label_get_label (self->submit_label));
  else
    tooltip = g_strdup (self->submit_blockers);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->submit_button), tooltip);
}

static void
on_submit_squeezer_notify_visible_child_cb (WartaPublicationWindow *self)
{
  update_submit_tooltip (self);
}

static void set_submit_label (WartaPublicationWindow *self,
                              const char             *label);

static void
update_submit (WartaPublicationWindow *self)
{
  WartaState state = current_state (self);
  gboolean enabled = FALSE;

  if (state == WARTA_STATE_PROCESSING)
    {
      g_autoptr(GPtrArray) reasons = list_blockers (self, TRUE);
      g_autoptr(GString) text = g_string_new (NULL);

      for (guint i = 0; i < reasons->len; i++)
        g_string_append_printf (text, "%s• %s", i > 0 ? "\n" : "",
                                (const char *)g_ptr_array_index (reasons, i));

      gtk_label_set_label (self->blockers_label, text->str);
      gtk_widget_set_visible (GTK_WIDGET (self->blockers_label), reasons->len > 0);
      enabled = self->editable && reasons->len == 0;
      g_free (self->submit_blockers);
      self->submit_blockers = reasons->len > 0 ? g_strdup (text->str) : NULL;
    }
  else
    {
      gtk_widget_set_visible (GTK_WIDGET (self->blockers_label), FALSE);
      enabled = state == WARTA_STATE_DOCUMENTING && self->editable && self->n_pending == 0 &&
                !title_too_long (self);
      g_free (self->submit_blockers);
      self->submit_blockers = self->n_pending > 0 ? g_strdup (_("Photos and videos are still being checked."))
                                                  : NULL;
    }

  /* Submit pressed: the files are being asked about (check_media_present()). */
  if (self->checking_files)
    {
      enabled = FALSE;
      g_free (self->submit_blockers);
      self->submit_blockers = g_strdup (_("Checking that the photos and videos are still in "
                                          "their places…"));
    }
  if (state == WARTA_STATE_DOCUMENTING || state == WARTA_STATE_PROCESSING)
    {
      gtk_label_set_label (self->submit_short_label,
                           self->checking_files
                           ? _("Checking Files…")
                           : C_("short label of the header's submit button", "Submit"));
      set_submit_label (self, self->checking_files ? _("Checking Files…")
                              : state == WARTA_STATE_DOCUMENTING ? _("Submit to Social Media Admin")
                              : _("Submit for Verification"));
    }
  update_submit_tooltip (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pub.submit", enabled);
}

/* -- publishing (step 5) --------------------------------------------------------------------- */

static gboolean
state_is_publishing (WartaState state)
{
  return state == WARTA_STATE_APPROVED || state == WARTA_STATE_PUBLISHING ||
         state == WARTA_STATE_PUBLISHED || state == WARTA_STATE_PARTIALLY_PUBLISHED ||
         state == WARTA_STATE_FAILED;
}

/* The publish page is there for approved publications and later. */
static void
update_publish_page (WartaPublicationWindow *self)
{
  gboolean shown;

  if (self->publish_view == NULL)
    return;
  shown = self->publication != NULL && state_is_publishing (warta_publication_get_state (self->publication));
  adw_view_stack_page_set_visible (self->publish_page, shown);
  if (shown && warta_publish_view_get_publication (self->publish_view) != self->publication)
    warta_publish_view_set_publication (self->publish_view, self->publication);
}

static void
on_publish_view_publication_changed_cb (WartaPublicationWindow *self,
                                        WartaPublication       *publication)
{
  g_autoptr(GError) error = NULL;

  if (self->dirty || self->publication == NULL)
    return;
  if (!load_publication (self, warta_publication_get_id (publication), &error))
    show_message (self, _("Activity Not Reloaded"), error->message);
}

/* The whole label, on one line: where the header has no room for it, the
 * button's squeezer shows the short one ("Submit") instead, and the
 * whole label goes into the tooltip. A screen reader reads the whole. */
static void
set_submit_label (WartaPublicationWindow *self,
                  const char             *label)
{
  gtk_label_set_label (self->submit_label, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->submit_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  update_submit_tooltip (self);
}

/* Over the greyed-out tabs only: the Review tab has its own words, and
 * a narrow window needs the room there for the decisions. */
static void
update_read_only_visible (WartaPublicationWindow *self)
{
  const char *page = adw_view_stack_get_visible_child_name (self->view_stack);

  gtk_widget_set_visible (GTK_WIDGET (self->read_only_label),
                          self->publication != NULL &&
                          gtk_label_get_label (self->read_only_label)[0] != '\0' &&
                          (g_strcmp0 (page, "documentation") == 0 ||
                           g_strcmp0 (page, "concept") == 0));
}

/* The greyed-out fields say nothing by themselves: whoever may not
 * change them now is told who does, and what is theirs to do, in their
 * role's terms (the refusal's own "write a correction note" is for the
 * step's reviewer only). */
static void
update_read_only_label (WartaPublicationWindow *self,
                        WartaState              state,
                        WartaUser              *user,
                        const GError           *not_editable)
{
  g_autofree char *text = NULL;

  if (g_error_matches (not_editable, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_FORBIDDEN))
    {
      const char *role = warta_context_get_role_name (self->context,
                                                      state == WARTA_STATE_DOCUMENTING
                                                      ? WARTA_ROLE_ACTIVITY_OFFICER
                                                      : WARTA_ROLE_SOCIAL_MEDIA_ADMIN);

      if (warta_workflow_check_note (state, warta_user_get_roles (user), NULL))
        /* Translators: %s is a role, "Admin Medsos" */
        text = g_strdup_printf (_("Only a user with the role “%s” changes the activity now. Write your corrections as notes on the Review tab."),
                                role);
      else
        /* Translators: %s is a role, "Admin Medsos" */
        text = g_strdup_printf (_("Only a user with the role “%s” changes the activity now. You can read it here."),
                                role);
    }
  else if (not_editable != NULL)
    {
      text = g_strdup (not_editable->message);
    }

  gtk_label_set_label (self->read_only_label, text != NULL ? text : "");
  update_read_only_visible (self);
}

static void
update_state (WartaPublicationWindow *self)
{
  WartaState state = current_state (self);
  WartaUser *user = current_user (self);
  gboolean editable = FALSE;
  const char *title = NULL;
  g_autoptr(GError) not_editable = NULL;

  if (user != NULL)
    editable = warta_workflow_check_edit (state, warta_user_get_roles (user), NULL, NULL,
                                          &not_editable);

  self->editable = editable;
  update_read_only_label (self, state, user, not_editable);
  gtk_widget_set_sensitive (self->documentation_box, editable);
  gtk_widget_set_sensitive (self->concept_box, editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pub.add-media", editable);

  gtk_stack_set_visible_child_name (self->main_stack, user != NULL ? "editor" : "sign-in");

  switch (state)
    {
    case WARTA_STATE_DOCUMENTING:
    case WARTA_STATE_PROCESSING:
      /* Its label: update_submit()'s. */
      gtk_widget_set_visible (GTK_WIDGET (self->submit_button), TRUE);
      break;

    case WARTA_STATE_VERIFYING:
    case WARTA_STATE_APPROVING:
    case WARTA_STATE_APPROVED:
    case WARTA_STATE_PUBLISHING:
    case WARTA_STATE_PUBLISHED:
    case WARTA_STATE_PARTIALLY_PUBLISHED:
    case WARTA_STATE_FAILED:
    case WARTA_STATE_WITHDRAWN:
    case WARTA_N_STATES:
    default:
      gtk_widget_set_visible (GTK_WIDGET (self->submit_button), FALSE);
      break;
    }

  if (self->publication != NULL)
    title = warta_publication_get_title (self->publication);
  if (has_text (row_text (self->title_row)))
    title = row_text (self->title_row);
  /* The header lays out the whole title at each keystroke: a pasted page
   * of text shows as its start. */
  if (has_text (title) && warta_caption_count_characters (title) > title_limit ())
    {
      g_autofree char *start = g_utf8_substring (title, 0, title_limit ());
      g_autofree char *shown = g_strconcat (start, "…", NULL);

      gtk_window_set_title (GTK_WINDOW (self), shown);
    }
  else
    gtk_window_set_title (GTK_WINDOW (self), has_text (title) ? title : _("New Activity"));
  adw_view_switcher_title_set_subtitle (self->switcher_title,
                                        warta_state_get_display_name (state));

  update_submit (self);
  update_publish_page (self);
}

static gboolean
do_transition (WartaPublicationWindow *self,
               WartaState              to)
{
  g_autoptr(WartaPublication) publication = NULL;
  g_autoptr(GError) error = NULL;

  if (self->publication == NULL)
    {
      show_message (self, _("Nothing to Submit"),
                    _("Write at least the title or one field of the activity first."));
      return FALSE;
    }

  /* What this editor shows, and nothing someone else saved meanwhile. */
  publication = warta_publication_repository_submit_draft (warta_context_get_publications (self->context),
                                                           current_user (self),
                                                           warta_publication_get_id (self->publication),
                                                           warta_publication_get_version (self->publication),
                                                           self->draft_version, to, &error);
  if (publication == NULL)
    {
      if (g_error_matches (error, WARTA_DB_ERROR, WARTA_DB_ERROR_CONFLICT))
        show_conflict (self, error->message);
      else
        show_message (self, _("Not Submitted"), error->message);
      return FALSE;
    }

  g_set_object (&self->publication, publication);
  update_state (self);

  if (to == WARTA_STATE_PROCESSING)
    {
      toast (self, _("Submitted to the social media admin"));
      adw_view_stack_set_visible_child_name (self->view_stack, "concept");
    }
  else
    toast (self, _("Submitted for verification"));
  return TRUE;
}

/* The correction notes still open on the publication. */
static GPtrArray *
list_open_notes (WartaPublicationWindow *self)
{
  GPtrArray *open = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListModel) notes = NULL;

  if (self->publication == NULL)
    return open;
  notes = warta_publication_repository_list_notes (warta_context_get_publications (self->context),
                                                   warta_publication_get_id (self->publication),
                                                   NULL);
  for (guint i = 0; notes != NULL && i < g_list_model_get_n_items (notes); i++)
    {
      g_autoptr(WartaCorrectionNote) note = g_list_model_get_item (notes, i);

      if (warta_correction_note_get_status (note) == WARTA_NOTE_STATUS_OPEN)
        g_ptr_array_add (open, g_steal_pointer (&note));
    }

  return open;
}

/* Marks @notes as done in the revision the submit made; a note written on
 * that very revision (nothing changed since) stays open. */
static void
resolve_notes (WartaPublicationWindow *self,
               GPtrArray              *notes)
{
  WartaPublicationRepository *repository = warta_context_get_publications (self->context);
  gint64 revision_id = warta_publication_get_current_revision_id (self->publication);

  for (guint i = 0; i < notes->len; i++)
    {
      WartaCorrectionNote *note = g_ptr_array_index (notes, i);
      g_autoptr(WartaCorrectionNote) done = NULL;
      g_autoptr(GError) error = NULL;

      if (warta_correction_note_get_revision_id (note) >= revision_id)
        continue;
      done = warta_publication_repository_resolve_note (repository, current_user (self),
                                                        warta_correction_note_get_id (note),
                                                        warta_correction_note_get_version (note),
                                                        &error);
      if (done == NULL)
        {
          show_message (self, _("Corrections Not Marked as Done"), error->message);
          return;
        }
    }
}

static void
on_open_notes_response_cb (WartaPublicationWindow *self,
                           const char             *response)
{
  g_autoptr(GPtrArray) notes = NULL;

  if (g_strcmp0 (response, "cancel") == 0)
    return;

  notes = list_open_notes (self);
  if (do_transition (self, WARTA_STATE_VERIFYING) && g_strcmp0 (response, "done") == 0)
    resolve_notes (self, notes);
}

/* The content goes back to verification with correction notes still
 * open: the social media admin says whether it now follows them, so the
 * verifier finds them marked as done, or open. */
static gboolean
ask_about_open_notes (WartaPublicationWindow *self)
{
  g_autoptr(GPtrArray) notes = list_open_notes (self);
  GtkWidget *dialog;

  if (notes->len == 0)
    return FALSE;

  dialog = warta_message_dialog_new (GTK_WINDOW (self), _("Mark the Corrections as Done?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  g_dngettext (GETTEXT_PACKAGE,
                                               "%u correction note is still open. If the content now follows it, mark it as done as you submit: the verifier then confirms it or opens it again.",
                                               "%u correction notes are still open. If the content now follows them, mark them as done as you submit: the verifier then confirms them or opens them again.",
                                               notes->len),
                                  notes->len);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "open", _("Submit, Leave _Open"),
                                    "done", _("_Mark as Done and Submit"),
                                    NULL);
  warta_message_dialog_ask (dialog, "done", ADW_RESPONSE_SUGGESTED, "done",
                            G_CALLBACK (on_open_notes_response_cb), self);
  return TRUE;
}

static void
on_missing_response_cb (WartaPublicationWindow *self,
                        const char             *response)
{
  if (g_strcmp0 (response, "submit") == 0)
    do_transition (self, WARTA_STATE_PROCESSING);
}

/* Ctrl+?, as in the main window: the editor's shortcuts for those who
 * write in it (as the main window's list follows the role) and the
 * application's, without the main window's own. This is no application
 * window, which would have the help overlay on its own. */
static void
show_shortcuts_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  g_autoptr(GtkBuilder) builder =
    gtk_builder_new_from_resource ("/io/github/wartadesk/Warta/gtk/help-overlay.ui");
  GtkWindow *shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));

  warta_shortcuts_for_editor (GTK_WIDGET (shortcuts));
  warta_shortcuts_follow_user (GTK_WIDGET (shortcuts),
                               current_user (WARTA_PUBLICATION_WINDOW (widget)));
  gtk_window_set_transient_for (shortcuts, GTK_WINDOW (widget));
  gtk_window_present (shortcuts);
}

static void
submit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  WartaPublicationWindow *self = WARTA_PUBLICATION_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (self->conflict)
    {
      show_conflict (self, self->conflict_message);
      return;
    }
  if (!_warta_publication_window_save_now (self, &error))
    {
      if (!g_error_matches (error, WARTA_DB_ERROR, WARTA_DB_ERROR_CONFLICT))
        show_message (self, _("Not Submitted"), error->message);
      return;
    }

  /* A file moved or deleted since it was added would be missed only when
   * publishing, by someone else; said now, to who has it. Asked on the
   * pool; submit_checked() goes on. */
  check_media_present (self);
}

/* Submit, once each file was asked about: @gone, what to do about those
 * missing (@n_gone), or NULL. */
static void
submit_checked (WartaPublicationWindow *self,
                guint                   n_gone,
                const char             *gone)
{
  WartaState state = current_state (self);

  if (gone != NULL)
    {
      /* A whole folder moved or renamed. */
      g_autofree char *summary =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%u photo or video is no longer as it was added:",
                                      "%u photos or videos are no longer as they were added:",
                                      n_gone),
                         n_gone);

      show_reasons (self, _("Photos or Videos Missing"), summary, n_gone, gone);
      return;
    }

  if (state == WARTA_STATE_DOCUMENTING)
    {
      g_auto(GStrv) missing = list_missing_labels (self);

      /* Nothing written: said at once, not after asking about 5W+1H. */
      if (self->publication == NULL)
        {
          do_transition (self, WARTA_STATE_PROCESSING);
          return;
        }
      if (missing[0] != NULL)
        {
          g_autofree char *joined = g_strjoinv (", ", missing);
          GtkWidget *dialog;

          dialog = warta_message_dialog_new (GTK_WINDOW (self), _("Submit Without All of 5W+1H?"), NULL);
          /* Translators: %s is a list like "Who, When" */
          adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                          _("Still empty: %s. The social media admin needs all six elements to write the news; you can submit now and add them when the activity is returned."),
                                          joined);
          adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                            "cancel", _("_Cancel"),
                                            "submit", _("_Submit Anyway"),
                                            NULL);
          adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
          adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
          g_signal_connect_object (dialog, "response", G_CALLBACK (on_missing_response_cb),
                                   self, G_CONNECT_SWAPPED);
          gtk_window_present (GTK_WINDOW (dialog));
          return;
        }

      do_transition (self, WARTA_STATE_PROCESSING);
    }
  else if (state == WARTA_STATE_PROCESSING)
    {
      g_autoptr(GPtrArray) reasons = list_blockers (self, TRUE);

      if (reasons->len > 0)
        {
          show_message (self, _("Not Submitted"), g_ptr_array_index (reasons, 0));
          return;
        }

      if (!ask_about_open_notes (self))
        do_transition (self, WARTA_STATE_VERIFYING);
    }
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  WartaPublicationWindow *self = WARTA_PUBLICATION_WINDOW (widget);

  /* A conflict left for later is decided now: nothing saves before. */
  if (self->conflict)
    {
      show_conflict (self, self->conflict_message);
      return;
    }
  if (!self->dirty)
    {
      set_save_status (self, _("No changes to save"));
      return;
    }
  _warta_publication_window_save_now (self, NULL);
}

/* -- media ------------------------------------------------------------------- */

typedef struct
{
  GFile            *file;
  WartaMediaProbe  *probe;
  WartaThumbnailer *thumbnailer;
  gboolean          existing;   /* already in the revision: checked it is there, thumbnailed */
  char      *kind;
  char      *sha256;
  int        width;
  int        height;
  gint64     duration_us;
  guint64    size;
  GdkPixbuf *thumbnail;
} MediaJob;

static void
media_job_free (MediaJob *job)
{
  g_clear_object (&job->file);
  g_clear_object (&job->probe);
  g_clear_object (&job->thumbnailer);
  g_clear_pointer (&job->kind, g_free);
  g_clear_pointer (&job->sha256, g_free);
  g_clear_object (&job->thumbnail);
  g_free (job);
}

/* Runs in a worker thread: src/media probes the file (what it really is,
 * its size, its hash; bad files get a message that says what to do) and
 * makes its thumbnail, from the disk cache when it has been seen before. */
static void
media_job_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  MediaJob *job = task_data;
  g_autoptr(WartaMediaInfo) info = NULL;
  GError *error = NULL;

  /* The thumbnail may come from the cache: the file itself is asked
   * whether it is still the one that was added. */
  if (job->existing &&
      !warta_media_probe_check_present (job->probe, job->file, job->size, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  if (!job->existing)
    {
      info = warta_media_probe_file (job->probe, job->file, cancellable, &error);
      if (info == NULL)
        {
          g_task_return_error (task, error);
          return;
        }

      job->kind = g_strdup (warta_media_kind_to_string (warta_media_info_get_kind (info)));
      job->sha256 = g_strdup (warta_media_info_get_sha256 (info));
      job->width = warta_media_info_get_width (info);
      job->duration_us = warta_media_info_get_duration_us (info);
      job->size = warta_media_info_get_size (info);
      job->height = warta_media_info_get_height (info);
    }

  job->thumbnail = warta_thumbnailer_load (job->thumbnailer, job->file, job->sha256,
                                           THUMBNAIL_SIZE, NULL, cancellable, &error);
  if (job->thumbnail == NULL)
    {
      /* A video whose frame cannot be taken still goes: the grid shows
       * an icon. A photo that cannot be decoded does not. */
      if (g_strcmp0 (job->kind, "video") != 0 || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, error);
          return;
        }
      g_clear_error (&error);
    }

  g_task_return_boolean (task, TRUE);
}

static void refresh_order_row (WartaPublicationWindow *self,
                               guint                   position);
static void update_media_cell (GtkListItem *list_item);
static void update_details (WartaPublicationWindow *self);

static void
replace_media_item (WartaPublicationWindow *self,
                    WartaMediaItem         *item)
{
  guint position;

  /* Its grid cell (when it has one: the grid makes those it shows) and
   * its order row are brought up to date where they are. Splicing it in
   * again would make the row again and have the grid look at every cell,
   * the main cost of a photo coming in. */
  if (g_list_store_find (self->media, item, &position))
    {
      GtkListItem *cell = g_object_get_data (G_OBJECT (item), "warta-cell");

      if (cell != NULL)
        update_media_cell (cell);
      refresh_order_row (self, position);
      if (gtk_single_selection_get_selected_item (self->media_selection) == (gpointer) item)
        update_details (self);
    }
}

static void
remove_media_item (WartaPublicationWindow *self,
                   WartaMediaItem         *item)
{
  guint position;

  if (g_list_store_find (self->media, item, &position))
    g_list_store_remove (self->media, position);
}

static void
set_thumbnail (WartaMediaItem *item,
               GdkPixbuf      *thumbnail)
{
  if (thumbnail == NULL)
    return;
  g_object_set_data_full (G_OBJECT (item), "warta-thumbnail",
                          gdk_texture_new_for_pixbuf (thumbnail), g_object_unref);
  /* The platform previews cut their crop out of it. */
  g_object_set_data_full (G_OBJECT (item), "warta-thumbnail-pixbuf",
                          g_object_ref (thumbnail), g_object_unref);
}

/* (transfer none) */
static WartaMediaItem *
find_media_with_hash (WartaPublicationWindow *self,
                      WartaMediaItem         *except,
                      const char             *sha256)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->media)); i++)
    {
      g_autoptr(WartaMediaItem) item = g_list_model_get_item (G_LIST_MODEL (self->media), i);

      if (item != except && g_strcmp0 (warta_media_item_get_sha256 (item), sha256) == 0)
        return item;
    }

  return NULL;
}

/* One finished check shown: the item filled in, refused, or found again.
 * The submit button and the preview are brought up to date by the caller,
 * once for all it shows. */
static void
apply_media_job (WartaPublicationWindow *self,
                 GTask                  *result)
{
  WartaMediaItem *item = g_object_get_data (G_OBJECT (result), "warta-media");
  MediaJob *job = g_task_get_task_data (result);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = media_display_name (item);
  WartaMediaItem *same;

  self->n_pending--;
  g_object_set_data (G_OBJECT (item), "warta-pending", NULL);

  if (!g_task_propagate_boolean (result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      if (job->existing)
        {
          /* In the revision already: keep it, say what became of the file. */
          g_object_set_data_full (G_OBJECT (item), "warta-broken", g_strdup (error->message),
                                  g_free);
          replace_media_item (self, item);
        }
      else
        {
          remove_media_item (self, item);
          toast_file_refused (self, name, error->message);
        }
    }
  else if (!job->existing && (same = find_media_with_hash (self, item, job->sha256)) != NULL)
    {
      g_autofree char *message = NULL;

      remove_media_item (self, item);
      if (g_object_get_data (G_OBJECT (same), "warta-broken") != NULL)
        {
          /* The missing file found where it was moved to: the photo
           * keeps its place, alt text, crop and flags. */
          warta_media_item_set_path (same, warta_media_item_get_path (item));
          g_object_set_data (G_OBJECT (same), "warta-broken", NULL);
          set_thumbnail (same, job->thumbnail);
          replace_media_item (self, same);
          schedule_save (self);
          /* Translators: %s is a file name */
          message = g_strdup_printf (_("“%s” found again: its description and settings are kept."),
                                     name);
        }
      else
        /* Translators: %s is a file name */
        message = g_strdup_printf (_("%s was not added: it is already in this activity."), name);
      toast (self, message);
    }
  else
    {
      set_thumbnail (item, job->thumbnail);
      if (!job->existing)
        {
          warta_media_item_set_kind (item, job->kind);
          warta_media_item_set_sha256 (item, job->sha256);
          warta_media_item_set_width (item, job->width);
          warta_media_item_set_height (item, job->height);
          warta_media_item_set_duration_us (item, job->duration_us);
          warta_media_item_set_size (item, job->size);
        }
      replace_media_item (self, item);
      if (!job->existing)
        schedule_save (self);
    }
}

/* Shows the checks that came in, in the order they came, for at most
 * MEDIA_APPLY_BUDGET_US of this main-loop turn: a hundred photos whose
 * thumbnails were cached all come in together, and the window still draws
 * between them. Or all of them, when the window is closing. */
static void
apply_finished_media (WartaPublicationWindow *self,
                      gint64                  budget_us)
{
  gint64 start = g_get_monotonic_time ();
  guint n = 0;
  GTask *task;

  while ((n == 0 || budget_us < 0 || g_get_monotonic_time () - start < budget_us) &&
         (task = g_queue_pop_head (&self->finished)) != NULL)
    {
      apply_media_job (self, task);
      g_object_unref (task);
      n++;
    }
  if (n == 0)
    return;

  if (self->n_pending == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
  update_submit (self);
  /* The preview is made again whole (its crop of the cover photo): once
   * the checks that came together are all shown, not after each turn. */
  if (g_queue_is_empty (&self->finished))
    update_preview (self);
}

static gboolean
apply_finished_media_cb (gpointer user_data)
{
  /* The tasks hold the window: the last one shown may be its last hold. */
  g_autoptr(WartaPublicationWindow) self = g_object_ref (user_data);

  apply_finished_media (self, MEDIA_APPLY_BUDGET_US);
  if (self->media == NULL)
    return G_SOURCE_REMOVE;     /* disposed meanwhile: the source is gone */
  if (g_queue_is_empty (&self->finished))
    {
      self->finished_source = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
media_job_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  WartaPublicationWindow *self = WARTA_PUBLICATION_WINDOW (source);

  /* The window is gone: nothing to show it in. */
  if (self->media == NULL)
    return;

  g_queue_push_tail (&self->finished, g_object_ref (result));
  /* After the frame is drawn and input is handled, not before. */
  if (self->finished_source == 0)
    self->finished_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, apply_finished_media_cb,
                                             self, NULL);
}

/* One file of the activity, asked about on the pool. */
typedef struct
{
  WartaMediaItem *item;
  GFile          *file;
  guint64         size;
  char           *gone;   /* what became of it, or NULL */
} PresentCheck;

static void
present_check_free (PresentCheck *c)
{
  g_object_unref (c->item);
  g_object_unref (c->file);
  g_free (c->gone);
  g_free (c);
}

static void
present_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GPtrArray *checks = task_data;
  WartaMediaProbe *probe = g_object_get_data (G_OBJECT (task), "warta-probe");

  for (guint i = 0; i < checks->len; i++)
    {
      PresentCheck *c = g_ptr_array_index (checks, i);
      g_autoptr(GError) error = NULL;

      if (g_task_return_error_if_cancelled (task))
        return;
      if (!warta_media_probe_check_present (probe, c->file, c->size, cancellable, &error))
        c->gone = g_strdup (error->message);
    }
  g_task_return_boolean (task, TRUE);
}

/* The answer: those that are not marked, those put back unmarked, and
 * the submit goes on, or says what to do about the missing ones. */
static void
present_checked_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  WartaPublicationWindow *self = WARTA_PUBLICATION_WINDOW (source);
  GPtrArray *checks = g_task_get_task_data (G_TASK (result));
  g_autoptr(GPtrArray) gone = g_ptr_array_new ();
  g_autofree char *joined = NULL;
  gboolean changed = FALSE;
  guint n_gone;

  /* Closed (or closing) meanwhile: nothing to show it in. */
  if (!g_task_propagate_boolean (G_TASK (result), NULL) || self->media == NULL)
    return;
  self->checking_files = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);

  for (guint i = 0; i < checks->len; i++)
    {
      PresentCheck *c = g_ptr_array_index (checks, i);
      gboolean was_broken = g_object_get_data (G_OBJECT (c->item), "warta-broken") != NULL;
      guint position;

      /* Removed while it was asked about: no longer the activity's. */
      if (!g_list_store_find (self->media, c->item, &position))
        continue;
      if (c->gone == NULL && !was_broken)
        continue;
      if (c->gone != NULL)
        {
          g_ptr_array_add (gone, c->gone);
          g_object_set_data_full (G_OBJECT (c->item), "warta-broken", g_strdup (c->gone), g_free);
        }
      else
        g_object_set_data (G_OBJECT (c->item), "warta-broken", NULL);
      replace_media_item (self, c->item);
      changed = TRUE;
    }

  update_submit (self);
  if (changed)
    update_preview (self);
  n_gone = gone->len;
  if (n_gone > 0)
    {
      g_ptr_array_add (gone, NULL);
      joined = g_strjoinv ("\n\n", (char **) gone->pdata);
    }
  submit_checked (self, n_gone, joined);
}

/* Asks each file of the activity whether it is still the one added (an
 * open and a stat each), on the decode pool: the window is not held up
 * by a slow or hanging disk, and closing it cancels the check. Submit is
 * off ("Checking Files…") until the answer. */
static void
check_media_present (WartaPublicationWindow *self)
{
  g_autoptr(GTask) task = NULL;
  GPtrArray *checks = g_ptr_array_new_with_free_func ((GDestroyNotify) present_check_free);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->media)); i++)
    {
      g_autoptr(WartaMediaItem) item = g_list_model_get_item (G_LIST_MODEL (self->media), i);
      PresentCheck *c;

      if (media_is_pending (item) || warta_media_item_get_path (item) == NULL)
        continue;
      c = g_new0 (PresentCheck, 1);
      c->item = g_object_ref (item);
      c->file = g_file_new_for_path (warta_media_item_get_path (item));
      c->size = warta_media_item_get_size (item);
      g_ptr_array_add (checks, c);
    }

  self->checking_files = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
  update_submit (self);
  task = g_task_new (self, self->cancellable, present_checked_cb, NULL);
  g_task_set_source_tag (task, check_media_present);
  g_task_set_task_data (task, checks, (GDestroyNotify) g_ptr_array_unref);
  /* The window's is gone once it is closed; the task keeps its own. */
  g_object_set_data_full (G_OBJECT (task), "warta-probe", g_object_ref (self->probe),
                          g_object_unref);
  warta_media_run_in_pool (task, present_thread);
}

static void
start_media_job (WartaPublicationWindow *self,
                 WartaMediaItem         *item,
                 gboolean                existing)
{
  g_autoptr(GTask) task = NULL;
  MediaJob *job = g_new0 (MediaJob, 1);

  job->file = g_file_new_for_path (warta_media_item_get_path (item));
  job->probe = g_object_ref (self->probe);
  job->thumbnailer = g_object_ref (self->thumbnailer);
  job->existing = existing;
  if (existing)
    {
      job->kind = g_strdup (warta_media_item_get_kind (item));
      job->sha256 = g_strdup (warta_media_item_get_sha256 (item));
      job->size = warta_media_item_get_size (item);
    }

  g_object_set_data (G_OBJECT (item), "warta-pending", GINT_TO_POINTER (1));
  if (self->n_pending++ == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);

  task = g_task_new (self, self->cancellable, media_job_done_cb, NULL);
  g_task_set_source_tag (task, start_media_job);
  g_task_set_task_data (task, job, (GDestroyNotify)media_job_free);
  g_object_set_data_full (G_OBJECT (task), "warta-media", g_object_ref (item), g_object_unref);
  /* Two at a time, with the photo dialog's renditions: never all the
   * cores of the office's two, whatever was dropped. */
  warta_media_run_in_pool (task, media_job_thread);
}

void
_warta_publication_window_add_files (WartaPublicationWindow *self,
                                     GSList                 *files)
{
  g_return_if_fail (WARTA_IS_PUBLICATION_WINDOW (self));

  g_autoptr(GPtrArray) items = NULL;

  if (!self->editable)
    {
      toast (self, _("This activity cannot be changed in its current step."));
      return;
    }

  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (GSList *l = files; l != NULL; l = l->next)
    {
      GFile *file = l->data;
      g_autofree char *path = g_file_get_path (file);
      WartaMediaItem *item;

      if (path == NULL)
        {
          g_autofree char *uri = g_file_get_uri (file);
          g_autofree char *message = NULL;

          message = g_strdup_printf (_("%s was not added: %s"), uri,
                                     _("The file is not on this computer. Copy it to a local folder first."));
          toast (self, message);
          continue;
        }

      /* Shown at once, in the order given; the check (in the pool: the
       * file is not even opened here) fills it in. */
      item = warta_media_item_new ();
      warta_media_item_set_path (item, path);
      warta_media_item_set_kind (item, "photo");
      g_ptr_array_add (items, item);
    }

  /* One change to the list, whatever was dropped: each row is made once. */
  g_list_store_splice (self->media, g_list_model_get_n_items (G_LIST_MODEL (self->media)), 0,
                       items->pdata, items->len);
  for (guint i = 0; i < items->len; i++)
    start_media_job (self, g_ptr_array_index (items, i), FALSE);

  update_submit (self);
}

guint
_warta_publication_window_get_n_waiting (WartaPublicationWindow *self)
{
  g_return_val_if_fail (WARTA_IS_PUBLICATION_WINDOW (self), 0);

  return g_queue_get_length (&self->finished);
}

AdwToast *
_warta_publication_window_get_refusal (WartaPublicationWindow *self)
{
  return self->refusal;
}

AdwToast *
_warta_publication_window_get_removal (WartaPublicationWindow *self)
{
  return self->removal;
}

GListModel *
_warta_publication_window_get_media (WartaPublicationWindow *self)
{
  g_return_val_if_fail (WARTA_IS_PUBLICATION_WINDOW (self), NULL);

  return G_LIST_MODEL (self->media);
}

static gboolean
on_drop_cb (GtkDropTarget          *target,
            const GValue           *value,
            double                  x,
            double                  y,
            WartaPublicationWindow *self)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = gdk_file_list_get_files (g_value_get_boxed (value));
  _warta_publication_window_add_files (self, files);
  g_slist_free (files);

  return TRUE;
}

static void
choose_media_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(WartaPublicationWindow) self = user_data;
  g_autoptr(GListModel) files = NULL;
  g_autoptr(GError) error = NULL;
  GSList *list = NULL;

  files = warta_file_chooser_open_multiple_finish (result, &error);
  if (files == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_message (self, _("No Photos or Videos Added"), error->message);
      return;
    }

  for (guint i = g_list_model_get_n_items (files); i > 0; i--)
    list = g_slist_prepend (list, g_list_model_get_item (files, i - 1));
  _warta_publication_window_add_files (self, list);
  g_slist_free_full (list, g_object_unref);
}

static void
add_media_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  WartaPublicationWindow *self = WARTA_PUBLICATION_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Photos and Videos"));
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/webp");
  gtk_file_filter_add_mime_type (filter, "image/heif");
  gtk_file_filter_add_mime_type (filter, "image/heic");
  gtk_file_filter_add_mime_type (filter, "video/mp4");

  /* GtkFileDialog where the GTK has it (4.10), GtkFileChooserNative on 4.8. */
  warta_file_chooser_open_multiple (GTK_WINDOW (self), _("Add Photos and Videos"), _("_Add"), filter,
                                    self->cancellable, choose_media_cb, g_object_ref (self));
}

static WartaMediaItem *
selected_media (WartaPublicationWindow *self)
{
  return gtk_single_selection_get_selected_item (self->media_selection);
}

static void
media_changed (WartaPublicationWindow *self)
{
  schedule_save (self);
  update_submit (self);
  update_preview (self);
}

/* Undo puts the photo back where it was, with its alt text, crop and
 * flags: the item itself is kept by the toast. */
static void
on_undo_remove_cb (AdwToast               *toast,
                   WartaPublicationWindow *self)
{
  WartaMediaItem *item = g_object_get_data (G_OBJECT (toast), "warta-item");
  guint position = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (toast), "warta-position"));

  if (item == NULL || g_list_store_find (self->media, item, NULL))
    return;
  position = MIN (position, g_list_model_get_n_items (G_LIST_MODEL (self->media)));
  g_list_store_insert (self->media, position, item);
  media_changed (self);
}

/* Offers Undo for @item, removed from @position: on the page shown, and
 * again on the review page if that is opened before Undo is pressed. */
static void
offer_undo_removal (WartaPublicationWindow *self,
                    WartaMediaItem         *item,
                    guint                   position)
{
  g_autofree char *name = media_display_name (item);
  g_autofree char *title = NULL;
  AdwToast *toast;

  /* Translators: %s is a file name */
  title = g_strdup_printf (_("“%s” removed"), name);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "warta-item", g_object_ref (item), g_object_unref);
  g_object_set_data (G_OBJECT (toast), "warta-position", GUINT_TO_POINTER (position));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_remove_cb), self, 0);
  g_set_weak_pointer (&self->removal, toast);
  add_toast (self, toast);
}

static void
remove_media_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  WartaPublicationWindow *self = WARTA_PUBLICATION_WINDOW (widget);
  WartaMediaItem *item = selected_media (self);
  g_autoptr(WartaMediaItem) removed = NULL;
  guint position;

  if (item == NULL || !g_list_store_find (self->media, item, &position))
    return;

  removed = g_object_ref (item);
  remove_media_item (self, removed);
  media_changed (self);
  offer_undo_removal (self, removed, position);
}

/* The large preview, decoded off the main thread. */
static void
preview_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GdkPixbuf) oriented = NULL;
  GError *error = NULL;

  pixbuf = gdk_pixbuf_new_from_file_at_scale (task_data, PREVIEW_SIZE, PREVIEW_SIZE, TRUE, &error);
  if (pixbuf == NULL)
    {
      g_autoptr(WartaMediaProbe) probe = warta_media_probe_new ();
      g_autoptr(GFile) file = g_file_new_for_path (task_data);
      g_autofree char *name = g_filename_display_basename (task_data);

      /* What became of the file, in words that say what to do; GdkPixbuf's
       * own are about a path and errno. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_clear_error (&error);
          if (warta_media_probe_check_present (probe, file, 0, cancellable, &error))
            /* Translators: %s is a file name */
            g_set_error (&error, WARTA_MEDIA_ERROR, WARTA_MEDIA_ERROR_CORRUPT,
                         _("“%s” can no longer be opened: it was damaged or replaced. Put the "
                           "original back, or remove it and add it again."), name);
        }
      g_task_return_error (task, error);
      return;
    }

  oriented = gdk_pixbuf_apply_embedded_orientation (pixbuf);
  g_task_return_pointer (task, gdk_texture_new_for_pixbuf (oriented), g_object_unref);
}

static void
preview_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GtkPicture) picture = user_data;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  texture = g_task_propagate_pointer (G_TASK (result), &error);
  if (texture != NULL)
    gtk_picture_set_paintable (picture, GDK_PAINTABLE (texture));
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      GtkWidget *box = gtk_widget_get_parent (GTK_WIDGET (picture));
      g_autofree char *markup = g_markup_escape_text (error->message, -1);
      GtkWidget *status;

      /* Said in the window, not left blank. */
      if (box == NULL)
        return;
      status = adw_status_page_new ();
      adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "image-missing-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (status), _("Photo Cannot Be Shown"));
      adw_status_page_set_description (ADW_STATUS_PAGE (status), markup);
      gtk_widget_set_vexpand (status, TRUE);
      gtk_box_remove (GTK_BOX (box), GTK_WIDGET (picture));
      gtk_box_append (GTK_BOX (box), status);
    }
}

/* The viewer closes as GNOME's viewers do: Escape, or Ctrl+W. */
static void
add_close_shortcuts (GtkWidget *window)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcutController *shortcuts = GTK_SHORTCUT_CONTROLLER (controller);
  const char *triggers[] = { "Escape", "<Control>w" };

  gtk_shortcut_controller_set_scope (shortcuts, GTK_SHORTCUT_SCOPE_GLOBAL);
  for (guint i = 0; i < G_N_ELEMENTS (triggers); i++)
    gtk_shortcut_controller_add_shortcut (shortcuts,
                                          gtk_shortcut_new (gtk_shortcut_trigger_parse_string (triggers[i]),
                                                            gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (window, controller);
}

/**
 * _warta_publication_window_preview_media:
 * @self: a #WartaPublicationWindow
 * @item: a photo or video of the activity
 *
 * Opens the full preview that a double click on a thumbnail opens.
 *
 * Returns: (transfer none): the viewer's window
 */
GtkWindow *
_warta_publication_window_preview_media (WartaPublicationWindow *self,
                                         WartaMediaItem         *item)
{
  g_autofree char *name = media_display_name (item);
  const char *alt = warta_media_item_get_alt_text (item);
  GtkWidget *window, *box, *header, *child;

  window = adw_window_new ();
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (self));
  gtk_window_set_title (GTK_WINDOW (window), name);
  gtk_window_set_default_size (GTK_WINDOW (window), 960, 720);
  add_close_shortcuts (window);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  gtk_box_append (GTK_BOX (box), header);

  if (!media_is_photo (item))
    {
      child = gtk_video_new_for_filename (warta_media_item_get_path (item));
      gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
    }
  else
    {
      g_autoptr(GTask) task = NULL;

      child = gtk_picture_new ();
      gtk_picture_set_alternative_text (GTK_PICTURE (child), has_text (alt) ? alt : name);
      /* GTK 4.8 does not name a picture by its alternative text. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, has_text (alt) ? alt : name,
                                      -1);
      task = g_task_new (self, self->cancellable, preview_done_cb, g_object_ref (child));
      g_task_set_source_tag (task, _warta_publication_window_preview_media);
      g_task_set_task_data (task, g_strdup (warta_media_item_get_path (item)), g_free);
      g_task_run_in_thread (task, preview_thread);
    }
  gtk_widget_set_vexpand (child, TRUE);
  gtk_box_append (GTK_BOX (box), child);

  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  return GTK_WINDOW (window);
}

static void
preview_media_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  WartaPublicationWindow *self = WARTA_PUBLICATION_WINDOW (widget);
  WartaMediaItem *item = selected_media (self);

  if (item != NULL)
    _warta_publication_window_preview_media (self, item);
}

static void
on_photo_changed_cb (WartaPublicationWindow *self)
{
  schedule_save (self);
  update_submit (self);
  update_preview (self);
}

WartaPhotoDialog *
_warta_publication_window_edit_photo (WartaPublicationWindow *self,
                                      WartaMediaItem         *item)
{
  WartaPhotoDialog *dialog;

  g_return_val_if_fail (WARTA_IS_PUBLICATION_WINDOW (self), NULL);
  g_return_val_if_fail (WARTA_IS_MEDIA_ITEM (item), NULL);

  dialog = warta_photo_dialog_new (GTK_WINDOW (self), item, self->editable);
  g_signal_connect_object (dialog, "changed", G_CALLBACK (on_photo_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));

  return dialog;
}

static void
edit_photo_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  WartaPublicationWindow *self = WARTA_PUBLICATION_WINDOW (widget);
  WartaMediaItem *item = selected_media (self);

  if (item != NULL && media_is_photo (item))
    _warta_publication_window_edit_photo (self, item);
}

static void
on_media_grid_activate_cb (WartaPublicationWindow *self,
                           guint                   position)
{
  g_autoptr(WartaMediaItem) item = g_list_model_get_item (G_LIST_MODEL (self->media), position);

  if (item != NULL)
    _warta_publication_window_preview_media (self, item);
}

static void
setup_media_cell_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     gpointer                  user_data)
{
  GtkWidget *box, *overlay, *picture, *spinner, *icon, *label;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_widget_set_margin_start (box, 4);
  gtk_widget_set_margin_end (box, 4);

  overlay = gtk_overlay_new ();
  picture = gtk_picture_new ();
  gtk_picture_set_content_fit (GTK_PICTURE (picture), GTK_CONTENT_FIT_COVER);
  gtk_widget_set_size_request (picture, 128, 96);
  gtk_widget_add_css_class (picture, "media-thumbnail");
  gtk_overlay_set_child (GTK_OVERLAY (overlay), picture);

  spinner = gtk_spinner_new ();
  gtk_widget_set_halign (spinner, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (spinner, GTK_ALIGN_CENTER);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), spinner);

  icon = gtk_image_new ();
  gtk_image_set_pixel_size (GTK_IMAGE (icon), 32);
  gtk_widget_set_halign (icon, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), icon);

  label = gtk_label_new (NULL);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 16);
  gtk_widget_add_css_class (label, "caption");

  gtk_box_append (GTK_BOX (box), overlay);
  gtk_box_append (GTK_BOX (box), label);

  g_object_set_data (G_OBJECT (box), "picture", picture);
  g_object_set_data (G_OBJECT (box), "spinner", spinner);
  g_object_set_data (G_OBJECT (box), "icon", icon);
  g_object_set_data (G_OBJECT (box), "label", label);
  gtk_list_item_set_child (list_item, box);
}

static void
update_media_cell (GtkListItem *list_item)
{
  WartaMediaItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *picture = g_object_get_data (G_OBJECT (box), "picture");
  GtkWidget *spinner = g_object_get_data (G_OBJECT (box), "spinner");
  GtkWidget *icon = g_object_get_data (G_OBJECT (box), "icon");
  GtkWidget *label = g_object_get_data (G_OBJECT (box), "label");
  GdkTexture *texture = g_object_get_data (G_OBJECT (item), "warta-thumbnail");
  gboolean pending = media_is_pending (item);
  const char *broken = g_object_get_data (G_OBJECT (item), "warta-broken");
  g_autofree char *name = media_display_name (item);
  g_autofree char *description = NULL;

  gtk_picture_set_paintable (GTK_PICTURE (picture), texture ? GDK_PAINTABLE (texture) : NULL);
  gtk_spinner_set_spinning (GTK_SPINNER (spinner), pending);
  gtk_widget_set_visible (spinner, pending);

  if (broken)
    gtk_image_set_from_icon_name (GTK_IMAGE (icon), "image-missing-symbolic");
  else if (!pending && !media_is_photo (item))
    gtk_image_set_from_icon_name (GTK_IMAGE (icon), "video-x-generic-symbolic");
  else
    gtk_image_clear (GTK_IMAGE (icon));

  gtk_label_set_label (GTK_LABEL (label), name);

  if (broken)
    description = g_strdup (broken);
  else if (pending)
    description = g_strdup (_("Being checked"));
  else if (media_is_photo (item) && !has_text (warta_media_item_get_alt_text (item)))
    description = g_strdup (_("No alt text yet"));
  gtk_widget_set_tooltip_text (box, description);
  {
    const char *alt = warta_media_item_get_alt_text (item);
    g_autofree char *accessible = NULL;

    /* Translators: a thumbnail read by a screen reader: "photo-01.jpg: Peserta rapat di aula" */
    accessible = g_strdup_printf (_("%s: %s"), name,
                                  has_text (alt) ? alt : _("no description yet"));
    gtk_accessible_update_property (GTK_ACCESSIBLE (picture),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description ? description : "",
                                    -1);
  }
}

/* The cell showing an item is remembered on it, for its check to update
 * it where it is. */
static void
bind_media_cell_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    gpointer                  user_data)
{
  g_object_set_data (gtk_list_item_get_item (list_item), "warta-cell", list_item);
  update_media_cell (list_item);
}

static void
unbind_media_cell_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *list_item,
                      gpointer                  user_data)
{
  GObject *item = gtk_list_item_get_item (list_item);

  if (item != NULL && g_object_get_data (item, "warta-cell") == list_item)
    g_object_set_data (item, "warta-cell", NULL);
}

static void
update_details (WartaPublicationWindow *self)
{
  WartaMediaItem *item = selected_media (self);

  gtk_widget_set_visible (GTK_WIDGET (self->media_details), item != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pub.remove-media", item != NULL && self->editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pub.preview-media", item != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pub.edit-photo",
                                 item != NULL && media_is_photo (item) && !media_is_pending (item));
  if (item == NULL)
    return;

  self->loading = TRUE;
  {
    g_autofree char *name = media_display_name (item);

    adw_preferences_group_set_description (self->media_details, name);
  }
  set_row_text (self->credit_row, warta_media_item_get_credit (item));
  set_row_text (self->alt_text_row, warta_media_item_get_alt_text (item));
  set_row_text (self->consent_row, warta_media_item_get_consent (item));
  gtk_switch_set_active (self->illustration_switch, warta_media_item_get_illustration (item));
  gtk_switch_set_active (self->people_switch, warta_media_item_get_identifiable_people (item));
  gtk_switch_set_active (self->minor_switch, warta_media_item_get_minor (item));
  gtk_widget_set_visible (GTK_WIDGET (self->consent_row), warta_media_item_get_minor (item));
  self->loading = FALSE;
}

static void
on_selection_changed_cb (WartaPublicationWindow *self)
{
  update_details (self);
}

/* Per-item fields: written into the item, saved with the content. */
static void
media_field_changed (WartaPublicationWindow *self)
{
  WartaMediaItem *item = selected_media (self);

  if (self->loading || item == NULL)
    return;

  warta_media_item_set_credit (item, row_text (self->credit_row));
  warta_media_item_set_alt_text (item, row_text (self->alt_text_row));
  warta_media_item_set_consent (item, row_text (self->consent_row));
  warta_media_item_set_illustration (item, gtk_switch_get_active (self->illustration_switch));
  warta_media_item_set_identifiable_people (item, gtk_switch_get_active (self->people_switch));
  warta_media_item_set_minor (item, gtk_switch_get_active (self->minor_switch));
  gtk_widget_set_visible (GTK_WIDGET (self->consent_row), warta_media_item_get_minor (item));

  schedule_save (self);
  update_submit (self);
  update_preview (self);
}

static void on_credit_row_changed_cb (WartaPublicationWindow *self) { media_field_changed (self); }
static void on_alt_text_row_changed_cb (WartaPublicationWindow *self) { media_field_changed (self); }
static void on_consent_row_changed_cb (WartaPublicationWindow *self) { media_field_changed (self); }
static void on_illustration_switch_notify_active_cb (WartaPublicationWindow *self) { media_field_changed (self); }
static void on_people_switch_notify_active_cb (WartaPublicationWindow *self) { media_field_changed (self); }
static void on_minor_switch_notify_active_cb (WartaPublicationWindow *self) { media_field_changed (self); }

/* The order list of the content concept. */
static void
move_media (WartaPublicationWindow *self,
            WartaMediaItem         *item,
            int                     delta)
{
  guint position, n = g_list_model_get_n_items (G_LIST_MODEL (self->media));
  g_autoptr(WartaMediaItem) keep = g_object_ref (item);

  if (!g_list_store_find (self->media, item, &position))
    return;
  if ((delta < 0 && position == 0) || (delta > 0 && position + 1 >= n))
    return;

  g_list_store_remove (self->media, position);
  g_list_store_insert (self->media, position + delta, keep);
  schedule_save (self);
  update_preview (self);
}

/* Where a row is dropped: the dragged item takes the place of the row it
 * is dropped on. The up and down buttons stay for the keyboard. */
gboolean
_warta_publication_window_move_media_to (WartaPublicationWindow *self,
                                         WartaMediaItem         *item,
                                         guint                   position)
{
  guint from, n;
  g_autoptr(WartaMediaItem) keep = NULL;

  g_return_val_if_fail (WARTA_IS_PUBLICATION_WINDOW (self), FALSE);
  g_return_val_if_fail (WARTA_IS_MEDIA_ITEM (item), FALSE);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->media));
  if (!self->editable || !g_list_store_find (self->media, item, &from) || n == 0)
    return FALSE;
  position = MIN (position, n - 1);
  if (position == from)
    return FALSE;

  keep = g_object_ref (item);
  g_list_store_remove (self->media, from);
  g_list_store_insert (self->media, position, keep);
  schedule_save (self);
  update_preview (self);

  return TRUE;
}

static GdkContentProvider *
on_order_drag_prepare_cb (GtkDragSource *source,
                          double         x,
                          double         y,
                          GtkWidget     *row)
{
  WartaMediaItem *item = g_object_get_data (G_OBJECT (row), "warta-media");
  GdkTexture *texture = g_object_get_data (G_OBJECT (item), "warta-thumbnail");

  if (texture != NULL)
    gtk_drag_source_set_icon (source, GDK_PAINTABLE (texture), 0, 0);

  return gdk_content_provider_new_typed (WARTA_TYPE_MEDIA_ITEM, item);
}

static gboolean
on_order_drop_cb (GtkDropTarget          *target,
                  const GValue           *value,
                  double                  x,
                  double                  y,
                  WartaPublicationWindow *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  WartaMediaItem *onto = g_object_get_data (G_OBJECT (row), "warta-media");
  guint position;

  if (!G_VALUE_HOLDS (value, WARTA_TYPE_MEDIA_ITEM) ||
      !g_list_store_find (self->media, onto, &position))
    return FALSE;

  return _warta_publication_window_move_media_to (self, g_value_get_object (value), position);
}

static void
on_move_up_clicked_cb (GtkButton              *button,
                       WartaPublicationWindow *self)
{
  move_media (self, g_object_get_data (G_OBJECT (button), "warta-media"), -1);
}

static void
on_move_down_clicked_cb (GtkButton              *button,
                         WartaPublicationWindow *self)
{
  move_media (self, g_object_get_data (G_OBJECT (button), "warta-media"), 1);
}

static GtkWidget *
make_order_button (WartaPublicationWindow *self,
                   WartaMediaItem         *item,
                   const char             *icon_name,
                   const char             *label,
                   GCallback               callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data_full (G_OBJECT (button), "warta-media", g_object_ref (item), g_object_unref);
  g_signal_connect_object (button, "clicked", callback, self, 0);

  return button;
}

/* What the platforms button of a row says: where the file goes. Where
 * the names do not fit, how many platforms, in words ("Not on 3
 * platforms"), then in fewer ("Not on 3"): the names are in the tooltip,
 * the accessible label and the menu. */
static void
update_platforms_label (GtkMenuButton  *button,
                        WartaMediaItem *item)
{
  GtkWidget **labels = g_object_get_data (G_OBJECT (button), "warta-labels");
  g_autoptr(GString) skipped = g_string_new (NULL);
  g_autofree char *label = NULL;
  g_autofree char *count = NULL;
  g_autofree char *shortest = NULL;
  guint n = 0;

  for (guint i = 0; i < WARTA_MEDIA_N_PLATFORMS; i++)
    {
      const char *platform = warta_media_rules_get_platform (i);

      if (warta_media_item_get_posted_to (item, platform))
        continue;
      if (skipped->len > 0)
        g_string_append (skipped, ", ");
      g_string_append (skipped, warta_media_rules_get_name (platform));
      n++;
    }
  if (n > 0)
    {
      /* Translators: %s lists platforms, e.g. "X, TikTok" */
      label = g_strdup_printf (_("Not on %s"), skipped->str);
      /* Translators: a photo or video is left out of %u platforms, said
       * where their names do not fit */
      count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Not on %u platform",
                                            "Not on %u platforms", n), n);
      /* Translators: the same, where even that does not fit: the button
       * opens the list of platforms */
      shortest = g_strdup_printf (C_("left out of platforms", "Not on %u"), n);
    }
  else
    {
      label = g_strdup (_("All Platforms"));
      count = g_strdup (label);
      shortest = g_strdup (label);
    }
  gtk_label_set_label (GTK_LABEL (labels[0]), label);
  gtk_label_set_label (GTK_LABEL (labels[1]), count);
  gtk_label_set_label (GTK_LABEL (labels[2]), shortest);
  /* Whole where the label is shortened. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (button), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* A file left out of a platform, or put back: saved with the content,
 * and the platform's limits checked again. */
static void
on_platform_toggled_cb (GtkCheckButton         *check,
                        WartaPublicationWindow *self)
{
  WartaMediaItem *item = g_object_get_data (G_OBJECT (check), "warta-media");
  const char *platform = g_object_get_data (G_OBJECT (check), "warta-platform");
  gboolean posted = gtk_check_button_get_active (check);

  if (warta_media_item_get_posted_to (item, platform) == posted)
    return;
  if (!self->editable)
    {
      gtk_check_button_set_active (check, !posted);
      return;
    }
  warta_media_item_set_posted_to (item, platform, posted);
  update_platforms_label (g_object_get_data (G_OBJECT (check), "warta-button"), item);
  schedule_save (self);
  update_submit (self);
  update_preview (self);
}

/* A menu of the platforms, each ticked when the file goes there. */
static GtkWidget *
make_platforms_button (WartaPublicationWindow *self,
                       WartaMediaItem         *item)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (_("Posted To"));
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *squeezer = adw_squeezer_new ();
  GtkWidget **labels = g_new0 (GtkWidget *, 3);

  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_box_append (GTK_BOX (box), heading);
  for (guint i = 0; i < WARTA_MEDIA_N_PLATFORMS; i++)
    {
      const char *platform = warta_media_rules_get_platform (i);
      GtkWidget *check = gtk_check_button_new_with_label (warta_media_rules_get_name (platform));

      gtk_widget_set_name (check, platform);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   warta_media_item_get_posted_to (item, platform));
      g_object_set_data_full (G_OBJECT (check), "warta-media", g_object_ref (item), g_object_unref);
      g_object_set_data (G_OBJECT (check), "warta-platform", (gpointer) platform);
      g_object_set_data (G_OBJECT (check), "warta-button", button);
      g_signal_connect_object (check, "toggled", G_CALLBACK (on_platform_toggled_cb), self, 0);
      gtk_box_append (GTK_BOX (box), check);
    }
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  /* Its own labels, not the button's: "Not on" five platforms, or in
   * Indonesian, is wider than a narrow window, and the first of the
   * shorter ones that fits is shown there, in whole words. (They cannot
   * wrap: GTK 4.8's menu button is as tall at any width.) */
  for (guint i = 0; i < 3; i++)
    {
      labels[i] = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (labels[i]), 0);
      adw_squeezer_add (ADW_SQUEEZER (squeezer), labels[i]);
    }
  adw_squeezer_set_xalign (ADW_SQUEEZER (squeezer), 0);
  adw_squeezer_set_homogeneous (ADW_SQUEEZER (squeezer), FALSE);
  gtk_widget_set_hexpand (squeezer, TRUE);
  gtk_box_append (GTK_BOX (content), squeezer);
  gtk_box_append (GTK_BOX (content), gtk_image_new_from_icon_name ("pan-down-symbolic"));
  gtk_menu_button_set_child (GTK_MENU_BUTTON (button), content);
  g_object_set_data_full (G_OBJECT (button), "warta-labels", labels, g_free);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_name (button, "platforms");
  update_platforms_label (GTK_MENU_BUTTON (button), item);

  return button;
}

/* A row says the photo's alt text as it is now: the row is made once,
 * the alt text typed afterwards. */
static void
update_order_row_subtitle (AdwActionRow   *row,
                           WartaMediaItem *item)
{
  const char *alt = warta_media_item_get_alt_text (item);

  if (media_is_photo (item))
    adw_action_row_set_subtitle (row, has_text (alt) ? alt : _("No alt text yet"));
  else
    adw_action_row_set_subtitle (row, _("Video"));
}

static void
on_order_item_alt_text_cb (WartaMediaItem *item,
                           GParamSpec     *pspec,
                           AdwActionRow   *row)
{
  update_order_row_subtitle (row, item);
}

static GtkWidget *
create_order_row (gpointer object,
                  gpointer user_data)
{
  WartaPublicationWindow *self = user_data;
  WartaMediaItem *item = object;
  GdkTexture *texture = g_object_get_data (G_OBJECT (item), "warta-thumbnail");
  g_autofree char *name = media_display_name (item);
  GtkWidget *row, *picture;

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  update_order_row_subtitle (ADW_ACTION_ROW (row), item);
  g_signal_connect_object (item, "notify::alt-text",
                           G_CALLBACK (on_order_item_alt_text_cb), row, 0);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);

  picture = gtk_picture_new_for_paintable (texture ? GDK_PAINTABLE (texture) : NULL);
  gtk_picture_set_content_fit (GTK_PICTURE (picture), GTK_CONTENT_FIT_COVER);
  gtk_widget_set_size_request (picture, 48, 48);
  gtk_widget_set_margin_top (picture, 6);
  gtk_widget_set_margin_bottom (picture, 6);
  /* Square, however many lines the row's text takes. */
  gtk_widget_set_valign (picture, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (picture), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), picture);
  g_object_set_data (G_OBJECT (row), "warta-picture", picture);

  /* Its alt text, credit and privacy are written in Documentation's
   * details: activating the row goes there. */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, _("Write its alt text and credit in Documentation"));

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), make_platforms_button (self, item));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             make_order_button (self, item, "go-up-symbolic", _("Move Up"),
                                                G_CALLBACK (on_move_up_clicked_cb)));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             make_order_button (self, item, "go-down-symbolic", _("Move Down"),
                                                G_CALLBACK (on_move_down_clicked_cb)));

  /* Drag a row onto another to put it there. */
  g_object_set_data_full (G_OBJECT (row), "warta-media", g_object_ref (item), g_object_unref);
  {
    GtkDragSource *source = gtk_drag_source_new ();
    GtkDropTarget *drop = gtk_drop_target_new (WARTA_TYPE_MEDIA_ITEM, GDK_ACTION_MOVE);

    gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
    g_signal_connect (source, "prepare", G_CALLBACK (on_order_drag_prepare_cb), row);
    gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));
    g_signal_connect_object (drop, "drop", G_CALLBACK (on_order_drop_cb), self, 0);
    gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (drop));
  }

  return row;
}

/* A photo's check came in: its row shows what is known now. */
static void
refresh_order_row (WartaPublicationWindow *self,
                   guint                   position)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->order_list, position);
  g_autoptr(WartaMediaItem) item = g_list_model_get_item (G_LIST_MODEL (self->media), position);
  g_autofree char *name = NULL;
  GtkWidget *picture;
  GdkTexture *texture;

  if (row == NULL || item == NULL)
    return;
  name = media_display_name (item);
  picture = g_object_get_data (G_OBJECT (row), "warta-picture");
  texture = g_object_get_data (G_OBJECT (item), "warta-thumbnail");
  /* Found again where it was moved to: the name may be another. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (picture), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  update_order_row_subtitle (ADW_ACTION_ROW (row), item);
  gtk_picture_set_paintable (GTK_PICTURE (picture), texture ? GDK_PAINTABLE (texture) : NULL);
}

/* The photo's details on the Documentation page, the alt text (a
 * video's credit) ready to be typed. */
static void
on_order_list_row_activated_cb (WartaPublicationWindow *self,
                                GtkListBoxRow          *row)
{
  WartaMediaItem *item = g_object_get_data (G_OBJECT (row), "warta-media");
  guint position;

  if (item == NULL || !g_list_store_find (self->media, item, &position))
    return;
  gtk_single_selection_set_selected (self->media_selection, position);
  adw_view_stack_set_visible_child_name (self->view_stack, "documentation");
  gtk_widget_grab_focus (GTK_WIDGET (media_is_photo (item) ? self->alt_text_row
                                                           : self->credit_row));
}

/* -- the platform preview ------------------------------------------------------ */

static GdkTexture *
first_media_texture (WartaPublicationWindow  *self,
                     gboolean                 video_only,
                     gboolean                *out_has_video,
                     WartaMediaItem         **out_item)
{
  GdkTexture *found = NULL;

  *out_has_video = FALSE;
  *out_item = NULL;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->media)); i++)
    {
      g_autoptr(WartaMediaItem) item = g_list_model_get_item (G_LIST_MODEL (self->media), i);

      if (!media_is_photo (item))
        *out_has_video = TRUE;
      if (found == NULL && (!video_only || !media_is_photo (item)))
        {
          found = g_object_get_data (G_OBJECT (item), "warta-thumbnail");
          *out_item = item;
        }
    }

  return found;
}

/* The part of the cover the platform gets: the rendition's crop, centred
 * where the admin moved it, cut out of the thumbnail. */
static GdkTexture *
crop_cover (WartaMediaItem       *item,
            WartaRenditionTarget  target)
{
  GdkPixbuf *pixbuf = g_object_get_data (G_OBJECT (item), "warta-thumbnail-pixbuf");
  g_autoptr(WartaRendition) rendition = NULL;
  g_autoptr(GdkPixbuf) part = NULL;
  WartaRect crop;

  if (pixbuf == NULL)
    return NULL;

  rendition = warta_rendition_new_for_media_item (target, item);
  warta_rendition_compute (rendition, gdk_pixbuf_get_width (pixbuf), gdk_pixbuf_get_height (pixbuf),
                           &crop, NULL, NULL);
  part = gdk_pixbuf_new_subpixbuf (pixbuf, crop.x, crop.y, crop.width, crop.height);

  return gdk_texture_new_for_pixbuf (part);
}

static char *
fold_text (const char *text,
           guint       fold)
{
  glong length = g_utf8_strlen (text, -1);
  g_autofree char *head = NULL;

  if (fold == 0 || length <= (glong)fold)
    return g_strdup (text);

  head = g_utf8_substring (text, 0, fold);
  g_strchomp (head);
  /* Translators: where a platform folds a long post, "… more" */
  return g_strdup_printf ("%s%s", head, _("… more"));
}

static void
update_preview (WartaPublicationWindow *self)
{
  guint index = gtk_drop_down_get_selected (self->preview_dropdown);
  const PreviewSpec *spec;
  WartaCaptionEditor *body_editor, *title_editor = NULL;
  g_autofree char *body = NULL;
  g_autofree char *folded = NULL;
  g_autoptr(GString) problems = g_string_new (NULL);
  GtkWidget *child, *label, *frame, *picture;
  GdkTexture *texture;
  g_autoptr(GdkTexture) cropped = NULL;
  WartaMediaItem *cover = NULL;
  gboolean has_video = FALSE;
  float aspect;

  if (self->caption_editors == NULL || index >= G_N_ELEMENTS (preview_specs))
    return;
  spec = &preview_specs[index];

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->preview_box))))
    gtk_box_remove (self->preview_box, child);

  label = gtk_label_new (_(spec->name));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (self->preview_box, label);

  if (spec->title >= 0)
    {
      g_autofree char *title = NULL;

      title_editor = find_caption_editor (self, spec->title);
      title = warta_caption_editor_dup_post_text (title_editor);
      label = gtk_label_new (title);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_widget_add_css_class (label, "title-4");
      gtk_box_append (self->preview_box, label);
    }

  texture = first_media_texture (self, spec->video, &has_video, &cover);
  aspect = spec->aspect;
  if (texture != NULL && spec->rendition >= 0 && media_is_photo (cover) &&
      (cropped = crop_cover (cover, spec->rendition)) != NULL)
    {
      texture = cropped;
      aspect = (float)gdk_texture_get_width (texture) / gdk_texture_get_height (texture);
    }
  frame = gtk_aspect_frame_new (0.5, 0.5, aspect, FALSE);
  if (texture != NULL)
    {
      picture = gtk_picture_new_for_paintable (GDK_PAINTABLE (texture));
      gtk_picture_set_content_fit (GTK_PICTURE (picture), GTK_CONTENT_FIT_COVER);
      gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (picture), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("The cover as cropped by the platform"), -1);
      gtk_widget_set_size_request (picture, -1, 120);
      gtk_aspect_frame_set_child (GTK_ASPECT_FRAME (frame), picture);
      gtk_box_append (self->preview_box, frame);
    }
  else
    {
      label = gtk_label_new (spec->video ? _("No video: this platform posts videos only.")
                                         : _("No photo"));
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_margin_top (label, 24);
      gtk_widget_set_margin_bottom (label, 24);
      gtk_box_append (self->preview_box, label);
      g_object_unref (g_object_ref_sink (frame));
    }

  body_editor = find_caption_editor (self, spec->body);
  body = warta_caption_editor_dup_post_text (body_editor);
  folded = fold_text (body, spec->fold);
  label = gtk_label_new (*folded ? folded : _("No caption: nothing is posted here."));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  if (!*folded)
    gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (self->preview_box, label);

  /* Every limit the post breaks, the caption's and the media's. */
  for (int pass = 0; pass < 2; pass++)
    {
      WartaCaptionEditor *editor = pass == 0 ? body_editor : title_editor;
      WartaCaptionResult *result;

      if (editor == NULL || (result = warta_caption_editor_get_result (editor)) == NULL)
        continue;
      for (guint i = 0; i < warta_caption_result_get_n_problems (result); i++)
        g_string_append_printf (problems, "• %s\n", warta_caption_result_get_problem (result, i)->message);
    }
  {
    g_autoptr(GArray) media_problems = check_platform_media (self, spec);

    for (guint i = 0; media_problems != NULL && i < media_problems->len; i++)
      g_string_append_printf (problems, "• %s\n",
                              g_array_index (media_problems, WartaMediaProblem, i).message);
    if (spec->video && !has_video && *body &&
        !warta_media_rules_has_problem (media_problems, WARTA_MEDIA_RULE_NO_VIDEO))
      g_string_append_printf (problems, "• %s\n", _("Add a video: this platform does not take photos from Warta."));
  }
  {
    g_autoptr(GPtrArray) reasons = list_blockers (self, FALSE);

    for (guint i = 0; i < reasons->len; i++)
      if (strstr (g_ptr_array_index (reasons, i), ":") == NULL ||
          !g_str_has_prefix (g_ptr_array_index (reasons, i), warta_caption_target_get_name (spec->body)))
        if (strchr (g_ptr_array_index (reasons, i), ':') == NULL || problems->len == 0 ||
            strstr (problems->str, g_ptr_array_index (reasons, i)) == NULL)
          {
            /* Caption blockers of other targets belong to their own preview. */
            gboolean other_target = FALSE;

            for (guint k = 0; k < G_N_ELEMENTS (editor_targets); k++)
              if (g_str_has_prefix (g_ptr_array_index (reasons, i),
                                    warta_caption_target_get_name (editor_targets[k])))
                other_target = TRUE;
            if (!other_target)
              g_string_append_printf (problems, "• %s\n", (const char *)g_ptr_array_index (reasons, i));
          }
  }

  if (problems->len > 0)
    g_string_truncate (problems, problems->len - 1);
  gtk_label_set_label (self->preview_problems_label,
                       problems->len > 0 ? problems->str : _("This post breaks no limit."));
  gtk_widget_remove_css_class (GTK_WIDGET (self->preview_problems_label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->preview_problems_label), "success");
  gtk_widget_add_css_class (GTK_WIDGET (self->preview_problems_label),
                            problems->len > 0 ? "error" : "success");
}

static void
on_preview_dropdown_notify_selected_cb (WartaPublicationWindow *self)
{
  update_preview (self);
}

/* -- captions ------------------------------------------------------------------ */

static void
on_caption_changed_cb (WartaPublicationWindow *self)
{
  schedule_save (self);
  update_submit (self);
  update_preview (self);
}

/* Captions start from the shared text, titles from the activity's title,
 * and follow them until the user changes them. */
static void
propagate_text (WartaPublicationWindow  *self,
                gboolean                 titles,
                const char              *text,
                char                   **last)
{
  for (guint i = 0; i < self->caption_editors->len; i++)
    {
      WartaCaptionEditor *editor = g_ptr_array_index (self->caption_editors, i);
      g_autofree char *current = NULL;

      if (is_title_target (warta_caption_editor_get_target (editor)) != titles)
        continue;

      current = warta_caption_editor_dup_text (editor);
      if (*current == '\0' || g_strcmp0 (current, *last) == 0)
        warta_caption_editor_set_text (editor, text);
    }

  g_free (*last);
  *last = g_strdup (text);
}

static void
on_shared_buffer_changed_cb (WartaPublicationWindow *self)
{
  g_autofree char *text = NULL;

  if (self->loading)
    return;

  text = dup_buffer_text (self->shared_view);
  propagate_text (self, FALSE, text, &self->shared_text);
  schedule_save (self);
}

static void
on_hashtags_row_changed_cb (WartaPublicationWindow *self)
{
  for (guint i = 0; i < self->caption_editors->len; i++)
    warta_caption_editor_set_hashtags (g_ptr_array_index (self->caption_editors, i),
                                       row_text (self->hashtags_row));
  schedule_save (self);
  update_submit (self);
  update_preview (self);
}

/* -- step 1 fields ---------------------------------------------------------------- */

static void
field_changed (WartaPublicationWindow *self)
{
  update_missing (self);
  schedule_save (self);
}

static void
on_title_row_changed_cb (WartaPublicationWindow *self)
{
  if (!self->loading)
    propagate_text (self, TRUE, row_text (self->title_row), &self->title_text);
  update_title_counter (self);
  field_changed (self);
  update_state (self);
}

static void on_category_row_notify_selected_cb (WartaPublicationWindow *self) { field_changed (self); }
static void on_what_row_changed_cb (WartaPublicationWindow *self) { field_changed (self); }
static void update_who_completion (WartaPublicationWindow *self);
static void on_who_row_changed_cb (WartaPublicationWindow *self)
{
  field_changed (self);
  update_who_completion (self);
}
static void on_where_row_changed_cb (WartaPublicationWindow *self) { field_changed (self); }
static void on_why_row_changed_cb (WartaPublicationWindow *self) { field_changed (self); }
static void on_how_row_changed_cb (WartaPublicationWindow *self) { field_changed (self); }

static void
on_narrative_buffer_changed_cb (WartaPublicationWindow *self)
{
  schedule_save (self);
}

/* "When": a date in the calendar, an hour and a minute, in the clock's
 * time zone (WIB unless the office set another). */
static void
when_changed_by_user (WartaPublicationWindow *self)
{
  g_autoptr(GDateTime) day = NULL;
  GTimeZone *tz;

  if (self->loading)
    return;

  tz = warta_clock_get_time_zone (warta_context_get_clock (self->context));
  day = gtk_calendar_get_date (self->when_calendar);
  g_clear_pointer (&self->when, g_date_time_unref);
  g_clear_pointer (&self->when_text, g_free);
  self->when = g_date_time_new (tz,
                                g_date_time_get_year (day),
                                g_date_time_get_month (day),
                                g_date_time_get_day_of_month (day),
                                gtk_spin_button_get_value_as_int (self->hour_spin),
                                gtk_spin_button_get_value_as_int (self->minute_spin),
                                0);
  update_when_row (self);
  schedule_save (self);
}

static void on_when_calendar_day_selected_cb (WartaPublicationWindow *self) { when_changed_by_user (self); }
static void on_hour_spin_value_changed_cb (WartaPublicationWindow *self) { when_changed_by_user (self); }
static void on_minute_spin_value_changed_cb (WartaPublicationWindow *self) { when_changed_by_user (self); }

static gboolean
on_time_spin_output_cb (GtkSpinButton *spin,
                        gpointer       user_data)
{
  g_autofree char *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static void
on_when_popover_show_cb (WartaPublicationWindow *self)
{
  g_autoptr(GDateTime) shown = NULL;
  g_autofree char *zone = NULL;

  shown = self->when ? g_date_time_ref (self->when)
                     : warta_clock_now_local (warta_context_get_clock (self->context));

  self->loading = TRUE;
  gtk_calendar_select_day (self->when_calendar, shown);
  gtk_spin_button_set_value (self->hour_spin, g_date_time_get_hour (shown));
  gtk_spin_button_set_value (self->minute_spin, g_date_time_get_minute (shown));
  zone = g_date_time_format (shown, "%Z");
  gtk_label_set_label (self->time_zone_label, zone);
  self->loading = FALSE;
}

/* Nothing set yet, the popover shows today (or the day last shown):
 * the calendar says nothing when that day is clicked, already being
 * selected, nor when Enter is pressed. A press on the calendar takes
 * what it shows first, so that another day clicked then replaces it, and
 * Enter takes what the popover shows and closes it, as the other date
 * popovers do. */
static void
on_when_calendar_pressed_cb (GtkGestureClick        *gesture,
                             int                     n_press,
                             double                  x,
                             double                  y,
                             WartaPublicationWindow *self)
{
  if (self->when == NULL && self->editable)
    when_changed_by_user (self);
}

static gboolean
on_when_popover_key_pressed_cb (GtkEventControllerKey  *controller,
                                guint                   keyval,
                                guint                   keycode,
                                GdkModifierType         state,
                                WartaPublicationWindow *self)
{
  GtkWidget *focus;

  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter)
    return FALSE;
  /* Enter on Clear (or a month's arrow) does what that button says. */
  focus = gtk_root_get_focus (GTK_ROOT (self));
  if (GTK_IS_BUTTON (focus))
    return FALSE;
  if (self->editable)
    {
      /* A number typed into a spin button counts once Enter is pressed. */
      gtk_spin_button_update (self->hour_spin);
      gtk_spin_button_update (self->minute_spin);
      when_changed_by_user (self);
    }
  gtk_popover_popdown (self->when_popover);
  return TRUE;
}

static void
clear_when_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  WartaPublicationWindow *self = WARTA_PUBLICATION_WINDOW (widget);

  g_clear_pointer (&self->when, g_date_time_unref);
  g_clear_pointer (&self->when_text, g_free);
  update_when_row (self);
  schedule_save (self);
  gtk_popover_popdown (self->when_popover);
}

/* -- officials ---------------------------------------------------------------------- */

static void
reload_officials (WartaPublicationWindow *self)
{
  g_autoptr(GListModel) officials = NULL;
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->officials_search));
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->officials_list))))
    gtk_list_box_remove (self->officials_list, child);

  officials = warta_official_repository_list (self->officials, NULL);
  for (guint i = 0; officials != NULL && i < g_list_model_get_n_items (officials); i++)
    {
      g_autoptr(WartaOfficial) official = g_list_model_get_item (officials, i);
      g_autofree char *full = NULL;
      GtkWidget *row, *label;

      if (!warta_official_matches (official, query))
        continue;

      full = warta_official_dup_full_title (official);
      label = gtk_label_new (full);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
      row = gtk_list_box_row_new ();
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, full, -1);
      g_object_set_data_full (G_OBJECT (row), "warta-full-title", g_steal_pointer (&full), g_free);
      gtk_list_box_append (self->officials_list, row);
    }

  if (gtk_widget_get_first_child (GTK_WIDGET (self->officials_list)) == NULL)
    {
      GtkWidget *label = gtk_label_new (_("No official found. Add one with Manage Officials."));

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_list_box_set_placeholder (self->officials_list, label);
    }
}

static void
on_officials_popover_show_cb (WartaPublicationWindow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->officials_search), "");
  reload_officials (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->officials_search));
}

static void
on_officials_search_search_changed_cb (WartaPublicationWindow *self)
{
  reload_officials (self);
}

/* Inserts the full title at the end of "Who", after a comma when needed. */
static void
insert_official (WartaPublicationWindow *self,
                 const char             *full_title)
{
  g_autofree char *current = g_strstrip (g_strdup (row_text (self->who_row)));
  g_autofree char *text = NULL;

  if (*current == '\0')
    text = g_strdup (full_title);
  else if (g_str_has_suffix (current, ",") || g_str_has_suffix (current, ";"))
    text = g_strdup_printf ("%s %s", current, full_title);
  else
    text = g_strdup_printf ("%s; %s", current, full_title);

  set_row_text (self->who_row, text);
  gtk_popover_popdown (self->officials_popover);
  gtk_widget_grab_focus (GTK_WIDGET (self->who_row));
  gtk_editable_set_position (GTK_EDITABLE (self->who_row), -1);
}

/* Completion while typing in "Who": the name being typed is what follows
 * the last ";" (full titles contain commas). A popover below the row lists
 * the officials whose name or position contains it; Down and Up move,
 * Enter puts the full title in place of what was typed, Escape closes. The
 * popover never takes the focus, so typing goes on in the row. */

#define WHO_COMPLETION_MIN_CHARS 2
#define WHO_COMPLETION_MAX_ROWS 8

static const char *
who_fragment_start (const char *text)
{
  const char *semicolon = strrchr (text, ';');

  return semicolon != NULL ? semicolon + 1 : text;
}

static void
hide_who_completion (WartaPublicationWindow *self)
{
  if (gtk_widget_get_visible (GTK_WIDGET (self->who_completion)))
    gtk_popover_popdown (self->who_completion);
}

static void
update_who_completion (WartaPublicationWindow *self)
{
  g_autofree char *fragment = NULL;
  GtkWidget *child;
  guint shown = 0;

  if (self->loading || self->completing || self->officials == NULL)
    return;

  fragment = g_strstrip (g_strdup (who_fragment_start (row_text (self->who_row))));
  if (g_utf8_strlen (fragment, -1) < WHO_COMPLETION_MIN_CHARS)
    {
      /* A new name starts afresh: the directory is read again for it. */
      g_clear_object (&self->official_cache);
      hide_who_completion (self);
      return;
    }

  if (self->official_cache == NULL)
    self->official_cache = warta_official_repository_list (self->officials, NULL);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->who_completion_list))))
    gtk_list_box_remove (self->who_completion_list, child);

  for (guint i = 0;
       self->official_cache != NULL && i < g_list_model_get_n_items (self->official_cache) &&
       shown < WHO_COMPLETION_MAX_ROWS;
       i++)
    {
      g_autoptr(WartaOfficial) official = g_list_model_get_item (self->official_cache, i);
      g_autofree char *full = NULL;
      GtkWidget *row, *label;

      if (!warta_official_matches (official, fragment))
        continue;

      full = warta_official_dup_full_title (official);
      /* Already written out in full: nothing to offer. */
      if (g_strcmp0 (full, fragment) == 0)
        continue;

      label = gtk_label_new (full);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 50);
      row = gtk_list_box_row_new ();
      gtk_widget_set_focusable (row, FALSE);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, full, -1);
      g_object_set_data_full (G_OBJECT (row), "warta-full-title", g_steal_pointer (&full), g_free);
      gtk_list_box_append (self->who_completion_list, row);
      shown++;
    }

  if (shown == 0)
    {
      hide_who_completion (self);
      return;
    }

  gtk_list_box_select_row (self->who_completion_list,
                           gtk_list_box_get_row_at_index (self->who_completion_list, 0));
  if (!gtk_widget_get_visible (GTK_WIDGET (self->who_completion)))
    gtk_popover_popup (self->who_completion);
}

/* Puts @full_title in place of the name being typed. */
static void
complete_who (WartaPublicationWindow *self,
              const char             *full_title)
{
  const char *text = row_text (self->who_row);
  const char *start = who_fragment_start (text);
  g_autofree char *before = g_strndup (text, start - text);
  g_autofree char *completed = NULL;

  if (*before == '\0')
    completed = g_strdup (full_title);
  else
    completed = g_strdup_printf ("%s %s", g_strchomp (before), full_title);

  self->completing = TRUE;
  set_row_text (self->who_row, completed);
  self->completing = FALSE;
  g_clear_object (&self->official_cache);
  hide_who_completion (self);
  gtk_editable_set_position (GTK_EDITABLE (self->who_row), -1);
}

static void
on_who_completion_row_activated_cb (WartaPublicationWindow *self,
                                    GtkListBoxRow          *row)
{
  complete_who (self, g_object_get_data (G_OBJECT (row), "warta-full-title"));
}

static void
move_who_completion (WartaPublicationWindow *self,
                     int                     delta)
{
  GtkListBoxRow *selected = gtk_list_box_get_selected_row (self->who_completion_list);
  int index = selected != NULL ? gtk_list_box_row_get_index (selected) + delta : 0;
  GtkListBoxRow *next = gtk_list_box_get_row_at_index (self->who_completion_list, MAX (index, 0));

  if (next != NULL)
    gtk_list_box_select_row (self->who_completion_list, next);
}

static gboolean
on_who_row_key_pressed_cb (GtkEventControllerKey  *controller,
                           guint                   keyval,
                           guint                   keycode,
                           GdkModifierType         state,
                           WartaPublicationWindow *self)
{
  GtkListBoxRow *selected;

  if (!gtk_widget_get_visible (GTK_WIDGET (self->who_completion)))
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      move_who_completion (self, 1);
      return GDK_EVENT_STOP;

    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      move_who_completion (self, -1);
      return GDK_EVENT_STOP;

    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      selected = gtk_list_box_get_selected_row (self->who_completion_list);
      if (selected == NULL)
        return GDK_EVENT_PROPAGATE;
      on_who_completion_row_activated_cb (self, selected);
      return GDK_EVENT_STOP;

    case GDK_KEY_Escape:
      hide_who_completion (self);
      return GDK_EVENT_STOP;

    default:
      return GDK_EVENT_PROPAGATE;
    }
}

static void
setup_who_completion (WartaPublicationWindow *self)
{
  GtkEventController *keys;
  GtkWidget *scrolled;

  self->who_completion_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->who_completion_list, GTK_SELECTION_SINGLE);
  gtk_widget_set_focusable (GTK_WIDGET (self->who_completion_list), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->who_completion_list), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->who_completion_list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Matching Officials"),
                                  -1);
  g_signal_connect_object (self->who_completion_list, "row-activated",
                           G_CALLBACK (on_who_completion_row_activated_cb), self, G_CONNECT_SWAPPED);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled),
                                 GTK_WIDGET (self->who_completion_list));

  /* Not autohide: it must not take the focus (or the keys) from the row. */
  self->who_completion = GTK_POPOVER (gtk_popover_new ());
  gtk_popover_set_autohide (self->who_completion, FALSE);
  gtk_popover_set_has_arrow (self->who_completion, FALSE);
  gtk_popover_set_position (self->who_completion, GTK_POS_BOTTOM);
  gtk_widget_set_halign (GTK_WIDGET (self->who_completion), GTK_ALIGN_START);
  gtk_widget_set_size_request (scrolled, 360, -1);
  gtk_popover_set_child (self->who_completion, scrolled);
  gtk_widget_set_parent (GTK_WIDGET (self->who_completion), GTK_WIDGET (self->who_row));

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed",
                           G_CALLBACK (on_who_row_key_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->who_row), keys);
}

GtkPopover *
_warta_publication_window_get_who_completion (WartaPublicationWindow  *self,
                                              GtkListBox             **out_list)
{
  g_return_val_if_fail (WARTA_IS_PUBLICATION_WINDOW (self), NULL);

  if (out_list != NULL)
    *out_list = self->who_completion_list;

  return self->who_completion;
}

static void
on_officials_list_row_activated_cb (WartaPublicationWindow *self,
                                    GtkListBoxRow          *row)
{
  insert_official (self, g_object_get_data (G_OBJECT (row), "warta-full-title"));
}

static void
on_officials_search_activate_cb (WartaPublicationWindow *self)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->officials_list, 0);

  if (row != NULL)
    on_officials_list_row_activated_cb (self, row);
}

static void
manage_officials_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  WartaPublicationWindow *self = WARTA_PUBLICATION_WINDOW (widget);
  WartaOfficialsDialog *dialog;

  if (current_user (self) == NULL)
    return;

  gtk_popover_popdown (self->officials_popover);
  dialog = warta_officials_dialog_new (GTK_WINDOW (self), self->officials, current_user (self));
  g_signal_connect_object (dialog, "changed", G_CALLBACK (reload_officials), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* -- signing in ------------------------------------------------------------------------ */

static void
sign_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  WartaPublicationWindow *self = WARTA_PUBLICATION_WINDOW (widget);
  g_autoptr(WartaUser) user = NULL;
  g_autoptr(GError) error = NULL;

  user = warta_user_repository_sign_in (warta_context_get_users (self->context),
                                        row_text (self->login_row),
                                        gtk_editable_get_text (GTK_EDITABLE (self->password_row)),
                                        &error);
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  if (user == NULL)
    {
      show_message (self, _("Not Signed In"), error->message);
      return;
    }

  warta_context_set_current_user (self->context, user);
}

static void
on_login_row_entry_activated_cb (WartaPublicationWindow *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
}

static void
on_password_row_entry_activated_cb (WartaPublicationWindow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "pub.sign-in", NULL);
}

/* Manage Officials… is the directory's managers'; anyone else is told
 * why it is off. The repository checks the right again; this only
 * spares a refusal. */
static void
update_officials_manage (WartaPublicationWindow *self)
{
  gboolean can_manage = warta_official_repository_can_manage (current_user (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pub.manage-officials", can_manage);
  gtk_widget_set_visible (GTK_WIDGET (self->officials_manage_note), !can_manage);
}

static void
on_current_user_changed_cb (WartaPublicationWindow *self)
{
  update_officials_manage (self);
  update_state (self);
  if (current_user (self) != NULL && self->publication == NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

/* -- the review (steps 3 and 4) --------------------------------------------------------------- */

static void
on_view_stack_visible_child_name_cb (WartaPublicationWindow *self)
{
  g_autoptr(GPtrArray) shown = NULL;

  update_read_only_visible (self);
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "review") != 0)
    return;

  /* A toast of another page would lie over the decision buttons at the
   * bottom of this one: it was about that page, and goes with it. Taken
   * out of the list first: each one dismissed leaves it. An Undo is the
   * user's only way back, though: it is offered again on this page, in
   * its own overlay above the decisions. */
  shown = g_steal_pointer (&self->window_toasts);
  self->window_toasts = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < shown->len; i++)
    {
      AdwToast *toast = shown->pdata[i];
      WartaMediaItem *removed = g_object_get_data (G_OBJECT (toast), "warta-item");

      if (toast == self->removal && removed != NULL && !g_list_store_find (self->media, removed, NULL))
        {
          g_autoptr(WartaMediaItem) item = g_object_ref (removed);
          guint position = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (toast), "warta-position"));

          adw_toast_dismiss (toast);
          offer_undo_removal (self, item, position);
        }
      else
        adw_toast_dismiss (toast);
    }

  /* The review shows what is saved: what was just typed first. */
  if (self->dirty)
    _warta_publication_window_save_now (self, NULL);
  if (warta_review_page_get_publication (self->review_page) == self->publication)
    warta_review_page_reload (self->review_page);
  else
    warta_review_page_set_publication (self->review_page, self->publication);
}

/* Someone else saved the draft or moved the publication on: an editor
 * without unsaved changes follows at once and says who did it; one with
 * unsaved changes keeps them, and its next save shows the conflict. */
static void
on_database_changed_cb (WartaPublicationWindow *self)
{
  WartaPublicationRepository *repository = warta_context_get_publications (self->context);
  g_autoptr(WartaPublication) fresh = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *draft_by = NULL;
  g_autofree char *time = NULL;
  g_autofree char *notice = NULL;
  gint64 draft_version = 0, draft_at = 0;
  gboolean moved;
  WartaUser *me = current_user (self);
  const char *who;
  gint64 at;

  if (self->publication == NULL || self->dirty || self->conflict || self->closing)
    return;
  fresh = warta_publication_repository_get (repository, warta_publication_get_id (self->publication),
                                            NULL);
  if (fresh == NULL ||
      !warta_publication_repository_get_draft_stamp (repository, warta_publication_get_id (fresh),
                                                     &draft_version, &draft_by, &draft_at, NULL))
    return;
  moved = warta_publication_get_version (fresh) != warta_publication_get_version (self->publication);
  if (!moved && draft_version == self->draft_version)
    return;

  if (!load_publication (self, warta_publication_get_id (fresh), &error))
    {
      show_message (self, _("Activity Not Reloaded"), error->message);
      return;
    }
  set_save_status (self, _("Reloaded"));

  /* The review page tells of a move itself; nobody is told of their own
   * change (another window of theirs). */
  if (moved && g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "review") == 0)
    return;
  who = moved ? warta_publication_get_updated_by_name (fresh) : draft_by;
  at = moved ? warta_publication_get_updated_at (fresh) : draft_at;
  if (me != NULL && g_strcmp0 (who, warta_user_get_display_name (me)) == 0)
    return;
  time = warta_format_time_of_day (warta_clock_get_time_zone (warta_context_get_clock (self->context)),
                                   at);
  /* Translators: "Changed by Sari Dewi at 09:30 — reloaded" */
  notice = g_strdup_printf (_("Changed by %s at %s — reloaded"),
                            who != NULL && *who != '\0' ? who : _("Another user"), time);
  toast (self, notice);
}

static void
on_review_page_publication_changed_cb (WartaPublicationWindow *self,
                                       WartaPublication       *publication)
{
  g_autoptr(GError) error = NULL;

  /* A decision moved it on, or someone else did: the editors follow,
   * unless they hold unsaved changes, which their own save checks. */
  if (self->dirty || self->publication == NULL)
    return;
  if (!load_publication (self, warta_publication_get_id (publication), &error))
    show_message (self, _("Activity Not Reloaded"), error->message);
}

/* -- the window ---------------------------------------------------------------------------- */

static gboolean
close_without_saving_cb (gpointer data)
{
  gtk_window_destroy (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
on_close_response_cb (WartaPublicationWindow *self,
                      const char             *response)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  g_clear_weak_pointer (&self->close_dialog);
  if (g_strcmp0 (response, "close") == 0)
    {
      self->dirty = FALSE;
      /* Once the dialog has gone: destroyed with this window inside its
       * own response, it would outlive it, which GTK 4.8 does not
       * survive. A quit waiting for this window then goes on. */
      g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_without_saving_cb, g_object_ref (self),
                       g_object_unref);
      return;
    }

  /* Kept open: a quit gives up here, as it would at this window. */
  if (WARTA_IS_APPLICATION (application))
    warta_application_cancel_quit (WARTA_APPLICATION (application));
  if (g_strcmp0 (response, "conflict") == 0 && self->conflict)
    show_conflict (self, self->conflict_message);
}

static gboolean
warta_publication_window_close_request (GtkWindow *window)
{
  WartaPublicationWindow *self = WARTA_PUBLICATION_WINDOW (window);
  g_autoptr(GError) error = NULL;

  /* Asked again while asking (Ctrl+Q twice): the same question. */
  if (self->close_dialog != NULL)
    {
      gtk_window_present (self->close_dialog);
      return TRUE;
    }

  /* Photos whose check came in and are waiting for the next turn to be
   * shown are part of the activity: saved with it, not lost. */
  apply_finished_media (self, -1);

  if (self->dirty && !_warta_publication_window_save_now (self, &error))
    {
      GtkWidget *dialog;

      dialog = warta_message_dialog_new (GTK_WINDOW (self), _("Changes Not Saved"), error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Keep Open"));
      /* A conflict left for later can be decided from here. */
      if (self->conflict)
        adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "conflict",
                                         _("_Decide Now…"));
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close",
                                       _("_Close Without Saving"));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "close",
                                                  ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      g_signal_connect_object (dialog, "response", G_CALLBACK (on_close_response_cb),
                               self, G_CONNECT_SWAPPED);
      g_set_weak_pointer (&self->close_dialog, GTK_WINDOW (dialog));
      gtk_window_present (GTK_WINDOW (dialog));
      return TRUE;
    }

  /* A correction note written and not added yet is not in the database:
   * closing would throw it away without a word. */
  if (warta_review_page_has_unsent_note (self->review_page))
    {
      GtkWidget *dialog;

      dialog = warta_message_dialog_new (GTK_WINDOW (self), _("Discard the Correction Note?"),
                                         _("The note you wrote is not added yet. Keep the window open and press “Add Note”, or return the publication with it."));
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Keep Open"),
                                        "close", _("_Discard and Close"),
                                        NULL);
      g_set_weak_pointer (&self->close_dialog, GTK_WINDOW (dialog));
      warta_message_dialog_ask (dialog, "close", ADW_RESPONSE_DESTRUCTIVE, "cancel",
                                G_CALLBACK (on_close_response_cb), self);
      return TRUE;
    }

  self->closing = TRUE;
  g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (warta_publication_window_parent_class)->close_request (window);
}

static void
warta_publication_window_dispose (GObject *object)
{
  WartaPublicationWindow *self = WARTA_PUBLICATION_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->save_source, g_source_remove);
  g_clear_handle_id (&self->finished_source, g_source_remove);
  g_queue_clear_full (&self->finished, g_object_unref);
  g_clear_weak_pointer (&self->refusal);
  g_clear_weak_pointer (&self->removal);
  g_clear_weak_pointer (&self->close_dialog);

  /* The completion popover is the "Who" row's child, but not the row's own. */
  if (self->who_completion != NULL)
    gtk_widget_unparent (GTK_WIDGET (g_steal_pointer (&self->who_completion)));

  gtk_widget_dispose_template (GTK_WIDGET (self), WARTA_TYPE_PUBLICATION_WINDOW);

  g_clear_pointer (&self->window_toasts, g_ptr_array_unref);
  g_clear_pointer (&self->submit_blockers, g_free);
  g_clear_pointer (&self->caption_editors, g_ptr_array_unref);
  g_clear_object (&self->media_selection);
  g_clear_object (&self->media);
  g_clear_object (&self->publication);
  g_clear_object (&self->officials);
  g_clear_object (&self->official_cache);
  g_clear_object (&self->context);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->probe);
  g_clear_object (&self->thumbnailer);
  g_clear_pointer (&self->when, g_date_time_unref);
  g_clear_pointer (&self->when_text, g_free);
  g_clear_pointer (&self->shared_text, g_free);
  g_clear_pointer (&self->title_text, g_free);
  g_clear_pointer (&self->last_error, g_free);
  g_clear_pointer (&self->base_json, g_free);
  g_clear_pointer (&self->conflict_message, g_free);

  G_OBJECT_CLASS (warta_publication_window_parent_class)->dispose (object);
}

static void
warta_publication_window_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  WartaPublicationWindow *self = WARTA_PUBLICATION_WINDOW (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, warta_publication_window_get_busy (self));
      break;

    case PROP_PUBLICATION_ID:
      g_value_set_int64 (value, warta_publication_window_get_publication_id (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
warta_publication_window_class_init (WartaPublicationWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = warta_publication_window_dispose;
  object_class->get_property = warta_publication_window_get_property;
  window_class->close_request = warta_publication_window_close_request;

  /**
   * WartaPublicationWindow:busy:
   *
   * Whether photos and videos are still being checked.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * WartaPublicationWindow:publication-id:
   *
   * The publication edited, 0 until a new activity is first saved.
   */
  properties[PROP_PUBLICATION_ID] =
    g_param_spec_int64 ("publication-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (WARTA_TYPE_CAPTION_EDITOR);
  g_type_ensure (WARTA_TYPE_REVIEW_PAGE);
  g_type_ensure (WARTA_TYPE_WRAP_BOX);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/warta-publication-window.ui");
  gtk_widget_class_bind_template_child (widget_class, WartaPublicationWindow, alt_text_row);
  gtk_widget_class_bind_template_child (widget_class, WartaPublicationWindow, blockers_label);
  gtk_widget_class_bind_template_child (widget_class, WartaPublicationWindow, captions_box);
  gtk_widget_class_bind_template_child (widget_class, WartaPublicationWindow, category_row);
  gtk_widget_class_bind_template_child (widget_class, WartaPublicationWindow, concept_box);
  gtk_widget_class_bind_template_child (widget_class, WartaPublicationWindow, consent_row);
  gtk_widget_class_bind_template_child (widget_class, WartaPublicationWindow, credit_row);
  gtk_widget_class_bind_template_child (widget_class, WartaPublicationWindow, documentation_box);
  gtk_widget_class_bind_template_child (widget_class, WartaPublicationWindow, fields_group);
  gtk_widget_class_bind_template_child (widget_class, WartaPublicationWindow, hashtags_row);
  gtk_widget_class_bind_template_child (widget_class, WartaPublicationWindow, hour_spin);
  gtk_widget_class_bind_template_child (widget_class, WartaPublicationWindow, how_row);
  gtk_widget_class_bind_template_child (widget_class, WartaPublicationWindow, illustration_switch);
  gtk_widget_class_bind_template_child (widget_class, WartaPublicationWindow, login_row);
  gtk_widget_class_bind_template_child (widget_class, WartaPublicationWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, WartaPublicationWindow, media_details);
  gtk_widget_class_bind_template_child (widget_class, WartaPublicationWindow, media_grid);
  gtk_widget_class_bind_template_child (widget_class, WartaPublicationWindow, media_hint_label);
  gtk_widget_class_bind_template_child (widget_class, WartaPublicationWindow, minor_switch);
  gtk_widget_class_bind_template_child (widget_class, WartaPublicationWindow, minute_spin);
  gtk_widget_class_bind_template_child (widget_class, WartaPublicationWindow, missing_label);
  gtk_widget_class_bind_template_child (widget_class, WartaPublicationWindow, narrative_view);
  gtk_widget_class_bind_template_child (widget_class, WartaPublicationWindow, officials_list);
  gtk_widget_class_bind_template_child (widget_class, WartaPublicationWindow, officials_popover);
  gtk_widget_class_bind_template_child (widget_class, WartaPublicationWindow, officials_manage_note);
  gtk_widget_class_bind_template_child (widget_class, WartaPublicationWindow, officials_search);
  gtk_widget_class_bind_template_child (widget_class, WartaPublicationWindow, order_list);
  gtk_widget_class_bind_template_child (widget_class, WartaPublicationWindow, password_row);
  gtk_widget_class_bind_template_child (widget_class, WartaPublicationWindow, people_switch);
  gtk_widget_class_bind_template_child (widget_class, WartaPublicationWindow, preview_box);
  gtk_widget_class_bind_template_child (widget_class, WartaPublicationWindow, preview_dropdown);
  gtk_widget_class_bind_template_child (widget_class, WartaPublicationWindow, preview_problems_label);
  gtk_widget_class_bind_template_child (widget_class, WartaPublicationWindow, review_page);
  gtk_widget_class_bind_template_child (widget_class, WartaPublicationWindow, save_status_label);
  gtk_widget_class_bind_template_child (widget_class, WartaPublicationWindow, shared_view);
  gtk_widget_class_bind_template_child (widget_class, WartaPublicationWindow, submit_button);
  gtk_widget_class_bind_template_child (widget_class, WartaPublicationWindow, submit_squeezer);
  gtk_widget_class_bind_template_child (widget_class, WartaPublicationWindow, submit_label);
  gtk_widget_class_bind_template_child (widget_class, WartaPublicationWindow, submit_short_label);
  gtk_widget_class_bind_template_child (widget_class, WartaPublicationWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, WartaPublicationWindow, time_zone_label);
  gtk_widget_class_bind_template_child (widget_class, WartaPublicationWindow, title_row);
  gtk_widget_class_bind_template_child (widget_class, WartaPublicationWindow, title_group);
  gtk_widget_class_bind_template_child (widget_class, WartaPublicationWindow, title_counter);
  gtk_widget_class_bind_template_child (widget_class, WartaPublicationWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, WartaPublicationWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, WartaPublicationWindow, read_only_label);
  gtk_widget_class_bind_template_child (widget_class, WartaPublicationWindow, what_row);
  gtk_widget_class_bind_template_child (widget_class, WartaPublicationWindow, when_button);
  gtk_widget_class_bind_template_child (widget_class, WartaPublicationWindow, when_calendar);
  gtk_widget_class_bind_template_child (widget_class, WartaPublicationWindow, when_popover);
  gtk_widget_class_bind_template_child (widget_class, WartaPublicationWindow, when_row);
  gtk_widget_class_bind_template_child (widget_class, WartaPublicationWindow, where_row);
  gtk_widget_class_bind_template_child (widget_class, WartaPublicationWindow, who_button);
  gtk_widget_class_bind_template_child (widget_class, WartaPublicationWindow, who_row);
  gtk_widget_class_bind_template_child (widget_class, WartaPublicationWindow, why_row);
  gtk_widget_class_bind_template_callback (widget_class, on_alt_text_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_category_row_notify_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_consent_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_credit_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_hashtags_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_hour_spin_value_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_how_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_illustration_switch_notify_active_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_login_row_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_submit_squeezer_notify_visible_child_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_media_grid_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_minor_switch_notify_active_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_minute_spin_value_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_officials_list_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_officials_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_officials_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_officials_search_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_password_row_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_people_switch_notify_active_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_preview_dropdown_notify_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_time_spin_output_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_title_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_what_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_when_calendar_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_where_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_who_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_why_row_changed_cb);

  gtk_widget_class_install_action (widget_class, "pub.submit", NULL, submit_action);
  gtk_widget_class_install_action (widget_class, "pub.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "pub.show-shortcuts", NULL, show_shortcuts_action);
  gtk_widget_class_install_action (widget_class, "pub.add-media", NULL, add_media_action);
  gtk_widget_class_install_action (widget_class, "pub.remove-media", NULL, remove_media_action);
  gtk_widget_class_install_action (widget_class, "pub.preview-media", NULL, preview_media_action);
  gtk_widget_class_install_action (widget_class, "pub.edit-photo", NULL, edit_photo_action);
  gtk_widget_class_install_action (widget_class, "pub.clear-when", NULL, clear_when_action);
  gtk_widget_class_install_action (widget_class, "pub.manage-officials", NULL, manage_officials_action);
  gtk_widget_class_install_action (widget_class, "pub.sign-in", NULL, sign_in_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "pub.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "pub.submit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_question, GDK_CONTROL_MASK,
                                       "pub.show-shortcuts", NULL);
}

static void
warta_publication_window_init (WartaPublicationWindow *self)
{
  GtkListItemFactory *factory;
  GtkDropTarget *drop;
  g_autoptr(GtkStringList) platforms = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  /* The template's buttons with a mnemonic: named once (warta-mnemonic.c). */
  warta_mnemonic_name_buttons (GTK_WIDGET (self));
  /* Officials and photos are items: one Tab stop, the arrows between them
   * (warta-list-focus.c). */
  warta_list_set_single_tab_stop (GTK_WIDGET (self->officials_list));
  warta_list_set_single_tab_stop (GTK_WIDGET (self->order_list));
  warta_list_set_single_tab_stop (GTK_WIDGET (self->media_grid));
  setup_who_completion (self);
  update_title_counter (self);
  {
    /* The formats this computer opens, as a refused file's message says. */
    g_autofree char *hint =
      /* Translators: %s lists photo formats, e.g. "JPEG, PNG, WebP" */
      g_strdup_printf (_("Drop photos (%s) and videos (MP4) here, or choose Add."),
                       warta_media_get_photo_formats ());

    gtk_label_set_label (self->media_hint_label, hint);
  }

  self->cancellable = g_cancellable_new ();
  self->probe = warta_media_probe_new ();
  self->thumbnailer = warta_thumbnailer_new (NULL);
  self->caption_editors = g_ptr_array_new ();
  self->window_toasts = g_ptr_array_new_with_free_func (g_object_unref);
  self->media = g_list_store_new (WARTA_TYPE_MEDIA_ITEM);
  self->media_selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->media)));
  gtk_single_selection_set_autoselect (self->media_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->media_selection, TRUE);
  g_signal_connect_object (self->media_selection, "notify::selected-item",
                           G_CALLBACK (on_selection_changed_cb), self, G_CONNECT_SWAPPED);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_media_cell_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_media_cell_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_media_cell_cb), NULL);
  gtk_grid_view_set_factory (self->media_grid, factory);
  /* Delete removes the selected photo where the grid has the focus (not
   * in a text field), as in a file manager; Undo puts it back. */
  {
    GtkEventController *keys = gtk_shortcut_controller_new ();
    GtkShortcutTrigger *delete = gtk_keyval_trigger_new (GDK_KEY_Delete, 0);
    GtkShortcutTrigger *kp = gtk_keyval_trigger_new (GDK_KEY_KP_Delete, 0);
    GtkShortcutAction *remove = gtk_named_action_new ("pub.remove-media");
    GtkShortcutTrigger *either = gtk_alternative_trigger_new (delete, kp);

    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                          gtk_shortcut_new (either, remove));
    gtk_widget_add_controller (GTK_WIDGET (self->media_grid), keys);
  }
  g_object_unref (factory);
  gtk_grid_view_set_model (self->media_grid, GTK_SELECTION_MODEL (self->media_selection));

  gtk_list_box_bind_model (self->order_list, G_LIST_MODEL (self->media),
                           create_order_row, self, NULL);
  g_signal_connect_object (self->order_list, "row-activated",
                           G_CALLBACK (on_order_list_row_activated_cb), self, G_CONNECT_SWAPPED);

  gtk_text_buffer_set_enable_undo (gtk_text_view_get_buffer (self->narrative_view), TRUE);
  gtk_text_buffer_set_enable_undo (gtk_text_view_get_buffer (self->shared_view), TRUE);
  g_signal_connect_object (gtk_text_view_get_buffer (self->narrative_view), "changed",
                           G_CALLBACK (on_narrative_buffer_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->shared_view), "changed",
                           G_CALLBACK (on_shared_buffer_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->when_popover, "show",
                           G_CALLBACK (on_when_popover_show_cb), self, G_CONNECT_SWAPPED);
  {
    GtkGesture *press = gtk_gesture_click_new ();
    GtkEventController *keys = gtk_event_controller_key_new ();

    /* Capture: before the calendar selects the day clicked, or a spin
     * button takes Enter for itself. */
    gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (press), GTK_PHASE_CAPTURE);
    g_signal_connect_object (press, "pressed", G_CALLBACK (on_when_calendar_pressed_cb), self, 0);
    gtk_widget_add_controller (GTK_WIDGET (self->when_calendar), GTK_EVENT_CONTROLLER (press));
    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_when_popover_key_pressed_cb),
                             self, 0);
    gtk_widget_add_controller (GTK_WIDGET (self->when_popover), keys);
  }

  for (guint i = 0; i < G_N_ELEMENTS (editor_targets); i++)
    {
      GtkWidget *editor = warta_caption_editor_new (editor_targets[i]);

      g_signal_connect_object (editor, "changed", G_CALLBACK (on_caption_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_ptr_array_add (self->caption_editors, editor);
      gtk_box_append (self->captions_box, editor);
    }

  for (guint i = 0; i < G_N_ELEMENTS (preview_specs); i++)
    gtk_string_list_append (platforms, _(preview_specs[i].name));
  gtk_drop_down_set_model (self->preview_dropdown, G_LIST_MODEL (platforms));

  /* Many files at once, from Files or a camera's folder. */
  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (drop, "drop", G_CALLBACK (on_drop_cb), self, 0);
  gtk_widget_add_controller (self->documentation_box, GTK_EVENT_CONTROLLER (drop));

#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif

  update_when_row (self);
  update_details (self);
}

/**
 * warta_publication_window_new:
 * @parent: (nullable): the main window; the editor stays on top of it but
 *   does not block it
 * @context: the services of the open database
 * @publication_id: the publication to edit, or 0 for a new activity, which
 *   is created when the user first writes something
 *
 * Returns: (transfer none): the editor, not yet shown
 */
WartaPublicationWindow *
warta_publication_window_new (GtkWindow    *parent,
                              WartaContext *context,
                              gint64        publication_id)
{
  WartaPublicationWindow *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (WARTA_IS_CONTEXT (context), NULL);

  self = g_object_new (WARTA_TYPE_PUBLICATION_WINDOW,
                       "transient-for", parent,
                       "application", parent ? gtk_window_get_application (parent) : NULL,
                       NULL);
  self->context = g_object_ref (context);
  self->officials = warta_official_repository_new (warta_context_get_database (context),
                                                   warta_context_get_clock (context));
  g_signal_connect_object (context, "notify::current-user",
                           G_CALLBACK (on_current_user_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (warta_context_get_database (context), "changed",
                           G_CALLBACK (on_database_changed_cb), self, G_CONNECT_SWAPPED);
  update_officials_manage (self);
  warta_review_page_set_context (self->review_page, context);
  g_signal_connect_object (self->review_page, "publication-changed",
                           G_CALLBACK (on_review_page_publication_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view_stack, "notify::visible-child-name",
                           G_CALLBACK (on_view_stack_visible_child_name_cb), self, G_CONNECT_SWAPPED);

  self->publish_view = WARTA_PUBLISH_VIEW (warta_publish_view_new ());
  self->publish_page = adw_view_stack_add_titled (self->view_stack, GTK_WIDGET (self->publish_view),
                                                  "publish", _("Publish"));
  adw_view_stack_page_set_icon_name (self->publish_page, "mail-send-symbolic");
  adw_view_stack_page_set_visible (self->publish_page, FALSE);
  warta_publish_view_set_context (self->publish_view, context);
  g_signal_connect_object (self->publish_view, "publication-changed",
                           G_CALLBACK (on_publish_view_publication_changed_cb), self, G_CONNECT_SWAPPED);

  update_state (self);

  if (publication_id != 0 && !load_publication (self, publication_id, &error))
    {
      show_message (self, _("Activity Not Opened"), error->message);
      gtk_widget_set_sensitive (self->documentation_box, FALSE);
      gtk_widget_set_sensitive (self->concept_box, FALSE);
    }

  if (self->publication != NULL && current_state (self) == WARTA_STATE_PROCESSING)
    adw_view_stack_set_visible_child_name (self->view_stack, "concept");
  else if (self->publication != NULL && (current_state (self) == WARTA_STATE_VERIFYING ||
                                         current_state (self) == WARTA_STATE_APPROVING))
    adw_view_stack_set_visible_child_name (self->view_stack, "review");
  else if (self->publication != NULL && state_is_publishing (current_state (self)))
    adw_view_stack_set_visible_child_name (self->view_stack, "publish");

  if (current_user (self) != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->login_row));

  return self;
}

gint64
warta_publication_window_get_publication_id (WartaPublicationWindow *self)
{
  g_return_val_if_fail (WARTA_IS_PUBLICATION_WINDOW (self), 0);

  return self->publication ? warta_publication_get_id (self->publication) : 0;
}

gboolean
warta_publication_window_get_busy (WartaPublicationWindow *self)
{
  g_return_val_if_fail (WARTA_IS_PUBLICATION_WINDOW (self), FALSE);

  return self->n_pending > 0 || self->checking_files;
}
