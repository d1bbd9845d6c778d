#!/usr/bin/python3
"""Count a Chorus project's items the way tests/data/example-counts.txt lists them.

    /usr/bin/python3 tools/count-example.py resources/examples/trafford-staff-response.chorus \\
        > tests/data/example-counts.txt
    /usr/bin/python3 tools/count-example.py --check tests/data/example-counts.txt FILE.chorus

The statistics test (tests/core/test-stats.c) checks libchorus's counts
against this file, so the counting here is deliberately independent of
libchorus: a plain ElementTree walk over the XML, written from
docs/file-format.md rather than from the C code.

    items, codings, coded_items     all items; all <coding>s; items with one or more
    stance.<stance>                 items by stance ("unset" when the attribute is absent)
    group.<id>, activity.<id>       items by group and activity
    question.<id>                   items per question
    theme.<id>                      items carrying the theme at least once (a theme's
                                    children do not count towards it)
    theme_group.<theme>.<group>     the same, per group
    status.<status>                 questions by the status of their answer; a question
                                    with no answer is not-started

SPDX-License-Identifier: GPL-3.0-or-later
"""

import sys
import xml.etree.ElementTree as ET

P = '{https://chorus-app.github.io/ns/project/1}'
C = '{https://chorus-app.github.io/ns/consultation/1}'
STANCES = ['unset', 'agree', 'disagree', 'mixed', 'neutral']
STATUSES = ['not-started', 'drafting', 'in-review', 'final']


def count(path):
    root = ET.parse(path).getroot()
    groups = [g.get('id') for g in root.find(P + 'groups')]
    activities = [a.get('id') for a in root.find(P + 'activities')]
    themes = [t.get('id') for t in root.find(P + 'codebook')]
    questions = [q.get('id') for q in root.find(C + 'consultation').iter(C + 'question')]

    counts = {'items': 0, 'codings': 0, 'coded_items': 0}
    for stance in STANCES:
        counts['stance.' + stance] = 0
    for status in STATUSES:
        counts['status.' + status] = 0
    for prefix, ids in (('group.', groups), ('activity.', activities),
                        ('theme.', themes), ('question.', questions)):
        for key in ids:
            counts[prefix + key] = 0
    for theme in themes:
        for group in groups:
            counts['theme_group.%s.%s' % (theme, group)] = 0

    for item in root.find(P + 'items'):
        counts['items'] += 1
        counts['stance.' + item.get('stance', 'unset')] += 1
        counts['question.' + item.get('question')] += 1
        if item.get('group') is not None:
            counts['group.' + item.get('group')] += 1
        if item.get('activity') is not None:
            counts['activity.' + item.get('activity')] += 1
        codings = item.findall(P + 'coding')
        counts['codings'] += len(codings)
        if codings:
            counts['coded_items'] += 1
        for theme in sorted({coding.get('theme') for coding in codings}):
            counts['theme.' + theme] += 1
            if item.get('group') is not None:
                counts['theme_group.%s.%s' % (theme, item.get('group'))] += 1

    answered = {}
    for answer in root.find(P + 'drafts').findall(P + 'answer'):
        answered[answer.get('question')] = answer.get('status')
    for question in questions:
        counts['status.' + answered.get(question, 'not-started')] += 1

    return counts


HEADER = """\
# Expected statistics of resources/examples/trafford-staff-response.chorus.
# Regenerate: /usr/bin/python3 tools/count-example.py resources/examples/trafford-staff-response.chorus > tests/data/example-counts.txt
# Spot-checked by hand against seed 004: 108 staff bullets, 51 from the focus groups and 57
# from the online survey; 5 online-survey and 2 discussion-group bullets under "Should there
# be a minimum and/or maximum population size for GP consortia?" (c-q3); no items for
# Trafford Council, the staff briefing or the intranet Q&A.
"""


def render(counts):
    return HEADER + ''.join('%s=%d\n' % (key, value) for key, value in counts.items())


def main():
    args = sys.argv[1:]
    if len(args) == 3 and args[0] == '--check':
        # For the test suite: is the committed file still what the example gives?
        with open(args[1], encoding='utf-8') as f:
            if f.read() != render(count(args[2])):
                sys.exit('%s is out of date; regenerate it (see its first lines)' % args[1])
        return
    if len(args) != 1:
        sys.exit('usage: count-example.py [--check COUNTS.txt] FILE.chorus')
    sys.stdout.write(render(count(args[0])))


if __name__ == '__main__':
    main()
