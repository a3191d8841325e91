import {
  ActionIcon,
  Button,
  Group,
  Radio,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { randomId } from '@mantine/hooks';
import { IconChecks, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { FileMetadata } from '../../../platform/files/api';
import { FileUploadField } from '../../../platform/files/FileUploadField';
import { notifySuccess, submitWith } from '../../../platform/ui/forms';
import { ProblemAlert } from '../../../platform/ui/ProblemAlert';
import { visuallyHidden } from '../../../platform/ui/visuallyHidden';
import { type HostingRequest, useRecordHostingTest } from '../api';
import { CHECK_RESULTS } from '../model';
import { type ChecklistRow, hostingTestInput, initialChecklist } from './hostingForms';

const RESULT_COLORS = { pass: 'teal', fail: 'red', na: 'gray' } as const;

interface TestValues {
  checklist: (ChecklistRow & { key: string })[];
  findings: string;
  attachments: FileMetadata[];
}

/**
 * The Dinas's security and feasibility test of the current round (Perbup Tabanan 44/2022 Pasal 14
 * ayat (10) huruf b): a result per checklist item, the findings and the reports attached. Saving
 * again replaces the round's record; completing the test is the "Selesaikan uji" action.
 */
export function HostingTestForm({ request }: { request: HostingRequest }) {
  const { t } = useTranslation();
  const record = useRecordHostingTest(request.id);
  const saved = request.tests.find((test) => test.round === request.testRound);
  const form = useForm<TestValues>({
    mode: 'controlled',
    initialValues: {
      checklist: initialChecklist(request).map((row, index) => ({ ...row, key: `row-${index}` })),
      findings: saved?.findings ?? '',
      attachments: [],
    },
    validate: {
      checklist: {
        item: (value) => (value.trim() ? null : t('validation.required')),
        result: (value) => (value ? null : t('datacenter.test.resultRequired')),
      },
    },
  });

  const submit = async (values: TestValues) => {
    await record.mutateAsync(
      hostingTestInput({
        checklist: values.checklist,
        findings: values.findings,
        attachmentIds: [
          ...(saved?.attachmentIds ?? []),
          ...values.attachments.map((file) => file.id),
        ],
      }),
    );
    notifySuccess(t('datacenter.test.saved'));
    form.setFieldValue('attachments', []);
  };

  const markAllPassed = () =>
    form.setFieldValue(
      'checklist',
      form.values.checklist.map((row) => ({ ...row, result: row.result ?? 'pass' })),
    );

  return (
    <form onSubmit={submitWith(form, submit)} noValidate data-testid="hosting-test-form">
      <Stack>
        <Text size="sm" c="dimmed">
          {t('datacenter.test.intro', { round: request.testRound })}
        </Text>
        <ProblemAlert error={record.error} />
        <Group>
          <Button
            variant="light"
            size="xs"
            leftSection={<IconChecks size={14} />}
            onClick={markAllPassed}
          >
            {t('datacenter.test.markAllPassed')}
          </Button>
        </Group>
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing={6} data-testid="hosting-checklist">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={32}>#</Table.Th>
                <Table.Th>{t('datacenter.test.itemHeader')}</Table.Th>
                <Table.Th w={290}>{t('datacenter.test.resultHeader')}</Table.Th>
                <Table.Th w={220}>{t('datacenter.test.notesHeader')}</Table.Th>
                <Table.Th w={40} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {form.values.checklist.map((row, index) => {
                const n = index + 1;
                return (
                  <Table.Tr key={row.key}>
                    <Table.Td>{n}</Table.Td>
                    <Table.Td>
                      <Textarea
                        label={t('datacenter.test.item', { n })}
                        styles={{ label: visuallyHidden }}
                        autosize
                        minRows={1}
                        required
                        {...form.getInputProps(`checklist.${index}.item`)}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Radio.Group
                        label={t('datacenter.test.result', { n })}
                        styles={{ label: visuallyHidden }}
                        required
                        {...form.getInputProps(`checklist.${index}.result`)}
                      >
                        <Group gap="sm" wrap="nowrap">
                          {CHECK_RESULTS.map((result) => (
                            <Radio
                              key={result}
                              value={result}
                              label={t(`datacenter.test.results.${result}`)}
                              color={RESULT_COLORS[result]}
                            />
                          ))}
                        </Group>
                      </Radio.Group>
                    </Table.Td>
                    <Table.Td>
                      <TextInput
                        label={t('datacenter.test.notes', { n })}
                        styles={{ label: visuallyHidden }}
                        {...form.getInputProps(`checklist.${index}.notes`)}
                      />
                    </Table.Td>
                    <Table.Td>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t('datacenter.test.removeItem', { n })}
                        onClick={() => form.removeListItem('checklist', index)}
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Group>
          <Button
            variant="default"
            size="xs"
            leftSection={<IconPlus size={14} />}
            onClick={() =>
              form.insertListItem('checklist', {
                key: randomId(),
                item: '',
                result: null,
                notes: '',
              })
            }
          >
            {t('datacenter.test.addItem')}
          </Button>
        </Group>
        <Textarea
          label={t('datacenter.test.findings')}
          autosize
          minRows={3}
          {...form.getInputProps('findings')}
        />
        <FileUploadField
          label={t('datacenter.test.attachments')}
          description={
            saved?.attachmentIds.length
              ? t('datacenter.test.attachmentsKept', { count: saved.attachmentIds.length })
              : undefined
          }
          agencyId={request.agency.id}
          multiple
          value={form.values.attachments}
          onChange={(files) => form.setFieldValue('attachments', files)}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={record.isPending}>
            {t('datacenter.test.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
