import { LecternError, type Result } from '../shared/contract';

/** Unwraps a dispatch envelope for the CLI: a refusal becomes a LecternError (exit 1), a bug stays a bug (exit 2). */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.data;
  if (result.error.code === 'internal') throw new Error(result.error.message);
  throw new LecternError(result.error.code, result.error.message);
}

/** A refused option or argument: exit code 1 with the message on stderr. */
export function refuse(message: string): never {
  throw new LecternError('bad_input', message);
}
