import { type Page } from 'playwright-core';
import { DEMO_USERS } from '../apps/admin-api/src/seed/seed-demo';
import {
  contentWidth,
  DESKTOP,
  followMainNavigation,
  openNewForm,
  PHONE,
  screenshot,
  seriousAccessibilityViolations,
  signInWithToken,
  type WatchedPage,
} from './support/spa-browser';
import { useSpaPlatform } from './support/spa-platform';
import { addDays, mondayOf, shortWhen } from '../apps/admin-spa/src/schedules/when';

const [, TAYLOR, JORDAN] = DEMO_USERS;

/** What the checks below read in the page (the test is compiled without the DOM's types). */
interface Browserish {
  navigator: { clipboard: { readText(): Promise<string> } };
  document: {
    querySelectorAll(selector: 'style'): Iterable<{ nonce: string }>;
  };
}

/** The Monday after this week's, as YYYY-MM-DD (UTC): every shift the test builds lies ahead. */
function nextMonday(): string {
  return addDays(mondayOf(new Date(), 'UTC'), 7);
}

/** "Mon 7 Dec, 09:00" for `date` at `time` UTC: how the screen writes a time for a viewer in UTC. */
function when(date: string, time: string): string {
  return shortWhen(`${date}T${time}:00Z`, 'UTC');
}

