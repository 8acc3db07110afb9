/**
 * Deck file formats (issue 8): pure conversions between a neutral in-memory model and bytes. The
 * collection side (gathering cards, merging imports) builds on these.
 */
export { LECTERN_JSON_VERSION, LecternJson, parseLecternJson, serializeLecternJson } from './lectern-json';
export type { LecternArticle, LecternCard, LecternDeck, LecternPreset, LecternReviewLog, LecternSettings, LecternSource } from './lectern-json';
export { ankiPackageFromLectern, deckLevel } from './to-anki';
export { writeApkg, type WriteApkgOptions } from './anki/write-apkg';
export { readApkg, NEWER_ANKI_MESSAGE } from './anki/read-apkg';
export { guidForCardId, cardIdFromGuid } from './anki/guid';
export { writeAnkiCsv, readAnkiCsv, type CsvSeparator } from './csv';
export { DEFAULT_IMPORT_LIMITS } from './model';
export type * from './model';
export { writeMarkdownDeck } from './markdown';
