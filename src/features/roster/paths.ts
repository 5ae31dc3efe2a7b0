/** HR's roster import (issue 21, A1). */
export const paths = ['/admin/roster'] as const;
