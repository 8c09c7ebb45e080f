/* warta-photo-editor.c: blur regions and a platform's crop, drawn on a photo
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything is kept in fractions of the upright photo, the form
 * WartaMediaItem stores and WartaRendition renders, so what is drawn here
 * at screen size is what the rendition blurs or crops at full size. A drag
 * draws a new blur region or moves the one under the pointer; in crop mode
 * it moves the crop. The keyboard does the same: Insert adds a region in
 * the middle, the arrow keys move the selected region (or the crop), Shift
 * and the arrow keys size it, Delete removes it, Page Up and Page Down
 * choose another region.
 */
#define G_LOG_DOMAIN "warta-photo-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "warta-photo-editor.h"

/* A step of the arrow keys, and of Shift with them. */
#define KEY_STEP   0.02
/* Smaller than this is a click, not a region. */
#define MIN_REGION 0.01

struct _WartaPhotoEditor
{
  GtkDrawingArea        parent_instance;

  WartaPhotoEditorMode  mode;
  WartaMediaItem       *item;
  GdkPixbuf            *pixbuf;
  WartaRenditionTarget  target;
  int                   selected;      /* blur region, -1 none */

  /* The drag in progress */
  gboolean              creating;
  double                start_fx;
  double                start_fy;
  WartaBlurRegion       start_region;
  double                start_cx;
  double                start_cy;
};

G_DEFINE_FINAL_TYPE (WartaPhotoEditor, warta_photo_editor, GTK_TYPE_DRAWING_AREA)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Where the photo is drawn: fitted into the widget, centred. */
static gboolean
image_rect (WartaPhotoEditor *self,
            double           *x,
            double           *y,
            double           *w,
            double           *h)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double pw, ph, scale;

  if (self->pixbuf == NULL || width <= 0 || height <= 0)
    return FALSE;

  pw = gdk_pixbuf_get_width (self->pixbuf);
  ph = gdk_pixbuf_get_height (self->pixbuf);
  scale = MIN (width / pw, height / ph);
  *w = pw * scale;
  *h = ph * scale;
  *x = (width - *w) / 2;
  *y = (height - *h) / 2;

  return TRUE;
}

static void
update_accessible (WartaPhotoEditor *self)
{
  g_autofree char *description = NULL;

  if (self->mode == WARTA_PHOTO_EDITOR_BLUR)
    {
      guint n = warta_media_item_get_n_blur_regions (self->item);

      description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "%u region blurred. Insert adds one in the middle; the arrow keys move the selected region, Shift and the arrow keys size it, Delete removes it, Page Up and Page Down choose another.",
                                                  "%u regions blurred. Insert adds one in the middle; the arrow keys move the selected region, Shift and the arrow keys size it, Delete removes it, Page Up and Page Down choose another.",
                                                  n), n);
    }
  else
    description = g_strdup (_("The arrow keys move the crop."));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
changed (WartaPhotoEditor *self)
{
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[CHANGED], 0);
}

void
warta_photo_editor_get_crop (WartaPhotoEditor *self,
                             WartaBlurRegion  *crop)
{
  g_autoptr(WartaRendition) rendition = NULL;
  WartaRect r;
  double cx, cy;
  int w, h;

  g_return_if_fail (WARTA_IS_PHOTO_EDITOR (self));

  /* The rendition's own geometry, on the photo's proportions. */
  if (self->pixbuf != NULL)
    {
      w = gdk_pixbuf_get_width (self->pixbuf);
      h = gdk_pixbuf_get_height (self->pixbuf);
    }
  else
    {
      w = MAX (1, warta_media_item_get_width (self->item));
      h = MAX (1, warta_media_item_get_height (self->item));
    }

  rendition = warta_rendition_new (self->target);
  warta_media_item_get_crop_center (self->item, warta_rendition_target_get_limits (self->target)->id,
                                    &cx, &cy);
  warta_rendition_set_crop_center (rendition, cx, cy);
  warta_rendition_compute (rendition, w, h, &r, NULL, NULL);

  crop->x = (double)r.x / w;
  crop->y = (double)r.y / h;
  crop->width = (double)r.width / w;
  crop->height = (double)r.height / h;
}

