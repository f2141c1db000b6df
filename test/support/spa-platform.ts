import { stageForAll } from '@oncall/platform-testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type ConsoleMessage, type Page } from 'playwright-core';
import { DEMO_USERS, DemoOrganization } from '../../apps/admin-api/src/seed/seed-demo';
import { ensureAdminSpaBuilt, SPA_DIST_DIR } from '../../apps/admin-spa/spa-build';
import { IncidentApi } from './incident-api';
import { OidcStandIn, type StandInAccount } from './oidc-stand-in';
import { PlatformHarness } from './platform-harness';
import type { ServiceName } from './service-catalogue';
import {
  CHROMIUM,
  CHROMIUM_ARGS,
  DESKTOP,
  signedInWithToken,
  type WatchedPage,
  watchedPage,
} from './spa-browser';

/** The SPA's OIDC client and the API's audience, as the Hub stand-in and admin-api are configured with them. */
export const HUB_CLIENT_ID = 'oncall-admin-spa';
export const HUB_AUDIENCE = 'https://oncall.test/api';
const [, TAYLOR] = DEMO_USERS;

export interface SpaPlatformOptions {
  /** The harness's label (its database schema and namespace). */
  label: string;
  services: ServiceName[];
  /** More of the platform's environment, asked for before the platform is configured. */
  environment?: () => NodeJS.ProcessEnv | Promise<NodeJS.ProcessEnv>;
  /** Hub signs people in (an OIDC stand-in knowing these accounts) instead of pasted development tokens. */
  hubAccounts?: (demo: DemoOrganization) => Record<string, StandInAccount>;
  /** Whether to launch Chromium (default yes); a test with a persistent profile launches its own. */
  browser?: boolean;
}

/**
 * The platform serving the built SPA, the demo organisation seeded into it, Hub's stand-in when asked for
 * and a headless Chromium: what every admin SPA browser test stands on. Started by `useSpaPlatform`
 * before the tests, so read its fields inside tests and hooks only.
 */
export class SpaPlatform {
  platform!: PlatformHarness;
  demo!: DemoOrganization;
  browser!: Browser;
  /** Set when `hubAccounts` was given. */
  hub!: OidcStandIn;
  /** Development tokens: the demo organisation's manager, and Taylor (a technician). */
  manager!: string;
  technician!: string;
  /** Alerts into the demo organisation's integration, and the incidents' API. */
  incidents!: IncidentApi;

  /** admin-api's address, where the SPA is served. */
  base(): string {
    return this.platform.url('admin-api');
  }

  /** A fresh browser context on the SPA, signed in with a pasted development token. */
  signedIn(token: string, viewport = DESKTOP): Promise<{ context: BrowserContext; page: Page }> {
    return signedInWithToken(this.browser, this.base(), token, viewport);
  }

  /** A fresh page on the SPA's entry page, not signed in yet, and the errors it reports that `counts` keeps. */
  async watchedEntryPage(
    counts: (message: ConsoleMessage) => boolean,
    viewport = DESKTOP,
  ): Promise<WatchedPage> {
    const watched = await watchedPage(this.browser, viewport, counts);
    await watched.page.goto(`${this.base()}/`);
    return watched;
  }

  /** Runs `work` on a fresh page signed in with `token`, and closes its browser context however it ends. */
  async whileSignedIn(
    token: string,
    work: (page: Page, context: BrowserContext) => Promise<void>,
    viewport = DESKTOP,
  ): Promise<void> {
    const { context, page } = await this.signedIn(token, viewport);
    try {
      await work(page, context);
    } finally {
      await context.close();
    }
  }

  async start(options: SpaPlatformOptions): Promise<void> {
    const [harness, port, environment] = await Promise.all([
      PlatformHarness.create(options.label),
      options.hubAccounts ? OidcStandIn.freePort() : undefined,
      options.environment?.(),
      ensureAdminSpaBuilt(),
    ]);
    const issuer = `http://127.0.0.1:${port}`;
    const hubEnvironment = options.hubAccounts
      ? {
          HUB_ISSUER: issuer,
          HUB_JWKS_URL: `${issuer}/jwks`,
          HUB_AUDIENCE,
          HUB_SPA_CLIENT_ID: HUB_CLIENT_ID,
        }
      : {};
    this.platform = harness.configure({ SPA_DIST_DIR, ...environment, ...hubEnvironment });
    await this.platform.start(...options.services);
    this.demo = await this.platform.seedDemo();
    this.manager = this.platform.token(this.demo.orgId, 'manager', this.demo.managerUserId);
    this.technician = this.platform.token(this.demo.orgId, 'technician', TAYLOR.hubUserId);
    this.incidents = new IncidentApi(this.platform, this.demo.integrationKey);
    if (options.hubAccounts)
      this.hub = await OidcStandIn.start({
        port: port!,
        clientId: HUB_CLIENT_ID,
        spaUrl: this.base(),
        audience: HUB_AUDIENCE,
        accounts: options.hubAccounts(this.demo),
      });
    if (options.browser !== false)
      this.browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  }

  async close(): Promise<void> {
    await this.browser?.close();
    await this.hub?.close();
    await this.platform?.close();
  }
}

/** A `SpaPlatform` started before the file's tests and closed after them (through `stageForAll`, ADR 0167). */
export function useSpaPlatform(options: SpaPlatformOptions): SpaPlatform {
  return stageForAll(async () => {
    const spa = new SpaPlatform();
    try {
      await spa.start(options);
    } catch (error) {
      await spa.close(); // nothing left running when a start fails half way
      throw error;
    }
    return spa;
  }, 180_000);
}

export interface PersistentChromium {
  context: BrowserContext;
  page: Page;
  /** Ends Chromium and removes its profile. */
  close(): Promise<void>;
}

/**
 * Chromium with a profile of its own on disk (kept across reloads, as a person's browser keeps it), its
 * first page, and `close` to end it and remove the profile.
 */
export async function persistentChromium(
  profilePrefix: string,
  options: { timeoutMs: number; timezoneId?: string; locale?: string },
): Promise<PersistentChromium> {
  const profileDir = mkdtempSync(join(tmpdir(), profilePrefix));
  const { timeoutMs, ...locale } = options;
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: DESKTOP,
    ...locale,
  });
  context.setDefaultTimeout(timeoutMs);
  const page = context.pages()[0] ?? (await context.newPage());
  const close = async () => {
    await context.close();
    rmSync(profileDir, { recursive: true, force: true });
  };
  return { context, page, close };
}
