import type { Organisation, Population, Professional } from '../population/model.js';

/** How a simulator shows a professional: who to contact, in which organisation. */
export interface ContactView {
  id: string;
  name: string;
  role: Professional['role'];
  email: string;
  phone: string;
  organisation: { id: string; kind: Organisation['kind']; name: string; code: string } | null;
}

/** Professionals and organisations indexed by id, for building contact details in agency answers. */
export class Directory {
  private readonly professionals: Map<string, Professional>;
  private readonly organisations: Map<string, Organisation>;

  constructor(population: Pick<Population, 'professionals' | 'organisations'>) {
    this.professionals = new Map(population.professionals.map((p) => [p.id, p]));
    this.organisations = new Map(population.organisations.map((o) => [o.id, o]));
  }

  organisation(id: string): Organisation | null {
    return this.organisations.get(id) ?? null;
  }

  /** Organisations of one kind keyed by their code (URN for schools, ODS code for practices). */
  organisationsByCode(kind: Organisation['kind']): Map<string, Organisation> {
    const byCode = new Map<string, Organisation>();
    for (const organisation of this.organisations.values()) {
      if (organisation.kind === kind && !byCode.has(organisation.code))
        byCode.set(organisation.code, organisation);
    }
    return byCode;
  }

  contact(professionalId: string | null | undefined): ContactView | null {
    if (!professionalId) return null;
    const professional = this.professionals.get(professionalId);
    if (!professional) return null;
    const organisation = this.organisations.get(professional.organisationId);
    return {
      id: professional.id,
      name: professional.name,
      role: professional.role,
      email: professional.email,
      phone: professional.phone,
      organisation: organisation
        ? { id: organisation.id, kind: organisation.kind, name: organisation.name, code: organisation.code }
        : null,
    };
  }
}
