import type { Professional } from '../../population/model.js';
import type { HumanName, Practitioner } from '../fhir/r4-types.js';
import type { BuildContext } from './build-context.js';
import { versionMeta } from './build-context.js';

const titles = new Set(['dr', 'mr', 'mrs', 'ms', 'miss', 'mx', 'prof']);

/** Splits a display name such as "Dr Priya Shah" into the parts of a HumanName. */
export function professionalName(name: string): HumanName {
  const words = name.split(/\s+/).filter((word) => word.length > 0);
  const prefix: string[] = [];
  while (words.length > 1 && titles.has((words[0] ?? '').replace(/\.$/, '').toLowerCase())) {
    prefix.push(words.shift() as string);
  }
  const family = words.pop();
  return {
    use: 'official',
    text: name,
    ...(family !== undefined ? { family } : {}),
    ...(words.length > 0 ? { given: words } : {}),
    ...(prefix.length > 0 ? { prefix } : {}),
  };
}

export function buildPractitioner(professional: Professional, context: BuildContext): Practitioner {
  return {
    resourceType: 'Practitioner',
    id: professional.id,
    meta: versionMeta(context.lastUpdated),
    active: true,
    name: [professionalName(professional.name)],
    telecom: [
      { system: 'phone', value: professional.phone, use: 'work' },
      { system: 'email', value: professional.email, use: 'work' },
    ],
  };
}
