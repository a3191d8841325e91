import type { TFunction } from 'i18next';
import { AGENCY_KINDS, GOVERNMENT_TYPES, REGULATION_PROFILES } from '../model';

export const agencyKindOptions = (t: TFunction) =>
  AGENCY_KINDS.map((kind) => ({ value: kind, label: t(`agencyKinds.${kind}`) }));

export const governmentTypeOptions = (t: TFunction) =>
  GOVERNMENT_TYPES.map((type) => ({ value: type, label: t(`governmentTypes.${type}`) }));

/** The shipped profiles, plus the regency's own when it is the current one (chosen under Kepatuhan). */
export const regulationProfileOptions = (t: TFunction, current?: string) => [
  ...REGULATION_PROFILES.map((profile) => ({
    value: profile,
    label: t(`regulationProfiles.${profile}`),
  })),
  ...(current && !(REGULATION_PROFILES as readonly string[]).includes(current)
    ? [{ value: current, label: current }]
    : []),
];
