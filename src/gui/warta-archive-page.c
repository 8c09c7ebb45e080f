/* warta-archive-page.c: the archive: search, filters, dossiers, export,
 * the history check and retention
 *
 * The list is a GtkListView over a WartaArchiveModel, which reads its
 * count and pages in the archive's worker thread; rows bind to items that
 * fill in when their page arrives. Dossiers, exports, the history check
 * and the retention list run in the worker too; nothing here waits on
 * the database.
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "warta-archive-page"

#include "config.h"

#include <glib/gi18n.h>

#include "warta-account.h"
#include "warta-application.h"
#include "warta-archive-item.h"
#include "warta-archive-model.h"
#include "warta-archive-page-private.h"
#include "warta-archive-repository.h"
#include "warta-date-popover.h"
#include "warta-dossier.h"
#include "warta-export.h"
#include "warta-list-focus.h"
#include "warta-mnemonic.h"
#include "warta-toast.h"
#include "warta-wrap-box.h"

struct _WartaArchivePage
{
  AdwBin              parent_instance;

  /* Template widgets */
  GtkSearchEntry     *search_entry;
  GtkToggleButton    *filters_button;
  GtkLabel           *filters_label;
  GtkWidget          *date_filter_box;
  GtkDropDown        *platform_dropdown;
  GtkDropDown        *category_dropdown;
  GtkDropDown        *state_dropdown;
  GtkDropDown        *sort_dropdown;
  GtkDropDown        *date_dropdown;
  GtkDropDown        *person_dropdown;
  GtkDropDown        *unit_dropdown;
  GtkEntry           *from_entry;
  GtkEntry           *to_entry;
  GtkBox             *from_box;
  GtkBox             *to_box;
  WartaDatePopover   *from_date;   /* in from_box */
  WartaDatePopover   *to_date;     /* in to_box */
  GtkLabel           *count_label;
  GtkLabel           *integrity_label;
  GtkButton          *verify_button;
  GtkStack           *list_stack;
  GtkListView        *list_view;
  AdwStatusPage      *empty_page;
  GtkButton          *clear_filters_button;
  GtkStack           *dossier_stack;
  GtkLabel           *dossier_title;
  GtkButton          *export_button;
  GtkButton          *dispose_button;
  GtkTextView        *dossier_view;
  GtkPaned           *paned;
  GtkWidget          *browse_box;
  GtkWidget          *actions_box;
  GtkWidget          *due_button;
  GtkWidget          *export_range_button;
  GtkWidget          *tools_button;

  /* The window's leaflet folded turns the paned (weak) */
  GBinding           *fold_binding;

  /* Owned references */
  WartaContext       *context;
  WartaArchive       *archive;
  WartaArchiveModel  *model;
  GCancellable       *cancellable;
  GCancellable       *whole_cancellable;  /* of the count of the whole archive */
  /* Nothing in the archive in any state: nothing to search or filter. */
  gboolean            archive_empty;
  gint64              dossier_id;
  /* A folded window shows the dossier in place of the list (a row was
   * activated, and Back not pressed since). */
  gboolean            dossier_in_front;
  guint               dossier_position;   /* its row when it was chosen */
  double              list_scrolled;      /* the list's place, meanwhile */
  /* What the person and unit drop-downs list after their first row. */
  GArray             *person_ids;
  GStrv               units;
  gboolean            filling_filters;
  gboolean            marking_row;        /* an opened row being marked */
  guint               exporting;          /* exports running */
};

G_DEFINE_FINAL_TYPE (WartaArchivePage, warta_archive_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Account platforms, as the rows name them: the filter finds what went
 * there (see append_conditions () in warta-archive-repository.c). */
static const char * const platform_ids[] = {
  NULL, "facebook", "instagram", "x", "youtube", "tiktok", "mastodon", "wordpress",
};
static const char * const category_ids[] = { NULL, "periodic", "immediate", "on-request" };

/* Says @message on the window's toast overlay, offering to open @folder
 * when given; logged when the page is in no such window. */
static void
toast_with_folder (WartaArchivePage *self,
                   const char       *message,
                   GFile            *folder)
{
  if (!warta_toast_show (GTK_WIDGET (self), warta_toast_new (message, folder)))
    g_message ("%s", message);
}

static void
toast (WartaArchivePage *self,
       const char       *message)
{
  toast_with_folder (self, message, NULL);
}

/* Only the social media admin, who keeps the archive, and the approver
 * decide what the records schedule (JRA) does with an item; the record
 * checks the stored account again, as roles change on other
 * workstations. */
static gboolean
may_record_disposition (WartaArchivePage *self)
{
  WartaUser *user = self->context != NULL ? warta_context_get_current_user (self->context) : NULL;

  return warta_archive_repository_can_record_disposition (user);
}

/* "2025-06-18" in the clock's time zone → µs; 0 for empty or invalid. */
static gint64
parse_date (WartaArchivePage *self,
            GtkEntry         *entry,
            gboolean          end_of_day)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autoptr(GDateTime) dt = NULL;
  int y, m, d;

  if (sscanf (text, "%d-%d-%d", &y, &m, &d) != 3)
    return 0;

  dt = g_date_time_new (warta_clock_get_time_zone (warta_context_get_clock (self->context)),
                        y, m, d, 0, 0, 0);
  if (dt == NULL)
    return 0;
  if (end_of_day)
    {
      g_autoptr(GDateTime) next = g_date_time_add_days (dt, 1);

      return g_date_time_to_unix (next) * G_USEC_PER_SEC;
    }

  return g_date_time_to_unix (dt) * G_USEC_PER_SEC;
}

static WartaArchiveQuery *
build_query (WartaArchivePage *self)
{
  WartaArchiveQuery *query = warta_archive_query_new ();
  guint platform = gtk_drop_down_get_selected (self->platform_dropdown);
  guint category = gtk_drop_down_get_selected (self->category_dropdown);
  guint person, unit;
  static const guint states[] = {
    WARTA_ARCHIVE_STATES_DEFAULT, 1u << WARTA_STATE_PUBLISHED, 1u << WARTA_STATE_WITHDRAWN, 0,
  };

  query->text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  if (platform < G_N_ELEMENTS (platform_ids))
    query->platform = g_strdup (platform_ids[platform]);
  if (category < G_N_ELEMENTS (category_ids))
    query->category = g_strdup (category_ids[category]);
  query->states = states[MIN (gtk_drop_down_get_selected (self->state_dropdown), G_N_ELEMENTS (states) - 1)];
  query->relevance = gtk_drop_down_get_selected (self->sort_dropdown) == 1;
  query->from_us = parse_date (self, self->from_entry, FALSE);
  query->to_us = parse_date (self, self->to_entry, TRUE);
  query->date = gtk_drop_down_get_selected (self->date_dropdown) == 1
                ? WARTA_ARCHIVE_DATE_PUBLISHED : WARTA_ARCHIVE_DATE_CREATED;

  person = gtk_drop_down_get_selected (self->person_dropdown);
  if (person != GTK_INVALID_LIST_POSITION && person > 0 && person <= self->person_ids->len)
    query->person_id = g_array_index (self->person_ids, gint64, person - 1);
  unit = gtk_drop_down_get_selected (self->unit_dropdown);
  if (unit != GTK_INVALID_LIST_POSITION && unit > 0 && self->units != NULL &&
      unit <= g_strv_length (self->units))
    query->unit = g_strdup (self->units[unit - 1]);

  return query;
}

