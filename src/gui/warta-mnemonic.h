/* warta-mnemonic.h: buttons with a mnemonic, named once for screen readers
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

GtkWidget *warta_button_new_with_mnemonic (const char *label);
void       warta_button_set_mnemonic      (GtkButton  *button,
                                           const char *label);
void       warta_mnemonic_name_buttons    (GtkWidget  *root);
GtkWidget *warta_message_dialog_new       (GtkWindow  *parent,
                                           const char *heading,
                                           const char *body);

void       warta_message_dialog_tell      (GtkWidget  *widget,
                                           const char *heading,
                                           const char *body);

void       warta_message_dialog_ask       (GtkWidget             *dialog,
                                           const char            *go_id,
                                           AdwResponseAppearance  appearance,
                                           const char            *default_id,
                                           GCallback              callback,
                                           gpointer               object);

G_END_DECLS
