/** Accent- and case-insensitive form used by FHIR string search (shared by the search and its name index). */
export function foldForStringSearch(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}
