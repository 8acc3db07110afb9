import { useCallback, useEffect, useState } from 'react';
import type { CommandInput, CommandName, CommandOutput } from '../../../shared/contract';
import { call } from './client';

export type Loadable<T> = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; data: T };

/** Runs a read command when the screen mounts (and on reload()), exposing loading and error states. */
export function useCommand<N extends CommandName>(name: N, input: CommandInput<N>, version = 0) {
  const [state, setState] = useState<Loadable<CommandOutput<N>>>({ status: 'loading' });
  const key = JSON.stringify(input);
  const load = useCallback(() => {
    let live = true;
    call(name, JSON.parse(key) as CommandInput<N>).then(
      (data) => live && setState({ status: 'ready', data }),
      (error: Error) => live && setState({ status: 'error', message: error.message }),
    );
    return () => {
      live = false;
    };
    // `version` is a dependency so the command runs again after the collection changed.
  }, [name, key, version]);
  useEffect(() => load(), [load]);
  return { state, reload: load };
}
