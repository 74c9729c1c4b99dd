import { describe, expect, it } from 'vitest';
import { formatFixed, roundHalfUp } from '../../engine/round.js';

describe('roundHalfUp', () => {
  it('rounds a decimal half that binary storage keeps just below .5 upwards', () => {
    expect(roundHalfUp(1.005, 2)).toBe(1.01);
    expect(roundHalfUp(2.675, 2)).toBe(2.68);
    expect(roundHalfUp(2.005, 2)).toBe(2.01);
  });
  it('rounds below the half down', () => {
    expect(roundHalfUp(2.004, 2)).toBe(2);
    expect(roundHalfUp(12.0049, 2)).toBe(12);
  });
  it('rounds negative halves away from zero', () => {
    expect(roundHalfUp(-1.005, 2)).toBe(-1.01);
    expect(roundHalfUp(-0.004, 2)).toBe(0);
    expect(Object.is(roundHalfUp(-0.004, 2), -0)).toBe(false);
  });
  it('gives the same double as the written decimal', () => {
    expect(roundHalfUp(88.98999999, 2)).toBe(88.99);
    expect(roundHalfUp(200 / 3, 2)).toBe(66.67);
    expect(roundHalfUp(7, 0)).toBe(7);
  });
  it('formats with a fixed number of decimals', () => {
    expect(formatFixed(2, 2)).toBe('2.00');
    expect(formatFixed(12.005, 2)).toBe('12.01');
  });
});
