/* warta-people-page.c: the people of the database, for administrators
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The repository's list of users, shown as it is in a GtkListView and read
 * again whenever the database changes. Only an administrator sees it; the
 * others are told who manages people. Adding and changing go through
 * WartaPersonDialog.
 *
 * Below it, the officials directory "Who" completes from: administrators
 * and social media admins add, change and take out entries through
 * WartaOfficialDialog (the repository checks the right again). A social
 * media admin who is not an administrator sees only the directory.
 */
#define G_LOG_DOMAIN "warta-people-page"

#include "config.h"

#include <glib/gi18n.h>

#include "warta-list-focus.h"
#include "warta-official-dialog.h"
#include "warta-people-page.h"
#include "warta-person-dialog.h"

struct _WartaPeoplePage
{
  AdwBin          parent_instance;

  /* Template widgets */
  GtkStack       *stack;
  GtkListView    *list_view;
  GtkLabel       *error_label;
  GtkWidget      *people_box;
  GtkWidget      *officials_box;
  GtkStack       *officials_stack;
  GtkListView    *officials_view;
  GtkLabel       *officials_error_label;

  /* Owned references */
  WartaContext   *context;
  GtkNoSelection *selection;
  GtkNoSelection *officials_selection;
  WartaOfficialRepository *officials;
};

G_DEFINE_FINAL_TYPE (WartaPeoplePage, warta_people_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
describe_user (WartaContext *context,
               WartaUser    *user)
{
  GString *text = g_string_new (warta_user_get_login (user));

  for (guint i = 0; i < WARTA_N_ROLES; i++)
    {
      WartaRole role = warta_role_nth (i);

      if (warta_user_has_role (user, role))
        g_string_append_printf (text, " · %s", warta_context_get_role_name (context, role));
    }
  if (warta_user_get_is_admin (user))
    g_string_append_printf (text, " · %s", _("Administrator"));
  else if (warta_user_get_roles (user) == WARTA_ROLE_NONE)
    /* Signed in, they could do nothing: an administrator gives a role. */
    g_string_append_printf (text, " · %s", _("No role yet"));
  if (!warta_user_get_active (user))
    g_string_append_printf (text, " · %s", _("Switched off"));

  return g_string_free (text, FALSE);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 9);
  gtk_widget_set_margin_bottom (box, 9);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (name, "heading");
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "caption");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_list_item_set_child (item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             WartaPeoplePage          *self)
{
  WartaUser *user = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *name = gtk_widget_get_first_child (box);
  GtkWidget *detail = gtk_widget_get_next_sibling (name);
  g_autofree char *description = describe_user (self->context, user);
  g_autofree char *label = g_strdup_printf ("%s, %s", warta_user_get_display_name (user), description);

  gtk_label_set_label (GTK_LABEL (name), warta_user_get_display_name (user));
  gtk_label_set_label (GTK_LABEL (detail), description);
  gtk_widget_set_opacity (box, warta_user_get_active (user) ? 1.0 : 0.55);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  /* GTK 4.8 names no list item after its child, and has no
   * gtk_list_item_set_accessible_label() (4.12): name the item widget. */
  if (gtk_widget_get_parent (box) != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (box)),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                    -1);
}

static void
setup_official_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_list_item_set_child (item, label);
}

static void
bind_official_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  WartaOfficial *official = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *full = warta_official_dup_full_title (official);

  gtk_label_set_label (GTK_LABEL (label), full);
  /* As for the people rows: GTK 4.8 names no list item after its child. */
  if (gtk_widget_get_parent (label) != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (label)),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, full,
                                    -1);
}

static WartaUser *
current_user (WartaPeoplePage *self)
{
  return self->context != NULL ? warta_context_get_current_user (self->context) : NULL;
}

static gboolean
may_manage_officials (WartaPeoplePage *self)
{
  return self->officials != NULL && warta_official_repository_can_manage (current_user (self));
}

static gboolean
is_admin (WartaPeoplePage *self)
{
  WartaUser *user = self->context != NULL ? warta_context_get_current_user (self->context) : NULL;

  return user != NULL && warta_user_get_is_admin (user) && warta_user_get_active (user);
}

