import { AUDIT_SETTING_LIMITS, type AuditSettings } from '@throughline/domain';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { auditSettingsQuery, useUpdateAuditSettings } from '../../api/audit.queries';
import { describeError } from '../../ui/errors';
import { Field, FormError } from '../../ui/Field';
import { useToast } from '../../ui/toast';

const LABELS: Record<keyof AuditSettings, { label: string; hint: string }> = {
  staleCheckInDays: {
    label: 'Key result is stale after (days)',
    hint: 'A key result with no check-in for this long is flagged.',
  },
  danglingProposalDays: {
    label: 'Proposal is left waiting after (days)',
    hint: 'A proposed link nobody approved or rejected for this long is flagged.',
  },
};

/** The audit's thresholds: how long before a silent key result or an undecided proposal is a finding. */
export function AuditThresholds() {
  const settings = useQuery(auditSettingsQuery());
  return (
    <section className="card" aria-label="Audit thresholds">
      <h2>Audit thresholds</h2>
      {settings.isError && <p className="bad">{describeError(settings.error)}</p>}
      {settings.data && <ThresholdsForm key={JSON.stringify(settings.data)} saved={settings.data} />}
    </section>
  );
}

/** Starts from the saved thresholds; keyed by them, so a save starts it afresh. */
function ThresholdsForm({ saved }: { saved: AuditSettings }) {
  const update = useUpdateAuditSettings();
  const toast = useToast();
  const [form, setForm] = useState<Record<keyof AuditSettings, string>>({
    staleCheckInDays: String(saved.staleCheckInDays),
    danglingProposalDays: String(saved.danglingProposalDays),
  });
  const names = Object.keys(LABELS) as (keyof AuditSettings)[];
  const changed = names.some((n) => Number(form[n]) !== saved[n]);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        update.mutate(
          { staleCheckInDays: Number(form.staleCheckInDays), danglingProposalDays: Number(form.danglingProposalDays) },
          { onSuccess: () => toast('Audit thresholds saved', 'success') },
        );
      }}
    >
      <div className="form-row">
        {names.map((name) => (
          <Field
            key={name}
            label={LABELS[name].label}
            hint={LABELS[name].hint}
            type="number"
            required
            min={AUDIT_SETTING_LIMITS[name].min}
            max={AUDIT_SETTING_LIMITS[name].max}
            step={1}
            value={form[name]}
            onChange={(e) => setForm({ ...form, [name]: e.target.value })}
          />
        ))}
      </div>
      <FormError message={update.error ? describeError(update.error) : null} />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={!changed || update.isPending}>
          {update.isPending ? 'Saving…' : 'Save thresholds'}
        </button>
      </div>
    </form>
  );
}
