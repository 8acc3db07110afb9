import type { z } from 'zod';
import { commands, fail, isCommandName, LecternError, ok, type Result } from '../../shared/contract';
import type { HandlerContext } from './context';
import { handlers } from './handlers';

export type Dispatch = (name: string, input: unknown) => Promise<Result<unknown>>;

export interface DispatchOptions {
  /** Log an internal error (a bug) somewhere a developer will see it. */
  onInternalError?: (name: string, error: unknown) => void;
}

/**
 * The single door into the core: allow-lists the name, validates the input against the contract,
 * runs the handler, checks its output, and turns every outcome into the result envelope.
 */
export function createDispatch(ctx: HandlerContext, options: DispatchOptions = {}): Dispatch {
  return async (name, input) => {
    if (!isCommandName(name)) return fail('unknown_command', `There is no command named "${name}".`);
    const spec = commands[name];
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) return fail('bad_input', describeIssues(name, parsed.error));
    try {
      const handler = handlers[name] as (ctx: HandlerContext, input: unknown) => unknown;
      const output = await handler(ctx, parsed.data);
      const checked = spec.output.safeParse(output);
      if (!checked.success) {
        throw new Error(`"${name}" produced output outside its contract: ${describeIssues(name, checked.error)}`);
      }
      return ok(checked.data);
    } catch (error) {
      if (error instanceof LecternError) return fail(error.code, error.message);
      options.onInternalError?.(name, error);
      return fail('internal', `Lectern hit an internal error in "${name}": ${(error as Error)?.message ?? String(error)}`);
    }
  };
}

function describeIssues(name: string, error: z.ZodError): string {
  const issues = error.issues.slice(0, 3).map((issue) => {
    const where = issue.path.length > 0 ? issue.path.join('.') : 'input';
    return `${where}: ${issue.message}`;
  });
  return `Invalid input for "${name}": ${issues.join('; ')}`;
}
