import { eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { notFound } from '../../platform/errors.js';
import { complianceProfiles } from './db/tables.js';
import type { CheckTypeRef, Obligation, ProfileDocument } from './profile-document.js';
import mapping from './profiles/check-mapping.json' with { type: 'json' };
import oku from './profiles/oku-timur-2022.json' with { type: 'json' };
import purbalingga from './profiles/purbalingga-45-2024.json' with { type: 'json' };
import sragen from './profiles/sragen-41-2019.json' with { type: 'json' };
import tabanan from './profiles/tabanan-44-2022.json' with { type: 'json' };

/**
 * The regulation profiles shipped with Simpul: the obligations of the four Perbup (copied from
 * ../shared/reference/obligations, versioned with the code) and the check mapping
 * (profiles/check-mapping.json, written first by scripts/compliance-check-mapping.py).
 */
export const SHIPPED_PROFILES: Record<string, ProfileDocument> = {
  'purbalingga-45-2024': purbalingga as ProfileDocument,
  'sragen-41-2019': sragen as ProfileDocument,
  'oku-timur-2022': oku as ProfileDocument,
  'tabanan-44-2022': tabanan as ProfileDocument,
};

/** Version of the shipped profiles' data; bump when the files change. */
export const SHIPPED_PROFILES_VERSION = 1;

const CHECK_MAPPING = mapping as Record<string, CheckTypeRef>;

/** The check of an obligation: its own `check_type`, else the shipped mapping, else pending. */
export function checkOf(o: Obligation): CheckTypeRef {
  return o.check_type ?? CHECK_MAPPING[o.id] ?? { type: 'pending', params: { module: o.module } };
}

export interface LoadedProfile {
  id: string;
  shipped: boolean;
  basedOn: string | null;
  version: number;
  document: ProfileDocument;
  updatedAt: string | null;
}

export async function loadProfile(db: Executor, id: string): Promise<LoadedProfile> {
  const shipped = SHIPPED_PROFILES[id];
  if (shipped) {
    return {
      id,
      shipped: true,
      basedOn: null,
      version: SHIPPED_PROFILES_VERSION,
      document: shipped,
      updatedAt: null,
    };
  }
  const [row] = await db.select().from(complianceProfiles).where(eq(complianceProfiles.id, id));
  if (!row) throw notFound();
  return {
    id: row.id,
    shipped: false,
    basedOn: row.basedOn,
    version: row.version,
    document: row.document,
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

export async function listProfiles(db: Executor) {
  const rows = await db.select().from(complianceProfiles).orderBy(complianceProfiles.id);
  const summary = (p: LoadedProfile) => ({
    id: p.id,
    shipped: p.shipped,
    basedOn: p.basedOn,
    version: p.version,
    title: p.document.regulation.title,
    region: p.document.regulation.region,
    obligations: p.document.obligations.filter((o) => !o.retired).length,
    retired: p.document.obligations.filter((o) => o.retired).length,
    updatedAt: p.updatedAt,
  });
  return [
    ...Object.entries(SHIPPED_PROFILES).map(([id, document]) =>
      summary({
        id,
        shipped: true,
        basedOn: null,
        version: SHIPPED_PROFILES_VERSION,
        document,
        updatedAt: null,
      }),
    ),
    ...rows.map((row) =>
      summary({
        id: row.id,
        shipped: false,
        basedOn: row.basedOn,
        version: row.version,
        document: row.document,
        updatedAt: new Date(row.updatedAt).toISOString(),
      }),
    ),
  ];
}
