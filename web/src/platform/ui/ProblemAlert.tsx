import { Alert, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isProblemError } from '../api/problem';

/** Shows the localised `detail` of a failed call (or a generic message for unexpected errors). */
export function ProblemAlert({ error, title }: { error: unknown; title?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  const problem = isProblemError(error) ? error.problem : null;
  const message =
    problem?.detail ||
    (problem?.code === 'NETWORK_ERROR' ? t('errors.network') : t('errors.unexpected'));
  const heading = title ?? problem?.title ?? t('errors.title');
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertCircle size={18} />}
      title={heading && heading !== message ? heading : undefined}
      role="alert"
      data-testid="problem-alert"
    >
      <Text size="sm">{message}</Text>
      {problem?.requestId ? (
        <Text size="xs" c="dimmed" mt={4}>
          {t('errors.requestId', { id: problem.requestId })}
        </Text>
      ) : null}
    </Alert>
  );
}
