import { z } from 'zod';

/** Where a generated card comes from: UTF-16 offsets into one paragraph string of the Article. */
export const CardDraftSource = z
  .object({
    paragraphIndex: z.number().int().min(0),
    start: z.number().int().min(0),
    end: z.number().int().min(0),
    /** Exactly `article.sections[sectionIndex].paragraphs[paragraphIndex].slice(start, end)`. */
    quote: z.string(),
  })
  .strict()
  .refine((s) => s.end >= s.start, { message: 'source.end must not be before source.start' });
export type CardDraftSource = z.infer<typeof CardDraftSource>;

export const CardDraftKind = z.enum(['cloze', 'qa', 'list']);
export type CardDraftKind = z.infer<typeof CardDraftKind>;

/**
 * Why the generator wrote a card (docs/card-generation.md): the kind of sentence and answer it was made from.
 * `definition` asks what a defined term is; `defined-term` hides the term a sentence defines; `glossary` comes
 * from a "term: description" entry; `acronym` asks what an acronym stands for; `naming` asks what something is
 * called; `relation` asks an explicit relation ("X requires Y"); `rule` hides the key of a sentence that says
 * what must, should or must not be done; `value` hides a number, date, limit or version; `code` hides a command,
 * flag, identifier or path; `key-term` hides the sentence's most salient term; `list` hides every item of an
 * enumeration.
 */
export const CardRule = z.enum(['definition', 'defined-term', 'glossary', 'acronym', 'naming', 'relation', 'rule', 'value', 'code', 'key-term', 'list']);
export type CardRule = z.infer<typeof CardRule>;

/**
 * One generated card, before it is stored (INTERFACES.md, "CardDraft").
 * `cloze` and `list` cards carry `text` in Anki cloze syntax with every gap numbered c1;
 * `qa` cards carry `front` and `back`.
 */
export const CardDraft = z
  .object({
    kind: CardDraftKind,
    sectionIndex: z.number().int().min(0),
    text: z.string().optional(),
    front: z.string().optional(),
    back: z.string().optional(),
    source: CardDraftSource,
    /** Why it was chosen (an addition to INTERFACES.md's CardDraft; every generated draft has it). */
    rule: CardRule.optional(),
    /** The term the card is about: the hidden term, or the term a question asks about. */
    keyTerm: z.string().optional(),
    /** The ranking score the generator chose it by (higher is better; 4 decimals). */
    score: z.number().optional(),
    /** The named features the score was computed from, each a number (4 decimals): for learned re-ranking. */
    features: z.record(z.string(), z.number()).optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (c.kind === 'qa') {
      if (c.front === undefined || c.back === undefined || c.text !== undefined) {
        ctx.addIssue({ code: 'custom', message: 'a qa card has front and back, and no text' });
      }
    } else if (c.text === undefined || c.front !== undefined || c.back !== undefined) {
      ctx.addIssue({ code: 'custom', message: `a ${c.kind} card has text, and no front or back` });
    } else if (!/\{\{c1::/.test(c.text) || /\{\{c(?!1::)\d+::/.test(c.text)) {
      ctx.addIssue({ code: 'custom', message: 'every cloze gap is numbered c1' });
    }
  });
export type CardDraft = z.infer<typeof CardDraft>;
