import { Badge, Code, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../platform/i18n/format';
import { type Column, DataTable } from '../../../platform/ui/DataTable';
import { enumOptions } from '../../../platform/ui/options';
import { PageHeader } from '../../../platform/ui/PageHeader';
import { DEFAULT_PAGE_SIZE } from '../../../platform/ui/useListState';
import { MAIL_STATUSES, type OutboxMail, useOutbox } from '../api';

const STATUS_COLORS: Record<OutboxMail['status'], string> = {
  pending: 'yellow',
  sent: 'teal',
  failed: 'red',
};

/** "Kotak Keluar Email": every mail Simpul wrote, sent or waiting for SMTP (Diskominfo admin). */
export function OutboxPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const [status, setStatus] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const outbox = useOutbox({ status, page, pageSize: DEFAULT_PAGE_SIZE });

  const columns: Column<OutboxMail>[] = [
    {
      key: 'createdAt',
      header: t('outbox.fields.createdAt'),
      render: (mail) => format.dateTime(mail.createdAt),
    },
    { key: 'to', header: t('outbox.fields.to'), render: (mail) => mail.to },
    { key: 'subject', header: t('outbox.fields.subject'), render: (mail) => mail.subject },
    {
      key: 'status',
      header: t('outbox.fields.status'),
      render: (mail) => (
        <Badge color={STATUS_COLORS[mail.status]} variant="light">
          {t(`outbox.statuses.${mail.status}`)}
        </Badge>
      ),
    },
    { key: 'attempts', header: t('outbox.fields.attempts'), render: (mail) => mail.attempts },
    {
      key: 'sentAt',
      header: t('outbox.fields.sentAt'),
      render: (mail) => format.dateTime(mail.sentAt),
    },
  ];

  return (
    <>
      <PageHeader title={t('outbox.title')} description={t('outbox.description')} />
      <Select
        mb="md"
        label={t('outbox.fields.status')}
        placeholder={t('common.all')}
        clearable
        data={enumOptions(t, MAIL_STATUSES, 'outbox.statuses')}
        value={status}
        onChange={(value) => {
          setStatus(value);
          setPage(1);
        }}
        w={{ base: '100%', sm: 220 }}
      />
      <DataTable
        testId="outbox-table"
        columns={columns}
        rows={outbox.data?.items}
        rowKey={(mail) => mail.id}
        loading={outbox.isPending}
        error={outbox.error}
        emptyText={t('outbox.empty')}
        renderExpanded={(mail) => (
          <Stack gap="xs">
            {mail.lastError ? (
              <Text size="sm" c="red">
                {t('outbox.lastError', { error: mail.lastError })}
              </Text>
            ) : null}
            <Code block>{mail.text}</Code>
          </Stack>
        )}
        pagination={{
          total: outbox.data?.total ?? 0,
          page,
          pageSize: DEFAULT_PAGE_SIZE,
          onPageChange: setPage,
        }}
      />
    </>
  );
}
