/** Word lists for the statement domain: titles of office, organisations and places, Chinese surnames. */

const words = (text: string) => new Set(text.trim().split(/\s+/).map(w => w.toLowerCase()));

/** Heads of a role phrase: a name preceded by one of these holds an office ("Foreign Minister Qin Gang"). */
export const ROLE_HEADS = words(`
  president vice-president secretary undersecretary under-secretary minister ambassador councilor councillor
  spokesperson spokesman spokeswoman director director-general premier chancellor king queen prince princess
  emperor governor gov. senator sen. rep. representative congressman congresswoman mayor envoy advisor adviser
  chairman chairwoman chair chairperson commissioner administrator professor prof. dr. mr. mrs. ms. miss
  comrade general gen. admiral adm. colonel col. pope leader speaker attorney counselor counsellor coordinator
  lady gentleman ministers presidents secretaries ambassadors deputy diplomat official emir sheikh sultan crown
  justice judge treasurer commander chief chargé charge rabbi reverend rev. father sister bishop cardinal
  founder ceo chairwoman dean lieutenant lt. sergeant sgt. captain capt. major maj. officer agent inspector
  producer anchor correspondent editor reporter analyst scholar researcher fellow economist negotiator
  host moderator commentator columnist pollster strategist
  taoiseach tánaiste tanaiste archbishop patriarch ayatollah
  vice-premier vice-chairman vice-minister vice-foreign secretary-general foreign-minister
`);

/** Words that may stand inside a role phrase without being its head ("State Councilor and Foreign Minister"). */
export const ROLE_MODIFIERS = words(`
  vice deputy assistant acting special senior first second prime foreign state defense defence national security
  press economic trade interior finance home justice homeland commerce energy health education labor labour
  agriculture transportation treasury executive general principal permanent former late new incoming outgoing
  top chief lead associate managing high white house department ministry affairs international public
  political military civil legal legislative strategic cabinet majority minority party communist central
  committee council people's federal regional provincial municipal city county district union european
  representative resident plenipotentiary extraordinary and of to for the at on in with u.s. us u.n. un eu
`);

/** Capitalized words that end names of organisations, places, events or documents: never part of a person's name. */
export const NON_PERSON_WORDS = words(`
  ministry department house party council war sea day festival forum union nations organization organisation
  university committee congress senate bureau agency office group media administration government republic
  kingdom states street act bill plan initiative strait square center centre institute foundation bank fund
  court army navy force forces embassy consulate mission assembly parliament commission association
  corporation company inc. ltd. news times post daily network channel airport station hall palace island
  islands province city county region river mountain ocean gulf bay coast peninsula valley summit conference
  dialogue talks treaty agreement accord declaration communique communiqué statement program programme
  project strategy policy doctrine road belt route year years month week century era period season
  spring summer autumn winter morning evening night january february march april may june july august
  september october november december monday tuesday wednesday thursday friday saturday sunday
  china chinese america american u.s. us usa united america's china's russia russian ukraine ukrainian europe
  european asia asian africa african japan japanese korea korean india indian france french germany german
  britain british uk taiwan beijing washington moscow kyiv tokyo london paris brussels bali san francisco
  pacific atlantic indo-pacific middle east west north south oceanian covid-19 covid internet web
  god lord christmas easter thanksgiving new dear distinguished guests ladies gentlemen friends colleagues
  thank good excellency excellencies honorable honourable
  freedom freedoms rights religious human democracy security peace justice liberty trade energy health climate
  readout remarks remark statement statements call calls meeting meetings trip travel travels visit visits
  visiting meets met delivers hosts hosting joins signs signing welcomes congratulates condemns announces
  announcement release fact sheet press briefing gaggle interview conversation phone virtual joint
  the a an and or but in on at of to for with by from as this that these those it its we our you your they their
  he she his her i my me us them there here when while after before during since if not no yes
  school college room service prize corps amendment dome accords conventions protocol native americans harbor
  basin circuit recession depression enforcement programs guarantee roundtable manufacturers partners deal
  convention alliance patrol nutrition voting election
  coalition journal debates caucus federation chamber tribune herald telegraph magazine network
  guard order orders challenge laboratories laboratory doctorate supreme republicans democrats catholic catholics
  intelligence defense defence homeland treasury commerce transportation education agriculture labor labour
  takes launches unveils highlights celebrates honors honours approves nominates appoints invokes directs awards
  expands extends proposes outlines commemorates recognizes convenes establishes reaffirms sends urges
`);

