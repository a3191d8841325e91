import {
  Alert,
  Badge,
  Button,
  Group,
  NumberInput,
  ScrollArea,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../platform/ui/ProblemAlert';
import { SectionCard } from '../../../platform/ui/SectionCard';
import {
  type Evaluation,
  type Framework,
  formatIndex,
  type IndexResult,
  type PlanResult,
  planTarget,
  whatIf,
} from '../api';
import { RadarChart, STAGE_COLORS } from '../components/charts';
import { scaleFor } from './IndicatorsTab';

const STAGES = ['self', 'validated', 'external'] as const;

/** Insight: stages side by side per domain and aspect, the aspect radar, what-if and the target planner. */
export function InsightTab({ ev, framework }: { ev: Evaluation; framework: Framework }) {
  const { t, i18n } = useTranslation();
  const f = (v: number | undefined) => formatIndex(v, i18n.language);
  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <SectionCard title={t('evaluation.sideBySide')}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th />
                {STAGES.map((s) => (
                  <Table.Th key={s}>{t(`evaluation.stages.${s}`)}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {framework.domains.map((d) => (
                <DomainRows
                  key={d.no}
                  ev={ev}
                  framework={framework}
                  domain={d.no}
                  name={d.name}
                  f={f}
                />
              ))}
            </Table.Tbody>
          </Table>
        </SectionCard>
        <SectionCard title={t('evaluation.radar')}>
          <RadarChart
            title={t('evaluation.radar')}
            labels={framework.aspects.map((a) => `${t('evaluation.aspect')} ${a.no}`)}
            series={STAGES.flatMap((s) => {
              const idx = ev.indices[s];
              return idx
                ? [
                    {
                      label: t(`evaluation.stages.${s}`),
                      color: STAGE_COLORS[s],
                      values: framework.aspects.map(
                        (a) => idx.aspects.find((x) => x.no === a.no)?.index ?? 0,
                      ),
                    },
                  ]
                : [];
            })}
          />
          <Stack gap={0} mt="xs">
            {framework.aspects.map((a) => (
              <Text key={a.no} size="xs" c="dimmed">
                {t('evaluation.aspect')} {a.no}: {a.name}
              </Text>
            ))}
          </Stack>
        </SectionCard>
      </SimpleGrid>
      <WhatIf ev={ev} framework={framework} />
      <Planner ev={ev} framework={framework} />
    </Stack>
  );
}

function DomainRows({
  ev,
  framework,
  domain,
  name,
  f,
}: {
  ev: Evaluation;
  framework: Framework;
  domain: number;
  name: string;
  f: (v: number | undefined) => string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Table.Tr style={{ fontWeight: 600 }}>
        <Table.Td>
          Domain {domain}. {name}
        </Table.Td>
        {STAGES.map((s) => (
          <Table.Td key={s}>
            {f(ev.indices[s]?.domains.find((d) => d.no === domain)?.index)}
          </Table.Td>
        ))}
      </Table.Tr>
      {framework.aspects
        .filter((a) => a.domain === domain)
        .map((a) => (
          <Table.Tr key={a.no}>
            <Table.Td pl="lg">
              <Text size="sm">
                {t('evaluation.aspect')} {a.no}. {a.name}
              </Text>
            </Table.Td>
            {STAGES.map((s) => (
              <Table.Td key={s}>
                {f(ev.indices[s]?.aspects.find((x) => x.no === a.no)?.index)}
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
    </>
  );
}

function WhatIf({ ev, framework }: { ev: Evaluation; framework: Framework }) {
  const { t, i18n } = useTranslation();
  const [changes, setChanges] = useState<Record<string, number>>({});
  const [no, setNo] = useState<string | null>(null);
  const [level, setLevel] = useState<string | null>(null);
  const [result, setResult] = useState<IndexResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const run = async (next: Record<string, number>) => {
    setChanges(next);
    setError(null);
    try {
      setResult(await whatIf(ev.id, next));
    } catch (e) {
      setError(e);
    }
  };
  return (
    <SectionCard title={t('evaluation.whatIf')}>
      <Text size="sm" c="dimmed" mb="sm">
        {t('evaluation.whatIfHint')}
      </Text>
      <Group align="flex-end">
        <Select
          label={t('evaluation.indicator')}
          searchable
          w={420}
          data={framework.indicators.map((i) => ({
            value: String(i.no),
            label: `${i.no}. ${i.name.replace(/^Tingkat Kematangan /, '')}`,
          }))}
          value={no}
          onChange={setNo}
        />
        <Select
          label={t('evaluation.level')}
          w={120}
          data={
            no ? (scaleFor(framework, Number(no))?.levels ?? []).map((l) => String(l.level)) : []
          }
          value={level}
          onChange={setLevel}
        />
        <Button
          disabled={!no || !level}
          onClick={() => no && level && void run({ ...changes, [no]: Number(level) })}
        >
          {t('evaluation.whatIfApply')}
        </Button>
        {Object.keys(changes).length ? (
          <Button
            variant="default"
            onClick={() => {
              setChanges({});
              setResult(null);
            }}
          >
            {t('evaluation.whatIfReset')}
          </Button>
        ) : null}
      </Group>
      <Group mt="sm" gap="xs">
        {Object.entries(changes).map(([k, v]) => (
          <Badge key={k} variant="light">
            {k} → {v}
          </Badge>
        ))}
      </Group>
      {error ? <ProblemAlert error={error} /> : null}
      {result ? (
        <Alert mt="sm" color="blue" title={t('evaluation.whatIfResult')}>
          <Text fw={700} size="lg">
            {formatIndex(result.index, i18n.language)} — {result.rating}
          </Text>
          <Text size="sm">
            {t('evaluation.whatIfFrom', {
              index: formatIndex(ev.indices.validated?.index, i18n.language),
            })}
          </Text>
        </Alert>
      ) : null}
    </SectionCard>
  );
}

function Planner({ ev, framework }: { ev: Evaluation; framework: Framework }) {
  const { t, i18n } = useTranslation();
  const [target, setTarget] = useState<string | null>('Sangat Baik');
  const [targetIndex, setTargetIndex] = useState<number | string>('');
  const [efforts, setEfforts] = useState<Record<string, number>>({});
  const [plan, setPlan] = useState<PlanResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const bands = [...framework.predikat].sort((a, b) => b.min - a.min);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      setPlan(
        await planTarget(ev.id, {
          ...(target === 'index'
            ? { targetIndex: Number(targetIndex) }
            : { targetRating: target ?? '' }),
          efforts,
        }),
      );
    } catch (e) {
      setError(e);
      setPlan(null);
    } finally {
      setBusy(false);
    }
  };
  return (
    <SectionCard title={t('evaluation.planner')}>
      <Text size="sm" c="dimmed" mb="sm">
        {t('evaluation.plannerHint')}
      </Text>
      <Group align="flex-end">
        <Select
          label={t('evaluation.target')}
          w={260}
          data={[
            ...bands
              .filter((b) => b.min > 0)
              .map((b) => ({
                value: b.name,
                label: `${b.name} (≥ ${formatIndex(b.min, i18n.language)})`,
              })),
            { value: 'index', label: t('evaluation.targetIndex') },
          ]}
          value={target}
          onChange={setTarget}
        />
        {target === 'index' ? (
          <NumberInput
            label={t('evaluation.index')}
            min={0}
            max={5}
            step={0.01}
            decimalScale={2}
            value={targetIndex}
            onChange={setTargetIndex}
            w={140}
          />
        ) : null}
        <Button onClick={() => void run()} loading={busy}>
          {t('evaluation.plan')}
        </Button>
      </Group>
      <details style={{ marginTop: 12 }}>
        <summary>{t('evaluation.efforts')}</summary>
        <ScrollArea h={300} mt="xs">
          <Table>
            <Table.Tbody>
              {framework.indicators.map((i) => (
                <Table.Tr key={i.no}>
                  <Table.Td>{i.no}</Table.Td>
                  <Table.Td>
                    <Text size="xs">{i.name.replace(/^Tingkat Kematangan /, '')}</Text>
                  </Table.Td>
                  <Table.Td w={120}>
                    <NumberInput
                      size="xs"
                      aria-label={t('evaluation.effortOf', { no: i.no })}
                      min={0.1}
                      max={1000}
                      step={1}
                      value={efforts[String(i.no)] ?? 1}
                      onChange={(v) => setEfforts({ ...efforts, [String(i.no)]: Number(v) || 1 })}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      </details>
      {error ? <ProblemAlert error={error} /> : null}
      {plan ? (
        plan.reachable ? (
          <Stack mt="md" gap="xs" data-testid="plan-result">
            <Text fw={600}>
              {plan.steps.length === 0
                ? t('evaluation.planNothing')
                : t('evaluation.planSummary', {
                    count: plan.steps.length,
                    effort: plan.totalEffort.toLocaleString(i18n.language),
                    index: formatIndex(plan.index, i18n.language),
                    rating: plan.rating,
                  })}
            </Text>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>No</Table.Th>
                  <Table.Th>{t('evaluation.indicator')}</Table.Th>
                  <Table.Th>{t('evaluation.from')}</Table.Th>
                  <Table.Th>{t('evaluation.to')}</Table.Th>
                  <Table.Th>{t('evaluation.effort')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {plan.steps.map((s) => (
                  <Table.Tr key={s.no}>
                    <Table.Td>{s.no}</Table.Td>
                    <Table.Td>{s.name.replace(/^Tingkat Kematangan /, '')}</Table.Td>
                    <Table.Td>{s.from}</Table.Td>
                    <Table.Td>{s.to}</Table.Td>
                    <Table.Td>{s.effort.toLocaleString(i18n.language)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        ) : (
          <Alert color="red" mt="md">
            {t('evaluation.planUnreachable', {
              index: formatIndex(plan.maximumIndex, i18n.language),
            })}
          </Alert>
        )
      ) : null}
    </SectionCard>
  );
}
