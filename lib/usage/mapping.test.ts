import { describe, expect, it } from 'vitest';
import { applyRememberedMapping, ColumnMapping, guessMapping, mappingProblems, mappingSignature } from './mapping';

const roles = (m: ColumnMapping) => m.columns.map((c) => (c.role === 'feature' ? `feature:${c.feature}` : c.role));

describe('guessMapping', () => {
  it('recognises English headers in many spellings', () => {
    expect(roles(guessMapping(['Account ID', 'Account Name', 'Date', 'Active Users', 'Licensed Seats', 'Logins', 'feature_reports', 'Product']))).toEqual([
      'accountId',
      'accountName',
      'date',
      'activeUsers',
      'licensedSeats',
      'logins',
      'feature:reports',
      'subscription',
    ]);
    expect(roles(guessMapping(['customer_id', 'company', 'day', 'DAU', 'seats', 'Dashboards usage']))).toEqual([
      'accountId',
      'accountName',
      'date',
      'activeUsers',
      'licensedSeats',
      'feature:Dashboards usage',
    ]);
    expect(roles(guessMapping(['Website', 'Day', 'MAU', 'Licenses', 'Exports count', 'Salesforce ID', 'Plan']))).toEqual([
      'accountDomain',
      'date',
      'activeUsers',
      'licensedSeats',
      'feature:Exports count',
      'accountId',
      'subscription',
    ]);
    expect(roles(guessMapping(['accountId', 'accountName', 'date', 'activeUsers', 'licensedSeats', 'feature:Reports', 'plan']))).toEqual([
      'accountId',
      'accountName',
      'date',
      'activeUsers',
      'licensedSeats',
      'feature:Reports',
      'subscription',
    ]);
  });

  it('recognises Japanese headers, full-width ones included', () => {
    expect(
      roles(guessMapping(['取引先ID', '取引先名', '日付', 'アクティブユーザー数', 'ライセンス数', 'ログイン回数', '機能:レポート', '製品', 'ドメイン'])),
    ).toEqual(['accountId', 'accountName', 'date', 'activeUsers', 'licensedSeats', 'logins', 'feature:レポート', 'subscription', 'accountDomain']);
    expect(roles(guessMapping(['顧客ＩＤ', '会社名', '年月日', 'アクティブユーザー', '契約数', 'ログイン数', 'プラン', 'ウェブサイト', '機能：ダッシュボード']))).toEqual([
      'accountId',
      'accountName',
      'date',
      'activeUsers',
      'licensedSeats',
      'logins',
      'subscription',
      'accountDomain',
      'feature:ダッシュボード',
    ]);
    expect(roles(guessMapping(['顧客名', '席数', '契約', 'レポート利用回数']))).toEqual(['accountName', 'licensedSeats', 'subscription', 'feature:レポート利用回数']);
  });

  it('does not take "last login" for a login count, nor a second date column', () => {
    expect(roles(guessMapping(['Account', 'Date', 'Last login date', 'Report date', 'Logins']))).toEqual([
      'accountName',
      'date',
      'ignore',
      'ignore',
      'logins',
    ]);
  });

  it('makes unrecognised numeric columns features when sample rows are given', () => {
    const m = guessMapping(['Account', 'Date', 'Workflows', 'Region'], [
      ['Acme', '2026-11-25', '12', 'EMEA'],
      ['Globex', '2026-11-25', '1,024', 'APAC'],
    ]);
    expect(roles(m)).toEqual(['accountName', 'date', 'feature:Workflows', 'ignore']);
    expect(roles(guessMapping(['Account', 'Date', 'Workflows']))).toEqual(['accountName', 'date', 'ignore']);
  });

  it('numbers repeated feature names so they do not overwrite each other', () => {
    expect(roles(guessMapping(['feature_x', 'feature:x']))).toEqual(['feature:x', 'feature:x (2)']);
  });
});

describe('mappingProblems', () => {
  it('lists what is missing or doubled', () => {
    const m = ColumnMapping.parse({
      columns: [
        { header: 'a', role: 'activeUsers' },
        { header: 'b', role: 'activeUsers' },
        { header: 'c', role: 'feature', feature: '' },
      ],
    });
    expect(mappingProblems(m)).toEqual([
      { code: 'no-date', detail: '' },
      { code: 'no-account', detail: '' },
      { code: 'duplicate-role', detail: 'activeUsers' },
      { code: 'no-feature-name', detail: 'c' },
    ]);
    expect(mappingProblems(guessMapping(['Account ID', 'Date', 'Logins']))).toEqual([]);
  });
});

describe('remembered mappings', () => {
  it('gives the same signature for the same headers in another order, width or case', () => {
    const a = mappingSignature(['Account ID', 'Date', 'Logins']);
    expect(mappingSignature(['logins', 'ＤＡＴＥ', 'account_id'])).toBe(a);
    expect(mappingSignature(['Account ID', 'Date'])).not.toBe(a);
    expect(mappingSignature(['Account ID', 'Date', 'Login'])).not.toBe(a);
  });

  it('re-aligns a remembered mapping to the new column order, or refuses other headers', () => {
    const remembered = ColumnMapping.parse({
      columns: [
        { header: 'Kunde', role: 'accountName' },
        { header: 'Tag', role: 'date' },
        { header: 'Berichte', role: 'feature', feature: 'Reports' },
        { header: 'Tag', role: 'ignore' },
      ],
      dateOrder: 'dmy',
    });
    expect(ColumnMapping.parse(JSON.parse(JSON.stringify(remembered)))).toEqual(remembered);
    expect(applyRememberedMapping(['berichte', 'Tag', 'KUNDE', 'Tag'], remembered)).toEqual({
      columns: [
        { header: 'berichte', role: 'feature', feature: 'Reports' },
        { header: 'Tag', role: 'date', feature: '' },
        { header: 'KUNDE', role: 'accountName', feature: '' },
        { header: 'Tag', role: 'ignore', feature: '' },
      ],
      dateOrder: 'dmy',
    });
    expect(applyRememberedMapping(['Berichte', 'Tag', 'Kunde', 'Ort'], remembered)).toBeNull();
    expect(applyRememberedMapping(['Berichte', 'Tag', 'Kunde'], remembered)).toBeNull();
  });
});
