/* warta-person-dialog.c: add a person, or change one's roles and password
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every change is written with the version of the account the
 * administrator saw. When someone else changed the account meanwhile, the
 * repository refuses (WARTA_DB_ERROR_CONFLICT): the dialog says so, closes,
 * and the list reloads; nothing is overwritten.
 */
#define G_LOG_DOMAIN "warta-person-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "warta-mnemonic.h"
#include "warta-person-dialog.h"
#include "warta-person-form.h"
#include "warta-user-repository.h"

struct _WartaPersonDialog
{
  AdwWindow             parent_instance;

  /* Template widgets */
  AdwWindowTitle       *window_title;
  AdwEntryRow          *login_row;
  AdwEntryRow          *name_row;
  AdwPasswordEntryRow  *password_row;
  AdwPreferencesGroup  *roles_group;
  GtkSwitch            *admin_switch;
  AdwActionRow         *active_row;
  GtkSwitch            *active_switch;
  AdwPasswordEntryRow  *new_password_row;
  GtkLabel             *password_label;
  GtkLabel             *error_label;

  /* Owned references */
  WartaContext         *context;
  WartaUser            *user;

  GtkCheckButton       *role_checks[WARTA_N_ROLES];
};

G_DEFINE_FINAL_TYPE (WartaPersonDialog, warta_person_dialog, ADW_TYPE_WINDOW)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_error (WartaPersonDialog *self,
            const GError      *error)
{
  warta_person_form_show_error (GTK_WIDGET (self->error_label), error,
                                GTK_WIDGET (self->login_row), GTK_WIDGET (self->name_row),
                                self->user != NULL ? GTK_WIDGET (self->new_password_row)
                                                   : GTK_WIDGET (self->password_row));
}

/* Someone else changed the account: say who was changed and what to do,
 * over the window the dialog came from, which reloads its list. */
static void
show_conflict (WartaPersonDialog *self,
               const GError      *error)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  GtkWidget *message;

  message = warta_message_dialog_new (parent, _("Someone Else Changed This Person"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (message));

  g_signal_emit (self, signals[CHANGED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

static WartaRole
get_roles (WartaPersonDialog *self)
{
  WartaRole roles = WARTA_ROLE_NONE;

  for (guint i = 0; i < WARTA_N_ROLES; i++)
    if (gtk_check_button_get_active (self->role_checks[i]))
      roles |= warta_role_nth (i);

  return roles;
}

/**
 * warta_person_dialog_save:
 * @self: a #WartaPersonDialog
 *
 * Adds the person, or writes the changes, as the signed-in administrator.
 * On success, or on a conflict, the dialog closes and emits ::changed.
 *
 * Returns: whether the change was written
 */
gboolean
warta_person_dialog_save (WartaPersonDialog *self)
{
  WartaUserRepository *users;
  WartaUser *actor;
  g_autoptr(WartaUser) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (WARTA_IS_PERSON_DIALOG (self), FALSE);

  users = warta_context_get_users (self->context);
  actor = warta_context_get_current_user (self->context);
  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));

  if (actor == NULL)
    return FALSE;

  if (self->user == NULL)
    {
      g_autofree char *login = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->login_row))));

      /* With no role and no administration the new person could sign in
       * and do nothing: an unticked form saved with Return, not a choice. */
      if (get_roles (self) == WARTA_ROLE_NONE && !gtk_switch_get_active (self->admin_switch))
        {
          gtk_label_set_label (self->error_label,
                               _("Tick at least one role in the procedure, or make the person an administrator."));
          gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
          gtk_widget_grab_focus (GTK_WIDGET (self->role_checks[0]));
          return FALSE;
        }

      saved = warta_user_repository_create_user (users, actor, login, name,
                                                 gtk_editable_get_text (GTK_EDITABLE (self->password_row)),
                                                 get_roles (self),
                                                 gtk_switch_get_active (self->admin_switch),
                                                 &error);
    }
  else
    {
      saved = warta_user_repository_update_user (users, actor,
                                                 warta_user_get_id (self->user),
                                                 warta_user_get_version (self->user),
                                                 name, get_roles (self),
                                                 gtk_switch_get_active (self->admin_switch),
                                                 gtk_switch_get_active (self->active_switch),
                                                 &error);
    }

  if (saved == NULL)
    {
      if (g_error_matches (error, WARTA_DB_ERROR, WARTA_DB_ERROR_CONFLICT))
        show_conflict (self, error);
      else
        show_error (self, error);
      return FALSE;
    }

  /* Changing oneself changes what one may do at once. */
  if (warta_user_get_id (saved) == warta_user_get_id (actor))
    warta_context_set_current_user (self->context, saved);

  g_signal_emit (self, signals[CHANGED], 0);
  gtk_window_destroy (GTK_WINDOW (self));

  return TRUE;
}

static void
on_save_button_clicked_cb (WartaPersonDialog *self)
{
  warta_person_dialog_save (self);
}

/* A new password for someone who forgot theirs, set at once. */
static void
on_new_password_row_apply_cb (WartaPersonDialog *self)
{
  g_autoptr(WartaUser) fresh = NULL;
  g_autoptr(GError) error = NULL;

  if (self->user == NULL)
    return;

  if (!warta_user_repository_set_password (warta_context_get_users (self->context),
                                           warta_context_get_current_user (self->context),
                                           warta_user_get_id (self->user),
                                           gtk_editable_get_text (GTK_EDITABLE (self->new_password_row)),
                                           &error))
    {
      show_error (self, error);
      return;
    }

  /* The new password is a new version of the account: edit that one. */
  if (!(fresh = warta_user_repository_get (warta_context_get_users (self->context),
                                           warta_user_get_id (self->user), &error)))
    {
      show_error (self, error);
      return;
    }
  g_set_object (&self->user, fresh);

  show_error (self, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->new_password_row), "");
  gtk_widget_set_visible (GTK_WIDGET (self->password_label), TRUE);
}

