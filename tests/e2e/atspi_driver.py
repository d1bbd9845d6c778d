"""A small driver for Chorus through the accessibility tree (AT-SPI), as a user would use it.

Runs with Debian's /usr/bin/python3 (python3-pyatspi) inside `tools/with-xvfb dbus-run-session`.
Finds widgets by role and accessible name, clicks, types and presses keys; every wait has a
deadline so a broken build fails with a message instead of hanging.
"""

import os
import subprocess
import sys
import time

import pyatspi

DEFAULT_TIMEOUT = 20.0


class E2EFailure(AssertionError):
    pass


def log(message):
    print(f"# {message}", flush=True)


def wait_for(what, predicate, timeout=DEFAULT_TIMEOUT, interval=0.1):
    deadline = time.monotonic() + timeout
    while True:
        try:
            result = predicate()
        except E2EFailure:
            raise
        except Exception:  # the tree changes under us while the app works
            result = None
        if result:
            return result
        if time.monotonic() > deadline:
            raise E2EFailure(f"timed out waiting for {what}")
        time.sleep(interval)


def safe_name(node):
    try:
        return node.name or ""
    except Exception:
        return ""


def safe_role(node):
    try:
        return node.getRoleName()
    except Exception:
        return ""


def walk(node, max_depth=60):
    """Every descendant of node, depth first, skipping nodes that vanish while walking."""
    stack = [(node, 0)]
    while stack:
        current, depth = stack.pop()
        yield current
        if depth >= max_depth:
            continue
        try:
            count = current.childCount
        except Exception:
            continue
        for i in reversed(range(count)):
            try:
                child = current.getChildAtIndex(i)
            except Exception:
                continue
            if child is not None:
                stack.append((child, depth + 1))


def is_showing(node):
    try:
        return node.getState().contains(pyatspi.STATE_SHOWING)
    except Exception:
        return False


def find_all(root, role=None, name=None, contains=None, showing=True):
    found = []
    for node in walk(root):
        if role is not None and safe_role(node) != role:
            continue
        node_name = safe_name(node)
        if name is not None and node_name != name:
            continue
        if contains is not None and contains not in node_name:
            continue
        if showing and not is_showing(node):
            continue
        found.append(node)
    return found


def find(root, role=None, name=None, contains=None, timeout=DEFAULT_TIMEOUT, showing=True):
    description = f"{role or 'widget'} {name or contains or ''!r}"
    return wait_for(description,
                    lambda: (find_all(root, role, name, contains, showing) or [None])[0],
                    timeout)


def click(node):
    action = node.queryAction()
    for i in range(action.nActions):
        if action.getName(i) in ("click", "press", "activate", "toggle", "select"):
            action.doAction(i)
            return
    action.doAction(0)


def set_text(node, text):
    node.queryEditableText().setTextContents(text)


def get_text(node):
    text = node.queryText()
    return text.getText(0, text.characterCount)


def focus(node):
    node.queryComponent().grabFocus()


# X modifier masks, as AT-SPI's KEY_LOCKMODIFIERS takes them.
_MODIFIER_MASKS = {"shift": 1 << 0, "ctrl": 1 << 2, "alt": 1 << 3}


def press(keysym_name, modifiers=()):
    """Presses a key (an X keysym name such as 'Return' or 'z') with modifier keys held, through
    the X server (XTest), so the focused widget gets it as from a keyboard."""
    import gi
    gi.require_version("Gdk", "4.0")
    from gi.repository import Gdk
    keyval = Gdk.keyval_from_name(keysym_name)
    mask = 0
    for modifier in modifiers:
        mask |= _MODIFIER_MASKS[modifier]
    if mask:
        pyatspi.Registry.generateKeyboardEvent(mask, None, pyatspi.KEY_LOCKMODIFIERS)
    pyatspi.Registry.generateKeyboardEvent(keyval, None, pyatspi.KEY_SYM)
    if mask:
        pyatspi.Registry.generateKeyboardEvent(mask, None, pyatspi.KEY_UNLOCKMODIFIERS)
    time.sleep(0.05)


def find_application(name, process=None, timeout=DEFAULT_TIMEOUT):
    """The application called name on the accessibility bus; fails at once if process exits."""
    def lookup():
        if process is not None and process.poll() is not None:
            raise E2EFailure(f"{name} exited with status {process.returncode} before it showed "
                             "a window (its messages are above)")
        desktop = pyatspi.Registry.getDesktop(0)
        for app in desktop:
            if app is not None and safe_name(app) == name:
                return app
        return None
    return wait_for(f"application {name!r} on the accessibility bus", lookup, timeout)


def launch(argv, env_extra=None):
    env = dict(os.environ)
    env.pop("GTK_A11Y", None)
    env.update(env_extra or {})
    log("launching " + " ".join(argv))
    return subprocess.Popen(argv, env=env)
