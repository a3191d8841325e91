import {
  Button,
  Center,
  Checkbox,
  Group,
  Loader,
  Pagination,
  Paper,
  Stack,
  Text,
} from '@mantine/core';
import { IconCheck, IconExternalLink } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../platform/ui/PageHeader';
import { ProblemAlert } from '../../../platform/ui/ProblemAlert';
import { DEFAULT_PAGE_SIZE } from '../../../platform/ui/useListState';
import { useInbox, useMarkAllRead, useMarkRead } from '../api';
import { consoleHref } from '../links';
import { NotificationSummary } from './NotificationItem';
import { useOpenNotification } from './useOpenNotification';

/** The inbox ("Pemberitahuan"): every notification of the user, newest first. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [page, setPage] = useState(1);
  const inbox = useInbox({ unread: unreadOnly, page, pageSize: DEFAULT_PAGE_SIZE });
  const markAll = useMarkAllRead();
  const markRead = useMarkRead();
  const openNotification = useOpenNotification();
  const items = inbox.data?.items ?? [];
  const pageCount = Math.max(1, Math.ceil((inbox.data?.total ?? 0) / DEFAULT_PAGE_SIZE));

  return (
    <>
      <PageHeader
        title={t('notifications.title')}
        description={t('notifications.description', { count: inbox.data?.unread ?? 0 })}
        actions={
          <Button
            variant="light"
            leftSection={<IconCheck size={16} />}
            disabled={(inbox.data?.unread ?? 0) === 0}
            loading={markAll.isPending}
            onClick={() => markAll.mutate()}
          >
            {t('notifications.markAllRead')}
          </Button>
        }
      />
      <Checkbox
        mb="md"
        label={t('notifications.unreadOnly')}
        checked={unreadOnly}
        onChange={(event) => {
          setUnreadOnly(event.currentTarget.checked);
          setPage(1);
        }}
      />
      <ProblemAlert error={inbox.error ?? markRead.error ?? markAll.error} />
      {inbox.isPending ? (
        <Center py="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : items.length === 0 ? (
        <Text c="dimmed" ta="center" py="xl">
          {t('notifications.empty')}
        </Text>
      ) : (
        <Stack gap="xs" data-testid="notifications-list">
          {items.map((notification) => (
            <Paper
              key={notification.id}
              withBorder
              p="md"
              radius="md"
              bg={notification.readAt ? undefined : 'var(--mantine-color-indigo-0)'}
              data-testid="notification"
            >
              <NotificationSummary notification={notification} />
              <Group gap="xs" mt="xs">
                {consoleHref(notification.link) ? (
                  <Button
                    size="compact-sm"
                    variant="light"
                    leftSection={<IconExternalLink size={14} />}
                    onClick={() => openNotification(notification)}
                  >
                    {t('notifications.open')}
                  </Button>
                ) : null}
                {notification.readAt ? null : (
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    onClick={() => markRead.mutate(notification.id)}
                  >
                    {t('notifications.markRead')}
                  </Button>
                )}
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
      {pageCount > 1 ? (
        <Group justify="flex-end" mt="md">
          <Pagination total={pageCount} value={page} onChange={setPage} size="sm" />
        </Group>
      ) : null}
    </>
  );
}
