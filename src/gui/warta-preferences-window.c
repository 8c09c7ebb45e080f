/* warta-preferences-window.c: every preference is a GSettings key
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "warta-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "warta-mnemonic.h"
#include "warta-preferences-window.h"
#include "warta-role.h"

#define N_DEADLINES 4

struct _WartaPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Template widgets */
  AdwActionRow         *database_row;
  AdwComboRow          *journal_mode_row;
  GtkSpinButton        *processing_spin;
  GtkSpinButton        *verifying_spin;
  GtkSpinButton        *approving_spin;
  GtkSpinButton        *publishing_spin;
  AdwActionRow         *processing_row;
  AdwActionRow         *verifying_row;
  AdwActionRow         *approving_row;
  AdwActionRow         *publishing_row;
  AdwPreferencesGroup  *time_limits_group;
  AdwEntryRow          *time_zone_row;
  AdwPreferencesGroup  *organisation_group;
  AdwEntryRow          *unit_name_row;
  GtkSwitch            *notifications_switch;
  GtkSpinButton        *remember_spin;

  /* The time limits' spin buttons, their rows and the rows' own
   * subtitles, in step order */
  GtkSpinButton        *deadline_spins[N_DEADLINES];
  AdwActionRow         *deadline_rows[N_DEADLINES];
  char                 *deadline_subtitles[N_DEADLINES];
  GtkSpinButton        *deadline_refusing;  /* whose typed text stays */

  /* Rows made in code, children of organisation_group */
  AdwEntryRow          *role_rows[WARTA_N_ROLES];

  /* Owned references */
  WartaApplication     *application;
  GSettings            *settings;
  GSignalGroup         *context_signals;  /* the application's context */
  char                 *time_limits_description;
  char                 *organisation_description;
};

