/**
 * The disentanglement flow in a real browser: a controller reads the risk summary per
 * team, saves a scenario with the parameter form, changes one assumption (a new version)
 * and compares the two versions; with the CSP enforced; axe-core finds no serious or
 * critical problems on the coverage pages.
 */
import { describe, test, before, after, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { missingBrowser, newContext, seriousViolations, signIn, startHarness, submit, type Harness } from './harness.ts';

const HB = '/samenwerkingen/heemstede-bloemendaal';

describe('coverage and scenarios in the browser', () => {
  const skipReason = missingBrowser();
  let h: Harness | undefined;
  before(async () => { if (!skipReason) h = await startHarness(); });
  after(async () => { await h?.stop(); });
  const ready = (t: TestContext): Harness | undefined => {
    if (skipReason) t.skip(skipReason);
    return skipReason ? undefined : h;
  };

  test('a controller saves a scenario, changes one assumption and compares the versions', async (t) => {
    const harness = ready(t);
    if (!harness) return;
    const { context, cspErrors } = await newContext(harness);
    const page = await signIn(context, 'controller.heemstede@vlecht.demo');
    await page.goto(`${HB}/kwetsbaarheid`);
    assert.match(await page.locator('h1').innerText(), /Ontvlechten per team/);
    assert.equal(await page.getByRole('img', { name: /Kosten van volledige ontvlechting per team/ }).count(), 1);
    assert.match(await page.locator('main').innerText(), /P&O[\s\S]*€/);

    await page.getByRole('link', { name: 'Ontvlechtingsscenario’s' }).first().click();
    await page.locator('summary', { hasText: 'Nieuw scenario' }).click();
    await page.getByLabel('Naam van het scenario').fill('Communicatie: Heemstede treedt uit');
    await page.getByLabel('Team', { exact: true }).selectOption({ label: 'Communicatie' });
    await page.getByLabel('Wie treedt uit').selectOption({ label: 'Heemstede treedt uit' });
    assert.equal(await submit(page, 'Scenario opslaan'), 303);
    assert.match(await page.locator('main').innerText(), /Het scenario is opgeslagen/);
    assert.match(await page.locator('main').innerText(), /Juridisch advies en begeleiding per gemeente\s+€\s25\.000,00/);

    await page.locator('summary', { hasText: 'Aannames wijzigen' }).click();
    await page.getByLabel(/^Juridisch advies en begeleiding per gemeente/).fill('40000');
    assert.equal(await submit(page, 'Opslaan als nieuwe versie'), 303);
    const main = await page.locator('main').innerText();
    assert.match(main, /opgeslagen als nieuwe versie/);
    assert.match(main, /2 van 2 \(nieuwste\)/);
    assert.match(main, /€\s40\.000,00 \(aangepast\)/);

    await page.getByRole('link', { name: 'vergelijk met versie 2' }).click();
    assert.match(await page.locator('main').innerText(), /Aanname: Juridisch advies en begeleiding per gemeente \(verschilt\)\s+€\s25\.000,00\s+€\s40\.000,00/);
    assert.deepEqual(cspErrors, [], 'no CSP violations');
    await context.close();
  });

  test('a bad value in the parameter form comes back in Dutch at the field', async (t) => {
    const harness = ready(t);
    if (!harness) return;
    const { context } = await newContext(harness);
    const page = await signIn(context, 'directie@vlecht.demo');
    await page.goto(`${HB}/scenarios`);
    await page.locator('summary', { hasText: 'Nieuw scenario' }).click();
    await page.getByLabel('Naam van het scenario').fill('Fout');
    await page.getByLabel('Team', { exact: true }).selectOption({ label: 'P&O' });
    await page.getByLabel(/^Wervings- en inwerkkosten per fte/).fill('veel');
    assert.equal(await submit(page, 'Scenario opslaan'), 400);
    assert.match(await page.locator('#foutmeldingen').innerText(), /Wervingskosten per fte: vul een getal in voor ‘Wervings- en inwerkkosten per fte’/);
    await context.close();
  });

  test('axe-core finds no serious or critical problems on the coverage pages', async (t) => {
    const harness = ready(t);
    if (!harness) return;
    const { context } = await newContext(harness, { forAxe: true });
    const page = await signIn(context, 'teammanager.po@vlecht.demo');
    const problems: string[] = [];
    await page.goto(`${HB}/scenarios`);
    const scenario = await page.locator('main table a').first().getAttribute('href');
    for (const path of [`${HB}/kwetsbaarheid`, `${HB}/teams/p-en-o/dekking`, `${HB}/applicaties`, `${HB}/scenarios`, scenario!]) {
      await page.goto(path);
      const { count, report } = await seriousViolations(page);
      if (count) problems.push(`${path}\n${report}`);
    }
    assert.deepEqual(problems, []);
    await context.close();
  });
});
