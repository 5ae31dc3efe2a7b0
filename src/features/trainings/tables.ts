import type { TableDeclarations } from '../../db/tables';
import type { Application, Training } from '../../domain/trainings';

/** A catalogue entry as synced (the same for everyone). */
export type TrainingRow = Training;
/** One of my applications as the server last answered it, keyed by run. */
export type TrainingApplicationRow = Application;

/** Trainings' tables (T1-T2): the catalogue, and my applications. */
export const TRAINING_TABLES: TableDeclarations = {
  6: { trainings: 'id, version, area', trainingApplications: 'runId, trainingId' },
};
