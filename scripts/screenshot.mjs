// Takes a screenshot of VS Code with Statement Lens loaded (development mode) on the bundled seeds.
//   node scripts/screenshot.mjs <out.png> [--view statements|explorer|none] [--open <file>]
//                               [--extension <dir>] [--folder <dir>]
// --view     the side bar to show (default statements: the Statements container, waiting for its tree rows)
// --open     a file to open in the editor, by name through Quick Open (e.g. 000_320e4d2b8b7a98aa.txt)
// --walkthrough   open the extension's walkthrough (Welcome: Open Walkthrough…) in the editor area
// --extension / --folder   the development extension (default: this repository) / folder (default: seeds/)
// Starts a private code-server on a free port and Debian's Chromium through playwright-core (1920x1080),
// and stops both at the end. Build first (npm run build). Exits 1, saving <out>.failed.png, if the view
// does not show up.
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { installTools, repo, seeds, startCodeServer, workbenchUrl } from './start.mjs';

const VIEW_CONTAINERS = {
  statements: { label: 'Statements', container: 'workbench.view.extension.statementLens' },
  explorer: { label: 'Explorer', container: 'workbench.view.explorer' },
};

function parseArgs(argv) {
  const options = { view: 'statements', extension: repo, folder: seeds };
  const rest = [];
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = () => inline ?? argv[++i];
    if (flag === '--view') options.view = value();
    else if (flag === '--open') options.open = value();
    else if (flag === '--walkthrough') options.walkthrough = true;
    else if (flag === '--extension') options.extension = resolve(value());
    else if (flag === '--folder') options.folder = resolve(value());
    else if (flag === '-h' || flag === '--help') options.help = true;
    else rest.push(argv[i]);
  }
  options.out = rest[0] && resolve(rest[0]);
  return options;
}

/** Waits for a locator, failing with a sentence that says what did not show up. */
async function waitFor(locator, what, timeout = 60_000) {
  try {
    await locator.waitFor({ state: 'visible', timeout });
  } catch {
    throw new Error(`${what} did not show up within ${timeout / 1000} s`);
  }
}

function loadPlaywright(tools) {
  // the project's devDependency, else the copy in the shared tool cache
  for (const base of [join(repo, 'package.json'), join(tools.driverModules, '..', 'package.json')]) {
    try { return createRequire(base)('playwright-core'); } catch { /* try the next */ }
  }
  throw new Error('playwright-core not found (npm install, or test/e2e/install-tools.sh)');
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.help || !options.out || !(options.view in VIEW_CONTAINERS || options.view === 'none')) {
    console.error('usage: node scripts/screenshot.mjs <out.png> [--view statements|explorer|none] [--open <file>] [--walkthrough] [--extension <dir>] [--folder <dir>]');
    process.exit(2);
  }
  if (options.extension === repo && !existsSync(join(repo, 'client/out/extension.js'))) {
    console.error('client/out/extension.js is missing: run `npm run build` first');
    process.exit(2);
  }
  const tools = installTools({ browser: true });
  const { chromium } = loadPlaywright(tools);
  const server = await startCodeServer({ tools });
  let browser;
  const cleanup = async () => {
    await browser?.close().catch(() => {});
    await server.stop();
  };
  const interrupted = () => cleanup().finally(() => process.exit(130));
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  let page;
  try {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
             '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    });
    page = await browser.newPage({ viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 });
    await page.goto(workbenchUrl(server.url, options.folder, options.extension));
    await waitFor(page.locator('.monaco-workbench .part.activitybar'), 'the VS Code workbench');
    // the extension's container appears in the activity bar once its contributions are registered
    await waitFor(page.locator('.part.activitybar [aria-label="Statements"]').first(),
      'the "Statements" activity bar item (is the extension built, and does it contribute viewsContainers statementLens?)');

    if (options.open) {
      await page.keyboard.press('Control+P');
      const input = page.locator('.quick-input-widget input');
      await waitFor(input, 'Quick Open', 10_000);
      await input.fill(options.open);
      await waitFor(page.locator('.quick-input-widget .monaco-list-row').first(), `a Quick Open match for ${options.open}`, 15_000);
      await page.keyboard.press('Enter');
      await waitFor(page.locator('.editor-instance .view-lines').first(), `an editor on ${options.open}`, 15_000);
    }

    if (options.walkthrough) {
      await page.keyboard.press('F1');
      const input = page.locator('.quick-input-widget input');
      await waitFor(input, 'the command palette', 10_000);
      await input.fill('>Welcome: Open Walkthrough');
      await waitFor(page.locator('.quick-input-widget .monaco-list-row').first(), 'the command Welcome: Open Walkthrough…', 15_000);
      await page.keyboard.press('Enter');
      await waitFor(page.locator('.quick-input-widget .monaco-list-row:has-text("Statement Lens")').first(), 'the Statement Lens walkthrough in the list', 15_000);
      await input.fill('Statement Lens');
      await page.keyboard.press('Enter');
      await waitFor(page.locator('.gettingStartedContainer .getting-started-step').first(), 'the walkthrough\'s steps', 20_000);
      // the step's page renders in a webview beside the steps
      await page.locator('.gettingStartedContainer .getting-started-media iframe').first().waitFor({ state: 'attached', timeout: 20_000 }).catch(() => {});
      await page.waitForTimeout(3000);
    }

    const view = VIEW_CONTAINERS[options.view];
    if (view) {
      const tab = page.locator(`.part.activitybar li.action-item:has(> a[aria-label^="${view.label}"])`).first();
      // clicking the active container would close the side bar
      if (await tab.getAttribute('aria-selected') !== 'true') await tab.click();
      const rows = page.locator(`[id="${view.container}"] .monaco-list-row`);
      await waitFor(rows.first(), `rows in the ${view.label} view`);
    }
    // let the last rows, icons and decorations paint
    await page.mouse.move(300, 14);   // park the pointer on the empty title bar: no hovers, no tooltips
    await page.evaluate(() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done))));
    await page.waitForTimeout(750);

    mkdirSync(dirname(options.out), { recursive: true });
    // The walkthrough's steps and the Statements view; its step pages (a webview) stay blank in headless Chromium.
    await page.screenshot({ path: options.out, ...(options.walkthrough ? { clip: { x: 0, y: 0, width: 1060, height: 900 } } : {}) });
    console.log(`screenshot: ${options.out}`);
  } catch (error) {
    const failed = options.out.replace(/(\.png)?$/i, '.failed.png');
    if (page) await page.screenshot({ path: failed }).then(() => console.error(`saved what was on screen to ${failed}`), () => {});
    throw error;
  } finally {
    await cleanup();
  }
}

main().then(() => process.exit(0), error => { console.error(error.message ?? error); process.exit(1); });
