import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rules } from './registry.js';

describe('the rule registry', () => {
  it('holds every rule of statutory-rules.md once, in its order, each with its source', () => {
    const table = readFileSync(new URL('../../docs/statutory-rules.md', import.meta.url), 'utf8');
    const ids = [...table.matchAll(/^\| ([A-Z][A-Z0-9_]+) \|/gm)].map((match) => match[1]);
    expect(rules.map((rule) => rule.id)).toEqual(ids);
    for (const rule of rules) {
      expect(rule.source.citation.length, rule.id).toBeGreaterThan(3);
    }
  });
});
