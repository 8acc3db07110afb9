/** Command-level test helpers: calls through the real dispatch, as a host makes them. Not imported by production code. */
import type { Collection } from '../../collection';
import { createDispatch } from '../dispatch';

export function dispatchHarness(collection: Collection) {
  const dispatch = createDispatch({ collection, dataDir: null });
  /** Calls a command and returns its data, failing the test on a refusal. */
  const call = async (name: string, input: unknown) => {
    const result = await dispatch(name, input);
    if (!result.ok) throw new Error(`${name}: ${result.error.code}: ${result.error.message}`);
    return result.data as any; // eslint-disable-line @typescript-eslint/no-explicit-any
  };
  /** Calls a command that must be refused, and returns the refusal. */
  const refusal = async (name: string, input: unknown) => {
    const result = await dispatch(name, input);
    if (result.ok) throw new Error(`${name} was not refused`);
    return result.error;
  };
  return { dispatch, call, refusal };
}
