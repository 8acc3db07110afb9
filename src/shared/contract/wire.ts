/** The result envelope every host carries: errors cross hosts as data, never as thrown objects. */
export const errorCodes = [
  'bad_input', // the input does not match the command's schema, or the content was refused
  'not_found', // the thing named does not exist
  'unknown_command', // the command name is not in the contract
  'too_large', // a file or body over its limit
  'unsupported', // a format or version Lectern cannot read
  'conflict', // the change cannot be applied to the current state
  'newer_schema', // the collection was written by a newer Lectern
  'cancelled', // a job was cancelled
  'internal', // a bug: the message says what failed
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface WireError {
  code: ErrorCode;
  message: string;
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: WireError };

export function ok<T>(data: T): Result<T> {
  return { ok: true, data };
}

export function fail(code: ErrorCode, message: string): Result<never> {
  return { ok: false, error: { code, message } };
}

/** Thrown inside the core for a refusal the user can act on; dispatch turns it into an envelope. */
export class LecternError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'LecternError';
    this.code = code;
  }
}

/** Body limits of the web host (INTERFACES.md). */
export const BODY_LIMIT_BYTES = 1024 * 1024;
export const FILE_BODY_LIMIT_BYTES = 75 * 1024 * 1024;
/** The import limit for one file (INTERFACES.md). */
export const IMPORT_LIMIT_BYTES = 50 * 1024 * 1024;
