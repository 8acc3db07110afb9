const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "45 s", "3 min 20 s", "1 h 05 min". */
export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return s % 60 === 0 ? `${m} min` : `${m} min ${s % 60} s`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}

const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const date = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short' });
const dateYear = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

/** When something happens, relative to `now` (the core's clock): "now", "in 8 minutes", "tomorrow at 04:00", "on Mon 3 Feb". */
export function formatWhen(at: number, now: number): string {
  const wait = at - now;
  if (wait <= 30_000) return 'now';
  if (wait < HOUR) {
    const m = Math.max(1, Math.round(wait / MINUTE));
    return `in ${m} ${m === 1 ? 'minute' : 'minutes'}`;
  }
  const target = new Date(at);
  const today = new Date(now);
  const dayDiff = Math.round(
    (Date.UTC(target.getFullYear(), target.getMonth(), target.getDate()) - Date.UTC(today.getFullYear(), today.getMonth(), today.getDate())) / DAY,
  );
  if (dayDiff === 0) return `today at ${time.format(target)}`;
  if (dayDiff === 1) return `tomorrow at ${time.format(target)}`;
  if (dayDiff < 300) return `on ${date.format(target)}`;
  return `on ${dateYear.format(target)}`;
}

export function formatPercent(share: number | null): string {
  return share === null ? 'no answers yet' : `${Math.round(share * 1000) / 10}%`;
}
