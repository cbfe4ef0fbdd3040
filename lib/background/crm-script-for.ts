import { MatchPattern } from 'wxt/utils/match-patterns';
import { CRM_SCRIPTS, type CrmScriptId } from '../crm-hosts';
import type { CrmInterfaces } from '../model/crm-interfaces';

const scripts = CRM_SCRIPTS.map((s) => ({ id: s.id, patterns: s.matches.map((m) => new MatchPattern(m)) }));

/** The sidebar script for a page, or null for pages of no CRM. */
export function crmScriptFor(url: string | undefined): CrmScriptId | null {
  if (url === undefined) return null;
  try {
    return scripts.find((s) => s.patterns.some((p) => p.includes(url)))?.id ?? null;
  } catch {
    return null;
  }
}

export function isCrmPage(url: string | undefined): boolean {
  return crmScriptFor(url) !== null;
}

/**
 * The script the background should inject into a page: its CRM's, unless the CSM turned that CRM
 * interface off in the settings; null for pages of no CRM.
 */
export function scriptToInject(url: string | undefined, interfaces: CrmInterfaces): CrmScriptId | null {
  const script = crmScriptFor(url);
  return script !== null && interfaces[script] ? script : null;
}
