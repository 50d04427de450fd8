import type { TestProject } from 'vitest/node';
import { existsSync } from 'node:fs';
import { serveDist } from '../../scripts/static-server.mjs';

declare module 'vitest' {
  export interface ProvidedContext { siteUrl: string }
}

/** Sert le site construit (dist/) sur 127.0.0.1 pendant les tests navigateur. */
export default async function setup(project: TestProject) {
  if (!existsSync('dist/index.html')) throw new Error('dist/ est vide : lancez « npm run build » avant les tests navigateur (npm test le fait).');
  const server = await serveDist({ root: 'dist', base: process.env.BASE_PATH || '/' });
  project.provide('siteUrl', server.url);
  return () => server.close();
}
