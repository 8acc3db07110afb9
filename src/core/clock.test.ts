import { describe, expect, it } from 'vitest';
import { clockFromEnv, manualClock, parseNow } from './clock';

describe('the clock', () => {
  it('reads LECTERN_NOW as an ISO instant or epoch milliseconds', () => {
    expect(parseNow('2026-03-01T10:00:00Z')).toBe(Date.UTC(2026, 2, 1, 10));
    expect(parseNow('1767225600000')).toBe(1767225600000);
    expect(() => parseNow('next tuesday')).toThrow(/LECTERN_NOW/);
  });

  it('starts at LECTERN_NOW and advances in real time from there', async () => {
    const before = Date.now();
    const clock = clockFromEnv({ LECTERN_NOW: '2030-01-01T00:00:00Z' });
    const first = clock.now();
    // It has advanced by no more than the real time that passed (no timing bound: the machine may be busy).
    expect(first - Date.UTC(2030, 0, 1)).toBeGreaterThanOrEqual(0);
    expect(first - Date.UTC(2030, 0, 1)).toBeLessThanOrEqual(Date.now() - before);
    await new Promise((r) => setTimeout(r, 20));
    expect(clock.now()).toBeGreaterThan(first);
  });

  it('a manual clock moves only when told', () => {
    const clock = manualClock(1000);
    clock.advance(500);
    expect(clock.now()).toBe(1500);
  });
});
