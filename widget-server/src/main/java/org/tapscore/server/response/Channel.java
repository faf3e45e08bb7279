package org.tapscore.server.response;

import java.util.Locale;
import java.util.Optional;

/** Where an answer came from. */
public enum Channel {
    EMBED, POPUP, APP, KIOSK, QR, LINK, EMAIL, SMS, SDK, API;

    /** A channel named in a view's {@code ch} parameter; SDK and API are not views' to claim. */
    public static Optional<Channel> fromViewParameter(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            Channel channel = valueOf(value.strip().toUpperCase(Locale.ROOT));
            return channel == SDK || channel == API ? Optional.empty() : Optional.of(channel);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
