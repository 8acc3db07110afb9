const dateFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

export function formatDate(epochMs: number): string {
  return dateFormat.format(new Date(epochMs));
}

export function plural(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}
