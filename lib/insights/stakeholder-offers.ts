import type { FieldChange } from '../model/account';
import { ALWAYS_STAKEHOLDER_FIELDS } from '../model/settings';

/** CRM field changes that may mean a stakeholder changed: offered to the CSM as a signal. */
export function stakeholderFieldChanges(changes: readonly FieldChange[], stakeholderFieldKeys: readonly string[]): FieldChange[] {
  const keys = new Set<string>([...ALWAYS_STAKEHOLDER_FIELDS, ...stakeholderFieldKeys]);
  return changes.filter((c) => keys.has(c.key));
}
