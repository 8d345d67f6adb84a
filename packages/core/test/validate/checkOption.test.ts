import { describe, expect, it } from 'vitest';
import { checkConvention, checkOption } from '../../src/validate/index.ts';
import { thrownLslabError } from '../helpers/index.ts';

describe('checkOption(fn, name, value, allowed)', () => {
  it('returns an allowed value', () => {
    expect(checkOption('f', 'options.reduction', 'sum', ['mean', 'sum'])).toBe('sum');
  });

  it('rejects anything else with E_OPTION listing the allowed values', () => {
    const e = thrownLslabError(
      () => checkOption('f', 'options.reduction', 'avg', ['mean', 'sum']),
      'E_OPTION',
    );
    expect(e.message).toBe(`f: options.reduction = "avg": must be one of 'mean', 'sum'`);
    expect(
      thrownLslabError(() => checkOption('f', 'x', undefined, ['a']), 'E_OPTION').details.argument,
    ).toBe('x');
  });
});

describe('checkConvention(fn, value, name?)', () => {
  it("defaults to 'uniform' and accepts 'others'", () => {
    expect(checkConvention('f', undefined)).toBe('uniform');
    expect(checkConvention('f', 'uniform')).toBe('uniform');
    expect(checkConvention('f', 'others')).toBe('others');
  });

  it('names options.convention, or the name given, in E_OPTION', () => {
    expect(thrownLslabError(() => checkConvention('f', 'Uniform'), 'E_OPTION').message).toBe(
      `f: options.convention = "Uniform": must be one of 'uniform', 'others'`,
    );
    expect(
      thrownLslabError(() => checkConvention('f', 'x', 'convention'), 'E_OPTION').details.argument,
    ).toBe('convention');
  });
});
