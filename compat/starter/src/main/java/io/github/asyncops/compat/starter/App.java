package io.github.asyncops.compat.starter;

import io.github.asyncops.compat.Flight;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The starter README's application: workers are beans, and that is all the code. */
@SpringBootApplication
public class App {
  /**
   * A worker as a bean; its jar also lists it in {@code META-INF/services}, and the starter takes
   * it once, as the bean.
   *
   * @return the provider
   */
  @Bean
  Flight flight() {
    return new Flight();
  }

  /**
   * Runs the application.
   *
   * @param args Spring Boot's arguments
   */
  public static void main(String[] args) {
    SpringApplication.run(App.class, args);
  }
}
