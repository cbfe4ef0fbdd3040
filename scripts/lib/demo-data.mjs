// Sample data for `npm run demo`, dated relative to today so the health score and the QBR brief
// have a recent quarter to show: a usage CSV for the sample accounts (imported through the
// settings page like a real file) and a backup with goals, stakeholders, signals and touches.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sampleAccountKey, sampleAccounts, scratchDir } from './browser.mjs';
import { seeded } from './seeded.mjs';

const DAY = 86_400_000;
const iso = (ms) => new Date(ms).toISOString();
const day = (ms) => iso(ms).slice(0, 10);

/** Per account: seats, where active users start and end over the period, feature uptake. */
const PROFILES = [
  { seats: 120, from: 70, to: 104, features: [0.9, 0.6, 0.4] }, // Globex: growing, healthy
  { seats: 60, from: 48, to: 21, features: [0.5, 0.1, 0] }, //      Initech: falling adoption
  { seats: 300, from: 150, to: 180, features: [0.8, 0.5, 0.3] }, // サンプル商事
  { seats: 800, from: 690, to: 702, features: [1, 0.9, 0.7] }, //  Umbrella: heavy, steady
];

/** 180 days of daily usage for every sample account, as an export from a product-analytics tool. */
export function demoUsageCsv(now = Date.now(), days = 180) {
  const next = seeded(42);
  const lines = ['Account ID,Date,Active Users,Licensed Seats,Logins,feature:Reports,feature:Dashboards,feature:API'];
  sampleAccounts().forEach((account, i) => {
    const p = PROFILES[i % PROFILES.length];
    for (let d = days - 1; d >= 0; d--) {
      const t = (days - 1 - d) / (days - 1);
      const weekend = new Date(now - d * DAY).getUTCDay() % 6 === 0 ? 0.35 : 1;
      const active = Math.round((p.from + (p.to - p.from) * t) * weekend * (0.93 + next() * 0.14));
      const features = p.features.map((u) => (u > 0 && next() < u ? Math.round(active * u * (0.5 + next())) : 0));
      lines.push([account.id, day(now - d * DAY), active, p.seats, Math.round(active * (1.4 + next())), ...features].join(','));
    }
  });
  return lines.join('\r\n') + '\r\n';
}

