#!/usr/bin/python3
"""Generate Chorus's bundled example files from the seed documents.

    /usr/bin/python3 tools/make-examples.py [--seeds DIR] [--list-items]

writes

    resources/examples/liberating-the-nhs.consultation.xml
    resources/examples/patient-led-nhs-essex.consultation.xml
    resources/examples/trafford-staff-response.chorus

The seeds are plain-text copies of the source documents (by default in
../shared/seeds beside the checkout):

    000_*.txt  "Commissioning a Patient-led NHS in Essex", the 2005 consultation
    002_*.txt  "Commissioning a Patient-led NHS" (2005), the eight national criteria
    004_*.txt  NHS Trafford's response to the "Liberating the NHS" companion
               consultations (2010): the organisation's key points, Trafford
               Council's answers and the staff engagement tables

Everything that can be read from the seeds is read from them, so that every
staff bullet becomes exactly one item with its exact text. What cannot be
read - which document and section a question belongs in, the codebook, how
each item is coded, the drafted answers - is curated in the tables below.
Each curated entry names the text it is about and the script stops if the
seed no longer says so.

The output is committed; nothing runs this at build time. The .chorus file is
written exactly as libchorus writes a project (docs/file-format.md,
"Writing"), because the tests compare a re-save by libchorus byte for byte.

SPDX-License-Identifier: GPL-3.0-or-later
"""

import argparse
import glob
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXAMPLES = os.path.join(ROOT, 'resources', 'examples')

CONSULTATION_NS = 'https://chorus-app.github.io/ns/consultation/1'
PROJECT_NS = 'https://chorus-app.github.io/ns/project/1'


def fail(message):
    sys.exit('make-examples: ' + message)


def read_seed(seeds, number):
    paths = glob.glob(os.path.join(seeds, '%03d_*.txt' % number))
    if len(paths) != 1:
        fail('expected one seed %03d_*.txt in %s' % (number, seeds))
    with open(paths[0], encoding='utf-8') as f:
        return f.read()


def squash(text):
    """Whitespace-insensitive form, for checking that curated text is in a seed."""
    return ' '.join(text.split())


def clean_lines(lines):
    """Right-strip each line, drop blank lines at either end and fold runs of
    blank lines into one, so paragraphs are separated by exactly one."""
    out = []
    for line in lines:
        line = line.rstrip()
        if line == '' and (not out or out[-1] == ''):
            continue
        out.append(line)
    while out and out[-1] == '':
        out.pop()
    return out


def paragraphs(lines):
    """Seed lines to draft text: one paragraph per non-blank line (the seed
    puts each paragraph on one line), a bullet's "·" dropped, paragraphs
    separated by a blank line as docs/file-format.md asks of drafts."""
    out = []
    for line in lines:
        line = line.strip()
        if line.startswith('·'):
            line = line[1:].strip()
        if line:
            out.append(line)
    return '\n\n'.join(out)


# ---------------------------------------------------------------------------
# The "Liberating the NHS" companion consultations
#
# Seed 004 quotes the questions in two places: the staff tables in its second
# half (which say which document each table answers) and Trafford Council's
# answers to "Local democratic legitimacy in health" in its first half. The
# consultation's own numbering is not in the seed, so questions are numbered
# here in the order they appear in each document. The sections are ours:
# for "Commissioning for patients" they follow the headings of NHS Trafford's
# key points, so that each section's key points sit beside its questions.

LIBERATING = {
    'id': 'liberating-the-nhs-2010',
    'title': 'Equity & Excellence: Liberating the NHS',
    'issuer': 'Department of Health',
    # Not in the seed: the White Paper was published on 12 July 2010 and the
    # companion consultations closed on 11 October 2010.
    'opens': '2010-07-12',
    'closes': '2010-10-11',
    'description': (
        'The consultations published with the White Paper ‘Equity & Excellence: '
        'Liberating the NHS’: transparency in outcomes, regulating healthcare '
        'providers, local democratic legitimacy in health, and commissioning for '
        'patients.\n\n'
        'The questions here are those quoted in NHS Trafford’s response, numbered '
        'in order within each document.'),
}

# Each document: id, title, the seed's heading of its introduction (whose
# paragraphs become the summary), and its sections of questions. A question
# is (id, text) or (id, text, reference); the text is exactly the seed's, line
# wraps mended (see WRAP_FIXES).
DOCUMENTS = [
    {
        'id': 'transparency',
        'title': 'Transparency in outcomes – a framework for the NHS',
        'intro': 'Transparency in outcomes – a framework for the NHS',
        'sections': [
            ('transparency-principles', 'Principles of the framework', [
                ('t-q1', 'How can the proposed Outcome Framework support equality across all '
                         'groups & help reduce health inequalities?'),
                ('t-q2', 'How can the proposed outcomes framework support the necessary '
                         'partnership working between the future Public Health Service and '
                         'social care services?'),
            ]),
            ('transparency-indicators', 'Selecting improvement areas and outcome indicators', [
                # Sic: the seed's question ends without a question mark.
                ('t-q3', 'Do you agree with the proposed design principles for developing '
                         'outcome indicators for the NHS Outcome Framework? Are there any '
                         'missing'),
                ('t-q4', 'Are there any other possible methods or approaches for selecting '
                         'improvement areas and outcome indicators?'),
            ]),
            ('transparency-quality-standards', 'Quality standards', [
                ('t-q5', 'Would there be benefit in developing dedicated patient experience '
                         'Quality Standards for certain services or client groups? If yes, '
                         'which areas should be considered?'),
            ]),
        ],
    },
    {
        'id': 'regulating',
        'title': 'Regulating healthcare providers',
        'intro': 'Regulating healthcare providers',
        # Its two (empty) sections follow the two paragraphs of the seed's
        # summary of it.
        'comment': 'NHS Trafford\'s response, the source of these questions, quotes none '
                   'from this document: NHS Trafford and Trafford Council respond to it as '
                   'a whole, so its sections are empty.',
        'sections': [
            ('regulating-providers', 'Foundation trusts and the provider market', []),
            ('regulating-monitor', 'Monitor as economic regulator', []),
        ],
    },
    {
        'id': 'democratic',
        'title': 'Local democratic legitimacy in health',
        'intro': 'Strengthening democratic legitimacy in health',
        'sections': [
            ('democratic-healthwatch', 'Establishing HealthWatch', [
                ('d-q1', 'Should local HealthWatch have a formal role in seeking patients’ views '
                         'on whether local providers and commissioners of NHS services are '
                         'taking account of the NHS Constitution?'),
                ('d-q2', 'Should local HealthWatch take on the wider role, with responsibility '
                         'for complaints advocacy and supporting individuals to exercise choice '
                         'and control?'),
                ('d-q3', 'What needs to happen for local HealthWatch to fulfil its new functions '
                         'around health complaints advocacy?'),
                ('d-q4', 'What needs to happen for local HealthWatch to support people making '
                         'choices, in particular to support people who do not have the means or '
                         'capacity to make choices about their care?'),
                ('d-q5', 'How should local HealthWatch work with the local authority and GP '
                         'consortia to influence commissioning decisions?'),
                ('d-q6', 'What needs to happen for local Healthwatch to support the needs of '
                         'vulnerable people – such as older or very frail people?'),
                ('d-q7', 'What needs to be done to enable local authorities to be the most '
                         'effective commissioners of local HealthWatch?'),
            ]),
            ('democratic-boards', 'Joint working, health and wellbeing boards and scrutiny', [
                ('d-q8', 'What more, if anything, could and should the Department do to free up '
                         'the use of flexibilities to support integrated working?'),
                ('d-q9', 'Should the responsibility for local authorities to support joint '
                         'working on health and wellbeing be underpinned by statutory powers?'),
                ('d-q10', 'Do you agree with the proposal to create a statutory health and '
                          'wellbeing board or should it be left to local authorities to decide '
                          'how to take forward joint working arrangements?'),
                ('d-q11', 'Do you agree that the proposed health and wellbeing board should have '
                          'the main functions described?', 'paragraph 30'),
                ('d-q12', 'Is there a need for further support to the proposed health and '
                          'wellbeing boards in carrying out aspects of these functions, for '
                          'example information on best practice in undertaking joint strategic '
                          'needs assessments?'),
                ('d-q13', 'How should local health and wellbeing boards operate where there are '
                          'arrangements in place to work across local authority areas, for '
                          'example building on the work done in Greater Manchester or in London '
                          'with the link to the Mayor?'),
                ('d-q14', 'Do you agree with our proposals for membership requirements?'),
                ('d-q15', 'What support might commissioners and local authorities need to '
                          'empower them to resolve disputes locally, when they arise?'),
                ('d-q16', 'Do you agree that the scrutiny and referral function of the current '
                          'health OSC should be subsumed within the health and wellbeing board '
                          '(if boards are created)?'),
                ('d-q17', 'How best can we ensure that arrangements for scrutiny and referral '
                          'maximise local resolution of disputes and minimise escalation to the '
                          'national level?'),
                ('d-q18', 'What arrangements should the local authority put in place to ensure '
                          'that there is effective scrutiny of the health and wellbeing board’s '
                          'functions? To what extent should this be prescribed?'),
            ]),
            ('democratic-equality', 'Equality and other comments', [
                ('d-q19', 'What action needs to be taken to ensure that no-one is disadvantaged '
                          'by the proposals, and how do you think they can promote equality of '
                          'opportunity and outcome for all patients, the public and, where '
                          'appropriate, staff?'),
                ('d-q20', 'Do you have any other comments on this document?'),
            ]),
        ],
    },
    {
        'id': 'commissioning',
        'title': 'Commissioning for patients',
        'intro': 'Commissioning for patients',
        'sections': [
            ('commissioning-consortia', 'Role, capacity, competence of GP consortia', [
                ('c-q1', 'How can GP consortia best be supported in developing their own '
                         'capacity and capability in commissioning?'),
                ('c-q2', 'What support will GP consortia need to access and evaluate external '
                         'providers of commissioning services?'),
            ]),
            ('commissioning-authorisation', 'Authorisation criteria for consortia', [
                ('c-q3', 'Should there be a minimum and/or maximum population size for GP '
                         'consortia?'),
                ('c-q4', 'The consultation outlines the following as likely criteria for '
                         'managing financial risk: Are these the right criteria for an '
                         'effective system of financial risk management?'),
                ('c-q5', 'What support will GP consortia need to help them manage financial '
                         'risk?'),
                ('c-q6', 'What features should be considered essential for the governance of GP '
                         'consortia?'),
            ]),
            ('commissioning-quality', 'Tackling poor quality and promoting excellence in '
                                      'general practice', [
                ('c-q7', 'What arrangements will support the most effective relationship between '
                         'the NHS Commissioning Board and GP consortia in relation to monitoring '
                         'and managing primary care performance?'),
                ('c-q8', 'What are the key elements that you would expect to see reflected in a '
                         'commissioning outcomes framework?'),
            ]),
            ('commissioning-practices', 'Commissioning services from constituent practices', [
                ('c-q9', 'What safeguards are likely to be most effective in ensuring '
                         'transparency and fairness in commissioning services from primary care '
                         'and in promoting patient choice?'),
                ('c-q10', 'How can other primary care contractors most effectively be involved in '
                          'commissioning services to which they refer patients? For example, the '
                          'role of primary care dentists in commissioning hospital and specialist '
                          'dental services and the role of primary ophthalmic providers in '
                          'commissioning hospital eye services.'),
            ]),
            ('commissioning-specialised', 'Regional and specialised commissioning', [
                ('c-q11', 'In what practical ways can the NHS Commissioning Board most '
                          'effectively engage GP consortia in influencing the commissioning of '
                          'national and regional specialised services and the commissioning of '
                          'maternity services?'),
                ('c-q12', 'Are there other activities that could be undertaken by the NHS '
                          'Commissioning Board to support efficient and effective local '
                          'commissioning?'),
                ('c-q13', 'How can the NHS Commissioning Board and GP consortia best work '
                          'together to ensure effective commissioning of low volume services?'),
                ('c-q14', 'Are there any services currently commissioned as regional specialised '
                          'services that could potentially be commissioned in the future by GP '
                          'consortia?'),
            ]),
            ('commissioning-transition', 'Transition to new commissioning arrangements', [
                ('c-q15', 'Where can we learn from current best practice in relation to joint '
                          'working and partnership, for instance in relation to Care Trusts, '
                          'Childrens Trusts and pooled budgets?  What aspects of the current '
                          'practice will need to be preserved in the transition to the new '
                          'arrangements?'),
            ]),
        ],
    },
]