static void
draw_cb (GtkDrawingArea *area,
         cairo_t        *cr,
         int             width,
         int             height,
         gpointer        user_data)
{
  WartaPhotoEditor *self = WARTA_PHOTO_EDITOR (area);
  double x, y, w, h;

  if (!image_rect (self, &x, &y, &w, &h))
    return;

  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, w / gdk_pixbuf_get_width (self->pixbuf), h / gdk_pixbuf_get_height (self->pixbuf));
  gdk_cairo_set_source_pixbuf (cr, self->pixbuf, 0, 0);
  cairo_paint (cr);
  cairo_restore (cr);

  if (self->mode == WARTA_PHOTO_EDITOR_BLUR)
    {
      for (guint i = 0; i < warta_media_item_get_n_blur_regions (self->item); i++)
        {
          const WartaBlurRegion *r = warta_media_item_get_blur_region (self->item, i);
          double rx = x + r->x * w, ry = y + r->y * h, rw = r->width * w, rh = r->height * h;
          gboolean selected = (int)i == self->selected;

          cairo_rectangle (cr, rx, ry, rw, rh);
          cairo_set_source_rgba (cr, 0.1, 0.1, 0.1, 0.55);
          cairo_fill_preserve (cr);
          cairo_set_line_width (cr, selected ? 3 : 1.5);
          if (selected)
            cairo_set_source_rgb (cr, 0.21, 0.52, 0.89);
          else
            cairo_set_source_rgb (cr, 1, 1, 1);
          cairo_stroke (cr);

          if (selected)
            {
              /* The corner Shift and the arrow keys move. */
              cairo_rectangle (cr, rx + rw - 5, ry + rh - 5, 10, 10);
              cairo_fill (cr);
            }
        }
    }
  else
    {
      WartaBlurRegion c;
      double cx, cy, cw, ch;

      warta_photo_editor_get_crop (self, &c);
      cx = x + c.x * w;
      cy = y + c.y * h;
      cw = c.width * w;
      ch = c.height * h;

      /* What the platform does not get is dimmed. */
      cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
      cairo_rectangle (cr, x, y, w, h);
      cairo_rectangle (cr, cx, cy, cw, ch);
      cairo_set_source_rgba (cr, 0, 0, 0, 0.6);
      cairo_fill (cr);

      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_set_line_width (cr, 2);
      cairo_rectangle (cr, cx, cy, cw, ch);
      cairo_stroke (cr);

      /* Thirds, to place faces and horizons. */
      cairo_set_line_width (cr, 1);
      cairo_set_source_rgba (cr, 1, 1, 1, 0.5);
      for (int i = 1; i < 3; i++)
        {
          cairo_move_to (cr, cx + cw * i / 3, cy);
          cairo_line_to (cr, cx + cw * i / 3, cy + ch);
          cairo_move_to (cr, cx, cy + ch * i / 3);
          cairo_line_to (cr, cx + cw, cy + ch * i / 3);
        }
      cairo_stroke (cr);
    }

  if (gtk_widget_has_visible_focus (GTK_WIDGET (self)))
    {
      cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, 0.8);
      cairo_set_line_width (cr, 2);
      cairo_rectangle (cr, 1, 1, width - 2, height - 2);
      cairo_stroke (cr);
    }
}

static int
region_at (WartaPhotoEditor *self,
           double            fx,
           double            fy)
{
  /* The topmost, the one drawn last. */
  for (guint i = warta_media_item_get_n_blur_regions (self->item); i > 0; i--)
    {
      const WartaBlurRegion *r = warta_media_item_get_blur_region (self->item, i - 1);

      if (fx >= r->x && fx <= r->x + r->width && fy >= r->y && fy <= r->y + r->height)
        return (int)i - 1;
    }

  return -1;
}

static gboolean
editable (WartaPhotoEditor *self)
{
  return !warta_media_item_is_sealed (self->item) && gtk_widget_is_sensitive (GTK_WIDGET (self));
}

