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
import { AuditTrailPage } from '../features/audit/trail/AuditTrailPage';
import { DashboardPage } from '../features/home/dashboard/DashboardPage';
import { AccountPage } from '../features/identity/account/AccountPage';
import { ForcedPasswordChangePage } from '../features/identity/account/ForcedPasswordChangePage';
import { LoginPage } from '../features/identity/login/LoginPage';
import { UserDetailPage } from '../features/identity/users/UserDetailPage';
import { UsersListPage } from '../features/identity/users/UsersListPage';
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
    auditRoute,
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