static void
on_filter_changed_cb (WartaArchivePage *self)
{
  g_autoptr(WartaArchiveQuery) query = NULL;

  if (self->model == NULL || self->filling_filters)
    return;

  query = build_query (self);
  warta_archive_model_set_query (self->model, query);
}

/* A calendar button after @entry in its linked @box; a date picked there
 * filters the archive when the popover closes, as Enter in the entry does. */
static WartaDatePopover *
add_date_button (WartaArchivePage *self,
                 GtkBox           *box,
                 GtkEntry         *entry)
{
  GtkWidget *button = warta_date_popover_new_button (GTK_EDITABLE (entry), FALSE, NULL);
  GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));

  gtk_menu_button_set_has_frame (GTK_MENU_BUTTON (button), TRUE);
  gtk_box_append (box, button);
  g_signal_connect_swapped (popover, "closed", G_CALLBACK (on_filter_changed_cb), self);
  return WARTA_DATE_POPOVER (popover);
}

static void
update_count (WartaArchivePage *self)
{
  g_autofree char *text = NULL;
  guint n;

  if (self->model == NULL)
    {
      gtk_label_set_text (self->count_label, "");
      return;
    }

  if (warta_archive_model_get_error (self->model) != NULL)
    {
      gtk_label_set_text (self->count_label, warta_archive_model_get_error (self->model));
      return;
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u publication", "%u publications", n), n);
  gtk_label_set_text (self->count_label, text);
}

static WartaDossierOptions
dossier_options (WartaArchivePage *self)
{
  GSettings *settings = warta_context_get_settings (self->context);
  WartaDossierOptions options;

  warta_dossier_options_init (&options);
  /* The clock lives as long as the context; a worker copies the name. */
  options.time_zone = warta_clock_get_time_zone_id (warta_context_get_clock (self->context));
  if (settings != NULL)
    {
      options.agency = NULL; /* set by the caller, which owns the string */
      options.retention_periodic = g_settings_get_uint (settings, "retention-periodic");
      options.retention_immediate = g_settings_get_uint (settings, "retention-immediate");
      options.retention_on_request = g_settings_get_uint (settings, "retention-on-request");
    }

  return options;
}

static char *
dup_agency (WartaArchivePage *self)
{
  GSettings *settings = warta_context_get_settings (self->context);

  return settings != NULL ? g_settings_get_string (settings, "unit-name") : NULL;
}

/* Person and unit filters ---------------------------------------------- */

/* Sets a drop-down's rows, keeping the chosen one when it is still there
 * (or going back to the first, "any"), without a search per change. */
static void
set_filter_rows (WartaArchivePage *self,
                 GtkDropDown      *dropdown,
                 const char       *any,
                 GPtrArray        *names,
                 guint             keep)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  guint selected = gtk_drop_down_get_selected (dropdown);
  gboolean changed;

  gtk_string_list_append (list, any);
  for (guint i = 0; i < names->len; i++)
    gtk_string_list_append (list, names->pdata[i]);

  self->filling_filters = TRUE;
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (dropdown, keep);
  self->filling_filters = FALSE;

  changed = selected != GTK_INVALID_LIST_POSITION && selected > 0 && keep == 0;
  if (changed)
    on_filter_changed_cb (self);
}

static void
fill_people (WartaArchivePage *self)
{
  g_autoptr(GListModel) users = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  guint selected = gtk_drop_down_get_selected (self->person_dropdown);
  gint64 chosen = 0;
  guint keep = 0;

  if (selected != GTK_INVALID_LIST_POSITION && selected > 0 && selected <= self->person_ids->len)
    chosen = g_array_index (self->person_ids, gint64, selected - 1);

  g_array_set_size (self->person_ids, 0);
  if (self->context != NULL)
    {
      users = warta_user_repository_list (warta_context_get_users (self->context), &error);
      if (users == NULL)
        g_warning ("Cannot list the people for the archive filter: %s", error->message);
    }
  for (guint i = 0; users != NULL && i < g_list_model_get_n_items (users); i++)
    {
      g_autoptr(WartaUser) user = g_list_model_get_item (users, i);
      gint64 id = warta_user_get_id (user);

      g_array_append_val (self->person_ids, id);
      g_ptr_array_add (names, g_strdup (warta_user_get_display_name (user)));
      if (id == chosen)
        keep = i + 1;
    }

  set_filter_rows (self, self->person_dropdown, _("Anyone"), names, keep);
}

static void
set_units (WartaArchivePage *self,
           GStrv             units)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  guint selected = gtk_drop_down_get_selected (self->unit_dropdown);
  const char *chosen = NULL;
  g_auto(GStrv) old = NULL;
  guint keep = 0;

  if (selected != GTK_INVALID_LIST_POSITION && selected > 0 && self->units != NULL &&
      selected <= g_strv_length (self->units))
    chosen = self->units[selected - 1];

  old = g_steal_pointer (&self->units);
  self->units = units;
  for (guint i = 0; units != NULL && units[i] != NULL; i++)
    {
      g_ptr_array_add (names, units[i]);
      if (g_strcmp0 (units[i], chosen) == 0)
        keep = i + 1;
    }

  set_filter_rows (self, self->unit_dropdown, _("Any unit"), names, keep);
}

static gpointer
units_work (WartaDatabase  *reader,
            gpointer        data,
            GCancellable   *cancellable,
            GError        **error)
{
  return warta_archive_repository_list_units (reader, error);
}

static void
units_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(WartaArchivePage) self = user_data;
  g_autoptr(GError) error = NULL;
  GStrv units;

  units = warta_archive_run_finish (WARTA_ARCHIVE (object), result, &error);
  if (units == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Cannot list the units for the archive filter: %s", error->message);
      return;
    }

  set_units (self, units);
}

/* The people and the register's units, read again whenever the page is
 * shown: both change while Warta runs. */
static void
fill_filters (WartaArchivePage *self)
{
  fill_people (self);
  if (self->archive != NULL)
    warta_archive_run_async (self->archive, units_work, NULL, NULL, (GDestroyNotify)g_strfreev,
                             self->cancellable, units_cb, g_object_ref (self));
  else
    set_units (self, NULL);
}

/* Rows ------------------------------------------------------------------ */

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);
  GtkLabel *labels[] = { GTK_LABEL (title), GTK_LABEL (subtitle) };

  /* The factory is the page's own: the page outlives its rows. */
  g_object_set_data (G_OBJECT (list_item), "warta-archive-page", user_data);
  /* Selectable: GTK 4.8 gives the keyboard focus only to rows that are.
   * Only opening one keeps it selected, though: hovering and the arrows
   * select too, in a list that activates on one click (see
   * on_selection_changed_cb ()). */
  gtk_list_item_set_selectable (list_item, TRUE);
  /* Up to three lines each: titles often share their first words, and
   * the second line's author comes last. */
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      gtk_label_set_xalign (labels[i], 0);
      gtk_label_set_wrap (labels[i], TRUE);
      gtk_label_set_wrap_mode (labels[i], PANGO_WRAP_WORD_CHAR);
      gtk_label_set_lines (labels[i], 3);
      gtk_label_set_ellipsize (labels[i], PANGO_ELLIPSIZE_END);
    }
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_list_item_set_child (list_item, box);
}

