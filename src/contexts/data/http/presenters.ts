import type { Lang } from '../../../platform/i18n/messages.js';
import { type MessageKey, t } from '../../../platform/i18n/messages.js';
import type { DatasetRow, ResourceRow } from '../db/queries.js';
import type { ValidationIssue, ValidationReport } from '../db/tables.js';

const iso = (v: string | null) => (v ? new Date(v).toISOString() : null);

/** One validation problem in the reader's language. */
export function presentIssue(lang: Lang, issue: ValidationIssue) {
  const key = `data.issue.${issue.code}` as MessageKey;
  return { ...issue, message: t(lang, key, issue.params ?? {}) };
}

export function presentValidation(lang: Lang, report: ValidationReport | null) {
  if (!report) return null;
  return { ...report, errors: report.errors.map((e) => presentIssue(lang, e)) };
}

export function presentResource(lang: Lang, r: ResourceRow) {
  return {
    id: r.id,
    datasetId: r.datasetId,
    kind: r.kind,
    name: r.name,
    description: r.description,
    format: r.format,
    url: r.url,
    fileId: r.fileId,
    fileName: r.fileName,
    size: r.size,
    tableSchema: r.tableSchema,
    validation: presentValidation(lang, r.validation),
    createdAt: iso(r.createdAt),
    updatedAt: iso(r.updatedAt),
  };
}

export function presentDatasetSummary(d: DatasetRow, agency: { id: string; name: string } | null) {
  return {
    id: d.id,
    name: d.name,
    title: d.title,
    agency,
    topic: d.topic,
    state: d.state,
    classification: d.classification,
    formats: d.formats,
    qualityScore: d.qualityScore,
    updatedAt: iso(d.updatedAt),
    publishedAt: iso(d.publishedAt),
  };
}

/** The audited fields of a dataset. */
export function datasetFields(d: DatasetRow) {
  const { search: _search, ...rest } = d;
  return rest;
}
