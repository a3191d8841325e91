import { useNavigate } from '@tanstack/react-router';
import { type Notification, useMarkRead } from '../api';
import { consoleHref } from '../links';

/** Opening a notification marks it read and goes to its subject, when it links to one. */
export function useOpenNotification() {
  const navigate = useNavigate();
  const markRead = useMarkRead();
  return (notification: Notification) => {
    if (!notification.readAt) markRead.mutate(notification.id);
    const href = consoleHref(notification.link);
    if (href) void navigate({ href });
  };
}
