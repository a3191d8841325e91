import { Alert, Anchor, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AuthCard } from '../../../platform/layout/AuthCard';
import { useLogout } from '../api';
import { ChangePasswordForm } from './ChangePasswordForm';

/** Shown instead of the console while the account still has to replace its password. */
export function ForcedPasswordChangePage() {
  const { t } = useTranslation();
  const logout = useLogout();
  return (
    <AuthCard
      footer={
        <Anchor component="button" type="button" size="sm" onClick={() => logout.mutate()}>
          {t('shell.logout')}
        </Anchor>
      }
    >
      <Stack>
        <Title order={2}>{t('account.forced.title')}</Title>
        <Alert color="yellow" variant="light">
          {t('account.forced.explanation')}
        </Alert>
        <ChangePasswordForm />
      </Stack>
    </AuthCard>
  );
}
