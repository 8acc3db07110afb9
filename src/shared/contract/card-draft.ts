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
