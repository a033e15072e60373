/** Money as the user's locale writes it; the currency defaults to US dollars. */
export function money(value: number, currency?: string | null): string {
  return value.toLocaleString(undefined, { style: 'currency', currency: currency || 'USD' });
}

/** A signed percentage with two decimals, or a dash. */
export function percent(value: number | null | undefined): string {
  if (value == null || Number.isNaN(value)) return '—';
  return `${value >= 0 ? '+' : ''}${value.toFixed(2)}%`;
}
