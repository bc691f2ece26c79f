/**
 * The benchmarks' account. Every route but a few needs a signed-in member since accounts landed
 * (issue 10), so each API a benchmark starts gets one: the first start on a database signs up a
 * "Bench" organisation whose admin is this account (the data the benchmark imports goes there);
 * a restart on the same database logs in again. Requests then carry the token as a bearer
 * (exempt from the CSRF proof cookie writes need). A token lives 15 minutes and only a cookie
 * is renewed, so a long benchmark logs in again every 10 minutes.
 */
export const BENCH_ACCOUNT = {
  organisationName: 'Bench',
  name: 'Bench Runner',
  email: 'bench@throughline.test',
  password: 'bench-runner-password-2026',
} as const;

const RENEW_MS = 10 * 60_000;

let authorization: string | undefined;
let renewal: NodeJS.Timeout | undefined;

/** `Authorization` for the current benchmark API, or nothing before `signIn`. */
export function authHeaders(): Record<string, string> {
  return authorization ? { Authorization: authorization } : {};
}

/** `fetch`'s init with the bench account's bearer added. */
export function withAuth(init: RequestInit = {}): RequestInit {
  return { ...init, headers: { ...authHeaders(), ...(init.headers as Record<string, string> | undefined) } };
}

/** Logs the bench account in to the API at `url` (signing it up first on a new database). */
export async function signIn(url: string): Promise<string> {
  const logIn = await post(`${url}/api/auth/log-in`, { email: BENCH_ACCOUNT.email, password: BENCH_ACCOUNT.password });
  const answer = logIn.status === 401 ? await post(`${url}/api/auth/sign-up`, BENCH_ACCOUNT) : logIn;
  if (answer.status !== 200 && answer.status !== 201) {
    throw new Error(`the bench account could not sign in at ${url}: ${answer.status} ${JSON.stringify(answer.body)}`);
  }
  const token = (answer.body as { token: string }).token;
  authorization = `Bearer ${token}`;
  clearInterval(renewal);
  renewal = setInterval(() => void signIn(url).catch(() => undefined), RENEW_MS);
  renewal.unref();
  return token;
}

/**
 * Another session of the bench account at `url` (it must have signed in there already), leaving
 * the current one in place: for requests that may end the session they are sent with (a fuzzed
 * log-out), so the benchmark's own session survives them.
 */
export async function spareSession(url: string): Promise<string> {
  const answer = await post(`${url}/api/auth/log-in`, { email: BENCH_ACCOUNT.email, password: BENCH_ACCOUNT.password });
  if (answer.status !== 200) throw new Error(`a spare session could not sign in at ${url}: ${answer.status}`);
  return (answer.body as { token: string }).token;
}

async function post(url: string, body: unknown): Promise<{ status: number; body: unknown }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}
