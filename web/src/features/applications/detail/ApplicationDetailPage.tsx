import { Badge, Grid, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../platform/auth/useSession';
import { useFormatters } from '../../../platform/i18n/format';
import { type Fact, Facts } from '../../../platform/ui/Facts';
import { notifySuccess } from '../../../platform/ui/forms';
import { BackLink } from '../../../platform/ui/links';
import { PageHeader } from '../../../platform/ui/PageHeader';
import { QueryView } from '../../../platform/ui/QueryView';
import { SectionCard } from '../../../platform/ui/SectionCard';
import { TransitionsPanel } from '../../../platform/workflow/TransitionsPanel';
import { WorkflowTimeline } from '../../../platform/workflow/WorkflowTimeline';
import {
  type ApplicationDetail,
  useApplication,
  useApplicationTransition,
  useUpdateApplication,
} from '../api';
import { canManageApplicationsOf } from '../capabilities';
import {
  ApplicationStatusBadge,
  AuditBadge,
  CompletenessBadge,
} from '../components/ApplicationBadges';
import { ApplicationForm } from '../components/ApplicationForm';
import { applicationFormValues, updateInput } from '../components/applicationFormValues';
import { StageTrack } from '../components/StageTrack';
import { DocumentsSection } from './DocumentsSection';

export function ApplicationDetailPage({ applicationId }: { applicationId: string }) {
  const { t } = useTranslation();
  const application = useApplication(applicationId);
  return (
    <QueryView
      query={application}
      header={<BackLink to="/applications">{t('applications.backToList')}</BackLink>}
    >
      {(app) => <ApplicationView app={app} />}
    </QueryView>
  );
}

function ApplicationView({ app }: { app: ApplicationDetail }) {
  const { t } = useTranslation();
  const canManage = canManageApplicationsOf(useMe(), app.agencyId);
  return (
    <>
      <PageHeader
        title={app.name}
        description={app.agency.name}
        actions={
          <Group gap="xs">
            <ApplicationStatusBadge status={app.status} />
            <CompletenessBadge app={app} />
            <AuditBadge app={app} />
          </Group>
        }
      />
      <Grid>
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack>
            <LifecycleCard app={app} />
            <SectionCard title={t('applications.sections.documents')}>
              <DocumentsSection app={app} canManage={canManage && app.status === 'active'} />
            </SectionCard>
            <SectionCard title={t('applications.sections.registry')}>
              <RegistrySection app={app} canManage={canManage} />
            </SectionCard>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <SectionCard title={t('applications.sections.timeline')}>
            <WorkflowTimeline
              events={app.lifecycle.timeline}
              stateLabel={(stage) => t(`applications.stages.${stage}`)}
            />
          </SectionCard>
        </Grid.Col>
      </Grid>
    </>
  );
}

function LifecycleCard({ app }: { app: ApplicationDetail }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const transition = useApplicationTransition(app.id);
  const lastTest = app.lifecycle.feasibilityTests.at(-1);
  const lastConsultation = app.lifecycle.consultations.at(-1);
  const facts: Fact[] = [
    [
      t('applications.fields.stage'),
      t('applications.stageSince', {
        stage: t(`applications.stages.${app.stage}`),
        date: format.dateTime(app.stageEnteredAt),
      }),
    ],
    [
      t('applications.lifecycle.consultation'),
      lastConsultation
        ? t('applications.lifecycle.recordedBy', {
            actor: lastConsultation.actorLabel,
            at: format.dateTime(lastConsultation.at),
          })
        : t('applications.lifecycle.none'),
    ],
    [
      t('applications.lifecycle.feasibilityTest'),
      lastTest ? (
        <Group key="test" gap={6}>
          <Badge color={lastTest.result === 'pass' ? 'teal' : 'red'} variant="light">
            {t(`applications.lifecycle.results.${lastTest.result}`)}
          </Badge>
          <Text size="xs" c="dimmed">
            {format.dateTime(lastTest.at)}
          </Text>
        </Group>
      ) : (
        t('applications.lifecycle.none')
      ),
    ],
  ];

  return (
    <SectionCard title={t('applications.sections.lifecycle')}>
      <Stack>
        <StageTrack stage={app.stage} />
        <Facts items={facts} cols={3} />
        <div>
          <Text size="sm" fw={600} mb="xs">
            {t('workflow.actions')}
          </Text>
          <TransitionsPanel
            transitions={app.status === 'active' ? app.lifecycle.availableTransitions : []}
            agencyId={app.agencyId}
            onTake={(input) => transition.mutateAsync(input)}
            stateLabel={(stage) => t(`applications.stages.${stage}`)}
            commentLabels={{
              record_consultation: t('applications.lifecycle.consultationNotes'),
              pass_feasibility_test: t('applications.lifecycle.testNotes'),
              fail_feasibility_test: t('applications.lifecycle.testFindings'),
              close_evaluation: t('applications.lifecycle.evaluationConclusion'),
            }}
            emptyText={
              app.status === 'active'
                ? t('workflow.noActions')
                : t('applications.lifecycle.retiredNoActions')
            }
          />
        </div>
      </Stack>
    </SectionCard>
  );
}

function RegistrySection({ app, canManage }: { app: ApplicationDetail; canManage: boolean }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const update = useUpdateApplication(app.id);
  const initial = applicationFormValues(app);

  return (
    <Stack>
      <Facts
        cols={3}
        items={[
          [t('applications.fields.agency'), app.agency.name],
          [t('applications.fields.registeredOn'), format.date(app.registeredOn)],
          [t('applications.fields.auditDueDate'), format.date(app.auditDueDate)],
        ]}
      />
      <ApplicationForm
        key={app.updatedAt}
        app={app}
        readOnly={!canManage}
        error={update.error}
        submitting={update.isPending}
        submitLabel={t('common.saveChanges')}
        onSubmit={async (values) => {
          const changes = updateInput(initial, values);
          if (Object.keys(changes).length === 0) {
            notifySuccess(t('common.noChanges'));
            return;
          }
          await update.mutateAsync(changes);
          notifySuccess(t('applications.updated'));
        }}
      />
    </Stack>
  );
}
