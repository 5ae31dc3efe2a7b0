/**
 * What the domain, the server and the sync engine say when something is refused or goes wrong: a
 * code and its params, never a sentence. The device turns them into words in the chosen language
 * (src/i18n/problems/). A new refusal is one line here and one in each language's words; the
 * compiler says when a language lacks one.
 *
 * This module is types and two small functions, no valibot: the sync status badge of the first
 * screen imports it.
 */

/** Where a validation issue was: the dotted path of the field that failed (`patch.hobbies`), when known. */
export type At = { field?: string };
/** Which list of tags of the profile a tag refusal is about. */
export type TagList = 'hobbies' | 'skills';

/** Every code, with its params. Grouped by area; the area is the code's prefix. */
export interface ProblemParams {
  // Any schema issue without a code of its own (valibot's built-in checks).
  'input.invalid': At;
  'mutation.idInvalid': At;
  'mutation.idTaken': At;
  'staff.idInvalid': At;
  'notification.idInvalid': At;

  'yell.messageEmpty': At;
  'yell.messageTooLong': At & { max: number };
  'yell.noRecipient': At;
  'yell.tooManyRecipients': At & { max: number };
  'yell.duplicateRecipient': At;
  'yell.toSelf': At;
  'yell.unknownRecipient': At;
  'yell.unknownValue': At;
  'yell.dailyCap': At & { cap: number };
  'yell.notFound': At;
  'yell.clapOwn': At;
  'yell.clapNotVisible': At;
  'yell.idTaken': At;
  'yell.idInvalid': At;
  'yell.visibilityInvalid': At;
  'yell.valuesEmpty': At;
  'yell.valuesTooMany': At & { max: number };
  'yell.valuesDuplicate': At;
  'yell.valueLabelEmpty': At;
  'yell.valueLabelTooLong': At & { max: number };
  'yell.valueIdInvalid': At & { max: number };
  'yell.dailyCapRange': At & { min: number; max: number };
  /** The device could not keep the エール in its outbox. */
  'yell.saveFailed': At;

  'nomination.reasonEmpty': At;
  'nomination.reasonTooLong': At & { max: number };
  'nomination.teamNameTooLong': At & { max: number };
  'nomination.teamNameRequired': At;
  'nomination.nomineesEmpty': At;
  'nomination.nomineesTooMany': At & { max: number };
  'nomination.nomineesDuplicate': At;
  'nomination.selfNomination': At;
  'nomination.yellsTooMany': At & { max: number };
  'nomination.yellsDuplicate': At;
  'nomination.yellNotFound': At;
  'nomination.awardUnknown': At;
  'nomination.nomineeUnknown': At;
  'nomination.notFound': At;
  'nomination.idTaken': At;
  'nomination.idInvalid': At;
  'nomination.endorseOwn': At;
  'nomination.endorseAsNominee': At;
  'nomination.endorseTwice': At;
  'nomination.endorseClosed': At;
  'nomination.notCommittee': At;
  'nomination.reviewAsNominee': At;
  'nomination.reviewOwn': At;
  'nomination.reviewOwnSection': At;
  'nomination.reviewSectionUnknown': At;
  'nomination.staleStatus': At;
  'nomination.outOfOrder': At;
  'nomination.commentTooLong': At & { max: number };
  'nomination.consentNotAwarded': At;
  'nomination.consentNotNominee': At;
  'award.idInvalid': At & { max: number };
  'award.labelEmpty': At;
  'award.labelTooLong': At & { max: number };
  'award.listEmpty': At;
  'award.listTooLong': At & { max: number };
  'award.idDuplicate': At;

  'training.idInvalid': At;
  'training.dateInvalid': At;
  'training.titleEmpty': At;
  'training.titleTooLong': At & { max: number };
  'training.descriptionTooLong': At & { max: number };
  'training.placeTooLong': At & { max: number };
  'training.runNoDate': At;
  'training.runTooManyDates': At & { max: number };
  'training.capacityInvalid': At & { max: number };
  'training.tooManyRuns': At & { max: number };
  'training.runIdDuplicate': At;
  'training.dxSkillMismatch': At;
  'training.notFound': At;
  'training.runNotFound': At;
  'training.runPast': At & { date: string };
  'training.nominationOnly': At;
  'training.notForLevel': At;
  'training.runHasApplicants': At & { date: string };
  'training.capacityBelowTaken': At & { taken: number };
  'training.applicationNotFound': At;
  'training.notApprover': At;
  'training.runStarted': At & { date: string };
  'training.dateNotInRun': At & { date: string };
  'training.notAttending': At;

