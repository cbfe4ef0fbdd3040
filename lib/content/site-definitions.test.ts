import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SiteDefinition, SiteDefinitions } from '../model/site-definition';
import { readSiteDefinitions } from './site-definitions';

/** Every definition fixture, and the example the README documents. */
const FIXTURES = resolve('tests/fixtures/taught-sites');
const fixtures: [string, unknown][] = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.json'))
  .map((f) => [f, JSON.parse(readFileSync(resolve(FIXTURES, f), 'utf8'))]);
const readmeExample: unknown = JSON.parse(/### Taught site definition[\s\S]*?```json\n([\s\S]*?)```/.exec(readFileSync(resolve('README.md'), 'utf8'))?.[1] ?? 'null');

type Json = unknown;
const clone = (v: Json): Json => structuredClone(v);

/** Sets (or with `undefined` as a marker of absence, deletes) the value at a path of keys and indexes. */
const ABSENT = Symbol('absent');
function withValue(base: Json, path: (string | number)[], value: unknown): Json {
  const root = clone(base);
  let at: unknown = root;
  for (const key of path.slice(0, -1)) at = typeof at === 'object' && at !== null ? Reflect.get(at, key) : undefined;
  const last = path[path.length - 1];
  if (typeof at !== 'object' || at === null || last === undefined) return root;
  if (value === ABSENT) Reflect.deleteProperty(at, last);
  else Reflect.set(at, last, value);
  return root;
}

/** Every path to a value in a JSON document. */
function pathsOf(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [prefix];
  const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  return [prefix, ...entries.flatMap(([k, v]) => pathsOf(v, [...prefix, k]))];
}

/** Values worth trying anywhere: wrong types, edges of each length limit, characters the rules refuse. */
const PROBES: unknown[] = [
  ABSENT, undefined, null, 0, 1, 2, true, '', ' ', 'x', 'X', ' x', 'x ', 'a b', 'a\nb', '{', '}', '{a}', '{A1}', '{id}{id}', '{1a}', '{a}{b}{c}{d}{e}',
  '/', '/x', '/{id}', '/{a}/{b}', '//', 'x/{id}', '!/d/{id}', '!x', '#/{id}', 'id={id}', 'a={x}&b={y}', 'a'.repeat(64), 'a'.repeat(65), 'a'.repeat(100), 'a'.repeat(101),
  'a'.repeat(200), 'a'.repeat(201), 'a'.repeat(253), 'a'.repeat(254), '/' + 'a'.repeat(299), '/' + 'a'.repeat(300), 'a'.repeat(500), 'a'.repeat(501),
  'acme.example.com', 'ACME.example.com', 'acme.example.com:8080', '*.example.com', 'localhost', 'a-.example.com', 'adoption-sidebar-site', 'site-1', 'site 1',
  '2026-11-25T08:00:00.000Z', '2026-11-25T08:00+09:00', '2026-11-25', '2026-11-25T08:00:00.0000000000Z', 'td[data-col="x"]', 'h1 { color: red }',
  [], [''], ['x'], ['a', 'b', 'c', 'd'], ['a', 'b', 'c', 'd', 'e'], [1], [null], {}, { name: 'id', value: '{id}' }, { name: '', value: '{id}' }, { selectors: [], label: '', path: '' },
  { name: 'F', locator: {} }, { name: 'F' }, Object.create({ path: '/{id}' }),
];

/** The reader and the schema give the same answer: both refuse, or both accept with the same value. */
function expectAgreement(value: unknown, what: string): boolean {
  const schema = SiteDefinitions.safeParse(value);
  expect(readSiteDefinitions(value), what).toStrictEqual(schema.success ? schema.data : null);
  return schema.success;
}

describe('the content scripts’ reader of site definitions', () => {
  const kintoneFixture = fixtures.find(([f]) => f.startsWith('kintone'))?.[1];
  const bases: [string, unknown][] = [
    ...fixtures,
    ['README', readmeExample],
    // With every key of an address, a hash path among them.
    ['hash path', withValue(kintoneFixture, ['address'], { path: '/app', query: [{ name: 'org', value: '{org}' }], hash: 'tab={tab}', hashPath: '/customers/{id}' })],
  ];

  it('reads every fixture and the README’s example as the schema does', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(2);
    for (const [name, base] of bases) {
      expect(SiteDefinition.safeParse(base).success, name).toBe(true);
      expect(expectAgreement([base], name)).toBe(true);
    }
    expect(expectAgreement(bases.map(([, b]) => b), 'all')).toBe(true);
  });

  it('agrees with the schema on each value changed anywhere in a definition', () => {
    let accepted = 0;
    let refused = 0;
    for (const [name, base] of bases) {
      for (const path of pathsOf(base)) {
        for (const probe of PROBES) {
          const ok = expectAgreement([withValue(base, path, probe)], `${name} ${path.join('.')} = ${String(probe).slice(0, 40)}`);
          if (ok) accepted++;
          else refused++;
        }
      }
    }
    // Both sides of the line are tried, many times over.
    expect(accepted).toBeGreaterThan(200);
    expect(refused).toBeGreaterThan(1000);
  });

  it('agrees on hash paths, extra keys, whole-list limits and values that are not lists', () => {
    const kintone = kintoneFixture;
    const address = (a: unknown) => [withValue(kintone, ['address'], a)];
    const cases: [string, unknown][] = [
      ['hash path', address({ path: '/app', hashPath: '/customers/{id}' })],
      ['hashbang path', address({ path: '/app', hashPath: '!/deal/{id}' })],
      ['hash path and pairs', address({ path: '/app', hashPath: '/search', hash: 'id={id}' })],
      ['empty hash path', address({ path: '/k/{app}/show', hashPath: '' })],
      ['undefined hash path', address({ path: '/k/{app}/show', hashPath: undefined })],
      ['hash path not a route', address({ path: '/app', hashPath: 'customers/{id}' })],
      ['hash path naming a path placeholder again', address({ path: '/k/{id}', hashPath: '/c/{id}' })],
      ['five placeholders', address({ path: '/{a}/{b}/{c}', hashPath: '/{d}', hash: 'x={e}' })],
      ['query of five', address({ path: '/{a}', query: [1, 2, 3, 4, 5].map((i) => ({ name: `q${i}`, value: 'x' })) })],
      ['extra keys dropped', [{ ...(kintone as object), onLoad: 'alert(1)' }]],
      ['extra address key dropped', address({ path: '/{a}', regex: '.*' })],
      ['inherited keys read', [Object.create(kintone as object)]],
      ['a hole in the fields', [withValue(kintone, ['fields'], [, { name: 'A', locator: {} }])]],
      ['a field named twice', [withValue(kintone, ['fields'], [{ name: 'A', locator: {} }, { name: 'A', locator: {} }])]],
      ['51 fields', [withValue(kintone, ['fields'], Array.from({ length: 51 }, (_, i) => ({ name: `F${i}`, locator: {} })))]],
      ['50 fields', [withValue(kintone, ['fields'], Array.from({ length: 50 }, (_, i) => ({ name: `F${i}`, locator: {} })))]],
      ['100 definitions', Array.from({ length: 100 }, () => kintone)],
      ['101 definitions', Array.from({ length: 101 }, () => kintone)],
      ['empty list', []],
      ['a definition alone', kintone],
      ['null', null],
      ['undefined', undefined],
      ['a string', 'x'],
      ['an object', {}],
    ];
    for (const [what, value] of cases) expectAgreement(value, what);
    expect(readSiteDefinitions(address({ path: '/app', hashPath: '!/deal/{id}' }))?.[0]?.address).toStrictEqual({ path: '/app', query: [], hash: '', hashPath: '!/deal/{id}' });
    expect(readSiteDefinitions(address({ path: '/app', hashPath: 'customers/{id}' }))).toBeNull();
  });

  it('agrees on random changes of several values at once', () => {
    // A fixed seed: the same cases every run.
    let seed = 42;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (const [name, base] of bases) {
      const paths = pathsOf(base);
      for (let i = 0; i < 400; i++) {
        let value = base;
        const changes: string[] = [];
        for (let c = 0; c < 1 + random(3); c++) {
          const path = paths[random(paths.length)] ?? [];
          const probe = PROBES[random(PROBES.length)];
          value = withValue(value, path, probe);
          changes.push(`${path.join('.')}=${String(probe).slice(0, 20)}`);
        }
        expectAgreement([value], `${name} ${changes.join(' ')}`);
      }
    }
  });
});
