import { describe, expect, it } from 'vitest';
import { createMemoryStores, SERVER_FEATURES } from '.';
import { runFeatureContracts } from './contracts';

runFeatureContracts('in-memory twin', createMemoryStores);

describe('every feature’s twin uses the feature’s retry policy', () => {
  it.each(SERVER_FEATURES.map((f) => [f.name, f] as const))('%s', (name, feature) => {
    expect(createMemoryStores()[name].retry).toBe(feature.retry);
  });
});
