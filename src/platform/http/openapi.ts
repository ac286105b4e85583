/**
 * The OpenAPI 3.1 document, generated from the same zod schemas the API validates with,
 * so documentation and validation cannot drift apart.
 */
import { z } from 'zod';
import {
  assignmentInput, cooperationInput, cooperationPatch, employeeInput, employeePatch, functionInput,
  integrationLevelInput, memberInput, municipalityInput, municipalityPatch, populationInput, rateInput, teamInput, teamPatch, annualFiguresInput,
} from '../../register/schema.ts';
import { loginInput } from './auth.api.ts';
import { confirmInput } from '../auth/second-factor.service.ts';
import { importOptions } from '../../ledger/ledger.schema.ts';
import { costItemInput } from '../../ledger/cost.schema.ts';
import { surveyInput, publishInput, benchmarkImportQuery } from '../../goals/survey-benchmark.schema.ts';
import { applicationInput, applicationPatch, contractInput, qualificationEnd, qualificationInput, scenarioInput, scenarioPatch } from '../../coverage/schema.ts';
import { reportInput, textsInput } from '../../reports/schema.ts';
import { bodyInput, bodyPatch, calendarImportQuery, commitmentPatch, commitmentInput, decisionInput, decisionPatch, decisionTypeInput, formNoteInput, matrixInput, meetingInput, milestoneInput, milestonePatch } from '../../governance/schema.ts';
import { goalInput, goalPatch, importQuery, kpiInput, kpiPatch, measurementInput, recommendationInput, targetInput, transitionInput } from '../../goals/schema.ts';

interface RouteDoc {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  summary: string;
  body?: z.ZodType;
  ifMatch?: boolean;
  /** The body is a file; `body` then describes the query parameters. */
  bodyIsFile?: boolean;
  tag: string;
  /** The same resource in another format (e.g. `.xlsx` beside `.csv`), documented alike. */
  also?: string[];
}