describe('The admin SPA’s schedules screen, in Chromium, against the platform', () => {
  const spa = useSpaPlatform({
    label: 'spa_schedules',
    // incident-state: the first page after signing in lists incidents.
    services: ['admin-api', 'scheduling', 'incident-state'],
  });
  let MORGAN: { id: string; name: string };
  const monday = nextMonday();
  const tuesday = addDays(monday, 1);
  const wednesday = addDays(monday, 2);

  beforeAll(async () => {
    // The manager's own record, named as the token names them (provisioned just in time).
    MORGAN = (await (await spa.platform.api('/api/v1/me', spa.manager)).json()) as {
      id: string;
      name: string;
    };
  });

  /** A signed-in page, and every console error and CSP violation it reports. */
  async function signedIn(token: string, viewport = DESKTOP): Promise<WatchedPage> {
    const { context, page, errors } = await spa.watchedEntryPage(
      (message) => message.type() === 'error' || /Content Security Policy/i.test(message.text()),
      viewport,
    );
    await signInWithToken(page, token);
    return { context, page, errors };
  }

  /** The calendar's blocks in one day's column whose (screen-reader) text is exactly `label`. */
  function blocks(page: Page, date: string, label: string) {
    return page.locator(`.fc-timegrid-col[data-date="${date}"] .fc-event`).filter({ hasText: label });
  }

  /** Drags over the free right edge of a day's column from `from` to the slot of `lastHour` (inclusive). */
  async function selectInCalendar(page: Page, date: string, from: string, lastHour: string): Promise<void> {
    const column = page.locator(`td.fc-timegrid-col[data-date="${date}"]`);
    const first = page.locator(`td.fc-timegrid-slot-lane[data-time="${from}:00"]`);
    const last = page.locator(`td.fc-timegrid-slot-lane[data-time="${lastHour}:00"]`);
    await first.scrollIntoViewIfNeeded();
    const [columnBox, firstBox, lastBox] = await Promise.all([
      column.boundingBox(),
      first.boundingBox(),
      last.boundingBox(),
    ]);
    const x = columnBox!.x + columnBox!.width - 2;
    await page.mouse.move(x, firstBox!.y + firstBox!.height / 2);
    await page.mouse.down();
    await page.mouse.move(x, lastBox!.y + lastBox!.height / 2, { steps: 8 });
    await page.mouse.up();
  }

  it('answers index.html with a fresh style nonce in the policy and the page each time, scripts still self only', async () => {
    const nonces = [];
    for (let i = 0; i < 2; i++) {
      const response = await fetch(`${spa.base()}/schedules`, { headers: { accept: 'text/html' } });
      const policy = response.headers.get('content-security-policy') ?? '';
      const nonce = /style-src 'self' 'nonce-([A-Za-z0-9+/=]+)'/.exec(policy)?.[1];
      expect(policy).toContain("script-src 'self';");
      expect(policy).not.toContain('unsafe-inline');
      expect(await response.text()).toContain(`<meta name="csp-nonce" content="${nonce}" />`);
      nonces.push(nonce);
    }
    expect(nonces[0]).toBeDefined();
    expect(nonces[0]).not.toBe(nonces[1]);
  });

  it('lets a manager build a two-layer schedule with a preview, see each layer and the final schedule, and add an override from the calendar', async () => {
    const { context, page, errors } = await signedIn(spa.manager);
    try {
      await openNewForm(page, 'Schedules', 'New schedule');
      // Checked before sending: the problems beside the fields, nothing sent.
      await page.getByRole('button', { name: 'Save schedule' }).click();
      await page.getByText('Give the schedule a name.').waitFor();
      await page.getByText('Choose who takes turns in this layer.').waitFor();

      await page.getByLabel('Name', { exact: true }).fill('Helpdesk');
      await page.getByLabel('Time zone of the handoffs').fill('UTC');
      await page.getByLabel('Layer 1 name').fill('Weekly');
      await page.getByRole('button', { name: 'Add participant to layer 1' }).click();
      await page.getByRole('button', { name: 'Add participant to layer 1' }).click();
      await page.getByLabel('Layer 1 participant 1', { exact: true }).selectOption(TAYLOR.id);
      await page.getByLabel('Layer 1 participant 2', { exact: true }).selectOption(JORDAN.id);
      await page.getByLabel('Layer 1 turn', { exact: true }).selectOption('weekly');
      await page.getByLabel('Layer 1 turn length (weeks)').fill('1');
      await page.getByLabel('Layer 1 first handoff (UTC)').fill(`${monday}T09:00`);

      await page.getByRole('button', { name: 'Add layer' }).click();
      await page.getByLabel('Layer 2 name').fill('Lunch cover');
      await page.getByRole('button', { name: 'Add participant to layer 2' }).click();
      await page.getByLabel('Layer 2 participant 1', { exact: true }).selectOption(MORGAN.id);
      await page.getByLabel('Layer 2 first handoff (UTC)').fill(`${monday}T09:00`);
      await page.getByRole('button', { name: 'Add restriction to layer 2' }).click();
      await page.getByLabel('Layer 2 restriction 1 repeats').selectOption('daily');
      await page.getByLabel('Layer 2 restriction 1 from').fill('12:00');
      await page.getByLabel('Layer 2 restriction 1 hours').fill('1');

      // The preview, before anything is saved: layer 2 wins over layer 1 at lunch.
      const preview = page.getByRole('region', { name: /^Preview/ });
      const rows = preview.getByRole('row');
      await rows.nth(3).waitFor();
      const previewRows = (await rows.allInnerTexts()).slice(1, 4).map((row) => row.split('\t'));
      expect(previewRows).toEqual([
        [TAYLOR.name, when(monday, '09:00'), when(monday, '12:00'), 'Weekly'],
        [MORGAN.name, when(monday, '12:00'), when(monday, '13:00'), 'Lunch cover'],
        [TAYLOR.name, when(monday, '13:00'), when(tuesday, '12:00'), 'Weekly'],
      ]);
      const stored = (await (await spa.platform.api('/api/v1/schedules', spa.manager)).json()) as {
        items: unknown[];
      };
      expect(stored.items).toEqual([]);
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      await screenshot(page, 'schedule-editor-desktop');
      await page.getByRole('button', { name: 'Save schedule' }).click();

      const detail = page.getByRole('region', { name: 'Helpdesk' });
      await detail.getByRole('heading', { level: 2, name: 'Helpdesk' }).waitFor();
      await page.getByRole('button', { name: 'Next week' }).click();
      // The final schedule, from the API, and each layer alone, day by day at the times they hand over.
      await blocks(page, monday, `Final schedule: ${TAYLOR.name}, ${when(monday, '09:00')} – ${when(monday, '12:00')}`).waitFor(); // prettier-ignore
      await blocks(page, monday, `Final schedule: ${MORGAN.name}, ${when(monday, '12:00')} – ${when(monday, '13:00')}`).waitFor(); // prettier-ignore
      await blocks(page, tuesday, `Final schedule: ${TAYLOR.name}, ${when(monday, '13:00')} – ${when(tuesday, '12:00')}`).waitFor(); // prettier-ignore
      await blocks(page, wednesday, `Weekly: ${TAYLOR.name}, ${when(monday, '09:00')} – ${when(addDays(monday, 7), '09:00')}`).waitFor(); // prettier-ignore
      await blocks(page, wednesday, `Lunch cover: ${MORGAN.name}, ${when(wednesday, '12:00')} – ${when(wednesday, '13:00')}`).waitFor(); // prettier-ignore
      expect(await blocks(page, monday, `Final schedule: ${JORDAN.name}`).count()).toBe(0);

      await selectInCalendar(page, tuesday, '15:00', '16:00');
      const form = page.getByRole('form', { name: 'New override' });
      expect(await form.getByLabel('Override starts (UTC)').inputValue()).toBe(`${tuesday}T15:00`);
      expect(await form.getByLabel('Override ends (UTC)').inputValue()).toBe(`${tuesday}T17:00`);
      await form.getByLabel('Who covers').selectOption(JORDAN.id);
      await form.getByLabel('Reason (optional)').fill('Dentist');
      await form.getByRole('button', { name: 'Save override' }).click();
      await blocks(page, tuesday, `Override: ${JORDAN.name}, ${when(tuesday, '15:00')} – ${when(tuesday, '17:00')}`).waitFor(); // prettier-ignore
      await blocks(page, tuesday, `Final schedule: ${TAYLOR.name}, ${when(tuesday, '17:00')} –`)
        .first()
        .waitFor();
      await page.getByRole('list', { name: 'Overrides' }).getByText('Dentist').waitFor();
      // Until the first handoff nobody is on call: scheduling's scan finds the gap, the screen shows it.
      await page
        .getByRole('list', { name: 'Coverage gaps' })
        .getByText(`– ${when(monday, '09:00')}`)
        .waitFor();
      await page.locator(`.fc-timegrid-col[data-date="${monday}"] .fc-bg-event.shift-gap`).waitFor();

      // The viewer's own iCalendar link, with a copy button; the link answers the calendar.
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await page.getByRole('button', { name: 'Get my calendar link' }).click();
      const url = await page.getByLabel('Calendar link').inputValue();
      const path = /\/api\/v1\/calendar\/shifts\.ics\?token=[\w-]+$/.exec(url)?.[0];
      expect(path).toBeDefined();
      await page.getByRole('button', { name: 'Copy link' }).click();
      await page.getByRole('status').filter({ hasText: 'Copied.' }).waitFor();
      expect(await page.evaluate(() => (globalThis as unknown as Browserish).navigator.clipboard.readText())).toBe(url); // prettier-ignore
      const feed = await fetch(`${spa.base()}${path}`);
      expect([feed.status, (await feed.text()).startsWith('BEGIN:VCALENDAR')]).toEqual([200, true]);

      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      await screenshot(page, 'schedules-desktop');
      // FullCalendar's <style> carries the page's nonce, and nothing was refused.
      expect(await page.evaluate(() => [...(globalThis as unknown as Browserish).document.querySelectorAll('style')].some((style) => style.nonce))).toBe(true); // prettier-ignore
      expect(errors).toEqual([]);

      await page.setViewportSize(PHONE);
      const shifts = page.getByRole('list', { name: 'Shifts this week' });
      await shifts.getByRole('listitem').filter({ hasText: JORDAN.name }).waitFor();
      expect(await contentWidth(page)).toBeLessThanOrEqual(PHONE.width);
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      await screenshot(page, 'schedules-phone');
    } finally {
      await context.close();
    }
  }, 240_000);

  it('offers a technician an override for themselves only', async () => {
    const { context, page, errors } = await signedIn(spa.technician);
    // Named as the token names them once signed in (provisioned just in time).
    const taylor = ((await (await spa.platform.api('/api/v1/me', spa.technician)).json()) as { name: string })
      .name;
    try {
      await followMainNavigation(page, 'Schedules');
      expect(await page.getByRole('button', { name: 'New schedule' }).count()).toBe(0);
      await page.getByRole('button', { name: 'Helpdesk' }).click();
      await page.getByRole('heading', { level: 2, name: 'Helpdesk' }).waitFor();
      await page.getByRole('button', { name: 'Next week' }).click();
      await blocks(page, monday, `Final schedule: ${MORGAN.name}`).first().waitFor();
      await selectInCalendar(page, wednesday, '15:00', '15:00');
      const form = page.getByRole('form', { name: 'New override' });
      const who = form.getByLabel('Who covers');
      expect(await who.locator('option').allInnerTexts()).toEqual([taylor]);
      await form.getByRole('button', { name: 'Save override' }).click();
      await blocks(page, wednesday, `Override: ${taylor}, ${when(wednesday, '15:00')} – ${when(wednesday, '16:00')}`).waitFor(); // prettier-ignore
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 180_000);
});
