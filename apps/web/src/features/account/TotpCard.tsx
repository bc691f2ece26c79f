import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { authApi, sessionKeys, type TotpSetup } from '../../api/auth.queries';
import { describeError, errorCode } from '../../ui/errors';
import { Field, FormError } from '../../ui/Field';
import { useToast } from '../../ui/toast';
import { useSignedIn } from '../auth/session';

const WRONG_CODE = 'That code is wrong or has expired: enter the one your app shows now.';

const codeError = (error: unknown) =>
  !error
    ? null
    : ['TOTP_REQUIRED', 'INVALID_CREDENTIALS', 'VALIDATION_FAILED', 'INVALID_FIELD'].includes(errorCode(error) ?? '')
      ? WRONG_CODE
      : describeError(error);

/** The second factor: set up with an authenticator app (QR code), or turned off with a current code. */
export function TotpCard({ required }: { required: boolean }) {
  const session = useSignedIn();
  return (
    <section className="card" aria-label="Second factor">
      <h2>
        Second factor (authenticator app){' '}
        <span className={`pill ${session.user.totpEnabled ? 'pill-on' : ''}`} data-testid="totp-state">
          {session.user.totpEnabled ? 'on' : 'off'}
        </span>
      </h2>
      {required && !session.user.totpEnabled && (
        <p className="form-error" role="alert">
          {session.organisation.name} requires a second factor: set it up now.
        </p>
      )}
      {session.user.totpEnabled ? <DisableTotp required={required} /> : <EnableTotp />}
    </section>
  );
}

function useRefreshSession() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: sessionKeys.session });
}

function EnableTotp() {
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const [code, setCode] = useState('');
  const toast = useToast();
  const refresh = useRefreshSession();
  const start = useMutation({ mutationFn: authApi.totpSetup, onSuccess: setSetup });
  const enable = useMutation({
    mutationFn: authApi.totpEnable,
    onSuccess: async () => {
      await refresh();
      toast('Second factor on: you will be asked for a code when you log in', 'success');
    },
  });
  if (!setup)
    return (
      <>
        <p className="muted">
          After your password, log-in asks for a 6-digit code from an authenticator app on your phone (any TOTP app).
        </p>
        <FormError message={start.error ? describeError(start.error) : null} />
        <button type="button" className="btn btn-primary" disabled={start.isPending} onClick={() => start.mutate()}>
          Set up a second factor
        </button>
      </>
    );
  return (
    <div className="totp-setup">
      <QrCode text={setup.otpauthUrl} />
      <form
        className="totp-steps"
        onSubmit={(e) => {
          e.preventDefault();
          enable.mutate(code);
        }}
      >
        <ol>
          <li>Scan the code with your authenticator app.</li>
          <li>
            Cannot scan? Enter this key in the app instead:{' '}
            <code className="totp-secret" data-testid="totp-secret">
              {setup.secret}
            </code>
          </li>
          <li>Enter the 6-digit code the app now shows.</li>
        </ol>
        <Field
          label="Code from the app"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]{6}"
          maxLength={6}
          required
          value={code}
          onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
        />
        <FormError message={codeError(enable.error)} />
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={enable.isPending || code.length !== 6}>
            {enable.isPending ? 'Checking…' : 'Turn on'}
          </button>
          <button type="button" className="btn" onClick={() => setSetup(null)}>
            Cancel
          </button>
        </div>
      </form>
    </div>
  );
}

function DisableTotp({ required }: { required: boolean }) {
  const [code, setCode] = useState('');
  const toast = useToast();
  const refresh = useRefreshSession();
  const disable = useMutation({
    mutationFn: authApi.totpDisable,
    onSuccess: async () => {
      setCode('');
      await refresh();
      toast('Second factor turned off', 'info');
    },
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        disable.mutate(code);
      }}
    >
      <p className="muted">
        Log-in asks for a code from your authenticator app.
        {required && ' Your organisation requires it, so it cannot be turned off.'}
      </p>
      {!required && (
        <>
          <div className="form-row">
            <Field
              label="Current code, to turn it off"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9]{6}"
              maxLength={6}
              required
              value={code}
              onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
            />
            <button type="submit" className="btn btn-danger-outline" disabled={disable.isPending || code.length !== 6}>
              Turn off
            </button>
          </div>
          <FormError message={codeError(disable.error)} />
        </>
      )}
    </form>
  );
}

/** The otpauth URL as a QR code image, drawn in the browser (the secret never leaves it for a service). */
function QrCode({ text }: { text: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    // The QR encoder loads when a code is shown, not with every page (the app shell holds this card).
    import('qrcode')
      .then((qr) => qr.toDataURL(text, { margin: 1, width: 184, errorCorrectionLevel: 'M' }))
      .then((url) => live && setSrc(url))
      .catch(() => live && setSrc(null));
    return () => {
      live = false;
    };
  }, [text]);
  return src ? (
    <img className="totp-qr" src={src} alt="QR code to scan with an authenticator app" data-testid="totp-qr" />
  ) : (
    <div className="totp-qr" aria-hidden />
  );
}
