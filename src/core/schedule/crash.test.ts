/**
 * Crash safety: a process answers cards in a loop against a real collection file and is killed with
 * SIGKILL mid-loop. After reopening, every acknowledged answer is in the log, the file passes
 * `PRAGMA integrity_check`, and every card still equals a replay of its log (no half-written answer).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openCollection } from '../collection';
import { manualClock } from '../clock';
import { listCardsInScope, memoryOfRaw } from '../storage/cards';
import { getDeckPreset } from '../storage/presets';
import { getLog, listLogsForCard, listLogsSince } from '../storage/review-logs';
import { readDaySettings } from '../storage/settings';
import { replayCard } from './replay';
import { createTestCollection } from './test-support';

const script = fileURLToPath(new URL('./crash-child.ts', import.meta.url));
const root = fileURLToPath(new URL('../../../', import.meta.url));

describe('crash safety', () => {
  it('keeps every acknowledged answer after SIGKILL, with an intact file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lectern-crash-'));
    try {
      const path = join(dir, 'lectern.sqlite');
      const start = Date.UTC(2026, 2, 7, 20);
      const setup = createTestCollection({ start, path, day: { dayStartsAt: 4, timeZone: 'America/Los_Angeles' }, preset: { newPerDay: 50 } });
      setup.addCards(6, { paragraph: 1 });
      setup.addCards(20);
      setup.collection.close();

      let from = start;
      for (const killAfter of [25, 140]) {
        const acknowledged = await runAndKill(path, from, killAfter);
        expect(acknowledged.length).toBeGreaterThanOrEqual(killAfter);

        const collection = openCollection({ path, clock: manualClock(start) });
        try {
          expect(collection.db.pragma('integrity_check', { simple: true })).toBe('ok');
          for (const id of acknowledged) expect(getLog(collection.db, id), `log ${id}`).toBeDefined();
          const day = readDaySettings(collection.db);
          for (const raw of listCardsInScope(collection.db, {})) {
            const preset = getDeckPreset(collection.db, raw.deck_id)!;
            const replayed = replayCard(listLogsForCard(collection.db, raw.id), preset, day, raw.id, raw.created_at);
            expect(memoryOfRaw(raw)).toEqual(replayed);
          }
          // The next run resumes after the last answer, as a restarted app would.
          from = listLogsSince(collection.db, 0).at(-1)!.reviewedAt + 3_600_000;
        } finally {
          collection.close();
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

/** Starts the child, waits until it has acknowledged `count` answers, SIGKILLs it, returns the ids it printed. */
function runAndKill(path: string, start: number, count: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, path, String(start)], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let buffer = '';
    let stderr = '';
    const ids: string[] = [];
    let killed = false;
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) if (line && line !== 'ready') ids.push(line);
      if (!killed && ids.length >= count) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      // Only whole lines count as acknowledged: a partial last line was never fully written.
      if (signal !== 'SIGKILL') reject(new Error(`child exited with ${code}: ${stderr}`));
      else resolve(ids);
    });
  });
}
