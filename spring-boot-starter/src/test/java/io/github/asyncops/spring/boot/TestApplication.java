package io.github.asyncops.spring.boot;

import io.github.asyncops.core.OperationListener;
import io.github.asyncops.core.OperationSnapshot;
import io.github.asyncops.core.examples.ReportProvider;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * An application that uses only the starter: worker beans, a listener bean, and the properties in
 * {@code application.properties}. {@code discovered} comes from {@code META-INF/services}; {@code
 * report} is listed there too and must still be taken once.
 */
@SpringBootApplication
public class TestApplication {

  /** Creates the application. */
  public TestApplication() {}

  @Bean
  ReportProvider report() {
    return new ReportProvider();
  }

  @Bean
  FlightProvider flight() {
    return new FlightProvider();
  }

  @Bean
  Ends ends() {
    return new Ends();
  }

  /** Hears every final state, to check that listener beans are wired and shutdown is graceful. */
  static final class Ends implements OperationListener {
    final List<OperationSnapshot> ended = new CopyOnWriteArrayList<>();

    @Override
    public void stateChanged(OperationSnapshot snapshot) {
      if (!snapshot.active()) {
        ended.add(snapshot);
      }
    }
  }
}
