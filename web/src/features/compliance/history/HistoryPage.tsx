import { Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { readsWholeRegency } from '../../../platform/auth/capabilities';
import { useCan, useMe } from '../../../platform/auth/useSession';
import { useFormatters } from '../../../platform/i18n/format';
import { type Column, DataTable } from '../../../platform/ui/DataTable';
import { ProblemAlert } from '../../../platform/ui/ProblemAlert';
import { type Snapshot, useSnapshots, useTakeSnapshot } from '../api';
import { StatusCounts } from '../components/parts';

/** The evaluation over time: a snapshot a day (a job) and on demand. */
export function HistoryPage() {
  const { t } = useTranslation();
  const me = useMe();
  const can = useCan();
  const format = useFormatters();
  const snapshots = useSnapshots(readsWholeRegency(me));
  const take = useTakeSnapshot();
  const columns: Column<Snapshot>[] = [
    {
      key: 'at',
      header: t('compliance.history.takenAt'),
      render: (s) => format.dateTime(s.takenAt),
    },
    { key: 'profile', header: t('compliance.history.profile'), render: (s) => s.profileId },
    {
      key: 'counts',
      header: t('compliance.fields.status'),
      render: (s) => <StatusCounts summary={s.summary} />,
    },
  ];
  return (
    <Stack>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('compliance.history.description')}
        </Text>
        {can('complianceSnapshot:create') ? (
          <Button loading={take.isPending} onClick={() => take.mutate()}>
            {t('compliance.history.take')}
          </Button>
        ) : null}
      </Group>
      <ProblemAlert error={take.error} />
      <DataTable
        testId="compliance-history-table"
        columns={columns}
        rows={snapshots.data}
        rowKey={(s) => s.id}
        loading={snapshots.isPending}
        error={snapshots.error}
        emptyText={t('compliance.history.empty')}
      />
    </Stack>
  );
}