# XML comments written into the .consultation.xml (not the project, whose
# layout is libchorus's and has no comments) where the placement of a
# question is our reading of the seed rather than the seed's.
QUESTION_COMMENTS = {
    'd-q3': 'd-q3 to d-q6 are quoted only in the staff table of NHS Trafford\'s response '
            'headed "Establishing Healthwatch", which does not name its document. '
            'HealthWatch is set out in "Local democratic legitimacy in health", so they are '
            'placed here, beside the HealthWatch questions Trafford Council answered.',
    'd-q10': 'NHS Trafford\'s staff table quotes this question as "One of the proposals '
             'is to create a statutory health and wellbeing board. Do you agree with this '
             'or do you think it should it be left to local authorities to decide how to '
             'take forward joint working arrangements?" It is the same question, so the '
             'staff input is filed here, under the wording Trafford Council quotes.',
    'd-q11': 'NHS Trafford\'s staff table quotes this question as "Do you agree that the '
             'proposed health and wellbeing boards should have the main functions described '
             'in paragraph 30 of the consultation?", hence the reference. The staff input is '
             'filed here.',
    'd-q19': 'This general question and d-q20 are quoted among Trafford Council\'s answers '
             'to this document, so they are placed here.',
}

# The staff tables word two questions differently from Trafford Council's
# quotation of them; their input belongs to one question each (QUESTION_COMMENTS).
STAFF_WORDING = {
    'One of the proposals is to create a statutory health and wellbeing board. Do you agree '
    'with this or do you think it should it be left to local authorities to decide how to '
    'take forward joint working arrangements?': 'd-q10',
    'Do you agree that the proposed health and wellbeing boards should have the main '
    'functions described in paragraph 30 of the consultation?': 'd-q11',
}

# Line wraps in seed 004 that split a quoted question.
WRAP_FIXES = [
    ('statutory health and\n\nwellbeing board', 'statutory health and wellbeing board'),
    ('board’s functions?\n\nTo what extent', 'board’s functions? To what extent'),
]


def all_questions():
    """(document, section id, question tuple) in document order."""
    for document in DOCUMENTS:
        for section_id, _title, questions in document['sections']:
            for question in questions:
                yield document, section_id, question


QUESTION_ORDER = {q[0]: n for n, (_d, _s, q) in enumerate(all_questions())}
QUESTION_TEXT = {q[0]: q[1] for _d, _s, q in all_questions()}
QUESTION_DOCUMENT = {q[0]: d['id'] for d, _s, q in all_questions()}


def mend_wraps(seed):
    for broken, mended in WRAP_FIXES:
        if broken not in seed:
            fail('seed 004 no longer has the line wrap %r' % broken)
        seed = seed.replace(broken, mended)
    return seed


def check_questions(seed):
    """Every curated question is quoted in seed 004, word for word."""
    flat = squash(seed)
    for _d, _s, question in all_questions():
        if squash(question[1]) not in flat:
            fail('question %s is not quoted in seed 004: %r' % (question[0], question[1]))


# ---------------------------------------------------------------------------
# Seed 004, first half: the organisation's text

def split_halves(seed):
    marker = 'A response from staff working at NHS Trafford'
    at = seed.find(marker)
    if at < 0:
        fail('seed 004 has no staff response')
    start = seed.rfind('‘Equity & Excellence', 0, at)
    return seed[:start], seed[start:]


def block(text, start, end):
    """The lines strictly between the first line that is @start and the next
    line that is @end (lines compared stripped, so headings match whole)."""
    lines = text.split('\n')
    stripped = [line.strip() for line in lines]
    try:
        i = stripped.index(start)
    except ValueError:
        fail('seed 004 has no heading %r' % start)
    try:
        j = stripped.index(end, i + 1)
    except ValueError:
        fail('seed 004 has no heading %r after %r' % (end, start))
    return lines[i + 1:j]


def document_intros(first):
    """Each document's introductory paragraphs: from its heading to "Key points"."""
    summaries = {}
    for document in DOCUMENTS:
        summaries[document['id']] = paragraphs(block(first, document['intro'], 'Key points'))
    return summaries


# Under "Regulating healthcare providers" one key point lists the decisions
# GP consortia should be engaged in as four further bullets. They are part of
# that key point, not key points of their own.
REGULATING_SUB_BULLETS = [
    'proposed mergers/acquisitions of FTs',
    'special license provisions',
    'invoking licenses',
    'modifying tariff where requested by a provider',
]

# The headings inside the key points on "Commissioning for patients", and
# the sections whose key points they are.
COMMISSIONING_HEADINGS = {
    'Role, capacity, competence of GP consortia': 'commissioning-consortia',
    'Authorisation criteria for consortia': 'commissioning-authorisation',
    'Tackling poor quality and promoting excellence in general practice':
        'commissioning-quality',
    'Commissioning services from constituent practices': 'commissioning-practices',
    'Regional and specialised commissioning': 'commissioning-specialised',
    'Transition to new commissioning arrangements': 'commissioning-transition',
}


def key_points(first):
    """target id -> key points text, one key point per paragraph."""
    ends = {
        'transparency': 'Regulating healthcare providers',
        'regulating': 'Response from Trafford Council',
        'democratic': 'Response from Trafford Council',
        'commissioning': 'Response from Trafford Council',
    }
    points = {}
    for document in DOCUMENTS:
        after_intro = first[first.index('\n' + document['intro']):]
        lines = block(after_intro, 'Key points', ends[document['id']])
        target = document['id']
        current = []
        collected = {target: current}
        for line in lines:
            text = line.strip()
            if text.startswith('·'):
                text = text[1:].strip()
            if not text:
                continue
            if document['id'] == 'commissioning' and text in COMMISSIONING_HEADINGS:
                current = collected.setdefault(COMMISSIONING_HEADINGS[text], [])
                continue
            if text in REGULATING_SUB_BULLETS:
                current[-1] += '\n- ' + text
                continue
            current.append(text)
        for key, value in collected.items():
            points[key] = '\n\n'.join(value)
    if len(points) != 4 + len(COMMISSIONING_HEADINGS):
        fail('expected key points for 4 documents and %d sections' % len(COMMISSIONING_HEADINGS))
    return points


def council_responses(first):
    """Trafford Council's responses: (target id, text), in seed order."""
    responses = []

    # To "Regulating healthcare providers" and "Commissioning for patients",
    # as a whole: the "Response from Trafford Council" after their key points.
    regulating = first[first.index('\nRegulating healthcare providers'):]
    responses.append(('regulating', paragraphs(
        block(regulating, 'Response from Trafford Council',
              'Strengthening democratic legitimacy in health'))))
    commissioning = first[first.index('\nCommissioning for patients'):]
    responses.append(('commissioning', paragraphs(
        block(commissioning, 'Response from Trafford Council',
              'General response to the companion consultation documents from Trafford Council'))))

    # To "Local democratic legitimacy in health", question by question: each
    # answer runs from its question to the next quoted question.
    democratic = first[first.index('\nStrengthening democratic legitimacy in health'):]
    democratic = democratic[democratic.index('Response from Trafford Council'):
                            democratic.index('\nCommissioning for patients')]
    quoted = []
    for _d, _s, (qid, text, *_rest) in all_questions():
        at = democratic.find(text)
        if at >= 0:
            quoted.append((at, qid, text))
    quoted.sort()
    for n, (at, qid, text) in enumerate(quoted):
        end = quoted[n + 1][0] if n + 1 < len(quoted) else len(democratic)
        answer = democratic[at + len(text):end].split('\n')
        responses.append((qid, '\n\n'.join(clean_paragraphs(answer))))
    if len(quoted) != 16:
        fail('expected Trafford Council to answer 16 questions, found %d' % len(quoted))

    general = 'General response to the companion consultation documents from Trafford Council'
    lines = first[first.index(general) + len(general):].split('\n')
    responses.append((LIBERATING['id'], '\n\n'.join(clean_paragraphs(lines))))
    return responses


