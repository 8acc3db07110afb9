import type { z } from 'zod';
import type { CommandSpec } from '../../../shared/contract';
import type { HandlerContext } from '../context';

/** One command's adapter: typed input in, the output its schema accepts out. */
export type Handler<S extends CommandSpec> = (
  ctx: HandlerContext,
  input: z.output<S['input']>,
) => z.input<S['output']> | Promise<z.input<S['output']>>;

/** Exactly one handler for every command of an area's list. */
export type HandlersFor<L extends Record<string, CommandSpec>> = { [N in keyof L]: Handler<L[N]> };

export const done = { done: true } as const;
