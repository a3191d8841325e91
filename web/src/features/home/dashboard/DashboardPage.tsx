import { Card, Group, SimpleGrid, Skeleton, Text, ThemeIcon, Title } from '@mantine/core';
import { IconBuildingCommunity, IconUsers } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan, useMe } from '../../../platform/auth/useSession';
import { useFormatters } from '../../../platform/i18n/format';
import { AnchorLink } from '../../../platform/ui/links';
import { useUsers } from '../../identity/api';
import { useAgencies, usePublicProfile } from '../../organization/api';

function StatCard({
  label,
  value,
  icon,
  link,
}: {
  label: string;
  /** `undefined` while loading, `null` when the count could not be loaded. */
  value: number | null | undefined;
  icon: ReactNode;
  link: ReactNode;
}) {
  const format = useFormatters();
  return (
    <Card withBorder padding="lg">
      <Group justify="space-between" align="flex-start">
        <div>
          <Text size="sm" c="dimmed">
            {label}
          </Text>
          {value === undefined ? (
            <Skeleton h={34} w={60} mt={4} />
          ) : (
            <Text fz={30} fw={700}>
              {value === null ? '—' : format.number(value)}
            </Text>
          )}
        </div>
        <ThemeIcon variant="light" size="xl" radius="md">
          {icon}
        </ThemeIcon>
      </Group>
      <Text size="sm" mt="sm">
        {link}
      </Text>
    </Card>
  );
}

export function DashboardPage() {
  const { t } = useTranslation();
  const me = useMe();
  const can = useCan();
  const profile = usePublicProfile();
  const agencies = useAgencies({ pageSize: 1 });
  const users = useUsers({ pageSize: 1 }, can('user:read'));

  return (
    <>
      <Title order={2}>{t('dashboard.greeting', { name: me.name })}</Title>
      <Text c="dimmed" mb="lg">
        {profile.data
          ? t('dashboard.subtitle', { government: profile.data.name })
          : t('dashboard.subtitleGeneric')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        <StatCard
          label={t('dashboard.agencies')}
          value={agencies.isError ? null : agencies.data?.total}
          icon={<IconBuildingCommunity size={24} />}
          link={<AnchorLink to="/organization/agencies">{t('dashboard.viewAgencies')}</AnchorLink>}
        />
        {can('user:read') ? (
          <StatCard
            label={t('dashboard.users')}
            value={users.isError ? null : users.data?.total}
            icon={<IconUsers size={24} />}
            link={<AnchorLink to="/organization/users">{t('dashboard.viewUsers')}</AnchorLink>}
          />
        ) : null}
      </SimpleGrid>
    </>
  );
}
