import { useSignedIn } from '../auth/session';
import { InviteForm } from './InviteForm';
import { InvitesTable } from './InvitesTable';
import { MembersTable } from './MembersTable';
import './members.css';

/** `/members` (admins): who belongs to the organisation, with what role, and who is invited. */
export function MembersPage() {
  const session = useSignedIn();
  return (
    <div className="page">
      <div className="page-inner">
        <h1 className="page-title">Members</h1>
        <p className="page-lead">
          The people of {session.organisation.name}. A change of role or units applies at their very next click.
        </p>
        <InviteForm />
        <InvitesTable />
        <MembersTable />
      </div>
    </div>
  );
}
