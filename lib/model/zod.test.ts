// No classic zod here: this file's modules are the extension's (classic zod would set English
// messages itself, for every test file that imports it).
import { describe, expect, it } from 'vitest';
import { z } from './zod';
import { QuickLogDraft } from './quick-log';
import { ACCOUNT_KEY, quickLogForm } from '@/tests/unit/factories';

describe('the models’ zod', () => {
  it('says what was wrong in English, as the details of an error do', () => {
    const result = z.string().check(z.maxLength(3)).safeParse('four');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('Too big: expected string to have <=3 characters');
  });

  it('takes a draft stored before drafts had ids, keyed by its account', () => {
    const draft = QuickLogDraft.parse({ accountKey: ACCOUNT_KEY, form: quickLogForm(), updatedAt: '2026-12-06T10:00:00.000Z' });
    expect(draft.id).toBe(ACCOUNT_KEY);
  });
});
