/* chorus-welcome-page.h — what a window shows before a response is open
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CHORUS_TYPE_WELCOME_PAGE (chorus_welcome_page_get_type ())

G_DECLARE_FINAL_TYPE (ChorusWelcomePage, chorus_welcome_page, CHORUS, WELCOME_PAGE, GtkWidget)

GtkWidget *chorus_welcome_page_new     (void);
/* Reads the bundled consultations, recent files and recovery copies again. Their rows activate
 * the window actions win.new-response (s: consultation path), win.open-uri (s),
 * win.restore-recovery (s: key) and win.discard-recovery (s: key). */
void       chorus_welcome_page_refresh (ChorusWelcomePage *self);
/* Recovery copies not to offer here because a window already shows them. */
void       chorus_welcome_page_set_hidden_recovery_keys (ChorusWelcomePage  *self,
                                                         const char * const *keys);

G_END_DECLS
