import { Select } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { agenciesActedFor, isKominfoAdmin } from '../../../platform/auth/capabilities';
import { useMe } from '../../../platform/auth/useSession';
import { AgencySelect } from './AgencySelect';

interface ActingAgencySelectProps {
  label: string;
  value?: string | null;
  onChange: (value: string | null) => void;
  onBlur?: () => void;
  onFocus?: () => void;
  error?: ReactNode;
  required?: boolean;
  disabled?: boolean;
  /** The Diskominfo admin may act for any agency here (registering an application for it). */
  anyForAdmin?: boolean;
}

/**
 * The agency a new record is for: any agency for the Diskominfo admin where allowed, otherwise one
 * of the agencies the user is operator or head of.
 */
export function ActingAgencySelect({
  anyForAdmin = false,
  value = null,
  ...props
}: ActingAgencySelectProps) {
  const { t } = useTranslation();
  const me = useMe();
  if (anyForAdmin && isKominfoAdmin(me)) return <AgencySelect value={value} {...props} />;
  return (
    <Select
      {...props}
      value={value}
      allowDeselect={false}
      placeholder={t('agencies.selectPlaceholder')}
      data={agenciesActedFor(me).map((agency) => ({ value: agency.id, label: agency.name }))}
    />
  );
}

/** The agency to preselect: the only (or first) one the user acts for, none for the Dinas. */
export function useDefaultActingAgency(anyForAdmin = false): string | null {
  const me = useMe();
  if (anyForAdmin && isKominfoAdmin(me)) return null;
  return agenciesActedFor(me)[0]?.id ?? null;
}
