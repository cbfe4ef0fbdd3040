import { afterEach, describe, expect, it } from 'vitest';
import { useState } from 'react';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createTranslator } from '@/lib/i18n';
import { I18nProvider } from './i18n';
import { LimitHint, ListFull, TextArea } from './form';
import { previewEnd, PREVIEW_CHARS, PREVIEW_LINES } from './Timeline';

afterEach(cleanup);

const inLocale = (locale: 'en' | 'ja', node: React.ReactNode) => render(<I18nProvider translator={createTranslator(locale)}>{node}</I18nProvider>);

describe('limits shown in forms', () => {
  it('shows nothing far from the cap, a counter near it, and what is wrong past it', () => {
    inLocale('en', <LimitHint length={10} max={200} field="stakeholderName" />);
    expect(screen.queryByTestId('limit-count')).toBeNull();
    cleanup();
    inLocale('en', <LimitHint length={190} max={200} field="stakeholderName" />);
    expect(screen.getByTestId('limit-count').textContent).toBe('190 / 200 characters');
    cleanup();
    inLocale('en', <LimitHint length={5_000_001} max={5_000_000} field="notes" whenOver="limit.overKept" />);
    expect(screen.getByTestId('limit-over').textContent).toBe('This note is longer than 5,000,000 characters (5,000,001 now). It can be saved once it is shorter; meanwhile the draft keeps every character.');
    cleanup();
    inLocale('ja', <LimitHint length={301} max={300} field="goalTitle" />);
    expect(screen.getByTestId('limit-over').textContent).toBe('ゴールが300文字を超えています（現在301文字）。保存するには短くしてください。');
  });

  it('says when a list is full', () => {
    inLocale('en', <ListFull count={100} max={100} items="nextSteps" />);
    expect(screen.getByTestId('limit-list-full').textContent).toBe('At most 100 next steps.');
  });
});

describe('TextArea', () => {
  function Harness({ initial }: { initial: string }) {
    const [value, setValue] = useState(initial);
    return (
      <>
        <TextArea data-testid="area" value={value} onText={setValue} />
        <button type="button" onClick={() => setValue('from outside')}>set</button>
        <output data-testid="state">{value.length}</output>
      </>
    );
  }

  it('shows its value, reports typing, and takes a value set from outside', () => {
    render(<Harness initial="draft restored" />);
    const area = screen.getByTestId('area') as HTMLTextAreaElement;
    expect(area.value).toBe('draft restored');
    fireEvent.change(area, { target: { value: 'draft restored, and more' } });
    expect(screen.getByTestId('state').textContent).toBe(String('draft restored, and more'.length));
    expect(area.value).toBe('draft restored, and more');
    fireEvent.click(screen.getByText('set'));
    expect(area.value).toBe('from outside');
  });
});

describe('timeline preview', () => {
  it('keeps short texts whole and clips long ones by characters or lines', () => {
    expect(previewEnd('A short note')).toBeNull();
    expect(previewEnd('x'.repeat(PREVIEW_CHARS))).toBeNull();
    expect(previewEnd('x'.repeat(1024 * 1024))).toBe(PREVIEW_CHARS);
    const lines = Array.from({ length: 20 }, (_, i) => `line ${i}`).join('\n');
    expect(lines.slice(0, previewEnd(lines) ?? undefined).split('\n')).toHaveLength(PREVIEW_LINES);
  });
});
