import { Badge, Button, Group, Select, Stack, Text } from '@mantine/core';
import { IconFileSpreadsheet, IconFileTypePdf } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile } from '../../../platform/api/client';
import { useFormatters } from '../../../platform/i18n/format';
import { type Column, DataTable } from '../../../platform/ui/DataTable';
import { ProblemAlert } from '../../../platform/ui/ProblemAlert';
import {
  type EvaluationFilters,
  KINDS,
  MODULES,
  type ObligationResult,
  STATUSES,
  useEvaluation,
} from '../api';
import { ClauseLink, ObligationText, StatusCounts } from '../components/parts';

/** By obligation: every duty of the active profile with its status across the bound parties. */
export function ObligationsPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const [filters, setFilters] = useState<EvaluationFilters>({});
  const [exportError, setExportError] = useState<unknown>(null);
  const evaluation = useEvaluation(filters);
  const set = (key: keyof EvaluationFilters) => (value: string | null) =>
    setFilters((current) => ({ ...current, [key]: value }));
  const options = (values: readonly string[], prefix: string) =>
    values.map((value) => ({ value, label: t(`${prefix}.${value}`) }));
  const download = (kind: 'xlsx' | 'pdf') => {
    setExportError(null);
    downloadFile(
      `/compliance/report.${kind}`,
      { profile: evaluation.data?.profileId },
      `kepatuhan.${kind}`,
    ).catch(setExportError);
  };

  const columns: Column<ObligationResult>[] = [
    {
      key: 'clause',
      header: t('compliance.fields.clause'),
      render: (row) => (
        <Stack gap={2} maw={420}>
          <ClauseLink obligation={row.obligation} />
          <ObligationText obligation={row.obligation} />
        </Stack>
      ),
    },
    {
      key: 'binds',
      header: t('compliance.fields.binds'),
      render: (row) => t(`compliance.binds.${row.obligation.binds}`),
    },
    {
      key: 'module',
      header: t('compliance.fields.module'),
      render: (row) => t(`compliance.modules.${row.obligation.module}`),
    },
    {
      key: 'check',
      header: t('compliance.fields.check'),
      render: (row) =>
        row.supported ? (
          <Badge variant="outline" color="gray">
            {t(`compliance.checkTypes.${row.check.type}`, { defaultValue: row.check.type })}
          </Badge>
        ) : (
          <Badge variant="light" color="indigo">
            {t('compliance.statuses.not_supported')}
          </Badge>
        ),
    },
    {
      key: 'status',
      header: t('compliance.fields.status'),
      render: (row) => <StatusCounts summary={row.summary} />,
    },
  ];

  return (
    <Stack>
      {evaluation.data ? (
        <Group justify="space-between" align="flex-start">
          <Stack gap={4}>
            <Text fw={500} data-testid="compliance-profile-title">
              {evaluation.data.title}
            </Text>
            <Text size="xs" c="dimmed">
              {t('compliance.evaluatedAt', { date: format.dateTime(evaluation.data.evaluatedAt) })}
            </Text>
            <StatusCounts summary={evaluation.data.summary} />
          </Stack>
          <Group gap="xs">
            <Button
              variant="default"
              leftSection={<IconFileSpreadsheet size={16} />}
              onClick={() => download('xlsx')}
            >
              {t('compliance.exportXlsx')}
            </Button>
            <Button
              variant="default"
              leftSection={<IconFileTypePdf size={16} />}
              onClick={() => download('pdf')}
            >
              {t('compliance.exportPdf')}
            </Button>
          </Group>
        </Group>
      ) : null}
      <ProblemAlert error={exportError} />
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Select
          label={t('compliance.fields.module')}
          placeholder={t('common.all')}
          clearable
          data={options(MODULES, 'compliance.modules')}
          value={filters.module ?? null}
          onChange={set('module')}
          w={180}
        />
        <Select
          label={t('compliance.fields.kind')}
          placeholder={t('common.all')}
          clearable
          data={options(KINDS, 'compliance.kinds')}
          value={filters.kind ?? null}
          onChange={set('kind')}
          w={200}
        />
        <Select
          label={t('compliance.fields.status')}
          placeholder={t('common.all')}
          clearable
          data={options(STATUSES, 'compliance.statuses')}
          value={filters.status ?? null}
          onChange={set('status')}
          w={200}
        />
      </Group>
      <DataTable
        testId="compliance-obligations-table"
        columns={columns}
        rows={evaluation.data?.obligations}
        rowKey={(row) => row.obligation.id}
        loading={evaluation.isPending}
        error={evaluation.error}
        emptyText={t('compliance.empty')}
      />
    </Stack>
  );
}