/** Personal titles that introduce a person without being an office. */
export const HONORIFICS = words('mr. mrs. ms. miss dr. prof. professor comrade sir dame madam lord lady del. atty. supt. cmdr. insp. det.');

/**
 * Common Chinese surnames (pinyin). A two-token name whose first token is one of these is written surname
 * first ("Qin Gang" → "Qin"), so the surname alias is the first token, not the last.
 */
export const CHINESE_SURNAMES = words(`
  wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo zheng liang xie song tang
  xi qin le han feng deng cao peng zeng xiao tian dong yuan pan yu jiang cai wei lu ding ren shen yao fu zhong
  dai cui kong bai mao qiu qian hua geng wen jin hou shi lei long duan hao kang xiong meng qiao yan lai gu
  fan fang bao zou xia tan jia shao yin wan tao ye du su lyu lv ge chang mu niu tong
`);

/** Verbs that introduce what someone said. */
export const REPORTING_VERBS = [
  'said', 'says', 'say', 'told', 'tells', 'added', 'adds', 'noted', 'notes', 'stressed', 'stresses', 'emphasized',
  'emphasised', 'emphasizes', 'underscored', 'underscores', 'underlined', 'pointed out', 'points out', 'urged',
  'urges', 'stated', 'states', 'declared', 'announced', 'warned', 'warns', 'vowed', 'vows', 'reiterated',
  'reiterates', 'reaffirmed', 'reaffirms', 'affirmed', 'affirms', 'highlighted', 'highlights', 
  'explains', 'argued', 'argues', 'insisted', 'insists', 'maintained', 'acknowledged',
  'acknowledges', 'welcomed', 'welcomes', 'condemned', 'condemns', 'denounced', 'mentioned', 'observed',
  'remarked', 'suggested', 'proposed', 'asserted', 'asserts', 'continued', 'continues', 'wrote', 'writes',
  'recalled', 'confirmed', 'confirms', 'expressed', 'expresses', 'called on', 'calls on', 'called for',
  'calls for', 'replied', 'responded', 'answered', 'asked', 'asks', 'agreed', 'agrees', 'believes',
  'believed', 'concluded', 'cautioned', 'claimed', 'claims', 'commented', 'conveyed', 'indicated',
  'praised', 'thanked', 'thanks', 'discussed', 'discusses', 'shared', 'shares', 'committed', 'commits', 'pledged', 'pledges',
  'encouraged', 'encourages', 'reassured', 'assured', 'expressed hope', 'made clear', 'makes clear',
  // news and social media: what a reporter writes when someone speaks, posts or sings
  'reports', 'reported', 'tweeted', 'tweets', 'posted', 'posts', 'texted', 'emailed', 'sings', 'sang',
  'recalls', 'quipped', 'joked', 'jokes', 'shouted', 'yelled', 'chanted', 'predicted', 'predicts', 'conceded',
  'concedes', 'admitted', 'admits', 'boasted', 'boasts', 'complained', 'complains', 'lamented', 'laments',
  'charged', 'alleged', 'alleges', 'contended', 'contends', 'countered', 'counters', 'retorted', 'testified',
  'explained', 'responds', 'replies', 'answers', 'announces', 'declares', 'observes', 'remarks', 'mentions',
  'cautions', 'recounted', 'recounts', 'acknowledged', 'opined', 'mused', 'scoffed', 'snapped', 'wondered',
  'yells', 'screams', 'screamed', 'shouts', 'cries', 'cried', 'exclaimed', 'whispered', 'mutters', 'muttered',
  'saying', 'adding', 'noting', 'telling', 'asking', 'arguing', 'insisting', 'explaining', 'warning',
  'claiming', 'stressing', 'writing', 'tweeting', 'declaring', 'announcing', 'asserting', 'suggesting',
  'acknowledging', 'admitting', 'conceding', 'predicting', 'complaining', 'boasting', 'vowing', 'promising',
  'urging', 'responding', 'replying', 'recalling', 'stating', 'contending', 'observing', 'remarking', 'quipping',
  'joking', 'emphasizing', 'emphasising', 'pointing out', 'reiterating', 'cautioning', 'lamenting',
  'demanded', 'demands', 'scolded', 'scolds', 'pleaded', 'pleads', 'begged', 'objected', 'interjected',
  // the plain form after a plural subject or "to": "critics argue", "officials warn", "refused to admit"
  'argue', 'warn', 'insist', 'contend', 'acknowledge', 'predict', 'suggest', 'complain', 'allege', 'assert',
  'explain', 'concede', 'admit', 'caution', 'emphasize', 'emphasise', 'tell', 'point out', 'confirming',
  'ruled that', 'rules that',
  // findings of polls, studies and newspapers, only with "that" ("The Courier found that …")
  'found that', 'finds that', 'shows that', 'show that', 'showed that', 'estimates that', 'estimated that',
  'revealed that', 'reveals that', 'concludes that', 'suggests that', 'determined that',
];

