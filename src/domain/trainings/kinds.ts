import * as v from 'valibot';
import { CreatedAtSchema, defineKind, MutationIdSchema } from '../mutation-kit';
import type { CancelIntent, DecideIntent } from './records';
import type { ApplyIntent } from './rules';
import { TrainingIdSchema } from './schemas';

/** A person applies to one run of a training (T2), offline too: the outbox sends it once. */
export const TrainingApplySchema = v.object({
  kind: v.literal('training.apply'),
  id: MutationIdSchema,
  createdAt: CreatedAtSchema,
  trainingId: TrainingIdSchema,
  runId: TrainingIdSchema,
});

/** A person takes back their application (their place goes to the first on the waiting list). */
export const TrainingCancelSchema = v.object({
  kind: v.literal('training.cancel'),
  id: MutationIdSchema,
  createdAt: CreatedAtSchema,
  trainingId: TrainingIdSchema,
  runId: TrainingIdSchema,
});

/** The applicant's 課長 approves or declines an application that needs it. */
export const TrainingDecideSchema = v.object({
  kind: v.literal('training.decide'),
  id: MutationIdSchema,
  createdAt: CreatedAtSchema,
  trainingId: TrainingIdSchema,
  runId: TrainingIdSchema,
  staffId: v.pipe(v.string(), v.minLength(1), v.maxLength(40)),
  approve: v.boolean(),
});

/** The trainings' kinds (T2), each with the intent its rule (applyTrainingIntent) applies. */
export const TRAINING_MUTATION_KINDS = [
  defineKind({
    feature: 'trainings',
    schema: TrainingApplySchema,
    touchesDirectory: false,
    intent: (m): ApplyIntent => ({ kind: m.kind, trainingId: m.trainingId, runId: m.runId }),
  }),
  defineKind({
    feature: 'trainings',
    schema: TrainingCancelSchema,
    touchesDirectory: false,
    intent: (m): CancelIntent => ({ kind: m.kind, trainingId: m.trainingId, runId: m.runId }),
  }),
  defineKind({
    feature: 'trainings',
    schema: TrainingDecideSchema,
    touchesDirectory: false,
    intent: (m): DecideIntent => ({
      kind: m.kind,
      trainingId: m.trainingId,
      runId: m.runId,
      staffId: m.staffId,
      approve: m.approve,
    }),
  }),
] as const;
