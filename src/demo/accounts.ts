/** One demo account per role; the README lists them. */
import type { Role } from '../platform/auth/roles.ts';

export const DEMO_PASSWORD = 'vlecht-demo-2026';

export interface DemoAccount {
  email: string;
  name: string;
  role: Role;
  scope: { municipality?: string; cooperation?: string; team?: { cooperation: string; team: string } } | null;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { email: 'beheerder@vlecht.demo', name: 'Beheerder (demo)', role: 'beheerder', scope: null },
  { email: 'controller.heemstede@vlecht.demo', name: 'Controller Heemstede (demo)', role: 'controller', scope: { municipality: 'GM0397' } },
  { email: 'controller.bloemendaal@vlecht.demo', name: 'Controller Bloemendaal (demo)', role: 'controller', scope: { municipality: 'GM0377' } },
  { email: 'teammanager.po@vlecht.demo', name: 'Teammanager P&O (demo)', role: 'teammanager', scope: { team: { cooperation: 'heemstede-bloemendaal', team: 'p-en-o' } } },
  { email: 'directie@vlecht.demo', name: 'Directie Heemstede–Bloemendaal (demo)', role: 'directie', scope: { cooperation: 'heemstede-bloemendaal' } },
  { email: 'raadslid.heemstede@vlecht.demo', name: 'Raadslid Heemstede (demo)', role: 'raadslid', scope: { municipality: 'GM0397' } },
  { email: 'rekenkamer.heemstede@vlecht.demo', name: 'Rekenkamercommissie Heemstede (demo)', role: 'rekenkamer', scope: { municipality: 'GM0397' } },
  { email: 'or.heemstede@vlecht.demo', name: 'OR-lid Heemstede (demo)', role: 'or-lid', scope: { municipality: 'GM0397' } },
  { email: 'controller.bel@vlecht.demo', name: 'Controller BEL Combinatie (demo)', role: 'controller', scope: { cooperation: 'bel-combinatie' } },
];
