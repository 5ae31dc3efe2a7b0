import { runAccessContract } from './access/contract';
import { runAuditContract } from './audit/contract';
import { runCommunityContract } from './communities/contract';
import { runDirectoryContract } from './directory/contract';
import type { ContractSuite } from './feature';
import { runNominationContract } from './nominations/contract';
import { runNotificationContract } from './notifications/contract';
import type { ServerStores } from './stores';
import { runTrainingContract } from './trainings/contract';
import { runSurveyContract } from './surveys/contract';
import { runYellContract } from './yells/contract';
import { runRosterContract } from './roster/contract';
import { runOrganisationContract } from './organisation/contract';
import type { SERVER_FEATURES } from '.';

/**
 * Every feature's store contract, by feature name: a list of its own because the suites import
 * vitest, and the deployed bundle (which imports SERVER_FEATURES) must hold no test code
 * (functions/build.mjs refuses one that does). The type makes a feature without its contract, or a
 * contract of no feature, a compile error.
 */
export const FEATURE_CONTRACTS = {
  directory: runDirectoryContract,
  communities: runCommunityContract,
  yells: runYellContract,
  notifications: runNotificationContract,
  nominations: runNominationContract,
  access: runAccessContract,
  audit: runAuditContract,
  trainings: runTrainingContract,
  roster: runRosterContract,
  organisation: runOrganisationContract,

  surveys: runSurveyContract,
} satisfies Record<(typeof SERVER_FEATURES)[number]['name'], ContractSuite>;

/** Every feature's contract suite, on the stores `make` builds. */
export function runFeatureContracts(suite: string, make: () => ServerStores): void {
  for (const run of Object.values(FEATURE_CONTRACTS)) run(suite, make);
}