def clean_paragraphs(lines):
    """Paragraphs of an answer: blank-line separated; lines of one paragraph
    (the seed has two such in one answer) stay together, joined by a line feed."""
    out = []
    for paragraph in '\n'.join(clean_lines([l.strip() for l in lines])).split('\n\n'):
        if paragraph.strip():
            out.append(paragraph.strip())
    return out


# ---------------------------------------------------------------------------
# Seed 004, second half: the staff engagement tables

TABLE_HEADINGS = {
    'Establishing Healthwatch': 'democratic',
    'Commissioning for patients': 'commissioning',
    'Transparency of outcomes': 'transparency',
    'Local democratic legitimacy in health': 'democratic',
}
DISCUSSION = 'Discussion group responses:'
SURVEY = 'Online survey responses:'
TABLE_LABELS = {'Group', 'Question', 'Summary response to each question', 'Staff'}


def staff_items(second):
    """Every bullet of the staff tables as a dict(question, activity, text), in
    seed order. A bullet runs from its "·" to the next bullet, response
    heading, question or table; its lines are joined with line feeds and a
    blank line inside it (a bullet of several paragraphs) is kept. "none"
    under a heading means no input."""
    by_text = {squash(text): qid for qid, text in QUESTION_TEXT.items()}
    by_text.update({squash(text): qid for text, qid in STAFF_WORDING.items()})

    items = []
    document = question = activity = None
    current = None

    def finish():
        nonlocal current
        if current is not None:
            current['text'] = '\n'.join(clean_lines(current['lines']))
            del current['lines']
            items.append(current)
            current = None

    lines = second.split('\n')
    start = [line.strip() for line in lines].index('Establishing Healthwatch')
    for line in lines[start:]:
        text = line.strip()
        if text in TABLE_HEADINGS:
            finish()
            document, question, activity = TABLE_HEADINGS[text], None, None
        elif text in TABLE_LABELS:
            finish()
        elif text == DISCUSSION:
            finish()
            activity = 'staff-focus-groups'
        elif text == SURVEY:
            finish()
            activity = 'online-staff-survey'
        elif squash(text) in by_text:
            finish()
            question, activity = by_text[squash(text)], None
            if QUESTION_DOCUMENT[question] != document:
                fail('question %s is in the wrong staff table' % question)
        elif text.startswith('·'):
            finish()
            if question is None or activity is None:
                fail('bullet outside a question\'s responses: %r' % text)
            current = {'question': question, 'activity': activity,
                       'lines': [text[1:].strip()]}
        elif text == 'none':
            finish()
        elif current is not None:
            current['lines'].append(text)
        elif text:
            fail('unexpected line in the staff tables: %r' % text)
    finish()
    return items


# ---------------------------------------------------------------------------
# The example project: NHS Trafford's staff response

RESPONDENT = {
    'organisation': 'NHS Trafford',
    'name': 'Mike Barker',
    'role': 'Director of Corporate Affairs & Partnerships',
    'email': 'mike.barker@trafford.nhs.uk',
    'phone': '0161 873 9538',
}

GROUPS = [
    ('staff', 'Staff', False),
    ('trafford-council', 'Trafford Council', True),
]

# The "Summary of consultation activities" table, cell by cell as written
# (the focus groups' dates are one cell of five lines). The Q&A row's first
# cell goes on to describe the section's purpose - "for engagement relating
# to the White Paper consultation and local implications, but will also be
# used going forward ..." - for which an activity has no field; its title is
# the cell's first clause.
ACTIVITIES = [
    ('staff-briefing', 'briefing', 'Staff briefing', '16 sep 10',
     'Promoted to all PCT staff via intranet and branded White Paper staff bulletins',
     'Approximate attendance: 100 people'),
    ('online-staff-survey', 'online-survey', 'Online staff survey', '17 sep 10 – 1 oct 10',
     'Promoted to all PCT staff via intranet and branded White Paper staff bulletins',
     '14 members of staff completed the online survey'),
    ('staff-focus-groups', 'focus-group', 'Staff focus groups',
     '20 sep 10: two sessions\n22 sep 10\n27 sep10\n29 sep10: two sessions\n30 sep 10',
     'Sessions were themed by directorate / team and all sessions were promoted to all PCT '
     'staff via intranet and branded White Paper staff bulletins',
     'Approximately 70 staff across all 7 sessions'),
    ('intranet-qa', 'question-and-answer', 'Anonymous Q&A section on intranet',
     'Throughout September/October and still running',
     'Promoted to all PCT staff via intranet and branded White Paper staff bulletins',
     'Available to all staff'),
]

# The codebook: the eight national criteria against which PCT configurations
# were assessed in 2005 (seed 002, paragraph 3; seed 000 "8 national
# criteria"), each followed by the narrower themes that nest under it, then
# the themes the staff input needed. Colours are the Okabe-Ito palette
# (black swapped for grey, as in libchorus's own palette), its darker shades
# for the added themes, and half tints of a parent's colour for its children.
# (id, parent, colour, name, description, keywords)
THEMES = [
    ('quality', None, '#0072b2', 'Secure high quality safe services',
     'Quality and safety of care: standards, patient safety, patient experience and '
     'evidence-based services.',
     ['quality', 'safety', 'patient experience', 'standards']),
    ('outcomes', 'quality', '#80b9d9', 'Measuring outcomes',
     'What should be measured and how: outcome indicators, processes, patient feedback '
     'and comparable data.',
     ['outcome', 'indicator', 'measure', 'mortality', 'PROMS']),
    ('inequalities', None, '#e69f00', 'Improve health, reduce inequalities',
     'Health improvement, prevention and closing the gap in health between groups.',
     ['inequalities', 'equality', 'prevention', 'life expectancy']),
    ('vulnerable', 'inequalities', '#f3cf80', 'Vulnerable and seldom-heard groups',
     'People who lack capacity, older and frail people, disabled people, minority '
     'communities and others whose needs are easily missed.',
     ['capacity', 'vulnerable', 'BME', 'disability', 'languages']),
    ('gp-engagement', None, '#009e73', 'Improve the engagement of GPs',
     'Bringing GPs and other clinicians into commissioning and keeping them engaged.',
     ['GP', 'clinicians', 'practices', 'referrals']),
    ('public-involvement', None, '#cc79a7', 'Improve public involvement',
     'Patients and the public having a say: HealthWatch, patient groups, feedback and '
     'communication with the public.',
     ['HealthWatch', 'patient voice', 'public', 'engagement']),
    ('choice', 'public-involvement', '#e6bcd3', 'Patient choice',
     'Patients choosing their care and provider, and what helps or hinders that choice.',
     ['choice', 'choose']),
    ('commissioning', None, '#56b4e9', 'Improve commissioning',
     'How services are commissioned and procured: commissioning approach, tendering, '
     'tariffs and contracts.',
     ['commissioning', 'procurement', 'tender', 'tariff']),
    ('performance', 'commissioning', '#abdaf4', 'Performance and contract management',
     'Holding providers and practices to account through contracts, KPIs, reviews and '
     'sanctions.',
     ['performance management', 'KPIs', 'contract management', 'sanctions']),
    ('financial-risk', None, '#d55e00', 'Manage financial balance and risk',
     'Budgets, financial risk, contingency, overspends and the financial skills to '
     'manage them.',
     ['financial risk', 'budget', 'finance', 'overspend']),
    ('social-services', None, '#f0e442', 'Improve co-ordination with social services',
     'Working with local authorities and social care, including health and wellbeing '
     'boards and the JSNA.',
     ['social care', 'local authority', 'health and wellbeing board', 'JSNA']),
    ('management-costs', None, '#999999', 'Reduce management costs',
     'Management and administrative overheads, and the cost of running consortia.',
     ['management costs', 'overheads']),
    ('accountability', None, '#004c77', 'Accountability and governance',
     'Who is responsible for what: governance frameworks, scrutiny, transparency and '
     'openness.',
     ['governance', 'accountability', 'scrutiny', 'transparent']),
    ('conflicts', 'accountability', '#80a6bb', 'Conflicts of interest',
     'Where commissioners are also providers, or decision makers have interests of '
     'their own.',
     ['conflict of interest', 'declare interests']),
    ('resources', None, '#9a6a00', 'Resources and capacity',
     'Having the people, money and support to do the job.',
     ['resources', 'capacity', 'support']),
    ('workforce', 'resources', '#cdb580', 'Workforce and skills',
     'Staff, skills, training and expertise, and keeping experienced PCT staff.',
     ['skills', 'training', 'staff', 'expertise']),
    ('information', None, '#00694d', 'Information and data',
     'Information systems, data quality, analysis and benchmarking.',
     ['information', 'data', 'IT', 'analysts', 'benchmarking']),
    ('partnership', None, '#88516f', 'Partnership working',
     'Working with other agencies, providers, charities and the voluntary sector.',
     ['partnership', 'joint working', 'agencies', 'charities']),
    ('value-for-money', None, '#8e3f00', 'Value for money',
     'Cost effectiveness, efficiency and saving money.',
     ['value for money', 'cost effective', 'save money']),
    ('local', None, '#a0982c', 'Local focus',
     'Keeping services, decisions and knowledge close to Trafford\'s population.',
     ['local', 'Trafford', 'post code lottery']),
    ('clarity', None, '#666666', 'Clarity of roles and remit',
     'Open questions about what new bodies will do, and calls for their roles to be '
     'defined.',
     ['remit', 'clarity', 'clearly defined']),
]

