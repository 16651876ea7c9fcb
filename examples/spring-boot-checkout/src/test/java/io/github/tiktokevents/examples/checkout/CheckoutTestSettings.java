package io.github.tiktokevents.examples.checkout;

import io.github.tiktokevents.emulator.TikTokEmulator;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Points the application at the in-process emulator, whatever this machine's TIKTOK_* variables say. */
final class CheckoutTestSettings {
    private CheckoutTestSettings() {
    }

    static void register(DynamicPropertyRegistry registry, TikTokEmulator emulator) {
        registry.add("tiktok.events.read-environment", () -> "false");
        registry.add("tiktok.events.access-token", emulator::accessToken);
        registry.add("tiktok.events.base-url", emulator::baseUrl);
        registry.add("tiktok.events.pixel-code", () -> "CHECKOUTPIXEL0000001");
        registry.add("tiktok.events.test-event-code", () -> "");
    }
}
