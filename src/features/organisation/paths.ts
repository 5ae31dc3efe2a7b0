/** HR's organisation upkeep (issue 21, A4): the 組織改正 screen. */
export const paths = ['/admin/org'] as const;