export const REPORTING_VERB_SET = new Set(REPORTING_VERBS);

/** Verbs by which evidence says something, with or without "that": "Surveys show a tight race", "the audit found". */
export const EVIDENCE_VERB_SET = new Set(['show', 'shows', 'showed', 'suggest', 'suggests', 'suggested', 'indicate', 'indicates', 'indicated', 'reveal', 'reveals', 'revealed', 'find', 'finds', 'found', 'estimate', 'estimates', 'estimated', 'project', 'projects', 'projected', 'conclude', 'concludes', 'concluded']);

/** Past forms that do not add -ed: "thought", "sought", "felt". */
const IRREGULAR_PAST: Record<string, string> = { think: 'thought', seek: 'sought', feel: 'felt', hold: 'held', see: 'saw', understand: 'understood' };

/** A verb's finite and -ing forms from its base ("plan" → plans, planned, planning; "deny" → denies, denied). */
function inflections(base: string): string[] {
  const past = IRREGULAR_PAST[base];
  if (/[^aeiou]y$/.test(base)) return [base, `${base.slice(0, -1)}ies`, past ?? `${base.slice(0, -1)}ied`, `${base}ing`];
  if (base.endsWith('e')) return [base, `${base}s`, past ?? `${base}d`, `${base.slice(0, -1)}ing`];
  // One short vowel before a final consonant doubles it: "plan" → "planned", "commit" → "committed".
  const doubled = /^(?:plan|commit|admit|regret|prefer|bar|slam|rip|ban|nag|jab)$/.test(base) ? base + base.at(-1) : base;
  const s = /(?:s|sh|ch|x|z)$/.test(base) ? `${base}es` : `${base}s`;
  return [base, s, past ?? `${doubled}ed`, `${doubled}ing`];
}

/**
 * Verbs of stance: what someone wants, plans, believes or holds against someone ("the ministry wants to …",
 * "Hovland blamed the delays on …"). They report a position, not words, so they only count after a subject that
 * names a speaker and only when no reporting verb does; they never cue a quotation.
 */
export const STANCE_VERB_SET = new Set(`
  want plan propose support oppose back endorse favor favour reject dismiss deny dispute challenge question
  criticize criticise blame accuse attack mock defend hope fear expect intend seek promise threaten refuse
  decline decide think feel doubt worry consider recommend request advocate champion tout hail applaud slam
  blast rip lambaste chastise rebuke grill signal hint cite reference recognize recognise regret welcome
  prefer describe characterize portray label brand dub accuse ridicule disparage fault credit thank
  vow pledge commit demand urge call`.trim().split(/\s+/).flatMap(inflections)
  // "back" alone is far more often an adverb ("a turning point back in March") than "they back the plan".
  .filter(form => form !== 'back'));

/** Nouns that describe an unnamed source: "a source said", "officials said", "one reader wrote". */
export const SOURCE_NOUNS = words(`
  source sources official officials aide aides analyst analysts expert experts critic critics observer observers
  diplomat diplomats spokesperson spokesman spokeswoman reader readers resident residents people person
  lawmaker lawmakers legislators member members participant participants witness witnesses executive executives
  economist economists adviser advisers advisor advisors insider insiders negotiator negotiators commentator
  commentators representative representatives staffer staffers employee employees worker workers officer
  officers investigators prosecutors lawyer lawyers attorney attorneys doctor doctors student students
  farmer farmers owner owners activist activists protester protesters supporter supporters voter voters
  scholar scholars researcher researchers leader leaders organizers organisers colleague colleagues friend
  friends neighbor neighbors neighbour neighbours relative relatives family families man woman men women
  someone somebody strategist strategists operative operatives donor donors allies ally republicans democrats
  authorities polls poll survey surveys report reports study studies
  announcer narrator businessman businesswoman father mother wife husband son daughter nominee candidate
  ruling book ad ads letter memo filing lawsuit complaint indictment website tweet video documents document
  journalist journalists reporter reporters respondents percent defenders scientists historians conservatives
  liberals judges parents advocates majority analysis clip statement
`);

