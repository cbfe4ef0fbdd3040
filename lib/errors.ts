import { z } from 'zod';

/** What went wrong, in a form every context can show in the user's language. */
export const ErrorCode = z.enum([
  'invalid-message',
  'invalid-backup',
  'unsupported-backup',
  'backup-not-json',
  'storage',
  'damaged',
  'internal',
  'unreachable',
  'gone',
  'source-unreachable',
  'source-http',
  'source-format',
  'source-permission',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const AppErrorData = z.object({ code: ErrorCode, detail: z.string() });
export type AppErrorData = z.infer<typeof AppErrorData>;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
  ) {
    super(`${code}: ${detail}`);
  }

  toData(): AppErrorData {
    return { code: this.code, detail: this.detail };
  }
}

/** Any thrown value as error data: known errors keep their code, the rest become `storage` or `internal`. */
export function toErrorData(error: unknown): AppErrorData {
  if (error instanceof AppError) return error.toData();
  if (error instanceof DOMException) return { code: 'storage', detail: `${error.name}: ${error.message}` };
  return { code: 'internal', detail: error instanceof Error ? error.message : String(error) };
}
