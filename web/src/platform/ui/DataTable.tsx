import {
  ActionIcon,
  Center,
  Group,
  Loader,
  Pagination,
  Paper,
  ScrollArea,
  Table,
  Text,
} from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { Fragment, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../i18n/format';
import { ProblemAlert } from './ProblemAlert';

export interface Column<T> {
  key: string;
  header: string;
  render: (row: T) => ReactNode;
}

export interface PageInfo {
  total: number;
  page: number;
  pageSize: number;
  onPageChange: (page: number) => void;
}

interface DataTableProps<T> {
  columns: Column<T>[];
  rows: T[] | undefined;
  rowKey: (row: T) => string;
  loading: boolean;
  error?: unknown;
  emptyText?: string;
  pagination?: PageInfo;
  /** When given, each row gets a toggle that shows this content underneath it. */
  renderExpanded?: (row: T) => ReactNode;
  testId?: string;
}

/** The one table used by every list screen: loading, error, empty and paginated states. */
export function DataTable<T>({
  columns,
  rows,
  rowKey,
  loading,
  error,
  emptyText,
  pagination,
  renderExpanded,
  testId,
}: DataTableProps<T>) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const columnCount = columns.length + (renderExpanded ? 1 : 0);

  const toggle = (key: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });

  let body: ReactNode;
  if (loading && !rows) {
    body = (
      <Table.Tr>
        <Table.Td colSpan={columnCount}>
          <Center py="xl">
            <Loader size="sm" aria-label={t('common.loading')} />
          </Center>
        </Table.Td>
      </Table.Tr>
    );
  } else if (!rows || rows.length === 0) {
    body = (
      <Table.Tr>
        <Table.Td colSpan={columnCount}>
          <Text c="dimmed" ta="center" py="xl">
            {emptyText ?? t('common.empty')}
          </Text>
        </Table.Td>
      </Table.Tr>
    );
  } else {
    body = rows.map((row) => {
      const key = rowKey(row);
      const isOpen = expanded.has(key);
      return (
        <Fragment key={key}>
          <Table.Tr>
            {renderExpanded ? (
              <Table.Td w={40}>
                <ActionIcon
                  variant="subtle"
                  aria-label={isOpen ? t('common.hideDetails') : t('common.showDetails')}
                  aria-expanded={isOpen}
                  onClick={() => toggle(key)}
                >
                  {isOpen ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
                </ActionIcon>
              </Table.Td>
            ) : null}
            {columns.map((column) => (
              <Table.Td key={column.key}>{column.render(row)}</Table.Td>
            ))}
          </Table.Tr>
          {renderExpanded && isOpen ? (
            <Table.Tr>
              <Table.Td colSpan={columnCount} bg="var(--mantine-color-gray-0)">
                {renderExpanded(row)}
              </Table.Td>
            </Table.Tr>
          ) : null}
        </Fragment>
      );
    });
  }

  const pageCount = pagination ? Math.max(1, Math.ceil(pagination.total / pagination.pageSize)) : 1;

  return (
    <Paper withBorder radius="md" data-testid={testId}>
      {error ? <ProblemAlert error={error} /> : null}
      <ScrollArea>
        <Table striped highlightOnHover verticalSpacing="sm" miw={640}>
          <Table.Thead>
            <Table.Tr>
              {renderExpanded ? <Table.Th w={40} /> : null}
              {columns.map((column) => (
                <Table.Th key={column.key}>{column.header}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>{body}</Table.Tbody>
        </Table>
      </ScrollArea>
      {pagination ? (
        <Group justify="space-between" p="sm">
          <Text size="sm" c="dimmed">
            {t('common.totalItems', {
              count: pagination.total,
              total: format.number(pagination.total),
            })}
          </Text>
          {pageCount > 1 ? (
            <Pagination
              total={pageCount}
              value={pagination.page}
              onChange={pagination.onPageChange}
              size="sm"
              getControlProps={(control) =>
                control === 'next'
                  ? { 'aria-label': t('common.nextPage') }
                  : control === 'previous'
                    ? { 'aria-label': t('common.previousPage') }
                    : {}
              }
            />
          ) : null}
        </Group>
      ) : null}
    </Paper>
  );
}
