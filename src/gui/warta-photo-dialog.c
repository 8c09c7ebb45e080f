/* warta-photo-dialog.c: blur faces and move each platform's crop of a photo
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two editors on one photo: the regions to blur, and the crop each
 * platform gets. Beside them, the rendition the chosen platform would get,
 * made by src/media off the main thread from the untouched original a
 * moment after each change: blurred, cropped, metadata stripped. The
 * original file is only ever read.
 *
 * Built in code: it is a small window of two editors and a preview.
 */
#define G_LOG_DOMAIN "warta-photo-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "warta-mnemonic.h"
#include "warta-photo-dialog.h"
#include "warta-rendition.h"
#include "warta-thumbnailer.h"

/* The photo the editors draw on fits this square. */
#define EDIT_SIZE 1024
/* Render the preview this long after the last change. */
#define RENDER_DELAY_MS 300

/* The platforms that take photos, in the order offered. */
static const struct {
  WartaRenditionTarget  target;
  const char           *name;
} targets[] = {
  { WARTA_RENDITION_TARGET_INSTAGRAM, N_("Instagram (4:5 to 1.91:1)") },
  { WARTA_RENDITION_TARGET_FACEBOOK, N_("Facebook Page") },
  { WARTA_RENDITION_TARGET_X, N_("X") },
  { WARTA_RENDITION_TARGET_MASTODON, N_("Mastodon") },
  { WARTA_RENDITION_TARGET_WEBSITE, N_("Website") },
};

struct _WartaPhotoDialog
{
  AdwWindow         parent_instance;

  WartaMediaItem   *item;
  WartaThumbnailer *thumbnailer;
  GCancellable     *cancellable;
  GCancellable     *render_cancellable;
  AdwViewStack     *stack;
  WartaPhotoEditor *blur_editor;
  WartaPhotoEditor *crop_editor;
  GtkDropDown      *target_dropdown;
  GtkPicture       *preview;
  GtkLabel         *preview_label;
  AdwFlap          *flap;
  guint             render_source;
  guint             busy;
};

G_DEFINE_FINAL_TYPE (WartaPhotoDialog, warta_photo_dialog, ADW_TYPE_WINDOW)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static WartaRenditionTarget
selected_target (WartaPhotoDialog *self)
{
  guint i = gtk_drop_down_get_selected (self->target_dropdown);

  return targets[MIN (i, G_N_ELEMENTS (targets) - 1)].target;
}

