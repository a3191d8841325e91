import { and, asc, count, desc, eq, ilike, inArray, ne, not, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.js';
import { files } from '../../../platform/files/tables.js';
import { likePattern } from '../../../platform/http/schemas.js';
import { workflowInstances } from '../../../platform/workflow/tables.js';
import { roleAssignments, users } from '../../identity/index.js';
import { agencies } from '../../organization/index.js';
import { APPLICATION_SUBJECT, DOCUMENT_KINDS, LIFECYCLE_WORKFLOW_ID } from '../model.js';
import { type Completeness, completenessOf } from '../rules.js';
import { applicationDocuments, applications, nationalApplications } from './tables.js';

export type ApplicationRow = typeof applications.$inferSelect;
export type NationalApplicationRow = typeof nationalApplications.$inferSelect;

/** An application with what every view of it shows: owner, national app, stage, documents. */
export interface ApplicationView {
  app: ApplicationRow;
  agency: { id: string; code: string; name: string; shortName: string | null };
  national: { id: string; code: string; name: string } | null;
  stage: string;
  stageEnteredAt: string;
  completeness: Completeness;
}

/** Number of document kinds with at least one upload (correlated with the outer row). */
const documentKindCount = sql<number>`(select count(distinct ${applicationDocuments.kind}) from ${applicationDocuments} where ${applicationDocuments.applicationId} = ${applications.id})`;
const documentKindList = sql<
  string[]
>`coalesce((select jsonb_agg(distinct ${applicationDocuments.kind}) from ${applicationDocuments} where ${applicationDocuments.applicationId} = ${applications.id}), '[]'::jsonb)`;
/** SQL twin of rules.ts `documentsRequired`. */
const requiresDocuments = sql`${applications.nationalRelation} is distinct from 'is'`;
const missingDocuments = sql`(${requiresDocuments} and ${documentKindCount} < ${DOCUMENT_KINDS.length})`;

function selectViews(db: Executor) {
  return db
    .select({
      app: applications,
      agency: {
        id: agencies.id,
        code: agencies.code,
        name: agencies.name,
        shortName: agencies.shortName,
      },
      national: {
        id: nationalApplications.id,
        code: nationalApplications.code,
        name: nationalApplications.name,
      },
      stage: workflowInstances.state,
      stageEnteredAt: workflowInstances.stateEnteredAt,
      documentKinds: documentKindList,
    })
    .from(applications)
    .innerJoin(agencies, eq(agencies.id, applications.agencyId))
    .leftJoin(nationalApplications, eq(nationalApplications.id, applications.nationalApplicationId))
    .innerJoin(
      workflowInstances,
      and(
        eq(workflowInstances.subjectId, applications.id),
        eq(workflowInstances.workflowId, LIFECYCLE_WORKFLOW_ID),
        eq(workflowInstances.subjectType, APPLICATION_SUBJECT),
      ),
    );
}

type SelectedRow = Awaited<ReturnType<ReturnType<typeof selectViews>['where']>>[number];

function toView(row: SelectedRow): ApplicationView {
  return {
    app: row.app,
    agency: row.agency,
    national: row.national?.id ? row.national : null,
    stage: row.stage,
    stageEnteredAt: row.stageEnteredAt,
    completeness: completenessOf(row.app.nationalRelation, row.documentKinds),
  };
}

/** One application with its view fields, or undefined. No authorization (callers check it). */
export async function findApplicationView(db: Executor, id: string) {
  const [row] = await selectViews(db).where(eq(applications.id, id));
  return row ? toView(row) : undefined;
}

export interface ApplicationFilter {
  /** The agencies the caller may read (`readableAgencies`). */
  scope: 'all' | string[];
  /** Local date for the overdue test. */
  today: string;
  q?: string;
  agencyId?: string;
  kind?: string;
  stage?: string;
  status?: string;
  missingDocuments?: boolean;
  auditOverdue?: boolean;
}

/** The WHERE of the list and of the export: scope first, then the caller's filters. */
export function applicationWhere(f: ApplicationFilter): SQL | undefined {
  const overdue = sql`(${applications.status} = 'active' and ${applications.auditDueDate} < ${f.today})`;
  const filters: (SQL | undefined)[] = [
    f.scope === 'all'
      ? undefined
      : f.scope.length === 0
        ? sql`false`
        : inArray(applications.agencyId, f.scope),
    f.agencyId ? eq(applications.agencyId, f.agencyId) : undefined,
    f.kind ? eq(applications.kind, f.kind) : undefined,
    f.stage ? eq(workflowInstances.state, f.stage) : undefined,
    f.status ? eq(applications.status, f.status) : undefined,
    f.missingDocuments === undefined
      ? undefined
      : f.missingDocuments
        ? missingDocuments
        : not(missingDocuments),
    f.auditOverdue === undefined ? undefined : f.auditOverdue ? overdue : not(overdue),
  ];
  const q = f.q?.trim();
  if (q) {
    const pattern = likePattern(q);
    filters.push(
      or(
        ilike(applications.name, pattern),
        ilike(applications.description, pattern),
        ilike(applications.subdomain, pattern),
        ilike(applications.url, pattern),
        ilike(applications.vendorName, pattern),
        ilike(applications.technologyStack, pattern),
      ),
    );
  }
  return and(...filters);
}

/** A page (or, without a window, all) of the applications matching `where`, by name. */
export async function findApplicationViews(
  db: Executor,
  where: SQL | undefined,
  window?: { limit: number; offset: number },
): Promise<ApplicationView[]> {
  const query = selectViews(db)
    .where(where)
    .orderBy(asc(applications.name), asc(applications.id))
    .$dynamic();
  const rows = window ? await query.limit(window.limit).offset(window.offset) : await query;
  return rows.map(toView);
}

export async function countApplications(db: Executor, where: SQL | undefined): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(applications)
    .innerJoin(
      workflowInstances,
      and(
        eq(workflowInstances.subjectId, applications.id),
        eq(workflowInstances.workflowId, LIFECYCLE_WORKFLOW_ID),
        eq(workflowInstances.subjectType, APPLICATION_SUBJECT),
      ),
    )
    .where(where);
  return row?.n ?? 0;
}

