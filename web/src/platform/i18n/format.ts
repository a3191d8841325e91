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

/** A calendar date (`YYYY-MM-DD`, no time zone) in the UI language, e.g. `12 Mar 2026`. */
export function formatDate(value: string | null | undefined, lang: string): string {
  if (!value) return '—';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return value;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(locale(lang), { dateStyle: 'medium', timeZone: 'UTC' }).format(
    date,
  );
}

/** Today's date in Jakarta time as `YYYY-MM-DD` (the regency's calendar day). */
export function jakartaToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** A `{ id, en }` text from the server in the UI language. */
export function pickLabel(label: { id: string; en: string } | null | undefined, lang: string) {
  if (!label) return '';
  return lang === 'en' ? label.en : label.id;
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

/** A `datetime-local` value (`YYYY-MM-DDTHH:mm`) read as Jakarta time, as an ISO instant. */
export function jakartaLocalToInstant(local: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(local)) return undefined;
  const withSeconds = local.length === 16 ? `${local}:00` : local;
  return new Date(`${withSeconds}+07:00`).toISOString();
}

/** An instant as a Jakarta `datetime-local` value (`YYYY-MM-DDTHH:mm`), for editing. */
export function instantToJakartaLocal(instant: string | null | undefined): string {
  if (!instant) return '';
  const time = Date.parse(instant);
  if (Number.isNaN(time)) return '';
  return new Date(time + 7 * 3_600_000).toISOString().slice(0, 16);
}

export function useFormatters() {
  const { i18n } = useTranslation();
  return {
    dateTime: (value: string | null | undefined) => formatDateTime(value, i18n.language),
    date: (value: string | null | undefined) => formatDate(value, i18n.language),
    label: (value: { id: string; en: string } | null | undefined) =>
      pickLabel(value, i18n.language),
    number: (value: number) => formatNumber(value, i18n.language),
  };
}