static void
warta_person_dialog_dispose (GObject *object)
{
  WartaPersonDialog *self = WARTA_PERSON_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), WARTA_TYPE_PERSON_DIALOG);
  g_clear_object (&self->context);
  g_clear_object (&self->user);

  G_OBJECT_CLASS (warta_person_dialog_parent_class)->dispose (object);
}

static void
warta_person_dialog_class_init (WartaPersonDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = warta_person_dialog_dispose;

  /**
   * WartaPersonDialog::changed:
   *
   * The person was added or changed, or someone else changed them
   * meanwhile: the list of people is out of date.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/warta-person-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, WartaPersonDialog, active_row);
  gtk_widget_class_bind_template_child (widget_class, WartaPersonDialog, active_switch);
  gtk_widget_class_bind_template_child (widget_class, WartaPersonDialog, admin_switch);
  gtk_widget_class_bind_template_child (widget_class, WartaPersonDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, WartaPersonDialog, login_row);
  gtk_widget_class_bind_template_child (widget_class, WartaPersonDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, WartaPersonDialog, password_row);
  gtk_widget_class_bind_template_child (widget_class, WartaPersonDialog, new_password_row);
  gtk_widget_class_bind_template_child (widget_class, WartaPersonDialog, password_label);
  gtk_widget_class_bind_template_child (widget_class, WartaPersonDialog, roles_group);
  gtk_widget_class_bind_template_child (widget_class, WartaPersonDialog, window_title);
  gtk_widget_class_bind_template_callback (widget_class, on_new_password_row_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_save_button_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

/* A role ticked answers the error asking for one. */
static void
on_role_toggled_cb (GtkCheckButton    *check,
                    WartaPersonDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

static void
warta_person_dialog_init (WartaPersonDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  warta_person_form_watch (GTK_WIDGET (self->error_label),
                           GTK_WIDGET (self->login_row), GTK_WIDGET (self->name_row),
                           GTK_WIDGET (self->password_row), GTK_WIDGET (self->new_password_row),
                           NULL);

  for (guint i = 0; i < WARTA_N_ROLES; i++)
    {
      WartaRole role = warta_role_nth (i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      /* Named by the row's title, which the activatable row relates to it. */
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_widget_set_name (check, warta_role_get_id (role));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      /* One Tab stop a role, its check box, as on the first
       * administrator's page; a click on the row still ticks it. */
      gtk_widget_set_focusable (row, FALSE);
      adw_preferences_group_add (self->roles_group, row);
      self->role_checks[i] = GTK_CHECK_BUTTON (check);
      g_signal_connect_object (check, "toggled", G_CALLBACK (on_role_toggled_cb), self, 0);
    }
}

/**
 * warta_person_dialog_new:
 * @parent: the window it belongs to
 * @context: the open database's services; its current user is the actor
 * @user: (nullable): the person to change, or %NULL to add one
 *
 * Returns: (transfer none): a new dialog, not yet shown
 */
WartaPersonDialog *
warta_person_dialog_new (GtkWindow    *parent,
                         WartaContext *context,
                         WartaUser    *user)
{
  WartaPersonDialog *self;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (WARTA_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (!user || WARTA_IS_USER (user), NULL);

  self = g_object_new (WARTA_TYPE_PERSON_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->context = g_object_ref (context);
  self->user = user != NULL ? g_object_ref (user) : NULL;

  /* The role names are the office's, from its settings. */
  for (guint i = 0; i < WARTA_N_ROLES; i++)
    {
      GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (self->role_checks[i]),
                                                ADW_TYPE_ACTION_ROW);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     warta_context_get_role_name (context, warta_role_nth (i)));
    }

  if (user == NULL)
    {
      adw_window_title_set_title (self->window_title, _("Add Person"));
      gtk_widget_set_visible (GTK_WIDGET (self->active_row), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->new_password_row), FALSE);
      gtk_window_set_title (GTK_WINDOW (self), _("Add Person"));
      /* Typing starts in the first field, not on the header's Cancel. */
      gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->login_row));
    }
  else
    {
      adw_window_title_set_title (self->window_title, _("Edit Person"));
      adw_window_title_set_subtitle (self->window_title, warta_user_get_login (user));
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Person"));
      gtk_editable_set_text (GTK_EDITABLE (self->login_row), warta_user_get_login (user));
      gtk_widget_set_sensitive (GTK_WIDGET (self->login_row), FALSE);
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), warta_user_get_display_name (user));
      gtk_widget_set_visible (GTK_WIDGET (self->password_row), FALSE);
      gtk_switch_set_active (self->admin_switch, warta_user_get_is_admin (user));
      gtk_switch_set_active (self->active_switch, warta_user_get_active (user));
      for (guint i = 0; i < WARTA_N_ROLES; i++)
        gtk_check_button_set_active (self->role_checks[i],
                                     warta_user_has_role (user, warta_role_nth (i)));
      gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->name_row));
    }

  return self;
}

WartaUser *
warta_person_dialog_get_user (WartaPersonDialog *self)
{
  g_return_val_if_fail (WARTA_IS_PERSON_DIALOG (self), NULL);

  return self->user;
}
