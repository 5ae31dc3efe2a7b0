/** Surveys (S1-S6): `/surveys/admin` and `/surveys/results/:id` before `/surveys/:id`, which would take them. */
export const paths = ['/surveys', '/surveys/admin', '/surveys/results/:id', '/surveys/:id'] as const;
