// Helpers for the React and Vue typings: what a template or JSX may pass for each property.
import type { FetchHook } from '../types/common.js';

/**
 * A property's value, or what HTML allows as its attribute: a number also as a numeric string
 * (`interval="1000"`), an object also as its JSON (`params='{"target":"moon"}'`).
 */
export type AsAttribute<T> = T extends number ? T | `${number}` : T extends boolean ? T : T extends object ? T | string : T;

/** The reflected properties of an element, each optional and accepted as its attribute too. */
export type AttributeProps<A> = { [K in keyof A]?: AsAttribute<A[K]> };

/** The properties that have no attribute: the texts and the fetch hook. */
export type HookProps<M> = { messages?: Partial<M> | null; fetch?: FetchHook | null };

/** `operation-update` as Vue names its handler prop: `onOperationUpdate`. */
export type CamelCase<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<CamelCase<Tail>>}` : S;
