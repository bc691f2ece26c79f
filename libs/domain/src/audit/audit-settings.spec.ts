import { AUDIT_SETTING_LIMITS, DEFAULT_AUDIT_SETTINGS, auditSettingsFrom } from './audit-types.js';

describe(auditSettingsFrom.name, () => {
  it('keeps stored whole numbers within bounds', () => {
    expect(auditSettingsFrom({ staleCheckInDays: 7, danglingProposalDays: 3650 })).toEqual({
      staleCheckInDays: 7,
      danglingProposalDays: 3650,
    });
  });

  it.each([
    ['nothing stored', null],
    ['not an object', 'thirty'],
    ['a fraction', { staleCheckInDays: 7.5 }],
    ['below the minimum', { staleCheckInDays: AUDIT_SETTING_LIMITS.staleCheckInDays.min - 1 }],
    ['above the maximum', { danglingProposalDays: AUDIT_SETTING_LIMITS.danglingProposalDays.max + 1 }],
    ['a string', { staleCheckInDays: '7' }],
  ])('falls back to the defaults for %s', (_what, stored) => {
    expect(auditSettingsFrom(stored)).toEqual(DEFAULT_AUDIT_SETTINGS);
  });

  it('fills in a missing setting and leaves unrelated keys out', () => {
    expect(auditSettingsFrom({ danglingProposalDays: 5, theme: 'dark' })).toEqual({
      ...DEFAULT_AUDIT_SETTINGS,
      danglingProposalDays: 5,
    });
  });
});
