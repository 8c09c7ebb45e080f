/* warta-test-gui.h: set-up shared by the widget tests
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void  warta_test_gui_init       (int    *argc,
                                 char ***argv);
/* warta_test_gui_init () installs the process's log writer (GLib takes
 * one): a test that wants to see the messages too has @watch called with
 * each, before it is written. */
void  warta_test_gui_watch_log  (GLogWriterFunc  watch,
                                 gpointer        data);
char *warta_test_gui_new_folder (void);
/* @widget or its first descendant of @type named @name (any name for
 * NULL), popovers included; NULL when there is none. */
GtkWidget *warta_test_gui_find_named (GtkWidget  *widget,
                                      GType       type,
                                      const char *name);
/* The first toplevel window of @type (a dialog, an editor), NULL when
 * there is none. */
gpointer   warta_test_gui_find_toplevel (GType type);
/* The shown AdwMessageDialog headed @heading (any for NULL), NULL when
 * there is none; fails when two of its access keys are the same letter
 * (warta_test_gui_assert_mnemonics_unique()). */
gpointer   warta_test_gui_find_message_dialog (const char *heading);
/* The first label at or below @widget reading @text; NULL when none does. */
GtkWidget *warta_test_gui_find_label  (GtkWidget  *widget,
                                       const char *text);
/* The first button at or below @widget labelled @label ("_Open Folder"). */
GtkWidget *warta_test_gui_find_button (GtkWidget  *widget,
                                       const char *label);

/* Fails when a widget at or below @top has both an accessible label and
 * a labelled-by relation: GTK 4.8 joins them, and the name is read twice
 * ("_Preview Preview"). */
void       warta_test_gui_assert_named_once (GtkWidget *top);

/* Fails when two access keys (a label's underlined letter: a button's,
 * a row's, a message dialog's response's) shown at once in @top are the
 * same letter, in any case, naming both labels and the key. A popover is
 * a scope of its own, walked open or closed; what is not shown (a stack's
 * other pages) is not counted. */
void       warta_test_gui_assert_mnemonics_unique (GtkWidget *top);

/* Gives windows GNOME's window buttons (org.gnome.desktop.wm.preferences
 * button-layout "appmenu:close"), not the three of GTK's own default that
 * a bare X server gets: what a window's width is measured with. */
void       warta_test_gui_use_gnome_window_buttons (void);

/* The width a window needs for @content_width pixels of content: what
 * GTK adds around it (its frame's borders), measured on a real window. */
int        warta_test_gui_window_width_for (int content_width);

/* The template child @name of @window's (a WartaWindow's) sign-in page. */
gpointer   warta_test_gui_sign_in_child     (GtkWidget  *window,
                                             const char *name);

/* Signs in to @window (a WartaWindow) as @login, typed into its
 * sign-in page, and returns once the password was checked. */
void       warta_test_gui_sign_in           (GtkWidget  *window,
                                             const char *login,
                                             const char *password);

/* Fails when @top needs more than @bound pixels of width, naming the
 * innermost widgets that need more. */
void       warta_test_gui_assert_fits_width (GtkWidget *top,
                                             int        bound);

/* Runs the main context until @condition (@data) holds, and fails
 * naming @what when it has not after a minute (the tests run under the
 * sanitizers on a busy machine too). For what widgets do in idle time,
 * after a timeout, an animation or another thread's work: never a fixed
 * time or a number of iterations. */
typedef gboolean (*WartaTestGuiCondition) (gpointer data);
void       warta_test_gui_wait_until            (WartaTestGuiCondition  condition,
                                                 gpointer               data,
                                                 const char            *what);

/* The same for an expression: WARTA_TEST_GUI_WAIT_FOR (gtk_widget_get_mapped (w)). */
#define WARTA_TEST_GUI_WAIT_FOR(condition) \
  G_STMT_START { \
    gint64 warta_test_gui_deadline_ = warta_test_gui_wait_deadline (); \
    while (!(condition)) \
      warta_test_gui_wait_step (warta_test_gui_deadline_, #condition); \
  } G_STMT_END
gint64     warta_test_gui_wait_deadline         (void);
void       warta_test_gui_wait_step             (gint64                 deadline,
                                                 const char            *what);

/* Returns once @widget is mapped and two frames were drawn after it
 * was allocated again. */
void       warta_test_gui_wait_for_layout       (GtkWidget *widget);

/* Fails when a label at or below @top that is shown (mapped, not
 * transparent) is ellipsized. */
void       warta_test_gui_assert_not_ellipsized (GtkWidget *top);

/* Whether a shortcut at or below @widget (a GtkShortcutsWindow), not
 * hidden, has @property ("title", "accelerator") equal to @value. */
gboolean   warta_test_gui_lists_shortcut    (GtkWidget  *widget,
                                             const char *property,
                                             const char *value);

/* With WARTA_SCREENSHOT_DIR=<dir> set, saves @window as <dir>/@name
 * (a PNG), for looking at it; nothing otherwise. */
void       warta_test_gui_screenshot        (GtkWidget  *window,
                                             const char *name);

/* Whether warta_test_gui_press_keys() can type: an X display and xdotool. */
gboolean   warta_test_gui_can_press_keys    (void);

/* Presses @keys in @window (xdotool's names: "Tab", "shift+Tab", "Down")
 * on the X server's keyboard, as a person types them, and returns the
 * widget that has the keyboard focus once it moved; fails when it did
 * not within 20 s. */
GtkWidget *warta_test_gui_press_keys        (GtkWidget  *window,
                                             const char *keys);

/* Translates what is built from now on into @language ("id"), from the
 * build tree's catalogues; NULL for the untranslated English. */
void       warta_test_gui_set_language      (const char *language);

G_END_DECLS
