import { describe, expect, it } from 'vitest';
import { diffSnapshots } from './jsonDiff';

describe('diffSnapshots', () => {
  it('classifies top-level fields of an update', () => {
    const before = { name: 'Dinas A', phone: '0281', tags: ['x'] };
    const after = { name: 'Dinas B', tags: ['x'], website: 'https://a.go.id' };
    expect(diffSnapshots(before, after)).toEqual([
      { key: 'name', before: 'Dinas A', after: 'Dinas B', change: 'changed' },
      { key: 'phone', before: '0281', after: undefined, change: 'removed' },
      { key: 'tags', before: ['x'], after: ['x'], change: 'unchanged' },
      { key: 'website', before: undefined, after: 'https://a.go.id', change: 'added' },
    ]);
  });

  it('treats a create (no before) as all fields added', () => {
    expect(diffSnapshots(null, { code: 'A' })).toEqual([
      { key: 'code', before: undefined, after: 'A', change: 'added' },
    ]);
  });

  it('compares non-object snapshots as a whole', () => {
    expect(diffSnapshots('a', 'b')).toEqual([
      { key: '', before: 'a', after: 'b', change: 'changed' },
    ]);
    expect(diffSnapshots(null, undefined)).toEqual([]);
  });
});