# How each staff item is coded: (stance, text it starts with, themes coding
# the whole item, [(theme, exact phrase)] coding a span). Stances say what
# the contributor thought of the proposal the question is about: "neutral"
# for suggestions that take no side, None where the text does not say.
# Items are numbered in the order the project lists them: by question in
# document order, then as they appear in the seed.
CODING = {
    'i-0001': ('neutral', 'Specific actions and targeted support', ['inequalities'],
               [('vulnerable', 'equality target groups')]),
    'i-0002': ('neutral', 'By measuring trends', ['inequalities', 'outcomes'], []),
    'i-0003': ('neutral', 'Need to monitor inequalities', ['inequalities'],
               [('information', 'Need population segmentation'),
                ('outcomes', 'Need a public health outcomes framework.')]),
    'i-0004': ('agree', 'It can support Equality', ['inequalities'],
               [('outcomes', 'A more targeted approach with targeted outcomes will help '
                             'reduce inequalities.')]),
    'i-0005': ('mixed', 'Proposed outcome framework will give', ['partnership'],
               [('outcomes', 'clear outcomes to work towards'),
                ('social-services', 'Partnerships with LA departments other than social '
                                    'care services')]),
    'i-0006': ('neutral', 'Prevention. Joint outcomes', ['partnership'],
               [('inequalities', 'Prevention.'),
                ('social-services', 'Joint outcomes through health and wellbeing boards'),
                ('gp-engagement', 'Concern about GPs - need to communicate effective public '
                                  'health intervention.')]),
    'i-0007': ('agree', 'The outcomes framework will enable', ['inequalities', 'partnership'],
               [('social-services', 'support in the social care setting')]),
    'i-0008': ('mixed', 'It is important to measure processes', ['outcomes'],
               [('public-involvement', 'Indicators that are meaningful to the public is '
                                       'helpful but not essential.'),
                ('clarity', 'Why April 2011?')]),
    'i-0009': ('neutral', 'I think we need to resolve the tension', ['value-for-money'],
               [('public-involvement', 'relationship with the voting public')]),
    'i-0010': ('disagree', '"are meaningful to the public"', ['outcomes'],
               [('public-involvement', 'too complex for the public at large to be engaged '
                                       'in a meaningful way')]),
    'i-0011': ('neutral', 'Keep politics out', ['outcomes'],
               [('workforce', 'Clear performance appraisal for everyone employed by, or '
                              'contracted by, the NHS'),
                ('public-involvement', 'More routine, more comprehensive measurement of '
                                       'collecting patient feedback after each healthcare '
                                       'episode')]),
    'i-0012': ('mixed', 'There are a couple of things at odds', ['choice'],
               [('gp-engagement', 'the move towards a clinician led/managed NHS'),
                ('outcomes', 'the processes may be hindering the outcomes at present')]),
    'i-0013': ('neutral', 'Have some narrow indicators', ['outcomes'], []),
    'i-0014': ('agree', 'One approach across the NHS', ['quality', 'outcomes'],
               [('information', 'true comparative data'),
                ('choice', 'used by local people for choice')]),
    'i-0015': ('agree', 'Yes but these need to be tangible', ['quality'],
               [('outcomes', 'not just focus on outcomes')]),
    'i-0016': ('neutral', 'Need to understand what local means', ['public-involvement'],
               [('clarity', 'Need to understand what local means.'),
                ('social-services', 'Will Healthwatch be both health and social care? If '
                                    'not, it needs to be.'),
                ('workforce', 'Huge training development issue to fill skills gap')]),
    'i-0017': ('neutral', 'They need to be fit for purpose and have teeth',
               ['public-involvement'],
               [('accountability', 'They need to be fit for purpose and have teeth.')]),
    'i-0018': ('neutral', 'Healthwatch needs to identify', ['vulnerable', 'choice'],
               [('public-involvement', 'Outreach programme both national and local level to '
                                       'ensure public awareness of healthwatch'),
                ('resources', 'Need correct / adequate level of resources to provide an '
                              'effective service')]),
    'i-0019': ('neutral', 'Need to ensure that other agencies', ['partnership'],
               [('public-involvement', 'make sure all members of the community are '
                                       'represented')]),
    'i-0020': ('neutral', 'Patient rep group', ['public-involvement'],
               [('partnership', 'Use charities to deliver message'),
                ('vulnerable', 'living with disability / deafness / impairments')]),
    'i-0021': ('neutral', 'They should be the genuine voice', ['public-involvement'],
               [('local', 'genuine voice of local people')]),
    'i-0022': ('neutral', 'Need resources to engage', ['vulnerable'],
               [('resources', 'Need resources to engage with groups who lack capacity to '
                              'make decisions.'),
                ('partnership', 'Links with agencies that take decisions / deliver health '
                                'and social care services.'),
                ('clarity', 'Question: where will the PALS and complaints function that is '
                            'carried out by PCTs sit in the future?')]),
    'i-0023': ('mixed', 'Joint working should be taken forward',
               ['social-services', 'partnership'], []),
    'i-0024': ('agree', 'We agree that a health and wellbeing board', ['social-services'],
               [('workforce', 'experience and skills set')]),
    'i-0025': ('agree', 'Yes I agree with a Statutory', ['social-services', 'partnership'],
               [('inequalities', 'We are the leaders in Public Health / Health '
                                 'Improvement')]),
    'i-0026': ('mixed', 'First point: agree.', ['social-services'],
               [('gp-engagement', 'How does this join up with GP commissioners?'),
                ('clarity', 'What powers will they have? Who will be on the board?')]),
    'i-0027': ('agree', 'JSNA - agree', ['social-services'],
               [('accountability', 'Scrutiny - helps improve the service')]),
    'i-0028': ('agree', 'Yes, it already jointly assesses', ['social-services'],
               [('local', 'will benefit the population of Trafford'),
                ('accountability', 'Scrutiny role is good')]),
    'i-0029': ('neutral', 'By employing PCT staff!', ['workforce', 'commissioning'],
               [('accountability', 'understand what their role is and how they are '
                                   'accountable'),
                ('financial-risk', 'Finance awareness / budget skills')]),
    'i-0030': (None, 'Depends on what are consortias', ['clarity', 'commissioning'], []),
    'i-0031': ('neutral', 'That depends on what functions', ['workforce', 'gp-engagement'],
               [('clarity', 'That depends on what functions the GP will actually perform '
                            'within the Consortia.'),
                ('performance', 'Performance management (detailed, rigorous scrutiny with '
                                'penalties for non compliance)'),
                ('accountability', 'Clear governance will be needed to give them a '
                                   'framework to work through.'),
                ('management-costs', 'considering the cost implication of a GP salaries '
                                     'would be similar to an exec of a PCT')]),
    'i-0032': (None, 'There has to be open communication', ['partnership'],
               [('accountability', 'open communication')]),
    'i-0033': ('neutral', 'think they need to be clear', ['clarity'],
               [('information', 'audit and data quality plan')]),
    'i-0034': ('neutral', 'A stocktake of existing information systems',
               ['information', 'workforce'], []),
    'i-0035': ('neutral', 'To start taking the workload', ['commissioning'],
               [('performance', 'Commissioning should include performance'),
                ('financial-risk', 'financial risk control')]),
    'i-0036': ('neutral', 'having people who understand', ['workforce'],
               [('value-for-money', 'save money')]),
    'i-0037': ('neutral', 'They need a commissioning / business team', ['resources'],
               [('financial-risk', 'financial support'),
                ('information', 'informatics support')]),
    'i-0038': ('neutral', 'contract and performance management', ['performance'],
               [('accountability', 'open book policy to see profit made by companies')]),
    'i-0039': ('neutral', 'Good information (community services', ['information'],
               [('workforce', 'Training'),
                ('partnership', 'Links and relationships')]),
    'i-0040': ('neutral', '- reports showing performance', ['information'],
               [('performance', 'reports showing performance of current services of '
                                'external providers'),
                ('clarity', 'GP consortia duties and responsibilities clearly defined')]),
    'i-0041': ('neutral', 'Managers with established relationships',
               ['workforce', 'commissioning'],
               [('information', 'Accurate Data (outcome focus)'),
                ('performance', 'Service reviews and performance management')]),
    'i-0042': ('neutral', 'Commissioning need to provide the consortia', ['information'],
               [('clarity', 'understand the scale of the task involved')]),
    'i-0043': ('neutral', 'information and support', ['information', 'resources'], []),
    'i-0044': ('neutral', 'Robust Information on planned and actual activity',
               ['information', 'performance'], []),
    'i-0045': ('neutral', 'access to the different IT', ['information'],
               [('workforce', 'an understanding of the interpretation and manipulation of '
                              'data')]),
    'i-0046': ('neutral', 'Robust tendering support', ['commissioning'], []),
    'i-0047': ('neutral', 'I would expect external providers', ['workforce', 'information'],
               [('quality', 'quality health outcomes')]),
    'i-0048': ('disagree', 'NO - not relevant', [], []),
    'i-0049': ('agree', 'Yes, depending on health inequalities', [],
               [('inequalities', 'health inequalities'),
                ('value-for-money', 'value for money')]),
    'i-0050': ('agree', 'Yes, too small', [],
               [('management-costs', 'overheads will be unsustainable'),
                ('local', 'commissioning services that are for their local area')]),
    'i-0051': ('agree', 'Minimum should not be lower than 50,000', ['local'],
               [('inequalities', 'post code lottery')]),
    'i-0052': (None, 'think for Trafford they should have', ['local'],
               [('partnership', 'they can work together also')]),
    'i-0053': ('agree', 'Yes, minimum of 200,000', ['local'],
               [('social-services', 'Consortia need to work in parallel with Local '
                                    'Authorities')]),
    'i-0054': ('disagree', 'no', [], []),
    'i-0055': ('mixed', 'The proposed criteria are vague', ['financial-risk'],
               [('clarity', 'The proposed criteria are vague'),
                ('workforce', 'perhaps provide financial training for clinicians'),
                ('information', 'The system will operate more effectively by people '
                                'analysing information.'),
                ('accountability', 'Ensure there is a disciplinary process for GP practices '
                                   'that don’t adhere')]),
    'i-0056': ('mixed', 'I think they are but', ['financial-risk'],
               [('performance', 'What are the sanctions?'),
                ('accountability', 'Governance is a big part of this as well.')]),
    'i-0057': ('disagree', '"allowing for the maximum proportion', ['financial-risk'], []),
    'i-0058': ('neutral', 'Financial support', ['financial-risk'],
               [('information', 'Information systems for contract activity data'),
                ('workforce', 'training to ensure clinicians understand the financial '
                              'implications of the referrals / prescriptions they make.')]),
    'i-0059': ('neutral', 'Managing financial risk extends', ['financial-risk', 'workforce'],
               [('commissioning', 'commissioning, contracting, information and service '
                                  're-design expertise')]),
    'i-0060': ('neutral', 'People to explain where the funds',
               ['financial-risk', 'information'], []),
    'i-0061': ('neutral', 'Financial experts', ['financial-risk', 'workforce'], []),
    'i-0062': ('neutral', 'The management of patient safety', ['accountability'],
               [('quality', 'The management of patient safety'),
                ('partnership', 'multi-agency working'),
                ('workforce', 'HR framework will be needed'),
                ('conflicts', 'especially when GPs will be providers as well as '
                              'commissioners')]),
    'i-0063': (None, 'HR framework??', ['workforce'], []),
    'i-0064': ('neutral', 'Current legislation and existing frameworks', ['accountability'],
               [('public-involvement', 'healthwatch')]),
    'i-0065': ('neutral', 'Information governance, risk management', ['accountability'],
               [('information', 'Information governance'),
                ('public-involvement', 'communications and engagement'),
                ('performance', 'contracts / finance and performance management')]),
    'i-0066': ('neutral', 'Ensuring that jobs', ['workforce', 'accountability'], []),
    'i-0067': ('neutral', 'Performance management framework', ['performance'],
               [('accountability', 'Understanding where accountability lies'),
                ('financial-risk', 'Account management (finances)')]),
    'i-0068': (None, 'GP consortia will be responsible for commissioning', ['conflicts'],
               [('clarity', 'how will they know what services need to be commissioned for '
                            'local population')]),
    'i-0069': ('neutral', 'Clear corporate governance framework', ['accountability'],
               [('performance', 'NHS board must have some sanction if GPs are not '
                                'performing.')]),
    'i-0070': ('neutral', 'GP consortia will have a role in driving up',
               ['performance', 'gp-engagement'],
               [('quality', 'what standards are going to be used to measure themselves')]),
    'i-0071': ('neutral', 'legislation and incentives.', ['performance'], []),
    'i-0072': ('neutral', 'Openness and honesty.', ['accountability'],
               [('gp-engagement', 'Complete participation of all GPs to be compulsory.')]),
    'i-0073': ('neutral', 'value for money, address health inequalities', ['outcomes'],
               [('value-for-money', 'value for money'),
                ('inequalities', 'address health inequalities'),
                ('quality', 'providers deliver cost effective evidence based service')]),
    'i-0074': ('neutral', 'health improvements, 100% access', ['outcomes'],
               [('inequalities', 'health improvements'),
                ('value-for-money', 'value for money'),
                ('choice', 'patient choice')]),
    'i-0075': ('neutral', 'Things that can be measured', ['outcomes'],
               [('quality', 'quality, patient experience')]),
    'i-0076': ('neutral', 'No decision about me without me', ['outcomes'],
               [('public-involvement', 'No decision about me without me'),
                ('value-for-money', 'value for money'),
                ('local', 'locally agreed/designed services tailored to the population')]),
    'i-0077': ('neutral', 'The European Foundation of Quality Management', ['outcomes'],
               [('performance', 'balanced scorecard'),
                ('local', 'understanding what is important to Trafford people'),
                ('information', 'The real kicker will be actually gathering outcome data that '
                                'isn\'t 12 months out of date')]),
    'i-0078': ('neutral', 'Increased life expectancy with patients with chronic',
               ['outcomes'],
               [('inequalities', 'Increased life expectancy'),
                ('vulnerable', 'patients with LD or MH')]),
    'i-0079': ('neutral', 'Clear, measurable goals', ['outcomes'], []),
    'i-0080': ('neutral', 'Maximise length of quality life years', ['outcomes', 'quality'], []),
    'i-0081': ('neutral', 'Everyone has to be charged NHS tariff', ['commissioning'],
               [('choice', 'if not the same price, choice won\'t be there')]),
    'i-0082': ('disagree', 'commissioner / provider split', ['conflicts', 'choice'],
               [('clarity', 'purpose of the commissioning board?')]),
    'i-0083': ('neutral', 'corporate governance - GPs should declare', ['conflicts'], []),
    'i-0084': ('neutral', 'All communication with the public', ['public-involvement'],
               [('vulnerable', 'available in a variety of languages, and culture specific'),
                ('accountability', 'Openness with the public how things are going and how '
                                   'decisions are made.')]),
    'i-0085': ('neutral', 'Robust internal tender arrangements',
               ['commissioning', 'accountability'], []),
    'i-0086': ('mixed', 'The establishment of a Project Board', ['commissioning'],
               [('conflicts', 'Any individual with a potential conflict of interest should '
                              'not be selected on a Project Board.'),
                ('choice', 'Safeguarding choice could conflict with cost reduction.')]),
    'i-0087': (None, 'will GDPs set up their own consortia', ['clarity'],
               [('performance', 'Who will contract manage and performance manage GDPs?')]),
    'i-0088': ('neutral', 'The introduction of dental/optical homes', ['workforce'], []),
    'i-0089': ('neutral', 'ensure clinicians are on board', ['gp-engagement'], []),
    'i-0090': ('disagree', 'How will this effect local services?', ['local'], []),
    'i-0091': ('neutral', 'Legislation or incentives.', ['gp-engagement'], []),
    'i-0092': ('neutral', 'Give examples of tried and tested processes', ['gp-engagement'],
               [('workforce', 'could be trained to give enhanced services'),
                ('value-for-money', 'at a lower cost than secondary care')]),
    'i-0093': ('neutral', 'speak with the GP\'s', ['gp-engagement'],
               [('information', 'provide information')]),
    'i-0094': ('neutral', 'building relationships with the consortia', ['partnership'],
               [('accountability', 'transparent systems in place around decision making')]),
    'i-0095': ('neutral', 'Difficult to say as we don\'t know their remit', ['commissioning'],
               [('clarity', 'we don\'t know their remit yet'),
                ('value-for-money', 'more cost effective')]),
    'i-0096': (None, 'NHS commissioning board - regional or national?', ['clarity'], []),
    'i-0097': ('neutral', 'Larger footprint services', ['commissioning'], []),
    'i-0098': ('neutral', 'Highlight high and low refers', ['performance'],
               [('value-for-money', 'Highlight the cost differences between secondary care '
                                    'and primary care')]),
    'i-0099': ('neutral', 'Regional effective use of resources policy',
               ['commissioning', 'resources'], []),
    'i-0100': ('neutral', 'establish community guidelines', ['commissioning', 'workforce'], []),
    'i-0101': ('neutral', 'Review the PBR tariff arrangements', ['commissioning'],
               [('partnership', 'use of social enterprises, charities etc.')]),
    'i-0102': ('neutral', 'Keep highlighting to practices', ['performance', 'gp-engagement'],
               []),
    'i-0103': ('neutral', 'Give examples of tried and tested processes', ['gp-engagement'],
               [('workforce', 'could be trained to give enhanced services'),
                ('value-for-money', 'at a lower cost than secondary care')]),
    'i-0104': ('agree', 'Bariatric surgery (NWSCT)', ['commissioning'], []),
    'i-0105': (None, 'Need to consider public health white paper', ['partnership'],
               [('social-services', 'local authority involvement'),
                ('local', 'local input?')]),
    'i-0106': ('neutral', 'continuing healthcare and funded nursing care', ['quality'], []),
    'i-0107': ('mixed', 'We can\'t learn much regarding joint working',
               ['partnership', 'social-services'],
               [('vulnerable', 'citizens who have Long Term Conditions'),
                ('value-for-money', 'collaboration and lean processes')]),
    'i-0108': ('neutral', 'Relationships will all providers', ['partnership'],
               [('performance', 'Contracts must thorough, realistic and have robust audit '
                                'tools within them.')]),
}

