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
  type IssuedCredential,
  useCreateCredential,
  useCredentials,
  useRevokeCredential,
  useRotateCredential,
} from '../api';

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
          <ProblemAlert error={create.error ?? rotate.error ?? revoke.error ?? credentials.error} />
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
                          onClick={() => show(rotate.mutateAsync(c.id))}
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
        opened={issued !== null}
        onClose={() => setIssued(null)}
        title={t('interop.credential.shownOnce')}
        size="lg"
      >
        {issued ? (
          <Stack>
            <Alert color="yellow">{t('interop.credential.copyNow')}</Alert>
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
