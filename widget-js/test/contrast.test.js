/**
 * WCAG 1.4.11 (non-text contrast): every state colour of the fill is at least 3:1 against the
 * track it moves along, in both elements, as their stylesheets say and as the README's styling
 * example overrides them. The colours are parsed from the sources, so a new colour is checked too.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';

const read = (file) => readFileSync(new URL(`../${file}`, import.meta.url), 'utf8');

/** Relative luminance of a `#rrggbb` or `#rgb` colour (WCAG 2.x). */
function luminance(hex) {
  const h = hex.length === 4 ? hex.replace(/[0-9a-f]/gi, (d) => d + d).slice(1) : hex.slice(1);
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(h.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a, b) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** The track (`[part=bar]`'s background) and the state colours (`--asyncops-*-color` defaults). */
function colours(css) {
  const track = /\[part=bar\]\{[^}]*background:(#[0-9a-f]{3,6})/i.exec(css)?.[1];
  const states = [...css.matchAll(/--asyncops-([a-z]+)-color,\s*(#[0-9a-f]{3,6})/gi)].map((m) => [m[1], m[2]]);
  return { track, states };
}

test('the contrast ratio is computed as WCAG defines it', () => {
  expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
  expect(contrast('#777', '#ffffff')).toBeCloseTo(4.48, 2);
  expect(contrast('#16a34a', '#e5e7eb')).toBeLessThan(3); // the old success colour
});

test.each(['src/element.js', 'src/operations.js'])('every state colour of %s is at least 3:1 against its track', (file) => {
  const { track, states } = colours(read(file));
  expect(track).toBeDefined();
  expect(states.map(([name]) => name)).toEqual(expect.arrayContaining(['bar', 'success', 'error', 'stopped']));
  for (const [name, colour] of states) {
    expect(contrast(colour, track), `${name} ${colour} on ${track}`).toBeGreaterThanOrEqual(3);
  }
});

test("the README's styling example keeps 3:1 against the track it sets", () => {
  const css = /## Styling\n\n```css\n([\s\S]*?)```/.exec(read('README.md'))[1];
  const states = [...css.matchAll(/--asyncops-([a-z]+)-color:\s*(#[0-9a-f]{3,6})/gi)];
  const track = /::part\(bar\)\s*\{[^}]*background:\s*(#[0-9a-f]{3,6})/i.exec(css)[1];
  expect(states).toHaveLength(4);
  for (const [, name, colour] of states) {
    expect(contrast(colour, track), `${name} ${colour} on ${track}`).toBeGreaterThanOrEqual(3);
  }
});
