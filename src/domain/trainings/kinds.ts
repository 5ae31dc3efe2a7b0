import * as v from 'valibot';
import { CreatedAtSchema, defineKind, MutationIdSchema } from '../mutation-kit';
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

/** The trainings' kinds (T2), each with the intent the rule (applyToRun) applies. */
export const TRAINING_MUTATION_KINDS = [
  defineKind({
    feature: 'trainings',
    schema: TrainingApplySchema,
    touchesDirectory: false,
    intent: (m): ApplyIntent => ({ kind: m.kind, trainingId: m.trainingId, runId: m.runId }),
  }),
] as const;
