/* warta-task-notifier.h: desktop notifications about the signed-in user's tasks
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "warta-context.h"

G_BEGIN_DECLS

#define WARTA_TYPE_TASK_NOTIFIER (warta_task_notifier_get_type ())

G_DECLARE_FINAL_TYPE (WartaTaskNotifier, warta_task_notifier, WARTA, TASK_NOTIFIER, GObject)

WartaTaskNotifier *warta_task_notifier_new    (GApplication      *application,
                                               WartaContext      *context);
void               warta_task_notifier_check  (WartaTaskNotifier *self);

G_END_DECLS
