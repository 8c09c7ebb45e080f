/* warta-publication-list.c: "My Tasks" and the lists per state
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One widget for every list of publications: the repository's model goes,
 * as it is, under a GtkFilterListModel and a GtkSortListModel, and a
 * GtkListView shows that. Nothing is copied. The filter is a GtkEveryFilter
 * of the search by title and the drop-downs' filters: the information
 * category, and the state where a list spans several. The
 * list reloads when the database changes, here or in another Warta on the
 * same file (WartaDatabase::changed), and when another person signs in;
 * the rows' countdowns are refreshed by a tick.
 */
#define G_LOG_DOMAIN "warta-publication-list"

#include "config.h"

#include <glib/gi18n.h>

#include "warta-list-focus.h"
#include "warta-publication-list.h"
#include "warta-publication-row.h"
#include "warta-wrap-box.h"

/* The countdown shows minutes: a few ticks a minute keep it within one. */
#define TICK_SECONDS 15
/* Lists are bounded; the archive is where everything is searched. */
#define LIST_LIMIT 2000

typedef struct
{
  const char *icon_name;
  const char *accessible_name;
  const char *empty_title;
  const char *empty_description;
  WartaState  states[4];
  guint       n_states;
} KindInfo;

static const KindInfo kinds[] = {
  [WARTA_PUBLICATION_LIST_TASKS] = {
    "emblem-default-symbolic", N_("My Tasks"),
    N_("Nothing Waits for You"),
    N_("Publications waiting for one of your roles appear here, the nearest time limit first."),
    { 0 }, 0 },
  [WARTA_PUBLICATION_LIST_ACTIVITIES] = {
    "camera-photo-symbolic", N_("Activities"),
    N_("No Activities"),
    N_("Activities being documented by the activity officers or processed into content by the social media admin appear here."),
    { WARTA_STATE_DOCUMENTING, WARTA_STATE_PROCESSING }, 2 },
  [WARTA_PUBLICATION_LIST_REVIEW] = {
    "edit-find-symbolic", N_("In Review"),
    N_("Nothing in Review"),
    N_("Content waiting for the verifier or the approver appears here."),
    { WARTA_STATE_VERIFYING, WARTA_STATE_APPROVING }, 2 },
  [WARTA_PUBLICATION_LIST_APPROVED] = {
    "mail-send-symbolic", N_("Approved / To Publish"),
    N_("Nothing to Publish"),
    N_("Approved content waiting to be published, and publications that could not be published everywhere, appear here."),
    { WARTA_STATE_APPROVED, WARTA_STATE_PUBLISHING, WARTA_STATE_FAILED,
      WARTA_STATE_PARTIALLY_PUBLISHED }, 4 },
  [WARTA_PUBLICATION_LIST_PUBLISHED] = {
    "emblem-ok-symbolic", N_("Published"),
    N_("Nothing Published Yet"),
    N_("Published posts appear here, the latest first."),
    { WARTA_STATE_PUBLISHED }, 1 },
};

struct _WartaPublicationList
{
  AdwBin                    parent_instance;

  /* Template widgets */
  GtkWidget                *filter_bar;
  GtkSearchEntry           *search_entry;
  GtkDropDown              *category_dropdown;
  GtkDropDown              *state_dropdown;
  GtkStack                 *stack;
  GtkListView              *list_view;
  AdwStatusPage            *empty_page;
  GtkWidget                *new_activity_button;

  /* Owned references */
  WartaContext             *context;
  GtkFilterListModel       *filter_model;
  GtkSortListModel         *sort_model;
  GtkStringFilter          *title_filter;
  GtkFilter                *category_filter;
  GtkFilter                *state_filter;
  GError                   *load_error;

  WartaPublicationListKind  kind;
  guint                     tick_source;
};

