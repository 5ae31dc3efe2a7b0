/** Resolves in a task after the next frame has been painted. */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestAnimationFrame === 'undefined') setTimeout(resolve, 0);
    // rAF runs just before the frame's paint; a task queued from it runs after.
    else requestAnimationFrame(() => setTimeout(resolve, 0));
  });
}
