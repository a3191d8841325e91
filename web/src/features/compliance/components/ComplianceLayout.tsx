import { Tabs } from '@mantine/core';
import { Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { readsWholeRegency } from '../../../platform/auth/capabilities';
import { useMe } from '../../../platform/auth/useSession';
import type { ConsolePath } from '../../../platform/layout/navigation';
import { PageHeader } from '../../../platform/ui/PageHeader';

const TABS: { key: string; to: ConsolePath; regencyWide?: boolean }[] = [
  { key: 'obligations', to: '/compliance/obligations' },
  { key: 'agency', to: '/compliance/agency' },
  { key: 'profiles', to: '/compliance/profiles' },
  { key: 'history', to: '/compliance/history', regencyWide: true },
];

/** Kepatuhan: the regency's Perbup obligations, by obligation and by agency, with history. */
export function ComplianceLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const tabs = TABS.filter((tab) => !tab.regencyWide || readsWholeRegency(me));
  const active = tabs.find((tab) => pathname === tab.to || pathname.startsWith(`${tab.to}/`));
  return (
    <>
      <PageHeader title={t('compliance.title')} description={t('compliance.description')} />
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
              {t(`compliance.tabs.${tab.key}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Outlet />
    </>
  );
}
