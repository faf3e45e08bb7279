package org.tapscore.server.kiosk;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.tapscore.server.admin.ApiKeys;
import org.tapscore.server.web.Json;
import org.tapscore.server.web.RequestBodies;

import java.util.Map;

/**
 * {@code /api/v1/devices}: register and list kiosk devices (API key), and take the devices' heartbeats (device
 * token in the body).
 */
public final class DeviceApi implements HttpService {
    private final KioskDevices devices;
    private final ApiKeys apiKeys;
    private final RequestBodies bodies;

    public DeviceApi(KioskDevices devices, ApiKeys apiKeys, RequestBodies bodies) {
        this.devices = devices;
        this.apiKeys = apiKeys;
        this.bodies = bodies;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/", this::register)
                .get("/", this::list)
                .post("/heartbeat", this::heartbeat);
    }

    private void register(ServerRequest req, ServerResponse res) {
        apiKeys.require(req);
        RegisteredDevice device = devices.register(bodies.json(req, NewDevice.class));
        res.header(HeaderNames.LOCATION, "/api/v1/devices/" + device.id());
        Json.send(res, Status.CREATED_201, device);
    }

    private void list(ServerRequest req, ServerResponse res) {
        apiKeys.require(req);
        Json.send(res, Status.OK_200, Map.of("items", devices.list(req.query().first("campaign").orElse(null))));
    }

    private void heartbeat(ServerRequest req, ServerResponse res) {
        Json.send(res, Status.OK_200, devices.heartbeat(bodies.json(req, Heartbeat.class)));
    }
}
