import { Tabs } from '@mantine/core';
import { Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { ConsolePath } from '../../../platform/layout/navigation';
import { PageHeader } from '../../../platform/ui/PageHeader';

const TABS: { key: string; to: ConsolePath }[] = [
  { key: 'apis', to: '/interop/apis' },
  { key: 'subscriptions', to: '/interop/subscriptions' },
  { key: 'credentials', to: '/interop/credentials' },
  { key: 'usage', to: '/interop/usage' },
];

/** The Sistem Penghubung Layanan: one header and a tab per register. */
export function InteropLayout() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const active = TABS.find((tab) => pathname === tab.to || pathname.startsWith(`${tab.to}/`));
  return (
    <>
      <PageHeader title={t('interop.title')} description={t('interop.description')} />
      <Tabs
        value={active?.key ?? null}
        onChange={(key) => {
          const tab = TABS.find((candidate) => candidate.key === key);
          if (tab) void navigate({ to: tab.to });
        }}
        mb="lg"
        keepMounted={false}
      >
        <Tabs.List>
          {TABS.map((tab) => (
            <Tabs.Tab key={tab.key} value={tab.key}>
              {t(`interop.tabs.${tab.key}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Outlet />
    </>
  );
}
