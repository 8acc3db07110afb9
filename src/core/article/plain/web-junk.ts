/**
 * Furniture of text copied from a web page: share bars, bylines, datelines, reading times,
 * advertisement markers and "related articles" blocks. Each rule looks at one line.
 */

const AD_LINE = /^(?:advertisement|advertisements|advertising|ad|ads|sponsored(?: content)?|promoted|paid content|story continues below(?: advertisement)?|article continues below(?: advertisement)?|continue reading below|scroll to continue(?: with content)?|\[ad\])$/i;

export function isAdLine(line: string): boolean {
  return AD_LINE.test(line.trim().replace(/[-–—:]+$/, '').trim());
}

const SHARE_WORDS = new Set(
  'x twitter facebook linkedin reddit email e-mail mail bluesky whatsapp telegram pinterest mastodon threads tumblr pocket flipboard messenger print share copy link url hacker news hackernews sms instagram youtube tiktok line weibo wechat vk xing on this article via tweet pin save'.split(
    ' ',
  ),
);
const NETWORKS = /\b(?:twitter|facebook|linkedin|reddit|bluesky|whatsapp|telegram|pinterest|mastodon|email|x)\b/i;

/** "X Linkedin Facebook Reddit Email Bluesky", "Share on Twitter | Facebook". */
export function isShareBar(line: string): boolean {
  const tokens = line
    .trim()
    .split(/[\s|·•,/]+/)
    .filter(Boolean);
  if (tokens.length < 2 || tokens.length > 16) return false;
  return tokens.every((t) => SHARE_WORDS.has(t.toLowerCase())) && NETWORKS.test(line);
}

const NAME = "[\\p{Lu}][\\p{L}.'’-]*";
const BYLINE = new RegExp(
  `^(?:(?:published|written|posted|reported|story|words|text|reporting)\\s+)?by[:\\s]+(${NAME}(?:\\s+${NAME}){0,3}(?:\\s*(?:,|and|&)\\s*${NAME}(?:\\s+${NAME}){0,3})*)$`,
  'u',
);

/** "Published by James Anderson" → "James Anderson". */
export function bylineAuthor(line: string): string | null {
  // The lead words are matched in lower case; the name keeps its capitals.
  const text = line.trim().replace(/^(?:\p{L}+\s+)?by\b/iu, (lead) => lead.toLowerCase());
  return BYLINE.exec(text)?.[1] ?? null;
}

const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const WEEKDAY = '(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\\s+)?';
const DATE = new RegExp(
  `^${WEEKDAY}(?:${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}\\s+${MONTH},?\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2})`,
  'i',
);
const READING_TIME = /(\d+)\s*(?:-\s*)?min(?:ute)?s?\.?\s+read\b/i;
const DATE_PREFIX = /^(?:published|posted|updated|last updated|on)\s*:?\s*/i;

export interface Dateline {
  date?: string;
  readingTime?: string;
}

/** "July 15, 2025 - 3 min Read", "Updated: 3 March 2024 · 5 min read", "4 min read". */
export function parseDateline(line: string): Dateline | null {
  let rest = line.trim().replace(DATE_PREFIX, '');
  const result: Dateline = {};
  const dateMatch = DATE.exec(rest);
  if (dateMatch) {
    result.date = dateMatch[0].replace(/,$/, '');
    rest = rest.slice(dateMatch[0].length);
    // A time of day may follow the date.
    rest = rest.replace(/^,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?/i, '');
  }
  const timeMatch = READING_TIME.exec(rest);
  if (timeMatch) {
    result.readingTime = `${timeMatch[1]} min`;
    rest = rest.replace(READING_TIME, '');
  }
  if (!result.date && !result.readingTime) return null;
  return /^[\s\-–—|·•,]*$/.test(rest) ? result : null;
}

const RELATED = /^(?:related(?: articles| posts| stories| content| reading| news| coverage)?|more (?:articles|stories|posts|news|from [\p{L}\s]+|in [\p{L}\s]+|on this topic)|read (?:more|next)|see more|you (?:may|might) also (?:like|enjoy)|recommended(?: for you| reading| articles)?|(?:trending|popular)(?: now| articles| stories)?|most (?:read|popular|viewed)|also read|up next|further coverage)$/iu;

/** The heading of a block of teasers for other articles; the block runs to the end of the text. */
export function isRelatedMarker(line: string): boolean {
  return RELATED.test(line.trim().replace(/[:›»>]+$/, '').trim());
}

/** "Read more: Another headline" — a one-line teaser inside the text. */
export function isInlineTeaser(line: string): boolean {
  return /^(?:read more|read next|related|also read)\s*[:›»|–—-]\s*\S/i.test(line.trim());
}
