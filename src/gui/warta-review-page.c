/* warta-review-page.c: steps 3 and 4, the verifier's and the approver's page
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The content of the current revision as it will be published, what
 * changed since the revision the signed-in user last acted on (a word diff
 * of every field, media added, removed or moved), the correction notes and
 * the decision of the step: the verifier's checklist, "Return with
 * Corrections" and "Forward to Approver"; the approver's "Approve This
 * Revision", "Return to Social Media Admin" and "Return to Verifier".
 * Anyone else reads the same page without the decision. Every decision is
 * made with the publication's version the page was loaded with, so a
 * change made meanwhile by someone else is refused and said, never
 * overwritten.
 *
 * When the database changes (here or in another Warta on the same file),
 * the page reads the publication's version; if it moved, the page reloads
 * and says who changed it, in a toast when it is on screen. The note being
 * written, its pin, and the checklist ticks and notes not yet sent are
 * kept across the reload, with a word when the content under them changed.
 */
#define G_LOG_DOMAIN "warta-review-page"

#include "config.h"

#include <glib/gi18n.h>

#include "warta-caption-rules.h"
#include "warta-clock.h"
#include "warta-diff.h"
#include "warta-event-log.h"
#include "warta-list-focus.h"
#include "warta-mnemonic.h"
#include "warta-publication-row.h"
#include "warta-review-page.h"
#include "warta-wrap-box.h"

/* The countdown is redrawn this often. */
#define TICK_SECONDS 60

struct _WartaReviewPage
{
  AdwBin                parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkLabel             *state_label;
  GtkLabel             *revision_label;
  GtkLabel             *deadline_label;
  GtkLabel             *read_only_label;
  AdwPreferencesGroup  *changes_group;
  GtkBox               *changes_box;
  GtkListBox           *fields_list;
  AdwPreferencesGroup  *captions_group;
  GtkListBox           *captions_list;
  AdwPreferencesGroup  *media_group;
  GtkListBox           *media_list;
  GtkListBox           *notes_list;
  GtkBox               *composer_box;
  GtkLabel             *pin_label;
  GtkButton            *unpin_button;
  GtkTextView          *note_view;
  AdwPreferencesGroup  *checklist_group;
  GtkListBox           *checklist_list;
  GtkWidget            *decision_box;
  GtkButton            *return_button;
  GtkButton            *return_verifier_button;
  GtkButton            *forward_button;
  GtkButton            *approve_button;

  /* Owned references */
  WartaContext         *context;
  WartaPublication     *publication;
  WartaRevision        *revision;       /* the current one */
  WartaRevision        *base;           /* the one last reviewed, or NULL */
  WartaRevisionDiff    *diff;
  GListModel           *notes;          /* WartaCorrectionNote */
  GHashTable           *revision_numbers; /* revision id → number */
  char                 *pin_field;
  char                 *pin_sha256;
  char                 *reload_notice;
  GPtrArray            *diff_labels;    /* GtkLabel, borrowed: redrawn for dark */

  GtkCheckButton       *checks[WARTA_N_CHECKS];
  AdwEntryRow          *check_notes[WARTA_N_CHECKS];

  guint                 tick_source;
};

G_DEFINE_FINAL_TYPE (WartaReviewPage, warta_review_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_PUBLICATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  PUBLICATION_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void update_deadline (WartaReviewPage *self);

/* -- helpers ------------------------------------------------------------ */

static WartaUser *
current_user (WartaReviewPage *self)
{
  return self->context ? warta_context_get_current_user (self->context) : NULL;
}

static WartaRole
current_roles (WartaReviewPage *self)
{
  WartaUser *user = current_user (self);

  return user ? warta_user_get_roles (user) : WARTA_ROLE_NONE;
}

static WartaState
current_state (WartaReviewPage *self)
{
  return self->publication ? warta_publication_get_state (self->publication)
                           : WARTA_STATE_DOCUMENTING;
}

/* g_set_str() is GLib 2.76. */
static void
set_str (char       **str,
         const char  *value)
{
  if (*str == value)
    return;
  g_free (*str);
  *str = g_strdup (value);
}

static gboolean
has_text (const char *text)
{
  while (text != NULL && g_ascii_isspace (*text))
    text++;

  return text != NULL && *text != '\0';
}

static void
show_message (WartaReviewPage *self,
              const char      *heading,
              const char      *body)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  dialog = warta_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
remove_all (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)))
    {
      if (GTK_IS_LIST_BOX (box))
        gtk_list_box_remove (GTK_LIST_BOX (box), child);
      else
        gtk_box_remove (GTK_BOX (box), child);
    }
}

static char *
short_hash (const char *hash)
{
  return g_strndup (hash ? hash : "", 12);
}

/* The name of a field as the editor labels it. */
static WartaMediaItem *
find_media (WartaRevision *revision,
            const char    *sha256)
{
  GListModel *media = revision ? warta_revision_get_media (revision) : NULL;

  for (guint i = 0; media != NULL && i < g_list_model_get_n_items (media); i++)
    {
      g_autoptr(WartaMediaItem) item = g_list_model_get_item (media, i);

      if (g_strcmp0 (warta_media_item_get_sha256 (item), sha256) == 0)
        return item;
    }

  return NULL;
}

static char *
media_name (WartaMediaItem *item)
{
  const char *path = item ? warta_media_item_get_path (item) : NULL;

  return path ? g_filename_display_basename (path) : g_strdup (_("A removed photo"));
}

/* What a note is pinned to, for people. */
static char *
describe_pin (WartaReviewPage *self,
              const char      *field,
              const char      *sha256)
{
  if (field != NULL)
    /* Translators: %s is a field, "Who (Siapa)" */
    return g_strdup_printf (_("On %s"), warta_revision_field_get_display_name (field));

  if (sha256 != NULL)
    {
      g_autofree char *name = media_name (find_media (self->revision, sha256));

      /* Translators: %s is a file name, "foto-01.jpg" */
      return g_strdup_printf (_("On the photo %s"), name);
    }

  return g_strdup (_("General note"));
}

/* -- the diff's colours -------------------------------------------------- */

/* Underline and strike-through carry the meaning; the colours only help,
 * and are chosen for the light or the dark style. */
static char *
diff_markup (GPtrArray *runs)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  GString *markup = g_string_new (NULL);

  for (guint i = 0; i < runs->len; i++)
    {
      WartaDiffRun *run = g_ptr_array_index (runs, i);
      g_autofree char *escaped = g_markup_escape_text (run->text, -1);

      if (run->op == WARTA_DIFF_INSERT)
        g_string_append_printf (markup,
                                "<span underline=\"single\" foreground=\"%s\" background=\"%s\">%s</span>",
                                dark ? "#8ff0a4" : "#1c6e3d", dark ? "#1d4d34" : "#d7f5e3", escaped);
      else if (run->op == WARTA_DIFF_DELETE)
        g_string_append_printf (markup,
                                "<span strikethrough=\"true\" foreground=\"%s\" background=\"%s\">%s</span>",
                                dark ? "#ffa0a0" : "#a51d2d", dark ? "#5c2228" : "#fbe0e0", escaped);
      else
        g_string_append (markup, escaped);
    }

  return g_string_free (markup, FALSE);
}

static void
update_diff_colors (WartaReviewPage *self)
{
  for (guint i = 0; i < self->diff_labels->len; i++)
    {
      GtkLabel *label = g_ptr_array_index (self->diff_labels, i);
      g_autofree char *markup = diff_markup (g_object_get_data (G_OBJECT (label), "warta-runs"));

      gtk_label_set_markup (label, markup);
    }
}