G_DEFINE_FINAL_TYPE (WartaPublicationList, warta_publication_list, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_KIND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* In the order of the category drop-down's items; the first is any. */
static const char * const category_ids[] = { NULL, "periodic", "immediate", "on-request" };

static gboolean
filters_active (WartaPublicationList *self)
{
  return gtk_drop_down_get_selected (self->category_dropdown) > 0 ||
         gtk_drop_down_get_selected (self->state_dropdown) > 0;
}

/* Whether the signed-in user may start an activity from this list's
 * empty state: those lists where new work shows, for the roles that
 * document activities. */
static gboolean
offers_new_activity (WartaPublicationList *self)
{
  WartaUser *user = self->context != NULL ? warta_context_get_current_user (self->context) : NULL;

  if (user == NULL || (self->kind != WARTA_PUBLICATION_LIST_TASKS &&
                       self->kind != WARTA_PUBLICATION_LIST_ACTIVITIES))
    return FALSE;

  return warta_workflow_check_edit (WARTA_STATE_DOCUMENTING, warta_user_get_roles (user),
                                    NULL, NULL, NULL);
}

/* What comes to the signed-in user's My Tasks, role by role, for an
 * empty list to say more than "one of your roles". The activity officer
 * is told how to start one instead. */
static void
append_role_hints (WartaPublicationList *self,
                   GString              *description)
{
  static const struct {
    WartaRole   role;
    const char *hint;
  } hints[] = {
    { WARTA_ROLE_SOCIAL_MEDIA_ADMIN,
      N_("Documented activities come here for you to process into content, and approved content for you to publish.") },
    { WARTA_ROLE_VERIFIER, N_("Content the social media admin submits comes here for you to verify.") },
    { WARTA_ROLE_APPROVER, N_("Verified content comes here for you to approve.") },
  };
  WartaUser *user = self->context != NULL ? warta_context_get_current_user (self->context) : NULL;

  if (user == NULL || self->kind != WARTA_PUBLICATION_LIST_TASKS)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (hints); i++)
    if (warta_user_has_role (user, hints[i].role))
      g_string_append_printf (description, "\n\n%s", _(hints[i].hint));
}

/* A list that holds nothing has nothing to search or filter: its empty
 * state stands alone. A search or a filter that finds nothing keeps the
 * bar, to be changed; and so does a failed load, whose bar is not what
 * went wrong. */
static void
update_filter_bar (WartaPublicationList *self,
                   const char           *search)
{
  GListModel *all = gtk_filter_list_model_get_model (self->filter_model);
  gboolean shown = self->load_error != NULL || search[0] != '\0' || filters_active (self) ||
                   (all != NULL && g_list_model_get_n_items (all) > 0);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (shown == gtk_widget_get_visible (self->filter_bar))
    return;

  gtk_widget_set_visible (self->filter_bar, shown);
  /* The last publication went while the empty search had the focus: GTK
   * would leave it in the hidden entry, typing into nothing. It goes to
   * what the empty state offers; with nothing to offer, back to where
   * Shift+Tab from the page goes (the section, in the window's sidebar),
   * never onto the empty state, where nothing would be seen focused. */
  if (!shown && focus != NULL && gtk_widget_is_ancestor (focus, self->filter_bar) &&
      !gtk_widget_child_focus (gtk_stack_get_visible_child (self->stack), GTK_DIR_TAB_FORWARD))
    {
      gtk_root_set_focus (root, NULL);
      gtk_widget_child_focus (GTK_WIDGET (root), GTK_DIR_TAB_BACKWARD);
    }
}