# Drafted answers: question id -> (status, text). They say what staff told
# us and what NHS Trafford's key points already say, in the organisation's
# voice, and nothing else. Questions left out have no answer yet (the
# HealthWatch and board questions only Trafford Council answered).
ANSWERS = {
    't-q1': ('final', (
        'Staff told us that the framework will support equality only if it leads to specific '
        'actions and targeted support for the groups whose health is worse, with information '
        'that is relevant to their experience of health services. They warned against a '
        '‘one size fits all’ approach to increasing life expectancy.\n\n'
        'To make that possible the framework should measure trends in inequalities rather '
        'than averages, and be supported by population segmentation, the best available '
        'evidence and a public health outcomes framework. Reducing health inequalities is '
        'one of the whole system objectives the framework needs to recognise alongside good '
        'clinical outcomes.')),
    't-q2': ('in-review', (
        'Clear outcomes give partnership working a direction to work towards, and staff saw '
        'joint outcomes through health and wellbeing boards as the natural vehicle. They '
        'pointed out that partnerships with local authority departments other than social '
        'care will often matter more for preventing premature death, and asked where social '
        'care services fit in the outcomes about healthy lifestyle choices.\n\n'
        'It will not be easy to attribute the relative contributions of the NHS, public '
        'health and social care to outcome indicators, but a clear methodology is required '
        'if those contributions are to inform funding decisions and the redesign of '
        'services. Staff also asked that GPs are helped to communicate effective public '
        'health interventions.')),
    't-q3': ('final', (
        'Our staff made two points about the principles. First, processes should be '
        'measured as well as outcomes, because efficient processes '
        'matter to patients and drive better outcomes: good access is a quality outcome in '
        'itself and should be given weight alongside clinical outcomes. Second, lack of '
        'evidence that an area can be improved should not stop it from being measured and '
        'improved; the framework must not focus disproportionately on the areas where it is '
        'easiest to develop measures.\n\n'
        'Staff were less sure about requiring indicators to be meaningful to the public. '
        'That is helpful but not essential, and some information may be too complex for '
        'the public at large to engage with; an indicator should not be dismissed for that '
        'reason alone.')),
    't-q4': ('drafting', (
        'Staff suggested more routine and more comprehensive collection of patient feedback '
        'after each episode of care, covering what has gone well as well as complaints, and '
        'some narrow indicators in specific areas where the methods that give the best '
        'outcomes are known.\n\n'
        'They also asked that indicators are kept free of politics, and noted the tension '
        'between expanding patient choice and a clinician-led NHS, which the framework will '
        'need to handle.')),
    't-q5': ('in-review', (
        'Yes. Staff supported dedicated patient experience Quality Standards provided they '
        'are simple and tangible enough to be used by local people when they choose, and '
        'common across providers so that the data are truly comparable. They suggested '
        'extending PROMs into one overall score, more focus on Quality Accounts, and clear '
        'systems for managing quality, including experience.\n\n'
        'The standards should not look only at outcomes: the service user journey matters '
        'and can affect the outcome. They will also need to be easy to incorporate into '
        'contracts and service specifications.')),
    'd-q3': ('drafting', (
        'Staff asked first what ‘local’ will mean, and said HealthWatch must cover social '
        'care as well as health. Filling the skills gap will be a major training and '
        'development task, and existing skills in the system should be used.\n\n'
        'HealthWatch must be fit for purpose and ‘have teeth’: one member of staff felt that '
        'current advocacy services are not able to truly represent people.')),
    'd-q4': ('in-review', (
        'HealthWatch will need to identify who does not have the capacity to make choices '
        'about their care, understand what choice is available and how it is exercised, and '
        'give careful thought to supporting people who cannot find information or advocate '
        'for themselves.\n\n'
        'Staff also called for outreach at national and local level so that the public know '
        'about HealthWatch, for an adequate level of resources, and for HealthWatch to work '
        'in partnership with other agencies so that all members of the community are '
        'represented.')),
    'd-q5': ('drafting', (
        'Staff want a patient representative group drawn from a wide spectrum of the '
        'community, including BME communities, with accessible and varied routes for '
        'patients to be heard. Charities could help deliver messages, engage people of '
        'different backgrounds, ages and ethnicity, and educate the public about the needs '
        'of Trafford patients. HealthWatch should be the genuine voice of local people, not '
        'of the few who always speak up.\n\n'
        'We would like to see more detail on the relationships and accountabilities between '
        'GP consortia and their own patient involvement structures, local and national '
        'HealthWatch, the NHS Commissioning Board and health and wellbeing boards.')),
    'd-q6': ('drafting', (
        'HealthWatch will need resources to engage with people who lack the capacity to make '
        'decisions, and links with the agencies that take decisions about and deliver their '
        'health and social care.\n\n'
        'Staff asked where the PALS and complaints function now carried out by PCTs will sit '
        'in future, and, if the primary care function moves to HealthWatch, why the '
        'secondary and tertiary functions should stay where they are.')),
    'd-q8': ('final', (
        'We would strongly emphasise the importance of understanding and managing the '
        'interdependencies between health and social care, and the need for integrated '
        'funding mechanisms as well as integrated service delivery. We would like to see '
        'more detail on how place-based budgeting would operate and enable the integration '
        'of NHS, public health and local government funding streams.')),
    'd-q10': ('final', (
        'Yes. Our staff supported a statutory health and wellbeing board as a framework for '
        'joint working, and one was clear that it should not be left to local authorities '
        'to decide; some felt the NHS should lead its development, given its '
        'experience and skills in public health and health improvement.\n\n'
        'The principle of commissioning being co-terminous with local authorities is '
        'strongly supported by the PCT in Trafford and its partners. The board’s dual '
        'delivery and scrutiny role must not create conflicts of interest.')),
    'd-q11': ('in-review', (
        'Staff agreed with the main functions. Assessing needs through the JSNA is already '
        'a joint function, and joined-up commissioning plans will benefit the population of '
        'Trafford. They suggested that ‘promote’ should read ‘ensure’, and asked how the '
        'board will join up with GP commissioners, what powers it will have and who will sit '
        'on it.\n\n'
        'Staff saw the scrutiny role as helping to improve services. It will be important '
        'to ensure that the dual delivery and scrutiny role does not create conflicts of '
        'interest, particularly where a local authority also provides commissioning support '
        'to GP consortia.')),
    'd-q13': ('drafting', (
        'Relationships may be particularly complex where the boundaries of commissioning '
        'consortia do not align with those of local government, so that the decisions of a '
        'consortium affect residents of more than one authority. The principle of '
        'commissioning being co-terminous with local authorities is strongly supported by '
        'the PCT in Trafford and its partners.')),
    'd-q16': ('in-review', (
        'It will be important to ensure that the proposed dual delivery and scrutiny role '
        'of the boards does not create conflicts of interest, particularly where a local '
        'authority’s involvement in NHS commissioning extends to providing commissioning '
        'support services to GP consortia.')),
    'd-q17': ('drafting', (
        'At a time when major service change will be necessary in most parts of the NHS, it '
        'will be crucial to strike the right balance between robust scrutiny of '
        'redesign, reconfiguration and prioritisation proposals and the need for rapid '
        'decision-making and action. Responsibilities for decision-making and chains of '
        'accountability must be absolutely clear.')),
    'd-q20': ('final', (
        'We welcome the focus on strengthening public engagement in, and local '
        'accountability for, the health service, but we are unclear how the proposals will '
        'give local people more influence over decisions about NHS services that will be '
        'made by GP-led commissioning consortia.\n\n'
        'We would like to see further detail on how the new arrangements will relate to '
        'children’s services, and whether commissioning consortia will be statutory members '
        'of child safeguarding arrangements.')),
    'c-q1': ('final', (
        'By drawing on the skills that already exist: staff suggested employing PCT staff, '
        'working closely with current commissioning managers and a structured handover '
        'period. GPs will need training and development to understand their role and how '
        'they are accountable, finance and budget skills, and in some cases leadership '
        'training.\n\n'
        'What support is needed depends on what consortia will actually do. Staff proposed a '
        'stocktake of existing information systems, skills and knowledge and a skills gap '
        'analysis against the future state, clear objectives, clear governance, and an '
        'audit and data quality plan. Capacity will need incentives or the movement of some '
        'GPs from practice into management roles.\n\n'
        'Exceptionally strong clinical and managerial leadership will be required, and '
        'consortia will need access to a wide range of expertise to be an ‘intelligent '
        'client’ of commissioning support providers.')),
    'c-q2': ('in-review', (
        'Consortia will need a commissioning and business team, financial support, a '
        'contracts team, medicines management, estates and informatics support, and links '
        'to providers. Staff stressed good information: reports on the performance of '
        'current providers, current demand and costs, benchmarking, and analysts able to '
        'bring the data sources together.\n\n'
        'Evaluating providers will depend on contract and performance management through '
        'regular reviews of outcomes, KPIs and quality indicators, an open-book policy, '
        'robust tendering support and a register of approved contractors. Managers with '
        'established relationships with providers should give consortia a full list of the '
        'services the PCT provides and commissions, so that they understand the scale of '
        'the task.')),
    'c-q3': ('final', (
        'We believe that practices should be able to decide for themselves what size and '
        'form their consortia will take, and that no minimum or maximum size should be '
        'prescribed. Such decisions must be taken with due consideration of economies of '
        'scale, critical mass, the management of financial risk and the management cost '
        'envelope, and assured in a rigorous but light-touch way.\n\n'
        'Our staff were divided. Some saw no need for limits; others argued for a minimum '
        'so that consortia have traction and sustainable overheads, suggesting figures from '
        '50,000 to 200,000, and for footprints that match local authorities. One was '
        'concerned that Trafford should not become a ‘post code lottery’ depending on the '
        'quality of a consortium.')),
    'c-q4': ('in-review', (
        'Staff found the criteria vague. ‘Allowing for the maximum proportion of funds to be '
        'allocated direct to patient services’ taken literally means 100%, leaving nothing '
        'to manage financial risk; ‘optimum proportion’ would be better. A contingency is '
        'needed to deal with uncontrollable risk.\n\n'
        'They asked what happens to a consortium that overspends, what the sanctions are '
        'and how practices that do not adhere will be dealt with, and suggested three-year '
        'funding cycles to allow money to be carried between years. As well as an '
        'authorisation process, a failure regime for commissioners is required, including a '
        'definition of the break-even duty that will be placed on consortia.')),
    'c-q5': ('drafting', (
        'Financial support and financial experts, information systems for contract activity '
        'data, and training so that clinicians understand the financial implications of '
        'the referrals and prescriptions they make.\n\n'
        'Staff pointed out that managing financial risk goes beyond financial expertise: '
        'consortia will need a team that brings together commissioning, contracting, '
        'information and service redesign expertise, explains where funds are currently '
        'allocated and analyses trends in spending.')),
    'c-q6': ('drafting', (
        'Staff listed a corporate governance structure that makes accountabilities robust '
        'and transparent; the management of patient safety and serious incidents across '
        'organisations; an HR framework; information governance, risk management, patient '
        'experience and complaints, communications and engagement; and contract, finance '
        'and performance management. Lines of accountability will need to be especially '
        'clear where GPs are providers as well as commissioners.\n\n'
        'More attention needs to be given to the corporate governance of consortia, '
        'including the status of the accountable officer and the implications for them of '
        'organisational failure.')),
    'c-q7': ('in-review', (
        'Staff called for a performance management framework with a balanced scorecard and '
        'KPIs, a clear corporate governance framework that defines the roles and '
        'responsibilities of both organisations, and powers for the NHS Commissioning Board '
        'to act if a consortium does not perform. Lessons should be learnt from previous '
        'systems such as QOF.\n\n'
        'They also asked how consortia can monitor the performance of services they may '
        'provide themselves. The relationship between the Board and consortia should not be '
        'only about holding consortia to account: they will sometimes need to work together '
        'to improve local primary care.')),
    'c-q8': ('final', (
        'Staff wanted a framework that is outcome led rather than process or target led, '
        'with clear, measurable goals and indicators whose methodology and thresholds stay '
        'stable over time. The elements they named were health improvement and reduced '
        'health inequalities, survival and mortality, life expectancy for people with '
        'chronic illness, learning disabilities or mental health problems, quality and '
        'patient experience, access, patient choice and value for money.\n\n'
        'One suggested a balanced scorecard approach, such as the Business Excellence '
        'Model, so that the factors that drive outcomes are not lost. Outcome data will need '
        'to be timely to be useful.')),
    'c-q9': ('drafting', (
        'Staff suggested that GPs declare their interests, that anyone with a potential '
        'conflict of interest is kept off the board for an investment decision, and robust '
        'tendering with appropriate external regulation. Charging the same tariff everywhere '
        'would stop price differences from undermining choice.\n\n'
        'Consortia could commission services over and above core primary care from their '
        'constituent practices as long as the process is transparent, for example through '
        'open-book accounting and independent procurement, but it is not yet clear who will '
        'scrutinise this.')),
    'c-q10': ('drafting', (
        'Staff asked whether dentists will form consortia as GPs do, and who will contract '
        'and performance manage them. One suggested that dental and optical homes could '
        'recruit, train and employ new clinicians.')),
    'c-q11': ('in-review', (
        'Clinicians should be involved from the beginning, and the Board should build '
        'relationships with consortia and be transparent about how decisions are made. '
        'Staff were concerned that services may not be available locally for the Trafford '
        'population.\n\n'
        'We agree that designated specialised services need to be commissioned at a '
        'regional or national level, but suggest this could be done by federations of '
        'consortia rather than directly by the Board.')),
    'c-q12': ('drafting', (
        'It is difficult to say while the Board’s remit is unknown. Staff suggested that '
        'services with a larger footprint could be co-ordinated and procured regionally, '
        'with national tariffs, and that the Board could highlight variation in referrals.')),
    'c-q13': ('drafting', (
        'Staff suggested a regional policy on the effective use of resources managed by the '
        'Board, a review of PbR tariff arrangements, and commissioning support for '
        'consortia. Social enterprises and charities should be encouraged where they are '
        'cost effective.')),
    'c-q14': ('final', (
        'Staff suggested bariatric surgery, CAMHS, mental health services, neuroscience, '
        'hyperbaric treatment for diving accidents, termination of pregnancy, sexual health, '
        'cancer services and some medicines commissioned through GMMG. Any change should '
        'take account of the public health white paper and local authority involvement, '
        'with local input to regional commissioning through networks.')),
    'c-q15': ('in-review', (
        'Staff felt that continuing healthcare and funded nursing care management should be '
        'kept as a stand-alone service because of its complex nature. Aligning health and '
        'social care for people with long term conditions is vital.\n\n'
        'Relationships with all providers need to be maintained through the transition. It '
        'will be important to minimise the loss of talent from commissioning organisations, '
        'with a good HR framework so that staff with the skills and expertise needed are '
        'retained.')),
}


