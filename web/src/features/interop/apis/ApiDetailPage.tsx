import {
  Button,
  Checkbox,
  Code,
  Grid,
  Group,
  Modal,
  PasswordInput,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Fact, Facts } from '../../../platform/ui/Facts';
import { notifySuccess, submitWith } from '../../../platform/ui/forms';
import { BackLink } from '../../../platform/ui/links';
import { ProblemAlert } from '../../../platform/ui/ProblemAlert';
import { QueryView } from '../../../platform/ui/QueryView';
import { SectionCard } from '../../../platform/ui/SectionCard';
import { useApplicationOptions } from '../../applications/api';
import {
  type ApiDetail,
  useApi,
  useApiStatus,
  useCreateSubscription,
  useImportOpenApi,
  useUpdateApi,
  useUpstreamCredential,
} from '../api';
import { ApiStatusBadge } from '../components/badges';
import { OperationsTable } from '../components/OperationsTable';
import { ProblemWithReasons } from '../components/ProblemWithReasons';
import { NEXT_STATUSES } from '../model';
import { OperationScopesForm } from './OperationScopesForm';

export function ApiDetailPage({ apiId }: { apiId: string }) {
  const { t } = useTranslation();
  const api = useApi(apiId);
  return (
    <QueryView
      query={api}
      header={<BackLink to="/interop/apis">{t('interop.api.backToList')}</BackLink>}
    >
      {(current) => <ApiView api={current} />}
    </QueryView>
  );
}

