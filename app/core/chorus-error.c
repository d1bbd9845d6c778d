/* chorus-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "chorus-error.h"

G_DEFINE_QUARK (chorus-error-quark, chorus_error)
