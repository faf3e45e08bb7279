package org.tapscore.server.wave;

import org.tapscore.server.response.Channel;

import java.time.Instant;
import java.util.UUID;

/** A stored wave: what was sent to whom is in its invitations and skips. */
public record Wave(UUID id, String campaignId, Channel channel, String name, Selection selection, int ratePerHour,
                   Instant startAt, String status, String createdBy, Instant createdAt) {
}
