import { describe, expect, it } from 'vitest';
import { databaseExists, DB_NAME } from './name';

const listing = (names: string[]) => ({ databases: async () => names.map((name) => ({ name, version: 1 })) });

describe('databaseExists', () => {
  it('is true only when the extension database is listed', async () => {
    expect(await databaseExists(listing([DB_NAME]))).toBe(true);
    expect(await databaseExists(listing(['another']))).toBe(false);
    expect(await databaseExists(listing([]))).toBe(false);
  });

  it('assumes it exists when the browser cannot list databases (then it is read, as before)', async () => {
    expect(await databaseExists({ databases: () => Promise.reject(new Error('not supported')) })).toBe(true);
  });
});
