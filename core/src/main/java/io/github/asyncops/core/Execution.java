package io.github.asyncops.core;

import io.github.asyncops.core.spi.Ending;
import io.github.asyncops.core.spi.OperationRecord;
import io.github.asyncops.core.spi.Worker;
import io.github.asyncops.core.spi.WorkerContext;
import java.lang.System.Logger.Level;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.time.Instant;

/**
 * One operation that this engine created or claimed: its worker, the worker's context, and the
 * thread that runs it.
 *
 * <p>Progress lives in two volatile fields that the worker writes with release stores (plain stores
 * on x86, without the full fence of a volatile write) and without a lock, so reporting in a tight
 * loop costs less than one volatile write. Readers use volatile reads. A reader may pair a new
 * value with the previous text for one tick, which a progress bar does not show. The housekeeping
 * thread publishes changes by comparing with what it published last ({@link #takeChange()}), so the
 * writer does no extra work.
 */
final class Execution implements WorkerContext {
  private static final System.Logger LOG = System.getLogger("io.github.asyncops.core");
  private static final VarHandle VALUE;
  private static final VarHandle TEXT;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      VALUE = lookup.findVarHandle(Execution.class, "value", double.class);
      TEXT = lookup.findVarHandle(Execution.class, "text", Object.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  final OperationId id;
  final RegisteredType type;
  private final Worker worker;
  private final MessageTexts texts;
  private volatile double value;
  // The last status: a String, a Message, or null.
  private volatile Object text;
  // The last message and its rendering in the default language, so an unchanged message is
  // rendered once rather than on every poll.
  private volatile Rendered rendered;
  private volatile Stage stage;
  private Stage sampledStage;
  private boolean sampledStalled;
  final ProgressHistory history = new ProgressHistory();
  private volatile boolean stopRequested;
  private volatile boolean stopObserved;
  private volatile boolean timedOut;
  private volatile Instant stopDeadline;
  private volatile Instant timeoutAt;
  private volatile long epoch;
  private volatile boolean lost;
  private volatile boolean ran;
  private volatile Instant renewedAt;
  // The record as this node last wrote or claimed it, so a status can be answered from memory
  // while the store is unavailable.
  private volatile OperationRecord known;
  private Instant nextProgressAt = Instant.MIN;
  private Thread thread;
  private boolean interrupted;
  private boolean launched;
  private boolean startTaken;
  private double publishedValue;
  private Object publishedText;

  private record Rendered(Message message, String text) {}

  private Execution(
      OperationId id, RegisteredType type, Worker worker, Progress last, MessageTexts texts) {
    this.id = id;
    this.type = type;
    this.worker = worker;
    this.texts = texts;
    this.value = last.value();
    this.text = last.message() != null ? last.message() : last.text();
  }

  /** An execution for an operation claimed from the store, with a fresh worker. */
  static Execution claimed(
      OperationId id, RegisteredType type, Worker worker, Progress last, MessageTexts texts) {
    return new Execution(id, type, worker, last, texts);
  }

  /** How this operation ends when its worker threw {@code failure}; see {@link Failures}. */
  Ending failed(Progress last, Throwable failure) {
    return Failures.ending(last, failure, texts, type.type.name());
  }

  /** The worker, made for this run. */
  Worker worker() {
    return worker;
  }

  @Override
  public OperationId id() {
    return id;
  }

  @Override
  public void progress(double newValue, String newText) {
    VALUE.setRelease(this, clamp(newValue));
    TEXT.setRelease(this, newText);
  }

  @Override
  public void report(double newValue, Message newMessage) {
    VALUE.setRelease(this, clamp(newValue));
    TEXT.setRelease(this, newMessage);
  }

  @Override
  public void progress(double newValue) {
    VALUE.setRelease(this, clamp(newValue));
  }

  @Override
  public void stage(int index, int count, String name) {
    stage = new Stage(index, count, name);
  }

  @Override
  public void reportStage(int index, int count, Message name) {
    stage = new Stage(index, count, name == null ? null : render(name), name);
  }

  /** The stage the worker last reported, or null. */
  Stage stage() {
    return stage;
  }

  /**
   * Samples the reported progress into the history, on the housekeeping thread. A worker that
   * reports stages but no values is timed by its stages.
   *
   * @return whether listeners should hear of this tick although value and text may not have
   *     changed: the stage changed, or the run stalled or moved again
   */
  boolean sample(Instant now) {
    long millis = now.toEpochMilli();
    double v = value;
    Stage s = stage;
    history.sample(millis, v == 0 && s != null ? s.done() : v, text, s);
    boolean stalled = history.stalled(millis, type.type.stallAfter());
    boolean news = s != sampledStage || stalled != sampledStalled;
    sampledStage = s;
    sampledStalled = stalled;
    return news;
  }

  @Override
  public boolean stopRequested() {
    if (stopRequested) {
      stopObserved = true;
      return true;
    }
    return false;
  }

  /** What {@code run} last reported. */
  Progress reported() {
    return progress(value, text);
  }

  private Progress progress(double v, Object t) {
    return t instanceof Message m ? new Progress(v, render(m), m) : new Progress(v, (String) t);
  }

  /** A message in the default language, rendered once while it stays the same. */
  private String render(Message message) {
    Rendered last = rendered;
    if (last != null && last.message().equals(message)) {
      return last.text();
    }
    String text = texts.render(type.type.name(), message);
    rendered = new Rendered(message, text);
    return text;
  }

  /** What pollers see: the worker's {@code ping} of what it reported. */
  Progress ping() {
    Progress reported = reported();
    try {
      Progress pinged = worker.ping(reported);
      if (pinged == null) {
        return reported;
      }
      return pinged.message() != null && pinged.text() == null
          ? new Progress(pinged.value(), render(pinged.message()), pinged.message())
          : pinged;
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "ping of operation " + id + " threw; showing its last report", e);
      return reported;
    }
  }

