import type { QueryParams } from '../../platform/api/client';

/** The filters of the registry list; the XLSX export takes the same. */
export interface ApplicationFilters {
  q: string;
  agencyId: string | null;
  kind: string | null;
  stage: string | null;
  status: string | null;
  /** Only applications still missing one of the four required documents. */
  missingDocuments: boolean;
  /** Only active applications whose audit is past due. */
  auditOverdue: boolean;
}

export const EMPTY_APPLICATION_FILTERS: ApplicationFilters = {
  q: '',
  agencyId: null,
  kind: null,
  stage: null,
  status: null,
  missingDocuments: false,
  auditOverdue: false,
};

/**
 * The query parameters of the filters: empty ones left out, the two flags only when set (the
 * server reads `false` as "only those without", which the checkboxes do not mean).
 */
export function applicationQuery(filters: ApplicationFilters): QueryParams {
  const q = filters.q.trim();
  return {
    q: q || undefined,
    agencyId: filters.agencyId ?? undefined,
    kind: filters.kind ?? undefined,
    stage: filters.stage ?? undefined,
    status: filters.status ?? undefined,
    missingDocuments: filters.missingDocuments ? true : undefined,
    auditOverdue: filters.auditOverdue ? true : undefined,
  };
}