static GtkWidget *
make_diff_view (WartaReviewPage *self,
                const char      *title,
                GPtrArray       *runs)
{
  g_autofree char *plain = warta_diff_format (runs);
  g_autofree char *markup = diff_markup (runs);
  GtkWidget *text, *box, *label;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  label = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);

  text = gtk_label_new (NULL);
  gtk_label_set_markup (GTK_LABEL (text), markup);
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (text), TRUE);
  gtk_widget_set_margin_start (text, 12);
  gtk_widget_set_margin_end (text, 12);
  gtk_widget_set_margin_top (text, 10);
  gtk_widget_set_margin_bottom (text, 10);
  /* A screen reader hears the changes spelled out, not the colours. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (text),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, plain,
                                  -1);
  g_object_set_data_full (G_OBJECT (text), "warta-runs", g_ptr_array_ref (runs),
                          (GDestroyNotify)g_ptr_array_unref);
  g_object_set_data_full (G_OBJECT (text), "warta-diff", g_steal_pointer (&plain), g_free);
  gtk_widget_set_name (text, "diff");

  {
    GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

    gtk_widget_add_css_class (card, "card");
    gtk_box_append (GTK_BOX (card), text);
    gtk_box_append (GTK_BOX (box), card);
  }
  g_ptr_array_add (self->diff_labels, text);

  return box;
}

/* -- what changed --------------------------------------------------------- */

static const char *
event_kind_is_review (const char *kind)
{
  /* Edits and autosaves are not reviews: the reader wants the changes
   * since the last time they judged the content. */
  static const char * const kinds[] = {
    "submit", "forward", "approve", "return", "note", "checklist",
    "note-resolved", "note-confirmed", "note-reopened", NULL
  };

  return g_strv_contains (kinds, kind) ? kind : NULL;
}

/* The revision this user last acted on, or else the one before the
 * current revision. */
static gint64
find_base_revision_id (WartaReviewPage *self,
                       GListModel      *revisions)
{
  WartaUser *user = current_user (self);
  gint64 current_id = warta_publication_get_current_revision_id (self->publication);
  g_autoptr(GListModel) events = NULL;
  gint64 base = 0;

  if (user != NULL)
    events = warta_event_log_list (warta_context_get_database (self->context),
                                   warta_publication_get_id (self->publication), NULL);

  for (guint i = 0; events != NULL && i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(WartaEvent) event = g_list_model_get_item (events, i);
      gint64 revision_id = warta_event_get_revision_id (event);

      if (warta_event_get_actor_id (event) == warta_user_get_id (user) &&
          event_kind_is_review (warta_event_get_kind (event)) &&
          revision_id != 0 && revision_id != current_id)
        base = revision_id;   /* oldest first: the last one wins */
    }

  if (base != 0)
    return base;

  /* Never acted on it: the revision before the current one. */
  for (guint i = 0; revisions != NULL && i < g_list_model_get_n_items (revisions); i++)
    {
      g_autoptr(WartaRevision) revision = g_list_model_get_item (revisions, i);

      if (warta_revision_get_id (revision) == current_id)
        break;
      base = warta_revision_get_id (revision);
    }

  return base;
}

static GtkWidget *
make_change_row (const char *title,
                 const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  return row;
}

static char *
format_when (WartaReviewPage *self,
             const char      *when)
{
  GTimeZone *tz = warta_clock_get_time_zone (warta_context_get_clock (self->context));
  g_autoptr(GDateTime) parsed = NULL;
  g_autoptr(GDateTime) date = NULL;

  if (!has_text (when))
    return NULL;

  parsed = g_date_time_new_from_iso8601 (when, tz);
  if (parsed == NULL)
    return g_strdup (when);
  /* In the office's zone, named "WIB", not the stored offset "+07". */
  date = g_date_time_to_timezone (parsed, tz);

  /* Translators: the activity's date and time, "Thursday, 5 March 2026 09:30 WIB";
   * see the strftime()/g_date_time_format() codes */
  return warta_date_time_format (date, _("%A, %-d %B %Y %H:%M %Z"));
}

static void
fill_changes (WartaReviewPage *self)
{
  GtkWidget *media_list = NULL;
  g_autofree char *title = NULL;

  g_ptr_array_set_size (self->diff_labels, 0);
  remove_all (GTK_WIDGET (self->changes_box));

  if (self->base == NULL)
    {
      adw_preferences_group_set_title (self->changes_group, _("What Changed"));
      adw_preferences_group_set_description (self->changes_group,
                                             _("This is the first revision: there is nothing to compare it with."));
      return;
    }

  /* Translators: %u is a revision number */
  title = g_strdup_printf (_("What Changed Since Revision %u"), warta_revision_get_number (self->base));
  adw_preferences_group_set_title (self->changes_group, title);

  if (warta_revision_diff_is_empty (self->diff))
    {
      adw_preferences_group_set_description (self->changes_group,
                                             _("Nothing changed since the revision you last reviewed."));
      return;
    }
  adw_preferences_group_set_description (self->changes_group,
                                         _("Since the revision you last reviewed. Inserted words are underlined, deleted words struck through."));

  for (guint i = 0; i < warta_revision_diff_get_n_fields (self->diff); i++)
    {
      const WartaFieldDiff *field = warta_revision_diff_get_field (self->diff, i);
      g_autoptr(GPtrArray) when_runs = NULL;

      /* "When" is stored as ISO 8601 ("2026-03-05T09:30:00+07"): the
       * change is shown between the dates as the page writes them. */
      if (g_strcmp0 (field->field, "when") == 0)
        {
          g_autofree char *before = format_when (self, warta_revision_get_when (self->base));
          g_autofree char *after = format_when (self, warta_revision_get_when (self->revision));

          when_runs = warta_diff_words (before ? before : "", after ? after : "");
        }
      gtk_box_append (self->changes_box,
                      make_diff_view (self, warta_revision_field_get_display_name (field->field),
                                      when_runs ? when_runs : field->runs));
    }

  for (guint i = 0; i < warta_revision_diff_get_n_media (self->diff); i++)
    {
      const WartaMediaDiff *media = warta_revision_diff_get_media (self->diff, i);
      g_autofree char *name = media_name (media->item);
      g_autofree char *subtitle = NULL;
      const char *what;
      GtkWidget *row;

      if (media_list == NULL)
        {
          media_list = gtk_list_box_new ();
          gtk_list_box_set_selection_mode (GTK_LIST_BOX (media_list), GTK_SELECTION_NONE);
          gtk_widget_add_css_class (media_list, "boxed-list");
          gtk_accessible_update_property (GTK_ACCESSIBLE (media_list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("Changes to the photos and videos"), -1);
          gtk_box_append (self->changes_box, media_list);
        }

      switch (media->change)
        {
        case WARTA_MEDIA_CHANGE_ADDED:
          what = _("Added");
          /* Translators: %d is a position in the order, "3" */
          subtitle = g_strdup_printf (_("Added as number %d"), media->new_position + 1);
          break;

        case WARTA_MEDIA_CHANGE_REMOVED:
          what = _("Removed");
          subtitle = g_strdup (what);
          break;

        case WARTA_MEDIA_CHANGE_MOVED:
          what = _("Moved");
          /* Translators: positions in the order of the photos, "from 3 to 1" */
          subtitle = g_strdup_printf (_("Moved from number %d to number %d"),
                                      media->old_position + 1, media->new_position + 1);
          break;

        case WARTA_MEDIA_CHANGE_DETAILS:
        default:
          what = _("Details changed");
          /* Translators: %s is the photo's alt text */
          subtitle = g_strdup_printf (_("Alt text, credit or flags changed. Alt text now: %s"),
                                      has_text (warta_media_item_get_alt_text (media->item))
                                      ? warta_media_item_get_alt_text (media->item) : _("none"));
          break;
        }

      row = make_change_row (name, subtitle);
      {
        GtkWidget *tag = gtk_label_new (what);

        gtk_widget_add_css_class (tag, media->change == WARTA_MEDIA_CHANGE_REMOVED ? "error"
                                       : media->change == WARTA_MEDIA_CHANGE_ADDED ? "success"
                                       : "accent");
        gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag);
      }
      gtk_list_box_append (GTK_LIST_BOX (media_list), row);
    }
}

/* -- the content ------------------------------------------------------------ */

static void
on_pin_row_activated_cb (AdwActionRow    *row,
                         WartaReviewPage *self)
{
  _warta_review_page_pin (self, g_object_get_data (G_OBJECT (row), "warta-field"),
                          g_object_get_data (G_OBJECT (row), "warta-sha256"));
}