/** Heads of organisation names: "the Foreign Ministry", "the White House", "the Trump campaign". */
export const ORGANISATION_HEADS = words(`
  ministry department house kremlin government administration agency office embassy consulate council
  committee commission company corporation corp inc campaign party union association institute bank court
  group firm newspaper paper network post times journal press agency mission delegation secretariat
  cabinet parliament congress senate assembly army navy military police service bureau foundation organization
  organisation coalition alliance federation chamber board authority authorities center centre university
  school club team station channel magazine outlet daily tribune herald telegraph guardian
  fund league society academy institution panel regime junta tribunal watchdog regulator laboratory lab
`);

/** Verbs of a business's announcements in fact sheets: "Amgen announced a $900 million investment". */
export const ANNOUNCING_VERBS = /^(?:announced|announces|committed|commits|launched|launches|unveiled|unveils|pledged|pledges|invested|invests|opened|opens|expanded|expands)$/;

/** Publishers whose name alone on a header line (or as a caption credit) marks a document's outlet. */
export const OUTLETS = ['CGTN', 'Xinhua', 'China Daily', 'Global Times', 'People\'s Daily', 'CCTV', 'CMG', 'Reuters', 'Associated Press', 'AP', 'AFP', 'BBC', 'CNN', 'The New York Times', 'The Washington Post', 'The Wall Street Journal', 'Bloomberg', 'Politico', 'The Guardian', 'Financial Times', 'Al Jazeera', 'NHK', 'Kyodo', 'Yonhap', 'TASS', 'RIA Novosti', 'Deutsche Welle', 'France 24', 'South China Morning Post', 'The White House', 'U.S. Department of State'];

/**
 * Organisations that speak under a name that would otherwise read as a person's ("Reuters reported", "Beijing
 * said"): the outlets above, and agencies, capitals and companies that news quote by one word.
 */
export const KNOWN_ORGANISATIONS = new Set([
  ...OUTLETS.map(outlet => outlet.toLowerCase().replace(/^the /, '')),
  ...`axios fox msnbc nbc abc cbs pbs npr ria gallup pew nato pentagon kremlin whitehall
  beijing washington moscow tokyo london paris brussels kyiv seoul pyongyang tehran ankara delhi berlin
  un eu who imf wto opec asean google apple amazon microsoft meta facebook twitter nvidia intel tesla boeing`.trim().split(/\s+/),
]);

/** Last words of organisation names that a person's name never runs into. */
export const ORGANISATION_TAILS = new Set(`coalition institute institution foundation university college committee council association
  journal center centre group fund bank corporation company agency commission federation alliance network debates
  caucus forum school hospital church union league society academy party survey poll census review index report
  study klan`.split(/\s+/));

export const FUNCTION_WORDS = new Set(['of', 'in', 'and', 'or', 'to', 'for', 'at', 'on', 'with', 'by', 'from', 'that', 'which', 'as', 'than', 'into', 'about', 'after', 'before', 'over', 'under', 'against', 'but', 'nor', 'the', 'a', 'an',
  'since', 'because', 'although', 'though', 'when', 'while', 'if', 'until', 'whether', 'where', 'who', 'whom', 'whose', 'so', 'during', 'through', 'between', 'among', 'without', 'within']);

/** Words before a name that make it part of a noun phrase ("the likely coalition pick Weller"), never a subject. */
export const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'our', 'my', 'your', 'this', 'that', 'these', 'those']);

/** Nouns a name modifies ("the Lindholm cabinet underestimated …"): the cabinet acts, not Lindholm. */
export const NOUNS_AFTER_NAMES = new Set(['campaign', 'campaigns', 'administration', 'team', 'family', 'foundation', 'aides', 'aide', 'supporters', 'allies', 'camp', 'voters', 'presidency', 'era', 'policy', 'policies', 'plan', 'plans', 'tweets', 'tweet', 'spokesman', 'spokeswoman', 'spokesperson', 'surrogates', 'critics', 'government', 'cabinet', 'doctrine', 'rally', 'rallies', 'campaign’s', "campaign's", 'organization', 'people', 'staff', 'staffers', 'advisers', 'officials', 'loyalists', 'years', 'victory', 'win', 'loss', 'nomination', 'candidacy', 'speech', 'remarks', 'comments', 'statement', 'interview', 'tax', 'taxes']);

/** Last words of places and buildings named after people ("the Edmund Pettus Bridge", "Walter Reed Medical Center"). */
export const PLACE_TAILS = new Set(`bridge tunnel highway avenue boulevard building tower park airport station hall memorial
  monument stadium arena library museum center centre hospital clinic medical national military reserve base
  fort camp county parkway plaza`.split(/\s+/));
