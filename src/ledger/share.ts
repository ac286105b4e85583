/**
 * A team's share of its hours per municipality served, against the agreed share (pure).
 * A team without hours in the period has no share and so no deviation: issue 16 found
 * "−50 procentpunt" shown for teams that registered nothing, as if they fell short.
 */

export interface TeamShare {
  /** Per mille of the team's minutes worked for this municipality; null without any minutes. */
  sharePermille: number | null;
  /** sharePermille − agreedPermille; null when there is no share. */
  deviationPermille: number | null;
}

export function teamShare(servedMinutes: number, teamMinutes: number, agreedPermille: number): TeamShare {
  if (teamMinutes <= 0) return { sharePermille: null, deviationPermille: null };
  const sharePermille = Math.round((servedMinutes * 1000) / teamMinutes);
  return { sharePermille, deviationPermille: sharePermille - agreedPermille };
}