static GtkWidget *
make_content_row (WartaReviewPage *self,
                  const char      *title,
                  const char      *text,
                  const char      *field,
                  const char      *sha256)
{
  GtkWidget *row = adw_action_row_new ();
  gboolean can_note = self->publication != NULL &&
                      warta_workflow_check_note (current_state (self), current_roles (self), NULL);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), has_text (text) ? text : _("Empty"));
  g_object_set_data_full (G_OBJECT (row), "warta-field", g_strdup (field), g_free);
  g_object_set_data_full (G_OBJECT (row), "warta-sha256", g_strdup (sha256), g_free);

  if (field != NULL)
    gtk_widget_set_name (row, field);

  if (can_note)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("document-edit-symbolic");
      g_autofree char *tooltip = NULL;

      /* Translators: %s is a field or a file name */
      tooltip = g_strdup_printf (_("Write a correction note on %s"), title);
      gtk_widget_set_tooltip_text (row, tooltip);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_signal_connect_object (row, "activated", G_CALLBACK (on_pin_row_activated_cb), self, 0);
    }

  return row;
}

static void
fill_content (WartaReviewPage *self)
{
  WartaRevision *r = self->revision;
  g_autofree char *when = format_when (self, warta_revision_get_when (r));
  GListModel *media = warta_revision_get_media (r);
  const struct { const char *field; const char *text; } fields[] = {
    { "title", warta_revision_get_title (r) },
    { "what", warta_revision_get_what (r) },
    { "who", warta_revision_get_who (r) },
    { "when", when },
    { "where", warta_revision_get_where (r) },
    { "why", warta_revision_get_why (r) },
    { "how", warta_revision_get_how (r) },
    { "narrative", warta_revision_get_narrative (r) },
  };
  guint n_captions = 0;

  remove_all (GTK_WIDGET (self->fields_list));
  remove_all (GTK_WIDGET (self->captions_list));
  remove_all (GTK_WIDGET (self->media_list));

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    gtk_list_box_append (self->fields_list,
                         make_content_row (self,
                                           warta_revision_field_get_display_name (fields[i].field),
                                           fields[i].text, fields[i].field, NULL));

  /* The captions as each platform gets them, in the platforms' order. */
  for (guint t = 0; t < WARTA_N_CAPTION_TARGETS; t++)
    {
      const char *id = warta_caption_target_to_string (t);
      g_autofree char *field = g_strconcat ("caption:", id, NULL);
      const char *text;

      if (t == WARTA_CAPTION_TARGET_WEBSITE_TITLE)
        {
          text = warta_revision_get_article_title (r);
          set_str (&field, "article-title");
        }
      else if (t == WARTA_CAPTION_TARGET_WEBSITE_BODY)
        {
          text = warta_revision_get_article_body (r);
          set_str (&field, "article-body");
        }
      else
        text = warta_revision_get_caption (r, id);

      if (!has_text (text))
        continue;
      gtk_list_box_append (self->captions_list,
                           make_content_row (self, warta_caption_target_get_name (t), text, field, NULL));
      n_captions++;
    }
  if (has_text (warta_revision_get_hashtags (r)))
    gtk_list_box_append (self->captions_list,
                         make_content_row (self, warta_revision_field_get_display_name ("hashtags"),
                                           warta_revision_get_hashtags (r), "hashtags", NULL));
  gtk_widget_set_visible (GTK_WIDGET (self->captions_group), n_captions > 0);

  for (guint i = 0; i < g_list_model_get_n_items (media); i++)
    {
      g_autoptr(WartaMediaItem) item = g_list_model_get_item (media, i);
      g_autofree char *name = media_name (item);
      g_autoptr(GString) details = g_string_new (NULL);
      const char *alt = warta_media_item_get_alt_text (item);
      GtkWidget *row;

      /* Translators: a photo's alt text, as "Alt text: …" */
      g_string_append_printf (details, _("Alt text: %s"), has_text (alt) ? alt : _("none"));
      if (has_text (warta_media_item_get_credit (item)))
        {
          g_string_append_c (details, '\n');
          /* Translators: who took a photo, as "Credit: …" */
          g_string_append_printf (details, _("Credit: %s"), warta_media_item_get_credit (item));
        }
      if (warta_media_item_get_illustration (item))
        g_string_append_printf (details, "\n%s", _("Illustration"));
      if (warta_media_item_get_identifiable_people (item))
        g_string_append_printf (details, "\n%s", _("Shows identifiable people"));
      if (warta_media_item_get_minor (item))
        g_string_append_printf (details, "\n%s",
                                has_text (warta_media_item_get_consent (item))
                                ? _("Shows a child; guardian consent recorded")
                                : _("Shows a child; no guardian consent recorded"));

      row = make_content_row (self, name, details->str, NULL, warta_media_item_get_sha256 (item));
      gtk_widget_set_name (row, warta_media_item_get_sha256 (item));
      gtk_list_box_append (self->media_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->media_group), g_list_model_get_n_items (media) > 0);
}

/* -- notes --------------------------------------------------------------------- */

static WartaCorrectionNote *
find_note (WartaReviewPage *self,
           gint64           id)
{
  for (guint i = 0; self->notes != NULL && i < g_list_model_get_n_items (self->notes); i++)
    {
      g_autoptr(WartaCorrectionNote) note = g_list_model_get_item (self->notes, i);

      if (warta_correction_note_get_id (note) == id)
        return note;
    }

  return NULL;
}

static GtkWidget *
make_note_button (const char *label,
                  const char *action,
                  gint64      note_id,
                  const char *css_class)
{
  GtkWidget *button = warta_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", note_id);
  if (css_class != NULL)
    gtk_widget_add_css_class (button, css_class);

  return button;
}

static void
fill_notes (WartaReviewPage *self)
{
  WartaRole roles = current_roles (self);
  gboolean may_resolve = (roles & (WARTA_ROLE_SOCIAL_MEDIA_ADMIN | WARTA_ROLE_ACTIVITY_OFFICER)) != 0;
  gboolean may_confirm = (roles & (WARTA_ROLE_VERIFIER | WARTA_ROLE_APPROVER)) != 0;

  remove_all (GTK_WIDGET (self->notes_list));

  for (guint i = 0; self->notes != NULL && i < g_list_model_get_n_items (self->notes); i++)
    {
      g_autoptr(WartaCorrectionNote) note = g_list_model_get_item (self->notes, i);
      WartaNoteStatus status = warta_correction_note_get_status (note);
      gint64 id = warta_correction_note_get_id (note);
      g_autofree char *pin = describe_pin (self, warta_correction_note_get_field (note),
                                           warta_correction_note_get_media_sha256 (note));
      g_autofree char *subtitle = NULL;
      const char *author = warta_correction_note_get_author_name (note);
      const char *status_text;
      GtkWidget *row, *status_label;

      if (author == NULL)
        author = "";

      switch (status)
        {
        case WARTA_NOTE_STATUS_RESOLVED:
          {
            gint64 resolved_in = warta_correction_note_get_resolved_revision_id (note);
            guint number = GPOINTER_TO_UINT (g_hash_table_lookup (self->revision_numbers, &resolved_in));
            g_autofree char *text = NULL;

            /* Translators: a correction marked as done, in revision %u */
            text = g_strdup_printf (_("Done in revision %u"), number);
            subtitle = g_strdup_printf ("%s · %s · %s", pin, author, text);
            status_text = _("Done");
          }
          break;

        case WARTA_NOTE_STATUS_CONFIRMED:
          subtitle = g_strdup_printf ("%s · %s", pin, author);
          status_text = _("Confirmed");
          break;

        case WARTA_NOTE_STATUS_OPEN:
        default:
          subtitle = g_strdup_printf ("%s · %s", pin, author);
          status_text = _("Open");
          break;
        }

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), warta_correction_note_get_text (note));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);

      status_label = gtk_label_new (status_text);
      gtk_widget_set_valign (status_label, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (status_label, "caption-heading");
      gtk_widget_add_css_class (status_label, status == WARTA_NOTE_STATUS_OPEN ? "warning"
                                              : status == WARTA_NOTE_STATUS_RESOLVED ? "accent"
                                              : "success");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), status_label);

      if (status == WARTA_NOTE_STATUS_OPEN && may_resolve)
        {
          GtkWidget *button = make_note_button (_("_Mark as Done"), "review.resolve-note", id, NULL);

          /* A correction is done in a revision after the note's: until the
           * corrected content is submitted there is none. */
          if (self->revision == NULL ||
              warta_revision_get_id (self->revision) <= warta_correction_note_get_revision_id (note))
            {
              /* The action would make it sensitive again. */
              gtk_actionable_set_action_name (GTK_ACTIONABLE (button), NULL);
              gtk_widget_set_sensitive (button, FALSE);
              gtk_widget_set_tooltip_text (button,
                                           _("Submit the corrected content first: the correction is done in the new revision."));
            }
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        }
      if (status == WARTA_NOTE_STATUS_RESOLVED && may_confirm)
        {
          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     make_note_button (_("Re_open"), "review.reopen-note", id, NULL));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     make_note_button (_("_Confirm"), "review.confirm-note", id,
                                                       "suggested-action"));
        }

      gtk_list_box_append (self->notes_list, row);
    }
}

