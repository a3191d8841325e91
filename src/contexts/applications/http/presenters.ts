import type { Static } from 'typebox';
import { START } from '../../../platform/workflow/definition.js';
import type { AvailableTransition, TimelineEvent } from '../../../platform/workflow/engine.js';
import type { ApplicationView, DocumentRow, NationalApplicationRow } from '../db/queries.js';
import { applicationLifecycle, stageLabel } from '../lifecycle.js';
import { DOCUMENT_KINDS, LIFECYCLE_WORKFLOW_ID, STAGES } from '../model.js';
import { isAuditOverdue } from '../rules.js';
import type {
  ApplicationDetail,
  ApplicationDocument,
  ApplicationSummary,
  NationalApplication,
} from './applications.schemas.js';

type Summary = Static<typeof ApplicationSummary>;
type Detail = Static<typeof ApplicationDetail>;

const iso = (ts: string) => new Date(ts).toISOString();

/** The allow-list of application fields that leave the server. */
export function presentApplication(view: ApplicationView, today: string): Summary {
  const { app } = view;
  return {
    id: app.id,
    agencyId: app.agencyId,
    agency: view.agency,
    name: app.name,
    kind: app.kind as Summary['kind'],
    complexity: app.complexity as Summary['complexity'],
    nationalApplication: view.national,
    nationalRelation: app.nationalRelation as Summary['nationalRelation'],
    description: app.description,
    url: app.url,
    subdomain: app.subdomain,
    hostingLocation: app.hostingLocation as Summary['hostingLocation'],
    dataClassification: app.dataClassification as Summary['dataClassification'],
    technologyStack: app.technologyStack,
    sourceRepositoryUrl: app.sourceRepositoryUrl,
    vendorName: app.vendorName,
    handoverDate: app.handoverDate,
    handoverStatus: app.handoverStatus as Summary['handoverStatus'],
    status: app.status as Summary['status'],
    stage: view.stage as Summary['stage'],
    stageEnteredAt: iso(view.stageEnteredAt),
    registeredOn: app.registeredOn,
    lastAuditDate: app.lastAuditDate,
    auditDueDate: app.auditDueDate,
    auditOverdue: isAuditOverdue(app.status, app.auditDueDate, today),
    completeness: view.completeness,
    createdAt: iso(app.createdAt),
    updatedAt: iso(app.updatedAt),
  };
}

export function presentDocument(row: DocumentRow): Static<typeof ApplicationDocument> {
  return {
    id: row.id,
    kind: row.kind as Static<typeof ApplicationDocument>['kind'],
    version: row.version,
    fileId: row.fileId,
    originalName: row.originalName,
    mediaType: row.mediaType,
    size: row.size,
    sha256: row.sha256,
    uploadedBy: row.uploadedBy,
    uploadedByName: row.uploadedByName,
    createdAt: iso(row.createdAt),
  };
}

/** One entry per required kind: the current version and the history, newest first. */
export function presentDocuments(rows: DocumentRow[]): Detail['documents'] {
  return DOCUMENT_KINDS.map((kind) => {
    const history = rows.filter((r) => r.kind === kind).map(presentDocument);
    return { kind, current: history[0] ?? null, history };
  });
}

const record = (e: TimelineEvent) => ({
  at: e.at,
  actorLabel: e.actorLabel,
  notes: e.comment,
  attachmentIds: e.attachmentIds,
});

/**
 * The lifecycle as the detail shows it: the stages, the timeline with labels, what the caller may
 * do next (`lifecycleTransitions`), and the records of the consultation and the feasibility tests
 * read back from the timeline.
 */
export function presentLifecycle(
  timeline: TimelineEvent[],
  availableTransitions: AvailableTransition[],
): Detail['lifecycle'] {
  const transitionLabel = (name: string) =>
    name === START
      ? { id: 'Didaftarkan', en: 'Registered' }
      : (applicationLifecycle.transitions.find((t) => t.name === name)?.label ?? {
          id: name,
          en: name,
        });
  return {
    workflowId: LIFECYCLE_WORKFLOW_ID,
    stages: STAGES.map((name) => ({ name, label: stageLabel(name) })),
    timeline: timeline.map((e) => ({ ...e, label: transitionLabel(e.transition) })),
    availableTransitions,
    consultations: timeline.filter((e) => e.transition === 'record_consultation').map(record),
    feasibilityTests: timeline
      .filter(
        (e) => e.transition === 'pass_feasibility_test' || e.transition === 'fail_feasibility_test',
      )
      .map((e) => ({
        ...record(e),
        result: e.transition === 'pass_feasibility_test' ? ('pass' as const) : ('fail' as const),
      })),
  };
}

export function presentNationalApplication(
  row: NationalApplicationRow,
): Static<typeof NationalApplication> {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    owner: row.owner,
    area: row.area,
    source: row.source,
    version: row.version,
    active: row.active,
  };
}
