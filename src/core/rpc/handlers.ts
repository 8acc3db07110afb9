import type { commands } from '../../shared/contract';
import type { HandlersFor } from './handlers/handler';
import { cardHandlers } from './handlers/cards';
import { exchangeHandlers } from './handlers/exchange';
import { libraryHandlers } from './handlers/library';
import { presetHandlers } from './handlers/presets';
import { reviewHandlers } from './handlers/review';

/** Adapters from the contract to the domain, one per command: a missing one fails the type check. */
export const handlers: HandlersFor<typeof commands> = {
  ...libraryHandlers,
  ...cardHandlers,
  ...reviewHandlers,
  ...presetHandlers,
  ...exchangeHandlers,
};
