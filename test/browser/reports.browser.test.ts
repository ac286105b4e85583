/**
 * Reports in a real browser: a controller creates the factsheet of a team for a period,
 * writes section B and sees it in the preview with the figures; the directie publishes it;
 * a raadslid finds the published version and not the concept progress report. CSP
 * enforced (inline SVG charts included); axe-core finds no serious or critical problems.
 */
import { describe, test, before, after, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { missingBrowser, newContext, seriousViolations, signIn, startHarness, submit, type Harness } from './harness.ts';

const HB = '/samenwerkingen/heemstede-bloemendaal';

describe('report pages in the browser', () => {
  const skipReason = missingBrowser();
  let h: Harness | undefined;
  before(async () => { if (!skipReason) h = await startHarness(); });
  after(async () => { await h?.stop(); });
  const ready = (t: TestContext): Harness | undefined => {
    if (skipReason) t.skip(skipReason);
    return skipReason ? undefined : h;
  };

  test('controller writes a factsheet, directie publishes, raadslid reads only what is published', async (t) => {
    const harness = ready(t);
    if (!harness) return;
    const { context, cspErrors } = await newContext(harness);
    const page = await signIn(context, 'controller.heemstede@vlecht.demo');
    await page.goto(HB);
    await page.getByRole('link', { name: /Rapportages: voortgangsrapportage/ }).click();
    await page.getByLabel('Soort').selectOption('factsheet');
    await page.getByLabel('Team (alleen bij een factsheet)').selectOption({ label: 'Communicatie' });
    await page.getByRole('textbox', { name: 'Periode' }).fill('2024-K5');
    assert.equal(await submit(page, 'Concept aanmaken'), 400);
    assert.match(await page.locator('main').innerText(), /kwartaal \(2019-K3\)/);
    await page.getByRole('textbox', { name: 'Periode' }).fill('2024');
    assert.equal(await submit(page, 'Concept aanmaken'), 303);
    assert.match(await page.locator('h1').innerText(), /Factsheet Communicatie 2024/);
    await page.getByLabel('B. Opbrengst kwalitatief').fill('Eén online team voor beide websites.');
    assert.equal(await submit(page, 'Teksten opslaan'), 303);
    const preview = await page.locator('.vlecht-report-preview').innerText();
    assert.match(preview, /Eén online team voor beide websites\./);
    assert.match(preview, /C\. Opbrengst kwantitatief/);
    assert.match(preview, /€\s?\d/, 'costs in euro from the ledger');
    assert.equal(await page.getByRole('button', { name: 'Publiceren' }).count(), 0, 'a controller does not publish');
    const url = page.url();
    await context.close();

    const d = await newContext(harness);
    const directie = await signIn(d.context, 'directie@vlecht.demo');
    await directie.goto(url);
    // Sections are still empty: publishing needs a confirmation that names them.
    assert.equal(await submit(directie, 'Publiceren'), 400);
    assert.match(await directie.locator('main').innerText(), /Ik publiceer met/);
    await directie.locator('input[name="bevestigOntbrekend"]').check();
    assert.equal(await submit(directie, 'Publiceren'), 303);
    assert.match(await directie.locator('main').innerText(), /De rapportage is gepubliceerd/);
    await d.context.close();

    const r = await newContext(harness);
    const raadslid = await signIn(r.context, 'raadslid.heemstede@vlecht.demo');
    await raadslid.goto(`${HB}/rapporten`);
    const list = await raadslid.locator('main').innerText();
    assert.match(list, /Factsheet Communicatie 2024/);
    assert.match(list, /Factsheet P&O 2025/);
    assert.doesNotMatch(list, /Voortgangsrapportage/, 'the concept progress report is not listed');
    await raadslid.getByRole('link', { name: 'Factsheet Communicatie 2024' }).click();
    assert.equal(await raadslid.getByLabel('B. Opbrengst kwalitatief').count(), 0, 'no forms for a raadslid');
    await raadslid.getByRole('link', { name: 'Versie 1' }).click();
    assert.match(await raadslid.locator('main').innerText(), /Eén online team voor beide websites\./);
    assert.deepEqual([...cspErrors, ...d.cspErrors, ...r.cspErrors], [], 'no CSP violations');
    await r.context.close();
  });

  test('axe-core finds no serious or critical problems on the report pages', async (t) => {
    const harness = ready(t);
    if (!harness) return;
    const { context } = await newContext(harness, { forAxe: true });
    const page = await signIn(context, 'directie@vlecht.demo');
    await page.goto(`${HB}/rapporten`);
    const problems: string[] = [];
    const check = async (label: string) => { const { count, report } = await seriousViolations(page); if (count) problems.push(`${label}:\n${report}`); };
    await check('lijst');
    await page.getByRole('link', { name: /Factsheet P&O 2025/ }).click();
    await check('rapport');
    await page.getByRole('link', { name: 'Versie 1' }).click();
    await check('versie');
    await context.close();
    assert.deepEqual(problems, []);
  });
});