static void
update_pin (WartaReviewPage *self)
{
  g_autofree char *text = describe_pin (self, self->pin_field, self->pin_sha256);

  gtk_label_set_label (self->pin_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->unpin_button),
                          self->pin_field != NULL || self->pin_sha256 != NULL);
}

void
_warta_review_page_pin (WartaReviewPage *self,
                        const char      *field,
                        const char      *media_sha256)
{
  g_return_if_fail (WARTA_IS_REVIEW_PAGE (self));

  set_str (&self->pin_field, field);
  set_str (&self->pin_sha256, field == NULL ? media_sha256 : NULL);
  update_pin (self);

  if (gtk_widget_get_visible (GTK_WIDGET (self->composer_box)))
    gtk_widget_grab_focus (GTK_WIDGET (self->note_view));
}

static void
on_unpin_button_clicked_cb (WartaReviewPage *self)
{
  _warta_review_page_pin (self, NULL, NULL);
}

static char *
dup_note_text (WartaReviewPage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

/**
 * warta_review_page_has_unsent_note:
 * @self: a #WartaReviewPage
 *
 * Whether a correction note is written but neither added nor sent back
 * with a return, where notes can still be added: closing the page would
 * lose it.
 *
 * Returns: %TRUE when the note field holds text
 */
gboolean
warta_review_page_has_unsent_note (WartaReviewPage *self)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (WARTA_IS_REVIEW_PAGE (self), FALSE);

  /* Hidden, once the step moved on, it could not be added anyway. */
  if (!gtk_widget_get_visible (GTK_WIDGET (self->composer_box)))
    return FALSE;
  text = dup_note_text (self);
  return *text != '\0';
}

/* -- the checklist --------------------------------------------------------------- */

static void
update_check_note (WartaReviewPage *self,
                   guint            i)
{
  gboolean ticked = gtk_check_button_get_active (self->checks[i]);

  /* Greyed out, not hidden: the items below stay where they are, so the
   * next click lands on the item under the pointer. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->check_notes[i]), !ticked);
}

static void
on_check_toggled_cb (GtkCheckButton  *check,
                     WartaReviewPage *self)
{
  for (guint i = 0; i < WARTA_N_CHECKS; i++)
    if (self->checks[i] == check)
      update_check_note (self, i);
}

static void
build_checklist (WartaReviewPage *self)
{
  for (guint i = 0; i < WARTA_N_CHECKS; i++)
    {
      const char *name = warta_check_get_display_name ((WartaCheck)i);
      g_autofree char *note_title = NULL;
      GtkWidget *row, *check, *entry;

      check = gtk_check_button_new ();
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_widget_set_name (check, warta_check_get_id ((WartaCheck)i));
      g_signal_connect_object (check, "toggled", G_CALLBACK (on_check_toggled_cb), self, 0);

      /* Named by the row's title, which the activatable row relates to it. */
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_list_box_append (self->checklist_list, row);

      /* Translators: %s is a checklist item, "Source verified" */
      note_title = g_strdup_printf (_("Why not: %s"), name);
      entry = adw_entry_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), note_title);
      gtk_widget_set_name (entry, warta_check_get_id ((WartaCheck)i));
      gtk_list_box_append (self->checklist_list, entry);

      self->checks[i] = GTK_CHECK_BUTTON (check);
      self->check_notes[i] = ADW_ENTRY_ROW (entry);
    }
}

static void
load_checklist (WartaReviewPage *self)
{
  gboolean ticked[WARTA_N_CHECKS] = { 0 };
  char *notes[WARTA_N_CHECKS] = { NULL };

  /* Nothing saved yet for this revision: all unticked, no notes. */
  warta_publication_repository_get_checklist (warta_context_get_publications (self->context),
                                              warta_revision_get_id (self->revision),
                                              ticked, notes, NULL);
  for (guint i = 0; i < WARTA_N_CHECKS; i++)
    {
      gtk_check_button_set_active (self->checks[i], ticked[i]);
      gtk_editable_set_text (GTK_EDITABLE (self->check_notes[i]), notes[i] ? notes[i] : "");
      update_check_note (self, i);
      g_free (notes[i]);
    }
}

static void
read_checklist (WartaReviewPage *self,
                gboolean         ticked[WARTA_N_CHECKS],
                const char      *notes[WARTA_N_CHECKS])
{
  for (guint i = 0; i < WARTA_N_CHECKS; i++)
    {
      ticked[i] = gtk_check_button_get_active (self->checks[i]);
      notes[i] = gtk_editable_get_text (GTK_EDITABLE (self->check_notes[i]));
    }
}

/* -- the header and the decision ---------------------------------------------------- */

static void
update_deadline (WartaReviewPage *self)
{
  WartaClock *clock = NULL;
  gint64 now;
  g_autofree char *text = NULL;

  gtk_widget_remove_css_class (GTK_WIDGET (self->deadline_label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->deadline_label), "dim-label");

  if (self->publication != NULL)
    {
      clock = warta_context_get_clock (self->context);
      text = warta_publication_row_format_deadline (self->publication, clock);
    }
  if (text == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->deadline_label), FALSE);
      return;
    }

  now = warta_clock_now (clock);
  gtk_label_set_label (self->deadline_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->deadline_label), TRUE);
  if (warta_publication_is_overdue (self->publication, now))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->deadline_label), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->deadline_label),
                                   _("The step is past its deadline"));
    }
  else if (warta_publication_get_waiting_until (self->publication, now) != 0)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->deadline_label),
                                 _("The step’s time limit starts at the scheduled time"));
  else
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->deadline_label),
                                 _("Time left in this step"));
}

static gboolean
tick_cb (gpointer user_data)
{
  update_deadline (WARTA_REVIEW_PAGE (user_data));

  return G_SOURCE_CONTINUE;
}

static void
update_actions (WartaReviewPage *self)
{
  WartaState state = current_state (self);
  WartaRole roles = current_roles (self);
  gboolean loaded = self->publication != NULL && self->revision != NULL;
  gboolean can_verify = loaded && state == WARTA_STATE_VERIFYING && (roles & WARTA_ROLE_VERIFIER);
  gboolean can_approve = loaded && state == WARTA_STATE_APPROVING && (roles & WARTA_ROLE_APPROVER);
  gboolean can_note = loaded && warta_workflow_check_note (state, roles, NULL);
  gboolean may_resolve = (roles & (WARTA_ROLE_SOCIAL_MEDIA_ADMIN | WARTA_ROLE_ACTIVITY_OFFICER)) != 0;
  gboolean may_confirm = (roles & (WARTA_ROLE_VERIFIER | WARTA_ROLE_APPROVER)) != 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.forward", can_verify);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.return", can_verify || can_approve);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.return-to-verifier", can_approve);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.approve", can_approve);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.add-note", can_note);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.resolve-note", loaded && may_resolve);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.confirm-note", loaded && may_confirm);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.reopen-note", loaded && may_confirm);

  gtk_widget_set_visible (self->decision_box, can_verify || can_approve);
  gtk_widget_set_visible (GTK_WIDGET (self->forward_button), can_verify);
  gtk_widget_set_visible (GTK_WIDGET (self->approve_button), can_approve);
  gtk_widget_set_visible (GTK_WIDGET (self->return_verifier_button), can_approve);
  warta_button_set_mnemonic (self->return_button,
                             can_approve ? _("Return to Social Media A_dmin")
                                         : _("_Return with Corrections"));
  gtk_widget_set_visible (GTK_WIDGET (self->composer_box), can_note);

  /* The verifier's checklist, and afterwards what the verifier answered. */
  gtk_widget_set_visible (GTK_WIDGET (self->checklist_group),
                          loaded && (state == WARTA_STATE_VERIFYING || state == WARTA_STATE_APPROVING));
  gtk_widget_set_sensitive (GTK_WIDGET (self->checklist_list), can_verify);

  if (!loaded)
    gtk_widget_set_visible (GTK_WIDGET (self->read_only_label), FALSE);
  else if (can_verify || can_approve)
    gtk_widget_set_visible (GTK_WIDGET (self->read_only_label), FALSE);
  else
    {
      g_autofree char *text = NULL;
      WartaRole role = warta_state_get_role (state);

      if (state == WARTA_STATE_VERIFYING || state == WARTA_STATE_APPROVING)
        /* Translators: %s is a role, "Atasan PPID" */
        text = g_strdup_printf (_("Only a user with the role “%s” decides on this step. You can read it, and mark corrections as done."),
                                warta_context_get_role_name (self->context, role));
      else
        text = g_strdup (_("This publication is not waiting for a review. The page shows it as it stands."));
      gtk_label_set_label (self->read_only_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->read_only_label), TRUE);
    }
}