static void
update_row (GtkListItem *list_item)
{
  WartaArchiveItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *subtitle = gtk_widget_get_last_child (box);
  g_autofree char *sub = NULL;
  g_autofree char *date = NULL;
  g_autofree char *platforms = NULL;
  WartaArchivePage *self;
  GTimeZone *zone;
  gint64 at;

  if (item == NULL || !warta_archive_item_get_loaded (item))
    {
      gtk_label_set_text (GTK_LABEL (title), "…");
      gtk_label_set_text (GTK_LABEL (subtitle), "");
      return;
    }

  at = warta_archive_item_get_published_at (item);
  if (at == 0)
    at = warta_archive_item_get_created_at (item);
  /* In the office's zone, as the other lists show times. */
  self = g_object_get_data (G_OBJECT (list_item), "warta-archive-page");
  zone = self->context != NULL ? warta_clock_get_time_zone (warta_context_get_clock (self->context))
                               : NULL;
  date = warta_format_time (zone, at, FALSE);
  platforms = warta_platforms_dup_display_names (warta_archive_item_get_platforms (item));
  {
    /* Without the parts a publication lacks (no platforms before it is
     * published), not an empty place between two dots. */
    const char *parts[] = {
      date, warta_state_get_display_name (warta_archive_item_get_state (item)),
      platforms, warta_archive_item_get_author (item),
    };
    g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
    g_auto(GStrv) shown = NULL;

    for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
      if (parts[i] != NULL && *parts[i] != '\0')
        g_strv_builder_add (builder, parts[i]);
    shown = g_strv_builder_end (builder);
    sub = g_strjoinv (" · ", shown);
  }
  gtk_label_set_text (GTK_LABEL (title), warta_archive_item_get_title (item));
  gtk_label_set_text (GTK_LABEL (subtitle), sub);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, warta_archive_item_get_title (item),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, sub,
                                  -1);
}

static void
on_item_loaded_cb (WartaArchiveItem *item,
                   GParamSpec       *pspec,
                   GtkListItem      *list_item)
{
  update_row (list_item);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  WartaArchiveItem *item = gtk_list_item_get_item (list_item);

  g_signal_connect_object (item, "notify::loaded", G_CALLBACK (on_item_loaded_cb), list_item, 0);
  update_row (list_item);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  WartaArchiveItem *item = gtk_list_item_get_item (list_item);

  if (item != NULL)
    g_signal_handlers_disconnect_by_func (item, on_item_loaded_cb, list_item);
}

/* Dossier --------------------------------------------------------------- */

/* Whether the window's leaflet is folded: the paned follows it. */
static gboolean
is_folded (WartaArchivePage *self)
{
  return gtk_orientable_get_orientation (GTK_ORIENTABLE (self->paned)) == GTK_ORIENTATION_VERTICAL;
}

/* Whether a folded window shows the dossier in place of the list. */
static gboolean
dossier_shown_alone (WartaArchivePage *self)
{
  gboolean listed = g_strcmp0 (gtk_stack_get_visible_child_name (self->list_stack), "list") == 0;
  gboolean chosen = g_strcmp0 (gtk_stack_get_visible_child_name (self->dossier_stack),
                               "dossier") == 0;

  return is_folded (self) && listed && chosen && self->dossier_in_front;
}

/* The dossier pane goes with the list it would show a publication of.
 * A folded window has no room for both: it shows the list, or, once a
 * row is activated, the dossier in its place with a way back, as GNOME's
 * narrow windows do; the list keeps its place and selection meanwhile. */
static void
update_dossier_visible (WartaArchivePage *self)
{
  gboolean listed = g_strcmp0 (gtk_stack_get_visible_child_name (self->list_stack), "list") == 0;
  gboolean alone = dossier_shown_alone (self);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  gboolean focus_leaves = focus != NULL && alone &&
                          gtk_widget_is_ancestor (focus, GTK_WIDGET (self)) &&
                          !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->dossier_stack));

  gtk_widget_set_visible (self->browse_box, !alone && !self->archive_empty);
  gtk_widget_set_visible (GTK_WIDGET (self->list_stack), !alone);
  gtk_widget_set_visible (GTK_WIDGET (self->dossier_stack), listed && (alone || !is_folded (self)));
  /* The focus goes with what is shown, not to the window. */
  if (focus_leaves)
    gtk_widget_grab_focus (GTK_WIDGET (self->dossier_view));
}

/* Back from the dossier to the list, in a folded window: the list as it
 * was left, its row still selected and focused. */
static gboolean
show_list (WartaArchivePage *self)
{
  if (!dossier_shown_alone (self))
    return FALSE;

  self->dossier_in_front = FALSE;
  update_dossier_visible (self);
  /* A change read meanwhile (another workstation's) fills the list anew,
   * which scrolls it to its top. */
  gtk_adjustment_set_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->list_view)),
                            self->list_scrolled);
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
  return TRUE;
}

/**
 * warta_archive_page_go_back:
 * @self: a #WartaArchivePage
 *
 * Goes back from a dossier shown in place of the list, in a folded
 * window, to the list as it was left: the window's Back does this before
 * it goes back to the sections.
 *
 * Returns: %TRUE when the list came back, %FALSE when it was shown
 */
gboolean
warta_archive_page_go_back (WartaArchivePage *self)
{
  g_return_val_if_fail (WARTA_IS_ARCHIVE_PAGE (self), FALSE);

  return show_list (self);
}

static gboolean
back_shortcut_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  return show_list (WARTA_ARCHIVE_PAGE (widget));
}

static void
dossier_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(WartaArchivePage) self = user_data;
  g_autoptr(WartaDossier) dossier = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  dossier = warta_dossier_load_finish (WARTA_ARCHIVE (object), result, &error);
  if (dossier == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        warta_message_dialog_tell (GTK_WIDGET (self), _("Item Not Opened"), error->message);
      return;
    }

  self->dossier_id = warta_dossier_get_id (dossier);
  text = warta_dossier_to_text (dossier, warta_clock_get_time_zone (warta_context_get_clock (self->context)));
  gtk_label_set_text (self->dossier_title, warta_dossier_get_title (dossier));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->dossier_view), text, -1);
  gtk_stack_set_visible_child_name (self->dossier_stack, "dossier");
  update_dossier_visible (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), self->exporting == 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->dispose_button), TRUE);
}

static void
show_dossier (WartaArchivePage *self,
              gint64            id)
{
  g_autofree char *agency = dup_agency (self);
  WartaDossierOptions options = dossier_options (self);

  options.agency = agency;
  warta_dossier_load_async (self->archive, id, &options, self->cancellable, dossier_cb,
                            g_object_ref (self));
}

