/**
 * The cooperation dashboard in a real browser at 1366×768, as raadslid: the balance
 * verdict (with its period) and the goals tile are visible without scrolling (their
 * bounding boxes lie within the viewport), with the CSP enforced.
 */
import { describe, test, before, after, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { missingBrowser, screenshot, signIn, startHarness, type Harness } from './harness.ts';

const HB = '/samenwerkingen/heemstede-bloemendaal';

describe('cooperation dashboard in the browser', () => {
  const skipReason = missingBrowser();
  let h: Harness | undefined;
  before(async () => { if (!skipReason) h = await startHarness(); });
  after(async () => { await h?.stop(); });
  const ready = (t: TestContext): Harness | undefined => {
    if (skipReason) t.skip(skipReason);
    return skipReason ? undefined : h;
  };

  test('raadslid at 1366×768: verdict and goals above the fold', async (t) => {
    const harness = ready(t);
    if (!harness) return;
    const context = await harness.browser.newContext({ baseURL: harness.baseUrl, locale: 'nl-NL', viewport: { width: 1366, height: 768 } });
    const cspErrors: string[] = [];
    context.on('console', (m) => { if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) cspErrors.push(m.text()); });
    const page = await signIn(context, 'raadslid.heemstede@vlecht.demo');
    await page.getByRole('link', { name: /Heemstede–Bloemendaal/ }).first().click();
    await page.waitForURL(`**${HB}`);
    await screenshot(page, 'dashboard-raadslid-1366');
    const within = async (selector: string) => {
      const box = await page.locator(selector).first().boundingBox();
      assert.ok(box, `${selector} is rendered`);
      assert.ok(box.y >= 0 && box.x >= 0 && box.y + box.height <= 768 && box.x + box.width <= 1366, `${selector} lies within 1366×768: ${JSON.stringify(box)}`);
    };
    const verdict = await page.locator('.vlecht-verdict').first().innerText();
    assert.match(verdict, /^In (heel \d{4}|\de kwartaal \d{4}) leverde (Heemstede|Bloemendaal) [\d.,]+ uur \(€\s[\d.,]+\) meer aan (Heemstede|Bloemendaal) dan het ontving\.$/);
    await within('.vlecht-verdict');
    await within('#doelen');
    assert.match(await page.locator('#doelen').innerText(), /\d+ rood/);
    assert.deepEqual(cspErrors, [], 'no CSP violations');
    await context.close();
  });
});
