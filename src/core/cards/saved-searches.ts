/**
 * Saved searches, as in Anki's browser sidebar: a name for a search, kept in the collection. A search
 * is checked when it is saved, so a saved one always runs; names are unique, ignoring case.
 */
import { LecternError } from '../../shared/contract';
import type { Collection } from '../collection';
import { newId } from '../ids';
import { deleteSavedSearch, getSavedSearch, insertSavedSearch, listSavedSearches, updateSavedSearch, type SavedSearchRow } from '../storage/saved-searches';
import { parseSearch, SearchSyntaxError } from './search-query';

export type SavedSearch = SavedSearchRow;

export function savedSearches(collection: Collection): SavedSearch[] {
  return listSavedSearches(collection.db);
}

function cleanName(collection: Collection, name: string, exceptId?: string): string {
  const clean = name.trim().replace(/\s+/g, ' ');
  if (!clean) throw new LecternError('bad_input', 'Give the saved search a name.');
  if (clean.length > 100) throw new LecternError('bad_input', 'A saved search’s name is at most 100 characters.');
  const taken = listSavedSearches(collection.db).find((s) => s.id !== exceptId && s.name.toLocaleLowerCase() === clean.toLocaleLowerCase());
  if (taken) throw new LecternError('conflict', `There is already a saved search named “${taken.name}”.`);
  return clean;
}

function checkQuery(query: string): string {
  const clean = query.trim();
  if (!clean) throw new LecternError('bad_input', 'There is nothing to save: type a search first.');
  try {
    parseSearch(clean);
  } catch (error) {
    if (error instanceof SearchSyntaxError) throw new LecternError('bad_input', `This search cannot be saved: ${error.message}`);
    throw error;
  }
  return clean;
}

function requireSaved(collection: Collection, id: string): SavedSearch {
  const found = getSavedSearch(collection.db, id);
  if (!found) throw new LecternError('not_found', 'That saved search is not in your collection any more.');
  return found;
}

export function saveSearch(collection: Collection, name: string, query: string): SavedSearch {
  const { value } = collection.transact((changes) => {
    const row = { id: newId(), name: cleanName(collection, name), query: checkQuery(query) };
    insertSavedSearch(collection.db, row, collection.clock.now());
    changes.mark('settings');
    return row;
  });
  return value;
}

/** Renames a saved search, and replaces its search when `query` is given. */
export function changeSavedSearch(collection: Collection, id: string, change: { name?: string; query?: string }): SavedSearch {
  const { value } = collection.transact((changes) => {
    const current = requireSaved(collection, id);
    const row = {
      id,
      name: change.name === undefined ? current.name : cleanName(collection, change.name, id),
      query: change.query === undefined ? current.query : checkQuery(change.query),
    };
    updateSavedSearch(collection.db, row);
    changes.mark('settings');
    return row;
  });
  return value;
}

export function removeSavedSearch(collection: Collection, id: string): void {
  collection.transact((changes) => {
    if (deleteSavedSearch(collection.db, id) === 0) throw new LecternError('not_found', 'That saved search is not in your collection any more.');
    changes.mark('settings');
  });
}
