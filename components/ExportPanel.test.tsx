import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createTranslator } from '@/lib/i18n';
import type { AccountRecord } from '@/lib/model/account-record';
import { I18nProvider } from './i18n';
import { ExportPanel } from './ExportPanel';

const record: AccountRecord = {
  account: { key: 'salesforce:acme:001A', crm: 'salesforce', recordId: '001A', name: 'Globex', url: 'https://x', firstSeenAt: '2026-01-01T00:00:00.000Z', lastSeenAt: '2026-11-01T00:00:00.000Z' },
  fields: [], interactions: [], signals: [], goals: [], stakeholders: [], damaged: 0,
};
const request = vi.hoisted(() => vi.fn());
vi.mock('@/lib/messaging/client', () => ({ request }));

function renderPanel() {
  request.mockImplementation(async (message: { type: string }) => (message.type === 'account.brief' ? { record, health: null } : null));
  return render(
    <I18nProvider translator={createTranslator('en')}>
      <ExportPanel accountKey="salesforce:acme:001A" accountName="Globex" />
    </I18nProvider>,
  );
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  request.mockReset();
});

describe('export panel', () => {
  it('starts on the last full quarter with internal notes left out', () => {
    renderPanel();
    const from = screen.getByTestId<HTMLInputElement>('export-from').value;
    expect(from).toMatch(/^\d{4}-(01|04|07|10)-01$/);
    expect(screen.getByTestId<HTMLInputElement>('export-include-internal').checked).toBe(false);
  });

  it('refuses a range that ends before it starts', () => {
    renderPanel();
    fireEvent.change(screen.getByTestId('export-from'), { target: { value: '2026-10-01' } });
    fireEvent.change(screen.getByTestId('export-to'), { target: { value: '2026-09-01' } });
    expect(screen.getByTestId('export-bad-range').textContent).toBe('The start date must be on or before the end date.');
    for (const id of ['export-markdown', 'export-copy', 'export-print', 'export-csv']) expect(screen.getByTestId<HTMLButtonElement>(id).disabled).toBe(true);
  });

  it('copies the brief, and says so clearly when the clipboard is refused', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    renderPanel();
    fireEvent.click(screen.getByTestId('export-copy'));
    await waitFor(() => expect(screen.getByTestId('export-status').textContent).toBe('Copied to the clipboard.'));
    expect(String(writeText.mock.calls[0]?.[0])).toContain('## Usage trend');
    expect(request).toHaveBeenCalledWith(expect.objectContaining({ type: 'account.brief', accountKey: 'salesforce:acme:001A' }));

    writeText.mockRejectedValue(new DOMException('denied', 'NotAllowedError'));
    document.execCommand = vi.fn().mockReturnValue(false);
    fireEvent.click(screen.getByTestId('export-copy'));
    await waitFor(() => expect(screen.getByTestId('export-status').textContent).toContain('did not allow copying'));
    expect(screen.getByTestId('export-status').dataset.state).toBe('refused');
  });

  it('tells when the background cannot answer', async () => {
    renderPanel();
    request.mockRejectedValue(new Error('boom'));
    fireEvent.click(screen.getByTestId('export-csv'));
    await waitFor(() => expect(screen.getByTestId('error-message').dataset.code).toBe('internal'));
  });
});
