import { Button, Center, Stack } from '@mantine/core';
import {
  createRootRoute,
  createRoute,
  createRouter,
  Outlet,
  useNavigate,
  useRouter,
} from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApplicationDetailPage } from '../features/applications/detail/ApplicationDetailPage';
import { ApplicationsListPage } from '../features/applications/list/ApplicationsListPage';
import { AuditTrailPage } from '../features/audit/trail/AuditTrailPage';
import { HolidaysPage } from '../features/calendar/holidays/HolidaysPage';
import { AgencyDutiesPage } from '../features/compliance/agency/AgencyDutiesPage';
import { ComplianceLayout } from '../features/compliance/components/ComplianceLayout';
import { HistoryPage as ComplianceHistoryPage } from '../features/compliance/history/HistoryPage';
import { ObligationDetailPage } from '../features/compliance/obligations/ObligationDetailPage';
import { ObligationsPage } from '../features/compliance/obligations/ObligationsPage';
import { ProfileEditorPage } from '../features/compliance/profiles/ProfileEditorPage';
import { ProfilesPage as ComplianceProfilesPage } from '../features/compliance/profiles/ProfilesPage';
import { DatasetDetailPage } from '../features/data/datasets/DatasetDetailPage';
import { DatasetsPage } from '../features/data/datasets/DatasetsPage';
import { ActivitiesPage } from '../features/datacenter/activities/ActivitiesPage';
import { AuthoritiesPage } from '../features/datacenter/authorities/AuthoritiesPage';
import { BackupPolicyDetailPage } from '../features/datacenter/backups/BackupPolicyDetailPage';
import { BackupsPage } from '../features/datacenter/backups/BackupsPage';
import { DatacenterLayout } from '../features/datacenter/components/DatacenterLayout';
import { DevicesPage } from '../features/datacenter/devices/DevicesPage';
import { HostingRequestDetailPage } from '../features/datacenter/hosting/HostingRequestDetailPage';
import { HostingRequestsListPage } from '../features/datacenter/hosting/HostingRequestsListPage';
import { EvaluationDetailPage } from '../features/evaluation/detail/EvaluationDetailPage';
import { EvaluationsPage } from '../features/evaluation/list/EvaluationsPage';
import { DashboardPage } from '../features/home/dashboard/DashboardPage';
import { AccountPage } from '../features/identity/account/AccountPage';
import { ForcedPasswordChangePage } from '../features/identity/account/ForcedPasswordChangePage';
import { LoginPage } from '../features/identity/login/LoginPage';
import { UserDetailPage } from '../features/identity/users/UserDetailPage';
import { UsersListPage } from '../features/identity/users/UsersListPage';
import { ApiDetailPage } from '../features/interop/apis/ApiDetailPage';
import { ApisListPage } from '../features/interop/apis/ApisListPage';
import { InteropLayout } from '../features/interop/components/InteropLayout';
import { CredentialsPage } from '../features/interop/credentials/CredentialsPage';
import { SubscriptionDetailPage } from '../features/interop/subscriptions/SubscriptionDetailPage';
import { SubscriptionsListPage } from '../features/interop/subscriptions/SubscriptionsListPage';
import { UsagePage } from '../features/interop/usage/UsagePage';
import { NotificationsPage } from '../features/notifications/inbox/NotificationsPage';
import { OutboxPage } from '../features/notifications/outbox/OutboxPage';
import { AgenciesListPage } from '../features/organization/agencies/AgenciesListPage';
import { AgencyDetailPage } from '../features/organization/agencies/AgencyDetailPage';
import { GovernmentProfilePage } from '../features/organization/government/GovernmentProfilePage';
import { useSessionQuery } from '../platform/auth/useSession';
import { ConsoleShell } from '../platform/layout/ConsoleShell';
import { FullPageLoader } from '../platform/ui/FullPageLoader';
import { ProblemAlert } from '../platform/ui/ProblemAlert';

/** Only same-app paths are accepted as a post-login destination. */
function safeRedirect(value: unknown): string | undefined {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//')
    ? value
    : undefined;
}

/**
 * Replaces the current entry with `href` once. (The router's `<Navigate>` navigates again on
 * every re-render with fresh props, which loops while the old route is still on screen.)
 */
function Redirect({ href }: { href: string }) {
  const navigate = useNavigate();
  useEffect(() => {
    void navigate({ href, replace: true });
  }, [navigate, href]);
  return <FullPageLoader />;
}

/** Sends an anonymous visitor to the login screen, remembering where they wanted to go. */
function RedirectToLogin() {
  const router = useRouter();
  // Read once: the location changes as soon as the redirect starts.
  const [from] = useState(() => router.state.location.href);
  return (
    <Redirect href={from === '/' ? '/login' : `/login?redirect=${encodeURIComponent(from)}`} />
  );
}

