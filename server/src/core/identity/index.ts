/** People across documents: which written names are one person, and the corrections of people.yaml. */
export { PersonResolver, type Identity, type Merge, type MergeReason } from './personResolution';
export { readPeopleRules, isPeopleFile, PEOPLE_FILE_NAMES, type PeopleRules, type PersonRule } from './peopleRules';
export { nameParts, compareGiven, type NameParts } from './nameParts';
export { officeOfName, OFFICES, type OfficeHolding } from './offices';
