package io.github.asyncops.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.asyncops.core.OperationEngine;
import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.OperationSnapshot;
import io.github.asyncops.core.OperationState;
import io.github.asyncops.core.StartRequest;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Closing the application stops running operations gracefully: the worker hears the stop within
 * {@code asyncops.stop-grace} and its operation ends STOPPED, not failed by the shutdown.
 */
final class ShutdownIT {

  @Test
  void closing_the_application_gives_running_operations_their_stop_grace() throws Exception {
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(TestApplication.class).run("--server.port=0");
    OperationEngine engine = context.getBean(OperationEngine.class);
    FlightProvider flight = context.getBean(FlightProvider.class);
    TestApplication.Ends ends = context.getBean(TestApplication.Ends.class);
    OperationId id = engine.start(StartRequest.of("flight")).operation().id();
    assertThat(flight.takeOff.await(10, TimeUnit.SECONDS)).isTrue();

    context.close();

    assertThat(ends.ended)
        .filteredOn(s -> s.id().equals(id))
        .singleElement()
        .extracting(OperationSnapshot::state)
        .isEqualTo(OperationState.STOPPED);
  }
}