G_DEFINE_FINAL_TYPE (WartaPreferencesWindow, warta_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
update_database_row (WartaPreferencesWindow *self)
{
  WartaDatabase *database = warta_application_get_database (self->application);
  g_autofree char *configured = g_settings_get_string (self->settings, "database-path");
  g_autofree char *fallback = warta_database_get_default_path ();
  const char *shown;

  if (database != NULL)
    shown = warta_database_get_path (database);
  else if (configured[0] != '\0')
    shown = configured;
  else
    shown = fallback;

  adw_action_row_set_subtitle (self->database_row, shown);
}

/* @group's own description, and when the office's rules are not the
 * user's to change, why its rows do not take changes. */
static void
describe_rules_group (AdwPreferencesGroup *group,
                      const char          *description,
                      gboolean             editable)
{
  g_autofree char *text = NULL;

  if (!editable)
    text = g_strconcat (description, "\n",
                        _("Only an administrator can change the office’s rules."), NULL);
  adw_preferences_group_set_description (group, text != NULL ? text : description);
}

/* The office's rules are shared by every workstation on the database
 * (WartaContext keeps them in step): only an administrator changes them.
 * Anyone else, or nobody before sign-in, reads them. */
static void
update_rules_editable (WartaPreferencesWindow *self)
{
  WartaContext *context = warta_application_get_context (self->application);
  gboolean editable = context != NULL && warta_context_can_change_office_rules (context);
  GtkWidget *rows[] = {
    GTK_WIDGET (self->processing_row), GTK_WIDGET (self->verifying_row),
    GTK_WIDGET (self->approving_row), GTK_WIDGET (self->publishing_row),
    GTK_WIDGET (self->time_zone_row), GTK_WIDGET (self->unit_name_row),
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    gtk_widget_set_sensitive (rows[i], editable);
  for (guint i = 0; i < WARTA_N_ROLES; i++)
    gtk_widget_set_sensitive (GTK_WIDGET (self->role_rows[i]), editable);
  describe_rules_group (self->time_limits_group, self->time_limits_description, editable);
  describe_rules_group (self->organisation_group, self->organisation_description, editable);
}

/* The database did not take a change of the office's rules, and its
 * row shows the database's value again: say why. */
static void
on_office_rule_refused_cb (WartaPreferencesWindow *self,
                           const char             *key,
                           const GError           *error)
{
  /* The refused value came from a spin button's binding, which ignores
   * the setting's going back while it writes it. */
  gtk_spin_button_set_value (self->processing_spin,
                             g_settings_get_uint (self->settings, "deadline-processing"));
  gtk_spin_button_set_value (self->verifying_spin,
                             g_settings_get_uint (self->settings, "deadline-verifying"));
  gtk_spin_button_set_value (self->approving_spin,
                             g_settings_get_uint (self->settings, "deadline-approving"));
  gtk_spin_button_set_value (self->publishing_spin,
                             g_settings_get_uint (self->settings, "deadline-publishing"));
  warta_message_dialog_tell (GTK_WIDGET (self), _("Office Rules Not Changed"), error->message);
}

/* Shows whether the time limit typed in the @i-th row was refused: the
 * row and its field in the error style, and in place of the row's
 * subtitle what the field takes. */
static void
show_deadline_refused (WartaPreferencesWindow *self,
                       guint                   i,
                       gboolean                refused)
{
  GtkWidget *row = GTK_WIDGET (self->deadline_rows[i]);
  GtkWidget *spin = GTK_WIDGET (self->deadline_spins[i]);

  if (refused)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_widget_add_css_class (spin, "error");
      adw_action_row_set_subtitle (self->deadline_rows[i],
                                   _("Type a number of minutes from 0 to 10,080 (one week). 0 means no time limit."));
    }
  else
    {
      gtk_widget_remove_css_class (row, "error");
      gtk_widget_remove_css_class (spin, "error");
      adw_action_row_set_subtitle (self->deadline_rows[i], self->deadline_subtitles[i]);
    }
  gtk_accessible_update_state (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_STATE_INVALID,
                               refused ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
}

static guint
deadline_index (WartaPreferencesWindow *self,
                GtkSpinButton          *spin)
{
  for (guint i = 0; i < N_DEADLINES; i++)
    if (self->deadline_spins[i] == spin)
      return i;
  g_return_val_if_reached (0);
}

/* A time limit the settings cannot hold is refused, not clamped to the
 * nearest one they can: clamped, a negative number became 0, which means
 * no limit at all. Refused (GTK_UPDATE_IF_VALID), the spin button keeps
 * its value, so the setting stays; its output keeps the typed text for
 * correcting. */
static int
on_deadline_spin_input_cb (GtkSpinButton          *spin,
                           double                 *new_value,
                           WartaPreferencesWindow *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (spin))));
  GtkAdjustment *adjustment = gtk_spin_button_get_adjustment (spin);
  guint64 minutes;

  if (text[0] != '-' && text[0] != '+' &&
      g_ascii_string_to_unsigned (text, 10, (guint64)gtk_adjustment_get_lower (adjustment),
                                  (guint64)gtk_adjustment_get_upper (adjustment), &minutes, NULL))
    {
      *new_value = minutes;
      return TRUE;
    }

  show_deadline_refused (self, deadline_index (self, spin), TRUE);
  self->deadline_refusing = spin;
  return GTK_INPUT_ERROR;
}

static gboolean
on_deadline_spin_output_cb (GtkSpinButton          *spin,
                            WartaPreferencesWindow *self)
{
  if (self->deadline_refusing == spin)
    {
      self->deadline_refusing = NULL;
      return TRUE;
    }

  /* A value taken, typed or from the settings: the row is right again. */
  show_deadline_refused (self, deadline_index (self, spin), FALSE);
  return FALSE;
}

static void
on_application_database_cb (WartaPreferencesWindow *self)
{
  update_database_row (self);
  g_signal_group_set_target (self->context_signals,
                             warta_application_get_context (self->application));
  update_rules_editable (self);
}

static void
on_time_zone_row_apply_cb (WartaPreferencesWindow *self)
{
  g_autofree char *text =
    g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->time_zone_row))));
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (text);

  if (tz == NULL)
    {
      g_autofree char *message =
        g_strdup_printf (_("“%s” is not a known time zone. Use a name such as Asia/Jakarta, Asia/Makassar or Asia/Jayapura."),
                         text);

      warta_message_dialog_tell (GTK_WIDGET (self), _("Time Zone Not Changed"), message);
      return;
    }

  g_settings_set_string (self->settings, "time-zone", text);
}

