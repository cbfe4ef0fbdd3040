import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { ja } from '../i18n/ja';
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
  type UsageMessageKey,
} from './messages';
import { REJECT_REASONS } from './rows';

describe('usage messages', () => {
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
    for (const key of keys) expect(en[key], key).toBeTruthy();
    expect(en[rejectReasonKey('bad-date')]).toBe('Line {line}: “{value}” in {column} is not a date.');
    expect(ja[rejectReasonKey('bad-date')]).toBe('{line} 行目：{column} の「{value}」は日付として読めません。');
  });
});
