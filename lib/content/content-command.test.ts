import { describe, expect, it } from 'vitest';
import { ContentCommand } from '../messaging/content-commands';
import { readContentCommand } from './content-command';

describe('readContentCommand', () => {
  it('agrees with the ContentCommand schema', () => {
    const messages: unknown[] = [
      { type: 'quickLog.open' },
      { type: 'sidebar.expand' },
      { type: 'record.resend' },
      { type: 'record.resend', extra: 1 },
      { type: 'sidebar.ping' },
      { type: 'sidebar.end' },
      { type: 'tab.hidden' },
      { type: 'tab.shown' },
      { type: 'toString' },
      { type: '__proto__' },
      { type: 1 },
      {},
      null,
      'sidebar.expand',
      undefined,
    ];
    for (const message of messages) {
      const parsed = ContentCommand.safeParse(message);
      expect(readContentCommand(message), JSON.stringify(message)).toEqual(parsed.success ? parsed.data : undefined);
    }
  });
});