static void
render_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(WartaPhotoDialog) self = user_data;
  g_autoptr(GFile) destination = g_object_steal_data (source, "warta-destination");
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  self->busy--;
  if (!warta_rendition_render_finish (WARTA_RENDITION (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gtk_label_set_label (self->preview_label, error->message);
      return;
    }

  texture = gdk_texture_new_from_file (destination, &error);
  g_file_delete (destination, NULL, NULL);
  if (texture == NULL)
    {
      gtk_label_set_label (self->preview_label, error->message);
      return;
    }
  gtk_picture_set_paintable (self->preview, GDK_PAINTABLE (texture));
  gtk_label_set_label (self->preview_label,
                       _("What the platform gets: blurred and cropped. The original stays unchanged in the archive."));
}

static gboolean
render_timeout_cb (gpointer user_data)
{
  WartaPhotoDialog *self = user_data;
  g_autoptr(WartaRendition) rendition = NULL;
  g_autoptr(GFile) original = NULL;
  g_autoptr(GFile) destination = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;

  self->render_source = 0;

  g_cancellable_cancel (self->render_cancellable);
  g_clear_object (&self->render_cancellable);
  self->render_cancellable = g_cancellable_new ();

  /* A private file per render, in the cache: never next to the original. */
  dir = g_build_filename (g_get_user_cache_dir (), "warta", "previews", NULL);
  g_mkdir_with_parents (dir, 0700);
  name = g_strdup_printf ("%s-%s-%u.jpg", warta_media_item_get_sha256 (self->item) ?: "photo",
                          warta_rendition_target_get_limits (selected_target (self))->id,
                          g_random_int ());
  path = g_build_filename (dir, name, NULL);
  destination = g_file_new_for_path (path);
  original = g_file_new_for_path (warta_media_item_get_path (self->item));

  rendition = warta_rendition_new_for_media_item (selected_target (self), self->item);
  g_object_set_data_full (G_OBJECT (rendition), "warta-destination", g_object_ref (destination),
                          g_object_unref);
  self->busy++;
  warta_rendition_render_async (rendition, original, destination, self->render_cancellable,
                                render_done_cb, g_object_ref (self));

  return G_SOURCE_REMOVE;
}

static void
schedule_render (WartaPhotoDialog *self)
{
  g_clear_handle_id (&self->render_source, g_source_remove);
  self->render_source = g_timeout_add (RENDER_DELAY_MS, render_timeout_cb, self);
}

static void
on_editor_changed_cb (WartaPhotoDialog *self)
{
  schedule_render (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_target_notify_cb (WartaPhotoDialog *self)
{
  warta_photo_editor_set_target (self->crop_editor, selected_target (self));
  schedule_render (self);
}

static void
on_add_clicked_cb (WartaPhotoDialog *self)
{
  warta_photo_editor_add_region (self->blur_editor);
  gtk_widget_grab_focus (GTK_WIDGET (self->blur_editor));
}

static void
on_remove_clicked_cb (WartaPhotoDialog *self)
{
  warta_photo_editor_remove_selected (self->blur_editor);
}

static void
on_reset_clicked_cb (WartaPhotoDialog *self)
{
  if (warta_media_item_is_sealed (self->item))
    return;
  warta_media_item_reset_crop_center (self->item,
                                      warta_rendition_target_get_limits (selected_target (self))->id);
  gtk_widget_queue_draw (GTK_WIDGET (self->crop_editor));
  on_editor_changed_cb (self);
}

static void
photo_loaded_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(WartaPhotoDialog) self = user_data;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) error = NULL;

  self->busy--;
  pixbuf = warta_thumbnailer_load_finish (WARTA_THUMBNAILER (source), result, NULL, &error);
  if (pixbuf == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gtk_label_set_label (self->preview_label, error->message);
      return;
    }

  warta_photo_editor_set_pixbuf (self->blur_editor, pixbuf);
  warta_photo_editor_set_pixbuf (self->crop_editor, pixbuf);
}

static GtkWidget *
make_button (const char *label,
             const char *tooltip)
{
  GtkWidget *button = warta_button_new_with_mnemonic (label);

  if (tooltip != NULL)
    gtk_widget_set_tooltip_text (button, tooltip);
  return button;
}

static GtkWidget *
make_hint (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static GtkWidget *
make_page (GtkWidget *editor,
           GtkWidget *hint,
           GtkWidget *first_button,
           GtkWidget *second_button)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_box_append (GTK_BOX (box), editor);
  gtk_box_append (GTK_BOX (box), hint);
  gtk_box_append (GTK_BOX (buttons), first_button);
  if (second_button != NULL)
    gtk_box_append (GTK_BOX (buttons), second_button);
  gtk_box_append (GTK_BOX (box), buttons);

  return box;
}

static void
warta_photo_dialog_dispose (GObject *object)
{
  WartaPhotoDialog *self = WARTA_PHOTO_DIALOG (object);

  g_clear_handle_id (&self->render_source, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  if (self->render_cancellable != NULL)
    g_cancellable_cancel (self->render_cancellable);
  g_clear_object (&self->render_cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->thumbnailer);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (warta_photo_dialog_parent_class)->dispose (object);
}

static void
warta_photo_dialog_class_init (WartaPhotoDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = warta_photo_dialog_dispose;

  /**
   * WartaPhotoDialog::changed:
   *
   * The item's blur regions or a crop centre changed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
warta_photo_dialog_init (WartaPhotoDialog *self)
{
  self->cancellable = g_cancellable_new ();
  self->thumbnailer = warta_thumbnailer_new (NULL);
}

/**
 * warta_photo_dialog_new:
 * @parent: (nullable): the editor window
 * @item: the photo
 * @editable: whether the regions and crops may be changed
 *
 * Returns: (transfer none): the dialog, not yet shown
 */
WartaPhotoDialog *
warta_photo_dialog_new (GtkWindow      *parent,
                        WartaMediaItem *item,
                        gboolean        editable)
{
  WartaPhotoDialog *self;
  g_autofree char *name = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GFile) file = NULL;
  GtkWidget *content, *header, *title, *flap, *side, *label, *page, *add, *remove, *reset, *scroller;
  GtkWidget *toggle, *switcher_bar;
  AdwViewStackPage *stack_page;

  g_return_val_if_fail (WARTA_IS_MEDIA_ITEM (item), NULL);

  self = g_object_new (WARTA_TYPE_PHOTO_DIALOG,
                       "transient-for", parent,
                       "default-width", 1100,
                       "default-height", 720,
                       NULL);
  self->item = g_object_ref (item);
  name = g_filename_display_basename (warta_media_item_get_path (item) ?: "");
  gtk_window_set_title (GTK_WINDOW (self), name);

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  self->stack = ADW_VIEW_STACK (adw_view_stack_new ());
  title = adw_view_switcher_title_new ();
  adw_view_switcher_title_set_stack (ADW_VIEW_SWITCHER_TITLE (title), self->stack);
  adw_view_switcher_title_set_title (ADW_VIEW_SWITCHER_TITLE (title), name);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  gtk_box_append (GTK_BOX (content), header);

  self->blur_editor = WARTA_PHOTO_EDITOR (warta_photo_editor_new (WARTA_PHOTO_EDITOR_BLUR, item));
  self->crop_editor = WARTA_PHOTO_EDITOR (warta_photo_editor_new (WARTA_PHOTO_EDITOR_CROP, item));
  g_signal_connect_object (self->blur_editor, "changed", G_CALLBACK (on_editor_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->crop_editor, "changed", G_CALLBACK (on_editor_changed_cb), self,
                           G_CONNECT_SWAPPED);

  add = make_button (_("_Add Region"), _("A region in the middle of the photo, to move with the arrow keys (Insert)"));
  remove = make_button (_("_Remove Region"), _("Remove the selected region (Delete)"));
  g_signal_connect_object (add, "clicked", G_CALLBACK (on_add_clicked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_remove_clicked_cb), self, G_CONNECT_SWAPPED);
  page = make_page (GTK_WIDGET (self->blur_editor),
                    make_hint (_("Draw a rectangle over each face to blur, or add one and move it with the arrow keys; Shift and the arrow keys size it. A child needs a blurred face or a recorded guardian consent.")),
                    add, remove);
  stack_page = adw_view_stack_add_titled (self->stack, page, "blur", _("Blur"));
  adw_view_stack_page_set_icon_name (stack_page, "find-location-symbolic");

  reset = make_button (_("_Centre the Crop"), NULL);
  g_signal_connect_object (reset, "clicked", G_CALLBACK (on_reset_clicked_cb), self, G_CONNECT_SWAPPED);
  page = make_page (GTK_WIDGET (self->crop_editor),
                    make_hint (_("Drag the crop, or move it with the arrow keys. Each platform keeps its own crop; the dimmed part is not uploaded.")),
                    reset, NULL);
  stack_page = adw_view_stack_add_titled (self->stack, page, "crop", _("Crop"));
  adw_view_stack_page_set_icon_name (stack_page, "edit-cut-symbolic");

  side = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  label = gtk_label_new (_("Rendition"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (side), label);
  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    gtk_string_list_append (names, _(targets[i].name));
  self->target_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->target_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Platform"), -1);
  g_signal_connect_object (self->target_dropdown, "notify::selected", G_CALLBACK (on_target_notify_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (side), GTK_WIDGET (self->target_dropdown));
  self->preview = GTK_PICTURE (gtk_picture_new ());
  gtk_picture_set_can_shrink (self->preview, TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->preview), TRUE);
  gtk_picture_set_alternative_text (self->preview, _("The photo as the platform gets it"));
  /* A scrolled window that never scrolls: the rendition's own size must
   * not widen the side bar. */
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_NEVER);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->preview));
  gtk_widget_set_size_request (scroller, 300, 200);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (side), scroller);
  self->preview_label = GTK_LABEL (make_hint (_("Preparing the rendition…")));
  gtk_box_append (GTK_BOX (side), GTK_WIDGET (self->preview_label));

  /* The rendition beside the photo; in a window too narrow for both
   * (GNOME's smallest is 360 pixels), over it. The header's toggle shows
   * and hides it either way (the flap hides it as it folds). */
  gtk_widget_set_margin_top (side, 12);
  gtk_widget_set_margin_bottom (side, 12);
  gtk_widget_set_margin_start (side, 12);
  gtk_widget_set_margin_end (side, 12);
  gtk_widget_add_css_class (side, "background");
  gtk_widget_set_margin_top (GTK_WIDGET (self->stack), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->stack), 12);
  gtk_widget_set_margin_start (GTK_WIDGET (self->stack), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->stack), 12);
  gtk_widget_set_hexpand (GTK_WIDGET (self->stack), TRUE);
  flap = adw_flap_new ();
  self->flap = ADW_FLAP (flap);
  adw_flap_set_flap_position (self->flap, GTK_PACK_END);
  adw_flap_set_content (self->flap, GTK_WIDGET (self->stack));
  adw_flap_set_flap (self->flap, side);
  gtk_widget_set_vexpand (flap, TRUE);
  gtk_box_append (GTK_BOX (content), flap);
  /* Where the header has room only for the title, the pages' switcher is
   * at the bottom. */
  switcher_bar = adw_view_switcher_bar_new ();
  adw_view_switcher_bar_set_stack (ADW_VIEW_SWITCHER_BAR (switcher_bar), self->stack);
  g_object_bind_property (title, "title-visible", switcher_bar, "reveal", G_BINDING_SYNC_CREATE);
  gtk_box_append (GTK_BOX (content), switcher_bar);
  adw_window_set_content (ADW_WINDOW (self), content);

  toggle = gtk_toggle_button_new ();
  gtk_widget_set_name (toggle, "rendition-toggle");
  gtk_button_set_icon_name (GTK_BUTTON (toggle), "view-dual-symbolic");
  gtk_widget_set_tooltip_text (toggle, _("Show the Rendition"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Show the Rendition"), -1);
  g_object_bind_property (flap, "reveal-flap", toggle, "active",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), toggle);

  gtk_widget_set_sensitive (page, editable);
  gtk_widget_set_sensitive (gtk_widget_get_parent (GTK_WIDGET (self->blur_editor)), editable);

  file = g_file_new_for_path (warta_media_item_get_path (item));
  self->busy++;
  warta_thumbnailer_load_async (self->thumbnailer, file, warta_media_item_get_sha256 (item), EDIT_SIZE,
                                self->cancellable, photo_loaded_cb, g_object_ref (self));
  warta_photo_editor_set_target (self->crop_editor, selected_target (self));
  schedule_render (self);

  return self;
}

WartaPhotoEditor *
warta_photo_dialog_get_blur_editor (WartaPhotoDialog *self)
{
  g_return_val_if_fail (WARTA_IS_PHOTO_DIALOG (self), NULL);

  return self->blur_editor;
}

WartaPhotoEditor *
warta_photo_dialog_get_crop_editor (WartaPhotoDialog *self)
{
  g_return_val_if_fail (WARTA_IS_PHOTO_DIALOG (self), NULL);

  return self->crop_editor;
}

void
warta_photo_dialog_show_page (WartaPhotoDialog *self,
                              const char       *name)
{
  g_return_if_fail (WARTA_IS_PHOTO_DIALOG (self));

  adw_view_stack_set_visible_child_name (self->stack, name);
}

gboolean
warta_photo_dialog_get_busy (WartaPhotoDialog *self)
{
  g_return_val_if_fail (WARTA_IS_PHOTO_DIALOG (self), FALSE);

  return self->busy > 0 || self->render_source != 0;
}
