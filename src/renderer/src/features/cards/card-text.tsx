import type { FaceSegment } from '../../../../shared/contract/review-models';
import type { CardItem } from '../../../../shared/contract/card-models';

/** One line of a card for lists: the cloze with its gaps in brackets, or the question. */
export function cardSummary(card: Pick<CardItem, 'kind' | 'text' | 'front'>): string {
  if (card.kind === 'qa') return card.front ?? '';
  return (card.text ?? '').replace(/\{\{c\d+(?:,\d+)*::([\s\S]*?)(?:::[\s\S]*?)?\}\}/g, '[$1]');
}

export const STATE_NAMES = ['New', 'Learning', 'Review', 'Relearning'] as const;
export const KIND_NAMES = { cloze: 'Cloze', qa: 'Q&A', list: 'List' } as const;
export const FLAG_NAMES = ['No flag', 'Red', 'Orange', 'Green', 'Blue', 'Pink', 'Turquoise', 'Purple'] as const;

/** A face as text: gaps and answers marked, nothing else styled; never HTML. */
export function Face({ segments, label }: { segments: FaceSegment[]; label: string }) {
  return (
    <div className="card-face" aria-label={label}>
      {segments.length === 0 ? (
        <span className="quiet">Empty</span>
      ) : (
        segments.map((s, i) =>
          s.role === 'text' ? (
            <span key={i}>{s.text}</span>
          ) : (
            <mark key={i} className={s.role === 'gap' ? 'face-gap' : 'face-answer'}>
              {s.text}
            </mark>
          ),
        )
      )}
    </div>
  );
}

/** The source's state as a badge: nothing for a passage still as quoted. */
export function SourceBadge({ status }: { status: CardItem['sourceStatus'] }) {
  if (status === 'changed') {
    return (
      <span className="badge badge-changed" title="The passage this card quotes was reworded when the article was imported again">
        Passage changed
      </span>
    );
  }
  if (status === 'missing') {
    return (
      <span className="badge badge-missing" title="The passage this card quotes is no longer in the article">
        Passage missing
      </span>
    );
  }
  return null;
}

export function dueLabel(card: Pick<CardItem, 'state' | 'due'>, now: number): string {
  if (card.state === 0) return 'New';
  const days = Math.round((card.due - now) / 86_400_000);
  if (card.due <= now) return days <= -1 ? `${-days}d overdue` : 'Due now';
  if (days < 1) return `in ${Math.max(1, Math.round((card.due - now) / 3_600_000))}h`;
  return days < 60 ? `in ${days}d` : `in ${Math.round(days / 30)}mo`;
}
