import {
  Anchor,
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasPermission } from '../../../platform/auth/permissions';
import { useSessionQuery } from '../../../platform/auth/useSession';
import { PageHeader } from '../../../platform/ui/PageHeader';
import { ProblemAlert } from '../../../platform/ui/ProblemAlert';
import { QueryView } from '../../../platform/ui/QueryView';
import { SectionCard } from '../../../platform/ui/SectionCard';
import {
  formatIndex,
  type StageIndex,
  useCreateEvaluation,
  useEvaluations,
  useFrameworks,
} from '../api';
import { STAGE_COLORS, TrendChart } from '../components/charts';

/** Evaluasi SPBE: the evaluations per year with their indices, and the trend over the years. */
export function EvaluationsPage() {
  const { t, i18n } = useTranslation();
  const list = useEvaluations();
  const session = useSessionQuery();
  const canCreate = hasPermission(session.data?.permissions, 'evaluation:create');
  const [open, setOpen] = useState(false);
  const shown = (idx: StageIndex) =>
    idx ? `${formatIndex(idx.index, i18n.language)} (${idx.rating})` : '–';
  return (
    <>
      <PageHeader
        title={t('evaluation.title')}
        description={t('evaluation.description')}
        actions={
          canCreate ? <Button onClick={() => setOpen(true)}>{t('evaluation.create')}</Button> : null
        }
      />
      <QueryView query={list}>
        {(data) => (
          <Stack>
            <SectionCard title={t('evaluation.years')}>
              {data.items.length === 0 ? (
                <Text c="dimmed">{t('evaluation.none')}</Text>
              ) : (
                <Table striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('evaluation.year')}</Table.Th>
                      <Table.Th>{t('evaluation.stage')}</Table.Th>
                      <Table.Th>{t('evaluation.stages.self')}</Table.Th>
                      <Table.Th>{t('evaluation.stages.validated')}</Table.Th>
                      <Table.Th>{t('evaluation.stages.external')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {[...data.items].reverse().map((e) => (
                      <Table.Tr key={e.id}>
                        <Table.Td>
                          <Anchor component={Link} to={`/evaluation/${e.id}`}>
                            {t('evaluation.yearLink', { year: e.year })}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>{e.stageLabel}</Table.Td>
                        <Table.Td>{shown(e.self)}</Table.Td>
                        <Table.Td>{shown(e.validated)}</Table.Td>
                        <Table.Td>{shown(e.external)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </SectionCard>
            {data.items.length > 0 ? (
              <SectionCard title={t('evaluation.trend')}>
                <TrendChart
                  title={t('evaluation.trend')}
                  format={(v) => formatIndex(v, i18n.language)}
                  points={data.items.map((e) => ({
                    year: e.year,
                    values: (['self', 'validated', 'external'] as const).map((s) => ({
                      label: t(`evaluation.stages.${s}`),
                      color: STAGE_COLORS[s],
                      value: e[s]?.index ?? null,
                    })),
                  }))}
                />
              </SectionCard>
            ) : null}
          </Stack>
        )}
      </QueryView>
      <CreateEvaluationModal opened={open} onClose={() => setOpen(false)} />
    </>
  );
}

function CreateEvaluationModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const frameworks = useFrameworks();
  const create = useCreateEvaluation();
  const navigate = useNavigate();
  const [year, setYear] = useState<number | string>(new Date().getFullYear());
  const [frameworkId, setFrameworkId] = useState<string | null>('permenpanrb-59-2020');
  return (
    <Modal opened={opened} onClose={onClose} title={t('evaluation.create')}>
      <Stack>
        <NumberInput
          label={t('evaluation.year')}
          value={year}
          onChange={setYear}
          min={2018}
          max={2100}
        />
        <Select
          label={t('evaluation.framework')}
          data={(frameworks.data?.items ?? []).map((f) => ({ value: f.id, label: f.title }))}
          value={frameworkId}
          onChange={setFrameworkId}
        />
        {create.error ? <ProblemAlert error={create.error} /> : null}
        <Group justify="flex-end">
          <Button
            loading={create.isPending}
            onClick={async () => {
              const ev = await create.mutateAsync({
                year: Number(year),
                frameworkId: frameworkId ?? '',
              });
              onClose();
              await navigate({ to: `/evaluation/${ev.id}` });
            }}
          >
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
