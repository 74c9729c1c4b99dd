// A mission's criteria printed from Chromium as an official attachment: A4 pages, the site's header and
// the page's controls left out, the period as a running header, Sarabun embedded, table rows kept whole,
// and the switch between Thai and Arabic digits.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAnalysis } from '../../engine/node/analysis-pool.js';
import { launchChromium, startEditor, type Editor } from './harness.js';
import { fontNames, mediaBoxes, pageCount, textStreams } from '../pdf.js';

let editor: Editor;
let browser: Browser;
let page: Page;
// otop's criteria on A4 with the official margins at 16 pt: found by printing, and changed only by a change of layout or words.
const EXPECTED_PAGES = 2;

beforeAll(async () => {
  editor = await startEditor([]);
  browser = await launchChromium();
  page = await browser.newPage({ locale: 'th-TH' });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  editor?.stop();
  await closeAnalysis();
});

describe('printing /criteria/2567-Q3/otop', () => {
  it('shows the Thai thresholds on screen, and the digits switch writes them in Arabic digits', async () => {
    await page.goto(`${editor.base}/criteria/2567-Q3/otop`);
    expect(await page.locator('[data-testid=levels]').innerText()).toContain('มากกว่าร้อยละ ๔');
    await page.click('[data-testid=digits-arabic]');
    await page.waitForURL(/digits=arabic/);
    const levels = await page.locator('[data-testid=levels]').innerText();
    expect(levels).toContain('มากกว่าร้อยละ 4');
    expect(levels).not.toMatch(/[๐-๙]/);
    await page.click('[data-testid=digits-thai]');
    await page.waitForURL((url) => !url.search.includes('digits'));
    expect(await page.locator('[data-testid=levels]').innerText()).toContain('มากกว่าร้อยละ ๔');
  });

  it("in print leaves out the site's header and the controls, shows the period header, 16 pt Sarabun, rows kept whole", async () => {
    await page.goto(`${editor.base}/criteria/2567-Q3/otop`);
    await page.emulateMedia({ media: 'print' });
    const styles = await page.evaluate(() => {
      const style = (selector: string) => getComputedStyle(document.querySelector(selector)!);
      return {
        site: style('body > div > header').display,
        tools: style('[data-testid=document-tools]').display,
        crumbs: style('nav.crumbs').display,
        header: style('[data-testid=print-header]').display,
        headerText: document.querySelector('[data-testid=print-header]')!.textContent,
        font: style('html').fontFamily,
        size: Math.round(parseFloat(style('html').fontSize) * 72 / 96),
        row: style('[data-testid=levels] tbody tr').breakInside,
      };
    });
    expect(styles).toEqual({
      site: 'none',
      tools: 'none',
      crumbs: 'none',
      header: 'block',
      headerText: 'เกณฑ์การจัดระดับภารกิจ ไตรมาส ๓/๒๕๖๗',
      font: '"TH Sarabun New", Sarabun, sans-serif',
      size: 16,
      row: 'avoid',
    });
    await page.emulateMedia({ media: 'screen' });
    expect(await page.locator('[data-testid=print-header]').isVisible()).toBe(false);
    // Back to no emulation: page.pdf() prints with screen styles while 'screen' is emulated.
    await page.emulateMedia({ media: null });
  });

  it('prints to A4 pages with the Sarabun font embedded and the page numbers of the print footer', async () => {
    await page.goto(`${editor.base}/criteria/2567-Q3/otop`);
    await page.evaluate(() => document.fonts.ready);
    const pdf = await page.pdf({
      format: 'A4',
      preferCSSPageSize: true,
      printBackground: false,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: '<div style="width:100%;text-align:center;font-size:10pt">PAGENO <span class="pageNumber"></span></div>',
    });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = pageCount(pdf);
    expect(pages).toBe(EXPECTED_PAGES);
    // A4 is 595.28 × 841.89 pt; Chromium rounds the page to whole CSS pixels (595.92 × 842.88), Letter would be 612 × 792.
    const boxes = mediaBoxes(pdf);
    expect(boxes).toHaveLength(pages);
    for (const [width, height] of boxes) expect([Math.abs(width - 595.28) < 2, Math.abs(height - 841.89) < 2]).toEqual([true, true]);
    expect(fontNames(pdf).some((name) => /Sarabun/.test(name))).toBe(true);
  });

  it('draws the running header on every printed page, not only the first', async () => {
    await page.goto(`${editor.base}/criteria/2567-Q3/otop`);
    await page.evaluate(() => document.fonts.ready);
    const textBlocks = (pdf: Buffer) => textStreams(pdf).map((stream) => (stream.match(/\bBT\b/g) ?? []).length);
    const withHeader = textBlocks(await page.pdf({ format: 'A4', preferCSSPageSize: true }));
    await page.addStyleTag({ content: '@media print { [data-testid=print-header] { display: none !important } }' });
    const withoutHeader = textBlocks(await page.pdf({ format: 'A4', preferCSSPageSize: true }));
    expect(withHeader).toHaveLength(EXPECTED_PAGES);
    expect(withoutHeader).toHaveLength(EXPECTED_PAGES);
    // Each page draws the header's text besides its own: more text on every page with the header than without.
    expect(withHeader.map((blocks, i) => blocks > withoutHeader[i]!)).toEqual(withHeader.map(() => true));
  });
});
