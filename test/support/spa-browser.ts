import AxeBuilder from '@axe-core/playwright';
import { REPO_ROOT } from '@oncall/platform-testing';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, ConsoleMessage, Locator, Page } from 'playwright-core';

/** Debian's Chromium; never a downloaded browser. */
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Screenshots of the SPA's screens, written by the Chromium tests for reviewers (README names it). */
export const SCREENSHOT_DIR = join(REPO_ROOT, 'docs', 'screenshots');
export const PHONE = { width: 375, height: 812 };
export const DESKTOP = { width: 1280, height: 800 };

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** axe-core's serious and critical findings on the page as it stands (WCAG 2 A/AA rules). */
export async function seriousAccessibilityViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page: page as never })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
    );
}

/** Signs in on the SPA's development form (a pasted token), as `npm start` without Hub offers it. */
export async function signInWithToken(page: Page, token: string): Promise<void> {
  await page.getByLabel('Access token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

/** A fresh browser context (UTC, en-GB) and its one page, not yet on any address. */
export async function freshPage(
  browser: Browser,
  viewport = DESKTOP,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, timezoneId: 'UTC', locale: 'en-GB' });
  // Generous: the shared 2-core machine runs several platforms at once.
  context.setDefaultTimeout(30_000);
  return { context, page: await context.newPage() };
}

/** A fresh browser context on the SPA at `baseUrl`, signed in with `token`, in UTC. */
export async function signedInWithToken(
  browser: Browser,
  baseUrl: string,
  token: string,
  viewport = DESKTOP,
): Promise<{ context: BrowserContext; page: Page }> {
  const { context, page } = await freshPage(browser, viewport);
  await page.goto(`${baseUrl}/`);
  await signInWithToken(page, token);
  return { context, page };
}

/** A page, its browser context, and the errors it reports (see pageErrors). */
export interface WatchedPage {
  context: BrowserContext;
  page: Page;
  errors: string[];
}

/** A fresh page (see freshPage) and the errors it reports (see pageErrors). */
export async function watchedPage(
  browser: Browser,
  viewport: { width: number; height: number },
  counts: (message: ConsoleMessage) => boolean,
): Promise<WatchedPage> {
  const { context, page } = await freshPage(browser, viewport);
  return { context, page, errors: pageErrors(page, counts) };
}

/**
 * The errors `page` reports from now on: its uncaught exceptions, and the console messages `counts` keeps
 * (Chromium's request for /favicon.ico, which the SPA does not have, never counts).
 */
export function pageErrors(page: Page, counts: (message: ConsoleMessage) => boolean): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    const url = message.location().url;
    if (!url.endsWith('/favicon.ico') && counts(message)) errors.push(`${message.text()} (${url})`);
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/** How wide the page's content is, in CSS pixels (wider than the viewport: it scrolls sideways). */
export function contentWidth(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document
        .documentElement.scrollWidth,
  );
}

/** Turns the page into a phone's and expects it to fit, nothing scrolling sideways. */
export async function expectFitsPhone(page: Page): Promise<void> {
  await page.setViewportSize(PHONE);
  expect(await contentWidth(page)).toBeLessThanOrEqual(PHONE.width);
}

/**
 * The screen as it stands, checked and photographed at both sizes: nothing serious for axe, the desktop
 * screenshot `NAME-desktop`, then turned into a phone's, fitting it (unless `mustFit` is false), and `NAME-phone`.
 */
export async function checkDesktopThenPhone(
  page: Page,
  name: string,
  { mustFit = true } = {},
): Promise<void> {
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
  await screenshot(page, `${name}-desktop`);
  if (mustFit) await expectFitsPhone(page);
  else await page.setViewportSize(PHONE);
  await screenshot(page, `${name}-phone`);
}

/** The main navigation's link to `label`'s screen. */
export function mainNavigationLink(page: Page, label: string): Locator {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: label });
}

/** Follows the main navigation to `label`'s screen and waits for its heading. */
export async function followMainNavigation(page: Page, label: string): Promise<void> {
  await mainNavigationLink(page, label).click();
  await page.getByRole('heading', { level: 1, name: label }).waitFor();
}

/** Follows the main navigation to `label`'s screen and opens its form for a new thing (the `button`, "New …"). */
export async function openNewForm(page: Page, label: string, button: string): Promise<void> {
  await followMainNavigation(page, label);
  await page.getByRole('button', { name: button }).click();
}

/** Follows the main navigation to `label`'s screen and waits until it has loaded (no "Loading…" left). */
export async function openMainScreen(page: Page, label: string): Promise<void> {
  await followMainNavigation(page, label);
  await page.waitForFunction(
    () =>
      !(
        globalThis as unknown as { document: { body: { innerText: string } } }
      ).document.body.innerText.includes('Loading…'),
  );
}
