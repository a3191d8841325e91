import { Badge, Code, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Operation } from '../api';

const METHOD_COLORS: Record<string, string> = {
  GET: 'blue',
  POST: 'green',
  PUT: 'orange',
  PATCH: 'yellow',
  DELETE: 'red',
};

/** The operations of an API, as extracted from its OpenAPI description. */
export function OperationsTable({
  operations,
  basePath,
}: {
  operations: Operation[];
  basePath: string;
}) {
  const { t } = useTranslation();
  if (operations.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('interop.api.noOperations')}
      </Text>
    );
  }
  return (
    <Table striped withTableBorder aria-label={t('interop.api.operations')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('interop.api.method')}</Table.Th>
          <Table.Th>{t('interop.api.path')}</Table.Th>
          <Table.Th>{t('interop.api.summary')}</Table.Th>
          <Table.Th>{t('interop.api.scope')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {operations.map((op) => (
          <Table.Tr key={`${op.method} ${op.path}`}>
            <Table.Td>
              <Badge color={METHOD_COLORS[op.method] ?? 'gray'} variant="filled" radius="sm">
                {op.method}
              </Badge>
            </Table.Td>
            <Table.Td>
              <Code>{`${basePath}${op.path}`}</Code>
              <Text size="xs" c="dimmed">
                {op.operationId}
              </Text>
            </Table.Td>
            <Table.Td>{op.summary ?? '—'}</Table.Td>
            <Table.Td>{op.scope ? <Code>{op.scope}</Code> : '—'}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
