import type { commands } from '../../shared/contract';
import type { HandlersFor } from './handlers/handler';
import { libraryHandlers } from './handlers/library';

/** Adapters from the contract to the domain, one per command: a missing one fails the type check. */
export const handlers: HandlersFor<typeof commands> = {
  ...libraryHandlers,
};
