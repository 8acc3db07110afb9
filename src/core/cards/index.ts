/** Cards by hand: provenance and re-anchoring, creation from a selection, edits, deletion with undo, browsing and searching. */
export { CONTEXT_CHARS, clozeFromSelection, sentenceAround, sentenceSpans, sourceWithContext, trimSpan } from './provenance';
export type { SourceSpan } from './provenance';
export { locatePassage, reanchorCards } from './reanchor';
export type { Located, OldSource, ReanchorLayout, ReanchorReport, SourceStatus } from './reanchor';
export { createCard, deleteCards, requireCard, resolveSource, tagCards, undoDeleteCards, updateCard } from './edit';
export type { CardEdit, NewCardRequest } from './edit';
export { cardItem, dayBounds, dueDayOf, listCards, matchingCardIds, searchWhere, sectionCards } from './browse';
export { applyToCards } from './bulk';
export type { BulkResult } from './bulk';
export { changeSavedSearch, removeSavedSearch, saveSearch, savedSearches } from './saved-searches';
export type { SavedSearch } from './saved-searches';
