import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidNhsNumber } from '../../schema/identifiers/nhs-number.js';
import { isValidUpn, upnCheckLetter } from '../../schema/identifiers/upn.js';
import { findInText, isNhsNumber, isUpn, NameIndex, type Detectors } from './log-audit-detectors.js';

// The hub's own identifier checks are the oracle: the audit's checks are written apart from them (and from the
// redaction), and must agree with them on every input.
const digits = (length: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length }).map((d) => d.join(''));
const validNhsNumber = digits(10).map((ten) => {
  const nine = ten.slice(0, 9);
  const sum = [...nine].reduce((total, digit, index) => total + Number(digit) * (10 - index), 0);
  return `${nine}${(11 - (sum % 11)) % 11}`;
});
const issuableNhsNumber = validNhsNumber.filter((n) => n.length === 10);
const upnLetters = 'ABCDEFGHJKLMNPQRTUVWXYZ';
const upnLastChar = fc.constantFrom(...'0123456789', ...upnLetters);
const anyLetter = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ');
const validUpn = fc
  .tuple(digits(11), upnLastChar)
  .map(([eleven, last]) => `${upnCheckLetter(eleven + last)}${eleven}${last}`);

const names = new NameIndex();
names.add('Tayla', 'Hughes-Morgan');
names.add('Mary Jane', "O'Brien");
const detectors: Detectors = { names, allowedEmails: new Set(['feed@council.example']) };
const kinds = (text: string) => findInText(text, detectors);

describe('NHS number detector', () => {
  it('agrees with the hub’s own check on every ten-digit string', () => {
    fc.assert(fc.property(digits(10), (n) => isNhsNumber(n) === isValidNhsNumber(n)));
  });

  it('finds every valid number in text, plain, spaced 3-3-4 or dashed', () => {
    fc.assert(
      fc.property(
        issuableNhsNumber,
        fc.constantFrom('', ' ', '-'),
        fc.constantFrom('matched ', 'nhs=', '"nhsNumber":"', '(', ''),
        fc.constantFrom(' at home', '"', ')', ', ', ''),
        (n, separator, before, after) => {
          const written = [n.slice(0, 3), n.slice(3, 6), n.slice(6)].join(separator);
          return kinds(`${before}${written}${after}`).includes('nhs-number');
        },
      ),
    );
  });

  it('misses every number with one digit changed', () => {
    fc.assert(
      fc.property(
        issuableNhsNumber,
        fc.integer({ min: 0, max: 9 }),
        fc.integer({ min: 1, max: 9 }),
        (n, at, delta) => {
          const changed = n.slice(0, at) + ((Number(n[at]) + delta) % 10) + n.slice(at + 1);
          return !isNhsNumber(changed) && !kinds(`nhs ${changed}`).includes('nhs-number');
        },
      ),
    );
  });

  it('does not count ten digits inside longer numbers, decimals or ids', () => {
    expect(isNhsNumber('9434765919')).toBe(true);
    for (const text of [
      '19434765919',
      '0.9434765919',
      'id_9434765919',
      '9434765919.5',
      '943 4765919',
      'a9434765919',
    ])
      expect(kinds(text)).not.toContain('nhs-number');
  });
});

describe('UPN detector', () => {
  it('agrees with the hub’s own check on every letter + 11 digits + digit-or-letter', () => {
    fc.assert(
      fc.property(anyLetter, digits(11), fc.oneof(anyLetter, digits(1)), (first, eleven, last) => {
        const candidate = `${first}${eleven}${last}`;
        return isUpn(candidate) === isValidUpn(candidate);
      }),
    );
  });

  it('finds every valid UPN in text, in either case', () => {
    fc.assert(
      fc.property(
        validUpn,
        fc.boolean(),
        fc.constantFrom('upn ', '"upn":"', '/pupils/', ''),
        (upn, lower, before) => kinds(`${before}${lower ? upn.toLowerCase() : upn} found`).includes('upn'),
      ),
    );
  });

  it('misses every UPN with one digit changed (weights 2–13 mod 23 catch any single change)', () => {
    fc.assert(
      fc.property(
        validUpn,
        fc.integer({ min: 1, max: 11 }),
        fc.integer({ min: 1, max: 9 }),
        (upn, at, delta) => {
          const changed = upn.slice(0, at) + ((Number(upn[at]) + delta) % 10) + upn.slice(at + 1);
          return !isUpn(changed) && !kinds(`upn ${changed}`).includes('upn');
        },
      ),
    );
  });

  it('ignores UPN-shaped text inside longer tokens', () => {
    const upn = `${upnCheckLetter('873123456789')}873123456789`;
    expect(kinds(`pupil ${upn}`)).toContain('upn');
    expect(kinds(`x${upn}`)).not.toContain('upn');
    expect(kinds(`${upn}1`)).not.toContain('upn');
  });
});

describe('e-mail, postcode and date-of-birth detectors', () => {
  it('finds e-mail addresses but not connection-string users or allowed configuration addresses', () => {
    expect(kinds('sent to sam.worker@wexham.gov.uk')).toContain('email');
    expect(kinds('"to":"Jo.Panel@Police.Example"')).toContain('email');
    expect(kinds('postgres://ssd_reader@db.council.example:5432/ssd')).not.toContain('email');
    expect(kinds('postgres://user:secret@db.council.example/x')).not.toContain('email');
    expect(kinds('sent to FEED@council.example')).not.toContain('email');
    expect(kinds('redis://default@127.0.0.1:6379')).not.toContain('email');
  });

  it('finds UK postcodes with or without the space, in either case, and not other codes', () => {
    for (const text of ['at LS1 4AP', 'WX11 2BD', 'sw1a1aa', 'postcode=EC1A 1BB', '"M1 1AE"'])
      expect(kinds(text), text).toContain('postcode');
    for (const text of [
      'sha256',
      'ES2022',
      'HTTP/1.1 200',
      'QX1 1AA', // Q never starts a postcode
      'LS1 4AC', // C is never a unit letter
      'node v20.11.1',
      'traceId 4bf92f3577b34da6a3ce929d0e0e4736',
      'requestId 0f6c4a8e-1b2d-4c3e-9f7a-2d3e4f5a6b7c',
    ])
      expect(kinds(text), text).not.toContain('postcode');
  });

  it('finds an ISO date next to a birth key, and leaves other dates alone', () => {
    for (const text of [
      'dob 2010-04-05',
      '{"dateOfBirth":"2010-04-05"}',
      'birth_date=2010-04-05',
      'born on 2010-04-05',
    ])
      expect(kinds(text), text).toContain('date-of-birth');
    for (const text of ['"time":"2026-11-25T09:00:00.000Z"', 'plan due 2010-04-05', 'dob [redacted]'])
      expect(kinds(text), text).not.toContain('date-of-birth');
  });
});

describe('child name detector', () => {
  it('finds a demo child’s full name as words, whatever the case or separators', () => {
    for (const text of [
      'matched Tayla Hughes-Morgan',
      'TAYLA HUGHES-MORGAN',
      'tayla_hughes_morgan',
      'Mary Jane O’Brien',
      '"name":"Mary Jane O\'Brien"',
    ])
      expect(kinds(text), text).toContain('child-name');
  });

  it('does not find half a name, names inside other words, or names apart', () => {
    for (const text of [
      'Tayla',
      'Hughes-Morgan',
      'Taylas Hughes-Morgan',
      'Tayla and Hughes-Morgan',
      'Jane O’Brien',
    ])
      expect(kinds(text), text).not.toContain('child-name');
  });
});
