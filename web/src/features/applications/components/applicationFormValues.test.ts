import { describe, expect, it } from 'vitest';
import type { ApplicationDetail } from '../api';
import { applicationFormValues, createInput, updateInput } from './applicationFormValues';

describe('application form values', () => {
  it('creates with blank optional fields left out', () => {
    const values = {
      ...applicationFormValues(undefined, 'agency-1'),
      name: 'SIMPUS',
      url: 'https://simpus.tabanankab.go.id',
      stage: 'pemeliharaan' as const,
    };
    expect(createInput(values)).toEqual({
      agencyId: 'agency-1',
      name: 'SIMPUS',
      kind: 'khusus',
      url: 'https://simpus.tabanankab.go.id',
      hostingLocation: 'pusat_data_daerah',
      dataClassification: 'terbatas',
      stage: 'pemeliharaan',
    });
  });

  it('updates only what changed, emptied text as null, never owner or stage', () => {
    const app = {
      agencyId: 'agency-1',
      name: 'SIMPUS',
      kind: 'umum',
      complexity: 'besar',
      nationalApplication: null,
      nationalRelation: null,
      description: 'Sistem puskesmas',
      url: null,
      subdomain: null,
      hostingLocation: 'pusat_data_daerah',
      dataClassification: 'terbatas',
      technologyStack: null,
      sourceRepositoryUrl: null,
      vendorName: null,
      handoverDate: null,
      handoverStatus: null,
      lastAuditDate: null,
      stage: 'implementasi',
      status: 'active',
    } as unknown as ApplicationDetail;
    const initial = applicationFormValues(app);
    const values = {
      ...initial,
      kind: 'khusus' as const,
      complexity: null,
      description: '',
      lastAuditDate: '2026-01-15',
      stage: 'evaluasi' as const,
      agencyId: 'other',
    };
    expect(updateInput(initial, values)).toEqual({
      kind: 'khusus',
      complexity: null,
      description: null,
      lastAuditDate: '2026-01-15',
    });
  });
});
