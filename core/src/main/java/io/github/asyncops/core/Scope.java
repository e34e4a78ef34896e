package io.github.asyncops.core;

/**
 * Which operations of one type count as "the same" for the start policy: at most one active
 * operation exists per scope slot.
 */
public enum Scope {
  /** One operation of the type for everybody: every caller sees the same progress. */
  GLOBAL,
  /** One operation of the type per owner principal; other owners cannot see it. */
  USER,
  /** One operation of the type per caller-given key (for example a document id). */
  KEY,
  /** No slot: any number of operations of the type may run at once. */
  NONE
}
