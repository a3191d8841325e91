import { changedFields, omitBlank } from '../../../platform/ui/formValues';
import type { ApplicationDetail, CreateApplicationInput, UpdateApplicationInput } from '../api';
import type {
  ApplicationKind,
  ApplicationStatus,
  Complexity,
  DataClassification,
  HandoverStatus,
  HostingLocation,
  NationalRelation,
  Stage,
} from '../model';

export interface ApplicationFormValues {
  agencyId: string | null;
  name: string;
  kind: ApplicationKind;
  complexity: Complexity | null;
  nationalApplicationId: string | null;
  nationalRelation: NationalRelation | null;
  description: string;
  url: string;
  subdomain: string;
  hostingLocation: HostingLocation;
  dataClassification: DataClassification;
  technologyStack: string;
  sourceRepositoryUrl: string;
  vendorName: string;
  handoverDate: string;
  handoverStatus: HandoverStatus | null;
  lastAuditDate: string;
  stage: Stage;
  status: ApplicationStatus;
}

export function applicationFormValues(
  app?: ApplicationDetail,
  agencyId: string | null = null,
): ApplicationFormValues {
  return {
    agencyId: app?.agencyId ?? agencyId,
    name: app?.name ?? '',
    kind: app?.kind ?? 'khusus',
    complexity: app?.complexity ?? null,
    nationalApplicationId: app?.nationalApplication?.id ?? null,
    nationalRelation: app?.nationalRelation ?? null,
    description: app?.description ?? '',
    url: app?.url ?? '',
    subdomain: app?.subdomain ?? '',
    hostingLocation: app?.hostingLocation ?? 'pusat_data_daerah',
    dataClassification: app?.dataClassification ?? 'terbatas',
    technologyStack: app?.technologyStack ?? '',
    sourceRepositoryUrl: app?.sourceRepositoryUrl ?? '',
    vendorName: app?.vendorName ?? '',
    handoverDate: app?.handoverDate ?? '',
    handoverStatus: app?.handoverStatus ?? null,
    lastAuditDate: app?.lastAuditDate ?? '',
    stage: app?.stage ?? 'kajian_kebutuhan',
    status: app?.status ?? 'active',
  };
}

/** The create request: blank optional fields left out, the owner and starting stage included. */
export function createInput({
  agencyId,
  status: _status,
  ...values
}: ApplicationFormValues): CreateApplicationInput {
  return { ...(omitBlank(values) as CreateApplicationInput), agencyId: agencyId ?? '' };
}

/** The update request: only what changed (owner and stage are not edited here). */
export function updateInput(
  initial: ApplicationFormValues,
  values: ApplicationFormValues,
): UpdateApplicationInput {
  const { agencyId: _a, stage: _s, ...changes } = changedFields(initial, values);
  return changes as UpdateApplicationInput;
}
