import * as v from 'valibot';
import { OrgUnitSchema, type OrgUnit } from '../../../../src/domain/org';
import type { SnapshotManifest } from '../../../../src/domain/protocol';
import { StaffProfileSchema, type StaffProfile } from '../../../../src/domain/staff';
import type { ServerStores } from '../stores';
import { buildDirectorySnapshot, type BuildSnapshotOptions } from './snapshot';

export interface SeedInput {
  orgId: string;
  units: readonly OrgUnit[];
  staff: readonly StaffProfile[];
}

/**
 * Loads an organisation (the demo seed, or a first roster import): units, then profiles, then
 * the first snapshot. The change log up to that snapshot is then dropped: every device starts
 * from the snapshot, so those changes would never be read.
 *
 * Input is validated first, all of it, so a bad row stops the seed before anything is written.
 */
export async function seedOrganisation(
  store: Pick<ServerStores, 'directory'>,
  input: SeedInput,
  options: BuildSnapshotOptions = {},
): Promise<SnapshotManifest> {
  const units = input.units.map((u) => v.parse(OrgUnitSchema, u));
  const staff = input.staff.map((p) => v.parse(StaffProfileSchema, p));
  const unitIds = new Set(units.map((u) => u.id));
  const seen = new Set<string>();
  for (const p of staff) {
    if (seen.has(p.id)) throw new Error(`seed: staff id ${p.id} appears twice`);
    seen.add(p.id);
    if (!unitIds.has(p.unitId)) throw new Error(`seed: staff ${p.id} belongs to unknown unit ${p.unitId}`);
  }
  await store.directory.putUnits(input.orgId, units);
  await store.directory.putStaffBulk(input.orgId, staff);
  const { manifest, status } = await buildDirectorySnapshot(store, input.orgId, options);
  if (status === 'current') await store.directory.trimChanges(input.orgId, manifest.version);
  return manifest;
}