static void
update_empty_state (WartaPublicationList *self)
{
  const KindInfo *info = &kinds[self->kind];
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  gboolean offer = FALSE;

  if (self->load_error != NULL)
    {
      adw_status_page_set_icon_name (self->empty_page, "dialog-error-symbolic");
      adw_status_page_set_title (self->empty_page, _("The List Could Not Be Loaded"));
      adw_status_page_set_description (self->empty_page, self->load_error->message);
    }
  else if (filters_active (self))
    {
      adw_status_page_set_icon_name (self->empty_page, "edit-find-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Results"));
      adw_status_page_set_description (self->empty_page,
                                       _("Nothing in this list matches the search and the filters. Choose “Any” to see more."));
    }
  else if (search[0] != '\0')
    {
      adw_status_page_set_icon_name (self->empty_page, "edit-find-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Results"));
      adw_status_page_set_description (self->empty_page,
                                       _("No title in this list contains the search text."));
    }
  else
    {
      g_autoptr(GString) description = g_string_new (_(info->empty_description));

      append_role_hints (self, description);
      offer = offers_new_activity (self);
      if (offer)
        g_string_append_printf (description, "\n\n%s",
                                _("To document an activity, press “New Activity” or Ctrl+N."));
      adw_status_page_set_icon_name (self->empty_page, info->icon_name);
      adw_status_page_set_title (self->empty_page, _(info->empty_title));
      adw_status_page_set_description (self->empty_page, description->str);
    }

  gtk_widget_set_visible (self->new_activity_button, offer);

  gtk_stack_set_visible_child_name (self->stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->sort_model)) > 0
                                    ? "list" : "empty");
  update_filter_bar (self, search);
}

static int
compare_deadline (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  WartaPublication *pa = (WartaPublication *)a;
  WartaPublication *pb = (WartaPublication *)b;
  gint64 da = warta_publication_get_deadline_at (pa);
  gint64 db = warta_publication_get_deadline_at (pb);

  /* Those without a limit last; then the nearest deadline first. */
  if ((da == 0) != (db == 0))
    return da == 0 ? 1 : -1;
  if (da != db)
    return da < db ? -1 : 1;
  if (warta_publication_get_id (pa) != warta_publication_get_id (pb))
    return warta_publication_get_id (pa) < warta_publication_get_id (pb) ? -1 : 1;
  return 0;
}

static int
compare_latest (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  WartaPublication *pa = (WartaPublication *)a;
  WartaPublication *pb = (WartaPublication *)b;
  gint64 ua = warta_publication_get_updated_at (pa);
  gint64 ub = warta_publication_get_updated_at (pb);

  if (ua != ub)
    return ua > ub ? -1 : 1;
  if (warta_publication_get_id (pa) != warta_publication_get_id (pb))
    return warta_publication_get_id (pa) > warta_publication_get_id (pb) ? -1 : 1;
  return 0;
}

/**
 * warta_publication_list_reload:
 * @self: a #WartaPublicationList
 *
 * Reads the list from the repository again. Called on every change of the
 * database and of the signed-in user.
 */
void
warta_publication_list_reload (WartaPublicationList *self)
{
  g_autoptr(GListModel) model = NULL;
  WartaPublicationRepository *publications;
  WartaUser *user;

  g_return_if_fail (WARTA_IS_PUBLICATION_LIST (self));

  g_clear_error (&self->load_error);

  user = self->context != NULL ? warta_context_get_current_user (self->context) : NULL;
  if (user != NULL)
    {
      const KindInfo *info = &kinds[self->kind];

      publications = warta_context_get_publications (self->context);
      if (self->kind == WARTA_PUBLICATION_LIST_TASKS)
        model = warta_publication_repository_list_tasks (publications, user, 0, LIST_LIMIT,
                                                         &self->load_error);
      else
        model = warta_publication_repository_list_by_states (publications,
                                                             info->states, info->n_states,
                                                             0, LIST_LIMIT, &self->load_error);
    }

  gtk_filter_list_model_set_model (self->filter_model, model);
  update_empty_state (self);
}

/**
 * warta_publication_list_tick:
 * @self: a #WartaPublicationList
 *
 * Brings every shown row's countdown and overdue mark up to the context's
 * clock.
 */
/* The rows are the list view's (few: only those on screen exist), found
 * by walking it rather than tracked, since GTK 4.8 does not tear down
 * every row it drops. */
