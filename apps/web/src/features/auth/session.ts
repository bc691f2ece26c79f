import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useNavigate } from 'react-router';
import { authApi, sessionKeys, sessionQuery, type Session } from '../../api/auth.queries';
import { setCurrentActor } from '../../api/http';

/**
 * The signed-in session (`GET /api/auth/session`): `session` is null when nobody is signed in
 * (then the app shows the log-in page), undefined while it is being asked.
 */
export function useSession() {
  const query = useQuery(sessionQuery());
  const session = query.data;
  setCurrentActor(session?.user.id);
  return { session, isPending: query.isPending, error: query.error };
}

/**
 * The session, where the app shell guarantees one (every screen behind the log-in). In the render
 * in which it ends (log-out, expiry), the screen still has the last one until the log-in page shows.
 */
export function useSignedIn(): Session {
  const { session } = useSession();
  const [last, setLast] = useState(session);
  if (session && session !== last) setLast(session);
  const current = session ?? last;
  if (!current) throw new Error('useSignedIn outside a signed-in screen');
  return current;
}

/**
 * A new session (signed up, logged in, invite accepted, organisation switched): everything cached
 * belonged to the previous user or organisation, so it is dropped and what is on screen reloads.
 */
export function startSession(client: QueryClient, session: Session | null) {
  setCurrentActor(session?.user.id);
  client.setQueryData(sessionKeys.session, session);
  const previous = (query: { queryKey: readonly unknown[] }) => query.queryKey[0] !== 'auth';
  client.removeQueries({ predicate: previous, type: 'inactive' });
  // What is on screen asks again (a signed-out screen is about to go, and asks nothing).
  if (session) void client.resetQueries({ predicate: previous, type: 'active' });
  else client.removeQueries({ predicate: previous });
}

/** Where to go after logging in: the page that was wanted, if it is one of this app's. */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/log-in')) return '/';
  return next;
}

export function useLogOut() {
  const client = useQueryClient();
  const navigate = useNavigate();
  const mutation = useMutation({
    mutationFn: authApi.logOut,
    // Even if the API could not be told (already expired), this browser forgets the session.
    onSettled: () => {
      startSession(client, null);
      void navigate('/log-in', { replace: true });
    },
  });
  return useCallback(() => mutation.mutate(), [mutation]);
}

export function useSwitchOrganisation() {
  const client = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: authApi.switchOrganisation,
    onSuccess: (session) => {
      startSession(client, session);
      // What was on screen (a selected node, a member) belongs to the other organisation.
      void navigate('/', { replace: true });
    },
  });
}
