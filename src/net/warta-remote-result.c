/* warta-remote-result.c: what a platform confirmed for one remote step
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "warta-remote-result.h"

G_DEFINE_BOXED_TYPE (WartaRemoteResult, warta_remote_result,
                     warta_remote_result_copy, warta_remote_result_free)

WartaRemoteResult *
warta_remote_result_new (const char *id,
                         const char *url)
{
  WartaRemoteResult *self = g_new0 (WartaRemoteResult, 1);

  self->id = g_strdup (id);
  self->url = g_strdup (url);
  return self;
}

WartaRemoteResult *
warta_remote_result_copy (const WartaRemoteResult *self)
{
  WartaRemoteResult *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = warta_remote_result_new (self->id, self->url);
  copy->reused = self->reused;
  copy->warning = g_strdup (self->warning);
  return copy;
}

void
warta_remote_result_free (WartaRemoteResult *self)
{
  if (self == NULL)
    return;
  g_free (self->id);
  g_free (self->url);
  g_free (self->warning);
  g_free (self);
}
