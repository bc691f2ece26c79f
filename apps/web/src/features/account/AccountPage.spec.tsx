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

  it('sets up a second factor the organisation requires before anything else: QR code, key, then the code', async () => {
    let enabled = false;
    const session = () =>
      sessionOf('pmo', {
        user: { id: 'u', name: 'Ada', email: 'a@acme.test', totpEnabled: enabled },
        organisation: {
          id: 'org-acme',
          name: 'Acme',
          slug: 'acme',
          currency: 'GBP',
          locale: 'en-GB',
          requireTotp: true,
        },
      });
    const api = mockApi({
      'GET /health': { status: 'ok', database: 'connected' },
      'GET /auth/session': session,
      'POST /auth/totp/setup': {
        secret: 'JBSWY3DPEHPK3PXP',
        otpauthUrl: 'otpauth://totp/Throughline:a%40acme.test?secret=JBSWY3DPEHPK3PXP&issuer=Throughline',
      },
      'POST /auth/totp/enable': (request: MockRequest) => {
        if ((request.body as { code: string }).code !== '123456') return apiError(422, 'INVALID_FIELD', 'Wrong code.');
        enabled = true;
        return undefined;
      },
    });
    renderApp('/account');
    // Nothing but the setup (and the way out) until it is done: the API would refuse the rest.
    expect(await screen.findByRole('heading', { name: 'Set up your second factor' })).toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Main' })).not.toBeInTheDocument();
    const card = screen.getByRole('region', { name: 'Second factor' });
    await userEvent.click(within(card).getByRole('button', { name: 'Set up a second factor' }));
    const qr = await within(card).findByTestId('totp-qr');
    await waitFor(() => expect(qr).toHaveAttribute('src', expect.stringMatching(/^data:image\/png;base64,/)));
    expect(within(card).getByTestId('totp-secret')).toHaveTextContent('JBSWY3DPEHPK3PXP');
    const turnOn = within(card).getByRole('button', { name: 'Turn on' });
    expect(turnOn).toBeDisabled();
    await userEvent.type(within(card).getByLabelText('Code from the app'), '65a4321');
    expect(within(card).getByLabelText('Code from the app')).toHaveValue('654321');
    await userEvent.click(turnOn);
    expect(await within(card).findByText(/That code is wrong or has expired/)).toBeInTheDocument();
    await userEvent.clear(within(card).getByLabelText('Code from the app'));
    await userEvent.type(within(card).getByLabelText('Code from the app'), '123456');
    await userEvent.click(turnOn);
    // Done: the account page itself, with the factor on and no way to turn it off while required.
    expect(await screen.findByRole('heading', { name: 'Your account' })).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeInTheDocument();
    const after = screen.getByRole('region', { name: 'Second factor' });
    expect(within(after).getByTestId('totp-state')).toHaveTextContent('on');
    expect(within(after).queryByRole('button', { name: 'Turn off' })).not.toBeInTheDocument();
    expect(api.calls.filter((c) => c.path === '/auth/totp/enable').map((c) => c.body)).toEqual([
      { code: '654321' },
      { code: '123456' },
    ]);
  });
});
