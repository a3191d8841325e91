import { Badge, Group, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../platform/i18n/format';
import type { HostingRequestSummary } from '../api';
import type { HostingState } from '../model';

const STATE_COLORS: Record<HostingState, string> = {
  draft: 'gray',
  submitted: 'blue',
  testing: 'violet',
  analysis: 'grape',
  returned: 'orange',
  accepted: 'teal',
};

export function HostingStateBadge({ state }: { state: HostingState }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATE_COLORS[state]} variant="light" data-testid="hosting-state">
      {t(`datacenter.hosting.states.${state}`)}
    </Badge>
  );
}

/** The state with the SLA deadline of the Dinas's steps, red when it has passed. */
export function HostingStatus({ request }: { request: HostingRequestSummary }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <Group gap={4} wrap="nowrap">
      <HostingStateBadge state={request.state} />
      {request.dueAt ? (
        <Tooltip label={t('datacenter.hosting.dueAt', { date: format.dateTime(request.dueAt) })}>
          <Badge
            color={request.overdue ? 'red' : 'gray'}
            variant={request.overdue ? 'filled' : 'outline'}
          >
            {request.overdue ? t('datacenter.hosting.overdue') : format.dateTime(request.dueAt)}
          </Badge>
        </Tooltip>
      ) : null}
    </Group>
  );
}

/** A yes/no, active/revoked or overdue marker of the registers. */
export function FlagBadge({
  on,
  label,
  color = 'red',
}: {
  on: boolean;
  label: string;
  color?: string;
}) {
  if (!on) return null;
  return (
    <Badge color={color} variant="light">
      {label}
    </Badge>
  );
}
