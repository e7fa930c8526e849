// What every browser journey needs: headless Chromium, full-page screenshots
// kept as test artefacts, and an axe-core check of the page on screen.
//
// Environment (set by run_browser.sh): HDCAT_URL (the server), HDCAT_ARTIFACTS
// (where screenshots go), CHROMIUM (the browser executable).
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const axeScript = require.resolve('axe-core/axe.min.js');

export const baseUrl = process.env.HDCAT_URL;
const artifacts = process.env.HDCAT_ARTIFACTS;

// The flags that let Chromium run headless in a container without a GPU,
// a sandbox or network access beyond the server under test.
const chromiumFlags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function launchBrowser() {
  if (!baseUrl || !artifacts) throw new Error('HDCAT_URL and HDCAT_ARTIFACTS must be set (run through run_browser.sh)');
  return chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: chromiumFlags });
}

// A browsing context as a visitor whose browser asks for `acceptLanguage`.
// bypassCSP lets axe-core be injected under the server's script-src 'self'.
export async function newVisitor(browser, { acceptLanguage, javaScriptEnabled = true }) {
  return browser.newContext({
    baseURL: baseUrl,
    javaScriptEnabled,
    bypassCSP: true,
    viewport: { width: 1280, height: 900 },
    extraHTTPHeaders: { 'Accept-Language': acceptLanguage },
  });
}

// Records the pages of one journey: a numbered full-page screenshot of each
// step, and the axe-core violations of each page.
export class Journey {
  constructor(name) {
    this.name = name;
    this.step = 0;
    this.blocking = [];  // serious or critical violations, with the page they were found on
  }

  async screenshot(page, label) {
    this.step += 1;
    const file = path.join(artifacts, `${this.name}-${String(this.step).padStart(2, '0')}-${label}.png`);
    await page.screenshot({ path: file, fullPage: true });
    console.log(`screenshot: ${file}`);
    return file;
  }

  // Screenshot, then axe-core over the whole document. Every violation is
  // printed; serious and critical ones are kept for assertBlockingFree().
  async check(page, label) {
    await this.screenshot(page, label);
    await page.addScriptTag({ path: axeScript });
    const results = await page.evaluate(() => globalThis.axe.run(document, { resultTypes: ['violations'] }));
    console.log(`axe ${this.name}/${label}: ${results.passes.length} rules passed, ${results.violations.length} violated`);
    for (const violation of results.violations) {
      const where = violation.nodes.map((node) => `      ${node.target.join(' ')}: ${node.failureSummary.replace(/\s+/g, ' ')}`);
      console.log(`axe ${this.name}/${label} ${page.url()}\n  [${violation.impact}] ${violation.id}: ${violation.help}\n${where.join('\n')}`);
      if (violation.impact === 'serious' || violation.impact === 'critical') {
        this.blocking.push(`${label} (${page.url()}): [${violation.impact}] ${violation.id} on ${violation.nodes.length} element(s)`);
      }
    }
  }

  blockingViolations() {
    return this.blocking;
  }
}

// The first integer in a text such as "12 件" or "About 1,234 results".
export function firstNumber(text) {
  const match = /\d[\d,]*/.exec(text ?? '');
  if (!match) throw new Error(`no number in ${JSON.stringify(text)}`);
  return Number(match[0].replaceAll(',', ''));
}
