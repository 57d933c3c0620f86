import { parseDate } from './certificate-dates';
import { parseCertificateText } from './parse-certificate-text';

// Texts as pdf-parse extracts them: wrapped lines, page markers, odd spacing.
const ACE_SELF_STUDY = `CERTIFICATE OF COMPLETION
This certifies that
Jordan Rivera, LCSW
has successfully completed the online course
Ethics and Boundaries in Clinical Supervision
Date of Completion: February 14, 2025
Format: Home study (self-paced, online)
ContinuingEdCourses.Net, #1046, is approved as an ACE provider to offer social work continuing
education by the Association of Social Work Boards (ASWB) Approved Continuing Education (ACE)
program. Regulatory boards are the final authority on courses accepted for continuing education
credit. ACE provider approval period: 07/21/2023 - 07/21/2026. Social workers completing this
course receive 3 ethics continuing education credits.

-- 1 of 1 --
`;

const NASW_LIVE = `National Association of Social Workers – New Jersey Chapter
Certificate of Attendance
Program Title: Cultural Humility in Practice with Immigrant Families
Presenter: Dana Okafor, PhD, LCSW
Date: 02/14/2025
Location: Princeton, NJ (in-person)
This program is Approved by the National Association of Social Workers (Approval # 886512345-1234)
for 3 Social Work continuing education contact hours.
Category: Cultural Competence
Sponsored by: NASW-NJ
`;

const STATE_BOARD = `STATE BOARD OF SOCIAL WORK EXAMINERS
CONTINUING EDUCATION CERTIFICATE
Licensee: Pat Lee     License #: LMSW-00123
Course Name: Mandated Reporting of Child Abuse: Law and Practice
Sponsor: Riverbend Family Services
Completion date: 2025-02-14
Credits: 1.5
Delivery method: Live, face-to-face
Laws and Rules
`;

const WEBINAR = `Thank you for attending!
"Motivational Interviewing for Substance Use Disorders"
a Live Interactive Webinar held on Friday, March 7, 2025 via Zoom
Presented by: Northside Behavioral Health Institute
Northside Behavioral Health Institute, ACE provider #1771, is approved as an ACE provider to offer
social work continuing education by the Association of Social Work Boards (ASWB) Approved Continuing
Education (ACE) program. Regulatory boards are the final authority on courses accepted for continuing
education credit. ACE provider approval period: March 1, 2024 – March 1, 2027.
Social workers completing this course receive 2.5 clinical continuing education credits.
`;

const MINIMAL = `Certificate
Supervision Essentials for New Supervisors
3.0 CE hours
Completed 14 February 2025
`;

describe('parseCertificateText', () => {
  it('reads the ASWB ACE statement of a home-study certificate', () => {
    const r = parseCertificateText(ACE_SELF_STUDY);
    expect(r).toMatchObject({
      title: 'Ethics and Boundaries in Clinical Supervision',
      provider: 'ContinuingEdCourses.Net',
      aceProviderNumber: '1046',
      approvalPeriod: { start: '2023-07-21', end: '2026-07-21' },
      hours: 3,
      completedOn: '2025-02-14',
      format: 'self-study',
      categories: ['Ethics'],
      topics: ['ethics'],
    });
    expect(r.confidence.aceProviderNumber).toBeGreaterThanOrEqual(0.9);
    expect(r.confidence.hours).toBeGreaterThanOrEqual(0.9);
  });

  it('reads an NASW chapter certificate with contact hours and a category line', () => {
    const r = parseCertificateText(NASW_LIVE);
    expect(r).toMatchObject({
      title: 'Cultural Humility in Practice with Immigrant Families',
      provider: 'NASW-NJ',
      hours: 3,
      completedOn: '2025-02-14',
      format: 'live-in-person',
      categories: ['Cultural Competence'],
      topics: ['cultural-competence'],
    });
    expect(r.aceProviderNumber).toBeUndefined();
    expect(r.approvalPeriod).toBeUndefined();
  });

  it('reads a state-board style certificate with "Credits: 1.5" and an ISO date', () => {
    const r = parseCertificateText(STATE_BOARD);
    expect(r).toMatchObject({
      title: 'Mandated Reporting of Child Abuse: Law and Practice',
      provider: 'Riverbend Family Services',
      hours: 1.5,
      completedOn: '2025-02-14',
      format: 'live-in-person',
      categories: ['Laws and Rules'],
      topics: ['laws-and-rules'],
    });
    expect(r.confidence.format).toBe(0.9);
  });

  it('reads a live webinar certificate with a clinical ACE credit type', () => {
    const r = parseCertificateText(WEBINAR);
    expect(r).toMatchObject({
      title: 'Motivational Interviewing for Substance Use Disorders',
      provider: 'Northside Behavioral Health Institute',
      aceProviderNumber: '1771',
      approvalPeriod: { start: '2024-03-01', end: '2027-03-01' },
      hours: 2.5,
      completedOn: '2025-03-07',
      format: 'live-online',
      categories: ['Clinical'],
      practiceLevel: 'clinical',
    });
  });

  it('makes what it can of a sparse certificate, with lower confidence', () => {
    const r = parseCertificateText(MINIMAL);
    expect(r.hours).toBe(3);
    expect(r.completedOn).toBe('2025-02-14');
    expect(r.confidence.hours).toBeLessThan(0.9);
    expect(r.provider).toBeUndefined();
    expect(r.format).toBeUndefined();
  });

  it('returns an empty suggestion for text that is no certificate', () => {
    expect(parseCertificateText('Grocery list: milk, eggs')).toEqual({
      categories: [],
      topics: [],
      confidence: {},
    });
    expect(parseCertificateText('')).toEqual({
      categories: [],
      topics: [],
      confidence: {},
    });
  });

  it('ignores implausible hours', () => {
    expect(parseCertificateText('Credits: 999').hours).toBeUndefined();
  });
});

describe('parseDate', () => {
  it.each([
    ['February 14, 2025', '2025-02-14'],
    ['Feb. 14 2025', '2025-02-14'],
    ['14 February 2025', '2025-02-14'],
    ['02/14/2025', '2025-02-14'],
    ['2/14/25', '2025-02-14'],
    ['2025-02-14', '2025-02-14'],
    ['February 13-14, 2025', '2025-02-14'],
    ['September 3rd, 2024', '2024-09-03'],
  ])('reads %s', (raw, iso) => expect(parseDate(raw)).toBe(iso));

  it('refuses dates that do not exist', () => {
    expect(parseDate('02/30/2025')).toBeUndefined();
    expect(parseDate('13/01/2025')).toBeUndefined();
  });
});
