/* chorus.h — libchorus, the GTK-free core of Chorus
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#define CHORUS_INSIDE
#include "chorus-activity.h"
#include "chorus-chart.h"
#include "chorus-codebook.h"
#include "chorus-consultation.h"
#include "chorus-document.h"
#include "chorus-draft.h"
#include "chorus-enums.h"
#include "chorus-error.h"
#include "chorus-export.h"
#include "chorus-file.h"
#include "chorus-group.h"
#include "chorus-import.h"
#include "chorus-item.h"
#include "chorus-item-filter.h"
#include "chorus-project.h"
#include "chorus-question.h"
#include "chorus-recovery.h"
#include "chorus-search-result.h"
#include "chorus-section.h"
#include "chorus-stats.h"
#include "chorus-theme.h"
#include "chorus-types.h"
#undef CHORUS_INSIDE