static void
tick_rows (GtkWidget  *widget,
           WartaClock *clock)
{
  if (WARTA_IS_PUBLICATION_ROW (widget))
    {
      warta_publication_row_update (WARTA_PUBLICATION_ROW (widget), clock);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    tick_rows (child, clock);
}

void
warta_publication_list_tick (WartaPublicationList *self)
{
  g_return_if_fail (WARTA_IS_PUBLICATION_LIST (self));

  if (self->context == NULL)
    return;

  tick_rows (GTK_WIDGET (self->list_view), warta_context_get_clock (self->context));
}

static gboolean
tick_cb (gpointer user_data)
{
  warta_publication_list_tick (WARTA_PUBLICATION_LIST (user_data));

  return G_SOURCE_CONTINUE;
}

static void
on_search_entry_search_changed_cb (WartaPublicationList *self)
{
  gtk_string_filter_set_search (self->title_filter,
                                gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  update_empty_state (self);
}

static gboolean
match_category (gpointer item,
                gpointer user_data)
{
  WartaPublicationList *self = user_data;
  guint selected = gtk_drop_down_get_selected (self->category_dropdown);

  if (selected == 0 || selected >= G_N_ELEMENTS (category_ids))
    return TRUE;

  return g_strcmp0 (warta_publication_get_category (WARTA_PUBLICATION (item)),
                    category_ids[selected]) == 0;
}

static gboolean
match_state (gpointer item,
             gpointer user_data)
{
  WartaPublicationList *self = user_data;
  const KindInfo *info = &kinds[self->kind];
  guint selected = gtk_drop_down_get_selected (self->state_dropdown);

  /* Item 0 is any state; then the list's states in order. */
  if (selected == 0 || selected > info->n_states)
    return TRUE;

  return warta_publication_get_state (WARTA_PUBLICATION (item)) == info->states[selected - 1];
}

static void
on_category_dropdown_notify_selected_cb (WartaPublicationList *self)
{
  gtk_filter_changed (self->category_filter, GTK_FILTER_CHANGE_DIFFERENT);
  update_empty_state (self);
}

static void
on_state_dropdown_notify_selected_cb (WartaPublicationList *self)
{
  gtk_filter_changed (self->state_filter, GTK_FILTER_CHANGE_DIFFERENT);
  update_empty_state (self);
}

static void
on_list_view_activate_cb (WartaPublicationList *self,
                          guint                 position)
{
  g_autoptr(WartaPublication) publication = NULL;

  publication = g_list_model_get_item (G_LIST_MODEL (self->sort_model), position);
  if (publication == NULL)
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "win.open-publication", "x",
                              warta_publication_get_id (publication));
}

static void
on_items_changed_cb (WartaPublicationList *self)
{
  update_empty_state (self);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              WartaPublicationList     *self)
{
  gtk_list_item_set_child (item, warta_publication_row_new ());
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             WartaPublicationList     *self)
{
  WartaPublicationRow *row = WARTA_PUBLICATION_ROW (gtk_list_item_get_child (item));

  warta_publication_row_set_publication (row, gtk_list_item_get_item (item));
  if (self->context != NULL)
    warta_publication_row_update (row, warta_context_get_clock (self->context));
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               WartaPublicationList     *self)
{
  warta_publication_row_set_publication (WARTA_PUBLICATION_ROW (gtk_list_item_get_child (item)),
                                         NULL);
}

static void
on_database_changed_cb (WartaPublicationList *self)
{
  warta_publication_list_reload (self);
}

static void
warta_publication_list_constructed (GObject *object)
{
  WartaPublicationList *self = WARTA_PUBLICATION_LIST (object);
  g_autoptr(GtkSorter) sorter = NULL;

  G_OBJECT_CLASS (warta_publication_list_parent_class)->constructed (object);

  if (self->kind == WARTA_PUBLICATION_LIST_PUBLISHED)
    sorter = GTK_SORTER (gtk_custom_sorter_new (compare_latest, NULL, NULL));
  else
    sorter = GTK_SORTER (gtk_custom_sorter_new (compare_deadline, NULL, NULL));
  gtk_sort_list_model_set_sorter (self->sort_model, sorter);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(kinds[self->kind].accessible_name),
                                  -1);

  /* A state filter only where the list spans several states. */
  {
    const KindInfo *info = &kinds[self->kind];
    g_autoptr(GtkStringList) states = gtk_string_list_new (NULL);

    gtk_string_list_append (states, _("Any state"));
    for (guint i = 0; i < info->n_states; i++)
      gtk_string_list_append (states, warta_state_get_display_name (info->states[i]));
    gtk_drop_down_set_model (self->state_dropdown, G_LIST_MODEL (states));
    gtk_widget_set_visible (GTK_WIDGET (self->state_dropdown), info->n_states > 1);
  }

  update_empty_state (self);
}

