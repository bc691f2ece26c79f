// First: the tokens and base, then the shared controls; each feature's sheet comes with its components.
import './app.css';
import '../ui/ui.css';
import type { ComponentType } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { LogInPage } from '../features/auth/LogInPage';
import { DashboardPage, loadDashboardCharts } from '../features/dashboard/DashboardPage';
import { RoleHome } from '../features/dashboard/RoleHome';
import { ToastProvider } from '../ui/Toasts';
import { AppShell } from './AppShell';
import { lazyPage } from './lazyPage';
import { NotFound, RequireAction, RequireSession, SignedOutOnly } from './guards';

/** Each page's loader (`lazyPage`), for tests that want every page's code in before they render. */
const pageLoads: (() => Promise<ComponentType>)[] = [];

/** A page in a chunk of its own (`lazyPage`), with its loader beside it for whoever starts it early. */
function page(load: () => Promise<ComponentType>) {
  const lazy = lazyPage(load);
  pageLoads.push(lazy.load);
  return Object.assign(lazy.Page, { load: lazy.load });
}

const HomePage = page(() => import('./HomePage').then((m) => m.HomePage));
/** The map's code, started by main.tsx on the map's addresses while the session is still on its way. */
export const loadMapPage = HomePage.load;
const AccountPage = page(() => import('../features/account/AccountPage').then((m) => m.AccountPage));
const AcceptInvitePage = page(() => import('../features/auth/AcceptInvitePage').then((m) => m.AcceptInvitePage));
const ResetPasswordPage = page(() => import('../features/auth/ResetPasswordPage').then((m) => m.ResetPasswordPage));
const SignUpPage = page(() => import('../features/auth/SignUpPage').then((m) => m.SignUpPage));
const ChangeLogPage = page(() => import('../features/change-log/ChangeLogPage').then((m) => m.ChangeLogPage));
const ImportPage = page(() => import('../features/import/ImportPage').then((m) => m.ImportPage));
const InboxPage = page(() => import('../features/inbox/InboxPage').then((m) => m.InboxPage));
const MembersPage = page(() => import('../features/members/MembersPage').then((m) => m.MembersPage));
const MyUnitPage = page(() => import('../features/my-unit/MyUnitPage').then((m) => m.MyUnitPage));
const NotificationsPage = page(() =>
  import('../features/notifications/NotificationsPage').then((m) => m.NotificationsPage),
);
const SettingsPage = page(() => import('../features/settings/SettingsPage').then((m) => m.SettingsPage));
const SnapshotsPage = page(() => import('../features/snapshots/SnapshotsPage').then((m) => m.SnapshotsPage));
const RaidPage = page(() => import('../features/raid/RaidPage').then((m) => m.RaidPage));
const OkrsPage = page(() => import('../features/okrs/OkrsPage').then((m) => m.OkrsPage));

/** Every page's code, loaded up front: for tests, which render the routes as one bundle used to. */
export function loadAllPages(): Promise<unknown> {
  return Promise.all([...pageLoads.map((load) => load()), loadDashboardCharts()]);
}

/** The addresses people type for logging in and signing up ("/login"), sent to ours with what they asked for. */
const ALIASES: [string, string][] = [
  ['/login', '/log-in'],
  ['/signin', '/log-in'],
  ['/sign-in', '/log-in'],
  ['/signup', '/sign-up'],
  ['/register', '/sign-up'],
];

function Alias({ to }: { to: string }) {
  const { search } = useLocation();
  return <Navigate to={`${to}${search}`} replace />;
}

/** Every screen of the app and who may open it (the API refuses the same people anyway). */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<SignedOutOnly />}>
        <Route path="/log-in" element={<LogInPage />} />
        <Route path="/sign-up" element={<SignUpPage />} />
      </Route>
      {ALIASES.map(([path, to]) => (
        <Route key={path} path={path} element={<Alias to={to} />} />
      ))}
      {/* An invitation or a reset link may be opened by someone signed in as someone else. */}
      <Route path="/invite/:token" element={<AcceptInvitePage />} />
      <Route path="/reset-password/:token" element={<ResetPasswordPage />} />
      <Route element={<RequireSession />}>
        <Route element={<AppShell />}>
          <Route index element={<RoleHome home={<HomePage />} />} />
          <Route path="/dashboard" element={<DashboardPage />} />
          <Route path="/my-unit" element={<MyUnitPage />} />
          <Route path="/notifications" element={<NotificationsPage />} />
          <Route path="/snapshots" element={<SnapshotsPage />} />
          <Route path="/raid" element={<RaidPage />} />
          <Route path="/okrs" element={<OkrsPage />} />
          <Route element={<RequireAction action="approveLinks" />}>
            <Route path="/inbox" element={<InboxPage />} />
          </Route>
          <Route element={<RequireAction action="runImport" />}>
            <Route path="/import" element={<ImportPage />} />
          </Route>
          <Route path="/map" element={<HomePage />} />
          <Route path="/account" element={<AccountPage />} />
          <Route element={<RequireAction action="manageMembers" />}>
            <Route path="/members" element={<MembersPage />} />
          </Route>
          <Route element={<RequireAction action="manageSettings" />}>
            <Route path="/settings" element={<SettingsPage />} />
          </Route>
          <Route element={<RequireAction action="viewChangeLog" />}>
            <Route path="/change-log" element={<ChangeLogPage />} />
          </Route>
          <Route path="/home" element={<Navigate to="/" replace />} />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Route>
    </Routes>
  );
}

export function App() {
  return (
    <ToastProvider>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </ToastProvider>
  );
}
