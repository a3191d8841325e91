import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Badge for `active` / `inactive` / `disabled` records. */
export function StatusBadge({ status }: { status: 'active' | 'inactive' | 'disabled' }) {
  const { t } = useTranslation();
  return (
    <Badge color={status === 'active' ? 'teal' : 'gray'} variant="light">
      {t(`status.${status}`)}
    </Badge>
  );
}
