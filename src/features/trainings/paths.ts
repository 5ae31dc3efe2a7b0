/** The catalogue and a training's page (T1-T2). */
export const paths = ['/trainings', '/trainings/:id'] as const;
