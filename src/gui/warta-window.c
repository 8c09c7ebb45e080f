/* warta-window.c: the main window, a sidebar of the procedure's sections
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "warta-window"

#include "config.h"

#include <glib/gi18n.h>

#include "warta-accounts-page.h"
#include "warta-calendar-page.h"
#include "warta-file-chooser.h"
#include "warta-list-focus.h"
#include "warta-mnemonic.h"
#include "warta-official-repository.h"
#include "warta-people-page.h"
#include "warta-archive-page.h"
#include "warta-archive-repository.h"
#include "warta-export.h"
#include "warta-publication-list.h"
#include "warta-reports-page.h"
#include "warta-shortcuts.h"
#include "warta-sign-in-page.h"
#include "warta-task-notifier.h"
#include "warta-toast.h"
#include "warta-publication-window.h"
#include "warta-window-private.h"

typedef struct
{
  const char *id;
  const char *title;
  const char *icon_name;
  const char *empty_title;
  const char *empty_description;
} WartaSection;

/* The sections of the procedure. Those whose capability is not built yet
 * say so plainly: no sample data stands in for a missing feature. Those
 * with a page of their own (see create_empty_page()) have no such text. */
static const WartaSection sections[] = {
  { "tasks", N_("My Tasks"), "emblem-default-symbolic",
    NULL, NULL },
  { "activities", N_("Activities"), "camera-photo-symbolic",
    NULL, NULL },
  { "review", N_("In Review"), "edit-find-symbolic",
    NULL, NULL },
  { "approved", N_("Approved / To Publish"), "mail-send-symbolic",
    NULL, NULL },
  { "published", N_("Published"), "emblem-ok-symbolic",
    NULL, NULL },
  { "archive", N_("Archive"), "folder-symbolic",
    N_("The Archive Is Not Available Yet"),
    N_("Every published item, with its media, history and approvals, will be kept and searchable here.") },
  { "calendar", N_("Calendar"), "x-office-calendar-symbolic",
    NULL, NULL },
  { "reports", N_("Reports"), "x-office-document-symbolic",
    N_("Reports Are Not Available Yet"),
    N_("Monthly reports on what was published and how the time limits were met will be made here.") },
  { "accounts", N_("Accounts"), "system-users-symbolic",
    NULL, NULL },
  { "people", N_("People"), "avatar-default-symbolic",
    NULL, NULL },
};

struct _WartaWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwLeaflet           *leaflet;
  GtkListBox           *sidebar_list;
  GtkWidget            *sidebar_header;
  GtkWidget            *content_box;
  GtkStack             *stack;
  GtkWidget            *back_button;
  AdwWindowTitle       *section_title;
  AdwWindowTitle       *sidebar_title;
  AdwToastOverlay      *toast_overlay;
  AdwStatusPage        *database_error_page;
  GtkStack             *main_stack;
  WartaSignInPage      *sign_in_page;
  AdwWindowTitle       *sign_in_title;
  GtkWidget            *new_activity_button;
  GtkWidget            *new_activity_label;

  /* Owned references */
  GSettings            *settings;
  WartaContext         *context;
  WartaTaskNotifier    *notifier;
  GCancellable         *cancellable;
  AdwToast             *last_toast;

  gint64                pending_publication_id;
  guint                 initial_error_source;
  GdkFrameClock        *focus_clock;    /* focus_shown_page() once laid out */
  gulong                focus_painted;
  GtkWidget            *focus_requested_at; /* weak: the focus when it was asked */
  GtkWidget            *database_error_dialog; /* weak: the one shown, if any */
  guint                 initial_error_shown : 1;
  guint                 close_confirmed : 1;
  guint                 quit_requested : 1;   /* close_dialog asks for a quit */
  guint                 importing : 1;
  GtkWindow            *close_dialog;   /* weak: asking before closing */
};

G_DEFINE_FINAL_TYPE (WartaWindow, warta_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_IMPORTING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const WartaSection *
find_section (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    if (g_strcmp0 (sections[i].id, id) == 0)
      return &sections[i];

  return NULL;
}

static GtkWidget *
create_sidebar_row (const WartaSection *section)
{
  GtkWidget *row;
  GtkWidget *box;
  GtkWidget *label;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (section->icon_name));
  label = gtk_label_new (_(section->title));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  /* Whole words on a second line rather than an ellipsis: Indonesian
   * section names are long ("Disetujui / Siap Terbit"). */
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_add_css_class (row, "section-row");
  gtk_widget_set_name (row, section->id);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(section->title),
                                  -1);

  return row;
}

