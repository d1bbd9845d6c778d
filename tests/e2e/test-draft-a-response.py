#!/usr/bin/python3
"""End-to-end: a user drafts part of a response in the real application, through the
accessibility tree (AT-SPI), then the saved file is checked with chorus-cli.

Open a copy of the example, go to Q4 of the first document, add an item of input, tag a span
of its text with the first theme, write the answer, mark it final, save. Then
`chorus-cli stats --json` must count one more item, one more item under the first theme and
Q4 as final, and the saved XML must hold the coding of exactly the tagged characters.

Run inside `tools/with-xvfb dbus-run-session` (./check does); arguments: CHORUS CHORUS_CLI EXAMPLE
SCHEMA_DIR.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ElementTree

import pyatspi

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from atspi_driver import (E2EFailure, click, find, find_all, find_application, get_text,  # noqa: E402
                          launch, log, press, safe_name, safe_role, set_text, wait_for, walk)

QUESTION_ID = "t-q4"
QUESTION_NUMBER = "Q4"
NEW_TEXT = "Parking is the first thing staff and patients mention about this."
TAGGED = (0, 7)  # "Parking"
ANSWER = "We support measuring outcomes, provided access and parking are counted too."
NS = "{https://chorus-app.github.io/ns/project/1}"


def stats(cli, path):
    result = subprocess.run([cli, "stats", "--json", path], capture_output=True, text=True,
                            check=True)
    return json.loads(result.stdout)


def question_of(data, question_id):
    return next(q for q in data["questions"] if q["id"] == question_id)


def theme_count(data, theme_id):
    return next(t["count"] for t in data["themes"] if t["id"] == theme_id)


def labels_below(node):
    return [safe_name(n) for n in walk(node) if safe_role(n) == "label"]


def main():
    chorus, cli, example, schema_dir = sys.argv[1:5]
    workdir = tempfile.mkdtemp(prefix="chorus-e2e-")
    path = os.path.join(workdir, "trafford response.chorus")
    shutil.copy(example, path)
    before = stats(cli, path)
    first_theme = before["themes"][0]["id"]

    process = launch([chorus, path], {
        "GSETTINGS_SCHEMA_DIR": schema_dir,
        "GSETTINGS_BACKEND": "memory",
        "GSK_RENDERER": "cairo",
        "GDK_BACKEND": "x11",
        "LC_ALL": "C.UTF-8",
    })
    try:
        app = find_application("chorus", process, timeout=60)
        frame = find(app, "frame", "trafford response.chorus", showing=False, timeout=30)
        log("the window shows the response")

        # Go to the question: select its row in the outline, as a click would.
        outline = find(frame, "list", "Questions", showing=False)
        row = wait_for("the Q4 row of the outline",
                       lambda: next((outline.getChildAtIndex(i) for i in range(outline.childCount)
                                     if QUESTION_NUMBER in labels_below(outline.getChildAtIndex(i))),
                                    None))
        outline.querySelection().selectChild(row.getIndexInParent())
        wait_for("the question page for Q4",
                 lambda: QUESTION_NUMBER in [safe_name(n) for n in find_all(frame, "label", showing=False)])
        log("went to " + QUESTION_NUMBER)

        # Add an item: the editor opens on it.
        click(find(frame, "push button", contains="Add Input", showing=False))
        editor = find(app, None, "New Input", showing=False)
        text = find(editor, "text", contains="Input text", showing=False)
        set_text(text, NEW_TEXT)
        wait_for("the typed text", lambda: get_text(text) == NEW_TEXT)
        log("typed the input")

        # Tag a span: select "Parking" and press Ctrl+1 (the first theme).
        # With the keyboard, as GTK 4.8 answers AT-SPI's AddSelection with the wrong type.
        press("Home", ("ctrl",))
        for _ in range(TAGGED[1] - TAGGED[0]):
            press("Right", ("shift",))
        press("1", ("ctrl",))
        wait_for("the coding in the editor's list of themes",
                 lambda: any("Parking" in safe_name(n) for n in find_all(editor, "label", showing=False)))
        log("tagged “Parking” with the first theme")
        click(find(editor, "push button", contains="Add", showing=False))
        wait_for("the editor to close",
                 lambda: not find_all(app, None, "New Input", showing=False), timeout=10)

        # Write the answer and mark it final.
        answer = find(frame, "text", "Our answer", showing=False)
        set_text(answer, ANSWER)
        # The status row: click it to open its list, then choose the last status, Final, with the
        # keyboard. (Without a window manager the window sits at the origin, so the row's
        # window coordinates are screen coordinates.)
        status_title = find(frame, "label", "Status", showing=False)
        x, y, width, height = status_title.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
        pyatspi.Registry.generateMouseEvent(x + width // 2, y + height // 2, "b1c")
        time.sleep(0.8)
        press("End")
        press("Return")
        time.sleep(0.5)
        log("wrote the answer and marked it final")

        # Save.
        click(find(frame, "push button", contains="Save", showing=False))
        wait_for("the title without the unsaved marker",
                 lambda: find_all(app, "frame", "trafford response.chorus", showing=False))
        time.sleep(0.5)
        log("saved")
    finally:
        process.terminate()
        process.wait(timeout=10)

    after = stats(cli, path)
    failures = []
    if after["items"] != before["items"] + 1:
        failures.append(f"items: {before['items']} before, {after['items']} after")
    if theme_count(after, first_theme) != theme_count(before, first_theme) + 1:
        failures.append(f"theme {first_theme}: {theme_count(before, first_theme)} before, "
                        f"{theme_count(after, first_theme)} after")
    if question_of(after, QUESTION_ID)["count"] != question_of(before, QUESTION_ID)["count"] + 1:
        failures.append("the new item is not under " + QUESTION_ID)
    if question_of(after, QUESTION_ID)["status"] != "final":
        failures.append(f"{QUESTION_ID} is {question_of(after, QUESTION_ID)['status']}, not final")

    root = ElementTree.parse(path).getroot()
    items = [i for i in root.iter(NS + "item") if (i.findtext(NS + "text") or "") == NEW_TEXT]
    if len(items) != 1:
        failures.append(f"the saved file has {len(items)} items with the new text")
    else:
        codings = items[0].findall(NS + "coding")
        spans = [(c.get("theme"), c.get("start"), c.get("end")) for c in codings]
        if spans != [(first_theme, str(TAGGED[0]), str(TAGGED[1]))]:
            failures.append(f"codings of the new item: {spans}")
    answers = [d for d in root.iter(NS + "answer") if d.get("question") == QUESTION_ID]
    if not answers or (answers[0].findtext(NS + "text") or "").strip() != ANSWER:
        failures.append("the answer was not saved")

    shutil.rmtree(workdir, ignore_errors=True)
    if failures:
        raise E2EFailure("; ".join(failures))
    log("chorus-cli stats agrees: one more item, coded, under Q4, whose answer is final")


if __name__ == "__main__":
    try:
        main()
    except E2EFailure as error:
        print(f"FAIL: {error}", flush=True)
        sys.exit(1)
    print("PASS")
