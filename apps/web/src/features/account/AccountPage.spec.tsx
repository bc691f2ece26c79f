import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp, sessionOf } from '../../app/testing';
import { apiError, mockApi, type MockRequest } from '../../test/mockApi';

const ORG = { id: 'org-acme', name: 'Acme', slug: 'acme', currency: 'GBP', locale: 'en-GB', requireTotp: false };

describe('AccountPage', () => {
  it('changes the password, and says when the current one is wrong', async () => {
    const bodies: unknown[] = [];
    mockApi({
      'GET /health': { status: 'ok', database: 'connected' },
      'GET /auth/session': sessionOf('executive'),
      'GET /organisation': ORG,
      'POST /auth/password': (request: MockRequest) => {
        bodies.push(request.body);
        return bodies.length === 1 ? apiError(401, 'INVALID_CREDENTIALS', 'no') : undefined;
      },
    });
    renderApp('/account');
    const card = await screen.findByRole('region', { name: 'Password' });
    await userEvent.type(within(card).getByLabelText('Current password'), 'old-password-1');
    await userEvent.type(within(card).getByLabelText('New password'), 'new-password-22');
    await userEvent.type(within(card).getByLabelText('New password again'), 'new-password-2');
    expect(within(card).getByRole('alert')).toHaveTextContent('The two new passwords differ.');
    await userEvent.type(within(card).getByLabelText('New password again'), '2');
    await userEvent.click(within(card).getByRole('button', { name: 'Change password' }));
    expect(await within(card).findByRole('alert')).toHaveTextContent('Your current password is not right.');
    await userEvent.click(within(card).getByRole('button', { name: 'Change password' }));
    expect(await screen.findByText('Password changed')).toBeInTheDocument();
    expect(bodies[1]).toEqual({ currentPassword: 'old-password-1', newPassword: 'new-password-22' });
  });

  it('sets up a second factor: QR code of the otpauth URL, key to type, then the code turns it on', async () => {
    let enabled = false;
    const api = mockApi({
      'GET /health': { status: 'ok', database: 'connected' },
      'GET /auth/session': () =>
        sessionOf('pmo', { user: { id: 'u', name: 'Ada', email: 'a@acme.test', totpEnabled: enabled } }),
      'GET /organisation': { ...ORG, requireTotp: true },
      'POST /auth/totp/setup': {
        secret: 'JBSWY3DPEHPK3PXP',
        otpauthUrl: 'otpauth://totp/Throughline:a%40acme.test?secret=JBSWY3DPEHPK3PXP&issuer=Throughline',
      },
      'POST /auth/totp/enable': () => {
        enabled = true;
        return undefined;
      },
    });
    renderApp('/account');
    const card = await screen.findByRole('region', { name: 'Second factor' });
    expect(await within(card).findByRole('alert')).toHaveTextContent('Acme requires a second factor');
    await userEvent.click(within(card).getByRole('button', { name: 'Set up a second factor' }));
    const qr = await within(card).findByTestId('totp-qr');
    await waitFor(() => expect(qr).toHaveAttribute('src', expect.stringMatching(/^data:image\/png;base64,/)));
    expect(within(card).getByTestId('totp-secret')).toHaveTextContent('JBSWY3DPEHPK3PXP');
    const turnOn = within(card).getByRole('button', { name: 'Turn on' });
    expect(turnOn).toBeDisabled();
    await userEvent.type(within(card).getByLabelText('Code from the app'), '12a3456');
    expect(within(card).getByLabelText('Code from the app')).toHaveValue('123456');
    await userEvent.click(turnOn);
    await waitFor(() => expect(within(card).getByTestId('totp-state')).toHaveTextContent('on'));
    expect(api.calls.find((c) => c.path === '/auth/totp/enable')?.body).toEqual({ code: '123456' });
    // Required by the organisation: there is no way to turn it off here.
    expect(within(card).queryByRole('button', { name: 'Turn off' })).not.toBeInTheDocument();
  });
});
