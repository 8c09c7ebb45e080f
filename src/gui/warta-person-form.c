/* warta-person-form.c: the error line of a form that makes an account
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first administrator's page and the Add Person dialog are long forms
 * in a scrolled window: an error line under the fields fell below the
 * window, and pressing the button seemed to do nothing. Their error line
 * stands above the scrolled part, the keyboard focus goes to the field at
 * fault (the viewport scrolls to it), and the line goes as soon as the
 * fields are edited, so it never speaks of what has been put right.
 */
#define G_LOG_DOMAIN "warta-person-form"

#include "config.h"

#include "warta-person-form.h"
#include "warta-user-repository.h"

static void
on_field_changed_cb (GtkWidget *error_label)
{
  gtk_widget_set_visible (error_label, FALSE);
}

/**
 * warta_person_form_watch:
 * @error_label: the form's error line
 * @first_field: a #GtkEditable of the form
 * @...: more of them, then %NULL
 *
 * Hides @error_label whenever one of the fields changes.
 */
void
warta_person_form_watch (GtkWidget *error_label,
                         GtkWidget *first_field,
                         ...)
{
  va_list args;

  g_return_if_fail (GTK_IS_LABEL (error_label));

  va_start (args, first_field);
  for (GtkWidget *field = first_field; field != NULL; field = va_arg (args, GtkWidget *))
    g_signal_connect_object (field, "changed", G_CALLBACK (on_field_changed_cb), error_label,
                             G_CONNECT_SWAPPED);
  va_end (args);
}

static gboolean
is_blank (GtkWidget *field)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (field))));

  return text[0] == '\0';
}

/**
 * warta_person_form_show_error:
 * @error_label: the form's error line
 * @error: (nullable): what the user repository refused, or %NULL to hide
 *   the line
 * @login_field: the login name's entry
 * @name_field: the full name's entry
 * @password_field: the password's entry
 *
 * Shows @error and moves the keyboard focus to the field it is about: a
 * missing login or name, a login that is taken, a password too short.
 */
void
warta_person_form_show_error (GtkWidget    *error_label,
                              const GError *error,
                              GtkWidget    *login_field,
                              GtkWidget    *name_field,
                              GtkWidget    *password_field)
{
  GtkWidget *at_fault = NULL;

  g_return_if_fail (GTK_IS_LABEL (error_label));

  gtk_label_set_label (GTK_LABEL (error_label), error != NULL ? error->message : "");
  gtk_widget_set_visible (error_label, error != NULL);
  if (error == NULL)
    return;

  if (g_error_matches (error, WARTA_USER_ERROR, WARTA_USER_ERROR_EXISTS))
    at_fault = login_field;
  else if (g_error_matches (error, WARTA_USER_ERROR, WARTA_USER_ERROR_WEAK_PASSWORD))
    at_fault = password_field;
  else if (login_field != NULL && is_blank (login_field))
    at_fault = login_field;
  else if (name_field != NULL && is_blank (name_field))
    at_fault = name_field;

  if (at_fault != NULL)
    gtk_widget_grab_focus (at_fault);
}
