import type { FieldChange, RecordField } from '../model/account';

/**
 * Fields whose value differs between two readings of the same record. A field shown in only one
 * of them is not a change: the layout (highlights vs. details, a collapsed section) differs, not the data.
 */
export function diffFields(before: readonly RecordField[], after: readonly RecordField[]): FieldChange[] {
  const beforeByKey = new Map(before.map((f) => [f.key, f]));
  const changes: FieldChange[] = [];
  for (const field of after) {
    const old = beforeByKey.get(field.key);
    if (old && old.value !== field.value) changes.push({ key: field.key, label: field.label, before: old.value, after: field.value });
  }
  return changes;
}

/** The record's known state: `known` overlaid with what was just read (fields not shown now keep their last value). */
export function overlayFields(known: readonly RecordField[], read: readonly RecordField[]): RecordField[] {
  const byKey = new Map(known.map((f) => [f.key, f]));
  for (const field of read) byKey.set(field.key, field);
  return [...byKey.values()];
}

/** True when `read` tells nothing new about `known`: no value differs and no field is new. */
export function addsNothing(known: readonly RecordField[], read: readonly RecordField[]): boolean {
  const knownByKey = new Map(known.map((f) => [f.key, f.value]));
  return read.every((f) => knownByKey.get(f.key) === f.value);
}
