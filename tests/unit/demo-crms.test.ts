import { describe, expect, it } from 'vitest';
import { CRM_IDS, demoCrm, parseDemoArgs } from '../../scripts/lib/demo-crms.mjs';
import { matchAccount as lightning } from '@/lib/adapters/salesforce';
import { matchAccount as classic } from '@/lib/adapters/salesforce-classic';
import { matchAccount as hubspot } from '@/lib/adapters/hubspot';
import { matchAccount as dynamics } from '@/lib/adapters/dynamics';

const MATCHERS = { lightning, classic, hubspot, dynamics };

describe('the demo per CRM', () => {
  it.each(CRM_IDS)('%s: every sample record is an account page the extension keys as the demo expects', (id) => {
    const crm = demoCrm(id);
    expect(crm.records.length).toBeGreaterThan(1);
    for (const record of crm.records) {
      expect(record.name).not.toBe('');
      expect(MATCHERS[id](new URL(record.url))?.accountKey).toBe(record.key);
    }
  });

  it('takes --crm as two words or one, defaults to Lightning, and refuses what it does not know', () => {
    expect(parseDemoArgs([])).toEqual({ build: true, headless: false, crm: 'lightning', store: false });
    expect(parseDemoArgs(['--crm', 'hubspot', '--no-build'])).toEqual({ build: false, headless: false, crm: 'hubspot', store: false });
    expect(parseDemoArgs(['--store']).store).toBe(true);
    expect(parseDemoArgs(['--crm=dynamics', '--headless']).crm).toBe('dynamics');
    expect(() => parseDemoArgs(['--crm', 'pipedrive'])).toThrow(/lightning, classic, hubspot, dynamics/);
    expect(() => parseDemoArgs(['--crm'])).toThrow(/--crm/);
    expect(() => parseDemoArgs(['--fast'])).toThrow(/Unknown option --fast/);
  });
});
