package io.github.asyncops.testing;

import io.github.asyncops.core.Message;
import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.Progress;
import io.github.asyncops.core.SettingsSource;
import io.github.asyncops.core.Stage;
import io.github.asyncops.core.spi.MessageRenderer;
import io.github.asyncops.core.spi.OperationFailedException;
import io.github.asyncops.core.spi.ProviderContext;
import io.github.asyncops.core.spi.Worker;
import io.github.asyncops.core.spi.WorkerContext;
import io.github.asyncops.core.spi.WorkerProvider;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.function.Predicate;

/**
 * Runs one worker of a provider the way the engine would, without an engine, and records what
 * happened, so that a worker's unit test reads like its story:
 *
 * <pre>{@code
 * WorkerRun run =
 *     WorkerTester.of(new MissileLaunchProvider())
 *         .setting("flight-seconds", "1")
 *         .stopWhen(report -> report.value() >= 0.5)
 *         .run(null);
 *
 * assertThat(run.startText()).isEqualTo("Поехали!");
 * assertThat(run.stopText()).isEqualTo("Полет отменен");
 * assertThat(run.outcome()).isEqualTo(OperationState.STOPPED);
 * }</pre>
 *
 * <p>The provider is {@linkplain WorkerProvider#configure configured} as a discovered one is, once,
 * with the settings and services given here and a {@link ManualClock} as its {@code Clock}. Each
 * {@link #run} then validates the parameters, creates a worker, calls its {@code start}, runs it on
 * the calling thread with a context that records every progress report (with the clock's instant
 * and what {@code ping} shows for it), and requests a stop at the first report that the {@link
 * #stopWhen} condition accepts. Not thread-safe: one test, one tester.
 *
 * @param <P> the provider's parameter type
 */
public final class WorkerTester<P> {
  private final WorkerProvider<P> provider;
  private final Map<String, String> settings = new HashMap<>();
  private final Map<Class<?>, Object> services = new LinkedHashMap<>();
  private final ManualClock clock = new ManualClock();
  private Predicate<WorkerRun.Report> stopWhen = report -> false;
  private boolean configured;
  private Locale locale = Locale.ROOT;

  private WorkerTester(WorkerProvider<P> provider) {
    this.provider = Objects.requireNonNull(provider, "provider");
  }

  /**
   * Starts testing a provider.
   *
   * @param provider a new, unconfigured provider, as ServiceLoader would create it
   * @param <P> its parameter type
   * @return the tester
   */
  public static <P> WorkerTester<P> of(WorkerProvider<P> provider) {
    return new WorkerTester<>(provider);
  }

  /**
   * Sets one of the provider's settings, by its name without the provider's namespace.
   *
   * @param name the setting's name, such as {@code flight-seconds}
   * @param value its value
   * @return this tester
   */
  public WorkerTester<P> setting(String name, String value) {
    settings.put(provider.name() + "." + name, Objects.requireNonNull(value, "value"));
    return this;
  }

  /**
   * Sets the language the worker's {@link Message messages} are rendered in, from the provider's
   * {@link WorkerProvider#messages() bundles} with the JDK's renderer; the run's texts are those
   * renderings, and a key the bundle lacks shows as itself. Default: the root locale, the base
   * bundle.
   *
   * @param viewer the language
   * @return this tester
   */
  public WorkerTester<P> locale(Locale viewer) {
    this.locale = Objects.requireNonNull(viewer, "viewer");
    return this;
  }

  /** A message as the configured language reads it. */
  private String render(Message message) {
    if (message == null) {
      return null;
    }
    String base = provider.messages();
    if (base == null) {
      return message.key();
    }
    try {
      Module module = provider.getClass().getModule();
      ResourceBundle bundle =
          module.isNamed()
              ? ResourceBundle.getBundle(base, locale, module)
              : ResourceBundle.getBundle(base, locale, provider.getClass().getClassLoader());
      return MessageRenderer.jdk().format(bundle.getString(message.key()), message, locale);
    } catch (MissingResourceException e) {
      return message.key();
    }
  }

  /**
   * Registers a service the provider may ask for, as {@code OperationEngine.builder().service}
   * does. A {@code Clock} given here replaces the tester's {@link #clock()} for the provider.
   *
   * @param type the type the provider asks for
   * @param service the instance
   * @param <T> the type
   * @return this tester
   */
  public <T> WorkerTester<P> service(Class<T> type, T service) {
    services.put(type, type.cast(Objects.requireNonNull(service, "service")));
    return this;
  }

