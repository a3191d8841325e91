import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * The scopes of a subscription as the provider and the Dinas approve them: each one named, or
 * "all the API declares" when the request named none (null), or "none" for an empty list (only
 * the operations without a scope).
 */
export function ScopeList({ scopes }: { scopes: string[] | null }) {
  const { t } = useTranslation();
  if (scopes === null) return <Text size="sm">{t('interop.subscription.allScopes')}</Text>;
  if (scopes.length === 0) return <Text size="sm">{t('interop.subscription.noScopes')}</Text>;
  return (
    <Group gap={4} data-testid="subscription-scopes">
      {scopes.map((scope) => (
        <Badge key={scope} variant="light" tt="none">
          {scope}
        </Badge>
      ))}
    </Group>
  );
}
