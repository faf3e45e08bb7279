package org.tapscore.sdk;

/**
 * Where an answer came from, or how an invitation travels. Invitations use {@link #EMAIL}, {@link #SMS} or
 * {@link #LINK}; answers recorded through the SDK default to {@link #SDK}.
 */
public enum Channel {
    EMBED, POPUP, APP, KIOSK, QR, LINK, EMAIL, SMS, SDK, API;

    boolean isInvitationChannel() {
        return this == EMAIL || this == SMS || this == LINK;
    }
}
