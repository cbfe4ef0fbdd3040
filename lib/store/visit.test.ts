import { describe, expect, it } from 'vitest';
import { openAdoptionDb } from '../db/open';
import { recordVisit } from './visit';
import { reading, sequentialIds, uniqueDbName } from '@/tests/unit/factories';

const at = (iso: string) => new Date(iso);

describe('recordVisit', () => {
  it('reports a first visit, then what changed since it', async () => {
    const db = await openAdoptionDb(uniqueDbName());
    const first = await recordVisit(db, reading(), at('2026-11-01T09:00:00Z'), sequentialIds);
    expect(first.comparedWith).toBeNull();
    expect(first.changes).toEqual([]);

    const second = await recordVisit(
      db,
      reading({ visitId: 'visit-2', fields: [{ key: 'Name', label: 'Account Name', value: 'Globex Corporation' }, { key: 'Industry', label: 'Industry', value: 'Energy' }] }),
      at('2026-11-08T09:00:00Z'),
      sequentialIds,
    );
    expect(second.comparedWith).toBe('2026-11-01T09:00:00.000Z');
    expect(second.changes).toEqual([{ key: 'Industry', label: 'Industry', before: 'Manufacturing', after: 'Energy' }]);
    expect(await db.count('snapshots')).toBe(2);
  });

  it('keeps no new snapshot when nothing changed, and keeps comparing with the last change', async () => {
    const db = await openAdoptionDb(uniqueDbName());
    await recordVisit(db, reading(), at('2026-11-01T09:00:00Z'), sequentialIds);
    const again = await recordVisit(db, reading({ visitId: 'visit-2' }), at('2026-11-02T09:00:00Z'), sequentialIds);
    expect(again.changes).toEqual([]);
    expect(again.comparedWith).toBe('2026-11-01T09:00:00.000Z');
    expect(await db.count('snapshots')).toBe(1);
    expect((await db.get('accounts', reading().accountKey))?.lastSeenAt).toBe('2026-11-02T09:00:00.000Z');
  });

  it('refines the same visit as more fields render, still comparing with the earlier visit', async () => {
    const db = await openAdoptionDb(uniqueDbName());
    await recordVisit(db, reading(), at('2026-11-01T09:00:00Z'), sequentialIds);
    const partial = reading({ visitId: 'visit-2', fields: [{ key: 'Name', label: 'Account Name', value: 'Globex Corporation' }, { key: 'Tier', label: 'Tier', value: 'Gold' }] });
    await recordVisit(db, partial, at('2026-11-05T09:00:00Z'), sequentialIds);
    const full = await recordVisit(
      db,
      reading({ visitId: 'visit-2', fields: [...partial.fields, { key: 'Industry', label: 'Industry', value: 'Energy' }] }),
      at('2026-11-05T09:00:01Z'),
      sequentialIds,
    );
    expect(full.comparedWith).toBe('2026-11-01T09:00:00.000Z');
    expect(full.changes).toEqual([{ key: 'Industry', label: 'Industry', before: 'Manufacturing', after: 'Energy' }]);
    expect(await db.count('snapshots')).toBe(2);
  });

  it('reports a damaged stored snapshot as an error instead of a wrong comparison', async () => {
    const db = await openAdoptionDb(uniqueDbName());
    await db.put('snapshots', { id: 'bad', accountKey: reading().accountKey, visitId: 'x', takenAt: 'yesterday', fields: [] } as never);
    await expect(recordVisit(db, reading(), at('2026-11-01T09:00:00Z'), sequentialIds)).rejects.toMatchObject({ code: 'damaged' });
  });
});
