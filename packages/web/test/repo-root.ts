/** Paths of the repository, from this file's compiled place (packages/web/dist/test). */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
export const CLI = join(REPO_ROOT, 'packages/cli/dist/src/main.js');
export const SERVER_MAIN = join(REPO_ROOT, 'packages/server/dist/src/main.js');
export const WEB_APP = join(REPO_ROOT, 'packages/web/dist/app');
export const ARTIFACTS = join(REPO_ROOT, 'artifacts/e2e');
/** The populated-places asset written by packages/web/scripts/build-places.mjs (Vite copies it into dist/app/assets). */
export const PLACES_ASSET = join(REPO_ROOT, 'packages/web/generated/places.json');
