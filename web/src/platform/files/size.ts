/** A byte count for people: `512 B`, `12 KB`, `3,4 MB` (decimal comma in Indonesian). */
export function formatBytes(bytes: number, lang: string): string {
  const locale = lang === 'en' ? 'en-GB' : 'id-ID';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value)} ${units[unit]}`;
}
