import { Code, Switch, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ChangeKind, diffSnapshots, formatJsonValue } from './jsonDiff';

const ROW_COLORS: Record<ChangeKind, string | undefined> = {
  added: 'var(--mantine-color-teal-0)',
  removed: 'var(--mantine-color-red-0)',
  changed: 'var(--mantine-color-yellow-0)',
  unchanged: undefined,
};

function Value({ value }: { value: unknown }) {
  if (value === undefined) return <Text c="dimmed">—</Text>;
  return (
    <Code
      block
      style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', background: 'transparent' }}
    >
      {formatJsonValue(value)}
    </Code>
  );
}

/** Before/after table of an audit event; unchanged fields are hidden unless asked for. */
export function SnapshotDiff({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation();
  const [showUnchanged, setShowUnchanged] = useState(false);
  const entries = diffSnapshots(before, after);
  const visible = showUnchanged ? entries : entries.filter((entry) => entry.change !== 'unchanged');

  if (entries.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('audit.noSnapshot')}
      </Text>
    );
  }

  return (
    <>
      <Switch
        size="xs"
        mb="xs"
        label={t('audit.showUnchanged')}
        checked={showUnchanged}
        onChange={(event) => setShowUnchanged(event.currentTarget.checked)}
      />
      <Table withTableBorder withColumnBorders layout="fixed" data-testid="audit-diff">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="20%">{t('audit.field')}</Table.Th>
            <Table.Th>{t('audit.before')}</Table.Th>
            <Table.Th>{t('audit.after')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {visible.map((entry) => (
            <Table.Tr key={entry.key} bg={ROW_COLORS[entry.change]} data-change={entry.change}>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {entry.key || t('audit.wholeRecord')}
                </Text>
              </Table.Td>
              <Table.Td>
                <Value value={entry.before} />
              </Table.Td>
              <Table.Td>
                <Value value={entry.after} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
