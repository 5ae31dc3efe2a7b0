/** This feature's paths, known to the entry chunk (src/app/routes.ts); its screens load with them. */
export const paths = ['/notifications'] as const;
