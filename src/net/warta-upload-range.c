/* warta-upload-range.c: a part of an upload, for chunked upload protocols
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "warta-publish-error.h"
#include "warta-upload-private.h"
#include "warta-upload-range.h"

/* The stream is pollable and always readable: a local file does not block
 * for long, and GIO then reads it in the main loop instead of sending
 * every 8 KiB read of a gigabyte to a worker thread. */
#define WARTA_TYPE_RANGE_INPUT_STREAM (warta_range_input_stream_get_type ())
G_DECLARE_FINAL_TYPE (WartaRangeInputStream, warta_range_input_stream, WARTA, RANGE_INPUT_STREAM,
                      GInputStream)

/* libsoup asks for 8 KiB at a time; the file is read 256 KiB at a time,
 * a few thousand system calls a gigabyte instead of 131,072.
 *
 * As a message body, the stream also tells the upload how far it got.
 * libsoup copies a body by reading a piece and writing all of it before it
 * reads the next, so whatever the stream handed out before a read has been
 * written to the connection: the stream reports that each time it reads
 * the file again, and at the end: every 256 KiB, and no handler of
 * SoupMessage::wrote-body-data for libsoup to call for every 8 KiB. */
#define READ_AHEAD (256 * 1024)

struct _WartaRangeInputStream
{
  GInputStream parent_instance;
  GInputStream *base;
  guint64 remaining;     /* of the range, not yet read from the file */
  guchar *buffer;
  gsize buffered;
  gsize consumed;
  WartaUpload *upload;   /* the upload told of progress, or NULL */
  guint64 offset;        /* of the range in the upload */
  guint64 handed;        /* bytes handed to the reader so far */
};

static void
report_written (WartaRangeInputStream *self)
{
  if (self->upload != NULL)
    _warta_upload_set_bytes_sent (self->upload, self->offset + self->handed);
}

static void warta_range_input_stream_pollable_init (GPollableInputStreamInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (WartaRangeInputStream, warta_range_input_stream, G_TYPE_INPUT_STREAM,
                               G_IMPLEMENT_INTERFACE (G_TYPE_POLLABLE_INPUT_STREAM,
                                                      warta_range_input_stream_pollable_init))

static gssize
warta_range_input_stream_read (GInputStream  *stream,
                               void          *buffer,
                               gsize          count,
                               GCancellable  *cancellable,
                               GError       **error)
{
  WartaRangeInputStream *self = WARTA_RANGE_INPUT_STREAM (stream);
  gsize n;

  if (self->consumed == self->buffered)
    {
      gsize want;
      gsize got = 0;

      report_written (self);
      if (self->remaining == 0)
        return 0;
      if (self->buffer == NULL)
        self->buffer = g_malloc (READ_AHEAD);
      want = (gsize) MIN ((guint64) READ_AHEAD, self->remaining);
      if (!g_input_stream_read_all (self->base, self->buffer, want, &got, cancellable, error))
        return -1;
      if (got < want)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT,
                               "The file is shorter than it was");
          return -1;
        }
      self->remaining -= got;
      self->buffered = got;
      self->consumed = 0;
    }
  n = MIN (count, self->buffered - self->consumed);
  memcpy (buffer, self->buffer + self->consumed, n);
  self->consumed += n;
  self->handed += n;
  return (gssize) n;
}

static gboolean
warta_range_input_stream_close (GInputStream  *stream,
                                GCancellable  *cancellable,
                                GError       **error)
{
  WartaRangeInputStream *self = WARTA_RANGE_INPUT_STREAM (stream);

  return g_input_stream_close (self->base, cancellable, error);
}

static void
warta_range_input_stream_finalize (GObject *object)
{
  WartaRangeInputStream *self = WARTA_RANGE_INPUT_STREAM (object);

  g_clear_object (&self->base);
  g_clear_object (&self->upload);
  g_free (self->buffer);
  G_OBJECT_CLASS (warta_range_input_stream_parent_class)->finalize (object);
}

