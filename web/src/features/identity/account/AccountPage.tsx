import { Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../platform/auth/useSession';
import { PageHeader } from '../../../platform/ui/PageHeader';
import { SectionCard } from '../../../platform/ui/SectionCard';
import { RoleBadges } from '../users/RoleBadges';
import { ChangePasswordForm } from './ChangePasswordForm';
import { TokensSection } from './TokensSection';
import { TotpSection } from './TotpSection';

export function AccountPage() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <>
      <PageHeader title={t('account.title')} description={me.email} />
      <Stack>
        <SectionCard title={t('account.profile')}>
          <Stack gap={6}>
            <Text fw={600}>{me.name}</Text>
            <Text size="sm" c="dimmed">
              {me.agency ? `${me.agency.code} — ${me.agency.name}` : t('common.none')}
            </Text>
            <Group gap={4}>
              <RoleBadges roles={me.roles} />
            </Group>
          </Stack>
        </SectionCard>
        <SectionCard title={t('account.password.title')}>
          <ChangePasswordForm />
        </SectionCard>
        <SectionCard title={t('account.totp.title')}>
          <TotpSection />
        </SectionCard>
        <SectionCard title={t('account.tokens.title')}>
          <TokensSection />
        </SectionCard>
      </Stack>
    </>
  );
}
