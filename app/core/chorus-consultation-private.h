/* chorus-consultation-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "chorus-consultation.h"

G_BEGIN_DECLS

/* The consultation indexes its ids lazily; adding anything below it drops the
 * index. Accepts NULL so that unattached documents need no check. */
void _chorus_consultation_invalidate (ChorusConsultation *self);

G_END_DECLS
