import type { RecordField } from '../model/account';
import type { FieldNames } from '../model/field-names';

/** What is learned of an org's field names: label → API name, and labels that cannot be mapped. */
export interface LearnedNames {
  pairs: ReadonlyMap<string, string>;
  ambiguous: ReadonlySet<string>;
}

export const NOTHING_LEARNED: LearnedNames = { pairs: new Map(), ambiguous: new Set() };

/** A field the page showed without an API name is keyed by its label (lib/adapters). */
function keyedByLabel(field: RecordField): boolean {
  return field.key === field.label;
}

export function learnedFrom(stored: FieldNames | undefined): LearnedNames {
  return stored ? { pairs: new Map(Object.entries(stored.pairs)), ambiguous: new Set(stored.ambiguous) } : NOTHING_LEARNED;
}

export function toStored(learned: LearnedNames, scope: string, object: string, updatedAt: string): FieldNames {
  return { scope, object, pairs: Object.fromEntries(learned.pairs), ambiguous: [...learned.ambiguous].sort(), updatedAt };
}

/**
 * Adds the label → API name pairs `fields` show (fields keyed by an API name). A label on two
 * fields of one reading is ambiguous from then on; a label seen again with another API name takes
 * the new one (the field was relabelled).
 */
export function learnNames(learned: LearnedNames, fields: readonly RecordField[]): LearnedNames {
  const keysByLabel = new Map<string, Set<string>>();
  for (const field of fields) {
    if (!field.label || keyedByLabel(field)) continue;
    keysByLabel.set(field.label, (keysByLabel.get(field.label) ?? new Set()).add(field.key));
  }
  const pairs = new Map(learned.pairs);
  const ambiguous = new Set(learned.ambiguous);
  for (const [label, keys] of keysByLabel) {
    const [key] = keys;
    if (keys.size > 1) {
      ambiguous.add(label);
      pairs.delete(label);
    } else if (key !== undefined && !ambiguous.has(label)) {
      pairs.set(label, key);
    }
  }
  return { pairs, ambiguous };
}

/** Whether learning changed anything worth storing. */
export function sameNames(a: LearnedNames, b: LearnedNames): boolean {
  if (a.pairs.size !== b.pairs.size || a.ambiguous.size !== b.ambiguous.size) return false;
  for (const [label, key] of a.pairs) if (b.pairs.get(label) !== key) return false;
  for (const label of a.ambiguous) if (!b.ambiguous.has(label)) return false;
  return true;
}

/**
 * The fields with every label-keyed field whose API name is known keyed by that name instead.
 * Where the same field shows under its API name as well, that one is kept (it came with its name).
 */
export function keyByApiName(fields: readonly RecordField[], learned: LearnedNames): RecordField[] {
  const named = new Set(fields.filter((f) => !keyedByLabel(f)).map((f) => f.key));
  const keys = new Set<string>();
  const out: RecordField[] = [];
  for (const field of fields) {
    const apiName = keyedByLabel(field) ? learned.pairs.get(field.label) : undefined;
    if (apiName !== undefined && named.has(apiName)) continue;
    const keyed = apiName === undefined ? field : { ...field, key: apiName };
    if (keys.has(keyed.key)) continue;
    keys.add(keyed.key);
    out.push(keyed);
  }
  return out;
}
