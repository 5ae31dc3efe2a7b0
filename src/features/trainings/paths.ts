/** The catalogue, a 課長's approvals, and a training's page (T1-T2). */
export const paths = ['/trainings', '/trainings/approvals', '/trainings/:id'] as const;
