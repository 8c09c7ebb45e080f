/* warta-caption-editor.c: one target's caption with its live counter
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The counter counts the text the target will receive (the caption and the
 * hashtags, warta_post_text_compose()) with the platform's own counting
 * (warta-caption-rules). Past a hard limit the counter is styled "error"
 * and #WartaCaptionEditor:blocking is set: the window blocks submitting.
 * Near the limit, or with a soft rule broken, it is styled "warning".
 */
#define G_LOG_DOMAIN "warta-caption-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "warta-caption-editor.h"
#include "warta-post-text.h"

/* The counter turns "warning" from this share of the limit on. */
#define NEAR_LIMIT 0.9

struct _WartaCaptionEditor
{
  GtkWidget           parent_instance;

  /* Template widgets */
  GtkLabel           *title_label;
  GtkLabel           *counter_label;
  GtkLabel           *problems_label;
  GtkTextView        *text_view;

  WartaCaptionTarget  target;
  char               *hashtags;
  WartaCaptionResult *result;
  guint               blocking : 1;
};

G_DEFINE_FINAL_TYPE (WartaCaptionEditor, warta_caption_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TARGET,
  PROP_BLOCKING,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
update_counter (WartaCaptionEditor *self)
{
  g_autofree char *text = warta_caption_editor_dup_post_text (self);
  g_autoptr(GString) problems = g_string_new (NULL);
  g_autofree char *counter = NULL;
  gboolean blocking = FALSE;
  gboolean warning = FALSE;

  g_clear_pointer (&self->result, warta_caption_result_unref);

  if (*text == '\0')
    {
      counter = g_strdup (_("Not posted"));
    }
  else
    {
      gint64 count, limit;

      self->result = warta_caption_check (self->target, text);
      count = warta_caption_result_get_count (self->result);
      limit = warta_caption_result_get_limit (self->result);
      blocking = warta_caption_result_is_blocking (self->result);

      if (limit > 0)
        {
          g_autofree char *count_str = g_strdup_printf ("%" G_GINT64_FORMAT, count);
          g_autofree char *limit_str = g_strdup_printf ("%" G_GINT64_FORMAT, limit);

          /* Translators: a caption's length against the platform's limit, "12 / 280" */
          counter = g_strdup_printf (_("%s / %s"), count_str, limit_str);
          warning = count >= limit * NEAR_LIMIT;
        }
      else
        counter = g_strdup_printf ("%" G_GINT64_FORMAT, count);

      for (guint i = 0; i < warta_caption_result_get_n_problems (self->result); i++)
        {
          const WartaCaptionProblem *problem = warta_caption_result_get_problem (self->result, i);

          if (problems->len > 0)
            g_string_append_c (problems, '\n');
          g_string_append_printf (problems, "• %s", problem->message);
          warning = TRUE;
        }
    }

  gtk_label_set_label (self->counter_label, counter);
  gtk_widget_remove_css_class (GTK_WIDGET (self->counter_label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->counter_label), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->counter_label), "dim-label");
  gtk_widget_remove_css_class (GTK_WIDGET (self->problems_label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->problems_label), "warning");
  if (blocking)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->counter_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->problems_label), "error");
    }
  else if (warning)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->counter_label), "warning");
      gtk_widget_add_css_class (GTK_WIDGET (self->problems_label), "warning");
    }
  else if (self->result == NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->counter_label), "dim-label");

  gtk_label_set_label (self->problems_label, problems->str);
  gtk_widget_set_visible (GTK_WIDGET (self->problems_label), problems->len > 0);

  /* A screen reader hears the count with the field. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, counter,
                                  -1);

  if (self->blocking != blocking)
    {
      self->blocking = blocking;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BLOCKING]);
    }
}

static void
on_buffer_changed_cb (WartaCaptionEditor *self)
{
  update_counter (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
warta_caption_editor_constructed (GObject *object)
{
  WartaCaptionEditor *self = WARTA_CAPTION_EDITOR (object);
  const char *name = warta_caption_target_get_name (self->target);

  G_OBJECT_CLASS (warta_caption_editor_parent_class)->constructed (object);

  /* The title is the text view's mnemonic label, which names it: an
   * explicit name as well is read twice by GTK 4.8. */
  gtk_label_set_label (self->title_label, name);
  gtk_widget_set_name (GTK_WIDGET (self), warta_caption_target_to_string (self->target));
  update_counter (self);
}

