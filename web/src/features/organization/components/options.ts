import type { TFunction } from 'i18next';
import { AGENCY_KINDS, GOVERNMENT_TYPES, REGULATION_PROFILES } from '../model';

export const agencyKindOptions = (t: TFunction) =>
  AGENCY_KINDS.map((kind) => ({ value: kind, label: t(`agencyKinds.${kind}`) }));

export const governmentTypeOptions = (t: TFunction) =>
  GOVERNMENT_TYPES.map((type) => ({ value: type, label: t(`governmentTypes.${type}`) }));

export const regulationProfileOptions = (t: TFunction) =>
  REGULATION_PROFILES.map((profile) => ({
    value: profile,
    label: t(`regulationProfiles.${profile}`),
  }));
