import type { TableDeclarations } from '../../db/tables';
import type { Application, Training } from '../../domain/trainings';

/** A catalogue entry as synced (the same for everyone). */
export type TrainingRow = Training;
/** One of my applications as the server last answered it, keyed by run. */
export type TrainingApplicationRow = Application;

/** For a 課長: an application of their section awaiting their approval, as the server last sent them. */
export type TrainingApprovalRow = Application;

/**
 * Trainings' tables (T1-T2): the catalogue, and my applications (v6); the applications a 課長 is to
 * approve (v9, declared directly on v6: versions 7 and 8 are other features').
 */
export const TRAINING_TABLES: TableDeclarations = {
  6: { trainings: 'id, version, area', trainingApplications: 'runId, trainingId' },
  9: { trainingApprovals: '[runId+staffId], trainingId' },
};
