/**
 * The collection's undo stack, shared by every screen as in Anki: the reviewer's answers, the card
 * browser's edits and bulk actions, cards made in the reader. One step is one user action, however
 * many rows it touched, and undoing it is one transaction.
 *
 * A step records, for every row it touched (by table and id), what to put back: a whole row for a
 * deleted one, the previous values of the changed columns for an updated one, nothing for a created one
 * (undo deletes it), and a hash of the row as the action left it. Undo refuses, and drops the step, when
 * a row no longer matches that hash: something else changed it since, and undo never overwrites a later
 * change. Steps live in memory, one stack per open collection: they do not survive a restart (as in Anki).
 *
 * Writers declare what they are about to touch (`track`); actions that call other undoable actions
 * (a bulk action, an answer that buries siblings) become one step, however deep the calls go.
 */
import { createHash } from 'node:crypto';
import { LecternError } from '../shared/contract';
import type { UndoAction } from '../shared/contract/review-models';
import type { ChangeArea, Changes, Collection } from './collection';
import { newId } from './ids';
import type { Db } from './storage/database';

type Statement = ReturnType<Db['prepare']>;

export type { UndoAction };

export const UNDO_LIMIT = 30;

/** The tables a step may touch, parents first (restoring inserts in this order, deleting in reverse). */
const TABLES = ['cards', 'review_logs'] as const;
export type UndoTable = (typeof TABLES)[number];

type Row = Record<string, unknown>;

type Change =
  | { table: UndoTable; id: string; kind: 'created'; afterHash: string }
  | { table: UndoTable; id: string; kind: 'deleted'; before: Row }
  | { table: UndoTable; id: string; kind: 'updated'; columns: Row; afterHash: string };

export interface UndoStep {
  id: string;
  action: UndoAction;
  /** The cards the action was about (the first is the one a "card" undo brings back to view). */
  cardIds: string[];
  changes: Change[];
}

interface Recording {
  id: string;
  action: UndoAction;
  cardIds: Set<string>;
  /** Each touched row as it was before the action's first write to it (null: it did not exist). */
  before: Map<string, { table: UndoTable; id: string; row: Row | null }>;
}

interface History {
  steps: UndoStep[];
  recording: Recording | null;
}

const histories = new WeakMap<Collection, History>();

function historyOf(collection: Collection): History {
  let history = histories.get(collection);
  if (!history) histories.set(collection, (history = { steps: [], recording: null }));
  return history;
}

const key = (table: UndoTable, id: string) => `${table}\u0000${id}`;

/** Prepared statements by SQL text: a bulk step reads and writes thousands of rows with a handful of them. */
const statements = new WeakMap<Collection, Map<string, Statement>>();
function statement(collection: Collection, sql: string): Statement {
  let cache = statements.get(collection);
  if (!cache) statements.set(collection, (cache = new Map()));
  let stmt = cache.get(sql);
  if (!stmt) cache.set(sql, (stmt = collection.db.prepare(sql)));
  return stmt;
}

function readRow(collection: Collection, table: UndoTable, id: string): Row | null {
  // `table` is one of TABLES, never user text.
  return (statement(collection, `SELECT * FROM ${table} WHERE id = ?`).get(id) as Row | undefined) ?? null;
}

function hashRow(row: Row | null): string {
  return row === null ? '' : createHash('sha1').update(JSON.stringify(row)).digest('base64');
}

/** What an undoable action tells the history before it writes. */
export interface Tracker {
  /** Rows about to be written, created or deleted (a row not there yet is recorded as created). */
  rows(table: UndoTable, ids: readonly string[]): void;
  /** Cards about to change; with `logs`, their review-log entries too (a deletion takes them along). */
  cards(ids: readonly string[], options?: { logs?: boolean }): void;
}

function trackerFor(collection: Collection, recording: Recording): Tracker {
  const rows = (table: UndoTable, ids: readonly string[]) => {
    for (const id of ids) {
      const k = key(table, id);
      if (!recording.before.has(k)) recording.before.set(k, { table, id, row: readRow(collection, table, id) });
    }
  };
  return {
    rows,
    cards(ids, options) {
      for (const id of ids) recording.cardIds.add(id);
      rows('cards', ids);
      if (options?.logs) {
        const logIds = statement(collection, 'SELECT id FROM review_logs WHERE card_id = ?');
        for (const id of ids) rows('review_logs', logIds.pluck().all(id) as string[]);
      }
    },
  };
}

/** Turns the rows' before-images and their current state into the step's changes (unchanged rows drop out). */
function finish(collection: Collection, recording: Recording): UndoStep | null {
  const changes: Change[] = [];
  for (const { table, id, row: before } of recording.before.values()) {
    const after = readRow(collection, table, id);
    if (before === null && after === null) continue;
    if (before === null) changes.push({ table, id, kind: 'created', afterHash: hashRow(after) });
    else if (after === null) changes.push({ table, id, kind: 'deleted', before });
    else {
      const columns: Row = {};
      for (const [column, value] of Object.entries(before)) if (after[column] !== value) columns[column] = value;
      if (Object.keys(columns).length > 0) changes.push({ table, id, kind: 'updated', columns, afterHash: hashRow(after) });
    }
  }
  if (changes.length === 0) return null;
  return { id: recording.id, action: recording.action, cardIds: [...recording.cardIds], changes };
}

function push(collection: Collection, step: UndoStep): void {
  const { steps } = historyOf(collection);
  steps.push(step);
  if (steps.length > UNDO_LIMIT) steps.splice(0, steps.length - UNDO_LIMIT);
}

