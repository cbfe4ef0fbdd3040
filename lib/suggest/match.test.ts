import { describe, expect, it } from 'vitest';
import { makeMatcher, readLine } from './match';
import type { KnownPerson } from './names';
import { englishPattern, japanesePattern, phraseAnchors } from './patterns';

const people: KnownPerson[] = [
  { id: 'p1', name: 'Priya Raman', role: 'champion' },
  { id: 'p2', name: 'Tom Becker', role: 'admin' },
  { id: 'p3', name: '田中 一郎', role: 'executive-sponsor' },
];
const matcher = makeMatcher(people, { competitorNames: ['Gainsight', 'コミューン'], ownPhrases: [{ kind: 'unresolved-issue', phrase: 'SAML地獄' }, { kind: 'advocacy', phrase: 'pilot partner' }] });
const kinds = (line: string) => readLine(line, matcher).suggestions.map((s) => s.kind);

describe('readLine', () => {
  it('finds a champion leaving in Japanese, with the known stakeholder named by first name and さん', () => {
    const [s] = readLine('Priyaさんが来月退職予定', matcher).suggestions;
    expect(s).toMatchObject({ kind: 'champion-left', polarity: 'risk', stakeholder: { id: 'p1', name: 'Priya Raman' }, phrase: '退職' });
    expect('Priyaさんが来月退職予定'.slice(s?.start, s?.end)).toBe('退職');
  });

  it('finds ROI questioned in English, and the range is the phrase in the line', () => {
    const [s] = readLine('CFO asked about ROI again', matcher).suggestions;
    expect(s).toMatchObject({ kind: 'roi-questioned', phrase: 'ROI', start: 16, end: 19 });
  });

  it('uses word boundaries from Intl.Segmenter: 退職 is not found inside 退職金, 紹介 not in 自己紹介', () => {
    expect(kinds('退職金の制度について質問があった')).toEqual([]);
    expect(kinds('自己紹介のあと、利用状況を共有した')).toEqual([]);
    // A verb's ending may follow: 乗り換え|る.
    expect(kinds('他のツールに乗り換えるらしい')).toContain('competitor-mentioned');
  });

  it.each([
    'Priya is not leaving',
    'No budget cut this year',
    'Budget was not cut in the end.',
    "They're unlikely to switch vendors.",
    '退職はしない',
    '田中部長は退職はしないとのこと',
    '予算削減の話は出なかった',
    '異動の可能性は低いとのこと',
    'Priyaさんの退職の噂は否定された',
    'The sync bug is still open? No — it was resolved on Friday, the escalation is closed.',
  ])('suggests no risk from a negated or hedged sentence: %s', (line) => {
    expect(readLine(line, matcher).suggestions.filter((s) => s.polarity === 'risk' && s.kind !== 'unresolved-issue')).toEqual([]);
    if (!line.startsWith('The sync')) expect(kinds(line)).toEqual([]);
  });

  it('keeps speculation toward the signal: “might be moving on”, 退職するかもしれない', () => {
    expect(kinds('Priya might be moving on')).toEqual(['champion-left']);
    expect(kinds('渡辺さんが退職するかもしれない')).toEqual(['champion-left']);
  });

  it('ends a negation at the clause: the second clause still counts', () => {
    expect(kinds('退職の予定はないが、異動の可能性がある')).toEqual(['champion-left']);
    expect(kinds('Priya is not leaving, but the budget is frozen')).toEqual(['budget-change']);
  });

  it('calls a known stakeholder who is not a champion or sponsor leaving a stakeholder change', () => {
    expect(readLine('Tom is moving on next month', matcher).suggestions[0]).toMatchObject({ kind: 'stakeholder-change', stakeholder: { id: 'p2' } });
    expect(readLine('田中部長が転職される', matcher).suggestions[0]).toMatchObject({ kind: 'champion-left', stakeholder: { id: 'p3', name: '田中 一郎' } });
  });

  it('recognises new names: 佐藤部長, Mark Chen, and names only known stakeholders with an id', () => {
    expect(readLine('新任の佐藤部長が着任した', matcher).suggestions[0]?.stakeholder).toEqual({ id: null, name: '佐藤' });
    expect(readLine('New VP of Operations, Mark Chen, joined last week', matcher).suggestions[0]?.stakeholder).toEqual({ id: null, name: 'Mark Chen' });
    // A name guessed from capitals is not trusted for a competitor: nobody is named.
    expect(readLine('Salesforce Marketing pitched them', matcher).suggestions[0]?.stakeholder).toBeNull();
  });

  it('takes the CSM’s competitors and own phrases (any case, English and Japanese)', () => {
    expect(kinds('They demoed gainsight to the team')).toEqual(['competitor-mentioned']);
    expect(kinds('コミューンも併用しているそうだ')).toEqual(['competitor-mentioned']);
    expect(kinds('またSAML地獄の話')).toEqual(['unresolved-issue']);
    expect(readLine('They want to be a Pilot Partner', matcher).suggestions[0]).toMatchObject({ kind: 'advocacy', polarity: 'opportunity' });
  });

  it('suggests one signal per kind and sentence', () => {
    expect(kinds('They are evaluating alternatives and other vendors, Gainsight among them.')).toEqual(['competitor-mentioned']);
  });

  it('reads full-width letters as plain ones without moving the range', () => {
    const line = 'ＣＦＯからＲＯＩを問われた';
    const [s] = readLine(line, matcher).suggestions;
    expect(s?.kind).toBe('roi-questioned');
    expect(line.slice(s?.start, s?.end)).toBe('ＲＯＩ');
  });

  it('weighs warm and cold words, “not happy” counting as cold', () => {
    expect(readLine('Great call, they loved it', matcher).tone).toMatchObject({ enthusiastic: 2, positive: 1 });
    expect(readLine('They were not happy and frustrated', matcher).tone).toMatchObject({ negative: 2, positive: 0 });
    expect(readLine('とても好評で、満足されていた', matcher).tone.positive).toBe(2);
  });
});

