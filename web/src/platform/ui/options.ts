import type { TFunction } from 'i18next';

/** Select options of a closed vocabulary, labelled by the i18n keys `${prefix}.${value}`. */
export function enumOptions(t: TFunction, values: readonly string[], prefix: string) {
  return values.map((value) => ({ value, label: t(`${prefix}.${value}`) }));
}
