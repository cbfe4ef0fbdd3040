/**
 * A request (or a form) refused because of what was typed, not because of how it was sent: which
 * field, which rule, and the sentence that tells the user, in English or Japanese. The background
 * answers such requests with `invalid-content` (never `invalid-message`, which means a protocol
 * mismatch), and the forms use the same words before they send anything.
 */
import type { z } from './model/zod';
import { translate, type MessageKey } from './i18n';
import type { Locale } from './i18n/locale';

/** Text fields: named in a sentence as its subject ("This note is longer than …"). */
export const TEXT_FIELDS = [
  'notes',
  'nextStep',
  'attendeeName',
  'signalLabel',
  'whatHappened',
  'howTheyFeel',
  'goalTitle',
  'successLooksLike',
  'statusReason',
  'perceivedBy',
  'metricName',
  'metricUnit',
  'stakeholderName',
  'stakeholderTitle',
  'personalityNotes',
  'templateName',
  'templateBody',
  'stakeholderField',
  'competitorName',
  'ownPhrase',
  'crmField',
  'entry',
] as const;
/** Lists: named by what they hold ("Too many next steps …"). */
export const LIST_FIELDS = ['nextSteps', 'attendees', 'newAttendees', 'internalAttendees', 'signals', 'templates', 'stakeholderFields', 'competitorNames', 'ownPhrases', 'crmFields', 'items'] as const;
/** Numbers typed in settings: named by their label. */
export const NUMBER_FIELDS = ['toneStaleDays', 'dueSoonDays', 'healthWeight', 'number'] as const;

export type ContentField = (typeof TEXT_FIELDS)[number] | (typeof LIST_FIELDS)[number] | (typeof NUMBER_FIELDS)[number];

export interface ContentProblem {
  field: ContentField;
  problem: 'too-long' | 'too-many' | 'required' | 'too-high' | 'too-low' | 'invalid';
  /** The limit broken (characters, items, or the number's bound). */
  limit?: number;
  /** How long (or how many) it is now. */
  length?: number;
}

type Issue = z.core.$ZodIssue;

/**
 * Issues about what was typed: too long, too many, empty, out of range. Any other is a protocol
 * mismatch: a wrong type, an unknown kind or key, or a malformed date, id or address (those are
 * made by the extension from pickers and pages, never typed as text).
 */
const CONTENT_CODES: ReadonlySet<string> = new Set(['too_big', 'too_small', 'not_multiple_of']);

export function isContentIssue(issue: Issue): boolean {
  return CONTENT_CODES.has(issue.code);
}

/** The value at `path` in `root`, if there is one. */
function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** The store an edited record belongs to (`entry.store` in `entry.save`), which tells a goal's title from a person's. */
function storeOf(root: unknown, path: readonly PropertyKey[]): string | undefined {
  for (let i = path.length; i >= 0; i--) {
    const store = valueAt(root, [...path.slice(0, i), 'store']);
    if (typeof store === 'string') return store;
  }
  return undefined;
}

function fieldOf(path: readonly PropertyKey[], origin: string | undefined, store: string | undefined): ContentField {
  const keys = path.filter((k): k is string => typeof k === 'string');
  const last = keys[keys.length - 1];
  const has = (k: string) => keys.includes(k);
  const list = origin === 'array' || origin === 'set';
  switch (last) {
    case 'notes':
      return 'notes';
    case 'text':
      return has('nextSteps') ? 'nextStep' : 'entry';
    case 'nextSteps':
      return list ? 'nextSteps' : 'nextStep';
    case 'attendeeIds':
      return 'attendees';
    case 'newAttendees':
      return list ? 'newAttendees' : 'attendeeName';
    case 'internalAttendees':
      return list ? 'internalAttendees' : 'attendeeName';
    case 'signals':
      return 'signals';
    case 'otherLabel':
      return 'signalLabel';
    case 'whatHappened':
    case 'howTheyFeel':
    case 'successLooksLike':
    case 'perceivedBy':
    case 'personalityNotes':
      return last;
    case 'reason':
      return 'statusReason';
    case 'title':
      return store === 'stakeholders' ? 'stakeholderTitle' : store === 'goals' ? 'goalTitle' : 'entry';
    case 'name':
      if (has('metric')) return 'metricName';
      if (has('templates')) return 'templateName';
      return store === 'stakeholders' ? 'stakeholderName' : 'entry';
    case 'unit':
      return 'metricUnit';
    case 'body':
      return 'templateBody';
    case 'templates':
      return 'templates';
    case 'stakeholderFieldKeys':
      return list ? 'stakeholderFields' : 'stakeholderField';
    case 'competitorNames':
      return list ? 'competitorNames' : 'competitorName';
    case 'ownPhrases':
      return 'ownPhrases';
    case 'phrase':
      return 'ownPhrase';
    case 'toneStaleDays':
    case 'dueSoonDays':
      return last;
    case 'value':
      return has('fields') ? 'crmField' : 'entry';
    case 'fields':
      return list ? 'crmFields' : 'crmField';
    default:
      if (has('healthWeights')) return 'healthWeight';
      if (list) return 'items';
      return origin === 'number' ? 'number' : 'entry';
  }
}

