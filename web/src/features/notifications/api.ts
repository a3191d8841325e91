import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../platform/api/client';

/** One notification of the signed-in user, in the UI language. */
export interface Notification {
  id: string;
  kind: string;
  title: string;
  body: string;
  /** Console path of the subject, e.g. `/console/pusat-data/hosting/…`. */
  link: string | null;
  readAt: string | null;
  createdAt: string;
}

export interface Inbox extends Page<Notification> {
  unread: number;
}

export interface InboxFilters {
  unread?: boolean;
  page?: number;
  pageSize?: number;
}

export const MAIL_STATUSES = ['pending', 'sent', 'failed'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

export interface OutboxMail {
  id: string;
  to: string;
  subject: string;
  text: string;
  status: MailStatus;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

export interface OutboxFilters {
  status?: string | null;
  page?: number;
  pageSize?: number;
}

export const notificationKeys = {
  all: ['notifications'] as const,
  inboxes: () => [...notificationKeys.all, 'inbox'] as const,
  inbox: (filters: InboxFilters) => [...notificationKeys.inboxes(), filters] as const,
  outbox: (filters: OutboxFilters) => [...notificationKeys.all, 'outbox', filters] as const,
};

/** How often the header bell looks for new notifications. */
export const INBOX_POLL_MS = 30_000;

export function useInbox(filters: InboxFilters, options: { poll?: boolean } = {}) {
  return useQuery({
    queryKey: notificationKeys.inbox(filters),
    queryFn: ({ signal }) =>
      api<Inbox>('/notifications', {
        query: { ...filters, unread: filters.unread ? true : undefined },
        signal,
      }),
    placeholderData: keepPreviousData,
    refetchInterval: options.poll ? INBOX_POLL_MS : false,
    refetchOnWindowFocus: options.poll ?? false,
  });
}

function useInboxMutation<I>(request: (input: I) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.inboxes() }),
  });
}

export function useMarkRead() {
  return useInboxMutation((id: string) =>
    api<void>(`/notifications/${encodeURIComponent(id)}/read`, { method: 'POST' }),
  );
}

export function useMarkAllRead() {
  return useInboxMutation<void>(() => api<void>('/notifications/read-all', { method: 'POST' }));
}

export function useOutbox(filters: OutboxFilters) {
  return useQuery({
    queryKey: notificationKeys.outbox(filters),
    queryFn: ({ signal }) => api<Page<OutboxMail>>('/outbox', { query: { ...filters }, signal }),
    placeholderData: keepPreviousData,
  });
}
