package org.tapscore.server.survey;

import org.tapscore.server.response.Channel;

/** The three places a survey is shown; they share one flow and differ in layout and default channel. */
public enum Surface {
    PAGE("/s", "page", Channel.LINK),
    EMBED("/embed", "embed", Channel.EMBED),
    KIOSK("/kiosk", "kiosk", Channel.KIOSK);

    private final String prefix;
    private final String cssName;
    private final Channel defaultChannel;

    Surface(String prefix, String cssName, Channel defaultChannel) {
        this.prefix = prefix;
        this.cssName = cssName;
        this.defaultChannel = defaultChannel;
    }

    public String prefix() {
        return prefix;
    }

    public String cssName() {
        return cssName;
    }

    public Channel defaultChannel() {
        return defaultChannel;
    }
}
