import {
  Badge,
  Button,
  Card,
  FileInput,
  Group,
  List,
  Modal,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile } from '../../../platform/api/client';
import { isProblemError } from '../../../platform/api/problem';
import { useCan } from '../../../platform/auth/useSession';
import { type Column, DataTable } from '../../../platform/ui/DataTable';
import { notifySuccess } from '../../../platform/ui/forms';
import { AnchorLink } from '../../../platform/ui/links';
import { ProblemAlert } from '../../../platform/ui/ProblemAlert';
import {
  type ProfileSummary,
  useCopyProfile,
  useImportProfile,
  useProfiles,
  useSelectProfile,
} from '../api';

/**
 * Regulation profiles: the four shipped with Simpul and the regency's own (a copy edited, or an
 * import in the reference files' shape). The admin chooses the one the regency is bound by.
 */
export function ProfilesPage() {
  const { t } = useTranslation();
  const can = useCan();
  const manage = can('complianceProfile:manage');
  const profiles = useProfiles();
  const select = useSelectProfile();
  const [copying, setCopying] = useState<ProfileSummary | null>(null);
  const [error, setError] = useState<unknown>(null);

  const columns: Column<ProfileSummary>[] = [
    {
      key: 'title',
      header: t('compliance.profiles.title'),
      render: (p) => (
        <Stack gap={0} maw={520}>
          <AnchorLink
            to="/compliance/profiles/$profileId"
            params={{ profileId: p.id }}
            fw={500}
            size="sm"
          >
            {p.title}
          </AnchorLink>
          <Text size="xs" c="dimmed">
            {p.id}
            {p.basedOn ? ` · ${t('compliance.profiles.basedOn', { id: p.basedOn })}` : ''}
          </Text>
        </Stack>
      ),
    },
    {
      key: 'obligations',
      header: t('compliance.profiles.obligations'),
      render: (p) =>
        p.retired
          ? t('compliance.profiles.countRetired', { count: p.obligations, retired: p.retired })
          : p.obligations,
    },
    {
      key: 'kind',
      header: t('compliance.profiles.source'),
      render: (p) => (
        <Group gap={4}>
          <Badge variant="outline" color="gray">
            {p.shipped ? t('compliance.profiles.shipped') : t('compliance.profiles.own')}
          </Badge>
          {p.active ? (
            <Badge color="teal" data-testid="active-profile">
              {t('compliance.profiles.active')}
            </Badge>
          ) : null}
        </Group>
      ),
    },
    {
      key: 'actions',
      header: '',
      render: (p) => (
        <Group gap="xs" justify="flex-end">
          <Button
            size="xs"
            variant="default"
            onClick={() =>
              downloadFile(`/compliance/profiles/${p.id}`, undefined, `${p.id}.json`).catch(
                setError,
              )
            }
          >
            {t('compliance.profiles.export')}
          </Button>
          {manage ? (
            <>
              <Button size="xs" variant="default" onClick={() => setCopying(p)}>
                {t('compliance.profiles.copy')}
              </Button>
              {p.active ? null : (
                <Button
                  size="xs"
                  aria-label={t('compliance.profiles.useNamed', { id: p.id })}
                  loading={select.isPending && select.variables === p.id}
                  onClick={() =>
                    select
                      .mutateAsync(p.id)
                      .then(() => notifySuccess(t('compliance.profiles.selected', { id: p.id })))
                      .catch(setError)
                  }
                >
                  {t('compliance.profiles.use')}
                </Button>
              )}
            </>
          ) : null}
        </Group>
      ),
    },
  ];

  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t('compliance.profiles.description')}
      </Text>
      <ProblemAlert error={error} />
      <DataTable
        testId="compliance-profiles-table"
        columns={columns}
        rows={profiles.data}
        rowKey={(p) => p.id}
        loading={profiles.isPending}
        error={profiles.error}
      />
      {manage ? <ImportCard /> : null}
      <Modal
        opened={copying !== null}
        onClose={() => setCopying(null)}
        title={t('compliance.profiles.copy')}
      >
        {copying ? <CopyForm from={copying} onDone={() => setCopying(null)} /> : null}
      </Modal>
    </Stack>
  );
}

function CopyForm({ from, onDone }: { from: ProfileSummary; onDone: () => void }) {
  const { t } = useTranslation();
  const copy = useCopyProfile();
  const [id, setId] = useState(`${from.id}-daerah`);
  return (
    <Stack>
      <TextInput
        label={t('compliance.profiles.newId')}
        description={t('compliance.profiles.idHelp')}
        value={id}
        onChange={(event) => setId(event.currentTarget.value)}
      />
      <ProblemAlert error={copy.error} />
      <Button
        loading={copy.isPending}
        onClick={() =>
          copy
            .mutateAsync({ from: from.id, id })
            .then(() => {
              notifySuccess(t('compliance.profiles.copied', { id }));
              onDone();
            })
            .catch(() => {})
        }
      >
        {t('compliance.profiles.copy')}
      </Button>
    </Stack>
  );
}

/** Imports a JSON file; a refusal lists every problem with its JSON pointer. */
function ImportCard() {
  const { t } = useTranslation();
  const importer = useImportProfile();
  const [file, setFile] = useState<File | null>(null);
  const [id, setId] = useState('');
  const [parseError, setParseError] = useState<string | null>(null);
  const submit = async () => {
    setParseError(null);
    if (!file) return;
    let document: unknown;
    try {
      document = JSON.parse(await file.text());
    } catch {
      setParseError(t('compliance.profiles.notJson'));
      return;
    }
    await importer.mutateAsync({ id, document });
    notifySuccess(t('compliance.profiles.imported', { id }));
    setFile(null);
  };
  const problems =
    importer.error && isProblemError(importer.error) ? (importer.error.problem.errors ?? []) : [];
  return (
    <Card withBorder>
      <Stack>
        <Title order={4}>{t('compliance.profiles.import')}</Title>
        <Text size="sm" c="dimmed">
          {t('compliance.profiles.importHelp')}
        </Text>
        <Group align="flex-end">
          <TextInput
            label={t('compliance.profiles.newId')}
            value={id}
            onChange={(event) => setId(event.currentTarget.value)}
            w={260}
          />
          <FileInput
            label={t('compliance.profiles.file')}
            accept="application/json,.json"
            value={file}
            onChange={setFile}
            w={300}
          />
          <Button
            loading={importer.isPending}
            disabled={!file || !id}
            onClick={() => void submit().catch(() => {})}
          >
            {t('compliance.profiles.import')}
          </Button>
        </Group>
        {parseError ? <Text c="red">{parseError}</Text> : null}
        <ProblemAlert error={importer.error} />
        {problems.length ? (
          <List size="sm" data-testid="import-problems">
            {problems.map((p) => (
              <List.Item key={`${p.path}-${p.message}`}>
                <code>{p.path}</code>: {p.message}
              </List.Item>
            ))}
          </List>
        ) : null}
      </Stack>
    </Card>
  );
}
