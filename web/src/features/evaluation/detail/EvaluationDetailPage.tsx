import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile } from '../../../platform/api/client';
import { PageHeader } from '../../../platform/ui/PageHeader';
import { ProblemAlert } from '../../../platform/ui/ProblemAlert';
import { QueryView } from '../../../platform/ui/QueryView';
import {
  type Evaluation,
  formatIndex,
  reportPath,
  type StageIndex,
  sheetPath,
  useEvaluation,
  useFramework,
} from '../api';
import { STAGE_COLORS } from '../components/charts';
import { DocumentsTab } from './DocumentsTab';
import { IndicatorsTab } from './IndicatorsTab';
import { InsightTab } from './InsightTab';
import { TeamTab } from './TeamTab';

/** One year's evaluation: the indices, the indicators, insight, the team and the documents. */
export function EvaluationDetailPage({ evaluationId }: { evaluationId: string }) {
  const { t } = useTranslation();
  const query = useEvaluation(evaluationId);
  return (
    <QueryView
      query={query}
      header={
        <Anchor component={Link} to="/evaluation" size="sm">
          ← {t('evaluation.title')}
        </Anchor>
      }
    >
      {(ev) => <EvaluationView ev={ev} />}
    </QueryView>
  );
}

function EvaluationView({ ev }: { ev: Evaluation }) {
  const { t } = useTranslation();
  const framework = useFramework(ev.frameworkId);
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const download = (path: string, name: string) => {
    setDownloadError(null);
    downloadFile(path, undefined, name).catch(setDownloadError);
  };
  return (
    <Stack>
      <PageHeader
        title={t('evaluation.detailTitle', { year: ev.year })}
        description={ev.frameworkTitle}
        actions={
          <>
            <Button
              variant="light"
              leftSection={<IconDownload size={16} />}
              onClick={() => download(reportPath(ev.id), `laporan-evaluasi-spbe-${ev.year}.pdf`)}
            >
              {t('evaluation.downloadReport')}
            </Button>
            <Button
              variant="default"
              leftSection={<IconDownload size={16} />}
              onClick={() => download(sheetPath(ev.id), `evaluasi-spbe-${ev.year}-indikator.xlsx`)}
            >
              {t('evaluation.downloadSheet')}
            </Button>
          </>
        }
      />
      {downloadError ? <ProblemAlert error={downloadError} /> : null}
      <Group gap="xs">
        <Text size="sm">{t('evaluation.stage')}:</Text>
        <Badge variant="light" size="lg">
          {ev.stageLabel}
        </Badge>
        {ev.myRole ? <Badge variant="outline">{t(`evaluation.roles.${ev.myRole}`)}</Badge> : null}
      </Group>
      <IndexCards ev={ev} />
      {framework.data ? (
        <Tabs defaultValue="indicators" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="indicators">{t('evaluation.tabs.indicators')}</Tabs.Tab>
            <Tabs.Tab value="insight">{t('evaluation.tabs.insight')}</Tabs.Tab>
            <Tabs.Tab value="team">{t('evaluation.tabs.team')}</Tabs.Tab>
            <Tabs.Tab value="documents">{t('evaluation.tabs.documents')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="indicators" pt="md">
            <IndicatorsTab ev={ev} framework={framework.data} />
          </Tabs.Panel>
          <Tabs.Panel value="insight" pt="md">
            <InsightTab ev={ev} framework={framework.data} />
          </Tabs.Panel>
          <Tabs.Panel value="team" pt="md">
            <TeamTab ev={ev} />
          </Tabs.Panel>
          <Tabs.Panel value="documents" pt="md">
            <DocumentsTab ev={ev} framework={framework.data} />
          </Tabs.Panel>
        </Tabs>
      ) : framework.error ? (
        <ProblemAlert error={framework.error} />
      ) : null}
    </Stack>
  );
}

/** Self vs validated vs external, side by side. */
function IndexCards({ ev }: { ev: Evaluation }) {
  const { t, i18n } = useTranslation();
  const card = (key: 'self' | 'validated' | 'external', idx: StageIndex) => (
    <Card
      withBorder
      key={key}
      data-testid={`index-${key}`}
      style={{ borderTop: `4px solid ${STAGE_COLORS[key]}` }}
    >
      <Text size="sm" c="dimmed">
        {t(`evaluation.stages.${key}`)}
      </Text>
      <Title
        order={2}
        aria-label={`${t(`evaluation.stages.${key}`)}: ${formatIndex(idx?.index, i18n.language)}`}
      >
        {formatIndex(idx?.index, i18n.language)}
      </Title>
      <Text fw={600}>{idx?.rating ?? '–'}</Text>
      {idx && idx.missing > 0 ? (
        <Alert color="yellow" p={6} mt={6}>
          <Text size="xs">{t('evaluation.provisional', { count: idx.missing })}</Text>
        </Alert>
      ) : null}
    </Card>
  );
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }}>
      {card('self', ev.indices.self)}
      {card('validated', ev.indices.validated)}
      {card('external', ev.indices.external)}
    </SimpleGrid>
  );
}
