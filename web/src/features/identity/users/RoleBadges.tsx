import { Badge, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RoleAssignment } from '../../../platform/auth/session';

export function RoleBadges({ roles }: { roles: RoleAssignment[] }) {
  const { t } = useTranslation();
  if (roles.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('common.none')}
      </Text>
    );
  }
  return roles.map((assignment) => (
    <Tooltip
      key={`${assignment.role}:${assignment.agencyId ?? ''}`}
      label={assignment.agencyName ?? t('users.allAgencies')}
      withArrow
    >
      <Badge variant="light" mr={4} mb={4}>
        {t(`roles.${assignment.role}`, { defaultValue: assignment.role })}
      </Badge>
    </Tooltip>
  ));
}
