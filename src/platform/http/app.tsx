/**
 * createApp: one Hono app per process, stateless (sessions, throttling and audit live in
 * the database), so many instances can run behind a load balancer.
 */
import { Hono, type Context } from 'hono';
import { sql } from 'drizzle-orm';
import { secureHeaders } from 'hono/secure-headers';
import { getCookie } from 'hono/cookie';
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/types.ts';
import type { BulkRunner } from '../db/bulk.ts';
import type { AppEnv } from './env.ts';
import { isHttps, sessionMiddleware } from './session.ts';
import { csrfMiddleware, CsrfError } from './csrf.ts';
import { internalProblem, problemFromError } from './problem.ts';
import { isVlechtError, VlechtError } from '../errors.ts';
import { pickLocale, t } from '../i18n/index.ts';
import { staticFiles } from './static.ts';
import { authPages } from './auth.pages.tsx';
import { authApi } from './auth.api.ts';
import { oidcPages } from './oidc.pages.tsx';
import type { OidcConfig } from '../auth/oidc.config.ts';
import { secondFactorApi, secondFactorPages } from './second-factor.edges.tsx';
import { secondFactorGuard } from './second-factor.guard.ts';
import { renderPage } from './render.tsx';
import { openApiDocument } from './openapi.ts';
import { registerApi } from '../../register/api.ts';
import { employeeImportApi } from '../../register/employee-import.edges.ts';
import { populationImportApi } from '../../register/population-import.edges.ts';
import { ledgerApi } from '../../ledger/api.ts';
import { goalsApi } from '../../goals/api.ts';
import { surveyBenchmarkApi } from '../../goals/survey-benchmark.api.ts';
import { governanceApi } from '../../governance/api.ts';
import { governancePages } from '../../governance/pages.tsx';
import { registerPages } from '../../register/pages.tsx';
import { dashboardPages } from '../../dashboard/pages.tsx';
import { ledgerPages } from '../../ledger/pages.tsx';
import { goalsPages } from '../../goals/pages.tsx';
import { surveyBenchmarkPages } from '../../goals/survey-benchmark.pages.tsx';
import { coverageApi } from '../../coverage/api.ts';
import { coveragePages } from '../../coverage/pages.tsx';
import { reportsApi } from '../../reports/api.ts';
import { reportPages } from '../../reports/pages.tsx';
import { auditApi, auditPages } from '../audit/edges.tsx';
import { accessReviewApi, accessReviewPages } from './access-review.edges.tsx';
import { logger } from '../log.ts';
import { readOnlyGuard } from './read-only.ts';
import { scopeGuard } from './scope-guard.ts';

export interface AppOptions {
  db: Db;
  /** The engine's bulk loader (Database.bulk), used by importers. */
  bulk?: BulkRunner;
  demo?: boolean;
  clock?: () => Date;
  /** Sign-in through the municipality's identity provider (readOidcConfig); null: password only. */
  oidc?: OidcConfig | null;
  /**
   * Accounts with a beheerder or controller role must sign in with a second factor (BIO2
   * 5.17.01); without one their session can only set it up. Default: on, except in the demo.
   */
  requireSecondFactor?: boolean;
}

const isApi = (c: Context) => c.req.path.startsWith('/api/');

