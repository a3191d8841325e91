import { MultiSelect, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AgencySelect } from '../../organization/components/AgencySelect';
import { ROLES, type RoleInput } from '../roles';

interface RolesFieldProps {
  value: RoleInput[];
  onChange: (roles: RoleInput[]) => void;
  /** Agency given to a newly picked role (normally the user's own agency). */
  defaultAgencyId: string | null;
  error?: ReactNode;
  scopeError?: (index: number) => ReactNode;
  disabled?: boolean;
}

/** Roles multi-select; every picked role gets an agency scope that can be changed. */
export function RolesField({
  value,
  onChange,
  defaultAgencyId,
  error,
  scopeError,
  disabled,
}: RolesFieldProps) {
  const { t } = useTranslation();
  const roleLabel = (role: string) => t(`roles.${role}`, { defaultValue: role });

  const pickRoles = (roles: string[]) =>
    onChange(
      roles.map(
        (role) =>
          value.find((assignment) => assignment.role === role) ?? {
            role,
            agencyId: defaultAgencyId,
          },
      ),
    );

  const setScope = (index: number, agencyId: string | null) =>
    onChange(
      value.map((assignment, i) => (i === index ? { ...assignment, agencyId } : assignment)),
    );

  return (
    <Stack gap="xs">
      <MultiSelect
        label={t('users.fields.roles')}
        placeholder={value.length ? undefined : t('users.rolesPlaceholder')}
        data={ROLES.map((role) => ({ value: role, label: roleLabel(role) }))}
        value={value.map((assignment) => assignment.role)}
        onChange={pickRoles}
        error={error}
        disabled={disabled}
        searchable
        clearable
      />
      {value.map((assignment, index) => (
        <AgencySelect
          key={assignment.role}
          label={t('users.roleScope', { role: roleLabel(assignment.role) })}
          value={assignment.agencyId}
          onChange={(agencyId) => setScope(index, agencyId)}
          error={scopeError?.(index)}
          disabled={disabled}
          required
        />
      ))}
    </Stack>
  );
}