static void
update_header (WartaReviewPage *self)
{
  g_autofree char *hash = short_hash (warta_revision_get_hash (self->revision));
  g_autofree char *text = NULL;

  /* Translators: "Revision 3 · 1a2b3c4d5e6f", a number and the start of its hash */
  text = g_strdup_printf (_("Revision %u · %s"), warta_revision_get_number (self->revision), hash);
  gtk_label_set_label (self->revision_label, text);
  gtk_label_set_label (self->state_label,
                       warta_state_get_display_name (warta_publication_get_state (self->publication)));
  update_deadline (self);
}

static void
clear_loaded (WartaReviewPage *self)
{
  g_clear_object (&self->revision);
  g_clear_object (&self->base);
  g_clear_pointer (&self->diff, warta_revision_diff_unref);
  g_clear_object (&self->notes);
  g_hash_table_remove_all (self->revision_numbers);
}

/**
 * warta_review_page_reload:
 * @self: a #WartaReviewPage
 *
 * Reads the publication, its current revision, the revision the user last
 * reviewed, the notes and the checklist again from the database.
 */
void
warta_review_page_reload (WartaReviewPage *self)
{
  WartaPublicationRepository *repository;
  g_autoptr(WartaPublication) fresh = NULL;
  g_autoptr(GListModel) revisions = NULL;
  g_autoptr(GError) error = NULL;
  gint64 base_id;

  g_return_if_fail (WARTA_IS_REVIEW_PAGE (self));

  clear_loaded (self);

  if (self->context == NULL || self->publication == NULL)
    {
      update_actions (self);
      return;
    }

  repository = warta_context_get_publications (self->context);
  fresh = warta_publication_repository_get (repository, warta_publication_get_id (self->publication), &error);
  if (fresh == NULL)
    {
      g_warning ("Cannot reload the publication: %s", error->message);
      update_actions (self);
      return;
    }
  g_set_object (&self->publication, fresh);

  if (warta_publication_get_current_revision_id (fresh) == 0)
    {
      update_actions (self);
      return;
    }

  self->revision = warta_publication_repository_get_revision (repository,
                                                              warta_publication_get_current_revision_id (fresh),
                                                              &error);
  if (self->revision == NULL)
    {
      g_warning ("Cannot load the revision: %s", error->message);
      update_actions (self);
      return;
    }

  revisions = warta_publication_repository_list_revisions (repository, warta_publication_get_id (fresh), NULL);
  for (guint i = 0; revisions != NULL && i < g_list_model_get_n_items (revisions); i++)
    {
      g_autoptr(WartaRevision) revision = g_list_model_get_item (revisions, i);
      gint64 *key = g_new (gint64, 1);

      *key = warta_revision_get_id (revision);
      g_hash_table_insert (self->revision_numbers, key,
                           GUINT_TO_POINTER (warta_revision_get_number (revision)));
    }

  base_id = find_base_revision_id (self, revisions);
  if (base_id != 0)
    self->base = warta_publication_repository_get_revision (repository, base_id, NULL);
  self->diff = warta_revision_diff_new (self->base, self->revision);
  self->notes = warta_publication_repository_list_notes (repository, warta_publication_get_id (fresh), NULL);

  update_header (self);
  fill_changes (self);
  fill_content (self);
  fill_notes (self);
  load_checklist (self);
  update_pin (self);
  update_actions (self);
}

/**
 * warta_review_page_add_toast:
 * @self: a #WartaReviewPage
 * @toast: (transfer full): a toast
 *
 * Shows @toast above the page's decision buttons, not over them.
 */