static void
warta_range_input_stream_class_init (WartaRangeInputStreamClass *klass)
{
  GInputStreamClass *stream_class = G_INPUT_STREAM_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = warta_range_input_stream_finalize;
  stream_class->read_fn = warta_range_input_stream_read;
  stream_class->close_fn = warta_range_input_stream_close;
}

static void
warta_range_input_stream_init (WartaRangeInputStream *self)
{
}

static gboolean
range_can_poll (GPollableInputStream *stream)
{
  return TRUE;
}

static gboolean
range_is_readable (GPollableInputStream *stream)
{
  return TRUE;
}

static GSource *
range_create_source (GPollableInputStream *stream,
                     GCancellable         *cancellable)
{
  g_autoptr(GSource) ready = g_timeout_source_new (0);

  return g_pollable_source_new_full (stream, ready, cancellable);
}

static gssize
range_read_nonblocking (GPollableInputStream  *stream,
                        void                  *buffer,
                        gsize                  count,
                        GError               **error)
{
  return warta_range_input_stream_read (G_INPUT_STREAM (stream), buffer, count, NULL, error);
}

static void
warta_range_input_stream_pollable_init (GPollableInputStreamInterface *iface)
{
  iface->can_poll = range_can_poll;
  iface->is_readable = range_is_readable;
  iface->create_source = range_create_source;
  iface->read_nonblocking = range_read_nonblocking;
}

GError *
_warta_upload_read_error (WartaUpload  *upload,
                          const GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_new_literal (WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_CANCELLED,
                                _("Publishing was cancelled."));
  return g_error_new (WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_FAILED,
                      _("“%s” cannot be read: %s. Check that the file still exists, or choose it again."),
                      warta_upload_get_filename (upload), error->message);
}

GInputStream *
_warta_upload_open_range (WartaUpload   *upload,
                          guint64        offset,
                          guint64        length,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(GInputStream) base = NULL;
  g_autoptr(GError) local_error = NULL;
  WartaRangeInputStream *self;

  g_return_val_if_fail (WARTA_IS_UPLOAD (upload), NULL);
  g_return_val_if_fail (offset + length <= warta_upload_get_total_bytes (upload), NULL);

  base = warta_upload_open (upload, cancellable, &local_error);
  if (base != NULL && offset > 0)
    {
      if (G_IS_SEEKABLE (base) && g_seekable_can_seek (G_SEEKABLE (base)))
        {
          if (!g_seekable_seek (G_SEEKABLE (base), (goffset) offset, G_SEEK_SET, cancellable,
                                &local_error))
            g_clear_object (&base);
        }
      else
        {
          /* A stream that cannot seek: read up to the offset. */
          guint64 left = offset;

          while (base && left > 0)
            {
              gssize n = g_input_stream_skip (base, (gsize) MIN (left, G_MAXSSIZE), cancellable,
                                              &local_error);
              if (n <= 0)
                {
                  if (n == 0)
                    g_set_error_literal (&local_error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT,
                                         "The file is shorter than it was");
                  g_clear_object (&base);
                }
              else
                left -= (guint64) n;
            }
        }
    }
  if (base == NULL)
    {
      g_propagate_error (error, _warta_upload_read_error (upload, local_error));
      return NULL;
    }

  self = g_object_new (WARTA_TYPE_RANGE_INPUT_STREAM, NULL);
  self->base = g_steal_pointer (&base);
  self->remaining = length;
  return G_INPUT_STREAM (self);
}

/* the body of one chunk --------------------------------------------------- */

typedef struct
{
  WartaUpload *upload;
  guint64 offset;
  guint64 length;
} RangeBody;

static void
range_body_free (gpointer data)
{
  RangeBody *b = data;

  g_clear_object (&b->upload);
  g_free (b);
}

/* Sets the range as @msg's body, from its start; the stream reports the
 * bytes written as it goes (see READ_AHEAD above). */