static void
on_unit_name_row_apply_cb (WartaPreferencesWindow *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->unit_name_row))));

  g_settings_set_string (self->settings, "unit-name", text);
}

/* The standard name of the role other than @role_id that is shown as
 * @name (in @names, or by its standard name), whatever the case; NULL
 * when none is. */
static const char *
find_role_named (GVariant   *names,
                 const char *role_id,
                 const char *name)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);

  for (guint i = 0; i < WARTA_N_ROLES; i++)
    {
      WartaRole role = warta_role_nth (i);
      const char *id = warta_role_get_id (role);
      const char *shown = NULL;
      g_autofree char *shown_folded = NULL;

      if (g_strcmp0 (id, role_id) == 0)
        continue;
      if (!g_variant_lookup (names, id, "&s", &shown) || *shown == '\0')
        shown = warta_role_get_display_name (role, NULL);
      shown_folded = g_utf8_casefold (shown, -1);
      if (g_strcmp0 (folded, shown_folded) == 0)
        return warta_role_get_display_name (role, NULL);
    }
  return NULL;
}

/* Writes the whole role-names dictionary with @row's role replaced; an
 * empty name removes the entry, so the standard name comes back. A name
 * another role shows is refused: the lists, filters and the history
 * could not tell the two apart. */
static void
on_role_name_row_apply_cb (AdwEntryRow            *row,
                           WartaPreferencesWindow *self)
{
  const char *role_id = g_object_get_data (G_OBJECT (row), "warta-role-id");
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autoptr(GVariant) old = g_settings_get_value (self->settings, "role-names");
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("a{ss}"));
  GVariantIter iter;
  const char *id;
  const char *value;
  const char *other;

  if (name[0] != '\0' && (other = find_role_named (old, role_id, name)) != NULL)
    {
      g_autofree char *message =
        /* Translators: %s are the name typed, then the other role's standard name */
        g_strdup_printf (_("“%s” is already the name of another role (%s). Choose a name that tells the roles apart."),
                         name, other);

      warta_message_dialog_tell (GTK_WIDGET (self), _("Role Name Not Changed"), message);
      return;
    }

  g_variant_iter_init (&iter, old);
  while (g_variant_iter_next (&iter, "{&s&s}", &id, &value))
    if (g_strcmp0 (id, role_id) != 0)
      g_variant_builder_add (&builder, "{ss}", id, value);
  if (name[0] != '\0')
    g_variant_builder_add (&builder, "{ss}", role_id, name);

  g_settings_set_value (self->settings, "role-names", g_variant_builder_end (&builder));
}

static void
add_role_name_rows (WartaPreferencesWindow *self)
{
  g_autoptr(GVariant) names = g_settings_get_value (self->settings, "role-names");

  for (guint i = 0; i < WARTA_N_ROLES; i++)
    {
      WartaRole role = warta_role_nth (i);
      const char *id = warta_role_get_id (role);
      const char *name = NULL;
      AdwEntryRow *row;

      g_variant_lookup (names, id, "&s", &name);

      row = ADW_ENTRY_ROW (adw_entry_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     warta_role_get_display_name (role, NULL));
      adw_entry_row_set_show_apply_button (row, TRUE);
      gtk_editable_set_text (GTK_EDITABLE (row), name != NULL ? name : "");
      g_object_set_data_full (G_OBJECT (row), "warta-role-id", g_strdup (id), g_free);
      g_signal_connect_object (row, "apply", G_CALLBACK (on_role_name_row_apply_cb), self, 0);
      adw_preferences_group_add (self->organisation_group, GTK_WIDGET (row));
      self->role_rows[i] = row;
    }
}

/* Shows @text in @row, unless someone is typing there: what they typed
 * is kept, and their Apply decides. */
static void
refresh_entry_row (AdwEntryRow *row,
                   const char  *text)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (row));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text) == 0)
    return;
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (row)))
    return;
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