void
warta_review_page_add_toast (WartaReviewPage *self,
                             AdwToast        *toast)
{
  g_return_if_fail (WARTA_IS_REVIEW_PAGE (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* -- changes made elsewhere ------------------------------------------------------------ */

static void
set_reload_notice (WartaReviewPage *self,
                   const char      *notice)
{
  set_str (&self->reload_notice, notice);

  /* Said only to someone looking at the page, in the page's own overlay:
   * the window's would cover the decision buttons. */
  if (notice != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      AdwToast *toast = adw_toast_new (notice);

      adw_toast_set_timeout (toast, 8);
      warta_review_page_add_toast (self, toast);
    }
}

static void
on_database_changed_cb (WartaReviewPage *self)
{
  WartaPublicationRepository *repository;
  g_autoptr(WartaPublication) fresh = NULL;
  g_autofree char *time = NULL;
  g_autofree char *notice = NULL;
  g_autofree char *note = NULL;
  gboolean ticked[WARTA_N_CHECKS];
  const char *check_notes[WARTA_N_CHECKS];
  char *kept_notes[WARTA_N_CHECKS];
  gboolean checklist_touched = FALSE;
  gint64 revision_id;
  const char *who;
  WartaUser *me;

  if (self->context == NULL || self->publication == NULL)
    return;

  repository = warta_context_get_publications (self->context);
  fresh = warta_publication_repository_get (repository, warta_publication_get_id (self->publication), NULL);
  if (fresh == NULL ||
      warta_publication_get_version (fresh) == warta_publication_get_version (self->publication))
    return;

  /* What the user has not sent: the note's text and pin survive a reload
   * as they are; the checklist is read back from the database, so keep
   * what is on screen. */
  revision_id = self->revision != NULL ? warta_revision_get_id (self->revision) : 0;
  read_checklist (self, ticked, check_notes);
  for (guint i = 0; i < WARTA_N_CHECKS; i++)
    {
      kept_notes[i] = g_strdup (check_notes[i]);
      checklist_touched |= ticked[i] || has_text (kept_notes[i]);
    }

  warta_review_page_reload (self);

  if (self->revision != NULL && gtk_widget_get_visible (GTK_WIDGET (self->checklist_group)))
    for (guint i = 0; i < WARTA_N_CHECKS; i++)
      {
        gtk_check_button_set_active (self->checks[i], ticked[i]);
        gtk_editable_set_text (GTK_EDITABLE (self->check_notes[i]), kept_notes[i]);
        update_check_note (self, i);
      }
  for (guint i = 0; i < WARTA_N_CHECKS; i++)
    g_free (kept_notes[i]);

  /* A change this user made (a checklist saved before a refused
   * forward, another window of theirs) is reloaded without telling them
   * that they changed it. */
  me = warta_context_get_current_user (self->context);
  if (me != NULL && warta_publication_get_updated_by (self->publication) == warta_user_get_id (me))
    {
      set_reload_notice (self, NULL);
      g_signal_emit (self, signals[PUBLICATION_CHANGED], 0, self->publication);
      return;
    }

  time = warta_format_time_of_day (warta_clock_get_time_zone (warta_context_get_clock (self->context)),
                                   warta_publication_get_updated_at (self->publication));
  who = warta_publication_get_updated_by_name (self->publication);
  if (!has_text (who))
    who = _("Another user");

  note = dup_note_text (self);
  if (self->revision != NULL && warta_revision_get_id (self->revision) != revision_id &&
      (checklist_touched || has_text (note)))
    /* Translators: "Changed by Sari Dewi at 09:30 — reloaded. …" */
    notice = g_strdup_printf (_("Changed by %s at %s — reloaded. Your note and checklist are kept: check them against the new content."),
                              who, time);
  else
    /* Translators: "Changed by Sari Dewi at 09:30 — reloaded" */
    notice = g_strdup_printf (_("Changed by %s at %s — reloaded"), who, time);

  set_reload_notice (self, notice);
  g_signal_emit (self, signals[PUBLICATION_CHANGED], 0, self->publication);
}

/**
 * warta_review_page_get_reload_notice:
 * @self: a #WartaReviewPage
 *
 * Returns: (nullable): what the page said when it last reloaded for a
 *   change made elsewhere
 */
const char *
warta_review_page_get_reload_notice (WartaReviewPage *self)
{
  g_return_val_if_fail (WARTA_IS_REVIEW_PAGE (self), NULL);

  return self->reload_notice;
}

/* -- decisions ------------------------------------------------------------------------ */

static void
publication_changed (WartaReviewPage  *self,
                     WartaPublication *publication)
{
  g_set_object (&self->publication, publication);
  warta_review_page_reload (self);
  g_signal_emit (self, signals[PUBLICATION_CHANGED], 0, self->publication);
}

static void
show_error (WartaReviewPage *self,
            const char      *heading,
            const GError    *error)
{
  show_message (self, heading, error->message);

  /* Someone else moved it: show what is there now. */
  if (g_error_matches (error, WARTA_DB_ERROR, WARTA_DB_ERROR_CONFLICT))
    {
      warta_review_page_reload (self);
      g_signal_emit (self, signals[PUBLICATION_CHANGED], 0, self->publication);
    }
}

static gboolean
do_transition (WartaReviewPage *self,
               WartaAction      action,
               WartaState       to,
               const char      *heading)
{
  g_autoptr(WartaPublication) publication = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *note = dup_note_text (self);
  WartaPublicationRepository *repository = warta_context_get_publications (self->context);
  gint64 id = warta_publication_get_id (self->publication);
  gint64 version = warta_publication_get_version (self->publication);

  /* A note typed and sent with the return keeps the field or photo it was
   * written on, as Add Note would have kept it. */
  if (action == WARTA_ACTION_RETURN)
    publication = warta_publication_repository_return_with_note (repository, current_user (self),
                                                                 id, version, to,
                                                                 self->pin_field, self->pin_sha256,
                                                                 *note ? note : NULL, &error);
  else
    publication = warta_publication_repository_transition (repository, current_user (self),
                                                           id, version, action, to, NULL, &error);
  if (publication == NULL)
    {
      show_error (self, heading, error);
      return FALSE;
    }

  if (action == WARTA_ACTION_RETURN)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view), "", -1);
  _warta_review_page_pin (self, NULL, NULL);
  publication_changed (self, publication);
  return TRUE;
}

static void
return_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  WartaReviewPage *self = WARTA_REVIEW_PAGE (widget);

  /* The verifier's answers so far are kept when they are complete; a
   * return does not wait for them. */
  if (current_state (self) == WARTA_STATE_VERIFYING)
    {
      gboolean ticked[WARTA_N_CHECKS];
      const char *notes[WARTA_N_CHECKS];

      read_checklist (self, ticked, notes);
      if (warta_workflow_check_checklist (ticked, notes, NULL))
        warta_publication_repository_save_checklist (warta_context_get_publications (self->context),
                                                     current_user (self),
                                                     warta_publication_get_id (self->publication),
                                                     ticked, notes, NULL);
    }

  do_transition (self, WARTA_ACTION_RETURN, WARTA_STATE_PROCESSING, _("Not Returned"));
}

static void
return_to_verifier_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  do_transition (WARTA_REVIEW_PAGE (widget), WARTA_ACTION_RETURN, WARTA_STATE_VERIFYING,
                 _("Not Returned"));
}

static void
forward_now (WartaReviewPage *self)
{
  g_autoptr(GError) error = NULL;
  gboolean ticked[WARTA_N_CHECKS];
  const char *notes[WARTA_N_CHECKS];

  read_checklist (self, ticked, notes);
  if (!warta_publication_repository_save_checklist (warta_context_get_publications (self->context),
                                                    current_user (self),
                                                    warta_publication_get_id (self->publication),
                                                    ticked, notes, &error))
    {
      show_message (self, _("Not Forwarded"), error->message);
      return;
    }

  do_transition (self, WARTA_ACTION_FORWARD, WARTA_STATE_APPROVING, _("Not Forwarded"));
}

static void
on_forward_response_cb (WartaReviewPage *self,
                        const char      *response)
{
  if (g_strcmp0 (response, "forward") == 0)
    forward_now (self);
}

/* The correction notes on the publication in @status. */
static guint
count_notes (WartaReviewPage *self,
             WartaNoteStatus  status)
{
  guint n = 0;

  for (guint i = 0; self->notes != NULL && i < g_list_model_get_n_items (self->notes); i++)
    {
      g_autoptr(WartaCorrectionNote) note = g_list_model_get_item (self->notes, i);

      if (warta_correction_note_get_status (note) == status)
        n++;
    }

  return n;
}

/* What the corrections not settled mean, said before forwarding or
 * approving: those still open, then those marked as done that the
 * reviewer has not confirmed; NULL when there are none. */
static char *
format_unsettled_notes (guint n_open,
                        guint n_unconfirmed)
{
  g_autofree char *open = NULL;
  g_autofree char *unconfirmed = NULL;

  if (n_open > 0)
    open = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u correction note is still open: the social media admin has not marked it as done. Check the content, or return it with corrections.",
                                         "%u correction notes are still open: the social media admin has not marked them as done. Check the content, or return it with corrections.",
                                         n_open),
                            n_open);
  if (n_unconfirmed > 0)
    unconfirmed = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "%u correction marked as done is not confirmed yet. Check that the content now follows it, then confirm it or open it again.",
                                                "%u corrections marked as done are not confirmed yet. Check that the content now follows them, then confirm them or open them again.",
                                                n_unconfirmed),
                                   n_unconfirmed);
  if (open != NULL && unconfirmed != NULL)
    return g_strconcat (open, "\n\n", unconfirmed, NULL);

  return open != NULL ? g_steal_pointer (&open) : g_steal_pointer (&unconfirmed);
}

/* A correction still open was not marked as done by the social media
 * admin, and one marked as done was not looked at by the verifier: the
 * verifier is asked before the content goes on with it. */
static void
forward_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  WartaReviewPage *self = WARTA_REVIEW_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  guint n_open = count_notes (self, WARTA_NOTE_STATUS_OPEN);
  g_autofree char *body = format_unsettled_notes (n_open,
                                                  count_notes (self, WARTA_NOTE_STATUS_RESOLVED));
  GtkWidget *dialog;

  if (body == NULL)
    {
      forward_now (self);
      return;
    }

  dialog = warta_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                     n_open > 0 ? _("Forward With Open Corrections?")
                                                : _("Forward With Unconfirmed Corrections?"),
                                     body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "forward", _("_Forward Anyway"),
                                    NULL);
  warta_message_dialog_ask (dialog, "forward", ADW_RESPONSE_DESTRUCTIVE, "cancel",
                            G_CALLBACK (on_forward_response_cb), self);
}

/* What the approval covers: per platform, the text and the number of
 * files it will carry. */