# ---------------------------------------------------------------------------
# "Commissioning a Patient-led NHS in Essex" (seed 000)
#
# The seed is the text of the consultation's slides: a heading, then bullets
# ("- "), some indented one level. The bullet glyphs survive as a stray "n"
# (sometimes "**n**") before the text, which is dropped. The consultation
# asks one question with four options and one free-text question; the
# slides about each option are the option's summary. A section has no
# summary in the file format, so the document's summary carries them all.

ESSEX = {
    'id': 'patient-led-nhs-essex-2005',
    'title': 'Commissioning a Patient-led NHS in Essex',
    'opens': '2005-12-14',
    'closes': '2006-03-22',
}

ESSEX_OPTIONS = [
    # The seed's slide heading for option 3 repeats "South"
    # ("North, South, South, Southend and Thurrock"); four PCTs are four names.
    ('opt-1', 'Option 1 – 2 PCTs (North Essex)'),
    ('opt-2', 'Option 2 – 3 PCTs (Essex County, Southend and Thurrock)'),
    ('opt-3', 'Option 3 – 4 PCTs (North, South, Southend and Thurrock)'),
    ('opt-4', 'Option 4 – 5 PCTs (Mid, North East, SE, SW, West)'),
]
ESSEX_OPTION_HEADINGS = [
    'Option 1 – 2 PCTs (North Essex)',
    'Option 2 – 3 PCTs (Essex County, Southend and Thurrock)',
    'Option 3 – 4 PCTs (North, South, South, Southend and Thurrock)',
    'Option 4 – 5 PCTs (Mid, North East, SE, SW, West)',
]
ESSEX_STRUCTURE_QUESTION = 'What is the best PCT structure?'
ESSEX_FEEDBACK_QUESTION = 'What do you think are the pros and cons of each option?'


