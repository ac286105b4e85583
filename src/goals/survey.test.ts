/**
 * Survey aggregates against the table of seed 000 §5.4.2 and the residents' 8,1 against
 * 7,7; publication to council roles. Places where the report's text does not follow its
 * table are marked SEED DISCREPANCY.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  compareCells, compareGroups, findResult, formatHundredths, meanOverQuestions, publishedOnly, surveyForRoles, validateSurvey,
  type Survey, type SurveyResult,
} from './survey.ts';
import { SURVEY_INWONERS, SURVEY_SAMENWERKING, SURVEY_TABLE_542 } from '../demo/survey-facts.ts';
import { VlechtError } from '../platform/errors.ts';

const S = SURVEY_SAMENWERKING;
const MTO_2016 = { momentId: 'mto-2016', groepId: 'heemstede' };
const TOTAAL_2017 = { momentId: 'enquete-2017', groepId: 'totaal' };
const BV_2017 = { momentId: 'enquete-2017', groepId: 'bedrijfsvoering' };
const shown = (r: SurveyResult | null) => formatHundredths(r!.gemiddeldeHonderdsten!, r!.decimalen);

describe('seed 000 §5.4.2: five questions, MTO 2016 and enquête 2017', () => {
  test('the demo survey is valid', () => assert.equal(validateSurvey(S), S));

  SURVEY_TABLE_542.forEach((row, i) => {
    test(`question ${i + 1} reads ${row.join(' / ')} per moment and group`, () => {
      const q = `vraag-${i + 1}`;
      assert.deepEqual([shown(findResult(S, q, MTO_2016)), shown(findResult(S, q, TOTAAL_2017)), shown(findResult(S, q, BV_2017))], row);
    });
  });

  test('bedrijfsvoering scores higher than the 2017 total on all five questions, most on question 1', () => {
    const c = compareGroups(S, 'enquete-2017', 'totaal', 'bedrijfsvoering');
    assert.deepEqual(c.vragen.map((v) => [v.richting, v.verschilTekst]), [
      ['hoger', '+0,99'], ['hoger', '+0,9'], ['hoger', '+0,42'], ['hoger', '+0,4'], ['hoger', '+0,65'],
    ]);
    assert.deepEqual(c.vragen.map((v) => v.verschilHonderdsten), [99, 89, 42, 36, 65], 'exact differences stay available');
    assert.deepEqual(c.opmerkingen, ['De cijfers zijn met verschillende precisie gepubliceerd; verschillen staan in de grovere precisie.']);
  });

  test('2017 against the 2016 MTO: up on four questions, equal on question 2, with the caveats in words', () => {
    const c = compareCells(S, MTO_2016, TOTAAL_2017);
    assert.deepEqual(c.vragen.map((v) => [v.richting, v.verschilTekst, v.verschilHonderdsten]), [
      ['hoger', '+1,0', 96], ['gelijk', '0,0', 0], ['hoger', '+1,3', 126], ['hoger', '+0,9', 90], ['hoger', '+0,8', 81],
    ]);
    assert.equal(c.opmerkingen.length, 4);
    assert.match(c.opmerkingen.join(' '), /Andere respondentgroep: Medewerkers Heemstede tegenover Totaal/);
    assert.match(c.opmerkingen.join(' '), /Ander meetinstrument: MTO mei 2016 tegenover Enquête samenwerking maart 2017/);
    assert.match(c.opmerkingen.join(' '), /Andere populatie/);
  });

  test('on average over the five questions: 5,28 in 2016, 6,07 in 2017 ("krap voldoende", "iets gestegen"), 6,73 bedrijfsvoering', () => {
    assert.deepEqual(meanOverQuestions(S, MTO_2016), { honderdsten: 528, aantalVragen: 5 });
    assert.deepEqual(meanOverQuestions(S, TOTAAL_2017), { honderdsten: 607, aantalVragen: 5 });
    assert.deepEqual(meanOverQuestions(S, BV_2017), { honderdsten: 673, aantalVragen: 5 });
  });

  test('SEED DISCREPANCY: "bedrijfsvoering scoort in 2017 het cijfer 7,65" is question 1 only, not the whole', () => {
    assert.equal(shown(findResult(S, 'vraag-1', BV_2017)), '7,65');
    assert.notEqual(meanOverQuestions(S, BV_2017)!.honderdsten, 765);
  });
});

describe('residents (Deloitte 2015)', () => {
  test('Heemstede 8,1 is 0,4 higher than 7,7 in similar municipalities', () => {
    validateSurvey(SURVEY_INWONERS);
    const c = compareGroups(SURVEY_INWONERS, 'deloitte-2015', 'soortgelijke-gemeenten', 'heemstede');
    assert.deepEqual(c.vragen.map((v) => [shown(v.links), shown(v.rechts), v.verschilTekst, v.richting]), [['7,7', '8,1', '+0,4', 'hoger']]);
    assert.deepEqual(c.opmerkingen, []);
  });
});

describe('publication to council roles', () => {
  const withUnpublished: Survey = { ...S, vragen: S.vragen.map((q) => (q.nummer === 3 ? { ...q, published: false } : q)) };
  const secret = withUnpublished.vragen.find((q) => q.nummer === 3)!;

  const cases: { roles: string[]; seesAll: boolean }[] = [
    { roles: ['raadslid'], seesAll: false },
    { roles: ['rekenkamer'], seesAll: false },
    { roles: ['or-lid'], seesAll: false },
    { roles: [], seesAll: false },
    { roles: ['onbekende-rol'], seesAll: false },
    { roles: ['raadslid', 'beheerder'], seesAll: false },
    { roles: ['controller'], seesAll: true },
    { roles: ['directie'], seesAll: true },
    { roles: ['teammanager'], seesAll: true },
    { roles: ['beheerder'], seesAll: true },
  ];
  for (const c of cases) {
    test(`${c.roles.join(' + ') || 'no role'} ${c.seesAll ? 'sees' : 'never sees'} the unpublished question`, () => {
      const view = surveyForRoles(withUnpublished, c.roles);
      const json = JSON.stringify(view);
      assert.equal(json.includes(secret.tekst), c.seesAll);
      assert.equal(json.includes(`"${secret.id}"`), c.seesAll);
      assert.equal(view.vragen.length, c.seesAll ? 5 : 4);
      assert.equal(view.resultaten.length, c.seesAll ? 15 : 12);
    });
  }

  test('comparisons on the council view leave the unpublished question out', () => {
    const c = compareGroups(publishedOnly(withUnpublished), 'enquete-2017', 'totaal', 'bedrijfsvoering');
    assert.deepEqual(c.vragen.map((v) => v.nummer), [1, 2, 4, 5]);
  });
});

describe('survey validation', () => {
  const base = S.resultaten[0];
  const cases: { name: string; change: Partial<Survey>; field: RegExp }[] = [
    { name: 'a mean above the scale', change: { resultaten: [{ ...base, gemiddeldeHonderdsten: 1010, decimalen: 1 }] }, field: /gemiddelde$/ },
    { name: 'a mean finer than its decimals', change: { resultaten: [{ ...base, gemiddeldeHonderdsten: 575, decimalen: 1 }] }, field: /gemiddelde$/ },
    { name: 'an unknown question', change: { resultaten: [{ ...base, vraagId: 'vraag-9' }] }, field: /vraagId$/ },
    { name: 'a result twice', change: { resultaten: [base, base] }, field: /^resultaten\.1$/ },
    { name: 'n of 0', change: { resultaten: [{ ...base, n: 0 }] }, field: /\.n$/ },
    { name: 'a percentage above 100', change: { resultaten: [{ ...base, gemiddeldeHonderdsten: null, percentageHonderdsten: 10_010 }] }, field: /percentage$/ },
    { name: 'no score at all', change: { resultaten: [{ ...base, gemiddeldeHonderdsten: null }] }, field: /gemiddelde$/ },
    { name: 'a group twice', change: { groepen: [...S.groepen, S.groepen[0]] }, field: /^groepen$/ },
  ];
  for (const c of cases) {
    test(`refuses ${c.name} in Dutch`, () => {
      assert.throws(() => validateSurvey({ ...S, ...c.change }), (e: unknown) => {
        assert.ok(e instanceof VlechtError && e.code === 'VALIDATION');
        assert.ok(e.issues.some((i) => c.field.test(i.field)), JSON.stringify(e.issues));
        return true;
      });
    });
  }

  test('rounds hundredths half away from zero for display', () => {
    assert.deepEqual([formatHundredths(96, 1, true), formatHundredths(-95, 1, true), formatHundredths(-4, 1, true), formatHundredths(765, 2)], ['+1,0', '-1,0', '0,0', '7,65']);
  });
});
