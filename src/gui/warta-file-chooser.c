/* warta-file-chooser.c: choose files to open or save, the best way the GTK has
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GtkFileDialog (GTK 4.10) where the GTK has it, as on the GNOME Flatpak
 * runtime; GtkFileChooserNative otherwise, as on Debian 12's GTK 4.8. The
 * one place that knows: callers get a GAsyncResult either way, and a
 * dismissed chooser is G_IO_ERROR_CANCELLED in both.
 */
#define G_LOG_DOMAIN "warta-file-chooser"

#include "config.h"

#include <glib/gi18n.h>

#include "warta-file-chooser.h"

#if GTK_CHECK_VERSION (4, 10, 0)

/* The build pins GDK_VERSION_MAX_ALLOWED to 4.8; this branch is the one
 * place allowed to use what came after. */
G_GNUC_BEGIN_IGNORE_DEPRECATIONS

/* A dismissed dialog is a cancelled choice, as with GtkFileChooserNative. */
static void
return_error (GTask  *task,
              GError *error)
{
  if (g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED) ||
      g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_CANCELLED))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s", error->message);
      g_error_free (error);
    }
  else
    g_task_return_error (task, error);
}

static void
open_multiple_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  GListModel *files;

  files = gtk_file_dialog_open_multiple_finish (GTK_FILE_DIALOG (object), result, &error);
  if (files == NULL)
    {
      return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, files, g_object_unref);
}

static void
open_one_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  GListStore *files;

  file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (object), result, &error);
  if (file == NULL)
    {
      return_error (task, g_steal_pointer (&error));
      return;
    }

  files = g_list_store_new (G_TYPE_FILE);
  g_list_store_append (files, file);
  g_task_return_pointer (task, files, g_object_unref);
}

static GtkFileDialog *
new_dialog (const char *title,
            const char *accept_label)
{
  GtkFileDialog *dialog = gtk_file_dialog_new ();

  gtk_file_dialog_set_title (dialog, title);
  gtk_file_dialog_set_accept_label (dialog, accept_label);
  gtk_file_dialog_set_modal (dialog, TRUE);
  return dialog;
}

static void
open_files (GTask         *task,
            GtkWindow     *parent,
            const char    *title,
            const char    *accept_label,
            GtkFileFilter *filter,
            gboolean       multiple,
            GCancellable  *cancellable)
{
  g_autoptr(GtkFileDialog) dialog = new_dialog (title, accept_label);

  if (filter != NULL)
    {
      g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

      g_list_store_append (filters, filter);
      gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
      gtk_file_dialog_set_default_filter (dialog, filter);
    }

  if (multiple)
    gtk_file_dialog_open_multiple (dialog, parent, cancellable, open_multiple_cb, task);
  else
    gtk_file_dialog_open (dialog, parent, cancellable, open_one_cb, task);
}

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  GFile *file;

  file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, &error);
  if (file == NULL)
    {
      return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, file, g_object_unref);
}

static void
save (GTask        *task,
      GtkWindow    *parent,
      const char   *title,
      const char   *accept_label,
      GFile        *initial_folder,
      const char   *initial_name,
      GCancellable *cancellable)
{
  g_autoptr(GtkFileDialog) dialog = new_dialog (title, accept_label);

  if (initial_folder != NULL)
    gtk_file_dialog_set_initial_folder (dialog, initial_folder);
  gtk_file_dialog_set_initial_name (dialog, initial_name);
  gtk_file_dialog_save (dialog, parent, cancellable, save_cb, task);
}

G_GNUC_END_IGNORE_DEPRECATIONS

#else

static void
on_cancelled_cb (GCancellable         *cancellable,
                 GtkFileChooserNative *chooser)
{
  gtk_native_dialog_hide (GTK_NATIVE_DIALOG (chooser));
}

static void
on_response_cb (GtkNativeDialog *dialog,
                int              response,
                gpointer         user_data)
{
  g_autoptr(GTask) task = user_data;

  if (response == GTK_RESPONSE_ACCEPT &&
      gtk_file_chooser_get_action (GTK_FILE_CHOOSER (dialog)) == GTK_FILE_CHOOSER_ACTION_SAVE)
    g_task_return_pointer (task, gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog)),
                           g_object_unref);
  else if (response == GTK_RESPONSE_ACCEPT)
    g_task_return_pointer (task, gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog)),
                           g_object_unref);
  else
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                             "%s", _("No file was chosen."));

  if (g_task_get_cancellable (task) != NULL)
    g_signal_handlers_disconnect_by_func (g_task_get_cancellable (task), on_cancelled_cb, dialog);
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