def essex_slides(seed):
    """heading -> list of (level, text) bullets; a heading that recurs (the
    structure question spans two slides) collects the bullets of both."""
    slides = {}
    current = None
    for line in seed.split('\n'):
        if not line.strip():
            continue
        bullet = re.match(r'^( *)- (?:\*\*n\*\* |n )?(.*)$', line)
        if bullet:
            if current is None:
                fail('seed 000: bullet before any heading')
            level = 1 if bullet.group(1) else 0
            current.append((level, bullet.group(2).strip()))
        else:
            current = slides.setdefault(line.strip(), [])
    return slides


def bullets(entries):
    return '\n'.join(('  - ' if level else '- ') + text for level, text in entries)


def essex_consultation(seed):
    slides = essex_slides(seed)
    for heading in ['What people want', '8 national criteria', ESSEX_STRUCTURE_QUESTION,
                    'Streamlining SHAs', 'Ambulance reconfiguration', 'Your feedback'] + \
            ESSEX_OPTION_HEADINGS:
        if heading not in slides:
            fail('seed 000 has no slide %r' % heading)
    if ESSEX_FEEDBACK_QUESTION not in seed:
        fail('seed 000 no longer asks %r' % ESSEX_FEEDBACK_QUESTION)
    if 'Formal Consultation' not in seed or '14 December 2005 to 22 March 2006' not in seed:
        fail('seed 000 no longer gives the consultation period')

    feedback = [(level, text) for level, text in slides['Your feedback']
                if ESSEX_FEEDBACK_QUESTION not in text]
    description = '\n\n'.join([
        'Formal consultation, 14 December 2005 to 22 March 2006.',
        'What people want\n' + bullets(slides['What people want']),
        '8 national criteria\n' + bullets(slides['8 national criteria']),
        'Streamlining SHAs\n' + bullets(slides['Streamlining SHAs']),
        'Ambulance reconfiguration\n' + bullets(slides['Ambulance reconfiguration']),
        'Your feedback\n' + bullets(feedback),
    ])
    summary = '\n\n'.join(
        [ESSEX_STRUCTURE_QUESTION + '\n' + bullets(slides[ESSEX_STRUCTURE_QUESTION])] +
        [option + '\n' + bullets(slides[heading])
         for (_id, option), heading in zip(ESSEX_OPTIONS, ESSEX_OPTION_HEADINGS)])

    return {
        'id': ESSEX['id'],
        'title': ESSEX['title'],
        'opens': ESSEX['opens'],
        'closes': ESSEX['closes'],
        'description': description,
        'documents': [{
            'id': 'essex-pct-structure',
            'title': 'The best PCT structure',
            'summary': summary,
            'sections': [('essex-options', 'The options', [
                {'id': 'e-q1', 'number': 'Q1', 'kind': 'single-choice',
                 'text': ESSEX_STRUCTURE_QUESTION, 'options': ESSEX_OPTIONS,
                 'comment': 'The consultation\'s slide heading for option 3 names South '
                            'twice ("North, South, South, Southend and Thurrock"); four '
                            'PCTs are four names.'},
                {'id': 'e-q2', 'number': 'Q2', 'kind': 'free-text',
                 'text': ESSEX_FEEDBACK_QUESTION},
            ])],
        }],
    }


def liberating_consultation(first):
    """The companion consultations as the writer's model."""
    intros = document_intros(first)
    documents = []
    for document in DOCUMENTS:
        sections = []
        for section_id, title, questions in document['sections']:
            numbered = []
            for n, question in enumerate(questions):
                numbered.append({
                    'id': question[0],
                    'kind': 'free-text',
                    'text': question[1],
                    'reference': question[2] if len(question) > 2 else None,
                    'comment': QUESTION_COMMENTS.get(question[0]),
                })
            sections.append((section_id, title, numbered))
        documents.append({
            'id': document['id'],
            'title': document['title'],
            'summary': intros[document['id']],
            'comment': document.get('comment'),
            'sections': sections,
        })
    # Questions are numbered through each document, across its sections.
    for document in documents:
        n = 0
        for _id, _title, questions in document['sections']:
            for question in questions:
                n += 1
                question['number'] = 'Q%d' % n
    model = dict(LIBERATING)
    model['documents'] = documents
    return model


# ---------------------------------------------------------------------------
# Writing, exactly as libchorus does (docs/file-format.md, "Writing"):
# two-space indentation, one element per line, a text element's content
# written as is (its line feeds included), &, <, > and " escaped, attributes
# in the order the specification shows them, optional attributes and
# elements left out when unset.

def escape(text):
    for character, entity in (('&', '&amp;'), ('<', '&lt;'), ('>', '&gt;'), ('"', '&quot;')):
        text = text.replace(character, entity)
    for character in text:
        if ord(character) < 0x20 and character not in '\t\n\r':
            fail('character U+%04X cannot be written in XML 1.0' % ord(character))
    return text


