import { Alert, Badge, Button, Code, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconSearch, IconShieldCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { jakartaDayBoundary, useFormatters } from '../../../platform/i18n/format';
import { type Column, DataTable } from '../../../platform/ui/DataTable';
import { PageHeader } from '../../../platform/ui/PageHeader';
import { ProblemAlert } from '../../../platform/ui/ProblemAlert';
import { useListState } from '../../../platform/ui/useListState';
import { type AuditEvent, useAuditEvents, useVerifyAuditChain } from '../api';
import { SnapshotDiff } from './SnapshotDiff';

export function AuditTrailPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const list = useListState({ q: '', action: '', entityType: '', from: '', to: '' });
  const { filters } = list;
  const events = useAuditEvents({
    ...list.query,
    action: filters.action.trim(),
    entityType: filters.entityType.trim(),
    from: jakartaDayBoundary(filters.from, 'start'),
    to: jakartaDayBoundary(filters.to, 'end'),
  });
  const verify = useVerifyAuditChain();

  const columns: Column<AuditEvent>[] = [
    {
      key: 'occurredAt',
      header: t('audit.time'),
      render: (event) => format.dateTime(event.occurredAt),
    },
    {
      key: 'actor',
      header: t('audit.actor'),
      render: (event) => event.actorLabel ?? t('audit.system'),
    },
    {
      key: 'action',
      header: t('audit.action'),
      render: (event) => <Code>{event.action}</Code>,
    },
    {
      key: 'entity',
      header: t('audit.entity'),
      render: (event) => (
        <Stack gap={0}>
          <Text size="sm">{event.entityType}</Text>
          {event.entityId ? (
            <Text size="xs" c="dimmed" ff="monospace">
              {event.entityId}
            </Text>
          ) : null}
        </Stack>
      ),
    },
  ];

  const result = verify.data;

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        description={t('audit.description')}
        actions={
          <Button
            variant="light"
            leftSection={<IconShieldCheck size={16} />}
            loading={verify.isPending}
            onClick={() => verify.mutate()}
          >
            {t('audit.verify')}
          </Button>
        }
      />
      <Stack>
        <ProblemAlert error={verify.error} />
        {result ? (
          <Alert
            color={result.ok ? 'teal' : 'red'}
            variant="light"
            title={result.ok ? t('audit.verifyOk') : t('audit.verifyBroken')}
            withCloseButton
            onClose={() => verify.reset()}
            data-testid="audit-verify-result"
          >
            {result.ok
              ? t('audit.verifyOkDetail', {
                  count: result.checked,
                  checked: format.number(result.checked),
                })
              : t('audit.verifyBrokenDetail', {
                  seq: result.firstBrokenSeq ?? '?',
                  checked: format.number(result.checked),
                })}
          </Alert>
        ) : null}
        <Group align="flex-end">
          <TextInput
            label={t('common.search')}
            leftSection={<IconSearch size={16} />}
            value={filters.q}
            onChange={(event) => list.setFilter('q', event.currentTarget.value)}
            w={{ base: '100%', sm: 240 }}
          />
          <TextInput
            label={t('audit.action')}
            placeholder="agency.create"
            value={filters.action}
            onChange={(event) => list.setFilter('action', event.currentTarget.value)}
            w={{ base: '100%', sm: 180 }}
          />
          <TextInput
            label={t('audit.entityType')}
            placeholder="agency"
            value={filters.entityType}
            onChange={(event) => list.setFilter('entityType', event.currentTarget.value)}
            w={{ base: '100%', sm: 160 }}
          />
          <TextInput
            type="date"
            label={t('audit.from')}
            value={filters.from}
            onChange={(event) => list.setFilter('from', event.currentTarget.value)}
          />
          <TextInput
            type="date"
            label={t('audit.to')}
            value={filters.to}
            onChange={(event) => list.setFilter('to', event.currentTarget.value)}
          />
        </Group>
        <DataTable
          testId="audit-table"
          columns={columns}
          rows={events.data?.items}
          rowKey={(event) => event.id}
          loading={events.isPending}
          error={events.error}
          emptyText={t('audit.empty')}
          pagination={{
            total: events.data?.total ?? 0,
            page: list.page,
            pageSize: list.pageSize,
            onPageChange: list.setPage,
          }}
          renderExpanded={(event) => (
            <Stack gap="xs">
              <Group gap="xs">
                <Badge variant="outline">#{event.seq}</Badge>
                {event.requestId ? (
                  <Text size="xs" c="dimmed">
                    {t('audit.requestId')}: <Code>{event.requestId}</Code>
                  </Text>
                ) : null}
                {event.ip ? (
                  <Text size="xs" c="dimmed">
                    IP: <Code>{event.ip}</Code>
                  </Text>
                ) : null}
              </Group>
              <SnapshotDiff before={event.before} after={event.after} />
            </Stack>
          )}
        />
      </Stack>
    </>
  );
}