export interface Undoable<T> {
  value: T;
  changed: ChangeArea[];
  /** The step to undo this action by ("Undo" in its message); null when it changed nothing. */
  stepId: string | null;
}

/**
 * Runs `fn` in one transaction as one undo step. Inside another undoable action it joins that one's
 * step (and its transaction), so a bulk action made of card actions is undone as a whole.
 */
export function undoable<T>(collection: Collection, action: UndoAction, fn: (track: Tracker, changes: Changes) => T): Undoable<T> {
  const history = historyOf(collection);
  const outer = history.recording;
  if (outer) {
    const { value, changed } = collection.transact((changes) => fn(trackerFor(collection, outer), changes));
    return { value, changed, stepId: outer.id };
  }
  const recording: Recording = { id: newId(), action, cardIds: new Set(), before: new Map() };
  history.recording = recording;
  let step: UndoStep | null = null;
  try {
    const { value, changed } = collection.transact((changes) => {
      const out = fn(trackerFor(collection, recording), changes);
      step = finish(collection, recording);
      return out;
    });
    // Only a committed transaction becomes a step.
    if (step) push(collection, step);
    return { value, changed, stepId: step ? recording.id : null };
  } finally {
    history.recording = null;
  }
}

/**
 * A step recorded by a writer that snapshots rows itself (the scheduler's actions): the card rows as
 * they were, and the log entries it added. Inside an undoable action it joins that action's step.
 */
export function recordStep(collection: Collection, step: { action: UndoAction; cardId: string; before: readonly Row[]; logIds: readonly string[] }): void {
  const history = historyOf(collection);
  const recording = history.recording ?? { id: newId(), action: step.action, cardIds: new Set<string>(), before: new Map() };
  if (step.cardId) recording.cardIds.add(step.cardId);
  for (const row of step.before) {
    const id = row.id as string;
    recording.cardIds.add(id);
    if (!recording.before.has(key('cards', id))) recording.before.set(key('cards', id), { table: 'cards', id, row: { ...row } });
  }
  for (const id of step.logIds) {
    if (!recording.before.has(key('review_logs', id))) recording.before.set(key('review_logs', id), { table: 'review_logs', id, row: null });
  }
  if (history.recording) return;
  const done = finish(collection, recording);
  if (done) push(collection, done);
}

export interface UndoSummary {
  stepId: string;
  action: UndoAction;
  cardId: string;
  /** How many cards the step changed. */
  cards: number;
}

function summary(step: UndoStep): UndoSummary {
  return { stepId: step.id, action: step.action, cardId: step.cardIds[0] ?? '', cards: step.cardIds.length };
}

/** What the next undo would undo, if anything (for an "Undo suspend" label). */
export function nextUndo(collection: Collection): UndoSummary | null {
  const step = historyOf(collection).steps.at(-1);
  return step ? summary(step) : null;
}

export function undoDepth(collection: Collection): number {
  return historyOf(collection).steps.length;
}

/** Forgets every step (after an import rewrote rows they refer to). */
export function clearUndo(collection: Collection): void {
  historyOf(collection).steps = [];
}

export interface UndoneStep extends UndoSummary {
  cardIds: string[];
  changed: ChangeArea[];
}

function writeRow(collection: Collection, table: UndoTable, row: Row, update: boolean): void {
  const columns = Object.keys(row).filter((c) => c !== 'id');
  // Column names come from our own rows (SELECT *), never from user text.
  const sql = update
    ? `UPDATE ${table} SET ${columns.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`
    : `INSERT INTO ${table} (id, ${columns.join(', ')}) VALUES (@id, ${columns.map((c) => `@${c}`).join(', ')})`;
  statement(collection, sql).run(row);
}

/**
 * Undoes the last step, or the step `stepId` (an "Undo" in a message, which may be older than the
 * last one); null when there is nothing to undo. The step leaves the stack even when it is refused.
 */
export function undo(collection: Collection, stepId?: string): UndoneStep | null {
  const { steps } = historyOf(collection);
  const at = stepId === undefined ? steps.length - 1 : steps.findIndex((s) => s.id === stepId);
  if (at < 0) {
    if (stepId === undefined) return null;
    throw new LecternError('not_found', 'There is nothing to undo: that change is too old or was already undone.');
  }
  const [step] = steps.splice(at, 1) as [UndoStep];
  const { changed } = collection.transact((changes) => {
    for (const change of step.changes) {
      const current = readRow(collection, change.table, change.id);
      const expected = change.kind === 'deleted' ? '' : change.afterHash;
      if (hashRow(current) !== expected) {
        throw new LecternError('conflict', 'This card was changed after that action, so it cannot be undone.');
      }
    }
    const order = (c: Change) => TABLES.indexOf(c.table);
    const created = step.changes.filter((c) => c.kind === 'created').sort((a, b) => order(b) - order(a));
    for (const c of created) statement(collection, `DELETE FROM ${c.table} WHERE id = ?`).run(c.id);
    const deleted = step.changes.filter((c): c is Extract<Change, { kind: 'deleted' }> => c.kind === 'deleted').sort((a, b) => order(a) - order(b));
    for (const c of deleted) writeRow(collection, c.table, c.before, false);
    for (const c of step.changes) if (c.kind === 'updated') writeRow(collection, c.table, { id: c.id, ...c.columns }, true);
    changes.mark('cards', 'queue');
  });
  return { ...summary(step), cardIds: step.cardIds, changed };
}
