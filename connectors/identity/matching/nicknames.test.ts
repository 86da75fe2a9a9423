import { describe, expect, it } from 'vitest';
import { nicknameEquivalent } from './nicknames.js';

describe('nicknameEquivalent', () => {
  it('knows common English short forms', () => {
    const pairs: Array<[string, string]> = [
      ['alex', 'alexander'],
      ['alex', 'alexandra'],
      ['kate', 'katherine'],
      ['kate', 'catherine'],
      ['jack', 'john'],
      ['liz', 'elizabeth'],
      ['tom', 'thomas'],
      ['harry', 'henry'],
      ['harry', 'harrison'],
      ['bella', 'isabella'],
      ['mo', 'muhammad'],
    ];
    for (const [a, b] of pairs) {
      expect(nicknameEquivalent(a, b)).toBe(true);
      expect(nicknameEquivalent(b, a)).toBe(true);
    }
  });

  it('does not chain through a shared nickname', () => {
    expect(nicknameEquivalent('alexander', 'alexandra')).toBe(false);
    expect(nicknameEquivalent('henry', 'harrison')).toBe(false);
  });

  it('is not equivalence for equal or unknown names', () => {
    expect(nicknameEquivalent('tom', 'tom')).toBe(false);
    expect(nicknameEquivalent('zebedee', 'zeb')).toBe(false);
  });
});
