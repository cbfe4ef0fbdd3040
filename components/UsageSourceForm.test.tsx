import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { browser } from 'wxt/browser';
import { createTranslator } from '@/lib/i18n';
import { Request } from '@/lib/messaging/protocol';
import { UsageSourceStatus } from '@/lib/usage/source';
import { I18nProvider } from './i18n';
import { UsageSourceForm } from './UsageSourceForm';

// The usage source's form against a mocked background that validates each request as the real one
// does, keeps the saved token, and fetches with whatever token is stored when the fetch arrives.

const request = vi.hoisted(() => vi.fn());
vi.mock('@/lib/messaging/client', () => ({ request }));

const URL_ = 'https://usage.example.com/v1/usage';
let storedToken: string;
let finishSave: () => void;
let fetchedWith: string[];

beforeEach(() => {
  storedToken = 'good-token';
  fetchedWith = [];
  let status = UsageSourceStatus.parse({});
  request.mockImplementation(async (message: unknown) => {
    const parsed = Request.parse(message);
    if (parsed.type === 'usageSource.get') return { config: { url: URL_, headerName: 'X-API-Key', token: '', refreshHours: 6 }, hasToken: true, status };
    if (parsed.type === 'usageSource.save') {
      // The background's write takes a while: the new token is stored when it ends.
      await new Promise<void>((resolve) => (finishSave = resolve));
      storedToken = parsed.config.token || storedToken;
      return null;
    }
    if (parsed.type === 'usageSource.refresh') {
      fetchedWith.push(storedToken);
      const at = '2026-12-05T03:00:00.000Z';
      status = storedToken === 'good-token'
        ? { ...status, lastAttemptAt: at, lastSuccessAt: at, lastError: null, lastRows: 90, lastMonths: 3 }
        : { ...status, lastAttemptAt: at, lastError: { code: 'source-http', detail: '401 Unauthorized' } };
      return status;
    }
    throw new Error(`unexpected ${parsed.type}`);
  });
  vi.spyOn(browser.permissions, 'contains').mockImplementation(async () => true);
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  request.mockReset();
});

describe('usage source form', () => {
  it('fetches with the token just saved when Fetch now is pressed while the save is on its way', async () => {
    render(
      <I18nProvider translator={createTranslator('en')}>
        <UsageSourceForm />
      </I18nProvider>,
    );
    await screen.findByTestId('usage-source-fetch');
    fireEvent.change(screen.getByTestId('usage-source-token'), { target: { value: 'expired-token' } });
    fireEvent.click(screen.getByTestId('usage-source-save'));
    fireEvent.click(screen.getByTestId('usage-source-fetch'));
    // Nothing is fetched before the save is stored.
    await waitFor(() => expect(request).toHaveBeenCalledWith(expect.objectContaining({ type: 'usageSource.save' })));
    expect(fetchedWith).toEqual([]);
    finishSave();
    await waitFor(() => expect(screen.getByTestId('usage-source-status').getAttribute('data-state')).toBe('error'));
    expect(fetchedWith).toEqual(['expired-token']);
    expect(screen.getByTestId('error-message').textContent).toContain('Check the token');
  });

  it('keeps what was typed before the stored source arrived, and fills in the rest', async () => {
    const stored = request.getMockImplementation();
    let answer: () => void = () => undefined;
    request.mockImplementation(async (message: { type: string }) => {
      // A slow start: the stored source arrives after the user began typing.
      if (message.type === 'usageSource.get') await new Promise<void>((resolve) => (answer = resolve));
      return stored?.(message);
    });
    render(
      <I18nProvider translator={createTranslator('en')}>
        <UsageSourceForm />
      </I18nProvider>,
    );
    fireEvent.change(screen.getByTestId('usage-source-token'), { target: { value: 'expired-token' } });
    answer();
    await waitFor(() => expect((screen.getByTestId('usage-source-url') as HTMLInputElement).value).toBe(URL_));
    expect((screen.getByTestId('usage-source-token') as HTMLInputElement).value).toBe('expired-token');
    expect((screen.getByTestId('usage-source-header') as HTMLInputElement).value).toBe('X-API-Key');
  });
});
