import { Group, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../platform/i18n/format';
import { ProblemAlert } from '../../../platform/ui/ProblemAlert';
import { useUsage } from '../api';

/**
 * "Penggunaan": calls, errors and latency percentiles per API, consumer and day, from the exchange
 * log — the usage report of SPBE indicator 18.
 */
export function UsagePage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const usage = useUsage({ from: from || undefined, to: to || undefined });
  const data = usage.data;
  return (
    <>
      <Text c="dimmed" size="sm" mb="xs">
        {t('interop.usage.description')}
      </Text>
      <Group mb="md" align="flex-end">
        <TextInput
          type="date"
          label={t('interop.usage.from')}
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={t('interop.usage.to')}
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
        />
        {data ? (
          <Text size="sm" data-testid="usage-totals">
            {t('interop.usage.totals', {
              calls: format.number(data.totals.calls),
              errors: format.number(data.totals.errors),
            })}
          </Text>
        ) : null}
      </Group>
      <ProblemAlert error={usage.error} />
      <Table striped withTableBorder aria-label={t('interop.tabs.usage')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('interop.usage.day')}</Table.Th>
            <Table.Th>{t('interop.subscription.api')}</Table.Th>
            <Table.Th>{t('interop.usage.consumer')}</Table.Th>
            <Table.Th>{t('interop.usage.calls')}</Table.Th>
            <Table.Th>{t('interop.usage.errors')}</Table.Th>
            <Table.Th>p50 (ms)</Table.Th>
            <Table.Th>p95 (ms)</Table.Th>
            <Table.Th>p99 (ms)</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data && data.rows.length === 0 ? (
            <Table.Tr>
              <Table.Td colSpan={8}>
                <Text size="sm" c="dimmed">
                  {t('interop.usage.empty')}
                </Text>
              </Table.Td>
            </Table.Tr>
          ) : null}
          {(data?.rows ?? []).map((row) => (
            <Table.Tr key={`${row.day}:${row.api.id}:${row.consumer.id}`}>
              <Table.Td>{format.date(row.day)}</Table.Td>
              <Table.Td>{`${row.api.name} ${row.api.version}`}</Table.Td>
              <Table.Td>{row.consumer.name}</Table.Td>
              <Table.Td>{format.number(row.calls)}</Table.Td>
              <Table.Td>{format.number(row.errors)}</Table.Td>
              <Table.Td>{row.p50}</Table.Td>
              <Table.Td>{row.p95}</Table.Td>
              <Table.Td>{row.p99}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
