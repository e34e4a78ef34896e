package demo;

import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.spi.Worker;
import io.github.asyncops.core.spi.WorkerProvider;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
public class App {
  public static void main(String[] args) {
    SpringApplication.run(App.class, args);
  }

  @Bean // a worker bean may have injected collaborators
  WorkerProvider<Void> hello() {
    return new WorkerProvider<>() {
      @Override
      public String name() {
        return "hello";
      }

      @Override
      public Worker create(Void parameters) {
        return context -> OperationResult.of("hello");
      }
    };
  }
}