static GtkWidget *
create_empty_page (const WartaSection *section)
{
  static const struct {
    const char               *id;
    WartaPublicationListKind  kind;
  } lists[] = {
    { "tasks", WARTA_PUBLICATION_LIST_TASKS },
    { "activities", WARTA_PUBLICATION_LIST_ACTIVITIES },
    { "review", WARTA_PUBLICATION_LIST_REVIEW },
    { "approved", WARTA_PUBLICATION_LIST_APPROVED },
    { "published", WARTA_PUBLICATION_LIST_PUBLISHED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    if (g_strcmp0 (section->id, lists[i].id) == 0)
      return warta_publication_list_new (lists[i].kind);

  if (g_strcmp0 (section->id, "people") == 0)
    return warta_people_page_new ();
  if (g_strcmp0 (section->id, "calendar") == 0)
    return warta_calendar_page_new ();
  if (g_strcmp0 (section->id, "accounts") == 0)
    return warta_accounts_page_new ();
  if (g_strcmp0 (section->id, "archive") == 0)
    return warta_archive_page_new ();
  if (g_strcmp0 (section->id, "reports") == 0)
    return warta_reports_page_new ();

  return g_object_new (ADW_TYPE_STATUS_PAGE,
                       "icon-name", section->icon_name,
                       "title", _(section->empty_title),
                       "description", _(section->empty_description),
                       NULL);
}

static void open_database_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter);

static void
on_database_error_response_cb (WartaWindow *self,
                               const char  *response)
{
  if (g_strcmp0 (response, "quit") == 0)
    gtk_window_destroy (GTK_WINDOW (self));
  else if (g_strcmp0 (response, "open") == 0)
    open_database_action (GTK_WIDGET (self), "win.open-database", NULL);
}

static void
show_database_error_dialog (WartaWindow  *self,
                            const GError *error)
{
  AdwMessageDialog *dialog;

  /* Once: the window's first showing and a failed switch just after it
   * would each tell it. */
  g_clear_handle_id (&self->initial_error_source, g_source_remove);
  if (self->database_error_dialog != NULL)
    return;
  dialog = ADW_MESSAGE_DIALOG (warta_message_dialog_new (GTK_WINDOW (self),
                                                         _("Database Not Opened"),
                                                         error->message));
  g_set_weak_pointer (&self->database_error_dialog, GTK_WIDGET (dialog));
  adw_message_dialog_add_responses (dialog,
                                    "quit", _("_Quit"),
                                    "open", _("_Open Another…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "open", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "open");
  /* Escape leaves the user on the page, which says why and offers Open
   * Another Database… too: no file chooser they did not ask for. */
  adw_message_dialog_set_close_response (dialog, "dismiss");
  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (on_database_error_response_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The keyboard focus goes into the page the user went to, on its first
 * useful control: its list's first row, else what Tab reaches first (a
 * search, an empty state's button), never the header's menu or New
 * Activity, where GTK would put it. A page with nothing to focus leaves
 * it on its section in the sidebar. */
static void
focus_shown_page_now (WartaWindow *self)
{
  GtkWidget *page = gtk_stack_get_visible_child (self->stack);
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->sidebar_list);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  gboolean in_page = focus != NULL && gtk_widget_is_ancestor (focus, page);

  if (page == NULL)
    return;
  /* GtkStack may have put it in the page already: on the first control
   * (a search), or where it was when the page was left. A row stays. */
  if (in_page && warta_list_holds (focus))
    return;
  if (warta_list_focus_first (page) || in_page ||
      gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD))
    return;
  if (row != NULL && !adw_leaflet_get_folded (self->leaflet))
    gtk_widget_grab_focus (GTK_WIDGET (row));
  else
    gtk_widget_grab_focus (self->back_button);
}

/* A page shown for the first time has no rows until it is laid out. */
static gboolean
page_laid_out (WartaWindow *self)
{
  GtkWidget *page = gtk_stack_get_visible_child (self->stack);

  return page == NULL || (gtk_widget_get_mapped (page) && gtk_widget_get_width (page) > 0);
}

static void
cancel_focus_shown_page (WartaWindow *self)
{
  /* A window hidden meanwhile took its frame clock's handlers with it. */
  if (self->focus_clock != NULL &&
      g_signal_handler_is_connected (self->focus_clock, self->focus_painted))
    g_signal_handler_disconnect (self->focus_clock, self->focus_painted);
  self->focus_painted = 0;
  g_clear_object (&self->focus_clock);
  g_clear_weak_pointer (&self->focus_requested_at);
}

/* After each frame drawn, until the page was laid out in one. */
static void
on_after_paint_cb (GdkFrameClock *clock,
                   WartaWindow   *self)
{
  gboolean unmoved = gtk_root_get_focus (GTK_ROOT (self)) == self->focus_requested_at;

  if (!page_laid_out (self))
    return;
  cancel_focus_shown_page (self);
  /* Unless the user (Ctrl+F) or the page put it somewhere meanwhile. */
  if (unmoved)
    focus_shown_page_now (self);
}

static void
focus_shown_page (WartaWindow *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  cancel_focus_shown_page (self);
  if (page_laid_out (self) || clock == NULL)
    {
      focus_shown_page_now (self);
      return;
    }
  g_set_weak_pointer (&self->focus_requested_at, gtk_root_get_focus (GTK_ROOT (self)));
  self->focus_clock = g_object_ref (clock);
  self->focus_painted = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb),
                                         self);
}

/* Accounts and People are where the office's channels and people are
 * managed, and nothing more: those who manage neither (the activity
 * officers, verifiers and approvers) are not offered them, rather than a
 * list they cannot change or a page saying so. Before anyone signs in
 * every section may be remembered: the sign-in decides. */
static gboolean
section_offered (WartaWindow        *self,
                 const WartaSection *section)
{
  WartaUser *user = self->context != NULL ? warta_context_get_current_user (self->context) : NULL;

  if (user == NULL)
    return TRUE;
  if (g_strcmp0 (section->id, "accounts") == 0)
    return warta_context_can_manage_accounts (self->context);
  if (g_strcmp0 (section->id, "people") == 0)
    return warta_official_repository_can_manage (user);

  return TRUE;
}

/* The shortcuts window lists what the signed-in user can do: its entry
 * of @wanted ("<Alt>9") is shown or hidden. */
static void
show_shortcut (GtkWidget  *widget,
               const char *wanted,
               gboolean    shown)
{
  g_autofree char *accelerator = NULL;

  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_object_get (widget, "accelerator", &accelerator, NULL);
      if (g_strcmp0 (accelerator, wanted) == 0)
        gtk_widget_set_visible (widget, shown);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    show_shortcut (child, wanted, shown);
}

static void
update_sections_offered (WartaWindow *self)
{
  const WartaSection *shown = find_section (gtk_stack_get_visible_child_name (self->stack));
  GtkWidget *overlay =
    GTK_WIDGET (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (self)));

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      const WartaSection *section = find_section (gtk_widget_get_name (row));

      if (section == NULL)
        continue;
      gtk_widget_set_visible (row, section_offered (self, section));
      if (overlay != NULL && section - sections < 10)
        {
          g_autofree char *alt = g_strdup_printf ("<Alt>%u",
                                                  (guint) (section - sections + 1) % 10);

          show_shortcut (overlay, alt, section_offered (self, section));
        }
    }

  if (shown != NULL && !section_offered (self, shown))
    warta_window_set_visible_section (self, sections[0].id);
}

/* The section pages that work on the database get its context. */
static void
set_pages_context (WartaWindow  *self,
                   WartaContext *context)
{
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      GtkWidget *page = gtk_stack_get_child_by_name (self->stack, sections[i].id);

      if (WARTA_IS_PUBLICATION_LIST (page))
        warta_publication_list_set_context (WARTA_PUBLICATION_LIST (page), context);
      else if (WARTA_IS_PEOPLE_PAGE (page))
        warta_people_page_set_context (WARTA_PEOPLE_PAGE (page), context);
      else if (WARTA_IS_CALENDAR_PAGE (page))
        warta_calendar_page_set_context (WARTA_CALENDAR_PAGE (page), context);
      else if (WARTA_IS_ACCOUNTS_PAGE (page))
        warta_accounts_page_set_context (WARTA_ACCOUNTS_PAGE (page), context);
    }
}

