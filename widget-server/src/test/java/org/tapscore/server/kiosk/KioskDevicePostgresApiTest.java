package org.tapscore.server.kiosk;

import org.tapscore.server.support.TestDatabases;

/** The device API and token rules on PostgreSQL (V3 migration, anti-repeat query, heartbeats). */
class KioskDevicePostgresApiTest extends KioskDeviceApiTest {
    @Override
    protected TestDatabases.Kind kind() {
        return TestDatabases.Kind.POSTGRES;
    }
}
