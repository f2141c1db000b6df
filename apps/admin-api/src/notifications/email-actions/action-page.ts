import escapeHtml from 'escape-html';
import type { Response } from 'express';

/**
 * Small self-contained HTML pages for links opened from an email: inline styles only, no script, nothing
 * loaded from anywhere, one form that posts back to the page's own URL.
 */
export const ACTION_PAGE_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

export interface ActionPage {
  status: number;
  title: string;
  /** Sentences, each its own paragraph. */
  lines: string[];
  /** A button that posts back to this URL (the one-click confirmation). */
  confirm?: { label: string; color: string };
  link?: { label: string; href: string };
}

const BUTTON =
  'display:inline-block;padding:10px 18px;border:0;border-radius:4px;color:#fff;font-size:15px;cursor:pointer;';

export function sendActionPage(response: Response, page: ActionPage): void {
  const paragraphs = page.lines.map((line) => `<p style="margin:0 0 12px;">${escapeHtml(line)}</p>`).join('');
  const form = page.confirm
    ? `<form method="post"><button type="submit" style="${BUTTON}background:${escapeHtml(page.confirm.color)};">` +
      `${escapeHtml(page.confirm.label)}</button></form>`
    : '';
  const link = page.link
    ? `<p style="margin:16px 0 0;"><a href="${escapeHtml(page.link.href)}" style="color:#1d4ed8;">${escapeHtml(page.link.label)}</a></p>`
    : '';
  const html =
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">' +
    `<title>${escapeHtml(page.title)} · On-Call</title></head>` +
    '<body style="margin:0;padding:32px 16px;background:#f3f4f6;font-family:Arial,Helvetica,sans-serif;color:#111827;">' +
    '<div style="max-width:520px;margin:0 auto;background:#fff;border-radius:6px;padding:24px;">' +
    `<h1 style="margin:0 0 16px;font-size:20px;">${escapeHtml(page.title)}</h1>${paragraphs}${form}${link}</div></body></html>`;
  response.status(page.status);
  response.setHeader('Content-Security-Policy', ACTION_PAGE_POLICY);
  response.setHeader('Cache-Control', 'no-store');
  response.type('text/html').send(html);
} // prettier-ignore
