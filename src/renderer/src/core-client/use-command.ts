import { useCallback, useEffect, useState } from 'react';
import type { CommandInput, CommandName, CommandOutput } from '../../../shared/contract';
import { call } from './client';

export type Loadable<T> = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; data: T };

/**
 * Runs a read command when the screen mounts, again when `version` grows (the collection changed),
 * and on reload(); exposes loading and error states.
 */
export function useCommand<N extends CommandName>(name: N, input: CommandInput<N>, version = 0) {
  const [state, setState] = useState<Loadable<CommandOutput<N>>>({ status: 'loading' });
  const [reloads, setReloads] = useState(0);
  const key = JSON.stringify(input);
  useEffect(() => {
    let live = true;
    call(name, JSON.parse(key) as CommandInput<N>).then(
      (data) => live && setState({ status: 'ready', data }),
      (error: Error) => live && setState({ status: 'error', message: error.message }),
    );
    return () => {
      live = false;
    };
  }, [name, key, version, reloads]);
  const reload = useCallback(() => setReloads((n) => n + 1), []);
  return { state, reload };
}
