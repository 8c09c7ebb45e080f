/* warta-list-focus.c: a list is one Tab stop, its rows are reached with the arrows
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8's GtkListBox and GtkListView move Tab from row to row: past 30
 * tasks is 30 presses of Tab, and a row's buttons make more. GTK 4.12 has
 * gtk_list_box_set_tab_behavior (GTK_LIST_TAB_ITEM), which Warta cannot
 * use; this does the same with public 4.8 API. Tab goes through the
 * focused row's own controls (an account's Remove button) and then
 * leaves the list; Shift+Tab comes back from them to the row and then
 * leaves it backwards. The arrow keys, Home, End, Page Up and Page Down
 * keep moving between rows, and the list keeps scrolling to them.
 *
 * Where the focus goes when it leaves is GTK's own choice: the list is
 * out of the focus chain for a moment and the window (or popover) moves
 * the focus on as Tab would, so it lands on the next visible, sensitive
 * widget in GTK's order, wrapping around as Tab does.
 */
#define G_LOG_DOMAIN "warta-list-focus"

#include "config.h"

#include <adwaita.h>

#include "warta-list-focus.h"

/* @focus's ancestor that is a row of @list (or a header), or NULL when
 * @focus is not in a row, or is in a popover of one. */
static GtkWidget *
focused_row (GtkWidget *list,
             GtkWidget *focus)
{
  GtkWidget *row = focus;

  if (focus == NULL || focus == list || !gtk_widget_is_ancestor (focus, list))
    return NULL;

  while (gtk_widget_get_parent (row) != list)
    {
      if (GTK_IS_NATIVE (row))
        return NULL;
      row = gtk_widget_get_parent (row);
    }

  return row;
}

/* Moves the focus to the widget before or after @list, as Tab does. */
static void
leave_list (GtkWidget        *list,
            GtkWidget        *focus,
            GtkDirectionType  direction)
{
  GtkWidget *native = GTK_WIDGET (gtk_widget_get_native (list));
  GtkRoot *root = gtk_widget_get_root (list);
  g_autoptr(GtkWidget) was = g_object_ref (focus);
  gboolean moved;

  /* A widget that cannot take the focus is skipped with all it holds;
   * everything else keeps its place in GTK's order. */
  gtk_widget_set_can_focus (list, FALSE);
  moved = gtk_widget_child_focus (native, direction);
  gtk_widget_set_can_focus (list, TRUE);

  /* Nothing else to go to: the focus stays where it was, never lost. */
  if (!moved || gtk_root_get_focus (root) == NULL)
    gtk_widget_grab_focus (was);
}

static gboolean
on_key_pressed_cb (GtkEventControllerKey *keys,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   gpointer               user_data)
{
  GtkWidget *list = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (keys));
  GtkRoot *root = gtk_widget_get_root (list);
  GtkWidget *focus, *row;
  GtkDirectionType direction;

  if ((keyval != GDK_KEY_Tab && keyval != GDK_KEY_KP_Tab && keyval != GDK_KEY_ISO_Left_Tab) ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0 || root == NULL)
    return GDK_EVENT_PROPAGATE;

  focus = gtk_root_get_focus (root);
  row = focused_row (list, focus);
  if (row == NULL)
    return GDK_EVENT_PROPAGATE;

  direction = keyval == GDK_KEY_ISO_Left_Tab || (state & GDK_SHIFT_MASK) != 0
              ? GTK_DIR_TAB_BACKWARD : GTK_DIR_TAB_FORWARD;
  /* The row's own controls first: a row's buttons stay reachable. */
  if (gtk_widget_child_focus (row, direction))
    return GDK_EVENT_STOP;

  leave_list (list, focus, direction);
  return GDK_EVENT_STOP;
}

/**
 * warta_list_set_single_tab_stop:
 * @list: a #GtkListBox, #GtkListView or #GtkGridView whose rows are its
 *   items (tasks, publications, accounts, people), not a boxed list of
 *   settings, where Tab goes from control to control
 *
 * Makes @list one stop for Tab: Tab enters it on its selected (or first)
 * row, the arrow keys move between rows, and Tab and Shift+Tab leave it
 * after the controls of the row they are pressed on.
 */
