import type { GpRecord } from '../../population/model.js';

/** Names for the item shapes inside a GpRecord, one per clinical FHIR resource type. */
export type GpCondition = GpRecord['conditions'][number];
export type GpMedication = GpRecord['medications'][number];
export type GpAllergy = GpRecord['allergies'][number];
export type GpImmunization = GpRecord['immunizations'][number];
export type GpEncounter = GpRecord['encounters'][number];
export type GpObservation = GpRecord['observations'][number];
