import {
  AppShell,
  Avatar,
  Badge,
  Burger,
  Group,
  Menu,
  NavLink,
  ScrollArea,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  type Icon,
  IconApps,
  IconBell,
  IconBuildingCommunity,
  IconBuildingEstate,
  IconCalendarOff,
  IconChartBar,
  IconChevronDown,
  IconDatabase,
  IconGavel,
  IconHome,
  IconLogout,
  IconMailForward,
  IconPlugConnected,
  IconServer,
  IconShieldCheck,
  IconUserCircle,
  IconUsers,
} from '@tabler/icons-react';
import { Link, useNavigate, useRouterState } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLogout } from '../../features/identity/api';
import { NotificationBell } from '../../features/notifications/inbox/NotificationBell';
import { usePublicProfile } from '../../features/organization/api';
import { useMe } from '../auth/useSession';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { activeNavKey, NAVIGATION, visibleNavigation } from './navigation';

const ICONS: Record<string, Icon> = {
  home: IconHome,
  notifications: IconBell,
  outbox: IconMailForward,
  government: IconBuildingEstate,
  agencies: IconBuildingCommunity,
  users: IconUsers,
  audit: IconShieldCheck,
  holidays: IconCalendarOff,
  applications: IconApps,
  dataCenter: IconServer,
  interoperability: IconPlugConnected,
  oneData: IconDatabase,
  evaluation: IconChartBar,
  compliance: IconGavel,
};

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? '')
    .join('');
}

export function ConsoleShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  const profile = usePublicProfile();
  const logout = useLogout();
  const navigate = useNavigate();
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const [navOpened, nav] = useDisclosure(false);
  const sections = visibleNavigation(
    NAVIGATION,
    me.permissions,
    me.roles.map((grant) => grant.role),
  );
  const active = activeNavKey(sections, pathname);

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 270, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
      padding="lg"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={navOpened}
              onClick={nav.toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('shell.toggleNavigation')}
            />
            <Text fw={800} c="indigo" size="lg">
              Simpul
            </Text>
            {profile.data ? (
              <Text size="sm" c="dimmed" visibleFrom="sm" truncate>
                {profile.data.name}
              </Text>
            ) : null}
          </Group>
          <Group gap="sm" wrap="nowrap">
            <NotificationBell />
            <LanguageSwitch />
            <Menu position="bottom-end" width={220} withinPortal>
              <Menu.Target>
                <UnstyledButton aria-label={t('shell.userMenu')} data-testid="user-menu">
                  <Group gap={6} wrap="nowrap">
                    <Avatar size="sm" color="indigo" radius="xl">
                      {initials(me.name)}
                    </Avatar>
                    <Text size="sm" visibleFrom="sm" truncate maw={160}>
                      {me.name}
                    </Text>
                    <IconChevronDown size={14} />
                  </Group>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>{me.email}</Menu.Label>
                <Menu.Item
                  leftSection={<IconUserCircle size={16} />}
                  onClick={() => void navigate({ to: '/account' })}
                >
                  {t('shell.myAccount')}
                </Menu.Item>
                <Menu.Item
                  color="red"
                  leftSection={<IconLogout size={16} />}
                  onClick={() => logout.mutate()}
                >
                  {t('shell.logout')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label={t('shell.navigation')}>
        <ScrollArea>
          <Stack gap="md">
            {sections.map((section) => (
              <div key={section.key ?? 'main'}>
                {section.key ? (
                  <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" mb={4}>
                    {t(`nav.sections.${section.key}`)}
                  </Text>
                ) : null}
                {section.items.map((item) => {
                  const ItemIcon = ICONS[item.key] ?? IconApps;
                  const label = t(`nav.${item.key}`);
                  const icon = <ItemIcon size={18} stroke={1.6} />;
                  if (item.comingSoon || !item.to) {
                    return (
                      <NavLink
                        key={item.key}
                        label={label}
                        leftSection={icon}
                        disabled
                        rightSection={
                          <Badge size="xs" variant="light" color="gray">
                            {t('common.comingSoon')}
                          </Badge>
                        }
                      />
                    );
                  }
                  return (
                    <NavLink
                      key={item.key}
                      component={Link}
                      to={item.to}
                      label={label}
                      leftSection={icon}
                      active={active === item.key}
                      onClick={nav.close}
                    />
                  );
                })}
              </div>
            ))}
          </Stack>
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main bg="var(--mantine-color-gray-0)">{children}</AppShell.Main>
    </AppShell>
  );
}
