/* warta-send-buffer.c: bigger writes for upload bodies on libsoup's connections
 *
 * libsoup 3 hands a request body to GIO's splice, which copies it 8 KiB a
 * turn, and each turn is a send() of its own: 131,072 system calls per
 * gigabyte, each paying the TCP send path (and, on loopback, the
 * receiver's too). curl sends 64 KiB at a time; bench/run upload measured
 * Warta at 0.70-0.75 of curl's throughput with 8 KiB sends, 0.86-0.88 with
 * this file's 64 KiB ones.
 *
 * libsoup does not let its caller write a body, nor choose its streams;
 * what it does let the caller choose is the session's GProxyResolver, and
 * GIO lets an application add a GProxy: the stream a proxy returns is the
 * stream libsoup reads and writes. So the session's resolver asks the
 * system's resolver as before, and where that says "direct://" for an
 * http or https address, answers "warta-send-buffer://host:port": the
 * same host and port, reached through WartaSendBufferProxy, which
 * negotiates nothing and wraps the TCP connection in a
 * WartaSendBufferStream. An office's proxy is used as before, and its
 * connections are not wrapped.
 *
 * The stream passes everything through as it comes, except while an
 * upload body is written (warta-http-client.c switches it on when the
 * headers are written and off when the body is, in the upload's thread):
 * then it gathers writes into SEND_BUFFER_SIZE bytes before sending them.
 * Whatever is gathered is also sent before anything is read or waited for
 * on the connection, and on flush, so an answer is never awaited with the
 * end of its request still in the buffer.
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "warta-net"

#include "config.h"

#include <string.h>

#include "warta-send-buffer-private.h"

#define SEND_BUFFER_SIZE (64 * 1024)
#define PROTOCOL "warta-send-buffer"
#define STREAM_KEY "warta-send-buffer-stream"

/* The output stream ------------------------------------------------------ */

#define WARTA_TYPE_SEND_BUFFER_OUTPUT (warta_send_buffer_output_get_type ())
G_DECLARE_FINAL_TYPE (WartaSendBufferOutput, warta_send_buffer_output, WARTA, SEND_BUFFER_OUTPUT, GOutputStream)

struct _WartaSendBufferOutput
{
  GOutputStream parent_instance;

  GOutputStream *base;
  gboolean gathering;
  guint8 *buffer;  /* SEND_BUFFER_SIZE bytes, once gathering */
  gsize len;
};

