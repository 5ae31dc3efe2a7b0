export * from './schemas';
export * from './rules';
export { TrainingApplySchema, TrainingCancelSchema, TrainingDecideSchema, TRAINING_MUTATION_KINDS } from './kinds';
export * from './records';
