import type { DatasetRow, Organization, ResourceRow } from '../db/queries.js';
import { qualityOf } from '../db/queries.js';
import { FREQUENCIES, LICENSES, TOPICS } from '../vocabulary.js';

/** CKAN dates: ISO 8601 in UTC without a zone (`2021-03-29T14:47:26.508457`), open-data.md §1.4. */
export const ckanDate = (value: string | null) =>
  value ? new Date(value).toISOString().replace(/Z$/, '') : null;

export function presentOrganization(org: Organization, packageCount?: number) {
  return {
    id: org.id,
    name: org.name,
    title: org.title,
    display_name: org.title,
    type: 'organization',
    description: org.description,
    image_url: '',
    image_display_url: '',
    created: ckanDate(org.created),
    is_organization: true,
    approval_status: 'approved',
    state: 'active',
    ...(packageCount === undefined ? {} : { package_count: packageCount }),
  };
}

export function presentGroup(topic: string, packageCount?: number) {
  const label = TOPICS[topic];
  return {
    id: topic,
    name: topic,
    title: label?.id ?? topic,
    display_name: label?.id ?? topic,
    type: 'group',
    description: label ? `${label.id} / ${label.en}` : '',
    image_url: '',
    image_display_url: '',
    is_organization: false,
    approval_status: 'approved',
    state: 'active',
    ...(packageCount === undefined ? {} : { package_count: packageCount }),
  };
}

export function resourceDownloadUrl(site: string, dataset: DatasetRow, r: ResourceRow) {
  return `${site}/dataset/${dataset.name}/resource/${r.id}/download/${encodeURIComponent(r.fileName ?? 'data')}`;
}

export function presentCkanResource(site: string, dataset: DatasetRow, r: ResourceRow) {
  const upload = r.kind === 'table';
  return {
    id: r.id,
    package_id: dataset.id,
    url: upload ? resourceDownloadUrl(site, dataset, r) : (r.url ?? ''),
    name: r.name,
    description: r.description,
    format: r.format,
    mimetype: r.mediaType,
    mimetype_inner: null,
    size: r.size,
    hash: r.fileSha256 ? `sha256:${r.fileSha256}` : '',
    created: ckanDate(r.createdAt),
    last_modified: ckanDate(r.updatedAt),
    metadata_modified: ckanDate(r.updatedAt),
    position: r.position,
    state: 'active',
    url_type: upload ? 'upload' : null,
    resource_type: upload ? 'table' : 'link',
    cache_url: null,
    cache_last_updated: null,
    datastore_active: false,
    // Extras are returned flat, as CKAN does; the data dictionary as a Table Schema.
    schema: r.tableSchema,
    data_api: upload ? `${site}/api/data/resource/${r.id}` : null,
  };
}

/** A dataset as CKAN's `package_show` presents it (default schema), SDI metadata as extras. */
export function presentPackage(
  site: string,
  dataset: DatasetRow,
  resources: ResourceRow[],
  org: Organization | undefined,
) {
  const license = LICENSES[dataset.licenseId];
  const s = dataset.standard;
  const extras: [string, string | null | undefined][] = [
    ['frequency', FREQUENCIES[dataset.frequency]?.label.id ?? dataset.frequency],
    ['temporal_start', dataset.temporalStart],
    ['temporal_end', dataset.temporalEnd],
    ['spatial', dataset.spatialCoverage],
    ['unit', dataset.unit],
    ['konsep', s.konsep],
    ['definisi', s.definisi],
    ['klasifikasi', s.klasifikasi],
    ['ukuran', s.ukuran],
    ['satuan', s.satuan],
    ['kode_referensi', dataset.referenceCodes.join(', ')],
    ['quality_score', String(qualityOf(dataset, resources).score)],
  ];
  return {
    id: dataset.id,
    name: dataset.name,
    title: dataset.title,
    notes: dataset.description,
    author: org?.title ?? null,
    author_email: null,
    maintainer: dataset.contactName || null,
    maintainer_email: dataset.contactEmail || null,
    license_id: dataset.licenseId,
    license_title: license?.title ?? dataset.licenseId,
    license_url: license?.url ?? null,
    isopen: true,
    url: `${site}/dataset/${dataset.name}`,
    version: null,
    state: 'active',
    type: 'dataset',
    private: false,
    owner_org: dataset.agencyId,
    organization: org ? presentOrganization(org) : null,
    groups: [presentGroup(dataset.topic)],
    tags: dataset.tags.map((tag) => ({
      id: tag,
      name: tag,
      display_name: tag,
      state: 'active',
      vocabulary_id: null,
    })),
    num_tags: dataset.tags.length,
    extras: extras
      .filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '')
      .map(([key, value]) => ({ key, value })),
    resources: resources.map((r) => presentCkanResource(site, dataset, r)),
    num_resources: resources.length,
    metadata_created: ckanDate(dataset.createdAt),
    metadata_modified: ckanDate(dataset.updatedAt),
    creator_user_id: null,
    relationships_as_subject: [],
    relationships_as_object: [],
  };
}
