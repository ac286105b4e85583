/**
 * The decisions register and the decision-rights matrix in a real browser: directie
 * records a decision by a body without the right and sees it flagged, changes the matrix
 * cell and sees the flag disappear (CSP enforced, no violations); a raadslid reads the
 * register without forms; axe-core finds no serious or critical problems on the
 * governance pages.
 */
import { describe, test, before, after, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { missingBrowser, newContext, seriousViolations, signIn, startHarness, submit, type Harness } from './harness.ts';

const HB = '/samenwerkingen/heemstede-bloemendaal';

describe('governance pages in the browser', () => {
  const skipReason = missingBrowser();
  let h: Harness | undefined;
  before(async () => { if (!skipReason) h = await startHarness(); });
  after(async () => { await h?.stop(); });
  const ready = (t: TestContext): Harness | undefined => {
    if (skipReason) t.skip(skipReason);
    return skipReason ? undefined : h;
  };

  test('directie records a decision by MT-Kzoom, sees it flagged, edits the matrix and the flag goes', async (t) => {
    const harness = ready(t);
    if (!harness) return;
    const { context, cspErrors } = await newContext(harness);
    const page = await signIn(context, 'directie@vlecht.demo');
    await page.goto(`/samenwerkingen/heemstede-bloemendaal`);
    await page.getByRole('link', { name: /Besluiten, besluitvormingsmatrix/ }).click();
    assert.match(await page.locator('main').innerText(), /Afwijking: Directieoverleg adviseert/);
    await page.locator('summary', { hasText: 'Besluit vastleggen' }).click();
    await page.getByLabel('Datum van het besluit').fill('12-03-2026');
    await page.getByLabel('Orgaan dat besloot').selectOption({ label: 'MT-Kzoom (gezamenlijk managementteam)' });
    await page.getByLabel('Soort besluit').selectOption({ label: 'Harmonisatie van een werkproces' });
    await page.getByLabel('Onderwerp').fill('Eén werkwijze voor inkoopaanvragen');
    await page.getByLabel('Facilitaire Zaken').check();
    assert.equal(await submit(page, 'Besluit vastleggen'), 303);
    const main = await page.locator('main').innerText();
    assert.match(main, /Afwijking: MT-Kzoom \(gezamenlijk managementteam\) wordt geïnformeerd bij dit soort besluit en mag het niet nemen; besluitrecht: Teammanager/);

    await page.goto(`${HB}/besluitvormingsmatrix`);
    await page.getByLabel('Harmonisatie van een werkproces — MT-Kzoom (gezamenlijk managementteam)').selectOption('besluit');
    assert.equal(await submit(page, 'Matrix opslaan'), 303);
    assert.match(await page.locator('main').innerText(), /De besluitvormingsmatrix is opgeslagen/);
    await page.goto(`${HB}/besluiten`);
    const row = page.getByRole('row', { name: /Eén werkwijze voor inkoopaanvragen/ });
    assert.match(await row.innerText(), /in orde/);
    assert.deepEqual(cspErrors, [], 'no CSP violations');
    await context.close();
  });

  test('a raadslid reads decisions, matrix and agenda planning but gets no forms', async (t) => {
    const harness = ready(t);
    if (!harness) return;
    const { context } = await newContext(harness);
    const page = await signIn(context, 'raadslid.heemstede@vlecht.demo');
    await page.goto(`${HB}/besluiten`);
    assert.equal(await page.locator('summary', { hasText: 'Besluit vastleggen' }).count(), 0);
    await page.goto(`${HB}/besluitvormingsmatrix`);
    assert.equal(await page.getByRole('combobox').count(), 0);
    await page.goto(`${HB}/agenda`);
    await page.getByLabel('Voorstel gereed op').fill('02-04-2026');
    await page.getByRole('button', { name: 'Bereken' }).click();
    assert.match(await page.locator('main').innerText(), /Alle raden kunnen uiterlijk op \d\d-\d\d-2026 hebben besloten/);
    await context.close();
  });

  test('axe-core finds no serious or critical problems on the governance pages', async (t) => {
    const harness = ready(t);
    if (!harness) return;
    const { context } = await newContext(harness, { forAxe: true });
    const page = await signIn(context, 'directie@vlecht.demo');
    const problems: string[] = [];
    for (const path of ['besluiten', 'besluitvormingsmatrix', 'toezeggingen', 'routeplan', 'samenwerkingsvormen', 'agenda?gereed=02-04-2026']) {
      await page.goto(`${HB}/${path}`);
      const { count, report } = await seriousViolations(page);
      if (count) problems.push(`${path}:\n${report}`);
    }
    await context.close();
    assert.equal(problems.length, 0, `axe-core violations:\n${problems.join('\n\n')}`);
  });
});
