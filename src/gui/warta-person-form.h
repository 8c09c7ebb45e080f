/* warta-person-form.h: the error line of a form that makes an account
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void warta_person_form_watch      (GtkWidget    *error_label,
                                   GtkWidget    *first_field,
                                   ...) G_GNUC_NULL_TERMINATED;
void warta_person_form_show_error (GtkWidget    *error_label,
                                   const GError *error,
                                   GtkWidget    *login_field,
                                   GtkWidget    *name_field,
                                   GtkWidget    *password_field);

G_END_DECLS