/* Nothing but the sign-in page until someone signs in; the sidebar's
 * header names who is signed in. */
static void
update_user_state (WartaWindow *self)
{
  WartaUser *user = self->context != NULL ? warta_context_get_current_user (self->context) : NULL;
  gboolean may_create = user != NULL &&
                        warta_workflow_check_edit (WARTA_STATE_DOCUMENTING,
                                                   warta_user_get_roles (user),
                                                   NULL, NULL, NULL);
  GtkWidget *overlay =
    GTK_WIDGET (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (self)));
  /* A database without people has nobody to sign in to an editor. */
  gboolean may_sign_in = self->context != NULL &&
                         !warta_sign_in_page_get_first_run (self->sign_in_page);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.switch-user", user != NULL);
  /* Those whose role documents activities get the button, and the lists'
   * empty-state button; others not even the action. Before anyone signs
   * in, Ctrl+N opens the editor, which asks who documents. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-activity",
                                 may_create || (user == NULL && may_sign_in));
  gtk_widget_set_visible (self->new_activity_button, may_create);
  /* Ctrl+N is listed to whoever it works for. */
  if (overlay != NULL)
    show_shortcut (overlay, "<Control>n", may_create || (user == NULL && may_sign_in));
  if (overlay != NULL)
    warta_shortcuts_follow_user (overlay, user);
  update_sections_offered (self);

  if (user != NULL)
    {
      gboolean signing_in = g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack),
                                       "main") != 0;

      adw_window_title_set_subtitle (self->sidebar_title, warta_user_get_display_name (user));
      gtk_stack_set_visible_child_name (self->main_stack, "main");
      if (signing_in)
        focus_shown_page (self);

      if (self->pending_publication_id != 0)
        {
          gint64 id = self->pending_publication_id;

          self->pending_publication_id = 0;
          gtk_widget_activate_action (GTK_WIDGET (self), "win.open-publication", "x", id);
        }
    }
  else if (self->context != NULL)
    {
      gboolean had_focus = gtk_widget_get_mapped (GTK_WIDGET (self)) &&
                           g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack),
                                      "sign-in") != 0;

      gtk_stack_set_visible_child_name (self->main_stack, "sign-in");
      /* GtkStack hands the focus on to the page's first focusable widget
       * it remembers, which may be a field of the first-run form it no
       * longer shows: the page's own choice wins. */
      if (had_focus)
        gtk_widget_grab_focus (GTK_WIDGET (self->sign_in_page));
    }
  else
    {
      gtk_stack_set_visible_child_name (self->main_stack, "main");
    }
}

static void update_archive_actions (WartaWindow *self);

static void
on_current_user_changed_cb (WartaWindow *self)
{
  update_archive_actions (self);
  update_user_state (self);
}

static void
set_context (WartaWindow  *self,
             WartaContext *context)
{
  if (self->context == context)
    return;

  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);

  g_set_object (&self->context, context);
  g_clear_object (&self->notifier);
  self->pending_publication_id = 0;

  warta_sign_in_page_set_context (self->sign_in_page, context);
  set_pages_context (self, context);

  if (context != NULL)
    {
      g_signal_connect_object (context, "notify::current-user",
                               G_CALLBACK (on_current_user_changed_cb), self, G_CONNECT_SWAPPED);
      GApplication *app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));

      self->notifier = warta_task_notifier_new (app, context);
      if (warta_context_get_current_user (context) == NULL)
        warta_sign_in_page_restore (self->sign_in_page);
    }
}

/* While an import runs, neither another import nor a backup starts (the
 * backup would copy half an import), nor does another database open: the
 * import's result would be told over the wrong one. An archive goes only
 * into a database without people (check_importable()): one somebody is
 * signed in to never is, and its menu does not offer what it would
 * refuse. */
static void
update_archive_actions (WartaWindow *self)
{
  WartaApplication *app = WARTA_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  WartaDatabase *database = app != NULL ? warta_application_get_database (app) : NULL;
  gboolean signed_in = self->context != NULL &&
                       warta_context_get_current_user (self->context) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.back-up-database",
                                 database != NULL && self->context != NULL && !self->importing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-archive",
                                 database != NULL && !warta_database_get_read_only (database) &&
                                 !signed_in && !self->importing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-database", !self->importing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-database", !self->importing);
}

static void
update_database_state (WartaWindow *self)
{
  WartaApplication *app = WARTA_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  WartaDatabase *database = warta_application_get_database (app);
  const GError *error = warta_application_get_database_error (app);

  set_context (self, warta_application_get_context (app));
  gtk_widget_set_sensitive (GTK_WIDGET (self->sidebar_list), database != NULL);
  update_archive_actions (self);

  if (database != NULL)
    {
      const char *path = warta_database_get_path (database);
      g_autofree char *file = g_filename_display_basename (path);
      g_autofree char *dir = g_path_get_dirname (path);
      g_autofree char *folder = g_filename_display_basename (dir);
      g_autofree char *name = NULL;

      /* Translators: said under "Warta" in the header: %1$s is the
       * database's file name ("warta.db"), %2$s the name of the folder
       * holding it ("Humas"), which tells a copy on this computer from
       * the office's shared one of the same name. */
      name = g_strdup_printf (_("%1$s in %2$s"), file, folder);
      /* Before the sign-in too: a second workstation sees which file it
       * is about to start on. */
      adw_window_title_set_subtitle (self->sidebar_title, name);
      adw_window_title_set_subtitle (self->sign_in_title, name);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->sidebar_title),
                                   warta_database_get_path (database));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->sign_in_title),
                                   warta_database_get_path (database));

      if (warta_database_get_read_only (database))
        adw_toast_overlay_add_toast (self->toast_overlay,
                                     adw_toast_new (warta_database_get_read_only_reason (database)));

      warta_window_set_visible_section (self, g_settings_get_string (self->settings, "last-section"));
    }
  else
    {
      adw_window_title_set_subtitle (self->sidebar_title, _("No database"));
      adw_window_title_set_subtitle (self->sign_in_title, _("No database"));
      adw_status_page_set_description (self->database_error_page,
                                       error != NULL ? error->message : NULL);
      gtk_stack_set_visible_child_name (self->stack, "database-error");
      adw_window_title_set_title (self->section_title, _("Database Not Opened"));

      if (error != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
        show_database_error_dialog (self, error);
    }

  update_user_state (self);
}

