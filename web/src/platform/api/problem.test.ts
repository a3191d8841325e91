import { describe, expect, it } from 'vitest';
import { buildQueryString } from './client';
import { type Problem, ProblemError, pointerToFieldPath, problemFieldErrors } from './problem';

const problem = (overrides: Partial<Problem> = {}): ProblemError =>
  new ProblemError({
    type: 'https://simpul.dev/problems/validation',
    title: 'Validasi gagal',
    status: 400,
    detail: 'Data yang dikirim tidak valid.',
    code: 'VALIDATION_FAILED',
    requestId: 'req-1',
    ...overrides,
  });

describe('pointerToFieldPath', () => {
  it('turns JSON pointers into form paths', () => {
    expect(pointerToFieldPath('/email')).toBe('email');
    expect(pointerToFieldPath('/roles/0/agencyId')).toBe('roles.0.agencyId');
    expect(pointerToFieldPath('#/name')).toBe('name');
    expect(pointerToFieldPath('/a~1b')).toBe('a/b');
    expect(pointerToFieldPath('')).toBe('');
    expect(pointerToFieldPath('/')).toBe('');
  });
});

describe('problemFieldErrors', () => {
  it('maps per-field errors under their form paths, first message wins', () => {
    const error = problem({
      errors: [
        { path: '/email', message: 'Email sudah dipakai.' },
        { path: '/roles/1/agencyId', message: 'Perangkat Daerah tidak dikenal.' },
        { path: '/email', message: 'Format email salah.' },
      ],
    });
    expect(problemFieldErrors(error)).toEqual({
      email: 'Email sudah dipakai.',
      'roles.1.agencyId': 'Perangkat Daerah tidak dikenal.',
    });
  });

  it('ignores body-level errors and non-problem errors', () => {
    expect(problemFieldErrors(problem({ errors: [{ path: '', message: 'x' }] }))).toEqual({});
    expect(problemFieldErrors(problem())).toEqual({});
    expect(problemFieldErrors(new Error('boom'))).toEqual({});
    expect(problemFieldErrors(undefined)).toEqual({});
  });

  it('exposes status and code on the error', () => {
    const error = problem({ status: 401, code: 'TOTP_REQUIRED', detail: 'Masukkan kode.' });
    expect(error.status).toBe(401);
    expect(error.code).toBe('TOTP_REQUIRED');
    expect(error.message).toBe('Masukkan kode.');
  });
});

describe('buildQueryString', () => {
  it('drops empty filters', () => {
    expect(buildQueryString({ q: '', kind: null, status: undefined, page: 2, pageSize: 20 })).toBe(
      '?page=2&pageSize=20',
    );
    expect(buildQueryString({ q: 'dinas kesehatan' })).toBe('?q=dinas+kesehatan');
    expect(buildQueryString(undefined)).toBe('');
  });
});
