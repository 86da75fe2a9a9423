/**
 * Placements, with what the extension records beside each (residential unit, interim or long-term, intended end,
 * awaiting a long-term placement, last tracking-panel review), and placement plans.
 */
import type { ChildRecord } from './child-record.js';
import type { PlacementPlanValue, PlacementValue } from './social-care-section.js';

export function toPlacements(record: ChildRecord): PlacementValue[] {
  const detailById = new Map(record.placementDetails.map((row) => [row.pldx_placement_id, row]));
  return record.placements.map((row) => {
    const detail = detailById.get(row.clap_cla_placement_id);
    const intendedEndDate = detail?.pldx_intended_end_date ?? null;
    return {
      id: row.clap_cla_placement_id,
      periodOfCareId: row.clap_cla_id,
      type: row.clap_cla_placement_type,
      urn: row.clap_cla_placement_urn,
      provider: row.clap_cla_placement_provider,
      postcode: row.clap_cla_placement_postcode,
      distanceMiles: row.clap_cla_placement_distance,
      startDate: row.clap_cla_placement_start_date,
      endDate: row.clap_cla_placement_end_date,
      changeReason: row.clap_cla_placement_change_reason,
      longTerm: detail?.pldx_long_term ?? null,
      // An interim placement is one with a date it was meant to end by.
      interim: intendedEndDate !== null,
      intendedEndDate,
      awaitingLongTermPlacement: detail?.pldx_awaiting_long_term ?? null,
      lastPanelReviewDate: detail?.pldx_last_panel_review_date ?? null,
      residentialUnitId: detail?.pldx_residential_unit_id ?? null,
    };
  });
}

/** The placement the child is in now: the latest started of those not ended (placements oldest first). */
export function currentPlacementOf(placements: readonly PlacementValue[]): PlacementValue | null {
  const open = placements.filter((placement) => placement.endDate === null);
  return open[open.length - 1] ?? null;
}

export function toPlacementPlans(record: ChildRecord): PlacementPlanValue[] {
  return record.placementPlans.map((row) => ({
    id: row.plpl_plan_id,
    placementId: row.plpl_placement_id,
    date: row.plpl_plan_date,
  }));
}
