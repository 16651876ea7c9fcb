package io.github.tiktokevents.examples.checkout;

import io.github.tiktokevents.event.Content;
import io.github.tiktokevents.event.Event;
import io.github.tiktokevents.event.EventNames;
import io.github.tiktokevents.event.Page;
import io.github.tiktokevents.event.Properties;
import io.github.tiktokevents.event.User;
import io.github.tiktokevents.processor.EventProcessor;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Takes the order and records its Purchase event: {@code enqueue} only queues (it never waits for TikTok), and the
 * starter drains the queue when the application shuts down, after the last request has been answered.
 */
@RestController
public class CheckoutController {
    private final EventProcessor tiktok;

    /** @param tiktok the starter's processor */
    public CheckoutController(EventProcessor tiktok) {
        this.tiktok = tiktok;
    }

    /**
     * Records the order's Purchase event.
     *
     * @param order the order
     * @param http the request, for the buyer's IP, user agent and page
     * @return 202 with the event id once queued; 503 if the processor refused it (full queue, shutting down)
     */
    // README "Spring Boot checkout" begins
    @PostMapping("/checkout")
    public ResponseEntity<Map<String, String>> checkout(@RequestBody CheckoutRequest order, HttpServletRequest http) {
        Event purchase = Event.builder(EventNames.PURCHASE)
                .eventId("order-" + order.orderId())          // TikTok deduplicates a retried checkout
                .user(User.builder()
                        .email(order.email())                      // normalised and SHA-256 hashed here
                        .ip(http.getRemoteAddr())
                        .userAgent(http.getHeader("User-Agent"))
                        .build())
                .page(Page.of("https://shop.example/checkout"))
                .properties(Properties.builder()
                        .currency(order.currency())
                        .value(order.value())
                        .addContent(Content.builder().contentId(order.productId()).build())
                        .build())
                .build();
        if (!tiktok.enqueue(purchase)) {                           // queue full or shutting down: the listener heard why
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build();
        }
        return ResponseEntity.accepted().body(Map.of("eventId", purchase.eventId()));
    }
    // README "Spring Boot checkout" ends
}
