import type { z } from 'zod';
import { cardCommands } from './commands/cards';
import { exchangeCommands } from './commands/exchange';
import { libraryCommands } from './commands/library';
import { presetCommands } from './commands/presets';
import { reviewCommands } from './commands/review';
import type { CommandSpec } from './commands/spec';

export type { CommandSpec } from './commands/spec';

/**
 * THE list of commands: name → input schema, output schema, whether it writes. Each area keeps its
 * commands in its own file under commands/; this is where they are joined. Every host (Electron IPC,
 * the web host, the CLI) reaches the core only through these names. Inputs are strict objects:
 * unknown keys are refused, not ignored.
 */
export const commands = {
  ...libraryCommands,
  ...cardCommands,
  ...reviewCommands,
  ...presetCommands,
  ...exchangeCommands,
} as const satisfies Record<string, CommandSpec>;

export type CommandName = keyof typeof commands;
export type CommandInput<N extends CommandName> = z.input<(typeof commands)[N]['input']>;
export type CommandOutput<N extends CommandName> = z.output<(typeof commands)[N]['output']>;

export const commandNames = Object.keys(commands) as CommandName[];

export function isCommandName(name: string): name is CommandName {
  return Object.prototype.hasOwnProperty.call(commands, name);
}
