/* warta-toast.c: toasts that tell a result, and show where it was saved
 *
 * An export, a report or a backup is written where the user chose, often
 * far from where they are looking: its toast offers to open the folder
 * (WARTA_TOAST_OPEN_FOLDER_ACTION, the window's, which asks the desktop
 * to show it; in Flatpak the OpenURI portal does).
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "warta-toast"

#include "config.h"

#include <glib/gi18n.h>

#include "warta-toast.h"

/**
 * warta_toast_new:
 * @text: what to say, plain text
 * @folder: (nullable): where the result was saved, to offer to open
 *
 * Returns: (transfer full): a toast saying @text, with an Open Folder
 *   button when @folder is given
 */
AdwToast *
warta_toast_new (const char *text,
                 GFile      *folder)
{
  g_autofree char *markup = g_markup_escape_text (text, -1);
  AdwToast *toast = adw_toast_new (markup);

  if (folder != NULL)
    {
      g_autofree char *uri = g_file_get_uri (folder);

      adw_toast_set_button_label (toast, _("_Open Folder"));
      adw_toast_set_action_name (toast, WARTA_TOAST_OPEN_FOLDER_ACTION);
      adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
      /* Long enough to reach for the button. */
      adw_toast_set_timeout (toast, 10);
    }

  return toast;
}

/**
 * warta_toast_show:
 * @widget: a widget inside an #AdwToastOverlay
 * @toast: (transfer full): the toast
 *
 * Shows @toast on the overlay around @widget.
 *
 * Returns: %FALSE, and @toast is dropped, when no overlay is around @widget
 */
gboolean
warta_toast_show (GtkWidget *widget,
                  AdwToast  *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  if (overlay == NULL)
    {
      g_object_unref (toast);
      return FALSE;
    }

  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  return TRUE;
}
