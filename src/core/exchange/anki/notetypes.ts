/**
 * Lectern's two Anki note types. Their ids, field and template names and ids never change: Anki matches
 * note types by id and fields by id/name, so keeping them fixed lets a re-export update the user's notes.
 * Change the structure only together with new ids (ANKI-FORMAT.md §9), and bump NOTETYPE_MOD when the
 * templates or CSS change, so Anki takes the new version.
 */
import type { AnkiNoteKind } from '../model';

export const BASIC_NOTETYPE_ID = 1764115200001;
export const CLOZE_NOTETYPE_ID = 1764115200002;
/** Epoch seconds of the current note type version (2025-11-26). */
export const NOTETYPE_MOD = 1764115200;

export const BASIC_FIELDS = ['Front', 'Back', 'Source', 'Article'] as const;
export const CLOZE_FIELDS = ['Text', 'Back Extra', 'Source', 'Article'] as const;

const CSS =
  '.card {\n font-family: arial;\n font-size: 20px;\n line-height: 1.5;\n text-align: center;\n color: black;\n background-color: white;\n}\n' +
  '.cloze {\n font-weight: bold;\n color: blue;\n}\n.nightMode .cloze {\n color: lightblue;\n}\n' +
  '.lectern-source {\n margin-top: 1em;\n font-size: 16px;\n font-style: italic;\n color: #555;\n}\n' +
  '.lectern-article {\n margin-top: 0.5em;\n font-size: 14px;\n color: #777;\n}\n';

const LATEX_PRE =
  '\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n' +
  '\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n';

// Source and Article show on the answer side only, and only when present.
const PROVENANCE =
  '\n\n{{#Source}}<div class="lectern-source">{{Source}}</div>{{/Source}}\n{{#Article}}<div class="lectern-article">{{Article}}</div>{{/Article}}';

function field(name: string, ord: number, id: number) {
  return { name, ord, id, font: 'Arial', size: 20, rtl: false, sticky: false, plainText: false, collapsed: false, excludeFromSearch: false, description: '', media: [] };
}

function template(name: string, qfmt: string, afmt: string, id: number) {
  return { name, ord: 0, id, qfmt, afmt, bqfmt: '', bafmt: '', bfont: '', bsize: 0, did: null };
}

function notetype(id: number, name: string, kind: AnkiNoteKind, fields: readonly string[], tmpl: ReturnType<typeof template>, deckId: number) {
  return {
    id,
    name,
    type: kind === 'cloze' ? 1 : 0,
    mod: NOTETYPE_MOD,
    usn: -1,
    sortf: 0,
    did: deckId,
    tags: [],
    vers: [],
    latexsvg: false,
    css: CSS,
    latexPre: LATEX_PRE,
    latexPost: '\\end{document}',
    flds: fields.map((f, i) => field(f, i, id * 10 + i)),
    tmpls: [tmpl],
    // No `originalStockKind`: it would offer "Restore to default" in Anki, which drops Source and Article.
    req: [[0, 'any', [0]]],
  };
}

/** The `col.models` object, keyed by id as a string. `deckId` is the default deck of new notes. */
export function modelsJson(deckId: number): Record<string, unknown> {
  const basic = notetype(
    BASIC_NOTETYPE_ID,
    'Lectern Basic',
    'basic',
    BASIC_FIELDS,
    template('Card 1', '{{Front}}', `{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}${PROVENANCE}`, BASIC_NOTETYPE_ID * 10 + 9),
    deckId,
  );
  const cloze = notetype(
    CLOZE_NOTETYPE_ID,
    'Lectern Cloze',
    'cloze',
    CLOZE_FIELDS,
    template('Cloze', '{{cloze:Text}}', `{{cloze:Text}}<br>\n{{Back Extra}}${PROVENANCE}`, CLOZE_NOTETYPE_ID * 10 + 9),
    deckId,
  );
  return { [String(BASIC_NOTETYPE_ID)]: basic, [String(CLOZE_NOTETYPE_ID)]: cloze };
}

export const notetypeIdFor = (kind: AnkiNoteKind): number => (kind === 'cloze' ? CLOZE_NOTETYPE_ID : BASIC_NOTETYPE_ID);
