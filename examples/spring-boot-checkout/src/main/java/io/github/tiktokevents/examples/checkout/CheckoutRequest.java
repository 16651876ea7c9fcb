package io.github.tiktokevents.examples.checkout;

import java.math.BigDecimal;

/**
 * The order the shop's front end posts to {@code /checkout}.
 *
 * @param orderId the shop's order id; the event's {@code event_id} derives from it, so a retried checkout is
 *                deduplicated by TikTok
 * @param email the buyer's email (hashed by the SDK before it leaves the application)
 * @param productId the product bought
 * @param value the order's total
 * @param currency its ISO 4217 currency, such as EUR
 */
public record CheckoutRequest(String orderId, String email, String productId, BigDecimal value, String currency) {
}
