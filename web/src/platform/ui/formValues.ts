function isBlank(value: unknown): boolean {
  return typeof value === 'string' && value.trim() === '';
}

/** For create requests: blank optional text fields are left out of the body. */
export function omitBlank<T extends object>(values: T): Partial<T> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (!isBlank(value) && value !== null && value !== undefined) result[key] = value;
  }
  return result as Partial<T>;
}

/**
 * For PATCH requests: only the fields that changed; a text field that was emptied is sent as
 * `null` so the server clears it.
 */
export function changedFields<T extends object>(initial: T, values: T): Partial<T> {
  const before = initial as Record<string, unknown>;
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    const previous = before[key] ?? (typeof value === 'string' ? '' : before[key]);
    if (value === previous) continue;
    result[key] = isBlank(value) ? null : value;
  }
  return result as Partial<T>;
}

/**
 * The form values of an existing record: each field of `defaults` taken from `record` when it
 * has a value there (null and undefined keep the default, e.g. `''` for an empty text field).
 */
export function formValuesFrom<T extends object>(defaults: T, record?: object | null): T {
  if (!record) return { ...defaults };
  const source = record as Record<string, unknown>;
  const result = { ...defaults } as Record<string, unknown>;
  for (const key of Object.keys(defaults)) {
    const value = source[key];
    if (value !== null && value !== undefined) result[key] = value;
  }
  return result as T;
}