static GtkWidget *
make_approval_summary (WartaReviewPage *self)
{
  GListModel *media = warta_revision_get_media (self->revision);
  guint n_photos = 0, n_videos = 0;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *scrolled;

  for (guint i = 0; i < g_list_model_get_n_items (media); i++)
    {
      g_autoptr(WartaMediaItem) item = g_list_model_get_item (media, i);

      if (g_strcmp0 (warta_media_item_get_kind (item), "video") == 0)
        n_videos++;
      else
        n_photos++;
    }

  for (guint t = 0; t < WARTA_N_CAPTION_TARGETS; t++)
    {
      const char *text;
      g_autofree char *files = NULL;
      g_autofree char *videos = NULL;
      g_autofree char *heading = NULL;
      GtkWidget *label;
      gboolean videos_only = t == WARTA_CAPTION_TARGET_YOUTUBE_TITLE ||
                             t == WARTA_CAPTION_TARGET_YOUTUBE_DESCRIPTION ||
                             t == WARTA_CAPTION_TARGET_TIKTOK_VIDEO;

      if (t == WARTA_CAPTION_TARGET_WEBSITE_TITLE)
        text = warta_revision_get_article_title (self->revision);
      else if (t == WARTA_CAPTION_TARGET_WEBSITE_BODY)
        text = warta_revision_get_article_body (self->revision);
      else
        text = warta_revision_get_caption (self->revision, warta_caption_target_to_string (t));
      /* A platform that takes videos only gets nothing without one. */
      if (!has_text (text) || (videos_only && n_videos == 0))
        continue;

      /* The files go with a post's text, not with its title; and only
       * what there is: "3 photos", not "3 photos, 0 videos". */
      if (t != WARTA_CAPTION_TARGET_WEBSITE_TITLE && t != WARTA_CAPTION_TARGET_YOUTUBE_TITLE &&
          t != WARTA_CAPTION_TARGET_TIKTOK_PHOTO_TITLE)
        {
          /* Translators: what a platform will carry */
          g_autofree char *photos = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u photo", "%u photos",
                                                                  n_photos), n_photos);

          /* Translators: what a platform will carry */
          videos = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u video", "%u videos", n_videos),
                                    n_videos);
          if (n_photos > 0 && n_videos > 0 && !videos_only)
            files = g_strdup_printf ("%s, %s", photos, videos);
          else if (n_photos > 0 && !videos_only)
            files = g_steal_pointer (&photos);
          else if (n_videos > 0)
            files = g_steal_pointer (&videos);
        }
      heading = files ? g_strdup_printf ("%s — %s", warta_caption_target_get_name (t), files)
                      : g_strdup (warta_caption_target_get_name (t));

      label = gtk_label_new (heading);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "heading");
      gtk_box_append (GTK_BOX (box), label);

      label = gtk_label_new (text);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_box_append (GTK_BOX (box), label);
    }

  if (gtk_widget_get_first_child (box) == NULL)
    {
      GtkWidget *label = gtk_label_new (_("No caption is written: nothing will be posted."));

      gtk_widget_add_css_class (label, "error");
      gtk_box_append (GTK_BOX (box), label);
    }

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), box);

  return scrolled;
}

static void
approve_now (WartaReviewPage *self,
             gint64           revision_id)
{
  WartaPublicationRepository *repository = warta_context_get_publications (self->context);
  g_autoptr(WartaPublication) fresh = NULL;
  g_autoptr(GError) error = NULL;

  /* The approval is of the revision shown: if the content changed since,
   * say who changed it and show the new one. */
  fresh = warta_publication_repository_get (repository, warta_publication_get_id (self->publication), &error);
  if (fresh == NULL)
    {
      show_message (self, _("Not Approved"), error->message);
      return;
    }
  if (warta_publication_get_current_revision_id (fresh) != revision_id ||
      warta_publication_get_version (fresh) != warta_publication_get_version (self->publication))
    {
      WartaClock *clock = warta_context_get_clock (self->context);
      g_autofree char *time = warta_format_time_of_day (warta_clock_get_time_zone (clock),
                                                        warta_publication_get_updated_at (fresh));
      g_autofree char *body = NULL;
      const char *who = warta_publication_get_updated_by_name (fresh);

      /* Translators: "Sari Dewi changed the publication at 09:30 …" */
      body = g_strdup_printf (_("%s changed the publication at %s, after you opened it, so the revision you were about to approve is no longer the current one. Nothing was approved: review the publication as it is now."),
                              has_text (who) ? who : _("Another user"), time);
      show_message (self, _("Not Approved"), body);
      warta_review_page_reload (self);
      g_signal_emit (self, signals[PUBLICATION_CHANGED], 0, self->publication);
      return;
    }

  do_transition (self, WARTA_ACTION_APPROVE, WARTA_STATE_APPROVED, _("Not Approved"));
}

static void
on_approve_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        WartaReviewPage  *self)
{
  if (g_strcmp0 (response, "approve") == 0)
    approve_now (self, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "warta-revision-id")));
}

static void
approve_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  WartaReviewPage *self = WARTA_REVIEW_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *hash = short_hash (warta_revision_get_hash (self->revision));
  g_autofree char *body = NULL;
  guint n_open = count_notes (self, WARTA_NOTE_STATUS_OPEN);
  g_autofree char *unsettled = format_unsettled_notes (n_open,
                                                       count_notes (self, WARTA_NOTE_STATUS_RESOLVED));
  const char *heading;
  GtkWidget *dialog;

  /* Translators: %u is a revision number, %s the start of its hash */
  body = g_strdup_printf (_("You approve revision %u (%s) exactly as shown below. The social media admin may then post it; any later change voids the approval."),
                          warta_revision_get_number (self->revision), hash);
  /* An open or unconfirmed correction is said, as when forwarding: once
   * approved, no new revision can follow it. */
  if (unsettled != NULL)
    {
      g_autofree char *both = g_strconcat (unsettled, "\n\n", body, NULL);

      g_free (body);
      body = g_steal_pointer (&both);
    }
  if (n_open > 0)
    heading = _("Approve With Open Corrections?");
  else if (unsettled != NULL)
    heading = _("Approve With Unconfirmed Corrections?");
  else
    heading = _("Approve This Revision?");
  dialog = warta_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), make_approval_summary (self));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "approve", _("_Approve This Revision"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "approve",
                                              unsettled != NULL ? ADW_RESPONSE_DESTRUCTIVE
                                                                : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "warta-revision-id",
                     GSIZE_TO_POINTER (warta_revision_get_id (self->revision)));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_approve_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_note_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  WartaReviewPage *self = WARTA_REVIEW_PAGE (widget);
  g_autoptr(WartaCorrectionNote) note = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = dup_note_text (self);

  note = warta_publication_repository_add_note (warta_context_get_publications (self->context),
                                                current_user (self),
                                                warta_publication_get_id (self->publication),
                                                self->pin_field, self->pin_sha256, text, &error);
  if (note == NULL)
    {
      show_message (self, _("Note Not Added"), error->message);
      return;
    }

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view), "", -1);
  _warta_review_page_pin (self, NULL, NULL);
  g_clear_object (&self->notes);
  self->notes = warta_publication_repository_list_notes (warta_context_get_publications (self->context),
                                                         warta_publication_get_id (self->publication), NULL);
  fill_notes (self);
}

static void
change_note (WartaReviewPage *self,
             GVariant        *parameter,
             int              change)   /* 0 resolve, 1 confirm, 2 reopen */
{
  WartaPublicationRepository *repository = warta_context_get_publications (self->context);
  g_autoptr(WartaCorrectionNote) result = NULL;
  g_autoptr(GError) error = NULL;
  WartaCorrectionNote *note = find_note (self, g_variant_get_int64 (parameter));

  if (note == NULL)
    return;

  if (change == 0)
    result = warta_publication_repository_resolve_note (repository, current_user (self),
                                                        warta_correction_note_get_id (note),
                                                        warta_correction_note_get_version (note), &error);
  else
    result = warta_publication_repository_confirm_note (repository, current_user (self),
                                                        warta_correction_note_get_id (note),
                                                        warta_correction_note_get_version (note),
                                                        change == 1, &error);
  if (result == NULL)
    show_message (self, _("Note Not Changed"), error->message);

  warta_review_page_reload (self);
}

static void
resolve_note_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  change_note (WARTA_REVIEW_PAGE (widget), parameter, 0);
}

static void
confirm_note_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  change_note (WARTA_REVIEW_PAGE (widget), parameter, 1);
}

static void
reopen_note_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  change_note (WARTA_REVIEW_PAGE (widget), parameter, 2);
}

/* -- the object ------------------------------------------------------------------------ */

static void
on_current_user_changed_cb (WartaReviewPage *self)
{
  _warta_review_page_pin (self, NULL, NULL);
  warta_review_page_reload (self);
}

