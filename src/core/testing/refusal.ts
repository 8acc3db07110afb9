import { LecternError } from '../../shared/contract';

/** Runs `fn`, which must refuse with a LecternError, and returns that refusal for the test to read. */
export function refusal(fn: () => unknown): LecternError {
  try {
    fn();
  } catch (error) {
    if (error instanceof LecternError) return error;
    throw error;
  }
  throw new Error('expected a LecternError');
}
