/** This feature's paths, known to the entry chunk (src/app/routes.ts); its screens load with them. */
/** `/nominations/new` before `/nominations/:id`, which would take it otherwise. */
export const paths = ['/nominations', '/nominations/new', '/nominations/:id'] as const;
