// Writes the usage-import test fixtures in tests/fixtures/usage/. Kept because the Shift_JIS
// file is unreadable in a diff: this script is its readable source. Run: node scripts/usage-fixtures.mjs
// (iconv-lite is a dev dependency only for this: Node has no Shift_JIS encoder).
import fs from 'node:fs';
import iconv from 'iconv-lite';

const dir = new URL('../tests/fixtures/usage/', import.meta.url);
const write = (name, data) => fs.writeFileSync(new URL(name, dir), data);
const crlf = (lines) => lines.join('\r\n') + '\r\n';
// 1. Excel "CSV UTF-8": BOM, CRLF, comma.
write('utf8-bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(crlf([
  'Account ID,Account Name,Date,Active Users,Licensed Seats,Logins,feature_reports,Product',
  '0015g00000AbCdE,Acme Inc.,2026-11-24,"1,234",1500,4321,17,Analytics Pro',
  '0015g00000AbCdEAAV,Acme Inc.,2026-11-25,1240,1500,4400,,Analytics Pro',
  '001000000000002,Globex Corporation,2026/11/25, 98 ,100,250,3,Analytics Lite',
]))]));

// 2. UTF-8 without BOM, semicolons, day-first dates, LF.
write('semicolon.csv', [
  'customer_id;company;day;DAU;seats;Dashboards usage',
  'C-1;Initech GmbH;25/11/2026;40;50;12',
  'C-1;Initech GmbH;01/12/2026;42;50;15',
  'C-2;Umbrella plc;02/12/2026;7;10;N/A',
  '',
].join('\n'));

// 3. TSV: domains, compact dates.
write('tabs.tsv', [
  'Website\tDay\tMAU\tLicenses\tExports count',
  'https://www.acme.com/\t20261125\t900\t1500\t5',
  'globex.com\t20261125\t80\t100\t-',
  'WWW.Initech.de:443\t20261126\t41\t50\t0',
  '',
].join('\n'));

// 4. Shift_JIS (Japanese Excel): Japanese headers and names, CRLF.
write('shift-jis.csv', iconv.encode(crlf([
  '取引先ID,取引先名,日付,アクティブユーザー数,ライセンス数,ログイン回数,機能:レポート,製品',
  'JP-001,㈱サンプル商事,2026/11/25,１２３,200,"1,500",45,スタンダード',
  'JP-001,㈱サンプル商事,2026年11月26日,130,200,1600,50,スタンダード',
  'JP-002,テスト工業株式会社,2026/1/5,8,10,20,,プレミアム',
  'JP-003,（株）ＡＢＣソリューションズ,2026-11-25,55,60,300,12,スタンダード',
]), 'cp932'));

// 5. Quoted fields with newlines and commas.
write('quoted-newlines.csv', [
  'account_id,account_name,date,active_users,notes_usage',
  '"A1","Acme, Inc.",2026-11-25,10,1',
  '"A2","Globex',
  'Holdings, Ltd.",2026-11-25,20,2',
  '"A3","He said ""hi""",2026-11-25,30,3',
  '"A4","Line one',
  '',
  'line three",2026-11-25,40,4',
  '"A5",Plain,2026-11-25,50,5',
  '',
].join('\n'));

// 6. Bad rows.
write('bad-rows.csv', [
  'Account ID,Account Name,Date,Active Users,Logins',
  'B1,Good Co,2026-11-25,10,100',
  'B1,Good Co,2026-13-01,10,100',
  'B2,Bad Number,2026-11-25,abc,100',
  ',,2026-11-25,5,5',
  'B3,No Figures,2026-11-25,,N/A',
  'B4,Empty Date,,5,5',
  'B1,Good Co,2026-11-25,11,',
  ',,,,',
  'B5,Partial,2026-11-25,-,7',
  '',
].join('\n'));

// 7. JSON with a rows array, pretty-printed.
write('usage.json', JSON.stringify({
  exportedAt: '2026-11-30T00:00:00Z',
  meta: { source: 'product analytics', nested: [{ a: 1 }] },
  rows: [
    { accountId: '001000000000001', accountName: 'Acme Inc.', date: '2026-11-25', activeUsers: 1240, licensedSeats: 1500, 'feature:Reports': 17, plan: 'Pro' },
    { accountId: '001000000000002', accountName: 'Globex', date: '2026-11-25', activeUsers: 98, licensedSeats: null, plan: 'Lite' },
    { accountId: '001000000000003', accountName: 'Initech', date: 'yesterday', activeUsers: 5, plan: 'Lite' },
  ],
}, null, 2) + '\n');

// 8. The options page's end-to-end import (tests/e2e/usage.e2e.ts): the sample site's accounts
// (tests/fixtures/lightning-site/accounts.json). Globex by its record id, Initech by its website,
// "Sample Shoji Trading" by an English name no CRM account has (linked by hand in the test), and
// one row with an impossible date (line 8).
write('sample-accounts.csv', [
  'Account ID,Account Name,Website,Date,Active Users,Licensed Seats,Logins,feature_reports',
  '001Dn00000gLbXqIAK,Globex Corporation,,2026-11-01,180,250,900,12',
  '001Dn00000gLbXqIAK,Globex Corporation,,2026-11-02,185,250,920,14',
  '001Dn00000gLbXqIAK,Globex Corporation,,2026-11-03,190,250,950,',
  ',Initech,https://initech.example/,2026-11-01,40,60,120,3',
  ',Initech,https://initech.example/,2026-11-02,42,60,130,4',
  ',Sample Shoji Trading,,2026-11-01,75,100,300,9',
  '001Dn00000gLbXqIAK,Globex Corporation,,2026-02-30,1,250,1,1',
  ',Sample Shoji Trading,,2026-11-02,77,100,310,10',
  '',
].join('\n'));

// 9. Shift_JIS with the Japanese headers Japanese Excel users write, for サンプル商事 (record id) and
// an account no CRM record matches.
write('sample-accounts-sjis.csv', iconv.encode(crlf([
  'アカウントID,会社名,日付,アクティブユーザー数,ライセンス数,ログイン数,機能:レポート',
  '001Dn00000sMpLjIAK,株式会社サンプル商事,2026/11/01,７５,100,"1,200",9',
  '001Dn00000sMpLjIAK,株式会社サンプル商事,2026年11月2日,78,100,1250,11',
  ',テスト工業株式会社,2026/11/01,8,10,20,',
]), 'cp932'));

// 10. Files that cannot be imported: no date column, and binary garbage (deterministic bytes).
write('no-date.csv', [
  'Account ID,Account Name,Active Users,Licensed Seats',
  '001Dn00000gLbXqIAK,Globex Corporation,180,250',
  '001Dn00000iNTchIAG,Initech Ltd.,40,60',
  '',
].join('\n'));
{
  let seed = 20261125;
  const bytes = Buffer.alloc(4096);
  for (let i = 0; i < bytes.length; i++) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    bytes[i] = seed >>> 24;
  }
  write('garbage.bin', bytes);
}