/* The time zone, unit and role names follow the settings, which follow
 * the database: another administrator's change shows while the window is
 * open, as the time limits' do. */
static void
on_office_names_changed_cb (WartaPreferencesWindow *self)
{
  g_autofree char *tz = g_settings_get_string (self->settings, "time-zone");
  g_autofree char *unit = g_settings_get_string (self->settings, "unit-name");
  g_autoptr(GVariant) names = g_settings_get_value (self->settings, "role-names");

  refresh_entry_row (self->time_zone_row, tz);
  refresh_entry_row (self->unit_name_row, unit);
  for (guint i = 0; i < WARTA_N_ROLES; i++)
    {
      const char *name = NULL;

      if (self->role_rows[i] == NULL)
        continue;
      g_variant_lookup (names, warta_role_get_id (warta_role_nth (i)), "&s", &name);
      refresh_entry_row (self->role_rows[i], name != NULL ? name : "");
    }
}

static gboolean
journal_mode_get_mapping (GValue   *value,
                          GVariant *variant,
                          gpointer  user_data)
{
  const char *nick = g_variant_get_string (variant, NULL);
  guint position = 0;

  if (g_strcmp0 (nick, "wal") == 0)
    position = 1;
  else if (g_strcmp0 (nick, "rollback") == 0)
    position = 2;

  g_value_set_uint (value, position);
  return TRUE;
}

static GVariant *
journal_mode_set_mapping (const GValue       *value,
                          const GVariantType *expected_type,
                          gpointer            user_data)
{
  static const char *nicks[] = { "automatic", "wal", "rollback" };
  guint position = g_value_get_uint (value);

  return g_variant_new_string (nicks[MIN (position, G_N_ELEMENTS (nicks) - 1)]);
}

static void
warta_preferences_window_dispose (GObject *object)
{
  WartaPreferencesWindow *self = WARTA_PREFERENCES_WINDOW (object);

  if (self->context_signals != NULL)
    g_signal_group_set_target (self->context_signals, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), WARTA_TYPE_PREFERENCES_WINDOW);
  memset (self->role_rows, 0, sizeof self->role_rows);
  g_clear_object (&self->context_signals);
  g_clear_object (&self->settings);
  g_clear_object (&self->application);

  G_OBJECT_CLASS (warta_preferences_window_parent_class)->dispose (object);
}

static void
warta_preferences_window_finalize (GObject *object)
{
  WartaPreferencesWindow *self = WARTA_PREFERENCES_WINDOW (object);

  for (guint i = 0; i < N_DEADLINES; i++)
    g_free (self->deadline_subtitles[i]);
  g_free (self->time_limits_description);
  g_free (self->organisation_description);

  G_OBJECT_CLASS (warta_preferences_window_parent_class)->finalize (object);
}

static void
warta_preferences_window_class_init (WartaPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = warta_preferences_window_dispose;
  object_class->finalize = warta_preferences_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/warta-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, WartaPreferencesWindow, approving_row);
  gtk_widget_class_bind_template_child (widget_class, WartaPreferencesWindow, approving_spin);
  gtk_widget_class_bind_template_child (widget_class, WartaPreferencesWindow, database_row);
  gtk_widget_class_bind_template_child (widget_class, WartaPreferencesWindow, journal_mode_row);
  gtk_widget_class_bind_template_child (widget_class, WartaPreferencesWindow, notifications_switch);
  gtk_widget_class_bind_template_child (widget_class, WartaPreferencesWindow, organisation_group);
  gtk_widget_class_bind_template_child (widget_class, WartaPreferencesWindow, processing_row);
  gtk_widget_class_bind_template_child (widget_class, WartaPreferencesWindow, processing_spin);
  gtk_widget_class_bind_template_child (widget_class, WartaPreferencesWindow, publishing_row);
  gtk_widget_class_bind_template_child (widget_class, WartaPreferencesWindow, publishing_spin);
  gtk_widget_class_bind_template_child (widget_class, WartaPreferencesWindow, remember_spin);
  gtk_widget_class_bind_template_child (widget_class, WartaPreferencesWindow, time_limits_group);
  gtk_widget_class_bind_template_child (widget_class, WartaPreferencesWindow, time_zone_row);
  gtk_widget_class_bind_template_child (widget_class, WartaPreferencesWindow, unit_name_row);
  gtk_widget_class_bind_template_child (widget_class, WartaPreferencesWindow, verifying_row);
  gtk_widget_class_bind_template_child (widget_class, WartaPreferencesWindow, verifying_spin);
  gtk_widget_class_bind_template_callback (widget_class, on_time_zone_row_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_unit_name_row_apply_cb);
}

