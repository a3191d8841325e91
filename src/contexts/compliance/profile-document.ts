import { type Static, Type } from 'typebox';

/**
 * A regulation profile in the shape of the reference files (../shared/reference/obligations):
 * the regulation, notes on the text, and every obligation with its clause and verbatim text.
 * Two optional fields per obligation are Simpul's: `retired` (an obligation the regency no longer
 * applies, kept for the record) and `check_type` (overrides the shipped check mapping).
 */

export const BINDS = [
  'agency',
  'kominfo',
  'cio',
  'coordination_team',
  'bupati',
  'government',
  'other',
] as const;
export const KINDS = [
  'registry',
  'workflow',
  'recurring_submission',
  'document',
  'standard',
  'organisation',
  'infrastructure',
  'review',
  'other',
] as const;
export const PERIODS = [
  'continuous',
  'once',
  'yearly',
  'every_2_years',
  'every_5_years',
  'mid_term_and_final_year',
  'on_change',
] as const;
export const MODULES = [
  'organization',
  'applications',
  'datacenter',
  'interop',
  'data',
  'services',
  'servicedesk',
  'management',
  'ictaudit',
  'architecture',
  'planning',
  'network',
  'evaluation',
  'compliance',
  'none',
] as const;

export const OBLIGATION_ID_PATTERN = '^[a-z0-9][a-z0-9.-]{1,119}$';
export const PROFILE_ID_PATTERN = '^[a-z0-9][a-z0-9-]{2,59}$';

export const CheckType = Type.Object(
  {
    type: Type.String({ minLength: 1, maxLength: 60, pattern: '^[a-z_]+$' }),
    params: Type.Record(Type.String(), Type.Unknown()),
  },
  { additionalProperties: false },
);

export const ObligationSchema = Type.Object(
  {
    id: Type.String({ pattern: OBLIGATION_ID_PATTERN }),
    article: Type.String({ minLength: 3, maxLength: 300 }),
    text: Type.String({ minLength: 3, maxLength: 20000 }),
    summary_en: Type.String({ minLength: 3, maxLength: 2000 }),
    binds: Type.Enum(BINDS),
    kind: Type.Enum(KINDS),
    period: Type.Union([Type.Enum(PERIODS), Type.Null()]),
    module: Type.Enum(MODULES),
    check: Type.String({ minLength: 3, maxLength: 2000 }),
    retired: Type.Optional(Type.Boolean()),
    check_type: Type.Optional(CheckType),
  },
  { additionalProperties: false },
);

export const ProfileDocumentSchema = Type.Object(
  {
    regulation: Type.Object(
      {
        id: Type.String({ minLength: 3, maxLength: 120 }),
        title: Type.String({ minLength: 3, maxLength: 1000 }),
        region: Type.String({ minLength: 3, maxLength: 200 }),
        province: Type.String({ minLength: 3, maxLength: 200 }),
        year: Type.Integer({ minimum: 1945, maximum: 2100 }),
      },
      { additionalProperties: false },
    ),
    notes: Type.Array(Type.String({ maxLength: 5000 }), { maxItems: 200 }),
    obligations: Type.Array(ObligationSchema, { minItems: 1, maxItems: 2000 }),
  },
  { additionalProperties: false },
);

export type Obligation = Static<typeof ObligationSchema>;
export type ProfileDocument = Static<typeof ProfileDocumentSchema>;
export type CheckTypeRef = Static<typeof CheckType>;

/** The same obligation id twice, as JSON pointers: `/obligations/7/id` repeats `/obligations/2/id`. */
export function duplicateObligationIds(doc: ProfileDocument): { path: string; first: string }[] {
  const seen = new Map<string, number>();
  const dups: { path: string; first: string }[] = [];
  doc.obligations.forEach((o, i) => {
    const first = seen.get(o.id);
    if (first === undefined) seen.set(o.id, i);
    else dups.push({ path: `/obligations/${i}/id`, first: `/obligations/${first}/id` });
  });
  return dups;
}
