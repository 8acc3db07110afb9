import type { ArticleView } from '../../../../shared/contract';

/** The title and the page's metadata, kept apart from the study text. */
export function ArticleHeader({ article }: { article: ArticleView }) {
  const { meta } = article;
  const byline = [meta.author && `By ${meta.author}`, meta.date, meta.readingTime && `${meta.readingTime} read`].filter(Boolean);
  return (
    <header className="article-header">
      {meta.category && <p className="article-category">{meta.category}</p>}
      <h1 id="screen-title" className="article-heading">
        {article.title}
      </h1>
      {meta.dek && <p className="article-dek">{meta.dek}</p>}
      {byline.length > 0 && <p className="article-byline">{byline.join(' · ')}</p>}
      {meta.source && <p className="article-byline">Source: {meta.source}</p>}
    </header>
  );
}
