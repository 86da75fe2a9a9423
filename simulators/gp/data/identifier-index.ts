/** Resource ids by identifier, answering both `system|value` and bare `value` token searches in O(1). */
export class IdentifierIndex {
  private readonly bySystemAndValue = new Map<string, string[]>();
  private readonly byValue = new Map<string, string[]>();

  add(system: string | undefined, value: string, resourceId: string): void {
    append(this.bySystemAndValue, `${system ?? ''}|${value}`, resourceId);
    append(this.byValue, value, resourceId);
  }

  /** `system` undefined matches any system; empty string matches identifiers without one (FHIR `|value`). */
  find(system: string | undefined, value: string): readonly string[] {
    if (system === undefined) return this.byValue.get(value) ?? [];
    return this.bySystemAndValue.get(`${system}|${value}`) ?? [];
  }
}

function append(map: Map<string, string[]>, key: string, id: string): void {
  const ids = map.get(key);
  if (ids === undefined) map.set(key, [id]);
  else if (!ids.includes(id)) ids.push(id);
}
