import type { z } from 'zod';

export interface CommandSpec {
  input: z.ZodType;
  output: z.ZodType;
  mutates: boolean;
  /** Commands that carry a whole imported file get the larger body limit of the web host. */
  carriesFile?: boolean;
}