const rootRoute = createRootRoute({
  component: Outlet,
  notFoundComponent: () => <Redirect href="/" />,
});

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'login',
  validateSearch: (search: Record<string, unknown>): { redirect?: string; error?: string } => ({
    redirect: safeRedirect(search.redirect),
    // Set by the SSO callback when single sign-on failed (an error code, shown to the user).
    error:
      typeof search.error === 'string' && /^[A-Z_]{3,40}$/.test(search.error)
        ? search.error
        : undefined,
  }),
  component: LoginRoute,
});

function LoginRoute() {
  const session = useSessionQuery();
  const { redirect, error } = loginRoute.useSearch();
  const navigate = useNavigate();
  const loggedIn = Boolean(session.data);

  // Covers both a fresh login (the mutation fills the session cache) and an existing session.
  useEffect(() => {
    if (loggedIn) void navigate({ href: redirect ?? '/', replace: true });
  }, [loggedIn, redirect, navigate]);

  if (session.isPending || loggedIn) return <FullPageLoader />;
  return <LoginPage ssoError={error} />;
}

const authedRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'authed',
  component: AuthedLayout,
});

/** Gate for every console screen: session known, password current, then the shell. */
function AuthedLayout() {
  const { t } = useTranslation();
  const session = useSessionQuery();

  if (session.isPending) return <FullPageLoader />;
  if (session.isError) {
    return (
      <Center mih="100vh" p="md">
        <Stack maw={480}>
          <ProblemAlert error={session.error} />
          <Button onClick={() => void session.refetch()}>{t('common.retry')}</Button>
        </Stack>
      </Center>
    );
  }
  if (!session.data) return <RedirectToLogin />;
  if (session.data.mustChangePassword) return <ForcedPasswordChangePage />;
  return (
    <ConsoleShell>
      <Outlet />
    </ConsoleShell>
  );
}

const dashboardRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/',
  component: DashboardPage,
});

const governmentRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'organization/profile',
  component: GovernmentProfilePage,
});

const agenciesRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'organization/agencies',
  component: AgenciesListPage,
});

const agencyDetailRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'organization/agencies/$agencyId',
  component: function AgencyDetailRoute() {
    const { agencyId } = agencyDetailRoute.useParams();
    return <AgencyDetailPage key={agencyId} agencyId={agencyId} />;
  },
});

const usersRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'organization/users',
  component: UsersListPage,
});

const userDetailRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'organization/users/$userId',
  component: function UserDetailRoute() {
    const { userId } = userDetailRoute.useParams();
    return <UserDetailPage key={userId} userId={userId} />;
  },
});

const auditRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'audit',
  component: AuditTrailPage,
});

const holidaysRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'holidays',
  component: HolidaysPage,
});

const applicationsRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'applications',
  component: ApplicationsListPage,
});

const applicationDetailRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'applications/$applicationId',
  component: function ApplicationDetailRoute() {
    const { applicationId } = applicationDetailRoute.useParams();
    return <ApplicationDetailPage key={applicationId} applicationId={applicationId} />;
  },
});

const datacenterRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'pusat-data',
  component: DatacenterLayout,
});

const datacenterIndexRoute = createRoute({
  getParentRoute: () => datacenterRoute,
  path: '/',
  component: () => <Redirect href="/pusat-data/hosting" />,
});

const hostingRequestsRoute = createRoute({
  getParentRoute: () => datacenterRoute,
  path: 'hosting',
  component: HostingRequestsListPage,
});

const hostingRequestDetailRoute = createRoute({
  getParentRoute: () => datacenterRoute,
  path: 'hosting/$requestId',
  component: function HostingRequestDetailRoute() {
    const { requestId } = hostingRequestDetailRoute.useParams();
    return <HostingRequestDetailPage key={requestId} requestId={requestId} />;
  },
});

const devicesRoute = createRoute({
  getParentRoute: () => datacenterRoute,
  path: 'devices',
  component: DevicesPage,
});

const authoritiesRoute = createRoute({
  getParentRoute: () => datacenterRoute,
  path: 'authorities',
  component: AuthoritiesPage,
});

const activitiesRoute = createRoute({
  getParentRoute: () => datacenterRoute,
  path: 'activities',
  component: ActivitiesPage,
});

const backupsRoute = createRoute({
  getParentRoute: () => datacenterRoute,
  path: 'backups',
  component: BackupsPage,
});

const backupPolicyDetailRoute = createRoute({
  getParentRoute: () => datacenterRoute,
  path: 'backups/$policyId',
  component: function BackupPolicyDetailRoute() {
    const { policyId } = backupPolicyDetailRoute.useParams();
    return <BackupPolicyDetailPage key={policyId} policyId={policyId} />;
  },
});

const evaluationsRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'evaluation',
  component: EvaluationsPage,
});

const evaluationDetailRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'evaluation/$evaluationId',
  component: function EvaluationDetailRoute() {
    const { evaluationId } = evaluationDetailRoute.useParams();
    return <EvaluationDetailPage key={evaluationId} evaluationId={evaluationId} />;
  },
});

const complianceRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'compliance',
  component: ComplianceLayout,
});

