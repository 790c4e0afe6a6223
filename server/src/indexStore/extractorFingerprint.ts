import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

/** Set by esbuild.mjs when it bundles the server: the same hash, taken over the sources at build time. */
declare const __EXTRACTOR_FINGERPRINT__: string | undefined;

/**
 * A hash of every source file of the pure core (extraction rules, search preparation, the model), so that a
 * change to any rule makes parses stored by an older build unusable. Bundles carry it from build time;
 * running from sources (tests under tsx) hashes the same files here.
 */
export const EXTRACTOR_FINGERPRINT: string = typeof __EXTRACTOR_FINGERPRINT__ === 'string' ? __EXTRACTOR_FINGERPRINT__ : fingerprintOf(path.join(__dirname, '..', 'core'));

/** sha256 over the relative paths and contents of the `.ts` files under `folder`, in sorted order. */
export function fingerprintOf(folder: string): string {
  const hash = createHash('sha256');
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts')) files.push(full);
    }
  };
  walk(folder);
  for (const file of files.sort()) hash.update(path.relative(folder, file).split(path.sep).join('/')).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex').slice(0, 32);
}
