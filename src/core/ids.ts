import { uuidv7 } from 'uuidv7';

/** Globally unique, time-ordered ids, so collections from two machines merge by id. */
export function newId(): string {
  return uuidv7();
}

/** The fixed id of the preset every collection starts with (INTERFACES.md). */
export const DEFAULT_PRESET_ID = 'default';