static void
warta_publication_list_dispose (GObject *object)
{
  WartaPublicationList *self = WARTA_PUBLICATION_LIST (object);

  g_clear_handle_id (&self->tick_source, g_source_remove);
  if (self->context != NULL)
    warta_publication_list_set_context (self, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), WARTA_TYPE_PUBLICATION_LIST);

  g_clear_object (&self->sort_model);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->title_filter);
  g_clear_object (&self->category_filter);
  g_clear_object (&self->state_filter);
  g_clear_error (&self->load_error);

  G_OBJECT_CLASS (warta_publication_list_parent_class)->dispose (object);
}

static void
warta_publication_list_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  WartaPublicationList *self = WARTA_PUBLICATION_LIST (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, warta_publication_list_get_context (self));
      break;

    case PROP_KIND:
      g_value_set_uint (value, warta_publication_list_get_kind (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
warta_publication_list_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  WartaPublicationList *self = WARTA_PUBLICATION_LIST (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      warta_publication_list_set_context (self, g_value_get_object (value));
      break;

    case PROP_KIND:
      self->kind = g_value_get_uint (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
warta_publication_list_class_init (WartaPublicationListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = warta_publication_list_constructed;
  object_class->dispose = warta_publication_list_dispose;
  object_class->get_property = warta_publication_list_get_property;
  object_class->set_property = warta_publication_list_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, WARTA_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * WartaPublicationList:kind:
   *
   * Which list: a #WartaPublicationListKind.
   */
  properties[PROP_KIND] =
    g_param_spec_uint ("kind", NULL, NULL,
                       WARTA_PUBLICATION_LIST_TASKS, WARTA_PUBLICATION_LIST_PUBLISHED,
                       WARTA_PUBLICATION_LIST_TASKS,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (WARTA_TYPE_WRAP_BOX);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/warta-publication-list.ui");
  gtk_widget_class_bind_template_child (widget_class, WartaPublicationList, category_dropdown);
  gtk_widget_class_bind_template_child (widget_class, WartaPublicationList, empty_page);
  gtk_widget_class_bind_template_child (widget_class, WartaPublicationList, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, WartaPublicationList, list_view);
  gtk_widget_class_bind_template_child (widget_class, WartaPublicationList, new_activity_button);
  gtk_widget_class_bind_template_child (widget_class, WartaPublicationList, search_entry);
  gtk_widget_class_bind_template_child (widget_class, WartaPublicationList, stack);
  gtk_widget_class_bind_template_child (widget_class, WartaPublicationList, state_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, on_category_dropdown_notify_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_state_dropdown_notify_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
}

static void
warta_publication_list_init (WartaPublicationList *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  GtkNoSelection *selection;
  GtkEveryFilter *every;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Rows are items: one Tab stop, the arrows between rows (warta-list-focus.c). */
  warta_list_set_single_tab_stop (GTK_WIDGET (self->list_view));

  self->title_filter = gtk_string_filter_new (gtk_property_expression_new (WARTA_TYPE_PUBLICATION,
                                                                           NULL, "title"));
  gtk_string_filter_set_match_mode (self->title_filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
  gtk_string_filter_set_ignore_case (self->title_filter, TRUE);

  self->category_filter = GTK_FILTER (gtk_custom_filter_new (match_category, self, NULL));
  self->state_filter = GTK_FILTER (gtk_custom_filter_new (match_state, self, NULL));
  every = gtk_every_filter_new ();
  gtk_multi_filter_append (GTK_MULTI_FILTER (every), g_object_ref (GTK_FILTER (self->title_filter)));
  gtk_multi_filter_append (GTK_MULTI_FILTER (every), g_object_ref (self->category_filter));
  gtk_multi_filter_append (GTK_MULTI_FILTER (every), g_object_ref (self->state_filter));

  self->filter_model = gtk_filter_list_model_new (NULL, GTK_FILTER (every));
  self->sort_model = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filter_model)), NULL);
  g_signal_connect_object (self->sort_model, "items-changed",
                           G_CALLBACK (on_items_changed_cb), self, G_CONNECT_SWAPPED);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);

  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->sort_model)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (selection);

  self->tick_source = g_timeout_add_seconds (TICK_SECONDS, tick_cb, self);
}

/**
 * warta_publication_list_focus_search:
 * @self: a #WartaPublicationList
 *
 * Puts the keyboard focus in the title search, as Ctrl+F does.
 *
 * Returns: %FALSE when the list shows no search (it holds nothing)
 */
gboolean
warta_publication_list_focus_search (WartaPublicationList *self)
{
  g_return_val_if_fail (WARTA_IS_PUBLICATION_LIST (self), FALSE);

  if (!gtk_widget_get_visible (self->filter_bar))
    return FALSE;

  return gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

GtkWidget *
warta_publication_list_new (WartaPublicationListKind kind)
{
  return g_object_new (WARTA_TYPE_PUBLICATION_LIST,
                       "kind", kind,
                       NULL);
}

WartaPublicationListKind
warta_publication_list_get_kind (WartaPublicationList *self)
{
  g_return_val_if_fail (WARTA_IS_PUBLICATION_LIST (self), 0);

  return self->kind;
}

WartaContext *
warta_publication_list_get_context (WartaPublicationList *self)
{
  g_return_val_if_fail (WARTA_IS_PUBLICATION_LIST (self), NULL);

  return self->context;
}

void
warta_publication_list_set_context (WartaPublicationList *self,
                                    WartaContext         *context)
{
  g_return_if_fail (WARTA_IS_PUBLICATION_LIST (self));
  g_return_if_fail (!context || WARTA_IS_CONTEXT (context));

  if (self->context == context)
    return;

  if (self->context != NULL)
    {
      g_signal_handlers_disconnect_by_data (warta_context_get_database (self->context), self);
      g_signal_handlers_disconnect_by_data (self->context, self);
    }

  g_set_object (&self->context, context);

  if (context != NULL)
    {
      g_signal_connect_object (warta_context_get_database (context), "changed",
                               G_CALLBACK (on_database_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (context, "notify::current-user",
                               G_CALLBACK (on_database_changed_cb), self, G_CONNECT_SWAPPED);
    }

  if (self->filter_model != NULL)
    warta_publication_list_reload (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}

/**
 * warta_publication_list_get_model:
 * @self: a #WartaPublicationList
 *
 * Returns: (transfer none): the publications as shown: filtered by the
 *   search and the drop-downs, and sorted
 */
GListModel *
warta_publication_list_get_model (WartaPublicationList *self)
{
  g_return_val_if_fail (WARTA_IS_PUBLICATION_LIST (self), NULL);

  return G_LIST_MODEL (self->sort_model);
}