static void
on_list_view_activate_cb (WartaArchivePage *self,
                          guint             position)
{
  g_autoptr(WartaArchiveItem) item = g_list_model_get_item (G_LIST_MODEL (self->model), position);

  if (item != NULL && warta_archive_item_get_loaded (item))
    {
      /* The row shown stays marked, also in the list a folded window
       * goes back to; only this selects. */
      self->marking_row = TRUE;
      gtk_selection_model_select_item (gtk_list_view_get_model (self->list_view), position, TRUE);
      self->marking_row = FALSE;
      self->dossier_in_front = TRUE;
      self->dossier_position = position;
      self->list_scrolled =
        gtk_adjustment_get_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->list_view)));
      show_dossier (self, warta_archive_item_get_id (item));
    }
}

/* History check ----------------------------------------------------------- */

static void
verify_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(WartaArchivePage) self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 broken = 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "archive.check-history", TRUE);

  if (!warta_archive_verify_finish (WARTA_ARCHIVE (object), result, &broken, &error))
    {
      gtk_label_set_text (self->integrity_label, error->message);
      return;
    }

  if (broken == 0)
    {
      gtk_label_set_text (self->integrity_label, _("History intact"));
      gtk_widget_remove_css_class (GTK_WIDGET (self->integrity_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->integrity_label), "success");
    }
  else
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, broken);
      g_autofree char *text =
        g_strdup_printf (_("History changed outside Warta at event %s: restore a backup and tell the PPID"), id);

      gtk_label_set_text (self->integrity_label, text);
      gtk_widget_remove_css_class (GTK_WIDGET (self->integrity_label), "success");
      gtk_widget_add_css_class (GTK_WIDGET (self->integrity_label), "error");
    }
}

static void
check_history_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  WartaArchivePage *self = WARTA_ARCHIVE_PAGE (widget);
  if (self->archive == NULL)
    return;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "archive.check-history", FALSE);
  gtk_label_set_text (self->integrity_label, _("Checking the history…"));
  warta_archive_verify_async (self->archive, self->cancellable, verify_cb, g_object_ref (self));
}

/* Export ------------------------------------------------------------------- */

typedef struct
{
  WartaArchivePage *self;
  GFile            *folder;   /* where the export went */
} ExportRequest;

static void
export_request_free (ExportRequest *request)
{
  g_object_unref (request->self);
  g_clear_object (&request->folder);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportRequest, export_request_free)

/* While an export runs, Export says so and neither export can be started
 * again: one may take a while, with a year's photos and videos. */
static void
set_exporting (WartaArchivePage *self,
               gboolean          exporting)
{
  self->exporting += exporting ? 1 : -1;
  gtk_button_set_label (self->export_button, self->exporting > 0 ? _("Exporting…") : _("E_xport…"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button),
                            self->exporting == 0 && self->dossier_id != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "archive.export-range", self->exporting == 0);
}

static void
export_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(ExportRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint n = 0;

  set_exporting (request->self, FALSE);
  if (!warta_export_write_finish (WARTA_ARCHIVE (object), result, &n, &error))
    {
      warta_message_dialog_tell (GTK_WIDGET (request->self), _("Archive Not Exported"),
                                 error->message);
      return;
    }

  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u publication exported",
                                       "%u publications exported", n), n);
  toast_with_folder (request->self, text, request->folder);
}

/**
 * _warta_archive_page_export_to:
 * @self: a #WartaArchivePage
 * @folder: the folder chosen
 * @zip: one zip file in @folder rather than the export's files
 * @range: the publications of the date range rather than the dossier shown
 *
 * Exports as Export… and Export Date Range… do once a folder is chosen;
 * the file chooser's step, left out by the tests. The toast that tells
 * the result offers to open @folder.
 */
void
_warta_archive_page_export_to (WartaArchivePage *self,
                               GFile            *folder,
                               gboolean          zip,
                               gboolean          range)
{
  g_autofree char *path = g_file_get_path (folder);
  g_autofree char *agency = NULL;
  WartaDossierOptions options;
  ExportRequest *request;

  g_return_if_fail (WARTA_IS_ARCHIVE_PAGE (self));
  g_return_if_fail (G_IS_FILE (folder));

  if (self->archive == NULL)
    return;
  if (path == NULL)
    {
      toast (self, _("Choose a file on a local or mounted folder."));
      return;
    }

  agency = dup_agency (self);
  options = dossier_options (self);
  options.agency = agency;
  /* A zip is made inside the chosen folder; the export's worker tells a
   * zip from a folder by the ".zip" ending. */
  if (zip)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
      g_autofree char *name = g_strdup_printf ("warta-export-%s.zip", stamp);
      char *zip_path = g_build_filename (path, name, NULL);

      g_free (path);
      path = zip_path;
    }

  set_exporting (self, TRUE);
  request = g_new0 (ExportRequest, 1);
  request->self = g_object_ref (self);
  request->folder = g_object_ref (folder);
  if (range)
    {
      gint64 from = parse_date (self, self->from_entry, FALSE);
      gint64 to = parse_date (self, self->to_entry, TRUE);

      warta_export_range_async (self->archive, from, to, path, &options, self->cancellable,
                                export_cb, request);
    }
  else
    {
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

      g_array_append_val (ids, self->dossier_id);
      warta_export_write_async (self->archive, ids, path, &options, self->cancellable,
                                export_cb, request);
    }
}

typedef struct
{
  WartaArchivePage *self;
  gboolean          range;
} FolderRequest;

static void
on_folder_chosen_cb (GtkNativeDialog *dialog,
                     int              response,
                     FolderRequest   *request)
{
  WartaArchivePage *self = request->self;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      const char *format = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "format");

      _warta_archive_page_export_to (self, folder, g_strcmp0 (format, "zip") == 0,
                                     request->range);
    }

  g_object_unref (self);
  g_free (request);
  g_object_unref (dialog);
}

static void
choose_folder (WartaArchivePage *self,
               gboolean          range)
{
  GtkFileChooserNative *dialog;
  FolderRequest *request = g_new0 (FolderRequest, 1);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  request->self = g_object_ref (self);
  request->range = range;

  dialog = gtk_file_chooser_native_new (_("Export to Folder"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                        _("_Export"), _("_Cancel"));
  {
    const char *ids[] = { "folder", "zip", NULL };
    const char *labels[] = { _("Files in the folder"), _("One zip file in the folder"), NULL };

    gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (dialog), "format", _("Export as"),
                                 ids, labels);
    gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (dialog), "format", "folder");
  }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_folder_chosen_cb), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
on_export_button_clicked_cb (WartaArchivePage *self)
{
  if (self->archive != NULL && self->dossier_id != 0)
    choose_folder (self, FALSE);
}

/* A refused range is marked until either date is changed. */
static void
on_range_entry_changed_cb (WartaArchivePage *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->from_entry), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->to_entry), "error");
}

/* Marks @entry as wrong, says why and puts the focus there. */
static void G_GNUC_PRINTF (3, 4)
refuse_range (WartaArchivePage *self,
              GtkEntry         *entry,
              const char       *format,
              ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  toast (self, message);
  gtk_widget_grab_focus (GTK_WIDGET (entry));
}

