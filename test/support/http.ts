/** Helpers for HTTP tests through `app.request()` (no sockets): sign in and call the API. */
import { createApp } from '../../src/platform/http/app.tsx';
import type { Db } from '../../src/platform/db/types.ts';

export type App = ReturnType<typeof createApp>;

export function testApp(db: Db, demo = true): App {
  return createApp({ db, demo });
}

/** Signs in through the API and returns the session token. */
export async function signIn(app: App, email: string, password = 'vlecht-demo-2026'): Promise<string> {
  const res = await app.request('/api/v1/sessies', {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }),
  });
  if (res.status !== 201) throw new Error(`sign-in failed for ${email}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

export interface Call {
  status: number;
  headers: Headers;
  body: any;
}

/** Calls the API as the holder of `token`; JSON in, JSON (or text) out. */
export async function api(app: App, token: string | null, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Call> {
  const res = await app.request(`/api/v1${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try { parsed = JSON.parse(text); } catch { /* not JSON */ }
  return { status: res.status, headers: res.headers, body: parsed };
}