/* The targets of this window's database that go out by themselves. */
static guint
count_to_send (WartaWindow *self)
{
  g_autoptr(GError) error = NULL;
  guint n = warta_outbox_count_to_send (warta_context_get_outbox (self->context), &error);

  if (error != NULL)
    g_warning ("The outbox cannot be read: %s", error->message);
  return n;
}

/* The question asked before this Warta stops sending the posts of its
 * database: @keep is the default answer, @go_id/@go_label the other. */
static AdwMessageDialog *
unfinished_publishing_dialog (WartaWindow *self,
                              const char  *body,
                              const char  *keep,
                              const char  *go_id,
                              const char  *go_label)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (warta_message_dialog_new (GTK_WINDOW (self),
                                                         _("Publishing Is Not Finished"), body));
  adw_message_dialog_add_responses (dialog, "cancel", keep, go_id, go_label, NULL);
  adw_message_dialog_set_response_appearance (dialog, go_id, ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  return dialog;
}

/* Tells why @error's file was refused: the team's database stays open. */
static void
tell_refused (WartaWindow  *self,
              const GError *error)
{
  WartaApplication *app = WARTA_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  WartaDatabase *current = warta_application_get_database (app);
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;

  name = g_path_get_basename (warta_database_get_path (current));
  /* Translators: the first %s says why the file was refused and
   * what to do; the second is the database that stays open. */
  body = g_strdup_printf (_("%s\n\nWarta stays with “%s”."), error->message, name);
  warta_message_dialog_tell (GTK_WIDGET (self), _("Database Not Opened"), body);
}

/* A file Warta refuses (not a Warta database, from a newer Warta, out of
 * reach) is a wrong pick: the team's database stays open, and nobody has
 * to find it again. The check only reads @path: an older database the
 * user does not switch to is not updated, and stays open to the team's
 * older Wartas. Returns TRUE when it told the user so. */
static gboolean
refuse_unopenable (WartaWindow *self,
                   const char  *path)
{
  g_autoptr(GError) error = NULL;

  if (warta_database_check_file (path, &error))
    return FALSE;

  tell_refused (self, error);
  return TRUE;
}

/* Opens @path now. With a database open, a file refused leaves it open
 * and is told in a dialog; with none, a failure is told in a dialog as
 * well as on the error page. */
static void
open_database_now (WartaWindow *self,
                   const char  *path)
{
  WartaApplication *app = WARTA_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *message;

  /* The switch is the last check: a file refused now, changed since it
   * was chosen perhaps, leaves the team's database open. */
  if (warta_application_get_database (app) != NULL)
    {
      if (warta_application_switch_database (app, path, &error))
        g_settings_set_string (self->settings, "database-path", path);
      else
        tell_refused (self, error);
      return;
    }

  if (warta_application_open_database (app, path, &error))
    {
      g_settings_set_string (self->settings, "database-path", path);
      return;
    }

  /* The error page already shows the reason; repeat it in the message so
   * keyboard users hear it at once. */
  message = ADW_MESSAGE_DIALOG (warta_message_dialog_new (GTK_WINDOW (self),
                                                          _("Database Not Opened"),
                                                          error != NULL ? error->message
                                                                        : _("Choose a file on a local or mounted folder.")));
  adw_message_dialog_add_response (message, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (message));
}

/* Tells @text, with an Open Folder button when @folder is given; the new
 * toast replaces the one for an earlier backup or import at once. */
static void
show_result_toast (WartaWindow *self,
                   const char  *text,
                   GFile       *folder)
{
  g_clear_object (&self->last_toast);
  self->last_toast = warta_toast_new (text, folder);
  adw_toast_set_priority (self->last_toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (self->last_toast));
}

static void
show_toast (WartaWindow *self,
            const char  *text)
{
  show_result_toast (self, text, NULL);
}

static void
on_switch_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       WartaWindow      *self)
{
  if (g_strcmp0 (response, "open") == 0)
    open_database_now (self, g_object_get_data (G_OBJECT (dialog), "path"));
}

/**
 * warta_window_open_database:
 * @self: a #WartaWindow
 * @path: the database file to open (created when missing)
 *
 * Opens another database, as Open Database does once a file is chosen.
 * Posts go out only while a Warta runs on their database: when the one
 * open now still has some to send, the user is told and asked first.
 */
void
warta_window_open_database (WartaWindow *self,
                            const char  *path)
{
  WartaApplication *app;
  WartaDatabase *current;
  g_autoptr(GFile) chosen = NULL;
  g_autoptr(GFile) open = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  guint n;

  g_return_if_fail (WARTA_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  app = WARTA_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  current = warta_application_get_database (app);
  if (current == NULL || self->context == NULL)
    {
      open_database_now (self, path);
      return;
    }
  chosen = g_file_new_for_path (path);
  open = g_file_new_for_path (warta_database_get_path (current));
  n = count_to_send (self);
  if (n == 0 || g_file_equal (chosen, open))
    {
      open_database_now (self, path);
      return;
    }
  /* A file that would be refused is told at once, not after a question
   * whose answer changes nothing. A missing one becomes a new database:
   * it is not made before the answer. */
  if (g_file_test (path, G_FILE_TEST_EXISTS) && refuse_unopenable (self, path))
    return;

  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u target of this database is still to be published. It goes out only while Warta runs with this database open, here or on another computer. Opening another database loses nothing: the target goes on when this database is opened again.",
                                       "%u targets of this database are still to be published. They go out only while Warta runs with this database open, here or on another computer. Opening another database loses nothing: the targets go on when this database is opened again.",
                                       n),
                          n);
  dialog = unfinished_publishing_dialog (self, body, _("_Keep This Database"),
                                         "open", _("_Open Anyway"));
  g_object_set_data_full (G_OBJECT (dialog), "path", g_strdup (path), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_switch_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * _warta_window_new_database_at:
 * @self: a #WartaWindow
 * @path: the file New Database was given
 *
 * Starts a new database in @path. The chooser asked whether to replace an
 * existing file; Warta never does, and says how to open it instead.
 */
void
_warta_window_new_database_at (WartaWindow *self,
                               const char  *path)
{
  g_autofree char *body = NULL;

  g_return_if_fail (WARTA_IS_WINDOW (self));

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      warta_window_open_database (self, path);
      return;
    }

  body = g_strdup_printf (_("“%s” already exists, and Warta does not replace it. To work in it, choose Open Database; for a new database, choose another name."),
                          path);
  warta_message_dialog_tell (GTK_WIDGET (self), _("Database Not Created"), body);
}