/**
 * warta_people_page_reload:
 * @self: a #WartaPeoplePage
 *
 * Reads the people again, or shows who manages them to anyone who is not
 * an administrator.
 */
void
warta_people_page_reload (WartaPeoplePage *self)
{
  g_autoptr(GListModel) users = NULL;
  g_autoptr(GListModel) officials = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) officials_error = NULL;
  gboolean allowed, officials_allowed;

  g_return_if_fail (WARTA_IS_PEOPLE_PAGE (self));

  allowed = is_admin (self);
  officials_allowed = may_manage_officials (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "people.add", allowed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "people.add-official", officials_allowed);
  gtk_stack_set_visible_child_name (self->stack,
                                    allowed || officials_allowed ? "list" : "forbidden");
  gtk_widget_set_visible (self->people_box, allowed);
  gtk_widget_set_visible (self->officials_box, officials_allowed);

  if (allowed)
    users = warta_user_repository_list (warta_context_get_users (self->context), &error);
  if (officials_allowed)
    officials = warta_official_repository_list (self->officials, &officials_error);

  gtk_label_set_label (self->error_label, error != NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
  gtk_no_selection_set_model (self->selection, users);

  gtk_label_set_label (self->officials_error_label,
                       officials_error != NULL ? officials_error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->officials_error_label), officials_error != NULL);
  gtk_no_selection_set_model (self->officials_selection, officials);
  gtk_stack_set_visible_child_name (self->officials_stack,
                                    officials != NULL && g_list_model_get_n_items (officials) > 0
                                    ? "list" : "empty");
}

static void
on_person_dialog_changed_cb (WartaPeoplePage *self)
{
  warta_people_page_reload (self);
}

