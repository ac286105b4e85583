import type { Role } from './roles.ts';

/** One role grant, with the cooperation a team grant belongs to resolved up front. */
export interface Grant {
  role: Role;
  municipalityId: string | null;
  cooperationId: string | null;
  teamId: string | null;
  /** For a team grant: the team's cooperation, so the holder can read that cooperation. */
  teamCooperationId: string | null;
}

/** Who performs a use case: a signed-in user or the system (CLI, demo loader). */
export interface Actor {
  userId: string | null;
  label: string;
  grants: Grant[];
  /** Short text for the audit trail, e.g. `controller@GM0397`. */
  roleContext: string;
  system: boolean;
}

export const SYSTEM_ACTOR: Actor = {
  userId: null,
  label: 'systeem',
  grants: [],
  roleContext: 'systeem',
  system: true,
};

/** A CLI user acts as the system but is named in the audit trail. */
export function cliActor(osUser: string): Actor {
  return { ...SYSTEM_ACTOR, label: `cli:${osUser}`, roleContext: 'cli' };
}
