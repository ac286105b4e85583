/**
 * The ledger and goals pages in a real browser: a raadslid reads the balance, the costs
 * and the goals dashboard with the CSP enforced (no violations, charts have names); a
 * controller uploads a file with a bad row and sees it listed; a controller enters a survey
 * with the page form (bad line named, then saved); axe-core finds no serious
 * or critical problems on these pages.
 */
import { describe, test, before, after, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { missingBrowser, newContext, seriousViolations, signIn, startHarness, type Harness } from './harness.ts';

const HB = '/samenwerkingen/heemstede-bloemendaal';

describe('ledger and goals pages in the browser', () => {
  const skipReason = missingBrowser();
  let h: Harness | undefined;
  before(async () => { if (!skipReason) h = await startHarness(); });
  after(async () => { await h?.stop(); });
  const ready = (t: TestContext): Harness | undefined => {
    if (skipReason) t.skip(skipReason);
    return skipReason ? undefined : h;
  };

  test('a raadslid reads balance, costs and goals with the CSP enforced', async (t) => {
    const harness = ready(t);
    if (!harness) return;
    const { context, cspErrors } = await newContext(harness);
    const page = await signIn(context, 'raadslid.heemstede@vlecht.demo');
    await page.goto(`${HB}/uren?van=01-01-2025&tot=31-12-2025`);
    assert.match(await page.locator('main').innerText(), /Medewerkers van Bloemendaal werkten [\d.,]+ uur/);
    assert.equal(await page.getByRole('img', { name: /Uren per team/ }).count(), 1);
    await page.getByRole('link', { name: /Gedeelde kosten/ }).click();
    assert.match(await page.locator('main').innerText(), /Consultant invoering HR21[\s\S]*€\s15\.000,00[\s\S]*€\s5\.000,00/);
    await page.goto(`${HB}/doelen`);
    assert.match(await page.locator('h1').innerText(), /Doelen/);
    assert.deepEqual(cspErrors, [], 'no CSP violations');
    await context.close();
  });

  test('a controller uploads hours with a bad row and sees it listed; nothing is imported', async (t) => {
    const harness = ready(t);
    if (!harness) return;
    const { context } = await newContext(harness);
    const page = await signIn(context, 'controller.heemstede@vlecht.demo');
    await page.goto(`${HB}/uren/import`);
    await page.setInputFiles('#veld-bestand', { name: 'uren.csv', mimeType: 'text/csv', buffer: Buffer.from('personeelsnummer;datum;uren;gemeente;activiteit\nS1000;02-02-2026;4;GM0397;regulier\nS1000;30-02-2026;4;GM0397;regulier\n') });
    await page.getByRole('button', { name: 'Controleren' }).click();
    const main = await page.locator('main').innerText();
    assert.match(main, /Er is niets geïmporteerd/);
    assert.match(main, /3\s+datum\s+30-02-2026/);
    await context.close();
  });

  test('a controller enters a survey with the page form; a bad result line is named, the corrected survey is listed', async (t) => {
    const harness = ready(t);
    if (!harness) return;
    const { context, cspErrors } = await newContext(harness);
    const page = await signIn(context, 'controller.heemstede@vlecht.demo');
    await page.goto(`${HB}/peilingen`);
    await page.getByRole('link', { name: 'Nieuwe peiling' }).click();
    await page.getByLabel('Naam', { exact: true }).fill('MTO browsertest');
    await page.getByLabel('Soort peiling').selectOption('mto');
    await page.getByLabel('Laagste schaalwaarde').fill('1');
    await page.getByLabel('Hoogste schaalwaarde').fill('10');
    await page.getByLabel('Bron', { exact: true }).fill('MTO-rapportage browsertest');
    await page.getByLabel('Vraag 1', { exact: true }).fill('Ik ben tevreden over mijn werk');
    await page.getByLabel('Vraag 1 publiceren').check();
    await page.getByLabel('Resultaten').fill('1; 2026; totaal; 7,4; 120\n1; 2026; bedrijfsvoering; abc; 40');
    await page.getByRole('button', { name: 'Peiling vastleggen' }).click();
    assert.match(await page.locator('main').innerText(), /regel 2[\s\S]*abc/);
    await page.getByLabel('Resultaten').fill('1; 2026; totaal; 7,4; 120\n1; 2026; bedrijfsvoering; 6,9; 40');
    await page.getByRole('button', { name: 'Peiling vastleggen' }).click();
    await page.waitForURL(/\/peilingen(\?|$)/);
    const main = await page.locator('main').innerText();
    assert.match(main, /MTO browsertest/);
    assert.match(main, /7,4/);
    assert.deepEqual(cspErrors, [], 'no CSP violations');
    await context.close();
  });

  test('axe-core finds no serious or critical problems on the ledger and goals pages', async (t) => {
    const harness = ready(t);
    if (!harness) return;
    const { context } = await newContext(harness, { forAxe: true });
    const page = await signIn(context, 'controller.heemstede@vlecht.demo');
    const problems: string[] = [];
    for (const path of [`${HB}/uren`, `${HB}/uren/import`, `${HB}/kosten`, `${HB}/btw-signaal`, `${HB}/doelen`, '/gemeenten/GM0397/medewerkers/import']) {
      await page.goto(path);
      const { count, report } = await seriousViolations(page);
      if (count) problems.push(`${path}:\n${report}`);
    }
    await context.close();
    assert.equal(problems.length, 0, `axe-core violations:\n${problems.join('\n\n')}`);
  });
});
