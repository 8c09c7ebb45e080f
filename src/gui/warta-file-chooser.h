/* warta-file-chooser.h: choose files to open or save, the best way the GTK has
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void        warta_file_chooser_open_multiple        (GtkWindow            *parent,
                                                     const char           *title,
                                                     const char           *accept_label,
                                                     GtkFileFilter        *filter,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
GListModel *warta_file_chooser_open_multiple_finish (GAsyncResult         *result,
                                                     GError              **error);
void        warta_file_chooser_open                 (GtkWindow            *parent,
                                                     const char           *title,
                                                     const char           *accept_label,
                                                     GtkFileFilter        *filter,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
void        warta_file_chooser_save                 (GtkWindow            *parent,
                                                     const char           *title,
                                                     const char           *accept_label,
                                                     GFile                *initial_folder,
                                                     const char           *initial_name,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
GFile      *warta_file_chooser_save_finish          (GAsyncResult         *result,
                                                     GError              **error);

G_END_DECLS
