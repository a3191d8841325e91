import {
  ActionIcon,
  Button,
  Divider,
  Group,
  Indicator,
  Loader,
  Popover,
  ScrollArea,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBell } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../../platform/ui/links';
import { ProblemAlert } from '../../../platform/ui/ProblemAlert';
import { useInbox, useMarkAllRead } from '../api';
import { NotificationSummary } from './NotificationItem';
import { useOpenNotification } from './useOpenNotification';

const LATEST = 8;

/** The header bell: the unread count, and the latest notifications in a dropdown. */
export function NotificationBell() {
  const { t } = useTranslation();
  const [opened, dropdown] = useDisclosure(false);
  const inbox = useInbox({ pageSize: LATEST }, { poll: true });
  const markAll = useMarkAllRead();
  const openNotification = useOpenNotification();
  const unread = inbox.data?.unread ?? 0;
  const items = inbox.data?.items ?? [];

  return (
    <Popover
      opened={opened}
      onChange={(value) => (value ? dropdown.open() : dropdown.close())}
      position="bottom-end"
      width={360}
      shadow="md"
      withinPortal
    >
      <Popover.Target>
        <Indicator
          disabled={unread === 0}
          label={unread > 99 ? '99+' : unread}
          size={16}
          color="red"
          offset={4}
        >
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            aria-label={
              unread > 0
                ? t('notifications.bellUnread', { count: unread })
                : t('notifications.bell')
            }
            data-testid="notification-bell"
            onClick={dropdown.toggle}
          >
            <IconBell size={20} />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p={0} data-testid="notification-dropdown">
        <Group justify="space-between" px="sm" py="xs">
          <Text fw={600} size="sm">
            {t('notifications.title')}
          </Text>
          <Button
            size="compact-xs"
            variant="subtle"
            disabled={unread === 0}
            loading={markAll.isPending}
            onClick={() => markAll.mutate()}
          >
            {t('notifications.markAllRead')}
          </Button>
        </Group>
        <Divider />
        <ScrollArea.Autosize mah={400}>
          {inbox.isPending ? (
            <Group justify="center" p="md">
              <Loader size="sm" aria-label={t('common.loading')} />
            </Group>
          ) : inbox.isError ? (
            <ProblemAlert error={inbox.error} />
          ) : items.length === 0 ? (
            <Text size="sm" c="dimmed" p="md" ta="center">
              {t('notifications.empty')}
            </Text>
          ) : (
            <Stack gap={0}>
              {items.map((notification) => (
                <UnstyledButton
                  key={notification.id}
                  px="sm"
                  py="xs"
                  onClick={() => {
                    dropdown.close();
                    openNotification(notification);
                  }}
                  style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
                  bg={notification.readAt ? undefined : 'var(--mantine-color-indigo-0)'}
                >
                  <NotificationSummary notification={notification} lineClamp={2} />
                </UnstyledButton>
              ))}
            </Stack>
          )}
        </ScrollArea.Autosize>
        <Divider />
        <Group justify="center" p="xs">
          <AnchorLink to="/notifications" size="sm" onClick={dropdown.close}>
            {t('notifications.viewAll')}
          </AnchorLink>
        </Group>
      </Popover.Dropdown>
    </Popover>
  );
}