static void
on_open_database_response_cb (GtkNativeDialog *dialog,
                              int              response,
                              WartaWindow     *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      gboolean create = gtk_file_chooser_get_action (GTK_FILE_CHOOSER (dialog)) ==
                        GTK_FILE_CHOOSER_ACTION_SAVE;

      if (path != NULL && create)
        _warta_window_new_database_at (self, path);
      else if (path != NULL)
        warta_window_open_database (self, path);
      else
        {
          AdwMessageDialog *message;

          message = ADW_MESSAGE_DIALOG (warta_message_dialog_new (GTK_WINDOW (self),
                                                                  _("Database Not Opened"),
                                                                  _("Choose a file on a local or mounted folder.")));
          adw_message_dialog_add_response (message, "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (message));
        }
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
open_database_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  WartaWindow *self = WARTA_WINDOW (widget);
  GtkFileChooserNative *chooser;

  /* An existing file is opened, not "replaced", as a SAVE chooser would
   * ask of the office's shared database; a new one is named in New
   * Database. */
  if (g_strcmp0 (action_name, "win.new-database") == 0)
    {
      chooser = gtk_file_chooser_native_new (_("New Database"), GTK_WINDOW (self),
                                             GTK_FILE_CHOOSER_ACTION_SAVE,
                                             _("_Create"), _("_Cancel"));
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "warta.db");
    }
  else
    {
      chooser = gtk_file_chooser_native_new (_("Open Database"), GTK_WINDOW (self),
                                             GTK_FILE_CHOOSER_ACTION_OPEN,
                                             _("_Open"), _("_Cancel"));
    }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_open_database_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The local path of a file chosen for the open database, or NULL (told in
 * a toast when the file has no path). */
static char *
chosen_path (WartaWindow    *self,
             GFile          *file,
             WartaDatabase **out_database)
{
  WartaApplication *app = WARTA_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  char *path;

  *out_database = warta_application_get_database (app);
  if (*out_database == NULL)
    return NULL;
  if (!(path = g_file_get_path (file)))
    show_toast (self, _("Choose a file on a local or mounted folder."));
  return path;
}

/* Backup ----------------------------------------------------------------- */

static void
backup_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) request = user_data;
  WartaWindow *self = g_task_get_source_object (request);
  const char *path = g_task_get_task_data (request);
  g_autoptr(GError) error = NULL;
  gboolean done = warta_database_backup_finish (WARTA_DATABASE (object), result, &error);

  g_task_return_boolean (request, done);

  /* A window closed meanwhile has nowhere to say it. */
  if (self->cancellable == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (done)
    {
      g_autofree char *text = g_strdup_printf (_("Database backed up to “%s”"), path);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GFile) folder = g_file_get_parent (file);

      show_result_toast (self, text, folder);
    }
  else
    warta_message_dialog_tell (GTK_WIDGET (self), _("Database Not Backed Up"), error->message);
}

/**
 * _warta_window_back_up_to:
 * @self: a #WartaWindow
 * @file: where to save the copy, as Back Up Database asks
 *
 * Backs up the open database to @file in a worker thread and tells the
 * result in a toast; the file chooser's step, left out by the tests.
 */
void
_warta_window_back_up_to (WartaWindow *self,
                          GFile       *file)
{
  WartaDatabase *database = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GTask) request = NULL;

  g_return_if_fail (WARTA_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (!(path = chosen_path (self, file, &database)))
    return;

  /* Only carries the window and the path to backup_cb. */
  request = g_task_new (self, NULL, NULL, NULL);
  g_task_set_task_data (request, g_strdup (path), g_free);
  warta_database_backup_async (database, path, self->cancellable, backup_cb,
                               g_steal_pointer (&request));
}

static void
backup_file_chosen_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(WartaWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = warta_file_chooser_save_finish (result, &error);

  if (file != NULL)
    _warta_window_back_up_to (self, file);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    warta_message_dialog_tell (GTK_WIDGET (self), _("Database Not Backed Up"), error->message);
}

static void
back_up_database_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  WartaWindow *self = WARTA_WINDOW (widget);
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GFile) database = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *name = NULL;

  if (self->context == NULL)
    return;

  /* The date is the office's, as everywhere in Warta. */
  now = warta_clock_now_local (warta_context_get_clock (self->context));
  name = g_date_time_format (now, "warta-backup-%Y-%m-%d.db");
  /* Beside the database, where an office keeps its copies. */
  database = g_file_new_for_path (warta_database_get_path (warta_context_get_database (self->context)));
  folder = g_file_get_parent (database);
  warta_file_chooser_save (GTK_WINDOW (self), _("Back Up Database"), _("_Back Up"), folder, name,
                           self->cancellable, backup_file_chosen_cb, g_object_ref (self));
}

/* Import ----------------------------------------------------------------- */

/* An export keeps its ids, its people's too: it goes only into a database
 * holding nothing of its own, where its records can be mixed with nobody
 * else's nor credited to the wrong person. */
static gboolean
check_importable (WartaDatabase  *database,
                  GError        **error)
{
  gboolean empty = FALSE;

  if (!warta_archive_repository_is_empty (database, &empty, error))
    return FALSE;
  if (!empty)
    {
      g_set_error (error, WARTA_DB_ERROR, WARTA_DB_ERROR_CONFLICT,
                   _("An archive can be imported only into a new, empty database, so that its records are not mixed with others. Open a new database file, then import the archive into it."));
      return FALSE;
    }

  return TRUE;
}

static void
set_importing (WartaWindow *self,
               gboolean     importing)
{
  if (self->importing == !!importing)
    return;

  self->importing = !!importing;
  update_archive_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IMPORTING]);
}

/* The import keeps no hold on the window: closing it disposes it, which
 * cancels the import (see warta_window_dispose()). */
typedef struct
{
  GWeakRef      window;
  GApplication *application;
} ImportRequest;

static void
import_request_free (ImportRequest *request)
{
  g_weak_ref_clear (&request->window);
  g_application_release (request->application);
  g_object_unref (request->application);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImportRequest, import_request_free)