  /**
   * A stop request this execution took.
   *
   * @param text the worker's stop text, in the default language for a message, or null if it has
   *     none
   * @param message the worker's stop message, or null
   */
  record Stop(String text, Message message) {}

  /**
   * Records a stop request once and asks the worker for its stop text.
   *
   * <p>Holds this execution's monitor while the worker's {@code stop} runs and its text is set, so
   * a worker that {@code stop} wakes cannot end, and {@link #finalProgress()} cannot be read,
   * before the stop text is in place.
   *
   * @return the stop, or null if one was already requested
   */
  synchronized Stop requestStop(Instant graceDeadline) {
    if (stopRequested) {
      return null;
    }
    stopRequested = true;
    stopDeadline = graceDeadline;
    try {
      String stopText = worker.stop();
      if (stopText != null) {
        text = stopText;
        return new Stop(stopText, null);
      }
      Message stopMessage = worker.stopMessage();
      if (stopMessage != null) {
        text = stopMessage;
        return new Stop(render(stopMessage), stopMessage);
      }
      return new Stop(null, null);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "stop of operation " + id + " threw; stopping anyway", e);
      return new Stop(null, null);
    }
  }

  /** What pollers see once {@code run} has returned, after any stop request has set its text. */
  synchronized Progress finalProgress() {
    return ping();
  }

  boolean isStopRequested() {
    return stopRequested;
  }

  boolean stopObserved() {
    return stopObserved;
  }

  void markTimedOut() {
    timedOut = true;
  }

  boolean timedOut() {
    return timedOut;
  }

  boolean timeoutPassed(Instant now) {
    Instant at = timeoutAt;
    return at != null && !now.isBefore(at);
  }

  /** Binds the execution to the current thread, before {@code run}. */
  synchronized void enter(Instant timeout) {
    thread = Thread.currentThread();
    timeoutAt = timeout;
  }

  /** Unbinds the thread, after {@code run}, and clears an interrupt aimed at this operation. */
  synchronized void exit() {
    ran = true;
    thread = null;
    Thread.interrupted();
  }

  /** Interrupts the running thread once the grace period after a stop request has passed. */
  synchronized void interruptIfOverdue(Instant now) {
    Instant deadline = stopDeadline;
    if (thread != null && !interrupted && deadline != null && !now.isBefore(deadline)) {
      interrupted = true;
      thread.interrupt();
    }
  }

  /**
   * How long the worker has run past the moment it should have ended, and on which thread.
   *
   * @param by the time past that moment
   * @param thread the name of the worker's thread
   */
  record Overdue(Duration by, String thread) {}

  /**
   * Tells whether the worker still runs after its stop grace period, or after its timeout plus that
   * period (which also covers a timeout whose stop the store failed to record).
   *
   * @return how overdue it is, or null if it is not running or not overdue
   */
  synchronized Overdue overdue(Instant now, Duration grace) {
    if (thread == null) {
      return null;
    }
    Instant due = stopDeadline;
    if (timeoutAt != null && (due == null || timeoutAt.plus(grace).isBefore(due))) {
      due = timeoutAt.plus(grace);
    }
    if (due == null || !now.isAfter(due)) {
      return null;
    }
    return new Overdue(Duration.between(due, now), thread.getName());
  }

  /** Interrupts the running thread now, at shutdown. */
  synchronized void interrupt() {
    if (thread != null) {
      interrupted = true;
      thread.interrupt();
    }
  }

  synchronized boolean wasInterrupted() {
    return interrupted;
  }

  /**
   * Marks the execution handed to the executor under the epoch it was claimed with; false if it
   * already was.
   */
  synchronized boolean launch(long claimedEpoch, Instant now) {
    if (launched) {
      return false;
    }
    epoch = claimedEpoch;
    renewedAt = now;
    launched = true;
    return true;
  }

  /**
   * Takes the one call of the worker's {@code start} for this run: true the first time, for the
   * claiming thread or the worker thread, whichever comes first.
   */
  synchronized boolean takeStart() {
    if (startTaken) {
      return false;
    }
    startTaken = true;
    return true;
  }

  /** Calls the worker's {@code start} and reports its text, if any, as the first progress. */
  void start() {
    String first = worker.start();
    if (first != null) {
      progress(0, first);
      return;
    }
    Message firstMessage = worker.startMessage();
    if (firstMessage != null) {
      report(0, firstMessage);
    }
  }

  /** The epoch this node claimed the operation with, or 0 before the claim. */
  long epoch() {
    return epoch;
  }

  /** When this node last confirmed it holds the operation: its claim or last heartbeat. */
  Instant renewedAt() {
    return renewedAt;
  }

  void renewed(Instant now) {
    renewedAt = now;
  }

  /**
   * Marks the operation lost to this node and asks the worker to stop; its thread is interrupted
   * once {@code graceDeadline} passes. {@link #stopRequested()} turns true.
   *
   * @return true the first time
   */
  boolean lose(Instant graceDeadline) {
    if (lost) {
      return false;
    }
    lost = true;
    requestStop(graceDeadline);
    return true;
  }

  /** Remembers the record as this node last claimed or wrote it. */
  void known(OperationRecord record) {
    known = record;
  }

  /**
   * The record as this node last claimed or wrote it, for answers from memory while the store is
   * unavailable; null before the claim.
   */
  OperationRecord known() {
    return known;
  }

  /**
   * Lets the next {@link #takeChange()} report the current progress again, after a write of it
   * failed, so that it is written once the store answers.
   */
  void republish() {
    publishedValue = Double.NaN;
  }

  /** Whether the worker's {@code run} returned, so its end is being written. */
  boolean ran() {
    return ran;
  }

  /** Whether this node lost the operation, so nothing of it may be written any more. */
  boolean lost() {
    return lost;
  }

  /** Whether progress may be written at {@code now}. Only the housekeeping thread calls this. */
  boolean progressDue(Instant now) {
    return !now.isBefore(nextProgressAt);
  }

  /** Holds the next progress write back for {@code interval}, the store's progress throttle. */
  void progressWritten(Instant now, Duration interval) {
    nextProgressAt = now.plus(interval);
  }

  synchronized boolean launched() {
    return launched;
  }

  /**
   * Returns the reported progress if it changed since the last call, else null. Only the
   * housekeeping thread calls this; it then stores what pollers see ({@link #ping()}), so nodes
   * that read the store show the same text as this one.
   */
  Progress takeChange() {
    double v = value;
    Object t = text;
    if (v == publishedValue && java.util.Objects.equals(t, publishedText)) {
      return null;
    }
    publishedValue = v;
    publishedText = t;
    return progress(v, t);
  }

  private static double clamp(double v) {
    if (v >= 1) {
      return 1;
    }
    return v > 0 ? v : 0;
  }
}
