import {
  Alert,
  Button,
  Code,
  CopyButton,
  Group,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../platform/i18n/format';
import { ProblemAlert } from '../../../platform/ui/ProblemAlert';
import { useApplicationOptions } from '../../applications/api';
import {
  type Credential,
  type IssuedCredential,
  useCreateCredential,
  useCredentials,
  useRevokeCredential,
  useRotateCredential,
} from '../api';

/** Grace periods offered when rotating (hours; the server accepts 0–168). */
const GRACE_CHOICES = [0, 1, 24, 72, 168] as const;
const DEFAULT_GRACE_HOURS = 24;

/**
 * "Kredensial": the API keys and OAuth2 clients of an application. A secret is shown once, when it
 * is issued or rotated; Simpul keeps only its SHA-256.
 */
export function CredentialsPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const apps = useApplicationOptions(null);
  const [applicationId, setApplicationId] = useState<string | null>(null);
  const credentials = useCredentials(applicationId);
  const create = useCreateCredential();
  const rotate = useRotateCredential();
  const revoke = useRevokeCredential();
  const [label, setLabel] = useState('');
  const [issued, setIssued] = useState<IssuedCredential | null>(null);
  const [rotating, setRotating] = useState<Credential | null>(null);
  const [graceHours, setGraceHours] = useState(String(DEFAULT_GRACE_HOURS));
  const show = (p: Promise<IssuedCredential>) => p.then(setIssued, () => {});

  return (
    <Stack>
      <Text c="dimmed" size="sm">
        {t('interop.credential.description')}
      </Text>
      <Select
        label={t('interop.subscription.application')}
        searchable
        data={(apps.data?.items ?? []).map((a) => ({
          value: a.id,
          label: `${a.name} — ${a.agency.name}`,
        }))}
        value={applicationId}
        onChange={setApplicationId}
        w={{ base: '100%', sm: 480 }}
      />
      {applicationId ? (
        <>
          <Group align="flex-end">
            <TextInput
              label={t('interop.credential.label')}
              value={label}
              onChange={(e) => setLabel(e.currentTarget.value)}
              w={260}
            />
            <Button
              disabled={!label.trim()}
              loading={create.isPending && create.variables?.kind === 'api_key'}
              onClick={() =>
                show(create.mutateAsync({ applicationId, kind: 'api_key', label: label.trim() }))
              }
            >
              {t('interop.credential.newApiKey')}
            </Button>
            <Button
              variant="default"
              disabled={!label.trim()}
              loading={create.isPending && create.variables?.kind === 'oauth_client'}
              onClick={() =>
                show(
                  create.mutateAsync({ applicationId, kind: 'oauth_client', label: label.trim() }),
                )
              }
            >
              {t('interop.credential.newOauthClient')}
            </Button>
          </Group>
          <ProblemAlert error={create.error ?? revoke.error ?? credentials.error} />
          <Table striped withTableBorder aria-label={t('interop.tabs.credentials')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('interop.credential.label')}</Table.Th>
                <Table.Th>{t('interop.credential.kind')}</Table.Th>
                <Table.Th>{t('interop.credential.identifier')}</Table.Th>
                <Table.Th>{t('interop.credential.createdAt')}</Table.Th>
                <Table.Th>{t('interop.credential.status')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(credentials.data ?? []).map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>{c.label}</Table.Td>
                  <Table.Td>{t(`interop.credential.kinds.${c.kind}`)}</Table.Td>
                  <Table.Td>
                    <Code>{c.clientId ?? `${c.prefix}…`}</Code>
                    {c.previous ? (
                      <Text size="xs" c="dimmed" data-testid="previous-secret">
                        {t('interop.credential.previousUntil', {
                          prefix: c.previous.prefix,
                          date: format.dateTime(c.previous.expiresAt),
                        })}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{format.dateTime(c.createdAt)}</Table.Td>
                  <Table.Td>
                    {c.revokedAt ? t('interop.credential.revoked') : t('interop.credential.active')}
                  </Table.Td>
                  <Table.Td>
                    {c.revokedAt ? null : (
                      <Group gap="xs" wrap="nowrap">
                        <Button
                          size="xs"
                          variant="default"
                          onClick={() => {
                            rotate.reset();
                            setGraceHours(String(DEFAULT_GRACE_HOURS));
                            setRotating(c);
                          }}
                        >
                          {t('interop.credential.rotate')}
                        </Button>
                        <Button
                          size="xs"
                          color="red"
                          variant="light"
                          onClick={() => revoke.mutateAsync(c.id).catch(() => {})}
                        >
                          {t('interop.credential.revoke')}
                        </Button>
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      ) : null}
      <Modal
        opened={rotating !== null}
        onClose={() => setRotating(null)}
        title={t('interop.credential.rotateTitle', { label: rotating?.label ?? '' })}
      >
        <Stack>
          <Text size="sm">{t('interop.credential.rotateHelp')}</Text>
          <Select
            label={t('interop.credential.grace')}
            description={t('interop.credential.graceHelp')}
            allowDeselect={false}
            data={GRACE_CHOICES.map((hours) => ({
              value: String(hours),
              label: t(`interop.credential.graceChoices.h${hours}`),
            }))}
            value={graceHours}
            onChange={(value) => setGraceHours(value ?? String(DEFAULT_GRACE_HOURS))}
          />
          <ProblemAlert error={rotate.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRotating(null)}>
              {t('common.cancel')}
            </Button>
            <Button
              loading={rotate.isPending}
              onClick={() => {
                if (!rotating) return;
                rotate.mutateAsync({ id: rotating.id, graceHours: Number(graceHours) }).then(
                  (result) => {
                    setRotating(null);
                    setIssued(result);
                  },
                  () => {},
                );
              }}
            >
              {t('interop.credential.rotateConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Modal
        opened={issued !== null}
        onClose={() => setIssued(null)}
        title={t('interop.credential.shownOnce')}
        size="lg"
      >
        {issued ? (
          <Stack>
            <Alert color="yellow">{t('interop.credential.copyNow')}</Alert>
            {issued.previous ? (
              <Alert color="blue" data-testid="rotation-grace">
                {t('interop.credential.previousKeepsWorking', {
                  prefix: issued.previous.prefix,
                  date: format.dateTime(issued.previous.expiresAt),
                })}
              </Alert>
            ) : null}
            {issued.clientId ? (
              <TextInput
                label="client_id"
                readOnly
                value={issued.clientId}
                data-testid="issued-client-id"
              />
            ) : null}
            <TextInput
              label={issued.kind === 'api_key' ? 'X-API-Key' : 'client_secret'}
              readOnly
              value={issued.secret}
              data-testid="issued-secret"
            />
            <Group justify="flex-end">
              <CopyButton value={issued.secret}>
                {({ copied, copy }) => (
                  <Button variant="default" onClick={copy}>
                    {copied ? t('interop.credential.copied') : t('interop.credential.copy')}
                  </Button>
                )}
              </CopyButton>
              <Button onClick={() => setIssued(null)}>{t('interop.credential.done')}</Button>
            </Group>
          </Stack>
        ) : null}
      </Modal>
    </Stack>
  );
}
