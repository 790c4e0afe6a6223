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

/** The states of the United States, for "Sen. Angus King of Maine". */
const US_STATES = new Set(['Alabama', 'Alaska', 'Arizona', 'Arkansas', 'California', 'Colorado', 'Connecticut', 'Delaware', 'Florida', 'Georgia', 'Hawaii', 'Idaho', 'Illinois', 'Indiana', 'Iowa', 'Kansas', 'Kentucky', 'Louisiana', 'Maine', 'Maryland', 'Massachusetts', 'Michigan', 'Minnesota', 'Mississippi', 'Missouri', 'Montana', 'Nebraska', 'Nevada', 'New Hampshire', 'New Jersey', 'New Mexico', 'New York', 'North Carolina', 'North Dakota', 'Ohio', 'Oklahoma', 'Oregon', 'Pennsylvania', 'Rhode Island', 'South Carolina', 'South Dakota', 'Tennessee', 'Texas', 'Utah', 'Vermont', 'Virginia', 'Washington', 'West Virginia', 'Wisconsin', 'Wyoming']);

/** Whether `phrase` ("Maine", "New Hampshire") names a state of the United States. */
export function isUsStateName(phrase: string): boolean {
  return US_STATES.has(phrase);
}