static void
export_range_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  WartaArchivePage *self = WARTA_ARCHIVE_PAGE (widget);
  const char *from_text = gtk_editable_get_text (GTK_EDITABLE (self->from_entry));
  const char *to_text = gtk_editable_get_text (GTK_EDITABLE (self->to_entry));
  gint64 from, to;

  if (self->archive == NULL)
    return;

  from = parse_date (self, self->from_entry, FALSE);
  to = parse_date (self, self->to_entry, TRUE);
  on_range_entry_changed_cb (self);
  if (from == 0 && *from_text == '\0')
    refuse_range (self, self->from_entry, "%s",
                  _("Enter the first day of the range to export in “From”, as YYYY-MM-DD."));
  else if (from == 0)
    refuse_range (self, self->from_entry,
                  _("The “From” date “%s” is not a date: enter it as YYYY-MM-DD, "
                    "for example 2026-01-31."), from_text);
  else if (to == 0 && *to_text == '\0')
    refuse_range (self, self->to_entry, "%s",
                  _("Enter the last day of the range to export in “To”, as YYYY-MM-DD."));
  else if (to == 0)
    refuse_range (self, self->to_entry,
                  _("The “To” date “%s” is not a date: enter it as YYYY-MM-DD, "
                    "for example 2026-12-31."), to_text);
  /* @to is the start of the day after the last one. */
  else if (to <= from)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->from_entry), "error");
      refuse_range (self, self->to_entry, "%s",
                    _("The range ends before it starts: enter a “To” date on or after the "
                      "“From” date."));
    }
  else
    choose_folder (self, TRUE);
}

/* Retention -------------------------------------------------------------- */

typedef struct
{
  WartaDossierOptions options;
  gint64              now;
} DueData;

static gpointer
due_work (WartaDatabase  *reader,
          gpointer        data,
          GCancellable   *cancellable,
          GError        **error)
{
  DueData *due = data;
  const char *categories[] = { "periodic", "immediate", "on-request", NULL };
  guint years[] = { due->options.retention_periodic, due->options.retention_immediate,
                    due->options.retention_on_request };

  return warta_archive_repository_list_due (reader, categories, years, due->now, 100, error);
}

static void
due_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(WartaArchivePage) self = user_data;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;

  rows = warta_archive_run_finish (WARTA_ARCHIVE (object), result, &error);
  if (rows == NULL)
    {
      warta_message_dialog_tell (GTK_WIDGET (self), _("Retention Periods Not Checked"),
                                 error->message);
      return;
    }

  if (rows->len == 0)
    g_string_append (body, _("No item’s retention period has ended."));
  for (guint i = 0; i < rows->len; i++)
    {
      WartaArchiveRow *row = rows->pdata[i];

      g_string_append_printf (body, "#%" G_GINT64_FORMAT " %s\n", row->id, row->title);
    }
  if (rows->len > 0)
    {
      g_string_append_c (body, '\n');
      g_string_append (body, may_record_disposition (self)
                             ? _("Open an item and record its disposition: keep, re-appraise or destroy. The decision is kept in its history.")
                             : _("The social media admin or the approver records each item’s disposition: keep, re-appraise or destroy."));
    }

  dialog = ADW_MESSAGE_DIALOG (warta_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                         _("Due for Review"), body->str));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
due_for_review_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  WartaArchivePage *self = WARTA_ARCHIVE_PAGE (widget);
  DueData *data;

  if (self->archive == NULL)
    return;

  data = g_new0 (DueData, 1);
  data->options = dossier_options (self);
  data->now = warta_clock_now (warta_context_get_clock (self->context));
  warta_archive_run_async (self->archive, due_work, data, g_free,
                           (GDestroyNotify)g_ptr_array_unref, self->cancellable, due_cb,
                           g_object_ref (self));
}

static void
on_dispose_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        WartaArchivePage *self)
{
  g_autoptr(GError) error = NULL;
  WartaUser *user;

  if (g_strcmp0 (response, "cancel") == 0 || self->context == NULL)
    return;

  user = warta_context_get_current_user (self->context);
  if (!warta_archive_repository_record_disposition (warta_context_get_database (self->context),
                                                   self->dossier_id,
                                                   user != NULL ? warta_user_get_id (user) : 0,
                                                   warta_clock_now (warta_context_get_clock (self->context)),
                                                   response, NULL, &error))
    {
      warta_message_dialog_tell (GTK_WIDGET (self), _("Disposition Not Recorded"),
                                 error->message);
      return;
    }

  toast (self, _("The disposition is recorded in the item’s history."));
  show_dossier (self, self->dossier_id);
}

/* The Record Disposition button, for them only. */
static void
update_dispose_offered (WartaArchivePage *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->dispose_button), may_record_disposition (self));
}

static void
on_dispose_button_clicked_cb (WartaArchivePage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;

  if (self->dossier_id == 0 || !may_record_disposition (self))
    return;

  dialog = ADW_MESSAGE_DIALOG (warta_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                         _("Record Disposition"),
                                                         _("Record what the records schedule (JRA) decides for this item. Nothing is deleted: the decision is added to its history.")));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "keep", _("_Keep Permanently"),
                                    "reappraise", _("_Re-appraise"),
                                    "destroy", _("_Destroy"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "destroy", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_dispose_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Context ------------------------------------------------------------------- */

/* The dossier pane's empty state, as the page opens. */
static void
clear_dossier (WartaArchivePage *self)
{
  self->dossier_id = 0;
  self->dossier_in_front = FALSE;
  if (gtk_list_view_get_model (self->list_view) != NULL)
    gtk_selection_model_unselect_all (gtk_list_view_get_model (self->list_view));
  gtk_stack_set_visible_child_name (self->dossier_stack, "none");
  update_dossier_visible (self);
  gtk_label_set_text (self->dossier_title, "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->dossier_view), "", -1);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->dispose_button), FALSE);
}

/* How many filters besides the search narrow the list. */
static guint
count_filters (WartaArchivePage *self)
{
  GtkDropDown *dropdowns[] = {
    self->platform_dropdown, self->category_dropdown, self->state_dropdown,
    self->person_dropdown, self->unit_dropdown,
  };
  GtkEditable *dates[] = { GTK_EDITABLE (self->from_entry), GTK_EDITABLE (self->to_entry) };
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (dropdowns); i++)
    {
      guint selected = gtk_drop_down_get_selected (dropdowns[i]);

      n += selected != 0 && selected != GTK_INVALID_LIST_POSITION;
    }
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    n += *gtk_editable_get_text (dates[i]) != '\0';

  return n;
}

/* Filters in effect are counted on the button that shows them, shown or
 * not: the list is narrowed by what a narrow window may hide. */
static void
update_filters_label (WartaArchivePage *self)
{
  guint n = count_filters (self);
  g_autofree char *label = NULL;

  if (n > 0)
    /* Translators: the button that shows the archive's filters, and how
     * many of them narrow the list */
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "_Filters (%u)", "_Filters (%u)", n), n);
  gtk_label_set_label (self->filters_label, label != NULL ? label : _("_Filters"));
}

/* Whether the list shows less than the whole archive. */
static gboolean
filters_active (WartaArchivePage *self)
{
  return count_filters (self) > 0 || *gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0';
}

