/* warta-wrap-box.c: a row of controls that wraps onto more lines
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Filter bars and rows of buttons made a GtkBox as wide as all of its
 * children together, and the window could not be narrower than the widest
 * such row. A wrap box needs only its widest child: the children keep
 * their order and their natural widths, and those that do not fit go to
 * the next line, where hexpand children share what is left of theirs.
 * Put at the end (or centre) of its parent, each line goes there too.
 * GtkFlowBox would wrap too, but puts every child in a focusable,
 * selectable GtkFlowBoxChild; AdwWrapBox needs libadwaita 1.7.
 */
#define G_LOG_DOMAIN "warta-wrap-box"

#include "config.h"

#include "warta-wrap-box.h"

struct _WartaWrapBox
{
  GtkWidget parent_instance;

  int       spacing;
};

enum {
  PROP_0,
  PROP_SPACING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (WartaWrapBox, warta_wrap_box, GTK_TYPE_WIDGET)

typedef struct
{
  GtkWidget *widget;
  int        width;
  int        height;
  int        line;
} Placement;

/* Gives @free_space to the children of the line from @start that expand. */
static void
expand_line (GArray *placed,
             guint   start,
             int     free_space)
{
  guint n_expand = 0;

  for (guint i = start; i < placed->len; i++)
    n_expand += gtk_widget_compute_expand (g_array_index (placed, Placement, i).widget,
                                           GTK_ORIENTATION_HORIZONTAL);
  for (guint i = start; i < placed->len && n_expand > 0; i++)
    if (gtk_widget_compute_expand (g_array_index (placed, Placement, i).widget,
                                   GTK_ORIENTATION_HORIZONTAL))
      g_array_index (placed, Placement, i).width += free_space / (int)n_expand;
}

/* Places the visible children of @self in lines of @width (or their
 * natural widths on one line for -1); returns the number of children
 * placed in the array @placed, and the height of the lines in @height. */
static guint
place_children (WartaWrapBox *self,
                int           width,
                GArray       *placed,
                int          *height)
{
  int x = 0;
  int line = 0;
  int line_height = 0;
  guint line_start = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      Placement p = { child, 0, 0, 0 };
      int min, nat;

      if (!gtk_widget_should_layout (child))
        continue;

      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
      p.width = width < 0 ? nat : CLAMP (nat, min, MAX (width, min));

      if (width >= 0 && placed->len > line_start && x + self->spacing + p.width > width)
        {
          expand_line (placed, line_start, width - x);
          line++;
          line_start = placed->len;
          x = 0;
        }

      p.line = line;
      x += (placed->len > line_start ? self->spacing : 0) + p.width;
      g_array_append_val (placed, p);
    }

  /* The last line expands too, then each line is as tall as its tallest
   * child at the width it gets. */
  if (width >= 0)
    expand_line (placed, line_start, width - x);

  *height = 0;
  for (guint i = 0; i < placed->len; i++)
    {
      Placement *p = &g_array_index (placed, Placement, i);

      gtk_widget_measure (p->widget, GTK_ORIENTATION_VERTICAL, p->width, &p->height, NULL,
                          NULL, NULL);
      if (i > 0 && p->line != g_array_index (placed, Placement, i - 1).line)
        {
          *height += line_height + self->spacing;
          line_height = 0;
        }
      line_height = MAX (line_height, p->height);
    }
  *height += line_height;

  return placed->len;
}

static GtkSizeRequestMode
warta_wrap_box_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
warta_wrap_box_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  WartaWrapBox *self = WARTA_WRAP_BOX (widget);

  *minimum = *natural = 0;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      guint n = 0;

      /* At least the widest child; at best all of them on one line. */
      for (GtkWidget *child = gtk_widget_get_first_child (widget);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          int min, nat;

          if (!gtk_widget_should_layout (child))
            continue;
          gtk_widget_measure (child, orientation, -1, &min, &nat, NULL, NULL);
          *minimum = MAX (*minimum, min);
          *natural += (n++ > 0 ? self->spacing : 0) + nat;
        }
    }
  else
    {
      g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (Placement));
      int width = for_size;
      int height;

      /* Without a width, as tall as it is at its narrowest. */
      if (width < 0)
        gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &width, NULL, NULL, NULL);
      place_children (self, width, placed, &height);
      *minimum = *natural = height;
    }
}

