package io.github.asyncops.core;

/** What a start does while an operation in the same {@link Scope} slot is still active. */
public enum StartPolicy {
  /** Answer with the active operation and start nothing. The default. */
  JOIN,
  /** Refuse with {@link OperationConflictException}. */
  REJECT,
  /** Ask the active operation to stop, then start a new one in its place. */
  RESTART
}