export const ROUTES: RouteDoc[] = [
  { method: 'post', path: '/sessies', summary: 'Aanmelden; geeft een bearer-token (met `code` uit de authenticator-app zodra het account een tweede factor heeft)', body: loginInput, tag: 'sessies' },
  { method: 'delete', path: '/sessies/huidig', summary: 'Afmelden', tag: 'sessies' },
  { method: 'get', path: '/ik', summary: 'De aangemelde gebruiker, rollen en de stand van de tweede factor', tag: 'sessies' },
  { method: 'post', path: '/tweede-factor', summary: 'Tweede factor (TOTP) instellen: geeft het wachtende geheim en de otpauth-URI voor een authenticator-app', tag: 'sessies' },
  { method: 'post', path: '/tweede-factor/bevestigen', summary: 'Tweede factor bevestigen met een code uit de app; beëindigt alle sessies en geeft een nieuw token', body: confirmInput, tag: 'sessies' },
  { method: 'delete', path: '/gebruikers/{id}/tweede-factor', summary: 'Tweede factor van een account verwijderen en de sessies beëindigen (beheerder)', tag: 'sessies' },
  { method: 'get', path: '/gemeenten', summary: 'Gemeenten', tag: 'register' },
  { method: 'post', path: '/gemeenten', summary: 'Gemeente toevoegen', body: municipalityInput, tag: 'register' },
  { method: 'get', path: '/gemeenten/{cbs}', summary: 'Gemeente met inwonertallen', tag: 'register' },
  { method: 'patch', path: '/gemeenten/{cbs}', summary: 'Gemeente wijzigen', body: municipalityPatch, ifMatch: true, tag: 'register' },
  { method: 'post', path: '/gemeenten/{cbs}/inwoners', summary: 'Inwonertal van een jaar vastleggen', body: populationInput, tag: 'register' },
  { method: 'get', path: '/samenwerkingen', summary: 'Samenwerkingen die u mag zien', tag: 'register' },
  { method: 'post', path: '/samenwerkingen', summary: 'Samenwerking aanmaken', body: cooperationInput, tag: 'register' },
  { method: 'get', path: '/samenwerkingen/{slug}', summary: 'Samenwerking met leden en teams', tag: 'register' },
  { method: 'patch', path: '/samenwerkingen/{slug}', summary: 'Samenwerking wijzigen', body: cooperationPatch, ifMatch: true, tag: 'register' },
  { method: 'post', path: '/samenwerkingen/{slug}/leden', summary: 'Gemeente als lid toevoegen', body: memberInput, tag: 'register' },
  { method: 'post', path: '/samenwerkingen/{slug}/teams', summary: 'Team aanmaken', body: teamInput, tag: 'register' },
  { method: 'get', path: '/teams/{id}', summary: 'Team met vervlechting, functies en bezetting (personen alleen voor bevoegde rollen)', tag: 'register' },
  { method: 'patch', path: '/teams/{id}', summary: 'Team wijzigen', body: teamPatch, ifMatch: true, tag: 'register' },
  { method: 'post', path: '/teams/{id}/vervlechting', summary: 'Mate van vervlechting vastleggen vanaf een datum', body: integrationLevelInput, tag: 'register' },
  { method: 'post', path: '/teams/{id}/functies', summary: 'Functie toevoegen', body: functionInput, tag: 'register' },
  { method: 'get', path: '/gemeenten/{cbs}/jaarcijfers', summary: 'Jaarcijfers uit begroting of jaarrekening (formatie, bezetting, loonsom, inhuur, apparaatskosten, overhead, totale lasten) met bron', tag: 'register' },
  { method: 'put', path: '/gemeenten/{cbs}/jaarcijfers/{jaar}', summary: 'Jaarcijfers van één jaar vastleggen of corrigeren (If-Match bij een correctie); invoer voor de verplichte BBV-indicatoren', body: annualFiguresInput, ifMatch: true, tag: 'register' },
  { method: 'post', path: '/gemeenten/inwoners/import', summary: 'Inwonertallen uit een CBS StatLine-CSV (body: het bestand; query: bron)', tag: 'register' },
  { method: 'get', path: '/gemeenten/{cbs}/medewerkers.csv', also: ['/gemeenten/{cbs}/medewerkers.xlsx'], summary: 'Medewerkers van een werkgever in het importformaat (ook .xlsx); terug importeren verandert niets', tag: 'register' },
  { method: 'post', path: '/gemeenten/{cbs}/salaristabel', summary: 'Salaristabel van de werkgever importeren (body: CSV/XLSX schaal;trede;uurtarief;ingangsdatum; query: bron): alles of niets, idempotent', tag: 'register' },
  { method: 'get', path: '/gemeenten/{cbs}/salaristabel', summary: 'Salaristabel van de werkgever (uurtarief per schaal en trede, vanaf een datum)', tag: 'register' },
  { method: 'get', path: '/gemeenten/{cbs}/salaristabel.csv', summary: 'Salaristabel als CSV in het importformaat', tag: 'register' },
  { method: 'get', path: '/gemeenten/{cbs}/medewerkers/import/koppeling', summary: 'De kolomkoppeling die deze gemeente het laatst gebruikte (standaard voor een import zonder kolom.<veld>)', tag: 'register' },
  { method: 'post', path: '/gemeenten/{cbs}/medewerkers/import', summary: 'HR-export importeren (body: CSV/XLSX; query: peildatum, voorbeeld=ja, kolom.<veld>=<kop>): nieuw, gewijzigd, vertrokken als nieuwe geldigheidsperiodes', tag: 'register' },
  { method: 'post', path: '/medewerkers', summary: 'Medewerker aanmaken (persoonsgegevens)', body: employeeInput, tag: 'register' },
  { method: 'get', path: '/medewerkers/{id}', summary: 'Medewerker met inzet en tarieven (persoonsgegevens)', tag: 'register' },
  { method: 'patch', path: '/medewerkers/{id}', summary: 'Medewerker wijzigen', body: employeePatch, ifMatch: true, tag: 'register' },
  { method: 'post', path: '/medewerkers/{id}/inzet', summary: 'Nieuwe inzet (team, functie, fte) vanaf een datum', body: assignmentInput, tag: 'register' },
  { method: 'post', path: '/medewerkers/{id}/tarieven', summary: 'Nieuw uurtarief vanaf een datum', body: rateInput, tag: 'register' },
  { method: 'get', path: '/samenwerkingen/{slug}/uren', summary: 'Urenregistratie: uren, fte, kosten, saldo tussen gemeenten (query: van, tot, per=maand|kwartaal|jaar, team)', tag: 'uren' },
  { method: 'get', path: '/samenwerkingen/{slug}/uren/cellen', summary: 'Alle cijfers per periode × team × werkgever × gemeente × activiteit', tag: 'uren' },
  { method: 'get', path: '/samenwerkingen/{slug}/uren/cellen.csv', summary: 'Idem als CSV', tag: 'uren' },
  { method: 'get', path: '/samenwerkingen/{slug}/uren/cellen.xlsx', summary: 'Idem als XLSX', tag: 'uren' },
  { method: 'get', path: '/samenwerkingen/{slug}/uren/saldo.csv', also: ['/samenwerkingen/{slug}/uren/saldo.xlsx'], summary: 'Saldo per periode en paar gemeenten (ook .xlsx)', tag: 'uren' },
  { method: 'get', path: '/samenwerkingen/{slug}/kosten/verdeling.csv', also: ['/samenwerkingen/{slug}/kosten/verdeling.xlsx'], summary: 'Verdeling van alle kostenposten met de vergelijking met alleen (ook .xlsx)', tag: 'kosten' },
  { method: 'get', path: '/samenwerkingen/{slug}/uren/imports', summary: 'Eerdere uren-imports', tag: 'uren' },
  { method: 'post', path: '/samenwerkingen/{slug}/uren/import', summary: 'Uren importeren: body is het CSV- of XLSX-bestand (query: bestandsnaam, voorbeeld=ja, vervangVan, vervangTot)', body: importOptions, bodyIsFile: true, tag: 'uren' },
  { method: 'get', path: '/samenwerkingen/{slug}/btw-signaal', summary: 'Btw-signaal bij onbetaald uitlenen (query: van, tot, drempel in %); per medewerker alleen voor rollen met inzage in persoonsgegevens', tag: 'uren' },
  { method: 'get', path: '/samenwerkingen/{slug}/kosten', summary: 'Gedeelde kostenposten', tag: 'kosten' },
  { method: 'post', path: '/samenwerkingen/{slug}/kosten', summary: 'Kostenpost vastleggen met verdeelsleutel en kosten zonder samenwerking', body: costItemInput, tag: 'kosten' },
  { method: 'get', path: '/kosten/{id}/verdeling', summary: 'Verdeling op de cent (grootste-overschotmethode) en besparing ten opzichte van alleen', tag: 'kosten' },
  { method: 'get', path: '/samenwerkingen/{slug}/peilingen', summary: 'Peilingen met vragen en geaggregeerde uitkomsten per meetmoment en groep, met vergelijkingen; niet-gepubliceerde vragen alleen voor de eigen organisatie', tag: 'doelen' },
  { method: 'post', path: '/samenwerkingen/{slug}/peilingen', summary: 'Peiling vastleggen met vragen en uitkomsten (alleen aggregaten)', body: surveyInput, tag: 'doelen' },
  { method: 'get', path: '/samenwerkingen/{slug}/peilingen.csv', also: ['/samenwerkingen/{slug}/peilingen.xlsx'], summary: 'Peilingen als CSV (ook .xlsx; alleen wat u mag zien)', tag: 'doelen' },
  { method: 'patch', path: '/peilingvragen/{id}', summary: 'Vraag publiceren voor raadsrollen of terugtrekken (If-Match met de versie van de vraag)', body: publishInput, ifMatch: true, tag: 'doelen' },
  { method: 'get', path: '/samenwerkingen/{slug}/benchmark', summary: 'Benchmark per taakveld en jaar: afwijking in fte, %, kosten; ontwikkeling tussen jaren', tag: 'doelen' },
  { method: 'get', path: '/samenwerkingen/{slug}/benchmark.csv', also: ['/samenwerkingen/{slug}/benchmark.xlsx'], summary: 'Benchmark als CSV (ook .xlsx)', tag: 'doelen' },
  { method: 'post', path: '/samenwerkingen/{slug}/benchmark', summary: 'Eén benchmarkregel vastleggen (kolommen als het importformaat, plus gemeente)', tag: 'doelen' },
  { method: 'post', path: '/samenwerkingen/{slug}/benchmark/import', summary: 'Benchmark-CSV importeren (body: het bestand; query: gemeente, bron); alles of niets, hetzelfde bestand twee keer verandert niets', body: benchmarkImportQuery, bodyIsFile: true, tag: 'doelen' },
  { method: 'get', path: '/samenwerkingen/{slug}/doelen', summary: 'Doelen met indicatoren, stoplicht in woorden, SMART-toets per doel en samenvatting, aanbevelingen', tag: 'doelen' },
  { method: 'post', path: '/samenwerkingen/{slug}/doelen', summary: 'Doel vastleggen (als concept)', body: goalInput, tag: 'doelen' },
  { method: 'get', path: '/samenwerkingen/{slug}/doelen.csv', summary: 'Doelen en indicatoren (nulmeting, realisatie, streefwaarde, bron, stoplicht, wat ontbreekt) als CSV', tag: 'doelen' },
  { method: 'get', path: '/samenwerkingen/{slug}/doelen.xlsx', summary: 'Idem als XLSX', tag: 'doelen' },
  { method: 'get', path: '/samenwerkingen/{slug}/aanbevelingen', summary: 'Aanbevelingen van de rekenkamer(commissie)', tag: 'doelen' },
  { method: 'post', path: '/samenwerkingen/{slug}/aanbevelingen', summary: 'Aanbeveling vastleggen (bron, nummer, tekst)', body: recommendationInput, tag: 'doelen' },
  { method: 'get', path: '/doelen/{id}', summary: 'Doel met indicatoren, metingen, streefwaarden, besluitvorming en SMART-toets', tag: 'doelen' },
  { method: 'patch', path: '/doelen/{id}', summary: 'Doel wijzigen', body: goalPatch, ifMatch: true, tag: 'doelen' },
  { method: 'post', path: '/doelen/{id}/status', summary: 'Besluit vastleggen: naar college, raad (B-stuk), vastgesteld of terug naar concept (directie of beheerder; elke indicator moet een nulmeting hebben)', body: transitionInput, ifMatch: true, tag: 'doelen' },
  { method: 'post', path: '/doelen/{id}/indicatoren', summary: 'Indicator toevoegen (met nulmeting, deadline, eventueel afleiding uit de urenregistratie)', body: kpiInput, tag: 'doelen' },
  { method: 'get', path: '/doelen/{id}/metingen.csv', summary: 'Alle metingen van een doel als CSV', tag: 'doelen' },
  { method: 'get', path: '/doelen/{id}/metingen.xlsx', summary: 'Alle metingen van een doel als XLSX', tag: 'doelen' },
  { method: 'get', path: '/indicatoren/{id}', summary: 'Indicator met nulmeting, streefwaarden, metingen en stoplicht', tag: 'doelen' },
  { method: 'patch', path: '/indicatoren/{id}', summary: 'Indicator wijzigen (null wist een veld)', body: kpiPatch, ifMatch: true, tag: 'doelen' },
  { method: 'post', path: '/indicatoren/{id}/streefwaarden', summary: 'Streefwaarde voor een datum vastleggen (een latere vervangt een eerdere voor dezelfde datum)', body: targetInput, tag: 'doelen' },
  { method: 'post', path: '/indicatoren/{id}/metingen', summary: 'Meting vastleggen', body: measurementInput, tag: 'doelen' },
  { method: 'post', path: '/indicatoren/{id}/metingen/import', summary: 'Metingen importeren: body is een CSV-bestand (text/csv) of XLSX-bestand (eerste werkblad) met datum;waarde;bron (query: bron voor regels zonder bron); alles of niets', body: importQuery, bodyIsFile: true, tag: 'doelen' },
  { method: 'post', path: '/indicatoren/{id}/afleiden', summary: 'Metingen afleiden uit de urenregistratie, per afgesloten kwartaal, met berekeningswijze', tag: 'doelen' },
  { method: 'delete', path: '/metingen/{id}', summary: 'Onjuiste meting verwijderen (de audittrail bewaart haar)', tag: 'doelen' },
  { method: 'get', path: '/ontvlechting/aannames', summary: 'De benoemde aannames van een ontvlechtingsscenario met standaardwaarde, eenheid en uitleg', tag: 'kwetsbaarheid' },
  { method: 'get', path: '/teams/{id}/dekking', summary: 'Functies met gekwalificeerden per gemeente en samen, eenpitters, dekking, trend per kwartaal, vervangingsuren (query: peildatum); namen alleen met inzage in persoonsgegevens', tag: 'kwetsbaarheid' },
  { method: 'post', path: '/teams/{id}/kwalificaties', summary: 'Kwalificatie (primair of achtervang) van een medewerker voor een functie vastleggen (team:manage)', body: qualificationInput, tag: 'kwetsbaarheid' },
  { method: 'patch', path: '/kwalificaties/{id}', summary: 'Kwalificatie beëindigen op een datum (team:manage)', body: qualificationEnd, ifMatch: true, tag: 'kwetsbaarheid' },
  { method: 'get', path: '/samenwerkingen/{slug}/dekking', summary: 'Eenpitters en dekking per team, per gemeente alleen en samen, met trend (query: peildatum)', tag: 'kwetsbaarheid' },
  { method: 'get', path: '/samenwerkingen/{slug}/kwetsbaarheid', also: ['/samenwerkingen/{slug}/kwetsbaarheid.csv', '/samenwerkingen/{slug}/kwetsbaarheid.xlsx'], summary: 'Risico’s en kosten van ontvlechten per team (volledige ontvlechting, standaardaannames): eenmalig, structureel, onbezette functies, fte-tekort (ook .csv en .xlsx)', tag: 'kwetsbaarheid' },
  { method: 'get', path: '/samenwerkingen/{slug}/applicaties', also: ['/samenwerkingen/{slug}/applicaties.csv', '/samenwerkingen/{slug}/applicaties.xlsx'], summary: 'Applicatieportfolio met gebruik per gemeente, licentiekosten, contracten en harmonisatie over de tijd (ook .csv en .xlsx)', tag: 'kwetsbaarheid' },
  { method: 'post', path: '/samenwerkingen/{slug}/applicaties', summary: 'Applicatie vastleggen met prijsmodel en gebruik per gemeente (coverage:manage)', body: applicationInput, tag: 'kwetsbaarheid' },
  { method: 'patch', path: '/applicaties/{id}', summary: 'Applicatie wijzigen (coverage:manage)', body: applicationPatch, ifMatch: true, tag: 'kwetsbaarheid' },
  { method: 'post', path: '/samenwerkingen/{slug}/contracten', summary: 'Gedeeld contract (schoonmaak, catering, advies) vastleggen (coverage:manage)', body: contractInput, tag: 'kwetsbaarheid' },
  { method: 'get', path: '/samenwerkingen/{slug}/scenarios', summary: 'Opgeslagen ontvlechtingsscenario’s', tag: 'kwetsbaarheid' },
  { method: 'post', path: '/samenwerkingen/{slug}/scenarios', summary: 'Ontvlechtingsscenario opslaan met aannames (coverage:manage)', body: scenarioInput, tag: 'kwetsbaarheid' },
  { method: 'get', path: '/scenarios/vergelijking', summary: 'Twee scenario’s of versies naast elkaar (query: a, b, versieA, versieB)', tag: 'kwetsbaarheid' },
  { method: 'get', path: '/scenarios/{id}', summary: 'Scenario met versies en de uitkomst van een versie, met elke aanname en gegevensbron (query: versie)', tag: 'kwetsbaarheid' },
  { method: 'patch', path: '/scenarios/{id}', summary: 'Scenario wijzigen: slaat een nieuwe versie op, oude versies blijven (coverage:manage)', body: scenarioPatch, ifMatch: true, tag: 'kwetsbaarheid' },
  { method: 'get', path: '/scenarios/{id}/export.csv', also: ['/scenarios/{id}/export.xlsx'], summary: 'Scenario met elke post en haar grondslag als CSV (ook export.xlsx; query: versie)', tag: 'kwetsbaarheid' },
  { method: 'get', path: '/samenwerkingen/{slug}/besluitvorming', summary: 'Organen en besluitvormingsmatrix (soort besluit × orgaan: besluit, adviseert, wordt geïnformeerd); ETag = versie van de matrix', tag: 'besluitvorming' },
  { method: 'post', path: '/samenwerkingen/{slug}/besluitvorming/inrichten', summary: 'Standaardorganen, -besluittypen en -matrix aanmaken als de samenwerking er nog geen heeft (governance:manage)', tag: 'besluitvorming' },
  { method: 'patch', path: '/samenwerkingen/{slug}/besluitvormingsmatrix', summary: 'Cellen van de besluitvormingsmatrix zetten (right null = geen rol); If-Match met de versie van de matrix (governance:manage)', body: matrixInput, ifMatch: true, tag: 'besluitvorming' },
  { method: 'post', path: '/samenwerkingen/{slug}/organen', summary: 'Orgaan toevoegen (ook raad of commissie met aanlevertermijn) (governance:manage)', body: bodyInput, tag: 'besluitvorming' },
  { method: 'patch', path: '/samenwerkingen/{slug}/organen/{key}', summary: 'Orgaan wijzigen: naam, aanlevertermijn, raad die een commissie adviseert (governance:manage)', body: bodyPatch, ifMatch: true, tag: 'besluitvorming' },
  { method: 'post', path: '/samenwerkingen/{slug}/besluittypen', summary: 'Soort besluit toevoegen (governance:manage)', body: decisionTypeInput, tag: 'besluitvorming' },
  { method: 'get', path: '/samenwerkingen/{slug}/besluiten', summary: 'Besluitenregister met de toets aan de besluitvormingsmatrix per besluit', tag: 'besluitvorming' },
  { method: 'post', path: '/samenwerkingen/{slug}/besluiten', summary: 'Besluit vastleggen (governance:manage)', body: decisionInput, tag: 'besluitvorming' },
  { method: 'get', path: '/samenwerkingen/{slug}/besluiten.csv', also: ['/samenwerkingen/{slug}/besluiten.xlsx'], summary: 'Besluitenregister als CSV (ook .xlsx)', tag: 'besluitvorming' },
  { method: 'get', path: '/besluiten/{id}', summary: 'Eén besluit met toets', tag: 'besluitvorming' },
  { method: 'patch', path: '/besluiten/{id}', summary: 'Besluit wijzigen (governance:manage)', body: decisionPatch, ifMatch: true, tag: 'besluitvorming' },
  { method: 'get', path: '/samenwerkingen/{slug}/toezeggingen', summary: 'Raadsvragen, toezeggingen, moties en bevindingen: open (op termijn) en afgedaan; te laat afgeleid van de termijn', tag: 'verantwoording' },
  { method: 'post', path: '/samenwerkingen/{slug}/toezeggingen', summary: 'Toezegging of bevinding vastleggen (governance:manage)', body: commitmentInput, tag: 'verantwoording' },
  { method: 'get', path: '/samenwerkingen/{slug}/toezeggingen.csv', also: ['/samenwerkingen/{slug}/toezeggingen.xlsx'], summary: 'Toezeggingen en bevindingen als CSV (ook .xlsx)', tag: 'verantwoording' },
  { method: 'get', path: '/toezeggingen/{id}', summary: 'Eén toezegging of bevinding', tag: 'verantwoording' },
  { method: 'patch', path: '/toezeggingen/{id}', summary: 'Toezegging of bevinding wijzigen (governance:manage)', body: commitmentPatch, ifMatch: true, tag: 'verantwoording' },
  { method: 'get', path: '/samenwerkingen/{slug}/routeplan', summary: 'Mijlpalen met afhankelijkheden, risico’s en status', tag: 'verantwoording' },
  { method: 'post', path: '/samenwerkingen/{slug}/routeplan', summary: 'Mijlpaal toevoegen; een kring van afhankelijkheden wordt geweigerd (governance:manage; teammanager voor het eigen team)', body: milestoneInput, tag: 'verantwoording' },
  { method: 'patch', path: '/mijlpalen/{id}', summary: 'Mijlpaal wijzigen (governance:manage; teammanager voor het eigen team)', body: milestonePatch, ifMatch: true, tag: 'verantwoording' },
  { method: 'get', path: '/samenwerkingen/{slug}/samenwerkingsvormen', summary: 'Catalogus van samenwerkingsvormen met de huidige vorm en de eigen notities', tag: 'verantwoording' },
  { method: 'patch', path: '/samenwerkingen/{slug}/samenwerkingsvormen/{vorm}', summary: 'Eigen notities bij een vorm opslaan: voordelen, nadelen, personele en financiële gevolgen (If-Match; eerste keer v0) (governance:manage)', body: formNoteInput, ifMatch: true, tag: 'verantwoording' },
  { method: 'get', path: '/samenwerkingen/{slug}/agenda', summary: 'Vergaderkalenders van raden en commissies', tag: 'agenda' },
  { method: 'post', path: '/samenwerkingen/{slug}/agenda/vergaderingen', summary: 'Vergadering met de hand toevoegen (governance:manage)', body: meetingInput, tag: 'agenda' },
  { method: 'delete', path: '/vergaderingen/{id}', summary: 'Vergadering verwijderen (governance:manage)', tag: 'agenda' },
  { method: 'post', path: '/samenwerkingen/{slug}/agenda/import', summary: 'Vergaderkalender importeren (body: .ics of .csv; query: formaat=ics|csv, orgaan); alles of niets, hetzelfde bestand twee keer verandert niets (governance:manage)', body: calendarImportQuery, bodyIsFile: true, tag: 'agenda' },
  { method: 'get', path: '/samenwerkingen/{slug}/agenda/planning', summary: 'Vroegste data waarop elke raad over een gezamenlijk voorstel kan besluiten (query: gereed=datum, raden=sleutels)', tag: 'agenda' },
  { method: 'get', path: '/samenwerkingen/{slug}/rapporten', summary: 'Rapportages van de samenwerking: alle voor wie ze voorbereidt, anders alleen de gepubliceerde', tag: 'rapportages' },
  { method: 'post', path: '/samenwerkingen/{slug}/rapporten', summary: 'Concept aanmaken: voortgangsrapportage of factsheet van een team, periode 2019 / 2019-K3 / 2019-H1 / dd-mm-jjjj/dd-mm-jjjj (report:prepare)', body: reportInput, tag: 'rapportages' },
  { method: 'get', path: '/rapporten/{id}', summary: 'Eén rapportage met haar publicaties (404 voor een concept als u het niet mag voorbereiden)', tag: 'rapportages' },
  { method: 'put', path: '/rapporten/{id}/teksten', summary: 'Teksten per onderdeel opslaan (factsheet a–f, voortgang inleiding/ontwikkelingen/vooruitblik) (report:prepare)', body: textsInput, ifMatch: true, tag: 'rapportages' },
  { method: 'post', path: '/rapporten/{id}/publicaties', summary: 'Publiceren: teksten en cijfers van vandaag vastgelegd als volgende versie; onveranderlijk (report:publish)', ifMatch: true, tag: 'rapportages' },
  { method: 'get', path: '/rapporten/{id}/concept.pdf', also: ['/rapporten/{id}/concept.html'], summary: 'Concept als PDF (A4) met de cijfers van vandaag (ook concept.html) (report:prepare); hoogstens twee tegelijk, daarna een wachtrij, daarboven 503 met Retry-After', tag: 'rapportages' },
  { method: 'get', path: '/rapporten/{id}/publicaties/{nr}', summary: 'Een gepubliceerde versie: de vastgelegde cijfers (JSON)', tag: 'rapportages' },
  { method: 'get', path: '/rapporten/{id}/publicaties/{nr}.pdf', also: ['/rapporten/{id}/publicaties/{nr}.html'], summary: 'Een gepubliceerde versie als PDF (A4, paginanummers, colofon) (ook .html); de PDF is eenmalig gemaakt en opgeslagen: ETag is de SHA-256, If-None-Match geeft 304; 503 met Retry-After als er te veel PDF\'s tegelijk gemaakt worden', tag: 'rapportages' },
  { method: 'get', path: '/uren/sjabloon.csv', summary: 'Sjabloon voor uren (CSV)', tag: 'uren' },
  { method: 'get', path: '/uren/sjabloon.xlsx', summary: 'Sjabloon voor uren (XLSX)', tag: 'uren' },
  { method: 'get', path: '/audit', summary: 'Audittrail (beheerder)', tag: 'audit' },
  { method: 'get', path: '/toegangsoverzicht', also: ['/toegangsoverzicht.csv', '/toegangsoverzicht.xlsx'], summary: 'Toegangsoverzicht: alle rollen met scope, laatste aanmelding en actie, signaal bij ongebruikt (BIO 8.02.01); ook .csv en .xlsx (beheerder)', tag: 'audit' },
  { method: 'get', path: '/audit/verificatie', summary: 'Controle van de hashketen (beheerder)', tag: 'audit' },
];