export function createApp({ db, bulk, demo = false, clock = () => new Date(), oidc = null, requireSecondFactor = !demo }: AppOptions) {
  const app = new Hono<AppEnv>();

  app.use(secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"], styleSrc: ["'self'"], scriptSrc: ["'self'"], imgSrc: ["'self'", 'data:'],
      formAction: ["'self'"], frameAncestors: ["'none'"], baseUri: ["'none'"], objectSrc: ["'none'"],
    },
    referrerPolicy: 'same-origin',
    // Only over https, set below: HSTS on plain http is meaningless and confuses checks.
    strictTransportSecurity: false,
  }));
  app.use(async (c, next) => {
    await next();
    // Pages and API answers can hold personal data: never store them in shared caches.
    if (!c.req.path.startsWith('/static/') && !c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
    if (isHttps(c)) c.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  });
  app.use(async (c, next) => {
    c.set('requestId', randomUUID());
    c.set('demo', demo);
    c.set('locale', pickLocale(getCookie(c, 'vlecht_taal'), c.req.header('accept-language')));
    await next();
  });

  app.get('/healthz', async (c) => {
    await db.execute(sql`select 1`);
    return c.json({ status: 'ok' });
  });
  app.route('/static', staticFiles());

  app.use(sessionMiddleware(db, clock, bulk, requireSecondFactor));
  app.use(csrfMiddleware());
  app.use(secondFactorGuard());
  app.use(readOnlyGuard(clock));
  app.use(scopeGuard(clock));

  app.get('/api/v1/openapi.json', (c) => c.json(openApiDocument()));
  app.route('/api/v1', authApi(db, clock, requireSecondFactor));
  app.route('/api/v1', secondFactorApi());
  app.route('/api/v1', registerApi());
  app.route('/api/v1', employeeImportApi());
  app.route('/api/v1', populationImportApi());
  app.route('/api/v1', ledgerApi());
  app.route('/api/v1', goalsApi());
  app.route('/api/v1', surveyBenchmarkApi());
  app.route('/api/v1', coverageApi());
  app.route('/api/v1', governanceApi());
  app.route('/api/v1', reportsApi());
  app.route('/api/v1', auditApi());
  app.route('/api/v1', accessReviewApi());

  app.route('/', authPages(db, clock, requireSecondFactor, oidc?.name));
  app.route('/', oidcPages(db, clock, oidc));
  // Every page below needs a signed-in user; the API answers 401 itself.
  app.use('*', async (c, next) => {
    if (!isApi(c) && !c.get('actor')) return c.redirect('/aanmelden', 303);
    await next();
  });
  app.get('/', (c) => c.redirect('/samenwerkingen', 303));
  app.route('/', secondFactorPages());
  app.route('/', registerPages());
  app.route('/', dashboardPages());
  app.route('/', ledgerPages());
  app.route('/', goalsPages());
  app.route('/', surveyBenchmarkPages());
  app.route('/', coveragePages());
  app.route('/', governancePages());
  app.route('/', reportPages());
  app.route('/', auditPages());
  app.route('/', accessReviewPages());

  app.notFound((c) => {
    const locale = c.get('locale') ?? 'nl';
    const e = new VlechtError('NOT_FOUND', { object: locale === 'nl' ? 'pagina' : 'page', key: c.req.path });
    if (isApi(c)) return c.json(problemFromError(e, locale), 404, { 'Content-Type': 'application/problem+json' });
    return renderPage(c, t(locale, 'error.title'), <ErrorPage message={t(locale, 'error.NOT_FOUND', e.params)} />, { status: 404 });
  });

  app.onError((err, c) => {
    const locale = c.get('locale') ?? 'nl';
    if (err instanceof CsrfError) {
      if (isApi(c)) return c.json({ type: 'https://vlecht.nl/problemen/csrf', title: t(locale, 'error.CSRF'), status: 403, detail: t(locale, 'error.CSRF'), code: 'CSRF' }, 403);
      return renderPage(c, t(locale, 'error.title'), <ErrorPage message={t(locale, 'error.CSRF')} />, { status: 403 });
    }
    if (isVlechtError(err)) {
      const problem = problemFromError(err, locale);
      // A busy resource (the PDF queue) says when to come back.
      if (typeof err.params.retryAfter === 'number') c.header('Retry-After', String(err.params.retryAfter));
      if (isApi(c)) return c.json(problem, problem.status as 400, { 'Content-Type': 'application/problem+json' });
      if (err.code === 'UNAUTHENTICATED') return c.redirect('/aanmelden', 303);
      return renderPage(c, t(locale, 'error.title'), <ErrorPage message={problem.detail} />, { status: problem.status as 400 });
    }
    const ref = c.get('requestId') ?? randomUUID();
    logger.error({ err, ref, path: c.req.path }, 'unhandled error');
    const problem = internalProblem(locale, ref);
    if (isApi(c)) return c.json(problem, 500, { 'Content-Type': 'application/problem+json' });
    return renderPage(c, t(locale, 'error.title'), <ErrorPage message={problem.detail} />, { status: 500 });
  });

  return app;
}

function ErrorPage({ message }: { message: string }) {
  return (
    <>
      <h1 class="utrecht-heading-1">Er is een probleem</h1>
      <p class="utrecht-paragraph">{message}</p>
      <p class="utrecht-paragraph"><a class="utrecht-link" href="/">Naar de startpagina</a></p>
    </>
  );
}
