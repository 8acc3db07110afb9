import { describe, expect, it } from 'vitest';
import { cardFaces, clozeFaces } from './faces';

describe('card faces', () => {
  it('hides a cloze on the front and reveals it on the back', () => {
    expect(clozeFaces('The {{c1::Charter}} allows self-defence.')).toEqual({
      front: [
        { role: 'text', text: 'The ' },
        { role: 'gap', text: '[…]' },
        { role: 'text', text: ' allows self-defence.' },
      ],
      back: [
        { role: 'text', text: 'The ' },
        { role: 'answer', text: 'Charter' },
        { role: 'text', text: ' allows self-defence.' },
      ],
    });
  });

  it('shows a hint in the gap and drops it from the answer', () => {
    const f = clozeFaces('Signed in {{c1::1945::year}}.');
    expect(f.front[1]).toEqual({ role: 'gap', text: '[year]' });
    expect(f.back[1]).toEqual({ role: 'answer', text: '1945' });
  });

  it('hides every gap of the card and shows other numbers as text', () => {
    const f = clozeFaces('{{c1::A}} and {{c1::B}}, with {{c2::C}}');
    expect(f.front.map((s) => s.text).join('')).toBe('[…] and […], with C');
    expect(f.back.filter((s) => s.role === 'answer').map((s) => s.text)).toEqual(['A', 'B']);
  });

  it('keeps markup-like text and unmatched braces as plain text', () => {
    const f = clozeFaces('<b>x</b> {{c1::<script>}} }} {{c1::open');
    expect(f.front.map((s) => s.text).join('')).toBe('<b>x</b> […] }} {{c1::open');
    expect(f.back.find((s) => s.role === 'answer')?.text).toBe('<script>');
  });

  it('renders a Q&A card as its front and back', () => {
    expect(cardFaces({ kind: 'qa', text: null, front: 'Q?', back: 'A.' })).toEqual({
      front: [{ role: 'text', text: 'Q?' }],
      back: [{ role: 'text', text: 'A.' }],
    });
  });
});
