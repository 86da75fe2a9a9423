/**
 * The organisations of one fictional local authority area, sized to the number of children: the council, its
 * adult services, the ICB, GP practices (about 1,800 registered children each), schools (primaries of ~250 pupils,
 * secondaries of ~1,000, a special school, a pupil referral unit and an FE college) and children's home providers.
 *
 * Code ranges left for scenarios (so scenario organisations added to a generated population never collide):
 * GP ODS codes starting 'Y9', school URNs 19xxxx, establishment numbers 9xxx.
 */
import type { GenerationContext } from './generation-context.js';
import type { Organisation, ResidentialUnit } from './model.js';
import { homePostcode } from './postcodes.js';

export type SchoolPhase = 'PRIMARY' | 'SECONDARY' | 'SPECIAL' | 'PRU' | 'COLLEGE';

export interface School {
  organisation: Organisation;
  phase: SchoolPhase;
  establishmentNumber: string;
}

export interface AreaOrganisations {
  all: Organisation[];
  localAuthority: Organisation;
  adultServices: Organisation;
  icb: Organisation;
  practices: Organisation[];
  primaries: School[];
  secondaries: School[];
  special: School[];
  pru: School;
  college: School;
  homeProviders: Array<{ organisation: Organisation; providerCode: ResidentialUnit['providerCode'] }>;
}

// prettier-ignore
const PLACE_WORDS: readonly string[] = [
  'Ashford', 'Beacon', 'Brookside', 'Castle', 'Cherry Tree', 'Dale', 'Eastfield', 'Fairfield', 'Glebe', 'Greenhill',
  'Hallam', 'Heath', 'Highfield', 'Holme', 'Kingsmead', 'Lark Rise', 'Longford', 'Meadowbank', 'Millbrook', 'Northgate',
  'Oakwood', 'Park View', 'Priory', 'Ravenscroft', 'Redhill', 'Riverside', 'Southway', 'Stonebridge', 'Thornbury',
  'Valley', 'Westbrook', 'Whitecross', 'Willowdene', 'Woodlands', 'Wexham', 'Wexham Green', 'Wexham Moor',
];

function placeName(index: number): string {
  const word = PLACE_WORDS[index % PLACE_WORDS.length] as string;
  const round = Math.floor(index / PLACE_WORDS.length);
  return round === 0 ? word : `${word} ${['North', 'South', 'East', 'West', 'Upper', 'Lower'][round % 6]}`;
}

export function buildAreaOrganisations(context: GenerationContext, childCount: number): AreaOrganisations {
  const random = context.random.fork('organisations');
  const all: Organisation[] = [];
  const add = (organisation: Organisation): Organisation => {
    all.push(organisation);
    return organisation;
  };

  const localAuthority = add({
    id: 'ORG-LA',
    kind: 'LOCAL_AUTHORITY',
    name: 'Wexham Borough Council',
    code: context.localAuthorityCode,
    postcode: homePostcode(random),
  });
  const adultServices = add({
    id: 'ORG-ASC',
    kind: 'ADULT_SERVICES',
    name: 'Wexham Adult Social Care',
    code: `${context.localAuthorityCode}-ASC`,
    postcode: localAuthority.postcode,
  });
  const icb = add({
    id: 'ORG-ICB',
    kind: 'ICB',
    name: 'NHS Wexham and Vale Integrated Care Board',
    code: 'QZ9',
    postcode: homePostcode(random),
  });

  const practiceCount = Math.max(3, Math.round(childCount / 1800));
  const practiceSuffixes = ['Medical Centre', 'Surgery', 'Health Centre', 'Family Practice'];
  const practices: Organisation[] = [];
  let newerPractices = 0;
  for (let i = 0; i < practiceCount; i++) {
    // Most practices keep their historic letter-and-digits ODS code; newer ones were given 'Y0' codes.
    const code =
      i % 5 === 4 ? `Y0${String(2001 + newerPractices++).padStart(4, '0')}` : `M8${String(1001 + i)}`;
    practices.push(
      add({
        id: `ORG-GP-${String(i + 1).padStart(4, '0')}`,
        kind: 'GP_PRACTICE',
        name: `${placeName(i)} ${practiceSuffixes[i % practiceSuffixes.length]}`,
        code,
        postcode: homePostcode(random),
      }),
    );
  }

  const school = (
    phase: SchoolPhase,
    index: number,
    urnBase: number,
    establishmentBase: number,
    name: string,
  ) => {
    const establishmentNumber = String(establishmentBase + index);
    const organisation = add({
      id: `ORG-SCH-${phase}-${String(index + 1).padStart(3, '0')}`,
      kind: 'SCHOOL',
      name,
      code: String(urnBase + index),
      postcode: homePostcode(random),
      establishmentNumber,
    });
    return { organisation, phase, establishmentNumber };
  };

  const primaryCount = Math.max(2, Math.round((childCount * 7) / 18 / 250));
  const secondaryCount = Math.max(1, Math.round((childCount * 5) / 18 / 1000));
  const specialCount = Math.max(1, Math.round(childCount / 25000));
  const primaryKinds = [
    'Primary School',
    'Primary Academy',
    'C of E Primary School',
    'Community Primary School',
  ];
  const primaries = Array.from({ length: primaryCount }, (_, i) =>
    school('PRIMARY', i, 110001, 2001, `${placeName(i + 3)} ${primaryKinds[i % primaryKinds.length]}`),
  );
  const secondaries = Array.from({ length: secondaryCount }, (_, i) =>
    school('SECONDARY', i, 120001, 4001, `${placeName(i + 11)} ${i % 2 === 0 ? 'Academy' : 'High School'}`),
  );
  const special = Array.from({ length: specialCount }, (_, i) =>
    school('SPECIAL', i, 130001, 7001, `${placeName(i + 19)} Special School`),
  );
  const pru = school('PRU', 0, 140001, 1101, 'Wexham Pupil Referral Unit');
  const college = school('COLLEGE', 0, 145001, 8001, 'Wexham College of Further Education');

  const provider = (id: string, name: string, code: string): Organisation => {
    return { id, kind: 'CHILDRENS_HOME_PROVIDER', name, code, postcode: homePostcode(random) };
  };
  const homeProviders: AreaOrganisations['homeProviders'] = [
    {
      organisation: add(provider('ORG-CHP-1', 'Wexham Council Children\u2019s Homes', 'PRV0001')),
      providerCode: 'PR1',
    },
    { organisation: add(provider('ORG-CHP-2', 'Brightpath Care Ltd', 'PRV0002')), providerCode: 'PR4' },
    {
      organisation: add(provider('ORG-CHP-3', 'Harbour Residential Services Ltd', 'PRV0003')),
      providerCode: 'PR4',
    },
    {
      organisation: add(provider('ORG-CHP-4', 'St Aidan\u2019s Children\u2019s Charity', 'PRV0004')),
      providerCode: 'PR5',
    },
  ];

  return {
    all,
    localAuthority,
    adultServices,
    icb,
    practices,
    primaries,
    secondaries,
    special,
    pru,
    college,
    homeProviders,
  };
}
