/* warta-mnemonic.c: buttons with a mnemonic, named once for screen readers
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8's gtk_button_set_label() stores the label, underscore and all,
 * as the button's accessible label, while the button's mnemonic label
 * names it too (a labelled-by relation), and GTK joins both: screen
 * readers said "_Preview Preview", and "_Cancel Cancel" in every
 * AdwMessageDialog, whose responses are such buttons. Here the raw label
 * is dropped and the relation kept, for buttons made in code, buttons of
 * templates and the responses of message dialogs.
 */
#define G_LOG_DOMAIN "warta-mnemonic"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "warta-mnemonic.h"

static void
name_by_mnemonic (GtkButton *button)
{
  if (gtk_button_get_use_underline (button) && gtk_button_get_label (button) != NULL)
    gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

/**
 * warta_button_set_mnemonic:
 * @button: a #GtkButton
 * @label: its text, with an underscore before the mnemonic
 *
 * Sets the label of @button; the accessible name is the label's text.
 */
void
warta_button_set_mnemonic (GtkButton  *button,
                           const char *label)
{
  g_return_if_fail (GTK_IS_BUTTON (button));

  gtk_button_set_use_underline (button, TRUE);
  gtk_button_set_label (button, label);
  name_by_mnemonic (button);
}

/**
 * warta_button_new_with_mnemonic:
 * @label: the button's text, with an underscore before the mnemonic
 *
 * Returns: (transfer floating): a button named by its label's text
 */
GtkWidget *
warta_button_new_with_mnemonic (const char *label)
{
  GtkWidget *button = gtk_button_new ();

  warta_button_set_mnemonic (GTK_BUTTON (button), label);
  return button;
}

/**
 * warta_mnemonic_name_buttons:
 * @root: a widget
 *
 * Names every button below @root (itself included) that has a mnemonic
 * label by that label only: for templates, after gtk_widget_init_template().
 */
void
warta_mnemonic_name_buttons (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_BUTTON (root))
    name_by_mnemonic (GTK_BUTTON (root));

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    warta_mnemonic_name_buttons (child);
}

static void
on_dialog_show_cb (GtkWidget *dialog)
{
  warta_mnemonic_name_buttons (dialog);
}

/**
 * warta_message_dialog_new:
 * @parent: (nullable): the window it is about
 * @heading: (nullable): its heading
 * @body: (nullable): its text
 *
 * adw_message_dialog_new(), with the responses (added before it is
 * shown) named by their labels only.
 *
 * Returns: (transfer none): the new dialog
 */
GtkWidget *
warta_message_dialog_new (GtkWindow  *parent,
                          const char *heading,
                          const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

  g_signal_connect (dialog, "show", G_CALLBACK (on_dialog_show_cb), NULL);
  return dialog;
}

/**
 * warta_message_dialog_tell:
 * @widget: a widget in the window it is about
 * @heading: what did not happen, "Report Not Saved"
 * @body: why, and what to do
 *
 * Says a failure the user must act on in a dialog whose Close is its
 * default response: a toast shows one line in libadwaita 1.2, and cuts
 * off what to do at its end. Logged when @widget is in no window.
 */
void
warta_message_dialog_tell (GtkWidget  *widget,
                           const char *heading,
                           const char *body)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  AdwMessageDialog *dialog;

  if (!GTK_IS_WINDOW (root))
    {
      g_message ("%s: %s", heading, body);
      return;
    }
  dialog = ADW_MESSAGE_DIALOG (warta_message_dialog_new (GTK_WINDOW (root), heading, body));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * warta_message_dialog_ask:
 * @dialog: a dialog from warta_message_dialog_new() with its responses,
 *   "cancel" among them
 * @go_id: the response that goes ahead
 * @appearance: how @go_id looks
 * @default_id: the response Enter gives
 * @callback: the "response" handler, called swapped with @object
 * @object: what @callback acts on; the handler goes with it
 *
 * Presents @dialog as a question that closing answers with "cancel".
 */
void
warta_message_dialog_ask (GtkWidget             *dialog,
                          const char            *go_id,
                          AdwResponseAppearance  appearance,
                          const char            *default_id,
                          GCallback              callback,
                          gpointer               object)
{
  g_return_if_fail (ADW_IS_MESSAGE_DIALOG (dialog));

  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), go_id, appearance);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), default_id);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", callback, object, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}