/* An empty list says why, and what to do: an archive that has nothing
 * yet, or filters that match nothing in it, with a way to clear them. */
static void
update_empty_state (WartaArchivePage *self)
{
  gboolean empty, filtered;

  if (self->model == NULL || warta_archive_model_get_loading (self->model))
    return;

  empty = warta_archive_model_get_error (self->model) == NULL &&
          g_list_model_get_n_items (G_LIST_MODEL (self->model)) == 0;
  filtered = filters_active (self);
  /* What the list shows is in the archive. */
  if (!empty)
    self->archive_empty = FALSE;
  if (empty && filtered)
    {
      adw_status_page_set_icon_name (self->empty_page, "edit-find-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Publications Match"));
      adw_status_page_set_description (self->empty_page,
                                       _("Nothing in the archive matches the search and the filters. Try other or fewer words, or clear the filters."));
    }
  else if (empty)
    {
      adw_status_page_set_icon_name (self->empty_page, "folder-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Publications in the Archive Yet"));
      adw_status_page_set_description (self->empty_page,
                                       _("A publication is kept here, with its media, history and approvals, once it has been published or withdrawn."));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->clear_filters_button), empty && filtered);
  gtk_stack_set_visible_child_name (self->list_stack, empty ? "empty" : "list");
  update_dossier_visible (self);
}

static void
on_clear_filters_button_clicked_cb (WartaArchivePage *self)
{
  GtkDropDown *dropdowns[] = {
    self->platform_dropdown, self->category_dropdown, self->state_dropdown,
    self->person_dropdown, self->unit_dropdown,
  };

  /* One search for all of them, not one per filter put back. */
  self->filling_filters = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (dropdowns); i++)
    gtk_drop_down_set_selected (dropdowns[i], 0);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->from_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->to_entry), "");
  self->filling_filters = FALSE;
  on_filter_changed_cb (self);
  /* The button goes away with the empty state: the focus goes where a
   * new search starts, not to the window. */
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* The list read again (another workstation's change) has new rows: the
 * shown publication's stays selected where it still is. */
static void
reselect_dossier_row (WartaArchivePage *self)
{
  GtkSelectionModel *selection = gtk_list_view_get_model (self->list_view);
  g_autoptr(WartaArchiveItem) item = NULL;

  if (self->dossier_id == 0 || selection == NULL ||
      gtk_selection_model_is_selected (selection, self->dossier_position))
    return;
  item = g_list_model_get_item (G_LIST_MODEL (self->model), self->dossier_position);
  if (item != NULL && warta_archive_item_get_loaded (item) &&
      warta_archive_item_get_id (item) == self->dossier_id)
    gtk_selection_model_select_item (selection, self->dossier_position, TRUE);
}

/* A row selected otherwise than by opening it (hovering it, moving the
 * focus to it) is not the one shown: the mark goes back to the shown one,
 * while the focus stays where it went. */
static void
on_selection_changed_cb (WartaArchivePage *self)
{
  GtkSelectionModel *selection = gtk_list_view_get_model (self->list_view);

  if (self->marking_row)
    return;

  self->marking_row = TRUE;
  if (self->dossier_id == 0 ||
      gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (selection)) != self->dossier_position)
    gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (selection), GTK_INVALID_LIST_POSITION);
  reselect_dossier_row (self);
  self->marking_row = FALSE;
}

static void
whole_counted_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(WartaArchivePage) self = user_data;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  guint count = 0;

  items = warta_archive_search_finish (WARTA_ARCHIVE (object), result, &count, &error);
  /* Cancelled by a newer count, or a failure the list says itself. */
  if (items == NULL || self->model == NULL)
    return;
  self->archive_empty = count == 0 && !filters_active (self) &&
                        g_list_model_get_n_items (G_LIST_MODEL (self->model)) == 0;
  update_dossier_visible (self);
}

/* The unfiltered list is empty: whether the archive holds anything at all,
 * in any state its filters can show, is counted in the worker too. An
 * archive with nothing in it shows its empty state alone, without a search,
 * filters and tools that could find nothing; they come back with the first
 * publication, written here or in another Warta on the same file. */
static void
count_whole_archive (WartaArchivePage *self)
{
  g_autoptr(WartaArchiveQuery) query = warta_archive_query_new ();

  if (self->whole_cancellable != NULL)
    g_cancellable_cancel (self->whole_cancellable);
  g_clear_object (&self->whole_cancellable);
  self->whole_cancellable = g_cancellable_new ();
  query->states = 0;
  warta_archive_search_async (self->archive, query, 0, 0, TRUE, 1, self->whole_cancellable,
                              whole_counted_cb, g_object_ref (self));
}

static void
on_model_changed_cb (WartaArchivePage *self)
{
  reselect_dossier_row (self);
  update_count (self);
  update_filters_label (self);
  update_empty_state (self);
  /* A filter that leaves nothing in the list leaves no publication to
   * show: the pane does not keep one the list no longer has. */
  if (self->dossier_id != 0 && self->model != NULL &&
      !warta_archive_model_get_loading (self->model) &&
      g_list_model_get_n_items (G_LIST_MODEL (self->model)) == 0)
    clear_dossier (self);
}

typedef struct
{
  WartaArchivePage *page;
  gint64 id;
} ListedCheck;

static void
listed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  ListedCheck *check = user_data;
  g_autoptr(WartaArchivePage) self = check->page;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  guint count = 0;

  items = warta_archive_search_finish (WARTA_ARCHIVE (object), result, &count, &error);
  if (items != NULL && count == 0 && self->dossier_id == check->id)
    clear_dossier (self);
  g_free (check);
}

/* The list is read again (a filter, a search, another user's change):
 * the pane does not keep a publication the list no longer has. The list
 * loads its rows as they are scrolled to, so the shown one is looked for
 * by the same query, narrowed to it. */
static void
on_model_loading_cb (WartaArchivePage *self)
{
  g_autoptr(WartaArchiveQuery) query = NULL;
  ListedCheck *check;

  on_model_changed_cb (self);
  if (!warta_archive_model_get_loading (self->model) &&
      warta_archive_model_get_error (self->model) == NULL &&
      g_list_model_get_n_items (G_LIST_MODEL (self->model)) == 0 && !filters_active (self))
    count_whole_archive (self);
  if (self->dossier_id == 0 || warta_archive_model_get_loading (self->model) ||
      warta_archive_model_get_error (self->model) != NULL)
    return;

  query = warta_archive_query_copy (warta_archive_model_get_query (self->model));
  query->publication_id = self->dossier_id;
  check = g_new0 (ListedCheck, 1);
  check->page = g_object_ref (self);
  check->id = self->dossier_id;
  warta_archive_search_async (self->archive, query, 0, 0, TRUE, 1, self->cancellable, listed_cb,
                              check);
}

static void
on_database_changed_cb (WartaArchivePage *self)
{
  if (self->model != NULL)
    warta_archive_model_reload (self->model);
}

/**
 * warta_archive_page_set_context:
 * @self: a #WartaArchivePage
 * @context: (nullable): the open database's services
 */
