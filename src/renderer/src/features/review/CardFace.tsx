import type { FaceSegment, Passage, ReviewCard } from '../../../../shared/contract/review-models';

/** Card text as plain text (React escapes it): gaps and answers are marked by role, never by HTML. */
function Segments({ segments }: { segments: FaceSegment[] }) {
  return (
    <>
      {segments.map((s, i) =>
        s.role === 'text' ? (
          <span key={i}>{s.text}</span>
        ) : s.role === 'gap' ? (
          <span key={i} className="cloze-gap">
            {s.text}
          </span>
        ) : (
          <mark key={i} className="cloze-answer">
            {s.text}
          </mark>
        ),
      )}
    </>
  );
}

/** The card: its front; once revealed, a cloze's text with the answer, or a question over its answer. */
export function CardFace({ card, revealed }: { card: ReviewCard; revealed: boolean }) {
  if (card.kind === 'qa') {
    return (
      <div className="card-text">
        <p className="card-question">
          <Segments segments={card.front} />
        </p>
        {revealed && (
          <>
            <hr className="card-rule" />
            <p className="card-answer" id="card-answer">
              <Segments segments={card.back} />
            </p>
          </>
        )}
      </div>
    );
  }
  return (
    <div className="card-text">
      <p className="card-cloze" id={revealed ? 'card-answer' : undefined}>
        <Segments segments={revealed ? card.back : card.front} />
      </p>
    </div>
  );
}

/** The paragraph the card comes from, with the card's span marked. */
export function PassageView({ passage }: { passage: Passage }) {
  const { text, start, end } = passage;
  return (
    <section className="passage" aria-label="Passage in the article">
      <p className="passage-where">
        {passage.articleTitle}
        {passage.heading ? ` · ${passage.heading}` : ''}
      </p>
      <p className="passage-text">
        {text.slice(0, start)}
        {end > start && <mark className="passage-mark">{text.slice(start, end)}</mark>}
        {text.slice(end)}
      </p>
    </section>
  );
}

export const flagNames = ['No flag', 'Red', 'Orange', 'Green', 'Blue', 'Pink', 'Turquoise', 'Purple'] as const;
