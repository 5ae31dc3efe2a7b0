import { use } from 'react';
import type { FeatureArea, Render, RouteContext, RouteParams } from '../ui/routes';

/** Each feature's screens once asked for: the same promise on every render, so React suspends once. */
const loaded = new WeakMap<FeatureArea, Promise<Readonly<Record<string, Render>>>>();

function screensOf(area: FeatureArea): Promise<Readonly<Record<string, Render>>> {
  let screens = loaded.get(area);
  if (!screens) {
    screens = area.load().then(
      (m) => m.screens,
      (e: unknown) => {
        loaded.delete(area); // a later visit tries again
        throw e;
      },
    );
    loaded.set(area, screens);
  }
  return screens;
}

/** The screen of one of a feature's paths; suspends while the feature's module loads. */
export function AreaScreen({
  area,
  path,
  context,
  params,
}: {
  area: FeatureArea;
  path: string;
  context: RouteContext;
  params: RouteParams;
}) {
  const render = use(screensOf(area))[path];
  return render ? render(context, params) : null;
}
