/** Where the stylesheets live: NL Design System CSS from node_modules and our own; read once, kept in memory. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

export const STYLESHEETS: Record<string, () => string> = {
  'theme.css': () => require.resolve('@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css'),
  'utrecht.css': () => require.resolve('@utrecht/component-library-css/dist/index.css'),
  'vlecht.css': () => fileURLToPath(new URL('./vlecht.css', import.meta.url)),
};

const cache = new Map<string, string>();

/** The text of one stylesheet, or null when there is no such sheet. */
export function stylesheet(name: string): string | null {
  const locate = STYLESHEETS[name];
  if (!locate) return null;
  if (!cache.has(name)) cache.set(name, readFileSync(locate(), 'utf8'));
  return cache.get(name)!;
}
