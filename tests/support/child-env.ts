/**
 * Environnement d'un processus enfant lancé depuis Vitest (une vraie construction Astro, par exemple) :
 * Vitest définit BASE_URL, MODE, NODE_ENV… que Vite relirait dans l'enfant (BASE_URL=/ y écrase la base).
 */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (/^(VITEST|BASE_URL$|MODE$|NODE_ENV$|DEV$|PROD$|SSR$)/.test(key)) delete env[key];
  return { ...env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', ...extra };
}