static void
warta_preferences_window_init (WartaPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->time_limits_description =
    g_strdup (adw_preferences_group_get_description (self->time_limits_group));
  self->organisation_description =
    g_strdup (adw_preferences_group_get_description (self->organisation_group));
  self->deadline_spins[0] = self->processing_spin;
  self->deadline_spins[1] = self->verifying_spin;
  self->deadline_spins[2] = self->approving_spin;
  self->deadline_spins[3] = self->publishing_spin;
  self->deadline_rows[0] = self->processing_row;
  self->deadline_rows[1] = self->verifying_row;
  self->deadline_rows[2] = self->approving_row;
  self->deadline_rows[3] = self->publishing_row;
  for (guint i = 0; i < N_DEADLINES; i++)
    {
      self->deadline_subtitles[i] = g_strdup (adw_action_row_get_subtitle (self->deadline_rows[i]));
      gtk_spin_button_set_update_policy (self->deadline_spins[i], GTK_UPDATE_IF_VALID);
      g_signal_connect_object (self->deadline_spins[i], "input",
                               G_CALLBACK (on_deadline_spin_input_cb), self, 0);
      g_signal_connect_object (self->deadline_spins[i], "output",
                               G_CALLBACK (on_deadline_spin_output_cb), self, 0);
    }
  self->context_signals = g_signal_group_new (WARTA_TYPE_CONTEXT);
  g_signal_group_connect_object (self->context_signals, "notify::current-user",
                                 G_CALLBACK (update_rules_editable), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->context_signals, "office-rule-refused",
                                 G_CALLBACK (on_office_rule_refused_cb), self, G_CONNECT_SWAPPED);
}

WartaPreferencesWindow *
warta_preferences_window_new (WartaApplication *application)
{
  WartaPreferencesWindow *self;
  g_autofree char *tz = NULL;
  g_autofree char *unit = NULL;

  g_return_val_if_fail (WARTA_IS_APPLICATION (application), NULL);

  self = g_object_new (WARTA_TYPE_PREFERENCES_WINDOW, NULL);
  self->application = g_object_ref (application);
  self->settings = g_object_ref (warta_application_get_settings (application));

  g_settings_bind (self->settings, "deadline-processing",
                   self->processing_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "deadline-verifying",
                   self->verifying_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "deadline-approving",
                   self->approving_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "deadline-publishing",
                   self->publishing_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "remember-sign-in-minutes",
                   self->remember_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "notifications",
                   self->notifications_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "journal-mode",
                                self->journal_mode_row, "selected", G_SETTINGS_BIND_DEFAULT,
                                journal_mode_get_mapping, journal_mode_set_mapping, NULL, NULL);

  tz = g_settings_get_string (self->settings, "time-zone");
  gtk_editable_set_text (GTK_EDITABLE (self->time_zone_row), tz);
  unit = g_settings_get_string (self->settings, "unit-name");
  gtk_editable_set_text (GTK_EDITABLE (self->unit_name_row), unit);
  add_role_name_rows (self);
  g_signal_connect_object (self->settings, "changed::time-zone",
                           G_CALLBACK (on_office_names_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::unit-name",
                           G_CALLBACK (on_office_names_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::role-names",
                           G_CALLBACK (on_office_names_changed_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (application, "notify::database",
                           G_CALLBACK (on_application_database_cb), self, G_CONNECT_SWAPPED);
  on_application_database_cb (self);

  return self;
}