static void
import_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(ImportRequest) request = user_data;
  g_autoptr(WartaWindow) self = g_weak_ref_get (&request->window);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint n = 0;
  gboolean done = warta_export_import_finish (WARTA_DATABASE (object), result, &n, &error);

  /* A window closed meanwhile cancelled the import: its transaction was
   * rolled back, and there is nowhere to say so. */
  if (self == NULL || self->cancellable == NULL)
    return;
  adw_window_title_set_subtitle (self->section_title, NULL);
  set_importing (self, FALSE);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (!done)
    {
      warta_message_dialog_tell (GTK_WIDGET (self), _("Archive Not Imported"), error->message);
      return;
    }

  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u publication imported. Imported people sign in once an administrator gives them a password.",
                                       "%u publications imported. Imported people sign in once an administrator gives them a password.",
                                       n),
                          n);
  show_toast (self, text);
}

/**
 * _warta_window_import_from:
 * @self: a #WartaWindow
 * @file: an export's manifest.json, or an export zip, as Import Archive
 *   asks
 *
 * Imports the export into the open database when it is empty, in a worker
 * thread, and tells the result in a toast; the file chooser's step, left
 * out by the tests. Meanwhile the section's subtitle says that it is
 * importing, and neither Import Archive, Back Up Database nor Open
 * Database can start. Closing the window cancels the import, and its
 * transaction is rolled back.
 */
void
_warta_window_import_from (WartaWindow *self,
                           GFile       *file)
{
  WartaDatabase *database = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *shown = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  ImportRequest *request;

  g_return_if_fail (WARTA_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->importing || !(path = chosen_path (self, file, &database)))
    return;
  /* A folder export is chosen by its manifest. */
  if (g_strcmp0 (name, "manifest.json") == 0)
    {
      char *folder = g_path_get_dirname (path);

      g_free (path);
      path = folder;
    }

  if (!check_importable (database, &error))
    {
      warta_message_dialog_tell (GTK_WIDGET (self), _("Archive Not Imported"), error->message);
      return;
    }

  shown = g_filename_display_basename (path);
  /* Translators: %s is the export's zip file or folder */
  text = g_strdup_printf (_("Importing “%s”…"), shown);

  request = g_new0 (ImportRequest, 1);
  g_weak_ref_init (&request->window, self);
  /* The application waits for a cancelled import to roll back before it
   * ends, when this window was its last. */
  request->application = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  g_object_ref (request->application);
  g_application_hold (request->application);
  /* Said under the section's title while it lasts, not in a toast: the
   * result's toast would replace it while it slides in or out, which
   * libadwaita 1.2 does not survive (a toast unreferenced twice). */
  adw_window_title_set_subtitle (self->section_title, text);

  set_importing (self, TRUE);
  warta_export_import_async (database, path, self->cancellable, import_cb, request);
}

static void
import_file_chosen_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(WartaWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) files = warta_file_chooser_open_multiple_finish (result, &error);
  g_autoptr(GFile) file = NULL;

  if (files == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        warta_message_dialog_tell (GTK_WIDGET (self), _("Archive Not Imported"), error->message);
      return;
    }

  file = g_list_model_get_item (files, 0);
  if (file != NULL)
    _warta_window_import_from (self, file);
}

static void
import_archive_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  WartaWindow *self = WARTA_WINDOW (widget);
  WartaApplication *app = WARTA_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  WartaDatabase *database = warta_application_get_database (app);
  g_autoptr(GtkFileFilter) filter = NULL;
  g_autoptr(GError) error = NULL;

  if (database == NULL)
    return;

  /* Refused before anything is chosen, with the reason. */
  if (!check_importable (database, &error))
    {
      warta_message_dialog_tell (GTK_WIDGET (self), _("Archive Not Imported"), error->message);
      return;
    }

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Warta Exports"));
  gtk_file_filter_add_pattern (filter, "manifest.json");
  gtk_file_filter_add_pattern (filter, "*.zip");
  warta_file_chooser_open (GTK_WINDOW (self), _("Import Archive"), _("_Import"), filter,
                           self->cancellable, import_file_chosen_cb, g_object_ref (self));
}

/* Open Folder ------------------------------------------------------------ */

static void
folder_shown_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  WartaWindow *self = WARTA_WINDOW (object);
  g_autoptr(GFile) folder = user_data;
  g_autoptr(GError) error = NULL;

  if (gtk_show_uri_full_finish (GTK_WINDOW (self), result, &error) ||
      self->cancellable == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  {
    g_autofree char *name = g_file_get_parse_name (folder);
    g_autofree char *text = NULL;

    text = g_strdup_printf (_("The folder “%s” could not be opened: %s. Open it in the file manager."),
                            name, error->message);
    show_toast (self, text);
  }
}

/* An Open Folder button of a toast (see warta-toast.c): the desktop's
 * file manager shows the folder, through the OpenURI portal in Flatpak. */
static void
open_folder_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  WartaWindow *self = WARTA_WINDOW (widget);
  const char *uri = g_variant_get_string (parameter, NULL);

  gtk_show_uri_full (GTK_WINDOW (self), uri, GDK_CURRENT_TIME, self->cancellable,
                     folder_shown_cb, g_file_new_for_uri (uri));
}

/**
 * _warta_window_get_toast:
 * @self: a #WartaWindow
 *
 * Returns: (transfer none) (nullable): the toast this window showed last
 *   to tell a result (not the one saying that an import runs)
 */
AdwToast *
_warta_window_get_toast (WartaWindow *self)
{
  g_return_val_if_fail (WARTA_IS_WINDOW (self), NULL);

  return self->last_toast;
}

static void
switch_user_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  WartaWindow *self = WARTA_WINDOW (widget);

  if (self->context == NULL)
    return;

  warta_sign_in_page_forget (self->sign_in_page);
  warta_context_set_current_user (self->context, NULL);
}

static void
open_publication_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  WartaWindow *self = WARTA_WINDOW (widget);
  gint64 id = g_variant_get_int64 (parameter);
  GListModel *toplevels = gtk_window_get_toplevels ();

  if (self->context == NULL)
    return;

  /* A notification clicked before anyone signed in: open it after. */
  if (warta_context_get_current_user (self->context) == NULL)
    {
      self->pending_publication_id = id;
      return;
    }

  /* One window per publication: bring an open one forward. */
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (WARTA_IS_PUBLICATION_WINDOW (window) &&
          warta_publication_window_get_publication_id (WARTA_PUBLICATION_WINDOW (window)) == id)
        {
          gtk_window_present (window);
          return;
        }
    }

  gtk_window_present (GTK_WINDOW (warta_publication_window_new (GTK_WINDOW (self), self->context, id)));
}

