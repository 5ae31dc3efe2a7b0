export * from './schemas';
export * from './rules';
export { TrainingApplySchema, TRAINING_MUTATION_KINDS } from './kinds';
