import {
  Button,
  Card,
  Group,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../platform/auth/useSession';
import { ProblemAlert } from '../../../platform/ui/ProblemAlert';
import {
  type ReferenceCode,
  type ReferenceList,
  useCreateReferenceList,
  useReferenceList,
  useReferenceLists,
} from '../api';

/** One code a line: `code;label` or `code;label;parent code` (tab or comma also separate). */
export function parseCodes(text: string): ReferenceCode[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [code = '', label = '', parentCode] = line.split(/[;\t]/).map((p) => p.trim());
      return parentCode ? { code, label, parentCode } : { code, label };
    });
}

/**
 * A new code list, or a new version of one (same code, new version): the walidata keeps master
 * data as versioned lists (Perpres 39/2019 Pasal 1 angka 10–11); older versions stay valid for
 * the schemas that name them (`ref:<code>@<version>`).
 */
function ReferenceListForm({ base, onDone }: { base: ReferenceList | null; onDone: () => void }) {
  const { t } = useTranslation();
  const create = useCreateReferenceList();
  const previous = useReferenceList(base?.id ?? null);
  const [values, setValues] = useState({
    code: base?.code ?? '',
    version: '',
    name: base?.name ?? '',
    source: base?.source ?? '',
    validFrom: new Date().toISOString().slice(0, 10),
  });
  const [codes, setCodes] = useState<string | null>(null);
  const codesText =
    codes ??
    (previous.data?.codes ?? [])
      .map((c) => [c.code, c.label, c.parentCode].filter(Boolean).join(';'))
      .join('\n');
  const set = (key: keyof typeof values) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value;
    setValues((v) => ({ ...v, [key]: value }));
  };
  const submit = async () => {
    await create.mutateAsync({ ...values, codes: parseCodes(codesText) });
    onDone();
  };
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Title order={5}>
          {base ? t('data.refLists.newVersionOf', { code: base.code }) : t('data.refLists.add')}
        </Title>
        {create.error ? <ProblemAlert error={create.error} /> : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('data.refLists.code')}
            description={t('data.refLists.codeHelp')}
            required
            disabled={base !== null}
            value={values.code}
            onChange={set('code')}
          />
          <TextInput
            label={t('data.refLists.version')}
            required
            value={values.version}
            onChange={set('version')}
          />
          <TextInput
            label={t('data.refLists.name')}
            required
            value={values.name}
            onChange={set('name')}
          />
          <TextInput
            label={t('data.refLists.source')}
            required
            value={values.source}
            onChange={set('source')}
          />
          <TextInput
            type="date"
            label={t('data.refLists.validFrom')}
            required
            value={values.validFrom}
            onChange={set('validFrom')}
          />
        </SimpleGrid>
        <Textarea
          label={t('data.refLists.codes')}
          description={t('data.refLists.codesHelp')}
          autosize
          minRows={5}
          maxRows={20}
          styles={{ input: { fontFamily: 'monospace' } }}
          value={codesText}
          onChange={(e) => setCodes(e.currentTarget.value)}
        />
        <Group>
          <Button onClick={submit} loading={create.isPending}>
            {t('common.save')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function ReferenceCodes({ id }: { id: string }) {
  const { t } = useTranslation();
  const list = useReferenceList(id);
  if (!list.data) return null;
  return (
    <Table withTableBorder aria-label={t('data.refLists.codes')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('data.refLists.code')}</Table.Th>
          <Table.Th>{t('data.refLists.label')}</Table.Th>
          <Table.Th>{t('data.refLists.parent')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {list.data.codes.map((c) => (
          <Table.Tr key={c.code}>
            <Table.Td>{c.code}</Table.Td>
            <Table.Td>{c.label}</Table.Td>
            <Table.Td>{c.parentCode}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Kode referensi: every version of every code list; the walidata adds lists and versions. */
export function ReferenceListsPanel() {
  const { t } = useTranslation();
  const can = useCan();
  const lists = useReferenceLists();
  const [form, setForm] = useState<ReferenceList | 'new' | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const canManage = can('referenceList:manage');
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={4}>{t('data.refLists.title')}</Title>
        {canManage && form === null ? (
          <Button onClick={() => setForm('new')}>{t('data.refLists.add')}</Button>
        ) : null}
      </Group>
      <Text size="sm" c="dimmed">
        {t('data.refLists.help')}
      </Text>
      {form !== null ? (
        <ReferenceListForm
          key={form === 'new' ? 'new' : form.id}
          base={form === 'new' ? null : form}
          onDone={() => setForm(null)}
        />
      ) : null}
      {lists.error ? <ProblemAlert error={lists.error} /> : null}
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('data.refLists.code')}</Table.Th>
            <Table.Th>{t('data.refLists.version')}</Table.Th>
            <Table.Th>{t('data.refLists.name')}</Table.Th>
            <Table.Th>{t('data.refLists.validFrom')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(lists.data ?? []).map((l) => (
            <Table.Tr key={l.id}>
              <Table.Td>
                <code>ref:{l.code}</code>
              </Table.Td>
              <Table.Td>{l.version}</Table.Td>
              <Table.Td>
                {l.name}
                <Text size="xs" c="dimmed">
                  {l.source}
                </Text>
              </Table.Td>
              <Table.Td>{l.validFrom}</Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Button
                    size="xs"
                    variant="subtle"
                    onClick={() => setOpen(open === l.id ? null : l.id)}
                  >
                    {t('data.refLists.showCodes')}
                  </Button>
                  {canManage ? (
                    <Button size="xs" variant="light" onClick={() => setForm(l)}>
                      {t('data.refLists.newVersion')}
                    </Button>
                  ) : null}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {open ? <ReferenceCodes id={open} /> : null}
    </Stack>
  );
}