static void
open_dialog (WartaPeoplePage *self,
             WartaUser       *user)
{
  WartaPersonDialog *dialog;

  if (!is_admin (self))
    return;

  dialog = warta_person_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                    self->context, user);
  g_signal_connect_object (dialog, "changed",
                           G_CALLBACK (on_person_dialog_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  open_dialog (WARTA_PEOPLE_PAGE (widget), NULL);
}

static void
on_list_view_activate_cb (WartaPeoplePage *self,
                          guint            position)
{
  g_autoptr(WartaUser) user = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (user != NULL)
    open_dialog (self, user);
}

static void
open_official_dialog (WartaPeoplePage *self,
                      WartaOfficial   *official)
{
  WartaOfficialDialog *dialog;

  if (!may_manage_officials (self))
    return;

  dialog = warta_official_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                      self->officials, current_user (self), official);
  g_signal_connect_object (dialog, "changed",
                           G_CALLBACK (on_person_dialog_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_official_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  open_official_dialog (WARTA_PEOPLE_PAGE (widget), NULL);
}

static void
on_officials_view_activate_cb (WartaPeoplePage *self,
                               guint            position)
{
  g_autoptr(WartaOfficial) official = NULL;

  official = g_list_model_get_item (G_LIST_MODEL (self->officials_selection), position);
  if (official != NULL)
    open_official_dialog (self, official);
}

static void
on_database_changed_cb (WartaPeoplePage *self)
{
  warta_people_page_reload (self);
}

static void
warta_people_page_dispose (GObject *object)
{
  WartaPeoplePage *self = WARTA_PEOPLE_PAGE (object);

  if (self->context != NULL)
    warta_people_page_set_context (self, NULL);

  /* The stack is both a template child and AdwBin's child. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), WARTA_TYPE_PEOPLE_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->officials_selection);

  G_OBJECT_CLASS (warta_people_page_parent_class)->dispose (object);
}

static void
warta_people_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  WartaPeoplePage *self = WARTA_PEOPLE_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, warta_people_page_get_context (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
warta_people_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  WartaPeoplePage *self = WARTA_PEOPLE_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      warta_people_page_set_context (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
warta_people_page_class_init (WartaPeoplePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = warta_people_page_dispose;
  object_class->get_property = warta_people_page_get_property;
  object_class->set_property = warta_people_page_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, WARTA_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/warta-people-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WartaPeoplePage, error_label);
  gtk_widget_class_bind_template_child (widget_class, WartaPeoplePage, list_view);
  gtk_widget_class_bind_template_child (widget_class, WartaPeoplePage, officials_box);
  gtk_widget_class_bind_template_child (widget_class, WartaPeoplePage, officials_error_label);
  gtk_widget_class_bind_template_child (widget_class, WartaPeoplePage, officials_stack);
  gtk_widget_class_bind_template_child (widget_class, WartaPeoplePage, officials_view);
  gtk_widget_class_bind_template_child (widget_class, WartaPeoplePage, people_box);
  gtk_widget_class_bind_template_child (widget_class, WartaPeoplePage, stack);
  gtk_widget_class_bind_template_callback (widget_class, on_list_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_officials_view_activate_cb);

  gtk_widget_class_install_action (widget_class, "people.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "people.add-official", NULL, add_official_action);
}

static void
warta_people_page_init (WartaPeoplePage *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) officials_factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Rows are items: one Tab stop, the arrows between rows (warta-list-focus.c). */
  warta_list_set_single_tab_stop (GTK_WIDGET (self->list_view));
  warta_list_set_single_tab_stop (GTK_WIDGET (self->officials_view));

  g_signal_connect (officials_factory, "setup", G_CALLBACK (setup_official_cb), NULL);
  g_signal_connect (officials_factory, "bind", G_CALLBACK (bind_official_cb), NULL);
  self->officials_selection = gtk_no_selection_new (NULL);
  gtk_list_view_set_model (self->officials_view, GTK_SELECTION_MODEL (self->officials_selection));
  gtk_list_view_set_factory (self->officials_view, officials_factory);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  self->selection = gtk_no_selection_new (NULL);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  gtk_list_view_set_factory (self->list_view, factory);

  warta_people_page_reload (self);
}

GtkWidget *
warta_people_page_new (void)
{
  return g_object_new (WARTA_TYPE_PEOPLE_PAGE, NULL);
}

WartaContext *
warta_people_page_get_context (WartaPeoplePage *self)
{
  g_return_val_if_fail (WARTA_IS_PEOPLE_PAGE (self), NULL);

  return self->context;
}

void
warta_people_page_set_context (WartaPeoplePage *self,
                               WartaContext    *context)
{
  g_return_if_fail (WARTA_IS_PEOPLE_PAGE (self));
  g_return_if_fail (!context || WARTA_IS_CONTEXT (context));

  if (self->context == context)
    return;

  if (self->context != NULL)
    {
      g_signal_handlers_disconnect_by_data (warta_context_get_database (self->context), self);
      g_signal_handlers_disconnect_by_data (self->context, self);
    }

  g_set_object (&self->context, context);
  g_clear_object (&self->officials);

  if (context != NULL)
    {
      self->officials = warta_official_repository_new (warta_context_get_database (context),
                                                       warta_context_get_clock (context));
      g_signal_connect_object (warta_context_get_database (context), "changed",
                               G_CALLBACK (on_database_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (context, "notify::current-user",
                               G_CALLBACK (on_database_changed_cb), self, G_CONNECT_SWAPPED);
    }

  if (self->selection != NULL)
    warta_people_page_reload (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}

/**
 * warta_people_page_get_model:
 * @self: a #WartaPeoplePage
 *
 * Returns: (transfer none) (nullable): the #WartaUser<!-- -->s shown
 */
GListModel *
warta_people_page_get_model (WartaPeoplePage *self)
{
  g_return_val_if_fail (WARTA_IS_PEOPLE_PAGE (self), NULL);

  return gtk_no_selection_get_model (self->selection);
}

gboolean
warta_people_page_get_allowed (WartaPeoplePage *self)
{
  g_return_val_if_fail (WARTA_IS_PEOPLE_PAGE (self), FALSE);

  return is_admin (self);
}

/**
 * warta_people_page_get_officials_model:
 * @self: a #WartaPeoplePage
 *
 * Returns: (transfer none) (nullable): the #WartaOfficial<!-- -->s shown
 */
GListModel *
warta_people_page_get_officials_model (WartaPeoplePage *self)
{
  g_return_val_if_fail (WARTA_IS_PEOPLE_PAGE (self), NULL);

  return gtk_no_selection_get_model (self->officials_selection);
}