static void warta_send_buffer_output_pollable_init (GPollableOutputStreamInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (WartaSendBufferOutput, warta_send_buffer_output, G_TYPE_OUTPUT_STREAM,
                               G_IMPLEMENT_INTERFACE (G_TYPE_POLLABLE_OUTPUT_STREAM,
                                                      warta_send_buffer_output_pollable_init))

/* Sends what is gathered, blocking. Whatever happens, the buffer is empty
 * after: on an error the connection is broken and libsoup drops it. */
static gboolean
drain (WartaSendBufferOutput  *self,
       GCancellable           *cancellable,
       GError                **error)
{
  gsize len = self->len;

  if (len == 0)
    return TRUE;
  self->len = 0;
  return g_output_stream_write_all (self->base, self->buffer, len, NULL, cancellable, error);
}

/* Sends what is gathered without blocking: TRUE once all of it is gone. */
static gboolean
drain_nonblocking (WartaSendBufferOutput  *self,
                   GError                **error)
{
  while (self->len > 0)
    {
      gssize n = g_pollable_output_stream_write_nonblocking (G_POLLABLE_OUTPUT_STREAM (self->base),
                                                             self->buffer, self->len,
                                                             NULL, error);
      if (n < 0)
        return FALSE;
      memmove (self->buffer, self->buffer + n, self->len - (gsize) n);
      self->len -= (gsize) n;
    }
  return TRUE;
}

static gssize
warta_send_buffer_output_write (GOutputStream  *stream,
                                const void     *data,
                                gsize           count,
                                GCancellable   *cancellable,
                                GError        **error)
{
  WartaSendBufferOutput *self = WARTA_SEND_BUFFER_OUTPUT (stream);
  gsize n;

  /* Not gathering, nothing is left: _warta_send_buffer_release() sent
   * or dropped it. */
  if (!self->gathering || (self->len == 0 && count >= SEND_BUFFER_SIZE))
    return g_output_stream_write (self->base, data, count, cancellable, error);

  n = MIN (count, SEND_BUFFER_SIZE - self->len);
  memcpy (self->buffer + self->len, data, n);
  self->len += n;
  if (self->len == SEND_BUFFER_SIZE && !drain (self, cancellable, error))
    return -1;
  return (gssize) n;
}

static gboolean
warta_send_buffer_output_flush (GOutputStream  *stream,
                                GCancellable   *cancellable,
                                GError        **error)
{
  WartaSendBufferOutput *self = WARTA_SEND_BUFFER_OUTPUT (stream);

  return drain (self, cancellable, error) && g_output_stream_flush (self->base, cancellable, error);
}

/* The connection's GIOStream closes the socket. */
static gboolean
warta_send_buffer_output_close (GOutputStream  *stream,
                                GCancellable   *cancellable,
                                GError        **error)
{
  return TRUE;
}

static gboolean
warta_send_buffer_output_can_poll (GPollableOutputStream *stream)
{
  WartaSendBufferOutput *self = WARTA_SEND_BUFFER_OUTPUT (stream);

  return G_IS_POLLABLE_OUTPUT_STREAM (self->base) &&
         g_pollable_output_stream_can_poll (G_POLLABLE_OUTPUT_STREAM (self->base));
}

static gboolean
warta_send_buffer_output_is_writable (GPollableOutputStream *stream)
{
  WartaSendBufferOutput *self = WARTA_SEND_BUFFER_OUTPUT (stream);

  return g_pollable_output_stream_is_writable (G_POLLABLE_OUTPUT_STREAM (self->base));
}

static GSource *
warta_send_buffer_output_create_source (GPollableOutputStream *stream,
                                        GCancellable          *cancellable)
{
  WartaSendBufferOutput *self = WARTA_SEND_BUFFER_OUTPUT (stream);
  g_autoptr(GSource) base_source = NULL;

  base_source = g_pollable_output_stream_create_source (G_POLLABLE_OUTPUT_STREAM (self->base), NULL);
  return g_pollable_source_new_full (stream, base_source, cancellable);
}

static gssize
warta_send_buffer_output_write_nonblocking (GPollableOutputStream  *stream,
                                            const void             *data,
                                            gsize                   count,
                                            GError                **error)
{
  WartaSendBufferOutput *self = WARTA_SEND_BUFFER_OUTPUT (stream);

  if (!drain_nonblocking (self, error))
    return -1;
  return g_pollable_output_stream_write_nonblocking (G_POLLABLE_OUTPUT_STREAM (self->base),
                                                     data, count, NULL, error);
}

static void
warta_send_buffer_output_finalize (GObject *object)
{
  WartaSendBufferOutput *self = WARTA_SEND_BUFFER_OUTPUT (object);

  g_clear_object (&self->base);
  g_free (self->buffer);

  G_OBJECT_CLASS (warta_send_buffer_output_parent_class)->finalize (object);
}

static void
warta_send_buffer_output_class_init (WartaSendBufferOutputClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GOutputStreamClass *stream_class = G_OUTPUT_STREAM_CLASS (klass);

  object_class->finalize = warta_send_buffer_output_finalize;
  stream_class->write_fn = warta_send_buffer_output_write;
  stream_class->flush = warta_send_buffer_output_flush;
  stream_class->close_fn = warta_send_buffer_output_close;
}

static void
warta_send_buffer_output_pollable_init (GPollableOutputStreamInterface *iface)
{
  iface->can_poll = warta_send_buffer_output_can_poll;
  iface->is_writable = warta_send_buffer_output_is_writable;
  iface->create_source = warta_send_buffer_output_create_source;
  iface->write_nonblocking = warta_send_buffer_output_write_nonblocking;
}

static void
warta_send_buffer_output_init (WartaSendBufferOutput *self)
{
}

/* The input stream: sends what is gathered before anything is read ------- */

#define WARTA_TYPE_SEND_BUFFER_INPUT (warta_send_buffer_input_get_type ())
G_DECLARE_FINAL_TYPE (WartaSendBufferInput, warta_send_buffer_input, WARTA, SEND_BUFFER_INPUT, GInputStream)

struct _WartaSendBufferInput
{
  GInputStream parent_instance;

  GInputStream *base;
  WartaSendBufferOutput *output;  /* unowned: the GIOStream holds both */
};

static void warta_send_buffer_input_pollable_init (GPollableInputStreamInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (WartaSendBufferInput, warta_send_buffer_input, G_TYPE_INPUT_STREAM,
                               G_IMPLEMENT_INTERFACE (G_TYPE_POLLABLE_INPUT_STREAM,
                                                      warta_send_buffer_input_pollable_init))

/* A request's last bytes go before its answer is awaited. Only an upload
 * body is gathered, in its thread, which reads the answer next: elsewhere
 * there is nothing to send. */
static gboolean
send_gathered (WartaSendBufferInput  *self,
               GCancellable          *cancellable,
               GError               **error)
{
  return drain (self->output, cancellable, error);
}

static gssize
warta_send_buffer_input_read (GInputStream  *stream,
                              void          *buffer,
                              gsize          count,
                              GCancellable  *cancellable,
                              GError       **error)
{
  WartaSendBufferInput *self = WARTA_SEND_BUFFER_INPUT (stream);

  if (!send_gathered (self, cancellable, error))
    return -1;
  return g_input_stream_read (self->base, buffer, count, cancellable, error);
}

static gboolean
warta_send_buffer_input_close (GInputStream  *stream,
                               GCancellable  *cancellable,
                               GError       **error)
{
  return TRUE;
}

static gboolean
warta_send_buffer_input_can_poll (GPollableInputStream *stream)
{
  WartaSendBufferInput *self = WARTA_SEND_BUFFER_INPUT (stream);

  return G_IS_POLLABLE_INPUT_STREAM (self->base) &&
         g_pollable_input_stream_can_poll (G_POLLABLE_INPUT_STREAM (self->base));
}

static gboolean
warta_send_buffer_input_is_readable (GPollableInputStream *stream)
{
  WartaSendBufferInput *self = WARTA_SEND_BUFFER_INPUT (stream);

  send_gathered (self, NULL, NULL);
  return g_pollable_input_stream_is_readable (G_POLLABLE_INPUT_STREAM (self->base));
}

static GSource *
warta_send_buffer_input_create_source (GPollableInputStream *stream,
                                       GCancellable         *cancellable)
{
  WartaSendBufferInput *self = WARTA_SEND_BUFFER_INPUT (stream);
  g_autoptr(GSource) base_source = NULL;

  send_gathered (self, NULL, NULL);
  base_source = g_pollable_input_stream_create_source (G_POLLABLE_INPUT_STREAM (self->base), NULL);
  return g_pollable_source_new_full (stream, base_source, cancellable);
}

static gssize
warta_send_buffer_input_read_nonblocking (GPollableInputStream  *stream,
                                          void                  *buffer,
                                          gsize                  count,
                                          GError               **error)
{
  WartaSendBufferInput *self = WARTA_SEND_BUFFER_INPUT (stream);

  if (!send_gathered (self, NULL, error))
    return -1;
  return g_pollable_input_stream_read_nonblocking (G_POLLABLE_INPUT_STREAM (self->base),
                                                   buffer, count, NULL, error);
}

static void
warta_send_buffer_input_finalize (GObject *object)
{
  WartaSendBufferInput *self = WARTA_SEND_BUFFER_INPUT (object);

  g_clear_object (&self->base);

  G_OBJECT_CLASS (warta_send_buffer_input_parent_class)->finalize (object);
}

static void
warta_send_buffer_input_class_init (WartaSendBufferInputClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GInputStreamClass *stream_class = G_INPUT_STREAM_CLASS (klass);

  object_class->finalize = warta_send_buffer_input_finalize;
  stream_class->read_fn = warta_send_buffer_input_read;
  stream_class->close_fn = warta_send_buffer_input_close;
}

static void
warta_send_buffer_input_pollable_init (GPollableInputStreamInterface *iface)
{
  iface->can_poll = warta_send_buffer_input_can_poll;
  iface->is_readable = warta_send_buffer_input_is_readable;
  iface->create_source = warta_send_buffer_input_create_source;
  iface->read_nonblocking = warta_send_buffer_input_read_nonblocking;
}

static void
warta_send_buffer_input_init (WartaSendBufferInput *self)
{
}

/* The connection ---------------------------------------------------------- */

#define WARTA_TYPE_SEND_BUFFER_STREAM (warta_send_buffer_stream_get_type ())
G_DECLARE_FINAL_TYPE (WartaSendBufferStream, warta_send_buffer_stream, WARTA, SEND_BUFFER_STREAM, GIOStream)

struct _WartaSendBufferStream
{
  GIOStream parent_instance;

  GIOStream *base;
  WartaSendBufferInput *input;
  WartaSendBufferOutput *output;
};

G_DEFINE_FINAL_TYPE (WartaSendBufferStream, warta_send_buffer_stream, G_TYPE_IO_STREAM)

static GInputStream *
warta_send_buffer_stream_get_input_stream (GIOStream *stream)
{
  return G_INPUT_STREAM (WARTA_SEND_BUFFER_STREAM (stream)->input);
}

static GOutputStream *
warta_send_buffer_stream_get_output_stream (GIOStream *stream)
{
  return G_OUTPUT_STREAM (WARTA_SEND_BUFFER_STREAM (stream)->output);
}

/* What is still gathered when the connection closes belongs to a request
 * given up on: it is dropped, not waited for. */
static gboolean
warta_send_buffer_stream_close (GIOStream     *stream,
                                GCancellable  *cancellable,
                                GError       **error)
{
  WartaSendBufferStream *self = WARTA_SEND_BUFFER_STREAM (stream);

  self->output->len = 0;
  return g_io_stream_close (self->base, cancellable, error);
}

static void
warta_send_buffer_stream_finalize (GObject *object)
{
  WartaSendBufferStream *self = WARTA_SEND_BUFFER_STREAM (object);

  g_clear_object (&self->input);
  g_clear_object (&self->output);
  if (self->base && g_object_get_data (G_OBJECT (self->base), STREAM_KEY) == self)
    g_object_set_data (G_OBJECT (self->base), STREAM_KEY, NULL);
  g_clear_object (&self->base);

  G_OBJECT_CLASS (warta_send_buffer_stream_parent_class)->finalize (object);
}

static void
warta_send_buffer_stream_class_init (WartaSendBufferStreamClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GIOStreamClass *stream_class = G_IO_STREAM_CLASS (klass);

  object_class->finalize = warta_send_buffer_stream_finalize;
  stream_class->get_input_stream = warta_send_buffer_stream_get_input_stream;
  stream_class->get_output_stream = warta_send_buffer_stream_get_output_stream;
  stream_class->close_fn = warta_send_buffer_stream_close;
}

static void
warta_send_buffer_stream_init (WartaSendBufferStream *self)
{
}

/* @base's output and input, wrapped; found again from @base by
 * _warta_send_buffer_for_connection() while the wrapper lives. */
GIOStream *
_warta_send_buffer_stream_new (GIOStream *base)
{
  WartaSendBufferStream *self;

  g_return_val_if_fail (G_IS_IO_STREAM (base), NULL);

  self = g_object_new (WARTA_TYPE_SEND_BUFFER_STREAM, NULL);
  self->base = g_object_ref (base);
  g_object_set_data (G_OBJECT (base), STREAM_KEY, self);
  self->output = g_object_new (WARTA_TYPE_SEND_BUFFER_OUTPUT, NULL);
  self->output->base = g_object_ref (g_io_stream_get_output_stream (base));
  self->input = g_object_new (WARTA_TYPE_SEND_BUFFER_INPUT, NULL);
  self->input->base = g_object_ref (g_io_stream_get_input_stream (base));
  self->input->output = self->output;
  return G_IO_STREAM (self);
}

/* The wrapper of @connection (the TCP connection a network event names),
 * or %NULL when it was not made through WartaSendBufferProxy. */
GIOStream *
_warta_send_buffer_for_connection (GIOStream *connection)
{
  g_return_val_if_fail (G_IS_IO_STREAM (connection), NULL);

  return g_object_get_data (G_OBJECT (connection), STREAM_KEY);
}

/* From now on, @stream's writes are gathered. */
void
_warta_send_buffer_gather (GIOStream *stream)
{
  WartaSendBufferOutput *output;

  g_return_if_fail (WARTA_IS_SEND_BUFFER_STREAM (stream));

  output = WARTA_SEND_BUFFER_STREAM (stream)->output;
  if (output->buffer == NULL)
    output->buffer = g_malloc (SEND_BUFFER_SIZE);
  output->gathering = TRUE;
}

/* From now on, @stream's writes go through as they come. What is gathered
 * is sent now (blocking) when @send_rest, and dropped otherwise (a body
 * given up on: its connection is not used again). */
gboolean
_warta_send_buffer_release (GIOStream     *stream,
                            gboolean       send_rest,
                            GCancellable  *cancellable,
                            GError       **error)
{
  WartaSendBufferOutput *output;

  g_return_val_if_fail (WARTA_IS_SEND_BUFFER_STREAM (stream), FALSE);

  output = WARTA_SEND_BUFFER_STREAM (stream)->output;
  output->gathering = FALSE;
  if (!send_rest)
    output->len = 0;
  return drain (output, cancellable, error);
}

/* The GProxy: no negotiation, only the wrapping -------------------------- */

#define WARTA_TYPE_SEND_BUFFER_PROXY (warta_send_buffer_proxy_get_type ())
G_DECLARE_FINAL_TYPE (WartaSendBufferProxy, warta_send_buffer_proxy, WARTA, SEND_BUFFER_PROXY, GObject)

struct _WartaSendBufferProxy
{
  GObject parent_instance;
};

static void warta_send_buffer_proxy_iface_init (GProxyInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (WartaSendBufferProxy, warta_send_buffer_proxy, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_PROXY, warta_send_buffer_proxy_iface_init))

static GIOStream *
warta_send_buffer_proxy_connect (GProxy         *proxy,
                                 GIOStream      *connection,
                                 GProxyAddress  *proxy_address,
                                 GCancellable   *cancellable,
                                 GError        **error)
{
  return _warta_send_buffer_stream_new (connection);
}

static void
warta_send_buffer_proxy_connect_async (GProxy              *proxy,
                                       GIOStream           *connection,
                                       GProxyAddress       *proxy_address,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (proxy, cancellable, callback, user_data);

  g_task_set_source_tag (task, warta_send_buffer_proxy_connect_async);
  g_task_return_pointer (task, _warta_send_buffer_stream_new (connection), g_object_unref);
}

static GIOStream *
warta_send_buffer_proxy_connect_finish (GProxy        *proxy,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static gboolean
warta_send_buffer_proxy_supports_hostname (GProxy *proxy)
{
  return TRUE;
}

static void
warta_send_buffer_proxy_iface_init (GProxyInterface *iface)
{
  iface->connect = warta_send_buffer_proxy_connect;
  iface->connect_async = warta_send_buffer_proxy_connect_async;
  iface->connect_finish = warta_send_buffer_proxy_connect_finish;
  iface->supports_hostname = warta_send_buffer_proxy_supports_hostname;
}

static void
warta_send_buffer_proxy_class_init (WartaSendBufferProxyClass *klass)
{
}

static void
warta_send_buffer_proxy_init (WartaSendBufferProxy *self)
{
}

/* The resolver: the system's answer, "direct" made ours ------------------ */

#define WARTA_TYPE_SEND_BUFFER_RESOLVER (warta_send_buffer_resolver_get_type ())
G_DECLARE_FINAL_TYPE (WartaSendBufferResolver, warta_send_buffer_resolver, WARTA, SEND_BUFFER_RESOLVER, GObject)

struct _WartaSendBufferResolver
{
  GObject parent_instance;

  GProxyResolver *base;  /* NULL: the system's */
};

static void warta_send_buffer_resolver_iface_init (GProxyResolverInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (WartaSendBufferResolver, warta_send_buffer_resolver, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_PROXY_RESOLVER,
                                                      warta_send_buffer_resolver_iface_init))

/* @proxies with each "direct://" replaced by a connection straight to
 * @uri's host through WartaSendBufferProxy. */
static char **
wrap_direct (const char  *uri,
             char       **proxies)
{
  g_autofree char *scheme = NULL;
  g_autofree char *host = NULL;
  gint port = -1;
  guint i;

  /* libsoup's connections ask with their scheme, host and port. */
  if (proxies == NULL ||
      !g_uri_split_network (uri, G_URI_FLAGS_NONE, &scheme, &host, &port, NULL) ||
      host == NULL || port <= 0 ||
      (g_strcmp0 (scheme, "http") != 0 && g_strcmp0 (scheme, "https") != 0))
    return proxies;
  for (i = 0; proxies[i] != NULL; i++)
    if (g_str_equal (proxies[i], "direct://"))
      {
        g_free (proxies[i]);
        proxies[i] = g_uri_join (G_URI_FLAGS_NONE, PROTOCOL, NULL, host, port, "", NULL, NULL);
      }
  return proxies;
}

/* The system's resolver is asked for only when a connection is made, as
 * libsoup does: loading it reads the desktop's proxy settings. */
static GProxyResolver *
get_base (WartaSendBufferResolver *self)
{
  return self->base ? self->base : g_proxy_resolver_get_default ();
}

static char **
warta_send_buffer_resolver_lookup (GProxyResolver  *resolver,
                                   const char      *uri,
                                   GCancellable    *cancellable,
                                   GError         **error)
{
  WartaSendBufferResolver *self = WARTA_SEND_BUFFER_RESOLVER (resolver);

  return wrap_direct (uri, g_proxy_resolver_lookup (get_base (self), uri, cancellable, error));
}

static void
lookup_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  char **proxies;

  proxies = g_proxy_resolver_lookup_finish (G_PROXY_RESOLVER (object), result, &error);
  if (proxies == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, wrap_direct (g_task_get_task_data (task), proxies),
                           (GDestroyNotify) g_strfreev);
}

static void
warta_send_buffer_resolver_lookup_async (GProxyResolver      *resolver,
                                         const char          *uri,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  WartaSendBufferResolver *self = WARTA_SEND_BUFFER_RESOLVER (resolver);
  GTask *task = g_task_new (resolver, cancellable, callback, user_data);

  g_task_set_source_tag (task, warta_send_buffer_resolver_lookup_async);
  g_task_set_task_data (task, g_strdup (uri), g_free);
  g_proxy_resolver_lookup_async (get_base (self), uri, cancellable, lookup_cb, task);
}

static char **
warta_send_buffer_resolver_lookup_finish (GProxyResolver  *resolver,
                                          GAsyncResult    *result,
                                          GError         **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static gboolean
warta_send_buffer_resolver_is_supported (GProxyResolver *resolver)
{
  return TRUE;
}

static void
warta_send_buffer_resolver_iface_init (GProxyResolverInterface *iface)
{
  iface->is_supported = warta_send_buffer_resolver_is_supported;
  iface->lookup = warta_send_buffer_resolver_lookup;
  iface->lookup_async = warta_send_buffer_resolver_lookup_async;
  iface->lookup_finish = warta_send_buffer_resolver_lookup_finish;
}

static void
warta_send_buffer_resolver_finalize (GObject *object)
{
  WartaSendBufferResolver *self = WARTA_SEND_BUFFER_RESOLVER (object);

  g_clear_object (&self->base);

  G_OBJECT_CLASS (warta_send_buffer_resolver_parent_class)->finalize (object);
}

static void
warta_send_buffer_resolver_class_init (WartaSendBufferResolverClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = warta_send_buffer_resolver_finalize;
}

static void
warta_send_buffer_resolver_init (WartaSendBufferResolver *self)
{
}

/* Makes @session's plain connections send through WartaSendBufferStream,
 * asking @base (the system's resolver when %NULL) which proxy to use. */
void
_warta_send_buffer_install (SoupSession    *session,
                            GProxyResolver *base)
{
  static gsize registered = 0;
  WartaSendBufferResolver *resolver;

  g_return_if_fail (SOUP_IS_SESSION (session));

  if (g_once_init_enter (&registered))
    {
      /* The extension point exists once GIO has looked for a proxy. */
      GProxy *direct = g_proxy_get_default_for_protocol ("direct");

      g_clear_object (&direct);
      g_io_extension_point_implement (G_PROXY_EXTENSION_POINT_NAME, WARTA_TYPE_SEND_BUFFER_PROXY,
                                      PROTOCOL, 0);
      g_once_init_leave (&registered, 1);
    }

  resolver = g_object_new (WARTA_TYPE_SEND_BUFFER_RESOLVER, NULL);
  resolver->base = base ? g_object_ref (base) : NULL;
  soup_session_set_proxy_resolver (session, G_PROXY_RESOLVER (resolver));
  g_object_unref (resolver);
}
