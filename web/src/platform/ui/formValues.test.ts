import { describe, expect, it } from 'vitest';
import { changedFields, formValuesFrom, omitBlank } from './formValues';

describe('omitBlank', () => {
  it('leaves out blank strings and nulls but keeps false and numbers', () => {
    expect(
      omitBlank({ code: 'DISKOMINFO', shortName: ' ', parentId: null, isKominfo: false, n: 0 }),
    ).toEqual({ code: 'DISKOMINFO', isKominfo: false, n: 0 });
  });
});

describe('changedFields', () => {
  it('returns only changed fields, with emptied text as null', () => {
    const initial = { name: 'Dinas A', phone: '0281', website: '', isKominfo: false };
    const values = { name: 'Dinas A', phone: '', website: 'https://a.go.id', isKominfo: true };
    expect(changedFields(initial, values)).toEqual({
      phone: null,
      website: 'https://a.go.id',
      isKominfo: true,
    });
  });

  it('is empty when nothing changed', () => {
    const values = { name: 'x', parentId: null as string | null };
    expect(changedFields(values, { ...values })).toEqual({});
  });
});

describe('formValuesFrom', () => {
  it('fills the defaults from a record, nulls keep the default', () => {
    const defaults = { name: '', brand: '', status: 'active', agencyId: null as string | null };
    expect(
      formValuesFrom(defaults, { name: 'Server A', brand: null, extra: 1, agencyId: 'a' }),
    ).toEqual({ name: 'Server A', brand: '', status: 'active', agencyId: 'a' });
    expect(formValuesFrom(defaults, null)).toEqual(defaults);
  });
});
