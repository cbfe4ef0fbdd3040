import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from './decode';

const fixture = (name: string) => new Uint8Array(readFileSync(resolve('tests/fixtures/usage', name)));

describe('decodeBytes', () => {
  it('strips a UTF-8 byte-order mark', () => {
    const { text, encoding } = decodeBytes(fixture('utf8-bom.csv'));
    expect(encoding).toBe('utf-8-bom');
    expect(text.startsWith('Account ID,Account Name,')).toBe(true);
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
  });

  it('reads UTF-8 without a mark', () => {
    const { text, encoding } = decodeBytes(fixture('semicolon.csv'));
    expect(encoding).toBe('utf-8');
    expect(text.split('\n')[0]).toBe('customer_id;company;day;DAU;seats;Dashboards usage');
  });

  it('falls back to Shift_JIS for Japanese Excel files, including ㈱ and a 0x5C second byte (機能)', () => {
    const { text, encoding } = decodeBytes(fixture('shift-jis.csv'));
    expect(encoding).toBe('shift_jis');
    const [header, first] = text.split('\r\n');
    expect(header).toBe('取引先ID,取引先名,日付,アクティブユーザー数,ライセンス数,ログイン回数,機能:レポート,製品');
    expect(first).toBe('JP-001,㈱サンプル商事,2026/11/25,１２３,200,"1,500",45,スタンダード');
  });

  it('reads UTF-16 with a mark (Excel "Unicode text")', () => {
    const body = 'a\tb\r\n日本\t1\r\n';
    const bytes = new Uint8Array(2 + body.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < body.length; i++) {
      bytes[2 + i * 2] = body.charCodeAt(i) & 0xff;
      bytes[3 + i * 2] = body.charCodeAt(i) >> 8;
    }
    expect(decodeBytes(bytes)).toEqual({ text: body, encoding: 'utf-16le' });
  });

  it('treats ASCII as UTF-8 and an empty file as empty text', () => {
    expect(decodeBytes(new TextEncoder().encode('a,b\n1,2'))).toEqual({ text: 'a,b\n1,2', encoding: 'utf-8' });
    expect(decodeBytes(new Uint8Array())).toEqual({ text: '', encoding: 'utf-8' });
  });

  // How fast is measured by `npm run bench` (the 200,000-row import); here: 20 MB comes through whole.
  it('decodes 20 MB whole', () => {
    const line = new TextEncoder().encode('0015g00000AbCdE,株式会社サンプル,2026-11-25,1234,1500,4321\n');
    const bytes = new Uint8Array(line.length * Math.ceil(20_000_000 / line.length));
    for (let at = 0; at + line.length <= bytes.length; at += line.length) bytes.set(line, at);
    const { encoding, text } = decodeBytes(bytes);
    expect(encoding).toBe('utf-8');
    expect(text.length).toBeGreaterThan(10_000_000);
  });
});
