/**
 * The organisation a request works in, as the request-context middleware asks for it. platform/
 * imports no feature, so this is a token: the organisations module provides it (today the
 * default organisation; accounts will answer from the session here).
 */
export abstract class CurrentOrganisation {
  abstract defaultOrganisationId(): string;
}
