import { asc, eq } from 'drizzle-orm';
import type { Party } from '../../platform/compliance/check-provider.js';
import type { Executor } from '../../platform/db/client.js';
import { agencies } from '../organization/index.js';
import type { Obligation } from './profile-document.js';

export const NON_AGENCY_PARTIES = [
  'kominfo',
  'coordination_team',
  'bupati',
  'government',
  'other',
] as const;

const LABELS: Record<(typeof NON_AGENCY_PARTIES)[number], string> = {
  kominfo: 'Dinas Komunikasi dan Informatika',
  coordination_team: 'Tim Koordinasi SPBE',
  bupati: 'Bupati',
  government: 'Pemerintah Daerah',
  other: 'Badan lain yang disebut',
};

export interface PartyUniverse {
  agencies: Party[];
  kominfo: Party | null;
  named: Map<string, Party>;
}

/** Every party an obligation can bind, read once per evaluation (active agencies only). */
export async function loadParties(db: Executor): Promise<PartyUniverse> {
  const rows = await db
    .select({ id: agencies.id, name: agencies.name, isKominfo: agencies.isKominfo })
    .from(agencies)
    .where(eq(agencies.status, 'active'))
    .orderBy(asc(agencies.name));
  const kominfoRow = rows.find((r) => r.isKominfo) ?? null;
  const kominfoId = kominfoRow?.id ?? null;
  const named = new Map<string, Party>();
  for (const key of NON_AGENCY_PARTIES) {
    named.set(key, {
      key,
      kind: key,
      label: key === 'kominfo' && kominfoRow ? `${kominfoRow.name} (tugas Dinas)` : LABELS[key],
      // The Dinas keeps the records of the named bodies (its files, its scope).
      agencyId: kominfoId,
    });
  }
  return {
    agencies: rows.map((r) => ({ key: r.id, kind: 'agency', label: r.name, agencyId: r.id })),
    kominfo: named.get('kominfo') ?? null,
    named,
  };
}

/** The parties an obligation binds (`cio`: the Kepala Dinas, i.e. the Dinas). */
export function partiesOf(o: Obligation, universe: PartyUniverse): Party[] {
  if (o.binds === 'agency') return universe.agencies;
  const key = o.binds === 'cio' ? 'kominfo' : o.binds;
  const party = universe.named.get(key);
  return party ? [party] : [];
}

/** A party key's agency for scope and files; null for an unknown key. */
export function partyByKey(universe: PartyUniverse, key: string): Party | null {
  return universe.named.get(key) ?? universe.agencies.find((a) => a.key === key) ?? null;
}
