import { describe, expect, it } from 'vitest';
import {
  actsForAgency,
  agenciesActedFor,
  holdsRole,
  isKominfoAdmin,
  readsWholeRegency,
} from './capabilities';

const operator = {
  roles: [
    { role: 'agency_operator', agencyId: 'dinkes', agencyName: 'Dinas Kesehatan' },
    { role: 'data_producer', agencyId: 'dinkes', agencyName: 'Dinas Kesehatan' },
    { role: 'agency_head', agencyId: 'rsud', agencyName: 'RSUD' },
    { role: 'agency_operator', agencyId: 'rsud', agencyName: 'RSUD' },
  ],
};
const admin = { roles: [{ role: 'kominfo_admin', agencyId: 'kominfo' }] };
const auditor = { roles: [{ role: 'auditor', agencyId: 'inspektorat' }] };

describe('role capabilities', () => {
  it('checks a role, optionally for one agency', () => {
    expect(holdsRole(operator, 'agency_operator')).toBe(true);
    expect(holdsRole(operator, 'agency_operator', 'dinkes')).toBe(true);
    expect(holdsRole(operator, 'agency_head', 'dinkes')).toBe(false);
    expect(isKominfoAdmin(admin)).toBe(true);
    expect(isKominfoAdmin(operator)).toBe(false);
  });

  it('knows who reads the whole regency', () => {
    expect(readsWholeRegency(admin)).toBe(true);
    expect(readsWholeRegency(auditor)).toBe(true);
    expect(readsWholeRegency(operator)).toBe(false);
  });

  it('lists the agencies an operator or head acts for, once each', () => {
    expect(actsForAgency(operator, 'rsud')).toBe(true);
    expect(actsForAgency(admin, 'kominfo')).toBe(false);
    expect(agenciesActedFor(operator)).toEqual([
      { id: 'dinkes', name: 'Dinas Kesehatan' },
      { id: 'rsud', name: 'RSUD' },
    ]);
    expect(agenciesActedFor(auditor)).toEqual([]);
  });
});