class Writer:
    def __init__(self, comments):
        self.lines = []
        self.comments = comments

    def attributes(self, attributes):
        return ''.join(' %s="%s"' % (name, escape(value))
                       for name, value in attributes if value is not None)

    def open(self, depth, name, attributes=()):
        self.lines.append('  ' * depth + '<%s%s>' % (name, self.attributes(attributes)))

    def close(self, depth, name):
        self.lines.append('  ' * depth + '</%s>' % name)

    def empty(self, depth, name, attributes=()):
        self.lines.append('  ' * depth + '<%s%s/>' % (name, self.attributes(attributes)))

    def text(self, depth, name, text, attributes=()):
        if text is None:
            return
        self.lines.append('  ' * depth + '<%s%s>%s</%s>' % (
            name, self.attributes(attributes), escape(text), name))

    def comment(self, depth, text):
        """Only in .consultation.xml files, which people read; libchorus never
        writes comments, so the project has none."""
        if not self.comments or not text:
            return
        if '--' in text:
            fail('"--" cannot appear in an XML comment: %r' % text)
        indent = '  ' * depth
        words = text.split()
        lines, line = [], ''
        for word in words:
            if line and len(indent) + 5 + len(line) + 1 + len(word) > 92:
                lines.append(line)
                line = word
            else:
                line = word if not line else line + ' ' + word
        lines.append(line)
        self.lines.append(indent + '<!-- ' + lines[0])
        for more in lines[1:]:
            self.lines.append(indent + '     ' + more)
        self.lines[-1] += ' -->'

    def result(self):
        return '\n'.join(self.lines) + '\n'


def write_consultation(w, depth, model):
    w.open(depth, 'consultation', [('xmlns', CONSULTATION_NS), ('version', '1'),
                                   ('id', model['id'])])
    w.text(depth + 1, 'title', model['title'])
    for name in ('issuer', 'reference', 'opens', 'closes', 'description'):
        w.text(depth + 1, name, model.get(name))
    for document in model['documents']:
        w.open(depth + 1, 'document', [('id', document['id'])])
        w.text(depth + 2, 'title', document['title'])
        w.text(depth + 2, 'summary', document.get('summary'))
        w.comment(depth + 2, document.get('comment'))
        for section_id, title, questions in document['sections']:
            w.open(depth + 2, 'section', [('id', section_id)])
            w.text(depth + 3, 'title', title)
            for question in questions:
                w.comment(depth + 3, question.get('comment'))
                w.open(depth + 3, 'question', [
                    ('id', question['id']), ('number', question['number']),
                    ('kind', question['kind']), ('reference', question.get('reference'))])
                w.text(depth + 4, 'text', question['text'])
                for option_id, option in question.get('options', []):
                    w.text(depth + 4, 'option', option, [('id', option_id)])
                w.close(depth + 3, 'question')
            w.close(depth + 2, 'section')
        w.close(depth + 1, 'document')
    w.close(depth, 'consultation')


def consultation_file(model):
    w = Writer(comments=True)
    w.lines.append('<?xml version="1.0" encoding="UTF-8"?>')
    write_consultation(w, 0, model)
    return w.result()


def char_span(text, phrase, item_id):
    at = text.find(phrase)
    if at < 0:
        fail('%s: %r is not in its text' % (item_id, phrase))
    # Python strings index Unicode code points, the unit of coding offsets.
    return at, at + len(phrase)


def build_items(second):
    """Items in the order the project lists them, with their ids, stances and
    codings (as (start, end, theme), a whole-item coding spanning the text)."""
    parsed = staff_items(second)
    # Stable sort: by question in document order, then seed order.
    parsed.sort(key=lambda item: QUESTION_ORDER[item['question']])
    theme_ids = {theme[0] for theme in THEMES}
    if len(parsed) != len(CODING):
        fail('the seed has %d staff bullets but CODING describes %d' % (len(parsed), len(CODING)))
    items = []
    for n, item in enumerate(parsed, 1):
        item_id = 'i-%04d' % n
        stance, starts, whole, spans = CODING[item_id]
        text = item['text']
        if not text.startswith(starts):
            fail('%s should start %r but is %r' % (item_id, starts, text[:60]))
        codings = set()
        length = len(text)
        for theme in whole:
            codings.add((0, length, theme))
        for theme, phrase in spans:
            start, end = char_span(text, phrase, item_id)
            if (start, end) == (0, length):
                fail('%s: a span over the whole text is a whole-item coding' % item_id)
            codings.add((start, end, theme))
        for _s, _e, theme in codings:
            if theme not in theme_ids:
                fail('%s: no theme %r' % (item_id, theme))
        if len(codings) != len(whole) + len(spans):
            fail('%s codes the same span with the same theme twice' % item_id)
        items.append({
            'id': item_id,
            'question': item['question'],
            'group': 'staff',
            'activity': item['activity'],
            'stance': stance,
            'text': text,
            'codings': sorted(codings),
        })
    return items


DRAFT_KIND_ORDER = {'answer': 0, 'key-points': 1, 'partner-response': 2}


def build_drafts(first):
    drafts = []
    for question_id, (status, text) in ANSWERS.items():
        if question_id not in QUESTION_TEXT:
            fail('answer to unknown question %s' % question_id)
        drafts.append({'kind': 'answer', 'target': question_id, 'group': None,
                       'status': status, 'text': text})
    for target, text in key_points(first).items():
        drafts.append({'kind': 'key-points', 'target': target, 'group': None, 'text': text})
    for target, text in council_responses(first):
        drafts.append({'kind': 'partner-response', 'target': target,
                       'group': 'trafford-council', 'text': text})
    # libchorus sorts drafts by kind, then target, then group, comparing ids
    # as byte strings; the ids are ASCII, so Python's order is the same.
    drafts.sort(key=lambda d: (DRAFT_KIND_ORDER[d['kind']], d['target'], d['group'] or ''))
    return drafts


def project_file(consultation, items, drafts):
    w = Writer(comments=False)
    w.lines.append('<?xml version="1.0" encoding="UTF-8"?>')
    w.open(0, 'project', [('xmlns', PROJECT_NS), ('version', '1')])

    w.open(1, 'respondent')
    w.text(2, 'organisation', RESPONDENT['organisation'])
    w.empty(2, 'contact', [(name, RESPONDENT[name]) for name in ('name', 'role', 'email', 'phone')])
    w.close(1, 'respondent')

    write_consultation(w, 1, consultation)

    w.open(1, 'groups')
    for group_id, name, partner in GROUPS:
        w.text(2, 'group', name, [('id', group_id), ('partner', 'true' if partner else None)])
    w.close(1, 'groups')

    w.open(1, 'activities')
    for activity_id, kind, title, dates, involved, number in ACTIVITIES:
        w.open(2, 'activity', [('id', activity_id), ('kind', kind)])
        w.text(3, 'title', title)
        w.text(3, 'dates', dates)
        w.text(3, 'involved', involved)
        w.text(3, 'number-involved', number)
        w.close(2, 'activity')
    w.close(1, 'activities')

    w.open(1, 'codebook')
    for theme_id, parent, colour, name, description, keywords in THEMES:
        w.open(2, 'theme', [('id', theme_id), ('colour', colour), ('parent', parent)])
        w.text(3, 'name', name)
        w.text(3, 'description', description)
        for keyword in keywords:
            w.text(3, 'keyword', keyword)
        w.close(2, 'theme')
    w.close(1, 'codebook')

    w.open(1, 'items')
    for item in items:
        w.open(2, 'item', [('id', item['id']), ('question', item['question']),
                           ('group', item['group']), ('activity', item['activity']),
                           ('stance', item['stance'])])
        w.text(3, 'text', item['text'])
        length = len(item['text'])
        for start, end, theme in item['codings']:
            if (start, end) == (0, length):
                w.empty(3, 'coding', [('theme', theme)])
            else:
                w.empty(3, 'coding', [('theme', theme), ('start', str(start)), ('end', str(end))])
        w.close(2, 'item')
    w.close(1, 'items')

    w.open(1, 'drafts')
    for draft in drafts:
        if draft['kind'] == 'answer':
            attributes = [('question', draft['target']), ('status', draft['status'])]
        elif draft['kind'] == 'key-points':
            attributes = [('target', draft['target'])]
        else:
            attributes = [('group', draft['group']), ('target', draft['target'])]
        w.open(2, draft['kind'], attributes)
        w.text(3, 'text', draft['text'])
        w.close(2, draft['kind'])
    w.close(1, 'drafts')

    w.close(0, 'project')
    return w.result()


def check_themes():
    ids = [theme[0] for theme in THEMES]
    if len(set(ids)) != len(ids):
        fail('duplicate theme id')
    for position, (theme_id, parent, colour, *_rest) in enumerate(THEMES):
        # Parents come first so that a reader resolving them in order finds them.
        if parent is not None and parent not in ids[:position]:
            fail('theme %s: parent %s must come before it' % (theme_id, parent))
        if not re.fullmatch(r'#[0-9a-f]{6}', colour):
            fail('theme %s: colour %s is not #rrggbb in lower case' % (theme_id, colour))


def write(path, content):
    with open(path, 'w', encoding='utf-8', newline='\n') as f:
        f.write(content)
    print('wrote', os.path.relpath(path, ROOT))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--seeds', default=os.path.join(os.path.dirname(ROOT), 'shared', 'seeds'),
                        help='directory of the seed texts (default: %(default)s)')
    parser.add_argument('--list-items', action='store_true',
                        help='print the staff items with their ids instead of writing files, '
                             'for curating CODING')
    args = parser.parse_args()

    seed = mend_wraps(read_seed(args.seeds, 4))
    check_questions(seed)
    check_themes()
    first, second = split_halves(seed)

    if args.list_items:
        parsed = sorted(staff_items(second), key=lambda item: QUESTION_ORDER[item['question']])
        for n, item in enumerate(parsed, 1):
            print('i-%04d %-6s %-20s %r' % (n, item['question'], item['activity'], item['text']))
        return

    liberating = liberating_consultation(first)
    essex = essex_consultation(read_seed(args.seeds, 0))
    items = build_items(second)
    drafts = build_drafts(first)

    write(os.path.join(EXAMPLES, 'liberating-the-nhs.consultation.xml'),
          consultation_file(liberating))
    write(os.path.join(EXAMPLES, 'patient-led-nhs-essex.consultation.xml'),
          consultation_file(essex))
    write(os.path.join(EXAMPLES, 'trafford-staff-response.chorus'),
          project_file(liberating, items, drafts))


if __name__ == '__main__':
    main()
