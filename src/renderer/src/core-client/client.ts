import type { CommandInput, CommandName, CommandOutput, WireError } from '../../../shared/contract';
import { createBridge } from './bridge';

/** A refusal or failure from the core, carried to the screen that asked. */
export class CoreError extends Error {
  readonly code: WireError['code'];
  constructor(error: WireError) {
    super(error.message);
    this.code = error.code;
  }
}

const bridge = createBridge();

/** The renderer's one way to reach the core, typed from the command list. */
export async function call<N extends CommandName>(name: N, input: CommandInput<N>): Promise<CommandOutput<N>> {
  const result = await bridge.invoke(name, input);
  if (!result.ok) throw new CoreError(result.error);
  return result.data as CommandOutput<N>;
}