static void
new_activity_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  WartaWindow *self = WARTA_WINDOW (widget);
  WartaApplication *app = WARTA_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  WartaContext *context = warta_application_get_context (app);

  if (context == NULL)
    return;

  gtk_window_present (GTK_WINDOW (warta_publication_window_new (GTK_WINDOW (self), context, 0)));
}

/* Alt+1 … Alt+0: the section is shown, also when the folded window shows
 * only the sidebar. */
static void
show_section_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  WartaWindow *self = WARTA_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  const WartaSection *section = find_section (id);

  /* Alt+9 and Alt+0 do nothing for those not offered Accounts and People;
   * an unknown name shows the first section. */
  if (section != NULL && !section_offered (self, section))
    return;
  warta_window_set_visible_section (self, id);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  focus_shown_page (self);
}

/* Ctrl+F: the shown section's search, where it has one and something to
 * search; the page is brought forward in a folded window. */
static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  WartaWindow *self = WARTA_WINDOW (widget);
  GtkWidget *page = gtk_stack_get_visible_child (self->stack);
  gboolean found = FALSE;

  if (WARTA_IS_PUBLICATION_LIST (page))
    found = warta_publication_list_focus_search (WARTA_PUBLICATION_LIST (page));
  else if (WARTA_IS_ARCHIVE_PAGE (page))
    found = warta_archive_page_focus_search (WARTA_ARCHIVE_PAGE (page));

  if (found)
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
on_sidebar_list_row_activated_cb (WartaWindow   *self,
                                  GtkListBoxRow *row)
{
  warta_window_set_visible_section (self, gtk_widget_get_name (GTK_WIDGET (row)));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  focus_shown_page (self);
}

/* Browse mode moves the selection with the keyboard focus. The page follows
 * it, as in a GtkStackSidebar: what is selected, and what a screen reader
 * announces, is what is shown. Activation also opens the page when the
 * window is folded. */
static void
on_sidebar_list_row_selected_cb (WartaWindow   *self,
                                 GtkListBoxRow *row)
{
  if (row == NULL || self->settings == NULL)
    return;

  warta_window_set_visible_section (self, gtk_widget_get_name (GTK_WIDGET (row)));
}

/* Back goes up one level: from a dossier the Archive shows in place of
 * its list to that list, else to the sections. */
static void
on_back_button_clicked_cb (WartaWindow *self)
{
  GtkWidget *page = gtk_stack_get_visible_child (self->stack);

  if (WARTA_IS_ARCHIVE_PAGE (page) && warta_archive_page_go_back (WARTA_ARCHIVE_PAGE (page)))
    return;
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
on_database_changed_cb (WartaWindow *self)
{
  /* A window closed but not yet gone is no longer the application's. */
  if (gtk_window_get_application (GTK_WINDOW (self)) == NULL)
    return;
  update_database_state (self);
}

const char *
warta_window_get_visible_section (WartaWindow *self)
{
  g_return_val_if_fail (WARTA_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

void
warta_window_set_visible_section (WartaWindow *self,
                                  const char  *section_id)
{
  const WartaSection *section;

  g_return_if_fail (WARTA_IS_WINDOW (self));

  if (!(section = find_section (section_id)) || !section_offered (self, section))
    section = &sections[0];

  gtk_stack_set_visible_child_name (self->stack, section->id);
  adw_window_title_set_title (self->section_title, _(section->title));

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (g_strcmp0 (gtk_widget_get_name (row), section->id) == 0)
        {
          gtk_list_box_select_row (self->sidebar_list, GTK_LIST_BOX_ROW (row));
          break;
        }
    }

  g_settings_set_string (self->settings, "last-section", section->id);
}

static gboolean
close_confirmed_cb (gpointer data)
{
  gtk_window_close (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
on_close_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      WartaWindow      *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  gboolean quitting = self->quit_requested && WARTA_IS_APPLICATION (application);

  g_clear_weak_pointer (&self->close_dialog);
  self->quit_requested = FALSE;
  if (g_strcmp0 (response, "close") != 0)
    {
      if (quitting)
        warta_application_cancel_quit (WARTA_APPLICATION (application));
      return;
    }
  /* The application goes on with the quit, closing the editors first. */
  if (quitting)
    {
      warta_application_confirm_quit (WARTA_APPLICATION (application));
      return;
    }
  self->close_confirmed = TRUE;
  /* Once the dialog, transient for this window, has closed. */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_confirmed_cb, g_object_ref (self),
                   g_object_unref);
}

/* Posts go out only while a Warta runs on their database: before this
 * one closes with some still to send, the user is told and asked.
 * Returns TRUE when it asked; the answer closes the window, or not. */
static gboolean
ask_before_closing (WartaWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  guint n;

  if (self->close_confirmed || self->context == NULL)
    return FALSE;
  /* Said already, to the quit this close belongs to. */
  if (WARTA_IS_APPLICATION (application) &&
      warta_application_get_quit_confirmed (WARTA_APPLICATION (application)))
    return FALSE;
  if (self->close_dialog != NULL)
    {
      gtk_window_present (self->close_dialog);
      return TRUE;
    }
  n = count_to_send (self);
  if (n == 0)
    return FALSE;

  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u target is still to be published. It goes out only while Warta runs, here or on another computer with this database open. Closing loses nothing: the next Warta to start goes on from where it stopped.",
                                       "%u targets are still to be published. They go out only while Warta runs, here or on another computer with this database open. Closing loses nothing: the next Warta to start goes on from where they stopped.",
                                       n),
                          n);
  dialog = unfinished_publishing_dialog (self, body, _("_Keep Warta Open"),
                                         "close", _("_Close Anyway"));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_close_response_cb), self, 0);
  g_set_weak_pointer (&self->close_dialog, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

/**
 * warta_window_ask_before_quitting:
 * @self: a #WartaWindow
 *
 * Asks, for a quit (Ctrl+Q), whether to quit when posts are still to be
 * sent, before anything closes: the answer goes to the application,
 * warta_application_confirm_quit() or warta_application_cancel_quit().
 *
 * Returns: %TRUE when it asks, %FALSE when there is nothing to ask
 */
gboolean
warta_window_ask_before_quitting (WartaWindow *self)
{
  g_return_val_if_fail (WARTA_IS_WINDOW (self), FALSE);

  self->quit_requested = ask_before_closing (self);
  return self->quit_requested;
}

static gboolean
warta_window_close_request (GtkWindow *window)
{
  WartaWindow *self = WARTA_WINDOW (window);
  int width, height;

  if (ask_before_closing (self))
    return TRUE;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));

  return GTK_WINDOW_CLASS (warta_window_parent_class)->close_request (window);
}

