package io.github.tiktokevents.examples.checkout;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A shop's checkout as a Spring Boot web application: {@code POST /checkout} records the order's Purchase event for
 * TikTok through the starter's {@code EventProcessor}. Configured by {@code application.yml} and the SDK's variables:
 *
 * <pre>
 * export TIKTOK_ACCESS_TOKEN=... TIKTOK_PIXEL_ID=... TIKTOK_TEST_EVENT_CODE=TEST12345
 * then run this class (from the IDE, or java -cp with the module's runtime classpath)
 * </pre>
 */
@SpringBootApplication
public class CheckoutApplication {

    /**
     * Starts the application.
     *
     * @param args Spring Boot's arguments, such as {@code --server.port=8081}
     */
    public static void main(String[] args) {
        SpringApplication.run(CheckoutApplication.class, args);
    }
}
