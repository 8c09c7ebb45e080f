/* warta-publication-window-private.h: what the widget tests drive
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "warta-photo-dialog.h"
#include "warta-publication-window.h"

G_BEGIN_DECLS

/* What a drop of files and the file chooser both call. */
void      _warta_publication_window_add_files (WartaPublicationWindow  *self,
                                               GSList                  *files);
/* Writes pending changes now, as the debounce and closing do. */
gboolean  _warta_publication_window_save_now  (WartaPublicationWindow  *self,
                                               GError                 **error);
GListModel *_warta_publication_window_get_media (WartaPublicationWindow *self);
/* Checks that came in and wait for the next main-loop turn to be shown. */
guint       _warta_publication_window_get_n_waiting (WartaPublicationWindow *self);
/* The last "file not added" toast, while it is there. */
AdwToast   *_warta_publication_window_get_refusal (WartaPublicationWindow *self);
/* The last "photo removed" toast, while it offers Undo. */
AdwToast   *_warta_publication_window_get_removal (WartaPublicationWindow *self);
/* What a drop in the media order list calls. */
gboolean  _warta_publication_window_move_media_to (WartaPublicationWindow *self,
                                                   WartaMediaItem         *item,
                                                   guint                   position);
/* What the Blur and Crop button opens. */
WartaPhotoDialog *_warta_publication_window_edit_photo (WartaPublicationWindow *self,
                                                        WartaMediaItem         *item);
/* What a double click on a thumbnail opens. */
GtkWindow *_warta_publication_window_preview_media (WartaPublicationWindow *self,
                                                   WartaMediaItem         *item);
/* The completion of "Who" while typing, and the list inside it. */
GtkPopover *_warta_publication_window_get_who_completion (WartaPublicationWindow  *self,
                                                         GtkListBox             **out_list);

G_END_DECLS