  /**
   * Requests a stop at the first progress report that matches, as a user pressing Stop would: the
   * context reports a stop from then on and the worker's {@code stop} is called, on the worker's
   * thread, right after the report.
   *
   * @param condition which report to stop at
   * @return this tester
   */
  public WorkerTester<P> stopWhen(Predicate<WorkerRun.Report> condition) {
    this.stopWhen = Objects.requireNonNull(condition, "condition");
    return this;
  }

  /**
   * The clock the provider gets as its {@code Clock} service and that stamps each report. It moves
   * only when the test (or the {@link #stopWhen} condition) advances it.
   *
   * @return the clock
   */
  public ManualClock clock() {
    return clock;
  }

  /**
   * Configures the provider, if that has not happened yet, as the engine does for a discovered one.
   *
   * @return the configured provider
   * @throws io.github.asyncops.core.InvalidSettingException if a setting is missing or invalid
   * @throws io.github.asyncops.core.MissingServiceException if a service it needs is missing
   */
  public WorkerProvider<P> configure() {
    if (!configured) {
      Map<Class<?>, Object> all = new LinkedHashMap<>(services);
      all.putIfAbsent(Clock.class, clock);
      provider.configure(ProviderContext.of(provider.name(), SettingsSource.of(settings), all));
      configured = true;
    }
    return provider;
  }

  /**
   * Runs one operation with these parameters to its end.
   *
   * @param parameters the parameters, or null for none
   * @return what happened
   * @throws io.github.asyncops.core.InvalidParametersException if the provider refuses the
   *     parameters
   */
  public WorkerRun run(P parameters) {
    configure().validate(parameters);
    Worker worker = provider.create(parameters);
    Recorder recorder = new Recorder(worker);
    String startText = worker.start();
    if (startText == null) {
      startText = render(worker.startMessage());
    }
    try {
      OperationResult result = worker.run(recorder);
      return recorder.finish(startText, result == null ? OperationResult.none() : result, null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return recorder.finish(startText, null, e);
    } catch (Exception | Error e) {
      return recorder.finish(startText, null, e);
    }
  }

  /** The context the worker runs with; records what it reports. */
  private final class Recorder implements WorkerContext {
    private final OperationId id = OperationId.random();
    private final Worker worker;
    private final List<WorkerRun.Report> reports = new ArrayList<>();
    private final List<Stage> stages = new ArrayList<>();
    private String text;
    private Message message;
    private boolean stopRequested;
    private boolean stopSeen;
    private String stopText;

    Recorder(Worker worker) {
      this.worker = worker;
    }

    @Override
    public OperationId id() {
      return id;
    }

    @Override
    public void progress(double value, String newText) {
      double clamped = Double.isNaN(value) ? 0 : Math.max(0, Math.min(1, value));
      if (newText != null) {
        text = newText;
        message = null;
      }
      Progress reported = new Progress(clamped, text, message);
      Progress pinged = worker.ping(reported);
      String pingedText = pinged.message() != null ? render(pinged.message()) : pinged.text();
      WorkerRun.Report report = new WorkerRun.Report(clamped, text, pingedText, clock.instant());
      reports.add(report);
      if (!stopRequested && stopWhen.test(report)) {
        stopRequested = true;
        stopText = worker.stop();
        if (stopText == null) {
          stopText = render(worker.stopMessage());
        }
      }
    }

    @Override
    public void report(double value, Message newMessage) {
      message = newMessage;
      text = render(newMessage);
      progress(value, null);
    }

    @Override
    public void reportStage(int index, int count, Message name) {
      stages.add(new Stage(index, count, render(name), name));
    }

    @Override
    public void progress(double value) {
      progress(value, null);
    }

    @Override
    public void stage(int index, int count, String name) {
      stages.add(new Stage(index, count, name));
    }

    @Override
    public boolean stopRequested() {
      stopSeen |= stopRequested;
      return stopRequested;
    }

    WorkerRun finish(String startText, OperationResult result, Throwable failure) {
      return new WorkerRun(
          startText,
          List.copyOf(reports),
          List.copyOf(stages),
          stopRequested,
          stopSeen,
          stopText,
          result,
          failure,
          error(failure));
    }

    /**
     * The error users read: an {@link OperationFailedException}'s message in the tester's language,
     * the failure's own message otherwise.
     */
    private String error(Throwable failure) {
      if (failure instanceof OperationFailedException failed && failed.userMessage() != null) {
        return render(failed.userMessage());
      }
      return failure == null ? null : failure.getMessage();
    }
  }
}
