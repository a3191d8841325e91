import { Card, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../platform/auth/useSession';
import { useFormatters } from '../../../platform/i18n/format';
import { changedFields, notifySuccess } from '../../../platform/ui/forms';
import { BackLink } from '../../../platform/ui/links';
import { PageHeader } from '../../../platform/ui/PageHeader';
import { QueryView } from '../../../platform/ui/QueryView';
import { StatusBadge } from '../../../platform/ui/StatusBadge';
import { type Agency, useAgency, useUpdateAgency } from '../api';
import { AgencyForm, type AgencyFormValues, agencyFormValues } from './AgencyForm';

export function AgencyDetailPage({ agencyId }: { agencyId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const format = useFormatters();
  const agency = useAgency(agencyId);
  const update = useUpdateAgency(agencyId);

  const submit = async (current: Agency, values: AgencyFormValues) => {
    const changes = changedFields(agencyFormValues(current), values);
    if (Object.keys(changes).length === 0) {
      notifySuccess(t('common.noChanges'));
      return;
    }
    await update.mutateAsync(changes);
    notifySuccess(t('agencies.updated'));
  };

  return (
    <QueryView
      query={agency}
      header={<BackLink to="/organization/agencies">{t('agencies.backToList')}</BackLink>}
    >
      {(current) => (
        <>
          <PageHeader
            title={current.name}
            description={current.code}
            actions={<StatusBadge status={current.status} />}
          />
          <Card withBorder padding="lg">
            <AgencyForm
              key={current.updatedAt}
              agency={current}
              onSubmit={(values) => submit(current, values)}
              error={update.error}
              submitting={update.isPending}
              submitLabel={t('common.saveChanges')}
              readOnly={!can('agency:update')}
            />
          </Card>
          <Text size="xs" c="dimmed">
            {t('common.createdUpdated', {
              created: format.dateTime(current.createdAt),
              updated: format.dateTime(current.updatedAt),
            })}
          </Text>
        </>
      )}
    </QueryView>
  );
}
