/**
 * The BBV task fields (taakvelden) of the Dutch budgeting rules for municipalities
 * (Besluit begroting en verantwoording, indeling sinds 2017, namen van 6.2 en 6.4 zoals
 * sinds 2023), shipped with the app so teams and benchmarks can be tagged with them.
 */
export const BBV_TAAKVELDEN: Readonly<Record<string, string>> = {
  '0.1': 'Bestuur', '0.2': 'Burgerzaken', '0.3': 'Beheer overige gebouwen en gronden', '0.4': 'Overhead', '0.5': 'Treasury',
  '0.61': 'OZB woningen', '0.62': 'OZB niet-woningen', '0.63': 'Parkeerbelasting', '0.64': 'Belastingen overig',
  '0.7': 'Algemene uitkering en overige uitkeringen gemeentefonds', '0.8': 'Overige baten en lasten', '0.9': 'Vennootschapsbelasting (VpB)',
  '0.10': 'Mutaties reserves', '0.11': 'Resultaat van de rekening van baten en lasten',
  '1.1': 'Crisisbeheersing en brandweer', '1.2': 'Openbare orde en veiligheid',
  '2.1': 'Verkeer en vervoer', '2.2': 'Parkeren', '2.3': 'Recreatieve havens', '2.4': 'Economische havens en waterwegen', '2.5': 'Openbaar vervoer',
  '3.1': 'Economische ontwikkeling', '3.2': 'Fysieke bedrijfsinfrastructuur', '3.3': 'Bedrijvenloket en bedrijfsregelingen', '3.4': 'Economische promotie',
  '4.1': 'Openbaar basisonderwijs', '4.2': 'Onderwijshuisvesting', '4.3': 'Onderwijsbeleid en leerlingzaken',
  '5.1': 'Sportbeleid en activering', '5.2': 'Sportaccommodaties', '5.3': 'Cultuurpresentatie, cultuurproductie en cultuurparticipatie',
  '5.4': 'Musea', '5.5': 'Cultureel erfgoed', '5.6': 'Media', '5.7': 'Openbaar groen en (openlucht) recreatie',
  '6.1': 'Samenkracht en burgerparticipatie', '6.2': 'Toegang en eerstelijnsvoorzieningen', '6.3': 'Inkomensregelingen', '6.4': 'Begeleide participatie',
  '6.5': 'Arbeidsparticipatie', '6.6': 'Maatwerkvoorzieningen (Wmo)', '6.71': 'Maatwerkdienstverlening 18+', '6.72': 'Maatwerkdienstverlening 18-',
  '6.81': 'Geëscaleerde zorg 18+', '6.82': 'Geëscaleerde zorg 18-',
  '7.1': 'Volksgezondheid', '7.2': 'Riolering', '7.3': 'Afval', '7.4': 'Milieubeheer', '7.5': 'Begraafplaatsen en crematoria',
  '8.1': 'Ruimtelijke ordening', '8.2': 'Grondexploitatie (niet bedrijventerreinen)', '8.3': 'Wonen en bouwen',
};

export const isBbvTaakveld = (code: string): boolean => Object.hasOwn(BBV_TAAKVELDEN, code);
export const bbvLabel = (code: string | null): string | null => (code ? `${code} ${BBV_TAAKVELDEN[code] ?? ''}`.trim() : null);
