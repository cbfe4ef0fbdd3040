import { describe, expect, it } from 'vitest';
import { activityContent, activityRef, BODY_MAX, refOfBody } from './activity';
import { recordsFromQuickLog } from '../store/quick-log';
import { ACCOUNT_KEY, quickLogForm, sequentialIds } from '@/tests/unit/factories';

const touch = (notes: string) => recordsFromQuickLog(quickLogForm({ notes }), ACCOUNT_KEY, new Date('2026-11-25T10:00:00Z'), sequentialIds).interaction;

describe('a touch as a CRM activity', () => {
  it('cuts a note longer than the CRM holds, says so, and keeps the reference line', () => {
    const interaction = touch(`Long call\n${'word '.repeat(10_000)}`);
    const { body, ref } = activityContent(interaction, [], [], 'en');
    expect(body.length).toBeLessThanOrEqual(BODY_MAX);
    expect(body).toContain('…\nThe notes were cut to fit the CRM; the whole text is in the Adoption Sidebar.');
    expect(ref).toBe(activityRef(interaction.id));
    expect(refOfBody(body)).toBe(interaction.id);
  });

  it('keeps a note that fits whole, in the CSM’s language', () => {
    const interaction = touch('短い通話');
    const { body, subject } = activityContent(interaction, [], [], 'ja');
    expect(subject).toBe('電話: 短い通話');
    expect(body.startsWith('短い通話\n\nトーン: ')).toBe(true);
    expect(body).not.toContain('短くしました');
  });
});
