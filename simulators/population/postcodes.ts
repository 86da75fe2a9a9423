/** Synthetic postcodes and street addresses (fictional 'WX' area; see name-data.ts). */
import {
  HOME_POSTCODE_DISTRICTS,
  INWARD_LETTERS,
  OUT_OF_AREA_POSTCODE_DISTRICTS,
  STREET_NAMES,
} from './name-data.js';
import type { SeededRandom } from './random.js';

function inwardLetter(random: SeededRandom): string {
  return INWARD_LETTERS.charAt(random.int(0, INWARD_LETTERS.length - 1));
}

function inwardCode(random: SeededRandom): string {
  return `${random.int(1, 9)}${inwardLetter(random)}${inwardLetter(random)}`;
}

export function homePostcode(random: SeededRandom): string {
  return `${random.pick(HOME_POSTCODE_DISTRICTS)} ${inwardCode(random)}`;
}

export function outOfAreaPostcode(random: SeededRandom): string {
  return `${random.pick(OUT_OF_AREA_POSTCODE_DISTRICTS)} ${inwardCode(random)}`;
}

export function streetAddress(random: SeededRandom): string {
  return `${random.int(1, 180)} ${random.pick(STREET_NAMES)}`;
}
