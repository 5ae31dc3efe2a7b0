/**
 * A part of the device database's tables: by the database version that added or changed them,
 * each table's Dexie schema ('primary key, index, …'). The device's own tables (src/db/schema.ts)
 * and each feature's (src/features/<x>/tables.ts) are assembled into one version history.
 */
export type TableDeclarations = Readonly<Record<number, Readonly<Record<string, string>>>>;

/**
 * The version history in order: for each version, every table any part declares at it. Two parts
 * declaring one table at one version would keep only the last (tables.test.ts checks they do not).
 */
export function assemble(
  own: TableDeclarations,
  features: readonly TableDeclarations[],
): [number, Record<string, string>][] {
  const versions = new Map<number, Record<string, string>>();
  for (const part of [own, ...features]) {
    for (const [key, stores] of Object.entries(part)) {
      const version = Number(key);
      versions.set(version, { ...versions.get(version), ...stores });
    }
  }
  return [...versions.entries()].sort(([a], [b]) => a - b);
}
