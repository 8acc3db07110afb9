/**
 * Button labels as Anki shows them: the largest natural unit, whole numbers up to days, one decimal for
 * months and years ("10m", "1h", "3d", "1.2mo", "2y"). Anki's month is 365/12 days.
 */
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const YEAR = 365 * DAY;
const MONTH = YEAR / 12;

function oneDecimal(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
}

export function formatInterval(ms: number): string {
  const span = Math.max(0, ms);
  if (span < MINUTE) return '<1m';
  if (span < HOUR) return `${Math.round(span / MINUTE)}m`;
  if (span < DAY) return `${Math.round(span / HOUR)}h`;
  if (span < MONTH) return `${Math.round(span / DAY)}d`;
  if (span < YEAR) return `${oneDecimal(span / MONTH)}mo`;
  return `${oneDecimal(span / YEAR)}y`;
}
