/** The scheduler domain: pure scheduling (types, scheduler, replay, queue, format) and the collection operations. */
export * from './types';
export {
  MS_PER_DAY,
  answerCard,
  elapsedStudyDays,
  forgetCard,
  isLeechLapse,
  newCardMemory,
  nextStates,
  previewAnswer,
  retrievability,
  setDueDate,
} from './scheduler';
export { formatInterval } from './format';
export { compareLogs, replayCard, replayStep, type ReplayLog } from './replay';
export { LEARN_AHEAD_MS, buildQueue, interleave, isAvailable } from './queue';
export type { DeckAllowance, Queue, QueueCandidate, QueueCounts, QueueInput } from './queue';
export { LEECH_TAG, answer, bury, flag, forget, setDue, suspend } from './answering';
export type { AnswerInput, AnswerResult, SessionKind } from './answering';
export { UNDO_LIMIT, clearUndo, peekUndo, undo, undoDepth } from './undo';
export type { UndoAction, UndoResult } from './undo';
export { answerButtons, customSessionCards, dayContext, dueCounts, nextDueAfterToday, studyQueue, todayCounts } from './session';
export type { ButtonPreview, DayContext, DeckDueCounts } from './session';
