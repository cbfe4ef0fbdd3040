import type { ContentCommand } from '../messaging/content-commands';

/** Every command the background sends a tab; the compiler checks none is missing. */
const COMMAND_TYPES: Record<ContentCommand['type'], true> = { 'quickLog.open': true, 'record.resend': true, 'sidebar.end': true, 'tab.hidden': true, 'tab.shown': true };

/** Keys a command carries besides its type: none, or `readContentCommand` would have to read them. */
type Payload<T> = T extends unknown ? Exclude<keyof T, 'type'> : never;
const carriesOnlyItsType: [Payload<ContentCommand>] extends [never] ? true : false = true;
void carriesOnlyItsType;

/**
 * The background's command to the content script, read without zod: the content script's size
 * budget (under 15 kB gzipped) has no room for the zod schema, and the commands carry nothing but
 * their type. Agrees with ContentCommand.safeParse (content-command.test.ts).
 */
export function readContentCommand(message: unknown): ContentCommand | undefined {
  const type: unknown = typeof message === 'object' && message !== null ? Reflect.get(message, 'type') : undefined;
  return typeof type === 'string' && Object.hasOwn(COMMAND_TYPES, type) ? ({ type } as ContentCommand) : undefined;
}
