package dev.ftbridge;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Fivetran Kafka Bridge: command events in, Fivetran REST calls, result and status events
 * out.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class FtbridgeApplication {

	public static void main(String[] args) {
		SpringApplication.run(FtbridgeApplication.class, args);
	}

}