void
warta_archive_page_set_context (WartaArchivePage *self,
                                WartaContext     *context)
{
  g_return_if_fail (WARTA_IS_ARCHIVE_PAGE (self));

  if (self->context == context)
    return;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->whole_cancellable != NULL)
    g_cancellable_cancel (self->whole_cancellable);
  g_clear_object (&self->whole_cancellable);
  self->archive_empty = FALSE;
  if (self->context != NULL)
    {
      g_signal_handlers_disconnect_by_data (warta_context_get_database (self->context), self);
      g_signal_handlers_disconnect_by_data (self->context, self);
    }
  gtk_list_view_set_model (self->list_view, NULL);
  g_clear_object (&self->model);
  g_clear_object (&self->archive);
  g_set_object (&self->context, context);
  warta_date_popover_set_clock (self->from_date, context ? warta_context_get_clock (context) : NULL);
  warta_date_popover_set_clock (self->to_date, context ? warta_context_get_clock (context) : NULL);
  clear_dossier (self);

  if (context != NULL)
    {
      g_autoptr(GtkSingleSelection) selection = NULL;
      g_autoptr(WartaArchiveQuery) query = NULL;

      self->cancellable = g_cancellable_new ();
      self->archive = warta_archive_new (warta_context_get_database (context));
      self->model = warta_archive_model_new (self->archive);
      g_signal_connect_object (self->model, "items-changed", G_CALLBACK (on_model_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->model, "notify::error", G_CALLBACK (on_model_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->model, "notify::loading", G_CALLBACK (on_model_loading_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (warta_context_get_database (context), "changed",
                               G_CALLBACK (on_database_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (context, "notify::current-user",
                               G_CALLBACK (update_dispose_offered), self, G_CONNECT_SWAPPED);
      selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
      gtk_single_selection_set_autoselect (selection, FALSE);
      gtk_single_selection_set_can_unselect (selection, TRUE);
      g_signal_connect_object (selection, "selection-changed",
                               G_CALLBACK (on_selection_changed_cb), self, G_CONNECT_SWAPPED);
      gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
      query = build_query (self);
      warta_archive_model_set_query (self->model, query);
    }

  fill_filters (self);
  update_count (self);
  update_dispose_offered (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}

/**
 * warta_archive_page_focus_search:
 * @self: a #WartaArchivePage
 *
 * Puts the keyboard focus in the search, as Ctrl+F does: from a dossier
 * shown in the list's place, back to the list first. An archive with
 * nothing in it shows no search: the focus stays where it is.
 *
 * Returns: whether the search has the focus
 */
gboolean
warta_archive_page_focus_search (WartaArchivePage *self)
{
  g_return_val_if_fail (WARTA_IS_ARCHIVE_PAGE (self), FALSE);

  if (!gtk_widget_get_visible (self->browse_box))
    warta_archive_page_go_back (self);
  /* An archive with nothing in it has no search shown to go to. */
  if (!gtk_widget_get_visible (self->browse_box))
    return FALSE;

  return gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

WartaArchiveModel *
warta_archive_page_get_model (WartaArchivePage *self)
{
  g_return_val_if_fail (WARTA_IS_ARCHIVE_PAGE (self), NULL);

  return self->model;
}

/* The window hands contexts to the pages it knows; this page finds the
 * application's own when it is shown, and follows a database change. */
static void
sync_application_context (WartaArchivePage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkApplication *app = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root)) : NULL;

  if (WARTA_IS_APPLICATION (app))
    warta_archive_page_set_context (self, warta_application_get_context (WARTA_APPLICATION (app)));
}

static void
warta_archive_page_map (GtkWidget *widget)
{
  WartaArchivePage *self = WARTA_ARCHIVE_PAGE (widget);

  GTK_WIDGET_CLASS (warta_archive_page_parent_class)->map (widget);

  if (self->context == NULL)
    sync_application_context (self);
  else
    fill_filters (self);
}

static void
on_application_database_cb (WartaArchivePage *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    sync_application_context (self);
  else
    warta_archive_page_set_context (self, NULL);
}

/* A folded window is too narrow for the list beside the dossier: the
 * paned turns, and shows one of them (update_dossier_visible ()). */
static gboolean
folded_to_orientation (GBinding     *binding,
                       const GValue *from,
                       GValue       *to,
                       gpointer      user_data)
{
  g_value_set_enum (to, g_value_get_boolean (from) ? GTK_ORIENTATION_VERTICAL
                                                   : GTK_ORIENTATION_HORIZONTAL);
  return TRUE;
}

/* In a narrow window the filters would take half its height: they wait
 * behind Filters there, beside the search, which stays. */
static void
update_filters_shown (WartaArchivePage *self)
{
  gboolean narrow = is_folded (self);
  gboolean shown = !narrow || gtk_toggle_button_get_active (self->filters_button);
  GtkWidget *filters[] = {
    GTK_WIDGET (self->platform_dropdown), GTK_WIDGET (self->category_dropdown),
    GTK_WIDGET (self->state_dropdown), GTK_WIDGET (self->sort_dropdown), self->date_filter_box,
  };


  gtk_widget_set_visible (GTK_WIDGET (self->filters_button), narrow);
  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    gtk_widget_set_visible (filters[i], shown);
  update_filters_label (self);
}

static void
on_filters_button_toggled_cb (WartaArchivePage *self)
{
  update_filters_shown (self);
}

static void
on_paned_orientation_cb (WartaArchivePage *self)
{
  gboolean folded = is_folded (self);

  gtk_paned_set_position (self->paned, 460);
  /* The archive's tools take three lines of buttons at 360 pixels: a
   * folded window has them in a menu. */
  gtk_widget_set_visible (GTK_WIDGET (self->verify_button), !folded);
  gtk_widget_set_visible (self->due_button, !folded);
  gtk_widget_set_visible (self->export_range_button, !folded);
  gtk_widget_set_visible (self->tools_button, folded);
  update_dossier_visible (self);
  update_filters_shown (self);
}

static void
warta_archive_page_root (GtkWidget *widget)
{
  WartaArchivePage *self = WARTA_ARCHIVE_PAGE (widget);
  GtkWidget *leaflet;
  GtkRoot *root;
  GtkApplication *app;

  GTK_WIDGET_CLASS (warta_archive_page_parent_class)->root (widget);

  leaflet = gtk_widget_get_ancestor (widget, ADW_TYPE_LEAFLET);
  if (leaflet != NULL && self->fold_binding == NULL)
    {
      self->fold_binding = g_object_bind_property_full (leaflet, "folded",
                                                        self->paned, "orientation",
                                                        G_BINDING_SYNC_CREATE,
                                                        folded_to_orientation, NULL, NULL, NULL);
      g_object_add_weak_pointer (G_OBJECT (self->fold_binding), (gpointer *)&self->fold_binding);
    }

  root = gtk_widget_get_root (widget);
  app = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root)) : NULL;
  if (WARTA_IS_APPLICATION (app))
    g_signal_connect_object (app, "notify::database", G_CALLBACK (on_application_database_cb),
                             widget, G_CONNECT_SWAPPED);
}

static void
warta_archive_page_unroot (GtkWidget *widget)
{
  WartaArchivePage *self = WARTA_ARCHIVE_PAGE (widget);

  if (self->fold_binding != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->fold_binding),
                                    (gpointer *)&self->fold_binding);
      g_binding_unbind (g_steal_pointer (&self->fold_binding));
    }

  GTK_WIDGET_CLASS (warta_archive_page_parent_class)->unroot (widget);
}

static void
warta_archive_page_dispose (GObject *object)
{
  WartaArchivePage *self = WARTA_ARCHIVE_PAGE (object);

  warta_archive_page_set_context (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), WARTA_TYPE_ARCHIVE_PAGE);
  g_clear_pointer (&self->person_ids, g_array_unref);
  g_clear_pointer (&self->units, g_strfreev);

  G_OBJECT_CLASS (warta_archive_page_parent_class)->dispose (object);
}

