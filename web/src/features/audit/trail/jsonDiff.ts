export type ChangeKind = 'added' | 'removed' | 'changed' | 'unchanged';

export interface DiffEntry {
  key: string;
  before: unknown;
  after: unknown;
  change: ChangeKind;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Top-level comparison of an audit event's `before` and `after` snapshots. Snapshots that are
 * not objects (or missing on one side) are compared as a whole under the key `''`.
 */
export function diffSnapshots(before: unknown, after: unknown): DiffEntry[] {
  const beforeMissing = before === null || before === undefined;
  const afterMissing = after === null || after === undefined;
  if (beforeMissing && afterMissing) return [];

  if ((isRecord(before) || beforeMissing) && (isRecord(after) || afterMissing)) {
    const left = isRecord(before) ? before : {};
    const right = isRecord(after) ? after : {};
    const keys = [...new Set([...Object.keys(left), ...Object.keys(right)])].sort();
    return keys.map((key) => {
      const inLeft = key in left && !beforeMissing;
      const inRight = key in right && !afterMissing;
      const change: ChangeKind = !inLeft
        ? 'added'
        : !inRight
          ? 'removed'
          : sameValue(left[key], right[key])
            ? 'unchanged'
            : 'changed';
      return { key, before: left[key], after: right[key], change };
    });
  }

  const change: ChangeKind = beforeMissing
    ? 'added'
    : afterMissing
      ? 'removed'
      : sameValue(before, after)
        ? 'unchanged'
        : 'changed';
  return [{ key: '', before, after, change }];
}

export function formatJsonValue(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  return JSON.stringify(value, null, 2);
}
