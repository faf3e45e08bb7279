package org.tapscore.server.kiosk;

import org.tapscore.server.campaign.CampaignService;
import org.tapscore.server.campaign.CampaignCatalog;
import org.tapscore.server.db.Database;
import org.tapscore.server.response.TextNormalizer;
import org.tapscore.server.web.ApiException;
import org.tapscore.server.web.RateLimiter;
import org.tapscore.server.web.Validation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Kiosk devices: registration, the device list, heartbeats, and what an answer sent with a device token is
 * allowed to claim. The token is the device's only credential; the server resolves it to the device's id and
 * location, so a client cannot post answers for another device, location or campaign.
 *
 * <pre>{@code
 * RegisteredDevice stand = devices.register(new NewDevice("Exit stand", "Aarhus C", "in-store"));
 * // open /kiosk/in-store?device=<stand.token()> on the tablet
 * }</pre>
 */
public final class KioskDevices {
    /** A device is online when its last heartbeat (sent every minute) is at most this old. */
    public static final Duration ONLINE_WINDOW = Duration.ofMinutes(3);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KioskDeviceRepository repository;
    private final CampaignCatalog catalog;
    private final RateLimiter perDevice;
    private final Clock clock;

    public KioskDevices(Database db, CampaignCatalog catalog, RateLimiter perDevice, Clock clock) {
        this.repository = new KioskDeviceRepository(db);
        this.catalog = catalog;
        this.perDevice = perDevice;
        this.clock = clock;
    }

    public RegisteredDevice register(NewDevice input) {
        Validation.valid(input);
        catalog.find(input.campaign()).orElseThrow(() -> CampaignService.unknown(input.campaign()));
        NewDevice clean = new NewDevice(TextNormalizer.label(input.name()), TextNormalizer.label(input.location()),
                input.campaign());
        if (clean.name() == null || clean.name().isBlank()) {
            throw ApiException.invalidFields(List.of(new ApiException.FieldError("name", "must not be blank")));
        }
        byte[] random = new byte[24];
        RANDOM.nextBytes(random);
        String token = "tsd_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        UUID id = UUID.randomUUID();
        repository.insert(id, clean, hash(token), clock.instant());
        return new RegisteredDevice(id, token, clean.name(), clean.location(), clean.campaign());
    }

    public List<KioskDevice> list(String campaign) {
        Instant now = clock.instant();
        return repository.list(campaign).stream().map(row -> view(row, now)).toList();
    }

    /** Stores a heartbeat and returns the device as it now stands (the runtime learns its campaign from it). */
    public KioskDevice heartbeat(Heartbeat beat) {
        Validation.valid(beat);
        KioskDeviceRepository.Row row = byToken(beat.device());
        perDevice.acquire("heartbeat:" + row.id());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant lastSync = beat.lastSync() == null ? null : beat.lastSync().truncatedTo(ChronoUnit.MICROS);
        int depth = beat.queueDepth() == null ? 0 : beat.queueDepth();
        String version = TextNormalizer.label(beat.version());
        repository.heartbeat(row.id(), now, lastSync, depth, version);
        return view(new KioskDeviceRepository.Row(row.id(), row.name(), row.location(), row.campaign(),
                row.createdAt(), now, lastSync == null ? row.lastSync() : lastSync, depth, version), now);
    }

    /**
     * The device an answer comes from, checked against the campaign it is for, and counted against the
     * device's rate limit.
     */
    public AnswerDevice forAnswer(String token, String campaign) {
        KioskDeviceRepository.Row row = byToken(token);
        if (!row.campaign().equals(campaign)) {
            throw ApiException.forbidden("device-campaign-mismatch",
                    "This kiosk device is registered for another campaign");
        }
        perDevice.acquire("answer:" + row.id());
        return new AnswerDevice(row.id().toString(), row.location());
    }

    /** Whether an answer at {@code at} follows another answer of the same device closer than {@code interval}. */
    public boolean isRepeat(AnswerDevice device, String campaign, Instant at, Duration interval, String key) {
        return !interval.isZero() && repository.hasAnswerNear(device.id(), campaign, at, interval, key);
    }

    private KioskDeviceRepository.Row byToken(String token) {
        if (token == null || !token.matches("tsd_[A-Za-z0-9_-]{16,96}")) {
            throw ApiException.forbidden("unknown-device", "This kiosk device is not registered");
        }
        return repository.byTokenHash(hash(token))
                .orElseThrow(() -> ApiException.forbidden("unknown-device", "This kiosk device is not registered"));
    }

    private static KioskDevice view(KioskDeviceRepository.Row row, Instant now) {
        boolean online = row.lastSeen() != null && row.lastSeen().isAfter(now.minus(ONLINE_WINDOW));
        return new KioskDevice(row.id(), row.name(), row.location(), row.campaign(), row.createdAt(), row.lastSeen(),
                row.lastSync(), row.queueDepth(), row.version(), online);
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What an answer from a device stores: the device id and the device's registered location. */
    public record AnswerDevice(String id, String location) {
    }
}
