import { useQuery } from '@tanstack/react-query';
import { organisationQuery } from '../../api/organisation.queries';
import { describeError } from '../../ui/errors';
import { AuditThresholds } from './AuditThresholds';
import { BusinessUnitsCard } from './BusinessUnitsCard';
import { DangerZone } from './DangerZone';
import { OrganisationForm } from './OrganisationForm';
import './settings.css';

/** `/settings` (admins): the organisation's name, money and dates, audit thresholds, units; export or delete. */
export function SettingsPage() {
  const organisation = useQuery(organisationQuery());
  return (
    <div className="page">
      <div className="page-inner">
        <h1 className="page-title">Settings</h1>
        <p className="page-lead">
          How the organisation is named, counts money and writes dates, and how it is organised.
        </p>
        {organisation.isPending && <p className="muted">Loading…</p>}
        {organisation.isError && <p className="bad">{describeError(organisation.error)}</p>}
        {organisation.data && (
          <>
            <OrganisationForm key={JSON.stringify(organisation.data)} organisation={organisation.data} />
            <BusinessUnitsCard />
            <AuditThresholds />
            <DangerZone organisation={organisation.data} />
          </>
        )}
      </div>
    </div>
  );
}
