import type { Actor } from '../auth/actor.ts';
import type { Locale } from '../i18n/index.ts';
import type { Ctx } from '../context.ts';
import type { SecondFactorState } from '../auth/auth.service.ts';

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
    /** The second factor of the signed-in account and session; null when not signed in. */
    secondFactor: SecondFactorState | null;
    /**
     * The session may only set up the second factor (and sign out): its account needs one
     * (beheerder, controller), enforcement is on, and the session was not opened with one.
     */
    enrolmentOnly: boolean;
    /** The use-case context; set only when signed in. */
    ctx: Ctx;
  };
}
