/**
 * Everything the connector needs from the database engine that holds the council's SSD. The rest of the connector
 * is engine-agnostic: an authority whose SSD lives in SQL Server adds a driver, not a connector.
 *
 * Drivers return every value as its text form (or null), never parsed: the connector validates each value with
 * zod, so a malformed value is caught as a bad payload instead of quietly becoming null or NaN.
 */

/** One row as the engine sent it: column name → text form, or null. */
export type SsdRow = Record<string, string | null>;

export interface SsdDriver {
  /**
   * Runs one read. `table` names the SSD table the statement reads (for metrics and error reasons, never put in
   * SQL by the driver). Failures the engine may recover from on its own (connection lost, server busy, injected
   * system errors) are thrown as `TransientUpstreamError`; anything else as a `HubError`. Never a raw engine
   * error: those can carry SQL or values.
   */
  query(table: string, sql: string, params: readonly unknown[]): Promise<SsdRow[]>;
  /** Closes every connection. */
  close(): Promise<void>;
}
