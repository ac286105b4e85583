/**
 * The catalogue of forms of cooperation (aanbeveling 3 of the rekenkamercommissie, seed
 * 000 §2.2), shipped with the app in Dutch. A general comparison, not legal advice: each
 * cooperation records its own pros, cons and consequences beside it.
 *
 * Sources:
 * - Wet gemeenschappelijke regelingen (Wgr), https://wetten.overheid.nl/BWBR0003740:
 *   art. 1 (regeling zonder meer), art. 8 lid 1 (openbaar lichaam), art. 8 lid 2
 *   (gemeenschappelijk orgaan), art. 8 lid 3 (bedrijfsvoeringsorganisatie, sinds 2015),
 *   art. 10 lid 2 onder e en art. 13 (aansturing), art. 34–35 (begroting, zienswijze raad),
 *   art. 19a lid 2 (bevoegdheid van een openbaar lichaam, of de bvo, om rechtspersoon te zijn);
 *   Wijzigingswet Wgr 2022 (versterking democratische legitimatie, o.a. zienswijze en
 *   uittreding, art. 1 lid 3 en art. 9 lid 2 onder b).
 * - Wet op het BTW-compensatiefonds (Wet BCF), art. 2 en 5: gemeenten en openbare lichamen
 *   ingevolge de Wgr compenseren btw; Wet OB 1968 art. 11 lid 1 onder u (koepelvrijstelling)
 *   voor het uitlenen of delen van personeel binnen een samenwerkingsverband.
 * - Wet algemene regels herindeling (Wet arhi), https://wetten.overheid.nl/BWBR0004582:
 *   procedure en kosten van een bestuurlijke fusie (herindeling).
 * - Burgerlijk Wetboek boek 6 (overeenkomst), boek 7 titel 10 (arbeidsovereenkomst) en
 *   Wet normalisering rechtspositie ambtenaren (Wnra, 2020) voor werkgeverschap.
 * - Seed 004 (raadsvoorstel Heemstede 2019): regeling zonder meer geeft inzicht bij de P&C
 *   cyclus en sluit aan op fiscale regels; de privaatrechtelijke overeenkomst is gekozen om
 *   ontvlechten gemakkelijk te houden; inzet wordt niet gefactureerd om btw te voorkomen.
 * - Seed 002 (BEL): één werkorganisatie onder een gemeenschappelijke regeling, met
 *   opdrachtgeverschap, contracten en kostenverrekening.
 */

export const FORM_KEYS = [
  'privaatrechtelijke-samenwerkingsovereenkomst', 'regeling-zonder-meer', 'centrumgemeenteregeling', 'bedrijfsvoeringsorganisatie',
  'openbaar-lichaam', 'ambtelijke-fusie', 'bestuurlijke-fusie',
] as const;
export type FormKey = (typeof FORM_KEYS)[number];

export const ASPECTS = [
  { key: 'rechtspersoon', label: 'Rechtspersoonlijkheid' },
  { key: 'werkgever', label: 'Wie is werkgever van het personeel' },
  { key: 'btw', label: 'Btw-positie' },
  { key: 'sturingRaad', label: 'Sturing door de raad' },
  { key: 'inzichtPenC', label: 'Inzicht in de P&C-cyclus' },
  { key: 'ontvlechtbaar', label: 'Ontvlechtbaarheid' },
  { key: 'oprichtingskosten', label: 'Kosten en inspanning van oprichting' },
] as const;
export type AspectKey = (typeof ASPECTS)[number]['key'];

export interface CooperationForm { key: FormKey; name: string; basis: string; summary: string; aspects: Record<AspectKey, string> }

