/**
 * The campaign machinery's use cases, shared by surveys and the 360: fixing the audience at
 * opening, signing a blinded token once per person, delivering due reminders to non-respondents.
 */
import {
  answerGroupsOf,
  resolveAudience,
  type AudienceSpec,
  type Member,
} from '../../../src/domain/campaigns/campaign';
import type { OrgUnit } from '../../../src/domain/org';
import { problem, type Problem } from '../../../src/domain/problems';
import type { StaffProfile } from '../../../src/domain/staff';
import type { DirectoryStore } from '../features/directory/port';
import type { CampaignState, Opening } from './port';
import { blindedId, blindSign, makeCampaignKey, type CampaignKey } from './tokens';

const STAFF_PAGE = 1000;

export async function everyone(directory: DirectoryStore, orgId: string): Promise<StaffProfile[]> {
  const all: StaffProfile[] = [];
  for (let afterId: string | undefined; ;) {
    const page = await directory.listStaff(orgId, { ...(afterId ? { afterId } : {}), limit: STAFF_PAGE });
    all.push(...page);
    if (page.length < STAFF_PAGE) return all;
    afterId = page[page.length - 1]?.id;
  }
}

/** The audience and each person's groups as they are now, and a token key when anonymous. */
export async function prepareOpening(
  directory: DirectoryStore,
  orgId: string,
  spec: AudienceSpec,
  k: number,
  anonymous: boolean,
  openedAt: string,
): Promise<{ opening: Opening; units: OrgUnit[] } | { problem: Problem }> {
  const units = await directory.listUnits(orgId);
  const members: Member[] = resolveAudience(
    spec,
    await everyone(directory, orgId),
    new Map(units.map((u) => [u.id, u])),
  );
  if (members.length === 0) return { problem: problem('campaign.audienceNone') };
  const key: CampaignKey | null = anonymous ? await makeCampaignKey() : null;
  return { opening: { openedAt, members, groups: answerGroupsOf(members, k), key }, units };
}

/**
 * Signs `blinded` for `staffId` once: the same blinded message again is signed again (the device
 * lost the answer); another is refused. Outside the audience: refused.
 */
export async function issueToken(
  state: CampaignState,
  orgId: string,
  campaignId: string,
  staffId: string,
  blinded: Uint8Array,
): Promise<{ blindSignature: Uint8Array } | { problem: Problem }> {
  if (!(await state.memberGroups(orgId, campaignId, staffId))) return { problem: problem('campaign.notMember') };
  const key = await state.key(orgId, campaignId);
  if (!key) return { problem: problem('survey.wrongMode') };
  const outcome = await state.issueToken(orgId, campaignId, staffId, blindedId(blinded));
  if (outcome === 'taken') return { problem: problem('campaign.tokenTaken') };
  return { blindSignature: await blindSign(key, blinded) };
}

/** Recipients of the reminders of `campaignId` that are due at `now`, each marked sent (once). */
export async function dueReminders(
  state: CampaignState,
  orgId: string,
  campaignId: string,
  now: Date,
): Promise<{ reminderId: string; recipients: string[] }[]> {
  const out = [];
  for (const r of await state.reminders(orgId, campaignId)) {
    if (r.sent || Date.parse(r.dueAt) > now.getTime()) continue;
    out.push({ reminderId: r.id, recipients: await state.nonRespondents(orgId, campaignId) });
  }
  return out;
}