const complianceIndexRoute = createRoute({
  getParentRoute: () => complianceRoute,
  path: '/',
  component: () => <Redirect href="/compliance/obligations" />,
});

const complianceObligationsRoute = createRoute({
  getParentRoute: () => complianceRoute,
  path: 'obligations',
  component: ObligationsPage,
});

const complianceObligationRoute = createRoute({
  getParentRoute: () => complianceRoute,
  path: 'obligations/$obligationId',
  component: function ComplianceObligationRoute() {
    const { obligationId } = complianceObligationRoute.useParams();
    return <ObligationDetailPage key={obligationId} obligationId={obligationId} />;
  },
});

const complianceAgencyRoute = createRoute({
  getParentRoute: () => complianceRoute,
  path: 'agency',
  component: AgencyDutiesPage,
});

const complianceProfilesRoute = createRoute({
  getParentRoute: () => complianceRoute,
  path: 'profiles',
  component: ComplianceProfilesPage,
});

const complianceProfileRoute = createRoute({
  getParentRoute: () => complianceRoute,
  path: 'profiles/$profileId',
  component: function ComplianceProfileRoute() {
    const { profileId } = complianceProfileRoute.useParams();
    return <ProfileEditorPage key={profileId} profileId={profileId} />;
  },
});

const complianceHistoryRoute = createRoute({
  getParentRoute: () => complianceRoute,
  path: 'history',
  component: ComplianceHistoryPage,
});

const interopRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'interop',
  component: InteropLayout,
});
const interopIndexRoute = createRoute({
  getParentRoute: () => interopRoute,
  path: '/',
  component: () => <Redirect href="/interop/apis" />,
});
const interopApisRoute = createRoute({
  getParentRoute: () => interopRoute,
  path: 'apis',
  component: ApisListPage,
});
const interopApiDetailRoute = createRoute({
  getParentRoute: () => interopRoute,
  path: 'apis/$apiId',
  component: function InteropApiDetailRoute() {
    const { apiId } = interopApiDetailRoute.useParams();
    return <ApiDetailPage key={apiId} apiId={apiId} />;
  },
});
const interopSubscriptionsRoute = createRoute({
  getParentRoute: () => interopRoute,
  path: 'subscriptions',
  component: SubscriptionsListPage,
});
const interopSubscriptionDetailRoute = createRoute({
  getParentRoute: () => interopRoute,
  path: 'subscriptions/$subscriptionId',
  component: function InteropSubscriptionDetailRoute() {
    const { subscriptionId } = interopSubscriptionDetailRoute.useParams();
    return <SubscriptionDetailPage key={subscriptionId} subscriptionId={subscriptionId} />;
  },
});
const interopCredentialsRoute = createRoute({
  getParentRoute: () => interopRoute,
  path: 'credentials',
  component: CredentialsPage,
});
const interopUsageRoute = createRoute({
  getParentRoute: () => interopRoute,
  path: 'usage',
  component: UsagePage,
});

const dataRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'data',
  component: DatasetsPage,
});

const datasetDetailRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'data/datasets/$datasetId',
  component: function DatasetDetailRoute() {
    const { datasetId } = datasetDetailRoute.useParams();
    return <DatasetDetailPage key={datasetId} datasetId={datasetId} />;
  },
});

const notificationsRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'notifications',
  component: NotificationsPage,
});

const outboxRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'outbox',
  component: OutboxPage,
});

const accountRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'account',
  component: AccountPage,
});

const routeTree = rootRoute.addChildren([
  loginRoute,
  authedRoute.addChildren([
    dashboardRoute,
    governmentRoute,
    agenciesRoute,
    agencyDetailRoute,
    usersRoute,
    userDetailRoute,
    applicationsRoute,
    applicationDetailRoute,
    evaluationsRoute,
    evaluationDetailRoute,
    datacenterRoute.addChildren([
      datacenterIndexRoute,
      hostingRequestsRoute,
      hostingRequestDetailRoute,
      devicesRoute,
      authoritiesRoute,
      activitiesRoute,
      backupsRoute,
      backupPolicyDetailRoute,
    ]),
    complianceRoute.addChildren([
      complianceIndexRoute,
      complianceObligationsRoute,
      complianceObligationRoute,
      complianceAgencyRoute,
      complianceProfilesRoute,
      complianceProfileRoute,
      complianceHistoryRoute,
    ]),
    interopRoute.addChildren([
      interopIndexRoute,
      interopApisRoute,
      interopApiDetailRoute,
      interopSubscriptionsRoute,
      interopSubscriptionDetailRoute,
      interopCredentialsRoute,
      interopUsageRoute,
    ]),
    dataRoute,
    datasetDetailRoute,
    notificationsRoute,
    outboxRoute,
    auditRoute,
    holidaysRoute,
    accountRoute,
  ]),
]);

export const router = createRouter({
  routeTree,
  basepath: '/console',
  defaultPreload: 'intent',
  scrollRestoration: true,
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
