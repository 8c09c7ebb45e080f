/* warta-shortcuts.c: the shortcuts window as the signed-in user's role sees it
 *
 * The help overlay (ui/warta-shortcuts-window.ui) lists every group of
 * keys; a group named in it (the GtkWidget name) is shown only to the
 * roles that can use its keys, and only in the windows where they work.
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "warta-shortcuts.h"
#include "warta-workflow.h"

/* Every group or key named @name (its GtkWidget name) in the shortcuts
 * window, into @found. */
static void
find_named (GtkWidget  *widget,
            const char *name,
            GPtrArray  *found)
{
  if ((GTK_IS_SHORTCUTS_GROUP (widget) || GTK_IS_SHORTCUTS_SHORTCUT (widget)) &&
      g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    {
      g_ptr_array_add (found, widget);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    find_named (child, name, found);
}

/* Each key titled as one of @titles, wherever it is listed: in its group,
 * and among the window's search results, which are copies. */
static void
show_keys (GtkWidget  *widget,
           GPtrArray  *titles,
           gboolean    shown,
           gboolean    collect)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *title = NULL;

      g_object_get (widget, "title", &title, NULL);
      if (collect)
        g_ptr_array_add (titles, g_steal_pointer (&title));
      else if (g_ptr_array_find_with_equal_func (titles, title, g_str_equal, NULL))
        gtk_widget_set_visible (widget, shown);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    show_keys (child, titles, shown, collect);
}

/* Shows or hides the groups and keys named @name, with their keys among
 * the search results. */
static void
show_named (GtkWidget  *overlay,
            const char *name,
            gboolean    shown)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);

  find_named (overlay, name, found);
  g_return_if_fail (found->len > 0);

  for (guint i = 0; i < found->len; i++)
    show_keys (found->pdata[i], titles, shown, TRUE);
  show_keys (overlay, titles, shown, FALSE);
  for (guint i = 0; i < found->len; i++)
    gtk_widget_set_visible (found->pdata[i], shown);
}

/**
 * warta_shortcuts_follow_user:
 * @overlay: a shortcuts window built from the help overlay
 * @user: (nullable): who is signed in; %NULL before anyone is
 *
 * Shows the editor's keys (saving, submitting, removing a photo) to those
 * whose role writes activities in it, as Ctrl+N is; a verifier and an
 * approver only read and review there. Before anyone signs in, the editor
 * asks who documents: its keys are listed.
 */
void
warta_shortcuts_follow_user (GtkWidget *overlay,
                             WartaUser *user)
{
  gboolean edits = TRUE;

  g_return_if_fail (GTK_IS_WIDGET (overlay));
  g_return_if_fail (user == NULL || WARTA_IS_USER (user));

  if (user != NULL)
    edits = warta_workflow_check_edit (WARTA_STATE_DOCUMENTING, warta_user_get_roles (user),
                                       NULL, NULL, NULL) ||
            warta_workflow_check_edit (WARTA_STATE_PROCESSING, warta_user_get_roles (user),
                                       NULL, NULL, NULL);
  show_named (overlay, "editor", edits);
}

/**
 * warta_shortcuts_for_editor:
 * @overlay: a shortcuts window built from the help overlay
 *
 * Leaves out what works only in the main window (its sections, search,
 * menu, a new activity, another database or user: the keys named
 * "main-window" in the help overlay), for the shortcuts window of an
 * Activity Editor: it lists the editor's keys and the application's
 * (preferences, closing, quitting), which work there too.
 */
void
warta_shortcuts_for_editor (GtkWidget *overlay)
{
  g_return_if_fail (GTK_IS_WIDGET (overlay));

  show_named (overlay, "main-window", FALSE);
}
