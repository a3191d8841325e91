import {
  Badge,
  Button,
  Group,
  Modal,
  Select,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../platform/auth/useSession';
import { type Column, DataTable } from '../../../platform/ui/DataTable';
import { notifySuccess } from '../../../platform/ui/forms';
import { BackLink } from '../../../platform/ui/links';
import { ProblemAlert } from '../../../platform/ui/ProblemAlert';
import { QueryView } from '../../../platform/ui/QueryView';
import {
  KINDS,
  MODULES,
  type ProfileDocument,
  type ProfileObligation,
  useProfileDocument,
  useSaveObligation,
} from '../api';

const BINDS = ['agency', 'kominfo', 'cio', 'coordination_team', 'bupati', 'government', 'other'];
const PERIODS = [
  'continuous',
  'once',
  'yearly',
  'every_2_years',
  'every_5_years',
  'mid_term_and_final_year',
  'on_change',
];

/**
 * The obligations of one profile. A shipped profile is read-only; the regency's own is edited
 * here: add an obligation with its clause, reword one, or retire it (kept, no longer evaluated).
 */
export function ProfileEditorPage({ profileId }: { profileId: string }) {
  const { t } = useTranslation();
  const document = useProfileDocument(profileId);
  return (
    <QueryView
      query={document}
      header={<BackLink to="/compliance/profiles">{t('compliance.profiles.back')}</BackLink>}
    >
      {(doc) => <Editor profileId={profileId} doc={doc} />}
    </QueryView>
  );
}

function Editor({ profileId, doc }: { profileId: string; doc: ProfileDocument }) {
  const { t } = useTranslation();
  const can = useCan();
  const shipped = [
    'purbalingga-45-2024',
    'sragen-41-2019',
    'oku-timur-2022',
    'tabanan-44-2022',
  ].includes(profileId);
  const editable = !shipped && can('complianceProfile:manage');
  const [editing, setEditing] = useState<ProfileObligation | 'new' | null>(null);
  const columns: Column<ProfileObligation>[] = [
    {
      key: 'clause',
      header: t('compliance.fields.clause'),
      render: (o) => (
        <Stack gap={0} maw={520}>
          <Text size="sm" fw={500} td={o.retired ? 'line-through' : undefined}>
            {o.article}
          </Text>
          <Text size="xs" c="dimmed" lineClamp={2}>
            {o.text}
          </Text>
        </Stack>
      ),
    },
    {
      key: 'binds',
      header: t('compliance.fields.binds'),
      render: (o) => t(`compliance.binds.${o.binds}`),
    },
    {
      key: 'module',
      header: t('compliance.fields.module'),
      render: (o) => t(`compliance.modules.${o.module}`),
    },
    {
      key: 'state',
      header: '',
      render: (o) => (
        <Group gap={4} justify="flex-end">
          {o.retired ? <Badge color="gray">{t('compliance.profiles.retired')}</Badge> : null}
          {editable ? (
            <Button size="xs" variant="default" onClick={() => setEditing(o)}>
              {t('compliance.profiles.edit')}
            </Button>
          ) : null}
        </Group>
      ),
    },
  ];
  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Title order={3}>{doc.regulation.title}</Title>
          <Text size="xs" c="dimmed">
            {profileId} · {doc.regulation.region}
          </Text>
        </Stack>
        {editable ? (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
            {t('compliance.profiles.addObligation')}
          </Button>
        ) : null}
      </Group>
      {shipped ? (
        <Text size="sm" c="dimmed">
          {t('compliance.profiles.shippedReadOnly')}
        </Text>
      ) : null}
      <DataTable
        testId="profile-obligations-table"
        columns={columns}
        rows={doc.obligations}
        rowKey={(o) => o.id}
        loading={false}
      />
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={
          editing === 'new' ? t('compliance.profiles.addObligation') : t('compliance.profiles.edit')
        }
        size="lg"
      >
        {editing ? (
          <ObligationForm
            profileId={profileId}
            obligation={editing === 'new' ? null : editing}
            onDone={() => setEditing(null)}
          />
        ) : null}
      </Modal>
    </Stack>
  );
}

function ObligationForm({
  profileId,
  obligation,
  onDone,
}: {
  profileId: string;
  obligation: ProfileObligation | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveObligation(profileId);
  const [value, setValue] = useState<ProfileObligation>(
    obligation ?? {
      id: `${profileId}.p`,
      article: 'Pasal ',
      text: '',
      summary_en: '',
      binds: 'agency',
      kind: 'recurring_submission',
      period: 'yearly',
      module: 'compliance',
      check: 'manual attestation',
    },
  );
  const set = <K extends keyof ProfileObligation>(key: K, v: ProfileObligation[K]) =>
    setValue((current) => ({ ...current, [key]: v }));
  const options = (values: readonly string[], prefix: string) =>
    values.map((v) => ({ value: v, label: t(`${prefix}.${v}`) }));
  return (
    <Stack>
      <TextInput
        label={t('compliance.profiles.obligationId')}
        disabled={obligation !== null}
        value={value.id}
        onChange={(e) => set('id', e.currentTarget.value)}
      />
      <TextInput
        label={t('compliance.fields.clause')}
        value={value.article}
        onChange={(e) => set('article', e.currentTarget.value)}
      />
      <Textarea
        label={t('compliance.profiles.text')}
        autosize
        minRows={3}
        value={value.text}
        onChange={(e) => set('text', e.currentTarget.value)}
      />
      <Textarea
        label={t('compliance.profiles.summaryEn')}
        autosize
        minRows={2}
        value={value.summary_en}
        onChange={(e) => set('summary_en', e.currentTarget.value)}
      />
      <Group grow>
        <Select
          label={t('compliance.fields.binds')}
          data={options(BINDS, 'compliance.binds')}
          value={value.binds}
          onChange={(v) => v && set('binds', v)}
          allowDeselect={false}
        />
        <Select
          label={t('compliance.fields.kind')}
          data={options(KINDS, 'compliance.kinds')}
          value={value.kind}
          onChange={(v) => v && set('kind', v)}
          allowDeselect={false}
        />
      </Group>
      <Group grow>
        <Select
          label={t('compliance.profiles.period')}
          data={options(PERIODS, 'compliance.periods')}
          value={value.period}
          onChange={(v) => set('period', v)}
          clearable
        />
        <Select
          label={t('compliance.fields.module')}
          data={options(MODULES, 'compliance.modules')}
          value={value.module}
          onChange={(v) => v && set('module', v)}
          allowDeselect={false}
        />
      </Group>
      <Textarea
        label={t('compliance.fields.check')}
        autosize
        value={value.check}
        onChange={(e) => set('check', e.currentTarget.value)}
      />
      <Switch
        label={t('compliance.profiles.retire')}
        checked={Boolean(value.retired)}
        onChange={(e) => set('retired', e.currentTarget.checked)}
      />
      <ProblemAlert error={save.error} />
      <Group justify="flex-end">
        <Button
          loading={save.isPending}
          onClick={() =>
            save
              .mutateAsync(value)
              .then(() => {
                notifySuccess(t('compliance.profiles.obligationSaved'));
                onDone();
              })
              .catch(() => {})
          }
        >
          {t('common.save')}
        </Button>
      </Group>
    </Stack>
  );
}
