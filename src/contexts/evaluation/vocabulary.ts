/**
 * The Tim Asesor Internal (PermenPANRB 59/2020 Lampiran p.82–84): Koordinator SPBE, Penanggung
 * Jawab, Pelaksana Entri Data and Anggota.
 */
export const TEAM_ROLES = ['coordinator', 'responsible', 'data_entry', 'member'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

/** A link from an indicator to a record in Simpul used as evidence (e.g. the application registry for indicator 15). */
export const LINK_KINDS = ['application', 'url'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

export interface EvidenceLink {
  kind: LinkKind;
  /** An application id, or an https URL. */
  ref: string;
  label: string;
}
