/** The one clock. Hosts and the CLI read the time only from here (INTERFACES.md: LECTERN_NOW). */
export interface Clock {
  /** Epoch milliseconds, UTC. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that starts at `start` and advances in real time from there. */
export function clockStartingAt(start: number, base: Clock = systemClock): Clock {
  const offset = start - base.now();
  return { now: () => base.now() + offset };
}

/** A clock that only moves when told to: for tests that walk through months in milliseconds. */
export interface ManualClock extends Clock {
  set(instant: number): void;
  advance(ms: number): void;
}

export function manualClock(start: number): ManualClock {
  let t = start;
  return {
    now: () => t,
    set: (instant) => {
      t = instant;
    },
    advance: (ms) => {
      t += ms;
    },
  };
}

/** Reads `LECTERN_NOW` (an ISO instant or epoch milliseconds). Throws with a clear message if it is malformed. */
export function parseNow(value: string): number {
  const trimmed = value.trim();
  const asNumber = /^-?\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
  const instant = Number.isFinite(asNumber) ? asNumber : Date.parse(trimmed);
  if (!Number.isFinite(instant)) {
    throw new Error(`LECTERN_NOW must be an ISO instant or epoch milliseconds, got "${value}"`);
  }
  return instant;
}

export function clockFromEnv(env: NodeJS.ProcessEnv = process.env): Clock {
  const raw = env.LECTERN_NOW;
  return raw && raw.trim() !== '' ? clockStartingAt(parseNow(raw)) : systemClock;
}