  'community.notFound': At;
  'community.idTaken': At;
  'community.idInvalid': At;
  'community.nameEmpty': At;
  'community.nameTooLong': At & { max: number };
  'community.descriptionTooLong': At & { max: number };

  /** `tag`: which one, when the device checked before saving (issue 22). */
  'edit.markup': At & { tags: TagList; tag?: string };
  'edit.tagLength': At & { tags: TagList; max: number; tag?: string };
  'edit.tagCount': At & { tags: TagList; max: number };
  'edit.tagLine': At & { tags: TagList };
  'edit.phone': At & { max: number };
  'edit.audience': At;
  'edit.introTooLong': At & { max: number };

  'photo.tooLarge': At & { maxMb: number };
  'photo.notImage': At;
  'photo.undecodable': At;
  'photo.notWebp': At;
  'photo.thumbTooLarge': At & { maxKb: number };
  'photo.largeTooLarge': At & { maxKb: number };
  /** This device's browser cannot encode WebP. */
  'photo.noEncoder': At;
  'photo.tooDetailed': At;
  'photo.notFound': At;

  'directory.staffNotFound': At;
  'directory.notInDirectory': At;
  'directory.chunkNotFound': At;
  'directory.notReady': At;
  'directory.chunkInvalid': At;
  'directory.chunkCorrupt': At;

  // Reading CSV files (src/domain/csv) and the roster import (src/domain/roster, issue 21).
  'csv.empty': At;
  'csv.tooLarge': At & { maxMb: number };
  'csv.binary': At;
  'csv.wrongEncoding': At & { chosen: string; likely: string };
  'csv.undecodable': At & { encoding: string };
  'csv.mojibake': At;
  'csv.unclosedQuote': At & { line: number };
  'csv.noHeader': At;
  'roster.missingColumn': At & { column: string };
  'roster.unknownColumn': At & { column: string };
  'roster.duplicateColumn': At & { column: string };
  'roster.required': At;
  'roster.tooManyColumns': At & { extra: number };
  'roster.idInvalid': At;
  'roster.duplicateId': At & { firstLine: number };
  'roster.nameUnsplit': At;
  'roster.nameTooLong': At & { max: number };
  'roster.kanaInvalid': At;
  'roster.gaiji': At;
  'roster.unknownUnit': At & { date: string };
  'roster.unknownJobLevel': At;
  'roster.unknownEmployment': At;
  'roster.extensionInvalid': At;
  'roster.emailInvalid': At;
  'roster.emailDomain': At & { domains: string };
  'roster.emailRequired': At;
  'roster.unknownRole': At & { role: string };
  'roster.dateInvalid': At;
  'roster.dateAmbiguous': At;
  'roster.dateRequired': At;
  'roster.unknownKind': At;
  'roster.notInRoster': At;
  'roster.alreadyInRoster': At;
  'roster.paddedMatch': At & { padded: string };
  'roster.notActive': At;
  'roster.beforeLatest': At & { date: string };
  'roster.noRows': At;
  'org.noChanges': At;
  'org.tooManyChanges': At & { max: number };
  'org.nameEmpty': At;
  'org.nameTooLong': At & { max: number };
  'org.kanaTooLong': At & { max: number };
  'org.unitGone': At & { unit: string };
  'org.unknownUnit': At & { unit: string };
  'org.parentKind': At & { unit: string; kind: string };
  'org.cycle': At & { unit: string; parent: string };
  'org.unitHasPeople': At & { unit: string; count: number; people: string };
  'org.unitHasChildren': At & { unit: string; count: number; units: string };
  'org.idInvalid': At & { unit: string };
  'org.duplicateCode': At & { unit: string };
  'org.mergeKind': At & { unit: string; into: string };
  'org.dateInvalid': At;
  'org.batchNotFound': At;
  'org.hasErrors': At & { count: number };
  'org.notStaged': At;
  'roster.tooManyRows': At & { max: number };
  'roster.importNotFound': At;
  'roster.importIncomplete': At;
  'roster.hasErrors': At & { count: number };
  'roster.changedSinceCheck': At;
  'roster.accessUnavailable': At;

  'summary.forbidden': At;
  'summary.outsideDepartment': At;
  'summary.unknownUnit': At;

