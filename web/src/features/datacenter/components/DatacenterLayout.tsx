import { Tabs } from '@mantine/core';
import { Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../platform/auth/useSession';
import type { ConsolePath } from '../../../platform/layout/navigation';
import { PageHeader } from '../../../platform/ui/PageHeader';
import { canReadActivities } from '../capabilities';

const TABS: { key: string; to: ConsolePath }[] = [
  { key: 'hosting', to: '/pusat-data/hosting' },
  { key: 'devices', to: '/pusat-data/devices' },
  { key: 'authorities', to: '/pusat-data/authorities' },
  { key: 'activities', to: '/pusat-data/activities' },
  { key: 'backups', to: '/pusat-data/backups' },
];

/** The Pusat Data: one header and a tab per register (Perbup Tabanan 44/2022 Pasal 14). */
export function DatacenterLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const tabs = TABS.filter((tab) => tab.key !== 'activities' || canReadActivities(me));
  const active = tabs.find((tab) => pathname === tab.to || pathname.startsWith(`${tab.to}/`));

  return (
    <>
      <PageHeader title={t('datacenter.title')} description={t('datacenter.description')} />
      <Tabs
        value={active?.key ?? null}
        onChange={(key) => {
          const tab = tabs.find((candidate) => candidate.key === key);
          if (tab) void navigate({ to: tab.to });
        }}
        mb="lg"
        keepMounted={false}
      >
        <Tabs.List>
          {tabs.map((tab) => (
            <Tabs.Tab key={tab.key} value={tab.key}>
              {t(`datacenter.tabs.${tab.key}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Outlet />
    </>
  );
}
