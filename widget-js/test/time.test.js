/**
 * Time in words (en, ru) and the bar's line of time: rounding of estimates, the time since the
 * status arrived, the parts an `omit` leaves out, and what a screen reader hears. The element's
 * use of it is element.test.js's; the real browser is browser.test.js's.
 */
import { describe, expect, test } from 'vitest';
import { en, ru } from '../src/messages.js';
import { duration, fill, timeLine } from '../src/time.js';

describe('duration', () => {
  test.each([
    [0, 'en', '0 seconds'],
    [1, 'en', '1 second'],
    [59, 'en', '59 seconds'],
    [61, 'en', '1 minute'],
    [179, 'en', '2 minutes'],
    [3600 + 1800, 'en', '1.5 hours'],
    [2, 'ru', '2 секунды'],
    [21 * 60, 'ru', '21 минута'],
    [5 * 60 + 59, 'ru', '5 минут'],
    [2 * 3600, 'ru', '2 часа'],
  ])('%i s exactly in %s is "%s"', (seconds, locale, words) => {
    expect(duration(seconds, locale)).toBe(words);
  });

  test.each([
    [0, 'en', '5 seconds'],
    [42, 'en', '40 seconds'],
    [58, 'en', '1 minute'],
    [150, 'en', '3 minutes'],
    [100 * 60, 'en', '1.5 hours'],
    [42, 'ru', '40 секунд'],
    [150, 'ru', '3 минуты'],
    [100 * 60, 'ru', '1,5 часа'],
  ])('an estimate of %i s in %s is "%s"', (seconds, locale, words) => {
    expect(duration(seconds, locale, true)).toBe(words);
  });

  test('a negative duration counts as none', () => {
    expect(duration(-3, 'en')).toBe('0 seconds');
  });
});

describe('timeLine', () => {
  const running = { active: true, elapsed: 65, remaining: 130, stalled: false, stage: { index: 2, count: 5, name: 'Loading rows' } };

  test('shows the stage, elapsed and time left in English', () => {
    expect(timeLine(running, 0, en, 'en')).toEqual({
      shown: 'Stage 2 of 5: Loading rows · 1 minute elapsed · about 2 minutes left',
      spoken: 'Stage 2 of 5: Loading rows, about 2 minutes left',
    });
  });

  test('shows them in Russian', () => {
    expect(timeLine(running, 0, ru, 'ru').shown).toBe('Этап 2 из 5: Loading rows · прошло: 1 минута · ещё примерно 2 минуты');
  });

  test('moves elapsed on and time left down by the time since the status arrived', () => {
    const line = timeLine({ active: true, elapsed: 50, remaining: 70 }, 65_000, en, 'en');
    expect(line.shown).toBe('1 minute elapsed · about 5 seconds left');
  });

  test('a stall adds its hint, which a screen reader hears too', () => {
    const line = timeLine({ active: true, elapsed: 10, remaining: null, stalled: true }, 0, en, 'en');
    expect(line).toEqual({ shown: '10 seconds elapsed · No progress for a while', spoken: 'No progress for a while' });
  });

  test('omit leaves out each part', () => {
    const stalled = { ...running, stalled: true };
    expect(timeLine(stalled, 0, en, 'en', 'elapsed stage').shown).toBe('about 2 minutes left · No progress for a while');
    expect(timeLine(stalled, 0, en, 'en', 'remaining stalled').shown).toBe('Stage 2 of 5: Loading rows · 1 minute elapsed');
  });

  test('a stage without a name, and an ended operation, show only the stage', () => {
    const ended = { active: false, elapsed: 300, remaining: null, stalled: true, stage: { index: 5, count: 5, name: null } };
    expect(timeLine(ended, 10_000, en, 'en')).toEqual({ shown: 'Stage 5 of 5', spoken: 'Stage 5 of 5' });
  });

  test('a status without times shows nothing, as the seed did', () => {
    expect(timeLine({ active: true }, 5_000, en, 'en')).toEqual({ shown: '', spoken: '' });
    expect(timeLine(null, 0, en, 'en')).toEqual({ shown: '', spoken: '' });
  });

  test('templates are overridable and fill their placeholders', () => {
    expect(fill('{time} to go ({missing})', { time: '3 minutes' })).toBe('3 minutes to go ()');
    expect(timeLine(running, 0, { ...en, left: 'ETA {time}' }, 'en', 'stage elapsed').shown).toBe('ETA 2 minutes');
  });
});