/** What an issue says about the content at its path in `root` (the request or the form checked); null for a protocol issue. */
export function contentProblem(issue: Issue, root: unknown): ContentProblem | null {
  if (!isContentIssue(issue)) return null;
  const origin = 'origin' in issue ? String(issue.origin) : undefined;
  const field = fieldOf(issue.path, origin, storeOf(root, issue.path));
  const value = valueAt(root, issue.path);
  const length = typeof value === 'string' || Array.isArray(value) ? value.length : undefined;
  if (issue.code === 'too_big') {
    const limit = Number(issue.maximum);
    if (origin === 'number' || origin === 'bigint') return { field, problem: 'too-high', limit };
    if (origin === 'array' || origin === 'set') return { field, problem: 'too-many', limit, length };
    return { field, problem: 'too-long', limit, length };
  }
  if (issue.code === 'too_small') {
    const limit = Number(issue.minimum);
    if (origin === 'number' || origin === 'bigint') return { field, problem: 'too-low', limit };
    if (origin === 'string' && limit <= 1) return { field, problem: 'required' };
    return { field, problem: 'invalid' };
  }
  return { field, problem: 'invalid' };
}

/** The first content problem among `issues`, or null when any of them is a protocol mismatch. */
export function firstContentProblem(issues: readonly Issue[], root: unknown): ContentProblem | null {
  if (issues.length === 0 || !issues.every(isContentIssue)) return null;
  const first = issues[0];
  return first ? contentProblem(first, root) : null;
}

const FIELD_KEY = { text: 'contentField.', list: 'contentList.', number: 'contentNumber.' } as const;

function fieldName(locale: Locale, field: ContentField): string {
  const kind = (TEXT_FIELDS as readonly string[]).includes(field) ? 'text' : (LIST_FIELDS as readonly string[]).includes(field) ? 'list' : 'number';
  return translate(locale, `${FIELD_KEY[kind]}${field}` as MessageKey);
}

const PROBLEM_KEY: Record<ContentProblem['problem'], MessageKey> = {
  'too-long': 'content.tooLong',
  'too-many': 'content.tooMany',
  required: 'content.required',
  'too-high': 'content.tooHigh',
  'too-low': 'content.tooLow',
  invalid: 'content.invalid',
};

/** The problem as a sentence in the user's language, e.g. "This note is longer than 5,000,000 characters (5,000,012 now)." */
export function describeContentProblem(locale: Locale, problem: ContentProblem): string {
  const number = new Intl.NumberFormat(locale);
  return translate(locale, PROBLEM_KEY[problem.problem], {
    field: fieldName(locale, problem.field),
    max: problem.limit === undefined ? '' : number.format(problem.limit),
    min: problem.limit === undefined ? '' : number.format(problem.limit),
    length: problem.length === undefined ? '' : number.format(problem.length),
  });
}

/** What an `invalid-content` error says of these issues, or null when they are not about content. */
export function contentError(locale: Locale, issues: readonly Issue[], root: unknown): { code: 'invalid-content'; detail: string; field: string; limit?: number } | null {
  const problem = firstContentProblem(issues, root);
  if (!problem) return null;
  return { code: 'invalid-content', detail: describeContentProblem(locale, problem), field: problem.field, ...(problem.limit === undefined ? {} : { limit: problem.limit }) };
}