static void
warta_wrap_box_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  WartaWrapBox *self = WARTA_WRAP_BOX (widget);
  g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (Placement));
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int lines_height;
  int y = 0;

  place_children (self, width, placed, &lines_height);

  for (guint start = 0, end; start < placed->len; start = end)
    {
      int line_height = 0;
      int x = 0;

      for (end = start;
           end < placed->len && g_array_index (placed, Placement, end).line ==
                                g_array_index (placed, Placement, start).line;
           end++)
        {
          line_height = MAX (line_height, g_array_index (placed, Placement, end).height);
          x += (end > start ? self->spacing : 0) + g_array_index (placed, Placement, end).width;
        }
      /* A box put at the end (a row's buttons, at its right) is narrower
       * than its one line in a narrow window: each of its lines goes to
       * the end too, as the one line does in a wide one. */
      x = gtk_widget_get_halign (widget) == GTK_ALIGN_END ? MAX (width - x, 0)
          : gtk_widget_get_halign (widget) == GTK_ALIGN_CENTER ? MAX (width - x, 0) / 2
          : 0;

      for (guint i = start; i < end; i++)
        {
          Placement *p = &g_array_index (placed, Placement, i);
          GtkAllocation allocation = { rtl ? width - x - p->width : x, y, p->width, line_height };

          gtk_widget_size_allocate (p->widget, &allocation, -1);
          x += p->width + self->spacing;
        }
      y += line_height + self->spacing;
    }
}

static void
warta_wrap_box_compute_expand (GtkWidget *widget,
                               gboolean  *hexpand,
                               gboolean  *vexpand)
{
  *hexpand = *vexpand = FALSE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      *hexpand = *hexpand || gtk_widget_compute_expand (child, GTK_ORIENTATION_HORIZONTAL);
      *vexpand = *vexpand || gtk_widget_compute_expand (child, GTK_ORIENTATION_VERTICAL);
    }
}

static void
warta_wrap_box_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (warta_wrap_box_parent_class)->dispose (object);
}

static void
warta_wrap_box_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  WartaWrapBox *self = WARTA_WRAP_BOX (object);

  switch (prop_id)
    {
    case PROP_SPACING:
      g_value_set_int (value, self->spacing);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
warta_wrap_box_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  WartaWrapBox *self = WARTA_WRAP_BOX (object);

  switch (prop_id)
    {
    case PROP_SPACING:
      warta_wrap_box_set_spacing (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
warta_wrap_box_class_init (WartaWrapBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = warta_wrap_box_dispose;
  object_class->get_property = warta_wrap_box_get_property;
  object_class->set_property = warta_wrap_box_set_property;

  widget_class->get_request_mode = warta_wrap_box_get_request_mode;
  widget_class->measure = warta_wrap_box_measure;
  widget_class->size_allocate = warta_wrap_box_size_allocate;
  widget_class->compute_expand = warta_wrap_box_compute_expand;

  /**
   * WartaWrapBox:spacing:
   *
   * The space between children on a line, and between lines.
   */
  properties[PROP_SPACING] =
    g_param_spec_int ("spacing", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
warta_wrap_box_init (WartaWrapBox *self)
{
}

GtkWidget *
warta_wrap_box_new (int spacing)
{
  return g_object_new (WARTA_TYPE_WRAP_BOX, "spacing", spacing, NULL);
}

int
warta_wrap_box_get_spacing (WartaWrapBox *self)
{
  g_return_val_if_fail (WARTA_IS_WRAP_BOX (self), 0);

  return self->spacing;
}

void
warta_wrap_box_set_spacing (WartaWrapBox *self,
                            int           spacing)
{
  g_return_if_fail (WARTA_IS_WRAP_BOX (self));

  if (self->spacing == spacing)
    return;

  self->spacing = spacing;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPACING]);
}
