// Renders media/icon.svg to media/icon.png (128×128, transparent background), the extension's icon in the
// Marketplace and the Extensions view. Uses Debian's Chromium through playwright-core, as the e2e tier does:
//   node scripts/render-icon.mjs
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const { chromium } = createRequire(join(repo, 'package.json'))('playwright-core');
const svg = readFileSync(join(repo, 'media/icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 128, height: 128 }, deviceScaleFactor: 1 });
  await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await page.locator('svg').screenshot({ path: join(repo, 'media/icon.png'), omitBackground: true });
} finally {
  await browser.close();
}
