import { describe, expect, it } from 'vitest';
import { addsNothing, diffFields, overlayFields } from './fields';

const f = (key: string, value: string) => ({ key, label: key, value });

describe('field comparison', () => {
  it('reports changed values only for fields shown both times', () => {
    expect(diffFields([f('A', '1'), f('B', '2'), f('Gone', 'x')], [f('A', '1'), f('B', '3'), f('New', 'y')])).toEqual([{ key: 'B', label: 'B', before: '2', after: '3' }]);
  });

  it('reports a value that became empty', () => {
    expect(diffFields([f('Phone', '555')], [f('Phone', '')])).toEqual([{ key: 'Phone', label: 'Phone', before: '555', after: '' }]);
  });

  it('overlays a reading on the known state', () => {
    expect(overlayFields([f('A', '1'), f('B', '2')], [f('B', '3'), f('C', '4')])).toEqual([f('A', '1'), f('B', '3'), f('C', '4')]);
  });

  it('knows when a reading adds nothing', () => {
    expect(addsNothing([f('A', '1'), f('B', '2')], [f('A', '1')])).toBe(true);
    expect(addsNothing([f('A', '1')], [f('A', '1'), f('B', '2')])).toBe(false);
    expect(addsNothing([f('A', '1')], [f('A', '9')])).toBe(false);
  });
});
