/**
 * Countries as speakers: "Malaysia committed to …", "Bangladesh welcomed …" is a government speaking, never a
 * person named Malaysia. Names come from the ISO country list of `countries-and-timezones`, with the short forms
 * news and readouts use.
 */
import { getAllCountries } from 'countries-and-timezones';

/** Short and older forms the ISO names leave out. */
const COMMON_FORMS = ['United States', 'America', 'Britain', 'Great Britain', 'Burma', "Côte d'Ivoire", 'Cote d’Ivoire', 'Turkey', 'Czech Republic', 'Holland', 'Vatican', 'Congo'];

let countries: ReadonlySet<string> | undefined;

/** Lower-cased country names, read once when first needed. */
function countryNames(): ReadonlySet<string> {
  countries ??= new Set([...Object.values(getAllCountries()).map(country => country.name), ...COMMON_FORMS].map(name => name.toLowerCase().replace(/’/g, "'")));
  return countries;
}

/** Whether `phrase` ("Malaysia", "the United Kingdom", "Saudi Arabia's") names a country, and nothing more. */
export function isCountryName(phrase: string): boolean {
  const name = phrase.trim().replace(/^the\s+/i, '').replace(/['’]s$/, '').replace(/\s+/g, ' ').replace(/’/g, "'").toLowerCase();
  // "Chad said …" is more likely a man than the country. (Most country names are in some given-name list,
  // "Malaysia", "Russia", "France", so the list cannot decide; these are the common English ones.)
  return countryNames().has(name) && !GIVEN_NAME_COUNTRIES.has(name);
}

/** Country names that are common English given names, read as a person's when they stand alone. */
const GIVEN_NAME_COUNTRIES = new Set(['chad']);
