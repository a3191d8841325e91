import { Button, Code, Grid, Group, NumberInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { type Fact, Facts } from '../../../platform/ui/Facts';
import { notifySuccess, submitWith } from '../../../platform/ui/forms';
import { AnchorLink, BackLink } from '../../../platform/ui/links';
import { QueryView } from '../../../platform/ui/QueryView';
import { SectionCard } from '../../../platform/ui/SectionCard';
import { TransitionsPanel } from '../../../platform/workflow/TransitionsPanel';
import { WorkflowTimeline } from '../../../platform/workflow/WorkflowTimeline';
import {
  type SubscriptionDetail,
  useSubscription,
  useSubscriptionPlan,
  useSubscriptionTransition,
} from '../api';
import { SubscriptionStateBadge } from '../components/badges';
import { ScopeList } from '../components/ScopeList';

export function SubscriptionDetailPage({ subscriptionId }: { subscriptionId: string }) {
  const { t } = useTranslation();
  const sub = useSubscription(subscriptionId);
  return (
    <QueryView
      query={sub}
      header={
        <BackLink to="/interop/subscriptions">{t('interop.subscription.backToList')}</BackLink>
      }
    >
      {(current) => <SubscriptionView sub={current} />}
    </QueryView>
  );
}

function SubscriptionView({ sub }: { sub: SubscriptionDetail }) {
  const { t } = useTranslation();
  const transition = useSubscriptionTransition(sub.id);
  const stateLabel = (state: string) => t(`interop.subscriptionStates.${state}`);
  const facts: Fact[] = [
    [t('interop.subscription.application'), `${sub.consumer.name} (${sub.consumer.agency.name})`],
    [
      t('interop.subscription.api'),
      <AnchorLink key="api" to="/interop/apis/$apiId" params={{ apiId: sub.api.id }}>
        {`${sub.api.name} ${sub.api.version}`}
      </AnchorLink>,
    ],
    [t('interop.api.provider'), sub.api.agency.name],
    [t('interop.api.gatewayPath'), <Code key="p">{sub.api.gatewayPath}</Code>],
    [t('interop.subscription.purpose'), sub.purpose],
    [t('interop.subscription.scopes'), <ScopeList key="scopes" scopes={sub.scopes} />],
  ];
  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <div>
          <Text fz="xl" fw={700} component="h2" m={0}>
            {sub.consumer.name} → {sub.api.name}
          </Text>
          <Text c="dimmed" size="sm">
            {sub.consumer.agency.name} → {sub.api.agency.name}
          </Text>
        </div>
        <SubscriptionStateBadge state={sub.state} />
      </Group>
      <Grid>
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack>
            <SectionCard title={t('workflow.actions')}>
              <TransitionsPanel
                transitions={sub.transitions}
                agencyId={sub.api.agency.id}
                onTake={(input) => transition.mutateAsync(input)}
                stateLabel={stateLabel}
                emptyText={t(`interop.subscription.waiting.${sub.state}`)}
              />
            </SectionCard>
            <SectionCard title={t('interop.subscription.details')}>
              <Facts items={facts} />
            </SectionCard>
            <SectionCard title={t('interop.subscription.plan')}>
              <PlanSection sub={sub} />
            </SectionCard>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <SectionCard title={t('interop.subscription.timeline')}>
            <WorkflowTimeline
              events={sub.timeline}
              stateLabel={stateLabel}
              eventLabel={(event) => t(`interop.subscription.transitions.${event.transition}`)}
            />
          </SectionCard>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function PlanSection({ sub }: { sub: SubscriptionDetail }) {
  const { t } = useTranslation();
  const plan = useSubscriptionPlan(sub.id);
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      ratePerMinute: sub.plan.ratePerMinute as number | string,
      dailyQuota: (sub.plan.dailyQuota ?? '') as number | string,
      monthlyQuota: (sub.plan.monthlyQuota ?? '') as number | string,
    },
  });
  if (!sub.canSetPlan) {
    return (
      <Facts
        items={[
          [t('interop.subscription.ratePerMinute'), sub.plan.ratePerMinute],
          [
            t('interop.subscription.dailyQuota'),
            sub.plan.dailyQuota ?? t('interop.subscription.unlimited'),
          ],
          [
            t('interop.subscription.monthlyQuota'),
            sub.plan.monthlyQuota ?? t('interop.subscription.unlimited'),
          ],
        ]}
        cols={3}
      />
    );
  }
  const num = (v: number | string) => (v === '' || v === null ? null : Number(v));
  return (
    <form
      onSubmit={submitWith(form, async (values) => {
        await plan.mutateAsync({
          ratePerMinute: Number(values.ratePerMinute),
          dailyQuota: num(values.dailyQuota),
          monthlyQuota: num(values.monthlyQuota),
        });
        notifySuccess(t('interop.subscription.planSaved'));
      })}
    >
      <Group align="flex-end" grow>
        <NumberInput
          label={t('interop.subscription.ratePerMinute')}
          min={1}
          required
          {...form.getInputProps('ratePerMinute')}
        />
        <NumberInput
          label={t('interop.subscription.dailyQuota')}
          min={1}
          {...form.getInputProps('dailyQuota')}
        />
        <NumberInput
          label={t('interop.subscription.monthlyQuota')}
          min={1}
          {...form.getInputProps('monthlyQuota')}
        />
      </Group>
      <Group justify="flex-end" mt="sm">
        <Button type="submit" variant="default" loading={plan.isPending}>
          {t('interop.subscription.savePlan')}
        </Button>
      </Group>
    </form>
  );
}
