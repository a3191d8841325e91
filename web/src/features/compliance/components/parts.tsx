import { Badge, Group, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../../platform/ui/links';
import { type Obligation, STATUS_COLORS, STATUSES, type Status } from '../api';

export function ComplianceStatusBadge({ status }: { status: Status }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" data-status={status}>
      {t(`compliance.statuses.${status}`)}
    </Badge>
  );
}

/** The clause, linking to the obligation; the regulation's own words on hover. */
export function ClauseLink({ obligation }: { obligation: Obligation }) {
  return (
    <Tooltip label={obligation.text} multiline w={420} withArrow openDelay={200}>
      <AnchorLink
        to="/compliance/obligations/$obligationId"
        params={{ obligationId: obligation.id }}
        fw={500}
      >
        {obligation.article}
      </AnchorLink>
    </Tooltip>
  );
}

/** Counts by status as small badges (zero counts left out). */
export function StatusCounts({ summary }: { summary: Record<Status, number> }) {
  const { t } = useTranslation();
  return (
    <Group gap={4}>
      {STATUSES.filter((s) => summary[s] > 0).map((s) => (
        <Badge key={s} size="sm" color={STATUS_COLORS[s]} variant="light">
          {t(`compliance.statuses.${s}`)} {summary[s]}
        </Badge>
      ))}
    </Group>
  );
}

/** The obligation in the UI language: the verbatim Indonesian text, or the English summary. */
export function ObligationText({ obligation }: { obligation: Obligation }) {
  const { i18n } = useTranslation();
  return (
    <Text size="sm" lineClamp={2}>
      {i18n.language === 'en' ? obligation.summary_en : obligation.text}
    </Text>
  );
}
