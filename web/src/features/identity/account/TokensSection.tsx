import { Alert, Button, Group, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../platform/i18n/format';
import { ConfirmButton } from '../../../platform/ui/ConfirmButton';
import { type Column, DataTable } from '../../../platform/ui/DataTable';
import { notifySuccess, submitWith } from '../../../platform/ui/forms';
import { ProblemAlert } from '../../../platform/ui/ProblemAlert';
import { type ApiToken, useCreateToken, useRevokeToken, useTokens } from '../api';
import { CopyField } from './CopyField';

interface TokenValues {
  name: string;
  expiresInDays: number | string;
}

export function TokensSection() {
  const { t } = useTranslation();
  const format = useFormatters();
  const tokens = useTokens();
  const create = useCreateToken();
  const revoke = useRevokeToken();
  const [newToken, setNewToken] = useState<string | null>(null);
  const form = useForm<TokenValues>({
    mode: 'controlled',
    initialValues: { name: '', expiresInDays: 90 },
    validate: { name: (value) => (value.trim() ? null : t('validation.required')) },
  });

  const submit = async ({ name, expiresInDays }: TokenValues) => {
    const days = typeof expiresInDays === 'number' ? expiresInDays : undefined;
    const result = await create.mutateAsync({ name: name.trim(), expiresInDays: days });
    setNewToken(result.token);
    form.reset();
  };

  const columns: Column<ApiToken>[] = [
    { key: 'name', header: t('account.tokens.name'), render: (token) => token.name },
    {
      key: 'prefix',
      header: t('account.tokens.prefix'),
      render: (token) => <Text ff="monospace">{token.prefix}…</Text>,
    },
    {
      key: 'createdAt',
      header: t('account.tokens.createdAt'),
      render: (token) => format.dateTime(token.createdAt),
    },
    {
      key: 'lastUsedAt',
      header: t('account.tokens.lastUsedAt'),
      render: (token) => (token.lastUsedAt ? format.dateTime(token.lastUsedAt) : t('common.never')),
    },
    {
      key: 'expiresAt',
      header: t('account.tokens.expiresAt'),
      render: (token) => (token.expiresAt ? format.dateTime(token.expiresAt) : t('common.never')),
    },
    {
      key: 'actions',
      header: '',
      render: (token) => (
        <ConfirmButton
          size="xs"
          variant="light"
          color="red"
          message={t('account.tokens.revokeConfirm', { name: token.name })}
          onConfirm={() =>
            revoke.mutate(token.id, {
              onSuccess: () => notifySuccess(t('account.tokens.revoked')),
            })
          }
        >
          {t('account.tokens.revoke')}
        </ConfirmButton>
      ),
    },
  ];

  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t('account.tokens.intro')}
      </Text>
      {newToken ? (
        <Alert color="teal" variant="light" title={t('account.tokens.createdTitle')}>
          <Stack gap="sm">
            <Text size="sm">{t('account.tokens.showOnce')}</Text>
            <CopyField label={t('account.tokens.newToken')} value={newToken} testId="new-token" />
            <Group>
              <Button size="xs" variant="default" onClick={() => setNewToken(null)}>
                {t('account.tokens.dismiss')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      ) : null}
      <form onSubmit={submitWith(form, submit)} noValidate>
        <Stack gap="sm">
          <ProblemAlert error={create.error} />
          <Group align="flex-end">
            <TextInput
              label={t('account.tokens.name')}
              required
              w={{ base: '100%', sm: 280 }}
              {...form.getInputProps('name')}
            />
            <NumberInput
              label={t('account.tokens.expiresInDays')}
              min={1}
              max={365}
              allowDecimal={false}
              w={{ base: '100%', sm: 180 }}
              {...form.getInputProps('expiresInDays')}
            />
            <Button type="submit" loading={create.isPending}>
              {t('account.tokens.create')}
            </Button>
          </Group>
        </Stack>
      </form>
      <ProblemAlert error={revoke.error} />
      <DataTable
        testId="tokens-table"
        columns={columns}
        rows={tokens.data?.items}
        rowKey={(token) => token.id}
        loading={tokens.isPending}
        error={tokens.error}
        emptyText={t('account.tokens.empty')}
      />
    </Stack>
  );
}
