import type { KpiData, PublicationFact } from '@jianguan/kpi';

/** `count` publications of one channel dated `date` (ids `<prefix>-<n>`). */
function pubs(
  department: string,
  channel: PublicationFact['channel'],
  date: string,
  count: number,
  prefix: string,
) {
  return Array.from({ length: count }, (_, i) => ({
    publicationId: `${prefix}-${i + 1}`,
    department,
    channel,
    date,
  }));
}

/**
 * A small 2023-Q2 dataset for department `scjg` (and a silent department `hbj`), computed by hand in
 * scorecard.test.ts. 2023-Q2 holidays: 04-05 清明; 04-29..05-03 劳动节 (04-23 Sun and 05-06 Sat are working
 * days); 06-22..06-24 端午 (06-25 Sun is a working day).
 */
export const smallData: KpiData = {
  catalogItems: [
    {
      itemCode: 'I1',
      department: 'scjg',
      claimed: true,
      hasInspectionList: true,
      mandatoryElements: 10,
      filledElements: 10,
      checkedElements: 10,
      accurateElements: 10,
    },
    {
      itemCode: 'I2',
      department: 'scjg',
      claimed: true,
      hasInspectionList: true,
      mandatoryElements: 10,
      filledElements: 8,
      checkedElements: 10,
      accurateElements: 9,
    },
    {
      itemCode: 'I3',
      department: 'scjg',
      claimed: true,
      hasInspectionList: false,
      mandatoryElements: 10,
      filledElements: 10,
    },
    {
      itemCode: 'I4',
      department: 'scjg',
      claimed: true,
      requiresInspectionList: false,
      mandatoryElements: 10,
      filledElements: 10,
    },
    { itemCode: 'I5', department: 'scjg', claimed: false },
    {
      itemCode: 'H1',
      department: 'hbj',
      claimed: true,
      hasInspectionList: true,
      mandatoryElements: 10,
      filledElements: 10,
    },
  ],
  behaviours: [
    // on time: deadline 04-06 (04-05 is 清明)
    { recordId: 'b1', itemCode: 'I1', department: 'scjg', actDate: '2023-04-03', reportedDate: '2023-04-04' },
    // late: deadline 04-06, reported 04-10 → 04-07, 04-10 = 2 working days late; fixed on time
    {
      recordId: 'b2',
      itemCode: 'I2',
      department: 'scjg',
      actDate: '2023-04-03',
      reportedDate: '2023-04-10',
      rejectedDate: '2023-04-11',
      fixedDate: '2023-04-14',
    },
    // on time across 劳动节: deadline 05-04; fix deadline 05-11 (05-06 Sat works), fixed 05-15 → 2 late
    {
      recordId: 'b3',
      itemCode: 'I3',
      department: 'scjg',
      actDate: '2023-04-27',
      reportedDate: '2023-05-04',
      rejectedDate: '2023-05-05',
      fixedDate: '2023-05-15',
    },
    // late across 端午: deadline 06-26 (06-25 Sun works), reported 06-28 → 2 late; rejected 06-28, fix not yet due
    {
      recordId: 'b4',
      itemCode: 'I1',
      department: 'scjg',
      actDate: '2023-06-21',
      reportedDate: '2023-06-28',
      rejectedDate: '2023-06-28',
    },
    // item not in the catalog: counts for timeliness, not for coverage; never fixed: due 06-08 → 15 late by 06-30
    {
      recordId: 'b5',
      itemCode: 'I9',
      department: 'scjg',
      actDate: '2023-05-10',
      reportedDate: '2023-05-11',
      rejectedDate: '2023-06-01',
    },
    // acted in Q1: outside the window
    { recordId: 'b6', itemCode: 'I2', department: 'scjg', actDate: '2023-03-30', reportedDate: '2023-04-06' },
  ],
  clues: [
    { clueId: 'c1', department: 'scjg', receivedDate: '2023-04-10', feedbackDate: '2023-04-20' },
    { clueId: 'c2', department: 'scjg', receivedDate: '2023-05-04', feedbackDate: '2023-05-25' },
    { clueId: 'c3', department: 'scjg', receivedDate: '2023-06-01' },
  ],
  doubleNotifications: [
    { noticeId: 'n1', department: 'scjg', pushedDate: '2023-04-28', claimedDate: '2023-05-08' },
    { noticeId: 'n2', department: 'scjg', pushedDate: '2023-06-19', claimedDate: '2023-06-27' },
    { noticeId: 'n3', department: 'scjg', pushedDate: '2023-06-20', claimedDate: '2023-06-29' },
  ],
  officers: [
    {
      officerId: 'o1',
      department: 'scjg',
      certified: true,
      registered: true,
      activity: [
        { month: '2023-04', logins: 3, onlineDays: 20 },
        { month: '2023-05', logins: 2, onlineDays: 15 },
        { month: '2023-06', logins: 1, onlineDays: 10 },
      ],
    },
    {
      officerId: 'o2',
      department: 'scjg',
      certified: true,
      registered: true,
      activity: [
        { month: '2023-04', logins: 1, onlineDays: 16 },
        { month: '2023-06', logins: 5, onlineDays: 22 },
      ],
    },
    { officerId: 'o3', department: 'scjg', certified: true, registered: false },
    { officerId: 'o4', department: 'scjg', certified: false, registered: false },
  ],
  publications: [
    ...pubs('scjg', 'annual_plan', '2023-02-15', 1, 'plan'),
    ...pubs('scjg', 'work_news', '2023-04-12', 20, 'news-apr'),
    ...pubs('scjg', 'work_news', '2023-05-12', 15, 'news-may'),
    ...pubs('scjg', 'exposure', '2023-04-20', 4, 'exp-apr'),
    ...pubs('scjg', 'exposure', '2023-05-20', 4, 'exp-may'),
    ...pubs('scjg', 'exposure', '2023-06-20', 3, 'exp-jun'),
  ],
  assessments: [
    { key: 'system_integration', department: 'scjg', period: '2023-Q2', value: 0.5 },
    { key: 'mobile_enforcement', department: 'scjg', period: '2023-Q2', value: 0.9 },
    { key: 'organisation', department: 'scjg', period: '2023', value: 1 },
    { key: 'innovation', department: 'scjg', period: '2023', value: 0.6 },
  ],
};
