/* warta-officials-dialog.c: manage the officials directory
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "warta-officials-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "warta-list-focus.h"
#include "warta-mnemonic.h"
#include "warta-officials-dialog.h"

struct _WartaOfficialsDialog
{
  AdwWindow                parent_instance;

  /* Template widgets */
  AdwEntryRow             *prefix_row;
  AdwEntryRow             *name_row;
  AdwEntryRow             *suffix_row;
  AdwEntryRow             *position_row;
  GtkListBox              *list_box;

  /* Owned references */
  WartaOfficialRepository *repository;
  WartaUser               *user;
};

G_DEFINE_FINAL_TYPE (WartaOfficialsDialog, warta_officials_dialog, ADW_TYPE_WINDOW)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void reload (WartaOfficialsDialog *self);

static void
show_error (WartaOfficialsDialog *self,
            const GError         *error)
{
  GtkWidget *dialog;

  dialog = warta_message_dialog_new (GTK_WINDOW (self), _("Officials Directory Not Changed"),
                                     error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_remove_clicked_cb (GtkButton            *button,
                      WartaOfficialsDialog *self)
{
  WartaOfficial *official = g_object_get_data (G_OBJECT (button), "warta-official");
  g_autoptr(GError) error = NULL;

  if (!warta_official_repository_remove (self->repository, self->user,
                                         warta_official_get_id (official),
                                         warta_official_get_version (official), &error))
    show_error (self, error);

  reload (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
reload (WartaOfficialsDialog *self)
{
  g_autoptr(GListModel) officials = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))))
    gtk_list_box_remove (self->list_box, child);

  officials = warta_official_repository_list (self->repository, &error);
  if (officials == NULL)
    {
      show_error (self, error);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (officials); i++)
    {
      g_autoptr(WartaOfficial) official = g_list_model_get_item (officials, i);
      g_autofree char *full = warta_official_dup_full_title (official);
      g_autofree char *remove_label = NULL;
      GtkWidget *row, *button;

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), full);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);

      button = gtk_button_new_from_icon_name ("user-trash-symbolic");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, _("Remove"));
      /* Translators: %s is an official's name */
      remove_label = g_strdup_printf (_("Remove %s"), warta_official_get_name (official));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label,
                                      -1);
      g_object_set_data_full (G_OBJECT (button), "warta-official",
                              g_object_ref (official), g_object_unref);
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_remove_clicked_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

      gtk_list_box_append (self->list_box, row);
    }

  if (g_list_model_get_n_items (officials) == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No officials yet"));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->list_box, row);
    }
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  WartaOfficialsDialog *self = WARTA_OFFICIALS_DIALOG (widget);
  g_autoptr(WartaOfficial) official = NULL;
  g_autoptr(GError) error = NULL;

  official = warta_official_repository_add (self->repository, self->user,
                                            gtk_editable_get_text (GTK_EDITABLE (self->prefix_row)),
                                            gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
                                            gtk_editable_get_text (GTK_EDITABLE (self->suffix_row)),
                                            gtk_editable_get_text (GTK_EDITABLE (self->position_row)),
                                            &error);
  if (official == NULL)
    {
      show_error (self, error);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->prefix_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->suffix_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->position_row), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->prefix_row));

  reload (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_position_row_entry_activated_cb (WartaOfficialsDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "officials.add", NULL);
}

static void
warta_officials_dialog_dispose (GObject *object)
{
  WartaOfficialsDialog *self = WARTA_OFFICIALS_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), WARTA_TYPE_OFFICIALS_DIALOG);
  g_clear_object (&self->repository);
  g_clear_object (&self->user);

  G_OBJECT_CLASS (warta_officials_dialog_parent_class)->dispose (object);
}

static void
warta_officials_dialog_class_init (WartaOfficialsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = warta_officials_dialog_dispose;

  /**
   * WartaOfficialsDialog::changed:
   *
   * An official was added or removed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/warta-officials-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, WartaOfficialsDialog, list_box);
  gtk_widget_class_bind_template_child (widget_class, WartaOfficialsDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, WartaOfficialsDialog, position_row);
  gtk_widget_class_bind_template_child (widget_class, WartaOfficialsDialog, prefix_row);
  gtk_widget_class_bind_template_child (widget_class, WartaOfficialsDialog, suffix_row);
  gtk_widget_class_bind_template_callback (widget_class, on_position_row_entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "officials.add", NULL, add_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
warta_officials_dialog_init (WartaOfficialsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The template's buttons with a mnemonic: named once (warta-mnemonic.c). */
  warta_mnemonic_name_buttons (GTK_WIDGET (self));
  /* Rows are items: one Tab stop, the arrows between rows (warta-list-focus.c). */
  warta_list_set_single_tab_stop (GTK_WIDGET (self->list_box));
}

WartaOfficialsDialog *
warta_officials_dialog_new (GtkWindow               *parent,
                            WartaOfficialRepository *repository,
                            WartaUser               *user)
{
  WartaOfficialsDialog *self;

  g_return_val_if_fail (WARTA_IS_OFFICIAL_REPOSITORY (repository), NULL);
  g_return_val_if_fail (WARTA_IS_USER (user), NULL);

  self = g_object_new (WARTA_TYPE_OFFICIALS_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->repository = g_object_ref (repository);
  self->user = g_object_ref (user);
  reload (self);

  return self;
}