/** A current-version backup with the CSM's record of the sample accounts. */
export function demoBackup(now = Date.now()) {
  const accounts = sampleAccounts();
  const key = (a) => sampleAccountKey(a.id);
  const [globex, initech, shoji, umbrella] = accounts;
  const at = (daysAgo, hour = 10) => iso(Math.floor((now - daysAgo * DAY) / DAY) * DAY + hour * 3_600_000);
  const base = { createdAt: at(200), updatedAt: at(200), revision: 0 };
  const person = (a, id, name, title, role, extra = {}) => ({
    id, accountKey: key(a), name, title, role, influence: 'high', preferredChannel: 'online-meeting', personalityNotes: '', status: 'active', activeSince: null, leftOn: null, ...base, ...extra,
  });
  const stakeholders = [
    person(globex, 'demo-p1', 'Dana Reyes', 'VP Operations', 'executive-sponsor'),
    person(globex, 'demo-p2', 'Sam Okafor', 'Ops Analyst', 'champion', { personalityNotes: 'Data-driven; send numbers before calls.' }),
    person(initech, 'demo-p3', 'Priya Natarajan', 'Head of Sales Ops', 'champion', { status: 'left', leftOn: day(now - 20 * DAY) }),
    person(initech, 'demo-p4', 'Tom Becker', 'CFO', 'decision-maker', { preferredChannel: 'email' }),
    person(shoji, 'demo-p5', '佐藤 美奈', '情報システム部 部長', 'executive-sponsor', { preferredChannel: 'phone' }),
    person(umbrella, 'demo-p6', 'Alex Kim', 'Clinical Systems Lead', 'champion'),
  ];
  const goal = (a, id, title, horizon, history, metric = null) => ({
    id, accountKey: key(a), title, successLooksLike: '', horizon, targetDate: day(now + 120 * DAY), metric,
    statusHistory: history.map(([status, daysAgo, reason]) => ({ status, changedAt: at(daysAgo), perceivedBy: 'CSM', reason })), ...base,
  });
  const goals = [
    goal(globex, 'demo-g1', 'Sales teams report from the product, not spreadsheets', 'light', [['working', 150, 'Kickoff'], ['partial-expected', 60, 'Two regions live'], ['partially-achieved', 12, 'EMEA switched off the spreadsheet']], { name: 'Regions live', unit: '', start: 0, current: 2, target: 3 }),
    goal(globex, 'demo-g2', 'Cut month-end close by two days', 'deep', [['working', 140, 'Agreed at onboarding']]),
    goal(initech, 'demo-g3', 'Pipeline reviews run in the product', 'light', [['working', 160, ''], ['no-outlook', 18, 'Champion left; nobody owns it']]),
    goal(umbrella, 'demo-g4', 'Every clinic on the new workflow', 'light', [['working', 170, ''], ['achieved', 40, 'Last clinic live']]),
  ];
  const touch = (a, id, daysAgo, type, tone, notes, extra = {}) => ({
    id, accountKey: key(a), type, occurredAt: at(daysAgo), tone, notes, attendeeIds: [], internalAttendees: [], nextSteps: [], internalOnly: false, ...base, createdAt: at(daysAgo), updatedAt: at(daysAgo), ...extra,
  });
  const interactions = [
    touch(globex, 'demo-i1', 75, 'qbr', 'positive', 'QBR: adoption up in two regions; sponsor wants the third next quarter.', { attendeeIds: ['demo-p1', 'demo-p2'] }),
    touch(globex, 'demo-i2', 9, 'call', 'enthusiastic', 'Sam demoed the new dashboards to the regional leads; asked about SSO.', {
      attendeeIds: ['demo-p2'], nextSteps: [{ id: 'demo-s1', text: 'Send SSO set-up guide', dueDate: day(now + 3 * DAY), doneAt: null }],
    }),
    touch(globex, 'demo-i3', 4, 'note', null, 'Internal: renewal pricing to be discussed with finance first.', { internalOnly: true }),
    touch(initech, 'demo-i4', 50, 'meeting', 'neutral', 'Pipeline review pilot: slow start, data import issues.'),
    touch(initech, 'demo-i5', 19, 'call', 'hesitant', 'Priya is leaving; Tom asks what the tool returns for its price.', {
      attendeeIds: ['demo-p3', 'demo-p4'], nextSteps: [{ id: 'demo-s2', text: 'Prepare ROI summary for Tom', dueDate: day(now - 5 * DAY), doneAt: null }],
    }),
    touch(shoji, 'demo-i6', 35, 'onsite', 'positive', '佐藤部長と定例。全社展開の計画を確認。'),
    touch(umbrella, 'demo-i7', 28, 'call', 'positive', 'All clinics live; Alex offered a case study.'),
  ];
  const signal = (a, id, kind, polarity, severity, daysAgo, whatHappened, extra = {}) => ({
    id, accountKey: key(a), kind, otherLabel: '', polarity, severity, stakeholderId: null, whatHappened, howTheyFeel: '', occurredAt: at(daysAgo), detectedAt: at(daysAgo),
    detectedVia: 'call', interactionId: null, resolvedAt: null, ...base, ...extra,
  });
  const signals = [
    signal(globex, 'demo-x1', 'expansion-interest', 'opportunity', 'medium', 9, 'Regional leads want the dashboards for their teams.'),
    signal(initech, 'demo-x2', 'champion-left', 'risk', 'high', 19, 'Priya (champion) moves to another company.', { stakeholderId: 'demo-p3', interactionId: 'demo-i5' }),
    signal(initech, 'demo-x3', 'roi-questioned', 'risk', 'high', 19, 'CFO asks what the tool returns for its price.', { stakeholderId: 'demo-p4', interactionId: 'demo-i5' }),
    signal(umbrella, 'demo-x4', 'advocacy', 'opportunity', 'low', 28, 'Offered a case study.', { stakeholderId: 'demo-p6' }),
  ];
  const accountsRecords = accounts.map((a) => ({
    key: key(a), crm: 'salesforce', recordId: a.id, name: a.fields.find(([k]) => k === 'Name')?.[2] ?? a.id,
    url: `https://acme.lightning.force.com/lightning/r/Account/${a.id}/view`, firstSeenAt: at(200), lastSeenAt: at(1),
  }));
  return {
    format: 'adoption-sidebar-backup', version: 5, exportedAt: iso(now),
    records: { accounts: accountsRecords, snapshots: [], interactions, drafts: [], goals, signals, stakeholders, settings: [], usageYears: [], usageLinks: [], usageMappings: [], healthHistory: [], handovers: [] },
  };
}

/**
 * Fills a browser profile (from launchBrowser) with the sample CSM record, restored as a backup,
 * and the sample usage, imported through the settings page like a real file. Throws on failure.
 */
export async function importDemoData(browser, now = Date.now()) {
  const dir = scratchDir('adoption-demo-');
  const backupFile = join(dir, 'demo-backup.json');
  const usageFile = join(dir, 'demo-usage.csv');
  writeFileSync(backupFile, JSON.stringify(demoBackup(now)));
  writeFileSync(usageFile, demoUsageCsv(now));
  const options = await browser.context.newPage();
  try {
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByTestId('backup-import').setInputFiles(backupFile);
    await options.locator('[data-outcome="imported"]').waitFor();
    await options.getByTestId('usage-file').setInputFiles(usageFile);
    await options.getByTestId('usage-confirm').click();
    await options.locator('[data-testid="usage-result"][data-outcome="stored"]').waitFor();
  } finally {
    await options.close();
  }
}
