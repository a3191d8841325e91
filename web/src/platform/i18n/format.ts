import { useTranslation } from 'react-i18next';

const TIME_ZONE = 'Asia/Jakarta';

function locale(lang: string): string {
  return lang === 'en' ? 'en-GB' : 'id-ID';
}

export function formatDateTime(value: string | null | undefined, lang: string): string {
  if (!value) return '—';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(locale(lang), {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: TIME_ZONE,
  }).format(date);
}

export function formatNumber(value: number, lang: string): string {
  return new Intl.NumberFormat(locale(lang)).format(value);
}

/** A `YYYY-MM-DD` day in Jakarta time as an ISO instant at the start (or end) of that day. */
export function jakartaDayBoundary(day: string, edge: 'start' | 'end'): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const time = edge === 'start' ? '00:00:00.000' : '23:59:59.999';
  return new Date(`${day}T${time}+07:00`).toISOString();
}

export function useFormatters() {
  const { i18n } = useTranslation();
  return {
    dateTime: (value: string | null | undefined) => formatDateTime(value, i18n.language),
    number: (value: number) => formatNumber(value, i18n.language),
  };
}
