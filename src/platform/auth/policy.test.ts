/** The role × permission × scope matrix, as a table. Deny by default. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { can, type Permission, type Scope } from './policy.ts';
import type { Actor, Grant } from './actor.ts';
import type { Role } from './roles.ts';

const HEEMSTEDE = 'm-heemstede';
const BLOEMENDAAL = 'm-bloemendaal';
const LAREN = 'm-laren';
const HB = 'c-hb';
const PO = 't-po';

function actor(role: Role, scope: Partial<Grant> = {}): Actor {
  return {
    userId: 'u', label: role, roleContext: role, system: false,
    grants: [{ role, municipalityId: null, cooperationId: null, teamId: null, teamCooperationId: null, ...scope }],
  };
}

const hbCooperation: Scope = { cooperationId: HB, memberMunicipalityIds: [HEEMSTEDE, BLOEMENDAAL] };
const poTeam: Scope = { ...hbCooperation, teamIds: [PO] };
const heemstedeEmployeeInPo: Scope = { municipalityId: HEEMSTEDE, teamIds: [PO], cooperationId: HB };
const bloemendaalEmployeeInPo: Scope = { municipalityId: BLOEMENDAAL, teamIds: [PO], cooperationId: HB };

const cases: [string, Actor, Permission, Scope, boolean][] = [
  ['global beheerder may do anything', actor('beheerder'), 'personal:write', bloemendaalEmployeeInPo, true],
  ['global beheerder manages users', actor('beheerder'), 'users:manage', {}, true],
  ['controller Heemstede reads the cooperation Heemstede is member of', actor('controller', { municipalityId: HEEMSTEDE }), 'register:read', hbCooperation, true],
  ['controller Laren cannot read Heemstede–Bloemendaal', actor('controller', { municipalityId: LAREN }), 'register:read', hbCooperation, false],
  ['controller Heemstede reads Heemstede employees', actor('controller', { municipalityId: HEEMSTEDE }), 'personal:read', heemstedeEmployeeInPo, true],
  ['controller Heemstede changes Heemstede employees', actor('controller', { municipalityId: HEEMSTEDE }), 'personal:write', heemstedeEmployeeInPo, true],
  ['controller Heemstede cannot change Bloemendaal employees', actor('controller', { municipalityId: HEEMSTEDE }), 'personal:write', bloemendaalEmployeeInPo, false],
  ['controller Heemstede cannot read Bloemendaal employees', actor('controller', { municipalityId: HEEMSTEDE }), 'personal:read', bloemendaalEmployeeInPo, false],
  ['controller of the cooperation reads employees working in it', actor('controller', { cooperationId: HB }), 'personal:read', bloemendaalEmployeeInPo, true],
  ['controller of the cooperation cannot change employees of a municipality', actor('controller', { cooperationId: HB }), 'personal:write', bloemendaalEmployeeInPo, false],
  ['team manager reads the people of the own team', actor('teammanager', { teamId: PO, teamCooperationId: HB }), 'personal:read', bloemendaalEmployeeInPo, true],
  ['team manager reads the cooperation of the own team', actor('teammanager', { teamId: PO, teamCooperationId: HB }), 'register:read', hbCooperation, true],
  ['team manager cannot read people of another team', actor('teammanager', { teamId: 't-other', teamCooperationId: HB }), 'personal:read', bloemendaalEmployeeInPo, false],
  ['team manager manages the own team', actor('teammanager', { teamId: PO, teamCooperationId: HB }), 'team:manage', poTeam, true],
  ['team manager cannot create teams in the cooperation', actor('teammanager', { teamId: PO, teamCooperationId: HB }), 'team:manage', hbCooperation, false],
  ['team manager cannot change cost rates', actor('teammanager', { teamId: PO, teamCooperationId: HB }), 'personal:write', bloemendaalEmployeeInPo, false],
  ['raadslid reads aggregates of the cooperation', actor('raadslid', { municipalityId: HEEMSTEDE }), 'register:read', hbCooperation, true],
  ['raadslid cannot read personal data', actor('raadslid', { municipalityId: HEEMSTEDE }), 'personal:read', heemstedeEmployeeInPo, false],
  ['rekenkamer cannot read personal data', actor('rekenkamer', { municipalityId: HEEMSTEDE }), 'personal:read', heemstedeEmployeeInPo, false],
  ['OR member cannot read personal data', actor('or-lid', { cooperationId: HB }), 'personal:read', heemstedeEmployeeInPo, false],
  ['directie cannot read personal data', actor('directie', { cooperationId: HB }), 'personal:read', heemstedeEmployeeInPo, false],
  ['directie updates the cooperation', actor('directie', { cooperationId: HB }), 'cooperation:update', hbCooperation, true],
  ['raadslid cannot manage teams', actor('raadslid', { municipalityId: HEEMSTEDE }), 'team:manage', poTeam, false],
  ['nobody but beheerder creates cooperations', actor('directie', { cooperationId: HB }), 'cooperation:create', {}, false],
  ['controller cannot read the audit trail', actor('controller', { municipalityId: HEEMSTEDE }), 'audit:read', {}, false],
  ['a user without grants may do nothing', { userId: 'u', label: 'x', roleContext: '', system: false, grants: [] }, 'register:read', hbCooperation, false],
  ['controller of a member municipality manages applications and scenarios', actor('controller', { municipalityId: HEEMSTEDE }), 'coverage:manage', hbCooperation, true],
  ['directie of the cooperation manages applications and scenarios', actor('directie', { cooperationId: HB }), 'coverage:manage', hbCooperation, true],
  ['controller Laren cannot manage scenarios of Heemstede–Bloemendaal', actor('controller', { municipalityId: LAREN }), 'coverage:manage', hbCooperation, false],
  ['team manager cannot manage applications or scenarios', actor('teammanager', { teamId: PO, teamCooperationId: HB }), 'coverage:manage', poTeam, false],
  ['raadslid cannot manage scenarios', actor('raadslid', { municipalityId: HEEMSTEDE }), 'coverage:manage', hbCooperation, false],
  ['OR member cannot manage scenarios', actor('or-lid', { cooperationId: HB }), 'coverage:manage', hbCooperation, false],
  ['beheerder scoped to a municipality is not global', actor('beheerder', { municipalityId: LAREN }), 'personal:read', heemstedeEmployeeInPo, false],
  ['directie manages governance of the cooperation', actor('directie', { cooperationId: HB }), 'governance:manage', hbCooperation, true],
  ['controller of a member manages governance', actor('controller', { municipalityId: HEEMSTEDE }), 'governance:manage', hbCooperation, true],
  ['controller of another municipality cannot manage governance', actor('controller', { municipalityId: LAREN }), 'governance:manage', hbCooperation, false],
  ['team manager manages milestones of the own team', actor('teammanager', { teamId: PO, teamCooperationId: HB }), 'governance:manage', poTeam, true],
  ['team manager cannot manage cooperation-wide governance', actor('teammanager', { teamId: PO, teamCooperationId: HB }), 'governance:manage', hbCooperation, false],
  ['raadslid reads governance (register:read) but cannot manage it', actor('raadslid', { municipalityId: HEEMSTEDE }), 'governance:manage', hbCooperation, false],
  ['rekenkamer cannot manage governance', actor('rekenkamer', { municipalityId: HEEMSTEDE }), 'governance:manage', hbCooperation, false],
  ['OR member cannot manage governance', actor('or-lid', { municipalityId: HEEMSTEDE }), 'governance:manage', hbCooperation, false],
  ['controller of a member prepares reports of the cooperation', actor('controller', { municipalityId: HEEMSTEDE }), 'report:prepare', hbCooperation, true],
  ['team manager prepares the factsheet of the own team', actor('teammanager', { teamId: PO, teamCooperationId: HB }), 'report:prepare', poTeam, true],
  ['team manager cannot prepare the progress report of the cooperation', actor('teammanager', { teamId: PO, teamCooperationId: HB }), 'report:prepare', hbCooperation, false],
  ['directie publishes reports of its cooperation', actor('directie', { cooperationId: HB }), 'report:publish', hbCooperation, true],
  ['controller prepares but does not publish', actor('controller', { municipalityId: HEEMSTEDE }), 'report:publish', hbCooperation, false],
  ['raadslid neither prepares nor publishes', actor('raadslid', { municipalityId: HEEMSTEDE }), 'report:prepare', poTeam, false],
  ['rekenkamer cannot publish', actor('rekenkamer', { municipalityId: HEEMSTEDE }), 'report:publish', hbCooperation, false],
];

for (const [name, who, permission, scope, expected] of cases) {
  test(name, () => assert.equal(can(who, permission, scope), expected));
}