static void
warta_caption_editor_dispose (GObject *object)
{
  WartaCaptionEditor *self = WARTA_CAPTION_EDITOR (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), WARTA_TYPE_CAPTION_EDITOR);
  /* The template's unnamed box is a plain child of this widget. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_pointer (&self->result, warta_caption_result_unref);
  g_clear_pointer (&self->hashtags, g_free);

  G_OBJECT_CLASS (warta_caption_editor_parent_class)->dispose (object);
}

static void
warta_caption_editor_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  WartaCaptionEditor *self = WARTA_CAPTION_EDITOR (object);

  switch (prop_id)
    {
    case PROP_TARGET:
      g_value_set_int (value, self->target);
      break;

    case PROP_BLOCKING:
      g_value_set_boolean (value, self->blocking);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
warta_caption_editor_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  WartaCaptionEditor *self = WARTA_CAPTION_EDITOR (object);

  switch (prop_id)
    {
    case PROP_TARGET:
      self->target = g_value_get_int (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
warta_caption_editor_class_init (WartaCaptionEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = warta_caption_editor_constructed;
  object_class->dispose = warta_caption_editor_dispose;
  object_class->get_property = warta_caption_editor_get_property;
  object_class->set_property = warta_caption_editor_set_property;

  properties[PROP_TARGET] =
    g_param_spec_int ("target", NULL, NULL, 0, WARTA_N_CAPTION_TARGETS - 1, 0,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * WartaCaptionEditor:blocking:
   *
   * Whether the text breaks a hard rule of the target: it cannot be submitted.
   */
  properties[PROP_BLOCKING] =
    g_param_spec_boolean ("blocking", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * WartaCaptionEditor::changed:
   *
   * The caption's text changed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/warta-caption-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, WartaCaptionEditor, counter_label);
  gtk_widget_class_bind_template_child (widget_class, WartaCaptionEditor, problems_label);
  gtk_widget_class_bind_template_child (widget_class, WartaCaptionEditor, text_view);
  gtk_widget_class_bind_template_child (widget_class, WartaCaptionEditor, title_label);
}

static void
warta_caption_editor_init (WartaCaptionEditor *self)
{
  GtkTextBuffer *buffer;

  gtk_widget_init_template (GTK_WIDGET (self));

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_set_enable_undo (buffer, TRUE);
  g_signal_connect_object (buffer, "changed",
                           G_CALLBACK (on_buffer_changed_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
warta_caption_editor_new (WartaCaptionTarget target)
{
  g_return_val_if_fail (target < WARTA_N_CAPTION_TARGETS, NULL);

  return g_object_new (WARTA_TYPE_CAPTION_EDITOR, "target", target, NULL);
}

WartaCaptionTarget
warta_caption_editor_get_target (WartaCaptionEditor *self)
{
  g_return_val_if_fail (WARTA_IS_CAPTION_EDITOR (self), 0);

  return self->target;
}

GtkTextBuffer *
warta_caption_editor_get_buffer (WartaCaptionEditor *self)
{
  g_return_val_if_fail (WARTA_IS_CAPTION_EDITOR (self), NULL);

  return gtk_text_view_get_buffer (self->text_view);
}

char *
warta_caption_editor_dup_text (WartaCaptionEditor *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (WARTA_IS_CAPTION_EDITOR (self), NULL);

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

void
warta_caption_editor_set_text (WartaCaptionEditor *self,
                               const char         *text)
{
  g_autofree char *current = NULL;

  g_return_if_fail (WARTA_IS_CAPTION_EDITOR (self));

  current = warta_caption_editor_dup_text (self);
  if (g_strcmp0 (current, text ? text : "") != 0)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), text ? text : "", -1);
}

void
warta_caption_editor_set_hashtags (WartaCaptionEditor *self,
                                   const char         *hashtags)
{
  g_return_if_fail (WARTA_IS_CAPTION_EDITOR (self));

  if (g_strcmp0 (self->hashtags, hashtags) == 0)
    return;

  g_free (self->hashtags);
  self->hashtags = g_strdup (hashtags);
  update_counter (self);
}

/* The text the target receives: caption and hashtags. */
char *
warta_caption_editor_dup_post_text (WartaCaptionEditor *self)
{
  g_autofree char *caption = NULL;

  g_return_val_if_fail (WARTA_IS_CAPTION_EDITOR (self), NULL);

  caption = warta_caption_editor_dup_text (self);

  return warta_post_text_compose (self->target, caption, self->hashtags);
}

/**
 * warta_caption_editor_get_result:
 *
 * Returns: (transfer none) (nullable): the check of the current text, or
 *   %NULL when the caption is empty (the target is not posted to)
 */
WartaCaptionResult *
warta_caption_editor_get_result (WartaCaptionEditor *self)
{
  g_return_val_if_fail (WARTA_IS_CAPTION_EDITOR (self), NULL);

  return self->result;
}

gboolean
warta_caption_editor_get_blocking (WartaCaptionEditor *self)
{
  g_return_val_if_fail (WARTA_IS_CAPTION_EDITOR (self), FALSE);

  return self->blocking;
}

const char *
warta_caption_editor_get_counter_text (WartaCaptionEditor *self)
{
  g_return_val_if_fail (WARTA_IS_CAPTION_EDITOR (self), NULL);

  return gtk_label_get_label (self->counter_label);
}
