import { describe, expect, it } from 'vitest';
import { waitForRecord } from './wait';
import type { CrmAdapter } from './types';

/** An adapter reading `<p data-field>` elements of the document's one `<section>`. */
function adapter(rendersInPlace: boolean): CrmAdapter {
  return {
    crm: 'hubspot',
    matchAccount: () => null,
    rendersInPlace,
    readVisibleRecord: (doc) => {
      const section = doc.querySelector('section');
      const fields = [...doc.querySelectorAll('section p')].map((p) => ({ key: p.getAttribute('data-field') ?? '', label: '', value: p.textContent ?? '' }));
      return section && fields.length > 0 ? { container: section, name: fields[0]?.value ?? '', fields } : null;
    },
  };
}

describe('waiting for the next record', () => {
  it('where the CRM renders the next record in place, tells it by what it shows', async () => {
    document.body.innerHTML = '<section><p data-field="name">Umbrella</p></section>';
    const crm = adapter(true);
    const previous = crm.readVisibleRecord(document);
    const next = waitForRecord(document, crm, { previous, timeoutMs: 60_000 });
    document.querySelector('p')!.textContent = 'Wesker Holdings';
    expect((await next)?.name).toBe('Wesker Holdings');
  });

  it('elsewhere the same container is the same record: another container is awaited', async () => {
    document.body.innerHTML = '<section><p data-field="name">Globex</p></section>';
    const crm = adapter(false);
    const previous = crm.readVisibleRecord(document);
    const controller = new AbortController();
    const next = waitForRecord(document, crm, { previous, timeoutMs: 60_000, signal: controller.signal });
    document.querySelector('p')!.textContent = 'Globex (late field)';
    await new Promise((resolve) => setTimeout(resolve, 200));
    document.body.innerHTML = '<section><p data-field="name">Initech</p></section>';
    expect((await next)?.name).toBe('Initech');
  });

  it('says it waits only when the record is not on screen yet', async () => {
    document.body.innerHTML = '<section><p data-field="name">Globex</p></section>';
    const crm = adapter(false);
    const waits: string[] = [];
    expect((await waitForRecord(document, crm, { timeoutMs: 60_000, onWait: () => waits.push('on screen') }))?.name).toBe('Globex');
    document.body.innerHTML = '';
    const next = waitForRecord(document, crm, { timeoutMs: 60_000, onWait: () => waits.push('not yet') });
    document.body.innerHTML = '<section><p data-field="name">Initech</p></section>';
    expect((await next)?.name).toBe('Initech');
    expect(waits).toEqual(['not yet']);
  });
});