const problem = { description: 'Fout (application/problem+json, Nederlandstalig)', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };

export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of ROUTES.flatMap((route) => [route, ...(route.also ?? []).map((path) => ({ ...route, path }))])) {
    const params = [...r.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
    if (r.ifMatch) params.push({ name: 'If-Match', in: 'header', required: true, schema: { type: 'string' } });
    paths[r.path] ??= {};
    paths[r.path][r.method] = {
      summary: r.summary,
      tags: [r.tag],
      ...(params.length ? { parameters: params } : {}),
      ...(r.body && !r.bodyIsFile ? { requestBody: { required: true, content: { 'application/json': { schema: z.toJSONSchema(r.body, { io: 'input', unrepresentable: 'any' }) } } } } : {}),
      ...(r.bodyIsFile ? { requestBody: { required: true, content: { 'text/csv': { schema: { type: 'string' } }, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } } } } } : {}),
      responses: {
        200: { description: 'OK' }, 400: problem, 401: problem, 403: problem, 404: problem,
        ...(r.ifMatch ? { 412: problem, 428: problem } : {}),
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Vlecht API', version: '1.0.0', description: 'Register, uren, doelen en verantwoording van ambtelijke samenwerking.', license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' } },
    servers: [{ url: '/api/v1' }],
    components: {
      securitySchemes: { sessie: { type: 'apiKey', in: 'cookie', name: 'vlecht_sessie' }, bearer: { type: 'http', scheme: 'bearer' } },
      schemas: {
        Problem: {
          type: 'object',
          properties: {
            type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' }, detail: { type: 'string' }, code: { type: 'string' },
            invalidParams: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' }, label: { type: 'string' }, reason: { type: 'string' }, value: {} } } },
          },
        },
      },
    },
    security: [{ sessie: [] }, { bearer: [] }],
    paths,
  };
}