  'campaign.audienceEmpty': At;
  'campaign.kInvalid': At & { min: number; max: number };
  'campaign.deadlineInvalid': At;
  'campaign.graceInvalid': At & { max: number };
  'campaign.deadlinePast': At;
  'campaign.audienceNone': At;
  'campaign.notMember': At;
  'campaign.closed': At;
  'campaign.notOpen': At;
  'campaign.frozen': At;
  'campaign.kFrozen': At;
  'campaign.alreadyAnswered': At;
  'campaign.tokenTaken': At;
  'survey.idInvalid': At;
  'survey.notFound': At;
  'survey.titleEmpty': At;
  'survey.questionsEmpty': At;
  'survey.questionInvalid': At;
  'survey.answerUnknownQuestion': At;
  'survey.answerOutOfScale': At & { max: number };
  'survey.textTooLong': At & { max: number };
  'survey.textMarkup': At;
  'survey.tokenInvalid': At;
  'survey.tokenForged': At;
  'survey.groupsInvalid': At;
  'survey.wrongMode': At;
  'survey.resultsForbidden': At;
  'survey.outsideScope': At;
  'survey.resultsNotReady': At;
  'survey.paperInvalid': At;

  'probe.alreadyTookPart': At;
  'probe.refused': At;

  // The API's own refusals (functions/src/api), and the device's transport.
  'api.unauthenticated': At;
  'api.forbidden': At;
  'api.notFound': At;
  'api.methodNotAllowed': At;
  'api.tooLarge': At & { maxKb: number };
  'api.emptyBody': At;
  'api.notJson': At;
  'api.badRequest': At;
  'api.tooManyMutations': At & { max: number };
  'api.chunkParams': At;
  'api.staffParam': At;
  'api.unitParam': At;
  'api.syncRequest': At;
  'api.syncCursor': At & { feed: string };
  'api.busy': At;
  'api.internal': At;
  /** An answer with an HTTP error and no code the device knows (an old server, a proxy's page). */
  'api.httpError': At & { status: number };
  'api.badResponse': At;

  // The sync engine's status (the first screen's badge).
  'sync.offline': At;
  'sync.unauthenticated': At;
  'sync.forbidden': At;
  'sync.unavailable': At;
  'sync.refused': At & { status: number };
  'sync.protocol': At;
  'sync.internal': At;
  'sync.rejectedDefault': At;
  'sync.noResult': At;

  'signIn.invalidCredential': At;
  'signIn.invalidEmail': At;
  'signIn.userDisabled': At;
  'signIn.tooManyRequests': At;
  'signIn.network': At;
  'signIn.failed': At;
  'signIn.notInRoster': At;

  // Rights from the roster (A2), signing out of every device (A6), the audit log (A3).
  /** The token was issued before the person's rights changed: the device refreshes it and retries once. */
  'auth.tokenStale': At;
  /** Signed out of every device (or retired): the device deletes its data and signs out. */
  'auth.signedOut': At;
  'access.lastHr': At & { staffId: string };
  'access.noPendingGrant': At;
  'access.confirmOwnRequest': At;
  'access.confirmOwnGrant': At;
  'access.unknownPerson': At;
  'audit.query': At;
}

export type ProblemCode = keyof ProblemParams;
/** The codes of one area: `AreaCode<'yell'>` is 'yell.messageEmpty' | 'yell.dailyCap' | … */
export type AreaCode<A extends string> = Extract<ProblemCode, `${A}.${string}`>;
export type SyncCode = AreaCode<'sync'>;

/** A refusal or failure as data: `{ code: 'yell.dailyCap', params: { cap: 5 } }`. */
export type Problem<C extends ProblemCode = ProblemCode> = {
  [K in C]: { code: K; params: ProblemParams[K] };
}[C];

/** The params of a code, optional when it needs none. */
type ParamsArg<C extends ProblemCode> = object extends ProblemParams[C]
  ? [params?: ProblemParams[C]]
  : [params: ProblemParams[C]];

/** A problem, typed by its code: `problem('yell.dailyCap', { cap })`. */
export function problem<C extends ProblemCode>(code: C, ...[params]: ParamsArg<C>): Problem<C> {
  // A cast: TypeScript cannot narrow the mapped union by a generic key (microsoft/TypeScript#30581);
  // the code and its params are tied by ParamsArg.
  return { code, params: params ?? {} } as Problem<C>;
}

/**
 * A refusal as it may arrive or be kept: a code and params from this version, or only a message
 * from an older server (or an outbox row kept before codes). What a screen hands to the words.
 */
export interface Refusal {
  code?: string | undefined;
  params?: Readonly<Record<string, unknown>> | undefined;
  message?: string | undefined;
}

/** Only the refusal's own fields (of a kept row, a push answer), the absent ones left out. */
export function refusalOf({ code, params, message }: Refusal): Refusal {
  return {
    ...(code !== undefined && { code }),
    ...(params !== undefined && { params }),
    ...(message !== undefined && { message }),
  };
}

/** An Error that carries a problem, for the places that throw (sign-in, the transport). */
export class ProblemError extends Error {
  override name = 'ProblemError';
  constructor(readonly problem: Problem) {
    super(problem.code);
  }
}