static void
on_drag_begin_cb (GtkGestureDrag   *gesture,
                  double            px,
                  double            py,
                  WartaPhotoEditor *self)
{
  double x, y, w, h;

  if (!editable (self) || !image_rect (self, &x, &y, &w, &h))
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  gtk_widget_grab_focus (GTK_WIDGET (self));
  self->start_fx = CLAMP ((px - x) / w, 0, 1);
  self->start_fy = CLAMP ((py - y) / h, 0, 1);
  self->creating = FALSE;

  if (self->mode == WARTA_PHOTO_EDITOR_CROP)
    {
      WartaBlurRegion c;

      warta_photo_editor_get_crop (self, &c);
      self->start_cx = c.x + c.width / 2;
      self->start_cy = c.y + c.height / 2;
      return;
    }

  self->selected = region_at (self, self->start_fx, self->start_fy);
  if (self->selected >= 0)
    self->start_region = *warta_media_item_get_blur_region (self->item, self->selected);
  else
    {
      WartaBlurRegion r = { self->start_fx, self->start_fy, 0, 0 };

      self->selected = (int)warta_media_item_add_blur_region (self->item, &r);
      self->creating = TRUE;
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* A crop centre that keeps the crop inside the photo, so a move in the
 * other direction takes effect at once. */
static void
set_crop_center (WartaPhotoEditor *self,
                 double            cx,
                 double            cy)
{
  WartaBlurRegion c;

  warta_photo_editor_get_crop (self, &c);
  cx = CLAMP (cx, c.width / 2, 1 - c.width / 2);
  cy = CLAMP (cy, c.height / 2, 1 - c.height / 2);
  warta_media_item_set_crop_center (self->item, warta_rendition_target_get_limits (self->target)->id,
                                    cx, cy);
}

static void
on_drag_update_cb (GtkGestureDrag   *gesture,
                   double            ox,
                   double            oy,
                   WartaPhotoEditor *self)
{
  double x, y, w, h, dx, dy;

  if (!image_rect (self, &x, &y, &w, &h))
    return;
  dx = ox / w;
  dy = oy / h;

  if (self->mode == WARTA_PHOTO_EDITOR_CROP)
    {
      set_crop_center (self, self->start_cx + dx, self->start_cy + dy);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }

  if (self->selected < 0)
    return;

  if (self->creating)
    {
      double x1 = CLAMP (self->start_fx + dx, 0, 1), y1 = CLAMP (self->start_fy + dy, 0, 1);
      WartaBlurRegion r = {
        MIN (self->start_fx, x1), MIN (self->start_fy, y1),
        ABS (x1 - self->start_fx), ABS (y1 - self->start_fy),
      };

      warta_media_item_set_blur_region (self->item, self->selected, &r);
    }
  else
    {
      WartaBlurRegion r = self->start_region;

      r.x = CLAMP (r.x + dx, 0, 1 - r.width);
      r.y = CLAMP (r.y + dy, 0, 1 - r.height);
      warta_media_item_set_blur_region (self->item, self->selected, &r);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_drag_end_cb (GtkGestureDrag   *gesture,
                double            ox,
                double            oy,
                WartaPhotoEditor *self)
{
  if (self->mode == WARTA_PHOTO_EDITOR_BLUR && self->creating && self->selected >= 0)
    {
      const WartaBlurRegion *r = warta_media_item_get_blur_region (self->item, self->selected);

      if (r->width < MIN_REGION || r->height < MIN_REGION)
        {
          /* A click on the photo: nothing drawn, nothing selected. */
          warta_media_item_remove_blur_region (self->item, self->selected);
          self->selected = -1;
          self->creating = FALSE;
          gtk_widget_queue_draw (GTK_WIDGET (self));
          return;
        }
    }

  self->creating = FALSE;
  changed (self);
}

void
warta_photo_editor_move_by (WartaPhotoEditor *self,
                            double            dx,
                            double            dy)
{
  g_return_if_fail (WARTA_IS_PHOTO_EDITOR (self));

  if (!editable (self))
    return;

  if (self->mode == WARTA_PHOTO_EDITOR_CROP)
    {
      WartaBlurRegion c;

      warta_photo_editor_get_crop (self, &c);
      set_crop_center (self, c.x + c.width / 2 + dx, c.y + c.height / 2 + dy);
    }
  else if (self->selected >= 0)
    {
      WartaBlurRegion r = *warta_media_item_get_blur_region (self->item, self->selected);

      r.x = CLAMP (r.x + dx, 0, 1 - r.width);
      r.y = CLAMP (r.y + dy, 0, 1 - r.height);
      warta_media_item_set_blur_region (self->item, self->selected, &r);
    }
  else
    return;

  changed (self);
}

void
warta_photo_editor_resize_by (WartaPhotoEditor *self,
                              double            dw,
                              double            dh)
{
  WartaBlurRegion r;

  g_return_if_fail (WARTA_IS_PHOTO_EDITOR (self));

  if (!editable (self) || self->mode != WARTA_PHOTO_EDITOR_BLUR || self->selected < 0)
    return;

  r = *warta_media_item_get_blur_region (self->item, self->selected);
  r.width = CLAMP (r.width + dw, MIN_REGION, 1 - r.x);
  r.height = CLAMP (r.height + dh, MIN_REGION, 1 - r.y);
  warta_media_item_set_blur_region (self->item, self->selected, &r);
  changed (self);
}

void
warta_photo_editor_add_region (WartaPhotoEditor *self)
{
  g_return_if_fail (WARTA_IS_PHOTO_EDITOR (self));

  if (!editable (self) || self->mode != WARTA_PHOTO_EDITOR_BLUR)
    return;

  self->selected = (int)warta_media_item_add_blur_region (self->item,
                                                          &(WartaBlurRegion) { 0.4, 0.4, 0.2, 0.2 });
  changed (self);
}

void
warta_photo_editor_remove_selected (WartaPhotoEditor *self)
{
  guint n;

  g_return_if_fail (WARTA_IS_PHOTO_EDITOR (self));

  if (!editable (self) || self->mode != WARTA_PHOTO_EDITOR_BLUR || self->selected < 0)
    return;

  warta_media_item_remove_blur_region (self->item, self->selected);
  n = warta_media_item_get_n_blur_regions (self->item);
  self->selected = n > 0 ? MIN (self->selected, (int)n - 1) : -1;
  changed (self);
}

int
warta_photo_editor_get_selected (WartaPhotoEditor *self)
{
  g_return_val_if_fail (WARTA_IS_PHOTO_EDITOR (self), -1);

  return self->selected;
}

void
warta_photo_editor_select (WartaPhotoEditor *self,
                           int               index)
{
  g_return_if_fail (WARTA_IS_PHOTO_EDITOR (self));

  if (index >= (int)warta_media_item_get_n_blur_regions (self->item))
    index = -1;
  self->selected = index;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   WartaPhotoEditor      *self)
{
  gboolean shift = (state & GDK_SHIFT_MASK) != 0;
  double dx = 0, dy = 0;
  guint n = warta_media_item_get_n_blur_regions (self->item);

  switch (keyval)
    {
    case GDK_KEY_Left:  case GDK_KEY_KP_Left:  dx = -KEY_STEP; break;
    case GDK_KEY_Right: case GDK_KEY_KP_Right: dx = KEY_STEP;  break;
    case GDK_KEY_Up:    case GDK_KEY_KP_Up:    dy = -KEY_STEP; break;
    case GDK_KEY_Down:  case GDK_KEY_KP_Down:  dy = KEY_STEP;  break;

    case GDK_KEY_Insert: case GDK_KEY_KP_Insert: case GDK_KEY_plus: case GDK_KEY_KP_Add:
      warta_photo_editor_add_region (self);
      return self->mode == WARTA_PHOTO_EDITOR_BLUR;

    case GDK_KEY_Delete: case GDK_KEY_KP_Delete: case GDK_KEY_BackSpace:
      warta_photo_editor_remove_selected (self);
      return self->mode == WARTA_PHOTO_EDITOR_BLUR;

    case GDK_KEY_Page_Down:
      if (n > 0)
        warta_photo_editor_select (self, (self->selected + 1) % (int)n);
      return n > 0;

    case GDK_KEY_Page_Up:
      if (n > 0)
        warta_photo_editor_select (self, (self->selected + (int)n - 1) % (int)n);
      return n > 0;

    default:
      return FALSE;
    }

  if (shift)
    warta_photo_editor_resize_by (self, dx, dy);
  else
    warta_photo_editor_move_by (self, dx, dy);

  return TRUE;
}

static void
warta_photo_editor_dispose (GObject *object)
{
  WartaPhotoEditor *self = WARTA_PHOTO_EDITOR (object);

  g_clear_object (&self->item);
  g_clear_object (&self->pixbuf);

  G_OBJECT_CLASS (warta_photo_editor_parent_class)->dispose (object);
}

static void
warta_photo_editor_class_init (WartaPhotoEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = warta_photo_editor_dispose;

  /**
   * WartaPhotoEditor::changed:
   *
   * The regions or the crop of the item changed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "photo-editor");
}

static void
warta_photo_editor_init (WartaPhotoEditor *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->selected = -1;
  self->target = WARTA_RENDITION_TARGET_INSTAGRAM;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_size_request (GTK_WIDGET (self), 320, 240);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self), draw_cb, NULL, NULL);

  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

/**
 * warta_photo_editor_new:
 * @mode: blur regions or a platform's crop
 * @item: the photo; its regions and crop centres are changed in place
 *
 * Returns: (transfer floating): the editor
 */
GtkWidget *
warta_photo_editor_new (WartaPhotoEditorMode  mode,
                        WartaMediaItem       *item)
{
  WartaPhotoEditor *self;

  g_return_val_if_fail (WARTA_IS_MEDIA_ITEM (item), NULL);

  self = g_object_new (WARTA_TYPE_PHOTO_EDITOR, NULL);
  self->mode = mode;
  self->item = g_object_ref (item);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  mode == WARTA_PHOTO_EDITOR_BLUR ? _("Regions to Blur")
                                                                  : _("Crop for the Platform"),
                                  -1);
  update_accessible (self);

  return GTK_WIDGET (self);
}

void
warta_photo_editor_set_pixbuf (WartaPhotoEditor *self,
                               GdkPixbuf        *pixbuf)
{
  g_return_if_fail (WARTA_IS_PHOTO_EDITOR (self));

  if (g_set_object (&self->pixbuf, pixbuf))
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
warta_photo_editor_set_target (WartaPhotoEditor     *self,
                               WartaRenditionTarget  target)
{
  g_return_if_fail (WARTA_IS_PHOTO_EDITOR (self));
  g_return_if_fail (target < WARTA_N_RENDITION_TARGETS);

  self->target = target;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

WartaRenditionTarget
warta_photo_editor_get_target (WartaPhotoEditor *self)
{
  g_return_val_if_fail (WARTA_IS_PHOTO_EDITOR (self), 0);

  return self->target;
}