function ApiView({ api }: { api: ApiDetail }) {
  const { t } = useTranslation();
  const facts: Fact[] = [
    [t('interop.api.provider'), api.agency.name],
    [t('interop.api.gatewayPath'), <Code key="p">{api.gatewayPath}</Code>],
    [t('interop.api.visibility'), t(`interop.visibilities.${api.visibility}`)],
    [t('interop.api.dataClassification'), t(`dataClassifications.${api.dataClassification}`)],
    [t('interop.api.openapiVersion'), api.openapiVersion],
    [t('interop.api.descriptionLabel'), api.description],
  ];
  if (api.upstreamUrl) {
    facts.push([t('interop.api.upstreamUrl'), api.upstreamUrl]);
    facts.push([t('interop.api.upstreamHeader'), api.upstreamHeaderName]);
  }
  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <div>
          <Text fz="xl" fw={700} component="h2" m={0}>
            {api.name}{' '}
            <Text span c="dimmed">
              {api.version}
            </Text>
          </Text>
          <Text c="dimmed" size="sm">
            {api.agency.name}
          </Text>
        </div>
        <ApiStatusBadge status={api.status} />
      </Group>
      <Grid>
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack>
            <SectionCard title={t('interop.api.about')}>
              <Facts items={facts} />
            </SectionCard>
            <SectionCard title={t('interop.api.operations')}>
              <OperationsTable operations={api.operations} basePath={api.gatewayPath} />
            </SectionCard>
            {api.canManage ? <ManageSection api={api} /> : null}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack>
            <SectionCard title={t('interop.api.howToSubscribe')}>
              <Stack gap="xs">
                <Text size="sm">{t('interop.api.howToSubscribeText')}</Text>
                {api.canSubscribe ? <SubscribeButton api={api} /> : null}
              </Stack>
            </SectionCard>
            <SectionCard title={t('interop.api.howToCall')}>
              <Text size="sm">{t('interop.api.howToCallText')}</Text>
              <Code
                block
                mt="xs"
              >{`curl -H "X-API-Key: spk_…" \\\n  https://gateway…${api.gatewayPath}${api.operations[0]?.path ?? '/'}`}</Code>
            </SectionCard>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function ManageSection({ api }: { api: ApiDetail }) {
  const { t } = useTranslation();
  const status = useApiStatus(api.id);
  const importer = useImportOpenApi(api.id);
  const credential = useUpstreamCredential(api.id);
  const credentialForm = useForm({
    mode: 'controlled',
    initialValues: { headerName: api.upstreamHeaderName ?? '', value: '' },
  });
  return (
    <SectionCard title={t('interop.api.manage')}>
      <Stack>
        <Group>
          {NEXT_STATUSES[api.status].map((next) => (
            <Button
              key={next}
              variant={next === 'published' ? 'filled' : 'default'}
              loading={status.isPending && status.variables === next}
              onClick={() =>
                status.mutateAsync(next).then(
                  () => notifySuccess(t(`interop.api.statusChanged.${next}`)),
                  () => {},
                )
              }
            >
              {t(`interop.api.toStatus.${next}`)}
            </Button>
          ))}
        </Group>
        <ProblemAlert error={status.error} />
        {api.status !== 'retired' ? (
          <div>
            <Text size="sm" fw={500} component="label" htmlFor="openapi-reimport">
              {t('interop.api.reimport')}
            </Text>
            <input
              id="openapi-reimport"
              type="file"
              accept=".json,.yaml,.yml"
              style={{ display: 'block', marginTop: 4 }}
              onChange={async (event) => {
                const file = event.currentTarget.files?.[0];
                if (!file) return;
                await importer.mutateAsync({ document: await file.text() }).then(
                  () => notifySuccess(t('interop.api.imported')),
                  () => {},
                );
              }}
            />
            <ProblemWithReasons error={importer.error} />
          </div>
        ) : null}
        {api.status !== 'retired' ? (
          <UpstreamUrlForm key={`url-${api.updatedAt}`} api={api} />
        ) : null}
        {api.status !== 'retired' ? <OperationScopesForm key={api.updatedAt} api={api} /> : null}
        <form
          onSubmit={submitWith(credentialForm, async (values) => {
            await credential.mutateAsync(values);
            credentialForm.setFieldValue('value', '');
            notifySuccess(t('interop.api.credentialSaved'));
          })}
        >
          <Stack gap="xs">
            <Text size="sm" fw={500}>
              {t('interop.api.upstreamCredential')}
            </Text>
            <Text size="xs" c="dimmed">
              {t('interop.api.upstreamCredentialHelp')}
            </Text>
            <Group grow align="flex-end">
              <TextInput
                label={t('interop.api.headerName')}
                required
                {...credentialForm.getInputProps('headerName')}
              />
              <PasswordInput
                label={t('interop.api.headerValue')}
                required
                {...credentialForm.getInputProps('value')}
              />
            </Group>
            <Group justify="flex-end">
              <Button type="submit" variant="default" loading={credential.isPending}>
                {t('interop.api.saveCredential')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </SectionCard>
  );
}

function UpstreamUrlForm({ api }: { api: ApiDetail }) {
  const { t } = useTranslation();
  const update = useUpdateApi(api.id);
  const form = useForm({
    mode: 'controlled',
    initialValues: { upstreamUrl: api.upstreamUrl ?? '' },
  });
  return (
    <form
      onSubmit={submitWith(form, async (values) => {
        await update.mutateAsync({ upstreamUrl: values.upstreamUrl.trim() });
        notifySuccess(t('interop.api.upstreamSaved'));
      })}
    >
      <Group align="flex-end">
        <TextInput
          label={t('interop.api.upstreamUrl')}
          required
          style={{ flex: 1 }}
          {...form.getInputProps('upstreamUrl')}
        />
        <Button type="submit" variant="default" loading={update.isPending}>
          {t('interop.api.saveUpstream')}
        </Button>
      </Group>
    </form>
  );
}

function SubscribeButton({ api }: { api: ApiDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [opened, modal] = useDisclosure(false);
  const apps = useApplicationOptions(null, opened);
  const create = useCreateSubscription();
  const [applicationId, setApplicationId] = useState<string | null>(null);
  const [purpose, setPurpose] = useState('');
  // The scopes the API's operations declare; all of them are asked for unless the user narrows.
  const declared = [
    ...new Set(api.operations.map((op) => op.scope).filter((s): s is string => !!s)),
  ].sort();
  const [scopes, setScopes] = useState<string[]>(declared);
  return (
    <>
      <Button onClick={modal.open}>{t('interop.subscription.subscribe')}</Button>
      <Modal
        opened={opened}
        onClose={modal.close}
        title={t('interop.subscription.subscribeTo', { name: api.name })}
      >
        <Stack>
          <Select
            label={t('interop.subscription.application')}
            required
            searchable
            data={(apps.data?.items ?? []).map((a) => ({
              value: a.id,
              label: `${a.name} — ${a.agency.name}`,
            }))}
            value={applicationId}
            onChange={setApplicationId}
          />
          <Textarea
            label={t('interop.subscription.purpose')}
            required
            autosize
            minRows={2}
            value={purpose}
            onChange={(event) => setPurpose(event.currentTarget.value)}
          />
          {declared.length ? (
            <Checkbox.Group
              label={t('interop.subscription.scopesToRequest')}
              description={t('interop.subscription.scopesHelp')}
              value={scopes}
              onChange={setScopes}
            >
              <Stack gap={6} mt={6}>
                {declared.map((scope) => (
                  <Checkbox
                    key={scope}
                    value={scope}
                    label={scope}
                    description={api.operations
                      .filter((op) => op.scope === scope)
                      .map((op) => `${op.method.toUpperCase()} ${op.path}`)
                      .join(', ')}
                  />
                ))}
              </Stack>
            </Checkbox.Group>
          ) : null}
          <ProblemWithReasons error={create.error} />
          <Group justify="flex-end">
            <Button
              disabled={!applicationId || purpose.trim().length < 5}
              loading={create.isPending}
              onClick={() =>
                create
                  .mutateAsync({
                    applicationId: applicationId ?? '',
                    apiId: api.id,
                    purpose: purpose.trim(),
                    // An explicit list, so what is approved is exactly what was seen.
                    ...(declared.length ? { scopes } : {}),
                  })
                  .then(
                    (sub) => {
                      notifySuccess(t('interop.subscription.requested'));
                      void navigate({
                        to: '/interop/subscriptions/$subscriptionId',
                        params: { subscriptionId: sub.id },
                      });
                    },
                    () => {},
                  )
              }
            >
              {t('interop.subscription.send')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
