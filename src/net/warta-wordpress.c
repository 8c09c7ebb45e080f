/* warta-wordpress.c: publishing to one WordPress site (in progress)
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
