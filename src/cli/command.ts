import type { ParseArgsConfig } from 'node:util';
import type { Collection } from '../core/collection';
import type { Dispatch } from '../core/rpc/dispatch';

export type OptionsConfig = NonNullable<ParseArgsConfig['options']>;
export type OptionValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

export interface CliContext {
  dataDir: string;
  options: OptionValues;
  positionals: string[];
  /** Opens the collection on first use (commands like `parse` never touch it). */
  open(): { collection: Collection; dispatch: Dispatch };
  /** Progress and warnings: always standard error, so --json output stays one document. */
  warn(message: string): void;
}

export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  options: OptionsConfig;
  /** Returns the bare data `--json` prints. */
  run(ctx: CliContext): Promise<unknown> | unknown;
  /** How a person reads the same data. */
  human(data: unknown): string;
}
