import type { Actor } from '../auth/actor.ts';
import type { Locale } from '../i18n/index.ts';
import type { Ctx } from '../context.ts';

/** What the middleware puts on every request. */
export interface AppEnv {
  Variables: {
    locale: Locale;
    actor: Actor | null;
    user: { id: string; name: string; email: string } | null;
    csrfToken: string | null;
    requestId: string;
    /** True when this instance runs the demo: every page shows the banner. */
    demo: boolean;
    /** The use-case context; set only when signed in. */
    ctx: Ctx;
  };
}
