import type { ContactMethodView, NotificationRulesView } from '@oncall/contracts';
import { type Page } from 'playwright-core';
import { DEMO_USERS } from '../apps/admin-api/src/seed/seed-demo';
import {
  startTestSmtpServer,
  TestSmtpServer,
} from '../apps/notification/src/senders/testing/test-smtp-server';
import {
  checkDesktopThenPhone,
  DESKTOP,
  followMainNavigation,
  PHONE,
  screenshot,
  seriousAccessibilityViolations,
} from './support/spa-browser';
import { useSpaPlatform } from './support/spa-platform';

const [, TAYLOR, JORDAN] = DEMO_USERS;
// Signing in gives Taylor the token's name (provisioned just in time); Jordan never signs in here.
const TAYLOR_NAME = TAYLOR.hubUserId;
const NEW_ADDRESS = 'taylor.phone@example.test';

describe('The admin SPA’s people, teams and contact methods, in Chromium, against the platform', () => {
  let smtp: TestSmtpServer;
  const spa = useSpaPlatform({
    label: 'spa_people',
    services: ['admin-api', 'notification'],
    environment: async () => {
      smtp = await startTestSmtpServer();
      return { SMTP_URL: smtp.url, PUBLIC_URL: 'https://oncall.example' };
    },
  });
  /** Taylor's token, with the address the notifications go to. */
  let technician: string;

  beforeAll(() => {
    technician = spa.platform.token(spa.demo.orgId, 'technician', TAYLOR.hubUserId, TAYLOR.email);
  });

  afterAll(() => smtp?.close());

  async function toPeople(page: Page): Promise<void> {
    await followMainNavigation(page, 'People');
    await page.getByRole('row').filter({ hasText: JORDAN.email }).waitFor();
  }

  const mine = async <T>(path: string): Promise<T> =>
    (await (await spa.platform.api(`/api/v1/me/${path}`, technician)).json()) as T;

  it('lets a technician add their own email address and a notification rule step, kept after a reload', async () => {
    await spa.whileSignedIn(
      technician,
      async (page) => {
        await toPeople(page);
        await page.getByRole('link', { name: 'Your contact methods' }).click();
        await page
          .getByRole('heading', { level: 1, name: 'Your contact methods and notification rules' })
          .waitFor();
        await page.getByRole('listitem', { name: `Email ${TAYLOR.email}` }).waitFor();

        // Checked before sending: the problem beside the field, nothing sent.
        await page.getByRole('button', { name: 'Add contact method' }).click();
        await page.getByText('Enter an email address such as tech@example.com.').waitFor();
        // Plausible here, refused by notification: its message beside the field.
        await page.getByLabel('Kind').selectOption('sms');
        await page.getByLabel('Address').fill('+0 555 0100');
        await page.getByRole('button', { name: 'Add contact method' }).click();
        await page.getByText('must be an international number in E.164 form', { exact: false }).waitFor();
        expect(await page.getByLabel('Address').getAttribute('aria-invalid')).toBe('true');

        await page.getByLabel('Kind').selectOption('email');
        await page.getByLabel('Address').fill(NEW_ADDRESS);
        await page.getByRole('button', { name: 'Add contact method' }).click();
        const added = page.getByRole('listitem', { name: `Email ${NEW_ADDRESS}` });
        await added.getByText('Awaiting confirmation', { exact: false }).waitFor();
        const method = (await mine<{ items: ContactMethodView[] }>('contact-methods')).items.find(
          (item) => item.address === NEW_ADDRESS,
        );
        expect(method).toMatchObject({ type: 'email', verified: false });

        // A rule step the API would refuse is caught first, then the valid one is saved.
        await page.getByRole('button', { name: 'Add high urgency step' }).click();
        const step = page.getByRole('listitem', { name: 'High urgency step 3' });
        await page.getByRole('button', { name: 'Save rules' }).click();
        await step.getByText('Choose a contact method.').waitFor();
        await step
          .getByLabel('Contact method (high urgency step 3)')
          .selectOption({ label: `Email: ${NEW_ADDRESS}` });
        await step.getByLabel('Minutes after the page (high urgency step 3)').fill('10');
        await page.getByRole('button', { name: 'Save rules' }).click();
        await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
        expect(await seriousAccessibilityViolations(page)).toEqual([]);
        await screenshot(page, 'contact-methods-phone');
        await page.setViewportSize(DESKTOP);
        await screenshot(page, 'contact-methods-desktop');

        await page.reload();
        await page
          .getByRole('heading', { level: 1, name: 'Your contact methods and notification rules' })
          .waitFor();
        await page.getByRole('listitem', { name: `Email ${NEW_ADDRESS}` }).waitFor();
        expect(await page.getByLabel('Contact method (high urgency step 3)').inputValue()).toBe(method!.id);
        expect(await page.getByLabel('Minutes after the page (high urgency step 3)').inputValue()).toBe('10');
        const rules = await mine<NotificationRulesView>('notification-rules');
        expect(rules.high.at(-1)).toEqual({ contactMethodId: method!.id, delayMinutes: 10 });
      },
      PHONE,
    );
  }, 180_000);

  it('does not offer a technician anyone else’s contact methods, nor team changes', async () => {
    await spa.whileSignedIn(technician, async (page) => {
      await toPeople(page);
      const opens = page.getByRole('link', { name: /^Contact methods of / });
      expect(await opens.count()).toBe(1);
      expect(await opens.getAttribute('aria-label')).toBe(`Contact methods of ${TAYLOR_NAME}`);
      expect(await page.getByRole('row').filter({ hasText: JORDAN.email }).getByRole('link').count()).toBe(0);
      await page.getByText('No teams yet.', { exact: true }).waitFor();
      expect(await page.getByRole('button', { name: 'New team' }).count()).toBe(0);

      // Typed in by hand, the address shows the API's refusal and no form.
      await page.goto(`${spa.base()}/people/${JORDAN.id}`);
      await page.getByText('You may only manage your own contact methods and notification rules.').waitFor();
      expect(await page.getByRole('button', { name: 'Add contact method' }).count()).toBe(0);
    });
  }, 180_000);

  it('lets a manager add a person, create a team of two and open anyone’s contact methods', async () => {
    await spa.whileSignedIn(spa.manager, async (page) => {
      await toPeople(page);
      await page.getByRole('button', { name: 'Add person' }).click();
      await page.getByRole('button', { name: 'Add person' }).click();
      await page.getByText('Give their name.').waitFor();
      await page.getByLabel('Full name').fill('Riley New');
      await page.getByLabel('Email (their Hub sign-in)').fill('riley@demo-msp.example');
      await page.getByRole('button', { name: 'Add person' }).click();
      await page
        .getByRole('row')
        .filter({ hasText: 'riley@demo-msp.example' })
        .getByText('not signed in yet', { exact: false })
        .waitFor();

      const everyone = (await (await spa.platform.api('/api/v1/users', spa.manager)).json()) as {
        items: unknown[];
      };
      expect(await page.getByRole('link', { name: /^Contact methods of / }).count()).toBe(
        everyone.items.length,
      );
      await page.getByRole('button', { name: 'New team' }).click();
      await page.getByRole('button', { name: 'Create team' }).click();
      await page.getByText('Give the team a name.').waitFor();
      await page.getByLabel('Team name').fill('Servers');
      await page.getByRole('checkbox', { name: TAYLOR_NAME }).check();
      await page.getByRole('checkbox', { name: JORDAN.name }).check();
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Create team' }).click();
      const team = page.getByRole('listitem', { name: 'Servers' });
      await team.getByText(`${TAYLOR_NAME}, ${JORDAN.name}`).waitFor();
      const teams = (await (await spa.platform.api('/api/v1/teams', spa.manager)).json()) as {
        items: { name: string; memberIds: string[] }[];
      };
      expect(teams.items).toEqual([
        expect.objectContaining({ name: 'Servers', memberIds: [TAYLOR.id, JORDAN.id].sort() }),
      ]);
      await checkDesktopThenPhone(page, 'people');

      await page.getByRole('link', { name: `Contact methods of ${TAYLOR_NAME}` }).click();
      await page
        .getByRole('heading', { level: 1, name: `${TAYLOR_NAME}’s contact methods and notification rules` })
        .waitFor();
      await page.getByRole('listitem', { name: `Email ${NEW_ADDRESS}` }).waitFor();
    });
  }, 180_000);
});
