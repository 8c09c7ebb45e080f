/* warta-official-dialog.c: add or change one entry of the officials directory
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opened from the People section. With an entry, it changes that entry
 * (based on the version it was opened with) or takes it out of the
 * directory; without one, it adds a new entry. The repository decides who
 * may; its message is shown in the dialog, which stays open.
 */
#define G_LOG_DOMAIN "warta-official-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "warta-official-dialog.h"

struct _WartaOfficialDialog
{
  AdwWindow                parent_instance;

  /* Template widgets */
  AdwEntryRow             *prefix_row;
  AdwEntryRow             *name_row;
  AdwEntryRow             *suffix_row;
  AdwEntryRow             *position_row;
  GtkLabel                *error_label;
  GtkWidget               *deactivate_button;

  /* Owned references */
  WartaOfficialRepository *repository;
  WartaUser               *user;
  WartaOfficial           *official;
};

G_DEFINE_FINAL_TYPE (WartaOfficialDialog, warta_official_dialog, ADW_TYPE_WINDOW)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
row_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static void
show_error (WartaOfficialDialog *self,
            const GError        *error)
{
  g_autofree char *name = g_strstrip (g_strdup (row_text (self->name_row)));

  gtk_label_set_label (self->error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  /* The one field that must be written. */
  if (*name == '\0')
    gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

/**
 * warta_official_dialog_save:
 * @self: a #WartaOfficialDialog
 *
 * Adds the entry, or writes the changes; closes the dialog when that
 * worked.
 *
 * Returns: whether it was saved
 */
gboolean
warta_official_dialog_save (WartaOfficialDialog *self)
{
  g_autoptr(WartaOfficial) saved = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (WARTA_IS_OFFICIAL_DIALOG (self), FALSE);

  if (self->official == NULL)
    saved = warta_official_repository_add (self->repository, self->user,
                                           row_text (self->prefix_row), row_text (self->name_row),
                                           row_text (self->suffix_row), row_text (self->position_row),
                                           &error);
  else
    saved = warta_official_repository_update (self->repository, self->user,
                                              warta_official_get_id (self->official),
                                              warta_official_get_version (self->official),
                                              row_text (self->prefix_row), row_text (self->name_row),
                                              row_text (self->suffix_row),
                                              row_text (self->position_row), &error);
  if (saved == NULL)
    {
      show_error (self, error);
      return FALSE;
    }

  g_signal_emit (self, signals[CHANGED], 0);
  gtk_window_destroy (GTK_WINDOW (self));

  return TRUE;
}

/**
 * warta_official_dialog_deactivate:
 * @self: a #WartaOfficialDialog
 *
 * Takes the entry out of the directory (revisions keep the text written
 * with it); closes the dialog when that worked.
 *
 * Returns: whether it was taken out
 */
gboolean
warta_official_dialog_deactivate (WartaOfficialDialog *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (WARTA_IS_OFFICIAL_DIALOG (self), FALSE);

  if (self->official == NULL)
    return FALSE;

  if (!warta_official_repository_remove (self->repository, self->user,
                                         warta_official_get_id (self->official),
                                         warta_official_get_version (self->official), &error))
    {
      show_error (self, error);
      return FALSE;
    }

  g_signal_emit (self, signals[CHANGED], 0);
  gtk_window_destroy (GTK_WINDOW (self));

  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  warta_official_dialog_save (WARTA_OFFICIAL_DIALOG (widget));
}

static void
deactivate_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  warta_official_dialog_deactivate (WARTA_OFFICIAL_DIALOG (widget));
}

static void
warta_official_dialog_dispose (GObject *object)
{
  WartaOfficialDialog *self = WARTA_OFFICIAL_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), WARTA_TYPE_OFFICIAL_DIALOG);
  g_clear_object (&self->repository);
  g_clear_object (&self->user);
  g_clear_object (&self->official);

  G_OBJECT_CLASS (warta_official_dialog_parent_class)->dispose (object);
}

static void
warta_official_dialog_class_init (WartaOfficialDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = warta_official_dialog_dispose;

  /**
   * WartaOfficialDialog::changed:
   *
   * The entry was added, changed or taken out.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/warta-official-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, WartaOfficialDialog, deactivate_button);
  gtk_widget_class_bind_template_child (widget_class, WartaOfficialDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, WartaOfficialDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, WartaOfficialDialog, position_row);
  gtk_widget_class_bind_template_child (widget_class, WartaOfficialDialog, prefix_row);
  gtk_widget_class_bind_template_child (widget_class, WartaOfficialDialog, suffix_row);

  gtk_widget_class_install_action (widget_class, "official.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "official.deactivate", NULL, deactivate_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
warta_official_dialog_init (WartaOfficialDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * warta_official_dialog_new:
 * @official: (nullable): the entry to change, or %NULL to add one
 */
WartaOfficialDialog *
warta_official_dialog_new (GtkWindow               *parent,
                           WartaOfficialRepository *repository,
                           WartaUser               *user,
                           WartaOfficial           *official)
{
  WartaOfficialDialog *self;

  g_return_val_if_fail (WARTA_IS_OFFICIAL_REPOSITORY (repository), NULL);
  g_return_val_if_fail (WARTA_IS_USER (user), NULL);
  g_return_val_if_fail (!official || WARTA_IS_OFFICIAL (official), NULL);

  self = g_object_new (WARTA_TYPE_OFFICIAL_DIALOG,
                       "transient-for", parent,
                       "title", official != NULL ? _("Change Official") : _("Add Official"),
                       NULL);
  self->repository = g_object_ref (repository);
  self->user = g_object_ref (user);

  if (official != NULL)
    {
      self->official = g_object_ref (official);
      gtk_editable_set_text (GTK_EDITABLE (self->prefix_row),
                             warta_official_get_prefix (official) ?: "");
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), warta_official_get_name (official) ?: "");
      gtk_editable_set_text (GTK_EDITABLE (self->suffix_row),
                             warta_official_get_suffix (official) ?: "");
      gtk_editable_set_text (GTK_EDITABLE (self->position_row),
                             warta_official_get_position (official) ?: "");
    }
  gtk_widget_set_visible (self->deactivate_button, official != NULL);
  /* Typing starts in the form, not on the header's Cancel: in the first
   * field, or at the name of an entry that has one. */
  gtk_window_set_focus (GTK_WINDOW (self),
                        GTK_WIDGET (official != NULL ? self->name_row : self->prefix_row));

  return self;
}

/**
 * warta_official_dialog_get_official:
 *
 * Returns: (transfer none) (nullable): the entry being changed
 */
WartaOfficial *
warta_official_dialog_get_official (WartaOfficialDialog *self)
{
  g_return_val_if_fail (WARTA_IS_OFFICIAL_DIALOG (self), NULL);

  return self->official;
}
