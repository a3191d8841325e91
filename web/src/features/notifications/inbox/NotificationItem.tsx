import { Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../platform/i18n/format';
import type { Notification } from '../api';

/** Title, body and time of one notification; unread ones are bold with a badge. */
export function NotificationSummary({
  notification,
  lineClamp,
}: {
  notification: Notification;
  lineClamp?: number;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const unread = !notification.readAt;
  return (
    <Stack gap={2}>
      <Group gap={6} wrap="nowrap" justify="space-between" align="flex-start">
        <Text size="sm" fw={unread ? 700 : 500}>
          {notification.title}
        </Text>
        {unread ? (
          <Badge size="xs" variant="filled" color="indigo">
            {t('notifications.new')}
          </Badge>
        ) : null}
      </Group>
      <Text size="sm" c="dimmed" lineClamp={lineClamp} style={{ whiteSpace: 'pre-wrap' }}>
        {notification.body}
      </Text>
      <Text size="xs" c="dimmed">
        {format.dateTime(notification.createdAt)}
      </Text>
    </Stack>
  );
}