static gboolean
show_initial_database_error_cb (gpointer user_data)
{
  WartaWindow *self = WARTA_WINDOW (user_data);
  WartaApplication *app = WARTA_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  const GError *error = app != NULL ? warta_application_get_database_error (app) : NULL;

  self->initial_error_source = 0;

  if (error != NULL && warta_application_get_database (app) == NULL)
    show_database_error_dialog (self, error);

  return G_SOURCE_REMOVE;
}

static void
warta_window_map (GtkWidget *widget)
{
  WartaWindow *self = WARTA_WINDOW (widget);

  GTK_WIDGET_CLASS (warta_window_parent_class)->map (widget);

  /* A dialog needs a parent that is on screen: tell about a failed open
   * once the window has been shown. */
  if (self->initial_error_source == 0 && !self->initial_error_shown)
    {
      self->initial_error_shown = TRUE;
      self->initial_error_source = g_idle_add (show_initial_database_error_cb, self);
    }
}

/* "application" is not a construct property, so this runs after
 * g_object_new() rather than in constructed(). */
static void
warta_window_setup (WartaWindow *self)
{
  WartaApplication *app = WARTA_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));

  self->settings = g_object_ref (warta_application_get_settings (app));

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  g_signal_connect_object (app, "notify::database",
                           G_CALLBACK (on_database_changed_cb), self, G_CONNECT_SWAPPED);
  update_database_state (self);
}

static void
warta_window_dispose (GObject *object)
{
  WartaWindow *self = WARTA_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), WARTA_TYPE_WINDOW);
  g_clear_handle_id (&self->initial_error_source, g_source_remove);
  cancel_focus_shown_page (self);
  g_clear_weak_pointer (&self->database_error_dialog);
  g_clear_weak_pointer (&self->close_dialog);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->last_toast);
  g_clear_object (&self->notifier);
  g_clear_object (&self->context);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (warta_window_parent_class)->dispose (object);
}

static void
warta_window_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  WartaWindow *self = WARTA_WINDOW (object);

  switch (prop_id)
    {
    case PROP_IMPORTING:
      g_value_set_boolean (value, self->importing);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
warta_window_class_init (WartaWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = warta_window_dispose;
  object_class->get_property = warta_window_get_property;
  widget_class->map = warta_window_map;
  window_class->close_request = warta_window_close_request;

  /**
   * WartaWindow:importing:
   *
   * Whether an import of an archive runs (see _warta_window_import_from()).
   */
  properties[PROP_IMPORTING] =
    g_param_spec_boolean ("importing", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (WARTA_TYPE_SIGN_IN_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/warta-window.ui");
  gtk_widget_class_bind_template_child (widget_class, WartaWindow, database_error_page);
  gtk_widget_class_bind_template_child (widget_class, WartaWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, WartaWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, WartaWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, WartaWindow, new_activity_button);
  gtk_widget_class_bind_template_child (widget_class, WartaWindow, new_activity_label);
  gtk_widget_class_bind_template_child (widget_class, WartaWindow, section_title);
  gtk_widget_class_bind_template_child (widget_class, WartaWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, WartaWindow, sidebar_header);
  gtk_widget_class_bind_template_child (widget_class, WartaWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, WartaWindow, sign_in_page);
  gtk_widget_class_bind_template_child (widget_class, WartaWindow, sign_in_title);
  gtk_widget_class_bind_template_child (widget_class, WartaWindow, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, WartaWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, WartaWindow, toast_overlay);
  gtk_widget_class_bind_template_callback (widget_class, on_back_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_list_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_list_row_selected_cb);

  gtk_widget_class_install_action (widget_class, "win.show-section", "s", show_section_action);
  gtk_widget_class_install_action (widget_class, "win.open-database", NULL, open_database_action);
  gtk_widget_class_install_action (widget_class, "win.new-database", NULL, open_database_action);
  gtk_widget_class_install_action (widget_class, "win.back-up-database", NULL,
                                   back_up_database_action);
  gtk_widget_class_install_action (widget_class, "win.import-archive", NULL,
                                   import_archive_action);
  gtk_widget_class_install_action (widget_class, WARTA_TOAST_OPEN_FOLDER_ACTION, "s",
                                   open_folder_action);
  gtk_widget_class_install_action (widget_class, "win.new-activity", NULL, new_activity_action);
  gtk_widget_class_install_action (widget_class, "win.switch-user", NULL, switch_user_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.open-publication", "x",
                                   open_publication_action);

  /* Alt+1 … Alt+0 jump to the sections in sidebar order. */
  for (guint i = 0; i < G_N_ELEMENTS (sections) && i < 10; i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + (i == 9 ? -1 : (int)i),
                                         GDK_ALT_MASK, "win.show-section",
                                         "s", sections[i].id);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK,
                                       "win.open-database", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.new-activity", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.switch-user", NULL);
}

static void
warta_window_init (WartaWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  /* The page follows the selection, and GtkListBox moves Tab from row to
   * row: Tab would walk through every section to reach a page. Tab leaves
   * the sidebar instead, to the page shown (or back to the sidebar's
   * header), and the arrow keys move between sections. */
  warta_list_set_single_tab_stop (GTK_WIDGET (self->sidebar_list));
  /* The first administrator made here or by another Warta. */
  g_signal_connect_object (self->sign_in_page, "notify::first-run",
                           G_CALLBACK (on_current_user_changed_cb), self, G_CONNECT_SWAPPED);
  /* A folded window leaves the section's title more room: New Activity
   * is its icon there, still named by the hidden label, with its tooltip. */
  g_object_bind_property (self->leaflet, "folded", self->new_activity_label, "visible",
                          G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);

#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      gtk_list_box_append (self->sidebar_list, create_sidebar_row (&sections[i]));
      gtk_stack_add_named (self->stack, create_empty_page (&sections[i]), sections[i].id);
    }
  /* An empty state is no Tab stop of its own: Tab goes to its button. */
  warta_focus_skip_status_pages (GTK_WIDGET (self));
}

WartaWindow *
warta_window_new (WartaApplication *application)
{
  WartaWindow *self;

  g_return_val_if_fail (WARTA_IS_APPLICATION (application), NULL);

  self = g_object_new (WARTA_TYPE_WINDOW,
                       "application", application,
                       NULL);
  warta_window_setup (self);

  return self;
}
