import { useMemo } from 'react';
import type { CardItem } from '../../../../shared/contract/card-models';
import { useApp } from '../../app-context';
import { call } from '../../core-client/client';
import { plural } from '../../format';
import { FLAG_NAMES } from './card-text';

const BATCH = 5000;

function batches<T>(list: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += BATCH) out.push(list.slice(i, i + BATCH));
  return out;
}

/** The card actions shared by the reader's panel and the browser: each reloads the screens and says what it did. */
export function useCardActions() {
  const app = useApp();
  return useMemo(() => {
    const fail = (error: unknown) => app.notify({ message: (error as Error).message, tone: 'error' });
    const count = (n: number) => `${n} ${plural(n, 'card', 'cards')}`;
    return {
      async suspend(cards: Pick<CardItem, 'id'>[], suspended: boolean) {
        try {
          for (const ids of batches(cards.map((c) => c.id))) await call('card.suspend', { cardIds: ids, suspended });
          app.changed();
          app.notify({ message: `${suspended ? 'Suspended' : 'Unsuspended'} ${count(cards.length)}.` });
        } catch (error) {
          fail(error);
        }
      },
      async remove(cards: Pick<CardItem, 'id'>[]) {
        try {
          const tokens: string[] = [];
          for (const ids of batches(cards.map((c) => c.id))) {
            const result = ids.length === 1 ? await call('card.delete', { cardId: ids[0]! }) : await call('cards.delete', { cardIds: ids });
            tokens.push(result.undoToken);
          }
          app.changed();
          app.notify({
            message: `Deleted ${count(cards.length)}.`,
            action: {
              label: 'Undo',
              run: () => {
                void Promise.all(tokens.map((undoToken) => call('card.undoDelete', { undoToken }))).then(
                  () => app.changed(),
                  fail,
                );
              },
            },
          });
          return true;
        } catch (error) {
          fail(error);
          return false;
        }
      },
      async tag(cards: Pick<CardItem, 'id'>[], add: string[], remove: string[]) {
        try {
          let updated = 0;
          for (const ids of batches(cards.map((c) => c.id))) updated += (await call('cards.tag', { cardIds: ids, add, remove })).updated;
          app.changed();
          app.notify({ message: `Tagged ${count(updated)}.` });
        } catch (error) {
          fail(error);
        }
      },
      async flag(cards: Pick<CardItem, 'id'>[], flag: number) {
        try {
          for (const ids of batches(cards.map((c) => c.id))) await call('card.flag', { cardIds: ids, flag });
          app.changed();
          app.notify({ message: flag === 0 ? `Removed the flag from ${count(cards.length)}.` : `Flagged ${count(cards.length)} ${FLAG_NAMES[flag]?.toLowerCase()}.` });
        } catch (error) {
          fail(error);
        }
      },
      /** Back to new, history kept; each card's reset is logged. */
      async forget(cards: Pick<CardItem, 'id'>[]) {
        try {
          for (const ids of batches(cards.map((c) => c.id))) await call('card.forget', { cardIds: ids });
          app.changed();
          app.notify({ message: `Reset ${count(cards.length)} to new; their review history is kept.` });
        } catch (error) {
          fail(error);
        }
      },
      /** Due `days` study days from today (0 = today), logged as manual. */
      async setDue(cards: Pick<CardItem, 'id'>[], days: number) {
        try {
          for (const ids of batches(cards.map((c) => c.id))) await call('card.setDue', { cardIds: ids, days });
          app.changed();
          const when = days === 0 ? 'today' : days === 1 ? 'tomorrow' : `in ${days} days`;
          app.notify({ message: `${cards.length === 1 ? 'The card is' : `${count(cards.length)} are`} due ${when}.` });
        } catch (error) {
          fail(error);
        }
      },
      async keep(card: Pick<CardItem, 'id' | 'sourceStatus'>) {
        try {
          await call('card.resolveSource', { cardId: card.id, action: 'keep' });
          app.changed();
          app.notify({ message: card.sourceStatus === 'missing' ? 'Kept the card without its passage.' : 'Kept the card; its passage is the new text.' });
        } catch (error) {
          fail(error);
        }
      },
    };
  }, [app]);
}
