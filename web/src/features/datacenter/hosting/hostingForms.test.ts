import { describe, expect, it } from 'vitest';
import type { HostingRequest } from '../api';
import {
  allocationInput,
  allocationValues,
  checklistSummary,
  hostingCreateInput,
  hostingFormValues,
  hostingTestInput,
  hostingUpdateInput,
  initialChecklist,
} from './hostingForms';

const request = {
  agency: { id: 'dinkes', code: 'DINKES', name: 'Dinas Kesehatan' },
  serviceType: 'vps',
  applicationId: 'app-1',
  applicationName: 'SIMPUS',
  description: null,
  vcpu: 2,
  ramGb: 4,
  storageGb: null,
  bandwidthMbps: null,
  operatingSystem: 'Ubuntu 24.04',
  domain: 'simpus.tabanankab.go.id',
  dataClassification: 'terbatas',
  backupPlan: 'Harian',
  disasterRecoveryPlan: null,
  lastRestoreTestOn: null,
  testRound: 2,
  tests: [
    {
      round: 1,
      checklist: [
        { item: 'HTTPS', result: 'fail', notes: 'Sertifikat kedaluwarsa' },
        { item: 'Patch OS', result: 'pass', notes: null },
      ],
    },
  ],
  checklistTemplate: ['A', 'B'],
} as unknown as HostingRequest;

describe('hosting request form', () => {
  it('creates without blank fields, with the agency only when chosen', () => {
    const values = {
      ...hostingFormValues(undefined, null),
      applicationName: 'SIMPUS',
      vcpu: 2 as const,
    };
    expect(hostingCreateInput(values)).toEqual({
      serviceType: 'hosting',
      applicationName: 'SIMPUS',
      vcpu: 2,
      dataClassification: 'terbatas',
    });
    expect(hostingCreateInput({ ...values, agencyId: 'dinkes' }).agencyId).toBe('dinkes');
  });

  it('updates only what changed, emptied amounts and text as null', () => {
    const initial = hostingFormValues(request);
    const values = {
      ...initial,
      ramGb: '' as const,
      storageGb: 50,
      disasterRecoveryPlan: 'Salin ke DRC',
      backupPlan: '',
    };
    expect(hostingUpdateInput(initial, values)).toEqual({
      ramGb: null,
      storageGb: 50,
      disasterRecoveryPlan: 'Salin ke DRC',
      backupPlan: null,
    });
  });
});

describe('test checklist', () => {
  it('starts a new round from the previous items with the results cleared', () => {
    expect(initialChecklist(request)).toEqual([
      { item: 'HTTPS', result: null, notes: '' },
      { item: 'Patch OS', result: null, notes: '' },
    ]);
  });

  it('reopens the round already saved, or the template the first time', () => {
    const saved = { ...request, testRound: 1 };
    expect(initialChecklist(saved)[0]).toEqual({
      item: 'HTTPS',
      result: 'fail',
      notes: 'Sertifikat kedaluwarsa',
    });
    expect(initialChecklist({ ...request, tests: [] })).toEqual([
      { item: 'A', result: null, notes: '' },
      { item: 'B', result: null, notes: '' },
    ]);
  });

  it('sends the rows trimmed, drops empty rows and blank parts', () => {
    expect(
      hostingTestInput({
        checklist: [
          { item: ' HTTPS ', result: 'pass', notes: ' ' },
          { item: '  ', result: null, notes: '' },
          { item: 'OWASP', result: 'fail', notes: 'XSS di form' },
        ],
        findings: '  ',
        attachmentIds: [],
      }),
    ).toEqual({
      checklist: [
        { item: 'HTTPS', result: 'pass' },
        { item: 'OWASP', result: 'fail', notes: 'XSS di form' },
      ],
    });
  });

  it('counts the results', () => {
    expect(
      checklistSummary([
        { result: 'pass' },
        { result: 'fail' },
        { result: null },
        { result: 'pass' },
      ]),
    ).toEqual({ pass: 2, fail: 1, na: 0, open: 1 });
  });
});

describe('allocation', () => {
  it('starts from what was asked and sends only what was filled', () => {
    const values = allocationValues(request, '2026-03-02');
    expect(values).toMatchObject({
      hostName: 'simpus.tabanankab.go.id',
      vcpu: 2,
      ramGb: 4,
      storageGb: '',
    });
    expect(allocationInput({ ...values, ipAddress: '10.10.1.5' })).toEqual({
      hostName: 'simpus.tabanankab.go.id',
      ipAddress: '10.10.1.5',
      vcpu: 2,
      ramGb: 4,
      allocatedOn: '2026-03-02',
    });
  });
});