static gboolean
range_body_open (RangeBody    *b,
                 SoupMessage  *msg,
                 GError      **error)
{
  g_autoptr(GInputStream) stream = NULL;
  WartaRangeInputStream *range;

  stream = _warta_upload_open_range (b->upload, b->offset, b->length, NULL, error);
  if (stream == NULL)
    return FALSE;
  range = WARTA_RANGE_INPUT_STREAM (stream);
  range->upload = g_object_ref (b->upload);
  range->offset = b->offset;
  soup_message_set_request_body (msg, warta_upload_get_content_type (b->upload), stream,
                                 (gssize) b->length);
  _warta_upload_set_bytes_sent (b->upload, b->offset);
  return TRUE;
}

static void
range_restarted_cb (SoupMessage *msg,
                    gpointer     user_data)
{
  g_autoptr(GError) error = NULL;

  if (!range_body_open (user_data, msg, &error))
    g_debug ("The chunk cannot be opened again: %s", error->message);
}

gboolean
_warta_http_set_upload_range_body (SoupMessage  *msg,
                                   WartaUpload  *upload,
                                   guint64       offset,
                                   guint64       length,
                                   GError      **error)
{
  RangeBody *b;

  g_return_val_if_fail (SOUP_IS_MESSAGE (msg), FALSE);
  g_return_val_if_fail (WARTA_IS_UPLOAD (upload), FALSE);

  b = g_new0 (RangeBody, 1);
  b->upload = g_object_ref (upload);
  b->offset = offset;
  b->length = length;
  if (!range_body_open (b, msg, error))
    {
      range_body_free (b);
      return FALSE;
    }
  g_object_set_data_full (G_OBJECT (msg), "warta-upload-range", b, range_body_free);
  g_signal_connect (msg, "restarted", G_CALLBACK (range_restarted_cb), b);
  _warta_http_mark_upload (msg, upload);
  return TRUE;
}

#define UPLOAD_KEY "warta-upload"

void
_warta_http_mark_upload (SoupMessage *msg,
                         WartaUpload *upload)
{
  g_object_set_data_full (G_OBJECT (msg), UPLOAD_KEY, g_object_ref (upload), g_object_unref);
}

WartaUpload *
_warta_http_get_upload (SoupMessage *msg)
{
  return g_object_get_data (G_OBJECT (msg), UPLOAD_KEY);
}

/* a chunk in memory --------------------------------------------------------- */

typedef struct
{
  GInputStream *stream;
  guchar *buffer;
  gsize length;
} ReadData;

static void
read_data_free (gpointer data)
{
  ReadData *d = data;

  g_clear_object (&d->stream);
  g_free (d->buffer);
  g_free (d);
}

static void
read_all_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ReadData *d = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  gsize read = 0;

  if (!g_input_stream_read_all_finish (G_INPUT_STREAM (object), result, &read, &error))
    {
      g_task_return_error (task, _warta_upload_read_error (g_task_get_source_object (task), error));
      return;
    }
  g_input_stream_close (d->stream, NULL, NULL);
  g_task_return_pointer (task, g_bytes_new_take (g_steal_pointer (&d->buffer), read),
                         (GDestroyNotify) g_bytes_unref);
}

void
_warta_upload_read_range_async (WartaUpload         *upload,
                                guint64              offset,
                                guint64              length,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ReadData *d;
  GError *error = NULL;

  g_return_if_fail (WARTA_IS_UPLOAD (upload));
  g_return_if_fail (length <= G_MAXSIZE);

  task = g_task_new (upload, cancellable, callback, user_data);
  g_task_set_source_tag (task, _warta_upload_read_range_async);
  /* Errors are WARTA_PUBLISH_ERROR, cancellation included. */
  g_task_set_check_cancellable (task, FALSE);
  d = g_new0 (ReadData, 1);
  g_task_set_task_data (task, d, read_data_free);

  d->stream = _warta_upload_open_range (upload, offset, length, cancellable, &error);
  if (d->stream == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  d->length = (gsize) length;
  d->buffer = g_malloc (MAX (d->length, 1));
  g_input_stream_read_all_async (d->stream, d->buffer, d->length, G_PRIORITY_DEFAULT,
                                 cancellable, read_all_cb, g_steal_pointer (&task));
}

GBytes *
_warta_upload_read_range_finish (WartaUpload   *upload,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, upload), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