export const COOPERATION_FORMS: readonly CooperationForm[] = [
  {
    key: 'privaatrechtelijke-samenwerkingsovereenkomst', name: 'Privaatrechtelijke samenwerkingsovereenkomst', basis: 'Burgerlijk Wetboek boek 6 (overeenkomst)',
    summary: 'Colleges sluiten een overeenkomst om kennis, kunde en capaciteit uit te wisselen; teams werken voor beide gemeenten zonder nieuwe organisatie (Heemstede–Bloemendaal, raadsvoorstel kader samenwerking Heemstede, 2019).',
    aspects: {
      rechtspersoon: 'Nee; er ontstaat geen nieuwe organisatie.',
      werkgever: 'Elke gemeente blijft werkgever van het eigen personeel; de overeenkomst regelt dat medewerkers ook voor de andere gemeente werken.',
      btw: 'Risico: het ter beschikking stellen van personeel aan een andere gemeente kan een belaste prestatie zijn. Niet factureren of de koepelvrijstelling (art. 11 lid 1 onder u Wet OB) vraagt zorgvuldige onderbouwing.',
      sturingRaad: 'Indirect: de colleges sluiten de overeenkomst; de raad stuurt via kaders, zienswijzen en de eigen begroting.',
      inzichtPenC: 'Beperkt: kosten en formatie zitten verspreid in beide begrotingen; geen eigen begroting of jaarrekening van de samenwerking.',
      ontvlechtbaar: 'Goed: opzeggen volgens de overeenkomst; medewerkers zijn nog in dienst van de eigen gemeente.',
      oprichtingskosten: 'Laag: een overeenkomst door de colleges, advies van de ondernemingsraden.',
    },
  },
  {
    key: 'regeling-zonder-meer', name: 'Gemeenschappelijke regeling zonder meer (lichte GR)', basis: 'Wgr art. 1',
    summary: 'Een gemeenschappelijke regeling zonder eigen orgaan: afspraken over taken en kostenverdeling, uitgevoerd door de deelnemende gemeenten zelf.',
    aspects: {
      rechtspersoon: 'Nee.',
      werkgever: 'De deelnemende gemeenten; medewerkers kunnen voor elkaar werken op grond van de regeling.',
      btw: 'Publiekrechtelijke samenwerking; met een kostenverdeling in de regeling beter aan te sluiten op de fiscale regels dan onbetaald uitlenen (raadsvoorstel kader samenwerking Heemstede, 2019).',
      sturingRaad: 'De raad geeft toestemming voor het aangaan (Wgr art. 1 lid 2) en kan kaders meegeven.',
      inzichtPenC: 'Redelijk: budget, formatie en resultaat van de samenwerking zijn in begroting, voorjaars- en najaarsnota en jaarrekening op te nemen (raadsvoorstel kader samenwerking Heemstede, 2019).',
      ontvlechtbaar: 'Redelijk: uittreden en opheffen volgens de regeling; geen eigen personeel of bezittingen te verdelen.',
      oprichtingskosten: 'Laag tot gemiddeld: regeling opstellen, toestemming van de raden, inschrijving in het register.',
    },
  },
  {
    key: 'centrumgemeenteregeling', name: 'Centrumgemeenteregeling', basis: 'Wgr art. 1 en art. 8 lid 4 (mandaat aan één gemeente)',
    summary: 'Eén gemeente voert taken uit voor de andere(n), zoals Heemstede als centrumgemeente voor de ICT (GRIT).',
    aspects: {
      rechtspersoon: 'Nee; de centrumgemeente handelt zelf.',
      werkgever: 'De centrumgemeente; personeel van de andere gemeenten gaat vaak over of wordt gedetacheerd.',
      btw: 'De centrumgemeente factureert of verrekent; compensatie via het BTW-compensatiefonds per gemeente. Personeelsuitleen vraagt aandacht.',
      sturingRaad: 'De raad van de centrumgemeente stuurt direct; de andere raden via de regeling en dienstverleningsafspraken.',
      inzichtPenC: 'Goed bij de centrumgemeente, via afrekeningen bij de andere gemeenten.',
      ontvlechtbaar: 'Redelijk: taken terugnemen vraagt weer eigen personeel en systemen bij de uittredende gemeente.',
      oprichtingskosten: 'Gemiddeld: regeling, dienstverleningsovereenkomst, eventueel overgang van personeel.',
    },
  },
  {
    key: 'bedrijfsvoeringsorganisatie', name: 'Bedrijfsvoeringsorganisatie (bvo)', basis: 'Wgr art. 8 lid 3 (sinds 2015)',
    summary: 'Een lichte gemeenschappelijke regeling met rechtspersoonlijkheid voor uitvoerende en ondersteunende taken, met één bestuur van de colleges.',
    aspects: {
      rechtspersoon: 'Ja.',
      werkgever: 'De bvo; medewerkers gaan over van de gemeenten naar de bvo.',
      btw: 'Openbaar lichaam voor de Wet BCF: btw compenseerbaar; diensten aan de deelnemers vallen vaak onder de koepelvrijstelling.',
      sturingRaad: 'Via de eigen gemeente: zienswijze op de begroting (Wgr art. 35) en de verantwoording van het collegelid in het bestuur.',
      inzichtPenC: 'Goed: eigen begroting, jaarrekening en kostenverdeling, zichtbaar in de P&C-cyclus van elke gemeente.',
      ontvlechtbaar: 'Moeilijker: personeel, contracten en bezittingen verdelen; uittreedsom volgens de regeling.',
      oprichtingskosten: 'Gemiddeld tot hoog: regeling, personele overgang (sociaal plan, OR en GO), inrichting van administratie en P&C.',
    },
  },
  {
    key: 'openbaar-lichaam', name: 'Openbaar lichaam (GR)', basis: 'Wgr art. 8 lid 1',
    summary: 'De zwaarste vorm van gemeenschappelijke regeling: algemeen en dagelijks bestuur, eigen organisatie, ook voor beleidsmatige taken.',
    aspects: {
      rechtspersoon: 'Ja.',
      werkgever: 'Het openbaar lichaam.',
      btw: 'Wet BCF van toepassing; koepelvrijstelling mogelijk voor diensten aan de deelnemers.',
      sturingRaad: 'Via vertegenwoordigers in het algemeen bestuur, zienswijze op begroting (Wgr art. 35) en de instrumenten van de Wgr 2022; vaak ervaren als ‘op afstand’.',
      inzichtPenC: 'Goed voor de regeling zelf (eigen begroting en jaarrekening); de raad ziet haar als bijdrage in de eigen begroting.',
      ontvlechtbaar: 'Moeilijk: uittreden volgens de regeling met een uittreedsom; personeel en bezittingen verdelen.',
      oprichtingskosten: 'Hoog: regeling, bestuur, personele overgang, huisvesting en systemen.',
    },
  },
  {
    key: 'ambtelijke-fusie', name: 'Ambtelijke fusie (één werkorganisatie)', basis: 'Meestal een gemeenschappelijke regeling (openbaar lichaam of bvo) met één werkorganisatie',
    summary: 'Alle ambtenaren in één werkorganisatie die diensten levert aan de zelfstandige gemeenten, zoals de BEL Combinatie (startgesprek InAxis BEL, 2007).',
    aspects: {
      rechtspersoon: 'Ja, de werkorganisatie (via de GR); de gemeenten blijven zelfstandig.',
      werkgever: 'De werkorganisatie; de gemeenten houden een kleine eigen staf (opdrachtgeverschap, regie, control).',
      btw: 'Als openbaar lichaam: Wet BCF en koepelvrijstelling; kostenverrekening volgens afspraken.',
      sturingRaad: 'Via opdrachtgeverschap, contracten of dienstverleningsafspraken en de zienswijze op de begroting; de raad stelt het programma van de eigen gemeente vast.',
      inzichtPenC: 'Goed mits de P&C van werkorganisatie en gemeenten op elkaar aansluiten (startgesprek InAxis BEL, 2007: een uitdaging).',
      ontvlechtbaar: 'Zeer moeilijk: een uittredende gemeente moet een hele organisatie opnieuw opbouwen.',
      oprichtingskosten: 'Hoog: veranderaanpak, personele overgang, huisvesting, harmonisatie van processen en systemen.',
    },
  },
  {
    key: 'bestuurlijke-fusie', name: 'Bestuurlijke fusie (herindeling)', basis: 'Wet arhi',
    summary: 'De gemeenten gaan op in één nieuwe gemeente met één raad, één college en één organisatie.',
    aspects: {
      rechtspersoon: 'Ja: één nieuwe gemeente.',
      werkgever: 'De nieuwe gemeente; al het personeel gaat over.',
      btw: 'Geen btw tussen de oude gemeenten meer: alles is één organisatie (Wet BCF voor de nieuwe gemeente).',
      sturingRaad: 'Volledig, maar door één nieuwe raad voor het hele gebied; de oude raden verdwijnen.',
      inzichtPenC: 'Volledig: één begroting en jaarrekening.',
      ontvlechtbaar: 'Niet: een herindeling terugdraaien is een nieuwe herindeling.',
      oprichtingskosten: 'Hoog: herindelingsprocedure (Wet arhi), frictiekosten; het Rijk geeft een tijdelijke bijdrage uit het gemeentefonds.',
    },
  },
];

export const formByKey = (key: string): CooperationForm | undefined => COOPERATION_FORMS.find((f) => f.key === key);
