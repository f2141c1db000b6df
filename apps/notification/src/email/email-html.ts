import escapeHtml from 'escape-html';
import { safeHref } from './email-format';

/**
 * HTML building blocks for email clients: tables for layout, inline styles only (Outlook's Word engine
 * and Gmail drop or ignore <style> in places), no script, buttons as plain links in a coloured cell.
 * Every function escapes the text it is given; callers pass raw values.
 */
const FONT = 'font-family:Arial,Helvetica,sans-serif;';
const TEXT = `${FONT}font-size:14px;line-height:20px;color:#111827;`;
const MUTED = `${FONT}font-size:12px;line-height:18px;color:#6b7280;`;

export { escapeHtml };

/** A full document: `preheader` is the line clients show beside the subject in the inbox list. */
export function htmlDocument(title: string, preheader: string, rows: readonly string[]): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title></head>`,
    '<body style="margin:0;padding:0;background-color:#f3f4f6;">',
    `<div style="display:none;max-height:0;overflow:hidden;mso-hide:all;">${escapeHtml(preheader)}</div>`,
    '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" bgcolor="#f3f4f6">',
    '<tr><td align="center" style="padding:24px 12px;">',
    '<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" bgcolor="#ffffff"',
    ' style="width:600px;max-width:100%;background-color:#ffffff;border:1px solid #e5e7eb;">',
    ...rows,
    '</table>',
    `<p style="${MUTED}margin:12px 0 0 0;">Sent by On-Call.</p>`,
    '</td></tr></table></body></html>',
  ].join('\n');
}

/** A coloured band with a label (severity, "Unanswered") above the title. */
export function bannerRow(label: string, color: string, title: string, titleHref?: string): string {
  const href = safeHref(titleHref);
  const titleHtml = href
    ? `<a href="${escapeHtml(href)}" style="color:#111827;text-decoration:none;">${escapeHtml(title)}</a>`
    : escapeHtml(title);
  return [
    `<tr><td bgcolor="${color}" style="background-color:${color};padding:8px 24px;${FONT}font-size:12px;`,
    `font-weight:bold;letter-spacing:1px;color:#ffffff;">${escapeHtml(label.toUpperCase())}</td></tr>`,
    `<tr><td style="padding:20px 24px 4px 24px;${FONT}font-size:20px;line-height:26px;font-weight:bold;`,
    `color:#111827;">${titleHtml}</td></tr>`,
  ].join('');
}

export function paragraphRow(text: string): string {
  return `<tr><td style="padding:8px 24px;${TEXT}">${escapeHtml(text)}</td></tr>`;
}

export function headingRow(text: string): string {
  return `<tr><td style="padding:16px 24px 4px 24px;${FONT}font-size:15px;font-weight:bold;color:#111827;">${escapeHtml(text)}</td></tr>`;
}

/** Label/value pairs as a two-column table; a value with an href becomes a link when the URL is safe. */
export function factsRow(facts: readonly { label: string; value: string; href?: string }[]): string {
  const rows = facts.map(({ label, value, href }) => {
    const safe = safeHref(href);
    const valueHtml = safe
      ? `<a href="${escapeHtml(safe)}" style="color:#1d4ed8;">${escapeHtml(value)}</a>`
      : escapeHtml(value);
    return (
      `<tr><td valign="top" style="padding:3px 12px 3px 0;${MUTED}white-space:nowrap;">${escapeHtml(label)}</td>` +
      `<td valign="top" style="padding:3px 0;${TEXT}word-break:break-word;">${valueHtml}</td></tr>`
    );
  });
  return `<tr><td style="padding:4px 24px;"><table role="presentation" cellpadding="0" cellspacing="0" border="0" width="100%">${rows.join('')}</table></td></tr>`;
}

/** A row of buttons; a button whose URL is not a safe http(s) link is left out. */
export function buttonsRow(buttons: readonly { label: string; href: string; color: string }[]): string {
  const cells = buttons.flatMap(({ label, href, color }) => {
    const safe = safeHref(href);
    if (!safe) return [];
    return [
      `<td bgcolor="${color}" style="background-color:${color};border-radius:4px;">` +
        `<a href="${escapeHtml(safe)}" style="display:inline-block;padding:12px 20px;${FONT}font-size:15px;` +
        `font-weight:bold;color:#ffffff;text-decoration:none;">${escapeHtml(label)}</a></td>`,
    ];
  });
  const spaced = cells.join('<td width="12" style="width:12px;">&nbsp;</td>');
  return `<tr><td style="padding:16px 24px;"><table role="presentation" cellpadding="0" cellspacing="0" border="0"><tr>${spaced}</tr></table></td></tr>`;
}

export function footnoteRow(text: string): string {
  return `<tr><td style="padding:12px 24px 20px 24px;${MUTED}">${escapeHtml(text)}</td></tr>`;
}
