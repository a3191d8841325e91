import { Badge, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AttachmentList } from '../../../platform/files/FileLink';
import { useFormatters } from '../../../platform/i18n/format';
import type { HostingTest } from '../api';
import type { CheckResult } from '../model';
import { checklistSummary } from './hostingForms';

const RESULT_COLORS: Record<CheckResult, string> = { pass: 'teal', fail: 'red', na: 'gray' };

/** Every round's recorded test, newest first: checklist, findings, reports. */
export function HostingTestRecords({ tests }: { tests: HostingTest[] }) {
  const { t } = useTranslation();
  if (tests.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('datacenter.test.none')}
      </Text>
    );
  }
  return (
    <Stack data-testid="hosting-test-records">
      {tests.map((test) => (
        <TestRecord key={test.round} test={test} />
      ))}
    </Stack>
  );
}

function TestRecord({ test }: { test: HostingTest }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const summary = checklistSummary(test.checklist);
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600}>{t('datacenter.test.round', { round: test.round })}</Text>
          <Group gap={4}>
            <Badge color="teal" variant="light">
              {t('datacenter.test.passCount', { count: summary.pass })}
            </Badge>
            <Badge color="red" variant="light">
              {t('datacenter.test.failCount', { count: summary.fail })}
            </Badge>
          </Group>
        </Group>
        <Text size="xs" c="dimmed">
          {t('datacenter.test.recordedBy', {
            name: test.recordedByName,
            at: format.dateTime(test.updatedAt),
          })}
        </Text>
        <Table withTableBorder verticalSpacing={4} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('datacenter.test.itemHeader')}</Table.Th>
              <Table.Th w={120}>{t('datacenter.test.resultHeader')}</Table.Th>
              <Table.Th>{t('datacenter.test.notesHeader')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {test.checklist.map((row, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a recorded checklist never reorders
              <Table.Tr key={index}>
                <Table.Td>{row.item}</Table.Td>
                <Table.Td>
                  <Badge color={RESULT_COLORS[row.result]} variant="light">
                    {t(`datacenter.test.results.${row.result}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>{row.notes ?? ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {test.findings ? (
          <div>
            <Text size="xs" c="dimmed">
              {t('datacenter.test.findings')}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="hosting-test-findings">
              {test.findings}
            </Text>
          </div>
        ) : null}
        <AttachmentList ids={test.attachmentIds} />
      </Stack>
    </Paper>
  );
}
