import { describe, expect, it } from 'vitest';
import { makeMatcher, readLine } from './match';
import type { KnownPerson } from './names';

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
