import { describe, expect, it } from 'vitest';
import { USAGE_ENCODINGS } from './decode';
import { COLUMN_ROLES, type MappingProblemCode } from './mapping';
import {
  columnRoleKey,
  dateOrderDecidedKey,
  encodingKey,
  mappingProblemKey,
  matchHowKey,
  parseErrorKey,
  parseWarningKey,
  rejectReasonKey,
  usageEn,
  usageJa,
  type UsageMessageKey,
} from './messages';
import { REJECT_REASONS } from './rows';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('usage messages', () => {
  it('has every string in English and Japanese, with the same placeholders and the usage. prefix', () => {
    const keys = Object.keys(usageEn) as UsageMessageKey[];
    expect(Object.keys(usageJa).sort()).toEqual([...keys].sort());
    for (const key of keys) {
      expect(key.startsWith('usage.'), key).toBe(true);
      expect(usageEn[key].trim(), key).not.toBe('');
      expect(usageJa[key].trim(), key).not.toBe('');
      expect(placeholders(usageJa[key]), key).toEqual(placeholders(usageEn[key]));
    }
  });

  it('has a message for every code the pipeline returns', () => {
    const problemCodes: MappingProblemCode[] = ['no-date', 'no-account', 'no-figures', 'duplicate-role', 'no-feature-name', 'duplicate-feature'];
    const keys = [
      ...REJECT_REASONS.map(rejectReasonKey),
      ...COLUMN_ROLES.map(columnRoleKey),
      ...USAGE_ENCODINGS.map(encodingKey),
      ...problemCodes.map(mappingProblemKey),
      ...(['empty-file', 'invalid-json', 'unexpected-json-shape'] as const).map(parseErrorKey),
      ...(['unclosed-quote', 'malformed-quote', 'extra-cells'] as const).map(parseWarningKey),
      ...(['record-id', 'domain', 'name', 'manual'] as const).map(matchHowKey),
      ...(['mapping', 'file', 'default'] as const).map((decidedBy) => dateOrderDecidedKey({ order: 'mdy', decidedBy, ambiguous: 1 })),
    ];
    for (const key of keys) expect(usageEn[key], key).toBeTruthy();
    expect(usageEn[rejectReasonKey('bad-date')]).toBe('Line {line}: “{value}” in {column} is not a date.');
    expect(usageJa[rejectReasonKey('bad-date')]).toBe('{line} 行目：{column} の「{value}」は日付として読めません。');
  });
});
