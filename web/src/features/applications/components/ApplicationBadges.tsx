import { Badge, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { jakartaToday, useFormatters } from '../../../platform/i18n/format';
import type { ApplicationSummary } from '../api';
import { auditState, completenessIndicator } from '../indicators';

/** The n/4 badge of the required documents, naming the missing ones on hover. */
export function CompletenessBadge({ app }: { app: ApplicationSummary }) {
  const { t } = useTranslation();
  const indicator = completenessIndicator(app.completeness);
  const missing = app.completeness.missing.map((kind) => t(`applications.documentKinds.${kind}`));
  const badge = (
    <Badge
      color={indicator.color}
      variant="light"
      aria-label={
        indicator.text
          ? t('applications.completenessLabel', { value: indicator.text })
          : t('applications.documentsNotRequired')
      }
      data-testid="completeness-badge"
    >
      {indicator.text ?? t('applications.documentsNotRequiredShort')}
    </Badge>
  );
  return missing.length ? (
    <Tooltip
      label={t('applications.missingDocuments', { list: missing.join(', ') })}
      multiline
      w={260}
    >
      {badge}
    </Tooltip>
  ) : (
    badge
  );
}

const AUDIT_COLORS = { overdue: 'red', soon: 'yellow', ok: 'gray', none: 'gray' } as const;

/** The audit due date, with an "overdue" or "soon" badge. */
export function AuditBadge({ app }: { app: ApplicationSummary }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const state = auditState(app, jakartaToday());
  if (state === 'none') return <>—</>;
  return (
    <Badge
      color={AUDIT_COLORS[state]}
      variant={state === 'overdue' ? 'filled' : 'light'}
      data-testid="audit-badge"
    >
      {t(`applications.audit.${state}`, { date: format.date(app.auditDueDate) })}
    </Badge>
  );
}

export function StageBadge({ stage }: { stage: string }) {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color="indigo">
      {t(`applications.stages.${stage}`)}
    </Badge>
  );
}

export function ApplicationStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Badge color={status === 'active' ? 'teal' : 'gray'} variant="light">
      {t(`applications.statuses.${status}`)}
    </Badge>
  );
}
