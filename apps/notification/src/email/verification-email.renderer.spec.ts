import { hrefsOf, parseRenderedEmail, visibleText } from './testing/parse-rendered-email';
import { renderVerificationEmail } from './verification-email.renderer';

const view = {
  address: 'alice.mobile@msp.example',
  confirmUrl: 'https://oncall.example/contact-verification/tok123',
  validFor: '24 hours',
};

describe('renderVerificationEmail (parsed back from MIME)', () => {
  it('names the address and links to the confirmation page once', async () => {
    const mail = await parseRenderedEmail(renderVerificationEmail(view), view.address);
    expect(mail.subject).toBe('Confirm your email address for On-Call pages');
    expect(mail.text).toContain('alice.mobile@msp.example was added as a contact method');
    expect(mail.text).toContain(`Confirm: ${view.confirmUrl}`);
    expect(hrefsOf(mail.html as string)).toEqual([view.confirmUrl]);
    expect(visibleText(mail.html as string)).toContain('The link works for 24 hours');
  });

  it('keeps markup in the address as text', () => {
    const { html } = renderVerificationEmail({ ...view, address: '<b>x</b>@msp.example' });
    expect(html).toContain('&lt;b&gt;x&lt;/b&gt;@msp.example');
  });
});