describe('the phrase syntax and the widened rules', () => {
  it('reads a verb with its endings (`leave~`), two words in one alternative (`sign_off`) and short gaps (`…2`)', () => {
    const leave = englishPattern('leave~ … company');
    expect(['leaves the company', 'leaving the company', 'leave our company'].map((t) => new RegExp(leave.source, 'i').test(t))).toEqual([true, true, true]);
    expect(englishPattern('need* approval|sign_off').test('needs sign off')).toBe(true);
    expect(englishPattern('new …2 VP').test('new big regional sales VP')).toBe(false);
    expect(englishPattern('new …2 VP').test('new sales VP')).toBe(true);
    expect(japanesePattern('予算…4削減').test('予算が大きく削減')).toBe(true);
    expect(japanesePattern('予算…4削減').test('予算について来期の計画では削減')).toBe(false);
  });

  it('gives each phrase literal anchors that every match holds', () => {
    expect(phraseAnchors('leave~|left … company')).toEqual(['company']);
    expect(phraseAnchors('leave~|quit')).toEqual(['leav', 'quit']);
    expect(phraseAnchors('予算…削減|凍結')).toEqual(['予算']);
  });

  it.each([
    "Priya won't be leaving.",
    "Tom isn't leaving the company.",
    'Priya is no longer planning to leave.',
    'There is no plan to move to another vendor.',
    'The rumour that Priya is leaving is false.',
    '鈴木さんは辞めません',
    '異動なし',
    '乗り換える予定はありません',
    '退職するわけではない',
    '転職の話は誤りだった',
  ])('suggests no risk from a denial: %s', (line) => {
    expect(readLine(line, matcher).suggestions.filter((s) => s.polarity === 'risk')).toEqual([]);
  });

  it('finds signals said in words the first rules did not hold', () => {
    expect(kinds('Priya is off to a startup in May')).toEqual(['champion-left']);
    expect(kinds('The person who signed the contract is no longer with the company.')).toEqual(['champion-left']);
    expect(kinds('Our sponsor sent a delegate again')).toEqual(['sponsor-priority-dropped']);
    expect(kinds('鈴木さんが別の部署に移ることになった')).toEqual(['champion-left']);
    expect(kinds('来期はIT予算が大幅に減る見通し')).toEqual(['budget-change']);
    expect(kinds('ファイル共有のエラーが今週も3回発生した')).toEqual(['unresolved-issue']);
  });

  it('keeps the common senses that are not signals', () => {
    expect(kinds('Tom will leave the SSO settings as they are for now.')).toEqual([]);
    expect(kinds('Priya joined the call late from the airport.')).toEqual([]);
    expect(kinds('We compared usage with last quarter: up 10%.')).toEqual([]);
    expect(kinds('管理者アカウントの追加方法を案内した。')).toEqual([]);
    expect(kinds('エラーの件は解決済みで、問題なく使えている。')).toEqual([]);
  });
});
