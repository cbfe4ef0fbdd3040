import { describe, expect, it } from 'vitest';
import { crmInterfaceStatus } from './crm-interface-status';

describe('crmInterfaceStatus', () => {
  it('is off when turned off, whatever the browser allows; on when on and allowed; else permission missing', () => {
    expect(crmInterfaceStatus(true, true)).toBe('on');
    expect(crmInterfaceStatus(false, true)).toBe('off');
    expect(crmInterfaceStatus(false, false)).toBe('off');
    expect(crmInterfaceStatus(true, false)).toBe('permission-missing');
  });
});
