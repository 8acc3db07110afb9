/** A screen whose issue has not landed: one honest sentence, nothing that pretends to work. */
export function NotYet({ title, sentence }: { title: string; sentence: string }) {
  return (
    <section className="screen" aria-labelledby="screen-title">
      <header className="screen-header">
        <h1 id="screen-title">{title}</h1>
      </header>
      <p className="not-yet">{sentence}</p>
    </section>
  );
}