void
warta_list_set_single_tab_stop (GtkWidget *list)
{
  GtkEventController *keys;

  g_return_if_fail (GTK_IS_LIST_BOX (list) || GTK_IS_LIST_BASE (list));

  keys = gtk_event_controller_key_new ();
  /* Before the row, and before the window turns Tab into a move of focus. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), NULL);
  gtk_widget_add_controller (list, keys);
  g_object_set_data (G_OBJECT (list), "warta-single-tab-stop", GINT_TO_POINTER (TRUE));
}

/**
 * warta_list_focus_first:
 * @widget: a page, or any widget holding lists
 *
 * Puts the keyboard focus on the selected (or first) row of the first
 * shown list of items at or below @widget (one made a single Tab stop by
 * warta_list_set_single_tab_stop()), as Tab entering it does.
 *
 * Returns: whether a row has the focus
 */
gboolean
warta_list_focus_first (GtkWidget *widget)
{
  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  if (!gtk_widget_get_mapped (widget) || GTK_IS_NATIVE (widget))
    return FALSE;
  if (g_object_get_data (G_OBJECT (widget), "warta-single-tab-stop") != NULL)
    return gtk_widget_child_focus (widget, GTK_DIR_TAB_FORWARD);
  /* Not the page a stack is leaving, still shown while it fades out. */
  if (GTK_IS_STACK (widget))
    return gtk_stack_get_visible_child (GTK_STACK (widget)) != NULL &&
           warta_list_focus_first (gtk_stack_get_visible_child (GTK_STACK (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (warta_list_focus_first (child))
      return TRUE;

  return FALSE;
}

/**
 * warta_list_holds:
 * @widget: a widget
 *
 * Returns: whether @widget is in a row of a list of items (one made a
 *   single Tab stop by warta_list_set_single_tab_stop())
 */
gboolean
warta_list_holds (GtkWidget *widget)
{
  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  for (GtkWidget *w = gtk_widget_get_parent (widget); w != NULL; w = gtk_widget_get_parent (w))
    {
      if (GTK_IS_NATIVE (w))
        return FALSE;
      if (g_object_get_data (G_OBJECT (w), "warta-single-tab-stop") != NULL)
        return TRUE;
    }

  return FALSE;
}

/* The status page's scrolled window, which is all it holds. */
static void
update_status_page_focus (AdwStatusPage *page)
{
  GtkWidget *child = adw_status_page_get_child (page);

  for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (page));
       w != NULL;
       w = gtk_widget_get_next_sibling (w))
    if (GTK_IS_SCROLLED_WINDOW (w))
      gtk_widget_set_can_focus (w, child != NULL && gtk_widget_get_visible (child));
}

static void
on_status_page_child_cb (AdwStatusPage *page)
{
  GtkWidget *child = adw_status_page_get_child (page);

  if (child != NULL)
    g_signal_connect_object (child, "notify::visible",
                             G_CALLBACK (update_status_page_focus), page, G_CONNECT_SWAPPED);
  update_status_page_focus (page);
}

/**
 * warta_focus_skip_status_pages:
 * @widget: a window, a page
 *
 * libadwaita 1.2's AdwStatusPage scrolls its content in a GtkScrolledWindow
 * that takes the keyboard focus itself when nothing in it can: an empty
 * state without a button is then a Tab stop where nothing is seen to have
 * the focus. Every status page at or below @widget is passed by Tab while
 * it shows no button (no child), and Tab goes to its button otherwise.
 */
void
warta_focus_skip_status_pages (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (ADW_IS_STATUS_PAGE (widget))
    {
      g_signal_connect (widget, "notify::child", G_CALLBACK (on_status_page_child_cb), NULL);
      on_status_page_child_cb (ADW_STATUS_PAGE (widget));
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    warta_focus_skip_status_pages (child);
}
