// First: the tokens and base, then the shared controls; each feature's sheet comes with its components.
import './app.css';
import '../ui/ui.css';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { AccountPage } from '../features/account/AccountPage';
import { AcceptInvitePage } from '../features/auth/AcceptInvitePage';
import { LogInPage } from '../features/auth/LogInPage';
import { ResetPasswordPage } from '../features/auth/ResetPasswordPage';
import { SignUpPage } from '../features/auth/SignUpPage';
import { ChangeLogPage } from '../features/change-log/ChangeLogPage';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { RoleHome } from '../features/dashboard/RoleHome';
import { ImportPage } from '../features/import/ImportPage';
import { InboxPage } from '../features/inbox/InboxPage';
import { MembersPage } from '../features/members/MembersPage';
import { MyUnitPage } from '../features/my-unit/MyUnitPage';
import { NotificationsPage } from '../features/notifications/NotificationsPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { SnapshotsPage } from '../features/snapshots/SnapshotsPage';
import { RaidPage } from '../features/raid/RaidPage';
import { OkrsPage } from '../features/okrs/OkrsPage';
import { ToastProvider } from '../ui/Toasts';
import { AppShell } from './AppShell';
import { HomePage } from './HomePage';
import { NotFound, RequireAction, RequireSession, SignedOutOnly } from './guards';

/** Every screen of the app and who may open it (the API refuses the same people anyway). */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<SignedOutOnly />}>
        <Route path="/log-in" element={<LogInPage />} />
        <Route path="/sign-up" element={<SignUpPage />} />
      </Route>
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
