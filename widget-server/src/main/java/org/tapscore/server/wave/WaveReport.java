package org.tapscore.server.wave;

import org.tapscore.server.response.Channel;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A wave as the API shows it: what it was asked to do and how far it got. {@code responseRate} is answered as a
 * percentage of sent; {@code opened} counts invitations whose personal page was opened at least once;
 * {@code cancelled} those a stopped wave (or an erased respondent) will never send.
 */
public record WaveReport(String id, String campaign, Channel channel, String name, String status,
                         Selection selection, int ratePerHour, Instant startAt, String createdBy, Instant createdAt,
                         Instant firstSendAt, Instant lastSendAt, long invited, long queued, long sent, long failed,
                         long cancelled, long opened, long answered, long skipped, Map<String, Long> skipReasons,
                         Double responseRate, List<WaveTimeline.Point> timeline) {

    static WaveReport of(Wave wave, WaveRepository.Counts c, List<WaveTimeline.Point> timeline) {
        String status = WaveService.CANCELLED.equals(wave.status()) ? "cancelled"
                : WaveService.PLANNING.equals(wave.status()) ? "planning"
                : c.queued() == 0 ? "done" : c.sent() + c.failed() == 0 ? "scheduled" : "sending";
        return new WaveReport(wave.id().toString(), wave.campaignId(), wave.channel(), wave.name(), status,
                wave.selection(), wave.ratePerHour(), wave.startAt(), wave.createdBy(), wave.createdAt(),
                c.firstSendAt(), c.lastSendAt(), c.invited(), c.queued(), c.sent(), c.failed(), c.cancelled(),
                c.opened(),
                c.answered(), c.skipped(), c.skipReasons(), WaveTimeline.rate(c.answered(), c.sent()), timeline);
    }
}
