import { useState } from 'react';
import { Link } from 'react-router';
import { useUpdateOrganisation, type Organisation } from '../../api/organisation.queries';
import { describeError } from '../../ui/errors';
import { Field, FormError } from '../../ui/Field';
import { createFormat } from '../../ui/format';
import { useToast } from '../../ui/toast';
import { useSignedIn } from '../auth/session';

/** Common choices first; every ISO 4217 code the browser knows is offered after them. */
const COMMON_CURRENCIES = ['GBP', 'EUR', 'USD', 'CHF', 'SEK', 'NOK', 'DKK', 'PLN', 'CAD', 'AUD', 'NZD', 'JPY', 'INR'];
const LOCALES: [string, string][] = [
  ['en-GB', 'English (UK)'],
  ['en-US', 'English (US)'],
  ['en-IE', 'English (Ireland)'],
  ['en-AU', 'English (Australia)'],
  ['en-CA', 'English (Canada)'],
  ['de-DE', 'Deutsch (Deutschland)'],
  ['de-CH', 'Deutsch (Schweiz)'],
  ['fr-FR', 'Français (France)'],
  ['nl-NL', 'Nederlands'],
  ['es-ES', 'Español (España)'],
  ['it-IT', 'Italiano'],
  ['pt-PT', 'Português (Portugal)'],
  ['pt-BR', 'Português (Brasil)'],
  ['sv-SE', 'Svenska'],
  ['nb-NO', 'Norsk bokmål'],
  ['da-DK', 'Dansk'],
  ['pl-PL', 'Polski'],
  ['ja-JP', '日本語'],
];

function allCurrencies(current: string): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : [];
  const rest = known.filter((c) => !COMMON_CURRENCIES.includes(c));
  const list = [...COMMON_CURRENCIES, ...rest];
  return list.includes(current) ? list : [current, ...list];
}

/** Name, currency, locale and whether every member must use a second factor. */
export function OrganisationForm({ organisation }: { organisation: Organisation }) {
  // The form starts from the saved settings; the page keys it by them, so a save starts it afresh.
  const [form, setForm] = useState(organisation);
  const update = useUpdateOrganisation();
  // Requiring a second factor of everyone starts with the admin's own (else the admin would be locked out).
  const ownTotp = useSignedIn().user.totpEnabled;
  const toast = useToast();
  const preview = createFormat(form.currency, form.locale);
  const changed =
    form.name.trim() !== organisation.name ||
    form.currency !== organisation.currency ||
    form.locale !== organisation.locale ||
    form.requireTotp !== organisation.requireTotp;
  const locales = LOCALES.some(([code]) => code === form.locale) ? LOCALES : [[form.locale, form.locale], ...LOCALES];

  return (
    <section className="card" aria-label="Organisation">
      <h2>Organisation</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          update.mutate(
            {
              name: form.name.trim(),
              currency: form.currency,
              locale: form.locale,
              requireTotp: form.requireTotp,
            },
            { onSuccess: () => toast('Settings saved', 'success') },
          );
        }}
      >
        <div className="form-row">
          <Field
            label="Name"
            required
            maxLength={200}
            value={form.name}
            onChange={(e) => setForm({ ...form, name: e.target.value })}
          />
          <label className="field">
            <span className="field-label">Currency</span>
            <select
              aria-label="Currency"
              value={form.currency}
              onChange={(e) => setForm({ ...form, currency: e.target.value })}
            >
              {allCurrencies(form.currency).map((code) => (
                <option key={code} value={code}>
                  {code}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field-label">Locale (dates and numbers)</span>
            <select
              aria-label="Locale"
              value={form.locale}
              onChange={(e) => setForm({ ...form, locale: e.target.value })}
            >
              {locales.map(([code, label]) => (
                <option key={code} value={code}>
                  {label} — {code}
                </option>
              ))}
            </select>
          </label>
        </div>
        <p className="field-hint" data-testid="format-preview">
          Shown as: {preview.money(1250000)} · {preview.date('2026-11-30')} · {preview.number(98.5)}
        </p>
        <label className="checkbox-field">
          <input
            type="checkbox"
            disabled={!form.requireTotp && !ownTotp}
            checked={form.requireTotp}
            onChange={(e) => setForm({ ...form, requireTotp: e.target.checked })}
          />
          <span>
            <strong>Require a second factor</strong>
            <span className="muted">
              {' '}
              — every member must log in with an authenticator app code (TOTP). Members without one are asked to set it
              up on their Account page.
            </span>
          </span>
        </label>
        {!form.requireTotp && !ownTotp && (
          <p className="field-hint">
            Turn on your own second factor first, on <Link to="/account">your account</Link>.
          </p>
        )}
        <FormError message={update.error ? describeError(update.error) : null} />
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={!changed || update.isPending}>
            {update.isPending ? 'Saving…' : 'Save'}
          </button>
          {changed && (
            <button type="button" className="btn" onClick={() => setForm(organisation)}>
              Discard changes
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
