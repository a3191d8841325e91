import { describe, expect, it } from 'vitest';
import { buildQueryString } from '../../platform/api/client';
import { applicationQuery, EMPTY_APPLICATION_FILTERS } from './filters';

describe('applicationQuery', () => {
  it('sends nothing for empty filters', () => {
    expect(buildQueryString(applicationQuery(EMPTY_APPLICATION_FILTERS))).toBe('');
    expect(buildQueryString(applicationQuery({ ...EMPTY_APPLICATION_FILTERS, q: '   ' }))).toBe('');
  });

  it('sends every chosen filter, the flags only when set', () => {
    const query = applicationQuery({
      q: ' sim puskesmas ',
      agencyId: 'a1',
      kind: 'khusus',
      stage: 'implementasi',
      status: 'active',
      missingDocuments: true,
      auditOverdue: false,
    });
    expect(buildQueryString(query)).toBe(
      '?q=sim+puskesmas&agencyId=a1&kind=khusus&stage=implementasi&status=active&missingDocuments=true',
    );
    expect(
      buildQueryString(applicationQuery({ ...EMPTY_APPLICATION_FILTERS, auditOverdue: true })),
    ).toBe('?auditOverdue=true');
  });
});