/* Shows @chooser, modal; its answer goes to @task, and @cancellable
 * closes it. */
static void
show_chooser (GtkFileChooserNative *chooser,
              GTask                *task,
              GCancellable         *cancellable)
{
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_response_cb), task);
  if (cancellable != NULL)
    g_signal_connect_object (cancellable, "cancelled", G_CALLBACK (on_cancelled_cb), chooser, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_files (GTask         *task,
            GtkWindow     *parent,
            const char    *title,
            const char    *accept_label,
            GtkFileFilter *filter,
            gboolean       multiple,
            GCancellable  *cancellable)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (title, parent, GTK_FILE_CHOOSER_ACTION_OPEN,
                                         accept_label, _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), multiple);
  if (filter != NULL)
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  show_chooser (chooser, task, cancellable);
}

static void
save (GTask        *task,
      GtkWindow    *parent,
      const char   *title,
      const char   *accept_label,
      GFile        *initial_folder,
      const char   *initial_name,
      GCancellable *cancellable)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (title, parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                         accept_label, _("_Cancel"));
  if (initial_folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), initial_folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), initial_name);
  show_chooser (chooser, task, cancellable);
}

#endif

/* Both finish with warta_file_chooser_open_multiple_finish(). */
static void
start_open (GtkWindow           *parent,
            const char          *title,
            const char          *accept_label,
            GtkFileFilter       *filter,
            gboolean             multiple,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (!parent || GTK_IS_WINDOW (parent));
  g_return_if_fail (!filter || GTK_IS_FILE_FILTER (filter));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, warta_file_chooser_open_multiple);
  open_files (task, parent, title, accept_label, filter, multiple, cancellable);
}

/**
 * warta_file_chooser_open_multiple:
 * @parent: (nullable): the window the chooser belongs to
 * @title: the chooser's title
 * @accept_label: the label of its accept button, with a mnemonic
 * @filter: (nullable): the kinds of file offered
 * @cancellable: (nullable): closes the chooser when cancelled
 * @callback: called with the files chosen
 * @user_data: for @callback
 *
 * Lets the user choose one or more files to open.
 */
void
warta_file_chooser_open_multiple (GtkWindow           *parent,
                                  const char          *title,
                                  const char          *accept_label,
                                  GtkFileFilter       *filter,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  start_open (parent, title, accept_label, filter, TRUE, cancellable, callback, user_data);
}

/**
 * warta_file_chooser_open_multiple_finish:
 *
 * Returns: (transfer full): the #GFile<!-- -->s chosen, or %NULL with
 *   @error set (%G_IO_ERROR_CANCELLED when the user chose none)
 */
GListModel *
warta_file_chooser_open_multiple_finish (GAsyncResult  *result,
                                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * warta_file_chooser_save:
 * @parent: (nullable): the window the chooser belongs to
 * @title: the chooser's title
 * @accept_label: the label of its accept button, with a mnemonic
 * @initial_folder: (nullable): the folder it opens in
 * @initial_name: the file name suggested
 * @cancellable: (nullable): closes the chooser when cancelled
 * @callback: called with the file chosen
 * @user_data: for @callback
 *
 * Lets the user choose where to save a file.
 */
void
warta_file_chooser_save (GtkWindow           *parent,
                         const char          *title,
                         const char          *accept_label,
                         GFile               *initial_folder,
                         const char          *initial_name,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (!parent || GTK_IS_WINDOW (parent));
  g_return_if_fail (initial_name != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, warta_file_chooser_save);
  save (task, parent, title, accept_label, initial_folder, initial_name, cancellable);
}

/**
 * warta_file_chooser_save_finish:
 *
 * Returns: (transfer full): the #GFile chosen, or %NULL with @error set
 *   (%G_IO_ERROR_CANCELLED when the user chose none)
 */
GFile *
warta_file_chooser_save_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * warta_file_chooser_open:
 * @parent: (nullable): the window the chooser belongs to
 * @title: the chooser's title
 * @accept_label: the label of its accept button, with a mnemonic
 * @filter: (nullable): the kinds of file offered
 * @cancellable: (nullable): closes the chooser when cancelled
 * @callback: called with the file chosen
 * @user_data: for @callback
 *
 * Lets the user choose one file to open; finish with
 * warta_file_chooser_open_multiple_finish(), which gives a list of one.
 */
void
warta_file_chooser_open (GtkWindow           *parent,
                         const char          *title,
                         const char          *accept_label,
                         GtkFileFilter       *filter,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  start_open (parent, title, accept_label, filter, FALSE, cancellable, callback, user_data);
}