static void
warta_review_page_dispose (GObject *object)
{
  WartaReviewPage *self = WARTA_REVIEW_PAGE (object);

  g_clear_handle_id (&self->tick_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), WARTA_TYPE_REVIEW_PAGE);

  clear_loaded (self);
  g_clear_object (&self->publication);
  g_clear_object (&self->context);
  g_clear_pointer (&self->diff_labels, g_ptr_array_unref);
  g_clear_pointer (&self->revision_numbers, g_hash_table_unref);
  g_clear_pointer (&self->pin_field, g_free);
  g_clear_pointer (&self->reload_notice, g_free);
  g_clear_pointer (&self->pin_sha256, g_free);

  G_OBJECT_CLASS (warta_review_page_parent_class)->dispose (object);
}

static void
warta_review_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  WartaReviewPage *self = WARTA_REVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, warta_review_page_get_context (self));
      break;

    case PROP_PUBLICATION:
      g_value_set_object (value, warta_review_page_get_publication (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
warta_review_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  WartaReviewPage *self = WARTA_REVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      warta_review_page_set_context (self, g_value_get_object (value));
      break;

    case PROP_PUBLICATION:
      warta_review_page_set_publication (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
warta_review_page_class_init (WartaReviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = warta_review_page_dispose;
  object_class->get_property = warta_review_page_get_property;
  object_class->set_property = warta_review_page_set_property;

  g_type_ensure (WARTA_TYPE_WRAP_BOX);

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, WARTA_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PUBLICATION] =
    g_param_spec_object ("publication", NULL, NULL, WARTA_TYPE_PUBLICATION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * WartaReviewPage::publication-changed:
   * @self: the page
   * @publication: the publication as it is now
   *
   * A decision moved the publication, or the page found it changed by
   * someone else.
   */
  signals[PUBLICATION_CHANGED] =
    g_signal_new ("publication-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, WARTA_TYPE_PUBLICATION);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/warta-review-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WartaReviewPage, approve_button);
  gtk_widget_class_bind_template_child (widget_class, WartaReviewPage, captions_group);
  gtk_widget_class_bind_template_child (widget_class, WartaReviewPage, captions_list);
  gtk_widget_class_bind_template_child (widget_class, WartaReviewPage, changes_box);
  gtk_widget_class_bind_template_child (widget_class, WartaReviewPage, changes_group);
  gtk_widget_class_bind_template_child (widget_class, WartaReviewPage, checklist_group);
  gtk_widget_class_bind_template_child (widget_class, WartaReviewPage, checklist_list);
  gtk_widget_class_bind_template_child (widget_class, WartaReviewPage, composer_box);
  gtk_widget_class_bind_template_child (widget_class, WartaReviewPage, deadline_label);
  gtk_widget_class_bind_template_child (widget_class, WartaReviewPage, decision_box);
  gtk_widget_class_bind_template_child (widget_class, WartaReviewPage, fields_list);
  gtk_widget_class_bind_template_child (widget_class, WartaReviewPage, forward_button);
  gtk_widget_class_bind_template_child (widget_class, WartaReviewPage, media_group);
  gtk_widget_class_bind_template_child (widget_class, WartaReviewPage, media_list);
  gtk_widget_class_bind_template_child (widget_class, WartaReviewPage, note_view);
  gtk_widget_class_bind_template_child (widget_class, WartaReviewPage, notes_list);
  gtk_widget_class_bind_template_child (widget_class, WartaReviewPage, pin_label);
  gtk_widget_class_bind_template_child (widget_class, WartaReviewPage, read_only_label);
  gtk_widget_class_bind_template_child (widget_class, WartaReviewPage, return_button);
  gtk_widget_class_bind_template_child (widget_class, WartaReviewPage, return_verifier_button);
  gtk_widget_class_bind_template_child (widget_class, WartaReviewPage, revision_label);
  gtk_widget_class_bind_template_child (widget_class, WartaReviewPage, state_label);
  gtk_widget_class_bind_template_child (widget_class, WartaReviewPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, WartaReviewPage, unpin_button);
  gtk_widget_class_bind_template_callback (widget_class, on_unpin_button_clicked_cb);

  gtk_widget_class_install_action (widget_class, "review.forward", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "review.return", NULL, return_action);
  gtk_widget_class_install_action (widget_class, "review.return-to-verifier", NULL, return_to_verifier_action);
  gtk_widget_class_install_action (widget_class, "review.approve", NULL, approve_action);
  gtk_widget_class_install_action (widget_class, "review.add-note", NULL, add_note_action);
  gtk_widget_class_install_action (widget_class, "review.resolve-note", "x", resolve_note_action);
  gtk_widget_class_install_action (widget_class, "review.confirm-note", "x", confirm_note_action);
  gtk_widget_class_install_action (widget_class, "review.reopen-note", "x", reopen_note_action);
}

static void
warta_review_page_init (WartaReviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The template's buttons with a mnemonic: named once (warta-mnemonic.c). */
  warta_mnemonic_name_buttons (GTK_WIDGET (self));
  /* Rows are items: one Tab stop, the arrows between rows (warta-list-focus.c). */
  warta_list_set_single_tab_stop (GTK_WIDGET (self->fields_list));
  warta_list_set_single_tab_stop (GTK_WIDGET (self->captions_list));
  warta_list_set_single_tab_stop (GTK_WIDGET (self->media_list));
  warta_list_set_single_tab_stop (GTK_WIDGET (self->notes_list));

  self->revision_numbers = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->diff_labels = g_ptr_array_new ();
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_diff_colors), self, G_CONNECT_SWAPPED);

  build_checklist (self);
  update_pin (self);
  update_actions (self);

  self->tick_source = g_timeout_add_seconds (TICK_SECONDS, tick_cb, self);
}

GtkWidget *
warta_review_page_new (void)
{
  return g_object_new (WARTA_TYPE_REVIEW_PAGE, NULL);
}

WartaContext *
warta_review_page_get_context (WartaReviewPage *self)
{
  g_return_val_if_fail (WARTA_IS_REVIEW_PAGE (self), NULL);

  return self->context;
}

void
warta_review_page_set_context (WartaReviewPage *self,
                               WartaContext    *context)
{
  g_return_if_fail (WARTA_IS_REVIEW_PAGE (self));
  g_return_if_fail (!context || WARTA_IS_CONTEXT (context));

  if (self->context == context)
    return;

  if (self->context != NULL)
    {
      g_signal_handlers_disconnect_by_data (warta_context_get_database (self->context), self);
      g_signal_handlers_disconnect_by_data (self->context, self);
    }
  g_set_object (&self->context, context);
  if (context != NULL)
    {
      g_signal_connect_object (context, "notify::current-user",
                               G_CALLBACK (on_current_user_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (warta_context_get_database (context), "changed",
                               G_CALLBACK (on_database_changed_cb), self, G_CONNECT_SWAPPED);
    }

  warta_review_page_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}

WartaPublication *
warta_review_page_get_publication (WartaReviewPage *self)
{
  g_return_val_if_fail (WARTA_IS_REVIEW_PAGE (self), NULL);

  return self->publication;
}

/**
 * warta_review_page_set_publication:
 * @self: a #WartaReviewPage
 * @publication: (nullable): the publication to review; its version is the
 *   one decisions are made with
 */
void
warta_review_page_set_publication (WartaReviewPage  *self,
                                   WartaPublication *publication)
{
  g_return_if_fail (WARTA_IS_REVIEW_PAGE (self));
  g_return_if_fail (!publication || WARTA_IS_PUBLICATION (publication));

  if (self->publication == publication)
    return;

  /* A new publication, not a new version of the same: forget the pin. */
  if (self->publication == NULL || publication == NULL ||
      warta_publication_get_id (self->publication) != warta_publication_get_id (publication))
    _warta_review_page_pin (self, NULL, NULL);

  g_set_object (&self->publication, publication);
  warta_review_page_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PUBLICATION]);
}

/**
 * warta_review_page_get_base_revision_id:
 * @self: a #WartaReviewPage
 *
 * Returns: the revision the changes are shown against, 0 for none
 */
gint64
warta_review_page_get_base_revision_id (WartaReviewPage *self)
{
  g_return_val_if_fail (WARTA_IS_REVIEW_PAGE (self), 0);

  return self->base ? warta_revision_get_id (self->base) : 0;
}