static void
warta_archive_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  WartaArchivePage *self = WARTA_ARCHIVE_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
warta_archive_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  WartaArchivePage *self = WARTA_ARCHIVE_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      warta_archive_page_set_context (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
warta_archive_page_class_init (WartaArchivePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = warta_archive_page_dispose;
  object_class->get_property = warta_archive_page_get_property;
  object_class->set_property = warta_archive_page_set_property;
  widget_class->map = warta_archive_page_map;
  widget_class->root = warta_archive_page_root;
  widget_class->unroot = warta_archive_page_unroot;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, WARTA_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The tools' buttons, and their menu in a folded window. */
  gtk_widget_class_install_action (widget_class, "archive.check-history", NULL, check_history_action);
  gtk_widget_class_install_action (widget_class, "archive.due-for-review", NULL,
                                   due_for_review_action);
  gtk_widget_class_install_action (widget_class, "archive.export-range", NULL, export_range_action);
  /* Back from a dossier shown in place of the list, as AdwLeaflet goes
   * back (the window's leaflet gets the keys when there is none). */
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Left, GDK_ALT_MASK, back_shortcut_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, back_shortcut_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Back, 0, back_shortcut_cb, NULL);

  g_type_ensure (WARTA_TYPE_WRAP_BOX);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/warta-archive-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WartaArchivePage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, WartaArchivePage, platform_dropdown);
  gtk_widget_class_bind_template_child (widget_class, WartaArchivePage, paned);
  gtk_widget_class_bind_template_child (widget_class, WartaArchivePage, category_dropdown);
  gtk_widget_class_bind_template_child (widget_class, WartaArchivePage, state_dropdown);
  gtk_widget_class_bind_template_child (widget_class, WartaArchivePage, sort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, WartaArchivePage, date_dropdown);
  gtk_widget_class_bind_template_child (widget_class, WartaArchivePage, person_dropdown);
  gtk_widget_class_bind_template_child (widget_class, WartaArchivePage, unit_dropdown);
  gtk_widget_class_bind_template_child (widget_class, WartaArchivePage, from_entry);
  gtk_widget_class_bind_template_child (widget_class, WartaArchivePage, to_entry);
  gtk_widget_class_bind_template_child (widget_class, WartaArchivePage, from_box);
  gtk_widget_class_bind_template_child (widget_class, WartaArchivePage, to_box);
  gtk_widget_class_bind_template_child (widget_class, WartaArchivePage, count_label);
  gtk_widget_class_bind_template_child (widget_class, WartaArchivePage, integrity_label);
  gtk_widget_class_bind_template_child (widget_class, WartaArchivePage, verify_button);
  gtk_widget_class_bind_template_child (widget_class, WartaArchivePage, list_view);
  gtk_widget_class_bind_template_child (widget_class, WartaArchivePage, dossier_title);
  gtk_widget_class_bind_template_child (widget_class, WartaArchivePage, dossier_stack);
  gtk_widget_class_bind_template_child (widget_class, WartaArchivePage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, WartaArchivePage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, WartaArchivePage, clear_filters_button);
  gtk_widget_class_bind_template_child (widget_class, WartaArchivePage, filters_button);
  gtk_widget_class_bind_template_child (widget_class, WartaArchivePage, filters_label);
  gtk_widget_class_bind_template_child (widget_class, WartaArchivePage, date_filter_box);
  gtk_widget_class_bind_template_child (widget_class, WartaArchivePage, export_button);
  gtk_widget_class_bind_template_child (widget_class, WartaArchivePage, dispose_button);
  gtk_widget_class_bind_template_child (widget_class, WartaArchivePage, dossier_view);
  gtk_widget_class_bind_template_child (widget_class, WartaArchivePage, browse_box);
  gtk_widget_class_bind_template_child (widget_class, WartaArchivePage, actions_box);
  gtk_widget_class_bind_template_child (widget_class, WartaArchivePage, due_button);
  gtk_widget_class_bind_template_child (widget_class, WartaArchivePage, export_range_button);
  gtk_widget_class_bind_template_child (widget_class, WartaArchivePage, tools_button);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_filters_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filters_button_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_export_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_dispose_button_clicked_cb);
}

/* From the search to its results, when there are some: Down and Enter
 * there, rather than Down to the date below and Tab past every filter. */
static gboolean
focus_results (WartaArchivePage *self)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->list_stack), "list") != 0 ||
      self->model == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->model)) == 0)
    return FALSE;

  return gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
on_search_activate_cb (WartaArchivePage *self)
{
  focus_results (self);
}

static gboolean
on_search_key_pressed_cb (WartaArchivePage *self,
                          guint             keyval,
                          guint             keycode,
                          GdkModifierType   state)
{
  if ((keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down) &&
      (state & gtk_accelerator_get_default_mod_mask ()) == 0 && focus_results (self))
    return GDK_EVENT_STOP;

  return GDK_EVENT_PROPAGATE;
}

static void
warta_archive_page_init (WartaArchivePage *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  self->person_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The template's buttons with a mnemonic: named once (warta-mnemonic.c). */
  warta_mnemonic_name_buttons (GTK_WIDGET (self));
  /* Rows are items: one Tab stop, the arrows between rows (warta-list-focus.c). */
  warta_list_set_single_tab_stop (GTK_WIDGET (self->list_view));
  fill_filters (self);
  {
    GtkEventController *keys = gtk_event_controller_key_new ();

    /* Before the entry's text, which would move the focus down itself. */
    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (on_search_key_pressed_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
  }
  g_signal_connect_swapped (self->search_entry, "activate", G_CALLBACK (on_search_activate_cb),
                            self);
  self->from_date = add_date_button (self, self->from_box, self->from_entry);
  self->to_date = add_date_button (self, self->to_box, self->to_entry);
  g_signal_connect_swapped (self->from_entry, "changed", G_CALLBACK (on_range_entry_changed_cb),
                            self);
  g_signal_connect_swapped (self->to_entry, "changed", G_CALLBACK (on_range_entry_changed_cb),
                            self);
  g_signal_connect_swapped (self->paned, "notify::orientation",
                            G_CALLBACK (on_paned_orientation_cb), self);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
}

GtkWidget *
warta_archive_page_new (void)
{
  return g_object_new (WARTA_TYPE_ARCHIVE_PAGE, NULL);
}
