import { describe, expect, it } from 'vitest';
import { makeMatcher, readLine } from './match';
import { readNotes, readNotesStepwise, toneOf } from './notes';
import { groupSuggestions, suggestionKey } from './group';
import { captionLine, isCaptionFile } from './transcript';

const matcher = makeMatcher([{ id: 'p1', name: 'Priya Raman', role: 'champion' }, { id: 'p2', name: 'Kenji Watanabe', role: 'decision-maker' }], { competitorNames: ['Totango'], ownPhrases: [] });

describe('readNotes', () => {
  it('gives each suggestion its line and its range in the whole note', () => {
    const notes = 'Weekly call.\nCFO asked about ROI again\nPriyaさんが来月退職予定';
    const { suggestions } = readNotes(notes, matcher);
    expect(suggestions.map((s) => [s.kind, s.line, notes.slice(s.start, s.end)])).toEqual([
      ['roi-questioned', 2, 'ROI'],
      ['champion-left', 3, '退職'],
    ]);
  });

  it('reads a Zoom or Teams .vtt: speakers, cue times, the markup left out, lines as in the notes', () => {
    const vtt = [
      'WEBVTT',
      '',
      '1',
      '00:00:01.000 --> 00:00:04.000',
      'Kenji Watanabe: Honestly we are evaluating alternatives.',
      '',
      '2',
      '00:00:05.000 --> 00:00:09.500',
      '<v Priya Raman>I am leaving the company in March.</v>',
      '',
      'a1b2c3d4-1111-2222-3333-444455556666/12-0',
      '00:01:10.000 --> 00:01:12.000',
      '<v Kenji Watanabe>予算は凍結されました</v>',
    ].join('\n');
    expect(isCaptionFile(vtt)).toBe(true);
    const { suggestions } = readNotes(vtt, matcher);
    expect(suggestions.map((s) => ({ kind: s.kind, line: s.line, cueTime: s.cueTime, who: s.stakeholder?.name }))).toEqual([
      { kind: 'competitor-mentioned', line: 5, cueTime: '00:00:01.000', who: 'Kenji Watanabe' },
      { kind: 'champion-left', line: 9, cueTime: '00:00:05.000', who: 'Priya Raman' },
      { kind: 'budget-change', line: 13, cueTime: '00:01:10.000', who: 'Kenji Watanabe' },
    ]);
    // The timing lines and cue ids are not read as words.
    expect(captionLine('00:00:01.000 --> 00:00:04.000')).toEqual({ spoken: false, cueTime: '00:00:01.000' });
    expect(captionLine('<v Priya Raman>Hi</v>')).toMatchObject({ spoken: true, speaker: 'Priya Raman', text: '               Hi    ' });
  });

  it('does not take a plain note for captions', () => {
    expect(isCaptionFile('Call notes\nCFO: asked about ROI')).toBe(false);
  });

  it('reads only changed lines again: the cache keeps the others', () => {
    const first = readNotes('CFO asked about ROI\nnothing else', matcher);
    const cached = first.cache.get('\u0000CFO asked about ROI');
    expect(cached).toBeDefined();
    const second = readNotes('CFO asked about ROI\nnothing else!', matcher, first.cache);
    expect(second.cache.get('\u0000CFO asked about ROI')).toBe(cached);
    expect(second.cache.has('\u0000nothing else')).toBe(false);
  });

  it('pauses every few lines when read stepwise, and ends with the same reading', () => {
    const notes = Array.from({ length: 100 }, (_, i) => (i === 70 ? 'They want 20 more seats' : `line ${i}`)).join('\n');
    const steps = readNotesStepwise(notes, matcher);
    let pauses = 0;
    let step = steps.next();
    while (!step.done) {
      pauses++;
      step = steps.next();
    }
    expect(pauses).toBeGreaterThanOrEqual(3);
    expect(step.value.suggestions).toEqual(readNotes(notes, matcher).suggestions);
    expect(step.value.suggestions[0]).toMatchObject({ kind: 'expansion-interest', line: 71 });
  });

  it('suggests a tone only when the words are clearly warm or cold', () => {
    expect(readNotes('Great call, they loved the new builder and were thrilled.', matcher).tone?.tone).toBe('enthusiastic');
    expect(readNotes('Happy with the rollout. Pleased with support.', matcher).tone?.tone).toBe('positive');
    expect(readNotes('Frustrated about the outage, clearly annoyed.', matcher).tone?.tone).toBe('negative');
    expect(readNotes('慎重な姿勢で、様子見とのこと。', matcher).tone?.tone).toBe('hesitant');
    expect(readNotes('Great demo.', matcher).tone).toBeNull();
    expect(readNotes('Great demo, but they were frustrated and annoyed about pricing.', matcher).tone).toBeNull();
    expect(toneOf({ enthusiastic: 0, positive: 0, hesitant: 0, negative: 0 }, [])).toBeNull();
  });

  it('groups the same suggestion from several lines, each line listed', () => {
    const { suggestions } = readNotes('ROI again\nstill about ROI\nThey want more seats', matcher);
    const groups = groupSuggestions(suggestions);
    expect(groups.map((g) => [g.first.kind, g.lines.map((l) => l.line)])).toEqual([
      ['roi-questioned', [1, 2]],
      ['expansion-interest', [3]],
    ]);
    expect(suggestionKey(suggestions[0]!)).toBe(suggestionKey({ ...suggestions[1]!, phrase: 'roi' }));
  });

  it('reads a 2,000-character note of mixed languages', () => {
    const line = 'Weekly sync with the team about adoption; 利用状況を確認した。';
    const notes = `${line}\n`.repeat(Math.ceil(2000 / (line.length + 1))) + 'Priyaさんが来月退職予定';
    expect(readNotes(notes, matcher).suggestions.map((s) => s.kind)).toEqual(['champion-left']);
    expect(readLine(line, matcher).suggestions).toEqual([]);
  });
});