/** Locks the application row for the rest of the transaction. */
export async function lockApplication(db: Executor, id: string) {
  const [row] = await db.select().from(applications).where(eq(applications.id, id)).for('update');
  return row;
}

export async function isApplicationNameTaken(
  db: Executor,
  agencyId: string,
  name: string,
  exceptId?: string,
) {
  const [row] = await db
    .select({ id: applications.id })
    .from(applications)
    .where(
      and(
        eq(applications.agencyId, agencyId),
        sql`lower(${applications.name}) = lower(${name})`,
        exceptId ? ne(applications.id, exceptId) : undefined,
      ),
    );
  return Boolean(row);
}

export async function findNationalApplicationById(db: Executor, id: string) {
  const [row] = await db.select().from(nationalApplications).where(eq(nationalApplications.id, id));
  return row;
}

export function findNationalApplicationRows(db: Executor) {
  return db
    .select()
    .from(nationalApplications)
    .orderBy(desc(nationalApplications.active), asc(nationalApplications.name));
}

/** Every document version of an application with its file's metadata, newest first per kind. */
export function findDocumentRows(db: Executor, applicationId: string) {
  return db
    .select({
      id: applicationDocuments.id,
      kind: applicationDocuments.kind,
      version: applicationDocuments.version,
      fileId: applicationDocuments.fileId,
      uploadedBy: applicationDocuments.uploadedBy,
      uploadedByName: users.name,
      createdAt: applicationDocuments.createdAt,
      originalName: files.originalName,
      mediaType: files.mediaType,
      size: files.size,
      sha256: files.sha256,
    })
    .from(applicationDocuments)
    .innerJoin(files, eq(files.id, applicationDocuments.fileId))
    .leftJoin(users, eq(users.id, applicationDocuments.uploadedBy))
    .where(eq(applicationDocuments.applicationId, applicationId))
    .orderBy(asc(applicationDocuments.kind), desc(applicationDocuments.version));
}

export type DocumentRow = Awaited<ReturnType<typeof findDocumentRows>>[number];

/** The next version number of a document kind (1 for the first upload). */
export async function nextDocumentVersion(db: Executor, applicationId: string, kind: string) {
  const [row] = await db
    .select({ v: sql<number>`coalesce(max(${applicationDocuments.version}), 0)::int` })
    .from(applicationDocuments)
    .where(
      and(
        eq(applicationDocuments.applicationId, applicationId),
        eq(applicationDocuments.kind, kind),
      ),
    );
  return (row?.v ?? 0) + 1;
}

/** Ids of the users holding any of `roles` (in `agencyId`, when given): whom to notify. */
export async function usersWithRoles(
  db: Executor,
  roles: string[],
  agencyId?: string,
): Promise<string[]> {
  const rows = await db
    .selectDistinct({ id: roleAssignments.userId })
    .from(roleAssignments)
    .where(
      and(
        inArray(roleAssignments.role, roles),
        agencyId ? eq(roleAssignments.agencyId, agencyId) : undefined,
      ),
    );
  return rows.map((r) => r.id);
}
