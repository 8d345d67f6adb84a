import { readFileSync } from 'node:fs';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { PersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { claimSources } from '../../src/claimSources.ts';
import { parseGridFile } from '../../src/sweep/parseGridFile.ts';
import { resolveGrid } from '../../src/sweep/resolveGrid.ts';

// kubernetes-models validates against JSON Schemas generated from the Kubernetes OpenAPI spec.
const MODELS = { Job, ConfigMap, PersistentVolumeClaim } as const;
type Doc = {
  kind: keyof typeof MODELS;
  metadata: { name: string };
  spec?: never;
  data?: Record<string, string>;
};

const file = new URL('../../../../deploy/k8s/sweep-job.yaml', import.meta.url);
const docs = parseAllDocuments(readFileSync(file, 'utf8')).map((d) => d.toJS() as Doc);
const named = (name: string) =>
  docs.find((d) => d.metadata.name === name) as Doc & Record<string, never>;

describe('deploy/k8s/sweep-job.yaml', () => {
  it('every object is valid against the Kubernetes OpenAPI schema', () => {
    expect(docs.map((d) => d.kind)).toEqual(['ConfigMap', 'PersistentVolumeClaim', 'Job', 'Job']);
    for (const doc of docs)
      expect(() => new MODELS[doc.kind](doc as never).validate()).not.toThrow();
  });

  it('the validator does reject a bad Job (completions not an integer)', () => {
    const bad = structuredClone(named('lslab-sweep')) as unknown as {
      spec: { completions: unknown };
    };
    bad.spec.completions = 'four';
    expect(() => new Job(bad as never).validate()).toThrow(/completions must be integer/);
  });

  it('an Indexed Job runs --shard-from k8s with its completions as --shard-count, on the shared volume', () => {
    const job = named('lslab-sweep') as unknown as {
      spec: {
        completionMode: string;
        completions: number;
        parallelism: number;
        template: {
          spec: {
            containers: { args: string[] }[];
            volumes: Record<string, { claimName?: string; name?: string }>[];
          };
        };
      };
    };
    expect(job.spec.completionMode).toBe('Indexed');
    const args = job.spec.template.spec.containers[0].args;
    expect(args.slice(0, 1)).toEqual(['sweep']);
    expect(args[args.indexOf('--shard-from') + 1]).toBe('k8s');
    expect(Number(args[args.indexOf('--shard-count') + 1])).toBe(job.spec.completions);
    const claims = job.spec.template.spec.volumes.map((v) => v.persistentVolumeClaim?.claimName);
    expect(claims).toContain('lslab-sweep-out');
    const merge = named('lslab-sweep-merge') as unknown as {
      spec: {
        template: {
          spec: {
            containers: { args: string[] }[];
            initContainers: { env: { value: string }[] }[];
          };
        };
      };
    };
    expect(merge.spec.template.spec.containers[0].args[0]).toBe('merge');
    expect(Number(merge.spec.template.spec.initContainers[0].env[0].value)).toBe(
      job.spec.completions,
    );
  });

  it('its grid is a valid grid of the claims', () => {
    const text = named('lslab-sweep-grid').data?.['grid.yaml'] as string;
    const grid = resolveGrid(parseGridFile(text, 'grid.yaml'), claimSources, { name: 'grid.yaml' });
    expect(grid.claim).toBe('C8.smoothing-calibration');
    expect(grid.axes.map((a) => a.values.length)).toEqual([5, 2]);
    expect(grid.replicates).toBe(20);
  });
});
