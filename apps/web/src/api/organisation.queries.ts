import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { sessionKeys } from './auth.queries';
import type { ApiOrganisation } from './contract';
import { http } from './http';

export type Organisation = ApiOrganisation;

export type OrganisationChanges = Partial<Pick<Organisation, 'name' | 'currency' | 'locale' | 'requireTotp'>>;

export const organisationKeys = {
  all: ['organisation'] as const,
};

export const organisationQuery = () =>
  queryOptions({
    queryKey: organisationKeys.all,
    queryFn: ({ signal }) => http<Organisation>('/organisation', { signal }),
  });

/** The whole organisation as a download: the interchange document plus members (no secrets). */
export const ORGANISATION_EXPORT_PATH = '/api/organisation/export';

export function useUpdateOrganisation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (changes: OrganisationChanges) =>
      http<Organisation>('/organisation', { method: 'PATCH', json: changes }),
    onSuccess: (organisation) => {
      client.setQueryData(organisationKeys.all, organisation);
      // The session carries the name, currency and locale the header and every amount use.
      return client.invalidateQueries({ queryKey: sessionKeys.session });
    },
  });
}

export function useDeleteOrganisation() {
  return useMutation({
    mutationFn: (confirmName: string) => http<void>('/organisation', { method: 'DELETE', json: { confirmName } }),
  });
}
